/* test-ui-export.c: the Export and Declare windows, end to end
 *
 * File choosers cannot be automated, so the tests hand the chosen file to
 * the windows' private entry points (what the chooser's response does).
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ui-export"

#include "config.h"

#include <glib/gstdio.h>

#include "tenken-application.h"
#include "tenken-declaration.h"
#include "tenken-declare-window-private.h"
#include "tenken-export.h"
#include "tenken-export-window-private.h"
#include "tenken-window.h"
#include "ui-test-utils.h"

/* A window showing a new document, with one item implemented (so that the
 * gap report leaves it out) */
static TenkenWindow *
make_window (const char      *name,
             TenkenDocument **out_document,
             char           **out_implemented_label)
{
  g_autoptr(TenkenDocument) document = ui_test_create_document (name, "meti-cip-guidelines");
  g_autoptr(TenkenResponse) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenScope) scope = tenken_document_dup_scope (document);
  GListModel *responses = tenken_document_get_responses (document);
  TenkenWindow *window;

  /* The first item that applies to the scope */
  for (guint i = 0; i < g_list_model_get_n_items (responses) && copy == NULL; i++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, i);

      if (tenken_catalog_item_applies_to (tenken_response_get_item (response),
                                          tenken_scope_get_roles (scope)))
        copy = tenken_response_copy (response);
    }
  g_assert_nonnull (copy);
  tenken_response_set_status (copy, TENKEN_STATUS_IMPLEMENTED);
  g_assert_true (tenken_document_set_response (document, copy, &error));
  g_assert_no_error (error);

  if (out_implemented_label != NULL)
    *out_implemented_label = g_strdup (tenken_catalog_node_get_label (TENKEN_CATALOG_NODE (tenken_response_get_item (copy))));

  window = tenken_window_new (ADW_APPLICATION (ui_test_get_application ()));
  tenken_window_set_document (window, document);
  ui_test_show_window (GTK_WINDOW (window), 1000, 700);

  *out_document = g_steal_pointer (&document);
  return window;
}

/* Runs the main loop while @busy says so, for at most 30 s */
static void
wait_while (gboolean (*busy) (gpointer),
            gpointer   window)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (busy (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (busy (window));
}

static gboolean
export_busy (gpointer window)
{
  return _tenken_export_window_is_busy (window);
}

static gboolean
declare_busy (gpointer window)
{
  return _tenken_declare_window_is_busy (window);
}

static TenkenExportWindow *
open_export_window (TenkenWindow *window)
{
  GtkWindow *export_window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  export_window = ui_test_find_toplevel (TENKEN_TYPE_EXPORT_WINDOW);
  g_assert_nonnull (export_window);
  g_assert_true (gtk_window_get_transient_for (export_window) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (export_window));

  /* Tests do not launch viewers */
  _tenken_export_window_set_open_result (TENKEN_EXPORT_WINDOW (export_window), FALSE);
  ui_test_show_window (export_window, 520, 480);

  return TENKEN_EXPORT_WINDOW (export_window);
}

/* The group holding the progress bar */
static GtkWidget *
progress_group (TenkenExportWindow *export_window)
{
  GtkWidget *bar = ui_test_find_descendant (GTK_WIDGET (export_window), GTK_TYPE_PROGRESS_BAR);

  g_assert_nonnull (bar);
  return gtk_widget_get_ancestor (bar, ADW_TYPE_PREFERENCES_GROUP);
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = find_action_button (child, action_name)) != NULL)
        return found;
    }

  return NULL;
}

/* The combo rows in the window's order: format, contents, language */
static AdwComboRow *
get_combo_row (GtkWidget *window,
               guint      index)
{
  GtkWidget *row = ui_test_find_descendant (window, ADW_TYPE_COMBO_ROW);

  for (guint i = 0; i < index && row != NULL; i++)
    {
      row = gtk_widget_get_next_sibling (row);
      while (row != NULL && !ADW_IS_COMBO_ROW (row))
        row = gtk_widget_get_next_sibling (row);
    }
  g_assert_nonnull (row);

  return ADW_COMBO_ROW (row);
}

