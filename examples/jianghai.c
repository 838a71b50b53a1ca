/* jianghai — seed 002 in code: the Jianghai district's health Party
 * organisations, and the integrated-medicine hospital's general branch.
 *
 * Before: the bureau's Party group (党组) with 9 organisations below it.
 * After:  the hospital's branch is replaced by a general branch (党总支)
 *         holding 一党支部, 二党支部, 礼乐颐养院党支部 and 退休党支部:
 *         9 − 1 + 1 + 3 = 12 organisations below the top one.
 *
 * Build: cc jianghai.c $(pkg-config --cflags --libs libpbo)
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <pbo/pbo.h>

static const char *const surnames = "陈李黄张梁林何吴郑谢";
static const char *const given[] = { "海", "明", "丽", "华", "伟", "芳", "强", "敏", "军", "静" };
static const char *const departments[] = { "内科", "外科", "中医科", "护理部", "行政" };

/* Adds @n members to @org, ids "<prefix>-NN", deterministic names. */
static void
add_members (PboTree *tree, PboOrg *org, const char *prefix, guint n, guint retired,
             guint probationary)
{
  guint i;

  for (i = 0; i < n; i++)
    {
      PboMemberInfo info = PBO_MEMBER_INFO_INIT;
      g_autofree char *id = g_strdup_printf ("%s-%02u", prefix, i + 1);
      g_autofree char *surname = g_utf8_substring (surnames, i % 10, i % 10 + 1);
      g_autofree char *name = g_strconcat (surname, given[(i / 10 + i) % 10], NULL);
      g_autoptr (GError) error = NULL;
      gboolean is_prob = i < probationary;

      info.id = id;
      info.name = name;
      info.gender = i % 3 == 0 ? PBO_GENDER_MALE : PBO_GENDER_FEMALE;
      info.employment = i >= n - retired ? PBO_EMPLOYMENT_RETIRED : PBO_EMPLOYMENT_IN_SERVICE;
      info.status = is_prob ? PBO_STATUS_PROBATIONARY : PBO_STATUS_FULL;
      info.born = pbo_date_make (info.employment == PBO_EMPLOYMENT_RETIRED ? 1950 + i % 10
                                                                             : 1975 + i % 20,
                                 1 + i % 12, 1 + i % 28);
      info.joined = is_prob ? pbo_date_make (2023, 6, 20)
                            : pbo_date_make (1995 + i % 25, 1 + i % 12, 1);
      info.full_since = is_prob ? PBO_DATE_NONE : pbo_date_add_months (info.joined, 12);
      info.department = departments[i % G_N_ELEMENTS (departments)];
      if (pbo_tree_add_member (tree, org, &info, &error) == NULL)
        g_error ("%s", error->message);
    }
}

static PboOrg *
add_org (PboTree *tree, PboOrg *parent, PboOrgKind kind, const char *id, const char *name)
{
  g_autoptr (GError) error = NULL;
  PboOrg *org = pbo_tree_add_org (tree, parent, kind, id, name, &error);

  if (org == NULL)
    g_error ("%s", error->message);
  return org;
}

static PboTree *
build_district (void)
{
  static const struct { const char *id, *name; guint members, retired; } units[] = {
    { "jh-jg", "江海区卫生健康局机关党支部", 12, 0 },
    { "jh-zxy", "江海区中西医结合医院党支部", 46, 9 },
    { "jh-lyy", "礼乐颐养院党支部", 6, 1 },
    { "jh-fy", "江海区妇幼保健院党支部", 18, 3 },
    { "jh-cdc", "江海区疾病预防控制中心党支部", 11, 2 },
    { "jh-wjs", "江海区卫生监督所党支部", 8, 1 },
    { "jh-wh", "外海街道社区卫生服务中心党支部", 9, 2 },
    { "jh-ly", "礼乐街道社区卫生服务中心党支部", 7, 1 },
    { "jh-jn", "江南街道社区卫生服务中心党支部", 10, 2 },
  };
  PboTree *tree = pbo_tree_new ();
  PboOrg *top = add_org (tree, NULL, PBO_ORG_COMMITTEE, "jh-hb", "江门市江海区卫生健康局党组");
  guint i;

  for (i = 0; i < G_N_ELEMENTS (units); i++)
    {
      PboOrg *b = add_org (tree, top, PBO_ORG_BRANCH, units[i].id, units[i].name);
      add_members (tree, b, units[i].id, units[i].members, units[i].retired, i == 1 ? 2 : 0);
    }
  return tree;
}

