/* libpbo — single restructuring operations: orgs, officers, members.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "edit-private.h"
#include "error-private.h"

#define RETURN_IF_NOT_OF(tree, obj, val) \
  g_return_val_if_fail ((tree) != NULL && (obj) != NULL && (obj)->tree == (tree), val)

static const char *
str (PboJournalEntry *e, const char *s)
{
  return pbo_journal_entry_str_ (e, s);
}

static const char *
top_or_id (const PboOrg *org)
{
  return pbo_org_is_root_ (org) ? NULL : org->id;
}

/* ---- orgs ------------------------------------------------------------ */

PboOrg *
pbo_edit_create_org (PboTree *tree, const PboEditOrgInfo *info, const PboEditContext *ctx,
                     GError **error)
{
  PboJournalEntry *e;
  PboOrg proto = { 0 }, *org;
  gboolean ok;

  g_return_val_if_fail (tree != NULL && info != NULL, NULL);
  g_return_val_if_fail (info->parent == NULL || info->parent->tree == tree, NULL);
  if (info->version < 1 || info->version > PBO_EDIT_ORG_INFO_VERSION)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("unsupported PboEditOrgInfo version %u"),
                   info->version);
      return NULL;
    }
  if ((e = pbo_op_begin_ (tree, PBO_EDIT_OP_CREATE_ORG, ctx, error)) == NULL)
    return NULL;
  pbo_journal_entry_add_subject_ (e, info->id);
  e->to = str (e, info->parent != NULL ? info->parent->id : NULL);
  proto.kind = (guint8) info->kind;
  proto.id = info->id;
  proto.name = info->name;
  /* The fields set after insertion need no undo steps of their own:
   * undoing the insertion removes the org with them. */
  org = pbo_prim_add_org_ (tree, info->parent, info->version >= 2 ? info->before : NULL, &proto,
                           error);
  ok = org != NULL && pbo_org_set_unit (org, info->unit, error)
       && pbo_org_set_established (org, info->established, error)
       && pbo_org_set_term (org, info->term_start, info->term_years, error);
  return pbo_op_end_ (tree, e, ok) ? org : NULL;
}

gboolean
pbo_edit_rename (PboTree *tree, PboOrg *org, const char *name, const PboEditContext *ctx,
                 GError **error)
{
  PboJournalEntry *e;

  RETURN_IF_NOT_OF (tree, org, FALSE);
  if ((e = pbo_op_begin_ (tree, PBO_EDIT_OP_RENAME, ctx, error)) == NULL)
    return FALSE;
  pbo_journal_entry_add_subject_ (e, org->id);
  e->from = str (e, org->name);
  e->to = str (e, name);
  return pbo_op_end_ (tree, e, pbo_prim_rename_ (tree, org, name, error));
}

gboolean
pbo_edit_set_kind (PboTree *tree, PboOrg *org, PboOrgKind kind, const PboEditContext *ctx,
                   GError **error)
{
  PboJournalEntry *e;

  RETURN_IF_NOT_OF (tree, org, FALSE);
  if ((e = pbo_op_begin_ (tree, PBO_EDIT_OP_SET_KIND, ctx, error)) == NULL)
    return FALSE;
  pbo_journal_entry_add_subject_ (e, org->id);
  e->from = str (e, pbo_org_kind_to_string (org->kind));
  e->to = str (e, pbo_org_kind_to_string (kind));
  return pbo_op_end_ (tree, e, pbo_prim_set_kind_ (tree, org, kind, error));
}

