/* libpbo — the annual statistics report.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "csv-private.h"
#include "org-facts-private.h"
#include "error-private.h"
#include "text-private.h"

#define N_ITEMS (PBO_REPORT_DISCIPLINARY_PROBATION + 1)
/* The standings, in PboStanding order after normal. */
#define FIRST_STANDING PBO_REPORT_LOST_CONTACT

typedef struct {
  const char *section;
  const char *key;
} ItemName;

/* Indexed by PboReportItem. The keys are the CSV values; the text for
 * people translates them (context "report item"). */
static const ItemName item_names[N_ITEMS] = {
  { NULL, NULL },
  { "orgs", NC_ ("report item", "committee") },
  { "orgs", NC_ ("report item", "general-branch") },
  { "orgs", NC_ ("report item", "branch") },
  { "orgs", NC_ ("report item", "group") },
  { "units", NC_ ("report item", "all") },
  { "units", NC_ ("report item", "committee") },
  { "units", NC_ ("report item", "general-branch") },
  { "units", NC_ ("report item", "branch") },
  { "members", NC_ ("report item", "all") },
  { "status", NC_ ("report item", "full") },
  { "status", NC_ ("report item", "probationary") },
  { "employment", NC_ ("report item", "in-service") },
  { "employment", NC_ ("report item", "retired") },
  { "gender", NC_ ("report item", "male") },
  { "gender", NC_ ("report item", "female") },
  { "gender", NC_ ("report item", "unknown") },
  { "age", NC_ ("report item", "35-and-under") },
  { "age", NC_ ("report item", "36-45") },
  { "age", NC_ ("report item", "46-55") },
  { "age", NC_ ("report item", "56-60") },
  { "age", NC_ ("report item", "over-60") },
  { "age", NC_ ("report item", "unknown") },
  { "party-age", NC_ ("report item", "5-and-under") },
  { "party-age", NC_ ("report item", "6-10") },
  { "party-age", NC_ ("report item", "11-20") },
  { "party-age", NC_ ("report item", "21-30") },
  { "party-age", NC_ ("report item", "31-40") },
  { "party-age", NC_ ("report item", "41-50") },
  { "party-age", NC_ ("report item", "over-50") },
  { "party-age", NC_ ("report item", "probationary") },
  { "education", NC_ ("report item", "unknown") },
  { "standing", NC_ ("report item", "lost-contact") },
  { "standing", NC_ ("report item", "suspended") },
  { "standing", NC_ ("report item", "abroad") },
  { "standing", NC_ ("report item", "outflow") },
  { "standing", NC_ ("report item", "disciplinary-probation") },
};

/* Upper bounds (inclusive) of the bands; the last band is open. */
static const int age_bounds[] = { 35, 45, 55, 60 };
static const int party_age_bounds[] = { 5, 10, 20, 30, 40, 50 };

typedef struct {
  PboReportUnit row;
  char         *name;        /* owned copy behind row.name */
} UnitRow;

struct _PboReport {
  guint       counts[N_ITEMS];
  GArray     *units;         /* UnitRow, first appearance order */
  GHashTable *unit_index;    /* name → row index, only while counting */
  GPtrArray  *educations;    /* owned strings, first appearance order */
  GArray     *education_counts;
  GHashTable *education_index; /* name → index + 1 */
  PboDate     on;
};

const char *
pbo_report_item_get_section (PboReportItem item)
{
  return item > PBO_REPORT_NONE && item < N_ITEMS ? item_names[item].section : NULL;
}

const char *
pbo_report_item_get_key (PboReportItem item)
{
  return item > PBO_REPORT_NONE && item < N_ITEMS ? item_names[item].key : NULL;
}

/* The band of @years among @bounds, from @first; @unknown when negative. */
static PboReportItem
band (int years, const int *bounds, gsize n, PboReportItem first, PboReportItem unknown)
{
  gsize i;

  if (years < 0)
    return unknown;
  for (i = 0; i < n && years > bounds[i]; i++)
    ;
  return (PboReportItem) (first + i);
}

