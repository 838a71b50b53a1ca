/* libpbo — importing members from a spreadsheet (CSV, .xlsx), all or
 * nothing; with --update, changing the members already there.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "org-facts-private.h"
#include "csv-import-private.h"
#include "error-private.h"

#define DEFAULT_MAX_ERRORS 20

/* One line per problem in the error message, up to a cap, then counted;
 * every problem in the report, with its cell. What the row held (a quoted
 * value may span lines) is escaped in the message. */
void
pbo_import_problem_ (PboImport *im, guint row, int field, int code, const char *format, ...)
{
  PboImportLog *log = &im->log;
  guint line = pbo_csv_table_get_line (im->table, row);
  g_autofree char *what = NULL;
  va_list ap;

  va_start (ap, format);
  what = g_strdup_vprintf (_(format), ap);
  va_end (ap);
  pbo_csv_import_report_add_problem_ (
    im->report, line, field >= 0 ? (guint) field + 1 : 0, code,
    field >= 0 ? pbo_csv_table_get_field (im->table, 0, (guint) field) : NULL,
    field >= 0 && row > 0 ? pbo_csv_table_get_field (im->table, row, (guint) field) : NULL,
    what);
  if (log->n++ == 0)
    {
      log->first_code = code;
      log->first_line = line;
    }
  if (log->n > log->max)
    return;
  if (log->lines->len > 0)
    g_string_append_c (log->lines, '\n');
  g_string_append_printf (log->lines, "%s:%u: ", log->filename, line);
  pbo_text_append_escaped (log->lines, what);
}

/* ---- headers ---------------------------------------------------------- */

/* A map pair whose column is unknown would silently drop data: refused. */
static void
check_map (PboImport *im)
{
  const char *const *map = im->opts->version >= 2 ? im->opts->header_map : NULL;

  for (; map != NULL && map[0] != NULL; map += 2)
    if (map[1] == NULL || pbo_csv_map_target_ (map[1]) == PBO_COL_NONE)
      pbo_import_problem_ (im, 0, -1, PBO_ERROR_INVALID,
                           "map: “%s” is not a column (a member attribute, branch, org or -)",
                           map[1] != NULL ? map[1] : "");
}

static gboolean
map_headers (PboImport *im)
{
  static const PboMemberAttr required[] = {
    PBO_MATTR_ID, PBO_MATTR_NAME, PBO_MATTR_STATUS, PBO_MATTR_EMPLOYMENT, PBO_MATTR_JOINED,
  };
  const char *const *map = im->opts->version >= 2 ? im->opts->header_map : NULL;
  guint seen[PBO_COL_SKIP] = { 0 };
  guint i, n_before = im->log.n;

  check_map (im);
  im->n_columns = pbo_csv_table_get_n_fields (im->table, 0);
  im->columns = g_new (int, im->n_columns);
  for (i = 0; i < im->n_columns; i++)
    {
      const char *header = pbo_csv_table_get_field (im->table, 0, i);
      int column = pbo_csv_header_column_ (header, map);
      im->columns[i] = column != PBO_COL_NONE ? column : PBO_COL_SKIP;
      if (column == PBO_COL_NONE && !im->opts->ignore_unknown_columns)
        pbo_import_problem_ (im, 0, (int) i, PBO_ERROR_INVALID,
                             "column %u: unknown header “%s” (docs/csv.md lists the known ones; "
                             "--map HEADER=COLUMN names another)", i + 1, header);
      else if (column >= 0 && column < PBO_COL_SKIP && seen[column]++ > 0)
        pbo_import_problem_ (im, 0, (int) i, PBO_ERROR_INVALID,
                             "column %u: “%s” is a second %s column", i + 1, header,
                             pbo_csv_column_name_ (column));
    }
  /* --update may change one column of existing members: only the id is
   * needed then, the rest is checked for the rows that add a member. */
  for (i = 0; i < G_N_ELEMENTS (required); i++)
    if (seen[required[i]] == 0 && (i == 0 || !(im->opts->version >= 2 && im->opts->update)))
      pbo_import_problem_ (im, 0, -1, PBO_ERROR_INVALID, "no %s column (required)",
                           pbo_csv_column_name_ ((int) required[i]));
  return im->log.n == n_before;
}

