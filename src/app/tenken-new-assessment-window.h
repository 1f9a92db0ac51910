/* tenken-new-assessment-window.h: create a new assessment document
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tenken-core.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_NEW_ASSESSMENT_WINDOW (tenken_new_assessment_window_get_type ())
G_DECLARE_FINAL_TYPE (TenkenNewAssessmentWindow, tenken_new_assessment_window, TENKEN, NEW_ASSESSMENT_WINDOW, AdwWindow)

/*
 * Asks for the catalog and the scope, then where to save, creates the
 * document and hands it to the application to show.
 * Property "registry" (TenkenCatalogRegistry, construct-only; when NULL the
 * application's is used, else a new one).
 * Signal "created" (TenkenDocument): the document was created; by default the
 * application shows it, then the window closes.
 */
GtkWidget *tenken_new_assessment_window_new (GtkWindow             *parent,
                                             TenkenCatalogRegistry *registry);

G_END_DECLS
