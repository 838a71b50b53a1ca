/* Check suite: report — seed 001's figures, bands at their edges, units, writers. */
#include <string.h>
#include "testutil.h"

static PboOrg *
add_unit_org (PboTree *tree, PboOrg *parent, PboOrgKind kind, const char *id, const char *unit)
{
  PboOrg *org = tu_add_org (tree, parent, kind, id);
  GError *error = NULL;

  ck_assert (pbo_org_set_unit (org, unit, &error));
  return org;
}

/* Seed 001 built in code: a directly-affiliated units' committee over 12
 * units — 6 with a primary committee (21, 21, 21, 20, 20, 20 branches),
 * 3 with a general branch (6 branches each), 3 with a single branch —
 * 144 branches holding 3151 members round robin, the first 740 retired. */
static PboTree *
seed_001_tree (void)
{
  static const guint committee_branches[] = { 21, 21, 21, 20, 20, 20 };
  PboTree *tree = pbo_tree_new ();
  PboOrg *root = tu_add_org (tree, NULL, PBO_ORG_COMMITTEE, "zs");
  g_autoptr (GPtrArray) branches = g_ptr_array_new ();
  guint u, i;

  for (u = 0; u < 12; u++)
    {
      g_autofree char *id = g_strdup_printf ("u%02u", u);
      g_autofree char *unit = g_strdup_printf (u < 8 ? "市第%u人民医院" : "市卫生机构%u", u);
      PboOrgKind kind = u < 6 ? PBO_ORG_COMMITTEE : u < 9 ? PBO_ORG_GENERAL_BRANCH
                                                          : PBO_ORG_BRANCH;
      PboOrg *head = add_unit_org (tree, root, kind, id, unit);
      guint n = u < 6 ? committee_branches[u] : u < 9 ? 6 : 0;

      if (n == 0)
        g_ptr_array_add (branches, head);
      for (i = 0; i < n; i++)
        {
          g_autofree char *bid = g_strdup_printf ("%s-b%02u", id, i);
          g_ptr_array_add (branches, tu_add_org (tree, head, PBO_ORG_BRANCH, bid));
        }
    }
  ck_assert_uint_eq (branches->len, 144);
  for (i = 0; i < 3151; i++)
    {
      char id[16];
      g_snprintf (id, sizeof id, "m%04u", i);
      tu_add_member (tree, g_ptr_array_index (branches, i % branches->len), id,
                     i % 50 == 49 ? PBO_STATUS_PROBATIONARY : PBO_STATUS_FULL,
                     i < 740 ? PBO_EMPLOYMENT_RETIRED : PBO_EMPLOYMENT_IN_SERVICE);
    }
  return tree;
}

/* Seed 001's figures, whether the tree was built in code or loaded from
 * examples/data/city-health.xml: 12 units (6 with a primary committee, 3
 * with a general branch, 3 with a single branch), 144 branches, 3151
 * members of whom 2411 in service and 740 retired; each unit row adds up. */
static void
assert_seed_001_figures (const PboTree *tree)
{
  g_autoptr (PboReport) r = NULL;
  GError *error = NULL;
  guint i, members = 0, branches = 0, in_service = 0, retired = 0;
  guint by_kind[PBO_ORG_GROUP + 1] = { 0 };

  r = pbo_report_new (tree, NULL, 20231231, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_UNITS), 12);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_UNITS_COMMITTEE), 6);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_UNITS_GENERAL_BRANCH), 3);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_UNITS_BRANCH), 3);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_BRANCHES), 144);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_MEMBERS), 3151);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_IN_SERVICE), 2411);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_RETIRED), 740);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_COMMITTEES), 7);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_GENERAL_BRANCHES), 3);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_FULL) + pbo_report_get (r, PBO_REPORT_PROBATIONARY),
                     3151);
  /* The root committee carries no unit and holds nothing itself: no row. */
  ck_assert_uint_eq (pbo_report_get_n_units (r), 12);
  for (i = 0; i < 12; i++)
    {
      const PboReportUnit *u = pbo_report_get_unit (r, i);
      ck_assert_ptr_nonnull (u->name);
      members += u->members;
      branches += u->branches;
      in_service += u->in_service;
      retired += u->retired;
      by_kind[u->kind]++;
      ck_assert_uint_eq (u->members, u->in_service + u->retired);
      ck_assert_uint_eq (u->members, u->full + u->probationary);
    }
  ck_assert_uint_eq (members, 3151);
  ck_assert_uint_eq (branches, 144);
  ck_assert_uint_eq (in_service, 2411);
  ck_assert_uint_eq (retired, 740);
  ck_assert_uint_eq (by_kind[PBO_ORG_COMMITTEE], 6);
  ck_assert_uint_eq (by_kind[PBO_ORG_GENERAL_BRANCH], 3);
  ck_assert_uint_eq (by_kind[PBO_ORG_BRANCH], 3);
  ck_assert_ptr_null (pbo_report_get_unit (r, 12));
}

