/* libpbo — members: storage, validation, insertion, removal, transfer.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "tree-private.h"
#include "member-records-private.h"
#include "lifecycle-private.h"
#include "error-private.h"

void
pbo_member_link_ (PboOrg *org, PboMember *m, PboMember *before)
{
  PboPool *pool = &org->tree->members;
  guint32 ref = pbo_pool_ref_ (pool, m);
  PboMember *prev = before != NULL ? pbo_pool_get_ (pool, before->prev) : org->last_member;

  m->org = org;
  m->next = pbo_pool_ref_ (pool, before);
  m->prev = pbo_pool_ref_ (pool, prev);
  if (prev != NULL)
    prev->next = ref;
  else
    org->first_member = m;
  if (before != NULL)
    before->prev = ref;
  else
    org->last_member = m;
  org->n_members++;
}

void
pbo_member_unlink_ (PboMember *m)
{
  PboOrg *org = m->org;
  PboMember *prev = pbo_member_prev_ (m), *next = pbo_member_next_ (m);

  if (prev != NULL)
    prev->next = m->next;
  else
    org->first_member = next;
  if (next != NULL)
    next->prev = m->prev;
  else
    org->last_member = prev;
  org->n_members--;
  m->org = NULL;
  m->prev = m->next = 0;
}

/* ---- validation ------------------------------------------------------ */

static gboolean
fail (GError **error, int code, const char *id, const char *what)
{
  /* pbo_refuse_(): the id quoted may not be UTF-8 (found by fuzz-edit). */
  return pbo_refuse_ (error, code, "member “%s”: %s", id != NULL ? id : "", what);
}

static gboolean
is_full_date (PboDate d)
{
  return pbo_date_is_valid (d) && !pbo_date_is_year_only (d);
}

gboolean
pbo_member_info_check_ (const PboMemberInfo *info, GError **error)
{
  const char *id = info->id;
  const char *const texts[] = { info->ethnicity, info->education, info->position,
                                info->department, info->phone, info->id_card };
  const char *const names[] = { "ethnicity", "education", "position",
                                "department", "phone", "id-card" };
  guint i;

  if (info->version < 1 || info->version > PBO_MEMBER_INFO_VERSION)
    return fail (error, PBO_ERROR_INVALID, id, "unsupported PboMemberInfo version");
  if (!pbo_id_is_valid (id))
    return fail (error, PBO_ERROR_INVALID, id, "not a valid id");
  if (!pbo_text_check_n_ (info->name, N_("member name"), TRUE, error))
    return FALSE;
  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!pbo_text_check_ (texts[i], names[i], FALSE, error))
      return FALSE;
  if (pbo_status_to_string (info->status) == NULL)
    return fail (error, PBO_ERROR_INVALID, id, "status must be full or probationary");
  if (pbo_employment_to_string (info->employment) == NULL)
    return fail (error, PBO_ERROR_INVALID, id, "employment must be in-service or retired");
  if (info->gender != PBO_GENDER_NONE && pbo_gender_to_string (info->gender) == NULL)
    return fail (error, PBO_ERROR_INVALID, id, "not a valid gender");
  if (info->dues_category != PBO_DUES_NONE
      && pbo_dues_category_to_string (info->dues_category) == NULL)
    return fail (error, PBO_ERROR_INVALID, id, "not a valid dues category");
  if (info->dues_base_fen != PBO_DUES_BASE_NONE
      && (info->dues_base_fen < 0 || info->dues_base_fen > G_MAXUINT32 - 1))
    return fail (error, PBO_ERROR_INVALID, id, "dues base out of range");
  if (info->born != PBO_DATE_NONE && !pbo_date_is_valid (info->born))
    return fail (error, PBO_ERROR_INVALID, id, "birth date is not a valid date");
  if (!is_full_date (info->joined))
    return fail (error, PBO_ERROR_INVALID, id, "joined date is missing or not valid");
  if (info->full_since != PBO_DATE_NONE && !is_full_date (info->full_since))
    return fail (error, PBO_ERROR_INVALID, id, "full-since is not a valid date");
  if (info->status == PBO_STATUS_FULL && info->full_since == PBO_DATE_NONE)
    return fail (error, PBO_ERROR_INCONSISTENT, id, "a full member needs full-since");
  if (info->full_since != PBO_DATE_NONE && info->full_since < info->joined)
    return fail (error, PBO_ERROR_INCONSISTENT, id, "full-since is before joined");
  return TRUE;
}

