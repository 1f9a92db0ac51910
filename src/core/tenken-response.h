/* tenken-response.h: the answer to one catalog item
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tenken-catalog-item.h"
#include "tenken-types.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_RESPONSE (tenken_response_get_type ())
G_DECLARE_FINAL_TYPE (TenkenResponse, tenken_response, TENKEN, RESPONSE, GObject)

/*
 * A document owns one live TenkenResponse per catalog item
 * (tenken_document_get_responses()); it updates it and emits notify after each
 * committed change, so widgets can bind to it. Do not modify a live response:
 * take tenken_response_copy(), change the copy, and hand it to
 * tenken_document_set_response().
 *
 * Properties: "item" (TenkenCatalogItem), "status" (TenkenStatus),
 * "justification", "target-date", "statement", "owner", "due-date"
 * (strings; dates "YYYY-MM-DD" or NULL), "flagged" (boolean),
 * "updated-at" (GDateTime, NULL when never edited), "updated-by",
 * "evidence-count" (uint), "overdue" (boolean, read-only: due or target date
 * before today and status not implemented / not applicable).
 */

TenkenResponse    *tenken_response_new               (TenkenCatalogItem *item);
TenkenResponse    *tenken_response_copy              (TenkenResponse    *self);

TenkenCatalogItem *tenken_response_get_item          (TenkenResponse *self);
TenkenStatus       tenken_response_get_status        (TenkenResponse *self);
void               tenken_response_set_status        (TenkenResponse *self, TenkenStatus value);
const char        *tenken_response_get_justification (TenkenResponse *self);
void               tenken_response_set_justification (TenkenResponse *self, const char *value);
const char        *tenken_response_get_target_date   (TenkenResponse *self);
void               tenken_response_set_target_date   (TenkenResponse *self, const char *value);
const char        *tenken_response_get_statement     (TenkenResponse *self);
void               tenken_response_set_statement     (TenkenResponse *self, const char *value);
const char        *tenken_response_get_owner         (TenkenResponse *self);
void               tenken_response_set_owner         (TenkenResponse *self, const char *value);
const char        *tenken_response_get_due_date      (TenkenResponse *self);
void               tenken_response_set_due_date      (TenkenResponse *self, const char *value);
gboolean           tenken_response_get_flagged       (TenkenResponse *self);
void               tenken_response_set_flagged       (TenkenResponse *self, gboolean value);
GDateTime         *tenken_response_get_updated_at    (TenkenResponse *self);
const char        *tenken_response_get_updated_by    (TenkenResponse *self);
guint              tenken_response_get_evidence_count (TenkenResponse *self);
gboolean           tenken_response_is_overdue        (TenkenResponse *self,
                                                      const char     *today);
/* The one date a list shows for the answer on @today (YYYY-MM-DD), or NULL:
 * when overdue the earliest date that has passed, else the earliest of the
 * due and target dates; for a done answer its due date, never overdue.
 * @is_target says which date it is, @overdue whether it has passed. */
const char        *tenken_response_get_next_date     (TenkenResponse *self,
                                                      const char     *today,
                                                      gboolean       *is_target,
                                                      gboolean       *overdue);

/* The status rules: not-applicable needs a justification, planned a valid
 * target date; dates must be real dates. Error: TENKEN_DOCUMENT_ERROR_INVALID. */
gboolean           tenken_response_validate          (TenkenResponse  *self,
                                                      GError         **error);

G_END_DECLS
