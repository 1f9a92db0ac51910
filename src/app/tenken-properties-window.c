/* tenken-properties-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-properties-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-a11y.h"
#include "tenken-properties-window.h"
#include "tenken-scope-editor.h"

struct _TenkenPropertiesWindow
{
  AdwWindow          parent_instance;

  TenkenDocument    *document;
  TenkenUndoStack   *undo_stack;

  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  AdwActionRow      *catalog_row;
  TenkenScopeEditor *scope_editor;
  GtkButton         *save_button;
};

G_DEFINE_FINAL_TYPE (TenkenPropertiesWindow, tenken_properties_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_save_action (TenkenPropertiesWindow *self)
{
  gboolean writable = self->document != NULL && !tenken_document_is_read_only (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "properties.save",
                                 writable && tenken_scope_editor_get_valid (self->scope_editor));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TenkenPropertiesWindow *self = TENKEN_PROPERTIES_WINDOW (widget);
  g_autoptr(TenkenScope) scope = NULL;
  g_autoptr(GError) error = NULL;

  tenken_scope_editor_show_errors (self->scope_editor);
  if (self->document == NULL || !tenken_scope_editor_get_valid (self->scope_editor))
    return;

  scope = tenken_scope_editor_dup_scope (self->scope_editor);

  if (self->undo_stack != NULL
      ? !tenken_undo_stack_set_scope (self->undo_stack, scope, &error)
      : !tenken_document_set_scope (self->document, scope, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      /* The text stays as typed, so the user can fix it and save again */
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
tenken_properties_window_constructed (GObject *object)
{
  TenkenPropertiesWindow *self = TENKEN_PROPERTIES_WINDOW (object);

  G_OBJECT_CLASS (tenken_properties_window_parent_class)->constructed (object);

  if (self->document != NULL)
    {
      TenkenCatalog *catalog = tenken_document_get_catalog (self->document);
      g_autoptr(TenkenScope) scope = tenken_document_dup_scope (self->document);
      GFile *file = tenken_document_get_file (self->document);
      g_autofree char *name = file ? g_file_get_basename (file) : NULL;
      gboolean read_only = tenken_document_is_read_only (self->document);

      if (catalog != NULL)
        {
          adw_action_row_set_subtitle (self->catalog_row, tenken_catalog_get_title (catalog));
          tenken_scope_editor_set_available_roles (self->scope_editor,
                                                   tenken_catalog_get_roles (catalog));
        }

      if (scope != NULL)
        tenken_scope_editor_set_scope (self->scope_editor, scope);

      if (read_only)
        {
          g_autofree char *subtitle = g_strdup_printf (_("%s (Read-Only)"), name ? name : "");

          adw_window_title_set_subtitle (self->window_title, subtitle);
          gtk_widget_set_sensitive (GTK_WIDGET (self->scope_editor), FALSE);
          gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
        }
      else if (name != NULL)
        {
          adw_window_title_set_subtitle (self->window_title, name);
        }
    }

  update_save_action (self);
}

static void
tenken_properties_window_dispose (GObject *object)
{
  TenkenPropertiesWindow *self = TENKEN_PROPERTIES_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->undo_stack);

  gtk_widget_dispose_template (GTK_WIDGET (object), TENKEN_TYPE_PROPERTIES_WINDOW);

  G_OBJECT_CLASS (tenken_properties_window_parent_class)->dispose (object);
}

static void
tenken_properties_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TenkenPropertiesWindow *self = TENKEN_PROPERTIES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_properties_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TenkenPropertiesWindow *self = TENKEN_PROPERTIES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_properties_window_class_init (TenkenPropertiesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tenken_properties_window_constructed;
  object_class->dispose = tenken_properties_window_dispose;
  object_class->get_property = tenken_properties_window_get_property;
  object_class->set_property = tenken_properties_window_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TENKEN_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/tenken-properties-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TenkenPropertiesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TenkenPropertiesWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TenkenPropertiesWindow, catalog_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenPropertiesWindow, scope_editor);
  gtk_widget_class_bind_template_child (widget_class, TenkenPropertiesWindow, save_button);
  gtk_widget_class_bind_template_callback (widget_class, update_save_action);

  gtk_widget_class_install_action (widget_class, "properties.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (TENKEN_TYPE_SCOPE_EDITOR);
}

static void
tenken_properties_window_init (TenkenPropertiesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tenken_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}

GtkWidget *
tenken_properties_window_new (GtkWindow      *parent,
                              TenkenDocument *document)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (document), NULL);

  return g_object_new (TENKEN_TYPE_PROPERTIES_WINDOW,
                       "transient-for", parent,
                       "document", document,
                       NULL);
}

void
tenken_properties_window_set_undo_stack (TenkenPropertiesWindow *self,
                                         TenkenUndoStack        *undo_stack)
{
  g_return_if_fail (TENKEN_IS_PROPERTIES_WINDOW (self));
  g_return_if_fail (undo_stack == NULL || TENKEN_IS_UNDO_STACK (undo_stack));

  g_set_object (&self->undo_stack, undo_stack);
}
