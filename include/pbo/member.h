/* libpbo — members: records, attributes, ID cards.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_MEMBER_H
#define PBO_MEMBER_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>
#include <pbo/tree.h>

G_BEGIN_DECLS

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
 * Builder API (docs/api-stability.md): refused with a g_critical (returns NULL) on a
 * tree with a journal or an open transaction; use pbo_edit_add_member() there.
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
 *
 * Builder API (docs/api-stability.md): refused with a g_critical (and does nothing) on a
 * tree with a journal or an open transaction; use pbo_edit_remove_member() there.
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
 * Builder API (docs/api-stability.md): refused with a g_critical (returns %FALSE) on a
 * tree with a journal or an open transaction; use pbo_edit_transfer() there.
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
 * Builder API (docs/api-stability.md): refused with a g_critical (returns %FALSE) on a
 * tree with a journal or an open transaction; use pbo_edit_update_member() there.
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

G_END_DECLS

#endif /* PBO_MEMBER_H */
