/* libpbo — spreadsheets: reading CSV, importing members from it.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_CSV_H
#define PBO_CSV_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/tree.h>
#include <pbo/edit.h>

G_BEGIN_DECLS

/*
 * CSV
 * ---
 * What HR staff exchange: a member list saved from a spreadsheet. The
 * reader takes RFC 4180 text (fields separated by commas, quoted fields
 * with doubled quotes, commas and line breaks inside; CRLF, LF or CR line
 * ends) in UTF-8 with or without a byte-order mark, or in GB18030 (what
 * Excel writes on Chinese Windows), detected because it is not valid
 * UTF-8 and converted. Blank lines are skipped. The importer maps columns
 * by their header, in English or Chinese (docs/csv.md has the table).
 */

/** PboCsvTable: an opaque table of CSV records, every field a UTF-8 string. */
typedef struct _PboCsvTable PboCsvTable;

/**
 * PBO_CSV_FIELD_MAX:
 *
 * The longest field pbo_csv_parse() accepts, in bytes (after conversion
 * to UTF-8): a defence against hostile input.
 */
#define PBO_CSV_FIELD_MAX 65536

/**
 * PBO_CSV_COLUMNS_MAX:
 *
 * The most fields pbo_csv_parse() accepts in one record.
 */
#define PBO_CSV_COLUMNS_MAX 1024

/**
 * pbo_csv_parse:
 * @data: (array length=length): the bytes of a CSV file; need not be
 *   NUL-terminated
 * @length: the number of bytes of @data
 * @filename: (nullable): the name used in error messages ("members.csv");
 *   NULL for "<csv>"
 * @error: return location for an error
 *
 * Reads a whole CSV text into a table, converting it to UTF-8 first (see
 * above). An .xlsx workbook (recognised by its content, a ZIP archive) is
 * read as its first sheet instead — shared and inline strings, numbers,
 * booleans, date cells as YYYY-MM-DD — with the sheet's row numbers as
 * lines (docs/csv.md); pbo_csv_table_get_encoding() then says "xlsx".
 * Any input is safe: this is the function to fuzz.
 *
 * Errors, each message starting "FILE:LINE:COL: " where a position is
 * known: %PBO_ERROR_INVALID (a NUL byte, UTF-16, text that is neither
 * UTF-8 nor GB18030, invalid UTF-8 after a UTF-8 byte-order mark, a
 * damaged workbook or one this build cannot read without libzip),
 * %PBO_ERROR_PARSE (an unterminated quoted field, text after a closing
 * quote, a quote inside an unquoted field), %PBO_ERROR_LIMIT (a field over
 * %PBO_CSV_FIELD_MAX bytes, a record over %PBO_CSV_COLUMNS_MAX fields).
 *
 * Returns: (transfer full) (nullable): the table, free with
 *   pbo_csv_table_free(); NULL on error. O(@length).
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT PboCsvTable *pbo_csv_parse (const char *data,
                                                              gsize       length,
                                                              const char *filename,
                                                              GError    **error);

/**
 * pbo_csv_table_free:
 * @table: (transfer full) (nullable): a table
 *
 * Frees @table and every string read from it.
 */
PBO_API void pbo_csv_table_free (PboCsvTable *table);

/** pbo_csv_table_get_n_rows: the number of records, the header included. O(1). */
PBO_API guint pbo_csv_table_get_n_rows (const PboCsvTable *table);

/**
 * pbo_csv_table_get_n_fields:
 * @table: a table
 * @row: 0 ≤ @row < pbo_csv_table_get_n_rows()
 *
 * Rows may differ in length ("ragged"): the reader keeps them as written.
 *
 * Returns: the number of fields of record @row, 0 out of range. O(1).
 */
PBO_API guint pbo_csv_table_get_n_fields (const PboCsvTable *table, guint row);

/**
 * pbo_csv_table_get_field:
 * @table: a table
 * @row: a record index
 * @index: a field index of that record
 *
 * Returns: (transfer none) (nullable): the field as UTF-8, unquoted, or
 *   NULL out of range; valid until @table is freed. O(1).
 */
PBO_API const char *pbo_csv_table_get_field (const PboCsvTable *table, guint row, guint index);

/**
 * pbo_csv_table_get_line:
 * @table: a table
 * @row: a record index
 *
 * Returns: the 1-based line of the file where record @row starts (a
 *   quoted field may span lines; blank lines are counted), 0 out of range.
 */
PBO_API guint pbo_csv_table_get_line (const PboCsvTable *table, guint row);

/**
 * pbo_csv_table_get_encoding:
 * @table: a table
 *
 * Returns: (transfer none): "UTF-8" or "GB18030", the encoding the file
 *   was read in; a static string.
 */
