/* Helpers shared by the edit module's Check suites (white-box: they see the
 * private layout, to plant and compare foreign content). */
#ifndef PBO_EDIT_TESTUTIL_H
#define PBO_EDIT_TESTUTIL_H

#include "testutil.h"

/* tu_dump() plus what it leaves out: foreign content of the tree, orgs and
 * members, and the ids of absent members of every meeting. g_free() it. */
char *et_dump (const PboTree *tree);

/* tu_sample_tree() with officers in every org above a member, meetings
 * with absent members, optional member fields and foreign content:
 *   c1: secretary m1, committee-member m4, committee-member m7
 *   g1: secretary m4, deputy-secretary m5      b1: secretary m1, organization m2
 *   b2: propaganda m5      gr1: secretary m6   b3: (none) */
PboTree *et_rich_tree (void);

/* Undoes the last entry and asserts that the tree is @before exactly
 * (an et_dump()) and sound. */
void et_assert_undo_restores (PboTree *tree, const char *before);

/* Sets foreign content on an org or a member (white-box). */
void et_set_org_foreign (PboOrg *org, const char *attrs, const char *children);
void et_set_member_foreign (PboMember *m, const char *attrs, const char *children);

/* Runs @expr (which must fail with PBO_ERROR @code, its GError being
 * `err_`) and asserts that the tree and its journal are exactly as before. */
#define ET_REFUSED(tree, code, expr)                                              \
  do {                                                                            \
    char *before_ = et_dump (tree);                                               \
    guint entries_ = pbo_journal_get_n_entries (tree);                            \
    GError *err_ = NULL;                                                          \
    gboolean ok_ = (expr) ? TRUE : FALSE;                                         \
    char *after_ = et_dump (tree);                                                \
    ck_assert_msg (!ok_, "%s succeeded", #expr);                                  \
    ck_assert_pbo_error (err_, code);                                             \
    ck_assert_str_eq (before_, after_);                                           \
    ck_assert_uint_eq (entries_, pbo_journal_get_n_entries (tree));               \
    ck_assert_invariants (tree);                                                  \
    g_free (before_);                                                             \
    g_free (after_);                                                              \
  } while (0)

/* Runs @expr, which must succeed (its GError being `err_`). */
#define ET_OK(tree, expr)                                                         \
  do {                                                                            \
    GError *err_ = NULL;                                                          \
    gboolean ok_ = (expr) ? TRUE : FALSE;                                         \
    ck_assert_msg (ok_, "%s: %s", #expr, err_ != NULL ? err_->message : "?");     \
    ck_assert_no_error (err_);                                                    \
    ck_assert_invariants (tree);                                                  \
  } while (0)

#endif
