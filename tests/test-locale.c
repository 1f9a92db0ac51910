/* test-locale.c: translations load from the build tree
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "tenken-core.h"

/* The test binary sits in the build tree, so tenken_paths_get_locale_dir()
 * must point at the .mo files that meson compiled from po/ there. */
static void
test_locale_uninstalled_ja (void)
{
  g_autofree char *mo = NULL;

  g_assert_true (tenken_paths_is_uninstalled ());
  mo = g_build_filename (tenken_paths_get_locale_dir (),
                         "ja", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpstr (tenken_status_get_display_name (TENKEN_STATUS_NOT_STARTED), ==, "未着手");
}

/* Sizes in bytes in Japanese too (GLib's own catalog has no "bytes") */
static void
test_size_ja (void)
{
  g_autofree char *small = tenken_format_size_for_display (15);

  g_assert_cmpstr (small, ==, "15 バイト");
}

int
main (int   argc,
      char *argv[])
{
  /* Only C and C.UTF-8 exist on a fresh machine; LANGUAGE still selects the
   * catalog as long as the locale is not plain "C". */
  g_setenv ("LANGUAGE", "ja", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, tenken_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/locale/uninstalled-ja", test_locale_uninstalled_ja);
  g_test_add_func ("/locale/size-ja", test_size_ja);

  return g_test_run ();
}
