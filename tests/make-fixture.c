/* make-fixture.c: writes tests/fixtures/vN.tenken with the current schema
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the schema version goes up, keep the old fixtures and add the new
 * one (see tests/fixtures/README.md):
 *   ./build/tests/make-fixture tests/fixtures/mini-catalog.xml tests/fixtures/vN.tenken
 * test-document opens every fixture, migrates it and checks this content.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "tenken-core.h"

static void
set (TenkenDocument *document,
     const char     *item_id,
     TenkenStatus    status,
     const char     *justification,
     const char     *target_date,
     const char     *statement)
{
  g_autoptr(TenkenResponse) copy = tenken_response_copy (tenken_document_get_response (document, item_id));
  g_autoptr(GError) error = NULL;

  tenken_response_set_status (copy, status);
  tenken_response_set_justification (copy, justification);
  tenken_response_set_target_date (copy, target_date);
  tenken_response_set_statement (copy, statement);
  if (!tenken_document_set_response (document, copy, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) catalog_file = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autoptr(TenkenScope) scope = tenken_scope_new ();
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autoptr(TenkenEvidence) url = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *evidence_path = NULL;
  g_autoptr(GFile) evidence_file = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "Usage: %s CATALOG.xml OUTPUT.tenken\n", argv[0]);
      return 2;
    }

  catalog_file = g_file_new_for_commandline_arg (argv[1]);
  catalog = tenken_catalog_new_from_file (catalog_file, NULL, &error);
  if (catalog == NULL)
    g_error ("%s", error->message);

  tenken_scope_set_organisation (scope, "Fixture Organisation");
  tenken_scope_set_service (scope, "Fixture Service");
  tenken_scope_set_roles (scope, TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_SUPPLIER);
  tenken_scope_set_period_start (scope, "2026-04-01");
  tenken_scope_set_period_end (scope, "2027-03-31");

  file = g_file_new_for_commandline_arg (argv[2]);
  document = tenken_document_create (file, catalog, scope, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  tenken_document_set_author (document, "Fixture Author");

  set (document, "s1-1.1", TENKEN_STATUS_IMPLEMENTED, NULL, NULL, "Policy approved by the board.");
  set (document, "s2-1.2", TENKEN_STATUS_NOT_APPLICABLE, "No software is shipped.", NULL, NULL);
  set (document, "s1-2.1", TENKEN_STATUS_PLANNED, NULL, "2026-12-31", "Scheduled.");

  tmp_dir = g_dir_make_tmp ("tenken-fixture-XXXXXX", &error);
  evidence_path = g_build_filename (tmp_dir, "policy.txt", NULL);
  g_file_set_contents (evidence_path, "Fixture evidence content.\n", -1, &error);
  evidence_file = g_file_new_for_path (evidence_path);
  evidence = tenken_document_add_evidence_file (document, evidence_file, "s1-1.1", "Board minutes",
                                                "2026-03-01", NULL, NULL, NULL, &error);
  if (evidence == NULL)
    g_error ("%s", error->message);
  url = tenken_document_add_evidence_url (document, "https://example.com/policy", "s1-1.1", NULL, &error);
  if (url == NULL)
    g_error ("%s", error->message);

  tenken_document_close (document);
  g_unlink (evidence_path);
  g_rmdir (tmp_dir);

  return 0;
}
