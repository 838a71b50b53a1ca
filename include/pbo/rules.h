/* libpbo — compliance rules: findings about orgs and members.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_RULES_H
#define PBO_RULES_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>
#include <pbo/meetings.h>

G_BEGIN_DECLS

/*
 * The rules are a table: each has a stable code ("PBO-B001") that is never
 * reused for another rule, a default severity, a title, a default threshold
 * and the document and article it comes from. docs/rules.md lists them all
 * and says which numbers are local practice rather than national rule.
 * pbo_check() runs the enabled rules over a tree or a subtree and returns
 * the findings, sorted by org in document order, then by code, then by
 * member in document order.
 *
 * Load errors are not findings: what makes a file invalid (nesting, unknown
 * ids, full-since before joined, …) never reaches the rules (DESIGN §9).
 */

/**
 * PboSeverity:
 * @PBO_SEVERITY_NONE: no severity (never in a finding)
 * @PBO_SEVERITY_INFO: worth knowing; allowed with the approval of the
 *   higher organisation or a matter of judgement — "info"
 * @PBO_SEVERITY_WARNING: departs from a rule that says "normally" (一般),
 *   or looks like a data error — "warning"
 * @PBO_SEVERITY_ERROR: breaks a rule that says "shall" (应当) — "error";
 *   the CLI exits 1 when there is one
 *
 * Severities; a higher value is more severe. Values are part of the ABI.
 */
typedef enum {
  PBO_SEVERITY_NONE = 0,
  PBO_SEVERITY_INFO,
  PBO_SEVERITY_WARNING,
  PBO_SEVERITY_ERROR,
} PboSeverity;

/** pbo_severity_to_string: (transfer none): "info", "warning", "error"; NULL for NONE. */
PBO_API const char *pbo_severity_to_string   (PboSeverity severity);
/** pbo_severity_from_string: the severity spelled @s, or %PBO_SEVERITY_NONE. */
PBO_API PboSeverity pbo_severity_from_string (const char *s);

/**
 * PboRule:
 * @PBO_RULE_NONE: no rule
 * @PBO_RULE_BRANCH_FEW_FULL: PBO-B001, a branch with fewer than 3 full members
 * @PBO_RULE_BRANCH_NO_COMMITTEE: PBO-B002, a branch with 7 or more full
 *   members and no committee
 * @PBO_RULE_BRANCH_COMMITTEE_LARGE: PBO-B003, a branch committee of more than 7
 * @PBO_RULE_BRANCH_LARGE: PBO-B004, a branch of more than 50 members
 * @PBO_RULE_GENERAL_BRANCH_SIZE: PBO-G001, a general branch outside 50–100 members
 * @PBO_RULE_COMMITTEE_SMALL: PBO-C001, a primary committee under 100 members
 * @PBO_RULE_OFFICER_NOT_FULL: PBO-O001, an officer who is not a full member
 * @PBO_RULE_OFFICER_BEFORE_FOUNDING: PBO-O002, an appointment before the
 *   org's founding date
 * @PBO_RULE_TERM_EXPIRED: PBO-T001, the term has ended
 * @PBO_RULE_TERM_EXPIRING: PBO-T002, the term ends within the warning days
 * @PBO_RULE_PROBATION_OVERDUE: PBO-P001, probation past 1 year, not converted
 * @PBO_RULE_PROBATION_EXCEEDED: PBO-P002, probation past the 1-year maximum
 *   extension, not converted
 * @PBO_RULE_ID_CARD: PBO-M001, an ID-card number that fails the GB 11643 check
 * @PBO_RULE_MEETING_GENERAL_ASSEMBLY: PBO-L001, general assemblies missing
 * @PBO_RULE_MEETING_COMMITTEE: PBO-L002, committee meetings missing
 * @PBO_RULE_MEETING_GROUP: PBO-L003, group meetings missing
 * @PBO_RULE_MEETING_LECTURE: PBO-L004, lectures missing
 * @PBO_RULE_MEETING_THEME_DAY: PBO-L005, theme days missing
 * @PBO_RULE_MEETING_LIFE_MEETING: PBO-L006, life meeting missing
 * @PBO_RULE_MEETING_MEMBER_REVIEW: PBO-L007, member review missing
 * @PBO_RULE_RECRUIT_UNDER_AGE: PBO-R001, a recruit who applied before 18
 * @PBO_RULE_CANDIDATE_UNTRAINED: PBO-R002, a candidate after less than a
 *   year as an activist
 * @PBO_RULE_MEMBER_UNDER_AGE: PBO-R003, a member who joined before 18
 * @PBO_RULE_DUES_UNPAID: PBO-D001, months in a row without dues (1.1)
 * @PBO_RULE_TRAINING_MEMBER: PBO-E001, a member's training hours short (1.1)
 * @PBO_RULE_TRAINING_OFFICER: PBO-E002, an officer's training hours short (1.1)
 * @PBO_RULE_NO_EVALUATION: PBO-V001, no 民主评议 result for the last year (1.1)
 * @PBO_RULE_LOST_CONTACT: PBO-S001, out of contact 6 months or more (1.1)
 * @PBO_RULE_OUTFLOW_LONG: PBO-S002, away (流出) 6 months or more (1.1)
 * @PBO_RULE_LETTER_NO_RECEIPT: PBO-X001, a transfer letter past its validity
 *   without a receipt (1.1)
 * @PBO_RULE_SECRETARY_PARTY_AGE: PBO-O003, a secretary with under a year of
 *   党龄 (1.1)
 * @PBO_RULE_ELECTION_QUORUM: PBO-N001, the last election's vote without its
 *   quorum (1.1)
 * @PBO_RULE_ELECTION_MARGIN: PBO-N002, a committee elected without enough
 *   more candidates than seats (差额, 1.1)
 * @PBO_RULE_WORK_PLAN_MISSING: PBO-W001, a branch without an annual work
 *   plan for the year (1.1)
 *
 * The rules. Values are part of the ABI and never reused; new rules are
 * appended. Use PBO_RULE_BIT() to disable one in #PboCheckOptions.
 */
