/* libpbo — columns of the text tables for people, whatever their language.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_TEXT_PRIVATE_H
#define PBO_TEXT_PRIVATE_H

#include <glib.h>

/* Appends @s and then spaces up to @width terminal columns: a Chinese
 * character takes two, so "%-17s" (bytes) would misalign translated words. */
void pbo_text_append_column_ (GString *out, const char *s, guint width);

#endif
