/* libpbo — orgs: nesting rules, insertion, removal, moves and fields.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "tree-private.h"
#include "error-private.h"
#include "org-records-private.h"

gboolean
pbo_org_kind_can_contain (PboOrgKind parent, PboOrgKind child)
{
  switch (child)
    {
    case PBO_ORG_COMMITTEE:
    case PBO_ORG_GENERAL_BRANCH:
      return parent == PBO_ORG_NONE || parent == PBO_ORG_COMMITTEE;
    case PBO_ORG_BRANCH:
      return parent == PBO_ORG_NONE || parent == PBO_ORG_COMMITTEE
             || parent == PBO_ORG_GENERAL_BRANCH;
    case PBO_ORG_GROUP:
      return parent == PBO_ORG_BRANCH;
    case PBO_ORG_NONE:
    default:
      return FALSE;
    }
}

gboolean
pbo_org_kind_holds_members (PboOrgKind kind)
{
  return kind == PBO_ORG_BRANCH || kind == PBO_ORG_GROUP;
}

gboolean
pbo_org_check_containment_ (const PboOrg *parent, PboOrgKind kind, GError **error)
{
  PboOrgKind pkind = pbo_org_is_root_ (parent) ? PBO_ORG_NONE : parent->kind;

  if (pbo_org_kind_can_contain (pkind, kind))
    return TRUE;
  if (pkind == PBO_ORG_NONE)
    g_set_error (error, PBO_ERROR, PBO_ERROR_CONTAINMENT,
                 _("a %s cannot stand at the top level"), pbo_org_kind_to_display_name (kind));
  else
    g_set_error (error, PBO_ERROR, PBO_ERROR_CONTAINMENT, _("a %s cannot hold a %s (org “%s”)"),
                 pbo_org_kind_to_display_name (pkind), pbo_org_kind_to_display_name (kind),
                 parent->id);
  return FALSE;
}

static PboOrg *
real_parent (PboTree *tree, PboOrg *parent)
{
  return parent != NULL ? parent : &tree->root;
}

static void
link_child (PboOrg *parent, PboOrg *org, PboOrg *before)
{
  org->parent = parent;
  org->next = before;
  org->prev = before != NULL ? before->prev : parent->last_child;
  if (org->prev != NULL)
    org->prev->next = org;
  else
    parent->first_child = org;
  if (before != NULL)
    before->prev = org;
  else
    parent->last_child = org;
  parent->n_children++;
}

static void
unlink_child (PboOrg *org)
{
  PboOrg *parent = org->parent;

  if (org->prev != NULL)
    org->prev->next = org->next;
  else
    parent->first_child = org->next;
  if (org->next != NULL)
    org->next->prev = org->prev;
  else
    parent->last_child = org->prev;
  parent->n_children--;
  org->parent = org->prev = org->next = NULL;
}

/* ---- depth ------------------------------------------------------------- */

/* The level of @org: 1 for a top-level org, 0 for the hidden root. O(depth). */
static guint
level_of (const PboOrg *org)
{
  guint level = 0;

  for (; !pbo_org_is_root_ (org); org = org->parent)
    level++;
  return level;
}

/* Levels of orgs below @org (0 for a leaf), or a bound of them when that
 * is at most @room: O(1) when its descendants are that few, else
 * O(descendants). */
static guint
levels_below (const PboOrg *org, guint room)
{
  guint descendants = org->counts.kinds[0] + org->counts.kinds[1] + org->counts.kinds[2]
                      + org->counts.kinds[3];
  guint depth = 0, deepest = 0;
  PboWalker walker;
  PboWalkEvent ev;
  PboOrg *o;

  if (descendants <= room)
    return descendants;
  pbo_walker_init (&walker, org->tree, (PboOrg *) org);
  while ((ev = pbo_walker_next (&walker, &o)) != PBO_WALK_DONE)
    if (ev == PBO_WALK_ENTER)
      {
        deepest = MAX (deepest, depth);
        depth++;
      }
    else
      depth--;
  return deepest;
}

/* The loader refuses a file nested deeper than PBO_MAX_DEPTH orgs, so no
 * operation may build one: org @id would put orgs at @level. */
static gboolean
check_level (const char *id, guint level, GError **error)
{
  if (level <= PBO_MAX_DEPTH)
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_LIMIT,
               _("org “%s” would nest orgs %u levels deep, more than %u"), id, level,
               PBO_MAX_DEPTH);
  return FALSE;
}

