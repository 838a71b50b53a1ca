/* Check suite: where pbo's outputs go (-o through the safe writer, "-" for
 * standard output) and the lock of in-place rewrites, run as shell
 * scripts around the real binary ($PBO_CLI) in a scratch folder holding
 * small.xml (tests/data/cli/). */
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include "testutil.h"

typedef struct {
  char *dir;     /* the scratch folder, the scripts' working directory */
  char *file;    /* dir/small.xml */
  int   status;  /* of the last script */
  char *out;
  char *err;
} Scratch;

static void
scratch_init (Scratch *s)
{
  g_autofree char *src = tu_srcpath ("tests/data/cli/small.xml");
  g_autofree char *doc = tu_read_file (src);

  s->dir = g_dir_make_tmp ("pbo-cli-write-XXXXXX", NULL);
  ck_assert (s->dir != NULL);
  s->file = g_build_filename (s->dir, "small.xml", NULL);
  ck_assert (g_file_set_contents (s->file, doc, -1, NULL));
  s->out = s->err = NULL;
}

/* Runs @script with sh in the scratch folder ($PBO_CLI names pbo). */
static int
sh (Scratch *s, const char *script)
{
  const char *argv[] = { "/bin/sh", "-c", script, NULL };
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  g_clear_pointer (&s->out, g_free);
  g_clear_pointer (&s->err, g_free);
  ck_assert_msg (g_spawn_sync (s->dir, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &s->out,
                               &s->err, &wait_status, &error),
                 "spawn: %s", error != NULL ? error->message : "");
  ck_assert (WIFEXITED (wait_status));
  s->status = WEXITSTATUS (wait_status);
  return s->status;
}

static void
scratch_clear (Scratch *s)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", s->dir);

  ck_assert_int_eq (system (cmd), 0);
  g_free (s->dir);
  g_free (s->file);
  g_free (s->out);
  g_free (s->err);
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;
  const char *p;

  for (p = haystack; (p = strstr (p, needle)) != NULL; p++)
    n++;
  return n;
}

/* export --format csv -o over a private file: still 0600 (1.0 left 0644
 * with the ID-card numbers inside), owner and group kept (as root). */
START_TEST (test_csv_output_stays_private)
{
  Scratch s;

  scratch_init (&s);
  sh (&s, "touch ids.csv && chmod 600 ids.csv && { [ $(id -u) != 0 ] || chown 1000:2000 ids.csv; }"
          " && \"$PBO_CLI\" export small.xml --format csv -o ids.csv && stat -c '%a %u:%g' ids.csv"
          " && grep -c 44078519750302123X ids.csv");
  ck_assert_int_eq (s.status, 0);
  if (geteuid () == 0)
    ck_assert_str_eq (s.out, "600 1000:2000\n1\n");
  else
    ck_assert (g_str_has_prefix (s.out, "600 "));
  scratch_clear (&s);
}
END_TEST

/* -o through a link writes the target; the link stays. */
START_TEST (test_output_through_symlink)
{
  Scratch s;

  scratch_init (&s);
  sh (&s, "ln -s small.xml link.xml && \"$PBO_CLI\" move link.xml b9 --to g1 --date 2024-01-01"
          " > /dev/null && [ -L link.xml ] && grep -c 'op=\"move\"' small.xml");
  ck_assert_msg (s.status == 0, "%s", s.err);
  ck_assert_str_eq (s.out, "1\n");
  scratch_clear (&s);
}
END_TEST

/* -o FIFO: the reader gets the chart, the FIFO stays a FIFO (1.0 replaced
 * it with a regular file). */
START_TEST (test_output_into_fifo)
{
  Scratch s;

  scratch_init (&s);
  sh (&s, "mkfifo chart && { cat chart > got.dot & } && \"$PBO_CLI\" export small.xml "
          "--format dot -o chart && wait && [ -p chart ] && head -c 7 got.dot");
  ck_assert_msg (s.status == 0, "%s", s.err);
  ck_assert_str_eq (s.out, "digraph");
  sh (&s, "\"$PBO_CLI\" export small.xml --format csv -o /dev/null && [ -c /dev/null ]");
  ck_assert_int_eq (s.status, 0);
  scratch_clear (&s);
}
END_TEST

/* -o - writes to standard output in every command that takes -o; apply's
 * summary then goes to standard error. */
START_TEST (test_output_dash)
{
  Scratch s;

  scratch_init (&s);
  ck_assert_int_eq (sh (&s, "\"$PBO_CLI\" export small.xml -o - | cmp - small.xml"), 0);
  ck_assert_int_eq (sh (&s, "\"$PBO_CLI\" export small.xml -f csv -o - | head -c 8"), 0);
  ck_assert_str_eq (s.out, "id,name,");
  ck_assert_int_eq (sh (&s, "\"$PBO_CLI\" move small.xml b9 --to g1 -o - --date 2024-01-01"), 0);
  ck_assert (g_str_has_prefix (s.out, "<?xml"));
  ck_assert_ptr_nonnull (strstr (s.err, "BEFORE"));
  ck_assert_int_eq (sh (&s, "printf 'id,name,status,employment,joined,full_since\\n"
                            "x1,A,full,in-service,2001-01-01,2002-01-01\\n' > m.csv && "
                            "\"$PBO_CLI\" import-csv small.xml --branch b1 m.csv -o - "
                            "| grep -c '<member id=\"x1\"'"), 0);
  ck_assert_str_eq (s.out, "1\n");
  /* The file itself is untouched by all of these. */
  ck_assert_int_eq (sh (&s, "grep -c x1 small.xml"), 1);
  scratch_clear (&s);
}
END_TEST

