/* pbo stats FILE [--org ID] [--format text|csv] [--all]: subtree statistics.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pbo-cli.h"

/* The CSV columns are a contract (issue 3): never reorder or rename. */
static const char csv_header[] =
  "id,kind,name,child_orgs,committees,general_branches,branches,groups,"
  "members,full,probationary,in_service,retired\n";

/* Appended when the file records standings (format 1.1), so that the
 * columns of files without them stay as they were. */
static const char csv_standing_header[] =
  ",lost_contact,suspended,abroad,outflow,disciplinary_probation";

static void
append_standings_csv (GString *out, PboOrg *org)
{
  guint counts[PBO_STANDING_COUNT], i;

  pbo_org_count_standing (org, counts);
  /* Replaces the row's line feed: the counts end the row. */
  g_string_truncate (out, out->len - 1);
  for (i = PBO_STANDING_NORMAL + 1; i < PBO_STANDING_COUNT; i++)
    g_string_append_printf (out, ",%u", counts[i]);
  g_string_append_c (out, '\n');
}

/* The members by standing (DESIGN §10), only where some are not normal. */
static void
append_standings_text (GString *out, PboOrg *org)
{
  static const char *const labels[PBO_STANDING_COUNT] = {
    NULL, N_("lost contact"), N_("suspended"), N_("abroad"), N_("outflow"),
    N_("disciplinary probation"),
  };
  guint counts[PBO_STANDING_COUNT], i;

  pbo_org_count_standing (org, counts);
  for (i = PBO_STANDING_NORMAL + 1; i < PBO_STANDING_COUNT; i++)
    if (counts[i] > 0)
      {
        g_string_append (out, "    ");
        cli_append_padded (out, _(labels[i]), 16);
        g_string_append_printf (out, "%u\n", counts[i]);
      }
}

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
  append_standings_text (out, org);
}

typedef struct {
  GString         *out;
  const CliInput  *in;
  PboCsvWriteFlags flags;
  gboolean         standings;  /* CSV: the standing columns too */
} StatsRows;

static void
append_row (const StatsRows *rows, PboOrg *org)
{
  if (rows->in->format == CLI_FORMAT_CSV)
    {
      append_csv_row (rows->out, cli_csv_flags (rows->in), org);
      if (rows->standings)
        append_standings_csv (rows->out, org);
    }
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
  StatsRows rows = { out, NULL, flags, FALSE };

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
  rows = (StatsRows) { out, &in, cli_csv_flags (&in), pbo_tree_has_standings (in.tree) };
  if (in.format == CLI_FORMAT_CSV)
    {
      g_string_append (out, csv_header);
      if (rows.standings)
        {
          g_string_truncate (out, out->len - 1);
          g_string_append (out, csv_standing_header);
          g_string_append_c (out, '\n');
        }
    }
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
