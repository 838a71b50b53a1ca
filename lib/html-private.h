/* libpbo — what the HTML report's sections share (html-*.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_HTML_PRIVATE_H
#define PBO_HTML_PRIVATE_H

#include "tree-private.h"

/* Appends @text with & < > " ' escaped, so that it is safe in element
 * content and in quoted attribute values alike. NULL appends nothing. */
void pbo_html_escape_ (GString *out, const char *text);

/* Appends <h2 id="@id">@title</h2> opening a <section>; the section is
 * closed by pbo_html_section_end_(). */
void pbo_html_section_begin_ (GString *out, const char *id, const char *title);
void pbo_html_section_end_ (GString *out);

/* Appends a table cell holding a count, marked data-figure="@figure" when
 * @figure is not NULL (what programs and tests look for). */
void pbo_html_count_cell_ (GString *out, const char *figure, guint count);

/* Appends <th scope="col"> cells, one per string of the NULL-terminated
 * list of (translated) headings, inside a <thead> row. */
void pbo_html_head_row_ (GString *out, const char *first, ...) G_GNUC_NULL_TERMINATED;

/* The org chart section: an SVG indented tree of the subtree of @root
 * (NULL: every top-level org), at most PBO_HTML_CHART_MAX_ORGS orgs. */
void pbo_html_write_chart_ (GString *out, const PboTree *tree, PboOrg *root);

/* The 三会一课 grid of the branches of @root over the 12 months ending at
 * @on, with the intervals of @check. */
void pbo_html_write_meeting_grid_ (GString *out, const PboTree *tree, PboOrg *root,
                                   PboDate on, const PboCheckOptions *check);

/* The member-record sections (html-records.c, 1.1): dues owed over the 12
 * months before @on, and the star ratings of the year before @on's; each
 * only when the tree keeps such records. */
void pbo_html_write_records_ (GString *out, const PboTree *tree, PboOrg *root, PboDate on);

#endif /* PBO_HTML_PRIVATE_H */
