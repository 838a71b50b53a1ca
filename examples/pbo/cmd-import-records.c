/* pbo import-records FILE SHEET: payments, evaluations, ratings or
 * training hours from a spreadsheet (CSV or .xlsx) as one plan, applied
 * all or nothing in one journaled transaction.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include "pbo-cli.h"

/* The columns known, by their plan attribute; "" ends each list. */
static const char *const columns[][5] = {
  { "member", "id", "工号", "党员编号", "" },
  { "name", "姓名", "", "", "" },
  { "id-card", "身份证号", "身份证号码", "", "" },
  { "month", "月份", "所属月份", "", "" },
  { "amount", "金额", "党费金额", "", "" },
  { "paid", "交纳日期", "缴纳日期", "", "" },
  { "kind", "类型", "", "", "" },
  { "approved", "批准日期", "", "", "" },
  { "year", "年度", "", "", "" },
  { "result", "评议结果", "", "", "" },
  { "life", "组织生活", "", "", "" },
  { "dues", "交纳党费", "", "", "" },
  { "service", "服务群众", "", "", "" },
  { "example", "先锋模范", "", "", "" },
  { "work", "工作业绩", "", "", "" },
  { "law", "遵纪守法", "", "", "" },
  { "hours", "学时", "", "", "" },
  { "title", "课程", "培训内容", "", "" },
};
enum { COL_MEMBER, COL_NAME, COL_ID_CARD, COL_MONTH, COL_RECORD_FIRST = COL_MONTH,
       COL_RESULT = 9, COL_LIFE = 10, COL_HOURS = 16, COL_COUNT = G_N_ELEMENTS (columns) };

/* Chinese spellings of values a sheet may use, and the format's. */
static const char *const values[][2] = {
  { "优秀", "excellent" }, { "合格", "qualified" }, { "基本合格", "basically-qualified" },
  { "不合格", "unqualified" }, { "正常", "regular" }, { "补缴", "arrears" },
  { "减交", "reduced" }, { "免交", "exempt" },
};

static int
column_of (const char *header)
{
  g_autofree char *h = g_strstrip (g_ascii_strdown (header, -1));

  for (guint c = 0; c < COL_COUNT; c++)
    for (guint k = 0; k < 5 && columns[c][k][0] != '\0'; k++)
      if (strcmp (h, columns[c][k]) == 0)
        return (int) c;
  return -1;
}

static const char *
value_of (const char *cell)
{
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (strcmp (cell, values[i][0]) == 0)
      return values[i][1];
  return cell;
}

/* The member of a row: by id, or by name and ID card. */
static const char *
member_of (PboTree *tree, const char *id, const char *name, const char *id_card)
{
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;

  if (id != NULL && *id != '\0')
    return id;
  if (name == NULL || id_card == NULL)
    return NULL;
  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    if (ev == PBO_WALK_ENTER)
      for (PboMember *m = pbo_org_get_first_member (org); m != NULL; m = pbo_member_get_next (m))
        {
          g_autofree char *card = pbo_member_dup_id_card (m);
          if (card != NULL && g_ascii_strcasecmp (card, id_card) == 0
              && strcmp (pbo_member_get_name (m), name) == 0)
            return pbo_member_get_id (m);
        }
  return NULL;
}

static PboEditOp
op_of (const int *col_of_attr)
{
  return col_of_attr[COL_MONTH] >= 0 ? PBO_EDIT_OP_ADD_PAYMENT
         : col_of_attr[COL_RESULT] >= 0 ? PBO_EDIT_OP_SET_EVALUATION
         : col_of_attr[COL_HOURS] >= 0 ? PBO_EDIT_OP_ADD_TRAINING
         : col_of_attr[COL_LIFE] >= 0 ? PBO_EDIT_OP_SET_RATING : PBO_EDIT_OP_NONE;
}

