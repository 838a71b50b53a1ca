/* Check suite: load ∘ save is idempotent on seeded random trees.
 *
 * Random trees are built through the public API with every field of every
 * object set at random — text that needs escaping (& < > " ' newline, tab,
 * carriage return), CJK, emoji — then saved. Foreign content cannot be
 * planted through the public API, so the saved document is then decorated
 * with foreign attributes and elements (text, nesting, escapes) on <pbo>,
 * <org> and <member>. Each document must load, save to the same bytes as
 * its canonical form, and load again to an equal tree (same dump, same
 * bytes). The seed is printed; PBO_SEED=N replays a run. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"

#define N_TREES 60

typedef struct {
  GRand   *rand;
  PboTree *tree;
  GPtrArray *holders;  /* branches and groups */
  GPtrArray *members;
  guint    next_id;
  guint    counts[4];  /* orgs, members, officers, meetings */
} Gen;

static int
rnd (Gen *g, int n)
{
  return g_rand_int_range (g->rand, 0, n);
}

/* A random string of pieces that all need care in XML or in UTF-8. */
static char *
random_text (Gen *g)
{
  static const char *const pieces[] = {
    "&", "<", ">", "\"", "'", "\n", "\t", "\r", " ", "  ", "党支部", "內科", "😀", "🇨🇳",
    "a", "Z", "&amp;", "]]>", "-->", "é", "\xe2\x80\x8b", "江海区", "0",
  };
  GString *s = g_string_new (NULL);
  int i, n = 1 + rnd (g, 8);

  for (i = 0; i < n; i++)
    g_string_append (s, pieces[rnd (g, G_N_ELEMENTS (pieces))]);
  return g_string_free (s, FALSE);
}

static PboDate
random_date (Gen *g, guint from_year)
{
  return pbo_date_make (from_year + (guint) rnd (g, 30), 1 + (guint) rnd (g, 12),
                        1 + (guint) rnd (g, 28));
}

static char *
next_id (Gen *g, const char *prefix)
{
  return g_strdup_printf ("%s%u", prefix, g->next_id++);
}

static void
set_random_member_fields (Gen *g, PboMember *m)
{
  static const char *const genders[] = { "male", "female" };
  static const char *const categories[] = { "standard", "student", "unemployed", "subsistence",
                                            "farmer", "mobile-no-income" };
  static const char *const text_attrs[] = { "ethnicity", "education", "position", "department",
                                            "phone" };
  char buf[PBO_DATE_BUFSIZE], dues[32];
  guint i;

  if (rnd (g, 2))
    ck_assert (pbo_member_set_attribute (g->tree, m, "gender", genders[rnd (g, 2)], NULL));
  if (rnd (g, 2))
    ck_assert (pbo_member_set_attribute (g->tree, m, "born",
                                         rnd (g, 4) ? pbo_date_format (random_date (g, 1940), buf)
                                                    : "1966", NULL));
  for (i = 0; i < G_N_ELEMENTS (text_attrs); i++)
    if (rnd (g, 2))
      {
        g_autofree char *t = random_text (g);
        ck_assert (pbo_member_set_attribute (g->tree, m, text_attrs[i], t, NULL));
      }
  if (rnd (g, 2))
    {
      g_snprintf (dues, sizeof dues, "%d.%02d", rnd (g, 30000), rnd (g, 100));
      ck_assert (pbo_member_set_attribute (g->tree, m, "dues-base", dues, NULL));
    }
  if (rnd (g, 2))
    ck_assert (pbo_member_set_attribute (g->tree, m, "dues-category", categories[rnd (g, 6)], NULL));
  if (rnd (g, 2))
    ck_assert (pbo_member_set_attribute (g->tree, m, "id-card",
                                         rnd (g, 2) ? "44078519750302123X" : "110105194912310021",
                                         NULL));
  if (rnd (g, 2))
    ck_assert (pbo_member_set_attribute (g->tree, m, "mobile", rnd (g, 2) ? "true" : "false", NULL));
}

