/* libpbo — the lifecycle operations (format 1.1): set-standing, and the
 * transfers out of and into the estate (transfer-out, receipt,
 * transfer-in) with their letters' undo steps.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "edit-private.h"
#include "lifecycle-private.h"
#include "error-private.h"

static const char *
str (PboJournalEntry *e, const char *s)
{
  return pbo_journal_entry_str_ (e, s);
}

static PboDate
date_of (const PboEditContext *ctx)
{
  return ctx != NULL && ctx->date != PBO_DATE_NONE ? ctx->date : pbo_date_today ();
}

/* ---- primitive changes ------------------------------------------------------- */

static const PboMemberAttr standing_attrs[] = {
  PBO_MATTR_STANDING, PBO_MATTR_STANDING_SINCE, PBO_MATTR_STANDING_UNTIL, PBO_MATTR_OUTFLOW_TO,
  PBO_MATTR_PROBATION_EXTENDED_TO,
};

/* Recorded as attribute changes: the member's undo puts them back after
 * re-creating it (the steps are undone newest first). */
void
pbo_prim_clear_standing_ (PboTree *tree, PboMember *member)
{
  char buf[PBO_MATTR_BUFSIZE];
  guint i;

  if (pbo_standing_rec_ (member) == NULL)
    return;
  for (i = 0; i < G_N_ELEMENTS (standing_attrs); i++)
    {
      /* Clearing the extension first: its rule looks at nothing then. */
      PboMemberAttr a = standing_attrs[G_N_ELEMENTS (standing_attrs) - 1 - i];
      if (pbo_standing_attr_format_ (member, a, buf) != NULL)
        pbo_prim_set_attr_ (tree, member, pbo_member_attr_name_ (a), NULL, NULL);
    }
}

static PboStep *
letter_step (PboTree *tree, PboStepKind kind, const char *number)
{
  PboJournalEntry *e = pbo_recording_ (tree);
  PboStep *step;

  if (e == NULL)
    return NULL;
  step = pbo_step_add_ (e, kind);
  step->value = str (e, number);
  return step;
}

static PboLetterInfo *
prim_add_letter (PboTree *tree, guint index, const PboLetterInfo *info, GError **error)
{
  PboLetterInfo *l = pbo_letter_insert_ (tree, index, info, error);

  if (l != NULL)
    letter_step (tree, PBO_STEP_LETTER_ADDED, l->number);
  return l;
}

static void
prim_remove_letter (PboTree *tree, PboLetterInfo *l)
{
  PboJournalEntry *e = pbo_recording_ (tree);
  PboStep *step = NULL;
  guint index;

  if (e != NULL)
    {
      PboLetterInfo *snap = g_new (PboLetterInfo, 1);

      *snap = *l;
      snap->number = str (e, l->number);
      snap->member_id = str (e, l->member_id);
      snap->name = str (e, l->name);
      snap->branch = str (e, l->branch);
      snap->other_org = str (e, l->other_org);
      step = pbo_step_add_ (e, PBO_STEP_LETTER_REMOVED);
      step->letter_snap = snap;
    }
  index = pbo_letter_remove_ (tree, l);
  if (step != NULL)
    step->index = index;
}

static void
prim_set_receipt (PboTree *tree, PboLetterInfo *l, PboDate date)
{
  PboStep *step = letter_step (tree, PBO_STEP_LETTER_RECEIPT, l->number);

  if (step != NULL)
    step->since = l->receipt;
  l->receipt = date;
}

