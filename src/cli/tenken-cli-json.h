/* tenken-cli-json.h: the JSON forms of catalogs, assessments and history
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "tenken-core.h"

G_BEGIN_DECLS

/* The key names are a contract: scripts read them. */
JsonNode *tenken_cli_json_catalog  (TenkenCatalog  *catalog);
JsonNode *tenken_cli_json_document (TenkenDocument *document);
JsonNode *tenken_cli_json_history  (TenkenDocument *document);

/* Pretty-printed UTF-8 on stdout, with a final newline */
void      tenken_cli_json_print    (JsonNode       *node);

G_END_DECLS
