/* libpbo — loading format v1: the streaming driver. Files, descriptors and
 * memory all go the same way: 64 KiB blocks into libxml2's push parser,
 * whose SAX2 events (xml-sax.c) build the tree directly.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#define _POSIX_C_SOURCE 200809L /* O_CLOEXEC, fchmod, fsync */
#include "config.h"
#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <libxml/parserInternals.h>
#include "error-private.h"
#include "xml-compat-private.h"
#include "xml-load-private.h"

/* libxml2 holds back an unfinished tag, comment or text run until its end
 * arrives; beyond this many bytes (or 256 × max_text if larger) the input
 * is refused rather than buffered, so a hostile 12 MB attribute costs at
 * most this much memory. */
#define MIN_PENDING_LIMIT (1024 * 1024)

/* ---- errors ---------------------------------------------------------- */

void
pbo_loader_position_ (const PboLoader *ld, guint *line, guint *column)
{
  const xmlParserInput *in = ld->ctxt != NULL ? ld->ctxt->input : NULL;

  *line = in != NULL && in->line > 0 ? (guint) in->line : 1;
  *column = in != NULL && in->col > 0 ? (guint) in->col : 1;
}

static void
fail_va (PboLoader *ld, guint line, guint column, int code, const char *format, va_list ap)
{
  char *body;

  if (ld->error != NULL)
    return;
  body = g_strdup_vprintf (_(format), ap);
  ld->error = pbo_error_new_at_ (code, ld->name, line, column, body);
  g_free (body);
  if (ld->ctxt != NULL)
    pbo_xml_stop_parser_ (ld->ctxt);
}

void
pbo_loader_fail_at_ (PboLoader *ld, guint line, guint column, int code, const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  fail_va (ld, line, column, code, format, ap);
  va_end (ap);
}

void
pbo_loader_fail_ (PboLoader *ld, int code, const char *format, ...)
{
  va_list ap;
  guint line, column;

  pbo_loader_position_ (ld, &line, &column);
  va_start (ap, format);
  fail_va (ld, line, column, code, format, ap);
  va_end (ap);
}

/* libxml2's messages end with a newline, sometimes hold a second line
 * ("Bytes: 0xFF …") and start with a capital: make them one line that
 * reads like the others. */
static char *
clean_message (const PboLoader *ld, const xmlError *err)
{
  const char *bytes;
  GString *s;
  gsize i;

  /* Without a root element libxml2 speaks of an empty document or of extra
   * content, whatever the input was. */
  if ((err->code == XML_ERR_DOCUMENT_EMPTY || err->code == XML_ERR_DOCUMENT_END)
      && !ld->seen_root)
    return g_strdup (ld->fed == 0 ? "the file is empty" : "not an XML document (no root element)");
  if (err->code == XML_ERR_DOCUMENT_END)
    return g_strdup ("extra content after the root element");
  if (err->message != NULL && g_str_has_prefix (err->message, "Input is not proper UTF-8")
      && (bytes = strstr (err->message, "Bytes: ")) != NULL)
    return g_strdup_printf ("not valid UTF-8 (bytes %.*s)", (int) strcspn (bytes + 7, "\n"),
                            bytes + 7);
  s = g_string_new (err->message != NULL ? err->message : "not well-formed");
  for (i = 0; i < s->len; i++)
    if (s->str[i] == '\n')
      s->str[i] = ';';
  while (s->len > 0 && (s->str[s->len - 1] == ';' || s->str[s->len - 1] == ' '))
    g_string_truncate (s, s->len - 1);
  for (i = 0; i + 1 < s->len; i++)
    if (s->str[i] == ';' && s->str[i + 1] != ' ')
      g_string_insert_c (s, i + 1, ' ');
  if (s->len > 1 && g_ascii_isupper (s->str[0]) && g_ascii_islower (s->str[1]))
    s->str[0] = g_ascii_tolower (s->str[0]);
  return g_string_free (s, FALSE);
}

/* Every libxml2 report of this load ends here: the context's own handler
 * and, before libxml2 2.13, this thread's (pbo_xml_quiet_begin_()).
 * Nothing reaches stderr. */
static void
on_parser_error (void *data, PboXmlError err)
{
  PboLoader *ld = data;
  guint line, column;
  char *msg;

  if (err == NULL || err->level < XML_ERR_ERROR || ld->error != NULL)
    return;
  pbo_loader_position_ (ld, &line, &column);
  if (err->line > 0)
    {
      line = (guint) err->line;
      column = err->int2 > 0 ? (guint) err->int2 : 1;
    }
  msg = clean_message (ld, err);
  pbo_loader_fail_at_ (ld, line, column, PBO_ERROR_PARSE, "%s", msg);
  g_free (msg);
}

