/* libpbo — the organisation tree: orgs, members, officers, meetings.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_TREE_H
#define PBO_TREE_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>

G_BEGIN_DECLS

/*
 * Ownership and lifetime
 * ----------------------
 * A #PboTree owns every org, member and string in it; pbo_tree_free()
 * releases all of it at once. Handles (#PboOrg, #PboMember) and the strings
 * their getters return are borrowed: they stay valid until the object is
 * removed from the tree or the tree is freed. Setting a string field makes
 * the previous string of that field invalid. Functions whose names end in
 * _dup return a copy the caller frees with g_free().
 *
 * Errors
 * ------
 * Every function that takes a GError either succeeds completely or fails
 * and leaves the tree exactly as it was. Passing NULL handles or handles of
 * another tree is a programming error (g_return_val_if_fail), not a GError.
 *
 * Cost
 * ----
 * Lookups by id are O(1); inserting, removing or moving one member or one
 * org is O(depth) (the subtree aggregates of every ancestor are updated);
 * statistics are O(1) per org. "depth" is the number of ancestors.
 */

/* ------------------------------------------------------------------ */
/* Tree                                                                */
/* ------------------------------------------------------------------ */

/**
 * pbo_tree_new:
 *
 * Returns: (transfer full): a new, empty tree; free with pbo_tree_free().
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT PboTree *pbo_tree_new (void);

/**
 * pbo_tree_free:
 * @tree: (transfer full) (nullable): a tree
 *
 * Frees @tree with all its orgs, members and strings. O(orgs + members),
 * without recursion.
 */
PBO_API void pbo_tree_free (PboTree *tree);

/**
 * pbo_tree_copy:
 * @tree: a tree
 *
 * Makes a deep copy of @tree: every org with its fields, officers, meetings
 * (absent records included) and foreign content, every member with every
 * field and its foreign content, in the same order, under the same ids.
 * The copy shares nothing with @tree. The restructuring journal (see
 * <pbo/edit.h>) is not copied: the copy starts with an empty one.
 *
 * Returns: (transfer full): the copy; free with pbo_tree_free().
 *   O(orgs + members + officers + meetings).
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT PboTree *pbo_tree_copy (const PboTree *tree);

/**
 * pbo_tree_get_n_orgs:
 * @tree: a tree
 *
 * Returns: the number of orgs in the tree. O(1).
 */
PBO_API guint pbo_tree_get_n_orgs (const PboTree *tree);

/**
 * pbo_tree_get_n_members:
 * @tree: a tree
 *
 * Returns: the number of members in the tree. O(1).
 */
PBO_API guint pbo_tree_get_n_members (const PboTree *tree);

/**
 * pbo_tree_get_first_org:
 * @tree: a tree
 *
 * Returns: (transfer none) (nullable): the first top-level org, or NULL if
 *   the tree is empty. The others follow through pbo_org_get_next().
 */
PBO_API PboOrg *pbo_tree_get_first_org (const PboTree *tree);

/**
 * pbo_tree_lookup_org:
 * @tree: a tree
 * @id: an org id
 *
 * Returns: (transfer none) (nullable): the org with that id, or NULL. O(1).
 */
PBO_API PboOrg *pbo_tree_lookup_org (const PboTree *tree, const char *id);

/**
 * pbo_tree_lookup_member:
 * @tree: a tree
 * @id: a member id
 *
 * Returns: (transfer none) (nullable): the member with that id, or NULL. O(1).
 */
PBO_API PboMember *pbo_tree_lookup_member (const PboTree *tree, const char *id);

/**
 * pbo_tree_has_id:
 * @tree: a tree
 * @id: an id
 *
 * Returns: %TRUE if an org, a member or a recruit of @tree has this id. O(1).
 */
PBO_API gboolean pbo_tree_has_id (const PboTree *tree, const char *id);

/**
 * pbo_id_is_valid:
 * @id: (nullable): a candidate id
 *
 * An id is 1–128 bytes of UTF-8 that could be an XML NCName: no spaces or
 * colons, not starting with a digit, '-' or '.'.
 *
 * Returns: %TRUE if @id is a valid id.
 */
PBO_API gboolean pbo_id_is_valid (const char *id);

