/* test-ui-screenshots.c: render the main screens and check they show something
 *
 * Each case builds a window in a language at a size, renders it offscreen to
 * $G_TEST_BUILDDIR/screenshots/NAME.png and fails if the PNG is blank. Add a
 * case by writing a make_*_window() function and a row in `cases`.
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ui-screenshots"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-application.h"
#include "tenken-dashboard.h"
#include "tenken-declare-window-private.h"
#include "tenken-document-view.h"
#include "tenken-export-window.h"
#include "tenken-item-detail.h"
#include "tenken-new-assessment-window.h"
#include "tenken-preferences-window.h"
#include "tenken-properties-window.h"
#include "tenken-window.h"
#include "ui-test-utils.h"

typedef GtkWindow *(*MakeWindowFunc) (void);
typedef void       (*ShownFunc)      (GtkWindow *window);

typedef struct
{
  const char     *name;
  MakeWindowFunc  make_window;
  ShownFunc       shown;        /* NULL, or waits for what comes after showing */
} Screen;

typedef struct
{
  const char *name;
  int         width;
  int         height;
} Size;

typedef struct
{
  const Screen *screen;
  const char   *language;
  const Size   *size;
  gboolean      dark;
} Case;

/* Two recent documents, so the welcome page shows its list */
static void
add_recent_documents (void)
{
  static const char *names[] = { "Cloud Portal 2026.tenken", "ISMAP renewal.tenken" };
  GtkRecentManager *manager = gtk_recent_manager_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (ui_test_get_tmp_dir (), names[i], NULL);
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, "", 0, &error);
      g_assert_no_error (error);
      g_assert_true (gtk_recent_manager_add_item (manager, uri));
    }
}

static GtkWindow *
make_welcome_window (void)
{
  return GTK_WINDOW (tenken_window_new (ADW_APPLICATION (ui_test_get_application ())));
}

static GtkWindow *
make_new_assessment_window (void)
{
  GtkWindow *window = GTK_WINDOW (tenken_new_assessment_window_new (NULL, NULL));

  gtk_window_set_application (window, ui_test_get_application ());

  return window;
}

static GtkWindow *
make_properties_window (void)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("Properties %u", ++serial);
  g_autoptr(TenkenDocument) document = ui_test_create_document (name, "meti-cip-guidelines");
  GtkWindow *window = GTK_WINDOW (tenken_properties_window_new (NULL, document));

  gtk_window_set_application (window, ui_test_get_application ());

  return window;
}

static GtkWindow *
make_export_window (void)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("Export %u", ++serial);
  g_autoptr(TenkenDocument) document = ui_test_create_document (name, "meti-cip-guidelines");
  GtkWindow *window = GTK_WINDOW (tenken_export_window_new (NULL, document));

  gtk_window_set_application (window, ui_test_get_application ());

  return window;
}

static GtkWindow *
make_declare_window (void)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("Declare %u", ++serial);
  g_autoptr(TenkenDocument) document = ui_test_create_document (name, "meti-cip-guidelines");
  GtkWindow *window = GTK_WINDOW (tenken_declare_window_new (NULL, document));

  gtk_window_set_application (window, ui_test_get_application ());
  _tenken_declare_window_fill (TENKEN_DECLARE_WINDOW (window), "Hanako Yamada",
                               "Chief Information Security Officer", "Tokyo");

  return window;
}

/* Folded (narrow), the Preview button shows the preview instead of the form */
static void
show_preview (GtkWindow *window)
{
  TenkenDeclareWindow *self = TENKEN_DECLARE_WINDOW (window);
  GtkWidget *toggle = ui_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON);

  g_assert_nonnull (toggle);
  ui_test_wait (100);
  if (gtk_widget_get_width (GTK_WIDGET (window)) < 800)
    {
      g_assert_true (gtk_widget_get_visible (toggle));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
    }
  else
    g_assert_false (gtk_widget_get_visible (toggle));

  for (guint i = 0; i < 100 && _tenken_declare_window_get_preview_pages (self) == 0; i++)
    ui_test_wait (50);
  g_assert_cmpuint (_tenken_declare_window_get_preview_pages (self), >, 0);
  /* The leaflet's transition */
  ui_test_wait (400);
}

/* The preview is drawn in a worker after a pause, once laid out */
static void
wait_for_preview (GtkWindow *window)
{
  TenkenDeclareWindow *self = TENKEN_DECLARE_WINDOW (window);

  for (guint i = 0; i < 100 && _tenken_declare_window_get_preview_pages (self) == 0; i++)
    ui_test_wait (50);
  /* Folded, the form is shown and the preview is not laid out */
  if (gtk_widget_get_width (GTK_WIDGET (window)) >= 800)
    g_assert_cmpuint (_tenken_declare_window_get_preview_pages (self), >, 0);
  ui_test_wait (100);
}

