/* Check suite (white-box): the debug validator's self-test. Each test
 * breaks one invariant of pbo_tree_validate_invariants() in a valid tree,
 * asserts that the validator reports that very invariant, puts the field
 * back and asserts that the tree is valid again (so that a validator
 * refusing everything would fail too). */
#include <string.h>
#include "testutil.h"
#include "tree-private.h"
#include "recruit-private.h"

/* Breaks @field of a tree to @bad for one validation that must report
 * @expected (a piece of the message), then restores it. */
#define BREAK(tree, field, bad, expected)                                      \
  do {                                                                         \
    __typeof__ (field) saved_ = (field);                                       \
    (field) = (bad);                                                           \
    expect_broken ((tree), (expected), #field);                                \
    (field) = saved_;                                                          \
    ck_assert_invariants (tree);                                               \
  } while (0)

static void
expect_broken (const PboTree *tree, const char *expected, const char *what)
{
  GError *error = NULL;

  ck_assert_msg (!pbo_tree_validate_invariants (tree, &error), "broken %s not reported", what);
  ck_assert_msg (error != NULL && strstr (error->message, expected) != NULL,
                 "broken %s: expected “%s”, got “%s”", what, expected,
                 error != NULL ? error->message : "(no error)");
  ck_assert_pbo_error (error, PBO_ERROR_INCONSISTENT);
}

static PboOrg *
org (PboTree *tree, const char *id)
{
  PboOrg *o = pbo_tree_lookup_org (tree, id);
  ck_assert_ptr_nonnull (o);
  return o;
}

static PboMember *
member (PboTree *tree, const char *id)
{
  PboMember *m = pbo_tree_lookup_member (tree, id);
  ck_assert_ptr_nonnull (m);
  return m;
}

START_TEST (test_valid_tree)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  ck_assert_invariants (tree);
}
END_TEST

/* Child links: parent, prev, the list's end and count, the id index. */
START_TEST (test_child_links)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *g1 = org (tree, "g1"), *b1 = org (tree, "b1"), *b2 = org (tree, "b2");

  /* The walk climbs by parent links: which child is reported depends on it. */
  BREAK (tree, b2->parent, org (tree, "b3"), "is badly linked");
  BREAK (tree, b2->prev, NULL, "child “b2” is badly linked");
  BREAK (tree, g1->last_child, b1, "child list end or count is wrong");
  BREAK (tree, g1->n_children, 3, "child list end or count is wrong");
  BREAK (tree, b1->id, "not-indexed", "not found under its id");
}
END_TEST

/* Containment: what each kind may contain and which kinds hold members. */
START_TEST (test_containment)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *g1 = org (tree, "g1"), *b1 = org (tree, "b1");

  BREAK (tree, g1->kind, PBO_ORG_GROUP, "may not contain the branch “b1”");
  BREAK (tree, b1->kind, PBO_ORG_GENERAL_BRANCH, "holds members but is a general-branch");
}
END_TEST

/* Member links, status and employment, the list's end and count, the index. */
START_TEST (test_member_links)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *b1 = org (tree, "b1");
  PboMember *m2 = member (tree, "m2");

  BREAK (tree, m2->org, org (tree, "b3"), "member “m2” is badly linked");
  BREAK (tree, m2->prev, 0, "member “m2” is badly linked");
  /* (Bit-fields: no __typeof__.) */
  m2->status = 0;
  expect_broken (tree, "member “m2” has no status or employment", "status");
  m2->status = PBO_STATUS_FULL;
  m2->employment = 3;
  expect_broken (tree, "member “m2” has no status or employment", "employment");
  m2->employment = PBO_EMPLOYMENT_RETIRED;
  ck_assert_invariants (tree);
  BREAK (tree, b1->last_member, m2, "member list end or count is wrong");
  BREAK (tree, b1->n_members, 4, "member list end or count is wrong");
  pbo_tree_index_remove_ (tree, m2, TRUE);
  expect_broken (tree, "member “m2” not found under its id", "the id index");
  pbo_tree_index_add_ (tree, m2, TRUE);
  ck_assert_invariants (tree);
}
END_TEST

/* Officers inside their org's subtree; every member's office counter. */
START_TEST (test_officers)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *b1 = org (tree, "b1");
  PboMember *m1 = member (tree, "m1");

  ck_assert (pbo_org_add_officer (tree, b1, PBO_ROLE_SECRETARY, m1, PBO_DATE_NONE, NULL));
  ck_assert_invariants (tree);
  BREAK (tree, b1->officers[0].member, member (tree, "m7"), "officer “m7” is outside its subtree");
  BREAK (tree, m1->n_offices, 2, "member “m1” counts 2 offices");
}
END_TEST

/* The subtree aggregates and the tree's totals against a recount. */
START_TEST (test_counts)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *g1 = org (tree, "g1");

  BREAK (tree, g1->counts.members[0][0], g1->counts.members[0][0] + 1,
         "subtree aggregates differ from a recount");
  BREAK (tree, g1->counts.kinds[PBO_ORG_BRANCH - 1], 0, "subtree aggregates differ from a recount");
  BREAK (tree, tree->n_orgs, tree->n_orgs + 1, "orgs and 7 members found");
  BREAK (tree, tree->n_members, 0, "orgs and 7 members found, 6 and 0 counted");
}
END_TEST

/* Recruits: only in branches, linked back, with consistent fields. */
START_TEST (test_recruits)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboRecruitInfo info = PBO_RECRUIT_INFO_INIT;
  PboOrg *b1 = org (tree, "b1");
  PboRecruit *r;

  info.id = "r1";
  info.name = "申请人";
  info.stage = PBO_RECRUIT_APPLICANT;
  info.applied = 20240101;
  r = pbo_tree_add_recruit (tree, b1, &info, NULL);
  ck_assert_ptr_nonnull (r);
  ck_assert_invariants (tree);
  BREAK (tree, b1->kind, PBO_ORG_GROUP, "records recruits but is a group");
  BREAK (tree, r->branch, org (tree, "b3"), "recruit “r1” is badly linked");
  BREAK (tree, r->id, "r-unknown", "recruit “r-unknown” is badly linked");
  BREAK (tree, r->applied, PBO_DATE_NONE, "recruit “r1” has inconsistent fields");
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("validate");
  TCase *tc = tcase_create ("each invariant");

  tcase_add_test (tc, test_valid_tree);
  tcase_add_test (tc, test_child_links);
  tcase_add_test (tc, test_containment);
  tcase_add_test (tc, test_member_links);
  tcase_add_test (tc, test_officers);
  tcase_add_test (tc, test_counts);
  tcase_add_test (tc, test_recruits);
  suite_add_tcase (s, tc);
  return tu_run (s);
}
