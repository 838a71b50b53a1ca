/* pbo dues FILE --month YYYY-MM [--org ID] [--format text|csv] [--totals]
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pbo-cli.h"

CLI_WRITERS_DEFINE (writers, PboDuesSheet, pbo_dues_sheet_write_text,
                    pbo_dues_sheet_write_csv_full, pbo_dues_sheet_write_totals_csv_full);

int
cli_cmd_dues (int argc, char **argv)
{
  char *month = NULL, *from = NULL, *to = NULL;
  gboolean totals = FALSE, ledger = FALSE;
  GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month, N_("The month (required)"), "YYYY-MM" },
    { "ledger", 0, 0, G_OPTION_ARG_NONE, &ledger,
      N_("The dues ledger instead: due, paid and owed from --from to --to"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("With --ledger: the first month"), "YYYY-MM" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("With --ledger: the last month"), "YYYY-MM" },
    { "totals", 0, 0, G_OPTION_ARG_NONE, &totals, N_("With csv: the totals per branch instead"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { .formats = CLI_FORMATS (CLI_FORMAT_TEXT, CLI_FORMAT_CSV), .format = CLI_FORMAT_TEXT };
  g_autoptr (GError) error = NULL;
  PboDuesSheet *sheet = NULL;
  PboDate date = PBO_DATE_NONE;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("dues", "FILE",
                  "Each member's monthly dues from the dues base (中组发〔2008〕3号 bands),\n"
                  "in yuan, with the totals per branch.",
                  entries, &in, &argc, &argv, 1)
      || !cli_parse_date ("--month", month, TRUE, &date))
    goto out;
  if (ledger)
    {
      status = cli_dues_ledger (&in, argv[1], from, to);
      goto out;
    }
  if (date == PBO_DATE_NONE)
    {
      fprintf (stderr, _("pbo dues: --month YYYY-MM is required\n"));
      goto out;
    }
  if (!cli_load_input (&in, argv[1]))
    goto out;
  sheet = pbo_dues_sheet_new (in.tree, in.root, date, &error);
  status = cli_write_result ("dues", &in, sheet, error, &writers, totals);
out:
  pbo_dues_sheet_free (sheet);
  cli_input_clear (&in);
  g_free (month);
  g_free (from);
  g_free (to);
  return status;
}
