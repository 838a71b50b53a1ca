/* libFuzzer entry point of every harness: PBO_FUZZ_ORACLE names the oracle
 * (fuzz-oracles.h) that meson.build compiles this file with. */
#include <glib.h>
#include "fuzz-oracles.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static gboolean initialized;

  if (!initialized)
    {
      /* A failed precondition (g_return_if_fail) is a finding too. */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      initialized = TRUE;
    }
  PBO_FUZZ_ORACLE (data, size);
  return 0;
}
