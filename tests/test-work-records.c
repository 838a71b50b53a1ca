/* Check suite: branch work records (format 1.1) — the minutes of meetings
 * (会议记录); each journaled, undoable to the byte (also after a save and a
 * load), refused without a trace, saved and loaded back equal, in plans
 * and in diffs. */
#include "edit-testutil.h"

#define ORG(id) pbo_tree_lookup_org (tree, (id))

static gboolean
apply_xml (PboTree *tree, const char *ops, GError **error)
{
  g_autofree char *xml = g_strdup_printf ("<plan xmlns=\"urn:libpbo:1\">%s</plan>", ops);
  GError *local = NULL;
  g_autoptr (PboPlan) plan = pbo_plan_load_data (xml, strlen (xml), NULL, &local);

  ck_assert_msg (plan != NULL, "%s", local != NULL ? local->message : "");
  return pbo_plan_apply (tree, plan, NULL, error);
}

#define assert_undo_restores et_assert_undo_restores

/* The work records of every org, one a line. */
static char *
work_dump (const PboTree *tree)
{
  g_autofree char *base = et_dump (tree);
  GString *out = g_string_new (base);
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;
  char d[PBO_DATE_BUFSIZE];

  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      PboElectionInfo el = PBO_ELECTION_INFO_INIT;
      const char *title;
      PboDate approved;
      guint i, year;

      if (ev != PBO_WALK_ENTER)
        continue;
      for (i = 0; pbo_org_get_work_plan (org, i, &year, &approved, &title); i++)
        g_string_append_printf (out, "plan %s %u %s %s\n", pbo_org_get_id (org), year,
                                pbo_date_format (approved, d), title != NULL ? title : "-");
      for (i = 0; pbo_org_get_election (org, i, &el); i++)
        g_string_append_printf (out, "election %s %s %d %u %u %u %u\n", pbo_org_get_id (org),
                                pbo_date_format (el.date, d), el.method, el.candidates, el.seats,
                                el.voters, el.voted);
    }
  return g_string_free (out, FALSE);
}

/* Saved and loaded: the same tree, and the same bytes saved again. */
static PboTree *
save_load (const PboTree *tree)
{
  g_autofree char *xml = tu_save_string (tree, NULL);
  PboTree *back = tu_load_string (xml);
  g_autofree char *again = tu_save_string (back, NULL);
  g_autofree char *a = work_dump (tree), *b = work_dump (back);

  ck_assert_str_eq (a, b);
  ck_assert_str_eq (xml, again);
  return back;
}

#define MINUTES_ATTRS "presenter=\"m1\" recorder=\"m2\" expected=\"3\" present=\"2\" excused=\"1\" " \
                      "place=\"三楼会议室\" topic=\"学习党章\" resolution=\"通过年度计划\" " \
                      "planned=\"2024-03-01\""

START_TEST (test_minutes_add_update_undo)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autofree char *before = et_dump (tree), *added = NULL;
  PboMeetingInfo info = PBO_MEETING_INFO_INIT;
  GError *error = NULL;
  int index;

  ck_assert (apply_xml (tree, "<add-meeting org=\"b1\" id=\"mt5\" type=\"general-assembly\" "
                              "date=\"2024-03-05\" " MINUTES_ATTRS "/>", &error));
  ck_assert_no_error (error);
  index = pbo_org_find_meeting (ORG ("b1"), "mt5");
  ck_assert_int_ge (index, 0);
  ck_assert (pbo_org_get_meeting_info (ORG ("b1"), (guint) index, &info));
  ck_assert_str_eq (info.presenter, "m1");
  ck_assert_str_eq (info.recorder, "m2");
  ck_assert_int_eq (info.expected, 3);
  ck_assert_int_eq (info.present, 2);
  ck_assert_int_eq (info.excused, 1);
  ck_assert_str_eq (info.place, "三楼会议室");
  ck_assert_str_eq (info.topic, "学习党章");
  ck_assert_str_eq (info.resolution, "通过年度计划");
  ck_assert_uint_eq (info.planned, pbo_date_make (2024, 3, 1));
  added = et_dump (tree);
  ck_assert_ptr_nonnull (strstr (added, "minutes b1"));

  /* An update keeps what it does not name and clears what it gives empty. */
  ck_assert (apply_xml (tree, "<update-meeting org=\"b1\" id=\"mt5\" place=\"\" present=\"3\"/>",
                        &error));
  ck_assert_no_error (error);
  info = (PboMeetingInfo) PBO_MEETING_INFO_INIT;
  pbo_org_get_meeting_info (ORG ("b1"), (guint) pbo_org_find_meeting (ORG ("b1"), "mt5"), &info);
  ck_assert_ptr_null (info.place);
  ck_assert_int_eq (info.present, 3);
  ck_assert_str_eq (info.topic, "学习党章");
  assert_undo_restores (tree, added);

  /* Removed, then undone after a save and a load: the undo data carries them. */
  ck_assert (apply_xml (tree, "<remove-meeting org=\"b1\" id=\"mt5\"/>", &error));
  {
    g_autoptr (PboTree) back = save_load (tree);
    assert_undo_restores (back, added);
    assert_undo_restores (back, before);
  }
  assert_undo_restores (tree, added);
  assert_undo_restores (tree, before);
}
END_TEST

