/* A seeded generator of random restructuring operations, valid and
 * invalid (tests/edit-gen.c), shared by the random suites. */
#ifndef PBO_EDIT_GEN_H
#define PBO_EDIT_GEN_H

#include "testutil.h"

typedef struct {
  PboTree   *tree;       /* borrowed: the tree the operations change */
  GRand     *rand;
  GPtrArray *orgs;       /* ids to pick from, possibly stale */
  GPtrArray *members;    /* ids to pick from, possibly stale */
  guint      next_id;    /* the number of the next fresh id */
  GPtrArray *recruits;   /* ids to pick from, possibly stale */
  gboolean   with_recruits; /* also promote, admit and transfer recruits */
} EgWorld;

typedef enum { EG_SKIPPED, EG_APPLIED, EG_REFUSED } EgOutcome;

/* Fresh ids are o<N> and m<N> from @first_id on. eg_clear() frees what
 * eg_init() made (not the tree). */
void      eg_init        (EgWorld *w, PboTree *tree, guint32 seed, guint first_id);
void      eg_clear       (EgWorld *w);

/* Records @n recruits at random stages in random branches of the tree
 * (before any edit: pbo_tree_add_recruit() is not journaled) and turns on
 * the recruit operations. */
void      eg_add_recruits (EgWorld *w, guint n);

/* A random integer in [0, n). */
int       eg_rnd         (EgWorld *w, int n);

/* Lists the ids now in the tree (and one that names nothing) to pick from;
 * call before each eg_random_op(). */
void      eg_refresh_ids (EgWorld *w);

/* One random operation of <pbo/edit.h> on picked subjects: APPLIED, or
 * REFUSED with @error set, or SKIPPED when a subject was missing and
 * nothing was called. */
EgOutcome eg_random_op   (EgWorld *w, GError **error);

#endif
