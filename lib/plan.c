/* libpbo — plans: the list of operations and the checks of their form,
 * shared by the XML reader and programs that build plans in memory.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "plan-private.h"
#include "member-records-private.h"
#include "error-private.h"

static const char *const attr_names[PLAN_A_COUNT] = {
  "id", "kind", "name", "parent", "unit", "established", "term-start", "term-years", "org",
  "to", "into", "from", "new-id", "new-name", "members-to", "role", "member", "since", "date",
  "reason", "recruit", "stage", "employment", "before", "type", "title", "attendance", "applied",
  "activist-since", "candidate-since", "gender", "born", "department",
  "standing", "until", "to-org", "from-org", "letter", "valid-days", "dues-paid-to",
  "presenter", "recorder", "expected", "present", "excused", "place", "topic", "resolution",
  "planned", "year", "approved", "method", "candidates", "seats", "voters", "voted",
  "term-postponed-to",
};

static const char *const select_names[PLAN_S_COUNT] = {
  "from", "employment", "status", "department",
};

#define A_BIT(a) (G_GUINT64_CONSTANT (1) << (a))
#define A(x) A_BIT (PLAN_A_##x)

/* Which attributes each operation allows and requires; every operation
 * also allows date and reason. */
#define RECRUIT_FIELDS (A (NAME) | A (STAGE) | A (APPLIED) | A (ACTIVIST_SINCE) \
                        | A (CANDIDATE_SINCE) | A (GENDER) | A (BORN) | A (DEPARTMENT))
#define MEETING_FIELDS (A (TYPE) | A (TITLE) | A (ATTENDANCE) | A (PRESENTER) | A (RECORDER) \
                        | A (EXPECTED) | A (PRESENT) | A (EXCUSED) | A (PLACE) | A (TOPIC) \
                        | A (RESOLUTION) | A (PLANNED))

