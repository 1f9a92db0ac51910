/* tenken-analysis.h: progress, per-category counts and due dates of a document
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tenken-category-stats.h"
#include "tenken-document.h"
#include "tenken-due-entry.h"

G_BEGIN_DECLS

/* How far ahead "upcoming" looks by default */
#define TENKEN_ANALYSIS_DEFAULT_UPCOMING_DAYS 30

#define TENKEN_TYPE_ANALYSIS (tenken_analysis_get_type ())
G_DECLARE_FINAL_TYPE (TenkenAnalysis, tenken_analysis, TENKEN, ANALYSIS, GObject)

/*
 * A snapshot of a document's responses, taken when created: make a new one
 * after the document's "changed" signal. Only items that apply to @roles
 * count (0 = all items). @today is "YYYY-MM-DD", NULL for the real today
 * (tests pass a fixed date).
 *
 * Done means implemented or not applicable. An item is overdue when its due
 * or target date is before today and it is not done; upcoming when it is not
 * done, not overdue, and a date lies within the next upcoming-days days
 * (today included).
 */
TenkenAnalysis *tenken_analysis_new               (TenkenDocument *document,
                                                   TenkenRoles     roles,
                                                   const char     *today);
TenkenAnalysis *tenken_analysis_new_full          (TenkenDocument *document,
                                                   TenkenRoles     roles,
                                                   const char     *today,
                                                   guint           upcoming_days);
/* The same over any model of TenkenResponse in catalog order */
TenkenAnalysis *tenken_analysis_new_for_responses (GListModel     *responses,
                                                   TenkenRoles     roles,
                                                   const char     *today,
                                                   guint           upcoming_days);

TenkenRoles     tenken_analysis_get_roles         (TenkenAnalysis *self);
const char     *tenken_analysis_get_today         (TenkenAnalysis *self);
guint           tenken_analysis_get_upcoming_days (TenkenAnalysis *self);

/* Items that apply to the roles */
guint           tenken_analysis_get_total         (TenkenAnalysis *self);
guint           tenken_analysis_get_count         (TenkenAnalysis *self,
                                                   TenkenStatus    status);
void            tenken_analysis_get_counts        (TenkenAnalysis *self,
                                                   guint           counts[TENKEN_N_STATUSES]);
guint           tenken_analysis_get_done          (TenkenAnalysis *self);
/* done / total × 100; 0 when there are no items */
double          tenken_analysis_get_percent       (TenkenAnalysis *self);

/* TenkenCategoryStats per top-level group that has items applying to the
 * roles, in catalog order */
GListModel     *tenken_analysis_get_categories    (TenkenAnalysis *self);
/* TenkenCategoryStats per second-level node (the requirement: a sub-group,
 * or a control directly in a category) that has items, in catalog order */
GListModel     *tenken_analysis_get_requirements  (TenkenAnalysis *self);

/* TenkenDueEntry, earliest date first (ties in catalog order) */
GListModel     *tenken_analysis_get_overdue       (TenkenAnalysis *self);
GListModel     *tenken_analysis_get_upcoming      (TenkenAnalysis *self);

G_END_DECLS
