/* test-export.c: reports in every format, read back with the tools people
 * and other programs use (pdftotext, pdffonts, unzip, xmllint)
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include "tenken-export.h"

#include "export-fixture.h"
#include "tenken-test-util.h"

static char *
export_to (ExportFixture      *fixture,
           TenkenReportKind    kind,
           const char         *lang,
           TenkenExportFormat  format,
           TenkenReport      **out_report)
{
  g_autoptr(TenkenReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("report-%s-%s%s", kind == TENKEN_REPORT_GAP ? "gap" : "full",
                                           lang, tenken_export_format_get_extension (format));
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  report = tenken_report_new (fixture->document, kind, lang, EXPORT_TODAY, &error);
  g_assert_no_error (error);
  g_assert_true (tenken_export_report (report, format, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  if (out_report != NULL)
    *out_report = g_steal_pointer (&report);
  return path;
}

/* pdftotext breaks lines where the layout wrapped; compare without spaces */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
assert_contains_squashed (const char *squashed_haystack,
                          const char *needle)
{
  g_autofree char *squashed = squash (needle);

  if (strstr (squashed_haystack, squashed) == NULL)
    g_error ("“%s” not found in the PDF text", needle);
}

static void
assert_listed_items_in_pdf (TenkenReport *report,
                            const char   *squashed_text)
{
  GPtrArray *responses = tenken_report_get_responses (report);

  g_assert_cmpuint (responses->len, >, 0);
  for (guint i = 0; i < responses->len; i++)
    {
      TenkenCatalogNode *node = TENKEN_CATALOG_NODE (tenken_response_get_item (g_ptr_array_index (responses, i)));

      assert_contains_squashed (squashed_text, tenken_catalog_node_get_label (node));
      assert_contains_squashed (squashed_text, tenken_catalog_node_get_title (node));
    }
}

static void
test_pdf_gap (ExportFixture *fixture,
              gconstpointer  user_data)
{
  g_autoptr(TenkenReport) report = NULL;
  g_autofree char *path = export_to (fixture, TENKEN_REPORT_GAP, "en", TENKEN_EXPORT_PDF, &report);
  g_autofree char *text = tenken_test_pdftotext (path);
  g_autofree char *squashed = squash (text);
  g_autofree char *fonts = NULL;

  if (g_test_failed () || *text == '\0')
    return;

  /* 62 items apply to developer + operator; 60 are gaps */
  g_assert_cmpuint (tenken_report_get_responses (report)->len, ==, 60);
  assert_listed_items_in_pdf (report, squashed);

  g_assert_nonnull (strstr (text, JA_STATEMENT));
  g_assert_nonnull (strstr (text, SCRIPT_STATEMENT));
  assert_contains_squashed (squashed, "Example K.K. & Sons <Ltd>");
  assert_contains_squashed (squashed, "Hanako Yamada");
  assert_contains_squashed (squashed, "22 November 2026");
  assert_contains_squashed (squashed, "Remediation plan");
  /* The not-applicable appendix carries the justification */
  assert_contains_squashed (squashed, "No software is developed in-house.");
  /* Evidence of a gap item */
  assert_contains_squashed (squashed, "policy.txt");
  /* Implemented and out-of-scope (customer) items are not listed */
  g_assert_null (strstr (text, "S(1)-1.1 "));
  g_assert_null (strstr (text, "S(6)-1.1"));
  g_assert_nonnull (strstr (text, "Page 2 of "));
  /* S(1)-1.4 was due before the report date */
  g_assert_cmpuint (tenken_test_count (text, "Overdue"), ==, 2);

  /* The radar does not sit alone on a page: the page it lands on also
   * holds the summary or the start of the gap list */
  {
    g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
    gboolean found = FALSE;

    for (guint i = 0; pages[i] != NULL; i++)
      {
        if (strstr (pages[i], "Percent done (implemented or not applicable) per category.") == NULL)
          continue;
        found = TRUE;
        g_assert_true (strstr (pages[i], "Executive summary") != NULL ||
                       strstr (pages[i], "Gaps by category") != NULL);
      }
    g_assert_true (found);
  }

  fonts = tenken_test_pdffonts (path);
  tenken_test_assert_fonts_embedded (fonts);
}

