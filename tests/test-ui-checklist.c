/* test-ui-checklist.c: answer an item through the checklist widgets
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "tenken-app-types.h"
#include "tenken-core.h"
#include "tenken-document-view-private.h"
#include "tenken-item-filter.h"
#include "tenken-item-row.h"
#include "tenken-sidebar-private.h"
#include "tenken-evidence-row.h"
#include "ui-test-utils.h"

#define ITEM_LABEL "S(2)-1.4"
#define EVIDENCE_CONTENT "Patch log 2026-04: 42 hosts updated.\n"

typedef struct
{
  char               *dir;
  GFile              *file;
  TenkenDocument     *document;
  GtkWidget          *window;
  TenkenDocumentView *view;
} Fixture;

/* Runs the main loop until @done holds or 10 s pass */
#define WAIT_FOR(cond) \
  G_STMT_START { \
    gint64 _end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < _end) \
      g_main_context_iteration (NULL, TRUE); \
    g_assert_true (cond); \
  } G_STMT_END

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) catalog_file = NULL;
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autoptr(TenkenScope) scope = tenken_scope_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  catalog_file = g_file_new_build_filename (g_getenv ("TENKEN_DATA_DIR"), "catalogs",
                                            "meti-cip-guidelines.xml", NULL);
  catalog = tenken_catalog_new_from_file (catalog_file, NULL, &error);
  g_assert_no_error (error);

  f->dir = g_dir_make_tmp ("tenken-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_file_new_build_filename (f->dir, "checklist.tenken", NULL);

  tenken_scope_set_organisation (scope, "Example K.K.");
  tenken_scope_set_service (scope, "Example Cloud");
  tenken_scope_set_roles (scope, TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_SUPPLIER | TENKEN_ROLE_OPERATOR);
  f->document = tenken_document_create (f->file, catalog, scope, &error);
  g_assert_no_error (error);

  f->window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  overlay = adw_toast_overlay_new ();
  f->view = TENKEN_DOCUMENT_VIEW (tenken_document_view_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  tenken_document_view_set_document (f->view, f->document);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&f->window)));
  if (f->document != NULL)
    tenken_document_close (f->document);
  g_clear_object (&f->document);
  remove_tree (f->dir);
  g_clear_object (&f->file);
  g_free (f->dir);
}

/* Selects the row showing @label through the list's own selection model */
static TenkenResponse *
select_in_list (Fixture    *f,
                const char *label)
{
  GtkSelectionModel *model = gtk_list_view_get_model (tenken_document_view_get_item_list (f->view));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (G_LIST_MODEL (model), i);
      TenkenCatalogNode *node = TENKEN_CATALOG_NODE (tenken_response_get_item (response));

      if (g_str_equal (tenken_catalog_node_get_label (node), label))
        {
          g_assert_true (gtk_selection_model_select_item (model, i, TRUE));
          return response;
        }
    }

  g_assert_not_reached ();
}

