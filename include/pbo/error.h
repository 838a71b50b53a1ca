/* libpbo — errors.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_ERROR_H
#define PBO_ERROR_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>

G_BEGIN_DECLS

/**
 * PBO_ERROR:
 *
 * The GError domain of every recoverable libpbo error. Programming errors
 * (a NULL tree, an org of another tree) are not GErrors: they are reported
 * with g_return_val_if_fail() and the call does nothing.
 *
 * Errors that come from a file start their message with "file:line:col: ";
 * pbo_error_get_position() reads the position back.
 */
#define PBO_ERROR (pbo_error_quark ())

/**
 * PboError:
 * @PBO_ERROR_FAILED: none of the others (also I/O failures not covered below)
 * @PBO_ERROR_INVALID: a value is malformed: a date, an enum spelling, an id,
 *   an empty name, text that is not UTF-8
 * @PBO_ERROR_DUPLICATE_ID: the id is already used by an org, a member or a recruit
 * @PBO_ERROR_UNKNOWN_ID: a reference names no org or member of the tree
 * @PBO_ERROR_CONTAINMENT: the nesting rules forbid it (a member outside a
 *   branch or group, a group outside a branch, …)
 * @PBO_ERROR_CYCLE: an org would become its own ancestor
 * @PBO_ERROR_NOT_EMPTY: the org still holds child orgs, members or recruits
 * @PBO_ERROR_INCONSISTENT: values contradict each other (full-since before
 *   joined, a full member without full-since, an officer outside the org)
 * @PBO_ERROR_PARSE: the input is not well-formed XML
 * @PBO_ERROR_FORMAT: well-formed XML that is not format v1 (namespace,
 *   version, unknown element or attribute, missing attribute, DOCTYPE)
 * @PBO_ERROR_LIMIT: the input exceeds a configured limit (depth, size)
 * @PBO_ERROR_IO: reading or writing a file failed
 * @PBO_ERROR_NOT_ELIGIBLE: a recruitment step the rules forbid (an
 *   applicant under 18, less than a year as an activist; see <pbo/recruit.h>)
 * @PBO_ERROR_LOCKED: another program holds the file's lock past the wait
 *   allowed (pbo_file_lock_acquire(); since 1.1)
 *
 * Error codes of #PBO_ERROR. Codes are never renumbered or reused.
 */
typedef enum {
  PBO_ERROR_FAILED = 1,
  PBO_ERROR_INVALID,
  PBO_ERROR_DUPLICATE_ID,
  PBO_ERROR_UNKNOWN_ID,
  PBO_ERROR_CONTAINMENT,
  PBO_ERROR_CYCLE,
  PBO_ERROR_NOT_EMPTY,
  PBO_ERROR_INCONSISTENT,
  PBO_ERROR_PARSE,
  PBO_ERROR_FORMAT,
  PBO_ERROR_LIMIT,
  PBO_ERROR_IO,
  PBO_ERROR_NOT_ELIGIBLE,
  PBO_ERROR_LOCKED,
} PboError;

/**
 * pbo_error_quark:
 *
 * Returns: the #GQuark of the #PBO_ERROR domain.
 */
PBO_API GQuark pbo_error_quark (void);

/**
 * pbo_error_get_position:
 * @error: an error of any domain
 * @line: (out) (optional): the 1-based line
 * @column: (out) (optional): the 1-based column
 *
 * Reads the position of an error whose message starts "file:line:col: ".
 *
 * Returns: %TRUE if @error carries a position, %FALSE otherwise (then @line
 *   and @column are set to 0).
 */
PBO_API gboolean pbo_error_get_position (const GError *error,
                                         guint        *line,
                                         guint        *column);

G_END_DECLS

#endif /* PBO_ERROR_H */
