/* libpbo — monthly Party dues (中组发〔2008〕3号) in integer fen.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "csv-private.h"
#include "org-facts-private.h"
#include "error-private.h"

/* A band: bases up to and including @upto_fen pay @rate_bp. */
typedef struct {
  gint64 upto_fen;
  guint  rate_bp;
} DuesBand;

static const DuesBand in_service_bands[] = {
  { 300000, 50 }, { 500000, 100 }, { 1000000, 150 }, { G_MAXINT64, 200 },
};
static const DuesBand retired_bands[] = {
  { 500000, 50 }, { G_MAXINT64, 100 },
};

/* Students, the unemployed, relief and subsistence: 0.2 yuan; farmers
 * 0.2–1 yuan (the minimum is taken); mobile members without income by
 * analogy. Indexed by PboDuesCategory; -1: pays from a base. */
static const gint64 fixed_amounts[] = { -1, -1, 20, 20, 20, 20, 20 };

static const char *const bases[] = { NULL, "rate", "fixed", "no-base", "not-due" };

const char *
pbo_dues_basis_to_string (PboDuesBasis basis)
{
  return basis > PBO_DUES_BASIS_NONE && basis <= PBO_DUES_BASIS_NOT_DUE ? bases[basis] : NULL;
}

static guint
band_rate (const DuesBand *bands, gsize n, gint64 base_fen)
{
  gsize i;

  for (i = 0; i + 1 < n && base_fen > bands[i].upto_fen; i++)
    ;
  return bands[i].rate_bp;
}

guint
pbo_dues_rate (PboEmployment employment, gint64 base_fen)
{
  switch (employment)
    {
    case PBO_EMPLOYMENT_IN_SERVICE:
      return band_rate (in_service_bands, G_N_ELEMENTS (in_service_bands), base_fen);
    case PBO_EMPLOYMENT_RETIRED:
      return band_rate (retired_bands, G_N_ELEMENTS (retired_bands), base_fen);
    default:
      return 0;
    }
}

gint64
pbo_dues_amount (gint64 base_fen, guint rate_bp)
{
  g_return_val_if_fail (base_fen >= 0 && base_fen < (G_GINT64_CONSTANT (1) << 50), 0);
  /* Round half up: 0.5 fen and more counts as a whole fen. */
  return (base_fen * (gint64) rate_bp + 5000) / 10000;
}

gint64
pbo_dues_fixed_amount (PboDuesCategory category)
{
  return (gsize) category < G_N_ELEMENTS (fixed_amounts) ? fixed_amounts[category] : -1;
}

/* The last day of the month of @date. */
static PboDate
month_end (PboDate date)
{
  PboDate first = pbo_date_make (pbo_date_get_year (date), pbo_date_get_month (date), 1);
  return pbo_date_add_days (pbo_date_add_months (first, 1), -1);
}

gboolean
pbo_member_compute_dues (const PboMember *member, PboDate month, PboDues *dues)
{
  gint64 fixed;

  g_return_val_if_fail (member != NULL && dues != NULL, FALSE);
  memset (dues, 0, sizeof *dues);
  dues->basis = PBO_DUES_BASIS_NONE;
  dues->base_fen = pbo_member_get_dues_base (member);
  dues->rate_bp = 0;
  dues->amount_fen = 0;
  if (!pbo_date_is_valid (month) || pbo_date_is_year_only (month))
    return FALSE;
  if (pbo_member_get_joined (member) > month_end (month))
    {
      dues->basis = PBO_DUES_BASIS_NOT_DUE;
      return FALSE;
    }
  fixed = pbo_dues_fixed_amount (pbo_member_get_dues_category (member));
  if (fixed >= 0)
    {
      dues->basis = PBO_DUES_BASIS_FIXED;
      dues->amount_fen = fixed;
      return TRUE;
    }
  if (dues->base_fen == PBO_DUES_BASE_NONE)
    {
      dues->basis = PBO_DUES_BASIS_NO_BASE;
      return FALSE;
    }
  dues->basis = PBO_DUES_BASIS_RATE;
  dues->rate_bp = pbo_dues_rate (pbo_member_get_employment (member), dues->base_fen);
  dues->amount_fen = pbo_dues_amount (dues->base_fen, dues->rate_bp);
  return TRUE;
}

/* ---- the sheet ---------------------------------------------------------- */

typedef struct {
  PboMember *member;
  PboDues    dues;
} DuesRow;

struct _PboDuesSheet {
  GArray *rows;              /* DuesRow, document order */
  GArray *branches;          /* PboDuesBranchTotal, document order */
  PboDate month;             /* first day */
  gint64  total_fen;
};

