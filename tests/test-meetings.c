/* Check suite: meetings — tallies against requirements, the summary table. */
#include <string.h>
#include "testutil.h"

static void
meet (PboTree *tree, PboOrg *org, PboMeetingType type, PboDate date)
{
  GError *error = NULL;

  ck_assert_int_ge (pbo_org_add_meeting (tree, org, type, date, "会议", 12, &error), 0);
  ck_assert_no_error (error);
}

static void
appoint (PboTree *tree, PboOrg *org, PboRole role, const char *member_id)
{
  GError *error = NULL;

  ck_assert (pbo_org_add_officer (tree, org, role, pbo_tree_lookup_member (tree, member_id),
                                  PBO_DATE_NONE, &error));
}

START_TEST (test_defaults)
{
  static const guint expected[PBO_MEETING_TYPE_SLOTS] = { 0, 3, 1, 1, 3, 1, 12, 12 };
  guint t;

  for (t = 0; t < PBO_MEETING_TYPE_SLOTS; t++)
    ck_assert_uint_eq (pbo_meeting_default_interval ((PboMeetingType) t), expected[t]);
  ck_assert_uint_eq (pbo_meeting_default_interval ((PboMeetingType) 99), 0);
}
END_TEST

START_TEST (test_requirements)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1");
  PboOrg *b2 = pbo_tree_lookup_org (tree, "b2");
  PboOrg *g1 = pbo_tree_lookup_org (tree, "g1");

  ck_assert (pbo_branch_requires_meeting (b1, PBO_MEETING_GENERAL_ASSEMBLY));
  ck_assert (pbo_branch_requires_meeting (b1, PBO_MEETING_LECTURE));
  ck_assert (pbo_branch_requires_meeting (b1, PBO_MEETING_MEMBER_REVIEW));
  ck_assert (!pbo_branch_requires_meeting (g1, PBO_MEETING_GENERAL_ASSEMBLY));
  ck_assert (!pbo_branch_requires_meeting (b1, PBO_MEETING_NONE));
  /* Groups: b2 has one, b1 none. */
  ck_assert (pbo_branch_requires_meeting (b2, PBO_MEETING_GROUP));
  ck_assert (!pbo_branch_requires_meeting (b1, PBO_MEETING_GROUP));
  /* A committee is a secretary and 2 other officers. */
  ck_assert (!pbo_branch_requires_meeting (b1, PBO_MEETING_COMMITTEE));
  appoint (tree, b1, PBO_ROLE_SECRETARY, "m1");
  appoint (tree, b1, PBO_ROLE_ORGANIZATION, "m2");
  ck_assert (!pbo_branch_requires_meeting (b1, PBO_MEETING_COMMITTEE));
  appoint (tree, b1, PBO_ROLE_PROPAGANDA, "m3");
  ck_assert (pbo_branch_requires_meeting (b1, PBO_MEETING_COMMITTEE));
}
END_TEST

START_TEST (test_window_edges)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1");
  PboMeetingTally t;

  meet (tree, b1, PBO_MEETING_THEME_DAY, 20231231);   /* before the period */
  meet (tree, b1, PBO_MEETING_THEME_DAY, 20240131);   /* last day of January */
  meet (tree, b1, PBO_MEETING_THEME_DAY, 20240201);   /* first day of February */
  meet (tree, b1, PBO_MEETING_THEME_DAY, 20240415);
  meet (tree, b1, PBO_MEETING_LECTURE, 20240301);
  ck_assert (pbo_meeting_tally (b1, PBO_MEETING_THEME_DAY, 1, 20240101, 20241231, &t));
  ck_assert_int_eq (t.type, PBO_MEETING_THEME_DAY);
  ck_assert_uint_eq (t.interval_months, 1);
  ck_assert_uint_eq (t.held, 3);
  ck_assert_uint_eq (t.required, 12);
  ck_assert_uint_eq (t.met, 3);
  ck_assert_uint_eq (t.first_missing, 20240301);
  /* A trailing window cut short by the end of the period is not required,
   * but what was held in it counts. */
  ck_assert (pbo_meeting_tally (b1, PBO_MEETING_THEME_DAY, 1, 20240101, 20240420, &t));
  ck_assert_uint_eq (t.required, 3);
  ck_assert_uint_eq (t.met, 2);
  ck_assert_uint_eq (t.held, 3);
  ck_assert_uint_eq (t.first_missing, 20240301);
  /* Interval 0: nothing is required. */
  ck_assert (pbo_meeting_tally (b1, PBO_MEETING_LECTURE, 0, 20240101, 20241231, &t));
  ck_assert_uint_eq (t.interval_months, 0);
  ck_assert_uint_eq (t.required, 0);
  ck_assert_uint_eq (t.held, 1);
  ck_assert_uint_eq (t.first_missing, PBO_DATE_NONE);
  /* Windows counted from a month end never drift: 31 Jan → 11 windows to 30 Dec. */
  ck_assert (pbo_meeting_tally (b1, PBO_MEETING_THEME_DAY, 1, 20240131, 20241230, &t));
  ck_assert_uint_eq (t.required, 11);
  ck_assert (pbo_meeting_tally (b1, PBO_MEETING_THEME_DAY, 1, 20240131, 20241229, &t));
  ck_assert_uint_eq (t.required, 10);
}
END_TEST

