/* libpbo — members: storage, validation, insertion, removal, transfer.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "tree-private.h"

/* Members are carved from blocks so that a million of them cost a million
 * records, not a million mallocs with their headers. */
#define MEMBERS_PER_BLOCK PBO_MEMBERS_PER_BLOCK

PboMember *
pbo_member_alloc_ (PboTree *tree)
{
  PboMember *m;

  if (tree->free_members == NULL)
    {
      PboMember *block = g_new0 (PboMember, MEMBERS_PER_BLOCK);
      guint i;
      for (i = 0; i < MEMBERS_PER_BLOCK - 1; i++)
        block[i].next = &block[i + 1];
      tree->free_members = block;
      g_ptr_array_add (tree->member_blocks, block);
    }
  m = tree->free_members;
  tree->free_members = m->next;
  memset (m, 0, sizeof *m);
  return m;
}

void
pbo_member_release_ (PboTree *tree, PboMember *m)
{
  if (m->extra != NULL)
    {
      g_free (m->extra->foreign.attrs);
      g_free (m->extra->foreign.children);
      g_free (m->extra);
    }
  memset (m, 0, sizeof *m);
  m->next = tree->free_members;
  tree->free_members = m;
}

void
pbo_member_link_ (PboOrg *org, PboMember *m, PboMember *before)
{
  m->org = org;
  m->next = before;
  m->prev = before != NULL ? before->prev : org->last_member;
  if (m->prev != NULL)
    m->prev->next = m;
  else
    org->first_member = m;
  if (before != NULL)
    before->prev = m;
  else
    org->last_member = m;
  org->n_members++;
}

void
pbo_member_unlink_ (PboMember *m)
{
  PboOrg *org = m->org;

  if (m->prev != NULL)
    m->prev->next = m->next;
  else
    org->first_member = m->next;
  if (m->next != NULL)
    m->next->prev = m->prev;
  else
    org->last_member = m->prev;
  org->n_members--;
  m->org = NULL;
  m->prev = m->next = NULL;
}

/* ---- validation ------------------------------------------------------ */

static gboolean
fail (GError **error, int code, const char *id, const char *what)
{
  g_set_error (error, PBO_ERROR, code, "member “%s”: %s", id != NULL ? id : "", what);
  return FALSE;
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
  if (!pbo_text_check_ (info->name, "member name", TRUE, error))
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

gboolean
pbo_member_info_init (PboMemberInfo *info, unsigned int version)
{
  static const PboMemberInfo init = PBO_MEMBER_INFO_INIT;

  g_return_val_if_fail (info != NULL, FALSE);
  if (version < 1 || version > PBO_MEMBER_INFO_VERSION)
    return FALSE;
  *info = init;
  info->version = version;
  return TRUE;
}

/* ---- storage --------------------------------------------------------- */

PboMemberExtra *
pbo_member_ensure_extra_ (PboMember *m)
{
  if (m->extra == NULL)
    m->extra = g_new0 (PboMemberExtra, 1);
  return m->extra;
}

/* Stores one optional string; an unchanged pointer (from to_info) is kept
 * as it is so that updates do not grow the arena. */
static void
store_text (PboTree *tree, PboMember *m, gsize offset, const char *value, gboolean intern)
{
  const char **slot;

  if (value == NULL || *value == '\0')
    {
      if (m->extra != NULL)
        G_STRUCT_MEMBER (const char *, m->extra, offset) = NULL;
      return;
    }
  slot = &G_STRUCT_MEMBER (const char *, pbo_member_ensure_extra_ (m), offset);
  if (*slot != value)
    *slot = intern ? pbo_tree_intern_ (tree, value) : pbo_tree_strdup_ (tree, value);
}

static void
member_store (PboTree *tree, PboMember *m, const PboMemberInfo *info)
{
  if (m->id != info->id)
    m->id = pbo_tree_strdup_ (tree, info->id);
  if (m->name != info->name)
    m->name = pbo_tree_strdup_ (tree, info->name);
  m->status = (guint8) info->status;
  m->employment = (guint8) info->employment;
  m->gender = (guint8) info->gender;
  m->dues_category = (guint8) info->dues_category;
  m->born = info->born;
  m->joined = info->joined;
  m->full_since = info->full_since;
  m->flags = (guint8) ((info->mobile ? PBO_MEMBER_MOBILE : 0)
                       | (info->dues_base_fen != PBO_DUES_BASE_NONE ? PBO_MEMBER_HAS_DUES_BASE : 0));
  m->dues_base_fen = info->dues_base_fen != PBO_DUES_BASE_NONE ? (guint32) info->dues_base_fen : 0;
  store_text (tree, m, G_STRUCT_OFFSET (PboMemberExtra, ethnicity), info->ethnicity, TRUE);
  store_text (tree, m, G_STRUCT_OFFSET (PboMemberExtra, education), info->education, TRUE);
  store_text (tree, m, G_STRUCT_OFFSET (PboMemberExtra, position), info->position, TRUE);
  store_text (tree, m, G_STRUCT_OFFSET (PboMemberExtra, department), info->department, TRUE);
  store_text (tree, m, G_STRUCT_OFFSET (PboMemberExtra, phone), info->phone, FALSE);
  store_text (tree, m, G_STRUCT_OFFSET (PboMemberExtra, id_card), info->id_card, FALSE);
}

void
pbo_member_to_info_ (const PboMember *m, PboMemberInfo *info)
{
  const PboMemberExtra *x = m->extra;

  pbo_member_info_init (info, PBO_MEMBER_INFO_VERSION);
  info->id = m->id;
  info->name = m->name;
  info->status = (PboStatus) m->status;
  info->employment = (PboEmployment) m->employment;
  info->gender = (PboGender) m->gender;
  info->dues_category = (PboDuesCategory) m->dues_category;
  info->born = m->born;
  info->joined = m->joined;
  info->full_since = m->full_since;
  info->mobile = (m->flags & PBO_MEMBER_MOBILE) != 0;
  info->dues_base_fen = (m->flags & PBO_MEMBER_HAS_DUES_BASE) ? (gint64) m->dues_base_fen
                                                              : PBO_DUES_BASE_NONE;
  if (x != NULL)
    {
      info->ethnicity = x->ethnicity;
      info->education = x->education;
      info->position = x->position;
      info->department = x->department;
      info->phone = x->phone;
      info->id_card = x->id_card;
    }
}

/* ---- public operations ----------------------------------------------- */

static gboolean
check_holder (const PboOrg *org, GError **error)
{
  if (pbo_org_kind_holds_members (org->kind))
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_CONTAINMENT,
               "members belong in a branch or group, and “%s” is a %s", org->id,
               pbo_org_kind_to_string (org->kind));
  return FALSE;
}

