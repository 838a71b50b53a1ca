/* libpbo — recruitment: applicants, activists and candidates of a branch.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_RECRUIT_H
#define PBO_RECRUIT_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>
#include <pbo/tree.h>

G_BEGIN_DECLS

/*
 * Recruitment (发展党员)
 * ----------------------
 * Before a person becomes a probationary member, a branch records them in
 * three stages: applicant (入党申请人, from the written application),
 * activist (入党积极分子, from the branch's decision) and candidate
 * (发展对象, from the decision to develop them). A #PboRecruit is such a
 * person: not a member, not counted in any statistics, but held by a
 * branch and named by an id from the tree's one id namespace (a recruit's
 * id cannot also name an org or member, so that admission keeps it).
 *
 * The rules (发展党员工作细则 arts. 5, 13; 党章 art. 7): an applicant is at
 * least %PBO_RECRUIT_MIN_AGE years old on applying; an activist is trained
 * at least %PBO_RECRUIT_ACTIVIST_MONTHS months before becoming a candidate;
 * an admitted candidate is a probationary member for a year. The
 * pbo_edit_promote() and pbo_edit_admit() operations refuse a step these
 * rules forbid; pbo_check() reports records that break them (PBO-R001 to
 * PBO-R003) in files that were written by other means.
 */

/** PBO_RECRUIT_MIN_AGE: the least age, in years, of an applicant on applying. */
#define PBO_RECRUIT_MIN_AGE 18
/** PBO_RECRUIT_ACTIVIST_MONTHS: the least time as an activist before becoming a candidate. */
#define PBO_RECRUIT_ACTIVIST_MONTHS 12

/**
 * PboRecruitStage:
 * @PBO_RECRUIT_STAGE_NONE: unknown spelling
 * @PBO_RECRUIT_APPLICANT: "applicant" (入党申请人)
 * @PBO_RECRUIT_ACTIVIST: "activist" (入党积极分子)
 * @PBO_RECRUIT_CANDIDATE: "candidate" (发展对象)
 *
 * The stages, in order. Values are part of the ABI.
 */
typedef enum {
  PBO_RECRUIT_STAGE_NONE = 0,
  PBO_RECRUIT_APPLICANT,
  PBO_RECRUIT_ACTIVIST,
  PBO_RECRUIT_CANDIDATE,
} PboRecruitStage;

/** pbo_recruit_stage_to_string: (transfer none): the format-v1 spelling, or NULL. */
PBO_API const char     *pbo_recruit_stage_to_string   (PboRecruitStage stage);
/** pbo_recruit_stage_from_string: the stage spelled @s, or %PBO_RECRUIT_STAGE_NONE. */
PBO_API PboRecruitStage pbo_recruit_stage_from_string (const char *s);

/** PboRecruit: an opaque recruit, owned by its tree. */
typedef struct _PboRecruit PboRecruit;

/** PBO_RECRUIT_INFO_VERSION: the current version of #PboRecruitInfo. */
#define PBO_RECRUIT_INFO_VERSION 1

/**
 * PboRecruitInfo:
 * @version: %PBO_RECRUIT_INFO_VERSION; set by %PBO_RECRUIT_INFO_INIT
 * @id: required: a valid id, unused in the tree
 * @name: required: non-empty UTF-8
 * @stage: required
 * @applied: required: the date of the written application
 * @activist_since: required from the activist stage on, not before @applied
 * @candidate_since: required at the candidate stage, not before @activist_since
 * @gender: optional
 * @born: optional: a full date or a year (pbo_date_is_year_only())
 * @department: optional: the department (科室) where the person works
 *
 * The fields of a recruit. Dates of later stages than @stage must be
 * %PBO_DATE_NONE. Initialise with %PBO_RECRUIT_INFO_INIT; new fields are
 * appended in later versions. Strings are copied.
 */
typedef struct {
  unsigned int    version;
  const char     *id;
  const char     *name;
  PboRecruitStage stage;
  PboDate         applied;
  PboDate         activist_since;
  PboDate         candidate_since;
  PboGender       gender;
  PboDate         born;
  const char     *department;
} PboRecruitInfo;

/** PBO_RECRUIT_INFO_INIT: the initializer of #PboRecruitInfo. */
#define PBO_RECRUIT_INFO_INIT { PBO_RECRUIT_INFO_VERSION, NULL, NULL, PBO_RECRUIT_STAGE_NONE, \
    PBO_DATE_NONE, PBO_DATE_NONE, PBO_DATE_NONE, PBO_GENDER_NONE, PBO_DATE_NONE, NULL }

