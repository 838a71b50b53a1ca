/* Check suite: exchange with HR systems — header aliases and --map, the
 * value normaliser (<pbo/value.h>), import --update, structured problems,
 * the member CSV writer, and .xlsx sheets by name. */
#include <string.h>
#include "testutil.h"

static char *
read_data (const char *rel, gsize *length)
{
  g_autofree char *path = tu_srcpath (rel);
  char *data = NULL;

  ck_assert_msg (g_file_get_contents (path, &data, length, NULL), "cannot read %s", path);
  return data;
}

/* ---- values ---------------------------------------------------------- */

START_TEST (test_value_dates)
{
  GError *error = NULL;
  PboDate d = PBO_DATE_NONE;
  char buf[PBO_DATE_BUFSIZE];

  ck_assert (pbo_value_parse_date ("1984/5/4", FALSE, &d, NULL));
  ck_assert_str_eq (pbo_date_format (d, buf), "1984-05-04");
  ck_assert (pbo_value_parse_date (" 1984年5月4日 ", FALSE, &d, NULL));
  ck_assert_str_eq (pbo_date_format (d, buf), "1984-05-04");
  ck_assert (pbo_value_parse_date ("1984.12.31", FALSE, &d, NULL));
  ck_assert_str_eq (pbo_date_format (d, buf), "1984-12-31");
  ck_assert (pbo_value_parse_date ("1984年", TRUE, &d, NULL));
  ck_assert (pbo_date_is_year_only (d));
  ck_assert (!pbo_value_parse_date ("1984", FALSE, &d, &error));
  g_clear_error (&error);
  d = 7;
  ck_assert (!pbo_value_parse_date ("1984/13/4", FALSE, &d, &error));
  ck_assert_int_eq (error->code, PBO_ERROR_INVALID);
  ck_assert_uint_eq (d, 7);
  g_clear_error (&error);
  ck_assert (!pbo_value_parse_date ("", TRUE, &d, &error));
  g_clear_error (&error);
}
END_TEST

START_TEST (test_value_keywords)
{
  PboGender g = PBO_GENDER_NONE;
  PboStatus s = PBO_STATUS_NONE;
  PboEmployment e = PBO_EMPLOYMENT_NONE;
  PboDuesCategory c = PBO_DUES_NONE;
  gboolean b = FALSE;
  GError *error = NULL;

  ck_assert (pbo_value_parse_gender ("男", &g, NULL) && g == PBO_GENDER_MALE);
  ck_assert (pbo_value_parse_gender ("Female", &g, NULL) && g == PBO_GENDER_FEMALE);
  ck_assert (pbo_value_parse_status ("预备党员", &s, NULL) && s == PBO_STATUS_PROBATIONARY);
  ck_assert (pbo_value_parse_status ("正式", &s, NULL) && s == PBO_STATUS_FULL);
  ck_assert (pbo_value_parse_employment ("退休", &e, NULL) && e == PBO_EMPLOYMENT_RETIRED);
  ck_assert (pbo_value_parse_employment ("在岗", &e, NULL) && e == PBO_EMPLOYMENT_IN_SERVICE);
  ck_assert (pbo_value_parse_dues_category ("学生", &c, NULL) && c == PBO_DUES_STUDENT);
  ck_assert (pbo_value_parse_boolean ("是", &b, NULL) && b);
  ck_assert (pbo_value_parse_boolean ("FALSE", &b, NULL) && !b);
  ck_assert (!pbo_value_parse_employment ("兼职", &e, &error));
  ck_assert_int_eq (error->code, PBO_ERROR_INVALID);
  ck_assert_ptr_nonnull (strstr (error->message, "兼职"));
  g_clear_error (&error);
}
END_TEST

