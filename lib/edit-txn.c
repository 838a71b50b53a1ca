/* libpbo — the undo log: primitive changes that record their inverse.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "edit-private.h"
#include "error-private.h"
#include "meeting-minutes-private.h"

/* The entry recording @tree's changes, or NULL (rolling back, or a tree
 * without a journal such as the copy pbo_edit_tree_at() rewinds). */
PboJournalEntry *
pbo_recording_ (PboTree *tree)
{
  PboJournal *j = tree->journal;
  return j != NULL && j->recording != NULL && j->recording->steps != NULL ? j->recording : NULL;
}

/* Appends a step of @kind to @e; the pointer is valid until the next step. */
PboStep *
pbo_step_add_ (PboJournalEntry *e, PboStepKind kind)
{
  PboStep step = { 0 };

  step.kind = kind;
  g_array_append_val (e->steps, step);
  return &g_array_index (e->steps, PboStep, e->steps->len - 1);
}

static const char *
org_id_or_top (const PboOrg *org)
{
  return pbo_org_is_root_ (org) ? NULL : org->id;
}

/* Records where an org or a member stood: its container and next sibling. */
static void
set_place (PboJournalEntry *e, PboStep *step, const PboOrg *parent, const char *next_id)
{
  step->parent = pbo_journal_entry_str_ (e, org_id_or_top (parent));
  step->before = pbo_journal_entry_str_ (e, next_id);
}

void
pbo_step_clear_ (PboStep *step)
{
  if (step->org_snap != NULL)
    {
      pbo_org_free_contents_ (step->org_snap);
      g_free (step->org_snap);
    }
  if (step->member_snap != NULL)
    {
      pbo_foreign_clear_ (&step->member_snap->foreign);
      g_free (step->member_snap);
    }
  g_free (step->recruit_snap);
  g_free (step->letter_snap);
  if (step->meeting_snap != NULL)
    {
      pbo_meeting_clear_ (step->meeting_snap);
      g_free (step->meeting_snap);
    }
  memset (step, 0, sizeof *step);
}

/* ---- officers vacated on the way ------------------------------------ */

static void
record_vacated (PboOrg *org, guint index, const PboOfficer *o, gpointer data)
{
  PboJournalEntry *e = data;
  PboStep *step = pbo_step_add_ (e, PBO_STEP_OFFICER_REMOVED);

  step->id = pbo_journal_entry_str_ (e, org->id);
  step->member = pbo_journal_entry_str_ (e, pbo_member_id_ (o->member));
  step->index = index;
  step->since = o->since;
  step->role = o->role;
}

/* Vacates, recording each, the offices that the core would vacate silently
 * when members pass @leaving on their way from @from to @dest. */
static void
vacate (PboTree *tree, PboOrg *from, const PboOrg *dest, PboOfficerTest leaving,
        gconstpointer data)
{
  PboJournalEntry *e = pbo_recording_ (tree);

  pbo_officers_vacate_ (from, dest, leaving, data, e != NULL ? record_vacated : NULL, e);
}

static gboolean
is_member (const PboMember *m, gconstpointer data)
{
  return m == data;
}

static gboolean
is_inside_org (const PboMember *m, gconstpointer org)
{
  return pbo_org_is_ancestor (org, m->org);
}

/* ---- orgs ------------------------------------------------------------ */

PboOrg *
pbo_prim_add_org_ (PboTree *tree, PboOrg *parent, PboOrg *before, const PboOrg *proto,
                   GError **error)
{
  PboJournalEntry *e = pbo_recording_ (tree);
  PboOrg *org = pbo_org_clone_into_ (tree, parent, before, proto, error);

  if (org != NULL && e != NULL)
    pbo_step_add_ (e, PBO_STEP_ORG_ADDED)->id = pbo_journal_entry_str_ (e, org->id);
  return org;
}

/* An org as a free-standing record that pbo_org_clone_into_() can put back:
 * every field of its own, with no links; strings in @e's chunk. */
static PboOrg *
snapshot_org (PboJournalEntry *e, const PboOrg *org)
{
  PboOrg *snap = g_new0 (PboOrg, 1);

  snap->id = pbo_journal_entry_str_ (e, org->id);
  snap->name = pbo_journal_entry_str_ (e, org->name);
  snap->kind = org->kind;
  pbo_org_copy_fields_ (snap, org, e->strings);
  return snap;
}

