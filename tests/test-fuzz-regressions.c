/* Check suite: replays every input of tests/data/fuzz-regressions/<harness>/
 * through the oracle its fuzz harness uses (tests/fuzz/oracle-*.c), so that
 * each fuzzing finding stays fixed in every build, fuzzer or not. An oracle
 * aborts on a broken property; a pass means the input is handled. */
#include <string.h>
#include "testutil.h"
#include "fuzz/fuzz-oracles.h"

typedef void (*Oracle) (const uint8_t *data, size_t size);

static guint
replay_dir (const char *harness, Oracle oracle)
{
  g_autofree char *rel = g_build_filename ("tests/data/fuzz-regressions", harness, NULL);
  g_autofree char *dir_path = tu_srcpath (rel);
  GDir *dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  ck_assert_msg (dir != NULL, "cannot open %s", dir_path);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *data = NULL;
      gsize size;

      if (g_str_has_prefix (name, "README"))
        continue;
      ck_assert (g_file_get_contents (path, &data, &size, NULL));
      oracle ((const uint8_t *) data, size);
      n++;
    }
  g_dir_close (dir);
  return n;
}

/* Each harness with its oracle; every folder must hold an input. */
static const struct {
  const char *harness;
  Oracle      oracle;
} harnesses[] = {
  { "load", pbo_fuzz_check_load },
  { "date", pbo_fuzz_check_date },
  { "edit", pbo_fuzz_check_edit },
  { "plan", pbo_fuzz_check_plan },
  { "csv", pbo_fuzz_check_csv },
  { "diff", pbo_fuzz_check_diff },
};

START_TEST (test_regressions)
{
  ck_assert_uint_gt (replay_dir (harnesses[_i].harness, harnesses[_i].oracle), 0);
}
END_TEST

/* The same finding through the API: a bad value quoted in the message is
 * cut at 40 bytes, which may fall inside a character. */
START_TEST (test_set_attribute_message_is_utf8)
{
  PboTree *tree = tu_sample_tree ();
  PboMember *m = pbo_tree_lookup_member (tree, "m1");
  g_autofree char *value = g_strconcat ("a", "党党党党党党党党党党党党党党党党党党党党", NULL);
  GError *error = NULL;

  ck_assert (!pbo_member_set_attribute (tree, m, "dues-base", value, &error));
  ck_assert (error != NULL);
  ck_assert_msg (g_utf8_validate (error->message, -1, NULL), "%s", error->message);
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  pbo_tree_free (tree);
}
END_TEST

/* An id that is not UTF-8 is refused with a UTF-8 message (fuzz-edit
 * found create-org quoting it raw). */
START_TEST (test_bad_id_message_is_utf8)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboEditOrgInfo info = PBO_EDIT_ORG_INFO_INIT;
  GError *error = NULL;

  info.id = "\xc6";
  info.name = "新";
  info.kind = PBO_ORG_BRANCH;
  ck_assert_ptr_null (pbo_edit_create_org (tree, &info, NULL, &error));
  ck_assert (error != NULL);
  ck_assert_msg (g_utf8_validate (error->message, -1, NULL), "%s", error->message);
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_ptr_null (pbo_tree_add_org (tree, NULL, PBO_ORG_BRANCH, "\xc6", "新", &error));
  ck_assert (error != NULL);
  ck_assert_msg (g_utf8_validate (error->message, -1, NULL), "%s", error->message);
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  {
    PboMemberInfo m = PBO_MEMBER_INFO_INIT;
    m.id = "j/\xa6\x01[";
    m.name = "张";
    m.status = PBO_STATUS_FULL;
    m.employment = PBO_EMPLOYMENT_IN_SERVICE;
    m.joined = 20100701;
    m.full_since = 20110701;
    ck_assert_ptr_null (pbo_edit_add_member (tree, pbo_tree_lookup_org (tree, "b1"), &m, NULL,
                                             &error));
    ck_assert (error != NULL);
    ck_assert_msg (g_utf8_validate (error->message, -1, NULL), "%s", error->message);
    ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  }
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("fuzz-regressions");
  TCase *tc = tcase_create ("replay");

  tcase_add_loop_test (tc, test_regressions, 0, G_N_ELEMENTS (harnesses));
  tcase_add_test (tc, test_set_attribute_message_is_utf8);
  tcase_add_test (tc, test_bad_id_message_is_utf8);
  suite_add_tcase (s, tc);
  return tu_run (s);
}