START_TEST (test_value_money)
{
  static const struct { const char *text; gint64 fen; } good[] = {
    { "4000", 400000 }, { "4,000", 400000 }, { "￥4000", 400000 }, { "¥4000", 400000 },
    { "4000元", 400000 }, { "4000.50", 400050 }, { "4000.5", 400050 },
    { "￥4,000.50元", 400050 }, { "1，234", 123400 }, { " 0 ", 0 },
  };
  static const char *const bad[] = { "-4000", "4000.505", "四千", ",4000", "4000,", "￥", "" };
  GError *error = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 fen = -1;
      ck_assert_msg (pbo_value_parse_money (good[i].text, &fen, NULL), "%s", good[i].text);
      ck_assert_int_eq (fen, good[i].fen);
    }
  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 fen = -1;
      ck_assert_msg (!pbo_value_parse_money (bad[i], &fen, &error), "%s", bad[i]);
      ck_assert_int_eq (fen, -1);
      g_clear_error (&error);
    }
}
END_TEST

START_TEST (test_value_normalise)
{
  static const char *const cases[][3] = {
    { "born", "1984/5/4", "1984-05-04" }, { "dues-base", "￥4,000.00", "4000" },
    { "gender", "女", "female" }, { "department", "  心内科　", "心内科" },
    { "mobile", "是", "true" }, { "full-since", "2001年7月1日", "2001-07-01" },
  };
  GError *error = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *v = pbo_value_normalise (cases[i][0], cases[i][1], NULL);
      ck_assert_str_eq (v, cases[i][2]);
    }
  ck_assert_ptr_null (pbo_value_normalise ("salary", "1", &error));
  g_clear_error (&error);
  ck_assert_ptr_null (pbo_value_normalise ("status", "党员", &error));
  ck_assert_int_eq (error->code, PBO_ERROR_INVALID);
  g_clear_error (&error);
}
END_TEST

/* ---- headers ---------------------------------------------------------- */

