/* Check suite for issue 18 (national scale): the load path's shortcuts
 * keep their meaning — the pool's block table stays sorted however malloc
 * places blocks, the id index's probe hint never puts an id where a
 * lookup cannot find it, and the checks made cheaper still say the same
 * thing when they fail. White-box: links the internal view. */
#include "testutil.h"
#include "tree-private.h"
#include "xml-load-private.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- pool ------------------------------------------------------------------ */

static void
assert_pool_consistent (const PboPool *pool, const guint32 *refs, guint n)
{
  const struct { const char *base; guint32 block; } *sorted = (gconstpointer) pool->sorted->data;
  guint i;

  for (i = 1; i < pool->sorted->len; i++)
    ck_assert (sorted[i - 1].base < sorted[i].base);
  for (i = 0; i < n; i++)
    ck_assert_uint_eq (pbo_pool_ref_ (pool, pbo_pool_record_ (pool, refs[i])), refs[i]);
  /* The hinted lookup, with the hint of the last lookup (right for a run
   * in one block), stale, and out of range. */
  for (i = 0; i < n; i++)
    {
      guint32 hint = i % 3 == 0 ? G_MAXUINT32 : i % 3 == 1 ? (i * 7919u) % (pool->blocks->len + 1) : 0;
      guint32 ref = pbo_pool_ref_hinted_ (pool, pbo_pool_record_ (pool, refs[i]), &hint);
      ck_assert_uint_eq (ref, refs[i]);
      ck_assert_uint_eq (hint, (refs[i] - 1) / PBO_POOL_BLOCK);
      ck_assert_uint_eq (pbo_pool_ref_hinted_ (pool, pbo_pool_record_ (pool, refs[i]), &hint), refs[i]);
    }
}

START_TEST (test_pool_blocks_any_order)
{
  enum { N_BLOCKS = 40 };
  const guint n = N_BLOCKS * PBO_POOL_BLOCK;
  guint32 *refs = g_new (guint32, n);
  gpointer holes[N_BLOCKS] = { NULL };
  PboPool pool;
  guint i, out_of_order;

  /* Blocks of 64 KiB, below glibc's mmap threshold: freeing a hole of the
   * same size just before a new block often hands the block a lower
   * address than the last one — the out-of-order arrival. */
  pbo_pool_init_ (&pool, 64);
  for (i = 0; i < n; i++)
    {
      if (i % PBO_POOL_BLOCK == 0)
        {
          guint b = i / PBO_POOL_BLOCK;
          holes[b] = malloc (64 * PBO_POOL_BLOCK);
          if (b % 3 == 2)
            {
              free (holes[b - 1]);
              holes[b - 1] = NULL;
            }
        }
      refs[i] = pbo_pool_alloc_ (&pool);
    }
  ck_assert_uint_eq (pool.blocks->len, N_BLOCKS);
  /* The case under test did occur (else this test proves nothing) — with
   * glibc's malloc; AddressSanitizer's and Valgrind's (the valgrind test
   * setup sets PBO_UNDER_VALGRIND) hand out blocks their own way. */
  for (i = 1, out_of_order = 0; i < N_BLOCKS; i++)
    out_of_order += g_ptr_array_index (pool.blocks, i) < g_ptr_array_index (pool.blocks, i - 1);
#ifndef __SANITIZE_ADDRESS__
  if (g_getenv ("PBO_UNDER_VALGRIND") == NULL)
    ck_assert_uint_gt (out_of_order, 0);
#endif
  assert_pool_consistent (&pool, refs, n);
  for (i = 0; i < N_BLOCKS; i++)
    free (holes[i]);
  pbo_pool_clear_ (&pool);
  g_free (refs);
}
END_TEST

/* ---- id index -------------------------------------------------------------- */

static PboOrg *
branch (PboTree *tree, const char *id)
{
  return tu_add_org (tree, NULL, PBO_ORG_BRANCH, id);
}

/* Adds, removes and re-adds ids in an order that makes probe runs long
 * (a table kept small, every third id removed while others wait for their
 * insertion), checking every id against a plain set after each step; in
 * a table of the doubling sizes, then in one reserved at a size that is no
 * power of two (as the loader reserves), whose probe runs wrap at its odd
 * end and which then doubles from there. */
