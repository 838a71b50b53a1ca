/* libpbo — an enum's spellings: its _to_string and _from_string over one
 * table whose entry 0 is NULL (the enum's "unknown" value).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_SPELLING_PRIVATE_H
#define PBO_SPELLING_PRIVATE_H

#include <glib.h>

/* The index of @s among @names[1 .. @n - 1]; 0 when it is none of them
 * or NULL (lib/types.c). */
int pbo_spelling_index_ (const char *const *names, guint n, const char *s);

#define PBO_DEFINE_SPELLINGS_(Type, prefix, names)                          \
  const char *prefix##_to_string (Type value)                              \
  {                                                                         \
    return (guint) value < G_N_ELEMENTS (names) ? (names)[value] : NULL;     \
  }                                                                         \
  Type prefix##_from_string (const char *s)                                \
  {                                                                         \
    return (Type) pbo_spelling_index_ (names, G_N_ELEMENTS (names), s);    \
  }

#endif /* PBO_SPELLING_PRIVATE_H */
