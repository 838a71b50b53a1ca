/* pbo log FILE [--format text|csv]: the journal of restructurings applied.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pbo-cli.h"

/* The CSV columns are a contract: never reorder or rename. */
static const char csv_header[] = "seq,date,op,subjects,from,to,detail,reason,operator,vacated\n";

/* "ID ID …" of the subjects; "org:role:member …" of the offices vacated. */
static char *
join_subjects (const PboJournalEntry *e)
{
  GString *s = g_string_new (NULL);
  guint i;

  for (i = 0; i < pbo_journal_entry_get_n_subjects (e); i++)
    g_string_append_printf (s, "%s%s", i > 0 ? " " : "", pbo_journal_entry_get_subject (e, i));
  return g_string_free (s, FALSE);
}

static char *
join_vacated (const PboJournalEntry *e)
{
  GString *s = g_string_new (NULL);
  const char *org, *member;
  PboRole role;
  guint i;

  for (i = 0; pbo_journal_entry_get_vacated (e, i, &org, &role, &member); i++)
    g_string_append_printf (s, "%s%s:%s:%s", i > 0 ? " " : "", org, pbo_role_to_string (role),
                            member);
  return g_string_free (s, FALSE);
}

static void
append_csv (GString *out, const PboJournalEntry *e)
{
  g_autofree char *subjects = join_subjects (e), *vacated = join_vacated (e);
  char date[PBO_DATE_BUFSIZE];

  g_string_append_printf (out, "%u,%s,%s,", pbo_journal_entry_get_seq (e),
                          pbo_date_format (pbo_journal_entry_get_date (e), date),
                          pbo_edit_op_to_string (pbo_journal_entry_get_op (e)));
  cli_csv_field (out, subjects);
  cli_csv_field (out, pbo_journal_entry_get_from (e));
  cli_csv_field (out, pbo_journal_entry_get_to (e));
  cli_csv_field (out, pbo_journal_entry_get_detail (e));
  cli_csv_field (out, pbo_journal_entry_get_reason (e));
  cli_csv_field (out, pbo_journal_entry_get_operator (e));
  cli_csv_field (out, vacated);
  cli_csv_end_row (out);
}

/* "#3  2015-01-20  merge  wj-jsw → wj-wsj-jg  (reason; operator)" */
static void
append_text (GString *out, const PboJournalEntry *e)
{
  g_autofree char *subjects = join_subjects (e), *vacated = join_vacated (e);
  const char *from = pbo_journal_entry_get_from (e), *to = pbo_journal_entry_get_to (e);
  const char *detail = pbo_journal_entry_get_detail (e);
  const char *reason = pbo_journal_entry_get_reason (e);
  const char *who = pbo_journal_entry_get_operator (e);
  char date[PBO_DATE_BUFSIZE];

  g_string_append_printf (out, "#%-3u %s  %-13s %s",
                          pbo_journal_entry_get_seq (e),
                          pbo_date_format (pbo_journal_entry_get_date (e), date),
                          pbo_edit_op_to_string (pbo_journal_entry_get_op (e)), subjects);
  if (from != NULL)
    g_string_append_printf (out, "  from %s", from);
  if (to != NULL)
    g_string_append_printf (out, "  to %s", to);
  if (detail != NULL)
    g_string_append_printf (out, "  [%s]", detail);
  if (reason != NULL || who != NULL)
    g_string_append_printf (out, "  (%s%s%s)", reason != NULL ? reason : "",
                            reason != NULL && who != NULL ? "; " : "", who != NULL ? who : "");
  g_string_append_c (out, '\n');
  if (*vacated != '\0')
    g_string_append_printf (out, "     vacated %s\n", vacated);
}

int
cli_cmd_log (int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL, 0, 0, 0, NULL, NULL, NULL } };
  CliInput in = { .formats = CLI_FORMATS (CLI_FORMAT_TEXT, CLI_FORMAT_CSV),
                  .format = CLI_FORMAT_TEXT };
  g_autoptr (GString) out = g_string_new (NULL);
  int status = CLI_EXIT_BAD_INPUT;
  guint i;

  if (!cli_parse ("log", "FILE", "The journal: every restructuring applied to the file, oldest "
                  "first.", entries, &in, &argc, &argv, 1)
      || !cli_load_input (&in, argv[1]))
    goto out;
  if (in.format == CLI_FORMAT_CSV)
    g_string_append (out, csv_header);
  for (i = 0; i < pbo_journal_get_n_entries (in.tree); i++)
    (in.format == CLI_FORMAT_CSV ? append_csv : append_text) (out,
                                                              pbo_journal_get_entry (in.tree, i));
  status = cli_write_output (out, NULL) ? CLI_EXIT_OK : CLI_EXIT_BAD_INPUT;
out:
  cli_input_clear (&in);
  return status;
}
