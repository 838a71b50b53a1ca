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

/* Saved and loaded: the same tree, and the same bytes saved again. */
static PboTree *
save_load (const PboTree *tree)
{
  g_autofree char *xml = tu_save_string (tree, NULL);
  PboTree *back = tu_load_string (xml);
  g_autofree char *again = tu_save_string (back, NULL);
  g_autofree char *a = et_dump (tree), *b = et_dump (back);

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
  return s;
}

int
main (void)
{
  return tu_run (work_records_suite ());
}