static guint
n_listed (Fixture *f)
{
  GtkSelectionModel *model = gtk_list_view_get_model (tenken_document_view_get_item_list (f->view));

  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static void
test_answer_item (Fixture       *f,
                  gconstpointer  data)
{
  TenkenItemDetail *detail = tenken_document_view_get_detail (f->view);
  TenkenResponse *response;
  GtkTextView *statement_view;
  g_autofree char *evidence_path = NULL;
  g_autoptr(GFile) evidence_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenDocument) reopened = NULL;
  g_autoptr(GListModel) evidence = NULL;
  g_autofree char *item_id = NULL;
  g_autofree char *expected_sha = NULL;
  TenkenResponse *stored;
  TenkenEvidence *ev;

  /* All 69 items apply to developer/supplier/operator but category (6)'s */
  g_assert_cmpuint (n_listed (f), >, 0);
  g_assert_cmpuint (n_listed (f), <, 69);

  response = select_in_list (f, ITEM_LABEL);
  g_assert_true (tenken_item_detail_get_response (detail) == response);
  item_id = g_strdup (tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (response))));

  /* Status through the view's action (Ctrl+1) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "view.set-status", "s", "implemented"));
  g_assert_cmpint (tenken_response_get_status (response), ==, TENKEN_STATUS_IMPLEMENTED);
  g_assert_cmpuint (adw_combo_row_get_selected (tenken_item_detail_get_status_row (detail)), ==,
                    TENKEN_STATUS_IMPLEMENTED);

  /* The statement is saved after a pause, without any Save button */
  statement_view = tenken_item_detail_get_statement_view (detail);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (statement_view),
                            "パッチは毎月適用しています。", -1);
  WAIT_FOR (g_strcmp0 (tenken_response_get_statement (response), "パッチは毎月適用しています。") == 0);

  /* The owner is saved stripped while the typed space stays in the field */
  gtk_editable_set_text (tenken_item_detail_get_owner (detail), "Yamada ");
  WAIT_FOR (g_strcmp0 (tenken_response_get_owner (response), "Yamada") == 0);
  g_assert_cmpstr (gtk_editable_get_text (tenken_item_detail_get_owner (detail)), ==, "Yamada ");

  /* Attach through the code path the file chooser and drops use */
  evidence_path = g_build_filename (f->dir, "patch-log.txt", NULL);
  g_assert_true (g_file_set_contents (evidence_path, EVIDENCE_CONTENT, -1, &error));
  evidence_file = g_file_new_for_path (evidence_path);
  tenken_item_detail_attach_files (detail, &evidence_file, 1);
  g_assert_true (tenken_item_detail_is_busy (detail));
  WAIT_FOR (!tenken_item_detail_is_busy (detail));
  g_assert_cmpuint (tenken_response_get_evidence_count (response), ==, 1);

  /* Opening a file evidence copies it out in a thread: the pane is busy,
   * then not. (Of a type nothing opens, so no application starts.) */
  {
    g_autofree char *bin_path = g_build_filename (f->dir, "capture.tenken-test-bin", NULL);
    g_autoptr(GFile) bin = NULL;
    g_autoptr(GListModel) item_evidence = NULL;
    g_autoptr(TenkenEvidence) added = NULL;
    const char bytes[] = { 0x00, 0x01, 0x02, (char) 0xff, 0x00, 0x7f };

    g_assert_true (g_file_set_contents (bin_path, bytes, sizeof bytes, &error));
    bin = g_file_new_for_path (bin_path);
    tenken_item_detail_attach_files (detail, &bin, 1);
    WAIT_FOR (!tenken_item_detail_is_busy (detail));
    item_evidence = tenken_document_list_item_evidence (f->document, item_id);
    g_assert_cmpuint (g_list_model_get_n_items (item_evidence), ==, 2);
    for (guint i = 0; i < 2 && added == NULL; i++)
      {
        g_autoptr(TenkenEvidence) e = g_list_model_get_item (item_evidence, i);

        if (g_str_equal (tenken_evidence_get_name (e), "capture.tenken-test-bin"))
          added = g_steal_pointer (&e);
      }
    g_assert_nonnull (added);

    gtk_widget_activate_action (GTK_WIDGET (detail), "detail.open-evidence", "x",
                                tenken_evidence_get_id (added));
    g_assert_true (tenken_item_detail_is_busy (detail));
    WAIT_FOR (!tenken_item_detail_is_busy (detail));

    /* Removed again, so the checks below see the one evidence */
    g_assert_true (tenken_document_remove_evidence (f->document, tenken_evidence_get_id (added), &error));
    g_assert_no_error (error);
  }

  /* Flag and unflag (Ctrl+M) */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.toggle-flag", NULL);
  g_assert_true (tenken_response_get_flagged (response));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.toggle-flag", NULL);
  g_assert_false (tenken_response_get_flagged (response));

  /* Close and re-open through the core */
  tenken_document_view_set_document (f->view, NULL);
  tenken_document_close (f->document);
  g_clear_object (&f->document);

  reopened = tenken_document_open (f->file, TENKEN_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  stored = tenken_document_get_response (reopened, item_id);
  g_assert_cmpint (tenken_response_get_status (stored), ==, TENKEN_STATUS_IMPLEMENTED);
  g_assert_cmpstr (tenken_response_get_statement (stored), ==, "パッチは毎月適用しています。");
  g_assert_false (tenken_response_get_flagged (stored));
  g_assert_cmpstr (tenken_response_get_owner (stored), ==, "Yamada");

  evidence = tenken_document_list_item_evidence (reopened, item_id);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);
  ev = g_list_model_get_item (evidence, 0);
  expected_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, EVIDENCE_CONTENT, -1);
  g_assert_cmpstr (tenken_evidence_get_sha256 (ev), ==, expected_sha);
  g_assert_cmpstr (tenken_evidence_get_name (ev), ==, "patch-log.txt");
  g_object_unref (ev);
  tenken_document_close (reopened);
}

