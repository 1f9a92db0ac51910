/* tenken-item-detail.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-item-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-date-row.h"
#include "tenken-evidence-row.h"
#include "tenken-document-view-private.h"
#include "tenken-item-detail.h"

/* Typing is saved after this pause (and on focus-out) */
#define AUTOSAVE_MS 700

struct _TenkenItemDetail
{
  GtkWidget         parent_instance;

  GtkStack         *main_stack;
  GtkWidget        *scroller;
  GtkLabel         *label_label;
  GtkLabel         *title_label;
  GtkLabel         *roles_label;
  GtkLabel         *requirement_label;
  GtkWidget        *guidance_expander;
  GtkLabel         *guidance_label;
  AdwComboRow      *status_row;
  AdwEntryRow      *justification_row;
  TenkenDateRow    *target_row;
  GtkLabel         *hint_label;
  GtkTextView      *statement_view;
  AdwEntryRow      *owner_row;
  TenkenDateRow    *due_row;
  GtkSwitch        *flag_switch;
  GtkProgressBar   *progress_bar;
  GtkListBox       *evidence_list;
  GtkListBox       *history_list;
  GtkButton        *history_all_button;
  gboolean          history_all;      /* every change, not only the latest */
  GtkWidget        *response_group;
  GtkWidget        *details_group;

  TenkenUndoStack  *undo_stack;
  TenkenDocument   *document;
  TenkenResponse   *response;
  char             *default_owner;
  gulong            changed_handler;
  gulong            evidence_handler;

  /* A status chosen whose rule is not met yet; -1 for none */
  int               pending_status;
  guint             save_source;
  /* Typed and not saved yet: set on every edit, cleared only when a save
   * succeeded, so a failed write is retried rather than forgotten */
  gboolean          dirty;
  gboolean          syncing;
  /* Shown while the last save failed; NULL otherwise (weak pointer) */
  AdwToast         *save_error_toast;

  /* Attaching: files still to copy, all for one item */
  GQueue            attach_queue;
  char             *attach_item_id;
  guint             attach_total;
  GCancellable     *attach_cancellable;
  guint             n_opening;         /* evidence files being copied out to open */
  guint             n_removing;        /* evidence being removed in a thread */
  guint             pulse_source;      /* pulses the bar while removing */
};

G_DEFINE_FINAL_TYPE (TenkenItemDetail, tenken_item_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RESPONSE,
  PROP_DEFAULT_OWNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void attach_next (TenkenItemDetail *self);

static const char *
item_id (TenkenItemDetail *self)
{
  TenkenCatalogItem *item = tenken_response_get_item (self->response);

  return tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (item));
}

static void
toast (TenkenItemDetail *self,
       const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
toast_error (TenkenItemDetail *self,
             const char       *what,
             const GError     *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);

  toast (self, message);
}

static void
set_hint (TenkenItemDetail *self,
          const char       *hint)
{
  gtk_label_set_label (self->hint_label, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}

/* A failed save stays on screen until a save succeeds: the typing is kept
 * and retried, and the user must know it is not in the file yet */
static void
show_save_error (TenkenItemDetail *self,
                 const GError     *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", _("Could not save the change"),
                                              error->message);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (self->save_error_toast != NULL)
    {
      adw_toast_set_title (self->save_error_toast, message);
      return;
    }

  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }

  self->save_error_toast = adw_toast_new (message);
  adw_toast_set_timeout (self->save_error_toast, 0);
  g_object_add_weak_pointer (G_OBJECT (self->save_error_toast), (gpointer *) &self->save_error_toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), self->save_error_toast);
}

static void
clear_save_error (TenkenItemDetail *self)
{
  AdwToast *toast = self->save_error_toast;

  if (toast == NULL)
    return;

  g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->save_error_toast);
  self->save_error_toast = NULL;
  adw_toast_dismiss (toast);
}

/* Hands an edited copy to the undo stack; on failure the widgets keep what
 * the user typed and a toast says why until a later save succeeds. */
static gboolean
commit (TenkenItemDetail *self,
        TenkenResponse   *copy)
{
  g_autoptr(GError) error = NULL;

  if (self->undo_stack == NULL)
    return FALSE;

  if (!tenken_undo_stack_set_response (self->undo_stack, copy, &error))
    {
      show_save_error (self, error);
      return FALSE;
    }

  clear_save_error (self);
  return TRUE;
}

static char *
get_statement_text (TenkenItemDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->statement_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

static TenkenStatus
shown_status (TenkenItemDetail *self)
{
  if (self->pending_status >= 0)
    return (TenkenStatus) self->pending_status;

  return tenken_response_get_status (self->response);
}

static void
update_rule_rows (TenkenItemDetail *self)
{
  TenkenStatus status = shown_status (self);
  g_autofree char *justification =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->justification_row))));
  const char *target = tenken_date_row_get_date (self->target_row);

  gtk_widget_set_visible (GTK_WIDGET (self->justification_row), status == TENKEN_STATUS_NOT_APPLICABLE);
  gtk_widget_set_visible (GTK_WIDGET (self->target_row), status == TENKEN_STATUS_PLANNED);

  if (status == TENKEN_STATUS_NOT_APPLICABLE && nonempty (justification) == NULL)
    set_hint (self, self->pending_status >= 0
                    ? _("Enter a justification to mark this item not applicable.")
                    : _("Not applicable needs a justification; the last one is kept until you enter a new one."));
  else if (status == TENKEN_STATUS_PLANNED && !tenken_date_is_valid (target))
    set_hint (self, self->pending_status >= 0
                    ? _("Choose a target date to mark this item planned.")
                    : _("Planned needs a target date; the last one is kept until you choose a new one."));
  else
    set_hint (self, NULL);
}

