/* libpbo — XML format v1: streaming load, deterministic crash-safe save.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_XML_H
#define PBO_XML_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>

G_BEGIN_DECLS

/*
 * The format is described in docs/format.md; its RELAX NG schema is
 * docs/pbo-1.rng (installed as $datadir/libpbo/pbo-1.rng). No libxml2 type
 * appears in this header: libpbo's ABI does not move with libxml2's.
 */

/**
 * PboProgressFunc:
 * @done: bytes read or written so far
 * @total: bytes in all, or 0 when unknown (a pipe)
 * @user_data: the caller's data
 *
 * Called now and then during long loads and saves (at most about a hundred
 * times per call, and always once at the end with @done == @total when the
 * total is known).
 */
typedef void (*PboProgressFunc) (guint64 done, guint64 total, gpointer user_data);

/**
 * PboLoadFlags:
 * @PBO_LOAD_NONE: defaults
 * @PBO_LOAD_VALIDATE_SCHEMA: also validate against the RELAX NG schema
 *   (slower; the loader's own checks already refuse everything the format
 *   forbids — this is a second opinion for interchange testing). The
 *   schema is read from $datadir/libpbo/pbo-1.rng, or from the file named
 *   by the environment variable PBO_SCHEMA_PATH; a missing schema is a
 *   %PBO_ERROR_IO error, a document it rejects a %PBO_ERROR_FORMAT error.
 *   Input from a file descriptor is kept in memory for this second pass.
 *
 * Flags of #PboLoadOptions, combined with |.
 */
typedef enum {
  PBO_LOAD_NONE = 0,
  PBO_LOAD_VALIDATE_SCHEMA = 1 << 0,
} PboLoadFlags;
PBO_DEFINE_FLAGS_OPERATORS (PboLoadFlags)

/**
 * PBO_XML_MAX_ATTRIBUTES:
 *
 * The most attributes, namespace declarations included, one element may
 * carry, in a document the loaders read (trees and plans) and in what the
 * writer writes back: a start tag with more is refused with
 * %PBO_ERROR_LIMIT at its position before the parser reads it (libxml2
 * checks a tag's attributes for duplicates pair by pair, in quadratic
 * time). Elements the writer would write back with more (foreign content
 * with the declarations it inherits, `<pbo>` with every prefix of the
 * document) are refused the same way.
 *
 * Since: 1.1
 */
#define PBO_XML_MAX_ATTRIBUTES 256

/** PBO_LOAD_OPTIONS_VERSION: the current version of #PboLoadOptions. */
#define PBO_LOAD_OPTIONS_VERSION 1

/**
 * PboLoadOptions:
 * @version: %PBO_LOAD_OPTIONS_VERSION (set by %PBO_LOAD_OPTIONS_INIT)
 * @flags: #PboLoadFlags
 * @progress: (nullable): progress callback
 * @progress_data: passed to @progress
 * @max_depth: deepest element nesting accepted; 0 means the default, 256
 * @max_text: longest attribute value or text in bytes; 0 means the
 *   default, 4096
 * @max_size: largest input in bytes; 0 means no limit
 * @filename: (nullable): the name used in error messages when loading from
 *   memory or a file descriptor ("<memory>" / "<fd N>" when NULL)
 *
 * Options of the loaders. Fields are only ever appended; initialise with
 * %PBO_LOAD_OPTIONS_INIT. NULL options mean the defaults.
 *
 * Besides these limits, a single tag, comment or run of text longer than
 * 1 MiB (or 256 × @max_text if that is more) is refused with
 * %PBO_ERROR_LIMIT before it is buffered whole, so that memory stays
 * bounded whatever the input.
 */
typedef struct {
  unsigned int    version;
  PboLoadFlags    flags;
  PboProgressFunc progress;
  gpointer        progress_data;
  guint           max_depth;
  gsize           max_text;
  guint64         max_size;
  const char     *filename;
} PboLoadOptions;

/** PBO_LOAD_OPTIONS_INIT: the initializer of #PboLoadOptions. */
#define PBO_LOAD_OPTIONS_INIT { PBO_LOAD_OPTIONS_VERSION, PBO_LOAD_NONE, NULL, NULL, 0, 0, 0, NULL }

