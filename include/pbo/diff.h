/* libpbo — what changed between two trees, as a list and as a plan.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_DIFF_H
#define PBO_DIFF_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>
#include <pbo/tree.h>
#include <pbo/edit.h>
#include <pbo/plan.h>

G_BEGIN_DECLS

/*
 * Comparing two trees
 * -------------------
 * pbo_diff_new() compares an OLD and a NEW tree. Ids are the identity: an
 * org or member with the same id in both trees is the same object, whatever
 * else changed. The result is both
 *
 *  - a list of changes (#PboDiffChange), sorted: the order of the top-level
 *    orgs, then each org of NEW in document order with its own changes,
 *    officers and meetings, then the orgs removed in OLD's document order,
 *    then the members in NEW's document order, the members removed in OLD's
 *    order, and the document's foreign content; and
 *  - one ordered list of restructuring operations that turns OLD into NEW,
 *    each always applicable to the tree the previous ones leave. The same
 *    list is written as a format-v1 plan by pbo_diff_write_plan() and
 *    applied by pbo_diff_apply(). docs/restructuring.md ("Diff") explains
 *    the order.
 *
 * Some differences have no plan operation: foreign content, and meeting
 * records that a plan would have to remove but cannot address (they have
 * no id). They are changes (pbo_diff_change_is_expressible() returns
 * %FALSE), the plan lists them as comments, and pbo_diff_apply() leaves
 * them alone. Org fields, meetings with ids and recruit records are
 * planned (set-org, add-meeting, remove-meeting, promote, admit,
 * add-recruit, update-recruit, remove-recruit).
 *
 * Ownership: a #PboDiff borrows both trees. They must stay alive and
 * unchanged until pbo_diff_free(). Strings read from a diff or its changes
 * are owned by the diff and valid until pbo_diff_free().
 */

/** PboDiff: an opaque comparison of two trees; free with pbo_diff_free(). */
typedef struct _PboDiff PboDiff;

/** PboDiffChange: an opaque change, owned by its #PboDiff. */
typedef struct _PboDiffChange PboDiffChange;

/**
 * PboDiffKind:
 * @PBO_DIFF_NONE: not a change (never returned for a change in range)
 * @PBO_DIFF_ORG_ADDED: an org only in NEW. org; old: –; new: its parent's
 *   id (NULL at the top level); detail: its kind
 * @PBO_DIFF_ORG_REMOVED: an org only in OLD. org; old: its parent's id
 *   (NULL at the top level); detail: its kind
 * @PBO_DIFF_ORG_RENAMED: org; old and new names
 * @PBO_DIFF_ORG_KIND: org; old and new kinds ("branch", …)
 * @PBO_DIFF_ORG_MOVED: org; old and new parents' ids (NULL: top level)
 * @PBO_DIFF_ORG_FIELD: org; detail: "unit", "established", "term-start"
 *   or "term-years"; old and new values as format v1 spells them (NULL:
 *   unset). Listed for new orgs too, except the unit. 1.1: also "work-plans"
 *   and "elections" with the old and new counts when those records differ
 *   (an election of OLD missing from NEW is not expressible)
 * @PBO_DIFF_ORG_CHILDREN_ORDER: the orgs present under the same parent in
 *   both trees are in another order. org: the parent (NULL: the top level)
 * @PBO_DIFF_ORG_MEMBERS_ORDER: the members that stay in the org are in
 *   another order. org
 * @PBO_DIFF_ORG_OFFICERS_ORDER: the appointments in both trees are in
 *   another order. org
 * @PBO_DIFF_ORG_MEETINGS: the meeting records differ. org; old and new
 *   meeting counts
 * @PBO_DIFF_ORG_FOREIGN: the org's foreign content differs. org
 * @PBO_DIFF_OFFICER_APPOINTED: org, member; detail: the role; new: the
 *   appointment date (NULL if unset)
 * @PBO_DIFF_OFFICER_DISMISSED: org, member; detail: the role; old: the
 *   appointment date
 * @PBO_DIFF_OFFICER_SINCE: org, member; detail: the role; old and new
 *   appointment dates
 * @PBO_DIFF_MEMBER_ADDED: member; org: where it is in NEW
 * @PBO_DIFF_MEMBER_REMOVED: member; org: where it was in OLD
 * @PBO_DIFF_MEMBER_TRANSFERRED: member; org: where it is in NEW; old and new
 *   orgs' ids
 * @PBO_DIFF_MEMBER_FIELD: member; org: where it is in NEW; detail: the
 *   format-v1 attribute name; old and new values (NULL: unset)
 * @PBO_DIFF_MEMBER_FOREIGN: member; org; the member's foreign content differs
 * @PBO_DIFF_DOCUMENT_FOREIGN: the foreign content of the `<pbo>` element
 *   differs
 * @PBO_DIFF_ORG_RECRUITS: the recruit records of a branch differ (a recruit
 *   added, removed, promoted, admitted or changed). org; old and new
 *   recruit counts
 * @PBO_DIFF_MEMBER_RECORD: a member record differs (1.1). member; org:
 *   where it is in NEW; detail: its kind and key ("payment 2024-03");
 *   old and new values: its attributes (NULL: none)
 * @PBO_DIFF_LETTER: a letter of the transfers list (1.1) only in NEW, or whose
 *   receipt differs. detail: the letter's number; member: its member's id;
 *   old and new: the receipt dates (NULL: none)
 *
 * The kinds of change. Values are part of the ABI.
 */
