/* tenken-document-view-private.h: parts of the view the UI tests drive
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-dashboard.h"
#include "tenken-document-view.h"
#include "tenken-item-detail.h"
#include "tenken-sidebar.h"

G_BEGIN_DECLS

GtkListView      *tenken_document_view_get_item_list    (TenkenDocumentView *self);
GtkEditable      *tenken_document_view_get_search_entry (TenkenDocumentView *self);
TenkenItemDetail *tenken_document_view_get_detail       (TenkenDocumentView *self);
TenkenSidebar    *tenken_document_view_get_sidebar      (TenkenDocumentView *self);
TenkenDashboard  *tenken_document_view_get_dashboard    (TenkenDocumentView *self);

GtkTextView      *tenken_item_detail_get_statement_view (TenkenItemDetail *self);
GtkEditable      *tenken_item_detail_get_justification  (TenkenItemDetail *self);
GtkEditable      *tenken_item_detail_get_owner          (TenkenItemDetail *self);
/* The inline hint under the status, NULL when none is shown */
const char       *tenken_item_detail_get_hint           (TenkenItemDetail *self);
AdwComboRow      *tenken_item_detail_get_status_row     (TenkenItemDetail *self);
GtkListBox       *tenken_item_detail_get_history_list   (TenkenItemDetail *self);
/* The button that shows every change, NULL while hidden */
GtkButton        *tenken_item_detail_get_history_button (TenkenItemDetail *self);
/* TRUE while the error of a failed save is shown */
gboolean          tenken_item_detail_has_save_error     (TenkenItemDetail *self);

G_END_DECLS