static void
test_status_rules_and_undo (Fixture       *f,
                            gconstpointer  data)
{
  TenkenItemDetail *detail = tenken_document_view_get_detail (f->view);
  TenkenResponse *response = select_in_list (f, ITEM_LABEL);

  /* Not applicable waits for its justification, with a hint */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.set-status", "s", "not-applicable");
  g_assert_cmpint (tenken_response_get_status (response), ==, TENKEN_STATUS_NOT_STARTED);
  g_assert_nonnull (tenken_item_detail_get_hint (detail));
  g_assert_cmpuint (adw_combo_row_get_selected (tenken_item_detail_get_status_row (detail)), ==,
                    TENKEN_STATUS_NOT_APPLICABLE);

  gtk_editable_set_text (tenken_item_detail_get_justification (detail), "No software is developed");
  WAIT_FOR (tenken_response_get_status (response) == TENKEN_STATUS_NOT_APPLICABLE);
  g_assert_cmpstr (tenken_response_get_justification (response), ==, "No software is developed");
  g_assert_null (tenken_item_detail_get_hint (detail));

  /* Planned waits for a target date */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.set-status", "s", "planned");
  g_assert_cmpint (tenken_response_get_status (response), ==, TENKEN_STATUS_NOT_APPLICABLE);
  g_assert_nonnull (tenken_item_detail_get_hint (detail));
  /* Changing one's mind drops the pending status */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.set-status", "s", "partial");
  g_assert_cmpint (tenken_response_get_status (response), ==, TENKEN_STATUS_PARTIAL);
  g_assert_null (tenken_item_detail_get_hint (detail));

  /* Ctrl+Z: back to not applicable, then to not started; Ctrl+Shift+Z again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "view.undo", NULL));
  g_assert_cmpint (tenken_response_get_status (response), ==, TENKEN_STATUS_NOT_APPLICABLE);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.undo", NULL);
  g_assert_cmpint (tenken_response_get_status (response), ==, TENKEN_STATUS_NOT_STARTED);
  g_assert_cmpuint (adw_combo_row_get_selected (tenken_item_detail_get_status_row (detail)), ==,
                    TENKEN_STATUS_NOT_STARTED);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.redo", NULL);
  g_assert_cmpint (tenken_response_get_status (response), ==, TENKEN_STATUS_NOT_APPLICABLE);
}

static void
test_search_and_navigation (Fixture       *f,
                            gconstpointer  data)
{
  GtkEditable *search = tenken_document_view_get_search_entry (f->view);
  guint all = n_listed (f);
  TenkenResponse *first, *second;
  GtkSelectionModel *model = gtk_list_view_get_model (tenken_document_view_get_item_list (f->view));

  /* Full-width search text finds the half-width label */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.search", NULL);
  gtk_editable_set_text (search, "Ｓ(2)-1.4");
  WAIT_FOR (n_listed (f) == 1);
  gtk_editable_set_text (search, "");
  WAIT_FOR (n_listed (f) == all);

  /* Alt+Down / Alt+Up move through the list */
  first = select_in_list (f, "S(1)-1.1");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.next-item", NULL);
  second = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
  g_assert_true (second != first);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.previous-item", NULL);
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model)) == first);

  /* Selecting by id (what the dashboard asks for) works while filtered */
  gtk_editable_set_text (search, "S(1)-1.1");
  WAIT_FOR (n_listed (f) < all);
  {
    TenkenResponse *target = tenken_document_get_response_by_label (f->document, ITEM_LABEL);
    const char *id = tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (target)));

    g_assert_true (tenken_document_view_select_item (f->view, id));
    g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model)) == target);
  }
  g_assert_false (tenken_document_view_select_item (f->view, "no-such-item"));

  /* The dashboard's "item-activated" shows the item on the checklist page */
  {
    TenkenResponse *target = tenken_document_get_response_by_label (f->document, "S(3)-1.1");
    const char *id = tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (target)));

    gtk_widget_activate_action (GTK_WIDGET (f->view), "view.show-page", "s", "dashboard");
    g_signal_emit_by_name (tenken_document_view_get_dashboard (f->view), "item-activated", id);
    g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model)) == target);
  }

  /* Let the list settle before the window goes */
  run_for (50);
}

static void
test_failed_write_keeps_text (Fixture       *f,
                              gconstpointer  data)
{
  TenkenItemDetail *detail = tenken_document_view_get_detail (f->view);
  g_autoptr(GError) error = NULL;
  TenkenResponse *response;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  /* A read-only document refuses every write */
  tenken_document_view_set_document (f->view, NULL);
  tenken_document_close (f->document);
  g_clear_object (&f->document);
  f->document = tenken_document_open (f->file, TENKEN_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  tenken_document_view_set_document (f->view, f->document);

  response = select_in_list (f, ITEM_LABEL);
  buffer = gtk_text_view_get_buffer (tenken_item_detail_get_statement_view (detail));
  gtk_text_buffer_set_text (buffer, "Typed while the file cannot be written", -1);
  tenken_item_detail_flush (detail);

  /* Nothing stored, and what the user typed is still there */
  g_assert_null (tenken_response_get_statement (response));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Typed while the file cannot be written");

  /* Status changes are refused too, and the chooser shows the stored one */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.set-status", "s", "implemented");
  g_assert_cmpint (tenken_response_get_status (response), ==, TENKEN_STATUS_NOT_STARTED);
  g_assert_cmpuint (adw_combo_row_get_selected (tenken_item_detail_get_status_row (detail)), ==,
                    TENKEN_STATUS_NOT_STARTED);
}

static char *
statement_text (TenkenItemDetail *detail)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (tenken_item_detail_get_statement_view (detail));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A save that fails on a full disk is not forgotten: the item stays shown
 * with the typing and the error, and the next flush saves it */
static void
test_failed_save_retried (Fixture       *f,
                          gconstpointer  data)
{
  TenkenItemDetail *detail = tenken_document_view_get_detail (f->view);
  GtkSelectionModel *model = gtk_list_view_get_model (tenken_document_view_get_item_list (f->view));
  const char *typed = "Typed while the disk is full";
  g_autoptr(TenkenDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *item_id = NULL;
  TenkenResponse *response, *other;

  response = select_in_list (f, ITEM_LABEL);
  item_id = g_strdup (tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (response))));

  ui_test_disk_full ();

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (tenken_item_detail_get_statement_view (detail)),
                            typed, -1);
  g_assert_false (tenken_item_detail_flush (detail));
  g_assert_null (tenken_response_get_statement (response));
  g_assert_true (tenken_item_detail_has_save_error (detail));

  /* Going to another item retries, fails again, and stays */
  other = select_in_list (f, "S(1)-1.1");
  g_assert_true (other != response);
  g_assert_true (tenken_item_detail_get_response (detail) == response);
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model)) == response);
  text = statement_text (detail);
  g_assert_cmpstr (text, ==, typed);
  g_assert_true (tenken_item_detail_has_save_error (detail));

  /* Space again: the flush saves it and the error goes */
  ui_test_disk_has_room ();
  g_assert_true (tenken_item_detail_flush (detail));
  g_assert_cmpstr (tenken_response_get_statement (response), ==, typed);
  g_assert_false (tenken_item_detail_has_save_error (detail));

  /* Now the other item can be shown */
  other = select_in_list (f, "S(1)-1.1");
  g_assert_true (tenken_item_detail_get_response (detail) == other);

  /* And it is in the file */
  tenken_document_view_set_document (f->view, NULL);
  tenken_document_close (f->document);
  g_clear_object (&f->document);
  reopened = tenken_document_open (f->file, TENKEN_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tenken_response_get_statement (tenken_document_get_response (reopened, item_id)), ==, typed);
  tenken_document_close (reopened);
}

