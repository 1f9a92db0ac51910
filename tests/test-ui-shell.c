/* test-ui-shell.c: the application shell's behaviour
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ui-shell"

#include "config.h"

#include <glib/gstdio.h>

#include "tenken-application.h"
#include "tenken-date-row.h"
#include "tenken-new-assessment-window-private.h"
#include "tenken-preferences-window.h"
#include "tenken-document-view.h"
#include "tenken-document-view-private.h"
#include "tenken-item-detail.h"
#include "tenken-properties-window.h"
#include "tenken-scope-editor.h"
#include "tenken-welcome-page.h"
#include "tenken-window.h"
#include "ui-test-utils.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_date_row (void)
{
  GtkWidget *row;
  guint notified = 0;

  if (!ui_test_require_display ())
    return;

  row = g_object_ref_sink (tenken_date_row_new ());
  g_signal_connect (row, "notify::date", G_CALLBACK (count_notify), &notified);

  g_assert_null (tenken_date_row_get_date (TENKEN_DATE_ROW (row)));

  tenken_date_row_set_date (TENKEN_DATE_ROW (row), "2026-04-01");
  g_assert_cmpstr (tenken_date_row_get_date (TENKEN_DATE_ROW (row)), ==, "2026-04-01");
  g_assert_cmpuint (notified, ==, 1);

  /* The same date again is no change */
  tenken_date_row_set_date (TENKEN_DATE_ROW (row), "2026-04-01");
  g_assert_cmpuint (notified, ==, 1);

  g_object_set (row, "date", NULL, NULL);
  g_assert_null (tenken_date_row_get_date (TENKEN_DATE_ROW (row)));
  g_assert_cmpuint (notified, ==, 2);

  g_object_unref (row);
}

static TenkenScope *
new_scope (const char  *organisation,
           const char  *service,
           TenkenRoles  roles,
           const char  *start,
           const char  *end)
{
  TenkenScope *scope = tenken_scope_new ();

  tenken_scope_set_organisation (scope, organisation);
  tenken_scope_set_service (scope, service);
  tenken_scope_set_roles (scope, roles);
  tenken_scope_set_tier (scope, TENKEN_TIER_SUB);
  tenken_scope_set_assessment_type (scope, TENKEN_ASSESSMENT_DESIGN);
  tenken_scope_set_period_start (scope, start);
  tenken_scope_set_period_end (scope, end);
  tenken_scope_set_assessor (scope, "Audit Team");

  return scope;
}

static void
test_scope_editor (void)
{
  GtkWidget *editor;
  TenkenScopeEditor *self;
  const TenkenRoles meti = TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_SUPPLIER |
                           TENKEN_ROLE_OPERATOR | TENKEN_ROLE_CUSTOMER;

  if (!ui_test_require_display ())
    return;

  editor = g_object_ref_sink (tenken_scope_editor_new ());
  self = TENKEN_SCOPE_EDITOR (editor);
  tenken_scope_editor_set_available_roles (self, meti);

  /* Empty: not valid */
  g_assert_false (tenken_scope_editor_get_valid (self));

  {
    g_autoptr(TenkenScope) scope = new_scope ("Example", "Portal", TENKEN_ROLE_OPERATOR,
                                              "2026-04-01", "2027-03-31");
    g_autoptr(TenkenScope) copy = NULL;

    tenken_scope_editor_set_scope (self, scope);
    g_assert_true (tenken_scope_editor_get_valid (self));

    /* What goes in comes out */
    copy = tenken_scope_editor_dup_scope (self);
    g_assert_true (tenken_scope_equal (scope, copy));
  }

  {
    /* Blank organisation (spaces only) */
    g_autoptr(TenkenScope) scope = new_scope ("   ", "Portal", TENKEN_ROLE_OPERATOR, NULL, NULL);

    tenken_scope_editor_set_scope (self, scope);
    g_assert_false (tenken_scope_editor_get_valid (self));
  }

  {
    /* No role of the catalog chosen */
    g_autoptr(TenkenScope) scope = new_scope ("Example", "Portal", 0, NULL, NULL);

    tenken_scope_editor_set_scope (self, scope);
    g_assert_false (tenken_scope_editor_get_valid (self));

    /* A catalog without roles needs none */
    tenken_scope_editor_set_available_roles (self, 0);
    g_assert_true (tenken_scope_editor_get_valid (self));
    tenken_scope_editor_set_available_roles (self, meti);
  }

  {
    /* The period ends before it starts */
    g_autoptr(TenkenScope) scope = new_scope ("Example", "Portal", TENKEN_ROLE_DEVELOPER,
                                              "2026-04-01", "2026-03-31");

    tenken_scope_editor_set_scope (self, scope);
    g_assert_false (tenken_scope_editor_get_valid (self));
  }

  g_object_unref (editor);
}

