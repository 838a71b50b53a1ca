/* Tests of the member lifecycle (format 1.1): standings, the extension of a
 * probation, transfers out of and into the estate (letters, receipts),
 * their plan elements, undo, the rules, and an 18-month scenario.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include <check.h>
#include "testutil.h"
#include "lifecycle-private.h"

static PboTree *
load_data (const char *name)
{
  g_autofree char *rel = g_strdup_printf ("tests/data/lifecycle/%s", name);
  g_autofree char *path = tu_srcpath (rel);
  GError *error = NULL;
  PboTree *tree = pbo_xml_load_file (path, NULL, &error);

  ck_assert_no_error (error);
  return tree;
}

static gboolean
apply_plan_text (PboTree *tree, const char *ops, GError **error)
{
  g_autofree char *text = g_strdup_printf ("<plan xmlns=\"urn:libpbo:1\">%s</plan>", ops);
  g_autoptr (PboPlan) plan = pbo_plan_load_data (text, strlen (text), NULL, error);

  return plan != NULL && pbo_plan_apply (tree, plan, NULL, error);
}

static void
apply_ok (PboTree *tree, const char *ops)
{
  GError *error = NULL;

  ck_assert_msg (apply_plan_text (tree, ops, &error), "%s: %s", ops,
                 error != NULL ? error->message : "");
}

static void
apply_refused (PboTree *tree, const char *ops, int code)
{
  g_autofree char *before = tu_dump (tree), *after = NULL;
  GError *error = NULL;

  ck_assert_msg (!apply_plan_text (tree, ops, &error), "accepted: %s", ops);
  ck_assert_pbo_error (error, code);
  after = tu_dump (tree);
  ck_assert_str_eq (before, after);
}

/* save → load → save is byte-identical; returns the saved text. */
static char *
round_trip (const PboTree *tree)
{
  char *first = tu_save_string (tree, NULL);
  g_autoptr (PboTree) back = tu_load_string (first);
  g_autofree char *second = tu_save_string (back, NULL);

  ck_assert_str_eq (first, second);
  return first;
}

static PboDate
d (const char *s)
{
  PboDate date = PBO_DATE_NONE;

  ck_assert (pbo_date_parse (s, -1, FALSE, &date, NULL));
  return date;
}

/* ---- standings ------------------------------------------------------------- */

START_TEST (test_standing_side_table)
{
  g_autoptr (PboTree) tree = load_data ("hospital.xml");
  PboMember *m = pbo_tree_lookup_member (tree, "m14");
  g_autofree char *v1 = tu_save_string (tree, NULL), *text = NULL;
  guint counts[PBO_STANDING_COUNT];

  /* No member has a standing: nothing allocated, the file stays version 1. */
  ck_assert_ptr_null (tree->lifecycle);
  ck_assert_ptr_nonnull (strstr (v1, "version=\"1\""));
  ck_assert_int_eq (pbo_member_get_standing (m), PBO_STANDING_NORMAL);
  ck_assert_uint_eq (pbo_member_get_standing_since (m), PBO_DATE_NONE);
  ck_assert (pbo_member_set_attribute (tree, m, "standing", "outflow", NULL));
  ck_assert (pbo_member_set_attribute (tree, m, "standing-since", "2024-05-01", NULL));
  ck_assert (pbo_member_set_attribute (tree, m, "outflow-to", "深圳 & \"南山\"", NULL));
  ck_assert_int_eq (pbo_member_get_standing (m), PBO_STANDING_OUTFLOW);
  ck_assert_str_eq (pbo_member_get_outflow_to (m), "深圳 & \"南山\"");
  ck_assert_uint_eq (g_hash_table_size (((PboLifecycle *) tree->lifecycle)->standing), 1);
  pbo_org_count_standing (pbo_tree_lookup_org (tree, "h"), counts);
  ck_assert_uint_eq (counts[PBO_STANDING_OUTFLOW], 1);
  ck_assert_uint_eq (counts[PBO_STANDING_NORMAL], 13);
  pbo_org_count_standing (pbo_tree_lookup_org (tree, "b2"), counts);
  ck_assert_uint_eq (counts[PBO_STANDING_OUTFLOW], 0);
  text = round_trip (tree);
  ck_assert_ptr_nonnull (strstr (text, "version=\"1.1\""));
  ck_assert_ptr_nonnull (strstr (text, "standing=\"outflow\" standing-since=\"2024-05-01\" "
                                       "outflow-to=\"深圳 &amp; &quot;南山&quot;\"/>"));
  /* Back to normal, the record goes. */
  ck_assert (pbo_member_set_attribute (tree, m, "standing", NULL, NULL));
  ck_assert (pbo_member_set_attribute (tree, m, "standing-since", NULL, NULL));
  ck_assert (pbo_member_set_attribute (tree, m, "outflow-to", NULL, NULL));
  ck_assert_uint_eq (g_hash_table_size (((PboLifecycle *) tree->lifecycle)->standing), 0);
  g_free (text);
  text = tu_save_string (tree, NULL);
  ck_assert_str_eq (text, v1);
}
END_TEST

