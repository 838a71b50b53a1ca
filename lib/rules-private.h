/* libpbo — the rule engine's private side: the table rows and the checks.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_RULES_PRIVATE_H
#define PBO_RULES_PRIVATE_H

#include "tree-private.h"

G_BEGIN_DECLS

typedef struct _PboCheckRun PboCheckRun;
typedef struct _PboRuleDef PboRuleDef;

/* A rule either looks at each org or at each member. */
typedef void (*PboOrgCheck)    (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
typedef void (*PboMemberCheck) (PboCheckRun *run, const PboRuleDef *def, PboMember *member);

struct _PboRuleDef {
  PboRuleInfo    info;         /* first: pbo_rules_get() returns &def->info */
  PboOrgCheck    check_org;    /* exactly one of the two is set */
  PboMemberCheck check_member;
  int            arg;          /* the meeting type of L001–L007 */
};

/* The state of one pbo_check() call. */
struct _PboCheckRun {
  const PboCheckOptions *options;
  PboDate                on;
  PboDate                from;   /* the meeting period */
  PboDate                to;
  GArray                *items;  /* PboFinding */
  GStringChunk          *strings;
  guint                  record_kinds; /* member records in the tree, bits by
                                          PboRecordKind; 1: computed (rules-records.c) */
  PboFindingFunc         sink;   /* pbo_check_foreach(): handed each org's findings */
  gpointer               sink_data;
  guint                  n_errors;
  gboolean               stopped;
};

/* Runs the check into @run (lib/rules.c); FALSE with @error on bad options. */
gboolean pbo_check_run_   (const PboTree *tree, PboOrg *root, const PboCheckOptions *options,
                           PboCheckRun *run, GError **error);
/* Hands the findings gathered so far to run->sink and forgets them
 * (lib/rules-stream.c); FALSE when the sink asked to stop. */
gboolean pbo_check_flush_ (PboCheckRun *run);

/* Records a finding of @def about @org (and @member when not NULL). */
void pbo_check_report_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org,
                        PboMember *member, const char *format, ...) G_GNUC_PRINTF (5, 6);
/* The same about a recruit of @org, named by @recruit_id. */
void pbo_check_report_recruit_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org,
                                const char *recruit_id, const char *format, ...)
                                G_GNUC_PRINTF (5, 6);

/* The checks (lib/rules-checks.c). */
void pbo_check_branch_few_full_          (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_branch_no_committee_      (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_branch_committee_large_   (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_branch_large_             (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_general_branch_size_      (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_committee_small_          (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_officer_not_full_         (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_officer_before_founding_  (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_term_expired_             (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_term_expiring_            (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_meetings_                 (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_probation_overdue_        (PboCheckRun *run, const PboRuleDef *def,
                                          PboMember *member);
void pbo_check_probation_exceeded_       (PboCheckRun *run, const PboRuleDef *def,
                                          PboMember *member);
void pbo_check_id_card_                  (PboCheckRun *run, const PboRuleDef *def,
                                          PboMember *member);
/* Recruitment (lib/rules-recruit.c). */
void pbo_check_recruit_under_age_        (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_candidate_untrained_      (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_member_under_age_         (PboCheckRun *run, const PboRuleDef *def,
                                          PboMember *member);
/* Work records (lib/rules-work-records.c): their options in range. */
gboolean pbo_check_work_options_valid_   (const PboCheckOptions *options, GError **error);
void pbo_check_election_quorum_          (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_election_margin_          (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_work_plan_                (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);

/* Member records (lib/rules-records.c). */
void pbo_check_dues_unpaid_              (PboCheckRun *run, const PboRuleDef *def,
                                          PboMember *member);
void pbo_check_training_                 (PboCheckRun *run, const PboRuleDef *def,
                                          PboMember *member);
void pbo_check_no_evaluation_            (PboCheckRun *run, const PboRuleDef *def,
                                          PboMember *member);

/* The lifecycle (lib/rules-standing.c). */
void pbo_check_lost_contact_             (PboCheckRun *run, const PboRuleDef *def,
                                          PboMember *member);
void pbo_check_outflow_                  (PboCheckRun *run, const PboRuleDef *def,
                                          PboMember *member);
void pbo_check_letters_                  (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
void pbo_check_secretary_party_age_      (PboCheckRun *run, const PboRuleDef *def, PboOrg *org);
/* O001's finding about an officer in 留党察看 or suspended. */
void pbo_check_officer_standing_         (PboCheckRun *run, const PboRuleDef *def, PboOrg *org,
                                          PboMember *m, PboRole role);
/* The end of @m's probation: @normal_end, or the extension past it. */
PboDate pbo_probation_end_               (const PboMember *m, PboDate normal_end);
G_END_DECLS

#endif /* PBO_RULES_PRIVATE_H */
