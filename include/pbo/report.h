/* libpbo — the annual statistics report of an org or a whole tree.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_REPORT_H
#define PBO_REPORT_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>

G_BEGIN_DECLS

/*
 * The report counts the tree as it stands; the report date is the day ages
 * and years of membership are counted at (whole years, as birthdays are).
 *
 * - Orgs by kind: the root of the report included.
 * - Units (单位): every org belongs to the unit named by the nearest
 *   ancestor-or-self with a `unit`; members belong to the unit of the org
 *   that holds them. A unit's head is the first org (in document order)
 *   carrying that unit name, and the unit is counted by the head's kind
 *   (a unit with a primary committee, a general branch, or a single
 *   branch). Units without a branch of their own are listed but not
 *   counted; orgs under no unit form a row with a NULL name.
 * - Age bands: 35 and under, 36–45, 46–55, 56–60, over 60, unknown (no
 *   birth date). A year-only birth date counts from 1 January.
 * - Years of membership (党龄) count from full-since, as the Party
 *   constitution (art. 7) counts them: 5 and under, 6–10, 11–20, 21–30,
 *   31–40, 41–50, over 50; probationary members have none yet.
 */

/**
 * PboReportItem:
 * @PBO_REPORT_NONE: no item
 * @PBO_REPORT_COMMITTEES: committees (orgs section, the root included)
 * @PBO_REPORT_GENERAL_BRANCHES: general branches
 * @PBO_REPORT_BRANCHES: branches
 * @PBO_REPORT_GROUPS: groups
 * @PBO_REPORT_UNITS: units with at least one branch
 * @PBO_REPORT_UNITS_COMMITTEE: …whose head is a committee
 * @PBO_REPORT_UNITS_GENERAL_BRANCH: …whose head is a general branch
 * @PBO_REPORT_UNITS_BRANCH: …whose head is a branch
 * @PBO_REPORT_MEMBERS: all members
 * @PBO_REPORT_FULL: full members
 * @PBO_REPORT_PROBATIONARY: probationary members
 * @PBO_REPORT_IN_SERVICE: members in service
 * @PBO_REPORT_RETIRED: retired members
 * @PBO_REPORT_MALE: men
 * @PBO_REPORT_FEMALE: women
 * @PBO_REPORT_GENDER_UNKNOWN: gender not recorded
 * @PBO_REPORT_AGE_35_AND_UNDER: aged 35 and under
 * @PBO_REPORT_AGE_36_45: aged 36–45
 * @PBO_REPORT_AGE_46_55: aged 46–55
 * @PBO_REPORT_AGE_56_60: aged 56–60
 * @PBO_REPORT_AGE_OVER_60: aged over 60
 * @PBO_REPORT_AGE_UNKNOWN: birth date not recorded
 * @PBO_REPORT_PARTY_AGE_5_AND_UNDER: full members for 5 years and under
 * @PBO_REPORT_PARTY_AGE_6_10: 6–10 years
 * @PBO_REPORT_PARTY_AGE_11_20: 11–20 years
 * @PBO_REPORT_PARTY_AGE_21_30: 21–30 years
 * @PBO_REPORT_PARTY_AGE_31_40: 31–40 years
 * @PBO_REPORT_PARTY_AGE_41_50: 41–50 years
 * @PBO_REPORT_PARTY_AGE_OVER_50: over 50 years
 * @PBO_REPORT_PARTY_AGE_NONE: probationary members (no Party age yet)
 * @PBO_REPORT_EDUCATION_UNKNOWN: education not recorded (the recorded
 *   values are listed by pbo_report_get_education())
 * @PBO_REPORT_LOST_CONTACT: members out of contact (失联; 1.1)
 * @PBO_REPORT_SUSPENDED: members suspended (停止党籍; 1.1)
 * @PBO_REPORT_ABROAD: members abroad (出国（境）; 1.1)
 * @PBO_REPORT_OUTFLOW: members away with their relation kept (流出; 1.1)
 * @PBO_REPORT_DISCIPLINARY_PROBATION: members in 留党察看 (1.1)
 *
 * The standing items are written (text and CSV) only when one of them
 * counts a member, so that the reports of files without standings stay
 * as they were.
 *
 * The counted items of a report. Values are part of the ABI; new items are
 * appended.
 */
