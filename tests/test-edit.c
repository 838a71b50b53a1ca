/* Check suite: the edit module — every operation's outcome and refusals,
 * transactions, the journal, undo and rewinding. */
#include "edit-testutil.h"
#include "tree-private.h"

#define ORG(id) pbo_tree_lookup_org (tree, (id))
#define MEM(id) pbo_tree_lookup_member (tree, (id))

static PboStats
stats_of (PboTree *tree, const char *id)
{
  PboStats s;
  pbo_org_get_stats (ORG (id), &s);
  return s;
}

static const PboJournalEntry *
last_entry (PboTree *tree)
{
  return pbo_journal_get_entry (tree, pbo_journal_get_n_entries (tree) - 1);
}

static const PboEditContext ctx_2024 = { PBO_EDIT_CONTEXT_VERSION, 20240115, "吴组〔2024〕1号",
                                         "组织部 王" };

/* ---- copies ---------------------------------------------------------- */

START_TEST (test_copy)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  g_autoptr (PboTree) copy = pbo_tree_copy (tree);
  g_autofree char *a = et_dump (tree);
  g_autofree char *b = et_dump (copy);
  g_autofree char *c = NULL;

  ck_assert_str_eq (a, b);
  ck_assert_invariants (copy);
  pbo_tree_remove_member (copy, pbo_tree_lookup_member (copy, "m1"));
  c = et_dump (tree);
  ck_assert_str_eq (a, c);
  ck_assert_uint_eq (pbo_tree_get_n_members (copy), 6);
}
END_TEST

/* ---- orgs -------------------------------------------------------------- */

START_TEST (test_create_org)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  PboEditOrgInfo info = PBO_EDIT_ORG_INFO_INIT;
  PboEditContext bad_ctx = PBO_EDIT_CONTEXT_INIT;
  const PboJournalEntry *e;
  PboOrg *org;

  info.parent = ORG ("g1");
  info.kind = PBO_ORG_BRANCH;
  info.id = "b4";
  info.name = "第四党支部";
  info.unit = "第一医院";
  info.established = pbo_date_make (2024, 1, 15);
  info.term_start = info.established;
  info.term_years = 3;
  ET_OK (tree, (org = pbo_edit_create_org (tree, &info, &ctx_2024, &err_)) != NULL);
  ck_assert_str_eq (pbo_org_get_unit (org), "第一医院");
  ck_assert_uint_eq (pbo_org_get_term_years (org), 3);
  ck_assert_uint_eq (stats_of (tree, "g1").branches, 3);
  ck_assert_uint_eq (stats_of (tree, "c1").branches, 4);
  e = last_entry (tree);
  ck_assert_uint_eq (pbo_journal_entry_get_seq (e), 1);
  ck_assert_int_eq (pbo_journal_entry_get_op (e), PBO_EDIT_OP_CREATE_ORG);
  ck_assert_uint_eq (pbo_journal_entry_get_date (e), 20240115);
  ck_assert_str_eq (pbo_journal_entry_get_reason (e), "吴组〔2024〕1号");
  ck_assert_str_eq (pbo_journal_entry_get_operator (e), "组织部 王");
  ck_assert_str_eq (pbo_journal_entry_get_subject (e, 0), "b4");
  ck_assert_str_eq (pbo_journal_entry_get_to (e), "g1");
  ck_assert_ptr_null (pbo_journal_entry_get_from (e));

  info.id = "b1";
  ET_REFUSED (tree, PBO_ERROR_DUPLICATE_ID, pbo_edit_create_org (tree, &info, NULL, &err_));
  info.id = "b5";
  info.term_years = 11; /* refused after the org was inserted: undone */
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_create_org (tree, &info, NULL, &err_));
  info.term_years = 3;
  info.unit = "bad\001unit";
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_create_org (tree, &info, NULL, &err_));
  info.unit = NULL;
  info.parent = ORG ("b1");
  ET_REFUSED (tree, PBO_ERROR_CONTAINMENT, pbo_edit_create_org (tree, &info, NULL, &err_));
  info.parent = NULL;
  info.kind = PBO_ORG_GROUP;
  ET_REFUSED (tree, PBO_ERROR_CONTAINMENT, pbo_edit_create_org (tree, &info, NULL, &err_));
  info.kind = PBO_ORG_BRANCH;
  info.version = 99;
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_create_org (tree, &info, NULL, &err_));
  info.version = PBO_EDIT_ORG_INFO_VERSION;
  bad_ctx.date = 20240230;
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_create_org (tree, &info, &bad_ctx, &err_));
  bad_ctx.date = PBO_DATE_NONE;
  bad_ctx.version = 0;
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_create_org (tree, &info, &bad_ctx, &err_));
  bad_ctx.version = PBO_EDIT_CONTEXT_VERSION;
  bad_ctx.reason = "\xff";
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_create_org (tree, &info, &bad_ctx, &err_));
}
END_TEST

