/* tenken-chart.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tenken-chart.h"

/* --- series --- */

typedef struct
{
  char  *label;
  char  *title;
  guint  counts[TENKEN_N_STATUSES];
} SeriesEntry;

struct _TenkenChartSeries
{
  gatomicrefcount  ref_count;
  GArray          *entries;
};

G_DEFINE_BOXED_TYPE (TenkenChartSeries, tenken_chart_series,
                     tenken_chart_series_ref, tenken_chart_series_unref)

static void
series_entry_clear (gpointer data)
{
  SeriesEntry *entry = data;

  g_clear_pointer (&entry->label, g_free);
  g_clear_pointer (&entry->title, g_free);
}

TenkenChartSeries *
tenken_chart_series_new (void)
{
  TenkenChartSeries *series = g_new0 (TenkenChartSeries, 1);

  g_atomic_ref_count_init (&series->ref_count);
  series->entries = g_array_new (FALSE, TRUE, sizeof (SeriesEntry));
  g_array_set_clear_func (series->entries, series_entry_clear);

  return series;
}

TenkenChartSeries *
tenken_chart_series_new_from_analysis (TenkenAnalysis *analysis)
{
  TenkenChartSeries *series;
  GListModel *categories;
  guint n;

  g_return_val_if_fail (TENKEN_IS_ANALYSIS (analysis), NULL);

  series = tenken_chart_series_new ();
  categories = tenken_analysis_get_categories (analysis);
  n = g_list_model_get_n_items (categories);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenCategoryStats) stats = g_list_model_get_item (categories, i);
      TenkenCatalogNode *node = tenken_category_stats_get_node (stats);
      guint counts[TENKEN_N_STATUSES];

      if (tenken_category_stats_get_total (stats) == 0)
        continue;

      tenken_category_stats_get_counts (stats, counts);
      tenken_chart_series_add (series,
                               tenken_catalog_node_get_label (node),
                               tenken_catalog_node_get_title (node),
                               counts);
    }

  return series;
}

TenkenChartSeries *
tenken_chart_series_ref (TenkenChartSeries *series)
{
  g_return_val_if_fail (series != NULL, NULL);

  g_atomic_ref_count_inc (&series->ref_count);
  return series;
}

void
tenken_chart_series_unref (TenkenChartSeries *series)
{
  g_return_if_fail (series != NULL);

  if (g_atomic_ref_count_dec (&series->ref_count))
    {
      g_array_unref (series->entries);
      g_free (series);
    }
}

void
tenken_chart_series_add (TenkenChartSeries *series,
                         const char        *label,
                         const char        *title,
                         const guint        counts[TENKEN_N_STATUSES])
{
  SeriesEntry entry = { 0 };

  g_return_if_fail (series != NULL);
  g_return_if_fail (label != NULL);
  g_return_if_fail (counts != NULL);

  entry.label = g_strdup (label);
  entry.title = g_strdup (title);
  memcpy (entry.counts, counts, sizeof entry.counts);
  g_array_append_val (series->entries, entry);
}

guint
tenken_chart_series_get_n_categories (const TenkenChartSeries *series)
{
  g_return_val_if_fail (series != NULL, 0);

  return series->entries->len;
}

static const SeriesEntry *
series_get_entry (const TenkenChartSeries *series,
                  guint                    index)
{
  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (index < series->entries->len, NULL);

  return &g_array_index (series->entries, SeriesEntry, index);
}

const char *
tenken_chart_series_get_label (const TenkenChartSeries *series,
                               guint                    index)
{
  const SeriesEntry *entry = series_get_entry (series, index);

  return entry != NULL ? entry->label : NULL;
}

const char *
tenken_chart_series_get_title (const TenkenChartSeries *series,
                               guint                    index)
{
  const SeriesEntry *entry = series_get_entry (series, index);

  return entry != NULL ? entry->title : NULL;
}

guint
tenken_chart_series_get_count (const TenkenChartSeries *series,
                               guint                    index,
                               TenkenStatus             status)
{
  const SeriesEntry *entry = series_get_entry (series, index);

  g_return_val_if_fail ((guint) status < TENKEN_N_STATUSES, 0);

  return entry != NULL ? entry->counts[status] : 0;
}

