/* test-chart.c: the cairo chart renderer, on image and PDF surfaces
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "tenken-chart.h"

#define WIDTH 480

typedef struct
{
  cairo_surface_t *surface;
  int              width;
  int              height;
} Image;

static void
image_clear (Image *image)
{
  g_clear_pointer (&image->surface, cairo_surface_destroy);
}

static void
image_paint (Image             *image,
             int                width,
             int                height,
             gboolean           dark,
             gboolean           radar,
             TenkenChartSeries *series,
             TenkenChartStyle  *style)
{
  cairo_t *cr;

  image->width = width;
  image->height = height;
  image->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (image->surface);

  if (dark)
    cairo_set_source_rgb (cr, 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (radar)
    tenken_chart_draw_radar (cr, width, height, series, style);
  else
    tenken_chart_draw_bars (cr, width, height, series, style);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (image->surface);

  if (g_getenv ("TENKEN_TEST_SAVE_PNG") != NULL)
    {
      static guint counter = 0;
      g_autofree char *name = g_strdelimit (g_strdup_printf ("%s-%u.png", g_test_get_path (), counter++), "/", '_');

      cairo_surface_write_to_png (image->surface, name);
    }
}

static guint32
image_pixel (const Image *image,
             int          x,
             int          y)
{
  const guchar *data = cairo_image_surface_get_data (image->surface);
  int stride = cairo_image_surface_get_stride (image->surface);

  return *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

static guint32
status_pixel (TenkenStatus status,
              gboolean     dark)
{
  double rgb[3];

  tenken_chart_get_status_color (status, dark, rgb);
  return ((guint32) round (rgb[0] * 255) << 16) |
         ((guint32) round (rgb[1] * 255) << 8) |
         (guint32) round (rgb[2] * 255);
}

static gboolean
pixel_near (guint32 a,
            guint32 b)
{
  for (guint shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 2)
      return FALSE;

  return TRUE;
}

static guint
count_pixels_near (const Image *image,
                   guint32      colour)
{
  guint n = 0;

  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      n += pixel_near (image_pixel (image, x, y), colour);

  return n;
}

static guint
count_pixels_not (const Image *image,
                  guint32      background)
{
  guint n = 0;

  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++)
      n += image_pixel (image, x, y) != background;

  return n;
}

static void
counts_of (guint        counts[TENKEN_N_STATUSES],
           TenkenStatus status,
           guint        n)
{
  memset (counts, 0, sizeof (guint) * TENKEN_N_STATUSES);
  counts[status] = n;
}

static TenkenChartSeries *
mixed_series (guint n_categories)
{
  TenkenChartSeries *series = tenken_chart_series_new ();

  for (guint i = 0; i < n_categories; i++)
    {
      guint counts[TENKEN_N_STATUSES];
      g_autofree char *label = g_strdup_printf ("C%u", i + 1);
      g_autofree char *title = g_strdup_printf ("Category number %u", i + 1);

      for (guint s = 0; s < TENKEN_N_STATUSES; s++)
        counts[s] = (i + s) % 4;
      tenken_chart_series_add (series, label, title, counts);
    }

  return series;
}

static void
test_palette (void)
{
  /* Six colours that differ clearly from one another, in both modes */
  for (guint dark = 0; dark <= 1; dark++)
    for (guint a = 0; a < TENKEN_N_STATUSES; a++)
      for (guint b = a + 1; b < TENKEN_N_STATUSES; b++)
        {
          double ca[3], cb[3], distance = 0;

          tenken_chart_get_status_color (a, dark, ca);
          tenken_chart_get_status_color (b, dark, cb);
          for (guint i = 0; i < 3; i++)
            distance += (ca[i] - cb[i]) * (ca[i] - cb[i]);

          g_assert_cmpfloat (sqrt (distance), >, 0.15);
        }

  /* Legend order: done first, not started last */
  g_assert_cmpint (tenken_chart_status_order[0], ==, TENKEN_STATUS_IMPLEMENTED);
  g_assert_cmpint (tenken_chart_status_order[TENKEN_N_STATUSES - 1], ==, TENKEN_STATUS_NOT_STARTED);
}

static void
test_percent (void)
{
  g_autofree char *zero = tenken_chart_format_percent (0, 0);
  g_autofree char *almost = tenken_chart_format_percent (199, 200);
  g_autofree char *all = tenken_chart_format_percent (200, 200);

  g_assert_cmpstr (zero, ==, "0 %");
  /* Never rounded up to a full 100 % */
  g_assert_cmpstr (almost, ==, "99 %");
  g_assert_cmpstr (all, ==, "100 %");
}