/* ---- sources ----------------------------------------------------------- */

/* Where the bytes come from: memory, or a descriptor read block by block. */
typedef struct {
  const char *data;     /* memory input */
  gsize       length;
  int         fd;       /* descriptor input, or -1 */
  char       *block;
  guint64     done;
  guint64     total;    /* 0 when unknown */
  GByteArray *copy;     /* descriptor input kept for the schema pass */
} Source;

/* Returns the size of the next block (0 at the end), or -1 on error. */
static gssize
source_next (Source *src, const char **chunk, const char *name, GError **error)
{
  gssize n;

  if (src->fd < 0)
    {
      n = (gssize) MIN ((guint64) PBO_XML_BLOCK, src->length - src->done);
      *chunk = src->data + src->done;
    }
  else
    {
      do
        n = read (src->fd, src->block, PBO_XML_BLOCK);
      while (n < 0 && errno == EINTR);
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, PBO_ERROR, PBO_ERROR_IO, _("%s: cannot read: %s"), name,
                       g_strerror (saved));
          return -1;
        }
      *chunk = src->block;
      if (src->copy != NULL)
        g_byte_array_append (src->copy, (const guint8 *) src->block, (guint) n);
    }
  src->done += (guint64) n;
  return n;
}

/* The bytes left to read from a regular file, or 0 when unknown. */
static guint64
fd_remaining (int fd)
{
  struct stat st;
  off_t pos;

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    return 0;
  pos = lseek (fd, 0, SEEK_CUR);
  return pos >= 0 && pos < st.st_size ? (guint64) (st.st_size - pos) : 0;
}

/* ---- the end of the document ------------------------------------------------ */

/* Applies @ref; when it cannot be (yet), reports why if @report. */
static gboolean
resolve_ref (PboLoader *ld, const PboRef *ref, gboolean report)
{
  const char *member_id = ld->ref_ids->str + ref->id_at;
  PboMember *m = pbo_tree_lookup_member (ld->tree, member_id);
  GError *local = NULL;
  gboolean ok;

  if (m == NULL)
    {
      if (report)
        pbo_loader_fail_at_ (ld, ref->line, ref->column, PBO_ERROR_UNKNOWN_ID,
                             "%s of org “%s”: %s “%s”", ref->meeting < 0 ? _("officer") : _("absent"),
                             ref->org->id,
                             pbo_tree_has_id (ld->tree, member_id)
                               ? _("not a member but an org:") : _("no member has the id"),
                             member_id);
      return FALSE;
    }
  if (ref->meeting < 0)
    /* (The internal insertion: the journal, read before the document's
     * end, would make the builder refuse.) */
    ok = pbo_org_insert_officer_ (ref->org, pbo_org_get_n_officers (ref->org), (PboRole) ref->role,
                                  m, ref->since, report ? &local : NULL);
  else
    ok = pbo_org_add_meeting_absent_ (ld->tree, ref->org, (guint) ref->meeting, m,
                                      report ? &local : NULL);
  if (!ok && report)
    {
      pbo_loader_fail_at_ (ld, ref->line, ref->column, local->code, "%s", local->message);
      g_error_free (local);
    }
  return ok;
}

/* An org's own references (its officers come first in an <org>, its
 * meetings last) are resolved when it ends, its subtree's members all
 * known: the loader then holds the references of the open orgs, not the
 * document's (21 million of them, 1.1 GB, in the national tree). One that
 * does not resolve yet (an absent member who appears further on, or an
 * error) waits for the document's end with the org's later ones, so each
 * org's officers and absences keep their order, and the first error is
 * still the first in document order — but for a member named in more
 * than 255 offices, whose error may point at another of them (docs/format.md
 * §6). The waiting ones and their ids are moved down over the resolved
 * ones. */
void
pbo_loader_settle_refs_ (PboLoader *ld, PboOrg *org, guint first)
{
  GString *ids = ld->ref_ids;
  gboolean org_waits = FALSE;
  guint i, kept = first;
  gsize at;

  if (first == ld->refs->len)
    return;
  at = g_array_index (ld->refs, PboRef, first).id_at;
  for (i = first; i < ld->refs->len; i++)
    {
      PboRef ref = g_array_index (ld->refs, PboRef, i);
      gsize len;

      if (ref.org == org && !org_waits && resolve_ref (ld, &ref, FALSE))
        continue;
      org_waits |= ref.org == org;
      len = strlen (ids->str + ref.id_at) + 1;
      memmove (ids->str + at, ids->str + ref.id_at, len);
      ref.id_at = at;
      at += len;
      g_array_index (ld->refs, PboRef, kept++) = ref;
    }
  g_array_set_size (ld->refs, kept);
  g_string_truncate (ids, at);
}

