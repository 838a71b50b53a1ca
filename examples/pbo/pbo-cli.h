/* pbo — the command-line tool: shared declarations.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_CLI_H
#define PBO_CLI_H

#include <stdio.h>
#include <glib/gi18n.h>
#include <pbo/pbo.h>

/* Binds the messages' gettext domain (the library's, GETTEXT_PACKAGE) to
 * $PBO_LOCALEDIR when set — the build tree's po/, for running uninstalled —
 * or else to the installed LOCALEDIR, and makes it the program's domain.
 * Call after setlocale(). */
void cli_i18n_init (void);

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
  CLI_FORMAT_DOT,
  CLI_FORMAT_SVG,
  CLI_FORMAT_HTML,
} CliFormat;

typedef struct {
  const char *name;
  const char *args;        /* e.g. "FILE" */
  const char *summary;
  int (*run) (int argc, char **argv);
} CliCommand;

/* What most subcommands share: the tree file, --org and --format. */
typedef struct {
  guint        formats;      /* in: 1 << CliFormat of each allowed format;
                                0: no --format */
  PboLoadFlags load_flags;   /* in */
  CliFormat    format;       /* in: the default; out: the choice */
  PboTree     *tree;         /* out: owned, freed by cli_input_clear() */
  PboOrg      *root;         /* out: --org, or NULL */
  char        *org_id;
  char        *format_name;
  gboolean     raw;          /* out: --raw (only where csv is allowed) */
} CliInput;

#define CLI_FORMATS(a, b) ((1u << (a)) | (1u << (b)))

/* Parses @argc/@argv with @entries (and --org/--format, and --raw when csv
 * is a format, into @input when it is not NULL); on error or a wrong number of positional arguments prints
 * usage to stderr and returns FALSE. On success argv holds the command name
 * followed by exactly @n_args positionals (at least -@n_args when
 * negative). */
gboolean cli_parse (const char *name, const char *args, const char *summary,
                    GOptionEntry *entries, CliInput *input, int *argc, char ***argv,
                    int n_args);

/* Loads @path into @input (with a progress bar on a terminal) and resolves
 * --org; prints the error ("file:line:col: message") and returns FALSE on
 * failure. */
gboolean cli_load_input (CliInput *input, const char *path);

void cli_input_clear (CliInput *input);

/* Parses the value of option @option ("--on"): YYYY-MM-DD, or YYYY-MM when
 * @month is TRUE (then the first of the month). NULL @text leaves *date
 * alone and succeeds. Prints an error and returns FALSE otherwise. */
gboolean cli_parse_date (const char *option, const char *text, gboolean month, PboDate *date);

/* The CSV flags of --raw. */
PboCsvWriteFlags cli_csv_flags (const CliInput *input);

/* How a result is written: for people (text) and for programs (CSV, and an
 * alternative CSV table chosen by a flag such as --totals). Each command
 * wraps the library's pbo_x_write_text/_csv_full functions in functions of
 * this type (calling them through a cast pointer would be undefined). */
typedef void (*CliWriter) (gconstpointer result, GString *out, PboCsvWriteFlags flags);
typedef struct {
  CliWriter text;
  CliWriter csv;
  CliWriter alt_csv;
} CliWriters;

/* Defines the CliWriters @name over the library's writers of results of
 * type @type: pbo_x_write_text (const type *, GString *) and two
 * pbo_x_write_*_csv_full (const type *, GString *, PboCsvWriteFlags). */
