/* tenken-date-button.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-date-button"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tenken-core.h"
#include "tenken-date-button.h"

struct _TenkenDateButton
{
  GtkWidget    parent_instance;

  GtkWidget   *button;
  GtkWidget   *popover;
  GtkCalendar *calendar;
  char        *date;
  gboolean     syncing;
};

G_DEFINE_FINAL_TYPE (TenkenDateButton, tenken_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (TenkenDateButton *self)
{
  g_autofree char *text = NULL;

  if (self->date != NULL)
    text = tenken_date_format_for_display (self->date);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button), text ? text : _("None"));
}

static void
on_day_selected (TenkenDateButton *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *date = NULL;

  if (self->syncing)
    return;

  dt = gtk_calendar_get_date (self->calendar);
  date = g_date_time_format (dt, "%Y-%m-%d");
  tenken_date_button_set_date (self, date);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_clear_clicked (TenkenDateButton *self)
{
  tenken_date_button_set_date (self, NULL);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_popover_show (TenkenDateButton *self)
{
  g_autoptr(GDateTime) dt = NULL;
  guint y, m, d;

  if (self->date != NULL && sscanf (self->date, "%4u-%2u-%2u", &y, &m, &d) == 3)
    dt = g_date_time_new_local ((int) y, (int) m, (int) d, 0, 0, 0);
  if (dt == NULL)
    dt = g_date_time_new_now_local ();

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->syncing = FALSE;
}

static void
tenken_date_button_dispose (GObject *object)
{
  TenkenDateButton *self = TENKEN_DATE_BUTTON (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (tenken_date_button_parent_class)->dispose (object);
}

static void
tenken_date_button_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, TENKEN_DATE_BUTTON (object)->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_date_button_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DATE:
      tenken_date_button_set_date (TENKEN_DATE_BUTTON (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
tenken_date_button_mnemonic_activate (GtkWidget *widget,
                                      gboolean   group_cycling)
{
  return gtk_widget_mnemonic_activate (TENKEN_DATE_BUTTON (widget)->button, group_cycling);
}

static void
tenken_date_button_class_init (TenkenDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenken_date_button_dispose;
  object_class->get_property = tenken_date_button_get_property;
  object_class->set_property = tenken_date_button_set_property;
  widget_class->mnemonic_activate = tenken_date_button_mnemonic_activate;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tenken_date_button_init (TenkenDateButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear"));

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (on_clear_clicked), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_box_append (GTK_BOX (box), clear);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (on_popover_show), self);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  update_label (self);
}

GtkWidget *
tenken_date_button_new (void)
{
  return g_object_new (TENKEN_TYPE_DATE_BUTTON, NULL);
}

const char *
tenken_date_button_get_date (TenkenDateButton *self)
{
  g_return_val_if_fail (TENKEN_IS_DATE_BUTTON (self), NULL);

  return self->date;
}

void
tenken_date_button_set_date (TenkenDateButton *self,
                             const char       *date)
{
  g_return_if_fail (TENKEN_IS_DATE_BUTTON (self));

  if (date != NULL && *date == '\0')
    date = NULL;

  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}
