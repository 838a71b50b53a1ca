/* libpbo — orgs: nesting, structure, officers, meetings.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_ORG_H
#define PBO_ORG_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>
#include <pbo/tree.h>

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Orgs                                                                */
/* ------------------------------------------------------------------ */

/**
 * pbo_org_kind_can_contain:
 * @parent: the kind of the container, or %PBO_ORG_NONE for the top level
 * @child: the kind of the org to place inside
 *
 * The one nesting rule of libpbo: committees hold committees, general
 * branches and branches; general branches hold branches; branches hold
 * groups; groups hold no orgs; anything but a group may stand at the top.
 *
 * Returns: %TRUE if an org of kind @child may be a child of @parent.
 */
PBO_API gboolean pbo_org_kind_can_contain (PboOrgKind parent, PboOrgKind child);

/**
 * pbo_org_kind_holds_members:
 * @kind: an org kind
 *
 * Returns: %TRUE for branches and groups, the only orgs that hold members.
 */
PBO_API gboolean pbo_org_kind_holds_members (PboOrgKind kind);

/**
 * pbo_tree_add_org:
 * @tree: a tree
 * @parent: (nullable): the parent org, or NULL for a top-level org
 * @kind: the kind of the new org
 * @id: a valid id not yet used in @tree (copied)
 * @name: a non-empty UTF-8 name (copied)
 * @error: return location for an error
 *
 * Appends a new org as the last child of @parent.
 *
 * Errors: %PBO_ERROR_INVALID (bad id, empty name or kind NONE),
 * %PBO_ERROR_DUPLICATE_ID, %PBO_ERROR_CONTAINMENT, %PBO_ERROR_LIMIT (deeper
 * than %PBO_MAX_DEPTH).
 *
 * Builder API (docs/api-stability.md): refused with a g_critical (returns NULL) on a
 * tree with a journal or an open transaction; use pbo_edit_create_org() there.
 *
 * Returns: (transfer none) (nullable): the new org, owned by @tree, or NULL
 *   on error. O(depth).
 */
PBO_API PboOrg *pbo_tree_add_org (PboTree    *tree,
                                  PboOrg     *parent,
                                  PboOrgKind  kind,
                                  const char *id,
                                  const char *name,
                                  GError    **error);

/**
 * pbo_tree_remove_org:
 * @tree: a tree
 * @org: (transfer full): an org of @tree without child orgs, members or recruits
 * @error: return location for a %PBO_ERROR_NOT_EMPTY error
 *
 * Removes and frees an empty org with its officers and meetings. @org is
 * invalid afterwards. O(depth).
 *
 * Builder API (docs/api-stability.md): refused with a g_critical (returns %FALSE) on a
 * tree with a journal or an open transaction; use pbo_edit_dissolve() there.
 *
 * Returns: %TRUE on success.
 */
PBO_API gboolean pbo_tree_remove_org (PboTree *tree, PboOrg *org, GError **error);

/**
 * pbo_tree_move_org:
 * @tree: a tree
 * @org: the org to move
 * @new_parent: (nullable): the new parent, or NULL for the top level
 * @before: (nullable): a child of @new_parent to insert before, or NULL to
 *   append
 * @error: return location for an error
 *
 * Moves @org with its whole subtree. Offices of orgs that @org leaves and
 * that are held by members inside @org's subtree are vacated, because an
 * officer must belong to the subtree of the org he or she serves.
 *
 * Errors: %PBO_ERROR_CONTAINMENT, %PBO_ERROR_CYCLE (@new_parent is @org or
 * one of its descendants), %PBO_ERROR_INVALID (@before is not a child of
 * @new_parent), %PBO_ERROR_LIMIT (the subtree would reach deeper than
 * %PBO_MAX_DEPTH).
 *
 * Builder API (docs/api-stability.md): refused with a g_critical (returns %FALSE) on a
 * tree with a journal or an open transaction; use pbo_edit_move() there.
 *
 * Returns: %TRUE on success. O(depth × officers of the orgs left), plus
 *   O(orgs of the subtree) when it holds more orgs than levels are left.
 */
