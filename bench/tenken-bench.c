/* tenken-bench.c: the benchmark (issue #5), run by bench/run
 *
 * Generates its inputs (an ISMAP-size catalog: 1,200 controls in three
 * tiers with Japanese text; a document with every item answered and 5,000
 * evidence files), measures Tenken and a baseline for each figure in the
 * same run, and prints a table of ratios. See docs/PERFORMANCE.md.
 *
 *   tenken-bench run [--quick] [--keep DIR]   everything (needs a display for start-up)
 *   tenken-bench import-once CATALOG USERDIR  one registry import (a child of run)
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-bench"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <pango/pangocairo.h>
#include <xlsxwriter.h>

#include "tenken-autocleanups.h"
#include "tenken-core.h"
#include "tenken-document-view.h"
#include "tenken-export.h"
#include "tenken-item-filter.h"
#include "tenken-report.h"

#define N_CONTROLS_PER_SUB 10
#define N_SUBS_PER_TOP     10
#define N_TOPS             12   /* 12 × 10 × 10 = 1,200 controls */
#define N_EVIDENCE         5000

static gboolean quick;

/* --- statistics --- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of @values (sorted in place) */
static double
percentile (GArray *values,
            double  p)
{
  guint rank;

  g_assert (values->len > 0);
  g_array_sort (values, compare_doubles);
  rank = (guint) MAX (1.0, (p / 100.0) * values->len + 0.999999);
  return g_array_index (values, double, MIN (rank, values->len) - 1);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* --- the table --- */

typedef struct
{
  char   *name;
  double  tenken;
  double  baseline;
  char   *unit;
  char   *baseline_name;
  char   *goal;       /* human-readable */
  double  goal_value; /* NAN: none */
  gboolean goal_is_ratio;
} Row;

static GPtrArray *rows;

static void
add_row (const char *name,
         double      tenken,
         double      baseline,
         const char *unit,
         const char *baseline_name,
         const char *goal,
         double      goal_value,
         gboolean    goal_is_ratio)
{
  Row *row = g_new0 (Row, 1);

  row->name = g_strdup (name);
  row->tenken = tenken;
  row->baseline = baseline;
  row->unit = g_strdup (unit);
  row->baseline_name = g_strdup (baseline_name);
  row->goal = g_strdup (goal);
  row->goal_value = goal_value;
  row->goal_is_ratio = goal_is_ratio;
  g_ptr_array_add (rows, row);
  g_printerr ("  %-28s %10.2f %-4s (baseline %.2f)\n", name, tenken, unit, baseline);
}

static void
print_table (void)
{
  printf ("\n| measure | Tenken | baseline | ratio | goal | met |\n");
  printf ("| --- | ---: | ---: | ---: | --- | --- |\n");
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      double ratio = row->baseline > 0 ? row->tenken / row->baseline : NAN;
      const char *met = "–";

      if (!isnan (row->goal_value))
        met = (row->goal_is_ratio ? ratio : row->tenken) <= row->goal_value ? "yes" : "**no**";
      printf ("| %s | %.2f %s | %.2f %s (%s) | %.2f× | %s | %s |\n",
              row->name, row->tenken, row->unit, row->baseline, row->unit, row->baseline_name,
              ratio, row->goal, met);
    }
}

/* --- inputs --- */

static const char *words[] = {
  "情報セキュリティ", "クラウドサービス", "利用者", "事業者", "管理策", "アクセス制御", "暗号化",
  "ログ", "監査", "インシデント", "対応手順", "リスク評価", "資産", "バックアップ", "脆弱性",
  "供給者", "委託先", "物理的", "環境", "認証情報", "特権", "変更管理", "構成", "継続性",
  "教育", "訓練", "方針", "文書化", "定期的に", "見直す", "確立し", "維持する", "実施する",
  "記録を保持する", "責任者", "承認", "報告", "監視", "分離", "鍵管理",
};

static void
append_japanese (GString *out,
                 GRand   *rand,
                 guint    min_chars,
                 guint    max_chars)
{
  guint target = (guint) g_rand_int_range (rand, (gint32) min_chars, (gint32) max_chars + 1);
  guint start = (guint) g_utf8_strlen (out->str, out->len);

  while (g_utf8_strlen (out->str, out->len) - start < target)
    {
      g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (out, g_rand_int_range (rand, 0, 6) == 0 ? "。" : g_rand_boolean (rand) ? "を" : "の");
    }
  g_string_append (out, "。");
}

/* 12 categories → 10 requirements each → 10 controls each, ISMAP-like
 * lengths: titles of 15–40 characters, statements of 80–400, some guidance */
