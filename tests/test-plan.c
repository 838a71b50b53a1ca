/* Check suite: plans — reading (errors with positions), building in
 * memory, applying all or nothing. */
#include <string.h>
#include "testutil.h"

#define PLAN_OPEN "<plan xmlns=\"urn:libpbo:1\">\n"

static PboPlan *
parse (const char *text, GError **error)
{
  PboLoadOptions opts = PBO_LOAD_OPTIONS_INIT;

  opts.filename = "plan.xml";
  return pbo_plan_load_data (text, strlen (text), &opts, error);
}

static PboPlan *
parse_ok (const char *text)
{
  GError *error = NULL;
  PboPlan *plan = parse (text, &error);

  ck_assert_msg (plan != NULL, "%s", error != NULL ? error->message : "");
  return plan;
}

/* Each bad plan: the code, the position and a part of the message. */
START_TEST (test_read_errors)
{
  static const struct {
    const char *text;
    PboError    code;
    guint       line;
    const char *says;
  } cases[] = {
    { "<pbo xmlns=\"urn:libpbo:1\" version=\"1\"/>", PBO_ERROR_FORMAT, 1, "not <plan>" },
    { "<plan/>", PBO_ERROR_FORMAT, 1, "namespace" },
    { "<!DOCTYPE plan [<!ENTITY x \"y\">]>\n" PLAN_OPEN "</plan>", PBO_ERROR_FORMAT, 1,
      "DOCTYPE is not allowed" },
    { PLAN_OPEN "  <elevate org=\"b1\"/>\n</plan>", PBO_ERROR_FORMAT, 2, "not an operation" },
    { PLAN_OPEN "  <rename org=\"b1\"/>\n</plan>", PBO_ERROR_FORMAT, 2,
      "<rename> needs the attribute “name”" },
    { PLAN_OPEN "  <rename org=\"b1\" name=\"x\" colour=\"red\"/>\n</plan>", PBO_ERROR_FORMAT, 2,
      "<rename> has no attribute “colour”" },
    { PLAN_OPEN "  <move org=\"1b\" to=\"c1\"/>\n</plan>", PBO_ERROR_INVALID, 2,
      "“1b” is not a valid id" },
    { PLAN_OPEN "  <set-kind org=\"b1\" kind=\"club\"/>\n</plan>", PBO_ERROR_INVALID, 2, "club" },
    { PLAN_OPEN "\n  <convert member=\"m3\" date=\"2024-02-30\"/>\n</plan>", PBO_ERROR_INVALID, 3,
      "date" },
    { PLAN_OPEN "  <remove-member id=\"m1\" reason=\"bored\" date=\"2024-01-01\"/>\n</plan>",
      PBO_ERROR_INVALID, 2, "death, expulsion, transfer-out or left" },
    { PLAN_OPEN "  <transfer to=\"b3\"/>\n</plan>", PBO_ERROR_FORMAT, 2,
      "<transfer> needs <member> children or a <select>" },
    { PLAN_OPEN "  <transfer to=\"b3\">\n    <member id=\"m1\"/>\n    <select from=\"b1\"/>\n"
      "  </transfer>\n</plan>", PBO_ERROR_FORMAT, 4, "not both" },
    { PLAN_OPEN "  <transfer to=\"b3\">\n    <select employment=\"retired\"/>\n"
      "  </transfer>\n</plan>", PBO_ERROR_FORMAT, 3, "<select> needs the attribute “from”" },
    { PLAN_OPEN "  <split org=\"b1\" new-id=\"b9\" new-name=\"九\">\n    <select status=\"x\"/>\n"
      "  </split>\n</plan>", PBO_ERROR_INVALID, 3, "full or probationary" },
    { PLAN_OPEN "  <add-member to=\"b1\">\n    <member id=\"m9\" name=\"新\"/>\n"
      "  </add-member>\n</plan>", PBO_ERROR_FORMAT, 3, "needs the attribute “status”" },
    { PLAN_OPEN "  <rename org=\"b1\" name=\"x\">\n    <member id=\"m1\"/>\n  </rename>\n</plan>",
      PBO_ERROR_FORMAT, 3, "<member> is not allowed inside <rename>" },
    { PLAN_OPEN "  <update-member id=\"m1\" shoe-size=\"42\"/>\n</plan>", PBO_ERROR_FORMAT, 2,
      "shoe-size" },
    { PLAN_OPEN "  <update-member id=\"m1\" dues-base=\"lots\"/>\n</plan>", PBO_ERROR_INVALID, 2,
      "dues-base" },
    { PLAN_OPEN "  <merge into=\"b1\" from=\" \"/>\n</plan>", PBO_ERROR_INVALID, 2,
      "names no org" },
    { "<plan xmlns=\"urn:libpbo:1\" xmlns:hr=\"urn:hr\" hr:x=\"1\"/>", PBO_ERROR_FORMAT, 1,
      "foreign attribute" },
    { PLAN_OPEN "  <hr:note xmlns:hr=\"urn:hr\"/>\n</plan>", PBO_ERROR_FORMAT, 2,
      "no foreign content" },
    { PLAN_OPEN "  text\n</plan>", PBO_ERROR_FORMAT, 3, "text is not allowed" },
    { PLAN_OPEN "  <rename org=\"b1\" name=\"x\">", PBO_ERROR_PARSE, 2, "" },
    { "<plan xmlns=\"urn:libpbo:1\" date=\"soon\"/>", PBO_ERROR_INVALID, 1, "date" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      guint line = 0;
      PboPlan *plan = parse (cases[i].text, &error);

      ck_assert_msg (plan == NULL, "case %u was accepted", i);
      ck_assert_msg (error != NULL && error->code == (int) cases[i].code,
                     "case %u: code %d: %s", i, error ? error->code : 0,
                     error ? error->message : "");
      ck_assert (g_str_has_prefix (error->message, "plan.xml:"));
      ck_assert (pbo_error_get_position (error, &line, NULL));
      ck_assert_msg (line == cases[i].line, "case %u: line %u: %s", i, line, error->message);
      ck_assert_msg (strstr (error->message, cases[i].says) != NULL, "case %u: %s", i,
                     error->message);
      g_error_free (error);
    }
}
END_TEST

START_TEST (test_read_file)
{
  g_autofree char *path = tu_srcpath ("examples/data/wujiang-plan.xml");
  GError *error = NULL;
  g_autoptr (PboPlan) plan = pbo_plan_load_file (path, NULL, &error);
  guint line, column;

  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_plan_get_n_ops (plan), 8);
  ck_assert_int_eq (pbo_plan_get_op (plan, 0), PBO_EDIT_OP_CREATE_ORG);
  ck_assert_int_eq (pbo_plan_get_op (plan, 3), PBO_EDIT_OP_MERGE);
  ck_assert_int_eq (pbo_plan_get_op (plan, 8), PBO_EDIT_OP_NONE);
  ck_assert (pbo_plan_get_position (plan, 1, &line, &column));
  ck_assert_uint_eq (line, 13);
  ck_assert_uint_gt (column, 1);
  ck_assert_ptr_null (pbo_plan_load_file ("/nonexistent/plan.xml", NULL, &error));
  ck_assert_pbo_error (error, PBO_ERROR_IO);
}
END_TEST

