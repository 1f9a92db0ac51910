/* tenken-declaration-draft.h: a declaration built in memory, to preview
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tenken-declaration.h"

G_BEGIN_DECLS

/*
 * What tenken_declaration_write() would write, for a live preview: the
 * draft reads the document once (on the calling thread, like every document
 * call) and keeps the declaration's content and digest; afterwards it never
 * touches the document again, so it can be rendered in a worker thread.
 * A draft is immutable: several threads may render it at once.
 */
#define TENKEN_TYPE_DECLARATION_DRAFT (tenken_declaration_draft_get_type ())
G_DECLARE_FINAL_TYPE (TenkenDeclarationDraft, tenken_declaration_draft, TENKEN, DECLARATION_DRAFT, GObject)

/* Errors as tenken_declaration_write() (missing name or title, bad date or
 * language, a scope without organisation or service) */
TenkenDeclarationDraft *tenken_declaration_draft_new          (TenkenDocument          *document,
                                                               const TenkenDeclarant   *declarant,
                                                               GError                 **error);
/* SHA-256 (hex) printed on the PDF and carried by the XML */
const char             *tenken_declaration_draft_get_digest   (TenkenDeclarationDraft  *self);

/* Lays out the PDF and draws its page @index (0-based, clamped to the last
 * page) scaled to fit @width × @height (in @cr's units), centred, on white.
 * Returns the number of pages. */
guint                   tenken_declaration_draft_render_page  (TenkenDeclarationDraft  *self,
                                                               guint                    index,
                                                               cairo_t                 *cr,
                                                               double                   width,
                                                               double                   height);
/* The page's aspect ratio, width / height (A4) */
double                  tenken_declaration_draft_get_page_aspect (void);

G_END_DECLS
