/* libpbo — private helpers of the safe writer and the file lock.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_FILE_PRIVATE_H
#define PBO_FILE_PRIVATE_H

#include "pbo/pbo.h"

/* Follows the symbolic links from @path to the name of the file they
 * lead to, which may not exist yet (a dangling link creates its target).
 * *@magic is set when a link under /proc was met (/dev/stdout →
 * /proc/self/fd/1): such links name open files, not paths, and are opened
 * as they are. Errors: %PBO_ERROR_IO (a loop of links, an unreadable
 * link). Returns: (transfer full) the name to write. */
char *pbo_file_resolve_ (const char *path, gboolean *magic, GError **error);

/* Sets "PATH: WHAT: strerror(ERR)" as %PBO_ERROR_IO (@what is translated
 * by the caller) and returns FALSE. */
gboolean pbo_file_io_error_ (GError **error, const char *path, const char *what, int err);


#endif
