/* pbo — the command-line tool: shared declarations.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_CLI_H
#define PBO_CLI_H

#include <stdio.h>
#include <pbo/pbo.h>

/* Exit statuses: the contract of every subcommand (DESIGN §6). */
enum {
  CLI_EXIT_OK = 0,
  CLI_EXIT_FINDINGS = 1,   /* findings or differences */
  CLI_EXIT_BAD_INPUT = 2,  /* bad input or usage */
};

typedef enum {
  CLI_FORMAT_TEXT = 1,
  CLI_FORMAT_CSV,
  CLI_FORMAT_XML,
} CliFormat;

typedef struct {
  const char *name;
  const char *args;        /* e.g. "FILE" */
  const char *summary;
  int (*run) (int argc, char **argv);
} CliCommand;

/* Parses @argc/@argv with @entries; on error or a wrong number of
 * positional arguments prints usage to stderr and returns FALSE. On success
 * argv holds the command name followed by exactly @n_args positionals. */
gboolean cli_parse (const char *name, const char *args, const char *summary,
                    GOptionEntry *entries, int *argc, char ***argv, int n_args);

/* Loads @path with a progress bar on a terminal; prints the error
 * ("file:line:col: message") to stderr and returns NULL on failure. */
PboTree *cli_load (const char *path, PboLoadFlags flags);

/* Looks up --org; prints an error and returns FALSE if unknown. NULL @id
 * succeeds with *org = NULL. */
gboolean cli_lookup_org (PboTree *tree, const char *path, const char *id, PboOrg **org);

/* Maps "text", "csv", "xml" (those allowed by @allowed, a bit mask of
 * 1 << CliFormat) to a format; prints an error and returns 0 otherwise. */
CliFormat cli_parse_format (const char *name, guint allowed);

/* Terminal display width of UTF-8 @s: wide (CJK) characters count 2. */
guint cli_display_width (const char *s);

/* Appends @s padded with spaces to display width @width. */
void cli_append_padded (GString *out, const char *s, guint width);

/* Appends @field to @out as one RFC 4180 CSV field (quoted only when it
 * holds a comma, quote, CR or LF). NULL is the empty field. */
void cli_csv_field (GString *out, const char *field);

/* Ends a CSV row: drops the trailing comma the callers leave, adds LF. */
void cli_csv_end_row (GString *out);

/* Writes @out to @path atomically, or to stdout when @path is NULL or "-".
 * Prints an error and returns FALSE on failure. */
gboolean cli_write_output (const GString *out, const char *path);

/* A progress callback that draws a bar on stderr; @user_data is the label. */
void cli_progress (guint64 done, guint64 total, gpointer user_data);

/* TRUE when progress should be shown (stderr is a terminal, not CI). */
gboolean cli_show_progress (void);

int cli_cmd_tree (int argc, char **argv);
int cli_cmd_stats (int argc, char **argv);
int cli_cmd_validate (int argc, char **argv);
int cli_cmd_export (int argc, char **argv);

#endif
