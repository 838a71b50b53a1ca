/* libpbo — findings as they come (issue 18): pbo_check_foreach() hands
 * each org's findings to the caller and forgets them, and the writers of
 * one finding that it and pbo_findings_write_*() share. A check of the
 * national tree then costs one org's findings of memory, not millions.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "csv-private.h"
#include "rules-private.h"

gboolean
pbo_check_flush_ (PboCheckRun *run)
{
  guint i;

  for (i = 0; i < run->items->len && !run->stopped; i++)
    {
      const PboFinding *f = &g_array_index (run->items, PboFinding, i);

      if (f->severity >= PBO_SEVERITY_ERROR)
        run->n_errors++;
      run->stopped = !run->sink (f, run->sink_data);
    }
  g_array_set_size (run->items, 0);
  g_string_chunk_clear (run->strings);
  return !run->stopped;
}

gboolean
pbo_check_foreach (const PboTree *tree, PboOrg *root, const PboCheckOptions *options,
                   PboFindingFunc func, gpointer user_data, guint *n_errors, GError **error)
{
  PboCheckRun run = { 0 };
  gboolean ok;

  g_return_val_if_fail (tree != NULL && func != NULL, FALSE);
  g_return_val_if_fail (root == NULL || pbo_org_get_tree (root) == tree, FALSE);

  run.items = g_array_new (FALSE, FALSE, sizeof (PboFinding));
  /* Small: it holds one org's strings, cleared after each org. */
  run.strings = g_string_chunk_new (256);
  run.sink = func;
  run.sink_data = user_data;
  ok = pbo_check_run_ (tree, root, options, &run, error);
  g_array_unref (run.items);
  g_string_chunk_free (run.strings);
  if (n_errors != NULL)
    *n_errors = run.n_errors;
  return ok;
}

void
pbo_finding_write_text (const PboFinding *f, GString *out)
{
  g_return_if_fail (f != NULL && out != NULL);
  g_string_append (out, f->org_id);
  if (f->member_id != NULL)
    g_string_append_printf (out, "/%s", f->member_id);
  g_string_append_printf (out, ": %s %s: ", pbo_severity_to_display_name (f->severity),
                          f->code);
  pbo_text_append_escaped (out, f->message);
  g_string_append_printf (out, " [%s]\n", f->rule->source);
}

void
pbo_findings_write_csv_header (GString *out, PboCsvWriteFlags flags)
{
  g_return_if_fail (out != NULL);
  pbo_csv_row_ (out, flags, "severity", "code", "org", "member", "message", "source", NULL);
}

void
pbo_finding_write_csv (const PboFinding *f, GString *out, PboCsvWriteFlags flags)
{
  g_return_if_fail (f != NULL && out != NULL);
  pbo_csv_row_ (out, flags, pbo_severity_to_string (f->severity), f->code, f->org_id,
                f->member_id != NULL ? f->member_id : "", f->message, f->rule->source, NULL);
}
