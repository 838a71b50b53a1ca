/* libpbo — comparing two trees: when two meetings, two recruits or two
 * pieces of foreign content are the same (what the change list of diff.c
 * and the planner of diff-ops.c and diff-recruits.c agree on).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>
#include "diff-private.h"
#include "meeting-minutes-private.h"

/* The @nth absent member of a meeting that is still in the tree, from
 * index *@k on (advanced past it), or NULL: a member removed since is not
 * written in files either, so it is no difference. */
static const char *
next_absent (const PboOrg *org, guint index, guint n, guint *k)
{
  for (; *k < n; (*k)++)
    {
      const PboMember *m = pbo_org_get_meeting_absent (org, index, *k);
      if (m != NULL)
        {
          (*k)++;
          return pbo_member_get_id (m);
        }
    }
  return NULL;
}

gboolean
pbo_diff_meeting_equal_ (const PboOrg *a, const PboOrg *b, guint index)
{
  PboMeetingType ta, tb;
  PboDate da, db;
  const char *sa, *sb, *ia, *ib;
  int aa, ab;
  guint na, nb, ka = 0, kb = 0;

  pbo_org_get_meeting (a, index, &ta, &da, &sa, &aa, &na);
  pbo_org_get_meeting (b, index, &tb, &db, &sb, &ab, &nb);
  if (ta != tb || da != db || aa != ab || g_strcmp0 (sa, sb) != 0
      || g_strcmp0 (pbo_org_get_meeting_id (a, index), pbo_org_get_meeting_id (b, index)) != 0
      || !pbo_minutes_equal_ (g_array_index (a->meetings, PboMeeting, index).minutes,
                              g_array_index (b->meetings, PboMeeting, index).minutes))
    return FALSE;
  do
    {
      ia = next_absent (a, index, na, &ka);
      ib = next_absent (b, index, nb, &kb);
      if (g_strcmp0 (ia, ib) != 0)
        return FALSE;
    }
  while (ia != NULL);
  return TRUE;
}

guint
pbo_diff_meetings_kept_ (const PboDiff *diff, const PboOrg *org, gboolean *replaceable)
{
  const PboDiffOrg *o = pbo_diff_org_ (diff, org->id);
  const PboOrg *old = pbo_diff_org_kept_ (o) ? o->old_org : NULL;
  guint n_old = old != NULL ? pbo_org_get_n_meetings (old) : 0, p = 0, i;

  while (p < n_old && p < pbo_org_get_n_meetings (org) && pbo_diff_meeting_equal_ (old, org, p))
    p++;
  *replaceable = TRUE;
  for (i = p; i < n_old; i++)
    *replaceable = *replaceable && pbo_org_get_meeting_id (old, i) != NULL;
  return p;
}

gboolean
pbo_diff_recruit_equal_ (const PboRecruit *a, const PboRecruit *b)
{
  PboRecruitInfo x = PBO_RECRUIT_INFO_INIT, y = PBO_RECRUIT_INFO_INIT;

  pbo_recruit_get_info (a, &x);
  pbo_recruit_get_info (b, &y);
  return strcmp (x.id, y.id) == 0 && strcmp (x.name, y.name) == 0 && x.stage == y.stage
         && x.applied == y.applied && x.activist_since == y.activist_since
         && x.candidate_since == y.candidate_since && x.gender == y.gender && x.born == y.born
         && g_strcmp0 (x.department, y.department) == 0;
}

PboDate
pbo_diff_promotion_ (const PboRecruit *a, const PboRecruit *b)
{
  PboRecruitInfo x = PBO_RECRUIT_INFO_INIT, y = PBO_RECRUIT_INFO_INIT;
  PboDate on;

  pbo_recruit_get_info (a, &x);
  pbo_recruit_get_info (b, &y);
  if (y.stage != x.stage + 1 || y.stage == PBO_RECRUIT_APPLICANT)
    return PBO_DATE_NONE;
  on = y.stage == PBO_RECRUIT_ACTIVIST ? y.activist_since : y.candidate_since;
  /* The step sets that date; everything else must already agree. */
  if (y.stage == PBO_RECRUIT_ACTIVIST)
    x.activist_since = on;
  else
    x.candidate_since = on;
  x.stage = y.stage;
  if (strcmp (x.name, y.name) != 0 || x.applied != y.applied || x.activist_since != y.activist_since
      || x.candidate_since != y.candidate_since || x.gender != y.gender || x.born != y.born
      || g_strcmp0 (x.department, y.department) != 0 || pbo_recruit_eligible_on (a) == PBO_DATE_NONE
      || on < pbo_recruit_eligible_on (a))
    return PBO_DATE_NONE;
  return on;
}

gboolean
pbo_diff_recruit_equal_at_ (const PboOrg *a, const PboOrg *b, guint index)
{
  return pbo_diff_recruit_equal_ (pbo_org_get_recruit (a, index), pbo_org_get_recruit (b, index));
}

gboolean
pbo_diff_foreign_equal_ (const PboForeign *a, const PboForeign *b)
{
  static const PboForeign none = { NULL, NULL };

  a = a != NULL ? a : &none;
  b = b != NULL ? b : &none;
  return g_strcmp0 (a->attrs, b->attrs) == 0 && g_strcmp0 (a->children, b->children) == 0;
}
