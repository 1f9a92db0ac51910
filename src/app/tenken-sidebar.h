/* tenken-sidebar.h: "All items", "Needs attention" and the catalog's groups
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tenken-core.h"

G_BEGIN_DECLS

typedef enum
{
  TENKEN_SIDEBAR_ALL,
  TENKEN_SIDEBAR_ATTENTION,
  TENKEN_SIDEBAR_NODE,
} TenkenSidebarKind;

#define TENKEN_TYPE_SIDEBAR (tenken_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (TenkenSidebar, tenken_sidebar, TENKEN, SIDEBAR, GtkWidget)

/*
 * A list of places; each row shows done/total and a progress bar (done =
 * implemented + not applicable) over the items that apply to "roles".
 * Counts follow the document's "changed" signal.
 *
 * Signal "selection-changed" (): the selected place changed.
 * Signal "activated" (): the user chose a place (click or Enter), so a folded
 * leaflet can move on to the content.
 */
GtkWidget         *tenken_sidebar_new            (void);
void               tenken_sidebar_set_document   (TenkenSidebar     *self,
                                                  TenkenDocument    *document,
                                                  TenkenRoles        roles);
void               tenken_sidebar_set_roles      (TenkenSidebar     *self,
                                                  TenkenRoles        roles);
TenkenSidebarKind  tenken_sidebar_get_selected   (TenkenSidebar     *self,
                                                  TenkenCatalogNode **out_node);
/* The title of the selected place, for people */
const char        *tenken_sidebar_get_selected_title (TenkenSidebar *self);
void               tenken_sidebar_select_all     (TenkenSidebar     *self);

G_END_DECLS