static void
add_random_member (Gen *g, PboOrg *org)
{
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  g_autofree char *id = next_id (g, "m"), *name = random_text (g);
  GError *error = NULL;
  PboMember *m;

  info.id = id;
  info.name = name;
  info.status = rnd (g, 3) ? PBO_STATUS_FULL : PBO_STATUS_PROBATIONARY;
  info.employment = rnd (g, 3) ? PBO_EMPLOYMENT_IN_SERVICE : PBO_EMPLOYMENT_RETIRED;
  info.joined = random_date (g, 1960);
  info.full_since = info.status == PBO_STATUS_FULL ? pbo_date_add_months (info.joined, 12)
                                                   : PBO_DATE_NONE;
  m = pbo_tree_add_member (g->tree, org, &info, &error);
  ck_assert_no_error (error);
  set_random_member_fields (g, m);
  g_ptr_array_add (g->members, m);
  g->counts[1]++;
}

static PboOrg *
add_random_org (Gen *g, PboOrg *parent, PboOrgKind kind)
{
  g_autofree char *id = next_id (g, "o"), *name = random_text (g);
  GError *error = NULL;
  PboOrg *org = pbo_tree_add_org (g->tree, parent, kind, id, name, &error);

  ck_assert_no_error (error);
  if (rnd (g, 2))
    {
      g_autofree char *unit = random_text (g);
      ck_assert (pbo_org_set_unit (org, unit, NULL));
    }
  if (rnd (g, 2))
    ck_assert (pbo_org_set_established (org, random_date (g, 1980), NULL));
  if (rnd (g, 2))
    ck_assert (pbo_org_set_term (org, random_date (g, 1990), 1 + (guint) rnd (g, 10), NULL));
  if (pbo_org_kind_holds_members (kind))
    g_ptr_array_add (g->holders, org);
  g->counts[0]++;
  return org;
}

/* Officers and meetings once the members exist: an officer must be a member
 * of the org's subtree. */
static void
add_officers_and_meetings (Gen *g)
{
  guint i;

  for (i = 0; i < g->members->len; i++)
    {
      PboMember *m = g_ptr_array_index (g->members, i);
      PboOrg *org = pbo_member_get_org (m);
      int mt;

      while (org != NULL && rnd (g, 3) == 0)
        org = pbo_org_get_parent (org);
      if (org == NULL)
        continue;
      if (rnd (g, 4) == 0
          && pbo_org_add_officer (g->tree, org, (PboRole) (1 + rnd (g, 6)), m,
                                  rnd (g, 2) ? random_date (g, 2000) : PBO_DATE_NONE, NULL))
        g->counts[2]++;
      if (rnd (g, 5) == 0)
        {
          g_autofree char *title = rnd (g, 2) ? random_text (g) : NULL;
          mt = pbo_org_add_meeting (g->tree, org, (PboMeetingType) (1 + rnd (g, 7)),
                                    random_date (g, 2000), title,
                                    rnd (g, 2) ? rnd (g, 60) : PBO_ATTENDANCE_NONE, NULL);
          ck_assert_int_ge (mt, 0);
          if (rnd (g, 2))
            ck_assert (pbo_org_add_meeting_absent (g->tree, org, (guint) mt, m, NULL));
          g->counts[3]++;
        }
    }
}

