/* tenken-sidebar.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-item-filter.h"
#include "tenken-sidebar-private.h"

/* --- one place in the sidebar --- */

#define TENKEN_TYPE_SIDEBAR_ENTRY (tenken_sidebar_entry_get_type ())
G_DECLARE_FINAL_TYPE (TenkenSidebarEntry, tenken_sidebar_entry, TENKEN, SIDEBAR_ENTRY, GObject)

struct _TenkenSidebarEntry
{
  GObject            parent_instance;
  TenkenSidebarKind  kind;
  TenkenCatalogNode *node;    /* not a reference: the catalog outlives the entry */
  char              *title;
  guint              depth;
  guint              done;
  guint              total;
};

G_DEFINE_FINAL_TYPE (TenkenSidebarEntry, tenken_sidebar_entry, G_TYPE_OBJECT)

static GParamSpec *entry_counts_pspec;

static void
tenken_sidebar_entry_finalize (GObject *object)
{
  g_free (TENKEN_SIDEBAR_ENTRY (object)->title);

  G_OBJECT_CLASS (tenken_sidebar_entry_parent_class)->finalize (object);
}

static void
tenken_sidebar_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  g_value_set_uint (value, TENKEN_SIDEBAR_ENTRY (object)->done);
}

static void
tenken_sidebar_entry_class_init (TenkenSidebarEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tenken_sidebar_entry_finalize;
  G_OBJECT_CLASS (klass)->get_property = tenken_sidebar_entry_get_property;

  /* Notified when done or total changed; reads as done */
  entry_counts_pspec = g_param_spec_uint ("counts", NULL, NULL, 0, G_MAXUINT, 0,
                                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (G_OBJECT_CLASS (klass), 1, entry_counts_pspec);
}

static void
tenken_sidebar_entry_init (TenkenSidebarEntry *self)
{
}

static TenkenSidebarEntry *
entry_new (TenkenSidebarKind  kind,
           TenkenCatalogNode *node,
           const char        *title,
           guint              depth)
{
  TenkenSidebarEntry *entry = g_object_new (TENKEN_TYPE_SIDEBAR_ENTRY, NULL);

  entry->kind = kind;
  entry->node = node;
  entry->title = g_strdup (title);
  entry->depth = depth;

  return entry;
}

/* --- the sidebar --- */

struct _TenkenSidebar
{
  GtkWidget           parent_instance;

  GtkWidget          *scroller;
  GtkListView        *list;
  GListStore         *entries;
  GtkSingleSelection *selection;

  TenkenDocument     *document;
  TenkenRoles         roles;
  gulong              changed_handler;
  guint               update_source;
};

G_DEFINE_FINAL_TYPE (TenkenSidebar, tenken_sidebar, GTK_TYPE_WIDGET)

enum {
  SELECTION_CHANGED,
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One pass over the answers: each counts for "All Items" and for every
 * ancestor shown in the sidebar (asking the document per row was
 * rows × items, 160,000 steps for a 1,200-item catalog at every edit) */
static void
update_counts (TenkenSidebar *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);
  g_autofree guint *done = g_new0 (guint, n);
  g_autofree guint *total = g_new0 (guint, n);
  TenkenItemQuery attention;
  GListModel *responses;
  guint n_responses;
  int all = -1, needs_attention = -1;

  if (self->document == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenSidebarEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (entry->kind == TENKEN_SIDEBAR_ALL)
        all = i;
      else if (entry->kind == TENKEN_SIDEBAR_ATTENTION)
        needs_attention = i;
      else
        g_hash_table_insert (rows, entry->node, GUINT_TO_POINTER (i + 1));
    }

  tenken_item_query_init (&attention);
  attention.attention_only = TRUE;
  attention.roles = self->roles;
  responses = tenken_document_get_responses (self->document);
  n_responses = g_list_model_get_n_items (responses);

  for (guint j = 0; j < n_responses; j++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, j);
      TenkenCatalogItem *item = tenken_response_get_item (response);
      TenkenStatus status;
      gboolean is_done;

      if (needs_attention >= 0 && tenken_item_matches (response, &attention))
        total[needs_attention]++;
      if (!tenken_catalog_item_applies_to (item, self->roles))
        continue;

      status = tenken_response_get_status (response);
      is_done = status == TENKEN_STATUS_IMPLEMENTED || status == TENKEN_STATUS_NOT_APPLICABLE;
      if (all >= 0)
        {
          total[all]++;
          done[all] += is_done;
        }
      for (TenkenCatalogNode *node = TENKEN_CATALOG_NODE (item);
           node != NULL;
           node = tenken_catalog_node_get_parent (node))
        {
          guint row = GPOINTER_TO_UINT (g_hash_table_lookup (rows, node));

          if (row > 0)
            {
              total[row - 1]++;
              done[row - 1] += is_done;
            }
        }
    }
  tenken_item_query_clear (&attention);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenSidebarEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (entry->done != done[i] || entry->total != total[i])
        {
          entry->done = done[i];
          entry->total = total[i];
          g_object_notify_by_pspec (G_OBJECT (entry), entry_counts_pspec);
        }
    }
}

