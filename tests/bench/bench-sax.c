/* bench-sax — the bare SAX2 loop of DESIGN §7: libxml2's push parser with a
 * startElementNs handler that touches every attribute value, building
 * nothing.
 *
 *   bench-sax FILE
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "bench-util.h"

int
main (int argc, char **argv)
{
  const char *path = bench_single_arg (argc, argv, "FILE");
  BenchSaxCounts c;
  double t0 = bench_now ();
  char extra[256];

  bench_sax_loop (path, &c);
  g_snprintf (extra, sizeof extra, "elements=%" G_GUINT64_FORMAT " attributes=%" G_GUINT64_FORMAT
              " value_bytes=%" G_GUINT64_FORMAT " checksum=%" G_GUINT64_FORMAT,
              c.elements, c.attributes, c.value_bytes, c.checksum);
  bench_report ("sax", bench_now () - t0, bench_file_size (path), c.members, extra);
  return 0;
}
