/* libpbo — the organisation tree of Party organisations in health systems.
 *
 * This umbrella header is the only one applications include:
 *
 *     #include <pbo/pbo.h>
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_H
#define PBO_H

#define PBO_INSIDE
#include <pbo/macros.h>
#include <pbo/version.h>
#include <pbo/error.h>
#include <pbo/types.h>
#include <pbo/date.h>
#include <pbo/tree.h>
#include <pbo/org.h>
#include <pbo/member.h>
#include <pbo/recruit.h>
#include <pbo/standing.h>
#include <pbo/transfer.h>
#include <pbo/xml.h>
#include <pbo/meetings.h>
#include <pbo/rules.h>
#include <pbo/dues.h>
#include <pbo/report.h>
#include <pbo/html.h>
#include <pbo/edit.h>
#include <pbo/edit-records.h>
#include <pbo/records.h>
#include <pbo/work-records.h>
#include <pbo/grade.h>
#include <pbo/journal.h>
#include <pbo/diff.h>
#include <pbo/plan.h>
#include <pbo/chart.h>
#include <pbo/csv.h>
#include <pbo/value.h>
#include <pbo/file.h>
#include <pbo/display.h>
#undef PBO_INSIDE

#endif /* PBO_H */
