/* Helpers of the suites that run the pbo command-line tool as a process. */
#ifndef PBO_CLI_TESTUTIL_H
#define PBO_CLI_TESTUTIL_H

#include <glib.h>

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

void run_clear (Run *r);

/* Runs "pbo ARGS…" (NULL-terminated; $PBO_CLI is the program) and collects
 * its exit status and output. */
Run run_pbo (const char *first, ...) G_GNUC_NULL_TERMINATED;

/* The same with a NULL-terminated argument vector. */
Run run_pbov (const char *const *args);

/* The path of tests/data/cli/@name in the source tree; g_free it. */
char *data (const char *name);

/* A new temporary file holding @contents; g_free the path. */
char *write_temp (const char *contents);

#endif
