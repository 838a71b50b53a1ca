/* pbo init | meeting add | meeting update | meeting remove | recruit add | set-org: the
 * records an office keeps, each change a one-operation plan applied as
 * `pbo apply` applies one (cmd-apply.c), so that it is journaled.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include "pbo-cli.h"

int
cli_cmd_init (int argc, char **argv)
{
  CliApply how = { 0 };
  char *id = NULL, *kind = NULL, *name = NULL, *unit = NULL, *established = NULL;
  GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("The org's id"), "ID" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("committee, general-branch or branch"), "KIND" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The org's name"), "NAME" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("The host unit (单位)"), "UNIT" },
    { "established", 0, 0, G_OPTION_ARG_STRING, &established, N_("The founding date"),
      "YYYY-MM-DD" },
    CLI_APPLY_ENTRIES (how),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  int status = CLI_EXIT_BAD_INPUT;

  how.create = TRUE;
  if (cli_parse ("init", "FILE", "Write a new file holding one org (refuses to overwrite a file).",
                 entries, NULL, &argc, &argv, 1)
      && cli_apply_options_check (&how))
    {
      const char *attrs[] = { "id", id, "kind", kind, "name", name, "unit", unit,
                              "established", established, NULL };
      if (id == NULL || kind == NULL || name == NULL)
        fprintf (stderr, _("pbo init: --id, --kind and --name are required\n"));
      else
        status = cli_apply_one ("init", argv[1], PBO_EDIT_OP_CREATE_ORG, attrs, NULL, NULL, NULL,
                                &how);
    }
  g_free (id);
  g_free (kind);
  g_free (name);
  g_free (unit);
  g_free (established);
  cli_apply_clear (&how);
  return status;
}

/* pbo meeting add|update|remove FILE …: the first positional is the action.
 * add and update take the same fields, the minutes (会议记录) among them. */
typedef struct {
  char *org, *id, *type, *title, *attendance, *presenter, *recorder, *expected, *present;
  char *excused, *place, *topic, *resolution, *planned;
  char **absent;
} MeetingArgs;

static void
meeting_args_clear (MeetingArgs *m)
{
  char **fields[] = { &m->org, &m->id, &m->type, &m->title, &m->attendance, &m->presenter,
                      &m->recorder, &m->expected, &m->present, &m->excused, &m->place,
                      &m->topic, &m->resolution, &m->planned };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_clear_pointer (fields[i], g_free);
  g_clear_pointer (&m->absent, g_strfreev);
}

