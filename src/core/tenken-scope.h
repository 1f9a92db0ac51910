/* tenken-scope.h: what an assessment covers
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tenken-types.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_SCOPE (tenken_scope_get_type ())
G_DECLARE_FINAL_TYPE (TenkenScope, tenken_scope, TENKEN, SCOPE, GObject)

/* A plain value object with one GObject property per field (kebab-case names
 * below), so the UI can bind to it. Dates are "YYYY-MM-DD" or NULL. */
TenkenScope          *tenken_scope_new                 (void);
TenkenScope          *tenken_scope_copy                (TenkenScope *self);
gboolean              tenken_scope_equal               (TenkenScope *a,
                                                        TenkenScope *b);

const char           *tenken_scope_get_organisation    (TenkenScope *self);  /* "organisation" */
void                  tenken_scope_set_organisation    (TenkenScope *self, const char *value);
const char           *tenken_scope_get_service         (TenkenScope *self);  /* "service" */
void                  tenken_scope_set_service         (TenkenScope *self, const char *value);
TenkenRoles           tenken_scope_get_roles           (TenkenScope *self);  /* "roles" */
void                  tenken_scope_set_roles           (TenkenScope *self, TenkenRoles value);
TenkenTier            tenken_scope_get_tier            (TenkenScope *self);  /* "tier" */
void                  tenken_scope_set_tier            (TenkenScope *self, TenkenTier value);
TenkenAssessmentType  tenken_scope_get_assessment_type (TenkenScope *self);  /* "assessment-type" */
void                  tenken_scope_set_assessment_type (TenkenScope *self, TenkenAssessmentType value);
const char           *tenken_scope_get_period_start    (TenkenScope *self);  /* "period-start" */
void                  tenken_scope_set_period_start    (TenkenScope *self, const char *value);
const char           *tenken_scope_get_period_end      (TenkenScope *self);  /* "period-end" */
void                  tenken_scope_set_period_end      (TenkenScope *self, const char *value);
const char           *tenken_scope_get_assessor        (TenkenScope *self);  /* "assessor" */
void                  tenken_scope_set_assessor        (TenkenScope *self, const char *value);
const char           *tenken_scope_get_notes           (TenkenScope *self);  /* "notes" */
void                  tenken_scope_set_notes           (TenkenScope *self, const char *value);

/* Checks the rules (organisation and service non-empty, valid dates,
 * start <= end). The message names the field and what to do. */
gboolean              tenken_scope_validate            (TenkenScope  *self,
                                                        GError      **error);

G_END_DECLS
