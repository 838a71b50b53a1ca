/* A program that uses libpbo the way an HR system does: through
 * <pbo/pbo.h> only, built with pkg-config (Makefile) or as a Meson
 * subproject (meson.build). Prints the members of each top-level org of
 * FILE, or of a tree built here when no FILE is given.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <pbo/pbo.h>

static PboTree *
small_tree (GError **error)
{
  PboTree *tree = pbo_tree_new ();
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  PboOrg *branch = pbo_tree_add_org (tree, NULL, PBO_ORG_BRANCH, "b1", "第一党支部", error);

  info.id = "m1";
  info.name = "张海";
  info.status = PBO_STATUS_FULL;
  info.employment = PBO_EMPLOYMENT_IN_SERVICE;
  info.joined = pbo_date_make (2001, 6, 20);
  info.full_since = pbo_date_make (2002, 6, 20);
  if (branch == NULL || pbo_tree_add_member (tree, branch, &info, error) == NULL)
    g_clear_pointer (&tree, pbo_tree_free);
  return tree;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PboTree) tree = argc > 1 ? pbo_xml_load_file (argv[1], NULL, &error)
                                      : small_tree (&error);
  PboOrg *org;

  if (tree == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("libpbo %s\n", pbo_version_string ());
  for (org = pbo_tree_get_first_org (tree); org != NULL; org = pbo_org_get_next (org))
    {
      PboStats s;
      pbo_org_get_stats (org, &s);
      printf ("%s: %u members (%u in service, %u retired)\n", pbo_org_get_name (org),
              s.members, s.in_service, s.retired);
    }
  return 0;
}