/**
 * pbo_tree_validate_invariants:
 * @tree: a tree
 * @error: return location for a %PBO_ERROR_INCONSISTENT error
 *
 * The debug validator: recounts every aggregate from scratch and checks the
 * links (parents, siblings, member lists), the nesting rules, id uniqueness
 * and that every officer belongs to the subtree of the org it serves.
 * Meant for tests and for diagnosing a corrupted tree; O(orgs + members).
 *
 * Returns: %TRUE if every invariant holds.
 */
PBO_API gboolean pbo_tree_validate_invariants (const PboTree *tree, GError **error);

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
 * %PBO_ERROR_DUPLICATE_ID, %PBO_ERROR_CONTAINMENT.
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
 * @new_parent).
 *
 * Returns: %TRUE on success. O(depth × officers of the orgs left).
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
 * Returns: %TRUE on success.
 */
PBO_API gboolean pbo_org_set_kind (PboTree *tree, PboOrg *org, PboOrgKind kind, GError **error);

/**
 * pbo_org_set_name:
 * @org: an org
 * @name: a non-empty UTF-8 name (copied)
 * @error: return location for a %PBO_ERROR_INVALID error
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
 * Returns: %TRUE on success.
 */
PBO_API gboolean pbo_org_set_unit (PboOrg *org, const char *unit, GError **error);

/**
 * pbo_org_set_established:
 * @org: an org
 * @date: the founding date, or %PBO_DATE_NONE
 * @error: return location for a %PBO_ERROR_INVALID error
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

/**
 * PboStats:
 * @full_in_service: full members in service, whole subtree
 * @full_retired: full members retired, whole subtree
 * @probationary_in_service: probationary members in service, whole subtree
 * @probationary_retired: probationary members retired, whole subtree
 * @members: all members of the subtree (sum of the four above)
 * @full: full members of the subtree
 * @probationary: probationary members of the subtree
 * @in_service: in-service members of the subtree
 * @retired: retired members of the subtree
 * @committees: descendant committees (not counting the org itself)
 * @general_branches: descendant general branches
 * @branches: descendant branches
 * @groups: descendant groups
 * @child_orgs: direct child orgs
 * @direct_members: members held by the org itself
 *
 * Subtree statistics of an org, a plain value. New fields are only ever
 * taken from the reserved padding, so the size never changes.
 */
typedef struct {
  guint32 full_in_service;
  guint32 full_retired;
  guint32 probationary_in_service;
  guint32 probationary_retired;
  guint32 members;
  guint32 full;
  guint32 probationary;
  guint32 in_service;
  guint32 retired;
  guint32 committees;
  guint32 general_branches;
  guint32 branches;
  guint32 groups;
  guint32 child_orgs;
  guint32 direct_members;
  /*< private >*/
  guint32 reserved[17];
} PboStats;

/**
 * pbo_org_get_stats:
 * @org: an org
 * @stats: (out caller-allocates): filled with the subtree statistics
 *
 * O(1): the aggregates are kept current by every edit.
 */
PBO_API void pbo_org_get_stats (const PboOrg *org, PboStats *stats);

/**
 * pbo_tree_get_stats:
 * @tree: a tree
 * @stats: (out caller-allocates): statistics of the whole tree; the kind
 *   counts cover every org, @child_orgs counts the top-level orgs
 *
 * O(1).
 */
PBO_API void pbo_tree_get_stats (const PboTree *tree, PboStats *stats);

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
 * pbo_org_add_meeting:
 * @tree: a tree
 * @org: the org that held the meeting
 * @type: the meeting type
 * @date: a full date
 * @title: (nullable): a UTF-8 title, copied
 * @attendance: the number present, or %PBO_ATTENDANCE_NONE
 * @error: return location for a %PBO_ERROR_INVALID error
 *
 * Records a meeting after the existing ones of @org.
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
 * Records a member absent from a meeting.
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

/* ------------------------------------------------------------------ */
/* Members                                                             */
/* ------------------------------------------------------------------ */

/** PBO_DUES_BASE_NONE: the dues base of a member whose base is unknown. */
#define PBO_DUES_BASE_NONE ((gint64) -1)

/** PBO_MEMBER_INFO_VERSION: the current version of #PboMemberInfo. */
#define PBO_MEMBER_INFO_VERSION 1

