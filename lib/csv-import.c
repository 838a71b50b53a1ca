/* libpbo — importing members from a spreadsheet (CSV), all or nothing.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "org-facts-private.h"
#include "csv-private.h"
#include "error-private.h"

#define DEFAULT_MAX_ERRORS 20

/* Columns beyond the member attributes (whose index is their PboMemberAttr). */
enum {
  COL_BRANCH = PBO_MATTR_COUNT,
  COL_ORG,
  COL_SKIP,
};

static const char *const extra_columns[] = { "branch", "org" };

/* Chinese headers (normalised: no spaces). docs/csv.md lists them. */
static const struct {
  const char *header;
  int         column;
} zh_headers[] = {
  { "编号", PBO_MATTR_ID }, { "党员编号", PBO_MATTR_ID },
  { "姓名", PBO_MATTR_NAME },
  { "性别", PBO_MATTR_GENDER },
  { "出生日期", PBO_MATTR_BORN },
  { "入党日期", PBO_MATTR_JOINED }, { "入党时间", PBO_MATTR_JOINED },
  { "转正日期", PBO_MATTR_FULL_SINCE }, { "转正时间", PBO_MATTR_FULL_SINCE },
  { "党员类别", PBO_MATTR_STATUS }, { "党员状态", PBO_MATTR_STATUS }, { "状态", PBO_MATTR_STATUS },
  { "在职/离退休", PBO_MATTR_EMPLOYMENT }, { "在职状态", PBO_MATTR_EMPLOYMENT },
  { "民族", PBO_MATTR_ETHNICITY },
  { "学历", PBO_MATTR_EDUCATION },
  { "职务", PBO_MATTR_POSITION }, { "职称", PBO_MATTR_POSITION },
  { "职务/职称", PBO_MATTR_POSITION },
  { "科室", PBO_MATTR_DEPARTMENT }, { "部门", PBO_MATTR_DEPARTMENT },
  { "科室/部门", PBO_MATTR_DEPARTMENT },
  { "党费基数", PBO_MATTR_DUES_BASE }, { "月收入", PBO_MATTR_DUES_BASE },
  { "党费基数/月收入", PBO_MATTR_DUES_BASE },
  { "党费类别", PBO_MATTR_DUES_CATEGORY },
  { "电话", PBO_MATTR_PHONE }, { "手机", PBO_MATTR_PHONE }, { "联系电话", PBO_MATTR_PHONE },
  { "电话/手机", PBO_MATTR_PHONE },
  { "身份证号", PBO_MATTR_ID_CARD }, { "身份证号码", PBO_MATTR_ID_CARD },
  { "公民身份号码", PBO_MATTR_ID_CARD },
  { "流动党员", PBO_MATTR_MOBILE },
  { "支部", COL_BRANCH }, { "所在支部", COL_BRANCH }, { "党支部", COL_BRANCH },
  { "组织", COL_ORG }, { "所在组织", COL_ORG },
};

/* Chinese spellings of enumerated values, whatever the header's language. */
static const struct {
  int         column;
  const char *zh;
  const char *v1;
} zh_values[] = {
  { PBO_MATTR_GENDER, "男", "male" }, { PBO_MATTR_GENDER, "女", "female" },
  { PBO_MATTR_STATUS, "正式党员", "full" }, { PBO_MATTR_STATUS, "正式", "full" },
  { PBO_MATTR_STATUS, "预备党员", "probationary" }, { PBO_MATTR_STATUS, "预备", "probationary" },
  { PBO_MATTR_EMPLOYMENT, "在职", "in-service" }, { PBO_MATTR_EMPLOYMENT, "退休", "retired" },
  { PBO_MATTR_EMPLOYMENT, "离休", "retired" }, { PBO_MATTR_EMPLOYMENT, "离退休", "retired" },
  { PBO_MATTR_MOBILE, "是", "true" }, { PBO_MATTR_MOBILE, "否", "false" },
  { PBO_MATTR_DUES_CATEGORY, "标准", "standard" }, { PBO_MATTR_DUES_CATEGORY, "学生", "student" },
  { PBO_MATTR_DUES_CATEGORY, "失业", "unemployed" },
  { PBO_MATTR_DUES_CATEGORY, "低保", "subsistence" },
  { PBO_MATTR_DUES_CATEGORY, "农民", "farmer" },
  { PBO_MATTR_DUES_CATEGORY, "流动党员无固定收入", "mobile-no-income" },
};

/* The problems found so far: one line each, up to a cap, then counted. */
typedef struct {
  GString    *lines;
  const char *filename;
  guint       n;
  guint       max;
  int         first_code;
  guint       first_line;   /* the error's position: the first problem's row */
} ErrorLog;

