/* tenken-document-view.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-document-view"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-a11y.h"
#include "tenken-dashboard.h"
#include "tenken-document-view-private.h"
#include "tenken-item-detail.h"
#include "tenken-item-filter.h"
#include "tenken-item-row.h"
#include "tenken-sidebar.h"
#include "tenken-undo-stack.h"
#include "tenken-window.h"

struct _TenkenDocumentView
{
  GtkWidget            parent_instance;

  /* Template widgets */
  AdwLeaflet          *leaflet;
  AdwLeaflet          *inner_leaflet;
  GtkLabel            *sidebar_title;
  GtkLabel            *sidebar_subtitle;
  TenkenSidebar       *sidebar;
  GtkWidget           *back_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack        *stack;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkWidget           *search_button;
  GtkWidget           *filter_button;
  GtkBox              *status_filter_box;
  GtkBox              *role_filter_box;
  GtkWidget           *role_filter_heading;
  GtkCheckButton      *flagged_check;
  GtkCheckButton      *overdue_check;
  GtkCheckButton      *no_evidence_check;
  GtkStack            *list_stack;
  GtkListView         *item_list;
  TenkenItemDetail    *detail;
  TenkenDashboard     *dashboard;

  TenkenDocument      *document;
  TenkenUndoStack     *undo_stack;
  GSettings           *settings;
  gulong               scope_handler;

  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;

  TenkenItemQuery      query;
  TenkenRoles          scope_roles;
  GtkCheckButton      *status_checks[TENKEN_N_STATUSES];
  GPtrArray           *role_checks;   /* GtkCheckButton, role in object data */
  /* Folding the search texts while idle after opening, and how far */
  guint                prepare_source;
  guint                prepare_position;

  guint                show_other_roles : 1;
  guint                show_not_applicable : 1;
};

G_DEFINE_FINAL_TYPE (TenkenDocumentView, tenken_document_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SHOW_OTHER_ROLES,
  PROP_SHOW_NOT_APPLICABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error_toast (TenkenDocumentView *self,
                  const char         *what,
                  const GError       *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = g_strdup_printf ("%s: %s", what, error->message);

  g_warning ("%s", title);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/* --- filtering --- */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  TenkenDocumentView *self = user_data;

  return tenken_item_matches (item, &self->query);
}

static void
update_list_state (TenkenDocumentView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static gboolean
filters_active (TenkenDocumentView *self)
{
  return self->query.statuses != 0 || self->query.flagged_only ||
         self->query.overdue_only || self->query.without_evidence_only ||
         (self->query.roles != 0 && self->query.roles != self->scope_roles);
}

static void
refilter (TenkenDocumentView *self,
          GtkFilterChange     change)
{
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_list_state (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.clear-filters", filters_active (self));
  if (filters_active (self))
    gtk_widget_add_css_class (self->filter_button, "accent");
  else
    gtk_widget_remove_css_class (self->filter_button, "accent");
}

/* The roles the list is restricted to: the filter popover's choice, else the
 * assessment's scope roles unless the user shows items for other roles */
static void
update_query_roles (TenkenDocumentView *self)
{
  TenkenRoles chosen = 0;

  for (guint i = 0; self->role_checks != NULL && i < self->role_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->role_checks, i);

      if (gtk_check_button_get_active (check))
        chosen |= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "role"));
    }

  if (chosen != 0)
    self->query.roles = chosen;
  else if (!self->show_other_roles)
    self->query.roles = self->scope_roles;
  else
    self->query.roles = 0;
}

