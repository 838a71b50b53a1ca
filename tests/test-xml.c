/* Check suite: XML — loading, the canonical writer, round trips, the
 * data-driven error and hostile-input cases, crash-safe saving. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "testutil.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* ---- helpers ------------------------------------------------------------ */

static gboolean
under_valgrind (void)
{
  const char *preload = g_getenv ("LD_PRELOAD");
  return preload != NULL && strstr (preload, "vgpreload") != NULL;
}

/* load → save → load → save: the same bytes twice and the same tree. */
static void
assert_round_trip (const PboTree *tree)
{
  g_autofree char *s1 = tu_save_string (tree, NULL);
  g_autoptr (PboTree) t2 = tu_load_string (s1);
  g_autofree char *s2 = tu_save_string (t2, NULL);
  g_autofree char *d1 = tu_dump (tree);
  g_autofree char *d2 = tu_dump (t2);

  ck_assert_str_eq (s1, s2);
  ck_assert_str_eq (d1, d2);
}

/* The *.xml files of a source folder (none if it does not exist), but
 * not restructuring plans ("*-plan.xml"): they are not trees. */
static GPtrArray *
list_xml (const char *relative, gboolean dirs)
{
  g_autofree char *dir = tu_srcpath (relative);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      char *path = g_build_filename (dir, name, NULL);
      if (dirs ? g_file_test (path, G_FILE_TEST_IS_DIR)
               : g_str_has_suffix (name, ".xml") && !g_str_has_suffix (name, "-plan.xml"))
        g_ptr_array_add (out, path);
      else
        g_free (path);
    }
  if (d != NULL)
    g_dir_close (d);
  g_ptr_array_sort (out, (GCompareFunc) g_strcmp0);
  return out;
}

static int
code_from_name (const char *name)
{
  static const char *const codes[] = {
    NULL, "FAILED", "INVALID", "DUPLICATE_ID", "UNKNOWN_ID", "CONTAINMENT", "CYCLE",
    "NOT_EMPTY", "INCONSISTENT", "PARSE", "FORMAT", "LIMIT", "IO",
  };
  guint i;

  for (i = 1; i < G_N_ELEMENTS (codes); i++)
    if (g_str_has_prefix (name, "PBO_ERROR_") && strcmp (name + 10, codes[i]) == 0)
      return (int) i;
  ck_abort_msg ("unknown error code %s", name);
  return 0;
}

/* A case folder holds input.xml and expected: "CODE [LINE COL]". */
typedef struct {
  char *input;
  int   code;
  guint line, column;     /* 0 when not checked */
} Case;

static void
case_read (Case *c, const char *dir)
{
  g_autofree char *exp_path = g_build_filename (dir, "expected", NULL);
  g_autofree char *text = tu_read_file (exp_path);
  g_auto (GStrv) words = g_strsplit_set (g_strstrip (text), " \n", -1);

  c->input = g_build_filename (dir, "input.xml", NULL);
  c->code = code_from_name (words[0]);
  c->line = words[1] != NULL ? (guint) atoi (words[1]) : 0;
  c->column = c->line > 0 && words[2] != NULL ? (guint) atoi (words[2]) : 0;
}

static void
assert_case_error (const Case *c, const GError *error, const char *name)
{
  guint line, column;
  g_autofree char *prefix = NULL;

  ck_assert_msg (error != NULL, "%s: loaded, expected error %d", c->input, c->code);
  ck_assert_msg (error->domain == PBO_ERROR && error->code == c->code,
                 "%s: expected code %d, got %d: %s", c->input, c->code, error->code,
                 error->message);
  ck_assert_msg (pbo_error_get_position (error, &line, &column), "%s: no position in “%s”",
                 c->input, error->message);
  if (c->line > 0)
    ck_assert_msg (line == c->line && column == c->column, "%s: expected %u:%u, got “%s”",
                   c->input, c->line, c->column, error->message);
  prefix = g_strdup_printf ("%s:%u:%u: ", name, line, column);
  ck_assert_msg (g_str_has_prefix (error->message, prefix), "“%s” does not start with “%s”",
                 error->message, prefix);
}

