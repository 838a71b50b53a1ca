/* libpbo — branch work records (format 1.1): annual work plans (年度工作计划)
 * and elections (换届选举) of an org.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_WORK_RECORDS_H
#define PBO_WORK_RECORDS_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>
#include <pbo/edit.h>

G_BEGIN_DECLS

/*
 * Work records
 * ------------
 * An inspection (seed 004) asks each branch for its annual work plan and
 * looks at its 换届 elections. Both are records of an org, kept in a side
 * table of the tree: an org without them costs nothing. Each change is an
 * edit operation (journaled, undoable, a plan element): add-work-plan,
 * remove-work-plan, add-election. Removing an org (dissolve, merge) drops
 * its records in the same journal entry, and undoing it brings them back.
 */

/* ------------------------------------------------------------------ */
/* Annual work plans                                                  */
/* ------------------------------------------------------------------ */

/** PBO_WORK_PLAN_YEAR_MIN: the first year a work plan may be for. */
#define PBO_WORK_PLAN_YEAR_MIN 1900
/** PBO_WORK_PLAN_YEAR_MAX: the last year a work plan may be for. */
#define PBO_WORK_PLAN_YEAR_MAX 2999

/** pbo_org_get_n_work_plans: the number of annual work plans recorded for @org. O(1). */
PBO_API guint pbo_org_get_n_work_plans (const PboOrg *org);

/**
 * pbo_org_get_work_plan:
 * @org: an org
 * @index: 0 ≤ @index < pbo_org_get_n_work_plans(); plans are kept by year
 * @year: (out) (optional): the year the plan is for
 * @approved: (out) (optional): the date it was approved, or %PBO_DATE_NONE
 * @title: (out) (optional) (transfer none): its title or NULL, borrowed
 *   from the tree until its next change
 *
 * Returns: %TRUE if @index is in range.
 */
PBO_API gboolean pbo_org_get_work_plan (const PboOrg *org,
                                        guint         index,
                                        guint        *year,
                                        PboDate      *approved,
                                        const char  **title);

/**
 * pbo_org_find_work_plan:
 * @org: an org
 * @year: a year
 *
 * Returns: the index of @org's plan for @year, or -1 when it has none.
 *   O(plans of @org).
 */
PBO_API int pbo_org_find_work_plan (const PboOrg *org, guint year);

/**
 * pbo_edit_add_work_plan:
 * @tree: a tree
 * @branch: a branch of @tree
 * @year: the year, %PBO_WORK_PLAN_YEAR_MIN to %PBO_WORK_PLAN_YEAR_MAX
 * @approved: the date it was approved (a full date), or %PBO_DATE_NONE
 * @title: (nullable): its title (copied)
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Records @branch's annual work plan for @year (`<add-work-plan>`).
 * Journal: subjects = @branch, detail = the year.
 *
 * Errors: %PBO_ERROR_INVALID (not a branch, a bad year, date or title),
 * %PBO_ERROR_DUPLICATE_ID (a plan for @year is already recorded).
 *
 * Returns: %TRUE on success. O(plans of @branch).
 */
PBO_API gboolean pbo_edit_add_work_plan (PboTree              *tree,
                                         PboOrg               *branch,
                                         guint                 year,
                                         PboDate               approved,
                                         const char           *title,
                                         const PboEditContext *context,
                                         GError              **error);

/**
 * pbo_edit_remove_work_plan:
 * @tree: a tree
 * @org: an org of @tree
 * @year: the year of the plan to drop
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Drops @org's work plan for @year (`<remove-work-plan>`).
 *
 * Errors: %PBO_ERROR_UNKNOWN_ID when @org has no plan for @year.
 *
 * Returns: %TRUE on success. O(plans of @org).
 */
PBO_API gboolean pbo_edit_remove_work_plan (PboTree              *tree,
                                            PboOrg               *org,
                                            guint                 year,
                                            const PboEditContext *context,
                                            GError              **error);

/* ------------------------------------------------------------------ */
/* Elections (换届选举)                                                */
/* ------------------------------------------------------------------ */

/**
 * PboElectionMethod:
 * @PBO_ELECTION_METHOD_NONE: unknown spelling
 * @PBO_ELECTION_DIRECT: "direct" (直接选举: the members' assembly elects)
 * @PBO_ELECTION_OPEN_NOMINATION_DIRECT: "open-nomination-direct" (公推直选)
 * @PBO_ELECTION_INDIRECT: "indirect" (a delegates' congress elects)
 *
 * How an org's committee or secretary was elected.
 */
typedef enum {
  PBO_ELECTION_METHOD_NONE = 0,
  PBO_ELECTION_DIRECT,
  PBO_ELECTION_OPEN_NOMINATION_DIRECT,
  PBO_ELECTION_INDIRECT,
} PboElectionMethod;

/** pbo_election_method_to_string: the spelling of @method, or NULL for NONE and unknown values. */
PBO_API const char *pbo_election_method_to_string (PboElectionMethod method);
/** pbo_election_method_from_string: the method spelled @s, or %PBO_ELECTION_METHOD_NONE. */
PBO_API PboElectionMethod pbo_election_method_from_string (const char *s);

