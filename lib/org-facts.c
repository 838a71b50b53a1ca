/* libpbo — facts derived from an org, shared by rules, meetings and reports.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "org-facts-private.h"
#include "error-private.h"

static gboolean
officer_seen_before (const PboOrg *org, guint index)
{
  PboMember *m, *other;
  guint i;

  pbo_org_get_officer (org, index, NULL, &m, NULL);
  for (i = 0; i < index; i++)
    {
      pbo_org_get_officer (org, i, NULL, &other, NULL);
      if (other == m)
        return TRUE;
    }
  return FALSE;
}

guint
pbo_org_count_officer_members_ (const PboOrg *org)
{
  guint i, n = 0;

  for (i = 0; i < pbo_org_get_n_officers (org); i++)
    if (!officer_seen_before (org, i))
      n++;
  return n;
}

gboolean
pbo_org_has_committee_ (const PboOrg *org, guint min_officers)
{
  return pbo_org_find_officer (org, PBO_ROLE_SECRETARY) != NULL &&
         pbo_org_count_officer_members_ (org) >= min_officers;
}

gboolean
pbo_org_has_groups_ (const PboOrg *org)
{
  const PboOrg *child;

  for (child = pbo_org_get_first_child (org); child != NULL; child = pbo_org_get_next (child))
    if (pbo_org_get_kind (child) == PBO_ORG_GROUP)
      return TRUE;
  return FALSE;
}

gboolean
pbo_branch_requires_meeting_ (const PboOrg *branch, PboMeetingType type,
                              guint committee_min_officers)
{
  if (pbo_org_get_kind (branch) != PBO_ORG_BRANCH || pbo_meeting_type_to_string (type) == NULL)
    return FALSE;
  switch (type)
    {
    case PBO_MEETING_COMMITTEE:
      return pbo_org_has_committee_ (branch, committee_min_officers);
    case PBO_MEETING_GROUP:
      return pbo_org_has_groups_ (branch);
    default:
      return TRUE;
    }
}

gboolean
pbo_options_version_check_ (unsigned int version, unsigned int current, const char *what,
                            GError **error)
{
  if (version >= 1 && version <= current)
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("%s options version %u is not supported"),
               what, version);
  return FALSE;
}

gboolean
pbo_date_check_optional_ (PboDate date, const char *what, GError **error)
{
  if (date == PBO_DATE_NONE || (pbo_date_is_valid (date) && !pbo_date_is_year_only (date)))
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("the %s (%u) is not a full date"), what,
               (guint) date);
  return FALSE;
}

gboolean
pbo_period_resolve_ (PboDate on, PboDate *from, PboDate *to, GError **error)
{
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];

  if (!pbo_date_check_optional_ (on, _("check date"), error) ||
      !pbo_date_check_optional_ (*from, _("start of the period"), error) ||
      !pbo_date_check_optional_ (*to, _("end of the period"), error))
    return FALSE;
  if (*to == PBO_DATE_NONE)
    *to = on != PBO_DATE_NONE ? on : pbo_date_today ();
  if (*from == PBO_DATE_NONE)
    *from = pbo_date_add_days (pbo_date_add_months (*to, -12), 1);
  if (*from == PBO_DATE_NONE)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                   _("the 12 months ending on %s would start before 0001-01-01, the first "
                     "date libpbo can hold: give the start of the period"), pbo_date_format (*to, d2));
      return FALSE;
    }
  if (*from > *to)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                   _("the period starts (%s) after it ends (%s)"), pbo_date_format (*from, d1),
                   pbo_date_format (*to, d2));
      return FALSE;
    }
  return TRUE;
}
