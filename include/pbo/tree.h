/* libpbo — the organisation tree: lifetime, ids, statistics, iteration.
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
 * pbo_tree_graft:
 * @tree: the tree to add to: a fresh tree being built (no journal entry,
 *   no open transaction)
 * @parent: (nullable): the org under which @source's top-level orgs go, as
 *   its last children; NULL for the top level of @tree
 * @source: the tree to copy from (not @tree itself); left unchanged
 * @prefix: (nullable): when not NULL or empty, every id of @source — orgs,
 *   members, recruits, and the references to them (officers, absences) —
 *   becomes @prefix followed by the id in @tree
 * @error: return location for an error
 *
 * Copies every top-level org of @source, with its whole subtree exactly as
 * pbo_tree_copy() copies it, into @tree: how a district or a city combines
 * the files of its units (`pbo combine`). @source's journal is not copied.
 * This is a builder function like pbo_tree_add_org(): a journaled tree
 * changes through <pbo/edit.h> only, and grafting into one is a
 * programming error.
 *
 * Errors: %PBO_ERROR_DUPLICATE_ID (an id of @source, prefixed, is already
 * in @tree), %PBO_ERROR_INVALID (a prefixed id is not a valid id),
 * %PBO_ERROR_CONTAINMENT (@parent cannot hold one of the top-level orgs).
 * Everything is checked before anything is added: on error @tree is
 * exactly as it was.
 *
 * Returns: %TRUE on success. O(orgs + members + officers + meetings of
 *   @source, × depth of @parent for the aggregates).
 */
PBO_API gboolean pbo_tree_graft (PboTree       *tree,
                                 PboOrg        *parent,
                                 const PboTree *source,
                                 const char    *prefix,
                                 GError       **error);

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
/* Statistics                                                          */
/* ------------------------------------------------------------------ */

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