/* Saves everything typed and not saved yet, and a pending status once its
 * rule is met. FALSE when the save failed (the typing stays dirty). */
static gboolean
save_now (TenkenItemDetail *self)
{
  g_autoptr(TenkenResponse) copy = NULL;
  g_autofree char *statement = NULL;
  g_autofree char *justification = NULL;
  g_autofree char *owner = NULL;
  const char *target;
  TenkenStatus status;
  gboolean ok;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->response == NULL || self->undo_stack == NULL)
    return TRUE;

  copy = tenken_response_copy (self->response);
  status = shown_status (self);

  statement = get_statement_text (self);
  tenken_response_set_statement (copy, nonempty (statement));

  owner = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->owner_row))));

  /* The first answer to an item that nobody owns goes to the default owner */
  if (nonempty (owner) == NULL && self->default_owner != NULL &&
      tenken_response_get_owner (self->response) == NULL &&
      tenken_response_get_status (self->response) == TENKEN_STATUS_NOT_STARTED &&
      status != TENKEN_STATUS_NOT_STARTED)
    {
      g_free (owner);
      owner = g_strdup (self->default_owner);
    }

  tenken_response_set_owner (copy, nonempty (owner));

  justification = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->justification_row))));
  target = tenken_date_row_get_date (self->target_row);

  /* The rule fields are saved only with a value: clearing them would break
   * the committed status */
  if (status == TENKEN_STATUS_NOT_APPLICABLE)
    {
      if (nonempty (justification) != NULL)
        {
          tenken_response_set_justification (copy, justification);
          tenken_response_set_status (copy, status);
          self->pending_status = -1;
        }
    }
  else if (status == TENKEN_STATUS_PLANNED)
    {
      if (tenken_date_is_valid (target))
        {
          tenken_response_set_target_date (copy, target);
          tenken_response_set_status (copy, status);
          self->pending_status = -1;
        }
    }
  else
    {
      tenken_response_set_status (copy, status);
      self->pending_status = -1;
    }

  ok = commit (self, copy);
  if (ok)
    self->dirty = FALSE;
  update_rule_rows (self);

  return ok;
}

static gboolean
save_timeout (gpointer data)
{
  TenkenItemDetail *self = data;

  self->save_source = 0;
  save_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (TenkenItemDetail *self)
{
  if (self->syncing || self->response == NULL)
    return;

  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (AUTOSAVE_MS, save_timeout, self);
}

static void
on_rule_field_changed (TenkenItemDetail *self)
{
  if (self->syncing)
    return;

  update_rule_rows (self);
  schedule_save (self);
}

/* --- showing a response --- */

static char *
part_markup (TenkenCatalogNode *node,
             const char        *name)
{
  TenkenCatalogPart *part = tenken_catalog_node_get_part (node, name);

  return part ? tenken_catalog_part_to_pango_markup (part) : NULL;
}

static GtkWidget *
create_evidence_row (gpointer item,
                     gpointer user_data)
{
  return tenken_evidence_row_new (item);
}

static const char *
field_display_name (const char *field)
{
  if (g_str_equal (field, "status"))        return _("Status");
  if (g_str_equal (field, "justification")) return _("Justification");
  if (g_str_equal (field, "target-date") || g_str_equal (field, "target_date")) return _("Target date");
  if (g_str_equal (field, "statement"))     return _("Statement");
  if (g_str_equal (field, "owner"))         return _("Owner");
  if (g_str_equal (field, "due-date") || g_str_equal (field, "due_date")) return _("Due date");
  if (g_str_equal (field, "flagged"))       return _("Review flag");
  if (g_str_equal (field, "evidence.add"))  return _("Evidence added");
  if (g_str_equal (field, "evidence.link")) return _("Evidence linked");
  if (g_str_equal (field, "evidence.unlink")) return _("Evidence unlinked");
  if (g_str_equal (field, "evidence.remove")) return _("Evidence removed");
  return field;
}

static char *
value_display (const char *field,
               const char *value)
{
  TenkenStatus status;
  g_autofree char *flat = NULL;

  if (value == NULL || *value == '\0')
    return g_strdup (C_("history value", "none"));

  if (g_str_equal (field, "status") && tenken_status_from_string (value, &status))
    return g_strdup (tenken_status_get_display_name (status));

  if (g_str_equal (field, "flagged"))
    return g_strdup (g_str_equal (value, "0") || g_str_equal (value, "false") ? _("off") : _("on"));

  if (tenken_date_is_valid (value))
    return tenken_date_format_for_display (value);

  /* Long statements: the start, on one line */
  flat = g_strdup (value);
  g_strdelimit (flat, "\n\r\t", ' ');
  if (g_utf8_strlen (flat, -1) > 80)
    {
      char *end = g_utf8_offset_to_pointer (flat, 80);
      *end = '\0';
      return g_strconcat (flat, "…", NULL);
    }

  return g_steal_pointer (&flat);
}

/* A plain row, not an AdwActionRow: an item may have hundreds of changes,
 * and an action row costs several times as much to build and measure (it
 * was most of the time of selecting the next item) */
static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  TenkenHistoryEntry *entry = item;
  const char *field = tenken_history_entry_get_field (entry);
  g_autofree char *old_value = value_display (field, tenken_history_entry_get_old_value (entry));
  g_autofree char *new_value = value_display (field, tenken_history_entry_get_new_value (entry));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *when = NULL;
  GDateTime *timestamp = tenken_history_entry_get_timestamp (entry);
  GtkWidget *row, *box, *title_label, *subtitle_label;

  if (g_str_has_prefix (field, "evidence."))
    title = g_strdup_printf ("%s: %s", field_display_name (field),
                             tenken_history_entry_get_evidence_name (entry) ?: "");
  else
    /* Translators: "Status: Not started → Implemented" */
    title = g_strdup_printf (_("%s: %s → %s"), field_display_name (field), old_value, new_value);

  if (timestamp != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (timestamp);
      g_autofree char *iso = g_date_time_format (local, "%Y-%m-%d");
      g_autofree char *date = tenken_date_format_for_display (iso);
      g_autofree char *hms = g_date_time_format (local, "%X");

      /* The locale's formats; the date in ISO 8601 in the C locale ("%x" there is 11/22/26) */
      when = g_strdup_printf ("%s %s", date, hms);
    }
  subtitle = g_strdup_printf ("%s · %s", tenken_history_entry_get_author (entry) ?: "", when ? when : "");

  title_label = g_object_new (GTK_TYPE_LABEL,
                              "label", title,
                              "xalign", 0.0f,
                              "wrap", TRUE,
                              "wrap-mode", PANGO_WRAP_WORD_CHAR,
                              "lines", 2,
                              "ellipsize", PANGO_ELLIPSIZE_END,
                              NULL);
  subtitle_label = g_object_new (GTK_TYPE_LABEL,
                                 "label", subtitle,
                                 "xalign", 0.0f,
                                 "ellipsize", PANGO_ELLIPSIZE_END,
                                 "css-classes", (const char *[]) { "caption", "dim-label", NULL },
                                 NULL);
  box = g_object_new (GTK_TYPE_BOX,
                      "orientation", GTK_ORIENTATION_VERTICAL,
                      "spacing", 3,
                      "css-classes", (const char *[]) { "history-row", NULL },
                      NULL);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), subtitle_label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Read as one: "Status: Not started → Implemented, Yamada · 2026-…" */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  return row;
}

