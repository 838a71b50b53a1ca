/* Check suite: rules — every rule triggered and not triggered at its boundary. */
#include <string.h>
#include "testutil.h"

#define ON 20240630u

/* Adds @n members "<prefix>1".."<prefix>n" of @status to @org. */
static void
add_members (PboTree *tree, PboOrg *org, const char *prefix, guint n, PboStatus status)
{
  guint i;

  for (i = 1; i <= n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s%u", prefix, i);
      tu_add_member (tree, org, id, status, PBO_EMPLOYMENT_IN_SERVICE);
    }
}

static PboMember *
add_probationary (PboTree *tree, PboOrg *org, const char *id, PboDate joined)
{
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  GError *error = NULL;
  PboMember *m;

  info.id = id;
  info.name = "预备党员";
  info.status = PBO_STATUS_PROBATIONARY;
  info.employment = PBO_EMPLOYMENT_IN_SERVICE;
  info.joined = joined;
  m = pbo_tree_add_member (tree, org, &info, &error);
  ck_assert_no_error (error);
  return m;
}

static void
appoint (PboTree *tree, PboOrg *org, PboRole role, const char *member_id, PboDate since)
{
  GError *error = NULL;

  ck_assert (pbo_org_add_officer (tree, org, role, pbo_tree_lookup_member (tree, member_id),
                                  since, &error));
  ck_assert_no_error (error);
}

