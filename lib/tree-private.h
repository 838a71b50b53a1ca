/* libpbo — private layout of the tree, shared by the modules of lib/.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_TREE_PRIVATE_H
#define PBO_TREE_PRIVATE_H

#include <string.h>
#include <pbo/pbo.h>

G_BEGIN_DECLS

/* Longest text field accepted anywhere (names, titles, departments): a
 * defence against hostile input, far above any real name. */
#define PBO_TEXT_MAX 4096
#define PBO_ID_MAX 128

/* Subtree aggregates: members by status × employment and orgs by kind.
 * Indexes are the enum values minus one (NONE is never counted). */
typedef struct {
  guint32 members[2][2];     /* [status - 1][employment - 1] */
  guint32 kinds[4];          /* [kind - 1], descendants only */
} PboCounts;

typedef struct {
  PboMember *member;
  PboDate    since;
  guint8     role;
} PboOfficer;

typedef struct _PboMinutes PboMinutes;   /* lib/meeting-minutes-private.h */

typedef struct {
  const char *id;            /* tree string or NULL: unique in the tree's one namespace */
  const char *title;         /* arena string or NULL */
  GPtrArray  *absent;        /* arena id strings, or NULL when none */
  PboMinutes *minutes;       /* owned, NULL when the record has none (format 1.1) */
  PboDate     date;
  gint32      attendance;
  guint8      type;
} PboMeeting;

/* Attributes and child elements of other namespaces, kept verbatim as
 * serialized XML so that files round-trip; owned (g_free) by the holder. */
typedef struct {
  char *attrs;               /* e.g. ` hr:code="7"`, or NULL */
  char *children;            /* serialized elements, or NULL */
} PboForeign;

/* What few members have: foreign content, texts past the intern tables,
 * dates the record cannot hold (before 1900 or after 2079). g_new0. */
typedef struct {
  PboForeign   foreign;
  const char  *overflow[4];   /* by PboMemberText, or NULL */
  PboDate      dates[3];      /* born, joined, full-since when dates_in_extra */
} PboMemberExtra;

/* Optional member fields that most members leave unset live out of line,
 * in a pool record referenced by the member (PboMember.cold). 32 bytes. */
typedef struct {
  PboMemberExtra *extra;      /* first: the pool's free list links through it */
  const char     *phone;      /* arena strings or NULL */
  const char     *id_card;
  guint32         dues_base_fen; /* valid when the member's has_dues_base is set */
} PboMemberCold;

/* Records in blocks of PBO_POOL_BLOCK that never move, addressed by 32-bit
 * references (index + 1; 0 means none). */
#define PBO_POOL_BLOCK 1024u
typedef struct {
  GPtrArray *blocks;
  GArray    *sorted;          /* blocks by address, for pbo_pool_ref_() */
  gsize      record_size;
  guint32    free_head;       /* free records, linked through their first 4 bytes */
  guint32    n_used;
} PboPool;

/* The members' ids and names, "id\0name\0", in 1 MiB chunks that never
 * move; a 32-bit reference is chunk << 20 | offset. */
typedef struct {
  GPtrArray *chunks;
  guint32    used;
} PboArena;

/* Ethnicity, education, position, department: indexes into the tree's
 * intern table of that field (texts[which]), 0 when unset; the table's
 * last index (PBO_TEXT_OVERFLOW_8 or _16) when the table was full, the
 * text being then in PboMemberExtra.overflow. Ethnicity and education
 * have few values and get 8 bits. */
typedef enum {
  PBO_TEXT_ETHNICITY, PBO_TEXT_EDUCATION, PBO_TEXT_POSITION, PBO_TEXT_DEPARTMENT,
  PBO_MEMBER_N_TEXTS
} PboMemberText;

/* Dates: day numbers from 1899-12-31 (1 is 1900-01-01, 0 none), which
 * reach 2079; a year-only birth date is its 1 January with born_year_only.
 * Any date outside goes to PboMemberExtra.dates with dates_in_extra. */
enum { PBO_DATE_BORN, PBO_DATE_JOINED, PBO_DATE_FULL_SINCE };

