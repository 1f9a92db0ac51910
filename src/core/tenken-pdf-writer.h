/* tenken-pdf-writer.h: A4 documents with pango and cairo (internal)
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "tenken-output-private.h"

G_BEGIN_DECLS

/*
 * A small flow layout engine shared by the gap/full reports and the
 * declarations. Usage:
 *
 *   TenkenPdfWriter *w = tenken_pdf_writer_new ("ja");
 *   tenken_pdf_writer_set_title (w, "Gap report");            // header + PDF metadata
 *   tenken_pdf_writer_set_footer_text (w, "ACME — Cloud");     // footer, left
 *   tenken_pdf_writer_set_page_label (w, "Page {page} of {pages}");
 *   tenken_pdf_writer_set_decorated (w, FALSE);               // cover without header/footer
 *   tenken_pdf_writer_heading (w, TENKEN_PDF_TITLE, "…");
 *   tenken_pdf_writer_page_break (w);
 *   tenken_pdf_writer_set_decorated (w, TRUE);
 *   tenken_pdf_writer_heading (w, TENKEN_PDF_HEADING_1, "1. Summary");
 *   tenken_pdf_writer_paragraph (w, TENKEN_PDF_BODY, "long text …");
 *   tenken_pdf_writer_begin_table (w, 3, widths, headers);    // header row repeats
 *   tenken_pdf_writer_table_row (w, cells);                    // TenkenPdfCell[3]
 *   tenken_pdf_writer_end_table (w);
 *   tenken_pdf_writer_drawing (w, height, draw_chart, data);   // charts
 *   tenken_pdf_writer_save (w, output, NULL, &error);   // a TenkenOutput
 *   tenken_pdf_writer_free (w);
 *
 * All text is plain UTF-8 (never markup) unless a function says otherwise,
 * so user text needs no escaping. Paragraphs and table rows that do not fit
 * continue on the next page, line by line; nothing is clipped. Pages are
 * recorded first and written at save time, so footers can say "page X of Y".
 * Sizes are in PostScript points (1/72 in); text layouts use 72 dpi.
 * Fonts: "Noto Sans CJK JP" with fallback "Noto Sans", "Sans"; cairo embeds
 * subsets. Not thread-safe, but each writer has its own font map, so
 * writers can run in worker threads.
 */

typedef struct _TenkenPdfWriter TenkenPdfWriter;

typedef enum
{
  TENKEN_PDF_TITLE,       /* 24 pt, cover title */
  TENKEN_PDF_SUBTITLE,    /* 14 pt, muted */
  TENKEN_PDF_HEADING_1,   /* 16 pt bold, section; keeps with the next block */
  TENKEN_PDF_HEADING_2,   /* 12 pt bold */
  TENKEN_PDF_HEADING_3,   /* 10 pt bold */
  TENKEN_PDF_BODY,        /* 9.5 pt */
  TENKEN_PDF_SMALL,       /* 8 pt */
  TENKEN_PDF_MUTED,       /* 8 pt, grey */
  TENKEN_PDF_MONO,        /* 7.5 pt monospace, for hashes */
} TenkenPdfStyle;

/* One table cell. @text is plain text (NULL = empty), or Pango markup when
 * @markup is set (the caller escapes user text with g_markup_escape_text).
 * @marker, when non-NULL, is an RGB colour (0…1) drawn as a small square
 * before the text, e.g. for a status that is also written out. */
typedef struct
{
  const char     *text;
  TenkenPdfStyle  style;      /* 0 (TITLE) means BODY inside tables */
  const double   *marker;     /* double[3] or NULL */
  gboolean        bold;
  gboolean        markup;
} TenkenPdfCell;

typedef void (*TenkenPdfDrawFunc) (cairo_t      *cr,
                                   double        width,
                                   double        height,
                                   PangoContext *context,
                                   gpointer      user_data);

/* @lang: "en", "ja" … selects CJK glyph variants and line breaking */
TenkenPdfWriter *tenken_pdf_writer_new            (const char      *lang);
void             tenken_pdf_writer_free           (TenkenPdfWriter *self);

/* Header (left) and PDF metadata title */
void             tenken_pdf_writer_set_title      (TenkenPdfWriter *self,
                                                   const char      *title);
/* Header (right), e.g. the organisation; may be NULL */
void             tenken_pdf_writer_set_header_right (TenkenPdfWriter *self,
                                                     const char      *text);
void             tenken_pdf_writer_set_footer_text (TenkenPdfWriter *self,
                                                    const char      *text);
