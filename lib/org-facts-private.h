/* libpbo — facts derived from an org, shared by rules, meetings and reports.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_ORG_FACTS_PRIVATE_H
#define PBO_ORG_FACTS_PRIVATE_H

#include "tree-private.h"

G_BEGIN_DECLS

/* The size of a branch committee below which it is no committee at all:
 * a secretary and at least 2 other officers (DESIGN §9). */
#define PBO_COMMITTEE_MIN_OFFICERS 3

/* Officers of @org counted as distinct members (one member may hold two roles). */
guint    pbo_org_count_officer_members_ (const PboOrg *org);
/* TRUE if @org has a secretary and at least @min_officers distinct officer
 * members in all (the secretary included). */
gboolean pbo_org_has_committee_         (const PboOrg *org, guint min_officers);
/* TRUE if @org has at least one child group. */
gboolean pbo_org_has_groups_            (const PboOrg *org);
/* The shared requirement logic of pbo_branch_requires_meeting(). */
gboolean pbo_branch_requires_meeting_   (const PboOrg *branch, PboMeetingType type,
                                         guint committee_min_officers);

/* Fills in a period: @to defaults to @on (itself today when NONE), @from to
 * the day after the date 12 months before @to. PBO_ERROR_INVALID when a
 * given date is not a full date or @from is after @to. */
gboolean pbo_period_resolve_            (PboDate on, PboDate *from, PboDate *to,
                                         GError **error);
/* PBO_ERROR_INVALID unless 1 ≤ @version ≤ @current ("@what options version N is not supported"). */
gboolean pbo_options_version_check_     (unsigned int version, unsigned int current,
                                         const char *what, GError **error);
/* PBO_ERROR_INVALID "DATE is not a full date" unless @date is NONE or full. */
gboolean pbo_date_check_optional_       (PboDate date, const char *what, GError **error);

G_END_DECLS

#endif /* PBO_ORG_FACTS_PRIVATE_H */
