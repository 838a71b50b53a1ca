/* Check suite: the journal in format v1 — saved by the writer, read back by
 * the loader as history-only entries. */
#include <string.h>
#include "testutil.h"

/* Runs @expr, which must succeed; its GError is `err_`. */
#define OK(expr)                                                                  \
  do {                                                                            \
    GError *err_ = NULL;                                                          \
    gboolean ok_ = (expr) ? TRUE : FALSE;                                         \
    ck_assert_msg (ok_, "%s: %s", #expr, err_ != NULL ? err_->message : "?");     \
  } while (0)

/* The sample tree after three journaled operations: a rename with a reason
 * that needs escaping, a move that vacates offices, a transfer. */
static PboTree *
edited_tree (void)
{
  PboTree *tree = tu_sample_tree ();
  PboEditContext ctx = { PBO_EDIT_CONTEXT_VERSION, 20240301, "决定 \"1\" & <2>\n第二行", "组织部" };
  const char *ids[] = { "m5", "m6" };

  OK (pbo_org_add_officer (tree, pbo_tree_lookup_org (tree, "g1"), PBO_ROLE_SECRETARY,
                           pbo_tree_lookup_member (tree, "m4"), PBO_DATE_NONE, &err_));
  OK (pbo_edit_rename (tree, pbo_tree_lookup_org (tree, "b1"), "内科党支部", &ctx, &err_));
  ctx.reason = NULL;
  ctx.date = 20240302;
  OK (pbo_edit_move (tree, pbo_tree_lookup_org (tree, "b2"), pbo_tree_lookup_org (tree, "c1"),
                     &ctx, &err_));
  OK (pbo_edit_transfer (tree, ids, 2, pbo_tree_lookup_org (tree, "b3"), NULL, &err_));
  return tree;
}

START_TEST (test_saved_and_loaded)
{
  g_autoptr (PboTree) tree = edited_tree ();
  g_autofree char *text = tu_save_string (tree, NULL);
  g_autoptr (PboTree) back = tu_load_string (text);
  g_autofree char *again = tu_save_string (back, NULL);
  const PboJournalEntry *e;
  const char *org, *member;
  PboRole role;
  guint i;

  ck_assert_str_eq (again, text);
  ck_assert_ptr_nonnull (strstr (text, "  <journal>\n    <entry seq=\"1\" date=\"2024-03-01\" "
                                       "op=\"rename\" reason=\"决定 &quot;1&quot; &amp; &lt;2&gt;"
                                       "&#10;第二行\" operator=\"组织部\" from=\"组织 b1\" "
                                       "to=\"内科党支部\" undo=\"[("));
  ck_assert_uint_eq (pbo_journal_get_n_entries (back), 3);
  for (i = 0; i < 3; i++)
    {
      const PboJournalEntry *a = pbo_journal_get_entry (tree, i);
      const PboJournalEntry *b = pbo_journal_get_entry (back, i);
      guint k;
      ck_assert_uint_eq (pbo_journal_entry_get_seq (a), pbo_journal_entry_get_seq (b));
      ck_assert_uint_eq (pbo_journal_entry_get_date (a), pbo_journal_entry_get_date (b));
      ck_assert_int_eq (pbo_journal_entry_get_op (a), pbo_journal_entry_get_op (b));
      ck_assert_pstr_eq (pbo_journal_entry_get_reason (a), pbo_journal_entry_get_reason (b));
      ck_assert_pstr_eq (pbo_journal_entry_get_operator (a), pbo_journal_entry_get_operator (b));
      ck_assert_pstr_eq (pbo_journal_entry_get_from (a), pbo_journal_entry_get_from (b));
      ck_assert_pstr_eq (pbo_journal_entry_get_to (a), pbo_journal_entry_get_to (b));
      ck_assert_pstr_eq (pbo_journal_entry_get_detail (a), pbo_journal_entry_get_detail (b));
      ck_assert_uint_eq (pbo_journal_entry_get_n_subjects (a),
                         pbo_journal_entry_get_n_subjects (b));
      for (k = 0; k < pbo_journal_entry_get_n_subjects (a); k++)
        ck_assert_str_eq (pbo_journal_entry_get_subject (a, k),
                          pbo_journal_entry_get_subject (b, k));
      ck_assert_uint_eq (pbo_journal_entry_get_n_vacated (a), pbo_journal_entry_get_n_vacated (b));
      for (k = 0; pbo_journal_entry_get_vacated (a, k, &org, &role, &member); k++)
        {
          const char *org_b, *member_b;
          PboRole role_b;
          ck_assert (pbo_journal_entry_get_vacated (b, k, &org_b, &role_b, &member_b));
          ck_assert (strcmp (org, org_b) == 0 && role == role_b && strcmp (member, member_b) == 0);
        }
      ck_assert (pbo_journal_entry_has_undo (a));
      ck_assert (pbo_journal_entry_has_undo (b));
    }
  /* The move took b2 out of g1, whose secretary m4 is in b2. */
  e = pbo_journal_get_entry (back, 1);
  ck_assert_uint_eq (pbo_journal_entry_get_n_vacated (e), 1);
  ck_assert (pbo_journal_entry_get_vacated (e, 0, &org, &role, &member)
             && strcmp (org, "g1") == 0 && role == PBO_ROLE_SECRETARY
             && strcmp (member, "m4") == 0);
}
END_TEST

/* A file of format 1.0 (or one whose undo data was dropped) without the
 * 1.1 `undo` attributes: its entries are history, so undo and rewinding
 * can do nothing before them and everything after them. */
static char *
strip_undo (const char *text)
{
  g_autoptr (GRegex) undo = g_regex_new (" undo=\"[^\"]*\"", 0, 0, NULL);
  g_autofree char *bare = g_regex_replace_literal (undo, text, -1, 0, "", 0, NULL);
  g_autoptr (GRegex) version = g_regex_new (" version=\"1.1\"", 0, 0, NULL);

  return g_regex_replace_literal (version, bare, -1, 0, " version=\"1\"", 0, NULL);
}

START_TEST (test_history_only_entries)
{
  g_autoptr (PboTree) tree = edited_tree ();
  g_autofree char *saved = tu_save_string (tree, NULL);
  g_autofree char *text = strip_undo (saved);
  g_autoptr (PboTree) back = tu_load_string (text);
  g_autofree char *loaded = tu_dump (back);
  PboEditContext ctx = { PBO_EDIT_CONTEXT_VERSION, 20240401, NULL, NULL };
  GError *error = NULL;
  PboTree *then;

  ck_assert (!pbo_journal_entry_has_undo (pbo_journal_get_entry (back, 0)));
  ck_assert (!pbo_edit_undo_last (back, &error));
  ck_assert_pbo_error (error, PBO_ERROR_FAILED);
  ck_assert_ptr_null (pbo_edit_tree_at (back, 1, &error));
  ck_assert_pbo_error (error, PBO_ERROR_FAILED);

  /* A new operation continues the numbering and can be undone. */
  OK (pbo_edit_rename (back, pbo_tree_lookup_org (back, "b3"), "第三党支部", &ctx, &err_));
  ck_assert_uint_eq (pbo_journal_entry_get_seq (pbo_journal_get_entry (back, 3)), 4);
  then = pbo_edit_tree_at (back, 3, &error);
  ck_assert_no_error (error);
  {
    g_autofree char *d = tu_dump (then);
    ck_assert_str_eq (d, loaded);
  }
  pbo_tree_free (then);
  OK (pbo_edit_undo_last (back, &err_));
  {
    g_autofree char *d = tu_dump (back);
    g_autofree char *out = tu_save_string (back, NULL);
    g_autofree char *out_bare = strip_undo (out);
    ck_assert_str_eq (d, loaded);
    ck_assert_str_eq (out_bare, text);
  }
}
END_TEST

/* With its undo data (format 1.1) a file's journal undoes as the
 * original would: after a save and a load, every entry, back to the
 * tree before the first. */
START_TEST (test_loaded_entries_undo)
{
  g_autoptr (PboTree) tree = edited_tree ();
  g_autofree char *text = tu_save_string (tree, NULL);
  g_autoptr (PboTree) back = tu_load_string (text);
  GError *error = NULL;
  PboTree *then;
  guint n;

  ck_assert_ptr_nonnull (strstr (text, "version=\"1.1\""));
  then = pbo_edit_tree_at (back, 0, &error);
  ck_assert_no_error (error);
  for (n = pbo_journal_get_n_entries (back); n > 0; n--)
    {
      g_autoptr (PboTree) want = pbo_edit_tree_at (tree, n - 1, NULL);
      g_autofree char *a = NULL, *b = NULL;
      OK (pbo_edit_undo_last (back, &err_));
      a = tu_dump (want);
      b = tu_dump (back);
      ck_assert_str_eq (a, b);
    }
  {
    g_autofree char *a = tu_dump (then), *b = tu_dump (back);
    ck_assert_str_eq (a, b);
  }
  pbo_tree_free (then);
  ck_assert (!pbo_edit_undo_last (back, &error));
  ck_assert_pbo_error (error, PBO_ERROR_FAILED);
}
END_TEST

/* A removed member's dues base survives its undo data's save and load
 * (regression: the loader reset it to none after reading it, so that
 * undoing the removal after a load lost the dues base and the file no
 * longer re-saved byte-identically; found by the save-load property with
 * PBO_SEED=20261126). */
START_TEST (test_undo_keeps_dues_base)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autoptr (PboTree) back = NULL;
  g_autofree char *text = NULL, *again = NULL, *a = NULL, *b = NULL;
  PboMember *m1 = pbo_tree_lookup_member (tree, "m1");

  OK (pbo_member_set_attribute (tree, m1, "dues-base", "4000.50", &err_));
  a = tu_dump (tree);
  OK (pbo_edit_remove_member (tree, m1, PBO_REMOVAL_EXPULSION, NULL, &err_));
  text = tu_save_string (tree, NULL);
  back = tu_load_string (text);
  again = tu_save_string (back, NULL);
  ck_assert_str_eq (text, again);
  OK (pbo_edit_undo_last (back, &err_));
  ck_assert_int_eq (pbo_member_get_dues_base (pbo_tree_lookup_member (back, "m1")), 400050);
  b = tu_dump (back);
  ck_assert_str_eq (a, b);
}
END_TEST