START_TEST (test_rename_and_set_kind)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  const PboJournalEntry *e;

  ET_OK (tree, pbo_edit_rename (tree, ORG ("b3"), "机关党支部", NULL, &err_));
  ck_assert_str_eq (pbo_org_get_name (ORG ("b3")), "机关党支部");
  e = last_entry (tree);
  ck_assert_str_eq (pbo_journal_entry_get_from (e), "组织 b3");
  ck_assert_str_eq (pbo_journal_entry_get_to (e), "机关党支部");
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_rename (tree, ORG ("b3"), "", NULL, &err_));

  /* A branch with members cannot become a general branch; an empty one can. */
  ET_REFUSED (tree, PBO_ERROR_CONTAINMENT,
              pbo_edit_set_kind (tree, ORG ("b3"), PBO_ORG_GENERAL_BRANCH, NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_CONTAINMENT,
              pbo_edit_set_kind (tree, ORG ("g1"), PBO_ORG_BRANCH, NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_set_kind (tree, ORG ("g1"), PBO_ORG_NONE, NULL, &err_));
  ET_OK (tree, pbo_edit_set_kind (tree, ORG ("g1"), PBO_ORG_COMMITTEE, NULL, &err_));
  ck_assert_uint_eq (stats_of (tree, "c1").committees, 1);
  ck_assert_uint_eq (stats_of (tree, "c1").general_branches, 0);
  e = last_entry (tree);
  ck_assert_str_eq (pbo_journal_entry_get_from (e), "general-branch");
  ck_assert_str_eq (pbo_journal_entry_get_to (e), "committee");
}
END_TEST

START_TEST (test_move)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  const PboJournalEntry *e;
  const char *org_id, *member_id;
  PboRole role;

  /* b1 leaves g1 and c1: the offices there held by b1's members go. */
  ET_OK (tree, pbo_edit_move (tree, ORG ("b1"), NULL, NULL, &err_));
  ck_assert_ptr_null (pbo_org_get_parent (ORG ("b1")));
  ck_assert_uint_eq (stats_of (tree, "c1").members, 4);
  ck_assert_uint_eq (stats_of (tree, "g1").branches, 1);
  ck_assert_ptr_null (pbo_org_find_officer (ORG ("c1"), PBO_ROLE_SECRETARY));
  ck_assert_ptr_nonnull (pbo_org_find_officer (ORG ("b1"), PBO_ROLE_SECRETARY));
  e = last_entry (tree);
  ck_assert_str_eq (pbo_journal_entry_get_from (e), "g1");
  ck_assert_ptr_null (pbo_journal_entry_get_to (e));
  ck_assert_uint_eq (pbo_journal_entry_get_n_vacated (e), 1);
  ck_assert (pbo_journal_entry_get_vacated (e, 0, &org_id, &role, &member_id));
  ck_assert_str_eq (org_id, "c1");
  ck_assert_int_eq (role, PBO_ROLE_SECRETARY);
  ck_assert_str_eq (member_id, "m1");
  ck_assert (!pbo_journal_entry_get_vacated (e, 1, NULL, NULL, NULL));

  ET_OK (tree, pbo_edit_move (tree, ORG ("b1"), ORG ("g1"), NULL, &err_));
  ck_assert_uint_eq (stats_of (tree, "c1").members, 7);
  ET_REFUSED (tree, PBO_ERROR_CYCLE, pbo_edit_move (tree, ORG ("c1"), ORG ("b1"), NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_CYCLE, pbo_edit_move (tree, ORG ("g1"), ORG ("g1"), NULL, &err_));
  /* Refused after the offices of c1 held in g1 were vacated: all put back. */
  ET_REFUSED (tree, PBO_ERROR_CONTAINMENT,
              pbo_edit_move (tree, ORG ("g1"), ORG ("b3"), NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_CONTAINMENT, pbo_edit_move (tree, ORG ("gr1"), NULL, NULL, &err_));
}
END_TEST

/* ---- transfers ---------------------------------------------------------- */

START_TEST (test_transfer)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  const char *ids[] = { "m1", "m3" };
  const char *bad[] = { "m2", "nobody" };
  const char *to_gb[] = { "m4", "m1" };
  PboSelector sel = PBO_SELECTOR_INIT;
  const PboJournalEntry *e;

  ET_OK (tree, pbo_edit_transfer (tree, ids, 2, ORG ("b3"), &ctx_2024, &err_));
  ck_assert_uint_eq (stats_of (tree, "b3").members, 3);
  ck_assert_uint_eq (stats_of (tree, "b1").members, 1);
  ck_assert_uint_eq (stats_of (tree, "g1").members, 4);
  ck_assert_ptr_null (pbo_org_find_officer (ORG ("b1"), PBO_ROLE_SECRETARY));
  ck_assert_ptr_eq (pbo_org_find_officer (ORG ("c1"), PBO_ROLE_SECRETARY), MEM ("m1"));
  e = last_entry (tree);
  ck_assert_uint_eq (pbo_journal_entry_get_n_subjects (e), 2);
  ck_assert_str_eq (pbo_journal_entry_get_subject (e, 1), "m3");
  ck_assert_ptr_null (pbo_journal_entry_get_subject (e, 2));
  ck_assert_str_eq (pbo_journal_entry_get_to (e), "b3");

  ET_REFUSED (tree, PBO_ERROR_UNKNOWN_ID,
              pbo_edit_transfer (tree, bad, 2, ORG ("b3"), NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_transfer (tree, NULL, 0, ORG ("b3"), NULL, &err_));
  /* m4's offices in g1 are vacated before the core refuses the target. */
  ET_REFUSED (tree, PBO_ERROR_CONTAINMENT,
              pbo_edit_transfer (tree, to_gb, 2, ORG ("g1"), NULL, &err_));

  /* Selected: the retired members of c1's subtree. */
  sel.from = ORG ("c1");
  sel.employment = PBO_EMPLOYMENT_RETIRED;
  ET_OK (tree, pbo_edit_transfer_selected (tree, &sel, ORG ("gr1"), NULL, &err_));
  ck_assert_uint_eq (stats_of (tree, "gr1").members, 3);
  ck_assert_uint_eq (stats_of (tree, "gr1").retired, 2);
  ck_assert_uint_eq (stats_of (tree, "b1").members, 0);
  e = last_entry (tree);
  ck_assert_str_eq (pbo_journal_entry_get_from (e), "c1");
  ck_assert_uint_eq (pbo_journal_entry_get_n_subjects (e), 1); /* m6 was there already */
  sel.version = 7;
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_transfer_selected (tree, &sel, ORG ("b3"), NULL, &err_));
  sel.version = PBO_SELECTOR_VERSION;
  sel.status = (PboStatus) 9;
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_transfer_selected (tree, &sel, ORG ("b3"), NULL, &err_));
}
END_TEST

