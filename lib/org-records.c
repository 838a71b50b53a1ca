/* libpbo — the side table of an org's work records: annual work plans and
 * elections (format 1.1).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "org-records-private.h"
#include "error-private.h"

static void
records_free (gpointer data)
{
  PboOrgRecords *r = data;

  g_clear_pointer (&r->plans, g_array_unref);
  g_clear_pointer (&r->elections, g_array_unref);
  g_free (r);
}

PboOrgRecords *
pbo_org_records_ (const PboOrg *org)
{
  const PboTree *tree = org->tree;

  return tree != NULL && tree->org_records != NULL
         ? g_hash_table_lookup (tree->org_records, org) : NULL;
}

static PboOrgRecords *
records_ensure (PboTree *tree, PboOrg *org)
{
  PboOrgRecords *r = pbo_org_records_ (org);

  if (r != NULL)
    return r;
  if (tree->org_records == NULL)
    tree->org_records = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, records_free);
  r = g_new0 (PboOrgRecords, 1);
  g_hash_table_insert (tree->org_records, org, r);
  return r;
}

/* An org whose last record went leaves the table: the file may be 1.0 again. */
static void
records_trim (PboTree *tree, const PboOrg *org)
{
  PboOrgRecords *r = pbo_org_records_ (org);

  if (r != NULL && (r->plans == NULL || r->plans->len == 0)
      && (r->elections == NULL || r->elections->len == 0))
    pbo_org_records_forget_ (tree, org);
}

void
pbo_org_records_forget_ (PboTree *tree, const PboOrg *org)
{
  if (tree->org_records == NULL)
    return;
  g_hash_table_remove (tree->org_records, org);
  if (g_hash_table_size (tree->org_records) == 0)
    g_clear_pointer (&tree->org_records, g_hash_table_unref);
}

gboolean
pbo_tree_has_org_records_ (const PboTree *tree)
{
  return tree->org_records != NULL && g_hash_table_size (tree->org_records) > 0;
}

gboolean
pbo_tree_has_work_plans_ (const PboTree *tree)
{
  GHashTableIter it;
  gpointer value;

  if (tree->org_records == NULL)
    return FALSE;
  g_hash_table_iter_init (&it, tree->org_records);
  while (g_hash_table_iter_next (&it, NULL, &value))
    if (((PboOrgRecords *) value)->plans != NULL && ((PboOrgRecords *) value)->plans->len > 0)
      return TRUE;
  return FALSE;
}

void
pbo_org_records_copy_ (PboTree *tree, PboOrg *dest, const PboOrg *src)
{
  const PboOrgRecords *r = pbo_org_records_ (src);
  guint i;

  for (i = 0; r != NULL && r->plans != NULL && i < r->plans->len; i++)
    {
      const PboWorkPlan *p = &g_array_index (r->plans, PboWorkPlan, i);
      pbo_org_insert_work_plan_ (tree, dest, p->year, p->approved, p->title, NULL);
    }
  for (i = 0; r != NULL && r->elections != NULL && i < r->elections->len; i++)
    pbo_org_insert_election_ (tree, dest, G_MAXUINT,
                              &g_array_index (r->elections, PboElection, i), NULL);
}

/* ---- work plans ---------------------------------------------------------- */

guint
pbo_org_get_n_work_plans (const PboOrg *org)
{
  const PboOrgRecords *r;

  g_return_val_if_fail (org != NULL, 0);
  r = pbo_org_records_ (org);
  return r != NULL && r->plans != NULL ? r->plans->len : 0;
}

gboolean
pbo_org_get_work_plan (const PboOrg *org, guint index, guint *year, PboDate *approved,
                       const char **title)
{
  const PboWorkPlan *p;

  g_return_val_if_fail (org != NULL, FALSE);
  if (index >= pbo_org_get_n_work_plans (org) || pbo_org_records_ (org) == NULL)
    return FALSE;
  p = &g_array_index (pbo_org_records_ (org)->plans, PboWorkPlan, index);
  if (year != NULL)
    *year = p->year;
  if (approved != NULL)
    *approved = p->approved;
  if (title != NULL)
    *title = p->title;
  return TRUE;
}

