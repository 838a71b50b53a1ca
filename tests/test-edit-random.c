/* Check suite: seeded random sequences of restructuring operations, valid
 * and invalid, inside and outside transactions, with undo and rewinding.
 * After every step: the invariant validator; after every refusal and every
 * rollback: the tree byte-identical to before; after every undo and rewind:
 * the tree as it was. Set PBO_SEED to replay a failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "edit-testutil.h"

typedef enum { SKIPPED, APPLIED, REFUSED } Outcome;

typedef struct {
  PboTree   *tree;
  GRand     *rand;
  guint32    seed;
  guint      step;
  GPtrArray *orgs;       /* ids, possibly stale */
  GPtrArray *members;    /* ids, possibly stale */
  GPtrArray *dumps;      /* dumps[k]: the tree before committed entry k + 1 */
  GPtrArray *pending;    /* the same for the open transaction's operations */
  char      *txn_start;  /* the tree at pbo_edit_begin() */
  guint      next_id;
  guint      counts[3];
} World;

static int
rnd (World *w, int n)
{
  return g_rand_int_range (w->rand, 0, n);
}

static const char *
pick (World *w, GPtrArray *ids)
{
  return g_ptr_array_index (ids, rnd (w, (int) ids->len));
}

static PboOrg *
pick_org (World *w)
{
  return pbo_tree_lookup_org (w->tree, pick (w, w->orgs));
}

static PboMember *
pick_member (World *w)
{
  return pbo_tree_lookup_member (w->tree, pick (w, w->members));
}

static gboolean
list_org (PboOrg *org, gpointer data)
{
  g_ptr_array_add (((World *) data)->orgs, g_strdup (pbo_org_get_id (org)));
  return TRUE;
}

static gboolean
list_member (PboMember *m, gpointer data)
{
  g_ptr_array_add (((World *) data)->members, g_strdup (pbo_member_get_id (m)));
  return TRUE;
}

/* The ids to pick from: everything in the tree now (undo and rollback bring
 * objects back), and one that names nothing. */
static void
refresh_ids (World *w)
{
  g_ptr_array_set_size (w->orgs, 0);
  g_ptr_array_set_size (w->members, 0);
  pbo_tree_foreach_org (w->tree, NULL, list_org, w);
  pbo_tree_foreach_member (w->tree, NULL, list_member, w);
  g_ptr_array_add (w->orgs, g_strdup ("gone"));
  g_ptr_array_add (w->members, g_strdup ("gone"));
}

/* A fresh id; sometimes an id already in use instead. The string lives
 * until the ids are next refreshed. */
static const char *
new_id (World *w, GPtrArray *ids, char prefix)
{
  if (rnd (w, 10) == 0)
    return pick (w, rnd (w, 2) ? w->orgs : w->members);
  g_ptr_array_add (ids, g_strdup_printf ("%c%u", prefix, w->next_id++));
  return g_ptr_array_index (ids, ids->len - 1);
}

static const char *
some_name (World *w)
{
  static const char *const names[] = { "第一党支部", "离退休党支部", "", "机关党委" };
  return names[rnd (w, G_N_ELEMENTS (names))];
}

static void
random_selector (World *w, PboSelector *sel)
{
  static const char *const depts[] = { NULL, "内科", "外科" };

  sel->from = rnd (w, 4) ? pick_org (w) : NULL;
  sel->employment = (PboEmployment) rnd (w, 3);
  sel->status = (PboStatus) rnd (w, 3);
  sel->department = depts[rnd (w, G_N_ELEMENTS (depts))];
}

static gboolean
op_structure (World *w, int op, PboOrg *org, GError **error)
{
  PboTree *tree = w->tree;
  PboOrg *other = rnd (w, 5) ? pick_org (w) : NULL;

  switch (op)
    {
    case 0:
      {
        PboEditOrgInfo info = PBO_EDIT_ORG_INFO_INIT;
        info.parent = rnd (w, 6) ? org : NULL;
        /* Mostly a kind the parent may hold, so that the tree grows. */
        info.kind = (PboOrgKind) rnd (w, 5);
        if (rnd (w, 4) && info.parent != NULL && pbo_org_get_kind (org) != PBO_ORG_GROUP)
          info.kind = pbo_org_get_kind (org) == PBO_ORG_COMMITTEE ? (PboOrgKind) (1 + rnd (w, 3))
                      : (PboOrgKind) (pbo_org_get_kind (org) + 1);
        info.id = new_id (w, w->orgs, 'o');
        info.name = some_name (w);
        info.unit = rnd (w, 2) ? "医院" : NULL;
        info.term_start = rnd (w, 2) ? 20230601 : PBO_DATE_NONE;
        info.term_years = rnd (w, 4);
        return pbo_edit_create_org (tree, &info, NULL, error) != NULL;
      }
    case 1: return pbo_edit_rename (tree, org, some_name (w), NULL, error);
    case 2: return pbo_edit_set_kind (tree, org, (PboOrgKind) rnd (w, 5), NULL, error);
    case 3: return pbo_edit_move (tree, org, other, NULL, error);
    case 4:
      {
        PboOrg *sources[2] = { org, pick_org (w) };
        guint n = sources[1] != NULL && rnd (w, 2) ? 2 : 1;
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
        info.status = (PboStatus) (1 + rnd (w, 2));
        info.employment = (PboEmployment) (1 + rnd (w, 2));
        info.joined = 20100701;
        info.full_since = info.status == PBO_STATUS_FULL || rnd (w, 8) == 0 ? 20110701 : 0;
        info.department = rnd (w, 2) ? "内科" : "外科";
        return pbo_edit_add_member (tree, org, &info, NULL, error) != NULL;
      }
    }
}

