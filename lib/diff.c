/* libpbo — comparing two trees: the per-id records and the change list.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>
#include "diff-private.h"
#include "error-private.h"
#include "meeting-minutes-private.h"

/* ---- small helpers shared by the module ------------------------------- */

const char *
pbo_diff_str_ (PboDiff *diff, const char *s)
{
  return s != NULL ? g_string_chunk_insert_const (diff->strings, s) : NULL;
}

PboDiffOrg *
pbo_diff_org_ (const PboDiff *diff, const char *id)
{
  return g_hash_table_lookup (diff->orgs, id);
}

/* The block hints are a cache, not part of the diff's value: hence the
 * cast (as the id index's probe hint). */
PboDiffMember *
pbo_diff_member_of_ (const PboDiff *diff, const PboMember *m)
{
  guint32 *seen = ((PboDiff *) diff)->blocks_seen;

  if (m->org->tree == diff->old_tree)
    return &diff->member_recs[pbo_pool_ref_hinted_ (&diff->old_tree->members, m, &seen[0]) - 1];
  return &diff->member_recs[diff->new_rec[pbo_pool_ref_hinted_ (&diff->new_tree->members, m,
                                                                &seen[1]) - 1]];
}

PboDiffMember *
pbo_diff_member_ (const PboDiff *diff, const char *id)
{
  const PboMember *m = pbo_tree_lookup_member (diff->old_tree, id);

  if (m == NULL)
    m = pbo_tree_lookup_member (diff->new_tree, id);
  return m != NULL ? pbo_diff_member_of_ (diff, m) : NULL;
}

gboolean
pbo_diff_org_kept_ (const PboDiffOrg *o)
{
  return o != NULL && o->old_org != NULL && o->new_org != NULL && !o->recreated;
}

static const char *
parent_id (const PboOrg *org)
{
  const PboOrg *p = org != NULL ? pbo_org_get_parent (org) : NULL;
  return p != NULL ? p->id : NULL;
}

gboolean
pbo_diff_same_parent_ (const PboDiff *diff, const PboDiffOrg *o)
{
  const char *op, *np;

  if (!pbo_diff_org_kept_ (o))
    return FALSE;
  op = parent_id (o->old_org);
  np = parent_id (o->new_org);
  if (op == NULL || np == NULL)
    return op == np;
  return strcmp (op, np) == 0 && pbo_diff_org_kept_ (pbo_diff_org_ (diff, op));
}

char **
pbo_diff_member_changes_ (const PboMember *old_m, const PboMember *new_m)
{
  GPtrArray *pairs = g_ptr_array_new ();
  int a;

  for (a = PBO_MATTR_ID + 1; a < PBO_MATTR_COUNT; a++)
    {
      char b2[PBO_MATTR_BUFSIZE];
      const char *nv;

      /* Without an old member: every attribute (an admitted recruit's
       * record is completed to NEW's whatever it holds). */
      if (old_m != NULL && pbo_member_attr_same_ (old_m, new_m, (PboMemberAttr) a))
        continue;
      nv = pbo_member_attr_format_ (new_m, (PboMemberAttr) a, b2);
      g_ptr_array_add (pairs, g_strdup (pbo_member_attr_name_ ((PboMemberAttr) a)));
      g_ptr_array_add (pairs, g_strdup (nv != NULL ? nv : ""));
    }
  g_ptr_array_add (pairs, NULL);
  return (char **) g_ptr_array_free (pairs, FALSE);
}

/* ---- the per-id records ----------------------------------------------- */

static PboDiffOrg *
org_record (PboDiff *diff, const PboOrg *org)
{
  PboDiffOrg *o = g_hash_table_lookup (diff->orgs, org->id);

  if (o == NULL)
    {
      o = g_new0 (PboDiffOrg, 1);
      o->id = org->id;
      g_hash_table_insert (diff->orgs, (gpointer) o->id, o);
    }
  return o;
}

