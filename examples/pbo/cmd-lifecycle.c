/* pbo set-standing | transfer-out | receipt | transfer-in: a member's
 * standing and the transfers out of and into the estate (组织关系转接), each
 * a one-operation plan applied as `pbo apply` applies one (cmd-apply.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include "pbo-cli.h"

/* Does any member of the tree have a standing other than normal? */
gboolean
cli_tree_has_standings (const PboTree *tree)
{
  guint counts[PBO_STANDING_COUNT], i;
  PboOrg *org;

  for (org = pbo_tree_get_first_org (tree); org != NULL; org = pbo_org_get_next (org))
    {
      pbo_org_count_standing (org, counts);
      for (i = PBO_STANDING_NORMAL + 1; i < PBO_STANDING_COUNT; i++)
        if (counts[i] > 0)
          return TRUE;
    }
  return FALSE;
}

/* The options, their values and the plan attribute each one fills. */
typedef struct {
  const char *option;
  const char *attr;
  const char *help;
  const char *arg;
} LcOption;

/* A switch: @attr gets @on when it is given, @off (nullable) when not,
 * unless an option gave @attr a value. */
typedef struct {
  const char *option;
  const char *help;
  const char *attr;
  const char *on;
  const char *off;
} LcSwitch;

#define LC_MAX 8

static gboolean
given (const LcOption *opts, char **values, guint n, const char *attr)
{
  guint i;

  for (i = 0; i < n; i++)
    if (values[i] != NULL && strcmp (opts[i].attr, attr) == 0)
      return TRUE;
  return FALSE;
}

/* Parses @opts (and @sw), checks @required (by index, -1 ends) and applies
 * @op with their values as attributes. */
static int
run_one (const char *command, const char *summary, PboEditOp op, const LcOption *opts, guint n,
         const int *required, const LcSwitch *sw, int argc, char **argv)
{
  CliApply how = { 0 };
  char *values[LC_MAX] = { NULL };
  gboolean on = FALSE;
  GOptionEntry entries[LC_MAX + 9];
  const char *attrs[2 * LC_MAX + 4];
  int status = CLI_EXIT_BAD_INPUT;
  guint i, k = 0;

  g_assert (n <= LC_MAX);
  for (i = 0; i < n; i++)
    entries[i] = (GOptionEntry) { opts[i].option, 0, 0, G_OPTION_ARG_STRING, &values[i],
                                  opts[i].help, opts[i].arg };
  if (sw != NULL)
    entries[n++] = (GOptionEntry) { sw->option, 0, 0, G_OPTION_ARG_NONE, &on, sw->help, NULL };
  {
    GOptionEntry common[] = { CLI_APPLY_ENTRIES (how), { NULL, 0, 0, 0, NULL, NULL, NULL } };
    memcpy (entries + n, common, sizeof common);
  }
  if (sw != NULL)
    n--;
  if (cli_parse (command, "FILE", summary, entries, NULL, &argc, &argv, 1)
      && cli_apply_options_check (&how))
    {
      for (; *required >= 0 && values[*required] != NULL; required++)
        ;
      if (*required >= 0)
        fprintf (stderr, _("pbo %s: --%s is required\n"), command, opts[*required].option);
      else
        {
          for (i = 0; i < n; i++)
            if (values[i] != NULL)
              {
                attrs[k++] = opts[i].attr;
                attrs[k++] = values[i];
              }
          if (sw != NULL && (on ? sw->on : sw->off) != NULL && !given (opts, values, n, sw->attr))
            {
              attrs[k++] = sw->attr;
              attrs[k++] = on ? sw->on : sw->off;
            }
          attrs[k] = NULL;
          status = cli_apply_one (command, argv[1], op, attrs, NULL, NULL, NULL, &how);
        }
    }
  for (i = 0; i < n; i++)
    g_free (values[i]);
  cli_apply_clear (&how);
  return status;
}

int
cli_cmd_set_standing (int argc, char **argv)
{
  static const LcOption opts[] = {
    { "member", "member", N_("The member"), "ID" },
    { "standing", "standing", N_("normal, lost-contact, suspended, abroad, outflow or "
                                 "disciplinary-probation"), "S" },
    { "since", "since", N_("The day it began"), "YYYY-MM-DD" },
    { "until", "until", N_("The day it ends (留党察看, abroad)"), "YYYY-MM-DD" },
    { "to", "to", N_("Where an outflowing member went (流出)"), "TEXT" },
  };
  static const int required[] = { 0, 1, -1 };

  return run_one ("set-standing", "Set a member's standing (失联, 停止党籍, 出国（境）, 流出, 留党察看).",
                  PBO_EDIT_OP_SET_STANDING, opts, G_N_ELEMENTS (opts), required, NULL, argc, argv);
}

int
cli_cmd_transfer_out (int argc, char **argv)
{
  static const LcOption opts[] = {
    { "member", "member", N_("The member leaving"), "ID" },
    { "to-org", "to-org", N_("The org they go to"), "NAME" },
    { "letter", "letter", N_("The letter's number (介绍信编号)"), "NUMBER" },
    { "valid-days", "valid-days", N_("The letter's validity in days (default 90)"), "N" },
    { "dues-paid-to", "dues-paid-to", N_("The month dues were paid to (党费交至)"), "YYYY-MM" },
  };
  static const LcSwitch provinces = {
    "across-provinces", N_("Across provinces: valid 180 days"), "valid-days",
    G_STRINGIFY (PBO_LETTER_VALID_DAYS_PROVINCES), NULL
  };
  static const int required[] = { 0, 1, 2, -1 };

  return run_one ("transfer-out", "Transfer a member out of the estate with a letter (介绍信), "
                  "dated --date.", PBO_EDIT_OP_TRANSFER_OUT, opts, G_N_ELEMENTS (opts), required,
                  &provinces, argc, argv);
}

int
cli_cmd_receipt (int argc, char **argv)
{
  static const LcOption opts[] = {
    { "letter", "letter", N_("The letter's number"), "NUMBER" },
  };
  static const int required[] = { 0, -1 };

  return run_one ("receipt", "Record that a letter's receipt (回执) came back, on --date.",
                  PBO_EDIT_OP_RECEIPT, opts, G_N_ELEMENTS (opts), required, NULL, argc, argv);
}

int
cli_cmd_transfer_in (int argc, char **argv)
{
  static const LcOption opts[] = {
    { "to", "to", N_("The branch they join"), "ID" },
    { "letter", "letter", N_("The number of the letter they brought"), "NUMBER" },
    { "from-org", "from-org", N_("The org they come from"), "NAME" },
    { "id", "id", N_("The member's id"), "ID" },
    { "name", "name", N_("The member's name"), "NAME" },
    { "status", "status", N_("full or probationary"), "S" },
    { "joined", "joined", N_("The day they joined the Party"), "YYYY-MM-DD" },
    { "full-since", "full-since", N_("The day they became a full member"), "YYYY-MM-DD" },
  };
  static const LcSwitch retired = {
    "retired", N_("A retired member (in service by default)"), "employment", "retired",
    "in-service"
  };
  static const int required[] = { 0, 1, 2, 3, 4, 5, 6, -1 };

  return run_one ("transfer-in", "Add a member who arrives with a letter (介绍信) from outside "
                  "the estate, on --date.", PBO_EDIT_OP_TRANSFER_IN, opts, G_N_ELEMENTS (opts),
                  required, &retired, argc, argv);
}
