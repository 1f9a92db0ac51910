/* tenken-export-html.c: reports as one self-contained, printable HTML file
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-export"

#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tenken-chart.h"
#include "tenken-export-private.h"

#define CHART_WIDTH 680.0
#define RADAR_SIZE  360.0
#define CHART_FONT  "Noto Sans CJK JP,Noto Sans,Sans 8"

/* No external resource, no script: it must open the same offline, in a
 * mail attachment viewer, and print on A4 with one section per page */
static const char stylesheet[] =
  "@page { size: A4; margin: 18mm 16mm 20mm; }\n"
  ":root { --text: #1c1f24; --muted: #5f6670; --rule: #d0d4da; --accent: #17457d; --head: #eef0f3; }\n"
  "body { font-family: 'Noto Sans CJK JP', 'Noto Sans', sans-serif; color: var(--text);"
  " font-size: 10pt; line-height: 1.45; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }\n"
  "h1 { color: var(--accent); font-size: 24pt; margin: 0.2em 0; }\n"
  "h2 { color: var(--accent); font-size: 16pt; border-bottom: 1px solid var(--accent); padding-bottom: 0.2em; margin-top: 1.5em; }\n"
  "h3 { font-size: 12.5pt; margin: 1.4em 0 0.4em; }\n"
  "h4 { font-size: 10.5pt; margin: 1.1em 0 0.3em; }\n"
  ".subtitle { color: var(--muted); font-size: 13pt; margin: 0; }\n"
  ".scope { font-weight: bold; font-size: 12pt; }\n"
  ".muted, .note { color: var(--muted); }\n"
  ".note { font-size: 9pt; }\n"
  "dl.fields { display: grid; grid-template-columns: 12rem 1fr; border-top: 1px solid var(--rule); }\n"
  "dl.fields dt, dl.fields dd { margin: 0; padding: 0.3em 0.4em; border-bottom: 1px solid var(--rule); }\n"
  "dl.fields dt { color: var(--muted); font-weight: bold; font-size: 9pt; }\n"
  "table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 9pt; }\n"
  "th { background: var(--head); text-align: left; border-bottom: 1.5px solid #737a84; }\n"
  "th, td { padding: 0.35em 0.45em; vertical-align: top; }\n"
  "td { border-bottom: 1px solid var(--rule); }\n"
  "td.num { text-align: right; font-variant-numeric: tabular-nums; }\n"
  "tr { break-inside: avoid; }\n"
  "thead { display: table-header-group; }\n"
  ".label { font-weight: bold; white-space: nowrap; }\n"
  ".requirement-text { color: var(--muted); font-size: 8.5pt; margin-top: 0.3em; }\n"
  ".marker { display: inline-block; width: 0.7em; height: 0.7em; margin-right: 0.35em; vertical-align: baseline; }\n"
  ".flag { display: block; color: var(--muted); font-size: 8.5pt; }\n"
  ".overdue { display: block; font-weight: bold; font-size: 8.5pt; }\n"
  ".statement { white-space: pre-wrap; }\n"
  ".meta { color: var(--muted); font-size: 8.5pt; }\n"
  ".sha { font-family: monospace; font-size: 7.5pt; color: var(--muted); word-break: break-all; }\n"
  "ul.evidence { margin: 0.2em 0 0; padding-left: 1.1em; }\n"
  "figure { margin: 1em 0; }\n"
  "figure img { max-width: 100%; height: auto; }\n"
  ".legend { display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; font-size: 8.5pt; color: var(--muted); }\n"
  "section { break-before: page; }\n"
  "footer { margin-top: 3em; color: var(--muted); font-size: 8.5pt; border-top: 1px solid var(--rule); padding-top: 0.5em; }\n"
  "@media print { body { margin: 0; max-width: none; } }\n";

static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *escaped = g_markup_escape_text (valid, -1);

  g_string_append (html, escaped);
}

/* <tag class="…">escaped text</tag>; @klass may be NULL */
static void
element (GString    *html,
         const char *tag,
         const char *klass,
         const char *text)
{
  if (klass != NULL)
    g_string_append_printf (html, "<%s class=\"%s\">", tag, klass);
  else
    g_string_append_printf (html, "<%s>", tag);
  append_escaped (html, text);
  g_string_append_printf (html, "</%s>", tag);
}