/**
 * pbo_recruit_info_init:
 * @info: (out caller-allocates): the struct to initialise
 * @version: %PBO_RECRUIT_INFO_VERSION, or the version of an older release
 *
 * Initialises @info as %PBO_RECRUIT_INFO_INIT does, for bindings and for callers that
 * cannot use an initialiser: only the fields of @version are written, and
 * its version field is set to @version.
 *
 * Returns: %TRUE if @version is supported (1 to %PBO_RECRUIT_INFO_VERSION); %FALSE, leaving
 *   @info untouched, otherwise.
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_recruit_info_init (PboRecruitInfo *info, unsigned int version);

/**
 * pbo_tree_add_recruit:
 * @tree: a tree
 * @branch: the branch that records the person (a branch, not a group)
 * @info: the recruit's fields
 * @error: return location for an error
 *
 * Records a recruit at the end of @branch's recruits. Builder API, not an
 * edit operation: the journal does not record it (use it to build or load
 * a tree; pbo_edit_add_recruit(), pbo_edit_promote() and pbo_edit_admit()
 * are journaled).
 *
 * Errors: %PBO_ERROR_INVALID (unsupported @info version, a bad id, name,
 * stage or date, a date missing for the stage or given beyond it),
 * %PBO_ERROR_INCONSISTENT (dates out of order), %PBO_ERROR_DUPLICATE_ID,
 * %PBO_ERROR_CONTAINMENT (@branch is not a branch).
 *
 * Builder API (docs/api-stability.md): refused with a g_critical (returns NULL) on a
 * tree with a journal or an open transaction; use pbo_edit_add_recruit() there.
 *
 * Returns: (transfer none) (nullable): the recruit, owned by @tree; NULL
 *   on error. O(1) amortised.
 */
PBO_API PboRecruit *pbo_tree_add_recruit (PboTree              *tree,
                                          PboOrg               *branch,
                                          const PboRecruitInfo *info,
                                          GError              **error);

/**
 * pbo_tree_remove_recruit:
 * @tree: a tree
 * @recruit: (transfer full): a recruit of @tree; invalid afterwards
 *
 * Drops a recruit's record (not journaled). O(recruits of its branch).
 *
 * Builder API (docs/api-stability.md): refused with a g_critical (and does nothing) on a
 * tree with a journal or an open transaction; use pbo_edit_remove_recruit() there.
 */
PBO_API void        pbo_tree_remove_recruit (PboTree *tree, PboRecruit *recruit);

/**
 * pbo_tree_lookup_recruit:
 * @tree: a tree
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the recruit with @id, or NULL. O(1).
 */
PBO_API PboRecruit *pbo_tree_lookup_recruit (const PboTree *tree, const char *id);

/** pbo_tree_get_n_recruits: the number of recruits in @tree. O(1). */
PBO_API guint       pbo_tree_get_n_recruits (const PboTree *tree);

/** pbo_org_get_n_recruits: the number of recruits @org records (0 but for branches). O(1). */
PBO_API guint       pbo_org_get_n_recruits  (const PboOrg *org);

/**
 * pbo_org_get_recruit:
 * @org: an org
 * @index: 0 ≤ @index < pbo_org_get_n_recruits()
 *
 * Returns: (transfer none) (nullable): the @index-th recruit, in record
 *   order, or NULL out of range. O(1).
 */
PBO_API PboRecruit *pbo_org_get_recruit     (const PboOrg *org, guint index);

/** pbo_recruit_get_id: (transfer none): the id. */
PBO_API const char     *pbo_recruit_get_id              (const PboRecruit *recruit);
/** pbo_recruit_get_name: (transfer none): the name. */
PBO_API const char     *pbo_recruit_get_name            (const PboRecruit *recruit);
/** pbo_recruit_get_branch: (transfer none): the branch that records the recruit. */
PBO_API PboOrg         *pbo_recruit_get_branch          (const PboRecruit *recruit);
/** pbo_recruit_get_stage: the stage. */
PBO_API PboRecruitStage pbo_recruit_get_stage           (const PboRecruit *recruit);
/** pbo_recruit_get_applied: the date of application. */
PBO_API PboDate         pbo_recruit_get_applied         (const PboRecruit *recruit);
/** pbo_recruit_get_activist_since: the date of becoming an activist, or %PBO_DATE_NONE. */
PBO_API PboDate         pbo_recruit_get_activist_since  (const PboRecruit *recruit);
/** pbo_recruit_get_candidate_since: the date of becoming a candidate, or %PBO_DATE_NONE. */
PBO_API PboDate         pbo_recruit_get_candidate_since (const PboRecruit *recruit);
/** pbo_recruit_get_gender: the gender, or %PBO_GENDER_NONE. */
PBO_API PboGender       pbo_recruit_get_gender          (const PboRecruit *recruit);
/** pbo_recruit_get_born: the birth date or year, or %PBO_DATE_NONE. */
PBO_API PboDate         pbo_recruit_get_born            (const PboRecruit *recruit);
/** pbo_recruit_get_department: (transfer none) (nullable): the department. */
PBO_API const char     *pbo_recruit_get_department      (const PboRecruit *recruit);

