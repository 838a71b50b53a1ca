/* Check suite: dues — the 2008 bands at every edge, categories, rounding, sheets. */
#include <string.h>
#include "testutil.h"

static PboMember *
add_payer (PboTree *tree, PboOrg *org, const char *id, PboEmployment employment,
           const char *base_yuan, PboDuesCategory category, PboDate joined)
{
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  GError *error = NULL;
  PboMember *m;

  info.id = id;
  info.name = "党员";
  info.status = PBO_STATUS_FULL;
  info.employment = employment;
  info.joined = joined;
  info.full_since = pbo_date_add_months (joined, 12);
  info.dues_category = category;
  m = pbo_tree_add_member (tree, org, &info, &error);
  ck_assert_no_error (error);
  if (base_yuan != NULL)
    ck_assert (pbo_member_set_attribute (tree, m, "dues-base", base_yuan, &error));
  ck_assert_no_error (error);
  return m;
}

/* Each band edge, both employment kinds, through a member built from the
 * format-v1 spelling of the base (yuan), as a file would give it. */
START_TEST (test_band_edges)
{
  static const struct {
    PboEmployment employment;
    const char *base;
    guint rate_bp;
    gint64 amount_fen;
  } cases[] = {
    { PBO_EMPLOYMENT_IN_SERVICE, "0", 50, 0 },
    { PBO_EMPLOYMENT_IN_SERVICE, "2999.99", 50, 1500 },     /* 14.99995 → 15.00 */
    { PBO_EMPLOYMENT_IN_SERVICE, "3000.00", 50, 1500 },
    { PBO_EMPLOYMENT_IN_SERVICE, "3000.01", 100, 3000 },    /* 30.0001 → 30.00 */
    { PBO_EMPLOYMENT_IN_SERVICE, "4000", 100, 4000 },       /* DESIGN §9: 40.00 */
    { PBO_EMPLOYMENT_IN_SERVICE, "5000", 100, 5000 },
    { PBO_EMPLOYMENT_IN_SERVICE, "5000.01", 150, 7500 },    /* 75.00015 → 75.00 */
    { PBO_EMPLOYMENT_IN_SERVICE, "10000", 150, 15000 },
    { PBO_EMPLOYMENT_IN_SERVICE, "10000.01", 200, 20000 },  /* 200.0002 → 200.00 */
    { PBO_EMPLOYMENT_IN_SERVICE, "25000", 200, 50000 },
    { PBO_EMPLOYMENT_RETIRED, "3000.01", 50, 1500 },
    { PBO_EMPLOYMENT_RETIRED, "5000", 50, 2500 },
    { PBO_EMPLOYMENT_RETIRED, "5000.01", 100, 5000 },       /* 50.0001 → 50.00 */
    { PBO_EMPLOYMENT_RETIRED, "10000.01", 100, 10000 },
  };
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *b = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "b");
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char id[16];
      PboMember *m;
      PboDues d;

      g_snprintf (id, sizeof id, "m%u", i);
      m = add_payer (tree, b, id, cases[i].employment, cases[i].base, PBO_DUES_STANDARD,
                     20100101);
      ck_assert_msg (pbo_member_compute_dues (m, 20240315, &d), "case %u", i);
      ck_assert_int_eq (d.basis, PBO_DUES_BASIS_RATE);
      ck_assert_msg (d.rate_bp == cases[i].rate_bp, "case %u: rate %u", i, d.rate_bp);
      ck_assert_msg (d.amount_fen == cases[i].amount_fen, "case %u: %" G_GINT64_FORMAT, i,
                     d.amount_fen);
      ck_assert_int_eq (d.base_fen, pbo_member_get_dues_base (m));
    }
}
END_TEST

START_TEST (test_rate_and_rounding)
{
  ck_assert_uint_eq (pbo_dues_rate (PBO_EMPLOYMENT_IN_SERVICE, 300000), 50);
  ck_assert_uint_eq (pbo_dues_rate (PBO_EMPLOYMENT_IN_SERVICE, 300001), 100);
  ck_assert_uint_eq (pbo_dues_rate (PBO_EMPLOYMENT_IN_SERVICE, 1000001), 200);
  ck_assert_uint_eq (pbo_dues_rate (PBO_EMPLOYMENT_RETIRED, 500000), 50);
  ck_assert_uint_eq (pbo_dues_rate (PBO_EMPLOYMENT_RETIRED, 500001), 100);
  ck_assert_uint_eq (pbo_dues_rate (PBO_EMPLOYMENT_NONE, 500001), 0);
  /* Half a fen rounds up, less rounds down. */
  ck_assert_int_eq (pbo_dues_amount (101, 50), 1);       /* 0.505 fen */
  ck_assert_int_eq (pbo_dues_amount (100, 50), 1);       /* 0.5 fen */
  ck_assert_int_eq (pbo_dues_amount (99, 50), 0);        /* 0.495 fen */
  ck_assert_int_eq (pbo_dues_amount (123457, 50), 617);  /* 1234.57 yuan: 6.17285 */
  ck_assert_int_eq (pbo_dues_amount (333333, 100), 3333);
  ck_assert_int_eq (pbo_dues_amount (123450, 150), 1852); /* 18.5175 → 18.52 */
  ck_assert_int_eq (pbo_dues_amount (0, 200), 0);
}
END_TEST