/* A version-1 info has no minutes: an update through it keeps none. */
START_TEST (test_minutes_info_version_1)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  PboMeetingInfo info = PBO_MEETING_INFO_INIT;

  info.version = 1;
  info.type = PBO_MEETING_LECTURE;
  info.date = pbo_date_make (2024, 5, 1);
  info.presenter = "no-such-member"; /* not read at version 1 */
  ET_OK (tree, pbo_edit_add_meeting (tree, ORG ("b3"), &info, NULL, &err_) >= 0);
  {
    g_autofree char *xml = tu_save_string (tree, NULL);
    ck_assert_ptr_null (strstr (xml, "presenter="));
  }
}
END_TEST

START_TEST (test_minutes_refused)
{
  g_autoptr (PboTree) tree = et_rich_tree ();
  PboMeetingInfo info = PBO_MEETING_INFO_INIT;

  info.type = PBO_MEETING_LECTURE;
  info.date = pbo_date_make (2024, 5, 1);
  info.presenter = "nobody";
  ET_REFUSED (tree, PBO_ERROR_UNKNOWN_ID,
              pbo_edit_add_meeting (tree, ORG ("b3"), &info, NULL, &err_) >= 0);
  info.presenter = "b1"; /* an org, not a member */
  ET_REFUSED (tree, PBO_ERROR_UNKNOWN_ID,
              pbo_edit_add_meeting (tree, ORG ("b3"), &info, NULL, &err_) >= 0);
  info.presenter = NULL;
  info.expected = -5;
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_add_meeting (tree, ORG ("b3"), &info, NULL, &err_) >= 0);
  info.expected = PBO_ATTENDANCE_NONE;
  info.planned = 20240000; /* year only */
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_add_meeting (tree, ORG ("b3"), &info, NULL, &err_) >= 0);
}
END_TEST

/* Minutes make a file 1.1; without them it stays 1; the loader refuses
 * bad values with their position. */
START_TEST (test_minutes_format)
{
  static const char head[] =
    "<pbo xmlns=\"urn:libpbo:1\" version=\"1.1\"><org id=\"b\" kind=\"branch\" name=\"支部\">"
    "<member id=\"m1\" name=\"甲\" status=\"full\" employment=\"in-service\" joined=\"2000-01-01\" "
    "full-since=\"2001-01-01\"/>";
  g_autofree char *good = g_strconcat (head, "<meeting type=\"lecture\" date=\"2024-01-02\" "
                                       "presenter=\"m9\" expected=\"1\" topic=\"t\"/></org></pbo>",
                                       NULL);
  g_autofree char *bad = g_strconcat (head, "<meeting type=\"lecture\" date=\"2024-01-02\" "
                                      "excused=\"-1\"/></org></pbo>", NULL);
  g_autoptr (PboTree) tree = tu_load_string (good);
  g_autoptr (PboTree) back = save_load (tree);
  g_autofree char *xml = tu_save_string (tree, NULL);
  GError *error = NULL;
  PboTree *none;

  /* A presenter who has left the estate still loads (a record, not a reference). */
  ck_assert_ptr_nonnull (strstr (xml, "version=\"1.1\""));
  ck_assert_ptr_nonnull (strstr (xml, "presenter=\"m9\" expected=\"1\" topic=\"t\""));
  none = pbo_xml_load_data (bad, strlen (bad), NULL, &error);
  ck_assert_ptr_null (none);
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
}
END_TEST