static PboFindings *
check_on (const PboTree *tree, PboOrg *root, PboDate on)
{
  PboCheckOptions options = PBO_CHECK_OPTIONS_INIT;
  GError *error = NULL;
  PboFindings *f;

  options.on = on;
  f = pbo_check (tree, root, &options, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (f);
  return f;
}

/* Findings with @code about @org_id (any org when NULL). */
static guint
count_code (const PboFindings *f, const char *code, const char *org_id)
{
  guint i, n = 0;

  for (i = 0; i < pbo_findings_get_n (f); i++)
    {
      const PboFinding *x = pbo_findings_get (f, i);
      if (strcmp (x->code, code) == 0 && (org_id == NULL || strcmp (x->org_id, org_id) == 0))
        n++;
    }
  return n;
}

static const PboFinding *
find_code (const PboFindings *f, const char *code)
{
  guint i;

  for (i = 0; i < pbo_findings_get_n (f); i++)
    if (strcmp (pbo_findings_get (f, i)->code, code) == 0)
      return pbo_findings_get (f, i);
  return NULL;
}

/* A tree holding one branch "b" under a committee "c". */
static PboTree *
one_branch (PboOrg **branch)
{
  PboTree *tree = pbo_tree_new ();
  PboOrg *c = tu_add_org (tree, NULL, PBO_ORG_COMMITTEE, "c");

  *branch = tu_add_org (tree, c, PBO_ORG_BRANCH, "b");
  return tree;
}

/* ---- the table ---------------------------------------------------------- */

START_TEST (test_table)
{
  guint i, n = pbo_rules_get_n ();

  ck_assert_uint_eq (n, 23 + 4 + 4 + 3); /* 1.1: D001 E001 E002 V001, S001 S002 X001 O003,
                                           N001 N002 W001 */
  for (i = 0; i < n; i++)
    {
      const PboRuleInfo *r = pbo_rules_get (i);
      ck_assert_ptr_nonnull (r);
      ck_assert_int_eq (strncmp (r->code, "PBO-", 4), 0);
      ck_assert_ptr_eq (pbo_rule_lookup (r->code), r);
      ck_assert (r->severity >= PBO_SEVERITY_INFO && r->severity <= PBO_SEVERITY_ERROR);
      ck_assert (r->rule > PBO_RULE_NONE && r->rule < 64);
      ck_assert (*r->title != '\0' && *r->threshold != '\0' && *r->source != '\0');
      if (i > 0)
        ck_assert_int_lt (strcmp (pbo_rules_get (i - 1)->code, r->code), 0);
    }
  ck_assert_ptr_null (pbo_rules_get (n));
  ck_assert_ptr_null (pbo_rule_lookup ("PBO-X999"));
  ck_assert_int_eq (pbo_rule_lookup ("PBO-B004")->rule, PBO_RULE_BRANCH_LARGE);
  ck_assert_int_eq (pbo_rule_lookup ("PBO-L004")->severity, PBO_SEVERITY_INFO);
  ck_assert_str_eq (pbo_severity_to_string (PBO_SEVERITY_WARNING), "warning");
  ck_assert_int_eq (pbo_severity_from_string ("error"), PBO_SEVERITY_ERROR);
  ck_assert_int_eq (pbo_severity_from_string ("fatal"), PBO_SEVERITY_NONE);
  ck_assert_ptr_null (pbo_severity_to_string (PBO_SEVERITY_NONE));
}
END_TEST

/* A program built against 1.0 allocates a version-1 PboCheckOptions: the
 * initialiser writes only that much and pbo_check() reads no further (run
 * under ASan, a read past the block fails). */
START_TEST (test_options_version_1)
{
  const gsize v1_size = G_STRUCT_OFFSET (PboCheckOptions, meeting_interval_more_);
  guint8 *block = g_malloc (v1_size + 16);
  PboCheckOptions whole, *small;
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboFindings *findings;
  GError *error = NULL;
  guint version = 0;
  gsize i;

  /* Fields are read with memcpy: the block is shorter than the type. */
  memset (block, 0x5A, v1_size + 16);
  ck_assert (pbo_check_options_init ((PboCheckOptions *) (gpointer) block, 1));
  memcpy (&version, block, sizeof version);
  ck_assert_uint_eq (version, 1);
  for (i = v1_size; i < v1_size + 16; i++)
    ck_assert_uint_eq (block[i], 0x5A);
  ck_assert (pbo_check_options_init (&whole, 1));
  ck_assert_int_eq (memcmp (block, &whole, v1_size), 0);
  whole.on = 20240701;
  small = g_memdup2 (&whole, v1_size);
  findings = pbo_check (tree, NULL, small, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (findings);
  pbo_findings_free (findings);
  ck_assert_uint_eq (pbo_check_options_get_interval (small, PBO_MEETING_LECTURE), 3);
  g_free (small);
  g_free (block);
}
END_TEST

START_TEST (test_options_set_interval)
{
  PboCheckOptions o = PBO_CHECK_OPTIONS_INIT;

  ck_assert_uint_eq (pbo_check_options_get_interval (&o, PBO_MEETING_LECTURE), 3);
  ck_assert (pbo_check_options_set_interval (&o, PBO_MEETING_LECTURE, 6));
  ck_assert_uint_eq (o.meeting_interval_months[PBO_MEETING_LECTURE], 6);
  ck_assert_uint_eq (pbo_check_options_get_interval (&o, PBO_MEETING_LECTURE), 6);
  ck_assert (pbo_check_options_set_interval (&o, PBO_MEETING_THEME_DAY, 0));
  ck_assert_uint_eq (pbo_check_options_get_interval (&o, PBO_MEETING_THEME_DAY), 0);
  ck_assert (!pbo_check_options_set_interval (&o, PBO_MEETING_GROUP,
                                              PBO_MEETING_INTERVAL_MAX + 1));
  ck_assert_uint_eq (pbo_check_options_get_interval (&o, PBO_MEETING_GROUP), 1);
  ck_assert (!pbo_check_options_set_interval (&o, PBO_MEETING_NONE, 1));
  ck_assert (!pbo_check_options_set_interval (&o, (PboMeetingType) 40, 1));
  ck_assert_uint_eq (pbo_check_options_get_interval (&o, PBO_MEETING_NONE), 0);
  ck_assert_uint_eq (pbo_check_options_get_interval (&o, (PboMeetingType) 40), 0);
}
END_TEST

START_TEST (test_options)
{
  PboCheckOptions o = PBO_CHECK_OPTIONS_INIT, p;
  g_autoptr (PboTree) tree = tu_sample_tree ();
  GError *error = NULL;

  ck_assert (pbo_check_options_init (&p, PBO_CHECK_OPTIONS_VERSION));
  /* Compared field by field: the struct may have trailing padding. */
  ck_assert_int_eq (memcmp (&o, &p, G_STRUCT_OFFSET (PboCheckOptions, meeting_interval_months) +
                                      sizeof o.meeting_interval_months), 0);
  ck_assert (!pbo_check_options_init (&p, 99));
  ck_assert (pbo_check_options_set_enabled (&o, "PBO-L004", FALSE));
  ck_assert (o.disabled == PBO_RULE_BIT (PBO_RULE_MEETING_LECTURE));
  ck_assert (pbo_check_options_set_enabled (&o, "PBO-L004", TRUE));
  ck_assert (o.disabled == 0);
  ck_assert (!pbo_check_options_set_enabled (&o, "PBO-Z001", FALSE));

  o.version = 99;
  ck_assert_ptr_null (pbo_check (tree, NULL, &o, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  o.version = PBO_CHECK_OPTIONS_VERSION;
  o.from = 20240701;
  o.to = 20240630;
  ck_assert_ptr_null (pbo_check (tree, NULL, &o, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  o.from = 20240230;
  ck_assert_ptr_null (pbo_check (tree, NULL, &o, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  o.from = PBO_DATE_NONE;
  o.meeting_interval_months[PBO_MEETING_LECTURE] = PBO_MEETING_INTERVAL_MAX + 1;
  ck_assert_ptr_null (pbo_check (tree, NULL, &o, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
}
END_TEST

START_TEST (test_disabled_rules_do_not_run)
{
  PboOrg *b;
  g_autoptr (PboTree) tree = one_branch (&b);
  PboCheckOptions o = PBO_CHECK_OPTIONS_INIT;
  g_autoptr (PboFindings) all = NULL, none = NULL;
  guint i;

  o.on = ON;
  all = pbo_check (tree, NULL, &o, NULL);
  ck_assert_uint_eq (count_code (all, "PBO-B001", "b"), 1);
  for (i = 0; i < pbo_rules_get_n (); i++)
    o.disabled |= PBO_RULE_BIT (pbo_rules_get (i)->rule);
  none = pbo_check (tree, NULL, &o, NULL);
  ck_assert_uint_eq (pbo_findings_get_n (none), 0);
  ck_assert_uint_eq (pbo_findings_get_check_date (none), ON);
}
END_TEST

/* ---- sizes -------------------------------------------------------------- */

START_TEST (test_branch_few_full)
{
  PboOrg *b;
  g_autoptr (PboTree) tree = one_branch (&b);
  g_autoptr (PboFindings) f2 = NULL, f3 = NULL;
  const PboFinding *x;

  add_members (tree, b, "p", 4, PBO_STATUS_PROBATIONARY);
  add_members (tree, b, "f", 2, PBO_STATUS_FULL);
  f2 = check_on (tree, NULL, ON);
  x = find_code (f2, "PBO-B001");
  ck_assert_ptr_nonnull (x);
  ck_assert_str_eq (x->org_id, "b");
  ck_assert_ptr_eq (x->org, b);
  ck_assert_ptr_null (x->member);
  ck_assert_int_eq (x->severity, PBO_SEVERITY_WARNING);
  ck_assert_ptr_nonnull (strstr (x->message, "branch b has 2 full members"));
  tu_add_member (tree, b, "f3", PBO_STATUS_FULL, PBO_EMPLOYMENT_RETIRED);
  f3 = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f3, "PBO-B001", NULL), 0);
}
END_TEST

START_TEST (test_branch_no_committee)
{
  PboOrg *b;
  g_autoptr (PboTree) tree = one_branch (&b);
  PboOrg *gr = tu_add_org (tree, b, PBO_ORG_GROUP, "gr");
  g_autoptr (PboFindings) f6 = NULL, f7 = NULL, f7s2 = NULL, f7s3 = NULL;

  add_members (tree, b, "f", 5, PBO_STATUS_FULL);
  add_members (tree, gr, "g", 1, PBO_STATUS_FULL);
  add_members (tree, b, "p", 3, PBO_STATUS_PROBATIONARY);
  f6 = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f6, "PBO-B002", NULL), 0);
  /* The seventh full member sits in a group: still the branch's. */
  tu_add_member (tree, gr, "g2", PBO_STATUS_FULL, PBO_EMPLOYMENT_IN_SERVICE);
  f7 = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f7, "PBO-B002", "b"), 1);
  ck_assert_int_eq (find_code (f7, "PBO-B002")->severity, PBO_SEVERITY_ERROR);
  /* A secretary with one more officer, and the secretary holding a second
   * role, is still no committee. */
  appoint (tree, b, PBO_ROLE_SECRETARY, "f1", PBO_DATE_NONE);
  appoint (tree, b, PBO_ROLE_ORGANIZATION, "f1", PBO_DATE_NONE);
  appoint (tree, b, PBO_ROLE_PROPAGANDA, "f2", PBO_DATE_NONE);
  f7s2 = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f7s2, "PBO-B002", "b"), 1);
  appoint (tree, b, PBO_ROLE_DISCIPLINE, "g1", PBO_DATE_NONE);
  f7s3 = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f7s3, "PBO-B002", NULL), 0);
}
END_TEST