gboolean
pbo_prim_remove_org_ (PboTree *tree, PboOrg *org, GError **error)
{
  PboJournalEntry *e = pbo_recording_ (tree);
  PboStep *step;

  /* Only an empty org can go; the core says why not without changing
   * anything. An empty org serves no officers (they would be outside). */
  if (org->first_child != NULL || org->first_member != NULL || e == NULL)
    return pbo_tree_remove_org (tree, org, error);
  pbo_prim_drop_org_records_ (tree, org);
  step = pbo_step_add_ (e, PBO_STEP_ORG_REMOVED);
  step->id = pbo_journal_entry_str_ (e, org->id);
  set_place (e, step, org->parent, org->next != NULL ? org->next->id : NULL);
  step->org_snap = snapshot_org (e, org);
  return pbo_tree_remove_org (tree, org, error);
}

gboolean
pbo_prim_move_org_ (PboTree *tree, PboOrg *org, PboOrg *parent, PboOrg *before, GError **error)
{
  PboOrg *old_parent = org->parent;
  const char *old_next = org->next != NULL ? org->next->id : NULL;
  PboJournalEntry *e;
  PboStep *step;

  vacate (tree, old_parent, parent != NULL ? parent : &tree->root, is_inside_org, org);
  if (!pbo_tree_move_org (tree, org, parent, before, error))
    return FALSE;
  if ((e = pbo_recording_ (tree)) != NULL)
    {
      step = pbo_step_add_ (e, PBO_STEP_ORG_MOVED);
      step->id = pbo_journal_entry_str_ (e, org->id);
      set_place (e, step, old_parent, old_next);
    }
  return TRUE;
}

gboolean
pbo_prim_rename_ (PboTree *tree, PboOrg *org, const char *name, GError **error)
{
  const char *old = org->name;
  PboJournalEntry *e;

  if (!pbo_org_set_name (org, name, error))
    return FALSE;
  if ((e = pbo_recording_ (tree)) != NULL)
    {
      PboStep *step = pbo_step_add_ (e, PBO_STEP_ORG_RENAMED);
      step->id = pbo_journal_entry_str_ (e, org->id);
      step->value = pbo_journal_entry_str_ (e, old);
    }
  return TRUE;
}

gboolean
pbo_prim_set_kind_ (PboTree *tree, PboOrg *org, PboOrgKind kind, GError **error)
{
  guint8 old = org->kind;
  PboJournalEntry *e;

  if (!pbo_org_set_kind (tree, org, kind, error))
    return FALSE;
  if ((e = pbo_recording_ (tree)) != NULL)
    {
      PboStep *step = pbo_step_add_ (e, PBO_STEP_ORG_KIND);
      step->id = pbo_journal_entry_str_ (e, org->id);
      step->org_kind = old;
    }
  return TRUE;
}

/* ---- members --------------------------------------------------------- */

PboMember *
pbo_prim_add_member_ (PboTree *tree, PboOrg *org, PboMember *before, const PboMemberInfo *info,
                      const PboForeign *foreign, GError **error)
{
  PboJournalEntry *e = pbo_recording_ (tree);
  PboMember *m = pbo_tree_insert_member_ (tree, org, before, info, foreign, error);

  if (m != NULL && e != NULL)
    pbo_step_add_ (e, PBO_STEP_MEMBER_ADDED)->id = pbo_journal_entry_str_ (e, pbo_member_id_ (m));
  return m;
}

static PboMemberSnap *
snapshot_member (PboJournalEntry *e, const PboMember *m)
{
  PboMemberSnap *snap = g_new0 (PboMemberSnap, 1);
  PboMemberInfo *info = &snap->info;
  const char **texts[] = { &info->id, &info->name, &info->ethnicity, &info->education,
                           &info->position, &info->department, &info->phone, &info->id_card };
  guint i;

  pbo_member_to_info_ (m, info);
  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    *texts[i] = pbo_journal_entry_str_ (e, *texts[i]);
  if (pbo_member_extra_ (m) != NULL)
    pbo_foreign_copy_ (&snap->foreign, &pbo_member_extra_ (m)->foreign);
  return snap;
}

