/* libpbo — the loader's handling of attribute values and of foreign content:
 * attributes and elements of other namespaces, serialized as the writer
 * will write them back.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "xml-load-private.h"

gboolean
pbo_loader_is_pbo_ns_ (const PboLoader *ld, const xmlChar *uri)
{
  return uri == ld->names[PBO_N_NS] || (uri != NULL && xmlStrEqual (uri, ld->names[PBO_N_NS]));
}

static void
append_qname (GString *out, const xmlChar *prefix, const xmlChar *local)
{
  if (prefix != NULL)
    {
      g_string_append (out, (const char *) prefix);
      g_string_append_c (out, ':');
    }
  g_string_append (out, (const char *) local);
}

/* Appends ` qname="value"` with the value escaped. */
void
pbo_xml_append_attr_ (GString *out, const xmlChar *prefix, const xmlChar *local,
                      const xmlChar *value, gsize len)
{
  g_string_append_c (out, ' ');
  append_qname (out, prefix, local);
  g_string_append (out, "=\"");
  pbo_xml_escape_ (out, (const char *) value, len, TRUE);
  g_string_append_c (out, '"');
}

/* Appends ` xmlns:prefix="uri"`, or ` xmlns="uri"` without a prefix. The
 * parser hands a URI over as it hands attribute values, '&' as "&#38;":
 * it is decoded before escaping, or each save would add an "amp;". */
static void
append_ns_decl (GString *out, const xmlChar *prefix, const xmlChar *uri)
{
  const char *u = uri != NULL ? (const char *) uri : "";
  gsize len = strlen (u);

  g_string_append (out, " xmlns");
  if (prefix != NULL)
    {
      g_string_append_c (out, ':');
      g_string_append (out, (const char *) prefix);
    }
  g_string_append (out, "=\"");
  if (memchr (u, '&', len) != NULL)
    {
      char *plain = g_malloc (len + 1);
      pbo_xml_escape_ (out, plain, pbo_loader_copy_value_ (plain, BAD_CAST u, len), TRUE);
      g_free (plain);
    }
  else
    pbo_xml_escape_ (out, u, len, TRUE);
  g_string_append_c (out, '"');
}

gboolean
pbo_xml_is_blank_ (const char *s, gsize len)
{
  gsize i;

  for (i = 0; i < len; i++)
    if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r')
      return FALSE;
  return TRUE;
}

/* <pbo> is written back with xmlns, version, every prefix of the document
 * and its own foreign attributes: refused here if that is too many to load. */
gboolean
pbo_loader_check_pbo_room_ (PboLoader *ld)
{
  if (2 + g_hash_table_size (ld->prefixes) + ld->n_doc_attrs <= PBO_XML_MAX_ATTRIBUTES)
    return TRUE;
  pbo_loader_fail_ (ld, PBO_ERROR_LIMIT,
                    "<pbo> would be written back with more than %u attributes and namespace "
                    "declarations (it declares every prefix of the document)",
                    PBO_XML_MAX_ATTRIBUTES);
  return FALSE;
}

/* Namespace declarations on format elements are gathered on <pbo>, so that
 * foreign content stays declared wherever an edit moves it. A prefix must
 * then keep one namespace across the document. */
gboolean
pbo_loader_hoist_namespaces_ (PboLoader *ld, int n, const xmlChar **namespaces)
{
  int i;

  if (n > 0)
    ld->ns_generation++;
  for (i = 0; i < n; i++)
    {
      const xmlChar *prefix = namespaces[2 * i], *uri = namespaces[2 * i + 1];
      const char *known;

      if (prefix == NULL || uri == NULL || pbo_loader_is_pbo_ns_ (ld, uri))
        continue;
      known = g_hash_table_lookup (ld->prefixes, prefix);
      if (known == NULL)
        {
          g_hash_table_insert (ld->prefixes, (gpointer) prefix, (gpointer) uri);
          append_ns_decl (ld->doc_decls, prefix, uri);
          if (ld->frames->len > 0 && !pbo_loader_check_pbo_room_ (ld))
            return FALSE;
        }
      else if (strcmp (known, (const char *) uri) != 0)
        {
          pbo_loader_fail_ (ld, PBO_ERROR_FORMAT,
                            "the prefix “%s” is bound to “%s” here and to “%s” before: use one "
                            "prefix per namespace", prefix, uri, known);
          return FALSE;
        }
    }
  return TRUE;
}

/* Copies an attribute value with a NUL into @dest (room for @len + 1 bytes),
 * undoing the one rewrite libxml2 makes when it does not replace entities:
 * '&' arrives as "&#38;" (a literal '&' cannot occur in a value). Returns
 * the decoded length. */
