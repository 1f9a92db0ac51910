/* tenken-application.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-application"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-application.h"
#include "tenken-new-assessment-window.h"
#include "tenken-preferences-window.h"
#include "tenken-window.h"

struct _TenkenApplication
{
  AdwApplication         parent_instance;

  TenkenCatalogRegistry *registry;
  GSettings             *settings;
  /* Kept while shown: a native dialog is not owned by its parent */
  GtkFileChooserNative  *open_chooser;
};

G_DEFINE_FINAL_TYPE (TenkenApplication, tenken_application, ADW_TYPE_APPLICATION)

typedef struct
{
  TenkenApplication *app;
  GFile             *file;
} ReadOnlyRetry;

static void
read_only_retry_free (gpointer  data,
                      GClosure *closure)
{
  ReadOnlyRetry *retry = data;

  g_object_unref (retry->app);
  g_object_unref (retry->file);
  g_free (retry);
}

static TenkenWindow *
create_window (TenkenApplication *self)
{
  return tenken_window_new (ADW_APPLICATION (self));
}

/* The window to put something in: @parent, else the active one, else new */
static GtkWindow *
get_parent_window (TenkenApplication *self,
                   GtkWindow         *parent)
{
  if (parent != NULL)
    return parent;

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (parent != NULL)
    return parent;

  parent = GTK_WINDOW (create_window (self));
  gtk_window_present (parent);

  return parent;
}

/* The core's messages already say why and what to do; this adds only what
 * the dialog itself knows */
static const char *
get_open_error_note (const GError *error)
{
  if (g_error_matches (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_CORRUPT))
    return _("Tenken has not changed the file.");

  return NULL;
}

static void
on_open_error_response (AdwMessageDialog *dialog,
                        const char       *response,
                        ReadOnlyRetry    *retry)
{
  if (g_strcmp0 (response, "read-only") == 0)
    tenken_application_open_file (retry->app, retry->file, TENKEN_DOCUMENT_OPEN_READ_ONLY,
                                  gtk_window_get_transient_for (GTK_WINDOW (dialog)));
}

static void
show_open_error (TenkenApplication *self,
                 GFile             *file,
                 TenkenDocumentOpenFlags flags,
                 const GError      *error,
                 GtkWindow         *parent)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  const char *note = get_open_error_note (error);
  g_autofree char *body = note ? g_strdup_printf ("%s\n\n%s", error->message, note)
                               : g_strdup (error->message);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (get_parent_window (self, parent), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  if (g_error_matches (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IN_USE) &&
      !(flags & TENKEN_DOCUMENT_OPEN_READ_ONLY))
    {
      ReadOnlyRetry *retry = g_new0 (ReadOnlyRetry, 1);

      retry->app = g_object_ref (self);
      retry->file = g_object_ref (file);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "read-only",
                                       _("Open _Read-Only"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "read-only",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_open_error_response),
                             retry, read_only_retry_free, 0);
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_response (TenkenApplication    *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (GTK_NATIVE_DIALOG (chooser));
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->open_chooser);

  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      tenken_application_open_file (self, file, TENKEN_DOCUMENT_OPEN_NONE, parent);
    }
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TenkenApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->open_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->open_chooser));
  g_clear_object (&self->open_chooser);

  self->open_chooser = gtk_file_chooser_native_new (_("Open Assessment"), parent,
                                                    GTK_FILE_CHOOSER_ACTION_OPEN,
                                                    _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->open_chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->open_chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Tenken Assessments"));
  gtk_file_filter_add_pattern (filter, "*.tenken");
  gtk_file_filter_add_mime_type (filter, "application/x-tenken");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->open_chooser), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->open_chooser), all);

  g_signal_connect_object (self->open_chooser, "response", G_CALLBACK (on_open_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_chooser));
}

