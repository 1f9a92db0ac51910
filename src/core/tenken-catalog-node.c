/* tenken-catalog-node.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-catalog"

#include "config.h"

#include <string.h>

#include "tenken-catalog-node.h"
#include "tenken-catalog-private.h"

typedef struct
{
  TenkenCatalogData *data;
  const xmlNode     *node;
  /* id, class and sort_id point into data->doc */
  const char        *id;
  const char        *klass;
  const char        *label;
  const char        *sort_id;
  char              *title;
  /* A group without a label prop, named after its controls' prefix */
  char              *derived_label;
  TenkenCatalogNode *parent;
  guint              depth;
  TenkenRoles        own_roles;
  TenkenCatalogList *children;
  TenkenCatalogList *parts;
} TenkenCatalogNodePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (TenkenCatalogNode, tenken_catalog_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_TITLE,
  PROP_CLASS,
  PROP_SORT_ID,
  PROP_DEPTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tenken_catalog_node_finalize (GObject *object)
{
  TenkenCatalogNode *self = (TenkenCatalogNode *) object;
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  g_clear_object (&priv->children);
  g_clear_object (&priv->parts);
  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->derived_label, g_free);
  g_clear_pointer (&priv->data, tenken_catalog_data_unref);

  G_OBJECT_CLASS (tenken_catalog_node_parent_class)->finalize (object);
}

static void
tenken_catalog_node_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TenkenCatalogNode *self = TENKEN_CATALOG_NODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, tenken_catalog_node_get_id (self));
      break;
    case PROP_LABEL:
      g_value_set_string (value, tenken_catalog_node_get_label (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, tenken_catalog_node_get_title (self));
      break;
    case PROP_CLASS:
      g_value_set_string (value, tenken_catalog_node_get_class (self));
      break;
    case PROP_SORT_ID:
      g_value_set_string (value, tenken_catalog_node_get_sort_id (self));
      break;
    case PROP_DEPTH:
      g_value_set_uint (value, tenken_catalog_node_get_depth (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_catalog_node_class_init (TenkenCatalogNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenken_catalog_node_finalize;
  object_class->get_property = tenken_catalog_node_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLASS] =
    g_param_spec_string ("class", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_ID] =
    g_param_spec_string ("sort-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPTH] =
    g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenken_catalog_node_init (TenkenCatalogNode *self)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  priv->children = tenken_catalog_list_new (TENKEN_TYPE_CATALOG_NODE);
  priv->parts = tenken_catalog_list_new (TENKEN_TYPE_CATALOG_PART);
}

void
tenken_catalog_node_setup (TenkenCatalogNode *self,
                           TenkenCatalogData *data,
                           const xmlNode     *node,
                           const char        *id,
                           char              *title,
                           TenkenCatalogNode *parent)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  priv->data = data != NULL ? tenken_catalog_data_ref (data) : NULL;
  priv->node = node;
  priv->id = id;
  priv->title = title;
  priv->parent = parent;
  priv->depth = parent != NULL ? tenken_catalog_node_get_depth (parent) + 1 : 0;

  if (node != NULL)
    {
      priv->klass = tenken_xml_get_attr (node, "class");
      priv->label = tenken_xml_find_prop (node, NULL, "label", TRUE);
      priv->sort_id = tenken_xml_find_prop (node, NULL, "sort-id", TRUE);
    }
}

void
tenken_catalog_node_append_child (TenkenCatalogNode *self,
                                  TenkenCatalogNode *child)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  tenken_catalog_list_append (priv->children, child);

  /* NIST families have no label prop, only an id ("ac") whose controls
   * are labelled "AC-1": show the family as its controls name it */
  if (priv->label == NULL && priv->derived_label == NULL && priv->id != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (priv->children)) == 1)
    {
      TenkenCatalogNodePrivate *cpriv = tenken_catalog_node_get_instance_private (child);
      gsize len = strlen (priv->id);

      if (len > 0 && cpriv->label != NULL &&
          g_ascii_strncasecmp (cpriv->label, priv->id, len) == 0 &&
          !g_ascii_isalnum (cpriv->label[len]) && cpriv->label[len] != '\0')
        priv->derived_label = g_strndup (cpriv->label, len);
    }
}

