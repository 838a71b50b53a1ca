/* libpbo — grading branches (分类定级) from the rules' findings over a year
 * and the share of complete minutes. A criterion is a row of the table
 * below: adding one (evaluations, training) is adding a row.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "tree-private.h"
#include "struct-init-private.h"
#include "error-private.h"

static const struct {
  const char *name;
  const char *rules;       /* codes, space-separated; "" for the minutes share */
} criteria[] = {
  { "meetings", "PBO-L001 PBO-L002 PBO-L003 PBO-L004 PBO-L005 PBO-L006 PBO-L007" },
  { "minutes", "" },
  { "plan", "PBO-W001" },
  { "committee", "PBO-B002 PBO-B003 PBO-O001" },
  { "term", "PBO-T001" },
  { "elections", "PBO-N001 PBO-N002" },
  /* Judged only in files that keep these records, as their rules are. */
  { "evaluations", "PBO-V001" },
  { "training", "PBO-E001 PBO-E002" },
};

static const char *const grade_names[] = { NULL, "advanced", "good", "fair", "weak" };

PBO_DEFINE_STRUCT_INIT_ (pbo_grade_options_init, PboGradeOptions, PBO_GRADE_OPTIONS_INIT,
                         PBO_GRADE_OPTIONS_VERSION, sizeof (PboGradeOptions))

const char *
pbo_grade_to_string (PboGrade grade)
{
  return (guint) grade < G_N_ELEMENTS (grade_names) ? grade_names[grade] : NULL;
}

guint
pbo_grade_get_n_criteria (void)
{
  return G_N_ELEMENTS (criteria);
}

const char *
pbo_grade_get_criterion (guint index, const char **rules)
{
  if (index >= G_N_ELEMENTS (criteria))
    return NULL;
  if (rules != NULL)
    *rules = criteria[index].rules;
  return criteria[index].name;
}

/* Is @code one of @rules (a space-separated list)? */
static gboolean
lists (const char *rules, const char *code)
{
  gsize n = strlen (code);
  const char *p;

  for (p = strstr (rules, code); p != NULL; p = strstr (p + 1, code))
    if ((p == rules || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
      return TRUE;
  return FALSE;
}

/* Meetings of the branch and its groups held in @year, and the complete. */
static void
count_minutes (const PboOrg *branch, guint year, guint *held, guint *complete)
{
  const PboOrg *org = branch;

  *held = *complete = 0;
  while (org != NULL)
    {
      for (guint i = 0; i < pbo_org_get_n_meetings (org); i++)
        {
          PboDate d;
          pbo_org_get_meeting (org, i, NULL, &d, NULL, NULL, NULL);
          if (pbo_date_get_year (d) != year)
            continue;
          (*held)++;
          *complete += pbo_org_get_meeting_minutes_missing (org, i) == 0;
        }
      org = org == branch ? pbo_org_get_first_child (branch) : pbo_org_get_next (org);
    }
}

static guint
failed_rules (const PboOrg *branch, const PboGradeOptions *o, GError **error)
{
  PboCheckOptions check = PBO_CHECK_OPTIONS_INIT;
  PboFindings *f;
  guint bits = 0, i, k;

  if (o->check != NULL)
    pbo_check_options_complete_ (&check, o->check);
  check.version = PBO_CHECK_OPTIONS_VERSION;
  check.from = pbo_date_make (o->year, 1, 1);
  check.to = check.on = pbo_date_make (o->year, 12, 31);
  check.work_plan_year = o->year;
  f = pbo_check (pbo_org_get_tree (branch), (PboOrg *) branch, &check, error);
  if (f == NULL)
    return G_MAXUINT;
  for (i = 0; i < pbo_findings_get_n (f); i++)
    {
      const PboFinding *x = pbo_findings_get (f, i);
      for (k = 0; k < G_N_ELEMENTS (criteria); k++)
        if (*criteria[k].rules != '\0' && lists (criteria[k].rules, x->code))
          bits |= 1u << k;
    }
  pbo_findings_free (f);
  return bits;
}

PboGrade
pbo_grade_branch (const PboOrg *branch, const PboGradeOptions *options, guint *failed,
                  GError **error)
{
  static const PboGradeOptions defaults = PBO_GRADE_OPTIONS_INIT;
  PboGradeOptions o = defaults;
  guint bits, held, complete, n = 0;

  g_return_val_if_fail (branch != NULL, PBO_GRADE_NONE);
  if (options != NULL)
    memcpy (&o, options, MIN (sizeof o, sizeof *options));
  if (o.year == 0)
    o.year = pbo_date_get_year (pbo_date_today ()) - 1;
  if (o.year < 1900 || o.year > 2999 || o.minutes_percent > 100
      || o.fair_max_failed < o.good_max_failed)
    {
      pbo_refuse_ (error, PBO_ERROR_INVALID,
                   _("grade options: year %u, minutes_percent %u or fair_max_failed %u is "
                     "out of range"), o.year, o.minutes_percent, o.fair_max_failed);
      return PBO_GRADE_NONE;
    }
  if (pbo_org_get_kind (branch) != PBO_ORG_BRANCH)
    return PBO_GRADE_NONE;
  if ((bits = failed_rules (branch, &o, error)) == G_MAXUINT)
    return PBO_GRADE_NONE;
  /* The minutes criterion (index 1): the share of complete records. */
  count_minutes (branch, o.year, &held, &complete);
  if ((guint64) complete * 100 < (guint64) held * o.minutes_percent || held == 0)
    bits |= 1u << 1;
  /* The plan is judged even where the file keeps none (W001 is not). */
  if (pbo_org_find_work_plan (branch, o.year) < 0)
    bits |= 1u << 2;
  if (failed != NULL)
    *failed = bits;
  for (guint k = 0; k < G_N_ELEMENTS (criteria); k++)
    n += (bits >> k) & 1;
  return n == 0 ? PBO_GRADE_ADVANCED
         : n <= o.good_max_failed ? PBO_GRADE_GOOD
         : n <= o.fair_max_failed ? PBO_GRADE_FAIR : PBO_GRADE_WEAK;
}