/* The plan of @table's rows; every bad row printed, NULL if any. */
static PboPlan *
plan_of (PboTree *tree, const PboCsvTable *table, const char *shown)
{
  g_autoptr (PboPlan) plan = pbo_plan_new ();
  int col_of_attr[COL_COUNT];
  guint bad = 0;
  PboEditOp op;

  for (guint c = 0; c < COL_COUNT; c++)
    col_of_attr[c] = -1;
  for (guint i = 0; table != NULL && i < pbo_csv_table_get_n_fields (table, 0); i++)
    {
      int c = column_of (pbo_csv_table_get_field (table, 0, i));
      if (c >= 0)
        col_of_attr[c] = (int) i;
    }
  if ((op = op_of (col_of_attr)) == PBO_EDIT_OP_NONE)
    {
      fprintf (stderr, _("%s: no column says what the sheet holds (month, result, hours or "
                         "life)\n"), shown);
      return NULL;
    }
  for (guint r = 1; r < pbo_csv_table_get_n_rows (table); r++)
    {
      const char *attrs[2 * COL_COUNT + 1], *cell[COL_COUNT] = { NULL };
      g_autoptr (GError) error = NULL;
      guint n = 0;

      for (guint c = 0; c < COL_COUNT; c++)
        if (col_of_attr[c] >= 0)
          cell[c] = pbo_csv_table_get_field (table, r, (guint) col_of_attr[c]);
      attrs[n++] = "member";
      attrs[n++] = member_of (tree, cell[COL_MEMBER], cell[COL_NAME], cell[COL_ID_CARD]);
      if (attrs[1] == NULL)
        {
          fprintf (stderr, _("%s:%u: no member with that id, or that name and ID card\n"), shown,
                   pbo_csv_table_get_line (table, r));
          bad++;
          continue;
        }
      for (guint c = COL_RECORD_FIRST; c < COL_COUNT; c++)
        if (cell[c] != NULL && *cell[c] != '\0')
          {
            attrs[n++] = columns[c][0];
            attrs[n++] = value_of (cell[c]);
          }
      attrs[n] = NULL;
      if (pbo_plan_add_op (plan, op, attrs, &error) < 0)
        {
          fprintf (stderr, "%s:%u: %s\n", shown, pbo_csv_table_get_line (table, r), error->message);
          bad++;
        }
    }
  return bad == 0 ? g_steal_pointer (&plan) : NULL;
}

int
cli_cmd_import_records (int argc, char **argv)
{
  CliApply how = { 0 };
  GOptionEntry entries[] = { CLI_APPLY_ENTRIES (how), { NULL, 0, 0, 0, NULL, NULL, NULL } };
  CliInput in = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PboPlan) plan = NULL;
  g_autofree char *shown = NULL;
  char *data = NULL;   /* freed at out: gcc's analyzer misreads a g_autofree here */
  PboCsvTable *table = NULL;
  gsize length = 0;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("import-records", "FILE SHEET",
                  "Add the payments, 民主评议 results, star ratings or training hours of a sheet\n"
                  "(CSV or .xlsx; docs/csv.md), all or none, in one journaled transaction.",
                  entries, NULL, &argc, &argv, 2)
      || !cli_apply_options_check (&how))
    goto out;
  shown = g_filename_display_name (argv[2]);
  if (!g_file_get_contents (argv[2], &data, &length, &error)
      || (table = pbo_csv_parse (data, length, argv[2], &error)) == NULL)
    {
      fprintf (stderr, "pbo import-records: %s\n", error->message);
      goto out;
    }
  if (!cli_load_input (&in, argv[1]))
    goto out;
  plan = plan_of (in.tree, table, shown);
  cli_input_clear (&in);
  if (plan != NULL)
    status = cli_apply_plan ("import-records", argv[1], plan, &how);
out:
  pbo_csv_table_free (table);
  g_free (data);
  cli_input_clear (&in);
  cli_apply_clear (&how);
  return status;
}