static void
test_scope_and_settings (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(TenkenResponse) copy = NULL;
  g_autoptr(GError) error = NULL;
  guint in_scope = n_listed (f);
  guint all = g_list_model_get_n_items (tenken_document_get_responses (f->document));

  /* Category (6) is addressed to customers: out of this scope, until shown */
  g_assert_cmpuint (in_scope, <, all);
  g_object_set (f->view, "show-other-roles", TRUE, NULL);
  g_assert_cmpuint (n_listed (f), ==, all);
  g_object_set (f->view, "show-other-roles", FALSE, NULL);
  g_assert_cmpuint (n_listed (f), ==, in_scope);

  /* Not applicable items can be hidden */
  copy = tenken_response_copy (tenken_document_get_response_by_label (f->document, ITEM_LABEL));
  tenken_response_set_justification (copy, "Out of scope");
  tenken_response_set_status (copy, TENKEN_STATUS_NOT_APPLICABLE);
  g_assert_true (tenken_document_set_response (f->document, copy, &error));
  g_assert_no_error (error);
  g_object_set (f->view, "show-not-applicable", FALSE, NULL);
  g_assert_cmpuint (n_listed (f), ==, in_scope - 1);
  g_object_set (f->view, "show-not-applicable", TRUE, NULL);
  g_assert_cmpuint (n_listed (f), ==, in_scope);
}

/* The "Default Owner" preference fills the owner of an item answered for
 * the first time, and never replaces an owner someone chose */
