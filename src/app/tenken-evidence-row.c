/* tenken-evidence-row.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-evidence-row"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-evidence-row.h"

struct _TenkenEvidenceRow
{
  AdwActionRow    parent_instance;
  TenkenEvidence *evidence;
};

G_DEFINE_FINAL_TYPE (TenkenEvidenceRow, tenken_evidence_row, ADW_TYPE_ACTION_ROW)

static void
tenken_evidence_row_dispose (GObject *object)
{
  g_clear_object (&TENKEN_EVIDENCE_ROW (object)->evidence);

  G_OBJECT_CLASS (tenken_evidence_row_parent_class)->dispose (object);
}

static void
tenken_evidence_row_class_init (TenkenEvidenceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tenken_evidence_row_dispose;
}

static void
tenken_evidence_row_init (TenkenEvidenceRow *self)
{
}

static GtkWidget *
make_button (const char *icon_name,
             const char *label,
             const char *action,
             gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  /* Icon-only: the accessible name is the tooltip's words */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));

  return button;
}

GtkWidget *
tenken_evidence_row_new (TenkenEvidence *evidence)
{
  TenkenEvidenceRow *self;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *added = NULL;
  GDateTime *added_at;
  gint64 id;
  GtkWidget *icon;

  g_return_val_if_fail (TENKEN_IS_EVIDENCE (evidence), NULL);

  self = g_object_new (TENKEN_TYPE_EVIDENCE_ROW, NULL);
  self->evidence = g_object_ref (evidence);
  id = tenken_evidence_get_id (evidence);

  added_at = tenken_evidence_get_added_at (evidence);
  if (added_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (added_at);
      g_autofree char *iso = g_date_time_format (local, "%Y-%m-%d");

      /* The locale's date format, or ISO 8601 in the C locale ("%x" there is 11/22/26) */
      added = tenken_date_format_for_display (iso);
    }

  if (tenken_evidence_get_kind (evidence) == TENKEN_EVIDENCE_FILE)
    {
      g_autofree char *size = tenken_format_size_for_display (tenken_evidence_get_size (evidence));
      const char *sha = tenken_evidence_get_sha256 (evidence);
      g_autofree char *short_sha = g_strndup (sha ? sha : "", 12);

      /* Translators: size · date added · SHA-256: first 12 hex digits */
      subtitle = g_strdup_printf (_("%s · %s · SHA-256 %s"), size, added ? added : "", short_sha);
      icon = gtk_image_new_from_icon_name ("x-office-document-symbolic");
    }
  else
    {
      /* A link named by its URL need not show it twice */
      if (g_strcmp0 (tenken_evidence_get_name (evidence), tenken_evidence_get_url (evidence)) == 0)
        subtitle = g_strdup (added ? added : "");
      else
        subtitle = g_strdup_printf ("%s · %s", tenken_evidence_get_url (evidence), added ? added : "");
      icon = gtk_image_new_from_icon_name ("web-browser-symbolic");
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tenken_evidence_get_kind (evidence) == TENKEN_EVIDENCE_FILE ? _("File") : _("Link"),
                                  -1);

  /* Rows take markup: names and URLs are user data */
  title = g_markup_escape_text (tenken_evidence_get_name (evidence), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), escaped);
  }
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self),
                             make_button ("document-open-symbolic", _("Open"), "detail.open-evidence", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self),
                             make_button ("user-trash-symbolic", _("Remove"), "detail.remove-evidence", id));

  return GTK_WIDGET (self);
}

TenkenEvidence *
tenken_evidence_row_get_evidence (TenkenEvidenceRow *self)
{
  g_return_val_if_fail (TENKEN_IS_EVIDENCE_ROW (self), NULL);

  return self->evidence;
}
