/* pbo stats FILE [--org ID] [--format text|csv] [--all]: subtree statistics.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pbo-cli.h"

/* The CSV columns are a contract (issue 3): never reorder or rename. */
static const char csv_header[] =
  "id,kind,name,child_orgs,committees,general_branches,branches,groups,"
  "members,full,probationary,in_service,retired\n";

static void
append_csv_row (GString *out, PboCsvWriteFlags flags, PboOrg *org)
{
  PboStats s;

  pbo_org_get_stats (org, &s);
  cli_csv_field (out, pbo_org_get_id (org), flags);
  cli_csv_field (out, pbo_org_kind_to_string (pbo_org_get_kind (org)), flags);
  cli_csv_field (out, pbo_org_get_name (org), flags);
  g_string_append_printf (out, "%u,%u,%u,%u,%u,%u,%u,%u,%u,%u\n", s.child_orgs, s.committees,
                          s.general_branches, s.branches, s.groups, s.members, s.full,
                          s.probationary, s.in_service, s.retired);
}

static void
append_text (GString *out, PboOrg *org)
{
  g_autofree char *name = cli_escaped (pbo_org_get_name (org));
  PboStats s;

  pbo_org_get_stats (org, &s);
  g_string_append_printf (out,
                          _("%s (%s, %s)\n"
                          "  child orgs        %u\n"
                          "  committees        %u\n"
                          "  general branches  %u\n"
                          "  branches          %u\n"
                          "  groups            %u\n"
                          "  members           %u\n"
                          "    full            %u\n"
                          "    probationary    %u\n"
                          "    in service      %u\n"
                          "    retired         %u\n"),
                          name, pbo_org_get_id (org),
                          pbo_org_kind_to_display_name (pbo_org_get_kind (org)), s.child_orgs,
                          s.committees, s.general_branches, s.branches, s.groups, s.members,
                          s.full, s.probationary, s.in_service, s.retired);
}

typedef struct {
  GString         *out;
  const CliInput  *in;
  PboCsvWriteFlags flags;
} StatsRows;

static void
append_row (const StatsRows *rows, PboOrg *org)
{
  if (rows->in->format == CLI_FORMAT_CSV)
    append_csv_row (rows->out, cli_csv_flags (rows->in), org);
  else
    append_text (rows->out, org);
}

static gboolean
append_row_cb (PboOrg *org, gpointer data)
{
  append_row (data, org);
  return TRUE;
}

static gboolean
append_csv_row_cb (PboOrg *org, gpointer data)
{
  const StatsRows *rows = data;

  append_csv_row (rows->out, rows->flags, org);
  return TRUE;
}

void
cli_stats_write_csv_all (PboTree *tree, PboOrg *root, GString *out, PboCsvWriteFlags flags)
{
  StatsRows rows = { out, NULL, flags };

  g_string_append (out, csv_header);
  pbo_tree_foreach_org (tree, root, append_csv_row_cb, &rows);
}

int
cli_cmd_stats (int argc, char **argv)
{
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      N_("Every org of the tree (or of --org's subtree) in document order"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { .formats = CLI_FORMATS (CLI_FORMAT_TEXT, CLI_FORMAT_CSV), .format = CLI_FORMAT_TEXT };
  g_autoptr (GString) out = g_string_new (NULL);
  StatsRows rows;
  PboOrg *org;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("stats", "FILE", "Subtree statistics of each top-level org, or of one org.",
                  entries, &in, &argc, &argv, 1)
      || !cli_load_input (&in, argv[1]))
    goto out;
  if (in.format == CLI_FORMAT_CSV)
    g_string_append (out, csv_header);
  rows = (StatsRows) { out, &in, cli_csv_flags (&in) };
  if (all)
    pbo_tree_foreach_org (in.tree, in.root, append_row_cb, &rows);
  else
    for (org = in.root != NULL ? in.root : pbo_tree_get_first_org (in.tree); org != NULL;
         org = in.root != NULL ? NULL : pbo_org_get_next (org))
      append_row (&rows, org);
  status = cli_write_output (out, NULL) ? CLI_EXIT_OK : CLI_EXIT_BAD_INPUT;
out:
  cli_input_clear (&in);
  return status;
}
