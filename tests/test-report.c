/* test-report.c: what gap and full reports list, and their words
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "tenken-core.h"
#include "tenken-export.h"

#include "export-fixture.h"

/*
 * A  g1: requirement r1 (a-1 [developer], a-2 [customer], a-3), control a-4
 *        directly in the category with enhancement a-4.1
 * B  g2: requirement r2 (b-1, b-2)
 */
static const char report_catalog_xml[] =
  "<?xml version='1.0' encoding='UTF-8'?>\n"
  "<catalog xmlns='http://csrc.nist.gov/ns/oscal/1.0' uuid='8a7d1b0e-6f43-4b0c-9d7e-2c5b4f1a9e33'>\n"
  " <metadata><title>Report fixture</title><last-modified>2026-01-01T00:00:00Z</last-modified>"
  "  <version>1</version><oscal-version>1.1.2</oscal-version></metadata>\n"
  " <group id='g1'><title>Alpha</title><prop name='label' value='A'/>\n"
  "  <group id='r1'><title>First requirement</title><prop name='label' value='A-1'/>\n"
  "   <control id='a-1'><title>One</title><prop name='label' value='A-1.1'/>"
  "    <prop ns='https://tenken.github.io/ns/oscal' name='role' value='developer'/>"
  "    <part id='a-1_smt' name='statement'><p>Do one.</p></part></control>\n"
  "   <control id='a-2'><title>Two</title><prop name='label' value='A-1.2'/>"
  "    <prop ns='https://tenken.github.io/ns/oscal' name='role' value='customer'/>"
  "    <part id='a-2_smt' name='statement'><p>Do two.</p></part></control>\n"
  "   <control id='a-3'><title>Three</title><prop name='label' value='A-1.3'/>"
  "    <part id='a-3_smt' name='statement'><p>Do three.</p></part></control>\n"
  "  </group>\n"
  "  <control id='a-4'><title>Four</title><prop name='label' value='A-4'/>"
  "   <part id='a-4_smt' name='statement'><p>Do four.</p></part>\n"
  "   <control id='a-4.1'><title>Four, more</title><prop name='label' value='A-4(1)'/>"
  "    <part id='a-4.1_smt' name='statement'><p>Do more.</p></part></control>\n"
  "  </control>\n"
  " </group>\n"
  " <group id='g2'><title>Beta</title><prop name='label' value='B'/>\n"
  "  <group id='r2'><title>Second requirement</title><prop name='label' value='B-1'/>\n"
  "   <control id='b-1'><title>Bee one</title><prop name='label' value='B-1.1'/>"
  "    <part id='b-1_smt' name='statement'><p>Bee.</p></part></control>\n"
  "   <control id='b-2'><title>Bee two</title><prop name='label' value='B-1.2'/>"
  "    <part id='b-2_smt' name='statement'><p>Bee too.</p></part></control>\n"
  "  </group>\n"
  " </group>\n"
  "</catalog>\n";

typedef struct
{
  char           *dir;
  TenkenDocument *document;
} Fixture;

static void
set_answer (TenkenDocument *document,
            const char     *item_id,
            TenkenStatus    status,
            const char     *due,
            const char     *target)
{
  g_autoptr(TenkenResponse) copy = tenken_response_copy (tenken_document_get_response (document, item_id));
  g_autoptr(GError) error = NULL;

  tenken_response_set_status (copy, status);
  tenken_response_set_due_date (copy, due);
  tenken_response_set_target_date (copy, target);
  if (status == TENKEN_STATUS_NOT_APPLICABLE)
    tenken_response_set_justification (copy, "Not used here.");
  g_assert_true (tenken_document_set_response (document, copy, &error));
  g_assert_no_error (error);
}

