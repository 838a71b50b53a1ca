/* libpbo — member records as attributes (the XML elements, the plan
 * elements and the CLI all spell them so) and as one line of undo data.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <stdio.h>
#include <string.h>
#include "member-records-private.h"
#include "csv-private.h"
#include "error-private.h"

/* Every attribute of a record element, in the order they are written. */
typedef enum {
  R_MONTH, R_AMOUNT, R_PAID, R_KIND, R_APPROVED, R_YEAR, R_RESULT,
  R_LIFE, R_DUES, R_SERVICE, R_EXAMPLE, R_WORK, R_LAW, R_HOURS, R_TITLE, R_COUNT
} RecordAttr;

static const char *const attr_names[R_COUNT] = {
  "month", "amount", "paid", "kind", "approved", "year", "result",
  "life", "dues", "service", "example", "work", "law", "hours", "title",
};

#define BIT(a) (G_GUINT64_CONSTANT (1) << (a))
#define DIMS (BIT (R_LIFE) | BIT (R_DUES) | BIT (R_SERVICE) | BIT (R_EXAMPLE) | BIT (R_WORK) \
              | BIT (R_LAW))

/* By PboRecordKind: the attributes allowed, required, and naming it. */
static const struct {
  guint64 allowed, required, key;
} kinds[] = {
  [PBO_RECORD_PAYMENT] = { BIT (R_MONTH) | BIT (R_AMOUNT) | BIT (R_PAID) | BIT (R_KIND)
                             | BIT (R_APPROVED), BIT (R_MONTH) | BIT (R_AMOUNT), BIT (R_MONTH) },
  [PBO_RECORD_EVALUATION] = { BIT (R_YEAR) | BIT (R_RESULT), BIT (R_YEAR) | BIT (R_RESULT),
                              BIT (R_YEAR) },
  [PBO_RECORD_RATING] = { BIT (R_YEAR) | DIMS, BIT (R_YEAR) | DIMS, BIT (R_YEAR) },
  [PBO_RECORD_TRAINING] = { BIT (R_YEAR) | BIT (R_HOURS) | BIT (R_TITLE),
                            BIT (R_YEAR) | BIT (R_HOURS), BIT (R_YEAR) | BIT (R_TITLE) },
};

static int
lookup (const char *name)
{
  for (guint i = 0; i < R_COUNT; i++)
    if (strcmp (attr_names[i], name) == 0)
      return (int) i;
  return -1;
}

guint64
pbo_record_attr_bit_ (const char *name)
{
  int a = lookup (name);

  return a >= 0 ? BIT (a) : 0;
}

/* Up to @max_digits decimal digits, then optionally '.' and up to
 * @max_decimals digits; the value scaled by 10^@max_decimals. */
static gboolean
parse_decimal (const char *s, guint max_digits, guint max_decimals, guint64 *out)
{
  guint64 v = 0;
  guint digits = 0, decimals = 0;

  for (; g_ascii_isdigit (*s) && digits < max_digits; s++, digits++)
    v = v * 10 + (guint64) (*s - '0');
  if (digits == 0)
    return FALSE;
  if (*s == '.' && max_decimals > 0)
    {
      for (s++; g_ascii_isdigit (*s) && decimals < max_decimals; s++, decimals++)
        v = v * 10 + (guint64) (*s - '0');
      if (decimals == 0)
        return FALSE;
    }
  for (; decimals < max_decimals; decimals++)
    v *= 10;
  *out = v;
  return *s == '\0';
}

static gboolean
parse_month (const char *s, PboMemberRecord *rec)
{
  guint64 year, month;
  char y[5], m[3];

  if (strlen (s) != 7 || s[4] != '-')
    return FALSE;
  memcpy (y, s, 4);
  y[4] = '\0';
  memcpy (m, s + 5, 2);
  m[2] = '\0';
  if (!parse_decimal (y, 4, 0, &year) || !parse_decimal (m, 2, 0, &month) || month < 1
      || month > 12)
    return FALSE;
  rec->year = (guint) year;
  rec->month = (guint) month;
  return TRUE;
}