static void
status_marker (GString      *html,
               TenkenStatus  status)
{
  double rgb[3];

  tenken_chart_get_status_color (status, FALSE, rgb);
  g_string_append_printf (html, "<span class=\"marker\" style=\"background:#%02x%02x%02x\"></span>",
                          (guint) (rgb[0] * 255 + 0.5), (guint) (rgb[1] * 255 + 0.5), (guint) (rgb[2] * 255 + 0.5));
}

/* --- charts, as SVG drawn by the dashboard's renderer --- */

static cairo_status_t
write_to_string (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

typedef enum { CHART_BARS, CHART_RADAR } ChartKind;

static void
append_chart (GString                 *html,
              ChartKind                kind,
              const TenkenChartSeries *series,
              const char              *alt)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (CHART_FONT);
  PangoContext *context;
  g_autofree char *base64 = NULL;
  cairo_surface_t *measure_surface;
  cairo_surface_t *surface;
  cairo_t *cr;
  TenkenChartStyle style;
  double width = kind == CHART_BARS ? CHART_WIDTH : RADAR_SIZE * 1.6;
  double height = RADAR_SIZE;

  measure_surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (measure_surface);
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72.0);

  tenken_chart_style_init (&style);
  style.context = context;
  style.font = font;
  style.show_legend = FALSE;

  if (kind == CHART_BARS)
    height = tenken_chart_measure_bars (cr, width, series, &style);
  cairo_destroy (cr);
  cairo_surface_destroy (measure_surface);

  surface = cairo_svg_surface_create_for_stream (write_to_string, svg, width, height);
  cr = cairo_create (surface);
  if (kind == CHART_BARS)
    tenken_chart_draw_bars (cr, width, height, series, &style);
  else
    tenken_chart_draw_radar (cr, width, height, series, &style);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_object_unref (context);

  base64 = g_base64_encode ((const guchar *) svg->str, svg->len);
  g_string_append_printf (html, "<figure><img width=\"%.0f\" height=\"%.0f\" alt=\"", width, height);
  append_escaped (html, alt);
  g_string_append_printf (html, "\" src=\"data:image/svg+xml;base64,%s\"></figure>\n", base64);
}

/* --- sections --- */

static void
cover (GString      *html,
       TenkenReport *report)
{
  TenkenCatalog *catalog = tenken_document_get_catalog (tenken_report_get_document (report));
  g_autofree char *scope_line = tenken_export_scope_line (report);
  g_autoptr(GArray) fields = tenken_export_cover_fields (report);

  g_string_append (html, "<header>\n");
  element (html, "p", "subtitle", tenken_catalog_get_title (catalog));
  element (html, "h1", NULL, tenken_report_get_title (report));
  element (html, "p", "scope", scope_line);
  g_string_append (html, "\n<dl class=\"fields\">\n");
  for (guint i = 0; i < fields->len; i++)
    {
      const TenkenExportField *field = &g_array_index (fields, TenkenExportField, i);

      if (field->value == NULL || *field->value == '\0')
        continue;
      element (html, "dt", NULL, field->key);
      element (html, "dd", NULL, field->value);
      g_string_append_c (html, '\n');
    }
  g_string_append (html, "</dl>\n");
  element (html, "p", "note",
           tenken_export_description (report));
  g_string_append (html, "\n</header>\n");
}

