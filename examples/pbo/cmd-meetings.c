/* pbo meetings FILE --from DATE --to DATE [--org ID] [--format text|csv] [--inspection]
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pbo-cli.h"

/* TRUE when some branch held fewer meetings of some type than required. */
static gboolean
any_shortfall (const PboMeetingSummary *summary)
{
  guint i;
  int type;

  for (i = 0; i < pbo_meeting_summary_get_n_branches (summary); i++)
    for (type = PBO_MEETING_GENERAL_ASSEMBLY; type <= PBO_MEETING_MEMBER_REVIEW; type++)
      {
        const PboMeetingTally *t = pbo_meeting_summary_get_tally (summary, i, type);
        if (t != NULL && t->met < t->required)
          return TRUE;
      }
  return FALSE;
}

int
cli_cmd_meetings (int argc, char **argv)
{
  char *from = NULL, *to = NULL;
  gboolean inspection = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day of the period"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day of the period"), "DATE" },
    { "inspection", 0, 0, G_OPTION_ARG_NONE, &inspection,
      N_("The inspection table: minutes complete, planned but not held, annual plans (text)"),
      NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { .formats = CLI_FORMATS (CLI_FORMAT_TEXT, CLI_FORMAT_CSV), .format = CLI_FORMAT_TEXT };
  PboMeetingOptions opts = PBO_MEETING_OPTIONS_INIT;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  PboMeetingSummary *summary = NULL;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("meetings", "FILE",
                  "Per branch, the meetings (三会一课, theme days, life meetings, reviews)\n"
                  "held over the period against those required; exit 1 on a shortfall.",
                  entries, &in, &argc, &argv, 1)
      || !cli_parse_date ("--from", from, FALSE, &opts.from)
      || !cli_parse_date ("--to", to, FALSE, &opts.to) || !cli_load_input (&in, argv[1]))
    goto out;
  summary = pbo_meeting_summary_new (in.tree, in.root, &opts, &error);
  if (summary == NULL)
    {
      fprintf (stderr, "pbo meetings: %s\n", error->message);
      goto out;
    }
  if (inspection)
    cli_write_inspection (summary, out);
  else if (in.format == CLI_FORMAT_CSV)
    pbo_meeting_summary_write_csv_full (summary, out, cli_csv_flags (&in));
  else
    pbo_meeting_summary_write_text (summary, out);
  if (cli_write_output (out, NULL))
    status = any_shortfall (summary) ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
out:
  pbo_meeting_summary_free (summary);
  cli_input_clear (&in);
  g_free (from);
  g_free (to);
  return status;
}
