/* pbo export FILE --format xml|csv|dot|svg|xlsx [--redact] [--org ID] [--depth N]
 * [--month YYYY-MM] [-o OUT].
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "pbo-cli.h"

/* Rows are streamed (cli_output_write_block()): a large export is never
 * built in memory. */
typedef struct {
  GString         *out;
  PboFileWriter   *writer;
  PboCsvWriteFlags flags;
} CsvExport;

static gboolean
append_member_row (PboMember *m, gpointer data)
{
  CsvExport *ex = data;

  pbo_member_write_csv (m, ex->out, ex->flags);
  /* A failed write stops the walk; the writer reports it at the end. */
  return cli_output_write_block (ex->writer, ex->out);
}

static int
export_xml (PboTree *tree, PboOrg *root, gboolean redact, const char *path)
{
  PboSaveOptions opts = PBO_SAVE_OPTIONS_INIT;

  opts.root = root;
  opts.flags = redact ? PBO_SAVE_REDACT : PBO_SAVE_NONE;
  return cli_save_tree (tree, path, &opts) ? CLI_EXIT_OK : CLI_EXIT_BAD_INPUT;
}

static int
export_csv (const CliInput *in, gboolean redact, const char *path)
{
  g_autoptr (GString) out = g_string_sized_new (CLI_OUTPUT_BLOCK + 4096);
  CsvExport ex = { out, cli_output_open (path),
                   cli_csv_flags (in) | (redact ? PBO_CSV_WRITE_REDACT : 0)
                     | (pbo_tree_has_standings (in->tree) ? PBO_CSV_WRITE_STANDINGS : 0) };

  if (ex.writer == NULL)
    return CLI_EXIT_BAD_INPUT;
  pbo_members_write_csv_header (out, ex.flags);
  pbo_tree_foreach_member (in->tree, in->root, append_member_row, &ex);
  pbo_file_writer_write (ex.writer, out->str, out->len);
  return cli_output_close (ex.writer) ? CLI_EXIT_OK : CLI_EXIT_BAD_INPUT;
}

/* Renders @dot with Graphviz (`dot -Tsvg`) through a temporary file:
 * GLib without GIO has no way to feed a child's stdin while reading its
 * stdout without risking a deadlock on large charts. */
static gboolean
render_svg (const GString *dot, GString *svg)
{
  g_autofree char *dot_path = g_find_program_in_path ("dot");
  char *tmp = NULL, *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  int fd, wait_status = 0;
  gboolean ok = FALSE;

  if (dot_path == NULL)
    {
      fprintf (stderr, _("pbo export: --format svg needs Graphviz's “dot” program, which is not "
                       "in PATH (Debian: apt install graphviz); --format dot writes the chart "
                       "for rendering elsewhere\n"));
      return FALSE;
    }
  fd = g_file_open_tmp ("pbo-chart-XXXXXX.dot", &tmp, &error);
  if (fd >= 0)
    close (fd);
  if (fd >= 0
      && pbo_file_write_contents (tmp, dot->str, dot->len, PBO_FILE_WRITE_NO_FSYNC, &error))
    {
      const char *argv[] = { dot_path, "-Tsvg", tmp, NULL };
      /* g_spawn_check_exit_status() is the same function under its pre-2.70
       * name (it was renamed, not changed): GLib 2.68 is the minimum. */
      ok = g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                         &wait_status, &error)
           && g_spawn_check_exit_status (wait_status, &error);
    }
  if (tmp != NULL)
    g_unlink (tmp);
  if (!ok)
    fprintf (stderr, _("pbo export: dot -Tsvg failed: %s\n%s"), error->message,
             err != NULL ? err : "");
  else
    g_string_append (svg, out);
  /* Freed by hand: with g_autofree, gcc 12's -fanalyzer reports the
   * cleanup of a variable whose address was passed out as reading an
   * uninitialized value (a false positive: each is initialised to NULL). */
  g_free (tmp);
  g_free (out);
  g_free (err);
  return ok;
}

static int
export_chart (CliInput *in, int depth, const char *path)
{
  PboChartOptions opts = PBO_CHART_OPTIONS_INIT;
  g_autoptr (GString) dot = g_string_new (NULL);
  g_autoptr (GString) svg = NULL;
  g_autoptr (GError) error = NULL;

  opts.max_depth = depth;
  if (!pbo_chart_write_dot (in->tree, in->root, &opts, dot, &error))
    {
      fprintf (stderr, "pbo export: %s\n", error->message);
      return CLI_EXIT_BAD_INPUT;
    }
  if (in->format == CLI_FORMAT_SVG)
    {
      svg = g_string_new (NULL);
      if (!render_svg (dot, svg))
        return CLI_EXIT_BAD_INPUT;
    }
  return cli_write_output (svg != NULL ? svg : dot, path) ? CLI_EXIT_OK : CLI_EXIT_BAD_INPUT;
}

int
cli_cmd_export (int argc, char **argv)
{
  char *output = NULL, *month = NULL;
  PboDate dues_month = PBO_DATE_NONE;
  gboolean redact = FALSE;
  int depth = -1;
  GOptionEntry entries[] = {
    { "redact", 0, 0, G_OPTION_ARG_NONE, &redact,
      N_("Leave out ID-card numbers and phones, keep only the birth year"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT instead of stdout"), "OUT" },
    { "depth", 'd', 0, G_OPTION_ARG_INT, &depth,
      N_("Org charts (dot, svg): draw N levels below the start"), "N" },
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month,
      N_("Workbooks (xlsx): the month of the dues sheet (default: this month)"), "YYYY-MM" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { .formats = CLI_FORMATS (CLI_FORMAT_XML, CLI_FORMAT_CSV)
                             | CLI_FORMATS (CLI_FORMAT_DOT, CLI_FORMAT_SVG)
                             | (1u << CLI_FORMAT_XLSX),
                  .format = CLI_FORMAT_XML };
  int status = CLI_EXIT_BAD_INPUT;
  gboolean is_chart;

  if (!cli_parse ("export", "FILE",
                  "Write the tree as XML, its members as CSV, an org chart (DOT, SVG), or a "
                  "workbook of members, statistics, dues and findings (xlsx).",
                  entries, &in, &argc, &argv, 1)
      || !cli_parse_date ("--month", month, TRUE, &dues_month))
    goto out;
  if (month != NULL && in.format != CLI_FORMAT_XLSX)
    {
      fprintf (stderr, _("pbo export: --month goes with --format xlsx\n"));
      goto out;
    }
  is_chart = in.format == CLI_FORMAT_DOT || in.format == CLI_FORMAT_SVG;
  if (depth != -1 && (!is_chart || depth < 0))
    {
      fprintf (stderr, _("pbo export: --depth takes N ≥ 0 and goes with --format dot or svg\n"));
      goto out;
    }
  if (!cli_load_input (&in, argv[1]))
    goto out;
  if (in.format == CLI_FORMAT_XLSX)
    status = cli_export_xlsx (&in, dues_month != PBO_DATE_NONE ? dues_month : pbo_date_today (),
                              redact, output);
  else if (is_chart)
    status = export_chart (&in, depth, output);
  else
    status = in.format == CLI_FORMAT_XML ? export_xml (in.tree, in.root, redact, output)
                                         : export_csv (&in, redact, output);
out:
  cli_input_clear (&in);
  g_free (output);
  g_free (month);
  return status;
}
