/* tenken-undo-stack.h: undo and redo of document edits
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-document.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_UNDO_STACK (tenken_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (TenkenUndoStack, tenken_undo_stack, TENKEN, UNDO_STACK, GObject)

/*
 * Edits go through the stack, which commits them to the document and keeps
 * copies of the values before and after. Undo sets the old values back
 * through the document (so they are saved and recorded in the history like
 * any edit), redo the new ones. Evidence changes are not undoable.
 *
 * Properties: "document", "can-undo", "can-redo" (read-only booleans).
 */
TenkenUndoStack *tenken_undo_stack_new           (TenkenDocument   *document);
TenkenDocument  *tenken_undo_stack_get_document  (TenkenUndoStack  *self);

/* Commits @response (an edited copy of a live response) and records it.
 * Consecutive edits of the same text field of the same item within a few
 * seconds merge into one step, so undo does not go word by word. */
gboolean         tenken_undo_stack_set_response  (TenkenUndoStack  *self,
                                                  TenkenResponse   *response,
                                                  GError          **error);
gboolean         tenken_undo_stack_set_scope     (TenkenUndoStack  *self,
                                                  TenkenScope      *scope,
                                                  GError          **error);

gboolean         tenken_undo_stack_can_undo      (TenkenUndoStack  *self);
gboolean         tenken_undo_stack_can_redo      (TenkenUndoStack  *self);
/* On success, @out_item_id (optional) receives the item the step touched
 * (NULL for a scope change), so the view can show it. On failure the step
 * stays where it was. */
gboolean         tenken_undo_stack_undo          (TenkenUndoStack  *self,
                                                  char            **out_item_id,
                                                  GError          **error);
gboolean         tenken_undo_stack_redo          (TenkenUndoStack  *self,
                                                  char            **out_item_id,
                                                  GError          **error);
void             tenken_undo_stack_clear         (TenkenUndoStack  *self);

G_END_DECLS
