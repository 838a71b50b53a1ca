/* libpbo — multi-step restructurings: merge, split, dissolve.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "edit-private.h"
#include "error-private.h"


/* ---- merge ----------------------------------------------------------- */

static gboolean
check_merge (PboTree *tree, PboOrg *const *sources, guint n, const PboOrg *target,
             GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint i;

  if (n == 0)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("nothing to merge into “%s”"), target->id);
      return FALSE;
    }
  for (i = 0; i < n; i++)
    {
      g_return_val_if_fail (sources[i] != NULL && sources[i]->tree == tree, FALSE);
      if (sources[i] == target)
        return pbo_refuse_ (error, PBO_ERROR_INVALID, "org “%s” cannot be merged into itself",
                       target->id);
      if (!g_hash_table_add (seen, sources[i]))
        return pbo_refuse_ (error, PBO_ERROR_INVALID, "org “%s” is listed twice in a merge",
                       sources[i]->id);
      if (pbo_org_is_ancestor (sources[i], target))
        return pbo_refuse_ (error, PBO_ERROR_CYCLE,
                       "org “%s” contains the target of the merge: it would absorb itself",
                       sources[i]->id);
    }
  return TRUE;
}

/* The target keeps its officers: every office of the source is vacated
 * (the step records it, so the journal lists it). */
static gboolean
merge_one (PboTree *tree, PboOrg *source, PboOrg *target, GError **error)
{
  gboolean ok = TRUE;

  while (source->n_officers > 0)
    {
      const PboOfficer *o = &source->officers[0];
      pbo_prim_dismiss_ (tree, source, (PboRole) o->role, o->member, NULL);
    }
  while (ok && source->first_child != NULL)
    ok = pbo_prim_move_org_ (tree, source->first_child, target, NULL, error);
  while (ok && source->first_member != NULL)
    ok = pbo_prim_move_member_ (tree, source->first_member, target, NULL, error);
  return ok && pbo_op_move_recruits_ (tree, source, target, error)
         && pbo_prim_remove_org_ (tree, source, error);
}

gboolean
pbo_edit_merge (PboTree *tree, PboOrg *const *sources, guint n_sources, PboOrg *target,
                const PboEditContext *ctx, GError **error)
{
  PboJournalEntry *e;
  gboolean ok = TRUE;
  guint i;

  g_return_val_if_fail (tree != NULL && target != NULL && target->tree == tree, FALSE);
  g_return_val_if_fail (sources != NULL || n_sources == 0, FALSE);
  if (!check_merge (tree, sources, n_sources, target, error)
      || (e = pbo_op_begin_ (tree, PBO_EDIT_OP_MERGE, ctx, error)) == NULL)
    return FALSE;
  e->to = pbo_journal_entry_str_ (e, target->id);
  for (i = 0; i < n_sources; i++)
    pbo_journal_entry_add_subject_ (e, sources[i]->id);
  for (i = 0; ok && i < n_sources; i++)
    ok = merge_one (tree, sources[i], target, error);
  return pbo_op_end_ (tree, e, ok);
}

/* ---- split ------------------------------------------------------------ */

PboOrg *
pbo_edit_split (PboTree *tree, PboOrg *org, const PboSelector *selector, const char *new_id,
                const char *new_name, const PboEditContext *ctx, GError **error)
{
  PboEditOrgInfo info = PBO_EDIT_ORG_INFO_INIT;

  info.id = new_id;
  info.name = new_name;
  return pbo_edit_split_org (tree, org, selector, &info, ctx, error);
}

static gboolean
check_split (const PboOrg *org, const PboSelector *selector, const PboEditOrgInfo *info,
             GError **error)
{
  if (info->version < 1 || info->version > PBO_EDIT_ORG_INFO_VERSION
      || info->parent != NULL || info->kind != PBO_ORG_NONE)
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("a split takes the new org's parent and kind from “%s”"), org->id);
  if (!pbo_org_kind_holds_members (org->kind))
    return pbo_refuse_ (error, PBO_ERROR_CONTAINMENT,
                        "only a branch or a group can be split, not “%s”", org->id);
  if (selector->from != NULL && !pbo_org_is_ancestor (org, selector->from))
    return pbo_refuse_ (error, PBO_ERROR_INVALID, "the selector must choose members inside “%s”",
                        org->id);
  return TRUE;
}

