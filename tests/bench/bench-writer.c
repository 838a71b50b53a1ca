/* bench-writer — the bare xmlTextWriter loop of DESIGN §7. Reads FILE into
 * a compact event list first (not timed), then writes the same document
 * with libxml2's xmlTextWriter — 2-space indentation, attributes in input
 * order — to OUT and to memory, timing only the writing. For a canonical
 * input, OUT is byte-identical to it (run.sh checks).
 *
 *   bench-writer FILE OUT
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "bench-util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlwriter.h>

/* The model: a byte stream of events.
 *   START: 'S', name index, attribute count, then per attribute its name
 *          index and its NUL-terminated value;
 *   END:   'E'.
 * Names (a handful) are interned in a table; indexes fit a byte. */
typedef struct {
  GByteArray *events;
  GPtrArray  *names;          /* index → name (owned) */
  GHashTable *name_index;     /* name → index + 1 */
  guint64     members;
} Model;

static guint8
intern (Model *model, const char *name)
{
  guint idx = GPOINTER_TO_UINT (g_hash_table_lookup (model->name_index, name));

  if (idx == 0)
    {
      char *copy = g_strdup (name);

      g_assert (model->names->len < 255);
      g_ptr_array_add (model->names, copy);
      idx = model->names->len;
      g_hash_table_insert (model->name_index, copy, GUINT_TO_POINTER (idx));
    }
  return (guint8) (idx - 1);
}

static void
append_attribute (Model *model, const char *name, const xmlChar *value, gsize len)
{
  guint8 idx = intern (model, name), nul = 0;

  g_byte_array_append (model->events, &idx, 1);
  g_byte_array_append (model->events, value, (guint) len);
  g_byte_array_append (model->events, &nul, 1);
}

static void
start_element (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
               int n_namespaces, const xmlChar **namespaces, int n_attributes, int n_defaulted,
               const xmlChar **attributes)
{
  Model *model = ctx;
  guint8 head[3] = { 'S', intern (model, (const char *) localname),
                     (guint8) (n_namespaces + n_attributes) };
  int i;

  g_byte_array_append (model->events, head, 3);
  /* The default namespace declaration, written back as an xmlns attribute. */
  for (i = 0; i < n_namespaces; i++)
    append_attribute (model, "xmlns", namespaces[2 * i + 1],
                      strlen ((const char *) namespaces[2 * i + 1]));
  for (i = 0; i < n_attributes; i++)
    append_attribute (model, (const char *) attributes[5 * i], attributes[5 * i + 3],
                      (gsize) (attributes[5 * i + 4] - attributes[5 * i + 3]));
  if (strcmp ((const char *) localname, "member") == 0)
    model->members++;
}

static void
end_element (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  Model *model = ctx;
  guint8 tag = 'E';

  g_byte_array_append (model->events, &tag, 1);
}

static void
check (int ret, const char *what)
{
  if (ret < 0)
    {
      fprintf (stderr, "bench-writer: %s failed\n", what);
      exit (2);
    }
}

static void
write_model (const Model *model, xmlTextWriterPtr w)
{
  const guint8 *p = model->events->data, *end = p + model->events->len;
  const xmlChar *const *names = (const xmlChar *const *) model->names->pdata;

  check (xmlTextWriterSetIndent (w, 1), "indent");
  check (xmlTextWriterSetIndentString (w, BAD_CAST "  "), "indent string");
  check (xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL), "start");
  while (p < end)
    {
      guint n;

      if (*p++ == 'E')
        {
          check (xmlTextWriterEndElement (w), "end element");
          continue;
        }
      check (xmlTextWriterStartElement (w, names[p[0]]), "start element");
      n = p[1];
      p += 2;
      for (; n > 0; n--)
        {
          const guint8 *value = p + 1;

          check (xmlTextWriterWriteAttribute (w, names[p[0]], value), "attribute");
          p = value + strlen ((const char *) value) + 1;
        }
    }
  check (xmlTextWriterEndDocument (w), "end");
}

int
main (int argc, char **argv)
{
  Model model;
  xmlSAXHandler sax;
  xmlTextWriterPtr w;
  xmlBufferPtr buffer;
  double t0;
  char extra[64];

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s FILE OUT\n", argv[0]);
      return 2;
    }
  model.events = g_byte_array_new ();
  model.names = g_ptr_array_new_with_free_func (g_free);
  model.name_index = g_hash_table_new (g_str_hash, g_str_equal);
  model.members = 0;
  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = start_element;
  sax.endElementNs = end_element;
  bench_sax_parse_file (argv[1], &sax, &model);
  g_snprintf (extra, sizeof extra, "model_bytes=%u", model.events->len);

  t0 = bench_now ();
  w = xmlNewTextWriterFilename (argv[2], 0);
  check (w != NULL ? 0 : -1, "opening the output");
  write_model (&model, w);
  xmlFreeTextWriter (w);
  bench_report ("writer", bench_now () - t0, bench_file_size (argv[2]), model.members, extra);

  t0 = bench_now ();
  buffer = xmlBufferCreate ();
  w = xmlNewTextWriterMemory (buffer, 0);
  write_model (&model, w);
  xmlFreeTextWriter (w);
  bench_report ("writer-mem", bench_now () - t0, (guint64) xmlBufferLength (buffer),
                model.members, extra);
  xmlBufferFree (buffer);

  g_hash_table_destroy (model.name_index);
  g_ptr_array_free (model.names, TRUE);
  g_byte_array_free (model.events, TRUE);
  return 0;
}