static const struct {
  guint64 allowed;
  guint64 required;
} specs[] = {
  [PBO_EDIT_OP_CREATE_ORG] = { A (ID) | A (KIND) | A (NAME) | A (PARENT) | A (UNIT)
                                 | A (ESTABLISHED) | A (TERM_START) | A (TERM_YEARS) | A (BEFORE),
                               A (ID) | A (KIND) | A (NAME) },
  [PBO_EDIT_OP_RENAME] = { A (ORG) | A (NAME), A (ORG) | A (NAME) },
  [PBO_EDIT_OP_SET_KIND] = { A (ORG) | A (KIND), A (ORG) | A (KIND) },
  [PBO_EDIT_OP_MOVE] = { A (ORG) | A (TO) | A (BEFORE), A (ORG) },
  [PBO_EDIT_OP_TRANSFER] = { A (TO) | A (BEFORE), A (TO) },
  [PBO_EDIT_OP_MERGE] = { A (INTO) | A (FROM) | A (NAME), A (INTO) | A (FROM) },
  [PBO_EDIT_OP_SPLIT] = { A (ORG) | A (NEW_ID) | A (NEW_NAME) | A (ESTABLISHED) | A (TERM_START)
                            | A (TERM_YEARS), A (ORG) | A (NEW_ID) | A (NEW_NAME) },
  [PBO_EDIT_OP_DISSOLVE] = { A (ORG) | A (MEMBERS_TO), A (ORG) },
  [PBO_EDIT_OP_APPOINT] = { A (ORG) | A (ROLE) | A (MEMBER) | A (SINCE),
                            A (ORG) | A (ROLE) | A (MEMBER) },
  [PBO_EDIT_OP_DISMISS] = { A (ORG) | A (ROLE) | A (MEMBER), A (ORG) | A (ROLE) | A (MEMBER) },
  [PBO_EDIT_OP_ADD_MEMBER] = { A (TO) | A (BEFORE), A (TO) },
  [PBO_EDIT_OP_UPDATE_MEMBER] = { A (ID), A (ID) },
  [PBO_EDIT_OP_CONVERT] = { A (MEMBER) | A (DATE), A (MEMBER) | A (DATE) },
  [PBO_EDIT_OP_REMOVE_MEMBER] = { A (ID) | A (REASON) | A (DATE), A (ID) | A (REASON) | A (DATE) },
  [PBO_EDIT_OP_PROMOTE] = { A (RECRUIT) | A (STAGE), A (RECRUIT) | A (STAGE) },
  [PBO_EDIT_OP_ADMIT] = { A (RECRUIT) | A (EMPLOYMENT), A (RECRUIT) },
  [PBO_EDIT_OP_SET_ORG] = { A (ORG) | A (UNIT) | A (ESTABLISHED) | A (TERM_START) | A (TERM_YEARS)
                              | A (TERM_POSTPONED_TO), A (ORG) },
  [PBO_EDIT_OP_ADD_MEETING] = { A (ORG) | A (ID) | MEETING_FIELDS,
                                A (ORG) | A (TYPE) | A (DATE) },
  [PBO_EDIT_OP_UPDATE_MEETING] = { A (ORG) | A (ID) | MEETING_FIELDS, A (ORG) | A (ID) },
  [PBO_EDIT_OP_REMOVE_MEETING] = { A (ORG) | A (ID), A (ORG) | A (ID) },
  [PBO_EDIT_OP_ADD_RECRUIT] = { A (TO) | A (ID) | RECRUIT_FIELDS,
                                A (TO) | A (ID) | A (NAME) | A (APPLIED) },
  [PBO_EDIT_OP_UPDATE_RECRUIT] = { A (ID) | RECRUIT_FIELDS, A (ID) },
  [PBO_EDIT_OP_REMOVE_RECRUIT] = { A (ID), A (ID) },
  /* Member records: their own attributes go to pairs (plan-records.c). */
  [PBO_EDIT_OP_ADD_PAYMENT] = { A (MEMBER), A (MEMBER) },
  [PBO_EDIT_OP_REMOVE_PAYMENT] = { A (MEMBER), A (MEMBER) },
  [PBO_EDIT_OP_SET_EVALUATION] = { A (MEMBER), A (MEMBER) },
  [PBO_EDIT_OP_REMOVE_EVALUATION] = { A (MEMBER), A (MEMBER) },
  [PBO_EDIT_OP_SET_RATING] = { A (MEMBER), A (MEMBER) },
  [PBO_EDIT_OP_REMOVE_RATING] = { A (MEMBER), A (MEMBER) },
  [PBO_EDIT_OP_ADD_TRAINING] = { A (MEMBER), A (MEMBER) },
  [PBO_EDIT_OP_REMOVE_TRAINING] = { A (MEMBER), A (MEMBER) },
  [PBO_EDIT_OP_SET_STANDING] = { A (MEMBER) | A (STANDING) | A (SINCE) | A (UNTIL) | A (TO),
                                 A (MEMBER) | A (STANDING) },
  [PBO_EDIT_OP_TRANSFER_OUT] = { A (MEMBER) | A (TO_ORG) | A (LETTER) | A (VALID_DAYS)
                                   | A (DUES_PAID_TO), A (MEMBER) | A (TO_ORG) | A (LETTER) },
  [PBO_EDIT_OP_RECEIPT] = { A (LETTER), A (LETTER) },
  [PBO_EDIT_OP_TRANSFER_IN] = { A (TO) | A (LETTER) | A (FROM_ORG), A (TO) | A (LETTER) | A (FROM_ORG) },
  [PBO_EDIT_OP_ADD_WORK_PLAN] = { A (ORG) | A (YEAR) | A (APPROVED) | A (TITLE), A (ORG) | A (YEAR) },
  [PBO_EDIT_OP_REMOVE_WORK_PLAN] = { A (ORG) | A (YEAR), A (ORG) | A (YEAR) },
  [PBO_EDIT_OP_ADD_ELECTION] = { A (ORG) | A (METHOD) | A (CANDIDATES) | A (SEATS) | A (VOTERS)
                                   | A (VOTED) | A (TERM_YEARS),
                                 A (ORG) | A (DATE) | A (METHOD) | A (CANDIDATES) | A (SEATS)
                                   | A (VOTERS) | A (VOTED) },
};

