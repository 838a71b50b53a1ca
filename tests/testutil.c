/* Helpers shared by the Check suites. */
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include "testutil.h"

PboMember *
tu_add_member_soft (PboTree *tree, PboOrg *org, const char *id, PboStatus status,
                    PboEmployment employment, GError **error)
{
  PboMemberInfo info = PBO_MEMBER_INFO_INIT;

  info.id = id;
  info.name = "测试党员";
  info.status = status;
  info.employment = employment;
  info.joined = pbo_date_make (2010, 7, 1);
  info.full_since = status == PBO_STATUS_FULL ? pbo_date_make (2011, 7, 1) : PBO_DATE_NONE;
  return pbo_tree_add_member (tree, org, &info, error);
}

PboMember *
tu_add_member (PboTree *tree, PboOrg *org, const char *id, PboStatus status,
               PboEmployment employment)
{
  GError *error = NULL;
  PboMember *m = tu_add_member_soft (tree, org, id, status, employment, &error);

  ck_assert_msg (m != NULL, "add member %s: %s", id, error ? error->message : "");
  return m;
}

PboOrg *
tu_add_org (PboTree *tree, PboOrg *parent, PboOrgKind kind, const char *id)
{
  GError *error = NULL;
  g_autofree char *name = g_strdup_printf ("组织 %s", id);
  PboOrg *org = pbo_tree_add_org (tree, parent, kind, id, name, &error);

  ck_assert_msg (org != NULL, "add org %s: %s", id, error ? error->message : "");
  return org;
}

PboTree *
tu_sample_tree (void)
{
  PboTree *tree = pbo_tree_new ();
  PboOrg *c1 = tu_add_org (tree, NULL, PBO_ORG_COMMITTEE, "c1");
  PboOrg *g1 = tu_add_org (tree, c1, PBO_ORG_GENERAL_BRANCH, "g1");
  PboOrg *b1 = tu_add_org (tree, g1, PBO_ORG_BRANCH, "b1");
  PboOrg *b2 = tu_add_org (tree, g1, PBO_ORG_BRANCH, "b2");
  PboOrg *gr1 = tu_add_org (tree, b2, PBO_ORG_GROUP, "gr1");
  PboOrg *b3 = tu_add_org (tree, c1, PBO_ORG_BRANCH, "b3");

  tu_add_member (tree, b1, "m1", PBO_STATUS_FULL, PBO_EMPLOYMENT_IN_SERVICE);
  tu_add_member (tree, b1, "m2", PBO_STATUS_FULL, PBO_EMPLOYMENT_RETIRED);
  tu_add_member (tree, b1, "m3", PBO_STATUS_PROBATIONARY, PBO_EMPLOYMENT_IN_SERVICE);
  tu_add_member (tree, b2, "m4", PBO_STATUS_FULL, PBO_EMPLOYMENT_IN_SERVICE);
  tu_add_member (tree, gr1, "m5", PBO_STATUS_FULL, PBO_EMPLOYMENT_IN_SERVICE);
  tu_add_member (tree, gr1, "m6", PBO_STATUS_FULL, PBO_EMPLOYMENT_RETIRED);
  tu_add_member (tree, b3, "m7", PBO_STATUS_FULL, PBO_EMPLOYMENT_IN_SERVICE);
  return tree;
}

static const char *const attr_names[] = {
  "id", "name", "gender", "born", "joined", "full-since", "status", "employment",
  "ethnicity", "education", "position", "department", "dues-base", "dues-category",
  "phone", "id-card", "mobile",
  "standing", "standing-since", "standing-until", "outflow-to", "probation-extended-to",
};

/* The transfers list (format 1.1), letter by letter. */
static void
append_letters (GString *out, const PboTree *tree)
{
  PboLetterInfo l = PBO_LETTER_INFO_INIT;
  guint i;

  for (i = 0; pbo_tree_get_letter (tree, i, &l); i++)
    {
      char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];
      g_string_append_printf (out, "letter %s %d %s %s %s %s %s %u %u %s\n", l.number,
                              (int) l.direction, l.member_id, l.name, l.branch, l.other_org,
                              pbo_date_format (l.issued, d1), l.valid_days, l.dues_paid_to,
                              pbo_date_format (l.receipt, d2));
    }
}