/**
 * PboMemberInfo:
 * @version: %PBO_MEMBER_INFO_VERSION; set by %PBO_MEMBER_INFO_INIT
 * @id: required: a valid id, unique in the tree
 * @name: required: non-empty UTF-8
 * @status: required
 * @employment: required
 * @joined: required: admission as a probationary member
 * @full_since: required for full members; not before @joined
 * @gender: optional
 * @born: optional; a full or year-only date
 * @ethnicity: optional UTF-8
 * @education: optional UTF-8
 * @position: optional UTF-8
 * @department: optional UTF-8 (科室 / work unit)
 * @dues_base_fen: monthly income in fen (1/100 yuan), or %PBO_DUES_BASE_NONE
 * @dues_category: optional
 * @phone: optional UTF-8
 * @id_card: optional GB 11643 number; its check digit is checked by the
 *   rules, not here, so that one mistyped number never blocks a file
 * @mobile: a mobile member (流动党员)
 *
 * The fields of a member, used to create one. Initialise with
 * %PBO_MEMBER_INFO_INIT; new fields are appended in later versions.
 * Strings are copied.
 */
typedef struct {
  unsigned int    version;
  const char     *id;
  const char     *name;
  PboStatus       status;
  PboEmployment   employment;
  PboDate         joined;
  PboDate         full_since;
  PboGender       gender;
  PboDate         born;
  const char     *ethnicity;
  const char     *education;
  const char     *position;
  const char     *department;
  gint64          dues_base_fen;
  PboDuesCategory dues_category;
  const char     *phone;
  const char     *id_card;
  gboolean        mobile;
} PboMemberInfo;

/** PBO_MEMBER_INFO_INIT: the initializer of #PboMemberInfo. */
#define PBO_MEMBER_INFO_INIT { PBO_MEMBER_INFO_VERSION, NULL, NULL, PBO_STATUS_NONE, \
    PBO_EMPLOYMENT_NONE, PBO_DATE_NONE, PBO_DATE_NONE, PBO_GENDER_NONE,             \
    PBO_DATE_NONE, NULL, NULL, NULL, NULL, PBO_DUES_BASE_NONE, PBO_DUES_NONE,       \
    NULL, NULL, FALSE }

/**
 * pbo_member_info_init:
 * @info: (out caller-allocates): the struct to initialise
 * @version: %PBO_MEMBER_INFO_VERSION
 *
 * Initialises @info as %PBO_MEMBER_INFO_INIT does, for bindings.
 *
 * Returns: %TRUE if @version is supported.
 */
PBO_API gboolean pbo_member_info_init (PboMemberInfo *info, unsigned int version);

/**
 * pbo_tree_add_member:
 * @tree: a tree
 * @org: a branch or group of @tree
 * @info: the member's fields
 * @error: return location for an error
 *
 * Appends a new member to @org.
 *
 * Errors: %PBO_ERROR_INVALID (missing or malformed field),
 * %PBO_ERROR_DUPLICATE_ID, %PBO_ERROR_CONTAINMENT (@org is not a branch or
 * group), %PBO_ERROR_INCONSISTENT (full member without full-since, or
 * full-since before joined).
 *
 * Returns: (transfer none) (nullable): the new member, owned by @tree, or
 *   NULL on error. O(depth).
 */
PBO_API PboMember *pbo_tree_add_member (PboTree             *tree,
                                        PboOrg              *org,
                                        const PboMemberInfo *info,
                                        GError             **error);

/**
 * pbo_tree_remove_member:
 * @tree: a tree
 * @member: (transfer full): a member of @tree
 *
 * Removes @member with all the offices it holds. Meetings that recorded it
 * as absent keep the record but return NULL for it. O(depth × officers of
 * the ancestors).
 */
PBO_API void pbo_tree_remove_member (PboTree *tree, PboMember *member);

/**
 * pbo_tree_move_member:
 * @tree: a tree
 * @member: a member of @tree
 * @org: the branch or group it moves to
 * @error: return location for a %PBO_ERROR_CONTAINMENT error
 *
 * Transfers @member (组织关系转接) to the end of @org's members. Offices of
 * orgs whose subtree the member leaves are vacated. O(depth × officers of
 * the orgs left).
 *
 * Returns: %TRUE on success.
 */
