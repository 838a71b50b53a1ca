/* pbo report FILE [--org ID] [--on DATE] [--format text|csv] [--units]
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pbo-cli.h"

CLI_WRITERS_DEFINE (writers, PboReport, pbo_report_write_text, pbo_report_write_csv_full,
                    pbo_report_write_units_csv_full);

int
cli_cmd_report (int argc, char **argv)
{
  char *on = NULL;
  gboolean units = FALSE;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("Report as of DATE (default today)"), "DATE" },
    { "units", 0, 0, G_OPTION_ARG_NONE, &units, N_("With csv: the per-unit table instead"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { .formats = CLI_FORMATS (CLI_FORMAT_TEXT, CLI_FORMAT_CSV), .format = CLI_FORMAT_TEXT };
  g_autoptr (GError) error = NULL;
  PboReport *report = NULL;
  PboDate date = PBO_DATE_NONE;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("report", "FILE",
                  "The annual statistics table: orgs by kind; members by status, employment,\n"
                  "gender, age, education and years of membership; and per unit.",
                  entries, &in, &argc, &argv, 1)
      || !cli_parse_date ("--on", on, FALSE, &date) || !cli_load_input (&in, argv[1]))
    goto out;
  report = pbo_report_new (in.tree, in.root, date, &error);
  status = cli_write_result ("report", &in, report, error, &writers, units);
out:
  pbo_report_free (report);
  cli_input_clear (&in);
  g_free (on);
  return status;
}
