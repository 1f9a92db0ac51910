/* tenken-export-pdf.c: gap and full reports as A4 PDF
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tenken-chart.h"
#include "tenken-export-private.h"
#include "tenken-pdf-writer.h"

#define MUTED_COLOR "#5f6670"
#define CHART_FONT  "Noto Sans CJK JP,Noto Sans,Sans 8"
/* Points left on a page (of 706) for a new section to start there */
#define SECTION_MIN_SPACE 400.0
#define LEGEND_HEIGHT 14.0

static char *
escape (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  return g_markup_escape_text (valid, -1);
}

typedef enum { CHART_BARS, CHART_RADAR } ChartKind;

typedef struct
{
  TenkenReport      *report;
  TenkenChartSeries *series;
  ChartKind          kind;
} ChartData;

static void
prepare_style (TenkenChartStyle     *style,
               TenkenReport         *report,
               PangoContext         *context,
               PangoFontDescription *font)
{
  tenken_chart_style_init (style);
  style->context = context;
  style->font = font;
  /* Translators: a percentage, e.g. "45 %"; drop the space if your language does */
  style->percent_format = tenken_report_trc (report, NC_("report", "%u %%"));
  /* The chart's own legend speaks the UI's language; the report draws
   * its legend in the report's language below the charts */
  style->show_legend = FALSE;
}

static void
draw_chart (cairo_t      *cr,
            double        width,
            double        height,
            PangoContext *context,
            gpointer      user_data)
{
  ChartData *data = user_data;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (CHART_FONT);
  TenkenChartStyle style;

  prepare_style (&style, data->report, context, font);
  if (data->kind == CHART_BARS)
    tenken_chart_draw_bars (cr, width, height, data->series, &style);
  else
    tenken_chart_draw_radar (cr, width, height, data->series, &style);
}

static void
draw_legend (cairo_t      *cr,
             double        width,
             double        height,
             PangoContext *context,
             gpointer      user_data)
{
  ChartData *data = user_data;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (CHART_FONT);
  double x = 0.0;

  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    {
      TenkenStatus status = tenken_chart_status_order[i];
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      double rgb[3], muted[3];
      int w, h;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, tenken_report_status_name (data->report, status), -1);
      pango_layout_get_pixel_size (layout, &w, &h);

      tenken_chart_get_status_color (status, FALSE, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle (cr, x, (height - 8.0) / 2.0, 8.0, 8.0);
      cairo_fill (cr);

      tenken_pdf_writer_get_color ("muted", muted);
      cairo_set_source_rgb (cr, muted[0], muted[1], muted[2]);
      cairo_move_to (cr, x + 11.0, (height - h) / 2.0);
      pango_cairo_show_layout (cr, layout);

      x += 11.0 + w + 14.0;
      if (x > width)
        break;
    }
}

static void
cover (TenkenPdfWriter *w,
       TenkenReport    *report)
{
  TenkenCatalog *catalog = tenken_document_get_catalog (tenken_report_get_document (report));
  g_autofree char *scope_line = tenken_export_scope_line (report);
  g_autoptr(GArray) fields = tenken_export_cover_fields (report);

  tenken_pdf_writer_set_decorated (w, FALSE);
  tenken_pdf_writer_space (w, 1.0);
  tenken_pdf_writer_space (w, 90.0);
  tenken_pdf_writer_paragraph (w, TENKEN_PDF_SUBTITLE, tenken_catalog_get_title (catalog));
  tenken_pdf_writer_heading (w, TENKEN_PDF_TITLE, tenken_report_get_title (report));
  tenken_pdf_writer_heading (w, TENKEN_PDF_HEADING_2, scope_line);
  tenken_pdf_writer_space (w, 28.0);

  for (guint i = 0; i < fields->len; i++)
    {
      const TenkenExportField *field = &g_array_index (fields, TenkenExportField, i);
      tenken_pdf_writer_field (w, field->key, field->value);
    }

  tenken_pdf_writer_space (w, 24.0);
  tenken_pdf_writer_paragraph (w, TENKEN_PDF_MUTED,
                               tenken_export_description (report));

  tenken_pdf_writer_page_break (w);
  tenken_pdf_writer_set_decorated (w, TRUE);
}

