/* libpbo — private layout of the edit module: undo steps, journal entries.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_EDIT_PRIVATE_H
#define PBO_EDIT_PRIVATE_H

#include "tree-private.h"

G_BEGIN_DECLS

/* An undo step says how to reverse one primitive change. It names orgs and
 * members by id, never by pointer, so that it applies to any tree in the
 * same state (a copy, for pbo_edit_tree_at(), or a tree loaded back from a
 * file) and can be written out. Strings live in the entry's chunk. */
typedef enum {
  PBO_STEP_NONE = 0,
  PBO_STEP_ORG_ADDED,        /* undo: remove the (empty) org @id */
  PBO_STEP_ORG_REMOVED,      /* undo: re-create @org_snap under @parent before @before */
  PBO_STEP_ORG_MOVED,        /* undo: move org @id under @parent before @before */
  PBO_STEP_ORG_RENAMED,      /* undo: rename org @id to @value */
  PBO_STEP_ORG_KIND,         /* undo: set the kind of org @id to @kind */
  PBO_STEP_MEMBER_ADDED,     /* undo: remove member @id */
  PBO_STEP_MEMBER_REMOVED,   /* undo: re-create @member_snap in @parent before @before */
  PBO_STEP_MEMBER_MOVED,     /* undo: move member @id to @parent before @before */
  PBO_STEP_MEMBER_ATTR,      /* undo: set attribute @attr of member @id to @value */
  PBO_STEP_OFFICER_ADDED,    /* undo: dismiss @member as @role of org @id */
  PBO_STEP_OFFICER_REMOVED,  /* undo: appoint @member as @role of org @id at @index */
  PBO_STEP_RECRUIT_ADDED,    /* undo: remove recruit @id */
  PBO_STEP_RECRUIT_REMOVED,  /* undo: re-create @recruit_snap in branch @parent at @index */
  PBO_STEP_RECRUIT_MOVED,    /* undo: move recruit @id to branch @parent at @index */
  PBO_STEP_RECRUIT_STAGE,    /* undo: give recruit @id the stage and dates of @recruit_snap */
  PBO_STEP_ORG_FIELDS,       /* undo: give org @id unit @value, established @since, and
                                the term @term_start / @term_years */
  PBO_STEP_MEETING_ADDED,    /* undo: remove meeting @index of org @id */
  PBO_STEP_MEETING_REMOVED,  /* undo: re-insert @meeting_snap at @index of org @id */
  PBO_STEP_MEMBER_RECORD,    /* undo: member @id's record keyed @attr becomes @value
                                (encoded), or goes when @value is NULL */
  PBO_STEP_LETTER_ADDED,     /* undo: remove the letter numbered @value (free text) */
  PBO_STEP_LETTER_REMOVED,   /* undo: re-insert @letter_snap at @index of the transfers */
  PBO_STEP_LETTER_RECEIPT,   /* undo: give the letter numbered @value the receipt @since */
  PBO_STEP_WORK_PLAN_ADDED,  /* undo: drop the plan for year @index of org @id */
  PBO_STEP_WORK_PLAN_REMOVED,/* undo: re-add the plan for year @index of org @id, approved
                                @since, titled @value (lib/edit-work-records.c) */
  PBO_STEP_ELECTION_ADDED,   /* undo: drop election @index of org @id */
  PBO_STEP_ELECTION_REMOVED, /* undo: re-insert election @index of org @id: date @since,
                                method @role, "candidates seats voters voted" in @value */
  PBO_STEP_ORG_POSTPONED,    /* undo: give org @id the term-postponed-to @since */
  PBO_STEP_COUNT_            /* not a kind: one past the last */
} PboStepKind;

typedef struct {
  PboMemberInfo info;        /* strings in the entry's chunk */
  PboForeign    foreign;     /* owned */
} PboMemberSnap;

typedef struct {
  PboStepKind  kind;
  const char  *id;           /* the org or member changed */
  const char  *parent;       /* its former container; NULL: the top level */
  const char  *before;       /* its former next sibling; NULL: it was last */
  const char  *value;        /* a former name or attribute value */
  const char  *attr;         /* MEMBER_ATTR: the attribute's format-v1 name */
  const char  *member;       /* OFFICER_*: the office holder */
  guint        index;        /* OFFICER_REMOVED: its place in the officer list */
  PboDate      since;        /* OFFICER_REMOVED: the appointment date */
  guint8       role;         /* OFFICER_* */
  guint8       org_kind;     /* ORG_KIND: the former kind */
  PboOrg        *org_snap;   /* ORG_REMOVED: owned, see edit_snapshot_org_() */
  PboMemberSnap *member_snap;/* MEMBER_REMOVED: owned */
  PboRecruitInfo *recruit_snap; /* RECRUIT_REMOVED, _STAGE: owned, strings in the entry */
  PboDate      term_start;   /* ORG_FIELDS */
  guint8       term_years;
  PboMeeting  *meeting_snap; /* MEETING_REMOVED: owned (and its absent array), strings
                                in the entry */
  PboLetterInfo *letter_snap; /* LETTER_REMOVED: owned, strings in the entry */
} PboStep;

