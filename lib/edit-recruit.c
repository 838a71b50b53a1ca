/* libpbo — recruitment as journaled operations: promote, admit; recruits
 * carried along by merges and dissolutions; their undo steps.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "edit-private.h"
#include "recruit-private.h"
#include "error-private.h"

/* ---- primitive changes ------------------------------------------------ */

/* A copy of @r's fields whose strings live in @e. */
static PboRecruitInfo *
snapshot_recruit (PboJournalEntry *e, const PboRecruit *r)
{
  PboRecruitInfo *snap = g_new (PboRecruitInfo, 1);

  snap->version = PBO_RECRUIT_INFO_VERSION;
  pbo_recruit_get_info (r, snap);
  snap->id = pbo_journal_entry_str_ (e, snap->id);
  snap->name = pbo_journal_entry_str_ (e, snap->name);
  snap->department = pbo_journal_entry_str_ (e, snap->department);
  return snap;
}

static PboStep *
add_recruit_step (PboJournalEntry *e, PboStepKind kind, const PboRecruit *r)
{
  PboStep *step = pbo_step_add_ (e, kind);

  step->id = pbo_journal_entry_str_ (e, r->id);
  return step;
}

PboRecruit *
pbo_prim_add_recruit_ (PboTree *tree, PboOrg *branch, guint index, const PboRecruitInfo *info,
                       GError **error)
{
  PboJournalEntry *e = pbo_recording_ (tree);
  PboRecruit *r = pbo_tree_insert_recruit_ (tree, branch, index, info, error);

  if (r != NULL && e != NULL)
    add_recruit_step (e, PBO_STEP_RECRUIT_ADDED, r);
  return r;
}

void
pbo_prim_remove_recruit_ (PboTree *tree, PboRecruit *recruit)
{
  PboJournalEntry *e = pbo_recording_ (tree);
  PboStep *step = NULL;
  guint index;

  if (e != NULL)
    {
      step = add_recruit_step (e, PBO_STEP_RECRUIT_REMOVED, recruit);
      step->parent = pbo_journal_entry_str_ (e, recruit->branch->id);
      step->recruit_snap = snapshot_recruit (e, recruit);
    }
  index = pbo_tree_remove_recruit_ (tree, recruit);
  if (step != NULL)
    step->index = index;
}

static void
prim_move_recruit (PboTree *tree, PboRecruit *recruit, PboOrg *branch, guint index)
{
  PboJournalEntry *e = pbo_recording_ (tree);
  PboOrg *old = recruit->branch;
  guint old_index = pbo_recruit_move_ (recruit, branch, index);

  if (e != NULL)
    {
      PboStep *step = add_recruit_step (e, PBO_STEP_RECRUIT_MOVED, recruit);
      step->parent = pbo_journal_entry_str_ (e, old->id);
      step->index = old_index;
    }
}

void
pbo_prim_set_recruit_state_ (PboTree *tree, PboRecruit *recruit, const PboRecruitInfo *state)
{
  PboJournalEntry *e = pbo_recording_ (tree);

  if (e != NULL)
    add_recruit_step (e, PBO_STEP_RECRUIT_STAGE, recruit)->recruit_snap
      = snapshot_recruit (e, recruit);
  recruit->stage = (guint8) state->stage;
  recruit->applied = state->applied;
  recruit->activist_since = state->activist_since;
  recruit->candidate_since = state->candidate_since;
}

