/* What the oracles share (fuzz-oracles.h): saving, the invariants, the
 * small fixed tree that the edit, plan and CSV harnesses change, and the
 * checks made after an accepted or a refused change. */
#include <string.h>
#include <pbo/pbo.h>
#include "fuzz-oracles.h"

/* Every kind of org, officers, meetings with absences, foreign attributes
 * and elements, and an empty committee: small, so that each run is quick,
 * and rich enough that most operations have something to act on. */
static const char fixed_tree[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<pbo xmlns=\"urn:libpbo:1\" version=\"1\" xmlns:hr=\"urn:example:hr\" hr:by=\"HR\">\n"
  " <org id=\"c1\" kind=\"committee\" name=\"党委\" hr:code=\"D-01\">\n"
  "  <officer role=\"secretary\" member=\"m1\" since=\"2020-01-01\"/>\n"
  "  <officer role=\"committee-member\" member=\"m4\"/>\n"
  "  <org id=\"g1\" kind=\"general-branch\" name=\"总支\" unit=\"医院\" established=\"2019-05-01\""
  " term-start=\"2019-05-01\" term-years=\"3\">\n"
  "   <officer role=\"secretary\" member=\"m4\"/>\n"
  "   <org id=\"b1\" kind=\"branch\" name=\"一支部\" unit=\"医院\">\n"
  "    <officer role=\"secretary\" member=\"m1\"/>\n"
  "    <officer role=\"organization\" member=\"m2\"/>\n"
  "    <member id=\"m1\" name=\"张海\" gender=\"male\" born=\"1975-03-02\" joined=\"2001-06-20\""
  " full-since=\"2002-06-20\" status=\"full\" employment=\"in-service\" department=\"内科\""
  " dues-base=\"4000\" phone=\"13800138000\" id-card=\"44078519750302123X\" hr:no=\"17\">\n"
  "     <hr:note>调入 &amp; 门诊</hr:note>\n"
  "    </member>\n"
  "    <member id=\"m2\" name=\"李丽\" joined=\"1980-07-01\" full-since=\"1981-07-01\""
  " status=\"full\" employment=\"retired\"/>\n"
  "    <member id=\"m3\" name=\"王强\" joined=\"2023-06-20\" status=\"probationary\""
  " employment=\"in-service\" department=\"内科\"/>\n"
  "    <meeting type=\"lecture\" date=\"2023-07-01\" title=\"党课\" attendance=\"2\">\n"
  "     <absent member=\"m3\"/>\n"
  "    </meeting>\n"
  "   </org>\n"
  "   <org id=\"b2\" kind=\"branch\" name=\"二支部\">\n"
  "    <org id=\"gr1\" kind=\"group\" name=\"小组\">\n"
  "     <officer role=\"secretary\" member=\"m5\"/>\n"
  "     <member id=\"m5\" name=\"赵敏\" joined=\"2010-07-01\" full-since=\"2011-07-01\""
  " status=\"full\" employment=\"in-service\"/>\n"
  "     <member id=\"m6\" name=\"钱\" joined=\"2010-07-01\" full-since=\"2011-07-01\""
  " status=\"full\" employment=\"retired\"/>\n"
  "    </org>\n"
  "    <member id=\"m4\" name=\"孙\" joined=\"2010-07-01\" full-since=\"2011-07-01\""
  " status=\"full\" employment=\"in-service\"/>\n"
  "    <meeting type=\"general-assembly\" date=\"2023-03-01\"><absent member=\"m6\"/></meeting>\n"
  "   </org>\n"
  "  </org>\n"
  "  <org id=\"b3\" kind=\"branch\" name=\"三支部\">\n"
  "   <member id=\"m7\" name=\"周\" joined=\"2010-07-01\" full-since=\"2011-07-01\""
  " status=\"full\" employment=\"in-service\"/>\n"
  "  </org>\n"
  "  <hr:extra/>\n"
  " </org>\n"
  " <org id=\"c2\" kind=\"committee\" name=\"空党委\"/>\n"
  "</pbo>\n";


char *
pbo_fuzz_save (const PboTree *tree, gsize *length)
{
  GError *error = NULL;
  char *out = pbo_xml_save_data (tree, length, NULL, &error);

  if (out == NULL)
    PBO_FUZZ_FAIL ("a loaded tree does not save: %s", error->message);
  return out;
}

void
pbo_fuzz_check_invariants (const PboTree *tree, const char *when)
{
  GError *error = NULL;

  if (!pbo_tree_validate_invariants (tree, &error))
    PBO_FUZZ_FAIL ("invariants broken %s: %s", when, error->message);
}

PboTree *
pbo_fuzz_load_fixed_tree (void)
{
  GError *error = NULL;
  PboTree *tree = pbo_xml_load_data (fixed_tree, sizeof fixed_tree - 1, NULL, &error);

  if (tree == NULL)
    PBO_FUZZ_FAIL ("the fixed tree does not load: %s", error->message);
  return tree;
}

void
pbo_fuzz_check_refusal (const GError *error, const char *what)
{
  if (error == NULL || error->domain != PBO_ERROR || error->message[0] == '\0')
    PBO_FUZZ_FAIL ("%s refused without a PBO_ERROR", what);
  if (!g_utf8_validate (error->message, -1, NULL))
    PBO_FUZZ_FAIL ("%s: the message is not UTF-8: %s", what, error->message);
}

void
pbo_fuzz_expect_saved (const PboTree *tree, const char *expected, const char *what)
{
  char *now = pbo_fuzz_save (tree, NULL);

  if (strcmp (now, expected) != 0)
    PBO_FUZZ_FAIL ("%s changed the tree:\n%s\n---- now:\n%s", what, expected, now);
  g_free (now);
}

void
pbo_fuzz_check_saves_back (const PboTree *tree, const char *what)
{
  GError *error = NULL;
  gsize first_len, second_len;
  char *first = pbo_fuzz_save (tree, &first_len), *second;
  PboTree *back = pbo_xml_load_data (first, first_len, NULL, &error);

  if (back == NULL)
    PBO_FUZZ_FAIL ("after %s, the saved tree does not load: %s\n%s", what, error->message, first);
  pbo_fuzz_check_invariants (back, "after reloading");
  second = pbo_fuzz_save (back, &second_len);
  if (first_len != second_len || memcmp (first, second, first_len) != 0)
    PBO_FUZZ_FAIL ("after %s, save → load → save is not byte-identical:\n%s\n----\n%s", what,
                   first, second);
  g_free (first);
  g_free (second);
  pbo_tree_free (back);
}

void
pbo_fuzz_check_committed (PboTree *tree, const char *before, guint entries_before,
                          const char *what)
{
  GError *error = NULL;
  char *saved;
  gsize length;

  pbo_fuzz_check_invariants (tree, what);
  if (pbo_edit_in_transaction (tree))
    PBO_FUZZ_FAIL ("%s left a transaction open", what);
  if (pbo_journal_get_n_entries (tree) < entries_before)
    PBO_FUZZ_FAIL ("%s shortened the journal", what);
  /* The result, journal included, saves and loads back losslessly. */
  pbo_fuzz_check_saves_back (tree, what);
  saved = pbo_fuzz_save (tree, &length);
  pbo_fuzz_check_load ((const uint8_t *) saved, length);
  g_free (saved);
  /* Undoing its journal entries gives the tree before, byte for byte. */
  while (pbo_journal_get_n_entries (tree) > entries_before)
    if (!pbo_edit_undo_last (tree, &error))
      PBO_FUZZ_FAIL ("%s: its entry %u does not undo: %s", what,
                     pbo_journal_get_n_entries (tree), error->message);
  pbo_fuzz_expect_saved (tree, before, what);
  pbo_fuzz_check_invariants (tree, what);
}

void
pbo_fuzz_check_unchanged (const PboTree *tree, const char *before, guint entries_before,
                          const GError *error, const char *what)
{
  pbo_fuzz_check_refusal (error, what);
  if (pbo_edit_in_transaction (tree) || pbo_journal_get_n_entries (tree) != entries_before)
    PBO_FUZZ_FAIL ("%s left a transaction open or journal entries", what);
  pbo_fuzz_expect_saved (tree, before, what);
  pbo_fuzz_check_invariants (tree, what);
}
