/* libpbo — the member CSV: one row per member, the format-v1 attributes,
 * then the member's org and branch; what import-csv reads back.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "csv-private.h"

/* The columns: format-v1 attributes (headers spell '-' as '_'), then the
 * member's org and branch. A contract for spreadsheets: only append. */
static const PboMemberAttr member_columns[] = {
  PBO_MATTR_ID, PBO_MATTR_NAME, PBO_MATTR_GENDER, PBO_MATTR_BORN, PBO_MATTR_JOINED,
  PBO_MATTR_FULL_SINCE, PBO_MATTR_STATUS, PBO_MATTR_EMPLOYMENT, PBO_MATTR_ETHNICITY,
  PBO_MATTR_EDUCATION, PBO_MATTR_POSITION, PBO_MATTR_DEPARTMENT, PBO_MATTR_DUES_BASE,
  PBO_MATTR_DUES_CATEGORY, PBO_MATTR_PHONE, PBO_MATTR_ID_CARD, PBO_MATTR_MOBILE,
};

/* After org and branch, only in the sheets of files that record standings
 * (format 1.1), so that the others keep the columns they had. */
static const PboMemberAttr standing_columns[] = {
  PBO_MATTR_STANDING, PBO_MATTR_STANDING_SINCE, PBO_MATTR_STANDING_UNTIL, PBO_MATTR_OUTFLOW_TO,
  PBO_MATTR_PROBATION_EXTENDED_TO,
};

G_STATIC_ASSERT (G_N_ELEMENTS (member_columns) + 2 + G_N_ELEMENTS (standing_columns)
                 <= PBO_MEMBER_ROW_MAX);

static void
add_header (PboMemberRow *row, const char *name)
{
  g_strlcpy (row->bufs[row->n], name, PBO_MATTR_BUFSIZE);
  g_strdelimit (row->bufs[row->n], "-", '_');
  row->values[row->n] = row->bufs[row->n];
  row->n++;
}

void
pbo_members_csv_header_ (PboMemberRow *row, gboolean standings)
{
  guint i;

  row->n = 0;
  for (i = 0; i < G_N_ELEMENTS (member_columns); i++)
    add_header (row, pbo_member_attr_name_ (member_columns[i]));
  add_header (row, "org");
  add_header (row, "branch");
  for (i = 0; standings && i < G_N_ELEMENTS (standing_columns); i++)
    add_header (row, pbo_member_attr_name_ (standing_columns[i]));
}

/* DESIGN §9: redaction drops id-card and phone and keeps the birth year. */
static const char *
redacted (PboMemberAttr attr, const char *value, char *buf)
{
  if (attr == PBO_MATTR_ID_CARD || attr == PBO_MATTR_PHONE)
    return NULL;
  if (attr == PBO_MATTR_BORN && value != NULL && strlen (value) > 4)
    {
      if (value != buf)
        g_strlcpy (buf, value, PBO_MATTR_BUFSIZE);
      buf[4] = '\0';
      return buf;
    }
  return value;
}

static void
add_attr (PboMemberRow *row, const PboMember *m, PboMemberAttr attr, gboolean redact)
{
  char *buf = row->bufs[row->n];
  const char *value = pbo_member_attr_format_ (m, attr, buf);

  row->values[row->n++] = redact ? redacted (attr, value, buf) : value;
}

/* Formatted straight from the record into the row's buffers: no
 * allocation and no lookup by name (a row cost 20 of each). */
void
pbo_members_csv_row_ (PboMemberRow *row, const PboMember *m, PboCsvWriteFlags flags)
{
  gboolean redact = (flags & PBO_CSV_WRITE_REDACT) != 0;
  guint i;

  row->n = 0;
  for (i = 0; i < G_N_ELEMENTS (member_columns); i++)
    add_attr (row, m, member_columns[i], redact);
  row->values[row->n++] = pbo_org_get_id (pbo_member_get_org (m));
  row->values[row->n++] = pbo_org_get_id (pbo_member_get_branch (m));
  for (i = 0; (flags & PBO_CSV_WRITE_STANDINGS) && i < G_N_ELEMENTS (standing_columns); i++)
    add_attr (row, m, standing_columns[i], FALSE);
}

static void
append_row (GString *out, const PboMemberRow *row, PboCsvWriteFlags flags)
{
  guint i;

  for (i = 0; i < row->n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      pbo_csv_write_field (out, row->values[i], flags);
    }
  g_string_append_c (out, '\n');
}

void
pbo_members_write_csv_header (GString *out, PboCsvWriteFlags flags)
{
  PboMemberRow row;

  g_return_if_fail (out != NULL);
  pbo_members_csv_header_ (&row, (flags & PBO_CSV_WRITE_STANDINGS) != 0);
  append_row (out, &row, PBO_CSV_WRITE_DEFAULT);
}

void
pbo_member_write_csv (PboMember *member, GString *out, PboCsvWriteFlags flags)
{
  PboMemberRow row;

  g_return_if_fail (member != NULL && out != NULL);
  pbo_members_csv_row_ (&row, member, flags);
  append_row (out, &row, flags);
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
