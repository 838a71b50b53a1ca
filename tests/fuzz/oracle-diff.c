/* The diff oracle: see fuzz-oracles.h. The property of issue 14: for any
 * OLD and NEW that load, the plan `pbo diff OLD NEW --format plan` writes
 * reads back and, applied to OLD, gives a tree equal to NEW in everything
 * a plan can express; and that tree saves and loads back. */
#include <string.h>
#include <pbo/pbo.h>
#include "fuzz-oracles.h"
#include "../diff-check.h"

/* A tree from one part of the input: a document when it starts with '<'
 * (NULL when it does not load), else the fixed tree changed by the part's
 * bytes read as edit operations. */
static PboTree *
tree_of (const uint8_t *data, size_t size)
{
  PboLoadOptions options = PBO_LOAD_OPTIONS_INIT;
  GError *error = NULL;
  PboTree *tree;

  if (size == 0 || data[0] != '<')
    {
      tree = pbo_fuzz_load_fixed_tree ();
      pbo_fuzz_evolve (tree, data, size);
      return tree;
    }
  options.max_depth = 64;
  options.max_size = 1 << 20;
  options.filename = "fuzz";
  tree = pbo_xml_load_data ((const char *) data, size, &options, &error);
  g_clear_error (&error);
  return tree;
}

/* The plan of @diff as pbo_diff_write_plan() writes it, read back. */
static PboPlan *
written_plan (const PboDiff *diff, char **text)
{
  GString *out = g_string_new (NULL);
  GError *error = NULL;
  PboPlan *plan;

  pbo_diff_write_plan (diff, 20240301, out);
  plan = pbo_plan_load_data (out->str, out->len, NULL, &error);
  if (plan == NULL)
    PBO_FUZZ_FAIL ("the written plan does not read back: %s\n%s", error->message, out->str);
  if (pbo_plan_get_n_ops (plan) != pbo_diff_get_n_operations (diff))
    PBO_FUZZ_FAIL ("the written plan has %u operations, the diff %u:\n%s",
                   pbo_plan_get_n_ops (plan), pbo_diff_get_n_operations (diff), out->str);
  *text = g_string_free (out, FALSE);
  return plan;
}

/* Aborts unless every difference left between @got and @want is one that
 * no plan can express. */
static void
expect_equal (const PboTree *got, const PboTree *want, const char *plan)
{
  GError *error = NULL;
  PboDiff *rest = pbo_diff_new (got, want, &error);
  guint i;

  if (rest == NULL)
    PBO_FUZZ_FAIL ("the result cannot be compared with NEW: %s", error->message);
  for (i = 0; i < pbo_diff_get_n_changes (rest); i++)
    if (pbo_diff_change_is_expressible (pbo_diff_get_change (rest, i)))
      {
        GString *text = g_string_new (NULL);
        pbo_diff_write_text (rest, text);
        PBO_FUZZ_FAIL ("the applied plan does not give NEW; left:\n%s\nplan:\n%s", text->str,
                       plan);
      }
  pbo_diff_free (rest);
}

static void
check_pair (const PboTree *old, const PboTree *new)
{
  PboEditContext context = { PBO_EDIT_CONTEXT_VERSION, 20240301, "fuzz", "fuzzer" };
  GError *error = NULL;
  PboDiff *diff = pbo_diff_new (old, new, &error);
  PboPlan *plan;
  PboTree *work;
  guint first;
  const char *created;
  char *text = NULL;

  if (diff == NULL)
    {
      /* The one refusal: an id that is an org in one tree, a member in the other. */
      if (!g_error_matches (error, PBO_ERROR, PBO_ERROR_DUPLICATE_ID))
        PBO_FUZZ_FAIL ("pbo_diff_new refused a pair: %s", error->message);
      g_error_free (error);
      return;
    }
  plan = written_plan (diff, &text);
  work = pbo_tree_copy (old);
  first = pbo_journal_get_n_entries (work);
  if (!pbo_plan_apply (work, plan, &context, &error))
    PBO_FUZZ_FAIL ("the diff's plan does not apply to OLD: %s\n%s", error->message, text);
  pbo_fuzz_check_invariants (work, "after applying the diff's plan");
  if ((created = diff_check_org_not_in_new (work, first, new)) != NULL)
    PBO_FUZZ_FAIL ("the plan creates org “%s”, which NEW lacks:\n%s", created, text);
  expect_equal (work, new, text);
  pbo_fuzz_check_saves_back (work, "applying the diff's plan");
  pbo_tree_free (work);
  pbo_plan_free (plan);
  pbo_diff_free (diff);
  g_free (text);
}

void
pbo_fuzz_check_diff (const uint8_t *data, size_t size)
{
  const uint8_t *nul = memchr (data, '\0', size);
  size_t first = nul != NULL ? (size_t) (nul - data) : size;
  PboTree *old = tree_of (data, first);
  PboTree *new = nul != NULL ? tree_of (nul + 1, size - first - 1) : NULL;

  if (old != NULL && new == NULL && nul == NULL)
    new = pbo_fuzz_load_fixed_tree ();
  if (old != NULL && new != NULL)
    {
      check_pair (old, new);
      check_pair (new, old);
    }
  if (old != NULL)
    pbo_tree_free (old);
  if (new != NULL)
    pbo_tree_free (new);
}
