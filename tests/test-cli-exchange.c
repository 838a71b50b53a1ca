/* Check suite: cli-exchange — pbo import-csv with an HR system's sheets:
 * its own headers, --map, two months with --update, --errors-csv, exit
 * statuses, and FILE untouched on failure. */
#include <string.h>
#include <glib/gstdio.h>
#include "testutil.h"
#include "cli-testutil.h"

typedef struct {
  char *dir;
  char *xml;
} Scratch;

/* A fresh folder with a copy of small.xml. */
static Scratch
scratch (void)
{
  g_autofree char *file = data ("small.xml");
  g_autofree char *xml = NULL;
  Scratch s = { g_dir_make_tmp ("pbo-exchange-XXXXXX", NULL), NULL };

  s.xml = g_build_filename (s.dir, "small.xml", NULL);
  ck_assert (g_file_get_contents (file, &xml, NULL, NULL));
  ck_assert (g_file_set_contents (s.xml, xml, -1, NULL));
  return s;
}

static void
scratch_clear (Scratch *s)
{
  g_free (s->xml);
  tu_remove_dir (s->dir);   /* frees it */
}

static char *
slurp (const char *path)
{
  char *text = NULL;

  ck_assert_msg (g_file_get_contents (path, &text, NULL, NULL), "cannot read %s", path);
  return text;
}

/* The done-when of issue 17: a sheet with 工号/人员状态 headers imports,
 * the next month's sheet updates it. */
START_TEST (test_hr_two_months)
{
  Scratch s = scratch ();
  g_autofree char *m11 = tu_srcpath ("tests/data/hr/2026-11.csv");
  g_autofree char *m12 = tu_srcpath ("tests/data/hr/2026-12.csv");
  g_autofree char *before = NULL, *after = NULL;
  Run r;

  /* Without a map 备注 is an unknown header: refused, FILE untouched. */
  before = slurp (s.xml);
  r = run_pbo ("import-csv", s.xml, "--branch", "b1", "--id-prefix", "s", m11, NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "unknown header “备注”"));
  run_clear (&r);
  after = slurp (s.xml);
  ck_assert_str_eq (after, before);
  g_clear_pointer (&after, g_free);
  r = run_pbo ("import-csv", s.xml, "--branch", "b1", "--id-prefix", "s", "--map", "备注=-",
               m11, NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_ptr_nonnull (strstr (r.err, "3 members imported"));
  run_clear (&r);
  after = slurp (s.xml);
  ck_assert_ptr_nonnull (strstr (after, "<member id=\"s2023001\" name=\"张伟\" gender=\"male\" "
                                        "born=\"1984-05-04\" joined=\"2010-07-01\""));
  ck_assert_ptr_nonnull (strstr (after, "dues-base=\"3500.50\""));
  g_clear_pointer (&after, g_free);
  /* Month two: without --update the ids are duplicates. */
  r = run_pbo ("import-csv", s.xml, "--branch", "b1", "--id-prefix", "s", "--map", "备注=-",
               m12, NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "2026-12.csv:2: id “s2023001” is already used"));
  run_clear (&r);
  r = run_pbo ("import-csv", s.xml, "--branch", "b1", "--id-prefix", "s", "--map", "备注=-",
               "--update", "--date", "2026-12-01", m12, NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_ptr_nonnull (strstr (r.err, "2026-12.csv: 1 added, 2 updated, 0 unchanged\n"));
  ck_assert_ptr_nonnull (strstr (r.err, "4 members of the tree are not in the sheet (kept):\n"
                                        "  m1\n  m2\n  m3\n  s2023002\n"));
  run_clear (&r);
  after = slurp (s.xml);
  ck_assert_ptr_nonnull (strstr (after, "position=\"副主任医师\" department=\"心内科\" "
                                        "dues-base=\"4800\""));
  ck_assert_ptr_nonnull (strstr (after, "id=\"s2023004\""));
  ck_assert_ptr_nonnull (strstr (after, "id=\"s2023002\""));
  g_clear_pointer (&after, g_free);
  /* Journaled: the log shows each update. */
  r = run_pbo ("log", s.xml, NULL);
  ck_assert_ptr_nonnull (strstr (r.out, "update-member s2023003  [employment]"));
  run_clear (&r);
  scratch_clear (&s);
}
END_TEST

START_TEST (test_errors_csv)
{
  Scratch s = scratch ();
  g_autofree char *csv = g_build_filename (s.dir, "hr.csv", NULL);
  g_autofree char *errors = g_build_filename (s.dir, "errors.csv", NULL);
  g_autofree char *before = slurp (s.xml), *after = NULL, *written = NULL;
  Run r;

  ck_assert (g_file_set_contents (csv,
    "工号,姓名,入党时间,党员类别,人员状态\n"
    "a1,甲,2001-13-01,预备党员,在职\n"
    "a2,乙,2001-01-01,预备党员,=1+1\n"
    "a1,丙,2001-01-01,预备党员,在职\n", -1, NULL));
  r = run_pbo ("import-csv", s.xml, "--branch", "b1", "--errors-csv", errors, csv, NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
  after = slurp (s.xml);
  ck_assert_str_eq (after, before);
  written = slurp (errors);
  ck_assert_str_eq (written,
    "line,column,code,header,value,message\n"
    "2,3,invalid,入党时间,2001-13-01,入党时间: joined: “2001-13-01” is not a date (expected "
    "YYYY-MM-DD)\n"
    "3,5,invalid,人员状态,'=1+1,人员状态: employment=“=1+1” is not valid (expected "
    "in-service or retired)\n"
    "4,,duplicate-id,,,id “a1” is already on line 2 of the sheet\n");
  /* A bad --map is usage: exit 2 before anything is read. */
  r = run_pbo ("import-csv", s.xml, "--branch", "b1", "--map", "工号", csv, NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "--map takes HEADER=COLUMN"));
  run_clear (&r);
  r = run_pbo ("import-csv", s.xml, "--branch", "b1", "--map", "工号=salary", csv, NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "map: “salary” is not a column"));
  run_clear (&r);
  r = run_pbo ("import-csv", s.xml, "--sheet", "x", csv, NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "not an .xlsx workbook"));
  run_clear (&r);
  scratch_clear (&s);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("cli-exchange");
  TCase *tc = tcase_create ("cli-exchange");

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_hr_two_months);
  tcase_add_test (tc, test_errors_csv);
  suite_add_tcase (s, tc);
  return tu_run (s);
}