PboOrg *
pbo_edit_split_org (PboTree *tree, PboOrg *org, const PboSelector *selector,
                    const PboEditOrgInfo *info, const PboEditContext *ctx, GError **error)
{
  g_autoptr (GPtrArray) members = NULL;
  PboJournalEntry *e;
  PboOrg proto = { 0 }, *sibling;
  gboolean ok;

  g_return_val_if_fail (tree != NULL && org != NULL && org->tree == tree, NULL);
  g_return_val_if_fail (selector != NULL && info != NULL, NULL);
  if (!check_split (org, selector, info, error)
      || (members = pbo_select_members_ (tree, selector, org, error)) == NULL)
    return NULL;
  if (members->len == 0)
    {
      pbo_refuse_ (error, PBO_ERROR_INVALID, "the selector chooses no member of “%s” to split off",
              org->id);
      return NULL;
    }
  if ((e = pbo_op_begin_ (tree, PBO_EDIT_OP_SPLIT, ctx, error)) == NULL)
    return NULL;
  e->from = pbo_journal_entry_str_ (e, org->id);
  e->to = pbo_journal_entry_str_ (e, info->id);
  proto.kind = org->kind;
  proto.id = info->id;
  proto.name = info->name;
  sibling = pbo_prim_add_org_ (tree, org->parent, org->next, &proto, error);
  /* Fields set on the new org need no undo steps: removing it takes them. */
  ok = sibling != NULL
       && pbo_org_set_unit (sibling, info->unit != NULL ? info->unit : org->unit, error)
       && pbo_org_set_established (sibling, info->established, error)
       && pbo_org_set_term (sibling, info->term_start, info->term_years, error)
       && pbo_op_move_members_ (tree, e, members, sibling, error)
       && pbo_op_move_selected_recruits_ (tree, e, selector,
                                          selector->from != NULL ? selector->from : org,
                                          sibling, error);
  return pbo_op_end_ (tree, e, ok) ? sibling : NULL;
}

/* ---- dissolve ---------------------------------------------------------- */

static gboolean
check_dissolve (const PboOrg *org, const PboOrg *members_to, GError **error)
{
  const PboOrg *child;
  PboStats s;

  for (child = org->first_child; child != NULL; child = child->next)
    if (child->kind != PBO_ORG_GROUP)
      return pbo_refuse_ (error, PBO_ERROR_NOT_EMPTY,
                     "org “%s” still holds other orgs than groups: move or dissolve them first",
                     org->id);
  pbo_org_get_stats (org, &s);
  if (members_to == NULL)
    return (s.members == 0
            || pbo_refuse_ (error, PBO_ERROR_INVALID,
                            "dissolving “%s” would leave its members without a branch", org->id))
           && (pbo_org_get_n_recruits (org) == 0
               || pbo_refuse_ (error, PBO_ERROR_INVALID,
                               "dissolving “%s” would leave its recruits without a branch",
                               org->id));
  if (pbo_org_is_ancestor (org, members_to))
    return pbo_refuse_ (error, PBO_ERROR_INVALID, "the members of “%s” cannot go to an org inside it",
                   org->id);
  if (!pbo_org_kind_holds_members (members_to->kind))
    return pbo_refuse_ (error, PBO_ERROR_CONTAINMENT, "members belong in a branch or group, not “%s”",
                   members_to->id);
  return TRUE;
}

gboolean
pbo_edit_dissolve (PboTree *tree, PboOrg *org, PboOrg *members_to, const PboEditContext *ctx,
                   GError **error)
{
  static const PboSelector everyone = PBO_SELECTOR_INIT;
  g_autoptr (GPtrArray) members = NULL;
  PboJournalEntry *e;
  gboolean ok;

  g_return_val_if_fail (tree != NULL && org != NULL && org->tree == tree, FALSE);
  g_return_val_if_fail (members_to == NULL || members_to->tree == tree, FALSE);
  if (!check_dissolve (org, members_to, error)
      || (e = pbo_op_begin_ (tree, PBO_EDIT_OP_DISSOLVE, ctx, error)) == NULL)
    return FALSE;
  pbo_journal_entry_add_subject_ (e, org->id);
  e->to = pbo_journal_entry_str_ (e, members_to != NULL ? members_to->id : NULL);
  members = pbo_select_members_ (tree, &everyone, org, NULL);
  /* The members' moves vacate the offices of the org and its groups. */
  ok = members_to == NULL || (pbo_op_move_members_ (tree, e, members, members_to, error)
                              && pbo_op_move_recruits_ (tree, org, members_to, error));
  /* Subjects are the orgs dissolved, not the members moved. */
  g_ptr_array_set_size (e->subjects, 1);
  while (ok && org->first_child != NULL)
    ok = pbo_prim_remove_org_ (tree, org->first_child, error);
  return pbo_op_end_ (tree, e, ok && pbo_prim_remove_org_ (tree, org, error));
}
