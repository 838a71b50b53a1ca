/* libpbo — display names of the enumerations (include/pbo/display.h): the
 * words people read, translated; the spellings machines read are in types.c.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <pbo/pbo.h>
#include "error-private.h"

/* Each table is indexed by the enum value, index 0 (NONE) NULL. The context
 * tells the translator what the word names: "committee" and "group" are
 * both org kinds (党委, 党小组) and meeting types (支委会, 党小组会). */
static const char *const org_kinds[] = {
  NULL, NC_("org kind", "committee"), NC_("org kind", "general-branch"),
  NC_("org kind", "branch"), NC_("org kind", "group")
};
static const char *const statuses[] = {
  NULL, NC_("member status", "full"), NC_("member status", "probationary")
};
static const char *const employments[] = {
  NULL, NC_("employment", "in-service"), NC_("employment", "retired")
};
static const char *const genders[] = { NULL, NC_("gender", "male"), NC_("gender", "female") };
static const char *const roles[] = {
  NULL, NC_("officer role", "secretary"), NC_("officer role", "deputy-secretary"),
  NC_("officer role", "organization"), NC_("officer role", "propaganda"),
  NC_("officer role", "discipline"), NC_("officer role", "committee-member")
};
static const char *const meeting_types[] = {
  NULL, NC_("meeting type", "general-assembly"), NC_("meeting type", "committee"),
  NC_("meeting type", "group"), NC_("meeting type", "lecture"),
  NC_("meeting type", "theme-day"), NC_("meeting type", "life-meeting"),
  NC_("meeting type", "member-review")
};
static const char *const stages[] = {
  NULL, NC_("recruit stage", "applicant"), NC_("recruit stage", "activist"),
  NC_("recruit stage", "candidate")
};
static const char *const severities[] = {
  NULL, NC_("severity", "info"), NC_("severity", "warning"), NC_("severity", "error")
};

static const char *const edit_ops[] = {
  NULL, NC_("edit op", "create-org"), NC_("edit op", "rename"), NC_("edit op", "set-kind"),
  NC_("edit op", "move"), NC_("edit op", "transfer"), NC_("edit op", "merge"),
  NC_("edit op", "split"), NC_("edit op", "dissolve"), NC_("edit op", "appoint"),
  NC_("edit op", "dismiss"), NC_("edit op", "add-member"), NC_("edit op", "update-member"),
  NC_("edit op", "convert"), NC_("edit op", "remove-member"), NC_("edit op", "promote"),
  NC_("edit op", "admit"), NC_("edit op", "set-org"), NC_("edit op", "add-meeting"),
  NC_("edit op", "update-meeting"), NC_("edit op", "remove-meeting"),
  NC_("edit op", "add-recruit"), NC_("edit op", "update-recruit"),
  NC_("edit op", "remove-recruit")
};

static const char *
display_name (const char *context, const char *const *table, gsize n, int value)
{
  return value > 0 && (gsize) value < n ? C_(context, table[value]) : NULL;
}

#define PBO_DEFINE_DISPLAY_NAME(Type, prefix, context, table)               \
  const char *prefix##_to_display_name (Type value)                         \
  {                                                                         \
    return display_name (context, table, G_N_ELEMENTS (table), (int) value); \
  }

PBO_DEFINE_DISPLAY_NAME (PboOrgKind, pbo_org_kind, "org kind", org_kinds)
PBO_DEFINE_DISPLAY_NAME (PboStatus, pbo_status, "member status", statuses)
PBO_DEFINE_DISPLAY_NAME (PboEmployment, pbo_employment, "employment", employments)
PBO_DEFINE_DISPLAY_NAME (PboGender, pbo_gender, "gender", genders)
PBO_DEFINE_DISPLAY_NAME (PboRole, pbo_role, "officer role", roles)
PBO_DEFINE_DISPLAY_NAME (PboMeetingType, pbo_meeting_type, "meeting type", meeting_types)
PBO_DEFINE_DISPLAY_NAME (PboRecruitStage, pbo_recruit_stage, "recruit stage", stages)
PBO_DEFINE_DISPLAY_NAME (PboSeverity, pbo_severity, "severity", severities)

const char *
pbo_edit_op_to_display_name (PboEditOp op)
{
  const char *name = display_name ("edit op", edit_ops, G_N_ELEMENTS (edit_ops), (int) op);

  /* Operations appended later (other 1.x releases) fall back to the
   * spelling, which the table checks against too (test-display). */
  return name != NULL ? name : pbo_edit_op_to_string (op);
}
