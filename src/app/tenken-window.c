/* tenken-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-window.h"

struct _TenkenWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (TenkenWindow, tenken_window, ADW_TYPE_APPLICATION_WINDOW)

static void
tenken_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TENKEN_TYPE_WINDOW);

  G_OBJECT_CLASS (tenken_window_parent_class)->dispose (object);
}

static void
tenken_window_class_init (TenkenWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenken_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/tenken-window.ui");
}

static void
tenken_window_init (TenkenWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TenkenWindow *
tenken_window_new (AdwApplication *application)
{
  return g_object_new (TENKEN_TYPE_WINDOW, "application", application, NULL);
}
