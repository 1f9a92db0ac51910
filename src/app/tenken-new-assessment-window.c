/* tenken-new-assessment-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-new-assessment-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-a11y.h"
#include "tenken-application.h"
#include "tenken-new-assessment-window-private.h"
#include "tenken-scope-editor.h"

struct _TenkenNewAssessmentWindow
{
  AdwWindow              parent_instance;

  TenkenCatalogRegistry *registry;
  GSettings             *settings;
  /* Kept while shown: a native dialog is not owned by its parent */
  GtkFileChooserNative  *chooser;
  /* Cancelled when the window goes; lives until finalize for callbacks */
  GCancellable          *cancellable;
  gboolean               importing;
  gboolean               can_create;

  AdwToastOverlay       *toast_overlay;
  AdwPreferencesGroup   *catalog_group;
  AdwComboRow           *catalog_row;
  TenkenScopeEditor     *scope_editor;
  GtkButton             *create_button;
};

#define DEFAULT_CATALOG_ID "meti-cip-guidelines"

G_DEFINE_FINAL_TYPE (TenkenNewAssessmentWindow, tenken_new_assessment_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_REGISTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static TenkenCatalog *
get_selected_catalog (TenkenNewAssessmentWindow *self)
{
  return adw_combo_row_get_selected_item (self->catalog_row);
}

static void
update_create_button (TenkenNewAssessmentWindow *self)
{
  gboolean ready = get_selected_catalog (self) != NULL &&
                   tenken_scope_editor_get_valid (self->scope_editor);

  self->can_create = ready;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.create", ready);
}

static void
on_catalog_selected (TenkenNewAssessmentWindow *self)
{
  TenkenCatalog *catalog = get_selected_catalog (self);

  tenken_scope_editor_set_available_roles (self->scope_editor,
                                           catalog ? tenken_catalog_get_roles (catalog) : 0);
  update_create_button (self);
}

static void
show_error (TenkenNewAssessmentWindow *self,
            const char                *heading,
            const char                *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (TenkenNewAssessmentWindow *self,
            const char                *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static gboolean
select_catalog_id (TenkenNewAssessmentWindow *self,
                   const char                *id)
{
  GListModel *model = adw_combo_row_get_model (self->catalog_row);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenCatalog) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (tenken_catalog_get_id (item), id) == 0)
        {
          adw_combo_row_set_selected (self->catalog_row, i);
          return TRUE;
        }
    }

  return FALSE;
}

static void
select_catalog (TenkenNewAssessmentWindow *self,
                TenkenCatalog             *catalog)
{
  select_catalog_id (self, tenken_catalog_get_id (catalog));
}

static GtkFileChooserNative *
new_chooser (TenkenNewAssessmentWindow *self,
             const char                *title,
             GtkFileChooserAction       action,
             const char                *accept_label)
{
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                               accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  return self->chooser;
}

/* The chosen file (or NULL when cancelled); the chooser is done */
static GFile *
take_chosen_file (GtkFileChooserNative *chooser,
                  int                   response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));

  return file;
}

static void
on_import_finished (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TenkenNewAssessmentWindow) self = user_data;
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = g_object_get_data (G_OBJECT (self), "tenken-import-file");

  /* Finished in any case, so that an import is listed */
  catalog = tenken_catalog_registry_import_finish (TENKEN_CATALOG_REGISTRY (object), result, &error);

  /* The window was closed meanwhile: nobody to tell */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->importing = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.import-catalog", TRUE);

  if (catalog == NULL)
    {
      g_autofree char *name = file ? g_file_get_basename (file) : g_strdup ("");
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), name);
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message,
                                               _("Choose a NIST OSCAL catalog in XML format."));

      show_error (self, heading, body);
      return;
    }

  select_catalog (self, catalog);

  {
    g_autofree char *title = g_strdup_printf (_("Imported “%s”"), tenken_catalog_get_title (catalog));

    show_toast (self, title);
  }
}

static void
on_import_response (TenkenNewAssessmentWindow *self,
                    int                        response,
                    GtkFileChooserNative      *chooser)
{
  g_autoptr(GFile) file = take_chosen_file (chooser, response);

  if (file != NULL)
    _tenken_new_assessment_window_import (self, file);
}

void
_tenken_new_assessment_window_import (TenkenNewAssessmentWindow *self,
                                      GFile                     *file)
{
  g_return_if_fail (TENKEN_IS_NEW_ASSESSMENT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->importing);

  /* Validating a large catalog takes a moment: one import at a time */
  self->importing = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.import-catalog", FALSE);
  g_object_set_data_full (G_OBJECT (self), "tenken-import-file", g_object_ref (file), g_object_unref);
  tenken_catalog_registry_import_async (self->registry, file, self->cancellable,
                                        on_import_finished, g_object_ref (self));
}

