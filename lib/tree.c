/* libpbo — the tree: ownership, strings, the id index, aggregates, walks.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "tree-private.h"
#include "member-records-private.h"
#include "lifecycle-private.h"
#include "error-private.h"
#include "meeting-minutes-private.h"

PboTree *
pbo_tree_new (void)
{
  PboTree *tree = g_new0 (PboTree, 1);
  guint i;

  tree->root.tree = tree;
  tree->root.kind = PBO_ORG_NONE;
  tree->root.id = "";
  tree->root.name = "";
  pbo_id_index_init_ (tree);
  tree->strings = g_string_chunk_new (64 * 1024);
  pbo_pool_init_ (&tree->org_pool, sizeof (PboOrg));
  pbo_pool_init_ (&tree->members, sizeof (PboMember));
  pbo_pool_init_ (&tree->colds, sizeof (PboMemberCold));
  pbo_arena_init_ (&tree->member_strings);
  for (i = 0; i < PBO_MEMBER_N_TEXTS; i++)
    {
      tree->texts[i] = g_ptr_array_new ();
      tree->text_index[i] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  return tree;
}

void
pbo_foreign_clear_ (PboForeign *f)
{
  g_clear_pointer (&f->attrs, g_free);
  g_clear_pointer (&f->children, g_free);
}

void
pbo_foreign_copy_ (PboForeign *dst, const PboForeign *src)
{
  pbo_foreign_clear_ (dst);
  dst->attrs = g_strdup (src->attrs);
  dst->children = g_strdup (src->children);
}

void
pbo_org_free_contents_ (PboOrg *org)
{
  guint i;

  for (i = 0; org->meetings != NULL && i < org->meetings->len; i++)
    pbo_meeting_clear_ (&g_array_index (org->meetings, PboMeeting, i));
  g_clear_pointer (&org->meetings, g_array_unref);
  g_clear_pointer (&org->recruits, g_ptr_array_unref);
  g_clear_pointer (&org->officers, g_free);
  org->n_officers = 0;
  pbo_foreign_clear_ (&org->foreign);
}

void
pbo_tree_free (PboTree *tree)
{
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;
  guint i;

  if (tree == NULL)
    return;
  /* Members live in pools freed below; only their side records own memory. */
  pbo_walker_init (&w, tree, NULL);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    if (ev == PBO_WALK_EXIT)
      {
        PboMember *m;
        for (m = org->first_member; m != NULL; m = pbo_member_next_ (m))
          pbo_member_free_side_ (tree, m);
        pbo_org_free_contents_ (org);
      }
  pbo_org_free_contents_ (&tree->root);
  pbo_foreign_clear_ (&tree->foreign);
  if (tree->journal_free != NULL && tree->journal != NULL)
    tree->journal_free (tree->journal);
  pbo_id_index_clear_ (tree);
  g_clear_pointer (&tree->recruits, g_hash_table_unref);
  g_clear_pointer (&tree->meeting_ids, g_hash_table_unref);
  pbo_records_free_ (tree);
  pbo_lifecycle_free_ (tree);
  g_clear_pointer (&tree->org_records, g_hash_table_unref);
  g_string_chunk_free (tree->strings);
  pbo_pool_clear_ (&tree->org_pool);
  pbo_pool_clear_ (&tree->members);
  pbo_pool_clear_ (&tree->colds);
  pbo_arena_clear_ (&tree->member_strings);
  for (i = 0; i < PBO_MEMBER_N_TEXTS; i++)
    {
      g_ptr_array_unref (tree->texts[i]);
      g_hash_table_unref (tree->text_index[i]);
    }
  g_free (tree);
}

guint
pbo_tree_get_n_orgs (const PboTree *tree)
{
  g_return_val_if_fail (tree != NULL, 0);
  return tree->n_orgs;
}

guint
pbo_tree_get_n_members (const PboTree *tree)
{
  g_return_val_if_fail (tree != NULL, 0);
  return tree->n_members;
}

