/* libpbo — the plan elements of branch work records (format 1.1): the
 * minutes attributes of add-meeting and update-meeting.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "plan-private.h"

#define GIVEN(op, a) ((op)->v[a] != NULL || ((op)->cleared & (G_GUINT64_CONSTANT (1) << (a))))

/* Checked when the plan was read: digits, or cleared (NULL). */
static int
count_of (const char *text)
{
  return text != NULL ? (int) g_ascii_strtoull (text, NULL, 10) : PBO_ATTENDANCE_NONE;
}

void
pbo_plan_overlay_minutes_ (const PboPlanOp *op, PboMeetingInfo *info)
{
  PboDate planned = PBO_DATE_NONE;

  if (GIVEN (op, PLAN_A_PRESENTER))
    info->presenter = op->v[PLAN_A_PRESENTER];
  if (GIVEN (op, PLAN_A_RECORDER))
    info->recorder = op->v[PLAN_A_RECORDER];
  if (GIVEN (op, PLAN_A_EXPECTED))
    info->expected = count_of (op->v[PLAN_A_EXPECTED]);
  if (GIVEN (op, PLAN_A_PRESENT))
    info->present = count_of (op->v[PLAN_A_PRESENT]);
  if (GIVEN (op, PLAN_A_EXCUSED))
    info->excused = count_of (op->v[PLAN_A_EXCUSED]);
  if (GIVEN (op, PLAN_A_PLACE))
    info->place = op->v[PLAN_A_PLACE];
  if (GIVEN (op, PLAN_A_TOPIC))
    info->topic = op->v[PLAN_A_TOPIC];
  if (GIVEN (op, PLAN_A_RESOLUTION))
    info->resolution = op->v[PLAN_A_RESOLUTION];
  if (GIVEN (op, PLAN_A_PLANNED))
    {
      if (op->v[PLAN_A_PLANNED] != NULL)
        pbo_date_parse (op->v[PLAN_A_PLANNED], -1, FALSE, &planned, NULL);
      info->planned = planned;
    }
}
