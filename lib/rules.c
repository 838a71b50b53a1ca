/* libpbo — the rule table, the engine and the findings.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <stdarg.h>
#include <string.h>
#include "csv-private.h"
#include "meetings-private.h"
#include "org-facts-private.h"
#include "rules-private.h"
#include "error-private.h"
#include "struct-init-private.h"

#define ZHIBU "中国共产党支部工作条例(试行) 2018"
#define JIGUAN "中国共产党党和国家机关基层组织工作条例 2019"
#define DANGZHANG "中国共产党章程"
#define XIZE "中国共产党发展党员工作细则 2014"
#define JIAOYU "中国共产党党员教育管理工作条例 2019"
#define XUANJU "中国共产党基层组织选举工作条例 2020"

#define ORG_RULE(rule, code, sev, title, threshold, source, fn) \
  { { rule, code, sev, title, threshold, source }, fn, NULL, 0 }
#define MEMBER_RULE(rule, code, sev, title, threshold, source, fn) \
  { { rule, code, sev, title, threshold, source }, NULL, fn, 0 }
#define MEETING_RULE(rule, code, sev, title, threshold, source, type) \
  { { rule, code, sev, title, threshold, source }, pbo_check_meetings_, NULL, type }

/* Sorted by code: pbo_check() runs the rules in this order, which is how
 * the findings of one org come out sorted by code without a sort. */