/* An empty reason or operator is recorded as none, so that the entry
 * saves and loads back the same (regression: reason="" was written and
 * read back as none, and the file re-saved differently; found by
 * fuzz-edit). */
START_TEST (test_empty_reason_is_none)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboEditContext ctx = { PBO_EDIT_CONTEXT_VERSION, 20240301, "", "" };
  const PboJournalEntry *e;

  OK (pbo_edit_rename (tree, pbo_tree_lookup_org (tree, "b1"), "一", &ctx, &err_));
  e = pbo_journal_get_entry (tree, 0);
  ck_assert_ptr_null (pbo_journal_entry_get_reason (e));
  ck_assert_ptr_null (pbo_journal_entry_get_operator (e));
  ck_assert_roundtrips (tree, "an entry with an empty reason");
}
END_TEST

/* A transfer of @n members in one operation, saved and loaded back: the
 * journal entry's undo data is as long as the operation is large. */
static PboTree *
big_transfer_loaded (guint n, char **saved)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *from = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "from");
  PboOrg *to = tu_add_org (tree, NULL, PBO_ORG_BRANCH, "to");
  PboSelector select = PBO_SELECTOR_INIT;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("member-%05u", i);
      tu_add_member (tree, from, id, PBO_STATUS_FULL, PBO_EMPLOYMENT_IN_SERVICE);
    }
  select.from = from;
  OK (pbo_edit_transfer_selected (tree, &select, to, NULL, &err_));
  *saved = tu_save_string (tree, NULL);
  return tu_load_string (*saved);
}

