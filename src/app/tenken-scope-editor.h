/* tenken-scope-editor.h: the fields of an assessment's scope
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tenken-core.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_SCOPE_EDITOR (tenken_scope_editor_get_type ())
G_DECLARE_FINAL_TYPE (TenkenScopeEditor, tenken_scope_editor, TENKEN, SCOPE_EDITOR, GtkWidget)

/*
 * Preference groups editing a TenkenScope: organisation, service, roles,
 * provider tier, assessment type, period, assessor, notes. Problems are shown
 * inline (rows marked, a message below) for the fields the user has touched.
 *
 * Properties: "available-roles" (TenkenRoles: the roles offered as check
 * buttons, normally tenken_catalog_get_roles(); 0 hides the roles group),
 * "valid" (boolean, read-only: the fields make a valid scope).
 * Signal "changed" (): any field was edited.
 */
GtkWidget   *tenken_scope_editor_new                 (void);
/* Fills the fields from @scope (not kept) */
void         tenken_scope_editor_set_scope           (TenkenScopeEditor *self,
                                                      TenkenScope       *scope);
/* A new scope from the fields */
TenkenScope *tenken_scope_editor_dup_scope           (TenkenScopeEditor *self);
TenkenRoles  tenken_scope_editor_get_available_roles (TenkenScopeEditor *self);
void         tenken_scope_editor_set_available_roles (TenkenScopeEditor *self,
                                                      TenkenRoles        roles);
gboolean     tenken_scope_editor_get_valid           (TenkenScopeEditor *self);
/* Shows every problem, touched or not (e.g. before saving) */
void         tenken_scope_editor_show_errors         (TenkenScopeEditor *self);

G_END_DECLS
