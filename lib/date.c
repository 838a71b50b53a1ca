/* libpbo — calendar dates packed as YYYYMMDD.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#define _POSIX_C_SOURCE 200809L /* localtime_r */
#include "config.h"
#include <string.h>
#include <time.h>
#include <pbo/pbo.h>
#include "error-private.h"

#define YEAR(d)  ((d) / 10000u)
#define MONTH(d) ((d) / 100u % 100u)
#define DAY(d)   ((d) % 100u)

static gboolean
is_leap (guint y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static guint
days_in_month (guint y, guint m)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  return m == 2 && is_leap (y) ? 29 : days[m - 1];
}

/* The date the arguments name, or PBO_DATE_NONE: what the library itself
 * builds dates with (from parts it has read or computed). */
static PboDate
pack_date (guint year, guint month, guint day)
{
  if (year < 1 || year > 9999)
    return PBO_DATE_NONE;
  if (month == 0 && day == 0)
    return year * 10000u;
  if (month < 1 || month > 12 || day < 1 || day > days_in_month (year, month))
    return PBO_DATE_NONE;
  return year * 10000u + month * 100u + day;
}

/* Never PBO_DATE_NONE for arguments that name no date: a caller's
 * pbo_org_set_established (org, pbo_date_make (2024, 2, 30)) would clear the
 * date instead of being refused. */
PboDate
pbo_date_make (guint year, guint month, guint day)
{
  PboDate date = pack_date (year, month, day);

  return date != PBO_DATE_NONE ? date : PBO_DATE_INVALID;
}

gboolean
pbo_date_is_valid (PboDate date)
{
  return date != PBO_DATE_NONE && date != PBO_DATE_INVALID
         && pack_date (YEAR (date), MONTH (date), DAY (date)) == date;
}

gboolean
pbo_date_is_year_only (PboDate date)
{
  return pbo_date_is_valid (date) && MONTH (date) == 0;
}

static gboolean
is_full (PboDate date)
{
  return pbo_date_is_valid (date) && MONTH (date) != 0;
}

guint pbo_date_get_year (PboDate date) { return YEAR (date); }
guint pbo_date_get_month (PboDate date) { return MONTH (date); }
guint pbo_date_get_day (PboDate date) { return DAY (date); }

/* Reads exactly @n ASCII digits. */
static gboolean
read_digits (const char *p, guint n, guint *value)
{
  guint v = 0, i;

  for (i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (guint) (p[i] - '0');
    }
  *value = v;
  return TRUE;
}

gboolean
pbo_date_parse (const char *text, gssize length, gboolean allow_year_only,
                PboDate *date, GError **error)
{
  gsize len;
  guint y = 0, m = 0, d = 0;
  gboolean shape_ok;
  PboDate result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  len = length < 0 ? strlen (text) : (gsize) length;
  if (len == 4 && allow_year_only)
    shape_ok = read_digits (text, 4, &y);
  else
    shape_ok = len == 10 && text[4] == '-' && text[7] == '-'
               && read_digits (text, 4, &y) && read_digits (text + 5, 2, &m)
               && read_digits (text + 8, 2, &d) && m != 0;
  result = shape_ok ? pack_date (y, m, d) : PBO_DATE_NONE;
  if (result == PBO_DATE_NONE)
    {
      /* The text quoted may be cut inside a character, or not be UTF-8. */
      char *msg = g_strdup_printf (_("“%.*s” is not a date (expected %s)"), (int) MIN (len, 40),
                                   text, allow_year_only ? _("YYYY-MM-DD or YYYY") : "YYYY-MM-DD");
      g_set_error_literal (error, PBO_ERROR, PBO_ERROR_INVALID, pbo_utf8_message_ (&msg));
      g_free (msg);
      return FALSE;
    }
  *date = result;
  return TRUE;
}

/* Writes @value as exactly @width decimal digits (zero-padded); returns
 * the end. @value < 10^@width. */
static char *
put_digits (char *p, guint value, guint width)
{
  guint i;

  for (i = width; i > 0; i--, value /= 10)
    p[i - 1] = (char) ('0' + value % 10);
  return p + width;
}

