/* libpbo — what differs between the libxml2 releases libpbo builds with
 * (2.9.10 to 2.14 and later), in one place.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_XML_COMPAT_PRIVATE_H
#define PBO_XML_COMPAT_PRIVATE_H

#include <libxml/xmlversion.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>

/* The same minimum as libxml_min in meson.build: a build that finds an older
 * libxml2 by other means than pkg-config is refused here, not at run time. */
#if LIBXML_VERSION < 20910
#error "libpbo needs libxml2 2.9.10 or later"
#endif

/* 2.12 made the report handed to a structured error handler const
 * (xmlStructuredErrorFunc takes const xmlError *); GCC 14 refuses a handler
 * of the other type. Handlers take a PboXmlError and fit either. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *PboXmlError;
#else
typedef xmlErrorPtr PboXmlError;
#endif

/* Before 2.13 a few reports were made without a parser context (encoding
 * conversion, the documents RELAX NG reads for itself) and went to the
 * thread's structured handler, i.e. to stderr: the handler is swapped for
 * the duration of a load and restored after. From 2.13 every report goes
 * to the context's own handler, and the thread's is left alone. */
typedef struct {
#if LIBXML_VERSION < 21300
  xmlStructuredErrorFunc saved_handler;
  void                  *saved_data;
#else
  int                    unused;
#endif
} PboXmlQuiet;

static inline void
pbo_xml_quiet_begin_ (PboXmlQuiet *q, xmlStructuredErrorFunc handler, void *data)
{
#if LIBXML_VERSION < 21300
  q->saved_handler = xmlStructuredError;
  q->saved_data = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (data, handler);
#else
  (void) q; (void) handler; (void) data;
#endif
}

static inline void
pbo_xml_quiet_end_ (PboXmlQuiet *q)
{
#if LIBXML_VERSION < 21300
  xmlSetStructuredErrorFunc (q->saved_data, q->saved_handler);
#else
  (void) q;
#endif
}

/* Stops a push parser from inside one of its callbacks. xmlStopParser()
 * freed the input under the parser's feet before 2.13; there, without SAX
 * events, the rest of the current block is skimmed and the driver feeds no
 * more. From 2.13 it only marks the parser stopped (and disableSAX is
 * deprecated in 2.14). */
static inline void
pbo_xml_stop_parser_ (xmlParserCtxtPtr ctxt)
{
#if LIBXML_VERSION >= 21300
  xmlStopParser (ctxt);
#else
  ctxt->disableSAX = 1;
#endif
}

#endif
