/* tenken-item-row.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-item-row.h"

/* The row draws its two lines itself instead of holding a dozen labels,
 * boxes and images. GtkListView (GTK 4.8) keeps 200 rows alive and
 * measures every one of them, but draws only those on screen: a row whose
 * height comes from the font alone shapes its texts only when it is drawn.
 * With widgets, opening a 1,200-item assessment spent 150 ms building,
 * styling and measuring 2,400 children (docs/PERFORMANCE.md). */

#define ICON_SIZE        16
#define LINE_SPACING      4
#define LABEL_SPACING     8
#define FIELD_SPACING    12
#define ICON_TEXT_GAP     4
#define LABEL_CHARS       8
#define TITLE_CHARS      28
#define MIN_TITLE_CHARS   4
/* libadwaita 1.2's .caption */
#define CAPTION_POINTS    9
/* libadwaita 1.2's .dim-label */
#define DIM_OPACITY      0.55f

struct _TenkenItemRow
{
  GtkWidget       parent_instance;

  TenkenResponse *response;

  char           *label;
  char           *title;
  char           *due_text;
  char           *evidence_text;
  TenkenStatus    status;
  gboolean        flagged;
  gboolean        overdue;
  guint           n_evidence;

  /* Font measures, from the style; cleared when it changes */
  int             line1_height;
  int             line2_height;
  int             char_width;

  /* Made when first drawn; cleared when their text or the style changes */
  PangoLayout    *label_layout;
  PangoLayout    *title_layout;
  PangoLayout    *status_layout;
  PangoLayout    *owner_layout;
  PangoLayout    *due_layout;
  PangoLayout    *evidence_layout;

  /* Where the flag was drawn, for its tooltip */
  graphene_rect_t flag_rect;
};

G_DEFINE_FINAL_TYPE (TenkenItemRow, tenken_item_row, GTK_TYPE_WIDGET)

const char *
tenken_status_get_style_class (TenkenStatus status)
{
  switch (status)
    {
    case TENKEN_STATUS_IMPLEMENTED:     return "success";
    case TENKEN_STATUS_PARTIAL:         return "warning";
    case TENKEN_STATUS_NOT_IMPLEMENTED: return "error";
    case TENKEN_STATUS_PLANNED:         return "accent";
    case TENKEN_STATUS_NOT_STARTED:
    case TENKEN_STATUS_NOT_APPLICABLE:
    default:                            return "dim-label";
    }
}

static void
clear_layouts (TenkenItemRow *self)
{
  g_clear_object (&self->label_layout);
  g_clear_object (&self->title_layout);
  g_clear_object (&self->status_layout);
  g_clear_object (&self->owner_layout);
  g_clear_object (&self->due_layout);
  g_clear_object (&self->evidence_layout);
}

