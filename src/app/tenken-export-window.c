/* tenken-export-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-export-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-a11y.h"
#include "tenken-application.h"
#include "tenken-export.h"
#include "tenken-export-common.h"
#include "tenken-export-window-private.h"
#include "tenken-window.h"

struct _TenkenExportWindow
{
  AdwWindow             parent_instance;

  TenkenDocument       *document;
  GSettings            *settings;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  GFile                *output;
  GFile                *result;
  gboolean              open_result;

  AdwPreferencesGroup  *options_group;
  AdwComboRow          *format_row;
  AdwComboRow          *report_row;
  AdwComboRow          *language_row;
  AdwPreferencesGroup  *progress_group;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkWidget            *export_button;
};

G_DEFINE_FINAL_TYPE (TenkenExportWindow, tenken_export_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The rows of language_row */
static const char * const languages[] = { "en", "ja" };

static TenkenExportFormat
get_format (TenkenExportWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return selected <= TENKEN_EXPORT_OSCAL ? (TenkenExportFormat) selected : TENKEN_EXPORT_PDF;
}

static TenkenReportKind
get_report_kind (TenkenExportWindow *self)
{
  return adw_combo_row_get_selected (self->report_row) == TENKEN_REPORT_FULL
         ? TENKEN_REPORT_FULL : TENKEN_REPORT_GAP;
}

static const char *
get_language (TenkenExportWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  return selected < G_N_ELEMENTS (languages) ? languages[selected] : "en";
}

static void
on_format_changed (TenkenExportWindow *self)
{
  gboolean oscal;

  /* Setting the models while the template is built notifies before the
   * rows are bound */
  if (self->format_row == NULL || self->report_row == NULL)
    return;

  oscal = get_format (self) == TENKEN_EXPORT_OSCAL;
  /* OSCAL results list every item in scope whatever the report kind */
  gtk_widget_set_sensitive (GTK_WIDGET (self->report_row), !oscal);
  if (oscal)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->report_row),
                                 _("OSCAL results always list every item in scope"));
  else if (get_report_kind (self) == TENKEN_REPORT_FULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->report_row), _("Every item in scope"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->report_row),
                                 _("The items not implemented yet, with the remediation plan"));
}

static void
set_busy (TenkenExportWindow *self,
          gboolean            busy)
{
  /* A focused field made insensitive would keep a focus it cannot use */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_group), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", !busy);

  if (busy)
    {
      g_autofree char *name = g_file_get_basename (self->output);
      g_autofree char *text = g_strdup_printf (_("Writing “%s”…"), name);

      gtk_label_set_label (self->progress_label, text);
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
    }
}

static void
remember_choices (TenkenExportWindow *self)
{
  if (self->settings == NULL)
    return;

  g_settings_set_string (self->settings, "last-export-format",
                         tenken_export_format_to_string (get_format (self)));
  g_settings_set_string (self->settings, "last-export-report",
                         get_report_kind (self) == TENKEN_REPORT_FULL ? "full" : "gap");
  g_settings_set_string (self->settings, "last-export-language", get_language (self));
  tenken_export_remember_folder (self->settings, self->output);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  TenkenExportWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TenkenExportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (self->output);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_clear_object (&self->cancellable);

  if (!tenken_export_report_finish (TENKEN_REPORT (object), result, &error))
    {
      set_busy (self, FALSE);

      /* Cancel asked for it: back to the choices, nothing to explain */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: the file name */
          g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), name);

          tenken_export_show_error (GTK_WINDOW (self), heading, error->message);
        }
      return;
    }

  g_set_object (&self->result, self->output);
  remember_choices (self);

  if (TENKEN_IS_WINDOW (parent))
    {
      /* Translators: a toast, the file name */
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

      tenken_window_show_saved (TENKEN_WINDOW (parent), self->output, message, self->open_result);
    }

  gtk_window_close (GTK_WINDOW (self));
}

void
_tenken_export_window_export_to (TenkenExportWindow *self,
                                 GFile              *file)
{
  TenkenExportFormat format = get_format (self);
  g_autoptr(TenkenReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TENKEN_IS_EXPORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->cancellable != NULL)
    return;

  g_clear_object (&self->output);
  self->output = tenken_export_ensure_extension (file, tenken_export_format_get_extension (format));

  /* The report reads the document here, in the main thread; only writing
   * runs in the worker */
  report = tenken_report_new (self->document, get_report_kind (self), get_language (self),
                              NULL, &error);
  if (report == NULL)
    {
      tenken_export_show_error (GTK_WINDOW (self), _("Could Not Export the Report"), error->message);
      return;
    }

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  tenken_export_report_async (report, format, self->output, on_progress, self,
                              self->cancellable, on_exported, g_object_ref (self));
}

