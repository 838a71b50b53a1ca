/* Check suite: CSV reading and member import (include/pbo/csv.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

static PboCsvTable *
parse_ok (const char *text, gssize length)
{
  GError *error = NULL;
  PboCsvTable *t = pbo_csv_parse (text, length < 0 ? strlen (text) : (gsize) length, "t.csv",
                                  &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (t);
  return t;
}

/* Fails unless parsing @text fails with @code and a message starting
 * @prefix, and the error's position fields say what a "t.csv:L:C:" prefix
 * says (or that there is none). */
static void
parse_fails (const char *text, gsize length, int code, const char *prefix)
{
  GError *error = NULL;
  PboCsvTable *t = pbo_csv_parse (text, length, "t.csv", &error);
  guint line = 0, col = 0, want_line = 0, want_col = 0;
  gboolean positioned = sscanf (prefix, "t.csv:%u:%u:", &want_line, &want_col) == 2;

  /* "t.csv:L: …" alone (a whole line, as the mixed-encoding message says)
   * carries no position fields. */
  if (!positioned)
    want_line = want_col = 0;

  ck_assert_ptr_null (t);
  ck_assert_msg (error != NULL && g_str_has_prefix (error->message, prefix),
                 "expected “%s…”, got “%s”", prefix, error ? error->message : "no error");
  ck_assert_int_eq (pbo_error_get_position (error, &line, &col), positioned);
  ck_assert_uint_eq (line, want_line);
  ck_assert_uint_eq (col, want_col);
  if (positioned)
    ck_assert_str_eq (pbo_error_get_file (error), "t.csv");
  ck_assert_pbo_error (error, code);
}

#define ck_assert_field(t, row, i, s) ck_assert_str_eq (pbo_csv_table_get_field (t, row, i), s)

START_TEST (test_parse_quoting)
{
  g_autoptr (PboCsvTable) t = parse_ok (
    "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
    "\"two\nlines\",\"\",x\r\n"
    "\n"
    "\r\n"
    "last,row,", -1);

  ck_assert_uint_eq (pbo_csv_table_get_n_rows (t), 3);
  ck_assert_field (t, 0, 0, "a");
  ck_assert_field (t, 0, 1, "b,c");
  ck_assert_field (t, 0, 2, "say \"hi\"");
  ck_assert_field (t, 1, 0, "two\nlines");
  ck_assert_field (t, 1, 1, "");
  ck_assert_uint_eq (pbo_csv_table_get_line (t, 1), 2);
  /* The quoted line break and two blank lines come before the last row. */
  ck_assert_uint_eq (pbo_csv_table_get_line (t, 2), 6);
  ck_assert_uint_eq (pbo_csv_table_get_n_fields (t, 2), 3);
  ck_assert_field (t, 2, 2, "");
  ck_assert_ptr_null (pbo_csv_table_get_field (t, 2, 3));
  ck_assert_ptr_null (pbo_csv_table_get_field (t, 3, 0));
  ck_assert_uint_eq (pbo_csv_table_get_n_fields (t, 9), 0);
  ck_assert_uint_eq (pbo_csv_table_get_line (t, 9), 0);
  ck_assert_str_eq (pbo_csv_table_get_encoding (t), "UTF-8");
}
END_TEST

START_TEST (test_parse_line_ends_and_ragged)
{
  g_autoptr (PboCsvTable) lf = parse_ok ("a,b\n1\n1,2,3\n", -1);
  g_autoptr (PboCsvTable) cr = parse_ok ("a,b\r1\r\"x\ry\"\r", -1);
  g_autoptr (PboCsvTable) empty = parse_ok ("", 0);
  g_autoptr (PboCsvTable) blank = parse_ok ("\n\r\n\n", -1);

  ck_assert_uint_eq (pbo_csv_table_get_n_rows (lf), 3);
  ck_assert_uint_eq (pbo_csv_table_get_n_fields (lf, 1), 1);
  ck_assert_uint_eq (pbo_csv_table_get_n_fields (lf, 2), 3);
  ck_assert_uint_eq (pbo_csv_table_get_n_rows (cr), 3);
  ck_assert_field (cr, 2, 0, "x\ry");
  ck_assert_uint_eq (pbo_csv_table_get_line (cr, 2), 3);
  ck_assert_uint_eq (pbo_csv_table_get_n_rows (empty), 0);
  ck_assert_uint_eq (pbo_csv_table_get_n_rows (blank), 0);
}
END_TEST