static PboReportItem
age_item (const PboMember *m, PboDate on)
{
  PboDate born = pbo_member_get_born (m);

  if (born == PBO_DATE_NONE)
    return PBO_REPORT_AGE_UNKNOWN;
  return band (pbo_date_years_between (born, on), age_bounds, G_N_ELEMENTS (age_bounds),
               PBO_REPORT_AGE_35_AND_UNDER, PBO_REPORT_AGE_UNKNOWN);
}

static PboReportItem
party_age_item (const PboMember *m, PboDate on)
{
  if (pbo_member_get_status (m) != PBO_STATUS_FULL)
    return PBO_REPORT_PARTY_AGE_NONE;
  /* A full-since after the report date still counts as a new member. */
  return band (MAX (pbo_date_years_between (pbo_member_get_full_since (m), on), 0),
               party_age_bounds, G_N_ELEMENTS (party_age_bounds),
               PBO_REPORT_PARTY_AGE_5_AND_UNDER, PBO_REPORT_PARTY_AGE_NONE);
}

static void
count_education (PboReport *r, const char *education)
{
  guint index;

  if (education == NULL)
    {
      r->counts[PBO_REPORT_EDUCATION_UNKNOWN]++;
      return;
    }
  index = GPOINTER_TO_UINT (g_hash_table_lookup (r->education_index, education));
  if (index == 0)
    {
      guint zero = 0;
      g_ptr_array_add (r->educations, g_strdup (education));
      g_array_append_val (r->education_counts, zero);
      index = r->educations->len;
      g_hash_table_insert (r->education_index, g_ptr_array_index (r->educations, index - 1),
                           GUINT_TO_POINTER (index));
    }
  g_array_index (r->education_counts, guint, index - 1)++;
}

static void
count_member (PboReport *r, UnitRow *unit, const PboMember *m)
{
  static const PboReportItem genders[] = { PBO_REPORT_GENDER_UNKNOWN, PBO_REPORT_MALE,
                                           PBO_REPORT_FEMALE };
  gboolean full = pbo_member_get_status (m) == PBO_STATUS_FULL;
  gboolean retired = pbo_member_get_employment (m) == PBO_EMPLOYMENT_RETIRED;

  r->counts[PBO_REPORT_MEMBERS]++;
  r->counts[full ? PBO_REPORT_FULL : PBO_REPORT_PROBATIONARY]++;
  r->counts[retired ? PBO_REPORT_RETIRED : PBO_REPORT_IN_SERVICE]++;
  r->counts[genders[pbo_member_get_gender (m) % G_N_ELEMENTS (genders)]]++;
  r->counts[age_item (m, r->on)]++;
  r->counts[party_age_item (m, r->on)]++;
  count_education (r, pbo_member_get_education (m));
  if (pbo_member_get_standing (m) != PBO_STANDING_NORMAL)
    r->counts[FIRST_STANDING + pbo_member_get_standing (m) - 1]++;
  unit->row.members++;
  if (full)
    unit->row.full++;
  else
    unit->row.probationary++;
  if (retired)
    unit->row.retired++;
  else
    unit->row.in_service++;
}

/* The row of unit @name (NULL: no unit), created with @head on first sight. */
static guint
unit_row_for (PboReport *r, const char *name, PboOrg *head)
{
  UnitRow row = { { 0 }, NULL };
  gpointer found;

  if (g_hash_table_lookup_extended (r->unit_index, name != NULL ? name : "", NULL, &found))
    return GPOINTER_TO_UINT (found);
  row.name = g_strdup (name);
  row.row.name = row.name;
  row.row.head = name != NULL ? head : NULL;
  row.row.kind = name != NULL ? pbo_org_get_kind (head) : PBO_ORG_NONE;
  g_array_append_val (r->units, row);
  /* The no-unit row is keyed "" (a unit name is never empty). */
  g_hash_table_insert (r->unit_index, row.name != NULL ? row.name : (char *) "",
                       GUINT_TO_POINTER (r->units->len - 1));
  return r->units->len - 1;
}

