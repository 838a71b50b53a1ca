/* libpbo — meetings held against meetings required.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include <stdlib.h>
#include "csv-private.h"
#include "meetings-private.h"
#include "org-facts-private.h"
#include "error-private.h"
#include "text-private.h"

static const guint default_intervals[PBO_MEETING_TYPE_SLOTS] = PBO_MEETING_INTERVALS_DEFAULT;

guint
pbo_meeting_default_interval (PboMeetingType type)
{
  return pbo_meeting_type_to_string (type) != NULL ? default_intervals[type] : 0;
}

gboolean
pbo_branch_requires_meeting (const PboOrg *branch, PboMeetingType type)
{
  g_return_val_if_fail (branch != NULL, FALSE);
  return pbo_branch_requires_meeting_ (branch, type, PBO_COMMITTEE_MIN_OFFICERS);
}

/* Appends the dates of @org's meetings of @type that fall in [from, to]. */
static void
collect_dates (const PboOrg *org, PboMeetingType type, PboDate from, PboDate to, GArray *dates)
{
  guint i;

  for (i = 0; i < pbo_org_get_n_meetings (org); i++)
    {
      PboMeetingType t;
      PboDate d;

      pbo_org_get_meeting (org, i, &t, &d, NULL, NULL, NULL);
      if (t == type && d >= from && d <= to)
        g_array_append_val (dates, d);
    }
}

static int
compare_dates (const void *a, const void *b)
{
  PboDate x = *(const PboDate *) a, y = *(const PboDate *) b;
  return x < y ? -1 : x > y;
}

/* Walks the windows [start + i·interval, start + (i+1)·interval − 1 day]
 * that end by @to, over the sorted @dates, and counts those holding one.
 * Each window is computed from @start (not from the previous window) so
 * that clamped month ends (31 → 30) never drift. */
static void
count_windows (const GArray *dates, PboDate start, PboDate to, guint interval,
               PboMeetingTally *tally)
{
  guint i, next = 0;

  for (i = 0;; i++)
    {
      PboDate w_start = pbo_date_add_months (start, (int) (i * interval));
      PboDate w_next = pbo_date_add_months (start, (int) ((i + 1) * interval));
      PboDate w_end = w_next != PBO_DATE_NONE ? pbo_date_add_days (w_next, -1) : PBO_DATE_NONE;
      gboolean met = FALSE;

      if (w_start == PBO_DATE_NONE || w_end == PBO_DATE_NONE || w_end > to)
        break;
      while (next < dates->len && g_array_index (dates, PboDate, next) < w_start)
        next++;
      met = next < dates->len && g_array_index (dates, PboDate, next) <= w_end;
      tally->required++;
      if (met)
        tally->met++;
      else if (tally->first_missing == PBO_DATE_NONE)
        tally->first_missing = w_start;
    }
}

void
pbo_meeting_tally_ (const PboOrg *branch, PboMeetingType type, guint interval_months,
                    gboolean required, PboDate from, PboDate to, PboMeetingTally *tally)
{
  g_autoptr (GArray) dates = g_array_new (FALSE, FALSE, sizeof (PboDate));
  const PboOrg *child;
  PboDate start;

  collect_dates (branch, type, from, to, dates);
  for (child = pbo_org_get_first_child (branch); child != NULL; child = pbo_org_get_next (child))
    collect_dates (child, type, from, to, dates);
  /* An empty GArray may have no buffer at all, and qsort's pointer must not
   * be NULL (UBSan caught it). */
  if (dates->len > 1)
    qsort (dates->data, dates->len, sizeof (PboDate), compare_dates);

  memset (tally, 0, sizeof *tally);
  tally->type = type;
  tally->interval_months = 0;
  tally->required = 0;
  tally->met = 0;
  tally->held = dates->len;
  tally->first_missing = PBO_DATE_NONE;
  if (interval_months == 0 || !required)
    return;
  tally->interval_months = interval_months;
  /* A branch founded inside the period owes nothing for the time before. */
  start = MAX (from, pbo_org_get_established (branch));
  if (start <= to)
    count_windows (dates, start, to, interval_months, tally);
}

