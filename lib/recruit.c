/* libpbo — recruits: applicants, activists and candidates held by branches.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "spelling-private.h"
#include "tree-private.h"
#include "recruit-private.h"
#include "error-private.h"

static const char *const stage_names[] = { NULL, "applicant", "activist", "candidate" };

PBO_DEFINE_SPELLINGS_ (PboRecruitStage, pbo_recruit_stage, stage_names)

/* The date of each stage, by PboRecruitStage (index 0 unused). */
static void
stage_dates (const PboRecruitInfo *info, PboDate dates[4])
{
  dates[0] = PBO_DATE_NONE;
  dates[PBO_RECRUIT_APPLICANT] = info->applied;
  dates[PBO_RECRUIT_ACTIVIST] = info->activist_since;
  dates[PBO_RECRUIT_CANDIDATE] = info->candidate_since;
}

/* Each stage reached has its full date, in order; later ones have none. */
static gboolean
check_stage_dates (const PboRecruitInfo *info, GError **error)
{
  static const char *const what[] = { NULL, "applied", "activist-since", "candidate-since" };
  PboDate dates[4];
  guint s;

  stage_dates (info, dates);
  for (s = PBO_RECRUIT_APPLICANT; s <= PBO_RECRUIT_CANDIDATE; s++)
    {
      gboolean reached = s <= (guint) info->stage;

      if (reached && (!pbo_date_is_valid (dates[s]) || pbo_date_is_year_only (dates[s])))
        return pbo_refuse_ (error, PBO_ERROR_INVALID, "recruit “%s”: %s must be a full date "
                            "for a recruit at stage %s", info->id, what[s],
                            pbo_recruit_stage_to_display_name (info->stage));
      if (!reached && dates[s] != PBO_DATE_NONE)
        return pbo_refuse_ (error, PBO_ERROR_INVALID, "recruit “%s”: %s is set but the "
                            "stage is %s", info->id, what[s],
                            pbo_recruit_stage_to_display_name (info->stage));
      if (reached && s > PBO_RECRUIT_APPLICANT && dates[s] < dates[s - 1])
        {
          char a[PBO_DATE_BUFSIZE], b[PBO_DATE_BUFSIZE];
          return pbo_refuse_ (error, PBO_ERROR_INCONSISTENT, "recruit “%s”: %s %s is before "
                              "%s %s", info->id, what[s], pbo_date_format (dates[s], a),
                              what[s - 1], pbo_date_format (dates[s - 1], b));
        }
    }
  return TRUE;
}

gboolean
pbo_recruit_info_check_ (const PboRecruitInfo *info, GError **error)
{
  if (info->version == 0 || info->version > PBO_RECRUIT_INFO_VERSION)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, "unsupported PboRecruitInfo version %u",
                        info->version);
  if (!pbo_text_check_ (info->name, _("recruit name"), TRUE, error)
      || !pbo_text_check_ (info->department, _("department"), FALSE, error))
    return FALSE;
  if (pbo_recruit_stage_to_string (info->stage) == NULL)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, "recruit “%s”: no stage", info->id);
  if ((guint) info->gender > PBO_GENDER_FEMALE)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, "recruit “%s”: bad gender", info->id);
  if (info->born != PBO_DATE_NONE && !pbo_date_is_valid (info->born))
    return pbo_refuse_ (error, PBO_ERROR_INVALID, "recruit “%s”: born is not a date", info->id);
  return check_stage_dates (info, error);
}

static GPtrArray *
recruits_of (PboOrg *org)
{
  if (org->recruits == NULL)
    org->recruits = g_ptr_array_new_with_free_func (g_free);
  return org->recruits;
}

static guint
index_in_branch (const PboRecruit *r)
{
  guint i = 0;
  gboolean found = g_ptr_array_find (r->branch->recruits, r, &i);

  g_assert (found);
  return i;
}

