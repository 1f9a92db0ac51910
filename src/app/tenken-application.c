/* tenken-application.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-application"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-application.h"
#include "tenken-window.h"

struct _TenkenApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (TenkenApplication, tenken_application, ADW_TYPE_APPLICATION)

static void
tenken_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (tenken_window_new (ADW_APPLICATION (app)));

  gtk_window_present (window);
}

static void
tenken_application_class_init (TenkenApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = tenken_application_activate;
}

static void
tenken_application_init (TenkenApplication *self)
{
}

TenkenApplication *
tenken_application_new (void)
{
  return g_object_new (TENKEN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