START_TEST (test_index_hint_random)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  g_autoptr (GHashTable) live = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PboOrg *b = branch (tree, "b");
  GRand *rand = g_rand_new_with_seed (18);
  guint step;

  if (_i == 1)
    {
      pbo_tree_index_reserve_ (tree, 700);
      ck_assert_uint_eq (tree->ids.size, 700 * 4 / 3 + 1);
    }

  for (step = 0; step < 6000; step++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", g_rand_int_range (rand, 0, 1500));
      PboMember *m = pbo_tree_lookup_member (tree, id);
      GError *error = NULL;

      if (m != NULL && g_rand_boolean (rand))
        {
          pbo_tree_remove_member (tree, m);
          g_hash_table_remove (live, id);
        }
      else if (m == NULL)
        {
          /* A probe for another id between this one's check and insert:
           * the hint must not be taken for it. */
          ck_assert (!pbo_tree_has_id (tree, "zz-not-there"));
          ck_assert_ptr_nonnull (tu_add_member_soft (tree, b, id, PBO_STATUS_FULL,
                                                     PBO_EMPLOYMENT_IN_SERVICE, &error));
          g_hash_table_add (live, g_steal_pointer (&id));
        }
      else
        {
          ck_assert_ptr_null (tu_add_member_soft (tree, b, id, PBO_STATUS_FULL,
                                                  PBO_EMPLOYMENT_IN_SERVICE, &error));
          ck_assert_pbo_error (error, PBO_ERROR_DUPLICATE_ID);
        }
    }
  ck_assert_uint_eq (pbo_tree_get_n_members (tree), g_hash_table_size (live));
  {
    GHashTableIter it;
    gpointer key;

    g_hash_table_iter_init (&it, live);
    while (g_hash_table_iter_next (&it, &key, NULL))
      ck_assert_ptr_nonnull (pbo_tree_lookup_member (tree, key));
  }
  ck_assert_invariants (tree);
  g_rand_free (rand);
}
END_TEST

/* A failed insertion leaves a hint behind; the next, different id must
 * not land in its slot (it would be unreachable from its own home). */
START_TEST (test_index_hint_after_refusal)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *b = branch (tree, "b");
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  GError *error = NULL;
  guint i;

  info.name = "";   /* refused after the id's probe */
  info.id = "m-refused";
  info.status = PBO_STATUS_PROBATIONARY;
  info.employment = PBO_EMPLOYMENT_IN_SERVICE;
  info.joined = pbo_date_make (2020, 1, 1);
  for (i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("x%u", i);

      ck_assert_ptr_null (pbo_tree_add_member (tree, b, &info, &error));
      g_clear_error (&error);
      tu_add_member (tree, b, id, PBO_STATUS_FULL, PBO_EMPLOYMENT_RETIRED);
    }
  for (i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("x%u", i);
      ck_assert_ptr_nonnull (pbo_tree_lookup_member (tree, id));
    }
  ck_assert_ptr_null (pbo_tree_lookup_member (tree, "m-refused"));
  ck_assert_invariants (tree);
}
END_TEST

/* The loader resolves an org's officers when the org ends. A member named
 * in more offices than a member can hold (255) still fails the load with
 * the limit's error at one of those <officer> elements; 43 nested
 * committees each naming the member in all 6 roles (258 offices). Under
 * 255 the same nesting loads with every office in place. */
static char *
offices_doc (guint depth)
{
  static const char *const roles[] = { "secretary", "deputy-secretary", "organization",
                                       "propaganda", "discipline", "committee-member" };
  GString *doc = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<pbo xmlns=\"urn:libpbo:1\" version=\"1\">\n");
  guint i, r;

  for (i = 0; i < depth; i++)
    {
      g_string_append_printf (doc, "<org id=\"c%u\" kind=\"committee\" name=\"党委\">\n", i);
      for (r = 0; r < G_N_ELEMENTS (roles); r++)
        g_string_append_printf (doc, "<officer role=\"%s\" member=\"m\"/>\n", roles[r]);
    }
  g_string_append (doc, "<org id=\"b\" kind=\"branch\" name=\"支部\">\n"
                        "<member id=\"m\" name=\"张一\" joined=\"2000-01-01\" full-since=\"2001-01-01\""
                        " status=\"full\" employment=\"in-service\"/>\n</org>\n");
  for (i = 0; i < depth; i++)
    g_string_append (doc, "</org>\n");
  g_string_append (doc, "</pbo>\n");
  return g_string_free (doc, FALSE);
}