void
tenken_catalog_node_append_part (TenkenCatalogNode *self,
                                 TenkenCatalogPart *part)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  tenken_catalog_list_append (priv->parts, part);
}

TenkenRoles
tenken_catalog_node_get_own_roles (TenkenCatalogNode *self)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  return priv->own_roles;
}

void
tenken_catalog_node_set_own_roles (TenkenCatalogNode *self,
                                   TenkenRoles        roles)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  priv->own_roles = roles;
}

const char *
tenken_catalog_node_get_id (TenkenCatalogNode *self)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  g_return_val_if_fail (TENKEN_IS_CATALOG_NODE (self), NULL);

  return priv->id;
}

const char *
tenken_catalog_node_get_label (TenkenCatalogNode *self)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  g_return_val_if_fail (TENKEN_IS_CATALOG_NODE (self), NULL);

  if (priv->label != NULL)
    return priv->label;
  if (priv->derived_label != NULL)
    return priv->derived_label;
  if (priv->id != NULL)
    return priv->id;

  /* A group may have neither */
  return priv->title != NULL ? priv->title : "";
}

const char *
tenken_catalog_node_get_title (TenkenCatalogNode *self)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  g_return_val_if_fail (TENKEN_IS_CATALOG_NODE (self), NULL);

  return priv->title != NULL ? priv->title : "";
}

const char *
tenken_catalog_node_get_class (TenkenCatalogNode *self)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  g_return_val_if_fail (TENKEN_IS_CATALOG_NODE (self), NULL);

  return priv->klass;
}

const char *
tenken_catalog_node_get_sort_id (TenkenCatalogNode *self)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  g_return_val_if_fail (TENKEN_IS_CATALOG_NODE (self), NULL);

  return priv->sort_id != NULL ? priv->sort_id : priv->id;
}

TenkenCatalogNode *
tenken_catalog_node_get_parent (TenkenCatalogNode *self)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  g_return_val_if_fail (TENKEN_IS_CATALOG_NODE (self), NULL);

  return priv->parent;
}

guint
tenken_catalog_node_get_depth (TenkenCatalogNode *self)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  g_return_val_if_fail (TENKEN_IS_CATALOG_NODE (self), 0);

  return priv->depth;
}

GListModel *
tenken_catalog_node_get_children (TenkenCatalogNode *self)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  g_return_val_if_fail (TENKEN_IS_CATALOG_NODE (self), NULL);

  return G_LIST_MODEL (priv->children);
}

GListModel *
tenken_catalog_node_get_parts (TenkenCatalogNode *self)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  g_return_val_if_fail (TENKEN_IS_CATALOG_NODE (self), NULL);

  return G_LIST_MODEL (priv->parts);
}

TenkenCatalogPart *
tenken_catalog_node_get_part (TenkenCatalogNode *self,
                              const char        *name)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);
  GPtrArray *parts;

  g_return_val_if_fail (TENKEN_IS_CATALOG_NODE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  parts = tenken_catalog_list_get_array (priv->parts);
  for (guint i = 0; i < parts->len; i++)
    {
      TenkenCatalogPart *part = g_ptr_array_index (parts, i);

      if (g_strcmp0 (tenken_catalog_part_get_name (part), name) == 0)
        return part;
    }

  return NULL;
}

const char *
tenken_catalog_node_get_prop (TenkenCatalogNode *self,
                              const char        *ns,
                              const char        *name)
{
  TenkenCatalogNodePrivate *priv = tenken_catalog_node_get_instance_private (self);

  g_return_val_if_fail (TENKEN_IS_CATALOG_NODE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (priv->node == NULL)
    return NULL;

  return tenken_xml_find_prop (priv->node, ns, name, FALSE);
}
