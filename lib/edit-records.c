/* libpbo — edit operations on an org's own records: its fields (set-org,
 * 换届), its meetings, its recruits; and the positional variants of move,
 * transfer and add-member.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "edit-private.h"
#include "recruit-private.h"
#include "error-private.h"
#include "meeting-minutes-private.h"

#define RETURN_IF_NOT_OF(tree, obj, val) \
  g_return_val_if_fail ((tree) != NULL && (obj) != NULL && (obj)->tree == (tree), val)

static const char *
str (PboJournalEntry *e, const char *s)
{
  return pbo_journal_entry_str_ (e, s);
}

/* ---- primitive changes ------------------------------------------------ */

gboolean
pbo_prim_set_org_fields_ (PboTree *tree, PboOrg *org, const char *unit, PboDate established,
                          PboDate term_start, guint term_years, GError **error)
{
  PboJournalEntry *e = pbo_recording_ (tree);
  const char *old_unit = org->unit;
  PboDate old_established = org->established, old_start = org->term_start;
  guint old_years = org->term_years;

  /* Checked before anything changes, so that a refusal changes nothing. */
  if (!pbo_text_check_ (unit, _("unit"), FALSE, error)
      || !pbo_org_set_established (org, established, error))
    return FALSE;
  if (!pbo_org_set_term (org, term_start, term_years, error))
    {
      org->established = old_established;
      return FALSE;
    }
  pbo_org_set_unit (org, unit, NULL);
  if (e != NULL)
    {
      PboStep *step = pbo_step_add_ (e, PBO_STEP_ORG_FIELDS);
      step->id = str (e, org->id);
      step->value = str (e, old_unit);
      step->since = old_established;
      step->term_start = old_start;
      step->term_years = (guint8) old_years;
    }
  return TRUE;
}

gboolean
pbo_prim_add_meeting_ (PboTree *tree, PboOrg *org, guint index, const PboMeeting *rec,
                       GError **error)
{
  PboJournalEntry *e = pbo_recording_ (tree);

  if (index > pbo_org_get_n_meetings (org))
    index = pbo_org_get_n_meetings (org);
  if (!pbo_org_insert_meeting_ (tree, org, index, rec, error))
    return FALSE;
  if (e != NULL)
    {
      PboStep *step = pbo_step_add_ (e, PBO_STEP_MEETING_ADDED);
      step->id = str (e, org->id);
      step->index = index;
    }
  return TRUE;
}

void
pbo_prim_remove_meeting_ (PboTree *tree, PboOrg *org, guint index)
{
  PboJournalEntry *e = pbo_recording_ (tree);

  if (e != NULL)
    {
      PboStep *step = pbo_step_add_ (e, PBO_STEP_MEETING_REMOVED);
      GArray *one = NULL;
      GArray src = { 0 };

      step->id = str (e, org->id);
      step->index = index;
      /* A one-record copy whose strings live in the entry. */
      src.data = (gchar *) &g_array_index (org->meetings, PboMeeting, index);
      src.len = 1;
      pbo_meetings_copy_ (&src, &one, e->strings);
      step->meeting_snap = g_new (PboMeeting, 1);
      *step->meeting_snap = g_array_index (one, PboMeeting, 0);
      g_array_unref (one);
    }
  pbo_org_remove_meeting_ (tree, org, index);
}

gboolean
pbo_record_undo_step_ (PboTree *tree, const PboStep *s, GError **error)
{
  PboOrg *org = pbo_tree_lookup_org (tree, s->id);

  if (org == NULL
      || (s->kind == PBO_STEP_MEETING_ADDED && s->index >= pbo_org_get_n_meetings (org)))
    return pbo_refuse_ (error, PBO_ERROR_INCONSISTENT,
                        _("cannot undo: org “%s” is not in the tree as the journal left it"),
                        s->id);
  switch (s->kind)
    {
    case PBO_STEP_ORG_FIELDS:
      return pbo_prim_set_org_fields_ (tree, org, s->value, s->since, s->term_start,
                                       s->term_years, error);
    case PBO_STEP_MEETING_ADDED: pbo_prim_remove_meeting_ (tree, org, s->index); return TRUE;
    case PBO_STEP_MEETING_REMOVED:
      return pbo_prim_add_meeting_ (tree, org, s->index, s->meeting_snap, error);
    default:
      return pbo_work_records_undo_step_ (tree, org, s, error);
    }
}

