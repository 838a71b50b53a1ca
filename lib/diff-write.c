/* libpbo — a diff as a plan (a PboPlan, which pbo_plan_write()
 * writes and pbo_plan_apply() applies: one writer and one interpreter, so
 * that a written plan does exactly what the tests apply).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>
#include "diff-private.h"
#include "lifecycle-private.h"
#include "xml-private.h"
#include "error-private.h"

/* ---- plan ---------------------------------------------------------------- */

/* The attributes of one operation being built; values borrowed from the
 * trees or owned by @owned. */
typedef struct {
  GPtrArray *pairs;
  GPtrArray *owned;
} Attrs;

static void
put (Attrs *a, const char *name, const char *value)
{
  if (value == NULL)
    return;
  g_ptr_array_add (a->pairs, (gpointer) name);
  g_ptr_array_add (a->pairs, (gpointer) value);
}

static void
put_date (Attrs *a, const char *name, PboDate date)
{
  char buf[PBO_DATE_BUFSIZE];

  if (date != PBO_DATE_NONE)
    {
      char *v = g_strdup (pbo_date_format (date, buf));
      g_ptr_array_add (a->owned, v);
      put (a, name, v);
    }
}

static const char *const *
end (Attrs *a)
{
  g_ptr_array_add (a->pairs, NULL);
  return (const char *const *) a->pairs->pdata;
}

static const char *
own (Attrs *a, char *s)
{
  g_ptr_array_add (a->owned, s);
  return s;
}

/* The unit, founding date and term of @org; for set-org (@clear) the
 * unset ones as "" (which clears them). */
static void
org_fields (Attrs *a, const PboOrg *org, gboolean clear)
{
  const char *none = clear ? "" : NULL;

  put (a, "unit", org->unit != NULL ? org->unit : none);
  put_date (a, "established", org->established);
  if (org->established == PBO_DATE_NONE)
    put (a, "established", none);
  put_date (a, "term-start", org->term_start);
  put (a, "term-years", org->term_years != 0 ? own (a, g_strdup_printf ("%u", org->term_years))
                                             : clear && org->term_start == PBO_DATE_NONE ? ""
                                             : NULL);
  if (org->term_start == PBO_DATE_NONE)
    put (a, "term-start", none);
}

/* A recruit's fields; for update-recruit (@clear) the unset ones as "". */
static void
recruit_attrs (Attrs *a, const PboRecruit *r, gboolean clear)
{
  PboRecruitInfo info = PBO_RECRUIT_INFO_INIT;
  const char *none = clear ? "" : NULL;
  const char *names[] = { "activist-since", "candidate-since", "born" };
  PboDate dates[3];
  guint i;

  pbo_recruit_get_info (r, &info);
  put (a, "id", info.id);
  put (a, "name", info.name);
  put (a, "stage", pbo_recruit_stage_to_string (info.stage));
  put_date (a, "applied", info.applied);
  dates[0] = info.activist_since;
  dates[1] = info.candidate_since;
  dates[2] = info.born;
  for (i = 0; i < G_N_ELEMENTS (names); i++)
    if (dates[i] != PBO_DATE_NONE)
      put_date (a, names[i], dates[i]);
    else
      put (a, names[i], none);
  put (a, "gender", info.gender != PBO_GENDER_NONE ? pbo_gender_to_string (info.gender) : none);
  put (a, "department", info.department != NULL ? info.department : none);
}

/* A presenter or recorder goes into the plan only while a member (as
 * absences do): the plan's add-meeting must name members. */
static const char *
member_or_null (const PboOrg *org, const char *id)
{
  return id != NULL && pbo_tree_lookup_member (org->tree, id) != NULL ? id : NULL;
}

static void
minutes_attrs (Attrs *a, const PboOrg *org, guint index)
{
  PboMeetingInfo info = PBO_MEETING_INFO_INIT;
  static const char *const count_names[] = { "expected", "present", "excused" };
  int values[G_N_ELEMENTS (count_names)];

  pbo_org_get_meeting_info (org, index, &info);
  values[0] = info.expected;
  values[1] = info.present;
  values[2] = info.excused;
  put (a, "presenter", member_or_null (org, info.presenter));
  put (a, "recorder", member_or_null (org, info.recorder));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (values[i] != PBO_ATTENDANCE_NONE)
      put (a, count_names[i], own (a, g_strdup_printf ("%d", values[i])));
  put (a, "place", info.place);
  put (a, "topic", info.topic);
  put (a, "resolution", info.resolution);
  put_date (a, "planned", info.planned);
}

