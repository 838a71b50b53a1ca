/* libpbo — a diff as text, as a format-v1 plan, and applied to a tree.
 * The plan writer and pbo_diff_apply() read the same operation list, so
 * that a written plan does exactly what the tests apply.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>
#include "diff-private.h"
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

static void
attr (GString *out, const char *name, const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, " %s=\"", name);
  pbo_xml_escape_ (out, value, strlen (value), TRUE);
  g_string_append_c (out, '"');
}

static void
date_attr (GString *out, const char *name, PboDate date)
{
  char buf[PBO_DATE_BUFSIZE];

  if (date != PBO_DATE_NONE)
    attr (out, name, pbo_date_format (date, buf));
}

static void
member_element (GString *out, const PboMember *m)
{
  int a;

  g_string_append (out, "    <member");
  for (a = 0; a < PBO_MATTR_COUNT; a++)
    {
      char buf[PBO_MATTR_BUFSIZE];
      attr (out, pbo_member_attr_name_ ((PboMemberAttr) a),
            pbo_member_attr_format_ (m, (PboMemberAttr) a, buf));
    }
  g_string_append (out, "/>\n");
}

static void
write_op (const PboDiffOp *op, PboDate date, GString *out)
{
  g_auto (GStrv) pairs = NULL;
  guint i;

  g_string_append_printf (out, "  <%s", pbo_edit_op_to_string (op->op));
  switch (op->op)
    {
    case PBO_EDIT_OP_CREATE_ORG:
      attr (out, "id", op->org);
      attr (out, "kind", pbo_org_kind_to_string (op->kind));
      attr (out, "name", op->name);
      attr (out, "parent", op->target);
      attr (out, "unit", op->unit);
      break;
    case PBO_EDIT_OP_RENAME:
      attr (out, "org", op->org);
      attr (out, "name", op->name);
      break;
    case PBO_EDIT_OP_SET_KIND:
      attr (out, "org", op->org);
      attr (out, "kind", pbo_org_kind_to_string (op->kind));
      break;
    case PBO_EDIT_OP_MOVE:
      attr (out, "org", op->org);
      attr (out, "to", op->target);
      break;
    case PBO_EDIT_OP_TRANSFER:
      attr (out, "to", op->target);
      g_string_append (out, ">\n");
      for (i = 0; i < op->members->len; i++)
        g_string_append_printf (out, "    <member id=\"%s\"/>\n",
                                (const char *) g_ptr_array_index (op->members, i));
      g_string_append (out, "  </transfer>\n");
      return;
    case PBO_EDIT_OP_DISSOLVE:
      attr (out, "org", op->org);
      attr (out, "members-to", op->target);
      break;
    case PBO_EDIT_OP_APPOINT:
    case PBO_EDIT_OP_DISMISS:
      attr (out, "org", op->org);
      attr (out, "role", pbo_role_to_string (op->role));
      attr (out, "member", op->member);
      date_attr (out, "since", op->since);
      break;
    case PBO_EDIT_OP_ADD_MEMBER:
      attr (out, "to", op->target);
      g_string_append (out, ">\n");
      member_element (out, op->new_member);
      g_string_append (out, "  </add-member>\n");
      return;
    case PBO_EDIT_OP_UPDATE_MEMBER:
      attr (out, "id", op->member);
      pairs = pbo_diff_member_changes_ (op->old_member, op->new_member);
      for (i = 0; pairs[i] != NULL; i += 2)
        attr (out, pairs[i], pairs[i + 1]);
      break;
    default: /* remove-member, the only other operation planned */
      attr (out, "id", op->member);
      attr (out, "reason", pbo_removal_reason_to_string (PBO_REMOVAL_TRANSFER_OUT));
      date_attr (out, "date", date);
    }
  g_string_append (out, "/>\n");
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
  guint i;

  g_return_if_fail (diff != NULL && out != NULL);
  if (date == PBO_DATE_NONE)
    date = pbo_date_today ();
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<plan xmlns=\"" PBO_XML_NS "\">\n");
  for (i = 0; i < diff->ops->len; i++)
    write_op (&g_array_index (diff->ops, PboDiffOp, i), date, out);
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

/* ---- apply --------------------------------------------------------------- */

/* Looks @id up as an org of @tree; NULL @id is the top level (or "no
 * org"), which *found reports as NULL too. */
