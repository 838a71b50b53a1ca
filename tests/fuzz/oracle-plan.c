/* The plan oracle: see fuzz-oracles.h. Where oracle-edit.c drives the
 * pbo_edit_ API directly, this one goes through the plan reader and
 * pbo_plan_apply(): the path a plan file from another system takes. */
#include <pbo/pbo.h>
#include "fuzz-oracles.h"

static PboPlan *
read_plan (const uint8_t *data, size_t size)
{
  PboLoadOptions options = PBO_LOAD_OPTIONS_INIT;
  GError *error = NULL;
  PboPlan *plan;
  guint i, line, column;

  options.max_depth = 64;
  options.filename = "plan";
  plan = pbo_plan_load_data ((const char *) data, size, &options, &error);
  if (plan == NULL)
    {
      pbo_fuzz_check_refusal (error, "the plan reader");
      g_error_free (error);
      return NULL;
    }
  if (error != NULL)
    PBO_FUZZ_FAIL ("the plan reader accepted a plan and set an error");
  /* Every operation read from a document knows where it was written. */
  for (i = 0; i < pbo_plan_get_n_ops (plan); i++)
    if (pbo_plan_get_op (plan, i) == PBO_EDIT_OP_NONE
        || !pbo_plan_get_position (plan, i, &line, &column) || line == 0)
      PBO_FUZZ_FAIL ("operation %u of the plan has no kind or no position", i);
  return plan;
}

void
pbo_fuzz_check_plan (const uint8_t *data, size_t size)
{
  /* A fixed date: today's would make a finding depend on the day. */
  PboEditContext defaults = { PBO_EDIT_CONTEXT_VERSION, 20240301, "fuzz", "fuzzer" };
  PboPlan *plan = read_plan (data, size);
  PboTree *tree;
  GError *error = NULL;
  char *before;
  guint entries;

  if (plan == NULL)
    return;
  tree = pbo_fuzz_load_fixed_tree ();
  before = pbo_fuzz_save (tree, NULL);
  entries = pbo_journal_get_n_entries (tree);
  if (pbo_plan_apply (tree, plan, &defaults, &error))
    {
      if (error != NULL)
        PBO_FUZZ_FAIL ("an applied plan set an error");
      if (pbo_journal_get_n_entries (tree) < entries + pbo_plan_get_n_ops (plan))
        PBO_FUZZ_FAIL ("an applied plan of %u operations made %u journal entries",
                       pbo_plan_get_n_ops (plan), pbo_journal_get_n_entries (tree) - entries);
      pbo_fuzz_check_committed (tree, before, entries, "an applied plan");
    }
  else
    {
      pbo_fuzz_check_unchanged (tree, before, entries, error, "a refused plan");
      g_error_free (error);
    }
  g_free (before);
  pbo_tree_free (tree);
  pbo_plan_free (plan);
}
