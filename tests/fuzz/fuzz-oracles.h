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

/* The tree saved in memory (g_free() it); aborts if it does not save. */
char *pbo_fuzz_save (const PboTree *tree, gsize *length);

/* Aborts unless the debug validator accepts @tree; @when names the moment. */
void pbo_fuzz_check_invariants (const PboTree *tree, const char *when);

/* Loads @data from memory; if it loads: the invariants hold, and save →
 * load → save gives the first save's bytes again (lossless round trip). */
void pbo_fuzz_check_load (const uint8_t *data, size_t size);

/* Parses @data as a date in both modes (round trip through
 * pbo_date_format()) and checks it as an ID-card number. */
void pbo_fuzz_check_date (const uint8_t *data, size_t size);

/* Loads a small fixed tree and applies the pbo_edit_ operations decoded
 * from @data: invariants after each, every refused operation (and every
 * rollback) leaves the saved tree byte-identical. */
void pbo_fuzz_check_edit (const uint8_t *data, size_t size);

#endif
