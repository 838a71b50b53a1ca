/* libpbo — loading a large file on two threads (issue 18): libxml2 parses
 * on one, the tree is built on the other, with batches of recorded SAX2
 * events between them.
 *
 * The builder replays each event into the very handlers the one-thread
 * load uses (xml-sax.c), with the parser position recorded when libxml2
 * gave the event, so a tree built this way is the one the one-thread load
 * builds. Only well-behaved files take this path to the end: at the first
 * thing that is not plain format v1 (a parse error, a DOCTYPE, foreign
 * namespaces, text, a limit) or an error of the builder, the attempt is
 * dropped and the caller loads the file again on one thread, which gives
 * the exact error and its position. A bad file thus costs up to twice its
 * parse; a good one costs about the larger of the two halves.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#define _POSIX_C_SOURCE 200809L /* O_CLOEXEC */
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <libxml/parserInternals.h>
#include "xml-compat-private.h"
#include "xml-load-private.h"

/* Below this a file loads on one thread: a thread and its batches cost
 * more than they save, and small files keep the simplest path. */
#define PIPE_MIN_SIZE ((guint64) 8 << 20)
#define BATCH_SIZE ((gsize) 256 << 10)
#define N_BATCHES 4
typedef enum { EV_START = 1, EV_END } EventKind;

/* One SAX2 event; for a start, n_ns namespace pairs (dictionary pointers)
 * and n_attrs AttrRec follow, then the values' bytes. */
typedef struct {
  guint32        size;       /* bytes of the whole event, aligned */
  guint16        kind, n_ns;
  guint32        n_attrs;
  guint32        line, col;
  const xmlChar *localname, *prefix, *uri;
} Event;

typedef struct {
  const xmlChar *name;       /* dictionary pointer */
  guint32        len;
} AttrRec;

typedef struct {
  char  *data;
  gsize  used;
  gboolean last;             /* the parser's final batch */
  gboolean ok;               /* with last: the whole document was recorded */
} Batch;

typedef struct {
  xmlParserCtxtPtr ctxt;
  int              fd;
  const xmlChar   *pbo_ns;   /* dictionary pointer of format v1's namespace */
  gsize            pending_limit;
  Batch           *batch;    /* being filled */
  GAsyncQueue     *full, *empty;
  gint             builder_failed;  /* atomic: the parser stops */
  gboolean         give_up;          /* parser side: not for this path */
} Pipe;

/* ---- the parser's side ---------------------------------------------------- */

static gsize
align (gsize n)
{
  return (n + sizeof (gpointer) - 1) & ~(sizeof (gpointer) - 1);
}

static void
hand_over (Pipe *p, gboolean last, gboolean ok)
{
  p->batch->last = last;
  p->batch->ok = ok;
  g_async_queue_push (p->full, p->batch);
  p->batch = last ? NULL : g_async_queue_pop (p->empty);
  if (p->batch != NULL)
    p->batch->used = 0;
}

/* Room for @need bytes in the batch being filled (a new one if need be). */
static char *
room (Pipe *p, gsize need)
{
  if (need > BATCH_SIZE)
    return NULL;
  if (p->batch->used + need > BATCH_SIZE)
    hand_over (p, FALSE, FALSE);
  return p->batch->data + p->batch->used;
}

static void
give_up (Pipe *p)
{
  p->give_up = TRUE;
  pbo_xml_stop_parser_ (p->ctxt);
}

static gboolean
stopping (Pipe *p)
{
  if (!p->give_up && g_atomic_int_get (&p->builder_failed))
    give_up (p);
  return p->give_up;
}

static Event *
record (Pipe *p, EventKind kind, gsize size, const xmlChar *localname, const xmlChar *prefix,
        const xmlChar *uri)
{
  Event *e = (Event *) (gpointer) room (p, size);

  if (e == NULL)
    return NULL;
  e->size = (guint32) size;
  e->kind = (guint16) kind;
  e->n_ns = 0;
  e->n_attrs = 0;
  e->line = (guint32) MAX (p->ctxt->input->line, 1);
  e->col = (guint32) MAX (p->ctxt->input->col, 1);
  e->localname = localname;
  e->prefix = prefix;
  e->uri = uri;
  p->batch->used += size;
  return e;
}

