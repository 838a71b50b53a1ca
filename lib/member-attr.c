/* libpbo — member attributes as format v1 spells them.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "error-private.h"
#include "lifecycle-private.h"

/* In canonical output order; indexed by PboMemberAttr. */
static const char *const attr_names[PBO_MATTR_COUNT] = {
  "id", "name", "gender", "born", "joined", "full-since", "status", "employment",
  "ethnicity", "education", "position", "department", "dues-base", "dues-category",
  "phone", "id-card", "mobile",
  "standing", "standing-since", "standing-until", "outflow-to", "probation-extended-to",
};

const char *
pbo_member_attr_name_ (PboMemberAttr attr)
{
  return attr < PBO_MATTR_COUNT ? attr_names[attr] : NULL;
}

int
pbo_member_attr_lookup_ (const char *name, gsize len)
{
  int i;

  for (i = 0; i < PBO_MATTR_COUNT; i++)
    if (strncmp (attr_names[i], name, len) == 0 && attr_names[i][len] == '\0')
      return i;
  return -1;
}

gboolean
pbo_parse_numbers_ (const char **p, guint64 max, guint64 *values, guint n)
{
  const char *s = *p;

  for (guint i = 0; i < n; i++)
    {
      guint64 v = 0;
      const char *start;

      if (i > 0 && *s++ != ' ')
        return FALSE;
      for (start = s; g_ascii_isdigit (*s); s++)
        {
          if (v > (max - (guint64) (*s - '0')) / 10)
            return FALSE;
          v = v * 10 + (guint64) (*s - '0');
        }
      if (s == start)
        return FALSE;
      values[i] = v;
    }
  *p = s;
  return TRUE;
}

/* "4000", "4000.5" or "4000.50" yuan → fen, exactly (no floating point);
 * payments (member-records.c) are read with it too. */
gboolean
pbo_parse_yuan_ (const char *s, gint64 *fen)
{
  guint64 yuan = 0, cents = 0;
  const char *p = s;
  guint digits = 0, decimals = 0;

  for (; g_ascii_isdigit (*p) && digits < 9; p++, digits++)
    yuan = yuan * 10 + (guint64) (*p - '0');
  if (digits == 0)
    return FALSE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p) && decimals < 2; p++, decimals++)
      cents = cents * 10 + (guint64) (*p - '0');
  if (*p != '\0' || (p[-1] == '.'))
    return FALSE;
  if (decimals == 1)
    cents *= 10;
  *fen = (gint64) (yuan * 100 + cents);
  return *fen <= (gint64) G_MAXUINT32 - 1;
}

/* @expected: what is accepted, marked with N_() (translated here). */
static gboolean
bad_value (GError **error, PboMemberAttr attr, const char *value, const char *expected)
{
  char *msg = g_strdup_printf (_("%s=“%.40s” is not valid (expected %s)"), attr_names[attr],
                               value, _(expected));

  g_set_error_literal (error, PBO_ERROR, PBO_ERROR_INVALID, pbo_utf8_message_ (&msg));
  g_free (msg);
  return FALSE;
}

static gboolean
set_date (PboDate *slot, const char *value, gboolean year_ok, PboMemberAttr attr, GError **error)
{
  GError *local = NULL;

  if (value == NULL)
    {
      *slot = PBO_DATE_NONE;
      return TRUE;
    }
  if (pbo_date_parse (value, -1, year_ok, slot, &local))
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("%s: %s"), attr_names[attr], local->message);
  g_error_free (local);
  return FALSE;
}

