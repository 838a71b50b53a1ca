/* Check suite: what every pbo command writes — each format, each exit
 * status — and hostile values in it: names that a spreadsheet would run as
 * formulas, control characters that would forge lines of a text table,
 * paths that are not UTF-8. */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "testutil.h"
#include "cli-testutil.h"

/* One run of a command on tests/data/cli/FILE: its arguments after the
 * file, its status and a line its output must hold. */
typedef struct {
  const char *command;
  const char *file;
  const char *args[8];
  int         status;
  const char *line;    /* a whole line of stdout, or NULL */
} Case;

static const Case cases[] = {
  { "tree", "small.xml", { NULL }, 0, NULL },
  { "stats", "small.xml", { NULL }, 0, "  members           4" },
  { "stats", "small.xml", { "--format", "csv", NULL }, 0, "b9,branch,Lone branch,0,0,0,0,0,1,1,0,0,1" },
  { "stats", "small.xml", { "--format", "csv", "--raw", NULL }, 0, NULL },
  { "check", "small.xml", { "--on", "2024-06-01", NULL }, 0, NULL },
  { "check", "small.xml", { "--on", "2024-06-01", "--format", "csv", NULL }, 0,
    "severity,code,org,member,message,source" },
  { "check", "hostile.xml", { "--on", "2026-06-01", NULL }, 1, NULL },
  { "check", "hostile.xml", { "--on", "2026-06-01", "--format", "csv", NULL }, 1, NULL },
  { "check", "small.xml", { "--on", "2024-13-01", NULL }, 2, NULL },
  { "check", "small.xml", { "--on", "0001-01-01", NULL }, 2, NULL },
  { "dues", "hostile.xml", { "--month", "2024-05", NULL }, 0, "Total: 55.00 yuan" },
  { "dues", "hostile.xml", { "--month", "2024-05", "--format", "csv", NULL }, 0,
    "b1,m3,\"王\r强\",in-service,,,,,no-base" },
  { "dues", "hostile.xml", { "--month", "2024-05", "--format", "csv", "--totals", NULL }, 0,
    "branch,name,members,computed,no-base,not-due,total" },
  { "dues", "hostile.xml", { NULL }, 2, NULL },
  { "report", "small.xml", { "--on", "2024-06-01", NULL }, 0, "Statistics on 2024-06-01" },
  { "report", "small.xml", { "--on", "2024-06-01", "--format", "csv", NULL }, 0,
    "members,all,5" },
  { "report", "small.xml", { "--on", "2024-06-01", "--format", "csv", "--units", NULL }, 0,
    "unit,kind,head,branches,members,full,probationary,in-service,retired" },
  { "report", "small.xml", { "--on", "soon", NULL }, 2, NULL },
  { "meetings", "hostile.xml", { "--from", "2024-01-01", "--to", "2024-12-31", NULL }, 1,
    "Meetings from 2024-01-01 to 2024-12-31" },
  { "meetings", "hostile.xml", { "--from", "2024-01-01", "--to", "2024-12-31", "--format", "csv",
                                 NULL }, 1,
    "branch,name,type,interval-months,required,met,held,first-missing" },
  { "meetings", "no-branch.xml", { "--from", "2024-01-01", "--to", "2024-12-31", NULL }, 0, NULL },
  { "meetings", "no-branch.xml", { "--from", "2024-01-01", "--to", "2024-12-31", "--format", "csv",
                               NULL }, 0, NULL },
  { "meetings", "small.xml", { "--from", "2024-12-31", "--to", "2024-01-01", NULL }, 2, NULL },
  { "recruits", "hostile.xml", { "--on", "2024-06-01", NULL }, 0, NULL },
  { "recruits", "hostile.xml", { "--on", "2024-06-01", "--format", "csv", NULL }, 0, NULL },
  { "recruits", "hostile.xml", { "--on", "2024-02-30", NULL }, 2, NULL },
  { "recruits", "hostile.xml", { "--format", "xml", NULL }, 2, NULL },
  { "log", "small.xml", { NULL }, 0, NULL },
  { "log", "missing.xml", { "--format", "csv", NULL }, 2, NULL },
  { "log", "small.xml", { "--format", "csv", NULL }, 0,
    "seq,date,op,subjects,from,to,detail,reason,operator,vacated" },
  { "export", "small.xml", { "--format", "csv", NULL }, 0, NULL },
  { "export", "small.xml", { "--format", "xml", NULL }, 0, NULL },
  { "export", "small.xml", { "--format", "dot", NULL }, 0, NULL },
  { "export", "small.xml", { "--format", "csv", "--raw", NULL }, 0, NULL },
  { "export", "small.xml", { "--format", "pdf", NULL }, 2, NULL },
  { "diff", "small.xml", { NULL }, 2, NULL },   /* needs OLD and NEW */
  { "validate", "small.xml", { NULL }, 0, NULL },
  { "tree", "small.xml", { "--raw", NULL }, 2, NULL },   /* no csv, no --raw */
  { "tree", "missing.xml", { NULL }, 2, NULL },
};