typedef enum {
  PBO_DIFF_NONE = 0,
  PBO_DIFF_ORG_ADDED,
  PBO_DIFF_ORG_REMOVED,
  PBO_DIFF_ORG_RENAMED,
  PBO_DIFF_ORG_KIND,
  PBO_DIFF_ORG_MOVED,
  PBO_DIFF_ORG_FIELD,
  PBO_DIFF_ORG_CHILDREN_ORDER,
  PBO_DIFF_ORG_MEMBERS_ORDER,
  PBO_DIFF_ORG_OFFICERS_ORDER,
  PBO_DIFF_ORG_MEETINGS,
  PBO_DIFF_ORG_FOREIGN,
  PBO_DIFF_OFFICER_APPOINTED,
  PBO_DIFF_OFFICER_DISMISSED,
  PBO_DIFF_OFFICER_SINCE,
  PBO_DIFF_MEMBER_ADDED,
  PBO_DIFF_MEMBER_REMOVED,
  PBO_DIFF_MEMBER_TRANSFERRED,
  PBO_DIFF_MEMBER_FIELD,
  PBO_DIFF_MEMBER_FOREIGN,
  PBO_DIFF_DOCUMENT_FOREIGN,
  PBO_DIFF_ORG_RECRUITS,
  PBO_DIFF_MEMBER_RECORD,
  PBO_DIFF_LETTER,
} PboDiffKind;

/**
 * pbo_diff_new:
 * @old_tree: the tree before
 * @new_tree: the tree after
 * @error: return location for an error
 *
 * Compares two trees and plans the operations that turn @old_tree into
 * @new_tree. Both trees are borrowed (see above).
 *
 * Errors: %PBO_ERROR_DUPLICATE_ID when an id names an org in one tree and
 * a member in the other (no plan can turn one into the other).
 *
 * Returns: (transfer full) (nullable): the comparison, free with
 *   pbo_diff_free(); NULL on error. O(orgs + members + officers + meetings
 *   of both trees).
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT PboDiff *pbo_diff_new (const PboTree *old_tree,
                                                         const PboTree *new_tree,
                                                         GError       **error);

/**
 * pbo_diff_free:
 * @diff: (transfer full) (nullable): a comparison
 *
 * Frees @diff and every change and string read from it; the trees are not
 * touched.
 */
PBO_API void pbo_diff_free (PboDiff *diff);

/** pbo_diff_is_empty: %TRUE when the trees do not differ at all (no change). O(1). */
PBO_API gboolean pbo_diff_is_empty (const PboDiff *diff);

/** pbo_diff_get_n_changes: the number of changes. O(1). */
PBO_API guint pbo_diff_get_n_changes (const PboDiff *diff);

/**
 * pbo_diff_get_change:
 * @diff: a comparison
 * @index: 0 ≤ @index < pbo_diff_get_n_changes()
 *
 * Returns: (transfer none) (nullable): the change, owned by @diff, or NULL
 *   out of range. O(1).
 */
PBO_API const PboDiffChange *pbo_diff_get_change (const PboDiff *diff, guint index);

/** pbo_diff_change_get_kind: what changed. */
PBO_API PboDiffKind pbo_diff_change_get_kind   (const PboDiffChange *change);
/** pbo_diff_change_get_org: (transfer none) (nullable): the org concerned (see #PboDiffKind). */
PBO_API const char *pbo_diff_change_get_org    (const PboDiffChange *change);
/** pbo_diff_change_get_member: (transfer none) (nullable): the member concerned, or NULL. */
PBO_API const char *pbo_diff_change_get_member (const PboDiffChange *change);
/** pbo_diff_change_get_detail: (transfer none) (nullable): an attribute name, a role or a kind. */
PBO_API const char *pbo_diff_change_get_detail (const PboDiffChange *change);
/** pbo_diff_change_get_old: (transfer none) (nullable): the value in OLD (see #PboDiffKind). */
PBO_API const char *pbo_diff_change_get_old    (const PboDiffChange *change);
/** pbo_diff_change_get_new: (transfer none) (nullable): the value in NEW (see #PboDiffKind). */
PBO_API const char *pbo_diff_change_get_new    (const PboDiffChange *change);