PboOrg *
pbo_tree_get_first_org (const PboTree *tree)
{
  g_return_val_if_fail (tree != NULL, NULL);
  return tree->root.first_child;
}

/* ---- strings ------------------------------------------------------ */

const char *
pbo_tree_strdup_ (PboTree *tree, const char *s)
{
  return s == NULL ? NULL : g_string_chunk_insert (tree->strings, s);
}

const char *
pbo_tree_intern_ (PboTree *tree, const char *s)
{
  return s == NULL ? NULL : g_string_chunk_insert_const (tree->strings, s);
}

/* XML 1.0 `Char` excludes, of valid UTF-8, the C0 controls but tab, LF
 * and CR, and U+FFFE and U+FFFF (EF BF BE, EF BF BF): a text holding one
 * saves to a file no parser reads back. */
const char *
pbo_xml_char_refused_ (const char *text)
{
  const guchar *p;

  for (p = (const guchar *) text; *p != '\0'; p++)
    if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        || (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)))
      return (const char *) p;
  return NULL;
}

/* The whole check in one pass or two and no message: the common case. */
static gboolean
text_is_ok (const char *text, gboolean required)
{
  const gchar *end;

  if (text == NULL || *text == '\0')
    return !required;
  return g_utf8_validate (text, -1, &end) && (gsize) (end - text) <= PBO_TEXT_MAX
         && pbo_xml_char_refused_ (text) == NULL;
}

/* As pbo_text_check_(), @msgid translated only when there is an error to
 * report: gettext on every member of a load cost a tenth of it. */
gboolean
pbo_text_check_n_ (const char *text, const char *msgid, gboolean required, GError **error)
{
  return text_is_ok (text, required) || pbo_text_check_ (text, _(msgid), required, error);
}

gboolean
pbo_text_check_ (const char *text, const char *what, gboolean required, GError **error)
{
  const char *p;

  if (text_is_ok (text, required))
    return TRUE;
  if (text == NULL || *text == '\0')
    {
      if (!required)
        return TRUE;
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("%s must not be empty"), what);
      return FALSE;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("%s is not valid UTF-8"), what);
      return FALSE;
    }
  if ((p = pbo_xml_char_refused_ (text)) != NULL)
    {
      if ((guchar) *p < 0x20)
        g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                     _("%s holds a control character (0x%02x)"), what, (guint) (guchar) *p);
      else
        g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID,
                     _("%s holds U+%04X, which XML cannot carry"), what, g_utf8_get_char (p));
      return FALSE;
    }
  if (strlen (text) > PBO_TEXT_MAX)
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_INVALID, _("%s is longer than %d bytes"), what,
                   PBO_TEXT_MAX);
      return FALSE;
    }
  return TRUE;
}

/* ---- ids ------------------------------------------------------------ */

