/* libpbo — the HTML report's 三会一课 grid: branches × months.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "error-private.h"
#include "html-private.h"

#define N_MONTHS 12
#define N_TYPES PBO_MEETING_TYPE_SLOTS

/* Short labels for a cell, indexed by PboMeetingType, and their legend. */
static const char *const type_short[N_TYPES] = {
  NULL, N_("GA"), N_("CM"), N_("GM"), N_("L"), N_("TD"), N_("LM"), N_("MR"),
};

static const char *const type_long[N_TYPES] = {
  NULL, N_("general assembly (支部党员大会)"), N_("committee meeting (支委会)"),
  N_("group meeting (党小组会)"), N_("Party lecture (党课)"), N_("theme day (主题党日)"),
  N_("life meeting (组织生活会)"), N_("member review (民主评议党员)"),
};

typedef enum {
  CELL_NOT_REQUIRED,         /* the branch did not exist, or owes nothing */
  CELL_NOT_DUE,              /* nothing held, no window ended unmet */
  CELL_HELD,
  CELL_MISSING,
} CellState;

typedef struct {
  guint8 held[N_TYPES];      /* meetings held in the month, by type (saturating) */
  guint  missing;            /* bit per type: a window ending this month unmet */
  guint  required;           /* bit per type: a window ending this month */
  gboolean founded;
} Cell;

/* The month index of @date in the grid starting at @first (a first of
 * month), or -1 outside it. */
static int
month_index (PboDate first, PboDate date)
{
  int i = (int) (pbo_date_get_year (date) * 12 + pbo_date_get_month (date))
          - (int) (pbo_date_get_year (first) * 12 + pbo_date_get_month (first));

  return i >= 0 && i < N_MONTHS ? i : -1;
}

static void
count_held (Cell *cells, const PboOrg *org, PboDate first, PboDate to)
{
  for (guint i = 0; i < pbo_org_get_n_meetings (org); i++)
    {
      PboMeetingType type;
      PboDate date;
      int m;

      if (!pbo_org_get_meeting (org, i, &type, &date, NULL, NULL, NULL) || date > to
          || (m = month_index (first, date)) < 0 || type >= N_TYPES)
        continue;
      if (cells[m].held[type] < G_MAXUINT8)
        cells[m].held[type]++;
    }
}

/* Cuts the period into the windows pbo_meeting_tally() cuts it into and
 * marks, in the month each complete window ends, whether it was met — by
 * asking pbo_meeting_tally() itself, so that the grid and the rules
 * (PBO-L001…L007) can never disagree. */
static void
mark_windows (Cell *cells, const PboOrg *branch, PboMeetingType type, guint interval,
              PboDate from, PboDate to, PboDate first)
{
  PboDate established = pbo_org_get_established (branch);
  PboDate start = established != PBO_DATE_NONE && established > from ? established : from;

  for (PboDate w = start; w <= to; w = pbo_date_add_months (w, (int) interval))
    {
      PboDate end = pbo_date_add_days (pbo_date_add_months (w, (int) interval), -1);
      PboMeetingTally tally;
      int m;

      if (end > to || (m = month_index (first, end)) < 0)
        break;
      if (!pbo_meeting_tally (branch, type, interval, w, end, &tally))
        break;
      cells[m].required |= 1u << type;
      if (tally.met < tally.required)
        cells[m].missing |= 1u << type;
    }
}

static CellState
cell_state (const Cell *cell, gboolean requires_any)
{
  gboolean any_held = FALSE;

  for (guint t = 1; t < N_TYPES; t++)
    any_held |= cell->held[t] > 0;
  if (!cell->founded || !requires_any)
    return any_held ? CELL_HELD : CELL_NOT_REQUIRED;
  if (cell->missing != 0)
    return CELL_MISSING;
  return any_held ? CELL_HELD : CELL_NOT_DUE;
}

static void
write_cell (GString *out, const Cell *cell, CellState state)
{
  static const char *const css[] = { "not-required", "not-due", "held", "missing" };
  static const char *const symbol[] = { "–", "·", "✓", "✗" };

  g_string_append_printf (out, "<td class=\"%s\">%s", css[state], symbol[state]);
  for (guint t = 1; t < N_TYPES; t++)
    if (cell->held[t] > 0)
      {
        g_string_append_printf (out, " %s", _(type_short[t]));
        if (cell->held[t] > 1)
          g_string_append_printf (out, "×%u", cell->held[t]);
      }
  for (guint t = 1; t < N_TYPES; t++)
    if (cell->missing & (1u << t))
      g_string_append_printf (out, " <s>%s</s>", _(type_short[t]));
  g_string_append (out, "</td>");
}

