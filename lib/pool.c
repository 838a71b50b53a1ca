/* libpbo — compact storage: record pools with 32-bit references, and the
 * members' string arena. A million members then cost a thousand
 * allocations, and a link between two of them 4 bytes instead of 8.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "tree-private.h"

/* ---- pools ------------------------------------------------------------ */

typedef struct {
  const char *base;
  guint32     block;
} SortedBlock;

void
pbo_pool_init_ (PboPool *pool, gsize record_size)
{
  g_assert (record_size >= sizeof (guint32));
  memset (pool, 0, sizeof *pool);
  pool->record_size = record_size;
  pool->blocks = g_ptr_array_new_with_free_func (g_free);
  pool->sorted = g_array_new (FALSE, FALSE, sizeof (SortedBlock));
}

void
pbo_pool_clear_ (PboPool *pool)
{
  g_clear_pointer (&pool->blocks, g_ptr_array_unref);
  g_clear_pointer (&pool->sorted, g_array_unref);
}

/* Keeps the table sorted by base. malloc hands out rising addresses most
 * of the time, so a new block usually goes at the end; one that does not
 * is inserted in place (O(blocks) moved, never a sort: sorting on every
 * block made a load quadratic in its number of blocks). */
static void
add_sorted (GArray *sorted, SortedBlock sb)
{
  const SortedBlock *table = (const SortedBlock *) (gpointer) sorted->data;
  guint lo = 0, hi = sorted->len;

  if (hi == 0 || table[hi - 1].base < sb.base)
    {
      g_array_append_val (sorted, sb);
      return;
    }
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (table[mid].base < sb.base)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_array_insert_val (sorted, lo, sb);
}

/* A new block, its records chained on the free list in order. */
static void
add_block (PboPool *pool)
{
  guint32 block = pool->blocks->len, i;
  char *records = g_malloc0 (pool->record_size * PBO_POOL_BLOCK);
  SortedBlock sb = { records, block };

  if (block >= G_MAXUINT32 / PBO_POOL_BLOCK - 1)
    g_error ("libpbo: more than %u records of one kind", G_MAXUINT32 - PBO_POOL_BLOCK);
  for (i = 0; i < PBO_POOL_BLOCK - 1; i++)
    *(guint32 *) (gpointer) (records + i * pool->record_size) = block * PBO_POOL_BLOCK + i + 2;
  *(guint32 *) (gpointer) (records + i * pool->record_size) = pool->free_head;
  pool->free_head = block * PBO_POOL_BLOCK + 1;
  g_ptr_array_add (pool->blocks, records);
  add_sorted (pool->sorted, sb);
}

guint32
pbo_pool_alloc_ (PboPool *pool)
{
  guint32 ref;
  gpointer record;

  if (pool->free_head == 0)
    add_block (pool);
  ref = pool->free_head;
  record = pbo_pool_record_ (pool, ref);
  pool->free_head = *(guint32 *) record;
  memset (record, 0, pool->record_size);
  pool->n_used++;
  return ref;
}

void
pbo_pool_release_ (PboPool *pool, guint32 ref)
{
  gpointer record = pbo_pool_record_ (pool, ref);

  memset (record, 0, pool->record_size);
  *(guint32 *) record = pool->free_head;
  pool->free_head = ref;
  pool->n_used--;
}

guint32
pbo_pool_ref_ (const PboPool *pool, gconstpointer record)
{
  const char *p = record;
  const SortedBlock *sb = (const SortedBlock *) (gpointer) pool->sorted->data;
  guint lo = 0, hi = pool->sorted->len;
  gsize span = pool->record_size * PBO_POOL_BLOCK;

  if (record == NULL)
    return 0;
  /* The newest block first: loading appends there. */
  if (hi > 0)
    {
      const char *last = g_ptr_array_index (pool->blocks, pool->blocks->len - 1);
      if (p >= last && p < last + span)
        return (pool->blocks->len - 1) * PBO_POOL_BLOCK
               + (guint32) ((gsize) (p - last) / pool->record_size) + 1;
    }
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (sb[mid].base <= p)
        lo = mid;
      else
        hi = mid;
    }
  g_assert (hi > 0 && p >= sb[lo].base && p < sb[lo].base + span);
  return sb[lo].block * PBO_POOL_BLOCK + (guint32) ((gsize) (p - sb[lo].base) / pool->record_size)
         + 1;
}

guint32
pbo_pool_ref_hinted_ (const PboPool *pool, gconstpointer record, guint32 *block)
{
  const char *p = record;
  guint32 ref;

  if (record != NULL && *block < pool->blocks->len)
    {
      const char *base = g_ptr_array_index (pool->blocks, *block);
      if (p >= base && p < base + pool->record_size * PBO_POOL_BLOCK)
        return *block * PBO_POOL_BLOCK + (guint32) ((gsize) (p - base) / pool->record_size) + 1;
    }
  ref = pbo_pool_ref_ (pool, record);
  if (ref != 0)
    *block = (ref - 1) / PBO_POOL_BLOCK;
  return ref;
}

/* ---- the members' string arena ---------------------------------------- */

#define ARENA_CHUNK_BITS 20
#define ARENA_CHUNK (1u << ARENA_CHUNK_BITS)

void
pbo_arena_init_ (PboArena *arena)
{
  arena->chunks = g_ptr_array_new_with_free_func (g_free);
  arena->used = ARENA_CHUNK;   /* the first add opens a chunk */
}

void
pbo_arena_clear_ (PboArena *arena)
{
  g_clear_pointer (&arena->chunks, g_ptr_array_unref);
}

/* Stores @a and @b (nullable) one after the other, each NUL-terminated.
 * Chunks never move, so the pointers handed out stay valid; the reference
 * is 0 only for chunk 0's offset 0, which is never used. */
guint32
pbo_arena_add_pair_ (PboArena *arena, const char *a, const char *b)
{
  gsize la = strlen (a) + 1, lb = b != NULL ? strlen (b) + 1 : 0;
  char *chunk;
  guint32 ref;

  g_assert (la + lb < ARENA_CHUNK);
  if (arena->used + la + lb > ARENA_CHUNK)
    {
      if (arena->chunks->len >= (1u << (32 - ARENA_CHUNK_BITS)))
        g_error ("libpbo: more than 4 GiB of member ids and names");
      /* Untouched pages of a new chunk cost no memory: small trees stay small. */
      g_ptr_array_add (arena->chunks, g_malloc (ARENA_CHUNK));
      arena->used = arena->chunks->len == 1 ? 1 : 0;
    }
  chunk = g_ptr_array_index (arena->chunks, arena->chunks->len - 1);
  ref = ((arena->chunks->len - 1) << ARENA_CHUNK_BITS) | arena->used;
  memcpy (chunk + arena->used, a, la);
  if (b != NULL)
    memcpy (chunk + arena->used + la, b, lb);
  arena->used += (guint32) (la + lb);
  return ref;
}

const char *
pbo_arena_get_ (const PboArena *arena, guint32 ref)
{
  const char *chunk = g_ptr_array_index (arena->chunks, ref >> ARENA_CHUNK_BITS);
  return chunk + (ref & (ARENA_CHUNK - 1));
}
