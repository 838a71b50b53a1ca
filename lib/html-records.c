/* libpbo — the HTML report's sections on the weekly records: dues owed
 * (the ledger), 民主评议 and 星级评定, open transfer letters. Each is
 * written only when the tree holds such records, so a file without them
 * gets the report it always had.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "error-private.h"
#include "html-private.h"
#include "pbo/records.h"
#include "pbo/transfer.h"

/* The ledger looks back this many months before the report's month: a
 * year, as the annual statistics and D001's six months need. */
#define LEDGER_MONTHS 12

static gboolean
in_subtree (const PboOrg *org, const PboOrg *root)
{
  for (; org != NULL; org = pbo_org_get_parent (org))
    if (org == root)
      return TRUE;
  return root == NULL;
}

static void
append_yuan (GString *out, gint64 fen)
{
  g_string_append_printf (out, "%s%" G_GINT64_FORMAT ".%02d", fen < 0 ? "-" : "",
                          ABS (fen) / 100, (int) (ABS (fen) % 100));
}

/* A money cell, its figure in a span; an amount owed is marked in words
 * (the sign) as well as in colour. */
static void
money_cell (GString *out, const char *figure, gint64 fen, gboolean owed)
{
  g_string_append_printf (out, "<td class=\"n%s\">", owed && fen > 0 ? " sev-warning" : "");
  if (figure != NULL)
    g_string_append_printf (out, "<span data-figure=\"%s\">", figure);
  append_yuan (out, fen);
  if (figure != NULL)
    g_string_append (out, "</span>");
  if (owed && fen > 0)
    g_string_append (out, " ⚠");
  g_string_append (out, "</td>");
}

static void
ledger_row (GString *out, const char *label, const PboLedgerRow *row, const char *figure_prefix)
{
  g_autofree char *due = NULL, *paid = NULL, *owed = NULL;

  if (figure_prefix != NULL)
    {
      due = g_strconcat (figure_prefix, ".due", NULL);
      paid = g_strconcat (figure_prefix, ".paid", NULL);
      owed = g_strconcat (figure_prefix, ".owed", NULL);
    }
  g_string_append (out, "<tr><th scope=\"row\">");
  pbo_html_escape_ (out, label);
  g_string_append (out, "</th>");
  money_cell (out, due, row->due_fen, FALSE);
  money_cell (out, paid, row->paid_fen, FALSE);
  money_cell (out, owed, row->owed_fen, TRUE);
  pbo_html_count_cell_ (out, NULL, row->unpaid_months);
  g_string_append (out, "</tr>\n");
}

/* Branch sums, then the members who owe, of the months before @on's (the
 * report's month may not be due yet). */
static void
write_ledger (GString *out, const PboTree *tree, PboOrg *root, PboDate on, gboolean redact)
{
  PboDate to = pbo_date_add_months (pbo_date_make (pbo_date_get_year (on),
                                                   pbo_date_get_month (on), 1), -1);
  PboDate from = pbo_date_add_months (to, 1 - LEDGER_MONTHS);
  g_autoptr (PboLedger) ledger = NULL;
  PboLedgerRow sum = { 0 };
  char first[16], last[16];
  guint owing = 0;

  ledger = pbo_ledger_new (tree, from, to, NULL);
  if (ledger == NULL)
    return;
  pbo_date_format (from, first);
  pbo_date_format (to, last);
  first[7] = last[7] = '\0';
  pbo_html_section_begin_ (out, "ledger", _("Dues paid and owed"));
  g_string_append_printf (out, "<p>%s %s – %s</p>\n<table>\n", _("Dues ledger, months"),
                          first, last);
  pbo_html_head_row_ (out, _("branch"), _("due (yuan)"), _("paid (yuan)"), _("owed (yuan)"),
                      _("months unpaid"), NULL);
  g_string_append (out, "<tbody>\n");
  for (guint i = 0; i < pbo_ledger_get_n_branches (ledger); i++)
    {
      const PboLedgerRow *b = pbo_ledger_get_branch (ledger, i);

      if (!in_subtree (b->org, root))
        continue;
      ledger_row (out, pbo_org_get_name (b->org), b, NULL);
      sum.due_fen += b->due_fen;
      sum.paid_fen += b->paid_fen;
      sum.owed_fen += b->owed_fen;
      sum.unpaid_months += b->unpaid_months;
    }
  ledger_row (out, _("total"), &sum, "ledger");
  g_string_append (out, "</tbody></table>\n");

  for (guint i = 0; i < pbo_ledger_get_n_members (ledger); i++)
    {
      const PboLedgerRow *m = pbo_ledger_get_member (ledger, i);

      if (m->owed_fen <= 0 || !in_subtree (m->org, root))
        continue;
      if (owing++ == 0)
        {
          g_string_append_printf (out, "<table>\n<caption>%s</caption>\n",
                                  _("Members who owe dues"));
          pbo_html_head_row_ (out, redact ? _("id") : _("name"), _("due (yuan)"),
                              _("paid (yuan)"), _("owed (yuan)"), _("months unpaid"), NULL);
          g_string_append (out, "<tbody>\n");
        }
      ledger_row (out, redact ? pbo_member_get_id (m->member) : pbo_member_get_name (m->member),
                  m, NULL);
    }
  if (owing > 0)
    g_string_append (out, "</tbody></table>\n");
  g_string_append_printf (out, "<p>%s: <span data-figure=\"ledger.owing\">%u</span></p>\n",
                          _("Members who owe dues"), owing);
  pbo_html_section_end_ (out);
}

