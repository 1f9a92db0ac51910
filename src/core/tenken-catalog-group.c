/* tenken-catalog-group.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-catalog"

#include "config.h"

#include "tenken-catalog-group.h"
#include "tenken-catalog-item.h"
#include "tenken-catalog-private.h"

struct _TenkenCatalogGroup
{
  TenkenCatalogNode  parent_instance;

  TenkenCatalogList *items;
};

G_DEFINE_FINAL_TYPE (TenkenCatalogGroup, tenken_catalog_group, TENKEN_TYPE_CATALOG_NODE)

static void
tenken_catalog_group_finalize (GObject *object)
{
  TenkenCatalogGroup *self = (TenkenCatalogGroup *) object;

  g_clear_object (&self->items);

  G_OBJECT_CLASS (tenken_catalog_group_parent_class)->finalize (object);
}

static void
tenken_catalog_group_class_init (TenkenCatalogGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenken_catalog_group_finalize;
}

static void
tenken_catalog_group_init (TenkenCatalogGroup *self)
{
  self->items = tenken_catalog_list_new (TENKEN_TYPE_CATALOG_ITEM);
}

TenkenCatalogGroup *
tenken_catalog_group_new (void)
{
  return g_object_new (TENKEN_TYPE_CATALOG_GROUP, NULL);
}

void
tenken_catalog_group_set_items (TenkenCatalogGroup *self,
                                GPtrArray          *items)
{
  for (guint i = 0; i < items->len; i++)
    tenken_catalog_list_append (self->items, g_ptr_array_index (items, i));
}

GListModel *
tenken_catalog_group_get_items (TenkenCatalogGroup *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_GROUP (self), NULL);

  return G_LIST_MODEL (self->items);
}
