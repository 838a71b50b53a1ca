/* libpbo — the journal: entries, transactions, undo and rewinding.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "spelling-private.h"
#include <string.h>
#include "edit-private.h"
#include "error-private.h"

/* ---- spellings ------------------------------------------------------- */

static const char *const op_names[] = {
  NULL, "create-org", "rename", "set-kind", "move", "transfer", "merge", "split", "dissolve",
  "appoint", "dismiss", "add-member", "update-member", "convert", "remove-member",
  "promote", "admit", "set-org", "add-meeting", "update-meeting", "remove-meeting",
  "add-recruit", "update-recruit", "remove-recruit",
  "add-payment", "remove-payment", "set-evaluation", "remove-evaluation", "set-rating",
  "remove-rating", "add-training", "remove-training",
  "set-standing", "transfer-out", "receipt", "transfer-in",
  "add-work-plan", "remove-work-plan", "add-election",
};

static const char *const removal_names[] = {
  NULL, "death", "expulsion", "transfer-out", "left",
};

PBO_DEFINE_SPELLINGS_ (PboEditOp, pbo_edit_op, op_names)
PBO_DEFINE_SPELLINGS_ (PboRemovalReason, pbo_removal_reason, removal_names)

/* ---- entries --------------------------------------------------------- */

PboJournalEntry *
pbo_journal_entry_new_ (PboEditOp op, gboolean with_undo)
{
  PboJournalEntry *e = g_new0 (PboJournalEntry, 1);

  e->op = op;
  e->subjects = g_ptr_array_new ();
  e->strings = g_string_chunk_new (256);
  if (with_undo)
    e->steps = g_array_new (FALSE, FALSE, sizeof (PboStep));
  return e;
}

void
pbo_journal_entry_free_ (PboJournalEntry *e)
{
  guint i;

  if (e == NULL)
    return;
  for (i = 0; e->steps != NULL && i < e->steps->len; i++)
    pbo_step_clear_ (&g_array_index (e->steps, PboStep, i));
  if (e->steps != NULL)
    g_array_unref (e->steps);
  if (e->vacated != NULL)
    g_array_unref (e->vacated);
  g_ptr_array_unref (e->subjects);
  g_string_chunk_free (e->strings);
  g_free (e);
}

const char *
pbo_journal_entry_str_ (PboJournalEntry *e, const char *s)
{
  return s != NULL ? g_string_chunk_insert (e->strings, s) : NULL;
}

void
pbo_journal_entry_add_subject_ (PboJournalEntry *e, const char *id)
{
  g_ptr_array_add (e->subjects, (gpointer) pbo_journal_entry_str_ (e, id));
}

void
pbo_journal_entry_add_vacated_ (PboJournalEntry *e, const char *org_id, PboRole role,
                                const char *member_id)
{
  PboStep step = { 0 };

  g_return_if_fail (e->steps == NULL);
  if (e->vacated == NULL)
    e->vacated = g_array_new (FALSE, TRUE, sizeof (PboStep));
  step.kind = PBO_STEP_OFFICER_REMOVED;
  step.id = pbo_journal_entry_str_ (e, org_id);
  step.member = pbo_journal_entry_str_ (e, member_id);
  step.role = (guint8) role;
  g_array_append_val (e->vacated, step);
}

static void
journal_free (gpointer data)
{
  PboJournal *j = data;

  g_ptr_array_unref (j->entries);
  g_ptr_array_unref (j->pending);
  g_free (j);
}

PboJournal *
pbo_journal_get_ (PboTree *tree)
{
  PboJournal *j = tree->journal;

  if (j == NULL)
    {
      j = g_new0 (PboJournal, 1);
      j->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pbo_journal_entry_free_);
      j->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pbo_journal_entry_free_);
      tree->journal = j;
      tree->journal_free = journal_free;
    }
  return j;
}

static PboJournalEntry *
last_entry (const PboJournal *j)
{
  return j != NULL && j->entries->len > 0 ? g_ptr_array_index (j->entries, j->entries->len - 1)
                                          : NULL;
}

const PboJournalEntry *
pbo_journal_last_ (const PboTree *tree)
{
  return last_entry (tree->journal);
}

