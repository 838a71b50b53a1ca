/* libpbo — reading CSV (RFC 4180) in UTF-8 or GB18030.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include <pbo/pbo.h>
#include "error-private.h"
#include "csv-private.h"

typedef struct {
  guint first;    /* index of the first field in table->fields */
  guint n;
  guint line;
} CsvRow;

struct _PboCsvTable {
  GStringChunk *strings;
  GPtrArray    *fields;   /* const char *, in @strings */
  GArray       *rows;     /* CsvRow */
  const char   *encoding;
};

typedef struct {
  const char *p, *end;
  const char *line_start;
  guint       line;
  const char *filename;
  GString    *field;
} Lexer;

/* ---- encoding --------------------------------------------------------- */

/* A sheet pasted together from two files, some rows UTF-8 and others
 * GB18030, is refused: converting it whole would turn the UTF-8 rows into
 * mojibake (张三 → 寮犱笁). The first line with a non-ASCII byte sets the
 * encoding; the first line in the other one is named. (GB18030 bytes
 * never include CR or LF, so lines split alike in both.) */
static gboolean
check_one_encoding (const char *data, gsize length, const char *filename, GError **error)
{
  const char *p = data, *end = data + length;
  guint line = 1, first_line = 0;
  gboolean first_utf8 = FALSE;

  while (p < end)
    {
      const char *eol = p;
      gboolean ascii = TRUE;

      for (; eol < end && *eol != '\n' && *eol != '\r'; eol++)
        ascii = ascii && (guchar) *eol < 0x80;
      if (!ascii)
        {
          gboolean utf8 = g_utf8_validate_len (p, (gsize) (eol - p), NULL);
          if (first_line == 0)
            {
              first_line = line;
              first_utf8 = utf8;
            }
          else if (utf8 != first_utf8)
            {
              g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                           first_utf8 ? _("%s:%u: this line is not UTF-8 but line %u is: the file "
                                          "mixes two encodings (save the whole sheet again as "
                                          "“CSV UTF-8”)")
                                      : _("%s:%u: this line is UTF-8 but line %u is GB18030: the "
                                          "file mixes two encodings (save the whole sheet again "
                                          "as “CSV UTF-8”)"),
                           filename, line, first_line);
              return FALSE;
            }
        }
      p = eol;
      if (p < end)
        {
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          line++;
        }
    }
  return TRUE;
}

/* The text as UTF-8 (a copy), or NULL with an error. A UTF-8 BOM decides;
 * otherwise valid UTF-8 is taken as such and anything else is read as
 * GB18030, which Excel writes on Chinese Windows ("CSV (逗号分隔)"). */
static char *
decode (const char *data, gsize length, const char *filename, const char **encoding,
        gsize *out_length, GError **error)
{
  g_autoptr (GError) local = NULL;
  gboolean bom = length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0;
  const char *invalid = NULL;
  char *text;

  /* UTF-16 is full of NUL bytes: its hint comes first. */
  if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                   _("%s: UTF-16 text is not supported: save the sheet as “CSV UTF-8”"), filename);
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                   _("%s: holds a NUL byte: not a CSV text file"), filename);
      return NULL;
    }
  if (bom)
    {
      data += 3;
      length -= 3;
    }
  *encoding = "UTF-8";
  if (g_utf8_validate_len (data, length, &invalid))
    {
      *out_length = length;
      return g_strndup (data, length);
    }
  if (bom)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                   _("%s: not valid UTF-8 at byte %zu despite its UTF-8 byte-order mark"),
                   filename, (gsize) (invalid - data) + 3);
      return NULL;
    }
  if (!check_one_encoding (data, length, filename, error))
    return NULL;
  *encoding = "GB18030";
  text = g_convert (data, (gssize) length, "UTF-8", "GB18030", NULL, out_length, &local);
  if (text == NULL)
    g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("%s: neither UTF-8 nor GB18030 text (%s)"),
                 filename, local->message);
  return text;
}

/* ---- lexing ----------------------------------------------------------- */

/* Fails with @what (a literal: translated here; an xgettext keyword) at
 * @at on @line. */
static gboolean
lexer_fail (Lexer *lx, const char *at, guint line, const char *line_start, int code,
            GError **error, const char *what)
{
  g_propagate_error (error, pbo_error_new_at_ (code, lx->filename, line,
                                               (guint) g_utf8_pointer_to_offset (line_start, at) + 1,
                                               _(what)));
  return FALSE;
}

static gboolean
at_line_end (const Lexer *lx)
{
  return lx->p < lx->end && (*lx->p == '\n' || *lx->p == '\r');
}

/* Steps over one line end: CRLF, LF or a lone CR. */
static void
skip_line_end (Lexer *lx)
{
  if (*lx->p == '\r' && lx->p + 1 < lx->end && lx->p[1] == '\n')
    lx->p++;
  lx->p++;
  lx->line++;
  lx->line_start = lx->p;
}

static gboolean
read_quoted (Lexer *lx, GError **error)
{
  const char *open = lx->p, *open_line_start = lx->line_start;
  guint open_line = lx->line;

  for (lx->p++;; lx->p++)
    {
      if (lx->p == lx->end)
        return lexer_fail (lx, open, open_line, open_line_start, PBO_ERROR_PARSE, error,
                           "this quoted field is never closed (a quote is missing)");
      if (*lx->p == '"')
        {
          if (lx->p + 1 < lx->end && lx->p[1] == '"')
            lx->p++;
          else
            break;
        }
      else if (*lx->p == '\n' || (*lx->p == '\r' && (lx->p + 1 == lx->end || lx->p[1] != '\n')))
        {
          g_string_append_c (lx->field, *lx->p);
          lx->line++;
          lx->line_start = lx->p + 1;
          continue;
        }
      g_string_append_c (lx->field, *lx->p);
    }
  lx->p++;
  if (lx->p < lx->end && *lx->p != ',' && !at_line_end (lx))
    return lexer_fail (lx, lx->p, lx->line, lx->line_start, PBO_ERROR_PARSE, error,
                       "text after the closing quote of a field");
  return TRUE;
}