typedef enum {
  PBO_RULE_NONE = 0,
  PBO_RULE_BRANCH_FEW_FULL,
  PBO_RULE_BRANCH_NO_COMMITTEE,
  PBO_RULE_BRANCH_COMMITTEE_LARGE,
  PBO_RULE_BRANCH_LARGE,
  PBO_RULE_GENERAL_BRANCH_SIZE,
  PBO_RULE_COMMITTEE_SMALL,
  PBO_RULE_OFFICER_NOT_FULL,
  PBO_RULE_OFFICER_BEFORE_FOUNDING,
  PBO_RULE_TERM_EXPIRED,
  PBO_RULE_TERM_EXPIRING,
  PBO_RULE_PROBATION_OVERDUE,
  PBO_RULE_PROBATION_EXCEEDED,
  PBO_RULE_ID_CARD,
  PBO_RULE_MEETING_GENERAL_ASSEMBLY,
  PBO_RULE_MEETING_COMMITTEE,
  PBO_RULE_MEETING_GROUP,
  PBO_RULE_MEETING_LECTURE,
  PBO_RULE_MEETING_THEME_DAY,
  PBO_RULE_MEETING_LIFE_MEETING,
  PBO_RULE_MEETING_MEMBER_REVIEW,
  PBO_RULE_RECRUIT_UNDER_AGE,
  PBO_RULE_CANDIDATE_UNTRAINED,
  PBO_RULE_MEMBER_UNDER_AGE,
  PBO_RULE_DUES_UNPAID,
  PBO_RULE_TRAINING_MEMBER,
  PBO_RULE_TRAINING_OFFICER,
  PBO_RULE_NO_EVALUATION,
  PBO_RULE_LOST_CONTACT,
  PBO_RULE_OUTFLOW_LONG,
  PBO_RULE_LETTER_NO_RECEIPT,
  PBO_RULE_SECRETARY_PARTY_AGE,
  PBO_RULE_ELECTION_QUORUM,
  PBO_RULE_ELECTION_MARGIN,
  PBO_RULE_WORK_PLAN_MISSING,
} PboRule;

/** PBO_RULE_BIT: the bit of @rule in #PboCheckOptions.disabled. */
#define PBO_RULE_BIT(rule) (G_GUINT64_CONSTANT (1) << (rule))