gboolean
_tenken_export_window_is_busy (TenkenExportWindow *self)
{
  g_return_val_if_fail (TENKEN_IS_EXPORT_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

GFile *
_tenken_export_window_get_result (TenkenExportWindow *self)
{
  g_return_val_if_fail (TENKEN_IS_EXPORT_WINDOW (self), NULL);

  return self->result;
}

void
_tenken_export_window_set_open_result (TenkenExportWindow *self,
                                       gboolean            open_result)
{
  g_return_if_fail (TENKEN_IS_EXPORT_WINDOW (self));

  self->open_result = !!open_result;
}

static void
on_chooser_response (TenkenExportWindow   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    _tenken_export_window_export_to (self, file);
}

static const char *
format_filter_name (TenkenExportFormat format)
{
  switch (format)
    {
    case TENKEN_EXPORT_HTML:  return _("Web Pages");
    case TENKEN_EXPORT_CSV:   return _("CSV Tables");
    case TENKEN_EXPORT_XLSX:  return _("Excel Workbooks");
    case TENKEN_EXPORT_OSCAL: return _("OSCAL Assessment Results");
    case TENKEN_EXPORT_PDF:
    default:                  return _("PDF Documents");
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TenkenExportWindow *self = TENKEN_EXPORT_WINDOW (widget);
  TenkenExportFormat format = get_format (self);
  const char *extension = tenken_export_format_get_extension (format);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*", extension, NULL);
  g_autofree char *name = NULL;
  const char *what;

  if (self->cancellable != NULL || self->chooser != NULL)
    return;

  if (format == TENKEN_EXPORT_OSCAL)
    /* Translators: part of a suggested file name, "Cloud Portal – assessment results" */
    what = C_("file name", "assessment results");
  else if (get_report_kind (self) == TENKEN_REPORT_FULL)
    /* Translators: part of a suggested file name, "Cloud Portal – full report" */
    what = C_("file name", "full report");
  else
    /* Translators: part of a suggested file name, "Cloud Portal – gap report" */
    what = C_("file name", "gap report");
  name = tenken_export_suggest_name (self->document, what, extension);

  self->chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, format_filter_name (format));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, tenken_export_format_get_media_type (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  tenken_export_chooser_set_folder (GTK_FILE_CHOOSER (self->chooser), self->settings);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TenkenExportWindow *self = TENKEN_EXPORT_WINDOW (widget);

  /* While writing, Cancel stops the export and keeps the choices */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
restore_choices (TenkenExportWindow *self)
{
  g_autofree char *format_str = NULL;
  g_autofree char *report_str = NULL;
  TenkenExportFormat format = TENKEN_EXPORT_PDF;
  const char *language = tenken_export_default_language (self->settings);

  if (self->settings != NULL)
    {
      format_str = g_settings_get_string (self->settings, "last-export-format");
      report_str = g_settings_get_string (self->settings, "last-export-report");
    }

  if (format_str == NULL || !tenken_export_format_from_string (format_str, &format))
    format = TENKEN_EXPORT_PDF;
  adw_combo_row_set_selected (self->format_row, format);
  adw_combo_row_set_selected (self->report_row,
                              g_strcmp0 (report_str, "full") == 0 ? TENKEN_REPORT_FULL : TENKEN_REPORT_GAP);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i], language))
      adw_combo_row_set_selected (self->language_row, i);

  on_format_changed (self);
}

static void
tenken_export_window_constructed (GObject *object)
{
  TenkenExportWindow *self = TENKEN_EXPORT_WINDOW (object);
  g_autoptr(TenkenScope) scope = NULL;

  G_OBJECT_CLASS (tenken_export_window_parent_class)->constructed (object);

  restore_choices (self);

  scope = self->document ? tenken_document_dup_scope (self->document) : NULL;
  if (scope != NULL)
    {
      const char *organisation = tenken_scope_get_organisation (scope);
      const char *service = tenken_scope_get_service (scope);

      if (organisation != NULL && service != NULL)
        {
          /* Translators: "organisation — service", as in the main window */
          g_autofree char *description = g_strdup_printf (_("%s — %s"), organisation, service);

          adw_preferences_group_set_description (self->options_group, description);
        }
    }
}

static void
tenken_export_window_map (GtkWidget *widget)
{
  TenkenExportWindow *self = TENKEN_EXPORT_WINDOW (widget);

  GTK_WIDGET_CLASS (tenken_export_window_parent_class)->map (widget);

  /* Enter right away exports with the remembered choices (GtkWindow would
   * focus the first button, Cancel, otherwise) */
  gtk_widget_grab_focus (GTK_WIDGET (self->export_button));
}

static void
tenken_export_window_dispose (GObject *object)
{
  TenkenExportWindow *self = TENKEN_EXPORT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (object), TENKEN_TYPE_EXPORT_WINDOW);

  G_OBJECT_CLASS (tenken_export_window_parent_class)->dispose (object);
}

static void
tenken_export_window_finalize (GObject *object)
{
  TenkenExportWindow *self = TENKEN_EXPORT_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->output);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (tenken_export_window_parent_class)->finalize (object);
}

static void
tenken_export_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TenkenExportWindow *self = TENKEN_EXPORT_WINDOW (object);

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
tenken_export_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TenkenExportWindow *self = TENKEN_EXPORT_WINDOW (object);

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
tenken_export_window_class_init (TenkenExportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tenken_export_window_constructed;
  object_class->dispose = tenken_export_window_dispose;
  object_class->finalize = tenken_export_window_finalize;
  object_class->get_property = tenken_export_window_get_property;
  object_class->set_property = tenken_export_window_set_property;

  widget_class->map = tenken_export_window_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TENKEN_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/tenken-export-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TenkenExportWindow, options_group);
  gtk_widget_class_bind_template_child (widget_class, TenkenExportWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenExportWindow, report_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenExportWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenExportWindow, progress_group);
  gtk_widget_class_bind_template_child (widget_class, TenkenExportWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TenkenExportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TenkenExportWindow, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
tenken_export_window_init (TenkenExportWindow *self)
{
  self->open_result = TRUE;
  self->settings = tenken_settings_try_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  tenken_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
}

GtkWidget *
tenken_export_window_new (GtkWindow      *parent,
                          TenkenDocument *document)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (document), NULL);

  return g_object_new (TENKEN_TYPE_EXPORT_WINDOW,
                       "transient-for", parent,
                       "document", document,
                       NULL);
}
