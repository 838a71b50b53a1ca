/* libpbo — the one safe writer: every file libpbo or the pbo tool writes
 * goes through here (docs/security.md §4). Regular files are replaced
 * through a temporary file (owner, group and mode kept, fsync, rename);
 * devices, FIFOs and /proc links are written in place, never replaced.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#define _POSIX_C_SOURCE 200809L /* O_CLOEXEC, fchmod, fchown, fsync, readlink */
#define _DEFAULT_SOURCE         /* flock */
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "file-private.h"
#include "error-private.h"

struct _PboFileWriter {
  char    *name;      /* the path as given, for messages */
  char    *target;    /* what the rename replaces; NULL: written in place */
  char    *dir;       /* the target's folder */
  char    *tmp;       /* the temporary file; NULL: written in place */
  int      fd;
  int      lock_fd;   /* the temporary file's flock (see remove_stale_temps) */
  gboolean owns_fd;   /* FALSE for pbo_file_writer_new_fd() */
  gboolean sync;
  GError  *error;     /* the first failure */
};

gboolean
pbo_file_io_error_ (GError **error, const char *path, const char *what, int err)
{
  g_set_error (error, PBO_ERROR, PBO_ERROR_IO, _("%s: %s: %s"), path, what, g_strerror (err));
  return FALSE;
}

/* ---- following links ------------------------------------------------------ */

/* Linux's own limit (MAXSYMLINKS). */
#define MAX_LINKS 40

/* @target of the link @link, relative to the link's folder. */
static char *
link_destination (const char *link, const char *target)
{
  g_autofree char *dir = NULL;

  if (g_path_is_absolute (target))
    return g_strdup (target);
  dir = g_path_get_dirname (link);
  return g_build_filename (dir, target, NULL);
}

