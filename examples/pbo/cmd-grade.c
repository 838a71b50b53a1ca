/* pbo grade FILE [--year Y] [--org ID] [--format text|csv]: every branch's
 * grade (分类定级) and the criteria it failed.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pbo-cli.h"

static const char *const grade_labels[] = {
  NULL, N_("advanced (先进)"), N_("good (较好)"), N_("fair (一般)"), N_("weak (后进)"),
};

static void
write_failed (GString *out, guint failed, const char *sep)
{
  const char *rules;
  guint k, n = 0;

  for (k = 0; k < pbo_grade_get_n_criteria (); k++)
    if (failed & (1u << k))
      {
        const char *name = pbo_grade_get_criterion (k, &rules);
        g_string_append_printf (out, "%s%s", n++ > 0 ? sep : "", name);
        if (*sep == ',' && *rules != '\0')
          g_string_append_printf (out, " (%s)", rules);
      }
}

static gboolean
grade_one (PboOrg *org, gpointer data)
{
  gpointer *ctx = data;
  const CliInput *in = ctx[0];
  const PboGradeOptions *o = ctx[1];
  GString *out = ctx[2];
  GError **error = ctx[3];
  guint failed = 0;
  PboGrade g;

  if (pbo_org_get_kind (org) != PBO_ORG_BRANCH)
    return TRUE;
  if ((g = pbo_grade_branch (org, o, &failed, error)) == PBO_GRADE_NONE)
    return FALSE;
  if (in->format == CLI_FORMAT_CSV)
    {
      g_autoptr (GString) list = g_string_new (NULL);
      write_failed (list, failed, " ");
      pbo_csv_write_field (out, pbo_org_get_id (org), cli_csv_flags (in));
      g_string_append_c (out, ',');
      pbo_csv_write_field (out, pbo_org_get_name (org), cli_csv_flags (in));
      g_string_append_printf (out, ",%s,", pbo_grade_to_string (g));
      pbo_csv_write_field (out, list->str, cli_csv_flags (in));
      g_string_append_c (out, '\n');
      return TRUE;
    }
  g_string_append_printf (out, "%s %s: %s", pbo_org_get_id (org), pbo_org_get_name (org),
                          _(grade_labels[g]));
  if (failed != 0)
    {
      g_string_append_printf (out, "; %s: ", _("failed"));
      write_failed (out, failed, ", ");
    }
  g_string_append_c (out, '\n');
  return TRUE;
}

int
cli_cmd_grade (int argc, char **argv)
{
  int year = 0, minutes = 80;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year graded (default: last year)"), "YYYY" },
    { "minutes-percent", 0, 0, G_OPTION_ARG_INT, &minutes,
      N_("The least share of complete minutes (default 80)"), "N" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  CliInput in = { .formats = CLI_FORMATS (CLI_FORMAT_TEXT, CLI_FORMAT_CSV), .format = CLI_FORMAT_TEXT };
  PboGradeOptions o = PBO_GRADE_OPTIONS_INIT;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  gpointer ctx[4];
  int status = CLI_EXIT_BAD_INPUT;

  if (!cli_parse ("grade", "FILE",
                  "Grade every branch (分类定级) for a year from its records: meetings held,\n"
                  "minutes complete, annual plan, committee, term, elections.",
                  entries, &in, &argc, &argv, 1)
      || !cli_load_input (&in, argv[1]))
    goto out;
  o.year = year > 0 ? (guint) year : 0;
  o.minutes_percent = minutes >= 0 ? (guint) minutes : 101;
  ctx[0] = &in;
  ctx[1] = &o;
  ctx[2] = out;
  ctx[3] = &error;
  if (in.format == CLI_FORMAT_CSV)
    g_string_append (out, "id,name,grade,failed\n");
  if (!pbo_tree_foreach_org (in.tree, in.root, grade_one, ctx) && error != NULL)
    {
      fprintf (stderr, "pbo grade: %s\n", error->message);
      goto out;
    }
  if (cli_write_output (out, NULL))
    status = CLI_EXIT_OK;
out:
  cli_input_clear (&in);
  return status;
}
