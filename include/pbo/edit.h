/* libpbo — restructuring: atomic operations and transactions (the journal is journal.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_EDIT_H
#define PBO_EDIT_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>
#include <pbo/tree.h>
#include <pbo/recruit.h>

G_BEGIN_DECLS

/*
 * The restructuring engine
 * ------------------------
 * The pbo_edit_ operations change a tree the way an organisation department
 * does: merge committees, split a branch, transfer members (组织关系转接).
 * Each one is atomic: it either succeeds completely or fails with a GError
 * and leaves the tree exactly as it was (fields, order, officers, meetings,
 * foreign content). Internally every primitive change is recorded in an
 * undo log as its inverse step (never a snapshot of the tree), so undoing
 * costs O(changes), not O(tree).
 *
 * Every successful operation is recorded in the tree's journal as one
 * #PboJournalEntry (sequence number, date, operation, subjects, from, to,
 * reason, operator, and the undo steps). The journal can undo its last
 * entry and rebuild the tree as it stood after any entry or on any date.
 *
 * Transactions: pbo_edit_begin() opens one; the operations that follow are
 * applied at once (the tree shows them) but only reach the journal at
 * pbo_edit_commit(); pbo_edit_rollback() undoes all of them. Transactions do
 * not nest: each operation inside one is a savepoint, so a failing operation
 * undoes only itself and the transaction stays open. Without an open
 * transaction each operation commits itself.
 *
 * The journal assumes that, once it holds entries, the tree is changed only
 * through the pbo_edit_ functions: a change made with the <pbo/tree.h>
 * setters is not recorded, and an undo that can no longer be replayed
 * fails cleanly (%PBO_ERROR_INCONSISTENT) without changing anything.
 *
 * Costs are given with k = the members moved, c = the child orgs moved and
 * depth = the number of ancestors: every single move or insertion updates
 * the subtree aggregates of its ancestors (O(depth)) and vacates offices in
 * the orgs it leaves (O(officers of those orgs)).
 */

/* ------------------------------------------------------------------ */
/* Enumerations                                                        */
/* ------------------------------------------------------------------ */

/**
 * PboEditOp:
 * @PBO_EDIT_OP_NONE: unknown spelling
 * @PBO_EDIT_OP_CREATE_ORG: "create-org"
 * @PBO_EDIT_OP_RENAME: "rename"
 * @PBO_EDIT_OP_SET_KIND: "set-kind"
 * @PBO_EDIT_OP_MOVE: "move"
 * @PBO_EDIT_OP_TRANSFER: "transfer"
 * @PBO_EDIT_OP_MERGE: "merge"
 * @PBO_EDIT_OP_SPLIT: "split"
 * @PBO_EDIT_OP_DISSOLVE: "dissolve"
 * @PBO_EDIT_OP_APPOINT: "appoint"
 * @PBO_EDIT_OP_DISMISS: "dismiss"
 * @PBO_EDIT_OP_ADD_MEMBER: "add-member"
 * @PBO_EDIT_OP_UPDATE_MEMBER: "update-member"
 * @PBO_EDIT_OP_CONVERT: "convert" (转正)
 * @PBO_EDIT_OP_REMOVE_MEMBER: "remove-member"
 * @PBO_EDIT_OP_PROMOTE: "promote" (a recruit to the next stage)
 * @PBO_EDIT_OP_ADMIT: "admit" (a candidate as a probationary member)
 * @PBO_EDIT_OP_SET_ORG: "set-org" (unit, founding date, term: 换届; 1.1)
 * @PBO_EDIT_OP_ADD_MEETING: "add-meeting" (1.1)
 * @PBO_EDIT_OP_UPDATE_MEETING: "update-meeting" (1.1)
 * @PBO_EDIT_OP_REMOVE_MEETING: "remove-meeting" (1.1)
 * @PBO_EDIT_OP_ADD_RECRUIT: "add-recruit" (1.1)
 * @PBO_EDIT_OP_UPDATE_RECRUIT: "update-recruit" (1.1)
 * @PBO_EDIT_OP_REMOVE_RECRUIT: "remove-recruit" (1.1)
 * @PBO_EDIT_OP_ADD_PAYMENT: "add-payment" (a month's dues; 1.1, <pbo/records.h>)
 * @PBO_EDIT_OP_REMOVE_PAYMENT: "remove-payment" (1.1)
 * @PBO_EDIT_OP_SET_EVALUATION: "set-evaluation" (民主评议; 1.1)
 * @PBO_EDIT_OP_REMOVE_EVALUATION: "remove-evaluation" (1.1)
 * @PBO_EDIT_OP_SET_RATING: "set-rating" (星级评定; 1.1)
 * @PBO_EDIT_OP_REMOVE_RATING: "remove-rating" (1.1)
 * @PBO_EDIT_OP_ADD_TRAINING: "add-training" (学时; 1.1)
 * @PBO_EDIT_OP_REMOVE_TRAINING: "remove-training" (1.1)
 * @PBO_EDIT_OP_SET_STANDING: "set-standing" (a member's standing; 1.1)
 * @PBO_EDIT_OP_TRANSFER_OUT: "transfer-out" (out of the estate with a letter, 介绍信; 1.1)
 * @PBO_EDIT_OP_RECEIPT: "receipt" (a letter's 回执 came back; 1.1)
 * @PBO_EDIT_OP_TRANSFER_IN: "transfer-in" (into the estate with a letter; 1.1)
 * @PBO_EDIT_OP_ADD_WORK_PLAN: "add-work-plan" (1.1, <pbo/work-records.h>)
 * @PBO_EDIT_OP_REMOVE_WORK_PLAN: "remove-work-plan" (1.1)
 * @PBO_EDIT_OP_ADD_ELECTION: "add-election" (1.1; 换届选举)
 *
 * The operations of the journal; spelled as the plan elements of
 * format v1. Values are part of the ABI.
 */