PBO_API gboolean pbo_tree_move_member (PboTree   *tree,
                                       PboMember *member,
                                       PboOrg    *org,
                                       GError   **error);

/**
 * pbo_member_set_attribute:
 * @tree: a tree
 * @member: a member of @tree
 * @name: a format-v1 member attribute name other than "id" ("name",
 *   "status", "joined", "dues-base", …)
 * @value: (nullable): its value as format v1 spells it; NULL or "" clears an
 *   optional attribute
 * @error: return location for an error
 *
 * Sets one field from its XML spelling, with the same validation as loading
 * a file: the way plans, CSV imports and command lines change members.
 *
 * Errors: %PBO_ERROR_INVALID (unknown attribute, bad value, clearing a
 * required one), %PBO_ERROR_INCONSISTENT (the result would break the
 * full-since rules).
 *
 * Returns: %TRUE on success.
 */
PBO_API gboolean pbo_member_set_attribute (PboTree    *tree,
                                           PboMember  *member,
                                           const char *name,
                                           const char *value,
                                           GError    **error);

/**
 * pbo_member_dup_attribute:
 * @member: a member
 * @name: a format-v1 member attribute name, "id" included
 *
 * Returns: (transfer full) (nullable): the attribute as format v1 spells
 *   it, or NULL if unset or unknown; free with g_free().
 */
PBO_API G_GNUC_MALLOC char *pbo_member_dup_attribute (const PboMember *member, const char *name);

/** pbo_member_get_id: (transfer none): the id. */
PBO_API const char     *pbo_member_get_id            (const PboMember *member);
/** pbo_member_get_name: (transfer none): the name. */
PBO_API const char     *pbo_member_get_name          (const PboMember *member);
/** pbo_member_get_org: (transfer none): the branch or group holding the member. */
PBO_API PboOrg         *pbo_member_get_org           (const PboMember *member);
/**
 * pbo_member_get_branch:
 * @member: a member
 *
 * Returns: (transfer none): the branch the member belongs to: its org, or
 *   the branch of its group.
 */
PBO_API PboOrg         *pbo_member_get_branch        (const PboMember *member);
/** pbo_member_get_next: (transfer none) (nullable): the next member of the same org. */
PBO_API PboMember      *pbo_member_get_next          (const PboMember *member);
/** pbo_member_get_status: full or probationary. */
PBO_API PboStatus       pbo_member_get_status        (const PboMember *member);
/** pbo_member_get_employment: in service or retired. */
PBO_API PboEmployment   pbo_member_get_employment    (const PboMember *member);
/** pbo_member_get_gender: the gender or %PBO_GENDER_NONE. */
PBO_API PboGender       pbo_member_get_gender        (const PboMember *member);
/** pbo_member_get_born: the birth date (full or year-only) or %PBO_DATE_NONE. */
PBO_API PboDate         pbo_member_get_born          (const PboMember *member);
/** pbo_member_get_joined: the admission date. */
PBO_API PboDate         pbo_member_get_joined        (const PboMember *member);
/** pbo_member_get_full_since: the date of conversion to full member, or NONE. */
PBO_API PboDate         pbo_member_get_full_since    (const PboMember *member);
/** pbo_member_get_ethnicity: (transfer none) (nullable): the ethnicity. */
PBO_API const char     *pbo_member_get_ethnicity     (const PboMember *member);
/** pbo_member_get_education: (transfer none) (nullable): the education. */
PBO_API const char     *pbo_member_get_education     (const PboMember *member);
/** pbo_member_get_position: (transfer none) (nullable): the position. */
PBO_API const char     *pbo_member_get_position      (const PboMember *member);
/** pbo_member_get_department: (transfer none) (nullable): the department. */
PBO_API const char     *pbo_member_get_department    (const PboMember *member);
/** pbo_member_get_dues_base: the monthly dues base in fen, or %PBO_DUES_BASE_NONE. */
PBO_API gint64          pbo_member_get_dues_base     (const PboMember *member);
/** pbo_member_get_dues_category: the dues category or %PBO_DUES_NONE. */
PBO_API PboDuesCategory pbo_member_get_dues_category (const PboMember *member);
/** pbo_member_get_mobile: %TRUE for a mobile member (流动党员). */
PBO_API gboolean        pbo_member_get_mobile        (const PboMember *member);
/**
 * pbo_member_dup_phone:
 * @member: a member
 *
 * Personal data is returned as a copy so that its storage can be packed.
 *
 * Returns: (transfer full) (nullable): the phone number or NULL; g_free() it.
 */
