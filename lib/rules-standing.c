/* libpbo — the rules of the member lifecycle (format 1.1): lost contact
 * (PBO-S001), outflow (PBO-S002), letters without a receipt (PBO-X001), a
 * new secretary's 党龄 (PBO-O003); and the widenings of O001 (officers in
 * 留党察看 or suspended) and P001 (an extended probation).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "rules-private.h"
#include "lifecycle-private.h"

/* Has @m been in @standing for @months or more on the check day? */
static gboolean
standing_for (const PboCheckRun *run, const PboMember *m, PboStanding standing, guint months,
              PboDate *since)
{
  *since = pbo_member_get_standing_since (m);
  return pbo_member_get_standing (m) == standing && *since != PBO_DATE_NONE
         && run->on >= pbo_date_add_months (*since, (int) MIN (months, 1200u));
}

void
pbo_check_lost_contact_ (PboCheckRun *run, const PboRuleDef *def, PboMember *member)
{
  char d[PBO_DATE_BUFSIZE];
  PboDate since;

  if (standing_for (run, member, PBO_STANDING_LOST_CONTACT, run->options->lost_contact_months,
                    &since))
    pbo_check_report_ (run, def, pbo_member_get_org (member), member,
                       "member %s has been out of contact since %s (%u months or more): "
                       "consider suspending the membership (停止党籍)",
                       pbo_member_get_id (member), pbo_date_format (since, d),
                       run->options->lost_contact_months);
}

void
pbo_check_outflow_ (PboCheckRun *run, const PboRuleDef *def, PboMember *member)
{
  char d[PBO_DATE_BUFSIZE];
  PboDate since;
  const char *to = pbo_member_get_outflow_to (member);

  if (standing_for (run, member, PBO_STANDING_OUTFLOW, run->options->outflow_months, &since))
    pbo_check_report_ (run, def, pbo_member_get_org (member), member,
                       "member %s has been away (流出, to %s) since %s, %u months or more: "
                       "transfer the organisation relation",
                       pbo_member_get_id (member), to != NULL ? to : "?",
                       pbo_date_format (since, d), run->options->outflow_months);
}

/* A letter is reported under the branch it left, or under the first
 * top-level org once that branch is gone. */
static gboolean
letter_belongs_to (const PboTree *tree, const PboLetterInfo *l, const PboOrg *org)
{
  if (g_strcmp0 (l->branch, pbo_org_get_id (org)) == 0)
    return TRUE;
  return pbo_org_get_parent (org) == NULL && org == pbo_tree_get_first_org (tree)
         && pbo_tree_lookup_org ((PboTree *) tree, l->branch) == NULL;
}

void
pbo_check_letters_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  const PboTree *tree = pbo_org_get_tree (org);
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];
  PboLetterInfo l = PBO_LETTER_INFO_INIT;
  guint i;

  for (i = 0; pbo_tree_get_letter (tree, i, &l); i++)
    if (pbo_letter_state_on (&l, run->on) == PBO_LETTER_OVERDUE
        && letter_belongs_to (tree, &l, org))
      pbo_check_report_recruit_ (run, def, org, l.member_id,
                                 /* The id, not the name: findings name members by id, so
                                  * that a redacted report (HTML --redact) holds no names. */
                                 "letter %s of %s to %s, issued on %s, expired on %s "
                                 "without a receipt (回执)",
                                 l.number, l.member_id, l.other_org,
                                 pbo_date_format (l.issued, d1),
                                 pbo_date_format (pbo_letter_expires (&l), d2));
}

void
pbo_check_secretary_party_age_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  guint months = run->options->secretary_party_months, i;
  char d[PBO_DATE_BUFSIZE];

  for (i = 0; i < pbo_org_get_n_officers (org); i++)
    {
      PboRole role;
      PboMember *m;
      PboDate full;

      pbo_org_get_officer (org, i, &role, &m, NULL);
      full = pbo_member_get_full_since (m);
      /* A probationary secretary is O001's finding. */
      if (role == PBO_ROLE_SECRETARY && pbo_member_get_status (m) == PBO_STATUS_FULL
          && full != PBO_DATE_NONE
          && run->on < pbo_date_add_months (full, (int) MIN (months, 1200u)))
        pbo_check_report_ (run, def, org, m,
                           "secretary %s of %s has been a full member only since %s (under %u "
                           "months of 党龄)", pbo_member_get_id (m), pbo_org_get_id (org),
                           pbo_date_format (full, d), months);
    }
}

/* 留党察看 and suspended members have no right to be elected (党章 art. 40). */
void
pbo_check_officer_standing_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org, PboMember *m,
                             PboRole role)
{
  PboStanding s = pbo_member_get_standing (m);

  if (s == PBO_STANDING_DISCIPLINARY_PROBATION)
    pbo_check_report_ (run, def, org, m,
                       "officer %s (%s of %s) is under disciplinary probation (留党察看) and "
                       "cannot hold office", pbo_member_get_id (m), pbo_role_to_string (role),
                       pbo_org_get_id (org));
  else if (s == PBO_STANDING_SUSPENDED)
    pbo_check_report_ (run, def, org, m,
                       "officer %s (%s of %s) is suspended (停止党籍) and cannot hold office",
                       pbo_member_get_id (m), pbo_role_to_string (role), pbo_org_get_id (org));
}

PboDate
pbo_probation_end_ (const PboMember *m, PboDate normal_end)
{
  PboDate ext = pbo_member_get_probation_extended_to (m);

  return ext != PBO_DATE_NONE && ext > normal_end ? ext : normal_end;
}
