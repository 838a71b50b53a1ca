/* Check suite: members — validation, attributes, transfers, removal. */
#include "testutil.h"

static PboMemberInfo
full_info (const char *id)
{
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;

  info.id = id;
  info.name = "张海";
  info.status = PBO_STATUS_FULL;
  info.employment = PBO_EMPLOYMENT_IN_SERVICE;
  info.joined = 20010620;
  info.full_since = 20020620;
  return info;
}

START_TEST (test_add_all_fields)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1");
  PboMemberInfo info = full_info ("m0001");
  PboMember *m;
  g_autofree char *phone = NULL, *card = NULL;
  GError *error = NULL;

  info.gender = PBO_GENDER_MALE;
  info.born = 19750302;
  info.ethnicity = "汉族";
  info.education = "本科";
  info.position = "主任医师";
  info.department = "内科";
  info.dues_base_fen = 400000;
  info.dues_category = PBO_DUES_STANDARD;
  info.phone = "13800138000";
  info.id_card = "44078519750302123X";
  info.mobile = TRUE;
  m = pbo_tree_add_member (tree, b1, &info, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (pbo_member_get_id (m), "m0001");
  ck_assert_str_eq (pbo_member_get_name (m), "张海");
  ck_assert_int_eq (pbo_member_get_gender (m), PBO_GENDER_MALE);
  ck_assert_uint_eq (pbo_member_get_born (m), 19750302);
  ck_assert_uint_eq (pbo_member_get_joined (m), 20010620);
  ck_assert_uint_eq (pbo_member_get_full_since (m), 20020620);
  ck_assert_str_eq (pbo_member_get_ethnicity (m), "汉族");
  ck_assert_str_eq (pbo_member_get_education (m), "本科");
  ck_assert_str_eq (pbo_member_get_position (m), "主任医师");
  ck_assert_str_eq (pbo_member_get_department (m), "内科");
  ck_assert_int_eq (pbo_member_get_dues_base (m), 400000);
  ck_assert_int_eq (pbo_member_get_dues_category (m), PBO_DUES_STANDARD);
  ck_assert (pbo_member_get_mobile (m));
  phone = pbo_member_dup_phone (m);
  card = pbo_member_dup_id_card (m);
  ck_assert_str_eq (phone, "13800138000");
  ck_assert_str_eq (card, "44078519750302123X");
  ck_assert_ptr_eq (pbo_member_get_org (m), b1);
  ck_assert_ptr_eq (pbo_member_get_branch (m), b1);
  ck_assert_ptr_eq (pbo_tree_lookup_member (tree, "m0001"), m);
  ck_assert_ptr_null (pbo_member_get_next (m));
  ck_assert_invariants (tree);
}
END_TEST