/* Every operation, in one plan, on the sample tree. */
START_TEST (test_every_operation)
{
  static const char text[] =
    "<plan xmlns=\"urn:libpbo:1\" date=\"2024-03-01\" reason=\"整顿\" operator=\"组织部\">\n"
    "  <create-org id=\"b4\" kind=\"branch\" name=\"第四党支部\" parent=\"c1\" unit=\"医院\""
    " term-start=\"2024-03-01\" term-years=\"3\"/>\n"
    "  <add-member to=\"b4\">\n"
    "    <member id=\"m8\" name=\"新党员\" joined=\"2023-06-01\" status=\"probationary\""
    " employment=\"in-service\" department=\"内科\"/>\n"
    "  </add-member>\n"
    "  <convert member=\"m8\" date=\"2024-06-01\"/>\n"
    "  <update-member id=\"m8\" position=\"主任\" department=\"\"/>\n"
    "  <transfer to=\"b4\">\n    <member id=\"m1\"/>\n    <member id=\"m7\"/>\n  </transfer>\n"
    "  <appoint org=\"b4\" role=\"secretary\" member=\"m1\" since=\"2024-03-02\"/>\n"
    "  <dismiss org=\"b4\" role=\"secretary\" member=\"m1\"/>\n"
    "  <split org=\"b1\" new-id=\"b5\" new-name=\"退休支部\">\n"
    "    <select employment=\"retired\"/>\n  </split>\n"
    "  <dissolve org=\"b3\"/>\n"
    "  <merge into=\"b4\" from=\"b5\" name=\"第四联合党支部\"/>\n"
    "  <rename org=\"g1\" name=\"总支\" reason=\"更名\" date=\"2024-03-05\"/>\n"
    "  <move org=\"b4\" to=\"g1\"/>\n"
    "  <remove-member id=\"m3\" reason=\"transfer-out\" date=\"2024-04-01\"/>\n"
    "  <create-org id=\"b6\" kind=\"branch\" name=\"临时\"/>\n"
    "  <set-kind org=\"b6\" kind=\"general-branch\"/>\n"
    "</plan>\n";
  static const PboEditOp ops[] = {
    PBO_EDIT_OP_CREATE_ORG, PBO_EDIT_OP_ADD_MEMBER, PBO_EDIT_OP_CONVERT,
    PBO_EDIT_OP_UPDATE_MEMBER, PBO_EDIT_OP_TRANSFER, PBO_EDIT_OP_APPOINT, PBO_EDIT_OP_DISMISS,
    PBO_EDIT_OP_SPLIT, PBO_EDIT_OP_DISSOLVE, PBO_EDIT_OP_MERGE, PBO_EDIT_OP_RENAME,
    PBO_EDIT_OP_RENAME, PBO_EDIT_OP_MOVE, PBO_EDIT_OP_REMOVE_MEMBER, PBO_EDIT_OP_CREATE_ORG,
    PBO_EDIT_OP_SET_KIND,
  };
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autoptr (PboPlan) plan = parse_ok (text);
  GError *error = NULL;
  const PboJournalEntry *e;
  PboMember *m8;
  PboStats s;
  guint i;

  ck_assert_msg (pbo_plan_apply (tree, plan, NULL, &error), "%s", error ? error->message : "");
  ck_assert_invariants (tree);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), G_N_ELEMENTS (ops));
  for (i = 0; i < G_N_ELEMENTS (ops); i++)
    ck_assert_int_eq (pbo_journal_entry_get_op (pbo_journal_get_entry (tree, i)), ops[i]);
  m8 = pbo_tree_lookup_member (tree, "m8");
  ck_assert_int_eq (pbo_member_get_status (m8), PBO_STATUS_FULL);
  ck_assert_uint_eq (pbo_member_get_full_since (m8), 20240601);
  ck_assert_str_eq (pbo_member_get_position (m8), "主任");
  ck_assert_ptr_null (pbo_member_get_department (m8));
  ck_assert_ptr_null (pbo_tree_lookup_org (tree, "b3"));
  ck_assert_ptr_null (pbo_tree_lookup_org (tree, "b5"));
  ck_assert_ptr_null (pbo_tree_lookup_member (tree, "m3"));
  ck_assert_str_eq (pbo_org_get_name (pbo_tree_lookup_org (tree, "b4")), "第四联合党支部");
  ck_assert_str_eq (pbo_org_get_unit (pbo_tree_lookup_org (tree, "b4")), "医院");
  pbo_org_get_stats (pbo_tree_lookup_org (tree, "b4"), &s);
  ck_assert_uint_eq (s.members, 4);   /* m8, m1, m7 and the retired m2 */
  ck_assert_ptr_eq (pbo_org_get_parent (pbo_tree_lookup_org (tree, "b4")),
                    pbo_tree_lookup_org (tree, "g1"));
  ck_assert_int_eq (pbo_org_get_kind (pbo_tree_lookup_org (tree, "b6")),
                    PBO_ORG_GENERAL_BRANCH);
  ck_assert_ptr_null (pbo_org_get_parent (pbo_tree_lookup_org (tree, "b6")));
  /* The contexts: the plan's, an operation's own, remove-member's reason. */
  e = pbo_journal_get_entry (tree, 0);
  ck_assert_uint_eq (pbo_journal_entry_get_date (e), 20240301);
  ck_assert_str_eq (pbo_journal_entry_get_reason (e), "整顿");
  ck_assert_str_eq (pbo_journal_entry_get_operator (e), "组织部");
  e = pbo_journal_get_entry (tree, 11);
  ck_assert_uint_eq (pbo_journal_entry_get_date (e), 20240305);
  ck_assert_str_eq (pbo_journal_entry_get_reason (e), "更名");
  e = pbo_journal_get_entry (tree, 13);
  ck_assert_str_eq (pbo_journal_entry_get_detail (e), "transfer-out");
  ck_assert_str_eq (pbo_journal_entry_get_reason (e), "整顿");
}
END_TEST