static void
test_open_not_tenken (void)
{
  GtkApplication *app;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  TenkenWindow *window;

  if (!ui_test_require_display ())
    return;

  app = ui_test_get_application ();
  path = g_build_filename (ui_test_get_tmp_dir (), "notes.tenken", NULL);
  g_file_set_contents (path, "These are not the assessments you are looking for.", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  window = tenken_window_new (ADW_APPLICATION (app));
  tenken_application_open_file (TENKEN_APPLICATION (app), file, TENKEN_DOCUMENT_OPEN_NONE,
                                GTK_WINDOW (window));

  /* A dialog says why, over the window, which stays on the welcome page */
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "notes.tenken"));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), !=, "");
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "read-only"));
  g_assert_null (tenken_window_get_document (window));
  g_assert_null (tenken_application_find_window (TENKEN_APPLICATION (app), file));

  ui_test_destroy_toplevels ();
}

static void
test_open_missing (void)
{
  GtkApplication *app;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWindow *dialog;

  if (!ui_test_require_display ())
    return;

  app = ui_test_get_application ();
  path = g_build_filename (ui_test_get_tmp_dir (), "gone.tenken", NULL);
  file = g_file_new_for_path (path);

  /* No parent: the app makes a window to show the problem over */
  tenken_application_open_file (TENKEN_APPLICATION (app), file, TENKEN_DOCUMENT_OPEN_NONE, NULL);

  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (TENKEN_IS_WINDOW (gtk_window_get_transient_for (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), path));
  g_assert_false (g_file_query_exists (file, NULL));

  ui_test_destroy_toplevels ();
}

static guint
count_document_windows (GtkApplication *app)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (TENKEN_IS_WINDOW (l->data) && tenken_window_get_document (l->data) != NULL)
      n++;

  return n;
}

static void
test_one_window_per_document (void)
{
  GtkApplication *app;
  g_autoptr(TenkenDocument) created = NULL;
  g_autoptr(GFile) file = NULL;
  TenkenWindow *welcome;
  GtkWindow *window;

  if (!ui_test_require_display ())
    return;

  app = ui_test_get_application ();
  created = ui_test_create_document ("One Window", "meti-cip-guidelines");
  file = g_object_ref (tenken_document_get_file (created));
  tenken_document_close (created);

  /* Opened into the welcome window it came from */
  welcome = tenken_window_new (ADW_APPLICATION (app));
  tenken_application_open_file (TENKEN_APPLICATION (app), file, TENKEN_DOCUMENT_OPEN_NONE,
                                GTK_WINDOW (welcome));
  window = tenken_application_find_window (TENKEN_APPLICATION (app), file);
  g_assert_true (window == GTK_WINDOW (welcome));
  g_assert_cmpuint (count_document_windows (app), ==, 1);

  /* The title names the document, the subtitle what it covers */
  g_assert_cmpstr (gtk_window_get_title (window), ==, "One Window");
  g_assert_cmpstr (tenken_window_get_subtitle (TENKEN_WINDOW (window)), ==,
                   "Example Corporation — Cloud Portal");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));

  /* Opening it again presents the same window */
  tenken_application_open_file (TENKEN_APPLICATION (app), file, TENKEN_DOCUMENT_OPEN_NONE, NULL);
  g_assert_cmpuint (count_document_windows (app), ==, 1);
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  ui_test_destroy_toplevels ();
}

/* Opens a new document named @name in its window, shows S(2)-1.4 and types
 * @typed into its statement while the disk is full */
