/* libpbo — values as people type them (男, 1984/5/4, ￥4,000) read as
 * format v1 spells them: the importer's leniency, public.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "csv-private.h"
#include "error-private.h"
#include "tree-private.h"

/* Chinese spellings of enumerated values, whatever the header's language.
 * docs/csv.md lists them. */
static const struct {
  PboMemberAttr attr;
  const char   *zh;
  const char   *v1;
} zh_values[] = {
  { PBO_MATTR_GENDER, "男", "male" }, { PBO_MATTR_GENDER, "女", "female" },
  { PBO_MATTR_STATUS, "正式党员", "full" }, { PBO_MATTR_STATUS, "正式", "full" },
  { PBO_MATTR_STATUS, "预备党员", "probationary" }, { PBO_MATTR_STATUS, "预备", "probationary" },
  { PBO_MATTR_EMPLOYMENT, "在职", "in-service" }, { PBO_MATTR_EMPLOYMENT, "在岗", "in-service" },
  { PBO_MATTR_EMPLOYMENT, "退休", "retired" }, { PBO_MATTR_EMPLOYMENT, "已退休", "retired" },
  { PBO_MATTR_EMPLOYMENT, "离休", "retired" }, { PBO_MATTR_EMPLOYMENT, "离退休", "retired" },
  { PBO_MATTR_MOBILE, "是", "true" }, { PBO_MATTR_MOBILE, "否", "false" },
  { PBO_MATTR_DUES_CATEGORY, "标准", "standard" }, { PBO_MATTR_DUES_CATEGORY, "学生", "student" },
  { PBO_MATTR_DUES_CATEGORY, "失业", "unemployed" },
  { PBO_MATTR_DUES_CATEGORY, "低保", "subsistence" },
  { PBO_MATTR_DUES_CATEGORY, "农民", "farmer" },
  { PBO_MATTR_DUES_CATEGORY, "流动党员无固定收入", "mobile-no-income" },
};

static gboolean
read_number (const char **p, guint min_digits, guint max_digits, guint *value)
{
  guint n = 0;

  *value = 0;
  for (; g_ascii_isdigit (**p) && n < max_digits; (*p)++, n++)
    *value = *value * 10 + (guint) (**p - '0');
  return n >= min_digits;
}

static gboolean
skip_separator (const char **p, const char *const *separators)
{
  for (; *separators != NULL; separators++)
    if (g_str_has_prefix (*p, *separators))
      {
        *p += strlen (*separators);
        return TRUE;
      }
  return FALSE;
}

/* Spreadsheets write 1975/3/2, 1975.3.2 or 1975年3月2日 (and 1975年 for a
 * year): rewritten as 1975-03-02; anything else is left for the format-v1
 * parser to judge. */
static const char *
date_spelling (const char *value, char *buf)
{
  static const char *const first[] = { "-", "/", ".", "年", NULL };
  static const char *const second[] = { "-", "/", ".", "月", NULL };
  static const char *const last[] = { "日", "", NULL };
  const char *p = value;
  guint y, m, d;

  if (!read_number (&p, 4, 4, &y))
    return value;
  if (strcmp (p, "年") == 0)
    {
      g_snprintf (buf, PBO_VALUE_BUFSIZE, "%04u", y);
      return buf;
    }
  if (skip_separator (&p, first) && read_number (&p, 1, 2, &m) && skip_separator (&p, second)
      && read_number (&p, 1, 2, &d) && skip_separator (&p, last) && *p == '\0')
    {
      g_snprintf (buf, PBO_VALUE_BUFSIZE, "%04u-%02u-%02u", y, m, d);
      return buf;
    }
  return value;
}

/* ￥4,000.50元 → 4000.50: the currency signs and thousands separators
 * spreadsheets add; what is left must be format v1's yuan. */
static const char *
money_spelling (const char *value, char *buf)
{
  static const char *const signs[] = { "￥", "¥", NULL };
  const char *p = value;
  gsize n = 0, len;

  skip_separator (&p, signs);
  len = strlen (p);
  if (g_str_has_suffix (p, "元"))
    len -= strlen ("元");
  for (; len > 0 && n < PBO_VALUE_BUFSIZE - 1; p++, len--)
    {
      gboolean after_digit = n > 0 && g_ascii_isdigit (buf[n - 1]);
      if (*p == ',' && after_digit && g_ascii_isdigit (p[1]))
        continue;
      if (g_str_has_prefix (p, "，") && after_digit && len > 3 && g_ascii_isdigit (p[3]))
        {
          p += 2, len -= 2;
          continue;
        }
      buf[n++] = *p;
    }
  if (len > 0 || n == 0)
    return value;
  buf[n] = '\0';
  return buf;
}

/* An English keyword in any case: the v1 parsers take lower case. */
static const char *
keyword_spelling (PboMemberAttr attr, const char *value, char *buf)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (zh_values); i++)
    if (zh_values[i].attr == attr && strcmp (value, zh_values[i].zh) == 0)
      return zh_values[i].v1;
  if (strlen (value) >= PBO_VALUE_BUFSIZE)
    return value;
  for (i = 0; value[i] != '\0'; i++)
    buf[i] = g_ascii_tolower (value[i]);
  buf[i] = '\0';
  return buf;
}

