/* libpbo — the debug validator: recount everything, check every link.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "tree-private.h"
#include "recruit-private.h"
#include "error-private.h"

typedef struct {
  const PboTree *tree;
  GHashTable    *recount;    /* PboOrg* → PboCounts* (recomputed) */
  GHashTable    *offices;    /* PboMember* → offices counted */
  guint          orgs;
  guint          members;
  guint          recruits;
  GError       **error;
} Check;

static gboolean G_GNUC_PRINTF (3, 4)
broken (Check *c, const PboOrg *org, const char *format, ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (_(format), args);
  va_end (args);
  g_set_error (c->error, PBO_ERROR, PBO_ERROR_INCONSISTENT, _("invariant broken at org “%s”: %s"),
               org->id, msg);
  return FALSE;
}

static gboolean
check_children (Check *c, const PboOrg *org)
{
  const PboOrg *child, *prev = NULL;
  guint n = 0;
  gboolean is_member;

  for (child = org->first_child; child != NULL; prev = child, child = child->next, n++)
    {
      if (child->parent != org || child->prev != prev || child->tree != c->tree)
        return broken (c, org, "child “%s” is badly linked", child->id);
      if (!pbo_org_kind_can_contain (pbo_org_is_root_ (org) ? PBO_ORG_NONE : org->kind,
                                     child->kind))
        return broken (c, org, "may not contain the %s “%s”",
                       pbo_org_kind_to_display_name (child->kind), child->id);
      if (pbo_tree_index_lookup_ (c->tree, child->id, &is_member) != child || is_member)
        return broken (c, child, "not found under its id");
    }
  if (org->last_child != prev || org->n_children != n)
    return broken (c, org, "child list end or count is wrong");
  return TRUE;
}

static gboolean
check_members (Check *c, const PboOrg *org, PboCounts *counts)
{
  const PboMember *m, *prev = NULL;
  guint n = 0;
  gboolean is_member;

  if (org->first_member != NULL && !pbo_org_kind_holds_members (org->kind))
    return broken (c, org, "holds members but is a %s",
                   pbo_org_kind_to_display_name (org->kind));
  for (m = org->first_member; m != NULL; prev = m, m = pbo_member_next_ (m), n++)
    {
      if (m->org != org || pbo_member_prev_ (m) != prev)
        return broken (c, org, "member “%s” is badly linked", pbo_member_id_ (m));
      if (m->status < 1 || m->status > 2 || m->employment < 1 || m->employment > 2)
        return broken (c, org, "member “%s” has no status or employment", pbo_member_id_ (m));
      if (pbo_tree_index_lookup_ (c->tree, pbo_member_id_ (m), &is_member) != m || !is_member)
        return broken (c, org, "member “%s” not found under its id", pbo_member_id_ (m));
      counts->members[m->status - 1][m->employment - 1]++;
    }
  if (org->last_member != prev || org->n_members != n)
    return broken (c, org, "member list end or count is wrong");
  c->members += n;
  return TRUE;
}

static gboolean
check_officers (Check *c, const PboOrg *org)
{
  guint i;

  for (i = 0; i < org->n_officers; i++)
    {
      const PboOfficer *o = &org->officers[i];
      guint n;
      if (!pbo_org_is_ancestor (org, o->member->org))
        return broken (c, org, "officer “%s” is outside its subtree", pbo_member_id_ (o->member));
      n = GPOINTER_TO_UINT (g_hash_table_lookup (c->offices, o->member));
      g_hash_table_insert (c->offices, o->member, GUINT_TO_POINTER (n + 1));
    }
  return TRUE;
}

/* On exit from an org, its children have been recounted: add them up. */
/* Recruits: only in branches, linked back, found under their ids, which
 * name nothing else. */