typedef struct {
  PboTree                   *tree;
  const PboCsvTable         *table;
  const PboCsvImportOptions *opts;
  int                       *columns;   /* per header field: PboMemberAttr, COL_* */
  guint                      n_columns;
  GStringChunk              *values;    /* the row's normalised values */
  ErrorLog                   log;
  guint                      added;
} Import;

static void
log_error (ErrorLog *log, guint line, int code, const char *format, ...) G_GNUC_PRINTF (4, 5);

/* One line per problem: what the row held (a quoted value may span lines)
 * is escaped. */
static void
log_error (ErrorLog *log, guint line, int code, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list ap;

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
  va_start (ap, format);
  what = g_strdup_vprintf (_(format), ap);
  va_end (ap);
  pbo_text_append_escaped (log->lines, what);
}

/* ---- headers ---------------------------------------------------------- */

/* Spaces (ASCII and U+3000) dropped, ASCII lower-cased, '_' as '-', the
 * full-width slash as '/'. */
static char *
normalise_header (const char *header)
{
  GString *out = g_string_new (NULL);
  const char *p;

  for (p = header; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0xFEFF)
        continue;
      if (c == '_')
        c = '-';
      else if (c == 0xFF0F)
        c = '/';
      else if (c < 0x80)
        c = (gunichar) g_ascii_tolower ((char) c);
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static int
column_of_header (const char *header)
{
  g_autofree char *key = normalise_header (header);
  guint i;
  int attr = pbo_member_attr_lookup_ (key, strlen (key));

  if (attr >= 0)
    return attr;
  for (i = 0; i < G_N_ELEMENTS (extra_columns); i++)
    if (strcmp (key, extra_columns[i]) == 0)
      return COL_BRANCH + (int) i;
  for (i = 0; i < G_N_ELEMENTS (zh_headers); i++)
    if (strcmp (key, zh_headers[i].header) == 0)
      return zh_headers[i].column;
  return -1;
}

static const char *
column_name (int column)
{
  return column < PBO_MATTR_COUNT ? pbo_member_attr_name_ ((PboMemberAttr) column)
                                  : extra_columns[column - COL_BRANCH];
}

const char *
pbo_csv_column_lookup (const char *header)
{
  int column;

  g_return_val_if_fail (header != NULL, NULL);
  column = column_of_header (header);
  return column >= 0 ? column_name (column) : NULL;
}

static gboolean
map_headers (Import *im)
{
  static const PboMemberAttr required[] = {
    PBO_MATTR_ID, PBO_MATTR_NAME, PBO_MATTR_STATUS, PBO_MATTR_EMPLOYMENT, PBO_MATTR_JOINED,
  };
  guint seen[COL_SKIP] = { 0 };
  guint i, n_before = im->log.n;

  im->n_columns = pbo_csv_table_get_n_fields (im->table, 0);
  im->columns = g_new (int, im->n_columns);
  for (i = 0; i < im->n_columns; i++)
    {
      const char *header = pbo_csv_table_get_field (im->table, 0, i);
      int column = column_of_header (header);
      im->columns[i] = column >= 0 ? column : COL_SKIP;
      if (column < 0 && !im->opts->ignore_unknown_columns)
        log_error (&im->log, pbo_csv_table_get_line (im->table, 0), PBO_ERROR_INVALID,
                   "column %u: unknown header “%s” (docs/csv.md lists the known ones)", i + 1,
                   header);
      else if (column >= 0 && seen[column]++ > 0)
        log_error (&im->log, pbo_csv_table_get_line (im->table, 0), PBO_ERROR_INVALID,
                   "column %u: “%s” is a second %s column", i + 1, header, column_name (column));
    }
  for (i = 0; i < G_N_ELEMENTS (required); i++)
    if (seen[required[i]] == 0)
      log_error (&im->log, pbo_csv_table_get_line (im->table, 0), PBO_ERROR_INVALID,
                 "no %s column (required)", column_name ((int) required[i]));
  return im->log.n == n_before;
}

/* ---- values ----------------------------------------------------------- */

static gboolean
read_number (const char **p, guint min_digits, guint max_digits, guint *value)
{
  guint n = 0;

  *value = 0;
  for (; g_ascii_isdigit (**p) && n < max_digits; (*p)++, n++)
    *value = *value * 10 + (guint) (**p - '0');
  return n >= min_digits;
}

static gboolean
skip_separator (const char **p, const char *const *separators)
{
  for (; *separators != NULL; separators++)
    if (g_str_has_prefix (*p, *separators))
      {
        *p += strlen (*separators);
        return TRUE;
      }
  return FALSE;
}

/* Spreadsheets write 1975/3/2, 1975.3.2 or 1975年3月2日: rewritten as
 * 1975-03-02; anything else is left for the format-v1 parser to judge. */
static const char *
normalise_date (const char *value, char *buf)
{
  static const char *const first[] = { "-", "/", ".", "年", NULL };
  static const char *const second[] = { "-", "/", ".", "月", NULL };
  static const char *const last[] = { "日", "", NULL };
  const char *p = value;
  guint y, m, d;

  if (read_number (&p, 4, 4, &y) && skip_separator (&p, first) && read_number (&p, 1, 2, &m)
      && skip_separator (&p, second) && read_number (&p, 1, 2, &d) && skip_separator (&p, last)
      && *p == '\0')
    {
      g_snprintf (buf, PBO_DATE_BUFSIZE, "%04u-%02u-%02u", y, m, d);
      return buf;
    }
  return value;
}

/* The value of field @index of @row as format v1 spells it, kept in
 * im->values; NULL when the field is empty or missing. */
static const char *
normalised_value (Import *im, guint row, guint index, int column)
{
  char date[PBO_DATE_BUFSIZE];
  const char *field = pbo_csv_table_get_field (im->table, row, index);
  char *value;
  guint i;

  if (field == NULL)
    return NULL;
  /* The mark pbo_csv_write_field() puts before a formula goes: an exported
   * sheet imports back as it was. */
  value = pbo_csv_unmark_ (g_strstrip (g_string_chunk_insert (im->values, field)));
  if (*value == '\0')
    return NULL;
  for (i = 0; i < G_N_ELEMENTS (zh_values); i++)
    if (zh_values[i].column == column && strcmp (value, zh_values[i].zh) == 0)
      return zh_values[i].v1;
  if (column == PBO_MATTR_BORN || column == PBO_MATTR_JOINED || column == PBO_MATTR_FULL_SINCE)
    return g_string_chunk_insert (im->values, normalise_date (value, date));
  if (column == PBO_MATTR_ID && im->opts->id_prefix != NULL)
    {
      g_autofree char *id = g_strconcat (im->opts->id_prefix, value, NULL);
      return g_string_chunk_insert (im->values, id);
    }
  return value;
}

/* ---- rows ------------------------------------------------------------- */

static gboolean
row_is_blank (const Import *im, guint row)
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
check_row_length (Import *im, guint row, guint line)
{
  guint i, n = pbo_csv_table_get_n_fields (im->table, row);

  for (i = im->n_columns; i < n; i++)
    if (*g_strstrip (g_string_chunk_insert (im->values,
                                            pbo_csv_table_get_field (im->table, row, i))) != '\0')
      {
        log_error (&im->log, line, PBO_ERROR_INVALID,
                   "%u fields, but the header names %u columns", n, im->n_columns);
        return FALSE;
      }
  return TRUE;
}

/* Fills @info from the row; every bad field is logged. @target is set to
 * the value of the org or branch column when there is one. */
static gboolean
row_to_info (Import *im, guint row, guint line, PboMemberInfo *info, const char **target)
{
  const char *org = NULL, *branch = NULL;
  gboolean ok = TRUE;
  guint i;

  for (i = 0; i < im->n_columns; i++)
    {
      int column = im->columns[i];
      const char *value = normalised_value (im, row, i, column);
      GError *local = NULL;
      if (column == COL_BRANCH || column == COL_ORG)
        *(column == COL_ORG ? &org : &branch) = value;
      /* Standing columns are set once the member exists (csv-standing.c). */
      else if (column != COL_SKIP && column < PBO_MATTR_STANDING
               && !pbo_member_info_set_ (info, (PboMemberAttr) column, value, &local))
        {
          const char *header = pbo_csv_table_get_field (im->table, 0, i);
          g_autofree char *key = normalise_header (header);
          gboolean same = strcmp (key, column_name (column)) == 0;
          log_error (&im->log, line, local->code, "%s%s%s", same ? "" : header,
                     same ? "" : ": ", local->message);
          g_error_free (local);
          ok = FALSE;
        }
    }
  if (info->id != NULL && !pbo_id_is_valid (info->id))
    {
      log_error (&im->log, line, PBO_ERROR_INVALID,
                 "id: “%s” is not a valid id (no spaces or colons, not starting with a digit, "
                 "'-' or '.': an id prefix makes staff numbers valid)", info->id);
      ok = FALSE;
    }
  *target = org != NULL ? org : branch;
  return ok;
}

static PboOrg *
row_target (Import *im, const char *target, guint line)
{
  PboOrg *org;

  if (target == NULL)
    {
      if (im->opts->branch == NULL)
        log_error (&im->log, line, PBO_ERROR_INVALID,
                   "no branch: give one for the whole file or in a branch column");
      return im->opts->branch;
    }
  org = pbo_tree_lookup_org (im->tree, target);
  if (org == NULL)
    log_error (&im->log, line, PBO_ERROR_UNKNOWN_ID, "branch: no org with id “%s”", target);
  return org;
}

static void
import_row (Import *im, guint row)
{
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  guint line = pbo_csv_table_get_line (im->table, row);
  const char *target = NULL;
  GError *local = NULL;
  PboOrg *org;
  PboMember *m;
  gboolean fields_ok;

  if (row_is_blank (im, row) || !check_row_length (im, row, line))
    return;
  fields_ok = row_to_info (im, row, line, &info, &target);
  org = row_target (im, target, line);
  if (!fields_ok || org == NULL)
    return;
  /* Each add is a savepoint of the transaction: a refused row undoes only
   * itself, so the later rows are still checked against the earlier ones
   * (duplicate ids within the file). */
  if ((m = pbo_edit_add_member (im->tree, org, &info, im->opts->context, &local)) != NULL
      && pbo_csv_row_standing_ (im->tree, m, im->table, row, im->columns, im->n_columns,
                                im->opts->context, &local))
    im->added++;
  else
    {
      log_error (&im->log, line, local->code, "%s", local->message);
      g_error_free (local);
    }
}

static void
finish_error (Import *im, GError **error)
{
  GError *local;

  if (im->log.n > im->log.max)
    g_string_append_printf (im->log.lines, "\n%s: … and %u more", im->log.filename,
                            im->log.n - im->log.max);
  g_string_append_printf (im->log.lines, "\n%s: %u problem%s: nothing imported",
                          im->log.filename, im->log.n, im->log.n == 1 ? "" : "s");
  local = g_error_new_literal (PBO_ERROR, im->log.first_code, im->log.lines->str);
  /* The message already names every problem's row, so only the fields are set. */
  pbo_error_set_position_ (local, im->log.filename, im->log.first_line, 0);
  g_propagate_error (error, local);
}

gboolean
pbo_csv_import_members (PboTree *tree, const char *data, gsize length, const char *filename,
                        const PboCsvImportOptions *options, guint *n_added, GError **error)
{
  static const PboCsvImportOptions defaults = PBO_CSV_IMPORT_OPTIONS_INIT;
  g_autoptr (PboCsvTable) table = NULL;
  g_autoptr (GString) lines = g_string_new (NULL);
  Import im = { 0 };
  g_autofree char *shown = NULL;
  guint row;
  gboolean ok;

  g_return_val_if_fail (tree != NULL, FALSE);
  im.opts = options != NULL ? options : &defaults;
  g_return_val_if_fail (im.opts->branch == NULL || pbo_org_get_tree (im.opts->branch) == tree,
                        FALSE);
  if (n_added != NULL)
    *n_added = 0;
  /* A message must be UTF-8, and a file name need not be. */
  shown = g_filename_display_name (filename != NULL ? filename : "<csv>");
  filename = shown;
  if (!pbo_options_version_check_ (im.opts->version, PBO_CSV_IMPORT_OPTIONS_VERSION,
                                   "CSV import", error))
    return FALSE;
  table = pbo_csv_parse (data, length, filename, error);
  if (table == NULL)
    return FALSE;
  if (pbo_csv_table_get_n_rows (table) == 0)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("%s: empty: no header row"), filename);
      return FALSE;
    }
  im = (Import) { tree, table, im.opts, NULL, 0, NULL,
                  { lines, filename, 0, im.opts->max_errors ? im.opts->max_errors
                                                            : DEFAULT_MAX_ERRORS, 0, 0 }, 0 };
  ok = map_headers (&im);
  if (ok && !pbo_edit_begin (tree, error))
    {
      g_free (im.columns);
      return FALSE;
    }
  if (ok)
    {
      im.values = g_string_chunk_new (1024);
      for (row = 1; row < pbo_csv_table_get_n_rows (table); row++)
        {
          import_row (&im, row);
          g_string_chunk_clear (im.values);
        }
      g_string_chunk_free (im.values);
      ok = im.log.n == 0;
      /* Neither fails: the transaction was opened above. */
      if (ok)
        pbo_edit_commit (tree, NULL);
      else
        pbo_edit_rollback (tree, NULL);
    }
  g_free (im.columns);
  if (!ok)
    {
      finish_error (&im, error);
      return FALSE;
    }
  if (n_added != NULL)
    *n_added = im.added;
  return TRUE;
}