PboRecruit *
pbo_tree_insert_recruit_ (PboTree *tree, PboOrg *branch, guint index,
                          const PboRecruitInfo *info, GError **error)
{
  PboRecruit *r;

  if (!pbo_tree_check_new_id_ (tree, info->id, error) || !pbo_recruit_info_check_ (info, error))
    return NULL;
  if (branch->kind != PBO_ORG_BRANCH)
    {
      pbo_refuse_ (error, PBO_ERROR_CONTAINMENT, "recruit “%s”: org “%s” is a %s; recruits "
                   "are recorded by branches", info->id, branch->id,
                   pbo_org_kind_to_display_name ((PboOrgKind) branch->kind));
      return NULL;
    }
  r = g_new0 (PboRecruit, 1);
  r->id = pbo_tree_strdup_ (tree, info->id);
  r->name = pbo_tree_strdup_ (tree, info->name);
  r->department = info->department != NULL && *info->department != '\0'
                  ? pbo_tree_intern_ (tree, info->department) : NULL;
  r->branch = branch;
  r->stage = (guint8) info->stage;
  r->gender = (guint8) info->gender;
  r->born = info->born;
  r->applied = info->applied;
  r->activist_since = info->activist_since;
  r->candidate_since = info->candidate_since;
  g_ptr_array_insert (recruits_of (branch), (int) MIN (index, recruits_of (branch)->len), r);
  if (tree->recruits == NULL)
    tree->recruits = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (tree->recruits, (gpointer) r->id, r);
  return r;
}

PboRecruit *
pbo_tree_add_recruit (PboTree *tree, PboOrg *branch, const PboRecruitInfo *info, GError **error)
{
  g_return_val_if_fail (tree != NULL && branch != NULL && branch->tree == tree, NULL);
  g_return_val_if_fail (info != NULL, NULL);
  if (!pbo_tree_builder_allowed_ (tree, G_STRFUNC))
    return NULL;
  return pbo_tree_insert_recruit_ (tree, branch, G_MAXUINT, info, error);
}

guint
pbo_tree_remove_recruit_ (PboTree *tree, PboRecruit *recruit)
{
  guint index = index_in_branch (recruit);

  g_hash_table_remove (tree->recruits, recruit->id);
  g_ptr_array_remove_index (recruit->branch->recruits, index);
  return index;
}

void
pbo_tree_remove_recruit (PboTree *tree, PboRecruit *recruit)
{
  g_return_if_fail (tree != NULL && recruit != NULL && recruit->branch->tree == tree);
  if (!pbo_tree_builder_allowed_ (tree, G_STRFUNC))
    return;
  pbo_tree_remove_recruit_ (tree, recruit);
}

guint
pbo_recruit_move_ (PboRecruit *recruit, PboOrg *branch, guint index)
{
  guint from = index_in_branch (recruit);

  g_ptr_array_steal_index (recruit->branch->recruits, from);
  recruit->branch = branch;
  g_ptr_array_insert (recruits_of (branch), (int) MIN (index, recruits_of (branch)->len),
                      recruit);
  return from;
}

PboRecruit *
pbo_tree_lookup_recruit (const PboTree *tree, const char *id)
{
  g_return_val_if_fail (tree != NULL, NULL);
  return tree->recruits != NULL && id != NULL ? g_hash_table_lookup (tree->recruits, id) : NULL;
}

guint
pbo_tree_get_n_recruits (const PboTree *tree)
{
  g_return_val_if_fail (tree != NULL, 0);
  return tree->recruits != NULL ? g_hash_table_size (tree->recruits) : 0;
}

guint
pbo_org_get_n_recruits (const PboOrg *org)
{
  g_return_val_if_fail (org != NULL, 0);
  return org->recruits != NULL ? org->recruits->len : 0;
}

PboRecruit *
pbo_org_get_recruit (const PboOrg *org, guint index)
{
  g_return_val_if_fail (org != NULL, NULL);
  return index < pbo_org_get_n_recruits (org) ? g_ptr_array_index (org->recruits, index) : NULL;
}

const char *
pbo_recruit_get_id (const PboRecruit *recruit)
{
  g_return_val_if_fail (recruit != NULL, NULL);
  return recruit->id;
}

const char *
pbo_recruit_get_name (const PboRecruit *recruit)
{
  g_return_val_if_fail (recruit != NULL, NULL);
  return recruit->name;
}

PboOrg *
pbo_recruit_get_branch (const PboRecruit *recruit)
{
  g_return_val_if_fail (recruit != NULL, NULL);
  return recruit->branch;
}

PboRecruitStage
pbo_recruit_get_stage (const PboRecruit *recruit)
{
  g_return_val_if_fail (recruit != NULL, PBO_RECRUIT_STAGE_NONE);
  return (PboRecruitStage) recruit->stage;
}

PboDate
pbo_recruit_get_applied (const PboRecruit *recruit)
{
  g_return_val_if_fail (recruit != NULL, PBO_DATE_NONE);
  return recruit->applied;
}