/* ---- round trips ------------------------------------------------------------ */

/* Every sample file (examples/data, whoever adds them) and every fixture. */
START_TEST (test_round_trip_files)
{
  const char *const folders[] = { "examples/data", "tests/data/roundtrip", "tests/data/canonical" };
  guint f, i, n = 0;

  for (f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autoptr (GPtrArray) files = list_xml (folders[f], FALSE);
      for (i = 0; i < files->len; i++, n++)
        {
          GError *error = NULL;
          g_autoptr (PboTree) tree = pbo_xml_load_file (files->pdata[i], NULL, &error);
          ck_assert_msg (tree != NULL, "%s", error != NULL ? error->message : "");
          ck_assert_invariants (tree);
          assert_round_trip (tree);
        }
    }
  ck_assert_uint_ge (n, 4);
}
END_TEST

/* The fixtures are written canonically: saving them gives them back. */
START_TEST (test_canonical_fixtures)
{
  g_autoptr (GPtrArray) files = list_xml ("tests/data/roundtrip", FALSE);
  guint i;

  ck_assert_uint_ge (files->len, 3);
  for (i = 0; i < files->len; i++)
    {
      g_autofree char *text = tu_read_file (files->pdata[i]);
      g_autoptr (PboTree) tree = tu_load_string (text);
      g_autofree char *out = tu_save_string (tree, NULL);
      ck_assert_str_eq (out, text);
    }
}
END_TEST

/* Any spelling of the same document comes out in the one canonical form. */
START_TEST (test_canonicalize)
{
  g_autofree char *in_path = tu_srcpath ("tests/data/canonical/messy.xml");
  g_autofree char *exp_path = tu_srcpath ("tests/data/canonical/messy.expected.xml");
  g_autofree char *in = tu_read_file (in_path);
  g_autofree char *expected = tu_read_file (exp_path);
  g_autoptr (PboTree) tree = tu_load_string (in);
  g_autofree char *out = tu_save_string (tree, NULL);

  ck_assert_str_eq (out, expected);
}
END_TEST

START_TEST (test_round_trip_built)
{
  g_autoptr (PboTree) tree = tu_full_tree ();
  g_autoptr (PboTree) sample = tu_sample_tree ();
  g_autofree char *out = tu_save_string (tree, NULL);

  assert_round_trip (tree);
  assert_round_trip (sample);
  /* Canonical order and escaping, spot-checked. */
  ck_assert_ptr_nonnull (strstr (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<pbo xmlns=\"urn:libpbo:1\" version=\"1\">\n"
                                      "  <org id=\"c\" kind=\"committee\" name=\"组织 c\" unit=\""
                                      "江海区中西医结合医院 &amp; &lt;分院&gt;\" established=\""
                                      "2023-06-01\" term-start=\"2023-06-01\" term-years=\"3\">\n"
                                      "    <officer role=\"secretary\" member=\"m1\" since="
                                      "\"2023-06-01\"/>\n"));
  ck_assert_ptr_nonnull (strstr (out, "name=\"张&quot;海&quot; &amp; &lt;李&gt;&#9;'x'&#10;二行"
                                      "&#13;\" gender=\"male\" born=\"1975-03-02\" joined=\""
                                      "2010-07-01\" full-since=\"2011-07-01\" status=\"full\" "
                                      "employment=\"in-service\" ethnicity=\"汉族\" education="
                                      "\"本科\" position=\"主任医师\" department=\"内科\" dues-base="
                                      "\"4000.50\" dues-category=\"standard\" phone=\"13800138000\""
                                      " id-card=\"44070319750302123X\" mobile=\"true\"/>\n"));
  ck_assert_ptr_nonnull (strstr (out, "      <meeting type=\"life-meeting\" date=\"2023-12-20\" "
                                      "title=\"组织生活会 &quot;2023&quot; &amp; &lt;总结&gt;\" "
                                      "attendance=\"12\">\n        <absent member=\"m2\"/>\n"
                                      "      </meeting>\n"));
  ck_assert_ptr_nonnull (strstr (out, "  <org id=\"empty-general-branch\" kind=\"general-branch\" "
                                      "name=\"组织 empty-general-branch\"/>\n</pbo>\n"));
}
END_TEST