static void
test_bars_not_blank (void)
{
  g_autoptr(TenkenChartSeries) series = mixed_series (6);
  TenkenChartStyle style;
  Image image = { 0 };
  cairo_surface_t *probe = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (probe);
  double height;

  tenken_chart_style_init (&style);
  height = tenken_chart_measure_bars (cr, WIDTH, series, &style);
  cairo_destroy (cr);
  cairo_surface_destroy (probe);

  /* Six rows and a legend need room */
  g_assert_cmpfloat (height, >, 6 * 16);

  image_paint (&image, WIDTH, (int) height, FALSE, FALSE, series, &style);
  g_assert_cmpuint (count_pixels_not (&image, 0xffffff), >, WIDTH * height / 10);
  for (guint s = 0; s < TENKEN_N_STATUSES; s++)
    g_assert_cmpuint (count_pixels_near (&image, status_pixel (s, FALSE)), >, 20);
  image_clear (&image);

  /* The dark palette in dark mode */
  style.dark = TRUE;
  image_paint (&image, WIDTH, (int) height, TRUE, FALSE, series, &style);
  for (guint s = 0; s < TENKEN_N_STATUSES; s++)
    g_assert_cmpuint (count_pixels_near (&image, status_pixel (s, TRUE)), >, 20);
  g_assert_cmpuint (count_pixels_near (&image, status_pixel (TENKEN_STATUS_PARTIAL, FALSE)), ==, 0);
  image_clear (&image);
}

/* The longest run of @colour along one row, and whether anything else
 * interrupts it between its first and last pixel */
static int
longest_clean_run (const Image *image,
                   guint32      colour,
                   int         *out_start)
{
  int best = 0;

  for (int y = 0; y < image->height; y++)
    {
      int first = -1, last = -1;
      gboolean clean = TRUE;

      for (int x = 0; x < image->width; x++)
        if (pixel_near (image_pixel (image, x, y), colour))
          {
            if (first < 0)
              first = x;
            last = x;
          }

      if (first < 0)
        continue;

      for (int x = first; x <= last && clean; x++)
        clean = pixel_near (image_pixel (image, x, y), colour);

      if (clean && last - first + 1 > best)
        {
          best = last - first + 1;
          *out_start = first;
        }
    }

  return best;
}

static void
test_bars_row_at (void)
{
  g_autoptr(TenkenChartSeries) series = mixed_series (3);
  g_autoptr(TenkenChartSeries) none = tenken_chart_series_new ();
  cairo_surface_t *probe = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (probe);
  TenkenChartStyle style;
  double height, row_h;

  tenken_chart_style_init (&style);
  style.show_legend = FALSE;
  height = tenken_chart_measure_bars (cr, WIDTH, series, &style);
  row_h = height / 3;

  g_assert_cmpint (tenken_chart_bars_row_at (cr, WIDTH, series, &style, 1), ==, 0);
  g_assert_cmpint (tenken_chart_bars_row_at (cr, WIDTH, series, &style, row_h * 1.5), ==, 1);
  g_assert_cmpint (tenken_chart_bars_row_at (cr, WIDTH, series, &style, height - 1), ==, 2);
  /* The legend and beyond belong to no row */
  g_assert_cmpint (tenken_chart_bars_row_at (cr, WIDTH, series, &style, height + 1), ==, -1);
  g_assert_cmpint (tenken_chart_bars_row_at (cr, WIDTH, series, &style, -1), ==, -1);
  g_assert_cmpint (tenken_chart_bars_row_at (cr, WIDTH, none, &style, 1), ==, -1);

  cairo_destroy (cr);
  cairo_surface_destroy (probe);
}

