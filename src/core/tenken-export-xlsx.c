/* tenken-export-xlsx.c: reports as an Excel workbook (libxlsxwriter)
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-export"

/* memfd_create() */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "tenken-chart.h"
#include "tenken-export-private.h"

/* Excel's limit for one cell's text, in bytes as libxlsxwriter counts */
#define CELL_MAX 32767

typedef struct
{
  TenkenReport  *report;
  lxw_workbook  *workbook;
  lxw_format    *header;
  lxw_format    *text;
  lxw_format    *bold;
  lxw_format    *percent;
  lxw_error      error;
} Book;

/* Every user text goes in as a string cell: a string is never a formula,
 * so the text is kept exactly (no apostrophe needed, unlike CSV) */
static void
put (Book          *book,
     lxw_worksheet *sheet,
     lxw_row_t      row,
     lxw_col_t      col,
     const char    *text,
     lxw_format    *format)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  lxw_error err;

  if (strlen (valid) > CELL_MAX)
    {
      const char *end = g_utf8_find_prev_char (valid, valid + CELL_MAX);
      *(char *) end = '\0';
    }

  if (*valid == '\0')
    err = worksheet_write_blank (sheet, row, col, format);
  else
    err = worksheet_write_string (sheet, row, col, valid, format);
  if (err != LXW_NO_ERROR && book->error == LXW_NO_ERROR)
    book->error = err;
}

static void
put_number (Book          *book,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            double         value,
            lxw_format    *format)
{
  lxw_error err = worksheet_write_number (sheet, row, col, value, format);

  if (err != LXW_NO_ERROR && book->error == LXW_NO_ERROR)
    book->error = err;
}

static lxw_worksheet *
add_sheet (Book       *book,
           const char *name)
{
  /* Sheet names: at most 31 characters, none of []:*?/\ */
  g_autoptr(GString) safe = g_string_new (NULL);
  glong n = 0;

  for (const char *p = name; *p != '\0' && n < 31; p = g_utf8_next_char (p), n++)
    {
      if (strchr ("[]:*?/\\", *p) != NULL)
        g_string_append_c (safe, ' ');
      else
        g_string_append_unichar (safe, g_utf8_get_char (p));
    }

  return workbook_add_worksheet (book->workbook, safe->str);
}

static void
header_row (Book               *book,
            lxw_worksheet      *sheet,
            lxw_row_t           row,
            const char * const *titles,
            const double       *widths,
            guint               n)
{
  for (guint c = 0; c < n; c++)
    {
      put (book, sheet, row, (lxw_col_t) c, titles[c], book->header);
      worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, widths[c], book->text);
    }
  worksheet_freeze_panes (sheet, row + 1, 0);
}

