/* libpbo — members' standings (format 1.1): the side table, the member
 * attributes it holds, counts by standing.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "lifecycle-private.h"
#include "error-private.h"

static const char *const standing_names[] = {
  "normal", "lost-contact", "suspended", "abroad", "outflow", "disciplinary-probation",
};

const char *
pbo_standing_to_string (PboStanding standing)
{
  return (guint) standing < G_N_ELEMENTS (standing_names) ? standing_names[standing] : NULL;
}

PboStanding
pbo_standing_from_string (const char *s)
{
  guint i;

  for (i = 0; s != NULL && i < G_N_ELEMENTS (standing_names); i++)
    if (strcmp (standing_names[i], s) == 0)
      return (PboStanding) i;
  return PBO_STANDING_NONE;
}

/* ---- the side table ------------------------------------------------------ */

static void
letter_free (gpointer p)
{
  g_free (p);
}

PboLifecycle *
pbo_lifecycle_get_ (PboTree *tree)
{
  PboLifecycle *lc = tree->lifecycle;

  if (lc == NULL)
    {
      lc = tree->lifecycle = g_new0 (PboLifecycle, 1);
      lc->standing = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      lc->letters = g_ptr_array_new_with_free_func (letter_free);
      lc->letter_index = g_hash_table_new (g_str_hash, g_str_equal);
    }
  return lc;
}

void
pbo_lifecycle_free_ (PboTree *tree)
{
  PboLifecycle *lc = tree->lifecycle;

  if (lc == NULL)
    return;
  g_hash_table_unref (lc->standing);
  g_hash_table_unref (lc->letter_index);
  g_ptr_array_unref (lc->letters);
  g_free (lc);
  tree->lifecycle = NULL;
}

gboolean
pbo_lifecycle_used_ (const PboTree *tree)
{
  const PboLifecycle *lc = tree->lifecycle;

  return lc != NULL && (g_hash_table_size (lc->standing) > 0 || lc->letters->len > 0);
}

gboolean
pbo_tree_has_standings (const PboTree *tree)
{
  const PboLifecycle *lc;

  g_return_val_if_fail (tree != NULL, FALSE);
  lc = tree->lifecycle;
  return lc != NULL && g_hash_table_size (lc->standing) > 0;
}

static PboTree *
tree_of (const PboMember *m)
{
  return m->org != NULL ? m->org->tree : NULL;
}

const PboStandingRec *
pbo_standing_rec_ (const PboMember *m)
{
  PboTree *tree = tree_of (m);
  const PboLifecycle *lc = tree != NULL ? tree->lifecycle : NULL;

  return lc != NULL ? g_hash_table_lookup (lc->standing, m) : NULL;
}

void
pbo_standing_forget_ (PboTree *tree, PboMember *m)
{
  PboLifecycle *lc = tree->lifecycle;

  if (lc != NULL)
    g_hash_table_remove (lc->standing, m);
}

static PboStandingRec *
ensure_rec (PboTree *tree, PboMember *m)
{
  PboLifecycle *lc = pbo_lifecycle_get_ (tree);
  PboStandingRec *rec = g_hash_table_lookup (lc->standing, m);

  if (rec == NULL)
    {
      rec = g_new0 (PboStandingRec, 1);
      g_hash_table_insert (lc->standing, m, rec);
    }
  return rec;
}

static gboolean
rec_is_empty (const PboStandingRec *r)
{
  return r->standing == PBO_STANDING_NORMAL && r->since == PBO_DATE_NONE
         && r->until == PBO_DATE_NONE && r->extended_to == PBO_DATE_NONE && r->outflow_to == NULL;
}

/* Stores @next as @m's record; an empty one is no record: members in normal
 * standing cost nothing (and no table is made for them). */
static void
store_rec (PboTree *tree, PboMember *m, const PboStandingRec *next)
{
  if (rec_is_empty (next))
    pbo_standing_forget_ (tree, m);
  else
    *ensure_rec (tree, m) = *next;
}

/* ---- attributes ------------------------------------------------------------- */