static gboolean
op_member (World *w, int op, PboMember *m, GError **error)
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
        guint n = rnd (w, 10) == 0 ? 3 : 1 + (guint) rnd (w, 2);
        return to != NULL && pbo_edit_transfer (tree, ids, n, to, NULL, error);
      }
    case 1:
      {
        PboOrg *elsewhere = pick_org (w);
        while (pbo_org_get_parent (org) != NULL && rnd (w, 2))
          org = pbo_org_get_parent (org);
        return pbo_edit_appoint (tree, rnd (w, 8) || elsewhere == NULL ? org : elsewhere,
                                 (PboRole) rnd (w, 7), m, rnd (w, 2) ? 20200101 : 0, NULL, error);
      }
    case 2:
      {
        PboRole role;
        PboMember *holder;
        org = pick_org (w);
        if (org == NULL || !pbo_org_get_officer (org, (guint) rnd (w, 3), &role, &holder, NULL))
          return pbo_edit_dismiss (tree, org ? org : pbo_member_get_org (m), PBO_ROLE_SECRETARY,
                                   m, NULL, error);
        return pbo_edit_dismiss (tree, org, role, holder, NULL, error);
      }
    case 3:
      {
        guint a = (guint) rnd (w, G_N_ELEMENTS (attrs)), b = (guint) rnd (w, G_N_ELEMENTS (attrs));
        const char *pairs[] = { attrs[a][0], attrs[a][1], attrs[b][0], attrs[b][1], NULL, NULL };
        return pbo_edit_update_member (tree, m, pairs, NULL, error);
      }
    case 4:
      ctx.date = rnd (w, 4) ? 20240101 : rnd (w, 2) ? 20090101 : 0;
      return pbo_edit_convert (tree, m, &ctx, error);
    default:
      return pbo_edit_remove_member (tree, m, (PboRemovalReason) rnd (w, 5), NULL, error);
    }
}

static void
check_same (World *w, const char *expected, const char *what)
{
  g_autofree char *now = et_dump (w->tree);
  ck_assert_msg (g_strcmp0 (expected, now) == 0, "seed %u step %u: %s changed the tree", w->seed,
                 w->step, what);
}

static Outcome
run_op (World *w)
{
  g_autofree char *before = et_dump (w->tree);
  guint entries = pbo_journal_get_n_entries (w->tree);
  GError *error = NULL;
  gboolean ok;
  int op = rnd (w, 20);

  /* More admissions and new orgs, to keep the tree populated. */
  if (op >= 15)
    op = op < 17 ? 8 : 0;
  if (op < 9)
    {
      PboOrg *org = pick_org (w);
      if (org == NULL)
        return SKIPPED;
      ok = op_structure (w, op, org, &error);
    }
  else
    {
      PboMember *m = pick_member (w);
      if (m == NULL)
        return SKIPPED;
      ok = op_member (w, op - 9, m, &error);
    }
  if (!ok && error == NULL)
    return SKIPPED; /* a missing subject, nothing was called */
  if (!ok)
    {
      ck_assert_msg (error->domain == PBO_ERROR, "seed %u step %u: not a PBO_ERROR", w->seed,
                     w->step);
      check_same (w, before, error->message);
      ck_assert_uint_eq (entries, pbo_journal_get_n_entries (w->tree));
      g_error_free (error);
      return REFUSED;
    }
  ck_assert_msg (error == NULL, "seed %u step %u: success with an error", w->seed, w->step);
  g_ptr_array_add (w->txn_start != NULL ? w->pending : w->dumps, g_steal_pointer (&before));
  ck_assert_uint_eq (pbo_journal_get_n_entries (w->tree), w->dumps->len);
  return APPLIED;
}