gboolean
_tenken_new_assessment_window_is_importing (TenkenNewAssessmentWindow *self)
{
  g_return_val_if_fail (TENKEN_IS_NEW_ASSESSMENT_WINDOW (self), FALSE);

  return self->importing;
}

TenkenCatalog *
_tenken_new_assessment_window_get_catalog (TenkenNewAssessmentWindow *self)
{
  g_return_val_if_fail (TENKEN_IS_NEW_ASSESSMENT_WINDOW (self), NULL);

  return get_selected_catalog (self);
}

gboolean
_tenken_new_assessment_window_get_can_create (TenkenNewAssessmentWindow *self)
{
  g_return_val_if_fail (TENKEN_IS_NEW_ASSESSMENT_WINDOW (self), FALSE);

  return self->can_create;
}

static void
import_catalog_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TenkenNewAssessmentWindow *self = TENKEN_NEW_ASSESSMENT_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) xml = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = new_chooser (self, _("Import Catalog"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));

  gtk_file_filter_set_name (xml, _("OSCAL Catalogs (XML)"));
  gtk_file_filter_add_pattern (xml, "*.xml");
  gtk_file_filter_add_pattern (xml, "*.XML");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xml);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A file name from the service: no directory separators, no leading dot */
static char *
suggest_file_name (TenkenScope *scope)
{
  const char *service = tenken_scope_get_service (scope);
  g_autofree char *base = NULL;

  base = g_strdup (service != NULL ? service : _("Assessment"));
  g_strdelimit (base, "/\\:", '-');
  while (base[0] == '.')
    base[0] = '_';

  return g_strconcat (base, ".tenken", NULL);
}

static void
create_document (TenkenNewAssessmentWindow *self,
                 GFile                     *file)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(TenkenScope) scope = tenken_scope_editor_dup_scope (self->scope_editor);
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  TenkenCatalog *catalog = get_selected_catalog (self);

  g_return_if_fail (catalog != NULL);

  /* The file chooser already asked whether to replace it. Move the old file
   * to the trash rather than deleting it; never touch one that is open. */
  if (g_file_query_exists (file, NULL))
    {
      if (TENKEN_IS_APPLICATION (app) &&
          tenken_application_find_window (TENKEN_APPLICATION (app), file) != NULL)
        {
          g_autofree char *body = g_strdup_printf (_("“%s” is open in another window. "
                                                     "Close it first or choose another name."), name);

          show_error (self, _("Could Not Create the Assessment"), body);
          return;
        }

      if (!g_file_trash (file, NULL, &error))
        {
          g_autofree char *body = g_strdup_printf (_("“%s” could not be replaced: %s\n\n"
                                                     "Choose another name."), name, error->message);

          show_error (self, _("Could Not Create the Assessment"), body);
          return;
        }
    }

  document = tenken_document_create (file, catalog, scope, &error);

  if (document == NULL)
    {
      g_autofree char *body = g_strdup_printf (_("%s\n\nNothing was saved. Check that the "
                                                 "folder is writable and has free space, "
                                                 "or choose another place."), error->message);

      show_error (self, _("Could Not Create the Assessment"), body);
      return;
    }

  /* The next assessment starts from the same catalog */
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-catalog", tenken_catalog_get_id (catalog));

  g_signal_emit (self, signals[CREATED], 0, document);

  if (TENKEN_IS_APPLICATION (app))
    tenken_application_show_document (TENKEN_APPLICATION (app), document,
                                      gtk_window_get_transient_for (GTK_WINDOW (self)));

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_save_response (TenkenNewAssessmentWindow *self,
                  int                        response,
                  GtkFileChooserNative      *chooser)
{
  g_autoptr(GFile) file = take_chosen_file (chooser, response);

  if (file != NULL)
    _tenken_new_assessment_window_create_at (self, file);
}