gboolean
pbo_edit_move (PboTree *tree, PboOrg *org, PboOrg *new_parent, const PboEditContext *ctx,
               GError **error)
{
  PboJournalEntry *e;

  RETURN_IF_NOT_OF (tree, org, FALSE);
  g_return_val_if_fail (new_parent == NULL || new_parent->tree == tree, FALSE);
  if ((e = pbo_op_begin_ (tree, PBO_EDIT_OP_MOVE, ctx, error)) == NULL)
    return FALSE;
  pbo_journal_entry_add_subject_ (e, org->id);
  e->from = str (e, top_or_id (org->parent));
  e->to = str (e, new_parent != NULL ? new_parent->id : NULL);
  return pbo_op_end_ (tree, e, pbo_prim_move_org_ (tree, org, new_parent, NULL, error));
}

/* ---- officers -------------------------------------------------------- */

/* Appoint and dismiss share their journal shape: the member, the org, the role. */
static PboJournalEntry *
officer_op_begin (PboTree *tree, PboEditOp op, PboOrg *org, PboRole role, PboMember *member,
                  const PboEditContext *ctx, GError **error)
{
  PboJournalEntry *e = pbo_op_begin_ (tree, op, ctx, error);

  if (e == NULL)
    return NULL;
  pbo_journal_entry_add_subject_ (e, pbo_member_id_ (member));
  if (op == PBO_EDIT_OP_APPOINT)
    e->to = str (e, org->id);
  else
    e->from = str (e, org->id);
  e->detail = str (e, pbo_role_to_string (role));
  return e;
}

gboolean
pbo_edit_appoint (PboTree *tree, PboOrg *org, PboRole role, PboMember *member, PboDate since,
                  const PboEditContext *ctx, GError **error)
{
  PboJournalEntry *e;

  RETURN_IF_NOT_OF (tree, org, FALSE);
  g_return_val_if_fail (member != NULL && member->org != NULL && member->org->tree == tree, FALSE);
  e = officer_op_begin (tree, PBO_EDIT_OP_APPOINT, org, role, member, ctx, error);
  return e != NULL
         && pbo_op_end_ (tree, e,
                         pbo_prim_appoint_ (tree, org, G_MAXUINT, role, member, since, error));
}

gboolean
pbo_edit_dismiss (PboTree *tree, PboOrg *org, PboRole role, PboMember *member,
                  const PboEditContext *ctx, GError **error)
{
  PboJournalEntry *e;

  RETURN_IF_NOT_OF (tree, org, FALSE);
  g_return_val_if_fail (member != NULL && member->org != NULL && member->org->tree == tree, FALSE);
  e = officer_op_begin (tree, PBO_EDIT_OP_DISMISS, org, role, member, ctx, error);
  return e != NULL && pbo_op_end_ (tree, e, pbo_prim_dismiss_ (tree, org, role, member, error));
}

/* ---- members ----------------------------------------------------------- */