/* Where each member of NEW has its record: with its namesake of OLD, or
 * after OLD's; then the records, all at once (the planner keeps pointers
 * to them). The namesake is usually the member after the last one found
 * (the trees list most members in the same order): that one is tried
 * before a lookup in OLD's id index, a cache miss at a random place. */
typedef struct {
  PboDiff         *diff;
  const PboMember *guess;
} MapNew;

static gboolean
map_new_member (PboMember *m, gpointer data)
{
  MapNew *map = data;
  PboDiff *diff = map->diff;
  const char *id = pbo_member_id_ (m);
  const PboMember *old = map->guess != NULL && strcmp (pbo_member_id_ (map->guess), id) == 0
                           ? map->guess : pbo_tree_lookup_member (diff->old_tree, id);

  if (old != NULL)
    map->guess = pbo_member_get_next (old);

  diff->new_rec[pbo_pool_ref_hinted_ (&diff->new_tree->members, m, &diff->blocks_seen[1]) - 1]
    = old != NULL ? pbo_pool_ref_hinted_ (&diff->old_tree->members, old, &diff->blocks_seen[0]) - 1
                  : diff->n_member_recs++;
  return TRUE;
}

static void
alloc_member_records (PboDiff *diff)
{
  MapNew map = { diff, NULL };

  diff->n_member_recs = pbo_pool_capacity_ (&diff->old_tree->members);
  diff->new_rec = g_new (guint32, MAX (pbo_pool_capacity_ (&diff->new_tree->members), 1));
  pbo_tree_foreach_member (diff->new_tree, NULL, map_new_member, &map);
  diff->member_recs = g_new0 (PboDiffMember, MAX (diff->n_member_recs, 1));
}

/* Records every org and member of @tree (the OLD one when @is_old) with
 * its place among its siblings; refuses an id that is an org here and a
 * member in @other. */
static gboolean
index_tree (PboDiff *diff, const PboTree *tree, const PboTree *other, gboolean is_old,
            GError **error)
{
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;
  guint i = 0;

  for (org = pbo_tree_get_first_org (tree); is_old && org != NULL; org = org->next)
    org_record (diff, org)->old_index = i++;
  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      PboDiffOrg *o;
      PboOrg *child;
      PboMember *m;

      if (ev != PBO_WALK_ENTER)
        continue;
      if (pbo_tree_lookup_member (other, org->id) != NULL)
        {
          g_set_error (error, PBO_ERROR, PBO_ERROR_DUPLICATE_ID,
                       _("“%s” is an org in one tree and a member in the other"), org->id);
          return FALSE;
        }
      o = org_record (diff, org);
      if (is_old)
        o->old_org = org;
      else
        o->new_org = org;
      for (i = 0, child = org->first_child; child != NULL; child = child->next, i++)
        if (is_old)
          org_record (diff, child)->old_index = i;
      for (i = 0, m = org->first_member; m != NULL; m = pbo_member_get_next (m), i++)
        {
          PboDiffMember *r = pbo_diff_member_of_ (diff, m);
          if (is_old)
            {
              r->old_m = m;
              r->old_index = i;
            }
          else
            r->new_m = m;
        }
    }
  return TRUE;
}

static gboolean
kind_is_group (const PboOrg *org)
{
  return org->kind == PBO_ORG_GROUP;
}

/* Marks the orgs that change between a group and another kind (no
 * set-kind can do that) and the members that stay in the same org. */
static void
classify (PboDiff *diff)
{
  GHashTableIter it;
  gpointer value;

  g_hash_table_iter_init (&it, diff->orgs);
  while (g_hash_table_iter_next (&it, NULL, &value))
    {
      PboDiffOrg *o = value;
      const PboMember *m;

      o->recreated = o->old_org != NULL && o->new_org != NULL
                     && kind_is_group (o->old_org) != kind_is_group (o->new_org);
      if (!pbo_diff_org_kept_ (o))
        continue;
      for (m = o->new_org->first_member; m != NULL; m = pbo_member_get_next (m))
        {
          PboDiffMember *r = pbo_diff_member_of_ (diff, m);
          r->stays = r->old_m != NULL && r->old_m->org == o->old_org;
        }
    }
}