/* A strict RFC 4180 reader (CRLF records, doubled quotes, optional BOM):
 * rows of fields; fails the test on malformed input */
static GPtrArray *
parse_csv (const char *contents)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GString) field = g_string_new (NULL);
  GPtrArray *row = NULL;
  const char *p = contents;

  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3;

  while (*p != '\0')
    {
      if (row == NULL)
        {
          row = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (rows, row);
        }

      g_string_truncate (field, 0);
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        for (; *p != ',' && *p != '\r' && *p != '\0'; p++)
          {
            g_assert_true (*p != '\n' && *p != '"');
            g_string_append_c (field, *p);
          }
      g_ptr_array_add (row, g_strdup (field->str));

      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          row = NULL;
        }
    }

  return rows;
}

static gboolean
row_has_field (GPtrArray  *row,
               const char *text)
{
  for (guint i = 0; i < row->len; i++)
    if (g_strcmp0 (g_ptr_array_index (row, i), text) == 0)
      return TRUE;
  return FALSE;
}

static void
test_export_csv (void)
{
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GSettings) settings = tenken_settings_try_new ();
  g_autofree char *implemented = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(TenkenReport) expected = NULL;
  g_autoptr(GError) error = NULL;
  TenkenExportWindow *export_window;
  TenkenWindow *window;
  AdwComboRow *format_row, *report_row;
  GPtrArray *responses;
  GFile *result;

  if (!ui_test_require_display ())
    return;

  g_settings_reset (settings, "last-export-format");
  window = make_window ("Export CSV", &document, &implemented);
  export_window = g_object_ref (open_export_window (window));

  format_row = get_combo_row (GTK_WIDGET (export_window), 0);
  report_row = get_combo_row (GTK_WIDGET (export_window), 1);
  g_assert_cmpuint (adw_combo_row_get_selected (format_row), ==, TENKEN_EXPORT_PDF);
  adw_combo_row_set_selected (format_row, TENKEN_EXPORT_CSV);
  adw_combo_row_set_selected (report_row, TENKEN_REPORT_GAP);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (report_row)));

  /* No extension typed: the format's is added */
  path = g_build_filename (ui_test_get_tmp_dir (), "gap", NULL);
  chosen = g_file_new_for_path (path);
  _tenken_export_window_export_to (export_window, chosen);
  g_assert_true (_tenken_export_window_is_busy (export_window));
  wait_while (export_busy, export_window);

  result = _tenken_export_window_get_result (export_window);
  g_assert_nonnull (result);
  g_free (path);
  path = g_file_get_path (result);
  g_assert_true (g_str_has_suffix (path, "gap.csv"));

  /* Done: the window closed, the choices are remembered */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (export_window)));
  {
    g_autofree char *format = g_settings_get_string (settings, "last-export-format");

    g_assert_cmpstr (format, ==, "csv");
  }

  /* One row per gap item, the implemented one left out */
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  rows = parse_csv (contents);
  expected = tenken_report_new (document, TENKEN_REPORT_GAP, "en", NULL, &error);
  g_assert_no_error (error);
  responses = tenken_report_get_responses (expected);
  g_assert_cmpuint (responses->len, >, 0);
  g_assert_cmpuint (rows->len, ==, responses->len + 1);
  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      TenkenResponse *response = g_ptr_array_index (responses, i - 1);
      TenkenCatalogNode *node = TENKEN_CATALOG_NODE (tenken_response_get_item (response));

      g_assert_cmpuint (row->len, ==, ((GPtrArray *) g_ptr_array_index (rows, 0))->len);
      g_assert_true (row_has_field (row, tenken_catalog_node_get_label (node)));
      g_assert_false (row_has_field (row, implemented));
    }

  g_object_unref (export_window);
  ui_test_destroy_toplevels ();
}

/* Every format comes out of the window as a file of its kind, in the
 * language chosen (the window and the CLI call the same exporters) */