static PboTree *
random_tree (Gen *g)
{
  guint i, n_top = 1 + (guint) rnd (g, 3);

  g->tree = pbo_tree_new ();
  g_ptr_array_set_size (g->holders, 0);
  g_ptr_array_set_size (g->members, 0);
  for (i = 0; i < n_top; i++)
    {
      PboOrg *top = add_random_org (g, NULL, rnd (g, 3) ? PBO_ORG_COMMITTEE : PBO_ORG_BRANCH);
      int j, n = rnd (g, 4);
      for (j = 0; j < n && pbo_org_get_kind (top) == PBO_ORG_COMMITTEE; j++)
        {
          PboOrg *gb = add_random_org (g, top, rnd (g, 2) ? PBO_ORG_GENERAL_BRANCH
                                                          : PBO_ORG_COMMITTEE);
          PboOrg *b = add_random_org (g, gb, PBO_ORG_BRANCH);
          if (rnd (g, 2))
            add_random_org (g, b, PBO_ORG_GROUP);
        }
    }
  for (i = 0; i < g->holders->len; i++)
    {
      int j, n = rnd (g, 6);
      for (j = 0; j < n; j++)
        add_random_member (g, g_ptr_array_index (g->holders, i));
    }
  add_officers_and_meetings (g);
  return g->tree;
}

/* ---- foreign content ------------------------------------------------------ */

static char *
escaped_text (Gen *g)
{
  g_autofree char *t = random_text (g);
  GString *s = g_string_new (NULL);
  const char *p;

  for (p = t; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (s, "&amp;"); break;
      case '<': g_string_append (s, "&lt;"); break;
      case '>': g_string_append (s, "&gt;"); break;
      case '"': g_string_append (s, "&quot;"); break;
      case '\n': g_string_append (s, "&#10;"); break;
      case '\r': g_string_append (s, "&#13;"); break;
      case '\t': g_string_append (s, "&#9;"); break;
      default: g_string_append_c (s, *p);
      }
  return g_string_free (s, FALSE);
}

static void
append_foreign_element (Gen *g, GString *out, const char *indent)
{
  g_autofree char *a = escaped_text (g), *t = escaped_text (g);

  switch (rnd (g, 3))
    {
    case 0:
      g_string_append_printf (out, "%s<hr:note hr:a=\"%s\">%s</hr:note>\n", indent, a, t);
      break;
    case 1:
      g_string_append_printf (out, "%s<x:tag xmlns:x=\"urn:example:x\" k=\"%s\"><x:in>%s</x:in><x:e/></x:tag>\n",
                              indent, a, t);
      break;
    default:
      g_string_append_printf (out, "%s<hr:empty/>\n", indent);
    }
}

/* Decorates a canonical document line by line: a foreign attribute on some
 * <org> and <member> start tags, foreign elements at the end of some orgs
 * and members and of <pbo>. */
static char *
add_foreign (Gen *g, const char *doc)
{
  g_auto (GStrv) lines = g_strsplit (doc, "\n", -1);
  GString *out = g_string_new (NULL);
  guint i;

  for (i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      const char *tag = g_strstr_len (line, -1, "<");
      gsize indent_len = tag != NULL ? (gsize) (tag - line) : 0;
      g_autofree char *indent = g_strndup (line, indent_len);
      g_autofree char *inner = g_strconcat (indent, "  ", NULL);
      gboolean is_member = tag != NULL && g_str_has_prefix (tag, "<member ");
      gboolean is_org = tag != NULL && g_str_has_prefix (tag, "<org ");

      if (tag != NULL && g_str_has_prefix (tag, "<pbo "))
        {
          g_string_append_printf (out, "%.*s xmlns:hr=\"urn:example:hr\" hr:by=\"%s\">\n",
                                  (int) (strlen (line) - 1), line, "人事 &amp; 档案");
          continue;
        }
      if (tag != NULL && (g_str_has_prefix (tag, "</org>") || g_str_has_prefix (tag, "</pbo>"))
          && rnd (g, 2))
        append_foreign_element (g, out, inner);
      if ((is_member || is_org) && rnd (g, 2))
        {
          g_autofree char *v = escaped_text (g);
          gboolean self_closed = g_str_has_suffix (line, "/>");
          gsize head = strlen (line) - (self_closed ? 2 : 1);
          g_string_append_printf (out, "%.*s hr:code=\"%s\"%s\n", (int) head, line, v,
                                  self_closed ? "/>" : ">");
          line = NULL;
        }
      if (line != NULL && is_member && rnd (g, 2))
        {
          g_string_append_printf (out, "%.*s>\n", (int) (strlen (line) - 2), line);
          append_foreign_element (g, out, inner);
          g_string_append_printf (out, "%s</member>\n", indent);
          continue;
        }
      if (line != NULL)
        g_string_append_printf (out, "%s%s", line, lines[i + 1] != NULL ? "\n" : "");
    }
  return g_string_free (out, FALSE);
}