static void
on_search_changed (TenkenDocumentView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_auto(GStrv) old_words = g_strdupv (self->query.words);
  g_autofree char *old_joined = NULL;
  g_autofree char *new_joined = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (!tenken_item_query_set_text (&self->query, text))
    return;

  /* Typing on narrows the list, deleting widens it: GTK then only rechecks
   * the items that can change. Every word must match, so more words, or a
   * longer last word, can only narrow. */
  if (old_words == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->query.words == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    {
      guint n_old = g_strv_length (old_words);
      guint n_new = g_strv_length (self->query.words);

      old_joined = g_strjoinv (" ", old_words);
      new_joined = g_strjoinv (" ", self->query.words);

      if (n_new >= n_old && g_str_has_prefix (new_joined, old_joined))
        change = GTK_FILTER_CHANGE_MORE_STRICT;
      else if (n_new <= n_old && g_str_has_prefix (old_joined, new_joined))
        change = GTK_FILTER_CHANGE_LESS_STRICT;
    }

  refilter (self, change);
}

static void
on_filter_toggled (TenkenDocumentView *self)
{
  self->query.statuses = 0;
  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    if (gtk_check_button_get_active (self->status_checks[i]))
      self->query.statuses |= 1u << i;

  self->query.flagged_only = gtk_check_button_get_active (self->flagged_check);
  self->query.overdue_only = gtk_check_button_get_active (self->overdue_check);
  self->query.without_evidence_only = gtk_check_button_get_active (self->no_evidence_check);
  update_query_roles (self);

  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Shown in the header bar when it is too narrow for the view switcher: the
 * item's label on the folded detail page, the document on the dashboard
 * (which counts all of it, whatever place the sidebar has), else the
 * sidebar's place */
static void
update_header_title (TenkenDocumentView *self)
{
  TenkenResponse *response = tenken_item_detail_get_response (self->detail);
  const char *title = tenken_sidebar_get_selected_title (self->sidebar);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "dashboard") == 0)
    title = gtk_label_get_label (self->sidebar_title);
  else if (response != NULL &&
           adw_leaflet_get_folded (self->inner_leaflet) &&
           g_strcmp0 (adw_leaflet_get_visible_child_name (self->inner_leaflet), "detail") == 0)
    title = tenken_catalog_node_get_label (TENKEN_CATALOG_NODE (tenken_response_get_item (response)));

  adw_view_switcher_title_set_title (self->switcher_title, title);
}

static void
on_sidebar_selection_changed (TenkenDocumentView *self)
{
  TenkenCatalogNode *node = NULL;
  TenkenSidebarKind kind = tenken_sidebar_get_selected (self->sidebar, &node);

  self->query.attention_only = kind == TENKEN_SIDEBAR_ATTENTION;
  self->query.within = kind == TENKEN_SIDEBAR_NODE ? node : NULL;
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);

  update_header_title (self);
}

static void
on_sidebar_activated (TenkenDocumentView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  adw_view_stack_set_visible_child_name (self->stack, "checklist");
  if (adw_leaflet_get_folded (self->inner_leaflet))
    adw_leaflet_set_visible_child_name (self->inner_leaflet, "list");
}

/* --- selection --- */

static void
on_selected_changed (TenkenDocumentView *self)
{
  TenkenResponse *response = gtk_single_selection_get_selected_item (self->selection);
  TenkenResponse *shown;
  guint n;

  tenken_item_detail_set_response (self->detail, response);

  /* The detail keeps an item whose typing could not be saved: the list
   * goes back to it, so that what is selected is what is shown */
  shown = tenken_item_detail_get_response (self->detail);
  if (shown != response && shown != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TenkenResponse) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

          if (item == shown)
            {
              gtk_single_selection_set_selected (self->selection, i);
              break;
            }
        }
    }

  update_header_title (self);
}

static void
on_item_activated (TenkenDocumentView *self,
                   guint               position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child_name (self->inner_leaflet, "detail");
  /* Enter on an item: on to its answer, from the keyboard too */
  gtk_widget_child_focus (GTK_WIDGET (self->detail), GTK_DIR_TAB_FORWARD);
}

static gboolean
select_response (TenkenDocumentView *self,
                 TenkenResponse     *response)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenResponse) r = g_list_model_get_item (model, i);

      if (r == response)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->item_list), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }

  return FALSE;
}

/* --- actions --- */

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TenkenDocumentView *self = TENKEN_DOCUMENT_VIEW (widget);

  if (adw_leaflet_get_folded (self->inner_leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->inner_leaflet), "detail") == 0 &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "checklist") == 0)
    adw_leaflet_set_visible_child_name (self->inner_leaflet, "list");
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
update_back_button (TenkenDocumentView *self)
{
  gboolean inner = adw_leaflet_get_folded (self->inner_leaflet) &&
                   g_strcmp0 (adw_leaflet_get_visible_child_name (self->inner_leaflet), "detail") == 0 &&
                   g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "checklist") == 0;

  gtk_widget_set_visible (self->back_button, inner || adw_leaflet_get_folded (self->leaflet));
  update_header_title (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TenkenDocumentView *self = TENKEN_DOCUMENT_VIEW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "checklist");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