static PangoLayout *
new_layout (TenkenItemRow *self,
            const char    *text,
            gboolean       caption,
            gboolean       bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (caption)
    {
      GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
      int xft_dpi = -1;
      double dpi;

      /* As CSS turns points into pixels: at the text scaling's resolution */
      g_object_get (settings, "gtk-xft-dpi", &xft_dpi, NULL);
      dpi = xft_dpi > 0 ? xft_dpi / 1024.0 : 96.0;
      pango_attr_list_insert (attrs, pango_attr_size_new_absolute (CAPTION_POINTS * dpi / 72.0 * PANGO_SCALE));
    }
  if (bold)
    {
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      /* .numeric: labels and dates line up */
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  return layout;
}

/* Line heights and the average character width, from one short sample per
 * style change rather than from the row's texts */
static void
ensure_metrics (TenkenItemRow *self)
{
  g_autoptr(PangoLayout) body = NULL;
  g_autoptr(PangoLayout) caption = NULL;
  PangoRectangle logical;

  if (self->line1_height > 0)
    return;

  body = new_layout (self, "abcdefghijklmnopqrstuvwxyzAgy点検", FALSE, TRUE);
  pango_layout_get_pixel_extents (body, NULL, &logical);
  self->line1_height = MAX (logical.height, ICON_SIZE);
  pango_layout_set_text (body, "abcdefghijklmnopqrstuvwxyz", -1);
  pango_layout_get_pixel_extents (body, NULL, &logical);
  self->char_width = MAX (1, (logical.width + 25) / 26);

  caption = new_layout (self, "Agy点検", TRUE, FALSE);
  pango_layout_get_pixel_extents (caption, NULL, &logical);
  self->line2_height = MAX (logical.height, ICON_SIZE);
}

static void
update (TenkenItemRow *self)
{
  TenkenResponse *r = self->response;
  TenkenCatalogNode *node;
  const char *owner, *due;
  g_autofree char *today = NULL;
  gboolean is_target;
  GString *a11y;

  clear_layouts (self);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->due_text, g_free);
  g_clear_pointer (&self->evidence_text, g_free);

  if (r == NULL)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  node = TENKEN_CATALOG_NODE (tenken_response_get_item (r));
  self->label = g_strdup (tenken_catalog_node_get_label (node));
  self->title = g_strdup (tenken_catalog_node_get_title (node));
  self->status = tenken_response_get_status (r);
  self->flagged = tenken_response_get_flagged (r);
  self->n_evidence = tenken_response_get_evidence_count (r);
  owner = tenken_response_get_owner (r);
  today = tenken_date_today ();
  due = tenken_response_get_next_date (r, today, &is_target, &self->overdue);

  if (due != NULL && *due != '\0')
    {
      g_autofree char *date = tenken_date_format_for_display (due);

      /* Translators: "Due 2026-03-31" (a date in the locale's format) */
      if (self->overdue)
        self->due_text = g_strdup_printf (_("Overdue %s"), date);
      /* Translators: "Target 2026-03-31", when a planned item is to be met */
      else if (is_target)
        self->due_text = g_strdup_printf (_("Target %s"), date);
      else
        self->due_text = g_strdup_printf (_("Due %s"), date);
    }
  if (self->n_evidence > 0)
    self->evidence_text = g_strdup_printf ("%u", self->n_evidence);

  /* One sentence for screen readers: the status as words, never an icon */
  a11y = g_string_new (NULL);
  g_string_append_printf (a11y, "%s %s, %s", self->label ? self->label : "",
                          self->title ? self->title : "",
                          tenken_status_get_display_name (self->status));
  if (owner != NULL && *owner != '\0')
    g_string_append_printf (a11y, ", %s", owner);
  if (self->due_text != NULL)
    g_string_append_printf (a11y, ", %s", self->due_text);
  if (self->n_evidence > 0)
    {
      g_string_append (a11y, ", ");
      g_string_append_printf (a11y, ngettext ("%u evidence item", "%u evidence items", self->n_evidence),
                              self->n_evidence);
    }
  if (self->flagged)
    g_string_append_printf (a11y, ", %s", _("flagged for review"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y->str, -1);
  g_string_free (a11y, TRUE);

  /* The height never depends on the texts: no resize, only a redraw */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ensure_layouts (TenkenItemRow *self)
{
  const char *owner;

  if (self->label_layout != NULL || self->response == NULL)
    return;

  owner = tenken_response_get_owner (self->response);
  self->label_layout = new_layout (self, self->label ? self->label : "", FALSE, TRUE);
  self->title_layout = new_layout (self, self->title ? self->title : "", FALSE, FALSE);
  self->status_layout = new_layout (self, tenken_status_get_display_name (self->status), TRUE, FALSE);
  self->owner_layout = new_layout (self, owner ? owner : "", TRUE, FALSE);
  if (self->due_text != NULL)
    self->due_layout = new_layout (self, self->due_text, TRUE, FALSE);
  if (self->evidence_text != NULL)
    self->evidence_layout = new_layout (self, self->evidence_text, TRUE, FALSE);
}

static int
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           int            x,
           int            y,
           int            width,
           int            line_height,
           const GdkRGBA *color)
{
  int height;

  if (width <= 0)
    return;
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y + (line_height - height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_icon (TenkenItemRow *self,
           GtkSnapshot   *snapshot,
           const char    *icon_name,
           int            x,
           int            y,
           int            line_height,
           const GdkRGBA  colors[4])
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GtkIconPaintable) icon = NULL;

  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, ICON_SIZE,
                                     gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                     gtk_widget_get_direction (GTK_WIDGET (self)), 0);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y + (line_height - ICON_SIZE) / 2));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            ICON_SIZE, ICON_SIZE, colors, 4);
  gtk_snapshot_restore (snapshot);
}

