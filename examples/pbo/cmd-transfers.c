/* pbo transfers FILE [--on DATE] [--all] [--format text|csv]: the letters
 * (介绍信) to watch; pbo letter FILE --letter NUMBER: one letter's text, for
 * printing.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include "pbo-cli.h"

static const char *
state_name (PboLetterState s)
{
  switch (s)
    {
    case PBO_LETTER_OPEN: return "open";
    case PBO_LETTER_OVERDUE: return "overdue";
    case PBO_LETTER_RECEIVED: return "received";
    case PBO_LETTER_EXPIRED: return "expired";
    case PBO_LETTER_ARRIVED: return "arrived";
    default: return "?";
    }
}

static const char *
state_title (PboLetterState s)
{
  switch (s)
    {
    case PBO_LETTER_OPEN: return _("Open letters (no receipt yet, still valid)");
    case PBO_LETTER_OVERDUE: return _("Overdue receipts (no receipt, letter past its validity)");
    case PBO_LETTER_EXPIRED: return _("Expired letters (the receipt came after the validity)");
    case PBO_LETTER_RECEIVED: return _("Letters with their receipt");
    case PBO_LETTER_ARRIVED: return _("Letters received (members transferred in)");
    default: return "?";
    }
}

static char *
month_text (guint month)
{
  return month != 0 ? g_strdup_printf ("%04u-%02u", month / 100, month % 100) : NULL;
}

static void
csv_row (GString *out, const PboLetterInfo *l, PboLetterState s, PboCsvWriteFlags flags)
{
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE], d3[PBO_DATE_BUFSIZE], days[12];
  g_autofree char *month = month_text (l->dues_paid_to);
  gboolean out_letter = l->direction == PBO_LETTER_OUT;

  g_snprintf (days, sizeof days, "%u", l->valid_days);
  cli_csv_field (out, state_name (s), flags);
  cli_csv_field (out, l->number, flags);
  cli_csv_field (out, out_letter ? "out" : "in", flags);
  cli_csv_field (out, l->member_id, flags);
  cli_csv_field (out, l->name, flags);
  cli_csv_field (out, l->branch, flags);
  cli_csv_field (out, l->other_org, flags);
  cli_csv_field (out, pbo_date_format (l->issued, d1), flags);
  cli_csv_field (out, out_letter ? days : NULL, flags);
  cli_csv_field (out, out_letter ? pbo_date_format (pbo_letter_expires (l), d2) : NULL, flags);
  cli_csv_field (out, month, flags);
  cli_csv_field (out, l->receipt != PBO_DATE_NONE ? pbo_date_format (l->receipt, d3) : NULL,
                 flags);
  cli_csv_end_row (out);
}

static void
text_row (GString *out, const PboLetterInfo *l)
{
  char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];
  g_autofree char *number = cli_escaped (l->number), *name = cli_escaped (l->name);
  g_autofree char *other = cli_escaped (l->other_org);

  g_string_append_printf (out, "  %s  %s %s  %s → %s  %s", number, l->member_id, name,
                          l->direction == PBO_LETTER_OUT ? l->branch : other,
                          l->direction == PBO_LETTER_OUT ? other : l->branch,
                          pbo_date_format (l->issued, d1));
  if (l->direction == PBO_LETTER_OUT)
    g_string_append_printf (out, _("  valid to %s"), pbo_date_format (pbo_letter_expires (l), d2));
  if (l->receipt != PBO_DATE_NONE)
    g_string_append_printf (out, _("  receipt %s"), pbo_date_format (l->receipt, d2));
  g_string_append_c (out, '\n');
}

/* The letters in @state, under its title; FALSE when there are none. */
static gboolean
text_section (GString *out, const PboTree *tree, PboDate on, PboLetterState state)
{
  PboLetterInfo l = PBO_LETTER_INFO_INIT;
  gboolean any = FALSE;
  guint i;

  for (i = 0; pbo_tree_get_letter (tree, i, &l); i++)
    if (pbo_letter_state_on (&l, on) == state)
      {
        if (!any)
          g_string_append_printf (out, "%s\n", state_title (state));
        any = TRUE;
        text_row (out, &l);
      }
  return any;
}

