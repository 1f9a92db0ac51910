/* tenken-export.c: formats, atomic output, progress and the shared wording
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tenken-chart.h"
#include "tenken-export-private.h"

G_DEFINE_QUARK (tenken-export-error-quark, tenken_export_error)

static const struct
{
  const char *nick;
  const char *extension;
  const char *media_type;
} formats[] = {
  [TENKEN_EXPORT_PDF]   = { "pdf",   ".pdf",  "application/pdf" },
  [TENKEN_EXPORT_HTML]  = { "html",  ".html", "text/html" },
  [TENKEN_EXPORT_CSV]   = { "csv",   ".csv",  "text/csv" },
  [TENKEN_EXPORT_XLSX]  = { "xlsx",  ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  [TENKEN_EXPORT_OSCAL] = { "oscal", ".xml",  "application/xml" },
};

const char *
tenken_export_format_to_string (TenkenExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);
  return formats[format].nick;
}

gboolean
tenken_export_format_from_string (const char         *str,
                                  TenkenExportFormat *out_format)
{
  g_return_val_if_fail (out_format != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (formats); i++)
    {
      if (g_str_equal (str, formats[i].nick))
        {
          *out_format = (TenkenExportFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
tenken_export_format_get_extension (TenkenExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);
  return formats[format].extension;
}

const char *
tenken_export_format_get_media_type (TenkenExportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);
  return formats[format].media_type;
}

char *
tenken_export_neutralize_cell (const char *text)
{
  if (text == NULL)
    return g_strdup ("");

  /* These make spreadsheet applications read the cell as a formula (or, for
   * tab and CR, hide such a start); an apostrophe makes it text */
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    return g_strconcat ("'", text, NULL);

  return g_strdup (text);
}

void
tenken_export_job_progress (TenkenExportJob *job,
                            double           fraction)
{
  fraction = CLAMP (fraction, 0.0, 1.0);
  if (job->progress == NULL)
    return;
  if (fraction < 1.0 && fraction - job->last < 0.01)
    return;

  job->last = fraction;
  job->progress (fraction, job->progress_data);
}

gboolean
tenken_export_job_cancelled (TenkenExportJob  *job,
                             GError          **error)
{
  return g_cancellable_set_error_if_cancelled (job->cancellable, error);
}

gboolean
tenken_export_report (TenkenReport          *report,
                      TenkenExportFormat     format,
                      GFile                 *output,
                      TenkenExportProgress   progress,
                      gpointer               progress_data,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_autoptr(TenkenOutput) out = NULL;
  TenkenExportJob job = { progress, progress_data, cancellable, -1.0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (TENKEN_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  if ((guint) format >= G_N_ELEMENTS (formats))
    {
      g_set_error (error, TENKEN_EXPORT_ERROR, TENKEN_EXPORT_ERROR_INVALID,
                   _("Unknown export format. Use pdf, html, csv, xlsx or oscal."));
      return FALSE;
    }

  if (tenken_export_job_cancelled (&job, error))
    return FALSE;

  out = tenken_output_new (output, TENKEN_EXPORT_ERROR, TENKEN_EXPORT_ERROR_IO, error);
  if (out == NULL)
    return FALSE;

  tenken_export_job_progress (&job, 0.0);

  switch (format)
    {
    case TENKEN_EXPORT_PDF:
      ok = tenken_export_write_pdf (report, out, &job, error);
      break;
    case TENKEN_EXPORT_HTML:
      ok = tenken_export_write_html (report, out, &job, error);
      break;
    case TENKEN_EXPORT_CSV:
      ok = tenken_export_write_csv (report, out, &job, error);
      break;
    case TENKEN_EXPORT_XLSX:
      ok = tenken_export_write_xlsx (report, out, &job, error);
      break;
    case TENKEN_EXPORT_OSCAL:
      ok = tenken_export_write_oscal (report, out, &job, error);
      break;
    default:
      g_assert_not_reached ();
    }

  /* A cancellation during the last step still must not publish the file */
  if (!ok || tenken_export_job_cancelled (&job, error))
    return FALSE;

  if (!tenken_output_commit (out, error))
    return FALSE;

  tenken_export_job_progress (&job, 1.0);
  return TRUE;
}

/* --- async --- */

typedef struct
{
  TenkenExportFormat    format;
  GFile                *output;
  TenkenExportProgress  progress;
  gpointer              progress_data;
} ExportData;

typedef struct
{
  GTask  *task;
  double  fraction;
} ProgressEvent;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->output);
  g_free (data);
}

