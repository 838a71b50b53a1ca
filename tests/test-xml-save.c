/* Check suite: XML saving — redaction, subtrees, descriptors, and the
 * crash-safe file save (permissions, failures that leave nothing behind). */
#define _GNU_SOURCE /* setfsuid */
#include <fcntl.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "testutil.h"

/* "estate.xml" in a fresh directory @dir (0755, so that an unprivileged
 * child can enter it). */
static char *
estate_path (char **dir)
{
  GError *error = NULL;

  *dir = g_dir_make_tmp ("pbo-save-XXXXXX", &error);
  ck_assert_no_error (error);
  ck_assert_int_eq (g_chmod (*dir, 0755), 0);
  return g_build_filename (*dir, "estate.xml", NULL);
}

static void
remove_dir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_chmod (dir, 0755);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  if (d != NULL)
    g_dir_close (d);
  g_rmdir (dir);
}

/* Entries of @dir other than @keep (the files a save may leave are
 * temporary files: a failed or finished save must leave none). */
static guint
count_others (const char *dir, const char *keep)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    n += strcmp (name, keep) != 0;
  if (d != NULL)
    g_dir_close (d);
  return n;
}

static guint
mode_of (const char *path)
{
  struct stat st;

  ck_assert_int_eq (g_stat (path, &st), 0);
  return st.st_mode & 07777;
}

START_TEST (test_redact)
{
  g_autoptr (PboTree) tree = tu_full_tree ();
  PboSaveOptions options = PBO_SAVE_OPTIONS_INIT;
  g_autofree char *full = tu_save_string (tree, NULL);
  g_autofree char *out = NULL;
  g_autoptr (PboTree) back = NULL;
  PboMember *m1;

  ck_assert_ptr_nonnull (strstr (full, " phone=\""));
  ck_assert_ptr_nonnull (strstr (full, " id-card=\""));
  options.flags = PBO_SAVE_REDACT;
  out = tu_save_string (tree, &options);
  ck_assert_ptr_null (strstr (out, "phone="));
  ck_assert_ptr_null (strstr (out, "id-card="));
  ck_assert_ptr_null (strstr (out, "13800138000"));
  ck_assert_ptr_null (strstr (out, "44070319750302123X"));
  ck_assert_ptr_nonnull (strstr (out, " born=\"1975\" "));
  ck_assert_ptr_null (strstr (out, "1975-03-02"));
  /* A redacted export is still a valid file, the rest unchanged. */
  back = tu_load_string (out);
  m1 = pbo_tree_lookup_member (back, "m1");
  ck_assert (pbo_date_is_year_only (pbo_member_get_born (m1)));
  ck_assert_ptr_null (pbo_member_dup_phone (m1));
  ck_assert_int_eq (pbo_member_get_dues_base (m1), 400050);
  ck_assert_uint_eq (pbo_tree_get_n_members (back), pbo_tree_get_n_members (tree));
}
END_TEST

START_TEST (test_subtree)
{
  g_autoptr (PboTree) tree = tu_full_tree ();
  PboSaveOptions options = PBO_SAVE_OPTIONS_INIT;
  g_autofree char *out = NULL;
  g_autoptr (PboTree) back = NULL;
  GError *error = NULL;

  options.root = pbo_tree_lookup_org (tree, "b");
  out = tu_save_string (tree, &options);
  ck_assert (g_str_has_prefix (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                    "<pbo xmlns=\"urn:libpbo:1\" version=\"1\">\n"
                                    "  <org id=\"b\" kind=\"branch\""));
  back = tu_load_string (out);
  ck_assert_uint_eq (pbo_tree_get_n_orgs (back), 2);
  ck_assert_uint_eq (pbo_tree_get_n_members (back), 2);
  ck_assert_ptr_null (pbo_tree_lookup_org (back, "c"));
  ck_assert_uint_eq (pbo_org_get_n_officers (pbo_tree_lookup_org (back, "b")), 2);
  ck_assert_uint_eq (pbo_org_get_n_meetings (pbo_tree_lookup_org (back, "b")), 1);

  /* A meeting's absentee outside the subtree is left out, so that the
   * subtree loads on its own. */
  options.root = pbo_tree_lookup_org (tree, "b");
  ck_assert (pbo_tree_move_member (tree, pbo_tree_lookup_member (tree, "m2"),
                                   pbo_tree_lookup_org (tree, "b"), &error));
  g_free (out);
  out = tu_save_string (tree, &options);
  ck_assert_ptr_nonnull (strstr (out, "<absent member=\"m2\"/>"));

  /* A group cannot stand at the top level: its subtree is refused. */
  options.root = pbo_tree_lookup_org (tree, "g");
  ck_assert_ptr_null (pbo_xml_save_data (tree, NULL, &options, &error));
  ck_assert_pbo_error (error, PBO_ERROR_CONTAINMENT);
}
END_TEST