static void
meeting_attrs (Attrs *a, const PboOrg *org, guint index)
{
  PboMeetingType type;
  PboDate date;
  const char *title;
  int attendance;

  pbo_org_get_meeting (org, index, &type, &date, &title, &attendance, NULL);
  put (a, "org", org->id);
  put (a, "id", pbo_org_get_meeting_id (org, index));
  put (a, "type", pbo_meeting_type_to_string (type));
  put_date (a, "date", date);
  put (a, "title", title);
  if (attendance != PBO_ATTENDANCE_NONE)
    put (a, "attendance", own (a, g_strdup_printf ("%d", attendance)));
  minutes_attrs (a, org, index);
}

/* The work records' operations (format 1.1): the record in NEW. */
static void
work_record_attrs (Attrs *a, const PboDiffOp *op)
{
  PboElectionInfo el = PBO_ELECTION_INFO_INIT;
  const char *title = NULL;
  PboDate approved = PBO_DATE_NONE;
  guint year = op->meeting;

  put (a, "org", op->org);
  if (op->op == PBO_EDIT_OP_ADD_WORK_PLAN)
    pbo_org_get_work_plan (op->fields, op->meeting, &year, &approved, &title);
  if (op->op != PBO_EDIT_OP_ADD_ELECTION)
    {
      put (a, "year", own (a, g_strdup_printf ("%u", year)));
      put_date (a, "approved", approved);
      put (a, "title", title);
      return;
    }
  pbo_org_get_election (op->fields, op->meeting, &el);
  put_date (a, "date", el.date);
  put (a, "method", pbo_election_method_to_string (el.method));
  put (a, "candidates", own (a, g_strdup_printf ("%u", el.candidates)));
  put (a, "seats", own (a, g_strdup_printf ("%u", el.seats)));
  put (a, "voters", own (a, g_strdup_printf ("%u", el.voters)));
  put (a, "voted", own (a, g_strdup_printf ("%u", el.voted)));
}

/* Without @standing, the attributes transfer-in takes (its standing, if
 * any, is an update-member: pbo_diff_plan_() lists it). */
static void
member_attrs (const PboMember *m, Attrs *a, gboolean standing)
{
  int i;

  for (i = 0; i < (standing ? PBO_MATTR_COUNT : PBO_MATTR_STANDING); i++)
    {
      char buf[PBO_MATTR_BUFSIZE];
      const char *v = pbo_member_attr_format_ (m, (PboMemberAttr) i, buf);
      if (v != NULL)
        {
          char *copy = g_strdup (v);
          g_ptr_array_add (a->owned, copy);
          put (a, pbo_member_attr_name_ ((PboMemberAttr) i), copy);
        }
    }
}

/* transfer-out and receipt (1.1): the letter's fields. */
static void
letter_attrs (const PboDiffOp *op, Attrs *a)
{
  const PboLetterInfo *l = op->letter;
  char month[8];

  put (a, "letter", l->number);
  if (op->op == PBO_EDIT_OP_RECEIPT)
    {
      put_date (a, "date", l->receipt);
      return;
    }
  put (a, "member", op->member);
  put (a, "to-org", l->other_org);
  put_date (a, "date", l->issued);
  g_ptr_array_add (a->owned, g_strdup_printf ("%u", l->valid_days));
  put (a, "valid-days", g_ptr_array_index (a->owned, a->owned->len - 1));
  if (pbo_month_format_ (l->dues_paid_to, month) != NULL)
    {
      g_ptr_array_add (a->owned, g_strdup (month));
      put (a, "dues-paid-to", g_ptr_array_index (a->owned, a->owned->len - 1));
    }
}

