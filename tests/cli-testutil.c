/* Helpers of the suites that run the pbo command-line tool as a process. */
#include <unistd.h>
#include <sys/wait.h>
#include "testutil.h"
#include "cli-testutil.h"

void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

Run
run_pbov (const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  Run r = { 0 };
  int wait_status = 0;

  g_ptr_array_add (argv, g_strdup (g_getenv ("PBO_CLI")));
  for (; *args != NULL; args++)
    g_ptr_array_add (argv, g_strdup (*args));
  g_ptr_array_add (argv, NULL);
  ck_assert_msg (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error),
                 "spawn: %s", error ? error->message : "");
  ck_assert (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

Run
run_pbo (const char *first, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run_pbov ((const char *const *) args->pdata);
}

char *
data (const char *name)
{
  g_autofree char *rel = g_build_filename ("tests/data/cli", name, NULL);
  return tu_srcpath (rel);
}

char *
write_temp (const char *contents)
{
  GError *error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("pbo-cli-XXXXXX.xml", &path, &error);

  ck_assert_int_ge (fd, 0);
  close (fd);
  ck_assert (g_file_set_contents (path, contents, -1, &error));
  return path;
}