static void
test_default_owner (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TenkenResponse *response = select_in_list (f, ITEM_LABEL);
  TenkenResponse *other;

  g_settings_set_string (settings, "default-owner", "  Security Team ");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.set-status", "s", "partial");
  WAIT_FOR (tenken_response_get_status (response) == TENKEN_STATUS_PARTIAL);
  g_assert_cmpstr (tenken_response_get_owner (response), ==, "Security Team");

  /* An item that already has an owner keeps it */
  other = select_in_list (f, "S(1)-1.1");
  gtk_editable_set_text (tenken_item_detail_get_owner (tenken_document_view_get_detail (f->view)), "Sato");
  tenken_item_detail_flush (tenken_document_view_get_detail (f->view));
  g_assert_cmpstr (tenken_response_get_owner (other), ==, "Sato");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.set-status", "s", "implemented");
  WAIT_FOR (tenken_response_get_status (other) == TENKEN_STATUS_IMPLEMENTED);
  g_assert_cmpstr (tenken_response_get_owner (other), ==, "Sato");

  g_settings_reset (settings, "default-owner");
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

/* The title of the history row at @index: its first label */
static const char *
row_title (GtkListBox *list,
           int         index)
{
  GtkWidget *label = ui_test_find_descendant (GTK_WIDGET (gtk_list_box_get_row_at_index (list, index)),
                                              GTK_TYPE_LABEL);

  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static void
test_history_latest (Fixture       *f,
                     gconstpointer  data)
{
  TenkenItemDetail *detail = tenken_document_view_get_detail (f->view);
  GtkListBox *history = tenken_item_detail_get_history_list (detail);
  TenkenResponse *live = tenken_document_get_response_by_label (f->document, ITEM_LABEL);
  g_autoptr(GError) error = NULL;
  GtkButton *button;

  /* Seven changes of owner; the newest names Owner 7 */
  for (guint i = 1; i <= 7; i++)
    {
      g_autoptr(TenkenResponse) copy = tenken_response_copy (live);
      g_autofree char *owner = g_strdup_printf ("Owner %u", i);

      tenken_response_set_owner (copy, owner);
      g_assert_true (tenken_document_set_response (f->document, copy, &error));
      g_assert_no_error (error);
    }

  /* A short list of the latest five, newest first, and a way to the rest */
  select_in_list (f, ITEM_LABEL);
  WAIT_FOR (n_rows (history) == 5);
  g_assert_cmpstr (row_title (history, 0), ==,
                   "Owner: Owner 6 → Owner 7");
  button = tenken_item_detail_get_history_button (detail);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (button), ==, "Show All 7 Changes");

  /* A button's activation clicks it after its pressed look */
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (button)));
  WAIT_FOR (n_rows (history) == 7);
  g_assert_null (tenken_item_detail_get_history_button (detail));
  g_assert_cmpstr (row_title (history, 6), ==,
                   "Owner: none → Owner 1");

  /* An edit keeps the whole list open: it is the same item */
  {
    g_autoptr(TenkenResponse) copy = tenken_response_copy (live);

    tenken_response_set_owner (copy, "Owner 8");
    g_assert_true (tenken_document_set_response (f->document, copy, &error));
    g_assert_no_error (error);
  }
  WAIT_FOR (n_rows (history) == 8);

  /* Another item and back: the short list again */
  select_in_list (f, "S(1)-1.1");
  WAIT_FOR (n_rows (history) == 0);
  g_assert_null (tenken_item_detail_get_history_button (detail));
  select_in_list (f, ITEM_LABEL);
  WAIT_FOR (n_rows (history) == 5);
  g_assert_nonnull (tenken_item_detail_get_history_button (detail));
}


/* Whether a row titled @title is at or below @root */
static gboolean
has_row_titled (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return TRUE;
  /* History rows are plain rows of labels */
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), title) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_row_titled (child, title))
      return TRUE;

  return FALSE;
}

/* The message dialog the view just presented */
static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
test_evidence_dialogs (Fixture       *f,
                       gconstpointer  data)
{
  TenkenItemDetail *detail = tenken_document_view_get_detail (f->view);
  TenkenResponse *response = select_in_list (f, ITEM_LABEL);
  const char *item_id = tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (response)));
  g_autofree char *path = g_build_filename (f->dir, "scan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) evidence = NULL;
  g_autoptr(TenkenEvidence) link = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  /* A link, through the Add Link dialog; only http(s) can be added */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.add-url", NULL));
  WAIT_FOR ((dialog = find_dialog ()) != NULL);
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (entry, "ftp://example.com/policy");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (entry, "https://example.com/policy");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  /* What a click does: the response, then the dialog goes */
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (tenken_response_get_evidence_count (response), ==, 1);

  /* A file, then removed after confirming */
  g_assert_true (g_file_set_contents (path, "%PDF-1.4 scan", -1, &error));
  tenken_item_detail_attach_files (detail, &file, 1);
  WAIT_FOR (!tenken_item_detail_is_busy (detail));
  g_assert_cmpuint (tenken_response_get_evidence_count (response), ==, 2);

  evidence = tenken_document_list_item_evidence (f->document, item_id);
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(TenkenEvidence) ev = g_list_model_get_item (evidence, i);

      if (tenken_evidence_get_kind (ev) == TENKEN_EVIDENCE_URL)
        link = g_object_ref (ev);
      else
        {
          /* Cancel keeps it, Remove removes it */
          gtk_widget_activate_action (GTK_WIDGET (detail), "detail.remove-evidence", "x",
                                      tenken_evidence_get_id (ev));
          WAIT_FOR ((dialog = find_dialog ()) != NULL);
          adw_message_dialog_response (dialog, "cancel");
          gtk_window_destroy (GTK_WINDOW (dialog));
          g_assert_cmpuint (tenken_response_get_evidence_count (response), ==, 2);

          gtk_widget_activate_action (GTK_WIDGET (detail), "detail.remove-evidence", "x",
                                      tenken_evidence_get_id (ev));
          WAIT_FOR ((dialog = find_dialog ()) != NULL);
          adw_message_dialog_response (dialog, "remove");
          gtk_window_destroy (GTK_WINDOW (dialog));
          /* removed in a thread: busy until it is done */
          g_assert_true (tenken_item_detail_is_busy (detail));
          WAIT_FOR (!tenken_item_detail_is_busy (detail));
        }
    }

  g_assert_cmpuint (tenken_response_get_evidence_count (response), ==, 1);
  /* The item's history names what was removed */
  WAIT_FOR (has_row_titled (GTK_WIDGET (detail), "Evidence removed: scan.pdf"));
  g_assert_true (has_row_titled (GTK_WIDGET (detail), "Evidence added: scan.pdf"));
  g_assert_nonnull (link);
  g_assert_cmpstr (tenken_evidence_get_url (link), ==, "https://example.com/policy");
}

