/* pbo dues --ledger | rating | import-records: the dues ledger, the star
 * ratings of a year, and member records from a sheet in one transaction.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include "pbo-cli.h"

static void
ledger_text (gconstpointer r, GString *out, PboCsvWriteFlags flags)
{
  (void) flags;
  pbo_ledger_write_text (r, out);
}

static void
ledger_csv (gconstpointer r, GString *out, PboCsvWriteFlags flags)
{
  pbo_ledger_write_csv (r, out, flags);
}

static const CliWriters ledger_writers = { ledger_text, ledger_csv, ledger_csv };

int
cli_dues_ledger (CliInput *in, const char *path, const char *from, const char *to)
{
  g_autoptr (GError) error = NULL;
  PboDate a = PBO_DATE_NONE, b = PBO_DATE_NONE;
  PboLedger *ledger;
  int status;

  if (!cli_parse_date ("--from", from, TRUE, &a) || !cli_parse_date ("--to", to, TRUE, &b))
    return CLI_EXIT_BAD_INPUT;
  if (a == PBO_DATE_NONE || b == PBO_DATE_NONE)
    {
      fprintf (stderr, _("pbo dues: --ledger needs --from YYYY-MM and --to YYYY-MM\n"));
      return CLI_EXIT_BAD_INPUT;
    }
  if (!cli_load_input (in, path))
    return CLI_EXIT_BAD_INPUT;
  ledger = pbo_ledger_new (in->tree, a, b, &error);
  status = cli_write_result ("dues", in, ledger, error, &ledger_writers, FALSE);
  pbo_ledger_free (ledger);
  return status;
}

void
cli_report_evaluations (CliInput *in, PboDate on)
{
  guint counts[5], year = pbo_date_get_year (on != PBO_DATE_NONE ? on : pbo_date_today ()) - 1;

  pbo_evaluation_count (in->tree, in->root, year, counts);
  if (counts[1] + counts[2] + counts[3] + counts[4] == 0)
    return;
  printf (_("民主评议 %u: excellent %u, qualified %u, basically qualified %u, unqualified %u, "
            "none recorded %u\n"), year, counts[PBO_EVALUATION_EXCELLENT],
          counts[PBO_EVALUATION_QUALIFIED], counts[PBO_EVALUATION_BASICALLY_QUALIFIED],
          counts[PBO_EVALUATION_UNQUALIFIED], counts[0]);
}

/* "12,18,22,25,28": five ascending totals. */
static gboolean
parse_stars (const char *text, PboRatingOptions *o)
{
  g_auto (GStrv) parts = text != NULL ? g_strsplit (text, ",", -1) : NULL;

  if (text == NULL)
    return TRUE;
  if (g_strv_length (parts) != 5)
    return FALSE;
  for (guint i = 0; i < 5; i++)
    {
      guint64 v;
      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, 30, &v, NULL)
          || (i > 0 && v < o->star_min[i - 1]))
        return FALSE;
      o->star_min[i] = (guint) v;
    }
  return TRUE;
}

int
cli_cmd_rating (int argc, char **argv)
{
  char *year = NULL, *stars = NULL;
  GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year, N_("The year rated (required)"), "YYYY" },
    { "stars", 0, 0, G_OPTION_ARG_STRING, &stars,
      N_("The least totals for 1 to 5 stars (default 12,18,22,25,28, local practice)"),
      "A,B,C,D,E" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { .formats = CLI_FORMATS (CLI_FORMAT_TEXT, CLI_FORMAT_CSV), .format = CLI_FORMAT_TEXT };
  PboRatingOptions options = PBO_RATING_OPTIONS_INIT;
  g_autoptr (GString) out = g_string_new (NULL);
  guint64 y = 0;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("rating", "FILE",
                  "Members ranked per branch by their 星级评定 total of a year, with stars.",
                  entries, &in, &argc, &argv, 1))
    goto out;
  if (year == NULL || !g_ascii_string_to_unsigned (year, 10, 1900, 2200, &y, NULL))
    fprintf (stderr, _("pbo rating: --year YYYY is required\n"));
  else if (!parse_stars (stars, &options))
    fprintf (stderr, _("pbo rating: --stars needs five ascending totals from 0 to 30\n"));
  else if (cli_load_input (&in, argv[1]))
    {
      pbo_rating_write (in.tree, in.root, (guint) y, &options, in.format == CLI_FORMAT_CSV,
                        cli_csv_flags (&in), out);
      status = cli_write_output (out, NULL) ? CLI_EXIT_OK : CLI_EXIT_BAD_INPUT;
    }
out:
  cli_input_clear (&in);
  g_free (year);
  g_free (stars);
  return status;
}
