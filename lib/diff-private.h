/* libpbo — private parts of the diff module: the change list, the
 * operation list and the per-id records they are computed from.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_DIFF_PRIVATE_H
#define PBO_DIFF_PRIVATE_H

#include "tree-private.h"

G_BEGIN_DECLS

struct _PboDiffChange {
  PboDiffKind kind;
  const char *org;          /* strings live in the diff's chunk */
  const char *member;
  const char *detail;
  const char *old_value;
  const char *new_value;
  gboolean    stuck;        /* ORG_MEETINGS: an old record to replace has no id */
};

/* One plan operation. Ids and names are borrowed from the trees or live in
 * the diff's chunk; NULL targets mean the top level
 * (create-org, move) or "no org" (dissolve of an empty org in a tree
 * without branches). */
typedef struct {
  PboEditOp        op;
  const char      *org;        /* create-org: the new id; rename, set-kind, move, dissolve,
                                  appoint, dismiss: the org */
  const char      *target;     /* parent, to, members-to */
  const char      *name;       /* create-org, rename */
  const char      *unit;       /* create-org */
  PboOrgKind       kind;       /* create-org, set-kind */
  PboRole          role;       /* appoint, dismiss */
  const char      *member;     /* appoint, dismiss, remove-member, update-member */
  PboDate          since;      /* appoint */
  GPtrArray       *members;    /* transfer: member ids, borrowed */
  const PboMember *new_member; /* add-member, update-member: the member in NEW */
  const PboMember *old_member; /* update-member: the member in OLD */
  const PboOrg    *fields;     /* create-org, set-org: the org in NEW, whose unit,
                                  founding date and term it sets */
  guint            meeting;    /* add-meeting, add-work-plan, add-election: the index in
                                  @fields of the record; remove-work-plan: the year */
  const char      *meeting_id; /* remove-meeting */
  const PboRecruit *recruit;   /* add-, update-recruit, promote: the recruit in NEW */
  const PboRecruit *old_recruit; /* update-recruit, promote: the recruit in OLD */
  const char      *before;     /* transfer, add-member: the member they go before;
                                  create-org: the sibling it goes before */
  const PboMemberRecord *record; /* member records: the record put or removed */
  const PboLetterInfo *letter; /* transfer-out, receipt: the letter in NEW (1.1) */
} PboDiffOp;

/* What the two trees hold under one org id. */
typedef struct _PboDiffOrg PboDiffOrg;
struct _PboDiffOrg {
  const PboOrg *old_org;    /* NULL when only in NEW */
  const PboOrg *new_org;    /* NULL when only in OLD */
  const char   *id;
  guint         old_index;  /* place among its OLD siblings */
  guint8        recreated;  /* group-ness changed: removed, then created anew */
  guint8        deferred;   /* a branch of OLD that NEW has as a committee or general
                               branch: it changes kind once its members have left */
  guint8        postponed;  /* an org of OLD that NEW has as a group: created anew once
                               every org but the groups is in place */
  guint8        in_prefix;  /* keeps its place among its NEW siblings */
  /* The state of the tree while the operations are planned. */
  guint8        placed;     /* under its NEW parent with its NEW kind */
  guint8        lifted;     /* waiting at the top level */
  guint8        gone;       /* dissolved */
  PboOrgKind    kind;       /* its kind now */
  PboDiffOrg   *parent;     /* its parent now (NULL: the top level) */
  struct _PboDiffMember *landed, *landed_tail; /* put at its end, in order */
};

typedef struct _PboDiffMember PboDiffMember;
struct _PboDiffMember {
  const PboMember *old_m;
  const PboMember *new_m;
  guint            old_index; /* place in its OLD org */
  guint8           stays;     /* in the same (kept) org in both trees */
  guint8           holds;     /* keeps its place in its NEW org (fill_members) */
  guint8           admitted;  /* a recruit of OLD, admitted by the plan */
  guint8           differs;   /* in both trees, with attributes that differ */
  /* The state of the tree while the operations are planned. */
  PboDiffOrg      *host;      /* the org it is in now */
  guint            key;       /* its place there: its OLD place, or after them all when
                                 it landed there */
  PboDiffMember   *next_landed; /* in its host's landed list */
};

struct _PboDiff {
  const PboTree *old_tree;
  const PboTree *new_tree;
  GArray        *changes;     /* PboDiffChange */
  GArray        *ops;         /* PboDiffOp */
  GStringChunk  *strings;
  GHashTable    *orgs;        /* id → PboDiffOrg (owned) */
  /* One record per reference of OLD's member pool (the slot of a member
   * of OLD), then one per member only NEW has; new_rec maps a reference of
   * NEW's member pool to its record's index. */
  PboDiffMember *member_recs;
  guint          n_member_recs;
  guint32       *new_rec;
  guint32        blocks_seen[2]; /* the blocks of OLD's and NEW's member pools
                                    where a record was last found (a cache) */
  guint          n_inexpressible;
  /* Planning state (diff-ops.c). */
  PboDiffOrg    *members_to;  /* a branch or group of NEW, for dissolves */
  guint          n_landed;    /* members landed so far */
};