static gboolean
parse_value (PboMemberRecord *rec, RecordAttr a, const char *value)
{
  guint64 n = 0;
  gint64 fen = 0;

  switch (a)
    {
    case R_MONTH: return parse_month (value, rec);
    case R_AMOUNT:
      return pbo_parse_yuan_ (value, &fen) && (rec->amount_fen = fen, TRUE);
    case R_PAID: return pbo_date_parse (value, -1, FALSE, &rec->paid, NULL);
    case R_APPROVED: return pbo_date_parse (value, -1, FALSE, &rec->approved, NULL);
    case R_KIND:
      return (rec->payment_kind = pbo_payment_kind_from_string (value)) != PBO_PAYMENT_KIND_NONE;
    case R_YEAR:
      return strlen (value) == 4 && parse_decimal (value, 4, 0, &n) && (rec->year = (guint) n, TRUE);
    case R_RESULT:
      return (rec->result = pbo_evaluation_result_from_string (value)) != PBO_EVALUATION_NONE;
    case R_HOURS:
      return parse_decimal (value, 4, 1, &n) && (rec->hours_tenths = (guint) n, TRUE);
    case R_TITLE:
      rec->title = value;
      return TRUE;
    case R_LIFE: case R_DUES: case R_SERVICE: case R_EXAMPLE: case R_WORK: case R_LAW:
      if (value[0] < '0' || value[0] > '5' || value[1] != '\0')
        return FALSE;
      rec->scores[a - R_LIFE] = (guint8) (value[0] - '0');
      return TRUE;
    case R_COUNT:
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
pbo_record_set_attr_ (PboMemberRecord *rec, const char *name, const char *value, GError **error)
{
  int a = lookup (name);

  if (a < 0 || !(kinds[rec->kind].allowed & BIT (a)))
    return pbo_refuse_ (error, PBO_ERROR_FORMAT, _("<%s> has no attribute “%.40s”"),
                        pbo_record_kind_to_string (rec->kind), name);
  /* An empty optional value means absent, as everywhere in format v1. */
  if (*value == '\0' && !(kinds[rec->kind].required & BIT (a)))
    return TRUE;
  if (!parse_value (rec, (RecordAttr) a, value))
    return pbo_refuse_ (error, PBO_ERROR_INVALID, _("<%s>: %s: “%.40s” is not %s"),
                        pbo_record_kind_to_string (rec->kind), name, value,
                        a == R_MONTH ? "YYYY-MM" : a == R_AMOUNT ? _("an amount in yuan")
                        : a == R_PAID || a == R_APPROVED ? "YYYY-MM-DD"
                        : a == R_YEAR ? "YYYY" : a == R_HOURS ? _("hours (N.N)")
                        : a == R_KIND ? "regular, arrears, reduced or exempt"
                        : a == R_RESULT ? "excellent, qualified, basically-qualified or unqualified"
                        : _("a score 0–5"));
  return TRUE;
}

gboolean
pbo_record_check_given_ (const PboMemberRecord *rec, guint64 given, gboolean key_only,
                         GError **error)
{
  guint64 need = key_only ? kinds[rec->kind].key & kinds[rec->kind].required
                          : kinds[rec->kind].required;

  for (guint i = 0; i < R_COUNT; i++)
    if ((need & BIT (i)) && !(given & BIT (i)))
      return pbo_refuse_ (error, PBO_ERROR_FORMAT, _("<%s> needs the attribute “%s”"),
                          pbo_record_kind_to_string (rec->kind), attr_names[i]);
  if (key_only && (given & ~kinds[rec->kind].key) != 0)
    return pbo_refuse_ (error, PBO_ERROR_FORMAT,
                        _("a removal names the %s by its key only"),
                        pbo_record_kind_to_string (rec->kind));
  return TRUE;
}

static const char *
format_value (const PboMemberRecord *rec, RecordAttr a, char *buf)
{
  switch (a)
    {
    case R_MONTH:
      g_snprintf (buf, PBO_RECORD_VALUE_BUFSIZE, "%04u-%02u", rec->year, rec->month);
      return buf;
    case R_AMOUNT: return pbo_format_yuan_ (rec->amount_fen, buf);
    case R_PAID: return rec->paid != PBO_DATE_NONE ? pbo_date_format (rec->paid, buf) : NULL;
    case R_APPROVED:
      return rec->approved != PBO_DATE_NONE ? pbo_date_format (rec->approved, buf) : NULL;
    case R_KIND:
      return rec->payment_kind != PBO_PAYMENT_REGULAR
             ? pbo_payment_kind_to_string (rec->payment_kind) : NULL;
    case R_YEAR:
      g_snprintf (buf, PBO_RECORD_VALUE_BUFSIZE, "%04u", rec->year);
      return buf;
    case R_RESULT: return pbo_evaluation_result_to_string (rec->result);
    case R_HOURS:
      g_snprintf (buf, PBO_RECORD_VALUE_BUFSIZE, "%u.%u", rec->hours_tenths / 10,
                  rec->hours_tenths % 10);
      return buf;
    case R_TITLE: return rec->title;
    case R_LIFE: case R_DUES: case R_SERVICE: case R_EXAMPLE: case R_WORK: case R_LAW:
      g_snprintf (buf, PBO_RECORD_VALUE_BUFSIZE, "%u", rec->scores[a - R_LIFE]);
      return buf;
    case R_COUNT:
    default:
      g_return_val_if_reached (NULL);
    }
}

guint
pbo_record_attrs_ (const PboMemberRecord *rec, gboolean key_only, const char **names,
                   const char **values, char bufs[][PBO_RECORD_VALUE_BUFSIZE])
{
  guint64 which = key_only ? kinds[rec->kind].key : kinds[rec->kind].allowed;
  guint n = 0;

  for (guint i = 0; i < R_COUNT; i++)
    {
      const char *v;
      if (!(which & BIT (i)) || (v = format_value (rec, (RecordAttr) i, bufs[n])) == NULL)
        continue;
      names[n] = attr_names[i];
      values[n++] = v;
    }
  return n;
}

char *
pbo_record_key_text_ (const PboMemberRecord *rec)
{
  if (rec->kind == PBO_RECORD_PAYMENT)
    return g_strdup_printf ("%04u-%02u", rec->year, rec->month);
  if (rec->kind == PBO_RECORD_TRAINING && rec->title != NULL)
    return g_strdup_printf ("%04u %s", rec->year, rec->title);
  return g_strdup_printf ("%04u", rec->year);
}

/* ---- undo data ------------------------------------------------------------ */

/* "kind year month amount paid pkind approved result s0…s5 hours" then
 * "-" or "+title": numbers only, so the title may hold anything. */
#define CODEC "%u %u %u %" G_GINT64_FORMAT " %u %u %u %u %u %u %u %u %u %u %u "

char *
pbo_record_encode_ (const PboMemberRecord *r)
{
  const guint8 *s = r->scores;

  return g_strdup_printf (CODEC "%s%s", r->kind, r->year, r->month, r->amount_fen, r->paid,
                          r->payment_kind, r->approved, r->result, s[0], s[1], s[2], s[3],
                          s[4], s[5], r->hours_tenths, r->title != NULL ? "+" : "-",
                          r->title != NULL ? r->title : "");
}

gboolean
pbo_record_decode_ (const char *text, PboMemberRecord *r, char **title)
{
  PboMemberRecord rec = PBO_MEMBER_RECORD_INIT;
  const char *p = text;
  guint64 v[15];
  guint i;

  *title = NULL;
  /* The amount (v[3]) is a gint64 of fen, every other number a guint. */
  if (!pbo_parse_numbers_ (&p, G_MAXINT64, v, G_N_ELEMENTS (v)) || *p++ != ' '
      || (*p != '+' && *p != '-') || v[0] > PBO_RECORD_TRAINING)
    return FALSE;
  for (i = 0; i < G_N_ELEMENTS (v); i++)
    if (i != 3 && v[i] > G_MAXUINT)
      return FALSE;
  rec.kind = (PboRecordKind) v[0];
  rec.year = (guint) v[1];
  rec.month = (guint) v[2];
  rec.amount_fen = (gint64) v[3];
  rec.paid = (PboDate) v[4];
  rec.payment_kind = (PboPaymentKind) MIN (v[5], 255u);
  rec.approved = (PboDate) v[6];
  rec.result = (PboEvaluationResult) MIN (v[7], 255u);
  for (i = 0; i < PBO_RATING_N_DIMENSIONS; i++)
    rec.scores[i] = (guint8) MIN (v[8 + i], 255u);
  rec.hours_tenths = (guint) v[14];
  if (*p == '+')
    rec.title = *title = g_strdup (p + 1);
  if (!pbo_member_record_check (&rec, NULL))
    {
      g_clear_pointer (title, g_free);
      return FALSE;
    }
  *r = rec;
  return TRUE;
}

/* ---- operations ------------------------------------------------------------ */

static const PboEditOp ops[][2] = {
  [PBO_RECORD_PAYMENT] = { PBO_EDIT_OP_ADD_PAYMENT, PBO_EDIT_OP_REMOVE_PAYMENT },
  [PBO_RECORD_EVALUATION] = { PBO_EDIT_OP_SET_EVALUATION, PBO_EDIT_OP_REMOVE_EVALUATION },
  [PBO_RECORD_RATING] = { PBO_EDIT_OP_SET_RATING, PBO_EDIT_OP_REMOVE_RATING },
  [PBO_RECORD_TRAINING] = { PBO_EDIT_OP_ADD_TRAINING, PBO_EDIT_OP_REMOVE_TRAINING },
};

PboEditOp
pbo_record_op_ (PboRecordKind kind, gboolean remove)
{
  return kind >= PBO_RECORD_PAYMENT && kind <= PBO_RECORD_TRAINING ? ops[kind][remove ? 1 : 0]
                                                                  : PBO_EDIT_OP_NONE;
}

PboRecordKind
pbo_record_op_kind_ (PboEditOp op, gboolean *remove)
{
  for (guint k = PBO_RECORD_PAYMENT; k <= PBO_RECORD_TRAINING; k++)
    for (guint r = 0; r < 2; r++)
      if (ops[k][r] == op)
        {
          if (remove != NULL)
            *remove = r == 1;
          return (PboRecordKind) k;
        }
  return PBO_RECORD_NONE;
}
