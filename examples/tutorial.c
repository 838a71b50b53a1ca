/* tutorial — libpbo in five steps: load, inspect, restructure, check, save.
 *
 * The Jianghai district (seed 002): the integrated-medicine hospital's
 * branch becomes a general branch (党总支) holding 一党支部, 二党支部, the
 * 礼乐颐养院 branch and a 退休党支部. docs/tutorial.md explains each step.
 *
 * Build: cc tutorial.c $(pkg-config --cflags --libs libpbo) -o tutorial
 * Run:   ./tutorial examples/data/jianghai.xml jianghai-after.xml
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <pbo/pbo.h>

/* Step 2: one line per org, indented by depth, with its subtree counts. */
static void
print_tree (const PboTree *tree)
{
  PboWalker walker;
  PboOrg *org;
  PboWalkEvent event;
  int depth = 0;

  pbo_walker_init (&walker, tree, NULL);
  while ((event = pbo_walker_next (&walker, &org)) != PBO_WALK_DONE)
    {
      PboStats stats;

      if (event == PBO_WALK_EXIT)
        {
          depth--;
          continue;
        }
      pbo_org_get_stats (org, &stats);
      printf ("%*s%s [%s] %u members (%u retired)\n", depth * 2, "",
              pbo_org_get_name (org), pbo_org_kind_to_label (pbo_org_get_kind (org)),
              stats.members, stats.retired);
      depth++;
    }
}

/* Step 3: a new branch under @parent, recorded in the journal. */
static PboOrg *
create_branch (PboTree *tree, PboOrg *parent, const char *id, const char *name,
               const PboEditContext *ctx, GError **error)
{
  PboEditOrgInfo info = PBO_EDIT_ORG_INFO_INIT;

  info.parent = parent;
  info.kind = PBO_ORG_BRANCH;
  info.id = id;
  info.name = name;
  info.unit = "江海区中西医结合医院";
  return pbo_edit_create_org (tree, &info, ctx, error);
}

/* Step 3: every operation inside one transaction; on any error the
 * transaction is rolled back and the tree is exactly as loaded. */
static gboolean
restructure (PboTree *tree, GError **error)
{
  static const char *const clinical[] = { "内科", "外科", "中医科" };
  PboEditContext ctx = PBO_EDIT_CONTEXT_INIT;
  PboEditOrgInfo info = PBO_EDIT_ORG_INFO_INIT;
  PboSelector select = PBO_SELECTOR_INIT;
  PboOrg *hospital = pbo_tree_lookup_org (tree, "jh-zxy");
  PboMember *secretary = pbo_org_find_officer (hospital, PBO_ROLE_SECRETARY);
  PboOrg *general, *first, *second, *retired;
  guint i;

  ctx.date = pbo_date_make (2023, 6, 1);
  ctx.reason = "成立江海区中西医结合医院党总支";
  info.parent = pbo_tree_lookup_org (tree, "jh-hb");
  info.kind = PBO_ORG_GENERAL_BRANCH;
  info.id = "jh-zxy-zz";
  info.name = "江海区中西医结合医院党总支";
  info.unit = "江海区中西医结合医院";
  info.established = ctx.date;

  if (!pbo_edit_begin (tree, error))
    return FALSE;
  if ((general = pbo_edit_create_org (tree, &info, &ctx, error)) == NULL
      || (first = create_branch (tree, general, "jh-zxy-1", "一党支部", &ctx, error)) == NULL
      || (second = create_branch (tree, general, "jh-zxy-2", "二党支部", &ctx, error)) == NULL
      || (retired = create_branch (tree, general, "jh-zxy-tx", "退休党支部", &ctx, error)) == NULL
      || !pbo_edit_move (tree, pbo_tree_lookup_org (tree, "jh-lyy"), general, &ctx, error))
    goto fail;

  /* Retirees first, then the in-service clinical departments. */
  select.from = hospital;
  select.employment = PBO_EMPLOYMENT_RETIRED;
  if (!pbo_edit_transfer_selected (tree, &select, retired, &ctx, error))
    goto fail;
  select.employment = PBO_EMPLOYMENT_IN_SERVICE;
  for (i = 0; i < G_N_ELEMENTS (clinical); i++)
    {
      select.department = clinical[i];
      if (!pbo_edit_transfer_selected (tree, &select, first, &ctx, error))
        goto fail;
    }

  /* The rest (nursing, administration) go with the old branch's dissolution;
   * its secretary becomes the general branch's. */
  if (!pbo_edit_appoint (tree, general, PBO_ROLE_SECRETARY, secretary, ctx.date, &ctx, error)
      || !pbo_edit_dissolve (tree, hospital, second, &ctx, error))
    goto fail;
  return pbo_edit_commit (tree, error);

fail:
  pbo_edit_rollback (tree, NULL);
  return FALSE;
}

/* Step 4: the organisation rules over the new general branch, as of the
 * day of the change; the errors are listed. */
static gboolean
check (const PboTree *tree, GError **error)
{
  PboCheckOptions options = PBO_CHECK_OPTIONS_INIT;
  g_autoptr (PboFindings) findings = NULL;
  guint i;

  options.on = pbo_date_make (2023, 6, 1);
  findings = pbo_check (tree, pbo_tree_lookup_org (tree, "jh-zxy-zz"), &options, error);
  if (findings == NULL)
    return FALSE;
  printf ("%u findings, %u errors\n", pbo_findings_get_n (findings),
          pbo_findings_count (findings, PBO_SEVERITY_ERROR));
  for (i = 0; i < pbo_findings_get_n (findings); i++)
    {
      const PboFinding *finding = pbo_findings_get (findings, i);

      if (finding->severity == PBO_SEVERITY_ERROR)
        printf ("  %s %s\n", finding->code, finding->message);
    }
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr (PboTree) tree = NULL;
  g_autoptr (GError) error = NULL;
  PboStats stats;

  if (argc != 3)
    {
      fprintf (stderr, "usage: tutorial IN.xml OUT.xml\n");
      return 2;
    }

  /* Step 1: load. */
  tree = pbo_xml_load_file (argv[1], NULL, &error);
  if (tree == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  /* Step 2: inspect. */
  pbo_tree_get_stats (tree, &stats);
  printf ("%u orgs, %u members\n", pbo_tree_get_n_orgs (tree), stats.members);
  print_tree (tree);

  /* Steps 3 and 4: restructure, then check. */
  if (!restructure (tree, &error) || !check (tree, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  print_tree (tree);

  /* Step 5: save (atomically: a temporary file, fsync, rename). */
  if (!pbo_xml_save_file (tree, argv[2], NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("saved %s: %u orgs, %u members\n", argv[2], pbo_tree_get_n_orgs (tree),
          pbo_tree_get_n_members (tree));
  return 0;
}
