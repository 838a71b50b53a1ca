/* Check suite: xlsx — workbooks made by openpyxl and in Excel's own style
 * read cell for cell like the same sheet saved as CSV, and import the same
 * members; damaged workbooks are refused. Skipped (77) without libzip. */
#include <string.h>
#include "testutil.h"

static char *
read_data (const char *name, gsize *length)
{
  g_autofree char *rel = g_build_filename ("tests/data/xlsx", name, NULL);
  g_autofree char *path = tu_srcpath (rel);
  char *data = NULL;

  ck_assert_msg (g_file_get_contents (path, &data, length, NULL), "cannot read %s", path);
  return data;
}

static PboCsvTable *
parse (const char *name)
{
  gsize length = 0;
  g_autofree char *data = read_data (name, &length);
  g_autoptr (GError) error = NULL;
  PboCsvTable *table = pbo_csv_parse (data, length, name, &error);

  ck_assert_msg (table != NULL, "%s", error ? error->message : "");
  return table;
}

static void
assert_same_table (const char *workbook)
{
  g_autoptr (PboCsvTable) csv = parse ("members.csv");
  g_autoptr (PboCsvTable) xlsx = parse (workbook);

  ck_assert_str_eq (pbo_csv_table_get_encoding (xlsx), "xlsx");
  ck_assert_uint_eq (pbo_csv_table_get_n_rows (xlsx), pbo_csv_table_get_n_rows (csv));
  for (guint r = 0; r < pbo_csv_table_get_n_rows (csv); r++)
    {
      guint n = pbo_csv_table_get_n_fields (csv, r);

      /* The sheet's row numbers are its lines: row 1 is the header. */
      ck_assert_uint_eq (pbo_csv_table_get_line (xlsx, r), r + 1);
      /* Trailing empty cells are no columns in a sheet. */
      while (n > 0 && *pbo_csv_table_get_field (csv, r, n - 1) == '\0')
        n--;
      ck_assert_uint_eq (pbo_csv_table_get_n_fields (xlsx, r), n);
      for (guint i = 0; i < n; i++)
        ck_assert_msg (strcmp (pbo_csv_table_get_field (xlsx, r, i),
                               pbo_csv_table_get_field (csv, r, i)) == 0,
                       "%s row %u field %u: “%s”, not “%s”", workbook, r, i,
                       pbo_csv_table_get_field (xlsx, r, i), pbo_csv_table_get_field (csv, r, i));
    }
}

START_TEST (test_openpyxl)
{
  assert_same_table ("members.xlsx");
}
END_TEST

START_TEST (test_1904_dates)
{
  assert_same_table ("members-1904.xlsx");
}
END_TEST

START_TEST (test_excel_style)
{
  assert_same_table ("members-excel.xlsx");
}
END_TEST

static char *
imported (const char *name)
{
  gsize length = 0;
  g_autofree char *data = read_data (name, &length);
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *b = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "b1");
  PboCsvImportOptions options = PBO_CSV_IMPORT_OPTIONS_INIT;
  g_autoptr (GError) error = NULL;
  guint n = 0;

  options.branch = b;
  ck_assert_msg (pbo_csv_import_members (tree, data, length, name, &options, &n, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (n, 3);
  return tu_dump (tree);
}

/* The importer takes a workbook as it takes CSV: the same members. */
START_TEST (test_import_same_members)
{
  g_autofree char *csv = imported ("members.csv");
  g_autofree char *xlsx = imported ("members.xlsx");
  g_autofree char *excel = imported ("members-excel.xlsx");

  ck_assert_str_eq (xlsx, csv);
  ck_assert_str_eq (excel, csv);
}
END_TEST

/* A damaged workbook is refused with the file's name, never half read. */
START_TEST (test_damaged)
{
  gsize length = 0;
  g_autofree char *data = read_data ("members.xlsx", &length);
  g_autoptr (GError) error = NULL;
  PboCsvTable *table;
  static const char no_workbook[] =
    "PK\003\004\024\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"
    "\000\000\000\000\000\000\000\000";

  table = pbo_csv_parse (data, length / 2, "half.xlsx", &error);
  ck_assert_ptr_null (table);
  ck_assert (g_error_matches (error, PBO_ERROR, PBO_ERROR_INVALID));
  ck_assert_ptr_nonnull (strstr (error->message, "half.xlsx"));
  g_clear_error (&error);
  table = pbo_csv_parse (no_workbook, sizeof no_workbook - 1, "empty.xlsx", &error);
  ck_assert_ptr_null (table);
  ck_assert (g_error_matches (error, PBO_ERROR, PBO_ERROR_INVALID));
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("xlsx");
  TCase *tc = tcase_create ("xlsx");

#ifndef PBO_TEST_HAVE_LIBZIP
  return 77;
#endif
  tcase_add_test (tc, test_openpyxl);
  tcase_add_test (tc, test_1904_dates);
  tcase_add_test (tc, test_excel_style);
  tcase_add_test (tc, test_import_same_members);
  tcase_add_test (tc, test_damaged);
  suite_add_tcase (s, tc);
  return tu_run (s);
}