static void
test_pdf_full_ja (ExportFixture *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(TenkenReport) report = NULL;
  g_autofree char *path = export_to (fixture, TENKEN_REPORT_FULL, "ja", TENKEN_EXPORT_PDF, &report);
  g_autofree char *text = tenken_test_pdftotext (path);
  g_autofree char *squashed = squash (text);

  if (*text == '\0')
    return;

  g_assert_cmpuint (tenken_report_get_responses (report)->len, ==, 62);
  assert_listed_items_in_pdf (report, squashed);
  g_assert_nonnull (strstr (text, JA_STATEMENT));
  /* The report's own words are Japanese, whatever the process locale */
  g_assert_cmpstr (tenken_report_get_title (report), !=, "Full report");
  assert_contains_squashed (squashed, tenken_report_get_title (report));
  assert_contains_squashed (squashed, "2026年11月22日");
  /* The charts' percentages too: the radar's gridlines read "75%" */
  g_assert_nonnull (strstr (text, "75%"));
  g_assert_null (strstr (text, "75 %"));
  /* The full report names each evidence file with its SHA-256, its note
   * (markup printed as text) and when it was collected */
  assert_contains_squashed (squashed, fixture->evidence_sha256);
  assert_contains_squashed (squashed, EVIDENCE_NOTE);
  assert_contains_squashed (squashed, "収集日2026年10月15日");
}

static void
test_csv (ExportFixture *fixture,
          gconstpointer  user_data)
{
  g_autoptr(TenkenReport) report = NULL;
  g_autofree char *path = export_to (fixture, TENKEN_REPORT_GAP, "en", TENKEN_EXPORT_CSV, &report);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  gsize len;
  const char *p;
  gboolean found_formula = FALSE, found_multiline = FALSE, found_ja = FALSE;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf"));
  g_assert_true (g_utf8_validate (contents, len, NULL));

  /* A strict RFC 4180 reader: records end in CRLF; quoted fields double their quotes */
  p = contents + 3;
  while (*p != '\0')
    {
      if (row == NULL)
        {
          row = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (rows, row);
        }

      g_string_truncate (field, 0);
      if (*p == '"')
        {
          for (p++;; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
        }
      else
        {
          for (; *p != ',' && *p != '\r' && *p != '\0'; p++)
            {
              g_assert_true (*p != '\n' && *p != '"');
              g_string_append_c (field, *p);
            }
        }
      g_ptr_array_add (row, g_strdup (field->str));

      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          row = NULL;
        }
    }

  /* The header and one row per gap item */
  g_assert_cmpuint (rows->len, ==, 1 + tenken_report_get_responses (report)->len);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, i))->len, ==, 16);
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 0), 2), ==, "Label");

  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *r = g_ptr_array_index (rows, i);
      const char *label = g_ptr_array_index (r, 2);
      const char *statement = g_ptr_array_index (r, 5);

      if (g_str_equal (label, "S(1)-1.2"))
        {
          g_assert_cmpstr (statement, ==, "'" FORMULA_STATEMENT);
          g_assert_cmpstr (g_ptr_array_index (r, 7), ==, "Sato");
          g_assert_cmpstr (g_ptr_array_index (r, 8), ==, "2027-01-31");
          found_formula = TRUE;
        }
      else if (g_str_equal (label, "S(2)-1.1"))
        {
          g_assert_cmpstr (statement, ==, "Rollout, \"phase 2\"\nsecond line");
          g_assert_cmpstr (g_ptr_array_index (r, 9), ==, "2027-03-31");
          found_multiline = TRUE;
        }
      else if (g_str_equal (label, "S(1)-1.3"))
        {
          g_assert_cmpstr (statement, ==, SCRIPT_STATEMENT " " JA_STATEMENT);
          g_assert_cmpstr (g_ptr_array_index (r, 7), ==, "Suzuki, Ops");
          g_assert_cmpstr (g_ptr_array_index (r, 11), ==, "policy.txt");
          g_assert_cmpstr (g_ptr_array_index (r, 12), ==, fixture->evidence_sha256);
          g_assert_cmpstr (g_ptr_array_index (r, 13), ==, EVIDENCE_NOTE "; Collected 15 October 2026");
          found_ja = TRUE;
        }
      /* Every cell is safe to open in a spreadsheet */
      for (guint c = 0; c < r->len; c++)
        g_assert_null (strchr ("=+-@\t\r", ((const char *) g_ptr_array_index (r, c))[0] ?: 'x'));
    }
  g_assert_true (found_formula && found_multiline && found_ja);
}

