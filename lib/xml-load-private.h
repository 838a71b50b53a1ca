/* libpbo — the loader's state, shared by the driver (xml-load.c) and the
 * SAX2 handlers (xml-sax.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_XML_LOAD_PRIVATE_H
#define PBO_XML_LOAD_PRIVATE_H

#include <libxml/parser.h>
#include "xml-private.h"

G_BEGIN_DECLS

/* The elements of format v1; FOREIGN stands for any element of another
 * namespace. */
typedef enum {
  PBO_EL_NONE,
  PBO_EL_PBO,
  PBO_EL_ORG,
  PBO_EL_OFFICER,
  PBO_EL_MEMBER,
  PBO_EL_MEETING,
  PBO_EL_ABSENT,
  PBO_EL_COUNT
} PboElement;

/* Names interned in the parser's dictionary: libxml2 hands every element
 * and attribute name over as a dictionary pointer, so most name tests are
 * pointer comparisons. Element names first, in PboElement order. */
typedef enum {
  PBO_N_PBO = 1, PBO_N_ORG, PBO_N_OFFICER, PBO_N_MEMBER, PBO_N_MEETING, PBO_N_ABSENT,
  PBO_N_VERSION, PBO_N_ID, PBO_N_KIND, PBO_N_NAME, PBO_N_UNIT, PBO_N_ESTABLISHED,
  PBO_N_TERM_START, PBO_N_TERM_YEARS, PBO_N_ROLE, PBO_N_SINCE, PBO_N_TYPE, PBO_N_DATE,
  PBO_N_TITLE, PBO_N_ATTENDANCE, PBO_N_NS,
  PBO_N_COUNT
} PboName;

/* One open format element. */
typedef struct {
  guint8     element;        /* PboElement */
  guint8     phase;          /* org: 0 officers, 1 orgs, 2 members, 3 meetings */
  PboOrg    *org;            /* the org of ORG, OFFICER, MEETING, ABSENT */
  PboMember *member;         /* MEMBER */
  int        meeting;        /* MEETING, ABSENT: the meeting's index */
  GString   *foreign;        /* foreign child elements met so far, or NULL */
} PboFrame;

/* An officer or absent reference, resolved when the document ends because
 * members usually appear after the officers that name them. */
typedef struct {
  PboOrg     *org;
  const char *member_id;     /* in PboLoader.ref_ids */
  guint       line;
  guint       column;
  int         meeting;       /* absent: the meeting's index; officer: -1 */
  PboDate     since;
  guint8      role;
} PboRef;

typedef struct {
  xmlParserCtxtPtr ctxt;
  PboTree         *tree;
  const char      *name;         /* the input's name in messages */
  GError          *error;        /* the first error; parsing stops there */
  guint            max_depth;
  gsize            max_text;
  gboolean         seen_root;
  guint64          fed;           /* bytes given to the parser so far */

  GArray          *frames;       /* PboFrame, the open format elements */
  GArray          *refs;         /* PboRef */
  GStringChunk    *ref_ids;
  GHashTable      *prefixes;     /* prefix → namespace, document-wide */
  GString         *doc_decls;    /* namespace declarations kept on <pbo> */
  GString         *doc_attrs;    /* foreign attributes of <pbo> */

  const xmlChar   *names[PBO_N_COUNT];
  /* Each element's attributes in canonical order, as dictionary pointers. */
  const xmlChar   *attr_names[PBO_EL_COUNT][PBO_MATTR_COUNT];
  char            *scratch;      /* NUL-terminated attribute values */
  gsize            scratch_size;
  GString         *fattrs;       /* foreign attributes of the current element */

  /* A foreign element being serialized, with its descendants. */
  guint            foreign_depth;
  GString         *capture;
  GString         *text;         /* character data not yet written */
  gboolean         tag_open;     /* the last start tag awaits '>' or '/>' */
} PboLoader;

/* The innermost open format element. */
static inline PboFrame *
pbo_loader_top_ (PboLoader *ld)
{
  return &g_array_index (ld->frames, PboFrame, ld->frames->len - 1);
}

void     pbo_loader_init_       (PboLoader *ld, const char *name, guint max_depth,
                                 gsize max_text);
void     pbo_loader_clear_      (PboLoader *ld);
/* Interns the names in the parser's dictionary; call once the context exists. */
void     pbo_loader_bind_       (PboLoader *ld, xmlParserCtxtPtr ctxt);
void     pbo_loader_sax_init_   (xmlSAXHandler *sax);

/* Attribute values and foreign content (xml-foreign.c). */
gboolean pbo_loader_is_pbo_ns_        (const PboLoader *ld, const xmlChar *uri);
gboolean pbo_xml_is_blank_            (const char *s, gsize len);
/* Appends ` prefix:local="value"`, escaped. */
void     pbo_xml_append_attr_         (GString *out, const xmlChar *prefix, const xmlChar *local,
                                       const xmlChar *value, gsize len);
gboolean pbo_loader_hoist_namespaces_ (PboLoader *ld, int n, const xmlChar **namespaces);
void     pbo_loader_reserve_scratch_  (PboLoader *ld, gsize need);
/* Fails unless the value of the SAX2 attribute @a fits max_text. */
gboolean pbo_loader_check_length_     (PboLoader *ld, const xmlChar *const *a,
                                       const xmlChar *element);
gsize    pbo_loader_copy_value_       (char *dest, const xmlChar *value, gsize len);
gboolean pbo_loader_start_foreign_    (PboLoader *ld, const xmlChar *localname,
                                       const xmlChar *prefix, int n_ns,
                                       const xmlChar **namespaces, int n, const xmlChar **attrs);
void     pbo_loader_end_foreign_      (PboLoader *ld, const xmlChar *localname,
                                       const xmlChar *prefix);
void     pbo_loader_foreign_text_     (PboLoader *ld, const xmlChar *text, int len);

/* Records the first error, prefixed "name:line:col: ", and stops the parser. */
void     pbo_loader_fail_at_    (PboLoader *ld, guint line, guint column, int code,
                                 const char *format, ...) G_GNUC_PRINTF (5, 6);
/* The same at the parser's current position. */
void     pbo_loader_fail_       (PboLoader *ld, int code, const char *format, ...)
                                 G_GNUC_PRINTF (3, 4);
void     pbo_loader_position_   (const PboLoader *ld, guint *line, guint *column);

G_END_DECLS

#endif /* PBO_XML_LOAD_PRIVATE_H */
