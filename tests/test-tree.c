/* Check suite: the tree, orgs, nesting, aggregates, walks, officers. */
#include "testutil.h"

START_TEST (test_containment_table)
{
  /* rows: parent NONE, committee, general branch, branch, group;
   * columns: child committee, general branch, branch, group */
  static const gboolean expect[5][4] = {
    { TRUE, TRUE, TRUE, FALSE },
    { TRUE, TRUE, TRUE, FALSE },
    { FALSE, FALSE, TRUE, FALSE },
    { FALSE, FALSE, FALSE, TRUE },
    { FALSE, FALSE, FALSE, FALSE },
  };
  int p, c;

  for (p = 0; p <= PBO_ORG_GROUP; p++)
    for (c = 1; c <= PBO_ORG_GROUP; c++)
      ck_assert_msg (pbo_org_kind_can_contain (p, c) == expect[p][c - 1], "%d in %d", c, p);
  ck_assert (!pbo_org_kind_can_contain (PBO_ORG_COMMITTEE, PBO_ORG_NONE));
  ck_assert (pbo_org_kind_holds_members (PBO_ORG_BRANCH));
  ck_assert (pbo_org_kind_holds_members (PBO_ORG_GROUP));
  ck_assert (!pbo_org_kind_holds_members (PBO_ORG_GENERAL_BRANCH));
}
END_TEST

START_TEST (test_sample_stats)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboStats s;

  ck_assert_invariants (tree);
  ck_assert_uint_eq (pbo_tree_get_n_orgs (tree), 6);
  ck_assert_uint_eq (pbo_tree_get_n_members (tree), 7);
  pbo_org_get_stats (pbo_tree_lookup_org (tree, "c1"), &s);
  ck_assert_uint_eq (s.members, 7);
  ck_assert_uint_eq (s.full, 6);
  ck_assert_uint_eq (s.probationary, 1);
  ck_assert_uint_eq (s.retired, 2);
  ck_assert_uint_eq (s.in_service, 5);
  ck_assert_uint_eq (s.full_retired, 2);
  ck_assert_uint_eq (s.probationary_in_service, 1);
  ck_assert_uint_eq (s.committees, 0);
  ck_assert_uint_eq (s.general_branches, 1);
  ck_assert_uint_eq (s.branches, 3);
  ck_assert_uint_eq (s.groups, 1);
  ck_assert_uint_eq (s.child_orgs, 2);
  ck_assert_uint_eq (s.direct_members, 0);
  pbo_org_get_stats (pbo_tree_lookup_org (tree, "b2"), &s);
  ck_assert_uint_eq (s.members, 3);
  ck_assert_uint_eq (s.direct_members, 1);
  ck_assert_uint_eq (s.groups, 1);
  pbo_tree_get_stats (tree, &s);
  ck_assert_uint_eq (s.committees, 1);
  ck_assert_uint_eq (s.members, 7);
  ck_assert_uint_eq (s.child_orgs, 1);
}
END_TEST