typedef enum {
  PBO_EDIT_OP_NONE = 0,
  PBO_EDIT_OP_CREATE_ORG,
  PBO_EDIT_OP_RENAME,
  PBO_EDIT_OP_SET_KIND,
  PBO_EDIT_OP_MOVE,
  PBO_EDIT_OP_TRANSFER,
  PBO_EDIT_OP_MERGE,
  PBO_EDIT_OP_SPLIT,
  PBO_EDIT_OP_DISSOLVE,
  PBO_EDIT_OP_APPOINT,
  PBO_EDIT_OP_DISMISS,
  PBO_EDIT_OP_ADD_MEMBER,
  PBO_EDIT_OP_UPDATE_MEMBER,
  PBO_EDIT_OP_CONVERT,
  PBO_EDIT_OP_REMOVE_MEMBER,
  PBO_EDIT_OP_PROMOTE,
  PBO_EDIT_OP_ADMIT,
  PBO_EDIT_OP_SET_ORG,
  PBO_EDIT_OP_ADD_MEETING,
  PBO_EDIT_OP_UPDATE_MEETING,
  PBO_EDIT_OP_REMOVE_MEETING,
  PBO_EDIT_OP_ADD_RECRUIT,
  PBO_EDIT_OP_UPDATE_RECRUIT,
  PBO_EDIT_OP_REMOVE_RECRUIT,
  PBO_EDIT_OP_ADD_PAYMENT,
  PBO_EDIT_OP_REMOVE_PAYMENT,
  PBO_EDIT_OP_SET_EVALUATION,
  PBO_EDIT_OP_REMOVE_EVALUATION,
  PBO_EDIT_OP_SET_RATING,
  PBO_EDIT_OP_REMOVE_RATING,
  PBO_EDIT_OP_ADD_TRAINING,
  PBO_EDIT_OP_REMOVE_TRAINING,
  PBO_EDIT_OP_SET_STANDING,
  PBO_EDIT_OP_TRANSFER_OUT,
  PBO_EDIT_OP_RECEIPT,
  PBO_EDIT_OP_TRANSFER_IN,
  PBO_EDIT_OP_ADD_WORK_PLAN,
  PBO_EDIT_OP_REMOVE_WORK_PLAN,
  PBO_EDIT_OP_ADD_ELECTION,
} PboEditOp;

/** pbo_edit_op_to_string: (transfer none): "create-org", "merge", …; NULL for NONE. */
PBO_API const char *pbo_edit_op_to_string   (PboEditOp op);
/** pbo_edit_op_from_string: the operation spelled @s, or %PBO_EDIT_OP_NONE. */
PBO_API PboEditOp   pbo_edit_op_from_string (const char *s);