/* Plain format v1 only: every element and declaration in its namespace,
 * unprefixed, and no qualified attribute. */
static gboolean
is_plain (const Pipe *p, const xmlChar *prefix, const xmlChar *uri, int n_ns,
          const xmlChar **namespaces, int n_attrs, const xmlChar **attrs)
{
  int i;

  if (prefix != NULL || uri != p->pbo_ns)
    return FALSE;
  for (i = 0; i < n_ns; i++)
    if (namespaces[2 * i] != NULL || namespaces[2 * i + 1] != p->pbo_ns)
      return FALSE;
  for (i = 0; i < n_attrs; i++)
    if (attrs[5 * i + 1] != NULL || attrs[5 * i + 2] != NULL)
      return FALSE;
  return TRUE;
}

static void
rec_start (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
           int n_ns, const xmlChar **namespaces, int n_attrs, int n_defaulted,
           const xmlChar **attrs)
{
  Pipe *p = ctx;
  gsize size = sizeof (Event) + (gsize) n_ns * 2 * sizeof (gpointer)
               + (gsize) n_attrs * sizeof (AttrRec), values = 0;
  const xmlChar **ns_out;
  AttrRec *a_out;
  char *v_out;
  Event *e;
  int i;

  if (stopping (p))
    return;
  if (n_defaulted != 0 || !is_plain (p, prefix, uri, n_ns, namespaces, n_attrs, attrs))
    {
      give_up (p);
      return;
    }
  for (i = 0; i < n_attrs; i++)
    values += (gsize) (attrs[5 * i + 4] - attrs[5 * i + 3]);
  e = record (p, EV_START, align (size + values), localname, prefix, uri);
  if (e == NULL)
    {
      give_up (p);
      return;
    }
  e->n_ns = (guint16) n_ns;
  e->n_attrs = (guint32) n_attrs;
  ns_out = (const xmlChar **) (gpointer) (e + 1);
  if (n_ns > 0)
    memcpy (ns_out, namespaces, (gsize) n_ns * 2 * sizeof (gpointer));
  a_out = (AttrRec *) (gpointer) (ns_out + 2 * n_ns);
  v_out = (char *) (a_out + n_attrs);
  for (i = 0; i < n_attrs; i++)
    {
      gsize len = (gsize) (attrs[5 * i + 4] - attrs[5 * i + 3]);

      a_out[i].name = attrs[5 * i];
      a_out[i].len = (guint32) len;
      memcpy (v_out, attrs[5 * i + 3], len);
      v_out += len;
    }
}

static void
rec_end (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  Pipe *p = ctx;

  if (!stopping (p) && record (p, EV_END, align (sizeof (Event)), localname, prefix, uri) == NULL)
    give_up (p);
}

/* Layout between elements means nothing to a tree; anything else is an
 * error the one-thread load reports. */
static void
rec_text (void *ctx, const xmlChar *text, int len)
{
  Pipe *p = ctx;

  if (!stopping (p) && !pbo_xml_is_blank_ ((const char *) text, (gsize) len))
    give_up (p);
}

static void
rec_doctype (void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id)
{
  Pipe *p = ctx;

  give_up (p);
  xmlStopParser (p->ctxt);
}

static void
rec_error (void *ctx, PboXmlError err)
{
  if (err != NULL && err->level >= XML_ERR_ERROR)
    give_up (ctx);
}

