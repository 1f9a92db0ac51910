/* tenken-catalog.h: an OSCAL catalog, loaded safely
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tenken-catalog-group.h"
#include "tenken-catalog-item.h"

G_BEGIN_DECLS

#define TENKEN_CATALOG_ERROR (tenken_catalog_error_quark ())

typedef enum
{
  TENKEN_CATALOG_ERROR_READ,           /* the file could not be read */
  TENKEN_CATALOG_ERROR_TOO_LARGE,      /* over TENKEN_CATALOG_MAX_SIZE */
  TENKEN_CATALOG_ERROR_MALFORMED,      /* not well-formed XML; message has file and line */
  TENKEN_CATALOG_ERROR_FORBIDDEN,      /* DTD, entity declarations, … */
  TENKEN_CATALOG_ERROR_NOT_OSCAL,      /* well-formed but not an OSCAL catalog */
  TENKEN_CATALOG_ERROR_INVALID,        /* OSCAL catalog with broken content: duplicate ids, … */
  TENKEN_CATALOG_ERROR_NOT_FOUND,      /* no installed catalog with that id */
  TENKEN_CATALOG_ERROR_EXISTS,         /* import would replace a shipped catalog */
} TenkenCatalogError;

GQuark tenken_catalog_error_quark (void);

/* Biggest catalog file accepted; NIST's full 800-53 is about 10 MB */
#define TENKEN_CATALOG_MAX_SIZE (64 * 1024 * 1024)

#define TENKEN_TYPE_CATALOG (tenken_catalog_get_type ())
G_DECLARE_FINAL_TYPE (TenkenCatalog, tenken_catalog, TENKEN, CATALOG, GObject)

TenkenCatalog *tenken_catalog_new_from_file   (GFile         *file,
                                               GCancellable  *cancellable,
                                               GError       **error);
/* The same in a worker thread; the catalog may then be used from any thread */
void           tenken_catalog_new_from_file_async  (GFile               *file,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
TenkenCatalog *tenken_catalog_new_from_file_finish (GAsyncResult        *result,
                                                    GError             **error);
/* @display_name names the source in error messages */
TenkenCatalog *tenken_catalog_new_from_bytes  (GBytes        *xml,
                                               const char    *display_name,
                                               GError       **error);

/* Stable short id: our `catalog-id` metadata prop, else the file's basename
 * without ".xml"; for bytes, the catalog's uuid */
const char    *tenken_catalog_get_id          (TenkenCatalog *self);
const char    *tenken_catalog_get_uuid        (TenkenCatalog *self);
const char    *tenken_catalog_get_title       (TenkenCatalog *self);
const char    *tenken_catalog_get_version     (TenkenCatalog *self);
/* metadata/last-modified, ISO 8601 as written */
const char    *tenken_catalog_get_last_modified (TenkenCatalog *self);
const char    *tenken_catalog_get_oscal_version (TenkenCatalog *self);
/* metadata/remarks as plain text, or NULL */
const char    *tenken_catalog_get_remarks     (TenkenCatalog *self);
/* A metadata prop (ns NULL = OSCAL namespace), or NULL */
const char    *tenken_catalog_get_prop        (TenkenCatalog *self,
                                               const char    *ns,
                                               const char    *name);
/* The file it was loaded from, or NULL when loaded from bytes */
GFile         *tenken_catalog_get_file        (TenkenCatalog *self);
/* The XML exactly as loaded, and its SHA-256 in lowercase hex */
GBytes        *tenken_catalog_get_bytes       (TenkenCatalog *self);
const char    *tenken_catalog_get_sha256      (TenkenCatalog *self);

/* Top-level groups (TenkenCatalogGroup). Controls at the top level of a
 * catalog without groups are collected in one synthetic group. */
GListModel    *tenken_catalog_get_groups      (TenkenCatalog *self);
/* Every control at any depth, depth-first in document order (TenkenCatalogItem) */
GListModel    *tenken_catalog_get_items       (TenkenCatalog *self);
/* Lookups; NULL when absent. Labels are matched exactly. */
TenkenCatalogItem *tenken_catalog_lookup_item_by_label (TenkenCatalog *self,
                                                        const char    *label);
TenkenCatalogNode *tenken_catalog_lookup_node          (TenkenCatalog *self,
                                                        const char    *id);
/* Union of the roles the items name (0 when none names any) */
TenkenRoles    tenken_catalog_get_roles       (TenkenCatalog *self);

G_END_DECLS