/**
 * PboRemovalReason:
 * @PBO_REMOVAL_NONE: unknown spelling
 * @PBO_REMOVAL_DEATH: "death" (去世)
 * @PBO_REMOVAL_EXPULSION: "expulsion" (开除党籍)
 * @PBO_REMOVAL_TRANSFER_OUT: "transfer-out" (组织关系转出 to another system)
 * @PBO_REMOVAL_LEFT: "left" (退党 / 除名)
 *
 * Why a member leaves the tree.
 */
typedef enum {
  PBO_REMOVAL_NONE = 0,
  PBO_REMOVAL_DEATH,
  PBO_REMOVAL_EXPULSION,
  PBO_REMOVAL_TRANSFER_OUT,
  PBO_REMOVAL_LEFT,
} PboRemovalReason;

/** pbo_removal_reason_to_string: (transfer none): "death", "expulsion", …; NULL for NONE. */
PBO_API const char      *pbo_removal_reason_to_string   (PboRemovalReason reason);
/** pbo_removal_reason_from_string: the reason spelled @s, or %PBO_REMOVAL_NONE. */
PBO_API PboRemovalReason pbo_removal_reason_from_string (const char *s);

/* ------------------------------------------------------------------ */
/* Context and selectors                                               */
/* ------------------------------------------------------------------ */

/** PBO_EDIT_CONTEXT_VERSION: the current version of #PboEditContext. */
#define PBO_EDIT_CONTEXT_VERSION 1

/**
 * PboEditContext:
 * @version: %PBO_EDIT_CONTEXT_VERSION; set by %PBO_EDIT_CONTEXT_INIT
 * @date: the date of the change, or %PBO_DATE_NONE for today
 * @reason: (nullable): why (e.g. the decision's document number), UTF-8
 * @operator_name: (nullable): who made the change, UTF-8
 *
 * What the journal records about an operation besides the operation itself.
 * Every operation accepts NULL for "all defaults". Strings are copied.
 * Initialise with %PBO_EDIT_CONTEXT_INIT; fields are only ever appended.
 */
typedef struct {
  unsigned int version;
  PboDate      date;
  const char  *reason;
  const char  *operator_name;
} PboEditContext;

/** PBO_EDIT_CONTEXT_INIT: the initializer of #PboEditContext. */
#define PBO_EDIT_CONTEXT_INIT { PBO_EDIT_CONTEXT_VERSION, PBO_DATE_NONE, NULL, NULL }

/**
 * pbo_edit_context_init:
 * @context: (out caller-allocates): the struct to initialise
 * @version: %PBO_EDIT_CONTEXT_VERSION, or the version of an older release
 *
 * Initialises @context as %PBO_EDIT_CONTEXT_INIT does, for bindings and for callers that
 * cannot use an initialiser: only the fields of @version are written, and
 * its version field is set to @version.
 *
 * Returns: %TRUE if @version is supported (1 to %PBO_EDIT_CONTEXT_VERSION); %FALSE, leaving
 *   @context untouched, otherwise.
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_edit_context_init (PboEditContext *context, unsigned int version);

/** PBO_SELECTOR_VERSION: the current version of #PboSelector. */
#define PBO_SELECTOR_VERSION 1

/**
 * PboSelector:
 * @version: %PBO_SELECTOR_VERSION; set by %PBO_SELECTOR_INIT
 * @from: the org whose subtree is searched (itself included)
 * @employment: only members with this employment, or %PBO_EMPLOYMENT_NONE
 *   for any
 * @status: only members with this status, or %PBO_STATUS_NONE for any
 * @department: (nullable): only members whose department (科室) is exactly
 *   this string, or NULL for any
 *
 * Chooses members for pbo_edit_transfer_selected() and pbo_edit_split():
 * every member of @from's subtree that matches all the filters set, org by
 * org with parents first (the walk order of pbo_tree_foreach_member()),
 * each org's members in order. Initialise with %PBO_SELECTOR_INIT; fields are only ever
 * appended.
 */
typedef struct {
  unsigned int  version;
  PboOrg       *from;
  PboEmployment employment;
  PboStatus     status;
  const char   *department;
} PboSelector;

