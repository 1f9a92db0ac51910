/* tenken-catalog-group.h: an OSCAL group
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-catalog-node.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_CATALOG_GROUP (tenken_catalog_group_get_type ())
G_DECLARE_FINAL_TYPE (TenkenCatalogGroup, tenken_catalog_group, TENKEN, CATALOG_GROUP, TenkenCatalogNode)

/* Every item (control) below this group, at any depth, in document order */
GListModel *tenken_catalog_group_get_items (TenkenCatalogGroup *self);

G_END_DECLS