static void
test_export_every_format (void)
{
  static const struct {
    TenkenExportFormat format;
    const char *magic;
    gsize magic_len;
    const char *japanese;   /* a report word in Japanese, where the file is text */
  } formats[] = {
    { TENKEN_EXPORT_PDF, "%PDF-", 5, NULL },
    { TENKEN_EXPORT_HTML, "<!DOCTYPE html>", 15, "ギャップレポート" },
    { TENKEN_EXPORT_CSV, "\xef\xbb\xbf", 3, "状況" },
    { TENKEN_EXPORT_XLSX, "PK\x03\x04", 4, NULL },
    { TENKEN_EXPORT_OSCAL, "<?xml", 5, NULL },
  };
  g_autoptr(TenkenDocument) document = NULL;
  TenkenWindow *window;

  if (!ui_test_require_display ())
    return;

  window = make_window ("Export every format", &document, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *extension = tenken_export_format_get_extension (formats[i].format);
      g_autofree char *name = g_strdup_printf ("every.%s", extension);
      g_autofree char *path = g_build_filename (ui_test_get_tmp_dir (), name, NULL);
      g_autoptr(GFile) chosen = g_file_new_for_path (path);
      g_autofree char *contents = NULL;
      g_autofree char *result_path = NULL;
      g_autoptr(GError) error = NULL;
      TenkenExportWindow *export_window;
      gsize length;

      export_window = g_object_ref (open_export_window (window));
      adw_combo_row_set_selected (get_combo_row (GTK_WIDGET (export_window), 0), formats[i].format);
      if (gtk_widget_get_sensitive (GTK_WIDGET (get_combo_row (GTK_WIDGET (export_window), 1))))
        adw_combo_row_set_selected (get_combo_row (GTK_WIDGET (export_window), 1), TENKEN_REPORT_GAP);
      /* The report in Japanese (the second language) */
      adw_combo_row_set_selected (get_combo_row (GTK_WIDGET (export_window), 2), 1);
      _tenken_export_window_export_to (export_window, chosen);
      wait_while (export_busy, export_window);

      g_assert_nonnull (_tenken_export_window_get_result (export_window));
      result_path = g_file_get_path (_tenken_export_window_get_result (export_window));
      g_assert_cmpstr (result_path, ==, path);
      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (length, >, formats[i].magic_len);
      g_assert_cmpmem (contents, formats[i].magic_len, formats[i].magic, formats[i].magic_len);
      if (formats[i].japanese != NULL)
        g_assert_nonnull (strstr (contents, formats[i].japanese));

      g_object_unref (export_window);
    }

  ui_test_destroy_toplevels ();
}

static void
test_export_oscal_contents (void)
{
  g_autoptr(TenkenDocument) document = NULL;
  TenkenExportWindow *export_window;
  TenkenWindow *window;
  AdwComboRow *format_row, *report_row;

  if (!ui_test_require_display ())
    return;

  window = make_window ("Export OSCAL", &document, NULL);
  export_window = open_export_window (window);

  /* Enter right away exports: the focus starts on the default button */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (export_window)) ==
                 find_action_button (GTK_WIDGET (export_window), "export.export"));
  format_row = get_combo_row (GTK_WIDGET (export_window), 0);
  report_row = get_combo_row (GTK_WIDGET (export_window), 1);

  /* OSCAL lists every item whatever the contents: the choice is off */
  adw_combo_row_set_selected (format_row, TENKEN_EXPORT_OSCAL);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (report_row)));
  adw_combo_row_set_selected (format_row, TENKEN_EXPORT_XLSX);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (report_row)));

  /* Escape closes */
  g_object_ref (export_window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (export_window), "export.cancel", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (export_window)));
  g_object_unref (export_window);

  ui_test_destroy_toplevels ();
}

static void
test_export_error (void)
{
  g_autoptr(TenkenDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) chosen = NULL;
  TenkenExportWindow *export_window;
  TenkenWindow *window;
  GtkWindow *dialog;

  if (!ui_test_require_display ())
    return;

  window = make_window ("Export Error", &document, NULL);
  export_window = open_export_window (window);
  adw_combo_row_set_selected (get_combo_row (GTK_WIDGET (export_window), 0), TENKEN_EXPORT_PDF);

  /* A folder that does not exist: a dialog explains, the window stays */
  path = g_build_filename (ui_test_get_tmp_dir (), "no such folder", "report.pdf", NULL);
  chosen = g_file_new_for_path (path);
  _tenken_export_window_export_to (export_window, chosen);
  wait_while (export_busy, export_window);

  g_assert_null (_tenken_export_window_get_result (export_window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (export_window)));
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (export_window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "no such folder"));
  ui_test_show_window (dialog, 400, 300);
  g_free (path);
  path = ui_test_save_screenshot (GTK_WIDGET (dialog), "export-error");
  ui_test_assert_png_not_blank (path, 8, 0.02);
  g_free (path);
  path = g_build_filename (ui_test_get_tmp_dir (), "no such folder", "report.pdf", NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  ui_test_destroy_toplevels ();
}

