/* Check suite: the safe writer and the file lock (<pbo/file.h>). Each case
 * is one way a save used to replace, expose or lose what was there. The
 * cases that fork are a case of their own ("fork", test file-fork, outside
 * the unit suite): under Valgrind a child that _exit()s reports what its
 * parent holds as lost. */
#define _DEFAULT_SOURCE /* symlink, lstat, mkfifo */
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include "testutil.h"

/* A fresh folder per case; removed (with what is left in it) by tu_remove_dir(). */
static char *
make_dir (void)
{
  char *dir = g_dir_make_tmp ("pbo-file-XXXXXX", NULL);

  ck_assert (dir != NULL);
  return dir;
}


static guint
n_entries (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  ck_assert (d != NULL);
  while (g_dir_read_name (d) != NULL)
    n++;
  g_dir_close (d);
  return n;
}

static void
write_file (const char *path, const char *text)
{
  ck_assert (g_file_set_contents (path, text, -1, NULL));
}

static void
assert_contents (const char *path, const char *expected)
{
  g_autofree char *now = tu_read_file (path);

  ck_assert_str_eq (now, expected);
}

/* Saving through a link writes its target; the link stays a link (1.0
 * replaced the link with a regular file and left the target stale). */
START_TEST (test_symlink_written_through)
{
  char *dir = make_dir ();
  g_autofree char *target = g_build_filename (dir, "real.xml", NULL);
  g_autofree char *link = g_build_filename (dir, "link.xml", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.xml", NULL);
  g_autofree char *created = g_build_filename (dir, "created.xml", NULL);
  PboTree *tree = tu_sample_tree ();
  g_autofree char *doc = tu_save_string (tree, NULL);
  GError *error = NULL;
  struct stat st;

  write_file (target, "old");
  ck_assert_int_eq (symlink ("real.xml", link), 0);
  ck_assert (pbo_xml_save_file (tree, link, NULL, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (lstat (link, &st), 0);
  ck_assert (S_ISLNK (st.st_mode));
  assert_contents (target, doc);
  /* A dangling link creates its target. */
  ck_assert_int_eq (symlink ("created.xml", dangling), 0);
  ck_assert (pbo_file_write_contents (dangling, "x", 1, PBO_FILE_WRITE_NONE, &error));
  ck_assert_int_eq (lstat (dangling, &st), 0);
  ck_assert (S_ISLNK (st.st_mode));
  assert_contents (created, "x");
  pbo_tree_free (tree);
  tu_remove_dir (dir);
}
END_TEST

START_TEST (test_symlink_loop_refused)
{
  char *dir = make_dir ();
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *b = g_build_filename (dir, "b", NULL);
  GError *error = NULL;

  ck_assert_int_eq (symlink ("b", a), 0);
  ck_assert_int_eq (symlink ("a", b), 0);
  ck_assert (!pbo_file_write_contents (a, "x", 1, PBO_FILE_WRITE_NONE, &error));
  ck_assert_int_eq (error->code, PBO_ERROR_IO);
  g_clear_error (&error);
  ck_assert_uint_eq (n_entries (dir), 2);
  tu_remove_dir (dir);
}
END_TEST

/* A FIFO is written into and stays a FIFO (1.0 put a regular file in its
 * place, and would have done so with /dev/null as root). */
START_TEST (test_fifo_written_in_place)
{
  char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  char got[16] = { 0 };
  GError *error = NULL;
  struct stat st;
  int status;
  pid_t pid;

  ck_assert_int_eq (mkfifo (fifo, 0600), 0);
  pid = fork ();
  ck_assert_int_ge (pid, 0);
  if (pid == 0)
    {
      gboolean ok = pbo_file_write_contents (fifo, "through", 7, PBO_FILE_WRITE_NONE, NULL);
      _exit (ok ? 0 : 1);
    }
  {
    FILE *f = fopen (fifo, "r");
    ck_assert (f != NULL);
    ck_assert_uint_eq (fread (got, 1, sizeof got - 1, f), 7);
    fclose (f);
  }
  ck_assert_int_eq (waitpid (pid, &status, 0), pid);
  ck_assert (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  ck_assert_str_eq (got, "through");
  ck_assert_int_eq (lstat (fifo, &st), 0);
  ck_assert (S_ISFIFO (st.st_mode));
  ck_assert_uint_eq (n_entries (dir), 1);
  /* A device: written, never replaced. */
  ck_assert (pbo_file_write_contents ("/dev/null", "x", 1, PBO_FILE_WRITE_NONE, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (lstat ("/dev/null", &st), 0);
  ck_assert (S_ISCHR (st.st_mode));
  tu_remove_dir (dir);
}
END_TEST

/* A write error on a device is reported, not lost. */
START_TEST (test_device_write_error)
{
  GError *error = NULL;
  char block[4096] = { 0 };

  if (access ("/dev/full", W_OK) != 0)
    return;
  ck_assert (!pbo_file_write_contents ("/dev/full", block, sizeof block, PBO_FILE_WRITE_NONE,
                                       &error));
  ck_assert_int_eq (error->code, PBO_ERROR_IO);
  ck_assert_ptr_nonnull (strstr (error->message, "/dev/full"));
  g_clear_error (&error);
}
END_TEST

/* Owner, group and mode of a replaced file are kept (1.0 gave it to the
 * saving user: 1000:2000 0640 became 1000:1000). Needs root to chown. */
START_TEST (test_owner_group_mode_kept)
{
  char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "members.csv", NULL);
  GError *error = NULL;
  struct stat st;

  write_file (path, "old");
  ck_assert_int_eq (g_chmod (path, 0640), 0);
  if (geteuid () == 0)
    ck_assert_int_eq (chown (path, 1000, 2000), 0);
  else
    printf ("file: not root, owner change not exercised\n");
  ck_assert (pbo_file_write_contents (path, "new", 3, PBO_FILE_WRITE_NONE, &error));
  ck_assert_no_error (error);
  ck_assert_int_eq (stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 07777, 0640);
  if (geteuid () == 0)
    {
      ck_assert_int_eq (st.st_uid, 1000);
      ck_assert_int_eq (st.st_gid, 2000);
    }
  assert_contents (path, "new");
  ck_assert_uint_eq (n_entries (dir), 1);
  tu_remove_dir (dir);
}
END_TEST

/* A user who may write the folder but not give the new file the old one's
 * owner is refused: the file keeps its owner and contents (1.0 made it
 * the saving user's). Needs root to set the scene. */
START_TEST (test_owner_change_refused)
{
  char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "theirs.xml", NULL);
  struct stat st;
  int status;
  pid_t pid;

  if (geteuid () != 0)
    {
      printf ("file: not root, owner refusal not exercised\n");
      tu_remove_dir (dir);
      return;
    }
  write_file (path, "old");
  ck_assert_int_eq (chown (path, 2000, 2000), 0);
  ck_assert_int_eq (g_chmod (path, 0666), 0);
  ck_assert_int_eq (g_chmod (dir, 0777), 0);
  pid = fork ();
  ck_assert_int_ge (pid, 0);
  if (pid == 0)
    {
      GError *error = NULL;
      gboolean ok;
      if (setgid (1000) != 0 || setuid (1000) != 0)
        _exit (3);
      ok = pbo_file_write_contents (path, "new", 3, PBO_FILE_WRITE_NONE, &error);
      _exit (ok ? 1 : error->code == PBO_ERROR_IO && strstr (error->message, "owner") ? 0 : 2);
    }
  ck_assert_int_eq (waitpid (pid, &status, 0), pid);
  ck_assert_msg (WIFEXITED (status) && WEXITSTATUS (status) == 0, "child: %d", status);
  ck_assert_int_eq (stat (path, &st), 0);
  ck_assert_int_eq (st.st_uid, 2000);
  assert_contents (path, "old");
  ck_assert_uint_eq (n_entries (dir), 1);
  tu_remove_dir (dir);
}
END_TEST

/* A private file stays private whatever bytes replace it. */
START_TEST (test_private_mode_kept)
{
  char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "ids.csv", NULL);
  const char bytes[] = { 'a', '\0', '\n', (char) 0xff };
  g_autofree char *back = NULL;
  gsize len;
  struct stat st;

  write_file (path, "old");
  ck_assert_int_eq (g_chmod (path, 0600), 0);
  ck_assert (pbo_file_write_contents (path, bytes, sizeof bytes, PBO_FILE_WRITE_NO_FSYNC, NULL));
  ck_assert_int_eq (stat (path, &st), 0);
  ck_assert_int_eq (st.st_mode & 07777, 0600);
  ck_assert (g_file_get_contents (path, &back, &len, NULL));
  ck_assert_uint_eq (len, sizeof bytes);
  ck_assert (memcmp (back, bytes, len) == 0);
  tu_remove_dir (dir);
}
END_TEST

/* The longest file name a folder holds can be saved (1.0's temporary name
 * was 16 bytes longer than the target's: past NAME_MAX). */
START_TEST (test_longest_name_saved)
{
  char *dir = make_dir ();
  g_autofree char *base = g_strnfill (251, 'n');
  g_autofree char *path = NULL;
  PboTree *tree = tu_sample_tree (), *back;
  GError *error = NULL;

  memcpy (base + 247, ".xml", 4);
  path = g_build_filename (dir, base, NULL);
  ck_assert (pbo_xml_save_file (tree, path, NULL, &error));
  ck_assert_no_error (error);
  ck_assert (pbo_xml_save_file (tree, path, NULL, &error));
  back = pbo_xml_load_file (path, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_tree_get_n_members (back), pbo_tree_get_n_members (tree));
  ck_assert_uint_eq (n_entries (dir), 1);
  pbo_tree_free (back);
  pbo_tree_free (tree);
  tu_remove_dir (dir);
}
END_TEST

/* A writer streams: nothing shows at the path until commit; an abort
 * leaves the old file and no temporary file. */
START_TEST (test_writer_streams_and_aborts)
{
  char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  GString *expected = g_string_new (NULL);
  PboFileWriter *w;
  GError *error = NULL;
  guint i;

  write_file (path, "old");
  w = pbo_file_writer_new (path, PBO_FILE_WRITE_NO_FSYNC, &error);
  ck_assert_no_error (error);
  for (i = 0; i < 20000; i++)
    {
      char row[32];
      g_snprintf (row, sizeof row, "%u,row\n", i);
      g_string_append (expected, row);
      ck_assert (pbo_file_writer_write (w, row, strlen (row)));
    }
  assert_contents (path, "old");
  ck_assert_uint_eq (n_entries (dir), 2);
  ck_assert (pbo_file_writer_commit (w, &error));
  assert_contents (path, expected->str);
  ck_assert_uint_eq (n_entries (dir), 1);

  w = pbo_file_writer_new (path, PBO_FILE_WRITE_NONE, &error);
  ck_assert (pbo_file_writer_write (w, "partial", 7));
  pbo_file_writer_abort (w);
  assert_contents (path, expected->str);
  ck_assert_uint_eq (n_entries (dir), 1);
  g_string_free (expected, TRUE);
  tu_remove_dir (dir);
}
END_TEST

/* ---- the lock ------------------------------------------------------------------ */

/* A child's read-modify-write: lock, load, add member @id, save, release. */
G_GNUC_NORETURN static void
add_member_locked (const char *path, const char *id)
{
  PboFileLock *lock = pbo_file_lock_acquire (path, 60000, NULL);
  PboTree *tree;
  PboSaveOptions opts = PBO_SAVE_OPTIONS_INIT;

  opts.flags = PBO_SAVE_NO_FSYNC;
  if (lock == NULL || (tree = pbo_xml_load_file (path, NULL, NULL)) == NULL)
    _exit (1);
  tu_add_member (tree, pbo_tree_lookup_org (tree, "b3"), id, PBO_STATUS_FULL,
                 PBO_EMPLOYMENT_IN_SERVICE);
  if (!pbo_xml_save_file (tree, path, &opts, NULL))
    _exit (2);
  pbo_file_lock_release (lock);
  _exit (0);
}

/* Concurrent rewrites never lose a change, though each save replaces the
 * file (and so the inode locked). */
START_TEST (test_lock_serializes_rewrites)
{
  enum { N = 8, ROUNDS = 5 };
  char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "members.xml", NULL);
  PboTree *tree = tu_sample_tree ();
  guint n0 = pbo_tree_get_n_members (tree), i, r;
  GError *error = NULL;

  ck_assert (pbo_xml_save_file (tree, path, NULL, &error));
  pbo_tree_free (tree);
  for (r = 0; r < ROUNDS; r++)
    {
      pid_t pids[N];
      for (i = 0; i < N; i++)
        {
          char id[32];
          g_snprintf (id, sizeof id, "c%u-%u", r, i);
          pids[i] = fork ();
          ck_assert_int_ge (pids[i], 0);
          if (pids[i] == 0)
            add_member_locked (path, id);
        }
      for (i = 0; i < N; i++)
        {
          int status;
          ck_assert_int_eq (waitpid (pids[i], &status, 0), pids[i]);
          ck_assert_msg (WIFEXITED (status) && WEXITSTATUS (status) == 0, "child %u failed", i);
        }
    }
  tree = pbo_xml_load_file (path, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_tree_get_n_members (tree), n0 + N * ROUNDS);
  pbo_tree_free (tree);
  tu_remove_dir (dir);
}
END_TEST

/* A held lock makes a second taker wait and give up with PBO_ERROR_LOCKED;
 * released, it can be taken again. */
START_TEST (test_lock_times_out)
{
  char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "members.xml", NULL);
  g_autofree char *link = g_build_filename (dir, "link.xml", NULL);
  PboFileLock *held, *second;
  GError *error = NULL;

  write_file (path, "x");
  ck_assert_int_eq (symlink ("members.xml", link), 0);
  held = pbo_file_lock_acquire (path, 0, &error);
  ck_assert_no_error (error);
  /* Through the link: the same file, the same lock. */
  second = pbo_file_lock_acquire (link, 120, &error);
  ck_assert_ptr_null (second);
  ck_assert_int_eq (error->code, PBO_ERROR_LOCKED);
  ck_assert_ptr_nonnull (strstr (error->message, "link.xml"));
  g_clear_error (&error);
  pbo_file_lock_release (held);
  second = pbo_file_lock_acquire (link, 0, &error);
  ck_assert_no_error (error);
  pbo_file_lock_release (second);
  /* A missing file cannot be locked. */
  g_unlink (path);
  ck_assert_ptr_null (pbo_file_lock_acquire (path, 0, &error));
  ck_assert_int_eq (error->code, PBO_ERROR_IO);
  g_clear_error (&error);
  tu_remove_dir (dir);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("file");
  TCase *tc = tcase_create ("writer");
  TCase *tf = tcase_create ("fork");

  tcase_add_test (tc, test_symlink_written_through);
  tcase_add_test (tc, test_symlink_loop_refused);
  tcase_add_test (tf, test_fifo_written_in_place);
  tcase_add_test (tc, test_device_write_error);
  tcase_add_test (tc, test_owner_group_mode_kept);
  tcase_add_test (tf, test_owner_change_refused);
  tcase_add_test (tc, test_private_mode_kept);
  tcase_add_test (tc, test_longest_name_saved);
  tcase_add_test (tc, test_writer_streams_and_aborts);
  suite_add_tcase (s, tc);
  tcase_add_test (tc, test_lock_times_out);
  tcase_add_test (tf, test_lock_serializes_rewrites);
  suite_add_tcase (s, tf);
  return tu_run (s);
}
