/* tenken-document-view.h: everything shown for one open document
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tenken-core.h"
#include "tenken-undo-stack.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_DOCUMENT_VIEW (tenken_document_view_get_type ())
G_DECLARE_FINAL_TYPE (TenkenDocumentView, tenken_document_view, TENKEN, DOCUMENT_VIEW, GtkWidget)

/*
 * The window (TenkenWindow) shows this once a document is open. It owns the
 * AdwLeaflet (sidebar | content), both header bars, the primary menu (which
 * names the window's win.* actions) and the checklist and dashboard pages.
 * Property "document" (TenkenDocument).
 */
GtkWidget      *tenken_document_view_new            (void);
TenkenDocument *tenken_document_view_get_document   (TenkenDocumentView *self);
void            tenken_document_view_set_document   (TenkenDocumentView *self,
                                                     TenkenDocument     *document);
/* Shows the checklist page with that item selected; FALSE if unknown */
gboolean        tenken_document_view_select_item    (TenkenDocumentView *self,
                                                     const char         *item_id);

/* The edit history of the open document (NULL without one). Scope edits made
 * through tenken_undo_stack_set_scope() can be undone with Ctrl+Z too. */
TenkenUndoStack *tenken_document_view_get_undo_stack (TenkenDocumentView *self);

G_END_DECLS
