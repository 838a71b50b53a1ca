/* libFuzzer entry point of every harness: PBO_FUZZ_ORACLE names the oracle
 * (fuzz-oracles.h) that meson.build compiles this file with. */
#include <glib.h>
#include "fuzz-oracles.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A failed precondition (g_return_if_fail) or a warning is a finding too;
 * abort() so that libFuzzer keeps the input (it ignores SIGTRAP). */
static void
abort_on_log (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  g_printerr ("%s: %s\n", domain != NULL ? domain : "", message);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static gboolean initialized;

  if (!initialized)
    {
      g_log_set_default_handler (abort_on_log, NULL);
      initialized = TRUE;
    }
  PBO_FUZZ_ORACLE (data, size);
  return 0;
}
