/* test-ui-dashboard.c: the dashboard shows a document's numbers and opens
 * items from its due date lists
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "tenken-app-types.h"
#include "tenken-dashboard.h"

#include "analysis-fixture.h"

typedef struct
{
  Fixture    base;
  GtkWidget *window;
  GtkWidget *dashboard;
  char      *today;
} UiFixture;

static void
ui_fixture_setup (UiFixture     *fixture,
                  gconstpointer  user_data)
{
  fixture->today = tenken_date_today ();
  /* Dates relative to the real today: the dashboard has no other */
  fixture_setup (&fixture->base, fixture->today);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 700);
  fixture->dashboard = tenken_dashboard_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->dashboard);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
ui_fixture_teardown (UiFixture     *fixture,
                     gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture_teardown (&fixture->base, NULL);
  g_free (fixture->today);
}

static void
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Runs the main loop for a while: idle refreshes, then layout and drawing,
 * which wait for the frame clock */
static void
iterate (void)
{
  gboolean done = FALSE;

  g_timeout_add_once (150, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Iterates until @widget is taller than @height, for at most five seconds */
static int
wait_for_height (GtkWidget *widget,
                 int        height)
{
  for (guint i = 0; i < 33 && gtk_widget_get_height (widget) <= height; i++)
    iterate ();

  return gtk_widget_get_height (widget);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

/* The dashboard refreshes from an idle after a change; under load a fixed
 * wait can end before it runs, so wait for the label itself (5 s at most) */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  for (guint i = 0; i < 33; i++)
    {
      if (has_label (widget, text))
        return TRUE;
      iterate ();
    }

  return has_label (widget, text);
}

static AdwActionRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *row = find_row (child, title);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static GtkLabel *
find_numeric_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric"))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_numeric_label (child);

      if (label != NULL)
        return label;
    }

  return NULL;
}

static const char *
status_row_count (GtkWidget    *dashboard,
                  TenkenStatus  status)
{
  AdwActionRow *row = find_row (dashboard, tenken_status_get_display_name (status));
  GtkLabel *label;

  g_assert_nonnull (row);
  label = find_numeric_label (GTK_WIDGET (row));
  g_assert_nonnull (label);

  return gtk_label_get_label (label);
}

/* The list views in page order: overdue first, then upcoming */
static void
collect_list_views (GtkWidget  *widget,
                    GPtrArray  *out)
{
  if (GTK_IS_LIST_VIEW (widget))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_list_views (child, out);
}

static void
collect_charts (GtkWidget *widget,
                GPtrArray *out)
{
  /* The two charts; the status rows' 12 px colour swatches are drawing areas too */
  if (GTK_IS_DRAWING_AREA (widget) && gtk_widget_get_width (widget) > 100)
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_charts (child, out);
}

static void
on_item_activated (TenkenDashboard *dashboard,
                   const char      *item_id,
                   char           **out)
{
  g_free (*out);
  *out = g_strdup (item_id);
}

