/* libpbo — spreadsheets: reading CSV, importing members from it; the cells
 * every writer of the library writes (CSV fields, text for people).
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
#define PBO_CSV_IMPORT_OPTIONS_VERSION 2

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
 * @header_map: (nullable) (array zero-terminated=1): pairs of a header
 *   as the sheet writes it and the column it means — a member attribute
 *   name, "branch", "org", a header libpbo knows ("工号"), or "-" to skip
 *   the column — ended by a NULL header: `{ "人事编码", "id", "备注", "-",
 *   NULL }`. The map is consulted before the built-in headers, so it may
 *   also give a known header another meaning (version 2, since 1.1)
 * @update: a row whose id is a member of the tree changes that member
 *   (pbo_edit_update_member(); empty cells keep their value, the member
 *   stays in its org) instead of being refused as a duplicate; the other
 *   rows add members. Only the id column is then required (version 2)
 * @sheet: (nullable): the name of the .xlsx sheet to read; NULL for the
 *   first. A CSV file with a sheet named is refused (version 2)
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
  /* version 2 */
  const char *const    *header_map;
  gboolean              update;
  const char           *sheet;
} PboCsvImportOptions;

/** PBO_CSV_IMPORT_OPTIONS_INIT: the initializer of #PboCsvImportOptions. */
#define PBO_CSV_IMPORT_OPTIONS_INIT { PBO_CSV_IMPORT_OPTIONS_VERSION, NULL, NULL, FALSE, 0, NULL, \
    NULL, FALSE, NULL }

/**
 * pbo_csv_import_options_init:
 * @options: (out caller-allocates): the struct to initialise
 * @version: %PBO_CSV_IMPORT_OPTIONS_VERSION, or the version of an older release
 *
 * Initialises @options as %PBO_CSV_IMPORT_OPTIONS_INIT does, for bindings and for callers that
 * cannot use an initialiser: only the fields of @version are written, and
 * its version field is set to @version.
 *
 * Returns: %TRUE if @version is supported (1 to %PBO_CSV_IMPORT_OPTIONS_VERSION); %FALSE, leaving
 *   @options untouched, otherwise.
 *
 * Since: 1.1
 */
PBO_API gboolean pbo_csv_import_options_init (PboCsvImportOptions *options, unsigned int version);

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

/**
 * PboCsvImportReport:
 *
 * What pbo_csv_import_members_full() did: the members added, updated and
 * left unchanged, those of the tree the sheet left out (with
 * #PboCsvImportOptions.update), and every problem found, cell by cell.
 * Opaque; free with pbo_csv_import_report_free().
 *
 * Since: 1.1
 */
typedef struct _PboCsvImportReport PboCsvImportReport;

/**
 * PboImportProblem:
 *
 * One problem of an import: where (line, column), what kind (a #PboError
 * code), the cell as the file holds it, and the message. Opaque, owned by
 * its #PboCsvImportReport.
 *
 * Since: 1.1
 */
typedef struct _PboImportProblem PboImportProblem;

/**
 * pbo_csv_import_members_full:
 * @tree: a tree with no open transaction
 * @data: (array length=length): the bytes of a CSV file or .xlsx workbook
 * @length: the number of bytes of @data
 * @filename: (nullable): the name used in error messages
 * @options: (nullable): import options; NULL for the defaults
 * @report: (out) (optional) (transfer full) (nullable): what the import
 *   did or, when it failed, every problem: those of the headers and rows,
 *   or the one error of a file that cannot be read as a table (its
 *   message, code and position; without "FILE:LINE:COL: "); NULL only
 *   when the options were refused. Free with pbo_csv_import_report_free().
 * @error: return location for an error
 *
 * pbo_csv_import_members() with its whole outcome. With
 * #PboCsvImportOptions.update, members whose id is in the tree are
 * updated, each change a journal entry "update-member" inside the same
 * transaction as the "add-member" entries of the new ones: all or
 * nothing. Members are never removed: those of the tree (of
 * #PboCsvImportOptions.branch's subtree when given) the sheet does not
 * name are listed by pbo_csv_import_report_get_missing(). An id that is
 * on two rows of the sheet is a problem of the second row whether or not
 * the first was imported.
 *
 * Errors: as pbo_csv_import_members(), also %PBO_ERROR_INVALID for a
 * #PboCsvImportOptions.header_map naming no column or a sheet the
 * workbook lacks.
 *
 * Returns: %TRUE if every row was imported. O(@length + rows × depth).
 * Since: 1.1
 */
