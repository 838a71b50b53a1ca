/* libpbo — the id index: one namespace for orgs and members, O(1) lookup.
 *
 * An open-addressing table (linear probing, at most 3/4 full) of 32-bit
 * entries: a pool reference (27 bits: 134 million records of each kind),
 * 4 bits of the id's hash, and a top bit for orgs. The ids themselves are
 * read from the objects, so the index costs 4 bytes per slot — 5 to 11
 * bytes per id — where a GHashTable of pointers costs about 24; the hash
 * bits spare most probes a visit to the object and a string comparison.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#define _DEFAULT_SOURCE /* posix_memalign, madvise */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "tree-private.h"

#define ORG_BIT ((guint32) 1 << 31)
#define TAG_SHIFT 27
#define TAG_MASK ((guint32) 0xF << TAG_SHIFT)
#define REF_MASK (((guint32) 1 << TAG_SHIFT) - 1)
#define MIN_SLOTS 64u
/* Every id of a tree at its largest (2^27 records of each kind), at most
 * 3/4 full: what a reservation may ask for. */
#define MAX_SLOTS ((guint32) (((guint64) 2 << TAG_SHIFT) * 4 / 3 + 1))

#define HUGE_PAGE ((gsize) 2 << 20)

/* A zeroed table of @n slots. Every new id costs one cache miss in it, at
 * a random place: past a few MiB that was also a TLB miss, so a large
 * table asks for huge pages (where the kernel offers them on request). */
static guint32 *
alloc_slots (gsize n)
{
  gsize bytes = n * sizeof (guint32);
  void *p = NULL;

  if (bytes < HUGE_PAGE || posix_memalign (&p, HUGE_PAGE, bytes) != 0)
    return g_new0 (guint32, n);
#ifdef MADV_HUGEPAGE
  madvise (p, bytes, MADV_HUGEPAGE);
#endif
  memset (p, 0, bytes);
  return p;
}

void
pbo_id_index_init_ (PboTree *tree)
{
  tree->ids.slots = alloc_slots (MIN_SLOTS);
  tree->ids.size = MIN_SLOTS;
  tree->ids.n = 0;
  tree->ids.hint_slot = 0;
}