int
pbo_org_find_work_plan (const PboOrg *org, guint year)
{
  guint i, n, y;

  g_return_val_if_fail (org != NULL, -1);
  n = pbo_org_get_n_work_plans (org);
  for (i = 0; i < n; i++)
    if (pbo_org_get_work_plan (org, i, &y, NULL, NULL) && y == year)
      return (int) i;
  return -1;
}

gboolean
pbo_org_insert_work_plan_ (PboTree *tree, PboOrg *org, guint year, PboDate approved,
                           const char *title, GError **error)
{
  PboOrgRecords *r;
  PboWorkPlan p = { NULL, approved, (guint16) year };
  guint i;

  if (year < PBO_WORK_PLAN_YEAR_MIN || year > PBO_WORK_PLAN_YEAR_MAX)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("work plan year %u is not from %d to %d"),
                        year, PBO_WORK_PLAN_YEAR_MIN, PBO_WORK_PLAN_YEAR_MAX);
  if (approved != PBO_DATE_NONE && (!pbo_date_is_valid (approved) || pbo_date_is_year_only (approved)))
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("a work plan's approval needs a full date"));
  if (!pbo_text_check_ (title, _("work plan title"), FALSE, error))
    return FALSE;
  if (pbo_org_find_work_plan (org, year) >= 0)
    return pbo_refuse_ (error, PBO_ERROR_DUPLICATE_ID,
                        _("org “%s” already has a work plan for %u"), org->id, year);
  r = records_ensure (tree, org);
  if (r->plans == NULL)
    r->plans = g_array_new (FALSE, FALSE, sizeof (PboWorkPlan));
  p.title = title != NULL && *title != '\0' ? g_string_chunk_insert_const (tree->strings, title)
                                            : NULL;
  for (i = 0; i < r->plans->len && g_array_index (r->plans, PboWorkPlan, i).year < year; i++)
    ;
  g_array_insert_val (r->plans, i, p);
  return TRUE;
}

void
pbo_org_delete_work_plan_ (PboTree *tree, PboOrg *org, guint index)
{
  PboOrgRecords *r = pbo_org_records_ (org);

  g_return_if_fail (r != NULL && r->plans != NULL);
  g_array_remove_index (r->plans, index);
  records_trim (tree, org);
}

/* ---- elections -------------------------------------------------------------- */

gboolean
pbo_election_check_ (const PboElection *rec, GError **error)
{
  if (!pbo_date_is_valid (rec->date) || pbo_date_is_year_only (rec->date))
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("an election needs a full date"));
  if (pbo_election_method_to_string ((PboElectionMethod) rec->method) == NULL)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("not a valid election method"));
  if (rec->seats == 0 || rec->candidates < rec->seats)
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("an election needs at least one seat and as many candidates as seats "
                          "(%u candidates, %u seats)"), rec->candidates, rec->seats);
  if (rec->voters == 0 || rec->voted > rec->voters)
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("an election needs voters, and no more voting than entitled "
                          "(%u voted of %u)"), rec->voted, rec->voters);
  if (rec->voters > PBO_ATTENDANCE_MAX || rec->candidates > PBO_ATTENDANCE_MAX)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("an election's counts are at most %d"),
                        PBO_ATTENDANCE_MAX);
  return TRUE;
}

gboolean
pbo_org_insert_election_ (PboTree *tree, PboOrg *org, guint index, const PboElection *rec,
                          GError **error)
{
  PboOrgRecords *r;

  if (!pbo_election_check_ (rec, error))
    return FALSE;
  r = records_ensure (tree, org);
  if (r->elections == NULL)
    r->elections = g_array_new (FALSE, FALSE, sizeof (PboElection));
  g_array_insert_val (r->elections, MIN (index, r->elections->len), *rec);
  return TRUE;
}

void
pbo_org_delete_election_ (PboTree *tree, PboOrg *org, guint index)
{
  PboOrgRecords *r = pbo_org_records_ (org);

  g_return_if_fail (r != NULL && r->elections != NULL);
  g_array_remove_index (r->elections, index);
  records_trim (tree, org);
}