START_TEST (test_branch_no_committee_without_secretary)
{
  PboOrg *b;
  g_autoptr (PboTree) tree = one_branch (&b);
  g_autoptr (PboFindings) f = NULL;

  add_members (tree, b, "f", 7, PBO_STATUS_FULL);
  appoint (tree, b, PBO_ROLE_DEPUTY_SECRETARY, "f1", PBO_DATE_NONE);
  appoint (tree, b, PBO_ROLE_ORGANIZATION, "f2", PBO_DATE_NONE);
  appoint (tree, b, PBO_ROLE_PROPAGANDA, "f3", PBO_DATE_NONE);
  f = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f, "PBO-B002", "b"), 1);
}
END_TEST

START_TEST (test_branch_committee_large)
{
  PboOrg *b;
  g_autoptr (PboTree) tree = one_branch (&b);
  g_autoptr (PboFindings) f7 = NULL, f8 = NULL;
  static const PboRole roles[] = { PBO_ROLE_SECRETARY, PBO_ROLE_DEPUTY_SECRETARY,
                                   PBO_ROLE_ORGANIZATION, PBO_ROLE_PROPAGANDA,
                                   PBO_ROLE_DISCIPLINE, PBO_ROLE_COMMITTEE_MEMBER,
                                   PBO_ROLE_COMMITTEE_MEMBER };
  guint i;

  add_members (tree, b, "f", 12, PBO_STATUS_FULL);
  for (i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      char id[8];
      g_snprintf (id, sizeof id, "f%u", i + 1);
      appoint (tree, b, roles[i], id, PBO_DATE_NONE);
    }
  /* f1 also a committee member: still 7 distinct members. */
  appoint (tree, b, PBO_ROLE_COMMITTEE_MEMBER, "f1", PBO_DATE_NONE);
  f7 = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f7, "PBO-B003", NULL), 0);
  appoint (tree, b, PBO_ROLE_COMMITTEE_MEMBER, "f8", PBO_DATE_NONE);
  f8 = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f8, "PBO-B003", "b"), 1);
  ck_assert_ptr_nonnull (strstr (find_code (f8, "PBO-B003")->message, "8 members"));
}
END_TEST

START_TEST (test_branch_large)
{
  PboOrg *b;
  g_autoptr (PboTree) tree = one_branch (&b);
  g_autoptr (PboFindings) f50 = NULL, f51 = NULL;

  add_members (tree, b, "f", 45, PBO_STATUS_FULL);
  add_members (tree, b, "p", 5, PBO_STATUS_PROBATIONARY);
  f50 = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f50, "PBO-B004", NULL), 0);
  tu_add_member (tree, b, "p6", PBO_STATUS_PROBATIONARY, PBO_EMPLOYMENT_RETIRED);
  f51 = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f51, "PBO-B004", "b"), 1);
}
END_TEST

/* Seed 000: the Wujiang commission's organ branch after the merger holds
 * 29 + 22 in-service members: 51, over the ceiling; the retirees' branch
 * (19 + 12 = 31) and the maternal and child health branch (10 + 5 = 15) are not. */
