/* Check suite: combine — pbo_tree_graft(): exact copies under a parent,
 * prefixed ids and references, refusals that leave the tree untouched. */
#include <string.h>
#include "testutil.h"

/* A fresh district tree with one committee over nothing yet. */
static PboTree *
district (PboOrg **root)
{
  PboTree *tree = pbo_tree_new ();

  *root = tu_add_org (tree, NULL, PBO_ORG_COMMITTEE, "d");
  return tree;
}

/* Grafted without a prefix, every org and member arrives; grafted into an
 * empty tree at the top level, the copy saves to exactly the unit's bytes;
 * the source is never changed. */
START_TEST (test_graft_is_exact)
{
  g_autoptr (PboTree) unit = tu_full_tree ();
  PboOrg *root;
  g_autoptr (PboTree) tree = district (&root);
  g_autoptr (GError) error = NULL;
  g_autofree char *alone = tu_save_string (unit, NULL);
  g_autofree char *back = NULL;
  g_autofree char *again = NULL;
  PboStats before, after;

  pbo_tree_get_stats (unit, &before);
  ck_assert (pbo_tree_graft (tree, root, unit, NULL, &error));
  ck_assert_no_error (error);
  ck_assert (pbo_tree_validate_invariants (tree, &error));
  pbo_org_get_stats (root, &after);
  ck_assert_uint_eq (after.members, before.members);
  ck_assert_uint_eq (after.branches, before.branches);
  ck_assert_uint_eq (pbo_org_get_n_children (root), 2);  /* c and empty-general-branch */
  /* The copy, saved and reloaded on its own, is the unit again. */
  {
    g_autoptr (PboTree) copy = pbo_tree_new ();

    ck_assert (pbo_tree_graft (copy, NULL, unit, NULL, &error));
    back = tu_save_string (copy, NULL);
  }
  ck_assert_str_eq (back, alone);
  /* And the source is unchanged. */
  again = tu_save_string (unit, NULL);
  ck_assert_str_eq (again, alone);
}
END_TEST

/* A prefix renames every id and every reference: officers, absences. */
START_TEST (test_graft_prefix)
{
  g_autoptr (PboTree) unit = tu_full_tree ();
  PboOrg *root;
  g_autoptr (PboTree) tree = district (&root);
  g_autoptr (GError) error = NULL;
  g_autofree char *saved = NULL;
  PboOrg *b;

  ck_assert (pbo_tree_graft (tree, root, unit, "u1.", &error));
  ck_assert (pbo_tree_graft (tree, root, unit, "u2.", &error));
  ck_assert_no_error (error);
  ck_assert (pbo_tree_validate_invariants (tree, &error));
  ck_assert_uint_eq (pbo_tree_get_n_members (tree), 2 * pbo_tree_get_n_members (unit));
  ck_assert_ptr_nonnull (pbo_tree_lookup_member (tree, "u1.m1"));
  ck_assert_ptr_nonnull (pbo_tree_lookup_member (tree, "u2.m2"));
  ck_assert_ptr_null (pbo_tree_lookup_member (tree, "m1"));
  b = pbo_tree_lookup_org (tree, "u2.b");
  ck_assert_ptr_nonnull (b);
  ck_assert_ptr_eq (pbo_org_find_officer (pbo_tree_lookup_org (tree, "u2.c"), PBO_ROLE_SECRETARY),
                    pbo_tree_lookup_member (tree, "u2.m1"));
  ck_assert_ptr_eq (pbo_org_get_meeting_absent (b, 0, 0), pbo_tree_lookup_member (tree, "u2.m2"));
  /* What saves, loads. */
  saved = tu_save_string (tree, NULL);
  {
    g_autoptr (PboTree) loaded = tu_load_string (saved);
    g_autofree char *resaved = tu_save_string (loaded, NULL);

    ck_assert_str_eq (resaved, saved);
  }
}
END_TEST

