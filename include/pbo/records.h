/* libpbo — a member's own records (1.1): dues payments (党费), 民主评议
 * results, 星级评定 ratings and training hours (学时), their journaled edit
 * operations, the dues ledger and the rating table.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_RECORDS_H
#define PBO_RECORDS_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>
#include <pbo/tree.h>
#include <pbo/edit.h>
#include <pbo/csv.h>

G_BEGIN_DECLS

/*
 * Records live in a side table of the tree keyed by member: a member
 * without any costs no memory. Each member's records are kept sorted by
 * kind (payments, evaluations, ratings, trainings), then by key: a
 * payment's month, an evaluation's or rating's year, a training's year and
 * title. A key names at most one record.
 */

/**
 * PboRecordKind:
 * @PBO_RECORD_NONE: unknown spelling
 * @PBO_RECORD_PAYMENT: "payment", a month's dues (党费)
 * @PBO_RECORD_EVALUATION: "evaluation", a year's 民主评议 result
 * @PBO_RECORD_RATING: "rating", a year's 星级评定 (six scores 0–5)
 * @PBO_RECORD_TRAINING: "training", hours of training (学时) in a year
 *
 * The kinds of member record, spelled as their elements in format 1.1.
 */
typedef enum {
  PBO_RECORD_NONE = 0,
  PBO_RECORD_PAYMENT,
  PBO_RECORD_EVALUATION,
  PBO_RECORD_RATING,
  PBO_RECORD_TRAINING,
} PboRecordKind;

/** pbo_record_kind_to_string: (transfer none): "payment", …; NULL for NONE. */
PBO_API const char   *pbo_record_kind_to_string   (PboRecordKind kind);
/** pbo_record_kind_from_string: the kind spelled @s, or %PBO_RECORD_NONE. */
PBO_API PboRecordKind pbo_record_kind_from_string (const char *s);

/**
 * PboPaymentKind:
 * @PBO_PAYMENT_KIND_NONE: unknown spelling
 * @PBO_PAYMENT_REGULAR: "regular" (the default, not written): paid in time
 * @PBO_PAYMENT_ARREARS: "arrears" (补缴): a past month paid late
 * @PBO_PAYMENT_REDUCED: "reduced" (减交): the branch approved a lower
 *   amount, which is then that month's due
 * @PBO_PAYMENT_EXEMPT: "exempt" (免交): the branch approved no dues for
 *   the month; amount 0, no paid date
 *
 * What a payment record says about its month.
 */
typedef enum {
  PBO_PAYMENT_KIND_NONE = 0,
  PBO_PAYMENT_REGULAR,
  PBO_PAYMENT_ARREARS,
  PBO_PAYMENT_REDUCED,
  PBO_PAYMENT_EXEMPT,
} PboPaymentKind;

/** pbo_payment_kind_to_string: (transfer none): "regular", …; NULL for NONE. */
PBO_API const char    *pbo_payment_kind_to_string   (PboPaymentKind kind);
/** pbo_payment_kind_from_string: the kind spelled @s, or %PBO_PAYMENT_KIND_NONE. */
PBO_API PboPaymentKind pbo_payment_kind_from_string (const char *s);

/**
 * PboEvaluationResult:
 * @PBO_EVALUATION_NONE: unknown spelling
 * @PBO_EVALUATION_EXCELLENT: "excellent" (优秀)
 * @PBO_EVALUATION_QUALIFIED: "qualified" (合格)
 * @PBO_EVALUATION_BASICALLY_QUALIFIED: "basically-qualified" (基本合格)
 * @PBO_EVALUATION_UNQUALIFIED: "unqualified" (不合格)
 *
 * The results of 民主评议党员.
 */
typedef enum {
  PBO_EVALUATION_NONE = 0,
  PBO_EVALUATION_EXCELLENT,
  PBO_EVALUATION_QUALIFIED,
  PBO_EVALUATION_BASICALLY_QUALIFIED,
  PBO_EVALUATION_UNQUALIFIED,
} PboEvaluationResult;

