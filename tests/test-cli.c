/* Check suite: the pbo command-line tool, run as a real process. */
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include "testutil.h"
#include "cli-testutil.h"
#include "../examples/pbo/pbo-cli.h"

START_TEST (test_usage)
{
  Run r = run_pbo (NULL, NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "Usage: pbo"));
  run_clear (&r);
  r = run_pbo ("--help", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, "stats"));
  run_clear (&r);
  r = run_pbo ("frobnicate", NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
  r = run_pbo ("stats", NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
  r = run_pbo ("stats", "--bogus", "x.xml", NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
  r = run_pbo ("stats", "--help", NULL);
  ck_assert_int_eq (r.status, 0);
  run_clear (&r);
  r = run_pbo ("--version", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, pbo_version_string ()));
  run_clear (&r);
}
END_TEST

START_TEST (test_stats_csv)
{
  g_autofree char *file = data ("small.xml");
  Run r = run_pbo ("stats", file, "--format", "csv", NULL);

  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.out,
    "id,kind,name,child_orgs,committees,general_branches,branches,groups,members,full,probationary,in_service,retired\n"
    "c1,committee,测试委员会,1,0,1,2,1,4,3,1,3,1\n"
    "b9,branch,Lone branch,0,0,0,0,0,1,1,0,0,1\n");
  run_clear (&r);
  r = run_pbo ("stats", file, "--format", "csv", "--org", "b1", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.out,
    "id,kind,name,child_orgs,committees,general_branches,branches,groups,members,full,probationary,in_service,retired\n"
    "b1,branch,\"第一党支部, 内科\",0,0,0,0,0,3,2,1,2,1\n");
  run_clear (&r);
  r = run_pbo ("stats", file, "--org", "nope", NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "nope"));
  run_clear (&r);
  r = run_pbo ("stats", file, "--format", "yaml", NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
  r = run_pbo ("stats", file, NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, "general branches  1"));
  run_clear (&r);
}
END_TEST

START_TEST (test_tree_aligned)
{
  g_autofree char *file = data ("small.xml");
  Run r = run_pbo ("tree", file, NULL);
  g_auto (GStrv) lines = NULL;
  guint i, col = 0;

  ck_assert_int_eq (r.status, 0);
  lines = g_strsplit (r.out, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), 8);   /* header + 6 orgs + final "" */
  /* The KIND column starts at the same display column on every line,
   * whatever mix of Chinese and ASCII precedes it. */
  for (i = 0; lines[i][0] != '\0'; i++)
    {
      const char *kind = i == 0 ? strstr (lines[i], "KIND") : strstr (lines[i], ")  ");
      g_autofree char *prefix = NULL;
      ck_assert_ptr_nonnull (kind);
      while (*kind == ')' || *kind == ' ')
        kind++;
      prefix = g_strndup (lines[i], (gsize) (kind - lines[i]));
      if (i == 0)
        col = cli_display_width (prefix);
      ck_assert_uint_eq (cli_display_width (prefix), col);
    }
  ck_assert_ptr_nonnull (strstr (r.out, "    第一党小组 (gr1)"));
  run_clear (&r);

  r = run_pbo ("tree", file, "--org", "g1", "--depth", "1", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_null (strstr (r.out, "gr1"));
  ck_assert_ptr_nonnull (strstr (r.out, "(b2)"));
  ck_assert_ptr_null (strstr (r.out, "(c1)"));
  run_clear (&r);
}
END_TEST

START_TEST (test_validate_and_errors)
{
  g_autofree char *file = data ("small.xml");
  g_autofree char *bad = write_temp ("<?xml version=\"1.0\"?>\n<pbo xmlns=\"urn:libpbo:1\" version=\"1\">\n"
                                     "  <org id=\"x\" kind=\"brunch\" name=\"x\"/>\n</pbo>\n");
  Run r = run_pbo ("validate", file, NULL);
  g_autofree char *prefix = NULL;

  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, "valid (6 orgs, 5 members)"));
  run_clear (&r);
  r = run_pbo ("validate", bad, NULL);
  ck_assert_int_eq (r.status, 2);
  prefix = g_strdup_printf ("%s:3:", bad);
  ck_assert_msg (g_str_has_prefix (r.err, prefix), "stderr: %s", r.err);
  run_clear (&r);
  r = run_pbo ("tree", "/nonexistent/file.xml", NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "/nonexistent/file.xml"));
  run_clear (&r);
  g_unlink (bad);
}
END_TEST

