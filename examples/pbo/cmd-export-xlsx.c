/* pbo export FILE --format xlsx -o F.xlsx: one workbook for the Party
 * office — sheets members (the member CSV's columns, first, so that
 * import-csv reads it back), statistics (pbo stats --all), dues (pbo dues
 * for --month) and findings (pbo check) — written with libxlsxwriter.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include <glib/gstdio.h>
#include "pbo-cli.h"

#ifndef PBO_CLI_HAVE_XLSXWRITER

int
cli_export_xlsx (const CliInput *in, PboDate month, gboolean redact, const char *path)
{
  (void) in, (void) month, (void) redact, (void) path;
  fprintf (stderr, _("pbo export: this pbo was built without libxlsxwriter (Debian: "
                     "libxlsxwriter-dev), so it cannot write .xlsx; --format csv writes the "
                     "members for any spreadsheet\n"));
  return CLI_EXIT_BAD_INPUT;
}

#else

#include <xlsxwriter.h>

/* A whole number or a decimal as the CSV writers spell counts and yuan,
 * written as a number so that a spreadsheet sums it; ids, phones and
 * dates stay text. */
static gboolean
is_number (const char *s)
{
  const char *p = s;

  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p) || (p[0] == '0' && g_ascii_isdigit (p[1])))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.' && g_ascii_isdigit (p[1]))
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  return *p == '\0' && p - s < 16;
}

/* One sheet from a CSV text the library wrote (raw: a string cell is never
 * a formula, so no mark is needed). */
static gboolean
add_sheet (lxw_workbook *wb, const char *name, const GString *csv, gboolean numbers)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PboCsvTable) table = pbo_csv_parse (csv->str, csv->len, name, &error);
  lxw_worksheet *ws = workbook_add_worksheet (wb, name);
  guint row, col;

  if (table == NULL || ws == NULL)
    return FALSE;
  for (row = 0; row < pbo_csv_table_get_n_rows (table); row++)
    for (col = 0; col < pbo_csv_table_get_n_fields (table, row); col++)
      {
        const char *v = pbo_csv_table_get_field (table, row, col);
        lxw_error e = LXW_NO_ERROR;
        if (*v == '\0')
          continue;
        if (numbers && row > 0 && is_number (v))
          e = worksheet_write_number (ws, row, (lxw_col_t) col, g_ascii_strtod (v, NULL), NULL);
        else
          e = worksheet_write_string (ws, row, (lxw_col_t) col, v, NULL);
        if (e != LXW_NO_ERROR)
          return FALSE;
      }
  return TRUE;
}

/* The four sheets' CSV texts, as the commands with --format csv --raw
 * write them. */
static gboolean
build_sheets (const CliInput *in, PboDate month, gboolean redact, lxw_workbook *wb)
{
  g_autoptr (GString) members = g_string_new (NULL);
  g_autoptr (GString) stats = g_string_new (NULL);
  g_autoptr (GString) dues = g_string_new (NULL);
  g_autoptr (GString) findings = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  PboDuesSheet *sheet;
  PboFindings *found;

  pbo_members_write_csv (in->tree, in->root, members,
                         PBO_CSV_WRITE_RAW | (redact ? PBO_CSV_WRITE_REDACT : 0));
  cli_stats_write_csv_all (in->tree, in->root, stats, PBO_CSV_WRITE_RAW);
  sheet = pbo_dues_sheet_new (in->tree, in->root, month, &error);
  if (sheet != NULL)
    pbo_dues_sheet_write_csv_full (sheet, dues, PBO_CSV_WRITE_RAW);
  pbo_dues_sheet_free (sheet);
  found = sheet != NULL ? pbo_check (in->tree, in->root, NULL, &error) : NULL;
  if (found == NULL)
    {
      fprintf (stderr, "pbo export: %s\n", error->message);
      return FALSE;
    }
  pbo_findings_write_csv_full (found, findings, PBO_CSV_WRITE_RAW);
  pbo_findings_free (found);
  return add_sheet (wb, "members", members, FALSE) && add_sheet (wb, "statistics", stats, TRUE)
         && add_sheet (wb, "dues", dues, TRUE) && add_sheet (wb, "findings", findings, FALSE);
}

/* libxlsxwriter 1.1 writes only to a path: the workbook is made in a
 * private temporary folder, then copied to @path through the safe writer
 * (temporary file, fsync, rename), so a failure never leaves half a file. */
int
cli_export_xlsx (const CliInput *in, PboDate month, gboolean redact, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pbo-xlsx-XXXXXX", &error);
  g_autofree char *tmp = dir != NULL ? g_build_filename (dir, "export.xlsx", NULL) : NULL;
  lxw_workbook_options opts = { .constant_memory = LXW_FALSE, .tmpdir = dir };
  lxw_workbook *wb = tmp != NULL ? workbook_new_opt (tmp, &opts) : NULL;
  g_autoptr (GString) bytes = NULL;
  char *data = NULL;
  gsize length = 0;
  gboolean ok;

  if (path == NULL || strcmp (path, "-") == 0)
    {
      fprintf (stderr, _("pbo export: --format xlsx needs -o FILE.xlsx (a workbook is not for a "
                         "terminal)\n"));
      ok = FALSE;
    }
  else
    ok = wb != NULL && build_sheets (in, month, redact, wb);
  if (wb != NULL)
    ok = workbook_close (wb) == LXW_NO_ERROR && ok;
  if (ok && g_file_get_contents (tmp, &data, &length, &error))
    {
      bytes = g_string_new_len (data, (gssize) length);
      ok = cli_write_output (bytes, path);
    }
  else if (ok || (wb == NULL && path != NULL && strcmp (path, "-") != 0))
    {
      fprintf (stderr, _("pbo export: cannot make the workbook: %s\n"),
               error != NULL ? error->message : "libxlsxwriter failed");
      ok = FALSE;
    }
  g_free (data);
  if (tmp != NULL)
    g_unlink (tmp);
  if (dir != NULL)
    g_rmdir (dir);
  return ok ? CLI_EXIT_OK : CLI_EXIT_BAD_INPUT;
}

#endif /* PBO_CLI_HAVE_XLSXWRITER */