/* pbo diff: a change of minutes is a change of the meeting, replayed by
 * the plan it writes. */
START_TEST (test_minutes_diff)
{
  g_autoptr (PboTree) old_tree = et_rich_tree ();
  g_autoptr (PboTree) tree = et_rich_tree ();
  PboDiff *diff;
  PboPlan *plan;
  GError *error = NULL;

  ck_assert (apply_xml (old_tree, "<add-meeting org=\"b1\" id=\"mt5\" type=\"lecture\" "
                                  "date=\"2024-03-05\"/>", &error));
  ck_assert (apply_xml (tree, "<add-meeting org=\"b1\" id=\"mt5\" type=\"lecture\" "
                              "date=\"2024-03-05\" " MINUTES_ATTRS "/>", &error));
  diff = pbo_diff_new (old_tree, tree, &error);
  ck_assert_no_error (error);
  ck_assert_uint_gt (pbo_diff_get_n_changes (diff), 0);
  ck_assert_uint_eq (pbo_diff_get_n_inexpressible (diff), 0);
  plan = pbo_diff_to_plan (diff, PBO_DATE_NONE);
  pbo_diff_free (diff);
  ck_assert (pbo_plan_apply (old_tree, plan, NULL, &error));
  ck_assert_no_error (error);
  pbo_plan_free (plan);
  {
    g_autofree char *a = et_dump (old_tree), *b = et_dump (tree);
    ck_assert_str_eq (a, b);
  }
}
END_TEST

/* ---- work plans ------------------------------------------------------------ */