static void
generate_catalog (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_string_append (xml,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\"6b1c7e1a-5b1e-4b7e-9a52-000000001200\">\n"
                   "<metadata><title>Synthetic ISMAP-size catalog (benchmark)</title>"
                   "<last-modified>2026-01-01T00:00:00Z</last-modified><version>1</version>"
                   "<oscal-version>1.1.2</oscal-version>"
                   "<prop ns=\"https://tenken.github.io/ns/oscal\" name=\"catalog-id\" value=\"bench-ismap-1200\"/>"
                   "</metadata>\n");
  for (guint t = 1; t <= N_TOPS; t++)
    {
      g_string_append_printf (xml, "<group id=\"g%u\" class=\"category\"><title>", t);
      append_japanese (xml, rand, 8, 20);
      g_string_append (xml, "</title>\n");
      for (guint s = 1; s <= N_SUBS_PER_TOP; s++)
        {
          g_string_append_printf (xml, " <group id=\"g%u.%u\" class=\"requirement\"><title>", t, s);
          append_japanese (xml, rand, 10, 30);
          g_string_append (xml, "</title>\n");
          for (guint c = 1; c <= N_CONTROLS_PER_SUB; c++)
            {
              g_string_append_printf (xml,
                                      "  <control id=\"c%u.%u.%u\" class=\"control\"><title>", t, s, c);
              append_japanese (xml, rand, 15, 40);
              g_string_append_printf (xml, "</title><prop name=\"label\" value=\"%u.%u.%u\"/>\n"
                                      "   <part id=\"c%u.%u.%u_smt\" name=\"statement\"><p>",
                                      t, s, c, t, s, c);
              append_japanese (xml, rand, 80, 400);
              g_string_append (xml, "</p></part>\n");
              if (g_rand_int_range (rand, 0, 3) == 0)
                {
                  g_string_append_printf (xml, "   <part id=\"c%u.%u.%u_gdn\" name=\"guidance\"><p>", t, s, c);
                  append_japanese (xml, rand, 100, 600);
                  g_string_append (xml, "</p></part>\n");
                }
              g_string_append (xml, "  </control>\n");
            }
          g_string_append (xml, " </group>\n");
        }
      g_string_append (xml, "</group>\n");
    }
  g_string_append (xml, "</catalog>\n");

  if (!g_file_set_contents (path, xml->str, xml->len, &error))
    g_error ("%s", error->message);
}

static TenkenResponse *
edited_response (TenkenDocument *document,
                 guint           index,
                 TenkenStatus    status)
{
  g_autoptr(TenkenResponse) live = g_list_model_get_item (tenken_document_get_responses (document), index);
  TenkenResponse *response = tenken_response_copy (live);

  tenken_response_set_status (response, status);
  if (status == TENKEN_STATUS_NOT_APPLICABLE)
    tenken_response_set_justification (response, "対象外のサービス範囲");
  if (status == TENKEN_STATUS_PLANNED)
    tenken_response_set_target_date (response, "2027-03-31");
  return response;
}