/** pbo_evaluation_result_to_string: (transfer none): "excellent", …; NULL for NONE. */
PBO_API const char         *pbo_evaluation_result_to_string   (PboEvaluationResult result);
/** pbo_evaluation_result_from_string: the result spelled @s, or %PBO_EVALUATION_NONE. */
PBO_API PboEvaluationResult pbo_evaluation_result_from_string (const char *s);

/**
 * PboRatingDimension:
 * @PBO_RATING_LIFE: "life", organisational life (组织生活)
 * @PBO_RATING_DUES: "dues", paying dues (交纳党费)
 * @PBO_RATING_SERVICE: "service", serving the public (服务群众)
 * @PBO_RATING_EXAMPLE: "example", vanguard example (先锋模范)
 * @PBO_RATING_WORK: "work", work results (工作业绩)
 * @PBO_RATING_LAW: "law", abiding by law and discipline (遵纪守法)
 * @PBO_RATING_N_DIMENSIONS: the number of dimensions
 *
 * The six dimensions of the 红色指数 of seed 002, in the order of the
 * rating element's attributes.
 */
typedef enum {
  PBO_RATING_LIFE = 0,
  PBO_RATING_DUES,
  PBO_RATING_SERVICE,
  PBO_RATING_EXAMPLE,
  PBO_RATING_WORK,
  PBO_RATING_LAW,
  PBO_RATING_N_DIMENSIONS
} PboRatingDimension;

/** pbo_rating_dimension_to_string: (transfer none): "life", …; NULL out of range. */
PBO_API const char *pbo_rating_dimension_to_string (PboRatingDimension dimension);

/** PBO_MEMBER_RECORD_VERSION: the current version of #PboMemberRecord. */
#define PBO_MEMBER_RECORD_VERSION 1

/**
 * PboMemberRecord:
 * @version: %PBO_MEMBER_RECORD_VERSION; set by %PBO_MEMBER_RECORD_INIT
 * @kind: which record
 * @year: evaluation, rating, training: the year; payment: the month's year
 * @month: payment: the month, 1–12
 * @amount_fen: payment: the amount in fen (0 for an exemption)
 * @paid: payment: the day it was paid; %PBO_DATE_NONE for an exemption
 * @payment_kind: payment: regular, arrears, reduced or exempt
 * @approved: payment: the day the branch approved a reduction or
 *   exemption (required for those, refused for the others)
 * @result: evaluation: the result
 * @scores: rating: the six scores, 0–5, by #PboRatingDimension
 * @hours_tenths: training: the hours in tenths (32 hours = 320)
 * @title: (nullable): training: the course's title
 *
 * One record of a member. Strings are borrowed when read (valid until the
 * tree changes) and copied when given. Initialise with
 * %PBO_MEMBER_RECORD_INIT; fields are only ever appended.
 */
typedef struct {
  unsigned int        version;
  PboRecordKind       kind;
  guint               year;
  guint               month;
  gint64              amount_fen;
  PboDate             paid;
  PboPaymentKind      payment_kind;
  PboDate             approved;
  PboEvaluationResult result;
  guint8              scores[PBO_RATING_N_DIMENSIONS];
  guint               hours_tenths;
  const char         *title;
} PboMemberRecord;

/** PBO_MEMBER_RECORD_INIT: the initializer of #PboMemberRecord. */
#define PBO_MEMBER_RECORD_INIT { PBO_MEMBER_RECORD_VERSION, PBO_RECORD_NONE, 0, 0, 0, \
    PBO_DATE_NONE, PBO_PAYMENT_REGULAR, PBO_DATE_NONE, PBO_EVALUATION_NONE, { 0 }, 0, NULL }