static const PboRuleDef rule_table[] = {
  ORG_RULE (PBO_RULE_BRANCH_FEW_FULL, "PBO-B001", PBO_SEVERITY_WARNING,
            "branch with too few full members", "fewer than 3 full members",
            ZHIBU ", art. 4 (joint branches: ch. 2)", pbo_check_branch_few_full_),
  ORG_RULE (PBO_RULE_BRANCH_NO_COMMITTEE, "PBO-B002", PBO_SEVERITY_ERROR,
            "branch that needs a committee has none",
            "7 or more full members and no secretary with 2 other officers",
            ZHIBU ", ch. 6; " JIGUAN ", art. 7", pbo_check_branch_no_committee_),
  ORG_RULE (PBO_RULE_BRANCH_COMMITTEE_LARGE, "PBO-B003", PBO_SEVERITY_WARNING,
            "branch committee too large", "more than 7 officers (distinct members)",
            ZHIBU ", ch. 6", pbo_check_branch_committee_large_),
  ORG_RULE (PBO_RULE_BRANCH_LARGE, "PBO-B004", PBO_SEVERITY_WARNING,
            "branch too large", "more than 50 members", ZHIBU ", art. 4",
            pbo_check_branch_large_),
  ORG_RULE (PBO_RULE_COMMITTEE_SMALL, "PBO-C001", PBO_SEVERITY_INFO,
            "primary committee under its usual size", "fewer than 100 members",
            JIGUAN ", art. 5", pbo_check_committee_small_),
  MEMBER_RULE (PBO_RULE_DUES_UNPAID, "PBO-D001", PBO_SEVERITY_WARNING,
               "dues unpaid for months", "6 months in a row without a payment (trees with a ledger)",
               DANGZHANG ", art. 9", pbo_check_dues_unpaid_),
  MEMBER_RULE (PBO_RULE_TRAINING_MEMBER, "PBO-E001", PBO_SEVERITY_WARNING,
               "member's training hours short", "under 32 hours in the last year "
               "(trees that record training)", JIAOYU " (党员每年集中学习培训一般不少于32学时)",
               pbo_check_training_),
  MEMBER_RULE (PBO_RULE_TRAINING_OFFICER, "PBO-E002", PBO_SEVERITY_WARNING,
               "officer's training hours short", "secretaries and committee members: under 56 "
               "hours in the last year (trees that record training)",
               JIAOYU "; 2019-2023年全国党员教育培训工作规划 (56学时; article unverified)",
               pbo_check_training_),
  ORG_RULE (PBO_RULE_GENERAL_BRANCH_SIZE, "PBO-G001", PBO_SEVERITY_INFO,
            "general branch outside its usual size", "fewer than 50 or more than 100 members",
            JIGUAN ", art. 6", pbo_check_general_branch_size_),
  MEETING_RULE (PBO_RULE_MEETING_GENERAL_ASSEMBLY, "PBO-L001", PBO_SEVERITY_WARNING,
                "general assemblies missing", "none in a quarter", ZHIBU ", art. 11",
                PBO_MEETING_GENERAL_ASSEMBLY),
  MEETING_RULE (PBO_RULE_MEETING_COMMITTEE, "PBO-L002", PBO_SEVERITY_WARNING,
                "committee meetings missing", "none in a month (branches with a committee)",
                ZHIBU ", art. 12", PBO_MEETING_COMMITTEE),
  MEETING_RULE (PBO_RULE_MEETING_GROUP, "PBO-L003", PBO_SEVERITY_WARNING,
                "group meetings missing", "none in a month (branches with groups)",
                ZHIBU ", art. 13", PBO_MEETING_GROUP),
  MEETING_RULE (PBO_RULE_MEETING_LECTURE, "PBO-L004", PBO_SEVERITY_INFO, "lectures missing",
                "none in a quarter", "(local practice) " ZHIBU ", art. 15 sets no frequency",
                PBO_MEETING_LECTURE),
  MEETING_RULE (PBO_RULE_MEETING_THEME_DAY, "PBO-L005", PBO_SEVERITY_WARNING,
                "theme days missing", "none in a month", ZHIBU ", art. 16",
                PBO_MEETING_THEME_DAY),
  MEETING_RULE (PBO_RULE_MEETING_LIFE_MEETING, "PBO-L006", PBO_SEVERITY_WARNING,
                "life meeting missing", "none in a year", ZHIBU ", art. 17",
                PBO_MEETING_LIFE_MEETING),
  MEETING_RULE (PBO_RULE_MEETING_MEMBER_REVIEW, "PBO-L007", PBO_SEVERITY_WARNING,
                "member review missing", "none in a year", ZHIBU ", art. 18",
                PBO_MEETING_MEMBER_REVIEW),
  MEMBER_RULE (PBO_RULE_ID_CARD, "PBO-M001", PBO_SEVERITY_WARNING,
               "ID-card number fails its check", "GB 11643 check character wrong",
               "GB 11643-1999, ISO 7064 MOD 11-2", pbo_check_id_card_),
  ORG_RULE (PBO_RULE_ELECTION_QUORUM, "PBO-N001", PBO_SEVERITY_ERROR,
            "election without its quorum", "voted not more than 4/5 of those entitled",
            XUANJU " (article unverified; configurable)", pbo_check_election_quorum_),
  ORG_RULE (PBO_RULE_ELECTION_MARGIN, "PBO-N002", PBO_SEVERITY_WARNING,
            "committee elected without enough candidates (差额)",
            "fewer than 20% more candidates than seats",
            XUANJU " (article unverified; configurable)", pbo_check_election_margin_),
  ORG_RULE (PBO_RULE_OFFICER_NOT_FULL, "PBO-O001", PBO_SEVERITY_ERROR,
            "officer who is not a full member", "a probationary officer",
            DANGZHANG ", art. 7; " XUANJU ", art. 5 (留党察看, 停止党籍)",
            pbo_check_officer_not_full_),
  ORG_RULE (PBO_RULE_OFFICER_BEFORE_FOUNDING, "PBO-O002", PBO_SEVERITY_WARNING,
            "officer appointed before the org was founded", "since earlier than established",
            "data consistency (DESIGN §5)", pbo_check_officer_before_founding_),
  ORG_RULE (PBO_RULE_SECRETARY_PARTY_AGE, "PBO-O003", PBO_SEVERITY_WARNING,
            "secretary with under a year of 党龄", "full member for less than 12 months",
            ZHIBU ", art. 23", pbo_check_secretary_party_age_),
  MEMBER_RULE (PBO_RULE_PROBATION_OVERDUE, "PBO-P001", PBO_SEVERITY_WARNING,
               "probation over, not converted", "probationary more than 1 year after joining",
               DANGZHANG ", art. 7", pbo_check_probation_overdue_),
  MEMBER_RULE (PBO_RULE_PROBATION_EXCEEDED, "PBO-P002", PBO_SEVERITY_ERROR,
               "probation past the longest extension",
               "probationary more than 2 years after joining",
               DANGZHANG ", art. 7", pbo_check_probation_exceeded_),
  ORG_RULE (PBO_RULE_RECRUIT_UNDER_AGE, "PBO-R001", PBO_SEVERITY_ERROR,
            "applicant under the minimum age", "applied before turning 18",
            DANGZHANG ", art. 1; " XIZE ", art. 5", pbo_check_recruit_under_age_),
  ORG_RULE (PBO_RULE_CANDIDATE_UNTRAINED, "PBO-R002", PBO_SEVERITY_ERROR,
            "candidate without a year as an activist",
            "candidate less than 1 year after becoming an activist",
            XIZE ", art. 13", pbo_check_candidate_untrained_),
  MEMBER_RULE (PBO_RULE_MEMBER_UNDER_AGE, "PBO-R003", PBO_SEVERITY_WARNING,
               "member admitted under the minimum age", "joined before turning 18",
               DANGZHANG ", art. 1", pbo_check_member_under_age_),
  MEMBER_RULE (PBO_RULE_LOST_CONTACT, "PBO-S001", PBO_SEVERITY_WARNING,
               "member out of contact: suspend the membership (停止党籍)",
               "lost contact 6 months or more", JIAOYU ", art. 24", pbo_check_lost_contact_),
  MEMBER_RULE (PBO_RULE_OUTFLOW_LONG, "PBO-S002", PBO_SEVERITY_WARNING,
               "member away for long: transfer the relation", "outflow 6 months or more",
               JIAOYU ", art. 25", pbo_check_outflow_),
  ORG_RULE (PBO_RULE_TERM_EXPIRED, "PBO-T001", PBO_SEVERITY_ERROR, "term expired",
            "3 years (branches, general branches), 5 years (committees)",
            ZHIBU ", ch. 6; " JIGUAN ", arts. 5-7", pbo_check_term_expired_),
  ORG_RULE (PBO_RULE_TERM_EXPIRING, "PBO-T002", PBO_SEVERITY_INFO, "term ends soon",
            "within 180 days", ZHIBU ", ch. 6; " JIGUAN ", arts. 5-7 (上级党组织一般提前6个月提醒)",
            pbo_check_term_expiring_),
  MEMBER_RULE (PBO_RULE_NO_EVALUATION, "PBO-V001", PBO_SEVERITY_WARNING,
               "no 民主评议 result for the last year", "none recorded for the year before the "
               "check date (trees that record evaluations)", JIAOYU ", art. 18",
               pbo_check_no_evaluation_),
  ORG_RULE (PBO_RULE_WORK_PLAN_MISSING, "PBO-W001", PBO_SEVERITY_WARNING,
            "branch without an annual work plan", "no work plan for the year",
            "inspection practice (seed 004: 岳阳市卫计委党组督查通报 2016)", pbo_check_work_plan_),
  ORG_RULE (PBO_RULE_LETTER_NO_RECEIPT, "PBO-X001", PBO_SEVERITY_WARNING,
            "transfer letter expired without a receipt (回执)",
            "past the letter's validity (90 days; 180 across provinces)",
            "中共中央组织部 关于党员组织关系转接的规定", pbo_check_letters_),
};

