/* libpbo — reading plans: the tree loader's driver (xml-load.c: push
 * parser, safety settings, limits, "file:line:col: " errors) with SAX2
 * handlers that hand each element to the plan builder of plan.c, so that
 * a plan read from XML is checked exactly as one built in memory.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "xml-load-private.h"
#include "plan-private.h"
#include "error-private.h"

typedef struct {
  PboLoader  ld;        /* first: the driver's callbacks receive it */
  PboPlan   *plan;
  guint      depth;     /* open elements */
  guint      op;        /* the operation being read (depth ≥ 2) */
  GPtrArray *pairs;     /* the current element's attributes: name, value, …, NULL */
} PlanReader;

/* Gathers the element's attributes as name/value pairs (values decoded
 * into the scratch buffer). Plans carry no foreign content. */
static gboolean
collect_pairs (PlanReader *r, const xmlChar *element, int n, const xmlChar **attrs)
{
  PboLoader *ld = &r->ld;
  char *p = pbo_loader_scratch_for_ (ld, n, attrs);
  int i;

  g_ptr_array_set_size (r->pairs, 0);
  for (i = 0; i < n; i++)
    {
      const xmlChar *const *a = attrs + 5 * i;   /* localname, prefix, URI, value, end */
      gsize len;

      if (!pbo_loader_take_value_ (ld, p, a, element, &len))
        return FALSE;
      if (a[2] != NULL)
        {
          pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "%s attribute “%s:%s” is not allowed in a plan",
                            pbo_loader_is_pbo_ns_ (ld, a[2]) ? _("the qualified") : _("the foreign"),
                            a[1], a[0]);
          return FALSE;
        }
      g_ptr_array_add (r->pairs, (gpointer) a[0]);
      g_ptr_array_add (r->pairs, p);
      p += len + 1;
    }
  g_ptr_array_add (r->pairs, NULL);
  return TRUE;
}

static const char *const *
pairs (const PlanReader *r)
{
  return (const char *const *) r->pairs->pdata;
}

/* Takes over an error of the builder, at the parser's position. */
static void
fail_with (PboLoader *ld, GError *local)
{
  pbo_loader_fail_ (ld, local->code, "%s", local->message);
  g_error_free (local);
}

static void
start_plan (PlanReader *r, const xmlChar *localname, const xmlChar *uri, int n,
            const xmlChar **attrs)
{
  GError *local = NULL;
  guint i;

  r->ld.seen_root = TRUE;
  if (!xmlStrEqual (localname, BAD_CAST "plan"))
    pbo_loader_fail_ (&r->ld, PBO_ERROR_FORMAT, "the root element is <%s>, not <plan>",
                      localname);
  else if (!pbo_loader_is_pbo_ns_ (&r->ld, uri))
    pbo_loader_fail_ (&r->ld, PBO_ERROR_FORMAT,
                      "<plan> is not in the namespace %s (xmlns=\"%s\")", PBO_XML_NS, PBO_XML_NS);
  else if (collect_pairs (r, localname, n, attrs))
    for (i = 0; pairs (r)[2 * i] != NULL; i++)
      if (!pbo_plan_set_attribute_ (r->plan, pairs (r)[2 * i], pairs (r)[2 * i + 1], &local))
        {
          fail_with (&r->ld, local);
          return;
        }
}

static void
start_op (PlanReader *r, const xmlChar *localname, int n, const xmlChar **attrs)
{
  PboEditOp op = pbo_edit_op_from_string ((const char *) localname);
  GError *local = NULL;
  PboPlanOp *o;
  int index;

  if (op == PBO_EDIT_OP_NONE)
    {
      pbo_loader_fail_ (&r->ld, PBO_ERROR_FORMAT, "<%s> is not an operation of a plan",
                        localname);
      return;
    }
  if (!collect_pairs (r, localname, n, attrs))
    return;
  if ((index = pbo_plan_add_op (r->plan, op, pairs (r), &local)) < 0)
    {
      fail_with (&r->ld, local);
      return;
    }
  r->op = (guint) index;
  o = pbo_plan_op_ (r->plan, r->op);
  pbo_loader_position_ (&r->ld, &o->line, &o->column);
}