static void
summary (TenkenPdfWriter *w,
         TenkenReport    *report)
{
  TenkenAnalysis *analysis = tenken_report_get_analysis (report);
  g_autoptr(TenkenChartSeries) series = tenken_chart_series_new_from_analysis (analysis);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (CHART_FONT);
  GListModel *categories = tenken_analysis_get_categories (analysis);
  guint counts[TENKEN_N_STATUSES];
  guint total = tenken_report_get_counts (report, counts);
  g_autofree char *text = tenken_export_summary_sentence (report);
  ChartData data = { report, series, CHART_BARS };
  TenkenChartStyle style;
  const char *headers[4];
  const double status_widths[] = { 0.5, 0.25, 0.25 };
  const double category_widths[] = { 0.52, 0.12, 0.12, 0.12, 0.12 };

  tenken_pdf_writer_add_outline (w, 1, tenken_report_trc (report, NC_("report", "Executive summary")));
  tenken_pdf_writer_heading (w, TENKEN_PDF_HEADING_1, tenken_report_trc (report, NC_("report", "Executive summary")));

  tenken_pdf_writer_paragraph (w, TENKEN_PDF_BODY, text);
  tenken_pdf_writer_space (w, 4.0);

  headers[0] = tenken_report_trc (report, NC_("report", "Status"));
  headers[1] = tenken_report_trc (report, NC_("report", "Items"));
  headers[2] = tenken_report_trc (report, NC_("report", "Share"));
  tenken_pdf_writer_begin_table (w, 3, status_widths, headers);
  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    {
      TenkenStatus status = tenken_chart_status_order[i];
      g_autofree char *count = g_strdup_printf ("%u", counts[status]);
      g_autofree char *share = tenken_report_format_percent (report, counts[status], total);
      double rgb[3];
      TenkenPdfCell cells[3] = {
        { tenken_report_status_name (report, status), TENKEN_PDF_BODY, rgb, FALSE, FALSE },
        { count, TENKEN_PDF_BODY, NULL, FALSE, FALSE },
        { share, TENKEN_PDF_BODY, NULL, FALSE, FALSE },
      };

      tenken_chart_get_status_color (status, FALSE, rgb);
      tenken_pdf_writer_table_row (w, cells);
    }
  {
    g_autofree char *count = g_strdup_printf ("%u", total);
    TenkenPdfCell cells[3] = {
      { tenken_report_trc (report, NC_("report", "Total")), TENKEN_PDF_BODY, NULL, TRUE, FALSE },
      { count, TENKEN_PDF_BODY, NULL, TRUE, FALSE },
      { "", TENKEN_PDF_BODY, NULL, FALSE, FALSE },
    };
    tenken_pdf_writer_table_row (w, cells);
  }
  tenken_pdf_writer_end_table (w);

  if (tenken_chart_series_get_n_categories (series) > 0)
    {
      double width = tenken_pdf_writer_get_content_width (w);
      double height;

      tenken_pdf_writer_heading (w, TENKEN_PDF_HEADING_2, tenken_report_trc (report, NC_("report", "Progress by category")));
      prepare_style (&style, report, tenken_pdf_writer_get_context (w), font);
      height = tenken_chart_measure_bars (tenken_pdf_writer_get_measure_cairo (w), width, series, &style);
      /* The legend explains the bars' colours: keep it on their page */
      tenken_pdf_writer_ensure_space (w, height + LEGEND_HEIGHT);
      tenken_pdf_writer_drawing (w, height, draw_chart, &data);
      tenken_pdf_writer_drawing (w, LEGEND_HEIGHT, draw_legend, &data);
    }

  headers[0] = tenken_report_trc (report, NC_("report", "Category"));
  tenken_pdf_writer_space (w, 6.0);
  tenken_pdf_writer_ensure_space (w, 80.0);
  {
    const char *cat_headers[5] = {
      headers[0],
      tenken_report_trc (report, NC_("report", "Items")),
      tenken_report_trc (report, NC_("report", "Done")),
      tenken_report_trc (report, NC_("report", "Open")),
      tenken_report_trc (report, NC_("report", "Progress")),
    };

    tenken_pdf_writer_begin_table (w, 5, category_widths, cat_headers);
    for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
      {
        g_autoptr(TenkenCategoryStats) stats = g_list_model_get_item (categories, i);
        g_autofree char *heading = tenken_export_node_heading (tenken_category_stats_get_node (stats));
        guint cat_total = tenken_category_stats_get_total (stats);
        guint cat_done = tenken_category_stats_get_done (stats);
        guint cat_counts[TENKEN_N_STATUSES];
        g_autofree char *s_total = g_strdup_printf ("%u", cat_total);
        g_autofree char *s_done = g_strdup_printf ("%u", cat_done);
        g_autofree char *s_open = NULL;
        g_autofree char *s_percent = tenken_report_format_percent (report, cat_done, cat_total);

        tenken_category_stats_get_counts (stats, cat_counts);
        s_open = g_strdup_printf ("%u", tenken_export_count_open (cat_counts));

        {
          TenkenPdfCell cells[5] = {
            { heading, TENKEN_PDF_SMALL, NULL, FALSE, FALSE },
            { s_total, TENKEN_PDF_SMALL, NULL, FALSE, FALSE },
            { s_done, TENKEN_PDF_SMALL, NULL, FALSE, FALSE },
            { s_open, TENKEN_PDF_SMALL, NULL, FALSE, FALSE },
            { s_percent, TENKEN_PDF_SMALL, NULL, TRUE, FALSE },
          };
          tenken_pdf_writer_table_row (w, cells);
        }
      }
    tenken_pdf_writer_end_table (w);
  }

  if (tenken_chart_series_get_n_categories (series) >= 3)
    {
      tenken_pdf_writer_space (w, 6.0);
      tenken_pdf_writer_ensure_space (w, 280.0);
      data.kind = CHART_RADAR;
      tenken_pdf_writer_drawing (w, 250.0, draw_chart, &data);
      tenken_pdf_writer_paragraph (w, TENKEN_PDF_MUTED, tenken_report_trc (report, NC_("report", "Percent done (implemented or not applicable) per category.")));
    }
}

