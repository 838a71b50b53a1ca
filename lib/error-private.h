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

#endif
