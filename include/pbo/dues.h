/* libpbo — monthly Party dues (党费) in integer fen.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_DUES_H
#define PBO_DUES_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>

G_BEGIN_DECLS

/*
 * The 2008 rules (关于中国共产党党费收缴、使用和管理的规定, 中组发〔2008〕3号;
 * docs/reports.md quotes the wording):
 * - in service, monthly pay after tax: ≤ 3000 yuan 0.5%, ≤ 5000 1%,
 *   ≤ 10000 1.5%, above 2%;
 * - retired, monthly pension: ≤ 5000 yuan 0.5%, above 1%;
 * - students, the unemployed, members living on relief or subsistence
 *   allowance (低保): 0.2 yuan a month; farmers: 0.2–1 yuan a month
 *   (libpbo computes the minimum, 0.2); mobile members without income are
 *   not named by the text and are given 0.2 yuan (libpbo's choice).
 * The band is chosen by the whole base and applied to all of it (not
 * progressively): 4000 yuan in service → 1% → 40.00 yuan. Amounts are whole
 * fen, rounded half up (0.5 fen and more up, less down). Members whose
 * category needs a base and who have none are reported, never guessed.
 * Money is always integer fen (1 yuan = 100 fen).
 */

/**
 * PboDuesBasis:
 * @PBO_DUES_BASIS_NONE: not computed
 * @PBO_DUES_BASIS_RATE: a percentage of the dues base
 * @PBO_DUES_BASIS_FIXED: the fixed monthly amount of the member's category
 * @PBO_DUES_BASIS_NO_BASE: the member pays from a base, and none is
 *   recorded: nothing is computed
 * @PBO_DUES_BASIS_NOT_DUE: the member joined after the month, so owes
 *   nothing for it (dues run from the day of admission)
 *
 * How a member's dues were found.
 */
typedef enum {
  PBO_DUES_BASIS_NONE = 0,
  PBO_DUES_BASIS_RATE,
  PBO_DUES_BASIS_FIXED,
  PBO_DUES_BASIS_NO_BASE,
  PBO_DUES_BASIS_NOT_DUE,
} PboDuesBasis;

/** pbo_dues_basis_to_string: (transfer none): "rate", "fixed", "no-base", "not-due"; NULL for NONE. */
PBO_API const char *pbo_dues_basis_to_string (PboDuesBasis basis);

/**
 * PboDues:
 * @basis: how the amount was found
 * @base_fen: the member's dues base in fen, or %PBO_DUES_BASE_NONE
 * @rate_bp: the rate in basis points (1/10000): 50 is 0.5%, 200 is 2%;
 *   0 unless @basis is %PBO_DUES_BASIS_RATE
 * @amount_fen: the monthly dues in fen; 0 for NO_BASE and NOT_DUE
 *
 * One member's dues for one month; use pbo_member_compute_dues() to fill
 * one. Callers allocate it, so its size is fixed for 1.x: new fields are
 * only ever taken from the reserved padding.
 */
typedef struct {
  PboDuesBasis basis;
  gint64       base_fen;
  guint        rate_bp;
  gint64       amount_fen;
  /*< private >*/
  gint64       reserved[4];
} PboDues;

/**
 * pbo_dues_rate:
 * @employment: in service or retired
 * @base_fen: the monthly base in fen (≥ 0)
 *
 * Returns: the band's rate in basis points: 50, 100, 150 or 200 in service;
 *   50 or 100 retired; 0 for %PBO_EMPLOYMENT_NONE.
 */
PBO_API guint  pbo_dues_rate   (PboEmployment employment, gint64 base_fen);

/**
 * pbo_dues_amount:
 * @base_fen: the monthly base in fen (≥ 0, below 2^50)
 * @rate_bp: a rate in basis points
 *
 * Returns: @base_fen × @rate_bp / 10000 in whole fen, rounded half up.
 */
PBO_API gint64 pbo_dues_amount (gint64 base_fen, guint rate_bp);

/**
 * pbo_dues_fixed_amount:
 * @category: a dues category
 *
 * Returns: the fixed monthly amount in fen of @category (20 for students,
 *   the unemployed, subsistence, farmers and mobile members without
 *   income), or -1 for categories that pay from a base (standard, none).
 */
PBO_API gint64 pbo_dues_fixed_amount (PboDuesCategory category);

/**
 * pbo_member_compute_dues:
 * @member: a member
 * @month: any full date in the month
 * @dues: (out caller-allocates): the result
 *
 * Computes @member's dues for the month of @month from the category, the
 * employment and the dues base, as described at the top of this header.
 * A member who joined after the last day of the month is %PBO_DUES_BASIS_NOT_DUE.
 *
 * Returns: %TRUE when an amount was computed (RATE or FIXED), %FALSE for
 *   NO_BASE and NOT_DUE (@dues says which) and for an invalid @month.
 */
PBO_API gboolean pbo_member_compute_dues (const PboMember *member, PboDate month, PboDues *dues);

/**
 * PboDuesBranchTotal:
 * @branch: (transfer none): the branch, borrowed from the tree
 * @members: members of the branch (its groups included) in the sheet
 * @computed: members with an amount (RATE or FIXED)
 * @no_base: members without the dues base they need
 * @not_due: members who joined after the month
 * @total_fen: the sum of the computed amounts
 *
 * The totals of one branch for the month. Read-only; fields only appended.
 */