static TenkenResponse *
type_on_full_disk (const char        *name,
                   const char        *typed,
                   GtkWindow        **window,
                   TenkenItemDetail **detail)
{
  GtkApplication *app = ui_test_get_application ();
  g_autoptr(TenkenDocument) created = ui_test_create_document (name, "meti-cip-guidelines");
  g_autoptr(GFile) file = g_object_ref (tenken_document_get_file (created));
  TenkenResponse *response;
  GtkWidget *view;

  tenken_document_close (created);
  tenken_application_open_file (TENKEN_APPLICATION (app), file, TENKEN_DOCUMENT_OPEN_NONE, NULL);
  *window = g_object_ref (tenken_application_find_window (TENKEN_APPLICATION (app), file));
  view = ui_test_find_descendant (GTK_WIDGET (*window), TENKEN_TYPE_DOCUMENT_VIEW);
  *detail = tenken_document_view_get_detail (TENKEN_DOCUMENT_VIEW (view));
  response = tenken_document_get_response_by_label (tenken_window_get_document (TENKEN_WINDOW (*window)),
                                                    "S(2)-1.4");
  tenken_item_detail_set_response (*detail, response);

  ui_test_wait (200);  /* GTK writes the recent files list meanwhile */
  ui_test_disk_full ();
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (tenken_item_detail_get_statement_view (*detail)),
                            typed, -1);
  return response;
}

/* Closing a window over typing that could not be saved asks first; keeping
 * it open keeps the text, and once the disk has room closing saves it */
static void
test_close_with_unsaved_text (void)
{
  g_autoptr(TenkenDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWindow) window = NULL;
  g_autoptr(GFile) file = NULL;
  TenkenItemDetail *detail;
  TenkenResponse *response;
  AdwMessageDialog *dialog;
  const char *typed = "Typed while the disk is full";
  g_autofree char *item_id = NULL;

  if (!ui_test_require_display ())
    return;

  response = type_on_full_disk ("Unsaved", typed, &window, &detail);
  item_id = g_strdup (tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (response))));
  file = g_object_ref (tenken_document_get_file (tenken_window_get_document (TENKEN_WINDOW (window))));

  /* Close: refused, with a question */
  gtk_window_close (window);
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
  {
    g_autofree char *shot = NULL;

    /* Room to write the PNG (and whatever GTK saves meanwhile) */
    ui_test_disk_has_room ();
    /* mapped and laid out (slow under ASan) */
    while (!gtk_widget_get_mapped (GTK_WIDGET (dialog)) || gtk_widget_get_width (GTK_WIDGET (dialog)) == 0)
      ui_test_wait (50);
    ui_test_wait (300);
    shot = ui_test_save_screenshot (GTK_WIDGET (dialog), "close-unsaved-dialog");
    ui_test_assert_png_not_blank (shot, 4, 0.05);
    ui_test_disk_full ();
  }

  /* Keep it open: the text is still there */
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (tenken_item_detail_get_response (detail) == response);

  /* Room again: closing saves and closes without asking */
  ui_test_disk_has_room ();
  gtk_window_close (window);
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));

  reopened = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tenken_response_get_statement (tenken_document_get_response (reopened, item_id)), ==, typed);
  tenken_document_close (reopened);

  ui_test_destroy_toplevels ();
}