PBO_API gboolean pbo_tree_move_org (PboTree *tree,
                                    PboOrg  *org,
                                    PboOrg  *new_parent,
                                    PboOrg  *before,
                                    GError **error);

/**
 * pbo_org_set_kind:
 * @tree: a tree
 * @org: an org of @tree
 * @kind: the new kind
 * @error: return location for a %PBO_ERROR_CONTAINMENT error
 *
 * Changes the kind, e.g. a branch that outgrew 50 members becomes a general
 * branch. Refused unless the parent may contain the new kind, the new kind
 * may contain every child, (when @org holds members) the new kind holds
 * members, and (when @org records recruits) the new kind is a branch.
 * O(children + depth).
 *
 * Builder API (docs/api-stability.md): refused with a g_critical (returns %FALSE) on a
 * tree with a journal or an open transaction; use pbo_edit_set_kind() there.
 *
 * Returns: %TRUE on success.
 */
PBO_API gboolean pbo_org_set_kind (PboTree *tree, PboOrg *org, PboOrgKind kind, GError **error);

/**
 * pbo_org_set_name:
 * @org: an org
 * @name: a non-empty UTF-8 name (copied)
 * @error: return location for a %PBO_ERROR_INVALID error
 *
 * Builder API (docs/api-stability.md): refused with a g_critical (returns %FALSE) on a
 * tree with a journal or an open transaction; use pbo_edit_rename() there.
 *
 * Returns: %TRUE on success.
 */
PBO_API gboolean pbo_org_set_name (PboOrg *org, const char *name, GError **error);

/**
 * pbo_org_set_unit:
 * @org: an org
 * @unit: (nullable): the host unit (单位), UTF-8, copied; NULL clears it
 * @error: return location for a %PBO_ERROR_INVALID error
 *
 * Builder API (docs/api-stability.md): refused with a g_critical (returns %FALSE) on a
 * tree with a journal or an open transaction; use pbo_edit_set_org() there.
 *
 * Returns: %TRUE on success.
 */
PBO_API gboolean pbo_org_set_unit (PboOrg *org, const char *unit, GError **error);

/**
 * pbo_org_set_established:
 * @org: an org
 * @date: the founding date, or %PBO_DATE_NONE
 * @error: return location for a %PBO_ERROR_INVALID error
 *
 * Builder API (docs/api-stability.md): refused with a g_critical (returns %FALSE) on a
 * tree with a journal or an open transaction; use pbo_edit_set_org() there.
 *
 * Returns: %TRUE on success (a full date or none).
 */
PBO_API gboolean pbo_org_set_established (PboOrg *org, PboDate date, GError **error);

/**
 * pbo_org_set_term:
 * @org: an org
 * @start: the start of the current term (换届), or %PBO_DATE_NONE
 * @years: the length of the term in years (1–10), or 0 when @start is NONE
 * @error: return location for a %PBO_ERROR_INVALID error
 *
 * Builder API (docs/api-stability.md): refused with a g_critical (returns %FALSE) on a
 * tree with a journal or an open transaction; use pbo_edit_set_org() there.
 *
 * Returns: %TRUE on success.
 */
PBO_API gboolean pbo_org_set_term (PboOrg *org, PboDate start, guint years, GError **error);

