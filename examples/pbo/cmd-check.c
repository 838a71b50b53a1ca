/* pbo check FILE [--on DATE] [--from DATE --to DATE] [--org ID] [--format text|csv]
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pbo-cli.h"

/* Findings are written as the check finds them (pbo_check_foreach()): the
 * output and the findings of a national tree never sit whole in memory. */
typedef struct {
  GString         *out;
  PboFileWriter   *writer;
  gboolean         csv;
  PboCsvWriteFlags flags;
} CheckOutput;

static gboolean
write_finding (const PboFinding *finding, gpointer data)
{
  CheckOutput *co = data;

  if (co->csv)
    pbo_finding_write_csv (finding, co->out, co->flags);
  else
    pbo_finding_write_text (finding, co->out);
  return cli_output_write_block (co->writer, co->out);
}

static int
run_check (const CliInput *in, const PboCheckOptions *opts)
{
  g_autoptr (GString) out = g_string_sized_new (CLI_OUTPUT_BLOCK + 4096);
  CheckOutput co = { out, NULL, in->format == CLI_FORMAT_CSV, cli_csv_flags (in) };
  g_autoptr (GError) error = NULL;
  guint n_errors = 0;
  gboolean ran;

  co.writer = cli_output_open (NULL);
  if (co.writer == NULL)
    return CLI_EXIT_BAD_INPUT;
  if (co.csv)
    pbo_findings_write_csv_header (out, co.flags);
  ran = pbo_check_foreach (in->tree, in->root, opts, write_finding, &co, &n_errors, &error);
  if (!ran)
    {
      pbo_file_writer_abort (co.writer);
      fprintf (stderr, "pbo check: %s\n", error->message);
      return CLI_EXIT_BAD_INPUT;
    }
  pbo_file_writer_write (co.writer, out->str, out->len);
  if (!cli_output_close (co.writer))
    return CLI_EXIT_BAD_INPUT;
  return n_errors > 0 ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

int
cli_cmd_check (int argc, char **argv)
{
  char *on = NULL, *from = NULL, *to = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("Check as of DATE (default today)"), "DATE" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Start of the meeting period"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("End of the meeting period"), "DATE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { .formats = CLI_FORMATS (CLI_FORMAT_TEXT, CLI_FORMAT_CSV), .format = CLI_FORMAT_TEXT };
  PboCheckOptions opts = PBO_CHECK_OPTIONS_INIT;
  int status = CLI_EXIT_BAD_INPUT;

  if (cli_parse ("check", "FILE",
                 "Check sizes, committees, terms, probation, officers, ID cards and meetings.\n"
                 "Findings are sorted by org; exit 1 if any has error severity.",
                 entries, &in, &argc, &argv, 1)
      && cli_parse_date ("--on", on, FALSE, &opts.on)
      && cli_parse_date ("--from", from, FALSE, &opts.from)
      && cli_parse_date ("--to", to, FALSE, &opts.to) && cli_load_input (&in, argv[1]))
    status = run_check (&in, &opts);
  cli_input_clear (&in);
  g_free (on);
  g_free (from);
  g_free (to);
  return status;
}