/* A failing operation undoes the ones before it; the error says where. */
START_TEST (test_all_or_nothing)
{
  static const char text[] =
    PLAN_OPEN
    "  <rename org=\"b1\" name=\"新名\"/>\n"
    "  <transfer to=\"b3\">\n    <select from=\"g1\" employment=\"retired\"/>\n  </transfer>\n"
    "  <move org=\"c1\" to=\"gr1\"/>\n"
    "</plan>\n";
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autofree char *before = tu_save_string (tree, NULL);
  g_autofree char *after = NULL;
  g_autoptr (PboPlan) plan = parse_ok (text);
  GError *error = NULL;
  guint line = 0, column = 0;

  ck_assert (!pbo_plan_apply (tree, plan, NULL, &error));
  ck_assert_msg (g_str_has_prefix (error->message, "plan.xml:6:26: move: "), "%s",
                 error->message);
  ck_assert (pbo_error_get_position (error, &line, &column));
  ck_assert_uint_eq (line, 6);
  ck_assert_uint_eq (column, 26);
  ck_assert_str_eq (pbo_error_get_file (error), "plan.xml");
  ck_assert_pbo_error (error, PBO_ERROR_CYCLE);
  after = tu_save_string (tree, NULL);
  ck_assert_str_eq (after, before);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 0);
  ck_assert (!pbo_edit_in_transaction (tree));
  ck_assert_invariants (tree);

  /* An open transaction is the caller's: refused. */
  ck_assert (pbo_edit_begin (tree, NULL));
  ck_assert (!pbo_plan_apply (tree, plan, NULL, &error));
  ck_assert_pbo_error (error, PBO_ERROR_FAILED);
  ck_assert (pbo_edit_rollback (tree, NULL));
}
END_TEST

