/* libpbo — which column a spreadsheet header means: the format-v1 names,
 * the usual Chinese headers of Party offices and HR systems, and the
 * caller's own map.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "csv-import-private.h"

static const char *const extra_columns[] = { "branch", "org" };

/* Aliases (normalised: no spaces, lower case). docs/csv.md lists them:
 * keep the two in step. */
static const struct {
  const char *header;
  int         column;
} aliases[] = {
  { "编号", PBO_MATTR_ID }, { "党员编号", PBO_MATTR_ID }, { "工号", PBO_MATTR_ID },
  { "职工号", PBO_MATTR_ID }, { "员工编号", PBO_MATTR_ID }, { "人员编号", PBO_MATTR_ID },
  { "staff-id", PBO_MATTR_ID }, { "employee-id", PBO_MATTR_ID },
  { "姓名", PBO_MATTR_NAME }, { "党员姓名", PBO_MATTR_NAME },
  { "性别", PBO_MATTR_GENDER },
  { "出生日期", PBO_MATTR_BORN }, { "出生年月", PBO_MATTR_BORN },
  { "入党日期", PBO_MATTR_JOINED }, { "入党时间", PBO_MATTR_JOINED },
  { "转正日期", PBO_MATTR_FULL_SINCE }, { "转正时间", PBO_MATTR_FULL_SINCE },
  { "党员类别", PBO_MATTR_STATUS }, { "党员状态", PBO_MATTR_STATUS }, { "状态", PBO_MATTR_STATUS },
  { "党籍状态", PBO_MATTR_STATUS },
  { "在职/离退休", PBO_MATTR_EMPLOYMENT }, { "在职状态", PBO_MATTR_EMPLOYMENT },
  { "人员状态", PBO_MATTR_EMPLOYMENT }, { "在职情况", PBO_MATTR_EMPLOYMENT },
  { "民族", PBO_MATTR_ETHNICITY },
  { "学历", PBO_MATTR_EDUCATION }, { "文化程度", PBO_MATTR_EDUCATION },
  { "最高学历", PBO_MATTR_EDUCATION },
  { "职务", PBO_MATTR_POSITION }, { "职称", PBO_MATTR_POSITION },
  { "职务/职称", PBO_MATTR_POSITION }, { "岗位", PBO_MATTR_POSITION },
  { "科室", PBO_MATTR_DEPARTMENT }, { "部门", PBO_MATTR_DEPARTMENT },
  { "科室/部门", PBO_MATTR_DEPARTMENT }, { "所在科室", PBO_MATTR_DEPARTMENT },
  { "所在部门", PBO_MATTR_DEPARTMENT }, { "工作单位", PBO_MATTR_DEPARTMENT },
  { "党费基数", PBO_MATTR_DUES_BASE }, { "月收入", PBO_MATTR_DUES_BASE },
  { "党费基数/月收入", PBO_MATTR_DUES_BASE }, { "缴费基数", PBO_MATTR_DUES_BASE },
  { "党费类别", PBO_MATTR_DUES_CATEGORY },
  { "电话", PBO_MATTR_PHONE }, { "手机", PBO_MATTR_PHONE }, { "联系电话", PBO_MATTR_PHONE },
  { "电话/手机", PBO_MATTR_PHONE }, { "手机号", PBO_MATTR_PHONE },
  { "手机号码", PBO_MATTR_PHONE }, { "联系方式", PBO_MATTR_PHONE },
  { "身份证号", PBO_MATTR_ID_CARD }, { "身份证号码", PBO_MATTR_ID_CARD },
  { "公民身份号码", PBO_MATTR_ID_CARD }, { "证件号码", PBO_MATTR_ID_CARD },
  { "流动党员", PBO_MATTR_MOBILE }, { "是否流动党员", PBO_MATTR_MOBILE },
  { "支部", PBO_COL_BRANCH }, { "所在支部", PBO_COL_BRANCH }, { "党支部", PBO_COL_BRANCH },
  { "所在党支部", PBO_COL_BRANCH },
  { "组织", PBO_COL_ORG }, { "所在组织", PBO_COL_ORG }, { "所在党组织", PBO_COL_ORG },
};

char *
pbo_csv_header_key_ (const char *header)
{
  GString *out = g_string_new (NULL);
  const char *p;

  for (p = header; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0xFEFF)
        continue;
      if (c == '_')
        c = '-';
      else if (c == 0xFF0F)
        c = '/';
      else if (c < 0x80)
        c = (gunichar) g_ascii_tolower ((char) c);
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static int
builtin_column (const char *key)
{
  guint i;
  int attr = pbo_member_attr_lookup_ (key, strlen (key));

  if (attr >= 0)
    return attr;
  for (i = 0; i < G_N_ELEMENTS (extra_columns); i++)
    if (strcmp (key, extra_columns[i]) == 0)
      return PBO_COL_BRANCH + (int) i;
  for (i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (key, aliases[i].header) == 0)
      return aliases[i].column;
  return PBO_COL_NONE;
}

int
pbo_csv_map_target_ (const char *target)
{
  g_autofree char *key = pbo_csv_header_key_ (target);

  /* "-" drops a column the sheet has and the tree has no place for. */
  return strcmp (key, "-") == 0 ? PBO_COL_SKIP : builtin_column (key);
}

int
pbo_csv_header_column_ (const char *header, const char *const *map)
{
  g_autofree char *key = pbo_csv_header_key_ (header);

  /* The caller's map wins: it may also rename a header libpbo knows. */
  for (; map != NULL && map[0] != NULL && map[1] != NULL; map += 2)
    {
      g_autofree char *mapped = pbo_csv_header_key_ (map[0]);
      if (strcmp (key, mapped) == 0)
        return pbo_csv_map_target_ (map[1]);
    }
  return builtin_column (key);
}

const char *
pbo_csv_column_name_ (int column)
{
  if (column == PBO_COL_SKIP)
    return "-";
  return column < PBO_MATTR_COUNT ? pbo_member_attr_name_ ((PboMemberAttr) column)
                                  : extra_columns[column - PBO_COL_BRANCH];
}

const char *
pbo_csv_column_lookup (const char *header)
{
  int column;

  g_return_val_if_fail (header != NULL, NULL);
  column = pbo_csv_header_column_ (header, NULL);
  return column >= 0 ? pbo_csv_column_name_ (column) : NULL;
}
