/* tenken-export.h: write reports as PDF, HTML, CSV, XLSX or OSCAL
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-report.h"

G_BEGIN_DECLS

#define TENKEN_EXPORT_ERROR (tenken_export_error_quark ())

typedef enum
{
  TENKEN_EXPORT_ERROR_IO,        /* the output could not be written; the old file is untouched */
  TENKEN_EXPORT_ERROR_FAILED,    /* the format library failed */
  TENKEN_EXPORT_ERROR_INVALID,   /* bad options (language, format) */
} TenkenExportError;

GQuark tenken_export_error_quark (void);

/* Nicks: `pdf`, `html`, `csv`, `xlsx`, `oscal` */
typedef enum
{
  TENKEN_EXPORT_PDF,
  TENKEN_EXPORT_HTML,
  TENKEN_EXPORT_CSV,
  TENKEN_EXPORT_XLSX,
  TENKEN_EXPORT_OSCAL,
} TenkenExportFormat;

const char *tenken_export_format_to_string   (TenkenExportFormat  format);
gboolean    tenken_export_format_from_string (const char         *str,
                                              TenkenExportFormat *out_format);
/* ".pdf", ".html" …, and the media type */
const char *tenken_export_format_get_extension  (TenkenExportFormat format);
const char *tenken_export_format_get_media_type (TenkenExportFormat format);

/*
 * Writes @report to @output atomically: a temporary file next to it, renamed
 * over @output only when complete. A failure leaves no partial file and an
 * existing @output untouched. @progress (may be NULL) gets 0.0 … 1.0.
 * OSCAL ignores the report kind: it is always every in-scope item.
 */
typedef void (*TenkenExportProgress) (double fraction, gpointer user_data);

gboolean    tenken_export_report        (TenkenReport          *report,
                                         TenkenExportFormat     format,
                                         GFile                 *output,
                                         TenkenExportProgress   progress,
                                         gpointer               progress_data,
                                         GCancellable          *cancellable,
                                         GError               **error);
/* In a worker thread; progress is delivered in the caller's main context */
void        tenken_export_report_async  (TenkenReport          *report,
                                         TenkenExportFormat     format,
                                         GFile                 *output,
                                         TenkenExportProgress   progress,
                                         gpointer               progress_data,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data);
gboolean    tenken_export_report_finish (TenkenReport          *report,
                                         GAsyncResult          *result,
                                         GError               **error);

/* Spreadsheet safety, shared by CSV and XLSX: a cell starting with =, +, -, @,
 * tab or CR gets a leading apostrophe. Returns a new string. */
char       *tenken_export_neutralize_cell (const char *text);

G_END_DECLS