START_TEST (test_wujiang_organ_branch)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *c = tu_add_org (tree, NULL, PBO_ORG_COMMITTEE, "wj-wjw");
  PboOrg *organ = tu_add_org (tree, c, PBO_ORG_BRANCH, "wj-organ");
  PboOrg *retired = tu_add_org (tree, c, PBO_ORG_BRANCH, "wj-retired");
  PboOrg *fbs = tu_add_org (tree, c, PBO_ORG_BRANCH, "wj-fbs");
  g_autoptr (PboFindings) f = NULL;
  const PboFinding *x;

  add_members (tree, organ, "wsj", 29, PBO_STATUS_FULL);
  add_members (tree, organ, "jsw", 22, PBO_STATUS_FULL);
  add_members (tree, retired, "wsjr", 19, PBO_STATUS_FULL);
  add_members (tree, retired, "jswr", 12, PBO_STATUS_FULL);
  add_members (tree, fbs, "fbs", 10, PBO_STATUS_FULL);
  add_members (tree, fbs, "zds", 5, PBO_STATUS_FULL);
  f = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f, "PBO-B004", NULL), 1);
  x = find_code (f, "PBO-B004");
  ck_assert_str_eq (x->org_id, "wj-organ");
  ck_assert_ptr_nonnull (strstr (x->message, "51 members, more than 50"));
  ck_assert_ptr_nonnull (strstr (x->message, "general branch"));
}
END_TEST

START_TEST (test_general_branch_size)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *g = tu_add_org (tree, NULL, PBO_ORG_GENERAL_BRANCH, "g");
  PboOrg *b1 = tu_add_org (tree, g, PBO_ORG_BRANCH, "b1");
  PboOrg *b2 = tu_add_org (tree, g, PBO_ORG_BRANCH, "b2");
  g_autoptr (PboFindings) f49 = NULL, f50 = NULL, f100 = NULL, f101 = NULL;

  add_members (tree, b1, "x", 49, PBO_STATUS_FULL);
  f49 = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f49, "PBO-G001", "g"), 1);
  ck_assert_int_eq (find_code (f49, "PBO-G001")->severity, PBO_SEVERITY_INFO);
  tu_add_member (tree, b2, "y0", PBO_STATUS_FULL, PBO_EMPLOYMENT_IN_SERVICE);
  f50 = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f50, "PBO-G001", NULL), 0);
  add_members (tree, b2, "y", 50, PBO_STATUS_FULL);
  f100 = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f100, "PBO-G001", NULL), 0);
  tu_add_member (tree, b2, "z", PBO_STATUS_PROBATIONARY, PBO_EMPLOYMENT_IN_SERVICE);
  f101 = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f101, "PBO-G001", "g"), 1);
}
END_TEST

START_TEST (test_committee_small)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *top = tu_add_org (tree, NULL, PBO_ORG_COMMITTEE, "top");
  PboOrg *unit = tu_add_org (tree, top, PBO_ORG_COMMITTEE, "unit");
  PboOrg *b = tu_add_org (tree, unit, PBO_ORG_BRANCH, "b");
  g_autoptr (PboFindings) f99 = NULL, f100 = NULL;

  add_members (tree, b, "x", 99, PBO_STATUS_FULL);
  f99 = check_on (tree, NULL, ON);
  /* Only the primary committee is sized; the one over units is not. */
  ck_assert_uint_eq (count_code (f99, "PBO-C001", "unit"), 1);
  ck_assert_uint_eq (count_code (f99, "PBO-C001", "top"), 0);
  tu_add_member (tree, b, "y", PBO_STATUS_PROBATIONARY, PBO_EMPLOYMENT_IN_SERVICE);
  f100 = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f100, "PBO-C001", NULL), 0);
}
END_TEST

/* ---- officers ------------------------------------------------------------ */

START_TEST (test_officer_not_full)
{
  PboOrg *b;
  g_autoptr (PboTree) tree = one_branch (&b);
  PboOrg *c = pbo_org_get_parent (b);
  g_autoptr (PboFindings) ok = NULL, bad = NULL;
  const PboFinding *x;

  add_members (tree, b, "f", 3, PBO_STATUS_FULL);
  appoint (tree, b, PBO_ROLE_SECRETARY, "f1", PBO_DATE_NONE);
  appoint (tree, c, PBO_ROLE_SECRETARY, "f2", PBO_DATE_NONE);
  ok = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (ok, "PBO-O001", NULL), 0);
  add_probationary (tree, b, "p1", 20240101);
  appoint (tree, c, PBO_ROLE_DEPUTY_SECRETARY, "p1", PBO_DATE_NONE);
  bad = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (bad, "PBO-O001", NULL), 1);
  x = find_code (bad, "PBO-O001");
  ck_assert_str_eq (x->org_id, "c");
  ck_assert_str_eq (x->member_id, "p1");
  ck_assert_int_eq (x->severity, PBO_SEVERITY_ERROR);
  ck_assert_ptr_nonnull (strstr (x->message, "deputy-secretary of c"));
}
END_TEST

START_TEST (test_officer_before_founding)
{
  PboOrg *b;
  g_autoptr (PboTree) tree = one_branch (&b);
  g_autoptr (PboFindings) ok = NULL, bad = NULL;
  GError *error = NULL;

  add_members (tree, b, "f", 3, PBO_STATUS_FULL);
  ck_assert (pbo_org_set_established (b, 20230601, &error));
  appoint (tree, b, PBO_ROLE_SECRETARY, "f1", 20230601);
  appoint (tree, b, PBO_ROLE_DEPUTY_SECRETARY, "f2", PBO_DATE_NONE);
  ok = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (ok, "PBO-O002", NULL), 0);
  appoint (tree, b, PBO_ROLE_ORGANIZATION, "f3", 20230531);
  bad = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (bad, "PBO-O002", "b"), 1);
  ck_assert_str_eq (find_code (bad, "PBO-O002")->member_id, "f3");
}
END_TEST