void
pbo_journal_append_ (PboTree *tree, PboJournalEntry *entry)
{
  PboJournal *j = pbo_journal_get_ (tree);
  PboJournalEntry *last = last_entry (j);

  if (entry->seq == 0)
    entry->seq = last != NULL ? last->seq + 1 : 1;
  g_ptr_array_add (j->entries, entry);
}

gboolean
pbo_tree_builder_allowed_ (PboTree *tree, const char *function)
{
  const PboJournal *j = tree->journal;

  if (j == NULL || j->busy > 0 || (j->entries->len == 0 && !j->in_txn))
    return TRUE;
  g_critical ("%s: the tree has a journal: change it through the pbo_edit_ operations",
              function);
  return FALSE;
}

/* ---- operations: begin and end --------------------------------------- */

static gboolean
check_context (const PboEditContext *ctx, GError **error)
{
  if (ctx == NULL)
    return TRUE;
  if (ctx->version < 1 || ctx->version > PBO_EDIT_CONTEXT_VERSION)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("unsupported PboEditContext version %u"),
                   ctx->version);
      return FALSE;
    }
  if (ctx->date != PBO_DATE_NONE
      && (!pbo_date_is_valid (ctx->date) || pbo_date_is_year_only (ctx->date)))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("the date of the change is not valid"));
      return FALSE;
    }
  return pbo_text_check_ (ctx->reason, _("the reason"), FALSE, error)
         && pbo_text_check_ (ctx->operator_name, _("the operator"), FALSE, error);
}

/* A journal loaded with seq 4294967295 (or close to it and a transaction
 * under way) has no number left for the next entry: refused rather than
 * wrapped to 0, which would break the order every reader relies on. */
static gboolean
check_seq_left (const PboJournal *j, GError **error)
{
  const PboJournalEntry *last = last_entry (j);
  guint64 next = (last != NULL ? (guint64) last->seq : 0) + 1
                 + (j != NULL && j->in_txn ? j->pending->len : 0);

  if (next <= G_MAXUINT)
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_LIMIT,
               _("the journal has reached entry %u, the last number a journal can give"),
               G_MAXUINT);
  return FALSE;
}

PboJournalEntry *
pbo_op_begin_ (PboTree *tree, PboEditOp op, const PboEditContext *ctx, GError **error)
{
  PboJournal *j;
  PboJournalEntry *e;

  if (!check_context (ctx, error))
    return NULL;
  j = pbo_journal_get_ (tree);
  g_return_val_if_fail (j->recording == NULL, NULL);
  if (!check_seq_left (j, error))
    return NULL;
  e = pbo_journal_entry_new_ (op, TRUE);
  e->date = ctx != NULL && ctx->date != PBO_DATE_NONE ? ctx->date : pbo_date_today ();
  if (ctx != NULL)
    {
      /* An empty reason or operator is none: the file has no way to tell
       * them apart (the loader reads reason="" as none), and the entry must
       * save and load back the same (found by fuzz-edit). */
      e->reason = pbo_journal_entry_str_ (e, ctx->reason != NULL && *ctx->reason != '\0'
                                                 ? ctx->reason : NULL);
      e->operator_name = pbo_journal_entry_str_ (e, ctx->operator_name != NULL
                                                          && *ctx->operator_name != '\0'
                                                        ? ctx->operator_name : NULL);
    }
  j->recording = e;
  j->busy++;
  return e;
}

/* Undoes @e's changes; they were made in the state it expects, so this
 * cannot fail unless the tree was changed behind the journal's back. */
static void
roll_back_entry (PboTree *tree, PboJournalEntry *e)
{
  PboJournal *j = pbo_journal_get_ (tree);
  GError *error = NULL;
  gboolean ok;

  j->busy++;
  ok = pbo_steps_undo_ (tree, e, &error);
  j->busy--;
  if (!ok)
    {
      g_critical ("libpbo: rolling back “%s” failed: %s", pbo_edit_op_to_string (e->op),
                  error->message);
      g_error_free (error);
    }
}

gboolean
pbo_op_end_ (PboTree *tree, PboJournalEntry *e, gboolean ok)
{
  PboJournal *j = tree->journal;

  j->recording = NULL;
  j->busy--;
  if (!ok)
    {
      roll_back_entry (tree, e);
      pbo_journal_entry_free_ (e);
      return FALSE;
    }
  if (j->in_txn)
    g_ptr_array_add (j->pending, e);
  else
    pbo_journal_append_ (tree, e);
  return TRUE;
}

