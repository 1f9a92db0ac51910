/* export-fixture.h: a METI assessment with hostile and Japanese answers,
 * for the report and export tests
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib/gstdio.h>

#include "tenken-core.h"

#define EXPORT_TODAY "2026-11-22"
#define JA_STATEMENT "多要素認証を導入済み。"
#define FORMULA_STATEMENT "=HYPERLINK(\"http://x\",\"y\")"
#define SCRIPT_STATEMENT "<script>alert(1)</script>"
/* The evidence's note, with markup that must stay text */
#define EVIDENCE_NOTE "署名済みの議事録 <b>v1</b>"

typedef struct
{
  char           *dir;
  TenkenDocument *document;
  char           *evidence_sha256;
} ExportFixture;

G_GNUC_UNUSED static TenkenCatalog *
export_fixture_load_meti (void)
{
  const char *data_dir = g_getenv ("TENKEN_DATA_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  TenkenCatalog *catalog;

  g_assert_nonnull (data_dir);
  path = g_build_filename (data_dir, "catalogs", "meti-cip-guidelines.xml", NULL);
  file = g_file_new_for_path (path);
  catalog = tenken_catalog_new_from_file (file, NULL, &error);
  g_assert_no_error (error);

  return catalog;
}

G_GNUC_UNUSED static void
export_fixture_answer (TenkenDocument *document,
                       const char     *label,
                       TenkenStatus    status,
                       const char     *statement,
                       const char     *owner,
                       const char     *due,
                       const char     *target,
                       const char     *justification)
{
  TenkenResponse *live = tenken_document_get_response_by_label (document, label);
  g_autoptr(TenkenResponse) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (live);
  copy = tenken_response_copy (live);
  tenken_response_set_status (copy, status);
  tenken_response_set_statement (copy, statement);
  tenken_response_set_owner (copy, owner);
  tenken_response_set_due_date (copy, due);
  tenken_response_set_target_date (copy, target);
  tenken_response_set_justification (copy, justification);
  g_assert_true (tenken_document_set_response (document, copy, &error));
  g_assert_no_error (error);
}

/*
 * Roles developer + operator (category (6), customer, is out of scope).
 *   S(1)-1.1  implemented      Japanese statement, evidence
 *   S(1)-1.2  not implemented  formula statement, owner, due 2027-01-31
 *   S(1)-1.3  partial          script statement + Japanese, due 2026-12-01
 *   S(2)-1.1  planned          target 2027-03-31
 *   S(2)-1.2  not applicable   justification
 *   S(1)-1.4  not started      due 2026-10-01: overdue
 *   everything else: not started
 */
G_GNUC_UNUSED static void
export_fixture_setup (ExportFixture *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(TenkenCatalog) catalog = export_fixture_load_meti ();
  g_autoptr(TenkenScope) scope = tenken_scope_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *evidence_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) evidence_file = NULL;
  g_autoptr(TenkenEvidence) evidence = NULL;
  TenkenResponse *item;

  fixture->dir = g_dir_make_tmp ("tenken-export-XXXXXX", &error);
  g_assert_no_error (error);

  tenken_scope_set_organisation (scope, "Example K.K. & Sons <Ltd>");
  tenken_scope_set_service (scope, "Example Cloud");
  tenken_scope_set_roles (scope, TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_OPERATOR);
  tenken_scope_set_tier (scope, TENKEN_TIER_PRIME);
  tenken_scope_set_assessment_type (scope, TENKEN_ASSESSMENT_SELF);
  tenken_scope_set_period_start (scope, "2026-04-01");
  tenken_scope_set_period_end (scope, "2027-03-31");

  path = g_build_filename (fixture->dir, "meti.tenken", NULL);
  file = g_file_new_for_path (path);
  fixture->document = tenken_document_create (file, catalog, scope, &error);
  g_assert_no_error (error);
  tenken_document_set_author (fixture->document, "Hanako Yamada");

  export_fixture_answer (fixture->document, "S(1)-1.1", TENKEN_STATUS_IMPLEMENTED,
                         JA_STATEMENT, "Security team", NULL, NULL, NULL);
  export_fixture_answer (fixture->document, "S(1)-1.2", TENKEN_STATUS_NOT_IMPLEMENTED,
                         FORMULA_STATEMENT, "Sato", "2027-01-31", NULL, NULL);
  export_fixture_answer (fixture->document, "S(1)-1.3", TENKEN_STATUS_PARTIAL,
                         SCRIPT_STATEMENT " " JA_STATEMENT, "Suzuki, Ops", "2026-12-01", NULL, NULL);
  export_fixture_answer (fixture->document, "S(2)-1.1", TENKEN_STATUS_PLANNED,
                         "Rollout, \"phase 2\"\nsecond line", NULL, NULL, "2027-03-31", NULL);
  export_fixture_answer (fixture->document, "S(2)-1.2", TENKEN_STATUS_NOT_APPLICABLE,
                         NULL, NULL, NULL, NULL, "No software is developed in-house.");

  export_fixture_answer (fixture->document, "S(1)-1.4", TENKEN_STATUS_NOT_STARTED,
                         NULL, NULL, "2026-10-01", NULL, NULL);

  evidence_path = g_build_filename (fixture->dir, "policy.txt", NULL);
  g_assert_true (g_file_set_contents (evidence_path, "MFA policy v1\n", -1, NULL));
  evidence_file = g_file_new_for_path (evidence_path);
  item = tenken_document_get_response_by_label (fixture->document, "S(1)-1.3");
  evidence = tenken_document_add_evidence_file (fixture->document, evidence_file,
                                                tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (item))),
                                                EVIDENCE_NOTE, "2026-10-15", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->evidence_sha256 = g_strdup (tenken_evidence_get_sha256 (evidence));
  g_unlink (evidence_path);
}

/* Removes a flat temporary directory (the document leaves -wal/-shm files),
 * unless $TENKEN_TEST_KEEP is set to look at the outputs. Frees @path. */
G_GNUC_UNUSED static void
export_fixture_remove_dir (char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_getenv ("TENKEN_TEST_KEEP") != NULL)
    {
      g_test_message ("kept %s", path);
      g_free (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
  g_free (path);
}

G_GNUC_UNUSED static void
export_fixture_teardown (ExportFixture *fixture,
                         gconstpointer  user_data)
{
  tenken_document_close (fixture->document);
  g_clear_object (&fixture->document);
  g_free (fixture->evidence_sha256);
  export_fixture_remove_dir (g_steal_pointer (&fixture->dir));
}
