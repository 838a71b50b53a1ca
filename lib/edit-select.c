/* libpbo — selectors: which members an operation takes.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "edit-private.h"

typedef struct {
  const PboSelector *sel;
  GPtrArray         *out;
} Match;

static gboolean
collect (PboMember *m, gpointer data)
{
  Match *match = data;
  const PboSelector *sel = match->sel;

  if ((sel->employment == PBO_EMPLOYMENT_NONE || m->employment == sel->employment)
      && (sel->status == PBO_STATUS_NONE || m->status == sel->status)
      && (sel->department == NULL
          || g_strcmp0 (pbo_member_get_department (m), sel->department) == 0))
    g_ptr_array_add (match->out, m);
  return TRUE;
}

static gboolean
check_selector (const PboSelector *sel, const PboOrg *from, GError **error)
{
  const char *problem = NULL;

  if (sel->version < 1 || sel->version > PBO_SELECTOR_VERSION)
    problem = "unsupported PboSelector version";
  else if (from == NULL)
    problem = "the selector names no org to select from";
  else if (sel->employment != PBO_EMPLOYMENT_NONE
           && pbo_employment_to_string (sel->employment) == NULL)
    problem = "the selector's employment is out of range";
  else if (sel->status != PBO_STATUS_NONE && pbo_status_to_string (sel->status) == NULL)
    problem = "the selector's status is out of range";
  if (problem == NULL)
    return TRUE;
  g_set_error_literal (error, PBO_ERROR, PBO_ERROR_INVALID, problem);
  return FALSE;
}

GPtrArray *
pbo_select_members_ (PboTree *tree, const PboSelector *sel, PboOrg *default_from,
                     GError **error)
{
  PboOrg *from = sel->from != NULL ? sel->from : default_from;
  Match match = { sel, NULL };

  if (!check_selector (sel, from, error))
    return NULL;
  g_return_val_if_fail (from->tree == tree, NULL);
  /* Collected first: a walk must not see the tree change under it. */
  match.out = g_ptr_array_new ();
  pbo_tree_foreach_member (tree, from, collect, &match);
  return match.out;
}

GPtrArray *
pbo_edit_select (PboTree *tree, const PboSelector *selector, GError **error)
{
  g_return_val_if_fail (tree != NULL && selector != NULL, NULL);
  return pbo_select_members_ (tree, selector, NULL, error);
}
