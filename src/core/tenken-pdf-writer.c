/* tenken-pdf-writer.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-pdf-writer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "tenken-output-private.h"
#include "tenken-pdf-writer.h"

/* A4 in points */
#define PAGE_WIDTH    595.276
#define PAGE_HEIGHT   841.890
#define MARGIN_X      56.7
#define CONTENT_TOP   72.0
#define CONTENT_BOTTOM (PAGE_HEIGHT - 64.0)
#define HEADER_RULE_Y 50.0
#define FOOTER_RULE_Y (PAGE_HEIGHT - 50.0)

#define CELL_PAD_X    4.0
#define CELL_PAD_Y    3.5
#define MARKER_SIZE   6.0
#define MARKER_GAP    4.0

#define FONT_FAMILY   "Noto Sans CJK JP,Noto Sans,Sans"
#define MONO_FAMILY   "Noto Sans Mono,DejaVu Sans Mono,Monospace"

typedef struct
{
  cairo_surface_t *recording;
  gboolean         decorated;
} Page;

typedef struct
{
  guint  page;   /* 0-based */
  double y;
  guint  level;
  char  *text;
} Outline;

/* A laid-out text with per-line positions, so it can be cut between lines */
typedef struct
{
  PangoLayout *layout;
  guint        n_lines;
  double      *top;
  double      *bottom;
  double      *baseline;
  double      *x;
} Block;

/* A heading not drawn yet: it waits for what follows it */
typedef struct
{
  Block          block;
  TenkenPdfStyle style;
  double         extra_after;   /* space() asked for after it */
  guint          outlines_end;  /* the outlines added before it point to it */
} PendingHeading;

struct _TenkenPdfWriter
{
  char             *lang;
  PangoFontMap     *font_map;
  PangoContext     *context;
  cairo_surface_t  *measure_surface;
  cairo_t          *measure_cr;

  char             *title;
  char             *header_right;
  char             *footer_text;
  char             *page_label;
  char             *author;
  gboolean          decorated;

  GArray           *pages;     /* Page */
  GArray           *outlines;  /* Outline */
  cairo_t          *cr;        /* on the current page's recording */
  double            y;

  /* Headings wait here until what follows them is placed, so that they
   * move to the next page with it instead of staying alone at the bottom */
  GArray           *pending;   /* PendingHeading */
  guint             n_settled_outlines;
  gboolean          header_pending;  /* the table header waits for its first row */
  PangoAttrList    *no_hyphens;      /* shared by plain-text layouts */

  /* table state */
  guint             n_columns;
  double           *col_x;
  double           *col_w;
  char            **headers;
};

typedef struct
{
  double size;
  gboolean bold;
  gboolean mono;
  const char *color;
  double space_before;
  double space_after;
  double line_spacing;
} StyleInfo;

static const StyleInfo styles[] = {
  [TENKEN_PDF_TITLE]     = { 24.0, TRUE,  FALSE, "accent", 0.0, 10.0, 1.1 },
  [TENKEN_PDF_SUBTITLE]  = { 14.0, FALSE, FALSE, "muted",  0.0, 8.0,  1.2 },
  [TENKEN_PDF_HEADING_1] = { 16.0, TRUE,  FALSE, "accent", 16.0, 9.0, 1.1 },
  [TENKEN_PDF_HEADING_2] = { 12.0, TRUE,  FALSE, "text",   12.0, 5.0, 1.15 },
  [TENKEN_PDF_HEADING_3] = { 10.0, TRUE,  FALSE, "text",   8.0,  3.0, 1.2 },
  [TENKEN_PDF_BODY]      = { 9.5,  FALSE, FALSE, "text",   0.0,  5.0, 1.25 },
  [TENKEN_PDF_SMALL]     = { 8.0,  FALSE, FALSE, "text",   0.0,  3.0, 1.2 },
  [TENKEN_PDF_MUTED]     = { 8.0,  FALSE, FALSE, "muted",  0.0,  3.0, 1.2 },
  [TENKEN_PDF_MONO]      = { 7.5,  FALSE, TRUE,  "text",   0.0,  3.0, 1.2 },
};

