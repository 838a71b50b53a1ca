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

#endif /* PBO_MACROS_H */
