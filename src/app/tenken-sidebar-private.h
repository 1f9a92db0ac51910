/* tenken-sidebar-private.h: for tests
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-sidebar.h"

G_BEGIN_DECLS

/* The place at @position and its counts as shown; FALSE past the end */
gboolean _tenken_sidebar_get_place (TenkenSidebar      *self,
                                    guint               position,
                                    TenkenSidebarKind  *kind,
                                    TenkenCatalogNode **node,
                                    guint              *done,
                                    guint              *total);

G_END_DECLS