/* ---- set-org ------------------------------------------------------------ */

gboolean
pbo_edit_set_org (PboTree *tree, PboOrg *org, PboOrgFields fields, const PboEditOrgInfo *values,
                  const PboEditContext *ctx, GError **error)
{
  g_autoptr (GString) names = g_string_new (NULL);
  char date[PBO_DATE_BUFSIZE];
  PboJournalEntry *e;
  gboolean term = (fields & PBO_ORG_FIELD_TERM) != 0;

  RETURN_IF_NOT_OF (tree, org, FALSE);
  g_return_val_if_fail (values != NULL && values->version >= 1, FALSE);
  if ((fields & (PBO_ORG_FIELD_UNIT | PBO_ORG_FIELD_ESTABLISHED | PBO_ORG_FIELD_TERM)) == 0)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("set-org of “%s” sets no field"), org->id);
  if ((e = pbo_op_begin_ (tree, PBO_EDIT_OP_SET_ORG, ctx, error)) == NULL)
    return FALSE;
  pbo_journal_entry_add_subject_ (e, org->id);
  if (fields & PBO_ORG_FIELD_UNIT)
    g_string_append (names, " unit");
  if (fields & PBO_ORG_FIELD_ESTABLISHED)
    g_string_append (names, " established");
  if (term)
    {
      g_string_append (names, " term-start term-years");
      if (org->term_start != PBO_DATE_NONE)
        e->from = str (e, pbo_date_format (org->term_start, date));
      if (values->term_start != PBO_DATE_NONE)
        e->to = str (e, pbo_date_format (values->term_start, date));
    }
  e->detail = str (e, names->str + 1);
  return pbo_op_end_ (tree, e,
                      pbo_prim_set_org_fields_ (
                        tree, org, fields & PBO_ORG_FIELD_UNIT ? values->unit : org->unit,
                        fields & PBO_ORG_FIELD_ESTABLISHED ? values->established : org->established,
                        term ? values->term_start : org->term_start,
                        term ? values->term_years : org->term_years, error));
}

/* ---- positions ------------------------------------------------------------ */

gboolean
pbo_edit_move_before (PboTree *tree, PboOrg *org, PboOrg *new_parent, PboOrg *before,
                      const PboEditContext *ctx, GError **error)
{
  PboJournalEntry *e;

  RETURN_IF_NOT_OF (tree, org, FALSE);
  g_return_val_if_fail (new_parent == NULL || new_parent->tree == tree, FALSE);
  g_return_val_if_fail (before == NULL || before->tree == tree, FALSE);
  if (before == org)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("org “%s” cannot go before itself"), org->id);
  if ((e = pbo_op_begin_ (tree, PBO_EDIT_OP_MOVE, ctx, error)) == NULL)
    return FALSE;
  pbo_journal_entry_add_subject_ (e, org->id);
  e->from = str (e, pbo_org_is_root_ (org->parent) ? NULL : org->parent->id);
  e->to = str (e, new_parent != NULL ? new_parent->id : NULL);
  return pbo_op_end_ (tree, e, pbo_prim_move_org_ (tree, org, new_parent, before, error));
}