START_TEST (test_work_plans)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autofree char *before = et_dump (tree), *added = NULL;
  const char *title;
  PboDate approved;
  guint year;

  ET_OK (tree, apply_xml (tree, "<add-work-plan org=\"b1\" year=\"2024\" approved=\"2024-01-15\" "
                                "title=\"2024年工作计划\"/><add-work-plan org=\"b1\" year=\"2023\"/>",
                          &err_));
  ck_assert_uint_eq (pbo_org_get_n_work_plans (ORG ("b1")), 2);
  /* Kept by year. */
  ck_assert (pbo_org_get_work_plan (ORG ("b1"), 0, &year, &approved, &title));
  ck_assert_uint_eq (year, 2023);
  ck_assert_uint_eq (approved, PBO_DATE_NONE);
  ck_assert_ptr_null (title);
  ck_assert_int_eq (pbo_org_find_work_plan (ORG ("b1"), 2024), 1);
  ck_assert_int_eq (pbo_org_find_work_plan (ORG ("b1"), 2022), -1);
  added = work_dump (tree);
  {
    g_autofree char *xml = tu_save_string (tree, NULL);
    g_autoptr (PboTree) back = NULL;
    ck_assert_ptr_nonnull (strstr (xml, "version=\"1.1\""));
    ck_assert_ptr_nonnull (strstr (xml, "<work-plan year=\"2024\" approved=\"2024-01-15\" "
                                        "title=\"2024年工作计划\"/>"));
    back = pbo_xml_load_data (xml, strlen (xml), NULL, NULL);
    ck_assert_ptr_nonnull (back);
    ck_assert_int_eq (pbo_org_find_work_plan (pbo_tree_lookup_org (back, "b1"), 2024), 1);
  }
  ET_REFUSED (tree, PBO_ERROR_DUPLICATE_ID,
              pbo_edit_add_work_plan (tree, ORG ("b1"), 2024, PBO_DATE_NONE, NULL, NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_add_work_plan (tree, ORG ("g1"), 2024, PBO_DATE_NONE, NULL, NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_INVALID,
              pbo_edit_add_work_plan (tree, ORG ("b2"), 1899, PBO_DATE_NONE, NULL, NULL, &err_));
  ET_REFUSED (tree, PBO_ERROR_UNKNOWN_ID,
              pbo_edit_remove_work_plan (tree, ORG ("b2"), 2024, NULL, &err_));
  ET_OK (tree, pbo_edit_remove_work_plan (tree, ORG ("b1"), 2024, NULL, &err_));
  ck_assert_uint_eq (pbo_org_get_n_work_plans (ORG ("b1")), 1);
  /* Undone after a save and a load: the undo data carries the plan. */
  {
    g_autoptr (PboTree) back = save_load (tree);
    g_autofree char *got = NULL;
    ck_assert (pbo_edit_undo_last (back, NULL));
    got = work_dump (back);
    ck_assert_str_eq (got, added);
  }
  ck_assert (pbo_edit_undo_last (tree, NULL));
  {
    g_autofree char *got = work_dump (tree);
    ck_assert_str_eq (got, added);
  }
  while (pbo_journal_get_n_entries (tree) > 0)
    ck_assert (pbo_edit_undo_last (tree, NULL));
  {
    g_autofree char *got = et_dump (tree);
    ck_assert_str_eq (got, before);
    ck_assert_uint_eq (pbo_org_get_n_work_plans (ORG ("b1")), 0);
  }
}
END_TEST

static void
election_fill (PboElectionInfo *el, guint candidates, guint seats, guint voters, guint voted)
{
  el->date = pbo_date_make (2024, 5, 20);
  el->method = PBO_ELECTION_DIRECT;
  el->candidates = candidates;
  el->seats = seats;
  el->voters = voters;
  el->voted = voted;
}

/* Dissolving a branch drops its work records in the same entry; undo
 * brings them back, also after a save and a load. */
START_TEST (test_work_records_dissolve)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autofree char *kept = NULL;
  PboElectionInfo el = PBO_ELECTION_INFO_INIT;

  ET_OK (tree, pbo_edit_add_work_plan (tree, ORG ("b3"), 2024, pbo_date_make (2024, 1, 2), "计划",
                                       NULL, &err_));
  election_fill (&el, 1, 1, 1, 1);
  ET_OK (tree, pbo_edit_add_election (tree, ORG ("b3"), &el, NULL, &err_));
  kept = work_dump (tree);
  ET_OK (tree, pbo_edit_dissolve (tree, ORG ("b3"), ORG ("b1"), NULL, &err_));
  ck_assert_ptr_null (ORG ("b3"));
  {
    g_autofree char *xml = tu_save_string (tree, NULL);
    ck_assert_ptr_null (strstr (xml, "<work-plan"));
  }
  {
    g_autoptr (PboTree) back = save_load (tree);
    g_autofree char *got = NULL;
    ck_assert (pbo_edit_undo_last (back, NULL));
    got = work_dump (back);
    ck_assert_str_eq (got, kept);
  }
  ck_assert (pbo_edit_undo_last (tree, NULL));
  {
    g_autofree char *got = work_dump (tree);
    ck_assert_str_eq (got, kept);
  }
}
END_TEST

/* ---- elections --------------------------------------------------------------- */

