/* pbo — helpers shared by the subcommands.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include <unistd.h>
#include "pbo-cli.h"

gboolean
cli_parse (const char *name, const char *args, const char *summary, GOptionEntry *entries,
           int *argc, char ***argv, int n_args)
{
  g_autofree char *param = g_strdup_printf ("%s %s", name, args);
  g_autoptr (GOptionContext) ctx = g_option_context_new (param);
  g_autoptr (GError) error = NULL;

  g_option_context_set_summary (ctx, summary);
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_description (ctx,
      "Exit status: 0 ok, 1 findings or differences, 2 bad input or usage.");
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      fprintf (stderr, "pbo %s: %s\n", name, error->message);
      return FALSE;
    }
  if (*argc - 1 != n_args)
    {
      g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
      fprintf (stderr, "pbo %s: expected %s\n\n%s", name, args, help);
      return FALSE;
    }
  return TRUE;
}

gboolean
cli_show_progress (void)
{
  return isatty (STDERR_FILENO) && g_getenv ("CI") == NULL;
}

void
cli_progress (guint64 done, guint64 total, gpointer user_data)
{
  static gint64 started, last_draw;
  gint64 now = g_get_monotonic_time ();
  double secs, rate, left;
  int width = 30, filled;

  if (done == 0 || started == 0)
    started = now;
  /* At most ten redraws a second, and always the last one. */
  if (now - last_draw < 100000 && done != total)
    return;
  last_draw = now;
  secs = (double) (now - started) / 1e6;
  rate = secs > 0 ? (double) done / secs : 0;
  if (total == 0)
    {
      fprintf (stderr, "\r%s %.1f MB  %.1f MB/s", (const char *) user_data, (double) done / 1e6,
               rate / 1e6);
      return;
    }
  filled = (int) ((double) width * (double) done / (double) total);
  left = rate > 0 ? (double) (total - done) / rate : 0;
  fprintf (stderr, "\r%s [%.*s%*s] %3d%%  %.1f MB/s  %.0fs left ", (const char *) user_data,
           filled, "##############################", width - filled, "",
           (int) (100 * done / total), rate / 1e6, left);
  if (done >= total)
    {
      fputc ('\n', stderr);
      started = 0;
    }
}

PboTree *
cli_load (const char *path, PboLoadFlags flags)
{
  PboLoadOptions opts = PBO_LOAD_OPTIONS_INIT;
  g_autoptr (GError) error = NULL;
  PboTree *tree;

  opts.flags = flags;
  if (cli_show_progress ())
    {
      opts.progress = cli_progress;
      opts.progress_data = (gpointer) "loading";
    }
  tree = pbo_xml_load_file (path, &opts, &error);
  if (tree == NULL)
    fprintf (stderr, "%s\n", error->message);
  return tree;
}

gboolean
cli_lookup_org (PboTree *tree, const char *path, const char *id, PboOrg **org)
{
  *org = NULL;
  if (id == NULL)
    return TRUE;
  *org = pbo_tree_lookup_org (tree, id);
  if (*org == NULL)
    fprintf (stderr, "%s: no org with id “%s”\n", path, id);
  return *org != NULL;
}

CliFormat
cli_parse_format (const char *name, guint allowed)
{
  static const char *const names[] = { NULL, "text", "csv", "xml" };
  guint i;

  for (i = 1; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0 && (allowed & (1u << i)))
      return (CliFormat) i;
  fprintf (stderr, "pbo: unknown format “%s”\n", name != NULL ? name : "");
  return 0;
}

guint
cli_display_width (const char *s)
{
  guint width = 0;

  for (; s != NULL && *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);
      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

void
cli_append_padded (GString *out, const char *s, guint width)
{
  guint w = cli_display_width (s);

  g_string_append (out, s);
  for (; w < width; w++)
    g_string_append_c (out, ' ');
}

void
cli_csv_field (GString *out, const char *field)
{
  const char *p;

  if (field != NULL && strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (field != NULL)
    g_string_append (out, field);
  g_string_append_c (out, ',');
}

void
cli_csv_end_row (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] == ',')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

gboolean
cli_write_output (const GString *out, const char *path)
{
  g_autoptr (GError) error = NULL;

  if (path == NULL || strcmp (path, "-") == 0)
    {
      if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
        {
          fprintf (stderr, "pbo: cannot write to standard output\n");
          return FALSE;
        }
      return TRUE;
    }
  if (!g_file_set_contents (path, out->str, (gssize) out->len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}