/* The operations whose other attributes are member attributes. */
#define TAKES_MEMBER_ATTRS(op) ((op) == PBO_EDIT_OP_UPDATE_MEMBER || (op) == PBO_EDIT_OP_TRANSFER_IN)

/* The operations whose optional attributes given empty clear a field. */
#define CLEARS(op) ((op) == PBO_EDIT_OP_SET_ORG || (op) == PBO_EDIT_OP_UPDATE_MEETING \
                    || (op) == PBO_EDIT_OP_UPDATE_RECRUIT)

#define ID_ATTRS (A (ID) | A (PARENT) | A (ORG) | A (TO) | A (INTO) | A (NEW_ID) \
                  | A (MEMBERS_TO) | A (MEMBER) | A (RECRUIT) | A (BEFORE) | A (PRESENTER) \
                  | A (RECORDER))
#define DATE_ATTRS (A (ESTABLISHED) | A (TERM_START) | A (SINCE) | A (DATE) | A (APPLIED) \
                    | A (ACTIVIST_SINCE) | A (CANDIDATE_SINCE) | A (UNTIL) | A (PLANNED) \
                    | A (APPROVED) | A (TERM_POSTPONED_TO))
#define TEXT_ATTRS (A (NAME) | A (NEW_NAME) | A (UNIT) | A (REASON) | A (TITLE) | A (DEPARTMENT) \
                    | A (TO_ORG) | A (FROM_ORG) | A (LETTER) | A (PLACE) | A (TOPIC)             \
                    | A (RESOLUTION))

/* The member attributes <add-member>'s <member> must carry. */
static const PboMemberAttr member_required[] = {
  PBO_MATTR_ID, PBO_MATTR_NAME, PBO_MATTR_STATUS, PBO_MATTR_EMPLOYMENT, PBO_MATTR_JOINED,
};


/* ---- the plan ---------------------------------------------------------- */

static void
op_free (gpointer data)
{
  PboPlanOp *op = data;

  if (op->member_ids != NULL)
    g_ptr_array_unref (op->member_ids);
  if (op->pairs != NULL)
    g_ptr_array_unref (op->pairs);
  g_free (op);
}

PboPlan *
pbo_plan_new (void)
{
  PboPlan *plan = g_new0 (PboPlan, 1);

  plan->ops = g_ptr_array_new_with_free_func (op_free);
  plan->strings = g_string_chunk_new (1024);
  plan->name = g_strdup ("<memory>");
  return plan;
}

void
pbo_plan_free (PboPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->ops);
  g_string_chunk_free (plan->strings);
  g_free (plan->name);
  g_free (plan);
}

void
pbo_plan_set_name_ (PboPlan *plan, const char *name)
{
  g_free (plan->name);
  plan->name = g_strdup (name);
}

PboPlanOp *
pbo_plan_op_ (const PboPlan *plan, guint index)
{
  return index < plan->ops->len ? g_ptr_array_index (plan->ops, index) : NULL;
}

guint
pbo_plan_get_n_ops (const PboPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->ops->len;
}

PboEditOp
pbo_plan_get_op (const PboPlan *plan, guint index)
{
  const PboPlanOp *op;

  g_return_val_if_fail (plan != NULL, PBO_EDIT_OP_NONE);
  op = pbo_plan_op_ (plan, index);
  return op != NULL ? op->op : PBO_EDIT_OP_NONE;
}

gboolean
pbo_plan_get_position (const PboPlan *plan, guint index, guint *line, guint *column)
{
  const PboPlanOp *op;

  g_return_val_if_fail (plan != NULL, FALSE);
  op = pbo_plan_op_ (plan, index);
  if (line != NULL)
    *line = op != NULL ? op->line : 0;
  if (column != NULL)
    *column = op != NULL ? op->column : 0;
  return op != NULL && op->line > 0;
}

/* ---- values ---------------------------------------------------------------- */

static gboolean
check_date (const char *element, const char *name, const char *value, PboDate *out,
            GError **error)
{
  GError *local = NULL;
  PboDate date;

  if (pbo_date_parse (value, -1, FALSE, &date, &local))
    {
      if (out != NULL)
        *out = date;
      return TRUE;
    }
  pbo_refuse_ (error, local->code, "<%s>: %s: %s", element, name, local->message);
  g_error_free (local);
  return FALSE;
}