void
_tenken_new_assessment_window_create_at (TenkenNewAssessmentWindow *self,
                                         GFile                     *chosen)
{
  g_autoptr(GFile) file = g_object_ref (chosen);

  /* Documents are recognised by their extension: add it when left out */
  {
    g_autofree char *name = g_file_get_basename (file);

    if (!g_str_has_suffix (name, ".tenken"))
      {
        g_autoptr(GFile) parent = g_file_get_parent (file);
        g_autofree char *with_suffix = g_strconcat (name, ".tenken", NULL);
        g_autoptr(GFile) child = g_file_get_child (parent, with_suffix);

        g_set_object (&file, child);
      }
  }

  create_document (self, file);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TenkenNewAssessmentWindow *self = TENKEN_NEW_ASSESSMENT_WINDOW (widget);
  g_autoptr(TenkenScope) scope = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  const char *documents;

  tenken_scope_editor_show_errors (self->scope_editor);
  if (get_selected_catalog (self) == NULL || !tenken_scope_editor_get_valid (self->scope_editor))
    return;

  scope = tenken_scope_editor_dup_scope (self->scope_editor);
  name = suggest_file_name (scope);

  chooser = new_chooser (self, _("Save New Assessment"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  gtk_file_filter_set_name (filter, _("Tenken Assessments"));
  gtk_file_filter_add_pattern (filter, "*.tenken");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static char *
catalog_title (TenkenCatalog *catalog)
{
  const char *title = catalog ? tenken_catalog_get_title (catalog) : NULL;

  return g_strdup (title ? title : "");
}

static void
tenken_new_assessment_window_constructed (GObject *object)
{
  TenkenNewAssessmentWindow *self = TENKEN_NEW_ASSESSMENT_WINDOW (object);
  GApplication *app = g_application_get_default ();
  g_autoptr(GtkExpression) expression = NULL;
  GListModel *catalogs;

  G_OBJECT_CLASS (tenken_new_assessment_window_parent_class)->constructed (object);

  if (self->registry == NULL && TENKEN_IS_APPLICATION (app))
    self->registry = g_object_ref (tenken_application_get_catalog_registry (TENKEN_APPLICATION (app)));
  if (self->registry == NULL)
    self->registry = tenken_catalog_registry_new ();

  catalogs = tenken_catalog_registry_get_catalogs (self->registry);
  /* adw_combo_row_set_expression() takes its own reference */
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (catalog_title), NULL, NULL);
  adw_combo_row_set_expression (self->catalog_row, expression);
  adw_combo_row_set_model (self->catalog_row, catalogs);

  /* The last catalog used, else the METI guideline (the schema's default),
   * not whichever sorts first */
  self->settings = tenken_settings_try_new ();
  {
    g_autofree char *last = self->settings ? g_settings_get_string (self->settings, "last-catalog")
                                           : g_strdup (DEFAULT_CATALOG_ID);

    if (!select_catalog_id (self, last))
      select_catalog_id (self, DEFAULT_CATALOG_ID);
  }

  if (g_list_model_get_n_items (catalogs) == 0)
    adw_preferences_group_set_description (self->catalog_group,
                                           _("No catalogs are installed. Import an OSCAL catalog to start."));

  on_catalog_selected (self);
}

static void
tenken_new_assessment_window_dispose (GObject *object)
{
  TenkenNewAssessmentWindow *self = TENKEN_NEW_ASSESSMENT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->settings);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->registry);

  gtk_widget_dispose_template (GTK_WIDGET (object), TENKEN_TYPE_NEW_ASSESSMENT_WINDOW);

  G_OBJECT_CLASS (tenken_new_assessment_window_parent_class)->dispose (object);
}

static void
tenken_new_assessment_window_finalize (GObject *object)
{
  TenkenNewAssessmentWindow *self = TENKEN_NEW_ASSESSMENT_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (tenken_new_assessment_window_parent_class)->finalize (object);
}

static void
tenken_new_assessment_window_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  TenkenNewAssessmentWindow *self = TENKEN_NEW_ASSESSMENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_new_assessment_window_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  TenkenNewAssessmentWindow *self = TENKEN_NEW_ASSESSMENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      self->registry = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_new_assessment_window_class_init (TenkenNewAssessmentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tenken_new_assessment_window_constructed;
  object_class->dispose = tenken_new_assessment_window_dispose;
  object_class->finalize = tenken_new_assessment_window_finalize;
  object_class->get_property = tenken_new_assessment_window_get_property;
  object_class->set_property = tenken_new_assessment_window_set_property;

  properties[PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL,
                         TENKEN_TYPE_CATALOG_REGISTRY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TenkenNewAssessmentWindow::created:
   * @document: the new document
   *
   * Emitted after the document was written, before it is shown.
   */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TENKEN_TYPE_DOCUMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/tenken-new-assessment-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TenkenNewAssessmentWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TenkenNewAssessmentWindow, catalog_group);
  gtk_widget_class_bind_template_child (widget_class, TenkenNewAssessmentWindow, catalog_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenNewAssessmentWindow, scope_editor);
  gtk_widget_class_bind_template_child (widget_class, TenkenNewAssessmentWindow, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_catalog_selected);
  gtk_widget_class_bind_template_callback (widget_class, update_create_button);

  gtk_widget_class_install_action (widget_class, "assessment.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "assessment.import-catalog", NULL,
                                   import_catalog_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (TENKEN_TYPE_SCOPE_EDITOR);
}

static void
tenken_new_assessment_window_init (TenkenNewAssessmentWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  tenken_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}

GtkWidget *
tenken_new_assessment_window_new (GtkWindow             *parent,
                                  TenkenCatalogRegistry *registry)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (registry == NULL || TENKEN_IS_CATALOG_REGISTRY (registry), NULL);

  return g_object_new (TENKEN_TYPE_NEW_ASSESSMENT_WINDOW,
                       "transient-for", parent,
                       "registry", registry,
                       NULL);
}