static gboolean
has_line (const char *out, const char *line)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  guint i;

  for (i = 0; lines[i] != NULL; i++)
    if (strcmp (lines[i], line) == 0)
      return TRUE;
  return FALSE;
}

static Run
run_case (const Case *c)
{
  g_autofree char *file = data (c->file);
  const char *argv[G_N_ELEMENTS (c->args) + 3] = { c->command, file };
  guint i;

  for (i = 0; c->args[i] != NULL; i++)
    argv[i + 2] = c->args[i];
  return run_pbov (argv);
}

START_TEST (test_every_command_format_and_status)
{
  const Case *c = &cases[_i];
  Run r = run_case (c);

  ck_assert_msg (r.status == c->status, "pbo %s %s %s…: status %d, expected %d; stderr: %s",
                 c->command, c->file, c->args[0] ? c->args[0] : "", r.status, c->status, r.err);
  if (c->status == 2)
    ck_assert_msg (*r.err != '\0' && *r.out == '\0', "pbo %s: no message, or output", c->command);
  if (c->line != NULL)
    ck_assert_msg (has_line (r.out, c->line), "pbo %s: no line “%s” in:\n%s", c->command,
                   c->line, r.out);
  ck_assert (g_utf8_validate (r.out, -1, NULL) && g_utf8_validate (r.err, -1, NULL));
  run_clear (&r);
}
END_TEST

/* The CSV of every command over hostile.xml, read back. */
static const char *const csv_commands[][6] = {
  { "export", "--format", "csv", NULL },
  { "stats", "--all", "--format", "csv", NULL },
  { "check", "--on", "2024-06-01", "--format", "csv", NULL },
  { "dues", "--month", "2024-05", "--format", "csv", NULL },
  { "dues", "--month", "2024-05", "--format", "csv", "--totals" },
  { "report", "--on", "2024-06-01", "--format", "csv", NULL },
  { "report", "--on", "2024-06-01", "--format", "csv", "--units" },
  { "recruits", "--on", "2024-06-01", "--format", "csv", NULL },
  { "meetings", "--from", "2024-01-01", "--format", "csv", NULL },
};

static PboCsvTable *
run_csv (guint k, gboolean raw, guint *n_marked)
{
  g_autofree char *file = data ("hostile.xml");
  const char *argv[10] = { csv_commands[k][0], file };
  g_autoptr (GError) error = NULL;
  PboCsvTable *table;
  guint i, n = 2, row;
  Run r;

  for (i = 1; i < G_N_ELEMENTS (csv_commands[k]) && csv_commands[k][i] != NULL; i++)
    argv[n++] = csv_commands[k][i];
  if (raw)
    argv[n++] = "--raw";
  r = run_pbov (argv);
  ck_assert_msg (r.status <= 1, "pbo %s: %s", argv[0], r.err);
  table = pbo_csv_parse (r.out, strlen (r.out), argv[0], &error);
  ck_assert_no_error (error);
  *n_marked = 0;
  for (row = 0; row < pbo_csv_table_get_n_rows (table); row++)
    for (i = 0; i < pbo_csv_table_get_n_fields (table, row); i++)
      *n_marked += pbo_csv_table_get_field (table, row, i)[0] == '\'';
  run_clear (&r);
  return table;
}

