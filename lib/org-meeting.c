/* libpbo — meeting records of orgs and their ids.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "tree-private.h"
#include "error-private.h"
#include "meeting-minutes-private.h"

static PboMeeting *
meeting_at (const PboOrg *org, guint i)
{
  return &g_array_index (org->meetings, PboMeeting, i);
}

guint
pbo_org_get_n_meetings (const PboOrg *org)
{
  g_return_val_if_fail (org != NULL, 0);
  return org->meetings != NULL ? org->meetings->len : 0;
}

/* ---- ids ------------------------------------------------------------ */

void
pbo_meeting_ids_register_ (PboTree *tree, PboOrg *org)
{
  guint i;

  for (i = 0; i < pbo_org_get_n_meetings (org); i++)
    if (meeting_at (org, i)->id != NULL)
      {
        if (tree->meeting_ids == NULL)
          tree->meeting_ids = g_hash_table_new (g_str_hash, g_str_equal);
        g_hash_table_insert (tree->meeting_ids, (gpointer) meeting_at (org, i)->id, org);
      }
}

void
pbo_meeting_ids_unregister_ (PboTree *tree, const PboOrg *org)
{
  guint i;

  for (i = 0; tree->meeting_ids != NULL && i < pbo_org_get_n_meetings (org); i++)
    if (meeting_at (org, i)->id != NULL)
      g_hash_table_remove (tree->meeting_ids, meeting_at (org, i)->id);
}

PboOrg *
pbo_tree_lookup_meeting (const PboTree *tree, const char *id, guint *index)
{
  PboOrg *org;
  guint i;

  g_return_val_if_fail (tree != NULL, NULL);
  if (id == NULL || tree->meeting_ids == NULL
      || (org = g_hash_table_lookup (tree->meeting_ids, id)) == NULL)
    return NULL;
  for (i = 0; i < org->meetings->len; i++)
    if (meeting_at (org, i)->id != NULL && strcmp (meeting_at (org, i)->id, id) == 0)
      break;
  if (index != NULL)
    *index = i;
  return org;
}

int
pbo_org_find_meeting (const PboOrg *org, const char *id)
{
  guint index;

  g_return_val_if_fail (org != NULL && id != NULL, -1);
  return pbo_tree_lookup_meeting (org->tree, id, &index) == org ? (int) index : -1;
}

const char *
pbo_org_get_meeting_id (const PboOrg *org, guint index)
{
  g_return_val_if_fail (org != NULL, NULL);
  return index < pbo_org_get_n_meetings (org) ? meeting_at (org, index)->id : NULL;
}

/* ---- records -------------------------------------------------------- */

static gboolean
check_meeting (const PboTree *tree, const PboMeeting *rec, GError **error)
{
  if (pbo_meeting_type_to_string ((PboMeetingType) rec->type) == NULL)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("not a valid meeting type"));
  if (!pbo_date_is_valid (rec->date) || pbo_date_is_year_only (rec->date))
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("a meeting needs a full date"));
  if (rec->attendance < PBO_ATTENDANCE_NONE)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("attendance %d is negative"),
                        (int) rec->attendance);
  if (rec->attendance > PBO_ATTENDANCE_MAX)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("attendance %d is over %d"),
                        (int) rec->attendance, PBO_ATTENDANCE_MAX);
  return pbo_text_check_ (rec->title, _("meeting title"), FALSE, error)
         && pbo_minutes_check_ (rec->minutes, error)
         && (rec->id == NULL || pbo_tree_check_new_id_ (tree, rec->id, error));
}

gboolean
pbo_org_insert_meeting_ (PboTree *tree, PboOrg *org, guint index, const PboMeeting *rec,
                         GError **error)
{
  PboMeeting copy = *rec;
  GStringChunk *strings = tree->strings;
  guint j;

  if (!check_meeting (tree, rec, error))
    return FALSE;
  if (org->meetings == NULL)
    org->meetings = g_array_new (FALSE, FALSE, sizeof (PboMeeting));
  copy.id = rec->id != NULL ? g_string_chunk_insert (strings, rec->id) : NULL;
  copy.title = rec->title != NULL && *rec->title != '\0'
               ? g_string_chunk_insert (strings, rec->title) : NULL;
  copy.minutes = pbo_minutes_copy_ (rec->minutes, strings);
  copy.absent = rec->absent != NULL && rec->absent->len > 0
                ? g_ptr_array_sized_new (rec->absent->len) : NULL;
  for (j = 0; copy.absent != NULL && j < rec->absent->len; j++)
    g_ptr_array_add (copy.absent,
                     g_string_chunk_insert_const (strings, g_ptr_array_index (rec->absent, j)));
  if (index > org->meetings->len)
    index = org->meetings->len;
  g_array_insert_val (org->meetings, index, copy);
  if (copy.id != NULL)
    {
      if (tree->meeting_ids == NULL)
        tree->meeting_ids = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (tree->meeting_ids, (gpointer) copy.id, org);
    }
  return TRUE;
}

void
pbo_org_remove_meeting_ (PboTree *tree, PboOrg *org, guint index)
{
  PboMeeting *mt = meeting_at (org, index);

  if (mt->id != NULL && tree->meeting_ids != NULL)
    g_hash_table_remove (tree->meeting_ids, mt->id);
  pbo_meeting_clear_ (mt);
  g_array_remove_index (org->meetings, index);
}