static gboolean
lookup_org (PboTree *tree, const char *id, PboOrg **found, GError **error)
{
  *found = id != NULL ? pbo_tree_lookup_org (tree, id) : NULL;
  if (id == NULL || *found != NULL)
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_UNKNOWN_ID, _("no org “%s” in the tree"), id);
  return FALSE;
}

static gboolean
lookup_member (PboTree *tree, const char *id, PboMember **found, GError **error)
{
  *found = pbo_tree_lookup_member (tree, id);
  if (*found != NULL)
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_UNKNOWN_ID, _("no member “%s” in the tree"), id);
  return FALSE;
}

static gboolean
create_org (PboTree *tree, const PboDiffOp *op, const PboEditContext *ctx, GError **error)
{
  PboEditOrgInfo info = PBO_EDIT_ORG_INFO_INIT;

  info.kind = op->kind;
  info.id = op->org;
  info.name = op->name;
  info.unit = op->unit;
  return lookup_org (tree, op->target, &info.parent, error)
         && pbo_edit_create_org (tree, &info, ctx, error) != NULL;
}

static gboolean
add_member (PboTree *tree, const PboDiffOp *op, PboOrg *to, const PboEditContext *ctx,
            GError **error)
{
  PboMemberInfo info;

  pbo_member_to_info_ (op->new_member, &info);
  return pbo_edit_add_member (tree, to, &info, ctx, error) != NULL;
}

static gboolean
update_member (PboTree *tree, const PboDiffOp *op, PboMember *m, const PboEditContext *ctx,
               GError **error)
{
  g_auto (GStrv) pairs = pbo_diff_member_changes_ (op->old_member, op->new_member);

  return pbo_edit_update_member (tree, m, (const char *const *) pairs, ctx, error);
}

static gboolean
apply_op (PboTree *tree, const PboDiffOp *op, const PboEditContext *ctx, GError **error)
{
  PboOrg *org = NULL, *target = NULL;
  PboMember *m = NULL;

  if (op->op == PBO_EDIT_OP_CREATE_ORG)
    return create_org (tree, op, ctx, error);
  if (!lookup_org (tree, op->org, &org, error) || !lookup_org (tree, op->target, &target, error)
      || (op->member != NULL && !lookup_member (tree, op->member, &m, error)))
    return FALSE;
  switch (op->op)
    {
    case PBO_EDIT_OP_RENAME: return pbo_edit_rename (tree, org, op->name, ctx, error);
    case PBO_EDIT_OP_SET_KIND: return pbo_edit_set_kind (tree, org, op->kind, ctx, error);
    case PBO_EDIT_OP_MOVE: return pbo_edit_move (tree, org, target, ctx, error);
    case PBO_EDIT_OP_TRANSFER:
      return pbo_edit_transfer (tree, (const char *const *) op->members->pdata, op->members->len,
                                target, ctx, error);
    case PBO_EDIT_OP_DISSOLVE: return pbo_edit_dissolve (tree, org, target, ctx, error);
    case PBO_EDIT_OP_APPOINT:
      return pbo_edit_appoint (tree, org, op->role, m, op->since, ctx, error);
    case PBO_EDIT_OP_DISMISS: return pbo_edit_dismiss (tree, org, op->role, m, ctx, error);
    case PBO_EDIT_OP_ADD_MEMBER: return add_member (tree, op, target, ctx, error);
    case PBO_EDIT_OP_UPDATE_MEMBER: return update_member (tree, op, m, ctx, error);
    default:
      return pbo_edit_remove_member (tree, m, PBO_REMOVAL_TRANSFER_OUT, ctx, error);
    }
}

gboolean
pbo_diff_apply (const PboDiff *diff, PboTree *tree, const PboEditContext *context,
                GError **error)
{
  guint i;

  g_return_val_if_fail (diff != NULL && tree != NULL, FALSE);
  g_return_val_if_fail (tree != diff->old_tree && tree != diff->new_tree, FALSE);

  if (!pbo_edit_begin (tree, error))
    return FALSE;
  for (i = 0; i < diff->ops->len; i++)
    {
      const PboDiffOp *op = &g_array_index (diff->ops, PboDiffOp, i);
      if (!apply_op (tree, op, context, error))
        {
          g_prefix_error (error, _("operation %u (%s): "), i + 1, pbo_edit_op_to_string (op->op));
          pbo_edit_rollback (tree, NULL);
          return FALSE;
        }
    }
  return pbo_edit_commit (tree, error);
}
