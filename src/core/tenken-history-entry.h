/* tenken-history-entry.h: one recorded change
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TENKEN_TYPE_HISTORY_ENTRY (tenken_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (TenkenHistoryEntry, tenken_history_entry, TENKEN, HISTORY_ENTRY, GObject)

/* Read-only. "field" names what changed: a response field ("status",
 * "statement", …), a scope field ("scope.organisation" …), or an event
 * ("evidence.add", "evidence.link", "evidence.unlink", "evidence.remove",
 * "document.create").
 * Old and new values are strings (NULL when there was none). */
gint64      tenken_history_entry_get_id        (TenkenHistoryEntry *self);
GDateTime  *tenken_history_entry_get_timestamp (TenkenHistoryEntry *self);
const char *tenken_history_entry_get_author    (TenkenHistoryEntry *self);
/* The catalog item id, or NULL for document-level changes */
const char *tenken_history_entry_get_item_id   (TenkenHistoryEntry *self);
const char *tenken_history_entry_get_field     (TenkenHistoryEntry *self);
const char *tenken_history_entry_get_old_value (TenkenHistoryEntry *self);
const char *tenken_history_entry_get_new_value (TenkenHistoryEntry *self);
/* For an "evidence.*" event, the evidence's file name or URL: it is the new
 * value when added or linked, the old one when removed or unlinked; NULL for
 * other changes */
const char *tenken_history_entry_get_evidence_name (TenkenHistoryEntry *self);

G_END_DECLS