START_TEST (test_groups_and_founding)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *b2 = pbo_tree_lookup_org (tree, "b2");
  PboOrg *gr1 = pbo_tree_lookup_org (tree, "gr1");
  PboMeetingTally t;
  GError *error = NULL;

  meet (tree, gr1, PBO_MEETING_GROUP, 20240110);
  meet (tree, b2, PBO_MEETING_GROUP, 20240210);
  ck_assert (pbo_meeting_tally (b2, PBO_MEETING_GROUP, 1, 20240101, 20240331, &t));
  ck_assert_uint_eq (t.held, 2);
  ck_assert_uint_eq (t.required, 3);
  ck_assert_uint_eq (t.met, 2);
  /* Founded on 1 July: only the second half-year is owed. */
  ck_assert (pbo_org_set_established (b2, 20240701, &error));
  ck_assert (pbo_meeting_tally (b2, PBO_MEETING_GENERAL_ASSEMBLY, 3, 20240101, 20241231, &t));
  ck_assert_uint_eq (t.required, 2);
  ck_assert_uint_eq (t.first_missing, 20240701);
  /* Founded after the period: nothing owed. */
  ck_assert (pbo_org_set_established (b2, 20250101, &error));
  ck_assert (pbo_meeting_tally (b2, PBO_MEETING_GENERAL_ASSEMBLY, 3, 20240101, 20241231, &t));
  ck_assert_uint_eq (t.required, 0);
}
END_TEST

START_TEST (test_summary)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1");
  PboMeetingOptions o = PBO_MEETING_OPTIONS_INIT;
  g_autoptr (PboMeetingSummary) s = NULL;
  const PboMeetingTally *t;
  GError *error = NULL;

  meet (tree, b1, PBO_MEETING_GENERAL_ASSEMBLY, 20240320);
  meet (tree, b1, PBO_MEETING_GENERAL_ASSEMBLY, 20240620);
  o.from = 20240101;
  o.to = 20240630;
  s = pbo_meeting_summary_new (tree, NULL, &o, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_meeting_summary_get_from (s), 20240101);
  ck_assert_uint_eq (pbo_meeting_summary_get_to (s), 20240630);
  ck_assert_uint_eq (pbo_meeting_summary_get_n_branches (s), 3);
  ck_assert_str_eq (pbo_org_get_id (pbo_meeting_summary_get_branch (s, 0)), "b1");
  ck_assert_str_eq (pbo_org_get_id (pbo_meeting_summary_get_branch (s, 1)), "b2");
  ck_assert_str_eq (pbo_org_get_id (pbo_meeting_summary_get_branch (s, 2)), "b3");
  ck_assert_ptr_null (pbo_meeting_summary_get_branch (s, 3));
  t = pbo_meeting_summary_get_tally (s, 0, PBO_MEETING_GENERAL_ASSEMBLY);
  ck_assert_uint_eq (t->required, 2);
  ck_assert_uint_eq (t->met, 2);
  ck_assert_uint_eq (t->held, 2);
  t = pbo_meeting_summary_get_tally (s, 0, PBO_MEETING_LIFE_MEETING);
  ck_assert_uint_eq (t->required, 0);
  ck_assert_uint_eq (t->interval_months, 12);
  ck_assert_uint_eq (pbo_meeting_summary_get_tally (s, 1, PBO_MEETING_GROUP)->required, 6);
  ck_assert_uint_eq (pbo_meeting_summary_get_tally (s, 0, PBO_MEETING_GROUP)->interval_months,
                     0);
  ck_assert_ptr_null (pbo_meeting_summary_get_tally (s, 0, PBO_MEETING_NONE));
  ck_assert_ptr_null (pbo_meeting_summary_get_tally (s, 9, PBO_MEETING_LECTURE));
}
END_TEST