START_TEST (test_office_limit_across_orgs)
{
  g_autofree char *over = offices_doc (43), *under = offices_doc (42);
  GError *error = NULL;
  PboTree *tree = pbo_xml_load_data (over, strlen (over), NULL, &error);
  g_autoptr (PboTree) fits = NULL;

  ck_assert_ptr_null (tree);
  ck_assert_ptr_nonnull (error);
  ck_assert_ptr_nonnull (strstr (error->message, "holds too many offices"));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  fits = pbo_xml_load_data (under, strlen (under), NULL, &error);
  ck_assert_msg (fits != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (pbo_org_get_n_officers (pbo_tree_lookup_org (fits, "c0")), 6);
  ck_assert_uint_eq (pbo_org_get_n_officers (pbo_tree_lookup_org (fits, "c41")), 6);
}
END_TEST

/* The duplicate check's one probe still names what holds the id. */
START_TEST (test_duplicate_messages)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *b = branch (tree, "b1");
  GError *error = NULL;

  tu_add_member (tree, b, "m1", PBO_STATUS_FULL, PBO_EMPLOYMENT_IN_SERVICE);
  ck_assert_ptr_null (tu_add_member_soft (tree, b, "m1", PBO_STATUS_FULL,
                                          PBO_EMPLOYMENT_IN_SERVICE, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "a member"));
  ck_assert_pbo_error (error, PBO_ERROR_DUPLICATE_ID);
  ck_assert_ptr_null (tu_add_member_soft (tree, b, "b1", PBO_STATUS_FULL,
                                          PBO_EMPLOYMENT_IN_SERVICE, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "an org"));
  ck_assert_pbo_error (error, PBO_ERROR_DUPLICATE_ID);
  ck_assert_ptr_null (pbo_tree_add_org (tree, NULL, PBO_ORG_BRANCH, "m1", "支部", &error));
  ck_assert_ptr_nonnull (strstr (error->message, "a member"));
  ck_assert_pbo_error (error, PBO_ERROR_DUPLICATE_ID);
}
END_TEST

/* ---- checks made cheaper ----------------------------------------------------- */

static void
assert_name_refused (const char *name, const char *expected)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  PboOrg *b = branch (tree, "b1");
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  GError *error = NULL;

  info.id = "m1";
  info.name = name;
  info.status = PBO_STATUS_PROBATIONARY;
  info.employment = PBO_EMPLOYMENT_IN_SERVICE;
  info.joined = pbo_date_make (2020, 1, 1);
  ck_assert_ptr_null (pbo_tree_add_member (tree, b, &info, &error));
  ck_assert_msg (error != NULL && strstr (error->message, expected) != NULL, "%s",
                 error != NULL ? error->message : "no error");
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
}

START_TEST (test_text_check_messages)
{
  char long_name[PBO_TEXT_MAX + 2];

  memset (long_name, 'a', sizeof long_name - 1);
  long_name[sizeof long_name - 1] = '\0';
  assert_name_refused ("", "member name must not be empty");
  assert_name_refused ("张\xff", "member name is not valid UTF-8");
  assert_name_refused ("张\x01", "member name holds a control character (0x01)");
  assert_name_refused ("张\xef\xbf\xbe", "member name holds U+FFFE");
  assert_name_refused (long_name, "member name is longer than");
  long_name[PBO_TEXT_MAX] = '\0';
  {
    g_autoptr (PboTree) tree = pbo_tree_new ();
    GError *error = NULL;
    ck_assert_ptr_null (pbo_tree_add_org (tree, NULL, PBO_ORG_BRANCH, "b1", "", &error));
    ck_assert_ptr_nonnull (strstr (error->message, "org name must not be empty"));
    ck_assert_pbo_error (error, PBO_ERROR_INVALID);
    ck_assert_ptr_nonnull (pbo_tree_add_org (tree, NULL, PBO_ORG_BRANCH, "b2", long_name, &error));
    ck_assert_no_error (error);
  }
}
END_TEST