/* 40 bytes on 64-bit machines: the whole tree's size is mostly this. */
struct _PboMember {
  guint32  id;                /* arena ref of "id\0name\0"; first: the pool's free list */
  guint32  cold;              /* PboMemberCold pool ref, or 0 */
  PboOrg  *org;
  guint32  prev;              /* member pool refs, or 0 */
  guint32  next;
  guint16  days[3];           /* by PBO_DATE_* */
  guint16  text16[2];         /* position, department */
  guint8   text8[2];          /* ethnicity, education */
  guint8   n_offices;
  guint8   status : 2;
  guint8   employment : 2;
  guint8   gender : 2;
  guint8   mobile : 1;
  guint8   has_dues_base : 1;
  guint8   dues_category : 3;
  guint8   born_year_only : 1;
  guint8   dates_in_extra : 1;
};

struct _PboOrg {
  const char *id;            /* first field: the id index hashes it */
  const char *name;
  const char *unit;
  PboTree    *tree;
  PboOrg     *parent;        /* the tree's hidden root for top-level orgs */
  PboOrg     *first_child;
  PboOrg     *last_child;
  PboOrg     *prev;
  PboOrg     *next;
  PboMember  *first_member;
  PboMember  *last_member;
  PboOfficer *officers;      /* g_new, exactly n_officers of them; NULL when none */
  GArray     *meetings;      /* PboMeeting, NULL when none */
  GPtrArray  *recruits;      /* PboRecruit* (owned), NULL when none; branches only */
  PboForeign  foreign;
  PboCounts   counts;
  guint32     n_children;
  guint32     n_members;
  PboDate     established;
  PboDate     term_start;
  guint8      term_years;
  guint8      kind;
  guint16     n_officers;
  PboDate     term_postponed_to; /* 1.1, or PBO_DATE_NONE; in what was tail padding */
};

/* Open addressing over 32-bit references (lib/id-index.c). */
typedef struct {
  guint32 *slots;
  guint32  size;             /* slots (any number of them, at least 64) */
  guint32  n;
  /* The empty slot where the id last looked up and not found would go
   * (slot + 1; 0: none) and that id's string hash: adding it next then
   * needs no second probe. Any change to the table clears it. */
  guint32  hint_slot;
  guint32  hint_hash;
} PboIdIndex;

struct _PboTree {
  PboOrg        root;        /* hidden container of the top-level orgs */
  PboIdIndex    ids;
  PboPool       org_pool;    /* PboOrg (but the hidden root) */
  GStringChunk *strings;
  PboPool       members;     /* PboMember */
  PboPool       colds;       /* PboMemberCold */
  PboArena      member_strings;
  GPtrArray    *texts[PBO_MEMBER_N_TEXTS];      /* interned: index - 1 → string */
  GHashTable   *text_index[PBO_MEMBER_N_TEXTS]; /* string → index */
  guint         n_orgs;
  guint         n_members;
  GHashTable   *recruits;    /* id → PboRecruit*, NULL when none (lib/recruit.c) */
  /* Owned by other modules (journal, foreign document-level data). */
  gpointer      journal;
  GDestroyNotify journal_free;
  PboForeign    foreign;     /* foreign content of the <pbo> element */
  GHashTable   *meeting_ids; /* meeting id → its PboOrg*, NULL when none (lib/officer.c) */
  GHashTable   *member_records; /* PboMember* → GArray of records, NULL when none
                                   (lib/member-records.c) */
  gpointer      lifecycle;   /* standings and letters, NULL when none (lib/standing.c) */
  GHashTable   *org_records; /* PboOrg* → work plans and elections, NULL when none
                                (lib/org-records.c) */
};

/* May the builder functions (the tree.h, org.h, member.h and recruit.h
 * setters) change @tree? Not once it has a journal or an open transaction,
 * unless an edit operation or an undo is running (lib/edit-journal.c):
 * otherwise g_critical naming @function, and FALSE. */
gboolean    pbo_tree_builder_allowed_ (PboTree *tree, const char *function);