/* ---- 民主评议 and 星级评定 ------------------------------------------ */

static const char *const result_labels[] = {
  [PBO_EVALUATION_NONE] = N_("no result"),
  [PBO_EVALUATION_EXCELLENT] = N_("excellent"),
  [PBO_EVALUATION_QUALIFIED] = N_("qualified"),
  [PBO_EVALUATION_BASICALLY_QUALIFIED] = N_("basically qualified"),
  [PBO_EVALUATION_UNQUALIFIED] = N_("unqualified"),
};

static const char *const star_labels[] = { "", "★", "★★", "★★★", "★★★★", "★★★★★" };

/* Per branch: members, evaluation results, and ratings by stars (index 0:
 * rated, no star). */
typedef struct {
  PboOrg *branch;
  guint   members;
  guint   results[G_N_ELEMENTS (result_labels)];
  guint   rated;
  guint   stars[6];
  guint   total;
} BranchMarks;

typedef struct {
  GArray *branches;     /* BranchMarks, in tree order */
  guint   year;
} Marks;

static const PboMemberRecord *
find_record (const PboMember *m, PboRecordKind kind, guint year, PboMemberRecord *rec)
{
  for (guint i = 0; pbo_member_get_record (m, i, rec); i++)
    if (rec->kind == kind && rec->year == year)
      return rec;
  return NULL;
}

static gboolean
mark_member (PboMember *m, gpointer data)
{
  Marks *marks = data;
  PboOrg *branch = pbo_member_get_branch (m);
  BranchMarks *b = NULL;
  PboMemberRecord rec;

  if (marks->branches->len > 0)
    b = &g_array_index (marks->branches, BranchMarks, marks->branches->len - 1);
  if (b == NULL || b->branch != branch)
    {
      BranchMarks fresh = { branch, 0, { 0 }, 0, { 0 }, 0 };

      g_array_append_val (marks->branches, fresh);
      b = &g_array_index (marks->branches, BranchMarks, marks->branches->len - 1);
    }
  b->members++;
  b->results[find_record (m, PBO_RECORD_EVALUATION, marks->year, &rec) != NULL ? rec.result
                                                                               : 0]++;
  if (find_record (m, PBO_RECORD_RATING, marks->year, &rec) != NULL)
    {
      guint total = pbo_member_record_total (&rec);

      b->rated++;
      b->stars[pbo_rating_stars (NULL, total)]++;
      b->total += total;
    }
  return TRUE;
}

/* The last year up to @on's with an evaluation or a rating in @root's
 * subtree, or 0. */
static gboolean
latest_year (PboMember *m, gpointer data)
{
  guint *year = data, limit = year[1];
  PboMemberRecord rec;

  for (guint i = 0; pbo_member_get_record (m, i, &rec); i++)
    if ((rec.kind == PBO_RECORD_EVALUATION || rec.kind == PBO_RECORD_RATING)
        && rec.year <= limit && rec.year > year[0])
      year[0] = rec.year;
  return TRUE;
}