/** pbo_org_get_id: (transfer none): the id. */
PBO_API const char *pbo_org_get_id          (const PboOrg *org);
/** pbo_org_get_name: (transfer none): the name. */
PBO_API const char *pbo_org_get_name        (const PboOrg *org);
/** pbo_org_get_unit: (transfer none) (nullable): the host unit, or NULL. */
PBO_API const char *pbo_org_get_unit        (const PboOrg *org);
/** pbo_org_get_kind: the kind. */
PBO_API PboOrgKind  pbo_org_get_kind        (const PboOrg *org);
/** pbo_org_get_established: the founding date or %PBO_DATE_NONE. */
PBO_API PboDate     pbo_org_get_established (const PboOrg *org);
/** pbo_org_get_term_start: the start of the current term or %PBO_DATE_NONE. */
PBO_API PboDate     pbo_org_get_term_start  (const PboOrg *org);
/** pbo_org_get_term_years: the term length in years, 0 if unset. */
PBO_API guint       pbo_org_get_term_years  (const PboOrg *org);
/** pbo_org_get_tree: (transfer none): the tree that owns @org. */
PBO_API PboTree    *pbo_org_get_tree        (const PboOrg *org);

/** pbo_org_get_parent: (transfer none) (nullable): the parent, NULL at top level. */
PBO_API PboOrg *pbo_org_get_parent      (const PboOrg *org);
/** pbo_org_get_first_child: (transfer none) (nullable): the first child org. */
PBO_API PboOrg *pbo_org_get_first_child (const PboOrg *org);
/** pbo_org_get_last_child: (transfer none) (nullable): the last child org. */
PBO_API PboOrg *pbo_org_get_last_child  (const PboOrg *org);
/** pbo_org_get_next: (transfer none) (nullable): the next sibling. */
PBO_API PboOrg *pbo_org_get_next        (const PboOrg *org);
/** pbo_org_get_prev: (transfer none) (nullable): the previous sibling. */
PBO_API PboOrg *pbo_org_get_prev        (const PboOrg *org);
/** pbo_org_get_n_children: the number of direct child orgs. O(1). */
PBO_API guint   pbo_org_get_n_children  (const PboOrg *org);
/**
 * PBO_MAX_DEPTH:
 *
 * The most levels of orgs a tree holds (a top-level org is level 1): the
 * loader refuses a file nested deeper, and every operation that could
 * deepen the tree (pbo_tree_add_org(), pbo_tree_move_org(), and the edit
 * operations and plans built on them: create-org, move, merge…) refuses
 * with %PBO_ERROR_LIMIT, so that a saved tree always loads: with a member
 * and its foreign content (at most 64 levels) below the deepest org, a
 * file stays within the loader's default depth of 256 elements.
 *
 * Since: 1.1
 */
#define PBO_MAX_DEPTH 128

/** pbo_org_get_depth: 0 for a top-level org, 1 for its children, …. O(depth). */
PBO_API guint   pbo_org_get_depth       (const PboOrg *org);

/**
 * pbo_org_is_ancestor:
 * @ancestor: an org
 * @org: an org of the same tree
 *
 * Returns: %TRUE if @ancestor is @org or one of its ancestors. O(depth).
 */
PBO_API gboolean pbo_org_is_ancestor (const PboOrg *ancestor, const PboOrg *org);

/** pbo_org_get_first_member: (transfer none) (nullable): the first member held directly. */
PBO_API PboMember *pbo_org_get_first_member (const PboOrg *org);
/** pbo_org_get_n_members: the number of members held directly (not in groups below). O(1). */
PBO_API guint      pbo_org_get_n_members    (const PboOrg *org);
/* ------------------------------------------------------------------ */
/* Officers                                                            */
/* ------------------------------------------------------------------ */

/**
 * pbo_org_add_officer:
 * @tree: a tree
 * @org: the org served
 * @role: the role; only %PBO_ROLE_COMMITTEE_MEMBER may be held by several
 * @member: a member of @org's subtree
 * @since: (optional): the appointment date, or %PBO_DATE_NONE
 * @error: return location for an error
 *
 * Appoints an officer; appended after the org's existing officers.
 *
 * Errors: %PBO_ERROR_INVALID (role NONE, bad date),
 * %PBO_ERROR_INCONSISTENT (member outside the subtree, role already held,
 * the same member already in that role).
 *
 * Builder API (docs/api-stability.md): refused with a g_critical (returns %FALSE) on a
 * tree with a journal or an open transaction; use pbo_edit_appoint() there.
 *
 * Returns: %TRUE on success. O(depth + officers of @org).
 */
