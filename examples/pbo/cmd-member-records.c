/* pbo pay | evaluate | rate | train: a member's records (党费, 民主评议,
 * 星级评定, 学时), each a one-operation plan applied as `pbo apply` applies
 * one (cmd-apply.c), so that it is journaled; --remove takes one back.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include "pbo-cli.h"

#define MAX_FIELDS 8

typedef struct {
  const char *name;          /* the plan attribute and the option */
  const char *help;
  const char *arg;
} Field;

typedef struct {
  const char *command;
  const char *summary;
  PboEditOp   add, remove;
  Field       fields[MAX_FIELDS];
} RecordCommand;

static const RecordCommand commands[] = {
  { "pay", N_("Record a month's Party dues (党费) paid by a member; --remove takes it back."),
    PBO_EDIT_OP_ADD_PAYMENT, PBO_EDIT_OP_REMOVE_PAYMENT,
    { { "month", N_("The month paid for (required)"), "YYYY-MM" },
      { "amount", N_("The amount in yuan (required; 0 when exempt)"), "YUAN" },
      { "paid", N_("The day it was paid (required unless exempt)"), "YYYY-MM-DD" },
      { "kind", N_("regular (default), arrears (补缴), reduced (减交) or exempt (免交)"), "KIND" },
      { "approved", N_("The day the branch approved a reduction or exemption"), "YYYY-MM-DD" } } },
  { "evaluate", N_("Record a member's 民主评议 result for a year; --remove takes it back."),
    PBO_EDIT_OP_SET_EVALUATION, PBO_EDIT_OP_REMOVE_EVALUATION,
    { { "year", N_("The year (required)"), "YYYY" },
      { "result", N_("excellent, qualified, basically-qualified or unqualified"), "RESULT" } } },
  { "rate", N_("Record a member's 星级评定 scores (0–5) for a year; --remove takes them back."),
    PBO_EDIT_OP_SET_RATING, PBO_EDIT_OP_REMOVE_RATING,
    { { "year", N_("The year (required)"), "YYYY" },
      { "life", N_("Organisational life (组织生活)"), "N" },
      { "dues", N_("Paying dues (交纳党费)"), "N" },
      { "service", N_("Serving the public (服务群众)"), "N" },
      { "example", N_("Vanguard example (先锋模范)"), "N" },
      { "work", N_("Work results (工作业绩)"), "N" },
      { "law", N_("Abiding by law and discipline (遵纪守法)"), "N" } } },
  { "train", N_("Record a member's training hours (学时) in a year; --remove takes them back."),
    PBO_EDIT_OP_ADD_TRAINING, PBO_EDIT_OP_REMOVE_TRAINING,
    { { "year", N_("The year (required)"), "YYYY" },
      { "hours", N_("The hours, one decimal (required)"), "N.N" },
      { "title", N_("The course's title"), "TEXT" } } },
};

static int
run_record_command (const RecordCommand *c, int argc, char **argv)
{
  CliApply how = { 0 };
  char *member = NULL, *values[MAX_FIELDS] = { NULL };
  gboolean remove = FALSE;
  GOptionEntry head[] = {
    { "member", 0, 0, G_OPTION_ARG_STRING, &member, N_("The member's id (required)"), "ID" },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove,
      N_("Remove the record named by the key options instead"), NULL },
  };
  GOptionEntry tail[] = { CLI_APPLY_ENTRIES (how), { NULL, 0, 0, 0, NULL, NULL, NULL } };
  GOptionEntry entries[G_N_ELEMENTS (head) + MAX_FIELDS + G_N_ELEMENTS (tail)];
  const char *attrs[2 * (MAX_FIELDS + 1) + 1];
  guint n = 0, k = 0;
  int status = CLI_EXIT_BAD_INPUT;

  memcpy (entries, head, sizeof head);
  n = G_N_ELEMENTS (head);
  for (guint i = 0; i < MAX_FIELDS && c->fields[i].name != NULL; i++)
    entries[n++] = (GOptionEntry) { c->fields[i].name, 0, 0, G_OPTION_ARG_STRING, &values[i],
                                    c->fields[i].help, c->fields[i].arg };
  memcpy (entries + n, tail, sizeof tail);
  if (cli_parse (c->command, "FILE", c->summary, entries, NULL, &argc, &argv, 1)
      && cli_apply_options_check (&how))
    {
      attrs[k++] = "member";
      attrs[k++] = member;
      for (guint i = 0; i < MAX_FIELDS && c->fields[i].name != NULL; i++)
        {
          attrs[k++] = c->fields[i].name;
          attrs[k++] = values[i];
        }
      attrs[k] = NULL;
      if (member == NULL)
        fprintf (stderr, _("pbo %s: --member is required\n"), c->command);
      else
        status = cli_apply_one (c->command, argv[1], remove ? c->remove : c->add, attrs, NULL,
                                NULL, NULL, &how);
    }
  g_free (member);
  for (guint i = 0; i < MAX_FIELDS; i++)
    g_free (values[i]);
  cli_apply_clear (&how);
  return status;
}

int
cli_cmd_pay (int argc, char **argv)
{
  return run_record_command (&commands[0], argc, argv);
}

int
cli_cmd_evaluate (int argc, char **argv)
{
  return run_record_command (&commands[1], argc, argv);
}

int
cli_cmd_rate (int argc, char **argv)
{
  return run_record_command (&commands[2], argc, argv);
}

int
cli_cmd_train (int argc, char **argv)
{
  return run_record_command (&commands[3], argc, argv);
}