static PboDuesBranchTotal *
branch_total_for (PboDuesSheet *sheet, PboOrg *branch)
{
  PboDuesBranchTotal *last;

  /* Members come in document order, so a branch's members (its groups'
   * included) are contiguous: only the last total can be theirs. */
  if (sheet->branches->len > 0)
    {
      last = &g_array_index (sheet->branches, PboDuesBranchTotal, sheet->branches->len - 1);
      if (last->branch == branch)
        return last;
    }
  g_array_set_size (sheet->branches, sheet->branches->len + 1);
  last = &g_array_index (sheet->branches, PboDuesBranchTotal, sheet->branches->len - 1);
  last->branch = branch;
  return last;
}

static gboolean
sheet_add_member (PboMember *member, gpointer data)
{
  PboDuesSheet *sheet = data;
  PboDuesBranchTotal *total = branch_total_for (sheet, pbo_member_get_branch (member));
  DuesRow row;

  row.member = member;
  pbo_member_compute_dues (member, sheet->month, &row.dues);
  g_array_append_val (sheet->rows, row);
  total->members++;
  if (row.dues.basis == PBO_DUES_BASIS_NO_BASE)
    total->no_base++;
  else if (row.dues.basis == PBO_DUES_BASIS_NOT_DUE)
    total->not_due++;
  else
    total->computed++;
  total->total_fen += row.dues.amount_fen;
  sheet->total_fen += row.dues.amount_fen;
  return TRUE;
}

PboDuesSheet *
pbo_dues_sheet_new (const PboTree *tree, PboOrg *root, PboDate month, GError **error)
{
  PboDuesSheet *sheet;

  g_return_val_if_fail (tree != NULL, NULL);
  g_return_val_if_fail (root == NULL || pbo_org_get_tree (root) == tree, NULL);
  if (month == PBO_DATE_NONE)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("the dues sheet needs a month"));
      return NULL;
    }
  if (!pbo_date_check_optional_ (month, "month", error))
    return NULL;
  sheet = g_new0 (PboDuesSheet, 1);
  sheet->rows = g_array_new (FALSE, FALSE, sizeof (DuesRow));
  sheet->branches = g_array_new (FALSE, TRUE, sizeof (PboDuesBranchTotal));
  sheet->month = pbo_date_make (pbo_date_get_year (month), pbo_date_get_month (month), 1);
  pbo_tree_foreach_member (tree, root, sheet_add_member, sheet);
  return sheet;
}

void
pbo_dues_sheet_free (PboDuesSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_array_unref (sheet->rows);
  g_array_unref (sheet->branches);
  g_free (sheet);
}

PboDate
pbo_dues_sheet_get_month (const PboDuesSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, PBO_DATE_NONE);
  return sheet->month;
}

guint
pbo_dues_sheet_get_n_members (const PboDuesSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);
  return sheet->rows->len;
}

gint64
pbo_dues_sheet_get_total (const PboDuesSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);
  return sheet->total_fen;
}

PboMember *
pbo_dues_sheet_get_member (const PboDuesSheet *sheet, guint index, const PboDues **dues)
{
  const DuesRow *row;

  g_return_val_if_fail (sheet != NULL, NULL);
  if (index >= sheet->rows->len)
    return NULL;
  row = &g_array_index (sheet->rows, DuesRow, index);
  if (dues != NULL)
    *dues = &row->dues;
  return row->member;
}

guint
pbo_dues_sheet_get_n_branches (const PboDuesSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);
  return sheet->branches->len;
}

const PboDuesBranchTotal *
pbo_dues_sheet_get_branch (const PboDuesSheet *sheet, guint index)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  return index < sheet->branches->len
           ? &g_array_index (sheet->branches, PboDuesBranchTotal, index)
           : NULL;
}

/* Appends the ids of the branch's members without a base, from @first on. */
static void
append_no_base (const PboDuesSheet *sheet, guint *next, const PboDuesBranchTotal *t,
                GString *out)
{
  guint i, end = *next + t->members;
  gboolean first = TRUE;

  for (i = *next; i < end; i++)
    {
      const DuesRow *row = &g_array_index (sheet->rows, DuesRow, i);
      if (row->dues.basis != PBO_DUES_BASIS_NO_BASE)
        continue;
      if (first)
        g_string_append_printf (out, "  %s", _("no dues base:"));
      g_string_append_printf (out, " %s", pbo_member_get_id (row->member));
      first = FALSE;
    }
  *next = end;
}