update_undo_actions (TenkenDocumentView *self)
{
  gboolean can_undo = self->undo_stack && tenken_undo_stack_can_undo (self->undo_stack);
  gboolean can_redo = self->undo_stack && tenken_undo_stack_can_redo (self->undo_stack);
  gboolean writable = self->document && !tenken_document_is_read_only (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.undo", can_undo && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.redo", can_redo && writable);
}

static void
undo_redo (TenkenDocumentView *self,
           gboolean            undo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *item_id = NULL;
  gboolean ok;

  if (self->undo_stack == NULL)
    return;

  /* Typing not yet saved is the newest edit: save it so it can be undone */
  tenken_item_detail_flush (self->detail);

  if (undo)
    ok = tenken_undo_stack_undo (self->undo_stack, &item_id, &error);
  else
    ok = tenken_undo_stack_redo (self->undo_stack, &item_id, &error);

  if (!ok)
    {
      show_error_toast (self, undo ? _("Could not undo") : _("Could not redo"), error);
      return;
    }

  /* Show what changed back, unless the list hides it */
  if (item_id != NULL)
    tenken_document_view_select_item (self, item_id);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_redo (TENKEN_DOCUMENT_VIEW (widget), TRUE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_redo (TENKEN_DOCUMENT_VIEW (widget), FALSE);
}

static void
move_selection (TenkenDocumentView *self,
                int                 delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint pos = gtk_single_selection_get_selected (self->selection);
  guint next;

  if (n == 0)
    return;

  if (pos == GTK_INVALID_LIST_POSITION)
    next = delta > 0 ? 0 : n - 1;
  else if (delta < 0)
    next = pos > 0 ? pos - 1 : 0;
  else
    next = MIN (pos + 1, n - 1);

  gtk_single_selection_set_selected (self->selection, next);
  gtk_widget_activate_action (GTK_WIDGET (self->item_list), "list.scroll-to-item", "u", next);
}

static void
previous_item_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_selection (TENKEN_DOCUMENT_VIEW (widget), -1);
}

static void
next_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_selection (TENKEN_DOCUMENT_VIEW (widget), +1);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TenkenDocumentView *self = TENKEN_DOCUMENT_VIEW (widget);
  TenkenStatus status;

  if (!tenken_status_from_string (g_variant_get_string (parameter, NULL), &status))
    {
      g_warning ("Unknown status “%s”", g_variant_get_string (parameter, NULL));
      return;
    }

  tenken_item_detail_request_status (self->detail, status);
}

static void
toggle_flag_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  tenken_item_detail_toggle_flag (TENKEN_DOCUMENT_VIEW (widget)->detail);
}

static void
attach_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TenkenDocumentView *self = TENKEN_DOCUMENT_VIEW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "checklist");
  tenken_item_detail_choose_files (self->detail);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TenkenDocumentView *self = TENKEN_DOCUMENT_VIEW (widget);
  const char *page = g_variant_get_string (parameter, NULL);

  if (g_str_equal (page, "checklist") || g_str_equal (page, "dashboard"))
    adw_view_stack_set_visible_child_name (self->stack, page);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TenkenDocumentView *self = TENKEN_DOCUMENT_VIEW (widget);

  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    gtk_check_button_set_active (self->status_checks[i], FALSE);
  for (guint i = 0; self->role_checks != NULL && i < self->role_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->role_checks, i), FALSE);
  gtk_check_button_set_active (self->flagged_check, FALSE);
  gtk_check_button_set_active (self->overdue_check, FALSE);
  gtk_check_button_set_active (self->no_evidence_check, FALSE);
}

/* --- document --- */

/* The sidebar header names the document as the window does (file name, then
 * "organisation — service"); the catalog's title is the tooltip. Outside a
 * TenkenWindow (tests) it falls back to the scope. */