gboolean
pbo_meeting_tally (const PboOrg *branch, PboMeetingType type, guint interval_months, PboDate from,
                   PboDate to, PboMeetingTally *tally)
{
  g_return_val_if_fail (branch != NULL && tally != NULL, FALSE);
  g_return_val_if_fail (pbo_org_get_kind (branch) == PBO_ORG_BRANCH, FALSE);
  g_return_val_if_fail (pbo_meeting_type_to_string (type) != NULL, FALSE);
  g_return_val_if_fail (interval_months <= PBO_MEETING_INTERVAL_MAX, FALSE);
  g_return_val_if_fail (pbo_date_is_valid (from) && !pbo_date_is_year_only (from), FALSE);
  g_return_val_if_fail (pbo_date_is_valid (to) && !pbo_date_is_year_only (to) && from <= to,
                        FALSE);

  pbo_meeting_tally_ (branch, type, interval_months, pbo_branch_requires_meeting (branch, type),
                      from, to, tally);
  return TRUE;
}

gboolean
pbo_meeting_intervals_check_ (const guint *intervals, GError **error)
{
  int t;

  for (t = PBO_MEETING_GENERAL_ASSEMBLY; t < PBO_MEETING_TYPE_SLOTS; t++)
    if (intervals[t] > PBO_MEETING_INTERVAL_MAX)
      {
        g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                     _("the interval of %s meetings (%u months) is over %u months"),
                     pbo_meeting_type_to_display_name ((PboMeetingType) t), intervals[t],
                     (guint) PBO_MEETING_INTERVAL_MAX);
        return FALSE;
      }
  return TRUE;
}

/* ---- the summary ------------------------------------------------------ */

typedef struct {
  PboOrg         *branch;
  PboMeetingTally tallies[PBO_MEETING_TYPE_SLOTS];
} SummaryRow;

struct _PboMeetingSummary {
  GArray *rows;              /* SummaryRow */
  PboDate from;
  PboDate to;
  const guint *intervals;    /* the options' intervals while the summary is built */
};

static gboolean
options_check (const PboMeetingOptions *options, GError **error)
{
  return pbo_options_version_check_ (options->version, PBO_MEETING_OPTIONS_VERSION, "meeting",
                                     error) &&
         pbo_meeting_intervals_check_ (options->interval_months, error);
}

static gboolean
summary_add_branch (PboOrg *org, gpointer data)
{
  PboMeetingSummary *s = data;
  SummaryRow row = { org, { { 0 } } };
  int t;

  if (pbo_org_get_kind (org) != PBO_ORG_BRANCH)
    return TRUE;
  for (t = PBO_MEETING_GENERAL_ASSEMBLY; t < PBO_MEETING_TYPE_SLOTS; t++)
    pbo_meeting_tally (org, (PboMeetingType) t, s->intervals[t], s->from, s->to,
                       &row.tallies[t]);
  g_array_append_val (s->rows, row);
  return TRUE;
}

PboMeetingSummary *
pbo_meeting_summary_new (const PboTree *tree, PboOrg *root, const PboMeetingOptions *options,
                         GError **error)
{
  static const PboMeetingOptions defaults = PBO_MEETING_OPTIONS_INIT;
  PboMeetingSummary *s;
  PboDate from, to;

  g_return_val_if_fail (tree != NULL, NULL);
  g_return_val_if_fail (root == NULL || pbo_org_get_tree (root) == tree, NULL);

  if (options == NULL)
    options = &defaults;
  if (!options_check (options, error))
    return NULL;
  from = options->from;
  to = options->to;
  if (!pbo_period_resolve_ (PBO_DATE_NONE, &from, &to, error))
    return NULL;

  s = g_new0 (PboMeetingSummary, 1);
  s->rows = g_array_new (FALSE, FALSE, sizeof (SummaryRow));
  s->from = from;
  s->to = to;
  s->intervals = options->interval_months;
  pbo_tree_foreach_org (tree, root, summary_add_branch, s);
  s->intervals = NULL;
  return s;
}

void
pbo_meeting_summary_free (PboMeetingSummary *summary)
{
  if (summary == NULL)
    return;
  g_array_unref (summary->rows);
  g_free (summary);
}

PboDate
pbo_meeting_summary_get_from (const PboMeetingSummary *summary)
{
  g_return_val_if_fail (summary != NULL, PBO_DATE_NONE);
  return summary->from;
}

PboDate
pbo_meeting_summary_get_to (const PboMeetingSummary *summary)
{
  g_return_val_if_fail (summary != NULL, PBO_DATE_NONE);
  return summary->to;
}