gsize
pbo_loader_copy_value_ (char *dest, const xmlChar *value, gsize len)
{
  gboolean amp = FALSE;
  const char *r, *end = dest + len;
  char *w;
  gsize i;

  /* One pass copies and looks for '&': values are short, and memcpy()
   * then memchr() on each cost a twentieth of a load in call overhead. */
  for (i = 0; i < len; i++)
    {
      char c = (char) value[i];
      dest[i] = c;
      amp |= c == '&';
    }
  dest[len] = '\0';
  if (!amp)
    return len;
  for (w = dest, r = dest; r < end;)
    if ((gsize) (end - r) >= 5 && memcmp (r, "&#38;", 5) == 0)
      {
        *w++ = '&';
        r += 5;
      }
    else
      *w++ = *r++;
  *w = '\0';
  return (gsize) (w - dest);
}

void
pbo_loader_reserve_scratch_ (PboLoader *ld, gsize need)
{
  if (need > ld->scratch_size)
    {
      ld->scratch_size = MAX (need, 2 * ld->scratch_size);
      ld->scratch = g_realloc (ld->scratch, ld->scratch_size);
    }
}

char *
pbo_loader_scratch_for_ (PboLoader *ld, int n, const xmlChar **attrs)
{
  gsize need = 0;
  int i;

  for (i = 0; i < n; i++)
    need += (gsize) (attrs[5 * i + 4] - attrs[5 * i + 3]) + 1;
  pbo_loader_reserve_scratch_ (ld, need);
  return ld->scratch;
}

/* The limit counts decoded bytes, as the API's does: a value of '&'s is
 * five times longer as libxml2 hands it over ("&#38;"). */
gboolean
pbo_loader_take_value_ (PboLoader *ld, char *dest, const xmlChar *const *a,
                        const xmlChar *element, gsize *len)
{
  gsize max = ld->max_text;

  *len = pbo_loader_copy_value_ (dest, a[3], (gsize) (a[4] - a[3]));
  if (*len <= max)
    return TRUE;
  /* A journal entry's undo data is not text for people: its own bound,
   * the one the writer keeps to (looked at only past max_text, off the
   * path every attribute takes). */
  if (strcmp ((const char *) a[0], "undo") == 0 && strcmp ((const char *) element, "entry") == 0)
    {
      max = MAX (max, PBO_XML_UNDO_MAX);
      if (*len <= max)
        return TRUE;
    }
  pbo_loader_fail_ (ld, PBO_ERROR_LIMIT,
                    "the attribute “%s” of <%s> is longer than %zu bytes", a[0],
                    element, max);
  return FALSE;
}

/* The index of @name in @table, or -1. Names from the parser are pointers
 * into its dictionary, so a pointer scan (starting at @start: attributes
 * usually come in canonical order) almost always decides; the string
 * comparison only runs for names that are not in the table. */
int
pbo_xml_find_name_ (const xmlChar *const *table, guint n, const xmlChar *name, guint start)
{
  guint i;

  for (i = 0; i < n; i++)
    {
      guint k = start + i < n ? start + i : start + i - n;
      if (table[k] == name)
        return (int) k;
    }
  for (i = 0; i < n; i++)
    if (xmlStrEqual (table[i], name))
      return (int) i;
  return -1;
}

/* Copies the values of the element's own attributes, NUL-terminated, into
 * the scratch buffer (values[i] for the i-th name, NULL when absent) and
 * serializes foreign ones into ld->fattrs. One pass, no allocation once
 * the scratch buffer has grown to the largest element. */
gboolean
pbo_loader_collect_ (PboLoader *ld, const char *element, const xmlChar *const *names,
                     guint n_names, gboolean foreign_ok, int n, const xmlChar **attrs,
                     const char **values)
{
  char *p = pbo_loader_scratch_for_ (ld, n, attrs);
  guint next = 0;
  int i;

  memset (values, 0, n_names * sizeof *values);
  g_string_truncate (ld->fattrs, 0);
  for (i = 0; i < n; i++)
    {
      /* localname, prefix, URI, value, end */
      const xmlChar *const *a = attrs + 5 * i;
      gsize len;
      int k;

      if (!pbo_loader_take_value_ (ld, p, a, BAD_CAST element, &len))
        return FALSE;
      if (a[2] != NULL && !pbo_loader_is_pbo_ns_ (ld, a[2]))
        {
          if (!foreign_ok)
            {
              pbo_loader_fail_ (ld, PBO_ERROR_FORMAT,
                                "foreign attribute “%s:%s” is not allowed on <%s>", a[1], a[0],
                                element);
              return FALSE;
            }
          pbo_xml_append_attr_ (ld->fattrs, a[1], a[0], BAD_CAST p, len);
          continue;
        }
      k = a[2] == NULL ? pbo_xml_find_name_ (names, n_names, a[0], next) : -1;
      if (k < 0)
        {
          pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "unknown attribute “%s%s%s” on <%s>",
                            a[1] != NULL ? (const char *) a[1] : "", a[1] != NULL ? ":" : "",
                            a[0], element);
          return FALSE;
        }
      values[k] = p;
      p += len + 1;
      next = (guint) k + 1 < n_names ? (guint) k + 1 : 0;
    }
  return TRUE;
}