static void
set_roles (TenkenDocument *document,
           TenkenRoles     roles)
{
  g_autoptr(TenkenScope) scope = tenken_document_dup_scope (document);
  g_autoptr(GError) error = NULL;

  tenken_scope_set_roles (scope, roles);
  g_assert_true (tenken_document_set_scope (document, scope, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (report_catalog_xml, strlen (report_catalog_xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) catalog = tenken_catalog_new_from_bytes (bytes, "report-fixture.xml", &error);
  g_autoptr(TenkenScope) scope = tenken_scope_new ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_assert_no_error (error);
  fixture->dir = g_dir_make_tmp ("tenken-report-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "report.tenken", NULL);
  file = g_file_new_for_path (path);

  tenken_scope_set_organisation (scope, "Example K.K.");
  tenken_scope_set_service (scope, "Example Cloud");
  tenken_scope_set_roles (scope, TENKEN_ROLE_DEVELOPER);
  fixture->document = tenken_document_create (file, catalog, scope, &error);
  g_assert_no_error (error);

  set_answer (fixture->document, "a-1", TENKEN_STATUS_IMPLEMENTED, NULL, NULL);
  set_answer (fixture->document, "a-2", TENKEN_STATUS_NOT_IMPLEMENTED, "2026-01-01", NULL);
  set_answer (fixture->document, "a-3", TENKEN_STATUS_PARTIAL, "2026-12-01", NULL);
  set_answer (fixture->document, "a-4", TENKEN_STATUS_PLANNED, NULL, "2026-07-01");
  set_answer (fixture->document, "a-4.1", TENKEN_STATUS_NOT_APPLICABLE, NULL, NULL);
  /* b-1 stays not started, undated */
  set_answer (fixture->document, "b-2", TENKEN_STATUS_NOT_IMPLEMENTED, "2026-06-01", "2026-09-01");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  user_data)
{
  tenken_document_close (fixture->document);
  g_clear_object (&fixture->document);
  export_fixture_remove_dir (g_steal_pointer (&fixture->dir));
}

static char *
ids_of (GPtrArray *responses)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < responses->len; i++)
    {
      TenkenCatalogItem *item = tenken_response_get_item (g_ptr_array_index (responses, i));

      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (item)));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static TenkenReport *
make_report (Fixture          *fixture,
             TenkenReportKind  kind,
             const char       *lang)
{
  g_autoptr(GError) error = NULL;
  TenkenReport *report = tenken_report_new (fixture->document, kind, lang, "2026-11-22", &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_gap_items (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(TenkenReport) report = make_report (fixture, TENKEN_REPORT_GAP, "en");
  g_autofree char *listed = ids_of (tenken_report_get_responses (report));
  GPtrArray *categories = tenken_report_get_categories (report);
  TenkenReportCategory *alpha, *beta;
  TenkenReportRequirement *req;
  g_autofree char *r1_ids = NULL;
  g_autofree char *a4_ids = NULL;
  g_autofree char *r2_ids = NULL;

  /* a-1 implemented and a-4.1 not applicable are no gaps; a-2 is the
   * customer's, out of a developer's scope */
  g_assert_cmpstr (listed, ==, "a-3 a-4 b-1 b-2");
  g_assert_true (tenken_report_get_kind (report) == TENKEN_REPORT_GAP);
  g_assert_cmpstr (tenken_report_get_title (report), ==, "Gap report");
  g_assert_cmpstr (tenken_report_get_today (report), ==, "2026-11-22");

  /* category → requirement → items; a control directly in a category has
   * no requirement, and its enhancement stays with it */
  g_assert_cmpuint (categories->len, ==, 2);
  alpha = g_ptr_array_index (categories, 0);
  beta = g_ptr_array_index (categories, 1);
  g_assert_cmpstr (tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (alpha->category)), ==, "g1");
  g_assert_cmpuint (alpha->requirements->len, ==, 2);
  req = g_ptr_array_index (alpha->requirements, 0);
  g_assert_cmpstr (tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (req->requirement)), ==, "r1");
  r1_ids = ids_of (req->responses);
  g_assert_cmpstr (r1_ids, ==, "a-3");
  req = g_ptr_array_index (alpha->requirements, 1);
  g_assert_null (req->requirement);
  a4_ids = ids_of (req->responses);
  g_assert_cmpstr (a4_ids, ==, "a-4");

  g_assert_cmpstr (tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (beta->category)), ==, "g2");
  g_assert_cmpuint (beta->requirements->len, ==, 1);
  req = g_ptr_array_index (beta->requirements, 0);
  r2_ids = ids_of (req->responses);
  g_assert_cmpstr (r2_ids, ==, "b-1 b-2");
}

static void
test_full_items (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(TenkenReport) report = make_report (fixture, TENKEN_REPORT_FULL, "en");
  g_autofree char *listed = ids_of (tenken_report_get_responses (report));
  TenkenReportCategory *alpha;
  TenkenReportRequirement *req;
  g_autofree char *a4_ids = NULL;
  guint counts[TENKEN_N_STATUSES];
  guint total;

  g_assert_cmpstr (listed, ==, "a-1 a-3 a-4 a-4.1 b-1 b-2");
  g_assert_cmpstr (tenken_report_get_title (report), ==, "Full report");

  alpha = g_ptr_array_index (tenken_report_get_categories (report), 0);
  req = g_ptr_array_index (alpha->requirements, 1);
  a4_ids = ids_of (req->responses);
  g_assert_cmpstr (a4_ids, ==, "a-4 a-4.1");

  total = tenken_report_get_counts (report, counts);
  g_assert_cmpuint (total, ==, 6);
  g_assert_cmpuint (counts[TENKEN_STATUS_IMPLEMENTED], ==, 1);
  g_assert_cmpuint (counts[TENKEN_STATUS_PARTIAL], ==, 1);
  g_assert_cmpuint (counts[TENKEN_STATUS_PLANNED], ==, 1);
  g_assert_cmpuint (counts[TENKEN_STATUS_NOT_APPLICABLE], ==, 1);
  g_assert_cmpuint (counts[TENKEN_STATUS_NOT_STARTED], ==, 1);
  g_assert_cmpuint (counts[TENKEN_STATUS_NOT_IMPLEMENTED], ==, 1);
}

static void
test_remediation_order (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TenkenReport) report = make_report (fixture, TENKEN_REPORT_GAP, "en");
  g_autofree char *plan = ids_of (tenken_report_get_remediation (report));

  /* b-2 due 06-01 (its due date wins over its target), a-4 target 07-01,
   * a-3 due 12-01, b-1 undated last */
  g_assert_cmpstr (plan, ==, "b-2 a-4 a-3 b-1");
}