PBO_API G_GNUC_MALLOC char *pbo_member_dup_phone   (const PboMember *member);
/**
 * pbo_member_dup_id_card:
 * @member: a member
 *
 * Returns: (transfer full) (nullable): the ID-card number or NULL; g_free() it.
 */
PBO_API G_GNUC_MALLOC char *pbo_member_dup_id_card (const PboMember *member);

/**
 * pbo_id_card_check:
 * @number: an ID-card number
 * @error: return location for a %PBO_ERROR_INVALID error saying what is wrong
 *
 * Checks a GB 11643-1999 citizen number: 17 digits, a real birth date in
 * digits 7–14, and the ISO 7064 MOD 11-2 check character (0–9 or X).
 *
 * Returns: %TRUE if @number is well formed with the right check character.
 */
PBO_API gboolean pbo_id_card_check (const char *number, GError **error);

/* ------------------------------------------------------------------ */
/* Iteration                                                           */
/* ------------------------------------------------------------------ */

/**
 * PboWalkEvent:
 * @PBO_WALK_DONE: the walk is over
 * @PBO_WALK_ENTER: an org is entered (before its children)
 * @PBO_WALK_EXIT: an org is left (after its children)
 *
 * The events pbo_walker_next() returns.
 */
typedef enum {
  PBO_WALK_DONE = 0,
  PBO_WALK_ENTER,
  PBO_WALK_EXIT,
} PboWalkEvent;

/**
 * PboWalker:
 *
 * A depth-first walk over orgs with enter and exit events, without
 * recursion and without allocation: put it on the stack. The tree must not
 * change during a walk except for the org just returned with
 * %PBO_WALK_EXIT, which may be removed.
 */
typedef struct {
  /*< private >*/
  gpointer priv[4];
} PboWalker;

/**
 * pbo_walker_init:
 * @walker: (out caller-allocates): the walker
 * @tree: a tree
 * @root: (nullable): the org whose subtree to walk (itself included), or
 *   NULL for every top-level org in turn
 */
PBO_API void pbo_walker_init (PboWalker *walker, const PboTree *tree, PboOrg *root);

/**
 * pbo_walker_next:
 * @walker: an initialised walker
 * @org: (out) (transfer none): the org of the event; NULL with DONE
 *
 * Returns: the next event. O(1) amortised.
 */
PBO_API PboWalkEvent pbo_walker_next (PboWalker *walker, PboOrg **org);

/**
 * PboOrgFunc:
 * @org: an org
 * @user_data: the caller's data
 *
 * Returns: %TRUE to go on, %FALSE to stop.
 */
typedef gboolean (*PboOrgFunc) (PboOrg *org, gpointer user_data);

/**
 * PboMemberFunc:
 * @member: a member
 * @user_data: the caller's data
 *
 * Returns: %TRUE to go on, %FALSE to stop.
 */
typedef gboolean (*PboMemberFunc) (PboMember *member, gpointer user_data);

/**
 * pbo_tree_foreach_org:
 * @tree: a tree
 * @root: (nullable): the subtree to visit (itself included), NULL for all
 * @func: called for each org in document order (parents first)
 * @user_data: passed to @func
 *
 * The tree must not change during the walk.
 *
 * Returns: %FALSE if @func stopped the walk.
 */
PBO_API gboolean pbo_tree_foreach_org (const PboTree *tree,
                                       PboOrg        *root,
                                       PboOrgFunc     func,
                                       gpointer       user_data);

/**
 * pbo_tree_foreach_member:
 * @tree: a tree
 * @root: (nullable): the subtree whose members to visit, NULL for all
 * @func: called for each member in document order
 * @user_data: passed to @func
 *
 * The tree must not change during the walk.
 *
 * Returns: %FALSE if @func stopped the walk.
 */
PBO_API gboolean pbo_tree_foreach_member (const PboTree *tree,
                                          PboOrg        *root,
                                          PboMemberFunc  func,
                                          gpointer       user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PboTree, pbo_tree_free)

G_END_DECLS

#endif /* PBO_TREE_H */