int
pbo_org_add_meeting (PboTree *tree, PboOrg *org, PboMeetingType type, PboDate date,
                     const char *title, int attendance, GError **error)
{
  PboMeeting rec = { 0 };

  g_return_val_if_fail (tree != NULL && org != NULL && org->tree == tree, -1);
  if (!pbo_tree_builder_allowed_ (tree, "pbo_org_add_meeting"))
    return -1;
  rec.type = (guint8) type;
  rec.date = date;
  rec.title = title;
  rec.attendance = attendance;
  if (!pbo_org_insert_meeting_ (tree, org, G_MAXUINT, &rec, error))
    return -1;
  return (int) org->meetings->len - 1;
}

gboolean
pbo_org_set_meeting_id (PboTree *tree, PboOrg *org, guint index, const char *id, GError **error)
{
  PboMeeting *mt;

  g_return_val_if_fail (tree != NULL && org != NULL && org->tree == tree, FALSE);
  if (!pbo_tree_builder_allowed_ (tree, "pbo_org_set_meeting_id"))
    return FALSE;
  if (index >= pbo_org_get_n_meetings (org))
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("org “%s” has no meeting %u"), org->id, index);
  mt = meeting_at (org, index);
  if (id != NULL && *id == '\0')
    id = NULL;
  if (g_strcmp0 (id, mt->id) == 0)
    return TRUE;
  if (id != NULL && !pbo_tree_check_new_id_ (tree, id, error))
    return FALSE;
  if (mt->id != NULL)
    g_hash_table_remove (tree->meeting_ids, mt->id);
  mt->id = id != NULL ? g_string_chunk_insert (tree->strings, id) : NULL;
  if (id != NULL)
    pbo_meeting_ids_register_ (tree, org);
  return TRUE;
}

void
pbo_meetings_copy_ (const GArray *src, GArray **dst, GStringChunk *strings)
{
  guint i, j;

  for (i = 0; src != NULL && i < src->len; i++)
    {
      PboMeeting rec = g_array_index (src, PboMeeting, i);
      const GPtrArray *absent = rec.absent;

      rec.id = rec.id != NULL ? g_string_chunk_insert (strings, rec.id) : NULL;
      rec.title = rec.title != NULL ? g_string_chunk_insert (strings, rec.title) : NULL;
      rec.minutes = pbo_minutes_copy_ (rec.minutes, strings);
      rec.absent = absent != NULL ? g_ptr_array_sized_new (absent->len) : NULL;
      for (j = 0; absent != NULL && j < absent->len; j++)
        g_ptr_array_add (rec.absent,
                         g_string_chunk_insert_const (strings, g_ptr_array_index (absent, j)));
      if (*dst == NULL)
        *dst = g_array_new (FALSE, FALSE, sizeof (PboMeeting));
      g_array_append_val (*dst, rec);
    }
}

gboolean
pbo_org_add_meeting_absent (PboTree *tree, PboOrg *org, guint index, PboMember *member,
                            GError **error)
{
  g_return_val_if_fail (tree != NULL && org != NULL && org->tree == tree, FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  return pbo_tree_builder_allowed_ (tree, "pbo_org_add_meeting_absent")
         && pbo_org_add_meeting_absent_ (tree, org, index, member, error);
}

gboolean
pbo_org_add_meeting_absent_ (PboTree *tree, PboOrg *org, guint index, PboMember *member,
                             GError **error)
{
  PboMeeting *mt;

  if (index >= pbo_org_get_n_meetings (org))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("org “%s” has no meeting %u"), org->id,
                   index);
      return FALSE;
    }
  mt = meeting_at (org, index);
  if (mt->absent == NULL)
    mt->absent = g_ptr_array_new ();
  /* Ids, not handles: the record outlives a member's removal. */
  g_ptr_array_add (mt->absent, (gpointer) pbo_member_id_ (member));
  return TRUE;
}

gboolean
pbo_org_get_meeting (const PboOrg *org, guint index, PboMeetingType *type, PboDate *date,
                     const char **title, int *attendance, guint *n_absent)
{
  const PboMeeting *mt;

  g_return_val_if_fail (org != NULL, FALSE);
  if (index >= pbo_org_get_n_meetings (org))
    return FALSE;
  mt = meeting_at (org, index);
  if (type)
    *type = (PboMeetingType) mt->type;
  if (date)
    *date = mt->date;
  if (title)
    *title = mt->title;
  if (attendance)
    *attendance = mt->attendance;
  if (n_absent)
    *n_absent = mt->absent != NULL ? mt->absent->len : 0;
  return TRUE;
}

PboMember *
pbo_org_get_meeting_absent (const PboOrg *org, guint index, guint nth)
{
  const char *id;

  g_return_val_if_fail (org != NULL, NULL);
  id = pbo_org_get_meeting_absent_id (org, index, nth);
  return id != NULL ? pbo_tree_lookup_member (org->tree, id) : NULL;
}

const char *
pbo_org_get_meeting_absent_id (const PboOrg *org, guint index, guint nth)
{
  const PboMeeting *mt;

  g_return_val_if_fail (org != NULL, NULL);
  if (index >= pbo_org_get_n_meetings (org))
    return NULL;
  mt = meeting_at (org, index);
  return mt->absent != NULL && nth < mt->absent->len ? g_ptr_array_index (mt->absent, nth) : NULL;
}

gboolean
pbo_org_get_meeting_info (const PboOrg *org, guint index, PboMeetingInfo *info)
{
  const PboMeeting *mt;

  g_return_val_if_fail (org != NULL && info != NULL && info->version >= 1, FALSE);
  if (index >= pbo_org_get_n_meetings (org))
    return FALSE;
  mt = meeting_at (org, index);
  info->id = mt->id;
  info->type = (PboMeetingType) mt->type;
  info->date = mt->date;
  info->title = mt->title;
  info->attendance = mt->attendance;
  info->absent = NULL;
  pbo_minutes_to_info_ (mt->minutes, info);
  return TRUE;
}
