/* pbo combine -o OUT --id ID --kind KIND --name NAME [--unit U] [--prefix-ids] FILE…
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include "pbo-cli.h"

/* Where the id attribute `id="ID"` of @id stands in @path: the line and
 * column (1-based, bytes) of its start, for an error a person can follow.
 * Ids are NCNames, never escaped, so the text can be searched as it is;
 * the match must follow white space, so `hr:id="…"` is not taken. */
static gboolean
locate_id (const char *path, const char *id, guint *line, guint *col)
{
  g_autofree char *text = NULL;
  g_autofree char *needle = g_strdup_printf ("id=\"%s\"", id);
  gsize len;

  if (!g_file_get_contents (path, &text, &len, NULL))
    return FALSE;
  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    if (p > text && g_ascii_isspace (p[-1]))
      {
        const char *bol = text;

        *line = 1;
        for (const char *q = text; q < p; q++)
          if (*q == '\n')
            {
              (*line)++;
              bol = q + 1;
            }
        *col = (guint) (p - bol) + 1;
        return TRUE;
      }
  return FALSE;
}

static char *
position (const char *path, const char *id)
{
  g_autofree char *display = g_filename_display_name (path);
  guint line = 0, col = 0;

  if (locate_id (path, id, &line, &col))
    return g_strdup_printf ("%s:%u:%u", display, line, col);
  return g_steal_pointer (&display);
}

/* "FILE-STEM." with the characters an id cannot hold replaced by '_': the
 * prefix --prefix-ids gives every id of FILE (docs/combine.md). */
static char *
file_prefix (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  GString *prefix = g_string_new (NULL);

  if (dot != NULL && dot != base)
    *dot = '\0';
  if (g_ascii_isdigit (base[0]) || base[0] == '-' || base[0] == '.')
    g_string_append_c (prefix, '_');
  for (const char *p = base; *p != '\0'; p++)
    g_string_append_c (prefix, ((guchar) *p >= 0x80 || g_ascii_isalnum (*p) || *p == '-'
                                || *p == '_' || *p == '.') ? *p : '_');
  g_string_append_c (prefix, '.');
  return g_string_free (prefix, FALSE);
}

typedef struct {
  PboTree     *combined;
  const char  *root_id;
  char       **paths;
  CliInput    *inputs;
  guint        current;
  const char  *prefix;
  guint        conflicts;
} Combine;

/* Reports @id of the current file if the combined tree already has it,
 * naming where the other use is. */
static void
report_conflict (Combine *c, const char *source_id)
{
  g_autofree char *id = g_strconcat (c->prefix != NULL ? c->prefix : "", source_id, NULL);
  g_autofree char *here = NULL, *there = NULL;

  if (!pbo_tree_has_id (c->combined, id))
    return;
  here = position (c->paths[c->current], source_id);
  if (strcmp (id, c->root_id) == 0)
    fprintf (stderr, _("%s: the id “%s” is the --id of the combined org\n"), here, id);
  else
    for (guint j = 0; j < c->current; j++)
      {
        g_autofree char *prefix_j = c->prefix != NULL ? file_prefix (c->paths[j]) : g_strdup ("");
        const char *orig;

        orig = id + strlen (prefix_j);
        if (!g_str_has_prefix (id, prefix_j) || !pbo_tree_has_id (c->inputs[j].tree, orig))
          continue;
        there = position (c->paths[j], orig);
        fprintf (stderr, _("%s: the id “%s” is also used at %s\n"), here, id, there);
        break;
      }
  c->conflicts++;
}

static gboolean
check_conflicts (Combine *c, const PboTree *source)
{
  PboWalker w;
  PboOrg *org;

  pbo_walker_init (&w, source, NULL);
  for (PboWalkEvent ev; (ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE;)
    {
      if (ev != PBO_WALK_ENTER)
        continue;
      report_conflict (c, pbo_org_get_id (org));
      for (PboMember *m = pbo_org_get_first_member (org); m != NULL; m = pbo_member_get_next (m))
        report_conflict (c, pbo_member_get_id (m));
      for (guint i = 0; i < pbo_org_get_n_recruits (org); i++)
        report_conflict (c, pbo_recruit_get_id (pbo_org_get_recruit (org, i)));
    }
  return c->conflicts == 0;
}

static gboolean
combine_files (Combine *c, PboOrg *root, gboolean prefix_ids)
{
  for (c->current = 0; c->paths[c->current] != NULL; c->current++)
    {
      g_autofree char *prefix = prefix_ids ? file_prefix (c->paths[c->current]) : NULL;
      g_autoptr (GError) error = NULL;
      const PboTree *source = c->inputs[c->current].tree;

      c->prefix = prefix;
      if (!check_conflicts (c, source))
        return FALSE;
      if (!pbo_tree_graft (c->combined, root, source, prefix, &error))
        {
          g_autofree char *display = g_filename_display_name (c->paths[c->current]);

          fprintf (stderr, "%s: %s\n", display, error->message);
          return FALSE;
        }
    }
  return TRUE;
}

int
cli_cmd_combine (int argc, char **argv)
{
  char *output = NULL, *id = NULL, *kind_name = NULL, *name = NULL, *unit = NULL;
  gboolean prefix_ids = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the combined tree to OUT (required)"), "OUT" },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("Id of the new org over the files' orgs"), "ID" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name, N_("Kind of the new org (committee, general-branch)"), "KIND" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Name of the new org"), "NAME" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Host unit of the new org"), "UNIT" },
    { "prefix-ids", 0, 0, G_OPTION_ARG_NONE, &prefix_ids,
      N_("Prefix every id with its file's name and a dot (STEM.ID), so files that reuse ids combine"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_autoptr (PboTree) combined = pbo_tree_new ();
  g_autoptr (GError) error = NULL;
  Combine c = { combined, NULL, NULL, NULL, 0, NULL, 0 };
  PboSaveOptions save = PBO_SAVE_OPTIONS_INIT;
  int status = CLI_EXIT_BAD_INPUT;
  guint n = 0;
  PboOrg *root;

  if (!cli_parse ("combine", "FILE…",
                  "Puts the top-level orgs of every FILE, in order, under one new org — a\n"
                  "district or a city over its units' files — and writes the result to OUT.\n"
                  "An id used in two files is refused with both positions, unless --prefix-ids.",
                  entries, NULL, &argc, &argv, -1))
    goto out;
  if (output == NULL || id == NULL || kind_name == NULL || name == NULL)
    {
      fprintf (stderr, _("pbo combine: -o, --id, --kind and --name are required\n"));
      goto out;
    }
  c.root_id = id;
  c.paths = argv + 1;
  n = (guint) argc - 1;
  c.inputs = g_new0 (CliInput, n);
  for (guint i = 0; i < n; i++)
    if (!cli_load_input (&c.inputs[i], c.paths[i]))
      goto out;
  if ((root = pbo_tree_add_org (combined, NULL, pbo_org_kind_from_string (kind_name), id, name,
                                &error)) == NULL
      || !pbo_org_set_unit (root, unit, &error))
    {
      fprintf (stderr, "pbo combine: %s\n", error->message);
      goto out;
    }
  if (combine_files (&c, root, prefix_ids) && cli_save_tree (combined, output, &save))
    status = CLI_EXIT_OK;
out:
  for (guint i = 0; c.inputs != NULL && i < n; i++)
    cli_input_clear (&c.inputs[i]);
  g_free (c.inputs);
  g_free (output);
  g_free (id);
  g_free (kind_name);
  g_free (name);
  g_free (unit);
  return status;
}
