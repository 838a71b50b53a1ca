/* Helpers shared by the bench programs.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#define _POSIX_C_SOURCE 200809L
#include "bench-util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/stat.h>

double
bench_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* Reads a "Key:   1234 kB" line of /proc/self/status; 0 if absent. */
static guint64
proc_status_kb (const char *key)
{
  char line[256];
  size_t klen = strlen (key);
  guint64 kb = 0;
  FILE *f = fopen ("/proc/self/status", "r");

  if (f == NULL)
    return 0;
  while (fgets (line, sizeof line, f) != NULL)
    if (strncmp (line, key, klen) == 0 && line[klen] == ':')
      {
        kb = g_ascii_strtoull (line + klen + 1, NULL, 10);
        break;
      }
  fclose (f);
  return kb;
}

guint64
bench_peak_rss_kb (void)
{
  struct rusage ru;
  guint64 kb = proc_status_kb ("VmHWM");

  if (kb == 0 && getrusage (RUSAGE_SELF, &ru) == 0)
    kb = (guint64) ru.ru_maxrss;
  return kb;
}

guint64
bench_rss_kb (void)
{
  return proc_status_kb ("VmRSS");
}

guint64
bench_file_size (const char *path)
{
  struct stat st;

  if (stat (path, &st) != 0)
    {
      perror (path);
      exit (2);
    }
  return (guint64) st.st_size;
}

void
bench_report (const char *name, double secs, guint64 bytes, guint64 members, const char *extra)
{
  printf ("BENCH name=%s secs=%.6f bytes=%" G_GUINT64_FORMAT " members=%" G_GUINT64_FORMAT
          " rss_kb=%" G_GUINT64_FORMAT "%s%s\n",
          name, secs, bytes, members, bench_peak_rss_kb (), extra ? " " : "", extra ? extra : "");
  fflush (stdout);
}

void
bench_sax_parse_file (const char *path, xmlSAXHandler *sax, void *user_data)
{
  enum { CHUNK = 256 * 1024 };
  char *buf = g_malloc (CHUNK);
  FILE *f = fopen (path, "rb");
  xmlParserCtxtPtr ctxt;
  size_t n;
  int failed = 0;

  if (f == NULL)
    {
      perror (path);
      exit (2);
    }
  n = fread (buf, 1, 4, f);
  ctxt = xmlCreatePushParserCtxt (sax, user_data, buf, (int) n, path);
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_HUGE);
  while (!failed && (n = fread (buf, 1, CHUNK, f)) > 0)
    failed = xmlParseChunk (ctxt, buf, (int) n, 0) != 0;
  if (!failed)
    failed = xmlParseChunk (ctxt, NULL, 0, 1) != 0;
  if (failed || !ctxt->wellFormed)
    {
      fprintf (stderr, "%s: not well-formed (line %d)\n", path, xmlSAX2GetLineNumber (ctxt));
      exit (2);
    }
  xmlFreeDoc (ctxt->myDoc);
  xmlFreeParserCtxt (ctxt);
  fclose (f);
  g_free (buf);
}

static void
count_element (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
               int n_namespaces, const xmlChar **namespaces, int n_attributes, int n_defaulted,
               const xmlChar **attributes)
{
  BenchSaxCounts *c = ctx;
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

void
bench_sax_loop (const char *path, BenchSaxCounts *counts)
{
  xmlSAXHandler sax;

  memset (counts, 0, sizeof *counts);
  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = count_element;
  bench_sax_parse_file (path, &sax, counts);
}

const char *
bench_single_arg (int argc, char **argv, const char *usage)
{
  if (argc != 2 || argv[1][0] == '-')
    {
      fprintf (stderr, "usage: %s %s\n", argv[0], usage);
      exit (2);
    }
  return argv[1];
}
