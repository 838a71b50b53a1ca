/* libpbo — applying a plan: each operation resolved against the tree and
 * run through the pbo_edit_ function of the same name, all of them in one
 * transaction.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "plan-private.h"
#include "error-private.h"

/* ---- resolving ids ------------------------------------------------------- */

/* The org (or member) named @id, or NULL with a PBO_ERROR_UNKNOWN_ID error. */
static gpointer
find (PboTree *tree, const char *id, gboolean member, GError **error)
{
  gpointer found = member ? (gpointer) pbo_tree_lookup_member (tree, id)
                          : (gpointer) pbo_tree_lookup_org (tree, id);

  if (found == NULL)
    pbo_refuse_ (error, PBO_ERROR_UNKNOWN_ID, "%s “%s” is not in the tree%s",
                 member ? _("member") : _("org"), id,
                 !pbo_tree_has_id (tree, id) ? "" : member ? _(" (it is an org)") : _(" (it is a member)"));
  return found;
}

#define find_org(tree, id, error) ((PboOrg *) find ((tree), (id), FALSE, (error)))
#define find_member(tree, id, error) ((PboMember *) find ((tree), (id), TRUE, (error)))

/* An optional org: NULL @id is the top level (*@org = NULL). */
static gboolean
find_org_or_top (PboTree *tree, const char *id, PboOrg **org, GError **error)
{
  *org = NULL;
  return id == NULL || (*org = find_org (tree, id, error)) != NULL;
}

static PboDate
date_of (const char *text)
{
  PboDate date = PBO_DATE_NONE;

  if (text != NULL)
    pbo_date_parse (text, -1, FALSE, &date, NULL);
  return date;
}

/* ---- operations ------------------------------------------------------------ */

typedef struct {
  PboTree              *tree;
  const PboPlanOp      *op;
  const PboEditContext *ctx;
  PboOrg               *org;   /* the org the operation acts on or into */
} Run;

/* The attribute naming that org, per operation; -1: none. */
static const int org_attr[] = {
  [PBO_EDIT_OP_CREATE_ORG] = PLAN_A_PARENT, [PBO_EDIT_OP_RENAME] = PLAN_A_ORG,
  [PBO_EDIT_OP_SET_KIND] = PLAN_A_ORG,      [PBO_EDIT_OP_MOVE] = PLAN_A_ORG,
  [PBO_EDIT_OP_TRANSFER] = PLAN_A_TO,       [PBO_EDIT_OP_MERGE] = PLAN_A_INTO,
  [PBO_EDIT_OP_SPLIT] = PLAN_A_ORG,         [PBO_EDIT_OP_DISSOLVE] = PLAN_A_ORG,
  [PBO_EDIT_OP_APPOINT] = PLAN_A_ORG,       [PBO_EDIT_OP_DISMISS] = PLAN_A_ORG,
  [PBO_EDIT_OP_ADD_MEMBER] = PLAN_A_TO,     [PBO_EDIT_OP_UPDATE_MEMBER] = -1,
  [PBO_EDIT_OP_CONVERT] = -1,               [PBO_EDIT_OP_REMOVE_MEMBER] = -1,
  [PBO_EDIT_OP_PROMOTE] = -1,               [PBO_EDIT_OP_ADMIT] = -1,
  [PBO_EDIT_OP_SET_ORG] = PLAN_A_ORG,       [PBO_EDIT_OP_ADD_MEETING] = PLAN_A_ORG,
  [PBO_EDIT_OP_UPDATE_MEETING] = PLAN_A_ORG, [PBO_EDIT_OP_REMOVE_MEETING] = PLAN_A_ORG,
  [PBO_EDIT_OP_ADD_RECRUIT] = PLAN_A_TO,    [PBO_EDIT_OP_UPDATE_RECRUIT] = -1,
  [PBO_EDIT_OP_REMOVE_RECRUIT] = -1,
  [PBO_EDIT_OP_ADD_PAYMENT] = -1,           [PBO_EDIT_OP_REMOVE_PAYMENT] = -1,
  [PBO_EDIT_OP_SET_EVALUATION] = -1,        [PBO_EDIT_OP_REMOVE_EVALUATION] = -1,
  [PBO_EDIT_OP_SET_RATING] = -1,            [PBO_EDIT_OP_REMOVE_RATING] = -1,
  [PBO_EDIT_OP_ADD_TRAINING] = -1,          [PBO_EDIT_OP_REMOVE_TRAINING] = -1,
  [PBO_EDIT_OP_SET_STANDING] = -1,          [PBO_EDIT_OP_TRANSFER_OUT] = -1,
  [PBO_EDIT_OP_RECEIPT] = -1,               [PBO_EDIT_OP_TRANSFER_IN] = -1,
  [PBO_EDIT_OP_ADD_WORK_PLAN] = PLAN_A_ORG, [PBO_EDIT_OP_REMOVE_WORK_PLAN] = PLAN_A_ORG,
  [PBO_EDIT_OP_ADD_ELECTION] = PLAN_A_ORG,
};