static int
meeting_record (int argc, char **argv, gboolean update)
{
  const char *command = update ? "meeting update" : "meeting add";
  CliApply how = { 0 };
  MeetingArgs m = { 0 };
  GOptionEntry entries[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &m.org, N_("The org that held the meeting"), "ID" },
    { "id", 0, 0, G_OPTION_ARG_STRING, &m.id, N_("The meeting's id (to correct or remove it later)"),
      "MID" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &m.type,
      N_("general-assembly, committee, group, lecture, theme-day, life-meeting or member-review"),
      "T" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &m.title, N_("Its title"), "TEXT" },
    { "attendance", 0, 0, G_OPTION_ARG_STRING, &m.attendance, N_("The number present"), "N" },
    { "absent", 0, 0, G_OPTION_ARG_STRING_ARRAY, &m.absent, N_("An absent member (repeatable)"),
      "ID" },
    { "presenter", 0, 0, G_OPTION_ARG_STRING, &m.presenter, N_("Who presided (主持人)"), "ID" },
    { "recorder", 0, 0, G_OPTION_ARG_STRING, &m.recorder, N_("Who took the minutes (记录人)"),
      "ID" },
    { "expected", 0, 0, G_OPTION_ARG_STRING, &m.expected, N_("Members expected (应到)"), "N" },
    { "present", 0, 0, G_OPTION_ARG_STRING, &m.present, N_("Members present (实到)"), "N" },
    { "excused", 0, 0, G_OPTION_ARG_STRING, &m.excused, N_("Members excused (请假)"), "N" },
    { "place", 0, 0, G_OPTION_ARG_STRING, &m.place, N_("Where it was held"), "TEXT" },
    { "topic", 0, 0, G_OPTION_ARG_STRING, &m.topic, N_("The topic (议题)"), "TEXT" },
    { "resolution", 0, 0, G_OPTION_ARG_STRING, &m.resolution, N_("What it resolved (决议)"),
      "TEXT" },
    { "planned", 0, 0, G_OPTION_ARG_STRING, &m.planned, N_("The date it was planned for"),
      "YYYY-MM-DD" },
    CLI_APPLY_ENTRIES (how),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  int status = CLI_EXIT_BAD_INPUT;

  if (cli_parse (command, "FILE",
                 update ? "Correct a meeting record (fields not given are kept)."
                        : "Record a meeting (三会一课).",
                 entries, NULL, &argc, &argv, 1)
      && cli_apply_options_check (&how))
    {
      /* --date is the meeting's date: the journal's too. */
      const char *attrs[] = { "org", m.org, "id", m.id, "type", m.type, "date", how.date,
                              "title", m.title, "attendance", m.attendance,
                              "presenter", m.presenter, "recorder", m.recorder,
                              "expected", m.expected, "present", m.present, "excused", m.excused,
                              "place", m.place, "topic", m.topic, "resolution", m.resolution,
                              "planned", m.planned, NULL };
      if (!update && (m.org == NULL || m.type == NULL || how.date == NULL))
        fprintf (stderr, _("pbo meeting add: --org, --type and --date are required\n"));
      else if (update && (m.org == NULL || m.id == NULL))
        fprintf (stderr, _("pbo meeting update: --org and --id are required\n"));
      else
        status = cli_apply_one (command, argv[1],
                                update ? PBO_EDIT_OP_UPDATE_MEETING : PBO_EDIT_OP_ADD_MEETING,
                                attrs, "absent", m.absent, NULL, &how);
    }
  meeting_args_clear (&m);
  cli_apply_clear (&how);
  return status;
}

static int
meeting_remove (int argc, char **argv)
{
  CliApply how = { 0 };
  char *org = NULL, *id = NULL;
  GOptionEntry entries[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("The org that held the meeting"), "ID" },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("The meeting's id"), "MID" },
    CLI_APPLY_ENTRIES (how),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  int status = CLI_EXIT_BAD_INPUT;

  if (cli_parse ("meeting remove", "FILE", "Remove a meeting record.", entries, NULL, &argc,
                 &argv, 1)
      && cli_apply_options_check (&how))
    {
      const char *attrs[] = { "org", org, "id", id, NULL };
      if (org == NULL || id == NULL)
        fprintf (stderr, _("pbo meeting remove: --org and --id are required\n"));
      else
        status = cli_apply_one ("meeting remove", argv[1], PBO_EDIT_OP_REMOVE_MEETING, attrs,
                                NULL, NULL, NULL, &how);
    }
  g_free (org);
  g_free (id);
  cli_apply_clear (&how);
  return status;
}

int
cli_cmd_meeting (int argc, char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "add") == 0)
    return meeting_record (argc - 1, argv + 1, FALSE);
  if (argc >= 2 && strcmp (argv[1], "update") == 0)
    return meeting_record (argc - 1, argv + 1, TRUE);
  if (argc >= 2 && strcmp (argv[1], "remove") == 0)
    return meeting_remove (argc - 1, argv + 1);
  fprintf (stderr, _("Usage: pbo meeting add|update|remove FILE [OPTION…]\n"));
  return CLI_EXIT_BAD_INPUT;
}

