/* bench-tree — issue 18's other whole-tree costs against a load of the
 * same file in the same process, the best of RUNS of each:
 * pbo_tree_copy(), pbo_edit_tree_at() (a copy with nothing to undo),
 * pbo_diff_new() of the tree and its copy (every member compared, an
 * empty plan), and pbo_tree_free().
 *
 *   bench-tree FILE [RUNS]        RUNS: default 3
 *
 * Prints a BENCH line for each and
 *   RATIO members=N copy_over_load=… tree_at_over_load=… diff_over_load=… free_over_load=…
 * Holds two trees at once: twice the RSS of a load.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "bench-util.h"

#include <pbo/pbo.h>
#include <stdio.h>
#include <stdlib.h>

static void
fail (const GError *error)
{
  fprintf (stderr, "bench-tree: %s\n", error != NULL ? error->message : "failed");
  exit (2);
}

enum { LOAD, COPY, TREE_AT, DIFF, FREE, N_STEPS };
static const char *const names[N_STEPS] = { "pbo-load", "tree-copy", "tree-at", "diff", "tree-free" };

int
main (int argc, char **argv)
{
  const char *path = argc >= 2 ? argv[1] : NULL;
  int runs = argc >= 3 ? atoi (argv[2]) : 3, run, i;
  double best[N_STEPS];
  guint64 members = 0, bytes;

  if (path == NULL || argc > 3 || runs < 1)
    {
      fprintf (stderr, "usage: %s FILE [RUNS]\n", argv[0]);
      return 2;
    }
  bytes = bench_file_size (path);
  for (i = 0; i < N_STEPS; i++)
    best[i] = G_MAXDOUBLE;
  for (run = 0; run < runs; run++)
    {
      GError *error = NULL;
      PboTree *tree, *copy, *at;
      PboDiff *diff;
      double t0 = bench_now ();

      if ((tree = pbo_xml_load_file (path, NULL, &error)) == NULL)
        fail (error);
      best[LOAD] = MIN (best[LOAD], bench_now () - t0);
      members = pbo_tree_get_n_members (tree);
      t0 = bench_now ();
      copy = pbo_tree_copy (tree);
      best[COPY] = MIN (best[COPY], bench_now () - t0);
      t0 = bench_now ();
      if ((at = pbo_edit_tree_at (tree, pbo_journal_get_n_entries (tree), &error)) == NULL)
        fail (error);
      best[TREE_AT] = MIN (best[TREE_AT], bench_now () - t0);
      pbo_tree_free (at);
      t0 = bench_now ();
      if ((diff = pbo_diff_new (tree, copy, &error)) == NULL)
        fail (error);
      best[DIFF] = MIN (best[DIFF], bench_now () - t0);
      if (!pbo_diff_is_empty (diff))
        fail (NULL);
      pbo_diff_free (diff);
      pbo_tree_free (copy);
      t0 = bench_now ();
      pbo_tree_free (tree);
      best[FREE] = MIN (best[FREE], bench_now () - t0);
    }
  for (i = 0; i < N_STEPS; i++)
    bench_report (names[i], best[i], bytes, members, NULL);
  printf ("RATIO members=%" G_GUINT64_FORMAT " copy_over_load=%.3f tree_at_over_load=%.3f"
          " diff_over_load=%.3f free_over_load=%.3f\n", members, best[COPY] / best[LOAD],
          best[TREE_AT] / best[LOAD], best[DIFF] / best[LOAD], best[FREE] / best[LOAD]);
  return 0;
}
