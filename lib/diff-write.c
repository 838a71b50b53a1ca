/* libpbo — a diff as text and as a plan (a PboPlan, which pbo_plan_write()
 * writes and pbo_plan_apply() applies: one writer and one interpreter, so
 * that a written plan does exactly what the tests apply).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>
#include "diff-private.h"
#include "lifecycle-private.h"
#include "xml-private.h"
#include "error-private.h"

/* ---- text ---------------------------------------------------------------- */

/* Dates, numbers and enum spellings as they are; anything else quoted, its
 * control characters escaped so that every change stays on one line. */
static void
append_value (GString *out, const char *v)
{
  if (v == NULL)
    {
      g_string_append (out, "(none)");
      return;
    }
  if (*v != '\0' && strspn (v, "0123456789abcdefghijklmnopqrstuvwxyzX.-") == strlen (v))
    {
      g_string_append (out, v);
      return;
    }
  g_string_append (out, "“");
  pbo_text_append_escaped (out, v);
  g_string_append (out, "”");
}

static void
append_where (GString *out, const char *prep, const char *org)
{
  g_string_append_printf (out, " %s %s", prep, org != NULL ? org : "the top level");
}

static void
org_line (const PboDiff *diff, const PboDiffChange *c, GString *out)
{
  const PboTree *tree = c->kind == PBO_DIFF_ORG_REMOVED ? diff->old_tree : diff->new_tree;

  g_string_append_printf (out, "org %s", c->org != NULL ? c->org : "(top level)");
  switch (c->kind)
    {
    case PBO_DIFF_ORG_ADDED:
    case PBO_DIFF_ORG_REMOVED:
      g_string_append_c (out, ' ');
      append_value (out, pbo_org_get_name (pbo_tree_lookup_org (tree, c->org)));
      g_string_append_printf (out, " %s (%s)",
                              c->kind == PBO_DIFF_ORG_ADDED ? "added" : "removed", c->detail);
      if (c->kind == PBO_DIFF_ORG_ADDED)
        append_where (out, "under", c->new_value);
      else
        append_where (out, "from", c->old_value);
      return;
    case PBO_DIFF_ORG_RENAMED: g_string_append (out, " renamed "); break;
    case PBO_DIFF_ORG_KIND: g_string_append (out, " kind "); break;
    case PBO_DIFF_ORG_MOVED: g_string_append (out, " moved "); break;
    case PBO_DIFF_ORG_FIELD: g_string_append_printf (out, " %s ", c->detail); break;
    case PBO_DIFF_ORG_MEETINGS: g_string_append (out, " meetings differ: "); break;
    case PBO_DIFF_ORG_RECRUITS: g_string_append (out, " recruits differ: "); break;
    case PBO_DIFF_ORG_CHILDREN_ORDER: g_string_append (out, " children reordered"); return;
    case PBO_DIFF_ORG_MEMBERS_ORDER: g_string_append (out, " members reordered"); return;
    case PBO_DIFF_ORG_OFFICERS_ORDER: g_string_append (out, " officers reordered"); return;
    default: g_string_append (out, " foreign content differs"); return;
    }
  if (c->kind == PBO_DIFF_ORG_MOVED)
    {
      g_string_append (out, c->old_value != NULL ? c->old_value : "(top level)");
      g_string_append (out, " → ");
      g_string_append (out, c->new_value != NULL ? c->new_value : "(top level)");
      return;
    }
  append_value (out, c->old_value);
  g_string_append (out, " → ");
  append_value (out, c->new_value);
  if (c->kind == PBO_DIFF_ORG_MEETINGS || c->kind == PBO_DIFF_ORG_RECRUITS)
    g_string_append (out, " records");
}

static void
officer_line (const PboDiffChange *c, GString *out)
{
  g_string_append_printf (out, "officer %s %s %s", c->org, c->detail, c->member);
  if (c->kind == PBO_DIFF_OFFICER_DISMISSED)
    g_string_append (out, " dismissed");
  else if (c->kind == PBO_DIFF_OFFICER_APPOINTED)
    {
      g_string_append (out, " appointed");
      if (c->new_value != NULL)
        g_string_append_printf (out, " since %s", c->new_value);
    }
  else
    {
      g_string_append (out, " since ");
      append_value (out, c->old_value);
      g_string_append (out, " → ");
      append_value (out, c->new_value);
    }
}

static void
member_line (const PboDiff *diff, const PboDiffChange *c, GString *out)
{
  const PboTree *tree = c->kind == PBO_DIFF_MEMBER_REMOVED ? diff->old_tree : diff->new_tree;

  g_string_append_printf (out, "member %s ", c->member);
  switch (c->kind)
    {
    case PBO_DIFF_MEMBER_ADDED:
    case PBO_DIFF_MEMBER_REMOVED:
      append_value (out, pbo_member_get_name (pbo_tree_lookup_member (tree, c->member)));
      append_where (out, c->kind == PBO_DIFF_MEMBER_ADDED ? "added to" : "removed from", c->org);
      break;
    case PBO_DIFF_MEMBER_TRANSFERRED:
      g_string_append_printf (out, "transferred %s → %s", c->old_value, c->new_value);
      break;
    case PBO_DIFF_MEMBER_FIELD:
      g_string_append_printf (out, "%s ", c->detail);
      append_value (out, c->old_value);
      g_string_append (out, " → ");
      append_value (out, c->new_value);
      break;
    default:
      g_string_append (out, "foreign content differs");
    }
}

static void
change_line (const PboDiff *diff, const PboDiffChange *c, GString *out)
{
  if (c->kind == PBO_DIFF_DOCUMENT_FOREIGN)
    g_string_append (out, "document foreign content differs");
  else if (c->kind == PBO_DIFF_LETTER)
    {
      g_string_append (out, "letter ");
      append_value (out, c->detail);
      if (c->old_value == NULL && c->new_value == NULL)
        g_string_append_printf (out, " of member %s added", c->member);
      else
        g_string_append_printf (out, " of member %s receipt %s → %s", c->member,
                                c->old_value != NULL ? c->old_value : "(none)", c->new_value);
    }
  else if (c->member == NULL)
    org_line (diff, c, out);
  else if (c->kind >= PBO_DIFF_OFFICER_APPOINTED && c->kind <= PBO_DIFF_OFFICER_SINCE)
    officer_line (c, out);
  else
    member_line (diff, c, out);
}

void
pbo_diff_write_text (const PboDiff *diff, GString *out)
{
  guint i;

  g_return_if_fail (diff != NULL && out != NULL);
  for (i = 0; i < diff->changes->len; i++)
    {
      change_line (diff, &g_array_index (diff->changes, PboDiffChange, i), out);
      g_string_append_c (out, '\n');
    }
}

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
      change_line (diff, c, line);
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