PBO_API gboolean pbo_org_add_officer (PboTree   *tree,
                                      PboOrg    *org,
                                      PboRole    role,
                                      PboMember *member,
                                      PboDate    since,
                                      GError   **error);

/**
 * pbo_org_remove_officer:
 * @tree: a tree
 * @org: the org served
 * @role: the role
 * @member: the member holding it
 * @error: return location for a %PBO_ERROR_UNKNOWN_ID error
 *
 * Builder API (docs/api-stability.md): refused with a g_critical (returns %FALSE) on a
 * tree with a journal or an open transaction; use pbo_edit_dismiss() there.
 *
 * Returns: %TRUE if the appointment existed and was removed.
 */
PBO_API gboolean pbo_org_remove_officer (PboTree   *tree,
                                         PboOrg    *org,
                                         PboRole    role,
                                         PboMember *member,
                                         GError   **error);

/** pbo_org_get_n_officers: the number of appointments of @org. */
PBO_API guint pbo_org_get_n_officers (const PboOrg *org);

/**
 * pbo_org_get_officer:
 * @org: an org
 * @index: 0 ≤ @index < pbo_org_get_n_officers()
 * @role: (out) (optional): the role
 * @member: (out) (optional) (transfer none): the member
 * @since: (out) (optional): the appointment date or %PBO_DATE_NONE
 *
 * Returns: %TRUE if @index is in range.
 */
PBO_API gboolean pbo_org_get_officer (const PboOrg *org,
                                      guint         index,
                                      PboRole      *role,
                                      PboMember   **member,
                                      PboDate      *since);

/**
 * pbo_org_find_officer:
 * @org: an org
 * @role: a role
 *
 * Returns: (transfer none) (nullable): the first member holding @role in
 *   @org, or NULL. O(officers of @org).
 */
PBO_API PboMember *pbo_org_find_officer (const PboOrg *org, PboRole role);

/* ------------------------------------------------------------------ */
/* Meetings                                                            */
/* ------------------------------------------------------------------ */

/**
 * PBO_ATTENDANCE_NONE:
 *
 * The attendance of a meeting whose attendance was not recorded.
 */
#define PBO_ATTENDANCE_NONE (-1)

/**
 * PBO_ATTENDANCE_MAX:
 *
 * The largest attendance a meeting records (999 999 999: the nine digits
 * the format and its schema allow); the loader and pbo_org_add_meeting()
 * refuse more.
 *
 * Since: 1.1
 */
#define PBO_ATTENDANCE_MAX 999999999

/**
 * pbo_org_add_meeting:
 * @tree: a tree
 * @org: the org that held the meeting
 * @type: the meeting type
 * @date: a full date
 * @title: (nullable): a UTF-8 title, copied
 * @attendance: the number present (0 to %PBO_ATTENDANCE_MAX), or
 *   %PBO_ATTENDANCE_NONE
 * @error: return location for a %PBO_ERROR_INVALID error
 *
 * Builder API (docs/api-stability.md): records a meeting after the
 * existing ones of @org. Refused with a g_critical (returns -1) on a tree
 * with a journal or an open transaction: use pbo_edit_add_meeting() there.
 *
 * Returns: the index of the new meeting, or -1 on error.
 */
PBO_API int pbo_org_add_meeting (PboTree       *tree,
                                 PboOrg        *org,
                                 PboMeetingType type,
                                 PboDate        date,
                                 const char    *title,
                                 int            attendance,
                                 GError       **error);

/**
 * pbo_org_add_meeting_absent:
 * @tree: a tree
 * @org: an org
 * @index: a meeting index of @org
 * @member: the absent member
 * @error: return location for an error
 *
 * Builder API: records a member absent from a meeting; refused like
 * pbo_org_add_meeting() (use pbo_edit_update_meeting() on a journaled tree).
 *
 * Returns: %TRUE on success; %PBO_ERROR_INVALID for a bad index.
 */