/**
 * pbo_load_options_init:
 * @options: (out caller-allocates): the struct to initialise
 * @version: %PBO_LOAD_OPTIONS_VERSION, or the version of an older release
 *
 * Initialises @options as %PBO_LOAD_OPTIONS_INIT does, for bindings and for callers that
 * cannot use an initialiser: only the fields of @version are written, and
 * its version field is set to @version.
 *
 * Returns: %TRUE if @version is supported (1 to %PBO_LOAD_OPTIONS_VERSION); %FALSE, leaving
 *   @options untouched, otherwise.
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_load_options_init (PboLoadOptions *options, unsigned int version);

/**
 * pbo_xml_load_file:
 * @path: the file to read
 * @options: (nullable): load options
 * @error: return location for an error
 *
 * Reads a format-v1 document in one streaming pass (no DOM). The loader
 * refuses a DOCTYPE, never touches the network, expands no entity, and
 * bounds depth and sizes. Every error's message starts "file:line:col: "
 * (see pbo_error_get_position()).
 *
 * Errors: %PBO_ERROR_IO, %PBO_ERROR_PARSE (not well-formed),
 * %PBO_ERROR_FORMAT (not format v1), %PBO_ERROR_LIMIT, and the tree's own
 * codes (%PBO_ERROR_DUPLICATE_ID, %PBO_ERROR_UNKNOWN_ID,
 * %PBO_ERROR_CONTAINMENT, %PBO_ERROR_INVALID, %PBO_ERROR_INCONSISTENT).
 * The position is the one libxml2 reports for the element concerned (the
 * end of its start tag); an officer or absent reference that names no
 * member is reported at the referring element. Only errors that come from
 * no position in the input (a file that cannot be opened, a missing
 * schema) lack the "line:col" part. Attributes and elements of other
 * namespaces are kept and written back (see docs/xml-api.md).
 *
 * A regular file of 8 MiB or more, loaded without a progress callback or
 * %PBO_LOAD_VALIDATE_SCHEMA, is parsed on a second thread while this one
 * builds the tree (docs/performance.md); the tree, the errors and their
 * positions are those of the one-thread load, which reads the file again
 * whenever the two-thread one meets an error or anything but plain format
 * v1. The environment variable PBO_LOAD_THREADS=1 keeps every load on one
 * thread; PBO_LOAD_THREADS=2 uses two whatever the size.
 *
 * Returns: (transfer full) (nullable): a new tree, or NULL on error (never
 *   a partial tree). O(size of the input).
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT PboTree *pbo_xml_load_file (const char           *path,
                                                             const PboLoadOptions *options,
                                                             GError              **error);

/**
 * pbo_xml_load_data:
 * @data: the document
 * @length: bytes of @data
 * @options: (nullable): load options
 * @error: return location for an error
 *
 * As pbo_xml_load_file(), from memory.
 *
 * Returns: (transfer full) (nullable): a new tree, or NULL on error.
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT PboTree *pbo_xml_load_data (const char           *data,
                                                             gsize                 length,
                                                             const PboLoadOptions *options,
                                                             GError              **error);

/**
 * pbo_xml_load_fd:
 * @fd: a readable file descriptor; read to its end, not closed
 * @options: (nullable): load options
 * @error: return location for an error
 *
 * As pbo_xml_load_file(), from a file descriptor (a pipe, a socket).
 *
 * Returns: (transfer full) (nullable): a new tree, or NULL on error.
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT PboTree *pbo_xml_load_fd (int                   fd,
                                                           const PboLoadOptions *options,
                                                           GError              **error);

/**
 * PboSaveFlags:
 * @PBO_SAVE_NONE: defaults
 * @PBO_SAVE_REDACT: leave out ID-card numbers and phones, write birth
 *   dates as the year only — for exports shared outside the Party office
 * @PBO_SAVE_NO_FSYNC: skip fsync() in pbo_xml_save_file() (tests, scratch
 *   files); the rename stays atomic but may not survive a power cut
 *
 * Flags of #PboSaveOptions, combined with |.
 */
typedef enum {
  PBO_SAVE_NONE = 0,
  PBO_SAVE_REDACT = 1 << 0,
  PBO_SAVE_NO_FSYNC = 1 << 1,
} PboSaveFlags;
PBO_DEFINE_FLAGS_OPERATORS (PboSaveFlags)

/** PBO_SAVE_OPTIONS_VERSION: the current version of #PboSaveOptions. */
#define PBO_SAVE_OPTIONS_VERSION 1

