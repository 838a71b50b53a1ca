/* Check suite: the 1.1 edit operations on an org's records — set-org,
 * meetings, recruits — and the positional variants; each journaled,
 * undoable to the byte, refused without a trace, and a plan element. */
#include "edit-testutil.h"

#define ORG(id) pbo_tree_lookup_org (tree, (id))
#define MEM(id) pbo_tree_lookup_member (tree, (id))

static const PboEditContext ctx_2024 = { PBO_EDIT_CONTEXT_VERSION, 20240301, "院党委〔2024〕3号",
                                         NULL };

static const PboJournalEntry *
last_entry (PboTree *tree)
{
  return pbo_journal_get_entry (tree, pbo_journal_get_n_entries (tree) - 1);
}

#define assert_undo_restores et_assert_undo_restores

static PboPlan *
plan_of (const char *xml)
{
  GError *error = NULL;
  PboPlan *plan = pbo_plan_load_data (xml, strlen (xml), NULL, &error);

  ck_assert_msg (plan != NULL, "%s", error != NULL ? error->message : "");
  return plan;
}

static gboolean
apply_xml (PboTree *tree, const char *ops, GError **error)
{
  g_autofree char *xml = g_strdup_printf ("<plan xmlns=\"urn:libpbo:1\">%s</plan>", ops);
  g_autoptr (PboPlan) plan = plan_of (xml);

  return pbo_plan_apply (tree, plan, NULL, error);
}

/* ---- set-org ------------------------------------------------------------- */

START_TEST (test_set_org_term)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  g_autofree char *before = et_dump (tree);
  PboEditOrgInfo values = PBO_EDIT_ORG_INFO_INIT;
  const PboJournalEntry *e;

  values.term_start = pbo_date_make (2024, 3, 1);
  values.term_years = 3;
  values.established = pbo_date_make (1998, 7, 1);
  ET_OK (tree, pbo_edit_set_org (tree, ORG ("b1"), PBO_ORG_FIELD_TERM | PBO_ORG_FIELD_ESTABLISHED,
                                 &values, &ctx_2024, &err_));
  ck_assert_uint_eq (pbo_org_get_term_start (ORG ("b1")), 20240301);
  ck_assert_uint_eq (pbo_org_get_term_years (ORG ("b1")), 3);
  ck_assert_uint_eq (pbo_org_get_established (ORG ("b1")), 19980701);
  e = last_entry (tree);
  ck_assert_int_eq (pbo_journal_entry_get_op (e), PBO_EDIT_OP_SET_ORG);
  ck_assert_str_eq (pbo_journal_entry_get_subject (e, 0), "b1");
  ck_assert_str_eq (pbo_journal_entry_get_detail (e), "established term-start term-years");
  ck_assert_str_eq (pbo_journal_entry_get_to (e), "2024-03-01");
  assert_undo_restores (tree, before);

  values.term_years = 11;
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_set_org (tree, ORG ("b1"), PBO_ORG_FIELD_TERM | PBO_ORG_FIELD_ESTABLISHED,
                                &values, NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_set_org (tree, ORG ("b1"), PBO_ORG_FIELD_NONE, &values, NULL, &err_));
}
END_TEST

START_TEST (test_set_org_plan)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  GError *error = NULL;

  ck_assert (apply_xml (tree, "<set-org org=\"b2\" term-start=\"2021-05-01\" term-years=\"3\"/>"
                              "<set-org org=\"b2\" term-start=\"2024-05-06\" unit=\"二院\"/>",
                        &error));
  ck_assert_no_error (error);
  /* 换届: the new term keeps its years. */
  ck_assert_uint_eq (pbo_org_get_term_start (ORG ("b2")), 20240506);
  ck_assert_uint_eq (pbo_org_get_term_years (ORG ("b2")), 3);
  ck_assert_str_eq (pbo_org_get_unit (ORG ("b2")), "二院");
  ck_assert (apply_xml (tree, "<set-org org=\"b2\" unit=\"\" term-start=\"\"/>", &error));
  ck_assert_ptr_null (pbo_org_get_unit (ORG ("b2")));
  ck_assert_uint_eq (pbo_org_get_term_start (ORG ("b2")), PBO_DATE_NONE);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 3);
}
END_TEST

