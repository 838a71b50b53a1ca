/* libpbo — member records in format 1.1: <payment>, <evaluation>,
 * <rating> and <training> inside <member>, read by the loader and written
 * by the writer in the canonical order (kind, then key).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "xml-load-private.h"
#include "xml-private.h"
#include "member-records-private.h"

static PboRecordKind
kind_of (PboElement el)
{
  switch (el)
    {
    case PBO_EL_PAYMENT: return PBO_RECORD_PAYMENT;
    case PBO_EL_EVALUATION: return PBO_RECORD_EVALUATION;
    case PBO_EL_RATING: return PBO_RECORD_RATING;
    case PBO_EL_TRAINING: return PBO_RECORD_TRAINING;
    default: g_return_val_if_reached (PBO_RECORD_NONE);
    }
}

/* Fails the load with @local's message (which names the element) about
 * member @id. */
static gboolean
fail (PboLoader *ld, GError *local, const char *id)
{
  pbo_loader_fail_ (ld, local->code, "member “%s”: %s", id, local->message);
  g_error_free (local);
  return FALSE;
}

gboolean
pbo_loader_start_record_ (PboLoader *ld, PboFrame *parent, PboElement el, int n,
                          const xmlChar **attrs)
{
  PboMemberRecord rec = PBO_MEMBER_RECORD_INIT;
  PboMember *member = parent->member;
  PboOrg *org = parent->org;
  const char *element, *id = pbo_member_id_ (member);
  char *p = pbo_loader_scratch_for_ (ld, n, attrs);
  GError *local = NULL;
  guint64 given = 0;

  rec.kind = kind_of (el);
  element = pbo_record_kind_to_string (rec.kind);
  for (int i = 0; i < n; i++)
    {
      const xmlChar *const *a = attrs + 5 * i;   /* localname, prefix, URI, value, end */
      gsize len;

      if (!pbo_loader_take_value_ (ld, p, a, BAD_CAST element, &len))
        return FALSE;
      if (a[2] != NULL && !pbo_loader_is_pbo_ns_ (ld, a[2]))
        {
          pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "foreign attribute “%s:%s” is not allowed on <%s>",
                            a[1], a[0], element);
          return FALSE;
        }
      if (!pbo_record_set_attr_ (&rec, (const char *) a[0], p, &local))
        return fail (ld, local, id);
      given |= pbo_record_attr_bit_ ((const char *) a[0]);
      p += len + 1;
    }
  if (!pbo_record_check_given_ (&rec, given, FALSE, &local))
    return fail (ld, local, id);
  if (!pbo_member_record_check (&rec, &local))
    {
      g_prefix_error (&local, "<%s>: ", element);
      return fail (ld, local, id);
    }
  if (pbo_member_find_record (member, &rec) >= 0)
    {
      g_autofree char *key = pbo_record_key_text_ (&rec);
      pbo_loader_fail_ (ld, PBO_ERROR_DUPLICATE_ID, "member “%s” has two <%s> for %s", id,
                        element, key);
      return FALSE;
    }
  pbo_records_set_ (ld->tree, member, &rec, &rec);
  /* Pushing may move the frames: @parent is not used after it. */
  pbo_loader_push_frame_ (ld, el, org)->member = member;
  return TRUE;
}

void
pbo_xml_write_records_ (GString *out, const PboMember *m, guint depth, gboolean redact)
{
  GArray *a = pbo_records_of_ (m);

  for (guint i = 0; a != NULL && i < a->len; i++)
    {
      const PboMemberRecord *rec = &g_array_index (a, PboMemberRecord, i);
      const char *names[PBO_RECORD_MAX_ATTRS], *values[PBO_RECORD_MAX_ATTRS];
      char bufs[PBO_RECORD_MAX_ATTRS][PBO_RECORD_VALUE_BUFSIZE];
      guint n;

      /* A payment tells the member's income: redacted exports leave it out. */
      if (redact && rec->kind == PBO_RECORD_PAYMENT)
        continue;
      n = pbo_record_attrs_ (rec, FALSE, names, values, bufs);
      for (guint d = 0; d < depth; d++)
        g_string_append (out, "  ");
      g_string_append_printf (out, "<%s", pbo_record_kind_to_string (rec->kind));
      for (guint k = 0; k < n; k++)
        {
          g_string_append_printf (out, " %s=\"", names[k]);
          pbo_xml_escape_ (out, values[k], strlen (values[k]), TRUE);
          g_string_append_c (out, '"');
        }
      g_string_append (out, "/>\n");
    }
}

gboolean
pbo_xml_member_has_records_ (const PboMember *m, gboolean redact)
{
  GArray *a = pbo_records_of_ (m);

  for (guint i = 0; a != NULL && i < a->len; i++)
    if (!redact || g_array_index (a, PboMemberRecord, i).kind != PBO_RECORD_PAYMENT)
      return TRUE;
  return FALSE;
}
