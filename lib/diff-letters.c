/* libpbo — the planner's letters (format 1.1): a member of OLD gone from
 * NEW with a letter that only NEW records left by <transfer-out>; receipts
 * that NEW records and OLD does not came back (<receipt>).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "diff-private.h"
#include "lifecycle-private.h"

/* The letter of NEW going @direction for @member_id that OLD does not
 * have, or NULL. */
const PboLetterInfo *
pbo_diff_new_letter_ (const PboDiff *diff, const char *member_id, PboLetterDirection direction)
{
  const PboLifecycle *lc = diff->new_tree->lifecycle;
  guint i;

  for (i = 0; lc != NULL && i < lc->letters->len; i++)
    {
      const PboLetterInfo *l = g_ptr_array_index (lc->letters, i);
      if (l->direction == direction && g_strcmp0 (l->member_id, member_id) == 0
          && pbo_letter_lookup_ (diff->old_tree, l->number) == NULL)
        return l;
    }
  return NULL;
}

/* After the transfers out: every receipt of NEW that OLD lacks. */
void
pbo_diff_receipts_ (PboDiff *diff)
{
  const PboLifecycle *lc = diff->new_tree->lifecycle;
  guint i;

  for (i = 0; lc != NULL && i < lc->letters->len; i++)
    {
      const PboLetterInfo *l = g_ptr_array_index (lc->letters, i);
      const PboLetterInfo *was = pbo_letter_lookup_ (diff->old_tree, l->number);
      if (l->receipt != PBO_DATE_NONE && (was == NULL || was->receipt == PBO_DATE_NONE)
          && (was != NULL || l->direction == PBO_LETTER_OUT))
        pbo_diff_emit_ (diff, PBO_EDIT_OP_RECEIPT, NULL)->letter = l;
    }
}