static void
write_marks_table (GString *out, const Marks *marks)
{
  g_string_append_printf (out, "<table>\n<caption>%s %u</caption>\n",
                          _("民主评议 and 星级评定, year"), marks->year);
  g_string_append (out, "<thead><tr><th scope=\"col\">");
  pbo_html_escape_ (out, _("branch"));
  g_string_append (out, "</th>");
  for (guint r = PBO_EVALUATION_EXCELLENT; r < G_N_ELEMENTS (result_labels); r++)
    g_string_append_printf (out, "<th scope=\"col\">%s</th>", _(result_labels[r]));
  g_string_append_printf (out, "<th scope=\"col\">%s</th>", _(result_labels[0]));
  for (guint s = 5; s >= 1; s--)
    g_string_append_printf (out, "<th scope=\"col\">%s</th>", star_labels[s]);
  g_string_append_printf (out, "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                          _("average total"));
  for (guint i = 0; i < marks->branches->len; i++)
    {
      const BranchMarks *b = &g_array_index (marks->branches, BranchMarks, i);

      g_string_append (out, "<tr><th scope=\"row\">");
      pbo_html_escape_ (out, pbo_org_get_name (b->branch));
      g_string_append (out, "</th>");
      for (guint r = PBO_EVALUATION_EXCELLENT; r < G_N_ELEMENTS (result_labels); r++)
        {
          g_autofree char *figure = g_strdup_printf (
              "evaluation.%s.%s", pbo_org_get_id (b->branch),
              pbo_evaluation_result_to_string ((PboEvaluationResult) r));
          pbo_html_count_cell_ (out, figure, b->results[r]);
        }
      pbo_html_count_cell_ (out, NULL, b->results[0]);
      for (guint s = 5; s >= 1; s--)
        {
          g_autofree char *figure = g_strdup_printf ("stars.%s.%u", pbo_org_get_id (b->branch), s);
          pbo_html_count_cell_ (out, figure, b->stars[s]);
        }
      if (b->rated > 0)
        g_string_append_printf (out, "<td class=\"n\">%.1f</td></tr>\n",
                                (double) b->total / b->rated);
      else
        g_string_append (out, "<td class=\"n\">–</td></tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
}

static void
write_marks (GString *out, const PboTree *tree, PboOrg *root, PboDate on)
{
  guint year[2] = { 0, pbo_date_get_year (on) };
  Marks marks;

  pbo_tree_foreach_member (tree, root, latest_year, year);
  if (year[0] == 0)
    return;
  marks.year = year[0];
  marks.branches = g_array_new (FALSE, FALSE, sizeof (BranchMarks));
  pbo_tree_foreach_member (tree, root, mark_member, &marks);
  pbo_html_section_begin_ (out, "ratings", _("民主评议 and 星级评定"));
  write_marks_table (out, &marks);
  g_string_append_printf (out, "<p>%s</p>\n",
                          _("Stars from the total of the six scores (0–30) by the thresholds "
                            "12, 18, 22, 25, 28 (local practice, seed 002)."));
  pbo_html_section_end_ (out);
  g_array_unref (marks.branches);
}

/* ---- Transfer letters ------------------------------------------------ */

static gboolean
letter_in_subtree (const PboTree *tree, const PboLetterInfo *l, const PboOrg *root)
{
  PboOrg *branch = l->branch != NULL ? pbo_tree_lookup_org (tree, l->branch) : NULL;

  /* A letter of a dissolved branch belongs to the whole tree only. */
  return root == NULL || (branch != NULL && in_subtree (branch, root));
}

static void
write_letter_row (GString *out, const PboTree *tree, const PboLetterInfo *l, PboDate on,
                  gboolean redact)
{
  PboLetterState state = pbo_letter_state_on (l, on);
  PboOrg *branch = l->branch != NULL ? pbo_tree_lookup_org (tree, l->branch) : NULL;
  char issued[16], expires[16];

  g_string_append (out, "<tr><td>");
  pbo_html_escape_ (out, l->number);
  g_string_append (out, "</td><td>");
  pbo_html_escape_ (out, redact ? l->member_id : l->name);
  g_string_append (out, "</td><td>");
  pbo_html_escape_ (out, branch != NULL ? pbo_org_get_name (branch) : l->branch);
  g_string_append (out, "</td><td>");
  pbo_html_escape_ (out, l->other_org);
  g_string_append_printf (out, "</td><td>%s</td><td>%s</td>",
                          pbo_date_format (l->issued, issued),
                          pbo_date_format (pbo_letter_expires (l), expires));
  if (state == PBO_LETTER_OVERDUE)
    g_string_append_printf (out, "<td class=\"sev-warning\">⚠ %s</td></tr>\n",
                            _("receipt overdue"));
  else
    g_string_append_printf (out, "<td>%s</td></tr>\n", _("awaiting receipt"));
}

static void
write_letters (GString *out, const PboTree *tree, PboOrg *root, PboDate on, gboolean redact)
{
  guint n = pbo_tree_get_n_letters (tree), open = 0, overdue = 0;
  PboLetterInfo l = PBO_LETTER_INFO_INIT;

  if (n == 0)
    return;
  pbo_html_section_begin_ (out, "transfers", _("Transfer letters awaiting a receipt"));
  for (guint i = 0; i < n; i++)
    {
      PboLetterState state;

      if (!pbo_tree_get_letter (tree, i, &l) || l.direction != PBO_LETTER_OUT
          || !letter_in_subtree (tree, &l, root))
        continue;
      state = pbo_letter_state_on (&l, on);
      if (state != PBO_LETTER_OPEN && state != PBO_LETTER_OVERDUE)
        continue;
      if (open++ == 0)
        {
          g_string_append (out, "<table>\n");
          pbo_html_head_row_ (out, _("letter"), redact ? _("id") : _("name"), _("from branch"),
                              _("to"), _("issued"), _("valid until"), _("state"), NULL);
          g_string_append (out, "<tbody>\n");
        }
      overdue += state == PBO_LETTER_OVERDUE;
      write_letter_row (out, tree, &l, on, redact);
    }
  if (open > 0)
    g_string_append (out, "</tbody></table>\n");
  g_string_append_printf (out, "<p>%s: <span data-figure=\"letters.awaiting\">%u</span>; %s: "
                          "<span data-figure=\"letters.overdue\">%u</span></p>\n",
                          _("awaiting receipt"), open, _("receipt overdue"), overdue);
  pbo_html_section_end_ (out);
}

void
pbo_html_write_records_ (GString *out, const PboTree *tree, PboOrg *root, PboDate on,
                         gboolean redact)
{
  if (pbo_tree_has_payments (tree))
    write_ledger (out, tree, root, on, redact);
  if (pbo_tree_has_member_records (tree))
    write_marks (out, tree, root, on);
  write_letters (out, tree, root, on, redact);
}
