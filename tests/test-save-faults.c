/* Check suite: pbo_xml_save_file() under failure.
 *
 * Fault points ("faults" case, Valgrind-friendly): the test program defines
 * open, open64, write, fsync, fchown, fchmod, flock, close and rename itself, so that every
 * call libpbo and GLib make (g_mkstemp_full() opens, g_rename() renames)
 * resolves to them first — the same symbol interposition an LD_PRELOAD shim
 * uses, without a second library. A clean save counts the calls; then the
 * 1st, 2nd, … Nth call fails in turn. Each time the save either fails with
 * PBO_ERROR_IO and leaves the old file byte for byte (mode included), or —
 * for the directory fsync after the rename, which the library deliberately
 * ignores — succeeds with the new file; never is a temporary file left.
 * The same holds for a locked rewrite (pbo_file_lock_acquire(), save,
 * release), whose failures are PBO_ERROR_IO or PBO_ERROR_LOCKED.
 *
 * Kills ("kill" case, suite 'faults'): a child saves a large tree over a
 * file again and again, alternating two versions; the parent SIGKILLs it at
 * random moments (seeded: PBO_SEED replays, PBO_KILLS sets the count,
 * PBO_KILL_MEMBERS the tree's size). After
 * each kill the file holds exactly the old or the new document, and after
 * the next successful save no temporary file is left. */
#define _GNU_SOURCE
/* open and open64 are both defined below: the headers must not rename one
 * into the other. */
#undef _FILE_OFFSET_BITS
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "testutil.h"

/* ---- the interposed calls ------------------------------------------------ */

typedef enum { F_OPEN, F_WRITE, F_FSYNC, F_FCHOWN, F_FCHMOD, F_FLOCK, F_CLOSE, F_RENAME, F_N } Fn;

static const char *const fn_names[F_N] = { "open", "write", "fsync", "fchown", "fchmod", "flock",
                                           "close", "rename" };
static const int fn_errno[F_N] = { EACCES, ENOSPC, EIO, EPERM, EPERM, ENOLCK, EIO, EXDEV };

static struct {
  gboolean armed;
  int      create_mode; /* the mode of the last O_CREAT open while armed */
  guint    calls;    /* calls seen while armed */
  guint    fail_at;  /* 1-based call to fail; 0: none */
  GString *trace;    /* the functions called, in order (clean run) */
} fault;

static void *
real (const char *name)
{
  void *fn = dlsym (RTLD_NEXT, name);

  if (fn == NULL)
    abort ();
  return fn;
}

/* Counts the call; TRUE if it is the one to fail (errno is then set). */
static gboolean
should_fail (Fn fn)
{
  if (!fault.armed)
    return FALSE;
  fault.calls++;
  if (fault.trace != NULL)
    g_string_append_printf (fault.trace, "%s%s", fault.trace->len ? " " : "", fn_names[fn]);
  if (fault.calls != fault.fail_at)
    return FALSE;
  errno = fn_errno[fn];
  return TRUE;
}

static int
open_with (const char *real_name, const char *path, int flags, va_list ap)
{
  int (*fn) (const char *, int, ...);
  mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? (mode_t) va_arg (ap, int) : 0;

  /* (dlsym returns an object pointer; POSIX allows this conversion.) */
  *(void **) &fn = real (real_name);
  if (fault.armed && (flags & O_CREAT))
    fault.create_mode = (int) mode;
  if (should_fail (F_OPEN))
    return -1;
  return fn (path, flags, mode);
}

int open (const char *path, int flags, ...);
int open64 (const char *path, int flags, ...);

int
open (const char *path, int flags, ...)
{
  va_list ap;
  int fd;

  va_start (ap, flags);
  fd = open_with ("open", path, flags, ap);
  va_end (ap);
  return fd;
}

int
open64 (const char *path, int flags, ...)
{
  va_list ap;
  int fd;

  va_start (ap, flags);
  fd = open_with ("open64", path, flags, ap);
  va_end (ap);
  return fd;
}