gboolean
pbo_recruit_undo_step_ (PboTree *tree, const PboStep *s, GError **error)
{
  PboRecruit *r = pbo_tree_lookup_recruit (tree, s->id);
  PboOrg *branch = s->parent != NULL ? pbo_tree_lookup_org (tree, s->parent) : NULL;
  gboolean needs_recruit = s->kind != PBO_STEP_RECRUIT_REMOVED;
  gboolean needs_branch = s->kind == PBO_STEP_RECRUIT_REMOVED || s->kind == PBO_STEP_RECRUIT_MOVED;

  if ((needs_recruit && r == NULL) || (needs_branch && branch == NULL))
    return pbo_refuse_ (error, PBO_ERROR_INCONSISTENT, "cannot undo: %s “%s” is not in the "
                        "tree as the journal left it", r == NULL && needs_recruit ? "recruit"
                        : "branch", r == NULL && needs_recruit ? s->id : s->parent);
  switch (s->kind)
    {
    case PBO_STEP_RECRUIT_ADDED: pbo_prim_remove_recruit_ (tree, r); return TRUE;
    case PBO_STEP_RECRUIT_REMOVED:
      return pbo_prim_add_recruit_ (tree, branch, s->index, s->recruit_snap, error) != NULL;
    case PBO_STEP_RECRUIT_MOVED: prim_move_recruit (tree, r, branch, s->index); return TRUE;
    case PBO_STEP_RECRUIT_STAGE: pbo_prim_set_recruit_state_ (tree, r, s->recruit_snap); return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* ---- recruits follow their branch's members ---------------------------- */

gboolean
pbo_op_move_recruits_ (PboTree *tree, PboOrg *source, PboOrg *target, GError **error)
{
  PboOrg *branch = target;

  if (pbo_org_get_n_recruits (source) == 0)
    return TRUE;
  if (branch != NULL && branch->kind == PBO_ORG_GROUP)
    branch = branch->parent;
  if (branch == NULL || branch->kind != PBO_ORG_BRANCH)
    return pbo_refuse_ (error, PBO_ERROR_CONTAINMENT, "the %u recruits of “%s” need a branch to "
                        "go to", pbo_org_get_n_recruits (source), source->id);
  while (pbo_org_get_n_recruits (source) > 0)
    prim_move_recruit (tree, pbo_org_get_recruit (source, 0), branch, G_MAXUINT);
  return TRUE;
}

typedef struct {
  const PboSelector *sel;
  GPtrArray         *out;
} RecruitMatch;

static gboolean
collect_recruits (PboOrg *org, gpointer data)
{
  RecruitMatch *match = data;
  guint i;

  for (i = 0; i < pbo_org_get_n_recruits (org); i++)
    {
      PboRecruit *r = pbo_org_get_recruit (org, i);
      if (match->sel->department == NULL || g_strcmp0 (r->department, match->sel->department) == 0)
        g_ptr_array_add (match->out, r);
    }
  return TRUE;
}

gboolean
pbo_op_move_recruit_list_ (PboTree *tree, PboJournalEntry *e, GPtrArray *recruits, PboOrg *to,
                           GError **error)
{
  PboOrg *branch = to->kind == PBO_ORG_GROUP ? to->parent : to;
  guint i;

  for (i = 0; i < recruits->len; i++)
    {
      PboRecruit *r = g_ptr_array_index (recruits, i);
      if (r->branch == branch)
        continue;
      if (branch->kind != PBO_ORG_BRANCH)
        return pbo_refuse_ (error, PBO_ERROR_CONTAINMENT, "recruit “%s” needs a branch to go "
                            "to, not “%s”", r->id, to->id);
      pbo_journal_entry_add_subject_ (e, r->id);
      prim_move_recruit (tree, r, branch, G_MAXUINT);
    }
  return TRUE;
}

gboolean
pbo_op_move_selected_recruits_ (PboTree *tree, PboJournalEntry *e, const PboSelector *selector,
                                PboOrg *from, PboOrg *to, GError **error)
{
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();
  RecruitMatch match = { selector, chosen };

  if (selector->employment != PBO_EMPLOYMENT_NONE || selector->status != PBO_STATUS_NONE)
    return TRUE;
  /* Collected first: the walk must not see the lists change under it. */
  pbo_tree_foreach_org (tree, from, collect_recruits, &match);
  return pbo_op_move_recruit_list_ (tree, e, chosen, to, error);
}

/* ---- operations ------------------------------------------------------- */

static PboDate
date_of (const PboEditContext *ctx)
{
  return ctx != NULL && ctx->date != PBO_DATE_NONE ? ctx->date : pbo_date_today ();
}

static gboolean
not_eligible (GError **error, const PboRecruit *r, const char *why, PboDate date)
{
  char buf[PBO_DATE_BUFSIZE];

  return pbo_refuse_ (error, PBO_ERROR_NOT_ELIGIBLE, "recruit “%s”: %s %s", r->id, why,
                      pbo_date_format (date, buf));
}

/* The rules every later step needs: the application at 18 or over and, once
 * a candidate, a year as an activist first. */
static gboolean
check_record (const PboRecruit *r, GError **error)
{
  if (pbo_recruit_applied_under_age_ (r, PBO_RECRUIT_MIN_AGE, NULL))
    return not_eligible (error, r, _("applied before turning 18, on"), r->applied);
  if (pbo_recruit_listed_early_ (r, PBO_RECRUIT_ACTIVIST_MONTHS))
    return not_eligible (error, r, _("became a candidate before a year as an activist, on"),
                         r->candidate_since);
  return TRUE;
}

static gboolean
check_date_order (const PboRecruit *r, PboDate date, GError **error)
{
  PboDate last = MAX (r->applied, MAX (r->activist_since, r->candidate_since));
  char a[PBO_DATE_BUFSIZE], b[PBO_DATE_BUFSIZE];

  if (!pbo_date_is_valid (date) || pbo_date_is_year_only (date))
    return pbo_refuse_ (error, PBO_ERROR_INVALID, "recruit “%s”: the date of the step must be a "
                        "full date", r->id);
  if (date < last)
    return pbo_refuse_ (error, PBO_ERROR_INCONSISTENT, "recruit “%s”: the step on %s comes "
                        "before the last one, on %s", r->id, pbo_date_format (date, a),
                        pbo_date_format (last, b));
  return TRUE;
}

static PboJournalEntry *
recruit_op_begin (PboTree *tree, PboEditOp op, const PboRecruit *r, const PboEditContext *ctx,
                  GError **error)
{
  PboJournalEntry *e = pbo_op_begin_ (tree, op, ctx, error);

  if (e != NULL)
    {
      pbo_journal_entry_add_subject_ (e, r->id);
      e->from = pbo_journal_entry_str_ (e, pbo_recruit_stage_to_string ((PboRecruitStage) r->stage));
    }
  return e;
}

gboolean
pbo_edit_promote (PboTree *tree, PboRecruit *recruit, PboRecruitStage stage,
                  const PboEditContext *ctx, GError **error)
{
  PboDate date = date_of (ctx);
  PboRecruitInfo state = PBO_RECRUIT_INFO_INIT;
  PboJournalEntry *e;

  g_return_val_if_fail (tree != NULL && recruit != NULL && recruit->branch->tree == tree, FALSE);
  if ((guint) stage != recruit->stage + 1u || stage > PBO_RECRUIT_CANDIDATE)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, "recruit “%s” is at stage %s: the next stage "
                        "is %s", recruit->id,
                        pbo_recruit_stage_to_display_name ((PboRecruitStage) recruit->stage),
                        recruit->stage == PBO_RECRUIT_CANDIDATE ? _("admission (pbo_edit_admit)")
                        : pbo_recruit_stage_to_display_name (
                            (PboRecruitStage) (recruit->stage + 1)));
  if (!check_date_order (recruit, date, error) || !check_record (recruit, error))
    return FALSE;
  if (stage == PBO_RECRUIT_CANDIDATE
      && date < pbo_recruit_trained_on_ (recruit, PBO_RECRUIT_ACTIVIST_MONTHS))
    return not_eligible (error, recruit, _("has been an activist for less than a year on"), date);
  if ((e = recruit_op_begin (tree, PBO_EDIT_OP_PROMOTE, recruit, ctx, error)) == NULL)
    return FALSE;
  e->to = pbo_journal_entry_str_ (e, pbo_recruit_stage_to_string (stage));
  pbo_recruit_get_info (recruit, &state);
  state.stage = stage;
  *(stage == PBO_RECRUIT_ACTIVIST ? &state.activist_since : &state.candidate_since) = date;
  pbo_prim_set_recruit_state_ (tree, recruit, &state);
  return pbo_op_end_ (tree, e, TRUE);
}

PboMember *
pbo_edit_admit (PboTree *tree, PboRecruit *recruit, PboEmployment employment,
                const PboEditContext *ctx, GError **error)
{
  PboDate date = date_of (ctx);
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  PboRecruitInfo was = PBO_RECRUIT_INFO_INIT;
  PboJournalEntry *e;
  PboOrg *branch;
  PboMember *m;

  g_return_val_if_fail (tree != NULL && recruit != NULL && recruit->branch->tree == tree, NULL);
  if (recruit->stage != PBO_RECRUIT_CANDIDATE)
    {
      pbo_refuse_ (error, PBO_ERROR_NOT_ELIGIBLE, "recruit “%s” is not a candidate (发展对象) "
                   "but at stage %s", recruit->id,
                   pbo_recruit_stage_to_display_name ((PboRecruitStage) recruit->stage));
      return NULL;
    }
  if (pbo_employment_to_string (employment) == NULL)
    {
      pbo_refuse_ (error, PBO_ERROR_INVALID, "admitting “%s” needs in-service or retired",
                   recruit->id);
      return NULL;
    }
  /* 18 on applying and the date not before the application: 18 on the
   * date too, without a test of its own. */
  if (!check_date_order (recruit, date, error) || !check_record (recruit, error)
      || (e = recruit_op_begin (tree, PBO_EDIT_OP_ADMIT, recruit, ctx, error)) == NULL)
    return NULL;
  branch = recruit->branch;
  e->to = pbo_journal_entry_str_ (e, branch->id);
  /* The strings live in the tree's chunk: they outlive the record. */
  pbo_recruit_get_info (recruit, &was);
  info.id = was.id;
  info.name = was.name;
  info.department = was.department;
  info.gender = was.gender;
  info.born = was.born;
  info.status = PBO_STATUS_PROBATIONARY;
  info.employment = employment;
  info.joined = date;
  pbo_prim_remove_recruit_ (tree, recruit);
  m = pbo_prim_add_member_ (tree, branch, NULL, &info, NULL, error);
  return pbo_op_end_ (tree, e, m != NULL) ? m : NULL;
}
