/* libpbo — the inspection-grade fields of a meeting record (会议记录):
 * who presided and who took the minutes, the counts, the place, the topic,
 * the resolution and the planned date (format 1.1).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_MEETING_MINUTES_PRIVATE_H
#define PBO_MEETING_MINUTES_PRIVATE_H

#include "tree-private.h"

G_BEGIN_DECLS

/* Hung off PboMeeting.minutes only when one of the fields is set, so that a
 * meeting without them costs one NULL pointer. Strings live in the tree's
 * (or a journal entry's) string chunk; the struct itself is g_new'd. */
struct _PboMinutes {
  const char *presenter;     /* member id (主持人), or NULL */
  const char *recorder;      /* member id (记录人), or NULL */
  const char *place;
  const char *topic;         /* 议题 */
  const char *resolution;    /* 决议 */
  gint32      expected;      /* 应到; PBO_ATTENDANCE_NONE when not recorded */
  gint32      present;       /* 实到 */
  gint32      excused;       /* 请假 */
  PboDate     planned;       /* the date it was planned for, or PBO_DATE_NONE */
};

/* The minutes of @info into @out, strings borrowed from @info; FALSE (and
 * @out untouched) for an @info of version 1, which has none. */
gboolean    pbo_minutes_from_info_ (const PboMeetingInfo *info, PboMinutes *out);
/* Copies @src (nullable) with its strings in @strings. */
PboMinutes *pbo_minutes_copy_      (const PboMinutes *src, GStringChunk *strings);
/* PBO_ERROR_INVALID for a bad count, date or text; the ids' syntax only. */
gboolean    pbo_minutes_check_     (const PboMinutes *mn, GError **error);
/* Fills the minutes fields of @info (strings borrowed from @mn, nullable). */
void        pbo_minutes_to_info_   (const PboMinutes *mn, PboMeetingInfo *info);
gboolean    pbo_minutes_equal_     (const PboMinutes *a, const PboMinutes *b);
/* Frees a meeting's absent list and minutes (not the record itself). */
void        pbo_meeting_clear_     (PboMeeting *mt);

/* Undo data: the minutes as a GVariant of type PBO_MINUTES_VARIANT and
 * back (strings in @strings; *ok set to FALSE on a bad value). */
#define PBO_MINUTES_VARIANT "(msmsmsmsmsiiiu)"
GVariant   *pbo_minutes_variant_      (const PboMinutes *mn);
PboMinutes *pbo_minutes_from_variant_ (GVariant *v, GStringChunk *strings, gboolean *ok);

/* Does any meeting of the tree carry minutes (so the file needs 1.1)? O(orgs). */
gboolean    pbo_tree_has_minutes_  (const PboTree *tree);

G_END_DECLS

#endif /* PBO_MEETING_MINUTES_PRIVATE_H */