static void
progress_event_free (ProgressEvent *event)
{
  g_object_unref (event->task);
  g_free (event);
}

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressEvent *event = user_data;
  ExportData *data = g_task_get_task_data (event->task);

  /* After the callback ran, the caller may have freed progress_data */
  if (!g_task_get_completed (event->task))
    data->progress (event->fraction, data->progress_data);

  return G_SOURCE_REMOVE;
}

static void
thread_progress (double   fraction,
                 gpointer user_data)
{
  GTask *task = user_data;
  ProgressEvent *event = g_new0 (ProgressEvent, 1);

  event->task = g_object_ref (task);
  event->fraction = fraction;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              deliver_progress, event, (GDestroyNotify) progress_event_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (tenken_export_report (source_object, data->format, data->output,
                            data->progress != NULL ? thread_progress : NULL, task,
                            cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
tenken_export_report_async (TenkenReport          *report,
                            TenkenExportFormat     format,
                            GFile                 *output,
                            TenkenExportProgress   progress,
                            gpointer               progress_data,
                            GCancellable          *cancellable,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (TENKEN_IS_REPORT (report));
  g_return_if_fail (G_IS_FILE (output));

  data = g_new0 (ExportData, 1);
  data->format = format;
  data->output = g_object_ref (output);
  data->progress = progress;
  data->progress_data = progress_data;

  task = g_task_new (report, cancellable, callback, user_data);
  g_task_set_source_tag (task, tenken_export_report_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
tenken_export_report_finish (TenkenReport  *report,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, report), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- shared wording --- */

char *
tenken_export_date (TenkenReport *report,
                    const char   *iso_date)
{
  if (iso_date == NULL || *iso_date == '\0')
    return NULL;
  return tenken_translation_format_date (tenken_report_get_translation (report), iso_date);
}

char *
tenken_export_scope_line (TenkenReport *report)
{
  TenkenScope *scope = tenken_report_get_scope (report);
  const char *org = tenken_scope_get_organisation (scope);
  const char *service = tenken_scope_get_service (scope);

  if (org == NULL || *org == '\0')
    return g_strdup (service != NULL ? service : "");
  if (service == NULL || *service == '\0')
    return g_strdup (org);
  return g_strdup_printf ("%s — %s", org, service);
}

char *
tenken_export_catalog_line (TenkenReport *report)
{
  TenkenCatalog *catalog = tenken_document_get_catalog (tenken_report_get_document (report));
  const char *version = tenken_catalog_get_version (catalog);

  if (version == NULL || *version == '\0')
    return g_strdup (tenken_catalog_get_title (catalog));
  return g_strdup_printf ("%s (%s)", tenken_catalog_get_title (catalog), version);
}

char *
tenken_export_roles_text (TenkenReport *report)
{
  static const struct { TenkenRoles role; const char *name; } roles[] = {
    { TENKEN_ROLE_DEVELOPER,              NC_("report", "Developer") },
    { TENKEN_ROLE_SUPPLIER,               NC_("report", "Supplier") },
    { TENKEN_ROLE_OPERATOR,               NC_("report", "Operator") },
    { TENKEN_ROLE_CUSTOMER,               NC_("report", "Customer") },
    { TENKEN_ROLE_CLOUD_SERVICE_PROVIDER, NC_("report", "Cloud service provider") },
    { TENKEN_ROLE_ASSESSOR,               NC_("report", "Assessor") },
  };
  TenkenRoles scope_roles = tenken_scope_get_roles (tenken_report_get_scope (report));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      if ((scope_roles & roles[i].role) == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, tenken_report_trc (report, NC_("report", ", ")));
      g_string_append (text, tenken_report_trc (report, roles[i].name));
    }

  if (text->len == 0)
    g_string_append (text, tenken_report_trc (report, NC_("report", "All roles")));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
tenken_export_tier_text (TenkenReport *report)
{
  switch (tenken_scope_get_tier (tenken_report_get_scope (report)))
    {
    case TENKEN_TIER_PRIME: return tenken_report_trc (report, NC_("report", "Prime provider"));
    case TENKEN_TIER_SUB:   return tenken_report_trc (report, NC_("report", "Sub-provider"));
    default:                return "";
    }
}

const char *
tenken_export_type_text (TenkenReport *report)
{
  switch (tenken_scope_get_assessment_type (tenken_report_get_scope (report)))
    {
    case TENKEN_ASSESSMENT_SELF:        return tenken_report_trc (report, NC_("report", "Self-assessment"));
    case TENKEN_ASSESSMENT_DESIGN:      return tenken_report_trc (report, NC_("report", "Design assessment"));
    case TENKEN_ASSESSMENT_OPERATIONAL: return tenken_report_trc (report, NC_("report", "Operational assessment"));
    default:                            return "";
    }
}

char *
tenken_export_period_text (TenkenReport *report)
{
  TenkenScope *scope = tenken_report_get_scope (report);
  g_autofree char *start = tenken_export_date (report, tenken_scope_get_period_start (scope));
  g_autofree char *end = tenken_export_date (report, tenken_scope_get_period_end (scope));

  if (start == NULL && end == NULL)
    return g_strdup ("—");
  return g_strdup_printf ("%s – %s", start != NULL ? start : "…", end != NULL ? end : "…");
}

/* Appends "LABEL DATE" (the date in the report's language) to @text, after
 * a "; " when it holds something already; nothing without a date */
static void
append_dated (GString      *text,
              TenkenReport *report,
              const char   *label,
              const char   *iso_date)
{
  g_autofree char *date = tenken_export_date (report, iso_date);

  if (date == NULL)
    return;
  if (text->len > 0)
    g_string_append (text, tenken_report_trc (report, NC_("report", "; ")));
  g_string_append_printf (text, "%s %s", label, date);
}

static char *
free_if_empty (GString *text)
{
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

char *
tenken_export_dates_text (TenkenReport   *report,
                          TenkenResponse *response)
{
  GString *text = g_string_new (NULL);

  append_dated (text, report, tenken_report_trc (report, NC_("report", "Due")),
                tenken_response_get_due_date (response));
  append_dated (text, report, tenken_report_trc (report, NC_("report", "Target")),
                tenken_response_get_target_date (response));
  return free_if_empty (text);
}

char *
tenken_export_evidence_details (TenkenReport   *report,
                                TenkenEvidence *evidence)
{
  const char *note = tenken_evidence_get_note (evidence);
  GString *text = g_string_new (NULL);

  if (note != NULL && *note != '\0')
    g_string_append (text, note);
  /* Translators: before the date an evidence was collected */
  append_dated (text, report, tenken_report_trc (report, NC_("report", "Collected")),
                tenken_evidence_get_collected (evidence));
  return free_if_empty (text);
}

char *
tenken_export_node_heading (TenkenCatalogNode *node)
{
  const char *label, *title;

  if (node == NULL)
    return g_strdup ("");

  label = tenken_catalog_node_get_label (node);
  title = tenken_catalog_node_get_title (node);
  if (title == NULL || *title == '\0' || g_strcmp0 (label, title) == 0)
    return g_strdup (label);
  /* An id is no label for people, as in the sidebar */
  if (g_strcmp0 (label, tenken_catalog_node_get_id (node)) == 0)
    return g_strdup (title);
  return g_strdup_printf ("%s %s", label, title);
}

char *
tenken_export_timestamp (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = NULL;

  if (datetime == NULL)
    return NULL;
  utc = g_date_time_to_utc (datetime);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
field_clear (gpointer data)
{
  g_free (((TenkenExportField *) data)->value);
}

static void
add_field (GArray     *fields,
           const char *key,
           const char *value)
{
  TenkenExportField field = { key, g_strdup (value) };

  g_array_append_val (fields, field);
}

GArray *
tenken_export_cover_fields (TenkenReport *report)
{
  TenkenScope *scope = tenken_report_get_scope (report);
  TenkenCatalog *catalog = tenken_document_get_catalog (tenken_report_get_document (report));
  GArray *fields = g_array_new (FALSE, TRUE, sizeof (TenkenExportField));
  const char *assessor = tenken_scope_get_assessor (scope);

  g_array_set_clear_func (fields, field_clear);

#define ADD(key, value) add_field (fields, tenken_report_trc (report, key), value)
  ADD (NC_("report", "Organisation"), tenken_scope_get_organisation (scope));
  ADD (NC_("report", "Service"), tenken_scope_get_service (scope));
  ADD (NC_("report", "Catalog"), tenken_catalog_get_title (catalog));
  ADD (NC_("report", "Catalog version"), tenken_catalog_get_version (catalog));
  g_array_append_vals (fields, &(TenkenExportField) { tenken_report_trc (report, NC_("report", "Roles")),
                                                      tenken_export_roles_text (report) }, 1);
  ADD (NC_("report", "Tier"), tenken_export_tier_text (report));
  ADD (NC_("report", "Assessment type"), tenken_export_type_text (report));
  g_array_append_vals (fields, &(TenkenExportField) { tenken_report_trc (report, NC_("report", "Assessment period")),
                                                      tenken_export_period_text (report) }, 1);
  if (assessor != NULL && *assessor != '\0')
    ADD (NC_("report", "Assessor"), assessor);
  g_array_append_vals (fields, &(TenkenExportField) { tenken_report_trc (report, NC_("report", "Report date")),
                                                      tenken_export_date (report, tenken_report_get_today (report)) }, 1);
  ADD (NC_("report", "Prepared by"), tenken_report_get_preparer (report));
#undef ADD

  return fields;
}

guint
tenken_export_count_open (const guint counts[TENKEN_N_STATUSES])
{
  guint open = 0;

  for (guint s = 0; s < TENKEN_N_STATUSES; s++)
    if (tenken_status_is_gap (s))
      open += counts[s];
  return open;
}

char *
tenken_export_summary_sentence (TenkenReport *report)
{
  TenkenAnalysis *analysis = tenken_report_get_analysis (report);
  guint counts[TENKEN_N_STATUSES];
  guint total = tenken_report_get_counts (report, counts);
  guint done = tenken_analysis_get_done (analysis);
  g_autofree char *percent = tenken_report_format_percent (report, done, total);

  /* Translators: done, total, percent, open items */
  return g_strdup_printf (tenken_report_trc (report, NC_("report", "%u of %u items in scope are done (implemented or not applicable): %s. %u items are open.")),
                          done, total, percent, tenken_export_count_open (counts));
}

const char *
tenken_export_description (TenkenReport *report)
{
  if (tenken_report_get_kind (report) == TENKEN_REPORT_GAP)
    return tenken_report_trc (report, NC_("report", "This report lists every item that applies to the roles in scope and is not implemented, partially implemented, planned or not started, with the statement, owner, dates and evidence recorded in the assessment, a remediation plan, and the items marked not applicable with their justifications."));
  return tenken_report_trc (report, NC_("report", "This report lists every item that applies to the roles in scope with its status, statement and evidence. Evidence files are identified by name and SHA-256 digest."));
}

const char *
tenken_export_empty_text (TenkenReport *report)
{
  if (tenken_report_get_kind (report) == TENKEN_REPORT_GAP)
    return tenken_report_trc (report, NC_("report", "There are no gaps: every item in scope is implemented or not applicable."));
  return tenken_report_trc (report, NC_("report", "No item applies to the roles in scope."));
}

const char *
tenken_export_column_title (TenkenReport *report,
                            TenkenColumn  column)
{
  static const char * const titles[TENKEN_N_COLUMNS] = {
    [TENKEN_COLUMN_CATEGORY]        = NC_("report", "Category"),
    [TENKEN_COLUMN_REQUIREMENT]     = NC_("report", "Requirement"),
    [TENKEN_COLUMN_LABEL]           = NC_("report", "Label"),
    [TENKEN_COLUMN_TITLE]           = NC_("report", "Title"),
    [TENKEN_COLUMN_STATUS]          = NC_("report", "Status"),
    [TENKEN_COLUMN_STATEMENT]       = NC_("report", "Statement"),
    [TENKEN_COLUMN_JUSTIFICATION]   = NC_("report", "Justification"),
    [TENKEN_COLUMN_OWNER]           = NC_("report", "Owner"),
    [TENKEN_COLUMN_DUE]             = NC_("report", "Due date"),
    [TENKEN_COLUMN_TARGET]          = NC_("report", "Target date"),
    [TENKEN_COLUMN_FLAGGED]         = NC_("report", "Flagged"),
    [TENKEN_COLUMN_EVIDENCE_NAMES]  = NC_("report", "Evidence"),
    [TENKEN_COLUMN_EVIDENCE_SHA256] = NC_("report", "Evidence SHA-256"),
    [TENKEN_COLUMN_EVIDENCE_NOTES]  = NC_("report", "Evidence notes"),
    [TENKEN_COLUMN_UPDATED_AT]      = NC_("report", "Updated at"),
    [TENKEN_COLUMN_UPDATED_BY]      = NC_("report", "Updated by"),
  };

  g_return_val_if_fail ((guint) column < TENKEN_N_COLUMNS, NULL);
  return tenken_report_trc (report, titles[column]);
}

char **
tenken_export_row_cells (TenkenReport   *report,
                         TenkenResponse *response)
{
  TenkenCatalogItem *item = tenken_response_get_item (response);
  TenkenCatalogNode *node = TENKEN_CATALOG_NODE (item);
  GPtrArray *evidence = tenken_report_get_evidence (report, tenken_catalog_node_get_id (node));
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) hashes = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  char **cells = g_new0 (char *, TENKEN_N_COLUMNS + 1);

  for (guint i = 0; i < evidence->len; i++)
    {
      TenkenEvidence *e = g_ptr_array_index (evidence, i);
      const char *sha = tenken_evidence_get_sha256 (e);
      g_autofree char *details = tenken_export_evidence_details (report, e);

      if (i > 0)
        {
          g_string_append_c (names, '\n');
          g_string_append_c (hashes, '\n');
          g_string_append_c (notes, '\n');
        }
      if (details != NULL)
        {
          /* on its one line, so it pairs up with its name */
          g_strdelimit (details, "\r\n", ' ');
          g_string_append (notes, details);
        }
      g_string_append (names, tenken_evidence_get_kind (e) == TENKEN_EVIDENCE_URL
                              ? tenken_evidence_get_url (e) : tenken_evidence_get_name (e));
      /* One line per evidence in both columns, so they pair up */
      g_string_append (hashes, sha != NULL ? sha : "");
    }

  cells[TENKEN_COLUMN_CATEGORY] = tenken_export_node_heading ((TenkenCatalogNode *) tenken_catalog_item_get_category (item));
  cells[TENKEN_COLUMN_REQUIREMENT] = tenken_export_node_heading ((TenkenCatalogNode *) tenken_report_find_requirement (item));
  cells[TENKEN_COLUMN_LABEL] = g_strdup (tenken_catalog_node_get_label (node));
  cells[TENKEN_COLUMN_TITLE] = g_strdup (tenken_catalog_node_get_title (node));
  cells[TENKEN_COLUMN_STATUS] = g_strdup (tenken_report_status_name (report, tenken_response_get_status (response)));
  cells[TENKEN_COLUMN_STATEMENT] = g_strdup (tenken_response_get_statement (response));
  cells[TENKEN_COLUMN_JUSTIFICATION] = g_strdup (tenken_response_get_justification (response));
  cells[TENKEN_COLUMN_OWNER] = g_strdup (tenken_response_get_owner (response));
  cells[TENKEN_COLUMN_DUE] = g_strdup (tenken_response_get_due_date (response));
  cells[TENKEN_COLUMN_TARGET] = g_strdup (tenken_response_get_target_date (response));
  cells[TENKEN_COLUMN_FLAGGED] = g_strdup (tenken_response_get_flagged (response)
                                           ? tenken_report_trc (report, NC_("report", "Yes")) : "");
  cells[TENKEN_COLUMN_EVIDENCE_NAMES] = g_strdup (names->str);
  cells[TENKEN_COLUMN_EVIDENCE_SHA256] = g_strdup (hashes->str);
  cells[TENKEN_COLUMN_EVIDENCE_NOTES] = g_strdup (notes->str);
  cells[TENKEN_COLUMN_UPDATED_AT] = tenken_export_timestamp (tenken_response_get_updated_at (response));
  cells[TENKEN_COLUMN_UPDATED_BY] = g_strdup (tenken_response_get_updated_by (response));

  /* No NULL holes: the array is a GStrv */
  for (guint i = 0; i < TENKEN_N_COLUMNS; i++)
    if (cells[i] == NULL)
      cells[i] = g_strdup ("");

  return cells;
}