gboolean
pbo_member_info_set_ (PboMemberInfo *info, PboMemberAttr attr, const char *value, GError **error)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  switch (attr)
    {
    case PBO_MATTR_ID: info->id = value; return TRUE;
    case PBO_MATTR_NAME: info->name = value; return TRUE;
    case PBO_MATTR_ETHNICITY: info->ethnicity = value; return TRUE;
    case PBO_MATTR_EDUCATION: info->education = value; return TRUE;
    case PBO_MATTR_POSITION: info->position = value; return TRUE;
    case PBO_MATTR_DEPARTMENT: info->department = value; return TRUE;
    case PBO_MATTR_PHONE: info->phone = value; return TRUE;
    case PBO_MATTR_ID_CARD: info->id_card = value; return TRUE;
    case PBO_MATTR_BORN: return set_date (&info->born, value, TRUE, attr, error);
    case PBO_MATTR_JOINED: return set_date (&info->joined, value, FALSE, attr, error);
    case PBO_MATTR_FULL_SINCE: return set_date (&info->full_since, value, FALSE, attr, error);
    case PBO_MATTR_GENDER:
      info->gender = pbo_gender_from_string (value);
      return value == NULL || info->gender != PBO_GENDER_NONE
             || bad_value (error, attr, value, N_("male or female"));
    case PBO_MATTR_STATUS:
      info->status = pbo_status_from_string (value);
      return value == NULL || info->status != PBO_STATUS_NONE
             || bad_value (error, attr, value, N_("full or probationary"));
    case PBO_MATTR_EMPLOYMENT:
      info->employment = pbo_employment_from_string (value);
      return value == NULL || info->employment != PBO_EMPLOYMENT_NONE
             || bad_value (error, attr, value, N_("in-service or retired"));
    case PBO_MATTR_DUES_CATEGORY:
      info->dues_category = pbo_dues_category_from_string (value);
      return value == NULL || info->dues_category != PBO_DUES_NONE
             || bad_value (error, attr, value,
                           N_("standard, student, unemployed, subsistence, farmer or "
                              "mobile-no-income"));
    case PBO_MATTR_DUES_BASE:
      info->dues_base_fen = PBO_DUES_BASE_NONE;
      return value == NULL || pbo_parse_yuan_ (value, &info->dues_base_fen)
             || bad_value (error, attr, value, N_("yuan with at most two decimals, e.g. 4000.50"));
    case PBO_MATTR_MOBILE:
      info->mobile = value != NULL && strcmp (value, "true") == 0;
      return value == NULL || info->mobile || strcmp (value, "false") == 0
             || bad_value (error, attr, value, N_("true or false"));
    case PBO_MATTR_STANDING:
    case PBO_MATTR_STANDING_SINCE:
    case PBO_MATTR_STANDING_UNTIL:
    case PBO_MATTR_OUTFLOW_TO:
    case PBO_MATTR_PROBATION_EXTENDED_TO:
      /* Kept in the side table: checked here, stored by the caller. */
      return pbo_standing_parse_ (attr, value, error);
    case PBO_MATTR_COUNT:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static guint
date_of_attr (PboMemberAttr attr)
{
  return attr == PBO_MATTR_BORN ? PBO_DATE_BORN
         : attr == PBO_MATTR_JOINED ? PBO_DATE_JOINED : PBO_DATE_FULL_SINCE;
}

const char *
pbo_member_attr_format_ (const PboMember *m, PboMemberAttr attr, char *buf)
{
  const PboMemberCold *x = pbo_member_cold_ (m);
  PboDate date;
  gint64 fen;

  switch (attr)
    {
    case PBO_MATTR_ID: return pbo_member_id_ (m);
    case PBO_MATTR_NAME: return pbo_member_name_ (m);
    case PBO_MATTR_ETHNICITY:
    case PBO_MATTR_EDUCATION:
    case PBO_MATTR_POSITION:
    case PBO_MATTR_DEPARTMENT:
      return pbo_member_text_ (m, (PboMemberText) (attr - PBO_MATTR_ETHNICITY));
    case PBO_MATTR_PHONE: return x != NULL ? x->phone : NULL;
    case PBO_MATTR_ID_CARD: return x != NULL ? x->id_card : NULL;
    case PBO_MATTR_GENDER: return pbo_gender_to_string ((PboGender) m->gender);
    case PBO_MATTR_STATUS: return pbo_status_to_string ((PboStatus) m->status);
    case PBO_MATTR_EMPLOYMENT: return pbo_employment_to_string ((PboEmployment) m->employment);
    case PBO_MATTR_DUES_CATEGORY:
      return pbo_dues_category_to_string ((PboDuesCategory) m->dues_category);
    case PBO_MATTR_BORN:
    case PBO_MATTR_JOINED:
    case PBO_MATTR_FULL_SINCE:
      date = pbo_member_date_ (m, date_of_attr (attr));
      return date != PBO_DATE_NONE ? pbo_date_format (date, buf) : NULL;
    case PBO_MATTR_MOBILE: return m->mobile ? "true" : NULL;
    case PBO_MATTR_DUES_BASE:
      if ((fen = pbo_member_dues_base_ (m)) == PBO_DUES_BASE_NONE)
        return NULL;
      if (fen % 100 == 0)
        g_snprintf (buf, PBO_MATTR_BUFSIZE, "%u", (guint) (fen / 100));
      else
        g_snprintf (buf, PBO_MATTR_BUFSIZE, "%u.%02u", (guint) (fen / 100), (guint) (fen % 100));
      return buf;
    case PBO_MATTR_STANDING:
    case PBO_MATTR_STANDING_SINCE:
    case PBO_MATTR_STANDING_UNTIL:
    case PBO_MATTR_OUTFLOW_TO:
    case PBO_MATTR_PROBATION_EXTENDED_TO:
      return pbo_standing_attr_format_ (m, attr, buf);
    case PBO_MATTR_COUNT:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The fields that spell one way each are compared as stored (a diff asks
 * this of every attribute of every member of both trees). */
gboolean
pbo_member_attr_same_ (const PboMember *a, const PboMember *b, PboMemberAttr attr)
{
  char b1[PBO_MATTR_BUFSIZE], b2[PBO_MATTR_BUFSIZE];

  switch (attr)
    {
    case PBO_MATTR_BORN:
    case PBO_MATTR_JOINED:
    case PBO_MATTR_FULL_SINCE:
      return pbo_member_same_date_ (a, b, date_of_attr (attr));
    case PBO_MATTR_GENDER: return a->gender == b->gender;
    case PBO_MATTR_STATUS: return a->status == b->status;
    case PBO_MATTR_EMPLOYMENT: return a->employment == b->employment;
    case PBO_MATTR_DUES_CATEGORY: return a->dues_category == b->dues_category;
    case PBO_MATTR_MOBILE: return a->mobile == b->mobile;
    case PBO_MATTR_DUES_BASE: return pbo_member_dues_base_ (a) == pbo_member_dues_base_ (b);
    default:
      return g_strcmp0 (pbo_member_attr_format_ (a, attr, b1),
                        pbo_member_attr_format_ (b, attr, b2)) == 0;
    }
}

char *
pbo_member_dup_attribute (const PboMember *member, const char *name)
{
  char buf[PBO_MATTR_BUFSIZE];
  int attr;

  g_return_val_if_fail (member != NULL && name != NULL, NULL);
  attr = pbo_member_attr_lookup_ (name, strlen (name));
  if (attr < 0)
    return NULL;
  return g_strdup (pbo_member_attr_format_ (member, (PboMemberAttr) attr, buf));
}
