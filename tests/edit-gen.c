/* A seeded generator of random restructuring operations, valid and
 * invalid, shared by the random suites (edit-random, diff). */
#include "edit-gen.h"

int
eg_rnd (EgWorld *w, int n)
{
  return g_rand_int_range (w->rand, 0, n);
}

static const char *
pick (EgWorld *w, GPtrArray *ids)
{
  return g_ptr_array_index (ids, eg_rnd (w, (int) ids->len));
}

static PboOrg *
pick_org (EgWorld *w)
{
  return pbo_tree_lookup_org (w->tree, pick (w, w->orgs));
}

static PboMember *
pick_member (EgWorld *w)
{
  return pbo_tree_lookup_member (w->tree, pick (w, w->members));
}

static gboolean
list_org (PboOrg *org, gpointer data)
{
  g_ptr_array_add (((EgWorld *) data)->orgs, g_strdup (pbo_org_get_id (org)));
  return TRUE;
}

static gboolean
list_member (PboMember *m, gpointer data)
{
  g_ptr_array_add (((EgWorld *) data)->members, g_strdup (pbo_member_get_id (m)));
  return TRUE;
}

/* The ids to pick from: everything in the tree now (undo and rollback bring
 * objects back), and one that names nothing. */
static gboolean
list_recruits (PboOrg *org, gpointer data)
{
  guint i;

  for (i = 0; i < pbo_org_get_n_recruits (org); i++)
    g_ptr_array_add (((EgWorld *) data)->recruits,
                     g_strdup (pbo_recruit_get_id (pbo_org_get_recruit (org, i))));
  return TRUE;
}

void
eg_refresh_ids (EgWorld *w)
{
  g_ptr_array_set_size (w->orgs, 0);
  g_ptr_array_set_size (w->members, 0);
  g_ptr_array_set_size (w->recruits, 0);
  pbo_tree_foreach_org (w->tree, NULL, list_org, w);
  pbo_tree_foreach_member (w->tree, NULL, list_member, w);
  pbo_tree_foreach_org (w->tree, NULL, list_recruits, w);
  g_ptr_array_add (w->orgs, g_strdup ("gone"));
  g_ptr_array_add (w->members, g_strdup ("gone"));
  g_ptr_array_add (w->recruits, g_strdup ("gone"));
}

/* Dates around the rules' edges: under or over 18, under or over a year. */
static PboDate
some_date (EgWorld *w)
{
  static const PboDate dates[] = { 20230301, 20240229, 20240301, 20240302, 20250101, 0 };
  return dates[eg_rnd (w, G_N_ELEMENTS (dates))];
}

static gboolean
list_branch (PboOrg *org, gpointer data)
{
  if (pbo_org_get_kind (org) == PBO_ORG_BRANCH)
    g_ptr_array_add (data, org);
  return TRUE;
}

void
eg_add_recruits (EgWorld *w, guint n)
{
  g_autoptr (GPtrArray) branches = g_ptr_array_new ();
  guint i;

  pbo_tree_foreach_org (w->tree, NULL, list_branch, branches);
  g_assert (branches->len > 0);
  for (i = 0; i < n; i++)
    {
      PboRecruitInfo info = PBO_RECRUIT_INFO_INIT;
      char id[16];

      g_snprintf (id, sizeof id, "r%u", i);
      info.id = id;
      info.name = "申请人";
      info.stage = (PboRecruitStage) (1 + eg_rnd (w, 3));
      info.applied = 20230101;
      info.activist_since = info.stage >= PBO_RECRUIT_ACTIVIST ? 20230301 : PBO_DATE_NONE;
      info.candidate_since = info.stage == PBO_RECRUIT_CANDIDATE ? 20240301 : PBO_DATE_NONE;
      info.born = eg_rnd (w, 4) == 0 ? 20060302 : eg_rnd (w, 2) ? 19900101 : PBO_DATE_NONE;
      info.department = eg_rnd (w, 2) ? "内科" : NULL;
      g_assert (pbo_tree_add_recruit (w->tree, g_ptr_array_index (branches,
                                                                  eg_rnd (w, (int) branches->len)),
                                      &info, NULL) != NULL);
    }
  w->with_recruits = TRUE;
}