static void
reload_evidence (TenkenItemDetail *self)
{
  g_autoptr(GListModel) model = NULL;

  if (self->response != NULL && self->document != NULL)
    model = tenken_document_list_item_evidence (self->document, item_id (self));

  gtk_list_box_bind_model (self->evidence_list, model, create_evidence_row, NULL, NULL);
}

/* The latest changes only, until asked for all: a list box builds a row
 * for every entry, each time an item is selected or edited */
#define HISTORY_SHOWN 5

static void
reload_history (TenkenItemDetail *self)
{
  g_autoptr(GListModel) model = NULL;
  guint n = 0;

  if (self->response != NULL && self->document != NULL)
    {
      model = tenken_document_list_history (self->document, item_id (self));
      n = g_list_model_get_n_items (model);
    }

  if (!self->history_all && n > HISTORY_SHOWN)
    {
      g_autoptr(GtkSliceListModel) latest = gtk_slice_list_model_new (g_object_ref (model), 0, HISTORY_SHOWN);
      g_autofree char *label =
        /* Translators: the button under an item's latest changes */
        g_strdup_printf (ngettext ("Show All %u Change", "Show All %u Changes", n), n);

      gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (latest), create_history_row, NULL, NULL);
      gtk_button_set_label (self->history_all_button, label);
      gtk_widget_set_visible (GTK_WIDGET (self->history_all_button), TRUE);
    }
  else
    {
      gtk_list_box_bind_model (self->history_list, model, create_history_row, NULL, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->history_all_button), FALSE);
    }
}

static void
show_all_history_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TenkenItemDetail *self = TENKEN_ITEM_DETAIL (widget);

  self->history_all = TRUE;
  reload_history (self);
}

/* Entries are saved stripped: "Yamada " being typed is not a change */
static void
sync_entry (GtkEditable *entry,
            const char  *value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (text, value ? value : "") != 0)
    gtk_editable_set_text (entry, value ? value : "");
}

/* Puts the live values into the widgets, except text still being typed */
static void
sync_from_response (TenkenItemDetail *self)
{
  TenkenResponse *r = self->response;
  g_autofree char *statement = NULL;
  const char *value;

  if (r == NULL)
    return;

  self->syncing = TRUE;

  if (self->pending_status < 0)
    adw_combo_row_set_selected (self->status_row, tenken_response_get_status (r));

  if (!self->dirty)
    {
      statement = get_statement_text (self);
      value = tenken_response_get_statement (r);
      if (g_strcmp0 (statement, value ? value : "") != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->statement_view), value ? value : "", -1);

      sync_entry (GTK_EDITABLE (self->owner_row), tenken_response_get_owner (r));
      sync_entry (GTK_EDITABLE (self->justification_row), tenken_response_get_justification (r));
    }

  tenken_date_row_set_date (self->target_row, tenken_response_get_target_date (r));
  tenken_date_row_set_date (self->due_row, tenken_response_get_due_date (r));
  gtk_switch_set_active (self->flag_switch, tenken_response_get_flagged (r));

  self->syncing = FALSE;

  update_rule_rows (self);
}

static void
on_document_changed (TenkenItemDetail *self,
                     const char       *changed_item)
{
  if (self->response == NULL)
    return;

  if (changed_item == NULL || g_strcmp0 (changed_item, item_id (self)) == 0)
    reload_history (self);
}

