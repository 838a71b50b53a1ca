/* libpbo — planning the operations that turn OLD into NEW, in an order in
 * which each one is applicable to the tree the previous ones leave.
 *
 * The phases (docs/restructuring.md, "Diff", says why each comes where):
 *  1. dismiss every appointment that is not kept in place;
 *  2. remove the members only in OLD; update members' fields; rename orgs;
 *  3. dissolve the groups that stop being groups, into their branches;
 *  4. walk NEW parents first: create or place each org under its NEW parent
 *     with its NEW kind (lifting to the top level the child orgs the new
 *     kind cannot hold), then fill its member list in NEW's order; a
 *     branch that stops holding members keeps its kind (it is deferred,
 *     and its NEW children wait at the top level), and an org that becomes
 *     a group waits (it is postponed);
 *  5. dissolve the orgs only in OLD, deepest first; dissolve what OLD had
 *     under the ids of the postponed groups, create and fill those; give
 *     the deferred orgs their NEW kind and children;
 *  6. appoint, in NEW's order, every appointment not kept;
 *  7. set the unit, founding date and term of the orgs kept (set-org), and
 *     add the meeting records after each org's leading run that stays
 *     (those after it were removed, by id, right after phase 1).
 * Nothing is created that NEW does not have: what is in transit waits at
 * the top level (orgs) or where an admission or a dissolve put it
 * (members), and each member list is completed by positional transfers.
 * The planner keeps its own picture of the tree (each org's current parent
 * and kind, each member's org and place) instead of editing a copy:
 * O(orgs + members log members + officers × depth).
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

/* Does @m hold still under @org during the whole plan? It stays in its
 * org (a move within an org vacates nothing), and every org between that
 * one and @org keeps its parent and kind: then no transfer or move takes it
 * out of @org's subtree, and its appointment there is never vacated. */