static void
update_titles (TenkenDocumentView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(TenkenScope) scope = NULL;
  const char *title, *subtitle;

  if (self->document == NULL)
    return;

  scope = tenken_document_dup_scope (self->document);
  if (TENKEN_IS_WINDOW (root))
    {
      title = gtk_window_get_title (GTK_WINDOW (root));
      subtitle = tenken_window_get_subtitle (TENKEN_WINDOW (root));
    }
  else
    {
      title = tenken_scope_get_service (scope);
      subtitle = tenken_scope_get_organisation (scope);
    }

  gtk_label_set_label (self->sidebar_title, title ? title : "");
  gtk_label_set_label (self->sidebar_subtitle, subtitle ? subtitle : "");
  update_header_title (self);
  /* Ellipsized in the narrow sidebar: the whole text on hover */
  gtk_widget_set_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (self->sidebar_title)),
                               tenken_catalog_get_title (tenken_document_get_catalog (self->document)));
}

static void
on_root_title_changed (TenkenDocumentView *self)
{
  update_titles (self);
}

static void
tenken_document_view_root (GtkWidget *widget)
{
  TenkenDocumentView *self = TENKEN_DOCUMENT_VIEW (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (tenken_document_view_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (TENKEN_IS_WINDOW (root))
    {
      g_signal_connect_object (root, "notify::title",
                               G_CALLBACK (on_root_title_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (root, "notify::subtitle",
                               G_CALLBACK (on_root_title_changed), self, G_CONNECT_SWAPPED);
    }
  update_titles (self);
}

static void
tenken_document_view_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, on_root_title_changed, widget);

  GTK_WIDGET_CLASS (tenken_document_view_parent_class)->unroot (widget);
}

static void
rebuild_role_filters (TenkenDocumentView *self)
{
  GtkWidget *child;
  TenkenRoles roles = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->role_filter_box))) != NULL)
    gtk_box_remove (self->role_filter_box, child);
  g_ptr_array_set_size (self->role_checks, 0);

  if (self->document != NULL)
    roles = tenken_catalog_get_roles (tenken_document_get_catalog (self->document));

  for (guint bit = 0; bit < 6; bit++)
    {
      TenkenRoles role = (TenkenRoles) (1u << bit);
      GtkWidget *check;

      if ((roles & role) == 0)
        continue;

      check = gtk_check_button_new_with_label (tenken_role_get_display_name (role));
      g_object_set_data (G_OBJECT (check), "role", GUINT_TO_POINTER (role));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_filter_toggled), self);
      gtk_box_append (self->role_filter_box, check);
      g_ptr_array_add (self->role_checks, check);
    }

  gtk_widget_set_visible (self->role_filter_heading, self->role_checks->len > 0);
}

static void
on_scope_changed (TenkenDocumentView *self,
                  const char         *item_id)
{
  g_autoptr(TenkenScope) scope = NULL;
  TenkenRoles roles;

  /* Only document-level changes (item NULL) can touch the scope */
  if (item_id != NULL || self->document == NULL)
    return;

  scope = tenken_document_dup_scope (self->document);
  roles = tenken_scope_get_roles (scope);
  update_titles (self);

  if (roles != self->scope_roles)
    {
      self->scope_roles = roles;
      tenken_sidebar_set_roles (self->sidebar, roles);
      tenken_dashboard_set_roles (self->dashboard, roles);
      update_query_roles (self);
      refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
    }
}

static void
on_dashboard_item_activated (TenkenDocumentView *self,
                             const char         *item_id)
{
  tenken_document_view_select_item (self, item_id);
}

static void
tenken_document_view_dispose (GObject *object)
{
  TenkenDocumentView *self = TENKEN_DOCUMENT_VIEW (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->scope_handler, self->document);
  g_clear_handle_id (&self->prepare_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), TENKEN_TYPE_DOCUMENT_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->role_checks, g_ptr_array_unref);
  tenken_item_query_clear (&self->query);

  G_OBJECT_CLASS (tenken_document_view_parent_class)->dispose (object);
}

static void
set_show_other_roles (TenkenDocumentView *self,
                      gboolean            value)
{
  value = !!value;
  if (self->show_other_roles == value)
    return;

  self->show_other_roles = value;
  update_query_roles (self);
  refilter (self, value ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_OTHER_ROLES]);
}

