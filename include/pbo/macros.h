/* libpbo — shared macros of the public headers.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_MACROS_H
#define PBO_MACROS_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <glib.h>

/**
 * PBO_API:
 *
 * Marks a symbol as part of libpbo's ABI. The library is built with hidden
 * visibility, so only functions carrying this macro are exported.
 */
#if defined(PBO_COMPILATION) && defined(__GNUC__)
#define PBO_API __attribute__((visibility("default")))
#else
#define PBO_API
#endif

/**
 * PBO_DEFINE_FLAGS_OPERATORS:
 * @FlagsType: an enum of flags (#PboLoadFlags, #PboSaveFlags)
 *
 * C++ does not convert the int that `A | B` gives back to the enum, so a
 * program could not write `options.flags = PBO_LOAD_A | PBO_LOAD_B;`. In
 * C++ this defines |, & and |= on @FlagsType; in C it is empty. Flags
 * fields added since 1.1 are typed guint instead (docs/api-stability.md).
 */
#ifdef __cplusplus
#define PBO_DEFINE_FLAGS_OPERATORS(FlagsType)                                      \
  extern "C++" {                                                                  \
  inline FlagsType operator| (FlagsType a, FlagsType b)                          \
  { return static_cast<FlagsType> (static_cast<unsigned> (a) | static_cast<unsigned> (b)); } \
  inline FlagsType operator& (FlagsType a, FlagsType b)                          \
  { return static_cast<FlagsType> (static_cast<unsigned> (a) & static_cast<unsigned> (b)); } \
  inline FlagsType &operator|= (FlagsType &a, FlagsType b) { return a = a | b; }  \
  }
#else
#define PBO_DEFINE_FLAGS_OPERATORS(FlagsType)
#endif

#endif /* PBO_MACROS_H */