void
tenken_pdf_writer_get_color (const char *name,
                             double      rgb[3])
{
  static const struct { const char *name; double rgb[3]; } colors[] = {
    { "text",      { 0.11, 0.12, 0.14 } },
    { "muted",     { 0.38, 0.40, 0.44 } },
    { "rule",      { 0.80, 0.82, 0.85 } },
    { "rule-dark", { 0.45, 0.48, 0.52 } },
    { "accent",    { 0.09, 0.27, 0.49 } },
    { "header-bg", { 0.94, 0.95, 0.96 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    {
      if (g_str_equal (name, colors[i].name))
        {
          memcpy (rgb, colors[i].rgb, sizeof colors[i].rgb);
          return;
        }
    }

  g_warn_if_reached ();
  rgb[0] = rgb[1] = rgb[2] = 0.0;
}

static void
set_color (cairo_t    *cr,
           const char *name)
{
  double rgb[3];

  tenken_pdf_writer_get_color (name, rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

static PangoFontDescription *
style_font (TenkenPdfStyle style,
            gboolean       bold)
{
  const StyleInfo *info = &styles[style];
  PangoFontDescription *desc = pango_font_description_from_string (info->mono ? MONO_FAMILY : FONT_FAMILY);

  pango_font_description_set_size (desc, (int) (info->size * PANGO_SCALE));
  pango_font_description_set_weight (desc, (bold || info->bold) ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return desc;
}

static PangoLayout *
make_layout (TenkenPdfWriter *self,
             TenkenPdfStyle   style,
             gboolean         bold,
             const char      *text,
             gboolean         markup,
             double           width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = style_font (style, bold);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (layout, (float) styles[style].line_spacing);

  if (text == NULL)
    text = "";

  if (markup)
    {
      pango_layout_set_markup (layout, text, -1);
    }
  else
    {
      /* A fresh layout has no attributes, so nothing from earlier markup leaks */
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      pango_layout_set_text (layout, valid, -1);
    }

  /* A URL, file name or hash broken across lines gets no hyphen, which a
   * reader would take, or copy, as part of it. Plain text shares one list;
   * markup's own list (the layout's alone) gets the attribute added. */
  if (markup && pango_layout_get_attributes (layout) != NULL)
    {
      PangoAttrList *attrs = pango_layout_get_attributes (layout);

      pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
      pango_layout_set_attributes (layout, attrs);  /* so the layout sees the change */
    }
  else
    pango_layout_set_attributes (layout, self->no_hyphens);

  return layout;
}

static void
block_init (Block       *block,
            PangoLayout *layout)
{
  PangoLayoutIter *iter;
  guint i = 0;

  block->layout = layout;
  block->n_lines = (guint) pango_layout_get_line_count (layout);
  block->top = g_new0 (double, block->n_lines);
  block->bottom = g_new0 (double, block->n_lines);
  block->baseline = g_new0 (double, block->n_lines);
  block->x = g_new0 (double, block->n_lines);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      if (i >= block->n_lines)
        break;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      block->top[i] = pango_units_to_double (logical.y);
      block->bottom[i] = pango_units_to_double (logical.y + logical.height);
      block->baseline[i] = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      block->x[i] = pango_units_to_double (logical.x);
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
block_clear (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_pointer (&block->top, g_free);
  g_clear_pointer (&block->bottom, g_free);
  g_clear_pointer (&block->baseline, g_free);
  g_clear_pointer (&block->x, g_free);
  block->n_lines = 0;
}

static double
block_height (const Block *block)
{
  return block->n_lines > 0 ? block->bottom[block->n_lines - 1] : 0.0;
}

/* How many lines from @first fit in @avail */
static guint
block_fit (const Block *block,
           guint        first,
           double       avail)
{
  guint last = first;

  while (last < block->n_lines && block->bottom[last] - block->top[first] <= avail)
    last++;

  return last - first;
}

/* Draws lines [first, first + n) with the top of line @first at (x, y) */
static void
block_draw (const Block *block,
            cairo_t     *cr,
            guint        first,
            guint        n,
            double       x,
            double       y)
{
  for (guint i = first; i < first + n && i < block->n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (block->layout, (int) i);

      cairo_move_to (cr, x + block->x[i], y + block->baseline[i] - block->top[first]);
      pango_cairo_show_layout_line (cr, line);
    }
}

TenkenPdfWriter *
tenken_pdf_writer_new (const char *lang)
{
  TenkenPdfWriter *self = g_new0 (TenkenPdfWriter, 1);
  cairo_font_options_t *options;

  self->lang = g_strdup (lang != NULL ? lang : "en");
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_language (self->context, pango_language_from_string (self->lang));

  /* Unhinted metrics: the layout must not depend on a screen grid */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  self->measure_surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  self->measure_cr = cairo_create (self->measure_surface);

  self->page_label = g_strdup ("Page {page} of {pages}");
  self->decorated = TRUE;
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  self->outlines = g_array_new (FALSE, TRUE, sizeof (Outline));
  self->pending = g_array_new (FALSE, TRUE, sizeof (PendingHeading));
  self->no_hyphens = pango_attr_list_new ();
  pango_attr_list_insert (self->no_hyphens, pango_attr_insert_hyphens_new (FALSE));

  return self;
}

void
tenken_pdf_writer_free (TenkenPdfWriter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->cr, cairo_destroy);
  for (guint i = 0; i < self->pages->len; i++)
    cairo_surface_destroy (g_array_index (self->pages, Page, i).recording);
  g_array_unref (self->pages);
  for (guint i = 0; i < self->outlines->len; i++)
    g_free (g_array_index (self->outlines, Outline, i).text);
  g_array_unref (self->outlines);
  for (guint i = 0; i < self->pending->len; i++)
    block_clear (&g_array_index (self->pending, PendingHeading, i).block);
  g_array_unref (self->pending);
  pango_attr_list_unref (self->no_hyphens);

  g_free (self->col_x);
  g_free (self->col_w);
  g_strfreev (self->headers);

  cairo_destroy (self->measure_cr);
  cairo_surface_destroy (self->measure_surface);
  g_object_unref (self->context);
  g_object_unref (self->font_map);
  g_free (self->lang);
  g_free (self->title);
  g_free (self->header_right);
  g_free (self->footer_text);
  g_free (self->page_label);
  g_free (self->author);
  g_free (self);
}

void
tenken_pdf_writer_set_title (TenkenPdfWriter *self,
                             const char      *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
}

void
tenken_pdf_writer_set_header_right (TenkenPdfWriter *self,
                                    const char      *text)
{
  g_free (self->header_right);
  self->header_right = g_strdup (text);
}

void
tenken_pdf_writer_set_footer_text (TenkenPdfWriter *self,
                                   const char      *text)
{
  g_free (self->footer_text);
  self->footer_text = g_strdup (text);
}

void
tenken_pdf_writer_set_page_label (TenkenPdfWriter *self,
                                  const char      *label)
{
  g_return_if_fail (label != NULL);

  g_free (self->page_label);
  self->page_label = g_strdup (label);
}

void
tenken_pdf_writer_set_author (TenkenPdfWriter *self,
                              const char      *author)
{
  g_free (self->author);
  self->author = g_strdup (author);
}

static void
new_page (TenkenPdfWriter *self)
{
  cairo_rectangle_t extents = { 0, 0, PAGE_WIDTH, PAGE_HEIGHT };
  Page page;

  page.recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  page.decorated = self->decorated;
  g_array_append_val (self->pages, page);

  g_clear_pointer (&self->cr, cairo_destroy);
  self->cr = cairo_create (page.recording);
  self->y = CONTENT_TOP;
}

static void
ensure_page (TenkenPdfWriter *self)
{
  if (self->cr == NULL)
    new_page (self);
}

static gboolean
at_page_top (TenkenPdfWriter *self)
{
  return self->cr == NULL || self->y <= CONTENT_TOP + 0.01;
}

void
tenken_pdf_writer_set_decorated (TenkenPdfWriter *self,
                                 gboolean         decorated)
{
  self->decorated = !!decorated;
  if (self->cr != NULL && at_page_top (self))
    g_array_index (self->pages, Page, self->pages->len - 1).decorated = self->decorated;
}

double
tenken_pdf_writer_get_content_width (TenkenPdfWriter *self)
{
  return PAGE_WIDTH - 2 * MARGIN_X;
}

PangoContext *
tenken_pdf_writer_get_context (TenkenPdfWriter *self)
{
  return self->context;
}

cairo_t *
tenken_pdf_writer_get_measure_cairo (TenkenPdfWriter *self)
{
  return self->measure_cr;
}

static void
ensure_space (TenkenPdfWriter *self,
              double           points)
{
  ensure_page (self);
  if (self->y + points > CONTENT_BOTTOM && !at_page_top (self))
    new_page (self);
}

/* Outlines not yet placed point to where the next thing starts */
static void
settle_outlines (TenkenPdfWriter *self,
                 guint            end)
{
  ensure_page (self);
  for (guint i = self->n_settled_outlines; i < end; i++)
    {
      Outline *o = &g_array_index (self->outlines, Outline, i);

      o->page = self->pages->len - 1;
      o->y = self->y;
    }
  self->n_settled_outlines = MAX (self->n_settled_outlines, end);
}

static double
heading_rule_height (TenkenPdfStyle style)
{
  return style == TENKEN_PDF_HEADING_1 ? 3.0 : 0.0;
}

/* The height the waiting headings take, from here */
static double
pending_height (TenkenPdfWriter *self)
{
  double h = 0.0;

  for (guint i = 0; i < self->pending->len; i++)
    {
      const PendingHeading *ph = &g_array_index (self->pending, PendingHeading, i);
      const StyleInfo *s = &styles[ph->style];

      if (i > 0 || !at_page_top (self))
        h += s->space_before;
      h += block_height (&ph->block) + heading_rule_height (ph->style) + s->space_after + ph->extra_after;
    }
  return h;
}

static void flow_block (TenkenPdfWriter *self,
                        const Block     *block,
                        double           indent,
                        const char      *color);

static void
draw_heading (TenkenPdfWriter      *self,
              const PendingHeading *ph)
{
  const StyleInfo *s = &styles[ph->style];

  if (!at_page_top (self))
    self->y += s->space_before;
  if (self->y > CONTENT_BOTTOM)
    new_page (self);
  settle_outlines (self, ph->outlines_end);

  flow_block (self, &ph->block, 0.0, s->color);

  if (ph->style == TENKEN_PDF_HEADING_1)
    {
      cairo_save (self->cr);
      set_color (self->cr, "accent");
      cairo_set_line_width (self->cr, 0.8);
      cairo_move_to (self->cr, MARGIN_X, self->y + 2.5);
      cairo_line_to (self->cr, PAGE_WIDTH - MARGIN_X, self->y + 2.5);
      cairo_stroke (self->cr);
      cairo_restore (self->cr);
      self->y += heading_rule_height (ph->style);
    }

  self->y += s->space_after;
  if (ph->extra_after > 0.0)
    {
      self->y += ph->extra_after;
      if (self->y > CONTENT_BOTTOM)
        new_page (self);
    }
}

/* Draws the waiting headings, on a new page when they and the first
 * @next points of what follows them do not fit on this one */
static void
place_headings (TenkenPdfWriter *self,
                double           next)
{
  ensure_page (self);
  if (self->pending->len == 0)
    return;

  ensure_space (self, pending_height (self) + next);
  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingHeading *ph = &g_array_index (self->pending, PendingHeading, i);

      draw_heading (self, ph);
      block_clear (&ph->block);
    }
  g_array_set_size (self->pending, 0);
}

static void draw_table_header (TenkenPdfWriter *self);
static double table_header_height (TenkenPdfWriter *self);

/* Everything but a heading starts here: the headings before it go first,
 * kept with its first @next points; then the outlines left point to it */
static void
before_content (TenkenPdfWriter *self,
                double           next)
{
  if (!self->header_pending && self->pending->len == 0 &&
      self->n_settled_outlines == self->outlines->len)
    return;

  if (self->header_pending)
    {
      /* the table was begun: its header is what comes next */
      self->header_pending = FALSE;
      next += table_header_height (self);
      place_headings (self, next);
      ensure_space (self, next);
      settle_outlines (self, self->outlines->len);
      draw_table_header (self);
      return;
    }

  place_headings (self, next);
  settle_outlines (self, self->outlines->len);
}

double
tenken_pdf_writer_get_remaining (TenkenPdfWriter *self)
{
  before_content (self, 0.0);
  ensure_page (self);
  return CONTENT_BOTTOM - self->y;
}

guint
tenken_pdf_writer_get_page (TenkenPdfWriter *self)
{
  before_content (self, 0.0);
  ensure_page (self);
  return self->pages->len;
}

void
tenken_pdf_writer_page_break (TenkenPdfWriter *self)
{
  before_content (self, 0.0);
  if (self->cr != NULL && at_page_top (self))
    return;
  new_page (self);
}

void
tenken_pdf_writer_ensure_space (TenkenPdfWriter *self,
                                double           points)
{
  before_content (self, points);
  ensure_space (self, points);
}

void
tenken_pdf_writer_space (TenkenPdfWriter *self,
                         double           points)
{
  ensure_page (self);
  if (self->pending->len > 0)
    {
      /* Space after a heading belongs with it */
      g_array_index (self->pending, PendingHeading, self->pending->len - 1).extra_after += points;
      return;
    }
  if (at_page_top (self))
    return;
  self->y += points;
  if (self->y > CONTENT_BOTTOM)
    new_page (self);
}

void
tenken_pdf_writer_rule (TenkenPdfWriter *self)
{
  before_content (self, 4.0);
  ensure_space (self, 4.0);
  cairo_save (self->cr);
  set_color (self->cr, "rule");
  cairo_set_line_width (self->cr, 0.5);
  cairo_move_to (self->cr, MARGIN_X, self->y + 2.0);
  cairo_line_to (self->cr, PAGE_WIDTH - MARGIN_X, self->y + 2.0);
  cairo_stroke (self->cr);
  cairo_restore (self->cr);
  self->y += 6.0;
}

/* Flows @block at the left margin + @indent, breaking pages between lines */
static void
flow_block (TenkenPdfWriter *self,
            const Block     *block,
            double           indent,
            const char      *color)
{
  guint first = 0;

  ensure_page (self);

  while (first < block->n_lines)
    {
      guint n = block_fit (block, first, CONTENT_BOTTOM - self->y);

      if (n == 0)
        {
          if (!at_page_top (self))
            {
              new_page (self);
              continue;
            }
          n = 1;  /* a line taller than a page: draw it anyway */
        }

      cairo_save (self->cr);
      set_color (self->cr, color);
      block_draw (block, self->cr, first, n, MARGIN_X + indent, self->y);
      cairo_restore (self->cr);

      self->y += block->bottom[first + n - 1] - block->top[first];
      first += n;
      if (first < block->n_lines)
        new_page (self);
    }
}

static void
paragraph (TenkenPdfWriter *self,
           TenkenPdfStyle   style,
           const char      *text,
           gboolean         markup)
{
  Block block;
  double width = tenken_pdf_writer_get_content_width (self);

  g_return_if_fail ((guint) style < G_N_ELEMENTS (styles));

  block_init (&block, make_layout (self, style, FALSE, text, markup, width));
  /* a heading keeps at least two lines of its paragraph */
  before_content (self, block.n_lines > 1 ? block.bottom[1] - block.top[0] : block_height (&block));
  flow_block (self, &block, 0.0, styles[style].color);
  self->y += styles[style].space_after;
  block_clear (&block);
}

void
tenken_pdf_writer_paragraph (TenkenPdfWriter *self,
                             TenkenPdfStyle   style,
                             const char      *text)
{
  paragraph (self, style, text, FALSE);
}

void
tenken_pdf_writer_paragraph_markup (TenkenPdfWriter *self,
                                    TenkenPdfStyle   style,
                                    const char      *markup)
{
  paragraph (self, style, markup, TRUE);
}

void
tenken_pdf_writer_heading (TenkenPdfWriter *self,
                           TenkenPdfStyle   style,
                           const char      *text)
{
  PendingHeading ph = { { 0, }, };
  double width = tenken_pdf_writer_get_content_width (self);

  g_return_if_fail ((guint) style < G_N_ELEMENTS (styles));

  /* A table begun before this heading is drawn first, header and all */
  if (self->header_pending)
    before_content (self, 0.0);

  ensure_page (self);
  block_init (&ph.block, make_layout (self, style, FALSE, text, FALSE, width));
  ph.style = style;
  ph.outlines_end = self->outlines->len;
  g_array_append_val (self->pending, ph);

  /* Headings that fill most of a page cannot all wait for what follows */
  if (pending_height (self) > (CONTENT_BOTTOM - CONTENT_TOP) * 0.5)
    place_headings (self, 0.0);
}

/* One row of cells (table or key/value), broken across pages between lines.
 * @repeat_header redraws the table header on each new page. */
typedef struct
{
  guint          n;
  const double  *x;
  const double  *w;
  Block         *blocks;
  const double **markers;
  const char   **colors;
  const char    *background;  /* or NULL */
  gboolean       rule_below;
  gboolean       repeat_header;
} Row;

static double
row_height (const Row *row)
{
  double h = 0.0;

  for (guint i = 0; i < row->n; i++)
    h = MAX (h, block_height (&row->blocks[i]));
  return h + 2 * CELL_PAD_Y;
}

/* How much of @row a heading before it must keep on its page: all of it
 * where draw_row() would move the row whole to the next page, else its
 * first lines */
static double
row_keep_height (TenkenPdfWriter *self,
                 const Row       *row)
{
  double total = row_height (row);
  double body = CONTENT_BOTTOM - CONTENT_TOP;
  double left = CONTENT_BOTTOM - self->y - pending_height (self);

  if (self->cr == NULL)
    left = body - pending_height (self);
  if (total < body * 0.8 && left < body * 0.4)
    return total;
  return MIN (total, 40.0);
}

static void
row_new_page (TenkenPdfWriter *self,
              const Row       *row)
{
  new_page (self);
  if (row->repeat_header)
    draw_table_header (self);
}

static void
draw_row (TenkenPdfWriter *self,
          const Row       *row)
{
  g_autofree guint *cursor = g_new0 (guint, row->n);
  double total = row_height (row);
  double body = CONTENT_BOTTOM - CONTENT_TOP;

  ensure_page (self);

  /* A row that fits on a fresh page moves there rather than splitting,
   * unless that would leave most of this page empty */
  if (self->y + total > CONTENT_BOTTOM && total < body * 0.8 &&
      CONTENT_BOTTOM - self->y < body * 0.4 && !at_page_top (self))
    row_new_page (self, row);

  for (;;)
    {
      double avail = CONTENT_BOTTOM - self->y - 2 * CELL_PAD_Y;
      double chunk = 0.0;
      gboolean progress = FALSE;
      gboolean done = TRUE;
      g_autofree guint *take = g_new0 (guint, row->n);

      for (guint i = 0; i < row->n; i++)
        {
          const Block *b = &row->blocks[i];

          if (cursor[i] >= b->n_lines)
            continue;
          take[i] = block_fit (b, cursor[i], avail);
          if (take[i] > 0)
            progress = TRUE;
        }

      if (!progress)
        {
          gboolean any_left = FALSE;

          for (guint i = 0; i < row->n; i++)
            any_left |= cursor[i] < row->blocks[i].n_lines;

          if (!any_left)
            {
              /* An empty row still gets its padding */
              chunk = 0.0;
            }
          else if (self->y > CONTENT_TOP + 40.0)
            {
              row_new_page (self, row);
              continue;
            }
          else
            {
              /* A line taller than a whole page: draw one line regardless */
              for (guint i = 0; i < row->n; i++)
                if (cursor[i] < row->blocks[i].n_lines)
                  take[i] = 1;
            }
        }

      for (guint i = 0; i < row->n; i++)
        {
          const Block *b = &row->blocks[i];

          if (take[i] > 0)
            chunk = MAX (chunk, b->bottom[cursor[i] + take[i] - 1] - b->top[cursor[i]]);
        }
      chunk += 2 * CELL_PAD_Y;

      if (row->background != NULL)
        {
          set_color (self->cr, row->background);
          cairo_rectangle (self->cr, row->x[0], self->y,
                           row->x[row->n - 1] + row->w[row->n - 1] - row->x[0], chunk);
          cairo_fill (self->cr);
        }

      for (guint i = 0; i < row->n; i++)
        {
          const Block *b = &row->blocks[i];
          double tx = row->x[i] + CELL_PAD_X;

          if (row->markers != NULL && row->markers[i] != NULL)
            {
              if (cursor[i] == 0 && b->n_lines > 0)
                {
                  double mid = self->y + CELL_PAD_Y + (b->bottom[0] - b->top[0]) / 2.0;

                  cairo_set_source_rgb (self->cr, row->markers[i][0], row->markers[i][1], row->markers[i][2]);
                  cairo_rectangle (self->cr, tx, mid - MARKER_SIZE / 2.0, MARKER_SIZE, MARKER_SIZE);
                  cairo_fill (self->cr);
                }
              tx += MARKER_SIZE + MARKER_GAP;
            }

          if (take[i] == 0)
            continue;

          set_color (self->cr, row->colors[i]);
          block_draw (b, self->cr, cursor[i], take[i], tx, self->y + CELL_PAD_Y);
          cursor[i] += take[i];
        }

      self->y += chunk;

      if (row->rule_below)
        {
          set_color (self->cr, "rule");
          cairo_set_line_width (self->cr, 0.5);
          cairo_move_to (self->cr, row->x[0], self->y);
          cairo_line_to (self->cr, row->x[row->n - 1] + row->w[row->n - 1], self->y);
          cairo_stroke (self->cr);
        }

      for (guint i = 0; i < row->n; i++)
        done &= cursor[i] >= row->blocks[i].n_lines;
      if (done)
        break;

      row_new_page (self, row);
    }
}

static double
table_header_height (TenkenPdfWriter *self)
{
  double h = 0.0;

  if (self->headers == NULL)
    return 0.0;

  for (guint i = 0; i < self->n_columns; i++)
    {
      Block block;

      block_init (&block, make_layout (self, TENKEN_PDF_SMALL, TRUE, self->headers[i], FALSE,
                                       self->col_w[i] - 2 * CELL_PAD_X));
      h = MAX (h, block_height (&block));
      block_clear (&block);
    }
  return h + 2 * CELL_PAD_Y;
}

static void
draw_table_header (TenkenPdfWriter *self)
{
  g_autofree Block *blocks = NULL;
  g_autofree const char **colors = NULL;
  Row row = { 0, };

  if (self->headers == NULL)
    return;

  blocks = g_new0 (Block, self->n_columns);
  colors = g_new0 (const char *, self->n_columns);
  for (guint i = 0; i < self->n_columns; i++)
    {
      block_init (&blocks[i], make_layout (self, TENKEN_PDF_SMALL, TRUE, self->headers[i], FALSE,
                                           self->col_w[i] - 2 * CELL_PAD_X));
      colors[i] = "text";
    }

  row.n = self->n_columns;
  row.x = self->col_x;
  row.w = self->col_w;
  row.blocks = blocks;
  row.colors = colors;
  row.background = "header-bg";
  row.rule_below = FALSE;
  row.repeat_header = FALSE;
  draw_row (self, &row);

  set_color (self->cr, "rule-dark");
  cairo_set_line_width (self->cr, 0.75);
  cairo_move_to (self->cr, self->col_x[0], self->y);
  cairo_line_to (self->cr, PAGE_WIDTH - MARGIN_X, self->y);
  cairo_stroke (self->cr);

  for (guint i = 0; i < self->n_columns; i++)
    block_clear (&blocks[i]);
}

void
tenken_pdf_writer_begin_table (TenkenPdfWriter    *self,
                               guint               n_columns,
                               const double       *widths,
                               const char * const *headers)
{
  double width = tenken_pdf_writer_get_content_width (self);
  double x = MARGIN_X;

  g_return_if_fail (n_columns > 0);
  g_return_if_fail (self->n_columns == 0);

  self->n_columns = n_columns;
  self->col_x = g_new0 (double, n_columns);
  self->col_w = g_new0 (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      self->col_x[i] = x;
      self->col_w[i] = width * (widths != NULL ? widths[i] : 1.0 / n_columns);
      x += self->col_w[i];
    }

  if (headers != NULL)
    {
      self->headers = g_new0 (char *, n_columns + 1);
      for (guint i = 0; i < n_columns; i++)
        self->headers[i] = g_strdup (headers[i]);
    }

  /* The header waits for the first row, to stay on its page with it */
  self->header_pending = TRUE;
}

void
tenken_pdf_writer_table_row (TenkenPdfWriter     *self,
                             const TenkenPdfCell *cells)
{
  g_autofree Block *blocks = NULL;
  g_autofree const char **colors = NULL;
  g_autofree const double **markers = NULL;
  Row row = { 0, };

  g_return_if_fail (self->n_columns > 0);

  blocks = g_new0 (Block, self->n_columns);
  colors = g_new0 (const char *, self->n_columns);
  markers = g_new0 (const double *, self->n_columns);
  for (guint i = 0; i < self->n_columns; i++)
    {
      TenkenPdfStyle style = cells[i].style == TENKEN_PDF_TITLE ? TENKEN_PDF_BODY : cells[i].style;
      double w = self->col_w[i] - 2 * CELL_PAD_X;

      if (cells[i].marker != NULL)
        w -= MARKER_SIZE + MARKER_GAP;
      block_init (&blocks[i], make_layout (self, style, cells[i].bold, cells[i].text, cells[i].markup, w));
      colors[i] = styles[style].color;
      markers[i] = cells[i].marker;
    }

  row.n = self->n_columns;
  row.x = self->col_x;
  row.w = self->col_w;
  row.blocks = blocks;
  row.colors = colors;
  row.markers = markers;
  row.rule_below = TRUE;
  row.repeat_header = TRUE;
  before_content (self, row_keep_height (self, &row));
  draw_row (self, &row);

  for (guint i = 0; i < self->n_columns; i++)
    block_clear (&blocks[i]);
}

void
tenken_pdf_writer_end_table (TenkenPdfWriter *self)
{
  g_return_if_fail (self->n_columns > 0);

  /* a table without rows still shows its header */
  before_content (self, 0.0);
  self->n_columns = 0;
  g_clear_pointer (&self->col_x, g_free);
  g_clear_pointer (&self->col_w, g_free);
  g_clear_pointer (&self->headers, g_strfreev);
  self->y += 8.0;
}

void
tenken_pdf_writer_field (TenkenPdfWriter *self,
                         const char      *key,
                         const char      *value)
{
  double width = tenken_pdf_writer_get_content_width (self);
  double x[2] = { MARGIN_X, MARGIN_X + width * 0.28 };
  double w[2] = { width * 0.28, width * 0.72 };
  const char *colors[2] = { "muted", "text" };
  Block blocks[2];
  Row row = { 0, };

  block_init (&blocks[0], make_layout (self, TENKEN_PDF_SMALL, TRUE, key, FALSE, w[0] - 2 * CELL_PAD_X));
  block_init (&blocks[1], make_layout (self, TENKEN_PDF_BODY, FALSE,
                                       value != NULL && *value != '\0' ? value : "—", FALSE,
                                       w[1] - 2 * CELL_PAD_X));
  row.n = 2;
  row.x = x;
  row.w = w;
  row.blocks = blocks;
  row.colors = colors;
  row.rule_below = TRUE;
  before_content (self, row_keep_height (self, &row));
  draw_row (self, &row);

  block_clear (&blocks[0]);
  block_clear (&blocks[1]);
}

void
tenken_pdf_writer_drawing (TenkenPdfWriter   *self,
                           double             height,
                           TenkenPdfDrawFunc  func,
                           gpointer           user_data)
{
  double width = tenken_pdf_writer_get_content_width (self);

  g_return_if_fail (func != NULL);

  before_content (self, height);
  ensure_space (self, height);

  cairo_save (self->cr);
  cairo_translate (self->cr, MARGIN_X, self->y);
  cairo_rectangle (self->cr, 0, 0, width, height);
  cairo_clip (self->cr);
  func (self->cr, width, height, self->context, user_data);
  cairo_restore (self->cr);

  self->y += height + 6.0;
}

void
tenken_pdf_writer_add_outline (TenkenPdfWriter *self,
                               guint            level,
                               const char      *text)
{
  Outline outline;

  ensure_page (self);
  outline.page = self->pages->len - 1;
  outline.y = self->y;
  outline.level = MAX (level, 1);
  outline.text = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_array_append_val (self->outlines, outline);
}

static char *
page_label (TenkenPdfWriter *self,
            guint            page,
            guint            n_pages)
{
  g_autofree char *page_str = g_strdup_printf ("%u", page);
  g_autofree char *pages_str = g_strdup_printf ("%u", n_pages);
  GString *label = g_string_new (self->page_label);

  g_string_replace (label, "{page}", page_str, 0);
  g_string_replace (label, "{pages}", pages_str, 0);
  return g_string_free (label, FALSE);
}

static void
draw_decorations (TenkenPdfWriter *self,
                  cairo_t         *cr,
                  guint            page,
                  guint            n_pages)
{
  double width = tenken_pdf_writer_get_content_width (self);
  g_autofree char *label = page_label (self, page, n_pages);
  PangoLayout *layout;
  int w, h;

  cairo_save (cr);
  set_color (cr, "rule");
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, HEADER_RULE_Y);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN_X, HEADER_RULE_Y);
  cairo_move_to (cr, MARGIN_X, FOOTER_RULE_Y);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN_X, FOOTER_RULE_Y);
  cairo_stroke (cr);

  set_color (cr, "muted");

  /* Header: title left, @header_right right; each gets its share of the
   * width and ends with an ellipsis rather than overlapping */
  layout = make_layout (self, TENKEN_PDF_MUTED, TRUE, self->title, FALSE, width * 0.6);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, 0);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, MARGIN_X, HEADER_RULE_Y - 4.0 - h);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);

  if (self->header_right != NULL)
    {
      /* the scope: organisation and service both stay readable */
      layout = make_layout (self, TENKEN_PDF_MUTED, FALSE, self->header_right, FALSE, width * 0.38);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
      pango_layout_set_height (layout, 0);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, PAGE_WIDTH - MARGIN_X - width * 0.38, HEADER_RULE_Y - 4.0 - h);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }

  if (self->footer_text != NULL)
    {
      /* Cut in the middle: a long organisation name must not push the
       * footer's end (the date, the digest) off the page */
      layout = make_layout (self, TENKEN_PDF_MUTED, FALSE, self->footer_text, FALSE, width * 0.7);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
      pango_layout_set_height (layout, 0);
      cairo_move_to (cr, MARGIN_X, FOOTER_RULE_Y + 5.0);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }

  layout = make_layout (self, TENKEN_PDF_MUTED, FALSE, label, FALSE, width * 0.28);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  cairo_move_to (cr, PAGE_WIDTH - MARGIN_X - width * 0.28, FOOTER_RULE_Y + 5.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);

  cairo_restore (cr);
}

