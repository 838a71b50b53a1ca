/* libpbo — edit operations on an org's own records (its fields, meetings,
 * recruits) and the positional variants of create, move, transfer and
 * add-member (1.1).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_EDIT_RECORDS_H
#define PBO_EDIT_RECORDS_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>
#include <pbo/tree.h>
#include <pbo/recruit.h>
#include <pbo/edit.h>

G_BEGIN_DECLS

/*
 * Every change a user can make is one of these operations or those of
 * <pbo/edit.h>: journaled, undoable, a savepoint in a transaction, and a
 * plan element (docs/format.md, "Plans"). Like the others each is atomic:
 * a refusal leaves the tree exactly as it was.
 */

/* ------------------------------------------------------------------ */
/* An org's fields                                                     */
/* ------------------------------------------------------------------ */

/**
 * PboOrgFields:
 * @PBO_ORG_FIELD_NONE: nothing
 * @PBO_ORG_FIELD_UNIT: the host unit (单位)
 * @PBO_ORG_FIELD_ESTABLISHED: the founding date
 * @PBO_ORG_FIELD_TERM: the term: its start and its years together (换届)
 *
 * Which fields pbo_edit_set_org() sets; flags.
 */
typedef enum {
  PBO_ORG_FIELD_NONE = 0,
  PBO_ORG_FIELD_UNIT = 1 << 0,
  PBO_ORG_FIELD_ESTABLISHED = 1 << 1,
  PBO_ORG_FIELD_TERM = 1 << 2,
} PboOrgFields;

/**
 * pbo_edit_set_org:
 * @tree: a tree
 * @org: an org of @tree
 * @fields: which fields to set (at least one)
 * @values: the new values, read from @unit, @established, @term_start and
 *   @term_years of #PboEditOrgInfo (the other fields are ignored); a NULL
 *   unit or %PBO_DATE_NONE clears
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Sets an org's unit, founding date or term; a new term start is a new
 * term (换届). Journal: subjects = @org, detail = the attribute names set
 * ("unit established term-start term-years"), from / to = the old and new
 * term start when the term is set.
 *
 * Errors: %PBO_ERROR_INVALID (no field, a bad date or text, a term start
 * without 1–10 years or years without a start).
 *
 * Returns: %TRUE on success. O(1).
 */
PBO_API gboolean pbo_edit_set_org (PboTree              *tree,
                                   PboOrg               *org,
                                   PboOrgFields          fields,
                                   const PboEditOrgInfo *values,
                                   const PboEditContext *context,
                                   GError              **error);

/**
 * pbo_edit_split_org:
 * @tree: a tree
 * @org: a branch or group of @tree
 * @selector: as pbo_edit_split()
 * @info: the new org: its @id and @name (required), @unit (NULL: @org's),
 *   @established, @term_start and @term_years; @parent and @kind must be
 *   NULL and %PBO_ORG_NONE (the sibling has @org's parent and kind)
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * pbo_edit_split() with the new org's founding date and term: a branch
 * split off is founded on the day of the split. Journal as pbo_edit_split().
 *
 * Errors: as pbo_edit_split(); %PBO_ERROR_INVALID for a bad @info.
 *
 * Returns: (transfer none) (nullable): the new org, or NULL on error.
 */
PBO_API PboOrg *pbo_edit_split_org (PboTree              *tree,
                                    PboOrg               *org,
                                    const PboSelector    *selector,
                                    const PboEditOrgInfo *info,
                                    const PboEditContext *context,
                                    GError              **error);

/* ------------------------------------------------------------------ */
/* Positions                                                           */
/* ------------------------------------------------------------------ */

/**
 * pbo_edit_move_before:
 * @tree: a tree
 * @org: an org of @tree
 * @new_parent: (nullable): the new parent, NULL for the top level
 * @before: (nullable): a child of @new_parent (not @org) that @org goes
 *   right before; NULL for the end
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * pbo_edit_move() to a given place; moving within the same parent
 * reorders. Journal as pbo_edit_move().
 *
 * Errors: as pbo_edit_move(); %PBO_ERROR_INVALID (@before is not a child
 * of @new_parent, or is @org).
 *
 * Returns: %TRUE on success.
 */
PBO_API gboolean pbo_edit_move_before (PboTree              *tree,
                                       PboOrg               *org,
                                       PboOrg               *new_parent,
                                       PboOrg               *before,
                                       const PboEditContext *context,
                                       GError              **error);

/**
 * pbo_edit_transfer_before:
 * @tree: a tree
 * @member_ids: (array length=n_ids): as pbo_edit_transfer()
 * @n_ids: how many
 * @to: the branch or group that receives them
 * @before: (nullable): a member of @to, not one transferred, before which
 *   they go in the order given; NULL for the end
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * pbo_edit_transfer() to a given place; members already in @to are moved
 * there too, so a transfer into the same org reorders. Journal as
 * pbo_edit_transfer().
 *
 * Errors: as pbo_edit_transfer(); %PBO_ERROR_INVALID (@before is not in
 * @to or is transferred itself).
 *
 * Returns: %TRUE on success. O(k × depth).
 */