START_TEST (test_select)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  PboSelector sel = PBO_SELECTOR_INIT;
  g_autoptr (GPtrArray) all = NULL, dept = NULL, none = NULL;
  GError *error = NULL;

  ck_assert_ptr_null (pbo_edit_select (tree, &sel, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  sel.from = ORG ("c1");
  all = pbo_edit_select (tree, &sel, &error);
  ck_assert_uint_eq (all->len, 7);
  sel.department = "内科";
  dept = pbo_edit_select (tree, &sel, &error);
  ck_assert_uint_eq (dept->len, 2);
  sel.status = PBO_STATUS_PROBATIONARY;
  none = pbo_edit_select (tree, &sel, &error);
  ck_assert_uint_eq (none->len, 0);
}
END_TEST

/* ---- merge, split, dissolve ---------------------------------------------- */

START_TEST (test_merge)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  PboOrg *sources[] = { ORG ("b1"), ORG ("b2") };
  PboOrg *twice[] = { ORG ("b3"), ORG ("b3") };
  PboOrg *gb[] = { ORG ("g1") };
  PboOrg *top[] = { ORG ("c1") };
  const PboJournalEntry *e;
  PboStats s;

  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_merge (tree, sources, 0, ORG ("b3"), NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_merge (tree, twice, 2, ORG ("b1"), NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_merge (tree, twice, 1, ORG ("b3"), NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_CYCLE, pbo_edit_merge (tree, top, 1, ORG ("b1"), NULL, &err_));
  /* g1's officers are vacated, then its branches cannot go into a branch. */
  ET_REFUSED (tree, PBO_ERROR_CONTAINMENT, pbo_edit_merge (tree, gb, 1, ORG ("b3"), NULL, &err_));
  /* b2's group moves first, then its member m4 cannot go to a committee. */
  ET_REFUSED (tree, PBO_ERROR_CONTAINMENT,
              pbo_edit_merge (tree, sources + 1, 1, ORG ("c1"), NULL, &err_));

  ET_OK (tree, pbo_edit_merge (tree, sources, 2, ORG ("b3"), &ctx_2024, &err_));
  ck_assert_ptr_null (ORG ("b1"));
  ck_assert_ptr_null (ORG ("b2"));
  s = stats_of (tree, "b3");
  ck_assert_uint_eq (s.members, 7);
  ck_assert_uint_eq (s.direct_members, 5);
  ck_assert_uint_eq (s.groups, 1);
  ck_assert_ptr_eq (pbo_org_get_parent (ORG ("gr1")), ORG ("b3"));
  ck_assert_uint_eq (stats_of (tree, "g1").branches, 0);
  ck_assert_uint_eq (pbo_tree_get_n_orgs (tree), 4);
  /* The target kept its (no) officers; c1 kept its own; g1 lost those held
   * by members who left its subtree. */
  ck_assert_uint_eq (pbo_org_get_n_officers (ORG ("b3")), 0);
  ck_assert_uint_eq (pbo_org_get_n_officers (ORG ("c1")), 3);
  ck_assert_uint_eq (pbo_org_get_n_officers (ORG ("g1")), 0);
  ck_assert_uint_eq (pbo_org_get_n_officers (ORG ("gr1")), 1);
  e = last_entry (tree);
  ck_assert_int_eq (pbo_journal_entry_get_op (e), PBO_EDIT_OP_MERGE);
  ck_assert_str_eq (pbo_journal_entry_get_subject (e, 0), "b1");
  ck_assert_str_eq (pbo_journal_entry_get_subject (e, 1), "b2");
  ck_assert_str_eq (pbo_journal_entry_get_to (e), "b3");
  /* b1: secretary m1, organization m2; g1: secretary m4 and deputy m5 as
   * they leave it; b2: propaganda m5. */
  ck_assert_uint_eq (pbo_journal_entry_get_n_vacated (e), 5);
}
END_TEST

START_TEST (test_split)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  PboSelector sel = PBO_SELECTOR_INIT;
  PboOrg *b1x;

  sel.status = PBO_STATUS_FULL;
  ET_REFUSED (tree, PBO_ERROR_CONTAINMENT,
              pbo_edit_split (tree, ORG ("g1"), &sel, "x", "新支部", NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_DUPLICATE_ID,
              pbo_edit_split (tree, ORG ("b1"), &sel, "b2", "新支部", NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_split (tree, ORG ("b1"), &sel, "b1x", "", NULL, &err_));
  sel.from = ORG ("b3");
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_split (tree, ORG ("b1"), &sel, "b1x", "新支部", NULL, &err_));
  sel.from = NULL;
  sel.department = "外科";
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_split (tree, ORG ("b1"), &sel, "b1x", "新支部", NULL, &err_));

  sel.department = NULL;
  sel.employment = PBO_EMPLOYMENT_RETIRED;
  ET_OK (tree, (b1x = pbo_edit_split (tree, ORG ("b1"), &sel, "b1x", "离退休党支部", NULL,
                                      &err_)) != NULL);
  ck_assert_ptr_eq (pbo_org_get_next (ORG ("b1")), b1x);
  ck_assert_ptr_eq (pbo_org_get_next (b1x), ORG ("b2"));
  ck_assert_str_eq (pbo_org_get_unit (b1x), "第一医院");
  ck_assert_uint_eq (stats_of (tree, "b1x").members, 1);
  ck_assert_uint_eq (stats_of (tree, "b1").members, 2);
  ck_assert_uint_eq (stats_of (tree, "g1").branches, 3);
  /* m2 was organization officer of b1: vacated. */
  ck_assert_ptr_null (pbo_org_find_officer (ORG ("b1"), PBO_ROLE_ORGANIZATION));
  ck_assert_str_eq (pbo_journal_entry_get_subject (last_entry (tree), 0), "m2");
}
END_TEST

START_TEST (test_dissolve)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  PboEditOrgInfo info = PBO_EDIT_ORG_INFO_INIT;

  ET_REFUSED (tree, PBO_ERROR_NOT_EMPTY, pbo_edit_dissolve (tree, ORG ("g1"), ORG ("b3"), NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_dissolve (tree, ORG ("b2"), NULL, NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_dissolve (tree, ORG ("b2"), ORG ("gr1"), NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_CONTAINMENT, pbo_edit_dissolve (tree, ORG ("b2"), ORG ("g1"), NULL, &err_));

  ET_OK (tree, pbo_edit_dissolve (tree, ORG ("b2"), ORG ("b1"), &ctx_2024, &err_));
  ck_assert_ptr_null (ORG ("b2"));
  ck_assert_ptr_null (ORG ("gr1"));
  ck_assert_uint_eq (stats_of (tree, "b1").members, 6);
  ck_assert_uint_eq (stats_of (tree, "g1").branches, 1);
  ck_assert_uint_eq (stats_of (tree, "g1").groups, 0);
  ck_assert_uint_eq (pbo_tree_get_n_orgs (tree), 4);
  ck_assert_uint_eq (pbo_journal_entry_get_n_subjects (last_entry (tree)), 1);
  ck_assert_str_eq (pbo_journal_entry_get_to (last_entry (tree)), "b1");

  /* An org without members needs nowhere to send them. */
  info.parent = ORG ("c1");
  info.kind = PBO_ORG_GENERAL_BRANCH;
  info.id = "g2";
  info.name = "空总支";
  ET_OK (tree, pbo_edit_create_org (tree, &info, NULL, &err_));
  ET_OK (tree, pbo_edit_dissolve (tree, ORG ("g2"), NULL, NULL, &err_));
  ck_assert_ptr_null (ORG ("g2"));
}
END_TEST

/* ---- officers and members ------------------------------------------------ */

START_TEST (test_officers)
{
  g_autoptr (PboTree) tree = et_rich_tree ();

  ET_OK (tree, pbo_edit_appoint (tree, ORG ("b3"), PBO_ROLE_SECRETARY, MEM ("m7"),
                                 pbo_date_make (2024, 1, 1), NULL, &err_));
  ck_assert_ptr_eq (pbo_org_find_officer (ORG ("b3"), PBO_ROLE_SECRETARY), MEM ("m7"));
  ck_assert_str_eq (pbo_journal_entry_get_detail (last_entry (tree)), "secretary");
  ck_assert_str_eq (pbo_journal_entry_get_to (last_entry (tree)), "b3");
  ET_REFUSED (tree, PBO_ERROR_INCONSISTENT,
              pbo_edit_appoint (tree, ORG ("b3"), PBO_ROLE_SECRETARY, MEM ("m7"), 0, NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_INCONSISTENT,
              pbo_edit_appoint (tree, ORG ("b3"), PBO_ROLE_DISCIPLINE, MEM ("m1"), 0, NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_appoint (tree, ORG ("b3"), PBO_ROLE_NONE, MEM ("m7"), 0, NULL, &err_));
  ET_OK (tree, pbo_edit_dismiss (tree, ORG ("c1"), PBO_ROLE_COMMITTEE_MEMBER, MEM ("m4"), NULL,
                                 &err_));
  ck_assert_uint_eq (pbo_org_get_n_officers (ORG ("c1")), 2);
  ck_assert_str_eq (pbo_journal_entry_get_from (last_entry (tree)), "c1");
  ET_REFUSED (tree, PBO_ERROR_UNKNOWN_ID,
              pbo_edit_dismiss (tree, ORG ("c1"), PBO_ROLE_COMMITTEE_MEMBER, MEM ("m4"), NULL,
                                &err_));
}
END_TEST

START_TEST (test_members)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  const char *promote[] = { "status", "full", "full-since", "2012-01-01", NULL, NULL };
  const char *half[] = { "position", "主任", "status", "full", NULL, NULL };
  const char *unknown[] = { "position", "主任", "colour", "red", NULL, NULL };
  const char *empty[] = { NULL };
  PboEditContext early = PBO_EDIT_CONTEXT_INIT, on = PBO_EDIT_CONTEXT_INIT;
  PboMember *m;

  info.id = "m8";
  info.name = "新党员";
  info.status = PBO_STATUS_PROBATIONARY;
  info.employment = PBO_EMPLOYMENT_IN_SERVICE;
  info.joined = pbo_date_make (2023, 6, 20);
  ET_OK (tree, (m = pbo_edit_add_member (tree, ORG ("b3"), &info, NULL, &err_)) != NULL);
  ck_assert_uint_eq (stats_of (tree, "c1").probationary, 2);
  ET_REFUSED (tree, PBO_ERROR_DUPLICATE_ID, pbo_edit_add_member (tree, ORG ("b3"), &info, NULL, &err_));
  info.id = "m9";
  ET_REFUSED (tree, PBO_ERROR_CONTAINMENT, pbo_edit_add_member (tree, ORG ("g1"), &info, NULL, &err_));

  /* Out of order, yet consistent as a whole. */
  ET_OK (tree, pbo_edit_update_member (tree, MEM ("m3"), promote, NULL, &err_));
  ck_assert_int_eq (pbo_member_get_status (MEM ("m3")), PBO_STATUS_FULL);
  ck_assert_str_eq (pbo_journal_entry_get_detail (last_entry (tree)), "status full-since");
  ET_REFUSED (tree, PBO_ERROR_INCONSISTENT, pbo_edit_update_member (tree, m, half, NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_update_member (tree, m, unknown, NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_update_member (tree, m, empty, NULL, &err_));

  /* 转正 */
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_convert (tree, m, NULL, &err_));
  early.date = pbo_date_make (2020, 1, 1);
  ET_REFUSED (tree, PBO_ERROR_INCONSISTENT, pbo_edit_convert (tree, m, &early, &err_));
  on.date = pbo_date_make (2024, 6, 20);
  ET_REFUSED (tree, PBO_ERROR_INCONSISTENT, pbo_edit_convert (tree, MEM ("m1"), &on, &err_));
  ET_OK (tree, pbo_edit_convert (tree, m, &on, &err_));
  ck_assert_int_eq (pbo_member_get_status (m), PBO_STATUS_FULL);
  ck_assert_uint_eq (pbo_member_get_full_since (m), 20240620);
  ck_assert_uint_eq (stats_of (tree, "c1").probationary, 0);
  ck_assert_str_eq (pbo_journal_entry_get_to (last_entry (tree)), "full");

  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_remove_member (tree, m, PBO_REMOVAL_NONE, NULL, &err_));
  ET_OK (tree, pbo_edit_remove_member (tree, MEM ("m1"), PBO_REMOVAL_TRANSFER_OUT, NULL, &err_));
  ck_assert_ptr_null (MEM ("m1"));
  ck_assert_ptr_null (pbo_org_find_officer (ORG ("c1"), PBO_ROLE_SECRETARY));
  ck_assert_str_eq (pbo_journal_entry_get_detail (last_entry (tree)), "transfer-out");
  ck_assert_str_eq (pbo_journal_entry_get_from (last_entry (tree)), "b1");
  ck_assert_uint_eq (pbo_journal_entry_get_n_vacated (last_entry (tree)), 2);
}
END_TEST

/* ---- undo, transactions, rewinding ----------------------------------------- */

typedef gboolean (*OpFunc) (PboTree *tree, GError **error);

static gboolean
op_create (PboTree *tree, GError **error)
{
  PboEditOrgInfo info = PBO_EDIT_ORG_INFO_INIT;
  info.parent = ORG ("c1");
  info.kind = PBO_ORG_BRANCH;
  info.id = "b9";
  info.name = "新支部";
  info.unit = "单位";
  return pbo_edit_create_org (tree, &info, NULL, error) != NULL;
}
static gboolean op_rename (PboTree *tree, GError **error)
{ return pbo_edit_rename (tree, ORG ("b1"), "改名", NULL, error); }
static gboolean op_kind (PboTree *tree, GError **error)
{ return pbo_edit_set_kind (tree, ORG ("g1"), PBO_ORG_COMMITTEE, NULL, error); }
static gboolean op_move (PboTree *tree, GError **error)
{ return pbo_edit_move (tree, ORG ("b2"), NULL, NULL, error); }
static gboolean op_transfer (PboTree *tree, GError **error)
{
  const char *ids[] = { "m5", "m1", "m4" };
  return pbo_edit_transfer (tree, ids, 3, ORG ("b3"), NULL, error);
}
static gboolean op_merge (PboTree *tree, GError **error)
{
  PboOrg *src[] = { ORG ("b2"), ORG ("b1") };
  return pbo_edit_merge (tree, src, 2, ORG ("b3"), NULL, error);
}
static gboolean op_merge_up (PboTree *tree, GError **error)
{
  PboOrg *src[] = { ORG ("g1") };
  return pbo_edit_merge (tree, src, 1, ORG ("c1"), NULL, error);
}
static gboolean op_split (PboTree *tree, GError **error)
{
  PboSelector sel = PBO_SELECTOR_INIT;
  sel.status = PBO_STATUS_FULL;
  return pbo_edit_split (tree, ORG ("b2"), &sel, "b2x", "分出", NULL, error) != NULL;
}
static gboolean op_dissolve (PboTree *tree, GError **error)
{ return pbo_edit_dissolve (tree, ORG ("b1"), ORG ("gr1"), NULL, error); }
static gboolean op_appoint (PboTree *tree, GError **error)
{ return pbo_edit_appoint (tree, ORG ("c1"), PBO_ROLE_DISCIPLINE, MEM ("m6"), 20240101, NULL, error); }
static gboolean op_dismiss (PboTree *tree, GError **error)
{ return pbo_edit_dismiss (tree, ORG ("c1"), PBO_ROLE_SECRETARY, MEM ("m1"), NULL, error); }
static gboolean op_update (PboTree *tree, GError **error)
{
  const char *attrs[] = { "phone", NULL, "department", "外科", "born", "1976-02-03", NULL, NULL };
  return pbo_edit_update_member (tree, MEM ("m1"), attrs, NULL, error);
}
static gboolean op_convert (PboTree *tree, GError **error)
{
  PboEditContext ctx = PBO_EDIT_CONTEXT_INIT;
  ctx.date = 20240701;
  return pbo_edit_convert (tree, MEM ("m3"), &ctx, error);
}
static gboolean op_remove (PboTree *tree, GError **error)
{ return pbo_edit_remove_member (tree, MEM ("m1"), PBO_REMOVAL_DEATH, NULL, error); }
static const OpFunc all_ops[] = {
  op_create, op_rename, op_kind, op_move, op_transfer, op_merge, op_merge_up, op_split,
  op_dissolve, op_appoint, op_dismiss, op_update, op_convert, op_remove,
};

/* A sequence in which each operation finds what it needs. */
static const OpFunc history_ops[] = { op_create, op_appoint, op_update, op_convert, op_transfer,
                                      op_split, op_rename, op_remove, op_merge, op_kind };

/* Every operation, undone at once, leaves the tree byte-identical. */
START_TEST (test_undo_each)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  g_autofree char *before = et_dump (tree);
  g_autofree char *after = NULL, *redone = NULL;
  g_autofree char *again = NULL;

  ET_OK (tree, all_ops[_i] (tree, &err_));
  after = et_dump (tree);
  ck_assert_str_ne (before, after);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 1);
  ET_OK (tree, pbo_edit_undo_last (tree, &err_));
  again = et_dump (tree);
  ck_assert_str_eq (before, again);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 0);
  /* And it can be done again, the same way. */
  ET_OK (tree, all_ops[_i] (tree, &err_));
  redone = et_dump (tree);
  ck_assert_str_eq (after, redone);
  ck_assert_uint_eq (pbo_journal_entry_get_seq (last_entry (tree)), 1);
}
END_TEST

/* All operations in a row; rewind to each entry; undo them one by one. */
START_TEST (test_history)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  g_autoptr (GPtrArray) dumps = g_ptr_array_new_with_free_func (g_free);
  const OpFunc *seq = history_ops;
  PboEditContext ctx = PBO_EDIT_CONTEXT_INIT;
  guint i;
  GError *error = NULL;

  g_ptr_array_add (dumps, et_dump (tree));
  for (i = 0; i < G_N_ELEMENTS (history_ops); i++)
    {
      ET_OK (tree, seq[i] (tree, &err_));
      g_ptr_array_add (dumps, et_dump (tree));
    }
  for (i = 0; i <= G_N_ELEMENTS (history_ops); i++)
    {
      g_autoptr (PboTree) past = pbo_edit_tree_at (tree, i, &error);
      g_autofree char *d = NULL;
      ck_assert_no_error (error);
      ck_assert_invariants (past);
      d = et_dump (past);
      ck_assert_str_eq (d, g_ptr_array_index (dumps, i));
      ck_assert_uint_eq (pbo_journal_get_n_entries (past), 0);
    }
  ck_assert_ptr_null (pbo_edit_tree_at (tree, 99, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_ptr_null (pbo_edit_tree_on (tree, 20241301, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);

  /* Dated history: one more entry in 2030, rewound by date. */
  ctx.date = 20300101;
  ET_OK (tree, pbo_edit_rename (tree, ORG ("b3"), "将来", &ctx, &err_));
  {
    g_autoptr (PboTree) then = pbo_edit_tree_on (tree, 20291231, &error);
    g_autoptr (PboTree) now = pbo_edit_tree_on (tree, 20300101, &error);
    g_autoptr (PboTree) ancient = pbo_edit_tree_on (tree, 19990101, &error);
    g_autofree char *d1 = et_dump (then), *d2 = et_dump (now), *d3 = et_dump (tree);
    g_autofree char *d4 = et_dump (ancient);
    ck_assert_str_eq (d1, g_ptr_array_index (dumps, G_N_ELEMENTS (history_ops)));
    ck_assert_str_eq (d2, d3);
    ck_assert_str_eq (d4, g_ptr_array_index (dumps, 0));
  }
  ET_OK (tree, pbo_edit_undo_last (tree, &err_));

  for (i = G_N_ELEMENTS (history_ops); i > 0; i--)
    {
      g_autofree char *d = NULL;
      ET_OK (tree, pbo_edit_undo_last (tree, &err_));
      d = et_dump (tree);
      ck_assert_str_eq (d, g_ptr_array_index (dumps, i - 1));
    }
  ET_REFUSED (tree, PBO_ERROR_FAILED, pbo_edit_undo_last (tree, &err_));
}
END_TEST

START_TEST (test_transactions)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  g_autofree char *before = et_dump (tree);
  g_autofree char *after = NULL, *mid = NULL, *committed = NULL;
  GError *error = NULL;
  guint i;

  ck_assert (!pbo_edit_in_transaction (tree));
  ET_REFUSED (tree, PBO_ERROR_FAILED, pbo_edit_commit (tree, &err_));
  ET_REFUSED (tree, PBO_ERROR_FAILED, pbo_edit_rollback (tree, &err_));
  ET_OK (tree, pbo_edit_begin (tree, &err_));
  ck_assert (pbo_edit_in_transaction (tree));
  ck_assert (!pbo_edit_begin (tree, &error));
  ck_assert_pbo_error (error, PBO_ERROR_FAILED);
  for (i = 0; i < G_N_ELEMENTS (history_ops); i++)
    ET_OK (tree, history_ops[i] (tree, &err_));
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 0);
  ET_REFUSED (tree, PBO_ERROR_FAILED, pbo_edit_undo_last (tree, &err_));
  ck_assert_ptr_null (pbo_edit_tree_at (tree, 0, &error));
  ck_assert_pbo_error (error, PBO_ERROR_FAILED);
  ET_OK (tree, pbo_edit_rollback (tree, &err_));
  after = et_dump (tree);
  ck_assert_str_eq (before, after);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 0);

  /* Commit: a refused operation inside does not end the transaction. */
  ET_OK (tree, pbo_edit_begin (tree, &err_));
  ET_OK (tree, op_rename (tree, &err_));
  ET_REFUSED (tree, PBO_ERROR_CYCLE, pbo_edit_move (tree, ORG ("c1"), ORG ("b1"), NULL, &err_));
  ck_assert (pbo_edit_in_transaction (tree));
  ET_OK (tree, op_merge (tree, &err_));
  mid = et_dump (tree);
  ET_OK (tree, pbo_edit_commit (tree, &err_));
  committed = et_dump (tree);
  ck_assert_str_eq (mid, committed);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 2);
  ck_assert_uint_eq (pbo_journal_entry_get_seq (pbo_journal_get_entry (tree, 1)), 2);
  ck_assert_ptr_null (pbo_journal_get_entry (tree, 2));
}
END_TEST

