/* Check suite: the seeds' restructurings (../shared/seeds/README.md: 000
 * Wujiang, 002 Jianghai) on the samples of examples/data, through the same
 * code as the example programs (examples/seeds/seeds.c), their figures
 * asserted; and the plans beside the samples, which must give the same
 * file byte for byte. */
#include "edit-testutil.h"
#include "../examples/seeds/seeds.h"

#define ORG(id) pbo_tree_lookup_org (tree, (id))

static PboStats
stats_of (PboTree *tree, const char *id)
{
  PboStats s;
  pbo_org_get_stats (ORG (id), &s);
  return s;
}

static PboTree *
load_sample (const char *name)
{
  g_autofree char *rel = g_build_filename ("examples/data", name, NULL);
  g_autofree char *path = tu_srcpath (rel);
  GError *error = NULL;
  PboTree *tree = pbo_xml_load_file (path, NULL, &error);

  ck_assert_msg (tree != NULL, "%s", error != NULL ? error->message : "");
  return tree;
}

/* The sample restructured by its plan file, saved. */
static char *
saved_by_plan (const char *sample, const char *plan_name)
{
  g_autoptr (PboTree) tree = load_sample (sample);
  g_autofree char *rel = g_build_filename ("examples/data", plan_name, NULL);
  g_autofree char *path = tu_srcpath (rel);
  GError *error = NULL;
  g_autoptr (PboPlan) plan = pbo_plan_load_file (path, NULL, &error);

  ck_assert_msg (plan != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_msg (pbo_plan_apply (tree, plan, NULL, &error), "%s", error ? error->message : "");
  ck_assert_invariants (tree);
  return tu_save_string (tree, NULL);
}

/* The plan beside the sample gives the same file as the code did; every
 * entry undone, newest first, gives the sample back. */
static void
assert_plan_agrees_and_undoes (PboTree *tree, const char *sample, const char *plan,
                               const char *before)
{
  g_autofree char *by_code = tu_save_string (tree, NULL);
  g_autofree char *by_plan = saved_by_plan (sample, plan);
  GError *error = NULL;
  g_autoptr (PboTree) then = pbo_edit_tree_at (tree, 0, &error);
  g_autofree char *d = NULL;

  ck_assert_str_eq (by_plan, by_code);
  ck_assert_no_error (error);
  d = et_dump (then);
  ck_assert_str_eq (d, before);
  while (pbo_journal_get_n_entries (tree) > 0)
    ET_OK (tree, pbo_edit_undo_last (tree, &err_));
  g_free (d);
  d = et_dump (tree);
  ck_assert_str_eq (d, before);
}

START_TEST (test_wujiang)
{
  g_autoptr (PboTree) tree = load_sample ("wujiang-2014.xml");
  g_autofree char *before = et_dump (tree);
  const char *id;
  PboStats s;

  ck_assert_uint_eq (pbo_tree_get_n_members (tree), 680);
  ET_OK (tree, seeds_wujiang (tree, &err_));

  ck_assert_int_eq (seeds_members_of_named (tree, "机关党支部", &id), 51); /* 29 + 22 */
  ck_assert_str_eq (id, "wj-wsj-jg");
  ck_assert_uint_eq (stats_of (tree, id).in_service, 51);
  ck_assert_int_eq (seeds_members_of_named (tree, "离退休", &id), 31);     /* 19 + 12 */
  ck_assert_str_eq (id, "wj-wsj-lt");
  ck_assert_uint_eq (stats_of (tree, id).retired, 31);
  ck_assert_int_eq (seeds_members_of_named (tree, "妇保", &id), 15);       /* 10 + 5 */
  s = stats_of (tree, "wj-wjw");
  ck_assert_uint_eq (s.members, 680);
  ck_assert_uint_eq (s.child_orgs, 10); /* 9 branches and one subordinate committee */
  ck_assert_uint_eq (s.committees, 1);
  ck_assert_ptr_null (ORG ("wj-wsj"));
  ck_assert_ptr_null (ORG ("wj-jsw"));
  ck_assert_ptr_null (pbo_org_get_next (ORG ("wj-wjw")));
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 9);
  ck_assert_str_eq (pbo_journal_entry_get_reason (pbo_journal_get_entry (tree, 6)),
                    "组建吴江区卫生和计划生育委员会党委");
  assert_plan_agrees_and_undoes (tree, "wujiang-2014.xml", "wujiang-plan.xml", before);
}
END_TEST

START_TEST (test_jianghai)
{
  g_autoptr (PboTree) tree = load_sample ("jianghai.xml");
  g_autofree char *before = et_dump (tree);

  ck_assert_uint_eq (seeds_orgs_below (tree, "jh-hb"), 9);
  ET_OK (tree, seeds_jianghai (tree, &err_));

  ck_assert_uint_eq (seeds_orgs_below (tree, "jh-hb"), 12);
  ck_assert_int_eq (pbo_org_get_kind (ORG ("jh-zxy")), PBO_ORG_GENERAL_BRANCH);
  ck_assert_uint_eq (stats_of (tree, "jh-zxy").child_orgs, 4);
  ck_assert_str_eq (pbo_org_get_id (pbo_org_get_first_child (ORG ("jh-zxy"))), "jh-zxy-1");
  ck_assert_str_eq (pbo_org_get_id (pbo_org_get_last_child (ORG ("jh-zxy"))), "jh-zxy-tx");
  ck_assert_uint_eq (stats_of (tree, "jh-zxy").members, 46 + 6);
  ck_assert_uint_eq (stats_of (tree, "jh-zxy-tx").members, 9);
  ck_assert_uint_eq (stats_of (tree, "jh-zxy-1").members, 12 + 8 + 6);
  ck_assert_uint_eq (stats_of (tree, "jh-zxy-2").members, 7 + 4);
  ck_assert_ptr_nonnull (pbo_org_find_officer (ORG ("jh-zxy"), PBO_ROLE_SECRETARY));
  /* The second split vacated the branch's five offices. */
  ck_assert_uint_eq (pbo_journal_entry_get_n_vacated (pbo_journal_get_entry (tree, 1)), 5);
  assert_plan_agrees_and_undoes (tree, "jianghai.xml", "jianghai-plan.xml", before);
}
END_TEST

/* A plan that would move an org under its own descendant is refused and
 * changes nothing. */
START_TEST (test_cycle_refused)
{
  static const char plan_text[] =
    "<plan xmlns=\"urn:libpbo:1\">\n"
    "  <rename org=\"jh-zxy\" name=\"改名\"/>\n"
    "  <move org=\"jh-hb\" to=\"jh-zxy\"/>\n"
    "</plan>\n";
  g_autoptr (PboTree) tree = load_sample ("jianghai.xml");
  g_autoptr (PboPlan) plan = pbo_plan_load_data (plan_text, sizeof plan_text - 1, NULL, NULL);

  ck_assert_ptr_nonnull (plan);
  ET_REFUSED (tree, PBO_ERROR_CYCLE, pbo_plan_apply (tree, plan, NULL, &err_));
}
END_TEST

static Suite *
seeds_suite (void)
{
  Suite *s = suite_create ("edit-seeds");
  TCase *tc = tcase_create ("seeds");

  tcase_add_test (tc, test_wujiang);
  tcase_add_test (tc, test_jianghai);
  tcase_add_test (tc, test_cycle_refused);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (seeds_suite ());
}
