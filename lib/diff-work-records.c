/* libpbo — pbo diff on branch work records (format 1.1): the changes to an
 * org's annual work plans and elections, and the operations that make
 * them (remove-work-plan, add-work-plan, add-election).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "diff-private.h"

static gboolean
plan_equal (const PboOrg *a, guint ia, const PboOrg *b, guint ib)
{
  const char *ta, *tb;
  PboDate da, db;
  guint ya, yb;

  pbo_org_get_work_plan (a, ia, &ya, &da, &ta);
  pbo_org_get_work_plan (b, ib, &yb, &db, &tb);
  return ya == yb && da == db && g_strcmp0 (ta, tb) == 0;
}

static gboolean
election_equal (const PboOrg *a, guint ia, const PboOrg *b, guint ib)
{
  PboElectionInfo x = PBO_ELECTION_INFO_INIT, y = PBO_ELECTION_INFO_INIT;

  pbo_org_get_election (a, ia, &x);
  pbo_org_get_election (b, ib, &y);
  return x.date == y.date && x.method == y.method && x.candidates == y.candidates
         && x.seats == y.seats && x.voters == y.voters && x.voted == y.voted;
}

/* Does @org (NEW) hold plan @i of @other with the same fields? */
static gboolean
holds_plan (const PboOrg *org, const PboOrg *other, guint i)
{
  guint year;
  int k;

  pbo_org_get_work_plan (other, i, &year, NULL, NULL);
  k = org != NULL ? pbo_org_find_work_plan (org, year) : -1;
  return k >= 0 && plan_equal (org, (guint) k, other, i);
}

/* How many of OLD's elections NEW starts with (NEW's first ones). */
static guint
elections_prefix (const PboOrg *old, const PboOrg *org)
{
  guint n_old = old != NULL ? pbo_org_get_n_elections (old) : 0, p = 0;

  while (p < n_old && p < pbo_org_get_n_elections (org) && election_equal (old, p, org, p))
    p++;
  return p;
}

static gboolean
plans_equal (const PboOrg *old, const PboOrg *org)
{
  guint n = pbo_org_get_n_work_plans (org), i;

  if ((old != NULL ? pbo_org_get_n_work_plans (old) : 0) != n)
    return FALSE;
  for (i = 0; i < n; i++)
    if (!holds_plan (old, org, i))
      return FALSE;
  return TRUE;
}

void
pbo_diff_work_records_changes_ (PboDiff *diff, const PboOrg *old, const PboOrg *org)
{
  guint n_old = old != NULL ? pbo_org_get_n_elections (old) : 0;
  char a[16], b[16];

  if (!plans_equal (old, org))
    {
      g_snprintf (a, sizeof a, "%u", old != NULL ? pbo_org_get_n_work_plans (old) : 0);
      g_snprintf (b, sizeof b, "%u", pbo_org_get_n_work_plans (org));
      pbo_diff_add_field_change_ (diff, org->id, "work-plans", a, b, FALSE);
    }
  if (n_old != pbo_org_get_n_elections (org) || elections_prefix (old, org) != n_old)
    {
      g_snprintf (a, sizeof a, "%u", n_old);
      g_snprintf (b, sizeof b, "%u", pbo_org_get_n_elections (org));
      /* Elections are only ever added: one OLD has that NEW lacks cannot
       * be planned. */
      pbo_diff_add_field_change_ (diff, org->id, "elections", a, b,
                                  elections_prefix (old, org) != n_old);
    }
}

static gboolean
fields_differ (const PboOrg *old, const PboOrg *org)
{
  return old != NULL
         && (g_strcmp0 (pbo_org_get_unit (old), pbo_org_get_unit (org)) != 0
             || pbo_org_get_established (old) != pbo_org_get_established (org)
             || pbo_org_get_term_start (old) != pbo_org_get_term_start (org)
             || pbo_org_get_term_years (old) != pbo_org_get_term_years (org));
}

gboolean
pbo_diff_work_records_ops_ (PboOrg *org, gpointer data)
{
  PboDiff *diff = data;
  const PboDiffOrg *o = pbo_diff_org_ (diff, org->id);
  const PboOrg *old = pbo_diff_org_kept_ (o) ? o->old_org : NULL;
  guint i, p, year;

  for (i = 0; old != NULL && i < pbo_org_get_n_work_plans (old); i++)
    if (!holds_plan (org, old, i) && pbo_org_get_work_plan (old, i, &year, NULL, NULL))
      pbo_diff_emit_ (diff, PBO_EDIT_OP_REMOVE_WORK_PLAN, org->id)->meeting = year;
  for (i = 0; i < pbo_org_get_n_work_plans (org); i++)
    if (!holds_plan (old, org, i))
      {
        PboDiffOp *op = pbo_diff_emit_ (diff, PBO_EDIT_OP_ADD_WORK_PLAN, org->id);
        op->fields = org;
        op->meeting = i;
      }
  p = elections_prefix (old, org);
  if (old != NULL && p != pbo_org_get_n_elections (old))
    return TRUE;
  for (i = p; i < pbo_org_get_n_elections (org); i++)
    {
      PboDiffOp *op = pbo_diff_emit_ (diff, PBO_EDIT_OP_ADD_ELECTION, org->id);
      op->fields = org;
      op->meeting = i;
    }
  /* An election sets the term: NEW's own is set again after them, here
   * unless the set-org phase will (a kept org whose fields differ). */
  if (i > p && !fields_differ (old, org))
    pbo_diff_emit_ (diff, PBO_EDIT_OP_SET_ORG, org->id)->fields = org;
  return TRUE;
}