/* One attribute's value parsed into @rec (NULL: cleared). */
static gboolean
parse_into (PboStandingRec *rec, PboMemberAttr attr, const char *value, GError **error)
{
  PboDate date = PBO_DATE_NONE;
  GError *local = NULL;

  if (value != NULL && *value == '\0')
    value = NULL;
  switch (attr)
    {
    case PBO_MATTR_STANDING:
      {
        PboStanding s = value != NULL ? pbo_standing_from_string (value) : PBO_STANDING_NORMAL;
        if (s == PBO_STANDING_NONE)
          return pbo_refuse_ (error, PBO_ERROR_INVALID,
                              _("standing=“%.40s” is not valid (expected normal, lost-contact, "
                                "suspended, abroad, outflow or disciplinary-probation)"), value);
        rec->standing = (guint8) s;
        return TRUE;
      }
    case PBO_MATTR_OUTFLOW_TO:
      if (!pbo_text_check_ (value, "outflow-to", FALSE, error))
        return FALSE;
      rec->outflow_to = value;
      return TRUE;
    case PBO_MATTR_STANDING_SINCE:
    case PBO_MATTR_STANDING_UNTIL:
    case PBO_MATTR_PROBATION_EXTENDED_TO:
      if (value != NULL && !pbo_date_parse (value, -1, FALSE, &date, &local))
        {
          pbo_refuse_ (error, PBO_ERROR_INVALID, "%s: %s", pbo_member_attr_name_ (attr),
                       local->message);
          g_error_free (local);
          return FALSE;
        }
      *(attr == PBO_MATTR_STANDING_SINCE ? &rec->since
        : attr == PBO_MATTR_STANDING_UNTIL ? &rec->until : &rec->extended_to) = date;
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
pbo_standing_parse_ (PboMemberAttr attr, const char *value, GError **error)
{
  PboStandingRec scratch = { 0 };

  return parse_into (&scratch, attr, value, error);
}

const char *
pbo_standing_attr_format_ (const PboMember *m, PboMemberAttr attr, char *buf)
{
  const PboStandingRec *r = pbo_standing_rec_ (m);
  PboDate date;

  if (r == NULL)
    return NULL;
  switch (attr)
    {
    case PBO_MATTR_STANDING:
      return r->standing != PBO_STANDING_NORMAL
             ? pbo_standing_to_string ((PboStanding) r->standing) : NULL;
    case PBO_MATTR_OUTFLOW_TO: return r->outflow_to;
    case PBO_MATTR_STANDING_SINCE: date = r->since; break;
    case PBO_MATTR_STANDING_UNTIL: date = r->until; break;
    case PBO_MATTR_PROBATION_EXTENDED_TO: date = r->extended_to; break;
    default:
      g_return_val_if_reached (NULL);
    }
  return date != PBO_DATE_NONE ? pbo_date_format (date, buf) : NULL;
}

/* 发展党员工作细则 art. 32: a probation may be extended once, by at most a
 * year past its normal end (a year after joining). */
static gboolean
check_extension (const PboMember *m, const PboStandingRec *old, PboDate to, GError **error)
{
  PboDate end = pbo_date_add_months (pbo_member_get_joined (m), 12);
  char a[PBO_DATE_BUFSIZE], b[PBO_DATE_BUFSIZE];

  if (to == PBO_DATE_NONE)
    return TRUE;
  if (pbo_member_get_status (m) != PBO_STATUS_PROBATIONARY)
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("member “%s” is not probationary: there is no probation to extend"),
                        pbo_member_id_ (m));
  if (old != NULL && old->extended_to != PBO_DATE_NONE && old->extended_to != to)
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("member “%s”: a probation is extended once (it was, to %s)"),
                        pbo_member_id_ (m), pbo_date_format (old->extended_to, a));
  if (to <= end || to > pbo_date_add_months (end, PBO_PROBATION_MAX_EXTENSION_MONTHS))
    return pbo_refuse_ (error, PBO_ERROR_INVALID,
                        _("member “%s”: probation-extended-to %s is not within 12 months after "
                          "the probation's end, %s"), pbo_member_id_ (m),
                        pbo_date_format (to, a), pbo_date_format (end, b));
  return TRUE;
}

