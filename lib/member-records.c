/* libpbo — member records: the side table, the spellings, the checks and
 * the getters. The table is keyed by the member's address (members never
 * move in memory) and exists only once a member holds a record, so that a
 * tree without records costs one NULL pointer.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "spelling-private.h"
#include <string.h>
#include "member-records-private.h"
#include "error-private.h"

/* ---- spellings ---------------------------------------------------------- */

static const char *const kind_names[] = { NULL, "payment", "evaluation", "rating", "training" };
static const char *const payment_names[] = { NULL, "regular", "arrears", "reduced", "exempt" };
static const char *const result_names[] = {
  NULL, "excellent", "qualified", "basically-qualified", "unqualified",
};
static const char *const dimension_names[PBO_RATING_N_DIMENSIONS] = {
  "life", "dues", "service", "example", "work", "law",
};

PBO_DEFINE_SPELLINGS_ (PboRecordKind, pbo_record_kind, kind_names)
PBO_DEFINE_SPELLINGS_ (PboPaymentKind, pbo_payment_kind, payment_names)
PBO_DEFINE_SPELLINGS_ (PboEvaluationResult, pbo_evaluation_result, result_names)

const char *
pbo_rating_dimension_to_string (PboRatingDimension dimension)
{
  return (guint) dimension < PBO_RATING_N_DIMENSIONS ? dimension_names[dimension] : NULL;
}

/* ---- checks --------------------------------------------------------------- */

#define YEAR_MIN 1900
#define YEAR_MAX 2200
#define HOURS_MAX_TENTHS 20000

static gboolean
bad (GError **error, const char *what)
{
  return pbo_refuse_ (error, PBO_ERROR_INVALID, _("bad %s"), what);
}

static gboolean
check_payment (const PboMemberRecord *r, GError **error)
{
  gboolean approved_kind = r->payment_kind == PBO_PAYMENT_REDUCED
                           || r->payment_kind == PBO_PAYMENT_EXEMPT;

  if (r->month < 1 || r->month > 12)
    return bad (error, _("payment month"));
  if (pbo_payment_kind_to_string (r->payment_kind) == NULL)
    return bad (error, _("payment kind"));
  if (r->amount_fen < 0 || r->amount_fen > G_MAXUINT32
      || (r->payment_kind == PBO_PAYMENT_EXEMPT) != (r->amount_fen == 0))
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("a payment's amount must be above 0, and 0 exactly when exempt"));
  if ((r->paid == PBO_DATE_NONE) != (r->payment_kind == PBO_PAYMENT_EXEMPT)
      || (r->paid != PBO_DATE_NONE && !pbo_date_is_valid (r->paid)))
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("a payment needs its paid date, an exemption has none"));
  if ((r->approved != PBO_DATE_NONE) != approved_kind
      || (r->approved != PBO_DATE_NONE && !pbo_date_is_valid (r->approved)))
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("a reduction or exemption needs the date the branch approved it, "
                          "other payments have none"));
  return TRUE;
}

gboolean
pbo_member_record_check (const PboMemberRecord *r, GError **error)
{
  g_return_val_if_fail (r != NULL && r->version >= 1, FALSE);
  if (r->year < YEAR_MIN || r->year > YEAR_MAX)
    return bad (error, _("year"));
  switch (r->kind)
    {
    case PBO_RECORD_PAYMENT:
      return check_payment (r, error);
    case PBO_RECORD_EVALUATION:
      return pbo_evaluation_result_to_string (r->result) != NULL
             || bad (error, _("evaluation result"));
    case PBO_RECORD_RATING:
      for (guint i = 0; i < PBO_RATING_N_DIMENSIONS; i++)
        if (r->scores[i] > 5)
          return bad (error, _("rating score (0–5)"));
      return TRUE;
    case PBO_RECORD_TRAINING:
      if (r->hours_tenths == 0 || r->hours_tenths > HOURS_MAX_TENTHS)
        return bad (error, _("training hours (0.1–2000)"));
      return r->title == NULL || pbo_text_check_ (r->title, "title", TRUE, error);
    case PBO_RECORD_NONE:
    default:
      return bad (error, _("record kind"));
    }
}

guint
pbo_member_record_total (const PboMemberRecord *r)
{
  guint total = 0;

  g_return_val_if_fail (r != NULL, 0);
  if (r->kind == PBO_RECORD_RATING)
    for (guint i = 0; i < PBO_RATING_N_DIMENSIONS; i++)
      total += r->scores[i];
  return total;
}

/* ---- the side table ---------------------------------------------------- */

static void
records_free (gpointer data)
{
  GArray *a = data;

  for (guint i = 0; i < a->len; i++)
    g_free ((char *) g_array_index (a, PboMemberRecord, i).title);
  g_array_unref (a);
}

GArray *
pbo_records_of_ (const PboMember *m)
{
  GHashTable *t = m->org->tree->member_records;

  return t != NULL ? g_hash_table_lookup (t, m) : NULL;
}