/**
 * PboRuleInfo:
 * @rule: the rule
 * @code: the stable code, e.g. "PBO-B001"
 * @severity: the default severity of its findings
 * @title: a one-line English title
 * @threshold: the default threshold in words, e.g. "fewer than 3 full members"
 * @source: the document and article, e.g. "中国共产党支部工作条例(试行) 2018, art. 4";
 *   "(local practice)" marks numbers that are not national rule
 *
 * A row of the rule table: static data owned by libpbo (never free it).
 * New fields are only appended.
 */
typedef struct {
  PboRule     rule;
  const char *code;
  PboSeverity severity;
  const char *title;
  const char *threshold;
  const char *source;
} PboRuleInfo;

/** pbo_rules_get_n: the number of rules in the table. */
PBO_API guint pbo_rules_get_n (void);

/**
 * pbo_rules_get:
 * @index: 0 ≤ @index < pbo_rules_get_n(); the table is sorted by code
 *
 * Returns: (transfer none) (nullable): the rule, static; NULL if out of range.
 */
PBO_API const PboRuleInfo *pbo_rules_get (guint index);

/**
 * pbo_rule_lookup:
 * @code: a rule code such as "PBO-B004" (exact, case-sensitive)
 *
 * Returns: (transfer none) (nullable): the rule with that code, or NULL. O(rules).
 */
PBO_API const PboRuleInfo *pbo_rule_lookup (const char *code);

/** PBO_CHECK_OPTIONS_VERSION: the current version of #PboCheckOptions. */
#define PBO_CHECK_OPTIONS_VERSION 3

/**
 * PboCheckOptions:
 * @version: %PBO_CHECK_OPTIONS_VERSION
 * @on: the check date; %PBO_DATE_NONE for today
 * @from: the first day of the period meetings are judged over;
 *   %PBO_DATE_NONE for the 12 months ending on @to
 * @to: the last day of that period; %PBO_DATE_NONE for @on
 * @disabled: rules not to run, as PBO_RULE_BIT() bits
 * @branch_min_full: B001 — fewer full members than this is a finding (3)
 * @branch_committee_full: B002 — from this many full members a branch
 *   needs a committee (7)
 * @committee_min_officers: B002, L002 — a committee is a secretary and
 *   officers making at least this many distinct members in all (3)
 * @branch_committee_max: B003 — more distinct officer members than this (7)
 * @branch_max_members: B004 — more members than this (50)
 * @general_branch_min_members: G001 — fewer members than this (50)
 * @general_branch_max_members: G001 — more members than this (100)
 * @committee_min_members: C001 — fewer members than this (100)
 * @term_years_branch: T001/T002 — the term of branches and general
 *   branches whose term-years is unset (3)
 * @term_years_committee: the same for committees (5)
 * @term_warning_days: T002 — warn this many days before a term ends (180)
 * @probation_months: P001 — the probation period (12)
 * @probation_extension_months: P002 — the longest extension (12)
 * @meeting_interval_months: L001–L007 — the interval per #PboMeetingType,
 *   as in #PboMeetingOptions (%PBO_MEETING_INTERVALS_DEFAULT); only the
 *   first %PBO_MEETING_TYPE_SLOTS types fit: set intervals with
 *   pbo_check_options_set_interval(), which also reaches the types added
 *   later
 * @min_age: R001, R003 — the least age on applying and on joining (18)
 * @activist_months: R002 — the least time as an activist before becoming a
 *   candidate (12)
 * @dues_unpaid_months: D001 — this many months in a row without a payment
 *   (6; only for trees that keep a dues ledger; version 3)
 * @training_hours_member: E001 — fewer training hours a year than this (32;
 *   version 3)
 * @training_hours_officer: E002 — the same for secretaries and committee
 *   members, every officer (56; version 3)
 * @lost_contact_months: S001 — out of contact this long (6; version 3)
 * @outflow_months: S002 — away this long (6; version 3)
 * @secretary_party_months: O003 — the least 党龄 of a secretary (12; version 3)
 * @election_quorum_percent: N001 — an election is valid only when more
 *   than this percentage of the members entitled to vote voted (80: more
 *   than four fifths; version 3)
 * @election_margin_percent: N002 — a committee election (more than one
 *   seat) needs at least this percentage more candidates than seats (20;
 *   version 3)
 * @work_plan_year: W001 — the year whose annual work plan each branch must
 *   have; 0 for the year of @on (version 3)
 *
 * Options of pbo_check(). Initialise with %PBO_CHECK_OPTIONS_INIT (the
 * defaults in brackets above); fields are only appended in later versions.
 * Version 2 (1.1) appends private room for the intervals of meeting types
 * beyond the array; version 3 (1.1) the thresholds of the member-record,
 * lifecycle and work-record rules. An older struct is still accepted and
 * gets the defaults for everything newer.
 */
