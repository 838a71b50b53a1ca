/* libpbo — members: storage, validation, insertion, removal, transfer.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "tree-private.h"

/* Members live in a pool (lib/pool.c): a million of them cost a thousand
 * allocations, and their links are 32-bit references. */
PboMember *
pbo_member_alloc_ (PboTree *tree)
{
  return pbo_pool_get_ (&tree->members, pbo_pool_alloc_ (&tree->members));
}

static void
release_extra (PboTree *tree, PboMember *m)
{
  PboMemberExtra *x = pbo_pool_get_ (&tree->extras, m->extra);

  if (x == NULL)
    return;
  pbo_foreign_clear_ (&x->foreign);
  g_free (x->overflow);
  pbo_pool_release_ (&tree->extras, m->extra);
  m->extra = 0;
}

void
pbo_member_release_ (PboTree *tree, PboMember *m)
{
  release_extra (tree, m);
  pbo_pool_release_ (&tree->members, pbo_pool_ref_ (&tree->members, m));
}

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

static PboMemberExtra *
ensure_extra (PboTree *tree, PboMember *m)
{
  if (m->extra == 0)
    m->extra = pbo_pool_alloc_ (&tree->extras);
  return pbo_pool_get_ (&tree->extras, m->extra);
}

PboMemberExtra *
pbo_member_ensure_extra_ (PboMember *m)
{
  return ensure_extra (m->org->tree, m);
}

/* The side record goes when nothing is left in it. */
static void
drop_empty_extra (PboTree *tree, PboMember *m)
{
  const PboMemberExtra *x = pbo_pool_get_ (&tree->extras, m->extra);
  guint i;

  if (x == NULL || x->phone != NULL || x->id_card != NULL || m->has_dues_base
      || x->foreign.attrs != NULL || x->foreign.children != NULL)
    return;
  for (i = 0; x->overflow != NULL && i < PBO_MEMBER_N_TEXTS; i++)
    if (x->overflow[i] != NULL)
      return;
  release_extra (tree, m);
}

/* Stores phone or ID card; an unchanged pointer (from to_info) is kept as
 * it is so that updates do not grow the arena. */
static void
store_extra_text (PboTree *tree, PboMember *m, gsize offset, const char *value)
{
  const char **slot;

  if (value == NULL || *value == '\0')
    {
      if (m->extra != 0)
        G_STRUCT_MEMBER (const char *, pbo_pool_get_ (&tree->extras, m->extra), offset) = NULL;
      return;
    }
  slot = &G_STRUCT_MEMBER (const char *, ensure_extra (tree, m), offset);
  if (*slot != value)
    *slot = pbo_tree_strdup_ (tree, value);
}

/* Interned texts: an index into the tree's table. Past 65,534 distinct
 * values (a national tree's departments might get there) the text goes to
 * the side record instead. The strings stay in the tree's arena either
 * way, so the pointers the getters return stay valid. */
static void
store_interned (PboTree *tree, PboMember *m, guint which, const char *value)
{
  PboMemberExtra *x = pbo_pool_get_ (&tree->extras, m->extra);
  guint index;

  if (m->texts[which] == PBO_TEXT_OVERFLOW)
    x->overflow[which] = NULL;
  m->texts[which] = 0;
  if (value == NULL || *value == '\0')
    return;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (tree->text_index, value));
  if (index == 0 && tree->texts->len < PBO_TEXT_OVERFLOW - 1)
    {
      const char *s = pbo_tree_intern_ (tree, value);
      g_ptr_array_add (tree->texts, (gpointer) s);
      index = tree->texts->len;
      g_hash_table_insert (tree->text_index, (gpointer) s, GUINT_TO_POINTER (index));
    }
  if (index != 0)
    {
      m->texts[which] = (guint16) index;
      return;
    }
  x = ensure_extra (tree, m);
  if (x->overflow == NULL)
    x->overflow = g_new0 (const char *, PBO_MEMBER_N_TEXTS);
  x->overflow[which] = pbo_tree_intern_ (tree, value);
  m->texts[which] = PBO_TEXT_OVERFLOW;
}

const char *
pbo_member_text_ (const PboMember *m, guint which)
{
  const PboTree *tree = m->org->tree;
  guint index = m->texts[which];

  if (index == 0)
    return NULL;
  if (index == PBO_TEXT_OVERFLOW)
    return ((const PboMemberExtra *) pbo_pool_get_ (&tree->extras, m->extra))->overflow[which];
  return g_ptr_array_index (tree->texts, index - 1);
}