static gboolean
check_id (const char *element, const char *name, const char *value, GError **error)
{
  return pbo_id_is_valid (value)
         || pbo_refuse_ (error, PBO_ERROR_INVALID, "<%s>: %s: “%.40s” is not a valid id", element,
                    name, value);
}

static gboolean
check_text (const char *element, const char *name, const char *value, GError **error)
{
  GError *local = NULL;

  if (pbo_text_check_ (value, name, TRUE, &local))
    return TRUE;
  pbo_refuse_ (error, local->code, "<%s>: %s", element, local->message);
  g_error_free (local);
  return FALSE;
}

static gboolean
check_spelling (const char *element, const char *name, const char *value, gboolean known,
                const char *choices, GError **error)
{
  return known
         || pbo_refuse_ (error, PBO_ERROR_INVALID, "<%s>: %s: “%.40s” is not %s", element, name, value,
                    choices);
}

/* "ID ID …": at least one valid id. */
static gboolean
check_id_list (const char *element, const char *name, const char *value, GError **error)
{
  g_auto (GStrv) ids = g_strsplit_set (value, " \t\n\r", -1);
  guint i, n = 0;

  for (i = 0; ids[i] != NULL; i++)
    if (ids[i][0] != '\0' && ++n > 0 && !check_id (element, name, ids[i], error))
      return FALSE;
  return n > 0 || pbo_refuse_ (error, PBO_ERROR_INVALID, "<%s>: %s names no org", element, name);
}

