/* libpbo — the journal of format v1 read back: <journal> holds <entry>
 * elements, each with its <subject> ids and the offices it <vacated>. They
 * become history-only journal entries (no undo data: a file records what
 * was done, not how to take it back).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <inttypes.h>
#include <string.h>
#include "xml-load-private.h"
#include "edit-private.h"

/* Attribute indexes, in the canonical order of xml-sax.c's tables. */
enum { ENTRY_SEQ, ENTRY_DATE, ENTRY_OP, ENTRY_REASON, ENTRY_OPERATOR, ENTRY_FROM, ENTRY_TO,
       ENTRY_DETAIL, ENTRY_UNDO, ENTRY_N };
enum { SUBJECT_ID, SUBJECT_N };
enum { VACATED_ORG, VACATED_ROLE, VACATED_MEMBER, VACATED_N };

/* An optional text attribute; the empty value means absent, as everywhere
 * in format v1. */
static gboolean
take_text (PboLoader *ld, const char *value, const char *what, const char **out)
{
  GError *local = NULL;

  *out = NULL;
  if (value == NULL || *value == '\0')
    return TRUE;
  if (!pbo_text_check_ (value, what, FALSE, &local))
    {
      pbo_loader_fail_ (ld, local->code, "journal entry: %s", local->message);
      g_error_free (local);
      return FALSE;
    }
  *out = pbo_journal_entry_str_ (ld->entry, value);
  return TRUE;
}

static gboolean
check_id (PboLoader *ld, const char *id, const char *what)
{
  if (pbo_id_is_valid (id))
    return TRUE;
  pbo_loader_fail_ (ld, PBO_ERROR_INVALID, "journal entry %u: %s “%.40s” is not a valid id",
                    ld->entry->seq, what, id);
  return FALSE;
}

/* seq: a positive number above the previous entry's. */
static gboolean
parse_seq (PboLoader *ld, const char *value, guint *seq)
{
  const PboJournalEntry *last = pbo_journal_last_ (ld->tree);
  guint64 v = 0;
  const char *p;

  for (p = value; g_ascii_isdigit (*p) && v <= G_MAXUINT; p++)
    v = v * 10 + (guint64) (*p - '0');
  if (p == value || *p != '\0' || v == 0 || v > G_MAXUINT || value[0] == '0')
    {
      pbo_loader_fail_ (ld, PBO_ERROR_INVALID,
                        "journal entry: seq “%.40s” is not a positive number", value);
      return FALSE;
    }
  if (last != NULL && v <= last->seq)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_INVALID,
                        "journal entry %" PRIu64 " follows entry %u: seq must "
                        "increase from entry to entry", v, last->seq);
      return FALSE;
    }
  *seq = (guint) v;
  return TRUE;
}

/* undo: the entry's undo data (format 1.1), checked step by step. */
static gboolean
take_undo (PboLoader *ld, const char *value)
{
  GError *local = NULL;

  if (value == NULL || *value == '\0')
    return TRUE;
  if (pbo_journal_entry_set_undo_text_ (ld->entry, value, &local))
    return TRUE;
  pbo_loader_fail_ (ld, local->code, "journal entry %u: %s", ld->entry->seq, local->message);
  g_error_free (local);
  return FALSE;
}

