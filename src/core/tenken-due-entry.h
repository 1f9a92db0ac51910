/* tenken-due-entry.h: an item with an upcoming or missed date
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Before tenken-response.h: tenken-catalog-item.h uses TenkenCatalogGroup
 * without including its header */
#include "tenken-catalog-group.h"
#include "tenken-response.h"

G_BEGIN_DECLS

/* Which of a response's dates an entry is about. Nicks: `due`, `target` */
typedef enum
{
  TENKEN_DUE_KIND_DUE,
  TENKEN_DUE_KIND_TARGET,
} TenkenDueKind;

#define TENKEN_TYPE_DUE_ENTRY (tenken_due_entry_get_type ())
G_DECLARE_FINAL_TYPE (TenkenDueEntry, tenken_due_entry, TENKEN, DUE_ENTRY, GObject)

/*
 * A snapshot made by TenkenAnalysis. Read-only properties: "response"
 * (TenkenResponse, the live one), "date" ("YYYY-MM-DD"), "kind"
 * (TenkenDueKind), "days" (int: date minus today, negative when overdue).
 */
TenkenDueEntry *tenken_due_entry_new          (TenkenResponse *response,
                                               const char     *date,
                                               TenkenDueKind   kind,
                                               int             days);

TenkenResponse *tenken_due_entry_get_response (TenkenDueEntry *self);
/* The response's catalog item id, for "item-activated" handlers */
const char     *tenken_due_entry_get_item_id  (TenkenDueEntry *self);
const char     *tenken_due_entry_get_date     (TenkenDueEntry *self);
TenkenDueKind   tenken_due_entry_get_kind     (TenkenDueEntry *self);
int             tenken_due_entry_get_days     (TenkenDueEntry *self);
/* For people: "Due in 3 days", "Target date today", "Due 12 days ago" … */
char           *tenken_due_entry_describe     (TenkenDueEntry *self);

G_END_DECLS
