/* tenken-dashboard.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-analysis.h"
#include "tenken-chart.h"
#include "tenken-dashboard.h"

struct _TenkenDashboard
{
  GtkWidget             parent_instance;

  TenkenDocument       *document;
  TenkenRoles           roles;
  TenkenAnalysis       *analysis;
  TenkenChartSeries    *series;
  guint                 refresh_id;
  guint                 resize_id;

  /* The status rows' count labels, indexed by TenkenStatus */
  GtkLabel             *count_labels[TENKEN_N_STATUSES];

  /* The template's root child: bound so that dispose_template unparents it */
  GtkScrolledWindow    *scroller;
  GtkLabel             *percent_label;
  GtkLevelBar          *level_bar;
  GtkLabel             *done_label;
  AdwPreferencesGroup  *status_group;
  GtkDrawingArea       *bars_area;
  GtkDrawingArea       *radar_area;
  AdwPreferencesGroup  *overdue_group;
  GtkStack             *overdue_stack;
  GtkListView          *overdue_list;
  AdwPreferencesGroup  *upcoming_group;
  GtkStack             *upcoming_stack;
  GtkListView          *upcoming_list;
  GtkLabel             *upcoming_empty_label;
};

G_DEFINE_FINAL_TYPE (TenkenDashboard, tenken_dashboard, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ROLES,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --- charts --- */

static void
chart_style_for (GtkWidget        *area,
                 TenkenChartStyle *style)
{
  PangoContext *context = gtk_widget_get_pango_context (area);

  tenken_chart_style_init (style);
  style->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  style->context = context;
  style->font = pango_context_get_font_description (context);
}

static void
draw_bars (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  TenkenDashboard *self = user_data;
  TenkenChartStyle style;

  if (self->series == NULL)
    return;

  chart_style_for (GTK_WIDGET (area), &style);
  tenken_chart_draw_bars (cr, width, height, self->series, &style);
}

static void
draw_radar (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  TenkenDashboard *self = user_data;
  TenkenChartStyle style;

  if (self->series == NULL)
    return;

  chart_style_for (GTK_WIDGET (area), &style);
  tenken_chart_draw_radar (cr, width, height, self->series, &style);
}

/* The bar chart is as tall as its rows and legend need at its width */
static void
update_chart_sizes (TenkenDashboard *self,
                    int              width)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  TenkenChartStyle style;
  int height;

  if (width <= 0 || self->series == NULL)
    return;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  chart_style_for (GTK_WIDGET (self->bars_area), &style);
  height = (int) tenken_chart_measure_bars (cr, width, self->series, &style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (gtk_drawing_area_get_content_height (self->bars_area) != height)
    gtk_drawing_area_set_content_height (self->bars_area, height);

  /* A radar wants to be about as tall as it is wide, within reason */
  height = CLAMP (width * 3 / 4, 300, 480);
  if (gtk_drawing_area_get_content_height (self->radar_area) != height)
    gtk_drawing_area_set_content_height (self->radar_area, height);
}

static gboolean
resize_idle (gpointer user_data)
{
  TenkenDashboard *self = user_data;

  self->resize_id = 0;
  update_chart_sizes (self, gtk_widget_get_width (GTK_WIDGET (self->bars_area)));

  return G_SOURCE_REMOVE;
}

/* The height follows the width, which is only known once allocated; a
 * resize queued during allocation is dropped, so it waits for an idle */
static void
on_bars_resize (TenkenDashboard *self,
                int              width,
                int              height)
{
  if (self->resize_id == 0)
    self->resize_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, resize_idle, self, NULL);
}

/* Full label and every count of the row under the pointer: the chart
 * ellipsizes long titles and leaves out counts that do not fit */