/* @org with its subtree under @dest. */
static gboolean
check_move_depth (const PboOrg *dest, const PboOrg *org, GError **error)
{
  guint level = level_of (dest) + 1;

  return check_level (org->id,
                      level + levels_below (org, level < PBO_MAX_DEPTH ? PBO_MAX_DEPTH - level : 0),
                      error);
}

PboOrg *
pbo_tree_add_org (PboTree *tree, PboOrg *parent, PboOrgKind kind, const char *id,
                  const char *name, GError **error)
{
  g_return_val_if_fail (tree != NULL, NULL);
  g_return_val_if_fail (parent == NULL || parent->tree == tree, NULL);
  if (!pbo_tree_builder_allowed_ (tree, G_STRFUNC))
    return NULL;
  return pbo_tree_insert_org_ (tree, parent, NULL, kind, id, name, error);
}

static gboolean
check_before_child (const PboOrg *parent, const PboOrg *before, GError **error)
{
  if (before == NULL || before->parent == parent)
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("org “%s” is not a child of “%s”"),
               before->id, pbo_org_is_root_ (parent) ? "the top level" : parent->id);
  return FALSE;
}

PboOrg *
pbo_tree_insert_org_ (PboTree *tree, PboOrg *parent, PboOrg *before, PboOrgKind kind,
                      const char *id, const char *name, GError **error)
{
  PboOrg *org;
  PboCounts delta;

  if (pbo_org_kind_to_string (kind) == NULL)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("org “%s” has no valid kind"),
                   id != NULL ? id : "");
      return NULL;
    }
  if (!pbo_tree_check_new_id_ (tree, id, error) || !pbo_text_check_n_ (name, N_("org name"), TRUE, error)
      || !pbo_org_check_containment_ (real_parent (tree, parent), kind, error)
      || !check_before_child (real_parent (tree, parent), before, error)
      || !check_level (id, level_of (real_parent (tree, parent)) + 1, error))
    return NULL;

  org = pbo_pool_record_ (&tree->org_pool, pbo_pool_alloc_ (&tree->org_pool));
  org->tree = tree;
  org->kind = (guint8) kind;
  org->id = pbo_tree_strdup_ (tree, id);
  org->name = pbo_tree_strdup_ (tree, name);
  link_child (real_parent (tree, parent), org, before);
  pbo_tree_index_add_ (tree, org, FALSE);
  pbo_counts_of_org_ (org, &delta);
  pbo_counts_add_ (org->parent, &delta, +1);
  tree->n_orgs++;
  return org;
}

gboolean
pbo_tree_remove_org (PboTree *tree, PboOrg *org, GError **error)
{
  PboCounts delta;

  g_return_val_if_fail (tree != NULL && org != NULL && org->tree == tree, FALSE);
  if (!pbo_tree_builder_allowed_ (tree, G_STRFUNC))
    return FALSE;

  if (org->first_child != NULL || org->first_member != NULL || pbo_org_get_n_recruits (org) > 0)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_NOT_EMPTY,
                   _("org “%s” still holds %u child orgs, %u members and %u recruits"), org->id,
                   org->n_children, org->n_members, pbo_org_get_n_recruits (org));
      return FALSE;
    }
  pbo_counts_of_org_ (org, &delta);
  pbo_counts_add_ (org->parent, &delta, -1);
  unlink_child (org);
  pbo_tree_index_remove_ (tree, org, FALSE);
  pbo_meeting_ids_unregister_ (tree, org);
  pbo_org_records_forget_ (tree, org);
  pbo_org_free_contents_ (org);
  pbo_pool_release_ (&tree->org_pool, pbo_pool_ref_ (&tree->org_pool, org));
  tree->n_orgs--;
  return TRUE;
}

/* Does the member serve inside the subtree moved? */
static gboolean
member_is_under (const PboMember *m, gconstpointer org)
{
  return pbo_org_is_ancestor (org, m->org);
}

