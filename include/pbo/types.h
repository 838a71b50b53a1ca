/* libpbo — handles and enumerations shared by every module.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_TYPES_H
#define PBO_TYPES_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>

G_BEGIN_DECLS

/** PboTree: an opaque tree of organisations; owns every org and member in it. */
typedef struct _PboTree PboTree;
/** PboOrg: an opaque handle to an organisation, owned by its #PboTree. */
typedef struct _PboOrg PboOrg;
/** PboMember: an opaque handle to a Party member, owned by its #PboTree. */
typedef struct _PboMember PboMember;

/**
 * PboOrgKind:
 * @PBO_ORG_NONE: no kind (never stored; returned for unknown spellings)
 * @PBO_ORG_COMMITTEE: 党委 / 党组 / 基层党委 / 机关党委 — "committee"
 * @PBO_ORG_GENERAL_BRANCH: 党总支 — "general-branch"
 * @PBO_ORG_BRANCH: 党支部 / 联合党支部 — "branch"
 * @PBO_ORG_GROUP: 党小组 — "group"
 *
 * The kinds of organisation. Values are part of the ABI.
 */
typedef enum {
  PBO_ORG_NONE = 0,
  PBO_ORG_COMMITTEE,
  PBO_ORG_GENERAL_BRANCH,
  PBO_ORG_BRANCH,
  PBO_ORG_GROUP,
} PboOrgKind;

/**
 * PboStatus:
 * @PBO_STATUS_NONE: unset / unknown spelling
 * @PBO_STATUS_FULL: 正式党员 — "full"
 * @PBO_STATUS_PROBATIONARY: 预备党员 — "probationary"
 *
 * Whether a member is a full or a probationary member.
 */
typedef enum {
  PBO_STATUS_NONE = 0,
  PBO_STATUS_FULL,
  PBO_STATUS_PROBATIONARY,
} PboStatus;

/**
 * PboEmployment:
 * @PBO_EMPLOYMENT_NONE: unset / unknown spelling
 * @PBO_EMPLOYMENT_IN_SERVICE: 在职 — "in-service"
 * @PBO_EMPLOYMENT_RETIRED: 离退休 — "retired"
 *
 * Whether a member is in service or retired.
 */
typedef enum {
  PBO_EMPLOYMENT_NONE = 0,
  PBO_EMPLOYMENT_IN_SERVICE,
  PBO_EMPLOYMENT_RETIRED,
} PboEmployment;

/**
 * PboGender:
 * @PBO_GENDER_NONE: not recorded
 * @PBO_GENDER_MALE: "male"
 * @PBO_GENDER_FEMALE: "female"
 *
 * A member's gender, when recorded.
 */
typedef enum {
  PBO_GENDER_NONE = 0,
  PBO_GENDER_MALE,
  PBO_GENDER_FEMALE,
} PboGender;

/**
 * PboDuesCategory:
 * @PBO_DUES_NONE: not recorded (treated as standard by dues computations)
 * @PBO_DUES_STANDARD: dues from the monthly base — "standard"
 * @PBO_DUES_STUDENT: student — "student"
 * @PBO_DUES_UNEMPLOYED: unemployed — "unemployed"
 * @PBO_DUES_SUBSISTENCE: on subsistence allowance (低保) — "subsistence"
 * @PBO_DUES_FARMER: farmer — "farmer"
 * @PBO_DUES_MOBILE_NO_INCOME: mobile member without fixed income — "mobile-no-income"
 *
 * How a member's monthly dues are set: from the dues base (standard) or a
 * fixed amount (see <pbo/dues.h>).
 */
typedef enum {
  PBO_DUES_NONE = 0,
  PBO_DUES_STANDARD,
  PBO_DUES_STUDENT,
  PBO_DUES_UNEMPLOYED,
  PBO_DUES_SUBSISTENCE,
  PBO_DUES_FARMER,
  PBO_DUES_MOBILE_NO_INCOME,
} PboDuesCategory;

/**
 * PboRole:
 * @PBO_ROLE_NONE: unknown spelling
 * @PBO_ROLE_SECRETARY: 书记 — "secretary"
 * @PBO_ROLE_DEPUTY_SECRETARY: 副书记 — "deputy-secretary"
 * @PBO_ROLE_ORGANIZATION: 组织委员 — "organization"
 * @PBO_ROLE_PROPAGANDA: 宣传委员 — "propaganda"
 * @PBO_ROLE_DISCIPLINE: 纪检委员 — "discipline"
 * @PBO_ROLE_COMMITTEE_MEMBER: 委员 — "committee-member"; the only role an
 *   org may give to several members
 *
 * The offices of an org (its officers' roles).
 */
typedef enum {
  PBO_ROLE_NONE = 0,
  PBO_ROLE_SECRETARY,
  PBO_ROLE_DEPUTY_SECRETARY,
  PBO_ROLE_ORGANIZATION,
  PBO_ROLE_PROPAGANDA,
  PBO_ROLE_DISCIPLINE,
  PBO_ROLE_COMMITTEE_MEMBER,
} PboRole;

/**
 * PboMeetingType:
 * @PBO_MEETING_NONE: unknown spelling
 * @PBO_MEETING_GENERAL_ASSEMBLY: 支部党员大会 — "general-assembly"
 * @PBO_MEETING_COMMITTEE: 支委会 — "committee"
 * @PBO_MEETING_GROUP: 党小组会 — "group"
 * @PBO_MEETING_LECTURE: 党课 — "lecture"
 * @PBO_MEETING_THEME_DAY: 主题党日 — "theme-day"
 * @PBO_MEETING_LIFE_MEETING: 组织生活会 — "life-meeting"
 * @PBO_MEETING_MEMBER_REVIEW: 民主评议党员 — "member-review"
 *
 * The kinds of meeting an org records (三会一课 and organisational life).
 */