#define V(run, attr) ((run)->op->v[PLAN_A_##attr])
#define GIVEN(run, attr) (V (run, attr) != NULL || ((run)->op->cleared & (G_GUINT64_CONSTANT (1) << PLAN_A_##attr)))

/* Checked when the plan was read: digits. */
static guint
number_of (const char *text)
{
  return text != NULL ? (guint) g_ascii_strtoull (text, NULL, 10) : 0;
}

/* The org named by @id, or NULL for no @id (FALSE: an unknown one). */
static gboolean
find_before_org (PboTree *tree, const char *id, PboOrg **org, GError **error)
{
  *org = NULL;
  return id == NULL || (*org = find_org (tree, id, error)) != NULL;
}

static gboolean
find_before_member (PboTree *tree, const char *id, PboMember **m, GError **error)
{
  *m = NULL;
  return id == NULL || (*m = find_member (tree, id, error)) != NULL;
}

/* The org fields create-org and split share. */
static void
org_fields (const Run *r, PboEditOrgInfo *info)
{
  info->established = date_of (V (r, ESTABLISHED));
  info->term_start = date_of (V (r, TERM_START));
  info->term_years = number_of (V (r, TERM_YEARS));
}

static gboolean
run_create_org (const Run *r, GError **error)
{
  PboEditOrgInfo info = PBO_EDIT_ORG_INFO_INIT;

  info.parent = r->org;
  info.kind = pbo_org_kind_from_string (V (r, KIND));
  info.id = V (r, ID);
  info.name = V (r, NAME);
  info.unit = V (r, UNIT);
  org_fields (r, &info);
  return find_before_org (r->tree, V (r, BEFORE), &info.before, error)
         && pbo_edit_create_org (r->tree, &info, r->ctx, error) != NULL;
}

/* The <select> of a transfer or split; @from defaults to @default_from. */
static gboolean
make_selector (const Run *r, PboSelector *sel, PboOrg *default_from, GError **error)
{
  const char *const *s = r->op->select;

  sel->from = default_from;
  if (s[PLAN_S_FROM] != NULL && (sel->from = find_org (r->tree, s[PLAN_S_FROM], error)) == NULL)
    return FALSE;
  sel->employment = pbo_employment_from_string (s[PLAN_S_EMPLOYMENT]);
  sel->status = pbo_status_from_string (s[PLAN_S_STATUS]);
  sel->department = s[PLAN_S_DEPARTMENT];
  return TRUE;
}

static gboolean
run_transfer (const Run *r, GError **error)
{
  PboSelector sel = PBO_SELECTOR_INIT;
  GPtrArray *ids = r->op->member_ids;
  PboMember *before = NULL;
  guint i;

  if (ids == NULL && V (r, BEFORE) != NULL)
    return pbo_refuse_ (error, PBO_ERROR_FORMAT, "“before” needs <member> children, not a <select>");
  if (ids == NULL)
    return make_selector (r, &sel, NULL, error)
           && pbo_edit_transfer_selected (r->tree, &sel, r->org, r->ctx, error);
  if (!find_before_member (r->tree, V (r, BEFORE), &before, error))
    return FALSE;
  /* Named first, so that the error says which id is unknown. */
  for (i = 0; i < ids->len; i++)
    if (pbo_tree_lookup_recruit (r->tree, g_ptr_array_index (ids, i)) == NULL
        && find_member (r->tree, g_ptr_array_index (ids, i), error) == NULL)
      return FALSE;
  return pbo_edit_transfer_before (r->tree, (const char *const *) ids->pdata, ids->len, r->org,
                                   before, r->ctx, error);
}