/* The unit name governing @org: its own or its nearest ancestor's. */
static const char *
inherited_unit (const PboOrg *org)
{
  for (; org != NULL; org = pbo_org_get_parent (org))
    if (pbo_org_get_unit (org) != NULL)
      return pbo_org_get_unit (org);
  return NULL;
}

static void
count_org (PboReport *r, PboOrg *org, guint unit_index)
{
  static const PboReportItem kinds[] = { PBO_REPORT_NONE, PBO_REPORT_COMMITTEES,
                                         PBO_REPORT_GENERAL_BRANCHES, PBO_REPORT_BRANCHES,
                                         PBO_REPORT_GROUPS };
  const PboMember *m;

  r->counts[kinds[pbo_org_get_kind (org)]]++;
  if (pbo_org_get_kind (org) == PBO_ORG_BRANCH)
    g_array_index (r->units, UnitRow, unit_index).row.branches++;
  for (m = pbo_org_get_first_member (org); m != NULL; m = pbo_member_get_next (m))
    count_member (r, &g_array_index (r->units, UnitRow, unit_index), m);
}

static void
count_units (PboReport *r)
{
  static const PboReportItem kinds[] = { PBO_REPORT_NONE, PBO_REPORT_UNITS_COMMITTEE,
                                         PBO_REPORT_UNITS_GENERAL_BRANCH,
                                         PBO_REPORT_UNITS_BRANCH, PBO_REPORT_NONE };
  guint i;

  for (i = 0; i < r->units->len; i++)
    {
      const PboReportUnit *u = &g_array_index (r->units, UnitRow, i).row;
      if (u->name == NULL || u->branches == 0)
        continue;
      r->counts[PBO_REPORT_UNITS]++;
      r->counts[kinds[u->kind]]++;
    }
  r->counts[PBO_REPORT_NONE] = 0;
}

static void
drop_empty_no_unit_row (PboReport *r)
{
  guint i;

  for (i = 0; i < r->units->len; i++)
    {
      const PboReportUnit *u = &g_array_index (r->units, UnitRow, i).row;
      if (u->name == NULL && u->branches == 0 && u->members == 0)
        {
          g_array_remove_index (r->units, i);
          return;
        }
    }
}

static void
unit_row_clear (gpointer data)
{
  g_free (((UnitRow *) data)->name);
}

PboReport *
pbo_report_new (const PboTree *tree, PboOrg *root, PboDate on, GError **error)
{
  g_autoptr (GArray) stack = NULL;   /* unit row index per open org */
  PboReport *r;
  PboWalker walker;
  PboOrg *org;
  PboWalkEvent ev;

  g_return_val_if_fail (tree != NULL, NULL);
  g_return_val_if_fail (root == NULL || pbo_org_get_tree (root) == tree, NULL);
  if (!pbo_date_check_optional_ (on, "report date", error))
    return NULL;

  r = g_new0 (PboReport, 1);
  r->on = on != PBO_DATE_NONE ? on : pbo_date_today ();
  r->units = g_array_new (FALSE, FALSE, sizeof (UnitRow));
  g_array_set_clear_func (r->units, unit_row_clear);
  r->unit_index = g_hash_table_new (g_str_hash, g_str_equal);
  r->educations = g_ptr_array_new_with_free_func (g_free);
  r->education_counts = g_array_new (FALSE, FALSE, sizeof (guint));
  r->education_index = g_hash_table_new (g_str_hash, g_str_equal);
  stack = g_array_new (FALSE, FALSE, sizeof (guint));

  pbo_walker_init (&walker, tree, root);
  while ((ev = pbo_walker_next (&walker, &org)) != PBO_WALK_DONE)
    {
      guint unit;

      if (ev == PBO_WALK_EXIT)
        {
          g_array_set_size (stack, stack->len - 1);
          continue;
        }
      if (pbo_org_get_unit (org) != NULL)
        unit = unit_row_for (r, pbo_org_get_unit (org), org);
      else if (stack->len > 0)
        unit = g_array_index (stack, guint, stack->len - 1);
      else /* the report's root: its unit may come from above it */
        unit = unit_row_for (r, inherited_unit (org), org);
      g_array_append_val (stack, unit);
      count_org (r, org, unit);
    }
  /* Row indexes were only needed while counting; an empty no-unit row
   * (a root committee above the units) says nothing. */
  g_clear_pointer (&r->unit_index, g_hash_table_unref);
  drop_empty_no_unit_row (r);
  count_units (r);
  return r;
}

