/* Check suite: html — the HTML report's figures, escaping, grid, redaction, errors. */
#include <string.h>
#include "testutil.h"

static PboDate
on_date (void)
{
  return pbo_date_make (2024, 6, 30);
}

static char *
html_of (const PboTree *tree, PboOrg *root, guint flags)
{
  PboHtmlOptions options = PBO_HTML_OPTIONS_INIT;
  GString *out = g_string_new (NULL);
  GError *error = NULL;

  options.on = on_date ();
  options.flags = flags;
  ck_assert_msg (pbo_report_write_html (tree, root, &options, out, &error),
                 "%s", error ? error->message : "");
  return g_string_free (out, FALSE);
}

/* The text of the element carrying data-figure="@figure" (up to '<'). */
static char *
figure (const char *html, const char *name)
{
  g_autofree char *key = g_strdup_printf ("data-figure=\"%s\"", name);
  const char *p = strstr (html, key), *end;

  ck_assert_msg (p != NULL, "no figure %s", name);
  ck_assert_msg (strstr (p + 1, key) == NULL, "figure %s twice", name);
  p = strchr (p, '>') + 1;
  end = strchr (p, '<');
  return g_strndup (p, end - p);
}

static void
assert_figure (const char *html, const char *name, const char *expected)
{
  g_autofree char *value = figure (html, name);

  ck_assert_str_eq (value, expected);
}

static PboTree *
load_sample (const char *name)
{
  g_autofree char *path = tu_srcpath (name);
  GError *error = NULL;
  PboTree *tree = pbo_xml_load_file (path, NULL, &error);

  ck_assert_msg (tree != NULL, "%s", error ? error->message : "");
  return tree;
}

/* Seed 001: 12 units (6 committee, 3 general branch, 3 single branch),
 * 144 branches, 3151 members = 2411 in service + 740 retired. */
START_TEST (test_city_health_figures)
{
  g_autoptr (PboTree) tree = load_sample ("examples/data/city-health.xml");
  g_autofree char *html = html_of (tree, NULL, 0);

  assert_figure (html, "units.all", "12");
  assert_figure (html, "units.committee", "6");
  assert_figure (html, "units.general-branch", "3");
  assert_figure (html, "units.branch", "3");
  assert_figure (html, "orgs.branch", "144");
  assert_figure (html, "members.all", "3151");
  assert_figure (html, "employment.in-service", "2411");
  assert_figure (html, "employment.retired", "740");
  assert_figure (html, "meetings.branches", "144");
  assert_figure (html, "date", "2024-06-30");
}
END_TEST

/* The findings section counts each severity once and adds up. */
START_TEST (test_findings_add_up)
{
  g_autoptr (PboTree) tree = load_sample ("examples/data/jianghai.xml");
  g_autofree char *html = html_of (tree, NULL, 0);
  PboCheckOptions check = PBO_CHECK_OPTIONS_INIT;
  g_autoptr (PboFindings) findings = NULL;
  g_autofree char *all = figure (html, "findings");
  g_autofree char *errors = figure (html, "findings.error");
  g_autofree char *warnings = figure (html, "findings.warning");
  g_autofree char *infos = figure (html, "findings.info");

  check.on = on_date ();
  findings = pbo_check (tree, NULL, &check, NULL);
  ck_assert_uint_eq (atoi (all), pbo_findings_get_n (findings));
  ck_assert_uint_eq (atoi (errors), pbo_findings_count (findings, PBO_SEVERITY_ERROR));
  ck_assert_uint_eq (atoi (errors) + atoi (warnings) + atoi (infos), atoi (all));
  ck_assert_uint_gt (atoi (warnings), 0);
  assert_figure (html, "recruits.applicant", "2");
  assert_figure (html, "recruits.activist", "2");
  assert_figure (html, "recruits.candidate", "1");
}
END_TEST

/* Names are escaped everywhere: a branch called <script> cannot inject. */
START_TEST (test_escaping)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *b = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "b1");
  g_autofree char *html = NULL;

  ck_assert (pbo_org_set_name (b, "<script>alert(\"x\")</script> & 'y'", NULL));
  html = html_of (tree, NULL, 0);
  ck_assert_ptr_null (strstr (html, "<script"));
  ck_assert_ptr_nonnull (strstr (html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"));
}
END_TEST

/* Nothing is fetched: no script, no external reference of any kind. */
START_TEST (test_self_contained)
{
  g_autoptr (PboTree) tree = load_sample ("examples/data/jianghai.xml");
  g_autofree char *html = html_of (tree, NULL, 0);
  static const char *const forbidden[] = { "<script", "src=", "url(", "@import", "http:",
                                           "https:", "<link", "<img", "<iframe" };

  for (gsize i = 0; i < G_N_ELEMENTS (forbidden); i++)
    ck_assert_msg (strstr (html, forbidden[i]) == NULL, "found %s", forbidden[i]);
  ck_assert (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\""));
  ck_assert (g_str_has_suffix (html, "</html>\n"));
  ck_assert (g_utf8_validate (html, -1, NULL));
}
END_TEST