/* ---- the change list --------------------------------------------------- */

static PboDiffChange *
add_change (PboDiff *diff, PboDiffKind kind, const char *org, const char *member)
{
  PboDiffChange c = { kind, pbo_diff_str_ (diff, org), pbo_diff_str_ (diff, member), NULL, NULL,
                      NULL, FALSE };

  g_array_append_val (diff->changes, c);
  if (!pbo_diff_change_is_expressible (&c))
    diff->n_inexpressible++;
  return &g_array_index (diff->changes, PboDiffChange, diff->changes->len - 1);
}

static void
add_value_change (PboDiff *diff, PboDiffKind kind, const char *org, const char *member,
                  const char *detail, const char *old_value, const char *new_value)
{
  PboDiffChange *c = add_change (diff, kind, org, member);

  c->detail = pbo_diff_str_ (diff, detail);
  c->old_value = pbo_diff_str_ (diff, old_value);
  c->new_value = pbo_diff_str_ (diff, new_value);
}

void
pbo_diff_add_value_change_ (PboDiff *diff, PboDiffKind kind, const char *org,
                            const char *member, const char *detail, const char *old_value,
                            const char *new_value)
{
  add_value_change (diff, kind, org, member, detail, old_value, new_value);
}

void
pbo_diff_add_field_change_ (PboDiff *diff, const char *org, const char *detail,
                            const char *old_value, const char *new_value, gboolean stuck)
{
  add_value_change (diff, PBO_DIFF_ORG_FIELD, org, NULL, detail, old_value, new_value);
  if (stuck)
    {
      g_array_index (diff->changes, PboDiffChange, diff->changes->len - 1).stuck = TRUE;
      diff->n_inexpressible++;
    }
}

/* The letters (1.1) NEW adds, or whose receipt it records: the plan's
 * transfer-out, transfer-in and receipt. (No operation takes a letter off
 * the list: one only in OLD is not a change listed.) */
static void
letter_changes (PboDiff *diff)
{
  PboLetterInfo l = PBO_LETTER_INFO_INIT, was = PBO_LETTER_INFO_INIT;
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];
  guint i;

  for (i = 0; pbo_tree_get_letter (diff->new_tree, i, &l); i++)
    {
      gboolean old = pbo_tree_lookup_letter (diff->old_tree, l.number, &was);
      if (!old || was.receipt != l.receipt)
        add_value_change (diff, PBO_DIFF_LETTER, NULL, l.member_id, l.number,
                          old && was.receipt != PBO_DATE_NONE ? pbo_date_format (was.receipt, d1)
                                                              : NULL,
                          l.receipt != PBO_DATE_NONE ? pbo_date_format (l.receipt, d2) : NULL);
    }
}

static const char *
date_or_null (PboDate date, char *buf)
{
  return date != PBO_DATE_NONE ? pbo_date_format (date, buf) : NULL;
}

static const char *
count_str (guint n, char *buf)
{
  g_snprintf (buf, PBO_DATE_BUFSIZE, "%u", n);
  return buf;
}

static const char *
years_or_null (guint years, char *buf)
{
  return years != 0 ? count_str (years, buf) : NULL;
}

/* The dated fields of an org, compared with @old (NULL: a new org, whose
 * fields a plan cannot set either); the unit only when @old exists. */
