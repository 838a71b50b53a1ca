/* Check suite: readers of one tree in 8 threads at once (docs/api.md,
 * "Threads"). Every thread runs every read-only call — stats, the walker,
 * lookups, member attributes, the rule check, the report, the dues sheet,
 * the save to memory, the tree before its journal — many times and compares each result with the one
 * computed alone beforehand. CI runs it under ThreadSanitizer (clang,
 * -Db_sanitize=thread), which reports any data race among the readers. */
#include <stddef.h>
#include <string.h>
#include "testutil.h"

#define N_THREADS 8
#define ROUNDS 25
#define ON 20240301

/* What one reader computes; equal in every thread and to the lone run. */
typedef struct {
  PboStats stats;
  guint    orgs_walked;
  char    *attributes;   /* every attribute of every member, in order */
  guint    findings;
  char    *report;
  char    *dues;
  char    *saved;
  char    *past;         /* the tree before its journal, as saved */
} Reading;

typedef struct {
  const PboTree *tree;
  const Reading *expected;
  gboolean       ok;
} Reader;

static const char *const attrs[] = {
  "id", "name", "gender", "born", "joined", "full-since", "status", "employment", "ethnicity",
  "education", "position", "department", "dues-base", "dues-category", "phone", "id-card",
  "mobile",
};

static gboolean
add_attributes (PboMember *m, gpointer data)
{
  GString *out = data;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (attrs); i++)
    {
      g_autofree char *v = pbo_member_dup_attribute (m, attrs[i]);
      g_string_append_printf (out, "%s=%s;", attrs[i], v != NULL ? v : "");
    }
  g_string_append_c (out, '\n');
  return TRUE;
}

/* Every org and member found again by its id. */
static guint
walk_and_look_up (const PboTree *tree)
{
  PboWalker w;
  PboWalkEvent ev;
  PboOrg *org;
  guint n = 0;

  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      const PboMember *m;
      if (ev != PBO_WALK_ENTER)
        continue;
      n += pbo_tree_lookup_org (tree, pbo_org_get_id (org)) == org;
      for (m = pbo_org_get_first_member (org); m != NULL; m = pbo_member_get_next (m))
        g_assert (pbo_tree_lookup_member (tree, pbo_member_get_id (m)) == m);
    }
  return n;
}

static void
read_tree (const PboTree *tree, Reading *r)
{
  PboCheckOptions check = PBO_CHECK_OPTIONS_INIT;
  GString *attributes = g_string_new (NULL), *report = g_string_new (NULL);
  GString *dues = g_string_new (NULL);
  PboFindings *findings;
  PboReport *rep;
  PboDuesSheet *sheet;
  PboTree *before;

  pbo_tree_get_stats (tree, &r->stats);
  r->orgs_walked = walk_and_look_up (tree);
  pbo_tree_foreach_member (tree, NULL, add_attributes, attributes);
  r->attributes = g_string_free (attributes, FALSE);
  check.on = ON;
  findings = pbo_check (tree, NULL, &check, NULL);
  g_assert (findings != NULL);
  r->findings = pbo_findings_get_n (findings);
  pbo_findings_free (findings);
  rep = pbo_report_new (tree, NULL, ON, NULL);
  g_assert (rep != NULL);
  pbo_report_write_text (rep, report);
  pbo_report_free (rep);
  r->report = g_string_free (report, FALSE);
  sheet = pbo_dues_sheet_new (tree, NULL, 20240301, NULL);
  g_assert (sheet != NULL);
  pbo_dues_sheet_write_csv (sheet, dues);
  pbo_dues_sheet_free (sheet);
  r->dues = g_string_free (dues, FALSE);
  r->saved = pbo_xml_save_data (tree, NULL, NULL, NULL);
  g_assert (r->saved != NULL);
  before = pbo_edit_tree_at (tree, 0, NULL);
  g_assert (before != NULL);
  r->past = pbo_xml_save_data (before, NULL, NULL, NULL);
  pbo_tree_free (before);
}

static void
reading_clear (Reading *r)
{
  g_free (r->attributes);
  g_free (r->report);
  g_free (r->dues);
  g_free (r->saved);
  g_free (r->past);
}

static gboolean
same (const Reading *a, const Reading *b)
{
  /* (The stats up to their private tail, which no call need set.) */
  return memcmp (&a->stats, &b->stats, offsetof (PboStats, reserved)) == 0
         && a->orgs_walked == b->orgs_walked
         && strcmp (a->attributes, b->attributes) == 0 && a->findings == b->findings
         && strcmp (a->report, b->report) == 0 && strcmp (a->dues, b->dues) == 0
         && strcmp (a->saved, b->saved) == 0 && strcmp (a->past, b->past) == 0;
}

/* (No Check assertion in a thread: Check's are not thread-safe.) */
static gpointer
reader_main (gpointer data)
{
  Reader *reader = data;
  guint round;

  reader->ok = TRUE;
  for (round = 0; round < ROUNDS; round++)
    {
      Reading r = { 0 };
      read_tree (reader->tree, &r);
      reader->ok = reader->ok && same (&r, reader->expected);
      reading_clear (&r);
    }
  return NULL;
}

/* The rich fixture (every member field, officers, meetings, a journal)
 * and many members, so that the readers overlap for a while. */
static PboTree *
readers_tree (void)
{
  PboTree *tree = tu_full_tree ();
  PboOrg *b = pbo_tree_lookup_org (tree, "b");
  guint i;

  for (i = 0; i < 400; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%03u", i);
      PboMember *m = tu_add_member (tree, b, id, i % 3 ? PBO_STATUS_FULL : PBO_STATUS_PROBATIONARY,
                                    i % 4 ? PBO_EMPLOYMENT_IN_SERVICE : PBO_EMPLOYMENT_RETIRED);
      ck_assert (pbo_member_set_attribute (tree, m, "dues-base", i % 2 ? "3000" : "8000.50", NULL));
      ck_assert (pbo_member_set_attribute (tree, m, "department", i % 5 ? "内科" : "外科", NULL));
    }
  ck_assert (pbo_edit_rename (tree, b, "内科党支部", NULL, NULL));
  return tree;
}

START_TEST (test_concurrent_readers)
{
  g_autoptr (PboTree) tree = readers_tree ();
  Reading expected = { 0 };
  Reader readers[N_THREADS];
  GThread *threads[N_THREADS];
  guint i;

  read_tree (tree, &expected);
  ck_assert_uint_gt (expected.stats.members, 400);
  for (i = 0; i < N_THREADS; i++)
    {
      readers[i] = (Reader) { tree, &expected, FALSE };
      threads[i] = g_thread_new ("reader", reader_main, &readers[i]);
    }
  for (i = 0; i < N_THREADS; i++)
    g_thread_join (threads[i]);
  for (i = 0; i < N_THREADS; i++)
    ck_assert_msg (readers[i].ok, "reader %u saw another tree", i);
  reading_clear (&expected);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("threads");
  TCase *tc = tcase_create ("readers");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_concurrent_readers);
  suite_add_tcase (s, tc);
  return tu_run (s);
}