/* The parser thread: reads and parses the whole file, as feed() does. */
static gpointer
parse_thread (gpointer data)
{
  Pipe *p = data;
  char *block = g_malloc (PBO_XML_BLOCK);
  PboTagScan scan = { 0 };
  PboXmlQuiet quiet;
  gssize n = 0;   /* stopped before the first read: not an error */

  pbo_xml_quiet_begin_ (&quiet, rec_error, p);
  while (!stopping (p))
    {
      do
        n = read (p->fd, block, PBO_XML_BLOCK);
      while (n < 0 && errno == EINTR);
      if (n <= 0)
        break;
      if (pbo_tag_scan_ (&scan, block, (gsize) n, PBO_XML_MAX_ATTRIBUTES) < (gsize) n)
        give_up (p);
      else
        xmlParseChunk (p->ctxt, block, (int) n, 0);
      if (p->ctxt->input != NULL
          && (gsize) (p->ctxt->input->end - p->ctxt->input->cur) > p->pending_limit)
        give_up (p);
    }
  if (n < 0)
    give_up (p);
  if (!stopping (p))
    xmlParseChunk (p->ctxt, NULL, 0, 1);
  pbo_xml_quiet_end_ (&quiet);
  g_free (block);
  hand_over (p, TRUE, !p->give_up && p->ctxt->wellFormed);
  return NULL;
}

/* ---- the builder's side --------------------------------------------------- */

/* Replays one batch into @type's handlers; FALSE once the loader failed. */
static gboolean
replay (PboLoader *ld, const PboDocType *type, xmlParserInputPtr pos, const Batch *b)
{
  const xmlChar *attrs[5 * PBO_XML_MAX_ATTRIBUTES];
  gsize off = 0;

  while (off < b->used && ld->error == NULL)
    {
      const Event *e = (const Event *) (gconstpointer) (b->data + off);

      pos->line = (int) e->line;
      pos->col = (int) e->col;
      if (e->kind == EV_END)
        type->end (ld, e->localname, e->prefix, e->uri);
      else
        {
          const xmlChar **ns = (const xmlChar **) (gpointer) (e + 1);
          const AttrRec *a = (const AttrRec *) (gconstpointer) (ns + 2 * e->n_ns);
          const xmlChar *v = (const xmlChar *) (a + e->n_attrs);
          guint i;

          for (i = 0; i < e->n_attrs; i++)
            {
              attrs[5 * i] = a[i].name;
              attrs[5 * i + 1] = attrs[5 * i + 2] = NULL;
              attrs[5 * i + 3] = v;
              v += a[i].len;
              attrs[5 * i + 4] = v;
            }
          type->start (ld, e->localname, e->prefix, e->uri, e->n_ns, ns, (int) e->n_attrs, 0,
                       attrs);
        }
      off += e->size;
    }
  return ld->error == NULL;
}

/* Takes every batch until the parser's last (recycling each, so that the
 * parser never waits on a builder that has stopped); TRUE when the whole
 * document was recorded and replayed without an error. */
static gboolean
build (Pipe *p, PboLoader *ld, const PboDocType *type, xmlParserInputPtr pos)
{
  gboolean ok = TRUE;

  for (;;)
    {
      Batch *b = g_async_queue_pop (p->full);
      gboolean last = b->last;

      if (ok && !replay (ld, type, pos, b))
        {
          ok = FALSE;
          g_atomic_int_set (&p->builder_failed, 1);
        }
      if (last)
        {
          ok = ok && b->ok;
          g_async_queue_push (p->empty, b);
          return ok;
        }
      g_async_queue_push (p->empty, b);
    }
}

static gboolean
wanted (int fd, const PboLoadOptions *options)
{
  const char *env = g_getenv ("PBO_LOAD_THREADS");
  struct stat st;

  if (options != NULL
      && (options->progress != NULL || (options->flags & PBO_LOAD_VALIDATE_SCHEMA)))
    return FALSE;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  if (options != NULL && options->max_size > 0 && (guint64) st.st_size > options->max_size)
    return FALSE;
  /* PBO_LOAD_THREADS=1: always one thread; =2: two, whatever the size
   * (the tests run small files both ways). */
  if (env != NULL)
    return strcmp (env, "2") == 0;
  return (guint64) st.st_size >= PIPE_MIN_SIZE && g_get_num_processors () >= 2;
}

