/* libpbo — the inspection-grade fields of a meeting record (会议记录).
 * A meeting without them keeps a NULL pointer: they cost nothing there.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "meeting-minutes-private.h"
#include "error-private.h"

static const char *
nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

gboolean
pbo_minutes_from_info_ (const PboMeetingInfo *info, PboMinutes *out)
{
  if (info->version < 2)
    return FALSE;
  out->presenter = nonempty (info->presenter);
  out->recorder = nonempty (info->recorder);
  out->place = nonempty (info->place);
  out->topic = nonempty (info->topic);
  out->resolution = nonempty (info->resolution);
  out->expected = info->expected;
  out->present = info->present;
  out->excused = info->excused;
  out->planned = info->planned;
  return TRUE;
}

static const char *
copy_str (const char *s, GStringChunk *strings)
{
  return s == NULL || strings == NULL ? s : g_string_chunk_insert_const (strings, s);
}

/* NULL when nothing is set, so that an emptied record frees its block. */
PboMinutes *
pbo_minutes_copy_ (const PboMinutes *src, GStringChunk *strings)
{
  PboMinutes *mn;

  if (src == NULL
      || (src->presenter == NULL && src->recorder == NULL && src->place == NULL
          && src->topic == NULL && src->resolution == NULL && src->expected == PBO_ATTENDANCE_NONE
          && src->present == PBO_ATTENDANCE_NONE && src->excused == PBO_ATTENDANCE_NONE
          && src->planned == PBO_DATE_NONE))
    return NULL;
  mn = g_new (PboMinutes, 1);
  *mn = *src;
  mn->presenter = copy_str (src->presenter, strings);
  mn->recorder = copy_str (src->recorder, strings);
  mn->place = copy_str (src->place, strings);
  mn->topic = copy_str (src->topic, strings);
  mn->resolution = copy_str (src->resolution, strings);
  return mn;
}

static gboolean
check_count (gint32 n, const char *what, GError **error)
{
  if (n < PBO_ATTENDANCE_NONE || n > PBO_ATTENDANCE_MAX)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("meeting %s %d is not from 0 to %d"), what,
                        (int) n, PBO_ATTENDANCE_MAX);
  return TRUE;
}

static gboolean
check_id (const char *id, const char *what, GError **error)
{
  return id == NULL || pbo_id_is_valid (id)
         || pbo_refuse_ (error, PBO_ERROR_INVALID, _("meeting %s: “%.40s” is not a valid id"),
                         what, id);
}

gboolean
pbo_minutes_check_ (const PboMinutes *mn, GError **error)
{
  if (mn == NULL)
    return TRUE;
  if (mn->planned != PBO_DATE_NONE
      && (!pbo_date_is_valid (mn->planned) || pbo_date_is_year_only (mn->planned)))
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("a meeting's planned date must be a full date"));
  return check_id (mn->presenter, "presenter", error) && check_id (mn->recorder, "recorder", error)
         && check_count (mn->expected, "expected", error)
         && check_count (mn->present, "present", error)
         && check_count (mn->excused, "excused", error)
         && pbo_text_check_ (mn->place, _("meeting place"), FALSE, error)
         && pbo_text_check_ (mn->topic, _("meeting topic"), FALSE, error)
         && pbo_text_check_ (mn->resolution, _("meeting resolution"), FALSE, error);
}

void
pbo_minutes_to_info_ (const PboMinutes *mn, PboMeetingInfo *info)
{
  static const PboMinutes none = { NULL, NULL, NULL, NULL, NULL, PBO_ATTENDANCE_NONE,
                                   PBO_ATTENDANCE_NONE, PBO_ATTENDANCE_NONE, PBO_DATE_NONE };

  if (info->version < 2)
    return;
  if (mn == NULL)
    mn = &none;
  info->presenter = mn->presenter;
  info->recorder = mn->recorder;
  info->place = mn->place;
  info->topic = mn->topic;
  info->resolution = mn->resolution;
  info->expected = mn->expected;
  info->present = mn->present;
  info->excused = mn->excused;
  info->planned = mn->planned;
}

gboolean
pbo_minutes_equal_ (const PboMinutes *a, const PboMinutes *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->presenter, b->presenter) == 0 && g_strcmp0 (a->recorder, b->recorder) == 0
         && g_strcmp0 (a->place, b->place) == 0 && g_strcmp0 (a->topic, b->topic) == 0
         && g_strcmp0 (a->resolution, b->resolution) == 0 && a->expected == b->expected
         && a->present == b->present && a->excused == b->excused && a->planned == b->planned;
}

