/* libpbo — values as people type them in spreadsheets, read as format v1
 * spells them.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_VALUE_H
#define PBO_VALUE_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>
#include <pbo/types.h>
#include <pbo/date.h>

G_BEGIN_DECLS

/*
 * Values
 * ------
 * The lenient reading pbo_csv_import_members() applies, for callers that
 * take values from elsewhere (an HR system, a form): surrounding spaces
 * (also U+3000) are ignored, English keywords are matched without regard
 * to case, and the Chinese spellings of docs/csv.md (男/女, 正式党员, 在职,
 * 退休, 学生, 是/否 …), the date spellings 1984/5/4, 1984.5.4 and
 * 1984年5月4日, and money as `4,000`, `￥4000`, `4000元` are accepted beside
 * the spellings of format v1. Every function is O(length of @text).
 *
 * Errors: %PBO_ERROR_INVALID, the message naming the value and what was
 * expected; an empty @text is an error too. Nothing is written to the out
 * parameter on error.
 */

/**
 * pbo_value_parse_date:
 * @text: a date: 1984-05-04, 1984/5/4, 1984.5.4, 1984年5月4日
 * @year_ok: accept a year alone (1984, 1984年), as the birth date may be
 * @date: (out): the date
 * @error: return location for an error
 *
 * Returns: %TRUE if @text is a valid date.
 * Since: 1.1
 */
PBO_API gboolean pbo_value_parse_date (const char *text, gboolean year_ok, PboDate *date,
                                       GError **error);

/**
 * pbo_value_parse_gender:
 * @text: male, female; 男, 女
 * @gender: (out): the gender
 * @error: return location for an error
 *
 * Returns: %TRUE if @text names a gender.
 * Since: 1.1
 */
PBO_API gboolean pbo_value_parse_gender (const char *text, PboGender *gender, GError **error);

/**
 * pbo_value_parse_status:
 * @text: full, probationary; 正式党员 (正式), 预备党员 (预备)
 * @status: (out): the status
 * @error: return location for an error
 *
 * Returns: %TRUE if @text names a status.
 * Since: 1.1
 */
PBO_API gboolean pbo_value_parse_status (const char *text, PboStatus *status, GError **error);

/**
 * pbo_value_parse_employment:
 * @text: in-service, retired; 在职, 在岗, 退休, 已退休, 离休, 离退休
 * @employment: (out): the employment
 * @error: return location for an error
 *
 * Returns: %TRUE if @text names an employment.
 * Since: 1.1
 */
PBO_API gboolean pbo_value_parse_employment (const char *text, PboEmployment *employment,
                                             GError **error);

/**
 * pbo_value_parse_dues_category:
 * @text: standard, student, …; 标准, 学生, 失业, 低保, 农民, 流动党员无固定收入
 * @category: (out): the category
 * @error: return location for an error
 *
 * Returns: %TRUE if @text names a dues category.
 * Since: 1.1
 */
PBO_API gboolean pbo_value_parse_dues_category (const char *text, PboDuesCategory *category,
                                                GError **error);

/**
 * pbo_value_parse_boolean:
 * @text: true, false; 是, 否
 * @value: (out): the truth value
 * @error: return location for an error
 *
 * Returns: %TRUE if @text is a truth value.
 * Since: 1.1
 */
PBO_API gboolean pbo_value_parse_boolean (const char *text, gboolean *value, GError **error);

/**
 * pbo_value_parse_money:
 * @text: yuan with at most two decimals: 4000, 4000.50, 4,000, ￥4000
 *   (also ¥), 4000元, 4,000.50元
 * @fen: (out): the amount in fen (1/100 yuan), exactly (no floating point)
 * @error: return location for an error
 *
 * Thousands separators (`,` or `，`) are dropped wherever they stand
 * between digits. Negative amounts are refused, and so is anything over
 * 42,949,672.94 yuan (what a dues base can hold).
 *
 * Returns: %TRUE if @text is an amount.
 * Since: 1.1
 */
PBO_API gboolean pbo_value_parse_money (const char *text, gint64 *fen, GError **error);

/**
 * pbo_value_normalise:
 * @attribute: a format-v1 member attribute name ("born", "dues-base")
 * @text: a value as typed
 * @error: return location for an error
 *
 * The format-v1 spelling of @text for @attribute, as
 * pbo_member_set_attribute() and plans take it: `1984/5/4` → `1984-05-04`,
 * `男` → `male`, `￥4,000` → `4000`. Free-text attributes (name,
 * department, …) come back trimmed; an empty @text comes back as "".
 *
 * Errors: %PBO_ERROR_INVALID for an unknown attribute or a value the
 *   attribute cannot take.
 *
 * Returns: (transfer full) (nullable): the value, free with g_free();
 *   NULL on error.
 * Since: 1.1
 */
PBO_API G_GNUC_WARN_UNUSED_RESULT char *pbo_value_normalise (const char *attribute,
                                                             const char *text,
                                                             GError    **error);

G_END_DECLS

#endif /* PBO_VALUE_H */
