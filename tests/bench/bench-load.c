/* bench-load — issue 18's measurement: libpbo's load against the bare SAX2
 * loop, in the same process, interleaved, the best of RUNS of each, so
 * that a busy machine moves both sides together and the ratio stays.
 *
 *   bench-load FILE [RUNS]        RUNS: default 3
 *
 * Prints one BENCH line per side (the best run) and a RATIO line:
 *   RATIO members=N load_over_sax=R us_per_member=U bytes_per_member=B cpu_over_sax=C
 * bytes_per_member is the RSS growth across the first load (the tree
 * alone: no tree has been freed yet, so no reused heap hides it);
 * cpu_over_sax compares the best process CPU times (both threads of a
 * two-thread load), which other programs on a busy machine disturb less
 * than elapsed times. Then, on the last tree loaded, the first journaled
 * operations against the next ones:
 *   EDIT first_rename_us=… next_rename_us=… first_transfer_us=… next_transfer_us=…
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "bench-util.h"

#include <pbo/pbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

/* The microseconds of a rename of the first org to @name. */
static double
time_rename (PboTree *tree, const char *name)
{
  GError *error = NULL;
  double t0 = bench_now ();

  if (!pbo_edit_rename (tree, pbo_tree_get_first_org (tree), name, NULL, &error))
    {
      fprintf (stderr, "bench-load: %s\n", error->message);
      exit (2);
    }
  return (bench_now () - t0) * 1e6;
}

/* The microseconds of a transfer of the first member of @from to @to. */
static double
time_transfer (PboTree *tree, PboOrg *from, PboOrg *to)
{
  const char *id = pbo_member_get_id (pbo_org_get_first_member (from));
  GError *error = NULL;
  double t0 = bench_now ();

  if (!pbo_edit_transfer (tree, &id, 1, to, NULL, &error))
    {
      fprintf (stderr, "bench-load: %s\n", error->message);
      exit (2);
    }
  return (bench_now () - t0) * 1e6;
}

/* The first two branches in document order that have members. */
static gboolean
find_branches (PboOrg *org, PboOrg **found, guint *n)
{
  PboOrg *child;

  if (pbo_org_get_kind (org) == PBO_ORG_BRANCH && pbo_org_get_first_member (org) != NULL)
    found[(*n)++] = org;
  for (child = pbo_org_get_first_child (org); child != NULL && *n < 2;
       child = pbo_org_get_next (child))
    find_branches (child, found, n);
  return *n == 2;
}

static void
report_first_edits (PboTree *tree)
{
  PboOrg *b[2];
  guint n = 0;
  double r1, r2, t1, t2;

  if (pbo_tree_get_first_org (tree) == NULL || !find_branches (pbo_tree_get_first_org (tree), b, &n))
    return;
  r1 = time_rename (tree, "bench-load 1");
  r2 = time_rename (tree, "bench-load 2");
  t1 = time_transfer (tree, b[0], b[1]);
  t2 = time_transfer (tree, b[0], b[1]);
  printf ("EDIT first_rename_us=%.1f next_rename_us=%.1f first_transfer_us=%.1f"
          " next_transfer_us=%.1f\n", r1, r2, t1, t2);
}

static PboTree *
load (const char *path)
{
  const PboLoadOptions options = PBO_LOAD_OPTIONS_INIT;
  GError *error = NULL;
  PboTree *tree = pbo_xml_load_file (path, &options, &error);

  if (tree == NULL)
    {
      fprintf (stderr, "bench-load: %s\n", error->message);
      exit (2);
    }
  return tree;
}

int
main (int argc, char **argv)
{
  const char *path = argc >= 2 ? argv[1] : NULL;
  int runs = argc >= 3 ? atoi (argv[2]) : 3, run;
  double best_sax = G_MAXDOUBLE, best_load = G_MAXDOUBLE;
  double cpu_sax = G_MAXDOUBLE, cpu_load = G_MAXDOUBLE;
  guint64 members = 0, grown = 0, bytes;
  char extra[200];

  if (path == NULL || argc > 3 || runs < 1)
    {
      fprintf (stderr, "usage: %s FILE [RUNS]\n", argv[0]);
      return 2;
    }
  bytes = bench_file_size (path);
  for (run = 0; run < runs; run++)
    {
      BenchSaxCounts c;
      guint64 rss0;
      double t0 = bench_now (), c0 = cpu_now ();
      PboTree *tree;

      bench_sax_loop (path, &c);
      best_sax = MIN (best_sax, bench_now () - t0);
      cpu_sax = MIN (cpu_sax, cpu_now () - c0);
      rss0 = bench_rss_kb ();
      t0 = bench_now ();
      c0 = cpu_now ();
      tree = load (path);
      best_load = MIN (best_load, bench_now () - t0);
      cpu_load = MIN (cpu_load, cpu_now () - c0);
      if (run == 0)
        grown = (bench_rss_kb () - rss0) * 1024;
      members = pbo_tree_get_n_members (tree);
      if (run == runs - 1)
        report_first_edits (tree);
      pbo_tree_free (tree);
    }
  bench_report ("sax", best_sax, bytes, members, NULL);
  bench_report ("pbo-load", best_load, bytes, members, NULL);
  g_snprintf (extra, sizeof extra, "members=%" G_GUINT64_FORMAT " load_over_sax=%.3f"
              " us_per_member=%.3f bytes_per_member=%.1f cpu_over_sax=%.3f", members,
              best_load / best_sax, members > 0 ? best_load * 1e6 / (double) members : 0.0,
              members > 0 ? (double) grown / (double) members : 0.0, cpu_load / cpu_sax);
  printf ("RATIO %s\n", extra);
  return 0;
}
