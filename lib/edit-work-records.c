/* libpbo — the edit operations on an org's work records (format 1.1):
 * add-work-plan, remove-work-plan, add-election (换届: it also starts the
 * new term); their primitive changes and how each is undone.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <stdio.h>
#include <string.h>
#include "edit-private.h"
#include "org-records-private.h"
#include "error-private.h"

static const char *const method_names[] = {
  NULL, "direct", "open-nomination-direct", "indirect",
};

const char *
pbo_election_method_to_string (PboElectionMethod method)
{
  return (guint) method < G_N_ELEMENTS (method_names) ? method_names[method] : NULL;
}

PboElectionMethod
pbo_election_method_from_string (const char *s)
{
  for (guint i = 1; s != NULL && i < G_N_ELEMENTS (method_names); i++)
    if (strcmp (method_names[i], s) == 0)
      return (PboElectionMethod) i;
  return PBO_ELECTION_METHOD_NONE;
}

/* ---- primitive changes ------------------------------------------------ */

static gboolean
prim_add_work_plan (PboTree *tree, PboOrg *org, guint year, PboDate approved, const char *title,
                    GError **error)
{
  PboJournalEntry *e = pbo_recording_ (tree);

  if (!pbo_org_insert_work_plan_ (tree, org, year, approved, title, error))
    return FALSE;
  if (e != NULL)
    {
      PboStep *step = pbo_step_add_ (e, PBO_STEP_WORK_PLAN_ADDED);
      step->id = pbo_journal_entry_str_ (e, org->id);
      step->index = year;
    }
  return TRUE;
}

static void
prim_remove_work_plan (PboTree *tree, PboOrg *org, guint index)
{
  PboJournalEntry *e = pbo_recording_ (tree);
  const char *title;
  PboDate approved;
  guint year;

  pbo_org_get_work_plan (org, index, &year, &approved, &title);
  if (e != NULL)
    {
      PboStep *step = pbo_step_add_ (e, PBO_STEP_WORK_PLAN_REMOVED);
      step->id = pbo_journal_entry_str_ (e, org->id);
      step->index = year;
      step->since = approved;
      step->value = pbo_journal_entry_str_ (e, title);
    }
  pbo_org_delete_work_plan_ (tree, org, index);
}

static gboolean
prim_add_election (PboTree *tree, PboOrg *org, guint index, const PboElection *rec,
                   GError **error)
{
  PboJournalEntry *e = pbo_recording_ (tree);

  if (!pbo_org_insert_election_ (tree, org, index, rec, error))
    return FALSE;
  if (e != NULL)
    {
      PboStep *step = pbo_step_add_ (e, PBO_STEP_ELECTION_ADDED);
      step->id = pbo_journal_entry_str_ (e, org->id);
      step->index = MIN (index, pbo_org_get_n_elections (org) - 1);
    }
  return TRUE;
}

static void
prim_remove_election (PboTree *tree, PboOrg *org, guint index)
{
  PboJournalEntry *e = pbo_recording_ (tree);
  const PboElection *rec = &g_array_index (pbo_org_records_ (org)->elections, PboElection, index);

  if (e != NULL)
    {
      PboStep *step = pbo_step_add_ (e, PBO_STEP_ELECTION_REMOVED);
      g_autofree char *counts = g_strdup_printf ("%u %u %u %u", rec->candidates, rec->seats,
                                                 rec->voters, rec->voted);
      step->id = pbo_journal_entry_str_ (e, org->id);
      step->index = index;
      step->since = rec->date;
      step->role = rec->method;
      step->value = pbo_journal_entry_str_ (e, counts);
    }
  pbo_org_delete_election_ (tree, org, index);
}

gboolean
pbo_prim_drop_org_records_ (PboTree *tree, PboOrg *org)
{
  /* Last first, so that undo re-inserts each at its place. */
  while (pbo_org_get_n_elections (org) > 0)
    prim_remove_election (tree, org, pbo_org_get_n_elections (org) - 1);
  while (pbo_org_get_n_work_plans (org) > 0)
    prim_remove_work_plan (tree, org, pbo_org_get_n_work_plans (org) - 1);
  return TRUE;
}

/* The election a PBO_STEP_ELECTION_REMOVED step saved; FALSE if garbled. */
static gboolean
step_election (const PboStep *s, PboElection *rec)
{
  const char *p = s->value;
  guint64 v[4];

  memset (rec, 0, sizeof *rec);
  rec->date = s->since;
  rec->method = s->role;
  if (p == NULL || !pbo_parse_numbers_ (&p, G_MAXUINT, v, G_N_ELEMENTS (v)) || *p != '\0')
    return FALSE;
  rec->candidates = (guint) v[0];
  rec->seats = (guint) v[1];
  rec->voters = (guint) v[2];
  rec->voted = (guint) v[3];
  return TRUE;
}

gboolean
pbo_work_records_undo_step_ (PboTree *tree, PboOrg *org, const PboStep *s, GError **error)
{
  PboElection rec;
  int index;

  switch (s->kind)
    {
    case PBO_STEP_WORK_PLAN_ADDED:
      if ((index = pbo_org_find_work_plan (org, s->index)) < 0)
        break;
      prim_remove_work_plan (tree, org, (guint) index);
      return TRUE;
    case PBO_STEP_WORK_PLAN_REMOVED:
      return prim_add_work_plan (tree, org, s->index, s->since, s->value, error);
    case PBO_STEP_ELECTION_ADDED:
      if (s->index >= pbo_org_get_n_elections (org))
        break;
      prim_remove_election (tree, org, s->index);
      return TRUE;
    case PBO_STEP_ELECTION_REMOVED:
      if (!step_election (s, &rec))
        break;
      return prim_add_election (tree, org, s->index, &rec, error);
    default:
      g_return_val_if_reached (FALSE);
    }
  return pbo_refuse_ (error, PBO_ERROR_INCONSISTENT,
                      _("cannot undo: org “%s” is not in the tree as the journal left it"),
                      org->id);
}

