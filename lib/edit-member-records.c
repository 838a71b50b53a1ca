/* libpbo — the edit operations on member records (add-payment,
 * set-evaluation, set-rating, add-training and their removals): one
 * primitive that sets or removes a record and records its inverse.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "edit-private.h"
#include "member-records-private.h"
#include "error-private.h"

gboolean
pbo_prim_set_record_ (PboTree *tree, PboMember *m, const PboMemberRecord *key,
                      const PboMemberRecord *rec, GError **error)
{
  int index = pbo_member_find_record (m, key);
  PboMemberRecord old;
  PboJournalEntry *e;

  if (index < 0 && rec == NULL)
    {
      g_autofree char *k = pbo_record_key_text_ (key);
      return pbo_refuse_ (error, PBO_ERROR_UNKNOWN_ID, _("member “%s” has no %s for %s"),
                          pbo_member_id_ (m), pbo_record_kind_to_string (key->kind), k);
    }
  if (index >= 0)
    pbo_member_get_record (m, (guint) index, &old);
  if ((e = pbo_recording_ (tree)) != NULL)
    {
      PboStep *step = pbo_step_add_ (e, PBO_STEP_MEMBER_RECORD);
      /* The key as a whole record (the new one, or the one removed), so
       * that the undo data reads back through the one checked decoder. */
      g_autofree char *k = pbo_record_encode_ (rec != NULL ? rec : &old);
      g_autofree char *v = index >= 0 ? pbo_record_encode_ (&old) : NULL;
      step->id = pbo_journal_entry_str_ (e, pbo_member_id_ (m));
      step->attr = pbo_journal_entry_str_ (e, k);
      step->value = pbo_journal_entry_str_ (e, v);
    }
  pbo_records_set_ (tree, m, key, rec);
  return TRUE;
}

gboolean
pbo_member_record_undo_step_ (PboTree *tree, const PboStep *s, GError **error)
{
  PboMember *m = pbo_tree_lookup_member (tree, s->id);
  PboMemberRecord key, old;
  g_autofree char *key_title = NULL, *old_title = NULL;

  if (m == NULL || s->attr == NULL || !pbo_record_decode_ (s->attr, &key, &key_title)
      || (s->value != NULL && !pbo_record_decode_ (s->value, &old, &old_title)))
    return pbo_refuse_ (error, PBO_ERROR_INCONSISTENT,
                        _("the undo data of a member record does not fit the tree"));
  return pbo_prim_set_record_ (tree, m, &key, s->value != NULL ? &old : NULL, error);
}

/* The entry of @op about @m and the key of @rec. */
static PboJournalEntry *
record_op_begin (PboTree *tree, PboEditOp op, PboMember *m, const PboMemberRecord *rec,
                 const PboEditContext *ctx, GError **error)
{
  PboJournalEntry *e = pbo_op_begin_ (tree, op, ctx, error);
  g_autofree char *key = NULL;

  if (e == NULL)
    return NULL;
  key = pbo_record_key_text_ (rec);
  pbo_journal_entry_add_subject_ (e, pbo_member_id_ (m));
  e->detail = pbo_journal_entry_str_ (e, key);
  return e;
}

gboolean
pbo_edit_put_member_record (PboTree *tree, PboMember *member, const PboMemberRecord *record,
                            const PboEditContext *context, GError **error)
{
  gboolean replaces = record != NULL && (record->kind == PBO_RECORD_EVALUATION
                                         || record->kind == PBO_RECORD_RATING);
  PboJournalEntry *e;
  int index;

  g_return_val_if_fail (tree != NULL && member != NULL && member->org->tree == tree, FALSE);
  g_return_val_if_fail (record != NULL && record->version >= 1, FALSE);
  if (!pbo_member_record_check (record, error))
    return FALSE;
  index = pbo_member_find_record (member, record);
  if (index >= 0 && !replaces)
    {
      g_autofree char *key = pbo_record_key_text_ (record);
      return pbo_refuse_ (error, PBO_ERROR_DUPLICATE_ID,
                          _("member “%s” already has a %s for %s"), pbo_member_id_ (member),
                          pbo_record_kind_to_string (record->kind), key);
    }
  e = record_op_begin (tree, pbo_record_op_ (record->kind, FALSE), member, record, context,
                       error);
  if (e == NULL)
    return FALSE;
  if (index >= 0)
    {
      PboMemberRecord old;
      pbo_member_get_record (member, (guint) index, &old);
      e->from = pbo_journal_entry_str_ (
        e, old.kind == PBO_RECORD_EVALUATION ? pbo_evaluation_result_to_string (old.result) : NULL);
    }
  return pbo_op_end_ (tree, e, pbo_prim_set_record_ (tree, member, record, record, error));
}

gboolean
pbo_edit_remove_member_record (PboTree *tree, PboMember *member, const PboMemberRecord *key,
                               const PboEditContext *context, GError **error)
{
  PboJournalEntry *e;

  g_return_val_if_fail (tree != NULL && member != NULL && member->org->tree == tree, FALSE);
  g_return_val_if_fail (key != NULL && key->version >= 1, FALSE);
  if (pbo_record_op_ (key->kind, TRUE) == PBO_EDIT_OP_NONE)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("bad record kind"));
  e = record_op_begin (tree, pbo_record_op_ (key->kind, TRUE), member, key, context, error);
  return e != NULL && pbo_op_end_ (tree, e, pbo_prim_set_record_ (tree, member, key, NULL, error));
}
