/* libpbo — deep copies of a tree, and grafts of one tree into another.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "error-private.h"
#include "tree-private.h"
#include "recruit-private.h"
#include "member-records-private.h"
#include "lifecycle-private.h"
#include "meeting-minutes-private.h"
#include "org-records-private.h"

/* One copy in progress: where the source's top-level orgs go, and the
 * prefix that turns each source id into its id in the destination. */
typedef struct {
  PboTree    *dest;
  PboOrg     *parent;        /* NULL: the top level */
  const char *prefix;        /* NULL or "": ids kept */
  GString    *id;            /* scratch for prefixed ids */
} Graft;

/* The id of @id in the destination; the result lives in one buffer,
 * valid until the next call. */
static const char *
dest_id (Graft *g, const char *id)
{
  if (g->prefix == NULL || *g->prefix == '\0')
    return id;
  g_string_assign (g->id, g->prefix);
  g_string_append (g->id, id);
  return g->id->str;
}

/* The destination's counterpart of an org of the source. */
static PboOrg *
counterpart (Graft *g, const PboOrg *org)
{
  return pbo_org_is_root_ (org) ? g->parent : pbo_tree_lookup_org (g->dest, dest_id (g, org->id));
}

static gboolean
copy_members (Graft *g, PboOrg *dest, const PboOrg *org, GError **error)
{
  for (const PboMember *m = org->first_member; m != NULL; m = pbo_member_next_ (m))
    {
      PboMemberInfo info;
      g_autofree char *id = NULL;
      PboMember *copy;

      pbo_member_to_info_ (m, &info);
      id = g_strdup (dest_id (g, info.id));
      info.id = id;
      copy = pbo_tree_insert_member_ (g->dest, dest, NULL, &info, pbo_member_foreign_ (m), error);
      if (copy == NULL)
        return FALSE;
      pbo_records_copy_member_ (g->dest, copy, m);
      pbo_standing_copy_ (g->dest, copy, m);
    }
  return TRUE;
}

