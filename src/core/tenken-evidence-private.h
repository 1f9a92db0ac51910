/* tenken-evidence-private.h
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-evidence.h"
#include "tenken-history-entry.h"

G_BEGIN_DECLS

/* Value objects are made by the document only; arguments are copied */
TenkenEvidence     *tenken_evidence_new      (gint64               id,
                                              TenkenEvidenceKind   kind,
                                              const char          *name,
                                              const char          *media_type,
                                              guint64              size,
                                              const char          *sha256,
                                              const char          *url,
                                              GDateTime           *added_at,
                                              const char          *collected,
                                              const char          *note,
                                              const char * const  *item_ids);

TenkenHistoryEntry *tenken_history_entry_new (gint64               id,
                                              GDateTime           *timestamp,
                                              const char          *author,
                                              const char          *item_id,
                                              const char          *field,
                                              const char          *old_value,
                                              const char          *new_value);

G_END_DECLS