ssize_t
write (int fd, const void *buf, size_t n)
{
  static ssize_t (*fn) (int, const void *, size_t);

  if (fn == NULL)
    *(void **) &fn = real ("write");
  return should_fail (F_WRITE) ? -1 : fn (fd, buf, n);
}

int
fsync (int fd)
{
  static int (*fn) (int);

  if (fn == NULL)
    *(void **) &fn = real ("fsync");
  return should_fail (F_FSYNC) ? -1 : fn (fd);
}

int
fchmod (int fd, mode_t mode)
{
  static int (*fn) (int, mode_t);

  if (fn == NULL)
    *(void **) &fn = real ("fchmod");
  return should_fail (F_FCHMOD) ? -1 : fn (fd, mode);
}

int
fchown (int fd, uid_t uid, gid_t gid)
{
  static int (*fn) (int, uid_t, gid_t);

  if (fn == NULL)
    *(void **) &fn = real ("fchown");
  return should_fail (F_FCHOWN) ? -1 : fn (fd, uid, gid);
}

int
flock (int fd, int op)
{
  static int (*fn) (int, int);

  if (fn == NULL)
    *(void **) &fn = real ("flock");
  return should_fail (F_FLOCK) ? -1 : fn (fd, op);
}

/* A failing close still releases the descriptor, as close(2) does. */
int
close (int fd)
{
  static int (*fn) (int);
  gboolean fail = should_fail (F_CLOSE);
  int ret;

  if (fn == NULL)
    *(void **) &fn = real ("close");
  ret = fn (fd);
  if (fail)
    {
      errno = fn_errno[F_CLOSE];
      return -1;
    }
  return ret;
}

int
rename (const char *from, const char *to)
{
  static int (*fn) (const char *, const char *);

  if (fn == NULL)
    *(void **) &fn = real ("rename");
  return should_fail (F_RENAME) ? -1 : fn (from, to);
}

/* ---- helpers -------------------------------------------------------------- */