static const char *const severities[] = { NULL, "info", "warning", "error" };

const char *
pbo_severity_to_string (PboSeverity severity)
{
  return severity > PBO_SEVERITY_NONE && severity <= PBO_SEVERITY_ERROR ? severities[severity]
                                                                        : NULL;
}

PboSeverity
pbo_severity_from_string (const char *s)
{
  int i;

  for (i = PBO_SEVERITY_INFO; s != NULL && i <= PBO_SEVERITY_ERROR; i++)
    if (strcmp (s, severities[i]) == 0)
      return (PboSeverity) i;
  return PBO_SEVERITY_NONE;
}

guint
pbo_rules_get_n (void)
{
  return G_N_ELEMENTS (rule_table);
}

const PboRuleInfo *
pbo_rules_get (guint index)
{
  return index < G_N_ELEMENTS (rule_table) ? &rule_table[index].info : NULL;
}

const PboRuleInfo *
pbo_rule_lookup (const char *code)
{
  guint i;

  g_return_val_if_fail (code != NULL, NULL);
  for (i = 0; i < G_N_ELEMENTS (rule_table); i++)
    if (strcmp (rule_table[i].info.code, code) == 0)
      return &rule_table[i].info;
  return NULL;
}

/* ---- options ---------------------------------------------------------- */

gboolean
pbo_check_options_set_enabled (PboCheckOptions *options, const char *code, gboolean enabled)
{
  const PboRuleInfo *info;

  g_return_val_if_fail (options != NULL && code != NULL, FALSE);
  info = pbo_rule_lookup (code);
  if (info == NULL)
    return FALSE;
  if (enabled)
    options->disabled &= ~PBO_RULE_BIT (info->rule);
  else
    options->disabled |= PBO_RULE_BIT (info->rule);
  return TRUE;
}

/* The index of @type's interval in the private room of version 2, or -1
 * when @type is in the public array, @options is older or the room is full.
 * The room holds months + 1: the zero of an initialiser is "the default". */