START_TEST (test_parse_encodings)
{
  g_autoptr (PboCsvTable) bom = parse_ok ("\xEF\xBB\xBF姓名,性别\n张海,男\n", -1);
  g_autoptr (PboCsvTable) gb = NULL;
  gsize gb_len = 0;
  g_autofree char *gb_text = g_convert ("姓名,民族\r\n\"张, 海\",汉族\r\n", -1, "GB18030",
                                        "UTF-8", NULL, &gb_len, NULL);

  ck_assert_field (bom, 0, 0, "姓名");
  ck_assert_str_eq (pbo_csv_table_get_encoding (bom), "UTF-8");
  ck_assert_ptr_nonnull (gb_text);
  ck_assert (!g_utf8_validate (gb_text, (gssize) gb_len, NULL));
  gb = parse_ok (gb_text, (gssize) gb_len);
  ck_assert_str_eq (pbo_csv_table_get_encoding (gb), "GB18030");
  ck_assert_field (gb, 0, 0, "姓名");
  ck_assert_field (gb, 1, 0, "张, 海");
  ck_assert_field (gb, 1, 1, "汉族");
}
END_TEST

/* A sheet pasted together from a UTF-8 file and a GBK one is refused,
 * naming the first line of the other encoding, never read as mojibake. */
START_TEST (test_parse_mixed_encodings)
{
  gsize len = 0;
  g_autofree char *gbk = g_convert ("李四,男\n", -1, "GBK", "UTF-8", NULL, &len, NULL);
  g_autoptr (GString) utf8_first = g_string_new ("姓名,性别\n张三,男\n");
  g_autoptr (GString) gbk_first = g_string_new ("name,gender\n");
  g_autoptr (GString) ascii_and_gbk = g_string_new ("name,gender\r\nli,m\r\n");
  g_autoptr (PboCsvTable) t = NULL;

  ck_assert_ptr_nonnull (gbk);
  g_string_append_len (utf8_first, gbk, (gssize) len);
  parse_fails (utf8_first->str, utf8_first->len, PBO_ERROR_INVALID,
               "t.csv:3: this line is not UTF-8 but line 1 is");
  g_string_append_len (gbk_first, gbk, (gssize) len);
  g_string_append (gbk_first, "\"张\n三\",男\n");
  parse_fails (gbk_first->str, gbk_first->len, PBO_ERROR_INVALID,
               "t.csv:3: this line is UTF-8 but line 2 is GB18030");
  /* ASCII lines belong to either encoding. */
  g_string_append_len (ascii_and_gbk, gbk, (gssize) len);
  t = parse_ok (ascii_and_gbk->str, (gssize) ascii_and_gbk->len);
  ck_assert_field (t, 2, 0, "李四");
}
END_TEST

/* ---- writing ------------------------------------------------------------ */

static char *
field (const char *value, PboCsvWriteFlags flags)
{
  GString *out = g_string_new (NULL);

  pbo_csv_write_field (out, value, flags);
  return g_string_free (out, FALSE);
}

#define ck_assert_field_written(value, flags, expected)                       \
  do {                                                                        \
    g_autofree char *written_ = field ((value), (flags));                     \
    ck_assert_str_eq (written_, (expected));                                  \
  } while (0)