void
pbo_prim_remove_member_ (PboTree *tree, PboMember *member)
{
  PboJournalEntry *e;

  /* Its records go first, each a step, so that an undo re-creates the
   * member before it gives them back. */
  while (pbo_member_get_n_records (member) > 0)
    {
      PboMemberRecord rec;
      pbo_member_get_record (member, 0, &rec);
      pbo_prim_set_record_ (tree, member, &rec, NULL, NULL);
    }
  vacate (tree, member->org, NULL, is_member, member);
  pbo_prim_clear_standing_ (tree, member);
  if ((e = pbo_recording_ (tree)) != NULL)
    {
      PboStep *step = pbo_step_add_ (e, PBO_STEP_MEMBER_REMOVED);
      step->id = pbo_journal_entry_str_ (e, pbo_member_id_ (member));
      set_place (e, step, member->org, member->next != 0 ? pbo_member_id_ (pbo_member_next_ (member)) : NULL);
      step->member_snap = snapshot_member (e, member);
    }
  pbo_tree_remove_member (tree, member);
}

gboolean
pbo_prim_move_member_ (PboTree *tree, PboMember *member, PboOrg *org, PboMember *before,
                       GError **error)
{
  PboOrg *old_org = member->org;
  const char *old_next = member->next != 0 ? pbo_member_id_ (pbo_member_next_ (member)) : NULL;
  PboJournalEntry *e;

  if (member->n_offices > 0)
    vacate (tree, old_org, org, is_member, member);
  if (!pbo_tree_move_member_ (tree, member, org, before, error))
    return FALSE;
  if ((e = pbo_recording_ (tree)) != NULL)
    {
      PboStep *step = pbo_step_add_ (e, PBO_STEP_MEMBER_MOVED);
      step->id = pbo_journal_entry_str_ (e, pbo_member_id_ (member));
      set_place (e, step, old_org, old_next);
    }
  return TRUE;
}

gboolean
pbo_prim_set_attr_ (PboTree *tree, PboMember *member, const char *attr, const char *value,
                    GError **error)
{
  g_autofree char *old = pbo_member_dup_attribute (member, attr);
  PboJournalEntry *e;

  if (!pbo_member_set_attribute (tree, member, attr, value, error))
    return FALSE;
  if ((e = pbo_recording_ (tree)) != NULL)
    {
      PboStep *step = pbo_step_add_ (e, PBO_STEP_MEMBER_ATTR);
      step->id = pbo_journal_entry_str_ (e, pbo_member_id_ (member));
      step->attr = pbo_journal_entry_str_ (e, attr);
      step->value = pbo_journal_entry_str_ (e, old);
    }
  return TRUE;
}

/* ---- officers -------------------------------------------------------- */

gboolean
pbo_prim_appoint_ (PboTree *tree, PboOrg *org, guint index, PboRole role, PboMember *member,
                   PboDate since, GError **error)
{
  PboJournalEntry *e;

  if (index == G_MAXUINT)
    index = pbo_org_get_n_officers (org);
  if (!pbo_org_insert_officer_ (org, index, role, member, since, error))
    return FALSE;
  if ((e = pbo_recording_ (tree)) != NULL)
    {
      PboStep *step = pbo_step_add_ (e, PBO_STEP_OFFICER_ADDED);
      step->id = pbo_journal_entry_str_ (e, org->id);
      step->member = pbo_journal_entry_str_ (e, pbo_member_id_ (member));
      step->role = (guint8) role;
    }
  return TRUE;
}

gboolean
pbo_prim_dismiss_ (PboTree *tree, PboOrg *org, PboRole role, PboMember *member, GError **error)
{
  PboJournalEntry *e = pbo_recording_ (tree);
  guint i;

  for (i = 0; i < org->n_officers; i++)
    {
      const PboOfficer *o = &org->officers[i];
      if (o->role == role && o->member == member)
        {
          if (e != NULL)
            record_vacated (org, i, o, e);
          break;
        }
    }
  return pbo_org_remove_officer (tree, org, role, member, error);
}

/* ---- undoing ----------------------------------------------------------- */

static gboolean
gone (GError **error, const char *what, const char *id)
{
  g_set_error (error, PBO_ERROR, PBO_ERROR_INCONSISTENT,
               _("cannot undo: %s “%s” is not in the tree as the journal left it"), what, id);
  return FALSE;
}

/* Resolves an org id of a step; NULL stands for the top level. */
static gboolean
find_org (PboTree *tree, const char *id, PboOrg **org, GError **error)
{
  *org = id != NULL ? pbo_tree_lookup_org (tree, id) : NULL;
  return id == NULL || *org != NULL || gone (error, _("org"), id);
}