/* ---- terms ---------------------------------------------------------------- */

START_TEST (test_term_boundaries)
{
  PboOrg *b;
  g_autoptr (PboTree) tree = one_branch (&b);
  GError *error = NULL;
  struct { PboDate on; guint expired, expiring; } cases[] = {
    { 20231203, 0, 0 },   /* 181 days before 2024-06-01 */
    { 20231204, 0, 1 },   /* 180 days before: warned (the default since 1.1) */
    { 20240531, 0, 1 },
    { 20240601, 1, 0 },   /* the exact day: the term is over */
    { 20250101, 1, 0 },
  };
  guint i;

  ck_assert (pbo_org_set_term (b, 20210601, 3, &error));
  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PboFindings) f = check_on (tree, NULL, cases[i].on);
      ck_assert_msg (count_code (f, "PBO-T001", "b") == cases[i].expired, "case %u", i);
      ck_assert_msg (count_code (f, "PBO-T002", "b") == cases[i].expiring, "case %u", i);
    }
}
END_TEST

START_TEST (test_term_committee_and_warning_days)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *c = tu_add_org (tree, NULL, PBO_ORG_COMMITTEE, "c");
  PboOrg *g = tu_add_org (tree, c, PBO_ORG_GENERAL_BRANCH, "g");
  PboCheckOptions o = PBO_CHECK_OPTIONS_INIT;
  g_autoptr (PboFindings) f = NULL, quiet = NULL;
  GError *error = NULL;

  tu_add_org (tree, g, PBO_ORG_BRANCH, "b");
  ck_assert (pbo_org_set_term (c, 20190501, 5, &error));
  ck_assert (pbo_org_set_term (g, 20210601, 3, &error));
  f = check_on (tree, NULL, 20240530);
  ck_assert_uint_eq (count_code (f, "PBO-T001", "c"), 1);
  ck_assert_uint_eq (count_code (f, "PBO-T002", "g"), 1);
  ck_assert_ptr_nonnull (strstr (find_code (f, "PBO-T002")->message, "in 2 days"));
  o.on = 20240530;
  o.term_warning_days = 1;
  quiet = pbo_check (tree, NULL, &o, &error);
  ck_assert_uint_eq (count_code (quiet, "PBO-T002", NULL), 0);
  ck_assert_uint_eq (count_code (quiet, "PBO-T001", "c"), 1);
}
END_TEST

/* ---- probation ------------------------------------------------------------- */

START_TEST (test_probation_boundaries)
{
  PboOrg *b;
  g_autoptr (PboTree) tree = one_branch (&b);
  struct { PboDate on; guint overdue, exceeded; } cases[] = {
    { 20230315, 0, 0 },   /* exactly one year: not yet overdue */
    { 20230316, 1, 0 },
    { 20240315, 1, 0 },   /* exactly two years: still only overdue */
    { 20240316, 0, 1 },   /* past the longest extension */
  };
  guint i;

  add_members (tree, b, "f", 3, PBO_STATUS_FULL);
  add_probationary (tree, b, "p", 20220315);
  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PboFindings) f = check_on (tree, NULL, cases[i].on);
      ck_assert_msg (count_code (f, "PBO-P001", "b") == cases[i].overdue, "case %u", i);
      ck_assert_msg (count_code (f, "PBO-P002", "b") == cases[i].exceeded, "case %u", i);
    }
}
END_TEST

START_TEST (test_probation_details)
{
  PboOrg *b;
  g_autoptr (PboTree) tree = one_branch (&b);
  PboOrg *gr = tu_add_org (tree, b, PBO_ORG_GROUP, "gr");
  PboCheckOptions o = PBO_CHECK_OPTIONS_INIT;
  g_autoptr (PboFindings) f = NULL, g = NULL;
  const PboFinding *x;

  add_probationary (tree, gr, "p", 20220315);
  f = check_on (tree, NULL, 20240401);
  x = find_code (f, "PBO-P002");
  ck_assert_ptr_nonnull (x);
  ck_assert_str_eq (x->org_id, "gr");
  ck_assert_str_eq (x->member_id, "p");
  ck_assert_int_eq (x->severity, PBO_SEVERITY_ERROR);
  ck_assert_ptr_nonnull (strstr (x->message, "2024-03-15"));
  /* With P002 disabled, P001 still reports the member. */
  o.on = 20240401;
  pbo_check_options_set_enabled (&o, "PBO-P002", FALSE);
  g = pbo_check (tree, NULL, &o, NULL);
  ck_assert_uint_eq (count_code (g, "PBO-P001", "gr"), 1);
  ck_assert_uint_eq (count_code (g, "PBO-P002", NULL), 0);
}
END_TEST

/* ---- member data ------------------------------------------------------------ */

START_TEST (test_id_card)
{
  PboOrg *b;
  g_autoptr (PboTree) tree = one_branch (&b);
  g_autoptr (PboFindings) f = NULL;
  GError *error = NULL;
  const PboFinding *x;

  add_members (tree, b, "f", 3, PBO_STATUS_FULL);
  ck_assert (pbo_member_set_attribute (tree, pbo_tree_lookup_member (tree, "f1"), "id-card",
                                       "11010519491231002X", &error));
  ck_assert (pbo_member_set_attribute (tree, pbo_tree_lookup_member (tree, "f2"), "id-card",
                                       "110105194912310021", &error));
  ck_assert_no_error (error);
  f = check_on (tree, NULL, ON);
  ck_assert_uint_eq (count_code (f, "PBO-M001", NULL), 1);
  x = find_code (f, "PBO-M001");
  ck_assert_str_eq (x->member_id, "f2");
  ck_assert_int_eq (x->severity, PBO_SEVERITY_WARNING);
  /* The message never repeats the number itself. */
  ck_assert_ptr_null (strstr (x->message, "1101051949"));
}
END_TEST

