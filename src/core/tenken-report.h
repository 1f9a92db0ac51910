/* tenken-report.h: what a gap or full report says, independent of format
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-document.h"
#include "tenken-translation.h"

G_BEGIN_DECLS

/* Nicks: `gap`, `full` */
typedef enum
{
  TENKEN_REPORT_GAP,
  TENKEN_REPORT_FULL,
} TenkenReportKind;

/*
 * The report's content, computed once from a document, then written by each
 * exporter (PDF, HTML, CSV, XLSX). Items are those that apply to the scope's
 * roles. Structure: category (top-level group) → requirement (second-level
 * group, or NULL when the catalog has no such level) → items; items nested in
 * items (control enhancements) are flattened in document order.
 *
 * Gap report: the items whose status tenken_status_is_gap(); full report:
 * every item. Categories/requirements with no listed item are omitted.
 */
typedef struct
{
  TenkenCatalogGroup *requirement;   /* may be NULL */
  GPtrArray          *responses;     /* TenkenResponse */
} TenkenReportRequirement;

typedef struct
{
  TenkenCatalogGroup *category;
  GPtrArray          *requirements;  /* TenkenReportRequirement */
} TenkenReportCategory;

#define TENKEN_TYPE_REPORT (tenken_report_get_type ())
G_DECLARE_FINAL_TYPE (TenkenReport, tenken_report, TENKEN, REPORT, GObject)

/* @lang: "en" or "ja" (the report's own words; catalog texts stay as they
 * are); @today: "YYYY-MM-DD" or NULL for today (tests pass a fixed date). */
TenkenReport      *tenken_report_new                (TenkenDocument    *document,
                                                     TenkenReportKind   kind,
                                                     const char        *lang,
                                                     const char        *today,
                                                     GError           **error);

TenkenDocument    *tenken_report_get_document       (TenkenReport *self);
TenkenReportKind   tenken_report_get_kind           (TenkenReport *self);
TenkenTranslation *tenken_report_get_translation    (TenkenReport *self);
/* Shorthand for tenken_translation_gettext (tenken_report_get_translation (self), msgid) */
const char        *tenken_report_tr                 (TenkenReport *self,
                                                     const char   *msgid);
const char        *tenken_report_get_today          (TenkenReport *self);
TenkenScope       *tenken_report_get_scope          (TenkenReport *self);
/* "Gap report" / "Full report" in the report's language */
const char        *tenken_report_get_title          (TenkenReport *self);
/* Who prepared it: the document's author */
const char        *tenken_report_get_preparer       (TenkenReport *self);
/* Status name in the report's language */
const char        *tenken_report_status_name        (TenkenReport *self,
                                                     TenkenStatus  status);

/* Counts over the in-scope items, indexed by TenkenStatus; returns the total */
guint              tenken_report_get_counts         (TenkenReport *self,
                                                     guint         counts[TENKEN_N_STATUSES]);
/* TenkenReportCategory, in catalog order */
GPtrArray         *tenken_report_get_categories     (TenkenReport *self);
/* Every listed item in order (TenkenResponse) */
GPtrArray         *tenken_report_get_responses      (TenkenReport *self);
/* Remediation plan: gap items sorted by due date (else target date), undated last */
GPtrArray         *tenken_report_get_remediation    (TenkenReport *self);
/* Not-applicable in-scope items, with their justifications */
GPtrArray         *tenken_report_get_not_applicable (TenkenReport *self);
/* Evidence linked to an item (TenkenEvidence), from one query for the whole report */
GPtrArray         *tenken_report_get_evidence       (TenkenReport *self,
                                                     const char   *item_id);

G_END_DECLS
