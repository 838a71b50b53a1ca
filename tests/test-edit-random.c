/* Check suite: seeded random sequences of restructuring operations, valid
 * and invalid, inside and outside transactions, with undo and rewinding.
 * After every step: the invariant validator; after every refusal and every
 * rollback: the tree byte-identical to before; after every undo and rewind:
 * the tree as it was; after every accepted operation: save, load and save
 * again give the same bytes. Set PBO_SEED to replay a failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "edit-testutil.h"
#include "edit-gen.h"

typedef struct {
  EgWorld    gen;        /* the tree and the random operations */
  guint32    seed;
  guint      step;
  GPtrArray *dumps;      /* dumps[k]: the tree before committed entry k + 1 */
  GPtrArray *pending;    /* the same for the open transaction's operations */
  char      *txn_start;  /* the tree at pbo_edit_begin() */
  guint      counts[3];  /* by EgOutcome */
} World;

static void
check_same (World *w, const char *expected, const char *what)
{
  g_autofree char *now = et_dump (w->gen.tree);
  ck_assert_msg (g_strcmp0 (expected, now) == 0, "seed %u step %u: %s changed the tree", w->seed,
                 w->step, what);
}

static EgOutcome
run_op (World *w)
{
  g_autofree char *before = et_dump (w->gen.tree);
  guint entries = pbo_journal_get_n_entries (w->gen.tree);
  GError *error = NULL;
  EgOutcome outcome = eg_random_op (&w->gen, &error);

  if (outcome == EG_SKIPPED)
    return outcome;
  if (outcome == EG_REFUSED)
    {
      ck_assert_msg (error->domain == PBO_ERROR, "seed %u step %u: not a PBO_ERROR", w->seed,
                     w->step);
      check_same (w, before, error->message);
      ck_assert_uint_eq (entries, pbo_journal_get_n_entries (w->gen.tree));
      g_error_free (error);
      return outcome;
    }
  ck_assert_msg (error == NULL, "seed %u step %u: success with an error", w->seed, w->step);
  g_ptr_array_add (w->txn_start != NULL ? w->pending : w->dumps, g_steal_pointer (&before));
  /* The save-load property; every step early on, then every 16th (a save
   * of the grown journal on every step would make the run quadratic). */
  if (w->step < 400 || w->step % 16 == 0)
    ck_assert_roundtrips (w->gen.tree, "seed %u step %u", w->seed, w->step);
  ck_assert_uint_eq (pbo_journal_get_n_entries (w->gen.tree), w->dumps->len);
  return outcome;
}

static void
transaction_step (World *w)
{
  GError *error = NULL;

  if (w->txn_start == NULL)
    {
      ck_assert (pbo_edit_begin (w->gen.tree, &error));
      w->txn_start = et_dump (w->gen.tree);
    }
  else if (eg_rnd (&w->gen, 2))
    {
      ck_assert (pbo_edit_rollback (w->gen.tree, &error));
      check_same (w, w->txn_start, "rollback");
      g_ptr_array_set_size (w->pending, 0);
      g_clear_pointer (&w->txn_start, g_free);
    }
  else
    {
      ck_assert (pbo_edit_commit (w->gen.tree, &error));
      while (w->pending->len > 0)
        g_ptr_array_add (w->dumps, g_ptr_array_steal_index (w->pending, 0));
      g_clear_pointer (&w->txn_start, g_free);
    }
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_journal_get_n_entries (w->gen.tree), w->dumps->len);
}

static void
undo_step (World *w)
{
  GError *error = NULL;
  g_autofree char *expected = NULL;

  if (w->txn_start != NULL || w->dumps->len == 0)
    return;
  expected = g_ptr_array_steal_index (w->dumps, w->dumps->len - 1);
  ck_assert_msg (pbo_edit_undo_last (w->gen.tree, &error), "seed %u step %u: undo: %s", w->seed,
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
  seq = (guint) eg_rnd (&w->gen, (int) w->dumps->len + 1);
  past = pbo_edit_tree_at (w->gen.tree, seq, &error);
  ck_assert_msg (past != NULL, "seed %u step %u: tree_at: %s", w->seed, w->step,
                 error ? error->message : "");
  ck_assert_invariants (past);
  then = et_dump (past);
  now = seq < w->dumps->len ? g_strdup (g_ptr_array_index (w->dumps, seq)) : et_dump (w->gen.tree);
  ck_assert_msg (strcmp (then, now) == 0, "seed %u step %u: tree at %u differs", w->seed, w->step,
                 seq);
}

static guint
count_entries (const PboTree *tree, PboEditOp op)
{
  guint i, n = 0;

  for (i = 0; i < pbo_journal_get_n_entries (tree); i++)
    n += pbo_journal_entry_get_op (pbo_journal_get_entry (tree, i)) == op;
  return n;
}

static void
run_world (guint32 seed, guint steps)
{
  World w = { 0 };

  eg_init (&w.gen, et_rich_tree (), seed, 0);
  eg_add_recruits (&w.gen, 12);
  w.seed = seed;
  w.dumps = g_ptr_array_new_with_free_func (g_free);
  w.pending = g_ptr_array_new_with_free_func (g_free);
  for (w.step = 0; w.step < steps; w.step++)
    {
      int r = eg_rnd (&w.gen, 100);
      eg_refresh_ids (&w.gen);
      if (r < 3)
        transaction_step (&w);
      else if (r < 8)
        undo_step (&w);
      else if (r < 9)
        rewind_step (&w);
      else
        w.counts[run_op (&w)]++;
      ck_assert_invariants (w.gen.tree);
    }
  /* Both kinds of outcome must have been exercised for the test to mean anything. */
  ck_assert_uint_gt (w.counts[EG_APPLIED], steps / 10);
  ck_assert_uint_gt (w.counts[EG_REFUSED], steps / 10);
  fprintf (stderr, "seed %u: %u applied, %u refused, %u skipped; %u orgs, %u members, "
           "%u recruits, %u entries (%u promote, %u admit)\n",
           seed, w.counts[EG_APPLIED], w.counts[EG_REFUSED], w.counts[EG_SKIPPED],
           pbo_tree_get_n_orgs (w.gen.tree), pbo_tree_get_n_members (w.gen.tree),
           pbo_tree_get_n_recruits (w.gen.tree), w.dumps->len,
           count_entries (w.gen.tree, PBO_EDIT_OP_PROMOTE),
           count_entries (w.gen.tree, PBO_EDIT_OP_ADMIT));
  if (w.txn_start != NULL)
    transaction_step (&w);
  ck_assert_roundtrips (w.gen.tree, "seed %u at the end", seed);
  pbo_tree_free (w.gen.tree);
  eg_clear (&w.gen);
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