static gboolean
on_bars_query_tooltip (TenkenDashboard *self,
                       int              x,
                       int              y,
                       gboolean         keyboard,
                       GtkTooltip      *tooltip)
{
  g_autoptr(GString) markup = NULL;
  g_autofree char *heading = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  TenkenChartStyle style;
  const char *title;
  int row;

  if (keyboard || self->series == NULL)
    return FALSE;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  chart_style_for (GTK_WIDGET (self->bars_area), &style);
  row = tenken_chart_bars_row_at (cr, gtk_widget_get_width (GTK_WIDGET (self->bars_area)),
                                  self->series, &style, y);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (row < 0)
    return FALSE;

  title = tenken_chart_series_get_title (self->series, row);
  heading = g_markup_printf_escaped ("<b>%s</b> %s",
                                     tenken_chart_series_get_label (self->series, row),
                                     title != NULL ? title : "");
  markup = g_string_new (heading);

  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    {
      TenkenStatus status = tenken_chart_status_order[i];
      guint count = tenken_chart_series_get_count (self->series, row, status);
      g_autofree char *line = NULL;

      if (count == 0)
        continue;

      /* Translators: a status and how many items have it, "Implemented: 12" */
      line = g_markup_printf_escaped (_("%s: %u"), tenken_status_get_display_name (status), count);
      g_string_append_c (markup, '\n');
      g_string_append (markup, line);
    }

  gtk_tooltip_set_markup (tooltip, markup->str);
  return TRUE;
}

static void
queue_chart_draw (TenkenDashboard *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->bars_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->radar_area));
}

/* Screen readers get the numbers the charts show, one line per category */
static void
update_chart_descriptions (TenkenDashboard *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = tenken_chart_series_get_n_categories (self->series);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *percent = tenken_chart_format_percent (tenken_chart_series_get_done (self->series, i),
                                                              tenken_chart_series_get_total (self->series, i));

      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: category label, title, items done, items in total, percent done */
      g_string_append_printf (text, _("%s %s: %u of %u done (%s)"),
                              tenken_chart_series_get_label (self->series, i),
                              tenken_chart_series_get_title (self->series, i) ?: "",
                              tenken_chart_series_get_done (self->series, i),
                              tenken_chart_series_get_total (self->series, i),
                              percent);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bars_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Items per status in each category"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->radar_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Percent done in each category"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

/* --- due date lists --- */

static GtkWidget *
due_row_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (gtk_widget_get_last_child (box)),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  return box;
}

static void
due_row_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, due_row_new ());
}

static void
due_row_fill (GtkWidget      *box,
              TenkenDueEntry *entry)
{
  TenkenResponse *response = tenken_due_entry_get_response (entry);
  TenkenCatalogNode *node = TENKEN_CATALOG_NODE (tenken_response_get_item (response));
  TenkenStatus status = tenken_response_get_status (response);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *labels = gtk_widget_get_next_sibling (icon);
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *markup = NULL;
  g_autofree char *when = tenken_due_entry_describe (entry);
  g_autofree char *date = tenken_date_format_for_display (tenken_due_entry_get_date (entry));
  g_autofree char *details = NULL;

  markup = g_markup_printf_escaped ("<b>%s</b>  %s",
                                    tenken_catalog_node_get_label (node),
                                    tenken_catalog_node_get_title (node));
  gtk_label_set_markup (GTK_LABEL (title), markup);

  /* Translators: "3 days overdue · 2026-11-19 · Partially implemented" */
  details = g_strdup_printf (_("%s · %s · %s"), when, date, tenken_status_get_display_name (status));
  gtk_label_set_label (GTK_LABEL (subtitle), details);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), tenken_status_get_icon_name (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tenken_status_get_display_name (status),
                                  -1);
}

static void
due_row_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  due_row_fill (gtk_list_item_get_child (list_item), gtk_list_item_get_item (list_item));
}

static void
on_due_list_activate (GtkListView     *list_view,
                      guint            position,
                      TenkenDashboard *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(TenkenDueEntry) entry = g_list_model_get_item (model, position);
  const char *item_id;

  if (entry == NULL)
    return;

  item_id = tenken_due_entry_get_item_id (entry);
  if (item_id != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item_id);
}