void
pbo_dues_sheet_write_text (const PboDuesSheet *sheet, GString *out)
{
  char yuan[PBO_YUAN_BUFSIZE];
  guint i, next = 0;

  g_return_if_fail (sheet != NULL && out != NULL);
  g_string_append_printf (out, _("Dues for %04u-%02u"), pbo_date_get_year (sheet->month),
                          pbo_date_get_month (sheet->month));
  g_string_append_c (out, '\n');
  for (i = 0; i < sheet->branches->len; i++)
    {
      const PboDuesBranchTotal *t = &g_array_index (sheet->branches, PboDuesBranchTotal, i);
      g_autofree char *name = pbo_text_escape_ (pbo_org_get_name (t->branch));

      g_string_append_printf (out, _("%s %s: %s yuan from %u of %u members"),
                              pbo_org_get_id (t->branch), name,
                              pbo_format_yuan_ (t->total_fen, yuan), t->computed, t->members);
      if (t->not_due > 0)
        g_string_append_printf (out, _("; %u not yet due"), t->not_due);
      append_no_base (sheet, &next, t, out);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, _("Total: %s yuan"), pbo_format_yuan_ (sheet->total_fen, yuan));
  g_string_append_c (out, '\n');
}

/* The rate in percent, e.g. "1.5" for 150 basis points. */
static char *
format_rate (guint rate_bp, char *buf, gsize size)
{
  if (rate_bp % 100 == 0)
    g_snprintf (buf, size, "%u", rate_bp / 100);
  else
    g_snprintf (buf, size, "%u.%u", rate_bp / 100, rate_bp % 100 / 10);
  return buf;
}

void
pbo_dues_sheet_write_csv (const PboDuesSheet *sheet, GString *out)
{
  pbo_dues_sheet_write_csv_full (sheet, out, PBO_CSV_WRITE_DEFAULT);
}

void
pbo_dues_sheet_write_csv_full (const PboDuesSheet *sheet, GString *out, PboCsvWriteFlags flags)
{
  guint i;

  g_return_if_fail (sheet != NULL && out != NULL);
  pbo_csv_row_ (out, flags, "branch", "member", "name", "employment", "category", "base", "rate",
                "amount", "basis", NULL);
  for (i = 0; i < sheet->rows->len; i++)
    {
      const DuesRow *row = &g_array_index (sheet->rows, DuesRow, i);
      const PboDues *d = &row->dues;
      const char *category = pbo_dues_category_to_string (
        pbo_member_get_dues_category (row->member));
      char base[PBO_YUAN_BUFSIZE], amount[PBO_YUAN_BUFSIZE], rate[16];
      gboolean has_amount = d->basis == PBO_DUES_BASIS_RATE || d->basis == PBO_DUES_BASIS_FIXED;

      pbo_csv_row_ (out, flags, pbo_org_get_id (pbo_member_get_branch (row->member)),
                    pbo_member_get_id (row->member), pbo_member_get_name (row->member),
                    pbo_employment_to_string (pbo_member_get_employment (row->member)),
                    category != NULL ? category : "",
                    d->base_fen != PBO_DUES_BASE_NONE ? pbo_format_yuan_ (d->base_fen, base) : "",
                    d->basis == PBO_DUES_BASIS_RATE ? format_rate (d->rate_bp, rate, sizeof rate)
                                                    : "",
                    has_amount ? pbo_format_yuan_ (d->amount_fen, amount) : "",
                    pbo_dues_basis_to_string (d->basis), NULL);
    }
}

void
pbo_dues_sheet_write_totals_csv (const PboDuesSheet *sheet, GString *out)
{
  pbo_dues_sheet_write_totals_csv_full (sheet, out, PBO_CSV_WRITE_DEFAULT);
}

void
pbo_dues_sheet_write_totals_csv_full (const PboDuesSheet *sheet, GString *out,
                                      PboCsvWriteFlags flags)
{
  guint i;

  g_return_if_fail (sheet != NULL && out != NULL);
  pbo_csv_row_ (out, flags, "branch", "name", "members", "computed", "no-base", "not-due", "total",
                NULL);
  for (i = 0; i < sheet->branches->len; i++)
    {
      const PboDuesBranchTotal *t = &g_array_index (sheet->branches, PboDuesBranchTotal, i);
      char members[16], computed[16], no_base[16], not_due[16], total[PBO_YUAN_BUFSIZE];

      g_snprintf (members, sizeof members, "%u", t->members);
      g_snprintf (computed, sizeof computed, "%u", t->computed);
      g_snprintf (no_base, sizeof no_base, "%u", t->no_base);
      g_snprintf (not_due, sizeof not_due, "%u", t->not_due);
      pbo_csv_row_ (out, flags, pbo_org_get_id (t->branch), pbo_org_get_name (t->branch), members,
                    computed, no_base, not_due, pbo_format_yuan_ (t->total_fen, total), NULL);
    }
}
