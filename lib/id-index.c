/* libpbo — the id index: one namespace for orgs and members, O(1) lookup.
 *
 * An open-addressing table (linear probing, at most 3/4 full) of 32-bit
 * references: a member's pool reference, or an org's with the top bit set. The ids themselves are read from the objects,
 * so the index costs 4 bytes per slot — 5 to 11 bytes per id — where a
 * GHashTable of pointers costs about 24.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "tree-private.h"

#define ORG_REF ((guint32) 1 << 31)
#define MIN_SLOTS 64u

void
pbo_id_index_init_ (PboTree *tree)
{
  tree->ids.slots = g_new0 (guint32, MIN_SLOTS);
  tree->ids.mask = MIN_SLOTS - 1;
  tree->ids.n = 0;
}

void
pbo_id_index_clear_ (PboTree *tree)
{
  g_clear_pointer (&tree->ids.slots, g_free);
}

static gpointer
resolve (const PboTree *tree, guint32 ref, gboolean *is_member)
{
  *is_member = (ref & ORG_REF) == 0;
  if (*is_member)
    return pbo_pool_get_ (&tree->members, ref);
  return pbo_pool_get_ (&tree->org_pool, ref & ~ORG_REF);
}

static const char *
ref_id (const PboTree *tree, guint32 ref)
{
  gboolean is_member;
  gpointer object = resolve (tree, ref, &is_member);

  return is_member ? pbo_tree_member_id_ (tree, object) : ((const PboOrg *) object)->id;
}

/* The string hash, its bits mixed so that the low ones (the slot) vary. */
static guint32
home_slot (const PboIdIndex *ids, const char *id)
{
  return (guint32) ((guint64) g_str_hash (id) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) >> 32)
         & ids->mask;
}

/* The slot holding @id, or the empty slot where it would go. */
static guint32
find_slot (const PboTree *tree, const char *id)
{
  const PboIdIndex *ids = &tree->ids;
  guint32 i = home_slot (ids, id);

  while (ids->slots[i] != 0 && strcmp (ref_id (tree, ids->slots[i]), id) != 0)
    i = (i + 1) & ids->mask;
  return i;
}

static void
grow (PboTree *tree)
{
  guint32 *old = tree->ids.slots, old_size = tree->ids.mask + 1, i;

  tree->ids.mask = old_size * 2 - 1;
  tree->ids.slots = g_new0 (guint32, old_size * 2);
  for (i = 0; i < old_size; i++)
    if (old[i] != 0)
      tree->ids.slots[find_slot (tree, ref_id (tree, old[i]))] = old[i];
  g_free (old);
}

void
pbo_tree_index_add_ (PboTree *tree, gpointer object, gboolean is_member)
{
  guint32 ref;
  const char *id;

  if ((tree->ids.n + 1) * 4 > (tree->ids.mask + 1) * 3)
    grow (tree);
  ref = is_member ? pbo_pool_ref_ (&tree->members, object)
                  : pbo_pool_ref_ (&tree->org_pool, object) | ORG_REF;
  id = is_member ? pbo_tree_member_id_ (tree, object) : ((const PboOrg *) object)->id;
  tree->ids.slots[find_slot (tree, id)] = ref;
  tree->ids.n++;
}

/* Linear probing's deletion without tombstones: later entries of the
 * probe run move back into the hole when their home slot allows it. */
static void
delete_slot (PboTree *tree, guint32 hole)
{
  PboIdIndex *ids = &tree->ids;
  guint32 j = hole;

  for (;;)
    {
      guint32 home;
      j = (j + 1) & ids->mask;
      if (ids->slots[j] == 0)
        break;
      home = home_slot (ids, ref_id (tree, ids->slots[j]));
      /* The entry stays when its home lies cyclically in (hole, j]. */
      if (hole <= j ? (hole < home && home <= j) : (hole < home || home <= j))
        continue;
      ids->slots[hole] = ids->slots[j];
      hole = j;
    }
  ids->slots[hole] = 0;
  ids->n--;
}

void
pbo_tree_index_remove_ (PboTree *tree, gpointer object, gboolean is_member)
{
  const char *id = is_member ? pbo_tree_member_id_ (tree, object) : ((const PboOrg *) object)->id;
  guint32 slot = find_slot (tree, id), ref = tree->ids.slots[slot];

  g_assert (ref != 0 && ((ref & ORG_REF) == 0) == is_member);
  delete_slot (tree, slot);
}

gpointer
pbo_tree_index_lookup_ (const PboTree *tree, const char *id, gboolean *is_member)
{
  guint32 ref;

  if (id == NULL)
    return NULL;
  ref = tree->ids.slots[find_slot (tree, id)];
  return ref != 0 ? resolve (tree, ref, is_member) : NULL;
}

guint
pbo_tree_index_size_ (const PboTree *tree)
{
  return tree->ids.n;
}
