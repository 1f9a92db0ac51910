/* tenken-declare-window.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-declare-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tenken-a11y.h"
#include "tenken-application.h"
#include "tenken-date-row.h"
#include "tenken-declaration.h"
#include "tenken-declaration-draft.h"
#include "tenken-declare-window-private.h"
#include "tenken-export-common.h"
#include "tenken-window.h"

/* Typing pauses this long before the preview is drawn again */
#define PREVIEW_DELAY_MS 300

struct _TenkenDeclareWindow
{
  AdwWindow             parent_instance;

  TenkenDocument       *document;
  GSettings            *settings;
  GtkFileChooserNative *chooser;

  /* writing */
  GCancellable         *cancellable;
  GFile                *pdf;
  char                 *digest;

  /* preview */
  guint                 preview_timeout;
  guint                 fold_idle;
  GCancellable         *preview_cancellable;
  cairo_surface_t      *preview_surface;
  int                   preview_scale;
  guint                 preview_pages;
  guint                 preview_index;
  guint                 preview_serial;

  AdwWindowTitle       *window_title;
  AdwLeaflet           *leaflet;
  GtkWidget            *form_page;
  GtkWidget            *form_box;
  GtkWidget            *preview_page;
  GtkToggleButton      *preview_button;
  GtkSpinner           *spinner;
  AdwEntryRow          *name_row;
  AdwEntryRow          *title_row;
  AdwEntryRow          *organisation_row;
  AdwEntryRow          *place_row;
  TenkenDateRow        *date_row;
  AdwComboRow          *language_row;
  GtkDrawingArea       *preview_area;
  GtkLabel             *preview_label;
};

G_DEFINE_FINAL_TYPE (TenkenDeclareWindow, tenken_declare_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The rows of language_row */
static const char * const languages[] = { "en", "ja" };

/* A field's text without surrounding space, or NULL when empty */
static char *
field_text (AdwEntryRow *row)
{
  const char *text = row ? gtk_editable_get_text (GTK_EDITABLE (row)) : NULL;
  char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);

  return stripped;
}

static const char *
get_language (TenkenDeclareWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  return selected < G_N_ELEMENTS (languages) ? languages[selected] : "en";
}

typedef struct
{
  TenkenDeclarant  declarant;
  char            *name;
  char            *title;
  char            *organisation;
  char            *place;
} Fields;

static void
fields_clear (Fields *fields)
{
  g_free (fields->name);
  g_free (fields->title);
  g_free (fields->organisation);
  g_free (fields->place);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fields, fields_clear)

/* The declarant as typed; with @placeholders, missing required fields are
 * shown as such, so that a half-filled form can be previewed */
static void
read_fields (TenkenDeclareWindow *self,
             Fields              *fields,
             gboolean             placeholders)
{
  fields->name = field_text (self->name_row);
  fields->title = field_text (self->title_row);
  fields->organisation = field_text (self->organisation_row);
  fields->place = field_text (self->place_row);

  if (placeholders && fields->name == NULL)
    fields->name = g_strdup (_("[Name]"));
  if (placeholders && fields->title == NULL)
    fields->title = g_strdup (_("[Position]"));

  fields->declarant = (TenkenDeclarant) {
    .name = fields->name,
    .title = fields->title,
    .organisation = fields->organisation,
    .place = fields->place,
    .date = tenken_date_row_get_date (self->date_row),
    .lang = get_language (self),
  };
}

static void
update_actions (TenkenDeclareWindow *self)
{
  g_auto(Fields) fields = { { 0, }, };
  gboolean busy = self->cancellable != NULL;

  read_fields (self, &fields, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "declare.declare",
                                 !busy && fields.name != NULL && fields.title != NULL);
}

/* --- preview --- */

typedef struct
{
  TenkenDeclarationDraft *draft;
  int                     width;
  int                     height;
  guint                   index;
  guint                   n_pages;
} RenderData;

