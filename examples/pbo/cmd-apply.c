/* pbo apply FILE PLAN [-o OUT] [--dry-run]: a restructuring plan applied
 * all or nothing, with a before/after summary of the orgs it touched. The
 * one-operation shortcuts (cmd-edit.c) run through cli_apply_plan() too.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include "pbo-cli.h"

/* An org as it stood before the plan. */
typedef struct {
  char  *id;
  char  *name;
  guint  members;
} Before;

static void
before_clear (gpointer data)
{
  Before *b = data;

  g_free (b->id);
  g_free (b->name);
}

static guint
members_of (const PboOrg *org)
{
  PboStats s;

  pbo_org_get_stats (org, &s);
  return s.members;
}

/* Every org's member count, in document order; O(orgs). */
static GArray *
snapshot (PboTree *tree)
{
  GArray *orgs = g_array_new (FALSE, FALSE, sizeof (Before));
  PboWalker w;
  PboWalkEvent ev;
  PboOrg *org;

  g_array_set_clear_func (orgs, before_clear);
  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    if (ev == PBO_WALK_ENTER)
      {
        Before b = { g_strdup (pbo_org_get_id (org)), g_strdup (pbo_org_get_name (org)),
                     members_of (org) };
        g_array_append_val (orgs, b);
      }
  return orgs;
}

/* The ids the journal entries from @first on speak of (subjects, from, to). */
static GHashTable *
journaled_ids (PboTree *tree, guint first)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i, k;

  for (i = first; i < pbo_journal_get_n_entries (tree); i++)
    {
      const PboJournalEntry *e = pbo_journal_get_entry (tree, i);
      if (pbo_journal_entry_get_from (e) != NULL)
        g_hash_table_add (ids, g_strdup (pbo_journal_entry_get_from (e)));
      if (pbo_journal_entry_get_to (e) != NULL)
        g_hash_table_add (ids, g_strdup (pbo_journal_entry_get_to (e)));
      for (k = 0; k < pbo_journal_entry_get_n_subjects (e); k++)
        g_hash_table_add (ids, g_strdup (pbo_journal_entry_get_subject (e, k)));
    }
  return ids;
}

/* One line of the summary: the counts before and after ("-" for an org the
 * plan created, "removed" for one it removed), then the org. */
static void
append_line (GString *out, const char *id, const char *name, const Before *b, const PboOrg *now)
{
  g_autofree char *shown = cli_escaped (name);
  char before[16], after[16];

  g_snprintf (before, sizeof before, b != NULL ? "%u" : "-", b != NULL ? b->members : 0);
  g_snprintf (after, sizeof after, "%u", now != NULL ? members_of (now) : 0);
  cli_append_right (out, before, 7);
  g_string_append_c (out, ' ');
  cli_append_right (out, now != NULL ? after : _("removed"), 7);
  g_string_append_printf (out, "  %s (%s)\n", shown, id);
}

/* The orgs the plan named or whose member count changed: those in the tree
 * now, in document order, then those it removed. */
static void
append_summary (GString *out, PboTree *tree, GArray *before, guint first_entry)
{
  g_autoptr (GHashTable) named = journaled_ids (tree, first_entry);
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  PboWalker w;
  PboWalkEvent ev;
  PboOrg *org;
  guint i;

  for (i = 0; i < before->len; i++)
    g_hash_table_insert (index, g_array_index (before, Before, i).id,
                         &g_array_index (before, Before, i));
  cli_append_right (out, _("BEFORE"), 7);
  g_string_append_c (out, ' ');
  cli_append_right (out, _("AFTER"), 7);
  g_string_append_printf (out, "  %s\n", _("ORG"));
  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      const Before *b;
      if (ev != PBO_WALK_ENTER)
        continue;
      b = g_hash_table_lookup (index, pbo_org_get_id (org));
      if (b == NULL || b->members != members_of (org)
          || g_hash_table_contains (named, pbo_org_get_id (org)))
        append_line (out, pbo_org_get_id (org), pbo_org_get_name (org), b, org);
    }
  for (i = 0; i < before->len; i++)
    {
      const Before *b = &g_array_index (before, Before, i);
      if (pbo_tree_lookup_org (tree, b->id) == NULL)
        append_line (out, b->id, b->name, b, NULL);
    }
}