typedef struct {
  unsigned int version;
  PboDate      on;
  PboDate      from;
  PboDate      to;
  guint64      disabled;
  guint        branch_min_full;
  guint        branch_committee_full;
  guint        committee_min_officers;
  guint        branch_committee_max;
  guint        branch_max_members;
  guint        general_branch_min_members;
  guint        general_branch_max_members;
  guint        committee_min_members;
  guint        term_years_branch;
  guint        term_years_committee;
  guint        term_warning_days;
  guint        probation_months;
  guint        probation_extension_months;
  guint        meeting_interval_months[PBO_MEETING_TYPE_SLOTS];
  guint        min_age;
  guint        activist_months;
  /*< private >*/
  guint        meeting_interval_more_[24];
  /*< public >*/
  guint        dues_unpaid_months;
  guint        training_hours_member;
  guint        training_hours_officer;
  guint        lost_contact_months;
  guint        outflow_months;
  guint        secretary_party_months;
  guint        election_quorum_percent;
  guint        election_margin_percent;
  guint        work_plan_year;
} PboCheckOptions;

/** PBO_CHECK_OPTIONS_INIT: the initializer of #PboCheckOptions with the default thresholds. */
#define PBO_CHECK_OPTIONS_INIT { PBO_CHECK_OPTIONS_VERSION, PBO_DATE_NONE, PBO_DATE_NONE,    \
    PBO_DATE_NONE, 0, 3, 7, 3, 7, 50, 50, 100, 100, 3, 5, 180, 12, 12,                    \
    PBO_MEETING_INTERVALS_DEFAULT, 18, 12, { 0 }, 6, 32, 56, 6, 6, 12, 80, 20, 0 }

/**
 * pbo_check_options_init:
 * @options: (out caller-allocates): the struct to initialise
 * @version: %PBO_CHECK_OPTIONS_VERSION
 *
 * Initialises @options as %PBO_CHECK_OPTIONS_INIT does, for bindings.
 *
 * Returns: %TRUE if @version is supported.
 */
PBO_API gboolean pbo_check_options_init (PboCheckOptions *options, unsigned int version);

/**
 * pbo_check_options_set_enabled:
 * @options: the options
 * @code: a rule code, e.g. "PBO-L004"
 * @enabled: whether the rule runs
 *
 * Returns: %TRUE if @code names a rule; %FALSE (and nothing changed) otherwise.
 */
PBO_API gboolean pbo_check_options_set_enabled (PboCheckOptions *options,
                                                const char      *code,
                                                gboolean         enabled);

/**
 * pbo_check_options_set_interval:
 * @options: options of version 2 or later for a type beyond
 *   %PBO_MEETING_TYPE_SLOTS; any version otherwise
 * @type: a meeting type other than %PBO_MEETING_NONE, including types added
 *   after the @meeting_interval_months array was full
 * @months: the interval L001–L007 require, at most
 *   %PBO_MEETING_INTERVAL_MAX; 0 makes the type not required
 *
 * Sets the interval of one meeting type, wherever @options keeps it.
 *
 * Returns: %TRUE on success; %FALSE, changing nothing, when @months is over
 *   the maximum, @type is not one this library knows or @options is too old
 *   to hold it.
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_check_options_set_interval (PboCheckOptions *options,
                                                 PboMeetingType   type,
                                                 guint            months);

/**
 * pbo_check_options_get_interval:
 * @options: options
 * @type: a meeting type
 *
 * Returns: the interval of @type in months as pbo_check() applies it (the
 *   type's default when @options is too old to hold it); 0 for
 *   %PBO_MEETING_NONE and types this library does not know.
 *
 * Since: 1.1
 */