static void
set_show_not_applicable (TenkenDocumentView *self,
                         gboolean            value)
{
  value = !!value;
  if (self->show_not_applicable == value)
    return;

  self->show_not_applicable = value;
  self->query.hide_not_applicable = !value;
  refilter (self, value ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NOT_APPLICABLE]);
}

static void
tenken_document_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TenkenDocumentView *self = TENKEN_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SHOW_OTHER_ROLES:
      g_value_set_boolean (value, self->show_other_roles);
      break;
    case PROP_SHOW_NOT_APPLICABLE:
      g_value_set_boolean (value, self->show_not_applicable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_document_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TenkenDocumentView *self = TENKEN_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tenken_document_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_SHOW_OTHER_ROLES:
      set_show_other_roles (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_NOT_APPLICABLE:
      set_show_not_applicable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

typedef struct
{
  guint            keyval;
  GdkModifierType  mods;
  const char      *action;
  const char      *param;
} ViewShortcut;

/* The view.* accelerators of the shared UI plan (HELPERS.md); Ctrl+digit
 * works on the keypad too (see keypad_keyval()) */
static const ViewShortcut view_shortcuts[] = {
  { GDK_KEY_f, GDK_CONTROL_MASK, "view.search", NULL },
  { GDK_KEY_z, GDK_CONTROL_MASK, "view.undo", NULL },
  { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "view.redo", NULL },
  { GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "view.redo", NULL },
  { GDK_KEY_Up, GDK_ALT_MASK, "view.previous-item", NULL },
  { GDK_KEY_Down, GDK_ALT_MASK, "view.next-item", NULL },
  { GDK_KEY_0, GDK_CONTROL_MASK, "view.set-status", "not-started" },
  { GDK_KEY_1, GDK_CONTROL_MASK, "view.set-status", "implemented" },
  { GDK_KEY_2, GDK_CONTROL_MASK, "view.set-status", "partial" },
  { GDK_KEY_3, GDK_CONTROL_MASK, "view.set-status", "not-implemented" },
  { GDK_KEY_4, GDK_CONTROL_MASK, "view.set-status", "not-applicable" },
  { GDK_KEY_5, GDK_CONTROL_MASK, "view.set-status", "planned" },
  { GDK_KEY_m, GDK_CONTROL_MASK, "view.toggle-flag", NULL },
  { GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "view.attach-file", NULL },
  { GDK_KEY_A, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "view.attach-file", NULL },
  { GDK_KEY_1, GDK_ALT_MASK, "view.show-page", "checklist" },
  { GDK_KEY_2, GDK_ALT_MASK, "view.show-page", "dashboard" },
};

/* The keypad twin of a digit key, or 0 */
static guint
keypad_keyval (guint keyval)
{
  return keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9 ? GDK_KEY_KP_0 + (keyval - GDK_KEY_0) : 0;
}

static GtkShortcut *
shortcut_new (const ViewShortcut *sc,
              guint               keyval)
{
  return gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (keyval, sc->mods),
                                          gtk_named_action_new (sc->action),
                                          sc->param ? "s" : NULL,
                                          sc->param);
}

/* The class bindings work while the focus is inside the view; the same
 * shortcuts in a managed controller keep working when the focus is lost to
 * the window (a recycled list row, a click on the background). Widgets that
 * handle a key themselves (Ctrl+Z in a text field) still come first. */
/* Ctrl+F must open the search from anywhere in the view; a selectable
 * label in the detail swallows it in the bubble phase, so it is taken in
 * the capture phase (no text widget uses Ctrl+F). Ctrl+Shift+A is the item
 * list's own "unselect all", which would swallow the attach shortcut, so it
 * is taken here too, except from text fields, where it unselects the text. */
static gboolean
on_capture_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TenkenDocumentView    *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  GtkRoot *root;
  GtkWidget *focus;

  keyval = gdk_keyval_to_lower (keyval);

  if (keyval == GDK_KEY_f && mods == GDK_CONTROL_MASK)
    return gtk_widget_activate_action (GTK_WIDGET (self), "view.search", NULL);

  if (keyval == GDK_KEY_a && mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK))
    {
      root = gtk_widget_get_root (GTK_WIDGET (self));
      focus = root != NULL ? gtk_root_get_focus (root) : NULL;
      if (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus))
        return FALSE;

      return gtk_widget_activate_action (GTK_WIDGET (self), "view.attach-file", NULL);
    }

  return FALSE;
}