static void
test_export_cancel (void)
{
  g_autoptr(TenkenDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) chosen = NULL;
  TenkenExportWindow *export_window;
  TenkenWindow *window;

  if (!ui_test_require_display ())
    return;

  window = make_window ("Export Cancel", &document, NULL);
  export_window = open_export_window (window);
  adw_combo_row_set_selected (get_combo_row (GTK_WIDGET (export_window), 0), TENKEN_EXPORT_PDF);
  adw_combo_row_set_selected (get_combo_row (GTK_WIDGET (export_window), 1), TENKEN_REPORT_FULL);

  path = g_build_filename (ui_test_get_tmp_dir (), "cancelled.pdf", NULL);
  chosen = g_file_new_for_path (path);
  _tenken_export_window_export_to (export_window, chosen);
  g_assert_true (_tenken_export_window_is_busy (export_window));
  g_assert_true (gtk_widget_get_visible (progress_group (export_window)));

  /* Cancel while writing stops the export, quietly, and keeps the window */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (export_window), "export.cancel", NULL));
  wait_while (export_busy, export_window);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (export_window)));
  g_assert_false (gtk_widget_get_visible (progress_group (export_window)));
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (_tenken_export_window_get_result (export_window));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  ui_test_destroy_toplevels ();
}

static void
test_export_read_only (void)
{
  g_autoptr(TenkenDocument) writable = ui_test_create_document ("Export Read-Only", "ismap-basic-regulations");
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GFile) file = g_object_ref (tenken_document_get_file (writable));
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TenkenExportWindow *export_window;
  TenkenWindow *window;

  if (!ui_test_require_display ())
    return;

  tenken_document_close (writable);
  document = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (tenken_document_is_read_only (document));

  window = tenken_window_new (ADW_APPLICATION (ui_test_get_application ()));
  tenken_window_set_document (window, document);
  ui_test_show_window (GTK_WINDOW (window), 1000, 700);

  /* Exporting only reads: a read-only document exports too */
  export_window = g_object_ref (open_export_window (window));
  adw_combo_row_set_selected (get_combo_row (GTK_WIDGET (export_window), 0), TENKEN_EXPORT_HTML);
  path = g_build_filename (ui_test_get_tmp_dir (), "read-only.html", NULL);
  chosen = g_file_new_for_path (path);
  _tenken_export_window_export_to (export_window, chosen);
  wait_while (export_busy, export_window);
  g_assert_nonnull (_tenken_export_window_get_result (export_window));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_object_unref (export_window);
  ui_test_destroy_toplevels ();
}

static void
wait_for_preview (TenkenDeclareWindow *declare_window,
                  guint                serial_before)
{
  for (guint i = 0; i < 200 && _tenken_declare_window_get_preview_serial (declare_window) == serial_before; i++)
    ui_test_wait (50);
  g_assert_cmpuint (_tenken_declare_window_get_preview_serial (declare_window), >, serial_before);
}