static gboolean
update_counts_idle (gpointer data)
{
  TenkenSidebar *self = data;

  self->update_source = 0;
  update_counts (self);

  return G_SOURCE_REMOVE;
}

static void
on_document_changed (TenkenSidebar *self)
{
  /* Several changes in one go (undo, a scope change) cost one recount */
  if (self->update_source == 0)
    self->update_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_counts_idle, self, NULL);
}

/* Second-level nodes are shown when they are groups, or when every child
 * of the category is a control with its own items (METI's requirements →
 * itemised requirements). NIST families, holding plain controls, stay flat. */
static gboolean
show_children (TenkenCatalogNode *category)
{
  GListModel *children = tenken_catalog_node_get_children (category);
  guint n = g_list_model_get_n_items (children);

  if (n == 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenCatalogNode) child = g_list_model_get_item (children, i);

      if (TENKEN_IS_CATALOG_GROUP (child))
        return TRUE;
      if (g_list_model_get_n_items (tenken_catalog_node_get_children (child)) == 0)
        return FALSE;
    }

  return TRUE;
}

static char *
node_title (TenkenCatalogNode *node)
{
  const char *label = tenken_catalog_node_get_label (node);
  const char *title = tenken_catalog_node_get_title (node);

  if (label != NULL && title != NULL && !g_str_equal (label, title) &&
      !g_str_equal (label, tenken_catalog_node_get_id (node)))
    return g_strdup_printf ("%s %s", label, title);

  return g_strdup (title ? title : label);
}

static void
rebuild (TenkenSidebar *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *groups;
  guint n;

  g_ptr_array_add (items, entry_new (TENKEN_SIDEBAR_ALL, NULL, _("All Items"), 0));
  g_ptr_array_add (items, entry_new (TENKEN_SIDEBAR_ATTENTION, NULL, _("Needs Attention"), 0));

  if (self->document != NULL)
    {
      groups = tenken_catalog_get_groups (tenken_document_get_catalog (self->document));
      n = g_list_model_get_n_items (groups);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TenkenCatalogNode) group = g_list_model_get_item (groups, i);
          g_autofree char *title = node_title (group);

          g_ptr_array_add (items, entry_new (TENKEN_SIDEBAR_NODE, group, title, 0));

          if (show_children (group))
            {
              GListModel *children = tenken_catalog_node_get_children (group);
              guint n_children = g_list_model_get_n_items (children);

              for (guint j = 0; j < n_children; j++)
                {
                  g_autoptr(TenkenCatalogNode) child = g_list_model_get_item (children, j);
                  g_autofree char *child_title = node_title (child);

                  g_ptr_array_add (items, entry_new (TENKEN_SIDEBAR_NODE, child, child_title, 1));
                }
            }
        }
    }

  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       items->pdata, items->len);
  update_counts (self);
  gtk_single_selection_set_selected (self->selection, 0);
}

