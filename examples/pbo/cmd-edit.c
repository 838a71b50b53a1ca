/* pbo transfer | move | merge: one-operation plans. Each builds the plan
 * a file would hold (<transfer>, <move>, <merge>) and applies it as
 * `pbo apply` does, so both paths check, journal and write the same way.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include "pbo-cli.h"

int
cli_apply_one (const char *command, const char *file, PboEditOp op, const char **attributes,
           const char *element, char **ids, const char **child, const CliApply *how)
{
  g_autoptr (PboPlan) plan = pbo_plan_new ();
  g_autoptr (GPtrArray) given = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  guint i;
  int index;

  for (i = 0; attributes[i] != NULL; i += 2)
    if (attributes[i + 1] != NULL)
      {
        g_ptr_array_add (given, (gpointer) attributes[i]);
        g_ptr_array_add (given, (gpointer) attributes[i + 1]);
      }
  g_ptr_array_add (given, NULL);
  index = pbo_plan_add_op (plan, op, (const char *const *) given->pdata, &error);
  for (i = 0; index >= 0 && ids != NULL && ids[i] != NULL && error == NULL; i++)
    {
      /* A meeting's <absent member/>, a transfer's <member id/>. */
      const char *member[] = { strcmp (element, "absent") == 0 ? "member" : "id", ids[i], NULL };
      pbo_plan_add_child (plan, (guint) index, element, member, &error);
    }
  if (index >= 0 && child != NULL && error == NULL)
    pbo_plan_add_child (plan, (guint) index, element, child, &error);
  if (error != NULL)
    {
      fprintf (stderr, "pbo %s: %s\n", command, error->message);
      return CLI_EXIT_BAD_INPUT;
    }
  return cli_apply_plan (command, file, plan, how);
}

int
cli_cmd_transfer (int argc, char **argv)
{
  CliApply how = { 0 };
  char *to = NULL, *from = NULL, *employment = NULL, *status = NULL, *department = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The branch or group receiving them"), "BRANCH" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("Select the members of ORG's subtree instead of naming them"), "ORG" },
    { "employment", 0, 0, G_OPTION_ARG_STRING, &employment, N_("With --from: in-service or retired"),
      "E" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("With --from: full or probationary"), "S" },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_("With --from: this department"),
      "DEPT" },
    CLI_APPLY_ENTRIES (how),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  int status_code = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("transfer", "FILE [MEMBER…]",
                  "Transfer members (组织关系转接): those named, or with --from those selected.",
                  entries, NULL, &argc, &argv, -1)
      || !cli_apply_options_check (&how))
    goto out;
  if (to == NULL || (from == NULL) == (argc < 3))
    {
      fprintf (stderr, _("pbo transfer: give --to and either MEMBER ids or --from\n"));
      goto out;
    }
  {
    const char *attrs[] = { "to", to, NULL };
    /* A NULL value is an attribute not given. */
    const char *select[] = { "from", from, "employment", employment, "status", status,
                             "department", department, NULL };
    status_code = from != NULL
      ? cli_apply_one ("transfer", argv[1], PBO_EDIT_OP_TRANSFER, attrs, "select", NULL, select, &how)
      : cli_apply_one ("transfer", argv[1], PBO_EDIT_OP_TRANSFER, attrs, "member", argv + 2, NULL,
                   &how);
  }
out:
  g_free (to);
  g_free (from);
  g_free (employment);
  g_free (status);
  g_free (department);
  cli_apply_clear (&how);
  return status_code;
}

int
cli_cmd_move (int argc, char **argv)
{
  CliApply how = { 0 };
  char *to = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The new parent"), "PARENT" },
    CLI_APPLY_ENTRIES (how),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  int status = CLI_EXIT_BAD_INPUT;

  if (cli_parse ("move", "FILE ORG", "Move an org with its subtree under another org.",
                 entries, NULL, &argc, &argv, 2)
      && cli_apply_options_check (&how))
    {
      const char *attrs[] = { "org", argv[2], "to", to, NULL };
      if (to == NULL)
        fprintf (stderr, _("pbo move: --to PARENT is required\n"));
      else
        status = cli_apply_one ("move", argv[1], PBO_EDIT_OP_MOVE, attrs, NULL, NULL, NULL, &how);
    }
  g_free (to);
  cli_apply_clear (&how);
  return status;
}

int
cli_cmd_merge (int argc, char **argv)
{
  CliApply how = { 0 };
  char *into = NULL, *name = NULL;
  GOptionEntry entries[] = {
    { "into", 0, 0, G_OPTION_ARG_STRING, &into, N_("The org that absorbs the others"), "ORG" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Rename it afterwards"), "NAME" },
    CLI_APPLY_ENTRIES (how),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  int status = CLI_EXIT_BAD_INPUT;

  if (cli_parse ("merge", "FILE ORG…", "Merge orgs into one: their child orgs and members move, "
                 "their offices are vacated, the emptied orgs are removed.",
                 entries, NULL, &argc, &argv, -2)
      && cli_apply_options_check (&how))
    {
      g_autofree char *from = g_strjoinv (" ", argv + 2);
      const char *attrs[] = { "into", into, "from", from, "name", name, NULL };
      if (into == NULL)
        fprintf (stderr, _("pbo merge: --into ORG is required\n"));
      else
        status = cli_apply_one ("merge", argv[1], PBO_EDIT_OP_MERGE, attrs, NULL, NULL, NULL, &how);
    }
  g_free (into);
  g_free (name);
  cli_apply_clear (&how);
  return status;
}