gboolean
pbo_tree_move_org (PboTree *tree, PboOrg *org, PboOrg *new_parent, PboOrg *before,
                   GError **error)
{
  PboOrg *dest, *old_parent;
  PboCounts delta;

  g_return_val_if_fail (tree != NULL && org != NULL && org->tree == tree, FALSE);
  g_return_val_if_fail (new_parent == NULL || new_parent->tree == tree, FALSE);
  if (!pbo_tree_builder_allowed_ (tree, G_STRFUNC))
    return FALSE;

  dest = real_parent (tree, new_parent);
  if (new_parent != NULL && pbo_org_is_ancestor (org, new_parent))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_CYCLE,
                   _("cannot move org “%s” under “%s”: it would contain itself"), org->id,
                   new_parent->id);
      return FALSE;
    }
  if (!check_before_child (dest, before, error) || !pbo_org_check_containment_ (dest, org->kind, error)
      || !check_move_depth (dest, org, error))
    return FALSE;
  if (before == org)
    return TRUE;

  old_parent = org->parent;
  pbo_officers_vacate_ (old_parent, dest, member_is_under, org, NULL, NULL);
  pbo_counts_of_org_ (org, &delta);
  pbo_counts_add_ (old_parent, &delta, -1);
  unlink_child (org);
  link_child (dest, org, before);
  pbo_counts_add_ (dest, &delta, +1);
  return TRUE;
}

gboolean
pbo_org_set_kind (PboTree *tree, PboOrg *org, PboOrgKind kind, GError **error)
{
  PboOrg *child;
  PboOrgKind old;

  g_return_val_if_fail (tree != NULL && org != NULL && org->tree == tree, FALSE);
  if (!pbo_tree_builder_allowed_ (tree, G_STRFUNC))
    return FALSE;

  if (pbo_org_kind_to_string (kind) == NULL)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("not a valid org kind"));
      return FALSE;
    }
  if (!pbo_org_check_containment_ (org->parent, kind, error))
    return FALSE;
  for (child = org->first_child; child != NULL; child = child->next)
    if (!pbo_org_kind_can_contain (kind, child->kind))
      {
        g_set_error (error, PBO_ERROR, PBO_ERROR_CONTAINMENT,
                     _("org “%s” cannot become a %s: it holds the %s “%s”"), org->id,
                     pbo_org_kind_to_display_name (kind),
                     pbo_org_kind_to_display_name (child->kind),
                     child->id);
        return FALSE;
      }
  if (org->first_member != NULL && !pbo_org_kind_holds_members (kind))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_CONTAINMENT,
                   _("org “%s” cannot become a %s: it holds %u members (move them first)"),
                   org->id, pbo_org_kind_to_display_name (kind), org->n_members);
      return FALSE;
    }
  if (pbo_org_get_n_recruits (org) > 0 && kind != PBO_ORG_BRANCH)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_CONTAINMENT,
                   _("org “%s” cannot become a %s: it records %u recruits, which only "
                     "branches do"), org->id, pbo_org_kind_to_display_name (kind),
                   pbo_org_get_n_recruits (org));
      return FALSE;
    }
  old = org->kind;
  {
    PboCounts delta = { 0 };
    delta.kinds[old - 1] = 1;
    pbo_counts_add_ (org->parent, &delta, -1);
    delta.kinds[old - 1] = 0;
    delta.kinds[kind - 1] = 1;
    pbo_counts_add_ (org->parent, &delta, +1);
  }
  org->kind = (guint8) kind;
  return TRUE;
}

void
pbo_org_copy_fields_ (PboOrg *dst, const PboOrg *src, GStringChunk *strings)
{
  dst->unit = src->unit != NULL ? g_string_chunk_insert_const (strings, src->unit) : NULL;
  dst->established = src->established;
  dst->term_start = src->term_start;
  dst->term_years = src->term_years;
  dst->term_postponed_to = src->term_postponed_to;
  pbo_foreign_copy_ (&dst->foreign, &src->foreign);
  pbo_meetings_copy_ (src->meetings, &dst->meetings, strings);
  if (dst->tree != NULL)
    pbo_meeting_ids_register_ (dst->tree, dst);
}

PboOrg *
pbo_org_clone_into_ (PboTree *tree, PboOrg *parent, PboOrg *before, const PboOrg *proto,
                     GError **error)
{
  PboOrg *org = pbo_tree_insert_org_ (tree, parent, before, (PboOrgKind) proto->kind, proto->id,
                                      proto->name, error);

  if (org != NULL)
    pbo_org_copy_fields_ (org, proto, tree->strings);
  return org;
}

/* ---- fields --------------------------------------------------------- */

