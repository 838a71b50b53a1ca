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

/* The count columns: headings (translated) and their widths in terminal
 * columns, at least as wide as the English ones were. */
static const struct {
  const char *heading;
  guint       width;
} count_columns[] = {
  { N_("MEMBERS"), 8 }, { N_("FULL"), 8 }, { N_("PROBAT."), 8 }, { N_("IN-SERV."), 9 },
  { N_("RETIRED"), 8 },
};

static guint
column_width (guint c)
{
  return MAX (count_columns[c].width, cli_display_width (_(count_columns[c].heading)));
}

static void
append_heading (GString *out, guint name_width)
{
  guint i;

  cli_append_padded (out, _("ORGANISATION"), name_width);
  g_string_append (out, "  ");
  cli_append_padded (out, _("KIND"), 14);
  for (i = 0; i < G_N_ELEMENTS (count_columns); i++)
    {
      g_string_append_c (out, ' ');
      cli_append_right (out, _(count_columns[i].heading), column_width (i));
    }
  g_string_append_c (out, '\n');
}

static void
format_rows (GString *out, GArray *rows)
{
  guint width = cli_display_width (_("ORGANISATION")), i, c;

  for (i = 0; i < rows->len; i++)
    width = MAX (width, cli_display_width (g_array_index (rows, Row, i).label));
  append_heading (out, width);
  for (i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      PboStats s;
      guint counts[G_N_ELEMENTS (count_columns)];

      pbo_org_get_stats (row->org, &s);
      counts[0] = s.members, counts[1] = s.full, counts[2] = s.probationary;
      counts[3] = s.in_service, counts[4] = s.retired;
      cli_append_padded (out, row->label, width);
      g_string_append (out, "  ");
      cli_append_padded (out, pbo_org_kind_to_display_name (pbo_org_get_kind (row->org)), 14);
      for (c = 0; c < G_N_ELEMENTS (count_columns); c++)
        {
          char n[16];

          g_snprintf (n, sizeof n, " %u", counts[c]);
          cli_append_right (out, n, column_width (c) + 1);
        }
      g_string_append_c (out, '\n');
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
