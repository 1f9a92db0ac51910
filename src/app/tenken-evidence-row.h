/* tenken-evidence-row.h: one piece of evidence of an item
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tenken-core.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_EVIDENCE_ROW (tenken_evidence_row_get_type ())
G_DECLARE_FINAL_TYPE (TenkenEvidenceRow, tenken_evidence_row, TENKEN, EVIDENCE_ROW, AdwActionRow)

/* Name; size, date added and the first 12 hex digits of the SHA-256 (files)
 * or the URL; Open and Remove buttons that activate the "detail.open-evidence"
 * and "detail.remove-evidence" actions (parameter: the evidence id, int64). */
GtkWidget      *tenken_evidence_row_new          (TenkenEvidence    *evidence);
TenkenEvidence *tenken_evidence_row_get_evidence (TenkenEvidenceRow *self);

G_END_DECLS
