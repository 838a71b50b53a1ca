/* libpbo — the advisory lock that serializes read-modify-write of a file
 * (load, change, save) between processes.
 *
 * Why a lock on the file and a check that it is still the file: a save
 * renames a new inode into place, so a lock held on the old inode does
 * not stop a newcomer from locking the new one. A holder that wins the
 * lock of a file that has been replaced meanwhile therefore drops it and
 * locks the file now at the path; the previous holder keeps its lock
 * until after its rename, so holders follow each other. A lock file
 * beside the target would do the same without the check, but it would
 * stay behind in the folder, and its name (longer than the target's)
 * could not exist beside the longest file names.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#define _POSIX_C_SOURCE 200809L /* O_CLOEXEC */
#define _DEFAULT_SOURCE         /* flock */
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "file-private.h"
#include "error-private.h"

struct _PboFileLock {
  int fd;
};

/* The longest single sleep while waiting: short enough that a waiter
 * follows a holder quickly, long enough not to spin. */
#define POLL_US (50 * 1000)

typedef enum { TAKEN, BUSY, REPLACED, FAILED } Attempt;

/* TRUE if @fd is still the file at @path (not replaced by a rename). */
static gboolean
is_file_at (int fd, const char *path)
{
  struct stat held, now;

  return fstat (fd, &held) == 0 && stat (path, &now) == 0 && held.st_dev == now.st_dev
         && held.st_ino == now.st_ino;
}

/* One try: opens @path and locks it without waiting. On TAKEN, *@fd holds
 * the lock. */
static Attempt
try_lock (const char *path, const char *name, int *fd, GError **error)
{
  *fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (*fd < 0)
    {
      pbo_file_io_error_ (error, name, _("cannot open it to lock it"), errno);
      return FAILED;
    }
  if (flock (*fd, LOCK_EX | LOCK_NB) == 0)
    {
      if (is_file_at (*fd, path))
        return TAKEN;
      close (*fd);
      return REPLACED;
    }
  if (errno == EWOULDBLOCK || errno == EINTR)
    {
      close (*fd);
      return BUSY;
    }
  pbo_file_io_error_ (error, name, _("cannot lock it"), errno);
  close (*fd);
  return FAILED;
}

PboFileLock *
pbo_file_lock_acquire (const char *path, guint timeout_ms, GError **error)
{
  g_autofree char *target = NULL;
  gint64 deadline;
  gboolean magic;
  PboFileLock *lock;
  Attempt a;
  int fd = -1;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  target = pbo_file_resolve_ (path, &magic, error);
  if (target == NULL)
    return NULL;
  deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  while ((a = try_lock (target, path, &fd, error)) != TAKEN)
    {
      gint64 left = deadline - g_get_monotonic_time ();
      if (a == FAILED)
        return NULL;
      if (a == REPLACED)
        continue;
      if (left <= 0)
        {
          g_set_error (error, PBO_ERROR, PBO_ERROR_LOCKED,
                       _("%s: another program is changing this file (its lock was held for "
                         "longer than %.1f s)"),
                       path, timeout_ms / 1000.0);
          return NULL;
        }
      g_usleep ((gulong) MIN (left, POLL_US));
    }
  lock = g_new (PboFileLock, 1);
  lock->fd = fd;
  return lock;
}

void
pbo_file_lock_release (PboFileLock *lock)
{
  if (lock == NULL)
    return;
  close (lock->fd);
  g_free (lock);
}
