/* libpbo — the transfers list (format 1.1): letters (介绍信) of members
 * transferred out of and into the estate, their receipts (回执), and their
 * <transfers> element.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "lifecycle-private.h"
#include "xml-private.h"
#include "error-private.h"

/* ---- months ------------------------------------------------------------------ */

gboolean
pbo_month_parse_ (const char *text, guint *month)
{
  guint y, m;

  if (text == NULL || strlen (text) != 7 || text[4] != '-'
      || strspn (text, "0123456789") != 4 || strspn (text + 5, "0123456789") != 2)
    return FALSE;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  if (y < 1900 || m < 1 || m > 12)
    return FALSE;
  *month = y * 100 + m;
  return TRUE;
}

const char *
pbo_month_format_ (guint month, char *buf)
{
  if (month == 0)
    return NULL;
  g_snprintf (buf, 8, "%04u-%02u", month / 100, month % 100);
  return buf;
}

/* ---- storage ----------------------------------------------------------------- */

PboLetterInfo *
pbo_letter_lookup_ (const PboTree *tree, const char *number)
{
  const PboLifecycle *lc = tree->lifecycle;

  return lc != NULL && number != NULL ? g_hash_table_lookup (lc->letter_index, number) : NULL;
}

gboolean
pbo_letter_check_ (const PboLetterInfo *l, GError **error)
{
  gboolean out = l->direction == PBO_LETTER_OUT;

  if (!pbo_text_check_ (l->number, "letter", TRUE, error)
      || !pbo_text_check_ (l->name, "name", TRUE, error)
      || !pbo_text_check_ (l->other_org, out ? "to-org" : "from-org", TRUE, error))
    return FALSE;
  if (l->direction != PBO_LETTER_OUT && l->direction != PBO_LETTER_IN)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("letter “%s”: not out nor in"), l->number);
  if (!pbo_id_is_valid (l->member_id) || !pbo_id_is_valid (l->branch))
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("letter “%s”: the member and the branch must be valid ids"), l->number);
  if (!pbo_date_is_valid (l->issued) || pbo_date_is_year_only (l->issued))
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("letter “%s”: its date must be a full date"),
                        l->number);
  if (out ? (l->valid_days < 1 || l->valid_days > 366) : l->valid_days != 0)
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("letter “%s”: valid-days must be from 1 to 366 (out letters only)"),
                        l->number);
  if (l->receipt != PBO_DATE_NONE && (!out || l->receipt < l->issued))
    return pbo_refuse_ (error, PBO_ERROR_INCONSISTENT,
                        _("letter “%s”: a receipt belongs to an out letter, on or after its date"),
                        l->number);
  if (l->dues_paid_to != 0 && (l->dues_paid_to % 100 < 1 || l->dues_paid_to % 100 > 12))
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("letter “%s”: dues-paid-to is not a month"),
                        l->number);
  return TRUE;
}

static const char *
intern (PboTree *tree, const char *s)
{
  return s != NULL ? pbo_tree_intern_ (tree, s) : NULL;
}

PboLetterInfo *
pbo_letter_insert_ (PboTree *tree, guint index, const PboLetterInfo *info, GError **error)
{
  PboLifecycle *lc;
  PboLetterInfo *l;

  if (!pbo_letter_check_ (info, error))
    return NULL;
  if (pbo_letter_lookup_ (tree, info->number) != NULL)
    {
      pbo_refuse_ (error, PBO_ERROR_DUPLICATE_ID, _("the letter number “%s” is already used"),
                   info->number);
      return NULL;
    }
  lc = pbo_lifecycle_get_ (tree);
  l = g_new (PboLetterInfo, 1);
  *l = *info;
  l->version = PBO_LETTER_INFO_VERSION;
  l->number = intern (tree, info->number);
  l->member_id = intern (tree, info->member_id);
  l->name = intern (tree, info->name);
  l->branch = intern (tree, info->branch);
  l->other_org = intern (tree, info->other_org);
  if (index > lc->letters->len)
    index = lc->letters->len;
  g_ptr_array_insert (lc->letters, (gint) index, l);
  g_hash_table_insert (lc->letter_index, (gpointer) l->number, l);
  return l;
}