/* A document with a spread of answers, so lists, bars and counts show */
static TenkenDocument *
make_answered_document (void)
{
  static guint serial;
  static const TenkenStatus statuses[] = {
    TENKEN_STATUS_IMPLEMENTED, TENKEN_STATUS_PARTIAL, TENKEN_STATUS_NOT_IMPLEMENTED,
    TENKEN_STATUS_PLANNED, TENKEN_STATUS_IMPLEMENTED, TENKEN_STATUS_NOT_STARTED,
  };
  g_autofree char *name = g_strdup_printf ("Main %u", ++serial);
  TenkenDocument *document = ui_test_create_document (name, "meti-cip-guidelines");
  GListModel *responses = tenken_document_get_responses (document);

  for (guint i = 0; i < g_list_model_get_n_items (responses); i += 2)
    {
      g_autoptr(TenkenResponse) live = g_list_model_get_item (responses, i);
      g_autoptr(TenkenResponse) edit = tenken_response_copy (live);
      g_autoptr(GError) error = NULL;
      TenkenStatus status = statuses[(i / 2) % G_N_ELEMENTS (statuses)];

      tenken_response_set_status (edit, status);
      if (status == TENKEN_STATUS_PLANNED)
        tenken_response_set_target_date (edit, "2027-03-31");
      if (status == TENKEN_STATUS_PARTIAL)
        {
          tenken_response_set_owner (edit, "鈴木");
          tenken_response_set_due_date (edit, "2026-01-15");
          tenken_response_set_statement (edit, "多要素認証を導入済み。設計レビューは一部のみ実施。");
        }
      g_assert_true (tenken_document_set_response (document, edit, &error));
      g_assert_no_error (error);
    }

  return document;
}

static GtkWindow *
make_main_window (void)
{
  g_autoptr(TenkenDocument) document = make_answered_document ();
  TenkenWindow *window = tenken_window_new (ADW_APPLICATION (ui_test_get_application ()));

  tenken_window_set_document (window, document);
  return GTK_WINDOW (window);
}

/* The first item's detail with evidence and history, scrolled to its end */
static GtkWindow *
make_detail_window (void)
{
  g_autoptr(TenkenDocument) document = make_answered_document ();
  g_autofree char *path = g_build_filename (ui_test_get_tmp_dir (), "アクセス制御ポリシー.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TenkenEvidence) pdf = NULL;
  g_autoptr(TenkenEvidence) url = NULL;
  g_autoptr(GError) error = NULL;
  TenkenWindow *window;
  const char *item_id;

  item_id = tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (
    tenken_response_get_item (tenken_document_get_response_by_label (document, "S(1)-1.1"))));
  /* More changes than the history shows at first, so its button shows */
  {
    g_autoptr(TenkenResponse) edit =
      tenken_response_copy (tenken_document_get_response_by_label (document, "S(1)-1.1"));

    tenken_response_set_owner (edit, "佐藤");
    tenken_response_set_statement (edit, "リスク評価に基づきセキュリティ要件を定義し、設計書に記載している。");
    tenken_response_set_flagged (edit, TRUE);
    g_assert_true (tenken_document_set_response (document, edit, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_set_contents (path, "%PDF-1.4 policy", -1, &error));
  pdf = tenken_document_add_evidence_file (document, file, item_id, "承認済み 2026-04", "2026-04-01",
                                           NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  url = tenken_document_add_evidence_url (document, "https://example.com/security/risk-register",
                                          item_id, NULL, &error);
  g_assert_no_error (error);

  window = tenken_window_new (ADW_APPLICATION (ui_test_get_application ()));
  tenken_window_set_document (window, document);
  return GTK_WINDOW (window);
}

static void
scroll_detail_to_end (GtkWindow *window)
{
  GtkWidget *detail = ui_test_find_descendant (GTK_WIDGET (window), TENKEN_TYPE_ITEM_DETAIL);
  GtkWidget *view = ui_test_find_descendant (GTK_WIDGET (window), TENKEN_TYPE_DOCUMENT_VIEW);
  /* The "empty" page (an AdwStatusPage) has a scrolled window too */
  GtkWidget *scroller = gtk_stack_get_child_by_name (GTK_STACK (ui_test_find_descendant (detail, GTK_TYPE_STACK)),
                                                     "item");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  TenkenDocument *document = tenken_window_get_document (TENKEN_WINDOW (window));
  TenkenResponse *response = tenken_document_get_response_by_label (document, "S(1)-1.1");

  /* As the dashboard opens an item: folded, the detail is shown */
  g_assert_true (tenken_document_view_select_item (
    TENKEN_DOCUMENT_VIEW (view), tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (response)))));
  /* The detail fills in and grows over a few frames */
  for (guint i = 0; i < 10; i++)
    {
      ui_test_wait (100);
      gtk_adjustment_set_value (adjustment,
                                gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
    }
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  ui_test_wait (100);
}

static GtkWindow *
make_preferences_window (void)
{
  GtkWindow *window = GTK_WINDOW (tenken_preferences_window_new (
    NULL, tenken_application_get_settings (TENKEN_APPLICATION (ui_test_get_application ()))));

  gtk_window_set_application (window, ui_test_get_application ());
  return window;
}

static GtkWindow *
make_dashboard_window (void)
{
  GtkWindow *window = make_main_window ();
  GtkWidget *view = ui_test_find_descendant (GTK_WIDGET (window), TENKEN_TYPE_DOCUMENT_VIEW);

  g_assert_true (gtk_widget_activate_action (view, "view.show-page", "s", "dashboard"));
  return window;
}

/* A due-date list shows a few rows without scrolling; with Japanese text
 * (taller lines) its last row used to be cut */
static void
assert_short_lists_whole (GtkWidget *widget,
                          GtkWidget *outer)
{
  if (widget != outer && GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));

      g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=,
                         gtk_adjustment_get_page_size (adjustment) + 0.5);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_short_lists_whole (child, outer);
}