/* A branch that held its committee meeting in one month and nothing else:
 * that month's cell is held, the others missing. */
START_TEST (test_meeting_grid_cells)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *b = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "b1");
  g_autofree char *html = NULL;
  const char *grid;
  guint held = 0, missing = 0;

  ck_assert (pbo_org_set_established (b, pbo_date_make (2024, 5, 1), NULL));
  ck_assert_int_ge (pbo_org_add_meeting (tree, b, PBO_MEETING_THEME_DAY, pbo_date_make (2024, 5, 20),
                                         NULL, PBO_ATTENDANCE_NONE, NULL), 0);
  html = html_of (tree, NULL, 0);
  grid = strstr (html, "<table class=\"grid\">");
  ck_assert_ptr_nonnull (grid);
  for (const char *p = grid; (p = strstr (p, "<td class=\"")) != NULL; p++)
    {
      held += g_str_has_prefix (p, "<td class=\"held\">");
      missing += g_str_has_prefix (p, "<td class=\"missing\">");
    }
  /* Founded in May: 10 months not required, May held (theme day; the
   * general assembly's 3-month window has not ended), June missing (no
   * theme day). */
  ck_assert_uint_eq (held, 1);
  ck_assert_uint_eq (missing, 1);
  assert_figure (html, "meetings.missing-cells", "1");
  ck_assert_ptr_nonnull (strstr (grid, "<td class=\"not-required\">"));
}
END_TEST

/* Redaction leaves recruits' names out and keeps their ids. */
START_TEST (test_redact)
{
  g_autoptr (PboTree) tree = load_sample ("examples/data/jianghai.xml");
  g_autofree char *plain = html_of (tree, NULL, 0);
  g_autofree char *redacted = html_of (tree, NULL, PBO_HTML_REDACT);
  guint names = 0;
  PboWalker w;
  PboOrg *org;

  pbo_walker_init (&w, tree, NULL);
  while (pbo_walker_next (&w, &org) != PBO_WALK_DONE)
    for (guint i = 0; i < pbo_org_get_n_recruits (org); i++)
      {
        PboRecruit *r = pbo_org_get_recruit (org, i);

        ck_assert_ptr_nonnull (strstr (plain, pbo_recruit_get_name (r)));
        ck_assert_ptr_null (strstr (redacted, pbo_recruit_get_name (r)));
        ck_assert_ptr_nonnull (strstr (redacted, pbo_recruit_get_id (r)));
        names++;
      }
  ck_assert_uint_gt (names, 0);
}
END_TEST

/* Same input, same bytes; refused options leave the output untouched. */
START_TEST (test_deterministic_and_refusals)
{
  g_autoptr (PboTree) tree = load_sample ("examples/data/jianghai.xml");
  g_autofree char *a = html_of (tree, NULL, 0);
  g_autofree char *b = html_of (tree, NULL, 0);
  PboHtmlOptions options = PBO_HTML_OPTIONS_INIT;
  g_autoptr (GString) out = g_string_new ("kept");
  g_autoptr (GError) error = NULL;

  ck_assert_str_eq (a, b);
  options.version = 99;
  ck_assert (!pbo_report_write_html (tree, NULL, &options, out, &error));
  ck_assert (g_error_matches (error, PBO_ERROR, PBO_ERROR_INVALID));
  ck_assert_str_eq (out->str, "kept");
  g_clear_error (&error);
  options.version = PBO_HTML_OPTIONS_VERSION;
  options.on = pbo_date_make (2024, 0, 0);
  ck_assert (!pbo_report_write_html (tree, NULL, &options, out, &error));
  ck_assert_str_eq (out->str, "kept");
  ck_assert (pbo_html_options_init (&options, PBO_HTML_OPTIONS_VERSION));
  ck_assert (!pbo_html_options_init (&options, 0));
}
END_TEST

/* --org: one unit's report counts only its subtree, and the chart caps. */
START_TEST (test_subtree_and_chart)
{
  g_autoptr (PboTree) tree = load_sample ("examples/data/jianghai.xml");
  PboOrg *root = pbo_tree_get_first_org (tree);
  PboOrg *branch = pbo_org_get_first_child (root);
  g_autofree char *html = html_of (tree, branch, 0);
  g_autofree char *whole = html_of (tree, NULL, 0);
  g_autofree char *nochart = html_of (tree, NULL, PBO_HTML_NO_CHART);
  g_autofree char *members = NULL;
  PboStats stats;

  pbo_org_get_stats (branch, &stats);
  members = g_strdup_printf ("%u", stats.members);
  assert_figure (html, "members.all", members);
  assert_figure (whole, "chart.orgs", "10");
  ck_assert_ptr_null (strstr (nochart, "<svg"));
}
END_TEST

/* The records sections: 民主评议 and 星级评定 per branch, transfer letters
 * awaiting their receipt (open and overdue; a received one is not listed),
 * names redacted on request, letters of the subtree only. */