static void
free_batches (GAsyncQueue *q)
{
  Batch *b;

  while ((b = g_async_queue_try_pop (q)) != NULL)
    {
      g_free (b->data);
      g_free (b);
    }
  g_async_queue_unref (q);
}

/* Loads @path, open as @fd, on two threads into @ld (initialised, with a
 * tree and a name); FALSE when it did not (the caller then loads the file
 * on one thread from the start). */
static gboolean
run (PboLoader *ld, int fd)
{
  static const xmlSAXHandler blank;
  xmlSAXHandler sax = blank;
  xmlParserCtxt fake;
  xmlParserInput pos;
  Pipe p = { 0 };
  GThread *thread;
  gboolean ok;
  guint i;

  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = rec_start;
  sax.endElementNs = rec_end;
  sax.characters = sax.cdataBlock = sax.ignorableWhitespace = rec_text;
  sax.internalSubset = sax.externalSubset = rec_doctype;
  sax.serror = rec_error;
  p.fd = fd;
  p.pending_limit = pbo_loader_pending_limit_ (ld);
  p.ctxt = xmlCreatePushParserCtxt (&sax, &p, NULL, 0, NULL);
  if (p.ctxt == NULL)
    return FALSE;
  xmlCtxtUseOptions (p.ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  pbo_loader_bind_ (ld, p.ctxt);
  p.pbo_ns = ld->names[PBO_N_NS];
  /* The handlers read the position, and stop "the parser" on an error,
   * through ld->ctxt: a context of their own, never the parser's. */
  memset (&fake, 0, sizeof fake);
  memset (&pos, 0, sizeof pos);
  fake.input = &pos;
  fake.dict = p.ctxt->dict;
  ld->ctxt = &fake;
  p.full = g_async_queue_new ();
  p.empty = g_async_queue_new ();
  for (i = 0; i < N_BATCHES; i++)
    {
      Batch *b = g_new0 (Batch, 1);
      b->data = g_malloc (BATCH_SIZE);
      g_async_queue_push (p.empty, b);
    }
  p.batch = g_async_queue_pop (p.empty);
  thread = g_thread_new ("pbo-parse", parse_thread, &p);
  ok = build (&p, ld, &pbo_tree_document_, &pos);
  g_thread_join (thread);
  ok = ok && ld->seen_root && pbo_tree_document_.finish (ld);
  ld->ctxt = NULL;
  if (p.ctxt->myDoc != NULL)
    xmlFreeDoc (p.ctxt->myDoc);
  xmlFreeParserCtxt (p.ctxt);
  free_batches (p.full);
  free_batches (p.empty);
  return ok;
}

/* Trees built the whole way on two threads, for the tests. */
static gint n_built;

guint
pbo_xml_pipe_n_built_ (void)
{
  return (guint) g_atomic_int_get (&n_built);
}

PboTree *
pbo_xml_pipe_load_ (const char *path, const PboLoadOptions *options)
{
  PboTree *tree = NULL;
  PboLoader ld;
  struct stat st;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return NULL;
  if (!wanted (fd, options) || fstat (fd, &st) != 0)
    {
      close (fd);
      return NULL;
    }
  xmlInitParser ();
  pbo_loader_init_ (&ld, options);
  ld.tree = pbo_tree_new ();
  ld.name = ld.name_shown = g_filename_display_name (path);
  pbo_tree_index_reserve_ (ld.tree, (guint64) st.st_size / PBO_XML_BYTES_PER_ID);
  if (run (&ld, fd))
    {
      tree = g_steal_pointer (&ld.tree);
      g_atomic_int_inc (&n_built);
    }
  pbo_loader_clear_ (&ld);
  close (fd);
  return tree;
}
