/* pbo report FILE [--org ID] [--on DATE] [--format text|csv|html] [--units] [--redact] [-o OUT]
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pbo-cli.h"

CLI_WRITERS_DEFINE (writers, PboReport, pbo_report_write_text, pbo_report_write_csv_full,
                    pbo_report_write_units_csv_full);

static int
write_html (const CliInput *in, PboDate on, gboolean redact, const char *output)
{
  PboHtmlOptions options = PBO_HTML_OPTIONS_INIT;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  options.on = on;
  options.flags = redact ? PBO_HTML_REDACT : PBO_HTML_NONE;
  if (!pbo_report_write_html (in->tree, in->root, &options, out, &error))
    {
      fprintf (stderr, "pbo report: %s\n", error->message);
      return CLI_EXIT_BAD_INPUT;
    }
  return cli_write_output (out, output) ? CLI_EXIT_OK : CLI_EXIT_BAD_INPUT;
}

int
cli_cmd_report (int argc, char **argv)
{
  char *on = NULL;
  gboolean units = FALSE, redact = FALSE;
  char *output = NULL;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("Report as of DATE (default today)"), "DATE" },
    { "units", 0, 0, G_OPTION_ARG_NONE, &units, N_("With csv: the per-unit table instead"), NULL },
    { "redact", 0, 0, G_OPTION_ARG_NONE, &redact, N_("With html: persons by id only, no names"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("With html: write the page to OUT"), "OUT" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { .formats = CLI_FORMATS (CLI_FORMAT_TEXT, CLI_FORMAT_CSV) | (1u << CLI_FORMAT_HTML), .format = CLI_FORMAT_TEXT };
  g_autoptr (GError) error = NULL;
  PboReport *report = NULL;
  PboDate date = PBO_DATE_NONE;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("report", "FILE",
                  "The annual statistics table: orgs by kind; members by status, employment,\n"
                  "gender, age, education and years of membership; and per unit.\n"
                  "With --format html: one self-contained page with the org chart, the\n"
                  "statistics, the findings, the 三会一课 grid, dues and recruitment.",
                  entries, &in, &argc, &argv, 1)
      || !cli_parse_date ("--on", on, FALSE, &date) || !cli_load_input (&in, argv[1]))
    goto out;
  if (in.format == CLI_FORMAT_HTML)
    {
      status = write_html (&in, date, redact, output);
      goto out;
    }
  report = pbo_report_new (in.tree, in.root, date, &error);
  status = cli_write_result ("report", &in, report, error, &writers, units);
  if (status == CLI_EXIT_OK && in.format == CLI_FORMAT_TEXT)
    cli_report_evaluations (&in, date);
out:
  pbo_report_free (report);
  cli_input_clear (&in);
  g_free (on);
  g_free (output);
  return status;
}
