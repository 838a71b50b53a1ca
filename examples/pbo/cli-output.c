/* pbo — where the subcommands' results go: every output file through the
 * library's safe writer (<pbo/file.h>: links followed, devices written in
 * place, owner and mode kept, atomic rename), "-" for standard output, and
 * the lock that keeps two in-place rewrites of one file from losing one.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "pbo-cli.h"

const char *const cli_lock_timeout_help =
  N_("Wait up to SECONDS for another program changing FILE to finish (default 10)");

static gboolean
is_stdout (const char *path)
{
  return path == NULL || strcmp (path, "-") == 0;
}

PboFileWriter *
cli_output_open (const char *path)
{
  g_autoptr (GError) error = NULL;
  PboFileWriter *w;

  if (is_stdout (path))
    {
      /* What stdio holds goes out first: the writer uses the descriptor. */
      fflush (stdout);
      return pbo_file_writer_new_fd (STDOUT_FILENO, "<stdout>");
    }
  w = pbo_file_writer_new (path, PBO_FILE_WRITE_NONE, &error);
  if (w == NULL)
    fprintf (stderr, "%s\n", error->message);
  return w;
}

gboolean
cli_output_close (PboFileWriter *w)
{
  g_autoptr (GError) error = NULL;

  if (pbo_file_writer_commit (w, &error))
    return TRUE;
  fprintf (stderr, "%s\n", error->message);
  return FALSE;
}

gboolean
cli_output_write_block (PboFileWriter *w, GString *out)
{
  if (out->len < CLI_OUTPUT_BLOCK)
    return TRUE;
  /* A failed write is reported by cli_output_close(). */
  if (!pbo_file_writer_write (w, out->str, out->len))
    return FALSE;
  g_string_truncate (out, 0);
  return TRUE;
}

gboolean
cli_write_output (const GString *out, const char *path)
{
  PboFileWriter *w = cli_output_open (path);

  if (w == NULL)
    return FALSE;
  pbo_file_writer_write (w, out->str, out->len);
  return cli_output_close (w);
}

gboolean
cli_save_tree (PboTree *tree, const char *path, PboSaveOptions *opts)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (is_stdout (path))
    {
      fflush (stdout);
      ok = pbo_xml_save_fd (tree, STDOUT_FILENO, opts, &error);
    }
  else
    {
      if (cli_show_progress ())
        {
          opts->progress = cli_progress_records;
          opts->progress_data = (gpointer) _("saving");
        }
      ok = pbo_xml_save_file (tree, path, opts, &error);
    }
  if (!ok)
    {
      cli_progress_end ();
      fprintf (stderr, "%s\n", error->message);
    }
  return ok;
}

/* TRUE if @output names @file itself (-o FILE, or a link to it): the
 * rewrite is then in place too. */
static gboolean
writes_in_place (const char *file, const char *output)
{
  struct stat a, b;

  if (output == NULL)
    return TRUE;
  return stat (file, &a) == 0 && stat (output, &b) == 0 && a.st_dev == b.st_dev
         && a.st_ino == b.st_ino;
}

/* --lock-timeout SECONDS: a number ≥ 0; NULL for the default. */
static gboolean
parse_lock_timeout (const char *text, guint *timeout_ms)
{
  char *end = NULL;
  double seconds;

  *timeout_ms = PBO_FILE_LOCK_TIMEOUT_DEFAULT;
  if (text == NULL)
    return TRUE;
  errno = 0;
  seconds = g_ascii_strtod (text, &end);
  if (errno != 0 || end == text || *end != '\0' || !(seconds >= 0) || seconds > 86400)
    {
      fprintf (stderr, _("pbo: --lock-timeout: “%s” is not a number of seconds from 0 to "
                         "86400\n"), text);
      return FALSE;
    }
  *timeout_ms = (guint) (seconds * 1000 + 0.5);
  return TRUE;
}

gboolean
cli_lock_for_rewrite (const char *command, const char *file, const char *output,
                      const char *timeout, PboFileLock **lock)
{
  g_autoptr (GError) error = NULL;
  guint timeout_ms;

  *lock = NULL;
  if (!parse_lock_timeout (timeout, &timeout_ms))
    return FALSE;
  /* A file that does not exist has nothing to protect: loading it reports it. */
  if (!writes_in_place (file, output) || !g_file_test (file, G_FILE_TEST_EXISTS))
    return TRUE;
  *lock = pbo_file_lock_acquire (file, timeout_ms, &error);
  if (*lock != NULL)
    return TRUE;
  if (g_error_matches (error, PBO_ERROR, PBO_ERROR_LOCKED))
    fprintf (stderr, _("pbo %s: %s; nothing was changed (--lock-timeout SECONDS waits "
                       "longer)\n"), command, error->message);
  else
    fprintf (stderr, "pbo %s: %s\n", command, error->message);
  return FALSE;
}
