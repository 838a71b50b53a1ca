/* pbo validate FILE [--schema]: is this a valid format-v1 tree?
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pbo-cli.h"

int
cli_cmd_validate (int argc, char **argv)
{
  gboolean schema = FALSE;
  GOptionEntry entries[] = {
    { "schema", 0, 0, G_OPTION_ARG_NONE, &schema,
      "Also validate against the RELAX NG schema", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_autoptr (PboTree) tree = NULL;
  g_autoptr (GError) error = NULL;

  if (!cli_parse ("validate", "FILE",
                  "Check syntax, format, nesting, ids and references of a file.", entries, &argc,
                  &argv, 1))
    return CLI_EXIT_BAD_INPUT;
  tree = cli_load (argv[1], schema ? PBO_LOAD_VALIDATE_SCHEMA : PBO_LOAD_NONE);
  if (tree == NULL)
    return CLI_EXIT_BAD_INPUT;
  /* The loader builds only valid trees; the validator double-checks the
   * aggregates and links it produced. */
  if (!pbo_tree_validate_invariants (tree, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return CLI_EXIT_BAD_INPUT;
    }
  printf ("%s: valid (%u orgs, %u members)\n", argv[1], pbo_tree_get_n_orgs (tree),
          pbo_tree_get_n_members (tree));
  return CLI_EXIT_OK;
}