START_TEST (test_election_sets_term)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autofree char *before = et_dump (tree);
  PboElectionInfo el = PBO_ELECTION_INFO_INIT, got = PBO_ELECTION_INFO_INIT;

  ET_OK (tree, apply_xml (tree, "<add-election org=\"b1\" date=\"2024-05-20\" "
                                "method=\"open-nomination-direct\" candidates=\"6\" seats=\"5\" "
                                "voters=\"40\" voted=\"38\"/>", &err_));
  ck_assert_uint_eq (pbo_org_get_term_start (ORG ("b1")), pbo_date_make (2024, 5, 20));
  ck_assert_uint_eq (pbo_org_get_term_years (ORG ("b1")), 3); /* a branch's default */
  ck_assert_uint_eq (pbo_org_get_n_elections (ORG ("b1")), 1);
  ck_assert (pbo_org_get_election (ORG ("b1"), 0, &got));
  ck_assert_int_eq (got.method, PBO_ELECTION_OPEN_NOMINATION_DIRECT);
  ck_assert_uint_eq (got.candidates, 6);
  ck_assert_uint_eq (got.seats, 5);
  ck_assert_uint_eq (got.voters, 40);
  ck_assert_uint_eq (got.voted, 38);
  ck_assert_uint_eq (pbo_journal_get_n_entries (tree), 1);
  ck_assert_int_eq (pbo_journal_entry_get_op (pbo_journal_get_entry (tree, 0)),
                    PBO_EDIT_OP_ADD_ELECTION);
  {
    g_autoptr (PboTree) back = save_load (tree);
    et_assert_undo_restores (back, before);
  }
  et_assert_undo_restores (tree, before);
  ck_assert_uint_eq (pbo_org_get_term_start (ORG ("b1")), PBO_DATE_NONE);

  /* Refused without a trace: counts that cannot be, a bad method. */
  election_fill (&el, 4, 5, 10, 9);
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_add_election (tree, ORG ("b1"), &el, NULL, &err_));
  election_fill (&el, 5, 5, 10, 11);
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_add_election (tree, ORG ("b1"), &el, NULL, &err_));
  election_fill (&el, 5, 5, 10, 9);
  el.method = (PboElectionMethod) 9;
  ET_REFUSED (tree, PBO_ERROR_INVALID, pbo_edit_add_election (tree, ORG ("b1"), &el, NULL, &err_));
  el.method = PBO_ELECTION_INDIRECT;
  el.term_years = 5;
  ET_OK (tree, pbo_edit_add_election (tree, ORG ("c1"), &el, NULL, &err_));
  ck_assert_uint_eq (pbo_org_get_term_years (ORG ("c1")), 5);
}
END_TEST

/* ---- rules --------------------------------------------------------------------- */

static guint
count_code (const PboTree *tree, const PboCheckOptions *o, const char *code)
{
  g_autoptr (PboFindings) f = pbo_check (tree, NULL, o, NULL);
  guint i, n = 0;

  ck_assert_ptr_nonnull (f);
  for (i = 0; i < pbo_findings_get_n (f); i++)
    n += strcmp (pbo_findings_get (f, i)->code, code) == 0;
  return n;
}

/* The thresholds are options: at the edge and one past it. */
START_TEST (test_rules_thresholds)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboCheckOptions o = PBO_CHECK_OPTIONS_INIT;
  PboElectionInfo el = PBO_ELECTION_INFO_INIT;

  o.on = pbo_date_make (2024, 6, 30);
  election_fill (&el, 6, 5, 10, 8); /* 80 %: not more than 4/5; 6 = 5 × 1.2 */
  ET_OK (tree, pbo_edit_add_election (tree, ORG ("b1"), &el, NULL, &err_));
  ck_assert_uint_eq (count_code (tree, &o, "PBO-N001"), 1);
  ck_assert_uint_eq (count_code (tree, &o, "PBO-N002"), 0);
  o.election_quorum_percent = 79;
  ck_assert_uint_eq (count_code (tree, &o, "PBO-N001"), 0);
  o.election_margin_percent = 21;
  ck_assert_uint_eq (count_code (tree, &o, "PBO-N002"), 1);
  o.election_quorum_percent = 100;
  ck_assert_ptr_null (pbo_check (tree, NULL, &o, NULL));

  /* W001 only once the file keeps work plans; then for the year of on. */
  o = (PboCheckOptions) PBO_CHECK_OPTIONS_INIT;
  o.on = pbo_date_make (2024, 6, 30);
  ck_assert_uint_eq (count_code (tree, &o, "PBO-W001"), 0);
  ET_OK (tree, pbo_edit_add_work_plan (tree, ORG ("b1"), 2024, PBO_DATE_NONE, NULL, NULL, &err_));
  ck_assert_uint_eq (count_code (tree, &o, "PBO-W001"), 2); /* b2, b3 */
  o.work_plan_year = 2023;
  ck_assert_uint_eq (count_code (tree, &o, "PBO-W001"), 3);
}
END_TEST

/* pbo diff plans work records: plans removed and added, elections added
 * (with the term they set); an election OLD has and NEW lacks cannot be. */