static void
org_fields (PboDiff *diff, const PboOrg *old, const PboOrg *org)
{
  char b1[PBO_DATE_BUFSIZE], b2[PBO_DATE_BUFSIZE];
  const char *ov, *nv;

  if (old != NULL && g_strcmp0 (old->unit, org->unit) != 0)
    add_value_change (diff, PBO_DIFF_ORG_FIELD, org->id, NULL, "unit", old->unit, org->unit);
  ov = date_or_null (old != NULL ? old->established : PBO_DATE_NONE, b1);
  nv = date_or_null (org->established, b2);
  if (g_strcmp0 (ov, nv) != 0)
    add_value_change (diff, PBO_DIFF_ORG_FIELD, org->id, NULL, "established", ov, nv);
  ov = date_or_null (old != NULL ? old->term_start : PBO_DATE_NONE, b1);
  nv = date_or_null (org->term_start, b2);
  if (g_strcmp0 (ov, nv) != 0)
    add_value_change (diff, PBO_DIFF_ORG_FIELD, org->id, NULL, "term-start", ov, nv);
  ov = years_or_null (old != NULL ? old->term_years : 0, b1);
  nv = years_or_null (org->term_years, b2);
  if (g_strcmp0 (ov, nv) != 0)
    add_value_change (diff, PBO_DIFF_ORG_FIELD, org->id, NULL, "term-years", ov, nv);
}

/* TRUE when the items that both lists hold are not in the same relative
 * order: @old_index gives each item's place in the old list, or -1 when
 * the old list lacks it. */
typedef int (*OldIndexFunc) (const PboDiff *diff, gconstpointer item, gconstpointer data);

static gboolean
order_changed (const PboDiff *diff, GPtrArray *items, OldIndexFunc old_index, gconstpointer data)
{
  int last = -1;
  guint i;

  for (i = 0; i < items->len; i++)
    {
      int k = old_index (diff, g_ptr_array_index (items, i), data);
      if (k < 0)
        continue;
      if (k < last)
        return TRUE;
      last = k;
    }
  return FALSE;
}

static int
child_old_index (const PboDiff *diff, gconstpointer item, gconstpointer data)
{
  const PboDiffOrg *o = pbo_diff_org_ (diff, ((const PboOrg *) item)->id);
  (void) data;
  return pbo_diff_same_parent_ (diff, o) ? (int) o->old_index : -1;
}

static int
member_old_index (const PboDiff *diff, gconstpointer item, gconstpointer data)
{
  const PboDiffMember *r = pbo_diff_member_of_ (diff, item);
  (void) data;
  return r->stays ? (int) r->old_index : -1;
}

static GPtrArray *
children_of (const PboTree *tree, const PboOrg *org)
{
  GPtrArray *a = g_ptr_array_new ();
  PboOrg *c = org != NULL ? org->first_child : pbo_tree_get_first_org (tree);

  for (; c != NULL; c = c->next)
    g_ptr_array_add (a, c);
  return a;
}

static GPtrArray *
members_of (const PboOrg *org)
{
  GPtrArray *a = g_ptr_array_new ();
  PboMember *m;

  for (m = org->first_member; m != NULL; m = pbo_member_get_next (m))
    g_ptr_array_add (a, m);
  return a;
}

static void
order_changes (PboDiff *diff, const PboOrg *org)
{
  g_autoptr (GPtrArray) children = children_of (diff->new_tree, org);
  g_autoptr (GPtrArray) members = NULL;

  if (order_changed (diff, children, child_old_index, NULL))
    add_change (diff, PBO_DIFF_ORG_CHILDREN_ORDER, org != NULL ? org->id : NULL, NULL);
  if (org == NULL)
    return;
  members = members_of (org);
  if (order_changed (diff, members, member_old_index, NULL))
    add_change (diff, PBO_DIFF_ORG_MEMBERS_ORDER, org->id, NULL);
}

/* The index of the appointment (@role, @member id) among @org's, or -1. */
static int
find_officer (const PboOrg *org, PboRole role, const char *member)
{
  guint i;

  for (i = 0; org != NULL && i < pbo_org_get_n_officers (org); i++)
    {
      const PboOfficer *o = &org->officers[i];
      if (o->role == role && strcmp (pbo_member_get_id (o->member), member) == 0)
        return (int) i;
    }
  return -1;
}

static int
officer_old_index (const PboDiff *diff, gconstpointer item, gconstpointer data)
{
  const PboOfficer *o = item;
  (void) diff;
  return find_officer (data, (PboRole) o->role, pbo_member_get_id (o->member));
}