/** PBO_SELECTOR_INIT: the initializer of #PboSelector. */
#define PBO_SELECTOR_INIT { PBO_SELECTOR_VERSION, NULL, PBO_EMPLOYMENT_NONE, \
    PBO_STATUS_NONE, NULL }

/**
 * pbo_selector_init:
 * @selector: (out caller-allocates): the struct to initialise
 * @version: %PBO_SELECTOR_VERSION, or the version of an older release
 *
 * Initialises @selector as %PBO_SELECTOR_INIT does, for bindings and for callers that
 * cannot use an initialiser: only the fields of @version are written, and
 * its version field is set to @version.
 *
 * Returns: %TRUE if @version is supported (1 to %PBO_SELECTOR_VERSION); %FALSE, leaving
 *   @selector untouched, otherwise.
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_selector_init (PboSelector *selector, unsigned int version);

/**
 * pbo_edit_select:
 * @tree: a tree
 * @selector: the selector
 * @error: return location for an error
 *
 * Lists the members @selector chooses, without changing anything: what a
 * transfer or split with it would move.
 *
 * Errors: %PBO_ERROR_INVALID (unsupported version, no @from, a filter out
 * of range).
 *
 * Returns: (transfer container) (nullable): a new array of borrowed
 *   #PboMember handles (valid until the tree changes) in selector order,
 *   possibly empty; free with g_ptr_array_unref(). NULL on error.
 *   O(orgs + members of @from's subtree).
 */
PBO_API GPtrArray *pbo_edit_select (PboTree *tree, const PboSelector *selector, GError **error);

/* ------------------------------------------------------------------ */
/* Operations on orgs                                                  */
/* ------------------------------------------------------------------ */

/** PBO_EDIT_ORG_INFO_VERSION: the current version of #PboEditOrgInfo. */
#define PBO_EDIT_ORG_INFO_VERSION 2

/**
 * PboEditOrgInfo:
 * @version: %PBO_EDIT_ORG_INFO_VERSION; set by %PBO_EDIT_ORG_INFO_INIT
 * @parent: (nullable): the parent org, NULL for the top level
 * @kind: the kind
 * @id: a valid id not used in the tree
 * @name: a non-empty name
 * @unit: (nullable): the host unit (单位)
 * @established: the founding date, or %PBO_DATE_NONE
 * @term_start: the start of the current term, or %PBO_DATE_NONE
 * @term_years: the term in years (1–10), 0 without @term_start
 * @before: (nullable): version 2: a child of @parent the new org goes right
 *   before; NULL for the end
 *
 * The fields of an org to create. Strings are copied. Initialise with
 * %PBO_EDIT_ORG_INFO_INIT; fields are only ever appended (a version 1
 * struct, without @before, is still accepted).
 */
typedef struct {
  unsigned int version;
  PboOrg      *parent;
  PboOrgKind   kind;
  const char  *id;
  const char  *name;
  const char  *unit;
  PboDate      established;
  PboDate      term_start;
  guint        term_years;
  PboOrg      *before;
} PboEditOrgInfo;

/** PBO_EDIT_ORG_INFO_INIT: the initializer of #PboEditOrgInfo. */
#define PBO_EDIT_ORG_INFO_INIT { PBO_EDIT_ORG_INFO_VERSION, NULL, PBO_ORG_NONE, NULL, NULL, \
    NULL, PBO_DATE_NONE, PBO_DATE_NONE, 0, NULL }

/**
 * pbo_edit_org_info_init:
 * @info: (out caller-allocates): the struct to initialise
 * @version: %PBO_EDIT_ORG_INFO_VERSION, or the version of an older release
 *
 * Initialises @info as %PBO_EDIT_ORG_INFO_INIT does, for bindings and for callers that
 * cannot use an initialiser: only the fields of @version are written, and
 * its version field is set to @version.
 *
 * Returns: %TRUE if @version is supported (1 to %PBO_EDIT_ORG_INFO_VERSION); %FALSE, leaving
 *   @info untouched, otherwise.
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_edit_org_info_init (PboEditOrgInfo *info, unsigned int version);

/**
 * pbo_edit_create_org:
 * @tree: a tree
 * @info: the new org's fields
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Creates an org as the last child of @info->parent (or before
 * @info->before). Journal: subjects =
 * the new id, to = the parent's id (NULL at the top level).
 *
 * Errors: %PBO_ERROR_INVALID (a bad field, version or context; a @before
 * that is not a child of @parent), %PBO_ERROR_DUPLICATE_ID,
 * %PBO_ERROR_CONTAINMENT.
 *
 * Returns: (transfer none) (nullable): the new org, owned by @tree, or NULL
 *   on error. O(depth).
 */