/* ---- foreign elements ------------------------------------------------------ */

static void
close_start_tag (PboLoader *ld)
{
  if (ld->tag_open)
    g_string_append_c (ld->capture, '>');
  ld->tag_open = FALSE;
}

/* Whitespace-only text between foreign elements is layout, not content:
 * the writer lays foreign elements out itself. */
static void
flush_text (PboLoader *ld)
{
  if (!pbo_xml_is_blank_ (ld->text->str, ld->text->len))
    {
      close_start_tag (ld);
      pbo_xml_escape_ (ld->capture, ld->text->str, ld->text->len, FALSE);
    }
  g_string_truncate (ld->text, 0);
}

/* The bindings in scope, but the @n_ns of the element itself, that the
 * writer does not declare on <pbo> (it declares format v1's namespace as
 * the default and hoists the other prefixes): a default namespace of
 * another URI (or none: xmlns=""), and prefixes bound to format v1's
 * namespace. Innermost bindings shadow outer ones. */
static void
gather_inherited (PboLoader *ld, int n_ns)
{
  const xmlParserCtxtPtr ctxt = ld->ctxt;
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  gboolean default_seen = FALSE;
  int i;

  g_ptr_array_set_size (ld->inherited, 0);
  g_hash_table_remove_all (ld->inherited_index);
  ld->inherited_default = -1;
  for (i = ctxt->nsNr - 2 * n_ns - 2; i >= -2; i -= 2)
    {
      /* i == -2: no default binding at all, which reads as xmlns="". */
      const xmlChar *prefix = i >= 0 ? ctxt->nsTab[i] : NULL;
      const xmlChar *uri = i >= 0 ? ctxt->nsTab[i + 1] : BAD_CAST "";
      gboolean is_pbo = pbo_loader_is_pbo_ns_ (ld, uri);
      gpointer index = GUINT_TO_POINTER (ld->inherited->len / 2 + 1);

      if (prefix == NULL ? default_seen : !g_hash_table_add (seen, (gpointer) prefix))
        continue;
      if (prefix == NULL)
        default_seen = TRUE;
      if (prefix == NULL ? is_pbo : !is_pbo)
        continue;
      if (prefix == NULL)
        ld->inherited_default = (int) ld->inherited->len / 2;
      else
        g_hash_table_insert (ld->inherited_index, (gpointer) prefix, index);
      g_ptr_array_add (ld->inherited, (gpointer) prefix);
      g_ptr_array_add (ld->inherited, (gpointer) uri);
    }
}

/* What a top foreign element does with each binding it inherits. */
enum { INHERITED_UNUSED, INHERITED_USED, INHERITED_REDECLARED };

/* The inherited binding that @prefix names (NULL: the default, which
 * only elements use), or -1. */
static int
inherited_slot (const PboLoader *ld, const xmlChar *prefix, gboolean element)
{
  if (prefix == NULL)
    return element ? ld->inherited_default : -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (ld->inherited_index, prefix)) - 1;
}

/* Notes that the foreign content being captured names @prefix, which it
 * may have inherited. */
static void
use_prefix (PboLoader *ld, const xmlChar *prefix, gboolean element)
{
  int k = inherited_slot (ld, prefix, element);

  if (k >= 0 && ld->inherited_used->data[k] == INHERITED_UNUSED)
    ld->inherited_used->data[k] = INHERITED_USED;
}

/* A top foreign element begins: the bindings it inherits (cached while
 * format elements declare nothing new), none used yet, and where in the
 * capture those it uses will be declared. */
