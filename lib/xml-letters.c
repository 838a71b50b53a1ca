/* libpbo — the loader's <transfers> list and its <letter>s (format 1.1).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "xml-load-private.h"
#include "lifecycle-private.h"

static gboolean
bad (PboLoader *ld, const char *number, const char *what, const char *value)
{
  pbo_loader_fail_ (ld, PBO_ERROR_INVALID, "letter “%s”: %s “%.40s” is not valid", number, what,
                    value);
  return FALSE;
}

static gboolean
date_attr (PboLoader *ld, const char *const *v, int i, const char *what, PboDate *out)
{
  *out = PBO_DATE_NONE;
  return v[i] == NULL || pbo_date_parse (v[i], -1, FALSE, out, NULL)
         || bad (ld, v[LETTER_NUMBER], what, v[i]);
}

/* Out letters name the branch left (from) and the destination (to-org);
 * in letters the branch joined (to) and the origin (from-org). */
static gboolean
read_letter (PboLoader *ld, const char *const *v, PboLetterInfo *l)
{
  gboolean out = v[LETTER_TO_ORG] != NULL;
  guint64 days = 0;

  l->number = v[LETTER_NUMBER];
  l->member_id = v[LETTER_MEMBER];
  l->name = v[LETTER_NAME];
  l->direction = out ? PBO_LETTER_OUT : PBO_LETTER_IN;
  l->branch = out ? v[LETTER_FROM] : v[LETTER_TO];
  l->other_org = out ? v[LETTER_TO_ORG] : v[LETTER_FROM_ORG];
  if ((out ? v[LETTER_FROM_ORG] != NULL || v[LETTER_TO] != NULL
           : v[LETTER_FROM] != NULL || v[LETTER_VALID_DAYS] != NULL || v[LETTER_RECEIPT] != NULL)
      || l->branch == NULL || l->other_org == NULL)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "letter “%s”: an out letter has from, to-org and "
                        "valid-days; an in letter has to and from-org", l->number);
      return FALSE;
    }
  if (v[LETTER_VALID_DAYS] != NULL)
    {
      if (strspn (v[LETTER_VALID_DAYS], "0123456789") != strlen (v[LETTER_VALID_DAYS])
          || strlen (v[LETTER_VALID_DAYS]) > 3)
        return bad (ld, l->number, "valid-days", v[LETTER_VALID_DAYS]);
      days = g_ascii_strtoull (v[LETTER_VALID_DAYS], NULL, 10);
    }
  l->valid_days = (guint) days;
  if (v[LETTER_DUES_PAID_TO] != NULL && !pbo_month_parse_ (v[LETTER_DUES_PAID_TO], &l->dues_paid_to))
    return bad (ld, l->number, "dues-paid-to", v[LETTER_DUES_PAID_TO]);
  return date_attr (ld, v, LETTER_ISSUED, "issued", &l->issued)
         && date_attr (ld, v, LETTER_RECEIPT, "receipt", &l->receipt);
}

static gboolean
start_letter (PboLoader *ld, int n, const xmlChar **attrs)
{
  const char *values[LETTER_RECEIPT + 1];
  static const int required[] = { LETTER_NUMBER, LETTER_MEMBER, LETTER_NAME, LETTER_ISSUED, -1 };
  PboLetterInfo l = PBO_LETTER_INFO_INIT;
  GError *local = NULL;

  if (!pbo_loader_collect_attrs_ (ld, PBO_EL_LETTER, n, attrs, values)
      || !pbo_loader_check_required_ (ld, PBO_EL_LETTER, values, required, values[LETTER_NUMBER])
      || !read_letter (ld, values, &l))
    return FALSE;
  if (pbo_letter_insert_ (ld->tree, G_MAXUINT, &l, &local) == NULL)
    {
      pbo_loader_fail_ (ld, local->code, "%s", local->message);
      g_error_free (local);
      return FALSE;
    }
  return TRUE;
}

gboolean
pbo_loader_start_letter_ (PboLoader *ld, PboElement el, int n, const xmlChar **attrs)
{
  const char *none[1];
  gboolean ok = el == PBO_EL_LETTER ? start_letter (ld, n, attrs)
                                    : pbo_loader_collect_attrs_ (ld, el, n, attrs, none);

  if (ok)
    pbo_loader_push_frame_ (ld, el, NULL);
  return ok;
}
