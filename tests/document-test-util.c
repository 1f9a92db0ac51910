/* document-test-util.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "document-test-util.h"

TenkenCatalog *
doc_test_load_catalog (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "mini-catalog.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TenkenCatalog *catalog = tenken_catalog_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return catalog;
}

TenkenScope *
doc_test_new_scope (void)
{
  TenkenScope *scope = tenken_scope_new ();

  tenken_scope_set_organisation (scope, "Example Cloud KK");
  tenken_scope_set_service (scope, "Example Platform");
  tenken_scope_set_roles (scope, TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_OPERATOR);
  tenken_scope_set_tier (scope, TENKEN_TIER_SUB);
  tenken_scope_set_assessment_type (scope, TENKEN_ASSESSMENT_DESIGN);
  tenken_scope_set_period_start (scope, "2026-04-01");
  tenken_scope_set_period_end (scope, "2027-03-31");
  tenken_scope_set_assessor (scope, "Hanako Auditor");
  tenken_scope_set_notes (scope, "Notes with\nnewlines and 日本語");

  return scope;
}

TenkenDocument *
doc_test_create (const char *dir,
                 const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TenkenCatalog) catalog = doc_test_load_catalog ();
  g_autoptr(TenkenScope) scope = doc_test_new_scope ();
  g_autoptr(GError) error = NULL;
  TenkenDocument *document = tenken_document_create (file, catalog, scope, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

int
doc_test_exec (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);

  return rc;
}

gint64
doc_test_query_int (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

void
doc_test_remove_dir (const char *dir)
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
