/* libpbo — the cells of the writers: CSV fields, text escaped, money.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_CSV_PRIVATE_H
#define PBO_CSV_PRIVATE_H

#include <pbo/pbo.h>
#include "tree-private.h" /* PboMemberAttr */

G_BEGIN_DECLS

/* Bytes pbo_format_yuan_() may write, NUL included ("-92233720368547758.08"). */
#define PBO_YUAN_BUFSIZE 32

/* Appends one CSV row of pbo_csv_write_field()s with @flags from the
 * NULL-terminated list of fields, then LF. NULL ends the list, so an empty
 * field is passed as "". */
void        pbo_csv_row_       (GString *out, PboCsvWriteFlags flags, const char *first, ...)
  G_GNUC_NULL_TERMINATED;
/* @value without the ' pbo_csv_write_field() puts before a formula (a
 * pointer into @value): what the importer reads. */
char       *pbo_csv_unmark_    (char *value);
/* pbo_text_append_escaped() into a new string, freed with g_free(). */
char       *pbo_text_escape_   (const char *text) G_GNUC_MALLOC;
/* Writes @fen as yuan with two decimals ("40.00", "-0.05") into @buf. */
char       *pbo_format_yuan_ (gint64 fen, char *buf);

/* A table built by a reader other than the CSV lexer (the .xlsx reader):
 * @encoding is a static string pbo_csv_table_get_encoding() returns;
 * fields are copied. */
PboCsvTable *pbo_csv_table_new_        (const char *encoding);
void         pbo_csv_table_append_row_ (PboCsvTable *table, guint line,
                                        const char *const *fields, guint n);

/* TRUE when @data starts like a ZIP archive, as every .xlsx does. */
gboolean     pbo_xlsx_is_workbook_     (const char *data, gsize length);
/* The first sheet of the .xlsx workbook @data as a table (xlsx-read.c):
 * shared and inline strings, numbers, booleans, and numbers formatted as
 * dates turned into YYYY-MM-DD; LINE is the sheet's row number.
 * PBO_ERROR_INVALID for a damaged workbook or one built without libzip. */
PboCsvTable *pbo_xlsx_parse_           (const char *data, gsize length, const char *filename,
                                        GError **error);
/* The same for the sheet named @sheet (NULL: the first); PBO_ERROR_INVALID
 * when the workbook has none of that name. */
PboCsvTable *pbo_xlsx_parse_sheet_     (const char *data, gsize length, const char *filename,
                                        const char *sheet, GError **error);

/* The member CSV's columns (csv-members.c), for every writer of member
 * sheets: the header's fields, or one member's (NULL for an empty cell,
 * redacted as PBO_CSV_WRITE_REDACT says). The values live in @row and in
 * the tree: valid until the row is filled again or the member changes. */
#define PBO_MEMBER_ROW_MAX 24
typedef struct {
  const char *values[PBO_MEMBER_ROW_MAX];
  char        bufs[PBO_MEMBER_ROW_MAX][PBO_MATTR_BUFSIZE];
  guint       n;
} PboMemberRow;
void         pbo_members_csv_header_   (PboMemberRow *row, gboolean standings);
void         pbo_members_csv_row_      (PboMemberRow *row, const PboMember *m,
                                        PboCsvWriteFlags flags);

/* Bytes pbo_value_spelling_() may write, NUL included. */
#define PBO_VALUE_BUFSIZE 64

/* @value (trimmed) as format v1 spells it for @attr (an int holding a
 * PboMemberAttr): 男 → male, 1984/5/4 → 1984-05-04, ￥4,000 → 4000; written
 * into @buf or @value itself; what no spelling fits is returned as it is,
 * for the v1 parser to judge (value.c). */
const char  *pbo_value_spelling_       (int attr, const char *value, char *buf);
/* A copy of @text without surrounding Unicode spaces (U+3000 too). */
char        *pbo_value_trim_           (const char *text) G_GNUC_MALLOC;

/* The standing columns of @row for @m, just added (csv-standing.c). */
gboolean pbo_csv_row_standing_ (PboTree *tree, PboMember *m, const PboCsvTable *table, guint row,
                                const int *columns, guint n_columns, const PboEditContext *ctx,
                                GError **error);

G_END_DECLS

#endif /* PBO_CSV_PRIVATE_H */
