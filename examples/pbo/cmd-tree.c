/* pbo tree FILE [--depth N] [--org ID]: the indented tree with counts.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pbo-cli.h"

typedef struct {
  PboOrg *org;
  char   *label;   /* indented "name (id)" */
} Row;

static void
row_clear (gpointer data)
{
  g_free (((Row *) data)->label);
}

/* Collects the rows in document order, down to @max_depth levels below the
 * start (-1: all). */
static GArray *
collect_rows (PboTree *tree, PboOrg *root, int max_depth)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;
  int depth = -1;

  g_array_set_clear_func (rows, row_clear);
  pbo_walker_init (&w, tree, root);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      g_autofree char *name = NULL;
      Row row;
      if (ev == PBO_WALK_EXIT)
        {
          depth--;
          continue;
        }
      depth++;
      if (max_depth >= 0 && depth > max_depth)
        continue;
      name = cli_escaped (pbo_org_get_name (org));
      row.org = org;
      row.label = g_strdup_printf ("%*s%s (%s)", depth * 2, "", name, pbo_org_get_id (org));
      g_array_append_val (rows, row);
    }
  return rows;
}

static void
format_rows (GString *out, GArray *rows)
{
  guint width = cli_display_width ("ORGANISATION"), i;

  for (i = 0; i < rows->len; i++)
    width = MAX (width, cli_display_width (g_array_index (rows, Row, i).label));
  cli_append_padded (out, "ORGANISATION", width);
  g_string_append (out, "  KIND            MEMBERS     FULL  PROBAT.  IN-SERV.  RETIRED\n");
  for (i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      PboStats s;
      pbo_org_get_stats (row->org, &s);
      cli_append_padded (out, row->label, width);
      g_string_append_printf (out, "  %-14s %8u %8u %8u %9u %8u\n",
                              pbo_org_kind_to_string (pbo_org_get_kind (row->org)), s.members,
                              s.full, s.probationary, s.in_service, s.retired);
    }
}

int
cli_cmd_tree (int argc, char **argv)
{
  int depth = -1;
  GOptionEntry entries[] = {
    { "depth", 'd', 0, G_OPTION_ARG_INT, &depth, N_("Show N levels below the start"), "N" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { 0 };
  g_autoptr (GString) out = g_string_new (NULL);
  GArray *rows;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("tree", "FILE", "Print the organisation tree with member counts.", entries,
                  &in, &argc, &argv, 1))
    goto out;
  if (depth < -1)
    {
      fprintf (stderr, _("pbo tree: --depth must not be negative\n"));
      goto out;
    }
  if (!cli_load_input (&in, argv[1]))
    goto out;
  rows = collect_rows (in.tree, in.root, depth);
  format_rows (out, rows);
  g_array_unref (rows);
  status = cli_write_output (out, NULL) ? CLI_EXIT_OK : CLI_EXIT_BAD_INPUT;
out:
  cli_input_clear (&in);
  return status;
}