static gboolean
check_value (PboEditOp op, PlanAttr a, const char *value, GError **error)
{
  const char *el = pbo_edit_op_to_string (op), *name = attr_names[a];
  PboDate born;
  guint years;

  if (op == PBO_EDIT_OP_SET_STANDING && a == PLAN_A_TO)
    return check_text (el, "to", value, error);
  if (a >= PLAN_A_STANDING && a <= PLAN_A_DUES_PAID_TO && !(A_BIT (a) & (DATE_ATTRS | TEXT_ATTRS)))
    return pbo_plan_check_lifecycle_value_ (el, name, a, value, error);
  if (A_BIT (a) & ID_ATTRS)
    return check_id (el, name, value, error);
  if (A_BIT (a) & DATE_ATTRS)
    return check_date (el, name, value, NULL, error);
  if (a == PLAN_A_REASON && op == PBO_EDIT_OP_REMOVE_MEMBER)
    return check_spelling (el, name, value, pbo_removal_reason_from_string (value) != 0,
                           "death, expulsion, transfer-out or left", error);
  if (A_BIT (a) & TEXT_ATTRS)
    return check_text (el, name, value, error);
  switch (a)
    {
    case PLAN_A_KIND:
      return check_spelling (el, name, value, pbo_org_kind_from_string (value) != 0,
                             "committee, general-branch, branch or group", error);
    case PLAN_A_ROLE:
      return check_spelling (el, name, value, pbo_role_from_string (value) != 0,
                             "a role (secretary, deputy-secretary, organization, propaganda, "
                             "discipline, committee-member)", error);
    case PLAN_A_TERM_YEARS:
      years = (guint) g_ascii_strtoull (value, NULL, 10);
      return check_spelling (el, name, value,
                             strspn (value, "0123456789") == strlen (value) && years >= 1
                               && years <= 10 && strlen (value) <= 2,
                             "a number from 1 to 10", error);
    case PLAN_A_FROM:
      return check_id_list (el, name, value, error);
    case PLAN_A_STAGE:
      if (op != PBO_EDIT_OP_PROMOTE)
        return check_spelling (el, name, value, pbo_recruit_stage_from_string (value) != 0,
                               "applicant, activist or candidate", error);
      return check_spelling (el, name, value,
                             pbo_recruit_stage_from_string (value) >= PBO_RECRUIT_ACTIVIST,
                             "activist or candidate", error);
    case PLAN_A_TYPE:
      return check_spelling (el, name, value, pbo_meeting_type_from_string (value) != 0,
                             "a meeting type (general-assembly, committee, group, lecture, "
                             "theme-day, life-meeting, member-review)", error);
    case PLAN_A_YEAR:
      years = (guint) g_ascii_strtoull (value, NULL, 10);
      return check_spelling (el, name, value,
                             strspn (value, "0123456789") == strlen (value) && strlen (value) == 4
                               && years >= PBO_WORK_PLAN_YEAR_MIN && years <= PBO_WORK_PLAN_YEAR_MAX,
                             "a year (YYYY)", error);
    case PLAN_A_METHOD:
      return check_spelling (el, name, value, pbo_election_method_from_string (value) != 0,
                             "direct, open-nomination-direct or indirect", error);
    case PLAN_A_ATTENDANCE:
    case PLAN_A_EXPECTED:
    case PLAN_A_PRESENT:
    case PLAN_A_EXCUSED:
    case PLAN_A_CANDIDATES:
    case PLAN_A_SEATS:
    case PLAN_A_VOTERS:
    case PLAN_A_VOTED:
      return check_spelling (el, name, value,
                             strspn (value, "0123456789") == strlen (value) && strlen (value) <= 9,
                             "a number", error);
    case PLAN_A_GENDER:
      return check_spelling (el, name, value, pbo_gender_from_string (value) != 0,
                             "male or female", error);
    case PLAN_A_BORN:
      return pbo_date_parse (value, -1, TRUE, &born, NULL)
             || check_date (el, name, value, NULL, error);
    case PLAN_A_EMPLOYMENT:
      return check_spelling (el, name, value, pbo_employment_from_string (value) != 0,
                             "in-service or retired", error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* A member attribute's value, checked as the tree loader checks it. */
static gboolean
check_member_value (const char *element, int attr, const char *value, GError **error)
{
  PboMemberInfo scratch = PBO_MEMBER_INFO_INIT;
  GError *local = NULL;

  if (pbo_member_info_set_ (&scratch, (PboMemberAttr) attr, value, &local))
    return TRUE;
  pbo_refuse_ (error, local->code, "<%s>: %s", element, local->message);
  g_error_free (local);
  return FALSE;
}

/* ---- attributes -------------------------------------------------------- */

static int
lookup (const char *const *names, guint n, const char *name)
{
  guint i;

  for (i = 0; i < n; i++)
    if (strcmp (names[i], name) == 0)
      return (int) i;
  return -1;
}

static gboolean
refuse_unknown (const char *element, const char *name, GError **error)
{
  return pbo_refuse_ (error, PBO_ERROR_FORMAT, "<%s> has no attribute “%.40s”", element, name);
}

static gboolean
refuse_missing (const char *element, const char *name, GError **error)
{
  return pbo_refuse_ (error, PBO_ERROR_FORMAT, "<%s> needs the attribute “%s”", element, name);
}

/* update-member: a change to any member attribute but its id;
 * transfer-in: the member's attributes. */
static gboolean
add_change (PboPlan *plan, PboPlanOp *op, const char *name, const char *value, GError **error)
{
  const char *el = pbo_edit_op_to_string (op->op);
  int attr = pbo_member_attr_lookup_ (name, strlen (name));

  if (attr < 0 || (attr == PBO_MATTR_ID && op->op == PBO_EDIT_OP_UPDATE_MEMBER)
      || (attr >= PBO_MATTR_STANDING && op->op == PBO_EDIT_OP_TRANSFER_IN))
    return refuse_unknown (el, name, error);
  if (*value != '\0' && !check_member_value (el, attr, value, error))
    return FALSE;
  if (op->pairs == NULL)
    op->pairs = g_ptr_array_new ();
  g_ptr_array_add (op->pairs, g_string_chunk_insert_const (plan->strings, name));
  g_ptr_array_add (op->pairs, g_string_chunk_insert (plan->strings, value));
  return TRUE;
}

/* transfer-in carries a whole member, as add-member's <member> does. */
static gboolean
check_pairs_complete (const PboPlanOp *op, GError **error)
{
  guint i, j;

  for (i = 0; i < G_N_ELEMENTS (member_required); i++)
    {
      const char *want = pbo_member_attr_name_ (member_required[i]);
      gboolean seen = FALSE;
      for (j = 0; op->pairs != NULL && j + 1 < op->pairs->len; j += 2)
        seen |= strcmp (g_ptr_array_index (op->pairs, j), want) == 0
                && *(const char *) g_ptr_array_index (op->pairs, j + 1) != '\0';
      if (!seen)
        return refuse_missing (pbo_edit_op_to_string (op->op), want, error);
    }
  return TRUE;
}

static gboolean
set_op_attributes (PboPlan *plan, PboPlanOp *op, const char *const *attributes, GError **error)
{
  const char *el = pbo_edit_op_to_string (op->op);
  guint64 allowed = specs[op->op].allowed | A (DATE) | A (REASON), seen = 0;
  guint i;

  for (i = 0; attributes[2 * i] != NULL; i++)
    {
      const char *name = attributes[2 * i], *value = attributes[2 * i + 1];
      int a = lookup (attr_names, PLAN_A_COUNT, name);

      if (value == NULL)
        value = "";
      if (a < 0 || !(allowed & A_BIT (a)))
        {
          /* Every member attribute is a change, those a plan attribute
           * shares the name of (name, employment) too. */
          if (TAKES_MEMBER_ATTRS (op->op))
            {
              if (!add_change (plan, op, name, value, error))
                return FALSE;
              continue;
            }
          if (pbo_record_op_kind_ (op->op, NULL) != PBO_RECORD_NONE)
            {
              pbo_plan_add_pair_ (plan, op, name, value);
              continue;
            }
          return refuse_unknown (el, name, error);
        }
      if (seen & A_BIT (a))
        return pbo_refuse_ (error, PBO_ERROR_FORMAT, "<%s>: “%s” is given twice", el, name);
      seen |= A_BIT (a);
      /* An empty optional value means absent, as in a tree file; on the
       * operations that change fields, it clears one. */
      if (*value == '\0' && !(specs[op->op].required & A_BIT (a)))
        {
          if (CLEARS (op->op))
            op->cleared |= A_BIT (a);
          continue;
        }
      if (!check_value (op->op, (PlanAttr) a, value, error))
        return FALSE;
      op->v[a] = g_string_chunk_insert (plan->strings, value);
    }
  for (i = 0; i < PLAN_A_COUNT; i++)
    if ((specs[op->op].required & A_BIT (i)) && op->v[i] == NULL)
      return refuse_missing (el, attr_names[i], error);
  if (!pbo_plan_check_record_op_ (op, error))
    return FALSE;
  if (op->op == PBO_EDIT_OP_UPDATE_MEMBER && op->pairs == NULL)
    return pbo_refuse_ (error, PBO_ERROR_FORMAT, "<update-member> changes no attribute");
  if (op->op == PBO_EDIT_OP_TRANSFER_IN)
    return check_pairs_complete (op, error);
  if (op->op == PBO_EDIT_OP_SET_ORG && (seen & ~(A (ORG) | A (DATE) | A (REASON))) == 0)
    return pbo_refuse_ (error, PBO_ERROR_FORMAT, "<set-org> changes no field");
  return TRUE;
}

int
pbo_plan_add_op (PboPlan *plan, PboEditOp op, const char *const *attributes, GError **error)
{
  PboPlanOp *o;

  g_return_val_if_fail (plan != NULL && attributes != NULL, -1);
  if (pbo_edit_op_to_string (op) == NULL)
    {
      pbo_refuse_ (error, PBO_ERROR_INVALID, "not an operation (%d)", (int) op);
      return -1;
    }
  o = g_new0 (PboPlanOp, 1);
  o->op = op;
  if (!set_op_attributes (plan, o, attributes, error))
    {
      op_free (o);
      return -1;
    }
  g_ptr_array_add (plan->ops, o);
  return (int) plan->ops->len - 1;
}

/* ---- children ----------------------------------------------------------- */

static gboolean
add_select (PboPlan *plan, PboPlanOp *op, const char *const *attributes, GError **error)
{
  const char *values[PLAN_S_COUNT] = { NULL };
  guint i;

  if (op->has_select || op->member_ids != NULL)
    return pbo_refuse_ (error, PBO_ERROR_FORMAT,
                   "<%s> takes one <select>%s", pbo_edit_op_to_string (op->op),
                   op->op == PBO_EDIT_OP_TRANSFER ? _(" or <member> children, not both") : "");
  for (i = 0; attributes[2 * i] != NULL; i++)
    {
      const char *value = attributes[2 * i + 1] != NULL ? attributes[2 * i + 1] : "";
      int s = lookup (select_names, PLAN_S_COUNT, attributes[2 * i]);
      if (s < 0)
        return refuse_unknown ("select", attributes[2 * i], error);
      if (*value == '\0')
        continue;
      if ((s == PLAN_S_FROM && !check_id ("select", "from", value, error))
          || (s == PLAN_S_EMPLOYMENT
              && !check_spelling ("select", "employment", value,
                                  pbo_employment_from_string (value) != 0,
                                  "in-service or retired", error))
          || (s == PLAN_S_STATUS
              && !check_spelling ("select", "status", value, pbo_status_from_string (value) != 0,
                                  "full or probationary", error))
          || (s == PLAN_S_DEPARTMENT && !check_text ("select", "department", value, error)))
        return FALSE;
      values[s] = value;
    }
  if (op->op == PBO_EDIT_OP_TRANSFER && values[PLAN_S_FROM] == NULL)
    return refuse_missing ("select", "from", error);
  for (i = 0; i < PLAN_S_COUNT; i++)
    op->select[i] = values[i] != NULL ? g_string_chunk_insert (plan->strings, values[i]) : NULL;
  op->has_select = TRUE;
  return TRUE;
}

/* transfer's <member id/>. */
static gboolean
add_member_id (PboPlan *plan, PboPlanOp *op, const char *const *attributes, GError **error)
{
  const char *id = NULL;
  guint i;

  if (op->has_select)
    return pbo_refuse_ (error, PBO_ERROR_FORMAT,
                   "<transfer> takes one <select> or <member> children, not both");
  for (i = 0; attributes[2 * i] != NULL; i++)
    if (strcmp (attributes[2 * i], "id") != 0)
      return refuse_unknown ("member", attributes[2 * i], error);
    else
      id = attributes[2 * i + 1];
  if (id == NULL || *id == '\0')
    return refuse_missing ("member", "id", error);
  if (!check_id ("member", "id", id, error))
    return FALSE;
  if (op->member_ids == NULL)
    op->member_ids = g_ptr_array_new ();
  g_ptr_array_add (op->member_ids, g_string_chunk_insert (plan->strings, id));
  return TRUE;
}

/* A meeting's <absent member/>. */
static gboolean
add_absent (PboPlan *plan, PboPlanOp *op, const char *const *attributes, GError **error)
{
  const char *id = NULL;
  guint i;

  for (i = 0; attributes[2 * i] != NULL; i++)
    if (strcmp (attributes[2 * i], "member") != 0)
      return refuse_unknown ("absent", attributes[2 * i], error);
    else
      id = attributes[2 * i + 1];
  if (id == NULL || *id == '\0')
    return refuse_missing ("absent", "member", error);
  if (!check_id ("absent", "member", id, error))
    return FALSE;
  if (op->member_ids == NULL)
    op->member_ids = g_ptr_array_new ();
  g_ptr_array_add (op->member_ids, g_string_chunk_insert (plan->strings, id));
  return TRUE;
}

const char *
pbo_plan_attr_name_ (PlanAttr a)
{
  return attr_names[a];
}

const char *
pbo_plan_select_name_ (PlanSelect s)
{
  return select_names[s];
}

/* add-member's <member …/>: a whole member, as in a tree file. */
static gboolean
add_new_member (PboPlan *plan, PboPlanOp *op, const char *const *attributes, GError **error)
{
  gboolean seen[PBO_MATTR_COUNT] = { FALSE };
  guint i;

  if (op->pairs != NULL)
    return pbo_refuse_ (error, PBO_ERROR_FORMAT, "<add-member> takes one <member>");
  for (i = 0; attributes[2 * i] != NULL; i++)
    {
      const char *name = attributes[2 * i];
      const char *value = attributes[2 * i + 1] != NULL ? attributes[2 * i + 1] : "";
      int attr = pbo_member_attr_lookup_ (name, strlen (name));
      if (attr < 0)
        return refuse_unknown ("member", name, error);
      if (!check_member_value ("member", attr, value, error))
        return FALSE;
      seen[attr] = *value != '\0';
    }
  for (i = 0; i < G_N_ELEMENTS (member_required); i++)
    if (!seen[member_required[i]])
      return refuse_missing ("member", pbo_member_attr_name_ (member_required[i]), error);
  op->pairs = g_ptr_array_new ();
  for (i = 0; attributes[2 * i] != NULL; i++)
    {
      g_ptr_array_add (op->pairs, g_string_chunk_insert_const (plan->strings, attributes[2 * i]));
      g_ptr_array_add (op->pairs, g_string_chunk_insert (plan->strings,
                                                         attributes[2 * i + 1] != NULL
                                                           ? attributes[2 * i + 1] : ""));
    }
  return TRUE;
}

gboolean
pbo_plan_add_child (PboPlan *plan, guint index, const char *element,
                    const char *const *attributes, GError **error)
{
  PboPlanOp *op;
  gboolean is_member, is_select;

  g_return_val_if_fail (plan != NULL && element != NULL && attributes != NULL, FALSE);
  op = pbo_plan_op_ (plan, index);
  g_return_val_if_fail (op != NULL, FALSE);
  is_member = strcmp (element, "member") == 0;
  is_select = strcmp (element, "select") == 0;
  if (op->op == PBO_EDIT_OP_TRANSFER && is_member)
    return add_member_id (plan, op, attributes, error);
  if ((op->op == PBO_EDIT_OP_TRANSFER || op->op == PBO_EDIT_OP_SPLIT) && is_select)
    return add_select (plan, op, attributes, error);
  if (op->op == PBO_EDIT_OP_ADD_MEMBER && is_member)
    return add_new_member (plan, op, attributes, error);
  if ((op->op == PBO_EDIT_OP_ADD_MEETING || op->op == PBO_EDIT_OP_UPDATE_MEETING)
      && strcmp (element, "absent") == 0)
    return add_absent (plan, op, attributes, error);
  return pbo_refuse_ (error, PBO_ERROR_FORMAT, "<%.40s> is not allowed inside <%s>", element,
                 pbo_edit_op_to_string (op->op));
}

gboolean
pbo_plan_op_check_children_ (const PboPlanOp *op, GError **error)
{
  const char *missing = NULL;

  if (op->op == PBO_EDIT_OP_TRANSFER && !op->has_select && op->member_ids == NULL)
    missing = _("<member> children or a <select>");
  else if (op->op == PBO_EDIT_OP_SPLIT && !op->has_select)
    missing = _("a <select>");
  else if (op->op == PBO_EDIT_OP_ADD_MEMBER && op->pairs == NULL)
    missing = _("a <member>");
  return missing == NULL
         || pbo_refuse_ (error, PBO_ERROR_FORMAT, "<%s> needs %s", pbo_edit_op_to_string (op->op),
                    missing);
}

/* ---- the plan's own attributes -------------------------------------------- */

gboolean
pbo_plan_set_attribute_ (PboPlan *plan, const char *name, const char *value, GError **error)
{
  if (*value == '\0')
    return TRUE;
  if (strcmp (name, "date") == 0)
    return check_date ("plan", name, value, &plan->date, error);
  if (strcmp (name, "operator") != 0 && strcmp (name, "reason") != 0)
    return refuse_unknown ("plan", name, error);
  if (!check_text ("plan", name, value, error))
    return FALSE;
  if (name[0] == 'o')
    plan->operator_name = g_string_chunk_insert (plan->strings, value);
  else
    plan->reason = g_string_chunk_insert (plan->strings, value);
  return TRUE;
}
