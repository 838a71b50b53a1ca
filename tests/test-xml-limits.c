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

/* ---- item 3: the declarations foreign content relies on -------------------- */

/* Foreign content that relies on the default namespace or on a prefix of
 * format v1's namespace is written with those declarations: the writer
 * declares format v1's namespace as the default and hoists only the other
 * prefixes to <pbo>. */
static const struct {
  const char *doc, *kept;
} inherited[] = {
  { "<p:pbo xmlns:p=\"urn:libpbo:1\" xmlns=\"urn:x\" version=\"1\">"
    "<p:org id=\"c\" kind=\"committee\" name=\"c\"><note>n</note></p:org></p:pbo>",
    "<note xmlns=\"urn:x\">n</note>" },
  { "<pbo xmlns=\"urn:libpbo:1\" xmlns:p=\"urn:libpbo:1\" xmlns:x=\"urn:x\" version=\"1\">"
    "<org id=\"c\" kind=\"committee\" name=\"c\"><x:a><p:b/></x:a></org></pbo>",
    "<x:a xmlns:p=\"urn:libpbo:1\"><p:b/></x:a>" },
  { "<p:pbo xmlns:p=\"urn:libpbo:1\" xmlns:x=\"urn:x\" version=\"1\">"
    "<p:org id=\"c\" kind=\"committee\" name=\"c\"><x:a><b x:v=\"1\"/></x:a></p:org></p:pbo>",
    "<x:a xmlns=\"\"><b x:v=\"1\"/></x:a>" },
  /* Declared on a format element below <pbo>, shadowing the root's: an
   * unprefixed <member> in another default namespace is foreign. */
  { "<pbo xmlns=\"urn:libpbo:1\" version=\"1\"><org id=\"c\" kind=\"committee\" name=\"c\">"
    "<org xmlns=\"urn:libpbo:1\" xmlns:y=\"urn:libpbo:1\" id=\"b\" kind=\"branch\" name=\"b\">"
    "<member xmlns=\"urn:y\" xmlns:z=\"urn:z\" y:id=\"m\" y:name=\"n\" y:status=\"probationary\" "
    "y:employment=\"retired\" y:joined=\"2020-01-01\"/></org></org></pbo>",
    "<member xmlns:y=\"urn:libpbo:1\" xmlns=\"urn:y\" xmlns:z=\"urn:z\" y:id=\"m\"" },
  /* What the element declares itself it keeps, once. */
  { "<p:pbo xmlns:p=\"urn:libpbo:1\" xmlns=\"urn:x\" version=\"1\"><p:org id=\"c\" "
    "kind=\"committee\" name=\"c\"><note xmlns=\"urn:q\" xmlns:p=\"urn:r\"><c p:a=\"1\"/>"
    "</note></p:org></p:pbo>",
    "<note xmlns=\"urn:q\" xmlns:p=\"urn:r\"><c p:a=\"1\"/></note>" },
  /* What is declared already needs nothing more (the canonical case). */
  { "<pbo xmlns=\"urn:libpbo:1\" xmlns:x=\"urn:x\" version=\"1\">"
    "<org id=\"c\" kind=\"committee\" name=\"c\"><x:a><x:b/></x:a></org></pbo>",
    "<x:a><x:b/></x:a>" },
};

START_TEST (test_foreign_keeps_inherited_namespaces)
{
  GError *error = NULL;
  g_autoptr (PboTree) tree = pbo_xml_load_data (inherited[_i].doc, strlen (inherited[_i].doc),
                                                NULL, &error);
  g_autofree char *xml = NULL;

  ck_assert_msg (tree != NULL, "%s", error->message);
  xml = tu_save_string (tree, NULL);
  ck_assert_msg (strstr (xml, inherited[_i].kept) != NULL, "%s", xml);
  assert_reloads (tree);
}
END_TEST

/* Moved under another org, the content still means the same. */
START_TEST (test_moved_foreign_keeps_namespaces)
{
  static const char doc[] =
    "<p:pbo xmlns:p=\"urn:libpbo:1\" xmlns=\"urn:x\" version=\"1\">"
    "<p:org id=\"c\" kind=\"committee\" name=\"c\"/>"
    "<p:org id=\"d\" kind=\"committee\" name=\"d\" xmlns=\"urn:w\"><note/></p:org></p:pbo>";
  g_autoptr (PboTree) tree = tu_load_string (doc);
  g_autofree char *xml = NULL;
  GError *error = NULL;

  ck_assert (pbo_tree_move_org (tree, pbo_tree_lookup_org (tree, "d"),
                                pbo_tree_lookup_org (tree, "c"), NULL, &error));
  xml = tu_save_string (tree, NULL);
  ck_assert_msg (strstr (xml, "<note xmlns=\"urn:w\"/>") != NULL, "%s", xml);
  assert_reloads (tree);
}
END_TEST

