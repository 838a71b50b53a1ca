/* pbo validate FILE [--schema]: is this a valid format-v1 tree?
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pbo-cli.h"

int
cli_cmd_validate (int argc, char **argv)
{
  gboolean schema = FALSE;
  GOptionEntry entries[] = {
    { "schema", 0, 0, G_OPTION_ARG_NONE, &schema,
      N_("Also validate against the RELAX NG schema"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *shown = NULL;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("validate", "FILE",
                  "Check syntax, format, nesting, ids and references of a file.", entries, NULL,
                  &argc, &argv, 1))
    return CLI_EXIT_BAD_INPUT;
  in.load_flags = schema ? PBO_LOAD_VALIDATE_SCHEMA : PBO_LOAD_NONE;
  if (!cli_load_input (&in, argv[1]))
    goto out;
  shown = g_filename_display_name (argv[1]);
  /* The loader builds only valid trees; the validator double-checks the
   * aggregates and links it produced. */
  if (!pbo_tree_validate_invariants (in.tree, &error))
    {
      fprintf (stderr, "%s: %s\n", shown, error->message);
      goto out;
    }
  printf (_("%s: valid (%u orgs, %u members)\n"), shown, pbo_tree_get_n_orgs (in.tree),
          pbo_tree_get_n_members (in.tree));
  status = CLI_EXIT_OK;
out:
  cli_input_clear (&in);
  return status;
}
