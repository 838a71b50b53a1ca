/* libpbo — the dues ledger: what each member owed (the dues computation
 * of dues.c, month by month), what the payment records say was paid, and
 * what is still owed, per member, branch and in all.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "member-records-private.h"
#include "csv-private.h"
#include "error-private.h"

#define LEDGER_MAX_MONTHS 600

struct _PboLedger {
  GArray      *members;   /* PboLedgerRow, tree order */
  GArray      *branches;  /* PboLedgerRow, member NULL */
  PboLedgerRow total;
  PboDate      from;      /* first days of the first and last months */
  PboDate      to;
};

static PboDate
first_of (PboDate d)
{
  return pbo_date_make (pbo_date_get_year (d), pbo_date_get_month (d), 1);
}

static void
add_to (PboLedgerRow *sum, const PboLedgerRow *row)
{
  sum->months += row->months;
  sum->due_fen += row->due_fen;
  sum->paid_fen += row->paid_fen;
  sum->owed_fen += row->owed_fen;
  sum->unpaid_months += row->unpaid_months;
}

/* One month of @m: its due and what was paid for it. FALSE when the
 * member owed nothing that month (it had not joined). */
static gboolean
month_of (PboMember *m, PboDate month, gint64 *due, gint64 *paid)
{
  PboMemberRecord key = PBO_MEMBER_RECORD_INIT, rec;
  PboDues dues;
  int index;

  pbo_member_compute_dues (m, month, &dues);
  if (dues.basis == PBO_DUES_BASIS_NOT_DUE)
    return FALSE;
  *due = dues.amount_fen;
  *paid = 0;
  key.kind = PBO_RECORD_PAYMENT;
  key.year = pbo_date_get_year (month);
  key.month = pbo_date_get_month (month);
  if ((index = pbo_member_find_record (m, &key)) < 0)
    return TRUE;
  pbo_member_get_record (m, (guint) index, &rec);
  if (rec.payment_kind == PBO_PAYMENT_EXEMPT || rec.payment_kind == PBO_PAYMENT_REDUCED)
    *due = rec.amount_fen;
  *paid = rec.amount_fen;
  return TRUE;
}

static void
member_row (PboLedger *l, PboMember *m, PboLedgerRow *row)
{
  memset (row, 0, sizeof *row);
  row->member = m;
  row->org = pbo_member_get_branch (m);
  for (PboDate d = l->from; d <= l->to; d = pbo_date_add_months (d, 1))
    {
      gint64 due, paid;
      if (!month_of (m, d, &due, &paid))
        continue;
      row->months++;
      row->due_fen += due;
      row->paid_fen += paid;
      if (paid < due)
        {
          row->owed_fen += due - paid;
          row->unpaid_months++;
        }
    }
}

PboLedger *
pbo_ledger_new (const PboTree *tree, PboDate from, PboDate to, GError **error)
{
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;
  PboLedger *l;

  g_return_val_if_fail (tree != NULL, NULL);
  if (!pbo_date_is_valid (from) || !pbo_date_is_valid (to) || pbo_date_is_year_only (from)
      || pbo_date_is_year_only (to) || first_of (to) < first_of (from)
      || pbo_date_add_months (first_of (from), LEDGER_MAX_MONTHS) <= first_of (to))
    {
      pbo_refuse_ (error, PBO_ERROR_INVALID,
                   _("a ledger needs a range of months, the first not after the last, "
                     "at most %u months"), LEDGER_MAX_MONTHS);
      return NULL;
    }
  l = g_new0 (PboLedger, 1);
  l->from = first_of (from);
  l->to = first_of (to);
  l->members = g_array_new (FALSE, FALSE, sizeof (PboLedgerRow));
  l->branches = g_array_new (FALSE, FALSE, sizeof (PboLedgerRow));
  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      PboLedgerRow row, *branch = NULL;
      if (ev != PBO_WALK_ENTER)
        continue;
      for (PboMember *m = pbo_org_get_first_member (org); m != NULL; m = pbo_member_get_next (m))
        {
          member_row (l, m, &row);
          g_array_append_val (l->members, row);
          add_to (&l->total, &row);
          /* A branch's members, its groups' included, come together. */
          if (l->branches->len > 0)
            branch = &g_array_index (l->branches, PboLedgerRow, l->branches->len - 1);
          if (branch == NULL || branch->org != row.org)
            {
              PboLedgerRow empty = { NULL, row.org, 0, 0, 0, 0, 0 };
              g_array_append_val (l->branches, empty);
              branch = &g_array_index (l->branches, PboLedgerRow, l->branches->len - 1);
            }
          add_to (branch, &row);
        }
    }
  return l;
}