START_TEST (test_export)
{
  g_autofree char *file = data ("small.xml");
  g_autofree char *original = NULL;
  Run r = run_pbo ("export", file, NULL);

  ck_assert (g_file_get_contents (file, &original, NULL, NULL));
  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.out, original);   /* the fixture is canonical */
  run_clear (&r);

  r = run_pbo ("export", file, "--redact", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_null (strstr (r.out, "13800138000"));
  ck_assert_ptr_null (strstr (r.out, "44078519750302123X"));
  ck_assert_ptr_nonnull (strstr (r.out, "born=\"1975\""));
  run_clear (&r);

  r = run_pbo ("export", file, "--format", "csv", "--org", "b1", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert (g_str_has_prefix (r.out,
    "id,name,gender,born,joined,full_since,status,employment,ethnicity,education,position,"
    "department,dues_base,dues_category,phone,id_card,mobile,org,branch\n"
    "m1,张海,male,1975-03-02,2001-06-20,2002-06-20,full,in-service,,,,内科,,,13800138000,"
    "44078519750302123X,,b1,b1\n"));
  run_clear (&r);

  r = run_pbo ("export", file, "--format", "csv", "--redact", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_null (strstr (r.out, "13800138000"));
  ck_assert_ptr_nonnull (strstr (r.out, "m1,张海,male,1975,"));
  ck_assert_ptr_nonnull (strstr (r.out, "m4,赵敏,,,2010-07-01,2011-07-01,full,in-service,,,,,,,,,,gr1,b2\n"));
  run_clear (&r);
}
END_TEST

START_TEST (test_export_to_file)
{
  g_autofree char *file = data ("small.xml");
  g_autofree char *dir = g_dir_make_tmp ("pbo-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xml", NULL);
  g_autofree char *written = NULL, *original = NULL;
  Run r = run_pbo ("export", file, "-o", out, NULL);

  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.out, "");
  ck_assert (g_file_get_contents (out, &written, NULL, NULL));
  ck_assert (g_file_get_contents (file, &original, NULL, NULL));
  ck_assert_str_eq (written, original);
  run_clear (&r);
  g_unlink (out);
  g_rmdir (dir);
}
END_TEST

/* pbo diff: exit 0 when equal, 1 with the changes, 2 on bad input. */
START_TEST (test_diff)
{
  g_autofree char *file = data ("small.xml");
  g_autofree char *text = tu_read_file (file);
  g_autofree char *changed = NULL, *clash = NULL, *new_path = NULL, *clash_path = NULL;
  Run r = run_pbo ("diff", file, file, NULL);

  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.out, "");
  run_clear (&r);
  /* m3 moves to b9, b9 is renamed. */
  changed = g_strdup (text);
  {
    g_autoptr (GString) s = g_string_new (changed);
    const char *m3 = strstr (s->str, "        <member id=\"m3\"");
    gsize len = (gsize) (strchr (m3, '\n') - m3) + 1;
    g_autofree char *line = g_strndup (m3 + 4, len - 4);
    g_autofree char *tail = g_strconcat (line, "  </org>\n</pbo>\n", NULL);
    g_string_erase (s, m3 - s->str, (gssize) len);
    g_string_replace (s, "  </org>\n</pbo>\n", tail, 1);
    g_string_replace (s, "Lone branch", "孤立支部", 1);
    g_free (changed);
    changed = g_string_free (g_steal_pointer (&s), FALSE);
  }
  new_path = write_temp (changed);
  r = run_pbo ("diff", file, new_path, NULL);
  ck_assert_int_eq (r.status, 1);
  ck_assert_str_eq (r.out, "org b9 renamed “Lone branch” → “孤立支部”\n"
                           "member m3 transferred b1 → b9\n");
  run_clear (&r);
  r = run_pbo ("diff", file, new_path, "--format", "plan", "--date", "2024-05-01", NULL);
  ck_assert_int_eq (r.status, 1);
  ck_assert_str_eq (r.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                           "<plan xmlns=\"urn:libpbo:1\">\n"
                           "  <rename org=\"b9\" name=\"孤立支部\"/>\n"
                           "  <transfer to=\"b9\">\n"
                           "    <member id=\"m3\"/>\n"
                           "  </transfer>\n"
                           "</plan>\n");
  ck_assert_str_eq (r.err, "");
  run_clear (&r);
  /* Bad input: a missing file, a bad format or date, one file only, an id
   * that is an org on one side and a member on the other. */
  r = run_pbo ("diff", file, "/nonexistent.xml", NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
  r = run_pbo ("diff", file, file, "--format", "csv", NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
  r = run_pbo ("diff", file, file, "--date", "soon", NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
  r = run_pbo ("diff", file, NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
  clash = g_strdup (text);
  {
    g_autoptr (GString) s = g_string_new (clash);
    g_string_replace (s, "id=\"gr1\"", "id=\"m9\"", 1);
    g_string_replace (s, "member id=\"m9\"", "member id=\"m10\"", 1);
    g_free (clash);
    clash = g_string_free (g_steal_pointer (&s), FALSE);
  }
  clash_path = write_temp (clash);
  r = run_pbo ("diff", file, clash_path, NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "“m9” is an org in one tree and a member in the other"));
  run_clear (&r);
  g_unlink (new_path);
  g_unlink (clash_path);
}
END_TEST


START_TEST (test_stats_all)
{
  g_autofree char *file = data ("small.xml");
  Run r = run_pbo ("stats", file, "--format", "csv", "--all", NULL);

  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.out,
    "id,kind,name,child_orgs,committees,general_branches,branches,groups,members,full,probationary,in_service,retired\n"
    "c1,committee,测试委员会,1,0,1,2,1,4,3,1,3,1\n"
    "g1,general-branch,医院党总支,2,0,0,2,1,4,3,1,3,1\n"
    "b1,branch,\"第一党支部, 内科\",0,0,0,0,0,3,2,1,2,1\n"
    "b2,branch,第二党支部,1,0,0,0,1,1,1,0,1,0\n"
    "gr1,group,第一党小组,0,0,0,0,0,1,1,0,1,0\n"
    "b9,branch,Lone branch,0,0,0,0,0,1,1,0,0,1\n");
  run_clear (&r);
  r = run_pbo ("stats", file, "--all", "--org", "b2", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert (g_str_has_prefix (r.out, "第二党支部 (b2, branch)\n"));
  ck_assert_ptr_nonnull (strstr (r.out, "\n第一党小组 (gr1, group)\n"));
  ck_assert_ptr_null (strstr (r.out, "b9"));
  run_clear (&r);
}
END_TEST

START_TEST (test_export_dot)
{
  g_autofree char *file = data ("small.xml");
  Run r = run_pbo ("export", file, "--format", "dot", "--org", "g1", "--depth", "1", NULL);

  ck_assert_int_eq (r.status, 0);
  ck_assert (g_str_has_prefix (r.out, "digraph pbo {\n"));
  ck_assert_ptr_nonnull (strstr (r.out,
    "  \"g1\" [label=\"医院党总支\\n党总支\\n党员 4（在职 3 / 离退休 1）\\n书记：张海\", "
    "fillcolor=\"#FCE5CD\", color=\"#B45F06\"];\n"));
  ck_assert_ptr_nonnull (strstr (r.out, "  \"g1\" -> \"b2\";\n"));
  ck_assert_ptr_null (strstr (r.out, "gr1"));
  ck_assert_ptr_null (strstr (r.out, "c1"));
  ck_assert (g_str_has_suffix (r.out, "}\n"));
  run_clear (&r);
  /* --depth goes with the chart formats only, and is not negative. */
  r = run_pbo ("export", file, "--depth", "1", NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "--depth"));
  run_clear (&r);
  r = run_pbo ("export", file, "--format", "dot", "--depth", "-2", NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
}
END_TEST

/* A scratch copy of small.xml and a CSV beside it, in a fresh folder. */
static char *
scratch_copy (const char *dir, const char *csv_name, const char *csv, gssize csv_len)
{
  g_autofree char *file = data ("small.xml");
  g_autofree char *xml = NULL;
  g_autofree char *csv_path = g_build_filename (dir, csv_name, NULL);
  char *copy = g_build_filename (dir, "small.xml", NULL);

  ck_assert (g_file_get_contents (file, &xml, NULL, NULL));
  ck_assert (g_file_set_contents (copy, xml, -1, NULL));
  ck_assert (g_file_set_contents (csv_path, csv, csv_len, NULL));
  return copy;
}

START_TEST (test_import_csv)
{
  g_autofree char *dir = g_dir_make_tmp ("pbo-cli-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "members.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xml", NULL);
  g_autofree char *xml = scratch_copy (dir, "members.csv",
    "\xEF\xBB\xBF党员编号,姓名,性别,入党日期,转正日期,党员类别,在职/离退休,支部\r\n"
    "x1,\"刘, 洋\",男,2005-07-01,2006-07-01,正式党员,在职,\r\n"
    "x2,陈红,女,2023-06-20,,预备党员,退休,b9\r\n", -1);
  g_autofree char *before = NULL, *after = NULL;
  Run r;

  ck_assert (g_file_get_contents (xml, &before, NULL, NULL));
  /* --dry-run checks and writes nothing; -o leaves FILE alone. */
  r = run_pbo ("import-csv", xml, "--branch", "b1", csv, "--dry-run", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.err, "2 members valid"));
  run_clear (&r);
  r = run_pbo ("import-csv", xml, "--branch", "b1", csv, "-o", out, NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.err, "2 members imported"));
  run_clear (&r);
  ck_assert (g_file_get_contents (xml, &after, NULL, NULL));
  ck_assert_str_eq (after, before);
  g_free (after);
  ck_assert (g_file_get_contents (out, &after, NULL, NULL));
  ck_assert_ptr_nonnull (strstr (after,
    "<member id=\"x1\" name=\"刘, 洋\" gender=\"male\" joined=\"2005-07-01\" "
    "full-since=\"2006-07-01\" status=\"full\" employment=\"in-service\"/>"));
  ck_assert_ptr_nonnull (strstr (after, "<member id=\"x2\" name=\"陈红\" gender=\"female\""));
  g_free (after);
  /* In place; a second import of the same rows is refused: duplicate ids. */
  r = run_pbo ("import-csv", xml, "--branch", "b1", csv, NULL);
  ck_assert_int_eq (r.status, 0);
  run_clear (&r);
  ck_assert (g_file_get_contents (xml, &after, NULL, NULL));
  ck_assert_ptr_nonnull (strstr (after, "id=\"x1\""));
  r = run_pbo ("import-csv", xml, "--branch", "b1", csv, NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "members.csv:2: id “x1” is already used"));
  ck_assert_ptr_nonnull (strstr (r.err, "members.csv:3: id “x2” is already used"));
  run_clear (&r);
  g_free (before);
  ck_assert (g_file_get_contents (xml, &before, NULL, NULL));
  ck_assert_str_eq (before, after);
  r = run_pbo ("import-csv", xml, "--branch", "nope", csv, NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
  r = run_pbo ("import-csv", xml, NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
  g_unlink (csv);
  g_unlink (out);
  g_unlink (xml);
  g_rmdir (dir);
}
END_TEST

/* A GB18030 sheet with one bad row among good ones: exit 2, every problem
 * with its line, nothing written. */
START_TEST (test_import_csv_gb18030_bad_rows)
{
  g_autofree char *dir = g_dir_make_tmp ("pbo-cli-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "gb.csv", NULL);
  gsize len = 0;
  g_autofree char *gb = g_convert (
    "编号,姓名,出生日期,入党日期,转正日期,状态,在职/离退休\r\n"
    "y1,甲,1975-03-02,2000-01-01,2001-01-01,正式党员,在职\r\n"
    "y2,乙,1975-13-02,2000-01-01,2001-01-01,正式党员,在职\r\n"
    "y3,丙,1980-01-01,2000-01-01,2001-01-01,正式党员,兼职\r\n", -1, "GB18030", "UTF-8", NULL,
    &len, NULL);
  g_autofree char *xml = scratch_copy (dir, "gb.csv", gb, (gssize) len);
  g_autofree char *before = NULL, *after = NULL;
  Run r;

  ck_assert (g_file_get_contents (xml, &before, NULL, NULL));
  r = run_pbo ("import-csv", xml, "--branch", "b1", csv, NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "gb.csv:3: 出生日期: born: “1975-13-02” is not a date"));
  ck_assert_ptr_nonnull (strstr (r.err, "gb.csv:4: 在职/离退休: employment=“兼职” is not valid"));
  ck_assert_ptr_nonnull (strstr (r.err, "2 problems: nothing imported"));
  run_clear (&r);
  ck_assert (g_file_get_contents (xml, &after, NULL, NULL));
  ck_assert_str_eq (after, before);
  g_unlink (csv);
  g_unlink (xml);
  g_rmdir (dir);
}
END_TEST


/* Progress bars: none when stderr is not a terminal, even outside CI. */
START_TEST (test_no_progress_on_a_pipe)
{
  g_autofree char *file = tu_srcpath ("examples/data/city-health.xml");
  g_autofree char *dir = g_dir_make_tmp ("pbo-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xml", NULL);
  Run r;

  g_unsetenv ("CI");
  r = run_pbo ("stats", file, NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.err, "");
  run_clear (&r);
  r = run_pbo ("export", file, "-o", out, NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.err, "");
  run_clear (&r);
  g_unlink (out);
  g_rmdir (dir);
}
END_TEST

/* ... and a bar for loads and saves on a terminal: script(1) gives the
 * tool a pseudo-terminal (util-linux; the test is skipped without it). */
START_TEST (test_progress_on_a_terminal)
{
  g_autofree char *script = g_find_program_in_path ("script");
  g_autofree char *file = tu_srcpath ("examples/data/city-health.xml");
  g_autofree char *dir = g_dir_make_tmp ("pbo-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xml", NULL);
  g_autofree char *command = NULL, *quoted_cli = NULL, *quoted_file = NULL, *quoted_out = NULL;
  g_autofree char *stdout_text = NULL, *stderr_text = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[6];
  int wait_status = 0;

  if (script == NULL)
    return;
  g_unsetenv ("CI");
  quoted_cli = g_shell_quote (g_getenv ("PBO_CLI"));
  quoted_file = g_shell_quote (file);
  quoted_out = g_shell_quote (out);
  command = g_strdup_printf ("%s export %s -o %s", quoted_cli, quoted_file, quoted_out);
  argv[0] = script;
  argv[1] = "-qec";
  argv[2] = command;
  argv[3] = "/dev/null";
  argv[4] = NULL;
  ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                           &stdout_text, &stderr_text, &wait_status, &error));
  ck_assert (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
  ck_assert_ptr_nonnull (strstr (stdout_text, "loading ["));
  ck_assert_ptr_nonnull (strstr (stdout_text, "saving ["));
  ck_assert_ptr_nonnull (strstr (stdout_text, "] 100%"));
  g_unlink (out);
  g_rmdir (dir);
}
END_TEST


/* A redacted export of a real sample holds none of its ID-card numbers or
 * phones and no full birth date — by value and by shape (issue 7). */
START_TEST (test_export_redact_sample)
{
  g_autofree char *file = tu_srcpath ("examples/data/jianghai.xml");
  g_autofree char *original = NULL;
  g_autoptr (GRegex) secret = g_regex_new (" (id-card|phone)=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr (GRegex) shape = g_regex_new ("[0-9]{17}[0-9X]|1[3-9][0-9]{9}|born=\"[0-9]{4}-", 0, 0,
                                          NULL);
  g_autoptr (GMatchInfo) match = NULL;
  guint secrets = 0;
  Run r = run_pbo ("export", file, "--redact", NULL);

  ck_assert_int_eq (r.status, 0);
  ck_assert (g_file_get_contents (file, &original, NULL, NULL));
  for (g_regex_match (secret, original, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *value = g_match_info_fetch (match, 2);
      ck_assert_msg (strstr (r.out, value) == NULL, "%s survived the redaction", value);
      secrets++;
    }
  ck_assert_uint_ge (secrets, 20);
  ck_assert_msg (!g_regex_match (shape, r.out, 0, NULL), "an ID card, phone or birth day is left");
  ck_assert_ptr_nonnull (strstr (r.out, " born=\""));
  run_clear (&r);
}
END_TEST


/* ---- plans: apply, log, the one-operation shortcuts ------------------------ */

/* A private copy of a sample in a new folder; g_free() both. */
static char *
copy_sample (const char *name, char **dir)
{
  g_autofree char *rel = g_build_filename ("examples/data", name, NULL);
  g_autofree char *src = tu_srcpath (rel);
  g_autofree char *text = tu_read_file (src);
  GError *error = NULL;
  char *path;

  *dir = g_dir_make_tmp ("pbo-plan-XXXXXX", &error);
  ck_assert_ptr_nonnull (*dir);
  path = g_build_filename (*dir, name, NULL);
  ck_assert (g_file_set_contents (path, text, -1, &error));
  return path;
}

/* The folder holds exactly @n files: a crash-safe save leaves no temporary. */
static void
assert_n_files (const char *dir, guint n)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  guint count = 0;

  ck_assert_ptr_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    count++;
  g_dir_close (d);
  ck_assert_uint_eq (count, n);
}


/* @file still holds @original, and @dir only @n files: nothing written. */
static void
assert_untouched (const char *file, const char *original, const char *dir, guint n)
{
  g_autofree char *now = tu_read_file (file);

  ck_assert_msg (strcmp (now, original) == 0, "%s changed", file);
  assert_n_files (dir, n);
}

/* `pbo stats FILE --format csv [--org ORG]` holds @row. */
static void
assert_stats_row (const char *file, const char *org, const char *row)
{
  Run r = org != NULL ? run_pbo ("stats", file, "--format", "csv", "--org", org, NULL)
                      : run_pbo ("stats", file, "--format", "csv", NULL);

  ck_assert_int_eq (r.status, 0);
  ck_assert_msg (strstr (r.out, row) != NULL, "no row “%s” in:\n%s", row, r.out);
  run_clear (&r);
}

static char *
plan_path (const char *name)
{
  g_autofree char *rel = g_build_filename ("examples/data", name, NULL);
  return tu_srcpath (rel);
}

/* Seed 002: a dry run writes nothing; then the file is rewritten in place,
 * 9 → 12 orgs below jh-hb. */
START_TEST (test_apply_jianghai)
{
  char *dir = NULL;
  g_autofree char *file = copy_sample ("jianghai.xml", &dir);
  g_autofree char *original = tu_read_file (file);
  g_autofree char *plan = plan_path ("jianghai-plan.xml");
  Run r = run_pbo ("apply", file, plan, "--dry-run", NULL);

  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, "\ndry run: "));
  run_clear (&r);
  assert_untouched (file, original, dir, 1);
  r = run_pbo ("apply", file, plan, NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_ptr_nonnull (strstr (r.out, "16 operations applied: journal entries 1 to 16"));
  ck_assert_ptr_nonnull (strstr (r.out, "     46      52  江海区中西医结合医院党总支 (jh-zxy)\n"));
  ck_assert_ptr_nonnull (strstr (r.out, "      -       9  退休党支部 (jh-zxy-tx)\n"));
  run_clear (&r);
  assert_n_files (dir, 1);
  /* committees + general branches + branches + groups below jh-hb: 0 + 1 + 11 + 0 */
  assert_stats_row (file, NULL, "jh-hb,committee,江门市江海区卫生健康局党组,8,0,1,11,0,127,");
  assert_stats_row (file, "jh-zxy", "jh-zxy,general-branch,江海区中西医结合医院党总支,4,0,0,4,0,52,");
  tu_remove_dir (dir);
}
END_TEST

/* Seed 000 to another file: 51, 31, 15, 680. Then the journal. */
START_TEST (test_apply_wujiang_and_log)
{
  char *dir = NULL;
  g_autofree char *file = copy_sample ("wujiang-2014.xml", &dir);
  g_autofree char *original = tu_read_file (file);
  g_autofree char *out = g_build_filename (dir, "wujiang-2015.xml", NULL);
  g_autofree char *plan = plan_path ("wujiang-plan.xml");
  g_autofree char *unchanged = NULL;
  Run r = run_pbo ("apply", file, plan, "-o", out, NULL);

  ck_assert_msg (r.status == 0, "%s", r.err);
  run_clear (&r);
  unchanged = tu_read_file (file);
  ck_assert_str_eq (unchanged, original);
  assert_n_files (dir, 2);
  assert_stats_row (out, NULL, "wj-wjw,committee,吴江区卫生和计划生育委员会党委,10,1,0,17,0,680,");
  assert_stats_row (out, "wj-wsj-jg", "卫计委机关党支部,0,0,0,0,0,51,50,1,51,0\n");
  assert_stats_row (out, "wj-wsj-lt", "卫计委离退休党支部,0,0,0,0,0,31,31,0,0,31\n");
  assert_stats_row (out, "wj-fbs", "吴江区妇保所党支部,0,0,0,0,0,15,");

  r = run_pbo ("log", out, NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, "#4   2015-01-20  merge         wj-jsw  to wj-wsj-jg  "
                                        "(组建吴江区卫生和计划生育委员会党委; 中共苏州市吴江区委组织部)\n"
                                        "     vacated wj-jsw:secretary:wj0642 "));
  ck_assert_ptr_nonnull (strstr (r.out, "#9   2015-01-20  appoint       wj0642  to wj-wjw  "
                                        "[deputy-secretary]"));
  run_clear (&r);
  r = run_pbo ("log", out, "--format", "csv", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert (g_str_has_prefix (r.out, "seq,date,op,subjects,from,to,detail,reason,operator,vacated\n"
                                      "1,2015-01-20,create-org,wj-wjw,,,,组建吴江区卫生和计划生育委员会党委,"
                                      "中共苏州市吴江区委组织部,\n"
                                      "2,2015-01-20,transfer,wj0664 wj0665 wj0666 wj0667 wj0668,"
                                      "wj-jsw,wj-fbs,,"));
  run_clear (&r);
  r = run_pbo ("log", file, NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.out, "");
  run_clear (&r);
  tu_remove_dir (dir);
}
END_TEST

/* Refused plans exit 2, name the operation and its place, write nothing. */
START_TEST (test_apply_refused)
{
  static const char *const plans[][2] = {
    /* an org under its own descendant */
    { "<plan xmlns=\"urn:libpbo:1\">\n  <rename org=\"jh-zxy\" name=\"改名\"/>\n"
      "  <move org=\"jh-hb\" to=\"jh-zxy\"/>\n</plan>\n",
      ":3:32: move: cannot move org “jh-hb” under “jh-zxy”" },
    { "<plan xmlns=\"urn:libpbo:1\">\n  <transfer to=\"jh-jg\">\n    <member id=\"m0013\"/>\n"
      "    <member id=\"m9\"/>\n  </transfer>\n</plan>\n",
      ":2:23: transfer: member “m9” is not in the tree" },
    /* not a valid plan: refused before the tree is read */
    { "<plan xmlns=\"urn:libpbo:1\">\n  <elevate org=\"jh-jg\"/>\n</plan>\n",
      ":2:23: <elevate> is not an operation of a plan" },
    { "<!DOCTYPE plan>\n<plan xmlns=\"urn:libpbo:1\"/>\n", ": DOCTYPE is not allowed" },
    /* recruitment: an activist cannot be admitted, nor promoted too early */
    { "<plan xmlns=\"urn:libpbo:1\">\n  <admit recruit=\"jh-zxy-r2\"/>\n</plan>\n",
      ":2:29: admit: recruit “jh-zxy-r2” is not a candidate" },
    { "<plan xmlns=\"urn:libpbo:1\" date=\"2024-04-17\">\n"
      "  <promote recruit=\"jh-zxy-r3\" stage=\"candidate\"/>\n</plan>\n",
      ":2:49: promote: recruit “jh-zxy-r3”: has been an activist for less than a year on 2024-04-17" },
  };
  char *dir = NULL;
  g_autofree char *file = copy_sample ("jianghai.xml", &dir);
  g_autofree char *original = tu_read_file (file);
  g_autofree char *plan = g_build_filename (dir, "plan.xml", NULL);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      Run r;
      ck_assert (g_file_set_contents (plan, plans[i][0], -1, NULL));
      r = run_pbo ("apply", file, plan, NULL);
      ck_assert_int_eq (r.status, 2);
      ck_assert_msg (strstr (r.err, plans[i][1]) != NULL, "case %u: %s", i, r.err);
      ck_assert_ptr_nonnull (strstr (r.err, plan));
      ck_assert_str_eq (r.out, "");
      run_clear (&r);
      assert_untouched (file, original, dir, 2);
    }
  tu_remove_dir (dir);
}
END_TEST