static gboolean
check_recruits (Check *c, const PboOrg *org)
{
  gboolean is_member;
  guint i;

  for (i = 0; i < pbo_org_get_n_recruits (org); i++)
    {
      const PboRecruit *r = pbo_org_get_recruit (org, i);
      PboRecruitInfo info = PBO_RECRUIT_INFO_INIT;

      if (org->kind != PBO_ORG_BRANCH)
        return broken (c, org, "records recruits but is a %s",
                       pbo_org_kind_to_display_name ((PboOrgKind) org->kind));
      pbo_recruit_get_info (r, &info);
      if (r->branch != org || pbo_tree_lookup_recruit (c->tree, r->id) != r)
        return broken (c, org, "recruit “%s” is badly linked", r->id);
      if (pbo_tree_index_lookup_ (c->tree, r->id, &is_member) != NULL)
        return broken (c, org, "recruit id “%s” also names an org or member", r->id);
      if (!pbo_recruit_info_check_ (&info, NULL))
        return broken (c, org, "recruit “%s” has inconsistent fields", r->id);
      c->recruits++;
    }
  return TRUE;
}

static gboolean
recount_org (Check *c, const PboOrg *org)
{
  PboCounts *counts = g_new0 (PboCounts, 1);
  const PboOrg *child;
  guint i;

  g_hash_table_insert (c->recount, (gpointer) org, counts);
  for (child = org->first_child; child != NULL; child = child->next)
    {
      const PboCounts *cc = g_hash_table_lookup (c->recount, child);
      /* Not recounted: the walk, which climbs by parent links, missed it
       * (a child whose parent link is wrong); report it, do not crash. */
      if (cc == NULL)
        return broken (c, org, "child “%s” is badly linked", child->id);
      for (i = 0; i < 4; i++)
        {
          counts->members[i / 2][i % 2] += cc->members[i / 2][i % 2];
          counts->kinds[i] += cc->kinds[i];
        }
      counts->kinds[child->kind - 1]++;
    }
  if (!check_children (c, org) || !check_members (c, org, counts) || !check_officers (c, org)
      || !check_recruits (c, org))
    return FALSE;
  if (memcmp (counts, &org->counts, sizeof *counts) != 0)
    return broken (c, org, "subtree aggregates differ from a recount");
  return TRUE;
}

static gboolean
check_office_counts (Check *c)
{
  guint i;

  /* Every member's office counter equals the appointments found. */
  for (i = 0; i < c->tree->members.blocks->len; i++)
    {
      const PboMember *block = g_ptr_array_index (c->tree->members.blocks, i);
      guint j;
      for (j = 0; j < PBO_POOL_BLOCK; j++)
        {
          const PboMember *m = &block[j];
          if (m->org != NULL
              && m->n_offices != GPOINTER_TO_UINT (g_hash_table_lookup (c->offices, m)))
            return broken (c, m->org, "member “%s” counts %u offices", pbo_member_id_ (m), m->n_offices);
        }
    }
  return TRUE;
}

gboolean
pbo_tree_validate_invariants (const PboTree *tree, GError **error)
{
  Check c = { tree, NULL, NULL, 0, 0, 0, error };
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;
  gboolean ok = TRUE;

  g_return_val_if_fail (tree != NULL, FALSE);

  c.recount = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  c.offices = g_hash_table_new (NULL, NULL);
  pbo_walker_init (&w, tree, NULL);
  while (ok && (ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      if (ev == PBO_WALK_ENTER)
        c.orgs++;
      else
        ok = recount_org (&c, org);
    }
  ok = ok && recount_org (&c, &tree->root) && check_office_counts (&c);
  if (ok && c.recruits != pbo_tree_get_n_recruits (tree))
    ok = broken (&c, &tree->root, "%u recruits found, %u in the table", c.recruits,
                 pbo_tree_get_n_recruits (tree));
  if (ok && (c.orgs != tree->n_orgs || c.members != tree->n_members
             || pbo_tree_index_size_ (tree) != c.orgs + c.members))
    ok = broken (&c, &tree->root, "%u orgs and %u members found, %u and %u counted, %u ids",
                 c.orgs, c.members, tree->n_orgs, tree->n_members,
                 pbo_tree_index_size_ (tree));
  g_hash_table_unref (c.recount);
  g_hash_table_unref (c.offices);
  return ok;
}