/**
 * pbo_recruit_get_info:
 * @recruit: a recruit
 * @info: (out caller-allocates): filled with the recruit's fields; its
 *   strings are borrowed from the tree (valid until the recruit changes)
 *
 * Fills @info, which must have been initialised (its version is kept).
 */
PBO_API void            pbo_recruit_get_info            (const PboRecruit *recruit,
                                                         PboRecruitInfo   *info);

/**
 * pbo_recruit_eligible_on:
 * @recruit: a recruit
 *
 * The first day on which the recruit may take the next step under the
 * rules: become an activist (an applicant: the day of application, if they
 * were at least %PBO_RECRUIT_MIN_AGE then), a candidate (an activist:
 * %PBO_RECRUIT_ACTIVIST_MONTHS months after becoming one) or a
 * probationary member (a candidate: the day of becoming one, and not
 * before the %PBO_RECRUIT_MIN_AGE-th birthday). The stage's own vote or
 * decision is the branch's business, not this function's.
 *
 * Where the birth date is unknown the age rule cannot be checked and is
 * left out; a birth year alone counts as its 1 January (the reading most
 * favourable to the person).
 *
 * Returns: the date, or %PBO_DATE_NONE for an applicant who applied under
 *   age (no date will do: they apply again) and when the day would fall
 *   after 9999-12-31. O(1).
 */
PBO_API PboDate         pbo_recruit_eligible_on         (const PboRecruit *recruit);

/**
 * pbo_recruits_write_csv:
 * @tree: a tree
 * @root: (nullable): the subtree to list (itself included), NULL for all
 * @on: the date "ready" is judged on; %PBO_DATE_NONE for today
 * @out: the string to append to
 *
 * Appends CSV (UTF-8, LF, RFC 4180 quoting only where needed): the header
 * "branch,id,name,stage,applied,activist-since,candidate-since,next,eligible-on,ready"
 * and one row per recruit in document order; next is "activist",
 * "candidate" or "admission", eligible-on is pbo_recruit_eligible_on()
 * (empty: never), ready is "yes" when that date is on or before @on, "no"
 * before it, "never" when no date will do. O(orgs + recruits).
 */
PBO_API void pbo_recruits_write_csv  (const PboTree *tree, PboOrg *root, PboDate on,
                                      GString *out);

/**
 * pbo_recruits_write_csv_full:
 * @tree: a tree
 * @root: (nullable): the subtree to list, NULL for all
 * @on: as for pbo_recruits_write_csv()
 * @out: the string to append to
 * @flags: %PBO_CSV_WRITE_RAW not to mark formulas
 *
 * pbo_recruits_write_csv() with #PboCsvWriteFlags: that function marks
 * values that would start a formula in a spreadsheet with a `'`;
 * %PBO_CSV_WRITE_RAW writes them as they are. O(orgs + recruits).
 */
PBO_API void pbo_recruits_write_csv_full (const PboTree *tree, PboOrg *root, PboDate on,
                                          GString *out, PboCsvWriteFlags flags);

/**
 * pbo_recruits_write_text:
 * @tree: a tree
 * @root: (nullable): the subtree to list, NULL for all
 * @on: as for pbo_recruits_write_csv()
 * @out: the string to append to
 *
 * The same for people: one line per recruit, "BRANCH ID NAME STAGE (dates):
 * NEXT from DATE, ready|not yet|never", in the language of LC_MESSAGES:
 * each recruit named by its stage (pbo_recruit_stage_to_display_name():
 * 入党申请人, 入党积极分子, 发展对象). O(orgs + recruits).
 */
PBO_API void pbo_recruits_write_text (const PboTree *tree, PboOrg *root, PboDate on,
                                      GString *out);

G_END_DECLS

#endif /* PBO_RECRUIT_H */
