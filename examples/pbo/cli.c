/* pbo — helpers shared by the subcommands.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include <unistd.h>
#include "pbo-cli.h"

static const char *const format_names[] = { NULL, "text", "csv", "xml", "dot", "svg", "html",
                                             "xlsx" };

/* --max-size, which every command takes: NULL for the default. */
static char *max_size_text;

/* The memory the kernel could give this process now (MemAvailable), in
 * bytes; 0 when unknown. A loaded tree takes less memory than its file
 * (a 32 MB file of 100,000 members: 19 MB resident), so a file larger than
 * this would fail to load for want of memory — with GLib's abort, not an
 * error message, since GLib's allocator never returns NULL. */
static guint64
available_memory (void)
{
  g_autofree char *info = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/meminfo", &info, NULL, NULL)
      || (line = strstr (info, "MemAvailable:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("MemAvailable:"), NULL, 10) * 1024;
}

/* The largest input accepted: --max-size BYTES (0: no limit), by default
 * the memory available. FALSE for a bad --max-size. */
static gboolean
max_input_size (guint64 *max)
{
  char *end = NULL;

  if (max_size_text == NULL)
    {
      *max = available_memory ();
      return TRUE;
    }
  *max = g_ascii_strtoull (max_size_text, &end, 10);
  if (end != max_size_text && *end == '\0' && max_size_text[0] != '-')
    return TRUE;
  fprintf (stderr, _("pbo: --max-size: “%s” is not a number of bytes\n"), max_size_text);
  return FALSE;
}

/* Maps --format to one of the allowed formats; without it, the preset
 * input->format stands. */
static gboolean
resolve_format (const char *command, CliInput *input)
{
  guint i;

  if (input->format_name == NULL)
    return TRUE;
  for (i = 1; i < G_N_ELEMENTS (format_names); i++)
    if ((input->formats & (1u << i)) && strcmp (input->format_name, format_names[i]) == 0)
      {
        input->format = (CliFormat) i;
        return TRUE;
      }
  fprintf (stderr, _("pbo %s: unknown format “%s”\n"), command, input->format_name);
  return FALSE;
}

void
cli_i18n_init (void)
{
  const char *dir = g_getenv ("PBO_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
  /* Messages come out in UTF-8 (as the library's do): the data is UTF-8. */
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

gboolean
cli_parse (const char *name, const char *args, const char *summary, GOptionEntry *entries,
           CliInput *input, int *argc, char ***argv, int n_args)
{
  g_autofree char *param = g_strdup_printf ("%s %s", name, args);
  g_autoptr (GOptionContext) ctx = g_option_context_new (param);
  g_autoptr (GError) error = NULL;
  GOptionEntry common[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Only this org's subtree"), "ID" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, NULL, NULL, "FORMAT" },
    { "raw", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With csv: write values as they are, without the ' that keeps a spreadsheet from "
         "running one as a formula"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  GOptionEntry limits[] = {
    { "max-size", 0, 0, G_OPTION_ARG_STRING, &max_size_text,
      N_("Refuse input files over BYTES (default: the memory available; 0: no limit)"),
      "BYTES" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_autofree char *format_help = NULL;

  /* GOption translates the summary, the description and the entries' help
   * in this domain; cli_parse's callers mark their summary (a keyword of
   * xgettext in po/meson.build) and entries with N_(). */
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  g_option_context_set_summary (ctx, summary);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, limits, GETTEXT_PACKAGE);
  if (input != NULL)
    {
      GString *names = g_string_new (NULL);
      guint i;
      for (i = 1; i < G_N_ELEMENTS (format_names); i++)
        if (input->formats & (1u << i))
          g_string_append_printf (names, "%s%s", names->len ? ", " : "", format_names[i]);
      format_help = g_string_free (names, FALSE);
      common[0].arg_data = &input->org_id;
      common[1].arg_data = &input->format_name;
      common[1].description = format_help;
      common[2].arg_data = &input->raw;
      /* A NULL long name ends the entries. */
      if (!(input->formats & (1u << CLI_FORMAT_CSV)))
        common[2].long_name = NULL;
      if (input->formats == 0)
        common[1].long_name = NULL;
      g_option_context_add_main_entries (ctx, common, GETTEXT_PACKAGE);
    }
  g_option_context_set_description (ctx,
      N_("Exit status: 0 ok, 1 findings or differences, 2 bad input or usage."));
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      fprintf (stderr, "pbo %s: %s\n", name, error->message);
      return FALSE;
    }
  if (n_args >= 0 ? *argc - 1 != n_args : *argc - 1 < -n_args)
    {
      g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
      fprintf (stderr, _("pbo %s: expected %s\n\n%s"), name, args, help);
      return FALSE;
    }
  return input == NULL || input->formats == 0 || resolve_format (name, input);
}

int
cli_write_result (const char *command, const CliInput *input, gconstpointer result,
                  const GError *error, const CliWriters *writers, gboolean alt)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (result == NULL)
    {
      fprintf (stderr, "pbo %s: %s\n", command, error->message);
      return CLI_EXIT_BAD_INPUT;
    }
  if (input->format == CLI_FORMAT_TEXT)
    writers->text (result, out, cli_csv_flags (input));
  else
    (alt ? writers->alt_csv : writers->csv) (result, out, cli_csv_flags (input));
  return cli_write_output (out, NULL) ? CLI_EXIT_OK : CLI_EXIT_BAD_INPUT;
}

PboCsvWriteFlags
cli_csv_flags (const CliInput *input)
{
  return input->raw ? PBO_CSV_WRITE_RAW : PBO_CSV_WRITE_DEFAULT;
}

gboolean
cli_show_progress (void)
{
  return isatty (STDERR_FILENO) && g_getenv ("CI") == NULL;
}

/* One bar at a time on stderr: its state. */
static struct {
  gint64   started;      /* 0: no bar open */
  gint64   last_draw;
  guint64  first_done;   /* the count at the first call, which comes after some work */
} bar;

/* Rates are measured from the first call, so the first frame has none. */
static void
draw_bar (guint64 done, guint64 total, const char *label, const char *unit, double scale)
{
  gint64 now = g_get_monotonic_time ();
  double secs, rate, left;
  int width = 30, filled;

  if (bar.started == 0)
    {
      bar.started = now;
      bar.first_done = done;
      bar.last_draw = 0;
    }
  /* At most ten redraws a second, and always the last one. */
  if (now - bar.last_draw < 100000 && done != total)
    return;
  bar.last_draw = now;
  secs = (double) (now - bar.started) / 1e6;
  rate = secs > 0 ? (double) (done - bar.first_done) / secs : 0;
  if (total == 0)
    fprintf (stderr, "\r%s %.1f %s  %.1f %s/s ", label, (double) done / scale, unit,
             rate / scale, unit);
  else
    {
      filled = (int) ((double) width * (double) done / (double) total);
      left = rate > 0 ? (double) (total - done) / rate : 0;
      fprintf (stderr, "\r%s [%.*s%*s] %3d%%  ", label, filled, "##############################",
               width - filled, "", (int) (100 * done / total));
      if (rate > 0)
        fprintf (stderr, _("%.1f %s/s  %.0fs left "), rate / scale, unit, left);
    }
  if (total != 0 && done >= total)
    cli_progress_end ();
}

void
cli_progress (guint64 done, guint64 total, gpointer user_data)
{
  draw_bar (done, total, user_data, "MB", 1e6);
}

void
cli_progress_records (guint64 done, guint64 total, gpointer user_data)
{
  draw_bar (done, total, user_data, "k records", 1e3);
}

void
cli_progress_end (void)
{
  if (bar.started != 0)
    fputc ('\n', stderr);
  bar.started = 0;
}

gboolean
cli_load_input (CliInput *input, const char *path)
{
  PboLoadOptions opts = PBO_LOAD_OPTIONS_INIT;
  g_autoptr (GError) error = NULL;

  opts.flags = input->load_flags;
  if (!max_input_size (&opts.max_size))
    return FALSE;
  if (cli_show_progress ())
    {
      opts.progress = cli_progress;
      opts.progress_data = (gpointer) _("loading");
    }
  input->tree = pbo_xml_load_file (path, &opts, &error);
  if (input->tree == NULL)
    {
      cli_progress_end ();
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  if (input->org_id == NULL)
    return TRUE;
  input->root = pbo_tree_lookup_org (input->tree, input->org_id);
  if (input->root == NULL)
    {
      g_autofree char *shown = g_filename_display_name (path);
      fprintf (stderr, _("%s: no org with id “%s”\n"), shown, input->org_id);
    }
  return input->root != NULL;
}

void
cli_input_clear (CliInput *input)
{
  g_clear_pointer (&input->tree, pbo_tree_free);
  g_clear_pointer (&input->org_id, g_free);
  g_clear_pointer (&input->format_name, g_free);
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

char *
cli_escaped (const char *text)
{
  GString *out = g_string_new (NULL);

  pbo_text_append_escaped (out, text);
  return g_string_free (out, FALSE);
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
cli_append_right (GString *out, const char *s, guint width)
{
  guint w = cli_display_width (s);

  for (; w < width; w++)
    g_string_append_c (out, ' ');
  g_string_append (out, s);
}

void
cli_csv_field (GString *out, const char *field, PboCsvWriteFlags flags)
{
  pbo_csv_write_field (out, field, flags);
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
cli_parse_date (const char *option, const char *text, gboolean month, PboDate *date)
{
  g_autofree char *full = NULL;
  g_autoptr (GError) error = NULL;

  if (text == NULL)
    return TRUE;
  /* "2024-05" names the month: parse it as its first day. */
  if (month && strlen (text) == 7)
    full = g_strconcat (text, "-01", NULL);
  if (pbo_date_parse (full != NULL ? full : text, -1, FALSE, date, &error))
    return TRUE;
  fprintf (stderr, _("pbo: %s: “%s” is not a date (expected %s)\n"), option, text,
           month ? "YYYY-MM" : "YYYY-MM-DD");
  return FALSE;
}
