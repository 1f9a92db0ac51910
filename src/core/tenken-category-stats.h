/* tenken-category-stats.h: status counts below one catalog node
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-catalog-group.h"
#include "tenken-catalog-node.h"
#include "tenken-types.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_CATEGORY_STATS (tenken_category_stats_get_type ())
G_DECLARE_FINAL_TYPE (TenkenCategoryStats, tenken_category_stats, TENKEN, CATEGORY_STATS, GObject)

/*
 * A snapshot made by TenkenAnalysis: how many of the items below a category
 * (a top-level group) or a requirement (a second-level group or control)
 * have each status. Read-only properties: "node" (TenkenCatalogNode),
 * "total", "done" (uint), "percent" (double, 0…100).
 */
TenkenCategoryStats *tenken_category_stats_new        (TenkenCatalogNode   *node,
                                                       const guint          counts[TENKEN_N_STATUSES]);

TenkenCatalogNode   *tenken_category_stats_get_node   (TenkenCategoryStats *self);
/* The node as a group, or NULL when it is a control (a requirement can be) */
TenkenCatalogGroup  *tenken_category_stats_get_group  (TenkenCategoryStats *self);
/* Items that apply */
guint                tenken_category_stats_get_total  (TenkenCategoryStats *self);
guint                tenken_category_stats_get_count  (TenkenCategoryStats *self,
                                                       TenkenStatus         status);
void                 tenken_category_stats_get_counts (TenkenCategoryStats *self,
                                                       guint                counts[TENKEN_N_STATUSES]);
/* Implemented + not applicable */
guint                tenken_category_stats_get_done   (TenkenCategoryStats *self);
/* done / total × 100; 0 when total is 0 */
double               tenken_category_stats_get_percent (TenkenCategoryStats *self);

G_END_DECLS