START_TEST (test_csv_never_starts_a_formula)
{
  guint n_marked = 0, n_raw = 0, row, i;
  g_autoptr (PboCsvTable) table = run_csv (_i, FALSE, &n_marked);
  g_autoptr (PboCsvTable) raw = run_csv (_i, TRUE, &n_raw);

  for (row = 0; row < pbo_csv_table_get_n_rows (table); row++)
    for (i = 0; i < pbo_csv_table_get_n_fields (table, row); i++)
      {
        const char *f = pbo_csv_table_get_field (table, row, i);
        const char *r = pbo_csv_table_get_field (raw, row, i);
        ck_assert_msg (*f == '\0' || strchr ("=+-@\t\r", *f) == NULL,
                       "pbo %s: field “%s” starts a formula", csv_commands[_i][0], f);
        /* --raw writes the value itself; the mark is one ' before it. */
        ck_assert_msg (strcmp (f, r) == 0 || (*f == '\'' && strcmp (f + 1, r) == 0),
                       "pbo %s: “%s” against “%s” with --raw", csv_commands[_i][0], f, r);
      }
  /* Every command but check writes one of hostile.xml's names. */
  if (strcmp (csv_commands[_i][0], "check") != 0)
    ck_assert_msg (n_marked > n_raw, "pbo %s: nothing marked", csv_commands[_i][0]);
}
END_TEST

START_TEST (test_csv_export_marks_and_imports_back)
{
  g_autofree char *file = data ("hostile.xml");
  g_autofree char *xml = NULL, *csv_path = NULL, *empty = NULL, *back = NULL;
  Run exported = run_pbo ("export", file, "--format", "csv", NULL), again;
  GError *error = NULL;
  int fd;

  ck_assert_int_eq (exported.status, 0);
  ck_assert_ptr_nonnull (strstr (exported.out, "\n"
    "m1,\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"点击\"\")\",male,1975-03-02,"));
  /* A name that begins with ' and a formula: a second ' keeps it. */
  ck_assert_ptr_nonnull (strstr (exported.out, "\nm2,''=已标记,"));
  /* One that begins with ' and text is as it is. */
  ck_assert_ptr_nonnull (strstr (exported.out, ",'普通,"));
  ck_assert_ptr_nonnull (strstr (exported.out, ",'\t内科,"));

  /* The same org tree without members, the sheet imported into it. */
  ck_assert (g_file_get_contents (file, &xml, NULL, &error));
  {
    g_autoptr (GRegex) members = g_regex_new ("^ *<member .*\n", G_REGEX_MULTILINE, 0, NULL);
    empty = g_regex_replace_literal (members, xml, -1, 0, "", 0, NULL);
  }
  fd = g_file_open_tmp ("pbo-cli-XXXXXX.csv", &csv_path, &error);
  ck_assert_int_ge (fd, 0);
  close (fd);
  ck_assert (g_file_set_contents (csv_path, exported.out, -1, &error));
  back = write_temp (empty);
  {
    Run r = run_pbo ("import-csv", back, csv_path, NULL);
    ck_assert_msg (r.status == 0, "%s", r.err);
    run_clear (&r);
  }
  again = run_pbo ("export", back, "--format", "csv", NULL);
  ck_assert_str_eq (again.out, exported.out);
  g_unlink (csv_path);
  g_unlink (back);
  run_clear (&exported);
  run_clear (&again);
}
END_TEST

/* The text of every table over hostile.xml: the org named
 * "第一支部\nb2  branch   99  forged" must stay on one line. */
static const char *const text_commands[][6] = {
  { "tree", NULL },
  { "stats", "--all", NULL },
  { "dues", "--month", "2024-05", NULL },
  { "report", "--on", "2024-06-01", NULL },
  { "recruits", "--on", "2024-06-01", NULL },
  { "meetings", "--from", "2024-01-01", NULL },
  { "check", "--on", "2024-06-01", "--org", "b1", NULL },
};

START_TEST (test_text_escapes_control_characters)
{
  g_autofree char *file = data ("hostile.xml");
  const char *argv[10] = { text_commands[_i][0], file };
  g_auto (GStrv) lines = NULL;
  guint i, n = 2;
  Run r;

  for (i = 1; i < G_N_ELEMENTS (text_commands[_i]) && text_commands[_i][i] != NULL; i++)
    argv[n++] = text_commands[_i][i];
  r = run_pbov (argv);
  ck_assert_msg (r.status <= 1, "pbo %s: %s", argv[0], r.err);
  ck_assert_msg (strchr (r.out, '\r') == NULL, "pbo %s: a raw CR", argv[0]);
  lines = g_strsplit (r.out, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      ck_assert_msg (!g_str_has_prefix (lines[i], "b2  branch") && !g_str_has_prefix (lines[i], "r9"),
                     "pbo %s: a forged line “%s”", argv[0], lines[i]);
      ck_assert_msg (strchr (lines[i], '\t') == NULL || strcmp (argv[0], "report") == 0,
                     "pbo %s: a raw tab in “%s”", argv[0], lines[i]);
    }
  if (strcmp (argv[0], "tree") == 0 || strcmp (argv[0], "stats") == 0
      || strcmp (argv[0], "dues") == 0 || strcmp (argv[0], "meetings") == 0)
    ck_assert_msg (strstr (r.out, "第一支部\\nb2  branch   99  forged") != NULL,
                   "pbo %s: the name is not escaped:\n%s", argv[0], r.out);
  run_clear (&r);
}
END_TEST