/* "Close and Discard" closes the window over the unsaved text */
static void
test_close_discarding_unsaved_text (void)
{
  g_autoptr(GtkWindow) window = NULL;
  TenkenItemDetail *detail;
  AdwMessageDialog *dialog;

  if (!ui_test_require_display ())
    return;

  type_on_full_disk ("Discarded", "Lost on purpose", &window, &detail);

  gtk_window_close (window);
  dialog = ADW_MESSAGE_DIALOG (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  ui_test_disk_has_room ();

  ui_test_destroy_toplevels ();
}

/* The recent row titled @title on the welcome page of @window, if any */
static GtkListBoxRow *
find_recent_row (TenkenWindow *window,
                 const char   *title)
{
  GtkWidget *page = ui_test_find_descendant (GTK_WIDGET (window), TENKEN_TYPE_WELCOME_PAGE);
  GtkWidget *list = ui_test_find_descendant (page, GTK_TYPE_LIST_BOX);

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return GTK_LIST_BOX_ROW (row);

  return NULL;
}

/* has_item() is critical on a manager with no items yet */
static gboolean
recent_has (GtkRecentManager *manager,
            const char       *uri)
{
  GtkRecentInfo *info = gtk_recent_manager_lookup_item (manager, uri, NULL);
  gboolean found = info != NULL;

  g_clear_pointer (&info, gtk_recent_info_unref);
  return found;
}

/* An opened document is listed on the welcome page and opens from there;
 * files that are not documents, or no longer there, are not listed */
static void
test_recent_documents (void)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(TenkenDocument) created = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *gone = g_build_filename (ui_test_get_tmp_dir (), "Gone & Lost.tenken", NULL);
  g_autofree char *text = g_build_filename (ui_test_get_tmp_dir (), "Notes.txt", NULL);
  g_autofree char *gone_uri = g_filename_to_uri (gone, NULL, NULL);
  g_autofree char *text_uri = g_filename_to_uri (text, NULL, NULL);
  g_autoptr(GError) error = NULL;
  GtkApplication *app;
  GtkWindow *opened;
  TenkenWindow *welcome;
  GtkListBoxRow *row = NULL;

  if (!ui_test_require_display ())
    return;

  app = ui_test_get_application ();
  created = ui_test_create_document ("Recent Pick", "meti-cip-guidelines");
  file = g_object_ref (tenken_document_get_file (created));
  tenken_document_close (created);

  g_assert_true (g_file_set_contents (gone, "", 0, &error));
  g_assert_true (g_file_set_contents (text, "", 0, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_recent_manager_add_item (manager, gone_uri));
  g_assert_true (gtk_recent_manager_add_item (manager, text_uri));
  /* Added once GTK has read the file's type, in the main loop */
  for (guint i = 0; i < 100 && !(recent_has (manager, gone_uri) && recent_has (manager, text_uri)); i++)
    ui_test_wait (50);
  g_assert_true (recent_has (manager, gone_uri));
  g_unlink (gone);

  /* Opening records it; its window is closed again */
  tenken_application_open_file (TENKEN_APPLICATION (app), file, TENKEN_DOCUMENT_OPEN_NONE, NULL);
  opened = tenken_application_find_window (TENKEN_APPLICATION (app), file);
  g_assert_nonnull (opened);
  gtk_window_destroy (opened);
  g_assert_null (tenken_application_find_window (TENKEN_APPLICATION (app), file));

  welcome = tenken_window_new (ADW_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (welcome));
  for (guint i = 0; i < 100 && (row = find_recent_row (welcome, "Recent Pick")) == NULL; i++)
    ui_test_wait (50);
  g_assert_nonnull (row);
  g_assert_null (find_recent_row (welcome, "Gone &amp; Lost"));
  g_assert_null (find_recent_row (welcome, "Gone & Lost"));
  g_assert_null (find_recent_row (welcome, "Notes.txt"));
  g_assert_null (find_recent_row (welcome, "Notes"));

  /* Activating the row opens the document in this window */
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  for (guint i = 0; i < 100 && tenken_window_get_document (welcome) == NULL; i++)
    ui_test_wait (50);
  g_assert_nonnull (tenken_window_get_document (welcome));
  g_assert_true (tenken_application_find_window (TENKEN_APPLICATION (app), file) == GTK_WINDOW (welcome));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (welcome)), ==, "Recent Pick");

  g_unlink (text);
  ui_test_destroy_toplevels ();
}