/* A list view asks for the height of the rows it has made so far, which is
 * one at first: give its scrolled window room for a few rows up front,
 * measured on rows made as the factory makes them, from the entries shown
 * first (Japanese text has taller lines than Latin) */
#define DUE_ROWS_VISIBLE 6

static int
due_row_height (GListModel *entries)
{
  guint n = MIN (g_list_model_get_n_items (entries), DUE_ROWS_VISIBLE);
  int height = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenDueEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(GtkWidget) row = g_object_ref_sink (due_row_new ());
      int row_height;

      due_row_fill (row, entry);
      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, -1, NULL, &row_height, NULL, NULL);
      height = MAX (height, row_height);
    }

  return height;
}

static void
set_due_model (GtkListView *list_view,
               GtkStack    *stack,
               GListModel  *entries)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (list_view), GTK_TYPE_SCROLLED_WINDOW);
  guint n = entries != NULL ? g_list_model_get_n_items (entries) : 0;
  int row_height, height;

  if (entries != NULL)
    selection = gtk_no_selection_new (g_object_ref (entries));

  /* .navigation-sidebar adds 6 px above and below the list and 2 px below
   * each row; half a row more shows there is more to scroll to */
  row_height = (n > 0 ? due_row_height (entries) : 0) + 2;
  height = MIN (n, DUE_ROWS_VISIBLE) * row_height + 12;
  if (n > DUE_ROWS_VISIBLE)
    height += row_height / 2;
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), height);

  gtk_list_view_set_model (list_view, GTK_SELECTION_MODEL (selection));
  gtk_stack_set_visible_child_name (stack, n > 0 ? "list" : "empty");
}

/* --- refresh --- */

static void
update_status_rows (TenkenDashboard *self)
{
  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    {
      guint count = self->analysis != NULL ? tenken_analysis_get_count (self->analysis, i) : 0;
      g_autofree char *text = g_strdup_printf ("%u", count);

      gtk_label_set_label (self->count_labels[i], text);
    }
}

static void
update_progress (TenkenDashboard *self)
{
  guint done = 0, total = 0;
  g_autofree char *percent = NULL;
  g_autofree char *done_text = NULL;

  if (self->analysis != NULL)
    {
      done = tenken_analysis_get_done (self->analysis);
      total = tenken_analysis_get_total (self->analysis);
    }

  percent = tenken_chart_format_percent (done, total);
  gtk_label_set_label (self->percent_label, percent);
  gtk_level_bar_set_value (self->level_bar, total > 0 ? (double) done / total : 0.0);

  /* Translators: "12 of 69 items done"; done means implemented or not applicable */
  done_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u item done",
                                            "%u of %u items done", total),
                               done, total);
  gtk_label_set_label (self->done_label, done_text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, done_text,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, percent,
                                  -1);
}

static void
update_due_groups (TenkenDashboard *self)
{
  GListModel *overdue = self->analysis ? tenken_analysis_get_overdue (self->analysis) : NULL;
  GListModel *upcoming = self->analysis ? tenken_analysis_get_upcoming (self->analysis) : NULL;
  guint n_overdue = overdue ? g_list_model_get_n_items (overdue) : 0;
  guint n_upcoming = upcoming ? g_list_model_get_n_items (upcoming) : 0;
  guint days = self->analysis ? tenken_analysis_get_upcoming_days (self->analysis)
                              : TENKEN_ANALYSIS_DEFAULT_UPCOMING_DAYS;
  g_autofree char *overdue_text = NULL;
  g_autofree char *upcoming_text = NULL;
  g_autofree char *upcoming_empty = NULL;

  set_due_model (self->overdue_list, self->overdue_stack, overdue);
  set_due_model (self->upcoming_list, self->upcoming_stack, upcoming);

  if (n_overdue > 0)
    overdue_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u item not done by its due or target date",
                                                 "%u items not done by their due or target date",
                                                 n_overdue),
                                    n_overdue);
  adw_preferences_group_set_description (self->overdue_group, overdue_text);

  if (n_upcoming > 0)
    upcoming_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u item due in the next %u days",
                                                  "%u items due in the next %u days",
                                                  n_upcoming),
                                     n_upcoming, days);
  adw_preferences_group_set_description (self->upcoming_group, upcoming_text);

  upcoming_empty = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Nothing due in the next %u day",
                                                 "Nothing due in the next %u days",
                                                 days),
                                    days);
  gtk_label_set_label (self->upcoming_empty_label, upcoming_empty);
}

