/* libpbo — planning the operations that turn OLD into NEW, in an order in
 * which each one is applicable to the tree the previous ones leave.
 *
 * The phases (docs/restructuring.md, "Diff", says why each comes where):
 *  1. dismiss every appointment that is not kept in place;
 *  2. remove the members only in OLD; update members' fields; rename orgs;
 *  3. dissolve the orgs that change between a group and another kind;
 *  4. walk NEW parents first: create or place each org under its NEW parent
 *     with its NEW kind (evacuating what the new kind cannot hold), then
 *     fill its member list in NEW's order;
 *  5. dissolve the orgs only in OLD, deepest first, then the park orgs;
 *  6. appoint, in NEW's order, every appointment not kept;
 *  7. set the unit, founding date and term of the orgs kept (set-org), and
 *     add the meeting records after each org's leading run that stays
 *     (those after it were removed, by id, right after phase 1).
 * The planner keeps its own picture of the tree (each org's current parent
 * and kind) instead of editing a copy: O(orgs + members + officers ×
 * depth).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>
#include "diff-private.h"

PboDiffOp *
pbo_diff_emit_ (PboDiff *diff, PboEditOp op, const char *org)
{
  PboDiffOp o = { 0 };

  o.op = op;
  o.org = org;
  g_array_append_val (diff->ops, o);
  return &g_array_index (diff->ops, PboDiffOp, diff->ops->len - 1);
}

static PboOrgKind
kind_now (const PboDiffOrg *o)
{
  return o != NULL ? o->kind : PBO_ORG_NONE;
}

static const char *
id_of (const PboDiffOrg *o)
{
  return o != NULL ? o->id : NULL;
}

static PboDiffOrg *
old_parent (const PboDiff *diff, const PboOrg *org)
{
  const PboOrg *p = pbo_org_get_parent (org);
  return p != NULL ? pbo_diff_org_ (diff, p->id) : NULL;
}

static PboDiffOrg *
new_parent (const PboDiff *diff, const PboDiffOrg *o)
{
  const PboOrg *p = pbo_org_get_parent (o->new_org);
  return p != NULL ? pbo_diff_org_ (diff, p->id) : NULL;
}

/* ---- what stays in place ------------------------------------------------ */

/* The leading run of @org's NEW children (the top level when NULL) that are
 * under the same parent in OLD, in OLD's order, and that the parent's kind
 * change will not evacuate: they never move; every later child is appended
 * (created or moved) in NEW's order. */
static void
mark_children_prefix (PboDiff *diff, const PboOrg *org)
{
  const PboDiffOrg *p = org != NULL ? pbo_diff_org_ (diff, org->id) : NULL;
  const PboOrg *c = org != NULL ? org->first_child : pbo_tree_get_first_org (diff->new_tree);
  int last = -1;

  for (; c != NULL; c = c->next)
    {
      PboDiffOrg *o = pbo_diff_org_ (diff, c->id);
      if (!pbo_diff_same_parent_ (diff, o) || (int) o->old_index <= last)
        break;
      /* Same parent, hence p is NULL or in both trees. */
      if (p != NULL && p->old_org->kind != org->kind
          && !pbo_org_kind_can_contain ((PboOrgKind) org->kind, (PboOrgKind) o->old_org->kind))
        break;
      o->in_prefix = TRUE;
      last = (int) o->old_index;
    }
}

/* The same for the members of @org: the leading run that stays, in order. */
static void
mark_members_prefix (PboDiff *diff, const PboOrg *org)
{
  const PboMember *m;
  int last = -1;

  for (m = org->first_member; m != NULL; m = pbo_member_get_next (m))
    {
      PboDiffMember *r = pbo_diff_member_ (diff, pbo_member_get_id (m));
      if (!r->stays || (int) r->old_index <= last)
        break;
      r->in_prefix = TRUE;
      last = (int) r->old_index;
    }
}

/* Does @m hold still under @org during the whole plan? It stays in its
 * org, in place, and every org between that one and @org keeps its parent
 * and kind: then no transfer, park or move takes it out of @org's subtree,
 * and its appointment there is never vacated. */