static void
test_open_by_drop (void)
{
  GtkApplication *app;
  g_autoptr(TenkenDocument) created = NULL;
  g_autoptr(GListModel) controllers = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  GSList *files;
  TenkenWindow *window;
  gboolean accepted = FALSE;

  if (!ui_test_require_display ())
    return;

  app = ui_test_get_application ();
  created = ui_test_create_document ("Dropped", "ismap-basic-regulations");
  files = g_slist_prepend (NULL, g_object_ref (tenken_document_get_file (created)));
  tenken_document_close (created);

  window = tenken_window_new (ADW_APPLICATION (app));
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; target == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  /* What GTK emits when a file from a file manager is dropped */
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);

  g_assert_true (accepted);
  g_assert_nonnull (tenken_window_get_document (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Dropped");

  ui_test_destroy_toplevels ();
}

static void
test_open_in_use (void)
{
  GtkApplication *app;
  g_autoptr(TenkenDocument) holder = NULL;
  GFile *file;
  GtkWindow *dialog;
  GtkWindow *window;

  if (!ui_test_require_display ())
    return;

  /* Holding the document open for editing (as another program would) */
  app = ui_test_get_application ();
  holder = ui_test_create_document ("In Use", "meti-cip-guidelines");
  file = tenken_document_get_file (holder);

  tenken_application_open_file (TENKEN_APPLICATION (app), file, TENKEN_DOCUMENT_OPEN_NONE, NULL);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "read-only"));
  g_assert_null (tenken_application_find_window (TENKEN_APPLICATION (app), file));

  /* "Open Read-Only" shows it, marked read-only */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
  window = tenken_application_find_window (TENKEN_APPLICATION (app), file);
  g_assert_nonnull (window);
  g_assert_true (tenken_document_is_read_only (tenken_window_get_document (TENKEN_WINDOW (window))));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "In Use (Read-Only)");

  ui_test_destroy_toplevels ();
}

