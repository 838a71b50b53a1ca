/* libpbo — names of the enumerations for people, in the reader's language.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_DISPLAY_H
#define PBO_DISPLAY_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/recruit.h>
#include <pbo/rules.h>
#include <pbo/edit.h>

G_BEGIN_DECLS

/*
 * Display names. The _to_string functions of the enumerations give the
 * format-v1 spelling, a contract for machines (XML, CSV, plans); the
 * _to_display_name functions give the name people read, translated in
 * libpbo's gettext domain into the language of the process's LC_MESSAGES
 * (LANGUAGE first) at the time of the call: "党支部" for %PBO_ORG_BRANCH
 * under `LANG=zh_CN.UTF-8`, "branch" when there is no translation (the C
 * locale, or a program that never called setlocale()). The English name is
 * the format-v1 spelling. Each returns a static string (never free it),
 * valid for the life of the process, or NULL for the NONE value and values
 * out of range. Never match on them: they change with the language.
 * (pbo_org_kind_to_label() gives the Chinese term whatever the locale.)
 * docs/i18n.md says how the language is chosen. O(1).
 */

/**
 * pbo_org_kind_to_display_name:
 * @kind: a kind
 *
 * Returns: (transfer none) (nullable): "党委", "党总支", "党支部", "党小组"
 *   in Chinese; "committee", "general-branch", … in English.
 */
PBO_API const char *pbo_org_kind_to_display_name     (PboOrgKind kind);
/**
 * pbo_status_to_display_name:
 * @status: a status
 *
 * Returns: (transfer none) (nullable): "正式党员" or "预备党员"; "full" or
 *   "probationary" in English.
 */
PBO_API const char *pbo_status_to_display_name       (PboStatus status);
/**
 * pbo_employment_to_display_name:
 * @employment: an employment
 *
 * Returns: (transfer none) (nullable): "在职" or "离退休"; "in-service" or
 *   "retired" in English.
 */
PBO_API const char *pbo_employment_to_display_name   (PboEmployment employment);
/**
 * pbo_gender_to_display_name:
 * @gender: a gender
 *
 * Returns: (transfer none) (nullable): "男" or "女"; "male" or "female" in
 *   English.
 */
PBO_API const char *pbo_gender_to_display_name       (PboGender gender);
/**
 * pbo_role_to_display_name:
 * @role: an office
 *
 * Returns: (transfer none) (nullable): "书记", "副书记", "组织委员", …;
 *   "secretary", … in English.
 */
PBO_API const char *pbo_role_to_display_name         (PboRole role);
/**
 * pbo_meeting_type_to_display_name:
 * @type: a meeting type
 *
 * Returns: (transfer none) (nullable): "支部党员大会", "支委会", "党小组会",
 *   "党课", "主题党日", "组织生活会", "民主评议党员"; "general-assembly", … in
 *   English.
 */
PBO_API const char *pbo_meeting_type_to_display_name (PboMeetingType type);
/**
 * pbo_recruit_stage_to_display_name:
 * @stage: a stage
 *
 * A recruit is named by its stage: an applicant is not a candidate.
 *
 * Returns: (transfer none) (nullable): "入党申请人", "入党积极分子" or
 *   "发展对象"; "applicant", "activist" or "candidate" in English.
 */
PBO_API const char *pbo_recruit_stage_to_display_name (PboRecruitStage stage);
/**
 * pbo_severity_to_display_name:
 * @severity: a severity
 *
 * Returns: (transfer none) (nullable): "提示", "警告" or "错误"; "info",
 *   "warning" or "error" in English.
 */
PBO_API const char *pbo_severity_to_display_name     (PboSeverity severity);

/**
 * pbo_edit_op_to_display_name:
 * @op: an edit operation
 *
 * An operation appended to #PboEditOp after this function was written has
 * no display name yet: its format-v1 spelling is returned instead.
 *
 * Returns: (transfer none) (nullable): "转接组织关系", "合并", "转正", …;
 *   "transfer", "merge", "convert", … in English.
 */
PBO_API const char *pbo_edit_op_to_display_name      (PboEditOp op);

G_END_DECLS

#endif /* PBO_DISPLAY_H */