static gboolean
read_plain (Lexer *lx, GError **error)
{
  const char *start = lx->p;

  for (; lx->p < lx->end && *lx->p != ',' && !at_line_end (lx); lx->p++)
    if (*lx->p == '"')
      return lexer_fail (lx, lx->p, lx->line, lx->line_start, PBO_ERROR_PARSE, error,
                         "a quote inside an unquoted field (quote the whole field and "
                         "double the quote)");
  g_string_append_len (lx->field, start, lx->p - start);
  return TRUE;
}

static gboolean
read_field (Lexer *lx, PboCsvTable *table, GError **error)
{
  const char *start = lx->p, *start_line = lx->line_start;
  guint line = lx->line;

  g_string_truncate (lx->field, 0);
  if (!(lx->p < lx->end && *lx->p == '"' ? read_quoted (lx, error) : read_plain (lx, error)))
    return FALSE;
  if (lx->field->len > PBO_CSV_FIELD_MAX)
    return lexer_fail (lx, start, line, start_line, PBO_ERROR_LIMIT, error,
                       "field longer than 65536 bytes");
  g_ptr_array_add (table->fields, g_string_chunk_insert_len (table->strings, lx->field->str,
                                                             (gssize) lx->field->len));
  return TRUE;
}

static gboolean
read_record (Lexer *lx, PboCsvTable *table, GError **error)
{
  CsvRow row = { table->fields->len, 0, lx->line };
  const char *line_start = lx->line_start;

  for (;;)
    {
      if (!read_field (lx, table, error))
        return FALSE;
      if (++row.n > PBO_CSV_COLUMNS_MAX)
        return lexer_fail (lx, line_start, row.line, line_start, PBO_ERROR_LIMIT, error,
                           "record with more than 1024 fields");
      if (lx->p == lx->end || *lx->p != ',')
        break;
      lx->p++;
    }
  if (lx->p < lx->end)
    skip_line_end (lx);
  g_array_append_val (table->rows, row);
  return TRUE;
}

/* ---- the table -------------------------------------------------------- */

PboCsvTable *
pbo_csv_table_new_ (const char *encoding)
{
  PboCsvTable *table = g_new0 (PboCsvTable, 1);

  table->strings = g_string_chunk_new (4096);
  table->fields = g_ptr_array_new ();
  table->rows = g_array_new (FALSE, FALSE, sizeof (CsvRow));
  table->encoding = encoding;
  return table;
}

void
pbo_csv_table_append_row_ (PboCsvTable *table, guint line, const char *const *fields, guint n)
{
  CsvRow row = { table->fields->len, n, line };

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (table->fields,
                     g_string_chunk_insert (table->strings, fields[i] != NULL ? fields[i] : ""));
  g_array_append_val (table->rows, row);
}

void
pbo_csv_table_free (PboCsvTable *table)
{
  if (table == NULL)
    return;
  g_string_chunk_free (table->strings);
  g_ptr_array_unref (table->fields);
  g_array_unref (table->rows);
  g_free (table);
}

PboCsvTable *
pbo_csv_parse (const char *data, gsize length, const char *filename, GError **error)
{
  PboCsvTable *table;   /* freed by hand: clang-tidy does not follow g_autoptr's cleanup */
  g_autoptr (GString) field = NULL;
  g_autofree char *text = NULL, *shown = NULL;
  const char *encoding = NULL;
  gsize text_length = 0;
  Lexer lx;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  /* A message must be UTF-8, and a file name need not be. */
  shown = g_filename_display_name (filename != NULL ? filename : "<csv>");
  filename = shown;
  if (pbo_xlsx_is_workbook_ (data, length))
    return pbo_xlsx_parse_ (data, length, filename, error);
  text = decode (data != NULL ? data : "", length, filename, &encoding, &text_length, error);
  if (text == NULL)
    return NULL;
  table = pbo_csv_table_new_ (encoding);
  field = g_string_new (NULL);
  lx = (Lexer) { text, text + text_length, text, 1, filename, field };
  while (lx.p < lx.end)
    {
      if (at_line_end (&lx))
        skip_line_end (&lx);   /* a blank line is no record */
      else if (!read_record (&lx, table, error))
        {
          pbo_csv_table_free (table);
          return NULL;
        }
    }
  return table;
}

guint
pbo_csv_table_get_n_rows (const PboCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

static const CsvRow *
table_row (const PboCsvTable *table, guint row)
{
  return row < table->rows->len ? &g_array_index (table->rows, CsvRow, row) : NULL;
}

guint
pbo_csv_table_get_n_fields (const PboCsvTable *table, guint row)
{
  const CsvRow *r;

  g_return_val_if_fail (table != NULL, 0);
  r = table_row (table, row);
  return r != NULL ? r->n : 0;
}

const char *
pbo_csv_table_get_field (const PboCsvTable *table, guint row, guint index)
{
  const CsvRow *r;

  g_return_val_if_fail (table != NULL, NULL);
  r = table_row (table, row);
  return r != NULL && index < r->n ? g_ptr_array_index (table->fields, r->first + index) : NULL;
}

guint
pbo_csv_table_get_line (const PboCsvTable *table, guint row)
{
  const CsvRow *r;

  g_return_val_if_fail (table != NULL, 0);
  r = table_row (table, row);
  return r != NULL ? r->line : 0;
}

const char *
pbo_csv_table_get_encoding (const PboCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return table->encoding;
}
