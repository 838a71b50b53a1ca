/* libpbo — the loader's state, shared by the driver (xml-load.c) and the
 * SAX2 handlers (xml-sax.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_XML_LOAD_PRIVATE_H
#define PBO_XML_LOAD_PRIVATE_H

#include <libxml/parser.h>
#include "xml-private.h"

G_BEGIN_DECLS

/* Foreign content nests at most this deep below its holder: with
 * PBO_MAX_DEPTH orgs and a member above it, whatever the writer writes
 * stays within the default max_depth (1 + 128 + 1 + 64 ≤ 256) wherever an
 * edit moves it. */
#define PBO_FOREIGN_MAX_DEPTH 64

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
  PBO_EL_JOURNAL,
  PBO_EL_ENTRY,
  PBO_EL_SUBJECT,
  PBO_EL_VACATED,
  PBO_EL_RECRUIT,
  PBO_EL_PAYMENT,            /* member records, 1.1 (lib/xml-records.c) */
  PBO_EL_EVALUATION,
  PBO_EL_RATING,
  PBO_EL_TRAINING,
  PBO_EL_TRANSFERS,
  PBO_EL_LETTER,
  PBO_EL_WORK_PLAN,          /* format 1.1: lib/xml-work-records.c */
  PBO_EL_ELECTION,
  PBO_EL_COUNT
} PboElement;

/* Names interned in the parser's dictionary: libxml2 hands every element
 * and attribute name over as a dictionary pointer, so most name tests are
 * pointer comparisons. Element names first, in PboElement order. */
typedef enum {
  PBO_N_PBO = 1, PBO_N_ORG, PBO_N_OFFICER, PBO_N_MEMBER, PBO_N_MEETING, PBO_N_ABSENT,
  PBO_N_JOURNAL, PBO_N_ENTRY, PBO_N_SUBJECT, PBO_N_VACATED, PBO_N_RECRUIT,
  PBO_N_PAYMENT, PBO_N_EVALUATION, PBO_N_RATING, PBO_N_TRAINING,
  PBO_N_TRANSFERS, PBO_N_LETTER,
  PBO_N_WORK_PLAN, PBO_N_ELECTION,
  PBO_N_VERSION, PBO_N_ID, PBO_N_KIND, PBO_N_NAME, PBO_N_UNIT, PBO_N_ESTABLISHED,
  PBO_N_TERM_START, PBO_N_TERM_YEARS, PBO_N_ROLE, PBO_N_SINCE, PBO_N_TYPE, PBO_N_DATE,
  PBO_N_TITLE, PBO_N_ATTENDANCE, PBO_N_SEQ, PBO_N_OP, PBO_N_REASON, PBO_N_OPERATOR,
  PBO_N_FROM, PBO_N_TO, PBO_N_DETAIL, PBO_N_STAGE, PBO_N_APPLIED, PBO_N_ACTIVIST_SINCE,
  PBO_N_CANDIDATE_SINCE, PBO_N_GENDER, PBO_N_BORN, PBO_N_DEPARTMENT, PBO_N_UNDO,
  PBO_N_NUMBER, PBO_N_TO_ORG, PBO_N_FROM_ORG, PBO_N_ISSUED, PBO_N_VALID_DAYS, PBO_N_DUES_PAID_TO,
  PBO_N_RECEIPT,
  /* Branch work records (format 1.1, lib/xml-work-records.c). */
  PBO_N_PRESENTER, PBO_N_RECORDER, PBO_N_EXPECTED, PBO_N_PRESENT, PBO_N_EXCUSED, PBO_N_PLACE,
  PBO_N_TOPIC, PBO_N_RESOLUTION, PBO_N_PLANNED, PBO_N_YEAR, PBO_N_APPROVED, PBO_N_METHOD,
  PBO_N_CANDIDATES, PBO_N_SEATS, PBO_N_VOTERS, PBO_N_VOTED,
  PBO_N_TERM_POSTPONED_TO,
  PBO_N_NS,
  PBO_N_COUNT
} PboName;