static gboolean
copy_recruits (Graft *g, PboOrg *dest, const PboOrg *org, GError **error)
{
  for (guint i = 0; i < pbo_org_get_n_recruits (org); i++)
    {
      PboRecruitInfo info = PBO_RECRUIT_INFO_INIT;
      g_autofree char *id = NULL;

      pbo_recruit_get_info (pbo_org_get_recruit (org, i), &info);
      id = g_strdup (dest_id (g, info.id));
      info.id = id;
      if (pbo_tree_insert_recruit_ (g->dest, dest, G_MAXUINT, &info, error) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Absences, presenters and recorders are kept as member ids: a prefix
 * applies to them too. */
static void
prefix_absences (Graft *g, PboOrg *dest)
{
  for (guint i = 0; dest->meetings != NULL && i < dest->meetings->len; i++)
    {
      GPtrArray *absent = g_array_index (dest->meetings, PboMeeting, i).absent;

      PboMinutes *mn = g_array_index (dest->meetings, PboMeeting, i).minutes;

      for (guint j = 0; absent != NULL && j < absent->len; j++)
        absent->pdata[j] = (gpointer) pbo_tree_intern_ (g->dest, dest_id (g, absent->pdata[j]));
      if (mn != NULL && mn->presenter != NULL)
        mn->presenter = pbo_tree_intern_ (g->dest, dest_id (g, mn->presenter));
      if (mn != NULL && mn->recorder != NULL)
        mn->recorder = pbo_tree_intern_ (g->dest, dest_id (g, mn->recorder));
    }
}

/* Officers are copied when the org is left: its whole subtree, and so every
 * member who may hold one of its offices, exists in the copy by then. */
static gboolean
copy_officers (Graft *g, PboOrg *dest, const PboOrg *org, GError **error)
{
  for (guint i = 0; i < org->n_officers; i++)
    {
      const PboOfficer *o = &org->officers[i];
      PboMember *holder = pbo_tree_lookup_member (g->dest, dest_id (g, pbo_member_id_ (o->member)));

      if (!pbo_org_insert_officer_ (dest, i, (PboRole) o->role, holder, o->since, error))
        return FALSE;
    }
  return TRUE;
}

static PboOrg *
copy_org (Graft *g, const PboOrg *org, GError **error)
{
  /* The parent first: dest_id() reuses one buffer. */
  PboOrg *parent = counterpart (g, org->parent);
  PboOrg *dest = pbo_tree_insert_org_ (g->dest, parent, NULL, (PboOrgKind) org->kind,
                                       dest_id (g, org->id), org->name, error);

  if (dest == NULL)
    return NULL;
  pbo_org_copy_fields_ (dest, org, g->dest->strings);
  pbo_org_records_copy_ (g->dest, dest, org);
  if (g->prefix != NULL && *g->prefix != '\0')
    prefix_absences (g, dest);
  return dest;
}

/* Copies every org of @source, in document order, under @g->parent. Each
 * insertion checks what a load checks, so a source that is itself a valid
 * tree fails only on what the destination adds: ids it already has. */
static gboolean
copy_all (Graft *g, const PboTree *source, GError **error)
{
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;
  gboolean ok = TRUE;

  /* The destination's index sized once for what it will hold, not
   * doubled on the way (3 % of a copy). */
  pbo_tree_index_reserve_ (g->dest, (guint64) pbo_tree_index_size_ (g->dest)
                                      + pbo_tree_index_size_ (source));
  pbo_walker_init (&w, source, NULL);
  /* (org != NULL always holds before DONE; gcc -fanalyzer cannot see into
   * pbo_walker_next().) */
  while (ok && (ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE && org != NULL)
    {
      if (ev == PBO_WALK_ENTER)
        {
          PboOrg *dest = copy_org (g, org, error);

          ok = dest != NULL && copy_members (g, dest, org, error)
               && copy_recruits (g, dest, org, error);
        }
      else
        ok = copy_officers (g, counterpart (g, org), org, error);
    }
  return ok;
}

PboTree *
pbo_tree_copy (const PboTree *tree)
{
  Graft g = { NULL, NULL, NULL, NULL };
  GError *error = NULL;

  g_return_val_if_fail (tree != NULL, NULL);

  g.dest = pbo_tree_new ();
  pbo_foreign_copy_ (&g.dest->foreign, &tree->foreign);
  /* The original satisfied every check the insertions make. */
  if (!copy_all (&g, tree, &error))
    g_error ("pbo_tree_copy: the original tree is inconsistent: %s",
             error != NULL ? error->message : "?");
  pbo_letters_copy_ (g.dest, tree);
  return g.dest;
}

/* Everything a graft could trip on, checked before the first insertion so
 * that a refused graft leaves @tree untouched without an undo log. */
static gboolean
graft_check (Graft *g, const PboTree *source, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PboWalker w;
  PboOrg *org;

  for (PboOrg *top = pbo_tree_get_first_org (source); top != NULL; top = pbo_org_get_next (top))
    if (!pbo_org_check_containment_ (g->parent != NULL ? g->parent : &g->dest->root,
                                     pbo_org_get_kind (top), error))
      return FALSE;
  pbo_walker_init (&w, source, NULL);
  for (PboWalkEvent ev; (ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE && org != NULL;)
    {
      g_autoptr (GPtrArray) ids = g_ptr_array_new ();

      if (ev != PBO_WALK_ENTER)
        continue;
      g_ptr_array_add (ids, (gpointer) pbo_org_get_id (org));
      for (PboMember *m = pbo_org_get_first_member (org); m != NULL; m = pbo_member_get_next (m))
        g_ptr_array_add (ids, (gpointer) pbo_member_get_id (m));
      for (guint i = 0; i < pbo_org_get_n_recruits (org); i++)
        g_ptr_array_add (ids, (gpointer) pbo_recruit_get_id (pbo_org_get_recruit (org, i)));
      for (guint i = 0; i < ids->len; i++)
        {
          const char *id = dest_id (g, ids->pdata[i]);

          if (!pbo_tree_check_new_id_ (g->dest, id, error))
            return FALSE;
          /* Two source ids could meet once prefixed only if the source had
           * duplicates, which a tree cannot; kept for safety all the same. */
          if (!g_hash_table_add (seen, g_strdup (id)))
            return pbo_refuse_ (error, PBO_ERROR_DUPLICATE_ID, "the id “%s” is already in use", id);
        }
    }
  return TRUE;
}

gboolean
pbo_tree_graft (PboTree *tree, PboOrg *parent, const PboTree *source, const char *prefix,
                GError **error)
{
  g_autoptr (GString) scratch = g_string_new (NULL);
  Graft g = { tree, parent, prefix, scratch };

  g_return_val_if_fail (tree != NULL && source != NULL && tree != source, FALSE);
  g_return_val_if_fail (parent == NULL || pbo_org_get_tree (parent) == tree, FALSE);
  /* A builder function: a journaled tree changes through <pbo/edit.h> only. */
  g_return_val_if_fail (pbo_journal_get_n_entries (tree) == 0 && !pbo_edit_in_transaction (tree),
                        FALSE);

  if (!graft_check (&g, source, error))
    return FALSE;
  if (!copy_all (&g, source, error))
    g_error ("pbo_tree_graft: an insertion failed after every check passed: %s",
             error != NULL && *error != NULL ? (*error)->message : "?");
  return TRUE;
}
