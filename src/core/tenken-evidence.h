/* tenken-evidence.h: a file or URL that backs up an answer
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  TENKEN_EVIDENCE_FILE,
  TENKEN_EVIDENCE_URL,
} TenkenEvidenceKind;

#define TENKEN_TYPE_EVIDENCE_KIND (tenken_evidence_kind_get_type ())
GType tenken_evidence_kind_get_type (void);

#define TENKEN_TYPE_EVIDENCE (tenken_evidence_get_type ())
G_DECLARE_FINAL_TYPE (TenkenEvidence, tenken_evidence, TENKEN, EVIDENCE, GObject)

/* Read-only value objects made by the document. Properties: "id" (int64),
 * "kind", "name", "media-type", "size" (uint64), "sha256" (hex, files only),
 * "url" (URLs only), "added-at" (GDateTime), "collected" ("YYYY-MM-DD" or
 * NULL), "note". */
gint64              tenken_evidence_get_id         (TenkenEvidence *self);
TenkenEvidenceKind  tenken_evidence_get_kind       (TenkenEvidence *self);
const char         *tenken_evidence_get_name       (TenkenEvidence *self);
const char         *tenken_evidence_get_media_type (TenkenEvidence *self);
guint64             tenken_evidence_get_size       (TenkenEvidence *self);
const char         *tenken_evidence_get_sha256     (TenkenEvidence *self);
const char         *tenken_evidence_get_url        (TenkenEvidence *self);
GDateTime          *tenken_evidence_get_added_at   (TenkenEvidence *self);
const char         *tenken_evidence_get_collected  (TenkenEvidence *self);
const char         *tenken_evidence_get_note       (TenkenEvidence *self);
/* Ids of the catalog items it is linked to (a copy, NULL-terminated) */
char              **tenken_evidence_dup_item_ids   (TenkenEvidence *self);

G_END_DECLS
