/* The diff oracle: see fuzz-oracles.h. The input holds two trees, OLD
 * before its first NUL byte and NEW after it (without a NUL: the two
 * halves). A part that starts with `<` is a format-v1 document, loaded as
 * the loader's oracle loads it (a refused one ends the run); any other
 * part is edit steps (oracle-edit.c's decoding) run on the fixed tree, so
 * that most inputs give two related trees with a lot to plan. */
#include <string.h>
#include <pbo/pbo.h>
#include "fuzz-oracles.h"

static PboTree *
tree_from (const uint8_t *data, size_t size)
{
  PboLoadOptions options = PBO_LOAD_OPTIONS_INIT;
  GError *error = NULL;
  PboTree *tree;

  if (size == 0 || data[0] != '<')
    {
      tree = pbo_fuzz_load_fixed_tree ();
      pbo_fuzz_edit_tree (tree, data, size);
      return tree;
    }
  options.max_depth = 64;
  options.max_size = 1 << 20;
  options.filename = "diff";
  tree = pbo_xml_load_data ((const char *) data, size, &options, &error);
  if (tree == NULL)
    {
      pbo_fuzz_check_refusal (error, "the loader");
      g_error_free (error);
    }
  return tree;
}

/* The plan that turns the diff's OLD into its NEW, as `pbo diff --format
 * plan` writes it, read back as any plan file is; @text receives the
 * document (g_free() it). The one place that knows how a diff becomes a
 * plan: when the diff builds a PboPlan, this becomes pbo_plan_write(). */
static PboPlan *
plan_of_diff (const PboDiff *diff, char **text)
{
  GString *out = g_string_new (NULL);
  GError *error = NULL;
  PboPlan *plan;

  pbo_diff_write_plan (diff, 20240301, out);
  plan = pbo_plan_load_data (out->str, out->len, NULL, &error);
  if (plan == NULL)
    PBO_FUZZ_FAIL ("the plan of a diff does not read back: %s\n%s", error->message, out->str);
  *text = g_string_free (out, FALSE);
  return plan;
}

/* What still differs between @got and @want after the plan is only what
 * the diff itself calls inexpressible (meetings, foreign content, dates
 * and terms of orgs, recruits, …: pbo_diff_change_is_expressible()). */
static void
expect_only_inexpressible (const PboTree *got, const PboTree *want, const char *plan)
{
  GError *error = NULL;
  PboDiff *rest = pbo_diff_new (got, want, &error);
  guint i;

  if (rest == NULL)
    PBO_FUZZ_FAIL ("the tree the plan made does not compare with NEW: %s", error->message);
  for (i = 0; i < pbo_diff_get_n_changes (rest); i++)
    {
      const PboDiffChange *c = pbo_diff_get_change (rest, i);
      if (pbo_diff_change_is_expressible (c))
        PBO_FUZZ_FAIL ("after the plan, change %u (kind %d, org %s, member %s, %s: %s → %s) "
                       "is left:\n%s", i, pbo_diff_change_get_kind (c),
                       pbo_diff_change_get_org (c), pbo_diff_change_get_member (c),
                       pbo_diff_change_get_detail (c), pbo_diff_change_get_old (c),
                       pbo_diff_change_get_new (c), plan);
    }
  pbo_diff_free (rest);
}

static void
check_pair (const PboTree *old_tree, const PboTree *new_tree)
{
  /* A fixed date: today's would make a finding depend on the day. */
  PboEditContext context = { PBO_EDIT_CONTEXT_VERSION, 20240301, "fuzz", "fuzzer" };
  GError *error = NULL;
  PboDiff *diff = pbo_diff_new (old_tree, new_tree, &error);
  PboTree *work;
  PboPlan *plan;
  char *text, *before;
  guint entries;

  if (diff == NULL)
    {
      pbo_fuzz_check_refusal (error, "pbo_diff_new");
      g_error_free (error);
      return;
    }
  plan = plan_of_diff (diff, &text);
  work = pbo_tree_copy (old_tree);
  before = pbo_fuzz_save (work, NULL);
  entries = pbo_journal_get_n_entries (work);
  if (!pbo_plan_apply (work, plan, &context, &error))
    PBO_FUZZ_FAIL ("the plan of a diff does not apply to OLD: %s\n%s", error->message, text);
  pbo_fuzz_check_invariants (work, "after the plan of a diff");
  expect_only_inexpressible (work, new_tree, text);
  pbo_fuzz_check_committed (work, before, entries, "the plan of a diff");
  g_free (before);
  g_free (text);
  pbo_plan_free (plan);
  pbo_tree_free (work);
  pbo_diff_free (diff);
}

void
pbo_fuzz_check_diff (const uint8_t *data, size_t size)
{
  const uint8_t *nul = memchr (data, '\0', size);
  size_t old_size = nul != NULL ? (size_t) (nul - data) : size / 2;
  size_t new_start = nul != NULL ? old_size + 1 : old_size;
  PboTree *old_tree = tree_from (data, old_size);
  PboTree *new_tree = old_tree != NULL ? tree_from (data + new_start, size - new_start) : NULL;

  if (new_tree != NULL)
    check_pair (old_tree, new_tree);
  pbo_tree_free (new_tree);
  pbo_tree_free (old_tree);
}