/* pbo recruits lists each recruit's next step; after the recruitment plan
 * the candidate is a member and the activist a candidate. */
START_TEST (test_recruits)
{
  char *dir = NULL;
  g_autofree char *file = copy_sample ("jianghai.xml", &dir);
  g_autofree char *plan = tu_srcpath ("examples/data/jianghai-recruitment-plan.xml");
  g_autofree char *after = g_build_filename (dir, "after.xml", NULL);
  Run r = run_pbo ("recruits", file, "--on", "2023-12-31", "--format", "csv", NULL);

  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.out,
    "branch,id,name,stage,applied,activist-since,candidate-since,next,eligible-on,ready\n"
    "jh-zxy,jh-zxy-r1,陈嘉怡,candidate,2021-05-10,2021-09-01,2022-09-15,admission,2022-09-15,yes\n"
    "jh-zxy,jh-zxy-r2,黄志强,activist,2022-03-08,2022-10-20,,candidate,2023-10-20,yes\n"
    "jh-zxy,jh-zxy-r3,李婉婷,activist,2023-01-05,2023-04-18,,candidate,2024-04-18,no\n"
    "jh-zxy,jh-zxy-r4,梁俊杰,applicant,2023-05-20,,,activist,2023-05-20,yes\n"
    "jh-zxy,jh-zxy-r5,吴雪梅,applicant,2023-06-02,,,activist,2023-06-02,yes\n");
  run_clear (&r);
  r = run_pbo ("recruits", file, "--on", "2023-12-31", "--org", "jh-jg", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.out, "");
  run_clear (&r);
  r = run_pbo ("recruits", file, "--on", "2023-13-01", NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);

  r = run_pbo ("apply", file, plan, "-o", after, NULL);
  ck_assert_int_eq (r.status, 0);
  run_clear (&r);
  r = run_pbo ("recruits", after, "--on", "2023-12-31", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_null (strstr (r.out, "jh-zxy-r1"));
  ck_assert_ptr_nonnull (strstr (r.out, "jh-zxy jh-zxy-r2 黄志强 candidate (applied 2022-03-08, "
                                        "activist 2022-10-20, candidate 2023-11-20): admission "
                                        "from 2023-11-20, ready\n"));
  run_clear (&r);
  r = run_pbo ("check", after, "--on", "2023-12-31", "--format", "csv", NULL);
  ck_assert_ptr_null (strstr (r.out, "PBO-R00"));
  run_clear (&r);
  tu_remove_dir (dir);
}
END_TEST