static gboolean
holder_stays_under (const PboDiff *diff, const PboMember *m, const PboOrg *org)
{
  const PboDiffMember *r = pbo_diff_member_ (diff, pbo_member_get_id (m));
  const PboOrg *c;

  if (r == NULL || !r->stays || !r->in_prefix)
    return FALSE;
  for (c = r->new_m->org; c != NULL && strcmp (c->id, org->id) != 0; c = pbo_org_get_parent (c))
    {
      const PboDiffOrg *o = pbo_diff_org_ (diff, c->id);
      if (!pbo_diff_same_parent_ (diff, o) || o->old_org->kind != o->new_org->kind)
        return FALSE;
    }
  return c != NULL;
}

static const PboOfficer *
officer_at (const PboOrg *org, guint i)
{
  return &org->officers[i];
}

static int
officer_index (const PboOrg *org, PboRole role, const char *member)
{
  guint i;

  for (i = 0; org != NULL && i < pbo_org_get_n_officers (org); i++)
    if (officer_at (org, i)->role == role && strcmp (pbo_member_get_id (officer_at (org, i)->member), member) == 0)
      return (int) i;
  return -1;
}

/* The leading run of @org's NEW appointments that exist in OLD with the
 * same date, in OLD's order, held by members who stay under @org: kept
 * as they are. Returns its length. */
static guint
officers_kept (const PboDiff *diff, const PboOrg *org)
{
  const PboDiffOrg *o = pbo_diff_org_ (diff, org->id);
  int last = -1;
  guint i;

  if (!pbo_diff_org_kept_ (o))
    return 0;
  for (i = 0; i < pbo_org_get_n_officers (org); i++)
    {
      const PboOfficer *n = officer_at (org, i);
      int k = officer_index (o->old_org, (PboRole) n->role, pbo_member_get_id (n->member));
      if (k <= last || officer_at (o->old_org, (guint) k)->since != n->since
          || !holder_stays_under (diff, n->member, org))
        break;
      last = k;
    }
  return i;
}

static gboolean
mark_org_prefixes (PboOrg *org, gpointer data)
{
  mark_children_prefix (data, org);
  mark_members_prefix (data, org);
  return TRUE;
}

/* ---- the park orgs ------------------------------------------------------- */

/* The first org of OLD, parents first, that never moves nor changes kind
 * and may hold @kind; NULL (the top level) when there is none. */
static PboDiffOrg *
stable_host (const PboDiff *diff, PboOrgKind kind)
{
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;

  pbo_walker_init (&w, diff->old_tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      PboDiffOrg *o = pbo_diff_org_ (diff, org->id);
      if (ev == PBO_WALK_ENTER && o->stable
          && pbo_org_kind_can_contain ((PboOrgKind) org->kind, kind))
        return o;
    }
  return NULL;
}

static const char *
unused_id (PboDiff *diff, const char *base)
{
  g_autofree char *id = g_strdup (base);
  guint n = 1;

  while (pbo_tree_has_id (diff->old_tree, id) || pbo_tree_has_id (diff->new_tree, id)
         || pbo_diff_org_ (diff, id) != NULL)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, ++n);
    }
  return pbo_diff_str_ (diff, id);
}

/* A temporary org of @kind under a stable host, created on first use: it
 * holds what must leave an org before that org's NEW place exists. */
static PboDiffOrg *
park (PboDiff *diff, PboDiffOrg **slot, PboOrgKind kind, const char *base, const char *name)
{
  PboDiffOp *op;
  PboDiffOrg *o;

  if (*slot != NULL)
    return *slot;
  o = g_new0 (PboDiffOrg, 1);
  o->id = unused_id (diff, base);
  o->kind = kind;
  o->parent = stable_host (diff, kind);
  o->placed = TRUE;
  g_hash_table_insert (diff->orgs, (gpointer) o->id, o);
  op = pbo_diff_emit_ (diff, PBO_EDIT_OP_CREATE_ORG, o->id);
  op->target = id_of (o->parent);
  op->kind = kind;
  op->name = name;
  return *slot = o;
}

PboDiffOrg *
pbo_diff_park_branch_ (PboDiff *diff)
{
  return park (diff, &diff->park_branch, PBO_ORG_BRANCH, "pbo-diff-park",
               "pbo diff: members and groups in transit");
}

static PboDiffOrg *
park_committee (PboDiff *diff)
{
  return park (diff, &diff->park_committee, PBO_ORG_COMMITTEE, "pbo-diff-park-orgs",
               "pbo diff: orgs in transit");
}

/* ---- primitive steps that keep the planner's picture current ------------- */