/* The names in @dir other than @keep: leftover temporary files. */
static char *
leftovers (const char *dir, const char *keep)
{
  GString *out = g_string_new (NULL);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  ck_assert (d != NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    if (strcmp (name, keep) != 0)
      g_string_append_printf (out, "%s ", name);
  g_dir_close (d);
  return g_string_free (out, FALSE);
}

static char *
file_contents (const char *path)
{
  char *data = NULL;

  ck_assert (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

/* tu_sample_tree() grown past two 64 KiB write blocks. */
static PboTree *
multi_block_tree (guint members)
{
  PboTree *tree = tu_sample_tree ();
  PboOrg *b3 = pbo_tree_lookup_org (tree, "b3");
  guint i;

  for (i = 0; i < members; i++)
    {
      char id[32];
      g_snprintf (id, sizeof id, "x%u", i);
      tu_add_member (tree, b3, id, PBO_STATUS_FULL, PBO_EMPLOYMENT_IN_SERVICE);
    }
  return tree;
}

/* ---- fault points ------------------------------------------------------------ */

/* A locked rewrite: lock, save, release (the lock not needed to save). */
static gboolean
locked_save (const PboTree *tree, const char *path, GError **error)
{
  PboFileLock *lock = pbo_file_lock_acquire (path, 0, error);
  gboolean ok = lock != NULL && pbo_xml_save_file (tree, path, NULL, error);

  pbo_file_lock_release (lock);
  return ok;
}

static guint
run_with_fault (const PboTree *tree, const char *path, gboolean locked, guint fail_at,
                gboolean *ok, GError **error)
{
  fault.calls = 0;
  fault.fail_at = fail_at;
  fault.armed = TRUE;
  *ok = locked ? locked_save (tree, path, error) : pbo_xml_save_file (tree, path, NULL, error);
  fault.armed = FALSE;
  return fault.calls;
}

static guint
save_with_fault (const PboTree *tree, const char *path, guint fail_at, gboolean *ok,
                 GError **error)
{
  return run_with_fault (tree, path, FALSE, fail_at, ok, error);
}

/* Every call site of a save (@locked: of a locked rewrite) fails in turn. */
static void
check_fault_points (gboolean locked)
{
  g_autofree char *dir = g_dir_make_tmp ("pbo-faults-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "members.xml", NULL);
  PboTree *old_tree = tu_sample_tree (), *new_tree = multi_block_tree (1500);
  g_autofree char *old_doc = tu_save_string (old_tree, NULL);
  g_autofree char *new_doc = tu_save_string (new_tree, NULL);
  guint n, k, failed = 0, succeeded = 0;
  gboolean ok;
  GError *error = NULL;
  struct stat st;

  ck_assert (dir != NULL);
  ck_assert_uint_gt (strlen (new_doc), 2 * 65536);
  /* The clean run: every call site, in order. */
  ck_assert (g_file_set_contents (path, old_doc, -1, NULL));
  fault.trace = g_string_new (NULL);
  n = run_with_fault (new_tree, path, locked, 0, &ok, &error);
  ck_assert_no_error (error);
  ck_assert (ok);
  printf ("save-faults%s: %u call sites in a clean save: %s\n", locked ? " (locked)" : "", n,
          fault.trace->str);
  for (k = 0; k < F_N; k++)
    ck_assert_msg (strstr (fault.trace->str, fn_names[k]) != NULL, "no %s call seen", fn_names[k]);
  g_string_free (fault.trace, TRUE);
  fault.trace = NULL;

  for (k = 1; k <= n; k++)
    {
      g_autofree char *now = NULL, *left = NULL;
      ck_assert (g_file_set_contents (path, old_doc, -1, NULL));
      ck_assert_int_eq (g_chmod (path, 0600), 0);
      run_with_fault (new_tree, path, locked, k, &ok, &error);
      now = file_contents (path);
      ck_assert_int_eq (stat (path, &st), 0);
      if (ok)
        {
          /* Only a failure after the rename, or of the best-effort lock
           * of the temporary file, may be ignored. */
          ck_assert_no_error (error);
          ck_assert_msg (strcmp (now, new_doc) == 0, "fault %u: saved, but not the new file", k);
          succeeded++;
        }
      else
        {
          ck_assert_msg (error != NULL && (error->code == PBO_ERROR_IO
                                           || error->code == PBO_ERROR_LOCKED),
                         "fault %u: %s", k, error != NULL ? error->message : "no error");
          ck_assert_msg (strcmp (now, old_doc) == 0, "fault %u: the old file changed", k);
          g_clear_error (&error);
          failed++;
        }
      ck_assert_msg ((st.st_mode & 07777) == 0600, "fault %u: mode %o", k, st.st_mode & 07777);
      left = leftovers (dir, "members.xml");
      ck_assert_msg (left[0] == '\0', "fault %u left %s", k, left);
    }
  printf ("save-faults: %u fault points survived (%u refused, %u ignored: saved)\n", n, failed,
          succeeded);
  ck_assert_uint_gt (failed, 5);

  g_unlink (path);
  g_rmdir (dir);
  pbo_tree_free (old_tree);
  pbo_tree_free (new_tree);
}

START_TEST (test_fault_points)
{
  check_fault_points (FALSE);
}
END_TEST

START_TEST (test_fault_points_locked)
{
  check_fault_points (TRUE);
}
END_TEST

/* The temporary file of a private file is private from its creation: a
 * reader who opened it before the fchmod would see what is written later. */
START_TEST (test_temp_created_private)
{
  g_autofree char *dir = g_dir_make_tmp ("pbo-faults-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "members.xml", NULL);
  PboTree *tree = tu_sample_tree ();
  GError *error = NULL;
  gboolean ok;

  save_with_fault (tree, path, 0, &ok, &error);
  ck_assert (ok);
  ck_assert_int_eq (fault.create_mode, 0644);   /* a new file: the umask decides */
  ck_assert_int_eq (g_chmod (path, 0600), 0);
  save_with_fault (tree, path, 0, &ok, &error);
  ck_assert (ok);
  ck_assert_int_eq (fault.create_mode, 0600);   /* replacing a file */
  g_unlink (path);
  g_rmdir (dir);
  pbo_tree_free (tree);
}
END_TEST

/* ---- kills ------------------------------------------------------------------ */

static guint32
seed_from_env (void)
{
  const char *s = g_getenv ("PBO_SEED");
  /* A fixed seed by default, so that a run repeats; PBO_SEED explores. */
  guint32 seed = s != NULL ? (guint32) g_ascii_strtoull (s, NULL, 10) : 20261203u;

  printf ("save-kill: seed %u (PBO_SEED=%u to replay)\n", seed, seed);
  return seed;
}

/* A realistic large tree: 100 branches of @per_branch members each. */
static PboTree *
large_tree (guint per_branch)
{
  PboTree *tree = pbo_tree_new ();
  PboOrg *c = tu_add_org (tree, NULL, PBO_ORG_COMMITTEE, "c");
  guint b, i;

  for (b = 0; b < 100; b++)
    {
      char id[32];
      PboOrg *branch;
      g_snprintf (id, sizeof id, "b%u", b);
      branch = tu_add_org (tree, c, PBO_ORG_BRANCH, id);
      for (i = 0; i < per_branch; i++)
        {
          g_snprintf (id, sizeof id, "m%u-%u", b, i);
          tu_add_member (tree, branch, id, i % 5 ? PBO_STATUS_FULL : PBO_STATUS_PROBATIONARY,
                         i % 3 ? PBO_EMPLOYMENT_IN_SERVICE : PBO_EMPLOYMENT_RETIRED);
        }
    }
  return tree;
}

/* The child: save the two versions in turn, @a first, until killed,
 * writing a byte to @done_fd after each successful save. */
G_GNUC_NORETURN static void
save_forever (const PboTree *a, const PboTree *b, const char *path, int done_fd)
{
  PboSaveOptions options = PBO_SAVE_OPTIONS_INIT;
  guint i;

  /* fsync protects against power cuts, not against a killed process: the
   * rename alone decides what a reader sees after SIGKILL. */
  options.flags = PBO_SAVE_NO_FSYNC;
  for (i = 0;; i++)
    {
      if (!pbo_xml_save_file (i % 2 ? b : a, path, &options, NULL))
        _exit (3);
      if (write (done_fd, "s", 1) != 1)
        _exit (4);
    }
}

START_TEST (test_kill_during_save)
{
  g_autofree char *dir = g_dir_make_tmp ("pbo-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "members.xml", NULL);
  const char *kills_env = g_getenv ("PBO_KILLS");
  guint kills = kills_env != NULL ? (guint) atoi (kills_env) : 200;
  const char *members_env = g_getenv ("PBO_KILL_MEMBERS");
  /* 20,000 members (3 MB, about 50 write blocks) keep the test to a few
   * seconds; PBO_KILL_MEMBERS=50000 for a longer run. */
  guint members = members_env != NULL ? (guint) atoi (members_env) : 20000;
  PboTree *a = large_tree (MAX (members / 100, 1)), *b = pbo_tree_copy (a);
  GRand *rand = g_rand_new_with_seed (seed_from_env ());
  g_autofree char *doc_a = NULL, *doc_b = NULL;
  gsize len_a, len_b;
  gint64 t0, save_us;
  guint k, saw_old = 0, saw_new = 0, completed = 0;
  gboolean on_disk_b = FALSE;
  GError *error = NULL;
  PboSaveOptions quick = PBO_SAVE_OPTIONS_INIT;

  quick.flags = PBO_SAVE_NO_FSYNC;
  ck_assert (pbo_org_set_name (pbo_tree_lookup_org (b, "c"), "改名后的党委", NULL));
  doc_a = pbo_xml_save_data (a, &len_a, NULL, NULL);
  doc_b = pbo_xml_save_data (b, &len_b, NULL, NULL);
  ck_assert (pbo_xml_save_file (a, path, NULL, &error));
  t0 = g_get_monotonic_time ();
  ck_assert (pbo_xml_save_file (a, path, &quick, &error));
  save_us = MAX (g_get_monotonic_time () - t0, 1000);

  for (k = 0; k < kills; k++)
    {
      g_autofree char *now = NULL, *left = NULL;
      gsize len;
      int status, done[2];
      gboolean now_b;
      char saves[64];
      pid_t pid;

      ck_assert_int_eq (pipe (done), 0);
      pid = fork ();
      ck_assert_int_ge (pid, 0);
      /* The child first writes the version not on disk: a kill then
       * finds the old file or the new one. */
      if (pid == 0)
        save_forever (on_disk_b ? a : b, on_disk_b ? b : a, path, done[1]);
      close (done[1]);
      /* Anywhere in the first save or early in the second: inside a
       * write, between the last write and the rename, right after it. */
      g_usleep ((gulong) g_rand_int_range (rand, 0, (gint32) (save_us * 5 / 4)));
      ck_assert_int_eq (kill (pid, SIGKILL), 0);
      ck_assert_int_eq (waitpid (pid, &status, 0), pid);
      ck_assert_msg (WIFSIGNALED (status), "the saving child failed (status %d)", status);
      ck_assert (g_file_get_contents (path, &now, &len, NULL));
      if (len == len_b && memcmp (now, doc_b, len) == 0)
        now_b = TRUE;
      else if (len == len_a && memcmp (now, doc_a, len) == 0)
        now_b = FALSE;
      else
        ck_abort_msg ("kill %u: the file is neither the old nor the new tree (%zu bytes)", k, len);
      if (now_b == on_disk_b)
        saw_old++;
      else
        saw_new++;
      on_disk_b = now_b;
      left = leftovers (dir, "members.xml");
      /* After a successful save, at most the killed save's own temporary
       * file: each successful save removes those of saves that died. */
      if (read (done[0], saves, sizeof saves) > 0)
        {
          completed++;
          ck_assert_msg (strchr (left, ' ') == strrchr (left, ' '),
                         "kill %u: several leftovers after a successful save: %s", k, left);
        }
      close (done[0]);
    }
  /* Both documents load and are the trees saved (the byte comparisons above
   * then stand for loading after every kill). */
  {
    PboTree *back = pbo_xml_load_file (path, NULL, &error);
    g_autofree char *again = NULL;
    ck_assert_no_error (error);
    again = pbo_xml_save_data (back, NULL, NULL, NULL);
    ck_assert (strcmp (again, doc_a) == 0 || strcmp (again, doc_b) == 0);
    pbo_tree_free (back);
  }
  /* The next successful save leaves no temporary file. */
  ck_assert (pbo_xml_save_file (a, path, NULL, &error));
  {
    g_autofree char *left = leftovers (dir, "members.xml");
    ck_assert_msg (left[0] == '\0', "left after a successful save: %s", left);
  }
  printf ("save-kill: %u kills of a %u-member save (%.0f ms each): the old file %u times, the new %u; "
          "%u children had completed a save\n",
          kills, pbo_tree_get_n_members (a), save_us / 1000.0, saw_old, saw_new, completed);

  g_unlink (path);
  g_rmdir (dir);
  g_rand_free (rand);
  pbo_tree_free (a);
  pbo_tree_free (b);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("save-faults");
  TCase *tc = tcase_create ("faults");
  TCase *tk = tcase_create ("kill");

  tcase_add_test (tc, test_fault_points);
  tcase_add_test (tc, test_fault_points_locked);
  tcase_add_test (tc, test_temp_created_private);
  suite_add_tcase (s, tc);
  tcase_add_test (tk, test_kill_during_save);
  tcase_set_timeout (tk, 120);
  suite_add_tcase (s, tk);
  return tu_run (s);
}
