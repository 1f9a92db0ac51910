/* tenken-dashboard.c: placeholder until the dashboard lands
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-dashboard"

#include "config.h"

#include "tenken-dashboard.h"

struct _TenkenDashboard
{
  GtkWidget       parent_instance;
  TenkenDocument *document;
};

G_DEFINE_FINAL_TYPE (TenkenDashboard, tenken_dashboard, GTK_TYPE_WIDGET)

static void
tenken_dashboard_dispose (GObject *object)
{
  TenkenDashboard *self = TENKEN_DASHBOARD (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (tenken_dashboard_parent_class)->dispose (object);
}

static void
tenken_dashboard_class_init (TenkenDashboardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tenken_dashboard_dispose;
}

static void
tenken_dashboard_init (TenkenDashboard *self)
{
}

GtkWidget *
tenken_dashboard_new (void)
{
  return g_object_new (TENKEN_TYPE_DASHBOARD, NULL);
}

TenkenDocument *
tenken_dashboard_get_document (TenkenDashboard *self)
{
  return self->document;
}

void
tenken_dashboard_set_document (TenkenDashboard *self,
                                   TenkenDocument     *document)
{
  g_set_object (&self->document, document);
}
