/* libpbo — CSV and money formatting shared by the report writers.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <stdarg.h>
#include <string.h>
#include "csv-private.h"

void
pbo_csv_field_ (GString *out, const char *field)
{
  const char *p;

  if (field == NULL)
    return;
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
pbo_csv_row_ (GString *out, const char *first, ...)
{
  va_list ap;
  const char *field = first;
  gboolean sep = FALSE;

  va_start (ap, first);
  /* An empty field is "", so NULL only ever ends the list. */
  while (field != NULL)
    {
      if (sep)
        g_string_append_c (out, ',');
      pbo_csv_field_ (out, field);
      sep = TRUE;
      field = va_arg (ap, const char *);
    }
  va_end (ap);
  g_string_append_c (out, '\n');
}

char *
pbo_format_yuan_ (gint64 fen, char *buf)
{
  guint64 abs_fen = fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;

  g_snprintf (buf, PBO_YUAN_BUFSIZE, "%s%" G_GUINT64_FORMAT ".%02u", fen < 0 ? "-" : "",
              abs_fen / 100, (guint) (abs_fen % 100));
  return buf;
}