static void
summary (GString      *html,
         TenkenReport *report)
{
  TenkenAnalysis *analysis = tenken_report_get_analysis (report);
  g_autoptr(TenkenChartSeries) series = tenken_chart_series_new_from_analysis (analysis);
  GListModel *categories = tenken_analysis_get_categories (analysis);
  guint counts[TENKEN_N_STATUSES];
  guint total = tenken_report_get_counts (report, counts);
  g_autofree char *text = tenken_export_summary_sentence (report);

  g_string_append (html, "<section id=\"summary\">\n");
  element (html, "h2", NULL, tenken_report_trc (report, NC_("report", "Executive summary")));
  element (html, "p", NULL, text);

  g_string_append (html, "<table class=\"counts\"><thead><tr>");
  element (html, "th", NULL, tenken_report_trc (report, NC_("report", "Status")));
  element (html, "th", NULL, tenken_report_trc (report, NC_("report", "Items")));
  element (html, "th", NULL, tenken_report_trc (report, NC_("report", "Share")));
  g_string_append (html, "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    {
      TenkenStatus status = tenken_chart_status_order[i];
      g_autofree char *share = tenken_report_format_percent (report, counts[status], total);

      g_string_append (html, "<tr><td>");
      status_marker (html, status);
      append_escaped (html, tenken_report_status_name (report, status));
      g_string_append_printf (html, "</td><td class=\"num\">%u</td>", counts[status]);
      element (html, "td", "num", share);
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "<tr><th>");
  append_escaped (html, tenken_report_trc (report, NC_("report", "Total")));
  g_string_append_printf (html, "</th><th class=\"num\">%u</th><th></th></tr>\n</tbody></table>\n", total);

  if (tenken_chart_series_get_n_categories (series) > 0)
    {
      element (html, "h3", NULL, tenken_report_trc (report, NC_("report", "Progress by category")));
      append_chart (html, CHART_BARS, series, tenken_report_trc (report, NC_("report", "Progress by category")));
      g_string_append (html, "<div class=\"legend\">");
      for (guint i = 0; i < TENKEN_N_STATUSES; i++)
        {
          g_string_append (html, "<span>");
          status_marker (html, tenken_chart_status_order[i]);
          append_escaped (html, tenken_report_status_name (report, tenken_chart_status_order[i]));
          g_string_append (html, "</span>");
        }
      g_string_append (html, "</div>\n");

      g_string_append (html, "<table class=\"categories\"><thead><tr>");
      element (html, "th", NULL, tenken_report_trc (report, NC_("report", "Category")));
      element (html, "th", NULL, tenken_report_trc (report, NC_("report", "Items")));
      element (html, "th", NULL, tenken_report_trc (report, NC_("report", "Done")));
      element (html, "th", NULL, tenken_report_trc (report, NC_("report", "Open")));
      element (html, "th", NULL, tenken_report_trc (report, NC_("report", "Progress")));
      g_string_append (html, "</tr></thead>\n<tbody>\n");
      for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
        {
          g_autoptr(TenkenCategoryStats) stats = g_list_model_get_item (categories, i);
          g_autofree char *heading = tenken_export_node_heading (tenken_category_stats_get_node (stats));
          g_autofree char *cat_percent = tenken_report_format_percent (report, tenken_category_stats_get_done (stats),
                                                                      tenken_category_stats_get_total (stats));
          guint cat_counts[TENKEN_N_STATUSES];

          tenken_category_stats_get_counts (stats, cat_counts);

          g_string_append (html, "<tr>");
          element (html, "td", NULL, heading);
          g_string_append_printf (html, "<td class=\"num\">%u</td><td class=\"num\">%u</td><td class=\"num\">%u</td>",
                                  tenken_category_stats_get_total (stats), tenken_category_stats_get_done (stats),
                                  tenken_export_count_open (cat_counts));
          element (html, "td", "num", cat_percent);
          g_string_append (html, "</tr>\n");
        }
      g_string_append (html, "</tbody></table>\n");

      if (tenken_chart_series_get_n_categories (series) >= 3)
        {
          append_chart (html, CHART_RADAR, series,
                        tenken_report_trc (report, NC_("report", "Percent done (implemented or not applicable) per category.")));
          element (html, "p", "note", tenken_report_trc (report, NC_("report", "Percent done (implemented or not applicable) per category.")));
        }
    }

  g_string_append (html, "</section>\n");
}

static void
item_cell (GString        *html,
           TenkenResponse *response,
           gboolean        with_statement)
{
  TenkenCatalogItem *item = tenken_response_get_item (response);
  const char *statement = tenken_catalog_item_get_statement_text (item);

  g_string_append (html, "<td>");
  element (html, "span", "label", tenken_catalog_node_get_label (TENKEN_CATALOG_NODE (item)));
  g_string_append_c (html, ' ');
  append_escaped (html, tenken_catalog_node_get_title (TENKEN_CATALOG_NODE (item)));
  if (with_statement && statement != NULL && *statement != '\0')
    element (html, "div", "requirement-text", statement);
  g_string_append (html, "</td>");
}

static void
status_cell (GString        *html,
             TenkenReport   *report,
             TenkenResponse *response)
{
  TenkenStatus status = tenken_response_get_status (response);

  g_string_append (html, "<td>");
  status_marker (html, status);
  append_escaped (html, tenken_report_status_name (report, status));
  if (tenken_response_is_overdue (response, tenken_report_get_today (report)))
    element (html, "span", "overdue", tenken_report_trc (report, NC_("report", "Overdue")));
  if (tenken_response_get_flagged (response))
    element (html, "span", "flag", tenken_report_trc (report, NC_("report", "Flagged for review")));
  g_string_append (html, "</td>");
}