/* The visible file chooser dialog titled @title, or NULL */
static GtkDialog *
find_chooser (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (gtk_window_get_title (window), title) == 0)
        return GTK_DIALOG (window);
    }

  return NULL;
}

/* What an evidence row says: a file's size (in the UI's words), date and
 * short hash; a link named by its URL shows it once */
static void
test_evidence_row (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "policy.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TenkenEvidence) text = NULL;
  g_autoptr(TenkenEvidence) link = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso_today = tenken_date_today ();
  g_autofree char *today = tenken_date_format_for_display (iso_today);
  g_autofree char *expected = NULL;
  GtkWidget *row;

  g_assert_true (g_file_set_contents (path, "fifteen bytes!\n", -1, &error));
  text = tenken_document_add_evidence_file (f->document, file, NULL, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  row = g_object_ref_sink (tenken_evidence_row_new (text));
  expected = g_strdup_printf ("15 bytes · %s · SHA-256 %.12s", today, tenken_evidence_get_sha256 (text));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);
  g_object_unref (row);

  link = tenken_document_add_evidence_url (f->document, "https://example.com/a?b=1&c=2", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tenken_evidence_get_name (link), ==, tenken_evidence_get_url (link));
  row = g_object_ref_sink (tenken_evidence_row_new (link));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "https://example.com/a?b=1&amp;c=2");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, today);
  g_object_unref (row);
}

/* Files dropped on the detail pane (from a file manager) are attached to
 * the item shown, all of them, in a thread */
static void
test_evidence_drop (Fixture       *f,
                    gconstpointer  data)
{
  TenkenItemDetail *detail = tenken_document_view_get_detail (f->view);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (detail));
  g_autoptr(GListModel) evidence = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "firewall-rules.txt", "監査ログ.csv" };
  GtkDropTarget *target = NULL;
  TenkenResponse *response;
  GSList *files = NULL;
  gboolean accepted = FALSE;

  for (guint i = 0; target == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  response = select_in_list (f, ITEM_LABEL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);

      g_assert_true (g_file_set_contents (path, names[i], -1, &error));
      g_assert_no_error (error);
      files = g_slist_append (files, g_file_new_for_path (path));
    }

  /* What GTK emits when files are dropped */
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  WAIT_FOR (!tenken_item_detail_is_busy (detail));

  g_assert_cmpuint (tenken_response_get_evidence_count (response), ==, 2);
  evidence = tenken_document_list_item_evidence (f->document,
                                                 tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (response))));
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < 2; j++)
        {
          g_autoptr(TenkenEvidence) e = g_list_model_get_item (evidence, j);

          found |= g_str_equal (tenken_evidence_get_name (e), names[i]) &&
                   tenken_evidence_get_size (e) == strlen (names[i]);
        }
      g_assert_true (found);
    }
}

/* Ctrl+Shift+A attaches evidence even from the item list, whose own
 * binding for the keys is "unselect all". GTK 4 cannot make key events, so
 * the X server does (xdotool, XTEST), and they go all the way through. */
static void
test_attach_key_in_list (Fixture       *f,
                         gconstpointer  data)
{
#ifdef GDK_WINDOWING_X11
  GtkListView *list = tenken_document_view_get_item_list (f->view);
  GtkSelectionModel *model = gtk_list_view_get_model (list);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *xid = NULL;
  g_autoptr(GError) error = NULL;
  TenkenResponse *response;
  GtkDialog *chooser = NULL;
  GtkWidget *focus;

  if (!GDK_IS_X11_SURFACE (surface) || xdotool == NULL)
    {
      g_test_skip ("Needs X11 and xdotool");
      return;
    }

  response = select_in_list (f, ITEM_LABEL);
  /* The focus on a row of the list */
  gtk_widget_grab_focus (GTK_WIDGET (list));
  WAIT_FOR ((focus = gtk_root_get_focus (GTK_ROOT (f->window))) != NULL &&
            gtk_widget_is_ancestor (focus, GTK_WIDGET (list)));

  xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (surface));
  {
    const char *argv[] = { xdotool, "windowfocus", "--sync", xid, "key", "--clearmodifiers",
                           "ctrl+shift+a", NULL };
    g_autoptr(GSubprocess) proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);

    g_assert_no_error (error);
    g_assert_true (g_subprocess_wait_check (proc, NULL, &error));
    g_assert_no_error (error);
  }

  WAIT_FOR ((chooser = find_chooser ("Attach Evidence")) != NULL);
  /* The list did not take the keys: the item is still selected */
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model)) == response);
  gtk_dialog_response (chooser, GTK_RESPONSE_CANCEL);
  WAIT_FOR (find_chooser ("Attach Evidence") == NULL);
#else
  g_test_skip ("Needs X11");
#endif
}

