/* tenken-date-row.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-date-row"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "tenken-core.h"
#include "tenken-date-row.h"

struct _TenkenDateRow
{
  AdwActionRow    parent_instance;

  char           *date;

  GtkLabel       *date_label;
  GtkButton      *clear_button;
  GtkMenuButton  *menu_button;
  GtkPopover     *popover;
  GtkCalendar    *calendar;

  /* Set while we move the calendar ourselves, so it is not taken as a choice */
  gboolean        updating_calendar;
  /* The month shown: GtkCalendar also emits day-selected when the user
   * turns the month, which must not close the popover. */
  int             shown_year;
  int             shown_month;
};

G_DEFINE_FINAL_TYPE (TenkenDateRow, tenken_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tenken_date_row_update (TenkenDateRow *self)
{
  if (self->date != NULL)
    {
      g_autofree char *text = tenken_date_format_for_display (self->date);

      gtk_label_set_label (self->date_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->date_label, _("Not set"));
      gtk_widget_add_css_class (GTK_WIDGET (self->date_label), "dim-label");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), self->date != NULL);
}

static void
on_popover_show (TenkenDateRow *self)
{
  g_autoptr(GDateTime) when = NULL;

  if (self->date != NULL)
    {
      int y, m, d;

      if (sscanf (self->date, "%4d-%2d-%2d", &y, &m, &d) == 3)
        when = g_date_time_new_local (y, m, d, 0, 0, 0);
    }

  if (when == NULL)
    when = g_date_time_new_now_local ();

  self->updating_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, when);
  self->updating_calendar = FALSE;

  self->shown_year = g_date_time_get_year (when);
  self->shown_month = g_date_time_get_month (when);
}

static void
on_day_selected (TenkenDateRow *self)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;

  if (self->updating_calendar)
    return;

  when = gtk_calendar_get_date (self->calendar);
  if (g_date_time_get_year (when) != self->shown_year ||
      g_date_time_get_month (when) != self->shown_month)
    {
      self->shown_year = g_date_time_get_year (when);
      self->shown_month = g_date_time_get_month (when);
      return;
    }

  date = g_date_time_format (when, "%Y-%m-%d");
  tenken_date_row_set_date (self, date);
  gtk_popover_popdown (self->popover);
}

static void
on_clear_clicked (TenkenDateRow *self)
{
  tenken_date_row_set_date (self, NULL);
}

static void
tenken_date_row_finalize (GObject *object)
{
  TenkenDateRow *self = TENKEN_DATE_ROW (object);

  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (tenken_date_row_parent_class)->finalize (object);
}

static void
tenken_date_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TenkenDateRow *self = TENKEN_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_date_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TenkenDateRow *self = TENKEN_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      tenken_date_row_set_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_date_row_class_init (TenkenDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tenken_date_row_finalize;
  object_class->get_property = tenken_date_row_get_property;
  object_class->set_property = tenken_date_row_set_property;

  /**
   * TenkenDateRow:date:
   *
   * The chosen date as "YYYY-MM-DD", or %NULL when none is set.
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/tenken-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TenkenDateRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, TenkenDateRow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, TenkenDateRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TenkenDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, TenkenDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
}

static void
tenken_date_row_init (TenkenDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tenken_date_row_update (self);
}

GtkWidget *
tenken_date_row_new (void)
{
  return g_object_new (TENKEN_TYPE_DATE_ROW, NULL);
}

const char *
tenken_date_row_get_date (TenkenDateRow *self)
{
  g_return_val_if_fail (TENKEN_IS_DATE_ROW (self), NULL);

  return self->date;
}

void
tenken_date_row_set_date (TenkenDateRow *self,
                          const char    *date)
{
  g_return_if_fail (TENKEN_IS_DATE_ROW (self));
  g_return_if_fail (date == NULL || tenken_date_is_valid (date));

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  tenken_date_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}