static void
render_data_free (RenderData *data)
{
  g_clear_object (&data->draft);
  g_free (data);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderData *data = task_data;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, data->width, data->height);
  cr = cairo_create (surface);
  data->n_pages = tenken_declaration_draft_render_page (data->draft, data->index, cr,
                                                        data->width, data->height);
  cairo_destroy (cr);

  if (g_task_return_error_if_cancelled (task))
    cairo_surface_destroy (surface);
  else
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

static void
update_page_actions (TenkenDeclareWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "declare.previous-page",
                                 self->preview_pages > 0 && self->preview_index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "declare.next-page",
                                 self->preview_index + 1 < self->preview_pages);
}

static void
on_preview_rendered (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  TenkenDeclareWindow *self = TENKEN_DECLARE_WINDOW (object);
  RenderData *data = g_task_get_task_data (G_TASK (result));
  cairo_surface_t *surface = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autofree char *caption = NULL;

  /* Cancelled: a newer preview is on its way, or the window went away */
  if (surface == NULL)
    return;

  g_clear_object (&self->preview_cancellable);
  g_clear_pointer (&self->preview_surface, cairo_surface_destroy);
  self->preview_surface = surface;
  self->preview_pages = data->n_pages;
  self->preview_serial++;

  /* The page shown may be past the end after the document shrank */
  self->preview_index = MIN (data->index, data->n_pages > 0 ? data->n_pages - 1 : 0);

  /* Translators: under the preview: the page shown, the number of pages */
  caption = g_strdup_printf (_("Page %u of %u"), self->preview_index + 1, data->n_pages);
  gtk_label_set_label (self->preview_label, caption);
  update_page_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
}

