/* libpbo — a term recorded as postponed (format 1.1: term-postponed-to,
 * 延期换届, at most a year: 基层组织选举工作条例 art. 3), journaled as a set-org.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "edit-private.h"
#include "lifecycle-private.h"
#include "error-private.h"

/* The date lives in what was the record's tail padding: orgs cost no more. */
G_STATIC_ASSERT (sizeof (gpointer) != 8 || sizeof (PboOrg) == 184);

/* The end of @org's term as recorded (term-years, or the usual 3 years of
 * branches and 5 of committees when unset), or PBO_DATE_NONE. */
static PboDate
recorded_end (const PboOrg *org)
{
  guint years = org->term_years != 0 ? org->term_years
                : org->kind == PBO_ORG_COMMITTEE ? 5u : 3u;

  return org->term_start != PBO_DATE_NONE
         ? pbo_date_add_months (org->term_start, (int) years * 12) : PBO_DATE_NONE;
}

gboolean
pbo_org_postpone_term_ (PboOrg *org, PboDate to, GError **error)
{
  PboDate end = recorded_end (org);
  char a[PBO_DATE_BUFSIZE], b[PBO_DATE_BUFSIZE];

  if (to != PBO_DATE_NONE && end == PBO_DATE_NONE)
    return pbo_refuse_ (error, PBO_ERROR_INCONSISTENT,
                        _("org “%s” has no term (term-start) to postpone"), org->id);
  if (to != PBO_DATE_NONE && (to <= end || to > pbo_date_add_months (end, 12)))
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("org “%s”: term-postponed-to %s is not within a year after the "
                          "term's end, %s"), org->id, pbo_date_format (to, a),
                        pbo_date_format (end, b));
  org->term_postponed_to = to;
  return TRUE;
}

PboDate
pbo_org_get_term_postponed_to (const PboOrg *org)
{
  g_return_val_if_fail (org != NULL, PBO_DATE_NONE);
  return org->term_postponed_to;
}

static gboolean
org_not_postponed (PboOrg *org, gpointer data)
{
  (void) data;
  return org->term_postponed_to == PBO_DATE_NONE;
}

/* The walk stops at the first org with a postponed term. */
gboolean
pbo_tree_has_postponed_term_ (const PboTree *tree)
{
  return !pbo_tree_foreach_org (tree, NULL, org_not_postponed, NULL);
}

PboDate
pbo_term_due_ (const PboOrg *org, PboDate end)
{
  return org->term_postponed_to > end ? org->term_postponed_to : end;
}

/* ---- the operation ----------------------------------------------------------- */

/* Records how to give @org back its former postponement @old. */
static void
record_postponed (PboTree *tree, const PboOrg *org, PboDate old)
{
  PboJournalEntry *e = pbo_recording_ (tree);
  PboStep *step;

  if (e == NULL)
    return;
  step = pbo_step_add_ (e, PBO_STEP_ORG_POSTPONED);
  step->id = pbo_journal_entry_str_ (e, org->id);
  step->since = old;
}

static gboolean
prim_postpone (PboTree *tree, PboOrg *org, PboDate to, GError **error)
{
  PboDate old = org->term_postponed_to;
  gboolean ok = pbo_org_postpone_term_ (org, to, error);

  if (ok)
    record_postponed (tree, org, old);
  return ok;
}

gboolean
pbo_postpone_undo_step_ (PboTree *tree, const PboStep *s, GError **error)
{
  PboOrg *org = pbo_tree_lookup_org (tree, s->id);

  if (org == NULL)
    return pbo_refuse_ (error, PBO_ERROR_INCONSISTENT,
                        _("cannot undo: org “%s” is not in the tree as the journal left it"),
                        s->id);
  return prim_postpone (tree, org, s->since, error);
}

gboolean
pbo_edit_postpone_term (PboTree *tree, PboOrg *org, PboDate to, const PboEditContext *ctx,
                        GError **error)
{
  char d[PBO_DATE_BUFSIZE];
  PboJournalEntry *e;

  g_return_val_if_fail (tree != NULL && org != NULL && org->tree == tree, FALSE);
  if ((e = pbo_op_begin_ (tree, PBO_EDIT_OP_SET_ORG, ctx, error)) == NULL)
    return FALSE;
  pbo_journal_entry_add_subject_ (e, org->id);
  e->detail = pbo_journal_entry_str_ (e, "term-postponed-to");
  if (org->term_postponed_to != PBO_DATE_NONE)
    e->from = pbo_journal_entry_str_ (e, pbo_date_format (org->term_postponed_to, d));
  if (to != PBO_DATE_NONE)
    e->to = pbo_journal_entry_str_ (e, pbo_date_format (to, d));
  return pbo_op_end_ (tree, e, prim_postpone (tree, org, to, error));
}
