/* libpbo — meetings held against meetings required (三会一课 and organisational life).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_MEETINGS_H
#define PBO_MEETINGS_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>

G_BEGIN_DECLS

/*
 * What is required
 * ----------------
 * Every branch must hold each meeting type at least once per interval of
 * months (docs/rules.md gives the sources): general assembly every 3,
 * committee meeting every 1 (only branches that have a committee: a
 * secretary and at least 2 other officers, counted as distinct members),
 * group meeting every 1 (only branches with groups), lecture every 3 (local
 * practice, not national rule), theme day every 1, life meeting and member
 * review every 12. The intervals are configurable; 0 means "not required".
 *
 * The period [from, to] is cut into consecutive windows of the interval,
 * starting at @from (or at the branch's founding date when that is later).
 * A window that ends inside the period must contain at least one meeting of
 * the type; a trailing window cut short by @to is not required, but its
 * meetings are counted as held. Meetings recorded on the branch and on its
 * groups all count for the branch.
 *
 * The compliance rules (pbo_check(), rules PBO-L001…L007) and the summary
 * below use the same function, pbo_meeting_tally().
 */

/** PBO_MEETING_TYPE_SLOTS: the size of arrays indexed by #PboMeetingType (index 0 unused). */
#define PBO_MEETING_TYPE_SLOTS 8

/**
 * PBO_MEETING_INTERVALS_DEFAULT:
 *
 * The default intervals in months, indexed by #PboMeetingType: none,
 * general assembly 3, committee 1, group 1, lecture 3, theme day 1, life
 * meeting 12, member review 12. Used by %PBO_MEETING_OPTIONS_INIT and
 * %PBO_CHECK_OPTIONS_INIT.
 */
#define PBO_MEETING_INTERVALS_DEFAULT { 0, 3, 1, 1, 3, 1, 12, 12 }

/** PBO_MEETING_INTERVAL_MAX: the longest interval accepted, in months (10 years). */
#define PBO_MEETING_INTERVAL_MAX 120

/**
 * pbo_meeting_default_interval:
 * @type: a meeting type
 *
 * Returns: the default interval of @type in months (see
 *   %PBO_MEETING_INTERVALS_DEFAULT); 0 for %PBO_MEETING_NONE and unknown values.
 */
PBO_API guint pbo_meeting_default_interval (PboMeetingType type);

/**
 * pbo_branch_requires_meeting:
 * @branch: an org
 * @type: a meeting type
 *
 * The requirement logic shared by the rules and the summary: %TRUE when
 * @branch is a branch and @type is required of it — committee meetings only
 * when it has a committee (a secretary and at least 2 other officers,
 * distinct members), group meetings only when it has groups, the other
 * types always. Intervals are not considered here.
 *
 * Returns: %TRUE if @branch must hold meetings of @type. O(officers + children).
 */
PBO_API gboolean pbo_branch_requires_meeting (const PboOrg *branch, PboMeetingType type);

/**
 * PboMeetingTally:
 * @type: the meeting type
 * @interval_months: the interval applied; 0 when the type is not required
 *   of this branch (then @required and @met are 0)
 * @required: the number of complete windows in the period, i.e. the number
 *   of meetings required at the least
 * @met: how many of those windows hold at least one meeting
 * @held: meetings of the type recorded in the period (trailing window included)
 * @first_missing: the first day of the first required window without a
 *   meeting, or %PBO_DATE_NONE when every window is met
 *
 * One line of the inspection table. The type is complete when @met equals
 * @required. Instances returned by the library are read-only. Callers may
 * allocate one for pbo_meeting_tally(), so its size is fixed for 1.x: new
 * fields are only ever taken from the reserved padding.
 */
typedef struct {
  PboMeetingType type;
  guint          interval_months;
  guint          required;
  guint          met;
  guint          held;
  PboDate        first_missing;
  /*< private >*/
  guint32        reserved[4];
} PboMeetingTally;

/**
 * pbo_meeting_tally:
 * @branch: a branch
 * @type: a meeting type other than NONE
 * @interval_months: the required interval in months, at most
 *   %PBO_MEETING_INTERVAL_MAX (0: not required)
 * @from: first day of the period, a full date
 * @to: last day of the period, a full date not before @from
 * @tally: (out caller-allocates): the result
 *
 * Counts the meetings of @type held by @branch (and its groups) over
 * [@from, @to] against what is required, as described at the top of this
 * header. Passing a non-branch, an invalid type or invalid dates is a
 * programming error.
 *
 * Returns: %TRUE on success. O(meetings of the branch and its groups ×
 *   log, + windows).
 */
PBO_API gboolean pbo_meeting_tally (const PboOrg    *branch,
                                    PboMeetingType   type,
                                    guint            interval_months,
                                    PboDate          from,
                                    PboDate          to,
                                    PboMeetingTally *tally);

/** PBO_MEETING_OPTIONS_VERSION: the current version of #PboMeetingOptions. */
#define PBO_MEETING_OPTIONS_VERSION 1

/**
 * PboMeetingOptions:
 * @version: %PBO_MEETING_OPTIONS_VERSION
 * @from: first day of the period; %PBO_DATE_NONE: the day after the same
 *   date 12 months before @to (a 12-month period ending on @to)
 * @to: last day of the period; %PBO_DATE_NONE: today
 * @interval_months: interval in months per #PboMeetingType (index 0
 *   unused); 0 makes a type not required; at most %PBO_MEETING_INTERVAL_MAX
 *
 * Options of pbo_meeting_summary_new(). Initialise with
 * %PBO_MEETING_OPTIONS_INIT; fields are only appended.
 */
