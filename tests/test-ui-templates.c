/* test-ui-templates.c: every .ui file in the GResource builds
 *
 * A .ui file that names a missing type or property compiles fine and fails
 * only when shown; this instantiates every template class and builds every
 * plain builder file, with criticals fatal.
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ui-templates"

#include "config.h"

#include <string.h>

#include "ui-test-utils.h"

static void
collect_ui_files (const char *path,
                  GPtrArray  *out)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) children = g_resources_enumerate_children (path, 0, &error);

  g_assert_no_error (error);

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        collect_ui_files (child, out);
      else if (g_str_has_suffix (children[i], ".ui"))
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

/* The class named by `<template class="X"`, or NULL */
static char *
find_template_class (const char *xml)
{
  const char *start = strstr (xml, "<template class=\"");
  const char *end;

  if (start == NULL)
    return NULL;

  start += strlen ("<template class=\"");
  end = strchr (start, '"');
  g_assert_nonnull (end);

  return g_strndup (start, end - start);
}

/* No button is named by its raw mnemonic label ("_Open…"): GTK 4.8 would
 * have screen readers say "_Open… Open…" (see tenken-a11y.h) */
static void
assert_no_raw_mnemonic_names (const char *path,
                              GtkWidget  *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (widget));

      if (label != NULL && strchr (label, '_') != NULL)
        {
          g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                         GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                         label);
          if (problem == NULL)
            g_error ("%s: the button “%s” is named by its raw mnemonic label; "
                     "call tenken_a11y_fix_mnemonic_buttons()", path, label);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_raw_mnemonic_names (path, child);
}

static void
test_template (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *class_name = NULL;
  GType type;
  GObject *object;

  if (!ui_test_require_display ())
    return;

  bytes = g_resources_lookup_data (path, 0, &error);
  g_assert_no_error (error);
  xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  class_name = find_template_class (xml);
  if (class_name == NULL)
    {
      /* Not a template (e.g. gtk/help-overlay.ui): it must build as is */
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();

      gtk_builder_add_from_resource (builder, path, &error);
      g_assert_no_error (error);
      return;
    }

  type = g_type_from_name (class_name);
  if (type == 0)
    g_error ("%s: template class %s is not registered; add it to tenken_app_ensure_types()",
             path, class_name);
  g_assert_true (g_type_is_a (type, GTK_TYPE_WIDGET));

  object = g_object_new (type, NULL);
  g_assert_true (G_IS_OBJECT (object));
  assert_no_raw_mnemonic_names (path, GTK_WIDGET (object));

  if (GTK_IS_WINDOW (object))
    {
      gtk_window_destroy (GTK_WINDOW (object));
    }
  else
    {
      g_object_ref_sink (object);
      g_object_unref (object);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);
  ui_test_init ();

  collect_ui_files (RESOURCE_PREFIX "/", files);
  g_assert_cmpuint (files->len, >, 0);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *test_path = g_strconcat ("/ui/templates", path + strlen (RESOURCE_PREFIX), NULL);

      g_test_add_data_func (test_path, path, test_template);
    }

  return g_test_run ();
}
