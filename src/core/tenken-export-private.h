/* tenken-export-private.h: what the format writers share (internal)
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-export.h"
#include "tenken-output-private.h"
#include "tenken-report-private.h"

G_BEGIN_DECLS

/* Progress and cancellation of one export */
typedef struct
{
  TenkenExportProgress  progress;
  gpointer              progress_data;
  GCancellable         *cancellable;
  double                last;
} TenkenExportJob;

/* Reports @fraction (0…1), throttled to whole percents */
void      tenken_export_job_progress  (TenkenExportJob *job,
                                       double           fraction);
/* TRUE (and sets @error) when the export was cancelled */
gboolean  tenken_export_job_cancelled (TenkenExportJob *job,
                                       GError         **error);

/* Each writer fills @output's temporary file; the caller commits it */
gboolean  tenken_export_write_pdf     (TenkenReport     *report,
                                       TenkenOutput     *output,
                                       TenkenExportJob  *job,
                                       GError          **error);
gboolean  tenken_export_write_html    (TenkenReport     *report,
                                       TenkenOutput     *output,
                                       TenkenExportJob  *job,
                                       GError          **error);
gboolean  tenken_export_write_csv     (TenkenReport     *report,
                                       TenkenOutput     *output,
                                       TenkenExportJob  *job,
                                       GError          **error);
gboolean  tenken_export_write_xlsx    (TenkenReport     *report,
                                       TenkenOutput     *output,
                                       TenkenExportJob  *job,
                                       GError          **error);
gboolean  tenken_export_write_oscal   (TenkenReport     *report,
                                       TenkenOutput     *output,
                                       TenkenExportJob  *job,
                                       GError          **error);

/* Shared wording, in the report's language */

/* "Organisation — Service" */
char     *tenken_export_scope_line       (TenkenReport   *report);
/* "Catalog title (version)" */
char     *tenken_export_catalog_line     (TenkenReport   *report);
/* Roles in the report's language, comma separated; "All roles" for none */
char     *tenken_export_roles_text       (TenkenReport   *report);
const char *tenken_export_tier_text      (TenkenReport   *report);
const char *tenken_export_type_text      (TenkenReport   *report);
/* "1 April 2026 – 31 March 2027", or "—" */
char     *tenken_export_period_text      (TenkenReport   *report);
/* "Due 22 November 2026", "Target 1 May 2027", "Due …; target …" or NULL */
/* "Signed minutes; Collected 1 April 2026": what the user wrote about an
 * evidence, or NULL when nothing */
char     *tenken_export_evidence_details (TenkenReport   *report,
                                          TenkenEvidence *evidence);
char     *tenken_export_dates_text       (TenkenReport   *report,
                                          TenkenResponse *response);
/* The date in the report's language, or NULL */
char     *tenken_export_date             (TenkenReport   *report,
                                          const char     *iso_date);
/* "S(1) Title" of a category or requirement; @node may be NULL */
char     *tenken_export_node_heading     (TenkenCatalogNode *node);
/* "2026-11-22T10:00:00Z" for a GDateTime, or NULL */
char     *tenken_export_timestamp        (GDateTime      *datetime);

/* The cover's fields (organisation … prepared by), in the report's
 * language; the assessor only when set. Free with g_array_unref(). */
typedef struct
{
  const char *key;
  char       *value;   /* may be NULL */
} TenkenExportField;

GArray   *tenken_export_cover_fields     (TenkenReport   *report);
/* Items with a gap status among @counts */
guint     tenken_export_count_open       (const guint     counts[TENKEN_N_STATUSES]);
/* "2 of 62 items in scope are done …: 3 %. 60 items are open." */
char     *tenken_export_summary_sentence (TenkenReport   *report);

/* What the report contains, for its cover */
const char *tenken_export_description    (TenkenReport   *report);
/* What to say when the report lists no item */
const char *tenken_export_empty_text     (TenkenReport   *report);

/* Spreadsheet columns (CSV and XLSX), one row per item */
typedef enum
{
  TENKEN_COLUMN_CATEGORY,
  TENKEN_COLUMN_REQUIREMENT,
  TENKEN_COLUMN_LABEL,
  TENKEN_COLUMN_TITLE,
  TENKEN_COLUMN_STATUS,
  TENKEN_COLUMN_STATEMENT,
  TENKEN_COLUMN_JUSTIFICATION,
  TENKEN_COLUMN_OWNER,
  TENKEN_COLUMN_DUE,
  TENKEN_COLUMN_TARGET,
  TENKEN_COLUMN_FLAGGED,
  TENKEN_COLUMN_EVIDENCE_NAMES,
  TENKEN_COLUMN_EVIDENCE_SHA256,
  TENKEN_COLUMN_EVIDENCE_NOTES,
  TENKEN_COLUMN_UPDATED_AT,
  TENKEN_COLUMN_UPDATED_BY,
  TENKEN_N_COLUMNS,
} TenkenColumn;

/* Column heading in the report's language */
const char *tenken_export_column_title   (TenkenReport *report,
                                          TenkenColumn  column);
/* The cells of one row, raw (not neutralised); free with g_strfreev() */
char     **tenken_export_row_cells       (TenkenReport   *report,
                                          TenkenResponse *response);

G_END_DECLS
