/* tenken-welcome-page.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-welcome-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tenken-a11y.h"
#include "tenken-welcome-page.h"

/* A welcome page, not a file manager: the latest few are enough */
#define MAX_RECENT 8

struct _TenkenWelcomePage
{
  AdwBin            parent_instance;

  GtkRecentManager *recent_manager;

  GtkWidget        *recent_box;
  GtkListBox       *recent_list;
};

G_DEFINE_FINAL_TYPE (TenkenWelcomePage, tenken_welcome_page, ADW_TYPE_BIN)

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  /* Newest first */
  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static char *
dup_display_folder (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return g_strdup ("");

  if (g_file_equal (parent, home))
    return g_strdup ("~");

  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);

  return g_file_get_parse_name (parent);
}

static GtkWidget *
create_recent_row (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folder = dup_display_folder (file);
  g_autofree char *parse_name = g_file_get_parse_name (file);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* Rows take markup: file names may hold & or < */
  if (g_str_has_suffix (name, ".tenken"))
    name[strlen (name) - strlen (".tenken")] = '\0';
  title = g_markup_escape_text (name, -1);
  subtitle = g_markup_escape_text (folder, -1);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, parse_name);
  g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);

  return row;
}

static void
tenken_welcome_page_reload (TenkenWelcomePage *self)
{
  GtkWidget *child;
  GList *items;
  g_autoptr(GPtrArray) recent = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  items = gtk_recent_manager_get_items (self->recent_manager);
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      /* Only documents, and only those still there */
      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".tenken") &&
          (!gtk_recent_info_is_local (info) || gtk_recent_info_exists (info)))
        g_ptr_array_add (recent, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (recent, compare_recent);

  for (guint i = 0; i < recent->len && i < MAX_RECENT; i++)
    gtk_list_box_append (self->recent_list, create_recent_row (g_ptr_array_index (recent, i)));

  gtk_widget_set_visible (self->recent_box, recent->len > 0);
}

static void
on_recent_row_activated (TenkenWelcomePage *self,
                         GtkListBoxRow     *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");

  if (uri != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.open-file", "s", uri);
}

static void
tenken_welcome_page_dispose (GObject *object)
{
  TenkenWelcomePage *self = TENKEN_WELCOME_PAGE (object);

  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  g_clear_object (&self->recent_manager);

  gtk_widget_dispose_template (GTK_WIDGET (object), TENKEN_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (tenken_welcome_page_parent_class)->dispose (object);
}

static void
tenken_welcome_page_class_init (TenkenWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenken_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/tenken-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TenkenWelcomePage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, TenkenWelcomePage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_row_activated);
}

static void
tenken_welcome_page_init (TenkenWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  tenken_a11y_fix_mnemonic_buttons (GTK_WIDGET (self));

  tenken_welcome_page_set_recent_manager (self, gtk_recent_manager_get_default ());
}

GtkWidget *
tenken_welcome_page_new (void)
{
  return g_object_new (TENKEN_TYPE_WELCOME_PAGE, NULL);
}

void
tenken_welcome_page_set_recent_manager (TenkenWelcomePage *self,
                                        GtkRecentManager  *manager)
{
  g_return_if_fail (TENKEN_IS_WELCOME_PAGE (self));
  g_return_if_fail (GTK_IS_RECENT_MANAGER (manager));

  if (self->recent_manager == manager)
    return;

  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  g_set_object (&self->recent_manager, manager);
  g_signal_connect_object (manager, "changed", G_CALLBACK (tenken_welcome_page_reload),
                           self, G_CONNECT_SWAPPED);

  tenken_welcome_page_reload (self);
}
