/* The spreadsheet oracle: see fuzz-oracles.h. */
#include <string.h>
#include <pbo/pbo.h>
#include "fuzz-oracles.h"

/* What the writers make of a value: pbo_csv_write_field() reads back as
 * the value (raw) or the value behind one mark ('), never starting a
 * formula; pbo_text_append_escaped() leaves no control character. */
static void
check_writers (const char *value)
{
  static const PboCsvWriteFlags flags[] = { PBO_CSV_WRITE_DEFAULT, PBO_CSV_WRITE_RAW };
  GString *out = g_string_new (NULL);
  const char *p;
  guint k;

  for (k = 0; k < G_N_ELEMENTS (flags); k++)
    {
      GError *error = NULL;
      PboCsvTable *back;
      const char *read;

      g_string_assign (out, "x,");
      pbo_csv_write_field (out, value, flags[k]);
      back = pbo_csv_parse (out->str, out->len, "written.csv", &error);
      if (back == NULL || pbo_csv_table_get_n_fields (back, 0) != 2)
        PBO_FUZZ_FAIL ("a written field does not read back: %s", error ? error->message : "");
      read = pbo_csv_table_get_field (back, 0, 1);
      if (strcmp (read, value) != 0
          && (flags[k] == PBO_CSV_WRITE_RAW || read[0] != '\'' || strcmp (read + 1, value) != 0))
        PBO_FUZZ_FAIL ("a written field reads back changed");
      if (flags[k] == PBO_CSV_WRITE_DEFAULT && read[0] != '\0' && strchr ("=+-@\t\r", read[0]))
        PBO_FUZZ_FAIL ("a written field starts a formula");
      pbo_csv_table_free (back);
    }
  g_string_truncate (out, 0);
  pbo_text_append_escaped (out, value);
  if (!g_utf8_validate (out->str, (gssize) out->len, NULL))
    PBO_FUZZ_FAIL ("escaped text is not UTF-8");
  for (p = out->str; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      PBO_FUZZ_FAIL ("escaped text holds a control character");
  g_string_free (out, TRUE);
}

/* Every field of a parsed table is UTF-8 within the limits, records start
 * on increasing lines, each field goes through the writers unharmed, and
 * out-of-range reads give NULL and 0. Returns
 * whether @data parsed. */
static gboolean
check_table (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  PboCsvTable *table = pbo_csv_parse ((const char *) data, size, "fuzz.csv", &error);
  guint row, i, n_rows, last_line = 0;
  const char *encoding;

  if (table == NULL)
    {
      pbo_fuzz_check_refusal (error, "pbo_csv_parse");
      g_error_free (error);
      return FALSE;
    }
  encoding = pbo_csv_table_get_encoding (table);
  if (strcmp (encoding, "UTF-8") != 0 && strcmp (encoding, "GB18030") != 0)
    PBO_FUZZ_FAIL ("a table read in %s", encoding);
  n_rows = pbo_csv_table_get_n_rows (table);
  for (row = 0; row < n_rows; row++)
    {
      guint n = pbo_csv_table_get_n_fields (table, row), line = pbo_csv_table_get_line (table, row);

      if (n == 0 || n > PBO_CSV_COLUMNS_MAX || line <= last_line)
        PBO_FUZZ_FAIL ("record %u: %u fields at line %u (the one before at %u)", row, n, line,
                       last_line);
      last_line = line;
      for (i = 0; i < n; i++)
        {
          const char *field = pbo_csv_table_get_field (table, row, i);
          if (field == NULL || strlen (field) > PBO_CSV_FIELD_MAX
              || !g_utf8_validate (field, -1, NULL))
            PBO_FUZZ_FAIL ("record %u field %u is missing, too long or not UTF-8", row, i);
          /* Any header maps to a column name or to nothing, never crashes. */
          if (row == 0)
            (void) pbo_csv_column_lookup (field);
          check_writers (field);
        }
      if (pbo_csv_table_get_field (table, row, n) != NULL)
        PBO_FUZZ_FAIL ("record %u has a field past its end", row);
    }
  if (pbo_csv_table_get_n_fields (table, n_rows) != 0 || pbo_csv_table_get_line (table, n_rows) != 0
      || pbo_csv_table_get_field (table, n_rows, 0) != NULL)
    PBO_FUZZ_FAIL ("the table has a record past its end");
  pbo_csv_table_free (table);
  return TRUE;
}

void
pbo_fuzz_check_csv (const uint8_t *data, size_t size)
{
  /* A fixed date: today's would make a finding depend on the day. */
  PboEditContext context = { PBO_EDIT_CONTEXT_VERSION, 20240301, "fuzz", "fuzzer" };
  PboCsvImportOptions options = PBO_CSV_IMPORT_OPTIONS_INIT;
  gboolean parses = check_table (data, size);
  PboTree *tree = pbo_fuzz_load_fixed_tree ();
  char *before = pbo_fuzz_save (tree, NULL);
  guint entries = pbo_journal_get_n_entries (tree), n_added = G_MAXUINT;
  PboCsvImportReport *report = NULL;
  GError *error = NULL;

  /* The options vary with the input's length, so that the input itself
   * stays a plain CSV file (and a seed is a spreadsheet as written). */
  options.branch = pbo_tree_lookup_org (tree, "b1");
  options.id_prefix = size % 2 ? "m" : NULL;
  options.ignore_unknown_columns = size % 4 >= 2;
  options.max_errors = size % 8 >= 4 ? 1 : 0;
  options.context = &context;
  options.update = size % 16 >= 8;
  if (pbo_csv_import_members_full (tree, (const char *) data, size, "fuzz.csv", &options,
                                   &report, &error))
    {
      /* Every member added or updated is one journal entry. */
      n_added = pbo_csv_import_report_get_n_added (report)
                + pbo_csv_import_report_get_n_updated (report);
      if (pbo_csv_import_report_get_n_problems (report) != 0)
        PBO_FUZZ_FAIL ("an accepted import reports problems");
      if (!parses)
        PBO_FUZZ_FAIL ("imported a file that does not parse");
      if (error != NULL || pbo_journal_get_n_entries (tree) != entries + n_added)
        PBO_FUZZ_FAIL ("an import of %u members set an error or made %u journal entries",
                       n_added, pbo_journal_get_n_entries (tree) - entries);
      pbo_fuzz_check_committed (tree, before, entries, "an accepted import");
    }
  else
    {
      pbo_fuzz_check_unchanged (tree, before, entries, error, "a refused import");
      /* A refusal of the file's content names its problems, cell by cell. */
      if (report != NULL && pbo_csv_import_report_get_n_problems (report) == 0
          && error->code != PBO_ERROR_FAILED)
        PBO_FUZZ_FAIL ("a refused import reports no problem: %s", error->message);
      g_error_free (error);
    }
  pbo_csv_import_report_free (report);
  g_free (before);
  pbo_tree_free (tree);
}