static gboolean
run_merge (const Run *r, GError **error)
{
  g_auto (GStrv) ids = g_strsplit_set (V (r, FROM), " \t\n\r", -1);
  g_autoptr (GPtrArray) sources = g_ptr_array_new ();
  PboOrg *into = r->org;
  guint i;

  for (i = 0; ids[i] != NULL; i++)
    {
      PboOrg *org;
      if (ids[i][0] == '\0')
        continue;
      if ((org = find_org (r->tree, ids[i], error)) == NULL)
        return FALSE;
      g_ptr_array_add (sources, org);
    }
  if (!pbo_edit_merge (r->tree, (PboOrg *const *) sources->pdata, sources->len, into, r->ctx,
                       error))
    return FALSE;
  return V (r, NAME) == NULL || strcmp (V (r, NAME), pbo_org_get_name (into)) == 0
         || pbo_edit_rename (r->tree, into, V (r, NAME), r->ctx, error);
}

static gboolean
run_split (const Run *r, GError **error)
{
  PboSelector sel = PBO_SELECTOR_INIT;
  PboEditOrgInfo info = PBO_EDIT_ORG_INFO_INIT;

  info.id = V (r, NEW_ID);
  info.name = V (r, NEW_NAME);
  org_fields (r, &info);
  return make_selector (r, &sel, NULL, error)
         && pbo_edit_split_org (r->tree, r->org, &sel, &info, r->ctx, error) != NULL;
}

/* appoint and dismiss: the org, the role, the member. */
static gboolean
run_office (const Run *r, GError **error)
{
  PboMember *m = find_member (r->tree, V (r, MEMBER), error);
  PboRole role = pbo_role_from_string (V (r, ROLE));

  if (m == NULL)
    return FALSE;
  if (r->op->op == PBO_EDIT_OP_APPOINT)
    return pbo_edit_appoint (r->tree, r->org, role, m, date_of (V (r, SINCE)), r->ctx, error);
  return pbo_edit_dismiss (r->tree, r->org, role, m, r->ctx, error);
}

static gboolean
run_add_member (const Run *r, GError **error)
{
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  GPtrArray *pairs = r->op->pairs;
  PboMember *before = NULL, *m;
  guint i;

  if (!find_before_member (r->tree, V (r, BEFORE), &before, error))
    return FALSE;
  for (i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *name = g_ptr_array_index (pairs, i);
      /* Checked when the plan was built. */
      pbo_member_info_set_ (&info, (PboMemberAttr) pbo_member_attr_lookup_ (name, strlen (name)),
                            g_ptr_array_index (pairs, i + 1), NULL);
    }
  m = pbo_edit_add_member_before (r->tree, r->org, before, &info, r->ctx, error);
  /* Its standing (1.1) follows as an update-member of its own. */
  return m != NULL && pbo_plan_add_standing_ (r->tree, m, pairs, r->ctx, error);
}

static gboolean
run_update_member (const Run *r, GError **error)
{
  g_autoptr (GPtrArray) attrs = g_ptr_array_copy (r->op->pairs, NULL, NULL);
  PboMember *m = find_member (r->tree, V (r, ID), error);

  g_ptr_array_add (attrs, NULL);
  return m != NULL
         && pbo_edit_update_member (r->tree, m, (const char *const *) attrs->pdata, r->ctx,
                                    error);
}

static gboolean
run_member_op (const Run *r, GError **error)
{
  PboMember *m = find_member (r->tree, r->op->op == PBO_EDIT_OP_CONVERT ? V (r, MEMBER)
                                                                        : V (r, ID), error);

  if (m == NULL)
    return FALSE;
  if (r->op->op == PBO_EDIT_OP_CONVERT)
    return pbo_edit_convert (r->tree, m, r->ctx, error);
  return pbo_edit_remove_member (r->tree, m, pbo_removal_reason_from_string (V (r, REASON)),
                                 r->ctx, error);
}

/* promote and admit: the recruit must exist. */
static gboolean
run_recruit_op (const Run *r, GError **error)
{
  PboRecruit *recruit = pbo_tree_lookup_recruit (r->tree, V (r, RECRUIT));
  PboEmployment employment = V (r, EMPLOYMENT) != NULL
                             ? pbo_employment_from_string (V (r, EMPLOYMENT))
                             : PBO_EMPLOYMENT_IN_SERVICE;

  if (recruit == NULL)
    return pbo_refuse_ (error, PBO_ERROR_UNKNOWN_ID, "no recruit has the id “%s”", V (r, RECRUIT));
  if (r->op->op == PBO_EDIT_OP_PROMOTE)
    return pbo_edit_promote (r->tree, recruit, pbo_recruit_stage_from_string (V (r, STAGE)),
                             r->ctx, error);
  return pbo_edit_admit (r->tree, recruit, employment, r->ctx, error) != NULL;
}