/* promote, admit, or a named transfer of a recruit. */
static gboolean
op_recruit (EgWorld *w, int op, GError **error)
{
  PboRecruit *r = pbo_tree_lookup_recruit (w->tree, pick (w, w->recruits));
  PboEditContext ctx = PBO_EDIT_CONTEXT_INIT;
  PboOrg *to = pick_org (w);

  if (r == NULL)
    return FALSE;
  ctx.date = some_date (w);
  switch (op)
    {
    case 0:
      return pbo_edit_promote (w->tree, r, (PboRecruitStage) eg_rnd (w, 5), &ctx, error);
    case 1:
      return pbo_edit_admit (w->tree, r, (PboEmployment) eg_rnd (w, 3), &ctx, error) != NULL;
    default:
      {
        const char *ids[] = { pbo_recruit_get_id (r), pick (w, w->members) };
        return to != NULL && pbo_edit_transfer (w->tree, ids, 1 + (guint) eg_rnd (w, 2), to,
                                                NULL, error);
      }
    }
}

/* A fresh id; sometimes an id already in use instead. The string lives
 * until the ids are next refreshed. */
static const char *
new_id (EgWorld *w, GPtrArray *ids, char prefix)
{
  if (eg_rnd (w, 10) == 0)
    return pick (w, eg_rnd (w, 2) ? w->orgs : w->members);
  g_ptr_array_add (ids, g_strdup_printf ("%c%u", prefix, w->next_id++));
  return g_ptr_array_index (ids, ids->len - 1);
}

static const char *
some_name (EgWorld *w)
{
  static const char *const names[] = { "第一党支部", "离退休党支部", "", "机关党委" };
  return names[eg_rnd (w, G_N_ELEMENTS (names))];
}

static void
random_selector (EgWorld *w, PboSelector *sel)
{
  static const char *const depts[] = { NULL, "内科", "外科" };

  sel->from = eg_rnd (w, 4) ? pick_org (w) : NULL;
  sel->employment = (PboEmployment) eg_rnd (w, 3);
  sel->status = (PboStatus) eg_rnd (w, 3);
  sel->department = depts[eg_rnd (w, G_N_ELEMENTS (depts))];
}

static gboolean
op_structure (EgWorld *w, int op, PboOrg *org, GError **error)
{
  PboTree *tree = w->tree;
  PboOrg *other = eg_rnd (w, 5) ? pick_org (w) : NULL;

  switch (op)
    {
    case 0:
      {
        PboEditOrgInfo info = PBO_EDIT_ORG_INFO_INIT;
        info.parent = eg_rnd (w, 6) ? org : NULL;
        /* Mostly a kind the parent may hold, so that the tree grows. */
        info.kind = (PboOrgKind) eg_rnd (w, 5);
        if (eg_rnd (w, 4) && info.parent != NULL && pbo_org_get_kind (org) != PBO_ORG_GROUP)
          info.kind = pbo_org_get_kind (org) == PBO_ORG_COMMITTEE ? (PboOrgKind) (1 + eg_rnd (w, 3))
                      : (PboOrgKind) (pbo_org_get_kind (org) + 1);
        info.id = new_id (w, w->orgs, 'o');
        info.name = some_name (w);
        info.unit = eg_rnd (w, 2) ? "医院" : NULL;
        info.term_start = eg_rnd (w, 2) ? 20230601 : PBO_DATE_NONE;
        info.term_years = eg_rnd (w, 4);
        return pbo_edit_create_org (tree, &info, NULL, error) != NULL;
      }
    case 1: return pbo_edit_rename (tree, org, some_name (w), NULL, error);
    case 2: return pbo_edit_set_kind (tree, org, (PboOrgKind) eg_rnd (w, 5), NULL, error);
    case 3: return pbo_edit_move (tree, org, other, NULL, error);
    case 4:
      {
        PboOrg *sources[2] = { org, pick_org (w) };
        guint n = sources[1] != NULL && eg_rnd (w, 2) ? 2 : 1;
        return other != NULL && pbo_edit_merge (tree, sources, n, other, NULL, error);
      }
    case 5:
      {
        PboSelector sel = PBO_SELECTOR_INIT;
        random_selector (w, &sel);
        return pbo_edit_split (tree, org, &sel, new_id (w, w->orgs, 'o'), some_name (w), NULL,
                               error) != NULL;
      }
    case 6: return pbo_edit_dissolve (tree, org, other, NULL, error);
    case 7:
      {
        PboSelector sel = PBO_SELECTOR_INIT;
        random_selector (w, &sel);
        if (sel.from == NULL)
          sel.from = other;
        return sel.from != NULL && pbo_edit_transfer_selected (tree, &sel, org, NULL, error);
      }
    default:
      {
        PboMemberInfo info = PBO_MEMBER_INFO_INIT;
        info.id = new_id (w, w->members, 'm');
        info.name = "党员";
        info.status = (PboStatus) (1 + eg_rnd (w, 2));
        info.employment = (PboEmployment) (1 + eg_rnd (w, 2));
        info.joined = 20100701;
        info.full_since = info.status == PBO_STATUS_FULL || eg_rnd (w, 8) == 0 ? 20110701 : 0;
        info.department = eg_rnd (w, 2) ? "内科" : "外科";
        return pbo_edit_add_member (tree, org, &info, NULL, error) != NULL;
      }
    }
}

