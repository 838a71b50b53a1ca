/* libpbo — organisation-relation transfers out of and into the estate
 * (组织关系转接): the letters (介绍信) and their receipts (回执).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_TRANSFER_H
#define PBO_TRANSFER_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>
#include <pbo/tree.h>
#include <pbo/member.h>
#include <pbo/edit.h>

G_BEGIN_DECLS

/*
 * Transfers (format 1.1)
 * ----------------------
 * A member who leaves for an org outside the tree is transferred out: the
 * member leaves the tree and a letter (介绍信) is recorded on the tree's
 * `<transfers>` list with the member's id and name, the branch left, the
 * destination, the letter's number, the day it was issued, its validity
 * and the month dues were paid to. The receipt (回执) is recorded on the
 * letter when it comes back. A member who arrives with a letter from
 * outside is transferred in: added to a branch, the letter recorded too.
 * Letter numbers are unique among a tree's letters.
 */

/** PBO_LETTER_VALID_DAYS: the default validity of a letter, in days (3 months). */
#define PBO_LETTER_VALID_DAYS 90
/** PBO_LETTER_VALID_DAYS_PROVINCES: the validity of a letter across provinces (6 months). */
#define PBO_LETTER_VALID_DAYS_PROVINCES 180

/**
 * PboLetterDirection:
 * @PBO_LETTER_OUT: a letter issued here for a member transferred out
 * @PBO_LETTER_IN: a letter a member brought when transferred in
 *
 * Which way a letter went.
 */
typedef enum {
  PBO_LETTER_OUT = 0,
  PBO_LETTER_IN
} PboLetterDirection;

/**
 * PboLetterState:
 * @PBO_LETTER_OPEN: out, no receipt yet, still valid
 * @PBO_LETTER_OVERDUE: out, no receipt, past its validity (the receipt is overdue)
 * @PBO_LETTER_RECEIVED: out, the receipt came back within the validity
 * @PBO_LETTER_EXPIRED: out, the receipt came back after the validity (the letter had expired)
 * @PBO_LETTER_ARRIVED: in (a letter received here)
 *
 * Where a letter stands on a day (pbo_letter_state_on()).
 */
typedef enum {
  PBO_LETTER_OPEN = 0,
  PBO_LETTER_OVERDUE,
  PBO_LETTER_RECEIVED,
  PBO_LETTER_EXPIRED,
  PBO_LETTER_ARRIVED
} PboLetterState;

/**
 * PboLetterInfo:
 * @version: %PBO_LETTER_INFO_VERSION
 * @number: the letter's number (介绍信编号), required
 * @direction: out or in
 * @member_id: the member's id
 * @name: the member's name
 * @branch: out: the id of the branch left; in: the id of the branch joined
 * @other_org: out: the destination (`to-org`); in: where the member came from (`from-org`)
 * @issued: out: the day of the transfer (the letter's date); in: the day of arrival
 * @valid_days: the validity in days (out only; 0 for in)
 * @dues_paid_to: the month dues were paid to, as YYYY × 100 + MM, or 0
 * @receipt: out: the day the receipt came back, or %PBO_DATE_NONE
 *
 * A letter's fields. Strings returned by the getters are owned by the tree.
 */
typedef struct {
  unsigned int       version;
  const char        *number;
  PboLetterDirection direction;
  const char        *member_id;
  const char        *name;
  const char        *branch;
  const char        *other_org;
  PboDate            issued;
  guint              valid_days;
  guint              dues_paid_to;
  PboDate            receipt;
} PboLetterInfo;

/** PBO_LETTER_INFO_VERSION: the current version of #PboLetterInfo. */
#define PBO_LETTER_INFO_VERSION 1
/** PBO_LETTER_INFO_INIT: the initializer of #PboLetterInfo. */
#define PBO_LETTER_INFO_INIT { PBO_LETTER_INFO_VERSION, NULL, PBO_LETTER_OUT, NULL, NULL, NULL, \
    NULL, PBO_DATE_NONE, 0, 0, PBO_DATE_NONE }

/**
 * pbo_letter_info_init:
 * @info: (out caller-allocates): the struct to initialise
 * @version: %PBO_LETTER_INFO_VERSION
 *
 * Initialises @info as %PBO_LETTER_INFO_INIT does, for bindings.
 *
 * Returns: %TRUE if @version is supported.
 */