static void
generate_document (const char *catalog_path,
                   const char *path,
                   const char *dir)
{
  g_autoptr(GFile) catalog_file = g_file_new_for_path (catalog_path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) catalog = tenken_catalog_new_from_file (catalog_file, NULL, &error);
  g_autoptr(TenkenScope) scope = tenken_scope_new ();
  g_autoptr(TenkenDocument) document = NULL;
  g_autofree char *evidence_dir = g_build_filename (dir, "evidence", NULL);
  GListModel *responses;
  guint n;
  double start = now_ms ();

  if (catalog == NULL)
    g_error ("%s", error->message);
  tenken_scope_set_organisation (scope, "ベンチマーク株式会社");
  tenken_scope_set_service (scope, "Benchmark Cloud");
  tenken_scope_set_roles (scope, TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_OPERATOR | TENKEN_ROLE_SUPPLIER);
  document = tenken_document_create (file, catalog, scope, &error);
  if (document == NULL)
    g_error ("%s", error->message);

  responses = tenken_document_get_responses (document);
  n = g_list_model_get_n_items (responses);
  g_assert_cmpuint (n, ==, N_TOPS * N_SUBS_PER_TOP * N_CONTROLS_PER_SUB);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenResponse) response = edited_response (document, i, 1 + i % (TENKEN_N_STATUSES - 1));

      tenken_response_set_statement (response, "当社は本要求事項に従い、手順書を整備し、年に一度見直している。");
      tenken_response_set_owner (response, "情報セキュリティ委員会");
      if (!tenken_document_set_response (document, response, &error))
        g_error ("%s", error->message);
    }
  g_printerr ("  answered %u items in %.1f s\n", n, (now_ms () - start) / 1000);

  g_mkdir_with_parents (evidence_dir, 0700);
  start = now_ms ();
  for (guint e = 0; e < N_EVIDENCE; e++)
    {
      g_autofree char *name = g_strdup_printf ("証跡-%04u.txt", e);
      g_autofree char *evidence_path = g_build_filename (evidence_dir, name, NULL);
      g_autofree char *padding = g_strnfill (512 + e % 2048, 'x');
      g_autofree char *contents = g_strdup_printf ("Evidence %u\n%s\n", e, padding);
      g_autoptr(GFile) evidence_file = g_file_new_for_path (evidence_path);
      g_autoptr(TenkenResponse) live = g_list_model_get_item (responses, e % n);
      g_autoptr(TenkenEvidence) evidence = NULL;

      if (!g_file_set_contents (evidence_path, contents, -1, &error))
        g_error ("%s", error->message);
      evidence = tenken_document_add_evidence_file (document, evidence_file,
                                                    tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (live))),
                                                    NULL, NULL, NULL, NULL, NULL, &error);
      if (evidence == NULL)
        g_error ("%s", error->message);
      g_unlink (evidence_path);
    }
  g_printerr ("  added %u evidence files in %.1f s\n", N_EVIDENCE, (now_ms () - start) / 1000);
  tenken_document_close (document);
  g_rmdir (evidence_dir);
}

/* --- child processes --- */

/* Runs argv with extra environment; returns wall time in ms */
static double
run_timed (const char * const *argv,
           const char * const *extra_env)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  double start;

  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (extra_env[i], "=", 2);

      env = g_environ_setenv (env, kv[0], kv[1], TRUE);
    }
  start = now_ms ();
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_SEARCH_PATH,
                     NULL, NULL, NULL, NULL, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);
  return now_ms () - start;
}

static int
import_once (const char *catalog_path,
             const char *user_dir_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (catalog_path);
  g_autoptr(GFile) user_dir = g_file_new_for_path (user_dir_path);
  g_autofree char *system_path = g_build_filename (user_dir_path, "system", NULL);
  g_autoptr(GFile) system_dir = g_file_new_for_path (system_path);
  g_autoptr(TenkenCatalogRegistry) registry = NULL;
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (system_path, 0700);
  registry = tenken_catalog_registry_new_for_dirs (system_dir, user_dir);
  catalog = tenken_catalog_registry_import (registry, file, NULL, &error);
  if (catalog == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* What the app shows next: every item's rendered statement */
  for (guint i = 0; i < g_list_model_get_n_items (tenken_catalog_get_items (catalog)); i++)
    {
      g_autoptr(TenkenCatalogItem) item = g_list_model_get_item (tenken_catalog_get_items (catalog), i);

      (void) tenken_catalog_item_get_statement_text (item);
    }
  return 0;
}

/* --- measures --- */

static void
measure_import (const char *document_path,
                const char *dir,
                const char *self_path)
{
  const char *shared = g_getenv ("TENKEN_SHARED_DIR");
  g_autofree char *nist = g_build_filename (shared != NULL ? shared : "../shared", "testdata",
                                            "NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog.xml", NULL);
  g_autoptr(GArray) tenken = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) xmllint = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = quick ? 3 : 11;

  if (!g_file_test (nist, G_FILE_TEST_EXISTS))
    g_error ("%s is missing: set TENKEN_SHARED_DIR", nist);

  for (guint i = 0; i < runs; i++)
    {
      g_autofree char *user_dir = g_strdup_printf ("%s/import-%u", dir, i);
      const char *tenken_argv[] = { self_path, "import-once", nist, user_dir, NULL };
      const char *xmllint_argv[] = { "xmllint", "--noout", nist, NULL };
      double t;

      g_mkdir_with_parents (user_dir, 0700);
      t = run_timed (xmllint_argv, NULL);
      g_array_append_val (xmllint, t);
      t = run_timed (tenken_argv, NULL);
      g_array_append_val (tenken, t);
    }
  add_row ("Import NIST HIGH (median)", percentile (tenken, 50), percentile (xmllint, 50),
           "ms", "xmllint --noout", "≤ 3×", 3.0, TRUE);
}

