/* libpbo — the member importer's parts: headers, problems, updates.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_CSV_IMPORT_PRIVATE_H
#define PBO_CSV_IMPORT_PRIVATE_H

#include "csv-private.h"
#include "tree-private.h"

G_BEGIN_DECLS

/* Columns beyond the member attributes (whose index is their PboMemberAttr). */
enum {
  PBO_COL_BRANCH = PBO_MATTR_COUNT,
  PBO_COL_ORG,
  PBO_COL_SKIP,
  PBO_COL_NONE = -1,     /* an unknown header */
};

/* ---- headers (csv-headers.c) ---- */

/* The header without spaces, ASCII lower-cased, '_' as '-', '／' as '/'. */
char       *pbo_csv_header_key_    (const char *header) G_GNUC_MALLOC;
/* The column @header means: first by the caller's @map (pairs of header
 * and column, NULL-ended; nullable), then the built-in names and aliases.
 * PBO_COL_NONE when unknown. */
int         pbo_csv_header_column_ (const char *header, const char *const *map);
/* The column a --map target names ("born", "出生日期", "-" for none), or
 * PBO_COL_NONE. */
int         pbo_csv_map_target_    (const char *target);
const char *pbo_csv_column_name_   (int column);

/* ---- problems and the summary (csv-import-report.c) ---- */

struct _PboImportProblem {
  guint  line;
  guint  column;          /* 1-based; 0 for the whole row */
  int    code;
  char  *header;          /* nullable */
  char  *value;           /* nullable: the cell as the file holds it */
  char  *message;
};

struct _PboCsvImportReport {
  GPtrArray *problems;    /* of PboImportProblem */
  GPtrArray *missing;     /* ids, NULL-terminated */
  guint      added;
  guint      updated;
  guint      unchanged;
};

PboCsvImportReport *pbo_csv_import_report_new_ (void);
void pbo_csv_import_report_add_problem_ (PboCsvImportReport *report, guint line, guint column,
                                         int code, const char *header, const char *value,
                                         const char *message);

/* ---- the import (csv-import.c) ---- */

typedef struct {
  GString    *lines;
  const char *filename;
  guint       n;
  guint       max;
  int         first_code;
  guint       first_line;   /* the error's position: the first problem's row */
} PboImportLog;

typedef struct {
  PboTree                   *tree;
  const PboCsvTable         *table;
  const PboCsvImportOptions *opts;
  int                       *columns;   /* per header field: PboMemberAttr, PBO_COL_* */
  guint                      n_columns;
  GStringChunk              *values;    /* the row's normalised values */
  PboImportLog               log;
  PboCsvImportReport        *report;
  GHashTable                *seen;      /* id → its first line (GUINT_TO_POINTER) */
} PboImport;

/* Records a problem of @field (-1 for the whole row) of @row, @format
 * being translated here. */
void        pbo_import_problem_ (PboImport *im, guint row, int field, int code,
                                 const char *format, ...) G_GNUC_PRINTF (5, 6);
/* The value of field @index of @row as format v1 spells it, kept in
 * im->values; NULL when the field is empty or missing. */
const char *pbo_import_value_   (PboImport *im, guint row, guint index, int column);

/* ---- --update (csv-import-update.c) ---- */

/* Changes @m to what @row says (cells left empty keep their value),
 * through one pbo_edit_update_member(); counts it updated or unchanged. */
void pbo_import_update_row_    (PboImport *im, guint row, PboMember *m);
/* Lists in the report the members of the scope the sheet left out. */
void pbo_import_list_missing_  (PboImport *im);

G_END_DECLS

#endif /* PBO_CSV_IMPORT_PRIVATE_H */
