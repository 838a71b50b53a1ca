/* libpbo — import-csv --update: the members already in the tree changed
 * to what the sheet says (a monthly HR sync), each as one update-member.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "csv-import-private.h"

/* Is @value (format v1) what @m holds for @attr? Compared as spelt by
 * the writer, so that 4000.00 and 4000 are one dues base. */
static gboolean
same_value (PboMember *m, PboMemberAttr attr, const char *value)
{
  g_autofree char *now = pbo_member_dup_attribute (m, pbo_member_attr_name_ (attr));
  g_autofree char *wanted = pbo_value_normalise (pbo_member_attr_name_ (attr), value, NULL);

  /* The writer leaves out mobile="false": not mobile is the unset value. */
  if (now == NULL)
    return attr == PBO_MATTR_MOBILE && g_strcmp0 (wanted, "false") == 0;
  return strcmp (now, wanted != NULL ? wanted : value) == 0;
}

void
pbo_import_update_row_ (PboImport *im, guint row, PboMember *m)
{
  g_autoptr (GPtrArray) pairs = g_ptr_array_new ();
  GError *local = NULL;
  guint i;

  for (i = 0; i < im->n_columns; i++)
    {
      int column = im->columns[i];
      const char *value;
      /* The org columns and the id say where the member is, not what
       * changes: moving a member is a transfer (pbo transfer). An empty
       * cell keeps the value, so that a sheet without a column or with a
       * gap never erases what the tree knows. */
      if (column == PBO_MATTR_ID || column >= PBO_MATTR_COUNT)
        continue;
      value = pbo_import_value_ (im, row, i, column);
      if (value == NULL || same_value (m, (PboMemberAttr) column, value))
        continue;
      g_ptr_array_add (pairs, (gpointer) pbo_member_attr_name_ ((PboMemberAttr) column));
      g_ptr_array_add (pairs, (gpointer) value);
    }
  if (pairs->len == 0)
    {
      im->report->unchanged++;
      return;
    }
  g_ptr_array_add (pairs, NULL);
  g_ptr_array_add (pairs, NULL);
  if (pbo_edit_update_member (im->tree, m, (const char *const *) pairs->pdata, im->opts->context,
                              &local))
    im->report->updated++;
  else
    {
      pbo_import_problem_ (im, row, -1, local->code, "%s", local->message);
      g_error_free (local);
    }
}

typedef struct {
  GHashTable *seen;
  GPtrArray  *missing;
} Missing;

static gboolean
note_missing (PboMember *m, gpointer data)
{
  Missing *mi = data;
  const char *id = pbo_member_get_id (m);

  if (!g_hash_table_contains (mi->seen, id))
    g_ptr_array_insert (mi->missing, (gint) mi->missing->len - 1, g_strdup (id));
  return TRUE;
}

void
pbo_import_list_missing_ (PboImport *im)
{
  Missing mi = { im->seen, im->report->missing };

  /* The scope is the branch the sheet is for, when one is given: a sheet
   * of one branch does not leave out the members of the others. */
  pbo_tree_foreach_member (im->tree, im->opts->branch, note_missing, &mi);
}
