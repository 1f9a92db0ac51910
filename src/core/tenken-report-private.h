/* tenken-report-private.h: what the exporters share (internal)
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-analysis.h"
#include "tenken-report.h"

G_BEGIN_DECLS

/* The snapshot the report's counts and charts come from, over the scope's roles */
TenkenAnalysis *tenken_report_get_analysis   (TenkenReport   *self);
/* The due date, else the target date, else NULL */
const char     *tenken_report_response_date  (TenkenResponse *response);

G_END_DECLS