static int
room_index (const PboCheckOptions *options, PboMeetingType type)
{
  guint i = (guint) type - PBO_MEETING_TYPE_SLOTS;

  if ((guint) type < PBO_MEETING_TYPE_SLOTS || options->version < 2
      || i >= G_N_ELEMENTS (options->meeting_interval_more_))
    return -1;
  return (int) i;
}

gboolean
pbo_check_options_set_interval (PboCheckOptions *options, PboMeetingType type, guint months)
{
  int i;

  g_return_val_if_fail (options != NULL, FALSE);
  if (pbo_meeting_type_to_string (type) == NULL || months > PBO_MEETING_INTERVAL_MAX)
    return FALSE;
  if ((guint) type < PBO_MEETING_TYPE_SLOTS)
    {
      options->meeting_interval_months[type] = months;
      return TRUE;
    }
  i = room_index (options, type);
  if (i < 0)
    return FALSE;
  options->meeting_interval_more_[i] = months + 1;
  return TRUE;
}

guint
pbo_check_options_get_interval (const PboCheckOptions *options, PboMeetingType type)
{
  int i;

  g_return_val_if_fail (options != NULL, 0);
  if (pbo_meeting_type_to_string (type) == NULL)
    return 0;
  if ((guint) type < PBO_MEETING_TYPE_SLOTS)
    return options->meeting_interval_months[type];
  i = room_index (options, type);
  return i >= 0 && options->meeting_interval_more_[i] > 0 ? options->meeting_interval_more_[i] - 1
                                                           : pbo_meeting_default_interval (type);
}

static gboolean
check_options_valid (const PboCheckOptions *options, GError **error)
{
  return pbo_options_version_check_ (options->version, PBO_CHECK_OPTIONS_VERSION, "check",
                                     error) &&
         pbo_meeting_intervals_check_ (options->meeting_interval_months, error) &&
         ((options->min_age <= 100 && options->activist_months <= 1200)
          || pbo_refuse_ (error, PBO_ERROR_INVALID, "check options: min_age %u or "
                          "activist_months %u is beyond 100 years", options->min_age,
                          options->activist_months)) &&
         ((options->dues_unpaid_months <= 1200 && options->training_hours_member <= 2000
           && options->training_hours_officer <= 2000)
          || pbo_refuse_ (error, PBO_ERROR_INVALID, "check options: dues_unpaid_months %u "
                          "(at most 1200) or training hours %u/%u (at most 2000) out of range",
                          options->dues_unpaid_months, options->training_hours_member,
                          options->training_hours_officer)) &&
         pbo_check_work_options_valid_ (options, error);
}

/* ---- the engine ------------------------------------------------------- */

struct _PboFindings {
  GArray       *items;       /* PboFinding */
  GStringChunk *strings;
  PboDate       on;
};

static void
report_v (PboCheckRun *run, const PboRuleDef *def, PboOrg *org, PboMember *member,
          const char *subject_id, const char *format, va_list ap) G_GNUC_PRINTF (6, 0);

static void
report_v (PboCheckRun *run, const PboRuleDef *def, PboOrg *org, PboMember *member,
          const char *subject_id, const char *format, va_list ap)
{
  PboFinding f;
  char *message = g_strdup_vprintf (_(format), ap);

  f.rule = &def->info;
  f.code = def->info.code;
  f.severity = def->info.severity;
  f.org = org;
  f.member = member;
  f.org_id = g_string_chunk_insert_const (run->strings, pbo_org_get_id (org));
  f.member_id = subject_id != NULL ? g_string_chunk_insert_const (run->strings, subject_id)
                                   : NULL;
  f.message = g_string_chunk_insert (run->strings, message);
  g_free (message);
  g_array_append_val (run->items, f);
}

void
pbo_check_report_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org, PboMember *member,
                   const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  report_v (run, def, org, member, member != NULL ? pbo_member_get_id (member) : NULL, format,
            ap);
  va_end (ap);
}

void
pbo_check_report_recruit_ (PboCheckRun *run, const PboRuleDef *def, PboOrg *org,
                           const char *recruit_id, const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  report_v (run, def, org, NULL, recruit_id, format, ap);
  va_end (ap);
}

static gboolean
rule_enabled (const PboCheckRun *run, const PboRuleDef *def)
{
  return (run->options->disabled & PBO_RULE_BIT (def->info.rule)) == 0;
}

