/* libpbo — the id index: one namespace for orgs and members, O(1) lookup.
 *
 * An open-addressing table (linear probing, at most 3/4 full) of 32-bit
 * entries: a pool reference (27 bits: 134 million records of each kind),
 * 4 bits of the id's hash, and a top bit for orgs. The ids themselves are
 * read from the objects, so the index costs 4 bytes per slot — 5 to 11
 * bytes per id — where a GHashTable of pointers costs about 24; the hash
 * bits spare most probes a visit to the object and a string comparison.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "tree-private.h"

#define ORG_BIT ((guint32) 1 << 31)
#define TAG_SHIFT 27
#define TAG_MASK ((guint32) 0xF << TAG_SHIFT)
#define REF_MASK (((guint32) 1 << TAG_SHIFT) - 1)
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
resolve (const PboTree *tree, guint32 entry, gboolean *is_member)
{
  *is_member = (entry & ORG_BIT) == 0;
  return pbo_pool_record_ (*is_member ? &tree->members : &tree->org_pool, entry & REF_MASK);
}

static const char *
entry_id (const PboTree *tree, guint32 entry)
{
  gboolean is_member;
  gpointer object = resolve (tree, entry, &is_member);

  return is_member ? pbo_tree_member_id_ (tree, object) : ((const PboOrg *) object)->id;
}

/* The string hash, mixed: its high half gives the home slot, four bits of
 * the low half the entry's tag. */
typedef struct {
  guint32 home;
  guint32 tag;
} Hashed;

static Hashed
hash_id (const PboIdIndex *ids, const char *id)
{
  guint64 mixed = (guint64) g_str_hash (id) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  Hashed h = { (guint32) (mixed >> 32) & ids->mask, (guint32) mixed & TAG_MASK };

  return h;
}

/* The slot holding @id, or the empty slot where it would go. */
static guint32
find_slot (const PboTree *tree, const char *id)
{
  const PboIdIndex *ids = &tree->ids;
  Hashed h = hash_id (ids, id);
  guint32 i = h.home, e;

  while ((e = ids->slots[i]) != 0
         && ((e & TAG_MASK) != h.tag || strcmp (entry_id (tree, e), id) != 0))
    i = (i + 1) & ids->mask;
  return i;
}

/* Every id is distinct: each goes to the first free slot from its home. */
static void
grow (PboTree *tree)
{
  guint32 *old = tree->ids.slots, old_size = tree->ids.mask + 1, i;

  tree->ids.mask = old_size * 2 - 1;
  tree->ids.slots = g_new0 (guint32, old_size * 2);
  for (i = 0; i < old_size; i++)
    if (old[i] != 0)
      {
        guint32 j = hash_id (&tree->ids, entry_id (tree, old[i])).home;
        while (tree->ids.slots[j] != 0)
          j = (j + 1) & tree->ids.mask;
        tree->ids.slots[j] = old[i];
      }
  g_free (old);
}

void
pbo_tree_index_reserve_ (PboTree *tree, guint64 n_ids)
{
  while (n_ids * 4 > ((guint64) tree->ids.mask + 1) * 3 && tree->ids.mask < REF_MASK)
    grow (tree);
}

void
pbo_tree_index_add_ (PboTree *tree, gpointer object, gboolean is_member)
{
  guint32 ref;
  const char *id;

  if ((tree->ids.n + 1) * 4 > (tree->ids.mask + 1) * 3)
    grow (tree);
  ref = pbo_pool_ref_ (is_member ? &tree->members : &tree->org_pool, object);
  if (ref > REF_MASK)
    g_error ("libpbo: more than %u %s in one tree", REF_MASK, is_member ? "members" : "orgs");
  id = is_member ? pbo_tree_member_id_ (tree, object) : ((const PboOrg *) object)->id;
  tree->ids.slots[find_slot (tree, id)] = ref | hash_id (&tree->ids, id).tag
                                          | (is_member ? 0 : ORG_BIT);
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
      home = hash_id (ids, entry_id (tree, ids->slots[j])).home;
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

  g_assert (ref != 0 && ((ref & ORG_BIT) == 0) == is_member);
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