START_TEST (test_summary_subtree_and_default_period)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboMeetingOptions o = PBO_MEETING_OPTIONS_INIT;
  g_autoptr (PboMeetingSummary) s = NULL, all = NULL;

  o.to = 20240229;
  s = pbo_meeting_summary_new (tree, pbo_tree_lookup_org (tree, "g1"), &o, NULL);
  ck_assert_uint_eq (pbo_meeting_summary_get_from (s), 20230301);
  ck_assert_uint_eq (pbo_meeting_summary_get_n_branches (s), 2);
  all = pbo_meeting_summary_new (tree, NULL, NULL, NULL);
  ck_assert_uint_eq (pbo_meeting_summary_get_to (all), pbo_date_today ());
}
END_TEST

START_TEST (test_summary_errors)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboMeetingOptions o = PBO_MEETING_OPTIONS_INIT;
  GError *error = NULL;

  o.version = 2;
  ck_assert_ptr_null (pbo_meeting_summary_new (tree, NULL, &o, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  o.version = PBO_MEETING_OPTIONS_VERSION;
  o.from = 20240102;
  o.to = 20240101;
  ck_assert_ptr_null (pbo_meeting_summary_new (tree, NULL, &o, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  o.from = 20240000;
  ck_assert_ptr_null (pbo_meeting_summary_new (tree, NULL, &o, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  o.from = PBO_DATE_NONE;
  o.interval_months[PBO_MEETING_THEME_DAY] = 121;
  ck_assert_ptr_null (pbo_meeting_summary_new (tree, NULL, &o, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
}
END_TEST

START_TEST (test_writers)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *b = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "b");
  PboMeetingOptions o = PBO_MEETING_OPTIONS_INIT;
  g_autoptr (PboMeetingSummary) s = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) csv = g_string_new (NULL);
  GError *error = NULL;

  ck_assert (pbo_org_set_name (b, "第一党支部, 内科", &error));
  meet (tree, b, PBO_MEETING_LECTURE, 20240110);
  o.from = 20240101;
  o.to = 20240331;
  s = pbo_meeting_summary_new (tree, NULL, &o, &error);
  pbo_meeting_summary_write_csv (s, csv);
  ck_assert_str_eq (csv->str,
    "branch,name,type,interval-months,required,met,held,first-missing\n"
    "b,\"第一党支部, 内科\",general-assembly,3,1,0,0,2024-01-01\n"
    "b,\"第一党支部, 内科\",committee,0,0,0,0,\n"
    "b,\"第一党支部, 内科\",group,0,0,0,0,\n"
    "b,\"第一党支部, 内科\",lecture,3,1,1,1,\n"
    "b,\"第一党支部, 内科\",theme-day,1,3,0,0,2024-01-01\n"
    "b,\"第一党支部, 内科\",life-meeting,12,0,0,0,\n"
    "b,\"第一党支部, 内科\",member-review,12,0,0,0,\n");
  pbo_meeting_summary_write_text (s, text);
  ck_assert_str_eq (text->str,
    "Meetings from 2024-01-01 to 2024-03-31\n"
    "\n"
    "b 第一党支部, 内科\n"
    "  general-assembly  held   0  required   1 (every 3 months)  met 0/1  MISSING from 2024-01-01\n"
    "  committee         held   0  not required\n"
    "  group             held   0  not required\n"
    "  lecture           held   1  required   1 (every 3 months)  met 1/1\n"
    "  theme-day         held   0  required   3 (every 1 month)  met 0/3  MISSING from 2024-01-01\n"
    "  life-meeting      held   0  required   0 (every 12 months)  met 0/0\n"
    "  member-review     held   0  required   0 (every 12 months)  met 0/0\n");
}
END_TEST

static Suite *
meetings_suite (void)
{
  Suite *s = suite_create ("meetings");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_defaults);
  tcase_add_test (tc, test_requirements);
  tcase_add_test (tc, test_window_edges);
  tcase_add_test (tc, test_groups_and_founding);
  tcase_add_test (tc, test_summary);
  tcase_add_test (tc, test_summary_subtree_and_default_period);
  tcase_add_test (tc, test_summary_errors);
  tcase_add_test (tc, test_writers);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (meetings_suite ());
}