gboolean
pbo_letter_undo_step_ (PboTree *tree, const PboStep *s, GError **error)
{
  PboLetterInfo *l = s->kind != PBO_STEP_LETTER_REMOVED ? pbo_letter_lookup_ (tree, s->value)
                                                        : NULL;

  if (s->kind != PBO_STEP_LETTER_REMOVED && l == NULL)
    return pbo_refuse_ (error, PBO_ERROR_INCONSISTENT,
                        _("cannot undo: letter “%s” is not in the tree as the journal left it"),
                        s->value);
  switch (s->kind)
    {
    case PBO_STEP_LETTER_ADDED: prim_remove_letter (tree, l); return TRUE;
    case PBO_STEP_LETTER_REMOVED:
      return prim_add_letter (tree, s->index, s->letter_snap, error) != NULL;
    case PBO_STEP_LETTER_RECEIPT: prim_set_receipt (tree, l, s->since); return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* ---- set-standing ------------------------------------------------------------ */

static gboolean
check_standing (const PboMember *m, PboStanding standing, PboDate since, PboDate until,
                const char *to, GError **error)
{
  const char *id = pbo_member_id_ (m);

  if (pbo_standing_to_string (standing) == NULL)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("member “%s”: not a standing"), id);
  if (standing != PBO_STANDING_NORMAL && since == PBO_DATE_NONE)
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("member “%s”: a standing needs the day it began (since)"), id);
  if (until != PBO_DATE_NONE && standing != PBO_STANDING_DISCIPLINARY_PROBATION
      && standing != PBO_STANDING_ABROAD && standing != PBO_STANDING_SUSPENDED)
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("member “%s”: only 留党察看, suspension and a stay abroad have an end "
                          "(until)"), id);
  if (until != PBO_DATE_NONE && until < since)
    return pbo_refuse_ (error, PBO_ERROR_INCONSISTENT,
                        _("member “%s”: the standing ends before it begins"), id);
  if (to != NULL && standing != PBO_STANDING_OUTFLOW)
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("member “%s”: only an outflowing member has a destination (to)"), id);
  return pbo_text_check_ (to, "to", FALSE, error);
}

static gboolean
set_date_attr (PboTree *tree, PboMember *m, PboMemberAttr a, PboDate date, GError **error)
{
  char buf[PBO_DATE_BUFSIZE];

  return pbo_prim_set_attr_ (tree, m, pbo_member_attr_name_ (a),
                             date != PBO_DATE_NONE ? pbo_date_format (date, buf) : NULL, error);
}

gboolean
pbo_edit_set_standing (PboTree *tree, PboMember *member, PboStanding standing, PboDate since,
                       PboDate until, const char *outflow_to, const PboEditContext *ctx,
                       GError **error)
{
  PboJournalEntry *e;
  gboolean normal = standing == PBO_STANDING_NORMAL, ok;

  g_return_val_if_fail (tree != NULL && member != NULL && member->org != NULL
                        && member->org->tree == tree, FALSE);
  if (!check_standing (member, standing, since, until, outflow_to, error)
      || (e = pbo_op_begin_ (tree, PBO_EDIT_OP_SET_STANDING, ctx, error)) == NULL)
    return FALSE;
  pbo_journal_entry_add_subject_ (e, pbo_member_id_ (member));
  e->from = str (e, pbo_standing_to_string (pbo_member_get_standing (member)));
  e->to = str (e, pbo_standing_to_string (standing));
  ok = pbo_prim_set_attr_ (tree, member, "standing", normal ? NULL
                           : pbo_standing_to_string (standing), error)
       && set_date_attr (tree, member, PBO_MATTR_STANDING_SINCE, normal ? PBO_DATE_NONE : since,
                         error)
       && set_date_attr (tree, member, PBO_MATTR_STANDING_UNTIL, normal ? PBO_DATE_NONE : until,
                         error)
       && pbo_prim_set_attr_ (tree, member, "outflow-to", outflow_to, error);
  return pbo_op_end_ (tree, e, ok);
}

/* ---- transfers --------------------------------------------------------------- */

