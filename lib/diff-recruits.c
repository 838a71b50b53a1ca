/* libpbo — the diff's plan for recruit records (promote, admit, add,
 * update, remove), one phase of diff-ops.c's planner.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>
#include "diff-private.h"

/* Recruit records are placed by their own operations, not carried along:
 * a branch that is the same branch in both trees keeps the leading run of
 * NEW's recruits that it holds in OLD's order (their fields corrected in
 * place by <promote> or <update-recruit>); every other recruit of OLD goes
 * at the start — admitted (<admit>, when NEW has a member of that id and
 * the rules allow it) or removed (<remove-recruit>) — and every other
 * recruit of NEW is added at the end (<add-recruit>), after its branch's
 * run, in NEW's order. So no branch changes kind, moves, merges or goes
 * while holding a recruit it will not keep. */

/* A branch of OLD that is the same branch, unmoved in kind, in NEW. */
static gboolean
branch_stays (const PboDiff *diff, const char *id)
{
  const PboDiffOrg *o = pbo_diff_org_ (diff, id);
  return o != NULL && pbo_diff_org_kept_ (o) && o->old_org != NULL
         && o->old_org->kind == PBO_ORG_BRANCH && o->new_org->kind == PBO_ORG_BRANCH;
}

static int
recruit_index (const PboOrg *branch, const char *id)
{
  guint i;

  for (i = 0; i < pbo_org_get_n_recruits (branch); i++)
    if (strcmp (pbo_recruit_get_id (pbo_org_get_recruit (branch, i)), id) == 0)
      return (int) i;
  return -1;
}

/* The length of the leading run of @branch's (NEW) recruits that stay. */
static guint
recruits_kept (const PboDiff *diff, const PboOrg *branch)
{
  const PboOrg *old;
  int last = -1;
  guint i;

  if (!branch_stays (diff, branch->id))
    return 0;
  old = pbo_diff_org_ (diff, branch->id)->old_org;
  for (i = 0; i < pbo_org_get_n_recruits (branch); i++)
    {
      int k = recruit_index (old, pbo_recruit_get_id (pbo_org_get_recruit (branch, i)));
      if (k <= last)
        break;
      last = k;
    }
  return i;
}

static gboolean
recruit_stays (const PboDiff *diff, const PboRecruit *r)
{
  const PboRecruit *n = pbo_tree_lookup_recruit (diff->new_tree, pbo_recruit_get_id (r));
  const PboOrg *branch = n != NULL ? pbo_recruit_get_branch (n) : NULL;

  return branch != NULL && strcmp (branch->id, pbo_recruit_get_branch (r)->id) == 0
         && (guint) recruit_index (branch, pbo_recruit_get_id (r)) < recruits_kept (diff, branch);
}

/* Does the candidate @r become the member @m by <admit> on @m's joined? */
static gboolean
admissible (const PboRecruit *r, const PboMember *m)
{
  PboDate on = pbo_recruit_eligible_on (r);

  return m != NULL && pbo_recruit_get_stage (r) == PBO_RECRUIT_CANDIDATE && on != PBO_DATE_NONE
         && pbo_member_get_joined (m) >= on
         && !pbo_date_is_year_only (pbo_member_get_joined (m));
}

gboolean
pbo_diff_recruits_out_ (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;
  guint i;

  for (i = 0; i < pbo_org_get_n_recruits (org); i++)
    {
      const PboRecruit *r = pbo_org_get_recruit (org, i);
      const char *id = pbo_recruit_get_id (r);
      PboDiffMember *m = pbo_diff_member_ (diff, id);
      PboDiffOp *op;

      if (recruit_stays (diff, r))
        continue;
      if (m == NULL || !admissible (r, m->new_m))
        {
          pbo_diff_emit_ (diff, PBO_EDIT_OP_REMOVE_RECRUIT, NULL)->member = id;
          continue;
        }
      /* Admitted (at the end of its branch) and completed to NEW's record;
       * fill_members() brings it where NEW has it. */
      op = pbo_diff_emit_ (diff, PBO_EDIT_OP_ADMIT, NULL);
      op->member = id;
      op->new_member = m->new_m;
      op = pbo_diff_emit_ (diff, PBO_EDIT_OP_UPDATE_MEMBER, NULL);
      op->member = id;
      op->new_member = m->new_m;
      pbo_diff_land_ (diff, m, pbo_diff_org_ (diff, org->id));
      m->admitted = TRUE;
    }
  return TRUE;
}

gboolean
pbo_diff_recruits_in_ (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;
  guint kept = recruits_kept (diff, org), i;

  for (i = 0; i < pbo_org_get_n_recruits (org); i++)
    {
      const PboRecruit *r = pbo_org_get_recruit (org, i);
      PboDiffOp *op = NULL;

      if (i >= kept)
        op = pbo_diff_emit_ (diff, PBO_EDIT_OP_ADD_RECRUIT, org->id);
      else if (!pbo_diff_recruit_equal_ (pbo_tree_lookup_recruit (diff->old_tree,
                                                                  pbo_recruit_get_id (r)), r))
        op = pbo_diff_emit_ (diff, pbo_diff_promotion_ (pbo_tree_lookup_recruit (
                     diff->old_tree, pbo_recruit_get_id (r)), r) != PBO_DATE_NONE
                     ? PBO_EDIT_OP_PROMOTE : PBO_EDIT_OP_UPDATE_RECRUIT, org->id);
      if (op != NULL)
        {
          op->recruit = r;
          op->old_recruit = pbo_tree_lookup_recruit (diff->old_tree, pbo_recruit_get_id (r));
        }
    }
  return TRUE;
}

