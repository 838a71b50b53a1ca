/* libpbo — calendar dates.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_DATE_H
#define PBO_DATE_H

#if !defined(PBO_INSIDE) && !defined(PBO_COMPILATION)
#error "Only <pbo/pbo.h> can be included directly."
#endif

#include <pbo/macros.h>

G_BEGIN_DECLS

/**
 * PboDate:
 *
 * A calendar date packed as the integer YYYYMMDD (2023-06-01 is 20230601),
 * so that dates compare with < and == and read well in a debugger.
 * %PBO_DATE_NONE (0) means "no date". A year-only date (YYYY0000) exists
 * for birth years in redacted exports. Years run from 1 to 9999.
 */
typedef guint32 PboDate;

/** PBO_DATE_NONE: the absent date. */
#define PBO_DATE_NONE ((PboDate) 0)

/**
 * PBO_DATE_INVALID:
 *
 * What pbo_date_make() returns for arguments that name no date (since 1.1;
 * 1.0 returned %PBO_DATE_NONE, which setters took for "clear the date").
 * It is not a valid date: every function that takes a date refuses it
 * (%PBO_ERROR_INVALID, or %FALSE), pbo_date_format() writes it as "", and
 * the arithmetic gives %PBO_DATE_NONE. It compares above every real date.
 */
#define PBO_DATE_INVALID ((PboDate) 0xFFFFFFFFu)

/** PBO_DATE_BUFSIZE: bytes pbo_date_format() needs, NUL included. */
#define PBO_DATE_BUFSIZE 11

/**
 * pbo_date_make:
 * @year: 1–9999
 * @month: 1–12, or 0 together with @day 0 for a year-only date
 * @day: 1–31 as the month allows
 *
 * Returns: the date, or %PBO_DATE_INVALID if the arguments name no real
 *   date (check with pbo_date_is_valid()); never %PBO_DATE_NONE.
 */
PBO_API PboDate  pbo_date_make         (guint year, guint month, guint day);

/**
 * pbo_date_parse:
 * @text: the text to parse
 * @length: bytes of @text, or -1 if it is NUL-terminated
 * @allow_year_only: also accept "YYYY" alone
 * @date: (out): the parsed date
 * @error: return location for a %PBO_ERROR_INVALID error
 *
 * Parses the format-v1 spelling "YYYY-MM-DD" exactly: four-digit year,
 * two-digit month and day, a real calendar day, nothing before or after.
 *
 * Returns: %TRUE on success; on failure @date is left alone.
 */
PBO_API gboolean pbo_date_parse        (const char *text,
                                        gssize      length,
                                        gboolean    allow_year_only,
                                        PboDate    *date,
                                        GError    **error);

/**
 * pbo_date_format:
 * @date: a valid date
 * @buf: at least %PBO_DATE_BUFSIZE bytes
 *
 * Writes "YYYY-MM-DD" (or "YYYY" for a year-only date) and a NUL into @buf.
 * An invalid date writes the empty string.
 *
 * Returns: (transfer none): @buf
 */
PBO_API char    *pbo_date_format       (PboDate date, char *buf);

/** pbo_date_is_valid: %TRUE if @date is a real full date or a valid year-only date. */
PBO_API gboolean pbo_date_is_valid     (PboDate date);
/** pbo_date_is_year_only: %TRUE if @date is a valid year-only date (YYYY0000). */
PBO_API gboolean pbo_date_is_year_only (PboDate date);
/** pbo_date_get_year: the year of @date (0 for %PBO_DATE_NONE). */
PBO_API guint    pbo_date_get_year     (PboDate date);
/** pbo_date_get_month: the month 1–12 (0 for year-only and none). */
PBO_API guint    pbo_date_get_month    (PboDate date);
/** pbo_date_get_day: the day 1–31 (0 for year-only and none). */
PBO_API guint    pbo_date_get_day      (PboDate date);

/**
 * pbo_date_add_months:
 * @date: a valid full date
 * @months: months to add (negative to subtract)
 *
 * Adds calendar months, clamping the day to the end of the target month
 * (2024-02-29 plus 12 months is 2025-02-28): the way terms and probation
 * periods are counted.
 *
 * Returns: the new date, or %PBO_DATE_NONE if @date is not a full date or
 *   the result leaves years 1–9999.
 */
PBO_API PboDate  pbo_date_add_months   (PboDate date, int months);

/**
 * pbo_date_add_days:
 * @date: a valid full date
 * @days: days to add (negative to subtract)
 *
 * Returns: the new date, or %PBO_DATE_NONE as for pbo_date_add_months().
 */
PBO_API PboDate  pbo_date_add_days     (PboDate date, int days);

/**
 * pbo_date_days_between:
 * @from: a valid full date
 * @to: a valid full date
 *
 * Returns: the number of days from @from to @to (negative if @to is
 *   earlier); 0 if either is not a full date.
 */
PBO_API gint64   pbo_date_days_between (PboDate from, PboDate to);

/**
 * pbo_date_years_between:
 * @from: a valid date (year-only counts as 1 January)
 * @to: a valid full date
 *
 * Whole years elapsed, as an age is counted (a birthday on 29 February is
 * reached on 1 March in common years).
 *
 * Returns: whole years from @from to @to, negative if @to is earlier.
 */
PBO_API int      pbo_date_years_between (PboDate from, PboDate to);

/**
 * pbo_date_today:
 *
 * Returns: today's date in local time.
 */
PBO_API PboDate  pbo_date_today        (void);

G_END_DECLS

#endif /* PBO_DATE_H */
