/* libpbo — how a member's fields are stored: a 40-byte record in a pool,
 * a 32-byte side record for the fields few members have (phone, ID card,
 * dues base), and a rarer one still (foreign content, overflowing texts,
 * dates outside 1900–2079). docs/model.md has the arithmetic.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "lifecycle-private.h"

G_STATIC_ASSERT (sizeof (gpointer) != 8 || sizeof (PboMember) == 40);
G_STATIC_ASSERT (sizeof (gpointer) != 8 || sizeof (PboMemberCold) == 32);

/* ---- records ---------------------------------------------------------- */

/* Members live in a pool (lib/pool.c): a million of them cost a thousand
 * allocations, and their links are 32-bit references. */
PboMember *
pbo_member_alloc_ (PboTree *tree)
{
  return pbo_pool_record_ (&tree->members, pbo_pool_alloc_ (&tree->members));
}

static PboMemberCold *
cold_of (PboTree *tree, const PboMember *m)
{
  return pbo_pool_get_ (&tree->colds, m->cold);
}

static PboMemberCold *
ensure_cold (PboTree *tree, PboMember *m)
{
  if (m->cold == 0)
    m->cold = pbo_pool_alloc_ (&tree->colds);
  return cold_of (tree, m);
}

PboMemberExtra *
pbo_member_ensure_extra_in_ (PboTree *tree, PboMember *m)
{
  PboMemberCold *c = ensure_cold (tree, m);

  if (c->extra == NULL)
    c->extra = g_new0 (PboMemberExtra, 1);
  return c->extra;
}

PboMemberExtra *
pbo_member_ensure_extra_ (PboMember *m)
{
  return pbo_member_ensure_extra_in_ (m->org->tree, m);
}

static void
free_extra (PboMemberCold *c)
{
  if (c->extra != NULL)
    {
      pbo_foreign_clear_ (&c->extra->foreign);
      g_clear_pointer (&c->extra, g_free);
    }
}

static void
release_cold (PboTree *tree, PboMember *m)
{
  PboMemberCold *c = cold_of (tree, m);

  if (c == NULL)
    return;
  free_extra (c);
  pbo_pool_release_ (&tree->colds, m->cold);
  m->cold = 0;
}

void
pbo_member_release_ (PboTree *tree, PboMember *m)
{
  release_cold (tree, m);
  pbo_standing_forget_ (tree, m);
  pbo_pool_release_ (&tree->members, pbo_pool_ref_ (&tree->members, m));
}

void
pbo_member_free_side_ (PboTree *tree, PboMember *m)
{
  PboMemberCold *c = cold_of (tree, m);

  if (c != NULL)
    free_extra (c);
}

/* Side records go when nothing is left in them. */
static void
drop_empty_side (PboTree *tree, PboMember *m)
{
  PboMemberCold *c = cold_of (tree, m);
  const PboMemberExtra *x;
  guint i;

  if (c == NULL)
    return;
  x = c->extra;
  if (x != NULL && x->foreign.attrs == NULL && x->foreign.children == NULL
      && !m->dates_in_extra)
    {
      for (i = 0; i < PBO_MEMBER_N_TEXTS && x->overflow[i] == NULL; i++)
        ;
      if (i == PBO_MEMBER_N_TEXTS)
        free_extra (c);
    }
  if (c->extra == NULL && c->phone == NULL && c->id_card == NULL && !m->has_dues_base)
    release_cold (tree, m);
}

/* ---- texts -------------------------------------------------------------- */

/* Phone or ID card; an unchanged pointer (from to_info) is kept as it is so
 * that updates do not grow the arena. */
static void
store_cold_text (PboTree *tree, PboMember *m, gsize offset, const char *value)
{
  const char **slot;

  if (value == NULL || *value == '\0')
    {
      if (m->cold != 0)
        G_STRUCT_MEMBER (const char *, cold_of (tree, m), offset) = NULL;
      return;
    }
  slot = &G_STRUCT_MEMBER (const char *, ensure_cold (tree, m), offset);
  if (*slot != value)
    *slot = pbo_tree_strdup_ (tree, value);
}

