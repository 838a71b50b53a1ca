/* The seeds' restructurings in code (see seeds.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>
#include "seeds.h"

#define ORG(id) pbo_tree_lookup_org (tree, (id))
#define MEMBER(id) pbo_tree_lookup_member (tree, (id))

/* Ends the transaction: kept when every operation succeeded, else undone. */
static gboolean
finish (PboTree *tree, gboolean ok)
{
  if (ok)
    return pbo_edit_commit (tree, NULL);
  pbo_edit_rollback (tree, NULL);
  return FALSE;
}

static gboolean
select_into (PboTree *tree, const char *from, PboEmployment employment, const char *department,
             const char *to, const PboEditContext *ctx, GError **error)
{
  PboSelector sel = PBO_SELECTOR_INIT;

  sel.from = ORG (from);
  sel.employment = employment;
  sel.department = department;
  return pbo_edit_transfer_selected (tree, &sel, ORG (to), ctx, error);
}

static gboolean
split_off (PboTree *tree, const char *org, PboEmployment employment, const char *department,
           const char *new_id, const char *new_name, const PboEditContext *ctx, GError **error)
{
  PboSelector sel = PBO_SELECTOR_INIT;

  sel.employment = employment;
  sel.department = department;
  return pbo_edit_split (tree, ORG (org), &sel, new_id, new_name, ctx, error) != NULL;
}

static gboolean
appoint (PboTree *tree, const char *org, PboRole role, const char *member,
         const PboEditContext *ctx, GError **error)
{
  return pbo_edit_appoint (tree, ORG (org), role, MEMBER (member), ctx->date, ctx, error);
}

/* The sample is recognised by two of its orgs. */
static gboolean
is_sample (PboTree *tree, const char *a, const char *b, GError **error)
{
  if (ORG (a) != NULL && ORG (b) != NULL)
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_UNKNOWN_ID, "not the sample: no org “%s” or “%s”",
               a, b);
  return FALSE;
}

gboolean
seeds_jianghai (PboTree *tree, GError **error)
{
  static const char *const moved[] = { "jh-zxy-1", "jh-zxy-2", "jh-lyy", "jh-zxy-tx" };
  const PboEditContext ctx = { PBO_EDIT_CONTEXT_VERSION, 20230601,
                               "江海区中西医结合医院成立党总支", "江海区卫生健康局党组" };
  gboolean ok;
  guint i;

  if (!is_sample (tree, "jh-zxy", "jh-lyy", error) || !pbo_edit_begin (tree, error))
    return FALSE;
  /* Retirees, then the clinical departments, then the rest, each into a
   * branch of their own beside jh-zxy... */
  ok = split_off (tree, "jh-zxy", PBO_EMPLOYMENT_RETIRED, NULL, "jh-zxy-tx", "退休党支部", &ctx,
                  error)
       && split_off (tree, "jh-zxy", PBO_EMPLOYMENT_NONE, "内科", "jh-zxy-1", "一党支部", &ctx,
                     error)
       && select_into (tree, "jh-zxy", PBO_EMPLOYMENT_NONE, "外科", "jh-zxy-1", &ctx, error)
       && select_into (tree, "jh-zxy", PBO_EMPLOYMENT_NONE, "中医科", "jh-zxy-1", &ctx, error)
       && split_off (tree, "jh-zxy", PBO_EMPLOYMENT_NONE, NULL, "jh-zxy-2", "二党支部", &ctx,
                     error)
       /* ...then the emptied branch becomes the general branch over them. */
       && pbo_edit_set_kind (tree, ORG ("jh-zxy"), PBO_ORG_GENERAL_BRANCH, &ctx, error)
       && pbo_edit_rename (tree, ORG ("jh-zxy"), "江海区中西医结合医院党总支", &ctx, error);
  for (i = 0; ok && i < G_N_ELEMENTS (moved); i++)
    ok = pbo_edit_move (tree, ORG (moved[i]), ORG ("jh-zxy"), &ctx, error);
  ok = ok && appoint (tree, "jh-zxy", PBO_ROLE_SECRETARY, "m0015", &ctx, error)
       && appoint (tree, "jh-zxy", PBO_ROLE_DEPUTY_SECRETARY, "m0016", &ctx, error)
       && appoint (tree, "jh-zxy-1", PBO_ROLE_SECRETARY, "m0017", &ctx, error)
       && appoint (tree, "jh-zxy-2", PBO_ROLE_SECRETARY, "m0039", &ctx, error)
       && appoint (tree, "jh-zxy-tx", PBO_ROLE_SECRETARY, "m0050", &ctx, error);
  return finish (tree, ok);
}

