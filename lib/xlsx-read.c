/* libpbo — reading a sheet (the first, or one by name) of an .xlsx workbook into a CSV table.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include <stdlib.h>
#include <math.h>
#include "csv-private.h"
#include "error-private.h"

gboolean
pbo_xlsx_is_workbook_ (const char *data, gsize length)
{
  return data != NULL && length >= 4 && memcmp (data, "PK\003\004", 4) == 0;
}

#ifndef PBO_HAVE_LIBZIP

PboCsvTable *
pbo_xlsx_parse_sheet_ (const char *data, gsize length, const char *filename, const char *sheet,
                       GError **error)
{
  g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
               _("%s: an .xlsx workbook, but this libpbo was built without libzip: "
                 "save the sheet as “CSV UTF-8”"), filename);
  return NULL;
}

#else

#include <zip.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* Defences against hostile workbooks (a ZIP bomb): no part may inflate to
 * more than this, nor the sheet hold more columns than a CSV record may. */
#define PART_MAX (64u << 20)
#define RELS_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

typedef struct {
  zip_t      *zip;
  const char *filename;
  const char *sheet;         /* the sheet's name; NULL for the first */
  GPtrArray  *shared;        /* char *: the shared strings */
  GArray     *date_styles;   /* gboolean per cell style (cellXfs index) */
  gboolean    date1904;
} Workbook;

static gboolean
fail (const Workbook *wb, GError **error, const char *what)
{
  g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("%s: not a readable .xlsx workbook: %s"),
               wb->filename, what);
  return FALSE;
}

/* The part @name parsed as XML (no network, no DTD, no entities), or NULL
 * when it is absent; *@error is set only for a damaged part. */
static xmlDoc *
read_part (const Workbook *wb, const char *name, GError **error)
{
  zip_stat_t st;
  zip_file_t *f;
  g_autofree char *buf = NULL;
  zip_int64_t got;
  xmlDoc *doc;

  if (zip_stat (wb->zip, name, ZIP_FL_NOCASE, &st) != 0)
    return NULL;
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > PART_MAX)
    {
      fail (wb, error, name);
      return NULL;
    }
  if ((f = zip_fopen (wb->zip, name, ZIP_FL_NOCASE)) == NULL)
    {
      fail (wb, error, name);
      return NULL;
    }
  buf = g_malloc (st.size + 1);
  got = zip_fread (f, buf, st.size);
  zip_fclose (f);
  if (got < 0 || (zip_uint64_t) got != st.size)
    {
      fail (wb, error, name);
      return NULL;
    }
  doc = xmlReadMemory (buf, (int) st.size, name, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (doc == NULL)
    fail (wb, error, name);
  return doc;
}

static gboolean
is_element (const xmlNode *n, const char *name)
{
  return n->type == XML_ELEMENT_NODE && strcmp ((const char *) n->name, name) == 0;
}

static xmlNode *
child (const xmlNode *parent, const char *name)
{
  for (xmlNode *n = parent != NULL ? parent->children : NULL; n != NULL; n = n->next)
    if (is_element (n, name))
      return n;
  return NULL;
}

/* The text of the <t> elements under @n, runs concatenated; phonetic
 * guides (<rPh>) are not part of the value. */
static void
append_text (GString *out, const xmlNode *n)
{
  for (const xmlNode *c = n->children; c != NULL; c = c->next)
    if (is_element (c, "t"))
      {
        xmlChar *t = xmlNodeGetContent (c);
        g_string_append (out, (const char *) t);
        xmlFree (t);
      }
    else if (is_element (c, "r"))
      append_text (out, c);
}

static void
read_shared_strings (Workbook *wb, xmlDoc *doc)
{
  for (xmlNode *si = xmlDocGetRootElement (doc)->children; si != NULL; si = si->next)
    if (is_element (si, "si"))
      {
        GString *s = g_string_new (NULL);
        append_text (s, si);
        g_ptr_array_add (wb->shared, g_string_free (s, FALSE));
      }
}

/* TRUE for a number format that shows a date: the built-in date formats
 * (14–22, and 27–36, 50–58 of the East Asian locales) or a format code
 * with a y or d outside quotes and brackets. */
static gboolean
is_date_format (guint id, const char *code)
{
  gboolean quoted = FALSE, bracket = FALSE;

  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return TRUE;
  for (const char *p = code; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == '[' && !quoted)
        bracket = TRUE;
      else if (*p == ']' && !quoted)
        bracket = FALSE;
      else if (!quoted && !bracket && strchr ("yYdD", *p) != NULL)
        return TRUE;
    }
  return FALSE;
}

static guint
uint_prop (const xmlNode *n, const char *name)
{
  xmlChar *v = xmlGetProp (n, (const xmlChar *) name);
  guint r = v != NULL ? (guint) g_ascii_strtoull ((const char *) v, NULL, 10) : 0;

  xmlFree (v);
  return r;
}

