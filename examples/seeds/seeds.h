/* The seeds' restructurings through the edit API, shared by the example
 * programs (examples/jianghai.c, examples/wujiang.c) and the tests
 * (tests/test-edit-seeds.c). Each does, operation for operation, what the
 * plan beside its sample does (examples/data/jianghai-plan.xml, wujiang-plan.xml), so that a program
 * and `pbo apply` give the same file, journal included.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_SEEDS_H
#define PBO_SEEDS_H

#include <pbo/pbo.h>

/* Seed 002 on examples/data/jianghai.xml: jh-zxy becomes a general branch
 * holding 一党支部, 二党支部, 礼乐颐养院党支部 and 退休党支部. One
 * transaction; on error the tree is unchanged. */
gboolean seeds_jianghai (PboTree *tree, GError **error);

/* Seed 000 on examples/data/wujiang-2014.xml: wj-wsj and wj-jsw merged
 * into the new commission committee wj-wjw. */
gboolean seeds_wujiang (PboTree *tree, GError **error);

/* Orgs below @id (its descendants of every kind). */
guint    seeds_orgs_below (PboTree *tree, const char *id);

/* The members of the first org (document order) whose name contains
 * @part, or -1 if there is none; the org's id in *@id when not NULL. */
int      seeds_members_of_named (PboTree *tree, const char *part, const char **id);

/* Prints the tree, one org a line, indented, with its member counts. */
void     seeds_print_tree (PboTree *tree);

/* Loads argv[1] (or @fallback), for the example programs; prints the error
 * and returns NULL on failure. */
PboTree *seeds_load (int argc, char **argv, const char *fallback);

#endif