static void
measure_commit (const char *document_path,
                const char *dir,
                const char *self_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (document_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenDocument) document = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_NONE, &error);
  g_autoptr(GArray) tenken = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sqlite = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *raw_path = g_build_filename (dir, "baseline.sqlite", NULL);
  sqlite3 *db = NULL;
  guint runs = quick ? 50 : 300;
  guint n;

  if (document == NULL)
    g_error ("%s", error->message);
  n = g_list_model_get_n_items (tenken_document_get_responses (document));

  for (guint i = 0; i < runs; i++)
    {
      guint index = (guint) g_rand_int_range (rand, 0, (gint32) n);
      g_autoptr(TenkenResponse) live = g_list_model_get_item (tenken_document_get_responses (document), index);
      TenkenStatus status = tenken_response_get_status (live) == TENKEN_STATUS_IMPLEMENTED ?
                            TENKEN_STATUS_PARTIAL : TENKEN_STATUS_IMPLEMENTED;
      g_autoptr(TenkenResponse) response = edited_response (document, index, status);
      double start = now_ms (), t;

      if (!tenken_document_set_response (document, response, &error))
        g_error ("%s", error->message);
      t = now_ms () - start;
      g_array_append_val (tenken, t);
    }
  tenken_document_close (document);

  /* The floor: one row updated in its own transaction, same file system,
   * same journal mode and durability as the document; made anew, since
   * --keep reuses the directory */
  for (guint i = 0; i < 3; i++)
    {
      const char *suffix[] = { "", "-wal", "-shm" };
      g_autofree char *path = g_strconcat (raw_path, suffix[i], NULL);

      g_unlink (path);
    }
  g_assert_cmpint (sqlite3_open (raw_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                                     "CREATE TABLE r (id INTEGER PRIMARY KEY, status TEXT);"
                                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)"
                                     " INSERT INTO r SELECT i, 'not-started' FROM n;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < runs; i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE r SET status = '%s' WHERE id = %d",
                                              i % 2 ? "implemented" : "partial",
                                              g_rand_int_range (rand, 1, 1201));
      double start = now_ms (), t;

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      t = now_ms () - start;
      g_array_append_val (sqlite, t);
    }
  sqlite3_close (db);

  add_row ("Commit one status edit, median", percentile (tenken, 50), percentile (sqlite, 50),
           "ms", "SQLite UPDATE, WAL, synchronous=FULL", "≤ 5 ms", 5.0, FALSE);
  add_row ("Commit one status edit, p99", percentile (tenken, 99), percentile (sqlite, 99),
           "ms", "SQLite UPDATE, WAL, synchronous=FULL", "–", NAN, FALSE);
}

/* The checklist's search, as TenkenDocumentView does it: a GtkCustomFilter
 * calling tenken_item_matches() with the query, MORE_STRICT while typing
 * and LESS_STRICT when the text is cleared, under the view's sort model */
typedef struct
{
  TenkenItemQuery query;
} SearchState;

static gboolean
match_response (gpointer item,
                gpointer user_data)
{
  SearchState *state = user_data;

  return tenken_item_matches (item, &state->query);
}

static int
compare_labels (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  TenkenCatalogNode *x = TENKEN_CATALOG_NODE (tenken_response_get_item ((TenkenResponse *) a));
  TenkenCatalogNode *y = TENKEN_CATALOG_NODE (tenken_response_get_item ((TenkenResponse *) b));

  return g_strcmp0 (tenken_catalog_node_get_sort_id (x), tenken_catalog_node_get_sort_id (y));
}

static void
type_keystrokes (GListModel      *model,
                 GtkFilter       *filter,
                 SearchState     *state,
                 GtkStringFilter *string_filter,
                 GArray          *times)
{
  const char *queries[] = { "セキュリティ", "アクセス制御", "ログ", "monitor", "1.2" };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      const char *end = queries[q];

      /* One keystroke = one more character; then the text is cleared */
      while (*end != '\0')
        {
          g_autofree char *prefix = NULL;
          double start, t;

          end = g_utf8_next_char (end);
          prefix = g_strndup (queries[q], end - queries[q]);
          start = now_ms ();
          if (string_filter != NULL)
            gtk_string_filter_set_search (string_filter, prefix);
          else
            {
              tenken_item_query_set_text (&state->query, prefix);
              gtk_filter_changed (filter, GTK_FILTER_CHANGE_MORE_STRICT);
            }
          /* What the list view asks next: the count and the first rows */
          for (guint i = 0; i < MIN (30, g_list_model_get_n_items (model)); i++)
            g_object_unref (g_list_model_get_item (model, i));
          t = now_ms () - start;
          g_array_append_val (times, t);
        }
      if (string_filter != NULL)
        gtk_string_filter_set_search (string_filter, NULL);
      else
        {
          tenken_item_query_set_text (&state->query, "");
          gtk_filter_changed (filter, GTK_FILTER_CHANGE_LESS_STRICT);
        }
      (void) g_list_model_get_n_items (model);
    }
}