static void
test_remediation_ties (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(TenkenReport) report = NULL;
  g_autofree char *plan = NULL;

  /* Same date: catalog order; several undated: catalog order */
  set_answer (fixture->document, "a-3", TENKEN_STATUS_PARTIAL, "2026-06-01", NULL);
  set_answer (fixture->document, "a-4", TENKEN_STATUS_NOT_STARTED, NULL, NULL);
  report = make_report (fixture, TENKEN_REPORT_FULL, "en");
  plan = ids_of (tenken_report_get_remediation (report));
  g_assert_cmpstr (plan, ==, "a-3 b-2 a-4 b-1");
}

static void
test_not_applicable (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(TenkenReport) report = make_report (fixture, TENKEN_REPORT_GAP, "en");
  GPtrArray *na = tenken_report_get_not_applicable (report);

  g_assert_cmpuint (na->len, ==, 1);
  g_assert_cmpstr (tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (g_ptr_array_index (na, 0)))), ==, "a-4.1");
  g_assert_cmpstr (tenken_response_get_justification (g_ptr_array_index (na, 0)), ==, "Not used here.");
}

static void
test_role_filtering (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(TenkenReport) customer = NULL;
  g_autoptr(TenkenReport) everyone = NULL;
  g_autofree char *customer_ids = NULL;
  g_autofree char *everyone_ids = NULL;
  guint counts[TENKEN_N_STATUSES];

  /* The customer gets a-2 and the items without roles, not a-1 */
  set_roles (fixture->document, TENKEN_ROLE_CUSTOMER);
  customer = make_report (fixture, TENKEN_REPORT_FULL, "en");
  customer_ids = ids_of (tenken_report_get_responses (customer));
  g_assert_cmpstr (customer_ids, ==, "a-2 a-3 a-4 a-4.1 b-1 b-2");
  g_assert_cmpuint (tenken_report_get_counts (customer, counts), ==, 6);
  g_assert_cmpuint (counts[TENKEN_STATUS_IMPLEMENTED], ==, 0);

  /* No role in scope: every item */
  set_roles (fixture->document, TENKEN_ROLE_NONE);
  everyone = make_report (fixture, TENKEN_REPORT_FULL, "en");
  everyone_ids = ids_of (tenken_report_get_responses (everyone));
  g_assert_cmpstr (everyone_ids, ==, "a-1 a-2 a-3 a-4 a-4.1 b-1 b-2");
}

