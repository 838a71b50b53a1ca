/* libpbo — a member's standing (失联, 停止党籍, 出国（境）, 流出, 留党察看) and
 * the extension of a probation (延长预备期).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_STANDING_H
#define PBO_STANDING_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>
#include <pbo/tree.h>
#include <pbo/edit.h>

G_BEGIN_DECLS

/*
 * Standing (format 1.1)
 * ---------------------
 * Most members are in normal standing. A few have lost contact, are
 * suspended (停止党籍), abroad, away with their relation kept here (流出) or
 * under disciplinary probation (留党察看). The standing, the day it began,
 * the day it ends (留党察看, abroad), where an outflowing member went and
 * the end of an extended probation are the member attributes `standing`,
 * `standing-since`, `standing-until`, `outflow-to` and
 * `probation-extended-to`. They live in a side table of the tree: a member
 * without them costs nothing more.
 */

/**
 * PboStanding:
 * @PBO_STANDING_NORMAL: "normal" (not written in a file)
 * @PBO_STANDING_LOST_CONTACT: "lost-contact" (失联)
 * @PBO_STANDING_SUSPENDED: "suspended" (停止党籍)
 * @PBO_STANDING_ABROAD: "abroad" (出国（境）)
 * @PBO_STANDING_OUTFLOW: "outflow" (流出: away, relation kept)
 * @PBO_STANDING_DISCIPLINARY_PROBATION: "disciplinary-probation" (留党察看)
 * @PBO_STANDING_NONE: not a standing (a spelling pbo_standing_from_string() does not know)
 *
 * A member's standing.
 */
typedef enum {
  PBO_STANDING_NORMAL = 0,
  PBO_STANDING_LOST_CONTACT,
  PBO_STANDING_SUSPENDED,
  PBO_STANDING_ABROAD,
  PBO_STANDING_OUTFLOW,
  PBO_STANDING_DISCIPLINARY_PROBATION,
  PBO_STANDING_NONE
} PboStanding;

/** PBO_STANDING_COUNT: the number of standings (for tables indexed by #PboStanding). */
#define PBO_STANDING_COUNT PBO_STANDING_NONE

/** PBO_PROBATION_MAX_EXTENSION_MONTHS: the longest extension of a probation (发展党员工作细则 art. 32). */
#define PBO_PROBATION_MAX_EXTENSION_MONTHS 12

/** pbo_standing_to_string: the format-v1 spelling of @standing, or %NULL. */
PBO_API const char *pbo_standing_to_string   (PboStanding standing);
/** pbo_standing_from_string: the standing spelled @s, or %PBO_STANDING_NONE. */
PBO_API PboStanding pbo_standing_from_string (const char *s);

/** pbo_member_get_standing: the standing of @member (%PBO_STANDING_NORMAL when none is recorded). */
PBO_API PboStanding pbo_member_get_standing       (const PboMember *member);
/** pbo_member_get_standing_since: the day @member's standing began, or %PBO_DATE_NONE. */
PBO_API PboDate     pbo_member_get_standing_since (const PboMember *member);
/** pbo_member_get_standing_until: the day @member's standing ends, or %PBO_DATE_NONE. */
PBO_API PboDate     pbo_member_get_standing_until (const PboMember *member);
/** pbo_member_get_outflow_to: (transfer none): where an outflowing @member went, or %NULL; owned by the tree. */
PBO_API const char *pbo_member_get_outflow_to     (const PboMember *member);
/**
 * pbo_member_get_probation_extended_to:
 * @member: a member
 *
 * The end of @member's extended probation (延长预备期), or %PBO_DATE_NONE.
 *
 * Returns: a date
 */
PBO_API PboDate     pbo_member_get_probation_extended_to (const PboMember *member);

/**
 * pbo_org_count_standing:
 * @org: an org
 * @counts: (out caller-allocates) (array fixed-size=6): %PBO_STANDING_COUNT counters
 *
 * Counts the members of @org's subtree by standing into @counts (set, not
 * added to). Complexity: O(members with a standing × depth) plus O(1).
 */
PBO_API void pbo_org_count_standing (const PboOrg *org, guint *counts);

/**
 * pbo_tree_has_standings:
 * @tree: a tree
 *
 * Whether some member of @tree has a standing other than normal, or an
 * extended probation, recorded (format 1.1): the member CSV and `pbo
 * stats` add their standing columns only then. O(1).
 *
 * Returns: %TRUE if the tree records standings.
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_tree_has_standings (const PboTree *tree);

/**
 * pbo_edit_set_standing:
 * @tree: a tree
 * @member: a member of @tree
 * @standing: the new standing
 * @since: the day it began (required but for %PBO_STANDING_NORMAL)
 * @until: the day it ends, or %PBO_DATE_NONE (留党察看, abroad)
 * @outflow_to: (nullable): where an outflowing member went (only for %PBO_STANDING_OUTFLOW)
 * @context: (nullable): date, reason, operator
 * @error: return location for a #GError
 *
 * The operation `<set-standing member standing since until? to?/>`: sets
 * @member's standing, journaled and undoable. Normal standing clears the
 * dates and the destination. Refused (%PBO_ERROR_INVALID, nothing changed)
 * without @since, with @until before @since, with @outflow_to on another
 * standing or with @until on a standing that does not end.
 *
 * Returns: %TRUE on success
 */
PBO_API gboolean pbo_edit_set_standing (PboTree              *tree,
                                        PboMember            *member,
                                        PboStanding           standing,
                                        PboDate               since,
                                        PboDate               until,
                                        const char           *outflow_to,
                                        const PboEditContext *context,
                                        GError              **error);

G_END_DECLS

#endif /* PBO_STANDING_H */