static void
add_window_shortcuts (TenkenDocumentView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);

  for (guint i = 0; i < G_N_ELEMENTS (view_shortcuts); i++)
    {
      const ViewShortcut *sc = &view_shortcuts[i];

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut_new (sc, sc->keyval));
      if (keypad_keyval (sc->keyval) != 0)
        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                              shortcut_new (sc, keypad_keyval (sc->keyval)));
    }

  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
tenken_document_view_class_init (TenkenDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenken_document_view_dispose;
  widget_class->root = tenken_document_view_root;
  widget_class->unroot = tenken_document_view_unroot;
  object_class->get_property = tenken_document_view_get_property;
  object_class->set_property = tenken_document_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TENKEN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Bound to the GSettings keys of the same names */
  properties[PROP_SHOW_OTHER_ROLES] =
    g_param_spec_boolean ("show-other-roles", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_NOT_APPLICABLE] =
    g_param_spec_boolean ("show-not-applicable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TENKEN_TYPE_SIDEBAR);
  g_type_ensure (TENKEN_TYPE_ITEM_DETAIL);
  g_type_ensure (TENKEN_TYPE_DASHBOARD);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/tenken-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, inner_leaflet);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, sidebar_subtitle);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, back_button);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, stack);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, search_button);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, status_filter_box);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, role_filter_box);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, role_filter_heading);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, flagged_check);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, overdue_check);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, no_evidence_check);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, item_list);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, detail);
  gtk_widget_class_bind_template_child (widget_class, TenkenDocumentView, dashboard);

  gtk_widget_class_install_action (widget_class, "view.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "view.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "view.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "view.previous-item", NULL, previous_item_action);
  gtk_widget_class_install_action (widget_class, "view.next-item", NULL, next_item_action);
  gtk_widget_class_install_action (widget_class, "view.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "view.toggle-flag", NULL, toggle_flag_action);
  gtk_widget_class_install_action (widget_class, "view.attach-file", NULL, attach_file_action);
  gtk_widget_class_install_action (widget_class, "view.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "view.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_property_action (widget_class, "view.show-other-roles", "show-other-roles");
  gtk_widget_class_install_property_action (widget_class, "view.show-not-applicable", "show-not-applicable");

  for (guint i = 0; i < G_N_ELEMENTS (view_shortcuts); i++)
    {
      const ViewShortcut *sc = &view_shortcuts[i];

      g_autoptr(GtkShortcut) shortcut = shortcut_new (sc, sc->keyval);

      /* Transfer none, unlike gtk_shortcut_controller_add_shortcut() */
      gtk_widget_class_add_shortcut (widget_class, shortcut);
      if (keypad_keyval (sc->keyval) != 0)
        {
          g_autoptr(GtkShortcut) keypad = shortcut_new (sc, keypad_keyval (sc->keyval));
          gtk_widget_class_add_shortcut (widget_class, keypad);
        }
    }

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
item_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, tenken_item_row_new ());
}

static void
item_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  tenken_item_row_set_response (TENKEN_ITEM_ROW (gtk_list_item_get_child (list_item)),
                                gtk_list_item_get_item (list_item));
}

