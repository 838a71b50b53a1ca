/* libpbo — the HTML report's org chart: an SVG indented tree drawn by libpbo.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "chart-private.h"
#include "error-private.h"
#include "html-private.h"

/* An indented tree rather than a top-down chart: a city's 144 branches
 * side by side would be metres wide, while one row per org stays as wide
 * as the deepest name and grows linearly with the tree. */
#define ROW_H 24
#define BOX_H 19
#define INDENT 18
#define MARGIN 8
/* Width estimates for 13 px text: a narrow character ≈ 7.2 px, a wide
 * (CJK) one ≈ 13 px. Generous, so that no label overflows its box. */
#define NARROW_PX 6.4
#define WIDE_PX 12.5
#define MAX_DEPTH_DRAWN 64

static double
label_width (const char *text)
{
  double w = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      w += g_unichar_iswide (c) ? WIDE_PX : NARROW_PX;
    }
  return w;
}

typedef struct {
  GString *svg;
  guint    rows;
  double   width;
  int      parent_x[MAX_DEPTH_DRAWN];
  int      parent_y[MAX_DEPTH_DRAWN];
} Chart;

static void
draw_org (Chart *chart, const PboOrg *org, guint depth)
{
  const char *fill, *border;
  PboStats stats;
  g_autofree char *label = NULL;
  guint d = MIN (depth, MAX_DEPTH_DRAWN - 1);
  int x = MARGIN + (int) d * INDENT;
  int y = MARGIN + (int) chart->rows * ROW_H;
  double w;

  pbo_org_get_stats (org, &stats);
  pbo_chart_kind_colours_ (pbo_org_get_kind (org), &fill, &border);
  /* The kind is written, not only coloured. */
  label = g_strdup_printf ("%s · %s · %u", pbo_org_kind_to_label (pbo_org_get_kind (org)),
                           pbo_org_get_name (org), stats.members);
  w = label_width (label) + 14;
  if (depth > 0)
    g_string_append_printf (chart->svg,
                            "<path d=\"M%d %d V%d H%d\" fill=\"none\" stroke=\"#777\"/>\n",
                            chart->parent_x[d - 1] + 10, chart->parent_y[d - 1] + BOX_H,
                            y + BOX_H / 2, x);
  g_string_append_printf (chart->svg, "<g data-org=\"");
  pbo_html_escape_ (chart->svg, pbo_org_get_id (org));
  g_string_append_printf (chart->svg,
                          "\"><rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%d\" rx=\"3\" "
                          "fill=\"%s\" stroke=\"%s\"/><text x=\"%d\" y=\"%d\">",
                          x, y, w, BOX_H, fill, border, x + 5, y + 14);
  pbo_html_escape_ (chart->svg, label);
  g_string_append (chart->svg, "</text></g>\n");
  chart->parent_x[d] = x;
  chart->parent_y[d] = y;
  chart->width = MAX (chart->width, x + w + MARGIN);
  chart->rows++;
}

/* Draws the subtree of @org (to @max_depth levels below it, -1: all) as
 * one <svg>; counts the orgs drawn and those left out past the cap. */
static void
write_block (GString *out, const PboTree *tree, PboOrg *org, int max_depth, guint *drawn,
             guint *skipped)
{
  Chart chart = { g_string_new (NULL), 0, 0, { 0 }, { 0 } };
  int depth = 0;
  PboWalker walker;
  PboOrg *o;

  pbo_walker_init (&walker, tree, org);
  for (PboWalkEvent ev; (ev = pbo_walker_next (&walker, &o)) != PBO_WALK_DONE;)
    {
      if (ev == PBO_WALK_EXIT)
        {
          depth--;
          continue;
        }
      if (max_depth >= 0 && depth > max_depth)
        ;
      else if (*drawn < PBO_HTML_CHART_MAX_ORGS)
        {
          draw_org (&chart, o, (guint) depth);
          (*drawn)++;
        }
      else
        (*skipped)++;
      depth++;
    }
  if (chart.rows > 0)
    {
      g_string_append_printf (out, "<svg role=\"img\" aria-label=\"");
      pbo_html_escape_ (out, pbo_org_get_name (org));
      g_string_append_printf (out, "\" width=\"%.0f\" height=\"%u\" viewBox=\"0 0 %.0f %u\">\n",
                              chart.width, MARGIN * 2 + chart.rows * ROW_H, chart.width,
                              MARGIN * 2 + chart.rows * ROW_H);
      g_string_append_len (out, chart.svg->str, chart.svg->len);
      g_string_append (out, "</svg>\n");
    }
  g_string_free (chart.svg, TRUE);
}

/* A tree this small is drawn as one indented tree; a larger one in blocks. */
#define ONE_BLOCK_MAX_ORGS 40

static guint
count_orgs (const PboOrg *org)
{
  PboStats stats;

  pbo_org_get_stats (org, &stats);
  return 1 + stats.committees + stats.general_branches + stats.branches + stats.groups;
}

/* The chart is cut into blocks, one <svg> per child of the top org, laid
 * side by side where the page is wide enough (trees over
 * ONE_BLOCK_MAX_ORGS orgs): a city's tree then prints
 * on a page or two instead of a strip metres long. */
void
pbo_html_write_chart_ (GString *out, const PboTree *tree, PboOrg *root)
{
  PboOrg *top = root;
  PboOrg *first = pbo_tree_get_first_org (tree);
  guint drawn = 0, skipped = 0;

  if (top == NULL && first != NULL && pbo_org_get_next (first) == NULL)
    top = first;
  pbo_html_section_begin_ (out, "chart", _("Organisation chart"));
  g_string_append_printf (out, "<p class=\"note\">%s</p>\n",
                          _("Each box: kind · name · members of its subtree."));
  g_string_append (out, "<div class=\"chart\">\n");
  if (top != NULL && count_orgs (top) <= ONE_BLOCK_MAX_ORGS)
    write_block (out, tree, top, -1, &drawn, &skipped);
  else
    {
      if (top != NULL)
        write_block (out, tree, top, 0, &drawn, &skipped);
      g_string_append (out, "<div class=\"blocks\">\n");
      for (PboOrg *o = top != NULL ? pbo_org_get_first_child (top) : first; o != NULL;
           o = pbo_org_get_next (o))
        write_block (out, tree, o, -1, &drawn, &skipped);
      g_string_append (out, "</div>\n");
    }
  g_string_append_printf (out, "<p class=\"note\">%s "
                          "<span data-figure=\"chart.orgs\">%u</span></p>\n</div>\n",
                          _("Organisations drawn:"), drawn);
  if (skipped > 0)
    {
      g_string_append (out, "<p class=\"note\">");
      g_string_append_printf (out, _("%u more organisations are not drawn; the tables list them all."),
                              skipped);
      g_string_append (out, "</p>\n");
    }
  pbo_html_section_end_ (out);
}