/* transfer, move and merge build the operation a plan would hold. */
START_TEST (test_shortcuts)
{
  char *dir = NULL;
  g_autofree char *file = copy_sample ("jianghai.xml", &dir);
  g_autofree char *original = NULL;
  Run r = run_pbo ("transfer", file, "--to", "jh-jg", "m0013", "m0014", "--date", "2024-01-02",
                   "--reason", "调动", NULL);

  ck_assert_msg (r.status == 0, "%s", r.err);
  run_clear (&r);
  assert_stats_row (file, "jh-jg", "jh-jg,branch,江海区卫生健康局机关党支部,0,0,0,0,0,14,");
  r = run_pbo ("transfer", file, "--to", "jh-jg", "--from", "jh-zxy", "--department", "行政",
               NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  run_clear (&r);
  assert_stats_row (file, "jh-jg", "jh-jg,branch,江海区卫生健康局机关党支部,0,0,0,0,0,18,");
  r = run_pbo ("merge", file, "--into", "jh-wh", "jh-ly", "jh-jn", "--name", "街道联合党支部",
               NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  run_clear (&r);
  assert_stats_row (file, "jh-wh", "jh-wh,branch,街道联合党支部,0,0,0,0,0,26,");
  r = run_pbo ("log", file, NULL);
  ck_assert_ptr_nonnull (strstr (r.out, "#1   2024-01-02  transfer      m0013 m0014  to jh-jg  (调动)\n"));
  ck_assert_ptr_nonnull (strstr (r.out, "#4   "));
  ck_assert_ptr_nonnull (strstr (r.out, " rename "));
  run_clear (&r);

  /* Refusals: nothing written. */
  original = tu_read_file (file);
  r = run_pbo ("move", file, "jh-hb", "--to", "jh-zxy", NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "move: cannot move org “jh-hb”"));
  run_clear (&r);
  r = run_pbo ("transfer", file, "--to", "jh-jg", "m0015", "nobody", NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "transfer: member “nobody” is not in the tree"));
  run_clear (&r);
  r = run_pbo ("transfer", file, "m0015", NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
  r = run_pbo ("move", file, "jh-lyy", "--to", "jh-zxy", "--dry-run", NULL);
  ck_assert_int_eq (r.status, 2);   /* a branch cannot hold a branch */
  run_clear (&r);
  assert_untouched (file, original, dir, 1);
  tu_remove_dir (dir);
}
END_TEST

/* Issue 12: the plan `pbo diff --format plan` writes for a retirement
 * (update-member employment="retired") applies, and leaves no difference. */
START_TEST (test_diff_plan_of_retirement_applies)
{
  char *dir = NULL;
  g_autofree char *file = copy_sample ("jianghai.xml", &dir);
  g_autofree char *text = tu_read_file (file);
  g_autofree char *new_path = g_build_filename (dir, "new.xml", NULL);
  g_autofree char *plan_path = g_build_filename (dir, "plan.xml", NULL);
  g_autofree char *out_path = g_build_filename (dir, "out.xml", NULL);
  g_autoptr (GString) retired = g_string_new (text);
  const char *m = strstr (retired->str, "<member id=\"m0013\"");
  gsize at = (gsize) (strstr (m, "employment=\"in-service\"") - retired->str);
  Run r;

  g_string_erase (retired, (gssize) at, strlen ("employment=\"in-service\""));
  g_string_insert (retired, (gssize) at, "employment=\"retired\"");
  ck_assert (g_file_set_contents (new_path, retired->str, -1, NULL));
  r = run_pbo ("diff", file, new_path, "--format", "plan", NULL);
  ck_assert_int_eq (r.status, 1);
  ck_assert_ptr_nonnull (strstr (r.out, "<update-member id=\"m0013\" employment=\"retired\"/>"));
  ck_assert (g_file_set_contents (plan_path, r.out, -1, NULL));
  run_clear (&r);
  r = run_pbo ("apply", file, plan_path, "-o", out_path, NULL);
  ck_assert_msg (r.status == 0, "%s", r.err);
  run_clear (&r);
  r = run_pbo ("diff", out_path, new_path, NULL);
  ck_assert_msg (r.status == 0, "%s", r.out);
  run_clear (&r);
  tu_remove_dir (dir);
}
END_TEST

/* Issue 12: what would save a file the loader refuses is refused with exit
 * 2 and the file untouched: a plan of 300 nested create-org (deeper than
 * PBO_MAX_DEPTH), an operation after journal entry 4294967295. */
START_TEST (test_refused_past_the_limits)
{
  char *dir = NULL;
  g_autofree char *file = copy_sample ("jianghai.xml", &dir);
  g_autofree char *plan_path = g_build_filename (dir, "plan.xml", NULL);
  g_autofree char *original = NULL, *full = NULL;
  g_autoptr (GString) plan = g_string_new ("<plan xmlns=\"urn:libpbo:1\">\n");
  guint i;
  Run r;

  for (i = 0; i < 300; i++)
    {
      g_autofree char *parent = i > 0 ? g_strdup_printf ("n%u", i - 1) : g_strdup ("jh-hb");
      g_string_append_printf (plan, "<create-org id=\"n%u\" kind=\"committee\" name=\"委\" "
                              "parent=\"%s\"/>\n", i, parent);
    }
  g_string_append (plan, "</plan>\n");
  ck_assert (g_file_set_contents (plan_path, plan->str, -1, NULL));
  original = tu_read_file (file);
  r = run_pbo ("apply", file, plan_path, NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_msg (strstr (r.err, "levels deep") != NULL, "%s", r.err);
  run_clear (&r);
  assert_untouched (file, original, dir, 2);

  /* A journal at its last number. */
  full = g_strdup (original);
  {
    g_autoptr (GString) s = g_string_new (full);
    g_string_replace (s, "\n</pbo>\n", "\n  <journal>\n    <entry seq=\"4294967295\" "
                      "date=\"2024-01-01\" op=\"rename\">\n      <subject id=\"jh-hb\"/>\n"
                      "    </entry>\n  </journal>\n</pbo>\n", 1);
    ck_assert (g_file_set_contents (file, s->str, -1, NULL));
  }
  g_free (original);
  original = tu_read_file (file);
  r = run_pbo ("transfer", file, "--to", "jh-jg", "m0013", NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert_msg (strstr (r.err, "4294967295") != NULL, "%s", r.err);
  run_clear (&r);
  assert_untouched (file, original, dir, 2);
  tu_remove_dir (dir);
}
END_TEST

/* Issue 12: a value the tool accepts must save to a file that loads. A
 * CSV name or a --reason holding U+FFFF or U+FFFE (valid UTF-8, not an
 * XML character) is refused, the file untouched; a name or --operator of
 * 1,000 '&' (1,000 bytes, 5,000 as "&amp;" in the file) is accepted and
 * the file loads again. */
static const struct {
  gboolean    csv;        /* import-csv of a row named @value, else transfer --@option @value */
  const char *option;
  const char *value;      /* "&" × 1000 when NULL */
  int         status;
} saved_values[] = {
  { TRUE, NULL, "王\xEF\xBF\xBF", 2 },
  { FALSE, "--reason", "调动\xEF\xBF\xBE", 2 },
  { FALSE, "--operator", "\xEF\xBF\xBF", 2 },
  { TRUE, NULL, NULL, 0 },
  { FALSE, "--operator", NULL, 0 },
};

START_TEST (test_accepted_values_load_again)
{
  char *dir = NULL;
  g_autofree char *file = copy_sample ("jianghai.xml", &dir);
  g_autofree char *original = tu_read_file (file);
  g_autofree char *amps = g_strnfill (1000, '&');
  g_autofree char *csv = g_build_filename (dir, "members.csv", NULL);
  g_autofree char *row = NULL;
  const char *value = saved_values[_i].value != NULL ? saved_values[_i].value : amps;
  Run r;

  if (saved_values[_i].csv)
    {
      row = g_strdup_printf ("id,name,status,employment,joined\n"
                             "x1,%s,probationary,in-service,2024-01-02\n", value);
      ck_assert (g_file_set_contents (csv, row, -1, NULL));
      r = run_pbo ("import-csv", file, "--branch", "jh-jg", csv, NULL);
    }
  else
    r = run_pbo ("transfer", file, "--to", "jh-jg", "m0013", saved_values[_i].option, value,
                 NULL);
  ck_assert_msg (r.status == saved_values[_i].status, "%d: %s", r.status, r.err);
  run_clear (&r);
  if (saved_values[_i].status != 0)
    assert_untouched (file, original, dir, 1 + saved_values[_i].csv);
  else
    {
      r = run_pbo ("validate", file, NULL);
      ck_assert_msg (r.status == 0, "the saved file does not load: %s", r.err);
      run_clear (&r);
    }
  tu_remove_dir (dir);
}
END_TEST

/* pbo report --format html: the page on stdout and with -o, its figures,
 * --redact; refused options and dates exit 2 and write nothing. */
START_TEST (test_report_html)
{
  g_autofree char *file = tu_srcpath ("examples/data/jianghai.xml");
  g_autofree char *dir = g_dir_make_tmp ("pbo-html-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "report.html", NULL);
  g_autofree char *page = NULL;
  Run r = run_pbo ("report", file, "--format", "html", "--on", "2024-06-30", NULL);

  ck_assert_int_eq (r.status, 0);
  ck_assert (g_str_has_prefix (r.out, "<!DOCTYPE html>"));
  ck_assert_ptr_nonnull (strstr (r.out, "data-figure=\"members.all\">127<"));
  ck_assert_ptr_nonnull (strstr (r.out, "陈嘉怡"));
  run_clear (&r);
  r = run_pbo ("report", file, "--format", "html", "--on", "2024-06-30", "--redact", "-o", out, NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_str_eq (r.out, "");
  ck_assert (g_file_get_contents (out, &page, NULL, NULL));
  ck_assert_ptr_nonnull (strstr (page, "</html>"));
  ck_assert_ptr_null (strstr (page, "陈嘉怡"));
  run_clear (&r);
  g_unlink (out);
  r = run_pbo ("report", file, "--format", "html", "--on", "2024-13-01", "-o", out, NULL);
  ck_assert_int_eq (r.status, 2);
  ck_assert (!g_file_test (out, G_FILE_TEST_EXISTS));
  run_clear (&r);
  r = run_pbo ("report", file, "--format", "pdf", NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
  g_rmdir (dir);
}
END_TEST

/* pbo combine: seed 001 cut into its 12 units with `pbo export --org` and
 * combined again gives the city's figures; an id in two files is refused
 * with both positions and no output; --prefix-ids combines them. */
START_TEST (test_combine)
{
  static const char *const units[] = { "ch-rmyy", "ch-ey", "ch-sy", "ch-zyy", "ch-wy", "ch-ykyy",
                                       "ch-fy", "ch-sry", "ch-cdc", "ch-xz", "ch-jjzx", "ch-wjzd" };
  g_autofree char *city = tu_srcpath ("examples/data/city-health.xml");
  g_autofree char *dir = g_dir_make_tmp ("pbo-combine-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "city.xml", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *std_out = NULL, *std_err = NULL, *csv = NULL;
  int wait_status = 0;
  Run r;
  const char *head[] = { g_getenv ("PBO_CLI"), "combine", "-o", out, "--id", "c1", "--kind",
                         "committee", "--name", "市卫生健康委直属单位党委" };

  for (gsize i = 0; i < G_N_ELEMENTS (head); i++)
    g_ptr_array_add (argv, g_strdup (head[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    {
      char *unit = g_strdup_printf ("%s/%s.xml", dir, units[i]);

      r = run_pbo ("export", city, "--org", units[i], "-o", unit, NULL);
      ck_assert_int_eq (r.status, 0);
      run_clear (&r);
      g_ptr_array_add (argv, unit);
    }
  g_ptr_array_add (argv, NULL);
  ck_assert (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                           &std_out, &std_err, &wait_status, &error));
  ck_assert_msg (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0, "%s", std_err);
  r = run_pbo ("report", out, "--format", "csv", NULL);
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, "orgs,branch,144\n"));
  ck_assert_ptr_nonnull (strstr (r.out, "units,all,12\nunits,committee,6\nunits,general-branch,3\n"
                                        "units,branch,3\n"));
  ck_assert_ptr_nonnull (strstr (r.out, "members,all,3151\n"));
  ck_assert_ptr_nonnull (strstr (r.out, "employment,in-service,2411\nemployment,retired,740\n"));
  run_clear (&r);

  /* The same unit twice: refused with both positions, nothing written. */
  g_unlink (out);
  r = run_pbo ("combine", "-o", out, "--id", "c1", "--kind", "committee", "--name", "X",
               argv->pdata[10], argv->pdata[10], NULL);
  ck_assert_int_eq (r.status, 2);
  csv = g_strdup_printf ("%s:3:8: the id “ch-rmyy” is also used at %s:3:8\n",
                         (char *) argv->pdata[10], (char *) argv->pdata[10]);
  ck_assert_msg (g_str_has_prefix (r.err, csv), "%s", r.err);
  ck_assert (!g_file_test (out, G_FILE_TEST_EXISTS));
  run_clear (&r);
  /* --prefix-ids needs distinct file names: the same file twice still clashes. */
  r = run_pbo ("combine", "-o", out, "--id", "c1", "--kind", "committee", "--name", "X",
               "--prefix-ids", argv->pdata[10], argv->pdata[11], NULL);
  ck_assert_int_eq (r.status, 0);
  run_clear (&r);
  r = run_pbo ("tree", out, NULL);
  ck_assert_ptr_nonnull (strstr (r.out, "(ch-rmyy.ch-rmyy)"));
  run_clear (&r);
  r = run_pbo ("combine", "-o", out, "--id", "c1", "--name", "X", argv->pdata[10], NULL);
  ck_assert_int_eq (r.status, 2);
  run_clear (&r);
  tu_remove_dir (g_steal_pointer (&dir));
}
END_TEST

static Suite *
cli_suite (void)
{
  Suite *s = suite_create ("cli");
  TCase *tc = tcase_create ("pbo");

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_usage);
  tcase_add_test (tc, test_stats_csv);
  tcase_add_test (tc, test_tree_aligned);
  tcase_add_test (tc, test_validate_and_errors);
  tcase_add_test (tc, test_export);
  tcase_add_test (tc, test_diff);
  tcase_add_test (tc, test_export_to_file);
  tcase_add_test (tc, test_stats_all);
  tcase_add_test (tc, test_export_dot);
  tcase_add_test (tc, test_import_csv);
  tcase_add_test (tc, test_import_csv_gb18030_bad_rows);
  tcase_add_test (tc, test_no_progress_on_a_pipe);
  tcase_add_test (tc, test_progress_on_a_terminal);
  tcase_add_test (tc, test_export_redact_sample);
  tcase_add_test (tc, test_apply_jianghai);
  tcase_add_test (tc, test_apply_wujiang_and_log);
  tcase_add_test (tc, test_apply_refused);
  tcase_add_test (tc, test_shortcuts);
  tcase_add_test (tc, test_recruits);
  tcase_add_test (tc, test_diff_plan_of_retirement_applies);
  tcase_add_test (tc, test_refused_past_the_limits);
  tcase_add_loop_test (tc, test_accepted_values_load_again, 0, G_N_ELEMENTS (saved_values));
  tcase_add_test (tc, test_report_html);
  tcase_add_test (tc, test_combine);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (cli_suite ());
}