PBO_API gboolean pbo_edit_transfer_before (PboTree              *tree,
                                           const char *const    *member_ids,
                                           guint                 n_ids,
                                           PboOrg               *to,
                                           PboMember            *before,
                                           const PboEditContext *context,
                                           GError              **error);

/**
 * pbo_edit_add_member_before:
 * @tree: a tree
 * @org: a branch or group
 * @before: (nullable): a member of @org the new one goes before; NULL for
 *   the end
 * @info: the member's fields
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * pbo_edit_add_member() at a given place.
 *
 * Returns: (transfer none) (nullable): the new member, or NULL on error
 *   (errors as pbo_edit_add_member(); %PBO_ERROR_INVALID for a @before
 *   not in @org).
 */
PBO_API PboMember *pbo_edit_add_member_before (PboTree              *tree,
                                               PboOrg               *org,
                                               PboMember            *before,
                                               const PboMemberInfo  *info,
                                               const PboEditContext *context,
                                               GError              **error);

/* ------------------------------------------------------------------ */
/* Meetings                                                            */
/* ------------------------------------------------------------------ */

/** PBO_MEETING_INFO_VERSION: the current version of #PboMeetingInfo. */
#define PBO_MEETING_INFO_VERSION 2

/**
 * PboMeetingInfo:
 * @version: %PBO_MEETING_INFO_VERSION; set by %PBO_MEETING_INFO_INIT
 * @id: (nullable): an id unused in the tree (orgs, members, recruits and
 *   meetings share one namespace), or NULL
 * @type: the meeting type
 * @date: a full date
 * @title: (nullable): the title
 * @attendance: the number present, or %PBO_ATTENDANCE_NONE
 * @absent: (array zero-terminated=1) (nullable): ids of members of the
 *   tree absent from it, NULL-terminated, or NULL for none
 * @presenter: (nullable): the member id of who presided (主持人); version 2
 * @recorder: (nullable): the member id of who took the minutes (记录人); version 2
 * @expected: members expected (应到), or %PBO_ATTENDANCE_NONE; version 2
 * @present: members present (实到), or %PBO_ATTENDANCE_NONE; version 2
 * @excused: members excused (请假), or %PBO_ATTENDANCE_NONE; version 2
 * @place: (nullable): where it was held; version 2
 * @topic: (nullable): the agenda (议题); version 2
 * @resolution: (nullable): what it resolved (决议); version 2
 * @planned: the date it was planned for, or %PBO_DATE_NONE; version 2
 *
 * A meeting record (三会一课). Strings are copied. Initialise with
 * %PBO_MEETING_INFO_INIT; fields are only ever appended. The version-2
 * fields (the minutes, format 1.1) are read only when @version is 2 or
 * more; @presenter and @recorder must name members of the tree when the
 * record is made by an edit operation.
 */
typedef struct {
  unsigned int       version;
  const char        *id;
  PboMeetingType     type;
  PboDate            date;
  const char        *title;
  int                attendance;
  const char *const *absent;
  const char        *presenter;
  const char        *recorder;
  int                expected;
  int                present;
  int                excused;
  const char        *place;
  const char        *topic;
  const char        *resolution;
  PboDate            planned;
} PboMeetingInfo;

/** PBO_MEETING_INFO_INIT: the initializer of #PboMeetingInfo. */
#define PBO_MEETING_INFO_INIT { PBO_MEETING_INFO_VERSION, NULL, PBO_MEETING_NONE, \
    PBO_DATE_NONE, NULL, PBO_ATTENDANCE_NONE, NULL, NULL, NULL, PBO_ATTENDANCE_NONE, \
    PBO_ATTENDANCE_NONE, PBO_ATTENDANCE_NONE, NULL, NULL, NULL, PBO_DATE_NONE }

/**
 * pbo_org_get_meeting_info:
 * @org: an org
 * @index: a meeting index of @org
 * @info: (out caller-allocates): a #PboMeetingInfo with @version set
 *   (%PBO_MEETING_INFO_INIT)
 *
 * Fills @info with meeting @index of @org: the fields of its @version (the
 * minutes only for version 2 and later). Strings are borrowed from the tree
 * and valid until its next change; @info->absent is set to NULL (read the
 * absent members with pbo_org_get_meeting_absent_id()).
 *
 * Returns: %TRUE if @index is in range (@info is untouched otherwise).
 */
PBO_API gboolean pbo_org_get_meeting_info (const PboOrg   *org,
                                           guint           index,
                                           PboMeetingInfo *info);

/**
 * pbo_edit_add_meeting:
 * @tree: a tree
 * @org: the org that held it
 * @info: the meeting
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Records a meeting after @org's others. Journal: subjects = the meeting's
 * id (none without one), to = @org, detail = the type.
 *
 * Errors: %PBO_ERROR_INVALID (a bad type, date, title, attendance or id;
 * unsupported version), %PBO_ERROR_DUPLICATE_ID, %PBO_ERROR_UNKNOWN_ID
 * (an absent id that names no member).
 *
 * Returns: the index of the new meeting, or -1 on error. O(absent).
 */