/* Foreign attributes and elements survive a load, edits and a save. */
START_TEST (test_foreign_kept)
{
  g_autofree char *path = tu_srcpath ("tests/data/roundtrip/foreign.xml");
  GError *error = NULL;
  g_autoptr (PboTree) tree = pbo_xml_load_file (path, NULL, &error);
  PboMember *m1;
  g_autofree char *out = NULL;

  ck_assert_no_error (error);
  m1 = pbo_tree_lookup_member (tree, "m1");
  ck_assert (pbo_member_set_attribute (tree, m1, "department", "内科", &error));
  ck_assert (pbo_tree_move_member (tree, m1, pbo_tree_lookup_org (tree, "b1"), &error));
  out = tu_save_string (tree, NULL);
  ck_assert_ptr_nonnull (strstr (out, "department=\"内科\" hr:staff-no=\"00017\">\n"
                                      "        <hr:note lang=\"zh\">调入 &lt;内科&gt; &amp; 门诊"
                                      "&#10;第二行</hr:note>\n"));
  /* An XInclude element is foreign content: kept as it is, never followed. */
  ck_assert_ptr_nonnull (strstr (out, "href=\"file:///etc/passwd\""));
  ck_assert_ptr_null (strstr (out, "root:"));
  assert_round_trip (tree);
}
END_TEST

/* A namespace URI with '&' (spelled &amp; or &#38;) is written escaped once:
 * the parser hands it over as "&#38;", which was escaped again and grew an
 * "amp;" at each save until the file no longer loaded. */
START_TEST (test_foreign_namespace_ampersand)
{
  g_autofree char *path = tu_srcpath ("tests/data/fuzz-regressions/load/foreign-ns-uri-ampersand.xml");
  GError *error = NULL;
  g_autoptr (PboTree) tree = pbo_xml_load_file (path, NULL, &error);
  g_autofree char *out = NULL;

  ck_assert_no_error (error);
  out = tu_save_string (tree, NULL);
  ck_assert_ptr_nonnull (strstr (out, " xmlns:x=\"urn:a&amp;b\">\n"));
  ck_assert_ptr_nonnull (strstr (out, "<y:note xmlns:y=\"urn:c&amp;d\" y:v=\"&amp;\">&amp;</y:note>"));
  assert_round_trip (tree);
}
END_TEST

START_TEST (test_absent_of_removed_member)
{
  g_autoptr (PboTree) tree = tu_full_tree ();
  g_autoptr (PboTree) back = NULL;
  g_autofree char *out = NULL;

  pbo_tree_remove_member (tree, pbo_tree_lookup_member (tree, "m2"));
  out = tu_save_string (tree, NULL);
  ck_assert_ptr_null (strstr (out, "<absent"));
  ck_assert_ptr_nonnull (strstr (out, "attendance=\"12\"/>\n"));
  /* The tree keeps the record of the removed member; the file cannot. */
  back = tu_load_string (out);
  assert_round_trip (back);
}
END_TEST

/* ---- errors ----------------------------------------------------------------- */

/* Every case of tests/data/invalid, from a file, from memory and from a
 * pipe; with stderr captured to prove that libxml2 prints nothing. */
