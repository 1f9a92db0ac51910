/* tenken-dashboard.h: progress, charts and due dates of a document
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tenken-core.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_DASHBOARD (tenken_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (TenkenDashboard, tenken_dashboard, TENKEN, DASHBOARD, GtkWidget)

/*
 * Property "document" (TenkenDocument), "roles" (TenkenRoles: which items
 * count; 0 = all). Signal "item-activated" (const char *item_id): the user
 * chose an upcoming or overdue item; the document view selects it.
 */
GtkWidget      *tenken_dashboard_new          (void);
TenkenDocument *tenken_dashboard_get_document (TenkenDashboard *self);
void            tenken_dashboard_set_document (TenkenDashboard *self,
                                               TenkenDocument  *document);
TenkenRoles     tenken_dashboard_get_roles    (TenkenDashboard *self);
void            tenken_dashboard_set_roles    (TenkenDashboard *self,
                                               TenkenRoles      roles);

G_END_DECLS