/* cairo writes through this, so a failed write (a full disk, a quota) is
 * an error we see: cairo's own file output loses it, and a truncated PDF
 * would then replace the user's old one */
typedef struct
{
  TenkenOutput *output;
  GError       *error;
} StreamClosure;

static cairo_status_t
write_to_output (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  StreamClosure *sc = closure;

  if (sc->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!tenken_output_write (sc->output, data, length, &sc->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
tenken_pdf_writer_save (TenkenPdfWriter  *self,
                        TenkenOutput     *output,
                        GCancellable     *cancellable,
                        GError          **error)
{
  StreamClosure sc = { output, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int parents[8] = { CAIRO_PDF_OUTLINE_ROOT, };

  g_return_val_if_fail (output != NULL, FALSE);

  before_content (self, 0.0);
  ensure_page (self);
  g_clear_pointer (&self->cr, cairo_destroy);

  surface = cairo_pdf_surface_create_for_stream (write_to_output, &sc, PAGE_WIDTH, PAGE_HEIGHT);
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tenken " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len && sc.error == NULL; i++)
    {
      const Page *page = &g_array_index (self->pages, Page, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cairo_destroy (cr);
          cairo_surface_finish (surface);
          cairo_surface_destroy (surface);
          g_clear_error (&sc.error);
          return FALSE;
        }

      cairo_set_source_surface (cr, page->recording, 0, 0);
      cairo_paint (cr);
      if (page->decorated)
        draw_decorations (self, cr, i + 1, self->pages->len);
      cairo_show_page (cr);
    }

  for (guint i = 0; i < self->outlines->len; i++)
    {
      const Outline *o = &g_array_index (self->outlines, Outline, i);
      guint level = MIN (o->level, G_N_ELEMENTS (parents) - 1);
      g_autofree char *link = g_strdup_printf ("page=%u pos=[%.1f %.1f]", o->page + 1, MARGIN_X, o->y);

      parents[level] = cairo_pdf_surface_add_outline (surface, parents[level - 1], o->text, link,
                                                      level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  /* The write error says what the user can do about it; cairo's does not */
  if (sc.error != NULL)
    {
      g_propagate_error (error, sc.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* --- previews --- */

guint
tenken_pdf_writer_get_n_pages (TenkenPdfWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  before_content (self, 0.0);
  return self->pages->len;
}

void
tenken_pdf_writer_render_page (TenkenPdfWriter *self,
                               guint            index,
                               cairo_t         *cr)
{
  const Page *page;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  /* Not ensure_page() after save(): that would add a page; the current
   * page's cairo_t stays, its recording replays what is drawn so far */
  before_content (self, 0.0);
  if (self->pages->len == 0)
    new_page (self);
  g_return_if_fail (index < self->pages->len);

  page = &g_array_index (self->pages, Page, index);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);
  cairo_set_source_surface (cr, page->recording, 0, 0);
  cairo_paint (cr);
  if (page->decorated)
    draw_decorations (self, cr, index + 1, self->pages->len);
  cairo_restore (cr);
}

void
tenken_pdf_writer_get_page_size (double *width,
                                 double *height)
{
  if (width != NULL)
    *width = PAGE_WIDTH;
  if (height != NULL)
    *height = PAGE_HEIGHT;
}
