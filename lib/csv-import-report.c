/* libpbo — what an import did: its problems, cell by cell, for an import
 * screen or a spreadsheet, and the counts of --update.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "csv-import-private.h"

static void
problem_free (gpointer data)
{
  PboImportProblem *p = data;

  g_free (p->header);
  g_free (p->value);
  g_free (p->message);
  g_free (p);
}

PboCsvImportReport *
pbo_csv_import_report_new_ (void)
{
  PboCsvImportReport *report = g_new0 (PboCsvImportReport, 1);

  report->problems = g_ptr_array_new_with_free_func (problem_free);
  report->missing = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (report->missing, NULL);
  return report;
}

void
pbo_csv_import_report_add_problem_ (PboCsvImportReport *report, guint line, guint column,
                                    int code, const char *header, const char *value,
                                    const char *message)
{
  PboImportProblem *p = g_new (PboImportProblem, 1);

  *p = (PboImportProblem) { line, column, code, g_strdup (header), g_strdup (value),
                            g_strdup (message) };
  g_ptr_array_add (report->problems, p);
}

void
pbo_csv_import_report_free (PboCsvImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->problems);
  g_ptr_array_unref (report->missing);
  g_free (report);
}

/* Getters of one field, NULL-safe as every getter of the library. */
#define DEFINE_GETTER(func, Type, Struct, field, fallback) \
  Type func (const Struct *s)                              \
  {                                                        \
    g_return_val_if_fail (s != NULL, fallback);            \
    return s->field;                                       \
  }

DEFINE_GETTER (pbo_csv_import_report_get_n_added, guint, PboCsvImportReport, added, 0)
DEFINE_GETTER (pbo_csv_import_report_get_n_updated, guint, PboCsvImportReport, updated, 0)
DEFINE_GETTER (pbo_csv_import_report_get_n_unchanged, guint, PboCsvImportReport, unchanged, 0)
DEFINE_GETTER (pbo_csv_import_report_get_n_problems, guint, PboCsvImportReport,
               problems->len, 0)
DEFINE_GETTER (pbo_import_problem_get_line, guint, PboImportProblem, line, 0)
DEFINE_GETTER (pbo_import_problem_get_column, guint, PboImportProblem, column, 0)
DEFINE_GETTER (pbo_import_problem_get_code, int, PboImportProblem, code, 0)
DEFINE_GETTER (pbo_import_problem_get_header, const char *, PboImportProblem, header, NULL)
DEFINE_GETTER (pbo_import_problem_get_value, const char *, PboImportProblem, value, NULL)
DEFINE_GETTER (pbo_import_problem_get_message, const char *, PboImportProblem, message, NULL)

const char *const *
pbo_csv_import_report_get_missing (const PboCsvImportReport *report, guint *n_missing)
{
  g_return_val_if_fail (report != NULL, NULL);
  if (n_missing != NULL)
    *n_missing = report->missing->len - 1;
  return (const char *const *) report->missing->pdata;
}

const PboImportProblem *
pbo_csv_import_report_get_problem (const PboCsvImportReport *report, guint index)
{
  g_return_val_if_fail (report != NULL, NULL);
  return index < report->problems->len ? g_ptr_array_index (report->problems, index) : NULL;
}

/* Codes by name, so that a spreadsheet filter needs no table of numbers. */
static const char *
code_name (int code)
{
  switch (code)
    {
    case PBO_ERROR_DUPLICATE_ID: return "duplicate-id";
    case PBO_ERROR_UNKNOWN_ID: return "unknown-id";
    case PBO_ERROR_CONTAINMENT: return "containment";
    case PBO_ERROR_INCONSISTENT: return "inconsistent";
    case PBO_ERROR_LIMIT: return "limit";
    case PBO_ERROR_PARSE: return "parse";
    default: return "invalid";
    }
}

void
pbo_csv_import_report_write_problems_csv (const PboCsvImportReport *report, GString *out,
                                          PboCsvWriteFlags flags)
{
  guint i;

  g_return_if_fail (report != NULL && out != NULL);
  pbo_csv_row_ (out, flags, "line", "column", "code", "header", "value", "message", NULL);
  for (i = 0; i < report->problems->len; i++)
    {
      const PboImportProblem *p = g_ptr_array_index (report->problems, i);
      char line[16], column[16];
      g_snprintf (line, sizeof line, "%u", p->line);
      g_snprintf (column, sizeof column, "%u", p->column);
      pbo_csv_row_ (out, flags, line, p->column > 0 ? column : "", code_name (p->code),
                    p->header != NULL ? p->header : "", p->value != NULL ? p->value : "",
                    p->message, NULL);
    }
}
