/* pbo stats FILE [--org ID] [--format text|csv]: subtree statistics.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pbo-cli.h"

/* The CSV columns are a contract (issue 3): never reorder or rename. */
static const char csv_header[] =
  "id,kind,name,child_orgs,committees,general_branches,branches,groups,"
  "members,full,probationary,in_service,retired\n";

static void
append_csv_row (GString *out, PboOrg *org)
{
  PboStats s;

  pbo_org_get_stats (org, &s);
  cli_csv_field (out, pbo_org_get_id (org));
  cli_csv_field (out, pbo_org_kind_to_string (pbo_org_get_kind (org)));
  cli_csv_field (out, pbo_org_get_name (org));
  g_string_append_printf (out, "%u,%u,%u,%u,%u,%u,%u,%u,%u,%u\n", s.child_orgs, s.committees,
                          s.general_branches, s.branches, s.groups, s.members, s.full,
                          s.probationary, s.in_service, s.retired);
}

static void
append_text (GString *out, PboOrg *org)
{
  PboStats s;

  pbo_org_get_stats (org, &s);
  g_string_append_printf (out,
                          "%s (%s, %s)\n"
                          "  child orgs        %u\n"
                          "  committees        %u\n"
                          "  general branches  %u\n"
                          "  branches          %u\n"
                          "  groups            %u\n"
                          "  members           %u\n"
                          "    full            %u\n"
                          "    probationary    %u\n"
                          "    in service      %u\n"
                          "    retired         %u\n",
                          pbo_org_get_name (org), pbo_org_get_id (org),
                          pbo_org_kind_to_string (pbo_org_get_kind (org)), s.child_orgs,
                          s.committees, s.general_branches, s.branches, s.groups, s.members,
                          s.full, s.probationary, s.in_service, s.retired);
}

int
cli_cmd_stats (int argc, char **argv)
{
  char *org_id = NULL, *format_name = NULL;
  GOptionEntry entries[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &org_id, "Report this org only", "ID" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, "text (default) or csv", "FORMAT" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_autoptr (PboTree) tree = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  CliFormat format = CLI_FORMAT_TEXT;
  PboOrg *org;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("stats", "FILE", "Subtree statistics of each top-level org, or of one org.",
                  entries, &argc, &argv, 1))
    goto out;
  if (format_name != NULL
      && !(format = cli_parse_format (format_name, 1u << CLI_FORMAT_TEXT | 1u << CLI_FORMAT_CSV)))
    goto out;
  tree = cli_load (argv[1], PBO_LOAD_NONE);
  if (tree == NULL || !cli_lookup_org (tree, argv[1], org_id, &org))
    goto out;
  if (format == CLI_FORMAT_CSV)
    g_string_append (out, csv_header);
  for (org = org != NULL ? org : pbo_tree_get_first_org (tree); org != NULL;
       org = org_id != NULL ? NULL : pbo_org_get_next (org))
    format == CLI_FORMAT_CSV ? append_csv_row (out, org) : append_text (out, org);
  status = cli_write_output (out, NULL) ? CLI_EXIT_OK : CLI_EXIT_BAD_INPUT;
out:
  g_free (org_id);
  g_free (format_name);
  return status;
}