/* ---- public operations ----------------------------------------------- */

static gboolean
check_holder (const PboOrg *org, GError **error)
{
  if (pbo_org_kind_holds_members (org->kind))
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_CONTAINMENT,
               _("members belong in a branch or group, and “%s” is a %s"), org->id,
               pbo_org_kind_to_display_name (org->kind));
  return FALSE;
}

static gboolean
check_before_member (const PboOrg *org, const PboMember *before, GError **error)
{
  if (before == NULL || before->org == org)
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("member “%s” is not in “%s”"), pbo_member_id_ (before),
               org->id);
  return FALSE;
}

PboMember *
pbo_tree_add_member (PboTree *tree, PboOrg *org, const PboMemberInfo *info, GError **error)
{
  g_return_val_if_fail (tree != NULL && info != NULL, NULL);
  g_return_val_if_fail (org != NULL && org->tree == tree, NULL);
  if (!pbo_tree_builder_allowed_ (tree, G_STRFUNC))
    return NULL;
  return pbo_tree_insert_member_ (tree, org, NULL, info, NULL, error);
}

PboMember *
pbo_tree_insert_member_ (PboTree *tree, PboOrg *org, PboMember *before,
                         const PboMemberInfo *info, const PboForeign *foreign, GError **error)
{
  PboMember *m;

  if (!pbo_member_info_check_ (info, error) || !pbo_tree_check_new_id_ (tree, info->id, error)
      || !check_holder (org, error) || !check_before_member (org, before, error))
    return NULL;
  m = pbo_member_alloc_ (tree);
  pbo_member_store_ (tree, m, info);
  if (foreign != NULL && (foreign->attrs != NULL || foreign->children != NULL))
    pbo_foreign_copy_ (&pbo_member_ensure_extra_in_ (tree, m)->foreign, foreign);
  pbo_member_link_ (org, m, before);
  pbo_tree_index_add_ (tree, m, TRUE);
  pbo_counts_add_member_ (org, m, +1);
  tree->n_members++;
  return m;
}

static gboolean
is_this_member (const PboMember *m, gconstpointer data)
{
  return m == data;
}

void
pbo_tree_remove_member (PboTree *tree, PboMember *member)
{
  g_return_if_fail (tree != NULL && member != NULL && member->org != NULL);
  g_return_if_fail (member->org->tree == tree);
  if (!pbo_tree_builder_allowed_ (tree, G_STRFUNC))
    return;

  if (member->n_offices > 0)
    pbo_officers_vacate_ (member->org, NULL, is_this_member, member, NULL, NULL);
  pbo_counts_add_member_ (member->org, member, -1);
  pbo_member_unlink_ (member);
  pbo_tree_index_remove_ (tree, member, TRUE);
  tree->n_members--;
  pbo_records_drop_member_ (tree, member);
  pbo_member_release_ (tree, member);
}

gboolean
pbo_tree_move_member (PboTree *tree, PboMember *member, PboOrg *org, GError **error)
{
  g_return_val_if_fail (tree != NULL && member != NULL && member->org != NULL, FALSE);
  g_return_val_if_fail (org != NULL && org->tree == tree && member->org->tree == tree, FALSE);
  if (!pbo_tree_builder_allowed_ (tree, G_STRFUNC))
    return FALSE;
  return pbo_tree_move_member_ (tree, member, org, NULL, error);
}

gboolean
pbo_tree_move_member_ (PboTree *tree, PboMember *member, PboOrg *org, PboMember *before,
                       GError **error)
{
  if (!check_holder (org, error) || !check_before_member (org, before, error))
    return FALSE;
  if (before == member)
    return TRUE;
  if (member->n_offices > 0)
    pbo_officers_vacate_ (member->org, org, is_this_member, member, NULL, NULL);
  pbo_counts_add_member_ (member->org, member, -1);
  pbo_member_unlink_ (member);
  pbo_member_link_ (org, member, before);
  pbo_counts_add_member_ (org, member, +1);
  return TRUE;
}

