/* libpbo — the HTML report's member-record sections (1.1): dues owed over
 * the 12 months before the report date, from the ledger, and the star
 * ratings of the last year. Only trees that keep such records get them.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "html-private.h"
#include "error-private.h"
#include "member-records-private.h"

static gboolean
in_scope (const PboOrg *root, const PboOrg *org)
{
  return root == NULL || root == org || pbo_org_is_ancestor (root, org);
}

static void
yuan_cell (GString *out, gint64 fen, gboolean warn)
{
  g_string_append_printf (out, "<td class=\"n%s\">%" G_GINT64_FORMAT ".%02d</td>",
                          warn ? " sev-warning" : "", fen / 100, (int) (fen % 100));
}

static void
write_ledger (GString *out, PboTree *tree, PboOrg *root, PboDate on)
{
  PboDate last = pbo_date_add_months (pbo_date_make (pbo_date_get_year (on),
                                                     pbo_date_get_month (on), 1), -1);
  PboLedger *l = pbo_ledger_new (tree, pbo_date_add_months (last, -11), last, NULL);
  gint64 owed = 0;

  if (l == NULL)
    return;
  pbo_html_section_begin_ (out, "ledger", _("Dues owed"));
  g_string_append_printf (out, "<p>%s</p>\n<table>\n",
                          _("The dues ledger of the 12 months before the report date."));
  pbo_html_head_row_ (out, _("branch"), _("due"), _("paid"), _("owed"), _("unpaid months"),
                      NULL);
  g_string_append (out, "<tbody>\n");
  for (guint i = 0; i < pbo_ledger_get_n_branches (l); i++)
    {
      const PboLedgerRow *b = pbo_ledger_get_branch (l, i);
      if (!in_scope (root, b->org))
        continue;
      owed += b->owed_fen;
      g_string_append (out, "<tr><th scope=\"row\">");
      pbo_html_escape_ (out, pbo_org_get_name (b->org));
      g_string_append (out, "</th>");
      yuan_cell (out, b->due_fen, FALSE);
      yuan_cell (out, b->paid_fen, FALSE);
      yuan_cell (out, b->owed_fen, b->owed_fen > 0);
      pbo_html_count_cell_ (out, NULL, b->unpaid_months);
      g_string_append (out, "</tr>\n");
    }
  g_string_append_printf (out, "</tbody></table>\n<p>%s <span data-figure=\"ledger.owed\">"
                          "%" G_GINT64_FORMAT ".%02d</span> %s</p>\n", _("Owed in all:"),
                          owed / 100, (int) (owed % 100), _("yuan"));
  pbo_html_section_end_ (out);
  pbo_ledger_free (l);
}

/* Members of each branch by stars in @year. */
static void
write_ratings (GString *out, PboTree *tree, PboOrg *root, guint year)
{
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;

  pbo_html_section_begin_ (out, "ratings", _("Star ratings"));
  g_string_append_printf (out, "<p>%s %u</p>\n<table>\n", _("星级评定, members by stars,"), year);
  pbo_html_head_row_ (out, _("branch"), "☆", "★", "★★", "★★★", "★★★★", "★★★★★", NULL);
  g_string_append (out, "<tbody>\n");
  pbo_walker_init (&w, tree, root);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      guint stars[6] = { 0 }, n = 0;
      PboWalker inner;
      PboOrg *o;
      if (ev != PBO_WALK_ENTER || pbo_org_get_kind (org) != PBO_ORG_BRANCH)
        continue;
      pbo_walker_init (&inner, tree, org);
      while ((ev = pbo_walker_next (&inner, &o)) != PBO_WALK_DONE)
        for (PboMember *m = ev == PBO_WALK_ENTER ? pbo_org_get_first_member (o) : NULL; m != NULL;
             m = pbo_member_get_next (m))
          {
            PboMemberRecord key = PBO_MEMBER_RECORD_INIT, r;
            int i;
            key.kind = PBO_RECORD_RATING;
            key.year = year;
            if ((i = pbo_member_find_record (m, &key)) < 0)
              continue;
            pbo_member_get_record (m, (guint) i, &r);
            stars[pbo_rating_stars (NULL, pbo_member_record_total (&r))]++;
            n++;
          }
      if (n == 0)
        continue;
      g_string_append (out, "<tr><th scope=\"row\">");
      pbo_html_escape_ (out, pbo_org_get_name (org));
      g_string_append (out, "</th>");
      for (guint s = 0; s < 6; s++)
        pbo_html_count_cell_ (out, NULL, stars[s]);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
  pbo_html_section_end_ (out);
}

void
pbo_html_write_records_ (GString *out, const PboTree *tree, PboOrg *root, PboDate on)
{
  PboTree *t = (PboTree *) tree;   /* the ledger and walkers only read it */
  guint kinds = pbo_records_kinds_ (tree);

  if (kinds & (1u << PBO_RECORD_PAYMENT))
    write_ledger (out, t, root, on);
  if (kinds & (1u << PBO_RECORD_RATING))
    write_ratings (out, t, root, pbo_date_get_year (on) - 1);
}