const char *
pbo_value_spelling_ (int attr, const char *value, char *buf)
{
  switch (attr)
    {
    case PBO_MATTR_BORN:
    case PBO_MATTR_JOINED:
    case PBO_MATTR_FULL_SINCE:
      return date_spelling (value, buf);
    case PBO_MATTR_DUES_BASE:
      return money_spelling (value, buf);
    case PBO_MATTR_GENDER:
    case PBO_MATTR_STATUS:
    case PBO_MATTR_EMPLOYMENT:
    case PBO_MATTR_DUES_CATEGORY:
    case PBO_MATTR_MOBILE:
      return keyword_spelling (attr, value, buf);
    default:
      return value;
    }
}

/* Trims @text, spells it as format v1 and parses it into @info: the body
 * of every pbo_value_parse_*(). */
static gboolean
parse_into (PboMemberAttr attr, const char *text, PboMemberInfo *info, GError **error)
{
  char buf[PBO_VALUE_BUFSIZE];
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  trimmed = pbo_value_trim_ (text);
  if (*trimmed == '\0')
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("%s: empty value"),
                   pbo_member_attr_name_ (attr));
      return FALSE;
    }
  return pbo_member_info_set_ (info, attr, pbo_value_spelling_ (attr, trimmed, buf), error);
}

char *
pbo_value_trim_ (const char *text)
{
  const char *end = text + strlen (text);

  while (g_unichar_isspace (g_utf8_get_char (text)) && *text != '\0')
    text = g_utf8_next_char (text);
  while (end > text)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (text, (gsize) (end - text));
}

gboolean
pbo_value_parse_date (const char *text, gboolean year_ok, PboDate *date, GError **error)
{
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;

  g_return_val_if_fail (date != NULL, FALSE);
  if (!parse_into (year_ok ? PBO_MATTR_BORN : PBO_MATTR_JOINED, text, &info, error))
    return FALSE;
  *date = year_ok ? info.born : info.joined;
  return TRUE;
}

/* Each parser reads one field of a scratch PboMemberInfo: the v1 parser
 * and its messages are the member module's, not copied here. Type and
 * field are a type and a member name, which cannot be parenthesised.
 * NOLINTBEGIN(bugprone-macro-parentheses) */
#define DEFINE_PARSE(func, Type, attr, field)                              \
  gboolean func (const char *text, Type *out, GError **error)              \
  {                                                                        \
    PboMemberInfo info = PBO_MEMBER_INFO_INIT;                             \
    g_return_val_if_fail (out != NULL, FALSE);                             \
    if (!parse_into (attr, text, &info, error))                            \
      return FALSE;                                                        \
    *out = info.field;                                                     \
    return TRUE;                                                           \
  }
/* NOLINTEND(bugprone-macro-parentheses) */

DEFINE_PARSE (pbo_value_parse_gender, PboGender, PBO_MATTR_GENDER, gender)
DEFINE_PARSE (pbo_value_parse_status, PboStatus, PBO_MATTR_STATUS, status)
DEFINE_PARSE (pbo_value_parse_employment, PboEmployment, PBO_MATTR_EMPLOYMENT, employment)
DEFINE_PARSE (pbo_value_parse_dues_category, PboDuesCategory, PBO_MATTR_DUES_CATEGORY,
              dues_category)
DEFINE_PARSE (pbo_value_parse_boolean, gboolean, PBO_MATTR_MOBILE, mobile)
DEFINE_PARSE (pbo_value_parse_money, gint64, PBO_MATTR_DUES_BASE, dues_base_fen)

/* The canonical spelling of a parsed money value, as the writer spells
 * the dues base: "4000", "4000.50". */
static char *
format_money (gint64 fen)
{
  return fen % 100 == 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, fen / 100)
                        : g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", fen / 100,
                                           (int) (fen % 100));
}

char *
pbo_value_normalise (const char *attribute, const char *text, GError **error)
{
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  char buf[PBO_VALUE_BUFSIZE];
  g_autofree char *trimmed = NULL;
  const char *spelt;
  int attr;

  g_return_val_if_fail (attribute != NULL && text != NULL, NULL);
  attr = pbo_member_attr_lookup_ (attribute, strlen (attribute));
  if (attr < 0)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("“%s” is not a member attribute"),
                   attribute);
      return NULL;
    }
  trimmed = pbo_value_trim_ (text);
  spelt = pbo_value_spelling_ ((PboMemberAttr) attr, trimmed, buf);
  if (!pbo_member_info_set_ (&info, (PboMemberAttr) attr, spelt, error))
    return NULL;
  if (attr == PBO_MATTR_DUES_BASE && info.dues_base_fen != PBO_DUES_BASE_NONE)
    return format_money (info.dues_base_fen);
  return g_strdup (spelt);
}