/* One open format element. */
typedef struct {
  guint8     element;        /* PboElement */
  guint8     phase;          /* org: 0 officers, 1 orgs, 2 members, 3 recruits,
                                4 meetings;
                                pbo: 1 once the journal has begun;
                                entry: 0 subjects, 1 vacated offices */
  PboOrg    *org;            /* the org of ORG, OFFICER, MEETING, ABSENT */
  PboMember *member;         /* MEMBER */
  int        meeting;        /* MEETING, ABSENT: the meeting's index */
  guint      first_ref;      /* ORG: PboLoader.refs->len when it began */
  GString   *foreign;        /* foreign child elements met so far, or NULL */
} PboFrame;

/* An officer or absent reference, resolved when its org ends because
 * members appear after the officers that name them (or, failing that,
 * when the document ends). */
typedef struct {
  PboOrg     *org;
  gsize       id_at;         /* the member id's offset in PboLoader.ref_ids */
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
  char             name_buf[32]; /* "<memory>", "<fd N>" */
  char            *name_shown;   /* a path as UTF-8 for messages, owned */
  GError          *error;        /* the first error; parsing stops there */
  guint            max_depth;
  gsize            max_text;
  gboolean         seen_root;
  guint64          fed;           /* bytes given to the parser so far */

  GArray          *frames;       /* PboFrame, the open format elements */
  GArray          *refs;         /* PboRef */
  GString         *ref_ids;      /* the ids of refs, NUL-terminated, in their order */
  GHashTable      *prefixes;     /* prefix → namespace, document-wide */
  GString         *doc_decls;    /* namespace declarations kept on <pbo> */
  GString         *doc_attrs;    /* foreign attributes of <pbo> */
  guint            n_doc_attrs;
  /* The bindings a top foreign element inherits that the writer does not
   * declare elsewhere (xml-foreign.c), cached while the bindings in scope
   * stay the same: ns_generation counts format elements that declared
   * namespaces. */
  guint            ns_generation;
  guint            inherited_gen, inherited_nr;
  GPtrArray       *inherited;       /* prefix, URI pairs (dictionary strings) */
  GHashTable      *inherited_index; /* prefix → pair index + 1 */
  int              inherited_default; /* pair index of the default, or -1 */
  GByteArray      *inherited_used;  /* per pair: named in the capture */
  gsize            inherited_at;    /* where in the capture to declare them */
  guint            top_attrs;       /* the top element's declarations + attributes */

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

  PboJournalEntry *entry;        /* the <entry> being read */
} PboLoader;

/* A kind of document read with a PboLoader (a tree, a plan): its SAX2
 * element and text handlers, and the work left when a well-formed document
 * has ended. The driver adds the rest: errors, the DOCTYPE refusal, limits. */
typedef struct {
  startElementNsSAX2Func start;
  endElementNsSAX2Func   end;
  charactersSAXFunc      text;   /* also CDATA and ignorable whitespace */
  gboolean             (*finish) (PboLoader *ld);
} PboDocType;

/* The innermost open format element. */
static inline PboFrame *
pbo_loader_top_ (PboLoader *ld)
{
  return &g_array_index (ld->frames, PboFrame, ld->frames->len - 1);
}

/* Limits from @options (nullable); no tree: the tree loader sets one. */
void     pbo_loader_init_       (PboLoader *ld, const PboLoadOptions *options);
void     pbo_loader_clear_      (PboLoader *ld);
/* The driver (xml-load.c): reads a whole document of @type into @ld, which
 * was initialised; FALSE with @error set on failure. */
gboolean pbo_loader_read_file_  (PboLoader *ld, const PboDocType *type, const char *path,
                                 const PboLoadOptions *options, GError **error);
gboolean pbo_loader_read_fd_    (PboLoader *ld, const PboDocType *type, int fd,
                                 const PboLoadOptions *options, GError **error);
gboolean pbo_loader_read_data_  (PboLoader *ld, const PboDocType *type, const char *data,
                                 gsize length, const PboLoadOptions *options, GError **error);
/* The id index is reserved for one id per this many bytes of input. */
#define PBO_XML_BYTES_PER_ID 180
/* How much unfinished markup libxml2 may hold back before the load is refused. */
gsize    pbo_loader_pending_limit_ (const PboLoader *ld);
/* A large file loaded on two threads (xml-pipe.c), or NULL: not for this
 * path, or not a plain well-formed valid file; load it on one thread then. */
