/* libpbo — what the org charts share (chart.c's DOT, html-chart.c's SVG).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_CHART_PRIVATE_H
#define PBO_CHART_PRIVATE_H

#include "tree-private.h"

/* The fill and border colours of @kind's boxes: the one palette of
 * chart.h and docs/charts.md, so that DOT and SVG charts read alike. */
void pbo_chart_kind_colours_ (PboOrgKind kind, const char **fill, const char **border);

#endif /* PBO_CHART_PRIVATE_H */