static gboolean
holder_stays_under (const PboDiff *diff, const PboMember *m, const PboOrg *org)
{
  const PboDiffMember *r = pbo_diff_member_of_ (diff, m);
  const PboOrg *c;

  if (r == NULL || !r->stays)
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
  return TRUE;
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

/* Out of the way at the top level, which holds every kind but a group
 * (never lifted: a group only ever leaves a branch for a branch). */
static void
lift (PboDiff *diff, PboDiffOrg *o)
{
  move_org (diff, o, NULL);
  o->lifted = TRUE;
}

/* @r has been put at the end of @host by an operation (an admission, a
 * dissolve): it is there, behind every member @host had, until
 * fill_members() takes it where NEW has it. */
void
pbo_diff_land_ (PboDiff *diff, PboDiffMember *r, PboDiffOrg *host)
{
  r->host = host;
  r->key = G_MAXUINT32 / 2 + diff->n_landed++;
  r->next_landed = NULL;
  if (host->landed_tail != NULL)
    host->landed_tail->next_landed = r;
  else
    host->landed = r;
  host->landed_tail = r;
}

/* Dissolves @o, its members to @to: the members still in it (of NEW: the
 * others were removed) land at the end of @to, in their order. */
static void
dissolve_into (PboDiff *diff, PboDiffOrg *o, PboDiffOrg *to)
{
  PboDiffMember *r, *next;
  const PboMember *m;

  pbo_diff_emit_ (diff, PBO_EDIT_OP_DISSOLVE, o->id)->target = id_of (to);
  o->gone = TRUE;
  if (to == NULL)
    return;   /* NEW has no branch: nobody is left to land */
  for (m = o->old_org != NULL ? o->old_org->first_member : NULL; m != NULL; m = pbo_member_get_next (m))
    {
      r = pbo_diff_member_of_ (diff, m);
      if (r->host == o && r->new_m != NULL)
        pbo_diff_land_ (diff, r, to);
    }
  for (r = o->landed; r != NULL; r = next)
    {
      next = r->next_landed;
      if (r->host == o)
        pbo_diff_land_ (diff, r, to);
    }
}

/* The orgs still under @o where OLD had them: not placed elsewhere yet,
 * not lifted, not dissolved (nothing else is ever moved under an org that
 * is not placed). */
static gboolean
still_under (const PboDiffOrg *c)
{
  return !c->placed && !c->lifted && !c->gone;
}

/* Lifts out of @o the child orgs that @kind cannot hold, or (@kind NONE)
 * those that are not placed yet. Only orgs that hold no members and no
 * groups change kind in place (a branch that stops holding members waits:
 * it is deferred), so what is lifted is never a group. */
static void
evacuate (PboDiff *diff, PboDiffOrg *o, PboOrgKind kind)
{
  const PboOrg *c;

  for (c = o->old_org->first_child; c != NULL; c = c->next)
    {
      PboDiffOrg *child = pbo_diff_org_ (diff, c->id);
      if (still_under (child) && (kind == PBO_ORG_NONE || !pbo_org_kind_can_contain (kind, child->kind)))
        lift (diff, child);
    }
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

  if (pbo_diff_member_of_ (diff, m)->new_m != NULL)
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
  const PboDiffMember *r = pbo_diff_member_of_ (diff, m);
  PboDiffOp *op;

  /* (list_changes compared the attributes.) */
  if (r->old_m == NULL || !r->differs)
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

/* A group that stops being one cannot change kind in place (a group lives
 * only in a branch, which holds no other org): it is dissolved into its
 * branch, to be created anew when its NEW parent is in place. (An org that
 * becomes a group is postponed instead: complete_postponed().) */
static gboolean
dissolve_recreated (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;
  PboDiffOrg *o = pbo_diff_org_ (diff, org->id);

  if (o->recreated && !o->postponed)
    dissolve_into (diff, o, o->parent);
  return TRUE;
}

/* One transfer of @run (borrowed ids, emptied) to @to before @before, if
 * there are any. */
static void
transfer_run (PboDiff *diff, GPtrArray *run, const char *to, const char *before)
{
  if (run->len == 0)
    return;
  pbo_diff_emit_ (diff, PBO_EDIT_OP_TRANSFER, NULL)->target = to;
  g_array_index (diff->ops, PboDiffOp, diff->ops->len - 1).members = g_ptr_array_copy (run, NULL,
                                                                                        NULL);
  g_array_index (diff->ops, PboDiffOp, diff->ops->len - 1).before = before;
  g_ptr_array_set_size (run, 0);
}

/* Marks the members of NEW @org that hold still in it: of those in it now
 * (@o's host), in NEW's order, the longest run whose places there increase
 * and that ends with the last of them, so that every other member of @org
 * can go before the next one that holds still, or (after the last) at the
 * end, where none of them is. O(n log n) in the members. */
static void
mark_holding (const PboDiff *diff, PboDiffOrg *o, const PboOrg *org)
{
  g_autoptr (GPtrArray) here = g_ptr_array_new ();
  guint *tail, *prev;
  const PboMember *m;
  guint len = 0, i;

  for (m = org->first_member; m != NULL; m = pbo_member_get_next (m))
    {
      PboDiffMember *r = pbo_diff_member_of_ (diff, m);
      r->holds = FALSE;
      if (r->host == o)
        g_ptr_array_add (here, r);
    }
  if (here->len == 0)
    return;
  /* tail[l]: the run of length l + 1 found so far that ends lowest; prev:
   * each member's predecessor in the longest run ending with it. */
  tail = g_new (guint, 2 * (gsize) here->len);
  prev = tail + here->len;
  for (i = 0; i < here->len; i++)
    {
      guint key = ((PboDiffMember *) here->pdata[i])->key, lo = 0, hi = len;
      /* In order (the common case): it extends the longest run, no search. */
      if (len > 0 && ((PboDiffMember *) here->pdata[tail[len - 1]])->key < key)
        lo = hi;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (((PboDiffMember *) here->pdata[tail[mid]])->key < key)
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? tail[lo - 1] : G_MAXUINT;
      tail[lo] = i;
      if (lo == len)
        len++;
    }
  for (i = here->len - 1; i != G_MAXUINT; i = prev[i])
    ((PboDiffMember *) here->pdata[i])->holds = TRUE;
  g_free (tail);
}

/* The next member after @m in NEW that holds still, or NULL. */
static const PboMember *
next_holding (const PboDiff *diff, const PboMember *m)
{
  for (m = pbo_member_get_next (m); m != NULL; m = pbo_member_get_next (m))
    if (pbo_diff_member_of_ (diff, m)->holds)
      return m;
  return NULL;
}

/* Completes the member list of NEW @org (in place with its NEW kind): the
 * members that hold still stay; every other one goes right before the
 * next that holds still (a run of them in one transfer with `before`, a
 * new member by an add-member), or, after the last, at the end. Members
 * that are in @org now and are not of it in NEW leave later or were
 * removed; they are never in the way. */
static void
fill_members (PboDiff *diff, const PboOrg *org)
{
  PboDiffOrg *o = pbo_diff_org_ (diff, org->id);
  g_autoptr (GPtrArray) run = g_ptr_array_new ();
  const PboMember *m, *anchor = NULL;
  gboolean anchor_known = FALSE;

  mark_holding (diff, o, org);
  for (m = org->first_member; m != NULL; m = pbo_member_get_next (m))
    {
      PboDiffMember *r = pbo_diff_member_of_ (diff, m);
      const char *before;
      const PboLetterInfo *letter;
      PboDiffOp *op;

      r->host = o;
      if (r->holds)
        {
          transfer_run (diff, run, org->id, pbo_member_get_id (m));
          anchor_known = FALSE;
          continue;
        }
      if (!anchor_known)
        {
          anchor = next_holding (diff, m);
          anchor_known = TRUE;
        }
      before = anchor != NULL ? pbo_member_get_id (anchor) : NULL;
      if (r->old_m != NULL || r->admitted)
        {
          g_ptr_array_add (run, (gpointer) pbo_member_get_id (m));
          continue;
        }
      transfer_run (diff, run, org->id, before);
      /* A member who came with a letter (1.1) is transferred in, at the end. */
      letter = before == NULL ? pbo_diff_new_letter_ (diff, pbo_member_get_id (m), PBO_LETTER_IN) : NULL;
      op = pbo_diff_emit_ (diff, letter != NULL ? PBO_EDIT_OP_TRANSFER_IN : PBO_EDIT_OP_ADD_MEMBER,
                           NULL);
      op->target = org->id;
      op->before = before;
      op->new_member = m;
      op->letter = letter;
    }
  /* After the last member that holds still: at the end, where no member of
   * the org is now. */
  transfer_run (diff, run, org->id, NULL);
}

/* Brings a kept org under @parent with @kind: in place when its current
 * parent accepts the new kind, else after the move when the new parent
 * accepts the old kind, else by way of the top level. */
static void
place_kept (PboDiff *diff, PboDiffOrg *o, PboDiffOrg *parent, PboOrgKind kind)
{
  if (o->kind != kind)
    evacuate (diff, o, kind);
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
      move_org (diff, o, NULL);
      set_kind (diff, o, kind);
      move_org (diff, o, parent);
    }
}

/* Where @o goes in phase 4: under its NEW parent, or at the top level
 * when that parent is deferred (it cannot hold @o before phase 5). */
static PboDiffOrg *
place_under (const PboDiff *diff, const PboDiffOrg *o)
{
  PboDiffOrg *parent = new_parent (diff, o);

  return parent != NULL && parent->deferred ? NULL : parent;
}

/* A kept org whose NEW parent is deferred and whose kind stays needs no
 * step in phase 4: it waits where it is (or is lifted), and
 * complete_deferred() takes it in. */
static gboolean
waits_for_parent (const PboDiff *diff, const PboDiffOrg *o, const PboOrg *org)
{
  const PboDiffOrg *parent = new_parent (diff, o);

  return pbo_diff_org_kept_ (o) && parent != NULL && parent->deferred
         && o->kind == (PboOrgKind) org->kind;
}

static void
create_org (PboDiff *diff, PboDiffOrg *o, const PboOrg *org, PboDiffOrg *parent, const char *before)
{
  PboDiffOp *op = pbo_diff_emit_ (diff, PBO_EDIT_OP_CREATE_ORG, org->id);

  op->target = id_of (parent);
  op->kind = (PboOrgKind) org->kind;
  op->name = org->name;
  op->unit = org->unit;
  op->fields = org;
  op->before = before;
  o->kind = (PboOrgKind) org->kind;
  o->parent = parent;
}

/* Phase 4: each org of NEW, parents first, under its NEW parent with its
 * NEW kind — but a deferred org keeps its kind (a branch still, until its
 * members have left: complete_deferred()), and a postponed one waits
 * (complete_postponed()). */
static gboolean
place_org (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;
  PboDiffOrg *o = pbo_diff_org_ (diff, org->id);
  PboDiffOrg *parent = place_under (diff, o);

  if (o->postponed)
    return TRUE;
  if (!waits_for_parent (diff, o, org))
    {
      if (pbo_diff_org_kept_ (o))
        place_kept (diff, o, parent, o->deferred ? o->kind : (PboOrgKind) org->kind);
      else
        create_org (diff, o, org, parent, NULL);
      o->placed = TRUE;
      o->lifted = FALSE;
    }
  if (pbo_org_kind_holds_members ((PboOrgKind) org->kind))
    fill_members (diff, org);
  return TRUE;
}

/* Dissolves, deepest first, the orgs only in OLD (@postponed FALSE) or what
 * OLD has under the ids of the postponed groups (TRUE). By then each holds
 * nothing but orgs dissolved before it and postponed ones (lifted first).
 * The members left in an org only in OLD are those of postponed groups,
 * which wait in @members_to; those of a postponed org go to its group's
 * NEW parent (a branch, in place). */
static void
dissolve_old (PboDiff *diff, gboolean postponed)
{
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;

  pbo_walker_init (&w, diff->old_tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      PboDiffOrg *o = pbo_diff_org_ (diff, org->id);
      if (ev != PBO_WALK_EXIT || (postponed ? !o->postponed : o->new_org != NULL))
        continue;
      evacuate (diff, o, PBO_ORG_NONE);
      dissolve_into (diff, o, postponed ? new_parent (diff, o) : diff->members_to);
    }
}

/* The first sibling after @org in NEW that is in place, or NULL. */
static const char *
next_placed_sibling (const PboDiff *diff, const PboOrg *org)
{
  for (org = org->next; org != NULL; org = org->next)
    if (pbo_diff_org_ (diff, org->id)->placed)
      return org->id;
  return NULL;
}

/* The orgs that become groups: what OLD had under the id is dissolved;
 * then each group is created right where NEW has it and filled. */
static void
complete_postponed (PboDiff *diff)
{
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;

  dissolve_old (diff, TRUE);
  pbo_walker_init (&w, diff->new_tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      PboDiffOrg *o = pbo_diff_org_ (diff, org->id);
      if (ev != PBO_WALK_ENTER || !o->postponed)
        continue;
      create_org (diff, o, org, new_parent (diff, o), next_placed_sibling (diff, org));
      o->placed = TRUE;
      fill_members (diff, org);
    }
}

/* The branches that stop holding members, parents first, once the last
 * member and group has left: the NEW kind, then their NEW children (at the
 * top level till now), in NEW's order. */
static gboolean
complete_deferred (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;
  PboDiffOrg *o = pbo_diff_org_ (diff, org->id);
  const PboOrg *c;

  if (!o->deferred)
    return TRUE;
  set_kind (diff, o, (PboOrgKind) org->kind);
  for (c = org->first_child; c != NULL; c = c->next)
    move_org (diff, pbo_diff_org_ (diff, c->id), o);
  return TRUE;
}

static gboolean
find_members_to (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;

  if (!pbo_org_kind_holds_members ((PboOrgKind) org->kind) || pbo_diff_org_ (diff, org->id)->postponed)
    return TRUE;
  diff->members_to = pbo_diff_org_ (diff, org->id);
  return FALSE;
}

/* Each org's kind and parent now (OLD's), what must wait, and where each
 * member of OLD is. */
static void
init_picture (PboDiff *diff)
{
  GHashTableIter it;
  gpointer value;

  g_hash_table_iter_init (&it, diff->orgs);
  while (g_hash_table_iter_next (&it, NULL, &value))
    {
      PboDiffOrg *o = value;
      const PboMember *m;

      if (o->old_org == NULL)
        continue;
      o->kind = (PboOrgKind) o->old_org->kind;
      o->parent = old_parent (diff, o->old_org);
      o->postponed = o->recreated && o->new_org->kind == PBO_ORG_GROUP;
      o->deferred = pbo_diff_org_kept_ (o) && o->kind == PBO_ORG_BRANCH
                    && !pbo_org_kind_holds_members ((PboOrgKind) o->new_org->kind);
      for (m = o->old_org->first_member; m != NULL; m = pbo_member_get_next (m))
        {
          PboDiffMember *r = pbo_diff_member_of_ (diff, m);
          r->host = o;
          r->key = r->old_index;
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
  dissolve_old (diff, FALSE);
  complete_postponed (diff);
  pbo_tree_foreach_org (new_tree, NULL, complete_deferred, diff);
  pbo_tree_foreach_org (new_tree, NULL, pbo_diff_recruits_in_, diff);
  pbo_tree_foreach_org (new_tree, NULL, appoint_unkept, diff);
  pbo_tree_foreach_org (new_tree, NULL, pbo_diff_work_records_ops_, diff);
  pbo_tree_foreach_org (new_tree, NULL, set_org_fields, diff);
  pbo_tree_foreach_org (new_tree, NULL, add_meetings, diff);
  pbo_tree_foreach_member (new_tree, NULL, pbo_diff_record_ops_, diff);
}
