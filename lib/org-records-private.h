/* libpbo — the side table of an org's work records (format 1.1): annual
 * work plans and elections, allocated on first use, so that an org
 * without them costs nothing.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_ORG_RECORDS_PRIVATE_H
#define PBO_ORG_RECORDS_PRIVATE_H

#include "tree-private.h"

G_BEGIN_DECLS

typedef struct {
  const char *title;         /* tree string or NULL */
  PboDate     approved;      /* or PBO_DATE_NONE */
  guint16     year;
} PboWorkPlan;

typedef struct {
  PboDate  date;
  guint32  candidates;
  guint32  seats;
  guint32  voters;
  guint32  voted;
  guint8   method;           /* PboElectionMethod */
} PboElection;

typedef struct {
  GArray *plans;             /* PboWorkPlan by year, or NULL */
  GArray *elections;         /* PboElection in the order recorded, or NULL */
} PboOrgRecords;

/* @org's records, or NULL when it has none. */
PboOrgRecords *pbo_org_records_       (const PboOrg *org);
/* Frees @org's records (the org is leaving the tree, or the tree is freed). */
void           pbo_org_records_forget_ (PboTree *tree, const PboOrg *org);
/* Copies @src's records to @dest, an org of @tree (tree copies, grafts). */
void           pbo_org_records_copy_  (PboTree *tree, PboOrg *dest, const PboOrg *src);
/* Does any org of @tree have work records (so the file needs 1.1)? O(1). */
gboolean       pbo_tree_has_org_records_ (const PboTree *tree);
/* Does any org of @tree have a work plan? O(orgs with work records). */
gboolean       pbo_tree_has_work_plans_ (const PboTree *tree);

/* Work plans, unjournaled (the loader; the primitives of edit-work-records.c).
 * Insertion checks the year, date and title and refuses a second plan for
 * a year (PBO_ERROR_DUPLICATE_ID). */
gboolean pbo_org_insert_work_plan_ (PboTree *tree, PboOrg *org, guint year, PboDate approved,
                                    const char *title, GError **error);
void     pbo_org_delete_work_plan_ (PboTree *tree, PboOrg *org, guint index);

/* Elections, unjournaled: inserted at @index (G_MAXUINT: the end) once
 * checked (pbo_election_check_). */
gboolean pbo_org_insert_election_  (PboTree *tree, PboOrg *org, guint index,
                                    const PboElection *rec, GError **error);
void     pbo_org_delete_election_  (PboTree *tree, PboOrg *org, guint index);
gboolean pbo_election_check_       (const PboElection *rec, GError **error);

G_END_DECLS

#endif /* PBO_ORG_RECORDS_PRIVATE_H */