static void
test_evidence (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autoptr(TenkenReport) report = NULL;
  GPtrArray *list;

  evidence = tenken_document_add_evidence_url (fixture->document, "https://example.com/policy", "a-3", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tenken_document_link_evidence (fixture->document, tenken_evidence_get_id (evidence), "b-1", &error));
  g_assert_no_error (error);

  report = make_report (fixture, TENKEN_REPORT_GAP, "en");
  list = tenken_report_get_evidence (report, "a-3");
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (tenken_evidence_get_url (g_ptr_array_index (list, 0)), ==, "https://example.com/policy");
  g_assert_cmpuint (tenken_report_get_evidence (report, "b-1")->len, ==, 1);
  g_assert_cmpuint (tenken_report_get_evidence (report, "b-2")->len, ==, 0);
}

static void
test_snapshot (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(TenkenReport) report = make_report (fixture, TENKEN_REPORT_GAP, "en");
  g_autofree char *before = ids_of (tenken_report_get_responses (report));
  g_autofree char *after = NULL;

  /* Editing after the report was made does not change it (exports run in
   * a worker thread meanwhile) */
  set_answer (fixture->document, "a-3", TENKEN_STATUS_IMPLEMENTED, NULL, NULL);
  after = ids_of (tenken_report_get_responses (report));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (tenken_response_get_status (g_ptr_array_index (tenken_report_get_responses (report), 0)), ==,
                   TENKEN_STATUS_PARTIAL);
}

static void
test_language (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(TenkenReport) report = make_report (fixture, TENKEN_REPORT_GAP, "ja");
  g_autoptr(TenkenReport) today = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *real_today = tenken_date_today ();

  g_assert_cmpstr (tenken_report_get_title (report), ==, "ギャップレポート");
  g_assert_cmpstr (tenken_report_status_name (report, TENKEN_STATUS_PARTIAL), ==, "一部実施");
  g_assert_cmpstr (tenken_translation_get_lang (tenken_report_get_translation (report)), ==, "ja");
  /* Catalog texts stay as they are */
  g_assert_cmpstr (tenken_report_tr (report, "Bee one"), ==, "Bee one");

  today = tenken_report_new (fixture->document, TENKEN_REPORT_GAP, "en", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tenken_report_get_today (today), ==, real_today);
  g_assert_cmpstr (tenken_report_get_preparer (today), ==, tenken_document_get_author (fixture->document));

  g_assert_null (tenken_report_new (fixture->document, TENKEN_REPORT_GAP, "en", "2026-02-30", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (tenken_report_new (fixture->document, TENKEN_REPORT_GAP, "fr", NULL, &error));
  g_assert_error (error, TENKEN_EXPORT_ERROR, TENKEN_EXPORT_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/report/gap-items", test_gap_items);
  ADD ("/report/full-items", test_full_items);
  ADD ("/report/remediation-order", test_remediation_order);
  ADD ("/report/remediation-ties", test_remediation_ties);
  ADD ("/report/not-applicable", test_not_applicable);
  ADD ("/report/role-filtering", test_role_filtering);
  ADD ("/report/evidence", test_evidence);
  ADD ("/report/snapshot", test_snapshot);
  ADD ("/report/language", test_language);
#undef ADD

  return g_test_run ();
}