gboolean
pbo_op_move_members_ (PboTree *tree, PboJournalEntry *e, GPtrArray *members, PboOrg *to,
                      GError **error)
{
  guint i;

  for (i = 0; i < members->len; i++)
    {
      PboMember *m = g_ptr_array_index (members, i);
      if (m->org == to)
        continue;
      pbo_journal_entry_add_subject_ (e, pbo_member_id_ (m));
      if (!pbo_prim_move_member_ (tree, m, to, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Members, then @recruits named by id, or (@sel) the recruits it matches. */
static gboolean
transfer (PboTree *tree, GPtrArray *members, GPtrArray *recruits, const PboSelector *sel,
          PboOrg *to, const PboEditContext *ctx, GError **error)
{
  PboJournalEntry *e = pbo_op_begin_ (tree, PBO_EDIT_OP_TRANSFER, ctx, error);
  gboolean ok;

  if (e == NULL)
    return FALSE;
  e->from = str (e, sel != NULL ? sel->from->id : NULL);
  e->to = str (e, to->id);
  ok = pbo_op_move_members_ (tree, e, members, to, error);
  if (ok && sel != NULL)
    ok = pbo_op_move_selected_recruits_ (tree, e, sel, sel->from, to, error);
  if (ok && recruits != NULL)
    ok = pbo_op_move_recruit_list_ (tree, e, recruits, to, error);
  return pbo_op_end_ (tree, e, ok);
}

gboolean
pbo_edit_transfer (PboTree *tree, const char *const *member_ids, guint n_ids, PboOrg *to,
                   const PboEditContext *ctx, GError **error)
{
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GPtrArray) recruits = g_ptr_array_new ();
  guint i;

  RETURN_IF_NOT_OF (tree, to, FALSE);
  g_return_val_if_fail (member_ids != NULL || n_ids == 0, FALSE);
  if (n_ids == 0)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("no member to transfer"));
      return FALSE;
    }
  members = g_ptr_array_sized_new (n_ids);
  for (i = 0; i < n_ids; i++)
    {
      PboMember *m = pbo_tree_lookup_member (tree, member_ids[i]);
      PboRecruit *r = m == NULL ? pbo_tree_lookup_recruit (tree, member_ids[i]) : NULL;
      if (r != NULL)
        {
          g_ptr_array_add (recruits, r);
          continue;
        }
      if (m == NULL)
        {
          /* (pbo_refuse_: the id comes from the caller, maybe not UTF-8.) */
          return pbo_refuse_ (error, PBO_ERROR_UNKNOWN_ID, "no member has the id “%s”",
                              member_ids[i] != NULL ? member_ids[i] : "");
        }
      g_ptr_array_add (members, m);
    }
  return transfer (tree, members, recruits, NULL, to, ctx, error);
}

gboolean
pbo_edit_transfer_selected (PboTree *tree, const PboSelector *selector, PboOrg *to,
                            const PboEditContext *ctx, GError **error)
{
  g_autoptr (GPtrArray) members = NULL;

  RETURN_IF_NOT_OF (tree, to, FALSE);
  g_return_val_if_fail (selector != NULL, FALSE);
  if ((members = pbo_select_members_ (tree, selector, NULL, error)) == NULL)
    return FALSE;
  return transfer (tree, members, NULL, selector, to, ctx, error);
}

PboMember *
pbo_edit_add_member (PboTree *tree, PboOrg *org, const PboMemberInfo *info,
                     const PboEditContext *ctx, GError **error)
{
  return pbo_edit_add_member_before (tree, org, NULL, info, ctx, error);
}

/* Sets name/value pairs; a change refused only because the member would be
 * inconsistent in between is retried once the others are made. */
static gboolean
set_attributes (PboTree *tree, PboMember *m, const char *const *attrs, GError **error)
{
  guint n = 0, left, i;
  gboolean *done;
  GError *first = NULL;   /* of the last round: the cause, not a consequence */
  gboolean progress = TRUE, fatal = FALSE;

  while (attrs[2 * n] != NULL)
    n++;
  done = g_new0 (gboolean, n);
  for (left = n; left > 0 && progress && !fatal;)
    {
      progress = FALSE;
      g_clear_error (&first);
      for (i = 0; i < n && !fatal; i++)
        {
          GError *e = NULL;
          if (done[i])
            continue;
          if (pbo_prim_set_attr_ (tree, m, attrs[2 * i], attrs[2 * i + 1], &e))
            {
              done[i] = progress = TRUE;
              left--;
              continue;
            }
          fatal = e->code != PBO_ERROR_INCONSISTENT;
          if (first != NULL && !fatal)
            g_error_free (e);
          else
            {
              g_clear_error (&first);
              first = e;
            }
        }
    }
  /* (Freed by hand: clang's analyzer does not follow g_autofree.) */
  g_free (done);
  if (left == 0)
    {
      g_clear_error (&first);
      return TRUE;
    }
  g_propagate_error (error, first);
  return FALSE;
}

static PboJournalEntry *
member_op_begin (PboTree *tree, PboEditOp op, PboMember *m, const PboEditContext *ctx,
                 GError **error)
{
  PboJournalEntry *e = pbo_op_begin_ (tree, op, ctx, error);

  if (e != NULL)
    pbo_journal_entry_add_subject_ (e, pbo_member_id_ (m));
  return e;
}

gboolean
pbo_edit_update_member (PboTree *tree, PboMember *member, const char *const *attributes,
                        const PboEditContext *ctx, GError **error)
{
  PboJournalEntry *e;
  g_autoptr (GString) names = g_string_new (NULL);
  guint i;

  g_return_val_if_fail (tree != NULL && member != NULL && member->org != NULL, FALSE);
  g_return_val_if_fail (member->org->tree == tree && attributes != NULL, FALSE);
  if (attributes[0] == NULL)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("no attribute to update"));
      return FALSE;
    }
  if ((e = member_op_begin (tree, PBO_EDIT_OP_UPDATE_MEMBER, member, ctx, error)) == NULL)
    return FALSE;
  for (i = 0; attributes[i] != NULL; i += 2)
    g_string_append_printf (names, "%s%s", i > 0 ? " " : "", attributes[i]);
  e->detail = str (e, names->str);
  return pbo_op_end_ (tree, e, set_attributes (tree, member, attributes, error));
}

