/* Check suite: the seeds' restructurings reproduced with the edit API, their
 * figures asserted (../shared/seeds/README.md: 000 Wujiang, 002 Jianghai). */
#include "edit-testutil.h"

#define ORG(id) pbo_tree_lookup_org (tree, (id))

static PboStats
stats_of (PboTree *tree, const char *id)
{
  PboStats s;
  pbo_org_get_stats (ORG (id), &s);
  return s;
}

/* Adds @n members "<prefix>-NN" to @org: the last @retired retired, the
 * first @n_dept of them in department @dept, the others in @other_dept. */
static void
add_members (PboTree *tree, PboOrg *org, const char *prefix, guint n, guint retired,
             const char *dept, guint n_dept, const char *other_dept)
{
  guint i;

  for (i = 0; i < n; i++)
    {
      PboMemberInfo info = PBO_MEMBER_INFO_INIT;
      g_autofree char *id = g_strdup_printf ("%s-%02u", prefix, i + 1);
      GError *error = NULL;

      info.id = id;
      info.name = "党员";
      info.status = PBO_STATUS_FULL;
      info.employment = i >= n - retired ? PBO_EMPLOYMENT_RETIRED : PBO_EMPLOYMENT_IN_SERVICE;
      info.joined = pbo_date_make (1990 + i % 25, 1 + i % 12, 1);
      info.full_since = pbo_date_add_months (info.joined, 12);
      info.department = i < n_dept ? dept : other_dept;
      ck_assert_msg (pbo_tree_add_member (tree, org, &info, &error) != NULL, "%s",
                     error ? error->message : "");
    }
}

/* ---- seed 000: Wujiang, 2014 → 2015 ------------------------------------- */

static PboTree *
wujiang_2014 (void)
{
  static const guint other_sizes[] = { 40, 35, 30, 28, 25, 20 };
  PboTree *tree = pbo_tree_new ();
  PboOrg *wsj = tu_add_org (tree, NULL, PBO_ORG_COMMITTEE, "wj-wsj");
  PboOrg *hosp;
  guint i;

  pbo_org_set_name (wsj, "吴江区卫生局党委", NULL);
  /* Former health bureau organ: 48 = 29 in service + 19 retired. */
  add_members (tree, tu_add_org (tree, wsj, PBO_ORG_BRANCH, "wj-wsj-jg"), "jg", 48, 19,
               "机关", 48, NULL);
  add_members (tree, tu_add_org (tree, wsj, PBO_ORG_BRANCH, "wj-fbs"), "fbs", 10, 0,
               "妇保所", 10, NULL);
  for (i = 0; i < G_N_ELEMENTS (other_sizes); i++)
    {
      g_autofree char *id = g_strdup_printf ("wj-b%u", i + 1);
      add_members (tree, tu_add_org (tree, wsj, PBO_ORG_BRANCH, id), id, other_sizes[i], 3,
                   "临床", other_sizes[i], NULL);
    }
  hosp = tu_add_org (tree, wsj, PBO_ORG_COMMITTEE, "wj-rmyy");
  for (i = 0; i < 9; i++)
    {
      g_autofree char *id = g_strdup_printf ("wj-rmyy-%u", i + 1);
      add_members (tree, tu_add_org (tree, hosp, PBO_ORG_BRANCH, id), id, 45, 5, "临床", 45,
                   NULL);
    }
  /* Former family-planning commission: 39 = 27 in service (5 of them at
   * the guidance station) + 12 retired. */
  add_members (tree, tu_add_org (tree, NULL, PBO_ORG_BRANCH, "wj-jsw"), "jsw", 39, 12,
               "计生指导站", 5, "机关");
  return tree;
}