/* The tree changed behind the journal's back: the undo fails midway and
 * takes back what it had done. (The builders refuse a journaled tree, so
 * the outside change is planted with the internal insertion.) */
START_TEST (test_undo_after_outside_change)
{
  g_autoptr (PboTree) tree = et_rich_tree ();

  ET_OK (tree, op_merge (tree, &err_));
  /* b1 was merged second; an outside org now takes its id. */
  ck_assert_ptr_nonnull (pbo_tree_insert_org_ (tree, ORG ("c1"), NULL, PBO_ORG_BRANCH, "b1",
                                               "外来", NULL));
  ET_REFUSED (tree, PBO_ERROR_DUPLICATE_ID, pbo_edit_undo_last (tree, &err_));
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 1);
  {
    GError *error = NULL;
    ck_assert_ptr_null (pbo_edit_tree_at (tree, 0, &error));
    ck_assert_pbo_error (error, PBO_ERROR_DUPLICATE_ID);
  }
}
END_TEST

START_TEST (test_spellings)
{
  int i;

  for (i = 1; i <= PBO_EDIT_OP_ADMIT; i++)
    ck_assert_int_eq (pbo_edit_op_from_string (pbo_edit_op_to_string (i)), i);
  for (i = 1; i <= PBO_REMOVAL_LEFT; i++)
    ck_assert_int_eq (pbo_removal_reason_from_string (pbo_removal_reason_to_string (i)), i);
  ck_assert_ptr_null (pbo_edit_op_to_string (PBO_EDIT_OP_NONE));
  ck_assert_ptr_null (pbo_edit_op_to_string (99));
  ck_assert_int_eq (pbo_edit_op_from_string ("Merge"), PBO_EDIT_OP_NONE);
  ck_assert_int_eq (pbo_removal_reason_from_string (NULL), PBO_REMOVAL_NONE);
  ck_assert_str_eq (pbo_edit_op_to_string (PBO_EDIT_OP_CREATE_ORG), "create-org");
  ck_assert_str_eq (pbo_removal_reason_to_string (PBO_REMOVAL_TRANSFER_OUT), "transfer-out");
}
END_TEST