START_TEST (test_empty_tree)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  g_autofree char *out = tu_save_string (tree, NULL);
  g_autoptr (PboTree) back = tu_load_string (out);

  ck_assert_str_eq (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<pbo xmlns=\"urn:libpbo:1\" version=\"1\"/>\n");
  ck_assert_uint_eq (pbo_tree_get_n_orgs (back), 0);
}
END_TEST

START_TEST (test_save_fd)
{
  g_autoptr (PboTree) tree = tu_full_tree ();
  g_autofree char *expected = tu_save_string (tree, NULL);
  g_autofree char *path = NULL, *written = NULL;
  GError *error = NULL;
  int fd = g_file_open_tmp ("pbo-fd-XXXXXX", &path, NULL);
  int ro;

  ck_assert_int_ge (fd, 0);
  ck_assert (pbo_xml_save_fd (tree, fd, NULL, &error));
  ck_assert_no_error (error);
  close (fd);
  written = tu_read_file (path);
  ck_assert_str_eq (written, expected);

  ro = g_open (path, O_RDONLY, 0);
  ck_assert (!pbo_xml_save_fd (tree, ro, NULL, &error));
  ck_assert_pbo_error (error, PBO_ERROR_IO);
  close (ro);
  g_unlink (path);
}
END_TEST

START_TEST (test_save_file)
{
  g_autoptr (PboTree) tree = tu_full_tree ();
  g_autoptr (PboTree) sample = tu_sample_tree ();
  g_autofree char *dir = NULL;
  g_autofree char *path = estate_path (&dir);
  g_autofree char *expected = tu_save_string (tree, NULL);
  g_autofree char *first = NULL, *second = NULL, *back_dump = NULL, *dump = NULL;
  g_autoptr (PboTree) back = NULL;
  PboSaveOptions options = PBO_SAVE_OPTIONS_INIT;
  GError *error = NULL;
  mode_t old_mask = umask (022);

  /* A new file: 0644 less the umask. */
  ck_assert (pbo_xml_save_file (tree, path, NULL, &error));
  ck_assert_no_error (error);
  first = tu_read_file (path);
  ck_assert_str_eq (first, expected);
  ck_assert_uint_eq (mode_of (path), 0644);
  ck_assert_uint_eq (count_others (dir, "estate.xml"), 0);
  back = pbo_xml_load_file (path, NULL, &error);
  ck_assert_no_error (error);
  back_dump = tu_dump (back);
  dump = tu_dump (tree);
  ck_assert_str_eq (back_dump, dump);

  /* Replacing keeps the old file's permissions. */
  ck_assert_int_eq (g_chmod (path, 0640), 0);
  options.flags = PBO_SAVE_NO_FSYNC;
  ck_assert (pbo_xml_save_file (sample, path, &options, &error));
  second = tu_read_file (path);
  ck_assert_ptr_nonnull (strstr (second, "id=\"m7\""));
  ck_assert_uint_eq (mode_of (path), 0640);
  ck_assert_uint_eq (count_others (dir, "estate.xml"), 0);

  g_unlink (path);
  umask (077);
  ck_assert (pbo_xml_save_file (sample, path, &options, &error));
  ck_assert_uint_eq (mode_of (path), 0600);
  umask (old_mask);
  remove_dir (dir);
}
END_TEST

/* The rename fails (the target is a directory): the save fails with an
 * I/O error and removes its temporary file. */
START_TEST (test_failed_save_leaves_nothing)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autofree char *dir = NULL;
  g_autofree char *target = estate_path (&dir);
  g_autofree char *inner = g_build_filename (target, "keep", NULL);
  GError *error = NULL;

  ck_assert_int_eq (g_mkdir (target, 0755), 0);
  ck_assert (g_file_set_contents (inner, "x", 1, NULL));
  ck_assert (!pbo_xml_save_file (tree, target, NULL, &error));
  ck_assert_ptr_nonnull (strstr (error->message, target));
  ck_assert_pbo_error (error, PBO_ERROR_IO);
  ck_assert_uint_eq (count_others (dir, "estate.xml"), 0);
  ck_assert (g_file_test (inner, G_FILE_TEST_IS_REGULAR));

  ck_assert (!pbo_xml_save_file (tree, "/nonexistent/dir/estate.xml", NULL, &error));
  ck_assert_pbo_error (error, PBO_ERROR_IO);
  remove_dir (dir);
}
END_TEST

/* Saving into a read-only folder fails and leaves the old file as it was.
 * Root ignores permissions, so it takes the file-system identity of nobody
 * for the attempt (which also drops its file capabilities). */
START_TEST (test_read_only_folder)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autofree char *dir = NULL;
  g_autofree char *path = estate_path (&dir);
  g_autofree char *after = NULL;
  const char *old = "<old file/>\n";
  gboolean root = geteuid () == 0;
  GError *error = NULL;
  gboolean saved;

  ck_assert (g_file_set_contents (path, old, -1, NULL));
  ck_assert_int_eq (g_chmod (dir, 0555), 0);
  if (root)
    setfsuid (65534);
  saved = pbo_xml_save_file (tree, path, NULL, &error);
  if (root)
    setfsuid (0);
  ck_assert (!saved);
  ck_assert_pbo_error (error, PBO_ERROR_IO);
  after = tu_read_file (path);
  ck_assert_str_eq (after, old);
  ck_assert_uint_eq (count_others (dir, "estate.xml"), 0);
  remove_dir (dir);
}
END_TEST

