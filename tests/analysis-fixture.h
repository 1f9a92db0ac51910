/* analysis-fixture.h: a small assessment for the analysis, chart and
 * dashboard tests, made with the core API
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "tenken-core.h"

/*
 * Two categories:
 *   A  g1: requirement r1 (a-1, a-2 [developer]), control a-3 directly in
 *          the category with enhancement a-3.1
 *   B  g2: b-1, b-2 [customer]
 */
static const char fixture_catalog_xml[] =
  "<?xml version='1.0' encoding='UTF-8'?>\n"
  "<catalog xmlns='http://csrc.nist.gov/ns/oscal/1.0' uuid='2f4c0d8e-3f0a-4c52-9a4e-6c1d6a3b9e01'>\n"
  " <metadata><title>Fixture</title><last-modified>2026-01-01T00:00:00Z</last-modified>"
  "  <version>1</version><oscal-version>1.1.2</oscal-version></metadata>\n"
  " <group id='g1'><title>Alpha category</title><prop name='label' value='A'/>\n"
  "  <group id='r1'><title>First requirement</title><prop name='label' value='A-1'/>\n"
  "   <control id='a-1'><title>One</title><prop name='label' value='A-1.1'/>"
  "    <part id='a-1_smt' name='statement'><p>Do one.</p></part></control>\n"
  "   <control id='a-2'><title>Two</title><prop name='label' value='A-1.2'/>"
  "    <prop ns='https://tenken.github.io/ns/oscal' name='role' value='developer'/>"
  "    <part id='a-2_smt' name='statement'><p>Do two.</p></part></control>\n"
  "  </group>\n"
  "  <control id='a-3'><title>Three</title><prop name='label' value='A-3'/>"
  "   <part id='a-3_smt' name='statement'><p>Do three.</p></part>\n"
  "   <control id='a-3.1'><title>Three, more</title><prop name='label' value='A-3(1)'/>"
  "    <part id='a-3.1_smt' name='statement'><p>Do more.</p></part></control>\n"
  "  </control>\n"
  " </group>\n"
  " <group id='g2'><title>Beta category</title><prop name='label' value='B'/>\n"
  "  <control id='b-1'><title>Bee one</title><prop name='label' value='B-1'/>"
  "   <part id='b-1_smt' name='statement'><p>Bee.</p></part></control>\n"
  "  <control id='b-2'><title>Bee two</title><prop name='label' value='B-2'/>"
  "   <prop ns='https://tenken.github.io/ns/oscal' name='role' value='customer'/>"
  "   <part id='b-2_smt' name='statement'><p>Bee too.</p></part></control>\n"
  " </group>\n"
  "</catalog>\n";

typedef struct
{
  char           *dir;
  TenkenDocument *document;
} Fixture;

static void
fixture_set (TenkenDocument *document,
             const char     *item_id,
             TenkenStatus    status,
             const char     *due_date,
             const char     *target_date)
{
  TenkenResponse *live = tenken_document_get_response (document, item_id);
  g_autoptr(TenkenResponse) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (live);
  copy = tenken_response_copy (live);
  tenken_response_set_status (copy, status);
  tenken_response_set_due_date (copy, due_date);
  tenken_response_set_target_date (copy, target_date);
  if (status == TENKEN_STATUS_NOT_APPLICABLE)
    tenken_response_set_justification (copy, "Out of scope for this service.");

  g_assert_true (tenken_document_set_response (document, copy, &error));
  g_assert_no_error (error);
}

static TenkenDocument *
fixture_create_document (const char *dir,
                         const char *xml)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) catalog = tenken_catalog_new_from_bytes (bytes, "fixture.xml", &error);
  g_autoptr(TenkenScope) scope = tenken_scope_new ();
  g_autofree char *path = g_build_filename (dir, "fixture.tenken", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TenkenDocument *document;

  g_assert_no_error (error);
  tenken_scope_set_organisation (scope, "Example K.K.");
  tenken_scope_set_service (scope, "Example Cloud");

  document = tenken_document_create (file, catalog, scope, &error);
  g_assert_no_error (error);

  return document;
}

/* @today moved by @days, as "YYYY-MM-DD" */
static char *
fixture_date (const char *today,
              int         days)
{
  guint y, m, d;
  GDate date;
  char buf[16];

  g_assert_true (tenken_date_is_valid (today));
  g_assert_cmpint (sscanf (today, "%4u-%2u-%2u", &y, &m, &d), ==, 3);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);

  return g_strdup (buf);
}

/*
 * Relative to @today:
 *   a-1   implemented
 *   a-2   partial, due -5                          -> overdue (-5, due)
 *   a-3   planned, target +5                       -> upcoming (+5, target)
 *   a-3.1 not applicable, due -165                 -> done, in no list
 *   b-1   not implemented, due 0, target -14       -> overdue (-14, target)
 *   b-2   not started, due +47                     -> beyond 30 days
 */
#define FIXTURE_TODAY "2026-06-15"

static void
fixture_populate (TenkenDocument *document,
                  const char     *today)
{
  g_autofree char *minus_165 = fixture_date (today, -165);
  g_autofree char *minus_14 = fixture_date (today, -14);
  g_autofree char *minus_5 = fixture_date (today, -5);
  g_autofree char *plus_5 = fixture_date (today, 5);
  g_autofree char *plus_47 = fixture_date (today, 47);

  fixture_set (document, "a-1", TENKEN_STATUS_IMPLEMENTED, NULL, NULL);
  fixture_set (document, "a-2", TENKEN_STATUS_PARTIAL, minus_5, NULL);
  fixture_set (document, "a-3", TENKEN_STATUS_PLANNED, NULL, plus_5);
  fixture_set (document, "a-3.1", TENKEN_STATUS_NOT_APPLICABLE, minus_165, NULL);
  fixture_set (document, "b-1", TENKEN_STATUS_NOT_IMPLEMENTED, today, minus_14);
  fixture_set (document, "b-2", TENKEN_STATUS_NOT_STARTED, plus_47, NULL);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  user_data)
{
  const char *today = user_data != NULL ? user_data : FIXTURE_TODAY;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tenken-analysis-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->document = fixture_create_document (fixture->dir, fixture_catalog_xml);
  fixture_populate (fixture->document, today);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "fixture.tenken", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  tenken_document_close (fixture->document);
  g_clear_object (&fixture->document);

  /* The document may leave -wal/-shm or lock files next to itself */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}