/* ---- transactions ---------------------------------------------------- */

static gboolean
need_txn (const PboJournal *j, gboolean open, GError **error)
{
  gboolean is_open = j != NULL && j->in_txn;

  if (is_open == open)
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_FAILED,
               open ? "no transaction is open" : "a transaction is already open");
  return FALSE;
}

gboolean
pbo_edit_begin (PboTree *tree, GError **error)
{
  g_return_val_if_fail (tree != NULL, FALSE);
  if (!need_txn (tree->journal, FALSE, error))
    return FALSE;
  pbo_journal_get_ (tree)->in_txn = TRUE;
  return TRUE;
}

gboolean
pbo_edit_commit (PboTree *tree, GError **error)
{
  PboJournal *j;
  gpointer *ops;
  gsize i, n;

  g_return_val_if_fail (tree != NULL, FALSE);
  if (!need_txn (tree->journal, TRUE, error))
    return FALSE;
  j = tree->journal;
  ops = g_ptr_array_steal (j->pending, &n);
  for (i = 0; i < n; i++)
    pbo_journal_append_ (tree, ops[i]);
  g_free (ops);
  j->in_txn = FALSE;
  return TRUE;
}

gboolean
pbo_edit_rollback (PboTree *tree, GError **error)
{
  PboJournal *j;

  g_return_val_if_fail (tree != NULL, FALSE);
  if (!need_txn (tree->journal, TRUE, error))
    return FALSE;
  j = tree->journal;
  while (j->pending->len > 0)
    {
      roll_back_entry (tree, g_ptr_array_index (j->pending, j->pending->len - 1));
      g_ptr_array_remove_index (j->pending, j->pending->len - 1);
    }
  j->in_txn = FALSE;
  return TRUE;
}

gboolean
pbo_edit_in_transaction (const PboTree *tree)
{
  const PboJournal *j;

  g_return_val_if_fail (tree != NULL, FALSE);
  j = tree->journal;
  return j != NULL && j->in_txn;
}

/* ---- undo and rewinding ---------------------------------------------- */

static gboolean
check_undoable (const PboJournalEntry *e, GError **error)
{
  if (e->steps != NULL)
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_FAILED,
               _("journal entry %u (%s) carries no undo data"), e->seq, pbo_edit_op_to_string (e->op));
  return FALSE;
}

gboolean
pbo_edit_undo_last (PboTree *tree, GError **error)
{
  PboJournal *j;
  PboJournalEntry *last, *redo;
  gboolean ok;

  g_return_val_if_fail (tree != NULL, FALSE);
  j = tree->journal;
  if (!need_txn (j, FALSE, error))
    return FALSE;
  if ((last = last_entry (j)) == NULL)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_FAILED, _("the journal is empty"));
      return FALSE;
    }
  if (!check_undoable (last, error))
    return FALSE;
  /* The undo itself is recorded, so that a step that fails (the tree was
   * changed outside the journal) can be taken back. */
  redo = pbo_journal_entry_new_ (last->op, TRUE);
  j->recording = redo;
  j->busy++;
  ok = pbo_steps_undo_ (tree, last, error);
  j->busy--;
  j->recording = NULL;
  if (ok)
    g_ptr_array_remove_index (j->entries, j->entries->len - 1);
  else
    roll_back_entry (tree, redo);
  pbo_journal_entry_free_ (redo);
  return ok;
}

/* Rewinds a copy of @tree through the entries after index @keep. */
static PboTree *
rewind_copy (const PboTree *tree, guint keep, GError **error)
{
  const PboJournal *j = tree->journal;
  PboTree *copy;
  guint i;

  if (!need_txn (j, FALSE, error))
    return NULL;
  for (i = keep; j != NULL && i < j->entries->len; i++)
    if (!check_undoable (g_ptr_array_index (j->entries, i), error))
      return NULL;
  copy = pbo_tree_copy (tree);
  for (i = j != NULL ? j->entries->len : 0; i > keep; i--)
    if (!pbo_steps_undo_ (copy, g_ptr_array_index (j->entries, i - 1), error))
      {
        pbo_tree_free (copy);
        return NULL;
      }
  return copy;
}

