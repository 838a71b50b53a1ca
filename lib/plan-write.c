/* libpbo — plans written out: the one writer of plan documents, for plans
 * read, built in memory or made by a diff. Canonical: the same plan gives
 * the same bytes, and reading them back gives the same plan.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "plan-private.h"
#include "xml-private.h"
#include "member-records-private.h"

static void
attr (GString *out, const char *name, const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  pbo_xml_escape_ (out, value, strlen (value), TRUE);
  g_string_append_c (out, '"');
}

/* name/value pairs (update-member's changes, add-member's member). */
static void
pairs (GString *out, const GPtrArray *p)
{
  guint i;

  for (i = 0; p != NULL && i + 1 < p->len; i += 2)
    attr (out, g_ptr_array_index (p, i), g_ptr_array_index (p, i + 1));
}

static void
children (GString *out, const PboPlanOp *op)
{
  gboolean meeting = op->op == PBO_EDIT_OP_ADD_MEETING || op->op == PBO_EDIT_OP_UPDATE_MEETING;
  guint i;

  for (i = 0; op->member_ids != NULL && i < op->member_ids->len; i++)
    {
      g_string_append (out, meeting ? "    <absent" : "    <member");
      attr (out, meeting ? "member" : "id", g_ptr_array_index (op->member_ids, i));
      g_string_append (out, "/>\n");
    }
  if (op->has_select)
    {
      g_string_append (out, "    <select");
      for (i = 0; i < PLAN_S_COUNT; i++)
        if (op->select[i] != NULL)
          attr (out, pbo_plan_select_name_ ((PlanSelect) i), op->select[i]);
      g_string_append (out, "/>\n");
    }
  if (op->op == PBO_EDIT_OP_ADD_MEMBER && op->pairs != NULL)
    {
      g_string_append (out, "    <member");
      pairs (out, op->pairs);
      g_string_append (out, "/>\n");
    }
}

/* The order attributes are written in: each operation's identity first,
 * then what it sets, its date and reason last (docs/format.md, "Plans"). */
static const PlanAttr write_order[] = {
  PLAN_A_ID, PLAN_A_ORG, PLAN_A_INTO, PLAN_A_FROM, PLAN_A_NEW_ID, PLAN_A_NEW_NAME, PLAN_A_KIND,
  PLAN_A_NAME, PLAN_A_PARENT, PLAN_A_UNIT, PLAN_A_ESTABLISHED, PLAN_A_TERM_START,
  PLAN_A_TERM_YEARS, PLAN_A_TO, PLAN_A_MEMBERS_TO, PLAN_A_BEFORE, PLAN_A_ROLE, PLAN_A_MEMBER,
  PLAN_A_SINCE, PLAN_A_RECRUIT, PLAN_A_STAGE, PLAN_A_EMPLOYMENT, PLAN_A_TYPE, PLAN_A_TITLE,
  PLAN_A_ATTENDANCE, PLAN_A_APPLIED, PLAN_A_ACTIVIST_SINCE, PLAN_A_CANDIDATE_SINCE,
  PLAN_A_GENDER, PLAN_A_BORN, PLAN_A_DEPARTMENT, PLAN_A_STANDING, PLAN_A_UNTIL, PLAN_A_TO_ORG,
  PLAN_A_FROM_ORG, PLAN_A_LETTER, PLAN_A_VALID_DAYS, PLAN_A_DUES_PAID_TO, PLAN_A_PRESENTER,
  PLAN_A_RECORDER, PLAN_A_EXPECTED, PLAN_A_PRESENT, PLAN_A_EXCUSED, PLAN_A_PLACE, PLAN_A_TOPIC,
  PLAN_A_RESOLUTION, PLAN_A_PLANNED, PLAN_A_YEAR, PLAN_A_APPROVED, PLAN_A_METHOD,
  PLAN_A_CANDIDATES, PLAN_A_SEATS, PLAN_A_VOTERS, PLAN_A_VOTED, PLAN_A_TERM_POSTPONED_TO,
  PLAN_A_REASON, PLAN_A_DATE,
};
G_STATIC_ASSERT (G_N_ELEMENTS (write_order) == PLAN_A_COUNT);

static void
write_op (GString *out, const PboPlanOp *op)
{
  const char *name = pbo_edit_op_to_string (op->op);
  gsize start;
  guint i;

  g_string_append_printf (out, "  <%s", name);
  for (i = 0; i < PLAN_A_COUNT; i++)
    {
      PlanAttr a = write_order[i];
      if (op->v[a] != NULL)
        attr (out, pbo_plan_attr_name_ (a), op->v[a]);
      else if (op->cleared & (G_GUINT64_CONSTANT (1) << a))
        attr (out, pbo_plan_attr_name_ ((PlanAttr) a), "");
    }
  if (op->op == PBO_EDIT_OP_UPDATE_MEMBER || op->op == PBO_EDIT_OP_TRANSFER_IN
      || pbo_record_op_kind_ (op->op, NULL) != 0)
    pairs (out, op->pairs);
  start = out->len;
  g_string_append (out, ">\n");
  children (out, op);
  if (out->len == start + 2)
    {
      g_string_truncate (out, start);
      g_string_append (out, "/>\n");
    }
  else
    g_string_append_printf (out, "  </%s>\n", name);
}

void
pbo_plan_write (const PboPlan *plan, GString *out)
{
  char date[PBO_DATE_BUFSIZE];
  guint i;

  g_return_if_fail (plan != NULL && out != NULL);
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plan xmlns=\"" PBO_XML_NS "\"");
  if (plan->operator_name != NULL)
    attr (out, "operator", plan->operator_name);
  if (plan->date != PBO_DATE_NONE)
    attr (out, "date", pbo_date_format (plan->date, date));
  if (plan->reason != NULL)
    attr (out, "reason", plan->reason);
  if (plan->ops->len == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  for (i = 0; i < plan->ops->len; i++)
    write_op (out, g_ptr_array_index (plan->ops, i));
  g_string_append (out, "</plan>\n");
}
