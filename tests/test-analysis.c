/* test-analysis.c: progress, per-category counts and due dates
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "tenken-analysis.h"
#include "tenken-chart.h"

#include "analysis-fixture.h"

static TenkenCategoryStats *
stats_at (GListModel *model,
          guint       position)
{
  TenkenCategoryStats *stats = g_list_model_get_item (model, position);

  g_assert_nonnull (stats);
  /* The model keeps it alive; tests read it in place */
  g_object_unref (stats);

  return stats;
}

static TenkenDueEntry *
entry_at (GListModel *model,
          guint       position)
{
  TenkenDueEntry *entry = g_list_model_get_item (model, position);

  g_assert_nonnull (entry);
  g_object_unref (entry);

  return entry;
}

static void
test_overall (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(TenkenAnalysis) analysis = tenken_analysis_new (fixture->document, 0, FIXTURE_TODAY);
  guint counts[TENKEN_N_STATUSES];

  g_assert_cmpstr (tenken_analysis_get_today (analysis), ==, FIXTURE_TODAY);
  g_assert_cmpuint (tenken_analysis_get_upcoming_days (analysis), ==, TENKEN_ANALYSIS_DEFAULT_UPCOMING_DAYS);
  g_assert_cmpuint (tenken_analysis_get_total (analysis), ==, 6);
  g_assert_cmpuint (tenken_analysis_get_done (analysis), ==, 2);
  g_assert_cmpfloat_with_epsilon (tenken_analysis_get_percent (analysis), 100.0 * 2 / 6, 1e-9);

  tenken_analysis_get_counts (analysis, counts);
  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    {
      g_assert_cmpuint (counts[i], ==, 1);
      g_assert_cmpuint (tenken_analysis_get_count (analysis, i), ==, 1);
    }

  /* The document's own count agrees */
  g_assert_cmpuint (tenken_document_count_statuses (fixture->document, NULL, 0, counts), ==, 6);
}

static void
test_categories (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(TenkenAnalysis) analysis = tenken_analysis_new (fixture->document, 0, FIXTURE_TODAY);
  GListModel *categories = tenken_analysis_get_categories (analysis);
  TenkenCategoryStats *alpha, *beta;

  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 2);
  g_assert_true (g_list_model_get_item_type (categories) == TENKEN_TYPE_CATEGORY_STATS);

  alpha = stats_at (categories, 0);
  g_assert_cmpstr (tenken_catalog_node_get_id (tenken_category_stats_get_node (alpha)), ==, "g1");
  g_assert_nonnull (tenken_category_stats_get_group (alpha));
  g_assert_cmpuint (tenken_category_stats_get_total (alpha), ==, 4);
  g_assert_cmpuint (tenken_category_stats_get_done (alpha), ==, 2);
  g_assert_cmpuint (tenken_category_stats_get_count (alpha, TENKEN_STATUS_IMPLEMENTED), ==, 1);
  g_assert_cmpuint (tenken_category_stats_get_count (alpha, TENKEN_STATUS_PARTIAL), ==, 1);
  g_assert_cmpuint (tenken_category_stats_get_count (alpha, TENKEN_STATUS_PLANNED), ==, 1);
  g_assert_cmpuint (tenken_category_stats_get_count (alpha, TENKEN_STATUS_NOT_APPLICABLE), ==, 1);
  g_assert_cmpuint (tenken_category_stats_get_count (alpha, TENKEN_STATUS_NOT_STARTED), ==, 0);
  g_assert_cmpfloat_with_epsilon (tenken_category_stats_get_percent (alpha), 50.0, 1e-9);

  beta = stats_at (categories, 1);
  g_assert_cmpstr (tenken_catalog_node_get_id (tenken_category_stats_get_node (beta)), ==, "g2");
  g_assert_cmpuint (tenken_category_stats_get_total (beta), ==, 2);
  g_assert_cmpuint (tenken_category_stats_get_done (beta), ==, 0);
  g_assert_cmpuint (tenken_category_stats_get_count (beta, TENKEN_STATUS_NOT_IMPLEMENTED), ==, 1);
  g_assert_cmpuint (tenken_category_stats_get_count (beta, TENKEN_STATUS_NOT_STARTED), ==, 1);
  g_assert_cmpfloat_with_epsilon (tenken_category_stats_get_percent (beta), 0.0, 1e-9);

  /* Properties read the same */
  {
    guint total = 0;
    double percent = -1;

    g_object_get (alpha, "total", &total, "percent", &percent, NULL);
    g_assert_cmpuint (total, ==, 4);
    g_assert_cmpfloat_with_epsilon (percent, 50.0, 1e-9);
  }
}