START_TEST (test_standing_load_errors)
{
  static const char *const bad[] = {
    "standing=\"gone\" standing-since=\"2024-01-01\"",
    "standing=\"lost-contact\" standing-since=\"2024-13-01\"",
    "standing=\"abroad\" standing-since=\"2024-05-01\" standing-until=\"2024-04-30\"",
    "standing-sinse=\"2024-01-01\"",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "<pbo xmlns=\"urn:libpbo:1\" version=\"1.1\"><org id=\"b\" kind=\"branch\" name=\"b\">"
        "<member id=\"m\" name=\"n\" status=\"full\" employment=\"in-service\" "
        "joined=\"2000-01-01\" full-since=\"2001-01-01\" %s/></org></pbo>", bad[i]);
      GError *error = NULL;
      PboTree *tree = pbo_xml_load_data (text, strlen (text), NULL, &error);
      ck_assert_msg (tree == NULL, "loaded: %s", bad[i]);
      ck_assert_ptr_nonnull (strstr (error->message, "<memory>:1:"));
      g_clear_error (&error);
    }
}
END_TEST

START_TEST (test_set_standing_op)
{
  g_autoptr (PboTree) tree = load_data ("hospital.xml");
  PboMember *m = pbo_tree_lookup_member (tree, "m31");
  g_autofree char *before = tu_dump (tree), *after = NULL;
  GError *error = NULL;

  apply_refused (tree, "<set-standing member=\"m31\" standing=\"lost-contact\"/>",
                 PBO_ERROR_INVALID);
  apply_refused (tree, "<set-standing member=\"m31\" standing=\"lost-contact\" since=\"2025-01-01\" "
                       "until=\"2025-06-01\"/>", PBO_ERROR_INVALID);
  apply_refused (tree, "<set-standing member=\"m31\" standing=\"abroad\" since=\"2025-01-01\" "
                       "until=\"2024-06-01\"/>", PBO_ERROR_INCONSISTENT);
  apply_refused (tree, "<set-standing member=\"m31\" standing=\"abroad\" since=\"2025-01-01\" "
                       "to=\"美国\"/>", PBO_ERROR_INVALID);
  apply_refused (tree, "<set-standing member=\"nobody\" standing=\"abroad\" since=\"2025-01-01\"/>",
                 PBO_ERROR_UNKNOWN_ID);
  ck_assert (!apply_plan_text (tree, "<set-standing member=\"m31\" standing=\"away\" "
                                     "since=\"2025-01-01\"/>", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  apply_ok (tree, "<set-standing member=\"m31\" standing=\"disciplinary-probation\" "
                  "since=\"2025-03-01\" until=\"2026-03-01\" date=\"2025-03-02\"/>");
  ck_assert_int_eq (pbo_member_get_standing (m), PBO_STANDING_DISCIPLINARY_PROBATION);
  ck_assert_uint_eq (pbo_member_get_standing_until (m), d ("2026-03-01"));
  apply_ok (tree, "<set-standing member=\"m31\" standing=\"outflow\" since=\"2025-04-01\" "
                  "to=\"深圳\"/>");
  ck_assert_uint_eq (pbo_member_get_standing_until (m), PBO_DATE_NONE);
  ck_assert_str_eq (pbo_member_get_outflow_to (m), "深圳");
  apply_ok (tree, "<set-standing member=\"m31\" standing=\"normal\"/>");
  ck_assert_ptr_null (pbo_member_get_outflow_to (m));
  ck_assert_uint_eq (pbo_member_get_standing_since (m), PBO_DATE_NONE);
  ck_assert_int_eq (pbo_edit_op_from_string ("set-standing"), PBO_EDIT_OP_SET_STANDING);
  ck_assert_int_eq (pbo_journal_entry_get_op (pbo_journal_get_entry (tree, 0)),
                    PBO_EDIT_OP_SET_STANDING);
  /* Every step undone, the tree is as before. */
  while (pbo_journal_get_n_entries (tree) > 0)
    ck_assert (pbo_edit_undo_last (tree, NULL));
  after = tu_dump (tree);
  ck_assert_str_eq (before, after);
  ck_assert_ptr_null (g_hash_table_lookup (((PboLifecycle *) tree->lifecycle)->standing, m));
}
END_TEST

START_TEST (test_probation_extension)
{
  g_autoptr (PboTree) tree = load_data ("hospital.xml");
  PboMember *m = pbo_tree_lookup_member (tree, "m25");

  /* Joined 2024-01-10: the normal end is 2025-01-10, the latest 2026-01-10. */
  apply_refused (tree, "<update-member id=\"m25\" probation-extended-to=\"2026-01-11\"/>",
                 PBO_ERROR_INVALID);
  apply_refused (tree, "<update-member id=\"m25\" probation-extended-to=\"2025-01-10\"/>",
                 PBO_ERROR_INVALID);
  apply_refused (tree, "<update-member id=\"m21\" probation-extended-to=\"2025-06-01\"/>",
                 PBO_ERROR_INVALID);
  apply_ok (tree, "<update-member id=\"m25\" probation-extended-to=\"2026-01-10\"/>");
  ck_assert_uint_eq (pbo_member_get_probation_extended_to (m), d ("2026-01-10"));
  /* Once only. */
  apply_refused (tree, "<update-member id=\"m25\" probation-extended-to=\"2025-09-10\"/>",
                 PBO_ERROR_INVALID);
  ck_assert (pbo_edit_undo_last (tree, NULL));
  ck_assert_uint_eq (pbo_member_get_probation_extended_to (m), PBO_DATE_NONE);
}
END_TEST

/* ---- transfers ------------------------------------------------------------ */

START_TEST (test_transfer_out_and_receipt)
{
  g_autoptr (PboTree) tree = load_data ("hospital.xml");
  g_autofree char *before = tu_dump (tree), *after = NULL, *text = NULL;
  PboLetterInfo l = PBO_LETTER_INFO_INIT;

  apply_ok (tree, "<set-standing member=\"m22\" standing=\"outflow\" since=\"2024-09-01\" "
                  "to=\"区妇幼\"/>");
  apply_ok (tree, "<transfer-out member=\"m22\" date=\"2025-02-01\" to-org=\"区妇幼保健院党支部\" "
                  "letter=\"2025-003\" dues-paid-to=\"2025-01\"/>");
  ck_assert_ptr_null (pbo_tree_lookup_member (tree, "m22"));
  ck_assert_uint_eq (pbo_tree_get_n_letters (tree), 1);
  ck_assert (pbo_tree_lookup_letter (tree, "2025-003", &l));
  ck_assert_str_eq (l.member_id, "m22");
  ck_assert_str_eq (l.name, "周二");
  ck_assert_str_eq (l.branch, "b2");
  ck_assert_str_eq (l.other_org, "区妇幼保健院党支部");
  ck_assert_uint_eq (l.issued, d ("2025-02-01"));
  ck_assert_uint_eq (l.valid_days, PBO_LETTER_VALID_DAYS);
  ck_assert_uint_eq (l.dues_paid_to, 202501);
  ck_assert_uint_eq (pbo_letter_expires (&l), d ("2025-05-02"));
  ck_assert_int_eq (pbo_letter_state_on (&l, d ("2025-05-02")), PBO_LETTER_OPEN);
  ck_assert_int_eq (pbo_letter_state_on (&l, d ("2025-05-03")), PBO_LETTER_OVERDUE);
  /* Refusals: a number used twice, a receipt before the letter, twice, unknown. */
  apply_refused (tree, "<transfer-out member=\"m23\" date=\"2025-02-01\" to-org=\"x\" "
                       "letter=\"2025-003\"/>", PBO_ERROR_DUPLICATE_ID);
  apply_refused (tree, "<receipt letter=\"2025-003\" date=\"2025-01-31\"/>", PBO_ERROR_INVALID);
  apply_refused (tree, "<receipt letter=\"2099-1\" date=\"2025-03-01\"/>", PBO_ERROR_UNKNOWN_ID);
  apply_refused (tree, "<transfer-out member=\"m23\" to-org=\"x\" letter=\"9\" valid-days=\"0\"/>",
                 PBO_ERROR_INVALID);
  apply_refused (tree, "<transfer-out member=\"m23\" to-org=\"x\" letter=\"9\" "
                       "dues-paid-to=\"2025-13\"/>", PBO_ERROR_INVALID);
  apply_ok (tree, "<receipt letter=\"2025-003\" date=\"2025-06-01\"/>");
  ck_assert (pbo_tree_lookup_letter (tree, "2025-003", &l));
  ck_assert_int_eq (pbo_letter_state_on (&l, d ("2025-06-30")), PBO_LETTER_EXPIRED);
  ck_assert_int_eq (pbo_letter_state_on (&l, d ("2025-05-30")), PBO_LETTER_OVERDUE);
  apply_refused (tree, "<receipt letter=\"2025-003\" date=\"2025-06-02\"/>",
                 PBO_ERROR_INCONSISTENT);
  text = round_trip (tree);
  ck_assert_ptr_nonnull (strstr (text, "<letter number=\"2025-003\" member=\"m22\" name=\"周二\" "
                                       "from=\"b2\" to-org=\"区妇幼保健院党支部\" "
                                       "issued=\"2025-02-01\" valid-days=\"90\" "
                                       "dues-paid-to=\"2025-01\" receipt=\"2025-06-01\"/>"));
  /* Undone after a save and a load: the member comes back with its standing. */
  {
    g_autoptr (PboTree) back = tu_load_string (text);
    PboMember *m;
    ck_assert (pbo_edit_undo_last (back, NULL));
    ck_assert (pbo_tree_lookup_letter (back, "2025-003", &l));
    ck_assert_uint_eq (l.receipt, PBO_DATE_NONE);
    ck_assert (pbo_edit_undo_last (back, NULL));
    ck_assert_uint_eq (pbo_tree_get_n_letters (back), 0);
    m = pbo_tree_lookup_member (back, "m22");
    ck_assert_ptr_nonnull (m);
    ck_assert_int_eq (pbo_member_get_standing (m), PBO_STANDING_OUTFLOW);
    ck_assert_str_eq (pbo_member_get_outflow_to (m), "区妇幼");
  }
  while (pbo_journal_get_n_entries (tree) > 0)
    ck_assert (pbo_edit_undo_last (tree, NULL));
  after = tu_dump (tree);
  ck_assert_str_eq (before, after);
}
END_TEST

START_TEST (test_transfer_in)
{
  g_autoptr (PboTree) tree = load_data ("hospital.xml");
  PboLetterInfo l = PBO_LETTER_INFO_INIT;
  PboMember *m;

  apply_refused (tree, "<transfer-in to=\"b1\" letter=\"外1\" from-org=\"省院\" id=\"m41\" "
                       "name=\"沈六\" status=\"full\" employment=\"in-service\"/>",
                 PBO_ERROR_FORMAT);
  apply_refused (tree, "<transfer-in to=\"b1\" letter=\"外1\" from-org=\"省院\" id=\"m11\" "
                       "name=\"沈六\" status=\"full\" employment=\"in-service\" "
                       "joined=\"2008-07-01\" full-since=\"2009-07-01\"/>",
                 PBO_ERROR_DUPLICATE_ID);
  apply_refused (tree, "<transfer-in to=\"h\" letter=\"外1\" from-org=\"省院\" id=\"m41\" "
                       "name=\"沈六\" status=\"full\" employment=\"in-service\" "
                       "joined=\"2008-07-01\" full-since=\"2009-07-01\"/>",
                 PBO_ERROR_CONTAINMENT);
  apply_refused (tree, "<transfer-in to=\"b1\" letter=\"外1\" from-org=\"省院\" id=\"m41\" "
                       "name=\"沈六\" status=\"full\" employment=\"in-service\" "
                       "joined=\"2008-07-01\" full-since=\"2009-07-01\" standing=\"abroad\"/>",
                 PBO_ERROR_FORMAT);
  apply_ok (tree, "<transfer-in to=\"b1\" letter=\"外1\" from-org=\"省人民医院党委\" "
                  "date=\"2024-06-01\" id=\"m41\" name=\"沈六\" status=\"full\" "
                  "employment=\"in-service\" joined=\"2008-07-01\" full-since=\"2009-07-01\" "
                  "department=\"心内科\"/>");
  m = pbo_tree_lookup_member (tree, "m41");
  ck_assert_ptr_nonnull (m);
  ck_assert_str_eq (pbo_member_get_department (m), "心内科");
  ck_assert (pbo_tree_lookup_letter (tree, "外1", &l));
  ck_assert_int_eq (l.direction, PBO_LETTER_IN);
  ck_assert_str_eq (l.branch, "b1");
  ck_assert_str_eq (l.other_org, "省人民医院党委");
  ck_assert_int_eq (pbo_letter_state_on (&l, d ("2030-01-01")), PBO_LETTER_ARRIVED);
  apply_refused (tree, "<receipt letter=\"外1\" date=\"2024-07-01\"/>", PBO_ERROR_INVALID);
  g_free (round_trip (tree));
  ck_assert (pbo_edit_undo_last (tree, NULL));
  ck_assert_ptr_null (pbo_tree_lookup_member (tree, "m41"));
  ck_assert_uint_eq (pbo_tree_get_n_letters (tree), 0);
}
END_TEST

START_TEST (test_letter_load_errors)
{
  static const char *const bad[] = {
    "<letter number=\"1\" member=\"m\" name=\"n\" from=\"b\" to-org=\"x\" issued=\"2024-01-01\" "
    "valid-days=\"90\"/><letter number=\"1\" member=\"m2\" name=\"n\" from=\"b\" to-org=\"x\" "
    "issued=\"2024-01-01\" valid-days=\"90\"/>",
    "<letter number=\"1\" member=\"m\" name=\"n\" from=\"b\" issued=\"2024-01-01\"/>",
    "<letter number=\"1\" member=\"m\" name=\"n\" to=\"b\" from-org=\"x\" issued=\"2024-01-01\" "
    "receipt=\"2024-02-01\"/>",
    "<letter number=\"1\" member=\"m\" name=\"n\" from=\"b\" to-org=\"x\" issued=\"2024-01-01\" "
    "valid-days=\"90\" dues-paid-to=\"2024-1\"/>",
    "<letter number=\"1\" member=\"m\" name=\"n\" from=\"b\" to-org=\"x\" issued=\"2024-01-01\" "
    "valid-days=\"90\" receipt=\"2023-12-31\"/>",
    "<letter number=\"1\" member=\"m\" name=\"n\" from=\"b\" to-org=\"x\" issued=\"2024-01-01\" "
    "valid-days=\"90\" colour=\"red\"/>",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "<pbo xmlns=\"urn:libpbo:1\" version=\"1.1\"><org id=\"b\" kind=\"branch\" name=\"b\"/>"
        "<transfers>%s</transfers></pbo>", bad[i]);
      GError *error = NULL;
      PboTree *tree = pbo_xml_load_data (text, strlen (text), NULL, &error);
      ck_assert_msg (tree == NULL, "loaded case %u", i);
      g_clear_error (&error);
    }
  {
    /* The transfers stand after the orgs, once, before the journal. */
    const char *late = "<pbo xmlns=\"urn:libpbo:1\" version=\"1.1\"><transfers/>"
                       "<org id=\"b\" kind=\"branch\" name=\"b\"/></pbo>";
    const char *twice = "<pbo xmlns=\"urn:libpbo:1\" version=\"1.1\"><transfers/><transfers/>"
                        "</pbo>";
    GError *error = NULL;
    ck_assert_ptr_null (pbo_xml_load_data (late, strlen (late), NULL, &error));
    ck_assert_pbo_error (error, PBO_ERROR_FORMAT);
    ck_assert_ptr_null (pbo_xml_load_data (twice, strlen (twice), NULL, &error));
    ck_assert_pbo_error (error, PBO_ERROR_FORMAT);
  }
}
END_TEST

/* The writer says 1.1 for letters alone, 1 once they are gone; add-member
 * carries a standing as an update-member of its own. */
START_TEST (test_letters_version)
{
  g_autoptr (PboTree) tree = load_data ("hospital.xml");
  PboLetterInfo l = PBO_LETTER_INFO_INIT;
  PboLetterInfo *stored;
  g_autofree char *with = NULL, *without = NULL;
  GError *error = NULL;

  l.number = "L1";
  l.member_id = "m99";
  l.name = "某";
  l.branch = "b1";
  l.other_org = "外院";
  l.issued = d ("2024-01-01");
  l.valid_days = 90;
  stored = pbo_letter_insert_ (tree, G_MAXUINT, &l, &error);
  ck_assert_no_error (error);
  with = tu_save_string (tree, NULL);
  ck_assert_ptr_nonnull (strstr (with, "version=\"1.1\""));
  ck_assert_ptr_nonnull (strstr (with, "<transfers>"));
  pbo_letter_remove_ (tree, stored);
  without = tu_save_string (tree, NULL);
  ck_assert_ptr_nonnull (strstr (without, "version=\"1\""));
  ck_assert_ptr_null (strstr (without, "transfers"));
  apply_refused (tree, "<add-member to=\"b1\"><member id=\"m99\" name=\"x\" status=\"full\" "
                       "employment=\"in-service\" joined=\"2000-01-01\" full-since=\"2001-01-01\" "
                       "probation-extended-to=\"2001-06-01\"/></add-member>", PBO_ERROR_INVALID);
  apply_ok (tree, "<add-member to=\"b1\"><member id=\"m99\" name=\"x\" status=\"full\" "
                  "employment=\"in-service\" joined=\"2000-01-01\" full-since=\"2001-01-01\" "
                  "standing=\"abroad\" standing-since=\"2024-01-01\"/></add-member>");
  ck_assert_int_eq (pbo_member_get_standing (pbo_tree_lookup_member (tree, "m99")),
                    PBO_STANDING_ABROAD);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 2);
}
END_TEST

