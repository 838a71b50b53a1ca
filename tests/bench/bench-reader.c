/* bench-reader — the bare xmlTextReader loop of DESIGN §7: visits every
 * element and reads every attribute value, building nothing.
 *
 *   bench-reader FILE
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "bench-util.h"

#include <stdio.h>
#include <string.h>
#include <libxml/xmlreader.h>

int
main (int argc, char **argv)
{
  const char *path = bench_single_arg (argc, argv, "FILE");
  guint64 elements = 0, members = 0, attributes = 0, value_bytes = 0;
  double t0 = bench_now ();
  xmlTextReaderPtr reader = xmlReaderForFile (path, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
  int ret;
  char extra[256];

  if (reader == NULL)
    {
      fprintf (stderr, "%s: cannot open\n", path);
      return 2;
    }
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      elements++;
      if (strcmp ((const char *) xmlTextReaderConstLocalName (reader), "member") == 0)
        members++;
      while (xmlTextReaderMoveToNextAttribute (reader) == 1)
        {
          const xmlChar *value = xmlTextReaderConstValue (reader);

          attributes++;
          value_bytes += strlen ((const char *) value);
        }
    }
  xmlFreeTextReader (reader);
  if (ret != 0)
    {
      fprintf (stderr, "%s: not well-formed\n", path);
      return 2;
    }
  g_snprintf (extra, sizeof extra, "elements=%" G_GUINT64_FORMAT " attributes=%" G_GUINT64_FORMAT
              " value_bytes=%" G_GUINT64_FORMAT, elements, attributes, value_bytes);
  bench_report ("reader", bench_now () - t0, bench_file_size (path), members, extra);
  return 0;
}
