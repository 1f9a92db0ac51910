/* tenken-new-assessment-window-private.h: for tests
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-new-assessment-window.h"

G_BEGIN_DECLS

/* What "Import Catalog…" does once a file is chosen (asynchronous) */
void           _tenken_new_assessment_window_import           (TenkenNewAssessmentWindow *self,
                                                                GFile                     *file);
/* TRUE while an import runs */
gboolean       _tenken_new_assessment_window_is_importing     (TenkenNewAssessmentWindow *self);
TenkenCatalog *_tenken_new_assessment_window_get_catalog      (TenkenNewAssessmentWindow *self);
gboolean       _tenken_new_assessment_window_get_can_create   (TenkenNewAssessmentWindow *self);

/* What "Create…" does once a file is chosen (the ".tenken" suffix added) */
void           _tenken_new_assessment_window_create_at        (TenkenNewAssessmentWindow *self,
                                                                GFile                     *file);

G_END_DECLS