START_TEST (test_hr_aliases)
{
  static const char *const pairs[][2] = {
    { "工号", "id" }, { "姓名", "name" }, { "性别", "gender" }, { "出生日期", "born" },
    { "人员状态", "employment" }, { "在职状态", "employment" }, { "科室", "department" },
    { "部门", "department" }, { "所在科室", "department" }, { "身份证号", "id-card" },
    { "入党时间", "joined" }, { "岗位", "position" }, { "缴费基数", "dues-base" },
    { "手机号码", "phone" }, { "Staff_ID", "id" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (pairs); i++)
    ck_assert_str_eq (pbo_csv_column_lookup (pairs[i][0]), pairs[i][1]);
  ck_assert_ptr_null (pbo_csv_column_lookup ("备注"));
}
END_TEST

static gboolean
import_full (PboTree *tree, const char *csv, const PboCsvImportOptions *opts,
             PboCsvImportReport **report, GError **error)
{
  return pbo_csv_import_members_full (tree, csv, strlen (csv), "hr.csv", opts, report, error);
}

START_TEST (test_map)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  static const char *const map[] = { "人事编码", "id", "备注", "-", "状态", "employment", NULL };
  static const char *const bad_map[] = { "人事编码", "salary", NULL };
  PboCsvImportOptions opts = PBO_CSV_IMPORT_OPTIONS_INIT;
  g_autoptr (PboCsvImportReport) report = NULL;
  g_autofree char *before = NULL;
  GError *error = NULL;
  const char *csv = "人事编码,姓名,入党日期,党员类别,状态,备注\n"
                    "h1,甲,2000-01-01,预备党员,退休,anything\n";

  opts.branch = pbo_tree_lookup_org (tree, "b1");
  before = tu_dump (tree);
  /* Without the map: refused, every unknown header named (and 状态 a
   * second status column, id and employment missing). */
  ck_assert (!import_full (tree, csv, &opts, &report, &error));
  ck_assert_uint_eq (pbo_csv_import_report_get_n_problems (report), 5);
  g_clear_error (&error);
  g_clear_pointer (&report, pbo_csv_import_report_free);
  /* A map naming no column is refused, not ignored. */
  opts.header_map = bad_map;
  ck_assert (!import_full (tree, csv, &opts, NULL, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "map: “salary” is not a column"));
  g_clear_error (&error);
  {
    g_autofree char *now = tu_dump (tree);
    ck_assert_str_eq (now, before);
  }
  /* The map wins over the built-in meaning of 状态 (status). */
  opts.header_map = map;
  ck_assert (import_full (tree, csv, &opts, &report, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_csv_import_report_get_n_added (report), 1);
  ck_assert_int_eq (pbo_member_get_employment (pbo_tree_lookup_member (tree, "h1")),
                    PBO_EMPLOYMENT_RETIRED);
}
END_TEST

/* A caller built against 1.0 passes a version-1 struct: the fields of
 * version 2 are beyond its end and never read (here: garbage). */
START_TEST (test_options_version_1)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboCsvImportOptions opts;
  GError *error = NULL;
  guint n = 0;
  const char *csv = "工号,姓名,入党时间,党员类别,人员状态\nv1,甲,2000-01-01,预备党员,在职\n";

  memset (&opts, 0xA5, sizeof opts);
  ck_assert (pbo_csv_import_options_init (&opts, 1));
  opts.branch = pbo_tree_lookup_org (tree, "b1");
  ck_assert_msg (pbo_csv_import_members (tree, csv, strlen (csv), "v1.csv", &opts, &n, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (n, 1);
  /* Version 1 has no update: the same row again is a duplicate. */
  ck_assert (!pbo_csv_import_members (tree, csv, strlen (csv), "v1.csv", &opts, &n, &error));
  ck_assert_int_eq (error->code, PBO_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
}
END_TEST

/* ---- problems --------------------------------------------------------- */

START_TEST (test_problems)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboCsvImportOptions opts = PBO_CSV_IMPORT_OPTIONS_INIT;
  g_autoptr (PboCsvImportReport) report = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  const PboImportProblem *p;
  GError *error = NULL;

  opts.branch = pbo_tree_lookup_org (tree, "b1");
  opts.max_errors = 1;
  /* Row 2 fails on its date and its id is repeated on row 4: both are
   * reported, as is every problem past max_errors. */
  ck_assert (!import_full (tree,
    "id,name,born,joined,status,employment\n"
    "d1,A,1975-13-02,2000-01-01,probationary,in-service\n"
    "d2,B,,2000-01-01,probationary,=cmd\n"
    "d1,C,,2000-01-01,probationary,in-service\n"
    "m1,D,,2000-01-01,probationary,in-service\n", &opts, &report, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  ck_assert_uint_eq (pbo_csv_import_report_get_n_problems (report), 4);
  p = pbo_csv_import_report_get_problem (report, 0);
  ck_assert_uint_eq (pbo_import_problem_get_line (p), 2);
  ck_assert_uint_eq (pbo_import_problem_get_column (p), 3);
  ck_assert_int_eq (pbo_import_problem_get_code (p), PBO_ERROR_INVALID);
  ck_assert_str_eq (pbo_import_problem_get_header (p), "born");
  ck_assert_str_eq (pbo_import_problem_get_value (p), "1975-13-02");
  ck_assert_ptr_nonnull (strstr (pbo_import_problem_get_message (p), "is not a date"));
  p = pbo_csv_import_report_get_problem (report, 1);
  ck_assert_uint_eq (pbo_import_problem_get_column (p), 6);
  ck_assert_str_eq (pbo_import_problem_get_value (p), "=cmd");
  p = pbo_csv_import_report_get_problem (report, 2);
  ck_assert_uint_eq (pbo_import_problem_get_line (p), 4);
  ck_assert_int_eq (pbo_import_problem_get_code (p), PBO_ERROR_DUPLICATE_ID);
  ck_assert_str_eq (pbo_import_problem_get_message (p), "id “d1” is already on line 2 of the sheet");
  p = pbo_csv_import_report_get_problem (report, 3);
  ck_assert_int_eq (pbo_import_problem_get_code (p), PBO_ERROR_DUPLICATE_ID);
  ck_assert_ptr_null (pbo_csv_import_report_get_problem (report, 4));
  /* As CSV: the cell that looks like a formula is marked. */
  pbo_csv_import_report_write_problems_csv (report, out, PBO_CSV_WRITE_DEFAULT);
  ck_assert (g_str_has_prefix (out->str, "line,column,code,header,value,message\n"
                                         "2,3,invalid,born,1975-13-02,"));
  ck_assert_ptr_nonnull (strstr (out->str, "\n3,6,invalid,employment,'=cmd,"));
  ck_assert_ptr_nonnull (strstr (out->str, "\n4,,duplicate-id,,,id “d1” is already on line 2"));
}
END_TEST

/* A file that is not a table is one problem, at the lexer's position. */
START_TEST (test_problem_unreadable)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autoptr (PboCsvImportReport) report = NULL;
  const PboImportProblem *p;
  GError *error = NULL;

  ck_assert (!import_full (tree, "id,name\nx1,\"open\n", NULL, &report, &error));
  ck_assert_int_eq (error->code, PBO_ERROR_PARSE);
  g_clear_error (&error);
  ck_assert_uint_eq (pbo_csv_import_report_get_n_problems (report), 1);
  p = pbo_csv_import_report_get_problem (report, 0);
  ck_assert_uint_eq (pbo_import_problem_get_line (p), 2);
  ck_assert_uint_gt (pbo_import_problem_get_column (p), 0);
  ck_assert_int_eq (pbo_import_problem_get_code (p), PBO_ERROR_PARSE);
  ck_assert (!g_str_has_prefix (pbo_import_problem_get_message (p), "hr.csv"));
}
END_TEST

/* ---- --update ------------------------------------------------------- */

static PboTree *
hr_tree (void)
{
  PboTree *tree = tu_sample_tree ();
  PboCsvImportOptions opts = PBO_CSV_IMPORT_OPTIONS_INIT;
  gsize length = 0;
  g_autofree char *data = read_data ("tests/data/hr/2026-11.csv", &length);
  static const char *const map[] = { "备注", "-", NULL };
  GError *error = NULL;
  guint n = 0;

  opts.branch = pbo_tree_lookup_org (tree, "b1");
  opts.id_prefix = "s";
  opts.header_map = map;
  ck_assert_msg (pbo_csv_import_members (tree, data, length, "2026-11.csv", &opts, &n, &error),
                 "%s", error ? error->message : "");
  ck_assert_uint_eq (n, 3);
  return tree;
}

START_TEST (test_hr_first_month)
{
  g_autoptr (PboTree) tree = hr_tree ();
  PboMember *m = pbo_tree_lookup_member (tree, "s2023001");
  g_autofree char *dues = NULL, *born = NULL;

  ck_assert_ptr_nonnull (m);
  dues = pbo_member_dup_attribute (m, "dues-base");
  born = pbo_member_dup_attribute (m, "born");
  ck_assert_str_eq (dues, "4000");
  ck_assert_str_eq (born, "1984-05-04");
  ck_assert_str_eq (pbo_member_get_department (m), "心内科");
  m = pbo_tree_lookup_member (tree, "s2023002");
  g_free (dues);
  dues = pbo_member_dup_attribute (m, "dues-base");
  ck_assert_str_eq (dues, "3500.50");
  ck_assert_invariants (tree);
}
END_TEST

START_TEST (test_hr_update)
{
  g_autoptr (PboTree) tree = hr_tree ();
  PboCsvImportOptions opts = PBO_CSV_IMPORT_OPTIONS_INIT;
  PboEditContext ctx = PBO_EDIT_CONTEXT_INIT;
  g_autoptr (PboCsvImportReport) report = NULL;
  static const char *const map[] = { "备注", "-", NULL };
  gsize length = 0;
  g_autofree char *data = read_data ("tests/data/hr/2026-12.csv", &length);
  g_autofree char *dues = NULL;
  const char *const *missing;
  guint entries = pbo_journal_get_n_entries (tree), n_missing = 0, i;
  GError *error = NULL;
  PboMember *m;

  ctx.reason = "HR 2026-12";
  opts.branch = pbo_tree_lookup_org (tree, "b1");
  opts.id_prefix = "s";
  opts.header_map = map;
  opts.update = TRUE;
  opts.context = &ctx;
  ck_assert_msg (pbo_csv_import_members_full (tree, data, length, "2026-12.csv", &opts, &report,
                                              &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (pbo_csv_import_report_get_n_added (report), 1);
  ck_assert_uint_eq (pbo_csv_import_report_get_n_updated (report), 2);
  ck_assert_uint_eq (pbo_csv_import_report_get_n_unchanged (report), 0);
  /* The sheet left out s2023002 and b1's own members m1–m3: listed, kept. */
  missing = pbo_csv_import_report_get_missing (report, &n_missing);
  ck_assert_uint_eq (n_missing, 4);
  ck_assert_ptr_null (missing[n_missing]);
  for (i = 0; i < n_missing; i++)
    ck_assert_ptr_nonnull (pbo_tree_lookup_member (tree, missing[i]));
  ck_assert_str_eq (missing[n_missing - 1], "s2023002");
  m = pbo_tree_lookup_member (tree, "s2023001");
  dues = pbo_member_dup_attribute (m, "dues-base");
  ck_assert_str_eq (dues, "4800");
  ck_assert_str_eq (pbo_member_get_position (m), "副主任医师");
  ck_assert_int_eq (pbo_member_get_employment (pbo_tree_lookup_member (tree, "s2023003")),
                    PBO_EMPLOYMENT_RETIRED);
  ck_assert_ptr_nonnull (pbo_tree_lookup_member (tree, "s2023004"));
  /* Journaled: update, update, add, in the sheet's order. */
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), entries + 3);
  ck_assert_int_eq (pbo_journal_entry_get_op (pbo_journal_get_entry (tree, entries)),
                    PBO_EDIT_OP_UPDATE_MEMBER);
  ck_assert_int_eq (pbo_journal_entry_get_op (pbo_journal_get_entry (tree, entries + 2)),
                    PBO_EDIT_OP_ADD_MEMBER);
  ck_assert_invariants (tree);
  /* The same sheet again changes nothing. */
  g_clear_pointer (&report, pbo_csv_import_report_free);
  ck_assert (pbo_csv_import_members_full (tree, data, length, "2026-12.csv", &opts, &report,
                                          NULL));
  ck_assert_uint_eq (pbo_csv_import_report_get_n_unchanged (report), 3);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), entries + 3);
}
END_TEST

#ifdef PBO_TEST_HAVE_LIBZIP
/* Month two as the HR system's workbook (openpyxl: numbers, date cells,
 * the members on a second sheet) updates the tree exactly as the CSV. */
START_TEST (test_hr_update_xlsx)
{
  static const char *const map[] = { "备注", "-", NULL };
  g_autoptr (PboTree) from_csv = hr_tree ();
  g_autoptr (PboTree) from_xlsx = hr_tree ();
  PboCsvImportOptions opts = PBO_CSV_IMPORT_OPTIONS_INIT;
  g_autofree char *csv = NULL, *xlsx = NULL, *a = NULL, *b = NULL;
  gsize csv_len = 0, xlsx_len = 0;
  GError *error = NULL;

  csv = read_data ("tests/data/hr/2026-12.csv", &csv_len);
  xlsx = read_data ("tests/data/hr/2026-12.xlsx", &xlsx_len);
  opts.id_prefix = "s";
  opts.header_map = map;
  opts.update = TRUE;
  opts.branch = pbo_tree_lookup_org (from_csv, "b1");
  ck_assert (pbo_csv_import_members (from_csv, csv, csv_len, "m.csv", &opts, NULL, NULL));
  opts.branch = pbo_tree_lookup_org (from_xlsx, "b1");
  /* The first sheet is the cover: no id column. */
  ck_assert (!pbo_csv_import_members (from_xlsx, xlsx, xlsx_len, "m.xlsx", &opts, NULL, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "no id column"));
  g_clear_error (&error);
  opts.sheet = "人员信息";
  ck_assert_msg (pbo_csv_import_members (from_xlsx, xlsx, xlsx_len, "m.xlsx", &opts, NULL,
                                         &error), "%s", error ? error->message : "");
  a = tu_dump (from_csv);
  b = tu_dump (from_xlsx);
  ck_assert_str_eq (b, a);
}
END_TEST
#endif

/* One bad row rolls back the updates of the good ones. */
START_TEST (test_update_all_or_nothing)
{
  g_autoptr (PboTree) tree = hr_tree ();
  g_autofree char *before = tu_dump (tree), *after = NULL;
  PboCsvImportOptions opts = PBO_CSV_IMPORT_OPTIONS_INIT;
  guint entries = pbo_journal_get_n_entries (tree);
  GError *error = NULL;

  opts.update = TRUE;
  opts.branch = pbo_tree_lookup_org (tree, "b1");
  ck_assert (!import_full (tree,
    "工号,人员状态,岗位\n"
    "s2023001,退休,顾问\n"
    "s2023002,兼职,\n", &opts, NULL, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "hr.csv:3: 人员状态: employment=“兼职”"));
  g_clear_error (&error);
  after = tu_dump (tree);
  ck_assert_str_eq (after, before);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), entries);
  /* 否 in 流动党员 is what the tree holds already (not mobile, which the
   * writer leaves out): unchanged, no journal entry. */
  {
    g_autoptr (PboCsvImportReport) report = NULL;
    opts.update = TRUE;
    ck_assert (import_full (tree, "工号,流动党员\ns2023001,否\ns2023002,是\n", &opts, &report,
                            NULL));
    ck_assert_uint_eq (pbo_csv_import_report_get_n_unchanged (report), 1);
    ck_assert_uint_eq (pbo_csv_import_report_get_n_updated (report), 1);
    ck_assert_uint_eq (pbo_journal_get_n_entries (tree), entries + 1);
    ck_assert (pbo_member_get_mobile (pbo_tree_lookup_member (tree, "s2023002")));
  }
  /* Without --update an existing id is still a duplicate. */
  opts.update = FALSE;
  ck_assert (!import_full (tree,
    "工号,姓名,入党时间,党员类别,人员状态\ns2023001,张伟,2010-07-01,预备党员,在职\n", &opts, NULL,
    &error));
  ck_assert_int_eq (error->code, PBO_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
}
END_TEST

