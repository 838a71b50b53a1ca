/* bench-sax — the bare SAX2 loop of DESIGN §7: libxml2's push parser with a
 * startElementNs handler that touches every attribute value, building
 * nothing.
 *
 *   bench-sax FILE
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "bench-util.h"

#include <string.h>

typedef struct {
  guint64 elements, members, attributes, value_bytes, checksum;
} Counts;

static void
start_element (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
               int n_namespaces, const xmlChar **namespaces, int n_attributes, int n_defaulted,
               const xmlChar **attributes)
{
  Counts *c = ctx;
  int i;

  c->elements++;
  if (strcmp ((const char *) localname, "member") == 0)
    c->members++;
  /* Five pointers per attribute: localname, prefix, URI, value, end. */
  for (i = 0; i < n_attributes; i++)
    {
      const xmlChar *p = attributes[5 * i + 3], *end = attributes[5 * i + 4];

      /* Read every byte, as the reader loop's strlen() does. */
      c->attributes++;
      c->value_bytes += (guint64) (end - p);
      for (; p < end; p++)
        c->checksum += *p;
    }
}

int
main (int argc, char **argv)
{
  const char *path = bench_single_arg (argc, argv, "FILE");
  xmlSAXHandler sax;
  Counts c = { 0, 0, 0, 0, 0 };
  double t0 = bench_now ();
  char extra[256];

  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = start_element;
  bench_sax_parse_file (path, &sax, &c);
  g_snprintf (extra, sizeof extra, "elements=%" G_GUINT64_FORMAT " attributes=%" G_GUINT64_FORMAT
              " value_bytes=%" G_GUINT64_FORMAT " checksum=%" G_GUINT64_FORMAT,
              c.elements, c.attributes, c.value_bytes, c.checksum);
  bench_report ("sax", bench_now () - t0, bench_file_size (path), c.members, extra);
  return 0;
}
