/* tenken-item-row.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-item-row.h"

struct _TenkenItemRow
{
  GtkWidget       parent_instance;

  GtkWidget      *label_label;
  GtkWidget      *title_label;
  GtkWidget      *flag_icon;
  GtkWidget      *status_box;
  GtkWidget      *status_icon;
  GtkWidget      *status_label;
  GtkWidget      *owner_label;
  GtkWidget      *due_label;
  GtkWidget      *evidence_box;
  GtkWidget      *evidence_label;

  TenkenResponse *response;
  const char     *status_class;
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
update (TenkenItemRow *self)
{
  TenkenResponse *r = self->response;
  TenkenCatalogNode *node;
  TenkenStatus status;
  const char *owner, *due;
  guint n_evidence;
  gboolean overdue;
  g_autofree char *today = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *evidence_text = NULL;
  g_autofree char *description = NULL;
  GString *a11y;

  if (r == NULL)
    return;

  node = TENKEN_CATALOG_NODE (tenken_response_get_item (r));
  status = tenken_response_get_status (r);
  owner = tenken_response_get_owner (r);
  due = tenken_response_get_due_date (r);
  if (status == TENKEN_STATUS_PLANNED && tenken_response_get_target_date (r) != NULL)
    due = tenken_response_get_target_date (r);
  n_evidence = tenken_response_get_evidence_count (r);
  today = tenken_date_today ();
  overdue = tenken_response_is_overdue (r, today);

  gtk_label_set_label (GTK_LABEL (self->label_label), tenken_catalog_node_get_label (node));
  gtk_label_set_label (GTK_LABEL (self->title_label), tenken_catalog_node_get_title (node));
  gtk_widget_set_visible (self->flag_icon, tenken_response_get_flagged (r));

  gtk_image_set_from_icon_name (GTK_IMAGE (self->status_icon), tenken_status_get_icon_name (status));
  gtk_label_set_label (GTK_LABEL (self->status_label), tenken_status_get_display_name (status));
  if (self->status_class != NULL)
    gtk_widget_remove_css_class (self->status_box, self->status_class);
  self->status_class = tenken_status_get_style_class (status);
  gtk_widget_add_css_class (self->status_box, self->status_class);

  gtk_label_set_label (GTK_LABEL (self->owner_label), owner ? owner : "");

  if (due != NULL && *due != '\0')
    {
      g_autofree char *date = tenken_date_format_for_display (due);

      /* Translators: "Due 2026-03-31" (a date in the locale's format) */
      due_text = overdue ? g_strdup_printf (_("Overdue %s"), date) : g_strdup_printf (_("Due %s"), date);
    }
  gtk_label_set_label (GTK_LABEL (self->due_label), due_text ? due_text : "");
  gtk_widget_set_visible (self->due_label, due_text != NULL);
  if (overdue)
    {
      gtk_widget_add_css_class (self->due_label, "warning");
      gtk_widget_remove_css_class (self->due_label, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (self->due_label, "warning");
      gtk_widget_add_css_class (self->due_label, "dim-label");
    }

  evidence_text = g_strdup_printf ("%u", n_evidence);
  gtk_label_set_label (GTK_LABEL (self->evidence_label), evidence_text);
  gtk_widget_set_visible (self->evidence_box, n_evidence > 0);

  /* One sentence for screen readers: the status as words, never an icon */
  a11y = g_string_new (NULL);
  g_string_append_printf (a11y, "%s %s, %s", tenken_catalog_node_get_label (node),
                          tenken_catalog_node_get_title (node),
                          tenken_status_get_display_name (status));
  if (owner != NULL && *owner != '\0')
    g_string_append_printf (a11y, ", %s", owner);
  if (due_text != NULL)
    g_string_append_printf (a11y, ", %s", due_text);
  if (n_evidence > 0)
    {
      g_string_append (a11y, ", ");
      g_string_append_printf (a11y, ngettext ("%u evidence item", "%u evidence items", n_evidence), n_evidence);
    }
  if (tenken_response_get_flagged (r))
    g_string_append_printf (a11y, ", %s", _("flagged for review"));
  description = g_string_free (a11y, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
tenken_item_row_dispose (GObject *object)
{
  TenkenItemRow *self = TENKEN_ITEM_ROW (object);
  GtkWidget *child;

  tenken_item_row_set_response (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TENKEN_TYPE_ITEM_ROW);
  /* The two line boxes have no id, so the template does not own them */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tenken_item_row_parent_class)->dispose (object);
}

static void
tenken_item_row_class_init (TenkenItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenken_item_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/tenken-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TenkenItemRow, label_label);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemRow, flag_icon);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemRow, status_box);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemRow, owner_label);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemRow, evidence_box);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemRow, evidence_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tenken-item-row");
}

static void
tenken_item_row_init (TenkenItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 4);
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
    {
      g_signal_connect_object (response, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      update (self);
    }
}