gboolean
pbo_org_set_name (PboOrg *org, const char *name, GError **error)
{
  g_return_val_if_fail (org != NULL && !pbo_org_is_root_ (org), FALSE);
  if (!pbo_tree_builder_allowed_ (org->tree, G_STRFUNC))
    return FALSE;
  if (!pbo_text_check_ (name, _("org name"), TRUE, error))
    return FALSE;
  if (strcmp (org->name, name) != 0)
    org->name = pbo_tree_strdup_ (org->tree, name);
  return TRUE;
}

gboolean
pbo_org_set_unit (PboOrg *org, const char *unit, GError **error)
{
  g_return_val_if_fail (org != NULL && !pbo_org_is_root_ (org), FALSE);
  if (!pbo_tree_builder_allowed_ (org->tree, G_STRFUNC))
    return FALSE;
  if (!pbo_text_check_ (unit, _("unit"), FALSE, error))
    return FALSE;
  org->unit = unit != NULL && *unit != '\0' ? pbo_tree_intern_ (org->tree, unit) : NULL;
  return TRUE;
}

static gboolean
check_full_date (PboDate date, const char *what, GError **error)
{
  if (date == PBO_DATE_NONE || (pbo_date_is_valid (date) && !pbo_date_is_year_only (date)))
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("%s is not a valid date"), what);
  return FALSE;
}

gboolean
pbo_org_set_established (PboOrg *org, PboDate date, GError **error)
{
  g_return_val_if_fail (org != NULL && !pbo_org_is_root_ (org), FALSE);
  if (!pbo_tree_builder_allowed_ (org->tree, G_STRFUNC))
    return FALSE;
  if (!check_full_date (date, _("the founding date"), error))
    return FALSE;
  org->established = date;
  return TRUE;
}

gboolean
pbo_org_set_term (PboOrg *org, PboDate start, guint years, GError **error)
{
  g_return_val_if_fail (org != NULL && !pbo_org_is_root_ (org), FALSE);
  if (!pbo_tree_builder_allowed_ (org->tree, G_STRFUNC))
    return FALSE;
  if (!check_full_date (start, _("the term start"), error))
    return FALSE;
  if (years > 10 || (years == 0) != (start == PBO_DATE_NONE))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                   _("a term needs both a start date and 1–10 years (got %u years)"), years);
      return FALSE;
    }
  org->term_start = start;
  org->term_years = (guint8) years;
  return TRUE;
}

#define ORG_GETTER(type, name, expr, fallback)              \
  type pbo_org_get_##name (const PboOrg *org)               \
  {                                                         \
    g_return_val_if_fail (org != NULL, fallback);           \
    return expr;                                            \
  }

ORG_GETTER (const char *, id, org->id, NULL)
ORG_GETTER (const char *, name, org->name, NULL)
ORG_GETTER (const char *, unit, org->unit, NULL)
ORG_GETTER (PboOrgKind, kind, (PboOrgKind) org->kind, PBO_ORG_NONE)
ORG_GETTER (PboDate, established, org->established, PBO_DATE_NONE)
ORG_GETTER (PboDate, term_start, org->term_start, PBO_DATE_NONE)
ORG_GETTER (guint, term_years, org->term_years, 0)
ORG_GETTER (PboTree *, tree, org->tree, NULL)
ORG_GETTER (PboOrg *, parent, pbo_org_is_root_ (org->parent) ? NULL : org->parent, NULL)
ORG_GETTER (PboOrg *, first_child, org->first_child, NULL)
ORG_GETTER (PboOrg *, last_child, org->last_child, NULL)
ORG_GETTER (PboOrg *, next, org->next, NULL)
ORG_GETTER (PboOrg *, prev, org->prev, NULL)
ORG_GETTER (guint, n_children, org->n_children, 0)
ORG_GETTER (PboMember *, first_member, org->first_member, NULL)
ORG_GETTER (guint, n_members, org->n_members, 0)

guint
pbo_org_get_depth (const PboOrg *org)
{
  guint depth = 0;

  g_return_val_if_fail (org != NULL, 0);
  for (org = org->parent; !pbo_org_is_root_ (org); org = org->parent)
    depth++;
  return depth;
}

gboolean
pbo_org_is_ancestor (const PboOrg *ancestor, const PboOrg *org)
{
  g_return_val_if_fail (ancestor != NULL, FALSE);
  for (; org != NULL; org = org->parent)
    if (org == ancestor)
      return TRUE;
  return FALSE;
}