START_TEST (test_categories)
{
  static const struct {
    PboDuesCategory category;
    gint64 fixed;
  } cases[] = {
    { PBO_DUES_NONE, -1 },        { PBO_DUES_STANDARD, -1 },
    { PBO_DUES_STUDENT, 20 },     { PBO_DUES_UNEMPLOYED, 20 },
    { PBO_DUES_SUBSISTENCE, 20 }, { PBO_DUES_FARMER, 20 },
    { PBO_DUES_MOBILE_NO_INCOME, 20 },
  };
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *b = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "b");
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char id[16];
      PboMember *m;
      PboDues d;

      ck_assert_int_eq (pbo_dues_fixed_amount (cases[i].category), cases[i].fixed);
      g_snprintf (id, sizeof id, "m%u", i);
      /* A base is recorded; fixed categories ignore it. */
      m = add_payer (tree, b, id, PBO_EMPLOYMENT_IN_SERVICE, "6000", cases[i].category,
                     20100101);
      ck_assert (pbo_member_compute_dues (m, 20240301, &d));
      if (cases[i].fixed >= 0)
        {
          ck_assert_int_eq (d.basis, PBO_DUES_BASIS_FIXED);
          ck_assert_int_eq (d.amount_fen, 20);
          ck_assert_uint_eq (d.rate_bp, 0);
        }
      else
        {
          ck_assert_int_eq (d.basis, PBO_DUES_BASIS_RATE);
          ck_assert_int_eq (d.amount_fen, 9000);
        }
    }
  ck_assert_int_eq (pbo_dues_fixed_amount ((PboDuesCategory) 42), -1);
}
END_TEST

START_TEST (test_no_base_and_not_due)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *b = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "b");
  PboMember *none = add_payer (tree, b, "none", PBO_EMPLOYMENT_RETIRED, NULL, PBO_DUES_NONE,
                               20100101);
  PboMember *student = add_payer (tree, b, "student", PBO_EMPLOYMENT_IN_SERVICE, NULL,
                                  PBO_DUES_STUDENT, 20100101);
  PboMember *late = add_payer (tree, b, "late", PBO_EMPLOYMENT_IN_SERVICE, "4000",
                               PBO_DUES_STANDARD, 20240401);
  PboDues d;

  ck_assert (!pbo_member_compute_dues (none, 20240301, &d));
  ck_assert_int_eq (d.basis, PBO_DUES_BASIS_NO_BASE);
  ck_assert_int_eq (d.base_fen, PBO_DUES_BASE_NONE);
  ck_assert_int_eq (d.amount_fen, 0);
  ck_assert (pbo_member_compute_dues (student, 20240301, &d));
  ck_assert_int_eq (d.basis, PBO_DUES_BASIS_FIXED);
  /* Joined on 1 April: nothing for March, the full rate for April. */
  ck_assert (!pbo_member_compute_dues (late, 20240331, &d));
  ck_assert_int_eq (d.basis, PBO_DUES_BASIS_NOT_DUE);
  ck_assert (pbo_member_compute_dues (late, 20240430, &d));
  ck_assert_int_eq (d.amount_fen, 4000);
  ck_assert (!pbo_member_compute_dues (late, 20240000, &d));
  ck_assert_int_eq (d.basis, PBO_DUES_BASIS_NONE);
  ck_assert_str_eq (pbo_dues_basis_to_string (PBO_DUES_BASIS_NO_BASE), "no-base");
  ck_assert_ptr_null (pbo_dues_basis_to_string (PBO_DUES_BASIS_NONE));
}
END_TEST

static PboTree *
sheet_tree (void)
{
  PboTree *tree = pbo_tree_new ();
  PboOrg *top = tu_add_org (tree, NULL, PBO_ORG_COMMITTEE, "top");
  PboOrg *b1 = tu_add_org (tree, top, PBO_ORG_BRANCH, "b1");
  PboOrg *gr = tu_add_org (tree, b1, PBO_ORG_GROUP, "gr");
  PboOrg *b2 = tu_add_org (tree, top, PBO_ORG_BRANCH, "b2");
  GError *error = NULL;

  ck_assert (pbo_org_set_name (b1, "内科, 外科支部", &error));
  add_payer (tree, b1, "a", PBO_EMPLOYMENT_IN_SERVICE, "4000", PBO_DUES_STANDARD, 20100101);
  add_payer (tree, gr, "b", PBO_EMPLOYMENT_RETIRED, "5000.01", PBO_DUES_NONE, 20100101);
  add_payer (tree, gr, "c", PBO_EMPLOYMENT_IN_SERVICE, NULL, PBO_DUES_STANDARD, 20100101);
  add_payer (tree, b2, "d", PBO_EMPLOYMENT_IN_SERVICE, NULL, PBO_DUES_STUDENT, 20100101);
  add_payer (tree, b2, "e", PBO_EMPLOYMENT_IN_SERVICE, "12345.67", PBO_DUES_STANDARD,
             20240501);
  return tree;
}

