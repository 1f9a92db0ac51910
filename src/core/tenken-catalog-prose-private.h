/* tenken-catalog-prose-private.h: rendering OSCAL prose
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-catalog-private.h"

G_BEGIN_DECLS

typedef enum
{
  TENKEN_PROSE_PLAIN,
  TENKEN_PROSE_PANGO,
  TENKEN_PROSE_HTML,
} TenkenProseFormat;

/* A <part> with its prose and nested parts */
char *tenken_catalog_prose_render_part (TenkenCatalogData *data,
                                        const xmlNode     *part,
                                        TenkenProseFormat  format);

G_END_DECLS
