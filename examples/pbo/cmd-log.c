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

/* The offices vacated; @people: roles by their display names. */
static char *
join_vacated (const PboJournalEntry *e, gboolean people)
{
  GString *s = g_string_new (NULL);
  const char *org, *member;
  PboRole role;
  guint i;

  for (i = 0; pbo_journal_entry_get_vacated (e, i, &org, &role, &member); i++)
    g_string_append_printf (s, "%s%s:%s:%s", i > 0 ? " " : "", org,
                            people ? pbo_role_to_display_name (role) : pbo_role_to_string (role),
                            member);
  return g_string_free (s, FALSE);
}

static void
append_csv (GString *out, const PboJournalEntry *e, PboCsvWriteFlags flags)
{
  g_autofree char *subjects = join_subjects (e), *vacated = join_vacated (e, FALSE);
  const char *const fields[] = {
    subjects, pbo_journal_entry_get_from (e), pbo_journal_entry_get_to (e),
    pbo_journal_entry_get_detail (e), pbo_journal_entry_get_reason (e),
    pbo_journal_entry_get_operator (e), vacated,
  };
  char date[PBO_DATE_BUFSIZE];
  guint i;

  g_string_append_printf (out, "%u,%s,%s,", pbo_journal_entry_get_seq (e),
                          pbo_date_format (pbo_journal_entry_get_date (e), date),
                          pbo_edit_op_to_string (pbo_journal_entry_get_op (e)));
  for (i = 0; i < G_N_ELEMENTS (fields); i++)
    cli_csv_field (out, fields[i], flags);
  cli_csv_end_row (out);
}

/* The display name of @v when the entry's op records an enum value there
 * (set-kind's kinds, convert's statuses, promote's stages, a role or a
 * meeting type in detail); else @v itself. */
static const char *
value_for_people (PboEditOp op, const char *v)
{
  const char *name = NULL;

  if (v == NULL)
    return NULL;
  if (op == PBO_EDIT_OP_SET_KIND)
    name = pbo_org_kind_to_display_name (pbo_org_kind_from_string (v));
  else if (op == PBO_EDIT_OP_CONVERT)
    name = pbo_status_to_display_name (pbo_status_from_string (v));
  else if (op == PBO_EDIT_OP_PROMOTE || op == PBO_EDIT_OP_ADD_RECRUIT)
    name = pbo_recruit_stage_to_display_name (pbo_recruit_stage_from_string (v));
  else if (op == PBO_EDIT_OP_APPOINT || op == PBO_EDIT_OP_DISMISS)
    name = pbo_role_to_display_name (pbo_role_from_string (v));
  else if (op == PBO_EDIT_OP_ADD_MEETING || op == PBO_EDIT_OP_UPDATE_MEETING
           || op == PBO_EDIT_OP_REMOVE_MEETING)
    name = pbo_meeting_type_to_display_name (pbo_meeting_type_from_string (v));
  return name != NULL ? name : v;
}

/* "#3  2015-01-20  merge  wj-jsw → wj-wsj-jg  (reason; operator)"; what
 * people typed (names, reasons) escaped. */
static void
append_text (GString *out, const PboJournalEntry *e, PboCsvWriteFlags flags)
{
  PboEditOp op = pbo_journal_entry_get_op (e);
  g_autofree char *subjects = join_subjects (e), *vacated = join_vacated (e, TRUE);
  g_autofree char *from = cli_escaped (value_for_people (op, pbo_journal_entry_get_from (e)));
  g_autofree char *to = cli_escaped (value_for_people (op, pbo_journal_entry_get_to (e)));
  g_autofree char *detail = cli_escaped (value_for_people (op, pbo_journal_entry_get_detail (e)));
  g_autofree char *reason = cli_escaped (pbo_journal_entry_get_reason (e));
  g_autofree char *who = cli_escaped (pbo_journal_entry_get_operator (e));
  char date[PBO_DATE_BUFSIZE];

  (void) flags;
  g_string_append_printf (out, "#%-3u %s  ", pbo_journal_entry_get_seq (e),
                          pbo_date_format (pbo_journal_entry_get_date (e), date));
  cli_append_padded (out, pbo_edit_op_to_display_name (op), 13);
  g_string_append_printf (out, " %s", subjects);
  if (pbo_journal_entry_get_from (e) != NULL)
    g_string_append_printf (out, _("  from %s"), from);
  if (pbo_journal_entry_get_to (e) != NULL)
    g_string_append_printf (out, _("  to %s"), to);
  if (pbo_journal_entry_get_detail (e) != NULL)
    g_string_append_printf (out, "  [%s]", detail);
  if (*reason != '\0' || *who != '\0')
    g_string_append_printf (out, "  (%s%s%s)", reason,
                            *reason != '\0' && *who != '\0' ? _("; ") : "", who);
  g_string_append_c (out, '\n');
  if (*vacated != '\0')
    g_string_append_printf (out, _("     vacated %s\n"), vacated);
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
    (in.format == CLI_FORMAT_CSV ? append_csv : append_text) (out, pbo_journal_get_entry (in.tree, i),
                                                              cli_csv_flags (&in));
  status = cli_write_output (out, NULL) ? CLI_EXIT_OK : CLI_EXIT_BAD_INPUT;
out:
  cli_input_clear (&in);
  return status;
}