START_TEST (test_seed_001_figures)
{
  g_autoptr (PboTree) tree = seed_001_tree ();
  g_autoptr (PboReport) r = NULL;
  GError *error = NULL;

  assert_seed_001_figures (tree);
  r = pbo_report_new (tree, NULL, 20231231, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_PROBATIONARY), 63);
  ck_assert_int_eq (pbo_report_get_unit (r, 0)->kind, PBO_ORG_COMMITTEE);
  ck_assert_uint_eq (pbo_report_get_unit (r, 0)->branches, 21);
  ck_assert_int_eq (pbo_report_get_unit (r, 11)->kind, PBO_ORG_BRANCH);
}
END_TEST

/* The bundled sample reproduces seed 001's table, every figure of it. */
START_TEST (test_city_health_sample)
{
  g_autofree char *path = tu_srcpath ("examples/data/city-health.xml");
  g_autoptr (PboTree) tree = NULL;
  GError *error = NULL;

  tree = pbo_xml_load_file (path, NULL, &error);
  ck_assert_no_error (error);
  assert_seed_001_figures (tree);
}
END_TEST

static PboMember *
add_person (PboTree *tree, PboOrg *org, const char *id, PboGender gender, PboDate born,
            PboDate full_since, const char *education)
{
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  GError *error = NULL;
  PboMember *m;

  info.id = id;
  info.name = "党员";
  info.status = full_since != PBO_DATE_NONE ? PBO_STATUS_FULL : PBO_STATUS_PROBATIONARY;
  info.employment = PBO_EMPLOYMENT_IN_SERVICE;
  info.gender = gender;
  info.born = born;
  info.joined = full_since != PBO_DATE_NONE ? pbo_date_add_months (full_since, -12) : 20240101;
  info.full_since = full_since;
  info.education = education;
  m = pbo_tree_add_member (tree, org, &info, &error);
  ck_assert_no_error (error);
  return m;
}

START_TEST (test_age_bands)
{
  static const struct { PboDate born; PboReportItem item; } cases[] = {
    { 19880701, PBO_REPORT_AGE_35_AND_UNDER },   /* 35 on 2024-06-30 */
    { 19880630, PBO_REPORT_AGE_36_45 },          /* 36 that day */
    { 19780701, PBO_REPORT_AGE_36_45 },          /* 45 */
    { 19790000, PBO_REPORT_AGE_36_45 },          /* year only: 45 */
    { 19780630, PBO_REPORT_AGE_46_55 },          /* 46 */
    { 19680630, PBO_REPORT_AGE_56_60 },          /* 56 */
    { 19640630, PBO_REPORT_AGE_56_60 },          /* 60 */
    { 19630630, PBO_REPORT_AGE_OVER_60 },        /* 61 */
    { PBO_DATE_NONE, PBO_REPORT_AGE_UNKNOWN },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PboTree) tree = pbo_tree_new ();
      PboOrg *b = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "b");
      g_autoptr (PboReport) r = NULL;

      add_person (tree, b, "m", PBO_GENDER_NONE, cases[i].born, 20100101, NULL);
      r = pbo_report_new (tree, NULL, 20240630, NULL);
      ck_assert_msg (pbo_report_get (r, cases[i].item) == 1, "case %u", i);
    }
}
END_TEST

START_TEST (test_party_age_bands)
{
  static const struct { PboDate full_since; PboReportItem item; } cases[] = {
    { 20240630, PBO_REPORT_PARTY_AGE_5_AND_UNDER },
    { 20190630, PBO_REPORT_PARTY_AGE_5_AND_UNDER },   /* 5 years exactly */
    { 20180630, PBO_REPORT_PARTY_AGE_6_10 },
    { 20040630, PBO_REPORT_PARTY_AGE_11_20 },         /* 20 */
    { 19940630, PBO_REPORT_PARTY_AGE_21_30 },         /* 30 */
    { 19840630, PBO_REPORT_PARTY_AGE_31_40 },         /* 40 */
    { 19740630, PBO_REPORT_PARTY_AGE_41_50 },         /* 50 */
    { 19740629, PBO_REPORT_PARTY_AGE_41_50 },         /* 50 */
    { 19730630, PBO_REPORT_PARTY_AGE_OVER_50 },       /* 51 */
    { PBO_DATE_NONE, PBO_REPORT_PARTY_AGE_NONE },     /* probationary */
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PboTree) tree = pbo_tree_new ();
      PboOrg *b = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "b");
      g_autoptr (PboReport) r = NULL;

      add_person (tree, b, "m", PBO_GENDER_NONE, PBO_DATE_NONE, cases[i].full_since, NULL);
      r = pbo_report_new (tree, NULL, 20240630, NULL);
      ck_assert_msg (pbo_report_get (r, cases[i].item) == 1, "case %u", i);
    }
}
END_TEST