START_TEST (test_write_field)
{
  static const struct { const char *value, *marked, *raw; } cases[] = {
    { "张海", "张海", "张海" },
    { "", "", "" },
    { "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0" },
    { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
      "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    { "+1", "'+1", "+1" },
    { "-2", "'-2", "-2" },
    { "@SUM(A1)", "'@SUM(A1)", "@SUM(A1)" },
    { "\tx", "'\tx", "\tx" },
    { "\rx", "\"'\rx\"", "\"\rx\"" },
    { "a=b", "a=b", "a=b" },
    { "'text", "'text", "'text" },          /* not a mark: read back as it is */
    { "'=x", "''=x", "'=x" },
    { "''", "'''", "''" },
    { "'", "'", "'" },
    { "a,b", "\"a,b\"", "\"a,b\"" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ck_assert_field_written (cases[i].value, PBO_CSV_WRITE_DEFAULT, cases[i].marked);
      ck_assert_field_written (cases[i].value, PBO_CSV_WRITE_RAW, cases[i].raw);
    }
  ck_assert_field_written (NULL, PBO_CSV_WRITE_DEFAULT, "");
}
END_TEST

START_TEST (test_text_escaped)
{
  static const struct { const char *text, *escaped; } cases[] = {
    { "第一支部", "第一支部" },
    { "a\nb\rc\td", "a\\nb\\rc\\td" },
    { "\x1b[2Jx\x7f", "\\x1b[2Jx\\x7f" },
    { "\xc2\x85 \xe2\x80\xa8 \xe2\x80\xae", "\\u0085 \\u2028 \\u202e" },
    { "bad \xff byte", "bad \\xff byte" },
    { "\\n as typed", "\\n as typed" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) out = g_string_new ("> ");
      pbo_text_append_escaped (out, cases[i].text);
      ck_assert_str_eq (out->str + 2, cases[i].escaped);
    }
}
END_TEST

START_TEST (test_parse_errors)
{
  g_autofree char *long_field = g_strnfill (PBO_CSV_FIELD_MAX + 1, 'x');
  g_autoptr (GString) wide = g_string_new (NULL);
  guint i;

  parse_fails ("a,b\n\"open,\nnever closed\n", 23, PBO_ERROR_PARSE, "t.csv:2:1: this quoted");
  parse_fails ("a,\"b\"c\n", 7, PBO_ERROR_PARSE, "t.csv:1:6: text after the closing quote");
  parse_fails ("名字,a\"b\n", 11, PBO_ERROR_PARSE, "t.csv:1:5: a quote inside");
  parse_fails ("a,b\0c\n", 6, PBO_ERROR_INVALID, "t.csv: holds a NUL byte");
  /* UTF-16 is full of NUL bytes: the hint comes first (docs/csv.md). */
  parse_fails ("\xFF\xFE" "a\0", 4, PBO_ERROR_INVALID, "t.csv: UTF-16");
  parse_fails ("\xFF\xFE" "a,b", 5, PBO_ERROR_INVALID, "t.csv: UTF-16");
  parse_fails ("\xEF\xBB\xBF" "a\x80", 5, PBO_ERROR_INVALID, "t.csv: not valid UTF-8 at byte 4");
  parse_fails ("a\x80\x80\x80", 4, PBO_ERROR_INVALID, "t.csv: neither UTF-8 nor GB18030");
  parse_fails (long_field, strlen (long_field), PBO_ERROR_LIMIT, "t.csv:1:1: field longer");
  for (i = 0; i <= PBO_CSV_COLUMNS_MAX; i++)
    g_string_append (wide, "x,");
  parse_fails (wide->str, wide->len, PBO_ERROR_LIMIT, "t.csv:1:1: record with more than");
}
END_TEST

START_TEST (test_column_lookup)
{
  ck_assert_str_eq (pbo_csv_column_lookup ("full_since"), "full-since");
  ck_assert_str_eq (pbo_csv_column_lookup (" Full-Since "), "full-since");
  ck_assert_str_eq (pbo_csv_column_lookup ("ID_CARD"), "id-card");
  ck_assert_str_eq (pbo_csv_column_lookup ("mobile"), "mobile");
  ck_assert_str_eq (pbo_csv_column_lookup ("branch"), "branch");
  ck_assert_str_eq (pbo_csv_column_lookup ("org"), "org");
  ck_assert_str_eq (pbo_csv_column_lookup ("姓 名"), "name");
  ck_assert_str_eq (pbo_csv_column_lookup ("党员编号"), "id");
  ck_assert_str_eq (pbo_csv_column_lookup ("出生日期"), "born");
  ck_assert_str_eq (pbo_csv_column_lookup ("入党日期"), "joined");
  ck_assert_str_eq (pbo_csv_column_lookup ("转正日期"), "full-since");
  ck_assert_str_eq (pbo_csv_column_lookup ("党员类别"), "status");
  ck_assert_str_eq (pbo_csv_column_lookup ("在职／离退休"), "employment");
  ck_assert_str_eq (pbo_csv_column_lookup ("职称"), "position");
  ck_assert_str_eq (pbo_csv_column_lookup ("月收入"), "dues-base");
  ck_assert_str_eq (pbo_csv_column_lookup ("手机"), "phone");
  ck_assert_str_eq (pbo_csv_column_lookup ("身份证号"), "id-card");
  ck_assert_str_eq (pbo_csv_column_lookup ("流动党员"), "mobile");
  ck_assert_str_eq (pbo_csv_column_lookup ("支部"), "branch");
  ck_assert_str_eq (pbo_csv_column_lookup ("\xE3\x80\x80科室\xE3\x80\x80"), "department");
  ck_assert_ptr_null (pbo_csv_column_lookup ("籍贯"));
  ck_assert_ptr_null (pbo_csv_column_lookup (""));
  ck_assert_ptr_null (pbo_csv_column_lookup ("full since x"));
}
END_TEST

/* ---- import ----------------------------------------------------------- */

static gboolean
import (PboTree *tree, const char *csv, const char *branch_id, guint *n, GError **error)
{
  PboCsvImportOptions opts = PBO_CSV_IMPORT_OPTIONS_INIT;

  opts.branch = branch_id != NULL ? pbo_tree_lookup_org (tree, branch_id) : NULL;
  if (!pbo_csv_import_members (tree, csv, strlen (csv), "members.csv", &opts, n, error))
    return FALSE;
  /* Every accepted import leaves a tree that saves and loads back. */
  ck_assert_roundtrips (tree, "after importing %.60s", csv);
  return TRUE;
}

START_TEST (test_import_chinese)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  guint before = pbo_journal_get_n_entries (tree), n = 0;
  GError *error = NULL;
  PboMember *m;

  ck_assert (import (tree,
    "\xEF\xBB\xBF党员编号,姓名,性别,出生日期,入党日期,转正日期,党员类别,在职/离退休,民族,学历,"
    "职务/职称,科室,党费基数,党费类别,电话,身份证号,流动党员,支部\r\n"
    "z1,\"刘, 洋\",男,1980/5/3,2005年7月1日,2006.7.1,正式党员,在职,汉族,本科,主任,外科,"
    "4000.5,标准,13800000000,44078519750302123X,否,\r\n"
    ",,,,,,,,,,,,,,,,,\r\n"
    "z2, 陈红 ,女,1975,2023-06-20,,预备党员,离退休,,,,,,,,,是,b3\r\n", "b1", &n, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (n, 2);
  m = pbo_tree_lookup_member (tree, "z1");
  ck_assert_str_eq (pbo_member_get_name (m), "刘, 洋");
  ck_assert_str_eq (pbo_org_get_id (pbo_member_get_org (m)), "b1");
  ck_assert_int_eq (pbo_member_get_gender (m), PBO_GENDER_MALE);
  ck_assert_uint_eq (pbo_member_get_born (m), 19800503);
  ck_assert_uint_eq (pbo_member_get_joined (m), 20050701);
  ck_assert_uint_eq (pbo_member_get_full_since (m), 20060701);
  ck_assert_int_eq (pbo_member_get_dues_base (m), 400050);
  ck_assert_int_eq (pbo_member_get_dues_category (m), PBO_DUES_STANDARD);
  ck_assert (!pbo_member_get_mobile (m));
  m = pbo_tree_lookup_member (tree, "z2");
  ck_assert_str_eq (pbo_member_get_name (m), "陈红");
  ck_assert_str_eq (pbo_org_get_id (pbo_member_get_org (m)), "b3");
  ck_assert_int_eq (pbo_member_get_status (m), PBO_STATUS_PROBATIONARY);
  ck_assert_int_eq (pbo_member_get_employment (m), PBO_EMPLOYMENT_RETIRED);
  ck_assert (pbo_member_get_mobile (m));
  /* Journaled: one add-member entry per row. */
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), before + 2);
  ck_assert_int_eq (pbo_journal_entry_get_op (pbo_journal_get_entry (tree, before)),
                    PBO_EDIT_OP_ADD_MEMBER);
  ck_assert_invariants (tree);
}
END_TEST

START_TEST (test_import_all_or_nothing)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autofree char *before = tu_dump (tree);
  g_autofree char *after = NULL;
  guint entries = pbo_journal_get_n_entries (tree), n = 99, line = 0, col = 99;
  GError *error = NULL;

  ck_assert (!import (tree,
    "id,name,born,joined,full_since,status,employment,branch\n"
    "z1,Good,1970-01-01,2000-01-01,2001-01-01,full,in-service,\n"
    "z2,Bad date,1975-13-02,2000-01-01,2001-01-01,full,in-service,\n"
    "z3,Bad status,,2000-01-01,,half,in-service,\n"
    "z1,Twice,,2000-01-01,2001-01-01,full,in-service,\n"
    "\"z4\",\"Nowhere\",,2000-01-01,,probationary,retired,nope\n"
    "9z,Digit,,2000-01-01,,probationary,retired,\n"
    "z5,No full-since,,2000-01-01,,full,retired,\n"
    "z6,In a committee,,2000-01-01,,probationary,retired,c1\n", "b1", &n, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_str_eq (error->message,
    "members.csv:3: born: “1975-13-02” is not a date (expected YYYY-MM-DD or YYYY)\n"
    "members.csv:4: status=“half” is not valid (expected full or probationary)\n"
    "members.csv:5: id “z1” is already on line 2 of the sheet\n"
    "members.csv:6: branch: no org with id “nope”\n"
    "members.csv:7: id: “9z” is not a valid id (no spaces or colons, not starting with a "
    "digit, '-' or '.': an id prefix makes staff numbers valid)\n"
    "members.csv:8: member “z5”: a full member needs full-since\n"
    "members.csv:9: members belong in a branch or group, and “c1” is a committee\n"
    "members.csv: 7 problems: nothing imported");
  /* The position is the first problem's row, a whole line (column 0). */
  ck_assert (pbo_error_get_position (error, &line, &col));
  ck_assert_uint_eq (line, 3);
  ck_assert_uint_eq (col, 0);
  ck_assert_str_eq (pbo_error_get_file (error), "members.csv");
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_uint_eq (n, 0);
  after = tu_dump (tree);
  ck_assert_str_eq (after, before);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), entries);
  ck_assert (!pbo_edit_in_transaction (tree));
  ck_assert_invariants (tree);
}
END_TEST

