/* Check suite: seeded random sequences of inserts, moves and removals, with
 * the invariant validator after every step and "nothing changed" after
 * every refused step. Set PBO_SEED to replay a failure. */
#include <stdio.h>
#include <stdlib.h>
#include "testutil.h"

typedef struct {
  PboTree *tree;
  GRand   *rand;
  GPtrArray *orgs;      /* ids, possibly stale */
  GPtrArray *members;   /* ids, possibly stale */
  guint    next_id;
  guint    refused;
  guint    applied;
} World;

static const char *
pick (World *w, GPtrArray *ids)
{
  return ids->len ? g_ptr_array_index (ids, g_rand_int_range (w->rand, 0, (gint32) ids->len)) : "none";
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

static char *
new_id (World *w, char prefix)
{
  return g_strdup_printf ("%c%u", prefix, w->next_id++);
}

/* One random step; returns TRUE if it was applied. */
static gboolean
step (World *w, GError **error)
{
  int op = g_rand_int_range (w->rand, 0, 9);
  PboOrg *org = pick_org (w);
  PboMember *m = pick_member (w);

  switch (op)
    {
    case 0: /* add org somewhere (often refused by the nesting rules) */
      {
        char *id = new_id (w, 'o');
        PboOrgKind kind = (PboOrgKind) g_rand_int_range (w->rand, 1, 5);
        PboOrg *parent = g_rand_boolean (w->rand) ? org : NULL;
        if (pbo_tree_add_org (w->tree, parent, kind, id, "组织", error) == NULL)
          {
            g_free (id);
            return FALSE;
          }
        g_ptr_array_add (w->orgs, id);
        return TRUE;
      }
    case 1:
    case 2: /* add member */
      {
        char *id = new_id (w, 'm');
        if (org == NULL
            || tu_add_member_soft (w->tree, org, id,
                                   g_rand_boolean (w->rand) ? PBO_STATUS_FULL : PBO_STATUS_PROBATIONARY,
                                   g_rand_boolean (w->rand) ? PBO_EMPLOYMENT_IN_SERVICE : PBO_EMPLOYMENT_RETIRED,
                                   error) == NULL)
          {
            g_free (id);
            if (org == NULL)
              g_set_error_literal (error, PBO_ERROR, PBO_ERROR_UNKNOWN_ID, "no org");
            return FALSE;
          }
        g_ptr_array_add (w->members, id);
        return TRUE;
      }
    case 3: /* transfer */
      if (m == NULL || org == NULL)
        break;
      return pbo_tree_move_member (w->tree, m, org, error);
    case 4: /* move org */
      {
        PboOrg *dest = pick_org (w);
        if (org == NULL)
          break;
        return pbo_tree_move_org (w->tree, org, g_rand_int_range (w->rand, 0, 4) ? dest : NULL,
                                  NULL, error);
      }
    case 5: /* remove member */
      if (m == NULL)
        break;
      pbo_tree_remove_member (w->tree, m);
      return TRUE;
    case 6: /* remove org (refused unless empty) */
      if (org == NULL)
        break;
      return pbo_tree_remove_org (w->tree, org, error);
    case 7: /* change kind */
      if (org == NULL)
        break;
      return pbo_org_set_kind (w->tree, org, (PboOrgKind) g_rand_int_range (w->rand, 1, 5), error);
    case 8: /* appoint an officer somewhere above the member */
      {
        PboOrg *at;
        if (m == NULL)
          break;
        at = pbo_member_get_org (m);
        while (pbo_org_get_parent (at) != NULL && g_rand_boolean (w->rand))
          at = pbo_org_get_parent (at);
        return pbo_org_add_officer (w->tree, at, (PboRole) g_rand_int_range (w->rand, 1, 7), m,
                                    PBO_DATE_NONE, error);
      }
    default:
      break;
    }
  g_set_error_literal (error, PBO_ERROR, PBO_ERROR_UNKNOWN_ID, "nothing to act on");
  return FALSE;
}

static void
run_world (guint32 seed, guint steps)
{
  World w = { 0 };
  guint i;

  w.tree = pbo_tree_new ();
  w.rand = g_rand_new_with_seed (seed);
  w.orgs = g_ptr_array_new_with_free_func (g_free);
  w.members = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (w.orgs, g_strdup ("root"));
  tu_add_org (w.tree, NULL, PBO_ORG_COMMITTEE, "root");

  for (i = 0; i < steps; i++)
    {
      g_autofree char *before = tu_dump (w.tree);
      GError *error = NULL;
      GError *inv = NULL;

      if (step (&w, &error))
        {
          ck_assert_msg (error == NULL, "seed %u step %u: success with an error set", seed, i);
          w.applied++;
        }
      else
        {
          g_autofree char *after = tu_dump (w.tree);
          ck_assert_msg (error != NULL && error->domain == PBO_ERROR,
                         "seed %u step %u: failure without a PBO_ERROR", seed, i);
          ck_assert_msg (g_strcmp0 (before, after) == 0,
                         "seed %u step %u: refused step changed the tree (%s)", seed, i,
                         error->message);
          g_clear_error (&error);
          w.refused++;
        }
      ck_assert_msg (pbo_tree_validate_invariants (w.tree, &inv), "seed %u step %u: %s", seed, i,
                     inv ? inv->message : "");
    }
  /* Both kinds of steps must have been exercised for the test to mean anything. */
  ck_assert_uint_gt (w.applied, steps / 5);
  ck_assert_uint_gt (w.refused, steps / 20);
  pbo_tree_free (w.tree);
  g_rand_free (w.rand);
  g_ptr_array_unref (w.orgs);
  g_ptr_array_unref (w.members);
}

START_TEST (test_random_sequences)
{
  const char *env = g_getenv ("PBO_SEED");
  guint32 base = env != NULL ? (guint32) strtoul (env, NULL, 10) : 20261123u;
  guint32 seed = base + (guint32) _i;

  fprintf (stderr, "random sequence seed %u (replay with PBO_SEED=%u)\n", seed, seed - _i);
  run_world (seed, 1500);
}
END_TEST

static Suite *
random_suite (void)
{
  Suite *s = suite_create ("random");
  TCase *tc = tcase_create ("sequences");

  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_random_sequences, 0, 4);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (random_suite ());
}
