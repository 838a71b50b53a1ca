/* libpbo — the RELAX NG second opinion of PBO_LOAD_VALIDATE_SCHEMA.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>
#include "xml-private.h"
#include "error-private.h"
#include "xml-compat-private.h"

typedef struct {
  const char *name;      /* the document's name in messages */
  GError     *error;     /* the first report */
  int         code;
} Report;

static void
on_report (void *data, PboXmlError err)
{
  Report *r = data;
  char *msg;

  if (err == NULL || err->level < XML_ERR_ERROR || r->error != NULL)
    return;
  msg = g_strstrip (g_strdup (err->message != NULL ? err->message : "not valid"));
  r->error = pbo_error_new_at_ (r->code, r->name, (guint) MAX (err->line, 1),
                                (guint) MAX (err->int2, 1), msg);
  g_free (msg);
}

static const char *
schema_path (void)
{
  const char *env = g_getenv ("PBO_SCHEMA_PATH");

  return env != NULL && *env != '\0' ? env : PBO_SCHEMA_FILE;
}

static xmlRelaxNGPtr
load_schema (const char *path, GError **error)
{
  g_autofree char *shown = g_filename_display_name (path);
  Report r = { shown, NULL, PBO_ERROR_FAILED };
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGPtr schema;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_IO,
                   _("the RELAX NG schema %s is missing (install libpbo's data files, or set "
                   "PBO_SCHEMA_PATH)"), shown);
      return NULL;
    }
  pctxt = xmlRelaxNGNewParserCtxt (path);
  xmlRelaxNGSetParserStructuredErrors (pctxt, on_report, &r);
  schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  if (schema == NULL)
    {
      if (r.error == NULL)
        r.error = g_error_new (PBO_ERROR, PBO_ERROR_FAILED, "%s: not a usable RELAX NG schema",
                               shown);
      g_propagate_error (error, r.error);
    }
  else
    g_clear_error (&r.error);
  return schema;
}

static gboolean
validate (const char *path, const char *data, gsize length, const char *name, GError **error)
{
  Report r = { name, NULL, PBO_ERROR_FORMAT };
  xmlRelaxNGPtr schema;
  xmlTextReaderPtr reader;
  int ret;

  schema = load_schema (schema_path (), error);
  if (schema == NULL)
    return FALSE;
  /* The document has already been read once by the loader, which refuses
   * a DOCTYPE, so this pass meets no entity; the options stay safe anyway. */
  reader = path != NULL ? xmlReaderForFile (path, NULL, XML_PARSE_NONET)
                        : xmlReaderForMemory (data, (int) MIN (length, (gsize) G_MAXINT), NULL,
                                              NULL, XML_PARSE_NONET);
  if (reader == NULL)
    {
      xmlRelaxNGFree (schema);
      g_set_error (error, PBO_ERROR, PBO_ERROR_IO, _("%s: cannot read it again for validation"),
                   name);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, on_report, &r);
  ret = xmlTextReaderRelaxNGSetSchema (reader, schema);
  if (ret == 0)
    while ((ret = xmlTextReaderRead (reader)) == 1)
      ;
  if (r.error == NULL && (ret != 0 || xmlTextReaderIsValid (reader) != 1))
    r.error = pbo_error_new_at_ (PBO_ERROR_FORMAT, name, 1, 1,
                                 "the document does not match the RELAX NG schema");
  xmlFreeTextReader (reader);
  xmlRelaxNGFree (schema);
  if (r.error != NULL)
    {
      g_propagate_error (error, r.error);
      return FALSE;
    }
  return TRUE;
}

gboolean
pbo_xml_validate_schema_ (const char *path, const char *data, gsize length, const char *name,
                          GError **error)
{
  Report stray = { name, NULL, PBO_ERROR_FORMAT };
  PboXmlQuiet quiet;
  gboolean ok;

  /* Reports made without a context (before libxml2 2.13) stay off stderr too. */
  pbo_xml_quiet_begin_ (&quiet, on_report, &stray);
  ok = validate (path, data, length, name, error);
  pbo_xml_quiet_end_ (&quiet);
  g_clear_error (&stray.error);
  return ok;
}