START_TEST (test_invalid_cases)
{
  g_autoptr (GPtrArray) dirs = list_xml ("tests/data/invalid", TRUE);
  g_autofree char *err_path = NULL;
  int err_fd = g_file_open_tmp ("pbo-stderr-XXXXXX", &err_path, NULL);
  int saved_stderr = dup (2);
  struct stat st;
  guint i;

  ck_assert_uint_ge (dirs->len, 30);
  ck_assert_int_ge (err_fd, 0);
  fflush (stderr);
  dup2 (err_fd, 2);
  for (i = 0; i < dirs->len; i++)
    {
      PboLoadOptions options = PBO_LOAD_OPTIONS_INIT;
      Case c;
      GError *error = NULL;
      g_autofree char *data = NULL;
      gsize len;
      PboTree *tree;

      case_read (&c, dirs->pdata[i]);
      tree = pbo_xml_load_file (c.input, NULL, &error);
      ck_assert_ptr_null (tree);
      assert_case_error (&c, error, c.input);
      g_clear_error (&error);

      ck_assert (g_file_get_contents (c.input, &data, &len, NULL));
      options.filename = "case.xml";
      ck_assert_ptr_null (pbo_xml_load_data (data, len, &options, &error));
      assert_case_error (&c, error, "case.xml");
      g_clear_error (&error);
      ck_assert_ptr_null (pbo_xml_load_data (data, len, NULL, &error));
      assert_case_error (&c, error, "<memory>");
      g_clear_error (&error);
      g_free (c.input);
    }
  fflush (stderr);
  dup2 (saved_stderr, 2);
  close (saved_stderr);
  ck_assert_int_eq (fstat (err_fd, &st), 0);
  ck_assert_msg (st.st_size == 0, "libxml2 wrote %ld bytes to stderr", (long) st.st_size);
  close (err_fd);
  g_unlink (err_path);
}
END_TEST

typedef struct {
  guint   calls;
  guint64 last_done, last_total;
  gboolean monotonic;
} Progress;

static void
on_progress (guint64 done, guint64 total, gpointer data)
{
  Progress *p = data;

  p->monotonic = p->monotonic && done >= p->last_done;
  p->calls++;
  p->last_done = done;
  p->last_total = total;
}

START_TEST (test_load_from_pipe)
{
  g_autofree char *path = tu_srcpath ("tests/data/roundtrip/jianghai.xml");
  g_autofree char *text = tu_read_file (path);
  g_autoptr (PboTree) expected = tu_load_string (text);
  g_autofree char *d1 = tu_dump (expected);
  g_autofree char *d2 = NULL;
  g_autoptr (PboTree) tree = NULL;
  PboLoadOptions options = PBO_LOAD_OPTIONS_INIT;
  Progress p = { 0, 0, 0, TRUE };
  GError *error = NULL;
  int fds[2];

  ck_assert_int_eq (pipe (fds), 0);
  ck_assert_int_eq (write (fds[1], text, strlen (text)), (gssize) strlen (text));
  close (fds[1]);
  /* A pipe has no known size: the last report gives the total read. */
  options.progress = on_progress;
  options.progress_data = &p;
  tree = pbo_xml_load_fd (fds[0], &options, &error);
  ck_assert_no_error (error);
  d2 = tu_dump (tree);
  ck_assert_str_eq (d1, d2);
  ck_assert_uint_ge (p.calls, 1);
  ck_assert_uint_eq (p.last_done, strlen (text));
  ck_assert_uint_eq (p.last_total, strlen (text));
  close (fds[0]);

  ck_assert_int_eq (pipe (fds), 0);
  ck_assert_int_eq (write (fds[1], "<pbo/>", 6), 6);
  close (fds[1]);
  ck_assert_ptr_null (pbo_xml_load_fd (fds[0], NULL, &error));
  ck_assert_msg (g_str_has_prefix (error->message, "<fd "), "%s", error->message);
  ck_assert_pbo_error (error, PBO_ERROR_FORMAT);
  close (fds[0]);
}
END_TEST

START_TEST (test_load_io_errors)
{
  g_autofree char *dir = tu_srcpath ("tests/data");
  GError *error = NULL;

  ck_assert_ptr_null (pbo_xml_load_file ("/nonexistent/pbo.xml", NULL, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "/nonexistent/pbo.xml"));
  ck_assert_pbo_error (error, PBO_ERROR_IO);
  ck_assert_ptr_null (pbo_xml_load_file (dir, NULL, &error));
  ck_assert_pbo_error (error, PBO_ERROR_IO);
}
END_TEST

static const char small_doc[] =
  "<pbo xmlns='urn:libpbo:1' version='1'><org id='c' kind='committee' name='党委'>"
  "<org id='b' kind='branch' name='支部' unit='0123456789abcdef'/></org></pbo>";