/* ---- item 15: attributes per element ----------------------------------------- */

static char *
org_with_attributes (guint n_foreign, const char *value)
{
  GString *s = g_string_new (DOC_HEAD "<org id=\"c\" kind=\"committee\" name=\"c\" xmlns:x=\"urn:x\"");
  guint i;

  for (i = 0; i < n_foreign; i++)
    g_string_append_printf (s, " x:a%u=\"%s\"", i, value);
  g_string_append (s, "/></pbo>\n");
  return g_string_free (s, FALSE);
}

START_TEST (test_attributes_per_element)
{
  /* id, kind, name and a declaration: 4 of the 256. */
  g_autofree char *most = org_with_attributes (PBO_XML_MAX_ATTRIBUTES - 4, "v=1>2");
  g_autofree char *over = org_with_attributes (PBO_XML_MAX_ATTRIBUTES - 3, "");
  g_autofree char *huge = org_with_attributes (115000, "");
  g_autoptr (PboTree) tree = tu_load_string (most);
  GError *error = NULL;

  assert_reloads (tree);
  assert_load_refused (over, PBO_ERROR_LIMIT, "<memory>:3:1:");
  /* Refused while it arrives, long before libxml2 compares 115,000
   * attributes pair by pair (6.6 s in 1.0). */
  ck_assert_ptr_null (pbo_xml_load_data (huge, strlen (huge), NULL, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "more than 256 attributes"));
  ck_assert_pbo_error (error, PBO_ERROR_LIMIT);
}
END_TEST

/* The same across the loader's 64 KiB blocks: a comment pushes the tag
 * over a boundary at a hundred places along it. */
START_TEST (test_attributes_across_blocks)
{
  g_autofree char *most = org_with_attributes (PBO_XML_MAX_ATTRIBUTES - 4, "=");
  g_autofree char *over = org_with_attributes (PBO_XML_MAX_ATTRIBUTES - 3, "");
  gsize head = strlen (DOC_HEAD), shift;
  GError *error = NULL;

  for (shift = 0; shift < strlen (most) - head; shift += 37)
    {
      gsize pad = 65536 - head - 9 - shift;   /* "<!--" "-->\n" and the tag's first bytes */
      g_autofree char *filler = g_strnfill (pad, 'x');
      g_autofree char *a = g_strdup_printf ("%.*s<!--%s-->\n%s", (int) head, most, filler,
                                            most + head);
      g_autofree char *b = g_strdup_printf ("%.*s<!--%s-->\n%s", (int) head, over, filler,
                                            over + head);
      PboTree *tree = pbo_xml_load_data (a, strlen (a), NULL, &error);

      ck_assert_msg (tree != NULL, "shift %zu: %s", shift, error->message);
      pbo_tree_free (tree);
      ck_assert_ptr_null (pbo_xml_load_data (b, strlen (b), NULL, &error));
      ck_assert_pbo_error (error, PBO_ERROR_LIMIT);
    }
}
END_TEST

/* '=' in text, comments, CDATA, instructions and values is no attribute. */
START_TEST (test_attribute_count_ignores_text)
{
  g_autofree char *many = g_strnfill (2000, '=');
  g_autofree char *doc = g_strdup_printf (
    DOC_HEAD "<!-- %s --><?pi %s?><org id=\"c\" kind=\"committee\" name=\"%s\" xmlns:x=\"urn:x\">"
    "<x:t a='%s'>%s<![CDATA[%s]]></x:t></org></pbo>\n", many, many, many, "1", many, many);
  g_autoptr (PboTree) tree = tu_load_string (doc);

  ck_assert_ptr_nonnull (tree);
}
END_TEST

/* What the writer would write with more than the limit is refused too:
 * <pbo> declares every prefix of the document; a foreign element the
 * declarations it inherits. */