static void
item_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  tenken_item_row_set_response (TENKEN_ITEM_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static GQuark sort_key_quark;

/* Natural order ("AC-2" before "AC-10"), the key cached on the item */
static const char *
get_sort_key (TenkenResponse *response)
{
  TenkenCatalogItem *item = tenken_response_get_item (response);
  const char *key = g_object_get_qdata (G_OBJECT (item), sort_key_quark);

  if (key == NULL)
    {
      TenkenCatalogNode *node = TENKEN_CATALOG_NODE (item);
      const char *sort_id = tenken_catalog_node_get_sort_id (node);
      char *k = g_utf8_collate_key_for_filename (sort_id ? sort_id : tenken_catalog_node_get_label (node), -1);

      g_object_set_qdata_full (G_OBJECT (item), sort_key_quark, k, g_free);
      key = k;
    }

  return key;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  return strcmp (get_sort_key ((gpointer) a), get_sort_key ((gpointer) b));
}

static void
tenken_document_view_init (TenkenDocumentView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  GtkSorter *sorter;

  if (sort_key_quark == 0)
    sort_key_quark = g_quark_from_static_string ("tenken-document-view-sort-key");

  self->show_not_applicable = TRUE;
  self->role_checks = g_ptr_array_new ();
  tenken_item_query_init (&self->query);

  gtk_widget_init_template (GTK_WIDGET (self));
  tenken_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));
  add_window_shortcuts (self);
  {
    GtkEventController *key = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
    g_signal_connect (key, "key-pressed", G_CALLBACK (on_capture_key), self);
    gtk_widget_add_controller (GTK_WIDGET (self), key);
  }

  /* Status check buttons, in the order of the Ctrl+0…5 shortcuts */
  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (tenken_status_get_display_name (i));

      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_filter_toggled), self);
      gtk_box_append (self->status_filter_box, check);
      self->status_checks[i] = GTK_CHECK_BUTTON (check);
    }
  g_signal_connect_swapped (self->flagged_check, "toggled", G_CALLBACK (on_filter_toggled), self);
  g_signal_connect_swapped (self->overdue_check, "toggled", G_CALLBACK (on_filter_toggled), self);
  g_signal_connect_swapped (self->no_evidence_check, "toggled", G_CALLBACK (on_filter_toggled), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.clear-filters", FALSE);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* Typing in the list starts a search */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->item_list));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (gtk_widget_grab_focus), self->item_list);

  /* Models are built once: responses → filter → sort → selection. The
   * responses model is swapped when a document is set. */
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  sorter = GTK_SORTER (gtk_custom_sorter_new (sort_func, NULL, NULL));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)), sorter);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selected_changed), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (item_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (item_bind), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (item_unbind), NULL);
  gtk_list_view_set_factory (self->item_list, factory);
  gtk_list_view_set_model (self->item_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->item_list, "activate", G_CALLBACK (on_item_activated), self);

  g_signal_connect_swapped (self->sidebar, "selection-changed", G_CALLBACK (on_sidebar_selection_changed), self);
  g_signal_connect_swapped (self->sidebar, "activated", G_CALLBACK (on_sidebar_activated), self);

  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (update_back_button), self);
  g_signal_connect_swapped (self->inner_leaflet, "notify::folded", G_CALLBACK (update_back_button), self);
  g_signal_connect_swapped (self->inner_leaflet, "notify::visible-child", G_CALLBACK (update_back_button), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (update_back_button), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (update_header_title), self);
  update_back_button (self);

  /* The dashboard is written in parallel: connect only once it has the signal */
  if (g_signal_lookup ("item-activated", TENKEN_TYPE_DASHBOARD) != 0)
    g_signal_connect_object (self->dashboard, "item-activated",
                             G_CALLBACK (on_dashboard_item_activated), self, G_CONNECT_SWAPPED);

  /* The keys may be missing from an older installed schema: fall back to
   * the defaults instead of aborting */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      if (g_settings_schema_has_key (schema, "show-other-roles"))
        g_settings_bind (self->settings, "show-other-roles", self, "show-other-roles", G_SETTINGS_BIND_DEFAULT);
      if (g_settings_schema_has_key (schema, "show-not-applicable"))
        g_settings_bind (self->settings, "show-not-applicable", self, "show-not-applicable", G_SETTINGS_BIND_DEFAULT);
      if (g_settings_schema_has_key (schema, "default-owner"))
        g_settings_bind (self->settings, "default-owner", self->detail, "default-owner", G_SETTINGS_BIND_GET);
    }

  update_undo_actions (self);
}

GtkWidget *
tenken_document_view_new (void)
{
  return g_object_new (TENKEN_TYPE_DOCUMENT_VIEW, NULL);
}

TenkenDocument *
tenken_document_view_get_document (TenkenDocumentView *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT_VIEW (self), NULL);

  return self->document;
}

/* A few milliseconds at a time, so the window stays responsive meanwhile */
static gboolean
prepare_search_step (gpointer data)
{
  TenkenDocumentView *self = data;
  GListModel *responses = tenken_document_get_responses (self->document);
  guint n = g_list_model_get_n_items (responses);
  gint64 end = g_get_monotonic_time () + 4 * 1000;

  while (self->prepare_position < n && g_get_monotonic_time () < end)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, self->prepare_position++);

      tenken_item_prepare_search (response);
    }

  if (self->prepare_position < n)
    return G_SOURCE_CONTINUE;

  self->prepare_source = 0;
  return G_SOURCE_REMOVE;
}