static gboolean
start_entry (PboLoader *ld, int n, const xmlChar **attrs)
{
  static const int required[] = { ENTRY_SEQ, ENTRY_DATE, ENTRY_OP, -1 };
  const char *v[ENTRY_N];
  GError *local = NULL;
  PboJournalEntry *e;
  PboEditOp op;
  PboDate date;
  guint seq;

  if (!pbo_loader_collect_attrs_ (ld, PBO_EL_ENTRY, n, attrs, v)
      || !pbo_loader_check_required_ (ld, PBO_EL_ENTRY, v, required, NULL)
      || !parse_seq (ld, v[ENTRY_SEQ], &seq))
    return FALSE;
  if (!pbo_date_parse (v[ENTRY_DATE], -1, FALSE, &date, &local))
    {
      pbo_loader_fail_ (ld, local->code, "journal entry %u: date: %s", seq, local->message);
      g_error_free (local);
      return FALSE;
    }
  if ((op = pbo_edit_op_from_string (v[ENTRY_OP])) == PBO_EDIT_OP_NONE)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_INVALID, "journal entry %u: “%.40s” is not an operation",
                        seq, v[ENTRY_OP]);
      return FALSE;
    }
  /* Appended at once: the tree owns it, and a later error frees it with
   * the tree. */
  e = ld->entry = pbo_journal_entry_new_ (op, FALSE);
  e->seq = seq;
  e->date = date;
  pbo_journal_append_ (ld->tree, e);
  return take_text (ld, v[ENTRY_REASON], "the reason", &e->reason)
         && take_text (ld, v[ENTRY_OPERATOR], "the operator", &e->operator_name)
         && take_text (ld, v[ENTRY_FROM], "from", &e->from)
         && take_text (ld, v[ENTRY_TO], "to", &e->to)
         && take_text (ld, v[ENTRY_DETAIL], "the detail", &e->detail)
         && take_undo (ld, v[ENTRY_UNDO]);
}

static gboolean
start_subject (PboLoader *ld, int n, const xmlChar **attrs)
{
  static const int required[] = { SUBJECT_ID, -1 };
  const char *v[SUBJECT_N];

  if (!pbo_loader_collect_attrs_ (ld, PBO_EL_SUBJECT, n, attrs, v)
      || !pbo_loader_check_required_ (ld, PBO_EL_SUBJECT, v, required, NULL)
      || !check_id (ld, v[SUBJECT_ID], "subject"))
    return FALSE;
  pbo_journal_entry_add_subject_ (ld->entry, v[SUBJECT_ID]);
  return TRUE;
}

static gboolean
start_vacated (PboLoader *ld, int n, const xmlChar **attrs)
{
  static const int required[] = { VACATED_ORG, VACATED_ROLE, VACATED_MEMBER, -1 };
  const char *v[VACATED_N];
  PboRole role;

  if (!pbo_loader_collect_attrs_ (ld, PBO_EL_VACATED, n, attrs, v)
      || !pbo_loader_check_required_ (ld, PBO_EL_VACATED, v, required, NULL)
      || !check_id (ld, v[VACATED_ORG], "vacated org")
      || !check_id (ld, v[VACATED_MEMBER], "vacated member"))
    return FALSE;
  if ((role = pbo_role_from_string (v[VACATED_ROLE])) == PBO_ROLE_NONE)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_INVALID, "journal entry %u: “%.40s” is not a role",
                        ld->entry->seq, v[VACATED_ROLE]);
      return FALSE;
    }
  /* With undo data the entry's steps list the offices vacated already. */
  if (!pbo_journal_entry_has_undo (ld->entry))
    pbo_journal_entry_add_vacated_ (ld->entry, v[VACATED_ORG], role, v[VACATED_MEMBER]);
  return TRUE;
}

gboolean
pbo_loader_start_journal_ (PboLoader *ld, PboElement el, int n, const xmlChar **attrs)
{
  const char *none[1];
  gboolean ok;

  switch (el)
    {
    case PBO_EL_JOURNAL:
      ok = pbo_loader_collect_attrs_ (ld, el, n, attrs, none);
      break;
    case PBO_EL_ENTRY: ok = start_entry (ld, n, attrs); break;
    case PBO_EL_SUBJECT: ok = start_subject (ld, n, attrs); break;
    case PBO_EL_VACATED: ok = start_vacated (ld, n, attrs); break;
    default: g_return_val_if_reached (FALSE);
    }
  if (ok)
    pbo_loader_push_frame_ (ld, el, NULL);
  return ok;
}