struct _PboJournalEntry {
  guint         seq;
  PboDate       date;
  PboEditOp     op;
  const char   *reason;      /* strings in @strings */
  const char   *operator_name;
  const char   *from;
  const char   *to;
  const char   *detail;
  GPtrArray    *subjects;    /* ids in @strings */
  GArray       *steps;       /* PboStep, in the order made; NULL: no undo data */
  GArray       *vacated;     /* without undo data: the offices vacated, as
                                OFFICER_REMOVED steps (read from a file) */
  GStringChunk *strings;
};

typedef struct {
  GPtrArray       *entries;    /* PboJournalEntry*, committed, oldest first */
  GPtrArray       *pending;    /* operations of the open transaction */
  gboolean         in_txn;
  PboJournalEntry *recording;  /* where primitive changes record their undo steps */
  guint            busy;       /* > 0 while an operation, a rollback or an undo runs */
} PboJournal;

/* Entries. */
PboJournalEntry *pbo_journal_entry_new_       (PboEditOp op, gboolean with_undo);
void             pbo_journal_entry_free_      (PboJournalEntry *entry);
const char      *pbo_journal_entry_str_       (PboJournalEntry *entry, const char *s);
void             pbo_journal_entry_add_subject_ (PboJournalEntry *entry, const char *id);
/* Records an office the operation vacated, for an entry without undo data. */
void             pbo_journal_entry_add_vacated_ (PboJournalEntry *entry, const char *org_id,
                                                 PboRole role, const char *member_id);
/* The entry's undo data as text (edit-undo-data.c), NULL without; g_free. */
char            *pbo_journal_entry_undo_text_ (const PboJournalEntry *entry);
/* Gives an entry read from a file (without undo data) the undo data of
 * @text; PBO_ERROR_INVALID, and no undo data, when it is malformed. */
gboolean         pbo_journal_entry_set_undo_text_ (PboJournalEntry *entry, const char *text,
                                                   GError **error);
/* The last committed entry of @tree's journal, or NULL. */
const PboJournalEntry *pbo_journal_last_ (const PboTree *tree);
/* The journal of @tree, created on first use. */
PboJournal      *pbo_journal_get_             (PboTree *tree);
/* Appends an entry (e.g. one read from a file) to the committed ones; takes
 * ownership and gives it the next sequence number if it has none. */
void             pbo_journal_append_          (PboTree *tree, PboJournalEntry *entry);

/* Undo steps (edit-txn.c). Every primitive change goes through one of the
 * pbo_prim_ functions, which make it and record its inverse in the
 * journal's recording entry (if any). */
PboOrg    *pbo_prim_add_org_       (PboTree *tree, PboOrg *parent, PboOrg *before,
                                    const PboOrg *proto, GError **error);
gboolean   pbo_prim_remove_org_    (PboTree *tree, PboOrg *org, GError **error);
gboolean   pbo_prim_move_org_      (PboTree *tree, PboOrg *org, PboOrg *parent, PboOrg *before,
                                    GError **error);
gboolean   pbo_prim_rename_        (PboTree *tree, PboOrg *org, const char *name, GError **error);
gboolean   pbo_prim_set_kind_      (PboTree *tree, PboOrg *org, PboOrgKind kind, GError **error);
PboMember *pbo_prim_add_member_    (PboTree *tree, PboOrg *org, PboMember *before,
                                    const PboMemberInfo *info, const PboForeign *foreign,
                                    GError **error);
void       pbo_prim_remove_member_ (PboTree *tree, PboMember *member);
gboolean   pbo_prim_move_member_   (PboTree *tree, PboMember *member, PboOrg *org,
                                    PboMember *before, GError **error);
gboolean   pbo_prim_set_attr_      (PboTree *tree, PboMember *member, const char *attr,
                                    const char *value, GError **error);
gboolean   pbo_prim_appoint_       (PboTree *tree, PboOrg *org, guint index, PboRole role,
                                    PboMember *member, PboDate since, GError **error);
gboolean   pbo_prim_dismiss_       (PboTree *tree, PboOrg *org, PboRole role,
                                    PboMember *member, GError **error);
/* Recruits (edit-recruit.c). */
PboRecruit *pbo_prim_add_recruit_  (PboTree *tree, PboOrg *branch, guint index,
                                    const PboRecruitInfo *info, GError **error);
void       pbo_prim_remove_recruit_ (PboTree *tree, PboRecruit *recruit);
/* Gives @recruit @state's stage and dates. */
void       pbo_prim_set_recruit_state_ (PboTree *tree, PboRecruit *recruit,
                                        const PboRecruitInfo *state);
/* Moves every recruit of @source to the branch of @target (itself, or the
 * branch of a group); refused when @target is in no branch. */