/**
 * PboSaveOptions:
 * @version: %PBO_SAVE_OPTIONS_VERSION (set by %PBO_SAVE_OPTIONS_INIT)
 * @flags: #PboSaveFlags
 * @progress: (nullable): progress callback (total = members + orgs)
 * @progress_data: passed to @progress
 * @root: (nullable): write only this org's subtree (as a top-level org);
 *   NULL writes the whole tree. A group cannot stand at the top level: its
 *   subtree is refused with %PBO_ERROR_CONTAINMENT. Meeting absentees
 *   outside the subtree are left out, so that the output loads on its own.
 *
 * Options of the writers. Fields are only ever appended.
 */
typedef struct {
  unsigned int    version;
  PboSaveFlags    flags;
  PboProgressFunc progress;
  gpointer        progress_data;
  const PboOrg   *root;
} PboSaveOptions;

/** PBO_SAVE_OPTIONS_INIT: the initializer of #PboSaveOptions. */
#define PBO_SAVE_OPTIONS_INIT { PBO_SAVE_OPTIONS_VERSION, PBO_SAVE_NONE, NULL, NULL, NULL }

/**
 * pbo_save_options_init:
 * @options: (out caller-allocates): the struct to initialise
 * @version: %PBO_SAVE_OPTIONS_VERSION, or the version of an older release
 *
 * Initialises @options as %PBO_SAVE_OPTIONS_INIT does, for bindings and for callers that
 * cannot use an initialiser: only the fields of @version are written, and
 * its version field is set to @version.
 *
 * Returns: %TRUE if @version is supported (1 to %PBO_SAVE_OPTIONS_VERSION); %FALSE, leaving
 *   @options untouched, otherwise.
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_save_options_init (PboSaveOptions *options, unsigned int version);

/**
 * pbo_xml_save_file:
 * @tree: a tree
 * @path: the file to write
 * @options: (nullable): save options
 * @error: return location for an error
 *
 * Writes @tree as format v1 — deterministic: UTF-8, 2-space indent, a fixed
 * attribute order — crash-safely, through the safe writer of
 * <pbo/file.h> (pbo_file_writer_new()): to a temporary file ".pbo-XXXXXX"
 * in the same folder, fsync, then rename over @path. On any failure @path
 * is untouched and the temporary file is removed. The temporary file is
 * locked (flock) while the save lives; a successful save also removes the
 * unlocked ones that saves killed before their rename left behind. A
 * replaced file keeps its owner, group and permissions (the save fails if
 * they cannot be kept), a new one gets 0644 less the umask. A symbolic
 * link at @path is followed: its target is replaced, the link stays. A
 * device or FIFO is written directly, never replaced. To change a file in
 * place safely against other programs, hold pbo_file_lock_acquire() from
 * the load to the save.
 *
 * Returns: %TRUE on success; %PBO_ERROR_IO otherwise (%PBO_ERROR_CONTAINMENT
 *   for a group as @options->root). O(size).
 */
PBO_API gboolean pbo_xml_save_file (const PboTree        *tree,
                                    const char           *path,
                                    const PboSaveOptions *options,
                                    GError              **error);

/**
 * pbo_xml_save_data:
 * @tree: a tree
 * @length: (out) (optional): bytes written, without the trailing NUL
 * @options: (nullable): save options
 * @error: return location for an error
 *
 * Writes @tree as pbo_xml_save_file() does, into memory.
 *
 * Returns: (transfer full) (nullable): the document, NUL-terminated;
 *   g_free() it. NULL only on error (%PBO_ERROR_CONTAINMENT for a group as
 *   @options->root).
 */
PBO_API G_GNUC_MALLOC char *pbo_xml_save_data (const PboTree        *tree,
                                               gsize                *length,
                                               const PboSaveOptions *options,
                                               GError              **error);

/**
 * pbo_xml_save_fd:
 * @tree: a tree
 * @fd: a writable file descriptor; not closed
 * @options: (nullable): save options
 * @error: return location for an error
 *
 * Writes @tree as pbo_xml_save_file() does, to @fd in 64 KiB blocks; no
 * temporary file, no fsync.
 *
 * Returns: %TRUE on success; %PBO_ERROR_IO otherwise (%PBO_ERROR_CONTAINMENT
 *   for a group as @options->root).
 */
PBO_API gboolean pbo_xml_save_fd (const PboTree        *tree,
                                  int                   fd,
                                  const PboSaveOptions *options,
                                  GError              **error);

G_END_DECLS

#endif /* PBO_XML_H */