START_TEST (test_work_records_diff)
{
  g_autoptr (PboTree) old_tree = tu_sample_tree ();
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboElectionInfo el = PBO_ELECTION_INFO_INIT;
  PboDiff *diff;
  PboPlan *plan;
  GError *error = NULL;

  ET_OK (old_tree, pbo_edit_add_work_plan (old_tree, pbo_tree_lookup_org (old_tree, "b1"), 2023,
                                           PBO_DATE_NONE, "旧", NULL, &err_));
  ET_OK (tree, pbo_edit_add_work_plan (tree, ORG ("b1"), 2023, PBO_DATE_NONE, "新", NULL, &err_));
  ET_OK (tree, pbo_edit_add_work_plan (tree, ORG ("b2"), 2024, pbo_date_make (2024, 1, 3), NULL,
                                       NULL, &err_));
  election_fill (&el, 6, 5, 10, 9);
  ET_OK (tree, pbo_edit_add_election (tree, ORG ("b2"), &el, NULL, &err_));
  diff = pbo_diff_new (old_tree, tree, &error);
  ck_assert_no_error (error);
  ck_assert_uint_eq (pbo_diff_get_n_inexpressible (diff), 0);
  plan = pbo_diff_to_plan (diff, PBO_DATE_NONE);
  pbo_diff_free (diff);
  ET_OK (old_tree, pbo_plan_apply (old_tree, plan, NULL, &err_));
  pbo_plan_free (plan);
  {
    g_autofree char *a = work_dump (old_tree), *b = work_dump (tree);
    ck_assert_str_eq (a, b);
  }
  {
    g_autoptr (PboTree) bare = tu_sample_tree ();
    diff = pbo_diff_new (tree, bare, &error);
    ck_assert_uint_eq (pbo_diff_get_n_inexpressible (diff), 1);
    pbo_diff_free (diff);
  }
}
END_TEST

/* The inspection scenario of tests/data/cli/inspection-2024.xml at the
 * library level: the figures the CLI's table and book print. */
START_TEST (test_inspection_scenario)
{
  g_autofree char *path = tu_srcpath ("tests/data/cli/inspection-2024.xml");
  g_autoptr (PboTree) tree = pbo_xml_load_file (path, NULL, NULL);
  PboCheckOptions o = PBO_CHECK_OPTIONS_INIT;
  PboOrg *b1, *b2;
  guint i, complete = 0;

  ck_assert_ptr_nonnull (tree);
  b1 = ORG ("yy-1");
  b2 = ORG ("yy-2");
  ck_assert_uint_eq (pbo_org_get_n_meetings (b1), 5);
  for (i = 0; i < pbo_org_get_n_meetings (b1); i++)
    complete += pbo_org_get_meeting_minutes_missing (b1, i) == 0;
  ck_assert_uint_eq (complete, 2);
  /* The second assembly lacks only its resolution; the third everything. */
  ck_assert_uint_eq (pbo_org_get_meeting_minutes_missing (b1, 1), PBO_MINUTES_RESOLUTION);
  ck_assert_uint_eq (pbo_org_get_meeting_minutes_missing (b1, 2),
                     PBO_MINUTES_PRESENTER | PBO_MINUTES_RECORDER | PBO_MINUTES_EXPECTED
                       | PBO_MINUTES_PRESENT | PBO_MINUTES_TOPIC | PBO_MINUTES_RESOLUTION);
  /* A lecture records no resolution. */
  ck_assert_uint_eq (pbo_org_get_meeting_minutes_missing (b1, 3), 0);
  ck_assert_int_ge (pbo_org_find_work_plan (b1, 2024), 0);
  ck_assert_int_lt (pbo_org_find_work_plan (b2, 2024), 0);
  o.on = pbo_date_make (2024, 12, 31);
  ck_assert_uint_eq (count_code (tree, &o, "PBO-W001"), 1);
  ck_assert_uint_eq (count_code (tree, &o, "PBO-N002"), 1);
  ck_assert_uint_eq (count_code (tree, &o, "PBO-N001"), 0);
  /* The file round-trips to the byte. */
  {
    g_autoptr (PboTree) back = save_load (tree);
  }
}
END_TEST

/* ---- grading ------------------------------------------------------------------ */

/* The inspection branches graded for 2024, then yy-2 brought up to the
 * criteria one by one: each fix removes its bit and lifts the grade. */
