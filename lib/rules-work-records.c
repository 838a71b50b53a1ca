/* libpbo — the rules on branch work records (format 1.1): PBO-N001 and
 * PBO-N002 on the last election of an org, PBO-W001 on annual work plans.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "rules-private.h"
#include "error-private.h"
#include "org-records-private.h"

gboolean
pbo_check_work_options_valid_ (const PboCheckOptions *o, GError **error)
{
  if (o->election_quorum_percent >= 100 || o->election_margin_percent > 1000
      || (o->work_plan_year != 0 && (o->work_plan_year < PBO_WORK_PLAN_YEAR_MIN
                                     || o->work_plan_year > PBO_WORK_PLAN_YEAR_MAX)))
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        "check options: election_quorum_percent %u (under 100), "
                        "election_margin_percent %u (at most 1000) or work_plan_year %u out of range",
                        o->election_quorum_percent, o->election_margin_percent, o->work_plan_year);
  return TRUE;
}

/* The election that started the org's current term: the last recorded. */
static gboolean
last_election (const PboOrg *org, PboElectionInfo *info)
{
  guint n = pbo_org_get_n_elections (org);

  return n > 0 && pbo_org_get_election (org, n - 1, info);
}

void
pbo_check_election_quorum_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  PboElectionInfo el = PBO_ELECTION_INFO_INIT;
  guint percent = run->options->election_quorum_percent;
  char date[PBO_DATE_BUFSIZE];

  /* More than percent %: voted / voters > percent / 100, in integers. */
  if (last_election (org, &el) && (guint64) el.voted * 100 <= (guint64) el.voters * percent)
    pbo_check_report_ (run, def, org, NULL,
                       "election of %s on %s: %u of %u entitled members voted, not more than "
                       "%u%%: the vote is not valid and must be held again",
                       pbo_org_get_id (org), pbo_date_format (el.date, date), el.voted, el.voters,
                       percent);
}

void
pbo_check_election_margin_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  PboElectionInfo el = PBO_ELECTION_INFO_INIT;
  guint percent = run->options->election_margin_percent;
  char date[PBO_DATE_BUFSIZE];

  /* A single seat (a secretary elected directly) is not a committee election. */
  if (last_election (org, &el) && el.seats > 1
      && (guint64) el.candidates * 100 < (guint64) el.seats * (100 + percent))
    pbo_check_report_ (run, def, org, NULL,
                       "election of %s on %s: %u candidates for %u seats, fewer than %u%% more "
                       "candidates than seats (差额)",
                       pbo_org_get_id (org), pbo_date_format (el.date, date), el.candidates,
                       el.seats, percent);
}

void
pbo_check_work_plan_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  guint year = run->options->work_plan_year != 0 ? run->options->work_plan_year
                                                 : pbo_date_get_year (run->on);
  PboDate established = pbo_org_get_established (org);

  /* Judged only where the file keeps work plans at all (some org has
   * one): a file that records none does not track them, and would
   * otherwise flag every branch. */
  if (pbo_org_get_kind (org) != PBO_ORG_BRANCH || !pbo_tree_has_work_plans_ (org->tree))
    return;
  /* A branch founded after the year began had no year to plan. */
  if (established != PBO_DATE_NONE && established > pbo_date_make (year, 1, 1))
    return;
  if (pbo_org_find_work_plan (org, year) < 0)
    pbo_check_report_ (run, def, org, NULL, "branch %s has no annual work plan for %u",
                       pbo_org_get_id (org), year);
}