/* ---- streamed findings -------------------------------------------------------- */

typedef struct {
  GString *text, *csv;
  guint    n, stop_after;
} Sink;

static gboolean
sink_finding (const PboFinding *f, gpointer data)
{
  Sink *sink = data;

  pbo_finding_write_text (f, sink->text);
  pbo_finding_write_csv (f, sink->csv, PBO_CSV_WRITE_DEFAULT);
  return ++sink->n != sink->stop_after;
}

static PboTree *
load_sample (const char *rel)
{
  g_autofree char *path = tu_srcpath (rel);
  GError *error = NULL;
  PboTree *tree = pbo_xml_load_file (path, NULL, &error);

  ck_assert_msg (tree != NULL, "%s", error != NULL ? error->message : "");
  return tree;
}

/* pbo_check_foreach() hands over exactly pbo_check()'s findings, in its
 * order, and the per-finding writers give the list writers' bytes. */
START_TEST (test_check_foreach_same_findings)
{
  static const char *const samples[] = { "examples/data/jianghai.xml",
                                         "examples/data/wujiang-2014.xml",
                                         "examples/data/city-health.xml" };
  g_autoptr (PboTree) tree = load_sample (samples[_i]);
  PboCheckOptions opts = PBO_CHECK_OPTIONS_INIT;
  g_autoptr (PboFindings) findings = NULL;
  g_autoptr (GString) text = g_string_new (NULL), csv = g_string_new (NULL);
  Sink sink = { g_string_new (NULL), g_string_new (NULL), 0, 0 };
  GError *error = NULL;
  guint n_errors = 12345;

  opts.on = pbo_date_make (2024, 6, 30);
  findings = pbo_check (tree, NULL, &opts, &error);
  ck_assert_no_error (error);
  ck_assert_uint_gt (pbo_findings_get_n (findings), 0);
  pbo_findings_write_text (findings, text);
  pbo_findings_write_csv_full (findings, csv, PBO_CSV_WRITE_DEFAULT);
  pbo_findings_write_csv_header (sink.csv, PBO_CSV_WRITE_DEFAULT);
  ck_assert (pbo_check_foreach (tree, NULL, &opts, sink_finding, &sink, &n_errors, &error));
  ck_assert_no_error (error);
  ck_assert_uint_eq (sink.n, pbo_findings_get_n (findings));
  ck_assert_uint_eq (n_errors, pbo_findings_count (findings, PBO_SEVERITY_ERROR));
  ck_assert_str_eq (sink.text->str, text->str);
  ck_assert_str_eq (sink.csv->str, csv->str);
  g_string_free (sink.text, TRUE);
  g_string_free (sink.csv, TRUE);
}
END_TEST