guint
tenken_chart_series_get_total (const TenkenChartSeries *series,
                               guint                    index)
{
  const SeriesEntry *entry = series_get_entry (series, index);
  guint total = 0;

  if (entry == NULL)
    return 0;

  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    total += entry->counts[i];

  return total;
}

guint
tenken_chart_series_get_done (const TenkenChartSeries *series,
                              guint                    index)
{
  const SeriesEntry *entry = series_get_entry (series, index);

  if (entry == NULL)
    return 0;

  return entry->counts[TENKEN_STATUS_IMPLEMENTED] + entry->counts[TENKEN_STATUS_NOT_APPLICABLE];
}

/* --- style and palette --- */

const TenkenStatus tenken_chart_status_order[TENKEN_N_STATUSES] = {
  TENKEN_STATUS_IMPLEMENTED,
  TENKEN_STATUS_NOT_APPLICABLE,
  TENKEN_STATUS_PARTIAL,
  TENKEN_STATUS_PLANNED,
  TENKEN_STATUS_NOT_IMPLEMENTED,
  TENKEN_STATUS_NOT_STARTED,
};

void
tenken_chart_style_init (TenkenChartStyle *style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->show_legend = TRUE;
}

/* Okabe & Ito's colour-blind safe palette for the statuses that mean
 * something; greys of clearly different lightness for "not applicable" (also
 * hatched) and "not started" (the empty track). The dark variants are
 * lifted so they keep contrast against a dark background. */
static const guint32 palette_light[TENKEN_N_STATUSES] = {
  [TENKEN_STATUS_NOT_STARTED]     = 0xdeddda,
  [TENKEN_STATUS_IMPLEMENTED]     = 0x009e73,
  [TENKEN_STATUS_PARTIAL]         = 0xe69f00,
  [TENKEN_STATUS_NOT_IMPLEMENTED] = 0xd55e00,
  [TENKEN_STATUS_NOT_APPLICABLE]  = 0x8f8d89,
  [TENKEN_STATUS_PLANNED]         = 0x56b4e9,
};

static const guint32 palette_dark[TENKEN_N_STATUSES] = {
  [TENKEN_STATUS_NOT_STARTED]     = 0x4a4950,
  [TENKEN_STATUS_IMPLEMENTED]     = 0x1fb487,
  [TENKEN_STATUS_PARTIAL]         = 0xf0b428,
  [TENKEN_STATUS_NOT_IMPLEMENTED] = 0xf07a2a,
  [TENKEN_STATUS_NOT_APPLICABLE]  = 0xa8a6a2,
  [TENKEN_STATUS_PLANNED]         = 0x7cc6f0,
};

void
tenken_chart_get_status_color (TenkenStatus  status,
                               gboolean      dark,
                               double        rgb[3])
{
  guint32 value;

  g_return_if_fail ((guint) status < TENKEN_N_STATUSES);
  g_return_if_fail (rgb != NULL);

  value = dark ? palette_dark[status] : palette_light[status];
  rgb[0] = ((value >> 16) & 0xff) / 255.0;
  rgb[1] = ((value >> 8) & 0xff) / 255.0;
  rgb[2] = (value & 0xff) / 255.0;
}

guint
tenken_chart_percent (guint done,
                      guint total)
{
  /* Rounded down, so that "100 %" only ever means everything is done */
  if (total == 0)
    return 0;
  return (guint) (((guint64) done * 100) / total);
}

char *
tenken_chart_format_percent (guint done,
                             guint total)
{
  /* Translators: a percentage, e.g. "45 %"; drop the space if your language does */
  return g_strdup_printf (_("%u %%"), tenken_chart_percent (done, total));
}

static char *
style_format_percent (const TenkenChartStyle *style,
                      guint                   done,
                      guint                   total)
{
  if (style->percent_format == NULL)
    return tenken_chart_format_percent (done, total);
  /* a translated format with one %u, as msgfmt --check makes sure */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (style->percent_format, tenken_chart_percent (done, total));
#pragma GCC diagnostic pop
}

/* --- drawing helpers --- */

typedef struct
{
  cairo_t                *cr;
  TenkenChartStyle        defaults;
  const TenkenChartStyle *style;
  PangoContext           *context;
  PangoFontDescription   *font;
  PangoFontDescription   *small_font;
  double                  fg[3];
  double                  line_height;
} Painter;

