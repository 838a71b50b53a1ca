/* libpbo — the HTML report: the document, statistics, findings, dues, recruits.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "error-private.h"
#include "html-private.h"
#include "org-facts-private.h"

#include <stdarg.h>

/* A4 pages, one section per page when printed; the system's CJK fonts
 * first in the stack so that Chinese renders without a web font. */
static const char style_sheet[] =
  ":root{--err:#a40000;--warn:#8a5a00;--info:#1f4e79;--ok:#1d6b2a;--line:#bbb}\n"
  "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\","
  "\"PingFang SC\",\"Microsoft YaHei\",system-ui,sans-serif;margin:2em auto;max-width:70em;"
  "padding:0 1em;color:#111;line-height:1.45}\n"
  "h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #333;padding-bottom:.2em}\n"
  "table{border-collapse:collapse;margin:.5em 0 1.2em}th,td{border:1px solid var(--line);"
  "padding:.2em .5em;text-align:left;vertical-align:top}td.n{text-align:right;"
  "font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:bold;padding:.3em 0}\n"
  "thead th{background:#eee}.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}"
  ".sev-info{color:var(--info)}\n"
  ".grid td{text-align:center;min-width:2.6em;font-size:.8em}.grid th{font-size:.8em;white-space:nowrap}.grid tbody th{white-space:normal;min-width:9em}\n"
  ".held{background:#d9ead3}.missing{background:#f4cccc;color:var(--err);font-weight:bold}"
  ".not-due{background:#fff}.not-required{background:#eee;color:#666}\n"
  "tr.details>td{border-top:none;padding-top:0}details table{margin:.3em 0}\n"
  ".legend span{margin-right:1.5em}.note{color:#444;font-size:.9em}svg text{font-size:12px}.blocks{display:flex;flex-wrap:wrap;gap:.3em 1em;align-items:flex-start}\n"
  "nav ol{columns:2}.cols{display:flex;flex-wrap:wrap;gap:0 1.5em;align-items:flex-start}\n"
  "@page{size:A4;margin:14mm}\n"
  "@media print{body{margin:0;max-width:none}nav{display:none}"
  "section{break-before:page}section:first-of-type{break-before:auto}"
  "tr,svg{break-inside:avoid}.chart svg{zoom:.8}a{color:inherit;text-decoration:none}}\n";

void
pbo_html_escape_ (GString *out, const char *text)
{
  const char *run = text;

  if (text == NULL)
    return;
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&#39;"; break;
        default: continue;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, entity);
      run = p + 1;
    }
  g_string_append (out, run);
}

void
pbo_html_section_begin_ (GString *out, const char *id, const char *title)
{
  g_string_append_printf (out, "<section id=\"%s\" aria-labelledby=\"h-%s\">\n"
                          "<h2 id=\"h-%s\">", id, id, id);
  pbo_html_escape_ (out, title);
  g_string_append (out, "</h2>\n");
}

void
pbo_html_section_end_ (GString *out)
{
  g_string_append (out, "</section>\n");
}

void
pbo_html_count_cell_ (GString *out, const char *figure, guint count)
{
  if (figure != NULL)
    g_string_append_printf (out, "<td class=\"n\" data-figure=\"%s\">%u</td>", figure, count);
  else
    g_string_append_printf (out, "<td class=\"n\">%u</td>", count);
}

void
pbo_html_head_row_ (GString *out, const char *first, ...)
{
  va_list ap;

  g_string_append (out, "<thead><tr>");
  va_start (ap, first);
  for (const char *h = first; h != NULL; h = va_arg (ap, const char *))
    {
      g_string_append (out, "<th scope=\"col\">");
      pbo_html_escape_ (out, h);
      g_string_append (out, "</th>");
    }
  va_end (ap);
  g_string_append (out, "</tr></thead>\n");
}

/* ---- Statistics ---------------------------------------------------- */

typedef struct {
  const char *section;       /* pbo_report_item_get_section() */
  const char *caption;       /* N_() */
} StatTable;

static const StatTable stat_tables[] = {
  { "orgs", N_("Organisations by kind") },
  { "units", N_("Units by the kind of their head organisation") },
  { "members", N_("Members") },
  { "status", N_("Members by status") },
  { "employment", N_("Members by employment") },
  { "gender", N_("Members by gender") },
  { "age", N_("Members by age") },
  { "party-age", N_("Members by years of membership") },
};