gboolean
pbo_edit_transfer_out (PboTree *tree, PboMember *member, const PboLetterInfo *letter,
                       const PboEditContext *ctx, GError **error)
{
  PboLetterInfo l;
  PboJournalEntry *e;
  gboolean ok;

  g_return_val_if_fail (tree != NULL && member != NULL && member->org != NULL
                        && member->org->tree == tree && letter != NULL, FALSE);
  l = *letter;
  l.direction = PBO_LETTER_OUT;
  l.member_id = pbo_member_id_ (member);
  l.name = pbo_member_name_ (member);
  l.branch = member->org->id;
  l.issued = date_of (ctx);
  l.receipt = PBO_DATE_NONE;
  if (l.valid_days == 0)
    l.valid_days = PBO_LETTER_VALID_DAYS;
  if (!pbo_letter_check_ (&l, error))
    return FALSE;
  if (pbo_letter_lookup_ (tree, l.number) != NULL)
    return pbo_refuse_ (error, PBO_ERROR_DUPLICATE_ID, _("the letter number “%s” is already used"),
                        l.number);
  if ((e = pbo_op_begin_ (tree, PBO_EDIT_OP_TRANSFER_OUT, ctx, error)) == NULL)
    return FALSE;
  pbo_journal_entry_add_subject_ (e, l.member_id);
  e->from = str (e, l.branch);
  e->to = str (e, l.other_org);
  e->detail = str (e, l.number);
  /* The letter first: it copies the member's strings before they go. */
  ok = prim_add_letter (tree, G_MAXUINT, &l, error) != NULL;
  if (ok)
    pbo_prim_remove_member_ (tree, member);
  return pbo_op_end_ (tree, e, ok);
}

gboolean
pbo_edit_receipt (PboTree *tree, const char *number, PboDate date, const PboEditContext *ctx,
                  GError **error)
{
  PboLetterInfo *l;
  PboJournalEntry *e;
  char buf[PBO_DATE_BUFSIZE];

  g_return_val_if_fail (tree != NULL && number != NULL, FALSE);
  if ((l = pbo_letter_lookup_ (tree, number)) == NULL)
    return pbo_refuse_ (error, PBO_ERROR_UNKNOWN_ID, _("no letter is numbered “%s”"), number);
  if (l->direction != PBO_LETTER_OUT)
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("letter “%s” came in: receipts are for letters issued here"), number);
  if (l->receipt != PBO_DATE_NONE)
    return pbo_refuse_ (error, PBO_ERROR_INCONSISTENT,
                        _("letter “%s” already has its receipt, of %s"), number,
                        pbo_date_format (l->receipt, buf));
  if (!pbo_date_is_valid (date) || pbo_date_is_year_only (date) || date < l->issued)
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("letter “%s”: the receipt needs a full date on or after the letter's"),
                        number);
  if ((e = pbo_op_begin_ (tree, PBO_EDIT_OP_RECEIPT, ctx, error)) == NULL)
    return FALSE;
  pbo_journal_entry_add_subject_ (e, l->member_id);
  e->detail = str (e, l->number);
  prim_set_receipt (tree, l, date);
  return pbo_op_end_ (tree, e, TRUE);
}

PboMember *
pbo_edit_transfer_in (PboTree *tree, PboOrg *to, const PboMemberInfo *member, const char *number,
                      const char *from_org, const PboEditContext *ctx, GError **error)
{
  PboLetterInfo l = PBO_LETTER_INFO_INIT;
  PboJournalEntry *e;
  PboMember *m;

  g_return_val_if_fail (tree != NULL && to != NULL && to->tree == tree && member != NULL, NULL);
  l.direction = PBO_LETTER_IN;
  l.number = number;
  l.member_id = member->id;
  l.name = member->name;
  l.branch = to->id;
  l.other_org = from_org;
  l.issued = date_of (ctx);
  if (!pbo_letter_check_ (&l, error))
    return NULL;
  if (pbo_letter_lookup_ (tree, number) != NULL)
    {
      pbo_refuse_ (error, PBO_ERROR_DUPLICATE_ID, _("the letter number “%s” is already used"),
                   number);
      return NULL;
    }
  if ((e = pbo_op_begin_ (tree, PBO_EDIT_OP_TRANSFER_IN, ctx, error)) == NULL)
    return NULL;
  pbo_journal_entry_add_subject_ (e, member->id);
  e->from = str (e, from_org);
  e->to = str (e, to->id);
  e->detail = str (e, number);
  m = pbo_prim_add_member_ (tree, to, NULL, member, NULL, error);
  if (m != NULL && prim_add_letter (tree, G_MAXUINT, &l, error) == NULL)
    m = NULL;
  return pbo_op_end_ (tree, e, m != NULL) ? m : NULL;
}
