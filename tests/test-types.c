/* Check suite: enum spellings, errors, version, ID cards. */
#include <string.h>
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

/* Errors carry their position in fields: a message that only looks
 * positioned (or quotes positioned-looking input) has none. */
START_TEST (test_error_position_not_parsed)
{
  GError *e = g_error_new (PBO_ERROR, PBO_ERROR_PARSE, "a:b.xml:12:7: oops");
  guint line = 99, col = 99;

  ck_assert (!pbo_error_get_position (e, &line, &col));
  ck_assert_uint_eq (line, 0);
  ck_assert_uint_eq (col, 0);
  ck_assert_ptr_null (pbo_error_get_file (e));
  g_clear_error (&e);
  e = g_error_new (G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, "f.xml:3:4: other domain");
  ck_assert (!pbo_error_get_position (e, NULL, NULL));
  ck_assert_ptr_null (pbo_error_get_file (e));
  g_clear_error (&e);
  ck_assert (!pbo_error_get_position (NULL, NULL, NULL));
  ck_assert_ptr_null (pbo_error_get_file (NULL));
}
END_TEST

/* The case of issue 13: a date quoted in the message once read as line 7. */
START_TEST (test_error_position_forged_by_value)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboMember *m = pbo_tree_lookup_member (tree, "m1");
  GError *e = NULL;
  guint line = 99, col = 99;

  ck_assert (!pbo_member_set_attribute (tree, m, "joined", "x:7:9: y", &e));
  ck_assert_ptr_nonnull (strstr (e->message, "x:7:9: y"));
  ck_assert (!pbo_error_get_position (e, &line, &col));
  ck_assert_uint_eq (line, 0);
  ck_assert_uint_eq (col, 0);
  ck_assert_pbo_error (e, PBO_ERROR_INVALID);
}
END_TEST

/* A load error: the fields, the prefix for people, and copies that keep both. */
START_TEST (test_error_position_of_load)
{
  static const char doc[] = "<pbo xmlns=\"urn:libpbo:1\" version=\"1\">\n  <bogus/>\n</pbo>\n";
  PboLoadOptions options = PBO_LOAD_OPTIONS_INIT;
  GError *e = NULL, *copy;
  PboTree *tree;
  guint line = 0, col = 0;
  g_autofree char *prefix = NULL;

  options.filename = "in:7:9: put.xml";
  tree = pbo_xml_load_data (doc, sizeof doc - 1, &options, &e);
  ck_assert_ptr_null (tree);
  ck_assert_ptr_nonnull (e);
  ck_assert (pbo_error_get_position (e, &line, &col));
  ck_assert_uint_eq (line, 2);
  ck_assert_uint_gt (col, 2);
  ck_assert_str_eq (pbo_error_get_file (e), "in:7:9: put.xml");
  prefix = g_strdup_printf ("in:7:9: put.xml:2:%u: ", col);
  ck_assert_msg (g_str_has_prefix (e->message, prefix), "%s", e->message);
  copy = g_error_copy (e);
  g_clear_error (&e);
  ck_assert (pbo_error_get_position (copy, &line, NULL));
  ck_assert_uint_eq (line, 2);
  ck_assert_str_eq (pbo_error_get_file (copy), "in:7:9: put.xml");
  g_clear_error (&copy);
}
END_TEST

/* Every versioned struct's _init() writes what its INIT macro says and
 * refuses versions it does not know, leaving the struct alone. */
#define CHECK_INIT(Type, func, INIT, VERSION)                                     \
  do {                                                                           \
    static const Type expect_ = INIT;                                            \
    Type got_;                                                                   \
    memset (&got_, 0xA5, sizeof got_);                                           \
    ck_assert (!func (&got_, 0));                                                \
    ck_assert (!func (&got_, (VERSION) + 1));                                    \
    ck_assert_uint_eq (got_.version, 0xA5A5A5A5u);                               \
    ck_assert (func (&got_, VERSION));                                           \
    ck_assert_msg (memcmp (&got_, &expect_, sizeof got_) == 0, #func);           \
  } while (0)

START_TEST (test_struct_inits)
{
  CHECK_INIT (PboEditContext, pbo_edit_context_init, PBO_EDIT_CONTEXT_INIT,
              PBO_EDIT_CONTEXT_VERSION);
  CHECK_INIT (PboSelector, pbo_selector_init, PBO_SELECTOR_INIT, PBO_SELECTOR_VERSION);
  CHECK_INIT (PboEditOrgInfo, pbo_edit_org_info_init, PBO_EDIT_ORG_INFO_INIT,
              PBO_EDIT_ORG_INFO_VERSION);
  CHECK_INIT (PboCsvImportOptions, pbo_csv_import_options_init, PBO_CSV_IMPORT_OPTIONS_INIT,
              PBO_CSV_IMPORT_OPTIONS_VERSION);
  CHECK_INIT (PboMeetingOptions, pbo_meeting_options_init, PBO_MEETING_OPTIONS_INIT,
              PBO_MEETING_OPTIONS_VERSION);
  CHECK_INIT (PboRecruitInfo, pbo_recruit_info_init, PBO_RECRUIT_INFO_INIT,
              PBO_RECRUIT_INFO_VERSION);
  CHECK_INIT (PboLoadOptions, pbo_load_options_init, PBO_LOAD_OPTIONS_INIT,
              PBO_LOAD_OPTIONS_VERSION);
  CHECK_INIT (PboSaveOptions, pbo_save_options_init, PBO_SAVE_OPTIONS_INIT,
              PBO_SAVE_OPTIONS_VERSION);
  CHECK_INIT (PboMemberInfo, pbo_member_info_init, PBO_MEMBER_INFO_INIT,
              PBO_MEMBER_INFO_VERSION);
  CHECK_INIT (PboHtmlOptions, pbo_html_options_init, PBO_HTML_OPTIONS_INIT,
              PBO_HTML_OPTIONS_VERSION);
  CHECK_INIT (PboChartOptions, pbo_chart_options_init, PBO_CHART_OPTIONS_INIT,
              PBO_CHART_OPTIONS_VERSION);
  CHECK_INIT (PboCheckOptions, pbo_check_options_init, PBO_CHECK_OPTIONS_INIT,
              PBO_CHECK_OPTIONS_VERSION);
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
  tcase_add_test (tc, test_error_position_not_parsed);
  tcase_add_test (tc, test_error_position_forged_by_value);
  tcase_add_test (tc, test_error_position_of_load);
  tcase_add_test (tc, test_struct_inits);
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
