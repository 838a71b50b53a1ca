/* Check suite: org charts (include/pbo/chart.h). */
#include <string.h>
#include "testutil.h"

/* c "委员会 \"A\" \\ B" ├ b "第一\n支部" (m1 secretary, m2 retired) └ gr (group, m3)
 * b9 (a second top-level branch, no members) */
static PboTree *
chart_tree (void)
{
  PboTree *tree = pbo_tree_new ();
  GError *error = NULL;
  PboOrg *c = pbo_tree_add_org (tree, NULL, PBO_ORG_COMMITTEE, "c", "委员会 \"A\" \\ B", &error);
  PboOrg *b = pbo_tree_add_org (tree, c, PBO_ORG_BRANCH, "b", "第一\n支部", &error);
  PboOrg *gr = pbo_tree_add_org (tree, b, PBO_ORG_GROUP, "gr", "小组", &error);
  PboMember *m1;

  ck_assert_no_error (error);
  pbo_tree_add_org (tree, NULL, PBO_ORG_BRANCH, "b9", "Lone", &error);
  m1 = tu_add_member (tree, b, "m1", PBO_STATUS_FULL, PBO_EMPLOYMENT_IN_SERVICE);
  tu_add_member (tree, b, "m2", PBO_STATUS_FULL, PBO_EMPLOYMENT_RETIRED);
  tu_add_member (tree, gr, "m3", PBO_STATUS_PROBATIONARY, PBO_EMPLOYMENT_IN_SERVICE);
  ck_assert (pbo_member_set_attribute (tree, m1, "name", "张\"海\"", &error));
  ck_assert (pbo_org_add_officer (tree, b, PBO_ROLE_SECRETARY, m1, PBO_DATE_NONE, &error));
  ck_assert_no_error (error);
  return tree;
}

#define HEAD "digraph pbo {\n" \
  "  graph [rankdir=TB, charset=\"UTF-8\"];\n" \
  "  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\"];\n" \
  "  edge [arrowhead=none];\n"

START_TEST (test_dot_exact)
{
  g_autoptr (PboTree) tree = chart_tree ();
  g_autoptr (GString) out = g_string_new (NULL);
  GError *error = NULL;

  ck_assert (pbo_chart_write_dot (tree, NULL, NULL, out, &error));
  ck_assert_str_eq (out->str, HEAD
    "  \"c\" [label=\"委员会 \\\"A\\\" \\\\ B\\n党委\\n党员 3（在职 2 / 离退休 1）\", "
    "fillcolor=\"#F4CCCC\", color=\"#990000\"];\n"
    "  \"b\" [label=\"第一\\n支部\\n党支部\\n党员 3（在职 2 / 离退休 1）\\n书记：张\\\"海\\\"\", "
    "fillcolor=\"#FFF2CC\", color=\"#BF9000\"];\n"
    "  \"c\" -> \"b\";\n"
    "  \"gr\" [label=\"小组\\n党小组\\n党员 1（在职 1 / 离退休 0）\", "
    "fillcolor=\"#D9EAD3\", color=\"#38761D\"];\n"
    "  \"b\" -> \"gr\";\n"
    "  \"b9\" [label=\"Lone\\n党支部\\n党员 0（在职 0 / 离退休 0）\", "
    "fillcolor=\"#FFF2CC\", color=\"#BF9000\"];\n"
    "}\n");
}
END_TEST

START_TEST (test_dot_options)
{
  g_autoptr (PboTree) tree = chart_tree ();
  g_autoptr (GString) out = g_string_new ("keep:");
  PboChartOptions opts = PBO_CHART_OPTIONS_INIT;
  GError *error = NULL;

  /* A subtree, one level deep, names and kinds only; appended to @out. */
  opts.max_depth = 0;
  opts.show_member_counts = FALSE;
  opts.show_secretary = FALSE;
  ck_assert (pbo_chart_write_dot (tree, pbo_tree_lookup_org (tree, "b"), &opts, out, &error));
  ck_assert_str_eq (out->str, "keep:" HEAD
    "  \"b\" [label=\"第一\\n支部\\n党支部\", fillcolor=\"#FFF2CC\", color=\"#BF9000\"];\n"
    "}\n");

  g_string_truncate (out, 0);
  opts.max_depth = 1;
  ck_assert (pbo_chart_write_dot (tree, NULL, &opts, out, &error));
  ck_assert_ptr_nonnull (strstr (out->str, "\"c\" -> \"b\""));
  ck_assert_ptr_null (strstr (out->str, "\"gr\""));
  ck_assert_ptr_nonnull (strstr (out->str, "\"b9\""));
}
END_TEST

START_TEST (test_dot_version)
{
  g_autoptr (PboTree) tree = chart_tree ();
  g_autoptr (GString) out = g_string_new (NULL);
  PboChartOptions opts;
  GError *error = NULL;

  ck_assert (pbo_chart_options_init (&opts, PBO_CHART_OPTIONS_VERSION));
  ck_assert_int_eq (opts.max_depth, -1);
  ck_assert (opts.show_member_counts && opts.show_secretary);
  ck_assert (!pbo_chart_options_init (&opts, 99));
  opts.version = 99;
  ck_assert (!pbo_chart_write_dot (tree, NULL, &opts, out, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_uint_eq (out->len, 0);
}
END_TEST

START_TEST (test_dot_deterministic)
{
  g_autofree char *path = tu_srcpath ("examples/data/jianghai.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (PboTree) tree = pbo_xml_load_file (path, NULL, &error);
  g_autoptr (PboTree) copy = NULL;
  g_autoptr (GString) a = g_string_new (NULL);
  g_autoptr (GString) b = g_string_new (NULL);
  const char *p;
  guint nodes = 0;

  ck_assert_no_error (error);
  copy = pbo_tree_copy (tree);
  ck_assert (pbo_chart_write_dot (tree, NULL, NULL, a, NULL));
  ck_assert (pbo_chart_write_dot (copy, NULL, NULL, b, NULL));
  ck_assert_str_eq (a->str, b->str);
  /* One node line per org. */
  for (p = a->str; (p = strstr (p, "[label=")) != NULL; p++)
    nodes++;
  ck_assert_uint_eq (nodes, pbo_tree_get_n_orgs (tree));
}
END_TEST

static Suite *
chart_suite (void)
{
  Suite *s = suite_create ("chart");
  TCase *tc = tcase_create ("dot");

  tcase_add_test (tc, test_dot_exact);
  tcase_add_test (tc, test_dot_options);
  tcase_add_test (tc, test_dot_version);
  tcase_add_test (tc, test_dot_deterministic);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (chart_suite ());
}
