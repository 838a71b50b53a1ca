/* libpbo tests — a check shared by test-diff and the diff fuzz oracle.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <pbo/pbo.h>

/* The id of the first org that a create-org from journal entry @first of
 * @work on made and @new lacks ("" when the entry names none), or NULL
 * when there is none: a diff's plan waits in the trees' own orgs or at the
 * top level, never in an org of its own (issue 14). */
static inline const char *
diff_check_org_not_in_new (const PboTree *work, guint first, const PboTree *new)
{
  guint i;

  for (i = first; i < pbo_journal_get_n_entries (work); i++)
    {
      const PboJournalEntry *e = pbo_journal_get_entry (work, i);
      const char *id = pbo_journal_entry_get_subject (e, 0);
      if (pbo_journal_entry_get_op (e) == PBO_EDIT_OP_CREATE_ORG
          && (id == NULL || pbo_tree_lookup_org (new, id) == NULL))
        return id != NULL ? id : "";
    }
  return NULL;
}
