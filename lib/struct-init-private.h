/* libpbo — the pbo_*_init() functions of the versioned public structs.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_STRUCT_INIT_PRIVATE_H
#define PBO_STRUCT_INIT_PRIVATE_H

#include <pbo/pbo.h>

G_BEGIN_DECLS

/* When 1 ≤ @version ≤ @n_versions, copies into @s the first
 * @sizes[@version - 1] bytes of @defaults and sets its leading version
 * field to @version; else returns FALSE. A caller built against an older
 * release allocated only its version's size, and the library then reads
 * only that version's fields. */
gboolean pbo_struct_init_ (gpointer s, gconstpointer defaults, const gsize *sizes,
                           unsigned int n_versions, unsigned int version);

/* Defines `gboolean FUNC (TYPE *s, unsigned int version)` initialising @s as
 * the INIT macro does. The sizes of versions 1…VERSION follow, the last
 * sizeof (TYPE): the release that appends fields and bumps VERSION adds the
 * size of the version before, offsetof (TYPE, first new field), or the
 * build stops here. */
#define PBO_DEFINE_STRUCT_INIT_(FUNC, TYPE, INIT, VERSION, ...)                       \
  static const TYPE FUNC##_defaults = INIT;                                          \
  static const gsize FUNC##_sizes[] = { __VA_ARGS__ };                               \
  G_STATIC_ASSERT (G_N_ELEMENTS (FUNC##_sizes) == (VERSION));                        \
  gboolean                                                                           \
  FUNC (TYPE *s, unsigned int version)                                               \
  {                                                                                  \
    g_return_val_if_fail (s != NULL, FALSE);                                         \
    return pbo_struct_init_ (s, &FUNC##_defaults, FUNC##_sizes,                      \
                             G_N_ELEMENTS (FUNC##_sizes), version);                  \
  }

/* @given (of any supported version) made whole in @full: its own fields,
 * then the defaults for the fields of later versions, so that the library
 * reads every field of the current version without looking past the end of
 * an older caller's struct. @given's version must have been checked. */
void pbo_check_options_complete_ (PboCheckOptions *full, const PboCheckOptions *given);

G_END_DECLS

#endif