START_TEST (test_import_headers)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboCsvImportOptions opts = PBO_CSV_IMPORT_OPTIONS_INIT;
  const char *csv = "id,Name,籍贯,姓名,status\nz1,a,b,c,full\n";
  GError *error = NULL;

  ck_assert (!import (tree, csv, "b1", NULL, &error));
  ck_assert_str_eq (error->message,
    "members.csv:1: column 3: unknown header “籍贯” (docs/csv.md lists the known ones; "
    "--map HEADER=COLUMN names another)\n"
    "members.csv:1: column 4: “姓名” is a second name column\n"
    "members.csv:1: no employment column (required)\n"
    "members.csv:1: no joined column (required)\n"
    "members.csv: 4 problems: nothing imported");
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);

  /* Unknown columns skipped on request; ids prefixed; ragged rows. */
  opts.branch = pbo_tree_lookup_org (tree, "b1");
  opts.ignore_unknown_columns = TRUE;
  opts.id_prefix = "m";
  csv = "编号,姓名,籍贯,状态,在职状态,入党日期\n"
        "2023001,甲,广东,预备,在职,2023-06-01,,\n"
        "2023002,乙,广东,预备,在职,2023-06-01,x\n";
  ck_assert (!pbo_csv_import_members (tree, csv, strlen (csv), NULL, &opts, NULL, &error));
  ck_assert_str_eq (error->message,
    "<csv>:3: 7 fields, but the header names 6 columns\n<csv>: 1 problem: nothing imported");
  g_clear_error (&error);
  csv = "编号,姓名,籍贯,状态,在职状态,入党日期\n2023001,甲,广东,预备,在职,2023-06-01,,\n";
  ck_assert (pbo_csv_import_members (tree, csv, strlen (csv), NULL, &opts, NULL, &error));
  ck_assert_ptr_nonnull (pbo_tree_lookup_member (tree, "m2023001"));

  /* An empty file, a bad version, an open transaction. */
  ck_assert (!import (tree, "\n\n", "b1", NULL, &error));
  ck_assert_str_eq (error->message, "members.csv: empty: no header row");
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  opts.version = 7;
  ck_assert (!pbo_csv_import_members (tree, "id\n", 3, NULL, &opts, NULL, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert (pbo_edit_begin (tree, NULL));
  ck_assert (!import (tree, "id,name,status,employment,joined\n", "b1", NULL, &error));
  ck_assert_pbo_error (error, PBO_ERROR_FAILED);
  ck_assert (pbo_edit_rollback (tree, NULL));
}
END_TEST

START_TEST (test_import_cap_and_parse_error)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboCsvImportOptions opts = PBO_CSV_IMPORT_OPTIONS_INIT;
  g_autoptr (GString) csv = g_string_new ("id,name,status,employment,joined\n");
  GError *error = NULL;
  guint i;

  for (i = 0; i < 5; i++)
    g_string_append_printf (csv, "z%u,n,full,in-service,bad\n", i);
  opts.max_errors = 2;
  opts.branch = pbo_tree_lookup_org (tree, "b1");
  ck_assert (!pbo_csv_import_members (tree, csv->str, csv->len, "m.csv", &opts, NULL, &error));
  ck_assert_str_eq (error->message,
    "m.csv:2: joined: “bad” is not a date (expected YYYY-MM-DD)\n"
    "m.csv:3: joined: “bad” is not a date (expected YYYY-MM-DD)\n"
    "m.csv: … and 3 more\n"
    "m.csv: 5 problems: nothing imported");
  g_clear_error (&error);
  ck_assert (!import (tree, "id,name\n\"z1,a\n", "b1", NULL, &error));
  ck_assert_pbo_error (error, PBO_ERROR_PARSE);
}
END_TEST