/* c (unit 甲医院) ─ b1 (m1 male 本科, m2 female 硕士) ─ gr (m3 female 本科)
 *   └ b2 (unit 乙医院: m4 probationary, retired)
 * b3 at the top, no unit (m5 male). */
static PboTree *
small_tree (void)
{
  PboTree *tree = pbo_tree_new ();
  PboOrg *c = add_unit_org (tree, NULL, PBO_ORG_COMMITTEE, "c", "甲医院");
  PboOrg *b1 = tu_add_org (tree, c, PBO_ORG_BRANCH, "b1");
  PboOrg *gr = tu_add_org (tree, b1, PBO_ORG_GROUP, "gr");
  PboOrg *b2 = add_unit_org (tree, c, PBO_ORG_BRANCH, "b2", "乙医院");
  PboOrg *b3 = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "b3");
  GError *error = NULL;

  add_person (tree, b1, "m1", PBO_GENDER_MALE, 19800101, 20050101, "本科");
  add_person (tree, b1, "m2", PBO_GENDER_FEMALE, 19900101, 20150101, "硕士");
  add_person (tree, gr, "m3", PBO_GENDER_FEMALE, 19500101, 19800101, "本科");
  ck_assert (pbo_member_set_attribute (
    tree, add_person (tree, b2, "m4", PBO_GENDER_NONE, PBO_DATE_NONE, PBO_DATE_NONE, NULL),
    "employment", "retired", &error));
  add_person (tree, b3, "m5", PBO_GENDER_MALE, 19700101, 19950101, NULL);
  return tree;
}

START_TEST (test_units_and_educations)
{
  g_autoptr (PboTree) tree = small_tree ();
  g_autoptr (PboReport) r = pbo_report_new (tree, NULL, 20240630, NULL);
  const PboReportUnit *u;
  guint count;

  ck_assert_uint_eq (pbo_report_get_date (r), 20240630);
  ck_assert_uint_eq (pbo_report_get_n_units (r), 3);
  u = pbo_report_get_unit (r, 0);
  ck_assert_str_eq (u->name, "甲医院");
  ck_assert_str_eq (pbo_org_get_id (u->head), "c");
  ck_assert_int_eq (u->kind, PBO_ORG_COMMITTEE);
  ck_assert_uint_eq (u->branches, 1);
  ck_assert_uint_eq (u->members, 3);
  u = pbo_report_get_unit (r, 1);
  ck_assert_str_eq (u->name, "乙医院");
  ck_assert_int_eq (u->kind, PBO_ORG_BRANCH);
  ck_assert_uint_eq (u->probationary, 1);
  ck_assert_uint_eq (u->retired, 1);
  u = pbo_report_get_unit (r, 2);
  ck_assert_ptr_null (u->name);
  ck_assert_ptr_null (u->head);
  ck_assert_uint_eq (u->members, 1);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_UNITS), 2);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_UNITS_COMMITTEE), 1);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_UNITS_BRANCH), 1);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_GROUPS), 1);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_MALE), 2);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_FEMALE), 2);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_GENDER_UNKNOWN), 1);
  ck_assert_uint_eq (pbo_report_get_n_educations (r), 2);
  ck_assert_str_eq (pbo_report_get_education (r, 0, &count), "本科");
  ck_assert_uint_eq (count, 2);
  ck_assert_str_eq (pbo_report_get_education (r, 1, &count), "硕士");
  ck_assert_uint_eq (count, 1);
  ck_assert_ptr_null (pbo_report_get_education (r, 2, &count));
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_EDUCATION_UNKNOWN), 2);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_NONE), 0);
  ck_assert_uint_eq (pbo_report_get (r, (PboReportItem) 999), 0);
}
END_TEST