PBO_API guint pbo_check_options_get_interval (const PboCheckOptions *options,
                                              PboMeetingType         type);

/**
 * PboFinding:
 * @rule: the rule that found it (static)
 * @code: the rule's code (static)
 * @severity: the severity
 * @org: (transfer none): the org concerned; for a finding about a member,
 *   the branch or group holding the member. Borrowed from the tree: valid
 *   until the tree changes.
 * @member: (transfer none) (nullable): the member concerned, or NULL; borrowed
 * @org_id: the id of @org (owned by the findings; valid while they live)
 * @member_id: (nullable): the id of @member, or of the recruit concerned
 *   (PBO-R001, PBO-R002: @member is then NULL), or NULL (owned by the findings)
 * @message: the message for people, naming the org or member id (owned by
 *   the findings); its language is below
 *
 * One finding. Instances are read-only and owned by their #PboFindings;
 * new fields are only appended.
 *
 * The language of @message is that of the process's LC_MESSAGES (or
 * LANGUAGE) *when pbo_check() runs*, through libpbo's gettext domain
 * "libpbo" (docs/i18n.md): Simplified Chinese under `zh_CN.UTF-8`, English
 * in the C locale or when there is no catalogue for the language — and in a
 * program that never called `setlocale (LC_ALL, "")`, which libpbo never
 * does for it. Kinds, roles and meeting types in it are display names
 * (pbo_org_kind_to_display_name(), …), never format-v1 spellings. A program
 * chooses the language with setlocale() (and `LANGUAGE`) before the check,
 * or ignores @message and builds its own text from @code, @severity,
 * @org_id and @member_id with a table of its own: @code is the stable
 * interface, the text is not. The severity word of
 * pbo_findings_write_text() follows the same locale
 * (pbo_severity_to_display_name()); @rule's @title, @threshold and @source
 * stay as the rule table has them.
 */
typedef struct {
  const PboRuleInfo *rule;
  const char        *code;
  PboSeverity        severity;
  PboOrg            *org;
  PboMember         *member;
  const char        *org_id;
  const char        *member_id;
  const char        *message;
} PboFinding;

/** PboFindings: an opaque, immutable list of findings. */
typedef struct _PboFindings PboFindings;

/**
 * pbo_check:
 * @tree: a tree
 * @root: (nullable): the subtree to check (itself included), NULL for the
 *   whole tree
 * @options: (nullable): the options, NULL for the defaults (checked today)
 * @error: return location for a %PBO_ERROR_INVALID error: unsupported
 *   options version, a date that is not a full date, a period that starts
 *   after it ends, a meeting interval over %PBO_MEETING_INTERVAL_MAX
 *
 * Runs every enabled rule over the orgs and members of the subtree.
 *
 * Returns: (transfer full) (nullable): the findings (possibly none), freed
 *   with pbo_findings_free(), or NULL on error. O(orgs × officers +
 *   members + meetings).
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT
PboFindings *pbo_check (const PboTree         *tree,
                        PboOrg                *root,
                        const PboCheckOptions *options,
                        GError               **error);

/** pbo_findings_free: frees @findings and every string in it (NULL is allowed). */
PBO_API void pbo_findings_free (PboFindings *findings);

/** pbo_findings_get_n: the number of findings. */
PBO_API guint pbo_findings_get_n (const PboFindings *findings);

/**
 * pbo_findings_get:
 * @findings: findings
 * @index: 0 ≤ @index < pbo_findings_get_n()
 *
 * Returns: (transfer none) (nullable): the finding, owned by @findings and
 *   valid until it is freed; NULL if out of range.
 */
PBO_API const PboFinding *pbo_findings_get (const PboFindings *findings, guint index);

/**
 * pbo_findings_count:
 * @findings: findings
 * @severity: the least severity counted
 *
 * Returns: the number of findings of @severity or more severe. O(findings).
 */
PBO_API guint pbo_findings_count (const PboFindings *findings, PboSeverity severity);