PBO_API int pbo_edit_add_meeting (PboTree              *tree,
                                  PboOrg               *org,
                                  const PboMeetingInfo *info,
                                  const PboEditContext *context,
                                  GError              **error);

/**
 * pbo_edit_update_meeting:
 * @tree: a tree
 * @org: an org
 * @index: one of its meetings
 * @info: the meeting's new record, replacing every field (its id too)
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Corrects a meeting record in place. Journal: subjects = the id (the new
 * one), from = @org, detail = the type.
 *
 * Errors: as pbo_edit_add_meeting(); %PBO_ERROR_INVALID for a bad @index.
 *
 * Returns: %TRUE on success. O(meetings of @org + absent).
 */
PBO_API gboolean pbo_edit_update_meeting (PboTree              *tree,
                                          PboOrg               *org,
                                          guint                 index,
                                          const PboMeetingInfo *info,
                                          const PboEditContext *context,
                                          GError              **error);

/**
 * pbo_edit_remove_meeting:
 * @tree: a tree
 * @org: an org
 * @index: one of its meetings
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for a %PBO_ERROR_INVALID error (a bad @index)
 *
 * Drops a meeting record (the undo data keeps it). Journal: subjects =
 * its id, from = @org, detail = the type.
 *
 * Returns: %TRUE on success. O(meetings of @org).
 */
PBO_API gboolean pbo_edit_remove_meeting (PboTree              *tree,
                                          PboOrg               *org,
                                          guint                 index,
                                          const PboEditContext *context,
                                          GError              **error);

/* ------------------------------------------------------------------ */
/* Recruits                                                            */
/* ------------------------------------------------------------------ */

/**
 * pbo_edit_add_recruit:
 * @tree: a tree
 * @branch: the branch that records the person
 * @info: the recruit's fields (see pbo_tree_add_recruit())
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Records an applicant, activist or candidate (入党申请人 …) after
 * @branch's others. Journal: subjects = the id, to = @branch, detail =
 * the stage.
 *
 * Errors: as pbo_tree_add_recruit().
 *
 * Returns: (transfer none) (nullable): the recruit, or NULL on error.
 */
PBO_API PboRecruit *pbo_edit_add_recruit (PboTree              *tree,
                                          PboOrg               *branch,
                                          const PboRecruitInfo *info,
                                          const PboEditContext *context,
                                          GError              **error);

/**
 * pbo_edit_update_recruit:
 * @tree: a tree
 * @recruit: a recruit of @tree; after success it is replaced by the
 *   returned handle
 * @info: every field anew; @id NULL or the recruit's own
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Corrects a recruit's record in place (the stage too: promotions are
 * pbo_edit_promote()). Journal: subjects = the id, from = its branch,
 * detail = the stage.
 *
 * Errors: as pbo_tree_add_recruit(); %PBO_ERROR_INVALID for another id.
 *
 * Returns: (transfer none) (nullable): the recruit's handle now, or NULL
 *   on error (then @recruit is unchanged). O(recruits of its branch).
 */
PBO_API PboRecruit *pbo_edit_update_recruit (PboTree              *tree,
                                             PboRecruit           *recruit,
                                             const PboRecruitInfo *info,
                                             const PboEditContext *context,
                                             GError              **error);

/**
 * pbo_edit_remove_recruit:
 * @tree: a tree
 * @recruit: (transfer full): a recruit of @tree; invalid after success
 * @context: (nullable): date, reason and operator for the journal
 * @error: return location for an error
 *
 * Drops a recruit's record (withdrawn, or recorded by mistake; admission
 * is pbo_edit_admit()). Journal: subjects = the id, from = its branch.
 *
 * Returns: %TRUE on success. O(recruits of its branch).
 */
PBO_API gboolean pbo_edit_remove_recruit (PboTree              *tree,
                                          PboRecruit           *recruit,
                                          const PboEditContext *context,
                                          GError              **error);

/**
 * pbo_org_get_term_postponed_to:
 * @org: an org
 *
 * The day @org's re-election (换届) was postponed to (format 1.1,
 * `term-postponed-to`), or %PBO_DATE_NONE. PBO-T001 and PBO-T002 judge the
 * term against it.
 *
 * Returns: a date
 */
PBO_API PboDate  pbo_org_get_term_postponed_to (const PboOrg *org);

/**
 * pbo_edit_postpone_term:
 * @tree: a tree
 * @org: an org of @tree with a term
 * @to: the day the term is postponed to, or %PBO_DATE_NONE to clear it
 * @context: (nullable): date, reason, operator
 * @error: return location for a #GError
 *
 * Records that @org's term is postponed (延期换届), journaled as a `set-org`
 * (the plan attribute `term-postponed-to`). Refused (%PBO_ERROR_INVALID,
 * nothing changed) unless @to is after the term's end and at most a year
 * past it (基层组织选举工作条例 art. 3); %PBO_ERROR_INCONSISTENT without a
 * term.
 *
 * Returns: %TRUE on success
 */
PBO_API gboolean pbo_edit_postpone_term (PboTree *tree, PboOrg *org, PboDate to,
                                         const PboEditContext *context, GError **error);

G_END_DECLS

#endif /* PBO_EDIT_RECORDS_H */
