/* Check suite: member records — the side table, load and save, the edit
 * operations and their undo, plans, the dues ledger, ratings and the
 * rules, and the hospital scenario of tests/data/ledger/hospital.xml
 * (18 months with arrears) through the library and the CLI. */
#include "edit-testutil.h"
#include "member-records-private.h"
#include <sys/wait.h>

#define MEM(id) pbo_tree_lookup_member (tree, (id))

static PboTree *
hospital (void)
{
  g_autofree char *path = tu_srcpath ("tests/data/ledger/hospital.xml");
  GError *error = NULL;
  PboTree *tree = pbo_xml_load_file (path, NULL, &error);

  ck_assert_msg (tree != NULL, "%s", error != NULL ? error->message : "");
  return tree;
}

/* Every member's records, one line each, in tree order. */
static char *
dump_records (PboTree *tree)
{
  GString *out = g_string_new (NULL);
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;

  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    if (ev == PBO_WALK_ENTER)
      for (PboMember *m = pbo_org_get_first_member (org); m != NULL; m = pbo_member_get_next (m))
        for (guint i = 0; i < pbo_member_get_n_records (m); i++)
          {
            PboMemberRecord r;
            g_autofree char *text = NULL;
            ck_assert (pbo_member_get_record (m, i, &r));
            text = pbo_record_encode_ (&r);
            g_string_append_printf (out, "%s %s\n", pbo_member_get_id (m), text);
          }
  return g_string_free (out, FALSE);
}

static PboMemberRecord
payment (guint year, guint month, gint64 fen, PboDate paid)
{
  PboMemberRecord r = PBO_MEMBER_RECORD_INIT;

  r.kind = PBO_RECORD_PAYMENT;
  r.year = year;
  r.month = month;
  r.amount_fen = fen;
  r.paid = paid;
  return r;
}

/* ---- the scenario --------------------------------------------------------- */

static void
assert_row (const PboLedgerRow *r, guint months, gint64 due, gint64 paid, gint64 owed,
            guint unpaid)
{
  ck_assert_uint_eq (r->months, months);
  ck_assert_int_eq (r->due_fen, due);
  ck_assert_int_eq (r->paid_fen, paid);
  ck_assert_int_eq (r->owed_fen, owed);
  ck_assert_uint_eq (r->unpaid_months, unpaid);
}

