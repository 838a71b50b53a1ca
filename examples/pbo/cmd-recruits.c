/* pbo recruits FILE [--on DATE] [--org ID] [--format text|csv]
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pbo-cli.h"

int
cli_cmd_recruits (int argc, char **argv)
{
  char *on = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("Judge readiness as of DATE (default today)"), "DATE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { .formats = CLI_FORMATS (CLI_FORMAT_TEXT, CLI_FORMAT_CSV), .format = CLI_FORMAT_TEXT };
  g_autoptr (GString) out = g_string_new (NULL);
  PboDate date = PBO_DATE_NONE;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("recruits", "FILE",
                  "The applicants, activists and candidates of each branch (发展党员), their\n"
                  "next step and the first day the rules allow it.",
                  entries, &in, &argc, &argv, 1)
      || !cli_parse_date ("--on", on, FALSE, &date) || !cli_load_input (&in, argv[1]))
    goto out;
  if (in.format == CLI_FORMAT_CSV)
    pbo_recruits_write_csv_full (in.tree, in.root, date, out, cli_csv_flags (&in));
  else
    pbo_recruits_write_text (in.tree, in.root, date, out);
  if (cli_write_output (out, NULL))
    status = CLI_EXIT_OK;
out:
  cli_input_clear (&in);
  g_free (on);
  return status;
}