/* --- rows --- */

typedef struct
{
  GtkWidget *title;
  GtkWidget *count;
  GtkWidget *bar;
} RowWidgets;

static void
update_row (GtkWidget          *row,
            TenkenSidebarEntry *entry)
{
  RowWidgets *w = g_object_get_data (G_OBJECT (row), "widgets");
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;

  gtk_label_set_label (GTK_LABEL (w->title), entry->title);
  gtk_widget_set_margin_start (row, 12 * entry->depth);

  if (entry->kind == TENKEN_SIDEBAR_ATTENTION)
    {
      count = g_strdup_printf ("%u", entry->total);
      /* Translators: the number of items in "Needs attention" */
      description = g_strdup_printf (ngettext ("%u item", "%u items", entry->total), entry->total);
      gtk_widget_set_visible (w->bar, FALSE);
    }
  else
    {
      /* Translators: items done out of all items, e.g. "12/69" */
      count = g_strdup_printf (C_("done of total", "%u/%u"), entry->done, entry->total);
      /* Translators: spoken by screen readers for a sidebar row */
      description = g_strdup_printf (_("%u of %u done"), entry->done, entry->total);
      gtk_widget_set_visible (w->bar, TRUE);
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (w->bar),
                                     entry->total ? (double) entry->done / entry->total : 0.0);
    }

  gtk_label_set_label (GTK_LABEL (w->count), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entry->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
on_entry_counts (TenkenSidebarEntry *entry,
                 GParamSpec         *pspec,
                 GtkWidget          *row)
{
  update_row (row, entry);
}

static void
on_row_released (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 TenkenSidebar   *self)
{
  /* Let the list select first, then move on in a folded leaflet */
  g_signal_emit (self, signals[ACTIVATED], 0);
}

/* The tooltip is the row's whole title, given when asked: setting a
 * visible widget's tooltip text asks the display for the pointer, one X11
 * round trip per bound row and count change */
static gboolean
on_row_query_tooltip (GtkWidget  *row,
                      int         x,
                      int         y,
                      gboolean    keyboard_mode,
                      GtkTooltip *tooltip,
                      gpointer    user_data)
{
  RowWidgets *w = g_object_get_data (G_OBJECT (row), "widgets");
  const char *title = gtk_label_get_label (GTK_LABEL (w->title));

  if (title == NULL || *title == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, title);
  return TRUE;
}

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           TenkenSidebar            *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  RowWidgets *w = g_new0 (RowWidgets, 1);
  GtkGesture *click;

  w->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (w->title), PANGO_ELLIPSIZE_END);
  /* Long titles must not widen the sidebar; the tooltip shows them whole */
  gtk_label_set_max_width_chars (GTK_LABEL (w->title), 20);
  gtk_widget_set_hexpand (w->title, TRUE);
  w->count = gtk_label_new (NULL);
  gtk_widget_add_css_class (w->count, "dim-label");
  gtk_widget_add_css_class (w->count, "numeric");
  gtk_widget_add_css_class (w->count, "caption");
  w->bar = gtk_progress_bar_new ();
  gtk_widget_add_css_class (w->bar, "sidebar-progress");
  /* The row's description says "13 of 69 done" already */
  gtk_accessible_update_state (GTK_ACCESSIBLE (w->bar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_box_append (GTK_BOX (top), w->title);
  gtk_box_append (GTK_BOX (top), w->count);
  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), w->bar);
  g_object_set_data_full (G_OBJECT (row), "widgets", w, g_free);
  gtk_widget_set_has_tooltip (row, TRUE);
  g_signal_connect (row, "query-tooltip", G_CALLBACK (on_row_query_tooltip), NULL);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
  g_signal_connect (click, "released", G_CALLBACK (on_row_released), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  gtk_list_item_set_child (list_item, row);
}