typedef struct {
  unsigned int version;
  PboDate      from;
  PboDate      to;
  guint        interval_months[PBO_MEETING_TYPE_SLOTS];
} PboMeetingOptions;

/** PBO_MEETING_OPTIONS_INIT: the initializer of #PboMeetingOptions. */
#define PBO_MEETING_OPTIONS_INIT { PBO_MEETING_OPTIONS_VERSION, PBO_DATE_NONE, PBO_DATE_NONE, \
    PBO_MEETING_INTERVALS_DEFAULT }

/**
 * pbo_meeting_options_init:
 * @options: (out caller-allocates): the struct to initialise
 * @version: %PBO_MEETING_OPTIONS_VERSION, or the version of an older release
 *
 * Initialises @options as %PBO_MEETING_OPTIONS_INIT does, for bindings and for callers that
 * cannot use an initialiser: only the fields of @version are written, and
 * its version field is set to @version.
 *
 * Returns: %TRUE if @version is supported (1 to %PBO_MEETING_OPTIONS_VERSION); %FALSE, leaving
 *   @options untouched, otherwise.
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_meeting_options_init (PboMeetingOptions *options, unsigned int version);

/** PboMeetingSummary: an opaque table of meeting tallies per branch. */
typedef struct _PboMeetingSummary PboMeetingSummary;

/**
 * pbo_meeting_summary_new:
 * @tree: a tree
 * @root: (nullable): the subtree to summarise (itself included), NULL for
 *   the whole tree
 * @options: (nullable): the options, NULL for the defaults
 * @error: return location for a %PBO_ERROR_INVALID error (unsupported
 *   options version, a date that is not a full date, @from after @to, an
 *   interval over %PBO_MEETING_INTERVAL_MAX)
 *
 * Tallies every meeting type for every branch of the subtree, in document
 * order — the inspection table of 三会一课.
 *
 * Returns: (transfer full) (nullable): the summary, freed with
 *   pbo_meeting_summary_free(), or NULL on error. It refers to the branches
 *   by borrowed handles: do not use it after the tree changes.
 *   O(orgs + meetings).
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT
PboMeetingSummary *pbo_meeting_summary_new (const PboTree           *tree,
                                            PboOrg                  *root,
                                            const PboMeetingOptions *options,
                                            GError                 **error);

/** pbo_meeting_summary_free: frees @summary (NULL is allowed). */
PBO_API void pbo_meeting_summary_free (PboMeetingSummary *summary);

/** pbo_meeting_summary_get_from: the first day of the period used. */
PBO_API PboDate pbo_meeting_summary_get_from (const PboMeetingSummary *summary);
/** pbo_meeting_summary_get_to: the last day of the period used. */
PBO_API PboDate pbo_meeting_summary_get_to   (const PboMeetingSummary *summary);
/** pbo_meeting_summary_get_n_branches: the number of branches (rows). */
PBO_API guint   pbo_meeting_summary_get_n_branches (const PboMeetingSummary *summary);

/**
 * pbo_meeting_summary_get_branch:
 * @summary: a summary
 * @index: 0 ≤ @index < pbo_meeting_summary_get_n_branches()
 *
 * Returns: (transfer none) (nullable): the branch of row @index, NULL if out
 *   of range.
 */
PBO_API PboOrg *pbo_meeting_summary_get_branch (const PboMeetingSummary *summary, guint index);

/**
 * pbo_meeting_summary_get_tally:
 * @summary: a summary
 * @index: a row index
 * @type: a meeting type other than NONE
 *
 * Returns: (transfer none) (nullable): the tally, owned by @summary and
 *   valid until it is freed; NULL if @index or @type is out of range.
 */
PBO_API const PboMeetingTally *pbo_meeting_summary_get_tally (const PboMeetingSummary *summary,
                                                              guint                    index,
                                                              PboMeetingType           type);

/**
 * pbo_meeting_summary_write_text:
 * @summary: a summary
 * @out: the string to append to
 *
 * Appends the table for people: one block per branch, one line per meeting
 * type with held, required and met counts, "MISSING from DATE" where a
 * window was not met and "not required" where the type does not apply; in
 * the language of LC_MESSAGES, types by pbo_meeting_type_to_display_name().
 */
PBO_API void pbo_meeting_summary_write_text (const PboMeetingSummary *summary, GString *out);

/**
 * pbo_meeting_summary_write_csv:
 * @summary: a summary
 * @out: the string to append to
 *
 * Appends CSV (header line first): branch, name, type, interval-months,
 * required, met, held, first-missing — one row per branch and meeting type.
 */
PBO_API void pbo_meeting_summary_write_csv (const PboMeetingSummary *summary, GString *out);

/**
 * pbo_meeting_summary_write_csv_full:
 * @summary: a summary
 * @out: the string to append to
 * @flags: %PBO_CSV_WRITE_RAW not to mark formulas
 *
 * pbo_meeting_summary_write_csv() with #PboCsvWriteFlags: that function marks values that would
 * start a formula in a spreadsheet with a `'`; %PBO_CSV_WRITE_RAW writes
 * them as they are.
 */
PBO_API void pbo_meeting_summary_write_csv_full (const PboMeetingSummary *summary, GString *out,
                                                 PboCsvWriteFlags flags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PboMeetingSummary, pbo_meeting_summary_free)

G_END_DECLS

#endif /* PBO_MEETINGS_H */