START_TEST (test_add_org_errors)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  g_autofree char *before = tu_dump (tree);
  g_autofree char *after = NULL;
  GError *error = NULL;
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1");
  PboOrg *gr1 = pbo_tree_lookup_org (tree, "gr1");

  ck_assert_ptr_null (pbo_tree_add_org (tree, NULL, PBO_ORG_GROUP, "x", "x", &error));
  ck_assert_pbo_error (error, PBO_ERROR_CONTAINMENT);
  ck_assert_ptr_null (pbo_tree_add_org (tree, b1, PBO_ORG_BRANCH, "x", "x", &error));
  ck_assert_pbo_error (error, PBO_ERROR_CONTAINMENT);
  ck_assert_ptr_null (pbo_tree_add_org (tree, gr1, PBO_ORG_GROUP, "x", "x", &error));
  ck_assert_pbo_error (error, PBO_ERROR_CONTAINMENT);
  ck_assert_ptr_null (pbo_tree_add_org (tree, NULL, PBO_ORG_BRANCH, "m1", "x", &error));
  ck_assert_pbo_error (error, PBO_ERROR_DUPLICATE_ID);
  ck_assert_ptr_null (pbo_tree_add_org (tree, NULL, PBO_ORG_BRANCH, "c1", "x", &error));
  ck_assert_pbo_error (error, PBO_ERROR_DUPLICATE_ID);
  ck_assert_ptr_null (pbo_tree_add_org (tree, NULL, PBO_ORG_BRANCH, "9x", "x", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_ptr_null (pbo_tree_add_org (tree, NULL, PBO_ORG_BRANCH, "y", "", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_ptr_null (pbo_tree_add_org (tree, NULL, PBO_ORG_BRANCH, "y", "a\001b", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_ptr_null (pbo_tree_add_org (tree, NULL, PBO_ORG_BRANCH, "y", "\xc3\x28", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_ptr_null (pbo_tree_add_org (tree, NULL, PBO_ORG_NONE, "y", "y", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  after = tu_dump (tree);
  ck_assert_str_eq (before, after);
  ck_assert_invariants (tree);
}
END_TEST

START_TEST (test_navigation)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *c1 = pbo_tree_get_first_org (tree);
  PboOrg *g1 = pbo_org_get_first_child (c1);

  ck_assert_str_eq (pbo_org_get_id (c1), "c1");
  ck_assert_ptr_null (pbo_org_get_parent (c1));
  ck_assert_ptr_null (pbo_org_get_next (c1));
  ck_assert_ptr_eq (pbo_org_get_parent (g1), c1);
  ck_assert_str_eq (pbo_org_get_id (pbo_org_get_next (g1)), "b3");
  ck_assert_ptr_eq (pbo_org_get_prev (pbo_org_get_next (g1)), g1);
  ck_assert_str_eq (pbo_org_get_id (pbo_org_get_last_child (c1)), "b3");
  ck_assert_uint_eq (pbo_org_get_n_children (c1), 2);
  ck_assert_uint_eq (pbo_org_get_depth (pbo_tree_lookup_org (tree, "gr1")), 3);
  ck_assert (pbo_org_is_ancestor (c1, pbo_tree_lookup_org (tree, "gr1")));
  ck_assert (!pbo_org_is_ancestor (pbo_tree_lookup_org (tree, "b3"), g1));
  ck_assert_ptr_eq (pbo_org_get_tree (c1), tree);
  ck_assert_ptr_null (pbo_tree_lookup_org (tree, "m1"));
  ck_assert_ptr_null (pbo_tree_lookup_member (tree, "c1"));
  ck_assert (pbo_tree_has_id (tree, "m1"));
  ck_assert (!pbo_tree_has_id (tree, "zz"));
}
END_TEST

START_TEST (test_walker_events)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  GString *trace = g_string_new (NULL);
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;

  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    g_string_append_printf (trace, "%s%s ", ev == PBO_WALK_ENTER ? "+" : "-", pbo_org_get_id (org));
  ck_assert_str_eq (trace->str, "+c1 +g1 +b1 -b1 +b2 +gr1 -gr1 -b2 -g1 +b3 -b3 -c1 ");
  ck_assert_int_eq (pbo_walker_next (&w, &org), PBO_WALK_DONE);
  ck_assert_ptr_null (org);

  g_string_truncate (trace, 0);
  pbo_walker_init (&w, tree, pbo_tree_lookup_org (tree, "b2"));
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    g_string_append_printf (trace, "%s%s ", ev == PBO_WALK_ENTER ? "+" : "-", pbo_org_get_id (org));
  ck_assert_str_eq (trace->str, "+b2 +gr1 -gr1 -b2 ");
  g_string_free (trace, TRUE);

  {
    g_autoptr (PboTree) empty = pbo_tree_new ();
    pbo_walker_init (&w, empty, NULL);
    ck_assert_int_eq (pbo_walker_next (&w, &org), PBO_WALK_DONE);
  }
}
END_TEST

/* A chain of committees as deep as a tree may be (PBO_MAX_DEPTH): walked
 * without recursion; one level more is refused, by an addition or by a
 * move (issue 12: 1.0 built a 20,000-deep chain whose file it could not
 * load). */
static PboOrg *
add_chain (PboTree *tree, PboOrg *parent, const char *prefix, guint n)
{
  guint i;

  for (i = 0; i < n; i++)
    {
      char id[32];
      g_snprintf (id, sizeof id, "%s%u", prefix, i);
      parent = pbo_tree_add_org (tree, parent, PBO_ORG_COMMITTEE, id, "委", NULL);
      ck_assert_ptr_nonnull (parent);
    }
  return parent;
}

START_TEST (test_walker_deepest_tree)
{
  g_autoptr (PboTree) tree = pbo_tree_new ();
  g_autofree char *before = NULL, *after = NULL;
  PboOrg *deepest = add_chain (tree, NULL, "c", PBO_MAX_DEPTH), *org = NULL, *pair;
  GError *error = NULL;
  PboWalker w;
  PboWalkEvent ev;
  guint enters = 0, exits = 0;

  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    ev == PBO_WALK_ENTER ? enters++ : exits++;
  ck_assert_uint_eq (enters, PBO_MAX_DEPTH);
  ck_assert_uint_eq (exits, PBO_MAX_DEPTH);
  ck_assert_uint_eq (pbo_org_get_depth (deepest), PBO_MAX_DEPTH - 1);

  ck_assert_ptr_null (pbo_tree_add_org (tree, deepest, PBO_ORG_COMMITTEE, "x", "委", &error));
  ck_assert_pbo_error (error, PBO_ERROR_LIMIT);
  /* A two-level subtree fits one level below the deepest place it may go. */
  pair = add_chain (tree, NULL, "p", 2);
  before = tu_dump (tree);
  ck_assert (!pbo_tree_move_org (tree, pbo_tree_lookup_org (tree, "p0"), deepest, NULL, &error));
  ck_assert_pbo_error (error, PBO_ERROR_LIMIT);
  ck_assert (!pbo_tree_move_org (tree, pbo_tree_lookup_org (tree, "p0"),
                                 pbo_org_get_parent (deepest), NULL, &error));
  ck_assert_pbo_error (error, PBO_ERROR_LIMIT);
  after = tu_dump (tree);
  ck_assert_str_eq (after, before);
  ck_assert (pbo_tree_move_org (tree, pbo_tree_lookup_org (tree, "p0"),
                                pbo_org_get_parent (pbo_org_get_parent (deepest)), NULL, &error));
  ck_assert_uint_eq (pbo_org_get_depth (pair), PBO_MAX_DEPTH - 1);
  /* Many orgs at one level are no deeper than one. */
  add_chain (tree, NULL, "q", 1);
  for (guint i = 0; i < 2 * PBO_MAX_DEPTH; i++)
    {
      char id[32];
      g_snprintf (id, sizeof id, "leaf%u", i);
      ck_assert_ptr_nonnull (pbo_tree_add_org (tree, pbo_tree_lookup_org (tree, "q0"),
                                               PBO_ORG_COMMITTEE, id, "委", NULL));
    }
  ck_assert_msg (pbo_tree_move_org (tree, pbo_tree_lookup_org (tree, "q0"),
                                    pbo_org_get_parent (pbo_org_get_parent (deepest)), NULL,
                                    &error), "%s", error->message);
}
END_TEST

static gboolean
count_until (PboOrg *org, gpointer data)
{
  guint *n = data;
  (*n)++;
  return g_strcmp0 (pbo_org_get_id (org), "b2") != 0;
}

static gboolean
collect_member (PboMember *m, gpointer data)
{
  g_string_append_printf (data, "%s ", pbo_member_get_id (m));
  return TRUE;
}

START_TEST (test_foreach)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  guint n = 0;
  GString *ids = g_string_new (NULL);

  ck_assert (!pbo_tree_foreach_org (tree, NULL, count_until, &n));
  ck_assert_uint_eq (n, 4);
  ck_assert (pbo_tree_foreach_member (tree, pbo_tree_lookup_org (tree, "g1"), collect_member, ids));
  ck_assert_str_eq (ids->str, "m1 m2 m3 m4 m5 m6 ");
  g_string_free (ids, TRUE);
}
END_TEST

START_TEST (test_move_org)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *c1 = pbo_tree_lookup_org (tree, "c1");
  PboOrg *g1 = pbo_tree_lookup_org (tree, "g1");
  PboOrg *b2 = pbo_tree_lookup_org (tree, "b2");
  PboOrg *b3 = pbo_tree_lookup_org (tree, "b3");
  PboStats s;
  GError *error = NULL;

  /* b3 (1 member) joins g1 in front of b2. */
  ck_assert (pbo_tree_move_org (tree, b3, g1, b2, &error));
  ck_assert_ptr_eq (pbo_org_get_next (b3), b2);
  pbo_org_get_stats (g1, &s);
  ck_assert_uint_eq (s.members, 7);
  ck_assert_uint_eq (s.branches, 3);
  ck_assert_invariants (tree);

  /* Cycles, containment and a wrong "before" are refused, changing nothing. */
  {
    g_autofree char *before = tu_dump (tree);
    g_autofree char *after = NULL;
    ck_assert (!pbo_tree_move_org (tree, c1, g1, NULL, &error));
    ck_assert_pbo_error (error, PBO_ERROR_CYCLE);
    ck_assert (!pbo_tree_move_org (tree, g1, g1, NULL, &error));
    ck_assert_pbo_error (error, PBO_ERROR_CYCLE);
    ck_assert (!pbo_tree_move_org (tree, b3, pbo_tree_lookup_org (tree, "gr1"), NULL, &error));
    ck_assert_pbo_error (error, PBO_ERROR_CONTAINMENT);
    ck_assert (!pbo_tree_move_org (tree, pbo_tree_lookup_org (tree, "gr1"), NULL, NULL, &error));
    ck_assert_pbo_error (error, PBO_ERROR_CONTAINMENT);
    ck_assert (!pbo_tree_move_org (tree, b2, c1, b3, &error));
    ck_assert_pbo_error (error, PBO_ERROR_INVALID);
    after = tu_dump (tree);
    ck_assert_str_eq (before, after);
  }

  /* To the top level. */
  ck_assert (pbo_tree_move_org (tree, g1, NULL, NULL, &error));
  ck_assert_ptr_null (pbo_org_get_parent (g1));
  pbo_org_get_stats (c1, &s);
  ck_assert_uint_eq (s.members, 0);
  ck_assert_uint_eq (s.child_orgs, 0);
  pbo_tree_get_stats (tree, &s);
  ck_assert_uint_eq (s.child_orgs, 2);
  ck_assert_uint_eq (s.members, 7);
  ck_assert_invariants (tree);
}
END_TEST

START_TEST (test_remove_org)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *b3 = pbo_tree_lookup_org (tree, "b3");
  GError *error = NULL;

  ck_assert (!pbo_tree_remove_org (tree, b3, &error));
  ck_assert_pbo_error (error, PBO_ERROR_NOT_EMPTY);
  ck_assert (!pbo_tree_remove_org (tree, pbo_tree_lookup_org (tree, "c1"), &error));
  ck_assert_pbo_error (error, PBO_ERROR_NOT_EMPTY);
  pbo_tree_remove_member (tree, pbo_tree_lookup_member (tree, "m7"));
  ck_assert (pbo_tree_remove_org (tree, b3, &error));
  ck_assert_ptr_null (pbo_tree_lookup_org (tree, "b3"));
  ck_assert_uint_eq (pbo_tree_get_n_orgs (tree), 5);
  ck_assert_invariants (tree);
  /* The id is free again. */
  ck_assert_ptr_nonnull (pbo_tree_add_org (tree, NULL, PBO_ORG_BRANCH, "b3", "新", &error));
  ck_assert_invariants (tree);
}
END_TEST

START_TEST (test_set_kind)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1");
  PboOrg *b3 = pbo_tree_lookup_org (tree, "b3");
  PboOrg *g1 = pbo_tree_lookup_org (tree, "g1");
  PboStats s;
  GError *error = NULL;

  /* A branch holding members cannot become a general branch… */
  ck_assert (!pbo_org_set_kind (tree, b3, PBO_ORG_GENERAL_BRANCH, &error));
  ck_assert_pbo_error (error, PBO_ERROR_CONTAINMENT);
  /* …a branch inside a general branch cannot become a committee… */
  ck_assert (!pbo_org_set_kind (tree, b1, PBO_ORG_COMMITTEE, &error));
  ck_assert_pbo_error (error, PBO_ERROR_CONTAINMENT);
  /* …a general branch holding branches cannot become a branch. */
  ck_assert (!pbo_org_set_kind (tree, g1, PBO_ORG_BRANCH, &error));
  ck_assert_pbo_error (error, PBO_ERROR_CONTAINMENT);
  ck_assert (!pbo_org_set_kind (tree, g1, PBO_ORG_NONE, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);

  /* Once emptied, b3 may become a general branch; a g1 → committee works. */
  pbo_tree_move_member (tree, pbo_tree_lookup_member (tree, "m7"), b1, NULL);
  ck_assert (pbo_org_set_kind (tree, b3, PBO_ORG_GENERAL_BRANCH, &error));
  ck_assert (pbo_org_set_kind (tree, g1, PBO_ORG_COMMITTEE, &error));
  pbo_tree_get_stats (tree, &s);
  ck_assert_uint_eq (s.committees, 2);
  ck_assert_uint_eq (s.general_branches, 1);
  ck_assert_uint_eq (s.branches, 2);
  ck_assert_invariants (tree);
}
END_TEST

START_TEST (test_org_fields)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *g1 = pbo_tree_lookup_org (tree, "g1");
  GError *error = NULL;

  ck_assert (pbo_org_set_name (g1, "江海区中西医结合医院党总支", &error));
  ck_assert_str_eq (pbo_org_get_name (g1), "江海区中西医结合医院党总支");
  ck_assert (!pbo_org_set_name (g1, "", &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_str_eq (pbo_org_get_name (g1), "江海区中西医结合医院党总支");
  ck_assert (pbo_org_set_unit (g1, "江海区中西医结合医院", &error));
  ck_assert_str_eq (pbo_org_get_unit (g1), "江海区中西医结合医院");
  ck_assert (pbo_org_set_unit (g1, NULL, &error));
  ck_assert_ptr_null (pbo_org_get_unit (g1));
  ck_assert (pbo_org_set_established (g1, 20230601, &error));
  ck_assert_uint_eq (pbo_org_get_established (g1), 20230601);
  ck_assert (!pbo_org_set_established (g1, 20230631, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert (!pbo_org_set_established (g1, 20230000, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert (pbo_org_set_term (g1, 20230601, 3, &error));
  ck_assert_uint_eq (pbo_org_get_term_years (g1), 3);
  ck_assert (!pbo_org_set_term (g1, 20230601, 0, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert (!pbo_org_set_term (g1, PBO_DATE_NONE, 3, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert (!pbo_org_set_term (g1, 20230601, 11, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_uint_eq (pbo_org_get_term_start (g1), 20230601);
  ck_assert (pbo_org_set_term (g1, PBO_DATE_NONE, 0, &error));
}
END_TEST

START_TEST (test_officers)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *g1 = pbo_tree_lookup_org (tree, "g1");
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1");
  PboOrg *b3 = pbo_tree_lookup_org (tree, "b3");
  PboMember *m1 = pbo_tree_lookup_member (tree, "m1");
  PboMember *m2 = pbo_tree_lookup_member (tree, "m2");
  PboMember *m5 = pbo_tree_lookup_member (tree, "m5");
  PboMember *m7 = pbo_tree_lookup_member (tree, "m7");
  PboRole role;
  PboMember *who;
  PboDate since;
  GError *error = NULL;

  ck_assert (pbo_org_add_officer (tree, g1, PBO_ROLE_SECRETARY, m1, 20230601, &error));
  ck_assert (pbo_org_add_officer (tree, g1, PBO_ROLE_COMMITTEE_MEMBER, m5, PBO_DATE_NONE, &error));
  ck_assert (pbo_org_add_officer (tree, g1, PBO_ROLE_COMMITTEE_MEMBER, m2, PBO_DATE_NONE, &error));
  ck_assert (pbo_org_add_officer (tree, b1, PBO_ROLE_SECRETARY, m1, PBO_DATE_NONE, &error));
  ck_assert_no_error (error);
  /* Outside the subtree, second secretary, same committee member twice. */
  ck_assert (!pbo_org_add_officer (tree, b1, PBO_ROLE_DEPUTY_SECRETARY, m7, 0, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INCONSISTENT);
  ck_assert (!pbo_org_add_officer (tree, g1, PBO_ROLE_SECRETARY, m2, 0, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INCONSISTENT);
  ck_assert (!pbo_org_add_officer (tree, g1, PBO_ROLE_COMMITTEE_MEMBER, m5, 0, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INCONSISTENT);
  ck_assert (!pbo_org_add_officer (tree, g1, PBO_ROLE_NONE, m5, 0, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert (!pbo_org_add_officer (tree, g1, PBO_ROLE_DISCIPLINE, m5, 20230230, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);

  ck_assert_uint_eq (pbo_org_get_n_officers (g1), 3);
  ck_assert (pbo_org_get_officer (g1, 0, &role, &who, &since));
  ck_assert_int_eq (role, PBO_ROLE_SECRETARY);
  ck_assert_ptr_eq (who, m1);
  ck_assert_uint_eq (since, 20230601);
  ck_assert (!pbo_org_get_officer (g1, 3, NULL, NULL, NULL));
  ck_assert_ptr_eq (pbo_org_find_officer (g1, PBO_ROLE_SECRETARY), m1);
  ck_assert_ptr_null (pbo_org_find_officer (g1, PBO_ROLE_DISCIPLINE));
  ck_assert_invariants (tree);

  /* m1 moves out of b1 and g1: both offices are vacated. */
  ck_assert (pbo_tree_move_member (tree, m1, b3, &error));
  ck_assert_ptr_null (pbo_org_find_officer (g1, PBO_ROLE_SECRETARY));
  ck_assert_uint_eq (pbo_org_get_n_officers (b1), 0);
  ck_assert_uint_eq (pbo_org_get_n_officers (g1), 2);
  ck_assert_invariants (tree);

  /* Moving m5's group's branch b2 out of g1 vacates m5's seat. */
  ck_assert (pbo_tree_move_org (tree, pbo_tree_lookup_org (tree, "b2"), NULL, NULL, &error));
  ck_assert_uint_eq (pbo_org_get_n_officers (g1), 1);
  ck_assert_invariants (tree);

  /* Removing m2 vacates the last one; removing a non-appointment fails. */
  ck_assert (!pbo_org_remove_officer (tree, g1, PBO_ROLE_SECRETARY, m2, &error));
  ck_assert_pbo_error (error, PBO_ERROR_UNKNOWN_ID);
  pbo_tree_remove_member (tree, m2);
  ck_assert_uint_eq (pbo_org_get_n_officers (g1), 0);
  ck_assert_invariants (tree);
}
END_TEST

START_TEST (test_meetings)
{
  g_autoptr (PboTree) tree = tu_sample_tree ();
  PboOrg *b1 = pbo_tree_lookup_org (tree, "b1");
  PboMember *m2 = pbo_tree_lookup_member (tree, "m2");
  PboMeetingType type;
  PboDate date;
  const char *title;
  int att, idx;
  guint n_absent;
  GError *error = NULL;

  idx = pbo_org_add_meeting (tree, b1, PBO_MEETING_LECTURE, 20230701, "党课：初心", 23, &error);
  ck_assert_int_eq (idx, 0);
  ck_assert (pbo_org_add_meeting_absent (tree, b1, 0, m2, &error));
  ck_assert_int_eq (pbo_org_add_meeting (tree, b1, PBO_MEETING_THEME_DAY, 20230801, NULL,
                                         PBO_ATTENDANCE_NONE, &error), 1);
  ck_assert_int_eq (pbo_org_add_meeting (tree, b1, PBO_MEETING_NONE, 20230801, NULL, 1, &error), -1);
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_int_eq (pbo_org_add_meeting (tree, b1, PBO_MEETING_GROUP, 20230800, NULL, 1, &error), -1);
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert_int_eq (pbo_org_add_meeting (tree, b1, PBO_MEETING_GROUP, 20230801, NULL, -5, &error), -1);
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);
  ck_assert (!pbo_org_add_meeting_absent (tree, b1, 7, m2, &error));
  ck_assert_pbo_error (error, PBO_ERROR_INVALID);

  ck_assert_uint_eq (pbo_org_get_n_meetings (b1), 2);
  ck_assert (pbo_org_get_meeting (b1, 0, &type, &date, &title, &att, &n_absent));
  ck_assert_int_eq (type, PBO_MEETING_LECTURE);
  ck_assert_uint_eq (date, 20230701);
  ck_assert_str_eq (title, "党课：初心");
  ck_assert_int_eq (att, 23);
  ck_assert_uint_eq (n_absent, 1);
  ck_assert_ptr_eq (pbo_org_get_meeting_absent (b1, 0, 0), m2);
  ck_assert (pbo_org_get_meeting (b1, 1, NULL, NULL, &title, &att, NULL));
  ck_assert_ptr_null (title);
  ck_assert_int_eq (att, PBO_ATTENDANCE_NONE);
  /* A removed member's absence stays recorded but resolves to nothing. */
  pbo_tree_remove_member (tree, m2);
  ck_assert_ptr_null (pbo_org_get_meeting_absent (b1, 0, 0));
  ck_assert (pbo_org_get_meeting (b1, 0, NULL, NULL, NULL, NULL, &n_absent));
  ck_assert_uint_eq (n_absent, 1);
}
END_TEST

static Suite *
tree_suite (void)
{
  Suite *s = suite_create ("tree");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_containment_table);
  tcase_add_test (tc, test_sample_stats);
  tcase_add_test (tc, test_add_org_errors);
  tcase_add_test (tc, test_navigation);
  tcase_add_test (tc, test_walker_events);
  tcase_add_test (tc, test_walker_deepest_tree);
  tcase_add_test (tc, test_foreach);
  tcase_add_test (tc, test_move_org);
  tcase_add_test (tc, test_remove_org);
  tcase_add_test (tc, test_set_kind);
  tcase_add_test (tc, test_org_fields);
  tcase_add_test (tc, test_officers);
  tcase_add_test (tc, test_meetings);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return tu_run (tree_suite ());
}