static void
summary_sheet (Book *book)
{
  TenkenReport *report = book->report;
  TenkenAnalysis *analysis = tenken_report_get_analysis (report);
  GListModel *categories = tenken_analysis_get_categories (analysis);
  lxw_worksheet *sheet = add_sheet (book, tenken_report_trc (report, NC_("report", "Summary")));
  g_autoptr(GArray) fields = tenken_export_cover_fields (report);
  const char *titles[] = {
    tenken_report_trc (report, NC_("report", "Field")),
    tenken_report_trc (report, NC_("report", "Value")),
    tenken_report_trc (report, NC_("report", "Done")),
    tenken_report_trc (report, NC_("report", "Open")),
    tenken_report_trc (report, NC_("report", "Progress")),
  };
  const double widths[] = { 44, 60, 10 };
  guint counts[TENKEN_N_STATUSES];
  guint total = tenken_report_get_counts (report, counts);
  lxw_row_t row = 0;

  /* The first block has two columns; the category table below uses five */
  header_row (book, sheet, row++, titles, widths, 2);
  worksheet_set_column (sheet, 2, 4, widths[2], NULL);

  put (book, sheet, row, 0, tenken_report_trc (report, NC_("report", "Report")), book->bold);
  put (book, sheet, row++, 1, tenken_report_get_title (report), book->text);
  for (guint i = 0; i < fields->len; i++, row++)
    {
      const TenkenExportField *field = &g_array_index (fields, TenkenExportField, i);

      put (book, sheet, row, 0, field->key, book->bold);
      put (book, sheet, row, 1, field->value, book->text);
    }

  row++;
  put (book, sheet, row, 0, tenken_report_trc (report, NC_("report", "Status")), book->header);
  put (book, sheet, row, 1, tenken_report_trc (report, NC_("report", "Items")), book->header);
  row++;
  for (guint i = 0; i < TENKEN_N_STATUSES; i++, row++)
    {
      TenkenStatus status = tenken_chart_status_order[i];

      put (book, sheet, row, 0, tenken_report_status_name (report, status), book->text);
      put_number (book, sheet, row, 1, counts[status], NULL);
    }
  put (book, sheet, row, 0, tenken_report_trc (report, NC_("report", "Total")), book->bold);
  put_number (book, sheet, row, 1, total, book->bold);
  row += 2;

  put (book, sheet, row, 0, tenken_report_trc (report, NC_("report", "Category")), book->header);
  put (book, sheet, row, 1, tenken_report_trc (report, NC_("report", "Items")), book->header);
  put (book, sheet, row, 2, titles[2], book->header);
  put (book, sheet, row, 3, titles[3], book->header);
  put (book, sheet, row, 4, titles[4], book->header);
  row++;
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++, row++)
    {
      g_autoptr(TenkenCategoryStats) stats = g_list_model_get_item (categories, i);
      g_autofree char *heading = tenken_export_node_heading (tenken_category_stats_get_node (stats));
      guint cat_counts[TENKEN_N_STATUSES];

      tenken_category_stats_get_counts (stats, cat_counts);

      put (book, sheet, row, 0, heading, book->text);
      put_number (book, sheet, row, 1, tenken_category_stats_get_total (stats), NULL);
      put_number (book, sheet, row, 2, tenken_category_stats_get_done (stats), NULL);
      put_number (book, sheet, row, 3, tenken_export_count_open (cat_counts), NULL);
      put_number (book, sheet, row, 4, tenken_category_stats_get_percent (stats) / 100.0, book->percent);
    }
}

static gboolean
items_sheet (Book             *book,
             TenkenExportJob  *job,
             GError          **error)
{
  TenkenReport *report = book->report;
  GPtrArray *responses = tenken_report_get_responses (report);
  lxw_worksheet *sheet = add_sheet (book, tenken_report_get_kind (report) == TENKEN_REPORT_GAP
                                          ? tenken_report_trc (report, NC_("report", "Gaps"))
                                          : tenken_translation_pgettext (
                                              tenken_report_get_translation (report), "xlsx sheet",
                                              /* Translators: the name of the sheet listing every
                                               * item (not the count header "Items") */
                                              NC_("xlsx sheet", "Items")));
  static const double widths[TENKEN_N_COLUMNS] = {
    28, 28, 12, 30, 16, 50, 40, 16, 12, 12, 8, 30, 66, 40, 20, 16,
  };
  const char *titles[TENKEN_N_COLUMNS];

  for (guint c = 0; c < TENKEN_N_COLUMNS; c++)
    titles[c] = tenken_export_column_title (report, c);
  header_row (book, sheet, 0, titles, widths, TENKEN_N_COLUMNS);

  for (guint i = 0; i < responses->len; i++)
    {
      g_auto(GStrv) cells = tenken_export_row_cells (report, g_ptr_array_index (responses, i));

      for (guint c = 0; c < TENKEN_N_COLUMNS; c++)
        put (book, sheet, i + 1, (lxw_col_t) c, cells[c], book->text);

      if (tenken_export_job_cancelled (job, error))
        return FALSE;
      tenken_export_job_progress (job, 0.1 + 0.7 * (i + 1) / responses->len);
    }

  worksheet_autofilter (sheet, 0, 0, MAX (responses->len, 1), TENKEN_N_COLUMNS - 1);
  return TRUE;
}

