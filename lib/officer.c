/* libpbo — officers of orgs (meeting records are org-meeting.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "tree-private.h"
#include "error-private.h"

/* Officers are a plain array of exactly their number: most orgs have two
 * to five, and a GArray's header and rounding would double that. */
static PboOfficer *
officer_at (const PboOrg *org, guint i)
{
  return &org->officers[i];
}

static guint
n_officers (const PboOrg *org)
{
  return org->n_officers;
}

static void
remove_officer_at (PboOrg *org, guint i)
{
  memmove (&org->officers[i], &org->officers[i + 1],
           (org->n_officers - i - 1) * sizeof (PboOfficer));
  org->n_officers--;
  if (org->n_officers == 0)
    g_clear_pointer (&org->officers, g_free);
  else
    org->officers = g_renew (PboOfficer, org->officers, org->n_officers);
}

gboolean
pbo_org_add_officer (PboTree *tree, PboOrg *org, PboRole role, PboMember *member, PboDate since,
                     GError **error)
{
  g_return_val_if_fail (tree != NULL && org != NULL && org->tree == tree, FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  if (!pbo_tree_builder_allowed_ (tree, G_STRFUNC))
    return FALSE;
  return pbo_org_insert_officer_ (org, n_officers (org), role, member, since, error);
}

gboolean
pbo_org_insert_officer_ (PboOrg *org, guint index, PboRole role, PboMember *member,
                         PboDate since, GError **error)
{
  PboOfficer rec;
  guint i;

  if (n_officers (org) == G_MAXUINT16)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("org “%s” has too many officers"), org->id);
      return FALSE;
    }
  if (index > n_officers (org))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("org “%s” has only %u officers"), org->id,
                   n_officers (org));
      return FALSE;
    }
  if (pbo_role_to_string (role) == NULL)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("not a valid officer role"));
      return FALSE;
    }
  if (since != PBO_DATE_NONE && (!pbo_date_is_valid (since) || pbo_date_is_year_only (since)))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("the appointment date is not valid"));
      return FALSE;
    }
  if (!pbo_org_is_ancestor (org, member->org))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INCONSISTENT,
                   _("member “%s” cannot be %s of “%s”: not a member of its subtree"), pbo_member_id_ (member),
                   pbo_role_to_display_name (role), org->id);
      return FALSE;
    }
  for (i = 0; i < n_officers (org); i++)
    {
      const PboOfficer *o = officer_at (org, i);
      if (o->role != role)
        continue;
      if (o->member == member || role != PBO_ROLE_COMMITTEE_MEMBER)
        {
          g_set_error (error, PBO_ERROR, PBO_ERROR_INCONSISTENT,
                       _("the role %s of “%s” is already held by “%s”"),
                       pbo_role_to_display_name (role),
                       org->id, pbo_member_id_ (o->member));
          return FALSE;
        }
    }
  if (member->n_offices == G_MAXUINT8)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("member “%s” holds too many offices"),
                   pbo_member_id_ (member));
      return FALSE;
    }
  rec.member = member;
  rec.since = since;
  rec.role = (guint8) role;
  org->officers = g_renew (PboOfficer, org->officers, org->n_officers + 1);
  memmove (&org->officers[index + 1], &org->officers[index],
           (org->n_officers - index) * sizeof (PboOfficer));
  org->officers[index] = rec;
  org->n_officers++;
  member->n_offices++;
  return TRUE;
}

gboolean
pbo_org_remove_officer (PboTree *tree, PboOrg *org, PboRole role, PboMember *member,
                        GError **error)
{
  guint i;

  g_return_val_if_fail (tree != NULL && org != NULL && org->tree == tree, FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  if (!pbo_tree_builder_allowed_ (tree, G_STRFUNC))
    return FALSE;

  for (i = 0; i < n_officers (org); i++)
    if (officer_at (org, i)->role == role && officer_at (org, i)->member == member)
      {
        remove_officer_at (org, i);
        member->n_offices--;
        return TRUE;
      }
  g_set_error (error, PBO_ERROR, PBO_ERROR_UNKNOWN_ID, _("“%s” is not %s of “%s”"), pbo_member_id_ (member),
               pbo_role_to_string (role) != NULL ? pbo_role_to_string (role) : "an officer",
               org->id);
  return FALSE;
}

void
pbo_officers_vacate_ (PboOrg *from, const PboOrg *dest, PboOfficerTest leaving,
                      gconstpointer data, PboVacateNotify notify, gpointer notify_data)
{
  PboOrg *org;

  /* The orgs left are the ancestors of @from (itself included) up to the
   * first one that is also an ancestor of @dest. */
  for (org = from; org != NULL; org = org->parent)
    {
      guint i = 0;
      if (dest != NULL && pbo_org_is_ancestor (org, dest))
        break;
      while (i < n_officers (org))
        if (leaving (officer_at (org, i)->member, data))
          {
            if (notify != NULL)
              notify (org, i, officer_at (org, i), notify_data);
            officer_at (org, i)->member->n_offices--;
            remove_officer_at (org, i);
            if (org->officers == NULL)
              break;   /* that was the last one */
          }
        else
          i++;
    }
}

guint
pbo_org_get_n_officers (const PboOrg *org)
{
  g_return_val_if_fail (org != NULL, 0);
  return n_officers (org);
}

gboolean
pbo_org_get_officer (const PboOrg *org, guint index, PboRole *role, PboMember **member,
                     PboDate *since)
{
  const PboOfficer *o;

  g_return_val_if_fail (org != NULL, FALSE);
  if (index >= n_officers (org))
    return FALSE;
  o = officer_at (org, index);
  if (role)
    *role = (PboRole) o->role;
  if (member)
    *member = o->member;
  if (since)
    *since = o->since;
  return TRUE;
}

PboMember *
pbo_org_find_officer (const PboOrg *org, PboRole role)
{
  guint i;

  g_return_val_if_fail (org != NULL, NULL);
  for (i = 0; i < n_officers (org); i++)
    if (officer_at (org, i)->role == role)
      return officer_at (org, i)->member;
  return NULL;
}
