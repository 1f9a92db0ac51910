/* tenken-catalog-private.h: internals shared by the catalog engine
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "tenken-catalog.h"

G_BEGIN_DECLS

/* The parsed document, shared (reference counted) by the catalog, its nodes
 * and parts: parts render their prose from it on demand, so that loading
 * stays cheap and a part stays usable after the catalog is gone. */
typedef struct
{
  xmlDoc     *doc;
  /* param id → xmlNode <param> */
  GHashTable *params;
} TenkenCatalogData;

TenkenCatalogData *tenken_catalog_data_new   (xmlDoc            *doc);
TenkenCatalogData *tenken_catalog_data_ref   (TenkenCatalogData *data);
void               tenken_catalog_data_unref (TenkenCatalogData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenkenCatalogData, tenken_catalog_data_unref)

/* Read-only list models of catalog objects, filled while loading */
#define TENKEN_TYPE_CATALOG_LIST (tenken_catalog_list_get_type ())
G_DECLARE_FINAL_TYPE (TenkenCatalogList, tenken_catalog_list, TENKEN, CATALOG_LIST, GObject)

TenkenCatalogList *tenken_catalog_list_new       (GType              item_type);
void               tenken_catalog_list_append    (TenkenCatalogList *self,
                                                  gpointer           item);
/* The items, for reading without references */
GPtrArray         *tenken_catalog_list_get_array (TenkenCatalogList *self);

/* XML helpers, on a document parsed by tenken_catalog_parse_xml() */
gboolean    tenken_xml_is_oscal     (const xmlNode *node,
                                     const char    *name);
const char *tenken_xml_get_attr     (const xmlNode *node,
                                     const char    *name);
/* The value of the prop @name (OSCAL namespace when @ns is NULL); with
 * @prefer_unclassed the first prop without a class wins, as NIST gives the
 * same label several times ("AC-01" zero-padded, "AC-1", …) */
const char *tenken_xml_find_prop    (const xmlNode *node,
                                     const char    *ns,
                                     const char    *name,
                                     gboolean       prefer_unclassed);
/* Inline content (markup-line) as plain text, whitespace collapsed */
char       *tenken_catalog_data_render_line (TenkenCatalogData *data,
                                             const xmlNode     *node);
/* Block content (markup-multiline) as plain text, paragraphs on lines */
char       *tenken_catalog_data_render_multiline (TenkenCatalogData *data,
                                                  const xmlNode     *node);

/* The safe parser: no DTD, no entities, no network, no file access, errors
 * as GError naming @display_name and the line. */
xmlDoc     *tenken_catalog_parse_xml (GBytes      *xml,
                                      const char  *display_name,
                                      GError     **error);

/* Reads at most TENKEN_CATALOG_MAX_SIZE bytes of @file */
GBytes     *tenken_catalog_read_file (GFile         *file,
                                      GCancellable  *cancellable,
                                      GError       **error);

/* Builders used by the loader */
TenkenCatalogPart *tenken_catalog_part_new (TenkenCatalogData *data,
                                            const xmlNode     *node,
                                            char              *title);
void tenken_catalog_part_append (TenkenCatalogPart *self,
                                 TenkenCatalogPart *child);

void tenken_catalog_node_setup (TenkenCatalogNode *self,
                                TenkenCatalogData *data,
                                const xmlNode     *node,
                                const char        *id,
                                char              *title,
                                TenkenCatalogNode *parent);
void tenken_catalog_node_append_child (TenkenCatalogNode *self,
                                       TenkenCatalogNode *child);
void tenken_catalog_node_append_part  (TenkenCatalogNode *self,
                                       TenkenCatalogPart *part);
/* The roles this node names itself (0 when none) */
TenkenRoles tenken_catalog_node_get_own_roles (TenkenCatalogNode *self);
void        tenken_catalog_node_set_own_roles (TenkenCatalogNode *self,
                                               TenkenRoles        roles);

TenkenCatalogGroup *tenken_catalog_group_new (void);
void tenken_catalog_group_set_items (TenkenCatalogGroup *self,
                                     GPtrArray          *items);

TenkenCatalogItem *tenken_catalog_item_new (void);
void tenken_catalog_item_set_position (TenkenCatalogItem  *self,
                                       TenkenCatalogGroup *category,
                                       guint               index,
                                       TenkenRoles         roles);

/* For the registry: parse @xml, naming the catalog @fallback_id unless it
 * carries a catalog-id prop, remembering @file (may be NULL) */
TenkenCatalog *tenken_catalog_new_full (GBytes      *xml,
                                        const char  *display_name,
                                        GFile       *file,
                                        const char  *fallback_id,
                                        GError     **error);
void           tenken_catalog_set_file (TenkenCatalog *self,
                                        GFile         *file);

/* TRUE when @id is usable as a file name: [A-Za-z0-9._-], not starting with '.' */
gboolean tenken_catalog_id_is_valid (const char *id);

G_END_DECLS