static gboolean
find_member (PboTree *tree, const char *id, PboMember **m, GError **error)
{
  *m = id != NULL ? pbo_tree_lookup_member (tree, id) : NULL;
  return id == NULL || *m != NULL || gone (error, _("member"), id);
}

static gboolean
undo_step (PboTree *tree, const PboStep *s, GError **error)
{
  PboOrg *org = NULL, *parent = NULL, *before_org = NULL;
  PboMember *m = NULL, *before_m = NULL;
  gboolean member_step = s->kind >= PBO_STEP_MEMBER_ADDED && s->kind <= PBO_STEP_MEMBER_ATTR;
  gboolean officer_step = s->kind == PBO_STEP_OFFICER_ADDED || s->kind == PBO_STEP_OFFICER_REMOVED;
  const char *org_id = member_step || s->kind == PBO_STEP_ORG_REMOVED ? NULL : s->id;
  const char *member_id = officer_step ? s->member
                          : member_step && s->kind != PBO_STEP_MEMBER_REMOVED ? s->id : NULL;

  if (s->kind == PBO_STEP_MEMBER_RECORD)
    return pbo_member_record_undo_step_ (tree, s, error);
  if (s->kind == PBO_STEP_ORG_POSTPONED)
    return pbo_postpone_undo_step_ (tree, s, error);
  if (s->kind >= PBO_STEP_LETTER_ADDED && s->kind <= PBO_STEP_LETTER_RECEIPT)
    return pbo_letter_undo_step_ (tree, s, error);
  if (s->kind >= PBO_STEP_ORG_FIELDS)
    return pbo_record_undo_step_ (tree, s, error);
  if (s->kind >= PBO_STEP_RECRUIT_ADDED)
    return pbo_recruit_undo_step_ (tree, s, error);
  if (!find_org (tree, org_id, &org, error) || !find_member (tree, member_id, &m, error)
      || !find_org (tree, s->parent, &parent, error)
      || !find_org (tree, member_step ? NULL : s->before, &before_org, error)
      || !find_member (tree, member_step ? s->before : NULL, &before_m, error))
    return FALSE;
  /* Every step but the two re-insertions names the org or member it
   * changed (the recorders always set it): an id-less step is a bug. */
  g_return_val_if_fail (org != NULL || member_step || s->kind == PBO_STEP_ORG_REMOVED, FALSE);
  g_return_val_if_fail (m != NULL || !(member_step || officer_step)
                        || s->kind == PBO_STEP_MEMBER_REMOVED, FALSE);

  switch (s->kind)
    {
    case PBO_STEP_ORG_ADDED: return pbo_prim_remove_org_ (tree, org, error);
    case PBO_STEP_ORG_REMOVED:
      return pbo_prim_add_org_ (tree, parent, before_org, s->org_snap, error) != NULL;
    case PBO_STEP_ORG_MOVED: return pbo_prim_move_org_ (tree, org, parent, before_org, error);
    case PBO_STEP_ORG_RENAMED: return pbo_prim_rename_ (tree, org, s->value, error);
    case PBO_STEP_ORG_KIND: return pbo_prim_set_kind_ (tree, org, (PboOrgKind) s->org_kind, error);
    case PBO_STEP_MEMBER_ADDED: pbo_prim_remove_member_ (tree, m); return TRUE;
    case PBO_STEP_MEMBER_REMOVED:
      return pbo_prim_add_member_ (tree, parent, before_m, &s->member_snap->info,
                                   &s->member_snap->foreign, error) != NULL;
    case PBO_STEP_MEMBER_MOVED: return pbo_prim_move_member_ (tree, m, parent, before_m, error);
    case PBO_STEP_MEMBER_ATTR: return pbo_prim_set_attr_ (tree, m, s->attr, s->value, error);
    case PBO_STEP_OFFICER_ADDED: return pbo_prim_dismiss_ (tree, org, s->role, m, error);
    case PBO_STEP_OFFICER_REMOVED:
      return pbo_prim_appoint_ (tree, org, s->index, s->role, m, s->since, error);
    case PBO_STEP_NONE:
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
pbo_steps_undo_ (PboTree *tree, PboJournalEntry *entry, GError **error)
{
  guint i;

  for (i = entry->steps->len; i > 0; i--)
    if (!undo_step (tree, &g_array_index (entry->steps, PboStep, i - 1), error))
      return FALSE;
  return TRUE;
}
