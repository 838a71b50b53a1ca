/* libpbo — the plan elements of the member lifecycle (format 1.1):
 * <set-standing>, <transfer-out>, <receipt>, <transfer-in>; their values
 * checked when read, run through the pbo_edit_ function of the same name.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "plan-private.h"
#include "lifecycle-private.h"
#include "error-private.h"

gboolean
pbo_plan_check_lifecycle_value_ (const char *el, const char *name, PlanAttr a, const char *value,
                                 GError **error)
{
  guint month;

  switch (a)
    {
    case PLAN_A_STANDING:
      return pbo_standing_from_string (value) != PBO_STANDING_NONE
             || pbo_refuse_ (error, PBO_ERROR_INVALID, "<%s>: %s: “%.40s” is not normal, "
                             "lost-contact, suspended, abroad, outflow or disciplinary-probation",
                             el, name, value);
    case PLAN_A_VALID_DAYS:
      return (strspn (value, "0123456789") == strlen (value) && strlen (value) <= 3
              && g_ascii_strtoull (value, NULL, 10) >= 1
              && g_ascii_strtoull (value, NULL, 10) <= 366)
             || pbo_refuse_ (error, PBO_ERROR_INVALID, "<%s>: %s: “%.40s” is not a number of "
                             "days from 1 to 366", el, name, value);
    case PLAN_A_DUES_PAID_TO:
      return pbo_month_parse_ (value, &month)
             || pbo_refuse_ (error, PBO_ERROR_INVALID, "<%s>: %s: “%.40s” is not a month "
                             "(YYYY-MM)", el, name, value);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static PboDate
date_of (const char *text)
{
  PboDate date = PBO_DATE_NONE;

  if (text != NULL)
    pbo_date_parse (text, -1, FALSE, &date, NULL);
  return date;
}

static PboMember *
find_member (PboTree *tree, const char *id, GError **error)
{
  PboMember *m = pbo_tree_lookup_member (tree, id);

  if (m == NULL)
    pbo_refuse_ (error, PBO_ERROR_UNKNOWN_ID, _("member “%s” is not in the tree"), id);
  return m;
}

static gboolean
run_transfer_out (PboTree *tree, const PboPlanOp *op, const PboEditContext *ctx, GError **error)
{
  PboLetterInfo l = PBO_LETTER_INFO_INIT;
  PboMember *m = find_member (tree, op->v[PLAN_A_MEMBER], error);

  if (m == NULL)
    return FALSE;
  l.number = op->v[PLAN_A_LETTER];
  l.other_org = op->v[PLAN_A_TO_ORG];
  if (op->v[PLAN_A_VALID_DAYS] != NULL)
    l.valid_days = (guint) g_ascii_strtoull (op->v[PLAN_A_VALID_DAYS], NULL, 10);
  if (op->v[PLAN_A_DUES_PAID_TO] != NULL)
    pbo_month_parse_ (op->v[PLAN_A_DUES_PAID_TO], &l.dues_paid_to);
  return pbo_edit_transfer_out (tree, m, &l, ctx, error);
}

static gboolean
run_transfer_in (PboTree *tree, const PboPlanOp *op, const PboEditContext *ctx, GError **error)
{
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  PboOrg *to = pbo_tree_lookup_org (tree, op->v[PLAN_A_TO]);
  guint i;

  if (to == NULL)
    return pbo_refuse_ (error, PBO_ERROR_UNKNOWN_ID, _("org “%s” is not in the tree"),
                        op->v[PLAN_A_TO]);
  for (i = 0; i + 1 < op->pairs->len; i += 2)
    {
      const char *name = g_ptr_array_index (op->pairs, i);
      /* Checked when the plan was built. */
      pbo_member_info_set_ (&info, (PboMemberAttr) pbo_member_attr_lookup_ (name, strlen (name)),
                            g_ptr_array_index (op->pairs, i + 1), NULL);
    }
  return pbo_edit_transfer_in (tree, to, &info, op->v[PLAN_A_LETTER], op->v[PLAN_A_FROM_ORG], ctx,
                               error) != NULL;
}

gboolean
pbo_plan_add_standing_ (PboTree *tree, PboMember *m, const GPtrArray *pairs,
                        const PboEditContext *ctx, GError **error)
{
  g_autoptr (GPtrArray) attrs = g_ptr_array_new ();
  guint i;

  for (i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *name = g_ptr_array_index (pairs, i);
      const char *value = g_ptr_array_index (pairs, i + 1);
      if (pbo_member_attr_lookup_ (name, strlen (name)) >= PBO_MATTR_STANDING && *value != '\0')
        {
          g_ptr_array_add (attrs, (gpointer) name);
          g_ptr_array_add (attrs, (gpointer) value);
        }
    }
  if (attrs->len == 0)
    return TRUE;
  g_ptr_array_add (attrs, NULL);
  return pbo_edit_update_member (tree, m, (const char *const *) attrs->pdata, ctx, error);
}

gboolean
pbo_plan_run_lifecycle_ (PboTree *tree, const PboPlanOp *op, const PboEditContext *ctx,
                         GError **error)
{
  PboMember *m;

  switch (op->op)
    {
    case PBO_EDIT_OP_SET_STANDING:
      return (m = find_member (tree, op->v[PLAN_A_MEMBER], error)) != NULL
             && pbo_edit_set_standing (tree, m, pbo_standing_from_string (op->v[PLAN_A_STANDING]),
                                       date_of (op->v[PLAN_A_SINCE]), date_of (op->v[PLAN_A_UNTIL]),
                                       op->v[PLAN_A_TO], ctx, error);
    case PBO_EDIT_OP_TRANSFER_OUT: return run_transfer_out (tree, op, ctx, error);
    case PBO_EDIT_OP_RECEIPT:
      return pbo_edit_receipt (tree, op->v[PLAN_A_LETTER],
                               ctx->date != PBO_DATE_NONE ? ctx->date : pbo_date_today (), ctx,
                               error);
    case PBO_EDIT_OP_TRANSFER_IN: return run_transfer_in (tree, op, ctx, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}
