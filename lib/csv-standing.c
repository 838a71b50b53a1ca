/* libpbo — the standing columns of a members sheet (format 1.1): after a
 * row's member is added, its standing, standing-since, standing-until,
 * outflow-to and probation-extended-to, as one update-member in the
 * import's transaction (the same checks as a plan's).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "csv-private.h"
#include "lifecycle-private.h"

/* Chinese spellings of the standings, as the office writes them. */
static const struct {
  const char *zh;
  const char *value;
} zh_standings[] = {
  { "正常", "normal" }, { "失联", "lost-contact" }, { "失去联系", "lost-contact" },
  { "停止党籍", "suspended" }, { "出国（境）", "abroad" }, { "出国", "abroad" },
  { "出境", "abroad" }, { "流出", "outflow" }, { "留党察看", "disciplinary-probation" },
};

static const char *
standing_value (int column, const char *value)
{
  guint i;

  for (i = 0; column == PBO_MATTR_STANDING && i < G_N_ELEMENTS (zh_standings); i++)
    if (g_strcmp0 (value, zh_standings[i].zh) == 0)
      return zh_standings[i].value;
  return value;
}

gboolean
pbo_csv_row_standing_ (PboTree *tree, PboMember *m, const PboCsvTable *table, guint row,
                       const int *columns, guint n_columns, const PboEditContext *ctx,
                       GError **error)
{
  g_autoptr (GPtrArray) attrs = g_ptr_array_new ();
  guint i;

  for (i = 0; i < n_columns; i++)
    {
      const char *value = pbo_csv_table_get_field (table, row, i);
      if (columns[i] >= PBO_MATTR_STANDING && columns[i] < PBO_MATTR_COUNT && value != NULL
          && *value != '\0')
        {
          g_ptr_array_add (attrs, (gpointer) pbo_member_attr_name_ ((PboMemberAttr) columns[i]));
          g_ptr_array_add (attrs, (gpointer) standing_value (columns[i], value));
        }
    }
  if (attrs->len == 0)
    return TRUE;
  g_ptr_array_add (attrs, NULL);
  return pbo_edit_update_member (tree, m, (const char *const *) attrs->pdata, ctx, error);
}
