/* tenken-properties-window.h: edit an open assessment's scope
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tenken-core.h"
#include "tenken-undo-stack.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_PROPERTIES_WINDOW (tenken_properties_window_get_type ())
G_DECLARE_FINAL_TYPE (TenkenPropertiesWindow, tenken_properties_window, TENKEN, PROPERTIES_WINDOW, AdwWindow)

/*
 * Shows the scope of "document" (TenkenDocument, construct-only) in a
 * TenkenScopeEditor; Save writes it with tenken_document_set_scope(). A
 * failure is shown as a toast and the edits are kept. Read-only documents
 * are shown but cannot be changed.
 */
GtkWidget *tenken_properties_window_new (GtkWindow      *parent,
                                         TenkenDocument *document);
/* When set, Save goes through @undo_stack, so Ctrl+Z in the document view
 * undoes a scope change like any other edit */
void       tenken_properties_window_set_undo_stack (TenkenPropertiesWindow *self,
                                                    TenkenUndoStack        *undo_stack);

G_END_DECLS
