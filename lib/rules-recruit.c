/* libpbo — the recruitment rules: PBO-R001 to PBO-R003.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "rules-private.h"
#include "recruit-private.h"

/* A year of birth alone counts as its 1 January (pbo_adult_on_()): the
 * reading most favourable to the person, so no finding is a guess. */

typedef void (*RecruitCheck) (PboCheckRun *run, const PboRuleDef *def, PboOrg *org,
                              const PboRecruit *r);

static void
each_recruit (PboCheckRun *run, const PboRuleDef *def, PboOrg *org, RecruitCheck check)
{
  guint i;

  for (i = 0; i < pbo_org_get_n_recruits (org); i++)
    check (run, def, org, pbo_org_get_recruit (org, i));
}

static void
check_under_age (PboCheckRun *run, const PboRuleDef *def, PboOrg *org, const PboRecruit *r)
{
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];
  PboDate adult;

  if (pbo_recruit_applied_under_age_ (r, run->options->min_age, &adult))
    pbo_check_report_recruit_ (run, def, org, r->id,
                               "recruit %s applied on %s, before turning %u on %s", r->id,
                               pbo_date_format (r->applied, d1), run->options->min_age,
                               pbo_rule_day_format_ (adult, d2));
}

static void
check_untrained (PboCheckRun *run, const PboRuleDef *def, PboOrg *org, const PboRecruit *r)
{
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];

  if (pbo_recruit_listed_early_ (r, run->options->activist_months))
    pbo_check_report_recruit_ (run, def, org, r->id,
                               "recruit %s became a candidate on %s, an activist only since "
                               "%s (at least %u months are required)", r->id,
                               pbo_date_format (r->candidate_since, d1),
                               pbo_date_format (r->activist_since, d2),
                               run->options->activist_months);
}

void
pbo_check_recruit_under_age_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  each_recruit (run, def, org, check_under_age);
}

void
pbo_check_candidate_untrained_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org)
{
  each_recruit (run, def, org, check_untrained);
}

void
pbo_check_member_under_age_ (PboCheckRun *run, const PboRuleDef *def, PboMember *member)
{
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];
  PboDate adult = pbo_adult_on_ (pbo_member_get_born (member), run->options->min_age);
  PboDate joined = pbo_member_get_joined (member);

  if (adult != PBO_DATE_NONE && joined < adult)
    pbo_check_report_ (run, def, pbo_member_get_org (member), member,
                       "member %s joined on %s, before turning %u on %s",
                       pbo_member_get_id (member), pbo_date_format (joined, d1),
                       run->options->min_age, pbo_rule_day_format_ (adult, d2));
}