static void
op_attrs (const PboDiffOp *op, PboDate date, Attrs *a)
{
  guint i;
  char **changes;

  switch (op->op)
    {
    case PBO_EDIT_OP_CREATE_ORG:
      put (a, "id", op->org);
      put (a, "kind", pbo_org_kind_to_string (op->kind));
      put (a, "name", op->name);
      put (a, "parent", op->target);
      put (a, "before", op->before);
      if (op->fields != NULL)
        org_fields (a, op->fields, FALSE);
      else
        put (a, "unit", op->unit);
      break;
    case PBO_EDIT_OP_SET_ORG:
      put (a, "org", op->org);
      org_fields (a, op->fields, TRUE);
      break;
    case PBO_EDIT_OP_ADD_MEETING:
      meeting_attrs (a, op->fields, op->meeting);
      break;
    case PBO_EDIT_OP_REMOVE_MEETING:
      put (a, "org", op->org);
      put (a, "id", op->meeting_id);
      break;
    case PBO_EDIT_OP_RENAME:
      put (a, "org", op->org);
      put (a, "name", op->name);
      break;
    case PBO_EDIT_OP_SET_KIND:
      put (a, "org", op->org);
      put (a, "kind", pbo_org_kind_to_string (op->kind));
      break;
    case PBO_EDIT_OP_MOVE:
      put (a, "org", op->org);
      put (a, "to", op->target);
      break;
    case PBO_EDIT_OP_TRANSFER:
    case PBO_EDIT_OP_ADD_MEMBER:
      put (a, "to", op->target);
      put (a, "before", op->before);
      break;
    case PBO_EDIT_OP_DISSOLVE:
      put (a, "org", op->org);
      put (a, "members-to", op->target);
      break;
    case PBO_EDIT_OP_APPOINT:
    case PBO_EDIT_OP_DISMISS:
      put (a, "org", op->org);
      put (a, "role", pbo_role_to_string (op->role));
      put (a, "member", op->member);
      put_date (a, "since", op->since);
      break;
    case PBO_EDIT_OP_UPDATE_MEMBER:
      put (a, "id", op->member);
      changes = pbo_diff_member_changes_ (op->old_member, op->new_member);
      for (i = 0; changes[i] != NULL; i++)
        g_ptr_array_add (a->owned, changes[i]);
      for (i = 0; changes[i] != NULL; i += 2)
        put (a, changes[i], changes[i + 1]);
      g_free (changes);
      break;
    case PBO_EDIT_OP_TRANSFER_OUT:
    case PBO_EDIT_OP_RECEIPT:
      letter_attrs (op, a);
      break;
    case PBO_EDIT_OP_TRANSFER_IN:
      put (a, "to", op->target);
      put (a, "letter", op->letter->number);
      put (a, "from-org", op->letter->other_org);
      put_date (a, "date", op->letter->issued);
      member_attrs (op->new_member, a, FALSE);
      break;
    case PBO_EDIT_OP_ADMIT:
      put (a, "recruit", op->member);
      put (a, "employment", pbo_employment_to_string (pbo_member_get_employment (op->new_member)));
      put_date (a, "date", pbo_member_get_joined (op->new_member));
      break;
    case PBO_EDIT_OP_REMOVE_RECRUIT:
      put (a, "id", op->member);
      break;
    case PBO_EDIT_OP_PROMOTE:
      put (a, "recruit", pbo_recruit_get_id (op->recruit));
      put (a, "stage", pbo_recruit_stage_to_string (pbo_recruit_get_stage (op->recruit)));
      put_date (a, "date", pbo_diff_promotion_ (op->old_recruit, op->recruit));
      break;
    case PBO_EDIT_OP_ADD_RECRUIT:
      put (a, "to", op->org);
      recruit_attrs (a, op->recruit, FALSE);
      break;
    case PBO_EDIT_OP_UPDATE_RECRUIT:
      recruit_attrs (a, op->recruit, TRUE);
      break;
    case PBO_EDIT_OP_ADD_WORK_PLAN:
    case PBO_EDIT_OP_REMOVE_WORK_PLAN:
    case PBO_EDIT_OP_ADD_ELECTION:
      work_record_attrs (a, op);
      break;
    default: /* remove-member, the only other operation planned */
      put (a, "id", op->member);
      put (a, "reason", pbo_removal_reason_to_string (PBO_REMOVAL_TRANSFER_OUT));
      put_date (a, "date", date);
    }
}

/* add-member's <member …/>: every attribute of the member in NEW. */
static void
attrs_reset (Attrs *a)
{
  g_ptr_array_set_size (a->pairs, 0);
  g_ptr_array_set_size (a->owned, 0);
}

static guint
meeting_n_absent (const PboOrg *org, guint index)
{
  guint n = 0;

  pbo_org_get_meeting (org, index, NULL, NULL, NULL, NULL, &n);
  return n;
}

/* Every operation of the list is well formed (ids and values come from
 * trees that loaded), so building cannot fail. */
