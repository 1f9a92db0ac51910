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

/* Scans the directories (again). A catalog that fails to load is skipped,
 * never fatal: its error is kept in tenken_catalog_registry_get_errors()
 * (and logged with g_debug). FALSE only when a directory cannot be listed;
 * the constructors scan once themselves. */
gboolean       tenken_catalog_registry_reload  (TenkenCatalogRegistry  *self,
                                                GError                **error);
/* The problems of the last scan, one GError (TENKEN_CATALOG_ERROR) per
 * skipped file, each message naming the file. Transfer none. */
GPtrArray     *tenken_catalog_registry_get_errors (TenkenCatalogRegistry *self);
/* The installed catalogs, sorted by id (TenkenCatalog) */
GListModel    *tenken_catalog_registry_get_catalogs (TenkenCatalogRegistry *self);
TenkenCatalog *tenken_catalog_registry_lookup  (TenkenCatalogRegistry  *self,
                                                const char             *id);
/* Validates @file as an OSCAL catalog, then copies it atomically into the
 * user directory as ID.xml and adds it, replacing an earlier import of the
 * same id. The id is the catalog-id prop, else the file name made safe
 * ([A-Za-z0-9._-]). Fails with TENKEN_CATALOG_ERROR_EXISTS when a shipped
 * catalog has that id. Returns the new catalog (transfer full). */
TenkenCatalog *tenken_catalog_registry_import  (TenkenCatalogRegistry  *self,
                                                GFile                  *file,
                                                GCancellable           *cancellable,
                                                GError                **error);
/* The same in a worker thread (reading, validating, copying); the registry
 * itself changes in _finish(), which must run in the registry's thread and
 * be called for the import to be listed. */
void           tenken_catalog_registry_import_async  (TenkenCatalogRegistry  *self,
                                                      GFile                  *file,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
TenkenCatalog *tenken_catalog_registry_import_finish (TenkenCatalogRegistry  *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
/* TRUE when the catalog was imported by the user (may be removed) */
gboolean       tenken_catalog_registry_is_user_catalog (TenkenCatalogRegistry *self,
                                                        TenkenCatalog         *catalog);
/* Deletes an imported catalog's file and drops it from the list;
 * TENKEN_CATALOG_ERROR_NOT_FOUND for a shipped (or unknown) catalog.
 * Assessments keep their own snapshot of the catalog. */
gboolean       tenken_catalog_registry_remove  (TenkenCatalogRegistry  *self,
                                                TenkenCatalog          *catalog,
                                                GError                **error);

G_END_DECLS
