/* Helpers shared by the edit module's Check suites. */
#include "edit-testutil.h"
#include "tree-private.h"

static void
dump_foreign (GString *out, const char *what, const char *id, const PboForeign *f)
{
  if (f->attrs != NULL || f->children != NULL)
    g_string_append_printf (out, "foreign %s %s [%s] [%s]\n", what, id,
                            f->attrs != NULL ? f->attrs : "", f->children != NULL ? f->children : "");
}

#define OR_DASH(s) ((s) != NULL ? (s) : "-")

static void
dump_absent (GString *out, const PboOrg *org)
{
  guint i, j;

  for (i = 0; org->meetings != NULL && i < org->meetings->len; i++)
    {
      const PboMeeting *mt = &g_array_index (org->meetings, PboMeeting, i);
      PboMeetingInfo info = PBO_MEETING_INFO_INIT;
      char d[PBO_DATE_BUFSIZE];

      for (j = 0; mt->absent != NULL && j < mt->absent->len; j++)
        g_string_append_printf (out, "absent %s %u %s\n", org->id, i,
                                (const char *) g_ptr_array_index (mt->absent, j));
      /* The minutes (format 1.1), when the record has them. */
      if (mt->minutes != NULL && pbo_org_get_meeting_info (org, i, &info))
        g_string_append_printf (out, "minutes %s %u %s %s %d %d %d %s %s %s %s\n", org->id, i,
                                OR_DASH (info.presenter), OR_DASH (info.recorder), info.expected,
                                info.present, info.excused, OR_DASH (info.place),
                                OR_DASH (info.topic), OR_DASH (info.resolution),
                                pbo_date_format (info.planned, d));
    }
}

char *
et_dump (const PboTree *tree)
{
  g_autofree char *base = tu_dump (tree);
  GString *out = g_string_new (base);
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;

  dump_foreign (out, "tree", "", &tree->foreign);
  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      const PboMember *m;
      if (ev != PBO_WALK_ENTER)
        continue;
      dump_foreign (out, "org", org->id, &org->foreign);
      dump_absent (out, org);
      for (m = org->first_member; m != NULL; m = pbo_member_next_ (m))
        if (pbo_member_extra_ (m) != NULL)
          dump_foreign (out, "member", pbo_member_id_ (m), &pbo_member_extra_ (m)->foreign);
    }
  return g_string_free (out, FALSE);
}

void
et_set_org_foreign (PboOrg *org, const char *attrs, const char *children)
{
  PboForeign f = { (char *) attrs, (char *) children };
  pbo_foreign_copy_ (&org->foreign, &f);
}

void
et_set_member_foreign (PboMember *m, const char *attrs, const char *children)
{
  PboForeign f = { (char *) attrs, (char *) children };
  pbo_foreign_copy_ (&pbo_member_ensure_extra_ (m)->foreign, &f);
}

static void
appoint (PboTree *tree, const char *org, PboRole role, const char *member)
{
  GError *error = NULL;
  gboolean ok = pbo_org_add_officer (tree, pbo_tree_lookup_org (tree, org), role,
                                     pbo_tree_lookup_member (tree, member),
                                     pbo_date_make (2021, 3, 1), &error);
  ck_assert_msg (ok, "appoint %s in %s: %s", member, org, error ? error->message : "");
}

PboTree *
et_rich_tree (void)
{
  PboTree *tree = tu_sample_tree ();
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1");
  PboMember *m1 = pbo_tree_lookup_member (tree, "m1");
  GError *error = NULL;
  int idx;

  appoint (tree, "c1", PBO_ROLE_SECRETARY, "m1");
  appoint (tree, "c1", PBO_ROLE_COMMITTEE_MEMBER, "m4");
  appoint (tree, "c1", PBO_ROLE_COMMITTEE_MEMBER, "m7");
  appoint (tree, "g1", PBO_ROLE_SECRETARY, "m4");
  appoint (tree, "g1", PBO_ROLE_DEPUTY_SECRETARY, "m5");
  appoint (tree, "b1", PBO_ROLE_SECRETARY, "m1");
  appoint (tree, "b1", PBO_ROLE_ORGANIZATION, "m2");
  appoint (tree, "b2", PBO_ROLE_PROPAGANDA, "m5");
  appoint (tree, "gr1", PBO_ROLE_SECRETARY, "m6");
  pbo_org_set_unit (b1, "第一医院", NULL);
  pbo_org_set_established (b1, pbo_date_make (2015, 7, 1), NULL);
  pbo_org_set_term (b1, pbo_date_make (2021, 3, 1), 3, NULL);
  idx = pbo_org_add_meeting (tree, b1, PBO_MEETING_LECTURE, pbo_date_make (2023, 7, 1), "党课",
                             2, &error);
  ck_assert_int_eq (idx, 0);
  pbo_org_add_meeting_absent (tree, b1, 0, pbo_tree_lookup_member (tree, "m3"), NULL);
  idx = pbo_org_add_meeting (tree, pbo_tree_lookup_org (tree, "gr1"), PBO_MEETING_GROUP,
                             pbo_date_make (2023, 8, 1), NULL, PBO_ATTENDANCE_NONE, NULL);
  pbo_org_add_meeting_absent (tree, pbo_tree_lookup_org (tree, "gr1"), (guint) idx,
                              pbo_tree_lookup_member (tree, "m6"), NULL);
  pbo_member_set_attribute (tree, m1, "department", "内科", NULL);
  pbo_member_set_attribute (tree, m1, "phone", "13800000000", NULL);
  pbo_member_set_attribute (tree, m1, "id-card", "11010519491231002X", NULL);
  pbo_member_set_attribute (tree, m1, "dues-base", "4000.50", NULL);
  pbo_member_set_attribute (tree, m1, "born", "1975", NULL);
  pbo_member_set_attribute (tree, m1, "mobile", "true", NULL);
  pbo_member_set_attribute (tree, pbo_tree_lookup_member (tree, "m4"), "department", "内科", NULL);
  et_set_member_foreign (m1, " hr:code=\"7\"", "<hr:note>x</hr:note>");
  et_set_org_foreign (b1, " hr:unit=\"u1\"", NULL);
  pbo_foreign_copy_ (&tree->foreign, &(PboForeign) { (char *) " xmlns:hr=\"urn:example:hr\" hr:v=\"1\"", NULL });
  ck_assert_invariants (tree);
  return tree;
}

void
et_assert_undo_restores (PboTree *tree, const char *before)
{
  g_autofree char *after = NULL;
  GError *error = NULL;

  ck_assert_msg (pbo_edit_undo_last (tree, &error), "%s", error != NULL ? error->message : "");
  after = et_dump (tree);
  ck_assert_str_eq (before, after);
  ck_assert_invariants (tree);
}
