/* libpbo — the checks behind the rule table (lib/rules.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <inttypes.h>
#include "meetings-private.h"
#include "org-facts-private.h"
#include "rules-private.h"
#include "lifecycle-private.h"
#include "error-private.h"

/* ---- sizes ------------------------------------------------------------- */

static guint
subtree_members (const PboOrg *org, gboolean full_only)
{
  PboStats stats;

  pbo_org_get_stats (org, &stats);
  return full_only ? stats.full : stats.members;
}

static gboolean
is_kind (const PboOrg *org, PboOrgKind kind)
{
  return pbo_org_get_kind (org) == kind;
}

void
pbo_check_branch_few_full_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  guint full;

  if (!is_kind (org, PBO_ORG_BRANCH))
    return;
  full = subtree_members (org, TRUE);
  if (full < run->options->branch_min_full)
    pbo_check_report_ (run, def, org, NULL,
                       "branch %s has %u full member%s, fewer than %u: it should join a "
                       "joint branch (联合党支部)",
                       pbo_org_get_id (org), full, full == 1 ? "" : "s",
                       run->options->branch_min_full);
}

void
pbo_check_branch_no_committee_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  guint full;

  if (!is_kind (org, PBO_ORG_BRANCH))
    return;
  full = subtree_members (org, TRUE);
  if (full >= run->options->branch_committee_full &&
      !pbo_org_has_committee_ (org, run->options->committee_min_officers))
    pbo_check_report_ (run, def, org, NULL,
                       "branch %s has %u full members but no committee (a secretary and "
                       "officers making at least %u members): one is required from %u",
                       pbo_org_get_id (org), full, run->options->committee_min_officers,
                       run->options->branch_committee_full);
}

void
pbo_check_branch_committee_large_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  guint n;

  if (!is_kind (org, PBO_ORG_BRANCH))
    return;
  n = pbo_org_count_officer_members_ (org);
  if (n > run->options->branch_committee_max)
    pbo_check_report_ (run, def, org, NULL,
                       "branch %s has a committee of %u members, more than %u",
                       pbo_org_get_id (org), n, run->options->branch_committee_max);
}

void
pbo_check_branch_large_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  guint n;

  if (!is_kind (org, PBO_ORG_BRANCH))
    return;
  n = subtree_members (org, FALSE);
  if (n > run->options->branch_max_members)
    pbo_check_report_ (run, def, org, NULL,
                       "branch %s has %u members, more than %u: split it into several "
                       "branches or make it a general branch",
                       pbo_org_get_id (org), n, run->options->branch_max_members);
}

void
pbo_check_general_branch_size_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  guint n;

  if (!is_kind (org, PBO_ORG_GENERAL_BRANCH))
    return;
  n = subtree_members (org, FALSE);
  if (n < run->options->general_branch_min_members ||
      n > run->options->general_branch_max_members)
    pbo_check_report_ (run, def, org, NULL,
                       "general branch %s has %u members, outside the usual %u–%u",
                       pbo_org_get_id (org), n, run->options->general_branch_min_members,
                       run->options->general_branch_max_members);
}

void
pbo_check_committee_small_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  PboStats stats;

  if (!is_kind (org, PBO_ORG_COMMITTEE))
    return;
  pbo_org_get_stats (org, &stats);
  /* Only a primary committee (one with no committee below it) is sized by
   * its members; a commission committee over units is not. */
  if (stats.committees == 0 && stats.members < run->options->committee_min_members)
    pbo_check_report_ (run, def, org, NULL,
                       "committee %s has %u members, fewer than %u: allowed only with the "
                       "approval of the higher organisation",
                       pbo_org_get_id (org), stats.members, run->options->committee_min_members);
}

/* ---- officers ---------------------------------------------------------- */

void
pbo_check_officer_not_full_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  guint i;

  for (i = 0; i < pbo_org_get_n_officers (org); i++)
    {
      PboRole role;
      PboMember *m;

      pbo_org_get_officer (org, i, &role, &m, NULL);
      if (pbo_member_get_status (m) != PBO_STATUS_FULL)
        pbo_check_report_ (run, def, org, m,
                           "officer %s (%s of %s) is a probationary member, who cannot be "
                           "elected",
                           pbo_member_get_id (m), pbo_role_to_display_name (role),
                           pbo_org_get_id (org));
      else
        pbo_check_officer_standing_ (run, def, org, m, role);
    }
}

void
pbo_check_officer_before_founding_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  PboDate founded = pbo_org_get_established (org);
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];
  guint i;

  for (i = 0; founded != PBO_DATE_NONE && i < pbo_org_get_n_officers (org); i++)
    {
      PboRole role;
      PboMember *m;
      PboDate since;

      pbo_org_get_officer (org, i, &role, &m, &since);
      if (since != PBO_DATE_NONE && since < founded)
        pbo_check_report_ (run, def, org, m,
                           "officer %s (%s of %s) was appointed on %s, before %s was founded "
                           "on %s",
                           pbo_member_get_id (m), pbo_role_to_display_name (role),
                           pbo_org_get_id (org), pbo_date_format (since, d1),
                           pbo_org_get_id (org), pbo_date_format (founded, d2));
    }
}

/* ---- terms ------------------------------------------------------------- */

/* The day the current term ends (its anniversary), or NONE when no term
 * start is recorded or the org has no term (groups). */
static PboDate
term_end (const PboCheckRun *run, const PboOrg *org, guint *years)
{
  PboDate start = pbo_org_get_term_start (org);

  *years = pbo_org_get_term_years (org);
  if (start == PBO_DATE_NONE || is_kind (org, PBO_ORG_GROUP))
    return PBO_DATE_NONE;
  if (*years == 0)
    *years = is_kind (org, PBO_ORG_COMMITTEE) ? run->options->term_years_committee
                                              : run->options->term_years_branch;
  return pbo_date_add_months (start, (int) MIN (*years, 100u) * 12);
}

