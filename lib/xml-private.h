/* libpbo — private parts shared by the XML loader and writer.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_XML_PRIVATE_H
#define PBO_XML_PRIVATE_H

#include "tree-private.h"

G_BEGIN_DECLS

/* The namespace of format v1 and the one version this library reads. */
#define PBO_XML_NS "urn:libpbo:1"
#define PBO_XML_VERSION "1"
/* Written when the tree uses what 1.0 cannot read (meeting ids). */
#define PBO_XML_VERSION_1_1 "1.1"

/* The longest undo data of a journal entry that is saved (docs/format.md
 * §14): well inside the loader's bound on one start tag (1 MiB), so every
 * saved entry loads again; an entry whose undo data is longer (a merge of
 * thousands of members) is saved as history, without it. */
#define PBO_XML_UNDO_MAX (256 * 1024)

/* Input is fed to the parser and output flushed in blocks of this size. */
#define PBO_XML_BLOCK (64 * 1024)

/* Appends @len bytes of @s to @out with the markup characters escaped;
 * @in_attr also escapes '"' and TAB, and (always) LF and CR are written as
 * character references, so that any text stays on one line and reads back
 * exactly. */
void pbo_xml_escape_ (GString *out, const char *s, gsize len, gboolean in_attr);

/* Calls @func at most about a hundred times over a long job, then once at
 * the end with done == total when the total is known. */
typedef struct {
  PboProgressFunc func;
  gpointer        data;
  guint64         total;   /* 0: unknown */
  guint64         next;    /* report when done reaches this */
  guint64         step;
} PboProgress;

void pbo_progress_init_   (PboProgress *p, PboProgressFunc func, gpointer data, guint64 total);
void pbo_progress_update_ (PboProgress *p, guint64 done);
void pbo_progress_finish_ (PboProgress *p, guint64 done);

/* Validates a document against the RELAX NG schema of format v1 (a second
 * opinion after a successful load): from @path, or from @data when @path is
 * NULL. @name is used in messages. */
gboolean pbo_xml_validate_schema_ (const char *path, const char *data, gsize length,
                                   const char *name, GError **error);

G_END_DECLS

#endif /* PBO_XML_PRIVATE_H */
