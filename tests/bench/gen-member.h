/* pbo-gen: members (attributes drawn from the seed and the member's index)
 * and the buffered writer of format-v1 text.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef GEN_MEMBER_H
#define GEN_MEMBER_H

#include <stdio.h>
#include <glib.h>

/* splitmix64: small, fast, and the same stream on every platform. */
typedef struct {
  guint64 state;
} GenRng;

void     gen_rng_init   (GenRng *rng, guint64 seed);
guint64  gen_rng_next   (GenRng *rng);
/* A number in [lo, hi], both included. */
guint    gen_rng_range  (GenRng *rng, guint lo, guint hi);
/* TRUE with probability @permille / 1000. */
gboolean gen_rng_chance (GenRng *rng, guint permille);
/* One of the @n strings of @list. */
const char *gen_rng_pick (GenRng *rng, const char *const *list, guint n);
#define GEN_PICK(rng, list) gen_rng_pick ((rng), (list), G_N_ELEMENTS (list))

/* A member as it will be written: every value already spelled. NULL or ""
 * means the attribute is left out. */
typedef struct {
  char        id[24];
  char        name[16];
  const char *gender;
  char        born[12];
  char        joined[12];
  char        full_since[12];
  const char *status;
  const char *employment;
  const char *ethnicity;
  const char *education;
  const char *position;
  const char *department;
  char        dues_base[16];
  const char *dues_category;
  char        phone[16];
  char        id_card[20];
  const char *mobile;
  gboolean    full;
  gboolean    retired;
} GenMember;

/* Set by pbo-gen --all-attributes: every optional attribute on every member. */
extern gboolean gen_all_attributes;

/* Fills @m for member number @index (from 1) of a run seeded @seed.
 * Members of a retirees' branch are mostly retired; @force_full makes the
 * member a full member (branch secretaries). */
void gen_member_make (GenMember *m, guint64 seed, guint64 index, gboolean retiree_branch,
                      gboolean force_full);

/* The GB 11643 check character of the first 17 digits of @number. */
char gen_id_card_check_char (const char *number17);

/* Output: a large buffer flushed to a FILE. */
typedef struct {
  FILE   *file;
  char   *buf;
  gsize   len;
  guint64 written;
} GenOut;

void gen_out_init   (GenOut *out, FILE *file);
void gen_out_flush  (GenOut *out);
void gen_out_str    (GenOut *out, const char *s);
/* Starts a line: 2 spaces per @depth, then "<@element". */
void gen_out_open   (GenOut *out, guint depth, const char *element);
/* ` name="value"`, or nothing when @value is NULL or empty. Values are
 * escaped as the canonical writer does. */
void gen_out_attr   (GenOut *out, const char *name, const char *value);
void gen_out_attr_u (GenOut *out, const char *name, guint value);
/* "/>\n" for an empty element, ">\n" for one with children. */
void gen_out_end    (GenOut *out, gboolean empty);
/* "</@element>\n" at @depth. */
void gen_out_close  (GenOut *out, guint depth, const char *element);

void gen_out_member (GenOut *out, guint depth, const GenMember *m);

#endif