static char *
unzip_member (const char *zip,
              const char *member)
{
  const char *args[] = { "-p", zip, member, NULL };

  return tenken_test_run_tool ("TENKEN_UNZIP", args);
}

static void
test_xlsx (ExportFixture *fixture,
           gconstpointer  user_data)
{
  g_autofree char *path = export_to (fixture, TENKEN_REPORT_GAP, "en", TENKEN_EXPORT_XLSX, NULL);
  g_autofree char *strings = unzip_member (path, "xl/sharedStrings.xml");
  g_autofree char *workbook = NULL;

  if (strings == NULL)
    return;

  /* The formula text is stored as a plain shared string … */
  g_assert_true (strstr (strings, ">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)<") != NULL ||
                 strstr (strings, ">=HYPERLINK(\"http://x\",\"y\")<") != NULL);
  g_assert_nonnull (strstr (strings, "&lt;script&gt;alert(1)&lt;/script&gt; " JA_STATEMENT));
  /* … and no sheet has a formula */
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", i);
      g_autofree char *sheet = unzip_member (path, member);

      g_assert_nonnull (strstr (sheet, "<sheetData>"));
      g_assert_null (strstr (sheet, "<f>"));
      g_assert_null (strstr (sheet, "<f "));
      /* Header row frozen, autofilter on */
      g_assert_nonnull (strstr (sheet, "<pane "));
      if (i > 1)
        g_assert_nonnull (strstr (sheet, "<autoFilter "));
    }

  workbook = unzip_member (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "name=\"Summary\""));
  g_assert_nonnull (strstr (workbook, "name=\"Gaps\""));
  g_assert_nonnull (strstr (workbook, "name=\"Remediation plan\""));
  g_assert_nonnull (strstr (workbook, "name=\"Not applicable\""));

  /* "Items" is both a count header and, in its own context, the full
   * report's sheet: in Japanese 項目数 and 項目 */
  g_free (path);
  path = export_to (fixture, TENKEN_REPORT_FULL, "ja", TENKEN_EXPORT_XLSX, NULL);
  g_free (workbook);
  workbook = unzip_member (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "name=\"項目\""));
  g_assert_null (strstr (workbook, "name=\"項目数\""));
  g_free (strings);
  strings = unzip_member (path, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, ">項目数<"));
}