gboolean
pbo_edit_convert (PboTree *tree, PboMember *member, const PboEditContext *ctx, GError **error)
{
  PboJournalEntry *e;
  char date[PBO_DATE_BUFSIZE];
  const char *attrs[] = { "full-since", date, "status", "full", NULL };

  g_return_val_if_fail (tree != NULL && member != NULL && member->org != NULL, FALSE);
  g_return_val_if_fail (member->org->tree == tree, FALSE);
  if (ctx == NULL || ctx->date == PBO_DATE_NONE)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                   _("converting member “%s” needs the date of the change"), pbo_member_id_ (member));
      return FALSE;
    }
  if (member->status != PBO_STATUS_PROBATIONARY)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INCONSISTENT,
                   _("member “%s” is not a probationary member"), pbo_member_id_ (member));
      return FALSE;
    }
  if (ctx->date < pbo_member_get_joined (member))
    {
      char joined[PBO_DATE_BUFSIZE];
      pbo_date_format (ctx->date, date);
      g_set_error (error, PBO_ERROR, PBO_ERROR_INCONSISTENT,
                   _("member “%s” cannot become a full member on %s, before joining on %s"),
                   pbo_member_id_ (member), date, pbo_date_format (pbo_member_get_joined (member),
                                                                   joined));
      return FALSE;
    }
  if ((e = member_op_begin (tree, PBO_EDIT_OP_CONVERT, member, ctx, error)) == NULL)
    return FALSE;
  e->from = str (e, pbo_status_to_string (PBO_STATUS_PROBATIONARY));
  e->to = str (e, pbo_status_to_string (PBO_STATUS_FULL));
  pbo_date_format (ctx->date, date);
  return pbo_op_end_ (tree, e, set_attributes (tree, member, attrs, error));
}

gboolean
pbo_edit_remove_member (PboTree *tree, PboMember *member, PboRemovalReason reason,
                        const PboEditContext *ctx, GError **error)
{
  PboJournalEntry *e;

  g_return_val_if_fail (tree != NULL && member != NULL && member->org != NULL, FALSE);
  g_return_val_if_fail (member->org->tree == tree, FALSE);
  if (pbo_removal_reason_to_string (reason) == NULL)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                   _("removing member “%s” needs a reason (death, expulsion, transfer-out, left)"),
                   pbo_member_id_ (member));
      return FALSE;
    }
  if ((e = member_op_begin (tree, PBO_EDIT_OP_REMOVE_MEMBER, member, ctx, error)) == NULL)
    return FALSE;
  e->from = str (e, member->org->id);
  e->detail = str (e, pbo_removal_reason_to_string (reason));
  pbo_prim_remove_member_ (tree, member);
  return pbo_op_end_ (tree, e, TRUE);
}