static void
measure_search (const char *document_path,
                const char *dir,
                const char *self_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (document_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenDocument) document = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_READ_ONLY, &error);
  g_autoptr(GArray) tenken = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  SearchState state;
  GListModel *responses;
  GtkCustomFilter *filter;
  g_autoptr(GtkSortListModel) model = NULL;
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkStringFilter *string_filter;
  g_autoptr(GtkFilterListModel) string_model = NULL;
  guint rounds = quick ? 2 : 10;

  if (document == NULL)
    g_error ("%s", error->message);
  responses = tenken_document_get_responses (document);
  tenken_item_query_init (&state.query);
  filter = gtk_custom_filter_new (match_response, &state, NULL);
  model = gtk_sort_list_model_new (G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (responses), GTK_FILTER (filter))),
                                   GTK_SORTER (gtk_custom_sorter_new (compare_labels, NULL, NULL)));

  /* Baseline: GTK's own string filter over the same texts, joined */
  for (guint i = 0; i < g_list_model_get_n_items (responses); i++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, i);
      TenkenCatalogItem *item = tenken_response_get_item (response);
      g_autofree char *text = g_strjoin (" ", tenken_catalog_node_get_label (TENKEN_CATALOG_NODE (item)),
                                         tenken_catalog_node_get_title (TENKEN_CATALOG_NODE (item)),
                                         tenken_catalog_item_get_statement_text (item),
                                         tenken_response_get_statement (response), NULL);

      gtk_string_list_append (strings, text);
    }
  string_filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  string_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (strings)), GTK_FILTER (string_filter));

  /* As in the app, which folds the search texts while idle after opening;
   * the first keystroke without that is timed apart */
  {
    g_autoptr(GArray) cold = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(TenkenDocument) fresh = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_READ_ONLY, &error);
    g_autoptr(GtkFilterListModel) fresh_model = NULL;
    GtkCustomFilter *fresh_filter = gtk_custom_filter_new (match_response, &state, NULL);
    double start;

    if (fresh == NULL)
      g_error ("%s", error->message);
    fresh_model = gtk_filter_list_model_new (g_object_ref (tenken_document_get_responses (fresh)),
                                             GTK_FILTER (fresh_filter));
    type_keystrokes (G_LIST_MODEL (fresh_model), GTK_FILTER (fresh_filter), &state, NULL, cold);
    start = now_ms ();
    for (guint i = 0; i < g_list_model_get_n_items (responses); i++)
      {
        g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, i);

        tenken_item_prepare_search (response);
      }
    g_printerr ("  (without the idle preparation the first keystroke takes %.2f ms; "
                "the preparation, spread over idle time after opening, %.2f ms)\n",
                g_array_index (cold, double, 0), now_ms () - start);
  }

  for (guint r = 0; r < rounds; r++)
    {
      type_keystrokes (G_LIST_MODEL (model), GTK_FILTER (filter), &state, NULL, tenken);
      type_keystrokes (G_LIST_MODEL (string_model), NULL, NULL, string_filter, baseline);
    }

  add_row ("Search keystroke, median", percentile (tenken, 50), percentile (baseline, 50),
           "ms", "GtkStringFilter, same texts", "≤ 8 ms", 8.0, FALSE);
  add_row ("Search keystroke, p99", percentile (tenken, 99), percentile (baseline, 99),
           "ms", "GtkStringFilter, same texts", "≤ 8 ms", 8.0, FALSE);
  tenken_item_query_clear (&state.query);
}

/* --- selecting the next item (Alt+Down) --- */

/* Until the frame showing it is painted: the selection, the detail pane's
 * new texts, their layout and drawing. Each step starts from a quiet main
 * loop, so it pays for its own frame only. */
static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  *(gboolean *) data = TRUE;
}

