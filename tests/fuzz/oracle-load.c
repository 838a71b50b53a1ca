/* The loader's oracle: see fuzz-oracles.h. */
#include <string.h>
#include <pbo/pbo.h>
#include "fuzz-oracles.h"

/* Small limits make deep and long inputs reach the limit checks quickly;
 * the defaults are exercised by the unit tests. */
static PboTree *
load (const char *data, size_t size, GError **error)
{
  PboLoadOptions options = PBO_LOAD_OPTIONS_INIT;

  options.max_depth = 64;
  options.max_size = 1 << 20;
  options.filename = "fuzz";
  return pbo_xml_load_data (data, size, &options, error);
}

void
pbo_fuzz_check_load (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  PboTree *tree = load ((const char *) data, size, &error), *again;
  char *first, *second;
  gsize first_len, second_len;

  if (tree == NULL)
    {
      /* Every refusal is a PBO_ERROR with a message a person can read. */
      pbo_fuzz_check_refusal (error, "the loader");
      g_error_free (error);
      return;
    }
  pbo_fuzz_check_invariants (tree, "after loading");
  first = pbo_fuzz_save (tree, &first_len);
  again = load (first, first_len, &error);
  if (again == NULL)
    PBO_FUZZ_FAIL ("the saved document does not load again: %s\n%s", error->message, first);
  pbo_fuzz_check_invariants (again, "after reloading");
  second = pbo_fuzz_save (again, &second_len);
  if (first_len != second_len || memcmp (first, second, first_len) != 0)
    PBO_FUZZ_FAIL ("load → save → load → save is not byte-identical:\n%s\n----\n%s", first, second);
  g_free (second);
  g_free (first);
  pbo_tree_free (again);
  pbo_tree_free (tree);
}