/* Built in memory, a plan is checked and applied as one read from XML. */
START_TEST (test_built_in_memory)
{
  static const char text[] =
    PLAN_OPEN "  <transfer to=\"b3\" date=\"2024-05-01\">\n    <member id=\"m5\"/>\n"
    "    <member id=\"m2\"/>\n  </transfer>\n</plan>\n";
  const char *attrs[] = { "to", "b3", "date", "2024-05-01", NULL };
  const char *m5[] = { "id", "m5", NULL }, *m2[] = { "id", "m2", NULL };
  const char *bad[] = { "to", "b3", "when", "now", NULL };
  const char *unknown[] = { "id", "nobody", NULL };
  g_autoptr (PboPlan) built = pbo_plan_new ();
  g_autoptr (PboPlan) read = parse_ok (text);
  g_autoptr (PboTree) a = tu_sample_tree ();
  g_autoptr (PboTree) b = tu_sample_tree ();
  g_autofree char *saved_a = NULL, *saved_b = NULL;
  GError *error = NULL;
  int index;

  ck_assert_int_eq (pbo_plan_add_op (built, PBO_EDIT_OP_TRANSFER, bad, &error), -1);
  ck_assert_pbo_error (error, PBO_ERROR_FORMAT);
  ck_assert_uint_eq (pbo_plan_get_n_ops (built), 0);
  index = pbo_plan_add_op (built, PBO_EDIT_OP_TRANSFER, attrs, &error);
  ck_assert_int_eq (index, 0);
  ck_assert (pbo_plan_add_child (built, 0, "member", m5, &error));
  ck_assert (pbo_plan_add_child (built, 0, "member", m2, &error));
  ck_assert (!pbo_plan_add_child (built, 0, "select", m5, &error));
  ck_assert_pbo_error (error, PBO_ERROR_FORMAT);
  ck_assert (!pbo_plan_get_position (built, 0, NULL, NULL));

  ck_assert (pbo_plan_apply (a, built, NULL, &error));
  ck_assert (pbo_plan_apply (b, read, NULL, &error));
  saved_a = tu_save_string (a, NULL);
  saved_b = tu_save_string (b, NULL);
  ck_assert_str_eq (saved_a, saved_b);

  /* Without a position, the error names the operation only. */
  ck_assert (pbo_plan_add_child (built, 0, "member", unknown, &error));
  ck_assert (!pbo_plan_apply (a, built, NULL, &error));
  ck_assert_str_eq (error->message, "transfer: member “nobody” is not in the tree");
  ck_assert_pbo_error (error, PBO_ERROR_UNKNOWN_ID);
}
END_TEST