static void
row_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          TenkenSidebar            *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  TenkenSidebarEntry *entry = gtk_list_item_get_item (list_item);

  update_row (row, entry);
  g_signal_connect_object (entry, "notify::counts", G_CALLBACK (on_entry_counts), row, 0);
}

static void
row_unbind (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            TenkenSidebar            *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  TenkenSidebarEntry *entry = gtk_list_item_get_item (list_item);

  g_signal_handlers_disconnect_by_func (entry, on_entry_counts, row);
}

static void
on_selected_changed (TenkenSidebar *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
on_list_activate (TenkenSidebar *self)
{
  g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
tenken_sidebar_dispose (GObject *object)
{
  TenkenSidebar *self = TENKEN_SIDEBAR (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (tenken_sidebar_parent_class)->dispose (object);
}

static void
tenken_sidebar_class_init (TenkenSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenken_sidebar_dispose;

  /**
   * TenkenSidebar::selection-changed:
   *
   * The selected place changed.
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TenkenSidebar::activated:
   *
   * The user chose a place.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tenken-sidebar");
}

static void
tenken_sidebar_init (TenkenSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->entries = g_list_store_new (TENKEN_TYPE_SIDEBAR_ENTRY);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind), self);

  self->list = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)),
                                                 g_object_ref (factory)));
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sections"),
                                  -1);
  g_signal_connect_swapped (self->list, "activate", G_CALLBACK (on_list_activate), self);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  rebuild (self);
}

GtkWidget *
tenken_sidebar_new (void)
{
  return g_object_new (TENKEN_TYPE_SIDEBAR, NULL);
}

void
tenken_sidebar_set_document (TenkenSidebar  *self,
                             TenkenDocument *document,
                             TenkenRoles     roles)
{
  g_return_if_fail (TENKEN_IS_SIDEBAR (self));

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_handle_id (&self->update_source, g_source_remove);

  g_set_object (&self->document, document);
  self->roles = roles;

  if (document != NULL)
    self->changed_handler = g_signal_connect_swapped (document, "changed",
                                                      G_CALLBACK (on_document_changed), self);

  rebuild (self);
}

void
tenken_sidebar_set_roles (TenkenSidebar *self,
                          TenkenRoles    roles)
{
  g_return_if_fail (TENKEN_IS_SIDEBAR (self));

  if (self->roles == roles)
    return;

  self->roles = roles;
  update_counts (self);
}

TenkenSidebarKind
tenken_sidebar_get_selected (TenkenSidebar      *self,
                             TenkenCatalogNode **out_node)
{
  TenkenSidebarEntry *entry;

  g_return_val_if_fail (TENKEN_IS_SIDEBAR (self), TENKEN_SIDEBAR_ALL);

  entry = gtk_single_selection_get_selected_item (self->selection);
  if (out_node != NULL)
    *out_node = entry ? entry->node : NULL;

  return entry ? entry->kind : TENKEN_SIDEBAR_ALL;
}

const char *
tenken_sidebar_get_selected_title (TenkenSidebar *self)
{
  TenkenSidebarEntry *entry;

  g_return_val_if_fail (TENKEN_IS_SIDEBAR (self), NULL);

  entry = gtk_single_selection_get_selected_item (self->selection);

  return entry ? entry->title : NULL;
}

void
tenken_sidebar_select_all (TenkenSidebar *self)
{
  g_return_if_fail (TENKEN_IS_SIDEBAR (self));

  gtk_single_selection_set_selected (self->selection, 0);
}

gboolean
_tenken_sidebar_get_place (TenkenSidebar      *self,
                           guint               position,
                           TenkenSidebarKind  *kind,
                           TenkenCatalogNode **node,
                           guint              *done,
                           guint              *total)
{
  g_autoptr(TenkenSidebarEntry) entry = NULL;

  g_return_val_if_fail (TENKEN_IS_SIDEBAR (self), FALSE);

  entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);
  if (entry == NULL)
    return FALSE;

  *kind = entry->kind;
  *node = entry->node;
  *done = entry->done;
  *total = entry->total;
  return TRUE;
}