static void
test_declare (void)
{
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GSettings) settings = tenken_settings_try_new ();
  g_autofree char *path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *xml_path = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) xml_file = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  TenkenDeclareWindow *declare_window;
  TenkenWindow *window;
  GtkWidget *declare_button;
  guint serial, n_pages;
  gsize pdf_len;

  if (!ui_test_require_display ())
    return;

  g_settings_reset (settings, "last-declarant-name");
  g_settings_reset (settings, "last-declarant-title");
  window = make_window ("Declare", &document, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.declare", NULL));
  declare_window = TENKEN_DECLARE_WINDOW (ui_test_find_toplevel (TENKEN_TYPE_DECLARE_WINDOW));
  g_assert_nonnull (declare_window);
  g_object_ref (declare_window);
  ui_test_show_window (GTK_WINDOW (declare_window), 1200, 760);

  /* Nobody to sign yet: Declare is off, the preview shows the rest */
  declare_button = find_action_button (GTK_WIDGET (declare_window), "declare.declare");
  g_assert_nonnull (declare_button);
  g_assert_false (gtk_widget_get_sensitive (declare_button));
  wait_for_preview (declare_window, 0);
  g_assert_cmpuint (_tenken_declare_window_get_preview_pages (declare_window), >=, 2);

  /* Typing redraws the preview (after a pause) and enables Declare */
  serial = _tenken_declare_window_get_preview_serial (declare_window);
  _tenken_declare_window_fill (declare_window, "Hanako Yamada", "CISO", "Tokyo");
  g_assert_true (gtk_widget_get_sensitive (declare_button));
  wait_for_preview (declare_window, serial);

  /* The signature page shows the declarant: page through to the last page
   * and back; the buttons stop at either end */
  g_assert_cmpuint (_tenken_declare_window_get_preview_page (declare_window), ==, 0);
  n_pages = _tenken_declare_window_get_preview_pages (declare_window);
  for (guint i = 0; i < n_pages + 1; i++)
    {
      serial = _tenken_declare_window_get_preview_serial (declare_window);
      gtk_widget_activate_action (GTK_WIDGET (declare_window), "declare.next-page", NULL);
      if (i + 1 < n_pages)
        wait_for_preview (declare_window, serial);
    }
  g_assert_cmpuint (_tenken_declare_window_get_preview_page (declare_window), ==, n_pages - 1);
  serial = _tenken_declare_window_get_preview_serial (declare_window);
  gtk_widget_activate_action (GTK_WIDGET (declare_window), "declare.previous-page", NULL);
  wait_for_preview (declare_window, serial);
  g_assert_cmpuint (_tenken_declare_window_get_preview_page (declare_window), ==, n_pages - 2);

  /* A ".pdf" typed by the user names both files */
  path = g_build_filename (ui_test_get_tmp_dir (), "Declaration.pdf", NULL);
  chosen = g_file_new_for_path (path);
  _tenken_declare_window_declare_to (declare_window, chosen);
  g_assert_true (_tenken_declare_window_is_busy (declare_window));
  g_assert_false (gtk_widget_get_sensitive (declare_button));
  wait_while (declare_busy, declare_window);

  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (declare_window)));
  g_assert_nonnull (_tenken_declare_window_get_digest (declare_window));
  g_assert_cmpuint (strlen (_tenken_declare_window_get_digest (declare_window)), ==, 64);

  pdf_path = g_build_filename (ui_test_get_tmp_dir (), "Declaration.pdf", NULL);
  xml_path = g_build_filename (ui_test_get_tmp_dir (), "Declaration.xml", NULL);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &pdf_len, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "Hanako Yamada"));
  g_assert_nonnull (strstr (xml, _tenken_declare_window_get_digest (declare_window)));

  /* What was written is a valid declaration of this very assessment */
  xml_file = g_file_new_for_path (xml_path);
  g_assert_true (tenken_declaration_verify (xml_file, document, problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* The signer is offered next time */
  {
    g_autofree char *name = g_settings_get_string (settings, "last-declarant-name");

    g_assert_cmpstr (name, ==, "Hanako Yamada");
  }

  g_object_unref (declare_window);
  ui_test_destroy_toplevels ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ui_test_init ();

  g_test_add_func ("/ui/export/csv", test_export_csv);
  g_test_add_func ("/ui/export/every-format", test_export_every_format);
  g_test_add_func ("/ui/export/oscal-contents", test_export_oscal_contents);
  g_test_add_func ("/ui/export/error", test_export_error);
  g_test_add_func ("/ui/export/cancel", test_export_cancel);
  g_test_add_func ("/ui/export/read-only", test_export_read_only);
  g_test_add_func ("/ui/declare/write", test_declare);

  return g_test_run ();
}
