/* libpbo — restructuring plans: operations read from XML (or built in
 * memory) and applied to a tree all or nothing.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_PLAN_H
#define PBO_PLAN_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/edit.h>
#include <pbo/xml.h>

G_BEGIN_DECLS

/*
 * Plans
 * -----
 * A plan is a list of restructuring operations — the <pbo/edit.h>
 * operations spelled as elements of format v1 (docs/format.md, "Plans"):
 *
 *     <plan xmlns="urn:libpbo:1" operator="区委组织部">
 *       <create-org id="wj-wjw" kind="committee" name="…" date="2015-01-20"/>
 *       <transfer to="wj-fbs"><select from="wj-jsw" department="计生指导站"/></transfer>
 *       <merge into="wj-wsj-jg" from="wj-jsw" name="卫计委机关党支部"/>
 *     </plan>
 *
 * Reading a plan checks its form (elements, attributes, value syntax);
 * applying it checks it against a tree. pbo_plan_apply() runs the
 * operations in order in one transaction: either every one succeeds and
 * each becomes a journal entry, or the first failure undoes them all and
 * the error names that operation and its place in the plan.
 *
 * Plans built in memory (pbo_plan_new(), pbo_plan_add_op(),
 * pbo_plan_add_child()) take the same element and attribute names as the
 * XML and go through the same checks, so a program, a command line and a
 * file all describe an operation the same way.
 */

/** PboPlan: an opaque list of operations; free with pbo_plan_free(). */
typedef struct _PboPlan PboPlan;

/**
 * pbo_plan_new:
 *
 * Returns: (transfer full): a new, empty plan, named "<memory>" in error
 *   messages; free with pbo_plan_free().
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT PboPlan *pbo_plan_new (void);

/**
 * pbo_plan_free:
 * @plan: (transfer full) (nullable): a plan
 */
PBO_API void pbo_plan_free (PboPlan *plan);

/**
 * pbo_plan_load_file:
 * @path: the plan file
 * @options: (nullable): load options (limits; @filename is ignored: the
 *   path names the plan in messages; %PBO_LOAD_VALIDATE_SCHEMA validates
 *   the plan against the schema's plan pattern)
 * @error: return location for an error
 *
 * Reads a `<plan xmlns="urn:libpbo:1">` document with the same streaming
 * parser and the same safety rules as pbo_xml_load_file(): no DOCTYPE, no
 * entity expansion, no network, bounded depth and sizes. Every error's
 * message starts "file:line:col: ".
 *
 * Errors: %PBO_ERROR_IO, %PBO_ERROR_PARSE, %PBO_ERROR_FORMAT (not a plan:
 * root, namespace, unknown element or attribute, missing attribute, a
 * missing or extra child), %PBO_ERROR_INVALID (a malformed value: an id, a
 * kind, a role, a date, …), %PBO_ERROR_LIMIT.
 *
 * Returns: (transfer full) (nullable): the plan, or NULL on error.
 *   O(size of the input).
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT PboPlan *pbo_plan_load_file (const char           *path,
                                                              const PboLoadOptions *options,
                                                              GError              **error);

/**
 * pbo_plan_load_data:
 * @data: the plan document
 * @length: bytes of @data
 * @options: (nullable): load options; @filename names the plan in messages
 *   ("<memory>" when NULL)
 * @error: return location for an error
 *
 * As pbo_plan_load_file(), from memory.
 *
 * Returns: (transfer full) (nullable): the plan, or NULL on error.
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT PboPlan *pbo_plan_load_data (const char           *data,
                                                              gsize                 length,
                                                              const PboLoadOptions *options,
                                                              GError              **error);

/**
 * pbo_plan_add_op:
 * @plan: a plan
 * @op: the operation
 * @attributes: (array zero-terminated=1): the operation element's
 *   attributes as name/value pairs ended by a NULL name, spelled as in
 *   the XML: `{ "to", "wj-fbs", "date", "2015-01-20", NULL }`
 * @error: return location for an error
 *
 * Appends an operation, checked as the plan reader checks it: every name
 * known for @op, the required ones present, every value well formed. The
 * children an operation needs (the members of a transfer, a selector, the
 * member of add-member) are added with pbo_plan_add_child(). Strings are
 * copied.
 *
 * Errors: %PBO_ERROR_FORMAT (unknown or missing attribute),
 * %PBO_ERROR_INVALID (a malformed value, @op NONE).
 *
 * Returns: the index of the new operation, or -1 on error (the plan is
 *   unchanged).
 */