PBO_API gboolean pbo_letter_info_init (PboLetterInfo *info, unsigned int version);

/** pbo_tree_get_n_letters: the number of letters on @tree's transfers list. */
PBO_API guint    pbo_tree_get_n_letters (const PboTree *tree);
/**
 * pbo_tree_get_letter:
 * @tree: a tree
 * @index: below pbo_tree_get_n_letters()
 * @info: (out caller-allocates): filled in; its strings are owned by the tree
 *
 * The letter at @index, in the order they were recorded.
 *
 * Returns: %FALSE when @index is out of range
 */
PBO_API gboolean pbo_tree_get_letter    (const PboTree *tree, guint index, PboLetterInfo *info);
/**
 * pbo_tree_lookup_letter:
 * @tree: a tree
 * @number: a letter number
 * @info: (out caller-allocates) (nullable): filled in when found
 *
 * Finds a letter by number. Complexity: O(1).
 *
 * Returns: %TRUE when @tree records a letter numbered @number
 */
PBO_API gboolean pbo_tree_lookup_letter (const PboTree *tree, const char *number,
                                         PboLetterInfo *info);
/**
 * pbo_letter_state_on:
 * @info: a letter
 * @day: the day to judge on
 *
 * Where @info stands on @day: an out letter without a receipt is open
 * until issued + valid_days, overdue after.
 *
 * Returns: the state
 */
PBO_API PboLetterState pbo_letter_state_on (const PboLetterInfo *info, PboDate day);
/** pbo_letter_expires: the last day @info (out) is valid: issued + valid_days. */
PBO_API PboDate  pbo_letter_expires     (const PboLetterInfo *info);

/**
 * pbo_edit_transfer_out:
 * @tree: a tree
 * @member: the member leaving (an office they hold is vacated)
 * @letter: the letter: @number, @other_org (the destination) required;
 *   @valid_days 0 means %PBO_LETTER_VALID_DAYS; @dues_paid_to optional;
 *   the other fields are taken from @member and @context
 * @context: (nullable): date (the letter's date; today by default), reason, operator
 * @error: return location for a #GError
 *
 * The operation `<transfer-out member date to-org letter valid-days?
 * dues-paid-to?/>`: removes @member from the tree and records the letter.
 * Refused (nothing changed) when the number is already used
 * (%PBO_ERROR_DUPLICATE_ID) or a field is invalid.
 *
 * Returns: %TRUE on success
 */
PBO_API gboolean pbo_edit_transfer_out (PboTree *tree, PboMember *member,
                                        const PboLetterInfo *letter,
                                        const PboEditContext *context, GError **error);
/**
 * pbo_edit_receipt:
 * @tree: a tree
 * @number: an out letter's number
 * @date: the day the receipt (回执) came back
 * @context: (nullable): reason, operator
 * @error: return location for a #GError
 *
 * The operation `<receipt letter date/>`. Refused for an unknown number
 * (%PBO_ERROR_UNKNOWN_ID), an in letter, a letter that has its receipt,
 * or a date before the letter's.
 *
 * Returns: %TRUE on success
 */
PBO_API gboolean pbo_edit_receipt      (PboTree *tree, const char *number, PboDate date,
                                        const PboEditContext *context, GError **error);
/**
 * pbo_edit_transfer_in:
 * @tree: a tree
 * @to: the branch or group the member joins
 * @member: the member's record
 * @number: the number of the letter they brought
 * @from_org: where they came from
 * @context: (nullable): date (of arrival; today by default), reason, operator
 * @error: return location for a #GError
 *
 * The operation `<transfer-in to …member attributes… letter from-org
 * date/>`: adds the member and records the letter (direction in).
 *
 * Returns: (transfer none): the new member, or %NULL with @error set
 */
PBO_API PboMember *pbo_edit_transfer_in (PboTree *tree, PboOrg *to, const PboMemberInfo *member,
                                         const char *number, const char *from_org,
                                         const PboEditContext *context, GError **error);

G_END_DECLS

#endif /* PBO_TRANSFER_H */
