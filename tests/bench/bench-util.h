/* Helpers shared by the bench programs: timing, peak memory, result lines,
 * and a SAX2 push-parser driver.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef BENCH_UTIL_H
#define BENCH_UTIL_H

#include <glib.h>
#include <libxml/parser.h>

/* Seconds on CLOCK_MONOTONIC. */
double   bench_now          (void);
/* Peak resident set of this process in KiB (VmHWM, or getrusage). */
guint64  bench_peak_rss_kb  (void);
/* Current resident set in KiB (VmRSS). */
guint64  bench_rss_kb       (void);
/* Size of @path in bytes, or exits with a message. */
guint64  bench_file_size    (const char *path);

/* Prints one result line that run.sh parses:
 *   BENCH name=NAME secs=S bytes=B members=N rss_kb=K [extra]
 * @bytes and @members may be 0 when they do not apply; @extra (nullable)
 * is appended verbatim ("key=value ..."). */
void     bench_report       (const char *name, double secs, guint64 bytes, guint64 members,
                             const char *extra);

/* Parses @path with libxml2's SAX2 push parser in 256 KiB chunks, calling
 * @sax's handlers with @user_data. No network, no entity expansion. Exits
 * with a message if the document is not well-formed. */
void     bench_sax_parse_file (const char *path, xmlSAXHandler *sax, void *user_data);

/* The bare SAX2 loop of DESIGN §7 (bench-sax, and bench-load's baseline in
 * the same process): a startElementNs handler that reads every byte of
 * every attribute value and builds nothing. */
typedef struct {
  guint64 elements, members, attributes, value_bytes, checksum;
} BenchSaxCounts;
void     bench_sax_loop     (const char *path, BenchSaxCounts *counts);

/* Usage check shared by the programs taking one FILE argument. */
const char *bench_single_arg (int argc, char **argv, const char *usage);

#endif
