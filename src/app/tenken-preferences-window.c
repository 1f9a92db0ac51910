/* tenken-preferences-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-preferences-window.h"

struct _TenkenPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *default_owner_row;
  GtkSwitch            *show_not_applicable_switch;
  GtkSwitch            *show_other_roles_switch;
};

G_DEFINE_FINAL_TYPE (TenkenPreferencesWindow, tenken_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A schema from an older build may lack a key: leave that row alone */
static void
bind_if_present (TenkenPreferencesWindow *self,
                 const char              *key,
                 gpointer                 object,
                 const char              *property)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);

  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    {
      g_warning ("GSettings key “%s” is missing; is the schema up to date?", key);
      gtk_widget_set_sensitive (GTK_WIDGET (object), FALSE);
      return;
    }

  g_settings_bind (self->settings, key, object, property, G_SETTINGS_BIND_DEFAULT);
}

static void
tenken_preferences_window_constructed (GObject *object)
{
  TenkenPreferencesWindow *self = TENKEN_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (tenken_preferences_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    return;

  bind_if_present (self, "default-owner", self->default_owner_row, "text");
  bind_if_present (self, "show-not-applicable", self->show_not_applicable_switch, "active");
  bind_if_present (self, "show-other-roles", self->show_other_roles_switch, "active");
}

static void
tenken_preferences_window_dispose (GObject *object)
{
  TenkenPreferencesWindow *self = TENKEN_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (object), TENKEN_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (tenken_preferences_window_parent_class)->dispose (object);
}

static void
tenken_preferences_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TenkenPreferencesWindow *self = TENKEN_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  TenkenPreferencesWindow *self = TENKEN_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_preferences_window_class_init (TenkenPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tenken_preferences_window_constructed;
  object_class->dispose = tenken_preferences_window_dispose;
  object_class->get_property = tenken_preferences_window_get_property;
  object_class->set_property = tenken_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/tenken-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TenkenPreferencesWindow, default_owner_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenPreferencesWindow, show_not_applicable_switch);
  gtk_widget_class_bind_template_child (widget_class, TenkenPreferencesWindow, show_other_roles_switch);
}

static void
tenken_preferences_window_init (TenkenPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tenken_preferences_window_new (GtkWindow *parent,
                               GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (TENKEN_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}