typedef enum {
  PBO_REPORT_NONE = 0,
  PBO_REPORT_COMMITTEES,
  PBO_REPORT_GENERAL_BRANCHES,
  PBO_REPORT_BRANCHES,
  PBO_REPORT_GROUPS,
  PBO_REPORT_UNITS,
  PBO_REPORT_UNITS_COMMITTEE,
  PBO_REPORT_UNITS_GENERAL_BRANCH,
  PBO_REPORT_UNITS_BRANCH,
  PBO_REPORT_MEMBERS,
  PBO_REPORT_FULL,
  PBO_REPORT_PROBATIONARY,
  PBO_REPORT_IN_SERVICE,
  PBO_REPORT_RETIRED,
  PBO_REPORT_MALE,
  PBO_REPORT_FEMALE,
  PBO_REPORT_GENDER_UNKNOWN,
  PBO_REPORT_AGE_35_AND_UNDER,
  PBO_REPORT_AGE_36_45,
  PBO_REPORT_AGE_46_55,
  PBO_REPORT_AGE_56_60,
  PBO_REPORT_AGE_OVER_60,
  PBO_REPORT_AGE_UNKNOWN,
  PBO_REPORT_PARTY_AGE_5_AND_UNDER,
  PBO_REPORT_PARTY_AGE_6_10,
  PBO_REPORT_PARTY_AGE_11_20,
  PBO_REPORT_PARTY_AGE_21_30,
  PBO_REPORT_PARTY_AGE_31_40,
  PBO_REPORT_PARTY_AGE_41_50,
  PBO_REPORT_PARTY_AGE_OVER_50,
  PBO_REPORT_PARTY_AGE_NONE,
  PBO_REPORT_EDUCATION_UNKNOWN,
  PBO_REPORT_LOST_CONTACT,
  PBO_REPORT_SUSPENDED,
  PBO_REPORT_ABROAD,
  PBO_REPORT_OUTFLOW,
  PBO_REPORT_DISCIPLINARY_PROBATION,
} PboReportItem;

/**
 * pbo_report_item_get_section:
 * @item: an item
 *
 * Returns: (transfer none) (nullable): the item's section as the CSV
 *   writer spells it ("orgs", "units", "status", "employment", "gender",
 *   "age", "party-age", "education"); NULL for NONE and unknown values.
 */
PBO_API const char *pbo_report_item_get_section (PboReportItem item);

/**
 * pbo_report_item_get_key:
 * @item: an item
 *
 * Returns: (transfer none) (nullable): the item's key inside its section,
 *   e.g. "general-branch", "in-service", "36-45", "over-50", "unknown";
 *   NULL for NONE and unknown values.
 */
PBO_API const char *pbo_report_item_get_key (PboReportItem item);

/**
 * PboReportUnit:
 * @name: (nullable): the unit name, NULL for the orgs under no unit
 * @head: (nullable): the first org carrying the name (borrowed from the
 *   tree); NULL for the no-unit row
 * @kind: the kind of @head, %PBO_ORG_NONE for the no-unit row
 * @branches: branches of the unit
 * @members: members of the unit
 * @full: full members
 * @probationary: probationary members
 * @in_service: members in service
 * @retired: retired members
 *
 * One row of the per-unit breakdown. Read-only, owned by the report; new
 * fields are only appended.
 */
typedef struct {
  const char *name;
  PboOrg     *head;
  PboOrgKind  kind;
  guint       branches;
  guint       members;
  guint       full;
  guint       probationary;
  guint       in_service;
  guint       retired;
} PboReportUnit;

/** PboReport: an opaque statistics report. */
typedef struct _PboReport PboReport;