static void
remediation_sheet (Book *book)
{
  TenkenReport *report = book->report;
  GPtrArray *plan = tenken_report_get_remediation (report);
  lxw_worksheet *sheet = add_sheet (book, tenken_report_trc (report, NC_("report", "Remediation plan")));
  const char *titles[] = {
    tenken_export_column_title (report, TENKEN_COLUMN_LABEL),
    tenken_export_column_title (report, TENKEN_COLUMN_TITLE),
    tenken_export_column_title (report, TENKEN_COLUMN_STATUS),
    tenken_export_column_title (report, TENKEN_COLUMN_OWNER),
    tenken_export_column_title (report, TENKEN_COLUMN_DUE),
    tenken_export_column_title (report, TENKEN_COLUMN_TARGET),
    tenken_report_trc (report, NC_("report", "Overdue")),
  };
  const double widths[] = { 12, 40, 18, 18, 12, 12, 10 };

  header_row (book, sheet, 0, titles, widths, G_N_ELEMENTS (titles));
  for (guint i = 0; i < plan->len; i++)
    {
      TenkenResponse *response = g_ptr_array_index (plan, i);
      TenkenCatalogNode *node = TENKEN_CATALOG_NODE (tenken_response_get_item (response));
      lxw_row_t row = i + 1;

      put (book, sheet, row, 0, tenken_catalog_node_get_label (node), book->text);
      put (book, sheet, row, 1, tenken_catalog_node_get_title (node), book->text);
      put (book, sheet, row, 2, tenken_report_status_name (report, tenken_response_get_status (response)), book->text);
      put (book, sheet, row, 3, tenken_response_get_owner (response), book->text);
      put (book, sheet, row, 4, tenken_response_get_due_date (response), book->text);
      put (book, sheet, row, 5, tenken_response_get_target_date (response), book->text);
      put (book, sheet, row, 6, tenken_response_is_overdue (response, tenken_report_get_today (report))
                                ? tenken_report_trc (report, NC_("report", "Yes")) : NULL, book->text);
    }
  worksheet_autofilter (sheet, 0, 0, MAX (plan->len, 1), G_N_ELEMENTS (titles) - 1);
}

static void
not_applicable_sheet (Book *book)
{
  TenkenReport *report = book->report;
  GPtrArray *na = tenken_report_get_not_applicable (report);
  lxw_worksheet *sheet = add_sheet (book, tenken_report_trc (report, NC_("report", "Not applicable")));
  const char *titles[] = {
    tenken_export_column_title (report, TENKEN_COLUMN_LABEL),
    tenken_export_column_title (report, TENKEN_COLUMN_TITLE),
    tenken_export_column_title (report, TENKEN_COLUMN_JUSTIFICATION),
  };
  const double widths[] = { 12, 40, 70 };

  header_row (book, sheet, 0, titles, widths, G_N_ELEMENTS (titles));
  for (guint i = 0; i < na->len; i++)
    {
      TenkenResponse *response = g_ptr_array_index (na, i);
      TenkenCatalogNode *node = TENKEN_CATALOG_NODE (tenken_response_get_item (response));

      put (book, sheet, i + 1, 0, tenken_catalog_node_get_label (node), book->text);
      put (book, sheet, i + 1, 1, tenken_catalog_node_get_title (node), book->text);
      put (book, sheet, i + 1, 2, tenken_response_get_justification (response), book->text);
    }
  worksheet_autofilter (sheet, 0, 0, MAX (na->len, 1), G_N_ELEMENTS (titles) - 1);
}

static gboolean
copy_to_output (int            fd,
                TenkenOutput  *output,
                GError       **error)
{
  char buffer[64 * 1024];

  if (lseek (fd, 0, SEEK_SET) < 0)
    {
      tenken_output_set_error (output, errno, error);
      return FALSE;
    }

  for (;;)
    {
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          tenken_output_set_error (output, errno, error);
          return FALSE;
        }
      if (n == 0)
        return TRUE;
      if (!tenken_output_write (output, buffer, n, error))
        return FALSE;
    }
}

