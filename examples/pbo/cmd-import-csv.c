/* pbo import-csv FILE [--branch ID] MEMBERS.csv [-o OUT]: members from a spreadsheet.
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
  gboolean ignore_unknown;
  gboolean dry_run;
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
}

/* Imports @csv_path into in->tree; prints every problem and returns FALSE
 * when a single row is bad (the tree is then unchanged). */
static gboolean
import_file (CliInput *in, const ImportArgs *a, const char *csv_path, guint *n_added)
{
  PboCsvImportOptions opts = PBO_CSV_IMPORT_OPTIONS_INIT;
  PboEditContext ctx = PBO_EDIT_CONTEXT_INIT;
  g_autofree char *reason = NULL;
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  gsize length = 0;
  gboolean ok;

  if (!cli_parse_date ("--date", a->date, FALSE, &ctx.date))
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
  reason = a->reason != NULL ? g_strdup (a->reason)
                             : g_strdup_printf ("import-csv %s", csv_path);
  ctx.reason = reason;
  opts.id_prefix = a->id_prefix;
  opts.ignore_unknown_columns = a->ignore_unknown;
  opts.context = &ctx;
  ok = pbo_csv_import_members (in->tree, data, length, csv_path, &opts, n_added, &error);
  /* Freed by hand: with g_autofree, gcc 12's -fanalyzer reports the
   * cleanup as reading an uninitialized value on the early returns above
   * (a false positive: the variable is initialised where declared). */
  g_free (data);
  if (!ok)
    fprintf (stderr, "%s\n", error->message);
  return ok;
}

int
cli_cmd_import_csv (int argc, char **argv)
{
  ImportArgs a = { 0 };
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
    CLI_LOCK_TIMEOUT_ENTRY (a.lock_timeout),
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { 0 };
  PboSaveOptions opts = PBO_SAVE_OPTIONS_INIT;
  g_autoptr (PboFileLock) lock = NULL;
  guint n_added = 0;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("import-csv", "FILE MEMBERS.csv",
                  "Add the members of a spreadsheet (CSV, UTF-8 or GB18030; English or "
                  "Chinese headers) to FILE: all rows or none.",
                  entries, NULL, &argc, &argv, 2)
      || (!a.dry_run
          && !cli_lock_for_rewrite ("import-csv", argv[1], a.output, a.lock_timeout, &lock))
      || !cli_load_input (&in, argv[1])
      || !import_file (&in, &a, argv[2], &n_added))
    goto out;
  if (!a.dry_run && !cli_save_tree (in.tree, a.output != NULL ? a.output : argv[1], &opts))
    goto out;
  if (a.dry_run)
    fprintf (stderr, ngettext ("%s: %u member valid (dry run: nothing written)\n",
                               "%s: %u members valid (dry run: nothing written)\n", n_added),
             argv[2], n_added);
  else
    fprintf (stderr, ngettext ("%s: %u member imported\n", "%s: %u members imported\n", n_added),
             argv[2], n_added);
  status = CLI_EXIT_OK;
out:
  cli_input_clear (&in);
  import_args_clear (&a);
  return status;
}
