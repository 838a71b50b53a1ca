/* libpbo — the pbo_*_init() of every versioned public struct, side by side
 * with the size of each of its versions, and the body they share.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include <string.h>
#include "struct-init-private.h"

gboolean
pbo_struct_init_ (gpointer s, gconstpointer defaults, const gsize *sizes,
                  unsigned int n_versions, unsigned int version)
{
  if (version < 1 || version > n_versions)
    return FALSE;
  memcpy (s, defaults, sizes[version - 1]);
  *(unsigned int *) s = version;
  return TRUE;
}

PBO_DEFINE_STRUCT_INIT_ (pbo_edit_context_init, PboEditContext, PBO_EDIT_CONTEXT_INIT,
                         PBO_EDIT_CONTEXT_VERSION, sizeof (PboEditContext))
PBO_DEFINE_STRUCT_INIT_ (pbo_selector_init, PboSelector, PBO_SELECTOR_INIT,
                         PBO_SELECTOR_VERSION, sizeof (PboSelector))
PBO_DEFINE_STRUCT_INIT_ (pbo_edit_org_info_init, PboEditOrgInfo, PBO_EDIT_ORG_INFO_INIT,
                         PBO_EDIT_ORG_INFO_VERSION, G_STRUCT_OFFSET (PboEditOrgInfo, before),
                         sizeof (PboEditOrgInfo))
PBO_DEFINE_STRUCT_INIT_ (pbo_csv_import_options_init, PboCsvImportOptions,
                         PBO_CSV_IMPORT_OPTIONS_INIT, PBO_CSV_IMPORT_OPTIONS_VERSION,
                         G_STRUCT_OFFSET (PboCsvImportOptions, header_map),
                         sizeof (PboCsvImportOptions))
PBO_DEFINE_STRUCT_INIT_ (pbo_meeting_options_init, PboMeetingOptions, PBO_MEETING_OPTIONS_INIT,
                         PBO_MEETING_OPTIONS_VERSION, sizeof (PboMeetingOptions))
PBO_DEFINE_STRUCT_INIT_ (pbo_recruit_info_init, PboRecruitInfo, PBO_RECRUIT_INFO_INIT,
                         PBO_RECRUIT_INFO_VERSION, sizeof (PboRecruitInfo))
PBO_DEFINE_STRUCT_INIT_ (pbo_load_options_init, PboLoadOptions, PBO_LOAD_OPTIONS_INIT,
                         PBO_LOAD_OPTIONS_VERSION, sizeof (PboLoadOptions))
PBO_DEFINE_STRUCT_INIT_ (pbo_save_options_init, PboSaveOptions, PBO_SAVE_OPTIONS_INIT,
                         PBO_SAVE_OPTIONS_VERSION, sizeof (PboSaveOptions))
PBO_DEFINE_STRUCT_INIT_ (pbo_member_record_init, PboMemberRecord, PBO_MEMBER_RECORD_INIT,
                         PBO_MEMBER_RECORD_VERSION, sizeof (PboMemberRecord))
PBO_DEFINE_STRUCT_INIT_ (pbo_rating_options_init, PboRatingOptions, PBO_RATING_OPTIONS_INIT,
                         PBO_RATING_OPTIONS_VERSION, sizeof (PboRatingOptions))
PBO_DEFINE_STRUCT_INIT_ (pbo_member_info_init, PboMemberInfo, PBO_MEMBER_INFO_INIT,
                         PBO_MEMBER_INFO_VERSION, sizeof (PboMemberInfo))
PBO_DEFINE_STRUCT_INIT_ (pbo_check_options_init, PboCheckOptions, PBO_CHECK_OPTIONS_INIT,
                         PBO_CHECK_OPTIONS_VERSION,
                         G_STRUCT_OFFSET (PboCheckOptions, meeting_interval_more_),
                         G_STRUCT_OFFSET (PboCheckOptions, dues_unpaid_months),
                         sizeof (PboCheckOptions))
PBO_DEFINE_STRUCT_INIT_ (pbo_html_options_init, PboHtmlOptions, PBO_HTML_OPTIONS_INIT,
                         PBO_HTML_OPTIONS_VERSION, sizeof (PboHtmlOptions))
PBO_DEFINE_STRUCT_INIT_ (pbo_letter_info_init, PboLetterInfo, PBO_LETTER_INFO_INIT,
                         PBO_LETTER_INFO_VERSION, sizeof (PboLetterInfo))
PBO_DEFINE_STRUCT_INIT_ (pbo_chart_options_init, PboChartOptions, PBO_CHART_OPTIONS_INIT,
                         PBO_CHART_OPTIONS_VERSION, sizeof (PboChartOptions))
PBO_DEFINE_STRUCT_INIT_ (pbo_election_info_init, PboElectionInfo, PBO_ELECTION_INFO_INIT,
                         PBO_ELECTION_INFO_VERSION, sizeof (PboElectionInfo))

void
pbo_check_options_complete_ (PboCheckOptions *full, const PboCheckOptions *given)
{
  *full = pbo_check_options_init_defaults;
  memcpy (full, given, pbo_check_options_init_sizes[given->version - 1]);
}
