/* Check suite: recruit — applicants, activists and candidates: the model,
 * format v1, promotion and admission as journaled operations, plans,
 * restructurings that carry recruits, and the PBO-R rules. */
#include <string.h>
#include "edit-testutil.h"

#define OPEN "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pbo xmlns=\"urn:libpbo:1\" version=\"1\">\n"

/* b1 holds m1 and three recruits, one per stage; b2 is an empty branch with
 * a group; g1 is a general branch. */
static const char recruits_xml[] =
  OPEN
  "  <org id=\"g1\" kind=\"general-branch\" name=\"总支\">\n"
  "    <org id=\"b1\" kind=\"branch\" name=\"一支部\">\n"
  "      <member id=\"m1\" name=\"张海\" joined=\"2001-06-20\" full-since=\"2002-06-20\" status=\"full\" employment=\"in-service\"/>\n"
  "      <recruit id=\"r1\" name=\"李明\" gender=\"male\" born=\"2000-05-01\" stage=\"candidate\" applied=\"2021-03-01\" activist-since=\"2021-06-01\" candidate-since=\"2022-07-01\" department=\"内科\"/>\n"
  "      <recruit id=\"r2\" name=\"王芳\" gender=\"female\" born=\"1999\" stage=\"activist\" applied=\"2023-03-01\" activist-since=\"2023-09-01\"/>\n"
  "      <recruit id=\"r3\" name=\"赵强\" stage=\"applicant\" applied=\"2024-03-01\"/>\n"
  "    </org>\n"
  "    <org id=\"b2\" kind=\"branch\" name=\"二支部\">\n"
  "      <org id=\"gr2\" kind=\"group\" name=\"小组\">\n"
  "        <member id=\"m2\" name=\"钱\" joined=\"2001-06-20\" full-since=\"2002-06-20\" status=\"full\" employment=\"retired\"/>\n"
  "      </org>\n"
  "    </org>\n"
  "  </org>\n"
  "</pbo>\n";

#define RECRUIT(tree, id) pbo_tree_lookup_recruit ((tree), (id))
#define ORG(tree, id) pbo_tree_lookup_org ((tree), (id))

static PboEditContext
on (PboDate date)
{
  PboEditContext ctx = PBO_EDIT_CONTEXT_INIT;

  ctx.date = date;
  return ctx;
}

/* ---- the model ---------------------------------------------------------- */

START_TEST (test_stage_spellings)
{
  int i;

  for (i = PBO_RECRUIT_APPLICANT; i <= PBO_RECRUIT_CANDIDATE; i++)
    ck_assert_int_eq (pbo_recruit_stage_from_string (pbo_recruit_stage_to_string (i)), i);
  ck_assert_ptr_null (pbo_recruit_stage_to_string (PBO_RECRUIT_STAGE_NONE));
  ck_assert_ptr_null (pbo_recruit_stage_to_string (9));
  ck_assert_int_eq (pbo_recruit_stage_from_string ("Applicant"), PBO_RECRUIT_STAGE_NONE);
  ck_assert_int_eq (pbo_recruit_stage_from_string (NULL), PBO_RECRUIT_STAGE_NONE);
}
END_TEST

