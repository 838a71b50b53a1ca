/* libpbo — private layout of recruits, shared by the tree, XML and edit modules.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_RECRUIT_PRIVATE_H
#define PBO_RECRUIT_PRIVATE_H

#include "tree-private.h"

G_BEGIN_DECLS

/* Few per branch: one g_new0 record each, in the branch's recruits array
 * and the tree's recruits table (id → record). Strings in the tree's chunk. */
struct _PboRecruit {
  const char *id;
  const char *name;
  const char *department;
  PboOrg     *branch;
  PboDate     born;
  PboDate     applied;
  PboDate     activist_since;
  PboDate     candidate_since;
  guint8      stage;
  guint8      gender;
};

gboolean    pbo_recruit_info_check_  (const PboRecruitInfo *info, GError **error);
/* pbo_tree_add_recruit() at @index of @branch's recruits (G_MAXUINT: last). */
PboRecruit *pbo_tree_insert_recruit_ (PboTree *tree, PboOrg *branch, guint index,
                                      const PboRecruitInfo *info, GError **error);
/* Removes (and frees) @recruit; returns its former index in its branch. */
guint       pbo_tree_remove_recruit_ (PboTree *tree, PboRecruit *recruit);
/* Moves @recruit to @index of @branch's recruits (G_MAXUINT: last), no
 * checks; returns its former index. */
guint       pbo_recruit_move_        (PboRecruit *recruit, PboOrg *branch, guint index);
/* Later than every day of the calendar: the day a rule of time is met
 * when it falls after 9999-12-31 (the 18th birthday of someone born in
 * 9990), so that comparisons say "not yet" where PBO_DATE_NONE, below
 * every date, said "long ago". Never stored, never formatted as a date. */
#define PBO_DATE_NEVER_ ((PboDate) 99991232u)

/* @day (PBO_DATE_BUFSIZE bytes of @buf) as a message shows it, the
 * PBO_DATE_NEVER_ of the rules too. */
const char *pbo_rule_day_format_   (PboDate day, char *buf);
/* The day a person born on @born (a date or a year) is @years old, or
 * PBO_DATE_NEVER_ past the calendar; PBO_DATE_NONE when @born is. */
PboDate     pbo_adult_on_            (PboDate born, guint years);
/* The rules of time, one place for the operations, the check and
 * pbo_recruit_eligible_on(): did @r apply before turning @years (never
 * when born is unknown; *@adult, nullable, gets the birthday)? Was @r, a
 * candidate, listed before @months as an activist? The day an activist
 * has been one for @months (PBO_DATE_NEVER_ past the calendar). */
gboolean    pbo_recruit_applied_under_age_ (const PboRecruit *r, guint years, PboDate *adult);
gboolean    pbo_recruit_listed_early_      (const PboRecruit *r, guint months);
PboDate     pbo_recruit_trained_on_        (const PboRecruit *r, guint months);

G_END_DECLS

#endif /* PBO_RECRUIT_PRIVATE_H */