static gboolean
op_member (EgWorld *w, int op, PboMember *m, GError **error)
{
  static const char *const attrs[][2] = {
    { "position", "主任" }, { "status", "full" }, { "status", "probationary" },
    { "full-since", "2012-01-01" }, { "full-since", NULL }, { "department", "外科" },
    { "employment", "retired" }, { "joined", "2015-01-01" }, { "colour", "red" },
    { "phone", NULL },
  };
  PboTree *tree = w->tree;
  PboOrg *org = pbo_member_get_org (m);
  PboEditContext ctx = PBO_EDIT_CONTEXT_INIT;

  switch (op)
    {
    case 0:
      {
        const char *ids[3] = { pbo_member_get_id (m), pick (w, w->members), "ghost" };
        PboOrg *to = pick_org (w);
        guint n = eg_rnd (w, 10) == 0 ? 3 : 1 + (guint) eg_rnd (w, 2);
        return to != NULL && pbo_edit_transfer (tree, ids, n, to, NULL, error);
      }
    case 1:
      {
        PboOrg *elsewhere = pick_org (w);
        while (pbo_org_get_parent (org) != NULL && eg_rnd (w, 2))
          org = pbo_org_get_parent (org);
        return pbo_edit_appoint (tree, eg_rnd (w, 8) || elsewhere == NULL ? org : elsewhere,
                                 (PboRole) eg_rnd (w, 7), m, eg_rnd (w, 2) ? 20200101 : 0, NULL, error);
      }
    case 2:
      {
        PboRole role;
        PboMember *holder;
        org = pick_org (w);
        if (org == NULL || !pbo_org_get_officer (org, (guint) eg_rnd (w, 3), &role, &holder, NULL))
          return pbo_edit_dismiss (tree, org ? org : pbo_member_get_org (m), PBO_ROLE_SECRETARY,
                                   m, NULL, error);
        return pbo_edit_dismiss (tree, org, role, holder, NULL, error);
      }
    case 3:
      {
        guint a = (guint) eg_rnd (w, G_N_ELEMENTS (attrs)), b = (guint) eg_rnd (w, G_N_ELEMENTS (attrs));
        const char *pairs[] = { attrs[a][0], attrs[a][1], attrs[b][0], attrs[b][1], NULL, NULL };
        return pbo_edit_update_member (tree, m, pairs, NULL, error);
      }
    case 4:
      ctx.date = eg_rnd (w, 4) ? 20240101 : eg_rnd (w, 2) ? 20090101 : 0;
      return pbo_edit_convert (tree, m, &ctx, error);
    default:
      return pbo_edit_remove_member (tree, m, (PboRemovalReason) eg_rnd (w, 5), NULL, error);
    }
}

/* An operation on orgs (op < 9) or members; FALSE without an error when
 * the subject picked is missing. */
static gboolean
op_tree (EgWorld *w, int op, GError **error)
{
  PboOrg *org;
  PboMember *m;

  if (op < 9)
    return (org = pick_org (w)) != NULL && op_structure (w, op, org, error);
  return (m = pick_member (w)) != NULL && op_member (w, op - 9, m, error);
}

EgOutcome
eg_random_op (EgWorld *w, GError **error)
{
  gboolean ok;
  int op = eg_rnd (w, w->with_recruits ? 24 : 20);

  if (op >= 20)
    ok = op_recruit (w, op - 20, error);
  else
    /* More admissions and new orgs, to keep the tree populated. */
    ok = op_tree (w, op >= 15 ? (op < 17 ? 8 : 0) : op, error);
  if (!ok && (error == NULL || *error == NULL))
    return EG_SKIPPED; /* a missing subject, nothing was called */
  return ok ? EG_APPLIED : EG_REFUSED;
}

void
eg_init (EgWorld *w, PboTree *tree, guint32 seed, guint first_id)
{
  w->tree = tree;
  w->rand = g_rand_new_with_seed (seed);
  w->orgs = g_ptr_array_new_with_free_func (g_free);
  w->members = g_ptr_array_new_with_free_func (g_free);
  w->recruits = g_ptr_array_new_with_free_func (g_free);
  w->with_recruits = FALSE;
  w->next_id = first_id;
}

void
eg_clear (EgWorld *w)
{
  g_clear_pointer (&w->rand, g_rand_free);
  g_clear_pointer (&w->orgs, g_ptr_array_unref);
  g_clear_pointer (&w->members, g_ptr_array_unref);
  g_clear_pointer (&w->recruits, g_ptr_array_unref);
}