static GdkRGBA
named_color (GtkStyleContext *context,
             const char      *name,
             const GdkRGBA   *fallback)
{
  GdkRGBA color;

  if (!gtk_style_context_lookup_color (context, name, &color))
    color = *fallback;
  return color;
}

static GdkRGBA
dimmed (const GdkRGBA *color)
{
  GdkRGBA dim = *color;

  dim.alpha *= DIM_OPACITY;
  return dim;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
tenken_item_row_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  TenkenItemRow *self = TENKEN_ITEM_ROW (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg, dim, status_color, due_color;
  GdkRGBA colors[4];
  int x, right, y2, label_w, title_w, status_w;

  if (self->response == NULL || width <= 0)
    return;

  ensure_metrics (self);
  ensure_layouts (self);

  gtk_style_context_get_color (context, &fg);
  dim = dimmed (&fg);
  colors[1] = named_color (context, "error_color", &fg);
  colors[2] = named_color (context, "warning_color", &fg);
  colors[3] = named_color (context, "success_color", &fg);
  switch (self->status)
    {
    case TENKEN_STATUS_IMPLEMENTED:     status_color = colors[3]; break;
    case TENKEN_STATUS_PARTIAL:         status_color = colors[2]; break;
    case TENKEN_STATUS_NOT_IMPLEMENTED: status_color = colors[1]; break;
    case TENKEN_STATUS_PLANNED:         status_color = named_color (context, "accent_color", &fg); break;
    case TENKEN_STATUS_NOT_STARTED:
    case TENKEN_STATUS_NOT_APPLICABLE:
    default:                            status_color = dim; break;
    }

  /* Line 1: label, title, flag */
  right = width;
  self->flag_rect = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  if (self->flagged)
    {
      right -= ICON_SIZE;
      colors[0] = colors[2];
      draw_icon (self, snapshot, "emoji-flags-symbolic", right, 0, self->line1_height, colors);
      self->flag_rect = GRAPHENE_RECT_INIT (right, 0, ICON_SIZE, self->line1_height);
      right -= LABEL_SPACING;
    }
  label_w = MAX (layout_width (self->label_layout), LABEL_CHARS * self->char_width);
  label_w = MIN (label_w, MAX (0, right - LABEL_SPACING - MIN_TITLE_CHARS * self->char_width));
  draw_text (snapshot, self->label_layout, 0, 0, label_w, self->line1_height, &fg);
  x = label_w + LABEL_SPACING;
  title_w = right - x;
  draw_text (snapshot, self->title_layout, x, 0, title_w, self->line1_height, &fg);

  /* Line 2: status, owner, due date, evidence count; the owner gives way */
  y2 = self->line1_height + LINE_SPACING;
  colors[0] = status_color;
  draw_icon (self, snapshot, tenken_status_get_icon_name (self->status), 0, y2, self->line2_height, colors);
  x = ICON_SIZE + ICON_TEXT_GAP;
  right = width;
  if (self->evidence_layout != NULL)
    {
      int w = layout_width (self->evidence_layout);

      right -= w;
      draw_text (snapshot, self->evidence_layout, right, y2, w, self->line2_height, &dim);
      right -= ICON_SIZE + 2;
      colors[0] = dim;
      draw_icon (self, snapshot, "mail-attachment-symbolic", right, y2, self->line2_height, colors);
      right -= FIELD_SPACING;
    }
  status_w = MIN (layout_width (self->status_layout), MAX (0, right - x));
  if (self->due_layout != NULL)
    {
      int w = layout_width (self->due_layout);

      /* The status is never hidden by the date */
      w = MIN (w, MAX (0, right - x - status_w - FIELD_SPACING));
      right -= w;
      due_color = self->overdue ? colors[2] : dim;
      draw_text (snapshot, self->due_layout, right, y2, w, self->line2_height, &due_color);
      right -= FIELD_SPACING;
    }
  draw_text (snapshot, self->status_layout, x, y2, MIN (status_w, right - x), self->line2_height,
             &status_color);
  x += status_w + FIELD_SPACING;
  /* A lone "…" says nothing: without room for a few characters the owner
   * is left out (the row's accessible label still names them) */
  if (right - x >= 3 * self->char_width)
    draw_text (snapshot, self->owner_layout, x, y2, MIN (right - x, 14 * self->char_width),
               self->line2_height, &dim);
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
tenken_item_row_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  TenkenItemRow *self = TENKEN_ITEM_ROW (widget);

  ensure_metrics (self);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = self->line1_height + LINE_SPACING + self->line2_height;
    }
  else
    {
      /* As the labels were: the label column and a short title at least,
       * about 28 characters of title beside the detail */
      *minimum = (LABEL_CHARS + MIN_TITLE_CHARS) * self->char_width + LABEL_SPACING;
      *natural = (LABEL_CHARS + TITLE_CHARS) * self->char_width + LABEL_SPACING;
    }
}