/* Issue 12: U+FFFE and U+FFFF are valid UTF-8 but no XML character: a
 * text holding one saved to a file the loader refuses. Every setter of a
 * saved text or id refuses them; the XML characters next to them pass and
 * come back equal. */
static const char *const not_xml[] = { "\xEF\xBF\xBF", "a\xEF\xBF\xBE" "b" };

START_TEST (test_texts_outside_xml_refused)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autoptr (PboPlan) plan = pbo_plan_new ();
  g_autofree char *before = tu_dump (tree);
  g_autofree char *id = g_strconcat ("x", not_xml[_i], NULL), *after = NULL;
  static const char *const texts[] = { "name", "ethnicity", "education", "position",
                                       "department", "phone", "id-card" };
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1");
  PboMember *m1 = pbo_tree_lookup_member (tree, "m1");
  PboRecruitInfo recruit = PBO_RECRUIT_INFO_INIT;
  PboEditContext ctx = PBO_EDIT_CONTEXT_INIT;
  const char *rename[] = { "org", "b1", "name", not_xml[_i], NULL };
  GError *error = NULL;
  guint i;

  ck_assert_ptr_null (pbo_tree_add_org (tree, b1, PBO_ORG_GROUP, "g9", not_xml[_i], &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_ptr_null (pbo_tree_add_org (tree, b1, PBO_ORG_GROUP, id, "组", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert (!pbo_org_set_unit (b1, not_xml[_i], &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      ck_assert_msg (!pbo_member_set_attribute (tree, m1, texts[i], not_xml[_i], &error), "%s",
                     texts[i]);
      ck_assert_pbo_error (error, PBO_ERROR_INVALID);
    }
  ck_assert_int_lt (pbo_org_add_meeting (tree, b1, PBO_MEETING_LECTURE, 20240101, not_xml[_i],
                                         3, &error), 0);
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  recruit.id = "r9";
  recruit.name = not_xml[_i];
  recruit.stage = PBO_RECRUIT_APPLICANT;
  recruit.applied = 20240101;
  ck_assert_ptr_null (pbo_tree_add_recruit (tree, b1, &recruit, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  recruit.name = "李四";
  recruit.department = not_xml[_i];
  ck_assert_ptr_null (pbo_tree_add_recruit (tree, b1, &recruit, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ctx.reason = not_xml[_i];
  ck_assert (!pbo_edit_rename (tree, b1, "新名", &ctx, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ctx.reason = NULL;
  ctx.operator_name = not_xml[_i];
  ck_assert (!pbo_edit_rename (tree, b1, "新名", &ctx, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_int_lt (pbo_plan_add_op (plan, PBO_EDIT_OP_RENAME, rename, &error), 0);
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  after = tu_dump (tree);
  ck_assert_str_eq (after, before);
}
END_TEST

START_TEST (test_xml_chars_round_trip)
{
  /* U+D7FF, U+E000, U+FDD0 (a noncharacter, still an XML Char), U+FFFD,
   * U+10000, U+10FFFF, tab. */
  static const char edge[] = "\xED\x9F\xBF\xEE\x80\x80\xEF\xB7\x90\xEF\xBF\xBD"
                             "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF\t.";
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autoptr (PboTree) again = NULL;
  g_autofree char *id = g_strconcat ("x", edge + 0, NULL), *xml = NULL, *want = NULL, *got = NULL;
  GError *error = NULL;

  id[strlen (id) - 2] = '\0';   /* no tab in an id */
  ck_assert (pbo_member_set_attribute (tree, pbo_tree_lookup_member (tree, "m1"), "name", edge,
                                       &error));
  ck_assert_ptr_nonnull (pbo_tree_add_org (tree, pbo_tree_lookup_org (tree, "b1"),
                                           PBO_ORG_GROUP, id, edge, &error));
  ck_assert_no_error (error);
  xml = tu_save_string (tree, NULL);
  again = tu_load_string (xml);
  want = tu_dump (tree);
  got = tu_dump (again);
  ck_assert_str_eq (got, want);
}
END_TEST

static Suite *
xml_save_suite (void)
{
  Suite *s = suite_create ("xml-save");
  TCase *tc = tcase_create ("save");

  tcase_add_test (tc, test_redact);
  tcase_add_loop_test (tc, test_texts_outside_xml_refused, 0, G_N_ELEMENTS (not_xml));
  tcase_add_test (tc, test_xml_chars_round_trip);
  tcase_add_test (tc, test_subtree);
  tcase_add_test (tc, test_empty_tree);
  tcase_add_test (tc, test_save_fd);
  tcase_add_test (tc, test_save_file);
  tcase_add_test (tc, test_failed_save_leaves_nothing);
  tcase_add_test (tc, test_read_only_folder);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (xml_save_suite ());
}
