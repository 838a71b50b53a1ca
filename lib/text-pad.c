/* libpbo — padding of the text tables by terminal columns (text-private.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "text-private.h"

static guint
columns_of (const char *s)
{
  guint n = 0;

  for (; *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (!g_unichar_iszerowidth (c))
        n += g_unichar_iswide (c) ? 2 : 1;
    }
  return n;
}

void
pbo_text_append_column_ (GString *out, const char *s, guint width)
{
  guint n = columns_of (s);

  g_string_append (out, s);
  for (; n < width; n++)
    g_string_append_c (out, ' ');
}