static void
move_org (PboDiff *diff, PboDiffOrg *o, PboDiffOrg *to)
{
  pbo_diff_emit_ (diff, PBO_EDIT_OP_MOVE, o->id)->target = id_of (to);
  o->parent = to;
}

static void
set_kind (PboDiff *diff, PboDiffOrg *o, PboOrgKind kind)
{
  pbo_diff_emit_ (diff, PBO_EDIT_OP_SET_KIND, o->id)->kind = kind;
  o->kind = kind;
}

static void
park_org (PboDiff *diff, PboDiffOrg *o)
{
  move_org (diff, o, o->kind == PBO_ORG_GROUP ? pbo_diff_park_branch_ (diff) : park_committee (diff));
  o->parked = TRUE;
}

/* One transfer of @ids (borrowed) to @to, if there are any. */
void
pbo_diff_transfer_ (PboDiff *diff, GPtrArray *ids, const char *to)
{
  if (ids->len == 0)
    return;
  pbo_diff_emit_ (diff, PBO_EDIT_OP_TRANSFER, NULL)->target = to;
  g_array_index (diff->ops, PboDiffOp, diff->ops->len - 1).members = g_ptr_array_ref (ids);
}

/* The orgs still under @o where OLD had them: not placed elsewhere yet,
 * not parked, not dissolved (nothing else is ever moved under an org that
 * is not placed). */
static gboolean
still_under (const PboDiffOrg *c)
{
  return !c->placed && !c->parked && !c->gone;
}

/* Moves out of @o what its next kind cannot hold: child orgs to a park,
 * and all its members (whose NEW orgs come later) to the park branch. */
static void
evacuate (PboDiff *diff, PboDiffOrg *o, PboOrgKind kind, gboolean everything)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  const PboOrg *c;
  const PboMember *m;

  for (c = o->old_org->first_child; c != NULL; c = c->next)
    {
      PboDiffOrg *child = pbo_diff_org_ (diff, c->id);
      if (still_under (child) && (everything || !pbo_org_kind_can_contain (kind, child->kind)))
        park_org (diff, child);
    }
  if (pbo_org_kind_holds_members (kind) && !everything)
    return;
  for (m = o->old_org->first_member; m != NULL; m = pbo_member_get_next (m))
    {
      PboDiffMember *r = pbo_diff_member_ (diff, pbo_member_get_id (m));
      if (r->new_m != NULL && !r->moved)
        {
          g_ptr_array_add (ids, (gpointer) pbo_member_get_id (m));
          r->moved = TRUE;
        }
    }
  if (!everything && ids->len > 0)
    pbo_diff_transfer_ (diff, ids, pbo_diff_park_branch_ (diff)->id);
}

/* ---- the phases ---------------------------------------------------------- */

static gboolean
dismiss_unkept (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;
  const PboDiffOrg *o = pbo_diff_org_ (diff, org->id);
  guint kept = o->new_org != NULL ? officers_kept (diff, o->new_org) : 0, i;

  for (i = 0; i < pbo_org_get_n_officers (org); i++)
    {
      const PboOfficer *off = officer_at (org, i);
      int k = kept > 0 ? officer_index (o->new_org, (PboRole) off->role, pbo_member_get_id (off->member)) : -1;
      PboDiffOp *op;
      if (k >= 0 && (guint) k < kept)
        continue;
      op = pbo_diff_emit_ (diff, PBO_EDIT_OP_DISMISS, org->id);
      op->role = (PboRole) off->role;
      op->member = pbo_member_get_id (off->member);
    }
  return TRUE;
}

static gboolean
appoint_unkept (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;
  guint i;

  for (i = officers_kept (diff, org); i < pbo_org_get_n_officers (org); i++)
    {
      const PboOfficer *off = officer_at (org, i);
      PboDiffOp *op = pbo_diff_emit_ (diff, PBO_EDIT_OP_APPOINT, org->id);
      op->role = (PboRole) off->role;
      op->member = pbo_member_get_id (off->member);
      op->since = off->since;
    }
  return TRUE;
}

static gboolean
remove_member (PboMember *m, gpointer data)
{
  PboDiff *diff = data;
  const PboLetterInfo *letter;
  PboDiffOp *op;

  if (pbo_diff_member_ (diff, pbo_member_get_id (m))->new_m != NULL)
    return TRUE;
  letter = pbo_diff_new_letter_ (diff, pbo_member_get_id (m), PBO_LETTER_OUT);
  op = pbo_diff_emit_ (diff, letter != NULL ? PBO_EDIT_OP_TRANSFER_OUT : PBO_EDIT_OP_REMOVE_MEMBER,
                       NULL);
  op->member = pbo_member_get_id (m);
  op->letter = letter;
  return TRUE;
}

