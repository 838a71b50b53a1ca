/* Check suite: the pbo command-line tool, run as a real process. */
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include "testutil.h"
#include "../examples/pbo/pbo-cli.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

/* Runs "pbo ARGS…" (NULL-terminated) and collects its exit status and output. */
static Run
run_pbo (const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  const char *arg;
  va_list ap;
  Run r = { 0 };
  int wait_status = 0;

  g_ptr_array_add (argv, g_strdup (g_getenv ("PBO_CLI")));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  ck_assert_msg (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error),
                 "spawn: %s", error ? error->message : "");
  ck_assert (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static char *
data (const char *name)
{
  g_autofree char *rel = g_build_filename ("tests/data/cli", name, NULL);
  return tu_srcpath (rel);
}

static char *
write_temp (const char *contents)
{
  GError *error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("pbo-cli-XXXXXX.xml", &path, &error);

  ck_assert_int_ge (fd, 0);
  close (fd);
  ck_assert (g_file_set_contents (path, contents, -1, &error));
  return path;
}

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
  tcase_add_test (tc, test_export_redact_sample);
  tcase_add_test (tc, test_export_to_file);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (cli_suite ());
}
