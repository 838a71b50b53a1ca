/* libpbo — organisation charts as Graphviz DOT.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "chart-private.h"
#include "org-facts-private.h"

typedef struct {
  const char *fill;
  const char *border;
} KindColours;

/* Indexed by PboOrgKind; the palette documented in chart.h and docs/charts.md. */
static const KindColours palette[] = {
  { "#FFFFFF", "#000000" },
  { "#F4CCCC", "#990000" },
  { "#FCE5CD", "#B45F06" },
  { "#FFF2CC", "#BF9000" },
  { "#D9EAD3", "#38761D" },
};

void
pbo_chart_kind_colours_ (PboOrgKind kind, const char **fill, const char **border)
{
  const KindColours *colours = &palette[kind < G_N_ELEMENTS (palette) ? kind : PBO_ORG_NONE];

  *fill = colours->fill;
  *border = colours->border;
}

gboolean
pbo_chart_options_init (PboChartOptions *options, unsigned int version)
{
  static const PboChartOptions defaults = PBO_CHART_OPTIONS_INIT;

  g_return_val_if_fail (options != NULL, FALSE);
  return pbo_options_init_ (options, &defaults, sizeof defaults, version,
                            PBO_CHART_OPTIONS_VERSION);
}

/* Appends @text inside a DOT quoted string. DOT unescapes only \" in quoted
 * strings, but labels are escString: a lone backslash would start \N, \G, \l
 * and friends, so it is doubled; a line break becomes \n (a centred line),
 * CR is dropped. */
static void
append_escaped (GString *out, const char *text)
{
  const char *p;

  for (p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '"': g_string_append (out, "\\\""); break;
      case '\\': g_string_append (out, "\\\\"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': break;
      default: g_string_append_c (out, *p); break;
      }
}

static void
append_quoted (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  append_escaped (out, text);
  g_string_append_c (out, '"');
}

static void
append_label (GString *out, const PboOrg *org, const PboChartOptions *opts)
{
  PboMember *secretary = opts->show_secretary ? pbo_org_find_officer (org, PBO_ROLE_SECRETARY)
                                              : NULL;

  g_string_append (out, "label=\"");
  append_escaped (out, pbo_org_get_name (org));
  g_string_append (out, "\\n");
  g_string_append (out, pbo_org_kind_to_label (pbo_org_get_kind (org)));
  if (opts->show_member_counts)
    {
      PboStats s;
      pbo_org_get_stats (org, &s);
      g_string_append_printf (out, "\\n党员 %u（在职 %u / 离退休 %u）", s.members, s.in_service,
                              s.retired);
    }
  if (secretary != NULL)
    {
      g_string_append (out, "\\n书记：");
      append_escaped (out, pbo_member_get_name (secretary));
    }
  g_string_append_c (out, '"');
}

static void
append_node (GString *out, PboOrg *org, gboolean with_edge, const PboChartOptions *opts)
{
  const KindColours *colours = &palette[pbo_org_get_kind (org)];

  g_string_append (out, "  ");
  append_quoted (out, pbo_org_get_id (org));
  g_string_append (out, " [");
  append_label (out, org, opts);
  g_string_append_printf (out, ", fillcolor=\"%s\", color=\"%s\"];\n", colours->fill,
                          colours->border);
  if (!with_edge)
    return;
  g_string_append (out, "  ");
  append_quoted (out, pbo_org_get_id (pbo_org_get_parent (org)));
  g_string_append (out, " -> ");
  append_quoted (out, pbo_org_get_id (org));
  g_string_append (out, ";\n");
}

gboolean
pbo_chart_write_dot (const PboTree *tree, PboOrg *root, const PboChartOptions *options,
                     GString *out, GError **error)
{
  static const PboChartOptions defaults = PBO_CHART_OPTIONS_INIT;
  const PboChartOptions *opts = options != NULL ? options : &defaults;
  PboWalker walker;
  PboWalkEvent event;
  PboOrg *org;
  int depth = -1;

  g_return_val_if_fail (tree != NULL && out != NULL, FALSE);
  g_return_val_if_fail (root == NULL || pbo_org_get_tree (root) == tree, FALSE);
  if (!pbo_options_version_check_ (opts->version, PBO_CHART_OPTIONS_VERSION, "chart", error))
    return FALSE;

  g_string_append (out,
                   "digraph pbo {\n"
                   "  graph [rankdir=TB, charset=\"UTF-8\"];\n"
                   "  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\"];\n"
                   "  edge [arrowhead=none];\n");
  pbo_walker_init (&walker, tree, root);
  while ((event = pbo_walker_next (&walker, &org)) != PBO_WALK_DONE)
    {
      if (event == PBO_WALK_EXIT)
        {
          depth--;
          continue;
        }
      depth++;
      /* The walker has no pruning: deeper orgs are walked but not drawn. */
      if (opts->max_depth < 0 || depth <= opts->max_depth)
        append_node (out, org, depth > 0, opts);
    }
  g_string_append (out, "}\n");
  return TRUE;
}