/* The caller's defaults fill what neither the operation nor the plan says. */
START_TEST (test_defaults)
{
  static const char text[] = PLAN_OPEN "  <rename org=\"b1\" name=\"甲\"/>\n</plan>\n";
  PboEditContext defaults = { PBO_EDIT_CONTEXT_VERSION, 20200101, "默认", "管理员" };
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autoptr (PboPlan) plan = parse_ok (text);
  const PboJournalEntry *e;

  ck_assert (pbo_plan_apply (tree, plan, &defaults, NULL));
  e = pbo_journal_get_entry (tree, 0);
  ck_assert_uint_eq (pbo_journal_entry_get_date (e), 20200101);
  ck_assert_str_eq (pbo_journal_entry_get_reason (e), "默认");
  ck_assert_str_eq (pbo_journal_entry_get_operator (e), "管理员");
}
END_TEST

/* pbo_plan_write(): canonical, and what it writes reads back to a plan
 * that writes the same bytes and does the same to a tree. */
START_TEST (test_write_round_trip)
{
  static const char text[] =
    "<plan xmlns=\"urn:libpbo:1\" operator=\"院党委\" date=\"2024-03-01\">"
    "<create-org name=\"新支部\" id=\"b9\" kind=\"branch\" parent=\"g1\" before=\"b1\" "
    "established=\"2024-03-01\"/>"
    "<set-org org=\"b9\" term-start=\"2024-03-01\" term-years=\"3\" unit=\"\"/>"
    "<add-meeting org=\"b9\" id=\"mt1\" type=\"committee\" date=\"2024-03-02\" "
    "title=\"a &amp; &quot;b&quot;\"><absent member=\"m1\"/></add-meeting>"
    "<update-meeting org=\"b9\" id=\"mt1\" title=\"\"/>"
    "<add-recruit to=\"b1\" id=\"r9\" name=\"李\" applied=\"2023-01-01\"/>"
    "<update-recruit id=\"r9\" department=\"内科\"/>"
    "<transfer to=\"b9\"><member id=\"m1\"/><member id=\"m2\"/></transfer>"
    "<split org=\"b9\" new-id=\"b10\" new-name=\"x\" established=\"2024-03-05\">"
    "<select employment=\"in-service\"/></split>"
    "<update-member id=\"m3\" position=\"主任\" phone=\"\"/>"
    "<remove-recruit id=\"r9\"/>"
    "</plan>";
  g_autoptr (PboPlan) plan = parse_ok (text);
  g_autoptr (GString) once = g_string_new (NULL);
  g_autoptr (GString) twice = g_string_new (NULL);
  g_autoptr (PboPlan) back = NULL;
  g_autoptr (PboTree) a = tu_sample_tree ();
  g_autoptr (PboTree) b = tu_sample_tree ();
  g_autofree char *da = NULL, *db = NULL;
  GError *error = NULL;

  pbo_plan_write (plan, once);
  ck_assert (g_str_has_prefix (once->str, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<plan xmlns=\"urn:libpbo:1\" operator=\"院党委\" "
                                          "date=\"2024-03-01\">\n  <create-org id=\"b9\" "
                                          "kind=\"branch\" name=\"新支部\" parent=\"g1\""));
  ck_assert_ptr_nonnull (strstr (once->str, "  <set-org org=\"b9\" unit=\"\" "));
  back = parse_ok (once->str);
  pbo_plan_write (back, twice);
  ck_assert_str_eq (once->str, twice->str);
  ck_assert_msg (pbo_plan_apply (a, plan, NULL, &error), "%s", error ? error->message : "");
  ck_assert_msg (pbo_plan_apply (b, back, NULL, &error), "%s", error ? error->message : "");
  da = tu_dump (a);
  db = tu_dump (b);
  ck_assert_str_eq (da, db);
}
END_TEST

static Suite *
plan_suite (void)
{
  Suite *s = suite_create ("plan");
  TCase *tc = tcase_create ("plan");

  tcase_add_test (tc, test_read_errors);
  tcase_add_test (tc, test_read_file);
  tcase_add_test (tc, test_every_operation);
  tcase_add_test (tc, test_all_or_nothing);
  tcase_add_test (tc, test_built_in_memory);
  tcase_add_test (tc, test_defaults);
  tcase_add_test (tc, test_write_round_trip);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (plan_suite ());
}