START_TEST (test_wujiang)
{
  g_autoptr (PboTree) tree = wujiang_2014 ();
  g_autofree char *before = et_dump (tree);
  PboEditContext ctx = { PBO_EDIT_CONTEXT_VERSION, 20150120, "卫计委党委组建", "区委组织部" };
  PboEditOrgInfo wjw = PBO_EDIT_ORG_INFO_INIT;
  PboSelector retired = PBO_SELECTOR_INIT, station = PBO_SELECTOR_INIT;
  PboStats s;
  PboOrg *organ;

  ck_assert_uint_eq (pbo_tree_get_n_members (tree), 680);
  ck_assert_uint_eq (stats_of (tree, "wj-wsj-jg").members, 48);
  ck_assert_uint_eq (stats_of (tree, "wj-jsw").members, 39);

  ET_OK (tree, pbo_edit_begin (tree, &err_));
  wjw.kind = PBO_ORG_COMMITTEE;
  wjw.id = "wj-wjw";
  wjw.name = "吴江区卫生和计划生育委员会党委";
  wjw.established = ctx.date;
  ET_OK (tree, pbo_edit_create_org (tree, &wjw, &ctx, &err_));
  /* The organ's retirees form the retirees' branch. */
  retired.employment = PBO_EMPLOYMENT_RETIRED;
  ET_OK (tree, pbo_edit_split (tree, ORG ("wj-wsj-jg"), &retired, "wj-ltx", "卫计委离退休党支部",
                               &ctx, &err_));
  /* The guidance station's 5 go to the maternal & child health branch. */
  station.from = ORG ("wj-jsw");
  station.employment = PBO_EMPLOYMENT_IN_SERVICE;
  station.department = "计生指导站";
  ET_OK (tree, pbo_edit_transfer_selected (tree, &station, ORG ("wj-fbs"), &ctx, &err_));
  retired.from = ORG ("wj-jsw");
  ET_OK (tree, pbo_edit_transfer_selected (tree, &retired, ORG ("wj-ltx"), &ctx, &err_));
  /* The family-planning branch's other 22 join the organ branch. */
  organ = ORG ("wj-wsj-jg");
  ET_OK (tree, pbo_edit_merge (tree, (PboOrg *[]) { ORG ("wj-jsw") }, 1, organ, &ctx, &err_));
  ET_OK (tree, pbo_edit_rename (tree, organ, "卫计委机关党支部", &ctx, &err_));
  ET_OK (tree, pbo_edit_merge (tree, (PboOrg *[]) { ORG ("wj-wsj") }, 1, ORG ("wj-wjw"), &ctx,
                               &err_));
  ET_OK (tree, pbo_edit_commit (tree, &err_));

  s = stats_of (tree, "wj-wsj-jg");
  ck_assert_uint_eq (s.members, 51); /* 29 + 22, above the usual 50 */
  ck_assert_uint_eq (s.in_service, 51);
  s = stats_of (tree, "wj-ltx");
  ck_assert_uint_eq (s.members, 31); /* 19 + 12 */
  ck_assert_uint_eq (s.retired, 31);
  ck_assert_uint_eq (stats_of (tree, "wj-fbs").members, 15); /* 10 + 5 */
  s = stats_of (tree, "wj-wjw");
  ck_assert_uint_eq (s.members, 680);
  ck_assert_uint_eq (s.child_orgs, 10); /* 9 branches and one subordinate committee */
  ck_assert_uint_eq (s.committees, 1);
  ck_assert_uint_eq (s.branches, 9 + 9);
  ck_assert_ptr_null (ORG ("wj-wsj"));
  ck_assert_ptr_null (ORG ("wj-jsw"));
  ck_assert_ptr_null (pbo_org_get_next (ORG ("wj-wjw")));
  ck_assert_ptr_null (pbo_org_get_prev (ORG ("wj-wjw")));
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 7);
  ck_assert_str_eq (pbo_journal_entry_get_reason (pbo_journal_get_entry (tree, 6)),
                    "卫计委党委组建");

  {
    GError *error = NULL;
    g_autoptr (PboTree) then = pbo_edit_tree_on (tree, 20141231, &error);
    g_autofree char *d = et_dump (then);
    ck_assert_str_eq (d, before);
  }
  while (pbo_journal_get_n_entries (tree) > 0)
    ET_OK (tree, pbo_edit_undo_last (tree, &err_));
  {
    g_autofree char *d = et_dump (tree);
    ck_assert_str_eq (d, before);
  }
}
END_TEST

/* ---- seed 002: Jianghai, 2023 ------------------------------------------- */

static guint
orgs_below (PboTree *tree, const char *id)
{
  PboStats s = stats_of (tree, id);
  return s.committees + s.general_branches + s.branches + s.groups;
}