void
tenken_document_view_set_document (TenkenDocumentView *self,
                                   TenkenDocument     *document)
{
  g_autoptr(TenkenScope) scope = NULL;

  g_return_if_fail (TENKEN_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (!document || TENKEN_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      tenken_item_detail_flush (self->detail);
      g_clear_signal_handler (&self->scope_handler, self->document);
    }

  g_set_object (&self->document, document);
  g_clear_object (&self->undo_stack);
  g_clear_handle_id (&self->prepare_source, g_source_remove);

  tenken_item_detail_set_response (self->detail, NULL);
  clear_filters_action (GTK_WIDGET (self), NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  if (document != NULL)
    {
      scope = tenken_document_dup_scope (document);
      self->scope_roles = tenken_scope_get_roles (scope);
      self->undo_stack = tenken_undo_stack_new (document);
      g_signal_connect_object (self->undo_stack, "notify::can-undo",
                               G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->undo_stack, "notify::can-redo",
                               G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
      self->scope_handler = g_signal_connect_swapped (document, "changed",
                                                      G_CALLBACK (on_scope_changed), self);
      /* The first keystroke of a search then costs what the next ones do */
      self->prepare_position = 0;
      self->prepare_source = g_idle_add_full (G_PRIORITY_LOW, prepare_search_step, self, NULL);
    }
  else
    self->scope_roles = 0;

  tenken_item_detail_set_undo_stack (self->detail, self->undo_stack);
  rebuild_role_filters (self);
  update_query_roles (self);
  self->query.hide_not_applicable = !self->show_not_applicable;
  self->query.within = NULL;
  self->query.attention_only = FALSE;

  tenken_sidebar_set_document (self->sidebar, document, self->scope_roles);
  tenken_dashboard_set_document (self->dashboard, document);
  tenken_dashboard_set_roles (self->dashboard, self->scope_roles);

  gtk_filter_list_model_set_model (self->filter_model,
                                   document ? tenken_document_get_responses (document) : NULL);
  update_list_state (self);
  update_titles (self);
  update_undo_actions (self);

  adw_view_stack_set_visible_child_name (self->stack, "checklist");
  adw_leaflet_set_visible_child_name (self->inner_leaflet, "list");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gboolean
tenken_document_view_select_item (TenkenDocumentView *self,
                                  const char         *item_id)
{
  TenkenResponse *response;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  if (self->document == NULL)
    return FALSE;

  response = tenken_document_get_response (self->document, item_id);
  if (response == NULL)
    return FALSE;

  adw_view_stack_set_visible_child_name (self->stack, "checklist");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");

  if (!select_response (self, response))
    {
      /* Hidden by the search, the filters or the sidebar: show everything
       * the roles allow, then try again */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      clear_filters_action (GTK_WIDGET (self), NULL, NULL);
      tenken_sidebar_select_all (self->sidebar);
      if (!select_response (self, response))
        {
          set_show_other_roles (self, TRUE);
          set_show_not_applicable (self, TRUE);
          if (!select_response (self, response))
            return FALSE;
        }
    }

  adw_leaflet_set_visible_child_name (self->inner_leaflet, "detail");
  return TRUE;
}

TenkenUndoStack *
tenken_document_view_get_undo_stack (TenkenDocumentView *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT_VIEW (self), NULL);

  return self->undo_stack;
}

GtkListView *
tenken_document_view_get_item_list (TenkenDocumentView *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT_VIEW (self), NULL);

  return self->item_list;
}

GtkEditable *
tenken_document_view_get_search_entry (TenkenDocumentView *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT_VIEW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

TenkenItemDetail *
tenken_document_view_get_detail (TenkenDocumentView *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT_VIEW (self), NULL);

  return self->detail;
}

TenkenDashboard *
tenken_document_view_get_dashboard (TenkenDocumentView *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT_VIEW (self), NULL);

  return self->dashboard;
}

TenkenSidebar *
tenken_document_view_get_sidebar (TenkenDocumentView *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT_VIEW (self), NULL);

  return self->sidebar;
}
