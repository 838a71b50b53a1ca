/* libpbo — the HTML report: one self-contained page for people.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_HTML_H
#define PBO_HTML_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>
#include <pbo/rules.h>

G_BEGIN_DECLS

/*
 * The page a Party office (党办) or an inspector opens, scans and prints:
 * one HTML5 document with its CSS and its SVG inline — no script, no
 * image, font or style sheet fetched from anywhere, so it opens the same
 * off-line, from a mail attachment or a USB stick. Its sections, each
 * starting on a new A4 page when printed (docs/reports.md):
 *   1. the org chart, drawn by libpbo itself as SVG (no Graphviz), with
 *      each org's kind and subtree member count;
 *   2. the statistics of pbo_report_new() (seed 001's tables) and the
 *      per-unit table;
 *   3. the findings of pbo_check(), grouped by severity, with the rule's
 *      code and source;
 *   4. the 三会一课 grid: branches × the 12 months ending at the report
 *      date, each cell held, missing, not due, or not required, judged by
 *      pbo_meeting_tally() exactly as the rules judge;
 *   5. the dues of the report month per branch (pbo_dues_sheet_new());
 *   6. the recruitment pipeline: recruits by stage, with the first day
 *      the next step is allowed (pbo_recruit_eligible_on()).
 * Labels follow the process locale through the library's gettext domain
 * (Chinese or English); figures carry `data-figure` attributes so that
 * programs and tests can find them. Colour is never the only signal:
 * every state also has a symbol and a word.
 */

/**
 * PboHtmlFlags:
 * @PBO_HTML_NONE: no flag
 * @PBO_HTML_REDACT: leave names of persons out: members and recruits
 *   appear by id only (a report that leaves the Party office)
 * @PBO_HTML_NO_CHART: leave the org chart out (very large trees)
 *
 * Flags of #PboHtmlOptions; combine them with `|` into its guint @flags.
 */
typedef enum {
  PBO_HTML_NONE     = 0,
  PBO_HTML_REDACT   = 1 << 0,
  PBO_HTML_NO_CHART = 1 << 1,
} PboHtmlFlags;

/** PBO_HTML_OPTIONS_VERSION: the current version of #PboHtmlOptions. */
#define PBO_HTML_OPTIONS_VERSION 1

/** PBO_HTML_CHART_MAX_ORGS: the chart draws at most this many orgs (the tables list all). */
#define PBO_HTML_CHART_MAX_ORGS 2000

/**
 * PboHtmlOptions:
 * @version: %PBO_HTML_OPTIONS_VERSION
 * @on: the report date (ages, the 12 months of the grid, the dues month,
 *   the findings); %PBO_DATE_NONE for today
 * @flags: #PboHtmlFlags
 * @title: (nullable): the page title; NULL: the name of the root org, or
 *   a generic title for a whole tree of several top-level orgs
 * @check: (nullable): the thresholds of the findings and of the meeting
 *   grid; NULL for the defaults. Its @on, @from and @to are ignored: the
 *   report date decides.
 *
 * Options of pbo_report_write_html(). Initialise with
 * %PBO_HTML_OPTIONS_INIT or pbo_html_options_init(); fields are only appended.
 */
typedef struct {
  unsigned int           version;
  PboDate                on;
  guint                  flags;
  const char            *title;
  const PboCheckOptions *check;
} PboHtmlOptions;

/** PBO_HTML_OPTIONS_INIT: the initializer of #PboHtmlOptions. */
#define PBO_HTML_OPTIONS_INIT { PBO_HTML_OPTIONS_VERSION, PBO_DATE_NONE, PBO_HTML_NONE, NULL, NULL }

/**
 * pbo_html_options_init:
 * @options: (out caller-allocates): the struct to initialise
 * @version: %PBO_HTML_OPTIONS_VERSION
 *
 * Initialises @options as %PBO_HTML_OPTIONS_INIT does, for bindings.
 *
 * Returns: %TRUE if @version is supported.
 */
PBO_API gboolean pbo_html_options_init (PboHtmlOptions *options, unsigned int version);

/**
 * pbo_report_write_html:
 * @tree: a tree
 * @root: (nullable): the org to report on (its subtree), NULL for the whole tree
 * @options: (nullable): the options, NULL for the defaults
 * @out: the string the document is appended to (UTF-8)
 * @error: return location for a %PBO_ERROR_INVALID error: unsupported
 *   options version, a report date that is not a full date, or check
 *   options that pbo_check() refuses
 *
 * Appends the whole HTML report described at the top of this header.
 * Every text from the tree is escaped, so any name is safe. The output is
 * deterministic for a given tree, options and locale. On error @out is
 * unchanged.
 *
 * Returns: %TRUE on success. O(orgs + members + meetings × log meetings).
 */
PBO_API gboolean pbo_report_write_html (const PboTree        *tree,
                                        PboOrg               *root,
                                        const PboHtmlOptions *options,
                                        GString              *out,
                                        GError              **error);

G_END_DECLS

#endif /* PBO_HTML_H */