char *
pbo_file_resolve_ (const char *path, gboolean *magic, GError **error)
{
  g_autofree char *cur = g_strdup (path);
  guint hops;

  *magic = FALSE;
  for (hops = 0; hops <= MAX_LINKS; hops++)
    {
      g_autofree char *target = NULL, *next = NULL;
      struct stat st;
      if (lstat (cur, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&cur);
      /* /proc/self/fd/N names an open file (a pipe, a terminal, a file
       * deleted since): only opening the link itself reaches it. */
      if (g_str_has_prefix (cur, "/proc/"))
        {
          *magic = TRUE;
          return g_steal_pointer (&cur);
        }
      target = g_file_read_link (cur, NULL);
      if (target == NULL)
        {
          pbo_file_io_error_ (error, path, _("cannot read the symbolic link"), errno);
          return NULL;
        }
      next = link_destination (cur, target);
      g_free (cur);
      cur = g_steal_pointer (&next);
    }
  pbo_file_io_error_ (error, path, _("cannot follow the symbolic link"), ELOOP);
  return NULL;
}

/* ---- the temporary file ----------------------------------------------------- */

/* Short, so that the longest file name a folder can hold can be replaced
 * too (NAME_MAX counts the temporary file's name, not the target's), and
 * with a mark no other file is likely to carry, since files that match
 * it may be removed. */
#define TEMP_PREFIX ".pbo-"
#define TEMP_TEMPLATE TEMP_PREFIX "XXXXXX"

static gboolean
is_temp_name (const char *name)
{
  return g_str_has_prefix (name, TEMP_PREFIX) && strlen (name) == strlen (TEMP_TEMPLATE);
}

/* Removes the temporary files of writers that died before their rename
 * (killed, crashed, a power cut). A live writer holds an flock() on its
 * temporary file, and the kernel drops it when the process dies: a file
 * that can be locked has no writer left. O(entries of @dir). */
static void
remove_stale_temps (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (!is_temp_name (name))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
  g_dir_close (d);
}

/* Locks the temporary file for as long as the writer lives (see
 * remove_stale_temps()) through a descriptor of its own, since @fd is
 * closed before the rename. Best effort: without the lock a concurrent
 * writer's cleanup could remove the file, and this one would then fail
 * cleanly at the rename. Returns the descriptor to close, or -1. */
static int
lock_temp (int fd)
{
  int lock_fd = dup (fd);

  if (lock_fd >= 0 && flock (lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (lock_fd);
      lock_fd = -1;
    }
  return lock_fd;
}

/* Gives the temporary file the replaced file's owner and group, then its
 * mode (chown clears set-id bits that the mode restores). A file must not
 * change hands, nor a private one become readable by others, because a
 * call failed: the write is refused instead. fchown is called even when
 * nothing changes (-1, -1), so that every save takes one code path. */
static gboolean
keep_owner_and_mode (PboFileWriter *w, const struct stat *old, GError **error)
{
  struct stat now;
  uid_t uid = old->st_uid;
  gid_t gid = old->st_gid;

  if (fstat (w->fd, &now) == 0)
    {
      uid = now.st_uid == old->st_uid ? (uid_t) -1 : old->st_uid;
      gid = now.st_gid == old->st_gid ? (gid_t) -1 : old->st_gid;
    }
  if (fchown (w->fd, uid, gid) != 0)
    return pbo_file_io_error_ (error, w->name, _("cannot keep its owner and group"), errno);
  if (fchmod (w->fd, old->st_mode & 07777) != 0)
    return pbo_file_io_error_ (error, w->name, _("cannot keep its permissions"), errno);
  return TRUE;
}

/* A new file gets 0644 less the umask (open() applies it). The temporary
 * file of a replaced one starts private (0600): whoever opens it before
 * its mode is set must not be able to read what is written into it later.
 * @old: the replaced file, or NULL. */
static gboolean
open_temp (PboFileWriter *w, const struct stat *old, GError **error)
{
  w->dir = g_path_get_dirname (w->target);
  w->tmp = g_build_filename (w->dir, TEMP_TEMPLATE, NULL);
  w->fd = g_mkstemp_full (w->tmp, O_WRONLY | O_CLOEXEC, old != NULL ? 0600 : 0644);
  if (w->fd < 0)
    {
      g_clear_pointer (&w->tmp, g_free);
      return pbo_file_io_error_ (error, w->name, _("cannot create a temporary file beside it"),
                                 errno);
    }
  /* At once: until it is locked, another writer's cleanup in this folder
   * could take it for a dead writer's. */
  w->lock_fd = lock_temp (w->fd);
  return old == NULL || keep_owner_and_mode (w, old, error);
}

/* ---- writing in place --------------------------------------------------------- */

static gboolean
is_same_file (const struct stat *st, int fd)
{
  struct stat other;

  return fstat (fd, &other) == 0 && other.st_dev == st->st_dev && other.st_ino == st->st_ino;
}

/* A device, FIFO or socket is written as it is: replacing it would put a
 * regular file where the system expects a node (-o /dev/null as root).
 * Through a /proc link (/dev/stdout) a regular file may be reached: when
 * it is the standard output or error, their own descriptor is used, which
 * keeps the shell's offset and append mode (">>"); another one is
 * truncated, as the shell's ">" would. */
static gboolean
open_in_place (PboFileWriter *w, const char *path, GError **error)
{
  struct stat st;
  int std;

  w->fd = g_open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
  if (w->fd < 0)
    return pbo_file_io_error_ (error, w->name, _("cannot open it for writing"), errno);
  if (fstat (w->fd, &st) != 0 || !S_ISREG (st.st_mode))
    return TRUE;
  for (std = STDOUT_FILENO; std <= STDERR_FILENO; std++)
    if (is_same_file (&st, std))
      {
        close (w->fd);
        w->fd = std;
        w->owns_fd = FALSE;
        return TRUE;
      }
  if (ftruncate (w->fd, 0) != 0)
    return pbo_file_io_error_ (error, w->name, _("cannot open it for writing"), errno);
  return TRUE;
}

/* ---- the writer ------------------------------------------------------------------ */

static PboFileWriter *
writer_alloc (const char *name, int fd, gboolean owns_fd)
{
  PboFileWriter *w = g_new0 (PboFileWriter, 1);

  w->name = g_strdup (name);
  w->fd = fd;
  w->owns_fd = owns_fd;
  w->lock_fd = -1;
  return w;
}

PboFileWriter *
pbo_file_writer_new (const char *path, PboFileWriteFlags flags, GError **error)
{
  PboFileWriter *w;
  g_autofree char *target = NULL;
  gboolean magic, ok;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  target = pbo_file_resolve_ (path, &magic, error);
  if (target == NULL)
    return NULL;
  w = writer_alloc (path, -1, TRUE);
  w->sync = (flags & PBO_FILE_WRITE_NO_FSYNC) == 0;
  if (!magic && stat (target, &st) != 0)
    {
      w->target = g_steal_pointer (&target);
      ok = open_temp (w, NULL, error);
    }
  else if (!magic && S_ISREG (st.st_mode))
    {
      w->target = g_steal_pointer (&target);
      ok = open_temp (w, &st, error);
    }
  else
    ok = open_in_place (w, target, error);
  if (!ok)
    {
      pbo_file_writer_abort (w);
      return NULL;
    }
  return w;
}

PboFileWriter *
pbo_file_writer_new_fd (int fd, const char *name)
{
  g_return_val_if_fail (fd >= 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return writer_alloc (name, fd, FALSE);
}

gboolean
pbo_file_writer_write (PboFileWriter *w, const void *data, gsize length)
{
  const char *p = data;

  g_return_val_if_fail (w != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  while (length > 0 && w->error == NULL)
    {
      gssize n = write (w->fd, p, length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (&w->error, PBO_ERROR, PBO_ERROR_IO, _("%s: cannot write: %s"), w->name,
                       g_strerror (saved));
          break;
        }
      p += n;
      length -= (gsize) n;
    }
  return w->error == NULL;
}

/* Makes the rename itself durable; a failure here is not worth failing a
 * write that has already replaced the file. */
static void
sync_directory (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Syncs and closes the output, then renames the temporary file into place. */
static gboolean
finish (PboFileWriter *w)
{
  gboolean ok = w->error == NULL;

  if (ok && w->tmp != NULL && w->sync && fsync (w->fd) != 0)
    ok = pbo_file_io_error_ (&w->error, w->name, _("cannot sync to disk"), errno);
  if (w->owns_fd && close (w->fd) != 0 && ok)
    ok = pbo_file_io_error_ (&w->error, w->name, _("cannot write"), errno);
  w->fd = -1;
  if (ok && w->tmp != NULL && g_rename (w->tmp, w->target) != 0)
    ok = pbo_file_io_error_ (&w->error, w->name, _("cannot replace it"), errno);
  if (ok)
    g_clear_pointer (&w->tmp, g_free);
  return ok;
}

gboolean
pbo_file_writer_commit (PboFileWriter *w, GError **error)
{
  gboolean ok, replaced;

  g_return_val_if_fail (w != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  ok = finish (w);
  replaced = ok && w->target != NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&w->error));
  if (w->tmp != NULL)
    g_unlink (w->tmp);
  g_clear_pointer (&w->tmp, g_free);
  if (w->lock_fd >= 0)
    close (w->lock_fd);
  w->lock_fd = -1;
  if (replaced && w->sync)
    sync_directory (w->dir);
  if (replaced)
    remove_stale_temps (w->dir);
  pbo_file_writer_abort (w);
  return ok;
}

void
pbo_file_writer_abort (PboFileWriter *w)
{
  if (w == NULL)
    return;
  if (w->fd >= 0 && w->owns_fd)
    close (w->fd);
  if (w->tmp != NULL)
    g_unlink (w->tmp);
  if (w->lock_fd >= 0)
    close (w->lock_fd);
  g_clear_error (&w->error);
  g_free (w->name);
  g_free (w->target);
  g_free (w->dir);
  g_free (w->tmp);
  g_free (w);
}

gboolean
pbo_file_write_contents (const char *path, const void *data, gsize length,
                         PboFileWriteFlags flags, GError **error)
{
  PboFileWriter *w;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  w = pbo_file_writer_new (path, flags, error);
  if (w == NULL)
    return FALSE;
  pbo_file_writer_write (w, data, length);
  return pbo_file_writer_commit (w, error);
}
