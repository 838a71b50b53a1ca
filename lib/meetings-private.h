/* libpbo — the meeting tally shared by the summary and the rules.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_MEETINGS_PRIVATE_H
#define PBO_MEETINGS_PRIVATE_H

#include <pbo/pbo.h>

G_BEGIN_DECLS

/* pbo_meeting_tally() with the requirement decided by the caller (the rules
 * apply their own committee threshold); arguments already checked. */
void     pbo_meeting_tally_        (const PboOrg *branch, PboMeetingType type,
                                    guint interval_months, gboolean required, PboDate from,
                                    PboDate to, PboMeetingTally *tally);
/* PBO_ERROR_INVALID unless every interval of @intervals (PBO_MEETING_TYPE_SLOTS
 * entries) is at most PBO_MEETING_INTERVAL_MAX. */
gboolean pbo_meeting_intervals_check_ (const guint *intervals, GError **error);

G_END_DECLS

#endif /* PBO_MEETINGS_PRIVATE_H */