static void
officer_changes (PboDiff *diff, const PboOrg *old, const PboOrg *org)
{
  g_autoptr (GPtrArray) officers = g_ptr_array_new ();
  char b1[PBO_DATE_BUFSIZE], b2[PBO_DATE_BUFSIZE];
  guint i;

  for (i = 0; old != NULL && i < pbo_org_get_n_officers (old); i++)
    {
      const PboOfficer *o = &old->officers[i];
      if (find_officer (org, (PboRole) o->role, pbo_member_get_id (o->member)) < 0)
        add_value_change (diff, PBO_DIFF_OFFICER_DISMISSED, org->id, pbo_member_get_id (o->member),
                          pbo_role_to_string ((PboRole) o->role), date_or_null (o->since, b1),
                          NULL);
    }
  for (i = 0; i < pbo_org_get_n_officers (org); i++)
    {
      const PboOfficer *o = &org->officers[i];
      int k = find_officer (old, (PboRole) o->role, pbo_member_get_id (o->member));
      const char *role = pbo_role_to_string ((PboRole) o->role);
      g_ptr_array_add (officers, (gpointer) o);
      if (k < 0)
        add_value_change (diff, PBO_DIFF_OFFICER_APPOINTED, org->id, pbo_member_get_id (o->member), role, NULL,
                          date_or_null (o->since, b2));
      else if (old->officers[k].since != o->since)
        add_value_change (diff, PBO_DIFF_OFFICER_SINCE, org->id, pbo_member_get_id (o->member), role,
                          date_or_null (old->officers[k].since, b1),
                          date_or_null (o->since, b2));
    }
  if (old != NULL && order_changed (diff, officers, officer_old_index, old))
    add_change (diff, PBO_DIFF_ORG_OFFICERS_ORDER, org->id, NULL);
}

/* Records of an org (meetings, recruits) compared in order: one change
 * with the old and new counts when any differs. */
static void
record_changes (PboDiff *diff, PboDiffKind kind, const PboOrg *old, const PboOrg *org,
                guint (*count) (const PboOrg *),
                gboolean (*equal) (const PboOrg *, const PboOrg *, guint))
{
  guint n_old = old != NULL ? count (old) : 0;
  guint n_new = count (org), i;
  gboolean same = n_old == n_new;
  char b1[PBO_DATE_BUFSIZE], b2[PBO_DATE_BUFSIZE];

  for (i = 0; same && i < n_new; i++)
    same = equal (old, org, i);
  if (!same)
    add_value_change (diff, kind, org->id, NULL, NULL, count_str (n_old, b1),
                      count_str (n_new, b2));
}

/* Everything about one org of NEW. */
static void
org_changes (PboDiff *diff, const PboOrg *org)
{
  const PboDiffOrg *o = pbo_diff_org_ (diff, org->id);
  const PboOrg *old = o->old_org;
  const char *kind = pbo_org_kind_to_string ((PboOrgKind) org->kind);
  gboolean replaceable;
  guint n_changes;

  if (old == NULL)
    add_value_change (diff, PBO_DIFF_ORG_ADDED, org->id, NULL, kind, NULL, parent_id (org));
  else
    {
      if (strcmp (old->name, org->name) != 0)
        add_value_change (diff, PBO_DIFF_ORG_RENAMED, org->id, NULL, NULL, old->name, org->name);
      if (old->kind != org->kind)
        add_value_change (diff, PBO_DIFF_ORG_KIND, org->id, NULL, NULL,
                          pbo_org_kind_to_string ((PboOrgKind) old->kind), kind);
      if (g_strcmp0 (parent_id (old), parent_id (org)) != 0)
        add_value_change (diff, PBO_DIFF_ORG_MOVED, org->id, NULL, NULL, parent_id (old),
                          parent_id (org));
    }
  org_fields (diff, old, org);
  order_changes (diff, org);
  officer_changes (diff, old, org);
  n_changes = diff->changes->len;
  record_changes (diff, PBO_DIFF_ORG_MEETINGS, old, org, pbo_org_get_n_meetings,
                  pbo_diff_meeting_equal_);
  pbo_diff_meetings_kept_ (diff, org, &replaceable);
  if (diff->changes->len > n_changes && !replaceable)
    {
      g_array_index (diff->changes, PboDiffChange, n_changes).stuck = TRUE;
      diff->n_inexpressible++;
    }
  record_changes (diff, PBO_DIFF_ORG_RECRUITS, old, org, pbo_org_get_n_recruits,
                  pbo_diff_recruit_equal_at_);
  pbo_diff_work_records_changes_ (diff, old, org);
  if (!pbo_diff_foreign_equal_ (old != NULL ? &old->foreign : NULL, &org->foreign))
    add_change (diff, PBO_DIFF_ORG_FOREIGN, org->id, NULL);
}

