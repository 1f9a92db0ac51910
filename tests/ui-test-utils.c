/* ui-test-utils.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ui-test-utils"

#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include <locale.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tenken-app-types.h"
#include "tenken-application.h"
#include "tenken-core.h"
#include "ui-test-utils.h"

static gboolean have_display;
static char *tmp_dir;
static GtkApplication *application;

static void
remove_tree (GFile *dir)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }

  g_file_delete (dir, NULL, NULL);
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GFile) dir = NULL;

  if (tmp_dir == NULL)
    return;

  dir = g_file_new_for_path (tmp_dir);
  remove_tree (dir);
  g_clear_pointer (&tmp_dir, g_free);
}

gboolean
ui_test_init (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  g_autofree char *cache = NULL;

  tmp_dir = g_dir_make_tmp ("tenken-ui-test-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_tmp_dir);

  /* Recent files, imported catalogs and caches must not be the user's */
  data = g_build_filename (tmp_dir, "data", NULL);
  config = g_build_filename (tmp_dir, "config", NULL);
  cache = g_build_filename (tmp_dir, "cache", NULL);
  g_mkdir_with_parents (data, 0700);
  g_mkdir_with_parents (config, 0700);
  g_mkdir_with_parents (cache, 0700);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  /* No portals or session services to wait for; accessibility through
   * GTK's test context, which keeps the properties for the tests to check
   * without an AT-SPI bus */
  g_setenv ("GTK_A11Y", "test", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, tenken_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GLib decides once, on the first g_dgettext(), whether to translate at
   * all, and in C.UTF-8 with no catalog for the language it says no for
   * the rest of the process. Make that first call with Japanese in effect,
   * so tests can switch languages later. */
  {
    g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));

    ui_test_set_language ("ja");
    (void) g_dgettext (GETTEXT_PACKAGE, "Not started");
    if (language != NULL)
      ui_test_set_language (language);
    else
      {
        g_unsetenv ("LANGUAGE");
        setlocale (LC_ALL, "");
        textdomain (GETTEXT_PACKAGE);
      }
  }

  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      tenken_app_ensure_types ();
    }

  return have_display;
}

gboolean
ui_test_require_display (void)
{
  if (!have_display)
    g_test_skip ("No display (run under xvfb-run)");

  return have_display;
}

const char *
ui_test_get_tmp_dir (void)
{
  return tmp_dir;
}

GtkApplication *
ui_test_get_application (void)
{
  g_autoptr(GError) error = NULL;

  if (application != NULL)
    return application;

  application = GTK_APPLICATION (tenken_application_new ());
  /* Not unique: tests run in parallel and must not find each other */
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) |
                           G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  return application;
}

TenkenDocument *
ui_test_create_document (const char *name,
                         const char *catalog_id)
{
  g_autoptr(TenkenCatalogRegistry) registry = tenken_catalog_registry_new ();
  g_autoptr(TenkenScope) scope = tenken_scope_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = g_strconcat (name, ".tenken", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TenkenCatalog *catalog = tenken_catalog_registry_lookup (registry, catalog_id);
  TenkenDocument *document;

  g_assert_nonnull (catalog);

  tenken_scope_set_organisation (scope, "Example Corporation");
  tenken_scope_set_service (scope, "Cloud Portal");
  tenken_scope_set_roles (scope, TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_OPERATOR);
  tenken_scope_set_period_start (scope, "2026-04-01");
  tenken_scope_set_period_end (scope, "2027-03-31");

  document = tenken_document_create (file, catalog, scope, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

GtkWidget *
ui_test_find_descendant (GtkWidget *root,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWindow *
ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

void
ui_test_destroy_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *window;

  while ((window = g_list_model_get_item (toplevels, 0)) != NULL)
    {
      gtk_window_destroy (window);
      g_object_unref (window);
    }
}

void
ui_test_set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  /* gettext caches translations; changing the text domain drops the cache */
  setlocale (LC_ALL, "");
  textdomain (GETTEXT_PACKAGE);
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;

  return G_SOURCE_REMOVE;
}

static struct rlimit saved_fsize_limit;
static gboolean       disk_full;

void
ui_test_disk_full (void)
{
  struct rlimit limit;

  g_assert_false (disk_full);
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_fsize_limit), ==, 0);
  limit = saved_fsize_limit;
  limit.rlim_cur = 1;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  disk_full = TRUE;
}