START_TEST (test_scenario_ledger)
{
  g_autoptr (PboTree) tree = hospital ();
  GError *error = NULL;
  PboLedger *l = pbo_ledger_new (tree, 20230101, 20240630, &error);

  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_ledger_get_n_members (l), 6);
  ck_assert_uint_eq (pbo_ledger_get_n_branches (l), 2);
  assert_row (pbo_ledger_get_total (l), 94, 654500, 590500, 64000, 8);
  assert_row (pbo_ledger_get_branch (l, 0), 54, 256500, 202500, 54000, 6);
  assert_row (pbo_ledger_get_branch (l, 1), 40, 398000, 388000, 10000, 2);
  assert_row (pbo_ledger_get_member (l, 1), 18, 162000, 108000, 54000, 6);   /* m2 */
  assert_row (pbo_ledger_get_member (l, 2), 18, 22500, 22500, 0, 0);        /* m3 补缴 */
  assert_row (pbo_ledger_get_member (l, 3), 18, 360000, 360000, 0, 0);      /* m4 减交 */
  assert_row (pbo_ledger_get_member (l, 4), 18, 18000, 18000, 0, 0);        /* m5 免交 */
  assert_row (pbo_ledger_get_member (l, 5), 4, 20000, 10000, 10000, 2);     /* m6 joined */
  ck_assert_ptr_null (pbo_ledger_get_member (l, 6));
  ck_assert_str_eq (pbo_org_get_id (pbo_ledger_get_branch (l, 1)->org), "b2");
  pbo_ledger_free (l);
  /* A reversed range is refused. */
  ck_assert_ptr_null (pbo_ledger_new (tree, 20240201, 20240101, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  g_clear_error (&error);
}
END_TEST

START_TEST (test_scenario_findings)
{
  g_autoptr (PboTree) tree = hospital ();
  PboCheckOptions o = PBO_CHECK_OPTIONS_INIT;
  g_autoptr (PboFindings) f = NULL;
  GString *got = g_string_new (NULL);
  GError *error = NULL;
  g_autofree char *text = NULL;

  o.on = 20240701;
  f = pbo_check (tree, NULL, &o, &error);
  ck_assert_no_error (error);
  for (guint i = 0; i < pbo_findings_get_n (f); i++)
    {
      const PboFinding *x = pbo_findings_get (f, i);
      if (strchr ("DEV", x->code[4]) != NULL)
        g_string_append_printf (got, "%s %s\n", x->code, x->member_id);
    }
  text = g_string_free (got, FALSE);
  ck_assert_str_eq (text, "PBO-D001 m2\nPBO-E001 m3\nPBO-E002 m1\nPBO-V001 m3\n");
  /* A month later m2 has 7 months unpaid; with the threshold at 8, none. */
  o.on = 20240801;
  o.dues_unpaid_months = 8;
  g_clear_pointer (&f, pbo_findings_free);
  f = pbo_check (tree, NULL, &o, &error);
  for (guint i = 0; i < pbo_findings_get_n (f); i++)
    ck_assert_str_ne (pbo_findings_get (f, i)->code, "PBO-D001");
  /* A threshold beyond a century is refused, not looped over. */
  o.dues_unpaid_months = 1201;
  g_clear_pointer (&f, pbo_findings_free);
  f = pbo_check (tree, NULL, &o, &error);
  ck_assert_ptr_null (f);
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  g_clear_error (&error);
}
END_TEST

START_TEST (test_rating_and_counts)
{
  g_autoptr (PboTree) tree = hospital ();
  g_autoptr (GString) out = g_string_new (NULL);
  PboRatingOptions o = PBO_RATING_OPTIONS_INIT;
  guint counts[5];

  ck_assert_uint_eq (pbo_rating_write (tree, NULL, 2023, NULL, TRUE, PBO_CSV_WRITE_DEFAULT, out), 5);
  ck_assert_str_eq (out->str,
                    "branch,rank,member,name,life,dues,service,example,work,law,total,stars\n"
                    "b1,1,m1,王建国,5,5,5,4,5,5,29,5\n"
                    "b1,2,m3,张秀英,4,3,4,4,3,5,23,3\n"
                    "b1,3,m2,李娜,3,2,4,3,4,5,21,2\n"
                    "b2,1,m4,刘洋,5,4,5,5,5,5,29,5\n"
                    "b2,2,m5,陈静,3,3,2,3,3,4,18,2\n");
  ck_assert_uint_eq (pbo_rating_stars (NULL, 11), 0);
  ck_assert_uint_eq (pbo_rating_stars (NULL, 12), 1);
  ck_assert_uint_eq (pbo_rating_stars (NULL, 27), 4);
  ck_assert_uint_eq (pbo_rating_stars (NULL, 28), 5);
  o.star_min[4] = 30;
  ck_assert_uint_eq (pbo_rating_stars (&o, 29), 4);
  pbo_evaluation_count (tree, NULL, 2023, counts);
  ck_assert_uint_eq (counts[0], 2);   /* m3, m6 */
  ck_assert_uint_eq (counts[PBO_EVALUATION_EXCELLENT], 2);
  ck_assert_uint_eq (counts[PBO_EVALUATION_QUALIFIED], 1);
  ck_assert_uint_eq (counts[PBO_EVALUATION_BASICALLY_QUALIFIED], 1);
  ck_assert_uint_eq (counts[PBO_EVALUATION_UNQUALIFIED], 0);
}
END_TEST

/* Runs the CLI with @argv (after the program); returns its exit status. */
static int
run_cli (const char *const *args, char **out)
{
  const char *cli = g_getenv ("PBO_CLI");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  int status = -1;
  GError *error = NULL;

  ck_assert_msg (cli != NULL, "PBO_CLI is not set");
  g_ptr_array_add (argv, (gpointer) cli);
  for (; *args != NULL; args++)
    g_ptr_array_add (argv, (gpointer) *args);
  g_ptr_array_add (argv, NULL);
  ck_assert (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                           NULL, out, NULL, &status, &error));
  ck_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* The scenario through the CLI: the ledger as CSV and the findings of
 * `pbo check`, exit status 0. */
START_TEST (test_scenario_cli)
{
  g_autofree char *path = tu_srcpath ("tests/data/ledger/hospital.xml");
  g_autofree char *out = NULL;
  const char *args[] = { "dues", path, "--ledger", "--from", "2023-01", "--to", "2024-06",
                         "--format", "csv", NULL };

  ck_assert_int_eq (run_cli (args, &out), 0);
  ck_assert_str_eq (out, "branch,member,name,months,due,paid,owed,unpaid-months\n"
                         "b1,m1,王建国,18,720.00,720.00,0.00,0\n"
                         "b1,m2,李娜,18,1620.00,1080.00,540.00,6\n"
                         "b1,m3,张秀英,18,225.00,225.00,0.00,0\n"
                         "b2,m4,刘洋,18,3600.00,3600.00,0.00,0\n"
                         "b2,m5,陈静,18,180.00,180.00,0.00,0\n"
                         "b2,m6,杨帆,4,200.00,100.00,100.00,2\n"
                         "b1,,,54,2565.00,2025.00,540.00,6\n"
                         "b2,,,40,3980.00,3880.00,100.00,2\n"
                         ",,,94,6545.00,5905.00,640.00,8\n");
  /* The findings through `pbo check`: warnings only, exit 0. */
  {
    const char *check[] = { "check", path, "--on", "2024-07-01", "--format", "csv", NULL };
    GString *codes = g_string_new (NULL);
    g_auto (GStrv) lines = NULL;
    g_autofree char *got = NULL;
    g_free (out);
    ck_assert_int_eq (run_cli (check, &out), 0);
    lines = g_strsplit (out, "\n", -1);
    for (guint k = 1; lines[k] != NULL; k++)   /* after the header */
      {
        g_auto (GStrv) f = g_strsplit (lines[k], ",", 5);
        if (g_strv_length (f) >= 4 && strchr ("DEV", f[1][4]) != NULL)
          g_string_append_printf (codes, "%s %s;", f[1], f[3]);
      }
    got = g_string_free (codes, FALSE);
    ck_assert_str_eq (got, "PBO-D001 m2;PBO-E001 m3;PBO-E002 m1;PBO-V001 m3;");
  }
}
END_TEST

/* A payments sheet with Chinese headers: all rows in one transaction, or,
 * with one bad row, none. */
START_TEST (test_import_records_cli)
{
  g_autofree char *src = tu_srcpath ("tests/data/ledger/hospital.xml");
  g_autofree char *dir = g_dir_make_tmp ("pbo-records-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "h.xml", NULL);
  g_autofree char *sheet = g_build_filename (dir, "pay.csv", NULL);
  g_autofree char *text = tu_read_file (src), *after = NULL, *out = NULL;
  g_autoptr (PboTree) tree = NULL;
  GError *error = NULL;
  PboMemberRecord key = payment (2024, 2, 0, PBO_DATE_NONE);

  ck_assert (g_file_set_contents (file, text, -1, NULL));
  /* m2 by id; m6 by name and ID card is not possible (no card): by id. */
  ck_assert (g_file_set_contents (sheet, "工号,月份,金额,交纳日期,类型\n"
                                         "m2,2024-01,90,2024-07-05,补缴\n"
                                         "m2,2024-02,90,2024-07-05,补缴\n"
                                         "m6,2024-05,50,2024-07-05,\n", -1, NULL));
  {
    const char *args[] = { "import-records", file, sheet, "--date", "2024-07-05", NULL };
    ck_assert_int_eq (run_cli (args, &out), 0);
  }
  tree = pbo_xml_load_file (file, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_int_ge (pbo_member_find_record (MEM ("m2"), &key), 0);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 3);
  /* A second import repeats 2024-01: refused, nothing written. */
  g_free (text);
  text = tu_read_file (file);
  ck_assert (g_file_set_contents (sheet, "member,month,amount,paid\n"
                                         "m2,2024-03,90,2024-07-06\n"
                                         "m2,2024-01,90,2024-07-06\n", -1, NULL));
  {
    const char *args[] = { "import-records", file, sheet, NULL };
    g_free (out);
    ck_assert_int_eq (run_cli (args, &out), 2);
  }
  after = tu_read_file (file);
  ck_assert_str_eq (after, text);
  tu_remove_dir (g_steal_pointer (&dir));
}
END_TEST

/* A training workbook (.xlsx, numbers as numbers) naming one member by id
 * and one by name and ID card (its X in lower case). */
START_TEST (test_import_records_xlsx)
{
  g_autofree char *src = tu_srcpath ("tests/data/ledger/hospital.xml");
  g_autofree char *book = tu_srcpath ("tests/data/ledger/training.xlsx");
  g_autofree char *dir = g_dir_make_tmp ("pbo-records-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "h.xml", NULL);
  g_autofree char *text = tu_read_file (src), *out = NULL;
  g_autoptr (PboTree) tree = NULL;
  PboMemberRecord key = PBO_MEMBER_RECORD_INIT, got;
  const char *args[] = { "import-records", file, book, NULL };
  GError *error = NULL;
  int i;

  ck_assert (g_file_set_contents (file, text, -1, NULL));
#ifndef PBO_TEST_HAVE_LIBZIP
  /* A build without libzip cannot read workbooks: refused, exit 2. */
  ck_assert_int_eq (run_cli (args, &out), 2);
  (void) key; (void) got; (void) i; (void) error; (void) tree;
#else
  ck_assert_int_eq (run_cli (args, &out), 0);
  tree = pbo_xml_load_file (file, NULL, &error);
  ck_assert_no_error (error);
  key.kind = PBO_RECORD_TRAINING;
  key.year = 2024;
  key.title = "党史学习";
  ck_assert_int_ge (i = pbo_member_find_record (MEM ("m3"), &key), 0);
  ck_assert (pbo_member_get_record (MEM ("m3"), (guint) i, &got));
  ck_assert_uint_eq (got.hours_tenths, 120);
  key.title = "党课";
  ck_assert_int_ge (i = pbo_member_find_record (MEM ("m1"), &key), 0);
  ck_assert (pbo_member_get_record (MEM ("m1"), (guint) i, &got));
  ck_assert_uint_eq (got.hours_tenths, 85);
#endif
  tu_remove_dir (g_steal_pointer (&dir));
}
END_TEST

/* ---- format -------------------------------------------------------------- */

START_TEST (test_round_trip)
{
  g_autoptr (PboTree) tree = hospital ();
  g_autofree char *path = tu_srcpath ("tests/data/ledger/hospital.xml");
  g_autofree char *file = tu_read_file (path);
  g_autofree char *saved = tu_save_string (tree, NULL);
  PboSaveOptions redact = PBO_SAVE_OPTIONS_INIT;
  g_autofree char *redacted = NULL;

  ck_assert_str_eq (saved, file);
  ck_assert (strstr (saved, "version=\"1.1\"") != NULL);
  redact.flags = PBO_SAVE_REDACT;
  redacted = tu_save_string (tree, &redact);
  ck_assert (strstr (redacted, "<payment") == NULL);
  ck_assert (strstr (redacted, "<training") != NULL);
}
END_TEST

START_TEST (test_version_and_load_errors)
{
  static const char *const bad[] = {
    "<payment month=\"2024-01\" amount=\"40\" paid=\"2024-01-02\"/>"
    "<payment month=\"2024-01\" amount=\"40\" paid=\"2024-01-03\"/>",
    "<payment month=\"2024-01\" amount=\"0\" paid=\"2024-01-02\"/>",
    "<payment month=\"2024-01\" amount=\"10\" kind=\"reduced\" paid=\"2024-01-02\"/>",
    "<payment month=\"2024-01\" amount=\"10\" kind=\"exempt\" approved=\"2024-01-02\"/>",
    "<payment month=\"2024-01\" amount=\"10\"/>",
    "<rating year=\"2024\" life=\"5\" dues=\"5\" service=\"5\" example=\"5\" work=\"5\"/>",
    "<training year=\"2024\" hours=\"0\"/>",
    "<training year=\"2024\" hours=\"1.25\"/>",
    "<evaluation year=\"2024\" result=\"good\"/>",
    "<evaluation year=\"2024\" result=\"good\">x</evaluation>",
  };
  const char *head = "<?xml version=\"1.0\"?><pbo xmlns=\"urn:libpbo:1\" version=\"1.1\">"
                     "<org id=\"b\" kind=\"branch\" name=\"b\"><member id=\"m\" name=\"n\" "
                     "joined=\"2001-01-01\" full-since=\"2002-01-01\" status=\"full\" "
                     "employment=\"in-service\"";
  g_autoptr (PboTree) tree = NULL;
  g_autofree char *plain = NULL, *saved = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *doc = g_strdup_printf ("%s>%s</member></org></pbo>", head, bad[i]);
      GError *error = NULL;
      PboTree *t = pbo_xml_load_data (doc, strlen (doc), NULL, &error);
      ck_assert_msg (t == NULL, "loaded: %s", bad[i]);
      ck_assert (strstr (error->message, "<memory>:1:") == error->message);
      g_error_free (error);
    }
  /* Without records the file stays version 1, and the member empty. */
  plain = g_strdup_printf ("%s/></org></pbo>", head);
  tree = tu_load_string (plain);
  saved = tu_save_string (tree, NULL);
  ck_assert (strstr (saved, "version=\"1\"") != NULL);
  ck_assert (strstr (saved, "</member>") == NULL);
}
END_TEST

/* ---- memory ----------------------------------------------------------------- */

START_TEST (test_no_cost_without_records)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboMember *m = pbo_org_get_first_member (pbo_tree_lookup_org (tree, "b1"));
  PboMemberRecord r = payment (2024, 1, 4000, 20240110);
  GError *error = NULL;

  /* No side table until a record exists, and none left once it goes. */
  ck_assert_ptr_null (tree->member_records);
  ck_assert_uint_eq (pbo_member_get_n_records (m), 0);
  ck_assert (!pbo_tree_has_member_records (tree));
  ck_assert (pbo_edit_put_member_record (tree, m, &r, NULL, &error));
  ck_assert (pbo_tree_has_payments (tree));
  ck_assert_uint_eq (g_hash_table_size (tree->member_records), 1);
  ck_assert (pbo_edit_remove_member_record (tree, m, &r, NULL, &error));
  ck_assert_uint_eq (g_hash_table_size (tree->member_records), 0);
  ck_assert (!pbo_tree_has_member_records (tree));
  /* A record put in place of itself (its title the string replaced):
   * copied before the old one is freed (ASan would see a use after free). */
  {
    PboMemberRecord tr = PBO_MEMBER_RECORD_INIT, got;
    tr.kind = PBO_RECORD_TRAINING;
    tr.year = 2024;
    tr.hours_tenths = 10;
    tr.title = "党课";
    pbo_records_set_ (tree, m, &tr, &tr);
    ck_assert (pbo_member_get_record (m, 0, &got));
    pbo_records_set_ (tree, m, &got, &got);
    ck_assert (pbo_member_get_record (m, 0, &got));
    ck_assert_str_eq (got.title, "党课");
    pbo_records_set_ (tree, m, &got, NULL);
    ck_assert_uint_eq (pbo_member_get_n_records (m), 0);
  }
  /* The member record itself did not grow. */
  ck_assert_uint_le (sizeof (PboMember), 40);
}
END_TEST

/* ---- edit operations ----------------------------------------------------------- */

START_TEST (test_edit_and_undo)
{
  g_autoptr (PboTree) tree = hospital ();
  g_autofree char *before = dump_records (tree), *after = NULL;
  PboMemberRecord r = payment (2024, 6, 9000, 20240628), ev = PBO_MEMBER_RECORD_INIT;
  PboMemberRecord tr = PBO_MEMBER_RECORD_INIT;

  ET_OK (tree, pbo_edit_put_member_record (tree, MEM ("m2"), &r, NULL, &err_));
  ck_assert_int_eq (pbo_journal_entry_get_op (pbo_journal_get_entry (tree, 0)),
                    PBO_EDIT_OP_ADD_PAYMENT);
  ck_assert_str_eq (pbo_journal_entry_get_detail (pbo_journal_get_entry (tree, 0)), "2024-06");
  /* A second payment of the month, a bad one: refused without a trace. */
  ET_REFUSED (tree, PBO_ERROR_DUPLICATE_ID,
              pbo_edit_put_member_record (tree, MEM ("m2"), &r, NULL, &err_));
  r.month = 7;
  r.amount_fen = 0;
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_put_member_record (tree, MEM ("m2"), &r, NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_UNKNOWN_ID,
              pbo_edit_remove_member_record (tree, MEM ("m2"), &r, NULL, &err_));
  /* An evaluation replaces the year's; its undo gives the old one back. */
  ev.kind = PBO_RECORD_EVALUATION;
  ev.year = 2023;
  ev.result = PBO_EVALUATION_UNQUALIFIED;
  ET_OK (tree, pbo_edit_put_member_record (tree, MEM ("m2"), &ev, NULL, &err_));
  ck_assert_str_eq (pbo_journal_entry_get_from (pbo_journal_get_entry (tree, 1)), "qualified");
  tr.kind = PBO_RECORD_TRAINING;
  tr.year = 2024;
  tr.hours_tenths = 85;
  tr.title = "党课";
  ET_OK (tree, pbo_edit_put_member_record (tree, MEM ("m1"), &tr, NULL, &err_));
  ET_OK (tree, pbo_edit_remove_member_record (tree, MEM ("m1"), &tr, NULL, &err_));
  /* Removing a member takes its records; undoing gives them back. */
  {
    PboEditContext ctx = PBO_EDIT_CONTEXT_INIT;
    ctx.date = 20240701;
    ET_OK (tree, pbo_edit_remove_member (tree, MEM ("m3"), PBO_REMOVAL_TRANSFER_OUT, &ctx, &err_));
  }
  for (guint i = 0; i < 5; i++)
    ET_OK (tree, pbo_edit_undo_last (tree, &err_));
  after = dump_records (tree);
  ck_assert_str_eq (before, after);
}
END_TEST

/* The undo data is saved: after a save and a load the entries still undo. */
START_TEST (test_undo_after_reload)
{
  g_autoptr (PboTree) tree = hospital ();
  g_autoptr (PboTree) back = NULL;
  g_autofree char *before = dump_records (tree), *saved = NULL, *after = NULL;
  PboMemberRecord r = payment (2024, 6, 9000, 20240628);

  ET_OK (tree, pbo_edit_put_member_record (tree, MEM ("m2"), &r, NULL, &err_));
  ET_OK (tree, pbo_edit_remove_member_record (tree, MEM ("m1"), &r, NULL, &err_));
  saved = tu_save_string (tree, NULL);
  back = tu_load_string (saved);
  ET_OK (back, pbo_edit_undo_last (back, &err_));
  ET_OK (back, pbo_edit_undo_last (back, &err_));
  after = dump_records (back);
  ck_assert_str_eq (before, after);
}
END_TEST

/* pbo_edit_tree_at() rebuilds records too (the tree copy keeps them). */
START_TEST (test_tree_at)
{
  g_autoptr (PboTree) tree = hospital ();
  g_autoptr (PboTree) then = NULL;
  g_autofree char *before = dump_records (tree), *at = NULL;
  PboMemberRecord r = payment (2024, 6, 9000, 20240628);
  GError *error = NULL;

  ET_OK (tree, pbo_edit_put_member_record (tree, MEM ("m2"), &r, NULL, &err_));
  then = pbo_edit_tree_at (tree, 0, &error);
  ck_assert_no_error (error);
  at = dump_records (then);
  ck_assert_str_eq (before, at);
}
END_TEST

/* ---- plans -------------------------------------------------------------------- */

START_TEST (test_plan)
{
  g_autoptr (PboTree) tree = hospital ();
  g_autofree char *path = tu_srcpath ("tests/data/schema-good/plan-member-records.xml");
  g_autofree char *file = tu_read_file (path);
  g_autoptr (GString) written = g_string_new (NULL);
  g_autoptr (PboPlan) plan = NULL, bad = NULL;
  static const char bad_plan[] = "<plan xmlns=\"urn:libpbo:1\">\n"
                                 "  <remove-payment member=\"m1\" month=\"2024-01\" amount=\"1\"/>\n"
                                 "</plan>\n";
  GError *error = NULL;

  plan = pbo_plan_load_file (path, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_plan_get_n_ops (plan), 10);
  pbo_plan_write (plan, written);
  g_clear_pointer (&plan, pbo_plan_free);
  plan = pbo_plan_load_data (written->str, written->len, NULL, &error);
  ck_assert_no_error (error);
  (void) file;
  bad = pbo_plan_load_data (bad_plan, strlen (bad_plan), NULL, &error);
  ck_assert_ptr_null (bad);
  ck_assert (strstr (error->message, ":2:") != NULL);
  g_clear_error (&error);
  /* The hospital has none of the plan's m1 training "书记培训班": refused,
   * all or nothing. */
  {
    g_autofree char *before = dump_records (tree), *after = NULL;
    ck_assert (!pbo_plan_apply (tree, plan, NULL, &error));
    ck_assert_pbo_error (error, PBO_ERROR_UNKNOWN_ID);
    g_clear_error (&error);
    after = dump_records (tree);
    ck_assert_str_eq (before, after);
  }
}
END_TEST

/* pbo diff sees record changes, and its plan makes them. */
START_TEST (test_diff)
{
  g_autoptr (PboTree) old_tree = hospital ();
  g_autoptr (PboTree) tree = hospital ();
  g_autoptr (PboTree) patched = hospital ();
  PboMemberRecord r = payment (2024, 1, 9000, 20240705), ev = PBO_MEMBER_RECORD_INIT;
  PboMemberRecord tr = PBO_MEMBER_RECORD_INIT;
  g_autoptr (PboPlan) plan = NULL;
  PboDiff *diff, *again;
  GError *error = NULL;
  g_autofree char *want = NULL, *got = NULL;

  r.payment_kind = PBO_PAYMENT_ARREARS;
  ET_OK (tree, pbo_edit_put_member_record (tree, MEM ("m2"), &r, NULL, &err_));
  ev.kind = PBO_RECORD_EVALUATION;
  ev.year = 2023;
  ev.result = PBO_EVALUATION_EXCELLENT;
  ET_OK (tree, pbo_edit_put_member_record (tree, MEM ("m2"), &ev, NULL, &err_));
  tr.kind = PBO_RECORD_TRAINING;
  tr.year = 2023;
  ET_OK (tree, pbo_edit_remove_member_record (tree, MEM ("m1"), &tr, NULL, &err_));
  /* A changed payment: removed, then added. */
  r = payment (2023, 1, 4500, 20230110);
  ET_OK (tree, pbo_edit_remove_member_record (tree, MEM ("m1"), &r, NULL, &err_));
  ET_OK (tree, pbo_edit_put_member_record (tree, MEM ("m1"), &r, NULL, &err_));
  diff = pbo_diff_new (old_tree, tree, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_diff_get_n_changes (diff), 4);
  ck_assert_int_eq (pbo_diff_change_get_kind (pbo_diff_get_change (diff, 0)),
                    PBO_DIFF_MEMBER_RECORD);
  ck_assert_str_eq (pbo_diff_change_get_detail (pbo_diff_get_change (diff, 0)), "payment 2023-01");
  ck_assert_str_eq (pbo_diff_change_get_new (pbo_diff_get_change (diff, 0)),
                    "month=\"2023-01\" amount=\"45.00\" paid=\"2023-01-10\"");
  plan = pbo_diff_to_plan (diff, PBO_DATE_NONE);
  ck_assert_uint_eq (pbo_plan_get_n_ops (plan), 5);
  ck_assert (pbo_plan_apply (patched, plan, NULL, &error));
  ck_assert_no_error (error);
  want = dump_records (tree);
  got = dump_records (patched);
  ck_assert_str_eq (want, got);
  again = pbo_diff_new (patched, tree, &error);
  ck_assert (pbo_diff_is_empty (again));
  pbo_diff_free (again);
  pbo_diff_free (diff);
}
END_TEST

/* The HTML report shows dues owed and star ratings, only for trees that
 * keep them. */
START_TEST (test_html_sections)
{
  g_autoptr (PboTree) tree = hospital ();
  g_autoptr (PboTree) plain = tu_sample_tree ();
  g_autoptr (GString) out = g_string_new (NULL), none = g_string_new (NULL);
  PboHtmlOptions o = PBO_HTML_OPTIONS_INIT;
  GError *error = NULL;

  o.on = 20240701;
  ck_assert (pbo_report_write_html (tree, NULL, &o, out, &error));
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (strstr (out->str, "data-figure=\"ledger.owed\">640.00<"));
  ck_assert_ptr_nonnull (strstr (out->str, "<section id=\"ratings\""));
  ck_assert (pbo_report_write_html (plain, NULL, &o, none, &error));
  ck_assert_ptr_null (strstr (none->str, "id=\"ledger\""));
  ck_assert_ptr_null (strstr (none->str, "id=\"ratings\""));
}
END_TEST

/* Grading (分类定级) judges the member records where a file keeps them:
 * b1 lacks m3's 民主评议 of 2023 (V001) and has members short of training
 * (E001, E002), so it fails those two criteria; b2 has neither finding. */
START_TEST (test_grade_records)
{
  g_autoptr (PboTree) tree = hospital ();
  PboGradeOptions o = PBO_GRADE_OPTIONS_INIT;
  const char *rules = NULL;
  guint failed = 0;
  GError *error = NULL;

  ck_assert_str_eq (pbo_grade_get_criterion (6, &rules), "evaluations");
  ck_assert_str_eq (rules, "PBO-V001");
  ck_assert_str_eq (pbo_grade_get_criterion (7, &rules), "training");
  o.year = 2024;
  pbo_grade_branch (pbo_tree_lookup_org (tree, "b1"), &o, &failed, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (failed & (3u << 6), 3u << 6);
  pbo_grade_branch (pbo_tree_lookup_org (tree, "b2"), &o, &failed, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (failed & (3u << 6), 0);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("member-records");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_scenario_ledger);
  tcase_add_test (tc, test_scenario_findings);
  tcase_add_test (tc, test_rating_and_counts);
  tcase_add_test (tc, test_scenario_cli);
  tcase_add_test (tc, test_round_trip);
  tcase_add_test (tc, test_version_and_load_errors);
  tcase_add_test (tc, test_no_cost_without_records);
  tcase_add_test (tc, test_edit_and_undo);
  tcase_add_test (tc, test_undo_after_reload);
  tcase_add_test (tc, test_tree_at);
  tcase_add_test (tc, test_plan);
  tcase_add_test (tc, test_diff);
  tcase_add_test (tc, test_import_records_cli);
  tcase_add_test (tc, test_import_records_xlsx);
  tcase_add_test (tc, test_html_sections);
  tcase_add_test (tc, test_grade_records);
  suite_add_tcase (s, tc);
  return tu_run (s);
}
