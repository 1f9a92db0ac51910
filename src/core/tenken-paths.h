/* tenken-paths.h: where data lives, installed or in the build tree
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* TRUE when the running binary sits in the meson build tree: then data is
 * read from the source tree and the build tree, so nothing needs installing.
 * $TENKEN_DATA_DIR overrides both. */
gboolean    tenken_paths_is_uninstalled     (void);
/* Directory of the shipped catalogs (…/share/tenken/catalogs or data/catalogs) */
GFile      *tenken_paths_get_catalog_dir    (void);
/* $XDG_DATA_HOME/tenken/catalogs (not created) */
GFile      *tenken_paths_get_user_catalog_dir (void);
/* Directory of shipped XML schemas (declaration schema …) */
GFile      *tenken_paths_get_schema_dir     (void);
/* Where the compiled GSettings schema is when uninstalled, else NULL */
const char *tenken_paths_get_uninstalled_gsettings_dir (void);
/* Where the compiled .mo files are when uninstalled, else LOCALEDIR */
const char *tenken_paths_get_locale_dir     (void);

G_END_DECLS
