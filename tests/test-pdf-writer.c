/* test-pdf-writer.c: the PDF flow layout used by reports and declarations
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tenken-pdf-writer.h"
#include "tenken-test-util.h"

static void
draw_box (cairo_t      *cr,
          double        width,
          double        height,
          PangoContext *context,
          gpointer      user_data)
{
  guint *calls = user_data;

  (*calls)++;
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_rectangle (cr, 0, 0, width / 2, height);
  cairo_fill (cr);
}

static void
save_pdf (TenkenPdfWriter *writer,
          const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenOutput) output = tenken_output_new (file, G_IO_ERROR, G_IO_ERROR_FAILED, &error);

  g_assert_no_error (error);
  g_assert_true (tenken_pdf_writer_save (writer, output, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (tenken_output_commit (output, &error));
  g_assert_no_error (error);
}

static void
test_pdf_writer_flow (void)
{
  g_autoptr(TenkenPdfWriter) writer = tenken_pdf_writer_new ("ja");
  g_autofree char *dir = g_dir_make_tmp ("tenken-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "flow.pdf", NULL);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GString) huge_cell = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *expected_last = NULL;
  const char *headers[] = { "Label", "Title", "Status" };
  const double widths[] = { 0.2, 0.6, 0.2 };
  const double red[3] = { 0.8, 0.1, 0.1 };
  guint calls = 0;
  guint pages;
  guint table_page;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (long_text, "word%u 多要素認証を導入済み。 ", i);
  for (guint i = 0; i < 900; i++)
    g_string_append_printf (huge_cell, "cell%u ", i);

  tenken_pdf_writer_set_title (writer, "Flow test");
  tenken_pdf_writer_set_footer_text (writer, "ACME");
  tenken_pdf_writer_set_decorated (writer, FALSE);
  tenken_pdf_writer_heading (writer, TENKEN_PDF_TITLE, "Cover title");
  tenken_pdf_writer_field (writer, "Organisation", "ACME <b>&amp;</b>");
  tenken_pdf_writer_page_break (writer);
  tenken_pdf_writer_set_decorated (writer, TRUE);
  tenken_pdf_writer_add_outline (writer, 1, "Section");
  tenken_pdf_writer_heading (writer, TENKEN_PDF_HEADING_1, "Section");
  tenken_pdf_writer_paragraph (writer, TENKEN_PDF_BODY, long_text->str);
  tenken_pdf_writer_drawing (writer, 120, draw_box, &calls);
  tenken_pdf_writer_begin_table (writer, 3, widths, headers);
  table_page = tenken_pdf_writer_get_page (writer);
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *label = g_strdup_printf ("ROW-%03u", i);
      TenkenPdfCell cells[3] = {
        { label, TENKEN_PDF_BODY, NULL, TRUE },
        { i == 70 ? huge_cell->str : "A title that is long enough to wrap onto a second line in its column", TENKEN_PDF_BODY, NULL, FALSE },
        { "Not implemented", TENKEN_PDF_SMALL, red, FALSE },
      };
      tenken_pdf_writer_table_row (writer, cells);
    }
  tenken_pdf_writer_end_table (writer);
  pages = tenken_pdf_writer_get_page (writer);
  g_assert_cmpuint (pages, >, 4);
  g_assert_cmpuint (calls, ==, 1);

  save_pdf (writer, path);

  text = tenken_test_pdftotext (path);
  g_assert_nonnull (strstr (text, "Cover title"));
  /* Plain text stays plain: markup characters are printed, not parsed */
  g_assert_nonnull (strstr (text, "ACME <b>&amp;</b>"));
  g_assert_nonnull (strstr (text, "word0 多要素認証を導入済み。"));
  g_assert_nonnull (strstr (text, "word399 多要素認証を導入済み。"));
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *label = g_strdup_printf ("ROW-%03u", i);
      g_assert_nonnull (strstr (text, label));
    }
  /* The cell longer than a page is complete */
  g_assert_nonnull (strstr (text, "cell0 "));
  g_assert_nonnull (strstr (text, "cell899"));
  /* Header repeated on continuation pages; cover undecorated */
  g_assert_cmpuint (tenken_test_count (text, "Status"), ==, pages - table_page + 1);
  g_assert_null (strstr (text, "Page 1 of"));
  expected_last = g_strdup_printf ("Page %u of %u", pages, pages);
  g_assert_nonnull (strstr (text, expected_last));

  fonts = tenken_test_pdffonts (path);
  tenken_test_assert_fonts_embedded (fonts);

  if (g_getenv ("TENKEN_TEST_KEEP") == NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  else
    g_test_message ("kept %s", path);
}

