/* Check suite: display names of the enumerations (include/pbo/display.h),
 * and the text tables in the reader's language. */
#include <locale.h>
#include <string.h>
#include <libintl.h>
#include "testutil.h"

/* Every value of an enum, from 1 until its spelling is NULL, has a display
 * name; in the C locale it is the spelling. */
#define CHECK_ENGLISH(to_string, to_display)                                   \
  G_STMT_START {                                                               \
    int v_;                                                                    \
    ck_assert_ptr_null (to_display (0));                                       \
    for (v_ = 1; to_string (v_) != NULL; v_++)                                 \
      ck_assert_str_eq (to_display (v_), to_string (v_));                      \
    ck_assert_ptr_null (to_display (v_));                                      \
    ck_assert_int_gt (v_, 2);                                                  \
  } G_STMT_END

START_TEST (test_display_english)
{
  CHECK_ENGLISH (pbo_org_kind_to_string, pbo_org_kind_to_display_name);
  CHECK_ENGLISH (pbo_status_to_string, pbo_status_to_display_name);
  CHECK_ENGLISH (pbo_employment_to_string, pbo_employment_to_display_name);
  CHECK_ENGLISH (pbo_gender_to_string, pbo_gender_to_display_name);
  CHECK_ENGLISH (pbo_role_to_string, pbo_role_to_display_name);
  CHECK_ENGLISH (pbo_meeting_type_to_string, pbo_meeting_type_to_display_name);
  CHECK_ENGLISH (pbo_recruit_stage_to_string, pbo_recruit_stage_to_display_name);
  CHECK_ENGLISH (pbo_severity_to_string, pbo_severity_to_display_name);
  /* An op appended after the table (another 1.x feature) falls back to its
   * spelling, so every op has one. */
  CHECK_ENGLISH (pbo_edit_op_to_string, pbo_edit_op_to_display_name);
}
END_TEST

/* Switches the process to Chinese with the build tree's catalogue; FALSE
 * when the machine lacks the locale (then fails on CI, which must have it). */
static gboolean
use_chinese (void)
{
  const char *dir = g_getenv ("PBO_LOCALEDIR");

  g_unsetenv ("LANGUAGE");
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      ck_assert_msg (g_getenv ("CI") == NULL, "the zh_CN.UTF-8 locale is missing");
      return FALSE;
    }
  ck_assert_msg (dir != NULL, "PBO_LOCALEDIR is not set");
  bindtextdomain ("libpbo", dir);
  return TRUE;
}

START_TEST (test_display_chinese)
{
  struct { const char *got; const char *want; } cases[] = {
    { NULL, "党委" }, { NULL, "党支部" }, { NULL, "支委会" }, { NULL, "党小组会" },
    { NULL, "预备党员" }, { NULL, "离退休" }, { NULL, "组织委员" }, { NULL, "入党申请人" },
    { NULL, "入党积极分子" }, { NULL, "发展对象" }, { NULL, "警告" }, { NULL, "错误" },
    { NULL, "转正" },
  };
  guint i = 0;

  if (!use_chinese ())
    return;
  cases[i++].got = pbo_org_kind_to_display_name (PBO_ORG_COMMITTEE);
  cases[i++].got = pbo_org_kind_to_display_name (PBO_ORG_BRANCH);
  /* The same English words, told apart by their context. */
  cases[i++].got = pbo_meeting_type_to_display_name (PBO_MEETING_COMMITTEE);
  cases[i++].got = pbo_meeting_type_to_display_name (PBO_MEETING_GROUP);
  cases[i++].got = pbo_status_to_display_name (PBO_STATUS_PROBATIONARY);
  cases[i++].got = pbo_employment_to_display_name (PBO_EMPLOYMENT_RETIRED);
  cases[i++].got = pbo_role_to_display_name (PBO_ROLE_ORGANIZATION);
  /* A recruit is named by its stage: an applicant is not a candidate. */
  cases[i++].got = pbo_recruit_stage_to_display_name (PBO_RECRUIT_APPLICANT);
  cases[i++].got = pbo_recruit_stage_to_display_name (PBO_RECRUIT_ACTIVIST);
  cases[i++].got = pbo_recruit_stage_to_display_name (PBO_RECRUIT_CANDIDATE);
  cases[i++].got = pbo_severity_to_display_name (PBO_SEVERITY_WARNING);
  cases[i++].got = pbo_severity_to_display_name (PBO_SEVERITY_ERROR);
  cases[i++].got = pbo_edit_op_to_display_name (PBO_EDIT_OP_CONVERT);
  ck_assert_uint_eq (i, G_N_ELEMENTS (cases));
  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    ck_assert_str_eq (cases[i].got, cases[i].want);
  /* The spellings stay what they are. */
  ck_assert_str_eq (pbo_org_kind_to_string (PBO_ORG_BRANCH), "branch");
}
END_TEST

/* The report's text table speaks Chinese, with no English kind or status
 * word left; its CSV keeps the English keys. */
START_TEST (test_report_text_chinese)
{
  g_autoptr (PboTree) tree = NULL;
  g_autoptr (GString) text = g_string_new (NULL), csv = g_string_new (NULL);
  PboReport *report;
  GError *error = NULL;

  if (!use_chinese ())
    return;
  tree = tu_sample_tree ();
  report = pbo_report_new (tree, NULL, pbo_date_make (2024, 6, 1), &error);
  ck_assert_ptr_nonnull (report);
  pbo_report_write_text (report, text);
  pbo_report_write_csv (report, csv);
  pbo_report_free (report);
  ck_assert_msg (strstr (text->str, "党组织：") != NULL, "%s", text->str);
  ck_assert_msg (strstr (text->str, "党支部 3") != NULL, "%s", text->str);
  ck_assert_msg (strstr (text->str, "预备党员 1") != NULL, "%s", text->str);
  ck_assert_msg (strstr (text->str, "branch") == NULL, "%s", text->str);
  ck_assert_msg (strstr (text->str, "probationary") == NULL, "%s", text->str);
  ck_assert_msg (strstr (csv->str, "orgs,branch,3") != NULL, "%s", csv->str);
}
END_TEST

/* A library error message names a kind by its display name: no English
 * word inside the Chinese sentence. */
START_TEST (test_error_kind_chinese)
{
  g_autoptr (PboTree) tree = NULL;
  GError *error = NULL;

  if (!use_chinese ())
    return;
  tree = tu_sample_tree ();
  ck_assert (!pbo_org_set_kind (tree, pbo_tree_lookup_org (tree, "g1"), PBO_ORG_GROUP, &error));
  ck_assert_msg (strstr (error->message, "党委之下不能设党小组（党组织“c1”）") != NULL, "%s",
                 error->message);
  ck_assert_msg (strstr (error->message, "group") == NULL, "%s", error->message);
  g_error_free (error);
}
END_TEST

static Suite *
display_suite (void)
{
  Suite *s = suite_create ("display");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_display_english);
  tcase_add_test (tc, test_display_chinese);
  tcase_add_test (tc, test_report_text_chinese);
  tcase_add_test (tc, test_error_kind_chinese);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (display_suite ());
}
