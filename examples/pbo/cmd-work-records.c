/* pbo work-plan add|remove | election: a branch's annual work plan and an
 * org's 换届 election, each a one-operation plan applied as `pbo apply`
 * applies one (cmd-apply.c), so that it is journaled.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include "pbo-cli.h"

static int
work_plan (int argc, char **argv, gboolean add)
{
  const char *command = add ? "work-plan add" : "work-plan remove";
  CliApply how = { 0 };
  char *org = NULL, *year = NULL, *approved = NULL, *title = NULL;
  GOptionEntry entries[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("The branch"), "ID" },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year, N_("The year the plan is for"), "YYYY" },
    { "approved", 0, 0, G_OPTION_ARG_STRING, &approved, N_("add: the date it was approved"),
      "YYYY-MM-DD" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("add: its title"), "TEXT" },
    CLI_APPLY_ENTRIES (how),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  int status = CLI_EXIT_BAD_INPUT;

  if (cli_parse (command, "FILE",
                 add ? "Record a branch's annual work plan (年度工作计划)."
                     : "Remove a branch's annual work plan.",
                 entries, NULL, &argc, &argv, 1)
      && cli_apply_options_check (&how))
    {
      const char *attrs[] = { "org", org, "year", year, "approved", add ? approved : NULL,
                              "title", add ? title : NULL, NULL };
      if (org == NULL || year == NULL)
        fprintf (stderr, _("pbo %s: --org and --year are required\n"), command);
      else
        status = cli_apply_one (command, argv[1],
                                add ? PBO_EDIT_OP_ADD_WORK_PLAN : PBO_EDIT_OP_REMOVE_WORK_PLAN,
                                attrs, NULL, NULL, NULL, &how);
    }
  g_free (org);
  g_free (year);
  g_free (approved);
  g_free (title);
  cli_apply_clear (&how);
  return status;
}

int
cli_cmd_work_plan (int argc, char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "add") == 0)
    return work_plan (argc - 1, argv + 1, TRUE);
  if (argc >= 2 && strcmp (argv[1], "remove") == 0)
    return work_plan (argc - 1, argv + 1, FALSE);
  fprintf (stderr, _("Usage: pbo work-plan add|remove FILE [OPTION…]\n"));
  return CLI_EXIT_BAD_INPUT;
}

int
cli_cmd_election (int argc, char **argv)
{
  CliApply how = { 0 };
  char *v[7] = { NULL };
  GOptionEntry entries[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &v[0], N_("The org that held the election"), "ID" },
    { "method", 0, 0, G_OPTION_ARG_STRING, &v[1],
      N_("direct, open-nomination-direct (公推直选) or indirect"), "M" },
    { "candidates", 0, 0, G_OPTION_ARG_STRING, &v[2], N_("Candidates on the ballot"), "N" },
    { "seats", 0, 0, G_OPTION_ARG_STRING, &v[3], N_("Places to fill"), "N" },
    { "voters", 0, 0, G_OPTION_ARG_STRING, &v[4], N_("Members entitled to vote"), "N" },
    { "voted", 0, 0, G_OPTION_ARG_STRING, &v[5], N_("Members who voted"), "N" },
    { "term-years", 0, 0, G_OPTION_ARG_STRING, &v[6],
      N_("The new term in years (default: the org's)"), "N" },
    CLI_APPLY_ENTRIES (how),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  int status = CLI_EXIT_BAD_INPUT;
  guint i;

  if (cli_parse ("election", "FILE",
                 "Record an election (换届选举); its date starts the org's new term.", entries,
                 NULL, &argc, &argv, 1)
      && cli_apply_options_check (&how))
    {
      /* --date is the election's date: the journal's too. */
      const char *attrs[] = { "org", v[0], "date", how.date, "method", v[1], "candidates", v[2],
                              "seats", v[3], "voters", v[4], "voted", v[5], "term-years", v[6],
                              NULL };
      gboolean missing = how.date == NULL;
      for (i = 0; i < 6; i++)
        missing = missing || v[i] == NULL;
      if (missing)
        fprintf (stderr, _("pbo election: --org, --date, --method, --candidates, --seats, "
                           "--voters and --voted are required\n"));
      else
        status = cli_apply_one ("election", argv[1], PBO_EDIT_OP_ADD_ELECTION, attrs, NULL, NULL,
                                NULL, &how);
    }
  for (i = 0; i < G_N_ELEMENTS (v); i++)
    g_free (v[i]);
  cli_apply_clear (&how);
  return status;
}