/* ---- meetings --------------------------------------------------------------- */

static void
meet (PboTree *tree, PboOrg *org, PboMeetingType type, PboDate date)
{
  GError *error = NULL;

  ck_assert_int_ge (pbo_org_add_meeting (tree, org, type, date, NULL, PBO_ATTENDANCE_NONE,
                                         &error), 0);
}

/* Every monthly meeting on the 15th and every other type once a quarter. */
static void
meet_all_of_2024 (PboTree *tree, PboOrg *b, PboOrg *group)
{
  guint month;

  for (month = 1; month <= 12; month++)
    {
      PboDate d = pbo_date_make (2024, month, 15);
      meet (tree, b, PBO_MEETING_THEME_DAY, d);
      meet (tree, b, PBO_MEETING_COMMITTEE, d);
      meet (tree, group, PBO_MEETING_GROUP, d);
      if (month % 3 == 0)
        {
          meet (tree, b, PBO_MEETING_GENERAL_ASSEMBLY, d);
          meet (tree, b, PBO_MEETING_LECTURE, d);
        }
    }
  meet (tree, b, PBO_MEETING_LIFE_MEETING, 20241220);
  meet (tree, b, PBO_MEETING_MEMBER_REVIEW, 20241220);
}

static guint
count_meeting_findings (const PboFindings *f)
{
  guint i, n = 0;

  for (i = 0; i < pbo_findings_get_n (f); i++)
    if (strncmp (pbo_findings_get (f, i)->code, "PBO-L", 5) == 0)
      n++;
  return n;
}

START_TEST (test_meetings_all_held)
{
  PboOrg *b;
  g_autoptr (PboTree) tree = one_branch (&b);
  PboOrg *gr = tu_add_org (tree, b, PBO_ORG_GROUP, "gr");
  g_autoptr (PboFindings) f = NULL;

  add_members (tree, b, "f", 3, PBO_STATUS_FULL);
  appoint (tree, b, PBO_ROLE_SECRETARY, "f1", PBO_DATE_NONE);
  appoint (tree, b, PBO_ROLE_ORGANIZATION, "f2", PBO_DATE_NONE);
  appoint (tree, b, PBO_ROLE_PROPAGANDA, "f3", PBO_DATE_NONE);
  meet_all_of_2024 (tree, b, gr);
  f = check_on (tree, NULL, 20241231);
  ck_assert_uint_eq (count_meeting_findings (f), 0);
}
END_TEST

START_TEST (test_meetings_missing)
{
  PboOrg *b;
  g_autoptr (PboTree) tree = one_branch (&b);
  PboCheckOptions o = PBO_CHECK_OPTIONS_INIT;
  g_autoptr (PboFindings) none = NULL, some = NULL, lax = NULL;
  const PboFinding *x;

  add_members (tree, b, "f", 3, PBO_STATUS_FULL);
  /* No committee, no groups: L002 and L003 do not apply. */
  none = check_on (tree, NULL, 20241231);
  ck_assert_uint_eq (count_code (none, "PBO-L001", "b"), 1);
  ck_assert_uint_eq (count_code (none, "PBO-L002", NULL), 0);
  ck_assert_uint_eq (count_code (none, "PBO-L003", NULL), 0);
  ck_assert_uint_eq (count_code (none, "PBO-L004", "b"), 1);
  ck_assert_uint_eq (count_code (none, "PBO-L005", "b"), 1);
  ck_assert_uint_eq (count_code (none, "PBO-L006", "b"), 1);
  ck_assert_uint_eq (count_code (none, "PBO-L007", "b"), 1);

  meet (tree, b, PBO_MEETING_GENERAL_ASSEMBLY, 20240131);
  meet (tree, b, PBO_MEETING_GENERAL_ASSEMBLY, 20240401);
  meet (tree, b, PBO_MEETING_GENERAL_ASSEMBLY, 20241231);
  some = check_on (tree, NULL, 20241231);
  x = find_code (some, "PBO-L001");
  ck_assert_ptr_nonnull (x);
  ck_assert_ptr_nonnull (strstr (x->message, "held 3 general assemblies"));
  ck_assert_ptr_nonnull (strstr (x->message, "1 of the 4 required 3-month periods"));
  ck_assert_ptr_nonnull (strstr (x->message, "the first from 2024-07-01"));

  /* Lectures only twice a year, as some local rules say. */
  o.on = 20241231;
  o.meeting_interval_months[PBO_MEETING_LECTURE] = 6;
  o.meeting_interval_months[PBO_MEETING_THEME_DAY] = 0;
  meet (tree, b, PBO_MEETING_LECTURE, 20240301);
  meet (tree, b, PBO_MEETING_LECTURE, 20241001);
  lax = pbo_check (tree, NULL, &o, NULL);
  ck_assert_uint_eq (count_code (lax, "PBO-L004", NULL), 0);
  ck_assert_uint_eq (count_code (lax, "PBO-L005", NULL), 0);
}
END_TEST

