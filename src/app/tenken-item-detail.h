/* tenken-item-detail.h: the requirement and the answer to one item
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tenken-core.h"
#include "tenken-undo-stack.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_ITEM_DETAIL (tenken_item_detail_get_type ())
G_DECLARE_FINAL_TYPE (TenkenItemDetail, tenken_item_detail, TENKEN, ITEM_DETAIL, GtkWidget)

/*
 * Every edit is committed at once (text after a short pause and on focus-out)
 * through the undo stack. Property "response" (the live TenkenResponse shown,
 * or NULL for the empty state).
 */
GtkWidget      *tenken_item_detail_new            (void);
void            tenken_item_detail_set_undo_stack (TenkenItemDetail *self,
                                                   TenkenUndoStack  *undo_stack);
void            tenken_item_detail_set_default_owner (TenkenItemDetail *self,
                                                      const char       *default_owner);
TenkenResponse *tenken_item_detail_get_response   (TenkenItemDetail *self);
void            tenken_item_detail_set_response   (TenkenItemDetail *self,
                                                   TenkenResponse   *response);
/* Commits @status, or when its rule is not met yet (justification for not
 * applicable, target date for planned) asks for the missing field first. */
void            tenken_item_detail_request_status (TenkenItemDetail *self,
                                                   TenkenStatus      status);
void            tenken_item_detail_toggle_flag    (TenkenItemDetail *self);
/* Opens the file chooser */
void            tenken_item_detail_choose_files   (TenkenItemDetail *self);
/* Copies the files into the document as evidence of the shown item, one
 * after another, with progress; what the chooser and a drop both call. */
void            tenken_item_detail_attach_files   (TenkenItemDetail *self,
                                                   GFile           **files,
                                                   guint             n_files);
/* Saves pending text edits now (before undo, closing, switching items),
 * retrying one that failed before; FALSE when they are still not saved */
gboolean        tenken_item_detail_flush          (TenkenItemDetail *self);
/* TRUE while files are being copied in (attached) or out (to open) */
gboolean        tenken_item_detail_is_busy        (TenkenItemDetail *self);

G_END_DECLS
