/* libpbo — private helpers for error messages.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_ERROR_PRIVATE_H
#define PBO_ERROR_PRIVATE_H

#include <glib.h>

/* Makes *@msg valid UTF-8 in place (a GError message must be), replacing
 * invalid sequences with U+FFFD, and returns it. Messages quote input that
 * may not be UTF-8 or cut it at a byte count ("%.40s", libxml2's excerpts)
 * inside a character; file names need not be UTF-8 either. */
const char *pbo_utf8_message_ (char **msg);

/* The position an error of PBO_ERROR points at: @file (copied; may be
 * NULL), 1-based @line and @column (0: the whole line). The one place that
 * sets the fields pbo_error_get_position() and pbo_error_get_file() read. */
void pbo_error_set_position_ (GError *error, const char *file, guint line, guint column);

/* Prefixes @error's message with "file:line:col: " ("file:line: " when
 * @column is 0), for people, and sets the same position in its fields. */
void pbo_error_locate_ (GError *error, const char *file, guint line, guint column);

/* A new error of PBO_ERROR with @code and @message (not a format) located at
 * @file:@line:@column as pbo_error_locate_() does. */
GError *pbo_error_new_at_ (int code, const char *file, guint line, guint column,
                           const char *message);

/* Messages for people are translated in the library's own gettext domain
 * (GETTEXT_PACKAGE, "libpbo"; docs/i18n.md), never the application's: the
 * library binds it on first use and never calls setlocale(). _() marks and
 * translates a message, N_() only marks one (tables); the helpers that take
 * a format (pbo_refuse_, pbo_loader_fail_, ...) translate it themselves and
 * are listed as xgettext keywords in po/meson.build. */
const char *pbo_gettext_ (const char *msgid) G_GNUC_FORMAT (1);
#define _(msgid) pbo_gettext_ (msgid)
#define N_(msgid) (msgid)
/* The same with a context, for words whose translation depends on what they
 * name ("committee" the org kind, 党委, and the meeting, 支委会): C_()
 * translates, NC_() only marks (xgettext keywords C_:1c,2 and NC_:1c,2). */
const char *pbo_pgettext_ (const char *context, const char *msgid) G_GNUC_FORMAT (2);
#define C_(context, msgid) pbo_pgettext_ (context, msgid)
#define NC_(context, msgid) (msgid)

#endif
