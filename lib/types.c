/* libpbo — spellings of the enumerations.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "spelling-private.h"
#include <string.h>
#include <pbo/pbo.h>

/* Each table is indexed by the enum value; index 0 (NONE) is NULL. */
static const char *const org_kinds[] = { NULL, "committee", "general-branch", "branch", "group" };
static const char *const org_labels[] = { NULL, "党委", "党总支", "党支部", "党小组" };
static const char *const statuses[] = { NULL, "full", "probationary" };
static const char *const employments[] = { NULL, "in-service", "retired" };
static const char *const genders[] = { NULL, "male", "female" };
static const char *const dues_categories[] = {
  NULL, "standard", "student", "unemployed", "subsistence", "farmer", "mobile-no-income"
};
static const char *const roles[] = {
  NULL, "secretary", "deputy-secretary", "organization", "propaganda", "discipline",
  "committee-member"
};
static const char *const meeting_types[] = {
  NULL, "general-assembly", "committee", "group", "lecture", "theme-day", "life-meeting",
  "member-review"
};

static const char *
to_string (const char *const *table, gsize n, int value)
{
  return value > 0 && (gsize) value < n ? table[value] : NULL;
}

static int
from_string (const char *const *table, gsize n, const char *s)
{
  gsize i;

  if (s == NULL)
    return 0;
  for (i = 1; i < n; i++)
    if (strcmp (table[i], s) == 0)
      return (int) i;
  return 0;
}

#define PBO_DEFINE_SPELLING(Type, prefix, table)                           \
  const char *prefix##_to_string (Type value)                              \
  {                                                                        \
    return to_string (table, G_N_ELEMENTS (table), (int) value);           \
  }                                                                        \
  Type prefix##_from_string (const char *s)                                \
  {                                                                        \
    return (Type) from_string (table, G_N_ELEMENTS (table), s);            \
  }

PBO_DEFINE_SPELLING (PboOrgKind, pbo_org_kind, org_kinds)
PBO_DEFINE_SPELLING (PboStatus, pbo_status, statuses)
PBO_DEFINE_SPELLING (PboEmployment, pbo_employment, employments)
PBO_DEFINE_SPELLING (PboGender, pbo_gender, genders)
PBO_DEFINE_SPELLING (PboDuesCategory, pbo_dues_category, dues_categories)
PBO_DEFINE_SPELLING (PboRole, pbo_role, roles)
PBO_DEFINE_SPELLING (PboMeetingType, pbo_meeting_type, meeting_types)

const char *
pbo_org_kind_to_label (PboOrgKind kind)
{
  return to_string (org_labels, G_N_ELEMENTS (org_labels), (int) kind);
}

int
pbo_spelling_index_ (const char *const *names, guint n, const char *s)
{
  for (guint i = 1; s != NULL && i < n; i++)
    if (strcmp (names[i], s) == 0)
      return (int) i;
  return 0;
}
