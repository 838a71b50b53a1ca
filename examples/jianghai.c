/* jianghai — seed 002 with the API: the Jianghai district's health Party
 * organisations, and the integrated-medicine hospital's general branch.
 *
 * Loads examples/data/jianghai.xml (or the file named on the command line),
 * applies the restructuring through the pbo_edit_ functions
 * (examples/seeds/seeds.c; the same operations as
 * examples/data/jianghai-plan.xml), prints the tree before and after and
 * exits 0 only if the figures of the seed hold:
 *   before: the bureau's Party group (党组) with 9 organisations below it;
 *   after:  江海区中西医结合医院's branch is a general branch (党总支) holding
 *           一党支部, 二党支部, 礼乐颐养院党支部 and 退休党支部: 12.
 *
 * Run from the source tree: build/examples/jianghai [FILE]
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <stdlib.h>
#include "seeds/seeds.h"

int
main (int argc, char **argv)
{
  g_autoptr (PboTree) tree = seeds_load (argc, argv, "examples/data/jianghai.xml");
  g_autoptr (GError) error = NULL;
  guint before, after, children;
  PboStats s;

  if (tree == NULL)
    return EXIT_FAILURE;
  before = seeds_orgs_below (tree, "jh-hb");
  printf ("== 江海区卫生健康系统党组织 (调整前) ==\n");
  seeds_print_tree (tree);

  if (!seeds_jianghai (tree, &error) || !pbo_tree_validate_invariants (tree, &error))
    {
      fprintf (stderr, "jianghai: %s\n", error->message);
      return EXIT_FAILURE;
    }
  after = seeds_orgs_below (tree, "jh-hb");
  printf ("\n== 中西医结合医院成立党总支后 ==\n");
  seeds_print_tree (tree);

  pbo_org_get_stats (pbo_tree_lookup_org (tree, "jh-zxy"), &s);
  children = s.child_orgs;
  printf ("\n局党组以下党组织: %u → %u\n", before, after);
  printf ("党总支 (%s) 下设支部: %u, 党员 %u 名\n",
          pbo_org_kind_to_label (pbo_org_get_kind (pbo_tree_lookup_org (tree, "jh-zxy"))),
          children, s.members);
  return before == 9 && after == 12 && children == 4 ? EXIT_SUCCESS : EXIT_FAILURE;
}