/* set-org: the fields given; a term start without years keeps the years. */
static gboolean
run_set_org (const Run *r, GError **error)
{
  PboEditOrgInfo values = PBO_EDIT_ORG_INFO_INIT;
  PboOrgFields fields = PBO_ORG_FIELD_NONE;

  if (GIVEN (r, UNIT))
    fields |= PBO_ORG_FIELD_UNIT;
  if (GIVEN (r, ESTABLISHED))
    fields |= PBO_ORG_FIELD_ESTABLISHED;
  if (GIVEN (r, TERM_START) || GIVEN (r, TERM_YEARS))
    fields |= PBO_ORG_FIELD_TERM;
  values.unit = V (r, UNIT);
  values.established = date_of (V (r, ESTABLISHED));
  values.term_start = GIVEN (r, TERM_START) ? date_of (V (r, TERM_START))
                                            : pbo_org_get_term_start (r->org);
  values.term_years = GIVEN (r, TERM_YEARS) ? number_of (V (r, TERM_YEARS))
                      : values.term_start != PBO_DATE_NONE ? pbo_org_get_term_years (r->org) : 0;
  /* A postponement (1.1) is an entry of its own, after the other fields. */
  return (fields == PBO_ORG_FIELD_NONE
          || pbo_edit_set_org (r->tree, r->org, fields, &values, r->ctx, error))
         && (!GIVEN (r, TERM_POSTPONED_TO)
             || pbo_edit_postpone_term (r->tree, r->org, date_of (V (r, TERM_POSTPONED_TO)),
                                        r->ctx, error));
}

/* The meeting of r->org named by the op's id, or -1 with an error. */
static int
find_meeting (const Run *r, GError **error)
{
  int index = pbo_org_find_meeting (r->org, V (r, ID));

  if (index < 0)
    pbo_refuse_ (error, PBO_ERROR_UNKNOWN_ID, "org “%s” has no meeting “%s”",
                 pbo_org_get_id (r->org), V (r, ID));
  return index;
}

static gboolean
run_meeting_op (const Run *r, GError **error)
{
  PboMeetingInfo info = PBO_MEETING_INFO_INIT;
  g_autoptr (GPtrArray) absent = g_ptr_array_new ();
  const GPtrArray *given = r->op->member_ids;
  int index = -1;
  guint i, n = 0;

  if (r->op->op != PBO_EDIT_OP_ADD_MEETING && (index = find_meeting (r, error)) < 0)
    return FALSE;
  if (r->op->op == PBO_EDIT_OP_REMOVE_MEETING)
    return pbo_edit_remove_meeting (r->tree, r->org, (guint) index, r->ctx, error);
  if (index >= 0)
    pbo_org_get_meeting_info (r->org, (guint) index, &info);
  if (index >= 0)
    pbo_org_get_meeting (r->org, (guint) index, NULL, NULL, NULL, NULL, &n);
  info.id = V (r, ID);
  if (V (r, TYPE) != NULL)
    info.type = pbo_meeting_type_from_string (V (r, TYPE));
  if (V (r, DATE) != NULL)
    info.date = date_of (V (r, DATE));
  if (GIVEN (r, TITLE))
    info.title = V (r, TITLE);
  if (GIVEN (r, ATTENDANCE))
    info.attendance = V (r, ATTENDANCE) != NULL ? (int) number_of (V (r, ATTENDANCE))
                                                : PBO_ATTENDANCE_NONE;
  pbo_plan_overlay_minutes_ (r->op, &info);
  for (i = 0; given != NULL && i < given->len; i++)
    g_ptr_array_add (absent, g_ptr_array_index (given, i));
  /* Without <absent> children an update keeps the list. */
  for (i = 0; given == NULL && i < n; i++)
    g_ptr_array_add (absent, (gpointer) pbo_org_get_meeting_absent_id (r->org, (guint) index, i));
  g_ptr_array_add (absent, NULL);
  info.absent = (const char *const *) absent->pdata;
  if (index < 0)
    return pbo_edit_add_meeting (r->tree, r->org, &info, r->ctx, error) >= 0;
  return pbo_edit_update_meeting (r->tree, r->org, (guint) index, &info, r->ctx, error);
}