char *
tu_dump (const PboTree *tree)
{
  GString *out = g_string_new (NULL);
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;

  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      PboMember *m;
      guint i;
      char d1[PBO_DATE_BUFSIZE], d2[PBO_DATE_BUFSIZE];

      if (ev == PBO_WALK_EXIT)
        {
          g_string_append (out, ")\n");
          continue;
        }
      g_string_append_printf (out, "(%s %s %s unit=%s est=%s term=%s+%u\n", pbo_org_get_id (org),
                              pbo_org_kind_to_string (pbo_org_get_kind (org)),
                              pbo_org_get_name (org), pbo_org_get_unit (org),
                              pbo_date_format (pbo_org_get_established (org), d1),
                              pbo_date_format (pbo_org_get_term_start (org), d2),
                              pbo_org_get_term_years (org));
      if (pbo_org_get_term_postponed_to (org) != PBO_DATE_NONE)
        g_string_append_printf (out, " postponed=%s\n",
                                pbo_date_format (pbo_org_get_term_postponed_to (org), d1));
      for (i = 0; i < pbo_org_get_n_officers (org); i++)
        {
          PboRole role;
          PboMember *om;
          PboDate since;
          pbo_org_get_officer (org, i, &role, &om, &since);
          g_string_append_printf (out, " officer %s %s %s\n", pbo_role_to_string (role),
                                  pbo_member_get_id (om), pbo_date_format (since, d1));
        }
      for (m = pbo_org_get_first_member (org); m != NULL; m = pbo_member_get_next (m))
        {
          g_string_append (out, " member");
          for (i = 0; i < G_N_ELEMENTS (attr_names); i++)
            {
              g_autofree char *v = pbo_member_dup_attribute (m, attr_names[i]);
              if (v != NULL)
                g_string_append_printf (out, " %s=%s", attr_names[i], v);
            }
          g_string_append_c (out, '\n');
        }
      for (i = 0; i < pbo_org_get_n_recruits (org); i++)
        {
          char d3[PBO_DATE_BUFSIZE], d4[PBO_DATE_BUFSIZE];
          PboRecruit *r = pbo_org_get_recruit (org, i);
          g_string_append_printf (out, " recruit %s %s %s %s born=%s applied=%s activist=%s "
                                  "candidate=%s dept=%s\n", pbo_recruit_get_id (r),
                                  pbo_recruit_get_name (r),
                                  pbo_recruit_stage_to_string (pbo_recruit_get_stage (r)),
                                  pbo_gender_to_string (pbo_recruit_get_gender (r)),
                                  pbo_date_format (pbo_recruit_get_born (r), d1),
                                  pbo_date_format (pbo_recruit_get_applied (r), d2),
                                  pbo_date_format (pbo_recruit_get_activist_since (r), d3),
                                  pbo_date_format (pbo_recruit_get_candidate_since (r), d4),
                                  pbo_recruit_get_department (r));
        }
      for (i = 0; i < pbo_org_get_n_meetings (org); i++)
        {
          PboMeetingType type;
          PboDate date;
          const char *title;
          int att;
          guint n_absent;
          pbo_org_get_meeting (org, i, &type, &date, &title, &att, &n_absent);
          g_string_append_printf (out, " meeting %s %s %s %s %d %u\n",
                                  pbo_org_get_meeting_id (org, i),
                                  pbo_meeting_type_to_string (type), pbo_date_format (date, d1),
                                  title, att, n_absent);
        }
    }
  append_letters (out, tree);
  return g_string_free (out, FALSE);
}

