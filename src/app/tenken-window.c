/* tenken-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tenken-application.h"
#include "tenken-declare-window.h"
#include "tenken-document-view.h"
#include "tenken-document-view-private.h"
#include "tenken-item-detail.h"
#include "tenken-export-window.h"
#include "tenken-properties-window.h"
#include "tenken-welcome-page.h"
#include "tenken-window.h"

struct _TenkenWindow
{
  AdwApplicationWindow  parent_instance;

  TenkenDocument       *document;
  char                 *subtitle;
  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  TenkenWelcomePage    *welcome_page;
  TenkenDocumentView   *document_view;

  gboolean              discard_unsaved;  /* the user chose to close anyway */
};

G_DEFINE_FINAL_TYPE (TenkenWindow, tenken_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_titles (TenkenWindow *self)
{
  g_autoptr(TenkenScope) scope = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GFile *file;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Tenken"));
      return;
    }

  file = tenken_document_get_file (self->document);
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      if (g_str_has_suffix (name, ".tenken"))
        name[strlen (name) - strlen (".tenken")] = '\0';

      if (tenken_document_is_read_only (self->document))
        title = g_strdup_printf (_("%s (Read-Only)"), name);
      else
        title = g_steal_pointer (&name);
    }

  scope = tenken_document_dup_scope (self->document);
  if (scope != NULL)
    {
      const char *organisation = tenken_scope_get_organisation (scope);
      const char *service = tenken_scope_get_service (scope);

      if (organisation != NULL && service != NULL)
        /* Translators: the window subtitle, "organisation — service" */
        subtitle = g_strdup_printf (_("%s — %s"), organisation, service);
      else
        subtitle = g_strdup (organisation ? organisation : service);
    }

  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Tenken"));

  if (g_strcmp0 (subtitle, self->subtitle) != 0)
    {
      g_free (self->subtitle);
      self->subtitle = g_steal_pointer (&subtitle);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
    }
}

static void
update_actions (TenkenWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.properties", self->document != NULL);
  /* Both only read the document, so they work read-only too */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.declare", self->document != NULL);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
properties_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TenkenWindow *self = TENKEN_WINDOW (widget);
  GtkWidget *dialog;

  if (self->document == NULL)
    return;

  dialog = tenken_properties_window_new (GTK_WINDOW (self), self->document);
  tenken_properties_window_set_undo_stack (TENKEN_PROPERTIES_WINDOW (dialog),
                                           tenken_document_view_get_undo_stack (self->document_view));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TenkenWindow *self = TENKEN_WINDOW (widget);

  if (self->document == NULL)
    return;

  gtk_window_present (GTK_WINDOW (tenken_export_window_new (GTK_WINDOW (self), self->document)));
}

static void
declare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TenkenWindow *self = TENKEN_WINDOW (widget);

  if (self->document == NULL)
    return;

  gtk_window_present (GTK_WINDOW (tenken_declare_window_new (GTK_WINDOW (self), self->document)));
}

typedef struct
{
  TenkenWindow *window;
  char         *name;
} LaunchData;

static void
launch_data_free (LaunchData *data)
{
  g_clear_object (&data->window);
  g_free (data->name);
  g_free (data);
}

static void
on_launched (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LaunchData *data = user_data;
  g_autoptr(GError) error = NULL;

  /* Not being able to show the file is no failure of the export: say so
   * quietly, the toast before this one still offers the file */
  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *title = NULL;

      /* Translators: the file name, then the system's reason */
      title = g_strdup_printf (_("Could not open “%s”: %s"), data->name, error->message);
      tenken_window_add_toast (data->window, adw_toast_new (title));
    }

  launch_data_free (data);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TenkenWindow *self = TENKEN_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GdkAppLaunchContext) context = NULL;
  LaunchData *data = g_new0 (LaunchData, 1);

  data->window = g_object_ref (self);
  data->name = g_file_get_basename (file);

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_launched, data);
}

static gboolean
on_drop (TenkenWindow  *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GApplication *app = g_application_get_default ();
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || !TENKEN_IS_APPLICATION (app))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    tenken_application_open_file (TENKEN_APPLICATION (app), l->data,
                                  TENKEN_DOCUMENT_OPEN_NONE, GTK_WINDOW (self));

  return files != NULL;
}