int
cli_cmd_transfers (int argc, char **argv)
{
  char *on = NULL;
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("Judge the letters as of DATE (default today)"),
      "DATE" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Also list the closed letters and those received"),
      NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { .formats = CLI_FORMATS (CLI_FORMAT_TEXT, CLI_FORMAT_CSV), .format = CLI_FORMAT_TEXT };
  g_autoptr (GString) out = g_string_new (NULL);
  PboDate date = PBO_DATE_NONE;
  PboLetterInfo l = PBO_LETTER_INFO_INIT;
  int status = CLI_EXIT_BAD_INPUT;
  guint i, s;

  if (!cli_parse ("transfers", "FILE",
                  "The letters of transfers out of and into the estate (介绍信): open letters,\n"
                  "overdue receipts (回执) and expired letters.",
                  entries, &in, &argc, &argv, 1)
      || !cli_parse_date ("--on", on, FALSE, &date) || !cli_load_input (&in, argv[1]))
    goto out;
  if (date == PBO_DATE_NONE)
    date = pbo_date_today ();
  if (in.format == CLI_FORMAT_CSV)
    {
      g_string_append (out, "state,letter,direction,member,name,branch,other-org,issued,"
                            "valid-days,expires,dues-paid-to,receipt\n");
      for (i = 0; pbo_tree_get_letter (in.tree, i, &l); i++)
        {
          PboLetterState st = pbo_letter_state_on (&l, date);
          if (all || st == PBO_LETTER_OPEN || st == PBO_LETTER_OVERDUE || st == PBO_LETTER_EXPIRED)
            csv_row (out, &l, st, cli_csv_flags (&in));
        }
    }
  else
    {
      static const PboLetterState order[] = { PBO_LETTER_OVERDUE, PBO_LETTER_OPEN,
                                              PBO_LETTER_EXPIRED, PBO_LETTER_RECEIVED,
                                              PBO_LETTER_ARRIVED };
      gboolean any = FALSE;
      for (s = 0; s < G_N_ELEMENTS (order); s++)
        if (all || s < 3)
          any |= text_section (out, in.tree, date, order[s]);
      if (!any)
        g_string_append (out, _("No letters to watch.\n"));
    }
  if (cli_write_output (out, NULL))
    status = CLI_EXIT_OK;
out:
  cli_input_clear (&in);
  g_free (on);
  return status;
}

/* ---- pbo letter ------------------------------------------------------------------ */

static void
line (GString *out, const char *label, const char *value)
{
  g_autofree char *v = cli_escaped (value != NULL ? value : "—");

  g_string_append_printf (out, "%s: %s\n", label, v);
}

/* The org an id names, "name (id)", or the id alone once the org is gone. */
static char *
org_text (const PboTree *tree, const char *id)
{
  PboOrg *org = pbo_tree_lookup_org ((PboTree *) tree, id);

  return org != NULL ? g_strdup_printf ("%s (%s)", pbo_org_get_name (org), id) : g_strdup (id);
}

static void
write_letter (GString *out, const PboTree *tree, const PboLetterInfo *l)
{
  char d[PBO_DATE_BUFSIZE], e[PBO_DATE_BUFSIZE];
  g_autofree char *branch = org_text (tree, l->branch), *month = month_text (l->dues_paid_to);
  g_autofree char *member = g_strdup_printf ("%s (%s)", l->name, l->member_id);
  g_autofree char *validity = NULL;
  gboolean out_letter = l->direction == PBO_LETTER_OUT;

  g_string_append_printf (out, "%s\n\n", _("Letter of transfer of the Party organisation relation"));
  line (out, _("Number"), l->number);
  line (out, _("Member"), member);
  line (out, _("From"), out_letter ? branch : l->other_org);
  line (out, _("To"), out_letter ? l->other_org : branch);
  line (out, _("Issued"), pbo_date_format (l->issued, d));
  if (out_letter)
    {
      validity = g_strdup_printf (_("%u days, until %s"), l->valid_days,
                                  pbo_date_format (pbo_letter_expires (l), e));
      line (out, _("Valid"), validity);
    }
  line (out, _("Dues paid to"), month);
  if (out_letter)
    line (out, _("Receipt"), l->receipt != PBO_DATE_NONE ? pbo_date_format (l->receipt, e) : NULL);
}

int
cli_cmd_letter (int argc, char **argv)
{
  char *number = NULL;
  GOptionEntry entries[] = {
    { "letter", 0, 0, G_OPTION_ARG_STRING, &number, N_("The letter's number"), "NUMBER" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { 0 };
  g_autoptr (GString) out = g_string_new (NULL);
  PboLetterInfo l = PBO_LETTER_INFO_INIT;
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("letter", "FILE", "Print a letter of transfer (介绍信) with the fields it "
                  "carries, for printing.", entries, &in, &argc, &argv, 1))
    goto out;
  if (number == NULL)
    fprintf (stderr, _("pbo letter: --letter is required\n"));
  else if (cli_load_input (&in, argv[1]))
    {
      if (!pbo_tree_lookup_letter (in.tree, number, &l))
        fprintf (stderr, _("pbo letter: no letter is numbered “%s”\n"), number);
      else
        {
          write_letter (out, in.tree, &l);
          if (cli_write_output (out, NULL))
            status = CLI_EXIT_OK;
        }
    }
out:
  cli_input_clear (&in);
  g_free (number);
  return status;
}
