/* bench-report.c: how long reports take to write (not a test)
 *
 *   ninja -C build tests/bench-report
 *   ./build/tests/bench-report [CATALOG.xml | N-ITEMS] [FORMAT]
 *
 * Without a catalog: a synthetic one with N items (default 1200) in groups
 * of 60, each with a statement of a few lines. Every item is left
 * not started, so a gap report lists them all.
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "tenken-core.h"
#include "tenken-export.h"

static GBytes *
synthetic_catalog (guint n_items)
{
  GString *xml = g_string_new ("<?xml version='1.0' encoding='UTF-8'?>\n"
                               "<catalog xmlns='http://csrc.nist.gov/ns/oscal/1.0' uuid='0c3e1f7a-8b9d-4e2f-a1b2-c3d4e5f60718'>\n"
                               " <metadata><title>Synthetic benchmark catalog</title>"
                               "<last-modified>2026-01-01T00:00:00Z</last-modified><version>1</version>"
                               "<oscal-version>1.1.2</oscal-version></metadata>\n");

  for (guint i = 0; i < n_items; i++)
    {
      if (i % 60 == 0)
        {
          if (i > 0)
            g_string_append (xml, " </group>\n");
          g_string_append_printf (xml, " <group id='g%u'><title>Category %u of the synthetic catalog</title>"
                                       "<prop name='label' value='C%u'/>\n", i / 60, i / 60, i / 60);
        }
      g_string_append_printf (xml, "  <control id='c-%u'><title>Requirement number %u with a title of ordinary length</title>"
                                   "<prop name='label' value='C%u-%u'/><part id='c-%u_smt' name='statement'>"
                                   "<p>The organization defines, documents and reviews the measures for this requirement at least "
                                   "annually, assigns an owner, keeps records as evidence, and reports deviations to management "
                                   "within the time agreed with the customer.</p></part></control>\n",
                              i, i, i / 60, i % 60, i);
    }
  g_string_append (xml, " </group>\n</catalog>\n");

  return g_string_free_to_bytes (xml);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autoptr(TenkenScope) scope = tenken_scope_new ();
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(TenkenReport) report = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tenken-bench-XXXXXX", NULL);
  g_autofree char *doc_path = g_build_filename (dir, "bench.tenken", NULL);
  g_autoptr(GFile) doc_file = g_file_new_for_path (doc_path);
  g_autoptr(GFile) out = NULL;
  g_autofree char *out_path = NULL;
  TenkenExportFormat format = TENKEN_EXPORT_PDF;
  gint64 t0, t1, t2;
  GStatBuf st;

  if (argc > 1 && g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (argv[1]);
      catalog = tenken_catalog_new_from_file (file, NULL, &error);
    }
  else
    {
      g_autoptr(GBytes) bytes = synthetic_catalog (argc > 1 ? (guint) atoi (argv[1]) : 1200);
      catalog = tenken_catalog_new_from_bytes (bytes, "synthetic.xml", &error);
    }
  if (catalog == NULL)
    g_error ("%s", error->message);
  if (argc > 2 && !tenken_export_format_from_string (argv[2], &format))
    g_error ("unknown format %s", argv[2]);

  tenken_scope_set_organisation (scope, "Benchmark K.K.");
  tenken_scope_set_service (scope, "Benchmark Cloud");
  document = tenken_document_create (doc_file, catalog, scope, &error);
  if (document == NULL)
    g_error ("%s", error->message);

  out_path = g_build_filename (dir, "bench-report", NULL);
  out = g_file_new_for_path (out_path);

  t0 = g_get_monotonic_time ();
  report = tenken_report_new (document, TENKEN_REPORT_GAP, "en", "2026-11-22", &error);
  t1 = g_get_monotonic_time ();
  if (!tenken_export_report (report, format, out, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  t2 = g_get_monotonic_time ();

  g_stat (out_path, &st);
  g_print ("%u items listed: report model %.0f ms, %s %.0f ms, %.0f KB\n",
           tenken_report_get_responses (report)->len, (t1 - t0) / 1000.0,
           tenken_export_format_to_string (format), (t2 - t1) / 1000.0, st.st_size / 1024.0);

  if (g_getenv ("TENKEN_BENCH_KEEP") == NULL)
    {
      g_autoptr(GDir) d = NULL;
      const char *name;

      tenken_document_close (document);
      d = g_dir_open (dir, 0, NULL);
      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (dir, name, NULL);
          g_unlink (child);
        }
      g_rmdir (dir);
    }
  else
    g_print ("kept %s\n", out_path);

  return 0;
}