static void
wait_for_import (TenkenNewAssessmentWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (_tenken_new_assessment_window_is_importing (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (_tenken_new_assessment_window_is_importing (window));
}

/* The combo row whose items are catalogs (the scope editor has others) */
static AdwComboRow *
find_catalog_row (GtkWidget *widget)
{
  if (ADW_IS_COMBO_ROW (widget))
    {
      GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (widget));

      if (model != NULL && g_list_model_get_item_type (model) == TENKEN_TYPE_CATALOG)
        return ADW_COMBO_ROW (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *row = find_catalog_row (child);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static void
choose_catalog (TenkenNewAssessmentWindow *window,
                const char                *id)
{
  AdwComboRow *row = find_catalog_row (GTK_WIDGET (window));
  GListModel *model;

  g_assert_nonnull (row);
  model = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TenkenCatalog) catalog = g_list_model_get_item (model, i);

      if (g_str_equal (tenken_catalog_get_id (catalog), id))
        {
          adw_combo_row_set_selected (row, i);
          g_assert_cmpstr (tenken_catalog_get_id (_tenken_new_assessment_window_get_catalog (window)), ==, id);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_new_assessment (void)
{
  g_autoptr(GFile) system_dir = NULL;
  g_autoptr(GFile) user_dir = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GFile) good = NULL;
  g_autoptr(TenkenCatalogRegistry) registry = NULL;
  g_autoptr(TenkenScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad_path = NULL;
  g_autofree char *user_path = NULL;
  TenkenNewAssessmentWindow *window;
  TenkenScopeEditor *editor;
  TenkenCatalog *catalog;
  GtkWindow *dialog;

  if (!ui_test_require_display ())
    return;

  system_dir = tenken_paths_get_catalog_dir ();
  user_path = g_build_filename (ui_test_get_tmp_dir (), "imported-catalogs", NULL);
  user_dir = g_file_new_for_path (user_path);
  registry = tenken_catalog_registry_new_for_dirs (system_dir, user_dir);

  window = TENKEN_NEW_ASSESSMENT_WINDOW (tenken_new_assessment_window_new (NULL, registry));
  editor = TENKEN_SCOPE_EDITOR (ui_test_find_descendant (GTK_WIDGET (window), TENKEN_TYPE_SCOPE_EDITOR));
  catalog = _tenken_new_assessment_window_get_catalog (window);
  g_assert_nonnull (catalog);
  /* Nothing created yet: the METI guideline, not the first by id (ISMAP) */
  g_assert_cmpstr (tenken_catalog_get_id (catalog), ==, "meti-cip-guidelines");

  /* The roles offered are the catalog's */
  g_assert_cmpint (tenken_scope_editor_get_available_roles (editor), ==, tenken_catalog_get_roles (catalog));
  g_assert_false (_tenken_new_assessment_window_get_can_create (window));

  /* Required fields filled: Create becomes possible */
  scope = tenken_scope_new ();
  tenken_scope_set_organisation (scope, "Example Corporation");
  tenken_scope_set_service (scope, "Cloud Portal");
  tenken_scope_set_roles (scope, tenken_catalog_get_roles (catalog));
  tenken_scope_editor_set_scope (editor, scope);
  g_assert_true (_tenken_new_assessment_window_get_can_create (window));

  /* A file that is no catalog: a dialog says why; nothing changes */
  bad_path = g_build_filename (ui_test_get_tmp_dir (), "page.xml", NULL);
  g_file_set_contents (bad_path, "<html><body>Not a catalog</body></html>", -1, &error);
  g_assert_no_error (error);
  bad = g_file_new_for_path (bad_path);
  _tenken_new_assessment_window_import (window, bad);
  wait_for_import (window);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "page.xml"));
  g_assert_true (_tenken_new_assessment_window_get_catalog (window) == catalog);
  gtk_window_destroy (dialog);

  /* A real OSCAL catalog is imported and chosen */
  good = g_file_new_build_filename (g_getenv ("TENKEN_SHARED_DIR"), "testdata", "oscal-basic-catalog.xml", NULL);
  _tenken_new_assessment_window_import (window, good);
  wait_for_import (window);
  g_assert_null (ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  catalog = _tenken_new_assessment_window_get_catalog (window);
  g_assert_nonnull (catalog);
  g_assert_true (tenken_catalog_registry_is_user_catalog (registry, catalog));
  g_assert_cmpint (tenken_scope_editor_get_available_roles (editor), ==, tenken_catalog_get_roles (catalog));

  ui_test_destroy_toplevels ();
}

static void
test_new_assessment_create (void)
{
  GtkApplication *app;
  g_autoptr(TenkenScope) scope = tenken_scope_new ();
  g_autofree char *chosen_path = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  TenkenNewAssessmentWindow *window;
  TenkenScopeEditor *editor;
  TenkenCatalog *catalog;
  GtkWindow *document_window;
  GtkWindow *dialog;
  TenkenDocument *document;

  if (!ui_test_require_display ())
    return;

  app = ui_test_get_application ();
  window = TENKEN_NEW_ASSESSMENT_WINDOW (tenken_new_assessment_window_new (NULL, NULL));
  /* Shown, since only a shown window closes */
  gtk_window_present (GTK_WINDOW (window));
  editor = TENKEN_SCOPE_EDITOR (ui_test_find_descendant (GTK_WIDGET (window), TENKEN_TYPE_SCOPE_EDITOR));
  choose_catalog (window, "ismap-basic-regulations");
  catalog = _tenken_new_assessment_window_get_catalog (window);
  tenken_scope_set_organisation (scope, "Example Corporation");
  tenken_scope_set_service (scope, "Payments");
  tenken_scope_set_roles (scope, tenken_catalog_get_roles (catalog));
  tenken_scope_editor_set_scope (editor, scope);

  /* Saved without the suffix: it is added, and the document is shown */
  chosen_path = g_build_filename (ui_test_get_tmp_dir (), "Payments 2026", NULL);
  path = g_strconcat (chosen_path, ".tenken", NULL);
  chosen = g_file_new_for_path (chosen_path);
  file = g_file_new_for_path (path);
  _tenken_new_assessment_window_create_at (window, chosen);

  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_null (ui_test_find_toplevel (TENKEN_TYPE_NEW_ASSESSMENT_WINDOW));
  document_window = tenken_application_find_window (TENKEN_APPLICATION (app), file);
  g_assert_nonnull (document_window);
  document = tenken_window_get_document (TENKEN_WINDOW (document_window));
  g_assert_cmpstr (tenken_catalog_get_id (tenken_document_get_catalog (document)), ==,
                   tenken_catalog_get_id (catalog));
  g_assert_cmpstr (tenken_window_get_subtitle (TENKEN_WINDOW (document_window)), ==,
                   "Example Corporation — Payments");

  /* Creating over the open document is refused, and it stays as it is */
  window = TENKEN_NEW_ASSESSMENT_WINDOW (tenken_new_assessment_window_new (NULL, NULL));
  /* The next assessment starts from the catalog used last */
  g_assert_cmpstr (tenken_catalog_get_id (_tenken_new_assessment_window_get_catalog (window)), ==,
                   "ismap-basic-regulations");
  editor = TENKEN_SCOPE_EDITOR (ui_test_find_descendant (GTK_WIDGET (window), TENKEN_TYPE_SCOPE_EDITOR));
  tenken_scope_set_service (scope, "Other");
  tenken_scope_editor_set_scope (editor, scope);
  _tenken_new_assessment_window_create_at (window, file);

  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_true (tenken_application_find_window (TENKEN_APPLICATION (app), file) == document_window);
  g_assert_true (tenken_window_get_document (TENKEN_WINDOW (document_window)) == document);
  g_assert_true (g_file_query_exists (file, NULL));

  ui_test_destroy_toplevels ();
}

static void
test_properties_save (void)
{
  GtkApplication *app;
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(TenkenScope) scope = NULL;
  g_autoptr(TenkenScope) stored = NULL;
  TenkenWindow *window;
  GtkWindow *properties;
  TenkenScopeEditor *editor;
  GtkWidget *view;

  if (!ui_test_require_display ())
    return;

  app = ui_test_get_application ();
  document = ui_test_create_document ("Properties", "meti-cip-guidelines");
  window = tenken_window_new (ADW_APPLICATION (app));
  tenken_window_set_document (window, document);

  /* win.properties opens the properties window on the document's scope */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.properties", NULL));
  properties = ui_test_find_toplevel (TENKEN_TYPE_PROPERTIES_WINDOW);
  g_assert_nonnull (properties);
  editor = TENKEN_SCOPE_EDITOR (ui_test_find_descendant (GTK_WIDGET (properties),
                                                         TENKEN_TYPE_SCOPE_EDITOR));
  g_assert_nonnull (editor);
  g_assert_true (tenken_scope_editor_get_valid (editor));

  /* An invalid scope cannot be saved */
  scope = tenken_document_dup_scope (document);
  tenken_scope_set_service (scope, NULL);
  tenken_scope_editor_set_scope (editor, scope);
  g_assert_false (tenken_scope_editor_get_valid (editor));
  gtk_widget_activate_action (GTK_WIDGET (properties), "properties.save", NULL);
  stored = tenken_document_dup_scope (document);
  g_assert_cmpstr (tenken_scope_get_service (stored), ==, "Cloud Portal");
  g_clear_object (&stored);
  g_assert_true (ui_test_find_toplevel (TENKEN_TYPE_PROPERTIES_WINDOW) == properties);

  /* A valid one is written, and the window's subtitle follows */
  tenken_scope_set_service (scope, "Billing API");
  tenken_scope_editor_set_scope (editor, scope);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (properties), "properties.save", NULL));

  stored = tenken_document_dup_scope (document);
  g_assert_cmpstr (tenken_scope_get_service (stored), ==, "Billing API");
  g_assert_cmpstr (tenken_window_get_subtitle (window), ==, "Example Corporation — Billing API");
  g_assert_null (ui_test_find_toplevel (TENKEN_TYPE_PROPERTIES_WINDOW));
  g_clear_object (&stored);

  /* The scope change is one undo step of the document view, like any edit */
  view = ui_test_find_descendant (GTK_WIDGET (window), TENKEN_TYPE_DOCUMENT_VIEW);
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_activate_action (view, "view.undo", NULL));
  stored = tenken_document_dup_scope (document);
  g_assert_cmpstr (tenken_scope_get_service (stored), ==, "Cloud Portal");
  g_assert_cmpstr (tenken_window_get_subtitle (window), ==, "Example Corporation — Cloud Portal");

  ui_test_destroy_toplevels ();
}

static void
test_actions (void)
{
  GtkApplication *app;
  g_autoptr(TenkenDocument) document = NULL;
  g_auto(GStrv) accels = NULL;
  static const char *action_names[] = { "win.properties", "win.export", "win.declare", "win.close" };
  GtkWidget *buttons[G_N_ELEMENTS (action_names)];
  GtkWidget *header_bar;
  TenkenWindow *window;

  if (!ui_test_require_display ())
    return;

  app = ui_test_get_application ();

  /* The accelerators of HELPERS.md */
  accels = gtk_application_get_accels_for_action (app, "win.properties");
  g_assert_cmpstr (accels[0], ==, "<Alt>Return");
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (app, "app.new");
  g_assert_cmpstr (accels[0], ==, "<Control>n");

  window = tenken_window_new (ADW_APPLICATION (app));
  header_bar = ui_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  g_assert_nonnull (header_bar);

  /* Buttons show whether their action is enabled */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      buttons[i] = gtk_button_new ();
      gtk_actionable_set_action_name (GTK_ACTIONABLE (buttons[i]), action_names[i]);
      adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), buttons[i]);
    }

  /* No document yet: nothing to show properties of, export or declare */
  g_assert_false (gtk_widget_get_sensitive (buttons[0]));
  g_assert_false (gtk_widget_get_sensitive (buttons[1]));
  g_assert_false (gtk_widget_get_sensitive (buttons[2]));
  g_assert_true (gtk_widget_get_sensitive (buttons[3]));

  document = ui_test_create_document ("Actions", "ismap-basic-regulations");
  tenken_window_set_document (window, document);
  g_assert_true (gtk_widget_get_sensitive (buttons[0]));
  g_assert_true (gtk_widget_get_sensitive (buttons[1]));
  g_assert_true (gtk_widget_get_sensitive (buttons[2]));

  /* win.close closes */
  g_object_ref (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_object_unref (window);

  ui_test_destroy_toplevels ();
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = NULL;
  GtkWidget *window;
  GtkWidget *owner_row;
  GtkWidget *first_switch;

  if (!ui_test_require_display ())
    return;

  settings = tenken_settings_try_new ();
  g_assert_nonnull (settings);
  g_settings_set_boolean (settings, "show-not-applicable", TRUE);

  window = tenken_preferences_window_new (NULL, settings);
  owner_row = ui_test_find_descendant (window, ADW_TYPE_ENTRY_ROW);
  first_switch = ui_test_find_descendant (window, GTK_TYPE_SWITCH);
  g_assert_nonnull (owner_row);
  g_assert_nonnull (first_switch);

  /* Bound both ways */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (first_switch)));
  gtk_switch_set_active (GTK_SWITCH (first_switch), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "show-not-applicable"));

  gtk_editable_set_text (GTK_EDITABLE (owner_row), "Security Team");
  {
    g_autofree char *owner = g_settings_get_string (settings, "default-owner");

    g_assert_cmpstr (owner, ==, "Security Team");
  }

  g_settings_set_string (settings, "default-owner", "Audit");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner_row)), ==, "Audit");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_state (void)
{
  g_autoptr(GSettings) settings = NULL;
  TenkenWindow *window;
  int width, height;

  if (!ui_test_require_display ())
    return;

  settings = tenken_settings_try_new ();
  g_settings_set_int (settings, "window-width", 777);
  g_settings_set_int (settings, "window-height", 555);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  /* Restored from the settings */
  window = tenken_window_new (ADW_APPLICATION (ui_test_get_application ()));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);

  /* Saved on close */
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  ui_test_destroy_toplevels ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ui_test_init ();

  g_test_add_func ("/ui/shell/date-row", test_date_row);
  g_test_add_func ("/ui/shell/scope-editor", test_scope_editor);
  g_test_add_func ("/ui/shell/open/not-tenken", test_open_not_tenken);
  g_test_add_func ("/ui/shell/open/missing", test_open_missing);
  g_test_add_func ("/ui/shell/open/one-window-per-document", test_one_window_per_document);
  g_test_add_func ("/ui/shell/open/in-use", test_open_in_use);
  g_test_add_func ("/ui/shell/open/drop", test_open_by_drop);
  g_test_add_func ("/ui/shell/open/recent", test_recent_documents);
  g_test_add_func ("/ui/shell/close/unsaved-text", test_close_with_unsaved_text);
  g_test_add_func ("/ui/shell/close/discard-unsaved-text", test_close_discarding_unsaved_text);
  g_test_add_func ("/ui/shell/new-assessment", test_new_assessment);
  g_test_add_func ("/ui/shell/new-assessment/create", test_new_assessment_create);
  g_test_add_func ("/ui/shell/properties/save", test_properties_save);
  g_test_add_func ("/ui/shell/actions", test_actions);
  g_test_add_func ("/ui/shell/preferences", test_preferences);
  g_test_add_func ("/ui/shell/window-state", test_window_state);

  return g_test_run ();
}
