/* libpbo — the member CSV: one row per member, the format-v1 attributes,
 * then the member's org and branch; what import-csv reads back.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "csv-private.h"

/* The format-v1 attribute names; headers spell '-' as '_'. A contract
 * for spreadsheets: only append. */
static const char *const member_attrs[] = {
  "id", "name", "gender", "born", "joined", "full-since", "status", "employment",
  "ethnicity", "education", "position", "department", "dues-base", "dues-category",
  "phone", "id-card", "mobile",
};

/* After org and branch, only in the sheets of files that record standings
 * (format 1.1), so that the others keep the columns they had. */
static const char *const standing_attrs[] = {
  "standing", "standing-since", "standing-until", "outflow-to", "probation-extended-to",
};

void
pbo_members_csv_header_ (GPtrArray *fields, gboolean standings)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (member_attrs); i++)
    g_ptr_array_add (fields, g_strdelimit (g_strdup (member_attrs[i]), "-", '_'));
  g_ptr_array_add (fields, g_strdup ("org"));
  g_ptr_array_add (fields, g_strdup ("branch"));
  for (i = 0; standings && i < G_N_ELEMENTS (standing_attrs); i++)
    g_ptr_array_add (fields, g_strdelimit (g_strdup (standing_attrs[i]), "-", '_'));
}

/* DESIGN §9: redaction drops id-card and phone and keeps the birth year. */
static char *
redacted_attribute (PboMember *m, const char *name)
{
  char *value;

  if (strcmp (name, "id-card") == 0 || strcmp (name, "phone") == 0)
    return NULL;
  value = pbo_member_dup_attribute (m, name);
  if (value != NULL && strcmp (name, "born") == 0 && strlen (value) > 4)
    value[4] = '\0';
  return value;
}

void
pbo_members_csv_row_ (PboMember *m, PboCsvWriteFlags flags, GPtrArray *fields)
{
  gboolean redact = (flags & PBO_CSV_WRITE_REDACT) != 0;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (member_attrs); i++)
    g_ptr_array_add (fields, redact ? redacted_attribute (m, member_attrs[i])
                                    : pbo_member_dup_attribute (m, member_attrs[i]));
  g_ptr_array_add (fields, g_strdup (pbo_org_get_id (pbo_member_get_org (m))));
  g_ptr_array_add (fields, g_strdup (pbo_org_get_id (pbo_member_get_branch (m))));
  for (i = 0; (flags & PBO_CSV_WRITE_STANDINGS) && i < G_N_ELEMENTS (standing_attrs); i++)
    g_ptr_array_add (fields, pbo_member_dup_attribute (m, standing_attrs[i]));
}

static void
append_row (GString *out, GPtrArray *fields, PboCsvWriteFlags flags)
{
  guint i;

  for (i = 0; i < fields->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      pbo_csv_write_field (out, g_ptr_array_index (fields, i), flags);
    }
  g_string_append_c (out, '\n');
  g_ptr_array_set_size (fields, 0);
}

void
pbo_members_write_csv_header (GString *out, PboCsvWriteFlags flags)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (out != NULL);
  pbo_members_csv_header_ (fields, (flags & PBO_CSV_WRITE_STANDINGS) != 0);
  append_row (out, fields, PBO_CSV_WRITE_DEFAULT);
}

void
pbo_member_write_csv (PboMember *member, GString *out, PboCsvWriteFlags flags)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (member != NULL && out != NULL);
  pbo_members_csv_row_ (member, flags, fields);
  append_row (out, fields, flags);
}

typedef struct {
  GString         *out;
  PboCsvWriteFlags flags;
} Rows;

static gboolean
write_row (PboMember *m, gpointer data)
{
  Rows *rows = data;

  pbo_member_write_csv (m, rows->out, rows->flags);
  return TRUE;
}

void
pbo_members_write_csv (const PboTree *tree, PboOrg *root, GString *out, PboCsvWriteFlags flags)
{
  Rows rows = { out, flags | (pbo_tree_has_standings (tree) ? PBO_CSV_WRITE_STANDINGS : 0) };

  g_return_if_fail (tree != NULL && out != NULL);
  pbo_members_write_csv_header (out, rows.flags);
  pbo_tree_foreach_member (tree, root, write_row, &rows);
}