/* Undo data longer than max_text (4096) is saved and loads again (it made
 * the file unloadable); undo data over PBO_XML_UNDO_MAX is saved as
 * history, so that the file still loads. */
START_TEST (test_long_undo_data)
{
  g_autofree char *small_text = NULL, *huge_text = NULL;
  g_autoptr (PboTree) small = big_transfer_loaded (300, &small_text);
  g_autoptr (PboTree) huge = big_transfer_loaded (12000, &huge_text);
  const char *undo = strstr (small_text, " undo=\"");

  ck_assert_ptr_nonnull (undo);
  ck_assert_uint_gt (strcspn (undo + 7, "\""), 4096);
  ck_assert (pbo_journal_entry_has_undo (pbo_journal_get_entry (small, 0)));
  OK (pbo_edit_undo_last (small, &err_));
  ck_assert_uint_eq (pbo_org_get_n_members (pbo_tree_lookup_org (small, "from")), 300);
  ck_assert_ptr_null (strstr (huge_text, " undo=\""));
  ck_assert (!pbo_journal_entry_has_undo (pbo_journal_get_entry (huge, 0)));
  ck_assert_uint_eq (pbo_org_get_n_members (pbo_tree_lookup_org (huge, "to")), 12000);
}
END_TEST

/* Malformed undo data is a load error, with its position. */
START_TEST (test_bad_undo_data)
{
  static const char *const bad[] = {
    "[(0x01, 'b1'",                                        /* not GVariant text */
    "[(0x63, 'b1', nothing, nothing, nothing, nothing, nothing, 0, 0, 0x00, 0x00, 0, 0x00, "
    "nothing)]",                                           /* an unknown step */
    "[(0x01, '1bad', nothing, nothing, nothing, nothing, nothing, 0, 0, 0x00, 0x00, 0, 0x00, "
    "nothing)]",                                           /* a bad id */
    "[(0x07, nothing, 'b1', nothing, nothing, nothing, nothing, 0, 0, 0x00, 0x00, 0, 0x00, "
    "nothing)]",                                           /* a removal without its record */
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *doc = g_strdup_printf (
        "<pbo xmlns=\"urn:libpbo:1\" version=\"1.1\"><journal><entry seq=\"1\" "
        "date=\"2024-01-01\" op=\"create-org\" undo=\"%s\"/></journal></pbo>", bad[i]);
      GError *error = NULL;
      PboTree *t = pbo_xml_load_data (doc, strlen (doc), NULL, &error);
      ck_assert_ptr_null (t);
      ck_assert_ptr_nonnull (error);
      ck_assert_msg (strstr (error->message, "<memory>:1:") == error->message, "%s",
                     error->message);
      ck_assert_pbo_error (error, PBO_ERROR_INVALID);
    }
}
END_TEST