static void
update_preview (TenkenDeclareWindow *self)
{
  g_auto(Fields) fields = { { 0, }, };
  g_autoptr(TenkenDeclarationDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  RenderData *data;
  int width = gtk_widget_get_width (GTK_WIDGET (self->preview_area));
  int height = gtk_widget_get_height (GTK_WIDGET (self->preview_area));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self->preview_area));

  if (self->document == NULL)
    return;

  /* Not laid out yet (or folded away): the resize handler comes back */
  if (width <= 1 || height <= 1)
    return;

  read_fields (self, &fields, TRUE);

  /* Reading the document belongs to the main thread; drawing does not */
  draft = tenken_declaration_draft_new (self->document, &fields.declarant, &error);
  if (draft == NULL)
    {
      g_clear_pointer (&self->preview_surface, cairo_surface_destroy);
      self->preview_pages = 0;
      update_page_actions (self);
      gtk_label_set_label (self->preview_label, error->message);
      gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
      return;
    }

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();
  self->preview_scale = scale;

  data = g_new0 (RenderData, 1);
  data->draft = g_steal_pointer (&draft);
  data->width = width * scale;
  data->height = height * scale;
  data->index = self->preview_index;

  task = g_task_new (self, self->preview_cancellable, on_preview_rendered, NULL);
  g_task_set_source_tag (task, update_preview);
  g_task_set_task_data (task, data, (GDestroyNotify) render_data_free);
  g_task_run_in_thread (task, render_thread);
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  TenkenDeclareWindow *self = user_data;

  self->preview_timeout = 0;
  update_preview (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_preview (TenkenDeclareWindow *self)
{
  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  self->preview_timeout = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

static void
on_field_changed (TenkenDeclareWindow *self)
{
  /* Template signals fire while the template is still being built */
  if (self->language_row == NULL || self->date_row == NULL)
    return;

  update_actions (self);
  schedule_preview (self);
}

static void
on_preview_resized (TenkenDeclareWindow *self)
{
  schedule_preview (self);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  TenkenDeclareWindow *self = user_data;
  double surface_width, surface_height, scale;

  if (self->preview_surface == NULL)
    return;

  /* Drawn at the size it was rendered for; while a resize waits for the
   * next rendering, scaled to fit */
  surface_width = cairo_image_surface_get_width (self->preview_surface);
  surface_height = cairo_image_surface_get_height (self->preview_surface);
  scale = MIN (width / surface_width, height / surface_height);

  cairo_translate (cr, (width - surface_width * scale) / 2.0, (height - surface_height * scale) / 2.0);
  cairo_scale (cr, scale, scale);

  /* A thin shadow sets the white page apart from a light background */
  {
    double aspect = tenken_declaration_draft_get_page_aspect ();
    double page_width = MIN (surface_width, surface_height * aspect);
    double page_height = page_width / aspect;
    double px = (surface_width - page_width) / 2.0;
    double py = (surface_height - page_height) / 2.0;
    double unit = self->preview_scale > 0 ? self->preview_scale : 1;

    for (guint i = 1; i <= 3; i++)
      {
        cairo_rectangle (cr, px - i * unit, py - i * unit + unit,
                         page_width + 2 * i * unit, page_height + 2 * i * unit);
        cairo_set_source_rgba (cr, 0, 0, 0, 0.06);
        cairo_fill (cr);
      }
  }

  cairo_set_source_surface (cr, self->preview_surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
}

static void
change_page_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TenkenDeclareWindow *self = TENKEN_DECLARE_WINDOW (widget);

  if (g_str_equal (action_name, "declare.next-page"))
    {
      if (self->preview_index + 1 < self->preview_pages)
        self->preview_index++;
    }
  else if (self->preview_index > 0)
    self->preview_index--;

  /* Paging is no typing: no pause */
  update_page_actions (self);
  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  update_preview (self);
}

static void
on_preview_toggled (TenkenDeclareWindow *self)
{
  gboolean show = gtk_toggle_button_get_active (self->preview_button);

  adw_leaflet_set_visible_child (self->leaflet, show ? self->preview_page : self->form_page);
}

static gboolean
update_preview_button (gpointer user_data)
{
  TenkenDeclareWindow *self = user_data;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  self->fold_idle = 0;

  /* Unfolded, both are shown: the toggle starts from the form next time */
  gtk_widget_set_visible (GTK_WIDGET (self->preview_button), folded);
  if (!folded)
    gtk_toggle_button_set_active (self->preview_button, FALSE);

  return G_SOURCE_REMOVE;
}

static void
on_folded_changed (TenkenDeclareWindow *self)
{
  if (self->leaflet == NULL || self->preview_button == NULL)
    return;

  /* The leaflet folds while the window is being allocated: showing the
   * button right then would leave the header bar unallocated */
  if (self->fold_idle == 0)
    self->fold_idle = g_idle_add (update_preview_button, self);
}

/* --- writing --- */

static void
set_busy (TenkenDeclareWindow *self,
          gboolean             busy)
{
  /* A focused field made insensitive would keep a focus it cannot use */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (self->form_box, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  update_actions (self);
}

static void
remember_fields (TenkenDeclareWindow *self,
                 GFile               *pdf)
{
  g_auto(Fields) fields = { { 0, }, };

  if (self->settings == NULL)
    return;

  read_fields (self, &fields, FALSE);
  g_settings_set_string (self->settings, "last-declarant-name", fields.name ? fields.name : "");
  g_settings_set_string (self->settings, "last-declarant-title", fields.title ? fields.title : "");
  g_settings_set_string (self->settings, "last-declarant-place", fields.place ? fields.place : "");
  g_settings_set_string (self->settings, "last-export-language", get_language (self));
  tenken_export_remember_folder (self->settings, pdf);
}

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TenkenDeclareWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_clear_object (&self->cancellable);

  if (!tenken_declaration_write_finish (TENKEN_DOCUMENT (object), result, &digest, &error))
    {
      set_busy (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tenken_export_show_error (GTK_WINDOW (self), _("Could Not Write the Declaration"),
                                  error->message);
      return;
    }

  g_free (self->digest);
  self->digest = g_steal_pointer (&digest);
  remember_fields (self, self->pdf);

  if (TENKEN_IS_WINDOW (parent))
    {
      /* Translators: a toast; %.12s is the start of the declaration's
       * SHA-256 digest, which identifies it */
      g_autofree char *message = g_strdup_printf (_("Declaration written, digest %.12s…"), self->digest);

      tenken_window_show_saved (TENKEN_WINDOW (parent), self->pdf, message, FALSE);
    }

  gtk_window_close (GTK_WINDOW (self));
}

/* @file without a ".pdf" or ".xml" ending, plus @extension */
static GFile *
sibling_with_extension (GFile      *file,
                        const char *extension)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *sibling = NULL;

  if (g_str_has_suffix (lower, ".pdf") || g_str_has_suffix (lower, ".xml"))
    name[strlen (name) - 4] = '\0';
  sibling = g_strconcat (name, extension, NULL);

  return g_file_get_child (parent, sibling);
}

void
_tenken_declare_window_declare_to (TenkenDeclareWindow *self,
                                   GFile               *file)
{
  g_auto(Fields) fields = { { 0, }, };
  g_autoptr(GFile) xml = NULL;

  g_return_if_fail (TENKEN_IS_DECLARE_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->cancellable != NULL)
    return;

  g_clear_object (&self->pdf);
  self->pdf = sibling_with_extension (file, ".pdf");
  xml = sibling_with_extension (file, ".xml");

  /* The document is read before this returns; the files are written in a
   * worker. Problems with the fields come back in on_written(). */
  read_fields (self, &fields, FALSE);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  tenken_declaration_write_async (self->document, &fields.declarant, xml, self->pdf,
                                  self->cancellable, on_written, g_object_ref (self));
}

gboolean
_tenken_declare_window_is_busy (TenkenDeclareWindow *self)
{
  g_return_val_if_fail (TENKEN_IS_DECLARE_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

const char *
_tenken_declare_window_get_digest (TenkenDeclareWindow *self)
{
  g_return_val_if_fail (TENKEN_IS_DECLARE_WINDOW (self), NULL);

  return self->digest;
}

guint
_tenken_declare_window_get_preview_pages (TenkenDeclareWindow *self)
{
  g_return_val_if_fail (TENKEN_IS_DECLARE_WINDOW (self), 0);

  return self->preview_pages;
}

guint
_tenken_declare_window_get_preview_page (TenkenDeclareWindow *self)
{
  g_return_val_if_fail (TENKEN_IS_DECLARE_WINDOW (self), 0);

  return self->preview_index;
}

guint
_tenken_declare_window_get_preview_serial (TenkenDeclareWindow *self)
{
  g_return_val_if_fail (TENKEN_IS_DECLARE_WINDOW (self), 0);

  return self->preview_serial;
}

void
_tenken_declare_window_fill (TenkenDeclareWindow *self,
                             const char          *name,
                             const char          *title,
                             const char          *place)
{
  g_return_if_fail (TENKEN_IS_DECLARE_WINDOW (self));

  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  if (title != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  if (place != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->place_row), place);
}

static void
on_chooser_response (TenkenDeclareWindow  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    _tenken_declare_window_declare_to (self, file);
}

static void
declare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TenkenDeclareWindow *self = TENKEN_DECLARE_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->cancellable != NULL || self->chooser != NULL)
    return;

  /* Translators: part of a suggested file name, "Cloud Portal – declaration" */
  name = tenken_export_suggest_name (self->document, C_("file name", "declaration"), ".pdf");

  self->chooser = gtk_file_chooser_native_new (_("Save Declaration"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
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
  TenkenDeclareWindow *self = TENKEN_DECLARE_WINDOW (widget);

  /* While writing, Cancel stops it and keeps the form */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
set_text_from_settings (TenkenDeclareWindow *self,
                        AdwEntryRow         *row,
                        const char          *key)
{
  g_autofree char *value = NULL;

  if (self->settings == NULL)
    return;

  value = g_settings_get_string (self->settings, key);
  gtk_editable_set_text (GTK_EDITABLE (row), value);
}

static void
tenken_declare_window_constructed (GObject *object)
{
  TenkenDeclareWindow *self = TENKEN_DECLARE_WINDOW (object);
  g_autoptr(TenkenScope) scope = NULL;
  g_autofree char *today = tenken_date_today ();
  const char *language;

  G_OBJECT_CLASS (tenken_declare_window_parent_class)->constructed (object);

  set_text_from_settings (self, self->name_row, "last-declarant-name");
  set_text_from_settings (self, self->title_row, "last-declarant-title");
  set_text_from_settings (self, self->place_row, "last-declarant-place");
  tenken_date_row_set_date (self->date_row, today);

  language = tenken_export_default_language (self->settings);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i], language))
      adw_combo_row_set_selected (self->language_row, i);

  scope = self->document ? tenken_document_dup_scope (self->document) : NULL;
  if (scope != NULL)
    {
      const char *organisation = tenken_scope_get_organisation (scope);
      const char *service = tenken_scope_get_service (scope);

      gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), organisation ? organisation : "");
      if (service != NULL)
        adw_window_title_set_subtitle (self->window_title, service);
    }

  update_actions (self);
  update_page_actions (self);
}