static void
test_bars_full (void)
{
  g_autoptr(TenkenChartSeries) series = tenken_chart_series_new ();
  g_autoptr(TenkenChartSeries) half = tenken_chart_series_new ();
  guint counts[TENKEN_N_STATUSES];
  TenkenChartStyle style;
  Image image = { 0 };
  int full_run, full_start = -1, half_run, half_start = -1, partial_start = -1;

  counts_of (counts, TENKEN_STATUS_IMPLEMENTED, 7);
  tenken_chart_series_add (series, "S(1)", "Secure design", counts);

  tenken_chart_style_init (&style);
  style.show_legend = FALSE;
  image_paint (&image, WIDTH, 40, FALSE, FALSE, series, &style);

  /* Only the implemented colour: no other anywhere in the bar's box, and
   * none of the saturated ones anywhere at all (the greys of the other
   * two can occur in anti-aliased label text) */
  {
    guint32 implemented = status_pixel (TENKEN_STATUS_IMPLEMENTED, FALSE);
    int x0 = image.width, x1 = -1, y0 = image.height, y1 = -1;

    for (int y = 0; y < image.height; y++)
      for (int x = 0; x < image.width; x++)
        if (pixel_near (image_pixel (&image, x, y), implemented))
          {
            x0 = MIN (x0, x);
            x1 = MAX (x1, x);
            y0 = MIN (y0, y);
            y1 = MAX (y1, y);
          }
    g_assert_cmpint (x1, >, x0);

    for (guint s = 0; s < TENKEN_N_STATUSES; s++)
      {
        if (s == TENKEN_STATUS_IMPLEMENTED)
          continue;

        if (s != TENKEN_STATUS_NOT_STARTED && s != TENKEN_STATUS_NOT_APPLICABLE)
          g_assert_cmpuint (count_pixels_near (&image, status_pixel (s, FALSE)), ==, 0);

        for (int y = y0; y <= y1; y++)
          for (int x = x0; x <= x1; x++)
            g_assert_false (pixel_near (image_pixel (&image, x, y), status_pixel (s, FALSE)));
      }
  }

  /* One unbroken run across the bar: at least a third of the width, and
   * ending where the "7/7" column begins */
  full_run = longest_clean_run (&image, status_pixel (TENKEN_STATUS_IMPLEMENTED, FALSE), &full_start);
  g_assert_cmpint (full_run, >, WIDTH / 3);
  g_assert_cmpint (full_start + full_run, <, WIDTH);
  image_clear (&image);

  /* Half implemented, half partial: the implemented run is half as long,
   * from the same start, and partial follows it */
  counts_of (counts, TENKEN_STATUS_IMPLEMENTED, 4);
  counts[TENKEN_STATUS_PARTIAL] = 4;
  tenken_chart_series_add (half, "S(1)", "Secure design", counts);
  image_paint (&image, WIDTH, 40, FALSE, FALSE, half, &style);

  half_run = longest_clean_run (&image, status_pixel (TENKEN_STATUS_IMPLEMENTED, FALSE), &half_start);
  longest_clean_run (&image, status_pixel (TENKEN_STATUS_PARTIAL, FALSE), &partial_start);
  g_assert_cmpint (half_start, ==, full_start);
  g_assert_cmpint (ABS (half_run - full_run / 2), <=, 3);
  g_assert_cmpint (partial_start, >, half_start + half_run - 3);
  image_clear (&image);
}

static void
test_bars_empty (void)
{
  g_autoptr(TenkenChartSeries) none = tenken_chart_series_new ();
  g_autoptr(TenkenChartSeries) zero = tenken_chart_series_new ();
  guint counts[TENKEN_N_STATUSES] = { 0 };
  Image image = { 0 };

  /* No categories: a message, no crash */
  image_paint (&image, WIDTH, 60, FALSE, FALSE, none, NULL);
  g_assert_cmpuint (count_pixels_not (&image, 0xffffff), >, 0);
  image_clear (&image);

  image_paint (&image, WIDTH, 300, FALSE, TRUE, none, NULL);
  g_assert_cmpuint (count_pixels_not (&image, 0xffffff), >, 0);
  image_clear (&image);

  /* A category without items: an empty track, no status colour but the track */
  tenken_chart_series_add (zero, "X", NULL, counts);
  image_paint (&image, WIDTH, 40, FALSE, FALSE, zero, &(TenkenChartStyle) { .show_legend = FALSE });
  g_assert_cmpuint (count_pixels_near (&image, status_pixel (TENKEN_STATUS_IMPLEMENTED, FALSE)), ==, 0);
  g_assert_cmpuint (count_pixels_near (&image, status_pixel (TENKEN_STATUS_NOT_STARTED, FALSE)), >, 100);
  image_clear (&image);

  image_paint (&image, WIDTH, 300, FALSE, TRUE, zero, NULL);
  image_clear (&image);

  /* Nothing to draw into */
  image_paint (&image, 1, 1, FALSE, FALSE, zero, NULL);
  image_clear (&image);
  image_paint (&image, 1, 1, FALSE, TRUE, zero, NULL);
  image_clear (&image);
}