static guint
text_overflow (PboMemberText which)
{
  return which <= PBO_TEXT_EDUCATION ? G_MAXUINT8 : G_MAXUINT16;
}

static guint
text_index (const PboMember *m, PboMemberText which)
{
  return which <= PBO_TEXT_EDUCATION ? m->text8[which] : m->text16[which - PBO_TEXT_POSITION];
}

static void
set_text_index (PboMember *m, PboMemberText which, guint index)
{
  if (which <= PBO_TEXT_EDUCATION)
    m->text8[which] = (guint8) index;
  else
    m->text16[which - PBO_TEXT_POSITION] = (guint16) index;
}

/* Interned texts: an index into the tree's table of that field. Past its
 * capacity (254 ethnicities or educations, 65,534 positions or
 * departments) a text goes to the rare record instead. The strings stay in
 * the tree's arena either way, so the pointers the getters return stay
 * valid. */
static void
store_interned (PboTree *tree, PboMember *m, PboMemberText which, const char *value)
{
  GPtrArray *texts = tree->texts[which];
  guint index;

  if (text_index (m, which) == text_overflow (which))
    cold_of (tree, m)->extra->overflow[which] = NULL;
  set_text_index (m, which, 0);
  if (value == NULL || *value == '\0')
    return;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (tree->text_index[which], value));
  if (index == 0 && texts->len < text_overflow (which) - 1)
    {
      const char *s = pbo_tree_intern_ (tree, value);
      g_ptr_array_add (texts, (gpointer) s);
      index = texts->len;
      g_hash_table_insert (tree->text_index[which], (gpointer) s, GUINT_TO_POINTER (index));
    }
  if (index == 0)
    {
      pbo_member_ensure_extra_in_ (tree, m)->overflow[which] = pbo_tree_intern_ (tree, value);
      index = text_overflow (which);
    }
  set_text_index (m, which, index);
}

const char *
pbo_member_text_ (const PboMember *m, PboMemberText which)
{
  const PboTree *tree = m->org->tree;
  guint index = text_index (m, which);

  if (index == 0)
    return NULL;
  if (index == text_overflow (which))
    return pbo_member_extra_ (m)->overflow[which];
  return g_ptr_array_index (tree->texts[which], index - 1);
}

/* ---- dates -------------------------------------------------------------- */

/* Days from 1 March of year 0 (proleptic Gregorian), so leap days fall at
 * the end of a year: H. Hinnant's days_from_civil. */
static gint64
days_from_civil (gint64 y, guint m, guint d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe;
}

static PboDate
civil_from_days (gint64 z)
{
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  guint doe = (guint) (z - era * 146097);
  guint yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  guint doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  guint mp = (5 * doy + 2) / 153;
  guint d = doy - (153 * mp + 2) / 5 + 1;
  guint m = mp < 10 ? mp + 3 : mp - 9;

  return pbo_date_make ((guint) (yoe + era * 400 + (m <= 2)), m, d);
}

#define EPOCH (days_from_civil (1899, 12, 31))

/* The record's 16-bit day number of @date, FALSE when it does not fit. */
static gboolean
pack_date (PboDate date, guint16 *day)
{
  gint64 n;

  if (date == PBO_DATE_NONE)
    {
      *day = 0;
      return TRUE;
    }
  if (pbo_date_is_year_only (date))
    date = pbo_date_make (pbo_date_get_year (date), 1, 1);
  n = days_from_civil (pbo_date_get_year (date), pbo_date_get_month (date),
                       pbo_date_get_day (date)) - EPOCH;
  if (n < 1 || n > G_MAXUINT16)
    return FALSE;
  *day = (guint16) n;
  return TRUE;
}

