/* tenken-export-window-private.h: for tests
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-export-window.h"

G_BEGIN_DECLS

/* What "Export…" does once a file is chosen (asynchronous; the format's
 * extension added when missing) */
void     _tenken_export_window_export_to       (TenkenExportWindow *self,
                                                GFile              *file);
/* TRUE while an export runs */
gboolean _tenken_export_window_is_busy         (TenkenExportWindow *self);
/* The file written by the last successful export, or NULL */
GFile   *_tenken_export_window_get_result      (TenkenExportWindow *self);
/* Whether a finished export is opened in its application (default TRUE) */
void     _tenken_export_window_set_open_result (TenkenExportWindow *self,
                                                gboolean            open_result);

G_END_DECLS