START_TEST (test_log_text_escapes_reasons)
{
  g_autofree char *file = data ("small.xml");
  g_autofree char *xml = NULL, *copy = NULL;
  GError *error = NULL;
  Run r;

  ck_assert (g_file_get_contents (file, &xml, NULL, &error));
  copy = write_temp (xml);
  r = run_pbo ("transfer", copy, "--to", "b9", "m3", "--reason", "调动\n#9  forged", NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  run_clear (&r);
  r = run_pbo ("log", copy, NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, "(调动\\n#9  forged)"));
  ck_assert_ptr_null (strstr (r.out, "\n#9"));
  run_clear (&r);
  g_unlink (copy);
}
END_TEST

/* Messages are UTF-8 even when a path is not. */
START_TEST (test_paths_in_messages_are_utf8)
{
  g_autofree char *dir = g_dir_make_tmp ("pbo-cli-XXXXXX", NULL);
  g_autofree char *small = data ("small.xml");
  g_autofree char *xml = NULL;
  g_autofree char *tree = g_build_filename (dir, "\xff\xfe.xml", NULL);
  g_autofree char *missing = g_build_filename (dir, "\xb2\xe2\xca\xd4.xml", NULL);
  g_autofree char *csv = g_build_filename (dir, "\xb3\xc9\xd4\xb1.csv", NULL);
  GError *error = NULL;
  Run r;

  ck_assert (g_file_get_contents (small, &xml, NULL, &error));
  ck_assert (g_file_set_contents (tree, xml, -1, &error));
  ck_assert (g_file_set_contents (csv, "id,name,status,employment,joined\n"
                                  "m20,刘洋,probationary,in-service,2024-01-02\n", -1, &error));
  r = run_pbo ("tree", missing, NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_msg (g_utf8_validate (r.err, -1, NULL), "not UTF-8: %s", r.err);
  run_clear (&r);
  r = run_pbo ("stats", tree, "--org", "nope", NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_msg (g_utf8_validate (r.err, -1, NULL), "not UTF-8: %s", r.err);
  run_clear (&r);
  /* The journal's reason names the sheet: in UTF-8, or the tree would refuse it. */
  r = run_pbo ("import-csv", tree, "--branch", "b1", csv, NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_msg (g_utf8_validate (r.err, -1, NULL), "not UTF-8: %s", r.err);
  run_clear (&r);
  r = run_pbo ("log", tree, NULL);
  ck_assert (g_utf8_validate (r.out, -1, NULL));
  ck_assert_ptr_nonnull (strstr (r.out, "import-csv"));
  run_clear (&r);
  r = run_pbo ("transfer", tree, "--to", "b9", "m20", "-o", missing, NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_msg (g_utf8_validate (r.out, -1, NULL), "not UTF-8: %s", r.out);
  run_clear (&r);
  g_unlink (tree);
  g_unlink (missing);
  g_unlink (csv);
  g_rmdir (dir);
}
END_TEST

START_TEST (test_check_on_the_first_day)
{
  g_autofree char *file = data ("small.xml");
  Run r = run_pbo ("check", file, "--on", "0001-01-01", NULL);

  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_null (strstr (r.err, "()"));
  ck_assert_ptr_nonnull (strstr (r.err, "0001-01-01"));
  run_clear (&r);
}
END_TEST

static Suite *
cli_output_suite (void)
{
  Suite *s = suite_create ("cli-output");
  TCase *tc = tcase_create ("core");

  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_every_command_format_and_status, 0, G_N_ELEMENTS (cases));
  tcase_add_loop_test (tc, test_csv_never_starts_a_formula, 0, G_N_ELEMENTS (csv_commands));
  tcase_add_test (tc, test_csv_export_marks_and_imports_back);
  tcase_add_loop_test (tc, test_text_escapes_control_characters, 0,
                       G_N_ELEMENTS (text_commands));
  tcase_add_test (tc, test_log_text_escapes_reasons);
  tcase_add_test (tc, test_paths_in_messages_are_utf8);
  tcase_add_test (tc, test_check_on_the_first_day);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (cli_output_suite ());
}