/* The item column: label and title, then the catalog's requirement text */
static char *
item_markup (TenkenResponse *response,
             gboolean        with_statement)
{
  TenkenCatalogItem *item = tenken_response_get_item (response);
  g_autofree char *label = escape (tenken_catalog_node_get_label (TENKEN_CATALOG_NODE (item)));
  g_autofree char *title = escape (tenken_catalog_node_get_title (TENKEN_CATALOG_NODE (item)));
  const char *statement = tenken_catalog_item_get_statement_text (item);
  GString *markup = g_string_new (NULL);

  g_string_append_printf (markup, "<b>%s</b>  %s", label, title);
  if (with_statement && statement != NULL && *statement != '\0')
    {
      g_autofree char *text = escape (statement);
      g_string_append_printf (markup, "\n<span size=\"7pt\" foreground=\"" MUTED_COLOR "\">%s</span>", text);
    }

  return g_string_free (markup, FALSE);
}

static char *
status_markup (TenkenReport   *report,
               TenkenResponse *response)
{
  GString *markup = g_string_new (NULL);
  g_autofree char *name = escape (tenken_report_status_name (report, tenken_response_get_status (response)));

  g_string_append (markup, name);
  if (tenken_response_is_overdue (response, tenken_report_get_today (report)))
    g_string_append_printf (markup, "\n<b>%s</b>", tenken_report_trc (report, NC_("report", "Overdue")));
  if (tenken_response_get_flagged (response))
    g_string_append_printf (markup, "\n<span foreground=\"" MUTED_COLOR "\">%s</span>",
                            tenken_report_trc (report, NC_("report", "Flagged for review")));

  return g_string_free (markup, FALSE);
}

