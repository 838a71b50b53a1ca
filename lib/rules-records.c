/* libpbo — the rules on member records: dues unpaid for months (D001),
 * training hours short (E001 members, E002 officers) and no 民主评议 result
 * for the last year (V001). Each looks only at trees that keep that kind
 * of record: a file that never recorded payments has no ledger to judge.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "rules-private.h"
#include "member-records-private.h"

/* Does the checked tree hold records of @kind? Computed once a run. */
static gboolean
tree_keeps (PboCheckRun *run, const PboMember *m, PboRecordKind kind)
{
  if (run->record_kinds == 0)
    run->record_kinds = 1 | pbo_records_kinds_ (m->org->tree);
  return (run->record_kinds & (1u << kind)) != 0;
}

/* Was there a payment record (of any kind) for @month? */
static gboolean
has_payment (const PboMember *m, PboDate month)
{
  PboMemberRecord key = PBO_MEMBER_RECORD_INIT;

  key.kind = PBO_RECORD_PAYMENT;
  key.year = pbo_date_get_year (month);
  key.month = pbo_date_get_month (month);
  return pbo_member_find_record (m, &key) >= 0;
}

void
pbo_check_dues_unpaid_ (PboCheckRun *run, const PboRuleDef *def, PboMember *member)
{
  guint need = run->options->dues_unpaid_months, n = 0;
  PboDate month, first = PBO_DATE_NONE;
  char from[PBO_DATE_BUFSIZE];

  if (need == 0 || !tree_keeps (run, member, PBO_RECORD_PAYMENT))
    return;
  /* The months before the check date's, newest first, while unpaid and
   * due (a member owes nothing before the month after joining). */
  month = pbo_date_add_months (pbo_date_make (pbo_date_get_year (run->on),
                                              pbo_date_get_month (run->on), 1), -1);
  for (; n < need; n++, month = pbo_date_add_months (month, -1))
    {
      PboDues dues;
      pbo_member_compute_dues (member, month, &dues);
      if (dues.basis == PBO_DUES_BASIS_NOT_DUE || has_payment (member, month))
        break;
      first = month;
    }
  if (n < need)
    return;
  pbo_date_format (first, from);
  from[7] = '\0';
  pbo_check_report_ (run, def, pbo_member_get_org (member), member,
                     "member %s has paid no dues for %u months in a row (since %s): the "
                     "branch should talk with the member; six months without cause is "
                     "regarded as leaving the Party (党章 art. 9)",
                     pbo_member_get_id (member), n, from);
}

/* The training hours (in tenths) of @m in @year. */
static guint
hours_in (const PboMember *m, guint year)
{
  GArray *a = pbo_records_of_ (m);
  guint tenths = 0;

  for (guint i = 0; a != NULL && i < a->len; i++)
    {
      const PboMemberRecord *r = &g_array_index (a, PboMemberRecord, i);
      if (r->kind == PBO_RECORD_TRAINING && r->year == year)
        tenths += r->hours_tenths;
    }
  return tenths;
}

/* The last year that ended before the check date, if @m was a member all
 * through it. */
static gboolean
last_full_year (const PboCheckRun *run, const PboMember *m, guint *year)
{
  *year = pbo_date_get_year (run->on) - 1;
  return pbo_member_get_joined (m) < pbo_date_make (*year, 1, 1);
}

void
pbo_check_training_ (PboCheckRun *run, const PboRuleDef *def, PboMember *member)
{
  gboolean officer_rule = def->info.rule == PBO_RULE_TRAINING_OFFICER;
  guint need, tenths, year;

  if (!tree_keeps (run, member, PBO_RECORD_TRAINING) || (member->n_offices > 0) != officer_rule
      || !last_full_year (run, member, &year))
    return;
  need = officer_rule ? run->options->training_hours_officer
                      : run->options->training_hours_member;
  tenths = hours_in (member, year);
  if (tenths >= need * 10)
    return;
  pbo_check_report_ (run, def, pbo_member_get_org (member), member,
                     "member %s has %u.%u training hours (学时) in %u, fewer than %u",
                     pbo_member_get_id (member), tenths / 10, tenths % 10, year, need);
}

void
pbo_check_no_evaluation_ (PboCheckRun *run, const PboRuleDef *def, PboMember *member)
{
  PboMemberRecord key = PBO_MEMBER_RECORD_INIT;
  guint year;

  if (!tree_keeps (run, member, PBO_RECORD_EVALUATION) || !last_full_year (run, member, &year))
    return;
  key.kind = PBO_RECORD_EVALUATION;
  key.year = year;
  if (pbo_member_find_record (member, &key) >= 0)
    return;
  pbo_check_report_ (run, def, pbo_member_get_org (member), member,
                     "member %s has no 民主评议 result for %u", pbo_member_get_id (member), year);
}