static void
open_file_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  TenkenApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  tenken_application_open_file (self, file, TENKEN_DOCUMENT_OPEN_NONE,
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  TenkenApplication *self = user_data;
  GtkWindow *parent = get_parent_window (self, NULL);
  GtkWidget *window;

  window = tenken_new_assessment_window_new (parent, tenken_application_get_catalog_registry (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TenkenApplication *self = user_data;
  GtkWidget *window;

  window = tenken_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                          tenken_application_get_settings (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  TenkenApplication *self = user_data;
  static const char *developers[] = { N_("The Tenken authors"), NULL };
  const char *translated_developers[] = { _(developers[0]), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Tenken"),
                        "developer-name", _("The Tenken authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Compliance checklists for METI’s guidelines for cyber "
                                      "infrastructure providers and ISMAP"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Tenken authors",
                        "developers", translated_developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TenkenApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing (not destroying) lets each window save its state, and a
   * document window with unsaved typing ask first; the application ends
   * with its last window */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open", open_action },
  { "open-file", open_file_action, "s" },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
tenken_application_startup (GApplication *app)
{
  GtkApplication *gtk_app = GTK_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.properties", { "<Alt>Return", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.declare", { "<Control><Shift>d", NULL } },
  };

  G_APPLICATION_CLASS (tenken_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (gtk_app, accels[i].action, accels[i].accels);

  /* Running from the build tree: find the app icon in the source tree */
  if (tenken_paths_is_uninstalled ())
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    TENKEN_SOURCE_DATADIR G_DIR_SEPARATOR_S "icons");

  gtk_window_set_default_icon_name (APP_ID);
}

static void
tenken_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (create_window (TENKEN_APPLICATION (app)));

  gtk_window_present (window);
}

static void
tenken_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    tenken_application_open_file (TENKEN_APPLICATION (app), files[i], TENKEN_DOCUMENT_OPEN_NONE, NULL);
}

static void
tenken_application_dispose (GObject *object)
{
  TenkenApplication *self = TENKEN_APPLICATION (object);

  if (self->open_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->open_chooser));
  g_clear_object (&self->open_chooser);
  g_clear_object (&self->registry);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tenken_application_parent_class)->dispose (object);
}

static void
tenken_application_class_init (TenkenApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = tenken_application_dispose;

  app_class->startup = tenken_application_startup;
  app_class->activate = tenken_application_activate;
  app_class->open = tenken_application_open;
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

TenkenCatalogRegistry *
tenken_application_get_catalog_registry (TenkenApplication *self)
{
  g_return_val_if_fail (TENKEN_IS_APPLICATION (self), NULL);

  if (self->registry == NULL)
    self->registry = tenken_catalog_registry_new ();

  return self->registry;
}

GSettings *
tenken_application_get_settings (TenkenApplication *self)
{
  g_return_val_if_fail (TENKEN_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    {
      self->settings = tenken_settings_try_new ();
      if (self->settings == NULL)
        g_warning ("GSettings schema %s is not installed; preferences are not kept", APP_ID);
    }

  return self->settings;
}

GSettings *
tenken_settings_try_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  return schema ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

GtkWindow *
tenken_application_find_window (TenkenApplication *self,
                                GFile             *file)
{
  g_return_val_if_fail (TENKEN_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      TenkenDocument *document;
      GFile *document_file;

      if (!TENKEN_IS_WINDOW (l->data))
        continue;

      document = tenken_window_get_document (l->data);
      document_file = document ? tenken_document_get_file (document) : NULL;
      if (document_file != NULL && g_file_equal (document_file, file))
        return l->data;
    }

  return NULL;
}

void
tenken_application_open_file (TenkenApplication       *self,
                              GFile                   *file,
                              TenkenDocumentOpenFlags  flags,
                              GtkWindow               *parent)
{
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_return_if_fail (TENKEN_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  window = tenken_application_find_window (self, file);
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (!g_file_query_exists (file, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no file “%s”. It may have been moved, renamed or deleted."),
                   name);
    }
  else
    {
      document = tenken_document_open (file, flags, &error);
    }

  if (document == NULL)
    {
      /* Never trust a failure to come with its reason */
      if (error == NULL)
        g_set_error_literal (&error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                             _("The file could not be read."));
      show_open_error (self, file, flags, error, parent);
      return;
    }

  tenken_application_show_document (self, document, parent);
}

void
tenken_application_show_document (TenkenApplication *self,
                                  TenkenDocument    *document,
                                  GtkWindow         *parent)
{
  GtkWindow *window = NULL;
  GFile *file;

  g_return_if_fail (TENKEN_IS_APPLICATION (self));
  g_return_if_fail (TENKEN_IS_DOCUMENT (document));

  if (parent == NULL)
    parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Reuse a window still showing the welcome page */
  if (TENKEN_IS_WINDOW (parent) && tenken_window_get_document (TENKEN_WINDOW (parent)) == NULL)
    window = parent;
  else
    window = GTK_WINDOW (create_window (self));

  tenken_window_set_document (TENKEN_WINDOW (window), document);
  gtk_window_present (window);

  file = tenken_document_get_file (document);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      GtkRecentData data = {
        .display_name = NULL,
        .description = NULL,
        .mime_type = (char *) "application/x-tenken",
        .app_name = (char *) "Tenken",
        .app_exec = (char *) "tenken %u",
      };

      gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
    }
}