gboolean
pbo_member_set_attribute (PboTree *tree, PboMember *member, const char *name, const char *value,
                          GError **error)
{
  PboMemberInfo info;
  int attr;

  g_return_val_if_fail (tree != NULL && member != NULL && name != NULL, FALSE);
  g_return_val_if_fail (member->org != NULL && member->org->tree == tree, FALSE);
  if (!pbo_tree_builder_allowed_ (tree, G_STRFUNC))
    return FALSE;

  attr = pbo_member_attr_lookup_ (name, strlen (name));
  if (attr < 0 || attr == PBO_MATTR_ID)
    {
      /* (pbo_refuse_: @name comes from the caller, maybe not UTF-8.) */
      return pbo_refuse_ (error, PBO_ERROR_INVALID, "“%s” is not a member attribute that can be set",
                          name);
    }
  if (attr >= PBO_MATTR_STANDING)
    return pbo_standing_set_attr_ (tree, member, (PboMemberAttr) attr, value, error);
  pbo_member_to_info_ (member, &info);
  if (!pbo_member_info_set_ (&info, (PboMemberAttr) attr, value, error)
      || !pbo_member_info_check_ (&info, error))
    return FALSE;
  pbo_counts_add_member_ (member->org, member, -1);
  pbo_member_store_ (tree, member, &info);
  pbo_counts_add_member_ (member->org, member, +1);
  return TRUE;
}

/* ---- getters ---------------------------------------------------------- */

#define MEMBER_GETTER(type, name, expr, fallback)              \
  type pbo_member_get_##name (const PboMember *member)         \
  {                                                            \
    g_return_val_if_fail (member != NULL, fallback);           \
    return expr;                                               \
  }

static const char *
cold_text (const PboMember *member, gsize offset)
{
  const PboMemberCold *c = pbo_member_cold_ (member);
  return c != NULL ? G_STRUCT_MEMBER (const char *, c, offset) : NULL;
}

MEMBER_GETTER (const char *, id, pbo_member_id_ (member), NULL)
MEMBER_GETTER (const char *, name, pbo_member_name_ (member), NULL)
MEMBER_GETTER (PboOrg *, org, member->org, NULL)
MEMBER_GETTER (PboMember *, next, pbo_member_next_ (member), NULL)
MEMBER_GETTER (PboStatus, status, (PboStatus) member->status, PBO_STATUS_NONE)
MEMBER_GETTER (PboEmployment, employment, (PboEmployment) member->employment, PBO_EMPLOYMENT_NONE)
MEMBER_GETTER (PboGender, gender, (PboGender) member->gender, PBO_GENDER_NONE)
MEMBER_GETTER (PboDate, born, pbo_member_date_ (member, PBO_DATE_BORN), PBO_DATE_NONE)
MEMBER_GETTER (PboDate, joined, pbo_member_date_ (member, PBO_DATE_JOINED), PBO_DATE_NONE)
MEMBER_GETTER (PboDate, full_since, pbo_member_date_ (member, PBO_DATE_FULL_SINCE),
               PBO_DATE_NONE)
MEMBER_GETTER (const char *, ethnicity, pbo_member_text_ (member, PBO_TEXT_ETHNICITY), NULL)
MEMBER_GETTER (const char *, education, pbo_member_text_ (member, PBO_TEXT_EDUCATION), NULL)
MEMBER_GETTER (const char *, position, pbo_member_text_ (member, PBO_TEXT_POSITION), NULL)
MEMBER_GETTER (const char *, department, pbo_member_text_ (member, PBO_TEXT_DEPARTMENT), NULL)
MEMBER_GETTER (gint64, dues_base, pbo_member_dues_base_ (member), PBO_DUES_BASE_NONE)
MEMBER_GETTER (PboDuesCategory, dues_category, (PboDuesCategory) member->dues_category,
               PBO_DUES_NONE)
MEMBER_GETTER (gboolean, mobile, member->mobile != 0, FALSE)

PboOrg *
pbo_member_get_branch (const PboMember *member)
{
  g_return_val_if_fail (member != NULL, NULL);
  return member->org->kind == PBO_ORG_GROUP ? member->org->parent : member->org;
}

char *
pbo_member_dup_phone (const PboMember *member)
{
  g_return_val_if_fail (member != NULL, NULL);
  return g_strdup (cold_text (member, G_STRUCT_OFFSET (PboMemberCold, phone)));
}

char *
pbo_member_dup_id_card (const PboMember *member)
{
  g_return_val_if_fail (member != NULL, NULL);
  return g_strdup (cold_text (member, G_STRUCT_OFFSET (PboMemberCold, id_card)));
}