static void
test_html (ExportFixture *fixture,
           gconstpointer  user_data)
{
  g_autoptr(TenkenReport) report = NULL;
  g_autofree char *path = export_to (fixture, TENKEN_REPORT_GAP, "ja", TENKEN_EXPORT_HTML, &report);
  g_autofree char *html = NULL;
  g_autofree char *lower = NULL;
  GPtrArray *responses = tenken_report_get_responses (report);

  g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
  g_assert_true (g_utf8_validate (html, -1, NULL));
  lower = g_ascii_strdown (html, -1);

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "<html lang=\"ja\">"));
  /* User text only ever escaped; no script at all */
  g_assert_null (strstr (lower, "<script"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt; " JA_STATEMENT));
  /* The evidence's note and collection date, escaped too */
  g_assert_nonnull (strstr (html, "署名済みの議事録 &lt;b&gt;v1&lt;/b&gt;、収集日 2026年10月15日"));
  g_assert_nonnull (strstr (html, "Example K.K. &amp; Sons &lt;Ltd&gt;"));
  g_assert_null (strstr (html, "<Ltd>"));
  /* Self-contained: inline style and charts, nothing fetched */
  g_assert_nonnull (strstr (html, "<style>"));
  g_assert_nonnull (strstr (html, "@page"));
  g_assert_nonnull (strstr (html, "data:image/svg+xml;base64,"));
  g_assert_null (strstr (lower, "<link"));
  g_assert_null (strstr (lower, "src=\"http"));
  g_assert_nonnull (strstr (html, "2026年11月22日"));
  /* Percentages in the report's language ("45%"), not the UI's ("45 %") */
  g_assert_nonnull (strstr (html, "%</td>"));
  g_assert_null (strstr (html, " %</td>"));

  for (guint i = 0; i < responses->len; i++)
    {
      TenkenCatalogNode *node = TENKEN_CATALOG_NODE (tenken_response_get_item (g_ptr_array_index (responses, i)));
      g_autofree char *label = g_markup_escape_text (tenken_catalog_node_get_label (node), -1);

      g_assert_nonnull (strstr (html, label));
    }
}

static void
test_oscal (ExportFixture *fixture,
            gconstpointer  user_data)
{
  g_autofree char *path = export_to (fixture, TENKEN_REPORT_GAP, "en", TENKEN_EXPORT_OSCAL, NULL);
  const char *shared = g_getenv ("TENKEN_SHARED_DIR");
  g_autofree char *schema = g_build_filename (shared, "oscal", "oscal_assessment-results_schema.xsd", NULL);
  const char *args[] = { "--noout", "--schema", schema, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *xml = NULL;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  /* OSCAL is always every in-scope item, whatever the report kind */
  g_assert_cmpuint (tenken_test_count (xml, "<finding "), ==, 62);
  g_assert_cmpuint (tenken_test_count (xml, "state=\"not-satisfied\""), ==, 60);
  g_assert_nonnull (strstr (xml, fixture->evidence_sha256));
  g_assert_nonnull (strstr (xml, "&lt;script&gt;"));

  if (!g_file_test (schema, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("OSCAL schema not found");
      return;
    }
  /* xmllint exits non-zero when the document is not valid: run_tool fails */
  out = tenken_test_run_tool ("TENKEN_XMLLINT", args);
}

static guint
count_entries (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_read_only_directory (ExportFixture *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(TenkenReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *probe = g_build_filename (dir, "probe", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  const char *target_dir = dir;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  /* root writes anywhere; sysfs refuses new files even to root */
  if (g_file_set_contents (probe, "", 0, NULL))
    {
      g_unlink (probe);
      target_dir = "/sys";
    }

  path = g_build_filename (target_dir, "report.pdf", NULL);
  file = g_file_new_for_path (path);
  report = tenken_report_new (fixture->document, TENKEN_REPORT_GAP, "en", EXPORT_TODAY, &error);
  g_assert_no_error (error);

  for (TenkenExportFormat format = TENKEN_EXPORT_PDF; format <= TENKEN_EXPORT_OSCAL; format++)
    {
      g_assert_false (tenken_export_report (report, format, file, NULL, NULL, NULL, &error));
      g_assert_error (error, TENKEN_EXPORT_ERROR, TENKEN_EXPORT_ERROR_IO);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);
    }

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  if (target_dir == dir)
    g_assert_cmpuint (count_entries (dir), ==, 0);

  g_chmod (dir, 0755);
  g_rmdir (dir);
}

typedef struct
{
  GCancellable *cancellable;
  double        cancel_at;
  double        last;
  guint         calls;
  gboolean      monotonic;
  GMainLoop    *loop;
  gboolean      done;
  GError       *error;
} ProgressState;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  ProgressState *state = user_data;

  if (fraction < state->last)
    state->monotonic = FALSE;
  state->last = fraction;
  state->calls++;
  if (state->cancellable != NULL && fraction >= state->cancel_at)
    g_cancellable_cancel (state->cancellable);
}

static void
test_cancel_keeps_old_file (ExportFixture *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(TenkenReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "old report", -1, NULL));
  report = tenken_report_new (fixture->document, TENKEN_REPORT_FULL, "en", EXPORT_TODAY, &error);
  g_assert_no_error (error);

  for (TenkenExportFormat format = TENKEN_EXPORT_PDF; format <= TENKEN_EXPORT_OSCAL; format++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      ProgressState state = { cancellable, 0.3, 0.0, 0, TRUE, };

      /* Cancelled part-way, from the progress callback */
      g_assert_false (tenken_export_report (report, format, file, on_progress, &state, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_cmpuint (state.calls, >, 0);

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "old report");
      g_clear_pointer (&contents, g_free);
      /* Only the old file: no temporary left behind */
      g_assert_cmpuint (count_entries (dir), ==, 1);
    }

  g_unlink (path);
  g_rmdir (dir);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ProgressState *state = user_data;

  state->done = tenken_export_report_finish (TENKEN_REPORT (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async (ExportFixture *fixture,
            gconstpointer  user_data)
{
  g_autoptr(TenkenReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "async.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  ProgressState state = { NULL, 0, 0.0, 0, TRUE, loop, };

  report = tenken_report_new (fixture->document, TENKEN_REPORT_GAP, "en", EXPORT_TODAY, &error);
  g_assert_no_error (error);

  tenken_export_report_async (report, TENKEN_EXPORT_PDF, file, on_progress, &state, NULL,
                              on_export_done, &state);
  g_main_loop_run (loop);

  g_assert_no_error (state.error);
  g_assert_true (state.done);
  g_assert_true (state.monotonic);
  g_assert_cmpuint (state.calls, >, 2);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_neutralize (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "=1+1", "'=1+1" }, { "+1", "'+1" }, { "-1", "'-1" }, { "@SUM(A1)", "'@SUM(A1)" },
    { "\tx", "'\tx" }, { "\rx", "'\rx" }, { "plain", "plain" }, { "a=b", "a=b" },
    { "", "" }, { "'=x", "'=x" }, { "多要素", "多要素" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = tenken_export_neutralize_cell (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_formats (void)
{
  TenkenExportFormat format;

  for (TenkenExportFormat f = TENKEN_EXPORT_PDF; f <= TENKEN_EXPORT_OSCAL; f++)
    {
      g_assert_true (tenken_export_format_from_string (tenken_export_format_to_string (f), &format));
      g_assert_cmpint (format, ==, f);
      g_assert_true (g_str_has_prefix (tenken_export_format_get_extension (f), "."));
      g_assert_nonnull (strchr (tenken_export_format_get_media_type (f), '/'));
    }
  g_assert_false (tenken_export_format_from_string ("docx", &format));
  g_assert_false (tenken_export_format_from_string (NULL, &format));
  g_assert_cmpstr (tenken_export_format_get_media_type (TENKEN_EXPORT_PDF), ==, "application/pdf");
}

static void
test_bad_language (ExportFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenReport) report = tenken_report_new (fixture->document, TENKEN_REPORT_GAP, "xx", NULL, &error);

  g_assert_null (report);
  g_assert_error (error, TENKEN_EXPORT_ERROR, TENKEN_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "xx"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, ExportFixture, NULL, export_fixture_setup, func, export_fixture_teardown)

  g_test_add_func ("/export/neutralize", test_neutralize);
  g_test_add_func ("/export/formats", test_formats);
  ADD ("/export/bad-language", test_bad_language);
  ADD ("/export/pdf/gap", test_pdf_gap);
  ADD ("/export/pdf/full-ja", test_pdf_full_ja);
  ADD ("/export/csv", test_csv);
  ADD ("/export/xlsx", test_xlsx);
  ADD ("/export/html", test_html);
  ADD ("/export/oscal", test_oscal);
  ADD ("/export/atomic/read-only-directory", test_read_only_directory);
  ADD ("/export/atomic/cancel-keeps-old-file", test_cancel_keeps_old_file);
  ADD ("/export/async", test_async);

#undef ADD

  return g_test_run ();
}