START_TEST (test_add_refused)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autofree char *before = tu_dump (tree);
  g_autofree char *after = NULL;
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1");
  PboOrg *g1 = pbo_tree_lookup_org (tree, "g1");
  GError *error = NULL;
  PboMemberInfo info;

  info = full_info ("x1");
  ck_assert_ptr_null (pbo_tree_add_member (tree, g1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_CONTAINMENT);
  info = full_info ("m1");
  ck_assert_ptr_null (pbo_tree_add_member (tree, b1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_DUPLICATE_ID);
  info = full_info ("b1");
  ck_assert_ptr_null (pbo_tree_add_member (tree, b1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_DUPLICATE_ID);
  info = full_info ("x1");
  info.full_since = PBO_DATE_NONE;
  ck_assert_ptr_null (pbo_tree_add_member (tree, b1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INCONSISTENT);
  info = full_info ("x1");
  info.full_since = 20000101;
  ck_assert_ptr_null (pbo_tree_add_member (tree, b1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INCONSISTENT);
  info = full_info ("x1");
  info.joined = PBO_DATE_NONE;
  ck_assert_ptr_null (pbo_tree_add_member (tree, b1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  info = full_info ("x1");
  info.joined = 20010000;
  ck_assert_ptr_null (pbo_tree_add_member (tree, b1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  info = full_info ("x1");
  info.born = 19750230;
  ck_assert_ptr_null (pbo_tree_add_member (tree, b1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  info = full_info ("x1");
  info.status = PBO_STATUS_NONE;
  ck_assert_ptr_null (pbo_tree_add_member (tree, b1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  info = full_info ("x1");
  info.employment = (PboEmployment) 9;
  ck_assert_ptr_null (pbo_tree_add_member (tree, b1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  info = full_info ("x1");
  info.name = NULL;
  ck_assert_ptr_null (pbo_tree_add_member (tree, b1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  info = full_info ("x1");
  info.department = "a\x01";
  ck_assert_ptr_null (pbo_tree_add_member (tree, b1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  info = full_info ("x1");
  info.dues_base_fen = -7;
  ck_assert_ptr_null (pbo_tree_add_member (tree, b1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  info = full_info ("x1");
  info.version = 99;
  ck_assert_ptr_null (pbo_tree_add_member (tree, b1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  after = tu_dump (tree);
  ck_assert_str_eq (before, after);
  ck_assert_invariants (tree);
}
END_TEST

START_TEST (test_wrong_check_digit_is_accepted)
{
  /* A mistyped ID card never blocks a member: the rules report it. */
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboMemberInfo info = full_info ("x1");
  GError *error = NULL;

  info.id_card = "440785197503021231";
  ck_assert_ptr_nonnull (pbo_tree_add_member (tree, pbo_tree_lookup_org (tree, "b1"), &info, &error));
  ck_assert (!pbo_id_card_check (info.id_card, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
}
END_TEST

START_TEST (test_set_attribute)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboMember *m3 = pbo_tree_lookup_member (tree, "m3");
  PboOrg *c1 = pbo_tree_lookup_org (tree, "c1");
  PboStats s;
  GError *error = NULL;
  g_autofree char *v = NULL;

  /* Conversion (转正): full-since first, then the status. */
  ck_assert (!pbo_member_set_attribute (tree, m3, "status", "full", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INCONSISTENT);
  ck_assert (pbo_member_set_attribute (tree, m3, "full-since", "2011-07-01", &error));
  ck_assert (pbo_member_set_attribute (tree, m3, "status", "full", &error));
  pbo_org_get_stats (c1, &s);
  ck_assert_uint_eq (s.probationary, 0);
  ck_assert_uint_eq (s.full, 7);
  ck_assert (pbo_member_set_attribute (tree, m3, "employment", "retired", &error));
  pbo_org_get_stats (c1, &s);
  ck_assert_uint_eq (s.retired, 3);
  ck_assert_invariants (tree);

  ck_assert (pbo_member_set_attribute (tree, m3, "dues-base", "4000.5", &error));
  ck_assert_int_eq (pbo_member_get_dues_base (m3), 400050);
  v = pbo_member_dup_attribute (m3, "dues-base");
  ck_assert_str_eq (v, "4000.50");
  g_free (v);
  ck_assert (pbo_member_set_attribute (tree, m3, "dues-base", "3000", &error));
  v = pbo_member_dup_attribute (m3, "dues-base");
  ck_assert_str_eq (v, "3000");
  g_free (v);
  ck_assert (pbo_member_set_attribute (tree, m3, "born", "1980", &error));
  ck_assert_uint_eq (pbo_member_get_born (m3), 19800000);
  ck_assert (pbo_member_set_attribute (tree, m3, "department", "外科", &error));
  ck_assert_str_eq (pbo_member_get_department (m3), "外科");
  ck_assert (pbo_member_set_attribute (tree, m3, "department", NULL, &error));
  ck_assert_ptr_null (pbo_member_get_department (m3));
  ck_assert (pbo_member_set_attribute (tree, m3, "mobile", "true", &error));
  ck_assert (pbo_member_get_mobile (m3));
  ck_assert (pbo_member_set_attribute (tree, m3, "gender", "female", &error));
  ck_assert_no_error (error);

  {
    static const char *const bad[][2] = {
      { "dues-base", "4000.505" }, { "dues-base", "-1" }, { "dues-base", "1e3" },
      { "dues-base", "4000." }, { "dues-base", "99999999999" }, { "gender", "m" },
      { "mobile", "yes" }, { "status", "Full" }, { "joined", "2010-7-1" },
      { "born", "19801" }, { "dues-category", "retired" }, { "nickname", "x" },
      { "id", "new" },
    };
    g_autofree char *before = tu_dump (tree);
    g_autofree char *after = NULL;
    guint i;
    for (i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        ck_assert_msg (!pbo_member_set_attribute (tree, m3, bad[i][0], bad[i][1], &error),
                       "accepted %s=%s", bad[i][0], bad[i][1]);
        ck_assert_pbo_error (error, PBO_ERROR_INVALID);
      }
    /* Required attributes cannot be cleared. */
    ck_assert (!pbo_member_set_attribute (tree, m3, "name", "", &error));
    ck_assert_pbo_error (error, PBO_ERROR_INVALID);
    ck_assert (!pbo_member_set_attribute (tree, m3, "joined", NULL, &error));
    ck_assert_pbo_error (error, PBO_ERROR_INVALID);
    ck_assert (!pbo_member_set_attribute (tree, m3, "full-since", NULL, &error));
    ck_assert_pbo_error (error, PBO_ERROR_INCONSISTENT);
    after = tu_dump (tree);
    ck_assert_str_eq (before, after);
  }
  ck_assert_ptr_null (pbo_member_dup_attribute (m3, "nickname"));
  v = pbo_member_dup_attribute (m3, "id");
  ck_assert_str_eq (v, "m3");
}
END_TEST

START_TEST (test_transfer_and_remove)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1");
  PboOrg *b2 = pbo_tree_lookup_org (tree, "b2");
  PboOrg *gr1 = pbo_tree_lookup_org (tree, "gr1");
  PboOrg *g1 = pbo_tree_lookup_org (tree, "g1");
  PboMember *m1 = pbo_tree_lookup_member (tree, "m1");
  PboStats s;
  GError *error = NULL;

  ck_assert (!pbo_tree_move_member (tree, m1, g1, &error));
  ck_assert_pbo_error (error, PBO_ERROR_CONTAINMENT);
  ck_assert (pbo_tree_move_member (tree, m1, gr1, &error));
  ck_assert_ptr_eq (pbo_member_get_branch (m1), b2);
  ck_assert_uint_eq (pbo_org_get_n_members (b1), 2);
  ck_assert_uint_eq (pbo_org_get_n_members (gr1), 3);
  pbo_org_get_stats (b2, &s);
  ck_assert_uint_eq (s.members, 4);
  ck_assert_invariants (tree);
  /* Moving within the same org puts it last. */
  ck_assert (pbo_tree_move_member (tree, pbo_tree_lookup_member (tree, "m5"), gr1, &error));
  ck_assert_str_eq (pbo_member_get_id (pbo_org_get_first_member (gr1)), "m6");
  ck_assert_invariants (tree);

  pbo_tree_remove_member (tree, m1);
  ck_assert_ptr_null (pbo_tree_lookup_member (tree, "m1"));
  ck_assert_uint_eq (pbo_tree_get_n_members (tree), 6);
  pbo_tree_get_stats (tree, &s);
  ck_assert_uint_eq (s.members, 6);
  ck_assert_invariants (tree);
}
END_TEST

START_TEST (test_many_members)
{
  /* Several member blocks, with removals recycling records. */
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *b = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "b");
  PboStats s;
  guint i;

  for (i = 0; i < 5000; i++)
    {
      char id[16];
      g_snprintf (id, sizeof id, "m%u", i);
      tu_add_member (tree, b, id, i % 2 ? PBO_STATUS_FULL : PBO_STATUS_PROBATIONARY,
                     PBO_EMPLOYMENT_IN_SERVICE);
    }
  for (i = 0; i < 5000; i += 3)
    {
      char id[16];
      g_snprintf (id, sizeof id, "m%u", i);
      pbo_tree_remove_member (tree, pbo_tree_lookup_member (tree, id));
    }
  for (i = 0; i < 1000; i++)
    {
      char id[16];
      g_snprintf (id, sizeof id, "n%u", i);
      tu_add_member (tree, b, id, PBO_STATUS_FULL, PBO_EMPLOYMENT_RETIRED);
    }
  pbo_org_get_stats (b, &s);
  ck_assert_uint_eq (s.members, 5000 - 1667 + 1000);
  ck_assert_uint_eq (s.retired, 1000);
  ck_assert_invariants (tree);
}
END_TEST

START_TEST (test_compact_storage_edges)
{
  /* Dates outside the record's 1900–2079 range, year-only birth dates,
   * more distinct texts than the intern tables hold, and side records
   * that come and go as fields are set and cleared. */
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *b = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "b");
  PboMemberInfo info = full_info ("old");
  PboMember *m, *first = NULL;
  GError *error = NULL;
  guint i;

  info.born = 18890101;
  info.joined = 19211231;
  info.full_since = 21000229 - 100;   /* 2100-01-29 */
  m = pbo_tree_add_member (tree, b, &info, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_member_get_born (m), 18890101);
  ck_assert_uint_eq (pbo_member_get_joined (m), 19211231);
  ck_assert_uint_eq (pbo_member_get_full_since (m), 21000129);
  ck_assert (pbo_member_set_attribute (tree, m, "born", "1950", &error));
  ck_assert (pbo_member_set_attribute (tree, m, "full-since", "2079-06-06", &error));
  ck_assert_no_error (error);
  ck_assert (pbo_date_is_year_only (pbo_member_get_born (m)));
  ck_assert_uint_eq (pbo_member_get_born (m), 19500000);
  ck_assert_uint_eq (pbo_member_get_full_since (m), 20790606);
  ck_assert (pbo_member_set_attribute (tree, m, "full-since", "2079-06-07", &error));
  ck_assert_uint_eq (pbo_member_get_full_since (m), 20790607);
  ck_assert (pbo_member_set_attribute (tree, m, "born", "1900-01-01", &error));
  ck_assert_uint_eq (pbo_member_get_born (m), 19000101);
  ck_assert_no_error (error);

  for (i = 0; i < 300; i++)
    {
      char id[16], text[32];
      g_snprintf (id, sizeof id, "e%u", i);
      g_snprintf (text, sizeof text, "民族%u", i);
      info = full_info (id);
      info.ethnicity = text;
      info.education = text;
      info.department = text;
      m = pbo_tree_add_member (tree, b, &info, &error);
      ck_assert_no_error (error);
      ck_assert_str_eq (pbo_member_get_ethnicity (m), text);
      ck_assert_str_eq (pbo_member_get_education (m), text);
      ck_assert_str_eq (pbo_member_get_department (m), text);
      if (i == 299)
        first = m;
    }
  /* An overflowing text replaced by an interned one, then cleared. */
  ck_assert (pbo_member_set_attribute (tree, first, "ethnicity", "民族0", &error));
  ck_assert_str_eq (pbo_member_get_ethnicity (first), "民族0");
  ck_assert_str_eq (pbo_member_get_education (first), "民族299");
  ck_assert (pbo_member_set_attribute (tree, first, "education", NULL, &error));
  ck_assert_ptr_null (pbo_member_get_education (first));
  ck_assert (pbo_member_set_attribute (tree, first, "phone", "13800138000", &error));
  ck_assert (pbo_member_set_attribute (tree, first, "dues-base", "4000.5", &error));
  ck_assert (pbo_member_set_attribute (tree, first, "phone", NULL, &error));
  ck_assert_int_eq (pbo_member_get_dues_base (first), 400050);
  ck_assert (pbo_member_set_attribute (tree, first, "dues-base", NULL, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (pbo_member_get_dues_base (first), PBO_DUES_BASE_NONE);
  ck_assert_ptr_null (pbo_member_dup_phone (first));
  ck_assert_invariants (tree);
  /* The copy goes through the same storage; removal frees the side records. */
  {
    g_autoptr (PboTree) copy = pbo_tree_copy (tree);
    g_autofree char *a = tu_dump (tree), *c = tu_dump (copy);
    ck_assert_str_eq (a, c);
  }
  for (i = 0; i < 300; i += 2)
    {
      char id[16];
      g_snprintf (id, sizeof id, "e%u", i);
      pbo_tree_remove_member (tree, pbo_tree_lookup_member (tree, id));
    }
  ck_assert_invariants (tree);
}
END_TEST

static Suite *
member_suite (void)
{
  Suite *s = suite_create ("member");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_add_all_fields);
  tcase_add_test (tc, test_add_refused);
  tcase_add_test (tc, test_wrong_check_digit_is_accepted);
  tcase_add_test (tc, test_set_attribute);
  tcase_add_test (tc, test_transfer_and_remove);
  tcase_add_test (tc, test_many_members);
  tcase_add_test (tc, test_compact_storage_edges);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (member_suite ());
}
