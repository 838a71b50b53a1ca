/* libpbo — errors.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <libintl.h>
#include <string.h>
#include "tree-private.h"
#include <pbo/pbo.h>
#include "error-private.h"

G_DEFINE_QUARK (pbo-error-quark, pbo_error)

/* Binds the domain to LOCALEDIR, unless the application bound it first (the
 * pbo CLI does, for PBO_LOCALEDIR). gettext has no "is it bound?" call: a
 * query answers gettext's default folder for an unbound domain, so compare
 * with the answer for a domain nobody binds. The codeset is UTF-8 whatever
 * the locale's: GError messages are UTF-8. */
static void
bind_domain (void)
{
  const char *bound = bindtextdomain (GETTEXT_PACKAGE, NULL);
  const char *unbound = bindtextdomain (GETTEXT_PACKAGE "-never-bound", NULL);

  if (bound == NULL || unbound == NULL || strcmp (bound, unbound) == 0)
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

const char *
pbo_gettext_ (const char *msgid)
{
  static gsize bound = 0;

  if (g_once_init_enter (&bound))
    {
      bind_domain ();
      g_once_init_leave (&bound, 1);
    }
  return dgettext (GETTEXT_PACKAGE, msgid);
}

const char *
pbo_utf8_message_ (char **msg)
{
  if (!g_utf8_validate (*msg, -1, NULL))
    {
      char *valid = g_utf8_make_valid (*msg, -1);
      g_free (*msg);
      *msg = valid;
    }
  return *msg;
}

/* Reads the digits ending just before @end (exclusive) backwards; returns the
 * start of the number, or NULL if there is none. */
static const char *
digits_before (const char *start, const char *end, guint *value)
{
  const char *p = end;
  guint64 v = 0, scale = 1;

  while (p > start && g_ascii_isdigit (p[-1]) && end - p < 9)
    {
      p--;
      v += (guint64) (*p - '0') * scale;
      scale *= 10;
    }
  if (p == end)
    return NULL;
  *value = (guint) v;
  return p;
}

gboolean
pbo_error_get_position (const GError *error, guint *line, guint *column)
{
  guint l = 0, c = 0;
  gboolean found = FALSE;

  /* The prefix is "file:line:col: "; file names may hold ':' themselves, so
   * take the first ": " that is preceded by ":digits:digits". */
  if (error != NULL && error->message != NULL)
    {
      const char *msg = error->message;
      const char *sep;

      for (sep = strstr (msg, ": "); sep != NULL && !found; sep = strstr (sep + 1, ": "))
        {
          const char *p = digits_before (msg, sep, &c);
          if (p == NULL || p == msg || p[-1] != ':')
            continue;
          p = digits_before (msg, p - 1, &l);
          found = p != NULL && p > msg && p[-1] == ':' && l > 0;
        }
    }
  if (!found)
    l = c = 0;
  if (line)
    *line = l;
  if (column)
    *column = c;
  return found;
}

gboolean
pbo_refuse_ (GError **error, int code, const char *format, ...)
{
  va_list args;
  char *msg;

  /* Messages quote values cut at 40 bytes ("%.40s"), maybe inside a
   * character: made valid here, once for every caller. */
  va_start (args, format);
  msg = g_strdup_vprintf (_(format), args);
  va_end (args);
  g_propagate_error (error, g_error_new_literal (PBO_ERROR, code, pbo_utf8_message_ (&msg)));
  g_free (msg);
  return FALSE;
}
