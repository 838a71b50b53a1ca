/* libpbo — errors.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <libintl.h>
#include <string.h>
#include "tree-private.h"
#include <pbo/pbo.h>
#include "error-private.h"

/* Errors of PBO_ERROR carry the position they point at in fields of their
 * own (an extended error domain), so that a position is never read back out
 * of a message that may quote input ("x:7:9: y" as a date). */
typedef struct {
  char *file;
  guint line;
  guint column;
} PboErrorPrivate;

/* GLib hands these a private part it has allocated; the checks are for
 * the analysers, which cannot see that. */
static void
pbo_error_private_init (PboErrorPrivate *priv)
{
  g_return_if_fail (priv != NULL);
  priv->file = NULL;
  priv->line = priv->column = 0;
}

static void
pbo_error_private_copy (const PboErrorPrivate *src, PboErrorPrivate *dest)
{
  g_return_if_fail (src != NULL && dest != NULL);
  dest->file = g_strdup (src->file);
  dest->line = src->line;
  dest->column = src->column;
}

static void
pbo_error_private_clear (PboErrorPrivate *priv)
{
  g_return_if_fail (priv != NULL);
  g_clear_pointer (&priv->file, g_free);
}

G_DEFINE_EXTENDED_ERROR (PboError, pbo_error)

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

static void
ensure_bound (void)
{
  static gsize bound = 0;

  if (g_once_init_enter (&bound))
    {
      bind_domain ();
      g_once_init_leave (&bound, 1);
    }
}

const char *
pbo_gettext_ (const char *msgid)
{
  ensure_bound ();
  return dgettext (GETTEXT_PACKAGE, msgid);
}

const char *
pbo_pgettext_ (const char *context, const char *msgid)
{
  ensure_bound ();
  return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
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

static const PboErrorPrivate *
position_of (const GError *error)
{
  const PboErrorPrivate *priv;

  if (error == NULL || error->domain != PBO_ERROR)
    return NULL;
  priv = pbo_error_get_private (error);
  return priv != NULL && priv->line > 0 ? priv : NULL;
}

gboolean
pbo_error_get_position (const GError *error, guint *line, guint *column)
{
  const PboErrorPrivate *priv = position_of (error);

  if (line)
    *line = priv != NULL ? priv->line : 0;
  if (column)
    *column = priv != NULL ? priv->column : 0;
  return priv != NULL;
}

const char *
pbo_error_get_file (const GError *error)
{
  const PboErrorPrivate *priv = position_of (error);

  return priv != NULL ? priv->file : NULL;
}

void
pbo_error_set_position_ (GError *error, const char *file, guint line, guint column)
{
  PboErrorPrivate *priv;

  g_return_if_fail (error != NULL && error->domain == PBO_ERROR);
  priv = pbo_error_get_private (error);
  g_return_if_fail (priv != NULL);
  g_free (priv->file);
  priv->file = g_strdup (file);
  priv->line = line;
  priv->column = column;
}

void
pbo_error_locate_ (GError *error, const char *file, guint line, guint column)
{
  char *msg;

  g_return_if_fail (error != NULL && line > 0);
  msg = column > 0 ? g_strdup_printf ("%s:%u:%u: %s", file, line, column, error->message)
                   : g_strdup_printf ("%s:%u: %s", file, line, error->message);
  g_free (error->message);
  error->message = (char *) pbo_utf8_message_ (&msg);
  pbo_error_set_position_ (error, file, line, column);
}

GError *
pbo_error_new_at_ (int code, const char *file, guint line, guint column, const char *message)
{
  GError *error = g_error_new_literal (PBO_ERROR, code, message);

  pbo_error_locate_ (error, file, line, column);
  return error;
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