static void
restore_window_state (TenkenWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (TenkenWindow *self)
{
  int width, height;
  gboolean maximized;

  if (self->settings == NULL)
    return;

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* The default size is the unmaximized one, which is what to restore */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     TenkenWindow     *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->discard_unsaved = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Typing that could not be saved (a full disk, a file made read-only) is
 * the one way to lose work: the window does not close over it silently */
static gboolean
confirm_unsaved (TenkenWindow *self)
{
  TenkenItemDetail *detail;
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (self->document == NULL || self->discard_unsaved)
    return FALSE;

  detail = tenken_document_view_get_detail (self->document_view);
  if (tenken_item_detail_flush (detail))
    return FALSE;

  body = g_strdup_printf (_("What you last typed could not be saved to “%s”. If you close the "
                            "window now, it is lost. Keep the window open to try again, for "
                            "example after freeing disk space, or copy the text elsewhere."),
                          gtk_window_get_title (GTK_WINDOW (self)));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Changes Not Saved"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Open"),
                                    "discard", _("_Close and Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
tenken_window_close_request (GtkWindow *window)
{
  if (confirm_unsaved (TENKEN_WINDOW (window)))
    return TRUE;

  save_window_state (TENKEN_WINDOW (window));

  return GTK_WINDOW_CLASS (tenken_window_parent_class)->close_request (window);
}

static void
tenken_window_dispose (GObject *object)
{
  TenkenWindow *self = TENKEN_WINDOW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  gtk_widget_dispose_template (GTK_WIDGET (object), TENKEN_TYPE_WINDOW);

  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (tenken_window_parent_class)->dispose (object);
}

static void
tenken_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TenkenWindow *self = TENKEN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TenkenWindow *self = TENKEN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tenken_window_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_window_class_init (TenkenWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tenken_window_dispose;
  object_class->get_property = tenken_window_get_property;
  object_class->set_property = tenken_window_set_property;

  window_class->close_request = tenken_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TENKEN_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/tenken-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TenkenWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TenkenWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TenkenWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, TenkenWindow, document_view);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.properties", NULL, properties_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.declare", NULL, declare_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);

  g_type_ensure (TENKEN_TYPE_WELCOME_PAGE);
  g_type_ensure (TENKEN_TYPE_DOCUMENT_VIEW);
}

static void
tenken_window_init (TenkenWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  self->settings = tenken_settings_try_new ();
  restore_window_state (self);

  update_titles (self);
  update_actions (self);
}

TenkenWindow *
tenken_window_new (AdwApplication *application)
{
  return g_object_new (TENKEN_TYPE_WINDOW, "application", application, NULL);
}

TenkenDocument *
tenken_window_get_document (TenkenWindow *self)
{
  g_return_val_if_fail (TENKEN_IS_WINDOW (self), NULL);

  return self->document;
}

void
tenken_window_set_document (TenkenWindow   *self,
                            TenkenDocument *document)
{
  g_return_if_fail (TENKEN_IS_WINDOW (self));
  g_return_if_fail (document == NULL || TENKEN_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (update_titles),
                             self, G_CONNECT_SWAPPED);

  tenken_document_view_set_document (self->document_view, document);
  gtk_stack_set_visible_child_name (self->stack, document ? "document" : "welcome");

  update_titles (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

const char *
tenken_window_get_subtitle (TenkenWindow *self)
{
  g_return_val_if_fail (TENKEN_IS_WINDOW (self), NULL);

  return self->subtitle;
}

void
tenken_window_add_toast (TenkenWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (TENKEN_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * tenken_window_show_saved:
 * @file: a file just written (an export, a declaration)
 * @message: the toast's text, such as "Exported “file”"
 * @open: whether to open @file in its default application right away
 *
 * Tells that @file was written, with a toast whose Open button shows it.
 */
void
tenken_window_show_saved (TenkenWindow *self,
                          GFile        *file,
                          const char   *message,
                          gboolean      open)
{
  g_autofree char *uri = NULL;
  AdwToast *toast;

  g_return_if_fail (TENKEN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 10);
  tenken_window_add_toast (self, toast);

  if (open)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-file", "s", uri);
}
