/* libpbo — the recruits of a tree as CSV and text: who may take which
 * step, and from when.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "csv-private.h"
#include "recruit-private.h"
#include "error-private.h"

/* The next step of a recruit at each stage: the CSV's "next" values, and the
 * words of the text for people. */
static const char *const next_steps[] = {
  NULL, NC_("next step", "activist"), NC_("next step", "candidate"),
  NC_("next step", "admission")
};

typedef struct {
  GString         *out;
  PboDate          on;
  gboolean         csv;
  PboCsvWriteFlags flags;
} Listing;

static const char *
readiness (PboDate eligible, PboDate on, gboolean csv)
{
  if (eligible == PBO_DATE_NONE)
    return csv ? "never" : C_("readiness", "never");
  if (eligible <= on)
    return csv ? "yes" : C_("readiness", "ready");
  return csv ? "no" : C_("readiness", "not yet");
}

/* "applied D, activist D, candidate D": the dates the recruit reached its
 * stages, for people. */
static char *
stage_dates (const PboRecruit *r, const char *applied, const char *activist,
             const char *candidate)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, _("applied %s"), applied);
  if (r->activist_since != PBO_DATE_NONE)
    {
      g_string_append (s, _(", "));
      g_string_append_printf (s, _("activist %s"), activist);
    }
  if (r->candidate_since != PBO_DATE_NONE)
    {
      g_string_append (s, _(", "));
      g_string_append_printf (s, _("candidate %s"), candidate);
    }
  return g_string_free (s, FALSE);
}

/* One line for people: "BRANCH ID NAME STAGE (dates): NEXT from DATE, READY",
 * the stage and the next step in the reader's language. */
static void
write_text_line (const Listing *l, const PboOrg *org, const PboRecruit *r, const char *applied,
                 const char *activist, const char *candidate, PboDate eligible,
                 const char *eligible_on, const char *ready)
{
  g_autofree char *dates = stage_dates (r, applied, activist, candidate);
  const char *stage = pbo_recruit_stage_to_display_name ((PboRecruitStage) r->stage);
  const char *next = C_("next step", next_steps[r->stage]);

  g_string_append_printf (l->out, "%s %s ", org->id, r->id);
  pbo_text_append_escaped (l->out, r->name);
  g_string_append_c (l->out, ' ');
  if (eligible != PBO_DATE_NONE)
    /* TRANSLATORS: stage (dates): next step from DATE, ready / not yet. */
    g_string_append_printf (l->out, _("%s (%s): %s from %s, %s"), stage, dates, next,
                            eligible_on, ready);
  else
    g_string_append_printf (l->out, _("%s (%s): %s, %s"), stage, dates, next, ready);
  g_string_append_c (l->out, '\n');
}

static void
list_recruit (const Listing *l, const PboOrg *org, const PboRecruit *r)
{
  char applied[PBO_DATE_BUFSIZE], activist[PBO_DATE_BUFSIZE], candidate[PBO_DATE_BUFSIZE];
  char eligible_buf[PBO_DATE_BUFSIZE];
  PboDate eligible = pbo_recruit_eligible_on (r);
  const char *stage = pbo_recruit_stage_to_string ((PboRecruitStage) r->stage);
  const char *ready = readiness (eligible, l->on, l->csv);

  pbo_date_format (r->applied, applied);
  pbo_date_format (r->activist_since, activist);
  pbo_date_format (r->candidate_since, candidate);
  pbo_date_format (eligible, eligible_buf);
  if (l->csv)
    {
      pbo_csv_row_ (l->out, l->flags, org->id, r->id, r->name, stage, applied, activist, candidate,
                    next_steps[r->stage], eligible_buf, ready, NULL);
      return;
    }
  write_text_line (l, org, r, applied, activist, candidate, eligible, eligible_buf, ready);
}

static gboolean
list_org (PboOrg *org, gpointer data)
{
  guint i;

  for (i = 0; i < pbo_org_get_n_recruits (org); i++)
    list_recruit (data, org, pbo_org_get_recruit (org, i));
  return TRUE;
}

static void
write_list (const PboTree *tree, PboOrg *root, PboDate on, GString *out, gboolean csv,
            PboCsvWriteFlags flags)
{
  Listing l = { out, on != PBO_DATE_NONE ? on : pbo_date_today (), csv, flags };

  if (csv)
    pbo_csv_row_ (out, flags, "branch", "id", "name", "stage", "applied", "activist-since",
                  "candidate-since", "next", "eligible-on", "ready", NULL);
  pbo_tree_foreach_org (tree, root, list_org, &l);
}

void
pbo_recruits_write_csv (const PboTree *tree, PboOrg *root, PboDate on, GString *out)
{
  pbo_recruits_write_csv_full (tree, root, on, out, PBO_CSV_WRITE_DEFAULT);
}

void
pbo_recruits_write_csv_full (const PboTree *tree, PboOrg *root, PboDate on, GString *out,
                             PboCsvWriteFlags flags)
{
  g_return_if_fail (tree != NULL && out != NULL);
  write_list (tree, root, on, out, TRUE, flags);
}

void
pbo_recruits_write_text (const PboTree *tree, PboOrg *root, PboDate on, GString *out)
{
  g_return_if_fail (tree != NULL && out != NULL);
  write_list (tree, root, on, out, FALSE, PBO_CSV_WRITE_DEFAULT);
}
