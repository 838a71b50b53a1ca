/* libpbo — organisation charts as Graphviz DOT.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_CHART_H
#define PBO_CHART_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/tree.h>

G_BEGIN_DECLS

/*
 * Org charts
 * ----------
 * pbo_chart_write_dot() draws a tree (or a subtree) as a Graphviz digraph:
 * one box per org, an edge from each org to each child org. A box holds
 * the org's name, its kind in Chinese (pbo_org_kind_to_label()), the
 * members of its subtree (in service / retired) and the name of its
 * secretary. Boxes are filled by kind from a fixed palette, so that charts
 * of different files read alike (docs/charts.md):
 *
 *   committee       fill #F4CCCC  border #990000
 *   general-branch  fill #FCE5CD  border #B45F06
 *   branch          fill #FFF2CC  border #BF9000
 *   group           fill #D9EAD3  border #38761D
 *
 * The output is deterministic: the same tree and options give the same
 * bytes. Render it with `dot -Tsvg` (or -Tpng, -Tpdf).
 */

/** PBO_CHART_OPTIONS_VERSION: the current version of #PboChartOptions. */
#define PBO_CHART_OPTIONS_VERSION 1

/**
 * PboChartOptions:
 * @version: %PBO_CHART_OPTIONS_VERSION; set by %PBO_CHART_OPTIONS_INIT
 * @max_depth: how many levels below the starting orgs to draw: 0 draws
 *   only the starting orgs, -1 (the default) every level
 * @show_member_counts: write the subtree's member count, in service and
 *   retired, in each box (default %TRUE)
 * @show_secretary: write the secretary's name in each box that has one
 *   (default %TRUE)
 *
 * What pbo_chart_write_dot() draws. Initialise with
 * %PBO_CHART_OPTIONS_INIT; fields are only ever appended.
 */
typedef struct {
  unsigned int version;
  int          max_depth;
  gboolean     show_member_counts;
  gboolean     show_secretary;
} PboChartOptions;

/** PBO_CHART_OPTIONS_INIT: the initializer of #PboChartOptions. */
#define PBO_CHART_OPTIONS_INIT { PBO_CHART_OPTIONS_VERSION, -1, TRUE, TRUE }

/**
 * pbo_chart_options_init:
 * @options: (out caller-allocates): the struct to initialise
 * @version: %PBO_CHART_OPTIONS_VERSION
 *
 * Initialises @options as %PBO_CHART_OPTIONS_INIT does, for bindings.
 *
 * Returns: %TRUE if @version is supported.
 */
PBO_API gboolean pbo_chart_options_init (PboChartOptions *options, unsigned int version);

/**
 * pbo_chart_write_dot:
 * @tree: a tree
 * @root: (nullable): the org whose subtree to draw (itself included), or
 *   NULL for every top-level org
 * @options: (nullable): what to draw; NULL for the defaults
 * @out: the string the digraph is appended to
 * @error: return location for an error
 *
 * Appends an org chart of @tree to @out in the DOT language of Graphviz:
 * nodes named by org id, in document order, each followed by the edge from
 * its parent. Names are escaped for DOT (quotes, backslashes; a line break
 * in a name becomes a line break of the label), so any name is safe.
 *
 * Errors: %PBO_ERROR_INVALID (unsupported @options version); @out is then
 * unchanged.
 *
 * Returns: %TRUE on success. O(orgs of the subtree + officers drawn).
 */
PBO_API gboolean pbo_chart_write_dot (const PboTree         *tree,
                                      PboOrg                *root,
                                      const PboChartOptions *options,
                                      GString               *out,
                                      GError               **error);

G_END_DECLS

#endif /* PBO_CHART_H */