PboDate
pbo_recruit_get_activist_since (const PboRecruit *recruit)
{
  g_return_val_if_fail (recruit != NULL, PBO_DATE_NONE);
  return recruit->activist_since;
}

PboDate
pbo_recruit_get_candidate_since (const PboRecruit *recruit)
{
  g_return_val_if_fail (recruit != NULL, PBO_DATE_NONE);
  return recruit->candidate_since;
}

PboGender
pbo_recruit_get_gender (const PboRecruit *recruit)
{
  g_return_val_if_fail (recruit != NULL, PBO_GENDER_NONE);
  return (PboGender) recruit->gender;
}

PboDate
pbo_recruit_get_born (const PboRecruit *recruit)
{
  g_return_val_if_fail (recruit != NULL, PBO_DATE_NONE);
  return recruit->born;
}

const char *
pbo_recruit_get_department (const PboRecruit *recruit)
{
  g_return_val_if_fail (recruit != NULL, NULL);
  return recruit->department;
}

void
pbo_recruit_get_info (const PboRecruit *recruit, PboRecruitInfo *info)
{
  g_return_if_fail (recruit != NULL && info != NULL);
  info->id = recruit->id;
  info->name = recruit->name;
  info->stage = (PboRecruitStage) recruit->stage;
  info->applied = recruit->applied;
  info->activist_since = recruit->activist_since;
  info->candidate_since = recruit->candidate_since;
  info->gender = (PboGender) recruit->gender;
  info->born = recruit->born;
  info->department = recruit->department;
}

/* @months after @date (a full date), or PBO_DATE_NEVER_ past 9999-12-31. */
static PboDate
months_later (PboDate date, guint months)
{
  PboDate later = pbo_date_add_months (date, (int) MIN (months, 12000u));

  return later != PBO_DATE_NONE ? later : PBO_DATE_NEVER_;
}

const char *
pbo_rule_day_format_ (PboDate day, char *buf)
{
  return day != PBO_DATE_NEVER_ ? pbo_date_format (day, buf) : _("after 9999-12-31");
}

PboDate
pbo_adult_on_ (PboDate born, guint years)
{
  if (born == PBO_DATE_NONE)
    return PBO_DATE_NONE;
  if (pbo_date_is_year_only (born))
    born = pbo_date_make (pbo_date_get_year (born), 1, 1);
  return months_later (born, years * 12);
}

gboolean
pbo_recruit_applied_under_age_ (const PboRecruit *r, guint years, PboDate *adult)
{
  PboDate birthday = pbo_adult_on_ (r->born, years);

  if (adult != NULL)
    *adult = birthday;
  return birthday != PBO_DATE_NONE && r->applied < birthday;
}

PboDate
pbo_recruit_trained_on_ (const PboRecruit *r, guint months)
{
  return r->activist_since != PBO_DATE_NONE ? months_later (r->activist_since, months)
                                           : PBO_DATE_NONE;
}

gboolean
pbo_recruit_listed_early_ (const PboRecruit *r, guint months)
{
  return r->stage == PBO_RECRUIT_CANDIDATE && r->candidate_since < pbo_recruit_trained_on_ (r, months);
}

static PboDate
eligible_day (const PboRecruit *recruit)
{
  switch ((PboRecruitStage) recruit->stage)
    {
    case PBO_RECRUIT_APPLICANT:
      return pbo_recruit_applied_under_age_ (recruit, PBO_RECRUIT_MIN_AGE, NULL)
             ? PBO_DATE_NONE : recruit->applied;
    case PBO_RECRUIT_ACTIVIST:
      return pbo_recruit_trained_on_ (recruit, PBO_RECRUIT_ACTIVIST_MONTHS);
    case PBO_RECRUIT_CANDIDATE:
      return MAX (recruit->candidate_since, pbo_adult_on_ (recruit->born, PBO_RECRUIT_MIN_AGE));
    case PBO_RECRUIT_STAGE_NONE:
    default:
      return PBO_DATE_NONE;
    }
}

static PboDate
within_calendar (PboDate date)
{
  return date != PBO_DATE_NEVER_ ? date : PBO_DATE_NONE;
}

PboDate
pbo_recruit_eligible_on (const PboRecruit *recruit)
{
  g_return_val_if_fail (recruit != NULL, PBO_DATE_NONE);
  return within_calendar (eligible_day (recruit));
}
