/* Helpers shared by the Check suites. */
#ifndef PBO_TESTUTIL_H
#define PBO_TESTUTIL_H

#include <check.h>
#include <pbo/pbo.h>

/* Fails the test unless the tree passes the debug validator. */
#define ck_assert_invariants(tree)                                             \
  do {                                                                         \
    GError *inv_error_ = NULL;                                                 \
    gboolean inv_ok_ = pbo_tree_validate_invariants ((tree), &inv_error_);     \
    ck_assert_msg (inv_ok_, "%s", inv_error_ ? inv_error_->message : "?");     \
  } while (0)

/* Fails unless @err is set in PBO_ERROR with @code; then clears it. */
#define ck_assert_pbo_error(err, expected_)                                         \
  do {                                                                         \
    ck_assert_msg ((err) != NULL, "expected error %d, got none", (int) (expected_)); \
    ck_assert_msg ((err)->domain == PBO_ERROR && (err)->code == (int) (expected_),  \
                   "expected code %d, got %d: %s", (int) (expected_), (err)->code,  \
                   (err)->message);                                            \
    g_clear_error (&(err));                                                    \
  } while (0)

#define ck_assert_no_error(err)                                                \
  ck_assert_msg ((err) == NULL, "unexpected error: %s", (err) ? (err)->message : "")

/* Adds a member with plausible dates; aborts the test on failure. */
PboMember *tu_add_member (PboTree *tree, PboOrg *org, const char *id, PboStatus status,
                          PboEmployment employment);

/* The same, reporting failure through @error instead of failing the test. */
PboMember *tu_add_member_soft (PboTree *tree, PboOrg *org, const char *id, PboStatus status,
                               PboEmployment employment, GError **error);

/* Adds an org; aborts the test on failure. */
PboOrg *tu_add_org (PboTree *tree, PboOrg *parent, PboOrgKind kind, const char *id);

/* A small tree:  c1 (committee)
 *                  ├ g1 (general-branch) ├ b1 (branch: m1 full, m2 full retired, m3 probationary)
 *                  │                     └ b2 (branch: m4; group gr1: m5, m6)
 *                  └ b3 (branch: m7)                                          */
PboTree *tu_sample_tree (void);

/* A fingerprint of the whole tree (every field, in order) for
 * "exactly as before" assertions; g_free() it. */
char *tu_dump (const PboTree *tree);

/* Runs @suite and returns the exit status for main(). */
int tu_run (Suite *suite);

/* $PBO_SRCDIR/@relative, or @relative if unset; g_free() it. */
char *tu_srcpath (const char *relative);

/* The whole contents of @path; fails the test if it cannot be read. */
char *tu_read_file (const char *path);

/* The tree saved as format v1 in memory; fails the test on error. */
char *tu_save_string (const PboTree *tree, const PboSaveOptions *options);

/* A tree loaded from a format-v1 string, checked by the debug validator;
 * fails the test on error. */
PboTree *tu_load_string (const char *text);

/* A tree with every field of every object set, text that needs escaping:
 *   c (committee; secretary m1) ├ b (branch; m1 with every member field;
 *                               │    committee members m1, m2; a meeting m2 missed)
 *                               │  └ g (group: m2 probationary retired)
 *   empty-general-branch                                                      */
PboTree *tu_full_tree (void);

/* The property every accepted change must keep: @tree saves, the save
 * loads back (passing the validator) and saves again byte-identically.
 * Returns FALSE with a message in @why (g_free() it) otherwise, so that
 * callers can name their seed and step. */
gboolean tu_roundtrips (const PboTree *tree, char **why);

/* Fails the test unless tu_roundtrips(); @fmt names the case. */
#define ck_assert_roundtrips(tree, ...)                                        \
  do {                                                                         \
    char *rt_why_ = NULL;                                                      \
    if (!tu_roundtrips ((tree), &rt_why_))                                     \
      {                                                                        \
        char *rt_where_ = g_strdup_printf (__VA_ARGS__);                       \
        ck_abort_msg ("%s: %s", rt_where_, rt_why_);                           \
      }                                                                        \
  } while (0)

/* Removes @dir with the files in it (not subfolders) and frees @dir. */
void tu_remove_dir (char *dir);

#endif