PBO_API gboolean pbo_org_add_meeting_absent (PboTree   *tree,
                                             PboOrg    *org,
                                             guint      index,
                                             PboMember *member,
                                             GError   **error);

/** pbo_org_get_n_meetings: the number of meetings recorded for @org. */
PBO_API guint pbo_org_get_n_meetings (const PboOrg *org);

/**
 * pbo_org_get_meeting:
 * @org: an org
 * @index: a meeting index
 * @type: (out) (optional): the type
 * @date: (out) (optional): the date
 * @title: (out) (optional) (transfer none): the title or NULL
 * @attendance: (out) (optional): the attendance or %PBO_ATTENDANCE_NONE
 * @n_absent: (out) (optional): the number of absent members recorded
 *
 * Returns: %TRUE if @index is in range.
 */
PBO_API gboolean pbo_org_get_meeting (const PboOrg   *org,
                                      guint           index,
                                      PboMeetingType *type,
                                      PboDate        *date,
                                      const char    **title,
                                      int            *attendance,
                                      guint          *n_absent);

/**
 * pbo_org_get_meeting_absent:
 * @org: an org
 * @index: a meeting index
 * @nth: 0 ≤ @nth < the meeting's absent count
 *
 * Returns: (transfer none) (nullable): the @nth absent member, or NULL if
 *   out of range or that member has since been removed from the tree.
 */
PBO_API PboMember *pbo_org_get_meeting_absent (const PboOrg *org, guint index, guint nth);

/**
 * pbo_org_get_meeting_id:
 * @org: an org
 * @index: a meeting index
 *
 * Returns: (transfer none) (nullable): the meeting's id (format 1.1), or
 *   NULL when it has none or @index is out of range; owned by the tree.
 */
PBO_API const char *pbo_org_get_meeting_id (const PboOrg *org, guint index);

/**
 * pbo_org_get_meeting_absent_id:
 * @org: an org
 * @index: a meeting index
 * @nth: 0 ≤ @nth < the meeting's absent count
 *
 * Returns: (transfer none) (nullable): the id of the @nth absent member as
 *   recorded, even if that member has since left the tree; NULL out of range.
 */
PBO_API const char *pbo_org_get_meeting_absent_id (const PboOrg *org, guint index, guint nth);

/**
 * pbo_org_find_meeting:
 * @org: an org
 * @id: a meeting id
 *
 * Returns: the index of @org's meeting with @id, or -1. O(meetings of @org).
 */
PBO_API int pbo_org_find_meeting (const PboOrg *org, const char *id);

/**
 * pbo_tree_lookup_meeting:
 * @tree: a tree
 * @id: a meeting id
 * @index: (out) (optional): the meeting's index in its org
 *
 * Meeting ids share the tree's one namespace with orgs, members and
 * recruits.
 *
 * Returns: (transfer none) (nullable): the org that holds the meeting, or
 *   NULL. O(meetings of that org).
 */
PBO_API PboOrg *pbo_tree_lookup_meeting (const PboTree *tree, const char *id, guint *index);

/**
 * pbo_org_set_meeting_id:
 * @tree: a tree
 * @org: an org
 * @index: a meeting index of @org
 * @id: (nullable): the id, unused in the tree; NULL or "" removes it
 * @error: return location for an error
 *
 * Builder API (see docs/api-stability.md): gives a meeting an id. Refused
 * with a g_critical on a tree with a journal or an open transaction: use
 * pbo_edit_update_meeting() there.
 *
 * Errors: %PBO_ERROR_INVALID (a bad index or id), %PBO_ERROR_DUPLICATE_ID.
 *
 * Returns: %TRUE on success.
 */
PBO_API gboolean pbo_org_set_meeting_id (PboTree    *tree,
                                         PboOrg     *org,
                                         guint       index,
                                         const char *id,
                                         GError    **error);

G_END_DECLS

#endif /* PBO_ORG_H */