gboolean
pbo_op_move_members_before_ (PboTree *tree, PboJournalEntry *e, GPtrArray *members, PboOrg *to,
                             PboMember *before, GError **error)
{
  guint i;

  for (i = 0; i < members->len; i++)
    {
      PboMember *m = g_ptr_array_index (members, i);
      if (m == before)
        return pbo_refuse_ (error, PBO_ERROR_INVALID,
                            _("member “%s” is transferred: it cannot be the place they go before"),
                            pbo_member_id_ (m));
      pbo_journal_entry_add_subject_ (e, pbo_member_id_ (m));
      if (!pbo_prim_move_member_ (tree, m, to, before, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pbo_edit_transfer_before (PboTree *tree, const char *const *member_ids, guint n_ids, PboOrg *to,
                          PboMember *before, const PboEditContext *ctx, GError **error)
{
  g_autoptr (GPtrArray) members = g_ptr_array_new ();
  g_autoptr (GPtrArray) recruits = g_ptr_array_new ();
  PboJournalEntry *e;
  gboolean ok;
  guint i;

  RETURN_IF_NOT_OF (tree, to, FALSE);
  g_return_val_if_fail (member_ids != NULL || n_ids == 0, FALSE);
  if (before == NULL)
    return pbo_edit_transfer (tree, member_ids, n_ids, to, ctx, error);
  if (n_ids == 0)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("no member to transfer"));
  if (before->org != to)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("member “%s” is not in “%s”"),
                        pbo_member_id_ (before), to->id);
  for (i = 0; i < n_ids; i++)
    {
      PboMember *m = pbo_tree_lookup_member (tree, member_ids[i]);
      PboRecruit *r = m == NULL ? pbo_tree_lookup_recruit (tree, member_ids[i]) : NULL;
      if (m == NULL && r == NULL)
        return pbo_refuse_ (error, PBO_ERROR_UNKNOWN_ID, _("no member has the id “%s”"),
                            member_ids[i] != NULL ? member_ids[i] : "");
      g_ptr_array_add (m != NULL ? members : recruits, m != NULL ? (gpointer) m : (gpointer) r);
    }
  if ((e = pbo_op_begin_ (tree, PBO_EDIT_OP_TRANSFER, ctx, error)) == NULL)
    return FALSE;
  e->to = str (e, to->id);
  ok = pbo_op_move_members_before_ (tree, e, members, to, before, error)
       && pbo_op_move_recruit_list_ (tree, e, recruits, to, error);
  return pbo_op_end_ (tree, e, ok);
}

PboMember *
pbo_edit_add_member_before (PboTree *tree, PboOrg *org, PboMember *before,
                            const PboMemberInfo *info, const PboEditContext *ctx, GError **error)
{
  PboJournalEntry *e;
  PboMember *m;

  RETURN_IF_NOT_OF (tree, org, NULL);
  g_return_val_if_fail (info != NULL, NULL);
  if (before != NULL && before->org != org)
    {
      pbo_refuse_ (error, PBO_ERROR_INVALID, _("member “%s” is not in “%s”"),
                   pbo_member_id_ (before), org->id);
      return NULL;
    }
  if ((e = pbo_op_begin_ (tree, PBO_EDIT_OP_ADD_MEMBER, ctx, error)) == NULL)
    return NULL;
  pbo_journal_entry_add_subject_ (e, info->id);
  e->to = str (e, org->id);
  m = pbo_prim_add_member_ (tree, org, before, info, NULL, error);
  return pbo_op_end_ (tree, e, m != NULL) ? m : NULL;
}

/* ---- meetings ------------------------------------------------------------- */

/* A presenter or recorder named by an edit must be a member then. */
static gboolean
check_minutes_member (PboTree *tree, const char *id, GError **error)
{
  return id == NULL || pbo_tree_lookup_member (tree, id) != NULL
         || pbo_refuse_ (error, PBO_ERROR_UNKNOWN_ID, _("no member has the id “%s”"), id);
}

/* @info as a record to insert; its absent ids (borrowed) must name members;
 * its minutes go to @minutes (strings borrowed). */
static gboolean
meeting_record (PboTree *tree, const PboMeetingInfo *info, PboMeeting *rec, GPtrArray *absent,
                PboMinutes *minutes, GError **error)
{
  gboolean has_minutes;
  guint i;

  memset (rec, 0, sizeof *rec);
  if (info->version < 1 || info->version > PBO_MEETING_INFO_VERSION)
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("unsupported PboMeetingInfo version %u"),
                        info->version);
  for (i = 0; info->absent != NULL && info->absent[i] != NULL; i++)
    {
      if (pbo_tree_lookup_member (tree, info->absent[i]) == NULL)
        return pbo_refuse_ (error, PBO_ERROR_UNKNOWN_ID, _("no member has the id “%s”"),
                            info->absent[i]);
      g_ptr_array_add (absent, (gpointer) info->absent[i]);
    }
  rec->id = info->id != NULL && *info->id != '\0' ? info->id : NULL;
  rec->type = (guint8) info->type;
  rec->date = info->date;
  rec->title = info->title;
  rec->attendance = info->attendance;
  rec->absent = absent;
  has_minutes = pbo_minutes_from_info_ (info, minutes);
  rec->minutes = has_minutes ? minutes : NULL;
  if (has_minutes && (!check_minutes_member (tree, minutes->presenter, error)
                      || !check_minutes_member (tree, minutes->recorder, error)))
    return FALSE;
  /* An out-of-range type must not be truncated into a valid one. */
  if ((guint) info->type != rec->type)
    rec->type = 0;
  return TRUE;
}

static PboJournalEntry *
meeting_op_begin (PboTree *tree, PboEditOp op, PboOrg *org, const char *id, PboMeetingType type,
                  const PboEditContext *ctx, GError **error)
{
  PboJournalEntry *e = pbo_op_begin_ (tree, op, ctx, error);

  if (e == NULL)
    return NULL;
  if (id != NULL)
    pbo_journal_entry_add_subject_ (e, id);
  if (op == PBO_EDIT_OP_ADD_MEETING)
    e->to = str (e, org->id);
  else
    e->from = str (e, org->id);
  e->detail = str (e, pbo_meeting_type_to_string (type));
  return e;
}

static gboolean
check_meeting_index (const PboOrg *org, guint index, GError **error)
{
  return index < pbo_org_get_n_meetings (org)
         || pbo_refuse_ (error, PBO_ERROR_INVALID, _("org “%s” has no meeting %u"), org->id, index);
}

int
pbo_edit_add_meeting (PboTree *tree, PboOrg *org, const PboMeetingInfo *info,
                      const PboEditContext *ctx, GError **error)
{
  g_autoptr (GPtrArray) absent = g_ptr_array_new ();
  PboJournalEntry *e;
  PboMeeting rec;
  PboMinutes minutes;
  guint index;

  RETURN_IF_NOT_OF (tree, org, -1);
  g_return_val_if_fail (info != NULL, -1);
  if (!meeting_record (tree, info, &rec, absent, &minutes, error)
      || (e = meeting_op_begin (tree, PBO_EDIT_OP_ADD_MEETING, org, rec.id, info->type, ctx,
                                error)) == NULL)
    return -1;
  index = pbo_org_get_n_meetings (org);
  return pbo_op_end_ (tree, e, pbo_prim_add_meeting_ (tree, org, index, &rec, error))
         ? (int) index : -1;
}

gboolean
pbo_edit_update_meeting (PboTree *tree, PboOrg *org, guint index, const PboMeetingInfo *info,
                         const PboEditContext *ctx, GError **error)
{
  g_autoptr (GPtrArray) absent = g_ptr_array_new ();
  PboJournalEntry *e;
  PboMeeting rec;
  PboMinutes minutes;

  RETURN_IF_NOT_OF (tree, org, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);
  if (!check_meeting_index (org, index, error)
      || !meeting_record (tree, info, &rec, absent, &minutes, error)
      || (e = meeting_op_begin (tree, PBO_EDIT_OP_UPDATE_MEETING, org, rec.id, info->type, ctx,
                                error)) == NULL)
    return FALSE;
  /* Out and in again at the same place: the id may stay the same. */
  pbo_prim_remove_meeting_ (tree, org, index);
  return pbo_op_end_ (tree, e, pbo_prim_add_meeting_ (tree, org, index, &rec, error));
}

gboolean
pbo_edit_remove_meeting (PboTree *tree, PboOrg *org, guint index, const PboEditContext *ctx,
                         GError **error)
{
  PboJournalEntry *e;
  PboMeetingType type = PBO_MEETING_NONE;

  RETURN_IF_NOT_OF (tree, org, FALSE);
  if (!check_meeting_index (org, index, error))
    return FALSE;
  pbo_org_get_meeting (org, index, &type, NULL, NULL, NULL, NULL);
  if ((e = meeting_op_begin (tree, PBO_EDIT_OP_REMOVE_MEETING, org,
                             pbo_org_get_meeting_id (org, index), type, ctx, error)) == NULL)
    return FALSE;
  pbo_prim_remove_meeting_ (tree, org, index);
  return pbo_op_end_ (tree, e, TRUE);
}

/* ---- recruits --------------------------------------------------------------- */

static PboJournalEntry *
recruit_op_begin (PboTree *tree, PboEditOp op, const char *id, PboOrg *branch,
                  PboRecruitStage stage, const PboEditContext *ctx, GError **error)
{
  PboJournalEntry *e = pbo_op_begin_ (tree, op, ctx, error);

  if (e == NULL)
    return NULL;
  pbo_journal_entry_add_subject_ (e, id);
  if (op == PBO_EDIT_OP_ADD_RECRUIT)
    e->to = str (e, branch->id);
  else
    e->from = str (e, branch->id);
  e->detail = str (e, pbo_recruit_stage_to_string (stage));
  return e;
}

PboRecruit *
pbo_edit_add_recruit (PboTree *tree, PboOrg *branch, const PboRecruitInfo *info,
                      const PboEditContext *ctx, GError **error)
{
  PboJournalEntry *e;
  PboRecruit *r;

  RETURN_IF_NOT_OF (tree, branch, NULL);
  g_return_val_if_fail (info != NULL, NULL);
  if (!pbo_recruit_info_check_ (info, error)
      || (e = recruit_op_begin (tree, PBO_EDIT_OP_ADD_RECRUIT, info->id, branch, info->stage, ctx,
                                error)) == NULL)
    return NULL;
  r = pbo_prim_add_recruit_ (tree, branch, G_MAXUINT, info, error);
  return pbo_op_end_ (tree, e, r != NULL) ? r : NULL;
}

PboRecruit *
pbo_edit_update_recruit (PboTree *tree, PboRecruit *recruit, const PboRecruitInfo *info,
                         const PboEditContext *ctx, GError **error)
{
  PboRecruitInfo fields;
  PboJournalEntry *e;
  PboOrg *branch;
  PboRecruit *r;
  guint index;

  g_return_val_if_fail (tree != NULL && recruit != NULL && info != NULL, NULL);
  g_return_val_if_fail (pbo_tree_lookup_recruit (tree, recruit->id) == recruit, NULL);
  if (info->id != NULL && strcmp (info->id, recruit->id) != 0)
    {
      pbo_refuse_ (error, PBO_ERROR_INVALID, _("a recruit's id “%s” cannot change"), recruit->id);
      return NULL;
    }
  fields = *info;
  fields.id = recruit->id;
  branch = recruit->branch;
  if (!pbo_recruit_info_check_ (&fields, error)
      || (e = recruit_op_begin (tree, PBO_EDIT_OP_UPDATE_RECRUIT, recruit->id, branch,
                                info->stage, ctx, error)) == NULL)
    return NULL;
  fields.id = str (e, recruit->id);
  for (index = 0; pbo_org_get_recruit (branch, index) != recruit; index++)
    ;
  pbo_prim_remove_recruit_ (tree, recruit);
  r = pbo_prim_add_recruit_ (tree, branch, index, &fields, error);
  return pbo_op_end_ (tree, e, r != NULL) ? r : NULL;
}

gboolean
pbo_edit_remove_recruit (PboTree *tree, PboRecruit *recruit, const PboEditContext *ctx,
                         GError **error)
{
  PboJournalEntry *e;

  g_return_val_if_fail (tree != NULL && recruit != NULL, FALSE);
  g_return_val_if_fail (pbo_tree_lookup_recruit (tree, recruit->id) == recruit, FALSE);
  if ((e = recruit_op_begin (tree, PBO_EDIT_OP_REMOVE_RECRUIT, recruit->id, recruit->branch,
                             (PboRecruitStage) recruit->stage, ctx, error)) == NULL)
    return FALSE;
  pbo_prim_remove_recruit_ (tree, recruit);
  return pbo_op_end_ (tree, e, TRUE);
}