PBO_API gboolean pbo_csv_import_members_full (PboTree                   *tree,
                                              const char                *data,
                                              gsize                      length,
                                              const char                *filename,
                                              const PboCsvImportOptions *options,
                                              PboCsvImportReport       **report,
                                              GError                   **error);

/**
 * pbo_csv_import_report_free:
 * @report: (transfer full) (nullable): a report
 *
 * Frees @report, its problems and the strings they hold.
 * Since: 1.1
 */
PBO_API void pbo_csv_import_report_free (PboCsvImportReport *report);

/** pbo_csv_import_report_get_n_added: the members added. Since: 1.1 */
PBO_API guint pbo_csv_import_report_get_n_added (const PboCsvImportReport *report);

/** pbo_csv_import_report_get_n_updated: the members changed by --update. Since: 1.1 */
PBO_API guint pbo_csv_import_report_get_n_updated (const PboCsvImportReport *report);

/**
 * pbo_csv_import_report_get_n_unchanged:
 * @report: a report
 *
 * Returns: the members of the sheet already in the tree exactly as the
 *   sheet has them (with #PboCsvImportOptions.update). Since: 1.1
 */
PBO_API guint pbo_csv_import_report_get_n_unchanged (const PboCsvImportReport *report);

/**
 * pbo_csv_import_report_get_missing:
 * @report: a report
 * @n_missing: (out) (optional): the number of ids
 *
 * The members of the tree (or of the branch the options named) whose id
 * the sheet does not hold, in document order, when the import was an
 * update; they were kept.
 *
 * Returns: (transfer none) (array zero-terminated=1): their ids, valid
 *   until @report is freed. Since: 1.1
 */
PBO_API const char *const *pbo_csv_import_report_get_missing (const PboCsvImportReport *report,
                                                              guint *n_missing);

/** pbo_csv_import_report_get_n_problems: the problems found (all of them, beyond max_errors). Since: 1.1 */
PBO_API guint pbo_csv_import_report_get_n_problems (const PboCsvImportReport *report);

/**
 * pbo_csv_import_report_get_problem:
 * @report: a report
 * @index: 0 ≤ @index < pbo_csv_import_report_get_n_problems()
 *
 * Problems come in the order of the sheet, the header's first.
 *
 * Returns: (transfer none) (nullable): the problem, valid until @report
 *   is freed; NULL out of range. Since: 1.1
 */
PBO_API const PboImportProblem *pbo_csv_import_report_get_problem (const PboCsvImportReport *report,
                                                                   guint index);

/**
 * pbo_csv_import_report_write_problems_csv:
 * @report: a report
 * @out: the string to append to
 * @flags: how fields are written (pbo_csv_write_field())
 *
 * Appends the problems as CSV, for a spreadsheet that marks the bad
 * cells: a header row `line,column,code,header,value,message`, then one
 * row per problem; column is empty for a problem of a whole row, code is
 * one of invalid, duplicate-id, unknown-id, containment, inconsistent,
 * limit, parse. O(problems).
 * Since: 1.1
 */
PBO_API void pbo_csv_import_report_write_problems_csv (const PboCsvImportReport *report,
                                                       GString                  *out,
                                                       PboCsvWriteFlags          flags);

/** pbo_import_problem_get_line: the line (CSV) or row (.xlsx) of the problem; 1 is the header. Since: 1.1 */
PBO_API guint pbo_import_problem_get_line (const PboImportProblem *problem);

/** pbo_import_problem_get_column: the 1-based column of the cell, 0 for a problem of the whole row. Since: 1.1 */
PBO_API guint pbo_import_problem_get_column (const PboImportProblem *problem);

/** pbo_import_problem_get_code: the #PboError code of the problem. Since: 1.1 */
PBO_API int pbo_import_problem_get_code (const PboImportProblem *problem);

/**
 * pbo_import_problem_get_header:
 * @problem: a problem
 *
 * Returns: (transfer none) (nullable): the header of the problem's
 *   column, NULL for a problem of the whole row. Since: 1.1
 */
PBO_API const char *pbo_import_problem_get_header (const PboImportProblem *problem);

