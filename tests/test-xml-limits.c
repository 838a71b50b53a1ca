/* Check suite: what the API accepts saves to a file that loads back
 * (issue 12): the loader and the API measure and bound the same things. */
#include <string.h>
#include "testutil.h"

#define DOC_HEAD "<?xml version=\"1.0\"?>\n<pbo xmlns=\"urn:libpbo:1\" version=\"1\">\n"

/* @tree saved, loaded with the default options and saved again: the same
 * tree and the same bytes. */
static void
assert_reloads (const PboTree *tree)
{
  g_autofree char *xml = tu_save_string (tree, NULL), *again_xml = NULL;
  g_autofree char *want = tu_dump (tree), *got = NULL;
  g_autoptr (PboTree) again = tu_load_string (xml);

  got = tu_dump (again);
  ck_assert_str_eq (got, want);
  again_xml = tu_save_string (again, NULL);
  ck_assert_str_eq (again_xml, xml);
}

static void
assert_load_refused (const char *xml, int code, const char *where)
{
  GError *error = NULL;
  PboTree *tree = pbo_xml_load_data (xml, strlen (xml), NULL, &error);

  ck_assert_ptr_null (tree);
  ck_assert_msg (g_str_has_prefix (error->message, where), "%s", error->message);
  ck_assert_pbo_error (error, code);
}

/* ---- item 2: lengths in decoded bytes ---------------------------------- */

/* A value of '&'s is five times longer as libxml2 hands it over ("&#38;")
 * than the bytes the API counts. */
START_TEST (test_ampersands_count_once)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autofree char *full = g_strnfill (4096, '&'), *over = g_strnfill (4097, '&');
  g_autoptr (GString) xml = g_string_new (DOC_HEAD "<org id=\"c\" kind=\"committee\" name=\"");
  PboMember *m1 = pbo_tree_lookup_member (tree, "m1");
  GError *error = NULL;
  guint i;

  ck_assert (pbo_member_set_attribute (tree, m1, "name", full, &error));
  ck_assert (pbo_member_set_attribute (tree, m1, "position", full, &error));
  ck_assert_no_error (error);
  assert_reloads (tree);
  ck_assert (!pbo_member_set_attribute (tree, m1, "name", over, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);

  /* The loader's limit counts the same bytes. */
  for (i = 0; i < 4097; i++)
    g_string_append (xml, "&amp;");
  g_string_append (xml, "\"/></pbo>\n");
  assert_load_refused (xml->str, PBO_ERROR_LIMIT, "<memory>:3:");
}
END_TEST

/* ---- item 4: the journal's last number ----------------------------------- */

START_TEST (test_journal_seq_exhausted)
{
  static const char doc[] =
    DOC_HEAD "  <org id=\"c\" kind=\"committee\" name=\"党委\"/>\n"
    "  <journal>\n"
    "    <entry seq=\"4294967295\" date=\"2024-01-01\" op=\"rename\">\n"
    "      <subject id=\"c\"/>\n"
    "    </entry>\n"
    "  </journal>\n"
    "</pbo>\n";
  g_autoptr (PboTree) tree = tu_load_string (doc);
  g_autofree char *before = tu_save_string (tree, NULL), *after = NULL;
  PboOrg *c = pbo_tree_lookup_org (tree, "c");
  GError *error = NULL;

  ck_assert_uint_eq (pbo_journal_entry_get_seq (pbo_journal_get_entry (tree, 0)), G_MAXUINT32);
  ck_assert (!pbo_edit_rename (tree, c, "新党委", NULL, &error));
  ck_assert_pbo_error (error, PBO_ERROR_LIMIT);
  ck_assert (pbo_edit_begin (tree, &error));
  ck_assert (!pbo_edit_rename (tree, c, "新党委", NULL, &error));
  ck_assert_pbo_error (error, PBO_ERROR_LIMIT);
  ck_assert (pbo_edit_rollback (tree, &error));
  after = tu_save_string (tree, NULL);
  ck_assert_str_eq (after, before);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 1);
}
END_TEST

/* One below: one more operation, then none; a transaction counts the
 * entries it holds. */
START_TEST (test_journal_seq_last_one)
{
  static const char doc[] =
    DOC_HEAD "  <org id=\"c\" kind=\"committee\" name=\"党委\"/>\n"
    "  <journal>\n"
    "    <entry seq=\"4294967294\" date=\"2024-01-01\" op=\"rename\">\n"
    "      <subject id=\"c\"/>\n"
    "    </entry>\n"
    "  </journal>\n"
    "</pbo>\n";
  g_autoptr (PboTree) tree = tu_load_string (doc);
  PboOrg *c = pbo_tree_lookup_org (tree, "c");
  GError *error = NULL;

  ck_assert (pbo_edit_begin (tree, &error));
  ck_assert (pbo_edit_rename (tree, c, "一", NULL, &error));
  ck_assert (!pbo_edit_rename (tree, c, "二", NULL, &error));
  ck_assert_pbo_error (error, PBO_ERROR_LIMIT);
  ck_assert (pbo_edit_commit (tree, &error));
  ck_assert_uint_eq (pbo_journal_entry_get_seq (pbo_journal_get_entry (tree, 1)), G_MAXUINT32);
  assert_reloads (tree);
}
END_TEST

/* ---- item 17: attendance -------------------------------------------------- */

/* The API, the loader and the schema's nine digits agree on 999 999 999. */
START_TEST (test_attendance_bound)
{
  static const char *const refused[] = { "1000000000", "2147483647", "0000000001" };
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1");
  GError *error = NULL;
  guint i;

  ck_assert_int_ge (pbo_org_add_meeting (tree, b1, PBO_MEETING_LECTURE, 20240101, NULL,
                                         PBO_ATTENDANCE_MAX, &error), 0);
  ck_assert_no_error (error);
  assert_reloads (tree);
  ck_assert_int_lt (pbo_org_add_meeting (tree, b1, PBO_MEETING_LECTURE, 20240101, NULL,
                                         PBO_ATTENDANCE_MAX + 1, &error), 0);
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  for (i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *xml = g_strdup_printf (
        DOC_HEAD "<org id=\"b\" kind=\"branch\" name=\"b\">\n"
        "<meeting type=\"lecture\" date=\"2024-01-01\" attendance=\"%s\"/></org></pbo>\n",
        refused[i]);
      assert_load_refused (xml, PBO_ERROR_INVALID, "<memory>:4:");
    }
}
END_TEST

static Suite *
limits_suite (void)
{
  Suite *s = suite_create ("xml-limits");
  TCase *tc = tcase_create ("limits");

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_ampersands_count_once);
  tcase_add_test (tc, test_journal_seq_exhausted);
  tcase_add_test (tc, test_journal_seq_last_one);
  tcase_add_test (tc, test_attendance_bound);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (limits_suite ());
}