void
pbo_ledger_free (PboLedger *l)
{
  if (l == NULL)
    return;
  g_array_unref (l->members);
  g_array_unref (l->branches);
  g_free (l);
}

guint
pbo_ledger_get_n_members (const PboLedger *l)
{
  g_return_val_if_fail (l != NULL, 0);
  return l->members->len;
}

const PboLedgerRow *
pbo_ledger_get_member (const PboLedger *l, guint index)
{
  g_return_val_if_fail (l != NULL, NULL);
  return index < l->members->len ? &g_array_index (l->members, PboLedgerRow, index) : NULL;
}

guint
pbo_ledger_get_n_branches (const PboLedger *l)
{
  g_return_val_if_fail (l != NULL, 0);
  return l->branches->len;
}

const PboLedgerRow *
pbo_ledger_get_branch (const PboLedger *l, guint index)
{
  g_return_val_if_fail (l != NULL, NULL);
  return index < l->branches->len ? &g_array_index (l->branches, PboLedgerRow, index) : NULL;
}

const PboLedgerRow *
pbo_ledger_get_total (const PboLedger *l)
{
  g_return_val_if_fail (l != NULL, NULL);
  return &l->total;
}

/* ---- output ---------------------------------------------------------------- */

static void
text_row (GString *out, const char *indent, const char *id, const char *name,
          const PboLedgerRow *r)
{
  char due[PBO_YUAN_BUFSIZE], paid[PBO_YUAN_BUFSIZE], owed[PBO_YUAN_BUFSIZE];
  g_autofree char *escaped = pbo_text_escape_ (name);

  g_string_append_printf (out, "%s%s%s%s: due %s, paid %s, owed %s (%u of %u months unpaid)\n",
                          indent, id, *escaped != '\0' ? " " : "", escaped, pbo_format_yuan_ (r->due_fen, due),
                          pbo_format_yuan_ (r->paid_fen, paid), pbo_format_yuan_ (r->owed_fen, owed),
                          r->unpaid_months, r->months);
}

void
pbo_ledger_write_text (const PboLedger *l, GString *out)
{
  guint next = 0;

  g_return_if_fail (l != NULL && out != NULL);
  g_string_append_printf (out, "Dues ledger %04u-%02u to %04u-%02u\n", pbo_date_get_year (l->from),
                          pbo_date_get_month (l->from), pbo_date_get_year (l->to),
                          pbo_date_get_month (l->to));
  for (guint b = 0; b < l->branches->len; b++)
    {
      const PboLedgerRow *br = &g_array_index (l->branches, PboLedgerRow, b);
      text_row (out, "", pbo_org_get_id (br->org), pbo_org_get_name (br->org), br);
      for (; next < l->members->len
             && g_array_index (l->members, PboLedgerRow, next).org == br->org; next++)
        {
          const PboLedgerRow *r = &g_array_index (l->members, PboLedgerRow, next);
          text_row (out, "  ", pbo_member_get_id (r->member), pbo_member_get_name (r->member), r);
        }
    }
  text_row (out, "", "Total", "", &l->total);
}

static void
csv_row (GString *out, PboCsvWriteFlags flags, const PboLedgerRow *r)
{
  char months[16], unpaid[16], due[PBO_YUAN_BUFSIZE], paid[PBO_YUAN_BUFSIZE],
       owed[PBO_YUAN_BUFSIZE];

  g_snprintf (months, sizeof months, "%u", r->months);
  g_snprintf (unpaid, sizeof unpaid, "%u", r->unpaid_months);
  pbo_csv_row_ (out, flags, r->org != NULL ? pbo_org_get_id (r->org) : "",
                r->member != NULL ? pbo_member_get_id (r->member) : "",
                r->member != NULL ? pbo_member_get_name (r->member) : "", months,
                pbo_format_yuan_ (r->due_fen, due), pbo_format_yuan_ (r->paid_fen, paid),
                pbo_format_yuan_ (r->owed_fen, owed), unpaid, NULL);
}

void
pbo_ledger_write_csv (const PboLedger *l, GString *out, PboCsvWriteFlags flags)
{
  g_return_if_fail (l != NULL && out != NULL);
  pbo_csv_row_ (out, flags, "branch", "member", "name", "months", "due", "paid",
                "owed", "unpaid-months", NULL);
  for (guint i = 0; i < l->members->len; i++)
    csv_row (out, flags, &g_array_index (l->members, PboLedgerRow, i));
  for (guint i = 0; i < l->branches->len; i++)
    csv_row (out, flags, &g_array_index (l->branches, PboLedgerRow, i));
  csv_row (out, flags, &l->total);
}