static void
test_requirements (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(TenkenAnalysis) analysis = tenken_analysis_new (fixture->document, 0, FIXTURE_TODAY);
  GListModel *requirements = tenken_analysis_get_requirements (analysis);
  static const struct { const char *id; guint total; guint done; gboolean group; } expected[] = {
    { "r1", 2, 1, TRUE },    /* a-1 implemented, a-2 partial */
    { "a-3", 2, 1, FALSE },  /* a control directly in its category, with its enhancement */
    { "b-1", 1, 0, FALSE },
    { "b-2", 1, 0, FALSE },
  };

  g_assert_cmpuint (g_list_model_get_n_items (requirements), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      TenkenCategoryStats *stats = stats_at (requirements, i);

      g_assert_cmpstr (tenken_catalog_node_get_id (tenken_category_stats_get_node (stats)), ==, expected[i].id);
      g_assert_cmpuint (tenken_category_stats_get_total (stats), ==, expected[i].total);
      g_assert_cmpuint (tenken_category_stats_get_done (stats), ==, expected[i].done);
      g_assert_true ((tenken_category_stats_get_group (stats) != NULL) == expected[i].group);
    }
}

static void
test_due_lists (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(TenkenAnalysis) analysis = tenken_analysis_new (fixture->document, 0, FIXTURE_TODAY);
  GListModel *overdue = tenken_analysis_get_overdue (analysis);
  GListModel *upcoming = tenken_analysis_get_upcoming (analysis);
  TenkenDueEntry *entry;
  g_autofree char *text = NULL;

  /* Earliest date first: b-1's target (06-01) before a-2's due date (06-10) */
  g_assert_cmpuint (g_list_model_get_n_items (overdue), ==, 2);
  entry = entry_at (overdue, 0);
  g_assert_cmpstr (tenken_due_entry_get_item_id (entry), ==, "b-1");
  g_assert_cmpstr (tenken_due_entry_get_date (entry), ==, "2026-06-01");
  g_assert_cmpint (tenken_due_entry_get_kind (entry), ==, TENKEN_DUE_KIND_TARGET);
  g_assert_cmpint (tenken_due_entry_get_days (entry), ==, -14);
  g_assert_true (tenken_due_entry_get_response (entry) ==
                 tenken_document_get_response (fixture->document, "b-1"));
  g_assert_true (tenken_response_is_overdue (tenken_due_entry_get_response (entry), FIXTURE_TODAY));

  entry = entry_at (overdue, 1);
  g_assert_cmpstr (tenken_due_entry_get_item_id (entry), ==, "a-2");
  g_assert_cmpstr (tenken_due_entry_get_date (entry), ==, "2026-06-10");
  g_assert_cmpint (tenken_due_entry_get_kind (entry), ==, TENKEN_DUE_KIND_DUE);
  g_assert_cmpint (tenken_due_entry_get_days (entry), ==, -5);
  text = tenken_due_entry_describe (entry);
  g_assert_cmpstr (text, ==, "5 days overdue");

  /* a-3 in five days; b-2 (47 days) is beyond the default window and
   * a-3.1's past due date does not count, as it is not applicable */
  g_assert_cmpuint (g_list_model_get_n_items (upcoming), ==, 1);
  entry = entry_at (upcoming, 0);
  g_assert_cmpstr (tenken_due_entry_get_item_id (entry), ==, "a-3");
  g_assert_cmpint (tenken_due_entry_get_kind (entry), ==, TENKEN_DUE_KIND_TARGET);
  g_assert_cmpint (tenken_due_entry_get_days (entry), ==, 5);
  g_clear_pointer (&text, g_free);
  text = tenken_due_entry_describe (entry);
  g_assert_cmpstr (text, ==, "Target date in 5 days");
}