/* ---- work plans ----------------------------------------------------------- */

static PboJournalEntry *
work_op_begin (PboTree *tree, PboEditOp op, PboOrg *org, const char *detail,
               const PboEditContext *ctx, GError **error)
{
  PboJournalEntry *e = pbo_op_begin_ (tree, op, ctx, error);

  if (e == NULL)
    return NULL;
  pbo_journal_entry_add_subject_ (e, org->id);
  e->detail = pbo_journal_entry_str_ (e, detail);
  return e;
}

gboolean
pbo_edit_add_work_plan (PboTree *tree, PboOrg *branch, guint year, PboDate approved,
                        const char *title, const PboEditContext *ctx, GError **error)
{
  char detail[16];
  PboJournalEntry *e;

  g_return_val_if_fail (tree != NULL && branch != NULL && branch->tree == tree, FALSE);
  if (branch->kind != PBO_ORG_BRANCH)
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("only a branch keeps an annual work plan, not “%s”"), branch->id);
  g_snprintf (detail, sizeof detail, "%u", year);
  if ((e = work_op_begin (tree, PBO_EDIT_OP_ADD_WORK_PLAN, branch, detail, ctx, error)) == NULL)
    return FALSE;
  return pbo_op_end_ (tree, e, prim_add_work_plan (tree, branch, year, approved, title, error));
}

gboolean
pbo_edit_remove_work_plan (PboTree *tree, PboOrg *org, guint year, const PboEditContext *ctx,
                           GError **error)
{
  int index;
  char detail[16];
  PboJournalEntry *e;

  g_return_val_if_fail (tree != NULL && org != NULL && org->tree == tree, FALSE);
  if ((index = pbo_org_find_work_plan (org, year)) < 0)
    return pbo_refuse_ (error, PBO_ERROR_UNKNOWN_ID, _("org “%s” has no work plan for %u"),
                        org->id, year);
  g_snprintf (detail, sizeof detail, "%u", year);
  if ((e = work_op_begin (tree, PBO_EDIT_OP_REMOVE_WORK_PLAN, org, detail, ctx, error)) == NULL)
    return FALSE;
  prim_remove_work_plan (tree, org, (guint) index);
  return pbo_op_end_ (tree, e, TRUE);
}

/* ---- elections -------------------------------------------------------------- */

guint
pbo_org_get_n_elections (const PboOrg *org)
{
  const PboOrgRecords *r;

  g_return_val_if_fail (org != NULL, 0);
  r = pbo_org_records_ (org);
  return r != NULL && r->elections != NULL ? r->elections->len : 0;
}

gboolean
pbo_org_get_election (const PboOrg *org, guint index, PboElectionInfo *info)
{
  const PboElection *rec;

  g_return_val_if_fail (org != NULL && info != NULL && info->version >= 1, FALSE);
  if (index >= pbo_org_get_n_elections (org))
    return FALSE;
  rec = &g_array_index (pbo_org_records_ (org)->elections, PboElection, index);
  info->date = rec->date;
  info->method = (PboElectionMethod) rec->method;
  info->candidates = rec->candidates;
  info->seats = rec->seats;
  info->voters = rec->voters;
  info->voted = rec->voted;
  info->term_years = 0;
  return TRUE;
}

/* The new term's length: given, the org's, or its kind's default
 * (支部工作条例 art. 21: 3 years; 基层组织选举工作条例: a primary committee 5). */
static guint
new_term_years (const PboOrg *org, guint given)
{
  if (given != 0)
    return given;
  if (org->term_years != 0)
    return org->term_years;
  return org->kind == PBO_ORG_COMMITTEE ? 5 : 3;
}

gboolean
pbo_edit_add_election (PboTree *tree, PboOrg *org, const PboElectionInfo *info,
                       const PboEditContext *ctx, GError **error)
{
  PboElection rec = { 0 };
  char date[PBO_DATE_BUFSIZE];
  PboJournalEntry *e;
  gboolean ok;

  g_return_val_if_fail (tree != NULL && org != NULL && org->tree == tree, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);
  if (info->version < 1 || info->version > PBO_ELECTION_INFO_VERSION)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("unsupported PboElectionInfo version %u"),
                        info->version);
  rec.date = info->date;
  rec.method = (guint8) info->method;
  rec.candidates = info->candidates;
  rec.seats = info->seats;
  rec.voters = info->voters;
  rec.voted = info->voted;
  if ((guint) info->method != rec.method)
    rec.method = 0;
  if (!pbo_election_check_ (&rec, error))
    return FALSE;
  if ((e = work_op_begin (tree, PBO_EDIT_OP_ADD_ELECTION, org,
                          pbo_election_method_to_string (info->method), ctx, error)) == NULL)
    return FALSE;
  if (org->term_start != PBO_DATE_NONE)
    e->from = pbo_journal_entry_str_ (e, pbo_date_format (org->term_start, date));
  e->to = pbo_journal_entry_str_ (e, pbo_date_format (rec.date, date));
  /* The term through set-org's primitive: its undo restores the old term. */
  ok = prim_add_election (tree, org, G_MAXUINT, &rec, error)
       && pbo_prim_set_org_fields_ (tree, org, org->unit, org->established, rec.date,
                                    new_term_years (org, info->term_years), error);
  return pbo_op_end_ (tree, e, ok);
}