/** pbo_findings_get_check_date: the check date used (today when none was given). */
PBO_API PboDate pbo_findings_get_check_date (const PboFindings *findings);

/**
 * pbo_findings_write_text:
 * @findings: findings
 * @out: the string to append to
 *
 * Appends one line per finding, for people:
 * "ORG[/MEMBER]: SEVERITY CODE: MESSAGE [SOURCE]", SEVERITY in the reader's
 * language ("警告", "错误" under zh_CN: pbo_severity_to_display_name()). The
 * CSV writers keep "warning", "error".
 */
PBO_API void pbo_findings_write_text (const PboFindings *findings, GString *out);

/**
 * pbo_findings_write_csv:
 * @findings: findings
 * @out: the string to append to
 *
 * Appends CSV (UTF-8, LF, RFC 4180 quoting only where needed): the header
 * "severity,code,org,member,message,source", then one row per finding.
 */
PBO_API void pbo_findings_write_csv (const PboFindings *findings, GString *out);

/**
 * pbo_findings_write_csv_full:
 * @findings: findings
 * @out: the string to append to
 * @flags: %PBO_CSV_WRITE_RAW not to mark formulas
 *
 * pbo_findings_write_csv() with #PboCsvWriteFlags: that function marks values that would
 * start a formula in a spreadsheet with a `'`; %PBO_CSV_WRITE_RAW writes
 * them as they are.
 */
PBO_API void pbo_findings_write_csv_full (const PboFindings *findings, GString *out,
                                          PboCsvWriteFlags flags);

/**
 * PboFindingFunc:
 * @finding: (transfer none): a finding; it and its strings are valid only
 *   during the call (copy what you keep)
 * @user_data: the data given to pbo_check_foreach()
 *
 * Receives the findings of pbo_check_foreach(), one at a time.
 *
 * Returns: TRUE to go on, FALSE to stop the check.
 */
typedef gboolean (*PboFindingFunc) (const PboFinding *finding, gpointer user_data);

/**
 * pbo_check_foreach:
 * @tree: a tree
 * @root: (nullable): the subtree to check (itself included), NULL for the
 *   whole tree
 * @options: (nullable): the options, NULL for the defaults (checked today)
 * @func: (scope call): called for every finding, in pbo_check()'s order
 * @user_data: passed to @func
 * @n_errors: (out) (optional): the number of findings of error severity
 *   handed to @func
 * @error: return location for the errors of pbo_check()
 *
 * pbo_check() without the list: each org's findings go to @func as soon as
 * that org is checked and are then forgotten, so that the memory used is
 * that of one org's findings, not of all (a national tree has millions).
 * Write them out as they come with pbo_finding_write_text() or
 * pbo_finding_write_csv().
 *
 * Returns: TRUE when the check ran (even if @func stopped it), FALSE with
 *   @error set on bad options. O(orgs × officers + members + meetings).
 */
PBO_API gboolean pbo_check_foreach (const PboTree         *tree,
                                    PboOrg                *root,
                                    const PboCheckOptions *options,
                                    PboFindingFunc         func,
                                    gpointer               user_data,
                                    guint                 *n_errors,
                                    GError               **error);

/**
 * pbo_finding_write_text:
 * @finding: a finding
 * @out: the string to append to
 *
 * Appends @finding's line of pbo_findings_write_text().
 */
PBO_API void pbo_finding_write_text (const PboFinding *finding, GString *out);

/**
 * pbo_findings_write_csv_header:
 * @out: the string to append to
 * @flags: as for pbo_findings_write_csv_full()
 *
 * Appends the header row of pbo_findings_write_csv_full().
 */
PBO_API void pbo_findings_write_csv_header (GString *out, PboCsvWriteFlags flags);

/**
 * pbo_finding_write_csv:
 * @finding: a finding
 * @out: the string to append to
 * @flags: as for pbo_findings_write_csv_full()
 *
 * Appends @finding's row of pbo_findings_write_csv_full().
 */
PBO_API void pbo_finding_write_csv (const PboFinding *finding, GString *out,
                                    PboCsvWriteFlags flags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PboFindings, pbo_findings_free)

G_END_DECLS

#endif /* PBO_RULES_H */
