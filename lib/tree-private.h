/* libpbo — private layout of the tree, shared by the modules of lib/.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_TREE_PRIVATE_H
#define PBO_TREE_PRIVATE_H

#include <pbo/pbo.h>

G_BEGIN_DECLS

/* Longest text field accepted anywhere (names, titles, departments): a
 * defence against hostile input, far above any real name. */
#define PBO_TEXT_MAX 4096
#define PBO_ID_MAX 128
#define PBO_MEMBERS_PER_BLOCK 1024

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

typedef struct {
  const char *title;         /* arena string or NULL */
  GPtrArray  *absent;        /* arena id strings, or NULL when none */
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

/* Optional member fields live out of line: most files leave most of them
 * unset, and the hot record stays small. */
typedef struct {
  const char *ethnicity;     /* interned arena strings or NULL */
  const char *education;
  const char *position;
  const char *department;
  const char *phone;         /* arena strings or NULL */
  const char *id_card;
  PboForeign  foreign;
} PboMemberExtra;

enum {
  PBO_MEMBER_MOBILE = 1 << 0,
  PBO_MEMBER_HAS_DUES_BASE = 1 << 1,
};

struct _PboMember {
  const char     *id;        /* first field: the id index hashes it */
  const char     *name;
  PboOrg         *org;
  PboMember      *prev;
  PboMember      *next;
  PboMemberExtra *extra;
  PboDate         born;
  PboDate         joined;
  PboDate         full_since;
  guint32         dues_base_fen;
  guint16         n_offices;
  guint8          status;
  guint8          employment;
  guint8          gender;
  guint8          dues_category;
  guint8          flags;
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
  GArray     *officers;      /* PboOfficer, NULL when none */
  GArray     *meetings;      /* PboMeeting, NULL when none */
  PboForeign  foreign;
  PboCounts   counts;
  guint32     n_children;
  guint32     n_members;
  PboDate     established;
  PboDate     term_start;
  guint8      term_years;
  guint8      kind;
};

struct _PboTree {
  PboOrg        root;        /* hidden container of the top-level orgs */
  GHashTable   *ids;         /* set of tagged org/member pointers */
  GStringChunk *strings;
  GPtrArray    *member_blocks;
  PboMember    *free_members;  /* linked through ->next */
  guint         n_orgs;
  guint         n_members;
  /* Owned by other modules (journal, foreign document-level data). */
  gpointer      journal;
  GDestroyNotify journal_free;
  PboForeign    foreign;     /* foreign content of the <pbo> element */
};

/* Sets @error in PBO_ERROR and returns FALSE: `return pbo_refuse_ (…);`. */
gboolean    pbo_refuse_ (GError **error, int code, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* Strings. */
const char *pbo_tree_strdup_ (PboTree *tree, const char *s);
const char *pbo_tree_intern_ (PboTree *tree, const char *s);
gboolean    pbo_text_check_  (const char *text, const char *what, gboolean required,
                              GError **error);

/* The id index (orgs and members share one namespace). */
void        pbo_tree_index_add_    (PboTree *tree, gpointer object, gboolean is_member);
void        pbo_tree_index_remove_ (PboTree *tree, gpointer object, gboolean is_member);
gpointer    pbo_tree_index_lookup_ (const PboTree *tree, const char *id, gboolean *is_member);
gboolean    pbo_tree_check_new_id_ (const PboTree *tree, const char *id, GError **error);

/* Aggregates. */
void        pbo_counts_add_member_ (PboOrg *org, const PboMember *m, int sign);
void        pbo_counts_add_        (PboOrg *org, const PboCounts *delta, int sign);
void        pbo_counts_of_org_     (const PboOrg *org, PboCounts *out);

/* Members. */
PboMember  *pbo_member_alloc_      (PboTree *tree);
void        pbo_member_release_    (PboTree *tree, PboMember *m);
void        pbo_member_to_info_    (const PboMember *m, PboMemberInfo *info);
/* The member's side record of optional fields, allocated on first use
 * (the XML loader keeps foreign content there). */
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

/* True when @org is the hidden root or NULL (the top level). */
static inline gboolean
pbo_org_is_root_ (const PboOrg *org)
{
  return org == NULL || org->kind == PBO_ORG_NONE;
}

G_END_DECLS

#endif /* PBO_TREE_PRIVATE_H */