/**
 * pbo_member_record_init:
 * @record: (out caller-allocates): the struct to initialise
 * @version: %PBO_MEMBER_RECORD_VERSION, or the version of an older release
 *
 * Initialises @record as %PBO_MEMBER_RECORD_INIT does.
 *
 * Returns: %TRUE if @version is supported; %FALSE, leaving @record
 *   untouched, otherwise.
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_member_record_init (PboMemberRecord *record, unsigned int version);

/**
 * pbo_member_record_check:
 * @record: a record
 * @error: return location for an error
 *
 * Checks a record as the loader does: a known kind, a month 1–12 and a
 * year 1900–2200, an amount ≥ 0 (0 only for an exemption), a paid date
 * except for an exemption, an approval date exactly for reductions and
 * exemptions, a known result, scores 0–5, hours up to 2000, a valid title.
 *
 * Errors: %PBO_ERROR_INVALID naming what is wrong.
 *
 * Returns: %TRUE if @record may be stored.
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_member_record_check (const PboMemberRecord *record, GError **error);

/**
 * pbo_member_record_total:
 * @record: a rating record
 *
 * Returns: the sum of its six scores (0–30); 0 for other kinds.
 *
 * Since: 1.1
 */
PBO_API guint pbo_member_record_total (const PboMemberRecord *record);

/**
 * pbo_member_get_n_records:
 * @member: a member
 *
 * Returns: how many records @member holds (0 for most members).
 *
 * Since: 1.1
 */
PBO_API guint pbo_member_get_n_records (const PboMember *member);

/**
 * pbo_member_get_record:
 * @member: a member
 * @index: 0 ≤ @index < pbo_member_get_n_records()
 * @record: (out caller-allocates): filled in; its @title is borrowed,
 *   valid until the tree changes
 *
 * Reads a record, in the sorted order described above.
 *
 * Returns: %TRUE, or %FALSE (and @record untouched) when out of range.
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_member_get_record (const PboMember *member, guint index,
                                        PboMemberRecord *record);

/**
 * pbo_member_find_record:
 * @member: a member
 * @key: a record whose kind and key fields (month and year; year and
 *   title for a training) are read
 *
 * Returns: the index of @member's record with that key, or -1. O(log n).
 *
 * Since: 1.1
 */
PBO_API int pbo_member_find_record (const PboMember *member, const PboMemberRecord *key);

/**
 * pbo_tree_has_member_records:
 * @tree: a tree
 *
 * Returns: %TRUE if any member of @tree holds a record (the file then
 *   needs format 1.1).
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_tree_has_member_records (const PboTree *tree);

/**
 * pbo_tree_has_payments:
 * @tree: a tree
 *
 * Returns: %TRUE if any member holds a payment: the tree keeps a dues
 *   ledger, and PBO-D001 looks at it. O(members with records).
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_tree_has_payments (const PboTree *tree);

/* ---- edit operations -------------------------------------------------- */

/**
 * pbo_edit_put_member_record:
 * @tree: a tree
 * @member: a member of @tree
 * @record: the record (checked as pbo_member_record_check())
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Records a payment (`add-payment`), an evaluation (`set-evaluation`), a
 * rating (`set-rating`) or a training (`add-training`). An evaluation or
 * rating replaces the member's one of that year; a payment for a month
 * already recorded, or a training with the year and title of one
 * recorded, is refused (remove it first). Journal: subjects = @member,
 * detail = the key ("2024-03", "2024", "2024 党课"), from = the replaced
 * value when there was one; undoable.
 *
 * Errors: %PBO_ERROR_INVALID (a bad record), %PBO_ERROR_DUPLICATE_ID (the
 * payment or training is already recorded).
 *
 * Returns: %TRUE on success. O(log n + records of the member).
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_edit_put_member_record (PboTree               *tree,
                                             PboMember             *member,
                                             const PboMemberRecord *record,
                                             const PboEditContext  *context,
                                             GError               **error);

/**
 * pbo_edit_remove_member_record:
 * @tree: a tree
 * @member: a member of @tree
 * @key: the record to remove, named by its kind and key
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Removes a record (`remove-payment`, `remove-evaluation`,
 * `remove-rating`, `remove-training`); undoable.
 *
 * Errors: %PBO_ERROR_UNKNOWN_ID when @member has no such record.
 *
 * Returns: %TRUE on success.
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_edit_remove_member_record (PboTree               *tree,
                                                PboMember             *member,
                                                const PboMemberRecord *key,
                                                const PboEditContext  *context,
                                                GError               **error);

/* ---- the dues ledger ---------------------------------------------------- */