int
cli_apply_plan (const char *command, const char *file, const PboPlan *plan,
                const CliApply *how)
{
  CliInput in = { 0 };
  PboSaveOptions opts = PBO_SAVE_OPTIONS_INIT;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *shown = g_filename_display_name (how->output != NULL ? how->output : file);
  g_autoptr (PboFileLock) lock = NULL;
  GArray *before = NULL;
  guint first;
  int status = CLI_EXIT_BAD_INPUT;

  if (how->create && g_file_test (file, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, _("pbo %s: %s exists already: it is not overwritten\n"), command, file);
      goto done;
    }
  if (how->create)
    in.tree = pbo_tree_new ();
  else if ((!how->dry_run
            && !cli_lock_for_rewrite (command, file, how->output, how->lock_timeout, &lock))
           || !cli_load_input (&in, file))
    goto done;
  before = snapshot (in.tree);
  first = pbo_journal_get_n_entries (in.tree);
  if (!pbo_plan_apply (in.tree, plan, &how->defaults, &error))
    {
      fprintf (stderr, "pbo %s: %s\n", command, error->message);
      goto done;
    }
  g_string_append_printf (out, ngettext ("%u operation applied: journal entries %u to %u\n",
                                    "%u operations applied: journal entries %u to %u\n",
                                    pbo_plan_get_n_ops (plan)),
                          pbo_plan_get_n_ops (plan), first + 1, pbo_journal_get_n_entries (in.tree));
  append_summary (out, in.tree, before, first);
  if (how->dry_run)
    g_string_append_printf (out, _("dry run: %s not written\n"), shown);
  else if (cli_save_tree (in.tree, how->output != NULL ? how->output : file, &opts))
    g_string_append_printf (out, _("wrote %s\n"), shown);
  else
    goto done;
  /* With -o -, the document has the standard output to itself. */
  if (how->output != NULL && strcmp (how->output, "-") == 0)
    status = fputs (out->str, stderr) >= 0 ? CLI_EXIT_OK : CLI_EXIT_BAD_INPUT;
  else
    status = cli_write_output (out, NULL) ? CLI_EXIT_OK : CLI_EXIT_BAD_INPUT;
done:
  if (before != NULL)
    g_array_unref (before);
  cli_input_clear (&in);
  return status;
}

void
cli_apply_clear (CliApply *how)
{
  g_clear_pointer (&how->output, g_free);
  g_clear_pointer (&how->date, g_free);
  g_clear_pointer (&how->reason, g_free);
  g_clear_pointer (&how->operator_name, g_free);
  g_clear_pointer (&how->lock_timeout, g_free);
}

gboolean
cli_apply_options_check (CliApply *how)
{
  how->defaults.version = PBO_EDIT_CONTEXT_VERSION;
  how->defaults.reason = how->reason;
  how->defaults.operator_name = how->operator_name;
  return cli_parse_date ("--date", how->date, FALSE, &how->defaults.date);
}

int
cli_cmd_apply (int argc, char **argv)
{
  CliApply how = { 0 };
  GOptionEntry entries[] = { CLI_APPLY_ENTRIES (how), { NULL, 0, 0, 0, NULL, NULL, NULL } };
  g_autoptr (GError) error = NULL;
  g_autoptr (PboPlan) plan = NULL;
  int status = CLI_EXIT_BAD_INPUT;

  if (cli_parse ("apply", "FILE PLAN",
                 "Apply a restructuring plan all or nothing; FILE is rewritten crash-safely "
                 "(or -o OUT is written) only if every operation succeeds.",
                 entries, NULL, &argc, &argv, 2)
      && cli_apply_options_check (&how))
    {
      plan = pbo_plan_load_file (argv[2], NULL, &error);
      if (plan == NULL)
        fprintf (stderr, "pbo apply: %s\n", error->message);
      else
        status = cli_apply_plan ("apply", argv[1], plan, &how);
    }
  cli_apply_clear (&how);
  return status;
}
