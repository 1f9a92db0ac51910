/* tenken-catalog-part.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-catalog"

#include "config.h"

#include "tenken-catalog-part.h"
#include "tenken-catalog-private.h"
#include "tenken-catalog-prose-private.h"

struct _TenkenCatalogPart
{
  GObject            parent_instance;

  TenkenCatalogData *data;
  const xmlNode     *node;
  /* Strings below point into data->doc, except title */
  const char        *name;
  const char        *id;
  const char        *label;
  char              *title;
  TenkenCatalogList *parts;
};

G_DEFINE_FINAL_TYPE (TenkenCatalogPart, tenken_catalog_part, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ID,
  PROP_LABEL,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tenken_catalog_part_finalize (GObject *object)
{
  TenkenCatalogPart *self = (TenkenCatalogPart *) object;

  g_clear_object (&self->parts);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->data, tenken_catalog_data_unref);

  G_OBJECT_CLASS (tenken_catalog_part_parent_class)->finalize (object);
}

static void
tenken_catalog_part_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TenkenCatalogPart *self = TENKEN_CATALOG_PART (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_catalog_part_class_init (TenkenCatalogPartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenken_catalog_part_finalize;
  object_class->get_property = tenken_catalog_part_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenken_catalog_part_init (TenkenCatalogPart *self)
{
  self->parts = tenken_catalog_list_new (TENKEN_TYPE_CATALOG_PART);
}

TenkenCatalogPart *
tenken_catalog_part_new (TenkenCatalogData *data,
                         const xmlNode     *node,
                         char              *title)
{
  TenkenCatalogPart *self = g_object_new (TENKEN_TYPE_CATALOG_PART, NULL);

  self->data = tenken_catalog_data_ref (data);
  self->node = node;
  self->name = tenken_xml_get_attr (node, "name");
  self->id = tenken_xml_get_attr (node, "id");
  self->label = tenken_xml_find_prop (node, NULL, "label", TRUE);
  self->title = title;

  return self;
}

void
tenken_catalog_part_append (TenkenCatalogPart *self,
                            TenkenCatalogPart *child)
{
  tenken_catalog_list_append (self->parts, child);
}

const char *
tenken_catalog_part_get_name (TenkenCatalogPart *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_PART (self), NULL);

  return self->name;
}

const char *
tenken_catalog_part_get_id (TenkenCatalogPart *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_PART (self), NULL);

  return self->id;
}

const char *
tenken_catalog_part_get_label (TenkenCatalogPart *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_PART (self), NULL);

  return self->label;
}

const char *
tenken_catalog_part_get_title (TenkenCatalogPart *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_PART (self), NULL);

  return self->title;
}

GListModel *
tenken_catalog_part_get_parts (TenkenCatalogPart *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_PART (self), NULL);

  return G_LIST_MODEL (self->parts);
}

char *
tenken_catalog_part_to_plain_text (TenkenCatalogPart *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_PART (self), NULL);

  return tenken_catalog_prose_render_part (self->data, self->node, TENKEN_PROSE_PLAIN);
}

char *
tenken_catalog_part_to_pango_markup (TenkenCatalogPart *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_PART (self), NULL);

  return tenken_catalog_prose_render_part (self->data, self->node, TENKEN_PROSE_PANGO);
}

char *
tenken_catalog_part_to_html (TenkenCatalogPart *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_PART (self), NULL);

  return tenken_catalog_prose_render_part (self->data, self->node, TENKEN_PROSE_HTML);
}