PboMember *
pbo_tree_add_member (PboTree *tree, PboOrg *org, const PboMemberInfo *info, GError **error)
{
  PboMember *m;

  g_return_val_if_fail (tree != NULL && info != NULL, NULL);
  g_return_val_if_fail (org != NULL && org->tree == tree, NULL);

  if (!pbo_member_info_check_ (info, error) || !pbo_tree_check_new_id_ (tree, info->id, error)
      || !check_holder (org, error))
    return NULL;
  m = pbo_member_alloc_ (tree);
  member_store (tree, m, info);
  pbo_member_link_ (org, m, NULL);
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

  if (member->n_offices > 0)
    pbo_officers_vacate_ (member->org, NULL, is_this_member, member);
  pbo_counts_add_member_ (member->org, member, -1);
  pbo_member_unlink_ (member);
  pbo_tree_index_remove_ (tree, member, TRUE);
  tree->n_members--;
  pbo_member_release_ (tree, member);
}

gboolean
pbo_tree_move_member (PboTree *tree, PboMember *member, PboOrg *org, GError **error)
{
  g_return_val_if_fail (tree != NULL && member != NULL && member->org != NULL, FALSE);
  g_return_val_if_fail (org != NULL && org->tree == tree && member->org->tree == tree, FALSE);

  if (!check_holder (org, error))
    return FALSE;
  if (member->n_offices > 0)
    pbo_officers_vacate_ (member->org, org, is_this_member, member);
  pbo_counts_add_member_ (member->org, member, -1);
  pbo_member_unlink_ (member);
  pbo_member_link_ (org, member, NULL);
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

  attr = pbo_member_attr_lookup_ (name, strlen (name));
  if (attr < 0 || attr == PBO_MATTR_ID)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, "“%s” is not a member attribute that can be set", name);
      return FALSE;
    }
  pbo_member_to_info_ (member, &info);
  if (!pbo_member_info_set_ (&info, (PboMemberAttr) attr, value, error)
      || !pbo_member_info_check_ (&info, error))
    return FALSE;
  pbo_counts_add_member_ (member->org, member, -1);
  member_store (tree, member, &info);
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

#define EXTRA(field) (member->extra != NULL ? member->extra->field : NULL)

MEMBER_GETTER (const char *, id, member->id, NULL)
MEMBER_GETTER (const char *, name, member->name, NULL)
MEMBER_GETTER (PboOrg *, org, member->org, NULL)
MEMBER_GETTER (PboMember *, next, member->next, NULL)
MEMBER_GETTER (PboStatus, status, (PboStatus) member->status, PBO_STATUS_NONE)
MEMBER_GETTER (PboEmployment, employment, (PboEmployment) member->employment, PBO_EMPLOYMENT_NONE)
MEMBER_GETTER (PboGender, gender, (PboGender) member->gender, PBO_GENDER_NONE)
MEMBER_GETTER (PboDate, born, member->born, PBO_DATE_NONE)
MEMBER_GETTER (PboDate, joined, member->joined, PBO_DATE_NONE)
MEMBER_GETTER (PboDate, full_since, member->full_since, PBO_DATE_NONE)
MEMBER_GETTER (const char *, ethnicity, EXTRA (ethnicity), NULL)
MEMBER_GETTER (const char *, education, EXTRA (education), NULL)
MEMBER_GETTER (const char *, position, EXTRA (position), NULL)
MEMBER_GETTER (const char *, department, EXTRA (department), NULL)
MEMBER_GETTER (gint64, dues_base,
               (member->flags & PBO_MEMBER_HAS_DUES_BASE) ? (gint64) member->dues_base_fen
                                                          : PBO_DUES_BASE_NONE,
               PBO_DUES_BASE_NONE)
MEMBER_GETTER (PboDuesCategory, dues_category, (PboDuesCategory) member->dues_category,
               PBO_DUES_NONE)
MEMBER_GETTER (gboolean, mobile, (member->flags & PBO_MEMBER_MOBILE) != 0, FALSE)

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
  return g_strdup (EXTRA (phone));
}

char *
pbo_member_dup_id_card (const PboMember *member)
{
  g_return_val_if_fail (member != NULL, NULL);
  return g_strdup (EXTRA (id_card));
}