/** PBO_ELECTION_INFO_VERSION: the current version of #PboElectionInfo. */
#define PBO_ELECTION_INFO_VERSION 1

/**
 * PboElectionInfo:
 * @version: %PBO_ELECTION_INFO_VERSION
 * @date: the day of the vote, a full date; the org's new term starts then
 * @method: how it was held
 * @candidates: candidates on the ballot (候选人)
 * @seats: places to fill (应选)
 * @voters: members entitled to vote (应到有选举权的党员)
 * @voted: members who voted (实到)
 * @term_years: pbo_edit_add_election(): the new term's length in years
 *   (1–10), or 0 to keep the org's (or, for an org without a term, the
 *   default of its kind: 5 for a committee, 3 otherwise); not recorded
 *
 * An election of an org's committee (or its secretary). Initialise with
 * %PBO_ELECTION_INFO_INIT or pbo_election_info_init(); fields are only
 * ever appended.
 */
typedef struct {
  unsigned int      version;
  PboDate           date;
  PboElectionMethod method;
  guint             candidates;
  guint             seats;
  guint             voters;
  guint             voted;
  guint             term_years;
} PboElectionInfo;

/** PBO_ELECTION_INFO_INIT: the initializer of #PboElectionInfo. */
#define PBO_ELECTION_INFO_INIT { PBO_ELECTION_INFO_VERSION, PBO_DATE_NONE, \
    PBO_ELECTION_METHOD_NONE, 0, 0, 0, 0, 0 }

/**
 * pbo_election_info_init:
 * @info: (out caller-allocates): the struct to initialise
 * @version: %PBO_ELECTION_INFO_VERSION
 *
 * Initialises @info as %PBO_ELECTION_INFO_INIT does, for bindings.
 *
 * Returns: %TRUE, or %FALSE for an unknown @version.
 */
PBO_API gboolean pbo_election_info_init (PboElectionInfo *info, unsigned int version);

/** pbo_org_get_n_elections: the number of elections recorded for @org. O(1). */
PBO_API guint pbo_org_get_n_elections (const PboOrg *org);

/**
 * pbo_org_get_election:
 * @org: an org
 * @index: 0 ≤ @index < pbo_org_get_n_elections(), in the order recorded
 * @info: (out caller-allocates): filled (its @version set by the caller);
 *   @term_years is set to 0
 *
 * Returns: %TRUE if @index is in range.
 */
PBO_API gboolean pbo_org_get_election (const PboOrg *org, guint index, PboElectionInfo *info);

/**
 * pbo_edit_add_election:
 * @tree: a tree
 * @org: an org of @tree
 * @info: the election
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Records an election of @org (`<add-election>`) and starts its new term
 * on @info->date, as set-org does (换届), in one journal entry that undo
 * takes back whole. Journal: subjects = @org, from/to = the old and new
 * term-start, detail = the method.
 *
 * Errors: %PBO_ERROR_INVALID (a bad date, method, term, or counts: at least
 * one seat, candidates ≥ seats, voters ≥ 1, voted ≤ voters). A vote that
 * misses the quorum or has too few candidates is recorded: those are
 * findings of pbo_check() (PBO-N001, PBO-N002), not refusals.
 *
 * Returns: %TRUE on success. O(elections of @org).
 */
PBO_API gboolean pbo_edit_add_election (PboTree               *tree,
                                        PboOrg                *org,
                                        const PboElectionInfo *info,
                                        const PboEditContext  *context,
                                        GError               **error);

/* ------------------------------------------------------------------ */
/* Minutes (会议记录)                                                  */
/* ------------------------------------------------------------------ */

/**
 * PboMinutesField:
 * @PBO_MINUTES_PRESENTER: who presided (主持人)
 * @PBO_MINUTES_RECORDER: who took the minutes (记录人)
 * @PBO_MINUTES_EXPECTED: members expected (应到)
 * @PBO_MINUTES_PRESENT: members present (实到)
 * @PBO_MINUTES_TOPIC: the topic (议题)
 * @PBO_MINUTES_RESOLUTION: what it resolved (决议); asked only of the
 *   meetings that decide: general assemblies and committee meetings
 *
 * The fields a meeting record needs to be **complete** for an inspection
 * (seed 004 asks for a record book of 三会一课): the bits
 * pbo_org_get_meeting_minutes_missing() returns.
 */
typedef enum {
  PBO_MINUTES_PRESENTER = 1 << 0,
  PBO_MINUTES_RECORDER = 1 << 1,
  PBO_MINUTES_EXPECTED = 1 << 2,
  PBO_MINUTES_PRESENT = 1 << 3,
  PBO_MINUTES_TOPIC = 1 << 4,
  PBO_MINUTES_RESOLUTION = 1 << 5,
} PboMinutesField;

/**
 * pbo_org_get_meeting_minutes_missing:
 * @org: an org
 * @index: a meeting index of @org
 *
 * Returns: the #PboMinutesField bits of what meeting @index lacks to be
 *   complete: 0 when its minutes are complete (and for an @index out of
 *   range).
 */
PBO_API guint pbo_org_get_meeting_minutes_missing (const PboOrg *org, guint index);

G_END_DECLS

#endif /* PBO_WORK_RECORDS_H */