/* The end of the dashboard: the radar and the due dates */
static void
scroll_dashboard_to_end (GtkWindow *window)
{
  GtkWidget *dashboard = ui_test_find_descendant (GTK_WIDGET (window), TENKEN_TYPE_DASHBOARD);
  GtkWidget *scroller = ui_test_find_descendant (dashboard, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  ui_test_wait (100);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  ui_test_wait (100);

  /* The fixture has 5 overdue items, fewer than the rows a list shows */
  assert_short_lists_whole (dashboard, scroller);
}

static const Screen screens[] = {
  { "welcome", make_welcome_window },
  { "new-assessment", make_new_assessment_window },
  { "properties", make_properties_window },
  { "main-window", make_main_window },
  { "dashboard", make_dashboard_window },
  { "dashboard-end", make_dashboard_window, scroll_dashboard_to_end },
  { "item-detail-end", make_detail_window, scroll_detail_to_end },
  { "preferences", make_preferences_window },
  { "export", make_export_window },
  { "declare", make_declare_window, wait_for_preview },
  { "declare-preview", make_declare_window, show_preview },
};

static const Size sizes[] = {
  { "wide", 1280, 800 },
  { "narrow", 400, 800 },
};

static const char *languages[] = { "en", "ja" };

/* Window titles must be read in full at every size and in every language
 * (Japanese ones used to be cut to "レポートの書き…" at 400 px) */
static void
assert_titles_whole (GtkWidget  *widget,
                     const char *screen)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title") &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_WINDOW_TITLE) != NULL &&
      gtk_widget_get_mapped (widget) &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    g_error ("%s: the title “%s” is cut", screen, gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_titles_whole (child, screen);
}

static void
test_screenshot (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  if (!ui_test_require_display ())
    return;

  ui_test_set_language (c->language);

  /* The Japanese screenshots are only worth something when translated */
  if (g_str_equal (c->language, "ja"))
    g_assert_cmpstr (_("_New Assessment…"), !=, "_New Assessment…");
  else
    g_assert_cmpstr (_("_New Assessment…"), ==, "_New Assessment…");

  /* The dark style, as when the system prefers it */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      c->dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_DEFAULT);

  window = c->screen->make_window ();
  ui_test_show_window (window, c->size->width, c->size->height);
  if (c->screen->shown != NULL)
    c->screen->shown (window);

  /* The window honours the asked width (the narrow layout must fit) */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, c->size->width);

  name = g_strdup_printf ("%s%s-%s-%s", c->screen->name, c->dark ? "-dark" : "",
                          c->language, c->size->name);
  path = ui_test_save_screenshot (GTK_WIDGET (window), name);
  ui_test_assert_png_not_blank (path, 16, 0.02);
  /* Nothing of ours (CSS, charts) may keep a light background in the dark */
  if (c->dark)
    g_assert_cmpfloat (ui_test_png_lightness (path), <, 0.3);
  else
    g_assert_cmpfloat (ui_test_png_lightness (path), >, 0.6);
  assert_titles_whole (GTK_WIDGET (window), name);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);
  if (ui_test_init ())
    add_recent_documents ();

  for (guint s = 0; s < G_N_ELEMENTS (screens); s++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          Case *c = g_new0 (Case, 1);
          g_autofree char *test_path = NULL;

          c->screen = &screens[s];
          c->language = languages[l];
          c->size = &sizes[z];
          g_ptr_array_add (cases, c);

          test_path = g_strdup_printf ("/ui/screenshots/%s/%s/%s",
                                       c->screen->name, c->language, c->size->name);
          g_test_add_data_func (test_path, c, test_screenshot);
        }

  /* The views we draw or style ourselves, in the dark style (not the
   * declaration's preview: paper stays white) */
  for (guint s = 0; s < G_N_ELEMENTS (screens); s++)
    if (g_str_has_prefix (screens[s].name, "dashboard") || g_str_has_prefix (screens[s].name, "item-detail") ||
        g_str_equal (screens[s].name, "main-window"))
      {
        Case *c = g_new0 (Case, 1);
        g_autofree char *test_path = NULL;

        c->screen = &screens[s];
        c->language = "en";
        c->size = &sizes[0];
        c->dark = TRUE;
        g_ptr_array_add (cases, c);

        test_path = g_strdup_printf ("/ui/screenshots/%s/dark/%s", c->screen->name, c->size->name);
        g_test_add_data_func (test_path, c, test_screenshot);
      }

  return g_test_run ();
}