static void
member_store (PboTree *tree, PboMember *m, const PboMemberInfo *info)
{
  const char *texts[PBO_MEMBER_N_TEXTS] = { info->ethnicity, info->education, info->position,
                                            info->department };
  guint i;

  /* Id and name are stored together: a new name stores both again (the
   * old strings stay in the arena, so pointers handed out stay valid). */
  if (m->id == 0 || info->id != pbo_tree_member_id_ (tree, m)
      || strcmp (info->name, pbo_member_name_ (m)) != 0)
    m->id = pbo_arena_add_pair_ (&tree->member_strings, info->id, info->name);
  m->status = (guint8) info->status & 3;
  m->employment = (guint8) info->employment & 3;
  m->gender = (guint8) info->gender & 3;
  m->dues_category = (guint8) info->dues_category;
  m->born = info->born;
  m->joined = info->joined;
  m->full_since = info->full_since;
  m->mobile = info->mobile ? 1 : 0;
  m->has_dues_base = info->dues_base_fen != PBO_DUES_BASE_NONE;
  if (m->has_dues_base)
    ensure_extra (tree, m)->dues_base_fen = (guint32) info->dues_base_fen;
  for (i = 0; i < PBO_MEMBER_N_TEXTS; i++)
    store_interned (tree, m, i, texts[i]);
  store_extra_text (tree, m, G_STRUCT_OFFSET (PboMemberExtra, phone), info->phone);
  store_extra_text (tree, m, G_STRUCT_OFFSET (PboMemberExtra, id_card), info->id_card);
  drop_empty_extra (tree, m);
}

gint64
pbo_member_dues_base_ (const PboMember *m)
{
  return m->has_dues_base ? (gint64) pbo_member_extra_ (m)->dues_base_fen : PBO_DUES_BASE_NONE;
}

void
pbo_member_to_info_ (const PboMember *m, PboMemberInfo *info)
{
  const PboMemberExtra *x = pbo_member_extra_ (m);

  pbo_member_info_init (info, PBO_MEMBER_INFO_VERSION);
  info->id = pbo_member_id_ (m);
  info->name = pbo_member_name_ (m);
  info->status = (PboStatus) m->status;
  info->employment = (PboEmployment) m->employment;
  info->gender = (PboGender) m->gender;
  info->dues_category = (PboDuesCategory) m->dues_category;
  info->born = m->born;
  info->joined = m->joined;
  info->full_since = m->full_since;
  info->mobile = m->mobile != 0;
  info->dues_base_fen = pbo_member_dues_base_ (m);
  info->ethnicity = pbo_member_text_ (m, 0);
  info->education = pbo_member_text_ (m, 1);
  info->position = pbo_member_text_ (m, 2);
  info->department = pbo_member_text_ (m, 3);
  if (x != NULL)
    {
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

static gboolean
check_before_member (const PboOrg *org, const PboMember *before, GError **error)
{
  if (before == NULL || before->org == org)
    return TRUE;
  g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, "member “%s” is not in “%s”", pbo_member_id_ (before),
               org->id);
  return FALSE;
}

PboMember *
pbo_tree_add_member (PboTree *tree, PboOrg *org, const PboMemberInfo *info, GError **error)
{
  g_return_val_if_fail (tree != NULL && info != NULL, NULL);
  g_return_val_if_fail (org != NULL && org->tree == tree, NULL);
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
  member_store (tree, m, info);
  if (foreign != NULL && (foreign->attrs != NULL || foreign->children != NULL))
    pbo_foreign_copy_ (&ensure_extra (tree, m)->foreign, foreign);
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

  if (member->n_offices > 0)
    pbo_officers_vacate_ (member->org, NULL, is_this_member, member, NULL, NULL);
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

static const char *
extra_text (const PboMember *member, gsize offset)
{
  const PboMemberExtra *x = pbo_member_extra_ (member);
  return x != NULL ? G_STRUCT_MEMBER (const char *, x, offset) : NULL;
}

MEMBER_GETTER (const char *, id, pbo_member_id_ (member), NULL)
MEMBER_GETTER (const char *, name, pbo_member_name_ (member), NULL)
MEMBER_GETTER (PboOrg *, org, member->org, NULL)
MEMBER_GETTER (PboMember *, next, pbo_member_next_ (member), NULL)
MEMBER_GETTER (PboStatus, status, (PboStatus) member->status, PBO_STATUS_NONE)
MEMBER_GETTER (PboEmployment, employment, (PboEmployment) member->employment, PBO_EMPLOYMENT_NONE)
MEMBER_GETTER (PboGender, gender, (PboGender) member->gender, PBO_GENDER_NONE)
MEMBER_GETTER (PboDate, born, member->born, PBO_DATE_NONE)
MEMBER_GETTER (PboDate, joined, member->joined, PBO_DATE_NONE)
MEMBER_GETTER (PboDate, full_since, member->full_since, PBO_DATE_NONE)
MEMBER_GETTER (const char *, ethnicity, pbo_member_text_ (member, 0), NULL)
MEMBER_GETTER (const char *, education, pbo_member_text_ (member, 1), NULL)
MEMBER_GETTER (const char *, position, pbo_member_text_ (member, 2), NULL)
MEMBER_GETTER (const char *, department, pbo_member_text_ (member, 3), NULL)
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
  return g_strdup (extra_text (member, G_STRUCT_OFFSET (PboMemberExtra, phone)));
}

char *
pbo_member_dup_id_card (const PboMember *member)
{
  g_return_val_if_fail (member != NULL, NULL);
  return g_strdup (extra_text (member, G_STRUCT_OFFSET (PboMemberExtra, id_card)));
}