static void
show_response (TenkenItemDetail *self)
{
  TenkenResponse *r = self->response;
  TenkenCatalogItem *item;
  TenkenCatalogNode *node;
  g_autofree char *roles = NULL;
  g_autofree char *roles_text = NULL;
  g_autofree char *statement = NULL;
  g_autofree char *guidance = NULL;
  g_autofree char *overview = NULL;

  if (r == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      gtk_list_box_bind_model (self->evidence_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->history_list, NULL, NULL, NULL, NULL);
      return;
    }

  item = tenken_response_get_item (r);
  node = TENKEN_CATALOG_NODE (item);

  gtk_label_set_label (self->label_label, tenken_catalog_node_get_label (node));
  gtk_label_set_label (self->title_label, tenken_catalog_node_get_title (node));

  roles = tenken_roles_to_display (tenken_catalog_item_get_roles (item));
  /* Translators: the roles an item is addressed to */
  roles_text = g_strdup_printf (_("Applies to: %s"), roles);
  gtk_label_set_label (self->roles_label, roles_text);
  gtk_widget_set_visible (GTK_WIDGET (self->roles_label),
                          tenken_catalog_item_get_roles (item) != TENKEN_ROLES_ALL);

  statement = part_markup (node, "statement");
  overview = part_markup (node, "overview");
  if (statement == NULL)
    statement = g_markup_escape_text (tenken_catalog_item_get_statement_text (item), -1);
  if (overview != NULL)
    {
      char *both = g_strconcat (overview, "\n\n", statement, NULL);
      g_free (statement);
      statement = both;
    }
  gtk_label_set_markup (self->requirement_label, statement);

  guidance = part_markup (node, "guidance");
  gtk_widget_set_visible (self->guidance_expander, guidance != NULL && *guidance != '\0');
  gtk_label_set_markup (self->guidance_label, guidance ? guidance : "");

  self->pending_status = -1;
  self->syncing = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->statement_view), "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->justification_row), "");
  self->syncing = FALSE;
  sync_from_response (self);

  reload_evidence (self);
  reload_history (self);

  /* A read-only document: everything readable, nothing to edit */
  {
    gboolean writable = self->document != NULL && !tenken_document_is_read_only (self->document);

    gtk_widget_set_sensitive (self->response_group, writable);
    gtk_widget_set_sensitive (self->details_group, writable);
    gtk_text_view_set_editable (self->statement_view, writable);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.add-url", writable);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.remove-evidence", writable);
  }

  gtk_stack_set_visible_child_name (self->main_stack, "item");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

/* --- edits --- */

static void
on_status_selected (TenkenItemDetail *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->syncing || self->response == NULL || selected >= TENKEN_N_STATUSES)
    return;

  tenken_item_detail_request_status (self, (TenkenStatus) selected);
}

static void
on_flag_toggled (TenkenItemDetail *self)
{
  g_autoptr(TenkenResponse) copy = NULL;

  if (self->syncing || self->response == NULL)
    return;

  if (gtk_switch_get_active (self->flag_switch) == tenken_response_get_flagged (self->response))
    return;

  copy = tenken_response_copy (self->response);
  tenken_response_set_flagged (copy, gtk_switch_get_active (self->flag_switch));
  if (!commit (self, copy))
    {
      self->syncing = TRUE;
      gtk_switch_set_active (self->flag_switch, tenken_response_get_flagged (self->response));
      self->syncing = FALSE;
    }
}

static void
on_due_date_changed (TenkenItemDetail *self)
{
  g_autoptr(TenkenResponse) copy = NULL;

  if (self->syncing || self->response == NULL)
    return;

  copy = tenken_response_copy (self->response);
  tenken_response_set_due_date (copy, tenken_date_row_get_date (self->due_row));
  commit (self, copy);
}

static void
on_focus_leave (TenkenItemDetail *self)
{
  tenken_item_detail_flush (self);
}

/* --- evidence --- */

/* One bar shows the one copy in or out (or removal) going on */
static void
show_progress (TenkenItemDetail *self,
               const char       *text)
{
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
}

/* Hides the bar once nothing is copied or removed any more; the pane may
 * have been disposed meanwhile */
static void
hide_progress_when_idle (TenkenItemDetail *self)
{
  if (self->progress_bar != NULL && !tenken_item_detail_is_busy (self))
    gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
}

static void
attach_progress (goffset  current,
                 goffset  total,
                 gpointer data)
{
  TenkenItemDetail *self = data;

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) current / total);
}

static void
attach_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(TenkenItemDetail) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autoptr(GFile) file = g_queue_pop_head (&self->attach_queue);

  evidence = tenken_document_add_evidence_file_finish (TENKEN_DOCUMENT (source), result, &error);
  if (evidence == NULL && error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      {
        g_autofree char *name = g_file_get_basename (file);
        g_autofree char *what = g_strdup_printf (_("Could not attach “%s”"), name);
        toast_error (self, what, error);
      }
    }

  attach_next (self);
}

static void
attach_next (TenkenItemDetail *self)
{
  GFile *file = g_queue_peek_head (&self->attach_queue);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  if (file == NULL || self->document == NULL)
    {
      g_queue_clear_full (&self->attach_queue, g_object_unref);
      hide_progress_when_idle (self);
      g_clear_pointer (&self->attach_item_id, g_free);
      self->attach_total = 0;
      return;
    }

  name = g_file_get_basename (file);
  /* Translators: "Copying report.pdf (2 of 5)" */
  text = g_strdup_printf (_("Copying %s (%u of %u)"), name,
                          self->attach_total - g_queue_get_length (&self->attach_queue) + 1,
                          self->attach_total);
  show_progress (self, text);

  tenken_document_add_evidence_file_async (self->document, file, self->attach_item_id,
                                           NULL, NULL, attach_progress, self,
                                           self->attach_cancellable, attach_done,
                                           g_object_ref (self));
}

