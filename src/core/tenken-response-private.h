/* tenken-response-private.h: what the document does to its live responses
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-response.h"

G_BEGIN_DECLS

/* Copies the editable fields of @from into the live @self, one notify per
 * property that really changed, emitted together at the end */
void tenken_response_update_from        (TenkenResponse *self,
                                         TenkenResponse *from);
void tenken_response_set_updated        (TenkenResponse *self,
                                         GDateTime      *updated_at,
                                         const char     *updated_by);
void tenken_response_set_evidence_count (TenkenResponse *self,
                                         guint           count);

G_END_DECLS