void
pbo_id_index_clear_ (PboTree *tree)
{
  /* free(), not g_free(): the table may come from posix_memalign(). */
  free (tree->ids.slots);
  tree->ids.slots = NULL;
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

/* The string hash, mixed: its high half gives the home slot (scaled to
 * the table's size by a multiplication, so that any size will do and a
 * reservation costs what it reserves, not the next power of two: 600 MB,
 * not 1.07 GB, for the national tree), four bits of the low half the
 * entry's tag. */
typedef struct {
  guint32 home;
  guint32 tag;
  guint32 raw;               /* g_str_hash, what the probe hint compares */
} Hashed;

static Hashed
hash_id (const PboIdIndex *ids, const char *id)
{
  guint32 raw = g_str_hash (id);
  guint64 mixed = (guint64) raw * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  Hashed h = { (guint32) (((mixed >> 32) * ids->size) >> 32), (guint32) mixed & TAG_MASK, raw };

  return h;
}

/* The slot holding the id hashed as @h, or the empty slot where it would go. */
static inline guint32
next_slot (const PboIdIndex *ids, guint32 i)
{
  return i + 1 < ids->size ? i + 1 : 0;
}

static guint32
find_slot_hashed (const PboTree *tree, const char *id, Hashed h)
{
  const PboIdIndex *ids = &tree->ids;
  guint32 i = h.home, e;

  while ((e = ids->slots[i]) != 0
         && ((e & TAG_MASK) != h.tag || strcmp (entry_id (tree, e), id) != 0))
    i = next_slot (ids, i);
  return i;
}

static guint32
find_slot (const PboTree *tree, const char *id)
{
  return find_slot_hashed (tree, id, hash_id (&tree->ids, id));
}

/* Every id is distinct: each goes to the first free slot from its home. */
static void
resize (PboTree *tree, guint32 size)
{
  guint32 *old = tree->ids.slots, old_size = tree->ids.size, i;

  tree->ids.size = size;
  tree->ids.slots = alloc_slots (size);
  tree->ids.hint_slot = 0;
  for (i = 0; i < old_size; i++)
    if (old[i] != 0)
      {
        guint32 j = hash_id (&tree->ids, entry_id (tree, old[i])).home;
        while (tree->ids.slots[j] != 0)
          j = next_slot (&tree->ids, j);
        tree->ids.slots[j] = old[i];
      }
  free (old);
}

static gboolean
too_full (const PboIdIndex *ids, guint64 n)
{
  return n * 4 > (guint64) ids->size * 3;
}

void
pbo_tree_index_reserve_ (PboTree *tree, guint64 n_ids)
{
  if (too_full (&tree->ids, n_ids) && tree->ids.size < MAX_SLOTS)
    resize (tree, (guint32) MIN (n_ids * 4 / 3 + 1, MAX_SLOTS));
}

/* Where @id goes: the slot of the last probe when it was for this id (same
 * hash, and the table unchanged since, so the first empty slot of its
 * probe run is still that one), else a probe. @id is not in the index. */
static guint32
slot_for_new (const PboTree *tree, const char *id, Hashed h)
{
  const PboIdIndex *ids = &tree->ids;

  if (ids->hint_slot != 0 && ids->hint_hash == h.raw && ids->slots[ids->hint_slot - 1] == 0)
    return ids->hint_slot - 1;
  return find_slot_hashed (tree, id, h);
}

void
pbo_tree_index_add_ (PboTree *tree, gpointer object, gboolean is_member)
{
  guint32 ref;
  const char *id;
  Hashed h;

  if (too_full (&tree->ids, (guint64) tree->ids.n + 1))
    resize (tree, tree->ids.size * 2);
  ref = pbo_pool_ref_ (is_member ? &tree->members : &tree->org_pool, object);
  if (ref > REF_MASK)
    g_error ("libpbo: more than %u %s in one tree", REF_MASK, is_member ? "members" : "orgs");
  id = is_member ? pbo_tree_member_id_ (tree, object) : ((const PboOrg *) object)->id;
  h = hash_id (&tree->ids, id);
  tree->ids.slots[slot_for_new (tree, id, h)] = ref | h.tag | (is_member ? 0 : ORG_BIT);
  tree->ids.hint_slot = 0;
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
      j = next_slot (ids, j);
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
  ids->hint_slot = 0;
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

/* Starts fetching @id's home slot, for a lookup a few microseconds later
 * (the loader asks as soon as it has a member's id, then parses the other
 * attributes while the cache line arrives). */
void
pbo_tree_index_prefetch_ (const PboTree *tree, const char *id)
{
#if defined(__GNUC__)
  if (id != NULL)
    __builtin_prefetch (&tree->ids.slots[hash_id (&tree->ids, id).home]);
#else
  (void) tree;
  (void) id;
#endif
}

/* A lookup that, on a miss, remembers where the id would go, for the
 * pbo_tree_index_add_() that usually follows (the duplicate check of a new
 * id, then its insertion: one probe, one cache miss, instead of two). The
 * hint is a cache, not part of the index's value: hence the cast. */
gpointer
pbo_tree_index_probe_ (const PboTree *tree, const char *id, gboolean *is_member)
{
  PboIdIndex *ids = (PboIdIndex *) &tree->ids;
  Hashed h;
  guint32 slot;

  if (id == NULL)
    return NULL;
  h = hash_id (ids, id);
  slot = find_slot_hashed (tree, id, h);
  if (ids->slots[slot] != 0)
    return resolve (tree, ids->slots[slot], is_member);
  ids->hint_slot = slot + 1;
  ids->hint_hash = h.raw;
  return NULL;
}

guint
pbo_tree_index_size_ (const PboTree *tree)
{
  return tree->ids.n;
}