void
pbo_report_free (PboReport *report)
{
  if (report == NULL)
    return;
  g_array_unref (report->units);
  g_hash_table_unref (report->education_index);
  g_ptr_array_unref (report->educations);
  g_array_unref (report->education_counts);
  g_free (report);
}

PboDate
pbo_report_get_date (const PboReport *report)
{
  g_return_val_if_fail (report != NULL, PBO_DATE_NONE);
  return report->on;
}

guint
pbo_report_get (const PboReport *report, PboReportItem item)
{
  g_return_val_if_fail (report != NULL, 0);
  return item > PBO_REPORT_NONE && item < N_ITEMS ? report->counts[item] : 0;
}

guint
pbo_report_get_n_educations (const PboReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->educations->len;
}

const char *
pbo_report_get_education (const PboReport *report, guint index, guint *count)
{
  g_return_val_if_fail (report != NULL, NULL);
  if (index >= report->educations->len)
    return NULL;
  if (count != NULL)
    *count = g_array_index (report->education_counts, guint, index);
  return g_ptr_array_index (report->educations, index);
}

guint
pbo_report_get_n_units (const PboReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->units->len;
}

const PboReportUnit *
pbo_report_get_unit (const PboReport *report, guint index)
{
  g_return_val_if_fail (report != NULL, NULL);
  return index < report->units->len ? &g_array_index (report->units, UnitRow, index).row : NULL;
}

/* ---- writers ------------------------------------------------------------- */

static void
write_text_section (const PboReport *r, const char *title, PboReportItem first,
                    PboReportItem last, GString *out)
{
  int i;

  pbo_text_append_column_ (out, title, 11);
  for (i = first; i <= (int) last; i++)
    g_string_append_printf (out, "%s%s %u", i == (int) first ? " " : _(", "),
                            C_("report item", item_names[i].key), r->counts[i]);
  g_string_append_c (out, '\n');
}

static gboolean
has_standings (const PboReport *r)
{
  int i;

  for (i = PBO_REPORT_LOST_CONTACT; i <= PBO_REPORT_DISCIPLINARY_PROBATION; i++)
    if (r->counts[i] > 0)
      return TRUE;
  return FALSE;
}