/* Sets @error in PBO_ERROR and returns FALSE: `return pbo_refuse_ (…);`. */
gboolean    pbo_refuse_ (GError **error, int code, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* Strings. */
const char *pbo_tree_strdup_ (PboTree *tree, const char *s);
const char *pbo_tree_intern_ (PboTree *tree, const char *s);
gboolean    pbo_text_check_n_ (const char *text, const char *msgid, gboolean required,
                               GError **error);
gboolean    pbo_text_check_  (const char *text, const char *what, gboolean required,
                              GError **error);
/* The first byte of valid UTF-8 @text that starts a character outside XML
 * 1.0 `Char`, or NULL: the one test of every text and id that gets saved. */
const char *pbo_xml_char_refused_ (const char *text);
/* "4000", "4000.5", "4000.50" yuan → fen (lib/member-attr.c). */
gboolean    pbo_parse_yuan_ (const char *s, gint64 *fen);
/* Reads @n unsigned decimal numbers separated by single spaces from *@p,
 * each at most @max (no sign, no overflow: sscanf's %u wraps silently),
 * leaving *@p after the last; FALSE at anything else. */
gboolean    pbo_parse_numbers_ (const char **p, guint64 max, guint64 *values, guint n);

/* Pools and the members' arena (lib/pool.c). */
void        pbo_pool_init_         (PboPool *pool, gsize record_size);
void        pbo_pool_clear_        (PboPool *pool);
guint32     pbo_pool_alloc_        (PboPool *pool);
void        pbo_pool_release_      (PboPool *pool, guint32 ref);
/* The reference of a record of @pool: O(log blocks). */
guint32     pbo_pool_ref_          (const PboPool *pool, gconstpointer record);
/* The same, looking first in block *@block, where it leaves the record's
 * block: records met in the order they were allocated cost no search. */
guint32     pbo_pool_ref_hinted_   (const PboPool *pool, gconstpointer record, guint32 *block);
void        pbo_arena_init_        (PboArena *arena);
void        pbo_arena_clear_       (PboArena *arena);
guint32     pbo_arena_add_pair_    (PboArena *arena, const char *a, const char *b);
const char *pbo_arena_get_         (const PboArena *arena, guint32 ref);

/* The record of @ref, which must not be 0: for references known to name a
 * record (just allocated, an index entry, a side record a flag says is
 * there), so that no NULL path is left for a reader or an analyser. */
static inline gpointer
pbo_pool_record_ (const PboPool *pool, guint32 ref)
{
  guint32 i = ref - 1;

  return (char *) g_ptr_array_index (pool->blocks, i / PBO_POOL_BLOCK)
         + (gsize) (i % PBO_POOL_BLOCK) * pool->record_size;
}

/* How many references @pool has given out so far (used or free): every
 * reference is at most this. */
static inline guint32
pbo_pool_capacity_ (const PboPool *pool)
{
  return pool->blocks->len * PBO_POOL_BLOCK;
}

/* The record of @ref, or NULL for 0 (the "none" of every link). */
static inline gpointer
pbo_pool_get_ (const PboPool *pool, guint32 ref)
{
  return ref != 0 ? pbo_pool_record_ (pool, ref) : NULL;
}

/* The id index (orgs and members share one namespace; lib/id-index.c). */
void        pbo_id_index_init_     (PboTree *tree);
void        pbo_id_index_clear_    (PboTree *tree);
guint       pbo_tree_index_size_   (const PboTree *tree);
/* Room for @n_ids ids: each doubling of the index rehashes every id in it,
 * which a loader that knows its input's size can spare. */
void        pbo_tree_index_reserve_ (PboTree *tree, guint64 n_ids);
void        pbo_tree_index_add_    (PboTree *tree, gpointer object, gboolean is_member);
void        pbo_tree_index_remove_ (PboTree *tree, gpointer object, gboolean is_member);
gpointer    pbo_tree_index_lookup_ (const PboTree *tree, const char *id, gboolean *is_member);
gpointer    pbo_tree_index_probe_  (const PboTree *tree, const char *id, gboolean *is_member);
void        pbo_tree_index_prefetch_ (const PboTree *tree, const char *id);
gboolean    pbo_tree_check_new_id_ (const PboTree *tree, const char *id, GError **error);
/* PBO_ERROR_CONTAINMENT unless @parent (the hidden root for the top level)
 * may hold an org of @kind (pbo_org_kind_can_contain()). */
gboolean    pbo_org_check_containment_ (const PboOrg *parent, PboOrgKind kind, GError **error);

/* Aggregates. */
void        pbo_counts_add_member_ (PboOrg *org, const PboMember *m, int sign);
void        pbo_counts_add_        (PboOrg *org, const PboCounts *delta, int sign);
void        pbo_counts_of_org_     (const PboOrg *org, PboCounts *out);

/* Members. Their fields are read through these (the record is packed). */
static inline const char *
pbo_tree_member_id_ (const PboTree *tree, const PboMember *m)
{
  return pbo_arena_get_ (&tree->member_strings, m->id);
}

static inline const char *
pbo_member_id_ (const PboMember *m)
{
  return pbo_tree_member_id_ (m->org->tree, m);
}

/* The name follows the id in the arena. */
static inline const char *
pbo_member_name_ (const PboMember *m)
{
  const char *id = pbo_member_id_ (m);
  return id + strlen (id) + 1;
}

static inline PboMember *
pbo_member_next_ (const PboMember *m)
{
  return pbo_pool_get_ (&m->org->tree->members, m->next);
}

static inline PboMember *
pbo_member_prev_ (const PboMember *m)
{
  return pbo_pool_get_ (&m->org->tree->members, m->prev);
}

/* The side records, or NULL when the member has none. */
static inline const PboMemberCold *
pbo_member_cold_ (const PboMember *m)
{
  return pbo_pool_get_ (&m->org->tree->colds, m->cold);
}

static inline const PboMemberExtra *
pbo_member_extra_ (const PboMember *m)
{
  const PboMemberCold *c = pbo_member_cold_ (m);
  return c != NULL ? c->extra : NULL;
}

/* The foreign content of a member, or NULL. */
static inline const PboForeign *
pbo_member_foreign_ (const PboMember *m)
{
  const PboMemberExtra *x = pbo_member_extra_ (m);
  return x != NULL ? &x->foreign : NULL;
}

const char *pbo_member_text_       (const PboMember *m, PboMemberText which);
/* A date by PBO_DATE_*, or PBO_DATE_NONE. */
PboDate     pbo_member_date_       (const PboMember *m, guint which);
/* Whether date @which of @a and @b (members of any trees) is the same. */
gboolean    pbo_member_same_date_  (const PboMember *a, const PboMember *b, guint which);
gint64      pbo_member_dues_base_  (const PboMember *m);
PboMember  *pbo_member_alloc_      (PboTree *tree);
/* Stores @info's fields into @m (lib/member-store.c); @info is valid. */
void        pbo_member_store_      (PboTree *tree, PboMember *m, const PboMemberInfo *info);
PboMemberExtra *pbo_member_ensure_extra_in_ (PboTree *tree, PboMember *m);
/* Frees what the member's side records own (pbo_tree_free()). */
void        pbo_member_free_side_  (PboTree *tree, PboMember *m);
void        pbo_member_release_    (PboTree *tree, PboMember *m);
void        pbo_member_to_info_    (const PboMember *m, PboMemberInfo *info);
/* The member's record of rare fields, allocated on first use (the XML
 * loader keeps foreign content there). The member must be in a tree; the
 * pointer is valid until the member is removed. */
PboMemberExtra *pbo_member_ensure_extra_ (PboMember *m);
gboolean    pbo_member_info_check_ (const PboMemberInfo *info, GError **error);
void        pbo_member_link_       (PboOrg *org, PboMember *m, PboMember *before);
void        pbo_member_unlink_     (PboMember *m);

/* Member attributes of format v1, in their canonical (output) order: one
 * table serves the loader, the writer, set_attribute and dup_attribute. */
typedef enum {
  PBO_MATTR_ID, PBO_MATTR_NAME, PBO_MATTR_GENDER, PBO_MATTR_BORN, PBO_MATTR_JOINED,
  PBO_MATTR_FULL_SINCE, PBO_MATTR_STATUS, PBO_MATTR_EMPLOYMENT, PBO_MATTR_ETHNICITY,
  PBO_MATTR_EDUCATION, PBO_MATTR_POSITION, PBO_MATTR_DEPARTMENT, PBO_MATTR_DUES_BASE,
  PBO_MATTR_DUES_CATEGORY, PBO_MATTR_PHONE, PBO_MATTR_ID_CARD, PBO_MATTR_MOBILE,
  /* 1.1, kept in the standing side table (lib/standing.c), not in PboMemberInfo */
  PBO_MATTR_STANDING, PBO_MATTR_STANDING_SINCE, PBO_MATTR_STANDING_UNTIL, PBO_MATTR_OUTFLOW_TO,
  PBO_MATTR_PROBATION_EXTENDED_TO,
  PBO_MATTR_COUNT
} PboMemberAttr;

/* Size of the buffer pbo_member_attr_format_() may write into. */
#define PBO_MATTR_BUFSIZE 32

const char *pbo_member_attr_name_   (PboMemberAttr attr);
/* Returns the attribute index of @name (@len bytes), or -1. */
int         pbo_member_attr_lookup_ (const char *name, gsize len);
/* Parses @value into @info; @value must stay alive as long as @info is used. */
gboolean    pbo_member_info_set_    (PboMemberInfo *info, PboMemberAttr attr,
                                     const char *value, GError **error);
/* The attribute's spelling: a stored string, or text written into @buf;
 * NULL when unset. */
const char *pbo_member_attr_format_ (const PboMember *m, PboMemberAttr attr, char *buf);
/* Whether @attr spells the same for @a and @b (members of any trees). */
gboolean    pbo_member_attr_same_   (const PboMember *a, const PboMember *b, PboMemberAttr attr);

/* Officers: vacate the offices held by members for which @leaving is true
 * in @from and its ancestors that are not ancestors of @dest (NULL: all).
 * @notify (nullable) is told of each office just before it is vacated, at
 * its index at that moment: the edit module records it to undo. */
typedef gboolean (*PboOfficerTest) (const PboMember *m, gconstpointer data);
typedef void (*PboVacateNotify) (PboOrg *org, guint index, const PboOfficer *officer,
                                 gpointer data);
void        pbo_officers_vacate_   (PboOrg *from, const PboOrg *dest,
                                    PboOfficerTest leaving, gconstpointer data,
                                    PboVacateNotify notify, gpointer notify_data);
/* pbo_org_add_officer() at a position 0 ≤ @index ≤ the officer count. */
gboolean    pbo_org_insert_officer_ (PboOrg *org, guint index, PboRole role,
                                     PboMember *member, PboDate since, GError **error);
void        pbo_org_free_contents_ (PboOrg *org);

/* Positional insertion, for undo logs that put things back exactly where
 * they were and for copies. @before (nullable) must be a child org of
 * @parent (a member of @org); NULL appends. Same checks and errors as the
 * public pbo_tree_add_org(), pbo_tree_add_member(), pbo_tree_move_member(),
 * plus %PBO_ERROR_INVALID for a @before that is not where it should be. */
PboOrg     *pbo_tree_insert_org_    (PboTree *tree, PboOrg *parent, PboOrg *before,
                                     PboOrgKind kind, const char *id, const char *name,
                                     GError **error);
/* Inserts an org carrying @proto's kind, id, name, unit, dates, foreign
 * content and meetings (strings copied into @tree); not its links,
 * officers or members. */
PboOrg     *pbo_org_clone_into_     (PboTree *tree, PboOrg *parent, PboOrg *before,
                                     const PboOrg *proto, GError **error);
/* Copies an org's own fields (unit, dates, foreign content, meetings; not
 * id, name, kind, links, officers) into @dst, strings into @strings. */
void        pbo_org_copy_fields_    (PboOrg *dst, const PboOrg *src, GStringChunk *strings);
PboMember  *pbo_tree_insert_member_ (PboTree *tree, PboOrg *org, PboMember *before,
                                     const PboMemberInfo *info, const PboForeign *foreign,
                                     GError **error);
gboolean    pbo_tree_move_member_   (PboTree *tree, PboMember *member, PboOrg *org,
                                     PboMember *before, GError **error);

/* Foreign content: clear (free) and copy (duplicating the strings). */
void        pbo_foreign_clear_     (PboForeign *f);
void        pbo_foreign_copy_      (PboForeign *dst, const PboForeign *src);
/* Appends copies of the meetings @src to *@dst (created when NULL), their
 * titles and absent ids copied into @strings. */
void        pbo_meetings_copy_     (const GArray *src, GArray **dst, GStringChunk *strings);
/* Meeting ids (lib/officer.c): registered while their org is in the tree. */
void        pbo_meeting_ids_register_   (PboTree *tree, PboOrg *org);
void        pbo_meeting_ids_unregister_ (PboTree *tree, const PboOrg *org);
/* Inserts a copy of @rec (strings copied, absent ids copied unchecked) at
 * @index (G_MAXUINT: last) of @org's meetings, after checking its type,
 * date, attendance, title and id (unused in the tree). */
gboolean    pbo_org_insert_meeting_ (PboTree *tree, PboOrg *org, guint index,
                                     const PboMeeting *rec, GError **error);
/* pbo_org_add_meeting_absent() for the loader, which resolves references
 * after it has read the journal. */
gboolean    pbo_org_add_meeting_absent_ (PboTree *tree, PboOrg *org, guint index,
                                         PboMember *member, GError **error);
/* Removes meeting @index of @org (in range), its id unregistered. */
void        pbo_org_remove_meeting_ (PboTree *tree, PboOrg *org, guint index);

/* True when @org is the hidden root or NULL (the top level). */
static inline gboolean
pbo_org_is_root_ (const PboOrg *org)
{
  return org == NULL || org->kind == PBO_ORG_NONE;
}

G_END_DECLS

#endif /* PBO_TREE_PRIVATE_H */