#define CLI_WRITERS_DEFINE(name, type, text_fn, csv_fn, alt_csv_fn)                       \
  static void name##_text (gconstpointer r, GString *out, PboCsvWriteFlags flags)         \
  {                                                                                       \
    (void) flags;                                                                         \
    text_fn ((const type *) r, out);                                                      \
  }                                                                                       \
  static void name##_csv (gconstpointer r, GString *out, PboCsvWriteFlags flags)          \
  {                                                                                       \
    csv_fn ((const type *) r, out, flags);                                                \
  }                                                                                       \
  static void name##_alt_csv (gconstpointer r, GString *out, PboCsvWriteFlags flags)      \
  {                                                                                       \
    alt_csv_fn ((const type *) r, out, flags);                                            \
  }                                                                                       \
  static const CliWriters name = { name##_text, name##_csv, name##_alt_csv }

/* Writes @result in @input's format to stdout (@alt: the alternative CSV)
 * and returns CLI_EXIT_OK; when @result is NULL, prints @error as
 * "pbo COMMAND: message" and returns CLI_EXIT_BAD_INPUT, as it does when
 * the output cannot be written. */
int cli_write_result (const char *command, const CliInput *input, gconstpointer result,
                      const GError *error, const CliWriters *writers, gboolean alt);

/* Terminal display width of UTF-8 @s: wide (CJK) characters count 2. */
guint cli_display_width (const char *s);

/* @text for a terminal, control characters escaped (pbo_text_append_escaped());
 * g_free it. */
char *cli_escaped (const char *text);

/* Appends @s padded with spaces to display width @width. */
void cli_append_padded (GString *out, const char *s, guint width);

/* Appends @field to @out as one CSV field (pbo_csv_write_field()) and a
 * comma. NULL is the empty field. */
void cli_csv_field (GString *out, const char *field, PboCsvWriteFlags flags);

/* Ends a CSV row: drops the trailing comma the callers leave, adds LF. */
void cli_csv_end_row (GString *out);

/* Every output file goes through the library's safe writer (cli-output.c).
 * cli_output_open() starts writing @path (stdout when NULL or "-") and
 * prints the error when it cannot; cli_output_close() commits, prints the
 * error of any failed write and returns FALSE then. */
PboFileWriter *cli_output_open (const char *path);
gboolean       cli_output_close (PboFileWriter *writer);

/* Writes @out to @path safely, or to stdout when @path is NULL or "-".
 * Prints an error and returns FALSE on failure. */
gboolean cli_write_output (const GString *out, const char *path);

/* Saves @tree to @path with @opts (progress added on a terminal), or to
 * stdout for "-"; prints the error and returns FALSE on failure. */
gboolean cli_save_tree (PboTree *tree, const char *path, PboSaveOptions *opts);

/* For a rewrite of @file in place (@output NULL or naming @file), takes
 * its lock, waiting up to --lock-timeout @timeout seconds (NULL: the
 * default); *@lock is NULL when no lock is needed. Prints the error and
 * returns FALSE when the lock cannot be had or @timeout is bad. */
gboolean cli_lock_for_rewrite (const char *command, const char *file, const char *output,
                               const char *timeout, PboFileLock **lock);

/* The option every command that rewrites a file in place takes (its help
 * is defined in cli-output.c, where xgettext finds it). */
extern const char *const cli_lock_timeout_help;
#define CLI_LOCK_TIMEOUT_ENTRY(var)                                                     \
  { "lock-timeout", 0, 0, G_OPTION_ARG_STRING, &(var), cli_lock_timeout_help, "SECONDS" }

/* Progress callbacks that draw a bar on stderr (bytes done of total, rate,
 * time left); @user_data is the label. cli_progress() counts bytes (loads),
 * cli_progress_records() orgs and members (saves). */
void cli_progress (guint64 done, guint64 total, gpointer user_data);
void cli_progress_records (guint64 done, guint64 total, gpointer user_data);
/* Ends the bar's line if one is open (before an error message). */
void cli_progress_end (void);

/* TRUE when progress should be shown (stderr is a terminal, not CI). */
gboolean cli_show_progress (void);

/* How a plan is applied: the options every editing command shares. */
typedef struct {
  char          *output;         /* -o OUT, or NULL: FILE in place */
  gboolean       dry_run;
  char          *date;           /* --date, --reason, --operator */
  char          *reason;
  char          *operator_name;
  char          *lock_timeout;   /* --lock-timeout */
  PboEditContext defaults;       /* set by cli_apply_options_check() */
  gboolean       create;         /* start from an empty tree; FILE must not exist */
} CliApply;

#define CLI_APPLY_ENTRIES(how)                                                          \
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &(how).output,                             \
    "Write the result to OUT instead of rewriting FILE", "OUT" },                       \
  { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &(how).dry_run,                               \
    "Apply and summarise, but write nothing", NULL },                                    \
  { "date", 0, 0, G_OPTION_ARG_STRING, &(how).date,                                     \
    "Date of the operations that carry none (default: today)", "YYYY-MM-DD" },          \
  { "reason", 0, 0, G_OPTION_ARG_STRING, &(how).reason,                                 \
    "Reason of the operations that carry none", "TEXT" },                                \
  { "operator", 0, 0, G_OPTION_ARG_STRING, &(how).operator_name,                        \
    "Who makes the change, when the plan does not say", "NAME" },                       \
  CLI_LOCK_TIMEOUT_ENTRY ((how).lock_timeout)