/**
 * pbo_import_problem_get_value:
 * @problem: a problem
 *
 * Returns: (transfer none) (nullable): the cell as the file holds it
 *   (untrimmed), NULL for a problem of a whole row or of the header.
 *   Since: 1.1
 */
PBO_API const char *pbo_import_problem_get_value (const PboImportProblem *problem);

/**
 * pbo_import_problem_get_message:
 * @problem: a problem
 *
 * Returns: (transfer none): what is wrong, in the locale's language,
 *   without the file and line ("born: “1975-13-02” is not a date …").
 *   Since: 1.1
 */
PBO_API const char *pbo_import_problem_get_message (const PboImportProblem *problem);

/**
 * pbo_csv_write_field:
 * @out: the string to append to
 * @field: (nullable): the value, UTF-8; NULL is the empty field
 * @flags: %PBO_CSV_WRITE_DEFAULT, or %PBO_CSV_WRITE_RAW not to mark formulas
 *
 * Appends @field as one CSV field (RFC 4180, quoted only when it holds a
 * comma, a quote, a CR or a LF, its quotes doubled), without a separator,
 * marked as #PboCsvWriteFlags says. Every CSV that libpbo and `pbo` write
 * goes through this function. O(length of @field).
 */
PBO_API void pbo_csv_write_field (GString *out, const char *field, PboCsvWriteFlags flags);

/**
 * pbo_members_write_csv:
 * @tree: a tree
 * @root: (nullable): the subtree whose members to write; NULL for all
 * @out: the string to append to
 * @flags: %PBO_CSV_WRITE_RAW not to mark formulas, %PBO_CSV_WRITE_REDACT
 *   to leave out ID-card numbers and phones and keep the birth year only
 *
 * Appends the member CSV: pbo_members_write_csv_header(), then
 * pbo_member_write_csv() for every member in document order, with the
 * standing columns when pbo_tree_has_standings() — the sheet
 * `pbo export --format csv` writes and pbo_csv_import_members() reads back
 * (its org column names each member's org). O(members).
 * Since: 1.1
 */
PBO_API void pbo_members_write_csv (const PboTree *tree, PboOrg *root, GString *out,
                                    PboCsvWriteFlags flags);

/**
 * pbo_members_write_csv_header:
 * @out: the string to append to
 * @flags: %PBO_CSV_WRITE_STANDINGS for the standing columns after `branch`
 *
 * Appends the member CSV's header row, `id,name,gender,born,joined,
 * full_since,status,employment,ethnicity,education,position,department,
 * dues_base,dues_category,phone,id_card,mobile,org,branch` (then the
 * standing columns, with %PBO_CSV_WRITE_STANDINGS) and a LF.
 * Columns are only ever appended in later releases.
 * Since: 1.1
 */
PBO_API void pbo_members_write_csv_header (GString *out, PboCsvWriteFlags flags);

/**
 * pbo_member_write_csv:
 * @member: a member
 * @out: the string to append to
 * @flags: as for pbo_members_write_csv()
 *
 * Appends one row of the member CSV, LF-terminated: for a writer that
 * streams a large tree block by block instead of building it whole.
 * Since: 1.1
 */
PBO_API void pbo_member_write_csv (PboMember *member, GString *out, PboCsvWriteFlags flags);

/**
 * pbo_text_append_escaped:
 * @out: the string to append to
 * @text: (nullable): UTF-8 text from a file (a name, a title); NULL appends
 *   nothing
 *
 * Appends @text for a terminal or a text table, with what could forge a
 * line or hide one escaped: a line feed as `\n`, a CR as `\r`, a tab as
 * `\t`, other C0 controls and DEL as `\xHH`, C1 controls, the line and
 * paragraph separators and the bidirectional controls (U+202A–U+202E,
 * U+2066–U+2069) as `\uHHHH`, and a byte that is not UTF-8 as `\xHH`.
 * Every text writer of the library (pbo_findings_write_text(),
 * pbo_diff_write_text(), …) and every table of `pbo` goes through this
 * function. O(length of @text).
 */
PBO_API void pbo_text_append_escaped (GString *out, const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PboCsvTable, pbo_csv_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PboCsvImportReport, pbo_csv_import_report_free)

G_END_DECLS

#endif /* PBO_CSV_H */