static void
start_child (PlanReader *r, const xmlChar *localname, int n, const xmlChar **attrs)
{
  GError *local = NULL;

  if (collect_pairs (r, localname, n, attrs)
      && !pbo_plan_add_child (r->plan, r->op, (const char *) localname, pairs (r), &local))
    fail_with (&r->ld, local);
}

static void
on_start (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
          int n_ns, const xmlChar **namespaces, int n_attrs, int n_defaulted,
          const xmlChar **attrs)
{
  PlanReader *r = ctx;
  PboLoader *ld = &r->ld;

  if (ld->error != NULL)
    return;
  if (r->depth >= ld->max_depth)
    pbo_loader_fail_ (ld, PBO_ERROR_LIMIT, "elements are nested deeper than %u levels",
                      ld->max_depth);
  else if (r->depth == 0)
    start_plan (r, localname, uri, n_attrs, attrs);
  else if (!pbo_loader_is_pbo_ns_ (ld, uri))
    pbo_loader_fail_ (ld, PBO_ERROR_FORMAT,
                      "<%s%s%s> is not in the namespace %s: plans carry no foreign content",
                      prefix != NULL ? (const char *) prefix : "", prefix != NULL ? ":" : "",
                      localname, PBO_XML_NS);
  else if (r->depth == 1)
    start_op (r, localname, n_attrs, attrs);
  else if (r->depth == 2)
    start_child (r, localname, n_attrs, attrs);
  else
    pbo_loader_fail_ (ld, PBO_ERROR_FORMAT, "<%s> is nested too deep: an operation holds only "
                      "<member> and <select> elements, and they hold nothing", localname);
  r->depth++;
}

static void
on_end (void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
  PlanReader *r = ctx;
  GError *local = NULL;
  const PboPlanOp *op;

  if (r->ld.error != NULL || --r->depth != 1)
    return;
  op = pbo_plan_op_ (r->plan, r->op);
  if (!pbo_plan_op_check_children_ (op, &local))
    {
      pbo_loader_fail_at_ (&r->ld, op->line, op->column, local->code, "%s", local->message);
      g_error_free (local);
    }
}

static void
on_text (void *ctx, const xmlChar *text, int len)
{
  PlanReader *r = ctx;

  if (r->ld.error == NULL && r->depth > 0 && !pbo_xml_is_blank_ ((const char *) text, (gsize) len))
    pbo_loader_fail_ (&r->ld, PBO_ERROR_FORMAT, "text is not allowed in a plan");
}

static gboolean
plan_finish (PboLoader *ld)
{
  return TRUE;
}

static const PboDocType plan_document = { on_start, on_end, on_text, plan_finish };

static PboPlan *
load_plan (const char *path, const char *data, gsize length, const PboLoadOptions *options,
           GError **error)
{
  PlanReader r;
  PboPlan *plan = NULL;
  gboolean ok;

  g_return_val_if_fail (options == NULL || options->version >= 1, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  pbo_loader_init_ (&r.ld, options);
  r.plan = pbo_plan_new ();
  r.depth = 0;
  r.op = 0;
  r.pairs = g_ptr_array_new ();
  ok = path != NULL ? pbo_loader_read_file_ (&r.ld, &plan_document, path, options, error)
                    : pbo_loader_read_data_ (&r.ld, &plan_document, data, length, options, error);
  if (ok)
    {
      pbo_plan_set_name_ (r.plan, r.ld.name);
      plan = g_steal_pointer (&r.plan);
    }
  pbo_plan_free (r.plan);
  g_ptr_array_unref (r.pairs);
  pbo_loader_clear_ (&r.ld);
  return plan;
}

PboPlan *
pbo_plan_load_file (const char *path, const PboLoadOptions *options, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return load_plan (path, NULL, 0, options, error);
}

PboPlan *
pbo_plan_load_data (const char *data, gsize length, const PboLoadOptions *options,
                    GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  return load_plan (NULL, data, length, options, error);
}