static void
painter_init (Painter                *p,
              cairo_t                *cr,
              const TenkenChartStyle *style)
{
  g_autoptr(PangoLayout) probe = NULL;
  int size;
  int h;

  memset (p, 0, sizeof *p);
  p->cr = cr;
  if (style == NULL)
    {
      tenken_chart_style_init (&p->defaults);
      style = &p->defaults;
    }
  p->style = style;

  if (style->context != NULL)
    {
      p->context = g_object_ref (style->context);
    }
  else
    {
      p->context = pango_cairo_create_context (cr);
      pango_cairo_context_set_resolution (p->context, 96.0);
    }

  p->font = style->font != NULL ? pango_font_description_copy (style->font)
                                : pango_font_description_from_string ("Sans 10");
  if (pango_font_description_get_size (p->font) == 0)
    pango_font_description_set_size (p->font, 10 * PANGO_SCALE);

  p->small_font = pango_font_description_copy (p->font);
  size = pango_font_description_get_size (p->font);
  if (pango_font_description_get_size_is_absolute (p->font))
    pango_font_description_set_absolute_size (p->small_font, size * 0.85);
  else
    pango_font_description_set_size (p->small_font, (int) (size * 0.85));

  /* Body text at 80 % opacity, as libadwaita draws it */
  if (style->dark)
    p->fg[0] = p->fg[1] = p->fg[2] = 1.0;
  else
    p->fg[0] = p->fg[1] = p->fg[2] = 0.0;

  probe = pango_layout_new (p->context);
  pango_layout_set_font_description (probe, p->font);
  pango_layout_set_text (probe, "Ag日本", -1);
  pango_layout_get_pixel_size (probe, NULL, &h);
  p->line_height = MAX (h, 8);
}

static void
painter_clear (Painter *p)
{
  g_clear_object (&p->context);
  g_clear_pointer (&p->font, pango_font_description_free);
  g_clear_pointer (&p->small_font, pango_font_description_free);
}

/* Saves and clips @cr to the chart's box; FALSE when there is nothing to draw */
static gboolean
painter_begin (Painter                *p,
               cairo_t                *cr,
               double                  width,
               double                  height,
               const TenkenChartStyle *style)
{
  if (width <= 0 || height <= 0)
    return FALSE;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  painter_init (p, cr, style);

  return TRUE;
}

static void
painter_end (Painter *p)
{
  cairo_t *cr = p->cr;

  painter_clear (p);
  cairo_restore (cr);
}

