/* pbo meetings --inspection (the table of seed 004's inspection) and
 * pbo minutes FILE --org ID --year Y (a printable record book, 会议记录本).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include "pbo-cli.h"

static const char *const type_names[] = {
  NULL, N_("general assembly (支部党员大会)"), N_("committee meeting (支委会)"),
  N_("group meeting (党小组会)"), N_("Party lecture (党课)"), N_("theme day (主题党日)"),
  N_("life meeting (组织生活会)"), N_("member review (民主评议党员)"),
};

/* Per branch and type: the records of the period and what they lack. */
typedef struct {
  guint held;            /* held in the period */
  guint complete;        /* of those, with complete minutes */
  guint planned_open;    /* planned in the period, not held by its end */
} InspectionCount;

static void
count_org (const PboOrg *org, PboDate from, PboDate to, InspectionCount *counts)
{
  guint i;

  for (i = 0; i < pbo_org_get_n_meetings (org); i++)
    {
      PboMeetingInfo info = PBO_MEETING_INFO_INIT;
      InspectionCount *c;

      pbo_org_get_meeting_info (org, i, &info);
      if ((guint) info.type >= G_N_ELEMENTS (type_names) || info.type == PBO_MEETING_NONE)
        continue;
      c = &counts[info.type];
      if (info.date >= from && info.date <= to)
        {
          c->held++;
          c->complete += pbo_org_get_meeting_minutes_missing (org, i) == 0;
        }
      else if (info.planned != PBO_DATE_NONE && info.planned >= from && info.planned <= to
               && info.date > to)
        c->planned_open++;
    }
}

/* The branch's own meetings and its groups'. */
static void
count_branch (const PboOrg *branch, PboDate from, PboDate to, InspectionCount *counts)
{
  const PboOrg *g;

  count_org (branch, from, to, counts);
  for (g = pbo_org_get_first_child (branch); g != NULL; g = pbo_org_get_next (g))
    count_org (g, from, to, counts);
}

/* A header cell @width columns wide on the terminal (CJK counts 2),
 * right-aligned, or left-aligned (after two spaces) for a negative @width. */
static void
put_cell (GString *out, const char *text, int width)
{
  int pad = ABS (width) - (int) cli_display_width (text);

  if (width < 0)
    g_string_append_printf (out, "  %s%*s", text, MAX (pad, 0), "");
  else
    g_string_append_printf (out, "%*s%s", MAX (pad, 1), "", text);
}

static void
write_plans (GString *out, const PboOrg *branch, PboDate from, PboDate to)
{
  guint y;

  g_string_append (out, "  ");
  for (y = pbo_date_get_year (from); y <= pbo_date_get_year (to); y++)
    g_string_append_printf (out, _("work plan %u: %s  "), y,
                            pbo_org_find_work_plan (branch, y) >= 0 ? _("yes") : _("NO"));
  g_string_append_c (out, '\n');
}

/* The inspection table: per branch, required against held per type, the
 * minutes complete, what was planned and not held, the annual plans. */
