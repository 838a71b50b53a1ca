/* wujiang — seed 000 with the API: the Wujiang district's health and
 * family-planning commission committee (卫计委党委), formed in 2015 from the
 * former health bureau committee and the family-planning branch.
 *
 * Loads examples/data/wujiang-2014.xml (or the file named on the command
 * line), applies the merger through the pbo_edit_ functions
 * (examples/seeds/seeds.c; the same operations as
 * examples/data/wujiang-plan.xml), prints the tree before and after and
 * exits 0 only if the figures of the seed hold: the organ branch 29 + 22 =
 * 51, the retirees' branch 19 + 12 = 31, the maternal & child health branch
 * 10 + 5 = 15, the commission committee 680 members.
 *
 * Run from the source tree: build/examples/wujiang [FILE]
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <stdlib.h>
#include "seeds/seeds.h"

/* Prints one figure and whether it is the seed's. */
static gboolean
figure (const char *label, int got, int expected)
{
  printf ("%4d %s %s\n", got, got == expected ? "✓" : "✗", label);
  return got == expected;
}

int
main (int argc, char **argv)
{
  g_autoptr (PboTree) tree = seeds_load (argc, argv, "examples/data/wujiang-2014.xml");
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (tree == NULL)
    return EXIT_FAILURE;
  printf ("== 吴江区卫生局党委与计生委党支部 (2014) ==\n");
  seeds_print_tree (tree);
  if (!seeds_wujiang (tree, &error) || !pbo_tree_validate_invariants (tree, &error))
    {
      fprintf (stderr, "wujiang: %s\n", error->message);
      return EXIT_FAILURE;
    }
  printf ("\n== 卫计委党委 (2015) ==\n");
  seeds_print_tree (tree);
  printf ("\n");
  ok = figure ("机关党支部", seeds_members_of_named (tree, "机关党支部", NULL), 29 + 22);
  ok = figure ("离退休党支部", seeds_members_of_named (tree, "离退休", NULL), 19 + 12) && ok;
  ok = figure ("妇保所党支部", seeds_members_of_named (tree, "妇保", NULL), 10 + 5) && ok;
  ok = figure ("卫计委党委", seeds_members_of_named (tree, "卫生和计划生育委员会党委", NULL), 680)
       && ok;
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