START_TEST (test_sheet)
{
  g_autoptr (PboTree) tree = sheet_tree ();
  g_autoptr (PboDuesSheet) s = NULL, sub = NULL;
  const PboDuesBranchTotal *t;
  const PboDues *d;
  GError *error = NULL;

  s = pbo_dues_sheet_new (tree, NULL, 20240415, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_dues_sheet_get_month (s), 20240401);
  ck_assert_uint_eq (pbo_dues_sheet_get_n_members (s), 5);
  ck_assert_str_eq (pbo_member_get_id (pbo_dues_sheet_get_member (s, 1, &d)), "b");
  ck_assert_int_eq (d->amount_fen, 5000);
  ck_assert_ptr_null (pbo_dues_sheet_get_member (s, 5, NULL));
  ck_assert_uint_eq (pbo_dues_sheet_get_n_branches (s), 2);
  t = pbo_dues_sheet_get_branch (s, 0);
  ck_assert_str_eq (pbo_org_get_id (t->branch), "b1");
  ck_assert_uint_eq (t->members, 3);
  ck_assert_uint_eq (t->computed, 2);
  ck_assert_uint_eq (t->no_base, 1);
  ck_assert_int_eq (t->total_fen, 9000);
  t = pbo_dues_sheet_get_branch (s, 1);
  ck_assert_uint_eq (t->members, 2);
  ck_assert_uint_eq (t->not_due, 1);
  ck_assert_int_eq (t->total_fen, 20);
  ck_assert_ptr_null (pbo_dues_sheet_get_branch (s, 2));
  ck_assert_int_eq (pbo_dues_sheet_get_total (s), 9020);

  sub = pbo_dues_sheet_new (tree, pbo_tree_lookup_org (tree, "b2"), 20240501, &error);
  ck_assert_uint_eq (pbo_dues_sheet_get_n_branches (sub), 1);
  /* 12345.67 × 2% = 246.9134 → 246.91 */
  ck_assert_int_eq (pbo_dues_sheet_get_total (sub), 24691 + 20);

  ck_assert_ptr_null (pbo_dues_sheet_new (tree, NULL, PBO_DATE_NONE, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_ptr_null (pbo_dues_sheet_new (tree, NULL, 20240400, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
}
END_TEST

START_TEST (test_sheet_writers)
{
  g_autoptr (PboTree) tree = sheet_tree ();
  g_autoptr (PboDuesSheet) s = pbo_dues_sheet_new (tree, NULL, 20240401, NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) csv = g_string_new (NULL);
  g_autoptr (GString) totals = g_string_new (NULL);

  pbo_dues_sheet_write_text (s, text);
  ck_assert_str_eq (text->str,
                    "Dues for 2024-04\n"
                    "b1 内科, 外科支部: 90.00 yuan from 2 of 3 members  no dues base: c\n"
                    "b2 组织 b2: 0.20 yuan from 1 of 2 members; 1 not yet due\n"
                    "Total: 90.20 yuan\n");
  pbo_dues_sheet_write_csv (s, csv);
  ck_assert_str_eq (csv->str,
                    "branch,member,name,employment,category,base,rate,amount,basis\n"
                    "b1,a,党员,in-service,standard,4000.00,1,40.00,rate\n"
                    "b1,b,党员,retired,,5000.01,1,50.00,rate\n"
                    "b1,c,党员,in-service,standard,,,,no-base\n"
                    "b2,d,党员,in-service,student,,,0.20,fixed\n"
                    "b2,e,党员,in-service,standard,12345.67,,,not-due\n");
  pbo_dues_sheet_write_totals_csv (s, totals);
  ck_assert_str_eq (totals->str,
                    "branch,name,members,computed,no-base,not-due,total\n"
                    "b1,\"内科, 外科支部\",3,2,1,0,90.00\n"
                    "b2,组织 b2,2,1,0,1,0.20\n");
}
END_TEST

static Suite *
dues_suite (void)
{
  Suite *s = suite_create ("dues");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_band_edges);
  tcase_add_test (tc, test_rate_and_rounding);
  tcase_add_test (tc, test_categories);
  tcase_add_test (tc, test_no_base_and_not_due);
  tcase_add_test (tc, test_sheet);
  tcase_add_test (tc, test_sheet_writers);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (dues_suite ());
}