/* Kind, then year and month, then title (none before any). */
static int
compare_keys (const PboMemberRecord *a, const PboMemberRecord *b)
{
  guint ma = a->kind == PBO_RECORD_PAYMENT ? a->month : 0;
  guint mb = b->kind == PBO_RECORD_PAYMENT ? b->month : 0;
  const char *ta = a->kind == PBO_RECORD_TRAINING && a->title != NULL ? a->title : "";
  const char *tb = b->kind == PBO_RECORD_TRAINING && b->title != NULL ? b->title : "";

  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (ma != mb)
    return ma < mb ? -1 : 1;
  return strcmp (ta, tb);
}

/* Binary search: the index of @key, or -(insertion point) - 1. */
static int
search (const GArray *a, const PboMemberRecord *key)
{
  int lo = 0, hi = a != NULL ? (int) a->len - 1 : -1;

  while (lo <= hi)
    {
      int mid = lo + (hi - lo) / 2;
      int c = compare_keys (&g_array_index (a, PboMemberRecord, mid), key);
      if (c == 0)
        return mid;
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid - 1;
    }
  return -lo - 1;
}

void
pbo_records_set_ (PboTree *tree, PboMember *m, const PboMemberRecord *key,
                  const PboMemberRecord *rec)
{
  GArray *a = pbo_records_of_ (m);
  int i = search (a, key);
  PboMemberRecord copy;

  /* Copied first: @rec's title may be the very string removed below. */
  if (rec != NULL)
    {
      copy = *rec;
      copy.version = PBO_MEMBER_RECORD_VERSION;
      copy.title = rec->kind == PBO_RECORD_TRAINING ? g_strdup (rec->title) : NULL;
    }
  if (i >= 0)
    {
      g_free ((char *) g_array_index (a, PboMemberRecord, i).title);
      g_array_remove_index (a, (guint) i);
    }
  if (rec != NULL)
    {
      if (a == NULL)
        {
          if (tree->member_records == NULL)
            tree->member_records = g_hash_table_new_full (NULL, NULL, NULL, records_free);
          a = g_array_new (FALSE, FALSE, sizeof (PboMemberRecord));
          g_hash_table_insert (tree->member_records, m, a);
        }
      g_array_insert_val (a, (guint) (-search (a, &copy) - 1), copy);
    }
  else if (a != NULL && a->len == 0)
    g_hash_table_remove (tree->member_records, m);
}

void
pbo_records_drop_member_ (PboTree *tree, PboMember *m)
{
  if (tree->member_records != NULL)
    g_hash_table_remove (tree->member_records, m);
}

void
pbo_records_free_ (PboTree *tree)
{
  g_clear_pointer (&tree->member_records, g_hash_table_unref);
}

void
pbo_records_copy_member_ (PboTree *dest_tree, PboMember *dest, const PboMember *src)
{
  GArray *a = pbo_records_of_ (src);

  for (guint i = 0; a != NULL && i < a->len; i++)
    {
      const PboMemberRecord *r = &g_array_index (a, PboMemberRecord, i);
      pbo_records_set_ (dest_tree, dest, r, r);
    }
}

/* ---- getters ------------------------------------------------------------ */

guint
pbo_member_get_n_records (const PboMember *member)
{
  GArray *a;

  g_return_val_if_fail (member != NULL, 0);
  a = pbo_records_of_ (member);
  return a != NULL ? a->len : 0;
}

gboolean
pbo_member_get_record (const PboMember *member, guint index, PboMemberRecord *record)
{
  GArray *a;

  g_return_val_if_fail (member != NULL && record != NULL, FALSE);
  a = pbo_records_of_ (member);
  if (a == NULL || index >= a->len)
    return FALSE;
  *record = g_array_index (a, PboMemberRecord, index);
  return TRUE;
}

int
pbo_member_find_record (const PboMember *member, const PboMemberRecord *key)
{
  int i;

  g_return_val_if_fail (member != NULL && key != NULL, -1);
  i = search (pbo_records_of_ (member), key);
  return i >= 0 ? i : -1;
}

gboolean
pbo_tree_has_member_records (const PboTree *tree)
{
  g_return_val_if_fail (tree != NULL, FALSE);
  return tree->member_records != NULL && g_hash_table_size (tree->member_records) > 0;
}

guint
pbo_records_kinds_ (const PboTree *tree)
{
  GHashTableIter it;
  gpointer value;
  guint kinds = 0;

  if (tree->member_records == NULL)
    return 0;
  g_hash_table_iter_init (&it, tree->member_records);
  while (g_hash_table_iter_next (&it, NULL, &value))
    for (guint i = 0; i < ((GArray *) value)->len; i++)
      kinds |= 1u << g_array_index ((GArray *) value, PboMemberRecord, i).kind;
  return kinds;
}

gboolean
pbo_tree_has_payments (const PboTree *tree)
{
  GHashTableIter it;
  gpointer value;

  g_return_val_if_fail (tree != NULL, FALSE);
  if (tree->member_records == NULL)
    return FALSE;
  g_hash_table_iter_init (&it, tree->member_records);
  while (g_hash_table_iter_next (&it, NULL, &value))
    {
      GArray *a = value;
      /* Payments sort first. */
      if (a->len > 0 && g_array_index (a, PboMemberRecord, 0).kind == PBO_RECORD_PAYMENT)
        return TRUE;
    }
  return FALSE;
}