gboolean
pbo_id_is_valid (const char *id)
{
  const guchar *p;
  gsize len;

  if (id == NULL || *id == '\0' || (len = strlen (id)) > PBO_ID_MAX
      || !g_utf8_validate (id, (gssize) len, NULL) || pbo_xml_char_refused_ (id) != NULL)
    return FALSE;
  if (g_ascii_isdigit (id[0]) || id[0] == '-' || id[0] == '.')
    return FALSE;
  /* Non-ASCII letters are allowed as in XML names; ASCII must be a name
   * character. */
  for (p = (const guchar *) id; *p != '\0'; p++)
    if (*p < 0x80 && !g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

/* Ids outside the id index share its namespace: recruits and meetings. */
static gboolean
in_other_namespaces (const PboTree *tree, const char *id)
{
  return pbo_tree_lookup_recruit (tree, id) != NULL
         || (tree->meeting_ids != NULL && g_hash_table_contains (tree->meeting_ids, id));
}

gboolean
pbo_tree_check_new_id_ (const PboTree *tree, const char *id, GError **error)
{
  gboolean is_member = FALSE;
  gpointer object;

  if (!pbo_id_is_valid (id))
    {
      /* pbo_refuse_(): the id quoted may not be UTF-8 (found by fuzz-edit). */
      return pbo_refuse_ (error, PBO_ERROR_INVALID,
                          "“%s” is not a valid id (1–%d name characters, not starting with a digit)",
                          id != NULL ? id : "", PBO_ID_MAX);
    }
  /* One probe of the id index, whose miss the insertion that follows
   * reuses; the other namespaces only after it. */
  object = pbo_tree_index_probe_ (tree, id, &is_member);
  if (object != NULL || in_other_namespaces (tree, id))
    {
      g_set_error (error, PBO_ERROR, PBO_ERROR_DUPLICATE_ID, _("id “%s” is already used by %s"),
                   id, pbo_tree_lookup_recruit (tree, id) != NULL ? _("a recruit")
                       : object == NULL ? _("a meeting")
                       : is_member ? _("a member") : _("an org"));
      return FALSE;
    }
  return TRUE;
}

PboOrg *
pbo_tree_lookup_org (const PboTree *tree, const char *id)
{
  gboolean is_member = FALSE;
  gpointer obj;

  g_return_val_if_fail (tree != NULL, NULL);
  obj = pbo_tree_index_lookup_ (tree, id, &is_member);
  return is_member ? NULL : obj;
}

PboMember *
pbo_tree_lookup_member (const PboTree *tree, const char *id)
{
  gboolean is_member = FALSE;
  gpointer obj;

  g_return_val_if_fail (tree != NULL, NULL);
  obj = pbo_tree_index_lookup_ (tree, id, &is_member);
  return is_member ? obj : NULL;
}

gboolean
pbo_tree_has_id (const PboTree *tree, const char *id)
{
  gboolean is_member;

  g_return_val_if_fail (tree != NULL, FALSE);
  return pbo_tree_index_lookup_ (tree, id, &is_member) != NULL
         || (id != NULL && in_other_namespaces (tree, id));
}

/* ---- aggregates ----------------------------------------------------- */

void
pbo_counts_add_member_ (PboOrg *org, const PboMember *m, int sign)
{
  for (; org != NULL; org = org->parent)
    org->counts.members[m->status - 1][m->employment - 1] += (guint32) sign;
}

void
pbo_counts_add_ (PboOrg *org, const PboCounts *delta, int sign)
{
  guint i;

  for (; org != NULL; org = org->parent)
    {
      for (i = 0; i < 4; i++)
        {
          org->counts.members[i / 2][i % 2] += (guint32) sign * delta->members[i / 2][i % 2];
          org->counts.kinds[i] += (guint32) sign * delta->kinds[i];
        }
    }
}

void
pbo_counts_of_org_ (const PboOrg *org, PboCounts *out)
{
  *out = org->counts;
  out->kinds[org->kind - 1]++;
}

static void
stats_from (const PboOrg *org, PboStats *s)
{
  const PboCounts *c = &org->counts;

  memset (s, 0, sizeof *s);
  s->full_in_service = c->members[PBO_STATUS_FULL - 1][PBO_EMPLOYMENT_IN_SERVICE - 1];
  s->full_retired = c->members[PBO_STATUS_FULL - 1][PBO_EMPLOYMENT_RETIRED - 1];
  s->probationary_in_service = c->members[PBO_STATUS_PROBATIONARY - 1][PBO_EMPLOYMENT_IN_SERVICE - 1];
  s->probationary_retired = c->members[PBO_STATUS_PROBATIONARY - 1][PBO_EMPLOYMENT_RETIRED - 1];
  s->full = s->full_in_service + s->full_retired;
  s->probationary = s->probationary_in_service + s->probationary_retired;
  s->in_service = s->full_in_service + s->probationary_in_service;
  s->retired = s->full_retired + s->probationary_retired;
  s->members = s->full + s->probationary;
  s->committees = c->kinds[PBO_ORG_COMMITTEE - 1];
  s->general_branches = c->kinds[PBO_ORG_GENERAL_BRANCH - 1];
  s->branches = c->kinds[PBO_ORG_BRANCH - 1];
  s->groups = c->kinds[PBO_ORG_GROUP - 1];
  s->child_orgs = org->n_children;
  s->direct_members = org->n_members;
}

void
pbo_org_get_stats (const PboOrg *org, PboStats *stats)
{
  g_return_if_fail (org != NULL && stats != NULL);
  stats_from (org, stats);
}

void
pbo_tree_get_stats (const PboTree *tree, PboStats *stats)
{
  g_return_if_fail (tree != NULL && stats != NULL);
  stats_from (&tree->root, stats);
}

/* ---- walks ---------------------------------------------------------- */

/* The walker always holds the step it will return next, computed when the
 * previous step was returned: once an org has been returned with EXIT, it
 * is never read again, so the caller may remove it. */
typedef struct {
  PboOrg      *root;     /* NULL: the whole tree */
  PboOrg      *next;
  PboWalkEvent next_event;
} WalkerReal;

G_STATIC_ASSERT (sizeof (WalkerReal) <= sizeof (PboWalker));

void
pbo_walker_init (PboWalker *walker, const PboTree *tree, PboOrg *root)
{
  WalkerReal *w = (WalkerReal *) walker;

  g_return_if_fail (walker != NULL && tree != NULL);
  w->root = root;
  w->next = root != NULL ? root : tree->root.first_child;
  w->next_event = w->next != NULL ? PBO_WALK_ENTER : PBO_WALK_DONE;
}

PboWalkEvent
pbo_walker_next (PboWalker *walker, PboOrg **org)
{
  WalkerReal *w = (WalkerReal *) walker;
  PboOrg *cur;
  PboWalkEvent ev;

  g_return_val_if_fail (walker != NULL && org != NULL, PBO_WALK_DONE);

  cur = w->next;
  ev = w->next_event;
  if (ev == PBO_WALK_ENTER && cur->first_child != NULL)
    w->next = cur->first_child;
  else if (ev == PBO_WALK_ENTER)
    w->next_event = PBO_WALK_EXIT;
  else if (ev == PBO_WALK_EXIT && cur != w->root && cur->next != NULL)
    {
      w->next = cur->next;
      w->next_event = PBO_WALK_ENTER;
    }
  else if (ev == PBO_WALK_EXIT && cur != w->root && !pbo_org_is_root_ (cur->parent))
    w->next = cur->parent;
  else
    {
      w->next = NULL;
      w->next_event = PBO_WALK_DONE;
    }
  *org = cur;
  return ev;
}

gboolean
pbo_tree_foreach_org (const PboTree *tree, PboOrg *root, PboOrgFunc func, gpointer user_data)
{
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;

  g_return_val_if_fail (tree != NULL && func != NULL, FALSE);
  pbo_walker_init (&w, tree, root);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    if (ev == PBO_WALK_ENTER && !func (org, user_data))
      return FALSE;
  return TRUE;
}

gboolean
pbo_tree_foreach_member (const PboTree *tree, PboOrg *root, PboMemberFunc func,
                         gpointer user_data)
{
  PboWalker w;
  PboOrg *org;
  PboWalkEvent ev;

  g_return_val_if_fail (tree != NULL && func != NULL, FALSE);
  pbo_walker_init (&w, tree, root);
  while ((ev = pbo_walker_next (&w, &org)) != PBO_WALK_DONE)
    {
      PboMember *m;
      if (ev != PBO_WALK_ENTER)
        continue;
      for (m = org->first_member; m != NULL; m = pbo_member_next_ (m))
        if (!func (m, user_data))
          return FALSE;
    }
  return TRUE;
}