void
tenken_item_detail_attach_files (TenkenItemDetail *self,
                                 GFile           **files,
                                 guint             n_files)
{
  gboolean idle;

  g_return_if_fail (TENKEN_IS_ITEM_DETAIL (self));

  if (self->response == NULL || self->document == NULL || n_files == 0)
    return;

  if (tenken_document_is_read_only (self->document))
    {
      toast (self, _("This assessment is open read-only"));
      return;
    }

  idle = g_queue_is_empty (&self->attach_queue);

  /* Files dropped while others are copying join the same item's queue only */
  if (!idle && g_strcmp0 (self->attach_item_id, item_id (self)) != 0)
    {
      toast (self, _("Wait until the files being attached are copied"));
      return;
    }

  if (idle)
    {
      self->attach_item_id = g_strdup (item_id (self));
      self->attach_total = 0;
    }

  for (guint i = 0; i < n_files; i++)
    g_queue_push_tail (&self->attach_queue, g_object_ref (files[i]));
  self->attach_total += n_files;

  if (idle)
    attach_next (self);
}

static void
on_chooser_response (GtkNativeDialog  *dialog,
                     int               response,
                     gpointer          data)
{
  /* The chooser held a reference: the view may have gone meanwhile */
  g_autoptr(TenkenItemDetail) self = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));

      tenken_item_detail_attach_files (self, (GFile **) array->pdata, array->len);
    }

  g_object_unref (dialog);
}

void
tenken_item_detail_choose_files (TenkenItemDetail *self)
{
  GtkFileChooserNative *chooser;
  GtkRoot *root;

  g_return_if_fail (TENKEN_IS_ITEM_DETAIL (self));

  if (self->response == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  chooser = gtk_file_chooser_native_new (_("Attach Evidence"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         TenkenItemDetail *self)
{
  GSList *list;
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->response == NULL)
    return FALSE;

  list = g_value_get_boxed (value);
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);

  tenken_item_detail_attach_files (self, (GFile **) array->pdata, array->len);

  return TRUE;
}

static TenkenEvidence *
find_evidence (TenkenItemDetail *self,
               gint64            id)
{
  g_autoptr(GListModel) model = NULL;
  guint n;

  if (self->response == NULL || self->document == NULL)
    return NULL;

  model = tenken_document_list_item_evidence (self->document, item_id (self));
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenEvidence) evidence = g_list_model_get_item (model, i);

      if (tenken_evidence_get_id (evidence) == id)
        return g_steal_pointer (&evidence);
    }

  return NULL;
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(TenkenItemDetail) self = data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    toast_error (self, _("Could not open the evidence"), error);
}

typedef struct
{
  TenkenItemDetail *self;
  GFile            *dest;
  gboolean          shows_progress;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->dest);
  g_free (data);
}

static void
open_progress (goffset  current,
               goffset  total,
               gpointer user_data)
{
  OpenData *data = user_data;

  /* The pane may be gone (disposed) while the copy finishes */
  if (data->shows_progress && data->self->progress_bar != NULL && total > 0)
    gtk_progress_bar_set_fraction (data->self->progress_bar, (double) current / total);
}

