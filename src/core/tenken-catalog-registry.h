/* tenken-catalog-registry.h: the catalogs installed for this user
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-catalog.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_CATALOG_REGISTRY (tenken_catalog_registry_get_type ())
G_DECLARE_FINAL_TYPE (TenkenCatalogRegistry, tenken_catalog_registry, TENKEN, CATALOG_REGISTRY, GObject)

/* Shipped catalogs (tenken_paths_get_catalog_dir()) and the user's imports
 * ($XDG_DATA_HOME/tenken/catalogs), a user catalog shadowing nothing */
TenkenCatalogRegistry *tenken_catalog_registry_new           (void);
/* For tests: @system_dir holds shipped catalogs, @user_dir receives imports */
TenkenCatalogRegistry *tenken_catalog_registry_new_for_dirs  (GFile                 *system_dir,
                                                              GFile                 *user_dir);

/* Scans the directories (again). A catalog that fails to load is skipped and
 * reported through g_warning with its error, never fatal. */
gboolean       tenken_catalog_registry_reload  (TenkenCatalogRegistry  *self,
                                                GError                **error);
/* The installed catalogs, sorted by id (TenkenCatalog) */
GListModel    *tenken_catalog_registry_get_catalogs (TenkenCatalogRegistry *self);
TenkenCatalog *tenken_catalog_registry_lookup  (TenkenCatalogRegistry  *self,
                                                const char             *id);
/* Validates @file as an OSCAL catalog, then copies it atomically into the
 * user directory as ID.xml and adds it. Returns the new catalog. */
TenkenCatalog *tenken_catalog_registry_import  (TenkenCatalogRegistry  *self,
                                                GFile                  *file,
                                                GCancellable           *cancellable,
                                                GError                **error);
/* TRUE when the catalog was imported by the user (may be removed) */
gboolean       tenken_catalog_registry_is_user_catalog (TenkenCatalogRegistry *self,
                                                        TenkenCatalog         *catalog);

G_END_DECLS