/* The recruit fields given on add-recruit or update-recruit over @info. */
static void
recruit_fields (const Run *r, PboRecruitInfo *info)
{
  if (V (r, NAME) != NULL)
    info->name = V (r, NAME);
  if (GIVEN (r, APPLIED))
    info->applied = date_of (V (r, APPLIED));
  if (GIVEN (r, ACTIVIST_SINCE))
    info->activist_since = date_of (V (r, ACTIVIST_SINCE));
  if (GIVEN (r, CANDIDATE_SINCE))
    info->candidate_since = date_of (V (r, CANDIDATE_SINCE));
  if (GIVEN (r, GENDER))
    info->gender = pbo_gender_from_string (V (r, GENDER));
  if (GIVEN (r, BORN))
    {
      info->born = PBO_DATE_NONE;
      if (V (r, BORN) != NULL)
        pbo_date_parse (V (r, BORN), -1, TRUE, &info->born, NULL);
    }
  if (GIVEN (r, DEPARTMENT))
    info->department = V (r, DEPARTMENT);
  if (V (r, STAGE) != NULL)
    info->stage = pbo_recruit_stage_from_string (V (r, STAGE));
  else if (r->op->op == PBO_EDIT_OP_ADD_RECRUIT)
    /* Without a stage, the last one dated. */
    info->stage = info->candidate_since != PBO_DATE_NONE ? PBO_RECRUIT_CANDIDATE
                  : info->activist_since != PBO_DATE_NONE ? PBO_RECRUIT_ACTIVIST
                  : PBO_RECRUIT_APPLICANT;
}

static gboolean
run_recruit_record_op (const Run *r, GError **error)
{
  PboRecruitInfo info = PBO_RECRUIT_INFO_INIT;
  PboRecruit *recruit = NULL;

  if (r->op->op != PBO_EDIT_OP_ADD_RECRUIT
      && (recruit = pbo_tree_lookup_recruit (r->tree, V (r, ID))) == NULL)
    return pbo_refuse_ (error, PBO_ERROR_UNKNOWN_ID, "no recruit has the id “%s”", V (r, ID));
  if (r->op->op == PBO_EDIT_OP_REMOVE_RECRUIT)
    return pbo_edit_remove_recruit (r->tree, recruit, r->ctx, error);
  if (recruit != NULL)
    pbo_recruit_get_info (recruit, &info);
  info.id = V (r, ID);
  recruit_fields (r, &info);
  if (recruit != NULL)
    return pbo_edit_update_recruit (r->tree, recruit, &info, r->ctx, error) != NULL;
  return pbo_edit_add_recruit (r->tree, r->org, &info, r->ctx, error) != NULL;
}