/* The refusal names what is wrong — the date — not a consequence of it. */
START_TEST (test_refusals_name_the_cause)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboEditContext early = PBO_EDIT_CONTEXT_INIT;
  const char *const backdated[] = { "full-since", "2001-01-01", "status", "full", NULL };
  GError *error = NULL;

  early.date = pbo_date_make (2009, 1, 1);
  ck_assert (!pbo_edit_convert (tree, pbo_tree_lookup_member (tree, "m3"), &early, &error));
  ck_assert_msg (strstr (error->message, "2009-01-01") != NULL
                 && strstr (error->message, "2010-07-01") != NULL
                 && strstr (error->message, "needs full-since") == NULL, "%s", error->message);
  ck_assert_pbo_error (error, PBO_ERROR_INCONSISTENT);
  ck_assert (!pbo_edit_update_member (tree, pbo_tree_lookup_member (tree, "m3"), backdated, NULL,
                                      &error));
  ck_assert_msg (strstr (error->message, "full-since is before joined") != NULL, "%s",
                 error->message);
  ck_assert_pbo_error (error, PBO_ERROR_INCONSISTENT);
  ck_assert_int_eq (pbo_member_get_status (pbo_tree_lookup_member (tree, "m3")),
                    PBO_STATUS_PROBATIONARY);
}
END_TEST

static Suite *
edit_suite (void)
{
  Suite *s = suite_create ("edit");
  TCase *tc = tcase_create ("operations");

  tcase_add_test (tc, test_copy);
  tcase_add_test (tc, test_create_org);
  tcase_add_test (tc, test_rename_and_set_kind);
  tcase_add_test (tc, test_move);
  tcase_add_test (tc, test_transfer);
  tcase_add_test (tc, test_select);
  tcase_add_test (tc, test_merge);
  tcase_add_test (tc, test_split);
  tcase_add_test (tc, test_dissolve);
  tcase_add_test (tc, test_officers);
  tcase_add_test (tc, test_members);
  suite_add_tcase (s, tc);
  tc = tcase_create ("journal");
  tcase_add_loop_test (tc, test_undo_each, 0, G_N_ELEMENTS (all_ops));
  tcase_add_test (tc, test_history);
  tcase_add_test (tc, test_transactions);
  tcase_add_test (tc, test_undo_after_outside_change);
  tcase_add_test (tc, test_spellings);
  tcase_add_test (tc, test_refusals_name_the_cause);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (edit_suite ());
}