static const PboForeign *
member_foreign (const PboMember *m)
{
  return m != NULL ? pbo_member_foreign_ (m) : NULL;
}

static gboolean
member_changes (PboMember *m, gpointer data)
{
  PboDiff *diff = data;
  PboDiffMember *r = pbo_diff_member_of_ (diff, m);
  const char *org = m->org->id;
  int a;

  if (r->old_m == NULL)
    add_change (diff, PBO_DIFF_MEMBER_ADDED, org, pbo_member_get_id (m));
  else
    {
      if (strcmp (r->old_m->org->id, org) != 0)
        add_value_change (diff, PBO_DIFF_MEMBER_TRANSFERRED, org, pbo_member_get_id (m), NULL, r->old_m->org->id,
                          org);
      for (a = PBO_MATTR_ID + 1; a < PBO_MATTR_COUNT; a++)
        {
          char b1[PBO_MATTR_BUFSIZE], b2[PBO_MATTR_BUFSIZE];
          const char *ov, *nv;

          if (pbo_member_attr_same_ (r->old_m, m, (PboMemberAttr) a))
            continue;
          r->differs = TRUE;
          ov = pbo_member_attr_format_ (r->old_m, (PboMemberAttr) a, b1);
          nv = pbo_member_attr_format_ (m, (PboMemberAttr) a, b2);
          add_value_change (diff, PBO_DIFF_MEMBER_FIELD, org, pbo_member_get_id (m),
                              pbo_member_attr_name_ ((PboMemberAttr) a), ov, nv);
        }
    }
  if (!pbo_diff_foreign_equal_ (member_foreign (r->old_m), member_foreign (m)))
    add_change (diff, PBO_DIFF_MEMBER_FOREIGN, org, pbo_member_get_id (m));
  pbo_diff_record_changes_ (diff, r->old_m, m);
  return TRUE;
}

static gboolean
removed_member (PboMember *m, gpointer data)
{
  PboDiff *diff = data;

  if (pbo_diff_member_of_ (diff, m)->new_m == NULL)
    add_change (diff, PBO_DIFF_MEMBER_REMOVED, m->org->id, pbo_member_get_id (m));
  return TRUE;
}

static gboolean
new_org_changes (PboOrg *org, gpointer data)
{
  org_changes (data, org);
  return TRUE;
}

static gboolean
removed_org (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;

  if (pbo_diff_org_ (diff, org->id)->new_org == NULL)
    add_value_change (diff, PBO_DIFF_ORG_REMOVED, org->id, NULL,
                      pbo_org_kind_to_string ((PboOrgKind) org->kind), parent_id (org), NULL);
  return TRUE;
}

static void
list_changes (PboDiff *diff)
{
  order_changes (diff, NULL);
  pbo_tree_foreach_org (diff->new_tree, NULL, new_org_changes, diff);
  pbo_tree_foreach_org (diff->old_tree, NULL, removed_org, diff);
  pbo_tree_foreach_member (diff->new_tree, NULL, member_changes, diff);
  pbo_tree_foreach_member (diff->old_tree, NULL, removed_member, diff);
  if (!pbo_diff_foreign_equal_ (&diff->old_tree->foreign, &diff->new_tree->foreign))
    add_change (diff, PBO_DIFF_DOCUMENT_FOREIGN, NULL, NULL);
  letter_changes (diff);
}