/**
 * PboLedger:
 *
 * Due, paid and owed dues per member and branch over a range of months
 * (pbo_ledger_new()). Opaque; free with pbo_ledger_free().
 */
typedef struct _PboLedger PboLedger;

/**
 * PboLedgerRow:
 * @member: (nullable): the member (borrowed), or NULL for a branch's row
 * @org: the member's branch or group, or the branch of a branch row
 * @months: the months of the range the member belongs to the ledger
 *   (all of them: the tree does not know when a member arrived)
 * @due_fen: the dues due (pbo_member_compute_dues() per month, a
 *   reduction's amount for its month, 0 for an exempt month)
 * @paid_fen: what was paid for those months
 * @owed_fen: the unpaid rest, month by month (an overpaid month does not
 *   cover another)
 * @unpaid_months: months with something owed
 *
 * One row of a ledger; static while the ledger lives.
 */
typedef struct {
  PboMember *member;
  PboOrg    *org;
  guint      months;
  gint64     due_fen;
  gint64     paid_fen;
  gint64     owed_fen;
  guint      unpaid_months;
} PboLedgerRow;

/**
 * pbo_ledger_new:
 * @tree: a tree
 * @from: the first month (any day of it)
 * @to: the last month (any day of it), not before @from
 * @error: return location for an error
 *
 * Computes the ledger of every member of @tree from @from to @to. The
 * members' current dues base and category are used for every month.
 *
 * Errors: %PBO_ERROR_INVALID (a bad or reversed range, or over 600 months).
 *
 * Returns: (transfer full) (nullable): the ledger, or NULL on error.
 *   O(members × months).
 *
 * Since: 1.1
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT
PboLedger *pbo_ledger_new (const PboTree *tree, PboDate from, PboDate to, GError **error);
/** pbo_ledger_free: frees @ledger (NULL is ignored). */
PBO_API void pbo_ledger_free (PboLedger *ledger);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PboLedger, pbo_ledger_free)
/** pbo_ledger_get_n_members: the number of member rows. */
PBO_API guint pbo_ledger_get_n_members (const PboLedger *ledger);
/**
 * pbo_ledger_get_member:
 * @ledger: a ledger
 * @index: 0 ≤ @index < pbo_ledger_get_n_members(), in tree order
 *
 * Returns: (transfer none) (nullable): the row, NULL out of range.
 */
PBO_API const PboLedgerRow *pbo_ledger_get_member (const PboLedger *ledger, guint index);
/** pbo_ledger_get_n_branches: the number of branch rows. */
PBO_API guint pbo_ledger_get_n_branches (const PboLedger *ledger);
/**
 * pbo_ledger_get_branch:
 * @ledger: a ledger
 * @index: 0 ≤ @index < pbo_ledger_get_n_branches(), in tree order
 *
 * Returns: (transfer none) (nullable): the sums over a branch's members
 *   (its groups' included), NULL out of range.
 */
PBO_API const PboLedgerRow *pbo_ledger_get_branch (const PboLedger *ledger, guint index);
/**
 * pbo_ledger_get_total:
 * @ledger: a ledger
 *
 * Returns: (transfer none): the sums over every member.
 */