PBO_API PboOrg *pbo_edit_create_org (PboTree              *tree,
                                     const PboEditOrgInfo *info,
                                     const PboEditContext *context,
                                     GError              **error);

/**
 * pbo_edit_rename:
 * @tree: a tree
 * @org: an org of @tree
 * @name: the new name
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for a %PBO_ERROR_INVALID error
 *
 * Renames @org. Journal: subjects = @org, from = the old name, to = the new.
 *
 * Returns: %TRUE on success. O(1).
 */
PBO_API gboolean pbo_edit_rename (PboTree              *tree,
                                  PboOrg               *org,
                                  const char           *name,
                                  const PboEditContext *context,
                                  GError              **error);

/**
 * pbo_edit_set_kind:
 * @tree: a tree
 * @org: an org of @tree
 * @kind: the new kind
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Changes the kind where the result is a valid tree (see
 * pbo_org_set_kind()), e.g. a branch without members becomes a general
 * branch. Journal: subjects = @org, from/to = the kinds' spellings.
 *
 * Errors: %PBO_ERROR_INVALID, %PBO_ERROR_CONTAINMENT.
 *
 * Returns: %TRUE on success. O(children + depth).
 */
PBO_API gboolean pbo_edit_set_kind (PboTree              *tree,
                                    PboOrg               *org,
                                    PboOrgKind            kind,
                                    const PboEditContext *context,
                                    GError              **error);

/**
 * pbo_edit_move:
 * @tree: a tree
 * @org: an org of @tree
 * @new_parent: (nullable): the new parent, NULL for the top level
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Moves @org with its whole subtree to the end of @new_parent's children.
 * Offices of the orgs it leaves held by members of its subtree are vacated
 * (see pbo_journal_entry_get_vacated()). Journal: subjects = @org, from =
 * the old parent, to = the new (NULL at the top level).
 *
 * Errors: %PBO_ERROR_CYCLE (@new_parent is @org or inside it),
 * %PBO_ERROR_CONTAINMENT, %PBO_ERROR_INVALID (context).
 *
 * Returns: %TRUE on success. O(depth × officers of the orgs left).
 */
PBO_API gboolean pbo_edit_move (PboTree              *tree,
                                PboOrg               *org,
                                PboOrg               *new_parent,
                                const PboEditContext *context,
                                GError              **error);

/**
 * pbo_edit_merge:
 * @tree: a tree
 * @sources: (array length=n_sources): the orgs merged away, each listed once
 * @n_sources: how many
 * @target: the org that absorbs them
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Merges @sources into @target, in order: each source's child orgs, then
 * its members, move to the end of @target's; then the emptied source is
 * removed (with its meeting records, which the undo data keeps).
 *
 * Officers are reconciled by one rule: @target keeps its officers; every
 * office of a source is vacated (a merged organisation elects anew), and so
 * is any office in an ancestor the moved members leave. The journal entry
 * lists each vacated office (pbo_journal_entry_get_vacated()). Journal:
 * subjects = the source ids, to = @target.
 *
 * Errors: %PBO_ERROR_INVALID (no source, a source listed twice or equal to
 * @target), %PBO_ERROR_CYCLE (a source contains @target),
 * %PBO_ERROR_CONTAINMENT (@target cannot hold a source's children or
 * members, e.g. members into a committee). On error nothing has changed.
 *
 * Returns: %TRUE on success. O((k + c) × depth + officers of the sources).
 */
PBO_API gboolean pbo_edit_merge (PboTree              *tree,
                                 PboOrg *const        *sources,
                                 guint                 n_sources,
                                 PboOrg               *target,
                                 const PboEditContext *context,
                                 GError              **error);

