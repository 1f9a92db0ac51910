/* tenken-catalog-part.h: one OSCAL part (statement, guidance, overview …)
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TENKEN_TYPE_CATALOG_PART (tenken_catalog_part_get_type ())
G_DECLARE_FINAL_TYPE (TenkenCatalogPart, tenken_catalog_part, TENKEN, CATALOG_PART, GObject)

/* "statement", "guidance", "overview", "item", … as the catalog names it */
const char *tenken_catalog_part_get_name     (TenkenCatalogPart *self);
const char *tenken_catalog_part_get_id       (TenkenCatalogPart *self);
/* The part's label prop ("a.", "1."), or NULL */
const char *tenken_catalog_part_get_label    (TenkenCatalogPart *self);
const char *tenken_catalog_part_get_title    (TenkenCatalogPart *self);
/* Nested parts, a GListModel of TenkenCatalogPart */
GListModel *tenken_catalog_part_get_parts    (TenkenCatalogPart *self);

/* The part's prose and all nested parts, rendered. Inline markup (em, strong,
 * a, insert) is kept in the markup/HTML forms; an `insert` of a param shows as
 * the param's label, e.g. "[Assignment: organization-defined frequency]".
 * Nested parts are indented and prefixed by their label. */
char       *tenken_catalog_part_to_plain_text   (TenkenCatalogPart *self);
char       *tenken_catalog_part_to_pango_markup (TenkenCatalogPart *self);
/* An HTML fragment, every text escaped; only p/ul/ol/li/em/strong/a(href http(s)) */
char       *tenken_catalog_part_to_html         (TenkenCatalogPart *self);

G_END_DECLS
