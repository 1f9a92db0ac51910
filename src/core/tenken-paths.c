/* tenken-paths.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-paths"

#include "config.h"

#include "tenken-paths.h"

gboolean
tenken_paths_is_uninstalled (void)
{
  static gsize initialized = 0;
  static gboolean uninstalled = FALSE;

  if (g_once_init_enter (&initialized))
    {
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *prefix = g_strconcat (TENKEN_BUILD_ROOT, G_DIR_SEPARATOR_S, NULL);

      /* A binary inside the build tree reads data from the tree, so that
       * `tenken` and `tenken-cli` run without `meson install`. */
      uninstalled = exe != NULL && g_str_has_prefix (exe, prefix);
      g_once_init_leave (&initialized, 1);
    }

  return uninstalled;
}

static const char *
data_dir (void)
{
  const char *env = g_getenv ("TENKEN_DATA_DIR");

  if (env != NULL && *env != '\0')
    return env;

  return tenken_paths_is_uninstalled () ? TENKEN_SOURCE_DATADIR : PKGDATADIR;
}

GFile *
tenken_paths_get_catalog_dir (void)
{
  return g_file_new_build_filename (data_dir (), "catalogs", NULL);
}

GFile *
tenken_paths_get_user_catalog_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "tenken", "catalogs", NULL);
}

GFile *
tenken_paths_get_schema_dir (void)
{
  return g_file_new_build_filename (data_dir (), "schemas", NULL);
}

const char *
tenken_paths_get_uninstalled_gsettings_dir (void)
{
  return tenken_paths_is_uninstalled () ? TENKEN_BUILD_DATADIR : NULL;
}

const char *
tenken_paths_get_locale_dir (void)
{
  return tenken_paths_is_uninstalled () ? TENKEN_BUILD_ROOT "/po" : LOCALEDIR;
}