/* Fills the current page with one-line paragraphs until about @left points remain */
static void
fill_page (TenkenPdfWriter *writer,
           double           left)
{
  guint n = 0;

  while (tenken_pdf_writer_get_remaining (writer) > left + 20.0)
    {
      g_autofree char *line = g_strdup_printf ("filler %u", n++);
      tenken_pdf_writer_paragraph (writer, TENKEN_PDF_BODY, line);
    }
}

static char *
save_and_read (TenkenPdfWriter *writer,
               const char      *dir,
               const char      *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text;

  save_pdf (writer, path);
  text = tenken_test_pdftotext (path);
  g_unlink (path);
  return text;
}

/* Index of the page (pdftotext separates them with form feeds) holding @needle */
static gint
page_of (char       **pages,
         const char  *needle)
{
  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], needle) != NULL)
      return (gint) i;
  return -1;
}

static void
test_pdf_writer_keep_with_next (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tenken-pdf-XXXXXX", NULL);
  const char *headers[] = { "Col A", "Col B" };
  guint calls = 0;

  /* Headings before a drawing that does not fit go to the next page with it */
  {
    g_autoptr(TenkenPdfWriter) writer = tenken_pdf_writer_new ("en");
    g_autofree char *text = NULL;
    g_auto(GStrv) pages = NULL;

    fill_page (writer, 110.0);
    tenken_pdf_writer_add_outline (writer, 1, "Chapter");
    tenken_pdf_writer_heading (writer, TENKEN_PDF_HEADING_1, "Chapter heading");
    tenken_pdf_writer_heading (writer, TENKEN_PDF_HEADING_2, "Section heading");
    tenken_pdf_writer_space (writer, 6.0);
    tenken_pdf_writer_drawing (writer, 200.0, draw_box, &calls);
    tenken_pdf_writer_paragraph (writer, TENKEN_PDF_BODY, "After the drawing");
    g_assert_cmpuint (tenken_pdf_writer_get_n_pages (writer), ==, 2);

    text = save_and_read (writer, dir, "drawing.pdf");
    pages = g_strsplit (text, "\f", -1);
    g_assert_cmpint (page_of (pages, "filler 0"), ==, 0);
    g_assert_cmpint (page_of (pages, "Chapter heading"), ==, 1);
    g_assert_cmpint (page_of (pages, "Section heading"), ==, 1);
    g_assert_cmpint (page_of (pages, "After the drawing"), ==, 1);
    g_assert_cmpuint (calls, ==, 1);
  }

  /* ... and before a table: heading, header and first row stay together */
  {
    g_autoptr(TenkenPdfWriter) writer = tenken_pdf_writer_new ("en");
    g_autofree char *text = NULL;
    g_auto(GStrv) pages = NULL;
    g_autoptr(GString) tall = g_string_new (NULL);
    TenkenPdfCell cells[2] = {
      { "ROW-1", TENKEN_PDF_BODY, NULL, TRUE },
      { NULL, TENKEN_PDF_BODY, NULL, FALSE },
    };

    /* a row taller than what is left, which draw_row() moves whole */
    for (guint i = 0; i < 12; i++)
      g_string_append_printf (tall, "line %u of a tall cell\n", i);
    cells[1].text = tall->str;

    fill_page (writer, 90.0);
    tenken_pdf_writer_heading (writer, TENKEN_PDF_HEADING_2, "Table heading");
    tenken_pdf_writer_begin_table (writer, 2, NULL, headers);
    tenken_pdf_writer_table_row (writer, cells);
    tenken_pdf_writer_end_table (writer);

    text = save_and_read (writer, dir, "table.pdf");
    pages = g_strsplit (text, "\f", -1);
    g_assert_cmpint (page_of (pages, "filler 0"), ==, 0);
    g_assert_cmpint (page_of (pages, "Table heading"), ==, 1);
    g_assert_cmpint (page_of (pages, "Col A"), ==, 1);
    g_assert_cmpint (page_of (pages, "ROW-1"), ==, 1);
    g_assert_cmpint (tenken_test_count (text, "Col A"), ==, 1);
  }

  /* A heading with room for its paragraph stays where it is */
  {
    g_autoptr(TenkenPdfWriter) writer = tenken_pdf_writer_new ("en");
    g_autofree char *text = NULL;
    g_auto(GStrv) pages = NULL;

    fill_page (writer, 110.0);
    tenken_pdf_writer_heading (writer, TENKEN_PDF_HEADING_2, "Short heading");
    tenken_pdf_writer_paragraph (writer, TENKEN_PDF_BODY, "Its paragraph");

    text = save_and_read (writer, dir, "stay.pdf");
    pages = g_strsplit (text, "\f", -1);
    g_assert_cmpint (page_of (pages, "Short heading"), ==, 0);
    g_assert_cmpint (page_of (pages, "Its paragraph"), ==, 0);
  }

  /* A heading at the very end is still drawn */
  {
    g_autoptr(TenkenPdfWriter) writer = tenken_pdf_writer_new ("en");
    g_autofree char *text = NULL;

    tenken_pdf_writer_paragraph (writer, TENKEN_PDF_BODY, "Body");
    tenken_pdf_writer_heading (writer, TENKEN_PDF_HEADING_1, "Last heading");
    text = save_and_read (writer, dir, "last.pdf");
    g_assert_nonnull (strstr (text, "Last heading"));
  }

  g_rmdir (dir);
}