/* Helpers of diff.c shared with the other files. pbo_diff_org_() takes a
 * non-NULL id (an org of either tree) and gives NULL for an unknown one. */
const char  *pbo_diff_str_        (PboDiff *diff, const char *s);
PboDiffOrg  *pbo_diff_org_        (const PboDiff *diff, const char *id);
PboDiffMember *pbo_diff_member_   (const PboDiff *diff, const char *id);
/* The record of @m, a member of either tree: O(log blocks), no string
 * hashed or compared. */
PboDiffMember *pbo_diff_member_of_ (const PboDiff *diff, const PboMember *m);
gboolean     pbo_diff_org_kept_   (const PboDiffOrg *o);
gboolean     pbo_diff_same_parent_ (const PboDiff *diff, const PboDiffOrg *o);
/* The member attributes whose values differ, as name/value pairs ("" for
 * cleared) ended by NULL: what update-member sets. Free with g_strfreev(). */
char       **pbo_diff_member_changes_ (const PboMember *old_m, const PboMember *new_m);

/* The meetings of @org (in NEW) that stay as they are: the leading run
 * equal to the old org's (0 for an org created by the plan). *replaceable
 * tells whether every old record after it has an id, so that a plan can
 * remove it (and add NEW's records after the run). */
guint        pbo_diff_meetings_kept_ (const PboDiff *diff, const PboOrg *org,
                                      gboolean *replaceable);

/* Are the records of @a (OLD) and @b (NEW) the same (diff-equal.c)? The
 * meetings or recruits at @index of orgs @a and @b; foreign content
 * (NULL: none). */
gboolean     pbo_diff_recruit_equal_ (const PboRecruit *a, const PboRecruit *b);
gboolean     pbo_diff_meeting_equal_ (const PboOrg *a, const PboOrg *b, guint index);
gboolean     pbo_diff_recruit_equal_at_ (const PboOrg *a, const PboOrg *b, guint index);
gboolean     pbo_diff_foreign_equal_ (const PboForeign *a, const PboForeign *b);
/* When @b is @a one stage on and the rules allow the step on its date
 * (<promote>), that date; else PBO_DATE_NONE. */
PboDate      pbo_diff_promotion_      (const PboRecruit *a, const PboRecruit *b);

/* Work records (diff-work-records.c): the changes of one org of NEW
 * (@old: its OLD counterpart or NULL), and a pbo_tree_foreach_org()
 * callback planning them (before set-org: an election sets the term).
 * diff.c's recorder of an ORG_FIELD change, @stuck when no plan can make it. */
void         pbo_diff_work_records_changes_ (PboDiff *diff, const PboOrg *old,
                                             const PboOrg *org);
gboolean     pbo_diff_work_records_ops_     (PboOrg *org, gpointer data);
void         pbo_diff_add_field_change_     (PboDiff *diff, const char *org, const char *detail,
                                             const char *old_value, const char *new_value,
                                             gboolean stuck);

/* diff-ops.c: fills diff->ops. */
void         pbo_diff_plan_       (PboDiff *diff);

/* Shared by the planner's phases (diff-ops.c, diff-recruits.c): append an
 * operation (returned for its fields to be filled), and record that a
 * member was put at the end of @host (an admission). */
PboDiffOp  *pbo_diff_emit_          (PboDiff *diff, PboEditOp op, const char *org);
void        pbo_diff_land_          (PboDiff *diff, PboDiffMember *r, PboDiffOrg *host);
/* pbo_tree_foreach_org() callbacks (@data: the diff): recruits of OLD that
 * leave (admitted or removed), then recruits of NEW added or corrected. */
gboolean    pbo_diff_recruits_out_  (PboOrg *org, gpointer data);
gboolean    pbo_diff_recruits_in_   (PboOrg *org, gpointer data);

/* Member records (diff-records.c): the changes of a member in both trees;
 * a pbo_tree_foreach_member() callback over NEW planning the record
 * operations; the attributes of one such operation (values in @owned). */
void        pbo_diff_record_changes_ (PboDiff *diff, const PboMember *old_m, const PboMember *m);
gboolean    pbo_diff_record_ops_    (PboMember *m, gpointer data);
void        pbo_diff_record_attrs_  (const PboDiffOp *op, GPtrArray *pairs, GPtrArray *owned);
/* add_value_change() of diff.c for the other files. */
void        pbo_diff_add_value_change_ (PboDiff *diff, PboDiffKind kind, const char *org,
                                        const char *member, const char *detail,
                                        const char *old_value, const char *new_value);
/* diff-letters.c: the out letter NEW records for a member it lost (NULL:
 * a plain removal); the receipts NEW records and OLD lacks, as ops. */
const PboLetterInfo *pbo_diff_new_letter_ (const PboDiff *diff, const char *member_id,
                                           PboLetterDirection direction);
void        pbo_diff_receipts_      (PboDiff *diff);

G_END_DECLS

/* diff-text.c: appends the sentence for people that says @c (no newline),
 * in the reader's language; the plan's comments on changes it cannot
 * express are these sentences too. */
void        pbo_diff_change_line_   (const PboDiff *diff, const PboDiffChange *c, GString *out);

#endif /* PBO_DIFF_PRIVATE_H */
