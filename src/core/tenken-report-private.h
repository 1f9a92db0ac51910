/* tenken-report-private.h: what the exporters share (internal)
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-analysis.h"
#include "tenken-report.h"

G_BEGIN_DECLS

/* The report's own words are marked NC_("report", "…") so they never clash
 * with the UI's entries in po/ja.po; this translates them */
const char     *tenken_report_trc            (TenkenReport   *self,
                                              const char     *msgid) G_GNUC_FORMAT (2);
/* "45 %" in the report's language (tenken_chart_format_percent() is the UI's) */
char           *tenken_report_format_percent (TenkenReport   *self,
                                              guint           done,
                                              guint           total);
/* The snapshot the report's counts and charts come from, over the scope's roles */
TenkenAnalysis *tenken_report_get_analysis   (TenkenReport   *self);
/* The group one level below the item's category, or NULL */
TenkenCatalogGroup *tenken_report_find_requirement (TenkenCatalogItem *item);
/* Every item that applies to the scope's roles, listed or not, in catalog
 * order (what OSCAL exports whatever the report kind) */
GPtrArray      *tenken_report_get_in_scope   (TenkenReport   *self);
/* The due date, else the target date, else NULL */
const char     *tenken_report_response_date  (TenkenResponse *response);

G_END_DECLS
