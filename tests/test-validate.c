/* Check suite (white-box): the debug validator pbo_tree_validate_invariants()
 * catches each invariant broken in turn. Every test breaks one field of a
 * valid tree behind the API's back, expects a PBO_ERROR_INCONSISTENT naming
 * the broken thing, and repairs the field so that the tree frees cleanly.
 * Without this suite a validator that accepts everything would let every
 * random and fuzz test pass. */
#include <string.h>
#include "tree-private.h"
#include "edit-testutil.h"

static PboTree *tree;

static void
setup (void)
{
  tree = tu_sample_tree ();
  ck_assert_invariants (tree);
}

static void
teardown (void)
{
  /* Repaired: the validator accepts the tree again. */
  ck_assert_invariants (tree);
  pbo_tree_free (tree);
}

static PboOrg *
org (const char *id)
{
  return pbo_tree_lookup_org (tree, id);
}

static PboMember *
member (const char *id)
{
  return pbo_tree_lookup_member (tree, id);
}

/* The validator refuses the tree with a message that contains @expected. */
#define expect_broken(expected)                                                       \
  do {                                                                                \
    GError *error_ = NULL;                                                            \
    ck_assert_msg (!pbo_tree_validate_invariants (tree, &error_),                     \
                   "the validator missed: %s", (expected));                           \
    ck_assert_msg (strstr (error_->message, (expected)) != NULL, "%s (expected: %s)",  \
                   error_->message, (expected));                                      \
    ck_assert_pbo_error (error_, PBO_ERROR_INCONSISTENT);                             \
  } while (0)

START_TEST (test_aggregates)
{
  PboOrg *g1 = org ("g1");

  g1->counts.members[0][0]++;
  expect_broken ("subtree aggregates differ");
  g1->counts.members[0][0]--;
  g1->counts.kinds[PBO_ORG_GROUP - 1]++;
  expect_broken ("subtree aggregates differ");
  g1->counts.kinds[PBO_ORG_GROUP - 1]--;
}
END_TEST

/* A member in b1's list that says it is in b3: in two orgs at once. */
START_TEST (test_member_in_two_orgs)
{
  PboMember *m = member ("m1");
  PboOrg *b1 = m->org;

  m->org = org ("b3");
  expect_broken ("member “m1” is badly linked");
  m->org = b1;
}
END_TEST

START_TEST (test_member_status)
{
  PboMember *m = member ("m2");
  guint8 status = m->status;

  m->status = 3;
  expect_broken ("member “m2” has no status or employment");
  m->status = status;
}
END_TEST

START_TEST (test_id_index)
{
  PboOrg *b2 = org ("b2");
  PboMember *m = member ("m4");

  pbo_tree_index_remove_ (tree, b2, FALSE);
  expect_broken ("“b2”: not found under its id");
  pbo_tree_index_add_ (tree, b2, FALSE);
  pbo_tree_index_remove_ (tree, m, TRUE);
  expect_broken ("member “m4” not found under its id");
  pbo_tree_index_add_ (tree, m, TRUE);
}
END_TEST

START_TEST (test_child_links)
{
  PboOrg *b2 = org ("b2"), *g1 = b2->parent, *b1 = b2->prev;

  /* The walk climbs from b2 to b3: g1 is never recounted, c1 says so. */
  b2->parent = org ("b3");
  expect_broken ("child “g1” is badly linked");
  b2->parent = g1;
  b2->prev = NULL;
  expect_broken ("child “b2” is badly linked");
  b2->prev = b1;
  g1->last_child = b1;
  expect_broken ("child list end or count is wrong");
  g1->last_child = b2;
}
END_TEST

START_TEST (test_counts)
{
  PboOrg *b1 = org ("b1"), *g1 = org ("g1");
  PboMember *m = member ("m3");

  b1->n_members++;
  expect_broken ("member list end or count is wrong");
  b1->n_members--;
  g1->n_children++;
  expect_broken ("child list end or count is wrong");
  g1->n_children--;
  tree->n_orgs++;
  expect_broken ("orgs and");
  tree->n_orgs--;
  tree->n_members--;
  expect_broken ("members");
  tree->n_members++;
  m->n_offices++;
  expect_broken ("member “m3” counts 1 offices");
  m->n_offices--;
}
END_TEST

/* The last group's first child made its top-level ancestor: the walk
 * would go round for ever; the validator stops and says so. */
START_TEST (test_cycle)
{
  PboOrg *gr1 = org ("gr1");

  gr1->first_child = org ("c1");
  expect_broken ("the org links form a cycle");
  gr1->first_child = NULL;
}
END_TEST

START_TEST (test_officer_outside_subtree)
{
  PboOrg *b1 = org ("b1");
  GError *error = NULL;

  ck_assert (pbo_org_add_officer (tree, b1, PBO_ROLE_SECRETARY, member ("m1"), PBO_DATE_NONE,
                                  &error));
  b1->officers[0].member = member ("m7");
  expect_broken ("officer “m7” is outside its subtree");
  b1->officers[0].member = member ("m1");
}
END_TEST

START_TEST (test_kind_containment)
{
  PboOrg *g1 = org ("g1");

  g1->kind = PBO_ORG_GROUP;
  expect_broken ("may not contain the branch “b1”");
  g1->kind = PBO_ORG_GENERAL_BRANCH;
}
END_TEST

START_TEST (test_members_where_none_may_be)
{
  PboOrg *gr1 = org ("gr1");

  gr1->kind = PBO_ORG_COMMITTEE;
  expect_broken ("holds members but is a committee");
  gr1->kind = PBO_ORG_GROUP;
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("validate");
  TCase *tc = tcase_create ("broken");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_add_test (tc, test_aggregates);
  tcase_add_test (tc, test_member_in_two_orgs);
  tcase_add_test (tc, test_member_status);
  tcase_add_test (tc, test_id_index);
  tcase_add_test (tc, test_child_links);
  tcase_add_test (tc, test_counts);
  tcase_add_test (tc, test_cycle);
  tcase_add_test (tc, test_officer_outside_subtree);
  tcase_add_test (tc, test_kind_containment);
  tcase_add_test (tc, test_members_where_none_may_be);
  suite_add_tcase (s, tc);
  return tu_run (s);
}