/**
 * pbo_edit_split:
 * @tree: a tree
 * @org: a branch or group of @tree
 * @selector: the members to take; its @from may be NULL (meaning @org) or
 *   an org of @org's subtree
 * @new_id: the new org's id
 * @new_name: the new org's name
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Creates a sibling of @org of the same kind and unit right after it, and
 * moves the selected members into it, in selector order. Offices the
 * members held in @org are vacated. Recruits the selector matches follow
 * (see pbo_edit_transfer_selected()). Journal: subjects = the members
 * moved, then the recruits, from = @org, to = @new_id.
 *
 * Errors: %PBO_ERROR_CONTAINMENT (@org holds no members by its kind),
 * %PBO_ERROR_INVALID (bad selector or name; the selector is not inside
 * @org; it chooses no member), %PBO_ERROR_DUPLICATE_ID.
 *
 * Returns: (transfer none) (nullable): the new org, or NULL on error.
 *   O(orgs + members of @org's subtree + k × depth).
 */
PBO_API PboOrg *pbo_edit_split (PboTree              *tree,
                                PboOrg               *org,
                                const PboSelector    *selector,
                                const char           *new_id,
                                const char           *new_name,
                                const PboEditContext *context,
                                GError              **error);

/**
 * pbo_edit_dissolve:
 * @tree: a tree
 * @org: the org to dissolve: a branch (with its groups), a group, or a
 *   committee or general branch without child orgs
 * @members_to: (nullable): the branch or group that receives the members;
 *   may be NULL only when @org's subtree has no members
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Moves every member of @org and its groups to @members_to (in selector
 * order), then removes the groups and @org. Their offices are vacated and
 * their meeting records removed (the undo data keeps them). Journal:
 * subjects = @org, to = @members_to.
 *
 * Errors: %PBO_ERROR_NOT_EMPTY (@org has child orgs other than groups),
 * %PBO_ERROR_INVALID (members would be left without a branch: no
 * @members_to; or @members_to is inside @org), %PBO_ERROR_CONTAINMENT
 * (@members_to holds no members by its kind).
 *
 * Returns: %TRUE on success. O(groups + k × depth).
 */
PBO_API gboolean pbo_edit_dissolve (PboTree              *tree,
                                    PboOrg               *org,
                                    PboOrg               *members_to,
                                    const PboEditContext *context,
                                    GError              **error);

/**
 * pbo_edit_appoint:
 * @tree: a tree
 * @org: the org served
 * @role: the role
 * @member: a member of @org's subtree
 * @since: the appointment date, or %PBO_DATE_NONE
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Appoints an officer (see pbo_org_add_officer()). Journal: subjects =
 * @member, to = @org, detail = the role.
 *
 * Errors: as pbo_org_add_officer().
 *
 * Returns: %TRUE on success. O(depth + officers of @org).
 */
PBO_API gboolean pbo_edit_appoint (PboTree              *tree,
                                   PboOrg               *org,
                                   PboRole               role,
                                   PboMember            *member,
                                   PboDate               since,
                                   const PboEditContext *context,
                                   GError              **error);

/**
 * pbo_edit_dismiss:
 * @tree: a tree
 * @org: the org served
 * @role: the role
 * @member: the member holding it
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Ends an appointment. Journal: subjects = @member, from = @org, detail =
 * the role.
 *
 * Errors: %PBO_ERROR_UNKNOWN_ID (@member does not hold @role in @org).
 *
 * Returns: %TRUE on success. O(officers of @org).
 */
PBO_API gboolean pbo_edit_dismiss (PboTree              *tree,
                                   PboOrg               *org,
                                   PboRole               role,
                                   PboMember            *member,
                                   const PboEditContext *context,
                                   GError              **error);

/* ------------------------------------------------------------------ */
/* Operations on members                                               */
/* ------------------------------------------------------------------ */

/**
 * pbo_edit_transfer:
 * @tree: a tree
 * @member_ids: (array length=n_ids): ids of the members to transfer; an id
 *   may also name a recruit, who goes to the branch of @to
 * @n_ids: how many
 * @to: the branch or group that receives them
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Transfers members (组织关系转接) to the end of @to, in the order given;
 * members already in @to stay where they are. Offices in the orgs a member
 * leaves are vacated. Recruits named follow, after the members, to the end
 * of the recruits of @to's branch. Journal: subjects = the members moved,
 * then the recruits, to = @to.
 *
 * Errors: %PBO_ERROR_UNKNOWN_ID (an id names no member or recruit),
 * %PBO_ERROR_CONTAINMENT (@to is not a branch or group), %PBO_ERROR_INVALID.
 *
 * Returns: %TRUE on success. O(k × depth).
 */