START_TEST (test_limits)
{
  PboLoadOptions options = PBO_LOAD_OPTIONS_INIT;
  GError *error = NULL;
  PboTree *tree;

  options.max_depth = 3;
  tree = pbo_xml_load_data (small_doc, strlen (small_doc), &options, &error);
  ck_assert_ptr_nonnull (tree);
  pbo_tree_free (tree);
  options.max_depth = 2;
  ck_assert_ptr_null (pbo_xml_load_data (small_doc, strlen (small_doc), &options, &error));
  ck_assert_pbo_error (error, PBO_ERROR_LIMIT);

  options.max_depth = 0;
  options.max_text = 15;
  ck_assert_ptr_null (pbo_xml_load_data (small_doc, strlen (small_doc), &options, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "“unit”"));
  ck_assert_pbo_error (error, PBO_ERROR_LIMIT);

  options.max_text = 0;
  options.max_size = 100;
  ck_assert_ptr_null (pbo_xml_load_data (small_doc, strlen (small_doc), &options, &error));
  ck_assert_pbo_error (error, PBO_ERROR_LIMIT);
  options.max_size = sizeof small_doc - 1;
  tree = pbo_xml_load_data (small_doc, strlen (small_doc), &options, &error);
  ck_assert_no_error (error);
  pbo_tree_free (tree);
}
END_TEST

/* ---- hostile input ------------------------------------------------------------ */

/* Loads in a child process under a 512 MB address-space limit (not under
 * ASan or Valgrind, which need far more address space for themselves) and
 * checks that it is refused with @code in bounded time. */
static void
assert_refused_bounded (const char *data, gsize len, int code, const char *what)
{
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  pid_t pid;

  if (under_valgrind ())
    {
      GError *error = NULL;
      ck_assert_msg (pbo_xml_load_data (data, len, NULL, &error) == NULL, "%s loaded", what);
      ck_assert_msg (error->code == code, "%s: %s", what, error->message);
      g_clear_error (&error);
      return;
    }
  pid = fork ();
  ck_assert_int_ge (pid, 0);
  if (pid == 0)
    {
      struct rlimit limit = { 512u << 20, 512u << 20 };
      GError *error = NULL;
      PboTree *tree;

      if (!UNDER_ASAN)
        setrlimit (RLIMIT_AS, &limit);
      tree = pbo_xml_load_data (data, len, NULL, &error);
      _exit (tree == NULL && error != NULL && error->domain == PBO_ERROR && error->code == code
               ? 0 : 1);
    }
  ck_assert_int_eq (waitpid (pid, &status, 0), pid);
  ck_assert_msg (WIFEXITED (status) && WEXITSTATUS (status) == 0,
                 "%s: not refused with code %d (status %d)", what, code, status);
  /* A hang detector, not a benchmark: the Check timeout is 60 s. */
  ck_assert_msg (g_get_monotonic_time () - start < 20 * G_USEC_PER_SEC, "%s: too slow", what);
}

START_TEST (test_hostile_files)
{
  g_autoptr (GPtrArray) dirs = list_xml ("tests/data/hostile", TRUE);
  guint i;

  ck_assert_uint_ge (dirs->len, 8);
  for (i = 0; i < dirs->len; i++)
    {
      g_autofree char *data = NULL;
      gsize len;
      Case c;

      case_read (&c, dirs->pdata[i]);
      ck_assert (g_file_get_contents (c.input, &data, &len, NULL));
      assert_refused_bounded (data, len, c.code, c.input);
      g_free (c.input);
    }
}
END_TEST

#define PBO_START "<?xml version=\"1.0\"?>\n<pbo xmlns=\"urn:libpbo:1\" version=\"1\" " \
                  "xmlns:x=\"urn:x\">\n<org id=\"c\" kind=\"committee\" name=\"c\">"

/* Inputs too big to commit: a head, a piece repeated, a tail. */
static const struct {
  const char *what, *head, *piece;
  guint       count;
  const char *tail;
  int         code;
} generated[] = {
  { "deep foreign elements", PBO_START, "<x:a>", 20000, "", PBO_ERROR_LIMIT },
  { "12 MB attribute", PBO_START "<org id=\"b\" kind=\"branch\" name=\"", "党", 4 << 20,
    "\"/></org></pbo>\n", PBO_ERROR_LIMIT },
  { "12 MB foreign text", PBO_START "<x:note>", "text ", 12 << 18, "</x:note></org></pbo>\n",
    PBO_ERROR_LIMIT },
  { "12 MB comment", PBO_START "<!--", "note ", 12 << 18, "--></org></pbo>\n", PBO_ERROR_LIMIT },
};