/* The row's drawing as serialized render nodes */
static GBytes *
render_row (GtkWidget *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);
  g_autoptr(GskRenderNode) node = NULL;

  /* A widget's paintable is empty until the widget has drawn a frame */
  gtk_widget_queue_draw (row);
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       node == NULL && g_get_monotonic_time () < end;)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      run_for (20);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                              gtk_widget_get_width (row), gtk_widget_get_height (row));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  return gsk_render_node_serialize (node);
}

static void
test_item_row (Fixture       *f,
               gconstpointer  data)
{
  TenkenResponse *busy = tenken_document_get_response (f->document, "s1-1.1");
  TenkenResponse *bare = tenken_document_get_response (f->document, "s1-1.2");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *rows[2] = { tenken_item_row_new (), tenken_item_row_new () };
  int min[2], nat[2], height[2];
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_nonnull (busy);
  g_assert_nonnull (bare);
  /* Everything a row can show on one, nothing on the other */
  tenken_response_set_owner (busy, "情報セキュリティ委員会 運用グループ 担当者");
  tenken_response_set_due_date (busy, "2020-01-31");
  tenken_response_set_flagged (busy, TRUE);
  tenken_response_set_status (busy, TENKEN_STATUS_PARTIAL);
  tenken_item_row_set_response (TENKEN_ITEM_ROW (rows[0]), busy);
  tenken_item_row_set_response (TENKEN_ITEM_ROW (rows[1]), bare);
  g_assert_true (tenken_item_row_get_response (TENKEN_ITEM_ROW (rows[0])) == busy);

  gtk_box_append (GTK_BOX (box), rows[0]);
  gtk_box_append (GTK_BOX (box), rows[1]);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, -1);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (rows[1]) && gtk_widget_get_width (rows[1]) > 0);

  /* The size comes from the font, not the texts: GtkListView measures
   * every live row, and this keeps that from shaping them */
  for (guint i = 0; i < 2; i++)
    {
      gtk_widget_measure (rows[i], GTK_ORIENTATION_HORIZONTAL, -1, &min[i], &nat[i], NULL, NULL);
      gtk_widget_measure (rows[i], GTK_ORIENTATION_VERTICAL, -1, &height[i], NULL, NULL, NULL);
    }
  g_assert_cmpint (height[0], >, 16 * 2);
  g_assert_cmpint (height[0], ==, height[1]);
  g_assert_cmpint (min[0], ==, min[1]);
  g_assert_cmpint (nat[0], ==, nat[1]);
  /* Narrow enough for the folded window */
  g_assert_cmpint (min[0], <=, 360 - 2 * 6);

  /* A change of the live answer is drawn at once */
  before = render_row (rows[0]);
  tenken_response_set_status (busy, TENKEN_STATUS_IMPLEMENTED);
  after = render_row (rows[0]);
  g_assert_false (g_bytes_equal (before, after));

  /* Without an answer the row draws nothing */
  tenken_item_row_set_response (TENKEN_ITEM_ROW (rows[1]), NULL);
  g_assert_null (tenken_item_row_get_response (TENKEN_ITEM_ROW (rows[1])));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every place's done/total equals the document's own count for its group
 * (the sidebar counts all places in one pass) */
static void
assert_sidebar_counts (Fixture     *f,
                       TenkenRoles  roles)
{
  TenkenSidebar *sidebar = tenken_document_view_get_sidebar (f->view);
  TenkenSidebarKind kind;
  TenkenCatalogNode *node;
  guint done, total, n_places = 0;
  TenkenItemQuery attention;
  GListModel *responses = tenken_document_get_responses (f->document);
  guint n_attention = 0;

  tenken_item_query_init (&attention);
  attention.attention_only = TRUE;
  attention.roles = roles;
  for (guint i = 0; i < g_list_model_get_n_items (responses); i++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, i);

      n_attention += tenken_item_matches (response, &attention);
    }
  tenken_item_query_clear (&attention);

  for (guint i = 0; _tenken_sidebar_get_place (sidebar, i, &kind, &node, &done, &total); i++)
    {
      guint counts[TENKEN_N_STATUSES];
      guint expected;

      n_places++;
      if (kind == TENKEN_SIDEBAR_ATTENTION)
        {
          g_assert_cmpuint (total, ==, n_attention);
          continue;
        }
      expected = tenken_document_count_statuses (f->document, kind == TENKEN_SIDEBAR_ALL ? NULL : node,
                                                 roles, counts);
      g_assert_cmpuint (total, ==, expected);
      g_assert_cmpuint (done, ==, counts[TENKEN_STATUS_IMPLEMENTED] + counts[TENKEN_STATUS_NOT_APPLICABLE]);
    }
  /* All, Needs Attention, 6 categories and their 21 requirements */
  g_assert_cmpuint (n_places, ==, 2 + 6 + 21);
}

