/* libpbo — the loader's part for branch work records (format 1.1): the
 * minutes attributes of <meeting>.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "xml-load-private.h"
#include "meeting-minutes-private.h"
#include "error-private.h"

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