static void
tenken_dashboard_refresh (TenkenDashboard *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->analysis);
  g_clear_pointer (&self->series, tenken_chart_series_unref);

  if (self->document != NULL)
    self->analysis = tenken_analysis_new (self->document, self->roles, NULL);

  if (self->analysis != NULL)
    self->series = tenken_chart_series_new_from_analysis (self->analysis);
  else
    self->series = tenken_chart_series_new ();

  update_progress (self);
  update_status_rows (self);
  update_due_groups (self);
  update_chart_descriptions (self);
  update_chart_sizes (self, gtk_widget_get_width (GTK_WIDGET (self->bars_area)));
  queue_chart_draw (self);
}

static gboolean
refresh_idle (gpointer user_data)
{
  TenkenDashboard *self = user_data;

  self->refresh_id = 0;
  tenken_dashboard_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Edits come one at a time but can come in bursts (undo of a bulk change):
 * recompute once per main loop iteration */
static void
on_document_changed (TenkenDashboard *self,
                     const char      *item_id)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle, self, NULL);
}

/* --- status rows --- */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  TenkenStatus status = GPOINTER_TO_UINT (user_data);
  double rgb[3];

  tenken_chart_get_status_color (status, adw_style_manager_get_dark (adw_style_manager_get_default ()), rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
add_status_rows (TenkenDashboard *self)
{
  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    {
      TenkenStatus status = tenken_chart_status_order[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (tenken_status_get_icon_name (status));
      GtkWidget *swatch = gtk_drawing_area_new ();
      GtkWidget *count = gtk_label_new ("0");

      /* The row's title names the status; the icon would only repeat it */
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tenken_status_get_display_name (status));

      /* The swatch ties the row to the charts' colours; icon and name say
       * the same without colour */
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                      GUINT_TO_POINTER (status), NULL);
      gtk_accessible_update_state (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                               G_CALLBACK (gtk_widget_queue_draw), swatch, G_CONNECT_SWAPPED);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);

      gtk_widget_add_css_class (count, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);

      adw_preferences_group_add (self->status_group, row);
      self->count_labels[status] = GTK_LABEL (count);
    }
}

/* --- GObject --- */

static void
tenken_dashboard_dispose (GObject *object)
{
  TenkenDashboard *self = TENKEN_DASHBOARD (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->resize_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TENKEN_TYPE_DASHBOARD);
  g_clear_object (&self->document);
  g_clear_object (&self->analysis);
  g_clear_pointer (&self->series, tenken_chart_series_unref);

  G_OBJECT_CLASS (tenken_dashboard_parent_class)->dispose (object);
}