typedef enum {
  PBO_MEETING_NONE = 0,
  PBO_MEETING_GENERAL_ASSEMBLY,
  PBO_MEETING_COMMITTEE,
  PBO_MEETING_GROUP,
  PBO_MEETING_LECTURE,
  PBO_MEETING_THEME_DAY,
  PBO_MEETING_LIFE_MEETING,
  PBO_MEETING_MEMBER_REVIEW,
} PboMeetingType;

/**
 * PboCsvWriteFlags:
 * @PBO_CSV_WRITE_DEFAULT: mark formulas (below)
 * @PBO_CSV_WRITE_RAW: write every value as it is
 * @PBO_CSV_WRITE_REDACT: member writers: leave out what identifies a person (below)
 * @PBO_CSV_WRITE_STANDINGS: member writers: the standing columns too (below)
 *
 * How pbo_csv_write_field() (<pbo/csv.h>) and the `_full` CSV writers (for instance
 * pbo_findings_write_csv_full()) write a value. By default a value that
 * begins with `=`, `+`, `-`, `@`, a tab or a CR — what a spreadsheet runs
 * as a formula ("spreadsheet formula injection": `=HYPERLINK(…)`,
 * `=cmd|' /C calc'!A0`) — is written with a `'` before it, which
 * spreadsheets take as "text follows"; so is a value that begins with `'`
 * followed by one of those or by another `'`, so that the importer, which
 * drops such a mark, reads every value back exactly as it was.
 * %PBO_CSV_WRITE_REDACT (since 1.1; only the member writers,
 * pbo_members_write_csv() and pbo_member_write_csv(), look at it) leaves
 * out ID-card numbers and phones and keeps only the birth year.
 * %PBO_CSV_WRITE_STANDINGS (since 1.1; the member writers only) appends
 * the standing columns (`standing`, `standing_since`, `standing_until`,
 * `outflow_to`, `probation_extended_to`); pbo_members_write_csv() sets it
 * itself when pbo_tree_has_standings(), so that the sheets of files
 * without standings keep their columns.
 */
typedef enum {
  PBO_CSV_WRITE_DEFAULT   = 0,
  PBO_CSV_WRITE_RAW       = 1 << 0,
  PBO_CSV_WRITE_REDACT    = 1 << 1,
  PBO_CSV_WRITE_STANDINGS = 1 << 2,
} PboCsvWriteFlags;

/*
 * Spellings. Every enum has the format-v1 spelling shown above; the
 * _to_string functions return a static string (never free it), or NULL for
 * the NONE value and out-of-range values; the _from_string functions take a
 * NUL-terminated spelling and return the NONE value for anything else
 * (matching is exact and case-sensitive). All are O(1) in the number of
 * trees and orgs.
 */

/** pbo_org_kind_to_string: (transfer none): "committee", "general-branch", "branch", "group". */
PBO_API const char      *pbo_org_kind_to_string         (PboOrgKind kind);
/** pbo_org_kind_from_string: the kind spelled @s, or %PBO_ORG_NONE. */
PBO_API PboOrgKind       pbo_org_kind_from_string       (const char *s);
/** pbo_org_kind_to_label: (transfer none): the Chinese label, e.g. "党总支"; NULL for NONE. */
PBO_API const char      *pbo_org_kind_to_label          (PboOrgKind kind);
/** pbo_status_to_string: (transfer none): "full" or "probationary". */
PBO_API const char      *pbo_status_to_string           (PboStatus status);
/** pbo_status_from_string: the status spelled @s, or %PBO_STATUS_NONE. */
PBO_API PboStatus        pbo_status_from_string         (const char *s);
/** pbo_employment_to_string: (transfer none): "in-service" or "retired". */
PBO_API const char      *pbo_employment_to_string       (PboEmployment employment);
/** pbo_employment_from_string: the employment spelled @s, or %PBO_EMPLOYMENT_NONE. */
PBO_API PboEmployment    pbo_employment_from_string     (const char *s);
/** pbo_gender_to_string: (transfer none): "male" or "female". */
PBO_API const char      *pbo_gender_to_string           (PboGender gender);
/** pbo_gender_from_string: the gender spelled @s, or %PBO_GENDER_NONE. */
PBO_API PboGender        pbo_gender_from_string         (const char *s);
/** pbo_dues_category_to_string: (transfer none): "standard", "student", …. */
PBO_API const char      *pbo_dues_category_to_string    (PboDuesCategory category);
/** pbo_dues_category_from_string: the category spelled @s, or %PBO_DUES_NONE. */
PBO_API PboDuesCategory  pbo_dues_category_from_string  (const char *s);
/** pbo_role_to_string: (transfer none): "secretary", "deputy-secretary", …. */
PBO_API const char      *pbo_role_to_string             (PboRole role);
/** pbo_role_from_string: the role spelled @s, or %PBO_ROLE_NONE. */
PBO_API PboRole          pbo_role_from_string           (const char *s);
/** pbo_meeting_type_to_string: (transfer none): "general-assembly", "lecture", …. */
PBO_API const char      *pbo_meeting_type_to_string     (PboMeetingType type);
/** pbo_meeting_type_from_string: the type spelled @s, or %PBO_MEETING_NONE. */
PBO_API PboMeetingType   pbo_meeting_type_from_string   (const char *s);

G_END_DECLS

#endif /* PBO_TYPES_H */