START_TEST (test_written_attributes_bounded)
{
  GString *s = g_string_new (DOC_HEAD "<org id=\"c\" kind=\"committee\" name=\"c\">");
  guint i;

  for (i = 0; i < PBO_XML_MAX_ATTRIBUTES; i++)
    g_string_append_printf (s, "<org xmlns:p%u=\"urn:p%u\" id=\"b%u\" kind=\"branch\" name=\"b\"/>",
                            i, i, i);
  g_string_append (s, "</org></pbo>\n");
  assert_load_refused (s->str, PBO_ERROR_LIMIT, "<memory>:");
  g_string_assign (s, "<p:pbo xmlns:p=\"urn:libpbo:1\" xmlns=\"urn:x\" version=\"1\">"
                      "<p:org id=\"c\" kind=\"committee\" name=\"c\"><note");
  for (i = 0; i < PBO_XML_MAX_ATTRIBUTES; i++)
    g_string_append_printf (s, " a%u=\"\"", i);
  g_string_append (s, "/></p:org></p:pbo>\n");
  assert_load_refused (s->str, PBO_ERROR_LIMIT, "<memory>:");
  g_string_free (s, TRUE);
}
END_TEST

/* ---- item 5: depth -------------------------------------------------------- */

/* The deepest tree the API builds, with a member holding the deepest
 * foreign content the loader takes, saves to a file the default options
 * load. */
START_TEST (test_deepest_tree_reloads)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  g_autoptr (GString) foreign = g_string_new (NULL), doc = NULL;
  g_autoptr (PboTree) deep = NULL;
  g_autofree char *saved = NULL;
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;
  PboOrg *org = NULL;
  GError *error = NULL;
  guint i;

  for (i = 0; i < PBO_MAX_DEPTH; i++)
    {
      char id[16];
      g_snprintf (id, sizeof id, "o%u", i);
      org = pbo_tree_add_org (tree, org, i + 1 < PBO_MAX_DEPTH ? PBO_ORG_COMMITTEE
                                                                : PBO_ORG_BRANCH, id, "委", &error);
      ck_assert_msg (org != NULL, "%s", error->message);
    }
  info.id = "m";
  info.name = "党员";
  info.status = PBO_STATUS_PROBATIONARY;
  info.employment = PBO_EMPLOYMENT_IN_SERVICE;
  info.joined = 20200101;
  ck_assert_ptr_nonnull (pbo_tree_add_member (tree, org, &info, &error));
  assert_reloads (tree);

  /* The same shape as a file, foreign content 64 deep in the member. */
  saved = tu_save_string (tree, NULL);
  doc = g_string_new (saved);
  g_string_append (foreign, "employment=\"in-service\" xmlns:x=\"urn:x\">");
  for (i = 0; i < 64; i++)
    g_string_append (foreign, "<x:a>");
  for (i = 0; i < 64; i++)
    g_string_append (foreign, "</x:a>");
  g_string_append (foreign, "</member>");
  ck_assert_uint_eq (g_string_replace (doc, "employment=\"in-service\"/>", foreign->str, 1), 1);
  deep = tu_load_string (doc->str);
  assert_reloads (deep);
  /* One foreign level more is refused, wherever it stands. */
  g_string_replace (doc, "<x:a>", "<x:a><x:a>", 1);
  g_string_replace (doc, "</x:a>", "</x:a></x:a>", 1);
  assert_load_refused (doc->str, PBO_ERROR_LIMIT, "<memory>:");
}
END_TEST

/* A plan of 300 nested create-org is refused at the level past the limit,
 * all or nothing (1.0 applied it and saved a file it could not load). */
START_TEST (test_plan_too_deep_refused)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  g_autoptr (PboPlan) plan = pbo_plan_new ();
  GError *error = NULL;
  guint i;

  for (i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("o%u", i);
      g_autofree char *parent = g_strdup_printf ("o%u", i - 1);
      const char *attrs[] = { "id", id, "kind", "committee", "name", "委",
                              i > 0 ? "parent" : NULL, parent, NULL };
      ck_assert_int_ge (pbo_plan_add_op (plan, PBO_EDIT_OP_CREATE_ORG, attrs, &error), 0);
    }
  ck_assert (!pbo_plan_apply (tree, plan, NULL, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "129 levels deep"));
  ck_assert_pbo_error (error, PBO_ERROR_LIMIT);
  ck_assert_uint_eq (pbo_tree_get_n_orgs (tree), 0);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 0);
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
  tcase_add_loop_test (tc, test_foreign_keeps_inherited_namespaces, 0, G_N_ELEMENTS (inherited));
  tcase_add_test (tc, test_moved_foreign_keeps_namespaces);
  tcase_add_test (tc, test_attributes_per_element);
  tcase_add_test (tc, test_attributes_across_blocks);
  tcase_add_test (tc, test_attribute_count_ignores_text);
  tcase_add_test (tc, test_written_attributes_bounded);
  tcase_add_test (tc, test_deepest_tree_reloads);
  tcase_add_test (tc, test_plan_too_deep_refused);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (limits_suite ());
}