char *
pbo_date_format (PboDate date, char *buf)
{
  g_return_val_if_fail (buf != NULL, NULL);

  if (!pbo_date_is_valid (date))
    buf[0] = '\0';
  else if (MONTH (date) == 0)
    put_digits (buf, YEAR (date), 4)[0] = '\0';
  else
    {
      /* By hand, not printf: the XML and CSV writers format two or three
       * dates per member (tests/bench measures the export). */
      char *p = put_digits (buf, YEAR (date), 4);
      *p++ = '-';
      p = put_digits (p, MONTH (date), 2);
      *p++ = '-';
      put_digits (p, DAY (date), 2)[0] = '\0';
    }
  return buf;
}

/* Days since 0000-03-01 in the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil), so that day arithmetic needs no tables. */
static gint64
to_days (PboDate date)
{
  gint64 y = YEAR (date), m = MONTH (date), d = DAY (date);
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe;
}

static PboDate
from_days (gint64 z)
{
  gint64 era = z / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 y = yoe + era * 400;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 d = doy - (153 * mp + 2) / 5 + 1;
  gint64 m = mp < 10 ? mp + 3 : mp - 9;

  y += m <= 2;
  if (y < 1 || y > 9999)
    return PBO_DATE_NONE;
  return pack_date ((guint) y, (guint) m, (guint) d);
}

PboDate
pbo_date_add_days (PboDate date, int days)
{
  if (!is_full (date))
    return PBO_DATE_NONE;
  return from_days (to_days (date) + days);
}

PboDate
pbo_date_add_months (PboDate date, int months)
{
  gint64 index, y, m;
  guint d;

  if (!is_full (date))
    return PBO_DATE_NONE;
  index = (gint64) YEAR (date) * 12 + (MONTH (date) - 1) + months;
  y = index / 12;
  m = index % 12 + 1;
  if (index < 0 || y < 1 || y > 9999)
    return PBO_DATE_NONE;
  d = MIN (DAY (date), days_in_month ((guint) y, (guint) m));
  return pack_date ((guint) y, (guint) m, d);
}

gint64
pbo_date_days_between (PboDate from, PboDate to)
{
  if (!is_full (from) || !is_full (to))
    return 0;
  return to_days (to) - to_days (from);
}

int
pbo_date_years_between (PboDate from, PboDate to)
{
  PboDate start;
  int years;

  if (!pbo_date_is_valid (from) || !is_full (to))
    return 0;
  start = MONTH (from) == 0 ? from + 101 : from;
  years = (int) YEAR (to) - (int) YEAR (start);
  /* Compare month and day as MMDD: not reached yet this year → one less. */
  if (years > 0 && to % 10000u < start % 10000u)
    years--;
  else if (years < 0 && to % 10000u > start % 10000u)
    years++;
  return years;
}

/* tzset() when TZ has changed since the last call (localtime_r() alone
 * would not see a change in a running process; tzset() with TZ unset
 * stats /etc/localtime, 1.7 µs). A TZ longer than the buffer is set each
 * time. GLib's local time zone notices the same changes. */
static void
follow_tz (void)
{
  static GMutex lock;
  static gboolean seen, was_set;
  static char last[256];
  const char *tz = g_getenv ("TZ");

  g_mutex_lock (&lock);
  if (!seen || was_set != (tz != NULL) || (tz != NULL && strcmp (tz, last) != 0))
    {
      tzset ();
      seen = tz == NULL || g_strlcpy (last, tz, sizeof last) < sizeof last;
      was_set = tz != NULL;
    }
  g_mutex_unlock (&lock);
}

/* localtime_r(), not a GDateTime: every journaled operation without a date
 * asks, and GLib reads the local time zone again on each call (6 µs, eight
 * times the cost of a rename). */
PboDate
pbo_date_today (void)
{
  time_t now = time (NULL);
  struct tm tm = { .tm_year = 70, .tm_mday = 1 };

  follow_tz ();
  if (localtime_r (&now, &tm) == NULL && gmtime_r (&now, &tm) == NULL)
    tm = (struct tm) { .tm_year = 70, .tm_mday = 1 };
  return pack_date ((guint) tm.tm_year + 1900, (guint) tm.tm_mon + 1, (guint) tm.tm_mday);
}
