/* libpbo — the recruits of a tree as CSV and text: who may take which
 * step, and from when.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "csv-private.h"
#include "recruit-private.h"

static const char *const next_steps[] = { NULL, "activist", "candidate", "admission" };

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
    return "never";
  if (eligible <= on)
    return csv ? "yes" : "ready";
  return csv ? "no" : "not yet";
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
  g_string_append_printf (l->out, "%s %s ", org->id, r->id);
  pbo_text_append_escaped (l->out, r->name);
  g_string_append_printf (l->out, " %s (applied %s", stage, applied);
  if (r->activist_since != PBO_DATE_NONE)
    g_string_append_printf (l->out, ", activist %s", activist);
  if (r->candidate_since != PBO_DATE_NONE)
    g_string_append_printf (l->out, ", candidate %s", candidate);
  g_string_append_printf (l->out, "): %s", next_steps[r->stage]);
  if (eligible != PBO_DATE_NONE)
    g_string_append_printf (l->out, " from %s", eligible_buf);
  g_string_append_printf (l->out, ", %s\n", ready);
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