static guint
write_branch_row (GString *out, const PboOrg *branch, PboDate from, PboDate to,
                  PboDate first, const PboCheckOptions *check)
{
  Cell cells[N_MONTHS];
  PboDate established = pbo_org_get_established (branch);
  gboolean requires_any = FALSE;
  guint missing_cells = 0;

  memset (cells, 0, sizeof cells);
  for (int m = 0; m < N_MONTHS; m++)
    {
      PboDate month_end = pbo_date_add_days (pbo_date_add_months (first, m + 1), -1);

      cells[m].founded = established == PBO_DATE_NONE || established <= month_end;
    }
  count_held (cells, branch, first, to);
  for (const PboOrg *g = pbo_org_get_first_child (branch); g != NULL; g = pbo_org_get_next (g))
    count_held (cells, g, first, to);
  for (PboMeetingType t = PBO_MEETING_GENERAL_ASSEMBLY; t < N_TYPES; t++)
    {
      guint interval = check->meeting_interval_months[t];

      if (interval == 0 || !pbo_branch_requires_meeting (branch, t))
        continue;
      requires_any = TRUE;
      mark_windows (cells, branch, t, interval, from, to, first);
    }
  g_string_append (out, "<tr><th scope=\"row\">");
  pbo_html_escape_ (out, pbo_org_get_name (branch));
  g_string_append (out, "</th>");
  for (int m = 0; m < N_MONTHS; m++)
    {
      CellState state = cell_state (&cells[m], requires_any);

      missing_cells += state == CELL_MISSING;
      write_cell (out, &cells[m], state);
    }
  g_string_append (out, "</tr>\n");
  return missing_cells;
}

static void
write_legend (GString *out)
{
  g_string_append (out, "<p class=\"legend\">");
  g_string_append_printf (out, "<span class=\"held\">✓ %s</span>", _("held"));
  g_string_append_printf (out, "<span class=\"missing\">✗ %s</span>",
                          _("missing (struck-out: the type not held in its period)"));
  g_string_append_printf (out, "<span class=\"not-due\">· %s</span>", _("nothing due"));
  g_string_append_printf (out, "<span class=\"not-required\">– %s</span>",
                          _("not required (or not yet founded)"));
  g_string_append (out, "</p>\n<p class=\"legend\">");
  for (guint t = 1; t < N_TYPES; t++)
    {
      g_string_append (out, "<span><b>");
      pbo_html_escape_ (out, _(type_short[t]));
      g_string_append (out, "</b> ");
      pbo_html_escape_ (out, _(type_long[t]));
      g_string_append (out, "</span> ");
    }
  g_string_append (out, "</p>\n");
}

void
pbo_html_write_meeting_grid_ (GString *out, const PboTree *tree, PboOrg *root, PboDate on,
                              const PboCheckOptions *check)
{
  PboDate first = pbo_date_add_months (pbo_date_make (pbo_date_get_year (on),
                                                      pbo_date_get_month (on), 1),
                                       -(N_MONTHS - 1));
  guint branches = 0, missing = 0;
  PboWalker walker;
  PboOrg *org;
  char date[16];

  pbo_html_section_begin_ (out, "meetings", _("三会一课"));
  g_string_append_printf (out, "<p>%s %s – ", _("Meetings held and missing per branch and month,"),
                          pbo_date_format (first, date));
  g_string_append_printf (out, "%s.</p>\n", pbo_date_format (on, date));
  write_legend (out);
  g_string_append (out, "<table class=\"grid\">\n<thead><tr><th scope=\"col\">");
  pbo_html_escape_ (out, _("branch"));
  g_string_append (out, "</th>");
  for (int m = 0; m < N_MONTHS; m++)
    {
      PboDate month = pbo_date_add_months (first, m);

      g_string_append_printf (out, "<th scope=\"col\">%04u-%02u</th>", pbo_date_get_year (month),
                              pbo_date_get_month (month));
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  pbo_walker_init (&walker, tree, root);
  for (PboWalkEvent ev; (ev = pbo_walker_next (&walker, &org)) != PBO_WALK_DONE;)
    if (ev == PBO_WALK_ENTER && pbo_org_get_kind (org) == PBO_ORG_BRANCH)
      {
        missing += write_branch_row (out, org, first, on, first, check);
        branches++;
      }
  g_string_append (out, "</tbody></table>\n");
  g_string_append_printf (out, "<p>%s <span data-figure=\"meetings.branches\">%u</span>; ",
                          _("Branches:"), branches);
  g_string_append_printf (out, "%s <span data-figure=\"meetings.missing-cells\">%u</span></p>\n",
                          _("months with a meeting missing:"), missing);
  pbo_html_section_end_ (out);
}