START_TEST (test_add_and_lookup)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboRecruitInfo info = PBO_RECRUIT_INFO_INIT, back = PBO_RECRUIT_INFO_INIT;
  PboOrg *b1 = ORG (tree, "b1");
  GError *error = NULL;
  PboRecruit *r;
  guint members = pbo_tree_get_n_members (tree);

  info.id = "r1";
  info.name = "李明";
  info.stage = PBO_RECRUIT_ACTIVIST;
  info.applied = 20230301;
  info.activist_since = 20230901;
  info.born = 20000501;
  info.gender = PBO_GENDER_MALE;
  info.department = "内科";
  r = pbo_tree_add_recruit (tree, b1, &info, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_eq (RECRUIT (tree, "r1"), r);
  ck_assert_ptr_eq (pbo_recruit_get_branch (r), b1);
  ck_assert_uint_eq (pbo_org_get_n_recruits (b1), 1);
  ck_assert_ptr_eq (pbo_org_get_recruit (b1, 0), r);
  ck_assert_ptr_null (pbo_org_get_recruit (b1, 1));
  ck_assert_uint_eq (pbo_tree_get_n_recruits (tree), 1);
  ck_assert (pbo_tree_has_id (tree, "r1"));
  /* Recruits are not members: no statistics change. */
  ck_assert_uint_eq (pbo_tree_get_n_members (tree), members);
  pbo_recruit_get_info (r, &back);
  ck_assert_str_eq (back.name, "李明");
  ck_assert_str_eq (back.department, "内科");
  ck_assert_int_eq (back.stage, PBO_RECRUIT_ACTIVIST);
  ck_assert_uint_eq (back.activist_since, 20230901);
  ck_assert_uint_eq (back.candidate_since, PBO_DATE_NONE);
  ck_assert_uint_eq (back.born, 20000501);
  ck_assert_int_eq (back.gender, PBO_GENDER_MALE);
  ck_assert_invariants (tree);

  /* One id namespace: orgs, members and recruits. */
  ck_assert_ptr_null (tu_add_member_soft (tree, b1, "r1", PBO_STATUS_FULL,
                                          PBO_EMPLOYMENT_IN_SERVICE, &error));
  ck_assert_pbo_error (error, PBO_ERROR_DUPLICATE_ID);
  info.id = "m1";
  ck_assert_ptr_null (pbo_tree_add_recruit (tree, b1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_DUPLICATE_ID);
  info.id = "b2";
  ck_assert_ptr_null (pbo_tree_add_recruit (tree, b1, &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_DUPLICATE_ID);

  pbo_tree_remove_recruit (tree, r);
  ck_assert_uint_eq (pbo_org_get_n_recruits (b1), 0);
  ck_assert_ptr_null (RECRUIT (tree, "r1"));
  ck_assert (!pbo_tree_has_id (tree, "r1"));
  ck_assert_invariants (tree);
}
END_TEST

START_TEST (test_add_refusals)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  static const struct {
    PboRecruitStage stage;
    PboDate applied, activist, candidate, born;
    const char *name;
    int code;
  } cases[] = {
    { PBO_RECRUIT_STAGE_NONE, 20230301, 0, 0, 0, "李", PBO_ERROR_INVALID },
    { PBO_RECRUIT_APPLICANT, 0, 0, 0, 0, "李", PBO_ERROR_INVALID },
    { PBO_RECRUIT_APPLICANT, 2023, 0, 0, 0, "李", PBO_ERROR_INVALID },
    { PBO_RECRUIT_APPLICANT, 20230301, 20230401, 0, 0, "李", PBO_ERROR_INVALID },
    { PBO_RECRUIT_ACTIVIST, 20230301, 0, 0, 0, "李", PBO_ERROR_INVALID },
    { PBO_RECRUIT_ACTIVIST, 20230301, 20230201, 0, 0, "李", PBO_ERROR_INCONSISTENT },
    { PBO_RECRUIT_CANDIDATE, 20230301, 20230401, 20230331, 0, "李", PBO_ERROR_INCONSISTENT },
    { PBO_RECRUIT_APPLICANT, 20230301, 0, 0, 20230230, "李", PBO_ERROR_INVALID },
    { PBO_RECRUIT_APPLICANT, 20230301, 0, 0, 0, "", PBO_ERROR_INVALID },
  };
  PboRecruitInfo info = PBO_RECRUIT_INFO_INIT;
  GError *error = NULL;
  g_autofree char *before = tu_dump (tree);
  g_autofree char *after = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      info.id = "r1";
      info.name = cases[i].name;
      info.stage = cases[i].stage;
      info.applied = cases[i].applied;
      info.activist_since = cases[i].activist;
      info.candidate_since = cases[i].candidate;
      info.born = cases[i].born;
      ck_assert_msg (pbo_tree_add_recruit (tree, ORG (tree, "b1"), &info, &error) == NULL,
                     "case %u accepted", i);
      ck_assert_msg (error->code == cases[i].code, "case %u: %s", i, error->message);
      g_clear_error (&error);
    }
  /* Only branches record recruits (not groups, general branches, committees). */
  info.stage = PBO_RECRUIT_APPLICANT;
  info.applied = 20230301;
  info.activist_since = info.candidate_since = info.born = PBO_DATE_NONE;
  info.name = "李";
  ck_assert_ptr_null (pbo_tree_add_recruit (tree, ORG (tree, "gr1"), &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_CONTAINMENT);
  ck_assert_ptr_null (pbo_tree_add_recruit (tree, ORG (tree, "g1"), &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_CONTAINMENT);
  info.version = 0;
  ck_assert_ptr_null (pbo_tree_add_recruit (tree, ORG (tree, "b1"), &info, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  after = tu_dump (tree);
  ck_assert_str_eq (before, after);
}
END_TEST

/* A branch with recruits cannot stop being a branch or be removed. */
START_TEST (test_branch_keeps_its_recruits)
{
  g_autoptr (PboTree) tree = tu_load_string (recruits_xml);
  PboOrg *b1 = ORG (tree, "b1");
  GError *error = NULL;

  ck_assert (!pbo_org_set_kind (tree, b1, PBO_ORG_GROUP, &error));
  ck_assert_pbo_error (error, PBO_ERROR_CONTAINMENT);
  pbo_tree_remove_member (tree, pbo_tree_lookup_member (tree, "m1"));
  ck_assert (!pbo_tree_remove_org (tree, b1, &error));
  ck_assert_pbo_error (error, PBO_ERROR_NOT_EMPTY);
  ck_assert_invariants (tree);
}
END_TEST

START_TEST (test_eligible_on)
{
  g_autoptr (PboTree) tree = tu_load_string (recruits_xml);
  PboRecruitInfo info = PBO_RECRUIT_INFO_INIT;
  GError *error = NULL;
  PboRecruit *young;

  /* A candidate: from candidate-since (already 18 then). */
  ck_assert_uint_eq (pbo_recruit_eligible_on (RECRUIT (tree, "r1")), 20220701);
  /* An activist: a year after becoming one. */
  ck_assert_uint_eq (pbo_recruit_eligible_on (RECRUIT (tree, "r2")), 20240901);
  /* An applicant of unknown age: from the application. */
  ck_assert_uint_eq (pbo_recruit_eligible_on (RECRUIT (tree, "r3")), 20240301);
  /* Applied at 17: never (they apply again). */
  info.id = "r9";
  info.name = "少";
  info.stage = PBO_RECRUIT_APPLICANT;
  info.born = 20070302;
  info.applied = 20250301;
  young = pbo_tree_add_recruit (tree, ORG (tree, "b1"), &info, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_recruit_eligible_on (young), PBO_DATE_NONE);
  /* The day before the 18th birthday is still under age; the day itself is not. */
  info.id = "r10";
  info.applied = 20250302;
  ck_assert_uint_eq (pbo_recruit_eligible_on (pbo_tree_add_recruit (tree, ORG (tree, "b1"),
                                                                     &info, &error)),
                     20250302);
  ck_assert_no_error (error);
}
END_TEST

/* ---- format v1 ---------------------------------------------------------- */

START_TEST (test_xml_round_trip)
{
  g_autoptr (PboTree) tree = tu_load_string (recruits_xml);
  g_autoptr (PboTree) again = NULL;
  g_autoptr (PboTree) copy = NULL;
  g_autofree char *saved = tu_save_string (tree, NULL);
  g_autofree char *resaved = NULL, *d1 = NULL, *d2 = NULL, *d3 = NULL;

  ck_assert_str_eq (saved, recruits_xml);
  again = tu_load_string (saved);
  resaved = tu_save_string (again, NULL);
  ck_assert_str_eq (saved, resaved);
  ck_assert_uint_eq (pbo_tree_get_n_recruits (again), 3);
  copy = pbo_tree_copy (tree);
  d1 = tu_dump (tree);
  d2 = tu_dump (copy);
  d3 = tu_dump (again);
  ck_assert_str_eq (d1, d2);
  ck_assert_str_eq (d1, d3);
  ck_assert_invariants (copy);
}
END_TEST

/* An empty optional attribute is an absent one, as everywhere in format v1. */
START_TEST (test_xml_empty_optional)
{
  g_autoptr (PboTree) tree = tu_load_string (
    OPEN "  <org id=\"b1\" kind=\"branch\" name=\"支部\">\n"
    "    <recruit id=\"r1\" name=\"李\" gender=\"\" born=\"\" stage=\"applicant\" "
    "applied=\"2021-03-01\" activist-since=\"\" candidate-since=\"\" department=\"\"/>\n"
    "  </org>\n</pbo>\n");
  g_autofree char *saved = tu_save_string (tree, NULL);

  ck_assert_ptr_nonnull (strstr (saved, "<recruit id=\"r1\" name=\"李\" stage=\"applicant\" "
                                        "applied=\"2021-03-01\"/>"));
}
END_TEST

START_TEST (test_xml_redacted)
{
  g_autoptr (PboTree) tree = tu_load_string (recruits_xml);
  PboSaveOptions options = PBO_SAVE_OPTIONS_INIT;
  g_autofree char *saved = NULL;

  options.flags = PBO_SAVE_REDACT;
  saved = tu_save_string (tree, &options);
  ck_assert_ptr_null (strstr (saved, "2000-05-01"));
  ck_assert_ptr_nonnull (strstr (saved, "born=\"2000\" stage=\"candidate\""));
  /* A redacted export still loads. */
  pbo_tree_free (tu_load_string (saved));
}
END_TEST

/* ---- promotion ---------------------------------------------------------- */

START_TEST (test_promote)
{
  g_autoptr (PboTree) tree = tu_load_string (recruits_xml);
  PboRecruit *r2 = RECRUIT (tree, "r2"), *r3 = RECRUIT (tree, "r3");
  PboEditContext early = on (20240831), ok = on (20240901), before = on (20240229);
  g_autofree char *start = et_dump (tree);
  g_autofree char *undone = NULL;
  const PboJournalEntry *e;

  /* A year as an activist is needed: one day short is refused. */
  ET_REFUSED (tree, PBO_ERROR_NOT_ELIGIBLE,
              pbo_edit_promote (tree, r2, PBO_RECRUIT_CANDIDATE, &early, &err_));
  /* Stages are not skipped, and never go back. */
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_promote (tree, r3, PBO_RECRUIT_CANDIDATE, &ok, &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_promote (tree, r2, PBO_RECRUIT_ACTIVIST, &ok, &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_promote (tree, RECRUIT (tree, "r1"), PBO_RECRUIT_CANDIDATE + 1, &ok, &err_));
  /* Not before the last step. */
  ET_REFUSED (tree, PBO_ERROR_INCONSISTENT,
              pbo_edit_promote (tree, r3, PBO_RECRUIT_ACTIVIST, &before, &err_));

  ET_OK (tree, pbo_edit_promote (tree, r2, PBO_RECRUIT_CANDIDATE, &ok, &err_));
  ck_assert_int_eq (pbo_recruit_get_stage (r2), PBO_RECRUIT_CANDIDATE);
  ck_assert_uint_eq (pbo_recruit_get_candidate_since (r2), 20240901);
  ET_OK (tree, pbo_edit_promote (tree, r3, PBO_RECRUIT_ACTIVIST, &ok, &err_));
  ck_assert_uint_eq (pbo_recruit_get_activist_since (r3), 20240901);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 2);
  e = pbo_journal_get_entry (tree, 0);
  ck_assert_int_eq (pbo_journal_entry_get_op (e), PBO_EDIT_OP_PROMOTE);
  ck_assert_str_eq (pbo_journal_entry_get_subject (e, 0), "r2");
  ck_assert_str_eq (pbo_journal_entry_get_from (e), "activist");
  ck_assert_str_eq (pbo_journal_entry_get_to (e), "candidate");
  ck_assert_uint_eq (pbo_journal_entry_get_date (e), 20240901);

  ET_OK (tree, pbo_edit_undo_last (tree, &err_));
  ET_OK (tree, pbo_edit_undo_last (tree, &err_));
  undone = et_dump (tree);
  ck_assert_str_eq (start, undone);
}
END_TEST

/* ---- admission ---------------------------------------------------------- */

START_TEST (test_admit)
{
  g_autoptr (PboTree) tree = tu_load_string (recruits_xml);
  PboEditContext ctx = on (20230701), early = on (20220630);
  g_autofree char *start = et_dump (tree);
  g_autofree char *undone = NULL;
  g_autofree char *saved = NULL;
  const PboJournalEntry *e;
  PboMember *m;
  GError *error = NULL;
  PboStats stats;

  ET_REFUSED (tree, PBO_ERROR_NOT_ELIGIBLE,
              pbo_edit_admit (tree, RECRUIT (tree, "r2"), PBO_EMPLOYMENT_IN_SERVICE, &ctx, &err_));
  ET_REFUSED (tree, PBO_ERROR_NOT_ELIGIBLE,
              pbo_edit_admit (tree, RECRUIT (tree, "r3"), PBO_EMPLOYMENT_IN_SERVICE, &ctx, &err_));
  ET_REFUSED (tree, PBO_ERROR_INCONSISTENT,
              pbo_edit_admit (tree, RECRUIT (tree, "r1"), PBO_EMPLOYMENT_IN_SERVICE, &early,
                              &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_admit (tree, RECRUIT (tree, "r1"), PBO_EMPLOYMENT_NONE, &ctx, &err_));

  m = pbo_edit_admit (tree, RECRUIT (tree, "r1"), PBO_EMPLOYMENT_IN_SERVICE, &ctx, &error);
  ck_assert_no_error (error);
  ck_assert_ptr_nonnull (m);
  ck_assert_invariants (tree);
  ck_assert_ptr_null (RECRUIT (tree, "r1"));
  ck_assert_ptr_eq (pbo_tree_lookup_member (tree, "r1"), m);
  ck_assert_ptr_eq (pbo_member_get_org (m), ORG (tree, "b1"));
  ck_assert_int_eq (pbo_member_get_status (m), PBO_STATUS_PROBATIONARY);
  ck_assert_uint_eq (pbo_member_get_joined (m), 20230701);
  ck_assert_uint_eq (pbo_member_get_born (m), 20000501);
  ck_assert_int_eq (pbo_member_get_gender (m), PBO_GENDER_MALE);
  ck_assert_str_eq (pbo_member_get_name (m), "李明");
  ck_assert_str_eq (pbo_member_get_department (m), "内科");
  pbo_org_get_stats (ORG (tree, "g1"), &stats);
  ck_assert_uint_eq (stats.probationary, 1);
  e = pbo_journal_get_entry (tree, 0);
  ck_assert_int_eq (pbo_journal_entry_get_op (e), PBO_EDIT_OP_ADMIT);
  ck_assert_str_eq (pbo_journal_entry_get_subject (e, 0), "r1");
  ck_assert_str_eq (pbo_journal_entry_get_from (e), "candidate");
  ck_assert_str_eq (pbo_journal_entry_get_to (e), "b1");

  /* The journal is saved and read back like any other entry. */
  saved = tu_save_string (tree, NULL);
  ck_assert_ptr_nonnull (strstr (saved, "op=\"admit\" from=\"candidate\" to=\"b1\""));
  pbo_tree_free (tu_load_string (saved));

  /* Undone, the recruit is back where it stood (first of three). */
  ET_OK (tree, pbo_edit_undo_last (tree, &err_));
  undone = et_dump (tree);
  ck_assert_str_eq (start, undone);
  ck_assert_ptr_eq (pbo_org_get_recruit (ORG (tree, "b1"), 0), RECRUIT (tree, "r1"));
}
END_TEST

/* The age and training rules hold at admission even for records that were
 * loaded from a file written by other means. */
START_TEST (test_admit_checks_the_record)
{
  static const struct { const char *born, *candidate; gboolean ok; } cases[] = {
    { "2006-05-01", "2025-06-01", FALSE },  /* applied at 17 */
    { "2000-05-01", "2025-05-31", FALSE },  /* a day short of a year as an activist */
    { "2000-05-01", "2025-06-01", TRUE },
    { "2006", "2025-06-01", TRUE },         /* a year alone: 1 January, 18 on applying */
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = g_strdup_printf (
        OPEN "  <org id=\"b1\" kind=\"branch\" name=\"支部\">\n"
        "    <recruit id=\"r1\" name=\"李\" born=\"%s\" stage=\"candidate\" "
        "applied=\"2024-03-01\" activist-since=\"2024-06-01\" candidate-since=\"%s\"/>\n"
        "  </org>\n</pbo>\n", cases[i].born, cases[i].candidate);
      g_autoptr (PboTree) tree = tu_load_string (xml);
      PboEditContext ctx = on (20250701);

      if (cases[i].ok)
        ET_OK (tree, pbo_edit_admit (tree, RECRUIT (tree, "r1"), PBO_EMPLOYMENT_IN_SERVICE, &ctx,
                                     &err_));
      else
        ET_REFUSED (tree, PBO_ERROR_NOT_ELIGIBLE,
                    pbo_edit_admit (tree, RECRUIT (tree, "r1"), PBO_EMPLOYMENT_IN_SERVICE, &ctx,
                                    &err_));
    }
}
END_TEST

START_TEST (test_transaction_rollback)
{
  g_autoptr (PboTree) tree = tu_load_string (recruits_xml);
  PboEditContext ctx = on (20240901);
  g_autofree char *start = et_dump (tree);
  g_autofree char *end = NULL;

  ET_OK (tree, pbo_edit_begin (tree, &err_));
  ET_OK (tree, pbo_edit_promote (tree, RECRUIT (tree, "r2"), PBO_RECRUIT_CANDIDATE, &ctx, &err_));
  ET_OK (tree, pbo_edit_admit (tree, RECRUIT (tree, "r1"), PBO_EMPLOYMENT_RETIRED, &ctx, &err_));
  ET_OK (tree, pbo_edit_admit (tree, RECRUIT (tree, "r2"), PBO_EMPLOYMENT_IN_SERVICE, &ctx,
                               &err_));
  ck_assert_uint_eq (pbo_org_get_n_recruits (ORG (tree, "b1")), 1);
  ET_OK (tree, pbo_edit_rollback (tree, &err_));
  end = et_dump (tree);
  ck_assert_str_eq (start, end);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 0);
}
END_TEST

/* ---- restructurings carry recruits ------------------------------------------ */

START_TEST (test_merge_carries_recruits)
{
  g_autoptr (PboTree) tree = tu_load_string (recruits_xml);
  PboOrg *b1 = ORG (tree, "b1");
  g_autofree char *start = et_dump (tree);
  g_autofree char *undone = NULL;
  g_autoptr (PboTree) past = NULL;
  g_autofree char *past_dump = NULL;

  ET_OK (tree, pbo_edit_merge (tree, &b1, 1, ORG (tree, "b2"), NULL, &err_));
  ck_assert_ptr_null (ORG (tree, "b1"));
  ck_assert_uint_eq (pbo_org_get_n_recruits (ORG (tree, "b2")), 3);
  ck_assert_ptr_eq (pbo_recruit_get_branch (RECRUIT (tree, "r3")), ORG (tree, "b2"));
  past = pbo_edit_tree_at (tree, 0, NULL);
  past_dump = et_dump (past);
  ck_assert_str_eq (start, past_dump);
  ET_OK (tree, pbo_edit_undo_last (tree, &err_));
  undone = et_dump (tree);
  ck_assert_str_eq (start, undone);
}
END_TEST

START_TEST (test_dissolve_carries_recruits)
{
  g_autoptr (PboTree) tree = tu_load_string (recruits_xml);
  g_autofree char *start = et_dump (tree);
  g_autofree char *undone = NULL;

  /* Nowhere to go: refused whole. */
  pbo_tree_remove_member (tree, pbo_tree_lookup_member (tree, "m1"));
  g_free (start);
  start = et_dump (tree);
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_dissolve (tree, ORG (tree, "b1"), NULL, NULL,
                                                          &err_));
  /* To a group: the recruits go to the group's branch. */
  ET_OK (tree, pbo_edit_dissolve (tree, ORG (tree, "b1"), ORG (tree, "gr2"), NULL, &err_));
  ck_assert_uint_eq (pbo_org_get_n_recruits (ORG (tree, "b2")), 3);
  ck_assert_uint_eq (pbo_org_get_n_recruits (ORG (tree, "gr2")), 0);
  ET_OK (tree, pbo_edit_undo_last (tree, &err_));
  undone = et_dump (tree);
  ck_assert_str_eq (start, undone);
}
END_TEST

/* Selectors take a department's recruits along with its members; filters
 * on employment or status take none (recruits have neither). */
START_TEST (test_selectors_carry_recruits)
{
  g_autoptr (PboTree) tree = tu_load_string (recruits_xml);
  PboSelector sel = PBO_SELECTOR_INIT;
  const char *ids[] = { "r2", "m1" };
  PboOrg *b2 = ORG (tree, "b2");

  sel.from = ORG (tree, "b1");
  sel.employment = PBO_EMPLOYMENT_IN_SERVICE;
  ET_OK (tree, pbo_edit_transfer_selected (tree, &sel, b2, NULL, &err_));
  ck_assert_uint_eq (pbo_org_get_n_recruits (b2), 0);
  ET_OK (tree, pbo_edit_undo_last (tree, &err_));
  sel.employment = PBO_EMPLOYMENT_NONE;
  sel.department = "内科";
  ET_OK (tree, pbo_edit_transfer_selected (tree, &sel, ORG (tree, "gr2"), NULL, &err_));
  ck_assert_uint_eq (pbo_org_get_n_recruits (b2), 1);
  ck_assert_ptr_eq (pbo_recruit_get_branch (RECRUIT (tree, "r1")), b2);
  ck_assert_str_eq (pbo_journal_entry_get_subject (pbo_journal_get_entry (tree, 0), 0), "r1");
  /* Named: a recruit id goes to the branch of the target. */
  ET_OK (tree, pbo_edit_transfer (tree, ids, 2, ORG (tree, "gr2"), NULL, &err_));
  ck_assert_ptr_eq (pbo_recruit_get_branch (RECRUIT (tree, "r2")), b2);
  ck_assert_ptr_eq (pbo_member_get_org (pbo_tree_lookup_member (tree, "m1")), ORG (tree, "gr2"));
  ids[0] = "nobody";
  ET_REFUSED (tree, PBO_ERROR_UNKNOWN_ID, pbo_edit_transfer (tree, ids, 2, b2, NULL, &err_));
  /* A split with an empty selector takes every recruit of the branch. */
  sel.from = NULL;
  sel.department = NULL;
  ET_OK (tree, pbo_edit_split (tree, b2, &sel, "b3", "三支部", NULL, &err_) != NULL);
  ck_assert_uint_eq (pbo_org_get_n_recruits (b2), 0);
  ck_assert_uint_eq (pbo_org_get_n_recruits (ORG (tree, "b3")), 2);
}
END_TEST

/* Seed 002's plan: the hospital's recruits follow their departments into
 * the new branches, so the branch can become a general branch. */
START_TEST (test_jianghai_plans)
{
  g_autofree char *tree_path = tu_srcpath ("examples/data/jianghai.xml");
  g_autofree char *plan_path = tu_srcpath ("examples/data/jianghai-plan.xml");
  g_autofree char *recruitment_path = tu_srcpath ("examples/data/jianghai-recruitment-plan.xml");
  g_autoptr (PboTree) tree = pbo_xml_load_file (tree_path, NULL, NULL);
  g_autoptr (PboTree) second = pbo_xml_load_file (tree_path, NULL, NULL);
  g_autoptr (PboPlan) plan = pbo_plan_load_file (plan_path, NULL, NULL);
  g_autoptr (PboPlan) recruitment = pbo_plan_load_file (recruitment_path, NULL, NULL);
  PboMember *m;

  ck_assert_ptr_nonnull (tree);
  ck_assert_ptr_nonnull (plan);
  ck_assert_ptr_nonnull (recruitment);
  ck_assert_uint_eq (pbo_tree_get_n_recruits (tree), 5);
  ET_OK (tree, pbo_plan_apply (tree, plan, NULL, &err_));
  ck_assert_str_eq (pbo_org_get_id (pbo_recruit_get_branch (RECRUIT (tree, "jh-zxy-r3"))),
                    "jh-zxy-1");
  ck_assert_str_eq (pbo_org_get_id (pbo_recruit_get_branch (RECRUIT (tree, "jh-zxy-r1"))),
                    "jh-zxy-2");
  ck_assert_uint_eq (pbo_org_get_n_recruits (ORG (tree, "jh-zxy-2")), 4);

  ET_OK (second, pbo_plan_apply (second, recruitment, NULL, &err_));
  m = pbo_tree_lookup_member (second, "jh-zxy-r1");
  ck_assert_ptr_nonnull (m);
  ck_assert_uint_eq (pbo_member_get_joined (m), 20231120);
  ck_assert_int_eq (pbo_recruit_get_stage (RECRUIT (second, "jh-zxy-r2")), PBO_RECRUIT_CANDIDATE);
  ck_assert_uint_eq (pbo_recruit_get_activist_since (RECRUIT (second, "jh-zxy-r4")), 20231122);
  ck_assert_uint_eq (pbo_tree_get_n_members (second), 128);
}
END_TEST

/* ---- plans --------------------------------------------------------------------- */

static PboPlan *
load_plan (const char *text, GError **error)
{
  return pbo_plan_load_data (text, strlen (text), NULL, error);
}

START_TEST (test_plan)
{
  static const char plan_xml[] =
    "<plan xmlns=\"urn:libpbo:1\" date=\"2024-09-01\">\n"
    "  <promote recruit=\"r2\" stage=\"candidate\"/>\n"
    "  <admit recruit=\"r1\" employment=\"retired\" reason=\"支部大会决议\"/>\n"
    "</plan>\n";
  static const char bad_xml[] =
    "<plan xmlns=\"urn:libpbo:1\" date=\"2024-09-01\">\n"
    "  <promote recruit=\"r3\" stage=\"activist\"/>\n"
    "  <admit recruit=\"r2\"/>\n"
    "</plan>\n";
  g_autoptr (PboTree) tree = tu_load_string (recruits_xml);
  g_autoptr (PboPlan) plan = NULL;
  g_autoptr (PboPlan) bad = NULL;
  GError *error = NULL;

  plan = load_plan (plan_xml, &error);
  ck_assert_no_error (error);
  bad = load_plan (bad_xml, &error);
  ck_assert_no_error (error);
  /* All or nothing: r3's promotion is undone when r2's admission is refused. */
  ET_REFUSED (tree, PBO_ERROR_NOT_ELIGIBLE, pbo_plan_apply (tree, bad, NULL, &err_));
  ET_OK (tree, pbo_plan_apply (tree, plan, NULL, &err_));
  ck_assert_int_eq (pbo_member_get_employment (pbo_tree_lookup_member (tree, "r1")),
                    PBO_EMPLOYMENT_RETIRED);
  ck_assert_str_eq (pbo_journal_entry_get_reason (pbo_journal_get_entry (tree, 1)),
                    "支部大会决议");
  ck_assert_int_eq (pbo_recruit_get_stage (RECRUIT (tree, "r2")), PBO_RECRUIT_CANDIDATE);

  /* Form errors are caught when the plan is read. */
  pbo_plan_free (load_plan ("<plan xmlns=\"urn:libpbo:1\"><promote recruit=\"r2\" "
                                     "stage=\"applicant\"/></plan>", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  pbo_plan_free (load_plan ("<plan xmlns=\"urn:libpbo:1\"><admit/></plan>",
                                     &error));
  ck_assert_pbo_error (error, PBO_ERROR_FORMAT);
  pbo_plan_free (g_steal_pointer (&plan));
  plan = load_plan ("<plan xmlns=\"urn:libpbo:1\"><admit recruit=\"nobody\"/></plan>",
                             &error);
  ck_assert_no_error (error);
  ET_REFUSED (tree, PBO_ERROR_UNKNOWN_ID, pbo_plan_apply (tree, plan, NULL, &err_));
}
END_TEST

/* Applies the plan @diff writes (read back from its text) to a copy of
 * @old: the result must not differ from @new at all. */
static void
assert_plan_gives (const PboTree *old, const PboTree *new, const PboDiff *diff)
{
  g_autoptr (GString) xml = g_string_new (NULL);
  g_autoptr (PboPlan) plan = NULL;
  g_autoptr (PboTree) work = pbo_tree_copy (old);
  g_autoptr (PboDiff) left = NULL;
  GError *error = NULL;

  pbo_diff_write_plan (diff, 20240901, xml);
  plan = pbo_plan_load_data (xml->str, xml->len, NULL, &error);
  ck_assert_no_error (error);
  ck_assert_msg (pbo_plan_apply (work, plan, NULL, &error), "%s\n%s",
                 error != NULL ? error->message : "", xml->str);
  left = pbo_diff_new (work, new, &error);
  ck_assert_msg (pbo_diff_is_empty (left), "%s", xml->str);
}

/* pbo_diff() sees recruit records change, and plans them: a promotion is
 * <promote>, an admission <admit> (not an add-member under the recruit's
 * id), a new recruit <add-recruit>, a dropped one <remove-recruit>. */
START_TEST (test_diff)
{
  g_autoptr (PboTree) old = tu_load_string (recruits_xml);
  g_autoptr (PboTree) new = tu_load_string (recruits_xml);
  g_autoptr (PboDiff) same = NULL;
  g_autoptr (PboDiff) diff = NULL;
  g_autoptr (PboDiff) more = NULL;
  PboEditContext ctx = on (20240901);
  PboRecruitInfo info = PBO_RECRUIT_INFO_INIT;
  GError *error = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) xml = g_string_new (NULL);

  same = pbo_diff_new (old, new, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_diff_get_n_changes (same), 0);
  ET_OK (new, pbo_edit_promote (new, RECRUIT (new, "r3"), PBO_RECRUIT_ACTIVIST, &ctx, &err_));
  diff = pbo_diff_new (old, new, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_diff_get_n_changes (diff), 1);
  ck_assert_int_eq (pbo_diff_change_get_kind (pbo_diff_get_change (diff, 0)),
                    PBO_DIFF_ORG_RECRUITS);
  ck_assert (pbo_diff_change_is_expressible (pbo_diff_get_change (diff, 0)));
  pbo_diff_write_text (diff, text);
  ck_assert_str_eq (text->str, "org b1 recruits differ: 3 → 3 records\n");
  pbo_diff_write_plan (diff, 20240901, xml);
  ck_assert_ptr_nonnull (strstr (xml->str, "<promote recruit=\"r3\" stage=\"activist\" "
                                           "date=\"2024-09-01\"/>"));
  assert_plan_gives (old, new, diff);

  ET_OK (new, pbo_edit_admit (new, RECRUIT (new, "r1"), PBO_EMPLOYMENT_IN_SERVICE, &ctx, &err_));
  ET_OK (new, pbo_edit_remove_recruit (new, RECRUIT (new, "r2"), NULL, &err_));
  info.id = "r9";
  info.name = "新人";
  info.stage = PBO_RECRUIT_APPLICANT;
  info.applied = 20240801;
  ET_OK (new, pbo_edit_add_recruit (new, ORG (new, "b1"), &info, NULL, &err_) != NULL);
  more = pbo_diff_new (old, new, &error);
  ck_assert_uint_eq (pbo_diff_get_n_inexpressible (more), 0);
  g_string_truncate (xml, 0);
  pbo_diff_write_plan (more, 20240901, xml);
  ck_assert_ptr_nonnull (strstr (xml->str, "<admit recruit=\"r1\" employment=\"in-service\" "
                                           "date=\"2024-09-01\"/>"));
  ck_assert_ptr_null (strstr (xml->str, "<add-member"));
  ck_assert_ptr_nonnull (strstr (xml->str, "<remove-recruit id=\"r2\"/>"));
  ck_assert_ptr_nonnull (strstr (xml->str, "<add-recruit id=\"r9\" name=\"新人\" to=\"b1\""));
  assert_plan_gives (old, new, more);
}
END_TEST

/* ---- the rules ------------------------------------------------------------------- */

static guint
count_code (const PboFindings *f, const char *code, const char *subject)
{
  guint i, n = 0;

  for (i = 0; i < pbo_findings_get_n (f); i++)
    {
      const PboFinding *x = pbo_findings_get (f, i);
      if (strcmp (x->code, code) == 0 && g_strcmp0 (x->member_id, subject) == 0)
        n++;
    }
  return n;
}

START_TEST (test_rules)
{
  static const char xml[] =
    OPEN "  <org id=\"b1\" kind=\"branch\" name=\"支部\">\n"
    "    <member id=\"young\" name=\"少\" born=\"2005-07-01\" joined=\"2023-06-30\" status=\"probationary\" employment=\"in-service\"/>\n"
    "    <member id=\"adult\" name=\"成\" born=\"2005-07-01\" joined=\"2023-07-01\" status=\"probationary\" employment=\"in-service\"/>\n"
    "    <member id=\"unknown\" name=\"无\" joined=\"2023-07-01\" status=\"probationary\" employment=\"in-service\"/>\n"
    "    <recruit id=\"r-young\" name=\"甲\" born=\"2006-03-02\" stage=\"applicant\" applied=\"2024-03-01\"/>\n"
    "    <recruit id=\"r-18\" name=\"乙\" born=\"2006-03-02\" stage=\"applicant\" applied=\"2024-03-02\"/>\n"
    "    <recruit id=\"r-year\" name=\"丙\" born=\"2006\" stage=\"applicant\" applied=\"2024-01-01\"/>\n"
    "    <recruit id=\"r-fast\" name=\"丁\" stage=\"candidate\" applied=\"2023-01-01\" activist-since=\"2023-03-01\" candidate-since=\"2024-02-29\"/>\n"
    "    <recruit id=\"r-trained\" name=\"戊\" stage=\"candidate\" applied=\"2023-01-01\" activist-since=\"2023-03-01\" candidate-since=\"2024-03-01\"/>\n"
    "  </org>\n</pbo>\n";
  g_autoptr (PboTree) tree = tu_load_string (xml);
  PboCheckOptions options = PBO_CHECK_OPTIONS_INIT;
  g_autoptr (PboFindings) f = NULL;
  g_autoptr (PboFindings) g = NULL;
  GError *error = NULL;

  options.on = 20240601;
  f = pbo_check (tree, NULL, &options, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (count_code (f, "PBO-R001", "r-young"), 1);
  ck_assert_uint_eq (count_code (f, "PBO-R001", "r-18"), 0);
  ck_assert_uint_eq (count_code (f, "PBO-R001", "r-year"), 0);
  ck_assert_uint_eq (count_code (f, "PBO-R002", "r-fast"), 1);
  ck_assert_uint_eq (count_code (f, "PBO-R002", "r-trained"), 0);
  ck_assert_uint_eq (count_code (f, "PBO-R003", "young"), 1);
  ck_assert_uint_eq (count_code (f, "PBO-R003", "adult"), 0);
  ck_assert_uint_eq (count_code (f, "PBO-R003", "unknown"), 0);
  ck_assert_uint_eq (pbo_findings_count (f, PBO_SEVERITY_ERROR), 2);

  /* The thresholds are options: 16 years and 6 months clear them all. */
  options.min_age = 16;
  options.activist_months = 6;
  g = pbo_check (tree, NULL, &options, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (count_code (g, "PBO-R001", "r-young") + count_code (g, "PBO-R002", "r-fast")
                     + count_code (g, "PBO-R003", "young"), 0);
  options.min_age = 101;
  ck_assert_ptr_null (pbo_check (tree, NULL, &options, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
}
END_TEST

/* Issue 12: an 18th birthday or a year of training that falls after
 * 9999-12-31 is not "no date" (which every comparison put in the past):
 * the rules, the operations and eligible_on say "not yet". */
START_TEST (test_rules_at_the_end_of_the_calendar)
{
  static const char xml[] =
    OPEN "  <org id=\"b1\" kind=\"branch\" name=\"支部\">\n"
    "    <member id=\"m9\" name=\"少\" born=\"9990-01-01\" joined=\"9999-01-01\" status=\"probationary\" employment=\"in-service\"/>\n"
    "    <recruit id=\"r9\" name=\"甲\" born=\"9990-01-01\" stage=\"applicant\" applied=\"9999-01-01\"/>\n"
    "    <recruit id=\"r8\" name=\"乙\" born=\"9990\" stage=\"candidate\" applied=\"9999-01-01\" activist-since=\"9999-02-01\" candidate-since=\"9999-03-01\"/>\n"
    "    <recruit id=\"r7\" name=\"丙\" stage=\"activist\" applied=\"9999-01-01\" activist-since=\"9999-02-01\"/>\n"
    "  </org>\n</pbo>\n";
  g_autoptr (PboTree) tree = tu_load_string (xml);
  g_autofree char *before = tu_dump (tree), *after = NULL;
  PboCheckOptions options = PBO_CHECK_OPTIONS_INIT;
  PboEditContext ctx = on (20000101);
  g_autoptr (PboFindings) f = NULL;
  GError *error = NULL;
  guint i;

  options.on = 99991231;
  f = pbo_check (tree, NULL, &options, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (count_code (f, "PBO-R001", "r9"), 1);
  ck_assert_uint_eq (count_code (f, "PBO-R001", "r8"), 1);
  ck_assert_uint_eq (count_code (f, "PBO-R002", "r8"), 1);
  ck_assert_uint_eq (count_code (f, "PBO-R003", "m9"), 1);
  for (i = 0; i < pbo_findings_get_n (f); i++)
    if (strcmp (pbo_findings_get (f, i)->code, "PBO-R001") == 0)
      ck_assert_ptr_nonnull (strstr (pbo_findings_get (f, i)->message, "9999-12-31"));
  ck_assert_uint_eq (pbo_recruit_eligible_on (RECRUIT (tree, "r9")), PBO_DATE_NONE);
  ck_assert_uint_eq (pbo_recruit_eligible_on (RECRUIT (tree, "r8")), PBO_DATE_NONE);
  ck_assert_uint_eq (pbo_recruit_eligible_on (RECRUIT (tree, "r7")), PBO_DATE_NONE);
  ctx.date = 99991231;
  ck_assert (!pbo_edit_promote (tree, RECRUIT (tree, "r9"), PBO_RECRUIT_ACTIVIST, &ctx, &error));
  ck_assert_pbo_error (error, PBO_ERROR_NOT_ELIGIBLE);
  ck_assert (!pbo_edit_promote (tree, RECRUIT (tree, "r7"), PBO_RECRUIT_CANDIDATE, &ctx, &error));
  ck_assert_pbo_error (error, PBO_ERROR_NOT_ELIGIBLE);
  ck_assert_ptr_null (pbo_edit_admit (tree, RECRUIT (tree, "r8"), PBO_EMPLOYMENT_IN_SERVICE, &ctx,
                                      &error));
  ck_assert_pbo_error (error, PBO_ERROR_NOT_ELIGIBLE);
  after = tu_dump (tree);
  ck_assert_str_eq (after, before);
}
END_TEST

static Suite *
recruit_suite (void)
{
  Suite *s = suite_create ("recruit");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_stage_spellings);
  tcase_add_test (tc, test_add_and_lookup);
  tcase_add_test (tc, test_add_refusals);
  tcase_add_test (tc, test_branch_keeps_its_recruits);
  tcase_add_test (tc, test_eligible_on);
  tcase_add_test (tc, test_xml_round_trip);
  tcase_add_test (tc, test_xml_empty_optional);
  tcase_add_test (tc, test_xml_redacted);
  tcase_add_test (tc, test_promote);
  tcase_add_test (tc, test_admit);
  tcase_add_test (tc, test_admit_checks_the_record);
  tcase_add_test (tc, test_transaction_rollback);
  tcase_add_test (tc, test_merge_carries_recruits);
  tcase_add_test (tc, test_dissolve_carries_recruits);
  tcase_add_test (tc, test_selectors_carry_recruits);
  tcase_add_test (tc, test_jianghai_plans);
  tcase_add_test (tc, test_plan);
  tcase_add_test (tc, test_diff);
  tcase_add_test (tc, test_rules);
  tcase_add_test (tc, test_rules_at_the_end_of_the_calendar);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (recruit_suite ());
}