static void
store_dates (PboTree *tree, PboMember *m, const PboMemberInfo *info)
{
  const PboDate dates[3] = { info->born, info->joined, info->full_since };
  guint16 days[3];
  guint i;

  m->born_year_only = info->born != PBO_DATE_NONE && pbo_date_is_year_only (info->born);
  for (i = 0; i < 3 && pack_date (dates[i], &days[i]); i++)
    ;
  m->dates_in_extra = i < 3;
  if (m->dates_in_extra)
    {
      memcpy (pbo_member_ensure_extra_in_ (tree, m)->dates, dates, sizeof dates);
      memset (m->days, 0, sizeof m->days);
    }
  else
    memcpy (m->days, days, sizeof days);
}

PboDate
pbo_member_date_ (const PboMember *m, guint which)
{
  PboDate date;

  if (m->dates_in_extra)
    return pbo_member_extra_ (m)->dates[which];
  if (m->days[which] == 0)
    return PBO_DATE_NONE;
  date = civil_from_days (EPOCH + m->days[which]);
  if (which == PBO_DATE_BORN && m->born_year_only)
    date = pbo_date_make (pbo_date_get_year (date), 0, 0);
  return date;
}

gboolean
pbo_member_same_date_ (const PboMember *a, const PboMember *b, guint which)
{
  /* Stored alike is the same date, without the calendar arithmetic. */
  if (!a->dates_in_extra && !b->dates_in_extra && a->days[which] == b->days[which]
      && (which != PBO_DATE_BORN || a->born_year_only == b->born_year_only))
    return TRUE;
  return pbo_member_date_ (a, which) == pbo_member_date_ (b, which);
}

/* ---- the whole member --------------------------------------------------- */

void
pbo_member_store_ (PboTree *tree, PboMember *m, const PboMemberInfo *info)
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
  m->dues_category = (guint8) info->dues_category & 7;
  m->mobile = info->mobile ? 1 : 0;
  m->has_dues_base = info->dues_base_fen != PBO_DUES_BASE_NONE;
  if (m->has_dues_base)
    ensure_cold (tree, m)->dues_base_fen = (guint32) info->dues_base_fen;
  store_dates (tree, m, info);
  for (i = 0; i < PBO_MEMBER_N_TEXTS; i++)
    store_interned (tree, m, (PboMemberText) i, texts[i]);
  store_cold_text (tree, m, G_STRUCT_OFFSET (PboMemberCold, phone), info->phone);
  store_cold_text (tree, m, G_STRUCT_OFFSET (PboMemberCold, id_card), info->id_card);
  drop_empty_side (tree, m);
}

gint64
pbo_member_dues_base_ (const PboMember *m)
{
  const PboMemberCold *c;

  if (!m->has_dues_base)
    return PBO_DUES_BASE_NONE;
  /* The flag is only set with the side record that holds the base. */
  c = pbo_pool_record_ (&m->org->tree->colds, m->cold);
  return (gint64) c->dues_base_fen;
}

void
pbo_member_to_info_ (const PboMember *m, PboMemberInfo *info)
{
  const PboMemberCold *c = pbo_member_cold_ (m);

  pbo_member_info_init (info, PBO_MEMBER_INFO_VERSION);
  info->id = pbo_member_id_ (m);
  info->name = pbo_member_name_ (m);
  info->status = (PboStatus) m->status;
  info->employment = (PboEmployment) m->employment;
  info->gender = (PboGender) m->gender;
  info->dues_category = (PboDuesCategory) m->dues_category;
  info->born = pbo_member_date_ (m, PBO_DATE_BORN);
  info->joined = pbo_member_date_ (m, PBO_DATE_JOINED);
  info->full_since = pbo_member_date_ (m, PBO_DATE_FULL_SINCE);
  info->mobile = m->mobile != 0;
  info->dues_base_fen = pbo_member_dues_base_ (m);
  info->ethnicity = pbo_member_text_ (m, PBO_TEXT_ETHNICITY);
  info->education = pbo_member_text_ (m, PBO_TEXT_EDUCATION);
  info->position = pbo_member_text_ (m, PBO_TEXT_POSITION);
  info->department = pbo_member_text_ (m, PBO_TEXT_DEPARTMENT);
  if (c != NULL)
    {
      info->phone = c->phone;
      info->id_card = c->id_card;
    }
}
