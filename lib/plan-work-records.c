/* libpbo — the plan elements of branch work records (format 1.1): the
 * minutes attributes of add-meeting and update-meeting; add-work-plan,
 * remove-work-plan and add-election.
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

static PboDate
date_of (const char *text)
{
  PboDate d = PBO_DATE_NONE;

  if (text != NULL)
    pbo_date_parse (text, -1, FALSE, &d, NULL);
  return d;
}

static guint
number_of (const char *text)
{
  return text != NULL ? (guint) g_ascii_strtoull (text, NULL, 10) : 0;
}

gboolean
pbo_plan_run_work_record_ (PboTree *tree, PboOrg *org, const PboPlanOp *op,
                           const PboEditContext *ctx, GError **error)
{
  const char *const *v = op->v;
  PboElectionInfo info = PBO_ELECTION_INFO_INIT;

  switch (op->op)
    {
    case PBO_EDIT_OP_ADD_WORK_PLAN:
      return pbo_edit_add_work_plan (tree, org, number_of (v[PLAN_A_YEAR]),
                                     date_of (v[PLAN_A_APPROVED]), v[PLAN_A_TITLE], ctx, error);
    case PBO_EDIT_OP_REMOVE_WORK_PLAN:
      return pbo_edit_remove_work_plan (tree, org, number_of (v[PLAN_A_YEAR]), ctx, error);
    case PBO_EDIT_OP_ADD_ELECTION:
      /* The op's date is the election's (and the journal's). */
      info.date = date_of (v[PLAN_A_DATE]);
      info.method = pbo_election_method_from_string (v[PLAN_A_METHOD]);
      info.candidates = number_of (v[PLAN_A_CANDIDATES]);
      info.seats = number_of (v[PLAN_A_SEATS]);
      info.voters = number_of (v[PLAN_A_VOTERS]);
      info.voted = number_of (v[PLAN_A_VOTED]);
      info.term_years = number_of (v[PLAN_A_TERM_YEARS]);
      return pbo_edit_add_election (tree, org, &info, ctx, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}