static gboolean
update_member (PboMember *m, gpointer data)
{
  PboDiff *diff = data;
  const PboDiffMember *r = pbo_diff_member_ (diff, pbo_member_get_id (m));
  g_auto (GStrv) pairs = NULL;
  PboDiffOp *op;

  if (r->old_m == NULL)
    return TRUE;
  pairs = pbo_diff_member_changes_ (r->old_m, m);
  if (pairs[0] == NULL)
    return TRUE;
  op = pbo_diff_emit_ (diff, PBO_EDIT_OP_UPDATE_MEMBER, NULL);
  op->member = pbo_member_get_id (m);
  op->old_member = r->old_m;
  op->new_member = m;
  return TRUE;
}

static gboolean
rename_org (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;
  const PboDiffOrg *o = pbo_diff_org_ (diff, org->id);

  if (pbo_diff_org_kept_ (o) && strcmp (o->old_org->name, org->name) != 0)
    pbo_diff_emit_ (diff, PBO_EDIT_OP_RENAME, org->id)->name = org->name;
  return TRUE;
}

/* An org that turns into a group or stops being one cannot change kind in
 * place (a group lives only in a branch, which holds nothing else): its
 * children and members are parked and it is dissolved, to be created anew. */
static gboolean
dissolve_recreated (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;
  PboDiffOrg *o = pbo_diff_org_ (diff, org->id);

  if (!o->recreated)
    return TRUE;
  evacuate (diff, o, o->kind, TRUE);
  pbo_diff_emit_ (diff, PBO_EDIT_OP_DISSOLVE, o->id)->target = pbo_diff_park_branch_ (diff)->id;
  o->gone = TRUE;
  return TRUE;
}

/* Where the next member of @org goes: before the first member of its OLD
 * list after the last of the leading run that stays (at @last_kept) that
 * is still in it — not removed, not moved out, not placed yet — or at the
 * end (NULL). */
static const char *
anchor (const PboDiff *diff, const PboOrg *old, int last_kept)
{
  const PboMember *m;

  for (m = old != NULL ? old->first_member : NULL; m != NULL; m = pbo_member_get_next (m))
    {
      const PboDiffMember *r = pbo_diff_member_ (diff, pbo_member_get_id (m));
      if ((int) r->old_index > last_kept && r->new_m != NULL && !r->in_prefix && !r->moved)
        return pbo_member_get_id (m);
    }
  return NULL;
}

/* The place in the OLD org of the last member of @org's leading run that
 * stays, or -1. */
static int
last_kept (const PboDiff *diff, const PboOrg *org)
{
  const PboMember *m;
  int last = -1;

  for (m = org->first_member; m != NULL; m = pbo_member_get_next (m))
    {
      const PboDiffMember *r = pbo_diff_member_ (diff, pbo_member_get_id (m));
      if (!r->in_prefix)
        break;
      last = (int) r->old_index;
    }
  return last;
}

/* One transfer of @run (borrowed ids) to @to before @before, if any. */
static void
flush (PboDiff *diff, GPtrArray *run, const char *to, const char *before)
{
  if (run->len == 0)
    return;
  pbo_diff_emit_ (diff, PBO_EDIT_OP_TRANSFER, NULL)->target = to;
  g_array_index (diff->ops, PboDiffOp, diff->ops->len - 1).members = g_ptr_array_copy (run, NULL,
                                                                                        NULL);
  g_array_index (diff->ops, PboDiffOp, diff->ops->len - 1).before = before;
  g_ptr_array_set_size (run, 0);
}

/* Completes the member list of NEW @org after its leading run that stays,
 * in NEW's order, member by member right where it belongs: a member that
 * is already there stays; the others (arrivals, and members of the org out
 * of order) go before the first member after the run not placed yet, a
 * run of them in one pbo_diff_transfer_ (`before`), a new member by an add-member.
 * Only a member of the org that stood before the run's last member and
 * must go to the end, behind no one, goes round the park branch. */