static void
meta_line (GString    *html,
           const char *label,
           const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append (html, "<div class=\"meta\">");
  append_escaped (html, label);
  /* A full-width colon (Japanese) carries its own space */
  if (!g_str_has_suffix (label, "："))
    g_string_append_c (html, ' ');
  append_escaped (html, value);
  g_string_append (html, "</div>");
}

static void
response_cell (GString        *html,
               TenkenReport   *report,
               TenkenResponse *response)
{
  TenkenCatalogNode *node = TENKEN_CATALOG_NODE (tenken_response_get_item (response));
  GPtrArray *evidence = tenken_report_get_evidence (report, tenken_catalog_node_get_id (node));
  const char *statement = tenken_response_get_statement (response);
  g_autofree char *dates = tenken_export_dates_text (report, response);

  g_string_append (html, "<td>");
  if (statement != NULL && *statement != '\0')
    element (html, "div", "statement", statement);
  else
    element (html, "div", "muted", tenken_report_trc (report, NC_("report", "No statement recorded.")));

  meta_line (html, tenken_report_trc (report, NC_("report", "Justification:")), tenken_response_get_justification (response));
  meta_line (html, tenken_report_trc (report, NC_("report", "Owner:")), tenken_response_get_owner (response));
  meta_line (html, tenken_report_trc (report, NC_("report", "Dates:")), dates);

  if (evidence->len > 0)
    {
      element (html, "div", "meta", tenken_report_trc (report, NC_("report", "Evidence:")));
      g_string_append (html, "<ul class=\"evidence\">");
      for (guint i = 0; i < evidence->len; i++)
        {
          TenkenEvidence *e = g_ptr_array_index (evidence, i);
          const char *sha = tenken_evidence_get_sha256 (e);
          g_autofree char *details = tenken_export_evidence_details (report, e);

          g_string_append (html, "<li>");
          append_escaped (html, tenken_evidence_get_kind (e) == TENKEN_EVIDENCE_URL
                                ? tenken_evidence_get_url (e) : tenken_evidence_get_name (e));
          if (details != NULL)
            element (html, "div", "meta", details);
          if (sha != NULL && *sha != '\0')
            {
              g_string_append (html, "<div class=\"sha\">SHA-256 ");
              append_escaped (html, sha);
              g_string_append (html, "</div>");
            }
          g_string_append (html, "</li>");
        }
      g_string_append (html, "</ul>");
    }
  g_string_append (html, "</td>");
}

static void
table_head (GString            *html,
            const char * const *titles,
            guint               n)
{
  g_string_append (html, "<table><thead><tr>");
  for (guint i = 0; i < n; i++)
    element (html, "th", NULL, titles[i]);
  g_string_append (html, "</tr></thead>\n<tbody>\n");
}

static gboolean
items (GString          *html,
       TenkenReport     *report,
       TenkenExportJob  *job,
       GError          **error)
{
  GPtrArray *categories = tenken_report_get_categories (report);
  guint n_total = tenken_report_get_responses (report)->len;
  gboolean gap = tenken_report_get_kind (report) == TENKEN_REPORT_GAP;
  const char *titles[3] = {
    tenken_report_trc (report, NC_("report", "Item")),
    tenken_report_trc (report, NC_("report", "Status")),
    tenken_report_trc (report, NC_("report", "Statement and evidence")),
  };
  guint done = 0;

  g_string_append (html, "<section id=\"items\">\n");
  element (html, "h2", NULL, gap ? tenken_report_trc (report, NC_("report", "Gaps by category"))
                                 : tenken_report_trc (report, NC_("report", "Items by category")));
  if (categories->len == 0)
    element (html, "p", NULL, tenken_export_empty_text (report));

  for (guint c = 0; c < categories->len; c++)
    {
      TenkenReportCategory *cat = g_ptr_array_index (categories, c);
      g_autofree char *cat_heading = tenken_export_node_heading (TENKEN_CATALOG_NODE (cat->category));

      element (html, "h3", NULL, cat_heading);
      for (guint r = 0; r < cat->requirements->len; r++)
        {
          TenkenReportRequirement *req = g_ptr_array_index (cat->requirements, r);

          if (req->requirement != NULL)
            {
              g_autofree char *heading = tenken_export_node_heading (TENKEN_CATALOG_NODE (req->requirement));
              element (html, "h4", NULL, heading);
            }

          table_head (html, titles, 3);
          for (guint i = 0; i < req->responses->len; i++)
            {
              TenkenResponse *response = g_ptr_array_index (req->responses, i);

              g_string_append (html, "<tr>");
              item_cell (html, response, TRUE);
              status_cell (html, report, response);
              response_cell (html, report, response);
              g_string_append (html, "</tr>\n");

              if (tenken_export_job_cancelled (job, error))
                return FALSE;
              tenken_export_job_progress (job, 0.1 + 0.8 * ++done / MAX (n_total, 1));
            }
          g_string_append (html, "</tbody></table>\n");
        }
    }

  g_string_append (html, "</section>\n");
  return TRUE;
}