static void
test_upcoming_window (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(TenkenAnalysis) wide = tenken_analysis_new_full (fixture->document, 0, FIXTURE_TODAY, 60);
  g_autoptr(TenkenAnalysis) none = tenken_analysis_new_full (fixture->document, 0, FIXTURE_TODAY, 0);
  g_autoptr(TenkenAnalysis) later = tenken_analysis_new (fixture->document, 0, "2026-06-25");
  GListModel *upcoming = tenken_analysis_get_upcoming (wide);

  g_assert_cmpuint (g_list_model_get_n_items (upcoming), ==, 2);
  g_assert_cmpstr (tenken_due_entry_get_item_id (entry_at (upcoming, 0)), ==, "a-3");
  g_assert_cmpstr (tenken_due_entry_get_item_id (entry_at (upcoming, 1)), ==, "b-2");
  g_assert_cmpint (tenken_due_entry_get_days (entry_at (upcoming, 1)), ==, 47);

  /* A zero-day window still holds what is due today: none is (b-1 is overdue) */
  g_assert_cmpuint (g_list_model_get_n_items (tenken_analysis_get_upcoming (none)), ==, 0);

  /* Ten days later a-3's target has passed too */
  g_assert_cmpuint (g_list_model_get_n_items (tenken_analysis_get_overdue (later)), ==, 3);
  g_assert_cmpstr (tenken_due_entry_get_item_id (entry_at (tenken_analysis_get_overdue (later), 2)), ==, "a-3");
  g_assert_cmpuint (g_list_model_get_n_items (tenken_analysis_get_upcoming (later)), ==, 0);
}

static void
test_due_today (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(TenkenAnalysis) analysis = NULL;
  TenkenDueEntry *entry;
  g_autofree char *text = NULL;

  /* b-1 without its past target date: due today is upcoming, not overdue */
  fixture_set (fixture->document, "b-1", TENKEN_STATUS_NOT_IMPLEMENTED, FIXTURE_TODAY, NULL);
  analysis = tenken_analysis_new (fixture->document, 0, FIXTURE_TODAY);

  g_assert_cmpuint (g_list_model_get_n_items (tenken_analysis_get_overdue (analysis)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_analysis_get_upcoming (analysis)), ==, 2);
  entry = entry_at (tenken_analysis_get_upcoming (analysis), 0);
  g_assert_cmpstr (tenken_due_entry_get_item_id (entry), ==, "b-1");
  g_assert_cmpint (tenken_due_entry_get_days (entry), ==, 0);
  text = tenken_due_entry_describe (entry);
  g_assert_cmpstr (text, ==, "Due today");
}

static void
test_roles (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(TenkenAnalysis) developer = tenken_analysis_new (fixture->document, TENKEN_ROLE_DEVELOPER, FIXTURE_TODAY);
  g_autoptr(TenkenAnalysis) customer = tenken_analysis_new (fixture->document, TENKEN_ROLE_CUSTOMER, FIXTURE_TODAY);
  g_autoptr(TenkenAnalysis) operator = tenken_analysis_new (fixture->document, TENKEN_ROLE_OPERATOR, FIXTURE_TODAY);
  GListModel *categories;

  /* Items without a role apply to everyone; b-2 is the customer's */
  g_assert_cmpuint (tenken_analysis_get_roles (developer), ==, TENKEN_ROLE_DEVELOPER);
  g_assert_cmpuint (tenken_analysis_get_total (developer), ==, 5);
  g_assert_cmpuint (tenken_analysis_get_count (developer, TENKEN_STATUS_NOT_STARTED), ==, 0);
  categories = tenken_analysis_get_categories (developer);
  g_assert_cmpuint (tenken_category_stats_get_total (stats_at (categories, 1)), ==, 1);

  /* a-2 is the developer's: gone from the customer's totals and overdue list */
  g_assert_cmpuint (tenken_analysis_get_total (customer), ==, 5);
  g_assert_cmpuint (tenken_analysis_get_count (customer, TENKEN_STATUS_PARTIAL), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_analysis_get_overdue (customer)), ==, 1);

  g_assert_cmpuint (tenken_analysis_get_total (operator), ==, 4);
  g_assert_cmpuint (tenken_document_count_statuses (fixture->document, NULL, TENKEN_ROLE_OPERATOR,
                                                    (guint[TENKEN_N_STATUSES]) { 0 }), ==, 4);
}

