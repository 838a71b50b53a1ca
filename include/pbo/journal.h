/* libpbo — the journal of committed edits: entries, undo, the tree at a past entry.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_JOURNAL_H
#define PBO_JOURNAL_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>
#include <pbo/edit.h>

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* The journal                                                         */
/* ------------------------------------------------------------------ */

/** PboJournalEntry: an opaque record of one committed operation, owned by its tree. */
typedef struct _PboJournalEntry PboJournalEntry;

/** pbo_journal_get_n_entries: the number of entries of @tree's journal. O(1). */
PBO_API guint pbo_journal_get_n_entries (const PboTree *tree);

/**
 * pbo_journal_get_entry:
 * @tree: a tree
 * @index: 0 ≤ @index < pbo_journal_get_n_entries(), oldest first
 *
 * Returns: (transfer none) (nullable): the entry, or NULL out of range. It
 *   and every string read from it stay valid until the journal next changes
 *   (an operation is committed or undone) or the tree is freed. O(1).
 */
PBO_API const PboJournalEntry *pbo_journal_get_entry (const PboTree *tree, guint index);

/** pbo_journal_entry_get_seq: the sequence number, 1 for the first entry. */
PBO_API guint       pbo_journal_entry_get_seq          (const PboJournalEntry *entry);
/** pbo_journal_entry_get_date: the date of the change. */
PBO_API PboDate     pbo_journal_entry_get_date         (const PboJournalEntry *entry);
/** pbo_journal_entry_get_op: the operation. */
PBO_API PboEditOp   pbo_journal_entry_get_op           (const PboJournalEntry *entry);
/** pbo_journal_entry_get_reason: (transfer none) (nullable): the context's reason. */
PBO_API const char *pbo_journal_entry_get_reason       (const PboJournalEntry *entry);
/** pbo_journal_entry_get_operator: (transfer none) (nullable): the context's operator. */
PBO_API const char *pbo_journal_entry_get_operator     (const PboJournalEntry *entry);
/** pbo_journal_entry_get_n_subjects: the number of subject ids. */
PBO_API guint       pbo_journal_entry_get_n_subjects   (const PboJournalEntry *entry);
/**
 * pbo_journal_entry_get_subject:
 * @entry: an entry
 * @index: 0 ≤ @index < pbo_journal_entry_get_n_subjects()
 *
 * Returns: (transfer none) (nullable): the @index-th subject id (see each
 *   operation), or NULL out of range; valid as long as @entry.
 */
PBO_API const char *pbo_journal_entry_get_subject      (const PboJournalEntry *entry,
                                                        guint                  index);
/** pbo_journal_entry_get_from: (transfer none) (nullable): where from (see each operation). */
PBO_API const char *pbo_journal_entry_get_from         (const PboJournalEntry *entry);
/** pbo_journal_entry_get_to: (transfer none) (nullable): where to (see each operation). */
PBO_API const char *pbo_journal_entry_get_to           (const PboJournalEntry *entry);
/** pbo_journal_entry_get_detail: (transfer none) (nullable): a role, attribute names or removal reason. */
PBO_API const char *pbo_journal_entry_get_detail       (const PboJournalEntry *entry);
/** pbo_journal_entry_get_n_vacated: the number of offices the operation vacated. O(steps). */
PBO_API guint       pbo_journal_entry_get_n_vacated    (const PboJournalEntry *entry);

/**
 * pbo_journal_entry_get_vacated:
 * @entry: an entry
 * @index: 0 ≤ @index < pbo_journal_entry_get_n_vacated()
 * @org_id: (out) (optional) (transfer none): the org whose office it was
 * @role: (out) (optional): the role
 * @member_id: (out) (optional) (transfer none): the member who held it
 *
 * An office the operation vacated, in the order they were vacated.
 *
 * Returns: %TRUE if @index is in range. O(steps).
 */
PBO_API gboolean    pbo_journal_entry_get_vacated      (const PboJournalEntry *entry,
                                                        guint                  index,
                                                        const char           **org_id,
                                                        PboRole               *role,
                                                        const char           **member_id);

/**
 * pbo_journal_entry_has_undo:
 * @entry: an entry
 *
 * Returns: %TRUE if the entry carries undo data (every entry recorded in
 *   this process does; entries read back from a file may not).
 */
PBO_API gboolean    pbo_journal_entry_has_undo         (const PboJournalEntry *entry);

/**
 * pbo_edit_undo_last:
 * @tree: a tree
 * @error: return location for an error
 *
 * Undoes the last journal entry and removes it from the journal: the tree
 * and the journal are as they were before that operation, and its sequence
 * number is given to the next one. Atomic.
 *
 * Errors: %PBO_ERROR_FAILED (a transaction is open, the journal is empty,
 * or the entry has no undo data), %PBO_ERROR_INCONSISTENT (the tree was
 * changed outside the journal so that the entry cannot be undone).
 *
 * Returns: %TRUE on success. O(primitive changes of the entry).
 */
PBO_API gboolean pbo_edit_undo_last (PboTree *tree, GError **error);

/**
 * pbo_edit_tree_at:
 * @tree: a tree
 * @seq: a sequence number; 0 for the tree before the first entry
 * @error: return location for an error
 *
 * Rebuilds the tree as it stood right after entry @seq: a copy of @tree
 * with the later entries undone, newest first. @tree is not changed. The
 * copy's journal is empty.
 *
 * Errors: %PBO_ERROR_FAILED (a transaction is open, a later entry has no
 * undo data), %PBO_ERROR_INVALID (@seq is beyond the last entry),
 * %PBO_ERROR_INCONSISTENT (as pbo_edit_undo_last()).
 *
 * Returns: (transfer full) (nullable): the rebuilt tree, free with
 *   pbo_tree_free(); NULL on error. O(tree + changes of the later entries).
 */
PBO_API PboTree *pbo_edit_tree_at (const PboTree *tree, guint seq, GError **error);

/**
 * pbo_edit_tree_on:
 * @tree: a tree
 * @date: a full date
 * @error: return location for an error
 *
 * Rebuilds the tree as it stood at the end of @date: as pbo_edit_tree_at()
 * for the last entry dated on or before @date, counting from the newest
 * entry backwards and stopping at the first such entry (entries are
 * expected in date order).
 *
 * Errors: as pbo_edit_tree_at(); %PBO_ERROR_INVALID for a bad date.
 *
 * Returns: (transfer full) (nullable): the rebuilt tree, or NULL on error.
 */
PBO_API PboTree *pbo_edit_tree_on (const PboTree *tree, PboDate date, GError **error);

G_END_DECLS

#endif /* PBO_JOURNAL_H */