gboolean
seeds_wujiang (PboTree *tree, GError **error)
{
  const PboEditContext ctx = { PBO_EDIT_CONTEXT_VERSION, 20150120,
                               "组建吴江区卫生和计划生育委员会党委",
                               "中共苏州市吴江区委组织部" };
  PboEditOrgInfo wjw = PBO_EDIT_ORG_INFO_INIT;
  gboolean ok;

  if (!is_sample (tree, "wj-wsj", "wj-jsw", error) || !pbo_edit_begin (tree, error))
    return FALSE;
  wjw.kind = PBO_ORG_COMMITTEE;
  wjw.id = "wj-wjw";
  wjw.name = "吴江区卫生和计划生育委员会党委";
  wjw.unit = "苏州市吴江区卫生和计划生育委员会";
  wjw.established = wjw.term_start = ctx.date;
  wjw.term_years = 5;
  ok = pbo_edit_create_org (tree, &wjw, &ctx, error) != NULL
       /* The guidance station's 5 to the maternal & child health branch,
        * the retirees to the retirees' branch, the rest to the organ's. */
       && select_into (tree, "wj-jsw", PBO_EMPLOYMENT_IN_SERVICE, "计生指导站", "wj-fbs", &ctx,
                       error)
       && select_into (tree, "wj-jsw", PBO_EMPLOYMENT_RETIRED, NULL, "wj-wsj-lt", &ctx, error)
       && pbo_edit_merge (tree, (PboOrg *[]) { ORG ("wj-jsw") }, 1, ORG ("wj-wsj-jg"), &ctx,
                          error)
       && pbo_edit_rename (tree, ORG ("wj-wsj-jg"), "卫计委机关党支部", &ctx, error)
       && pbo_edit_rename (tree, ORG ("wj-wsj-lt"), "卫计委离退休党支部", &ctx, error)
       && pbo_edit_merge (tree, (PboOrg *[]) { ORG ("wj-wsj") }, 1, ORG ("wj-wjw"), &ctx, error)
       && appoint (tree, "wj-wjw", PBO_ROLE_SECRETARY, "wj0007", &ctx, error)
       && appoint (tree, "wj-wjw", PBO_ROLE_DEPUTY_SECRETARY, "wj0642", &ctx, error);
  return finish (tree, ok);
}

guint
seeds_orgs_below (PboTree *tree, const char *id)
{
  PboStats s;

  pbo_org_get_stats (ORG (id), &s);
  return s.committees + s.general_branches + s.branches + s.groups;
}

int
seeds_members_of_named (PboTree *tree, const char *part, const char **id)
{
  PboWalker w;
  PboWalkEvent ev;
  PboOrg *org;
  PboStats s;

  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    if (ev == PBO_WALK_ENTER && strstr (pbo_org_get_name (org), part) != NULL)
      {
        if (id != NULL)
          *id = pbo_org_get_id (org);
        pbo_org_get_stats (org, &s);
        return (int) s.members;
      }
  return -1;
}

void
seeds_print_tree (PboTree *tree)
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

PboTree *
seeds_load (int argc, char **argv, const char *fallback)
{
  const char *path = argc > 1 ? argv[1] : fallback;
  g_autoptr (GError) error = NULL;
  PboTree *tree = pbo_xml_load_file (path, NULL, &error);

  if (tree == NULL)
    fprintf (stderr, "%s\n", error->message);
  return tree;
}