/* The hospital's members go to the new branches: retirees to 退休党支部,
 * clinical departments to 一党支部, the rest to 二党支部. */
static void
set_up_general_branch (PboTree *tree)
{
  PboOrg *top = pbo_tree_lookup_org (tree, "jh-hb");
  PboOrg *old = pbo_tree_lookup_org (tree, "jh-zxy");
  PboOrg *gb, *b1, *b2, *retired;
  g_autoptr (GError) error = NULL;

  gb = add_org (tree, top, PBO_ORG_GENERAL_BRANCH, "jh-zxy-zz", "江海区中西医结合医院党总支");
  pbo_org_set_unit (gb, "江海区中西医结合医院", NULL);
  b1 = add_org (tree, gb, PBO_ORG_BRANCH, "jh-zxy-1", "一党支部");
  b2 = add_org (tree, gb, PBO_ORG_BRANCH, "jh-zxy-2", "二党支部");
  if (!pbo_tree_move_org (tree, pbo_tree_lookup_org (tree, "jh-lyy"), gb, NULL, &error))
    g_error ("%s", error->message);
  retired = add_org (tree, gb, PBO_ORG_BRANCH, "jh-zxy-tx", "退休党支部");

  while (pbo_org_get_first_member (old) != NULL)
    {
      PboMember *m = pbo_org_get_first_member (old);
      const char *dept = pbo_member_get_department (m);
      PboOrg *to = pbo_member_get_employment (m) == PBO_EMPLOYMENT_RETIRED ? retired
                   : g_strcmp0 (dept, "内科") == 0 || g_strcmp0 (dept, "外科") == 0
                       || g_strcmp0 (dept, "中医科") == 0 ? b1 : b2;
      if (!pbo_tree_move_member (tree, m, to, &error))
        g_error ("%s", error->message);
    }
  if (!pbo_tree_remove_org (tree, old, &error))
    g_error ("%s", error->message);
}

static void
print_tree (PboTree *tree)
{
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;
  guint depth = 0;

  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      PboStats s;
      if (ev == PBO_WALK_EXIT)
        {
          depth--;
          continue;
        }
      pbo_org_get_stats (org, &s);
      printf ("%*s%s [%s] %u 名党员 (在职 %u, 离退休 %u)\n", (int) depth * 2, "",
              pbo_org_get_name (org), pbo_org_kind_to_label (pbo_org_get_kind (org)), s.members,
              s.in_service, s.retired);
      depth++;
    }
}

static guint
orgs_below_top (PboTree *tree)
{
  PboStats s;

  pbo_org_get_stats (pbo_tree_lookup_org (tree, "jh-hb"), &s);
  return s.committees + s.general_branches + s.branches + s.groups;
}

int
main (void)
{
  g_autoptr (PboTree) tree = build_district ();
  g_autoptr (GError) error = NULL;
  guint before, after;

  before = orgs_below_top (tree);
  printf ("== 江海区卫生健康系统党组织 (调整前) ==\n");
  print_tree (tree);

  set_up_general_branch (tree);
  after = orgs_below_top (tree);
  printf ("\n== 中西医结合医院成立党总支后 ==\n");
  print_tree (tree);

  if (!pbo_tree_validate_invariants (tree, &error))
    {
      fprintf (stderr, "jianghai: %s\n", error->message);
      return EXIT_FAILURE;
    }
  printf ("\n局党组以下党组织: %u → %u\n", before, after);
  return before == 9 && after == 12 ? EXIT_SUCCESS : EXIT_FAILURE;
}