START_TEST (test_meetings_explicit_period)
{
  PboOrg *b;
  g_autoptr (PboTree) tree = one_branch (&b);
  PboCheckOptions o = PBO_CHECK_OPTIONS_INIT;
  g_autoptr (PboFindings) f = NULL;

  add_members (tree, b, "f", 3, PBO_STATUS_FULL);
  meet (tree, b, PBO_MEETING_THEME_DAY, 20230110);
  meet (tree, b, PBO_MEETING_THEME_DAY, 20230210);
  o.on = 20240630;
  o.from = 20230101;
  o.to = 20230228;
  f = pbo_check (tree, NULL, &o, NULL);
  ck_assert_uint_eq (count_code (f, "PBO-L005", NULL), 0);
  /* Two months are shorter than a quarter or a year: nothing else is due. */
  ck_assert_uint_eq (count_meeting_findings (f), 0);
}
END_TEST

/* ---- order, subtrees, writers ---------------------------------------------- */

START_TEST (test_order_and_subtree)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *c = tu_add_org (tree, NULL, PBO_ORG_COMMITTEE, "c");
  PboOrg *b1 = tu_add_org (tree, c, PBO_ORG_BRANCH, "b1");
  PboOrg *b2 = tu_add_org (tree, c, PBO_ORG_BRANCH, "b2");
  PboCheckOptions o = PBO_CHECK_OPTIONS_INIT;
  g_autoptr (PboFindings) all = NULL, sub = NULL;
  GError *error = NULL;
  static const char *const expected[][3] = {
    { "c", "PBO-C001", NULL },
    { "c", "PBO-T001", NULL },
    { "b1", "PBO-B001", NULL },
    { "b1", "PBO-P001", "p1" },
    { "b1", "PBO-P001", "p2" },
    { "b1", "PBO-P002", "p3" },
    { "b2", "PBO-B001", NULL },
    { "b2", "PBO-B004", NULL },
  };
  guint i;

  add_probationary (tree, b1, "p1", 20230101);
  add_probationary (tree, b1, "p3", 20200101);
  add_probationary (tree, b1, "p2", 20230201);
  add_members (tree, b2, "x", 51, PBO_STATUS_PROBATIONARY);
  ck_assert (pbo_org_set_term (c, 20180101, 5, &error));
  o.on = 20240630;
  for (i = PBO_MEETING_GENERAL_ASSEMBLY; i < PBO_MEETING_TYPE_SLOTS; i++)
    o.meeting_interval_months[i] = 0;
  all = pbo_check (tree, NULL, &o, &error);
  ck_assert_no_error (error);
  /* The whole tree: orgs in document order, codes sorted inside each org,
   * members in document order (p1, p3, p2) inside each code; b2's 51
   * members, who joined in 2010, follow with P002 each. */
  ck_assert_uint_eq (pbo_findings_get_n (all), G_N_ELEMENTS (expected) + 51);
  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const PboFinding *x = pbo_findings_get (all, i);
      ck_assert_str_eq (x->org_id, expected[i][0]);
      ck_assert_str_eq (x->code, expected[i][1]);
      if (expected[i][2] != NULL)
        ck_assert_str_eq (x->member_id, expected[i][2]);
      else
        ck_assert_ptr_null (x->member_id);
    }
  ck_assert_uint_eq (count_code (all, "PBO-P002", "b2"), 51);

  /* A subtree: only b1's findings, in the same order. */
  sub = pbo_check (tree, b1, &o, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_findings_get_n (sub), 4);
  for (i = 0; i < 4; i++)
    {
      ck_assert_str_eq (pbo_findings_get (sub, i)->code, expected[i + 2][1]);
      ck_assert_ptr_eq (pbo_findings_get (sub, i)->org, b1);
    }
  ck_assert_ptr_null (pbo_findings_get (all, 100000));
}
END_TEST

START_TEST (test_writers_and_counts)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *b = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "b");
  PboCheckOptions o = PBO_CHECK_OPTIONS_INIT;
  g_autoptr (PboFindings) f = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) csv = g_string_new (NULL);
  GError *error = NULL;
  guint i;

  add_members (tree, b, "f", 2, PBO_STATUS_FULL);
  add_probationary (tree, b, "p", 20200101);
  appoint (tree, b, PBO_ROLE_SECRETARY, "p", PBO_DATE_NONE);
  o.on = ON;
  for (i = PBO_MEETING_GENERAL_ASSEMBLY; i < PBO_MEETING_TYPE_SLOTS; i++)
    o.meeting_interval_months[i] = 0;
  f = pbo_check (tree, NULL, &o, &error);
  ck_assert_no_error (error);
  /* B001 (warning), O001 (error), P002 (error). */
  ck_assert_uint_eq (pbo_findings_get_n (f), 3);
  ck_assert_uint_eq (pbo_findings_count (f, PBO_SEVERITY_INFO), 3);
  ck_assert_uint_eq (pbo_findings_count (f, PBO_SEVERITY_WARNING), 3);
  ck_assert_uint_eq (pbo_findings_count (f, PBO_SEVERITY_ERROR), 2);

  pbo_findings_write_text (f, text);
  ck_assert_str_eq (text->str,
    "b: warning PBO-B001: branch b has 2 full members, fewer than 3: it should join a joint "
    "branch (联合党支部) [中国共产党支部工作条例(试行) 2018, art. 4 (joint branches: ch. 2)]\n"
    "b/p: error PBO-O001: officer p (secretary of b) is a probationary member, who cannot be "
    "elected [中国共产党章程, art. 7; 中国共产党基层组织选举工作条例 2020, art. 5 (留党察看, 停止党籍)]\n"
    "b/p: error PBO-P002: probationary member p joined on 2020-01-01; even the longest "
    "extension ended on 2022-01-01: convert or cancel the membership [中国共产党章程, art. 7]\n");
  pbo_findings_write_csv (f, csv);
  ck_assert_str_eq (csv->str,
    "severity,code,org,member,message,source\n"
    "warning,PBO-B001,b,,\"branch b has 2 full members, fewer than 3: it should join a joint "
    "branch (联合党支部)\",\"中国共产党支部工作条例(试行) 2018, art. 4 (joint branches: ch. 2)\"\n"
    "error,PBO-O001,b,p,\"officer p (secretary of b) is a probationary member, who cannot be "
    "elected\",\"中国共产党章程, art. 7; 中国共产党基层组织选举工作条例 2020, art. 5 (留党察看, "
    "停止党籍)\"\n"
    "error,PBO-P002,b,p,probationary member p joined on 2020-01-01; even the longest "
    "extension ended on 2022-01-01: convert or cancel the membership,\"中国共产党章程, art. 7\"\n");
}
END_TEST

