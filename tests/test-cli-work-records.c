/* Check suite: branch work records through the pbo tool — an inspection
 * scenario with known figures (tests/data/cli/inspection-2024.xml: two
 * branches of a hospital committee in 2024, in the manner of seed 004):
 * pbo meetings --inspection, pbo minutes, pbo check, pbo work-plan and
 * pbo election. */
#include <check.h>
#include <string.h>
#include <glib/gstdio.h>
#include "cli-testutil.h"
#include "testutil.h"

/* @text with every run of spaces made one, so that columns compare. */
static char *
squeeze (const char *text)
{
  g_autoptr (GRegex) spaces = g_regex_new (" +", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

#define ASSERT_HAS(text, needle)                                                  \
  ck_assert_msg (strstr ((text), (needle)) != NULL, "“%s” not in:\n%s", (needle), (text))

START_TEST (test_inspection_table)
{
  g_autofree char *file = data ("inspection-2024.xml");
  Run r = run_pbo ("meetings", file, "--from", "2024-01-01", "--to", "2024-12-31", "--inspection",
                   NULL);
  g_autofree char *out = squeeze (r.out);

  /* Shortfalls exist: exit 1, as without --inspection. */
  ck_assert_int_eq (r.status, 1);
  /* yy-1: three general assemblies held in 2024 (the fourth is dated 2025,
   * planned 2024-12-20: planned but not held), three quarters of four met,
   * one record with complete minutes; one lecture, complete. */
  ASSERT_HAS (out, "yy-1 内科党支部\n work plan 2024: yes");
  ASSERT_HAS (out, "general assembly (支部党员大会) 4 3 3/4 1/3 1\n");
  ASSERT_HAS (out, "Party lecture (党课) 4 1 1/4 1/1 0\n");
  /* yy-2: no plan, one assembly without minutes. */
  ASSERT_HAS (out, "yy-2 外科党支部\n work plan 2024: NO");
  ASSERT_HAS (out, "general assembly (支部党员大会) 4 1 1/4 0/1 0\n");
  run_clear (&r);
}
END_TEST

START_TEST (test_minutes_book)
{
  g_autofree char *file = data ("inspection-2024.xml");
  Run r = run_pbo ("minutes", file, "--org", "yy-1", "--year", "2024", NULL);

  ck_assert_int_eq (r.status, 0);
  ASSERT_HAS (r.out, "内科党支部 — meeting record book 2024");
  ASSERT_HAS (r.out, "presenter: 刘一 (n01)  recorder: 陈二 (n02)");
  ASSERT_HAS (r.out, "minutes incomplete, lacking: resolution\n");
  ASSERT_HAS (r.out, "\n4 records, 2 with complete minutes\n");
  ck_assert_ptr_null (strstr (r.out, "2025-01-08"));
  /* In date order. */
  ck_assert_ptr_nonnull (strstr (strstr (r.out, "2024-06-18"), "2024-07-01"));
  run_clear (&r);
  r = run_pbo ("minutes", file, "--year", "2024", NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
}
END_TEST

START_TEST (test_check_and_edits)
{
  g_autofree char *src = data ("inspection-2024.xml");
  g_autofree char *text = tu_read_file (src);
  g_autofree char *file = write_temp (text);
  Run r = run_pbo ("check", file, "--on", "2024-12-31", NULL);

  /* N002 on yy-1's 3-for-3 election, W001 on yy-2; no quorum problem. */
  ASSERT_HAS (r.out, "yy-1: warning PBO-N002: election of yy-1 on 2022-05-10: 3 candidates for 3 seats");
  ASSERT_HAS (r.out, "yy-2: warning PBO-W001: branch yy-2 has no annual work plan for 2024");
  ck_assert_ptr_null (strstr (r.out, "PBO-N001"));
  run_clear (&r);

  r = run_pbo ("work-plan", "add", file, "--org", "yy-2", "--year", "2024", "--approved",
               "2024-02-01", NULL);
  ck_assert_int_eq (r.status, 0);
  run_clear (&r);
  r = run_pbo ("work-plan", "add", file, "--org", "yy-2", "--year", "2024", NULL);
  ck_assert_int_eq (r.status, 2); /* one plan a year */
  run_clear (&r);
  r = run_pbo ("election", file, "--org", "yy-2", "--date", "2024-11-05", "--method",
               "open-nomination-direct", "--candidates", "4", "--seats", "3", "--voters", "3",
               "--voted", "2", NULL);
  ck_assert_int_eq (r.status, 0);
  run_clear (&r);
  r = run_pbo ("check", file, "--on", "2024-12-31", NULL);
  ck_assert_ptr_null (strstr (r.out, "PBO-W001"));
  /* 2 of 3 voted: not more than 4/5. */
  ASSERT_HAS (r.out, "yy-2: error PBO-N001: election of yy-2 on 2024-11-05: 2 of 3 entitled members voted");
  run_clear (&r);
  r = run_pbo ("election", file, "--org", "yy-2", "--date", "2024-11-05", NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
  r = run_pbo ("undo", file, NULL);
  ck_assert_int_eq (r.status, 0);
  run_clear (&r);
  r = run_pbo ("check", file, "--on", "2024-12-31", NULL);
  ck_assert_ptr_null (strstr (r.out, "PBO-N001"));
  run_clear (&r);
  g_unlink (file);
}
END_TEST

START_TEST (test_grade_command)
{
  g_autofree char *file = data ("inspection-2024.xml");
  Run r = run_pbo ("grade", file, "--year", "2024", "--format", "csv", NULL);

  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.out, "id,name,grade,failed\n"
                           "yy-1,内科党支部,weak,meetings minutes elections\n"
                           "yy-2,外科党支部,weak,meetings minutes plan\n");
  run_clear (&r);
  r = run_pbo ("grade", file, "--year", "2024", "--minutes-percent", "50", NULL);
  ck_assert_int_eq (r.status, 0);
  ASSERT_HAS (r.out, "yy-1 内科党支部: fair (一般); failed: meetings (");
  run_clear (&r);
  r = run_pbo ("grade", file, "--year", "1800", NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
}
END_TEST

static Suite *
cli_work_records_suite (void)
{
  Suite *s = suite_create ("cli-work-records");
  TCase *tc = tcase_create ("inspection");

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_inspection_table);
  tcase_add_test (tc, test_minutes_book);
  tcase_add_test (tc, test_check_and_edits);
  tcase_add_test (tc, test_grade_command);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (cli_work_records_suite ());
}
