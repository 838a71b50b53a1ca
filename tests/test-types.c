/* Check suite: enum spellings, errors, version, ID cards. */
#include "testutil.h"

START_TEST (test_spellings_roundtrip)
{
  int v;

  for (v = 1; v <= PBO_ORG_GROUP; v++)
    ck_assert_int_eq (pbo_org_kind_from_string (pbo_org_kind_to_string (v)), v);
  for (v = 1; v <= PBO_ROLE_COMMITTEE_MEMBER; v++)
    ck_assert_int_eq (pbo_role_from_string (pbo_role_to_string (v)), v);
  for (v = 1; v <= PBO_MEETING_MEMBER_REVIEW; v++)
    ck_assert_int_eq (pbo_meeting_type_from_string (pbo_meeting_type_to_string (v)), v);
  for (v = 1; v <= PBO_DUES_MOBILE_NO_INCOME; v++)
    ck_assert_int_eq (pbo_dues_category_from_string (pbo_dues_category_to_string (v)), v);
  ck_assert_str_eq (pbo_org_kind_to_string (PBO_ORG_GENERAL_BRANCH), "general-branch");
  ck_assert_str_eq (pbo_org_kind_to_label (PBO_ORG_GENERAL_BRANCH), "党总支");
  ck_assert_str_eq (pbo_employment_to_string (PBO_EMPLOYMENT_IN_SERVICE), "in-service");
  ck_assert_str_eq (pbo_status_to_string (PBO_STATUS_PROBATIONARY), "probationary");
  ck_assert_str_eq (pbo_gender_to_string (PBO_GENDER_FEMALE), "female");
}
END_TEST

START_TEST (test_spellings_reject)
{
  ck_assert_int_eq (pbo_org_kind_from_string ("Branch"), PBO_ORG_NONE);
  ck_assert_int_eq (pbo_org_kind_from_string (""), PBO_ORG_NONE);
  ck_assert_int_eq (pbo_org_kind_from_string (NULL), PBO_ORG_NONE);
  ck_assert_int_eq (pbo_status_from_string ("full "), PBO_STATUS_NONE);
  ck_assert_ptr_null (pbo_org_kind_to_string (PBO_ORG_NONE));
  ck_assert_ptr_null (pbo_org_kind_to_string ((PboOrgKind) 99));
  ck_assert_ptr_null (pbo_role_to_string ((PboRole) -1));
}
END_TEST

START_TEST (test_error_position)
{
  GError *e = g_error_new (PBO_ERROR, PBO_ERROR_PARSE, "a:b.xml:12:7: oops: 3:4: x");
  guint line = 99, col = 99;

  ck_assert (pbo_error_get_position (e, &line, &col));
  ck_assert_uint_eq (line, 12);
  ck_assert_uint_eq (col, 7);
  g_clear_error (&e);
  e = g_error_new (PBO_ERROR, PBO_ERROR_FAILED, "no position here: 3");
  ck_assert (!pbo_error_get_position (e, &line, &col));
  ck_assert_uint_eq (line, 0);
  ck_assert_uint_eq (col, 0);
  g_clear_error (&e);
  ck_assert (!pbo_error_get_position (NULL, NULL, NULL));
  ck_assert (PBO_ERROR != 0);
}
END_TEST

START_TEST (test_version)
{
  int major = -1, minor = -1, micro = -1;
  g_autofree char *expect = NULL;

  pbo_version (&major, &minor, &micro);
  expect = g_strdup_printf ("%d.%d.%d", major, minor, micro);
  ck_assert_str_eq (pbo_version_string (), expect);
  ck_assert_int_eq (major, PBO_VERSION_MAJOR);
  ck_assert (PBO_CHECK_VERSION (0, 0, 1));
  ck_assert (!PBO_CHECK_VERSION (PBO_VERSION_MAJOR + 1, 0, 0));
}
END_TEST

START_TEST (test_id_card)
{
  GError *error = NULL;

  /* The GB 11643-1999 standard's own example, and one ending in X. */
  ck_assert (pbo_id_card_check ("11010519491231002X", &error));
  ck_assert (pbo_id_card_check ("440524188001010014", &error));
  ck_assert_no_error (error);
  ck_assert (!pbo_id_card_check ("110105194912310021", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert (!pbo_id_card_check ("11010519491231002", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert (!pbo_id_card_check ("11010519491331002X", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert (!pbo_id_card_check ("1101051949123100x2", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
}
END_TEST

START_TEST (test_id_validity)
{
  ck_assert (pbo_id_is_valid ("m0001"));
  ck_assert (pbo_id_is_valid ("jh-zxy.1_a"));
  ck_assert (pbo_id_is_valid ("党支部1"));
  ck_assert (pbo_id_is_valid ("_x"));
  ck_assert (!pbo_id_is_valid ("1abc"));
  ck_assert (!pbo_id_is_valid ("-a"));
  ck_assert (!pbo_id_is_valid ("a b"));
  ck_assert (!pbo_id_is_valid ("a:b"));
  ck_assert (!pbo_id_is_valid (""));
  ck_assert (!pbo_id_is_valid (NULL));
  ck_assert (!pbo_id_is_valid ("\xff\xfe"));
}
END_TEST

static Suite *
types_suite (void)
{
  Suite *s = suite_create ("types");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_spellings_roundtrip);
  tcase_add_test (tc, test_spellings_reject);
  tcase_add_test (tc, test_error_position);
  tcase_add_test (tc, test_version);
  tcase_add_test (tc, test_id_card);
  tcase_add_test (tc, test_id_validity);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (types_suite ());
}