/* Indexed by PboReportItem: the row labels people read. */
static const char *const item_labels[] = {
  NULL,
  N_("committees"), N_("general branches"), N_("branches"), N_("groups"),
  N_("units with a branch"), N_("headed by a committee"), N_("headed by a general branch"),
  N_("single branches"),
  N_("all members"),
  N_("full members"), N_("probationary members"),
  N_("in service"), N_("retired"),
  N_("men"), N_("women"), N_("not recorded"),
  N_("35 and under"), N_("36–45"), N_("46–55"), N_("56–60"), N_("over 60"), N_("not recorded"),
  N_("5 years and under"), N_("6–10 years"), N_("11–20 years"), N_("21–30 years"),
  N_("31–40 years"), N_("41–50 years"), N_("over 50 years"), N_("probationary (none yet)"),
  N_("not recorded"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (item_labels) == PBO_REPORT_EDUCATION_UNKNOWN + 1);

static void
begin_count_table (GString *out, const char *caption)
{
  g_string_append (out, "<table>\n<caption>");
  pbo_html_escape_ (out, caption);
  g_string_append (out, "</caption>\n");
  pbo_html_head_row_ (out, _("item"), _("count"), NULL);
  g_string_append (out, "<tbody>\n");
}

static void
count_row (GString *out, const char *label, const char *figure, guint count)
{
  g_string_append (out, "<tr><th scope=\"row\">");
  pbo_html_escape_ (out, label);
  g_string_append (out, "</th>");
  pbo_html_count_cell_ (out, figure, count);
  g_string_append (out, "</tr>\n");
}

static void
write_stat_table (GString *out, const PboReport *report, const StatTable *table)
{
  begin_count_table (out, _(table->caption));
  for (PboReportItem item = PBO_REPORT_COMMITTEES; item <= PBO_REPORT_EDUCATION_UNKNOWN; item++)
    {
      g_autofree char *figure = NULL;

      if (g_strcmp0 (pbo_report_item_get_section (item), table->section) != 0)
        continue;
      figure = g_strdup_printf ("%s.%s", table->section, pbo_report_item_get_key (item));
      count_row (out, _(item_labels[item]), figure, pbo_report_get (report, item));
    }
  g_string_append (out, "</tbody></table>\n");
}

static void
write_education_table (GString *out, const PboReport *report)
{
  begin_count_table (out, _("Members by education"));
  for (guint i = 0; i < pbo_report_get_n_educations (report); i++)
    {
      guint count = 0;
      const char *value = pbo_report_get_education (report, i, &count);

      count_row (out, value, NULL, count);
    }
  count_row (out, _(item_labels[PBO_REPORT_EDUCATION_UNKNOWN]), "education.unknown",
             pbo_report_get (report, PBO_REPORT_EDUCATION_UNKNOWN));
  g_string_append (out, "</tbody></table>\n");
}

static void
write_units_table (GString *out, const PboReport *report)
{
  g_string_append (out, "<table>\n<caption>");
  pbo_html_escape_ (out, _("Units"));
  g_string_append (out, "</caption>\n");
  pbo_html_head_row_ (out, _("unit"), _("head"), _("branches"), _("members"), _("full"),
                      _("probationary"), _("in service"), _("retired"), NULL);
  g_string_append (out, "<tbody>\n");
  for (guint i = 0; i < pbo_report_get_n_units (report); i++)
    {
      const PboReportUnit *u = pbo_report_get_unit (report, i);

      g_string_append (out, "<tr><th scope=\"row\">");
      pbo_html_escape_ (out, u->name != NULL ? u->name : _("(no unit)"));
      g_string_append (out, "</th><td>");
      pbo_html_escape_ (out, u->head != NULL ? pbo_org_kind_to_label (u->kind) : "");
      g_string_append (out, "</td>");
      pbo_html_count_cell_ (out, NULL, u->branches);
      pbo_html_count_cell_ (out, NULL, u->members);
      pbo_html_count_cell_ (out, NULL, u->full);
      pbo_html_count_cell_ (out, NULL, u->probationary);
      pbo_html_count_cell_ (out, NULL, u->in_service);
      pbo_html_count_cell_ (out, NULL, u->retired);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
}

static void
write_statistics (GString *out, const PboReport *report)
{
  pbo_html_section_begin_ (out, "statistics", _("Statistics"));
  g_string_append (out, "<div class=\"cols\">\n");
  for (gsize i = 0; i < G_N_ELEMENTS (stat_tables); i++)
    write_stat_table (out, report, &stat_tables[i]);
  write_education_table (out, report);
  g_string_append (out, "</div>\n");
  write_units_table (out, report);
  pbo_html_section_end_ (out);
}

/* ---- Findings ------------------------------------------------------ */

typedef struct {
  PboSeverity severity;
  const char *css;
  const char *symbol;        /* the signal that is not colour */
  const char *heading;       /* N_() */
} SeverityLook;

static const SeverityLook severities[] = {
  { PBO_SEVERITY_ERROR, "sev-error", "✖", N_("Errors") },
  { PBO_SEVERITY_WARNING, "sev-warning", "⚠", N_("Warnings") },
  { PBO_SEVERITY_INFO, "sev-info", "ℹ", N_("For information") },
};

static void
write_finding_row (GString *out, const PboFinding *f)
{
  g_string_append (out, "<tr><td>");
  pbo_html_escape_ (out, pbo_org_get_name (f->org));
  g_string_append (out, "</td><td>");
  pbo_html_escape_ (out, f->message);
  g_string_append (out, "</td></tr>\n");
}

/* One row per rule that found something — what a reader takes in at a
 * glance and what prints — with the findings themselves in a <details>
 * under it (closed, so a city's thousand findings do not print). */
static void
write_rule_summary (GString *out, const PboFindings *findings, const PboRuleInfo *rule,
                    const SeverityLook *look)
{
  guint n = 0, total = pbo_findings_get_n (findings);

  for (guint i = 0; i < total; i++)
    {
      const PboFinding *f = pbo_findings_get (findings, i);

      n += f->rule == rule && f->severity == look->severity;
    }
  if (n == 0)
    return;
  g_string_append_printf (out, "<tr class=\"%s\"><td>%s ", look->css, look->symbol);
  pbo_html_escape_ (out, rule->code);
  g_string_append (out, "</td><td>");
  pbo_html_escape_ (out, _(rule->title));
  g_string_append_printf (out, "</td><td class=\"n\" data-figure=\"findings.%s\">%u</td><td>",
                          rule->code, n);
  pbo_html_escape_ (out, rule->source);
  g_string_append (out, "</td></tr>\n<tr class=\"details\"><td colspan=\"4\"><details><summary>");
  g_string_append_printf (out, _("%u findings"), n);
  g_string_append (out, "</summary><table>\n");
  pbo_html_head_row_ (out, _("organisation"), _("finding"), NULL);
  g_string_append (out, "<tbody>\n");
  for (guint i = 0; i < total; i++)
    {
      const PboFinding *f = pbo_findings_get (findings, i);

      if (f->rule == rule && f->severity == look->severity)
        write_finding_row (out, f);
    }
  g_string_append (out, "</tbody></table></details></td></tr>\n");
}

static void
write_findings (GString *out, const PboFindings *findings)
{
  pbo_html_section_begin_ (out, "findings", _("Findings"));
  g_string_append_printf (out, "<p>%s <span data-figure=\"findings\">%u</span></p>\n",
                          _("Findings in all:"), pbo_findings_get_n (findings));
  for (gsize s = 0; s < G_N_ELEMENTS (severities); s++)
    {
      const SeverityLook *look = &severities[s];
      /* pbo_findings_count() counts "this severity or worse". */
      guint n = pbo_findings_count (findings, look->severity)
                - (look->severity < PBO_SEVERITY_ERROR
                   ? pbo_findings_count (findings, look->severity + 1) : 0);

      g_string_append_printf (out, "<h3 class=\"%s\">%s ", look->css, look->symbol);
      pbo_html_escape_ (out, _(look->heading));
      g_string_append_printf (out, " (<span data-figure=\"findings.%s\">%u</span>)</h3>\n",
                              pbo_severity_to_string (look->severity), n);
      if (n == 0)
        continue;
      g_string_append (out, "<table>\n");
      pbo_html_head_row_ (out, _("rule"), _("what"), _("findings"), _("source"), NULL);
      g_string_append (out, "<tbody>\n");
      for (guint r = 0; r < pbo_rules_get_n (); r++)
        write_rule_summary (out, findings, pbo_rules_get (r), look);
      g_string_append (out, "</tbody></table>\n");
    }
  pbo_html_section_end_ (out);
}

/* ---- Dues ---------------------------------------------------------- */

static void
append_yuan (GString *out, gint64 fen)
{
  g_string_append_printf (out, "%" G_GINT64_FORMAT ".%02d", fen / 100, (int) (fen % 100));
}

static void
write_dues (GString *out, const PboDuesSheet *sheet)
{
  char month[16];

  pbo_date_format (pbo_dues_sheet_get_month (sheet), month);
  month[7] = '\0';
  pbo_html_section_begin_ (out, "dues", _("Party dues"));
  g_string_append_printf (out, "<p>%s %s: <span data-figure=\"dues.total\">",
                          _("Dues due for the month"), month);
  append_yuan (out, pbo_dues_sheet_get_total (sheet));
  g_string_append_printf (out, "</span> %s</p>\n<table>\n", _("yuan"));
  pbo_html_head_row_ (out, _("branch"), _("members"), _("with an amount"),
                      _("no dues base"), _("yuan"), NULL);
  g_string_append (out, "<tbody>\n");
  for (guint i = 0; i < pbo_dues_sheet_get_n_branches (sheet); i++)
    {
      const PboDuesBranchTotal *b = pbo_dues_sheet_get_branch (sheet, i);

      g_string_append (out, "<tr><th scope=\"row\">");
      pbo_html_escape_ (out, pbo_org_get_name (b->branch));
      g_string_append (out, "</th>");
      pbo_html_count_cell_ (out, NULL, b->members);
      pbo_html_count_cell_ (out, NULL, b->computed);
      g_string_append_printf (out, "<td class=\"n%s\">%u%s</td><td class=\"n\">",
                              b->no_base > 0 ? " sev-warning" : "", b->no_base,
                              b->no_base > 0 ? " ⚠" : "");
      append_yuan (out, b->total_fen);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
  pbo_html_section_end_ (out);
}

/* ---- Recruitment --------------------------------------------------- */

static const char *const stage_labels[] = {
  NULL, N_("applicants (入党申请人)"), N_("activists (入党积极分子)"),
  N_("candidates (发展对象)"),
};

static const char *const next_step_labels[] = {
  NULL, N_("to activist"), N_("to candidate"), N_("admission"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (stage_labels) == PBO_RECRUIT_CANDIDATE + 1);

static void
write_recruit_row (GString *out, const PboRecruit *r, PboDate on, gboolean redact)
{
  PboDate eligible = pbo_recruit_eligible_on (r);
  char date[16];

  g_string_append (out, "<tr><td>");
  pbo_html_escape_ (out, pbo_org_get_name (pbo_recruit_get_branch (r)));
  g_string_append (out, "</td><td>");
  pbo_html_escape_ (out, redact ? pbo_recruit_get_id (r) : pbo_recruit_get_name (r));
  g_string_append (out, "</td><td>");
  pbo_html_escape_ (out, _(stage_labels[pbo_recruit_get_stage (r)]));
  g_string_append (out, "</td><td>");
  pbo_html_escape_ (out, _(next_step_labels[pbo_recruit_get_stage (r)]));
  g_string_append (out, "</td><td>");
  if (eligible == PBO_DATE_NONE)
    g_string_append_printf (out, "✖ %s", _("never (applied under age)"));
  else
    g_string_append_printf (out, "%s %s", eligible <= on ? "✓" : "…",
                            pbo_date_format (eligible, date));
  g_string_append (out, "</td></tr>\n");
}

static void
write_recruitment (GString *out, const PboTree *tree, PboOrg *root, PboDate on, gboolean redact)
{
  guint counts[PBO_RECRUIT_CANDIDATE + 1] = { 0 };
  g_autoptr (GPtrArray) recruits = g_ptr_array_new ();
  PboWalker walker;
  PboOrg *org;

  /* A walker visits each org twice (ENTER and EXIT): collect at ENTER. */
  pbo_walker_init (&walker, tree, root);
  for (PboWalkEvent ev; (ev = pbo_walker_next (&walker, &org)) != PBO_WALK_DONE;)
    if (ev == PBO_WALK_ENTER)
      for (guint i = 0; i < pbo_org_get_n_recruits (org); i++)
        {
          PboRecruit *r = pbo_org_get_recruit (org, i);

          counts[pbo_recruit_get_stage (r)]++;
          g_ptr_array_add (recruits, r);
        }
  pbo_html_section_begin_ (out, "recruitment", _("Recruitment"));
  begin_count_table (out, _("Recruits by stage"));
  for (PboRecruitStage s = PBO_RECRUIT_APPLICANT; s <= PBO_RECRUIT_CANDIDATE; s++)
    {
      g_autofree char *figure = g_strdup_printf ("recruits.%s", pbo_recruit_stage_to_string (s));

      count_row (out, _(stage_labels[s]), figure, counts[s]);
    }
  g_string_append (out, "</tbody></table>\n");
  if (recruits->len > 0)
    {
      g_string_append (out, "<table>\n");
      pbo_html_head_row_ (out, _("branch"), redact ? _("id") : _("name"), _("stage"),
                          _("next step"), _("allowed from"), NULL);
      g_string_append (out, "<tbody>\n");
      for (guint i = 0; i < recruits->len; i++)
        write_recruit_row (out, recruits->pdata[i], on, redact);
      g_string_append (out, "</tbody></table>\n");
    }
  pbo_html_section_end_ (out);
}

/* ---- The document -------------------------------------------------- */

static void
write_head (GString *out, const char *title)
{
  /* TRANSLATORS: the BCP 47 language tag of the HTML report, e.g. "zh-CN". */
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                          "<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<meta name=\"generator\" content=\"libpbo %s\">\n<title>",
                          _("en"), pbo_version_string ());
  pbo_html_escape_ (out, title);
  g_string_append_printf (out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style_sheet);
}

static void
write_header (GString *out, const char *title, PboDate on)
{
  static const struct { const char *id; const char *title; } contents[] = {
    { "chart", N_("Organisation chart") }, { "statistics", N_("Statistics") },
    { "findings", N_("Findings") }, { "meetings", N_("三会一课") },
    { "dues", N_("Party dues") }, { "recruitment", N_("Recruitment") },
  };
  char date[16];

  g_string_append (out, "<header>\n<h1>");
  pbo_html_escape_ (out, title);
  g_string_append_printf (out, "</h1>\n<p>%s <time data-figure=\"date\" datetime=\"%s\">%s</time></p>\n",
                          _("Report date:"), pbo_date_format (on, date), date);
  g_string_append_printf (out, "<nav aria-label=\"%s\"><ol>\n", _("Contents"));
  for (gsize i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_string_append_printf (out, "<li><a href=\"#%s\">", contents[i].id);
      pbo_html_escape_ (out, _(contents[i].title));
      g_string_append (out, "</a></li>\n");
    }
  g_string_append (out, "</ol></nav>\n</header>\n<main>\n");
}

static const char *
default_title (const PboTree *tree, PboOrg *root)
{
  PboOrg *first = pbo_tree_get_first_org (tree);

  if (root != NULL)
    return pbo_org_get_name (root);
  if (first != NULL && pbo_org_get_next (first) == NULL)
    return pbo_org_get_name (first);
  return _("Party organisations");
}

/* Everything that can fail is computed before the first byte is written,
 * so that @out is untouched on error. */
gboolean
pbo_report_write_html (const PboTree *tree, PboOrg *root, const PboHtmlOptions *options,
                       GString *out, GError **error)
{
  static const PboHtmlOptions defaults = PBO_HTML_OPTIONS_INIT;
  PboCheckOptions check = PBO_CHECK_OPTIONS_INIT;
  g_autoptr (PboReport) report = NULL;
  g_autoptr (PboFindings) findings = NULL;
  g_autoptr (PboDuesSheet) dues = NULL;
  PboDate on;

  g_return_val_if_fail (tree != NULL, FALSE);
  g_return_val_if_fail (root == NULL || pbo_org_get_tree (root) == tree, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  if (options == NULL)
    options = &defaults;
  if (!pbo_options_version_check_ (options->version, PBO_HTML_OPTIONS_VERSION,
                                   "HTML report", error))
    return FALSE;
  on = options->on != PBO_DATE_NONE ? options->on : pbo_date_today ();
  if (options->check != NULL)
    check = *options->check;
  check.on = on;
  check.from = check.to = PBO_DATE_NONE;
  if ((report = pbo_report_new (tree, root, on, error)) == NULL
      || (findings = pbo_check (tree, root, &check, error)) == NULL
      || (dues = pbo_dues_sheet_new (tree, root, on, error)) == NULL)
    return FALSE;

  {
    const char *title = options->title != NULL ? options->title : default_title (tree, root);
    gboolean redact = (options->flags & PBO_HTML_REDACT) != 0;

    write_head (out, title);
    write_header (out, title, on);
    if ((options->flags & PBO_HTML_NO_CHART) == 0)
      pbo_html_write_chart_ (out, tree, root);
    write_statistics (out, report);
    write_findings (out, findings);
    pbo_html_write_meeting_grid_ (out, tree, root, on, &check);
    write_dues (out, dues);
    pbo_html_write_records_ (out, tree, root, on);
    write_recruitment (out, tree, root, on, redact);
    g_string_append (out, "</main>\n</body>\n</html>\n");
  }
  return TRUE;
}