typedef struct {
  PboOrg *branch;
  guint   members;
  guint   computed;
  guint   no_base;
  guint   not_due;
  gint64  total_fen;
} PboDuesBranchTotal;

/** PboDuesSheet: an opaque monthly dues sheet of a tree or subtree. */
typedef struct _PboDuesSheet PboDuesSheet;

/**
 * pbo_dues_sheet_new:
 * @tree: a tree
 * @root: (nullable): the subtree (itself included), NULL for the whole tree
 * @month: any full date in the month
 * @error: return location for a %PBO_ERROR_INVALID error (@month is not a
 *   full date)
 *
 * Computes the dues of every member of the subtree for the month, in
 * document order, and the totals per branch.
 *
 * Returns: (transfer full) (nullable): the sheet, freed with
 *   pbo_dues_sheet_free(), or NULL on error. It refers to members and
 *   branches by borrowed handles: do not use it after the tree changes.
 *   O(members).
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT
PboDuesSheet *pbo_dues_sheet_new (const PboTree *tree, PboOrg *root, PboDate month,
                                  GError **error);

/** pbo_dues_sheet_free: frees @sheet (NULL is allowed). */
PBO_API void pbo_dues_sheet_free (PboDuesSheet *sheet);

/** pbo_dues_sheet_get_month: the first day of the sheet's month. */
PBO_API PboDate pbo_dues_sheet_get_month     (const PboDuesSheet *sheet);
/** pbo_dues_sheet_get_n_members: the number of member rows. */
PBO_API guint   pbo_dues_sheet_get_n_members (const PboDuesSheet *sheet);
/** pbo_dues_sheet_get_total: the sum of every computed amount, in fen. */
PBO_API gint64  pbo_dues_sheet_get_total     (const PboDuesSheet *sheet);

/**
 * pbo_dues_sheet_get_member:
 * @sheet: a sheet
 * @index: a member row
 * @dues: (out) (optional) (transfer none): the row's dues, owned by @sheet
 *
 * Returns: (transfer none) (nullable): the member of row @index, or NULL if
 *   out of range.
 */
PBO_API PboMember *pbo_dues_sheet_get_member (const PboDuesSheet *sheet,
                                              guint               index,
                                              const PboDues     **dues);

/** pbo_dues_sheet_get_n_branches: the number of branch totals. */
PBO_API guint pbo_dues_sheet_get_n_branches (const PboDuesSheet *sheet);

/**
 * pbo_dues_sheet_get_branch:
 * @sheet: a sheet
 * @index: 0 ≤ @index < pbo_dues_sheet_get_n_branches(); branches are in
 *   document order
 *
 * Returns: (transfer none) (nullable): the totals, owned by @sheet; NULL if
 *   out of range.
 */
PBO_API const PboDuesBranchTotal *pbo_dues_sheet_get_branch (const PboDuesSheet *sheet,
                                                             guint               index);

/**
 * pbo_dues_sheet_write_text:
 * @sheet: a sheet
 * @out: the string to append to
 *
 * Appends, for people, one line per branch with its total in yuan and the
 * members without a dues base named, then the grand total; in the
 * language of LC_MESSAGES (docs/i18n.md).
 */
PBO_API void pbo_dues_sheet_write_text (const PboDuesSheet *sheet, GString *out);

/**
 * pbo_dues_sheet_write_csv:
 * @sheet: a sheet
 * @out: the string to append to
 *
 * Appends CSV: the header "branch,member,name,employment,category,base,
 * rate,amount,basis", then one row per member; money in yuan with two
 * decimals, the rate as a percentage ("1.5"), empty fields where not
 * applicable.
 */
PBO_API void pbo_dues_sheet_write_csv (const PboDuesSheet *sheet, GString *out);

/**
 * pbo_dues_sheet_write_csv_full:
 * @sheet: a sheet
 * @out: the string to append to
 * @flags: %PBO_CSV_WRITE_RAW not to mark formulas
 *
 * pbo_dues_sheet_write_csv() with #PboCsvWriteFlags: that function marks values that would
 * start a formula in a spreadsheet with a `'`; %PBO_CSV_WRITE_RAW writes
 * them as they are.
 */
PBO_API void pbo_dues_sheet_write_csv_full (const PboDuesSheet *sheet, GString *out,
                                            PboCsvWriteFlags flags);

/**
 * pbo_dues_sheet_write_totals_csv:
 * @sheet: a sheet
 * @out: the string to append to
 *
 * Appends CSV: the header "branch,name,members,computed,no-base,not-due,total",
 * then one row per branch (total in yuan).
 */
PBO_API void pbo_dues_sheet_write_totals_csv (const PboDuesSheet *sheet, GString *out);

/**
 * pbo_dues_sheet_write_totals_csv_full:
 * @sheet: a sheet
 * @out: the string to append to
 * @flags: %PBO_CSV_WRITE_RAW not to mark formulas
 *
 * pbo_dues_sheet_write_totals_csv() with #PboCsvWriteFlags: that function marks values that would
 * start a formula in a spreadsheet with a `'`; %PBO_CSV_WRITE_RAW writes
 * them as they are.
 */
PBO_API void pbo_dues_sheet_write_totals_csv_full (const PboDuesSheet *sheet, GString *out,
                                                   PboCsvWriteFlags flags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PboDuesSheet, pbo_dues_sheet_free)

G_END_DECLS

#endif /* PBO_DUES_H */