START_TEST (test_hostile_generated)
{
  GString *s = g_string_new (PBO_START);
  guint i, k;

  /* 20,000 nested committees (each id unique, so depth is what fails). */
  for (i = 0; i < 20000; i++)
    g_string_append_printf (s, "<org id=\"c%u\" kind=\"committee\" name=\"c\">", i);
  assert_refused_bounded (s->str, s->len, PBO_ERROR_LIMIT, "deep orgs");
  for (k = 0; k < G_N_ELEMENTS (generated); k++)
    {
      g_string_assign (s, generated[k].head);
      for (i = 0; i < generated[k].count; i++)
        g_string_append (s, generated[k].piece);
      g_string_append (s, generated[k].tail);
      assert_refused_bounded (s->str, s->len, generated[k].code, generated[k].what);
    }
  g_string_free (s, TRUE);
}
END_TEST

/* ---- the schema pass ----------------------------------------------------------- */

START_TEST (test_schema_flag)
{
  const char *foreign_doc = "<pbo xmlns='urn:libpbo:1' version='1'><x:y xmlns:x='urn:x'/></pbo>";
  g_autofree char *stub = tu_srcpath ("tests/data/schema/pbo-stub.rng");
  g_autofree char *real = tu_srcpath ("docs/pbo-1.rng");
  g_autofree char *path = tu_srcpath ("tests/data/roundtrip/jianghai.xml");
  PboLoadOptions options = PBO_LOAD_OPTIONS_INIT;
  GError *error = NULL;
  PboTree *tree;

  options.flags = PBO_LOAD_VALIDATE_SCHEMA;
  g_setenv ("PBO_SCHEMA_PATH", "/nonexistent/pbo-1.rng", TRUE);
  ck_assert_ptr_null (pbo_xml_load_file (path, &options, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "/nonexistent/pbo-1.rng"));
  ck_assert_pbo_error (error, PBO_ERROR_IO);

  /* The stub accepts <pbo> holding orgs only: jianghai passes, a document
   * with foreign content (which the loader accepts) does not. */
  g_setenv ("PBO_SCHEMA_PATH", stub, TRUE);
  tree = pbo_xml_load_file (path, &options, &error);
  ck_assert_no_error (error);
  pbo_tree_free (tree);
  ck_assert_ptr_null (pbo_xml_load_data (foreign_doc, strlen (foreign_doc), &options, &error));
  ck_assert_msg (pbo_error_get_position (error, NULL, NULL), "%s", error->message);
  ck_assert_pbo_error (error, PBO_ERROR_FORMAT);

  /* The real schema, once docs/pbo-1.rng is in the tree, agrees with the
   * loader on every fixture. */
  if (g_file_test (real, G_FILE_TEST_EXISTS))
    {
      g_autoptr (GPtrArray) files = list_xml ("tests/data/roundtrip", FALSE);
      guint i;
      g_setenv ("PBO_SCHEMA_PATH", real, TRUE);
      for (i = 0; i < files->len; i++)
        {
          tree = pbo_xml_load_file (files->pdata[i], &options, &error);
          ck_assert_msg (tree != NULL, "%s", error != NULL ? error->message : "");
          pbo_tree_free (tree);
        }
    }
  g_unsetenv ("PBO_SCHEMA_PATH");
}
END_TEST

/* ---- progress ------------------------------------------------------------------ */