PboTree *pbo_xml_pipe_load_     (const char *path, const PboLoadOptions *options);
guint    pbo_xml_pipe_n_built_  (void);
/* Interns the names in the parser's dictionary; call once the context exists. */
void     pbo_loader_bind_       (PboLoader *ld, xmlParserCtxtPtr ctxt);
/* Format-v1 trees: the handlers (xml-sax.c) and the end of the document,
 * where references are resolved (xml-load.c). */
extern const PboDocType pbo_tree_document_;
gboolean pbo_loader_finish_tree_ (PboLoader *ld);
/* Resolves the references made since refs[@first] that @org, now ended,
 * made; the ones that cannot be resolved yet wait for the document's end. */
void     pbo_loader_settle_refs_ (PboLoader *ld, PboOrg *org, guint first);

/* Tree documents (xml-sax.c): the attributes of format element @el in
 * canonical order, and the check of the required ones (indexes ending with
 * -1; @id names the element in messages, nullable). */
gboolean  pbo_loader_collect_attrs_  (PboLoader *ld, PboElement el, int n, const xmlChar **attrs,
                                      const char **values);
gboolean  pbo_loader_check_required_ (PboLoader *ld, PboElement el, const char *const *values,
                                      const int *required, const char *id);
PboFrame *pbo_loader_push_frame_     (PboLoader *ld, PboElement el, PboOrg *org);
/* The journal's elements (xml-journal.c): <journal>, <entry>, <subject>,
 * <vacated>, already placed by the caller. */
gboolean  pbo_loader_start_journal_  (PboLoader *ld, PboElement el, int n, const xmlChar **attrs);
/* A member record element inside @parent, a member (lib/xml-records.c). */
gboolean  pbo_loader_start_record_   (PboLoader *ld, PboFrame *parent, PboElement el, int n,
                                      const xmlChar **attrs);
/* <transfers> and its <letter>s (xml-letters.c), placed by the caller;
 * the letter's attributes in this order. */
enum { LETTER_NUMBER, LETTER_MEMBER, LETTER_NAME, LETTER_FROM, LETTER_TO, LETTER_TO_ORG,
       LETTER_FROM_ORG, LETTER_ISSUED, LETTER_VALID_DAYS, LETTER_DUES_PAID_TO, LETTER_RECEIPT };
gboolean  pbo_loader_start_letter_   (PboLoader *ld, PboElement el, int n, const xmlChar **attrs);

/* Attribute values and foreign content (xml-foreign.c). */
/* The index of @name in @table (dictionary pointers), or -1; the scan
 * starts at @start. */
int      pbo_xml_find_name_           (const xmlChar *const *table, guint n, const xmlChar *name,
                                       guint start);
gboolean pbo_loader_is_pbo_ns_        (const PboLoader *ld, const xmlChar *uri);
gboolean pbo_xml_is_blank_            (const char *s, gsize len);
/* Appends ` prefix:local="value"`, escaped. */
void     pbo_xml_append_attr_         (GString *out, const xmlChar *prefix, const xmlChar *local,
                                       const xmlChar *value, gsize len);
gboolean pbo_loader_hoist_namespaces_ (PboLoader *ld, int n, const xmlChar **namespaces);
/* Fails unless <pbo>, written back, carries at most PBO_XML_MAX_ATTRIBUTES. */
gboolean pbo_loader_check_pbo_room_   (PboLoader *ld);
void     pbo_loader_reserve_scratch_  (PboLoader *ld, gsize need);
/* The scratch buffer, grown to hold the @n SAX2 attributes' values, each
 * with a NUL. */
char    *pbo_loader_scratch_for_      (PboLoader *ld, int n, const xmlChar **attrs);
/* Copies the value of the SAX2 attribute @a, decoded and NUL-terminated,
 * into @dest (room for its raw length + 1), *@len its length; fails unless
 * that fits max_text. */
gboolean pbo_loader_take_value_       (PboLoader *ld, char *dest, const xmlChar *const *a,
                                       const xmlChar *element, gsize *len);