static int
recruit_add (int argc, char **argv)
{
  CliApply how = { 0 };
  char *branch = NULL, *id = NULL, *name = NULL, *applied = NULL, *activist = NULL;
  char *candidate = NULL, *gender = NULL, *born = NULL, *department = NULL;
  GOptionEntry entries[] = {
    { "branch", 0, 0, G_OPTION_ARG_STRING, &branch, N_("The branch that records the person"),
      "ID" },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("The recruit's id"), "ID" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The recruit's name"), "NAME" },
    { "applied", 0, 0, G_OPTION_ARG_STRING, &applied, N_("The date of the written application"),
      "YYYY-MM-DD" },
    { "activist-since", 0, 0, G_OPTION_ARG_STRING, &activist, N_("Activist since"),
      "YYYY-MM-DD" },
    { "candidate-since", 0, 0, G_OPTION_ARG_STRING, &candidate, N_("Candidate since"),
      "YYYY-MM-DD" },
    { "gender", 0, 0, G_OPTION_ARG_STRING, &gender, N_("male or female"), "G" },
    { "born", 0, 0, G_OPTION_ARG_STRING, &born, N_("Date of birth"), "YYYY-MM-DD" },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_("The department (科室)"), "DEPT" },
    CLI_APPLY_ENTRIES (how),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  int status = CLI_EXIT_BAD_INPUT;

  if (cli_parse ("recruit add", "FILE", "Record an applicant (入党申请人), activist or candidate.",
                 entries, NULL, &argc, &argv, 1)
      && cli_apply_options_check (&how))
    {
      const char *attrs[] = { "to", branch, "id", id, "name", name, "applied", applied,
                              "activist-since", activist, "candidate-since", candidate,
                              "gender", gender, "born", born, "department", department, NULL };
      if (branch == NULL || id == NULL || name == NULL || applied == NULL)
        fprintf (stderr, _("pbo recruit add: --branch, --id, --name and --applied are required\n"));
      else
        status = cli_apply_one ("recruit add", argv[1], PBO_EDIT_OP_ADD_RECRUIT, attrs, NULL,
                                NULL, NULL, &how);
    }
  g_free (branch);
  g_free (id);
  g_free (name);
  g_free (applied);
  g_free (activist);
  g_free (candidate);
  g_free (gender);
  g_free (born);
  g_free (department);
  cli_apply_clear (&how);
  return status;
}

/* pbo recruit promote|admit are plans too: <promote>, <admit>. */
static int
recruit_step (int argc, char **argv, gboolean admit)
{
  CliApply how = { 0 };
  char *id = NULL, *stage = NULL, *employment = NULL;
  GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("The recruit's id"), "ID" },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage, N_("promote: activist or candidate"), "S" },
    { "employment", 0, 0, G_OPTION_ARG_STRING, &employment,
      N_("admit: in-service (default) or retired"), "E" },
    CLI_APPLY_ENTRIES (how),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  int status = CLI_EXIT_BAD_INPUT;

  if (cli_parse (admit ? "recruit admit" : "recruit promote", "FILE",
                 admit ? "Admit a candidate as a probationary member (接收预备党员)."
                       : "Move a recruit one stage on.", entries, NULL, &argc, &argv, 1)
      && cli_apply_options_check (&how))
    {
      const char *attrs[] = { "recruit", id, admit ? "employment" : "stage",
                              admit ? employment : stage, NULL };
      if (id == NULL || (!admit && stage == NULL))
        fprintf (stderr, _("pbo recruit: --id (and --stage to promote) is required\n"));
      else
        status = cli_apply_one (admit ? "recruit admit" : "recruit promote", argv[1],
                                admit ? PBO_EDIT_OP_ADMIT : PBO_EDIT_OP_PROMOTE, attrs, NULL,
                                NULL, NULL, &how);
    }
  g_free (id);
  g_free (stage);
  g_free (employment);
  cli_apply_clear (&how);
  return status;
}

