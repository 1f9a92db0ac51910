/* tenken-catalog-item.h: an OSCAL control, the unit a user answers
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-catalog-group.h"
#include "tenken-catalog-node.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_CATALOG_ITEM (tenken_catalog_item_get_type ())
G_DECLARE_FINAL_TYPE (TenkenCatalogItem, tenken_catalog_item, TENKEN, CATALOG_ITEM, TenkenCatalogNode)

/* Roles from our `role` props; an item naming none has those of the nearest
 * enclosing control or group that names some, else TENKEN_ROLES_ALL */
TenkenRoles  tenken_catalog_item_get_roles            (TenkenCatalogItem *self);
/* TRUE when the item's roles meet @roles (or @roles is 0) */
gboolean     tenken_catalog_item_applies_to           (TenkenCatalogItem *self,
                                                       TenkenRoles        roles);
/* The statement part as plain text ("" when there is none); cached */
const char  *tenken_catalog_item_get_statement_text   (TenkenCatalogItem *self);
/* Top-level group this item belongs to (a category), or NULL */
TenkenCatalogGroup *tenken_catalog_item_get_category  (TenkenCatalogItem *self);
/* Position in tenken_catalog_get_items() */
guint        tenken_catalog_item_get_index            (TenkenCatalogItem *self);

G_END_DECLS
