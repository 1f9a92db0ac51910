/* tenken-declare-window-private.h: for tests
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-declare-window.h"

G_BEGIN_DECLS

/* Types into the form's fields (NULL leaves a field as it is) */
void        _tenken_declare_window_fill         (TenkenDeclareWindow *self,
                                                 const char          *name,
                                                 const char          *title,
                                                 const char          *place);
/* What "Declare…" does once a file is chosen: writes BASE.pdf and BASE.xml
 * (a ".pdf" or ".xml" ending of @file is dropped first); asynchronous */
void        _tenken_declare_window_declare_to   (TenkenDeclareWindow *self,
                                                 GFile               *file);
/* TRUE while the files are written */
gboolean    _tenken_declare_window_is_busy      (TenkenDeclareWindow *self);
/* The digest of the last declaration written, or NULL */
const char *_tenken_declare_window_get_digest   (TenkenDeclareWindow *self);
/* Pages of the last preview drawn (0: none yet), the page shown (0-based)
 * and how many previews were drawn */
guint       _tenken_declare_window_get_preview_pages  (TenkenDeclareWindow *self);
guint       _tenken_declare_window_get_preview_page   (TenkenDeclareWindow *self);
guint       _tenken_declare_window_get_preview_serial (TenkenDeclareWindow *self);

G_END_DECLS
