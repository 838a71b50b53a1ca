/* pbo import-csv FILE [--branch ID] [--update] [--map H=C]… MEMBERS.csv|.xlsx [-o OUT]:
 * members from a spreadsheet.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include "pbo-cli.h"

typedef struct {
  char    *branch;
  char    *output;
  char    *id_prefix;
  char    *reason;
  char    *date;
  char    *lock_timeout;
  char    *errors_csv;
  char    *sheet;
  char   **map;
  gboolean ignore_unknown;
  gboolean dry_run;
  gboolean update;
} ImportArgs;

static void
import_args_clear (ImportArgs *a)
{
  g_free (a->branch);
  g_free (a->output);
  g_free (a->id_prefix);
  g_free (a->reason);
  g_free (a->date);
  g_free (a->lock_timeout);
  g_free (a->errors_csv);
  g_free (a->sheet);
  g_strfreev (a->map);
}

/* --map HEADER=COLUMN… as the pairs PboCsvImportOptions.header_map takes
 * (pointing into @map); NULL with the error printed for a bad one. */
static GPtrArray *
map_pairs (char **map)
{
  g_autoptr (GPtrArray) pairs = g_ptr_array_new ();

  for (; map != NULL && *map != NULL; map++)
    {
      char *eq = strrchr (*map, '=');
      if (eq == NULL || eq == *map || eq[1] == '\0')
        {
          fprintf (stderr, _("pbo import-csv: --map takes HEADER=COLUMN, not “%s”\n"), *map);
          return NULL;
        }
      *eq = '\0';
      g_ptr_array_add (pairs, *map);
      g_ptr_array_add (pairs, eq + 1);
    }
  g_ptr_array_add (pairs, NULL);
  return g_steal_pointer (&pairs);
}

/* --errors-csv: every problem, cell by cell, for the HR office to fix. */
static gboolean
write_problems (const PboCsvImportReport *report, const char *path)
{
  g_autoptr (GString) out = g_string_new (NULL);

  pbo_csv_import_report_write_problems_csv (report, out, PBO_CSV_WRITE_DEFAULT);
  return cli_write_output (out, path);
}

/* What an --update did, and the members it left alone. */
static void
print_update_summary (const PboCsvImportReport *report, const char *shown)
{
  guint i, n_missing = 0;
  const char *const *missing = pbo_csv_import_report_get_missing (report, &n_missing);

  fprintf (stderr, _("%s: %u added, %u updated, %u unchanged\n"), shown,
           pbo_csv_import_report_get_n_added (report),
           pbo_csv_import_report_get_n_updated (report),
           pbo_csv_import_report_get_n_unchanged (report));
  if (n_missing == 0)
    return;
  fprintf (stderr, ngettext ("%s: %u member of the tree is not in the sheet (kept):\n",
                             "%s: %u members of the tree are not in the sheet (kept):\n",
                             n_missing), shown, n_missing);
  for (i = 0; i < n_missing; i++)
    {
      g_autofree char *id = cli_escaped (missing[i]);
      fprintf (stderr, "  %s\n", id);
    }
}

/* Imports @csv_path into in->tree; prints every problem and returns FALSE
 * when a single row is bad (the tree is then unchanged). */
