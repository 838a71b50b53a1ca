/* The checks the fuzz harnesses make on one input, shared with the unit
 * test that replays tests/data/fuzz-regressions/ (test-fuzz-regressions.c),
 * so that a regression input is checked exactly as the fuzzer checked it.
 * Each function aborts (g_error) when a property fails and returns normally
 * for every input that libpbo handles correctly, accepted or refused. */
#ifndef PBO_FUZZ_ORACLES_H
#define PBO_FUZZ_ORACLES_H

#include <stdlib.h>
#include <stddef.h>
#include <stdint.h>
#include <pbo/pbo.h>

/* Reports a broken property and aborts: abort() rather than g_error(),
 * whose SIGTRAP libFuzzer does not catch (no crash file would be kept). */
#define PBO_FUZZ_FAIL(...) (g_printerr (__VA_ARGS__), g_printerr ("\n"), abort ())

/* ---- shared (fuzz-tree.c) ---- */

/* The tree saved in memory (g_free() it); aborts if it does not save. */
char *pbo_fuzz_save (const PboTree *tree, gsize *length);

/* Aborts unless the debug validator accepts @tree; @when names the moment. */
void pbo_fuzz_check_invariants (const PboTree *tree, const char *when);

/* A new copy of the small fixed tree the edit, plan and CSV harnesses
 * change (committees, a general branch, branches, a group, officers,
 * meetings, foreign content; no journal). */
PboTree *pbo_fuzz_load_fixed_tree (void);

/* Aborts unless @error is a PBO_ERROR with a non-empty UTF-8 message:
 * how every refusal must look. @what names the refused thing. */
void pbo_fuzz_check_refusal (const GError *error, const char *what);

/* Aborts unless @tree saves to exactly @expected (an earlier save). */
void pbo_fuzz_expect_saved (const PboTree *tree, const char *expected, const char *what);

/* The property every accepted change keeps: @tree saves, the save loads
 * back (the invariants hold) and saves again to the same bytes. @what
 * names the change. */
void pbo_fuzz_check_saves_back (const PboTree *tree, const char *what);

/* Applies the edit operations decoded from @data to @tree as
 * pbo_fuzz_check_edit() does, checking only that what is accepted keeps
 * the invariants (oracle-edit.c): how the diff harness grows its trees. */
void pbo_fuzz_evolve (PboTree *tree, const uint8_t *data, size_t size);

/* After an accepted change of @tree, which saved as @before with
 * @entries_before journal entries: the invariants hold, no transaction is
 * open, the saved result saves back (pbo_fuzz_check_saves_back()) and
 * passes pbo_fuzz_check_load(), and undoing the
 * new journal entries one by one gives @before again, byte for byte.
 * Leaves @tree as it was before the change. */
void pbo_fuzz_check_committed (PboTree *tree, const char *before, guint entries_before,
                               const char *what);

/* After a refused change of @tree (@error): the refusal is well formed
 * (pbo_fuzz_check_refusal()), no transaction is open, the journal still
 * has @entries_before entries, and the tree saves as @before again. */
void pbo_fuzz_check_unchanged (const PboTree *tree, const char *before, guint entries_before,
                               const GError *error, const char *what);

/* ---- one oracle per harness ---- */

/* Loads @data from memory; if it loads: the invariants hold, and save →
 * load → save gives the first save's bytes again (lossless round trip). */
void pbo_fuzz_check_load (const uint8_t *data, size_t size);

/* Parses @data as a date in both modes (round trip through
 * pbo_date_format()) and checks it as an ID-card number: accepted exactly
 * when an independent GB 11643 model accepts it (17 digits, a real birth
 * date, the ISO 7064 MOD 11-2 check character). */
void pbo_fuzz_check_date (const uint8_t *data, size_t size);

/* Loads a small fixed tree and applies the pbo_edit_ operations decoded
 * from @data (texts and ids taken from its bytes too): invariants after
 * each, every accepted one saves back (pbo_fuzz_check_saves_back()), every
 * refused operation (and every rollback) leaves the saved tree
 * byte-identical. */
void pbo_fuzz_check_edit (const uint8_t *data, size_t size);

/* Two trees from @data (split at its first NUL byte; each part a format
 * v1 document when it starts with '<', else edit operations applied to
 * the fixed tree) → pbo_diff_new() → the plan written → read back →
 * applied to a copy of OLD: the result saves back, and no expressible
 * difference from NEW is left. */
void pbo_fuzz_check_diff (const uint8_t *data, size_t size);

/* Reads @data as a <plan> document; if it reads, applies it to the fixed
 * tree: a refused plan leaves the saved tree and the journal byte-identical,
 * an accepted one passes pbo_fuzz_check_committed(). */
void pbo_fuzz_check_plan (const uint8_t *data, size_t size);

/* Reads @data with pbo_csv_parse() (every field UTF-8 and within the
 * limits, lines in order) and imports it with pbo_csv_import_members()
 * into the fixed tree's branch b1: refused when it does not parse, a
 * refused import leaves the saved tree byte-identical, an accepted one
 * adds as many journal entries as members and passes
 * pbo_fuzz_check_committed(). */
void pbo_fuzz_check_csv (const uint8_t *data, size_t size);

#endif