static gboolean
write_workbook (TenkenReport     *report,
                TenkenOutput     *output,
                const char       *path,
                TenkenExportJob  *job,
                GError          **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  Book book = { report, };
  lxw_doc_properties properties = { 0, };
  lxw_error err;

  book.workbook = workbook_new_opt (path, &options);
  if (book.workbook == NULL)
    {
      g_set_error (error, TENKEN_EXPORT_ERROR, TENKEN_EXPORT_ERROR_FAILED,
                   _("Could not start the spreadsheet (out of memory?)"));
      return FALSE;
    }

  book.header = workbook_add_format (book.workbook);
  format_set_bold (book.header);
  format_set_bg_color (book.header, 0xEEF0F3);
  format_set_bottom (book.header, LXW_BORDER_THIN);
  format_set_text_wrap (book.header);
  format_set_align (book.header, LXW_ALIGN_VERTICAL_TOP);
  book.text = workbook_add_format (book.workbook);
  format_set_text_wrap (book.text);
  format_set_align (book.text, LXW_ALIGN_VERTICAL_TOP);
  book.bold = workbook_add_format (book.workbook);
  format_set_bold (book.bold);
  format_set_align (book.bold, LXW_ALIGN_VERTICAL_TOP);
  book.percent = workbook_add_format (book.workbook);
  format_set_num_format (book.percent, "0%");

  properties.title = (char *) tenken_report_get_title (report);
  properties.author = (char *) tenken_report_get_preparer (report);
  workbook_set_properties (book.workbook, &properties);

  summary_sheet (&book);
  if (!items_sheet (&book, job, error))
    {
      lxw_workbook_free (book.workbook);
      return FALSE;
    }
  if (tenken_report_get_kind (report) == TENKEN_REPORT_GAP)
    {
      remediation_sheet (&book);
      not_applicable_sheet (&book);
    }

  if (book.error != LXW_NO_ERROR)
    {
      lxw_workbook_free (book.workbook);
      g_set_error (error, TENKEN_EXPORT_ERROR, TENKEN_EXPORT_ERROR_FAILED,
                   _("Could not fill the spreadsheet: %s"), lxw_strerror (book.error));
      return FALSE;
    }

  errno = 0;
  err = workbook_close (book.workbook);
  /* libxlsxwriter writes the zip with stdio: a failed write (a full disk)
   * leaves errno, which says more than "zip error" */
  if (err != LXW_NO_ERROR && errno != 0 && err >= LXW_ERROR_ZIP_FILE_OPERATION && err <= LXW_ERROR_ZIP_CLOSE)
    {
      tenken_output_set_error (output, errno, error);
      return FALSE;
    }
  if (err != LXW_NO_ERROR)
    {
      g_set_error (error, TENKEN_EXPORT_ERROR,
                   err == LXW_ERROR_CREATING_XLSX_FILE || err == LXW_ERROR_CREATING_TMPFILE
                   ? TENKEN_EXPORT_ERROR_IO : TENKEN_EXPORT_ERROR_FAILED,
                   _("Could not write the spreadsheet: %s"), lxw_strerror (err));
      return FALSE;
    }

  return TRUE;
}

gboolean
tenken_export_write_xlsx (TenkenReport     *report,
                          TenkenOutput     *output,
                          TenkenExportJob  *job,
                          GError          **error)
{
  g_autofree char *memory_path = NULL;
  int memory_fd = memfd_create ("tenken-xlsx", MFD_CLOEXEC);
  gboolean ok;

  /* libxlsxwriter reports a failed write on stderr before returning, so
   * it writes into memory, which does not run full; the disk sees only
   * our own writes, whose failure makes one message */
  if (memory_fd >= 0)
    {
      memory_path = g_strdup_printf ("/proc/self/fd/%d", memory_fd);
      if (!g_file_test (memory_path, G_FILE_TEST_EXISTS))
        g_clear_pointer (&memory_path, g_free);
    }

  if (memory_path == NULL)
    ok = write_workbook (report, output, tenken_output_get_temp_path (output), job, error);
  else
    ok = write_workbook (report, output, memory_path, job, error) &&
         copy_to_output (memory_fd, output, error);

  if (memory_fd >= 0)
    close (memory_fd);
  return ok;
}