PBO_API const PboLedgerRow *pbo_ledger_get_total (const PboLedger *ledger);
/**
 * pbo_ledger_write_text:
 * @ledger: a ledger
 * @out: appended to
 *
 * Appends the ledger for people: per branch its members, then the branch
 * total; the grand total last. Amounts in yuan with two decimals.
 */
PBO_API void pbo_ledger_write_text (const PboLedger *ledger, GString *out);
/**
 * pbo_ledger_write_csv:
 * @ledger: a ledger
 * @out: appended to
 * @flags: as pbo_csv_write_field()
 *
 * Appends the ledger as CSV (docs/reports.md): a header line, one line a
 * member, then one line a branch and the total (empty member columns).
 */
PBO_API void pbo_ledger_write_csv (const PboLedger *ledger, GString *out, PboCsvWriteFlags flags);

/* ---- ratings ------------------------------------------------------------ */

/** PBO_RATING_OPTIONS_VERSION: the current version of #PboRatingOptions. */
#define PBO_RATING_OPTIONS_VERSION 1

/**
 * PboRatingOptions:
 * @version: %PBO_RATING_OPTIONS_VERSION
 * @star_min: the least total (0–30) for 1, 2, 3, 4 and 5 stars; the
 *   defaults 12, 18, 22, 25, 28 are local practice (seed 002, 党员星级评定)
 *
 * Options of pbo_rating_write(). Initialise with %PBO_RATING_OPTIONS_INIT;
 * fields are only ever appended.
 */
typedef struct {
  unsigned int version;
  guint        star_min[5];
} PboRatingOptions;

/** PBO_RATING_OPTIONS_INIT: the initializer of #PboRatingOptions. */
#define PBO_RATING_OPTIONS_INIT { PBO_RATING_OPTIONS_VERSION, { 12, 18, 22, 25, 28 } }

/**
 * pbo_rating_options_init:
 * @options: (out caller-allocates): the struct to initialise
 * @version: %PBO_RATING_OPTIONS_VERSION
 *
 * Initialises @options as %PBO_RATING_OPTIONS_INIT does.
 *
 * Returns: %TRUE if @version is supported.
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_rating_options_init (PboRatingOptions *options, unsigned int version);

/**
 * pbo_rating_stars:
 * @options: (nullable): the thresholds; NULL for the defaults
 * @total: a rating's total
 *
 * Returns: the stars (0–5) of @total.
 *
 * Since: 1.1
 */
PBO_API guint pbo_rating_stars (const PboRatingOptions *options, guint total);

/**
 * pbo_rating_write:
 * @tree: a tree
 * @root: (nullable): only this org's subtree; NULL for the whole tree
 * @year: the year rated
 * @options: (nullable): the thresholds; NULL for the defaults
 * @csv: %TRUE for CSV (branch,rank,member,name,life,…,law,total,stars),
 *   %FALSE for text
 * @flags: with @csv, as pbo_csv_write_field()
 * @out: appended to
 *
 * Ranks the members of each branch rated in @year by their total, highest
 * first (ties share a rank and keep tree order). Members without a rating
 * that year are left out.
 *
 * Returns: the number of members listed. O(members × log).
 *
 * Since: 1.1
 */
PBO_API guint pbo_rating_write (PboTree *tree, PboOrg *root, guint year,
                                const PboRatingOptions *options, gboolean csv,
                                PboCsvWriteFlags flags, GString *out);

/**
 * pbo_evaluation_count:
 * @tree: a tree
 * @root: (nullable): only this org's subtree; NULL for the whole tree
 * @year: the year
 * @counts: (out caller-allocates) (array fixed-size=5): the number of
 *   members per #PboEvaluationResult in @year; index 0 counts the members
 *   with no result that year
 *
 * Counts the results of 民主评议 of a year, as the annual statistics ask.
 * O(members).
 *
 * Since: 1.1
 */
PBO_API void pbo_evaluation_count (PboTree *tree, PboOrg *root, guint year, guint counts[5]);

G_END_DECLS

#endif /* PBO_RECORDS_H */