/* ---- values ----------------------------------------------------------- */

const char *
pbo_import_value_ (PboImport *im, guint row, guint index, int column)
{
  char buf[PBO_VALUE_BUFSIZE];
  const char *field = pbo_csv_table_get_field (im->table, row, index);
  g_autofree char *trimmed = NULL;
  char *value;

  if (field == NULL)
    return NULL;
  /* The mark pbo_csv_write_field() puts before a formula goes: an exported
   * sheet imports back as it was. */
  trimmed = pbo_value_trim_ (field);
  value = pbo_csv_unmark_ (trimmed);
  if (*value == '\0')
    return NULL;
  if (column == PBO_MATTR_ID && im->opts->id_prefix != NULL)
    {
      g_autofree char *id = g_strconcat (im->opts->id_prefix, value, NULL);
      return g_string_chunk_insert (im->values, id);
    }
  return g_string_chunk_insert (im->values, pbo_value_spelling_ (column, value, buf));
}

/* ---- rows ------------------------------------------------------------- */

static gboolean
row_is_blank (const PboImport *im, guint row)
{
  guint i, n = pbo_csv_table_get_n_fields (im->table, row);

  for (i = 0; i < n; i++)
    {
      const char *p = pbo_csv_table_get_field (im->table, row, i);
      for (; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }
  return TRUE;
}

/* Checks the fields beyond the header: empty ones (trailing commas) are
 * harmless, a value there would be lost. */
static gboolean
check_row_length (PboImport *im, guint row)
{
  guint i, n = pbo_csv_table_get_n_fields (im->table, row);

  for (i = im->n_columns; i < n; i++)
    if (*g_strstrip (g_string_chunk_insert (im->values,
                                            pbo_csv_table_get_field (im->table, row, i))) != '\0')
      {
        pbo_import_problem_ (im, row, -1, PBO_ERROR_INVALID,
                             "%u fields, but the header names %u columns", n, im->n_columns);
        return FALSE;
      }
  return TRUE;
}

/* Fills @info from the row; every bad field is logged. @target is set to
 * the field index of the org or branch column that names the row's org
 * (-1 when none does). */
static gboolean
row_to_info (PboImport *im, guint row, PboMemberInfo *info, int *target)
{
  int org = -1, branch = -1, id_field = -1;
  gboolean ok = TRUE;
  guint i;

  for (i = 0; i < im->n_columns; i++)
    {
      int column = im->columns[i];
      const char *value = pbo_import_value_ (im, row, i, column);
      GError *local = NULL;
      if (column == PBO_COL_BRANCH || column == PBO_COL_ORG)
        {
          if (value != NULL)
            *(column == PBO_COL_ORG ? &org : &branch) = (int) i;
        }
      /* Standing columns are set once the member exists (csv-standing.c). */
      else if (column != PBO_COL_SKIP && column < PBO_MATTR_STANDING
               && !pbo_member_info_set_ (info, (PboMemberAttr) column, value, &local))
        {
          const char *header = pbo_csv_table_get_field (im->table, 0, i);
          g_autofree char *key = pbo_csv_header_key_ (header);
          gboolean same = strcmp (key, pbo_csv_column_name_ (column)) == 0;
          pbo_import_problem_ (im, row, (int) i, local->code, "%s%s%s", same ? "" : header,
                               same ? "" : ": ", local->message);
          g_error_free (local);
          ok = FALSE;
        }
      if (column == PBO_MATTR_ID)
        id_field = (int) i;
    }
  if (info->id != NULL && !pbo_id_is_valid (info->id))
    {
      pbo_import_problem_ (im, row, id_field, PBO_ERROR_INVALID,
                           "id: “%s” is not a valid id (no spaces or colons, not starting with "
                           "a digit, '-' or '.': an id prefix makes staff numbers valid)",
                           info->id);
      info->id = NULL;
      ok = FALSE;
    }
  *target = org >= 0 ? org : branch;
  return ok;
}

static PboOrg *
row_target (PboImport *im, guint row, int target)
{
  const char *id;
  PboOrg *org;

  if (target < 0)
    {
      if (im->opts->branch == NULL)
        pbo_import_problem_ (im, row, -1, PBO_ERROR_INVALID,
                             "no branch: give one for the whole file or in a branch column");
      return im->opts->branch;
    }
  id = pbo_import_value_ (im, row, (guint) target, im->columns[target]);
  org = pbo_tree_lookup_org (im->tree, id);
  if (org == NULL)
    pbo_import_problem_ (im, row, target, PBO_ERROR_UNKNOWN_ID, "branch: no org with id “%s”",
                         id);
  return org;
}

/* Every id used twice in the sheet is reported, whether or not its first
 * row was imported: FALSE for a repeat. */
static gboolean
note_id (PboImport *im, guint row, const char *id)
{
  guint line = pbo_csv_table_get_line (im->table, row);
  gpointer first;

  if (id == NULL)
    return TRUE;
  if (g_hash_table_lookup_extended (im->seen, id, NULL, &first))
    {
      pbo_import_problem_ (im, row, -1, PBO_ERROR_DUPLICATE_ID,
                           "id “%s” is already on line %u of the sheet", id,
                           GPOINTER_TO_UINT (first));
      return FALSE;
    }
  g_hash_table_insert (im->seen, g_strdup (id), GUINT_TO_POINTER (line));
  return TRUE;
}

static gboolean
updating (const PboImport *im)
{
  return im->opts->version >= 2 && im->opts->update;
}

static void
import_row (PboImport *im, guint row)
{
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  GError *local = NULL;
  PboMember *existing;
  PboOrg *org;
  PboMember *m;
  gboolean fields_ok;
  int target = -1;

  if (row_is_blank (im, row) || !check_row_length (im, row))
    return;
  fields_ok = row_to_info (im, row, &info, &target);
  if (!note_id (im, row, info.id))
    return;
  existing = info.id != NULL && updating (im) ? pbo_tree_lookup_member (im->tree, info.id)
                                               : NULL;
  if (existing != NULL)
    {
      if (fields_ok)
        pbo_import_update_row_ (im, row, existing);
      return;
    }
  org = row_target (im, row, target);
  if (!fields_ok || org == NULL)
    return;
  /* Each add is a savepoint of the transaction: a refused row undoes only
   * itself, so the later rows are still checked against the earlier ones
   * (duplicate ids within the file). */
  if ((m = pbo_edit_add_member (im->tree, org, &info, im->opts->context, &local)) != NULL
      && pbo_csv_row_standing_ (im->tree, m, im->table, row, im->columns, im->n_columns,
                                im->opts->context, &local))
    im->report->added++;
  else
    {
      pbo_import_problem_ (im, row, -1, local->code, "%s", local->message);
      g_error_free (local);
    }
}

static void
finish_error (PboImport *im, GError **error)
{
  GError *local;

  if (im->log.n > im->log.max)
    g_string_append_printf (im->log.lines, _("\n%s: … and %u more"), im->log.filename,
                            im->log.n - im->log.max);
  g_string_append_printf (im->log.lines, _("\n%s: %u problem%s: nothing imported"),
                          im->log.filename, im->log.n, im->log.n == 1 ? "" : "s");
  local = g_error_new_literal (PBO_ERROR, im->log.first_code, im->log.lines->str);
  /* The message already names every problem's row, so only the fields are set. */
  pbo_error_set_position_ (local, im->log.filename, im->log.first_line, 0);
  g_propagate_error (error, local);
}

/* Every row inside one transaction: committed when none was refused. */
static gboolean
import_rows (PboImport *im, GError **error)
{
  guint row;
  gboolean ok;

  if (!pbo_edit_begin (im->tree, error))
    return FALSE;
  im->values = g_string_chunk_new (1024);
  im->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (row = 1; row < pbo_csv_table_get_n_rows (im->table); row++)
    {
      import_row (im, row);
      g_string_chunk_clear (im->values);
    }
  if (updating (im))
    pbo_import_list_missing_ (im);
  g_hash_table_unref (im->seen);
  g_string_chunk_free (im->values);
  ok = im->log.n == 0;
  /* Neither fails: the transaction was opened above. */
  if (ok)
    pbo_edit_commit (im->tree, NULL);
  else
    pbo_edit_rollback (im->tree, NULL);
  if (!ok)
    finish_error (im, error);
  return ok;
}

static PboCsvTable *
read_table (const char *data, gsize length, const char *filename,
            const PboCsvImportOptions *opts, GError **error)
{
  const char *sheet = opts->version >= 2 ? opts->sheet : NULL;

  if (sheet != NULL && !pbo_xlsx_is_workbook_ (data, length))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                   _("%s: a sheet was named (“%s”), but this is not an .xlsx workbook"),
                   filename, sheet);
      return NULL;
    }
  return sheet != NULL ? pbo_xlsx_parse_sheet_ (data, length, filename, sheet, error)
                       : pbo_csv_parse (data, length, filename, error);
}