/* Concurrent in-place rewrites never lose a change (1.0: both exited 0
 * and one change was lost, 15 trials of 15): eight applies and four
 * imports at once, serialised by the lock (--lock-timeout 300: under a
 * sanitizer on a busy machine twelve rewrites can take longer than the
 * default 10 s, and the test failed then). */
START_TEST (test_concurrent_applies)
{
  Scratch s;

  scratch_init (&s);
  sh (&s, "for i in 1 2 3 4 5 6 7 8; do printf '<plan xmlns=\"urn:libpbo:1\"><add-member "
          "to=\"b1\"><member id=\"n%s\" name=\"N\" status=\"probationary\" "
          "employment=\"in-service\" joined=\"2024-01-01\"/></add-member></plan>' $i > p$i.xml; "
          "done; for i in 1 2 3 4; do printf 'id,name,status,employment,joined\\n"
          "i%s,I,probationary,in-service,2024-01-01\\n' $i > m$i.csv; done; "
          "for i in 1 2 3 4 5 6 7 8; do \"$PBO_CLI\" apply small.xml p$i.xml "
          "--date 2024-06-01 --lock-timeout 300 > /dev/null || echo failed & done; "
          "for i in 1 2 3 4; do \"$PBO_CLI\" import-csv small.xml -b b1 m$i.csv "
          "--lock-timeout 300 2> /dev/null "
          "|| echo failed & done; wait; "
          "grep -c '<member id=\"[ni]' small.xml; ls -a | grep -c '^\\.pbo-'");
  ck_assert_msg (strstr (s.out, "failed") == NULL, "%s", s.err);
  ck_assert_str_eq (s.out, "12\n0\n");
  scratch_clear (&s);
}
END_TEST

/* A held lock: the second rewrite waits --lock-timeout, then exits 2 and
 * changes nothing. */
START_TEST (test_lock_timeout)
{
  Scratch s;
  GError *error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  PboFileLock *lock;

  scratch_init (&s);
  before = tu_read_file (s.file);
  lock = pbo_file_lock_acquire (s.file, 0, &error);
  ck_assert_no_error (error);
  sh (&s, "\"$PBO_CLI\" move small.xml b9 --to g1 --lock-timeout 0.2");
  ck_assert_int_eq (s.status, 2);
  ck_assert_ptr_nonnull (strstr (s.err, "--lock-timeout"));
  sh (&s, "printf 'id,name\\n' > m.csv; \"$PBO_CLI\" import-csv small.xml m.csv --lock-timeout 0");
  ck_assert_int_eq (s.status, 2);
  ck_assert_ptr_nonnull (strstr (s.err, "another program"));
  /* -o elsewhere and --dry-run do not rewrite FILE: no lock needed. */
  ck_assert_int_eq (sh (&s, "\"$PBO_CLI\" move small.xml b9 --to g1 -o out.xml"), 0);
  ck_assert_int_eq (sh (&s, "\"$PBO_CLI\" move small.xml b9 --to g1 -n"), 0);
  after = tu_read_file (s.file);
  ck_assert_str_eq (after, before);
  pbo_file_lock_release (lock);
  ck_assert_int_eq (sh (&s, "\"$PBO_CLI\" move small.xml b9 --to g1 --lock-timeout x"), 2);
  ck_assert_int_eq (sh (&s, "\"$PBO_CLI\" move small.xml b9 --to g1 --lock-timeout 0"), 0);
  scratch_clear (&s);
}
END_TEST

/* The longest file name: rewritten in place (1.0 could not: its temporary
 * name was past NAME_MAX). */
START_TEST (test_longest_name_rewritten)
{
  Scratch s;

  scratch_init (&s);
  sh (&s, "n=$(printf '%0247d.xml' 0) && cp small.xml $n && "
          "\"$PBO_CLI\" move $n b9 --to g1 > /dev/null && grep -c 'op=\"move\"' $n");
  ck_assert_msg (s.status == 0, "%s", s.err);
  ck_assert_str_eq (s.out, "1\n");
  scratch_clear (&s);
}
END_TEST

/* --max-size refuses a larger input with exit 2 before loading it; by
 * default the limit is the memory available (far above small.xml). */
START_TEST (test_max_size)
{
  Scratch s;

  scratch_init (&s);
  ck_assert_int_eq (sh (&s, "\"$PBO_CLI\" stats small.xml --max-size 100"), 2);
  ck_assert_ptr_nonnull (strstr (s.err, "more than the limit of 100"));
  ck_assert_int_eq (sh (&s, "\"$PBO_CLI\" stats small.xml --max-size 0 > /dev/null"), 0);
  ck_assert_int_eq (sh (&s, "\"$PBO_CLI\" stats small.xml > /dev/null"), 0);
  ck_assert_int_eq (sh (&s, "\"$PBO_CLI\" stats small.xml --max-size -5"), 2);
  ck_assert_uint_eq (count (s.err, "--max-size"), 1);
  scratch_clear (&s);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("cli-write");
  TCase *tc = tcase_create ("output");

  tcase_add_test (tc, test_csv_output_stays_private);
  tcase_add_test (tc, test_output_through_symlink);
  tcase_add_test (tc, test_output_into_fifo);
  tcase_add_test (tc, test_output_dash);
  tcase_add_test (tc, test_concurrent_applies);
  tcase_add_test (tc, test_lock_timeout);
  tcase_add_test (tc, test_longest_name_rewritten);
  tcase_add_test (tc, test_max_size);
  suite_add_tcase (s, tc);
  return tu_run (s);
}
