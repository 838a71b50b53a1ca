/* Check suite: readers on one tree from many threads (docs/api.md,
 * "Threads"). Eight threads run every read-only call the documentation
 * allows concurrently — statistics, the walker and foreach, lookups,
 * pbo_member_dup_attribute(), pbo_check(), the report, the dues sheet and
 * pbo_xml_save_data() — over one loaded tree, and each result must equal
 * the one computed on a single thread first. CI also runs this suite under
 * ThreadSanitizer (.ci/run), which reports any data race the comparison
 * alone could miss. */
#include <string.h>
#include "testutil.h"

#define N_THREADS 8
#define N_ROUNDS  3

/* A fixed date: results must not depend on the day. */
#define ON 20240301

static const char *const attributes[] = {
  "name", "gender", "born", "joined", "status", "employment", "department", "position",
  "dues-base", "phone", "id-card", "mobile",
};

static void
append_stats (GString *out, const PboStats *s)
{
  g_string_append_printf (out, "stats %u %u %u %u %u %u %u %u %u %u %u\n", s->members,
                          s->full, s->probationary, s->in_service, s->retired,
                          s->general_branches, s->branches, s->groups, s->child_orgs,
                          s->direct_members, s->committees);
}

typedef struct {
  GString       *out;
  const PboTree *tree;
} Text;

static gboolean
append_member (PboMember *m, gpointer data)
{
  GString *out = ((Text *) data)->out;
  const PboTree *tree = ((Text *) data)->tree;
  guint i;

  /* A lookup by id finds the very member the walk reached. */
  ck_assert (pbo_tree_lookup_member (tree, pbo_member_get_id (m)) == m);
  g_string_append_printf (out, "member %s", pbo_member_get_id (m));
  for (i = 0; i < G_N_ELEMENTS (attributes); i++)
    {
      g_autofree char *value = pbo_member_dup_attribute (m, attributes[i]);
      g_string_append_printf (out, " %s=%s", attributes[i], value != NULL ? value : "-");
    }
  g_string_append_c (out, '\n');
  return TRUE;
}

static void
append_walk (GString *out, const PboTree *tree)
{
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;

  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    if (ev == PBO_WALK_ENTER)
      {
        PboStats stats;
        ck_assert (pbo_tree_lookup_org (tree, pbo_org_get_id (org)) == org);
        pbo_org_get_stats (org, &stats);
        g_string_append_printf (out, "org %s %s\n", pbo_org_get_id (org), pbo_org_get_name (org));
        append_stats (out, &stats);
      }
}

static void
append_reports (GString *out, const PboTree *tree)
{
  PboCheckOptions options = PBO_CHECK_OPTIONS_INIT;
  GError *error = NULL;
  PboFindings *findings;
  PboReport *report;
  PboDuesSheet *sheet;

  options.on = ON;
  findings = pbo_check (tree, NULL, &options, &error);
  ck_assert_msg (findings != NULL, "%s", error != NULL ? error->message : "");
  pbo_findings_write_text (findings, out);
  pbo_findings_free (findings);
  report = pbo_report_new (tree, NULL, ON, &error);
  ck_assert_msg (report != NULL, "%s", error != NULL ? error->message : "");
  pbo_report_write_text (report, out);
  pbo_report_free (report);
  sheet = pbo_dues_sheet_new (tree, NULL, ON, &error);
  ck_assert_msg (sheet != NULL, "%s", error != NULL ? error->message : "");
  pbo_dues_sheet_write_csv (sheet, out);
  pbo_dues_sheet_free (sheet);
}

/* Everything a reader may compute, as one text. */
static char *
read_everything (const PboTree *tree)
{
  GString *out = g_string_new (NULL);
  Text text = { out, tree };
  PboStats stats;
  GError *error = NULL;
  char *saved;

  pbo_tree_get_stats (tree, &stats);
  append_stats (out, &stats);
  append_walk (out, tree);
  pbo_tree_foreach_member (tree, NULL, append_member, &text);
  append_reports (out, tree);
  saved = pbo_xml_save_data (tree, NULL, NULL, &error);
  ck_assert_msg (saved != NULL, "%s", error != NULL ? error->message : "");
  g_string_append (out, saved);
  g_free (saved);
  return g_string_free (out, FALSE);
}

typedef struct {
  const PboTree *tree;
  const char    *expected;
  gint          *differences;
} Reader;

static gpointer
reader_thread (gpointer data)
{
  const Reader *r = data;
  guint i;

  for (i = 0; i < N_ROUNDS; i++)
    {
      g_autofree char *got = read_everything (r->tree);
      if (strcmp (got, r->expected) != 0)
        g_atomic_int_inc (r->differences);
    }
  return NULL;
}

START_TEST (test_concurrent_readers)
{
  g_autofree char *path = tu_srcpath ("examples/data/jianghai.xml");
  GError *error = NULL;
  PboTree *tree = pbo_xml_load_file (path, NULL, &error);
  g_autofree char *expected = NULL;
  GThread *threads[N_THREADS];
  gint differences = 0;
  Reader reader;
  guint i;

  ck_assert_msg (tree != NULL, "%s", error != NULL ? error->message : "");
  expected = read_everything (tree);
  /* Enough to mean something: members, findings, a report, a save. */
  ck_assert_uint_gt (strlen (expected), 20000);
  reader = (Reader) { tree, expected, &differences };
  for (i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("reader", reader_thread, &reader);
  for (i = 0; i < N_THREADS; i++)
    g_thread_join (threads[i]);
  ck_assert_int_eq (differences, 0);
  pbo_tree_free (tree);
}
END_TEST

/* Loads on several threads at once, each of its own document: the loader's
 * libxml2 error handler swap is per thread (libxml2 keeps it in
 * thread-local state), so one thread's errors never reach another's. */
static gpointer
loader_thread (gpointer data)
{
  static const char bad[] = "<pbo xmlns=\"urn:libpbo:1\" version=\"1\"><org id=\"a\"";
  const char *good = data;
  guint i;

  for (i = 0; i < 20; i++)
    {
      GError *error = NULL;
      PboTree *tree = pbo_xml_load_data (good, strlen (good), NULL, &error);
      ck_assert_msg (tree != NULL, "%s", error != NULL ? error->message : "");
      pbo_tree_free (tree);
      ck_assert (pbo_xml_load_data (bad, sizeof bad - 1, NULL, &error) == NULL);
      ck_assert_pbo_error (error, PBO_ERROR_PARSE);
    }
  return NULL;
}

START_TEST (test_concurrent_loads)
{
  g_autofree char *path = tu_srcpath ("tests/data/roundtrip/foreign.xml");
  g_autofree char *good = tu_read_file (path);
  GThread *threads[N_THREADS];
  guint i;

  for (i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("loader", loader_thread, good);
  for (i = 0; i < N_THREADS; i++)
    g_thread_join (threads[i]);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("threads");
  TCase *tc = tcase_create ("readers");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_concurrent_readers);
  tcase_add_test (tc, test_concurrent_loads);
  suite_add_tcase (s, tc);
  return tu_run (s);
}