static void
letter_out (PboTree *tree, const char *member, const char *number, PboDate date)
{
  PboLetterInfo l = PBO_LETTER_INFO_INIT;
  PboEditContext ctx = PBO_EDIT_CONTEXT_INIT;
  GError *error = NULL;

  l.number = number;
  l.other_org = "市一院党委";
  ctx.date = date;
  ck_assert (pbo_edit_transfer_out (tree, pbo_tree_lookup_member (tree, member), &l, &ctx,
                                    &error));
  ck_assert_no_error (error);
}

static void
mark (PboTree *tree, const char *member, PboEvaluationResult result, guint score)
{
  PboMemberRecord rec = PBO_MEMBER_RECORD_INIT;
  PboMember *m = pbo_tree_lookup_member (tree, member);
  GError *error = NULL;

  rec.kind = PBO_RECORD_EVALUATION;
  rec.year = 2023;
  rec.result = result;
  ck_assert (pbo_edit_put_member_record (tree, m, &rec, NULL, &error));
  rec = (PboMemberRecord) PBO_MEMBER_RECORD_INIT;
  rec.kind = PBO_RECORD_RATING;
  rec.year = 2023;
  memset (rec.scores, score, sizeof rec.scores);
  ck_assert (pbo_edit_put_member_record (tree, m, &rec, NULL, &error));
  ck_assert_no_error (error);
}

START_TEST (test_records_sections)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *b1 = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "b1");
  PboOrg *b2 = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "b2");
  g_autofree char *plain = html_of (tree, NULL, 0), *html = NULL, *redacted = NULL;
  g_autofree char *sub = NULL;
  GError *error = NULL;
  static const char *const ids[] = { "m1", "m2", "m3", "m4" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      PboMember *m = tu_add_member (tree, b1, ids[i], PBO_STATUS_FULL, PBO_EMPLOYMENT_IN_SERVICE);
      g_autofree char *name = g_strdup_printf ("党员%u", i + 1);

      ck_assert (pbo_member_set_attribute (tree, m, "name", name, NULL));
    }
  ck_assert (pbo_member_set_attribute (tree, tu_add_member (tree, b2, "m5", PBO_STATUS_FULL,
                                                             PBO_EMPLOYMENT_IN_SERVICE),
                                       "name", "党员5", NULL));
  /* Nothing recorded: none of the sections. */
  ck_assert_ptr_null (strstr (plain, "id=\"ratings\""));
  ck_assert_ptr_null (strstr (plain, "id=\"transfers\""));

  mark (tree, "m1", PBO_EVALUATION_EXCELLENT, 5);   /* 30: 5 stars */
  mark (tree, "m2", PBO_EVALUATION_QUALIFIED, 3);   /* 18: 2 stars, one step over 17 */
  letter_out (tree, "m3", "2024-001", pbo_date_make (2024, 2, 1));
  ck_assert (pbo_edit_receipt (tree, "2024-001", pbo_date_make (2024, 3, 1), NULL, &error));
  ck_assert_no_error (error);
  letter_out (tree, "m4", "2024-002", pbo_date_make (2024, 1, 10));  /* 90 days: overdue */
  letter_out (tree, "m5", "2024-003", pbo_date_make (2024, 6, 1));   /* open */

  html = html_of (tree, NULL, 0);
  assert_figure (html, "evaluation.b1.excellent", "1");
  assert_figure (html, "evaluation.b1.qualified", "1");
  assert_figure (html, "evaluation.b1.unqualified", "0");
  assert_figure (html, "stars.b1.5", "1");
  assert_figure (html, "stars.b1.2", "1");
  assert_figure (html, "stars.b1.1", "0");
  assert_figure (html, "letters.awaiting", "2");
  assert_figure (html, "letters.overdue", "1");
  ck_assert_ptr_nonnull (strstr (html, "2024-002"));
  ck_assert_ptr_null (strstr (html, "2024-001"));   /* received */
  ck_assert_ptr_nonnull (strstr (html, "党员4"));

  redacted = html_of (tree, NULL, PBO_HTML_REDACT);
  ck_assert_ptr_null (strstr (redacted, "党员4"));
  ck_assert_ptr_nonnull (strstr (redacted, ">m4<"));

  sub = html_of (tree, b2, 0);
  assert_figure (sub, "letters.awaiting", "1");
  assert_figure (sub, "letters.overdue", "0");
  ck_assert_ptr_null (strstr (sub, "2024-002"));
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("html");
  TCase *tc = tcase_create ("html");

  tcase_add_test (tc, test_city_health_figures);
  tcase_add_test (tc, test_findings_add_up);
  tcase_add_test (tc, test_escaping);
  tcase_add_test (tc, test_self_contained);
  tcase_add_test (tc, test_meeting_grid_cells);
  tcase_add_test (tc, test_redact);
  tcase_add_test (tc, test_deterministic_and_refusals);
  tcase_add_test (tc, test_subtree_and_chart);
  tcase_add_test (tc, test_records_sections);
  suite_add_tcase (s, tc);
  return tu_run (s);
}