gboolean   pbo_op_move_recruits_   (PboTree *tree, PboOrg *source, PboOrg *target,
                                    GError **error);
/* Moves the recruits of the branches of @from's subtree that @selector
 * matches to the branch of @to, listing them as @e's subjects: recruits
 * have no employment or status, so a selector filtering on either takes
 * none; its department filter applies to theirs. */
gboolean   pbo_op_move_selected_recruits_ (PboTree *tree, PboJournalEntry *e,
                                           const PboSelector *selector, PboOrg *from,
                                           PboOrg *to, GError **error);
/* Moves @recruits (PboRecruit*) to the branch of @to (itself, or a group's
 * branch), skipping those already there and listing the others as @e's
 * subjects. */
gboolean   pbo_op_move_recruit_list_ (PboTree *tree, PboJournalEntry *e, GPtrArray *recruits,
                                      PboOrg *to, GError **error);
/* Org fields and meetings (edit-records.c). */
gboolean   pbo_prim_set_org_fields_ (PboTree *tree, PboOrg *org, const char *unit,
                                     PboDate established, PboDate term_start, guint term_years,
                                     GError **error);
gboolean   pbo_prim_add_meeting_   (PboTree *tree, PboOrg *org, guint index,
                                    const PboMeeting *rec, GError **error);
void       pbo_prim_remove_meeting_ (PboTree *tree, PboOrg *org, guint index);
/* Undoes an ORG_FIELDS or MEETING_ step. */
gboolean   pbo_record_undo_step_   (PboTree *tree, const PboStep *step, GError **error);
/* Work records (lib/edit-work-records.c): the undo of their steps, and the
 * journaled removal of all of an org's before the org itself goes. */
gboolean   pbo_work_records_undo_step_ (PboTree *tree, PboOrg *org, const PboStep *step,
                                        GError **error);
gboolean   pbo_prim_drop_org_records_  (PboTree *tree, PboOrg *org);
/* Moves @members to @to before @before (NULL: the end), in order, each
 * listed as @e's subject; those already in @to move too. */
gboolean   pbo_op_move_members_before_ (PboTree *tree, PboJournalEntry *e, GPtrArray *members,
                                        PboOrg *to, PboMember *before, GError **error);
/* Member records (edit-member-records.c): sets or (@rec NULL) removes
 * the record of @key, recording the step; and undoes MEMBER_RECORD. */
gboolean   pbo_prim_set_record_    (PboTree *tree, PboMember *m, const PboMemberRecord *key,
                                    const PboMemberRecord *rec, GError **error);
gboolean   pbo_member_record_undo_step_ (PboTree *tree, const PboStep *step, GError **error);
/* Standings and letters (edit-standing.c): clears @member's standing
 * attributes, recorded, before it leaves the tree; undoes a LETTER_ step. */
void       pbo_prim_clear_standing_ (PboTree *tree, PboMember *member);
gboolean   pbo_letter_undo_step_   (PboTree *tree, const PboStep *step, GError **error);
/* Undoes an ORG_POSTPONED step (term-postpone.c). */
gboolean   pbo_postpone_undo_step_ (PboTree *tree, const PboStep *step, GError **error);
/* Undoes a RECRUIT_ step. */
gboolean   pbo_recruit_undo_step_  (PboTree *tree, const PboStep *step, GError **error);
/* Appends a step of @kind to @e (edit-txn.c); valid until the next step. */
PboStep   *pbo_step_add_           (PboJournalEntry *e, PboStepKind kind);
/* The entry recording @tree's primitive changes, or NULL. */
PboJournalEntry *pbo_recording_    (PboTree *tree);
void       pbo_step_clear_         (PboStep *step);
/* Applies the inverse of @entry's steps, newest first, recording them in
 * turn into the journal's recording entry (if any). */
gboolean   pbo_steps_undo_         (PboTree *tree, PboJournalEntry *entry, GError **error);

/* Operations (edit-ops.c): every operation runs between op_begin and
 * op_end. op_begin validates the context and starts recording into a new
 * entry; op_end(ok) files the entry (journal or open transaction), or
 * undoes its steps and drops it. */
PboJournalEntry *pbo_op_begin_ (PboTree *tree, PboEditOp op, const PboEditContext *context,
                                GError **error);
gboolean         pbo_op_end_   (PboTree *tree, PboJournalEntry *entry, gboolean ok);

/* Moves @members (PboMember*) to the end of @to, skipping those already in
 * it and listing the others as @e's subjects. */
gboolean         pbo_op_move_members_ (PboTree *tree, PboJournalEntry *e, GPtrArray *members,
                                       PboOrg *to, GError **error);

/* Selectors (edit-select.c): the members @selector chooses, its @from
 * defaulting to @default_from; a new array, or NULL with an error. */
GPtrArray       *pbo_select_members_  (PboTree *tree, const PboSelector *selector,
                                       PboOrg *default_from, GError **error);

G_END_DECLS

#endif /* PBO_EDIT_PRIVATE_H */