guint
pbo_letter_remove_ (PboTree *tree, PboLetterInfo *letter)
{
  PboLifecycle *lc = tree->lifecycle;
  guint index = 0;

  g_return_val_if_fail (lc != NULL && g_ptr_array_find (lc->letters, letter, &index), 0);
  g_hash_table_remove (lc->letter_index, letter->number);
  g_ptr_array_remove_index (lc->letters, index);
  return index;
}

void
pbo_letters_copy_ (PboTree *dst, const PboTree *src)
{
  guint i;

  for (i = 0; i < pbo_tree_get_n_letters (src); i++)
    pbo_letter_insert_ (dst, G_MAXUINT, g_ptr_array_index (((PboLifecycle *) src->lifecycle)->letters, i),
                        NULL);
}

/* ---- the public getters ---------------------------------------------------- */

guint
pbo_tree_get_n_letters (const PboTree *tree)
{
  const PboLifecycle *lc;

  g_return_val_if_fail (tree != NULL, 0);
  lc = tree->lifecycle;
  return lc != NULL ? lc->letters->len : 0;
}

gboolean
pbo_tree_get_letter (const PboTree *tree, guint index, PboLetterInfo *info)
{
  g_return_val_if_fail (tree != NULL && info != NULL, FALSE);
  if (index >= pbo_tree_get_n_letters (tree))
    return FALSE;
  *info = *(const PboLetterInfo *) g_ptr_array_index (((PboLifecycle *) tree->lifecycle)->letters,
                                                      index);
  return TRUE;
}

gboolean
pbo_tree_lookup_letter (const PboTree *tree, const char *number, PboLetterInfo *info)
{
  const PboLetterInfo *l;

  g_return_val_if_fail (tree != NULL && number != NULL, FALSE);
  l = pbo_letter_lookup_ (tree, number);
  if (l != NULL && info != NULL)
    *info = *l;
  return l != NULL;
}

PboDate
pbo_letter_expires (const PboLetterInfo *info)
{
  g_return_val_if_fail (info != NULL, PBO_DATE_NONE);
  return pbo_date_add_days (info->issued, (int) info->valid_days);
}

PboLetterState
pbo_letter_state_on (const PboLetterInfo *info, PboDate day)
{
  g_return_val_if_fail (info != NULL, PBO_LETTER_OPEN);
  if (info->direction == PBO_LETTER_IN)
    return PBO_LETTER_ARRIVED;
  if (info->receipt != PBO_DATE_NONE && info->receipt <= day)
    return info->receipt > pbo_letter_expires (info) ? PBO_LETTER_EXPIRED : PBO_LETTER_RECEIVED;
  return day > pbo_letter_expires (info) ? PBO_LETTER_OVERDUE : PBO_LETTER_OPEN;
}

/* ---- as text: the <letter> element's attributes ------------------------------- */

static void
put (GString *out, const char *name, const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, " %s=\"", name);
  pbo_xml_escape_ (out, value, strlen (value), TRUE);
  g_string_append_c (out, '"');
}

/* In canonical order: the writer's and the undo data's one spelling. */
static void
letter_attrs (GString *out, const PboLetterInfo *l)
{
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE], month[8], days[12];
  gboolean out_letter = l->direction == PBO_LETTER_OUT;

  g_snprintf (days, sizeof days, "%u", l->valid_days);
  put (out, "number", l->number);
  put (out, "member", l->member_id);
  put (out, "name", l->name);
  put (out, out_letter ? "from" : "to", l->branch);
  put (out, out_letter ? "to-org" : "from-org", l->other_org);
  put (out, "issued", pbo_date_format (l->issued, d1));
  put (out, "valid-days", out_letter ? days : NULL);
  put (out, "dues-paid-to", pbo_month_format_ (l->dues_paid_to, month));
  put (out, "receipt", l->receipt != PBO_DATE_NONE ? pbo_date_format (l->receipt, d2) : NULL);
}

void
pbo_letters_write_xml_ (GString *out, const PboTree *tree)
{
  guint i, n = pbo_tree_get_n_letters (tree);

  if (n == 0)
    return;
  g_string_append (out, "  <transfers>\n");
  for (i = 0; i < n; i++)
    {
      g_string_append (out, "    <letter");
      letter_attrs (out, g_ptr_array_index (((PboLifecycle *) tree->lifecycle)->letters, i));
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "  </transfers>\n");
}