PBO_API int pbo_plan_add_op (PboPlan           *plan,
                             PboEditOp          op,
                             const char *const *attributes,
                             GError           **error);

/**
 * pbo_plan_add_child:
 * @plan: a plan
 * @index: an operation of @plan
 * @element: "member" or "select"
 * @attributes: (array zero-terminated=1): the child's attributes as
 *   name/value pairs ended by a NULL name
 * @error: return location for an error
 *
 * Adds a child element to an operation: to a transfer, `member` (`id`)
 * any number of times or one `select` (`from`, `employment`, `status`,
 * `department`); to a split, one `select` (`from` optional); to
 * add-member, one `member` with the attributes of a format-v1 `<member>`.
 *
 * Errors: %PBO_ERROR_FORMAT (a child the operation does not take, one too
 * many, an unknown or missing attribute), %PBO_ERROR_INVALID (a malformed
 * value).
 *
 * Returns: %TRUE on success (on error the plan is unchanged).
 */
PBO_API gboolean pbo_plan_add_child (PboPlan           *plan,
                                     guint              index,
                                     const char        *element,
                                     const char *const *attributes,
                                     GError           **error);

/** pbo_plan_get_n_ops: the number of operations of @plan. O(1). */
PBO_API guint     pbo_plan_get_n_ops (const PboPlan *plan);

/**
 * pbo_plan_get_op:
 * @plan: a plan
 * @index: an operation index
 *
 * Returns: the @index-th operation, or %PBO_EDIT_OP_NONE out of range. O(1).
 */
PBO_API PboEditOp pbo_plan_get_op    (const PboPlan *plan, guint index);

/**
 * pbo_plan_get_position:
 * @plan: a plan
 * @index: an operation of @plan
 * @line: (out) (optional): its 1-based line in the plan file
 * @column: (out) (optional): its column (the end of its start tag)
 *
 * Returns: %TRUE if the operation was read from a document (built in
 *   memory, it has no position: @line and @column are then set to 0).
 */
PBO_API gboolean  pbo_plan_get_position (const PboPlan *plan,
                                         guint          index,
                                         guint         *line,
                                         guint         *column);

/**
 * pbo_plan_apply:
 * @tree: a tree
 * @plan: a plan
 * @defaults: (nullable): the date, reason and operator of operations that
 *   carry none (and whose plan gives none); NULL for today and none
 * @error: return location for an error
 *
 * Applies the operations of @plan in order, in one transaction: either
 * all succeed and each is committed as a journal entry (some operations
 * make two: a merge with a `name` is a merge and a rename), or the first
 * failure rolls back the ones before it and @tree is exactly as it was.
 *
 * An operation's date is its `date`, else the plan's `date`, else
 * @defaults' date; the same for `reason` (on remove-member, `reason` is
 * the removal reason and the journal keeps it as the detail) and the
 * plan's `operator`.
 *
 * Errors: the failing operation's error, its code kept, its message
 * prefixed "file:line:col: op: " (plans read from a document) or "op: "
 * (built in memory); ids naming nothing in the tree are
 * %PBO_ERROR_UNKNOWN_ID. %PBO_ERROR_FAILED if a transaction is already
 * open on @tree.
 *
 * Returns: %TRUE on success. The cost is the sum of the operations'.
 */
PBO_API gboolean pbo_plan_apply (PboTree              *tree,
                                 const PboPlan        *plan,
                                 const PboEditContext *defaults,
                                 GError              **error);

/**
 * pbo_plan_write:
 * @plan: a plan, read or built in memory
 * @out: the string to append to
 *
 * Appends @plan as a complete format-v1 plan document (docs/format.md,
 * "Plans"), canonically: the plan's and each operation's attributes in a
 * fixed order, one operation per line, children indented. Reading the
 * text back gives an equal plan (the same document when written again).
 * O(size of the plan).
 */
PBO_API void pbo_plan_write (const PboPlan *plan, GString *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PboPlan, pbo_plan_free)

G_END_DECLS

#endif /* PBO_PLAN_H */