static gboolean
import_file (CliInput *in, const ImportArgs *a, const char *csv_path, PboCsvImportReport **report)
{
  PboCsvImportOptions opts = PBO_CSV_IMPORT_OPTIONS_INIT;
  PboEditContext ctx = PBO_EDIT_CONTEXT_INIT;
  g_autofree char *reason = NULL, *shown = g_filename_display_name (csv_path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) map = map_pairs (a->map);
  char *data = NULL;
  gsize length = 0;
  gboolean ok;

  if (map == NULL || !cli_parse_date ("--date", a->date, FALSE, &ctx.date))
    return FALSE;
  if (a->branch != NULL && (opts.branch = pbo_tree_lookup_org (in->tree, a->branch)) == NULL)
    {
      fprintf (stderr, _("pbo import-csv: --branch: no org with id “%s”\n"), a->branch);
      return FALSE;
    }
  if (!g_file_get_contents (csv_path, &data, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  /* The journal holds UTF-8 only, and a path need not be. */
  reason = a->reason != NULL ? g_strdup (a->reason)
                             : g_strdup_printf ("import-csv %s", shown);
  ctx.reason = reason;
  opts.id_prefix = a->id_prefix;
  opts.ignore_unknown_columns = a->ignore_unknown;
  opts.context = &ctx;
  opts.header_map = (const char *const *) map->pdata;
  opts.update = a->update;
  opts.sheet = a->sheet;
  ok = pbo_csv_import_members_full (in->tree, data, length, csv_path, &opts, report, &error);
  /* Freed by hand: with g_autofree, gcc 12's -fanalyzer reports the
   * cleanup as reading an uninitialized value on the early returns above
   * (a false positive: the variable is initialised where declared). */
  g_free (data);
  if (!ok)
    fprintf (stderr, "%s\n", error->message);
  if (a->errors_csv != NULL && *report != NULL && !write_problems (*report, a->errors_csv))
    return FALSE;
  return ok;
}

int
cli_cmd_import_csv (int argc, char **argv)
{
  ImportArgs a = { 0 };
  g_autofree char *shown = NULL;
  GOptionEntry entries[] = {
    { "branch", 'b', 0, G_OPTION_ARG_STRING, &a.branch,
      N_("The branch (or group) receiving rows that name none"), "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output,
      N_("Write the tree to OUT instead of replacing FILE"), "OUT" },
    { "id-prefix", 0, 0, G_OPTION_ARG_STRING, &a.id_prefix,
      N_("Put P before every id of the sheet (staff numbers: 2023001 → m2023001)"), "P" },
    { "ignore-unknown-columns", 0, 0, G_OPTION_ARG_NONE, &a.ignore_unknown,
      N_("Skip columns with unknown headers instead of refusing the sheet"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &a.reason,
      N_("The reason recorded in the journal (default: import-csv MEMBERS.csv)"), "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &a.date,
      N_("The date recorded in the journal (default: today)"), "YYYY-MM-DD" },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &a.dry_run,
      N_("Check every row, write nothing"), NULL },
    { "update", 'u', 0, G_OPTION_ARG_NONE, &a.update,
      N_("Update the members whose id is in FILE, add the others (none is removed)"), NULL },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a.map,
      N_("Read the column headed HEADER as COLUMN (an attribute, branch, org, or - to skip); "
         "repeatable"), "HEADER=COLUMN" },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &a.sheet,
      N_("The sheet of an .xlsx workbook to read (default: the first)"), "NAME" },
    { "errors-csv", 0, 0, G_OPTION_ARG_FILENAME, &a.errors_csv,
      N_("Write every problem (line, column, code, header, value, message) to CSV file F"),
      "F" },
    CLI_LOCK_TIMEOUT_ENTRY (a.lock_timeout),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { 0 };
  PboSaveOptions opts = PBO_SAVE_OPTIONS_INIT;
  g_autoptr (PboFileLock) lock = NULL;
  g_autoptr (PboCsvImportReport) report = NULL;
  guint n_added = 0;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("import-csv", "FILE MEMBERS.csv",
                  "Add the members of a spreadsheet (CSV, UTF-8 or GB18030, or .xlsx; English "
                  "or Chinese headers) to FILE, or with --update change those already there: "
                  "all rows or none.",
                  entries, NULL, &argc, &argv, 2)
      || (!a.dry_run
          && !cli_lock_for_rewrite ("import-csv", argv[1], a.output, a.lock_timeout, &lock))
      || !cli_load_input (&in, argv[1])
      || !import_file (&in, &a, argv[2], &report))
    goto out;
  n_added = pbo_csv_import_report_get_n_added (report);
  if (!a.dry_run && !cli_save_tree (in.tree, a.output != NULL ? a.output : argv[1], &opts))
    goto out;
  shown = g_filename_display_name (argv[2]);
  if (a.update)
    {
      print_update_summary (report, shown);
      if (a.dry_run)
        fprintf (stderr, _("%s: dry run: nothing written\n"), shown);
    }
  else if (a.dry_run)
    fprintf (stderr, ngettext ("%s: %u member valid (dry run: nothing written)\n",
                               "%s: %u members valid (dry run: nothing written)\n", n_added),
             shown, n_added);
  else
    fprintf (stderr, ngettext ("%s: %u member imported\n", "%s: %u members imported\n", n_added),
             shown, n_added);
  status = CLI_EXIT_OK;
out:
  cli_input_clear (&in);
  import_args_clear (&a);
  return status;
}