void
cli_write_inspection (const PboMeetingSummary *summary, GString *out)
{
  PboDate from = pbo_meeting_summary_get_from (summary), to = pbo_meeting_summary_get_to (summary);
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];
  guint i;
  int type;

  g_string_append_printf (out, _("Inspection of branch work records from %s to %s\n"),
                          pbo_date_format (from, d1), pbo_date_format (to, d2));
  for (i = 0; i < pbo_meeting_summary_get_n_branches (summary); i++)
    {
      const PboOrg *b = pbo_meeting_summary_get_branch (summary, i);
      InspectionCount counts[G_N_ELEMENTS (type_names)] = { { 0 } };

      count_branch (b, from, to, counts);
      g_string_append_printf (out, "\n%s %s\n", pbo_org_get_id (b), pbo_org_get_name (b));
      write_plans (out, b, from, to);
      put_cell (out, _("type"), -35);
      put_cell (out, _("required"), 8);
      put_cell (out, _("held"), 6);
      put_cell (out, _("met"), 6);
      put_cell (out, _("minutes"), 10);
      put_cell (out, _("not held"), 10);
      g_string_append_c (out, '\n');
      for (type = PBO_MEETING_GENERAL_ASSEMBLY; type <= PBO_MEETING_MEMBER_REVIEW; type++)
        {
          const PboMeetingTally *t = pbo_meeting_summary_get_tally (summary, i, type);
          const InspectionCount *c = &counts[type];
          g_autofree char *minutes = g_strdup_printf ("%u/%u", c->complete, c->held);
          const char *name = _(type_names[type]);
          g_autofree char *met = t != NULL && t->interval_months > 0
                                 ? g_strdup_printf ("%u/%u", t->met, t->required) : g_strdup ("-");

          g_string_append_printf (out, "  %s%*s", name,
                                  (int) MAX (1, 35 - (int) cli_display_width (name)), "");
          if (t == NULL || t->interval_months == 0)
            g_string_append_printf (out, "%8s", "-");
          else
            g_string_append_printf (out, "%8u", t->required);
          g_string_append_printf (out, " %5u %5s %9s %9u\n", c->held, met, minutes,
                                  c->planned_open);
        }
    }
  g_string_append (out, _("\nmet: periods of the interval with a meeting, of those required; "
                          "minutes: records with complete minutes (presenter, recorder, "
                          "expected, present, topic; a resolution for general assemblies and "
                          "committee meetings) of those held; not held: planned in the period "
                          "and dated after it.\n"));
}

/* ---- pbo minutes ------------------------------------------------------------- */

static const char *
member_name (const PboTree *tree, const char *id)
{
  const PboMember *m = id != NULL ? pbo_tree_lookup_member (tree, id) : NULL;

  return m != NULL ? pbo_member_get_name (m) : NULL;
}

static void
put_person (GString *out, const PboTree *tree, const char *label, const char *id)
{
  const char *name = member_name (tree, id);

  g_string_append_printf (out, "%s: ", label);
  if (id == NULL)
    g_string_append (out, "—");
  else if (name != NULL)
    g_string_append_printf (out, "%s (%s)", name, id);
  else
    g_string_append (out, id);
}

static void
put_count (GString *out, const char *label, int n)
{
  if (n == PBO_ATTENDANCE_NONE)
    g_string_append_printf (out, "%s —  ", label);
  else
    g_string_append_printf (out, "%s %d  ", label, n);
}

static void
write_record (GString *out, const PboOrg *org, guint index)
{
  static const struct { guint bit; const char *name; } fields[] = {
    { PBO_MINUTES_PRESENTER, N_("presenter") }, { PBO_MINUTES_RECORDER, N_("recorder") },
    { PBO_MINUTES_EXPECTED, N_("expected") },   { PBO_MINUTES_PRESENT, N_("present") },
    { PBO_MINUTES_TOPIC, N_("topic") },         { PBO_MINUTES_RESOLUTION, N_("resolution") },
  };
  PboMeetingInfo info = PBO_MEETING_INFO_INIT;
  const PboTree *tree = pbo_org_get_tree (org);
  char d[PBO_DATE_BUFSIZE];
  guint missing = pbo_org_get_meeting_minutes_missing (org, index), n_absent = 0, k;

  pbo_org_get_meeting_info (org, index, &info);
  pbo_org_get_meeting (org, index, NULL, NULL, NULL, NULL, &n_absent);
  g_string_append_printf (out, "\n%s  %s", pbo_date_format (info.date, d),
                          (guint) info.type < G_N_ELEMENTS (type_names)
                            ? _(type_names[info.type]) : "?");
  if (info.title != NULL)
    g_string_append_printf (out, "  %s", info.title);
  g_string_append_printf (out, "\n  %s: %s", _("held by"), pbo_org_get_name (org));
  if (info.planned != PBO_DATE_NONE)
    g_string_append_printf (out, "  %s: %s", _("planned"), pbo_date_format (info.planned, d));
  g_string_append_printf (out, "  %s: %s\n  ", _("place"), info.place != NULL ? info.place : "—");
  put_person (out, tree, _("presenter"), info.presenter);
  g_string_append (out, "  ");
  put_person (out, tree, _("recorder"), info.recorder);
  g_string_append (out, "\n  ");
  put_count (out, _("expected"), info.expected);
  put_count (out, _("present"), info.present);
  put_count (out, _("excused"), info.excused);
  g_string_append_printf (out, "%s:", _("absent"));
  for (k = 0; k < n_absent; k++)
    {
      const char *id = pbo_org_get_meeting_absent_id (org, index, k);
      const char *name = member_name (tree, id);
      g_string_append_printf (out, " %s", name != NULL ? name : id);
    }
  g_string_append_printf (out, "\n  %s: %s\n  %s: %s\n  ", _("topic"),
                          info.topic != NULL ? info.topic : "—", _("resolution"),
                          info.resolution != NULL ? info.resolution : "—");
  if (missing == 0)
    g_string_append_printf (out, "%s\n", _("minutes complete"));
  else
    {
      g_string_append_printf (out, "%s:", _("minutes incomplete, lacking"));
      for (k = 0; k < G_N_ELEMENTS (fields); k++)
        if (missing & fields[k].bit)
          g_string_append_printf (out, " %s", _(fields[k].name));
      g_string_append_c (out, '\n');
    }
}