/* ---- public ------------------------------------------------------------ */

PboDiff *
pbo_diff_new (const PboTree *old_tree, const PboTree *new_tree, GError **error)
{
  PboDiff *diff;

  g_return_val_if_fail (old_tree != NULL && new_tree != NULL, NULL);

  diff = g_new0 (PboDiff, 1);
  diff->old_tree = old_tree;
  diff->new_tree = new_tree;
  diff->changes = g_array_new (FALSE, FALSE, sizeof (PboDiffChange));
  diff->ops = g_array_new (FALSE, TRUE, sizeof (PboDiffOp));
  diff->strings = g_string_chunk_new (4096);
  diff->orgs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  alloc_member_records (diff);
  if (!index_tree (diff, old_tree, new_tree, TRUE, error)
      || !index_tree (diff, new_tree, old_tree, FALSE, error))
    {
      pbo_diff_free (diff);
      return NULL;
    }
  classify (diff);
  list_changes (diff);
  pbo_diff_plan_ (diff);
  return diff;
}

void
pbo_diff_free (PboDiff *diff)
{
  guint i;

  if (diff == NULL)
    return;
  for (i = 0; i < diff->ops->len; i++)
    g_clear_pointer (&g_array_index (diff->ops, PboDiffOp, i).members, g_ptr_array_unref);
  g_array_unref (diff->ops);
  g_array_unref (diff->changes);
  g_hash_table_unref (diff->orgs);
  g_free (diff->member_recs);
  g_free (diff->new_rec);
  g_string_chunk_free (diff->strings);
  g_free (diff);
}

gboolean
pbo_diff_is_empty (const PboDiff *diff)
{
  g_return_val_if_fail (diff != NULL, TRUE);
  return diff->changes->len == 0;
}

guint
pbo_diff_get_n_changes (const PboDiff *diff)
{
  g_return_val_if_fail (diff != NULL, 0);
  return diff->changes->len;
}

const PboDiffChange *
pbo_diff_get_change (const PboDiff *diff, guint index)
{
  g_return_val_if_fail (diff != NULL, NULL);
  return index < diff->changes->len ? &g_array_index (diff->changes, PboDiffChange, index) : NULL;
}

guint
pbo_diff_get_n_inexpressible (const PboDiff *diff)
{
  g_return_val_if_fail (diff != NULL, 0);
  return diff->n_inexpressible;
}

guint
pbo_diff_get_n_operations (const PboDiff *diff)
{
  g_return_val_if_fail (diff != NULL, 0);
  return diff->ops->len;
}

#define CHANGE_GETTER(type, name, field, fallback)             \
  type pbo_diff_change_get_##name (const PboDiffChange *change) \
  {                                                            \
    g_return_val_if_fail (change != NULL, fallback);           \
    return change->field;                                      \
  }

CHANGE_GETTER (PboDiffKind, kind, kind, PBO_DIFF_NONE)
CHANGE_GETTER (const char *, org, org, NULL)
CHANGE_GETTER (const char *, member, member, NULL)
CHANGE_GETTER (const char *, detail, detail, NULL)
CHANGE_GETTER (const char *, old, old_value, NULL)
CHANGE_GETTER (const char *, new, new_value, NULL)

gboolean
pbo_diff_change_is_expressible (const PboDiffChange *change)
{
  g_return_val_if_fail (change != NULL, FALSE);
  switch (change->kind)
    {
    case PBO_DIFF_ORG_MEETINGS:
    case PBO_DIFF_ORG_FIELD:
      return !change->stuck;
    case PBO_DIFF_ORG_FOREIGN:
    case PBO_DIFF_MEMBER_FOREIGN:
    case PBO_DIFF_DOCUMENT_FOREIGN:
      return FALSE;
    default:
      return TRUE;
    }
}
