/* libpbo — private layout of plans, shared by the model (plan.c), the
 * reader (plan-load.c) and the applier (plan-apply.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_PLAN_PRIVATE_H
#define PBO_PLAN_PRIVATE_H

#include "edit-private.h"

G_BEGIN_DECLS

/* The attributes of operation elements; each operation allows some (see
 * plan.c). An operation's values are indexed by these. */
typedef enum {
  PLAN_A_ID, PLAN_A_KIND, PLAN_A_NAME, PLAN_A_PARENT, PLAN_A_UNIT, PLAN_A_ESTABLISHED,
  PLAN_A_TERM_START, PLAN_A_TERM_YEARS, PLAN_A_ORG, PLAN_A_TO, PLAN_A_INTO, PLAN_A_FROM,
  PLAN_A_NEW_ID, PLAN_A_NEW_NAME, PLAN_A_MEMBERS_TO, PLAN_A_ROLE, PLAN_A_MEMBER, PLAN_A_SINCE,
  PLAN_A_DATE, PLAN_A_REASON, PLAN_A_RECRUIT, PLAN_A_STAGE, PLAN_A_EMPLOYMENT,
  PLAN_A_BEFORE, PLAN_A_TYPE, PLAN_A_TITLE, PLAN_A_ATTENDANCE, PLAN_A_APPLIED,
  PLAN_A_ACTIVIST_SINCE, PLAN_A_CANDIDATE_SINCE, PLAN_A_GENDER, PLAN_A_BORN, PLAN_A_DEPARTMENT,
  PLAN_A_STANDING, PLAN_A_UNTIL, PLAN_A_TO_ORG, PLAN_A_FROM_ORG, PLAN_A_LETTER, PLAN_A_VALID_DAYS,
  PLAN_A_DUES_PAID_TO,
  /* Branch work records (lib/plan-work-records.c). */
  PLAN_A_PRESENTER, PLAN_A_RECORDER, PLAN_A_EXPECTED, PLAN_A_PRESENT, PLAN_A_EXCUSED,
  PLAN_A_PLACE, PLAN_A_TOPIC, PLAN_A_RESOLUTION, PLAN_A_PLANNED, PLAN_A_YEAR, PLAN_A_APPROVED,
  PLAN_A_METHOD, PLAN_A_CANDIDATES, PLAN_A_SEATS, PLAN_A_VOTERS, PLAN_A_VOTED,
  PLAN_A_TERM_POSTPONED_TO,
  PLAN_A_COUNT
} PlanAttr;
/* The attributes of an element are a guint64 of bits (A_BIT). */
G_STATIC_ASSERT (PLAN_A_COUNT <= 64);

/* The attributes of <select>, as a PboSelector holds them. */
typedef enum { PLAN_S_FROM, PLAN_S_EMPLOYMENT, PLAN_S_STATUS, PLAN_S_DEPARTMENT, PLAN_S_COUNT } PlanSelect;

typedef struct {
  PboEditOp   op;
  guint       line;                  /* 0: built in memory */
  guint       column;
  const char *v[PLAN_A_COUNT];       /* values, NULL when absent */
  guint64     cleared;               /* set-org, update-meeting, update-recruit: the
                                        optional attributes given empty (PLAN_A bits) */
  GPtrArray  *member_ids;            /* transfer: <member id> children; add-meeting,
                                        update-meeting: <absent member>; or NULL */
  gboolean    has_select;
  const char *select[PLAN_S_COUNT];
  GPtrArray  *pairs;                 /* update-member: the changes; add-member: the
                                        <member>'s attributes; transfer-in: the member
                                        attributes it carries (name, value, …), or NULL */
} PboPlanOp;

struct _PboPlan {
  GPtrArray    *ops;                 /* PboPlanOp*, owned */
  GStringChunk *strings;
  char         *name;                /* in messages: the file, "<memory>" */
  const char   *operator_name;       /* the plan's own attributes, or NULL */
  const char   *reason;
  PboDate       date;
};

/* The spelling of attribute @a. */
const char *pbo_plan_attr_name_     (PlanAttr a);
/* The attributes of <select> by PlanSelect. */
const char *pbo_plan_select_name_   (PlanSelect s);

/* The plan's attributes (operator, date, reason) as the reader finds them. */
gboolean    pbo_plan_set_attribute_ (PboPlan *plan, const char *name, const char *value,
                                     GError **error);
void        pbo_plan_set_name_      (PboPlan *plan, const char *name);
PboPlanOp  *pbo_plan_op_            (const PboPlan *plan, guint index);
/* Member-record operations (plan-records.c): appends a name/value pair
 * to @op; checks a record op's pairs (TRUE for other ops); runs one. */
void        pbo_plan_add_pair_      (PboPlan *plan, PboPlanOp *op, const char *name,
                                     const char *value);
gboolean    pbo_plan_check_record_op_ (const PboPlanOp *op, GError **error);
gboolean    pbo_plan_run_record_op_ (PboTree *tree, const PboPlanOp *op,
                                     const PboEditContext *ctx, GError **error);
/* The values of set-standing's standing, transfer-out's valid-days and
 * dues-paid-to (plan-lifecycle.c); @el and @name name them in messages. */
gboolean    pbo_plan_check_lifecycle_value_ (const char *el, const char *name, PlanAttr a,
                                             const char *value, GError **error);
/* The standing attributes among add-member's @pairs, set on @m (just
 * added) by an update-member; TRUE when there are none. */
gboolean    pbo_plan_add_standing_ (PboTree *tree, PboMember *m, const GPtrArray *pairs,
                                    const PboEditContext *ctx, GError **error);
/* Runs set-standing, transfer-out, receipt and transfer-in. */
gboolean    pbo_plan_run_lifecycle_ (PboTree *tree, const PboPlanOp *op,
                                     const PboEditContext *ctx, GError **error);
/* Work records (lib/plan-work-records.c): the minutes attributes @op gives
 * (or clears) laid over @info, a #PboMeetingInfo of version 2. */
void        pbo_plan_overlay_minutes_ (const PboPlanOp *op, PboMeetingInfo *info);
/* Applies an add-work-plan, remove-work-plan or add-election @op to @org. */
gboolean    pbo_plan_run_work_record_ (PboTree *tree, PboOrg *org, const PboPlanOp *op,
                                       const PboEditContext *ctx, GError **error);

/* Fails unless @op has the children it needs (%PBO_ERROR_FORMAT). */
gboolean    pbo_plan_op_check_children_ (const PboPlanOp *op, GError **error);

G_END_DECLS

#endif /* PBO_PLAN_PRIVATE_H */
