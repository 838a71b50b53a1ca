/* libpbo — files: the one safe writer every output goes through, and the
 * advisory lock that serializes read-modify-write of a file.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_FILE_H
#define PBO_FILE_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>

G_BEGIN_DECLS

/*
 * Writing files
 * -------------
 * pbo_xml_save_file() and every output of the pbo tool go through one
 * writer, which never replaces, exposes or loses what was there:
 *
 * - a regular file (or a new one) is written to a temporary file
 *   ".pbo-XXXXXX" in the same folder, created private (0600) when it
 *   replaces a file, given the old file's owner, group and mode (the write
 *   is refused if they cannot be kept), fsync()ed and renamed over the
 *   file; on any failure the old file is untouched and the temporary file
 *   removed;
 * - a symbolic link is followed to its target, which is replaced as above:
 *   the link stays a link;
 * - a character or block device, a FIFO, a socket, and a symbolic link
 *   under /proc (/dev/stdout is one) are opened and written directly, never
 *   replaced: a device cannot be turned into a regular file;
 * - a file with several hard links is replaced like any other: the other
 *   names keep the old contents.
 *
 * Read-modify-write of a file in place (load, change, save) is serialized
 * by pbo_file_lock_acquire(): without it two programs that change one file
 * at once both succeed and one change is lost.
 */

/** PboFileWriter: an opaque output in progress, from pbo_file_writer_new(). */
typedef struct _PboFileWriter PboFileWriter;

/**
 * PboFileWriteFlags:
 * @PBO_FILE_WRITE_NONE: defaults
 * @PBO_FILE_WRITE_NO_FSYNC: skip fsync() (tests, scratch files): the
 *   rename stays atomic but may not survive a power cut
 *
 * Flags of pbo_file_writer_new(), combined with |.
 */
typedef enum {
  PBO_FILE_WRITE_NONE = 0,
  PBO_FILE_WRITE_NO_FSYNC = 1 << 0,
} PboFileWriteFlags;

/**
 * pbo_file_writer_new:
 * @path: the file to write (see above for links, devices and FIFOs)
 * @flags: #PboFileWriteFlags
 * @error: return location for an error
 *
 * Starts writing @path safely: nothing is visible at @path until
 * pbo_file_writer_commit() (except for devices and FIFOs, which are
 * written as the data comes). Opening a FIFO waits for its reader.
 *
 * Errors: %PBO_ERROR_IO (the folder is not writable, a loop of links, the
 *   old file's owner or mode cannot be given to the new one).
 *
 * Returns: (transfer full) (nullable): the writer; end it with
 *   pbo_file_writer_commit() or pbo_file_writer_abort(), which free it.
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT PboFileWriter *pbo_file_writer_new (const char        *path,
                                                                     PboFileWriteFlags  flags,
                                                                     GError           **error);

/**
 * pbo_file_writer_new_fd:
 * @fd: a writable file descriptor (standard output); not closed
 * @name: the output's name in error messages ("<stdout>")
 *
 * A writer on an open descriptor, so that one code path writes to a file
 * or to a pipe. Data goes out as it is written; commit only reports the
 * first error.
 *
 * Returns: (transfer full): the writer; end it with pbo_file_writer_commit()
 *   or pbo_file_writer_abort().
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT PboFileWriter *pbo_file_writer_new_fd (int         fd,
                                                                        const char *name);

/**
 * pbo_file_writer_write:
 * @writer: a writer
 * @data: (array length=length): bytes, any bytes
 * @length: bytes of @data
 *
 * Writes @data (all of it, retrying short writes). After the first failure
 * nothing more is written and every call returns %FALSE; the error is
 * reported by pbo_file_writer_commit(), so that a caller streaming rows
 * may check only there. O(@length).
 *
 * Returns: %TRUE while no write has failed.
 */
PBO_API gboolean pbo_file_writer_write (PboFileWriter *writer,
                                        const void    *data,
                                        gsize          length);

/**
 * pbo_file_writer_commit:
 * @writer: (transfer full): a writer
 * @error: return location for an error
 *
 * Ends the output: for a file replaced through a temporary one, fsync,
 * close and rename over the target, then fsync the folder (best effort)
 * and remove the temporary files that writers killed before their rename
 * left in the folder (those no live writer holds an flock on). Frees
 * @writer in every case.
 *
 * Errors: %PBO_ERROR_IO, the target then untouched.
 *
 * Returns: %TRUE when everything was written and is in place.
 */
PBO_API gboolean pbo_file_writer_commit (PboFileWriter *writer,
                                         GError       **error);

/**
 * pbo_file_writer_abort:
 * @writer: (transfer full) (nullable): a writer
 *
 * Gives the output up: the temporary file is removed and the target stays
 * as it was (what went to a device or FIFO is gone already). Frees @writer.
 */
PBO_API void pbo_file_writer_abort (PboFileWriter *writer);

/**
 * pbo_file_write_contents:
 * @path: the file to write
 * @data: (array length=length): the bytes
 * @length: bytes of @data
 * @flags: #PboFileWriteFlags
 * @error: return location for an error
 *
 * pbo_file_writer_new(), one pbo_file_writer_write() and
 * pbo_file_writer_commit() in one call. O(@length).
 *
 * Returns: %TRUE on success; %PBO_ERROR_IO otherwise, @path untouched.
 */
PBO_API gboolean pbo_file_write_contents (const char        *path,
                                          const void        *data,
                                          gsize              length,
                                          PboFileWriteFlags  flags,
                                          GError           **error);

/** PboFileLock: an opaque advisory lock, from pbo_file_lock_acquire(). */
typedef struct _PboFileLock PboFileLock;

/**
 * PBO_FILE_LOCK_TIMEOUT_DEFAULT:
 *
 * The wait, in milliseconds, that the pbo tool allows by default for
 * another program's lock (its --lock-timeout): 10 seconds.
 */
#define PBO_FILE_LOCK_TIMEOUT_DEFAULT 10000

/**
 * pbo_file_lock_acquire:
 * @path: an existing file (a symbolic link locks its target)
 * @timeout_ms: how long to wait for another holder, in milliseconds; 0
 *   tries once
 * @error: return location for an error
 *
 * Takes an exclusive advisory lock (flock()) on @path's file for a
 * read-modify-write: acquire, load, change, save, release. The lock is on
 * the file itself, not on a lock file beside it (which would stay behind
 * and need a longer name than the longest file name). Because a save
 * renames a new file into place, a lock won on a file that has since been
 * replaced is dropped and taken again on the new one: holders of the lock
 * follow each other even though each save replaces the file. Programs
 * that do not take the lock are not stopped (the lock is advisory); on
 * NFS, flock() is emulated with fcntl() locks. Waits by polling, at most
 * 50 ms at a time.
 *
 * Errors: %PBO_ERROR_LOCKED when another holder keeps it past
 *   @timeout_ms; %PBO_ERROR_IO when @path cannot be opened or locked.
 *
 * Returns: (transfer full) (nullable): the lock; release it with
 *   pbo_file_lock_release(), or it is dropped when the process ends.
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT PboFileLock *pbo_file_lock_acquire (const char *path,
                                                                     guint       timeout_ms,
                                                                     GError    **error);

/**
 * pbo_file_lock_release:
 * @lock: (transfer full) (nullable): a lock
 *
 * Releases and frees @lock. Release it after the save that replaced the
 * file, never before.
 */
PBO_API void pbo_file_lock_release (PboFileLock *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PboFileLock, pbo_file_lock_release)

G_END_DECLS

#endif /* PBO_FILE_H */
