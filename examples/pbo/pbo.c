/* pbo — quick answers about organisation trees from the shell.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <locale.h>
#include <string.h>
#include "pbo-cli.h"

static const CliCommand commands[] = {
  { "tree", "FILE", N_("print the organisation tree with member counts"), cli_cmd_tree },
  { "stats", "FILE", N_("subtree statistics of top-level orgs or one org"), cli_cmd_stats },
  { "validate", "FILE", N_("check that a file is a valid format-v1 tree"), cli_cmd_validate },
  { "export", "FILE", N_("write the tree as XML or its members as CSV"), cli_cmd_export },
  { "check", "FILE", N_("check the organisation rules; exit 1 on errors"), cli_cmd_check },
  { "report", "FILE", N_("the annual statistics table"), cli_cmd_report },
  { "dues", "FILE", N_("monthly Party dues of every member"), cli_cmd_dues },
  { "meetings", "FILE", N_("meetings held against meetings required"), cli_cmd_meetings },
  { "recruits", "FILE", N_("applicants, activists, candidates and their next step"), cli_cmd_recruits },
  { "diff", "OLD NEW", N_("what changed between two files, as text or as a plan"), cli_cmd_diff },
  { "apply", "FILE PLAN", N_("apply a restructuring plan, all or nothing"), cli_cmd_apply },
  { "log", "FILE", N_("the journal of restructurings applied"), cli_cmd_log },
  { "transfer", "FILE", N_("transfer members to a branch (a one-operation plan)"), cli_cmd_transfer },
  { "move", "FILE", N_("move an org under another (a one-operation plan)"), cli_cmd_move },
  { "merge", "FILE", N_("merge orgs into one (a one-operation plan)"), cli_cmd_merge },
  { "init", "FILE", N_("write a new file holding one org"), cli_cmd_init },
  { "meeting", "add|update|remove", N_("record, correct or remove a meeting (a one-operation plan)"), cli_cmd_meeting },
  { "recruit", "add|promote|admit", N_("record, promote or admit a recruit (a one-operation plan)"), cli_cmd_recruit },
  { "set-org", "FILE", N_("set an org's founding date, unit or term (换届)"), cli_cmd_set_org },
  { "undo", "FILE", N_("undo the last journal entry"), cli_cmd_undo },
  { "import-csv", "FILE CSV", N_("add the members of a spreadsheet, all or none"), cli_cmd_import_csv },
  { "combine", "FILE…", N_("put several files' orgs under one new org"), cli_cmd_combine },
  { "pay", "FILE", N_("record a member's dues payment (a one-operation plan)"), cli_cmd_pay },
  { "evaluate", "FILE", N_("record a member's 民主评议 result (a one-operation plan)"), cli_cmd_evaluate },
  { "rate", "FILE", N_("record a member's 星级评定 scores (a one-operation plan)"), cli_cmd_rate },
  { "train", "FILE", N_("record a member's training hours (a one-operation plan)"), cli_cmd_train },
  { "rating", "FILE", N_("members ranked per branch by their star rating of a year"), cli_cmd_rating },
  { "import-records", "FILE SHEET", N_("add the payments, evaluations, ratings or training of a sheet"), cli_cmd_import_records },
  { "set-standing", "FILE", N_("set a member's standing (a one-operation plan)"), cli_cmd_set_standing },
  { "transfer-out", "FILE", N_("transfer a member out with a letter (介绍信)"), cli_cmd_transfer_out },
  { "receipt", "FILE", N_("record a letter's receipt (回执)"), cli_cmd_receipt },
  { "transfer-in", "FILE", N_("add a member arriving with a letter (介绍信)"), cli_cmd_transfer_in },
  { "transfers", "FILE", N_("open letters, overdue receipts, expired letters"), cli_cmd_transfers },
  { "letter", "FILE", N_("print a letter of transfer (介绍信)"), cli_cmd_letter },
  { "work-plan", "add|remove", N_("record or remove a branch's annual work plan"), cli_cmd_work_plan },
  { "minutes", "FILE", N_("a branch's meeting record book for a year"), cli_cmd_minutes },
  { "grade", "FILE", N_("grade every branch (分类定级) from its records"), cli_cmd_grade },
  { "election", "FILE", N_("record an election (换届选举) and start the new term"), cli_cmd_election },
};

static void
usage (FILE *to)
{
  guint i;

  fprintf (to, _("Usage: pbo COMMAND [OPTION…] ARGS\n\nCommands:\n"));
  for (i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (to, "  %-10s %-9s %s\n", commands[i].name, commands[i].args, _(commands[i].summary));
  fprintf (to, _("\nRun “pbo COMMAND --help” for a command's options.\n"
               "Exit status: 0 ok, 1 findings or differences, 2 bad input or usage.\n"));
}

int
main (int argc, char **argv)
{
  guint i;

  setlocale (LC_ALL, "");
  cli_i18n_init ();
  g_set_prgname ("pbo");
  if (argc < 2)
    {
      usage (stderr);
      return CLI_EXIT_BAD_INPUT;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      usage (stdout);
      return CLI_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("pbo (libpbo) %s\n", pbo_version_string ());
      return CLI_EXIT_OK;
    }
  for (i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);
  fprintf (stderr, _("pbo: unknown command “%s”\n\n"), argv[1]);
  usage (stderr);
  return CLI_EXIT_BAD_INPUT;
}