static void
fill_members (PboDiff *diff, const PboOrg *org)
{
  const PboDiffOrg *o = pbo_diff_org_ (diff, org->id);
  const PboOrg *old = pbo_diff_org_kept_ (o) ? o->old_org : NULL;
  g_autoptr (GPtrArray) run = g_ptr_array_new ();
  const char *run_before = NULL;
  int kept = last_kept (diff, org);
  const PboMember *m;

  for (m = org->first_member; m != NULL; m = pbo_member_get_next (m))
    {
      PboDiffMember *r = pbo_diff_member_ (diff, pbo_member_get_id (m));
      const char *before;
      PboDiffOp *op;
      const PboLetterInfo *letter;

      if (r->in_prefix)
        continue;
      before = anchor (diff, old, kept);
      if (before == NULL && r->stays && !r->moved)
        {
          g_autoptr (GPtrArray) one = g_ptr_array_new ();
          g_ptr_array_add (one, (gpointer) pbo_member_get_id (m));
          pbo_diff_transfer_ (diff, one, pbo_diff_park_branch_ (diff)->id);
        }
      r->moved = TRUE;
      if (before != NULL && strcmp (before, pbo_member_get_id (m)) == 0)
        {
          flush (diff, run, org->id, run_before);
          continue;
        }
      if (r->old_m != NULL || r->admitted)
        {
          run_before = before;
          g_ptr_array_add (run, (gpointer) pbo_member_get_id (m));
          continue;
        }
      flush (diff, run, org->id, run_before);
      /* A member who came with a letter (1.1) is transferred in, at the end. */
      letter = before == NULL ? pbo_diff_new_letter_ (diff, pbo_member_get_id (m), PBO_LETTER_IN) : NULL;
      op = pbo_diff_emit_ (diff, letter != NULL ? PBO_EDIT_OP_TRANSFER_IN : PBO_EDIT_OP_ADD_MEMBER,
                           NULL);
      op->target = org->id;
      op->before = before;
      op->new_member = m;
      op->letter = letter;
    }
  flush (diff, run, org->id, run_before);
}

/* Brings a kept org under @parent with @kind: in place when its current
 * parent accepts the new kind, else after the move when the new parent
 * accepts the old kind, else by way of the park committee. */
static void
place_kept (PboDiff *diff, PboDiffOrg *o, PboDiffOrg *parent, PboOrgKind kind)
{
  if (o->kind != kind)
    evacuate (diff, o, kind, FALSE);
  if (o->in_prefix || o->kind == kind)
    {
      if (o->kind != kind)
        set_kind (diff, o, kind);
      if (!o->in_prefix)
        move_org (diff, o, parent);
      return;
    }
  if (pbo_org_kind_can_contain (kind_now (o->parent), kind))
    {
      set_kind (diff, o, kind);
      move_org (diff, o, parent);
    }
  else if (pbo_org_kind_can_contain (kind_now (parent), o->kind))
    {
      move_org (diff, o, parent);
      set_kind (diff, o, kind);
    }
  else
    {
      move_org (diff, o, park_committee (diff));
      set_kind (diff, o, kind);
      move_org (diff, o, parent);
    }
}

static gboolean
place_org (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;
  PboDiffOrg *o = pbo_diff_org_ (diff, org->id);
  PboDiffOrg *parent = new_parent (diff, o);
  PboOrgKind kind = (PboOrgKind) org->kind;

  if (pbo_diff_org_kept_ (o))
    place_kept (diff, o, parent, kind);
  else
    {
      PboDiffOp *op = pbo_diff_emit_ (diff, PBO_EDIT_OP_CREATE_ORG, org->id);
      op->target = id_of (parent);
      op->kind = kind;
      op->name = org->name;
      op->unit = org->unit;
      op->fields = org;
      o->kind = kind;
      o->parent = parent;
    }
  o->placed = TRUE;
  o->parked = FALSE;
  if (pbo_org_kind_holds_members (kind))
    fill_members (diff, org);
  return TRUE;
}

static void
dissolve (PboDiff *diff, PboDiffOrg *o)
{
  if (o != NULL)
    pbo_diff_emit_ (diff, PBO_EDIT_OP_DISSOLVE, o->id)->target = diff->members_to;
}