/* Resolves the references still waiting once the document has ended. */
gboolean
pbo_loader_finish_tree_ (PboLoader *ld)
{
  guint i;

  for (i = 0; i < ld->refs->len; i++)
    if (!resolve_ref (ld, &g_array_index (ld->refs, PboRef, i), TRUE))
      return FALSE;
  if (ld->doc_decls->len + ld->doc_attrs->len > 0)
    ld->tree->foreign.attrs = g_strconcat (ld->doc_decls->str, ld->doc_attrs->str, NULL);
  return TRUE;
}

/* ---- what every document refuses ------------------------------------------ */

/* Format v1 has no document type: refusing it here, before the internal
 * subset is read, means no entity is ever declared, expanded or fetched.
 * The parser is halted outright (libxml2 checks for that right after this
 * callback), since it would otherwise read the internal subset's entity
 * declarations into a document of its own. */
static void
on_doctype (void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id)
{
  PboLoader *ld = ctx;

  if (ld->error == NULL)
    pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "DOCTYPE is not allowed (format v1 has none)");
  xmlStopParser (ld->ctxt);
}

static void
init_sax (xmlSAXHandler *sax, const PboDocType *type)
{
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = type->start;
  sax->endElementNs = type->end;
  sax->characters = type->text;
  sax->cdataBlock = type->text;
  sax->ignorableWhitespace = type->text;
  sax->internalSubset = on_doctype;
  sax->externalSubset = on_doctype;
  sax->serror = on_parser_error;
}

/* ---- the driver ---------------------------------------------------------- */

static gpointer
init_libxml (gpointer unused)
{
  xmlInitParser ();
  return NULL;
}

typedef struct {
  PboLoadFlags flags;
  PboProgress  progress;
  guint64      max_size;
  gsize        pending_limit;
} Limits;

/* Gives @n bytes to the parser, unless a start tag in them has too many
 * attributes: then only the bytes before it (the parser waits for the
 * tag's end, so its position is the tag's) and the error. */
static void
feed_block (PboLoader *ld, PboTagScan *scan, const char *chunk, gsize n)
{
  gsize ok = pbo_tag_scan_ (scan, chunk, n, PBO_XML_MAX_ATTRIBUTES);

  ld->fed += (guint64) ok;
  if (ok > 0)
    xmlParseChunk (ld->ctxt, chunk, (int) ok, 0);
  if (ok < n)
    pbo_loader_fail_ (ld, PBO_ERROR_LIMIT,
                      "a start tag has more than %u attributes and namespace declarations",
                      PBO_XML_MAX_ATTRIBUTES);
}

/* Feeds the whole source to the parser; FALSE with ld->error or @error set. */
static gboolean
feed (PboLoader *ld, Source *src, const Limits *lim, PboProgress *progress, GError **error)
{
  xmlParserCtxtPtr ctxt = ld->ctxt;
  PboTagScan scan = { 0 };
  const char *chunk;
  gssize n;

  if (lim->max_size > 0 && src->total > lim->max_size)
    {
      pbo_loader_fail_at_ (ld, 1, 1, PBO_ERROR_LIMIT,
                           "the input is %" PRIu64 " bytes, more than the limit of %" PRIu64, src->total, lim->max_size);
      return FALSE;
    }
  while ((n = source_next (src, &chunk, ld->name, error)) > 0)
    {
      if (lim->max_size > 0 && src->done > lim->max_size)
        pbo_loader_fail_ (ld, PBO_ERROR_LIMIT, "the input is larger than the limit of %" PRIu64 " bytes",
                          lim->max_size);
      else
        feed_block (ld, &scan, chunk, (gsize) n);
      if (ld->error == NULL && ctxt->input != NULL
          && (gsize) (ctxt->input->end - ctxt->input->cur) > lim->pending_limit)
        pbo_loader_fail_ (ld, PBO_ERROR_LIMIT,
                          "a tag, comment or text runs longer than %zu bytes",
                          lim->pending_limit);
      if (ld->error != NULL)
        return FALSE;
      pbo_progress_update_ (progress, src->done);
    }
  if (n < 0)
    return FALSE;
  xmlParseChunk (ctxt, NULL, 0, 1);
  if (ld->error == NULL && (!ctxt->wellFormed || !ld->seen_root))
    pbo_loader_fail_ (ld, PBO_ERROR_PARSE, "not a well-formed XML document");
  return ld->error == NULL;
}