/* A file that cannot be read as a table (an unterminated quote, a damaged
 * workbook) is one problem of the report too, at the error's position,
 * so that an import screen shows every failure the same way. */
static void
report_unreadable (const char *filename, GError **error, PboCsvImportReport **report)
{
  guint line = 0, column = 0;
  const char *message;

  if (report == NULL || error == NULL || *error == NULL)
    return;
  pbo_error_get_position (*error, &line, &column);
  /* The problem's message goes without the "FILE:LINE:COL: " the fields hold. */
  message = (*error)->message;
  if (g_str_has_prefix (message, filename))
    {
      const char *p = message + strlen (filename);
      while (*p == ':' && g_ascii_isdigit (p[1]))
        for (p++; g_ascii_isdigit (*p); p++)
          ;
      if (g_str_has_prefix (p, ": "))
        message = p + 2;
    }
  *report = pbo_csv_import_report_new_ ();
  pbo_csv_import_report_add_problem_ (*report, line, column, (*error)->code, NULL, NULL,
                                      message);
}

gboolean
pbo_csv_import_members_full (PboTree *tree, const char *data, gsize length,
                             const char *filename, const PboCsvImportOptions *options,
                             PboCsvImportReport **report, GError **error)
{
  static const PboCsvImportOptions defaults = PBO_CSV_IMPORT_OPTIONS_INIT;
  g_autoptr (PboCsvTable) table = NULL;
  g_autoptr (GString) lines = g_string_new (NULL);
  g_autofree char *shown = NULL;
  PboImport im = { 0 };
  gboolean ok;

  g_return_val_if_fail (tree != NULL, FALSE);
  im.opts = options != NULL ? options : &defaults;
  g_return_val_if_fail (im.opts->branch == NULL || pbo_org_get_tree (im.opts->branch) == tree,
                        FALSE);
  if (report != NULL)
    *report = NULL;
  /* A message must be UTF-8, and a file name need not be. */
  shown = g_filename_display_name (filename != NULL ? filename : "<csv>");
  filename = shown;
  if (!pbo_options_version_check_ (im.opts->version, PBO_CSV_IMPORT_OPTIONS_VERSION,
                                   "CSV import", error))
    return FALSE;
  table = read_table (data, length, filename, im.opts, error);
  if (table == NULL)
    {
      report_unreadable (filename, error, report);
      return FALSE;
    }
  if (pbo_csv_table_get_n_rows (table) == 0)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("%s: empty: no header row"), filename);
      return FALSE;
    }
  im = (PboImport) { tree, table, im.opts, NULL, 0, NULL,
                     { lines, filename, 0, im.opts->max_errors ? im.opts->max_errors
                                                               : DEFAULT_MAX_ERRORS, 0, 0 },
                     pbo_csv_import_report_new_ (), NULL };
  ok = map_headers (&im);
  if (!ok)
    finish_error (&im, error);
  else
    ok = import_rows (&im, error);
  g_free (im.columns);
  if (report != NULL)
    *report = im.report;
  else
    pbo_csv_import_report_free (im.report);
  return ok;
}

gboolean
pbo_csv_import_members (PboTree *tree, const char *data, gsize length, const char *filename,
                        const PboCsvImportOptions *options, guint *n_added, GError **error)
{
  g_autoptr (PboCsvImportReport) report = NULL;
  gboolean ok = pbo_csv_import_members_full (tree, data, length, filename, options, &report,
                                             error);

  if (n_added != NULL)
    *n_added = ok ? report->added : 0;
  return ok;
}