START_TEST (test_jianghai)
{
  static const struct { const char *id; guint members, retired; } units[] = {
    { "jh-jg", 12, 0 }, { "jh-zxy", 46, 9 }, { "jh-lyy", 6, 1 }, { "jh-fy", 18, 3 },
    { "jh-cdc", 11, 2 }, { "jh-wjs", 8, 1 }, { "jh-wh", 9, 2 }, { "jh-ly", 7, 1 },
    { "jh-jn", 10, 2 },
  };
  static const char *const clinical[] = { "内科", "外科", "中医科" };
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboEditContext ctx = { PBO_EDIT_CONTEXT_VERSION, 20230601, "成立党总支", NULL };
  PboEditOrgInfo gb = PBO_EDIT_ORG_INFO_INIT, branch = PBO_EDIT_ORG_INFO_INIT;
  PboSelector sel = PBO_SELECTOR_INIT;
  PboOrg *top = tu_add_org (tree, NULL, PBO_ORG_COMMITTEE, "jh-hb");
  guint i;

  for (i = 0; i < G_N_ELEMENTS (units); i++)
    add_members (tree, tu_add_org (tree, top, PBO_ORG_BRANCH, units[i].id), units[i].id,
                 units[i].members, units[i].retired, clinical[i % 3], units[i].members / 2,
                 "行政");
  ck_assert_uint_eq (orgs_below (tree, "jh-hb"), 9);

  gb.parent = top;
  gb.kind = PBO_ORG_GENERAL_BRANCH;
  gb.id = "jh-zxy-zz";
  gb.name = "江海区中西医结合医院党总支";
  gb.unit = "江海区中西医结合医院";
  gb.term_start = ctx.date;
  gb.term_years = 3;
  ET_OK (tree, pbo_edit_create_org (tree, &gb, &ctx, &err_));
  branch.parent = ORG ("jh-zxy-zz");
  branch.kind = PBO_ORG_BRANCH;
  branch.id = "jh-zxy-1";
  branch.name = "一党支部";
  ET_OK (tree, pbo_edit_create_org (tree, &branch, &ctx, &err_));
  branch.id = "jh-zxy-2";
  branch.name = "二党支部";
  ET_OK (tree, pbo_edit_create_org (tree, &branch, &ctx, &err_));
  ET_OK (tree, pbo_edit_move (tree, ORG ("jh-lyy"), ORG ("jh-zxy-zz"), &ctx, &err_));
  branch.id = "jh-zxy-tx";
  branch.name = "退休党支部";
  ET_OK (tree, pbo_edit_create_org (tree, &branch, &ctx, &err_));

  /* Retirees to 退休党支部, clinical departments to 一党支部, the rest to 二党支部. */
  sel.from = ORG ("jh-zxy");
  sel.employment = PBO_EMPLOYMENT_RETIRED;
  ET_OK (tree, pbo_edit_transfer_selected (tree, &sel, ORG ("jh-zxy-tx"), &ctx, &err_));
  sel.employment = PBO_EMPLOYMENT_NONE;
  sel.department = "外科"; /* jh-zxy is unit 1: its clinical members are 外科 */
  ET_OK (tree, pbo_edit_transfer_selected (tree, &sel, ORG ("jh-zxy-1"), &ctx, &err_));
  sel.department = NULL;
  ET_OK (tree, pbo_edit_transfer_selected (tree, &sel, ORG ("jh-zxy-2"), &ctx, &err_));
  ET_OK (tree, pbo_edit_dissolve (tree, ORG ("jh-zxy"), NULL, &ctx, &err_));

  ck_assert_uint_eq (orgs_below (tree, "jh-hb"), 12);
  ck_assert_uint_eq (stats_of (tree, "jh-zxy-zz").child_orgs, 4);
  ck_assert_uint_eq (stats_of (tree, "jh-zxy-zz").members, 46 + 6);
  ck_assert_uint_eq (stats_of (tree, "jh-zxy-tx").members, 9);
  ck_assert_uint_eq (stats_of (tree, "jh-zxy-1").members, 23);
  ck_assert_uint_eq (stats_of (tree, "jh-zxy-2").members, 46 - 9 - 23);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 9);
  {
    GError *error = NULL;
    g_autoptr (PboTree) before = pbo_edit_tree_at (tree, 0, &error);
    ck_assert_uint_eq (orgs_below (before, "jh-hb"), 9);
  }
}
END_TEST

static Suite *
seeds_suite (void)
{
  Suite *s = suite_create ("edit-seeds");
  TCase *tc = tcase_create ("seeds");

  tcase_add_test (tc, test_wujiang);
  tcase_add_test (tc, test_jianghai);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (seeds_suite ());
}