static void
read_styles (Workbook *wb, xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr (GHashTable) custom = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, xmlFree);

  for (xmlNode *f = child (child (root, "numFmts"), "numFmt"); f != NULL; f = f->next)
    if (is_element (f, "numFmt"))
      g_hash_table_insert (custom, GUINT_TO_POINTER (uint_prop (f, "numFmtId")),
                           xmlGetProp (f, (const xmlChar *) "formatCode"));
  for (xmlNode *xf = child (child (root, "cellXfs"), "xf"); xf != NULL; xf = xf->next)
    if (is_element (xf, "xf"))
      {
        guint id = uint_prop (xf, "numFmtId");
        gboolean date = is_date_format (id, g_hash_table_lookup (custom, GUINT_TO_POINTER (id)));

        g_array_append_val (wb->date_styles, date);
      }
}

/* The 0-based column of a cell reference such as "AB12", or -1. */
static int
column_of (const char *ref)
{
  int col = 0;
  const char *p = ref;

  for (; *p >= 'A' && *p <= 'Z' && col < 100000; p++)
    col = col * 26 + (*p - 'A' + 1);
  return p == ref ? -1 : col - 1;
}

/* Excel's serial day number as YYYY-MM-DD: days since 1899-12-30 in the
 * 1900 system (which counts a 29 February 1900 that never was, so serials
 * before 61 are one day later), since 1904-01-01 in the 1904 system. */
static char *
serial_to_date (double serial, gboolean date1904)
{
  g_autoptr (GDate) d = g_date_new_dmy (1, 1, 1904);
  int days = (int) floor (serial);
  char buf[16];

  if (!date1904)
    g_date_set_dmy (d, days < 61 ? 31 : 30, 12, 1899);
  if (days < 0 || days > 2958465)   /* 9999-12-31 */
    return NULL;
  g_date_add_days (d, (guint) days);
  g_snprintf (buf, sizeof buf, "%04u-%02u-%02u", g_date_get_year (d), g_date_get_month (d),
              g_date_get_day (d));
  return g_strdup (buf);
}

static char *
number_text (const char *v, gboolean date, gboolean date1904)
{
  char *end = NULL;
  double x = g_ascii_strtod (v, &end);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (end == v || *end != '\0' || !isfinite (x))
    return g_strdup (v);
  if (date)
    {
      char *d = serial_to_date (x, date1904);
      if (d != NULL)
        return d;
    }
  /* Whole numbers as integers (staff numbers, years); others as the
   * shortest text that reads back the same. */
  if (x == floor (x) && fabs (x) < 1e15)
    return g_strdup_printf ("%.0f", x);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", x));
}

static char *
cell_value (const Workbook *wb, const xmlNode *c)
{
  g_autofree xmlChar *type = xmlGetProp (c, (const xmlChar *) "t");
  xmlNode *v = child (c, "v");
  g_autofree xmlChar *text = v != NULL ? xmlNodeGetContent (v) : NULL;
  const char *t = type != NULL ? (const char *) type : "n";

  if (strcmp (t, "inlineStr") == 0)
    {
      GString *s = g_string_new (NULL);
      xmlNode *is = child (c, "is");
      if (is != NULL)
        append_text (s, is);
      return g_string_free (s, FALSE);
    }
  if (text == NULL)
    return g_strdup ("");
  if (strcmp (t, "s") == 0)
    {
      guint i = (guint) g_ascii_strtoull ((const char *) text, NULL, 10);
      return g_strdup (i < wb->shared->len ? g_ptr_array_index (wb->shared, i) : "");
    }
  if (strcmp (t, "b") == 0)
    return g_strdup (strcmp ((const char *) text, "1") == 0 ? "true" : "false");
  if (strcmp (t, "n") == 0)
    {
      guint style = uint_prop (c, "s");
      gboolean date = style < wb->date_styles->len && g_array_index (wb->date_styles, gboolean, style);
      return number_text ((const char *) text, date, wb->date1904);
    }
  return g_strdup ((const char *) text);   /* str (a formula's text), e (an error) */
}

static void
read_row (const Workbook *wb, const xmlNode *row, PboCsvTable *table)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  guint line = uint_prop (row, "r");

  for (const xmlNode *c = row->children; c != NULL; c = c->next)
    {
      g_autofree xmlChar *ref = NULL;
      int col;

      if (!is_element (c, "c"))
        continue;
      ref = xmlGetProp (c, (const xmlChar *) "r");
      col = ref != NULL ? column_of ((const char *) ref) : (int) fields->len;
      if (col < 0 || col >= PBO_CSV_COLUMNS_MAX)
        continue;
      while (fields->len < (guint) col)
        g_ptr_array_add (fields, g_strdup (""));
      if ((guint) col == fields->len)
        g_ptr_array_add (fields, cell_value (wb, c));
    }
  /* Trailing empty cells are no columns; a row with none is blank. */
  while (fields->len > 0 && *(const char *) fields->pdata[fields->len - 1] == '\0')
    g_ptr_array_remove_index (fields, fields->len - 1);
  if (fields->len > 0)
    pbo_csv_table_append_row_ (table, line, (const char *const *) fields->pdata, fields->len);
}

