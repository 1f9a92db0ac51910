/* main.c: tenken
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "tenken-application.h"
#include "tenken-core.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TenkenApplication) app = NULL;
  const char *schema_dir;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, tenken_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Running from the build tree: use the schema compiled there */
  schema_dir = tenken_paths_get_uninstalled_gsettings_dir ();
  if (schema_dir != NULL && g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);

  g_set_application_name (_("Tenken"));

  app = tenken_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