static PangoLayout *
painter_layout (Painter    *p,
                gboolean    small,
                const char *text)
{
  PangoLayout *layout = pango_layout_new (p->context);

  pango_layout_set_font_description (layout, small ? p->small_font : p->font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static PangoLayout *
painter_layout_markup (Painter    *p,
                       const char *markup)
{
  PangoLayout *layout = pango_layout_new (p->context);

  pango_layout_set_font_description (layout, p->font);
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

static void
painter_set_fg (Painter *p,
                double   alpha)
{
  cairo_set_source_rgba (p->cr, p->fg[0], p->fg[1], p->fg[2], alpha);
}

static void
show_layout (Painter     *p,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, layout);
}

static double
relative_luminance (const double rgb[3])
{
  double l[3];

  for (guint i = 0; i < 3; i++)
    l[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

/* Black or white text, whichever contrasts more with @rgb */
static void
set_text_on (cairo_t      *cr,
             const double  rgb[3])
{
  double lum = relative_luminance (rgb);

  if ((lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05))
    cairo_set_source_rgba (cr, 0, 0, 0, 0.87);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Fills a rectangle in the colour of @status; "not applicable" gets diagonal
 * hatching so it never depends on telling two greys apart. */
static void
fill_status (Painter      *p,
             TenkenStatus  status,
             double        x,
             double        y,
             double        w,
             double        h)
{
  cairo_t *cr = p->cr;
  double rgb[3];

  tenken_chart_get_status_color (status, p->style->dark, rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);

  if (status == TENKEN_STATUS_NOT_APPLICABLE && w > 2)
    {
      const double step = 6.0;

      cairo_save (cr);
      cairo_rectangle (cr, x, y, w, h);
      cairo_clip (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, p->style->dark ? 0.2 : 0.3);
      cairo_set_line_width (cr, 1.5);
      for (double sx = x - h; sx < x + w; sx += step)
        {
          cairo_move_to (cr, sx, y + h);
          cairo_line_to (cr, sx + h, y);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
draw_message (Painter    *p,
              double      width,
              double      height,
              const char *message)
{
  g_autoptr(PangoLayout) layout = painter_layout (p, FALSE, message);
  int w, h;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &w, &h);
  w = (int) width;
  painter_set_fg (p, 0.55);
  show_layout (p, layout, (width - w) / 2, (height - h) / 2);
}

/* --- legend --- */

/* Lays the six statuses out in rows that fit @width; draws them when @draw.
 * Returns the height used. */
static double
legend_layout (Painter *p,
               double   x0,
               double   y0,
               double   width,
               gboolean draw)
{
  double swatch = round (p->line_height * 0.8);
  double gap = round (p->line_height * 1.2);
  double row_h = round (p->line_height * 1.4);
  double x = x0;
  double y = y0;

  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    {
      TenkenStatus status = tenken_chart_status_order[i];
      g_autoptr(PangoLayout) layout = painter_layout (p, FALSE, tenken_status_get_display_name (status));
      double item_w;
      int tw, th;

      pango_layout_get_pixel_size (layout, &tw, &th);
      item_w = swatch + p->line_height * 0.4 + tw;

      if (x > x0 && x + item_w > x0 + width)
        {
          x = x0;
          y += row_h;
        }

      if (draw)
        {
          double sy = y + (row_h - swatch) / 2;

          fill_status (p, status, x, sy, swatch, swatch);
          painter_set_fg (p, 0.3);
          cairo_set_line_width (p->cr, 1);
          cairo_rectangle (p->cr, x + 0.5, sy + 0.5, swatch - 1, swatch - 1);
          cairo_stroke (p->cr);

          painter_set_fg (p, 0.8);
          show_layout (p, layout, x + swatch + p->line_height * 0.4, y + (row_h - th) / 2);
        }

      x += item_w + gap;
    }

  return y + row_h - y0;
}

/* --- bars --- */

typedef struct
{
  double label_w;
  double total_w;
  double bar_x;
  double bar_w;
  double row_h;
  double bar_h;
  double gap;
} BarsGeometry;

static char *
bars_label_markup (const TenkenChartSeries *series,
                   guint                    i)
{
  const char *label = tenken_chart_series_get_label (series, i);
  const char *title = tenken_chart_series_get_title (series, i);

  if (title == NULL || *title == '\0' || g_strcmp0 (label, title) == 0)
    return g_markup_printf_escaped ("<b>%s</b>", label);

  return g_markup_printf_escaped ("<b>%s</b>  %s", label, title);
}

static char *
bars_total_text (const TenkenChartSeries *series,
                 guint                    i)
{
  /* Translators: items done out of all items of a category, e.g. "12/21" */
  return g_strdup_printf (_("%u/%u"),
                          tenken_chart_series_get_done (series, i),
                          tenken_chart_series_get_total (series, i));
}

static void
bars_geometry (Painter                 *p,
               double                   width,
               const TenkenChartSeries *series,
               BarsGeometry            *g)
{
  guint n = tenken_chart_series_get_n_categories (series);
  double natural_label = 0;
  double min_bar;

  g->gap = round (p->line_height * 0.6);
  g->bar_h = round (p->line_height * 1.5);
  g->row_h = g->bar_h + round (p->line_height * 0.5);
  g->total_w = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *markup = bars_label_markup (series, i);
      g_autofree char *total = bars_total_text (series, i);
      g_autoptr(PangoLayout) label_layout = painter_layout_markup (p, markup);
      g_autoptr(PangoLayout) total_layout = painter_layout (p, FALSE, total);
      int w;

      pango_layout_get_pixel_size (label_layout, &w, NULL);
      natural_label = MAX (natural_label, w);
      pango_layout_get_pixel_size (total_layout, &w, NULL);
      g->total_w = MAX (g->total_w, w);
    }

  /* Labels get what they need up to 40 % of the width; the bar keeps at
   * least a third of it, so a narrow chart shortens labels, not bars */
  g->label_w = MIN (natural_label, width * 0.4);
  min_bar = width / 3;
  if (width - g->label_w - g->total_w - 2 * g->gap < min_bar)
    g->label_w = MAX (0, width - g->total_w - 2 * g->gap - min_bar);

  g->bar_x = g->label_w + g->gap;
  g->bar_w = MAX (1, width - g->bar_x - g->gap - g->total_w);
}

double
tenken_chart_measure_bars (cairo_t                 *cr,
                           double                   width,
                           const TenkenChartSeries *series,
                           const TenkenChartStyle  *style)
{
  BarsGeometry g;
  Painter p;
  guint n;
  double height;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (series != NULL, 0);

  painter_init (&p, cr, style);
  n = tenken_chart_series_get_n_categories (series);

  if (n == 0)
    {
      height = p.line_height * 3;
    }
  else
    {
      bars_geometry (&p, width, series, &g);
      height = n * g.row_h;
      if (p.style->show_legend)
        height += p.line_height + legend_layout (&p, 0, 0, width, FALSE);
    }

  painter_clear (&p);

  return ceil (height);
}

int
tenken_chart_bars_row_at (cairo_t                 *cr,
                          double                   width,
                          const TenkenChartSeries *series,
                          const TenkenChartStyle  *style,
                          double                   y)
{
  BarsGeometry g;
  Painter p;
  guint n;
  int row = -1;

  g_return_val_if_fail (cr != NULL, -1);
  g_return_val_if_fail (series != NULL, -1);

  n = tenken_chart_series_get_n_categories (series);
  if (n == 0 || y < 0)
    return -1;

  painter_init (&p, cr, style);
  bars_geometry (&p, width, series, &g);
  if (y < n * g.row_h)
    row = (int) (y / g.row_h);
  painter_clear (&p);

  return row;
}

static void
draw_bar_row (Painter                 *p,
              const BarsGeometry      *g,
              const TenkenChartSeries *series,
              guint                    i,
              double                   y)
{
  cairo_t *cr = p->cr;
  g_autofree char *markup = bars_label_markup (series, i);
  g_autofree char *total_text = bars_total_text (series, i);
  g_autoptr(PangoLayout) label = painter_layout_markup (p, markup);
  g_autoptr(PangoLayout) total_layout = painter_layout (p, FALSE, total_text);
  guint total = tenken_chart_series_get_total (series, i);
  double bar_y = y + (g->row_h - g->bar_h) / 2;
  double x;
  int tw, th;

  /* Category label, ellipsized to its column */
  if (g->label_w >= p->line_height)
    {
      pango_layout_set_width (label, (int) (g->label_w * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, NULL, &th);
      painter_set_fg (p, 0.8);
      show_layout (p, label, 0, y + (g->row_h - th) / 2);
    }

  /* done/total, right-aligned */
  pango_layout_get_pixel_size (total_layout, &tw, &th);
  painter_set_fg (p, 0.8);
  show_layout (p, total_layout, g->bar_x + g->bar_w + g->gap + g->total_w - tw,
               y + (g->row_h - th) / 2);

  cairo_save (cr);
  rounded_rectangle (cr, g->bar_x, bar_y, g->bar_w, g->bar_h, 4);
  cairo_clip (cr);

  if (total == 0)
    {
      fill_status (p, TENKEN_STATUS_NOT_STARTED, g->bar_x, bar_y, g->bar_w, g->bar_h);
      cairo_restore (cr);
      return;
    }

  /* Segment edges are rounded to whole pixels from the running sum, so
   * segments meet exactly and the last one ends at the bar's end */
  x = g->bar_x;
  for (guint s = 0, sum = 0; s < TENKEN_N_STATUSES; s++)
    {
      TenkenStatus status = tenken_chart_status_order[s];
      guint count = tenken_chart_series_get_count (series, i, status);
      double x_end;
      double seg_w;

      if (count == 0)
        continue;

      sum += count;
      x_end = sum == total ? g->bar_x + g->bar_w : round (g->bar_x + g->bar_w * sum / total);
      seg_w = x_end - x;

      fill_status (p, status, x, bar_y, seg_w, g->bar_h);

      /* The count where it fits, so colour is never the only cue */
      {
        g_autofree char *count_text = g_strdup_printf ("%u", count);
        g_autoptr(PangoLayout) count_layout = painter_layout (p, TRUE, count_text);
        double rgb[3];
        int cw, ch;

        pango_layout_get_pixel_size (count_layout, &cw, &ch);
        if (cw + 6 <= seg_w && ch <= g->bar_h)
          {
            tenken_chart_get_status_color (status, p->style->dark, rgb);
            set_text_on (cr, rgb);
            show_layout (p, count_layout, x + (seg_w - cw) / 2, bar_y + (g->bar_h - ch) / 2);
          }
      }

      /* A thin separator between segments */
      if (x > g->bar_x)
        {
          cairo_set_source_rgba (cr, p->style->dark ? 0 : 1, p->style->dark ? 0 : 1,
                                 p->style->dark ? 0 : 1, 0.6);
          cairo_rectangle (cr, x - 0.5, bar_y, 1, g->bar_h);
          cairo_fill (cr);
        }

      x = x_end;
    }

  cairo_restore (cr);
}

void
tenken_chart_draw_bars (cairo_t                 *cr,
                        double                   width,
                        double                   height,
                        const TenkenChartSeries *series,
                        const TenkenChartStyle  *style)
{
  BarsGeometry g;
  Painter p;
  guint n;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (series != NULL);

  if (!painter_begin (&p, cr, width, height, style))
    return;

  n = tenken_chart_series_get_n_categories (series);

  if (n == 0)
    {
      draw_message (&p, width, MIN (height, p.line_height * 3), _("No items to show"));
    }
  else
    {
      double y = 0;

      bars_geometry (&p, width, series, &g);

      for (guint i = 0; i < n; i++, y += g.row_h)
        draw_bar_row (&p, &g, series, i, y);

      if (p.style->show_legend)
        legend_layout (&p, 0, y + p.line_height, width, TRUE);
    }

  painter_end (&p);
}

/* --- radar --- */

static void
radar_point (double  cx,
             double  cy,
             double  radius,
             guint   i,
             guint   n,
             double *x,
             double *y)
{
  /* First axis points up, the others follow clockwise */
  double angle = -G_PI / 2 + 2 * G_PI * i / n;

  *x = cx + radius * cos (angle);
  *y = cy + radius * sin (angle);
}

static void
radar_ring (cairo_t *cr,
            double   cx,
            double   cy,
            double   radius,
            guint    n)
{
  /* A polygon needs three corners; fewer axes get circles */
  if (n < 3)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      double x, y;

      radar_point (cx, cy, radius, i, n, &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

static double
series_percent (const TenkenChartSeries *series,
                guint                    i)
{
  guint total = tenken_chart_series_get_total (series, i);

  if (total == 0)
    return 0;

  return (double) tenken_chart_series_get_done (series, i) / total;
}

static PangoLayout *
radar_label_layout (Painter                 *p,
                    const TenkenChartSeries *series,
                    guint                    i,
                    gboolean                 with_title,
                    double                   max_width)
{
  g_autofree char *percent = style_format_percent (p->style, tenken_chart_series_get_done (series, i),
                                                   tenken_chart_series_get_total (series, i));
  const char *label = tenken_chart_series_get_label (series, i);
  const char *title = tenken_chart_series_get_title (series, i);
  guint n = tenken_chart_series_get_n_categories (series);
  g_autofree char *markup = NULL;
  PangoLayout *layout;

  if (with_title && title != NULL && *title != '\0' && g_strcmp0 (title, label) != 0)
    markup = g_markup_printf_escaped ("<b>%s</b> %s\n<small>%s</small>", label, percent, title);
  else if (n > 8)
    /* Many axes leave little room side by side at the top and bottom:
     * stack the value under the label */
    markup = g_markup_printf_escaped ("<b>%s</b>\n<small>%s</small>", label, percent);
  else
    markup = g_markup_printf_escaped ("<b>%s</b> %s", label, percent);

  layout = painter_layout_markup (p, markup);
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* The title gets two lines at most */
  pango_layout_set_height (layout, with_title ? -3 : -2);

  return layout;
}

void
tenken_chart_draw_radar (cairo_t                 *cr,
                         double                   width,
                         double                   height,
                         const TenkenChartSeries *series,
                         const TenkenChartStyle  *style)
{
  Painter p;
  guint n;
  double legend_h = 0;
  double label_w, label_h;
  double cx, cy, radius;
  gboolean with_title;
  double rgb[3];

  g_return_if_fail (cr != NULL);
  g_return_if_fail (series != NULL);

  if (!painter_begin (&p, cr, width, height, style))
    return;

  style = p.style;
  n = tenken_chart_series_get_n_categories (series);

  if (n == 0)
    {
      draw_message (&p, width, height, _("No items to show"));
      goto out;
    }

  if (style->show_legend)
    legend_h = p.line_height * 2;

  /* Room for the labels around the circle; titles only when there are few
   * axes and room for a useful part of them */
  label_w = CLAMP (width * 0.2, p.line_height * 4, p.line_height * 11);
  with_title = n <= 8 && label_w >= p.line_height * 7;
  label_h = p.line_height * (with_title ? 3.2 : n > 8 ? 2.2 : 1.3);
  radius = MIN ((width - 2 * label_w) / 2, (height - legend_h - 2 * label_h) / 2) - p.line_height * 0.5;

  if (radius < p.line_height * 2)
    {
      /* Too small for a radar with labels: say so rather than draw mush */
      draw_message (&p, width, height, _("Not enough room for the chart"));
      goto out;
    }

  cx = width / 2;
  cy = (height - legend_h) / 2;

  /* Gridlines at 25, 50, 75 and 100 % */
  cairo_set_line_width (cr, 1);
  for (guint level = 1; level <= 4; level++)
    {
      radar_ring (cr, cx, cy, radius * level / 4, n);
      painter_set_fg (&p, level == 4 ? 0.35 : 0.15);
      cairo_stroke (cr);
    }

  /* Axes */
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      radar_point (cx, cy, radius, i, n, &x, &y);
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, x, y);
    }
  painter_set_fg (&p, 0.2);
  cairo_stroke (cr);

  /* Gridline values just inside each ring, beside the first axis, where
   * they cannot collide with the axis labels outside the circle */
  for (guint level = 1; level <= 4; level++)
    {
      g_autofree char *text = style_format_percent (p.style, level * 25, 100);
      g_autoptr(PangoLayout) layout = painter_layout (&p, TRUE, text);

      painter_set_fg (&p, 0.5);
      show_layout (&p, layout, cx + 3, cy - radius * level / 4 + 1);
    }

  /* The values */
  tenken_chart_get_status_color (TENKEN_STATUS_IMPLEMENTED, style->dark, rgb);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      radar_point (cx, cy, radius * series_percent (series, i), i, n, &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  if (n >= 3)
    {
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.3);
      cairo_fill_preserve (cr);
    }
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      double x, y;

      radar_point (cx, cy, radius * series_percent (series, i), i, n, &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, 3.5, 0, 2 * G_PI);
    }
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_fill (cr);

  /* Axis labels, anchored on the side facing the centre */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = radar_label_layout (&p, series, i, with_title, label_w);
      double angle = -G_PI / 2 + 2 * G_PI * i / n;
      double ca = cos (angle);
      double sa = sin (angle);
      PangoRectangle logical;
      double x, y;
      int tw, th;

      radar_point (cx, cy, radius + p.line_height * 0.5, i, n, &x, &y);

      if (ca > 0.25)
        pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      else if (ca < -0.25)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      else
        pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

      /* The layout is as wide as its wrap width; place the text's own box */
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      tw = logical.width;
      th = logical.height;

      if (ca < -0.25)
        x -= tw;
      else if (ca <= 0.25)
        x -= tw / 2.0;

      if (sa < -0.25)
        y -= th;
      else if (sa < 0.25)
        y -= th / 2.0;

      x = CLAMP (x, 0, MAX (0, width - tw));
      painter_set_fg (&p, 0.8);
      show_layout (&p, layout, x - logical.x, y - logical.y);
    }

  if (style->show_legend)
    {
      g_autoptr(PangoLayout) layout = painter_layout (&p, TRUE, _("Percent done (implemented or not applicable)"));
      double swatch = round (p.line_height * 0.8);
      double ly = height - legend_h + p.line_height * 0.5;
      int tw, th;

      pango_layout_set_width (layout, (int) (MAX (1, width - swatch - p.line_height) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &tw, &th);

      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.3);
      rounded_rectangle (cr, (width - tw - swatch - p.line_height * 0.4) / 2, ly + (th - swatch) / 2, swatch, swatch, 2);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);

      painter_set_fg (&p, 0.8);
      show_layout (&p, layout, (width - tw - swatch - p.line_height * 0.4) / 2 + swatch + p.line_height * 0.4, ly);
    }

out:
  painter_end (&p);
}