PBO_API gboolean pbo_edit_transfer (PboTree              *tree,
                                    const char *const    *member_ids,
                                    guint                 n_ids,
                                    PboOrg               *to,
                                    const PboEditContext *context,
                                    GError              **error);

/**
 * pbo_edit_transfer_selected:
 * @tree: a tree
 * @selector: the members to transfer
 * @to: the branch or group that receives them
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * As pbo_edit_transfer(), for the members @selector chooses. Recruits of
 * the branches in the selector's subtree follow to the branch of @to when
 * the selector filters neither employment nor status (recruits have
 * neither) and, if it filters a department, theirs matches: so a
 * department's applicants go with its members. Journal: subjects = the
 * members moved, then the recruits, from = the selector's org, to = @to.
 * Choosing no member is not an error.
 *
 * Returns: %TRUE on success. O(orgs + members of the selector's subtree +
 *   k × depth).
 */
PBO_API gboolean pbo_edit_transfer_selected (PboTree              *tree,
                                             const PboSelector    *selector,
                                             PboOrg               *to,
                                             const PboEditContext *context,
                                             GError              **error);

/**
 * pbo_edit_add_member:
 * @tree: a tree
 * @org: a branch or group
 * @info: the member's fields
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Admits a member (see pbo_tree_add_member()). Journal: subjects = the new
 * id, to = @org.
 *
 * Returns: (transfer none) (nullable): the new member, or NULL on error
 *   (errors as pbo_tree_add_member()). O(depth).
 */
PBO_API PboMember *pbo_edit_add_member (PboTree              *tree,
                                        PboOrg               *org,
                                        const PboMemberInfo  *info,
                                        const PboEditContext *context,
                                        GError              **error);

/**
 * pbo_edit_update_member:
 * @tree: a tree
 * @member: a member
 * @attributes: (array zero-terminated=1): pairs of a format-v1 attribute
 *   name and its value (NULL or "" clears), ended by a NULL name:
 *   `{ "position", "主任", "phone", NULL, NULL }`
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Changes member attributes through pbo_member_set_attribute(). A change
 * refused only because the member would be inconsistent in between (e.g.
 * status="full" before full-since is set) is retried after the others, so
 * a consistent set of changes is accepted in any order. Journal: subjects
 * = @member, detail = the attribute names, space-separated.
 *
 * Errors: as pbo_member_set_attribute() for the final state;
 * %PBO_ERROR_INVALID for no attributes.
 *
 * Returns: %TRUE on success. O(a² + a × depth) for a attributes.
 */
PBO_API gboolean pbo_edit_update_member (PboTree              *tree,
                                         PboMember            *member,
                                         const char *const    *attributes,
                                         const PboEditContext *context,
                                         GError              **error);

/**
 * pbo_edit_convert:
 * @tree: a tree
 * @member: a probationary member
 * @context: the context; its @date (required) is the conversion date
 * @error: return location for an error
 *
 * Converts a probationary member to full membership (转正): full-since
 * becomes @context->date and the status full. Journal: subjects = @member,
 * from = "probationary", to = "full".
 *
 * Errors: %PBO_ERROR_INVALID (no date), %PBO_ERROR_INCONSISTENT (already
 * full, or the date is before joined).
 *
 * Returns: %TRUE on success. O(depth).
 */
PBO_API gboolean pbo_edit_convert (PboTree              *tree,
                                   PboMember            *member,
                                   const PboEditContext *context,
                                   GError              **error);

/**
 * pbo_edit_remove_member:
 * @tree: a tree
 * @member: (transfer full): a member; invalid after success
 * @reason: why the member leaves
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for a %PBO_ERROR_INVALID error (no reason)
 *
 * Removes a member with its offices; the undo data keeps every field.
 * Journal: subjects = the member's id, from = its org, detail = @reason's
 * spelling.
 *
 * Returns: %TRUE on success. O(depth × officers of the ancestors).
 */