static void
test_sidebar_counts (Fixture       *f,
                     gconstpointer  data)
{
  TenkenRoles roles = TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_SUPPLIER | TENKEN_ROLE_OPERATOR;
  const char *ids[] = { "s1-1.1", "s1-1.2", "s2-1.4", "s3-1.1", "s6-1.1" };
  g_autoptr(GError) error = NULL;
  guint done, total;
  TenkenSidebarKind kind;
  TenkenCatalogNode *node;

  assert_sidebar_counts (f, roles);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(TenkenResponse) copy = tenken_response_copy (tenken_document_get_response (f->document, ids[i]));

      if (i % 2 == 0)
        tenken_response_set_status (copy, TENKEN_STATUS_IMPLEMENTED);
      else
        {
          tenken_response_set_status (copy, TENKEN_STATUS_NOT_APPLICABLE);
          tenken_response_set_justification (copy, "Not offered");
        }
      g_assert_true (tenken_document_set_response (f->document, copy, &error));
      g_assert_no_error (error);
    }

  /* Recounted once the edits are over */
  WAIT_FOR (_tenken_sidebar_get_place (tenken_document_view_get_sidebar (f->view), 0,
                                       &kind, &node, &done, &total) && done == 4);
  assert_sidebar_counts (f, roles);
}

/* The header's title (what a folded window shows instead of the view
 * switcher) names what the page shows: the sidebar's place over the
 * checklist, the document over the dashboard, which counts all of it */
static void
test_header_title (Fixture       *f,
                   gconstpointer  data)
{
  TenkenSidebar *sidebar = tenken_document_view_get_sidebar (f->view);
  AdwViewSwitcherTitle *title =
    ADW_VIEW_SWITCHER_TITLE (ui_test_find_descendant (GTK_WIDGET (f->view), ADW_TYPE_VIEW_SWITCHER_TITLE));
  GtkListView *places = GTK_LIST_VIEW (ui_test_find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (places));
  TenkenCatalogNode *node = NULL;

  g_assert_nonnull (title);
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, tenken_sidebar_get_selected_title (sidebar));

  /* The first category */
  gtk_single_selection_set_selected (selection, 2);
  g_assert_cmpint (tenken_sidebar_get_selected (sidebar, &node), ==, TENKEN_SIDEBAR_NODE);
  g_assert_cmpstr (tenken_catalog_node_get_label (node), ==, "(1)");
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, tenken_sidebar_get_selected_title (sidebar));
  g_assert_nonnull (strstr (adw_view_switcher_title_get_title (title), "Secure design"));

  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.show-page", "s", "dashboard");
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, "Example Cloud");

  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.show-page", "s", "checklist");
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, tenken_sidebar_get_selected_title (sidebar));
  run_for (50);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("No display; run under xvfb-run");
      return 77;
    }

  adw_init ();
  tenken_app_ensure_types ();

  g_test_add ("/ui/checklist/item-row", Fixture, NULL, fixture_set_up, test_item_row, fixture_tear_down);
  g_test_add ("/ui/checklist/header-title", Fixture, NULL, fixture_set_up, test_header_title, fixture_tear_down);
  g_test_add ("/ui/checklist/sidebar-counts", Fixture, NULL, fixture_set_up, test_sidebar_counts, fixture_tear_down);
  g_test_add ("/ui/checklist/answer-item", Fixture, NULL, fixture_set_up, test_answer_item, fixture_tear_down);
  g_test_add ("/ui/checklist/status-rules-undo", Fixture, NULL, fixture_set_up, test_status_rules_and_undo, fixture_tear_down);
  g_test_add ("/ui/checklist/search-navigation", Fixture, NULL, fixture_set_up, test_search_and_navigation, fixture_tear_down);

  g_test_add ("/ui/checklist/evidence-row", Fixture, NULL, fixture_set_up, test_evidence_row, fixture_tear_down);
  g_test_add ("/ui/checklist/evidence-drop", Fixture, NULL, fixture_set_up, test_evidence_drop, fixture_tear_down);
  g_test_add ("/ui/checklist/attach-key-in-list", Fixture, NULL, fixture_set_up, test_attach_key_in_list, fixture_tear_down);
  g_test_add ("/ui/checklist/history-latest", Fixture, NULL, fixture_set_up, test_history_latest, fixture_tear_down);
  g_test_add ("/ui/checklist/evidence-dialogs", Fixture, NULL, fixture_set_up, test_evidence_dialogs, fixture_tear_down);
  g_test_add ("/ui/checklist/scope-and-settings", Fixture, NULL, fixture_set_up, test_scope_and_settings, fixture_tear_down);
  g_test_add ("/ui/checklist/default-owner", Fixture, NULL, fixture_set_up, test_default_owner, fixture_tear_down);
  g_test_add ("/ui/checklist/failed-save-retried", Fixture, NULL, fixture_set_up, test_failed_save_retried, fixture_tear_down);
  g_test_add ("/ui/checklist/failed-write-keeps-text", Fixture, NULL, fixture_set_up, test_failed_write_keeps_text, fixture_tear_down);

  return g_test_run ();
}