static void
test_snapshot_and_change (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(TenkenAnalysis) before = tenken_analysis_new (fixture->document, 0, FIXTURE_TODAY);
  g_autoptr(TenkenAnalysis) after = NULL;

  fixture_set (fixture->document, "a-2", TENKEN_STATUS_IMPLEMENTED, "2026-06-10", NULL);
  after = tenken_analysis_new (fixture->document, 0, FIXTURE_TODAY);

  /* The old analysis is a snapshot */
  g_assert_cmpuint (tenken_analysis_get_done (before), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_analysis_get_overdue (before)), ==, 2);

  /* Done items are never overdue, whatever their dates */
  g_assert_cmpuint (tenken_analysis_get_done (after), ==, 3);
  g_assert_cmpuint (tenken_analysis_get_count (after, TENKEN_STATUS_IMPLEMENTED), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_analysis_get_overdue (after)), ==, 1);
  g_assert_cmpstr (tenken_due_entry_get_item_id (entry_at (tenken_analysis_get_overdue (after), 0)), ==, "b-1");
}

static void
test_chart_series (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(TenkenAnalysis) analysis = tenken_analysis_new (fixture->document, 0, FIXTURE_TODAY);
  g_autoptr(TenkenChartSeries) series = tenken_chart_series_new_from_analysis (analysis);

  g_assert_cmpuint (tenken_chart_series_get_n_categories (series), ==, 2);
  g_assert_cmpstr (tenken_chart_series_get_label (series, 0), ==, "A");
  g_assert_cmpstr (tenken_chart_series_get_title (series, 0), ==, "Alpha category");
  g_assert_cmpuint (tenken_chart_series_get_total (series, 0), ==, 4);
  g_assert_cmpuint (tenken_chart_series_get_done (series, 0), ==, 2);
  g_assert_cmpuint (tenken_chart_series_get_count (series, 0, TENKEN_STATUS_PLANNED), ==, 1);
  g_assert_cmpstr (tenken_chart_series_get_label (series, 1), ==, "B");
  g_assert_cmpuint (tenken_chart_series_get_count (series, 1, TENKEN_STATUS_NOT_IMPLEMENTED), ==, 1);
}

/* Responses made directly from a catalog: no document needed */
static GListModel *
fresh_responses (TenkenCatalog *catalog)
{
  GListModel *items = tenken_catalog_get_items (catalog);
  GListStore *store = g_list_store_new (TENKEN_TYPE_RESPONSE);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenCatalogItem) item = g_list_model_get_item (items, i);
      g_autoptr(TenkenResponse) response = tenken_response_new (item);

      g_list_store_append (store, response);
    }

  return G_LIST_MODEL (store);
}

static void
test_nist_high (void)
{
  const char *shared = g_getenv ("TENKEN_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autoptr(GListModel) responses = NULL;
  g_autoptr(TenkenAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *categories;
  guint sum = 0;

  if (shared == NULL)
    {
      g_test_skip ("TENKEN_SHARED_DIR is not set");
      return;
    }

  path = g_build_filename (shared, "testdata",
                           "NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog.xml", NULL);
  file = g_file_new_for_path (path);
  catalog = tenken_catalog_new_from_file (file, NULL, &error);
  g_assert_no_error (error);

  responses = fresh_responses (catalog);
  analysis = tenken_analysis_new_for_responses (responses, 0, FIXTURE_TODAY, 30);

  /* 18 families, 370 controls of which 188 top-level: one requirement each */
  g_assert_cmpuint (tenken_analysis_get_total (analysis), ==, 370);
  g_assert_cmpuint (tenken_analysis_get_count (analysis, TENKEN_STATUS_NOT_STARTED), ==, 370);
  g_assert_cmpuint (tenken_analysis_get_done (analysis), ==, 0);
  g_assert_cmpfloat (tenken_analysis_get_percent (analysis), ==, 0.0);

  categories = tenken_analysis_get_categories (analysis);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 18);
  for (guint i = 0; i < 18; i++)
    sum += tenken_category_stats_get_total (stats_at (categories, i));
  g_assert_cmpuint (sum, ==, 370);
  g_assert_cmpstr (tenken_catalog_node_get_id (tenken_category_stats_get_node (stats_at (categories, 0))), ==, "ac");

  g_assert_cmpuint (g_list_model_get_n_items (tenken_analysis_get_requirements (analysis)), ==, 188);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_analysis_get_overdue (analysis)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_analysis_get_upcoming (analysis)), ==, 0);
}