/* ---- the property --------------------------------------------------------- */

/* save(load(doc)) = canonical, save(load(canonical)) = canonical, equal dumps. */
static gsize
check_idempotent (const char *doc, guint32 seed, guint n)
{
  PboTree *t1 = tu_load_string (doc), *t2;
  g_autofree char *s1 = tu_save_string (t1, NULL), *s2 = NULL, *d1 = NULL, *d2 = NULL;

  t2 = tu_load_string (s1);
  s2 = tu_save_string (t2, NULL);
  d1 = tu_dump (t1);
  d2 = tu_dump (t2);
  ck_assert_msg (strcmp (s1, s2) == 0, "seed %u, tree %u: save∘load is not idempotent", seed, n);
  ck_assert_msg (strcmp (d1, d2) == 0, "seed %u, tree %u: the reloaded tree differs", seed, n);
  pbo_tree_free (t1);
  pbo_tree_free (t2);
  return strlen (s1);
}

START_TEST (test_random_roundtrip)
{
  const char *env = g_getenv ("PBO_SEED");
  guint32 seed = env != NULL ? (guint32) g_ascii_strtoull (env, NULL, 10)
                             : 20261203u; /* fixed: runs repeat; PBO_SEED explores */
  Gen g = { 0 };
  guint n, foreign = 0;
  gsize bytes = 0;

  printf ("roundtrip-random: seed %u (PBO_SEED=%u to replay)\n", seed, seed);
  g.rand = g_rand_new_with_seed (seed);
  g.holders = g_ptr_array_new ();
  g.members = g_ptr_array_new ();
  for (n = 0; n < N_TREES; n++)
    {
      PboTree *tree = random_tree (&g);
      g_autofree char *doc = tu_save_string (tree, NULL);
      g_autofree char *decorated = add_foreign (&g, doc);
      PboTree *back;
      g_autofree char *again = NULL;

      ck_assert_invariants (tree);
      /* The API tree saves to what its reload saves to. */
      bytes += check_idempotent (doc, seed, n);
      back = tu_load_string (doc);
      again = tu_save_string (back, NULL);
      ck_assert_msg (strcmp (doc, again) == 0, "seed %u, tree %u: the API tree does not reload", seed, n);
      pbo_tree_free (back);
      /* With foreign content, from a generated document: it is kept. */
      bytes += check_idempotent (decorated, seed, n);
      back = tu_load_string (decorated);
      g_free (again);
      again = tu_save_string (back, NULL);
      ck_assert_msg (strstr (again, " hr:by=\"人事 &amp; 档案\"") != NULL,
                     "seed %u, tree %u: foreign content lost", seed, n);
      pbo_tree_free (back);
      foreign += strcmp (doc, decorated) != 0;
      pbo_tree_free (tree);
    }
  printf ("roundtrip-random: %u trees (%u with foreign content): %u orgs, %u members, "
          "%u officers, %u meetings, %zu bytes saved and reloaded twice\n", N_TREES, foreign,
          g.counts[0], g.counts[1], g.counts[2], g.counts[3], bytes);
  g_ptr_array_unref (g.holders);
  g_ptr_array_unref (g.members);
  g_rand_free (g.rand);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("roundtrip-random");
  TCase *tc = tcase_create ("idempotence");

  tcase_add_test (tc, test_random_roundtrip);
  suite_add_tcase (s, tc);
  return tu_run (s);
}