static void
settle (guint ms)
{
  double end = now_ms () + ms;

  while (now_ms () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

typedef void (*StepFunc) (gpointer data,
                          guint    i);

static void
time_steps (GtkWidget *window,
            StepFunc   step,
            gpointer   data,
            guint      n,
            GArray    *times)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  for (guint i = 0; i < n; i++)
    {
      gboolean painted = FALSE;
      gulong id;
      double start, t;

      settle (30);
      id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
      start = now_ms ();
      step (data, i);
      while (!painted && now_ms () - start < 5000)
        g_main_context_iteration (NULL, TRUE);
      t = now_ms () - start;
      g_signal_handler_disconnect (clock, id);
      if (!painted)
        g_error ("No frame was painted after selecting item %u", i + 1);
      g_array_append_val (times, t);
    }
}

static GtkWidget *
bench_window (GtkWidget *child)
{
  GtkWidget *window = adw_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  adw_window_set_content (ADW_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (child))
    g_main_context_iteration (NULL, TRUE);
  /* Past the first frames and the idle work after opening */
  settle (1000);
  return window;
}

static void
step_view (gpointer data,
           guint    i)
{
  gtk_widget_activate_action (GTK_WIDGET (data), "view.next-item", NULL);
}

typedef struct
{
  GtkSingleSelection *selection;
  GtkLabel           *label;
  GPtrArray          *texts;
} BaselineSelect;

static void
step_baseline (gpointer data,
               guint    i)
{
  BaselineSelect *b = data;

  gtk_single_selection_set_selected (b->selection, i + 1);
  gtk_label_set_label (b->label, g_ptr_array_index (b->texts, i + 1));
}

static void
setup_label_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label_row (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  GtkStringObject *string = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (string));
}

static void
measure_select (const char *document_path,
                const char *dir,
                const char *self_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (document_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GArray) tenken = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) rows_model = gtk_string_list_new (NULL);
  BaselineSelect b = { NULL, NULL, texts };
  GtkListItemFactory *factory;
  GtkWidget *window, *view, *box, *list, *scroller, *label, *detail;
  GListModel *responses;
  guint n = quick ? 15 : 80;

  /* The app reads its settings schema from the build tree */
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL && tenken_paths_get_uninstalled_gsettings_dir () != NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", tenken_paths_get_uninstalled_gsettings_dir (), TRUE);
  adw_init ();

  document = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_READ_ONLY, &error);
  if (document == NULL)
    g_error ("%s", error->message);

  view = tenken_document_view_new ();
  tenken_document_view_set_document (TENKEN_DOCUMENT_VIEW (view), document);
  window = bench_window (view);
  time_steps (window, step_view, view, n, tenken);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Baseline: a list of the same rows and a label given the same item's
   * title and texts, the smallest window that shows a selected item */
  responses = tenken_document_get_responses (document);
  for (guint i = 0; i < g_list_model_get_n_items (responses); i++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, i);
      TenkenCatalogItem *item = tenken_response_get_item (response);
      const char *item_label = tenken_catalog_node_get_label (TENKEN_CATALOG_NODE (item));
      const char *title = tenken_catalog_node_get_title (TENKEN_CATALOG_NODE (item));
      g_autofree char *row = g_strjoin (" ", item_label, title, NULL);

      gtk_string_list_append (rows_model, row);
      g_ptr_array_add (texts, g_strjoin ("\n\n", item_label, title, tenken_catalog_item_get_statement_text (item),
                                         tenken_response_get_statement (response), NULL));
    }
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_row), NULL);
  b.selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (rows_model)));
  list = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (b.selection)), factory);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_size_request (scroller, 340, -1);
  label = gtk_label_new (g_ptr_array_index (texts, 0));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_hexpand (label, TRUE);
  b.label = GTK_LABEL (label);
  /* Scrolled like the detail pane, so a long text does not resize the window */
  detail = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (detail), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (detail), label);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), detail);
  window = bench_window (box);
  time_steps (window, step_baseline, &b, n, baseline);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (b.selection);

  add_row ("Select next item, median", percentile (tenken, 50), percentile (baseline, 50),
           "ms", "GtkListView + GtkLabel, same texts", "≤ 16.7 ms (a frame)", 16.7, FALSE);
  add_row ("Select next item, p99", percentile (tenken, 99), percentile (baseline, 99),
           "ms", "GtkListView + GtkLabel, same texts", "≤ 50 ms", 50.0, FALSE);
}

/* The gap report as PDF and XLSX, against the same libraries used directly:
 * cairo + Pango writing the same texts one paragraph after another (PDF),
 * and one xlsx worksheet of the same cells (XLSX) */