static void
append_labelled (GString    *markup,
                 const char *label,
                 const char *value)
{
  g_autofree char *escaped = escape (value);

  if (markup->len > 0)
    g_string_append_c (markup, '\n');
  /* A full-width colon (Japanese) carries its own space */
  g_string_append_printf (markup, "<span foreground=\"" MUTED_COLOR "\">%s</span>%s%s", label,
                          g_str_has_suffix (label, "：") ? "" : " ", escaped);
}

static char *
response_markup (TenkenReport   *report,
                 TenkenResponse *response)
{
  TenkenCatalogNode *node = TENKEN_CATALOG_NODE (tenken_response_get_item (response));
  GPtrArray *evidence = tenken_report_get_evidence (report, tenken_catalog_node_get_id (node));
  const char *statement = tenken_response_get_statement (response);
  const char *justification = tenken_response_get_justification (response);
  const char *owner = tenken_response_get_owner (response);
  g_autofree char *dates = tenken_export_dates_text (report, response);
  GString *markup = g_string_new (NULL);

  if (statement != NULL && *statement != '\0')
    {
      g_autofree char *text = escape (statement);
      g_string_append (markup, text);
    }
  else
    {
      g_string_append_printf (markup, "<i><span foreground=\"" MUTED_COLOR "\">%s</span></i>",
                              tenken_report_trc (report, NC_("report", "No statement recorded.")));
    }

  if (justification != NULL && *justification != '\0')
    append_labelled (markup, tenken_report_trc (report, NC_("report", "Justification:")), justification);
  if (owner != NULL && *owner != '\0')
    append_labelled (markup, tenken_report_trc (report, NC_("report", "Owner:")), owner);
  if (dates != NULL)
    {
      /* "Due 1 December 2026": the words say what the date is */
      g_autofree char *escaped = escape (dates);
      g_string_append_printf (markup, "\n<span foreground=\"" MUTED_COLOR "\">%s</span>", escaped);
    }

  for (guint i = 0; i < evidence->len; i++)
    {
      TenkenEvidence *e = g_ptr_array_index (evidence, i);
      const char *sha = tenken_evidence_get_sha256 (e);
      g_autofree char *name = escape (tenken_evidence_get_kind (e) == TENKEN_EVIDENCE_URL
                                      ? tenken_evidence_get_url (e) : tenken_evidence_get_name (e));

      if (i == 0)
        g_string_append_printf (markup, "\n<span foreground=\"" MUTED_COLOR "\">%s</span>",
                                tenken_report_trc (report, NC_("report", "Evidence:")));
      g_autofree char *details = tenken_export_evidence_details (report, e);

      g_string_append_printf (markup, "\n• %s", name);
      if (details != NULL)
        {
          g_autofree char *escaped = escape (details);
          g_string_append_printf (markup, "\n  <span size=\"7.5pt\" foreground=\"" MUTED_COLOR "\">%s</span>", escaped);
        }
      if (sha != NULL && *sha != '\0')
        g_string_append_printf (markup, "\n  <span font_family=\"monospace\" size=\"6.5pt\" foreground=\"" MUTED_COLOR "\">SHA-256 %s</span>", sha);
    }

  return g_string_free (markup, FALSE);
}

/* A new section starts on a fresh page, unless the page it would leave
 * is mostly empty (a chart that moved to a page of its own, a short
 * table): a page holding one drawing wastes paper and reads as broken */
static void
section_break (TenkenPdfWriter *w)
{
  if (tenken_pdf_writer_get_remaining (w) < SECTION_MIN_SPACE)
    tenken_pdf_writer_page_break (w);
  else
    tenken_pdf_writer_space (w, 24.0);
}