void
ui_test_disk_has_room (void)
{
  g_assert_true (disk_full);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_fsize_limit), ==, 0);
  disk_full = FALSE;
}

void
ui_test_wait (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

void
ui_test_show_window (GtkWindow *window,
                     int        width,
                     int        height)
{
  GdkFrameClock *clock;
  guint frames = 0;
  gulong handler;
  gint64 deadline;

  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  /* The default size includes the decorations' margins; make the content
   * exactly the asked size */
  ui_test_wait (100);
  if (gtk_widget_get_width (GTK_WIDGET (window)) != width ||
      gtk_widget_get_height (GTK_WIDGET (window)) != height)
    {
      gtk_window_set_default_size (window,
                                   2 * width - gtk_widget_get_width (GTK_WIDGET (window)),
                                   2 * height - gtk_widget_get_height (GTK_WIDGET (window)));
      ui_test_wait (100);
    }

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  gtk_widget_queue_draw (GTK_WIDGET (window));

  /* A few frames: the first may be before the size settled */
  while (frames < 3 && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      g_main_context_iteration (NULL, FALSE);
    }
  g_signal_handler_disconnect (clock, handler);

  /* Let transitions (stack crossfades, popovers) finish */
  ui_test_wait (300);
}

char *
ui_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  char *path;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* Under load the widget may not have drawn yet: its paintable then
   * snapshots to nothing. Give it frames until it has content. */
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;;)
    {
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node != NULL || g_get_monotonic_time () > deadline)
        break;
      snapshot = gtk_snapshot_new ();
      gtk_widget_queue_draw (widget);
      ui_test_wait (50);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                          "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s (%d×%d)", path, width, height);

  return path;
}

/* The PNG's pixels as GDK_MEMORY_DEFAULT: B, G, R, A bytes, premultiplied */
static guchar *
read_png_pixels (const char *path,
                 gsize      *n_pixels)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, &error);
  guchar *pixels;
  gsize stride;
  int width, height;

  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = (gsize) width * 4;
  *n_pixels = (gsize) width * height;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  return pixels;
}

void
ui_test_assert_png_not_blank (const char *path,
                              guint       min_colours,
                              double      min_fraction)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  gsize n_pixels;
  g_autofree guchar *pixels = read_png_pixels (path, &n_pixels);
  GHashTableIter iter;
  gpointer key, value;
  gsize most = 0, other;

  for (gsize i = 0; i < n_pixels; i++)
    {
      guint32 pixel = ((guint32 *) pixels)[i];
      gpointer k = GUINT_TO_POINTER (pixel + 1);   /* 0 is NULL */

      g_hash_table_insert (counts, k,
                           GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (counts, k)) + 1));
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    most = MAX (most, GPOINTER_TO_SIZE (value));
  other = n_pixels - most;

  g_test_message ("%s: %u colours, %.1f %% not background", path,
                  g_hash_table_size (counts), 100.0 * other / n_pixels);
  g_assert_cmpuint (g_hash_table_size (counts), >, min_colours);
  g_assert_cmpfloat ((double) other / n_pixels, >=, min_fraction);
}

double
ui_test_png_lightness (const char *path)
{
  gsize n_pixels;
  g_autofree guchar *pixels = read_png_pixels (path, &n_pixels);
  double sum = 0;

  for (gsize i = 0; i < n_pixels; i++)
    {
      const guchar *p = pixels + i * 4;

      sum += (0.0722 * p[0] + 0.7152 * p[1] + 0.2126 * p[2]) / 255.0;
    }

  return sum / (double) n_pixels;
}