static void
remediation (GString      *html,
             TenkenReport *report)
{
  GPtrArray *plan = tenken_report_get_remediation (report);
  const char *titles[4] = {
    tenken_report_trc (report, NC_("report", "Item")),
    tenken_report_trc (report, NC_("report", "Gap")),
    tenken_report_trc (report, NC_("report", "Owner")),
    tenken_report_trc (report, NC_("report", "Date")),
  };

  g_string_append (html, "<section id=\"remediation\">\n");
  element (html, "h2", NULL, tenken_report_trc (report, NC_("report", "Remediation plan")));
  if (plan->len == 0)
    {
      element (html, "p", NULL, tenken_report_trc (report, NC_("report", "Nothing to remediate.")));
      g_string_append (html, "</section>\n");
      return;
    }

  element (html, "p", "note", tenken_report_trc (report, NC_("report", "Open items by due date, else target date; items without a date come last.")));
  table_head (html, titles, 4);
  for (guint i = 0; i < plan->len; i++)
    {
      TenkenResponse *response = g_ptr_array_index (plan, i);
      g_autofree char *dates = tenken_export_dates_text (report, response);

      g_string_append (html, "<tr>");
      item_cell (html, response, FALSE);
      status_cell (html, report, response);
      element (html, "td", NULL, tenken_response_get_owner (response));
      element (html, "td", NULL, dates != NULL ? dates : tenken_report_trc (report, NC_("report", "No date")));
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</tbody></table>\n</section>\n");
}

static void
not_applicable (GString      *html,
                TenkenReport *report)
{
  GPtrArray *na = tenken_report_get_not_applicable (report);
  const char *titles[2] = {
    tenken_report_trc (report, NC_("report", "Item")),
    tenken_report_trc (report, NC_("report", "Justification")),
  };

  g_string_append (html, "<section id=\"not-applicable\">\n");
  element (html, "h2", NULL, tenken_report_trc (report, NC_("report", "Appendix: items not applicable")));
  if (na->len == 0)
    {
      element (html, "p", NULL, tenken_report_trc (report, NC_("report", "No item in scope is marked not applicable.")));
      g_string_append (html, "</section>\n");
      return;
    }

  table_head (html, titles, 2);
  for (guint i = 0; i < na->len; i++)
    {
      TenkenResponse *response = g_ptr_array_index (na, i);

      g_string_append (html, "<tr>");
      item_cell (html, response, FALSE);
      element (html, "td", "statement", tenken_response_get_justification (response));
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</tbody></table>\n</section>\n");
}

gboolean
tenken_export_write_html (TenkenReport     *report,
                          TenkenOutput     *output,
                          TenkenExportJob  *job,
                          GError          **error)
{
  g_autoptr(GString) html = g_string_new ("<!DOCTYPE html>\n");
  g_autofree char *scope_line = tenken_export_scope_line (report);
  g_autofree char *today = tenken_export_date (report, tenken_report_get_today (report));
  g_autofree char *title = g_strdup_printf ("%s — %s", tenken_report_get_title (report), scope_line);

  g_string_append_printf (html, "<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
                          tenken_translation_get_lang (tenken_report_get_translation (report)));
  g_string_append (html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  g_string_append (html, "<meta name=\"generator\" content=\"Tenken " PACKAGE_VERSION "\">\n");
  element (html, "title", NULL, title);
  g_string_append_printf (html, "\n<style>\n%s</style>\n</head>\n<body>\n", stylesheet);

  cover (html, report);
  summary (html, report);
  tenken_export_job_progress (job, 0.1);

  if (!items (html, report, job, error))
    return FALSE;

  if (tenken_report_get_kind (report) == TENKEN_REPORT_GAP)
    {
      remediation (html, report);
      not_applicable (html, report);
    }

  g_string_append (html, "<footer>");
  append_escaped (html, scope_line);
  g_string_append (html, " · ");
  append_escaped (html, today);
  g_string_append (html, " · Tenken " PACKAGE_VERSION "</footer>\n</body>\n</html>\n");

  return tenken_output_write (output, html->str, html->len, error);
}