gsize
pbo_loader_pending_limit_ (const PboLoader *ld)
{
  return MAX ((gsize) MIN_PENDING_LIMIT, 256 * MIN (ld->max_text, G_MAXSIZE / 512));
}

/* Parses @src as a document of @type into @ld (initialised, named); @path
 * (a file) or the source's bytes serve the schema pass when it is asked
 * for. FALSE with @error set on failure. */
static gboolean
parse (PboLoader *ld, const PboDocType *type, Source *src, const char *path,
       const PboLoadOptions *options, GError **error)
{
  static GOnce once = G_ONCE_INIT;
  PboXmlQuiet quiet;
  xmlSAXHandler sax;
  Limits lim;
  gboolean ok;

  g_once (&once, init_libxml, NULL);
  lim.flags = options != NULL ? options->flags : PBO_LOAD_NONE;
  lim.max_size = options != NULL ? options->max_size : 0;
  lim.pending_limit = pbo_loader_pending_limit_ (ld);
  pbo_progress_init_ (&lim.progress, options != NULL ? options->progress : NULL,
                      options != NULL ? options->progress_data : NULL, src->total);
  /* Reserving spares the id index its doublings, each a pass over every
   * id: pbo-gen's files have ≈ 190 bytes per id, real ones more (a file
   * denser than 180 bytes per id grows the index once at most). */
  if (ld->tree != NULL)
    pbo_tree_index_reserve_ (ld->tree, src->total / PBO_XML_BYTES_PER_ID);
  if ((lim.flags & PBO_LOAD_VALIDATE_SCHEMA) && src->fd >= 0 && path == NULL)
    src->copy = g_byte_array_new ();

  init_sax (&sax, type);
  pbo_xml_quiet_begin_ (&quiet, on_parser_error, ld);
  ld->ctxt = xmlCreatePushParserCtxt (&sax, ld, NULL, 0, NULL);
  if (ld->ctxt == NULL)
    {
      pbo_xml_quiet_end_ (&quiet);
      g_set_error (error, PBO_ERROR, PBO_ERROR_FAILED, _("%s: cannot create an XML parser"),
                   ld->name);
      return FALSE;
    }
  /* Never NOENT (entity expansion), DTDLOAD, DTDATTR or HUGE. */
  xmlCtxtUseOptions (ld->ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  pbo_loader_bind_ (ld, ld->ctxt);

  ok = feed (ld, src, &lim, &lim.progress, error) && type->finish (ld);
  /* libxml2 may build a document for itself even in SAX mode (entity
   * declarations "for expat compatibility"); the context does not free it. */
  if (ld->ctxt->myDoc != NULL)
    xmlFreeDoc (ld->ctxt->myDoc);
  xmlFreeParserCtxt (ld->ctxt);
  ld->ctxt = NULL;
  pbo_xml_quiet_end_ (&quiet);

  if (ok && (lim.flags & PBO_LOAD_VALIDATE_SCHEMA))
    ok = src->copy != NULL
           ? pbo_xml_validate_schema_ (NULL, (const char *) src->copy->data, src->copy->len,
                                       ld->name, error)
           : pbo_xml_validate_schema_ (path, src->data, src->length, ld->name, error);
  if (ok)
    pbo_progress_finish_ (&lim.progress, src->done);
  else if (ld->error != NULL)
    g_propagate_error (error, g_steal_pointer (&ld->error));
  if (src->copy != NULL)
    g_byte_array_unref (src->copy);
  return ok;
}

static gboolean
parse_fd (PboLoader *ld, const PboDocType *type, int fd, const char *path,
          const PboLoadOptions *options, GError **error)
{
  Source src = { 0 };
  gboolean ok;

  src.fd = fd;
  src.total = fd_remaining (fd);
  src.block = g_malloc (PBO_XML_BLOCK);
  ok = parse (ld, type, &src, path, options, error);
  g_free (src.block);
  return ok;
}

/* The name of an input without a path in messages. */
static const char *
input_name (PboLoader *ld, const PboLoadOptions *options, const char *fallback)
{
  if (options != NULL && options->filename != NULL)
    return options->filename;
  g_strlcpy (ld->name_buf, fallback, sizeof ld->name_buf);
  return ld->name_buf;
}

gboolean
pbo_loader_read_file_ (PboLoader *ld, const PboDocType *type, const char *path,
                       const PboLoadOptions *options, GError **error)
{
  struct stat st;
  gboolean ok;
  int fd;

  /* A message must be UTF-8, and a path need not be. */
  ld->name = ld->name_shown = g_filename_display_name (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0 || S_ISDIR (st.st_mode))
    {
      int saved = fd < 0 ? errno : EISDIR;
      g_set_error (error, PBO_ERROR, PBO_ERROR_IO, _("%s: cannot read: %s"), ld->name,
                   g_strerror (saved));
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  ok = parse_fd (ld, type, fd, path, options, error);
  close (fd);
  return ok;
}

gboolean
pbo_loader_read_fd_ (PboLoader *ld, const PboDocType *type, int fd,
                     const PboLoadOptions *options, GError **error)
{
  char fallback[32];

  g_snprintf (fallback, sizeof fallback, "<fd %d>", fd);
  ld->name = input_name (ld, options, fallback);
  return parse_fd (ld, type, fd, NULL, options, error);
}

gboolean
pbo_loader_read_data_ (PboLoader *ld, const PboDocType *type, const char *data, gsize length,
                       const PboLoadOptions *options, GError **error)
{
  Source src = { 0 };

  ld->name = input_name (ld, options, "<memory>");
  src.data = data != NULL ? data : "";
  src.length = length;
  src.fd = -1;
  src.total = length;
  return parse (ld, type, &src, NULL, options, error);
}

/* ---- trees ----------------------------------------------------------------- */


/* How each public loader reads its input. */
typedef enum { FROM_FILE, FROM_FD, FROM_DATA } From;

static PboTree *
load_tree (From from, const char *path, int fd, const char *data, gsize length,
           const PboLoadOptions *options, GError **error)
{
  const PboDocType *type = &pbo_tree_document_;
  PboLoader ld;
  PboTree *tree = NULL;
  gboolean ok;

  g_return_val_if_fail (options == NULL || options->version >= 1, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  /* A large file on two threads; on any trouble, the one-thread load
   * below reads it again and says what is wrong. */
  if (from == FROM_FILE && (tree = pbo_xml_pipe_load_ (path, options)) != NULL)
    return tree;
  pbo_loader_init_ (&ld, options);
  ld.tree = pbo_tree_new ();
  switch (from)
    {
    case FROM_FILE: ok = pbo_loader_read_file_ (&ld, type, path, options, error); break;
    case FROM_FD: ok = pbo_loader_read_fd_ (&ld, type, fd, options, error); break;
    case FROM_DATA:
    default:
      ok = pbo_loader_read_data_ (&ld, type, data, length, options, error);
      break;
    }
  if (ok)
    tree = g_steal_pointer (&ld.tree);
  pbo_loader_clear_ (&ld);
  return tree;
}

PboTree *
pbo_xml_load_file (const char *path, const PboLoadOptions *options, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return load_tree (FROM_FILE, path, -1, NULL, 0, options, error);
}

PboTree *
pbo_xml_load_fd (int fd, const PboLoadOptions *options, GError **error)
{
  g_return_val_if_fail (fd >= 0, NULL);
  return load_tree (FROM_FD, NULL, fd, NULL, 0, options, error);
}

PboTree *
pbo_xml_load_data (const char *data, gsize length, const PboLoadOptions *options, GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  return load_tree (FROM_DATA, NULL, -1, data, length, options, error);
}

/* ---- progress --------------------------------------------------------------- */

void
pbo_progress_init_ (PboProgress *p, PboProgressFunc func, gpointer data, guint64 total)
{
  p->func = func;
  p->data = data;
  p->total = total;
  p->step = total > 0 ? MAX (total / 100, 1) : 1024 * 1024;
  p->next = p->step;
}

void
pbo_progress_update_ (PboProgress *p, guint64 done)
{
  if (p->func == NULL || done < p->next || (p->total > 0 && done >= p->total))
    return;
  p->func (done, p->total, p->data);
  /* Without a total, the steps grow with the work done: about a hundred
   * calls cover a thousandfold range of sizes. */
  p->next = done + (p->total > 0 ? p->step : MAX (p->step, done / 16));
}

void
pbo_progress_finish_ (PboProgress *p, guint64 done)
{
  if (p->func != NULL)
    p->func (done, done, p->data);
}