gboolean
pbo_standing_set_attr_ (PboTree *tree, PboMember *m, PboMemberAttr attr, const char *value,
                        GError **error)
{
  const PboStandingRec *old = pbo_standing_rec_ (m);
  PboStandingRec next = { 0 };

  if (old != NULL)
    next = *old;
  if (!parse_into (&next, attr, value, error)
      || (attr == PBO_MATTR_PROBATION_EXTENDED_TO
          && !check_extension (m, old, next.extended_to, error)))
    return FALSE;
  if (next.outflow_to != NULL && attr == PBO_MATTR_OUTFLOW_TO)
    next.outflow_to = pbo_tree_intern_ (tree, next.outflow_to);
  store_rec (tree, m, &next);
  return TRUE;
}

gboolean
pbo_standing_load_ (PboTree *tree, PboMember *m, const char *const *values, GError **error)
{
  PboStandingRec next = { 0 };
  guint i;

  for (i = PBO_MATTR_STANDING; i < PBO_MATTR_COUNT; i++)
    if (values[i - PBO_MATTR_STANDING] != NULL
        && !parse_into (&next, (PboMemberAttr) i, values[i - PBO_MATTR_STANDING], error))
      return FALSE;
  if (next.until != PBO_DATE_NONE && next.since != PBO_DATE_NONE && next.until < next.since)
    return pbo_refuse_ (error, PBO_ERROR_INCONSISTENT,
                        _("member “%s”: standing-until is before standing-since"),
                        pbo_member_id_ (m));
  if (next.outflow_to != NULL)
    next.outflow_to = pbo_tree_intern_ (tree, next.outflow_to);
  store_rec (tree, m, &next);
  return TRUE;
}

void
pbo_standing_copy_ (PboTree *tree, PboMember *dst, const PboMember *src)
{
  const PboStandingRec *r = pbo_standing_rec_ (src);
  PboStandingRec *copy;

  if (r == NULL)
    return;
  copy = ensure_rec (tree, dst);
  *copy = *r;
  if (r->outflow_to != NULL)
    copy->outflow_to = pbo_tree_intern_ (tree, r->outflow_to);
}

/* ---- getters ---------------------------------------------------------------- */

#define REC_FIELD(member, field, fallback)                           \
  G_STMT_START {                                                      \
    const PboStandingRec *r_;                                         \
    g_return_val_if_fail ((member) != NULL, (fallback));              \
    r_ = pbo_standing_rec_ (member);                                  \
    return r_ != NULL ? r_->field : (fallback);                       \
  } G_STMT_END

PboStanding
pbo_member_get_standing (const PboMember *member)
{
  REC_FIELD (member, standing, PBO_STANDING_NORMAL);
}

PboDate
pbo_member_get_standing_since (const PboMember *member)
{
  REC_FIELD (member, since, PBO_DATE_NONE);
}

PboDate
pbo_member_get_standing_until (const PboMember *member)
{
  REC_FIELD (member, until, PBO_DATE_NONE);
}

const char *
pbo_member_get_outflow_to (const PboMember *member)
{
  REC_FIELD (member, outflow_to, NULL);
}

PboDate
pbo_member_get_probation_extended_to (const PboMember *member)
{
  REC_FIELD (member, extended_to, PBO_DATE_NONE);
}

void
pbo_org_count_standing (const PboOrg *org, guint *counts)
{
  const PboLifecycle *lc;
  GHashTableIter it;
  gpointer key, value;
  guint total = 0, other = 0, i;

  g_return_if_fail (org != NULL && counts != NULL);
  for (i = 0; i < PBO_STANDING_COUNT; i++)
    counts[i] = 0;
  for (i = 0; i < 4; i++)
    total += org->counts.members[i / 2][i % 2];
  lc = org->tree->lifecycle;
  if (lc != NULL)
    {
      g_hash_table_iter_init (&it, lc->standing);
      while (g_hash_table_iter_next (&it, &key, &value))
        {
          const PboMember *m = key;
          const PboStandingRec *r = value;
          if (r->standing != PBO_STANDING_NORMAL
              && (m->org == org || pbo_org_is_ancestor (org, m->org)))
            {
              counts[r->standing]++;
              other++;
            }
        }
    }
  counts[PBO_STANDING_NORMAL] = total - other;
}
