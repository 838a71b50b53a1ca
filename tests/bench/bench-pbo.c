/* bench-pbo — libpbo measured against the baselines (issue 6, DESIGN §7):
 * import, export (to a file without fsync, and to memory), memory per
 * member, O(1) statistics, 10⁵ random transfers, 10⁴ org moves and the
 * merge of the two largest commission committees. Run it at two sizes:
 * per-operation times that stay flat show O(depth + moved).
 *
 *   bench-pbo FILE OUT [--check]
 *
 * OUT receives the export; for a canonical FILE (pbo-gen's output) it must
 * be byte-identical to FILE (run.sh compares). --check runs the debug
 * validator after the edits.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pbo/pbo.h>
#include "bench-util.h"

#define N_TRANSFERS 100000
#define N_ORG_MOVES 10000
#define STATS_CALLS 1000000

static void
die_on_error (GError *error, const char *what)
{
  if (error != NULL)
    {
      fprintf (stderr, "bench-pbo: %s: %s\n", what, error->message);
      exit (2);
    }
}

/* splitmix64, as pbo-gen uses, so runs repeat exactly. */
static guint64
next_random (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static gpointer
pick (GPtrArray *array, guint64 *state)
{
  return g_ptr_array_index (array, next_random (state) % array->len);
}

static gboolean
collect_member (PboMember *member, gpointer user_data)
{
  g_ptr_array_add (user_data, member);
  return TRUE;
}

typedef struct {
  GPtrArray *holders;            /* branches and groups: members go there */
  GPtrArray *branches;
  GPtrArray *containers;         /* committees and general branches */
  GPtrArray *commissions;        /* committees at depth 2 */
} Orgs;

static gboolean
collect_org (PboOrg *org, gpointer user_data)
{
  Orgs *orgs = user_data;
  PboOrgKind kind = pbo_org_get_kind (org);

  if (pbo_org_kind_holds_members (kind))
    g_ptr_array_add (orgs->holders, org);
  if (kind == PBO_ORG_BRANCH)
    g_ptr_array_add (orgs->branches, org);
  else if (kind != PBO_ORG_GROUP)
    g_ptr_array_add (orgs->containers, org);
  if (kind == PBO_ORG_COMMITTEE && pbo_org_get_depth (org) == 2)
    g_ptr_array_add (orgs->commissions, org);
  return TRUE;
}

static char *
stats_text (const PboStats *s)
{
  return g_strdup_printf ("full=%u probationary=%u in_service=%u retired=%u committees=%u"
                          " general_branches=%u branches=%u groups=%u",
                          s->full, s->probationary, s->in_service, s->retired, s->committees,
                          s->general_branches, s->branches, s->groups);
}

static PboTree *
measure_import (const char *path, guint64 *members)
{
  const PboLoadOptions options = PBO_LOAD_OPTIONS_INIT;
  guint64 rss0 = bench_rss_kb ();
  double t0 = bench_now ();
  GError *error = NULL;
  PboTree *tree = pbo_xml_load_file (path, &options, &error);
  double secs = bench_now () - t0;
  guint64 grown;
  char extra[128];

  die_on_error (error, path);
  *members = pbo_tree_get_n_members (tree);
  grown = (bench_rss_kb () - rss0) * 1024;
  g_snprintf (extra, sizeof extra, "orgs=%u rss_growth=%" G_GUINT64_FORMAT
              " bytes_per_member=%.1f", pbo_tree_get_n_orgs (tree), grown,
              *members > 0 ? (double) grown / (double) *members : 0.0);
  bench_report ("pbo-import", secs, bench_file_size (path), *members, extra);
  return tree;
}

static void
measure_export (const PboTree *tree, const char *out, guint64 members)
{
  PboSaveOptions options = PBO_SAVE_OPTIONS_INIT;
  GError *error = NULL;
  double t0 = bench_now ();
  gsize length = 0;
  char *data;

  options.flags = PBO_SAVE_NO_FSYNC;
  if (!pbo_xml_save_file (tree, out, &options, &error))
    die_on_error (error, out);
  bench_report ("pbo-export", bench_now () - t0, bench_file_size (out), members, NULL);

  t0 = bench_now ();
  data = pbo_xml_save_data (tree, &length, NULL, &error);
  die_on_error (error, "save to memory");
  bench_report ("pbo-export-mem", bench_now () - t0, length, members, NULL);
  g_free (data);
}

static void
measure_stats (const PboTree *tree, guint64 members)
{
  PboOrg *top = pbo_tree_get_first_org (tree);
  PboStats stats;
  char *text, *stats_line;
  double t0 = bench_now ();
  guint i, n = 0;

  for (i = 0; i < STATS_CALLS; i++)
    pbo_org_get_stats (top, &stats);
  text = g_strdup_printf ("calls=%u ns_per_call=%.1f", STATS_CALLS,
                          (bench_now () - t0) * 1e9 / STATS_CALLS);
  bench_report ("pbo-stats-call", bench_now () - t0, 0, members, text);
  g_free (text);

  t0 = bench_now ();
  pbo_tree_get_stats (tree, &stats);
  for (top = pbo_tree_get_first_org (tree); top != NULL; top = pbo_org_get_next (top), n++)
    {
      PboStats org_stats;

      pbo_org_get_stats (top, &org_stats);
    }
  stats_line = stats_text (&stats);
  text = g_strdup_printf ("%s top_orgs=%u", stats_line, n);
  bench_report ("pbo-stats-root", bench_now () - t0, 0, members, text);
  g_free (stats_line);
  g_free (text);
}

static void
report_ops (const char *name, double secs, guint ops, guint failed, guint64 members)
{
  char extra[128];

  g_snprintf (extra, sizeof extra, "ops=%u failed=%u us_per_op=%.3f", ops, failed,
              secs * 1e6 / ops);
  bench_report (name, secs, 0, members, extra);
}

static void
measure_transfers (PboTree *tree, const Orgs *orgs, guint64 members, guint64 *state)
{
  GPtrArray *all = g_ptr_array_sized_new ((guint) members);
  guint i, failed = 0;
  double t0;

  pbo_tree_foreach_member (tree, NULL, collect_member, all);
  t0 = bench_now ();
  for (i = 0; i < N_TRANSFERS; i++)
    {
      GError *error = NULL;

      if (!pbo_tree_move_member (tree, pick (all, state), pick (orgs->holders, state), &error))
        {
          failed++;
          g_clear_error (&error);
        }
    }
  report_ops ("pbo-transfers", bench_now () - t0, N_TRANSFERS, failed, members);
  g_ptr_array_free (all, TRUE);
}

static void
measure_org_moves (PboTree *tree, const Orgs *orgs, guint64 members, guint64 *state)
{
  guint i, failed = 0;
  double t0 = bench_now ();

  for (i = 0; i < N_ORG_MOVES; i++)
    {
      GError *error = NULL;

      if (!pbo_tree_move_org (tree, pick (orgs->branches, state), pick (orgs->containers, state),
                              NULL, &error))
        {
          failed++;
          g_clear_error (&error);
        }
    }
  report_ops ("pbo-org-moves", bench_now () - t0, N_ORG_MOVES, failed, members);
}

/* The two commission committees with the most members. */
static void
largest_two (GPtrArray *commissions, PboOrg **a, PboOrg **b)
{
  guint i;
  guint32 na = 0, nb = 0;

  *a = *b = NULL;
  for (i = 0; i < commissions->len; i++)
    {
      PboOrg *org = g_ptr_array_index (commissions, i);
      PboStats s;

      pbo_org_get_stats (org, &s);
      if (s.members > na)
        {
          *b = *a, nb = na;
          *a = org, na = s.members;
        }
      else if (s.members > nb)
        *b = org, nb = s.members;
    }
}

/* Merges the smaller of the two largest commission committees into the
 * larger: every child org moves, then the empty committee goes. */
static void
measure_merge (PboTree *tree, const Orgs *orgs, guint64 members)
{
  PboOrg *into, *from, *child;
  PboStats before_into, before_from, after;
  GError *error = NULL;
  guint moved = 0;
  double t0;
  char extra[160];

  largest_two (orgs->commissions, &into, &from);
  if (from == NULL)
    {
      printf ("# merge skipped: fewer than two commission committees\n");
      return;
    }
  pbo_org_get_stats (into, &before_into);
  pbo_org_get_stats (from, &before_from);
  t0 = bench_now ();
  while ((child = pbo_org_get_first_child (from)) != NULL)
    {
      if (!pbo_tree_move_org (tree, child, into, NULL, &error))
        die_on_error (error, "merge");
      moved++;
    }
  if (!pbo_tree_remove_org (tree, from, &error))
    die_on_error (error, "merge");
  pbo_org_get_stats (into, &after);
  g_snprintf (extra, sizeof extra, "moved_orgs=%u moved_members=%u ok=%s", moved,
              before_from.members,
              after.members == before_into.members + before_from.members ? "yes" : "NO");
  bench_report ("pbo-merge", bench_now () - t0, 0, members, extra);
}

static void
measure_validate (const PboTree *tree, guint64 members)
{
  GError *error = NULL;
  double t0 = bench_now ();

  if (!pbo_tree_validate_invariants (tree, &error))
    die_on_error (error, "invariants");
  bench_report ("pbo-validate", bench_now () - t0, 0, members, NULL);
}

int
main (int argc, char **argv)
{
  Orgs orgs = { g_ptr_array_new (), g_ptr_array_new (), g_ptr_array_new (), g_ptr_array_new () };
  guint64 members = 0, state = 42;
  gboolean check = argc == 4 && strcmp (argv[3], "--check") == 0;
  PboTree *tree;
  double t0;

  if (argc < 3 || argc > 4 || (argc == 4 && !check))
    {
      fprintf (stderr, "usage: %s FILE OUT [--check]\n", argv[0]);
      return 2;
    }
  tree = measure_import (argv[1], &members);
  measure_export (tree, argv[2], members);
  measure_stats (tree, members);
  pbo_tree_foreach_org (tree, NULL, collect_org, &orgs);
  measure_transfers (tree, &orgs, members, &state);
  measure_org_moves (tree, &orgs, members, &state);
  measure_merge (tree, &orgs, members);
  if (check)
    measure_validate (tree, members);
  t0 = bench_now ();
  pbo_tree_free (tree);
  bench_report ("pbo-free", bench_now () - t0, 0, members, NULL);
  g_ptr_array_free (orgs.holders, TRUE);
  g_ptr_array_free (orgs.branches, TRUE);
  g_ptr_array_free (orgs.containers, TRUE);
  g_ptr_array_free (orgs.commissions, TRUE);
  return 0;
}
