/* libpbo — the cells of the writers: CSV fields, text escaped for people,
 * money.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <stdarg.h>
#include <string.h>
#include "csv-private.h"

/* What a spreadsheet takes as the start of a formula (=, +, -, @), or skips
 * before one (tab, CR). */
static gboolean
starts_formula (const char *s)
{
  return *s != '\0' && strchr ("=+-@\t\r", *s) != NULL;
}

/* The writer's mark: a ' before what would start a formula, or before
 * another mark, so that a value that begins with ' reads back unchanged. */
static gboolean
is_marked (const char *s)
{
  return s[0] == '\'' && (starts_formula (s + 1) || s[1] == '\'');
}

void
pbo_csv_write_field (GString *out, const char *field, PboCsvWriteFlags flags)
{
  gboolean mark;
  const char *p;

  g_return_if_fail (out != NULL);
  if (field == NULL)
    return;
  mark = !(flags & PBO_CSV_WRITE_RAW) && (starts_formula (field) || is_marked (field));
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      if (mark)
        g_string_append_c (out, '\'');
      g_string_append (out, field);
      return;
    }
  g_string_append (out, mark ? "\"'" : "\"");
  for (p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
pbo_csv_unmark_ (char *value)
{
  return is_marked (value) ? value + 1 : value;
}

void
pbo_csv_row_ (GString *out, PboCsvWriteFlags flags, const char *first, ...)
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
      pbo_csv_write_field (out, field, flags);
      sep = TRUE;
      field = va_arg (ap, const char *);
    }
  va_end (ap);
  g_string_append_c (out, '\n');
}

/* ---- text for people --------------------------------------------------- */

/* Characters that move the cursor or reorder what follows: C0 and C1
 * controls, DEL, the line and paragraph separators and the bidirectional
 * embeddings, overrides and isolates. */
static gboolean
is_unsafe_for_text (gunichar c)
{
  return g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
         || (c >= 0x2066 && c <= 0x2069);
}

static void
append_escaped_char (GString *out, gunichar c)
{
  switch (c)
    {
    case '\n': g_string_append (out, "\\n"); break;
    case '\r': g_string_append (out, "\\r"); break;
    case '\t': g_string_append (out, "\\t"); break;
    default:
      if (c < 0x80)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_printf (out, "\\u%04x", c);
    }
}

void
pbo_text_append_escaped (GString *out, const char *text)
{
  const char *p, *run;

  g_return_if_fail (out != NULL);
  if (text == NULL)
    return;
  for (p = run = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_len (out, run, p - run);
          g_string_append_printf (out, "\\x%02x", (guint) (guchar) *p);
          run = ++p;
          continue;
        }
      if (is_unsafe_for_text (c))
        {
          g_string_append_len (out, run, p - run);
          append_escaped_char (out, c);
          run = g_utf8_next_char (p);
        }
      p = g_utf8_next_char (p);
    }
  g_string_append_len (out, run, p - run);
}

char *
pbo_text_escape_ (const char *text)
{
  GString *out = g_string_new (NULL);

  pbo_text_append_escaped (out, text);
  return g_string_free (out, FALSE);
}

char *
pbo_format_yuan_ (gint64 fen, char *buf)
{
  guint64 abs_fen = fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;

  g_snprintf (buf, PBO_YUAN_BUFSIZE, "%s%" G_GUINT64_FORMAT ".%02u", fen < 0 ? "-" : "",
              abs_fen / 100, (guint) (abs_fen % 100));
  return buf;
}
