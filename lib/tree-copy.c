/* libpbo — deep copies of a tree.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "tree-private.h"
#include "recruit-private.h"

/* The copy's counterpart of an org of the original: ids are the same. */
static PboOrg *
counterpart (PboTree *copy, const PboOrg *org)
{
  return pbo_org_is_root_ (org) ? NULL : pbo_tree_lookup_org (copy, org->id);
}

static gboolean
copy_members (PboTree *copy, PboOrg *dest, const PboOrg *org, GError **error)
{
  const PboMember *m;

  for (m = org->first_member; m != NULL; m = pbo_member_next_ (m))
    {
      PboMemberInfo info;
      pbo_member_to_info_ (m, &info);
      if (pbo_tree_insert_member_ (copy, dest, NULL, &info,
                                   pbo_member_foreign_ (m), error) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
copy_recruits (PboTree *copy, PboOrg *dest, const PboOrg *org, GError **error)
{
  guint i;

  for (i = 0; i < pbo_org_get_n_recruits (org); i++)
    {
      PboRecruitInfo info = PBO_RECRUIT_INFO_INIT;
      pbo_recruit_get_info (pbo_org_get_recruit (org, i), &info);
      if (pbo_tree_insert_recruit_ (copy, dest, G_MAXUINT, &info, error) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Officers are copied when the org is left: its whole subtree, and so every
 * member who may hold one of its offices, exists in the copy by then. */
static gboolean
copy_officers (PboTree *copy, PboOrg *dest, const PboOrg *org, GError **error)
{
  guint i;

  for (i = 0; i < org->n_officers; i++)
    {
      const PboOfficer *o = &org->officers[i];
      if (!pbo_org_insert_officer_ (dest, i, (PboRole) o->role,
                                    pbo_tree_lookup_member (copy, pbo_member_id_ (o->member)), o->since,
                                    error))
        return FALSE;
    }
  return TRUE;
}

PboTree *
pbo_tree_copy (const PboTree *tree)
{
  PboTree *copy;
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;
  GError *error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (tree != NULL, NULL);

  copy = pbo_tree_new ();
  pbo_foreign_copy_ (&copy->foreign, &tree->foreign);
  pbo_walker_init (&w, tree, NULL);
  /* (org != NULL always holds before DONE; gcc -fanalyzer cannot see into
   * pbo_walker_next().) */
  while (ok && (ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE && org != NULL)
    {
      if (ev == PBO_WALK_ENTER)
        {
          PboOrg *dest = pbo_org_clone_into_ (copy, counterpart (copy, org->parent), NULL, org,
                                              &error);
          ok = dest != NULL && copy_members (copy, dest, org, &error)
               && copy_recruits (copy, dest, org, &error);
        }
      else
        ok = copy_officers (copy, counterpart (copy, org), org, &error);
    }
  /* The original satisfied every check the insertions make. */
  if (!ok)
    g_error ("pbo_tree_copy: the original tree is inconsistent: %s",
             error != NULL ? error->message : "?");
  return copy;
}