guint
pbo_meeting_summary_get_n_branches (const PboMeetingSummary *summary)
{
  g_return_val_if_fail (summary != NULL, 0);
  return summary->rows->len;
}

static const SummaryRow *
row_at (const PboMeetingSummary *summary, guint index)
{
  return index < summary->rows->len ? &g_array_index (summary->rows, SummaryRow, index) : NULL;
}

PboOrg *
pbo_meeting_summary_get_branch (const PboMeetingSummary *summary, guint index)
{
  const SummaryRow *row;

  g_return_val_if_fail (summary != NULL, NULL);
  row = row_at (summary, index);
  return row != NULL ? row->branch : NULL;
}

const PboMeetingTally *
pbo_meeting_summary_get_tally (const PboMeetingSummary *summary, guint index, PboMeetingType type)
{
  const SummaryRow *row;

  g_return_val_if_fail (summary != NULL, NULL);
  row = row_at (summary, index);
  if (row == NULL || pbo_meeting_type_to_string (type) == NULL)
    return NULL;
  return &row->tallies[type];
}

static void
write_tally_text (const PboMeetingTally *t, GString *out)
{
  char d[PBO_DATE_BUFSIZE];

  g_string_append (out, "  ");
  pbo_text_append_column_ (out, pbo_meeting_type_to_display_name (t->type), 17);
  g_string_append_printf (out, _(" held %3u"), t->held);
  if (t->interval_months == 0)
    {
      g_string_append_printf (out, "  %s\n", _("not required"));
      return;
    }
  /* TRANSLATORS: the last %s is the English plural "s" (or nothing). */
  g_string_append_printf (out, _("  required %3u (every %u month%s)  met %u/%u"), t->required,
                          t->interval_months, t->interval_months == 1 ? "" : "s", t->met,
                          t->required);
  if (t->first_missing != PBO_DATE_NONE)
    g_string_append_printf (out, _("  MISSING from %s"), pbo_date_format (t->first_missing, d));
  g_string_append_c (out, '\n');
}

void
pbo_meeting_summary_write_text (const PboMeetingSummary *summary, GString *out)
{
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];
  guint i;
  int t;

  g_return_if_fail (summary != NULL && out != NULL);
  g_string_append_printf (out, _("Meetings from %s to %s"), pbo_date_format (summary->from, d1),
                          pbo_date_format (summary->to, d2));
  g_string_append_c (out, '\n');
  for (i = 0; i < summary->rows->len; i++)
    {
      const SummaryRow *row = row_at (summary, i);
      g_autofree char *name = pbo_text_escape_ (pbo_org_get_name (row->branch));

      g_string_append_printf (out, "\n%s %s\n", pbo_org_get_id (row->branch), name);
      for (t = PBO_MEETING_GENERAL_ASSEMBLY; t < PBO_MEETING_TYPE_SLOTS; t++)
        write_tally_text (&row->tallies[t], out);
    }
}

void
pbo_meeting_summary_write_csv (const PboMeetingSummary *summary, GString *out)
{
  pbo_meeting_summary_write_csv_full (summary, out, PBO_CSV_WRITE_DEFAULT);
}

void
pbo_meeting_summary_write_csv_full (const PboMeetingSummary *summary, GString *out,
                                    PboCsvWriteFlags flags)
{
  guint i;
  int t;

  g_return_if_fail (summary != NULL && out != NULL);
  pbo_csv_row_ (out, flags, "branch", "name", "type", "interval-months", "required", "met", "held",
                "first-missing", NULL);
  for (i = 0; i < summary->rows->len; i++)
    {
      const SummaryRow *row = row_at (summary, i);

      for (t = PBO_MEETING_GENERAL_ASSEMBLY; t < PBO_MEETING_TYPE_SLOTS; t++)
        {
          const PboMeetingTally *tl = &row->tallies[t];
          char interval[16], required[16], met[16], held[16], d[PBO_DATE_BUFSIZE];

          g_snprintf (interval, sizeof interval, "%u", tl->interval_months);
          g_snprintf (required, sizeof required, "%u", tl->required);
          g_snprintf (met, sizeof met, "%u", tl->met);
          g_snprintf (held, sizeof held, "%u", tl->held);
          pbo_csv_row_ (out, flags, pbo_org_get_id (row->branch), pbo_org_get_name (row->branch),
                        pbo_meeting_type_to_string (tl->type), interval, required, met, held,
                        pbo_date_format (tl->first_missing, d), NULL);
        }
    }
}
