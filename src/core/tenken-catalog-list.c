/* tenken-catalog-list.c: a read-only GListModel over a GPtrArray
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-catalog"

#include "config.h"

#include "tenken-catalog-private.h"

/* A loaded catalog never changes, and exporters read it from worker threads
 * while the UI reads it too. GListStore caches its last position on every
 * read, so concurrent reads race; this model only reads. */
struct _TenkenCatalogList
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TenkenCatalogList, tenken_catalog_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
tenken_catalog_list_get_item_type (GListModel *model)
{
  return TENKEN_CATALOG_LIST (model)->item_type;
}

static guint
tenken_catalog_list_get_n_items (GListModel *model)
{
  return TENKEN_CATALOG_LIST (model)->items->len;
}

static gpointer
tenken_catalog_list_get_item (GListModel *model,
                              guint       position)
{
  TenkenCatalogList *self = TENKEN_CATALOG_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tenken_catalog_list_get_item_type;
  iface->get_n_items = tenken_catalog_list_get_n_items;
  iface->get_item = tenken_catalog_list_get_item;
}

static void
tenken_catalog_list_finalize (GObject *object)
{
  TenkenCatalogList *self = (TenkenCatalogList *) object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (tenken_catalog_list_parent_class)->finalize (object);
}

static void
tenken_catalog_list_class_init (TenkenCatalogListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tenken_catalog_list_finalize;
}

static void
tenken_catalog_list_init (TenkenCatalogList *self)
{
}

TenkenCatalogList *
tenken_catalog_list_new (GType item_type)
{
  TenkenCatalogList *self = g_object_new (TENKEN_TYPE_CATALOG_LIST, NULL);

  self->item_type = item_type;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);

  return self;
}

void
tenken_catalog_list_append (TenkenCatalogList *self,
                            gpointer           item)
{
  g_ptr_array_add (self->items, g_object_ref (item));
}

GPtrArray *
tenken_catalog_list_get_array (TenkenCatalogList *self)
{
  return self->items;
}
