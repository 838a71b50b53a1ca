/* bench-html — the HTML report against the work it is made of, in one
 * process: the load of FILE, then pbo_report_new() and pbo_check() (what
 * the page's statistics and findings cost on their own), then the whole
 * pbo_report_write_html(). Run it at two sizes (html-bench.sh): a cost
 * per member that stays flat shows the page is linear.
 *
 *   bench-html FILE
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <pbo/pbo.h>
#include "bench-util.h"

static void
die_on_error (GError *error, const char *what)
{
  if (error != NULL)
    {
      fprintf (stderr, "bench-html: %s: %s\n", what, error->message);
      exit (2);
    }
}

int
main (int argc, char **argv)
{
  const char *path = bench_single_arg (argc, argv, "bench-html FILE");
  PboHtmlOptions options = PBO_HTML_OPTIONS_INIT;
  PboCheckOptions check = PBO_CHECK_OPTIONS_INIT;
  GError *error = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *extra = NULL;
  PboTree *tree;
  PboReport *report;
  PboFindings *findings;
  double t0, load, parts, html;
  guint members;

  options.on = check.on = pbo_date_make (2024, 6, 30);
  t0 = bench_now ();
  tree = pbo_xml_load_file (path, NULL, &error);
  die_on_error (error, "load");
  load = bench_now () - t0;
  members = pbo_tree_get_n_members (tree);

  t0 = bench_now ();
  report = pbo_report_new (tree, NULL, options.on, &error);
  die_on_error (error, "report");
  findings = pbo_check (tree, NULL, &check, &error);
  die_on_error (error, "check");
  parts = bench_now () - t0;
  pbo_report_free (report);
  pbo_findings_free (findings);

  t0 = bench_now ();
  if (!pbo_report_write_html (tree, NULL, &options, out, &error))
    die_on_error (error, "html");
  html = bench_now () - t0;

  bench_report ("load", load, bench_file_size (path), members, NULL);
  bench_report ("report+check", parts, 0, members, NULL);
  extra = g_strdup_printf ("html_bytes=%zu us_per_member=%.3f html/load=%.2f html/(report+check)=%.2f",
                           out->len, html * 1e6 / MAX (members, 1), html / load, html / parts);
  bench_report ("html", html, out->len, members, extra);
  pbo_tree_free (tree);
  return 0;
}
