/* tenken-catalog-item.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-catalog"

#include "config.h"

#include "tenken-catalog-group.h"
#include "tenken-catalog-item.h"
#include "tenken-catalog-private.h"

struct _TenkenCatalogItem
{
  TenkenCatalogNode   parent_instance;

  /* Not a reference: the catalog owns both */
  TenkenCatalogGroup *category;
  guint               index;
  TenkenRoles         roles;
  /* Filled on first use, from any thread */
  char               *statement_text;
};

G_DEFINE_FINAL_TYPE (TenkenCatalogItem, tenken_catalog_item, TENKEN_TYPE_CATALOG_NODE)

static void
tenken_catalog_item_finalize (GObject *object)
{
  TenkenCatalogItem *self = (TenkenCatalogItem *) object;

  g_clear_pointer (&self->statement_text, g_free);

  G_OBJECT_CLASS (tenken_catalog_item_parent_class)->finalize (object);
}

static void
tenken_catalog_item_class_init (TenkenCatalogItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenken_catalog_item_finalize;
}

static void
tenken_catalog_item_init (TenkenCatalogItem *self)
{
  self->roles = TENKEN_ROLES_ALL;
}

TenkenCatalogItem *
tenken_catalog_item_new (void)
{
  return g_object_new (TENKEN_TYPE_CATALOG_ITEM, NULL);
}

void
tenken_catalog_item_set_position (TenkenCatalogItem  *self,
                                  TenkenCatalogGroup *category,
                                  guint               index,
                                  TenkenRoles         roles)
{
  self->category = category;
  self->index = index;
  self->roles = roles != 0 ? roles : TENKEN_ROLES_ALL;
}

TenkenRoles
tenken_catalog_item_get_roles (TenkenCatalogItem *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_ITEM (self), TENKEN_ROLES_ALL);

  return self->roles;
}

gboolean
tenken_catalog_item_applies_to (TenkenCatalogItem *self,
                                TenkenRoles        roles)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_ITEM (self), FALSE);

  return roles == 0 || (self->roles & roles) != 0;
}

const char *
tenken_catalog_item_get_statement_text (TenkenCatalogItem *self)
{
  char *text;
  TenkenCatalogPart *statement;

  g_return_val_if_fail (TENKEN_IS_CATALOG_ITEM (self), NULL);

  text = g_atomic_pointer_get (&self->statement_text);
  if (text != NULL)
    return text;

  statement = tenken_catalog_node_get_part (TENKEN_CATALOG_NODE (self), "statement");
  text = statement != NULL ? tenken_catalog_part_to_plain_text (statement) : g_strdup ("");

  /* Two threads may race here: the loser frees its copy */
  if (!g_atomic_pointer_compare_and_exchange (&self->statement_text, NULL, text))
    {
      g_free (text);
      text = g_atomic_pointer_get (&self->statement_text);
    }

  return text;
}

TenkenCatalogGroup *
tenken_catalog_item_get_category (TenkenCatalogItem *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_ITEM (self), NULL);

  return self->category;
}

guint
tenken_catalog_item_get_index (TenkenCatalogItem *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_ITEM (self), 0);

  return self->index;
}
