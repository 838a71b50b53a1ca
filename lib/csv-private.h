/* libpbo — CSV and money formatting shared by the report writers.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_CSV_PRIVATE_H
#define PBO_CSV_PRIVATE_H

#include <pbo/pbo.h>

G_BEGIN_DECLS

/* Bytes pbo_format_yuan_() may write, NUL included ("-92233720368547758.08"). */
#define PBO_YUAN_BUFSIZE 32

/* Appends one CSV row (RFC 4180: a field is quoted only when it holds a comma,
 * a quote, CR or LF) from the NULL-terminated list of fields, then LF. NULL
 * ends the list, so an empty field is passed as "". */
void        pbo_csv_row_     (GString *out, const char *first, ...) G_GNUC_NULL_TERMINATED;
/* Appends one field, quoted when needed, without a separator. */
void        pbo_csv_field_   (GString *out, const char *field);
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

G_END_DECLS

#endif /* PBO_CSV_PRIVATE_H */