PboTree *
pbo_edit_tree_at (const PboTree *tree, guint seq, GError **error)
{
  const PboJournal *j;
  guint keep;

  g_return_val_if_fail (tree != NULL, NULL);
  j = tree->journal;
  for (keep = j != NULL ? j->entries->len : 0; keep > 0; keep--)
    if (((const PboJournalEntry *) g_ptr_array_index (j->entries, keep - 1))->seq <= seq)
      break;
  if (seq > 0 && (keep == 0 || last_entry (j)->seq < seq))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("the journal has no entry %u"), seq);
      return NULL;
    }
  return rewind_copy (tree, keep, error);
}

PboTree *
pbo_edit_tree_on (const PboTree *tree, PboDate date, GError **error)
{
  const PboJournal *j;
  guint keep;

  g_return_val_if_fail (tree != NULL, NULL);
  if (!pbo_date_is_valid (date) || pbo_date_is_year_only (date))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("not a valid full date"));
      return NULL;
    }
  j = tree->journal;
  for (keep = j != NULL ? j->entries->len : 0; keep > 0; keep--)
    if (((const PboJournalEntry *) g_ptr_array_index (j->entries, keep - 1))->date <= date)
      break;
  return rewind_copy (tree, keep, error);
}

/* ---- reading --------------------------------------------------------- */

guint
pbo_journal_get_n_entries (const PboTree *tree)
{
  const PboJournal *j;

  g_return_val_if_fail (tree != NULL, 0);
  j = tree->journal;
  return j != NULL ? j->entries->len : 0;
}

const PboJournalEntry *
pbo_journal_get_entry (const PboTree *tree, guint index)
{
  g_return_val_if_fail (tree != NULL, NULL);
  if (index >= pbo_journal_get_n_entries (tree))
    return NULL;
  return g_ptr_array_index (((const PboJournal *) tree->journal)->entries, index);
}

#define ENTRY_GETTER(type, name, expr, fallback)                         \
  type pbo_journal_entry_get_##name (const PboJournalEntry *entry)       \
  {                                                                      \
    g_return_val_if_fail (entry != NULL, fallback);                      \
    return expr;                                                         \
  }

ENTRY_GETTER (guint, seq, entry->seq, 0)
ENTRY_GETTER (PboDate, date, entry->date, PBO_DATE_NONE)
ENTRY_GETTER (PboEditOp, op, entry->op, PBO_EDIT_OP_NONE)
ENTRY_GETTER (const char *, reason, entry->reason, NULL)
ENTRY_GETTER (const char *, operator, entry->operator_name, NULL)
ENTRY_GETTER (guint, n_subjects, entry->subjects->len, 0)
ENTRY_GETTER (const char *, from, entry->from, NULL)
ENTRY_GETTER (const char *, to, entry->to, NULL)
ENTRY_GETTER (const char *, detail, entry->detail, NULL)

const char *
pbo_journal_entry_get_subject (const PboJournalEntry *entry, guint index)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return index < entry->subjects->len ? g_ptr_array_index (entry->subjects, index) : NULL;
}

gboolean
pbo_journal_entry_has_undo (const PboJournalEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);
  return entry->steps != NULL;
}

/* The @nth office-vacating step of @entry, or NULL; counts them into @n. */
static const PboStep *
nth_vacated (const PboJournalEntry *entry, guint nth, guint *n)
{
  const GArray *steps = entry->steps != NULL ? entry->steps : entry->vacated;
  guint i;

  *n = 0;
  for (i = 0; steps != NULL && i < steps->len; i++)
    {
      const PboStep *s = &g_array_index (steps, PboStep, i);
      if (s->kind == PBO_STEP_OFFICER_REMOVED && (*n)++ == nth)
        return s;
    }
  return NULL;
}

guint
pbo_journal_entry_get_n_vacated (const PboJournalEntry *entry)
{
  guint n;

  g_return_val_if_fail (entry != NULL, 0);
  nth_vacated (entry, G_MAXUINT, &n);
  return n;
}

gboolean
pbo_journal_entry_get_vacated (const PboJournalEntry *entry, guint index, const char **org_id,
                               PboRole *role, const char **member_id)
{
  const PboStep *s;
  guint n;

  g_return_val_if_fail (entry != NULL, FALSE);
  if ((s = nth_vacated (entry, index, &n)) == NULL)
    return FALSE;
  if (org_id)
    *org_id = s->id;
  if (role)
    *role = (PboRole) s->role;
  if (member_id)
    *member_id = s->member;
  return TRUE;
}
