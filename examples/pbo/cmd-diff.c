/* pbo diff OLD NEW [--format text|plan]: what changed between two files.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include "pbo-cli.h"

int
cli_cmd_diff (int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *date_text = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("text (the changes, one a line; default) or plan (a format-v1 plan that turns OLD into NEW)"),
      "FORMAT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The date written on member removals in a plan (default: today)"), "YYYY-MM-DD" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput old_in = { 0 }, new_in = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PboDiff) diff = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean plan;
  PboDate date = PBO_DATE_NONE;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("diff", "OLD NEW",
                  "Compare two files by id: orgs added, removed, renamed, moved; members "
                  "transferred; fields changed. Exit 0 when they do not differ, 1 when they do.",
                  entries, NULL, &argc, &argv, 2))
    return CLI_EXIT_BAD_INPUT;
  plan = format != NULL && strcmp (format, "plan") == 0;
  if (format != NULL && !plan && strcmp (format, "text") != 0)
    {
      fprintf (stderr, _("pbo diff: unknown format “%s” (expected text or plan)\n"), format);
      return CLI_EXIT_BAD_INPUT;
    }
  if (!cli_parse_date ("--date", date_text, FALSE, &date) || !cli_load_input (&old_in, argv[1])
      || !cli_load_input (&new_in, argv[2]))
    goto out;
  diff = pbo_diff_new (old_in.tree, new_in.tree, &error);
  if (diff == NULL)
    {
      fprintf (stderr, "pbo diff: %s\n", error->message);
      goto out;
    }
  if (plan)
    pbo_diff_write_plan (diff, date, out);
  else
    pbo_diff_write_text (diff, out);
  if (!cli_write_output (out, NULL))
    goto out;
  if (plan && pbo_diff_get_n_inexpressible (diff) > 0)
    fprintf (stderr, _("pbo diff: %u change(s) cannot be expressed in a plan (see the comments)\n"),
             pbo_diff_get_n_inexpressible (diff));
  status = pbo_diff_is_empty (diff) ? CLI_EXIT_OK : CLI_EXIT_FINDINGS;
out:
  g_clear_pointer (&diff, pbo_diff_free);
  cli_input_clear (&old_in);
  cli_input_clear (&new_in);
  return status;
}
