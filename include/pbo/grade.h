/* libpbo — grading branches (分类定级) from their recorded facts.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_GRADE_H
#define PBO_GRADE_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>
#include <pbo/rules.h>

G_BEGIN_DECLS

/*
 * Grading (分类定级)
 * ------------------
 * Seed 003 asks branches to be graded against standards. libpbo grades a
 * branch for a year on criteria it can judge from the file, each one a set
 * of pbo_check() rules run over that year (the meetings from 1 January to
 * 31 December, the rest on 31 December) plus, for the minutes, a share of
 * complete records:
 *
 *   meetings   三会一课 held as required: no PBO-L001…L007 finding
 *   minutes    at least @minutes_percent of the meetings held that year
 *              have complete minutes (pbo_org_get_meeting_minutes_missing())
 *   plan       an annual work plan for the year (no PBO-W001; judged even
 *              where the file keeps no plans)
 *   committee  the committee the branch needs, of full members: no
 *              PBO-B002, B003 or O001 finding
 *   term       the term current: no PBO-T001 finding
 *   elections  the last election valid: no PBO-N001 or N002 finding
 *
 * The grade follows from the number of criteria failed: none → advanced
 * (先进), up to @good_max_failed → good (较好), up to @fair_max_failed →
 * fair (一般), more → weak (后进). The thresholds are local practice:
 * grading standards are set by each higher Party organisation.
 */

/**
 * PboGrade:
 * @PBO_GRADE_NONE: not graded
 * @PBO_GRADE_ADVANCED: "advanced" (先进): every criterion met
 * @PBO_GRADE_GOOD: "good" (较好)
 * @PBO_GRADE_FAIR: "fair" (一般)
 * @PBO_GRADE_WEAK: "weak" (后进)
 *
 * The grades of pbo_grade_branch(), best first.
 */
typedef enum {
  PBO_GRADE_NONE = 0,
  PBO_GRADE_ADVANCED,
  PBO_GRADE_GOOD,
  PBO_GRADE_FAIR,
  PBO_GRADE_WEAK,
} PboGrade;

/** pbo_grade_to_string: the spelling of @grade ("advanced", …), or NULL for NONE. */
PBO_API const char *pbo_grade_to_string (PboGrade grade);

/** pbo_grade_get_n_criteria: the number of grading criteria. */
PBO_API guint pbo_grade_get_n_criteria (void);

/**
 * pbo_grade_get_criterion:
 * @index: 0 ≤ @index < pbo_grade_get_n_criteria(); criterion @index is bit
 *   `1 << index` of pbo_grade_branch()'s @failed
 * @rules: (out) (optional) (transfer none): the rule codes it stands on,
 *   space-separated ("" for the minutes share)
 *
 * Returns: (transfer none) (nullable): the criterion's name ("meetings",
 *   "minutes", "plan", "committee", "term", "elections"), static; NULL
 *   past the end.
 */
PBO_API const char *pbo_grade_get_criterion (guint index, const char **rules);

/** PBO_GRADE_OPTIONS_VERSION: the current version of #PboGradeOptions. */
#define PBO_GRADE_OPTIONS_VERSION 1

/**
 * PboGradeOptions:
 * @version: %PBO_GRADE_OPTIONS_VERSION
 * @year: the year graded; 0 for the year before today's
 * @minutes_percent: the least share of complete minutes (80)
 * @good_max_failed: the most criteria failed for "good" (1)
 * @fair_max_failed: the most criteria failed for "fair" (2)
 * @check: (nullable): the thresholds of the rules the criteria run, or
 *   NULL for the defaults (its dates are replaced by the year's)
 *
 * Options of pbo_grade_branch(). Initialise with %PBO_GRADE_OPTIONS_INIT or
 * pbo_grade_options_init(); fields are only appended.
 */
typedef struct {
  unsigned int           version;
  guint                  year;
  guint                  minutes_percent;
  guint                  good_max_failed;
  guint                  fair_max_failed;
  const PboCheckOptions *check;
} PboGradeOptions;

/** PBO_GRADE_OPTIONS_INIT: the initializer of #PboGradeOptions with the defaults. */
#define PBO_GRADE_OPTIONS_INIT { PBO_GRADE_OPTIONS_VERSION, 0, 80, 1, 2, NULL }

/**
 * pbo_grade_options_init:
 * @options: (out caller-allocates): the struct to initialise
 * @version: %PBO_GRADE_OPTIONS_VERSION
 *
 * Returns: %TRUE, or %FALSE for an unknown @version.
 */
PBO_API gboolean pbo_grade_options_init (PboGradeOptions *options, unsigned int version);

/**
 * pbo_grade_branch:
 * @branch: a branch
 * @options: (nullable): the options, NULL for the defaults
 * @failed: (out) (optional): the criteria failed, bit `1 << index` of
 *   pbo_grade_get_criterion()
 * @error: return location for an error
 *
 * Grades @branch for the year (see the top of this header).
 *
 * Errors: %PBO_ERROR_INVALID for bad options (a year outside 1900–2999,
 * a percentage over 100, @fair_max_failed under @good_max_failed).
 *
 * Returns: the grade, or %PBO_GRADE_NONE on error (and for an org that is
 *   not a branch). O(the branch's members and meetings).
 */
PBO_API PboGrade pbo_grade_branch (const PboOrg          *branch,
                                   const PboGradeOptions *options,
                                   guint                 *failed,
                                   GError               **error);

G_END_DECLS

#endif /* PBO_GRADE_H */