static void
begin_inherited (PboLoader *ld, int n_ns, const xmlChar **namespaces, int n)
{
  guint base = (guint) (ld->ctxt->nsNr - 2 * n_ns);
  int i;

  if (ld->inherited_gen != ld->ns_generation || ld->inherited_nr != base)
    {
      gather_inherited (ld, n_ns);
      ld->inherited_gen = ld->ns_generation;
      ld->inherited_nr = base;
    }
  g_byte_array_set_size (ld->inherited_used, ld->inherited->len / 2);
  if (ld->inherited_used->len > 0)
    memset (ld->inherited_used->data, INHERITED_UNUSED, ld->inherited_used->len);
  /* A binding the element makes itself is its own to keep: once is all
   * an element may declare a prefix. */
  for (i = 0; i < n_ns; i++)
    {
      int k = inherited_slot (ld, namespaces[2 * i], TRUE);
      if (k >= 0)
        ld->inherited_used->data[k] = INHERITED_REDECLARED;
    }
  ld->inherited_at = ld->capture->len;
  ld->top_attrs = (guint) (n_ns + n);
}

/* The top foreign element has ended: declares on it what its content
 * uses of what it inherited (begin_inherited()), so that moved or saved
 * it means the same; fails when that makes too many attributes. */
static gboolean
declare_inherited (PboLoader *ld, const xmlChar *localname)
{
  g_autoptr (GString) decls = g_string_new (NULL);
  guint i, kept = 0;

  for (i = 0; i < ld->inherited_used->len; i++)
    if (ld->inherited_used->data[i] == INHERITED_USED)
      {
        append_ns_decl (decls, ld->inherited->pdata[2 * i], ld->inherited->pdata[2 * i + 1]);
        kept++;
      }
  if (ld->top_attrs + kept > PBO_XML_MAX_ATTRIBUTES)
    {
      pbo_loader_fail_ (ld, PBO_ERROR_LIMIT,
                        "the foreign element <%s> would be written back with more than %u "
                        "attributes and namespace declarations (with those it inherits)",
                        localname, PBO_XML_MAX_ATTRIBUTES);
      return FALSE;
    }
  g_string_insert_len (ld->capture, (gssize) ld->inherited_at, decls->str, (gssize) decls->len);
  return TRUE;
}

gboolean
pbo_loader_start_foreign_ (PboLoader *ld, const xmlChar *localname, const xmlChar *prefix,
                           int n_ns, const xmlChar **namespaces, int n, const xmlChar **attrs)
{
  int i;

  if (ld->foreign_depth == 0)
    g_string_truncate (ld->capture, 0);
  flush_text (ld);
  close_start_tag (ld);
  g_string_append_c (ld->capture, '<');
  append_qname (ld->capture, prefix, localname);
  if (ld->foreign_depth == 0)
    begin_inherited (ld, n_ns, namespaces, n);
  for (i = 0; i < n_ns; i++)
    append_ns_decl (ld->capture, namespaces[2 * i], namespaces[2 * i + 1]);
  use_prefix (ld, prefix, TRUE);
  for (i = 0; i < n; i++)
    {
      const xmlChar *const *a = attrs + 5 * i;
      gsize len;

      pbo_loader_reserve_scratch_ (ld, (gsize) (a[4] - a[3]) + 1);
      if (!pbo_loader_take_value_ (ld, ld->scratch, a, localname, &len))
        return FALSE;
      pbo_xml_append_attr_ (ld->capture, a[1], a[0], BAD_CAST ld->scratch, len);
      use_prefix (ld, a[1], FALSE);
    }
  ld->tag_open = TRUE;
  ld->foreign_depth++;
  return TRUE;
}

void
pbo_loader_end_foreign_ (PboLoader *ld, const xmlChar *localname, const xmlChar *prefix)
{
  PboFrame *holder;

  flush_text (ld);
  if (ld->tag_open)
    g_string_append (ld->capture, "/>");
  else
    {
      g_string_append (ld->capture, "</");
      append_qname (ld->capture, prefix, localname);
      g_string_append_c (ld->capture, '>');
    }
  ld->tag_open = FALSE;
  if (--ld->foreign_depth > 0 || !declare_inherited (ld, localname))
    return;
  holder = pbo_loader_top_ (ld);
  if (holder->foreign == NULL)
    holder->foreign = g_string_new (NULL);
  g_string_append_len (holder->foreign, ld->capture->str, (gssize) ld->capture->len);
  g_string_append_c (holder->foreign, '\n');
}

void
pbo_loader_foreign_text_ (PboLoader *ld, const xmlChar *text, int len)
{
  if (ld->text->len + (gsize) len > ld->max_text)
    pbo_loader_fail_ (ld, PBO_ERROR_LIMIT, "text longer than %zu bytes",
                      ld->max_text);
  else
    g_string_append_len (ld->text, (const char *) text, len);
}