int
tu_run (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

char *
tu_srcpath (const char *relative)
{
  const char *src = g_getenv ("PBO_SRCDIR");
  return src != NULL ? g_build_filename (src, relative, NULL) : g_strdup (relative);
}

char *
tu_read_file (const char *path)
{
  char *text = NULL;

  ck_assert_msg (g_file_get_contents (path, &text, NULL, NULL), "cannot read %s", path);
  return text;
}

char *
tu_save_string (const PboTree *tree, const PboSaveOptions *options)
{
  GError *error = NULL;
  gsize len = 0;
  char *s = pbo_xml_save_data (tree, &len, options, &error);

  ck_assert_msg (s != NULL, "save: %s", error != NULL ? error->message : "");
  ck_assert_uint_eq (strlen (s), len);
  return s;
}

PboTree *
tu_load_string (const char *text)
{
  GError *error = NULL;
  PboTree *tree = pbo_xml_load_data (text, strlen (text), NULL, &error);

  ck_assert_msg (tree != NULL, "load: %s", error != NULL ? error->message : "");
  ck_assert_invariants (tree);
  return tree;
}

/* Where @a and @b first differ (line, column and the text around it in
 * both), for a readable failure. */
static char *
first_difference (const char *a, const char *b)
{
  guint line = 1;
  gsize i, start = 0, from;

  for (i = 0; a[i] != '\0' && a[i] == b[i]; i++)
    if (a[i] == '\n')
      {
        line++;
        start = i + 1;
      }
  from = i - start > 60 ? i - 60 : start;
  return g_strdup_printf ("line %u column %u differs:\n  first:  %.160s\n  second: %.160s", line,
                          (guint) (i - start + 1), a + from, b + from);
}

gboolean
tu_roundtrips (const PboTree *tree, char **why)
{
  GError *error = NULL;
  gsize len = 0, len2 = 0;
  g_autofree char *first = pbo_xml_save_data (tree, &len, NULL, &error);
  g_autoptr (PboTree) back = NULL;
  g_autofree char *second = NULL;

  if (first == NULL)
    *why = g_strdup_printf ("save: %s", error->message);
  else if ((back = pbo_xml_load_data (first, len, NULL, &error)) == NULL)
    *why = g_strdup_printf ("the save does not load: %s", error->message);
  else if (!pbo_tree_validate_invariants (back, &error))
    *why = g_strdup_printf ("the loaded tree is invalid: %s", error->message);
  else if ((second = pbo_xml_save_data (back, &len2, NULL, &error)) == NULL)
    *why = g_strdup_printf ("the loaded tree does not save: %s", error->message);
  else if (len != len2 || memcmp (first, second, len) != 0)
    *why = first_difference (first, second);
  else
    return TRUE;
  g_clear_error (&error);
  return FALSE;
}

/* Every optional member field, as format v1 spells it. */
static const char *const full_member_fields[][2] = {
  { "gender", "male" }, { "born", "1975-03-02" }, { "ethnicity", "汉族" },
  { "education", "本科" }, { "position", "主任医师" }, { "department", "内科" },
  { "dues-base", "4000.50" }, { "dues-category", "standard" }, { "phone", "13800138000" },
  { "id-card", "44070319750302123X" }, { "mobile", "true" },
  { "name", "张\"海\" & <李>\t'x'\n二行\r" },
};

PboTree *
tu_full_tree (void)
{
  PboTree *tree = pbo_tree_new ();
  PboOrg *c = tu_add_org (tree, NULL, PBO_ORG_COMMITTEE, "c");
  PboOrg *b = tu_add_org (tree, c, PBO_ORG_BRANCH, "b");
  PboOrg *g = tu_add_org (tree, b, PBO_ORG_GROUP, "g");
  PboOrg *with_fields[] = { c, b };
  PboMember *m1 = tu_add_member (tree, b, "m1", PBO_STATUS_FULL, PBO_EMPLOYMENT_IN_SERVICE);
  PboMember *m2 = tu_add_member (tree, g, "m2", PBO_STATUS_PROBATIONARY, PBO_EMPLOYMENT_RETIRED);
  GError *error = NULL;
  guint i;
  int mt;

  for (i = 0; i < G_N_ELEMENTS (with_fields); i++)
    ck_assert (pbo_org_set_unit (with_fields[i], "江海区中西医结合医院 & <分院>", &error)
               && pbo_org_set_established (with_fields[i], 20230601, &error)
               && pbo_org_set_term (with_fields[i], 20230601, 3, &error));
  for (i = 0; i < G_N_ELEMENTS (full_member_fields); i++)
    ck_assert (pbo_member_set_attribute (tree, m1, full_member_fields[i][0],
                                         full_member_fields[i][1], &error));
  ck_assert (pbo_org_add_officer (tree, c, PBO_ROLE_SECRETARY, m1, 20230601, &error));
  ck_assert (pbo_org_add_officer (tree, b, PBO_ROLE_COMMITTEE_MEMBER, m1, PBO_DATE_NONE, &error));
  ck_assert (pbo_org_add_officer (tree, b, PBO_ROLE_COMMITTEE_MEMBER, m2, 20240101, &error));
  mt = pbo_org_add_meeting (tree, b, PBO_MEETING_LIFE_MEETING, 20231220,
                            "组织生活会 \"2023\" & <总结>", 12, &error);
  ck_assert_int_ge (mt, 0);
  ck_assert (pbo_org_add_meeting_absent (tree, b, (guint) mt, m2, &error));
  ck_assert_int_ge (pbo_org_add_meeting (tree, c, PBO_MEETING_COMMITTEE, 20231221, NULL,
                                         PBO_ATTENDANCE_NONE, &error), 0);
  ck_assert_no_error (error);
  tu_add_org (tree, NULL, PBO_ORG_GENERAL_BRANCH, "empty-general-branch");
  return tree;
}

void
tu_remove_dir (char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  if (d != NULL)
    g_dir_close (d);
  g_rmdir (dir);
  g_free (dir);
}