/* ---- the member CSV --------------------------------------------------- */

START_TEST (test_members_write_csv)
{
  g_autoptr (PboTree) tree = hr_tree ();
  g_autoptr (PboTree) copy = tu_sample_tree ();
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) raw = g_string_new (NULL);
  g_autoptr (GString) redacted = g_string_new (NULL);
  PboCsvImportOptions opts = PBO_CSV_IMPORT_OPTIONS_INIT;
  PboMember *m = pbo_tree_lookup_member (tree, "s2023001");
  GError *error = NULL;

  static const char *const hostile[] = { "position", "=HYPERLINK(\"x\")", "phone",
                                         "13800000000", NULL };

  /* The tree has the import's journal: change it through the journal. */
  ck_assert (pbo_edit_update_member (tree, m, hostile, NULL, NULL));
  pbo_members_write_csv (tree, pbo_tree_lookup_org (tree, "b1"), out, PBO_CSV_WRITE_DEFAULT);
  ck_assert (g_str_has_prefix (out->str, "id,name,gender,born,joined,full_since,status,"));
  ck_assert_ptr_nonnull (strstr (out->str, ",\"'=HYPERLINK(\"\"x\"\")\","));
  pbo_members_write_csv (tree, NULL, raw, PBO_CSV_WRITE_RAW);
  ck_assert_ptr_nonnull (strstr (raw->str, ",\"=HYPERLINK(\"\"x\"\")\","));
  pbo_members_write_csv (tree, NULL, redacted, PBO_CSV_WRITE_REDACT);
  ck_assert_ptr_null (strstr (redacted->str, "13800000000"));
  ck_assert_ptr_null (strstr (redacted->str, "1984-05-04"));
  ck_assert_ptr_nonnull (strstr (redacted->str, ",1984,"));
  /* Imported into a tree without them, the members come back equal. */
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);
      pbo_tree_remove_member (copy, pbo_tree_lookup_member (copy, id));
    }
  ck_assert_msg (pbo_csv_import_members (copy, out->str, out->len, "out.csv", &opts, NULL,
                                         &error), "%s", error ? error->message : "");
  ck_assert_uint_eq (pbo_tree_get_n_members (copy), pbo_tree_get_n_members (tree));
  {
    g_autoptr (GString) again = g_string_new (NULL);
    pbo_members_write_csv (copy, pbo_tree_lookup_org (copy, "b1"), again, PBO_CSV_WRITE_DEFAULT);
    ck_assert_str_eq (again->str, out->str);
  }
}
END_TEST