/* ---- the rules, and the 18 months ---------------------------------------- */

static PboFindings *
check_scenario (PboTree *tree, PboDate on)
{
  PboCheckOptions o = PBO_CHECK_OPTIONS_INIT;
  GError *error = NULL;
  PboFindings *f;
  guint r;

  o.on = on;
  /* The scenario records no meetings: the meeting rules are not its subject. */
  for (r = PBO_RULE_MEETING_GENERAL_ASSEMBLY; r <= PBO_RULE_MEETING_MEMBER_REVIEW; r++)
    o.disabled |= PBO_RULE_BIT (r);
  f = pbo_check (tree, NULL, &o, &error);
  ck_assert_no_error (error);
  return f;
}

static char *
codes_of (const PboFindings *f)
{
  GString *s = g_string_new (NULL);
  guint i;

  for (i = 0; i < pbo_findings_get_n (f); i++)
    {
      const PboFinding *x = pbo_findings_get (f, i);
      g_string_append_printf (s, "%s %s/%s\n", x->code, x->org_id,
                              x->member_id != NULL ? x->member_id : "-");
    }
  return g_string_free (s, FALSE);
}

/* Does @f hold a finding "CODE org/member" starting with @prefix? */
static gboolean
has_finding (const PboFindings *f, const char *prefix)
{
  g_autofree char *codes = codes_of (f);

  return strstr (codes, prefix) != NULL;
}