/* A token longer than its column breaks over lines and loses nothing.
 * (That no hyphen is drawn at the breaks was checked on rendered pages:
 * pdftotext does not extract the hyphens pango inserts.) */
static void
test_pdf_writer_long_token (void)
{
  g_autoptr(TenkenPdfWriter) writer = tenken_pdf_writer_new ("en");
  g_autofree char *dir = g_dir_make_tmp ("tenken-pdf-XXXXXX", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) squashed = g_string_new (NULL);
  const char *url = "https://evidence.example.com/records/"
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08report.pdf";
  const double widths[] = { 0.2, 0.8 };
  TenkenPdfCell cells[2] = {
    { "URL", TENKEN_PDF_BODY, NULL, TRUE },
    { url, TENKEN_PDF_BODY, NULL, FALSE },
  };
  const double narrow[] = { 0.85, 0.15 };

  tenken_pdf_writer_begin_table (writer, 2, narrow, NULL);
  tenken_pdf_writer_table_row (writer, cells);
  tenken_pdf_writer_end_table (writer);
  tenken_pdf_writer_begin_table (writer, 2, widths, NULL);
  tenken_pdf_writer_table_row (writer, cells);
  tenken_pdf_writer_end_table (writer);

  text = save_and_read (writer, dir, "hyphens.pdf");
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (squashed, *p);
  /* the narrow column breaks it over several lines, yet it reads the same */
  g_assert_cmpuint (tenken_test_count (squashed->str, url), ==, 2);
  g_assert_nonnull (strstr (squashed->str, "URL"));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf-writer/flow", test_pdf_writer_flow);
  g_test_add_func ("/pdf-writer/keep-with-next", test_pdf_writer_keep_with_next);
  g_test_add_func ("/pdf-writer/long-token", test_pdf_writer_long_token);
  return g_test_run ();
}