PBO_API gboolean pbo_edit_remove_member (PboTree              *tree,
                                         PboMember            *member,
                                         PboRemovalReason      reason,
                                         const PboEditContext *context,
                                         GError              **error);

/**
 * pbo_edit_promote:
 * @tree: a tree
 * @recruit: a recruit of @tree
 * @stage: the next stage: activist for an applicant, candidate for an activist
 * @context: (nullable): the date of the step (today if unset; it becomes
 *   activist-since or candidate-since), reason and operator
 * @error: return location for an error
 *
 * Moves a recruit one stage on (确定入党积极分子, 列为发展对象). Journal:
 * subjects = @recruit, from and to = the stages.
 *
 * Errors: %PBO_ERROR_INVALID (@stage is not the next one, a bad date),
 * %PBO_ERROR_INCONSISTENT (the date is before the recruit's last step),
 * %PBO_ERROR_NOT_ELIGIBLE (the application was made before 18; a
 * candidate after less than %PBO_RECRUIT_ACTIVIST_MONTHS months as an
 * activist).
 *
 * Returns: %TRUE on success. O(1).
 */
PBO_API gboolean pbo_edit_promote (PboTree              *tree,
                                   PboRecruit           *recruit,
                                   PboRecruitStage       stage,
                                   const PboEditContext *context,
                                   GError              **error);

/**
 * pbo_edit_admit:
 * @tree: a tree
 * @recruit: (transfer full): a candidate of @tree; invalid after success
 * @employment: in service or retired, for the new member's record
 * @context: (nullable): the date of the branch's vote (today if unset; it
 *   becomes joined: the probation year runs from it), reason and operator
 * @error: return location for an error
 *
 * Admits a candidate as a probationary member (接收预备党员) of the branch
 * that recorded them: the member keeps the recruit's id, name, gender,
 * birth date and department. Journal: subjects = the id, from =
 * "candidate", to = the branch. Undone, the recruit comes back as it was.
 *
 * Errors: %PBO_ERROR_NOT_ELIGIBLE (not a candidate; under
 * %PBO_RECRUIT_MIN_AGE on the date or on applying; less than
 * %PBO_RECRUIT_ACTIVIST_MONTHS months as an activist before becoming a
 * candidate), %PBO_ERROR_INCONSISTENT (the date is before candidate-since),
 * %PBO_ERROR_INVALID (@employment, a bad date).
 *
 * Returns: (transfer none) (nullable): the new member, or NULL on error.
 *   O(depth + recruits of the branch).
 */
PBO_API PboMember *pbo_edit_admit (PboTree              *tree,
                                   PboRecruit           *recruit,
                                   PboEmployment         employment,
                                   const PboEditContext *context,
                                   GError              **error);

/* ------------------------------------------------------------------ */
/* Transactions                                                        */
/* ------------------------------------------------------------------ */

/**
 * pbo_edit_begin:
 * @tree: a tree
 * @error: return location for a %PBO_ERROR_FAILED error (one is open)
 *
 * Opens a transaction. Transactions do not nest.
 *
 * Returns: %TRUE on success. O(1).
 */
PBO_API gboolean pbo_edit_begin (PboTree *tree, GError **error);

/**
 * pbo_edit_commit:
 * @tree: a tree
 * @error: return location for a %PBO_ERROR_FAILED error (none is open)
 *
 * Closes the transaction, keeping its operations; each becomes a journal
 * entry, in order.
 *
 * Returns: %TRUE on success. O(operations).
 */
PBO_API gboolean pbo_edit_commit (PboTree *tree, GError **error);

/**
 * pbo_edit_rollback:
 * @tree: a tree
 * @error: return location for a %PBO_ERROR_FAILED error (none is open)
 *
 * Closes the transaction, undoing its operations: the tree is exactly as
 * at pbo_edit_begin().
 *
 * Returns: %TRUE on success. O(primitive changes made).
 */
PBO_API gboolean pbo_edit_rollback (PboTree *tree, GError **error);

/** pbo_edit_in_transaction: %TRUE while a transaction is open on @tree. */
PBO_API gboolean pbo_edit_in_transaction (const PboTree *tree);

G_END_DECLS

#endif /* PBO_EDIT_H */
