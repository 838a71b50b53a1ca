/* pbo check FILE [--on DATE] [--from DATE --to DATE] [--org ID] [--format text|csv]
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pbo-cli.h"

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
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  PboFindings *findings = NULL;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("check", "FILE",
                  "Check sizes, committees, terms, probation, officers, ID cards and meetings.\n"
                  "Findings are sorted by org; exit 1 if any has error severity.",
                  entries, &in, &argc, &argv, 1)
      || !cli_parse_date ("--on", on, FALSE, &opts.on)
      || !cli_parse_date ("--from", from, FALSE, &opts.from)
      || !cli_parse_date ("--to", to, FALSE, &opts.to) || !cli_load_input (&in, argv[1]))
    goto out;
  findings = pbo_check (in.tree, in.root, &opts, &error);
  if (findings == NULL)
    {
      fprintf (stderr, "pbo check: %s\n", error->message);
      goto out;
    }
  if (in.format == CLI_FORMAT_CSV)
    pbo_findings_write_csv_full (findings, out, cli_csv_flags (&in));
  else
    pbo_findings_write_text (findings, out);
  if (cli_write_output (out, NULL))
    status = pbo_findings_count (findings, PBO_SEVERITY_ERROR) > 0 ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
out:
  pbo_findings_free (findings);
  cli_input_clear (&in);
  g_free (on);
  g_free (from);
  g_free (to);
  return status;
}