/* ---- split with a founding date ------------------------------------------ */

START_TEST (test_split_established)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  g_autofree char *before = et_dump (tree);
  GError *error = NULL;
  PboOrg *b1n;

  ck_assert (apply_xml (tree, "<split org=\"b1\" new-id=\"b1n\" new-name=\"新支部\" "
                              "established=\"2024-03-01\" term-start=\"2024-03-01\" "
                              "term-years=\"3\" date=\"2024-03-01\"><select/></split>", &error));
  ck_assert_no_error (error);
  b1n = ORG ("b1n");
  ck_assert_uint_eq (pbo_org_get_established (b1n), 20240301);
  ck_assert_uint_eq (pbo_org_get_term_years (b1n), 3);
  assert_undo_restores (tree, before);
  ck_assert (!apply_xml (tree, "<split org=\"b1\" new-id=\"b1n\" new-name=\"新支部\" "
                               "term-years=\"3\"><select/></split>", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
}
END_TEST

/* ---- positions --------------------------------------------------------------- */

START_TEST (test_positions)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  g_autofree char *before = et_dump (tree);
  GError *error = NULL;
  PboMember *first;

  ck_assert (apply_xml (tree, "<create-org id=\"b0\" kind=\"branch\" name=\"零支部\" parent=\"g1\" "
                              "before=\"b1\"/>", &error));
  ck_assert_no_error (error);
  ck_assert_ptr_eq (pbo_org_get_first_child (ORG ("g1")), ORG ("b0"));
  ck_assert (apply_xml (tree, "<move org=\"b0\" to=\"g1\"/><move org=\"b0\" to=\"g1\" before=\"b1\"/>",
                        &error));
  ck_assert_ptr_eq (pbo_org_get_first_child (ORG ("g1")), ORG ("b0"));
  first = pbo_org_get_first_member (ORG ("b1"));
  ck_assert (apply_xml (tree, "<add-member to=\"b1\" before=\"m1\"><member id=\"m0\" name=\"甲\" "
                              "status=\"probationary\" employment=\"in-service\" "
                              "joined=\"2023-06-01\"/></add-member>", &error));
  ck_assert_ptr_eq (pbo_org_get_first_member (ORG ("b1")), MEM ("m0"));
  ck_assert_ptr_eq (pbo_member_get_next (MEM ("m0")), first);
  /* A transfer within the org reorders it. */
  ck_assert (apply_xml (tree, "<transfer to=\"b1\" before=\"m0\"><member id=\"m1\"/></transfer>",
                        &error));
  ck_assert_ptr_eq (pbo_org_get_first_member (ORG ("b1")), MEM ("m1"));
  ck_assert_no_error (error);
  ck_assert (!apply_xml (tree, "<transfer to=\"b1\" before=\"m1\"><member id=\"m1\"/></transfer>",
                         &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert (!apply_xml (tree, "<move org=\"b0\" to=\"c1\" before=\"b1\"/>", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  while (pbo_journal_get_n_entries (tree) > 0)
    ck_assert (pbo_edit_undo_last (tree, NULL));
  {
    g_autofree char *after = et_dump (tree);
    ck_assert_str_eq (before, after);
  }
}
END_TEST

/* ---- meetings -------------------------------------------------------------- */

START_TEST (test_meetings)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  g_autofree char *before = et_dump (tree);
  g_autofree char *added = NULL;
  guint n = pbo_org_get_n_meetings (ORG ("b1")), index = 0;
  const char *title = NULL;
  GError *error = NULL;
  int attendance = 0;

  ck_assert (apply_xml (tree, "<add-meeting org=\"b1\" id=\"mt1\" type=\"committee\" "
                              "date=\"2024-03-05\" title=\"支委会\" attendance=\"3\">"
                              "<absent member=\"m2\"/></add-meeting>", &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_org_get_n_meetings (ORG ("b1")), n + 1);
  ck_assert_ptr_eq (pbo_tree_lookup_meeting (tree, "mt1", &index), ORG ("b1"));
  ck_assert_uint_eq (index, n);
  ck_assert_ptr_eq (pbo_org_get_meeting_absent (ORG ("b1"), n, 0), MEM ("m2"));
  ck_assert_int_eq (pbo_journal_entry_get_op (last_entry (tree)), PBO_EDIT_OP_ADD_MEETING);
  ck_assert_str_eq (pbo_journal_entry_get_subject (last_entry (tree), 0), "mt1");
  added = et_dump (tree);
  /* The id is in the one namespace. */
  ck_assert (!apply_xml (tree, "<create-org id=\"mt1\" kind=\"branch\" name=\"x\" parent=\"g1\"/>",
                         &error));
  ck_assert_pbo_error (error, PBO_ERROR_DUPLICATE_ID);
  ck_assert (!apply_xml (tree, "<add-meeting org=\"b2\" id=\"m1\" type=\"lecture\" "
                               "date=\"2024-03-05\"/>", &error));
  ck_assert_pbo_error (error, PBO_ERROR_DUPLICATE_ID);
  ck_assert (!apply_xml (tree, "<add-meeting org=\"b2\" type=\"lecture\" date=\"2024-03-05\">"
                               "<absent member=\"nobody\"/></add-meeting>", &error));
  ck_assert_pbo_error (error, PBO_ERROR_UNKNOWN_ID);
  {
    g_autofree char *now = et_dump (tree);
    ck_assert_str_eq (now, added);
  }
  ck_assert (apply_xml (tree, "<update-meeting org=\"b1\" id=\"mt1\" title=\"\" attendance=\"4\"/>",
                        &error));
  ck_assert_no_error (error);
  pbo_org_get_meeting (ORG ("b1"), n, NULL, NULL, &title, &attendance, NULL);
  ck_assert_ptr_null (title);
  ck_assert_int_eq (attendance, 4);
  ck_assert_ptr_eq (pbo_org_get_meeting_absent (ORG ("b1"), n, 0), MEM ("m2"));
  assert_undo_restores (tree, added);
  ck_assert (apply_xml (tree, "<remove-meeting org=\"b1\" id=\"mt1\"/>", &error));
  ck_assert_ptr_null (pbo_tree_lookup_meeting (tree, "mt1", NULL));
  assert_undo_restores (tree, added);
  ck_assert (!apply_xml (tree, "<remove-meeting org=\"b2\" id=\"mt1\"/>", &error));
  ck_assert_pbo_error (error, PBO_ERROR_UNKNOWN_ID);
  assert_undo_restores (tree, before);
}
END_TEST

START_TEST (test_meeting_id_roundtrip)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autoptr (PboTree) back = NULL;
  g_autofree char *xml = NULL, *a = NULL, *b = NULL;
  PboMeetingInfo info = PBO_MEETING_INFO_INIT;
  GError *error = NULL;

  xml = tu_save_string (tree, NULL);
  ck_assert_ptr_nonnull (strstr (xml, "version=\"1\""));
  g_free (xml);
  info.id = "mt9";
  info.type = PBO_MEETING_LECTURE;
  info.date = pbo_date_make (2024, 4, 2);
  ET_OK (tree, pbo_edit_add_meeting (tree, ORG ("b3"), &info, NULL, &err_) >= 0);
  xml = tu_save_string (tree, NULL);
  ck_assert_ptr_nonnull (strstr (xml, "version=\"1.1\""));
  ck_assert_ptr_nonnull (strstr (xml, "<meeting id=\"mt9\""));
  back = pbo_xml_load_data (xml, strlen (xml), NULL, &error);
  ck_assert_no_error (error);
  a = tu_dump (tree);
  b = tu_dump (back);
  ck_assert_str_eq (a, b);
}
END_TEST

/* ---- recruits -------------------------------------------------------------- */

START_TEST (test_recruits)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  g_autofree char *before = et_dump (tree);
  g_autofree char *added = NULL;
  GError *error = NULL;
  PboRecruit *r;

  ck_assert (apply_xml (tree, "<add-recruit to=\"b1\" id=\"r9\" name=\"李四\" applied=\"2023-01-05\" "
                              "gender=\"female\" department=\"内科\"/>", &error));
  ck_assert_no_error (error);
  r = pbo_tree_lookup_recruit (tree, "r9");
  ck_assert_ptr_nonnull (r);
  ck_assert_int_eq (pbo_recruit_get_stage (r), PBO_RECRUIT_APPLICANT);
  ck_assert_int_eq (pbo_journal_entry_get_op (last_entry (tree)), PBO_EDIT_OP_ADD_RECRUIT);
  added = et_dump (tree);
  ck_assert (apply_xml (tree, "<update-recruit id=\"r9\" name=\"李 四\" department=\"\"/>", &error));
  r = pbo_tree_lookup_recruit (tree, "r9");
  ck_assert_str_eq (pbo_recruit_get_name (r), "李 四");
  ck_assert_ptr_null (pbo_recruit_get_department (r));
  ck_assert_int_eq (pbo_recruit_get_gender (r), PBO_GENDER_FEMALE);
  assert_undo_restores (tree, added);
  ck_assert (!apply_xml (tree, "<update-recruit id=\"r9\" stage=\"candidate\"/>", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert (!apply_xml (tree, "<add-recruit to=\"b1\" id=\"m1\" name=\"x\" applied=\"2023-01-05\"/>",
                         &error));
  ck_assert_pbo_error (error, PBO_ERROR_DUPLICATE_ID);
  ck_assert (apply_xml (tree, "<remove-recruit id=\"r9\"/>", &error));
  ck_assert_ptr_null (pbo_tree_lookup_recruit (tree, "r9"));
  assert_undo_restores (tree, added);
  assert_undo_restores (tree, before);
}
END_TEST

/* ---- builders refuse journaled trees ----------------------------------------- */

static void
count_critical (const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data)
{
  (void) domain;
  (void) message;
  if (level & G_LOG_LEVEL_CRITICAL)
    (*(guint *) data)++;
}

/* A programming error, reported by a g_critical (counted here instead of
 * aborting, so that the suite also runs unforked under Valgrind), and
 * nothing changes. */
START_TEST (test_builder_refused)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  PboEditOrgInfo values = PBO_EDIT_ORG_INFO_INIT;
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  guint criticals = 0, handler;
  guint n = pbo_org_get_n_meetings (ORG ("b1"));

  handler = g_log_set_handler ("pbo", G_LOG_LEVEL_CRITICAL, count_critical, &criticals);
  ck_assert_int_ge (pbo_org_add_meeting (tree, ORG ("b1"), PBO_MEETING_LECTURE, 20240101, NULL,
                                         PBO_ATTENDANCE_NONE, NULL), 0);
  ck_assert_uint_eq (criticals, 0);
  values.established = pbo_date_make (2000, 1, 1);
  ck_assert (pbo_edit_set_org (tree, ORG ("b1"), PBO_ORG_FIELD_ESTABLISHED, &values, NULL, NULL));
  ck_assert_int_eq (pbo_org_add_meeting (tree, ORG ("b1"), PBO_MEETING_LECTURE, 20240101, NULL,
                                         PBO_ATTENDANCE_NONE, NULL), -1);
  ck_assert (!pbo_org_set_meeting_id (tree, ORG ("b1"), 0, "mtx", NULL));
  ck_assert_uint_eq (criticals, 2);
  ck_assert_uint_eq (pbo_org_get_n_meetings (ORG ("b1")), n + 1);
  ck_assert_ptr_null (pbo_org_get_meeting_id (ORG ("b1"), 0));
  g_log_remove_handler ("pbo", handler);
  g_log_set_always_fatal (fatal);
}
END_TEST

static Suite *
suite (void)
{
  Suite *s = suite_create ("edit-records");
  TCase *tc = tcase_create ("records");

  tcase_add_test (tc, test_set_org_term);
  tcase_add_test (tc, test_set_org_plan);
  tcase_add_test (tc, test_split_established);
  tcase_add_test (tc, test_positions);
  tcase_add_test (tc, test_meetings);
  tcase_add_test (tc, test_meeting_id_roundtrip);
  tcase_add_test (tc, test_recruits);
  tcase_add_test (tc, test_builder_refused);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (suite ());
}
