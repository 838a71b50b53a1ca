/* libpbo — the loader's part for branch work records (format 1.1): the
 * minutes attributes of <meeting>, <work-plan> and <election>.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "xml-load-private.h"
#include "meeting-minutes-private.h"
#include "error-private.h"
#include "org-records-private.h"

enum { MN_PRESENTER, MN_RECORDER, MN_EXPECTED, MN_PRESENT, MN_EXCUSED, MN_PLACE, MN_TOPIC,
       MN_RESOLUTION, MN_PLANNED, MN_COUNT };

static gboolean
parse_count (PboLoader *ld, const char *value, gint32 *out, const char *what)
{
  guint n = 0;

  *out = PBO_ATTENDANCE_NONE;
  if (value == NULL)
    return TRUE;
  if (!parse_uint (ld, value, 0, PBO_ATTENDANCE_MAX, &n, "meeting", what))
    return FALSE;
  *out = (gint32) n;
  return TRUE;
}

/* An id attribute: its syntax only. Presenters and recorders are records
 * of the meeting, not references resolved at the end: a member who has
 * since left the estate stays named and the file still loads. */
static gboolean
parse_member_id (PboLoader *ld, const char *value, const char *what)
{
  if (value == NULL || pbo_id_is_valid (value))
    return TRUE;
  pbo_loader_fail_ (ld, PBO_ERROR_INVALID, "meeting: %s: “%.40s” is not a valid id", what, value);
  return FALSE;
}

gboolean
pbo_loader_meeting_minutes_ (PboLoader *ld, PboOrg *org, guint index, const char *const *values)
{
  PboMinutes mn = { 0 };
  PboMeeting *mt;
  GError *local = NULL;

  if (!parse_member_id (ld, values[MN_PRESENTER], "presenter")
      || !parse_member_id (ld, values[MN_RECORDER], "recorder")
      || !parse_count (ld, values[MN_EXPECTED], &mn.expected, "expected")
      || !parse_count (ld, values[MN_PRESENT], &mn.present, "present")
      || !parse_count (ld, values[MN_EXCUSED], &mn.excused, "excused")
      || !parse_date (ld, values[MN_PLANNED], &mn.planned, "meeting", "planned"))
    return FALSE;
  mn.presenter = values[MN_PRESENTER];
  mn.recorder = values[MN_RECORDER];
  mn.place = values[MN_PLACE] != NULL && *values[MN_PLACE] != '\0' ? values[MN_PLACE] : NULL;
  mn.topic = values[MN_TOPIC] != NULL && *values[MN_TOPIC] != '\0' ? values[MN_TOPIC] : NULL;
  mn.resolution = values[MN_RESOLUTION] != NULL && *values[MN_RESOLUTION] != '\0'
                  ? values[MN_RESOLUTION] : NULL;
  if (!pbo_minutes_check_ (&mn, &local))
    {
      pbo_loader_fail_ (ld, local->code, "meeting of org “%s”: %s", org->id, local->message);
      g_error_free (local);
      return FALSE;
    }
  mt = &g_array_index (org->meetings, PboMeeting, index);
  mt->minutes = pbo_minutes_copy_ (&mn, ld->tree->strings);
  return TRUE;
}

enum { WP_YEAR, WP_APPROVED, WP_TITLE };
enum { EL_DATE, EL_METHOD, EL_CANDIDATES, EL_SEATS, EL_VOTERS, EL_VOTED };

static gboolean
fail_with_error (PboLoader *ld, const PboOrg *org, const char *what, GError *local)
{
  pbo_loader_fail_ (ld, local->code, "%s of org “%s”: %s", what, org->id, local->message);
  g_error_free (local);
  return FALSE;
}

gboolean
pbo_loader_work_plan_ (PboLoader *ld, PboOrg *org, const char *const *values)
{
  GError *local = NULL;
  PboDate approved;
  guint year = 0;

  /* Any kind of org: add-work-plan asks for a branch, but a branch whose
   * kind changes since keeps its plans, and its file must still load. */
  if (values[WP_YEAR] == NULL)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "<work-plan> needs the attribute “year”");
      return FALSE;
    }
  if (!parse_uint (ld, values[WP_YEAR], PBO_WORK_PLAN_YEAR_MIN, PBO_WORK_PLAN_YEAR_MAX, &year,
                   "work-plan", "year")
      || !parse_date (ld, values[WP_APPROVED], &approved, "work-plan", "approved"))
    return FALSE;
  if (!pbo_org_insert_work_plan_ (ld->tree, org, year, approved, values[WP_TITLE], &local))
    return fail_with_error (ld, org, "work-plan", local);
  return TRUE;
}

gboolean
pbo_loader_election_ (PboLoader *ld, PboOrg *org, const char *const *values)
{
  static const char *const counts[] = { "candidates", "seats", "voters", "voted" };
  guint n[G_N_ELEMENTS (counts)];
  PboElection rec = { 0 };
  GError *local = NULL;
  guint i;

  for (i = 0; i <= EL_VOTED; i++)
    if (values[i] == NULL)
      {
        pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "<election> needs the attribute “%s”",
                          i == EL_DATE ? "date" : i == EL_METHOD ? "method" : counts[i - 2]);
        return FALSE;
      }
  if (!parse_date (ld, values[EL_DATE], &rec.date, "election", "date"))
    return FALSE;
  rec.method = (guint8) pbo_election_method_from_string (values[EL_METHOD]);
  if (rec.method == PBO_ELECTION_METHOD_NONE)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_INVALID,
                        "election of org “%s”: method “%.40s” is not direct, "
                        "open-nomination-direct or indirect", org->id, values[EL_METHOD]);
      return FALSE;
    }
  for (i = 0; i < G_N_ELEMENTS (counts); i++)
    if (!parse_uint (ld, values[EL_CANDIDATES + i], 0, PBO_ATTENDANCE_MAX, &n[i], "election",
                     counts[i]))
      return FALSE;
  rec.candidates = n[0];
  rec.seats = n[1];
  rec.voters = n[2];
  rec.voted = n[3];
  if (!pbo_org_insert_election_ (ld->tree, org, G_MAXUINT, &rec, &local))
    return fail_with_error (ld, org, "election", local);
  return TRUE;
}