/* The sink stops the check; bad options are refused before any finding. */
START_TEST (test_check_foreach_stop_and_refuse)
{
  g_autoptr (PboTree) tree = load_sample ("examples/data/jianghai.xml");
  PboCheckOptions opts = PBO_CHECK_OPTIONS_INIT;
  Sink sink = { g_string_new (NULL), g_string_new (NULL), 0, 2 };
  GError *error = NULL;

  opts.on = pbo_date_make (2024, 6, 30);
  ck_assert (pbo_check_foreach (tree, NULL, &opts, sink_finding, &sink, NULL, &error));
  ck_assert_uint_eq (sink.n, 2);
  sink.n = 0;
  opts.from = pbo_date_make (2024, 6, 1);
  opts.to = pbo_date_make (2024, 1, 1);
  ck_assert (!pbo_check_foreach (tree, NULL, &opts, sink_finding, &sink, NULL, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_uint_eq (sink.n, 0);
  g_string_free (sink.text, TRUE);
  g_string_free (sink.csv, TRUE);
}
END_TEST

/* ---- the two-thread load ---------------------------------------------------------- */

/* What loading @path gives: the saved tree, or the error's code and message. */
static char *
load_outcome (const char *path, const char *threads)
{
  GError *error = NULL;
  PboTree *tree;
  char *outcome;

  g_setenv ("PBO_LOAD_THREADS", threads, TRUE);
  tree = pbo_xml_load_file (path, NULL, &error);
  g_unsetenv ("PBO_LOAD_THREADS");
  if (tree == NULL)
    {
      outcome = g_strdup_printf ("error %d: %s", error->code, error->message);
      g_error_free (error);
      return outcome;
    }
  outcome = tu_save_string (tree, NULL);
  pbo_tree_free (tree);
  return outcome;
}

static void
compare_dir (const char *dir, guint *n_files, guint *n_errors)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  ck_assert_ptr_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        compare_dir (path, n_files, n_errors);
      else if (g_str_has_suffix (name, ".xml"))
        {
          g_autofree char *one = load_outcome (path, "1");
          g_autofree char *two = load_outcome (path, "2");

          ck_assert_msg (strcmp (one, two) == 0, "%s: one thread: %.200s; two: %.200s", path,
                         one, two);
          (*n_files)++;
          *n_errors += g_str_has_prefix (one, "error ");
        }
    }
  g_dir_close (d);
}

/* Every file of the test data and the examples loads to the same tree, or
 * fails with the same error at the same position, on two threads as on
 * one (the two-thread load gives up on trouble and the one-thread load
 * reads the file again: this proves the giving up complete). */
START_TEST (test_pipe_same_outcome)
{
  g_autofree char *data = tu_srcpath ("tests/data");
  g_autofree char *examples = tu_srcpath ("examples/data");
  guint n_files = 0, n_errors = 0, built = pbo_xml_pipe_n_built_ ();

  compare_dir (data, &n_files, &n_errors);
  compare_dir (examples, &n_files, &n_errors);
  /* The good files did go the whole way on two threads. */
  ck_assert_uint_gt (pbo_xml_pipe_n_built_ (), built + 10);
  ck_assert_uint_gt (n_files, 100);
  ck_assert_uint_gt (n_errors, 50);
  ck_assert_uint_lt (n_errors, n_files);
}
END_TEST

/* A file that goes the whole way on two threads (no trouble to give up
 * on) builds the same tree as on one: a generated tree with every kind of
 * format element, saved, then loaded both ways. */
START_TEST (test_pipe_same_tree)
{
  g_autoptr (PboTree) tree = load_sample ("examples/data/city-health.xml");
  g_autofree char *saved = tu_save_string (tree, NULL);
  g_autofree char *dir = g_dir_make_tmp ("pbo-pipe-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "t.xml", NULL);
  g_autofree char *one = NULL, *two = NULL;

  guint built;

  ck_assert (g_file_set_contents (path, saved, -1, NULL));
  one = load_outcome (path, "1");
  built = pbo_xml_pipe_n_built_ ();
  two = load_outcome (path, "2");
  ck_assert_uint_eq (pbo_xml_pipe_n_built_ (), built + 1);
  ck_assert_str_eq (one, saved);
  ck_assert_str_eq (two, saved);
  g_unlink (path);
  g_rmdir (dir);
}
END_TEST

static Suite *
scale_suite (void)
{
  Suite *s = suite_create ("scale");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_pool_blocks_any_order);
  tcase_add_loop_test (tc, test_index_hint_random, 0, 2);
  tcase_add_test (tc, test_index_hint_after_refusal);
  tcase_add_test (tc, test_duplicate_messages);
  tcase_add_test (tc, test_office_limit_across_orgs);
  tcase_add_test (tc, test_text_check_messages);
  tcase_add_loop_test (tc, test_check_foreach_same_findings, 0, 3);
  tcase_add_test (tc, test_check_foreach_stop_and_refuse);
  tcase_add_test (tc, test_pipe_same_outcome);
  tcase_add_test (tc, test_pipe_same_tree);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (scale_suite ());
}