/**
 * pbo_diff_change_is_expressible:
 * @change: a change
 *
 * Returns: %FALSE for the changes no plan operation can make: foreign
 *   content, and an org's meetings when a record to replace has no id.
 */
PBO_API gboolean pbo_diff_change_is_expressible (const PboDiffChange *change);

/**
 * pbo_diff_get_n_inexpressible:
 * @diff: a comparison
 *
 * Returns: how many changes pbo_diff_change_is_expressible() refuses: what
 *   a plan written from @diff leaves out. O(1).
 */
PBO_API guint pbo_diff_get_n_inexpressible (const PboDiff *diff);

/**
 * pbo_diff_get_n_operations:
 * @diff: a comparison
 *
 * Returns: the number of plan operations that turn OLD into NEW (0 when
 *   every change is inexpressible or there is none). O(1).
 */
PBO_API guint pbo_diff_get_n_operations (const PboDiff *diff);

/**
 * pbo_diff_write_text:
 * @diff: a comparison
 * @out: the string to append to
 *
 * Appends one line per change, in the order of the list, for people:
 * `org b4 added (branch “第四党支部”) under g1`, `member m7 transferred
 * b3 → b4`, `member m1 position “主任” → (none)`. Text values are quoted
 * and their line breaks and tabs written as backslash-n, backslash-r and backslash-t. Appends nothing
 * when the trees do not differ. The sentences are in the language of
 * LC_MESSAGES, kinds, statuses and roles by their display names (the
 * examples are the English ones). O(changes).
 */
PBO_API void pbo_diff_write_text (const PboDiff *diff, GString *out);

/**
 * pbo_diff_write_plan:
 * @diff: a comparison
 * @date: the date written on `<remove-member>` (the one operation that
 *   requires one), or %PBO_DATE_NONE for today
 * @out: the string to append to
 *
 * Appends a complete format-v1 plan document (`<plan xmlns="urn:libpbo:1">`,
 * docs/format.md) whose operations, applied in order, turn OLD into NEW,
 * except for the inexpressible changes, each written as an XML comment
 * after the operations (the sentence of pbo_diff_write_text(), for people,
 * so in the language of LC_MESSAGES; the operations never are). Conventions beyond the plan reference: an org
 * created or moved at the top level has no `parent` / `to` attribute;
 * members that are in OLD only are removed with `reason="transfer-out"`;
 * no org is created that NEW lacks: what must wait waits at the top level
 * or in the trees' own orgs (see docs/restructuring.md). O(operations +
 * members moved).
 */
PBO_API void pbo_diff_write_plan (const PboDiff *diff, PboDate date, GString *out);

/**
 * pbo_diff_to_plan:
 * @diff: a comparison
 * @date: the date written on `<remove-member>` (the one operation that
 *   requires one), or %PBO_DATE_NONE for today
 *
 * The operations that turn OLD into NEW as a plan: what
 * pbo_diff_write_plan() writes (with pbo_plan_write()) and pbo_diff_apply()
 * applies (with pbo_plan_apply()).
 *
 * Returns: (transfer full): a new plan, free with pbo_plan_free().
 *   O(operations + members moved).
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT PboPlan *pbo_diff_to_plan (const PboDiff *diff, PboDate date);

/**
 * pbo_diff_apply:
 * @diff: a comparison
 * @tree: a tree equal to the diff's OLD tree (typically a copy of it);
 *   not the OLD tree itself, which the diff borrows unchanged
 * @context: (nullable): date, reason and operator for the journal; the
 *   date is also the date of member removals
 * @error: return location for an error
 *
 * Applies the plan of pbo_diff_to_plan() to @tree with pbo_plan_apply(),
 * in one transaction: afterwards @tree equals NEW in everything
 * expressible (structure and order of orgs, members and officers; names,
 * kinds and units of orgs; every member field), and its journal holds one
 * entry per operation. Atomic: on any error nothing has changed.
 *
 * Errors: as pbo_plan_apply(): %PBO_ERROR_FAILED (a transaction is open
 * on @tree), and the errors of the operations when @tree is not equal to
 * OLD (the message is prefixed with the operation's name).
 *
 * Returns: %TRUE on success. O(operations × depth + members moved × depth).
 */
PBO_API gboolean pbo_diff_apply (const PboDiff        *diff,
                                 PboTree              *tree,
                                 const PboEditContext *context,
                                 GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PboDiff, pbo_diff_free)

G_END_DECLS

#endif /* PBO_DIFF_H */
