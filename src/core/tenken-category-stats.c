/* tenken-category-stats.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-category-stats"

#include "config.h"

#include <string.h>

#include "tenken-category-stats.h"

struct _TenkenCategoryStats
{
  GObject            parent_instance;

  TenkenCatalogNode *node;
  guint              counts[TENKEN_N_STATUSES];
  guint              total;
};

G_DEFINE_FINAL_TYPE (TenkenCategoryStats, tenken_category_stats, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NODE,
  PROP_TOTAL,
  PROP_DONE,
  PROP_PERCENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tenken_category_stats_dispose (GObject *object)
{
  TenkenCategoryStats *self = TENKEN_CATEGORY_STATS (object);

  g_clear_object (&self->node);

  G_OBJECT_CLASS (tenken_category_stats_parent_class)->dispose (object);
}

static void
tenken_category_stats_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TenkenCategoryStats *self = TENKEN_CATEGORY_STATS (object);

  switch (prop_id)
    {
    case PROP_NODE:
      g_value_set_object (value, self->node);
      break;

    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;

    case PROP_DONE:
      g_value_set_uint (value, tenken_category_stats_get_done (self));
      break;

    case PROP_PERCENT:
      g_value_set_double (value, tenken_category_stats_get_percent (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_category_stats_class_init (TenkenCategoryStatsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tenken_category_stats_dispose;
  object_class->get_property = tenken_category_stats_get_property;

  properties[PROP_NODE] =
    g_param_spec_object ("node", NULL, NULL,
                         TENKEN_TYPE_CATALOG_NODE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DONE] =
    g_param_spec_uint ("done", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERCENT] =
    g_param_spec_double ("percent", NULL, NULL,
                         0.0, 100.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenken_category_stats_init (TenkenCategoryStats *self)
{
}

TenkenCategoryStats *
tenken_category_stats_new (TenkenCatalogNode *node,
                           const guint        counts[TENKEN_N_STATUSES])
{
  TenkenCategoryStats *self;

  g_return_val_if_fail (TENKEN_IS_CATALOG_NODE (node), NULL);
  g_return_val_if_fail (counts != NULL, NULL);

  self = g_object_new (TENKEN_TYPE_CATEGORY_STATS, NULL);
  self->node = g_object_ref (node);
  memcpy (self->counts, counts, sizeof self->counts);
  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    self->total += counts[i];

  return self;
}

TenkenCatalogNode *
tenken_category_stats_get_node (TenkenCategoryStats *self)
{
  g_return_val_if_fail (TENKEN_IS_CATEGORY_STATS (self), NULL);

  return self->node;
}

TenkenCatalogGroup *
tenken_category_stats_get_group (TenkenCategoryStats *self)
{
  g_return_val_if_fail (TENKEN_IS_CATEGORY_STATS (self), NULL);

  return TENKEN_IS_CATALOG_GROUP (self->node) ? TENKEN_CATALOG_GROUP (self->node) : NULL;
}

guint
tenken_category_stats_get_total (TenkenCategoryStats *self)
{
  g_return_val_if_fail (TENKEN_IS_CATEGORY_STATS (self), 0);

  return self->total;
}

guint
tenken_category_stats_get_count (TenkenCategoryStats *self,
                                 TenkenStatus         status)
{
  g_return_val_if_fail (TENKEN_IS_CATEGORY_STATS (self), 0);
  g_return_val_if_fail ((guint) status < TENKEN_N_STATUSES, 0);

  return self->counts[status];
}

void
tenken_category_stats_get_counts (TenkenCategoryStats *self,
                                  guint                counts[TENKEN_N_STATUSES])
{
  g_return_if_fail (TENKEN_IS_CATEGORY_STATS (self));
  g_return_if_fail (counts != NULL);

  memcpy (counts, self->counts, sizeof self->counts);
}

guint
tenken_category_stats_get_done (TenkenCategoryStats *self)
{
  g_return_val_if_fail (TENKEN_IS_CATEGORY_STATS (self), 0);

  return self->counts[TENKEN_STATUS_IMPLEMENTED] + self->counts[TENKEN_STATUS_NOT_APPLICABLE];
}

double
tenken_category_stats_get_percent (TenkenCategoryStats *self)
{
  g_return_val_if_fail (TENKEN_IS_CATEGORY_STATS (self), 0.0);

  if (self->total == 0)
    return 0.0;

  return 100.0 * tenken_category_stats_get_done (self) / self->total;
}
