/* libpbo — 星级评定: members ranked per branch by the total of their six
 * scores, with stars from thresholds; and the 民主评议 counts of a year.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "member-records-private.h"
#include "csv-private.h"

guint
pbo_rating_stars (const PboRatingOptions *options, guint total)
{
  static const PboRatingOptions defaults = PBO_RATING_OPTIONS_INIT;
  guint stars = 0;

  if (options == NULL)
    options = &defaults;
  for (guint i = 0; i < G_N_ELEMENTS (options->star_min); i++)
    if (total >= options->star_min[i])
      stars = i + 1;
  return stars;
}

/* @m's record of @kind for @year, or FALSE. */
static gboolean
year_record (const PboMember *m, PboRecordKind kind, guint year, PboMemberRecord *rec)
{
  PboMemberRecord key = PBO_MEMBER_RECORD_INIT;
  int index;

  key.kind = kind;
  key.year = year;
  return (index = pbo_member_find_record (m, &key)) >= 0
         && pbo_member_get_record (m, (guint) index, rec);
}

typedef struct {
  PboMember      *member;
  PboMemberRecord rec;
  guint           order;   /* tree order, for stable ties */
} Rated;

static int
by_total (gconstpointer a, gconstpointer b)
{
  const Rated *x = a, *y = b;
  guint tx = pbo_member_record_total (&x->rec), ty = pbo_member_record_total (&y->rec);

  if (tx != ty)
    return tx > ty ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static void
write_row (GString *out, gboolean csv, PboCsvWriteFlags flags, const PboOrg *branch, guint rank, const Rated *r,
           guint stars)
{
  char cells[PBO_RATING_N_DIMENSIONS + 3][16];
  guint total = pbo_member_record_total (&r->rec);

  for (guint i = 0; i < PBO_RATING_N_DIMENSIONS; i++)
    g_snprintf (cells[i], 16, "%u", r->rec.scores[i]);
  g_snprintf (cells[6], 16, "%u", rank);
  g_snprintf (cells[7], 16, "%u", total);
  g_snprintf (cells[8], 16, "%u", stars);
  if (csv)
    {
      pbo_csv_row_ (out, flags, pbo_org_get_id (branch), cells[6],
                    pbo_member_get_id (r->member), pbo_member_get_name (r->member), cells[0],
                    cells[1], cells[2], cells[3], cells[4], cells[5], cells[7], cells[8], NULL);
      return;
    }
  {
    g_autofree char *name = pbo_text_escape_ (pbo_member_get_name (r->member));
    g_string_append_printf (out, "  %2u. %s %s: %u (%s %s %s %s %s %s) %.*s\n", rank,
                            pbo_member_get_id (r->member), name, total, cells[0], cells[1],
                            cells[2], cells[3], cells[4], cells[5], (int) (stars * 3),
                            "★★★★★");
  }
}

/* Sorts and writes one branch's rated members; returns how many. */
static guint
write_branch (GString *out, gboolean csv, PboCsvWriteFlags flags, const PboOrg *branch, GArray *rated,
              const PboRatingOptions *options)
{
  guint rank = 0, last_total = G_MAXUINT;

  if (rated->len == 0)
    return 0;
  g_array_sort (rated, by_total);
  if (!csv)
    {
      g_autofree char *name = pbo_text_escape_ (pbo_org_get_name (branch));
      g_string_append_printf (out, "%s %s\n", pbo_org_get_id (branch), name);
    }
  for (guint i = 0; i < rated->len; i++)
    {
      const Rated *r = &g_array_index (rated, Rated, i);
      guint total = pbo_member_record_total (&r->rec);
      if (total != last_total)
        rank = i + 1;
      last_total = total;
      write_row (out, csv, flags, branch, rank, r, pbo_rating_stars (options, total));
    }
  return rated->len;
}

guint
pbo_rating_write (PboTree *tree, PboOrg *root, guint year, const PboRatingOptions *options,
                  gboolean csv, PboCsvWriteFlags flags, GString *out)
{
  g_autoptr (GArray) rated = g_array_new (FALSE, FALSE, sizeof (Rated));
  PboOrg *branch = NULL, *org;
  PboWalker w;
  PboWalkEvent ev;
  guint n = 0, order = 0;

  g_return_val_if_fail (tree != NULL && out != NULL, 0);
  g_return_val_if_fail (options == NULL || options->version >= 1, 0);
  if (csv)
    pbo_csv_row_ (out, flags, "branch", "rank", "member", "name", "life", "dues",
                  "service", "example", "work", "law", "total", "stars", NULL);
  else
    g_string_append_printf (out, "Star ratings %04u\n", year);
  pbo_walker_init (&w, tree, root);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      if (ev != PBO_WALK_ENTER)
        continue;
      for (PboMember *m = pbo_org_get_first_member (org); m != NULL; m = pbo_member_get_next (m))
        {
          Rated r = { m, PBO_MEMBER_RECORD_INIT, order++ };
          if (pbo_member_get_branch (m) != branch)
            {
              n += branch != NULL ? write_branch (out, csv, flags, branch, rated, options) : 0;
              g_array_set_size (rated, 0);
              branch = pbo_member_get_branch (m);
            }
          if (year_record (m, PBO_RECORD_RATING, year, &r.rec))
            g_array_append_val (rated, r);
        }
    }
  if (branch != NULL)
    n += write_branch (out, csv, flags, branch, rated, options);
  return n;
}

void
pbo_evaluation_count (PboTree *tree, PboOrg *root, guint year, guint counts[5])
{
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;

  g_return_if_fail (tree != NULL && counts != NULL);
  memset (counts, 0, 5 * sizeof counts[0]);
  pbo_walker_init (&w, tree, root);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      if (ev != PBO_WALK_ENTER)
        continue;
      for (PboMember *m = pbo_org_get_first_member (org); m != NULL; m = pbo_member_get_next (m))
        {
          PboMemberRecord rec;
          counts[year_record (m, PBO_RECORD_EVALUATION, year, &rec) ? rec.result : 0]++;
        }
    }
}