START_TEST (test_empty_tree_and_defaults)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  g_autoptr (PboFindings) f = pbo_check (tree, NULL, NULL, NULL);

  ck_assert_ptr_nonnull (f);
  ck_assert_uint_eq (pbo_findings_get_n (f), 0);
  ck_assert_uint_eq (pbo_findings_get_check_date (f), pbo_date_today ());
}
END_TEST

/* Every rule has a file that triggers it and one that does not
 * (tests/data/rules/CODE/{trigger,clean}.xml, written by make-cases.py),
 * judged on 2024-06-30: a rule added without its files fails here. */
static guint
findings_of (const char *code, const char *which)
{
  g_autofree char *rel = g_strdup_printf ("tests/data/rules/%s/%s.xml", code, which);
  g_autofree char *path = tu_srcpath (rel);
  PboCheckOptions options = PBO_CHECK_OPTIONS_INIT;
  g_autoptr (PboTree) tree = NULL;
  g_autoptr (PboFindings) f = NULL;
  GError *error = NULL;
  guint i, n = 0;

  tree = pbo_xml_load_file (path, NULL, &error);
  ck_assert_msg (tree != NULL, "%s: %s", path, error != NULL ? error->message : "");
  options.on = 20240630;
  f = pbo_check (tree, NULL, &options, &error);
  ck_assert_no_error (error);
  for (i = 0; i < pbo_findings_get_n (f); i++)
    if (strcmp (pbo_findings_get (f, i)->code, code) == 0)
      n++;
  return n;
}

START_TEST (test_rule_files)
{
  guint i;

  for (i = 0; i < pbo_rules_get_n (); i++)
    {
      const char *code = pbo_rules_get (i)->code;
      ck_assert_msg (findings_of (code, "trigger") > 0, "%s: trigger.xml has no finding", code);
      ck_assert_msg (findings_of (code, "clean") == 0, "%s: clean.xml has a finding", code);
    }
}
END_TEST

/* The 12 months before 0001-01-01 cannot be told: the message says so,
 * rather than quoting a date that cannot be written. */
START_TEST (test_check_on_the_first_day)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboCheckOptions o = PBO_CHECK_OPTIONS_INIT;
  GError *error = NULL;

  o.on = pbo_date_make (1, 1, 1);
  ck_assert_ptr_null (pbo_check (tree, NULL, &o, &error));
  ck_assert_msg (strstr (error->message, "()") == NULL
                 && strstr (error->message, "0001-01-01") != NULL, "%s", error->message);
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  o.from = pbo_date_make (1, 1, 1);
  pbo_findings_free (pbo_check (tree, NULL, &o, &error));
  ck_assert_no_error (error);
}
END_TEST

static Suite *
rules_suite (void)
{
  Suite *s = suite_create ("rules");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_table);
  tcase_add_test (tc, test_rule_files);
  tcase_add_test (tc, test_options);
  tcase_add_test (tc, test_options_version_1);
  tcase_add_test (tc, test_options_set_interval);
  tcase_add_test (tc, test_disabled_rules_do_not_run);
  tcase_add_test (tc, test_branch_few_full);
  tcase_add_test (tc, test_branch_no_committee);
  tcase_add_test (tc, test_branch_no_committee_without_secretary);
  tcase_add_test (tc, test_branch_committee_large);
  tcase_add_test (tc, test_branch_large);
  tcase_add_test (tc, test_wujiang_organ_branch);
  tcase_add_test (tc, test_general_branch_size);
  tcase_add_test (tc, test_committee_small);
  tcase_add_test (tc, test_officer_not_full);
  tcase_add_test (tc, test_officer_before_founding);
  tcase_add_test (tc, test_term_boundaries);
  tcase_add_test (tc, test_term_committee_and_warning_days);
  tcase_add_test (tc, test_probation_boundaries);
  tcase_add_test (tc, test_probation_details);
  tcase_add_test (tc, test_id_card);
  tcase_add_test (tc, test_meetings_all_held);
  tcase_add_test (tc, test_meetings_missing);
  tcase_add_test (tc, test_meetings_explicit_period);
  tcase_add_test (tc, test_order_and_subtree);
  tcase_add_test (tc, test_writers_and_counts);
  tcase_add_test (tc, test_empty_tree_and_defaults);
  tcase_add_test (tc, test_check_on_the_first_day);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (rules_suite ());
}