/**
 * pbo_report_new:
 * @tree: a tree
 * @root: (nullable): the org to report on (its subtree), NULL for the whole tree
 * @on: the report date, a full date; %PBO_DATE_NONE for today
 * @error: return location for a %PBO_ERROR_INVALID error (@on is not a
 *   full date)
 *
 * Returns: (transfer full) (nullable): the report, freed with
 *   pbo_report_free(), or NULL on error. It holds copies of every string
 *   but refers to unit heads by borrowed handles, valid until the tree
 *   changes. O(orgs + members).
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT
PboReport *pbo_report_new (const PboTree *tree, PboOrg *root, PboDate on, GError **error);

/** pbo_report_free: frees @report (NULL is allowed). */
PBO_API void pbo_report_free (PboReport *report);

/** pbo_report_get_date: the report date. */
PBO_API PboDate pbo_report_get_date (const PboReport *report);

/**
 * pbo_report_get:
 * @report: a report
 * @item: an item
 *
 * Returns: the count of @item; 0 for NONE and unknown items.
 */
PBO_API guint pbo_report_get (const PboReport *report, PboReportItem item);

/** pbo_report_get_n_educations: the number of distinct recorded education values. */
PBO_API guint pbo_report_get_n_educations (const PboReport *report);

/**
 * pbo_report_get_education:
 * @report: a report
 * @index: 0 ≤ @index < pbo_report_get_n_educations(); in order of first
 *   appearance in the document
 * @count: (out) (optional): the members with that education
 *
 * Returns: (transfer none) (nullable): the education value (owned by the
 *   report), or NULL if out of range.
 */
PBO_API const char *pbo_report_get_education (const PboReport *report, guint index, guint *count);

/** pbo_report_get_n_units: the number of unit rows (the no-unit row included). */
PBO_API guint pbo_report_get_n_units (const PboReport *report);

/**
 * pbo_report_get_unit:
 * @report: a report
 * @index: a unit row, in order of first appearance in the document
 *
 * Returns: (transfer none) (nullable): the row, owned by the report; NULL
 *   if out of range.
 */
PBO_API const PboReportUnit *pbo_report_get_unit (const PboReport *report, guint index);

/**
 * pbo_report_write_text:
 * @report: a report
 * @out: the string to append to
 *
 * Appends the table for people: one line per section, then the units; in
 * the language of LC_MESSAGES (the CSV keeps the English keys).
 */
PBO_API void pbo_report_write_text (const PboReport *report, GString *out);

/**
 * pbo_report_write_csv:
 * @report: a report
 * @out: the string to append to
 *
 * Appends CSV: the header "section,item,count", one row per item (every
 * item, zeros included, in enum order, the recorded education values
 * before "education,unknown").
 */
PBO_API void pbo_report_write_csv (const PboReport *report, GString *out);

/**
 * pbo_report_write_csv_full:
 * @report: a report
 * @out: the string to append to
 * @flags: %PBO_CSV_WRITE_RAW not to mark formulas
 *
 * pbo_report_write_csv() with #PboCsvWriteFlags: that function marks values that would
 * start a formula in a spreadsheet with a `'`; %PBO_CSV_WRITE_RAW writes
 * them as they are.
 */
PBO_API void pbo_report_write_csv_full (const PboReport *report, GString *out,
                                        PboCsvWriteFlags flags);

/**
 * pbo_report_write_units_csv:
 * @report: a report
 * @out: the string to append to
 *
 * Appends CSV: the header "unit,kind,head,branches,members,full,
 * probationary,in-service,retired", then one row per unit.
 */
PBO_API void pbo_report_write_units_csv (const PboReport *report, GString *out);

/**
 * pbo_report_write_units_csv_full:
 * @report: a report
 * @out: the string to append to
 * @flags: %PBO_CSV_WRITE_RAW not to mark formulas
 *
 * pbo_report_write_units_csv() with #PboCsvWriteFlags: that function marks values that would
 * start a formula in a spreadsheet with a `'`; %PBO_CSV_WRITE_RAW writes
 * them as they are.
 */
PBO_API void pbo_report_write_units_csv_full (const PboReport *report, GString *out,
                                              PboCsvWriteFlags flags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PboReport, pbo_report_free)

G_END_DECLS

#endif /* PBO_REPORT_H */
