/* tenken-item-row.h: one item in the checklist
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tenken-core.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_ITEM_ROW (tenken_item_row_get_type ())
G_DECLARE_FINAL_TYPE (TenkenItemRow, tenken_item_row, TENKEN, ITEM_ROW, GtkWidget)

/* Label, title, status (icon + text + colour), owner, due date, evidence
 * count and flag of one live response; follows its notify signals. */
GtkWidget      *tenken_item_row_new          (void);
TenkenResponse *tenken_item_row_get_response (TenkenItemRow  *self);
void            tenken_item_row_set_response (TenkenItemRow  *self,
                                              TenkenResponse *response);

/* The style class for a status: success, warning, error or dim-label */
const char     *tenken_status_get_style_class (TenkenStatus status);

G_END_DECLS