static gboolean
items (TenkenPdfWriter  *w,
       TenkenReport     *report,
       TenkenExportJob  *job,
       GError          **error)
{
  GPtrArray *categories = tenken_report_get_categories (report);
  guint n_total = tenken_report_get_responses (report)->len;
  gboolean gap = tenken_report_get_kind (report) == TENKEN_REPORT_GAP;
  const char *title = gap ? tenken_report_trc (report, NC_("report", "Gaps by category"))
                          : tenken_report_trc (report, NC_("report", "Items by category"));
  const char *headers[3] = {
    tenken_report_trc (report, NC_("report", "Item")),
    tenken_report_trc (report, NC_("report", "Status")),
    tenken_report_trc (report, NC_("report", "Statement and evidence")),
  };
  const double widths[] = { 0.36, 0.17, 0.47 };
  guint done = 0;

  section_break (w);
  tenken_pdf_writer_add_outline (w, 1, title);
  tenken_pdf_writer_heading (w, TENKEN_PDF_HEADING_1, title);

  if (categories->len == 0)
    {
      tenken_pdf_writer_paragraph (w, TENKEN_PDF_BODY,
                                   tenken_export_empty_text (report));
      return TRUE;
    }

  for (guint c = 0; c < categories->len; c++)
    {
      TenkenReportCategory *cat = g_ptr_array_index (categories, c);
      g_autofree char *cat_heading = tenken_export_node_heading (TENKEN_CATALOG_NODE (cat->category));

      tenken_pdf_writer_add_outline (w, 2, cat_heading);
      tenken_pdf_writer_heading (w, TENKEN_PDF_HEADING_2, cat_heading);

      for (guint r = 0; r < cat->requirements->len; r++)
        {
          TenkenReportRequirement *req = g_ptr_array_index (cat->requirements, r);

          if (req->requirement != NULL)
            {
              g_autofree char *req_heading = tenken_export_node_heading (TENKEN_CATALOG_NODE (req->requirement));
              tenken_pdf_writer_heading (w, TENKEN_PDF_HEADING_3, req_heading);
            }

          tenken_pdf_writer_begin_table (w, 3, widths, headers);
          for (guint i = 0; i < req->responses->len; i++)
            {
              TenkenResponse *response = g_ptr_array_index (req->responses, i);
              g_autofree char *item = item_markup (response, TRUE);
              g_autofree char *status = status_markup (report, response);
              g_autofree char *answer = response_markup (report, response);
              double rgb[3];
              TenkenPdfCell cells[3] = {
                { item, TENKEN_PDF_SMALL, NULL, FALSE, TRUE },
                { status, TENKEN_PDF_SMALL, rgb, FALSE, TRUE },
                { answer, TENKEN_PDF_SMALL, NULL, FALSE, TRUE },
              };

              tenken_chart_get_status_color (tenken_response_get_status (response), FALSE, rgb);
              tenken_pdf_writer_table_row (w, cells);

              if (tenken_export_job_cancelled (job, error))
                return FALSE;
              tenken_export_job_progress (job, 0.1 + 0.6 * ++done / MAX (n_total, 1));
            }
          tenken_pdf_writer_end_table (w);
        }
    }

  return TRUE;
}

static void
remediation (TenkenPdfWriter *w,
             TenkenReport    *report)
{
  GPtrArray *plan = tenken_report_get_remediation (report);
  const char *title = tenken_report_trc (report, NC_("report", "Remediation plan"));
  const char *headers[4] = {
    tenken_report_trc (report, NC_("report", "Item")),
    tenken_report_trc (report, NC_("report", "Gap")),
    tenken_report_trc (report, NC_("report", "Owner")),
    tenken_report_trc (report, NC_("report", "Date")),
  };
  const double widths[] = { 0.40, 0.18, 0.18, 0.24 };

  section_break (w);
  tenken_pdf_writer_add_outline (w, 1, title);
  tenken_pdf_writer_heading (w, TENKEN_PDF_HEADING_1, title);

  if (plan->len == 0)
    {
      tenken_pdf_writer_paragraph (w, TENKEN_PDF_BODY, tenken_report_trc (report, NC_("report", "Nothing to remediate.")));
      return;
    }

  tenken_pdf_writer_paragraph (w, TENKEN_PDF_MUTED,
                               tenken_report_trc (report, NC_("report", "Open items by due date, else target date; items without a date come last.")));

  tenken_pdf_writer_begin_table (w, 4, widths, headers);
  for (guint i = 0; i < plan->len; i++)
    {
      TenkenResponse *response = g_ptr_array_index (plan, i);
      g_autofree char *item = item_markup (response, FALSE);
      g_autofree char *status = status_markup (report, response);
      g_autofree char *dates = tenken_export_dates_text (report, response);
      double rgb[3];
      TenkenPdfCell cells[4] = {
        { item, TENKEN_PDF_SMALL, NULL, FALSE, TRUE },
        { status, TENKEN_PDF_SMALL, rgb, FALSE, TRUE },
        { tenken_response_get_owner (response), TENKEN_PDF_SMALL, NULL, FALSE, FALSE },
        { dates != NULL ? dates : tenken_report_trc (report, NC_("report", "No date")), TENKEN_PDF_SMALL, NULL, FALSE, FALSE },
      };

      tenken_chart_get_status_color (tenken_response_get_status (response), FALSE, rgb);
      tenken_pdf_writer_table_row (w, cells);
    }
  tenken_pdf_writer_end_table (w);
}