/* Footer (right): "{page}" and "{pages}" are replaced; default "Page {page} of {pages}" */
void             tenken_pdf_writer_set_page_label (TenkenPdfWriter *self,
                                                   const char      *label);
void             tenken_pdf_writer_set_author     (TenkenPdfWriter *self,
                                                   const char      *author);
/* Whether the current and following pages get header and footer (default TRUE) */
void             tenken_pdf_writer_set_decorated  (TenkenPdfWriter *self,
                                                   gboolean         decorated);

/* Text width between the margins */
double           tenken_pdf_writer_get_content_width (TenkenPdfWriter *self);
/* The 72 dpi context layouts and charts should use */
PangoContext    *tenken_pdf_writer_get_context    (TenkenPdfWriter *self);
/* A cairo context for measuring (not the page) */
cairo_t         *tenken_pdf_writer_get_measure_cairo (TenkenPdfWriter *self);
/* Space left on the current page */
double           tenken_pdf_writer_get_remaining  (TenkenPdfWriter *self);
/* Current page number, 1-based */
guint            tenken_pdf_writer_get_page       (TenkenPdfWriter *self);

void             tenken_pdf_writer_heading        (TenkenPdfWriter *self,
                                                   TenkenPdfStyle   style,
                                                   const char      *text);
void             tenken_pdf_writer_paragraph      (TenkenPdfWriter *self,
                                                   TenkenPdfStyle   style,
                                                   const char      *text);
/* @markup is Pango markup: the caller escapes user text */
void             tenken_pdf_writer_paragraph_markup (TenkenPdfWriter *self,
                                                     TenkenPdfStyle   style,
                                                     const char      *markup);
/* "Key   value" pairs in two columns, for covers; @value wraps */
void             tenken_pdf_writer_field          (TenkenPdfWriter *self,
                                                   const char      *key,
                                                   const char      *value);
void             tenken_pdf_writer_space          (TenkenPdfWriter *self,
                                                   double           points);
/* A thin horizontal rule */
void             tenken_pdf_writer_rule           (TenkenPdfWriter *self);
void             tenken_pdf_writer_page_break     (TenkenPdfWriter *self);
/* Starts a new page unless @points fit on this one */
void             tenken_pdf_writer_ensure_space   (TenkenPdfWriter *self,
                                                   double           points);

/* @widths: fractions of the content width (summing to 1), or NULL for equal
 * columns. @headers: @n_columns strings, or NULL for no header row. */
void             tenken_pdf_writer_begin_table    (TenkenPdfWriter    *self,
                                                   guint               n_columns,
                                                   const double       *widths,
                                                   const char * const *headers);
/* @cells: n_columns cells */
void             tenken_pdf_writer_table_row      (TenkenPdfWriter     *self,
                                                   const TenkenPdfCell *cells);
void             tenken_pdf_writer_end_table      (TenkenPdfWriter    *self);

/* A block of @height drawn by @func at the current position (cr translated
 * so that 0,0 is the block's top left); moves to a new page if needed. */
void             tenken_pdf_writer_drawing        (TenkenPdfWriter   *self,
                                                   double             height,
                                                   TenkenPdfDrawFunc  func,
                                                   gpointer           user_data);

/* An entry in the PDF outline (bookmarks) at the current position; @level 1
 * is top. Call just before the heading it points to. */
void             tenken_pdf_writer_add_outline    (TenkenPdfWriter *self,
                                                   guint            level,
                                                   const char      *text);

/* Writes the PDF into @output, the caller commits it. Every failed write
 * is an error, so a truncated PDF never replaces a good one. */
gboolean         tenken_pdf_writer_save           (TenkenPdfWriter  *self,
                                                   TenkenOutput     *output,
                                                   GCancellable     *cancellable,
                                                   GError          **error);

/* The colour scheme, so other blocks match: text, muted text, rules, accent */
void             tenken_pdf_writer_get_color      (const char      *name,
                                                   double           rgb[3]);

/* Pages laid out so far (at least 1 once anything was written) */
guint            tenken_pdf_writer_get_n_pages    (TenkenPdfWriter *self);
/* Draws page @index (0-based) onto @cr as save() would, decorations
 * included, in points with 0,0 at the page's top left, over a white page.
 * For previews; the writer stays usable. */
void             tenken_pdf_writer_render_page    (TenkenPdfWriter *self,
                                                   guint            index,
                                                   cairo_t         *cr);
/* The page size in points (A4) */
void             tenken_pdf_writer_get_page_size  (double          *width,
                                                   double          *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenkenPdfWriter, tenken_pdf_writer_free)

G_END_DECLS