/* A problem is one line of the message, whatever the value held. */
START_TEST (test_import_problems_stay_on_one_line)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  GError *error = NULL;

  ck_assert (!import (tree,
    "id,name,born,joined,full_since,status,employment\n"
    "z1,Forger,\"1975\nmembers.csv:9: forged\",2000-01-01,2001-01-01,full,in-service\n",
    "b1", NULL, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_str_eq (error->message,
    "members.csv:2: born: “1975\\nmembers.csv:9: forged” is not a date (expected YYYY-MM-DD "
    "or YYYY)\n"
    "members.csv: 1 problem: nothing imported");
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
}
END_TEST

static gboolean
collect_member (PboMember *m, gpointer data)
{
  g_ptr_array_add (data, m);
  return TRUE;
}

/* Every member written as the CSV export spells it (attribute columns and
 * "org") is read back into an empty copy of the orgs with every field. */
START_TEST (test_import_round_trip)
{
  static const char *const attrs[] = {
    "id", "name", "gender", "born", "joined", "full-since", "status", "employment",
    "ethnicity", "education", "position", "department", "dues-base", "dues-category",
    "phone", "id-card", "mobile",
  };
  g_autoptr (PboTree) tree = tu_full_tree ();
  g_autoptr (PboTree) empty = pbo_tree_copy (tree);
  g_autoptr (GString) csv = g_string_new ("");
  GPtrArray *members = g_ptr_array_new ();
  GError *error = NULL;
  PboMember *m;
  guint i, j;

  for (i = 0; i < G_N_ELEMENTS (attrs); i++)
    g_string_append_printf (csv, "%s,", attrs[i]);
  g_string_append (csv, "org\n");
  pbo_tree_foreach_member (tree, NULL, collect_member, members);
  for (i = 0; i < members->len; i++)
    {
      m = members->pdata[i];
      for (j = 0; j < G_N_ELEMENTS (attrs); j++)
        {
          g_autofree char *v = pbo_member_dup_attribute (m, attrs[j]);
          pbo_csv_write_field (csv, v, PBO_CSV_WRITE_DEFAULT);
          g_string_append_c (csv, ',');
        }
      g_string_append_printf (csv, "%s\n", pbo_org_get_id (pbo_member_get_org (m)));
      pbo_tree_remove_member (empty, pbo_tree_lookup_member (empty, pbo_member_get_id (m)));
    }
  ck_assert_uint_eq (pbo_tree_get_n_members (empty), 0);
  ck_assert (pbo_csv_import_members (empty, csv->str, csv->len, NULL, NULL, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_roundtrips (empty, "after importing every field");
  for (i = 0; i < members->len; i++)
    for (j = 0; j < G_N_ELEMENTS (attrs); j++)
      {
        /* Values are trimmed on import: the fixture's name ends in CR. */
        g_autofree char *a = pbo_member_dup_attribute (members->pdata[i], attrs[j]);
        g_autofree char *b = pbo_member_dup_attribute (
          pbo_tree_lookup_member (empty, pbo_member_get_id (members->pdata[i])), attrs[j]);
        ck_assert_pstr_eq (a != NULL ? g_strstrip (a) : NULL, b);
      }
  g_ptr_array_unref (members);
}
END_TEST

/* Any name, formula-like or carrying the writer's mark, written by
 * pbo_csv_write_field() imports back as it was. */
START_TEST (test_marks_round_trip)
{
  /* Import trims spaces and line feeds, so none comes first: "\n" is last. */
  static const char *const pieces[] = { "=", "+", "-", "@", "'", "\t", "\r", "a", ",", "\"",
                                        "张", "\n" };
  const char *env = g_getenv ("PBO_SEED");
  guint32 seed = env != NULL ? (guint32) strtoul (env, NULL, 10) : 20261203u;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autoptr (GString) csv = g_string_new ("id,name,status,employment,joined,full_since\n");
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;
  guint i, k;

  for (i = 0; i < 200; i++)
    {
      GString *name = g_string_new (NULL);
      guint n = (guint) g_rand_int_range (rand, 1, 6);
      for (k = 0; k < n; k++)
        g_string_append (name, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces) - !k)]);
      g_string_append (name, "x");   /* import trims: no space at the end */
      g_string_append_printf (csv, "rt%u,", i);
      pbo_csv_write_field (csv, name->str, PBO_CSV_WRITE_DEFAULT);
      g_string_append (csv, ",full,in-service,2001-06-20,2002-06-20\n");
      g_ptr_array_add (names, g_string_free (name, FALSE));
    }
  ck_assert_msg (import (tree, csv->str, "b1", NULL, &error), "seed %u: %s", seed,
                 error != NULL ? error->message : "");
  for (i = 0; i < names->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("rt%u", i);
      ck_assert_str_eq (pbo_member_get_name (pbo_tree_lookup_member (tree, id)),
                        names->pdata[i]);
    }
}
END_TEST

static Suite *
csv_suite (void)
{
  Suite *s = suite_create ("csv");
  TCase *parse = tcase_create ("parse");
  TCase *imp = tcase_create ("import");

  tcase_add_test (parse, test_parse_quoting);
  tcase_add_test (parse, test_parse_line_ends_and_ragged);
  tcase_add_test (parse, test_parse_encodings);
  tcase_add_test (parse, test_parse_mixed_encodings);
  tcase_add_test (parse, test_write_field);
  tcase_add_test (parse, test_text_escaped);
  tcase_add_test (parse, test_parse_errors);
  tcase_add_test (parse, test_column_lookup);
  tcase_add_test (imp, test_import_chinese);
  tcase_add_test (imp, test_import_all_or_nothing);
  tcase_add_test (imp, test_import_problems_stay_on_one_line);
  tcase_add_test (imp, test_import_headers);
  tcase_add_test (imp, test_import_cap_and_parse_error);
  tcase_add_test (imp, test_import_round_trip);
  tcase_add_test (imp, test_marks_round_trip);
  suite_add_tcase (s, parse);
  suite_add_tcase (s, imp);
  return s;
}

int
main (void)
{
  return tu_run (csv_suite ());
}