/* Fills @how->defaults from the options; prints an error and returns FALSE
 * for a bad --date. */
gboolean cli_apply_options_check (CliApply *how);
void     cli_apply_clear         (CliApply *how);

/* Loads @file, applies @plan to it in one transaction, prints the
 * before/after member counts of the orgs it touched and writes the result
 * crash-safely (to @how->output or @file) unless it is a dry run; holds
 * @file's lock from the load to the save when rewriting it. Returns the
 * exit status: on any failure nothing is written. */
int cli_apply_plan (const char *command, const char *file, const PboPlan *plan,
                    const CliApply *how);

/* Builds @op with @attributes (name/value pairs; pairs with a NULL value
 * are left out), one child @element per id of @ids (NULL-terminated;
 * <member id/>, or <absent member/>) and the child @element with the
 * attributes @child, then applies it as cli_apply_plan() does. */
int cli_apply_one (const char *command, const char *file, PboEditOp op, const char **attributes,
                   const char *element, char **ids, const char **child, const CliApply *how);

int cli_cmd_tree (int argc, char **argv);
int cli_cmd_stats (int argc, char **argv);
int cli_cmd_validate (int argc, char **argv);
int cli_cmd_export (int argc, char **argv);
int cli_cmd_check (int argc, char **argv);
int cli_cmd_report (int argc, char **argv);
int cli_cmd_dues (int argc, char **argv);
int cli_cmd_meetings (int argc, char **argv);
int cli_cmd_recruits (int argc, char **argv);
int cli_cmd_diff (int argc, char **argv);
int cli_cmd_apply (int argc, char **argv);
int cli_cmd_log (int argc, char **argv);
int cli_cmd_transfer (int argc, char **argv);
int cli_cmd_move (int argc, char **argv);
int cli_cmd_merge (int argc, char **argv);
int cli_cmd_import_csv (int argc, char **argv);
int cli_cmd_combine (int argc, char **argv);
int cli_cmd_init (int argc, char **argv);
int cli_cmd_meeting (int argc, char **argv);
int cli_cmd_recruit (int argc, char **argv);
int cli_cmd_set_org (int argc, char **argv);
int cli_cmd_undo (int argc, char **argv);
/* Does any member of @tree have a standing other than normal (the CSV
 * outputs then add their standing columns)? */
gboolean cli_tree_has_standings (const PboTree *tree);
int cli_cmd_set_standing (int argc, char **argv);
int cli_cmd_transfer_out (int argc, char **argv);
int cli_cmd_receipt (int argc, char **argv);
int cli_cmd_transfer_in (int argc, char **argv);
int cli_cmd_transfers (int argc, char **argv);
int cli_cmd_letter (int argc, char **argv);

#endif
