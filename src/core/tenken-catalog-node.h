/* tenken-catalog-node.h: base class of catalog groups and items
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tenken-catalog-part.h"
#include "tenken-types.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_CATALOG_NODE (tenken_catalog_node_get_type ())
G_DECLARE_DERIVABLE_TYPE (TenkenCatalogNode, tenken_catalog_node, TENKEN, CATALOG_NODE, GObject)

/* Groups (TenkenCatalogGroup) and items (TenkenCatalogItem, an OSCAL control)
 * share this: id, label, title, parts, props, and a children model. */
struct _TenkenCatalogNodeClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[4];
};

/* OSCAL id, unique in the catalog: "s1-1.1", "ac-2.1" */
const char        *tenken_catalog_node_get_id          (TenkenCatalogNode *self);
/* What people see: the `label` prop ("S(1)-1.1", "AC-2(1)"), else the id */
const char        *tenken_catalog_node_get_label       (TenkenCatalogNode *self);
const char        *tenken_catalog_node_get_title       (TenkenCatalogNode *self);
/* The OSCAL class attribute, or NULL */
const char        *tenken_catalog_node_get_class       (TenkenCatalogNode *self);
/* The `sort-id` prop, else the id */
const char        *tenken_catalog_node_get_sort_id     (TenkenCatalogNode *self);
/* Parent group or control; NULL at the top level. Not a reference. */
TenkenCatalogNode *tenken_catalog_node_get_parent      (TenkenCatalogNode *self);
/* 0 at the top level */
guint              tenken_catalog_node_get_depth       (TenkenCatalogNode *self);
/* Direct children: sub-groups and controls, in document order (TenkenCatalogNode) */
GListModel        *tenken_catalog_node_get_children    (TenkenCatalogNode *self);
/* Top-level parts, in document order (TenkenCatalogPart) */
GListModel        *tenken_catalog_node_get_parts       (TenkenCatalogNode *self);
/* First top-level part with that name ("statement", "overview"), or NULL */
TenkenCatalogPart *tenken_catalog_node_get_part        (TenkenCatalogNode *self,
                                                        const char        *name);
/* Value of the first prop with that name, in the OSCAL namespace when ns is NULL */
const char        *tenken_catalog_node_get_prop        (TenkenCatalogNode *self,
                                                        const char        *ns,
                                                        const char        *name);

G_END_DECLS