static void
add_op (PboPlan *plan, const PboDiffOp *op, PboDate date, Attrs *a)
{
  GError *error = NULL;
  int index;
  guint i;

  attrs_reset (a);
  if (op->record != NULL)
    pbo_diff_record_attrs_ (op, a->pairs, a->owned);
  else
    op_attrs (op, date, a);
  index = pbo_plan_add_op (plan, op->op, end (a), &error);
  for (i = 0; index >= 0 && op->op == PBO_EDIT_OP_TRANSFER && i < op->members->len; i++)
    {
      const char *member[] = { "id", g_ptr_array_index (op->members, i), NULL };
      pbo_plan_add_child (plan, (guint) index, "member", member, &error);
    }
  for (i = 0; index >= 0 && op->op == PBO_EDIT_OP_ADD_MEETING
              && i < meeting_n_absent (op->fields, op->meeting); i++)
    {
      const PboMember *m = pbo_org_get_meeting_absent (op->fields, op->meeting, i);
      const char *absent[] = { "member", m != NULL ? pbo_member_get_id (m) : NULL, NULL };
      /* An id of a member no longer in NEW is not written in files either. */
      if (m != NULL)
        pbo_plan_add_child (plan, (guint) index, "absent", absent, &error);
    }
  if (index >= 0 && op->op == PBO_EDIT_OP_ADD_MEMBER)
    {
      attrs_reset (a);
      member_attrs (op->new_member, a, TRUE);
      pbo_plan_add_child (plan, (guint) index, "member", end (a), &error);
    }
  if (error != NULL)
    {
      g_critical ("libpbo: the diff planned a malformed %s: %s", pbo_edit_op_to_string (op->op),
                  error->message);
      g_error_free (error);
    }
}

PboPlan *
pbo_diff_to_plan (const PboDiff *diff, PboDate date)
{
  PboPlan *plan;
  Attrs a;
  guint i;

  g_return_val_if_fail (diff != NULL, NULL);
  if (date == PBO_DATE_NONE)
    date = pbo_date_today ();
  plan = pbo_plan_new ();
  a.pairs = g_ptr_array_new ();
  a.owned = g_ptr_array_new_with_free_func (g_free);
  for (i = 0; i < diff->ops->len; i++)
    add_op (plan, &g_array_index (diff->ops, PboDiffOp, i), date, &a);
  g_ptr_array_unref (a.pairs);
  g_ptr_array_unref (a.owned);
  return plan;
}

/* An XML comment may not hold "--" nor end with '-'. */
static void
write_comment (const char *text, GString *out)
{
  const char *p;

  g_string_append (out, "  <!-- not expressible in a plan: ");
  for (p = text; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '-' && (p[1] == '-' || p[1] == '\0'))
        g_string_append_c (out, ' ');
    }
  g_string_append (out, " -->\n");
}

void
pbo_diff_write_plan (const PboDiff *diff, PboDate date, GString *out)
{
  g_autoptr (GString) line = g_string_new (NULL);
  g_autoptr (PboPlan) plan = NULL;
  gsize start;
  guint i;

  g_return_if_fail (diff != NULL && out != NULL);
  plan = pbo_diff_to_plan (diff, date);
  start = out->len;
  pbo_plan_write (plan, out);
  /* The comments go inside <plan>, which an empty plan opens for them. */
  if (g_str_has_suffix (out->str + start, "/>\n") && pbo_plan_get_n_ops (plan) == 0)
    {
      g_string_truncate (out, out->len - 3);
      g_string_append (out, ">\n</plan>\n");
    }
  g_string_truncate (out, out->len - strlen ("</plan>\n"));
  for (i = 0; i < diff->changes->len; i++)
    {
      const PboDiffChange *c = &g_array_index (diff->changes, PboDiffChange, i);
      if (pbo_diff_change_is_expressible (c))
        continue;
      g_string_truncate (line, 0);
      pbo_diff_change_line_ (diff, c, line);
      write_comment (line->str, out);
    }
  g_string_append (out, "</plan>\n");
}

gboolean
pbo_diff_apply (const PboDiff *diff, PboTree *tree, const PboEditContext *context,
                GError **error)
{
  g_autoptr (PboPlan) plan = NULL;

  g_return_val_if_fail (diff != NULL && tree != NULL, FALSE);
  g_return_val_if_fail (tree != diff->old_tree && tree != diff->new_tree, FALSE);
  plan = pbo_diff_to_plan (diff, context != NULL ? context->date : PBO_DATE_NONE);
  return pbo_plan_apply (tree, plan, context, error);
}