/* ---- .xlsx sheets by name -------------------------------------------- */

#ifdef PBO_TEST_HAVE_LIBZIP
START_TEST (test_sheet_by_name)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboCsvImportOptions opts = PBO_CSV_IMPORT_OPTIONS_INIT;
  gsize length = 0;
  g_autofree char *data = read_data ("tests/data/xlsx/members.xlsx", &length);
  g_autofree char *csv = NULL;
  GError *error = NULL;
  guint n = 0;

  opts.branch = pbo_tree_lookup_org (tree, "b1");
  opts.sheet = "其他";
  ck_assert (!pbo_csv_import_members (tree, data, length, "m.xlsx", &opts, &n, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "unknown header “not”"));
  g_clear_error (&error);
  opts.sheet = "nope";
  ck_assert (!pbo_csv_import_members (tree, data, length, "m.xlsx", &opts, &n, &error));
  ck_assert_str_eq (error->message, "m.xlsx: no sheet named “nope”");
  g_clear_error (&error);
  csv = read_data ("tests/data/xlsx/members.csv", &length);
  ck_assert (!pbo_csv_import_members (tree, csv, length, "m.csv", &opts, &n, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "not an .xlsx workbook"));
  g_clear_error (&error);
  g_free (data);
  data = read_data ("tests/data/xlsx/members.xlsx", &length);
  opts.sheet = "党员";
  ck_assert_msg (pbo_csv_import_members (tree, data, length, "m.xlsx", &opts, &n, &error), "%s",
                 error ? error->message : "");
  ck_assert_uint_eq (n, 3);
}
END_TEST
#endif

int
main (void)
{
  Suite *s = suite_create ("exchange");
  TCase *tc = tcase_create ("exchange");

  tcase_add_test (tc, test_value_dates);
  tcase_add_test (tc, test_value_keywords);
  tcase_add_test (tc, test_value_money);
  tcase_add_test (tc, test_value_normalise);
  tcase_add_test (tc, test_hr_aliases);
  tcase_add_test (tc, test_map);
  tcase_add_test (tc, test_options_version_1);
  tcase_add_test (tc, test_problems);
  tcase_add_test (tc, test_problem_unreadable);
  tcase_add_test (tc, test_hr_first_month);
  tcase_add_test (tc, test_hr_update);
  tcase_add_test (tc, test_update_all_or_nothing);
  tcase_add_test (tc, test_members_write_csv);
#ifdef PBO_TEST_HAVE_LIBZIP
  tcase_add_test (tc, test_hr_update_xlsx);
  tcase_add_test (tc, test_sheet_by_name);
#endif
  suite_add_tcase (s, tc);
  return tu_run (s);
}