static void
open_extracted (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  OpenData *data = user_data;
  TenkenItemDetail *self = data->self;
  g_autoptr(GError) error = NULL;

  self->n_opening--;
  hide_progress_when_idle (self);

  if (!tenken_document_extract_evidence_finish (TENKEN_DOCUMENT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast_error (self, _("Could not open the evidence"), error);
    }
  else
    {
      g_autofree char *uri = g_file_get_uri (data->dest);

      g_app_info_launch_default_for_uri_async (uri, NULL, NULL, on_launched, g_object_ref (self));
    }

  open_data_free (data);
}

static void
open_evidence_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TenkenItemDetail *self = TENKEN_ITEM_DETAIL (widget);
  g_autoptr(TenkenEvidence) evidence = find_evidence (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  OpenData *data;

  if (evidence == NULL)
    return;

  if (tenken_evidence_get_kind (evidence) == TENKEN_EVIDENCE_URL)
    {
      g_app_info_launch_default_for_uri_async (tenken_evidence_get_url (evidence), NULL, NULL,
                                               on_launched, g_object_ref (self));
      return;
    }

  dir = g_dir_make_tmp ("tenken-evidence-XXXXXX", &error);
  if (dir == NULL)
    {
      toast_error (self, _("Could not open the evidence"), error);
      return;
    }

  /* Only the base name: a stored name must never reach outside the dir */
  base = g_path_get_basename (tenken_evidence_get_name (evidence));
  if (base[0] == '.' || base[0] == G_DIR_SEPARATOR || base[0] == '\0')
    {
      g_free (base);
      base = g_strdup_printf ("evidence-%" G_GINT64_FORMAT, tenken_evidence_get_id (evidence));
    }

  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->dest = g_file_new_build_filename (dir, base, NULL);

  /* A large file takes a while to copy out: show it, unless the bar is
   * busy with something else */
  if (!tenken_item_detail_is_busy (self))
    {
      g_autofree char *text = NULL;

      /* Translators: shown while an evidence file is copied out to be opened */
      text = g_strdup_printf (_("Opening %s"), tenken_evidence_get_name (evidence));
      show_progress (self, text);
      data->shows_progress = TRUE;
    }

  self->n_opening++;
  tenken_document_extract_evidence_async (self->document, tenken_evidence_get_id (evidence), data->dest,
                                          open_progress, data, self->attach_cancellable,
                                          open_extracted, data);
}

typedef struct
{
  TenkenItemDetail *self;
  gint64            id;
  char             *item_id;
  gboolean          unlink_only;
} RemoveData;

static void
remove_data_free (RemoveData *data,
                  GClosure   *closure)
{
  g_object_unref (data->self);
  g_free (data->item_id);
  g_free (data);
}

static gboolean
pulse_progress (gpointer data)
{
  TenkenItemDetail *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
removed (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(TenkenItemDetail) self = data;
  g_autoptr(GError) error = NULL;

  if (--self->n_removing == 0)
    g_clear_handle_id (&self->pulse_source, g_source_remove);
  hide_progress_when_idle (self);

  if (!tenken_document_remove_evidence_finish (TENKEN_DOCUMENT (source), result, &error))
    toast_error (self, _("Could not remove the evidence"), error);
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    RemoveData       *data)
{
  TenkenItemDetail *self = data->self;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove") || self->document == NULL)
    return;

  if (data->unlink_only)
    {
      if (!tenken_document_unlink_evidence (self->document, data->id, data->item_id, &error))
        toast_error (self, _("Could not remove the evidence"), error);
      return;
    }

  /* Deleting (and zeroing) a large file takes a moment: in a thread, with
   * the bar pulsing unless it shows files being copied */
  if (!tenken_item_detail_is_busy (self))
    {
      show_progress (self, _("Removing evidence"));
      self->pulse_source = g_timeout_add (100, pulse_progress, self);
    }
  self->n_removing++;
  tenken_document_remove_evidence_async (self->document, data->id, removed, g_object_ref (self));
}

static void
remove_evidence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TenkenItemDetail *self = TENKEN_ITEM_DETAIL (widget);
  g_autoptr(TenkenEvidence) evidence = find_evidence (self, g_variant_get_int64 (parameter));
  g_auto(GStrv) items = NULL;
  GtkWidget *dialog;
  RemoveData *data;
  GtkRoot *root;

  if (evidence == NULL)
    return;

  items = tenken_evidence_dup_item_ids (evidence);

  data = g_new0 (RemoveData, 1);
  data->self = g_object_ref (self);
  data->id = tenken_evidence_get_id (evidence);
  data->item_id = g_strdup (item_id (self));
  data->unlink_only = items != NULL && g_strv_length (items) > 1;

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Remove Evidence?"), NULL);
  if (data->unlink_only)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("“%s” will no longer back up this item. Other items keep it."),
                                    tenken_evidence_get_name (evidence));
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("“%s” will be removed from the assessment."),
                                    tenken_evidence_get_name (evidence));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* Freed with the dialog: a response may come more than once (button, close) */
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_remove_response), data,
                         (GClosureNotify) remove_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  TenkenItemDetail *self;
  GtkEditable      *entry;
  char             *item_id;
} UrlData;

static void
on_url_response (AdwMessageDialog *dialog,
                 const char       *response,
                 UrlData          *data)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "add") && data->self->document != NULL)
    {
      g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (data->entry)));
      g_autoptr(TenkenEvidence) evidence =
        tenken_document_add_evidence_url (data->self->document, url, data->item_id, NULL, &error);

      if (evidence == NULL)
        toast_error (data->self, _("Could not add the link"), error);
    }
}

static void
url_data_free (UrlData  *data,
               GClosure *closure)
{
  g_object_unref (data->self);
  g_free (data->item_id);
  g_free (data);
}

static void
on_url_entry_changed (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  const char *text = gtk_editable_get_text (entry);

  adw_message_dialog_set_response_enabled (dialog, "add",
                                           g_str_has_prefix (text, "https://") ||
                                           g_str_has_prefix (text, "http://"));
}

static void
add_url_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TenkenItemDetail *self = TENKEN_ITEM_DETAIL (widget);
  GtkWidget *dialog, *entry;
  UrlData *data;
  GtkRoot *root;

  if (self->response == NULL)
    return;

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Add Link"),
                                   _("A web page that backs up this answer (http or https)."));
  entry = gtk_entry_new ();
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Address"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_url_entry_changed), dialog);

  data = g_new0 (UrlData, 1);
  data->self = g_object_ref (self);
  data->entry = GTK_EDITABLE (entry);
  data->item_id = g_strdup (item_id (self));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_url_response), data,
                         (GClosureNotify) url_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_evidence_changed (TenkenItemDetail *self)
{
  reload_evidence (self);
  reload_history (self);
}

/* --- object --- */

static void
set_document (TenkenItemDetail *self,
              TenkenDocument   *document)
{
  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->document);
      g_clear_signal_handler (&self->evidence_handler, self->document);
    }

  g_set_object (&self->document, document);

  if (document != NULL)
    {
      self->changed_handler = g_signal_connect_swapped (document, "changed",
                                                        G_CALLBACK (on_document_changed), self);
      self->evidence_handler = g_signal_connect_swapped (document, "evidence-changed",
                                                         G_CALLBACK (on_evidence_changed), self);
    }
}