static void
tenken_item_row_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  TenkenItemRow *self = TENKEN_ITEM_ROW (widget);

  GTK_WIDGET_CLASS (tenken_item_row_parent_class)->css_changed (widget, change);

  /* A new font or text size; colours are read at every draw */
  self->line1_height = 0;
  clear_layouts (self);
  gtk_widget_queue_resize (widget);
}

static void
tenken_item_row_system_setting_changed (GtkWidget        *widget,
                                        GtkSystemSetting  setting)
{
  TenkenItemRow *self = TENKEN_ITEM_ROW (widget);

  GTK_WIDGET_CLASS (tenken_item_row_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_DPI || setting == GTK_SYSTEM_SETTING_FONT_NAME ||
      setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    {
      self->line1_height = 0;
      clear_layouts (self);
      gtk_widget_queue_resize (widget);
    }
}

static void
tenken_item_row_direction_changed (GtkWidget        *widget,
                                   GtkTextDirection  previous)
{
  clear_layouts (TENKEN_ITEM_ROW (widget));
  gtk_widget_queue_draw (widget);
}

static gboolean
tenken_item_row_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  TenkenItemRow *self = TENKEN_ITEM_ROW (widget);

  if (self->response == NULL)
    return FALSE;

  if (self->flagged && graphene_rect_contains_point (&self->flag_rect, &GRAPHENE_POINT_INIT (x, y)))
    {
      gtk_tooltip_set_text (tooltip, _("Flagged for review"));
      return TRUE;
    }

  /* The whole title, when the row had to shorten it */
  if (self->title_layout != NULL && pango_layout_is_ellipsized (self->title_layout) &&
      y < self->line1_height)
    {
      gtk_tooltip_set_text (tooltip, self->title);
      return TRUE;
    }

  return FALSE;
}

static void
tenken_item_row_dispose (GObject *object)
{
  TenkenItemRow *self = TENKEN_ITEM_ROW (object);

  tenken_item_row_set_response (self, NULL);
  clear_layouts (self);

  G_OBJECT_CLASS (tenken_item_row_parent_class)->dispose (object);
}

static void
tenken_item_row_finalize (GObject *object)
{
  TenkenItemRow *self = TENKEN_ITEM_ROW (object);

  g_free (self->label);
  g_free (self->title);
  g_free (self->due_text);
  g_free (self->evidence_text);

  G_OBJECT_CLASS (tenken_item_row_parent_class)->finalize (object);
}

static void
tenken_item_row_class_init (TenkenItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenken_item_row_dispose;
  object_class->finalize = tenken_item_row_finalize;

  widget_class->snapshot = tenken_item_row_snapshot;
  widget_class->measure = tenken_item_row_measure;
  widget_class->css_changed = tenken_item_row_css_changed;
  widget_class->system_setting_changed = tenken_item_row_system_setting_changed;
  widget_class->direction_changed = tenken_item_row_direction_changed;
  widget_class->query_tooltip = tenken_item_row_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "tenken-item-row");
}

static void
tenken_item_row_init (TenkenItemRow *self)
{
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 6);
  /* Before the row is shown: no pointer query when it is set */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
tenken_item_row_new (void)
{
  return g_object_new (TENKEN_TYPE_ITEM_ROW, NULL);
}

TenkenResponse *
tenken_item_row_get_response (TenkenItemRow *self)
{
  g_return_val_if_fail (TENKEN_IS_ITEM_ROW (self), NULL);

  return self->response;
}

void
tenken_item_row_set_response (TenkenItemRow  *self,
                              TenkenResponse *response)
{
  g_return_if_fail (TENKEN_IS_ITEM_ROW (self));

  if (self->response == response)
    return;

  if (self->response != NULL)
    g_signal_handlers_disconnect_by_func (self->response, update, self);

  g_set_object (&self->response, response);

  if (response != NULL)
    g_signal_connect_object (response, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}