static gboolean
run_op (Run *r, GError **error)
{
  PboTree *tree = r->tree;
  int attr = org_attr[r->op->op];
  PboOrg *other = NULL, *before = NULL;

  if (attr >= 0 && !find_org_or_top (tree, r->op->v[attr], &r->org, error))
    return FALSE;
  switch (r->op->op)
    {
    case PBO_EDIT_OP_CREATE_ORG: return run_create_org (r, error);
    case PBO_EDIT_OP_TRANSFER: return run_transfer (r, error);
    case PBO_EDIT_OP_MERGE: return run_merge (r, error);
    case PBO_EDIT_OP_SPLIT: return run_split (r, error);
    case PBO_EDIT_OP_APPOINT:
    case PBO_EDIT_OP_DISMISS: return run_office (r, error);
    case PBO_EDIT_OP_ADD_MEMBER: return run_add_member (r, error);
    case PBO_EDIT_OP_UPDATE_MEMBER: return run_update_member (r, error);
    case PBO_EDIT_OP_CONVERT:
    case PBO_EDIT_OP_REMOVE_MEMBER: return run_member_op (r, error);
    case PBO_EDIT_OP_PROMOTE:
    case PBO_EDIT_OP_ADMIT: return run_recruit_op (r, error);
    case PBO_EDIT_OP_RENAME:
      return pbo_edit_rename (tree, r->org, V (r, NAME), r->ctx, error);
    case PBO_EDIT_OP_SET_KIND:
      return pbo_edit_set_kind (tree, r->org, pbo_org_kind_from_string (V (r, KIND)), r->ctx,
                                error);
    case PBO_EDIT_OP_MOVE:
      return find_org_or_top (tree, V (r, TO), &other, error)
             && find_before_org (tree, V (r, BEFORE), &before, error)
             && pbo_edit_move_before (tree, r->org, other, before, r->ctx, error);
    case PBO_EDIT_OP_SET_ORG: return run_set_org (r, error);
    case PBO_EDIT_OP_ADD_MEETING:
    case PBO_EDIT_OP_UPDATE_MEETING:
    case PBO_EDIT_OP_REMOVE_MEETING: return run_meeting_op (r, error);
    case PBO_EDIT_OP_ADD_RECRUIT:
    case PBO_EDIT_OP_UPDATE_RECRUIT:
    case PBO_EDIT_OP_REMOVE_RECRUIT: return run_recruit_record_op (r, error);
    case PBO_EDIT_OP_ADD_PAYMENT:
    case PBO_EDIT_OP_REMOVE_PAYMENT:
    case PBO_EDIT_OP_SET_EVALUATION:
    case PBO_EDIT_OP_REMOVE_EVALUATION:
    case PBO_EDIT_OP_SET_RATING:
    case PBO_EDIT_OP_REMOVE_RATING:
    case PBO_EDIT_OP_ADD_TRAINING:
    case PBO_EDIT_OP_REMOVE_TRAINING: return pbo_plan_run_record_op_ (tree, r->op, r->ctx, error);
    case PBO_EDIT_OP_SET_STANDING:
    case PBO_EDIT_OP_TRANSFER_OUT:
    case PBO_EDIT_OP_RECEIPT:
    case PBO_EDIT_OP_TRANSFER_IN: return pbo_plan_run_lifecycle_ (tree, r->op, r->ctx, error);
    case PBO_EDIT_OP_ADD_WORK_PLAN:
    case PBO_EDIT_OP_REMOVE_WORK_PLAN:
    case PBO_EDIT_OP_ADD_ELECTION:
      return pbo_plan_run_work_record_ (tree, r->org, r->op, r->ctx, error);
    case PBO_EDIT_OP_DISSOLVE:
      return find_org_or_top (tree, V (r, MEMBERS_TO), &other, error)
             && pbo_edit_dissolve (tree, r->org, other, r->ctx, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* ---- the plan --------------------------------------------------------------- */

/* The operation's own date and reason before the plan's, before the
 * caller's. On remove-member `reason` is the removal reason, not text. */
static void
context_of (const PboPlan *plan, const PboPlanOp *op, const PboEditContext *defaults,
            PboEditContext *ctx)
{
  const char *op_reason = op->op != PBO_EDIT_OP_REMOVE_MEMBER ? op->v[PLAN_A_REASON] : NULL;

  ctx->version = PBO_EDIT_CONTEXT_VERSION;
  ctx->date = op->v[PLAN_A_DATE] != NULL ? date_of (op->v[PLAN_A_DATE])
              : plan->date != PBO_DATE_NONE ? plan->date
              : defaults != NULL ? defaults->date : PBO_DATE_NONE;
  ctx->reason = op_reason != NULL ? op_reason
                : plan->reason != NULL ? plan->reason
                : defaults != NULL ? defaults->reason : NULL;
  ctx->operator_name = plan->operator_name != NULL ? plan->operator_name
                       : defaults != NULL ? defaults->operator_name : NULL;
}

/* "plan.xml:7:41: transfer: …" for operations read from a file. */
static void
locate_error (const PboPlan *plan, const PboPlanOp *op, GError *error)
{
  g_prefix_error (&error, "%s: ", pbo_edit_op_to_string (op->op));
  if (op->line > 0)
    pbo_error_locate_ (error, plan->name, op->line, op->column);
}

gboolean
pbo_plan_apply (PboTree *tree, const PboPlan *plan, const PboEditContext *defaults,
                GError **error)
{
  GError *local = NULL;
  guint i;

  g_return_val_if_fail (tree != NULL && plan != NULL, FALSE);
  g_return_val_if_fail (defaults == NULL || defaults->version >= 1, FALSE);
  if (!pbo_edit_begin (tree, error))
    return FALSE;
  for (i = 0; i < plan->ops->len; i++)
    {
      const PboPlanOp *op = g_ptr_array_index (plan->ops, i);
      PboEditContext ctx;
      Run run = { tree, op, &ctx, NULL };

      context_of (plan, op, defaults, &ctx);
      if (!pbo_plan_op_check_children_ (op, &local) || !run_op (&run, &local))
        {
          locate_error (plan, op, local);
          g_propagate_error (error, local);
          pbo_edit_rollback (tree, NULL);
          return FALSE;
        }
    }
  return pbo_edit_commit (tree, error);
}