static void
test_bars_long_labels (void)
{
  g_autoptr(TenkenChartSeries) series = tenken_chart_series_new ();
  g_autoptr(GString) title = g_string_new (NULL);
  guint counts[TENKEN_N_STATUSES];
  TenkenChartStyle style;
  Image image = { 0 };
  int run, start = -1;

  for (guint i = 0; i < 40; i++)
    g_string_append (title, "Requirements for developers and ");
  counts_of (counts, TENKEN_STATUS_IMPLEMENTED, 3);
  tenken_chart_series_add (series, "S(1)", title->str, counts);

  tenken_chart_style_init (&style);
  style.show_legend = FALSE;
  image_paint (&image, 300, 40, FALSE, FALSE, series, &style);

  /* The label is cut short, the bar keeps at least a third of the width */
  run = longest_clean_run (&image, status_pixel (TENKEN_STATUS_IMPLEMENTED, FALSE), &start);
  g_assert_cmpint (run, >=, 300 / 3 - 8);
  image_clear (&image);
}

static void
test_radar (void)
{
  static const guint sizes[] = { 1, 2, 3, 6, 18, 25 };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    for (guint dark = 0; dark <= 1; dark++)
      {
        g_autoptr(TenkenChartSeries) series = mixed_series (sizes[k]);
        TenkenChartStyle style;
        Image image = { 0 };

        tenken_chart_style_init (&style);
        style.dark = dark;
        image_paint (&image, 600, 480, dark, TRUE, series, &style);

        /* Grid, labels and the value line in the implemented colour */
        g_assert_cmpuint (count_pixels_not (&image, dark ? 0x242424 : 0xffffff), >, 2000);
        g_assert_cmpuint (count_pixels_near (&image, status_pixel (TENKEN_STATUS_IMPLEMENTED, dark)), >, 10);
        image_clear (&image);

        /* Narrow: still draws something sensible, never crashes */
        image_paint (&image, 200, 160, dark, TRUE, series, &style);
        g_assert_cmpuint (count_pixels_not (&image, dark ? 0x242424 : 0xffffff), >, 0);
        image_clear (&image);
      }
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
test_pdf (void)
{
  g_autoptr(TenkenChartSeries) series = mixed_series (18);
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 9");
  PangoContext *context;
  cairo_surface_t *surface;
  TenkenChartStyle style;
  cairo_t *cr;
  double height;

  /* A4 in points */
  surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, 595, 842);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);

  tenken_chart_style_init (&style);
  style.context = context;
  style.font = font;

  cairo_translate (cr, 36, 36);
  height = tenken_chart_measure_bars (cr, 523, series, &style);
  g_assert_cmpfloat (height, >, 0);
  g_assert_cmpfloat (height, <, 600);
  tenken_chart_draw_bars (cr, 523, height, series, &style);
  cairo_show_page (cr);
  tenken_chart_draw_radar (cr, 523, 500, series, &style);
  cairo_show_page (cr);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (pdf->len, >, 2000);
  g_assert_true (memcmp (pdf->data, "%PDF-", 5) == 0);
}

static void
test_series (void)
{
  g_autoptr(TenkenChartSeries) series = tenken_chart_series_new ();
  TenkenChartSeries *ref;
  guint counts[TENKEN_N_STATUSES] = { 1, 2, 3, 4, 5, 6 };

  tenken_chart_series_add (series, "AC", "Access Control", counts);
  ref = tenken_chart_series_ref (series);
  g_assert_true (ref == series);
  tenken_chart_series_unref (ref);

  g_assert_cmpuint (tenken_chart_series_get_n_categories (series), ==, 1);
  g_assert_cmpuint (tenken_chart_series_get_total (series, 0), ==, 21);
  g_assert_cmpuint (tenken_chart_series_get_done (series, 0),
                    ==, counts[TENKEN_STATUS_IMPLEMENTED] + counts[TENKEN_STATUS_NOT_APPLICABLE]);
  g_assert_cmpuint (tenken_chart_series_get_count (series, 0, TENKEN_STATUS_PLANNED), ==, 6);
  g_assert_true (G_TYPE_IS_BOXED (TENKEN_TYPE_CHART_SERIES));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/palette", test_palette);
  g_test_add_func ("/chart/percent", test_percent);
  g_test_add_func ("/chart/series", test_series);
  g_test_add_func ("/chart/bars/not-blank", test_bars_not_blank);
  g_test_add_func ("/chart/bars/full", test_bars_full);
  g_test_add_func ("/chart/bars/row-at", test_bars_row_at);
  g_test_add_func ("/chart/bars/empty", test_bars_empty);
  g_test_add_func ("/chart/bars/long-labels", test_bars_long_labels);
  g_test_add_func ("/chart/radar", test_radar);
  g_test_add_func ("/chart/pdf", test_pdf);

  return g_test_run ();
}
