/* libpbo — private layout of members' standings and of the transfers list
 * (format 1.1), shared by the tree, XML, edit and rule modules.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_LIFECYCLE_PRIVATE_H
#define PBO_LIFECYCLE_PRIVATE_H

#include "tree-private.h"

G_BEGIN_DECLS

/* Few members have one: a g_new0 record each, in a hash table keyed by the
 * member, so that the others cost nothing (docs/model.md). */
typedef struct {
  PboDate     since;
  PboDate     until;
  PboDate     extended_to;
  const char *outflow_to;    /* in the tree's chunk */
  guint8      standing;
} PboStandingRec;

/* tree->lifecycle, created on first use. */
typedef struct {
  GHashTable *standing;      /* PboMember* → PboStandingRec* (owned) */
  GPtrArray  *letters;       /* PboLetterInfo* (owned; strings in the tree's chunk) */
  GHashTable *letter_index;  /* number → PboLetterInfo* */
} PboLifecycle;

PboLifecycle         *pbo_lifecycle_get_   (PboTree *tree);
void                  pbo_lifecycle_free_  (PboTree *tree);
/* Does @tree hold a standing or a letter (the writer's version test)? */
gboolean              pbo_lifecycle_used_  (const PboTree *tree);
const PboStandingRec *pbo_standing_rec_    (const PboMember *m);
/* The member is going: its record goes too. */
void                  pbo_standing_forget_ (PboTree *tree, PboMember *m);
/* The member attributes of the side table (PBO_MATTR_STANDING and after). */
gboolean              pbo_standing_parse_  (PboMemberAttr attr, const char *value,
                                            GError **error);
const char           *pbo_standing_attr_format_ (const PboMember *m, PboMemberAttr attr,
                                                 char *buf);
/* The builder's setter (pbo_member_set_attribute()): it checks the rule of
 * an extension (once, at most 12 months, probationary members only). */
gboolean              pbo_standing_set_attr_ (PboTree *tree, PboMember *m, PboMemberAttr attr,
                                              const char *value, GError **error);
/* The loader's: @values indexed from PBO_MATTR_STANDING, syntax and date
 * order checked. */
gboolean              pbo_standing_load_   (PboTree *tree, PboMember *m,
                                            const char *const *values, GError **error);
/* Copies @src's record (of another tree) to @dst. */
void                  pbo_standing_copy_   (PboTree *tree, PboMember *dst, const PboMember *src);
/* Copies @src's letters into @dst (pbo_tree_copy()). */
void                  pbo_letters_copy_    (PboTree *dst, const PboTree *src);

/* Postponed terms (term-postpone.c): checks and sets @org's
 * term-postponed-to (PBO_DATE_NONE clears it): after the term's end, at
 * most 12 months past it (选举工作条例 art. 3). */
gboolean              pbo_org_postpone_term_ (PboOrg *org, PboDate to, GError **error);
gboolean              pbo_tree_has_postponed_term_ (const PboTree *tree);
/* The day a term ending on @end is due: @end, or the postponement. */
PboDate               pbo_term_due_          (const PboOrg *org, PboDate end);

/* Letters (letters.c). */
PboLetterInfo        *pbo_letter_lookup_   (const PboTree *tree, const char *number);
gboolean              pbo_letter_check_    (const PboLetterInfo *info, GError **error);
/* Inserts a copy (strings into the tree) at @index (G_MAXUINT: last). */
PboLetterInfo        *pbo_letter_insert_   (PboTree *tree, guint index, const PboLetterInfo *info,
                                            GError **error);
/* Removes the letter, returns its former index. */
guint                 pbo_letter_remove_   (PboTree *tree, PboLetterInfo *letter);
/* The <transfers> element (nothing without letters), at depth 1. */
void                  pbo_letters_write_xml_ (GString *out, const PboTree *tree);
/* "2026-03" → 202603; FALSE when malformed. */
gboolean              pbo_month_parse_     (const char *text, guint *month);
/* 202603 → "2026-03" in @buf (8 bytes). */
const char           *pbo_month_format_    (guint month, char *buf);

G_END_DECLS

#endif /* PBO_LIFECYCLE_PRIVATE_H */