static void
test_empty (void)
{
  g_autoptr(GListStore) store = g_list_store_new (TENKEN_TYPE_RESPONSE);
  g_autoptr(TenkenAnalysis) analysis = tenken_analysis_new_for_responses (G_LIST_MODEL (store), 0, NULL, 30);
  g_autofree char *today = tenken_date_today ();
  g_autoptr(TenkenChartSeries) series = tenken_chart_series_new_from_analysis (analysis);

  g_assert_cmpstr (tenken_analysis_get_today (analysis), ==, today);
  g_assert_cmpuint (tenken_analysis_get_total (analysis), ==, 0);
  g_assert_cmpfloat (tenken_analysis_get_percent (analysis), ==, 0.0);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_analysis_get_categories (analysis)), ==, 0);
  g_assert_cmpuint (tenken_chart_series_get_n_categories (series), ==, 0);
}

/* The date a list row shows agrees with "overdue": a planned item due last
 * week with a target next year shows the passed due date as overdue */
static void
test_next_date (Fixture       *fixture,
                gconstpointer  user_data)
{
  const struct {
    TenkenStatus status;
    const char  *due;
    const char  *target;
    const char  *shown;
    gboolean     is_target;
    gboolean     overdue;
  } cases[] = {
    { TENKEN_STATUS_PLANNED,         "2026-06-08", "2027-03-31", "2026-06-08", FALSE, TRUE },
    { TENKEN_STATUS_PLANNED,         "2026-09-30", "2026-06-01", "2026-06-01", TRUE,  TRUE },
    { TENKEN_STATUS_PLANNED,         "2026-09-30", "2026-07-31", "2026-07-31", TRUE,  FALSE },
    { TENKEN_STATUS_PLANNED,         "2026-07-01", "2026-07-31", "2026-07-01", FALSE, FALSE },
    { TENKEN_STATUS_PLANNED,         "2026-06-01", "2026-06-10", "2026-06-01", FALSE, TRUE },
    { TENKEN_STATUS_PLANNED,         NULL,         "2026-06-14", "2026-06-14", TRUE,  TRUE },
    { TENKEN_STATUS_NOT_STARTED,     "2026-06-15", NULL,         "2026-06-15", FALSE, FALSE },
    { TENKEN_STATUS_PARTIAL,         NULL,         "2026-01-01", "2026-01-01", TRUE,  TRUE },
    { TENKEN_STATUS_IMPLEMENTED,     "2026-01-01", "2026-02-01", "2026-01-01", FALSE, FALSE },
    { TENKEN_STATUS_NOT_STARTED,     NULL,         NULL,         NULL,         FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TenkenResponse) r = tenken_response_copy (tenken_document_get_response (fixture->document, "a-1"));
      gboolean is_target = !cases[i].is_target;
      gboolean overdue = !cases[i].overdue;
      const char *shown;

      tenken_response_set_status (r, cases[i].status);
      tenken_response_set_due_date (r, cases[i].due);
      tenken_response_set_target_date (r, cases[i].target);
      shown = tenken_response_get_next_date (r, FIXTURE_TODAY, &is_target, &overdue);

      g_test_message ("case %u", i);
      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_cmpint (is_target, ==, cases[i].is_target);
      g_assert_cmpint (overdue, ==, cases[i].overdue);
      /* the same verdict as the filter and the dashboard */
      g_assert_cmpint (overdue, ==, tenken_response_is_overdue (r, FIXTURE_TODAY));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/analysis/overall", test_overall);
  ADD ("/analysis/categories", test_categories);
  ADD ("/analysis/requirements", test_requirements);
  ADD ("/analysis/due-lists", test_due_lists);
  ADD ("/analysis/next-date", test_next_date);
  ADD ("/analysis/upcoming-window", test_upcoming_window);
  ADD ("/analysis/due-today", test_due_today);
  ADD ("/analysis/roles", test_roles);
  ADD ("/analysis/snapshot-and-change", test_snapshot_and_change);
  ADD ("/analysis/chart-series", test_chart_series);
#undef ADD
  g_test_add_func ("/analysis/nist-high", test_nist_high);
  g_test_add_func ("/analysis/empty", test_empty);

  return g_test_run ();
}