/* The records of @org and its groups held in @year, by date. */
static void
write_book (GString *out, const PboOrg *org, guint year)
{
  g_autoptr (GPtrArray) orgs = g_ptr_array_new ();
  const PboOrg *g;
  guint i, total = 0, complete = 0;
  PboDate day, last = PBO_DATE_NONE;

  g_ptr_array_add (orgs, (gpointer) org);
  for (g = pbo_org_get_first_child (org); g != NULL; g = pbo_org_get_next (g))
    g_ptr_array_add (orgs, (gpointer) g);
  g_string_append_printf (out, _("%s — meeting record book %u (会议记录本)\n"),
                          pbo_org_get_name (org), year);
  /* Day by day: a record book reads in date order whoever held it. */
  for (;;)
    {
      day = PBO_DATE_NONE;
      for (i = 0; i < orgs->len; i++)
        for (guint k = 0; k < pbo_org_get_n_meetings (orgs->pdata[i]); k++)
          {
            PboDate d;
            pbo_org_get_meeting (orgs->pdata[i], k, NULL, &d, NULL, NULL, NULL);
            if (pbo_date_get_year (d) == year && (last == PBO_DATE_NONE || d > last)
                && (day == PBO_DATE_NONE || d < day))
              day = d;
          }
      if (day == PBO_DATE_NONE)
        break;
      for (i = 0; i < orgs->len; i++)
        for (guint k = 0; k < pbo_org_get_n_meetings (orgs->pdata[i]); k++)
          {
            PboDate d;
            pbo_org_get_meeting (orgs->pdata[i], k, NULL, &d, NULL, NULL, NULL);
            if (d != day)
              continue;
            write_record (out, orgs->pdata[i], k);
            total++;
            complete += pbo_org_get_meeting_minutes_missing (orgs->pdata[i], k) == 0;
          }
      last = day;
    }
  g_string_append_printf (out, _("\n%u records, %u with complete minutes\n"), total, complete);
}

int
cli_cmd_minutes (int argc, char **argv)
{
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year of the book"), "YYYY" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { .formats = 0 };
  g_autoptr (GString) out = g_string_new (NULL);
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("minutes", "FILE",
                  "A branch's meeting record book (会议记录本) for a year: every meeting of the\n"
                  "branch and its groups by date, with its minutes and what they lack.",
                  entries, &in, &argc, &argv, 1))
    goto out;
  if (in.org_id == NULL || year < 1900 || year > 2999)
    {
      fprintf (stderr, _("pbo minutes: --org and --year (1900–2999) are required\n"));
      goto out;
    }
  if (!cli_load_input (&in, argv[1]))
    goto out;
  write_book (out, in.root, (guint) year);
  if (cli_write_output (out, NULL))
    status = CLI_EXIT_OK;
out:
  cli_input_clear (&in);
  return status;
}