gsize    pbo_loader_copy_value_       (char *dest, const xmlChar *value, gsize len);
/* Copies the values of the unqualified attributes named in @names (values[i]
 * for names[i], NULL when absent; NUL-terminated, in the scratch buffer)
 * and refuses any other; foreign attributes are serialized into ld->fattrs
 * when @foreign_ok, refused otherwise. @element names the element in
 * messages. */
gboolean pbo_loader_collect_          (PboLoader *ld, const char *element,
                                       const xmlChar *const *names, guint n_names,
                                       gboolean foreign_ok, int n, const xmlChar **attrs,
                                       const char **values);
gboolean pbo_loader_start_foreign_    (PboLoader *ld, const xmlChar *localname,
                                       const xmlChar *prefix, int n_ns,
                                       const xmlChar **namespaces, int n, const xmlChar **attrs);
void     pbo_loader_end_foreign_      (PboLoader *ld, const xmlChar *localname,
                                       const xmlChar *prefix);
void     pbo_loader_foreign_text_     (PboLoader *ld, const xmlChar *text, int len);

/* The start-tag scanner (xml-scan.c): zero-initialised, then given every
 * block before the parser. */
typedef struct {
  guint8 state;
  char   quote;     /* the quote of the value being skipped */
  guint  run;       /* closing characters seen in a row ('-', ']', '?') */
  guint  attrs;     /* '=' seen in the current start tag */
} PboTagScan;
/* Follows @len bytes of the document; returns @len, or the offset of the
 * '=' that gives a start tag its (@max_attrs + 1)-th attribute or
 * namespace declaration. O(@len). */
gsize    pbo_tag_scan_          (PboTagScan *s, const char *data, gsize len, guint max_attrs);

/* Records the first error, prefixed "name:line:col: ", and stops the parser. */
void     pbo_loader_fail_at_    (PboLoader *ld, guint line, guint column, int code,
                                 const char *format, ...) G_GNUC_PRINTF (5, 6);
/* The same at the parser's current position. */
void     pbo_loader_fail_       (PboLoader *ld, int code, const char *format, ...)
                                 G_GNUC_PRINTF (3, 4);
void     pbo_loader_position_   (const PboLoader *ld, guint *line, guint *column);

/* The attribute parsers of xml-sax.c (there under their short names),
 * shared with xml-work-records.c: an optional full date, and a decimal
 * number in [min, max]; the message names @owner's attribute @what. */
#define parse_date pbo_loader_parse_date_
#define parse_uint pbo_loader_parse_uint_
gboolean pbo_loader_parse_date_ (PboLoader *ld, const char *value, PboDate *date,
                                 const char *owner, const char *what);
gboolean pbo_loader_parse_uint_ (PboLoader *ld, const char *value, guint min, guint max,
                                 guint *out, const char *owner, const char *what);

/* Branch work records (lib/xml-work-records.c): the meeting attributes
 * after the 1.0 ones, in canonical order, and their reader (@values in
 * that order, NULL for absent ones). */
#define PBO_MINUTES_ATTRS PBO_N_PRESENTER, PBO_N_RECORDER, PBO_N_EXPECTED, PBO_N_PRESENT, \
    PBO_N_EXCUSED, PBO_N_PLACE, PBO_N_TOPIC, PBO_N_RESOLUTION, PBO_N_PLANNED
gboolean pbo_loader_meeting_minutes_ (PboLoader *ld, PboOrg *org, guint index,
                                      const char *const *values);
/* <work-plan year approved? title?/> and <election date method candidates
 * seats voters voted/> of an org: @values in the order of their attribute
 * lists in xml-sax.c. */
gboolean pbo_loader_work_plan_ (PboLoader *ld, PboOrg *org, const char *const *values);
gboolean pbo_loader_election_  (PboLoader *ld, PboOrg *org, const char *const *values);

/* The grammar (xml-grammar.c): the spelling of a name and of an
 * element; whether @child may stand inside @parent in this order (failing
 * the load when not; sets the parent's phase). */
const char *pbo_xml_name_           (PboName name);
const char *pbo_xml_element_name_   (PboElement el);
gboolean    pbo_loader_check_place_ (PboLoader *ld, PboFrame *parent, PboElement child);

G_END_DECLS

#endif /* PBO_XML_LOAD_PRIVATE_H */