static void
transaction_step (World *w)
{
  GError *error = NULL;

  if (w->txn_start == NULL)
    {
      ck_assert (pbo_edit_begin (w->tree, &error));
      w->txn_start = et_dump (w->tree);
    }
  else if (rnd (w, 2))
    {
      ck_assert (pbo_edit_rollback (w->tree, &error));
      check_same (w, w->txn_start, "rollback");
      g_ptr_array_set_size (w->pending, 0);
      g_clear_pointer (&w->txn_start, g_free);
    }
  else
    {
      ck_assert (pbo_edit_commit (w->tree, &error));
      while (w->pending->len > 0)
        g_ptr_array_add (w->dumps, g_ptr_array_steal_index (w->pending, 0));
      g_clear_pointer (&w->txn_start, g_free);
    }
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_journal_get_n_entries (w->tree), w->dumps->len);
}

static void
undo_step (World *w)
{
  GError *error = NULL;
  g_autofree char *expected = NULL;

  if (w->txn_start != NULL || w->dumps->len == 0)
    return;
  expected = g_ptr_array_steal_index (w->dumps, w->dumps->len - 1);
  ck_assert_msg (pbo_edit_undo_last (w->tree, &error), "seed %u step %u: undo: %s", w->seed,
                 w->step, error ? error->message : "");
  check_same (w, expected, "undo");
}

static void
rewind_step (World *w)
{
  GError *error = NULL;
  guint seq;
  g_autoptr (PboTree) past = NULL;
  g_autofree char *now = NULL, *then = NULL;

  if (w->txn_start != NULL)
    return;
  seq = (guint) rnd (w, (int) w->dumps->len + 1);
  past = pbo_edit_tree_at (w->tree, seq, &error);
  ck_assert_msg (past != NULL, "seed %u step %u: tree_at: %s", w->seed, w->step,
                 error ? error->message : "");
  ck_assert_invariants (past);
  then = et_dump (past);
  now = seq < w->dumps->len ? g_strdup (g_ptr_array_index (w->dumps, seq)) : et_dump (w->tree);
  ck_assert_msg (strcmp (then, now) == 0, "seed %u step %u: tree at %u differs", w->seed, w->step,
                 seq);
}

static void
run_world (guint32 seed, guint steps)
{
  World w = { 0 };

  w.tree = et_rich_tree ();
  w.seed = seed;
  w.rand = g_rand_new_with_seed (seed);
  w.orgs = g_ptr_array_new_with_free_func (g_free);
  w.members = g_ptr_array_new_with_free_func (g_free);
  w.dumps = g_ptr_array_new_with_free_func (g_free);
  w.pending = g_ptr_array_new_with_free_func (g_free);
  for (w.step = 0; w.step < steps; w.step++)
    {
      int r = rnd (&w, 100);
      refresh_ids (&w);
      if (r < 3)
        transaction_step (&w);
      else if (r < 8)
        undo_step (&w);
      else if (r < 9)
        rewind_step (&w);
      else
        w.counts[run_op (&w)]++;
      ck_assert_invariants (w.tree);
    }
  /* Both kinds of outcome must have been exercised for the test to mean anything. */
  ck_assert_uint_gt (w.counts[APPLIED], steps / 10);
  ck_assert_uint_gt (w.counts[REFUSED], steps / 10);
  fprintf (stderr, "seed %u: %u applied, %u refused, %u skipped; %u orgs, %u members, %u entries\n",
           seed, w.counts[APPLIED], w.counts[REFUSED], w.counts[SKIPPED],
           pbo_tree_get_n_orgs (w.tree), pbo_tree_get_n_members (w.tree), w.dumps->len);
  if (w.txn_start != NULL)
    transaction_step (&w);
  pbo_tree_free (w.tree);
  g_rand_free (w.rand);
  g_ptr_array_unref (w.orgs);
  g_ptr_array_unref (w.members);
  g_ptr_array_unref (w.dumps);
  g_ptr_array_unref (w.pending);
  g_free (w.txn_start);
}

START_TEST (test_random_edits)
{
  const char *env = g_getenv ("PBO_SEED");
  guint32 base = env != NULL ? (guint32) strtoul (env, NULL, 10) : 20261124u;
  guint32 seed = base + (guint32) _i;

  fprintf (stderr, "random edit seed %u (replay with PBO_SEED=%u)\n", seed, seed - _i);
  run_world (seed, 2500);
}
END_TEST

static Suite *
random_suite (void)
{
  Suite *s = suite_create ("edit-random");
  TCase *tc = tcase_create ("sequences");

  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_random_edits, 0, 4);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (random_suite ());
}