static void
test_counts (UiFixture     *fixture,
             gconstpointer  user_data)
{
  TenkenDashboard *dashboard = TENKEN_DASHBOARD (fixture->dashboard);

  /* Without a document: zeros, no crash */
  iterate ();
  g_assert_true (shows_label (fixture->dashboard, "0 %"));
  g_assert_true (shows_label (fixture->dashboard, "0 of 0 items done"));

  tenken_dashboard_set_document (dashboard, fixture->base.document);
  g_assert_true (tenken_dashboard_get_document (dashboard) == fixture->base.document);
  iterate ();

  g_assert_true (shows_label (fixture->dashboard, "33 %"));
  g_assert_true (shows_label (fixture->dashboard, "2 of 6 items done"));
  for (guint s = 0; s < TENKEN_N_STATUSES; s++)
    g_assert_cmpstr (status_row_count (fixture->dashboard, s), ==, "1");

  /* Both charts got room: the bar chart two rows and a legend */
  {
    g_autoptr(GPtrArray) charts = g_ptr_array_new ();

    collect_charts (fixture->dashboard, charts);
    g_assert_cmpuint (charts->len, ==, 2);
    /* Two rows of about 24 px, a gap and a legend of one or two lines */
    g_assert_cmpint (wait_for_height (g_ptr_array_index (charts, 0), 80), >, 80);
    g_assert_cmpint (gtk_widget_get_height (g_ptr_array_index (charts, 1)), >=, 300);
  }

  /* An edit shows up without anyone telling the dashboard */
  fixture_set (fixture->base.document, "b-2", TENKEN_STATUS_IMPLEMENTED, NULL, NULL);
  iterate ();
  g_assert_true (shows_label (fixture->dashboard, "50 %"));
  g_assert_true (shows_label (fixture->dashboard, "3 of 6 items done"));
  g_assert_cmpstr (status_row_count (fixture->dashboard, TENKEN_STATUS_IMPLEMENTED), ==, "2");
  g_assert_cmpstr (status_row_count (fixture->dashboard, TENKEN_STATUS_NOT_STARTED), ==, "0");

  /* Roles narrow what counts: the operator has neither a-2 nor b-2 */
  g_object_set (dashboard, "roles", TENKEN_ROLE_OPERATOR, NULL);
  g_assert_cmpuint (tenken_dashboard_get_roles (dashboard), ==, TENKEN_ROLE_OPERATOR);
  iterate ();
  g_assert_true (shows_label (fixture->dashboard, "2 of 4 items done"));
  g_assert_cmpstr (status_row_count (fixture->dashboard, TENKEN_STATUS_PARTIAL), ==, "0");

  /* Dark mode redraws the charts without trouble */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  iterate ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  iterate ();

  tenken_dashboard_set_document (dashboard, NULL);
  iterate ();
  g_assert_true (shows_label (fixture->dashboard, "0 of 0 items done"));
}

static void
test_activate (UiFixture     *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autofree char *activated = NULL;
  GtkListView *overdue, *upcoming;
  GListModel *model;

  tenken_dashboard_set_document (TENKEN_DASHBOARD (fixture->dashboard), fixture->base.document);
  g_signal_connect (fixture->dashboard, "item-activated", G_CALLBACK (on_item_activated), &activated);
  iterate ();

  collect_list_views (fixture->dashboard, lists);
  g_assert_cmpuint (lists->len, ==, 2);
  overdue = g_ptr_array_index (lists, 0);
  upcoming = g_ptr_array_index (lists, 1);

  /* b-1 (14 days past its target date) before a-2 (5 days past due) */
  model = G_LIST_MODEL (gtk_list_view_get_model (overdue));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (overdue)));
  g_assert_true (shows_label (GTK_WIDGET (overdue), "<b>B-1</b>  Bee one"));

  /* Activating a row (what a click or Enter does) names its item */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (overdue), "list.activate-item", "u", 1));
  g_assert_cmpstr (activated, ==, "a-2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (overdue), "list.activate-item", "u", 0));
  g_assert_cmpstr (activated, ==, "b-1");

  model = G_LIST_MODEL (gtk_list_view_get_model (upcoming));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (upcoming), "list.activate-item", "u", 0));
  g_assert_cmpstr (activated, ==, "a-3");

  /* Everything done: both lists give way to their empty states */
  fixture_set (fixture->base.document, "a-2", TENKEN_STATUS_IMPLEMENTED, NULL, NULL);
  fixture_set (fixture->base.document, "b-1", TENKEN_STATUS_IMPLEMENTED, NULL, NULL);
  fixture_set (fixture->base.document, "a-3", TENKEN_STATUS_IMPLEMENTED, NULL, NULL);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (overdue))), ==, 0);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (overdue)));
  g_assert_true (shows_label (fixture->dashboard, "No item is past its due or target date"));
  g_assert_true (shows_label (fixture->dashboard, "Nothing due in the next 30 days"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tenken_app_ensure_types ();

  g_test_add ("/ui/dashboard/counts", UiFixture, NULL, ui_fixture_setup, test_counts, ui_fixture_teardown);
  g_test_add ("/ui/dashboard/activate", UiFixture, NULL, ui_fixture_setup, test_activate, ui_fixture_teardown);

  return g_test_run ();
}