/* The <sheet> named wb->sheet, or the first. */
static xmlNode *
find_sheet (const Workbook *wb, xmlDoc *book)
{
  xmlNode *sheet = child (child (xmlDocGetRootElement (book), "sheets"), "sheet");

  for (; wb->sheet != NULL && sheet != NULL; sheet = sheet->next)
    {
      g_autofree xmlChar *name = is_element (sheet, "sheet")
                                 ? xmlGetProp (sheet, (const xmlChar *) "name") : NULL;
      if (name != NULL && strcmp ((const char *) name, wb->sheet) == 0)
        break;
    }
  return sheet;
}

/* The path of the sheet, from the workbook and its relations. */
static char *
first_sheet_path (Workbook *wb, GError **error)
{
  g_autoptr (GError) local = NULL;
  xmlDoc *book = read_part (wb, "xl/workbook.xml", &local);
  xmlDoc *rels = NULL;
  xmlNode *sheet, *pr;
  xmlChar *rid = NULL;
  char *path = NULL;

  if (book == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        fail (wb, error, "xl/workbook.xml");
      return NULL;
    }
  if ((pr = child (xmlDocGetRootElement (book), "workbookPr")) != NULL)
    {
      g_autofree xmlChar *d = xmlGetProp (pr, (const xmlChar *) "date1904");
      wb->date1904 = d != NULL && (strcmp ((const char *) d, "1") == 0
                                   || strcmp ((const char *) d, "true") == 0);
    }
  sheet = find_sheet (wb, book);
  if (sheet != NULL)
    rid = xmlGetNsProp (sheet, (const xmlChar *) "id", (const xmlChar *) RELS_NS);
  if (rid != NULL && (rels = read_part (wb, "xl/_rels/workbook.xml.rels", error)) != NULL)
    for (xmlNode *r = xmlDocGetRootElement (rels)->children; r != NULL && path == NULL; r = r->next)
      {
        g_autofree xmlChar *id = is_element (r, "Relationship")
                                 ? xmlGetProp (r, (const xmlChar *) "Id") : NULL;
        g_autofree xmlChar *target = id != NULL ? xmlGetProp (r, (const xmlChar *) "Target") : NULL;

        if (target != NULL && strcmp ((const char *) id, (const char *) rid) == 0)
          path = target[0] == '/' ? g_strdup ((const char *) target + 1)
                                  : g_strconcat ("xl/", (const char *) target, NULL);
      }
  if (path == NULL && (error == NULL || *error == NULL) && wb->sheet != NULL)
    g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("%s: no sheet named “%s”"),
                 wb->filename, wb->sheet);
  else if (path == NULL && (error == NULL || *error == NULL))
    fail (wb, error, _("no sheet"));
  xmlFree (rid);
  xmlFreeDoc (rels);
  xmlFreeDoc (book);
  return path;
}

static PboCsvTable *
read_workbook (Workbook *wb, GError **error)
{
  g_autofree char *sheet_path = first_sheet_path (wb, error);
  xmlDoc *doc;
  PboCsvTable *table;
  xmlNode *data;

  if (sheet_path == NULL)
    return NULL;
  if ((doc = read_part (wb, "xl/sharedStrings.xml", error)) != NULL)
    {
      read_shared_strings (wb, doc);
      xmlFreeDoc (doc);
    }
  if ((doc = read_part (wb, "xl/styles.xml", error)) != NULL)
    {
      read_styles (wb, doc);
      xmlFreeDoc (doc);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  if ((doc = read_part (wb, sheet_path, error)) == NULL)
    {
      if (error == NULL || *error == NULL)
        fail (wb, error, sheet_path);
      return NULL;
    }
  table = pbo_csv_table_new_ ("xlsx");
  data = child (xmlDocGetRootElement (doc), "sheetData");
  for (xmlNode *row = data != NULL ? data->children : NULL; row != NULL; row = row->next)
    if (is_element (row, "row"))
      read_row (wb, row, table);
  xmlFreeDoc (doc);
  return table;
}

PboCsvTable *
pbo_xlsx_parse_sheet_ (const char *data, gsize length, const char *filename, const char *sheet,
                       GError **error)
{
  zip_error_t zerr;
  zip_source_t *src;
  Workbook wb = { NULL, filename, sheet, NULL, NULL, FALSE };
  PboCsvTable *table = NULL;

  zip_error_init (&zerr);
  src = zip_source_buffer_create (data, length, 0, &zerr);
  if (src != NULL && (wb.zip = zip_open_from_source (src, ZIP_RDONLY, &zerr)) == NULL)
    zip_source_free (src);
  if (wb.zip == NULL)
    {
      fail (&wb, error, zip_error_strerror (&zerr));
      zip_error_fini (&zerr);
      return NULL;
    }
  zip_error_fini (&zerr);
  wb.shared = g_ptr_array_new_with_free_func (g_free);
  wb.date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
  table = read_workbook (&wb, error);
  zip_discard (wb.zip);
  g_ptr_array_free (wb.shared, TRUE);
  g_array_free (wb.date_styles, TRUE);
  return table;
}

#endif /* PBO_HAVE_LIBZIP */

PboCsvTable *
pbo_xlsx_parse_ (const char *data, gsize length, const char *filename, GError **error)
{
  return pbo_xlsx_parse_sheet_ (data, length, filename, NULL, error);
}