static void
not_applicable (TenkenPdfWriter *w,
                TenkenReport    *report)
{
  GPtrArray *na = tenken_report_get_not_applicable (report);
  const char *title = tenken_report_trc (report, NC_("report", "Appendix: items not applicable"));
  const char *headers[2] = {
    tenken_report_trc (report, NC_("report", "Item")),
    tenken_report_trc (report, NC_("report", "Justification")),
  };
  const double widths[] = { 0.40, 0.60 };

  section_break (w);
  tenken_pdf_writer_add_outline (w, 1, title);
  tenken_pdf_writer_heading (w, TENKEN_PDF_HEADING_1, title);

  if (na->len == 0)
    {
      tenken_pdf_writer_paragraph (w, TENKEN_PDF_BODY, tenken_report_trc (report, NC_("report", "No item in scope is marked not applicable.")));
      return;
    }

  tenken_pdf_writer_begin_table (w, 2, widths, headers);
  for (guint i = 0; i < na->len; i++)
    {
      TenkenResponse *response = g_ptr_array_index (na, i);
      g_autofree char *item = item_markup (response, FALSE);
      TenkenPdfCell cells[2] = {
        { item, TENKEN_PDF_SMALL, NULL, FALSE, TRUE },
        { tenken_response_get_justification (response), TENKEN_PDF_SMALL, NULL, FALSE, FALSE },
      };

      tenken_pdf_writer_table_row (w, cells);
    }
  tenken_pdf_writer_end_table (w);
}

gboolean
tenken_export_write_pdf (TenkenReport     *report,
                         TenkenOutput     *output,
                         TenkenExportJob  *job,
                         GError          **error)
{
  TenkenTranslation *translation = tenken_report_get_translation (report);
  g_autoptr(TenkenPdfWriter) w = tenken_pdf_writer_new (tenken_translation_get_lang (translation));
  g_autoptr(GError) local_error = NULL;
  g_autofree char *scope_line = tenken_export_scope_line (report);
  g_autofree char *today = tenken_export_date (report, tenken_report_get_today (report));
  g_autofree char *footer = g_strdup_printf ("%s · %s", scope_line, today);

  tenken_pdf_writer_set_title (w, tenken_report_get_title (report));
  tenken_pdf_writer_set_header_right (w, scope_line);
  tenken_pdf_writer_set_footer_text (w, footer);
  /* Translators: keep {page} and {pages} as they are */
  tenken_pdf_writer_set_page_label (w, tenken_report_trc (report, NC_("report", "Page {page} of {pages}")));
  tenken_pdf_writer_set_author (w, tenken_report_get_preparer (report));

  cover (w, report);
  summary (w, report);
  tenken_export_job_progress (job, 0.1);

  if (!items (w, report, job, error))
    return FALSE;

  if (tenken_report_get_kind (report) == TENKEN_REPORT_GAP)
    {
      remediation (w, report);
      not_applicable (w, report);
    }
  tenken_export_job_progress (job, 0.75);

  if (!tenken_pdf_writer_save (w, output, job->cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, TENKEN_EXPORT_ERROR, TENKEN_EXPORT_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}