START_TEST (test_grade)
{
  g_autofree char *path = tu_srcpath ("tests/data/cli/inspection-2024.xml");
  g_autoptr (PboTree) tree = pbo_xml_load_file (path, NULL, NULL);
  PboGradeOptions o = PBO_GRADE_OPTIONS_INIT;
  const char *rules;
  guint failed = 0;
  GError *error = NULL;

  ck_assert_uint_eq (pbo_grade_get_n_criteria (), 8);
  ck_assert_str_eq (pbo_grade_get_criterion (2, &rules), "plan");
  ck_assert_str_eq (rules, "PBO-W001");
  ck_assert_ptr_null (pbo_grade_get_criterion (8, NULL));
  o.year = 2024;
  ck_assert_int_eq (pbo_grade_branch (ORG ("yy-2"), &o, &failed, &error), PBO_GRADE_WEAK);
  ck_assert_no_error (error);
  ck_assert_uint_eq (failed, (1u << 0) | (1u << 1) | (1u << 2)); /* meetings, minutes, plan */
  ck_assert_int_eq (pbo_grade_branch (ORG ("yy-1"), &o, &failed, NULL), PBO_GRADE_WEAK);
  ck_assert_uint_eq (failed, (1u << 0) | (1u << 1) | (1u << 5)); /* meetings, minutes, elections */
  /* Thresholds are options: 2 of 4 records complete is 50 %. */
  o.minutes_percent = 50;
  ck_assert_int_eq (pbo_grade_branch (ORG ("yy-1"), &o, &failed, NULL), PBO_GRADE_FAIR);
  ck_assert_uint_eq (failed, (1u << 0) | (1u << 5));
  o.fair_max_failed = 1;
  o.good_max_failed = 2;
  ck_assert_int_eq (pbo_grade_branch (ORG ("yy-1"), &o, &failed, &error), PBO_GRADE_NONE);
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  o = (PboGradeOptions) PBO_GRADE_OPTIONS_INIT;
  o.year = 2024;
  ET_OK (tree, pbo_edit_add_work_plan (tree, ORG ("yy-2"), 2024, PBO_DATE_NONE, NULL, NULL, &err_));
  ck_assert_int_eq (pbo_grade_branch (ORG ("yy-2"), &o, &failed, NULL), PBO_GRADE_FAIR);
  ck_assert_uint_eq (failed, (1u << 0) | (1u << 1));
  ck_assert_int_eq (pbo_grade_branch (ORG ("yy"), &o, &failed, NULL), PBO_GRADE_NONE);
  ck_assert_str_eq (pbo_grade_to_string (PBO_GRADE_GOOD), "good");
}
END_TEST

/* Regression: a branch whose kind changes keeps its plan, and its file
 * must load back (the loader once refused a plan outside a branch). */
START_TEST (test_work_plan_kind_change)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();

  ET_OK (tree, apply_xml (tree, "<create-org id=\"b9\" kind=\"branch\" name=\"新支部\" parent=\"c1\"/>"
                                "<add-work-plan org=\"b9\" year=\"2024\"/>"
                                "<set-kind org=\"b9\" kind=\"general-branch\"/>", &err_));
  ck_assert_int_eq (pbo_org_get_kind (ORG ("b9")), PBO_ORG_GENERAL_BRANCH);
  {
    g_autoptr (PboTree) back = save_load (tree);
    ck_assert_int_eq (pbo_org_find_work_plan (pbo_tree_lookup_org (back, "b9"), 2024), 0);
  }
}
END_TEST

static Suite *
work_records_suite (void)
{
  Suite *s = suite_create ("work-records");
  TCase *tc = tcase_create ("minutes");

  tcase_add_test (tc, test_minutes_add_update_undo);
  tcase_add_test (tc, test_minutes_info_version_1);
  tcase_add_test (tc, test_minutes_refused);
  tcase_add_test (tc, test_minutes_format);
  tcase_add_test (tc, test_minutes_diff);
  suite_add_tcase (s, tc);
  tc = tcase_create ("org-records");
  tcase_add_test (tc, test_work_plans);
  tcase_add_test (tc, test_work_records_dissolve);
  tcase_add_test (tc, test_election_sets_term);
  tcase_add_test (tc, test_rules_thresholds);
  tcase_add_test (tc, test_work_records_diff);
  tcase_add_test (tc, test_inspection_scenario);
  tcase_add_test (tc, test_grade);
  tcase_add_test (tc, test_work_plan_kind_change);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (work_records_suite ());
}