/* A subtree export speaks of part of the tree: the journal stays out; an
 * empty journal writes nothing. */
START_TEST (test_subtree_and_empty)
{
  g_autoptr (PboTree) tree = edited_tree ();
  g_autoptr (PboTree) plain = tu_sample_tree ();
  PboSaveOptions opts = PBO_SAVE_OPTIONS_INIT;
  g_autofree char *part = NULL, *none = NULL;

  opts.root = pbo_tree_lookup_org (tree, "c1");
  part = tu_save_string (tree, &opts);
  ck_assert_ptr_null (strstr (part, "journal"));
  none = tu_save_string (plain, NULL);
  ck_assert_ptr_null (strstr (none, "journal"));
}
END_TEST

/* A journal alone (every org gone) keeps <pbo> open. */
START_TEST (test_journal_without_orgs)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboEditOrgInfo info = PBO_EDIT_ORG_INFO_INIT;
  PboEditContext ctx = { PBO_EDIT_CONTEXT_VERSION, 20240101, NULL, NULL };
  g_autofree char *text = NULL, *saved = NULL;
  g_autoptr (PboTree) back = NULL;

  info.kind = PBO_ORG_BRANCH;
  info.id = "b";
  info.name = "支部";
  OK (pbo_edit_create_org (tree, &info, &ctx, &err_) != NULL);
  OK (pbo_edit_dissolve (tree, pbo_tree_lookup_org (tree, "b"), NULL, &ctx, &err_));
  saved = tu_save_string (tree, NULL);
  ck_assert_ptr_nonnull (strstr (saved, "version=\"1.1\""));
  text = strip_undo (saved);
  ck_assert_str_eq (text,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<pbo xmlns=\"urn:libpbo:1\" version=\"1\">\n"
                    "  <journal>\n"
                    "    <entry seq=\"1\" date=\"2024-01-01\" op=\"create-org\">\n"
                    "      <subject id=\"b\"/>\n"
                    "    </entry>\n"
                    "    <entry seq=\"2\" date=\"2024-01-01\" op=\"dissolve\">\n"
                    "      <subject id=\"b\"/>\n"
                    "    </entry>\n"
                    "  </journal>\n"
                    "</pbo>\n");
  back = tu_load_string (text);
  ck_assert_uint_eq (pbo_journal_get_n_entries (back), 2);
}
END_TEST

static Suite *
journal_suite (void)
{
  Suite *s = suite_create ("xml-journal");
  TCase *tc = tcase_create ("journal");

  tcase_add_test (tc, test_saved_and_loaded);
  tcase_add_test (tc, test_history_only_entries);
  tcase_add_test (tc, test_loaded_entries_undo);
  tcase_add_test (tc, test_bad_undo_data);
  tcase_add_test (tc, test_long_undo_data);
  tcase_add_test (tc, test_undo_keeps_dues_base);
  tcase_add_test (tc, test_empty_reason_is_none);
  tcase_add_test (tc, test_subtree_and_empty);
  tcase_add_test (tc, test_journal_without_orgs);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (journal_suite ());
}
