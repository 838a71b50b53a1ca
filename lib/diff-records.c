/* libpbo — member records in a diff: a change per record that differs
 * (PBO_DIFF_MEMBER_RECORD) and the operations that make NEW's records of
 * the members both trees hold, or of members the plan adds: a removal for
 * a record only in OLD, a put for one only in NEW, and for one changed a
 * set (evaluations, ratings replace) or a removal and a put (payments,
 * trainings). Planned last, once every member is in place.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "diff-private.h"
#include "member-records-private.h"

/* A record's attributes as one line, `month="2024-03" amount="40.00" …`. */
static char *
attrs_text (const PboMemberRecord *r)
{
  const char *names[PBO_RECORD_MAX_ATTRS], *values[PBO_RECORD_MAX_ATTRS];
  char bufs[PBO_RECORD_MAX_ATTRS][PBO_RECORD_VALUE_BUFSIZE];
  guint n = pbo_record_attrs_ (r, FALSE, names, values, bufs);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s=\"%s\"", i > 0 ? " " : "", names[i], values[i]);
  return g_string_free (out, FALSE);
}

static gboolean
records_equal (const PboMemberRecord *a, const PboMemberRecord *b)
{
  g_autofree char *x = pbo_record_encode_ (a), *y = pbo_record_encode_ (b);

  return strcmp (x, y) == 0;
}

/* Calls @fn for each key of @old_m's and @m's records (either NULL), in
 * key order, with the record of each side or NULL. */
typedef void (*PairFunc) (PboDiff *diff, const PboMember *m, const PboMemberRecord *old_r,
                          const PboMemberRecord *new_r);

static void
pair_records (PboDiff *diff, const PboMember *old_m, const PboMember *m, PairFunc fn)
{
  GArray *a = old_m != NULL ? pbo_records_of_ (old_m) : NULL, *b = pbo_records_of_ (m);
  guint i = 0, j = 0, na = a != NULL ? a->len : 0, nb = b != NULL ? b->len : 0;

  while (i < na || j < nb)
    {
      const PboMemberRecord *x = i < na ? &g_array_index (a, PboMemberRecord, i) : NULL;
      const PboMemberRecord *y = j < nb ? &g_array_index (b, PboMemberRecord, j) : NULL;
      int c = x == NULL ? 1 : y == NULL ? -1 : 0;
      if (c == 0)
        {
          /* Same order as the side table's: kind, year, month, title. */
          g_autofree char *kx = pbo_record_key_text_ (x), *ky = pbo_record_key_text_ (y);
          c = x->kind != y->kind ? (x->kind < y->kind ? -1 : 1) : strcmp (kx, ky);
        }
      if (c == 0 && records_equal (x, y))
        {
          i++;
          j++;
          continue;
        }
      fn (diff, m, c <= 0 ? x : NULL, c >= 0 ? y : NULL);
      i += c <= 0;
      j += c >= 0;
    }
}

static void
change_of (PboDiff *diff, const PboMember *m, const PboMemberRecord *old_r,
           const PboMemberRecord *new_r)
{
  const PboMemberRecord *r = new_r != NULL ? new_r : old_r;
  g_autofree char *key = NULL, *detail = NULL, *ov = NULL, *nv = NULL;

  g_return_if_fail (r != NULL);
  key = pbo_record_key_text_ (r);
  detail = g_strdup_printf ("%s %s", pbo_record_kind_to_string (r->kind), key);
  ov = old_r != NULL ? attrs_text (old_r) : NULL;
  nv = new_r != NULL ? attrs_text (new_r) : NULL;

  pbo_diff_add_value_change_ (diff, PBO_DIFF_MEMBER_RECORD, m->org->id, pbo_member_id_ (m),
                              detail, ov, nv);
}

void
pbo_diff_record_changes_ (PboDiff *diff, const PboMember *old_m, const PboMember *m)
{
  if (old_m != NULL)
    pair_records (diff, old_m, m, change_of);
}

static void
ops_of (PboDiff *diff, const PboMember *m, const PboMemberRecord *old_r,
        const PboMemberRecord *new_r)
{
  gboolean replaces = new_r != NULL && (new_r->kind == PBO_RECORD_EVALUATION
                                        || new_r->kind == PBO_RECORD_RATING);
  PboDiffOp *op;

  if (old_r != NULL && !replaces)
    {
      op = pbo_diff_emit_ (diff, pbo_record_op_ (old_r->kind, TRUE), NULL);
      op->member = pbo_member_id_ (m);
      op->record = old_r;
    }
  if (new_r != NULL)
    {
      op = pbo_diff_emit_ (diff, pbo_record_op_ (new_r->kind, FALSE), NULL);
      op->member = pbo_member_id_ (m);
      op->record = new_r;
    }
}

gboolean
pbo_diff_record_ops_ (PboMember *m, gpointer data)
{
  PboDiff *diff = data;
  const PboDiffMember *r = pbo_diff_member_of_ (diff, m);

  pair_records (diff, r != NULL ? r->old_m : NULL, m, ops_of);
  return TRUE;
}

void
pbo_diff_record_attrs_ (const PboDiffOp *op, GPtrArray *pairs, GPtrArray *owned)
{
  const char *names[PBO_RECORD_MAX_ATTRS], *values[PBO_RECORD_MAX_ATTRS];
  char bufs[PBO_RECORD_MAX_ATTRS][PBO_RECORD_VALUE_BUFSIZE];
  gboolean remove = FALSE;
  guint n;

  pbo_record_op_kind_ (op->op, &remove);
  n = pbo_record_attrs_ (op->record, remove, names, values, bufs);
  g_ptr_array_add (pairs, (gpointer) "member");
  g_ptr_array_add (pairs, (gpointer) op->member);
  for (guint i = 0; i < n; i++)
    {
      char *v = g_strdup (values[i]);
      g_ptr_array_add (owned, v);
      g_ptr_array_add (pairs, (gpointer) names[i]);
      g_ptr_array_add (pairs, v);
    }
}