static void
tenken_dashboard_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TenkenDashboard *self = TENKEN_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ROLES:
      g_value_set_flags (value, self->roles);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_dashboard_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TenkenDashboard *self = TENKEN_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tenken_dashboard_set_document (self, g_value_get_object (value));
      break;

    case PROP_ROLES:
      tenken_dashboard_set_roles (self, g_value_get_flags (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_dashboard_class_init (TenkenDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenken_dashboard_dispose;
  object_class->get_property = tenken_dashboard_get_property;
  object_class->set_property = tenken_dashboard_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TENKEN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ROLES] =
    g_param_spec_flags ("roles", NULL, NULL,
                        TENKEN_TYPE_ROLES, TENKEN_ROLE_NONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TenkenDashboard::item-activated:
   * @self: the dashboard
   * @item_id: the catalog item's id
   *
   * The user chose an item in the overdue or upcoming list; the document
   * view shows it in the checklist.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/tenken-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, TenkenDashboard, scroller);
  gtk_widget_class_bind_template_child (widget_class, TenkenDashboard, percent_label);
  gtk_widget_class_bind_template_child (widget_class, TenkenDashboard, level_bar);
  gtk_widget_class_bind_template_child (widget_class, TenkenDashboard, done_label);
  gtk_widget_class_bind_template_child (widget_class, TenkenDashboard, status_group);
  gtk_widget_class_bind_template_child (widget_class, TenkenDashboard, bars_area);
  gtk_widget_class_bind_template_child (widget_class, TenkenDashboard, radar_area);
  gtk_widget_class_bind_template_child (widget_class, TenkenDashboard, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, TenkenDashboard, overdue_stack);
  gtk_widget_class_bind_template_child (widget_class, TenkenDashboard, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, TenkenDashboard, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, TenkenDashboard, upcoming_stack);
  gtk_widget_class_bind_template_child (widget_class, TenkenDashboard, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, TenkenDashboard, upcoming_empty_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tenken_dashboard_init (TenkenDashboard *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The level bar shows progress, not a level: no low/high colours */
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_FULL);

  add_status_rows (self);

  gtk_drawing_area_set_draw_func (self->bars_area, draw_bars, self, NULL);
  gtk_drawing_area_set_draw_func (self->radar_area, draw_radar, self, NULL);
  g_signal_connect_swapped (self->bars_area, "resize", G_CALLBACK (on_bars_resize), self);
  g_signal_connect_swapped (self->bars_area, "query-tooltip", G_CALLBACK (on_bars_query_tooltip), self);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->bars_area), TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (due_row_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (due_row_bind), NULL);
  gtk_list_view_set_factory (self->overdue_list, factory);
  gtk_list_view_set_factory (self->upcoming_list, factory);
  g_object_unref (factory);

  g_signal_connect (self->overdue_list, "activate", G_CALLBACK (on_due_list_activate), self);
  g_signal_connect (self->upcoming_list, "activate", G_CALLBACK (on_due_list_activate), self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (queue_chart_draw), self, G_CONNECT_SWAPPED);

  tenken_dashboard_refresh (self);
}

GtkWidget *
tenken_dashboard_new (void)
{
  return g_object_new (TENKEN_TYPE_DASHBOARD, NULL);
}

TenkenDocument *
tenken_dashboard_get_document (TenkenDashboard *self)
{
  g_return_val_if_fail (TENKEN_IS_DASHBOARD (self), NULL);

  return self->document;
}

void
tenken_dashboard_set_document (TenkenDashboard *self,
                               TenkenDocument  *document)
{
  g_return_if_fail (TENKEN_IS_DASHBOARD (self));
  g_return_if_fail (document == NULL || TENKEN_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);

  g_set_object (&self->document, document);

  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed),
                             self, G_CONNECT_SWAPPED);

  tenken_dashboard_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

TenkenRoles
tenken_dashboard_get_roles (TenkenDashboard *self)
{
  g_return_val_if_fail (TENKEN_IS_DASHBOARD (self), TENKEN_ROLE_NONE);

  return self->roles;
}

void
tenken_dashboard_set_roles (TenkenDashboard *self,
                            TenkenRoles      roles)
{
  g_return_if_fail (TENKEN_IS_DASHBOARD (self));

  if (self->roles == roles)
    return;

  self->roles = roles;
  tenken_dashboard_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLES]);
}