void
pbo_report_write_text (const PboReport *report, GString *out)
{
  char d[PBO_DATE_BUFSIZE];
  guint i;

  g_return_if_fail (report != NULL && out != NULL);
  g_string_append_printf (out, _("Statistics on %s"), pbo_date_format (report->on, d));
  g_string_append_c (out, '\n');
  write_text_section (report, _("Orgs:"), PBO_REPORT_COMMITTEES, PBO_REPORT_GROUPS, out);
  write_text_section (report, _("Units:"), PBO_REPORT_UNITS, PBO_REPORT_UNITS_BRANCH, out);
  write_text_section (report, _("Members:"), PBO_REPORT_MEMBERS, PBO_REPORT_RETIRED, out);
  write_text_section (report, _("Gender:"), PBO_REPORT_MALE, PBO_REPORT_GENDER_UNKNOWN, out);
  write_text_section (report, _("Age:"), PBO_REPORT_AGE_35_AND_UNDER, PBO_REPORT_AGE_UNKNOWN,
                      out);
  write_text_section (report, _("Party age:"), PBO_REPORT_PARTY_AGE_5_AND_UNDER,
                      PBO_REPORT_PARTY_AGE_NONE, out);
  pbo_text_append_column_ (out, _("Education:"), 11);
  for (i = 0; i < report->educations->len; i++)
    {
      g_string_append (out, i == 0 ? " " : _(", "));
      pbo_text_append_escaped (out, g_ptr_array_index (report->educations, i));
      g_string_append_printf (out, " %u", g_array_index (report->education_counts, guint, i));
    }
  g_string_append_printf (out, "%s%s %u\n", report->educations->len > 0 ? _(", ") : " ",
                          C_("report item", "unknown"),
                          report->counts[PBO_REPORT_EDUCATION_UNKNOWN]);
  if (has_standings (report))
    write_text_section (report, "Standing:", PBO_REPORT_LOST_CONTACT,
                        PBO_REPORT_DISCIPLINARY_PROBATION, out);

  g_string_append_printf (out, "\n%s\n",
                          _("Unit\tkind\tbranches\tmembers\tfull\tprobationary\tin-service\t"
                            "retired"));
  for (i = 0; i < report->units->len; i++)
    {
      const PboReportUnit *u = &g_array_index (report->units, UnitRow, i).row;
      g_autofree char *name = pbo_text_escape_ (u->name != NULL ? u->name : _("(no unit)"));
      g_string_append_printf (out, "%s\t%s\t%u\t%u\t%u\t%u\t%u\t%u\n", name,
                              u->name != NULL ? pbo_org_kind_to_display_name (u->kind) : "-",
                              u->branches, u->members, u->full, u->probationary, u->in_service,
                              u->retired);
    }
}

static void
csv_count_row (GString *out, PboCsvWriteFlags flags, const char *section, const char *key,
               guint count)
{
  char n[16];

  g_snprintf (n, sizeof n, "%u", count);
  pbo_csv_row_ (out, flags, section, key, n, NULL);
}

void
pbo_report_write_csv (const PboReport *report, GString *out)
{
  pbo_report_write_csv_full (report, out, PBO_CSV_WRITE_DEFAULT);
}

void
pbo_report_write_csv_full (const PboReport *report, GString *out, PboCsvWriteFlags flags)
{
  guint i;
  int item;

  g_return_if_fail (report != NULL && out != NULL);
  pbo_csv_row_ (out, flags, "section", "item", "count", NULL);
  for (item = PBO_REPORT_COMMITTEES; item < N_ITEMS; item++)
    {
      if (item >= PBO_REPORT_LOST_CONTACT && !has_standings (report))
        break;
      if (item == PBO_REPORT_EDUCATION_UNKNOWN)
        for (i = 0; i < report->educations->len; i++)
          csv_count_row (out, flags, "education", g_ptr_array_index (report->educations, i),
                         g_array_index (report->education_counts, guint, i));
      csv_count_row (out, flags, item_names[item].section, item_names[item].key, report->counts[item]);
    }
}

void
pbo_report_write_units_csv (const PboReport *report, GString *out)
{
  pbo_report_write_units_csv_full (report, out, PBO_CSV_WRITE_DEFAULT);
}

void
pbo_report_write_units_csv_full (const PboReport *report, GString *out, PboCsvWriteFlags flags)
{
  guint i;

  g_return_if_fail (report != NULL && out != NULL);
  pbo_csv_row_ (out, flags, "unit", "kind", "head", "branches", "members", "full", "probationary",
                "in-service", "retired", NULL);
  for (i = 0; i < report->units->len; i++)
    {
      const PboReportUnit *u = &g_array_index (report->units, UnitRow, i).row;
      const guint values[] = { u->branches, u->members, u->full, u->probationary,
                               u->in_service, u->retired };
      char n[G_N_ELEMENTS (values)][16];
      guint k;

      for (k = 0; k < G_N_ELEMENTS (values); k++)
        g_snprintf (n[k], sizeof n[k], "%u", values[k]);
      pbo_csv_row_ (out, flags, u->name != NULL ? u->name : "",
                    u->name != NULL ? pbo_org_kind_to_string (u->kind) : "",
                    u->head != NULL ? pbo_org_get_id (u->head) : "", n[0], n[1], n[2], n[3],
                    n[4], n[5], NULL);
    }
}