PBO_API const char *pbo_csv_table_get_encoding (const PboCsvTable *table);

/**
 * pbo_csv_column_lookup:
 * @header: a column header as written in a spreadsheet ("姓名", "Full_Since")
 *
 * Maps a header to the column it means, as the importer does: spaces
 * (ASCII and U+3000) are ignored, English is matched without regard to
 * case and with '_' taken as '-', a full-width slash as '/'. English names
 * are the member attribute names of format v1 plus "branch" and "org";
 * the Chinese ones are listed in docs/csv.md.
 *
 * Returns: (transfer none) (nullable): the column — a format-v1 member
 *   attribute name ("name", "full-since"), "branch" or "org" — as a
 *   static string, or NULL for an unknown header.
 */
PBO_API const char *pbo_csv_column_lookup (const char *header);

/** PBO_CSV_IMPORT_OPTIONS_VERSION: the current version of #PboCsvImportOptions. */
#define PBO_CSV_IMPORT_OPTIONS_VERSION 1

/**
 * PboCsvImportOptions:
 * @version: %PBO_CSV_IMPORT_OPTIONS_VERSION; set by %PBO_CSV_IMPORT_OPTIONS_INIT
 * @branch: (nullable): the branch or group receiving the rows that name
 *   none in an "org" or "branch" column
 * @id_prefix: (nullable): text put before every id of the file, e.g. "m"
 *   for staff numbers such as 2023001 (an id may not start with a digit)
 * @ignore_unknown_columns: skip columns with an unknown header instead of
 *   refusing the file
 * @max_errors: report at most this many errors (the rest are counted);
 *   0 for 20
 * @context: (nullable): date, reason and operator for the journal entry
 *   of each member added
 *
 * How pbo_csv_import_members() imports. Initialise with
 * %PBO_CSV_IMPORT_OPTIONS_INIT; fields are only ever appended.
 */
typedef struct {
  unsigned int          version;
  PboOrg               *branch;
  const char           *id_prefix;
  gboolean              ignore_unknown_columns;
  guint                 max_errors;
  const PboEditContext *context;
} PboCsvImportOptions;

/** PBO_CSV_IMPORT_OPTIONS_INIT: the initializer of #PboCsvImportOptions. */
#define PBO_CSV_IMPORT_OPTIONS_INIT { PBO_CSV_IMPORT_OPTIONS_VERSION, NULL, NULL, FALSE, 0, NULL }

/**
 * pbo_csv_import_members:
 * @tree: a tree with no open transaction
 * @data: (array length=length): the bytes of a CSV file (see pbo_csv_parse())
 * @length: the number of bytes of @data
 * @filename: (nullable): the name used in error messages
 * @options: (nullable): import options; NULL for the defaults
 * @n_added: (out) (optional): the number of members added
 * @error: return location for an error
 *
 * Adds a member for every non-blank row after the header, all or nothing:
 * inside one transaction of the edit module, each member through
 * pbo_edit_add_member() (so each becomes a journal entry "add-member"),
 * committed only if every row is valid and rolled back otherwise. A row
 * goes to the org named by its "org" column, else its "branch" column,
 * else @options->branch. Values are trimmed; Chinese values (男/女,
 * 正式党员/预备党员, 在职/退休/离退休, 是/否, …) and the date spellings
 * 1975/3/2, 1975.3.2 and 1975年3月2日 are accepted beside the format-v1
 * spellings. Columns id, name, status, employment and joined are required.
 *
 * Every bad row is reported, not only the first: the error message holds
 * one line per problem, "FILE:LINE: COLUMN: what is wrong", LINE being
 * the line where the row starts, up to @options->max_errors lines and then
 * a count of the rest.
 *
 * Errors: those of pbo_csv_parse(); %PBO_ERROR_FAILED (a transaction is
 * open); %PBO_ERROR_INVALID (unsupported options version, an empty file,
 * bad headers); for bad rows, the code of the first row's error
 * (%PBO_ERROR_INVALID, %PBO_ERROR_DUPLICATE_ID, %PBO_ERROR_UNKNOWN_ID,
 * %PBO_ERROR_CONTAINMENT, %PBO_ERROR_INCONSISTENT). On any error @tree is
 * exactly as before.
 *
 * Returns: %TRUE if every row was imported. O(@length + rows × depth).
 */
PBO_API gboolean pbo_csv_import_members (PboTree                   *tree,
                                         const char                *data,
                                         gsize                      length,
                                         const char                *filename,
                                         const PboCsvImportOptions *options,
                                         guint                     *n_added,
                                         GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PboCsvTable, pbo_csv_table_free)

G_END_DECLS

#endif /* PBO_CSV_H */
