/* Check suite: the builder setters of <pbo/tree.h>, <pbo/org.h>,
 * <pbo/member.h> and <pbo/recruit.h> refuse a tree with a journal or an
 * open transaction (docs/api-stability.md, "Builders and edit
 * operations"): each returns FALSE / NULL after one g_critical and leaves
 * the tree exactly as it was; on a tree without a journal each works. */
#include <string.h>
#include "edit-testutil.h"

static guint criticals;

static void
count_critical (const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data)
{
  (void) domain;
  (void) message;
  (void) data;
  if (level & G_LOG_LEVEL_CRITICAL)
    criticals++;
}

typedef enum { FRESH, JOURNALED, IN_TRANSACTION } State;

/* Calls each builder setter once on @tree; returns how many did their work. */
static guint
call_every_setter (PboTree *tree)
{
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  PboRecruitInfo recruit = PBO_RECRUIT_INFO_INIT;
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1"), *b3 = pbo_tree_lookup_org (tree, "b3");
  PboMember *m2 = pbo_tree_lookup_member (tree, "m2");
  guint n_ok = 0;

  info.id = "new-member";
  info.name = "新党员";
  info.status = PBO_STATUS_FULL;
  info.employment = PBO_EMPLOYMENT_IN_SERVICE;
  info.joined = 20100701;
  info.full_since = 20110701;
  recruit.id = "new-recruit";
  recruit.name = "申请人";
  recruit.stage = PBO_RECRUIT_APPLICANT;
  recruit.applied = 20240101;
  n_ok += pbo_tree_add_org (tree, NULL, PBO_ORG_BRANCH, "new-org", "新支部", NULL) != NULL;
  n_ok += pbo_org_set_name (b1, "改名", NULL);
  n_ok += pbo_org_set_unit (b1, "某医院", NULL);
  n_ok += pbo_org_set_established (b1, 20000101, NULL);
  n_ok += pbo_org_set_term (b1, 20230101, 3, NULL);
  n_ok += pbo_org_set_kind (tree, pbo_tree_lookup_org (tree, "g1"), PBO_ORG_COMMITTEE, NULL);
  n_ok += pbo_tree_move_org (tree, b3, pbo_tree_lookup_org (tree, "g1"), NULL, NULL);
  n_ok += pbo_tree_add_member (tree, b1, &info, NULL) != NULL;
  n_ok += pbo_member_set_attribute (tree, m2, "department", "外科", NULL);
  n_ok += pbo_tree_move_member (tree, m2, b3, NULL);
  n_ok += pbo_org_add_officer (tree, b3, PBO_ROLE_SECRETARY, m2, PBO_DATE_NONE, NULL);
  n_ok += pbo_org_remove_officer (tree, b3, PBO_ROLE_SECRETARY, m2, NULL);
  n_ok += pbo_tree_add_recruit (tree, b1, &recruit, NULL) != NULL;
  /* (The two removals return nothing: their effect is looked at.) */
  pbo_tree_remove_recruit (tree, pbo_tree_lookup_recruit (tree, "r0"));
  n_ok += pbo_tree_lookup_recruit (tree, "r0") == NULL;
  pbo_tree_remove_member (tree, pbo_tree_lookup_member (tree, "m7"));
  n_ok += pbo_tree_lookup_member (tree, "m7") == NULL;
  n_ok += pbo_tree_remove_org (tree, pbo_tree_lookup_org (tree, "new-org") != NULL
                                       ? pbo_tree_lookup_org (tree, "new-org") : b1, NULL);
  return n_ok;
}

#define N_SETTERS 16

static void
run_in_state (State state)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  guint handler = g_log_set_handler ("pbo", G_LOG_LEVEL_CRITICAL, count_critical, NULL);
  g_autofree char *before = NULL, *after = NULL;
  PboRecruitInfo recruit = PBO_RECRUIT_INFO_INIT;
  guint n_ok;

  recruit.id = "r0";
  recruit.name = "积极分子";
  recruit.stage = PBO_RECRUIT_APPLICANT;
  recruit.applied = 20230101;
  ck_assert_ptr_nonnull (pbo_tree_add_recruit (tree, pbo_tree_lookup_org (tree, "b3"), &recruit,
                                               NULL));
  if (state == JOURNALED)
    ck_assert (pbo_edit_rename (tree, pbo_tree_lookup_org (tree, "b2"), "二", NULL, NULL));
  else if (state == IN_TRANSACTION)
    ck_assert (pbo_edit_begin (tree, NULL));
  before = et_dump (tree);
  criticals = 0;
  n_ok = call_every_setter (tree);
  after = et_dump (tree);
  g_log_remove_handler ("pbo", handler);
  g_log_set_always_fatal (fatal);
  if (state == FRESH)
    {
      ck_assert_uint_eq (criticals, 0);
      ck_assert_uint_eq (n_ok, N_SETTERS);
      ck_assert_invariants (tree);
      return;
    }
  ck_assert_uint_eq (criticals, N_SETTERS);
  ck_assert_uint_eq (n_ok, 0);
  ck_assert_str_eq (before, after);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), state == JOURNALED ? 1 : 0);
  ck_assert_invariants (tree);
  if (state == IN_TRANSACTION)
    ck_assert (pbo_edit_rollback (tree, NULL));
}

START_TEST (test_fresh_tree_builds)
{
  run_in_state (FRESH);
}
END_TEST

START_TEST (test_journaled_tree_refuses)
{
  run_in_state (JOURNALED);
}
END_TEST

START_TEST (test_open_transaction_refuses)
{
  run_in_state (IN_TRANSACTION);
}
END_TEST

/* A loaded file with a journal still loads (its officers are placed after
 * the journal is read) and refuses the builders afterwards. */
START_TEST (test_loaded_journal)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autoptr (PboTree) back = NULL;
  g_autofree char *text = NULL;
  GLogLevelFlags fatal;
  guint handler;

  ck_assert (pbo_org_add_officer (tree, pbo_tree_lookup_org (tree, "b1"), PBO_ROLE_SECRETARY,
                                  pbo_tree_lookup_member (tree, "m1"), PBO_DATE_NONE, NULL));
  ck_assert (pbo_edit_rename (tree, pbo_tree_lookup_org (tree, "b2"), "二", NULL, NULL));
  text = tu_save_string (tree, NULL);
  back = tu_load_string (text);
  ck_assert_ptr_nonnull (pbo_org_find_officer (pbo_tree_lookup_org (back, "b1"),
                                               PBO_ROLE_SECRETARY));
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  handler = g_log_set_handler ("pbo", G_LOG_LEVEL_CRITICAL, count_critical, NULL);
  criticals = 0;
  ck_assert (!pbo_org_set_name (pbo_tree_lookup_org (back, "b1"), "x", NULL));
  g_log_remove_handler ("pbo", handler);
  g_log_set_always_fatal (fatal);
  ck_assert_uint_eq (criticals, 1);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("builders");
  TCase *tc = tcase_create ("refusals");

  tcase_add_test (tc, test_fresh_tree_builds);
  tcase_add_test (tc, test_journaled_tree_refuses);
  tcase_add_test (tc, test_open_transaction_refuses);
  tcase_add_test (tc, test_loaded_journal);
  suite_add_tcase (s, tc);
  return tu_run (s);
}
