/* libpbo — plan elements of member records: <add-payment member month
 * amount paid kind? approved?/>, <set-evaluation member year result/>,
 * <set-rating member year life dues service example work law/>,
 * <add-training member year hours title?/> and the removals, which name
 * the record by its key (month; year; year and title). The record's
 * attributes are kept as the op's name/value pairs.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "plan-private.h"
#include "member-records-private.h"
#include "error-private.h"

void
pbo_plan_add_pair_ (PboPlan *plan, PboPlanOp *op, const char *name, const char *value)
{
  if (op->pairs == NULL)
    op->pairs = g_ptr_array_new ();
  g_ptr_array_add (op->pairs, g_string_chunk_insert_const (plan->strings, name));
  g_ptr_array_add (op->pairs, g_string_chunk_insert (plan->strings, value));
}

/* @op's record (or key) from its pairs, checked. */
static gboolean
record_of (const PboPlanOp *op, PboMemberRecord *rec, GError **error)
{
  gboolean remove = FALSE;
  guint64 given = 0;
  const char *el = pbo_edit_op_to_string (op->op);
  GError *local = NULL;

  *rec = (PboMemberRecord) PBO_MEMBER_RECORD_INIT;
  rec->kind = pbo_record_op_kind_ (op->op, &remove);
  for (guint i = 0; op->pairs != NULL && i + 1 < op->pairs->len; i += 2)
    {
      const char *name = g_ptr_array_index (op->pairs, i);
      guint64 bit = pbo_record_attr_bit_ (name);
      if (given & bit)
        return pbo_refuse_ (error, PBO_ERROR_FORMAT, "<%s>: “%s” is given twice", el, name);
      if (!pbo_record_set_attr_ (rec, name, g_ptr_array_index (op->pairs, i + 1), &local))
        goto fail;
      given |= bit;
    }
  if (!pbo_record_check_given_ (rec, given, remove, &local)
      || (!remove && !pbo_member_record_check (rec, &local)))
    goto fail;
  return TRUE;
fail:
  pbo_refuse_ (error, local->code, "<%s>: %s", el, local->message);
  g_error_free (local);
  return FALSE;
}

gboolean
pbo_plan_check_record_op_ (const PboPlanOp *op, GError **error)
{
  PboMemberRecord rec;

  return pbo_record_op_kind_ (op->op, NULL) == PBO_RECORD_NONE || record_of (op, &rec, error);
}

gboolean
pbo_plan_run_record_op_ (PboTree *tree, const PboPlanOp *op, const PboEditContext *ctx,
                         GError **error)
{
  const char *id = op->v[PLAN_A_MEMBER];
  PboMember *m = pbo_tree_lookup_member (tree, id);
  gboolean remove = FALSE;
  PboMemberRecord rec;

  pbo_record_op_kind_ (op->op, &remove);
  if (m == NULL)
    return pbo_refuse_ (error, PBO_ERROR_UNKNOWN_ID, _("member “%s” is not in the tree"), id);
  if (!record_of (op, &rec, error))
    return FALSE;
  return remove ? pbo_edit_remove_member_record (tree, m, &rec, ctx, error)
                : pbo_edit_put_member_record (tree, m, &rec, ctx, error);
}