void
pbo_check_term_expired_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];
  guint years;
  PboDate end = term_end (run, org, &years);

  if (end != PBO_DATE_NONE)
    end = pbo_term_due_ (org, end);
  if (end != PBO_DATE_NONE && run->on >= end)
    pbo_check_report_ (run, def, org, NULL,
                       "the term of %s (%u years from %s) ended on %s: the re-election "
                       "(换届) is overdue",
                       pbo_org_get_id (org), years,
                       pbo_date_format (pbo_org_get_term_start (org), d1),
                       pbo_date_format (end, d2));
}

void
pbo_check_term_expiring_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];
  guint years;
  PboDate end = term_end (run, org, &years);
  gint64 days;

  if (end != PBO_DATE_NONE)
    end = pbo_term_due_ (org, end);
  if (end == PBO_DATE_NONE || run->on >= end)
    return;
  days = pbo_date_days_between (run->on, end);
  if (days <= (gint64) run->options->term_warning_days)
    pbo_check_report_ (run, def, org, NULL,
                       "the term of %s (%u years from %s) ends on %s, in %" PRId64
                       " day%s: prepare the re-election (换届)",
                       pbo_org_get_id (org), years,
                       pbo_date_format (pbo_org_get_term_start (org), d1),
                       pbo_date_format (end, d2), days, days == 1 ? "" : "s");
}

/* ---- probation --------------------------------------------------------- */

/* The last day of a probation of @months from joining (the anniversary):
 * a member still probationary after it is overdue. */
static PboDate
probation_end (const PboMember *m, guint months)
{
  return pbo_date_add_months (pbo_member_get_joined (m), (int) MIN (months, 1200u));
}

static gboolean
probationary_after (const PboCheckRun *run, const PboMember *m, guint months, PboDate *end)
{
  if (pbo_member_get_status (m) != PBO_STATUS_PROBATIONARY)
    return FALSE;
  *end = probation_end (m, months);
  return *end != PBO_DATE_NONE && run->on > *end;
}

void
pbo_check_probation_overdue_ (PboCheckRun *run, const PboRuleDef *def, PboMember *member)
{
  const PboCheckOptions *o = run->options;
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];
  PboDate end, max_end;

  if (!probationary_after (run, member, o->probation_months, &end)
      || run->on <= (end = pbo_probation_end_ (member, end)))
    return;
  /* Past the longest extension it is P002's finding, not this one. */
  if ((o->disabled & PBO_RULE_BIT (PBO_RULE_PROBATION_EXCEEDED)) == 0 &&
      probationary_after (run, member, o->probation_months + o->probation_extension_months,
                          &max_end))
    return;
  pbo_check_report_ (run, def, pbo_member_get_org (member), member,
                     "probationary member %s joined on %s; the probation ended on %s and no "
                     "conversion (转正) is recorded",
                     pbo_member_get_id (member),
                     pbo_date_format (pbo_member_get_joined (member), d1),
                     pbo_date_format (end, d2));
}

void
pbo_check_probation_exceeded_ (PboCheckRun *run, const PboRuleDef *def, PboMember *member)
{
  const PboCheckOptions *o = run->options;
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];
  PboDate end;

  if (probationary_after (run, member, o->probation_months + o->probation_extension_months,
                          &end))
    pbo_check_report_ (run, def, pbo_member_get_org (member), member,
                       "probationary member %s joined on %s; even the longest extension "
                       "ended on %s: convert or cancel the membership",
                       pbo_member_get_id (member),
                       pbo_date_format (pbo_member_get_joined (member), d1),
                       pbo_date_format (end, d2));
}

/* ---- member data ------------------------------------------------------- */

void
pbo_check_id_card_ (PboCheckRun *run, const PboRuleDef *def, PboMember *member)
{
  g_autofree char *number = pbo_member_dup_id_card (member);
  g_autoptr (GError) error = NULL;

  if (number != NULL && !pbo_id_card_check (number, &error))
    pbo_check_report_ (run, def, pbo_member_get_org (member), member,
                       "member %s: the ID-card number fails the GB 11643 check (%s)",
                       pbo_member_get_id (member), error->message);
}

/* ---- meetings ---------------------------------------------------------- */

static const char *const meeting_plurals[PBO_MEETING_TYPE_SLOTS] = {
  NULL, N_("general assemblies"), N_("committee meetings"), N_("group meetings"), N_("lectures"),
  N_("theme days"), N_("life meetings"), N_("member reviews")
};

void
pbo_check_meetings_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  PboMeetingType type = (PboMeetingType) def->arg;
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE], d3[PBO_DATE_BUFSIZE];
  PboMeetingTally t;

  if (!is_kind (org, PBO_ORG_BRANCH))
    return;
  pbo_meeting_tally_ (org, type, pbo_check_options_get_interval (run->options, type),
                      pbo_branch_requires_meeting_ (org, type,
                                                    run->options->committee_min_officers),
                      run->from, run->to, &t);
  if (t.met < t.required)
    pbo_check_report_ (run, def, org, NULL,
                       "branch %s held %u %s from %s to %s: %u of the %u required %u-month "
                       "periods had none (the first from %s)",
                       pbo_org_get_id (org), t.held, _(meeting_plurals[type]),
                       pbo_date_format (run->from, d1), pbo_date_format (run->to, d2),
                       t.required - t.met, t.required, t.interval_months,
                       pbo_date_format (t.first_missing, d3));
}
