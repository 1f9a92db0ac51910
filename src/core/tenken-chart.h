/* tenken-chart.h: progress charts drawn with cairo, for screen and PDF
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "tenken-analysis.h"
#include "tenken-types.h"

G_BEGIN_DECLS

/**
 * TenkenChartSeries:
 *
 * What a chart shows: one entry per category (a label, a title and the
 * number of items per status), in display order. Reference counted.
 */
typedef struct _TenkenChartSeries TenkenChartSeries;

#define TENKEN_TYPE_CHART_SERIES (tenken_chart_series_get_type ())
GType              tenken_chart_series_get_type          (void);

TenkenChartSeries *tenken_chart_series_new               (void);
/* One entry per category of @analysis that has items */
TenkenChartSeries *tenken_chart_series_new_from_analysis (TenkenAnalysis    *analysis);
TenkenChartSeries *tenken_chart_series_ref               (TenkenChartSeries *series);
void               tenken_chart_series_unref             (TenkenChartSeries *series);
/* @label is short ("S(1)", "AC"), @title may be long or NULL */
void               tenken_chart_series_add               (TenkenChartSeries *series,
                                                          const char        *label,
                                                          const char        *title,
                                                          const guint        counts[TENKEN_N_STATUSES]);
guint              tenken_chart_series_get_n_categories  (const TenkenChartSeries *series);
const char        *tenken_chart_series_get_label         (const TenkenChartSeries *series,
                                                          guint                    index);
const char        *tenken_chart_series_get_title         (const TenkenChartSeries *series,
                                                          guint                    index);
guint              tenken_chart_series_get_count         (const TenkenChartSeries *series,
                                                          guint                    index,
                                                          TenkenStatus             status);
guint              tenken_chart_series_get_total         (const TenkenChartSeries *series,
                                                          guint                    index);
/* Implemented + not applicable */
guint              tenken_chart_series_get_done          (const TenkenChartSeries *series,
                                                          guint                    index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenkenChartSeries, tenken_chart_series_unref)

/**
 * TenkenChartStyle:
 * @dark: draw for a dark background (light text, palette for dark mode)
 * @font: the text font; NULL for "Sans 10"
 * @context: where text layouts come from; NULL for a fresh pango-cairo
 *   context at 96 dpi. For PDF pass one made with pango_cairo_create_context()
 *   and pango_cairo_context_set_resolution (context, 72) so point sizes hold;
 *   in a widget pass gtk_widget_get_pango_context().
 * @show_legend: draw the status legend (bars) or the value legend (radar)
 * @percent_format: a printf format with one %u for percentages, for text in
 *   another language than the user interface's; NULL for the UI's "%u %%"
 *
 * Initialise with tenken_chart_style_init(), then change fields.
 */
typedef struct
{
  gboolean                    dark;
  const PangoFontDescription *font;
  PangoContext               *context;
  gboolean                    show_legend;
  const char                 *percent_format;

  /*< private >*/
  gpointer                    padding[3];
} TenkenChartStyle;

void     tenken_chart_style_init        (TenkenChartStyle *style);

/* The fixed order statuses appear in, in bars and legends: done first
 * (implemented, not applicable), then partial, planned, not implemented,
 * not started. */
extern const TenkenStatus tenken_chart_status_order[TENKEN_N_STATUSES];

/* The colour that stands for @status (Okabe–Ito based, colour-blind safe),
 * as red, green, blue in 0…1, for a light or dark background */
void     tenken_chart_get_status_color  (TenkenStatus  status,
                                         gboolean      dark,
                                         double        rgb[3]);

/* The percent done, rounded down so that 100 means all done */
guint    tenken_chart_percent           (guint         done,
                                         guint         total);
/* "45 %" in the user interface's language */
char    *tenken_chart_format_percent    (guint         done,
                                         guint         total);

/* A horizontal stacked bar per category, each spanning 100 %: label on
 * the left, a segment per status with its count where it fits,
 * "done/total" on the right; the legend below. */
void     tenken_chart_draw_bars         (cairo_t                 *cr,
                                         double                   width,
                                         double                   height,
                                         const TenkenChartSeries *series,
                                         const TenkenChartStyle  *style);
/* The height tenken_chart_draw_bars() needs at @width */
double   tenken_chart_measure_bars      (cairo_t                 *cr,
                                         double                   width,
                                         const TenkenChartSeries *series,
                                         const TenkenChartStyle  *style);

/* The category whose row is at @y in a chart drawn by
 * tenken_chart_draw_bars() at @width, or -1 (for tooltips) */
int      tenken_chart_bars_row_at       (cairo_t                 *cr,
                                         double                   width,
                                         const TenkenChartSeries *series,
                                         const TenkenChartStyle  *style,
                                         double                   y);

/* A radar with an axis per category (its label and percent done at the
 * end), gridlines at 25, 50, 75 and 100 %, and the percent done of each
 * category as the value. Fewer than three categories draw as a line or a
 * single point on the same grid. */
void     tenken_chart_draw_radar        (cairo_t                 *cr,
                                         double                   width,
                                         double                   height,
                                         const TenkenChartSeries *series,
                                         const TenkenChartStyle  *style);

G_END_DECLS