static void
tenken_declare_window_map (GtkWidget *widget)
{
  TenkenDeclareWindow *self = TENKEN_DECLARE_WINDOW (widget);

  GTK_WIDGET_CLASS (tenken_declare_window_parent_class)->map (widget);

  /* Typing starts with the name; Enter in a field declares (GtkWindow
   * would focus the first button, Cancel, otherwise) */
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
tenken_declare_window_dispose (GObject *object)
{
  TenkenDeclareWindow *self = TENKEN_DECLARE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  g_clear_handle_id (&self->fold_idle, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (object), TENKEN_TYPE_DECLARE_WINDOW);

  G_OBJECT_CLASS (tenken_declare_window_parent_class)->dispose (object);
}

static void
tenken_declare_window_finalize (GObject *object)
{
  TenkenDeclareWindow *self = TENKEN_DECLARE_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_pointer (&self->preview_surface, cairo_surface_destroy);
  g_clear_object (&self->pdf);
  g_free (self->digest);

  G_OBJECT_CLASS (tenken_declare_window_parent_class)->finalize (object);
}

static void
tenken_declare_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TenkenDeclareWindow *self = TENKEN_DECLARE_WINDOW (object);

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
tenken_declare_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TenkenDeclareWindow *self = TENKEN_DECLARE_WINDOW (object);

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
tenken_declare_window_class_init (TenkenDeclareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tenken_declare_window_constructed;
  object_class->dispose = tenken_declare_window_dispose;
  object_class->finalize = tenken_declare_window_finalize;
  object_class->get_property = tenken_declare_window_get_property;
  object_class->set_property = tenken_declare_window_set_property;

  widget_class->map = tenken_declare_window_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TENKEN_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/tenken-declare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TenkenDeclareWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TenkenDeclareWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TenkenDeclareWindow, form_page);
  gtk_widget_class_bind_template_child (widget_class, TenkenDeclareWindow, form_box);
  gtk_widget_class_bind_template_child (widget_class, TenkenDeclareWindow, preview_page);
  gtk_widget_class_bind_template_child (widget_class, TenkenDeclareWindow, preview_button);
  gtk_widget_class_bind_template_child (widget_class, TenkenDeclareWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, TenkenDeclareWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenDeclareWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenDeclareWindow, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenDeclareWindow, place_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenDeclareWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenDeclareWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenDeclareWindow, preview_area);
  gtk_widget_class_bind_template_child (widget_class, TenkenDeclareWindow, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_resized);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);

  gtk_widget_class_install_action (widget_class, "declare.declare", NULL, declare_action);
  gtk_widget_class_install_action (widget_class, "declare.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "declare.previous-page", NULL, change_page_action);
  gtk_widget_class_install_action (widget_class, "declare.next-page", NULL, change_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "declare.cancel", NULL);

  g_type_ensure (TENKEN_TYPE_DATE_ROW);
}

static void
tenken_declare_window_init (TenkenDeclareWindow *self)
{
  self->settings = tenken_settings_try_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  tenken_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->preview_area, draw_preview, self, NULL);
}

GtkWidget *
tenken_declare_window_new (GtkWindow      *parent,
                           TenkenDocument *document)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (document), NULL);

  return g_object_new (TENKEN_TYPE_DECLARE_WINDOW,
                       "transient-for", parent,
                       "document", document,
                       NULL);
}