void
pbo_meeting_clear_ (PboMeeting *mt)
{
  g_clear_pointer (&mt->absent, g_ptr_array_unref);
  g_clear_pointer (&mt->minutes, g_free);
}

/* ---- undo data ------------------------------------------------------------ */

static GVariant *
ms (const char *s)
{
  return g_variant_new_maybe (G_VARIANT_TYPE_STRING, s != NULL ? g_variant_new_string (s) : NULL);
}

GVariant *
pbo_minutes_variant_ (const PboMinutes *mn)
{
  return g_variant_new ("(@ms@ms@ms@ms@msiiiu)", ms (mn->presenter), ms (mn->recorder),
                        ms (mn->place), ms (mn->topic), ms (mn->resolution), mn->expected,
                        mn->present, mn->excused, mn->planned);
}

static const char *
take (GVariant *maybe, GStringChunk *strings)
{
  g_autoptr (GVariant) child = g_variant_get_maybe (maybe);
  const char *s = child != NULL ? g_string_chunk_insert_const (strings,
                                                               g_variant_get_string (child, NULL))
                                : NULL;

  g_variant_unref (maybe);
  return s;
}

PboMinutes *
pbo_minutes_from_variant_ (GVariant *v, GStringChunk *strings, gboolean *ok)
{
  GVariant *presenter, *recorder, *place, *topic, *resolution;
  PboMinutes mn;

  g_variant_get (v, "(@ms@ms@ms@ms@msiiiu)", &presenter, &recorder, &place, &topic, &resolution,
                 &mn.expected, &mn.present, &mn.excused, &mn.planned);
  mn.presenter = take (presenter, strings);
  mn.recorder = take (recorder, strings);
  mn.place = take (place, strings);
  mn.topic = take (topic, strings);
  mn.resolution = take (resolution, strings);
  if (!pbo_minutes_check_ (&mn, NULL))
    {
      *ok = FALSE;
      return NULL;
    }
  return pbo_minutes_copy_ (&mn, NULL);
}

/* ---- format version ----------------------------------------------------- */

static gboolean
org_lacks_minutes (PboOrg *org, gpointer data)
{
  (void) data;
  for (guint i = 0; org->meetings != NULL && i < org->meetings->len; i++)
    if (g_array_index (org->meetings, PboMeeting, i).minutes != NULL)
      return FALSE;
  return TRUE;
}

/* The walk stops at the first org with minutes. */
gboolean
pbo_tree_has_minutes_ (const PboTree *tree)
{
  return !pbo_tree_foreach_org (tree, NULL, org_lacks_minutes, NULL);
}

/* ---- completeness ------------------------------------------------------- */

guint
pbo_org_get_meeting_minutes_missing (const PboOrg *org, guint index)
{
  const PboMeeting *mt;
  const PboMinutes *mn;
  static const PboMinutes none = { NULL, NULL, NULL, NULL, NULL, PBO_ATTENDANCE_NONE,
                                   PBO_ATTENDANCE_NONE, PBO_ATTENDANCE_NONE, PBO_DATE_NONE };
  guint missing = 0;

  g_return_val_if_fail (org != NULL, 0);
  if (index >= pbo_org_get_n_meetings (org))
    return 0;
  mt = &g_array_index (org->meetings, PboMeeting, index);
  mn = mt->minutes != NULL ? mt->minutes : &none;
  missing |= mn->presenter == NULL ? PBO_MINUTES_PRESENTER : 0;
  missing |= mn->recorder == NULL ? PBO_MINUTES_RECORDER : 0;
  missing |= mn->expected == PBO_ATTENDANCE_NONE ? PBO_MINUTES_EXPECTED : 0;
  missing |= mn->present == PBO_ATTENDANCE_NONE ? PBO_MINUTES_PRESENT : 0;
  missing |= mn->topic == NULL ? PBO_MINUTES_TOPIC : 0;
  /* Only the meetings that decide record a resolution. */
  if (mt->type == PBO_MEETING_GENERAL_ASSEMBLY || mt->type == PBO_MEETING_COMMITTEE)
    missing |= mn->resolution == NULL ? PBO_MINUTES_RESOLUTION : 0;
  return missing;
}