static double
time_export (TenkenDocument     *document,
             TenkenExportFormat  format,
             const char         *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TenkenReport) report = NULL;
  double start = now_ms ();

  report = tenken_report_new (document, TENKEN_REPORT_GAP, "ja", NULL, &error);
  if (report == NULL || !tenken_export_report (report, format, file, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  return now_ms () - start;
}

static GPtrArray *
report_texts (TenkenDocument *document)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  GListModel *responses = tenken_document_get_responses (document);

  for (guint i = 0; i < g_list_model_get_n_items (responses); i++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, i);
      TenkenCatalogItem *item = tenken_response_get_item (response);

      g_ptr_array_add (texts, g_strdup (tenken_catalog_node_get_label (TENKEN_CATALOG_NODE (item))));
      g_ptr_array_add (texts, g_strdup (tenken_catalog_node_get_title (TENKEN_CATALOG_NODE (item))));
      g_ptr_array_add (texts, g_strdup (tenken_catalog_item_get_statement_text (item)));
      g_ptr_array_add (texts, g_strdup (tenken_response_get_statement (response)));
    }
  return texts;
}

static double
baseline_pdf (GPtrArray  *texts,
              const char *path)
{
  double start = now_ms ();
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Noto Sans CJK JP 9");
  double y = 40;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, 515 * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  for (guint i = 0; i < texts->len; i++)
    {
      int height;

      pango_layout_set_text (layout, g_ptr_array_index (texts, i), -1);
      pango_layout_get_pixel_size (layout, NULL, &height);
      if (y + height > 800)
        {
          cairo_show_page (cr);
          y = 40;
        }
      cairo_move_to (cr, 40, y);
      pango_cairo_show_layout (cr, layout);
      y += height + 4;
    }
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return now_ms () - start;
}

static double
baseline_xlsx (GPtrArray  *texts,
               const char *path)
{
  double start = now_ms ();
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);

  for (guint i = 0; i < texts->len; i++)
    worksheet_write_string (sheet, (lxw_row_t) (i / 4 + 1), (lxw_col_t) (i % 4), g_ptr_array_index (texts, i), NULL);
  if (workbook_close (workbook) != LXW_NO_ERROR)
    g_error ("libxlsxwriter could not write %s", path);
  return now_ms () - start;
}

static void
measure_export (const char *document_path,
                const char *dir,
                const char *self_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (document_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenDocument) document = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GArray) pdf = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) xlsx = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pdf_base = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) xlsx_base = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *pdf_path = g_build_filename (dir, "gap.pdf", NULL);
  g_autofree char *xlsx_path = g_build_filename (dir, "gap.xlsx", NULL);
  g_autofree char *pdf_base_path = g_build_filename (dir, "baseline.pdf", NULL);
  g_autofree char *xlsx_base_path = g_build_filename (dir, "baseline.xlsx", NULL);
  guint runs = quick ? 2 : 5;

  if (document == NULL)
    g_error ("%s", error->message);
  texts = report_texts (document);
  for (guint i = 0; i < runs; i++)
    {
      double t;

      t = time_export (document, TENKEN_EXPORT_PDF, pdf_path);
      g_array_append_val (pdf, t);
      t = baseline_pdf (texts, pdf_base_path);
      g_array_append_val (pdf_base, t);
      t = time_export (document, TENKEN_EXPORT_XLSX, xlsx_path);
      g_array_append_val (xlsx, t);
      t = baseline_xlsx (texts, xlsx_base_path);
      g_array_append_val (xlsx_base, t);
    }
  add_row ("Export gap report, PDF", percentile (pdf, 50), percentile (pdf_base, 50),
           "ms", "cairo + Pango, same texts", "≤ 1 s", 1000.0, FALSE);
  add_row ("Export gap report, XLSX", percentile (xlsx, 50), percentile (xlsx_base, 50),
           "ms", "libxlsxwriter, same cells", "≤ 0.5 s", 500.0, FALSE);
}

static void
read_first_frame (const char *out_path,
                  double      start_us,
                  GArray     *times,
                  GArray     *rss)
{
  g_autofree char *text = NULL;
  const char *line;
  double t, kib;

  if (!g_file_get_contents (out_path, &text, NULL, NULL))
    g_error ("no first frame was reported (%s)", out_path);
  line = strstr (text, "first-frame-us ");
  g_assert_nonnull (line);
  t = (g_ascii_strtod (line + 15, NULL) - start_us) / 1000.0;
  g_array_append_val (times, t);
  line = strstr (text, "peak-rss-kib ");
  g_assert_nonnull (line);
  kib = g_ascii_strtod (line + 13, NULL) / 1024.0;
  g_array_append_val (rss, kib);
  g_unlink (out_path);
}