int
cli_cmd_recruit (int argc, char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "add") == 0)
    return recruit_add (argc - 1, argv + 1);
  if (argc >= 2 && (strcmp (argv[1], "promote") == 0 || strcmp (argv[1], "admit") == 0))
    return recruit_step (argc - 1, argv + 1, argv[1][0] == 'a');
  fprintf (stderr, _("Usage: pbo recruit add|promote|admit FILE [OPTION…]\n"));
  return CLI_EXIT_BAD_INPUT;
}

int
cli_cmd_set_org (int argc, char **argv)
{
  CliApply how = { 0 };
  char *org = NULL, *established = NULL, *unit = NULL, *term_start = NULL, *term_years = NULL;
  char *postponed = NULL;
  GOptionEntry entries[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("The org"), "ID" },
    { "established", 0, 0, G_OPTION_ARG_STRING, &established, N_("The founding date"),
      "YYYY-MM-DD" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("The host unit (单位)"), "UNIT" },
    { "term-start", 0, 0, G_OPTION_ARG_STRING, &term_start,
      N_("The start of a new term (换届)"), "YYYY-MM-DD" },
    { "term-years", 0, 0, G_OPTION_ARG_STRING, &term_years, N_("The term in years (1–10)"), "N" },
    { "term-postponed-to", 0, 0, G_OPTION_ARG_STRING, &postponed,
      N_("The re-election is postponed to this day (at most a year)"), "YYYY-MM-DD" },
    CLI_APPLY_ENTRIES (how),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  int status = CLI_EXIT_BAD_INPUT;

  if (cli_parse ("set-org", "FILE", "Set an org's founding date, unit or term (换届).", entries,
                 NULL, &argc, &argv, 1)
      && cli_apply_options_check (&how))
    {
      const char *attrs[] = { "org", org, "established", established, "unit", unit,
                              "term-start", term_start, "term-years", term_years,
                              "term-postponed-to", postponed, NULL };
      if (org == NULL)
        fprintf (stderr, _("pbo set-org: --org is required\n"));
      else
        status = cli_apply_one ("set-org", argv[1], PBO_EDIT_OP_SET_ORG, attrs, NULL, NULL, NULL,
                                &how);
    }
  g_free (org);
  g_free (established);
  g_free (unit);
  g_free (term_start);
  g_free (term_years);
  g_free (postponed);
  cli_apply_clear (&how);
  return status;
}

int
cli_cmd_undo (int argc, char **argv)
{
  CliApply how = { 0 };
  CliInput in = { 0 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &how.output,
      N_("Write the result to OUT instead of rewriting FILE"), "OUT" },
    CLI_LOCK_TIMEOUT_ENTRY (how.lock_timeout),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  PboSaveOptions opts = PBO_SAVE_OPTIONS_INIT;
  g_autoptr (PboFileLock) lock = NULL;
  g_autoptr (GError) error = NULL;
  int status = CLI_EXIT_BAD_INPUT;
  guint n;

  if (!cli_parse ("undo", "FILE", "Undo the last journal entry; FILE is rewritten crash-safely.",
                  entries, NULL, &argc, &argv, 1)
      || !cli_lock_for_rewrite ("undo", argv[1], how.output, how.lock_timeout, &lock)
      || !cli_load_input (&in, argv[1]))
    goto out;
  n = pbo_journal_get_n_entries (in.tree);
  if (n == 0 || !pbo_edit_undo_last (in.tree, &error))
    {
      fprintf (stderr, "pbo undo: %s\n", error != NULL ? error->message : _("the journal is empty"));
      goto out;
    }
  if (cli_save_tree (in.tree, how.output != NULL ? how.output : argv[1], &opts))
    {
      printf (_("undid journal entry %u; wrote %s\n"), n, how.output != NULL ? how.output : argv[1]);
      status = CLI_EXIT_OK;
    }
out:
  cli_input_clear (&in);
  cli_apply_clear (&how);
  return status;
}