/* A document of @n members in branches of 20. */
static char *
generate (guint n)
{
  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pbo xmlns=\"urn:libpbo:1\" "
                             "version=\"1\">\n  <org id=\"c\" kind=\"committee\" name=\"党委\">\n");
  guint i;

  for (i = 0; i < n; i++)
    {
      if (i % 20 == 0)
        g_string_append_printf (s, "%s    <org id=\"b%u\" kind=\"branch\" name=\"第%u党支部\">\n",
                                i > 0 ? "    </org>\n" : "", i / 20, i / 20);
      g_string_append_printf (s, "      <member id=\"m%06u\" name=\"党员%u\" born=\"1970-01-01\" "
                              "joined=\"2001-06-20\" full-since=\"2002-06-20\" status=\"full\" "
                              "employment=\"in-service\" department=\"内科\"/>\n", i, i);
    }
  g_string_append (s, n > 0 ? "    </org>\n  </org>\n</pbo>\n" : "  </org>\n</pbo>\n");
  return g_string_free (s, FALSE);
}

START_TEST (test_progress)
{
  g_autofree char *doc = generate (3000);
  PboLoadOptions load = PBO_LOAD_OPTIONS_INIT;
  PboSaveOptions save = PBO_SAVE_OPTIONS_INIT;
  Progress p = { 0, 0, 0, TRUE };
  GError *error = NULL;
  g_autoptr (PboTree) tree = NULL;
  g_autofree char *out = NULL;

  load.progress = on_progress;
  load.progress_data = &p;
  tree = pbo_xml_load_data (doc, strlen (doc), &load, &error);
  ck_assert_no_error (error);
  ck_assert (p.monotonic);
  ck_assert_uint_ge (p.calls, 2);
  ck_assert_uint_le (p.calls, 102);
  ck_assert_uint_eq (p.last_done, strlen (doc));
  ck_assert_uint_eq (p.last_total, strlen (doc));

  memset (&p, 0, sizeof p);
  p.monotonic = TRUE;
  save.progress = on_progress;
  save.progress_data = &p;
  out = pbo_xml_save_data (tree, NULL, &save, &error);
  ck_assert_no_error (error);
  ck_assert_str_eq (out, doc);
  ck_assert (p.monotonic);
  ck_assert_uint_ge (p.calls, 2);
  ck_assert_uint_le (p.calls, 102);
  ck_assert_uint_eq (p.last_total, 3000 + 150 + 1);
  ck_assert_uint_eq (p.last_done, p.last_total);
}
END_TEST

/* A GError message is UTF-8, and a path need not be. */
START_TEST (test_io_errors_name_paths_in_utf8)
{
  g_autofree char *dir = g_dir_make_tmp ("pbo-xml-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "\xb2\xe2\xca\xd4.xml", NULL);
  g_autofree char *deep = g_build_filename (dir, "\xff", "t.xml", NULL);
  g_autoptr (PboTree) tree = tu_sample_tree ();
  GError *error = NULL;

  ck_assert_ptr_null (pbo_xml_load_file (bad, NULL, &error));
  ck_assert_msg (g_utf8_validate (error->message, -1, NULL), "not UTF-8: %s", error->message);
  ck_assert_pbo_error (error, PBO_ERROR_IO);
  ck_assert (!pbo_xml_save_file (tree, deep, NULL, &error));
  ck_assert_msg (g_utf8_validate (error->message, -1, NULL), "not UTF-8: %s", error->message);
  ck_assert_pbo_error (error, PBO_ERROR_IO);
  g_rmdir (dir);
}
END_TEST

static Suite *
xml_suite (void)
{
  Suite *s = suite_create ("xml");
  TCase *tc = tcase_create ("load");

  tcase_add_test (tc, test_round_trip_files);
  tcase_add_test (tc, test_canonical_fixtures);
  tcase_add_test (tc, test_canonicalize);
  tcase_add_test (tc, test_round_trip_built);
  tcase_add_test (tc, test_foreign_kept);
  tcase_add_test (tc, test_foreign_namespace_ampersand);
  tcase_add_test (tc, test_absent_of_removed_member);
  tcase_add_test (tc, test_invalid_cases);
  tcase_add_test (tc, test_load_from_pipe);
  tcase_add_test (tc, test_load_io_errors);
  tcase_add_test (tc, test_io_errors_name_paths_in_utf8);
  tcase_add_test (tc, test_limits);
  tcase_add_test (tc, test_hostile_files);
  tcase_add_test (tc, test_hostile_generated);
  tcase_add_test (tc, test_schema_flag);
  tcase_add_test (tc, test_progress);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (xml_suite ());
}