/* The scenario whole: the 18 months with the hospital's dues
 * ledger on top (tests/data/lifecycle/make-dues.py computes the figures
 * apart from libpbo): 13 members × 6 months × 40.00 due, m14 (out of
 * contact) and m23 (three months) short, m13's month paid as arrears; the
 * findings gain PBO-D001 for m14 alone. */
static void
apply_plan (PboTree *tree, const char *name)
{
  g_autofree char *rel = g_strdup_printf ("tests/data/lifecycle/%s", name);
  g_autofree char *path = tu_srcpath (rel);
  g_autoptr (PboPlan) plan = NULL;
  GError *error = NULL;

  plan = pbo_plan_load_file (path, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (pbo_plan_apply (tree, plan, NULL, &error));
  ck_assert_no_error (error);
}

START_TEST (test_hospital_18_months_ledger)
{
  g_autoptr (PboTree) tree = load_data ("hospital.xml");
  g_autoptr (PboLedger) ledger = NULL;
  g_autoptr (PboFindings) f = NULL;
  g_autofree char *codes = NULL;
  const PboLedgerRow *total;
  GError *error = NULL;
  guint i, n_owing = 0;

  apply_plan (tree, "18-months.xml");
  apply_plan (tree, "18-months-dues.xml");
  ledger = pbo_ledger_new (tree, d ("2025-01-01"), d ("2025-06-01"), &error);
  ck_assert_no_error (error);
  total = pbo_ledger_get_total (ledger);
  ck_assert_int_eq (total->due_fen, 312000);
  ck_assert_int_eq (total->paid_fen, 276000);
  ck_assert_int_eq (total->owed_fen, 36000);
  ck_assert_uint_eq (pbo_ledger_get_n_members (ledger), 13);
  for (i = 0; i < pbo_ledger_get_n_members (ledger); i++)
    {
      const PboLedgerRow *r = pbo_ledger_get_member (ledger, i);
      const char *id = pbo_member_get_id (r->member);

      if (r->owed_fen == 0)
        continue;
      n_owing++;
      ck_assert_msg (strcmp (id, "m14") == 0 || strcmp (id, "m23") == 0, "%s owes", id);
      ck_assert_int_eq (r->owed_fen, strcmp (id, "m14") == 0 ? 24000 : 12000);
      ck_assert_uint_eq (r->unpaid_months, strcmp (id, "m14") == 0 ? 6 : 3);
    }
  ck_assert_uint_eq (n_owing, 2);
  f = check_scenario (tree, d ("2025-06-30"));
  codes = codes_of (f);
  ck_assert_str_eq (codes, "PBO-C001 h/-\n"
                           "PBO-D001 b1/m14\n"
                           "PBO-S001 b1/m14\n"
                           "PBO-X001 b2/m22\n"
                           "PBO-O001 b3/m31\n");
}
END_TEST

START_TEST (test_hospital_18_months)
{
  g_autoptr (PboTree) tree = load_data ("hospital.xml");
  g_autofree char *plan_path = tu_srcpath ("tests/data/lifecycle/18-months.xml");
  g_autoptr (PboPlan) plan = NULL;
  g_autoptr (PboFindings) f = NULL, before = NULL, later = NULL;
  g_autofree char *codes = NULL, *text = NULL;
  guint counts[PBO_STANDING_COUNT];
  GError *error = NULL;

  plan = pbo_plan_load_file (plan_path, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (pbo_plan_apply (tree, plan, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_tree_get_n_letters (tree), 5);
  f = check_scenario (tree, d ("2025-06-30"));
  codes = codes_of (f);
  ck_assert_str_eq (codes, "PBO-C001 h/-\n"
                           "PBO-S001 b1/m14\n"
                           "PBO-X001 b2/m22\n"
                           "PBO-O001 b3/m31\n");
  ck_assert_ptr_nonnull (strstr (pbo_findings_get (f, 3)->message, "留党察看"));
  ck_assert_ptr_nonnull (strstr (pbo_findings_get (f, 2)->message, "2025-003"));
  /* One step back across each threshold: 2025-05-02 the letter was still
   * valid, 2025-05-29 the contact lost for under 6 months. */
  g_free (codes);
  before = check_scenario (tree, d ("2025-05-02"));
  codes = codes_of (before);
  ck_assert_str_eq (codes, "PBO-C001 h/-\nPBO-O001 b3/m31\n");
  /* After the extension the probation is overdue (P001). */
  g_free (codes);
  later = check_scenario (tree, d ("2025-09-11"));
  codes = codes_of (later);
  ck_assert_ptr_nonnull (strstr (codes, "PBO-P001 b2/m25\n"));
  pbo_org_count_standing (pbo_tree_lookup_org (tree, "h"), counts);
  ck_assert_uint_eq (counts[PBO_STANDING_LOST_CONTACT], 1);
  ck_assert_uint_eq (counts[PBO_STANDING_DISCIPLINARY_PROBATION], 1);
  ck_assert_uint_eq (counts[PBO_STANDING_NORMAL], 11);
  text = round_trip (tree);
  /* The plan writer writes what the reader reads. */
  {
    g_autoptr (GString) out = g_string_new (NULL);
    g_autoptr (PboPlan) again = NULL;
    pbo_plan_write (plan, out);
    again = pbo_plan_load_data (out->str, out->len, NULL, &error);
    ck_assert_no_error (error);
    ck_assert_uint_eq (pbo_plan_get_n_ops (again), pbo_plan_get_n_ops (plan));
    ck_assert_ptr_nonnull (strstr (out->str, "<transfer-in to=\"b1\" from-org=\"省人民医院党委\" "
                                             "letter=\"外2024-17\""));
  }
}
END_TEST

START_TEST (test_probation_honours_extension)
{
  g_autoptr (PboTree) tree = load_data ("hospital.xml");
  g_autoptr (PboFindings) without = NULL, with = NULL;

  without = check_scenario (tree, d ("2025-06-30"));
  ck_assert (has_finding (without, "PBO-P001 b2/m25"));
  apply_ok (tree, "<update-member id=\"m25\" probation-extended-to=\"2025-06-30\"/>");
  with = check_scenario (tree, d ("2025-06-30"));
  ck_assert (!has_finding (with, "PBO-P001"));
}
END_TEST

/* 选举工作条例 art. 3: a term postponed, at most a year; T001 waits for it. */
START_TEST (test_term_postponed)
{
  g_autoptr (PboTree) tree = load_data ("hospital.xml");
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1");
  g_autofree char *text = NULL, *before = NULL, *after = NULL;
  g_autoptr (PboFindings) due = NULL, postponed = NULL, late = NULL;

  apply_refused (tree, "<set-org org=\"b1\" term-postponed-to=\"2025-01-01\"/>",
                 PBO_ERROR_INCONSISTENT);
  apply_ok (tree, "<set-org org=\"b1\" term-start=\"2021-06-01\" term-years=\"3\"/>");
  before = tu_dump (tree);
  apply_refused (tree, "<set-org org=\"b1\" term-postponed-to=\"2025-06-02\"/>",
                 PBO_ERROR_INVALID);
  apply_refused (tree, "<set-org org=\"b1\" term-postponed-to=\"2024-06-01\"/>",
                 PBO_ERROR_INVALID);
  due = check_scenario (tree, d ("2024-06-01"));
  ck_assert (has_finding (due, "PBO-T001 b1/-"));
  apply_ok (tree, "<set-org org=\"b1\" term-postponed-to=\"2025-06-01\" date=\"2024-05-20\"/>");
  ck_assert_uint_eq (pbo_org_get_term_postponed_to (b1), d ("2025-06-01"));
  postponed = check_scenario (tree, d ("2025-05-31"));
  ck_assert (!has_finding (postponed, "PBO-T001"));
  ck_assert (has_finding (postponed, "PBO-T002 b1/-"));
  late = check_scenario (tree, d ("2025-06-01"));
  ck_assert (has_finding (late, "PBO-T001 b1/-"));
  text = round_trip (tree);
  ck_assert_ptr_nonnull (strstr (text, "term-years=\"3\" term-postponed-to=\"2025-06-01\""));
  ck_assert_ptr_nonnull (strstr (text, "version=\"1.1\""));
  {
    /* Undone after a save and a load. */
    g_autoptr (PboTree) back = tu_load_string (text);
    ck_assert (pbo_edit_undo_last (back, NULL));
    ck_assert_uint_eq (pbo_org_get_term_postponed_to (pbo_tree_lookup_org (back, "b1")),
                       PBO_DATE_NONE);
  }
  ck_assert (pbo_edit_undo_last (tree, NULL));
  after = tu_dump (tree);
  ck_assert_str_eq (before, after);
}
END_TEST

static int
compare_lines (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* tu_dump() with its letter lines (last) sorted. */
static char *
sorted_dump (const PboTree *tree)
{
  g_autofree char *dump = tu_dump (tree);
  char *letters = strstr (dump, "\nletter ");
  g_auto (GStrv) lines = NULL;
  g_autofree char *sorted = NULL;

  if (letters == NULL)
    return g_strdup (dump);
  *letters++ = '\0';
  lines = g_strsplit (letters, "\n", -1);
  qsort (lines, g_strv_length (lines), sizeof (char *), compare_lines);
  sorted = g_strjoinv ("\n", lines);
  return g_strconcat (dump, "\n", sorted, NULL);
}

/* pbo diff sees the standings and the letters, and plans them: the plan
 * turns the hospital before the 18 months into the hospital after. */
START_TEST (test_diff_plans_lifecycle)
{
  g_autoptr (PboTree) old = load_data ("hospital.xml");
  g_autoptr (PboTree) new = load_data ("hospital.xml");
  g_autoptr (PboTree) replay = load_data ("hospital.xml");
  g_autofree char *plan_path = tu_srcpath ("tests/data/lifecycle/18-months.xml");
  g_autofree char *want = NULL, *got = NULL;
  g_autoptr (PboPlan) plan = NULL, diffed = NULL;
  g_autoptr (PboDiff) diff = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  GError *error = NULL;
  guint i, letters = 0;

  plan = pbo_plan_load_file (plan_path, NULL, &error);
  ck_assert_no_error (error);
  ck_assert (pbo_plan_apply (new, plan, NULL, &error));
  diff = pbo_diff_new (old, new, &error);
  ck_assert_no_error (error);
  for (i = 0; i < pbo_diff_get_n_changes (diff); i++)
    letters += pbo_diff_change_get_kind (pbo_diff_get_change (diff, i)) == PBO_DIFF_LETTER;
  ck_assert_uint_eq (letters, 5);
  pbo_diff_write_text (diff, text);
  ck_assert_ptr_nonnull (strstr (text->str, "letter 2024-001 of member m12 receipt (none) → "
                                            "2024-03-20\n"));
  ck_assert_ptr_nonnull (strstr (text->str, "letter 2025-003 of member m22 added\n"));
  diffed = pbo_diff_to_plan (diff, d ("2025-06-30"));
  ck_assert_no_error (error);
  ck_assert (pbo_plan_apply (replay, diffed, NULL, &error));
  ck_assert_no_error (error);
  /* The same tree; the letters in another order (outs are planned first). */
  want = sorted_dump (new);
  got = sorted_dump (replay);
  ck_assert_msg (strcmp (want, got) == 0, "the plan of the diff gives another tree");
}
END_TEST

static Suite *
lifecycle_suite (void)
{
  Suite *s = suite_create ("lifecycle");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_standing_side_table);
  tcase_add_test (tc, test_standing_load_errors);
  tcase_add_test (tc, test_set_standing_op);
  tcase_add_test (tc, test_probation_extension);
  tcase_add_test (tc, test_transfer_out_and_receipt);
  tcase_add_test (tc, test_transfer_in);
  tcase_add_test (tc, test_letter_load_errors);
  tcase_add_test (tc, test_letters_version);
  tcase_add_test (tc, test_hospital_18_months);
  tcase_add_test (tc, test_probation_honours_extension);
  tcase_add_test (tc, test_term_postponed);
  tcase_add_test (tc, test_diff_plans_lifecycle);
  tcase_add_test (tc, test_hospital_18_months_ledger);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (lifecycle_suite ());
}