static void
tenken_item_detail_dispose (GObject *object)
{
  TenkenItemDetail *self = TENKEN_ITEM_DETAIL (object);

  g_cancellable_cancel (self->attach_cancellable);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  clear_save_error (self);
  if (self->response != NULL)
    g_signal_handlers_disconnect_by_func (self->response, sync_from_response, self);
  g_clear_object (&self->response);
  set_document (self, NULL);
  g_clear_object (&self->undo_stack);
  g_queue_clear_full (&self->attach_queue, g_object_unref);
  g_clear_pointer (&self->attach_item_id, g_free);
  g_clear_pointer (&self->default_owner, g_free);
  g_clear_object (&self->attach_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), TENKEN_TYPE_ITEM_DETAIL);

  G_OBJECT_CLASS (tenken_item_detail_parent_class)->dispose (object);
}

static void
tenken_item_detail_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_RESPONSE:
      g_value_set_object (value, TENKEN_ITEM_DETAIL (object)->response);
      break;
    case PROP_DEFAULT_OWNER:
      g_value_set_string (value, TENKEN_ITEM_DETAIL (object)->default_owner);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_item_detail_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_RESPONSE:
      tenken_item_detail_set_response (TENKEN_ITEM_DETAIL (object), g_value_get_object (value));
      break;
    case PROP_DEFAULT_OWNER:
      tenken_item_detail_set_default_owner (TENKEN_ITEM_DETAIL (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_item_detail_class_init (TenkenItemDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenken_item_detail_dispose;
  object_class->get_property = tenken_item_detail_get_property;
  object_class->set_property = tenken_item_detail_set_property;

  properties[PROP_RESPONSE] =
    g_param_spec_object ("response", NULL, NULL,
                         TENKEN_TYPE_RESPONSE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * TenkenItemDetail:default-owner:
   *
   * Filled in as the owner when the user first answers an item that has
   * none (the "Default Owner" preference). NULL or "" for none.
   */
  properties[PROP_DEFAULT_OWNER] =
    g_param_spec_string ("default-owner", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TENKEN_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/tenken-item-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, label_label);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, roles_label);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, requirement_label);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, guidance_expander);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, status_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, justification_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, target_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, hint_label);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, statement_view);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, owner_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, due_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, flag_switch);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, history_list);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, history_all_button);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, response_group);
  gtk_widget_class_bind_template_child (widget_class, TenkenItemDetail, details_group);

  gtk_widget_class_install_action (widget_class, "detail.open-evidence", "x", open_evidence_action);
  gtk_widget_class_install_action (widget_class, "detail.remove-evidence", "x", remove_evidence_action);
  gtk_widget_class_install_action (widget_class, "detail.add-url", NULL, add_url_action);
  gtk_widget_class_install_action (widget_class, "detail.show-all-history", NULL, show_all_history_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
add_focus_leave (TenkenItemDetail *self,
                 GtkWidget        *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (widget, focus);
}

/* Status choices show their icon too, as the list does */
static void
status_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* The label says it: the icon is decoration for screen readers */
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (list_item, box);
}

static void
status_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  TenkenStatus status = TENKEN_STATUS_NOT_STARTED;

  /* Not the position: the combo's own button shows its item at position 0 */
  tenken_status_from_string (gtk_string_object_get_string (item), &status);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), tenken_status_get_icon_name (status));
  gtk_label_set_label (GTK_LABEL (label), tenken_status_get_display_name (status));
}

static void
tenken_item_detail_init (TenkenItemDetail *self)
{
  g_autoptr(GtkListItemFactory) status_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkDropTarget *drop;

  self->pending_status = -1;
  self->attach_cancellable = g_cancellable_new ();
  g_queue_init (&self->attach_queue);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Index = TenkenStatus, the order of the Ctrl+0…5 shortcuts; the
   * strings are the status nicks, shown through the factory */
  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    gtk_string_list_append (statuses, tenken_status_to_string (i));
  g_signal_connect (status_factory, "setup", G_CALLBACK (status_setup), NULL);
  g_signal_connect (status_factory, "bind", G_CALLBACK (status_bind), NULL);
  adw_combo_row_set_factory (self->status_row, status_factory);
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (on_status_selected), self);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->statement_view), "changed",
                            G_CALLBACK (schedule_save), self);
  g_signal_connect_swapped (self->owner_row, "changed", G_CALLBACK (schedule_save), self);
  g_signal_connect_swapped (self->justification_row, "changed", G_CALLBACK (on_rule_field_changed), self);
  g_signal_connect_swapped (self->target_row, "notify::date", G_CALLBACK (on_rule_field_changed), self);
  g_signal_connect_swapped (self->due_row, "notify::date", G_CALLBACK (on_due_date_changed), self);
  g_signal_connect_swapped (self->flag_switch, "notify::active", G_CALLBACK (on_flag_toggled), self);

  add_focus_leave (self, GTK_WIDGET (self->statement_view));
  add_focus_leave (self, GTK_WIDGET (self->owner_row));
  add_focus_leave (self, GTK_WIDGET (self->justification_row));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  {
    GtkWidget *placeholder = gtk_label_new (_("No evidence yet"));

    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_list_box_set_placeholder (self->evidence_list, placeholder);

    placeholder = gtk_label_new (_("No changes yet"));
    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_list_box_set_placeholder (self->history_list, placeholder);
  }

  show_response (self);
}

GtkWidget *
tenken_item_detail_new (void)
{
  return g_object_new (TENKEN_TYPE_ITEM_DETAIL, NULL);
}

void
tenken_item_detail_set_default_owner (TenkenItemDetail *self,
                                      const char       *default_owner)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (TENKEN_IS_ITEM_DETAIL (self));

  stripped = g_strstrip (g_strdup (default_owner ? default_owner : ""));
  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);

  if (g_strcmp0 (stripped, self->default_owner) == 0)
    return;

  g_free (self->default_owner);
  self->default_owner = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_OWNER]);
}