static void
measure_startup (const char *document_path,
                 const char *dir,
                 const char *self_path)
{
  const char *app = g_getenv ("TENKEN_BENCH_APP");
  const char *minimal = g_getenv ("TENKEN_BENCH_MINIMAL");
  const char *shim = g_getenv ("TENKEN_BENCH_SHIM");
  g_autofree char *out_path = g_build_filename (dir, "first-frame.out", NULL);
  g_autofree char *out_env = g_strconcat ("TENKEN_BENCH_OUT=", out_path, NULL);
  g_autofree char *preload_env = g_strconcat ("LD_PRELOAD=", shim, NULL);
  const char *env[] = { out_env, preload_env, NULL };
  g_autoptr(GArray) tenken = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tenken_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline_rss = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = quick ? 3 : 9;

  if (app == NULL || minimal == NULL || shim == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_printerr ("  start-up and memory skipped: run through bench/run (needs Xvfb)\n");
      return;
    }

  /* One warm-up each: the first run pays for the disk cache */
  for (guint i = 0; i < runs + 1; i++)
    {
      const char *app_argv[] = { app, document_path, NULL };
      const char *minimal_argv[] = { minimal, document_path, NULL };
      double start_us;

      start_us = (double) g_get_monotonic_time ();
      run_timed (minimal_argv, env);
      if (i > 0)
        read_first_frame (out_path, start_us, baseline, baseline_rss);
      else
        g_unlink (out_path);

      start_us = (double) g_get_monotonic_time ();
      run_timed (app_argv, env);
      if (i > 0)
        read_first_frame (out_path, start_us, tenken, tenken_rss);
      else
        g_unlink (out_path);
    }

  add_row ("Start-up to first frame", percentile (tenken, 50), percentile (baseline, 50),
           "ms", "minimal GTK 4 + libadwaita window", "≤ 1.5×", 1.5, TRUE);
  add_row ("Peak RSS, document open", percentile (tenken_rss, 50), percentile (baseline_rss, 50),
           "MiB", "minimal GTK 4 + libadwaita window", "≤ 80 MB", 80.0 * 1000 * 1000 / (1024 * 1024), FALSE);
}

/* In the order they run; --only picks some by name */
static const struct
{
  const char *name;
  void      (*measure) (const char *document_path,
                       const char *dir,
                       const char *self_path);
} measures[] = {
  { "startup", measure_startup },
  { "import", measure_import },
  { "commit", measure_commit },
  { "search", measure_search },
  { "select", measure_select },
  { "export", measure_export },
};

static int
run (int    argc,
     char **argv)
{
  g_autofree char *keep = NULL;
  g_autofree char *only = NULL;
  g_auto(GStrv) wanted = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *catalog_path = NULL;
  g_autofree char *document_path = NULL;
  g_autofree char *self_path = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Fewer repetitions (a smoke test)", NULL },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep (and reuse) the generated inputs in DIR", "DIR" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Only these measures: startup, import, commit, search, select, export (comma-separated)", "LIST" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("run — the Tenken benchmark");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  wanted = only != NULL ? g_strsplit (only, ",", -1) : NULL;

  for (guint j = 0; wanted != NULL && wanted[j] != NULL; j++)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
        known |= g_str_equal (wanted[j], measures[i].name);
      if (!known)
        {
          g_printerr ("--only: there is no measure “%s”. Choose from startup, import, commit, "
                      "search, select, export.\n", wanted[j]);
          return 2;
        }
    }

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("tenken-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  g_mkdir_with_parents (dir, 0700);
  catalog_path = g_build_filename (dir, "ismap-1200.xml", NULL);
  document_path = g_build_filename (dir, "ismap-1200.tenken", NULL);
  rows = g_ptr_array_new ();

  if (!g_file_test (document_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("Generating inputs in %s\n", dir);
      generate_catalog (catalog_path);
      generate_document (catalog_path, document_path, dir);
    }

  g_printerr ("Measuring\n");
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      double t = now_ms ();

      if (wanted != NULL && !g_strv_contains ((const char * const *) wanted, measures[i].name))
        continue;
      measures[i].measure (document_path, dir, self_path);
      g_printerr ("  (%s: %.1f s)\n", measures[i].name, (now_ms () - t) / 1000);
    }

  print_table ();
  printf ("Inputs: %s (%d controls, %d evidence files)\n", dir,
          N_TOPS * N_SUBS_PER_TOP * N_CONTROLS_PER_SUB, N_EVIDENCE);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (argc >= 4 && g_str_equal (argv[1], "import-once"))
    return import_once (argv[2], argv[3]);
  if (argc >= 2 && g_str_equal (argv[1], "run"))
    return run (argc - 1, argv + 1);

  g_printerr ("Usage: %s run [--quick] [--keep DIR] [--only LIST]\n", argv[0]);
  return 2;
}