/* Runs every enabled rule over @org and the members it holds directly. */
static gboolean
check_org (PboOrg *org, gpointer data)
{
  PboCheckRun *run = data;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (rule_table); i++)
    {
      const PboRuleDef *def = &rule_table[i];
      PboMember *m;

      if (!rule_enabled (run, def))
        continue;
      if (def->check_org != NULL)
        def->check_org (run, def, org);
      else
        for (m = pbo_org_get_first_member (org); m != NULL; m = pbo_member_get_next (m))
          def->check_member (run, def, m);
    }
  return run->sink == NULL || pbo_check_flush_ (run);
}

/* Checks the options, then runs every rule over the subtree into @run
 * (its items, strings and sink set by the caller). */
gboolean
pbo_check_run_ (const PboTree *tree, PboOrg *root, const PboCheckOptions *options,
                PboCheckRun *run, GError **error)
{
  static const PboCheckOptions defaults = PBO_CHECK_OPTIONS_INIT;
  PboCheckOptions full;

  if (options == NULL)
    options = &defaults;
  /* Whole first, so that the checks and the rules read every field. */
  if (!pbo_options_version_check_ (options->version, PBO_CHECK_OPTIONS_VERSION, "check", error))
    return FALSE;
  pbo_check_options_complete_ (&full, options);
  options = &full;
  if (!check_options_valid (options, error))
    return FALSE;
  run->options = options;
  run->from = options->from;
  run->to = options->to;
  if (!pbo_period_resolve_ (options->on, &run->from, &run->to, error))
    return FALSE;
  run->on = options->on != PBO_DATE_NONE ? options->on : pbo_date_today ();
  /* Document order of orgs, then the table's code order inside each org. */
  pbo_tree_foreach_org (tree, root, check_org, run);
  run->options = NULL;
  return TRUE;
}

PboFindings *
pbo_check (const PboTree *tree, PboOrg *root, const PboCheckOptions *options, GError **error)
{
  PboCheckRun run = { 0 };
  PboFindings *findings;

  g_return_val_if_fail (tree != NULL, NULL);
  g_return_val_if_fail (root == NULL || pbo_org_get_tree (root) == tree, NULL);

  run.items = g_array_new (FALSE, FALSE, sizeof (PboFinding));
  run.strings = g_string_chunk_new (1024);
  if (!pbo_check_run_ (tree, root, options, &run, error))
    {
      g_array_unref (run.items);
      g_string_chunk_free (run.strings);
      return NULL;
    }
  findings = g_new0 (PboFindings, 1);
  findings->items = run.items;
  findings->strings = run.strings;
  findings->on = run.on;
  return findings;
}

void
pbo_findings_free (PboFindings *findings)
{
  if (findings == NULL)
    return;
  g_array_unref (findings->items);
  g_string_chunk_free (findings->strings);
  g_free (findings);
}

guint
pbo_findings_get_n (const PboFindings *findings)
{
  g_return_val_if_fail (findings != NULL, 0);
  return findings->items->len;
}

const PboFinding *
pbo_findings_get (const PboFindings *findings, guint index)
{
  g_return_val_if_fail (findings != NULL, NULL);
  return index < findings->items->len ? &g_array_index (findings->items, PboFinding, index)
                                      : NULL;
}

guint
pbo_findings_count (const PboFindings *findings, PboSeverity severity)
{
  guint i, n = 0;

  g_return_val_if_fail (findings != NULL, 0);
  for (i = 0; i < findings->items->len; i++)
    if (g_array_index (findings->items, PboFinding, i).severity >= severity)
      n++;
  return n;
}

PboDate
pbo_findings_get_check_date (const PboFindings *findings)
{
  g_return_val_if_fail (findings != NULL, PBO_DATE_NONE);
  return findings->on;
}

void
pbo_findings_write_text (const PboFindings *findings, GString *out)
{
  guint i;

  g_return_if_fail (findings != NULL && out != NULL);
  for (i = 0; i < findings->items->len; i++)
    pbo_finding_write_text (&g_array_index (findings->items, PboFinding, i), out);
}

void
pbo_findings_write_csv (const PboFindings *findings, GString *out)
{
  pbo_findings_write_csv_full (findings, out, PBO_CSV_WRITE_DEFAULT);
}

void
pbo_findings_write_csv_full (const PboFindings *findings, GString *out, PboCsvWriteFlags flags)
{
  guint i;

  g_return_if_fail (findings != NULL && out != NULL);
  pbo_findings_write_csv_header (out, flags);
  for (i = 0; i < findings->items->len; i++)
    pbo_finding_write_csv (&g_array_index (findings->items, PboFinding, i), out, flags);
}