/* Deepest first: by then each holds nothing but orgs dissolved before it. */
static void
dissolve_removed (PboDiff *diff)
{
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;

  pbo_walker_init (&w, diff->old_tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    if (ev == PBO_WALK_EXIT && pbo_diff_org_ (diff, org->id)->new_org == NULL)
      dissolve (diff, pbo_diff_org_ (diff, org->id));
  dissolve (diff, diff->park_branch);
  dissolve (diff, diff->park_committee);
}

static gboolean
find_members_to (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;

  if (!pbo_org_kind_holds_members ((PboOrgKind) org->kind))
    return TRUE;
  diff->members_to = org->id;
  return FALSE;
}

static void
init_picture (PboDiff *diff)
{
  GHashTableIter it;
  gpointer value;

  g_hash_table_iter_init (&it, diff->orgs);
  while (g_hash_table_iter_next (&it, NULL, &value))
    {
      PboDiffOrg *o = value;
      if (o->old_org != NULL)
        {
          o->kind = (PboOrgKind) o->old_org->kind;
          o->parent = old_parent (diff, o->old_org);
        }
    }
}

/* ---- an org's own records ------------------------------------------------ */

/* First, so that the ids they free are free for what the plan creates. */
static gboolean
remove_meetings (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;
  const PboDiffOrg *o = pbo_diff_org_ (diff, org->id);
  gboolean replaceable;
  guint p = pbo_diff_meetings_kept_ (diff, org, &replaceable), i;

  if (!pbo_diff_org_kept_ (o) || !replaceable)
    return TRUE;
  for (i = pbo_org_get_n_meetings (o->old_org); i > p; i--)
    pbo_diff_emit_ (diff, PBO_EDIT_OP_REMOVE_MEETING, org->id)->meeting_id
      = pbo_org_get_meeting_id (o->old_org, i - 1);
  return TRUE;
}

/* Last, when every org and member of NEW is in place. */
static gboolean
add_meetings (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;
  gboolean replaceable;
  guint i = pbo_diff_meetings_kept_ (diff, org, &replaceable);

  for (; replaceable && i < pbo_org_get_n_meetings (org); i++)
    {
      PboDiffOp *op = pbo_diff_emit_ (diff, PBO_EDIT_OP_ADD_MEETING, org->id);
      op->fields = org;
      op->meeting = i;
    }
  return TRUE;
}

static gboolean
set_org_fields (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;
  const PboDiffOrg *o = pbo_diff_org_ (diff, org->id);
  const PboOrg *old = o->old_org;

  if (pbo_diff_org_kept_ (o)
      && (g_strcmp0 (old->unit, org->unit) != 0 || old->established != org->established
          || old->term_start != org->term_start || old->term_years != org->term_years))
    pbo_diff_emit_ (diff, PBO_EDIT_OP_SET_ORG, org->id)->fields = org;
  return TRUE;
}

void
pbo_diff_plan_ (PboDiff *diff)
{
  const PboTree *old_tree = diff->old_tree, *new_tree = diff->new_tree;

  pbo_tree_foreach_org (new_tree, NULL, find_members_to, diff);
  mark_children_prefix (diff, NULL);
  pbo_tree_foreach_org (new_tree, NULL, mark_org_prefixes, diff);
  init_picture (diff);
  pbo_tree_foreach_org (old_tree, NULL, dismiss_unkept, diff);
  pbo_tree_foreach_org (new_tree, NULL, remove_meetings, diff);
  pbo_tree_foreach_org (old_tree, NULL, pbo_diff_recruits_out_, diff);
  pbo_tree_foreach_member (old_tree, NULL, remove_member, diff);
  pbo_diff_receipts_ (diff);
  pbo_tree_foreach_member (new_tree, NULL, update_member, diff);
  pbo_tree_foreach_org (new_tree, NULL, rename_org, diff);
  pbo_tree_foreach_org (old_tree, NULL, dissolve_recreated, diff);
  pbo_tree_foreach_org (new_tree, NULL, place_org, diff);
  dissolve_removed (diff);
  pbo_tree_foreach_org (new_tree, NULL, pbo_diff_recruits_in_, diff);
  pbo_tree_foreach_org (new_tree, NULL, appoint_unkept, diff);
  pbo_tree_foreach_org (new_tree, NULL, pbo_diff_work_records_ops_, diff);
  pbo_tree_foreach_org (new_tree, NULL, set_org_fields, diff);
  pbo_tree_foreach_org (new_tree, NULL, add_meetings, diff);
  pbo_tree_foreach_member (new_tree, NULL, pbo_diff_record_ops_, diff);
}