START_TEST (test_subtree)
{
  g_autoptr (PboTree) tree = small_tree ();
  g_autoptr (PboReport) r = NULL, g = NULL;
  GError *error = NULL;

  /* A branch under 甲医院: the unit comes from its ancestor. */
  r = pbo_report_new (tree, pbo_tree_lookup_org (tree, "b1"), 20240630, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_MEMBERS), 3);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_BRANCHES), 1);
  ck_assert_uint_eq (pbo_report_get (r, PBO_REPORT_COMMITTEES), 0);
  ck_assert_uint_eq (pbo_report_get_n_units (r), 1);
  ck_assert_str_eq (pbo_report_get_unit (r, 0)->name, "甲医院");
  g = pbo_report_new (tree, pbo_tree_lookup_org (tree, "gr"), 20240630, &error);
  ck_assert_uint_eq (pbo_report_get (g, PBO_REPORT_MEMBERS), 1);
  ck_assert_uint_eq (pbo_report_get (g, PBO_REPORT_UNITS), 0);
  ck_assert_ptr_null (pbo_report_new (tree, NULL, 20240631, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
}
END_TEST

START_TEST (test_item_names)
{
  ck_assert_str_eq (pbo_report_item_get_section (PBO_REPORT_GENERAL_BRANCHES), "orgs");
  ck_assert_str_eq (pbo_report_item_get_key (PBO_REPORT_GENERAL_BRANCHES), "general-branch");
  ck_assert_str_eq (pbo_report_item_get_section (PBO_REPORT_PARTY_AGE_OVER_50), "party-age");
  ck_assert_str_eq (pbo_report_item_get_key (PBO_REPORT_AGE_36_45), "36-45");
  ck_assert_str_eq (pbo_report_item_get_key (PBO_REPORT_EDUCATION_UNKNOWN), "unknown");
  ck_assert_ptr_null (pbo_report_item_get_key (PBO_REPORT_NONE));
  ck_assert_ptr_null (pbo_report_item_get_section ((PboReportItem) 99));
}
END_TEST

START_TEST (test_writers)
{
  g_autoptr (PboTree) tree = small_tree ();
  g_autoptr (PboReport) r = pbo_report_new (tree, NULL, 20240630, NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) csv = g_string_new (NULL);
  g_autoptr (GString) units = g_string_new (NULL);

  pbo_report_write_text (r, text);
  ck_assert_str_eq (text->str,
    "Statistics on 2024-06-30\n"
    "Orgs:       committee 1, general-branch 0, branch 3, group 1\n"
    "Units:      all 2, committee 1, general-branch 0, branch 1\n"
    "Members:    all 5, full 4, probationary 1, in-service 4, retired 1\n"
    "Gender:     male 2, female 2, unknown 1\n"
    "Age:        35-and-under 1, 36-45 1, 46-55 1, 56-60 0, over-60 1, unknown 1\n"
    "Party age:  5-and-under 0, 6-10 1, 11-20 1, 21-30 1, 31-40 0, 41-50 1, over-50 0, "
    "probationary 1\n"
    "Education:  本科 2, 硕士 1, unknown 2\n"
    "\n"
    "Unit\tkind\tbranches\tmembers\tfull\tprobationary\tin-service\tretired\n"
    "甲医院\tcommittee\t1\t3\t3\t0\t3\t0\n"
    "乙医院\tbranch\t1\t1\t0\t1\t0\t1\n"
    "(no unit)\t-\t1\t1\t1\t0\t1\t0\n");
  pbo_report_write_csv (r, csv);
  ck_assert (g_str_has_prefix (csv->str, "section,item,count\norgs,committee,1\n"));
  ck_assert_ptr_nonnull (strstr (csv->str, "\nage,over-60,1\n"));
  ck_assert_ptr_nonnull (strstr (csv->str, "\neducation,本科,2\neducation,硕士,1\n"
                                           "education,unknown,2\n"));
  ck_assert (g_str_has_suffix (csv->str, "education,unknown,2\n"));
  pbo_report_write_units_csv (r, units);
  ck_assert_str_eq (units->str,
    "unit,kind,head,branches,members,full,probationary,in-service,retired\n"
    "甲医院,committee,c,1,3,3,0,3,0\n"
    "乙医院,branch,b2,1,1,0,1,0,1\n"
    ",,,1,1,1,0,1,0\n");
}
END_TEST

static Suite *
report_suite (void)
{
  Suite *s = suite_create ("report");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_seed_001_figures);
  tcase_add_test (tc, test_city_health_sample);
  tcase_add_test (tc, test_age_bands);
  tcase_add_test (tc, test_party_age_bands);
  tcase_add_test (tc, test_units_and_educations);
  tcase_add_test (tc, test_subtree);
  tcase_add_test (tc, test_item_names);
  tcase_add_test (tc, test_writers);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (report_suite ());
}