void
tenken_item_detail_set_undo_stack (TenkenItemDetail *self,
                                   TenkenUndoStack  *undo_stack)
{
  g_return_if_fail (TENKEN_IS_ITEM_DETAIL (self));

  tenken_item_detail_flush (self);
  g_set_object (&self->undo_stack, undo_stack);
  set_document (self, undo_stack ? tenken_undo_stack_get_document (undo_stack) : NULL);
}

TenkenResponse *
tenken_item_detail_get_response (TenkenItemDetail *self)
{
  g_return_val_if_fail (TENKEN_IS_ITEM_DETAIL (self), NULL);

  return self->response;
}

void
tenken_item_detail_set_response (TenkenItemDetail *self,
                                 TenkenResponse   *response)
{
  g_return_if_fail (TENKEN_IS_ITEM_DETAIL (self));

  if (self->response == response)
    return;

  /* What was typed for the previous item belongs to it. When it cannot be
   * saved, that item stays shown with the typing and the error, instead of
   * the typing being lost; only going to no item at all (the document
   * closing) lets go of it. */
  if (!tenken_item_detail_flush (self) && response != NULL)
    return;
  self->dirty = FALSE;

  if (self->response != NULL)
    g_signal_handlers_disconnect_by_func (self->response, sync_from_response, self);

  g_set_object (&self->response, response);
  self->history_all = FALSE;

  if (response != NULL)
    g_signal_connect_object (response, "notify", G_CALLBACK (sync_from_response), self, G_CONNECT_SWAPPED);

  show_response (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONSE]);
}

void
tenken_item_detail_request_status (TenkenItemDetail *self,
                                   TenkenStatus      status)
{
  g_return_if_fail (TENKEN_IS_ITEM_DETAIL (self));

  if (self->response == NULL)
    return;

  if (status == tenken_response_get_status (self->response) && self->pending_status < 0)
    return;

  self->pending_status = status;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->status_row, status);
  self->syncing = FALSE;

  save_now (self);

  /* Still pending: bring the missing field to the user */
  if (self->pending_status == TENKEN_STATUS_NOT_APPLICABLE)
    gtk_widget_grab_focus (GTK_WIDGET (self->justification_row));
  else if (self->pending_status == TENKEN_STATUS_PLANNED)
    gtk_widget_grab_focus (GTK_WIDGET (self->target_row));
  else
    {
      /* Committed, or refused: show what is stored */
      self->syncing = TRUE;
      adw_combo_row_set_selected (self->status_row, tenken_response_get_status (self->response));
      self->syncing = FALSE;
      update_rule_rows (self);
    }
}

void
tenken_item_detail_toggle_flag (TenkenItemDetail *self)
{
  g_return_if_fail (TENKEN_IS_ITEM_DETAIL (self));

  if (self->response == NULL)
    return;

  gtk_switch_set_active (self->flag_switch, !tenken_response_get_flagged (self->response));
}

gboolean
tenken_item_detail_flush (TenkenItemDetail *self)
{
  g_return_val_if_fail (TENKEN_IS_ITEM_DETAIL (self), FALSE);

  if (self->save_source != 0 || self->dirty)
    return save_now (self);

  return TRUE;
}

gboolean
tenken_item_detail_has_save_error (TenkenItemDetail *self)
{
  g_return_val_if_fail (TENKEN_IS_ITEM_DETAIL (self), FALSE);

  return self->save_error_toast != NULL;
}

gboolean
tenken_item_detail_is_busy (TenkenItemDetail *self)
{
  g_return_val_if_fail (TENKEN_IS_ITEM_DETAIL (self), FALSE);

  return !g_queue_is_empty (&self->attach_queue) || self->n_opening > 0 || self->n_removing > 0;
}

GtkTextView *
tenken_item_detail_get_statement_view (TenkenItemDetail *self)
{
  g_return_val_if_fail (TENKEN_IS_ITEM_DETAIL (self), NULL);

  return self->statement_view;
}

GtkEditable *
tenken_item_detail_get_justification (TenkenItemDetail *self)
{
  g_return_val_if_fail (TENKEN_IS_ITEM_DETAIL (self), NULL);

  return GTK_EDITABLE (self->justification_row);
}

GtkEditable *
tenken_item_detail_get_owner (TenkenItemDetail *self)
{
  g_return_val_if_fail (TENKEN_IS_ITEM_DETAIL (self), NULL);

  return GTK_EDITABLE (self->owner_row);
}

const char *
tenken_item_detail_get_hint (TenkenItemDetail *self)
{
  g_return_val_if_fail (TENKEN_IS_ITEM_DETAIL (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->hint_label)))
    return NULL;

  return gtk_label_get_label (self->hint_label);
}

AdwComboRow *
tenken_item_detail_get_status_row (TenkenItemDetail *self)
{
  g_return_val_if_fail (TENKEN_IS_ITEM_DETAIL (self), NULL);

  return self->status_row;
}

GtkListBox *
tenken_item_detail_get_history_list (TenkenItemDetail *self)
{
  g_return_val_if_fail (TENKEN_IS_ITEM_DETAIL (self), NULL);

  return self->history_list;
}

GtkButton *
tenken_item_detail_get_history_button (TenkenItemDetail *self)
{
  g_return_val_if_fail (TENKEN_IS_ITEM_DETAIL (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->history_all_button)))
    return NULL;

  return self->history_all_button;
}