/* Every refusal leaves the tree exactly as it was. */
START_TEST (test_graft_refusals)
{
  g_autoptr (PboTree) unit = tu_sample_tree ();
  PboOrg *root;
  g_autoptr (PboTree) tree = district (&root);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PboOrg *branch;

  ck_assert (pbo_tree_graft (tree, root, unit, NULL, &error));
  before = tu_dump (tree);
  /* Again: every id is taken (the first one found is named). */
  ck_assert (!pbo_tree_graft (tree, root, unit, NULL, &error));
  ck_assert (g_error_matches (error, PBO_ERROR, PBO_ERROR_DUPLICATE_ID));
  ck_assert_ptr_nonnull (strstr (error->message, "c1"));
  g_clear_error (&error);
  /* A prefix that makes ids invalid. */
  ck_assert (!pbo_tree_graft (tree, root, unit, "9 x", &error));
  ck_assert (g_error_matches (error, PBO_ERROR, PBO_ERROR_INVALID));
  g_clear_error (&error);
  /* A branch cannot hold a committee. */
  branch = pbo_tree_lookup_org (tree, "b3");
  ck_assert (!pbo_tree_graft (tree, branch, unit, "p.", &error));
  ck_assert (g_error_matches (error, PBO_ERROR, PBO_ERROR_CONTAINMENT));
  g_clear_error (&error);
  /* A clash inside the subtree, not at its top: m7 exists already. */
  {
    g_autoptr (PboTree) other = pbo_tree_new ();
    PboOrg *b = tu_add_org (other, NULL, PBO_ORG_BRANCH, "new-branch");

    tu_add_member (other, b, "m7", PBO_STATUS_FULL, PBO_EMPLOYMENT_IN_SERVICE);
    ck_assert (!pbo_tree_graft (tree, root, other, NULL, &error));
    ck_assert (g_error_matches (error, PBO_ERROR, PBO_ERROR_DUPLICATE_ID));
    ck_assert_ptr_null (pbo_tree_lookup_org (tree, "new-branch"));
  }
  after = tu_dump (tree);
  ck_assert_str_eq (after, before);
}
END_TEST

/* Seed 001 cut into its 12 units (as `pbo export --org` cuts them) and
 * grafted back under one committee gives the city's figures exactly. */
START_TEST (test_city_health_round_trip)
{
  g_autofree char *path = tu_srcpath ("examples/data/city-health.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (PboTree) city = pbo_xml_load_file (path, NULL, &error);
  PboOrg *root;
  g_autoptr (PboTree) tree = district (&root);
  g_autoptr (PboReport) report = NULL;
  guint units = 0;

  ck_assert_no_error (error);
  for (PboOrg *u = pbo_org_get_first_child (pbo_tree_get_first_org (city)); u != NULL;
       u = pbo_org_get_next (u))
    {
      PboSaveOptions opts = PBO_SAVE_OPTIONS_INIT;
      g_autofree char *text = NULL;
      g_autoptr (PboTree) unit = NULL;

      opts.root = u;
      text = tu_save_string (city, &opts);
      unit = tu_load_string (text);
      ck_assert (pbo_tree_graft (tree, root, unit, NULL, &error));
      units++;
    }
  ck_assert_uint_eq (units, 12);
  report = pbo_report_new (tree, NULL, pbo_date_make (2024, 6, 30), &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_report_get (report, PBO_REPORT_UNITS), 12);
  ck_assert_uint_eq (pbo_report_get (report, PBO_REPORT_UNITS_COMMITTEE), 6);
  ck_assert_uint_eq (pbo_report_get (report, PBO_REPORT_UNITS_GENERAL_BRANCH), 3);
  ck_assert_uint_eq (pbo_report_get (report, PBO_REPORT_UNITS_BRANCH), 3);
  ck_assert_uint_eq (pbo_report_get (report, PBO_REPORT_BRANCHES), 144);
  ck_assert_uint_eq (pbo_report_get (report, PBO_REPORT_MEMBERS), 3151);
  ck_assert_uint_eq (pbo_report_get (report, PBO_REPORT_IN_SERVICE), 2411);
  ck_assert_uint_eq (pbo_report_get (report, PBO_REPORT_RETIRED), 740);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("combine");
  TCase *tc = tcase_create ("graft");

  tcase_add_test (tc, test_graft_is_exact);
  tcase_add_test (tc, test_graft_prefix);
  tcase_add_test (tc, test_graft_refusals);
  tcase_add_test (tc, test_city_health_round_trip);
  suite_add_tcase (s, tc);
  return tu_run (s);
}
