/* tenken-export-window.h: export a gap or full report
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tenken-core.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_EXPORT_WINDOW (tenken_export_window_get_type ())
G_DECLARE_FINAL_TYPE (TenkenExportWindow, tenken_export_window, TENKEN, EXPORT_WINDOW, AdwWindow)

/*
 * Asks for the format (PDF, HTML, CSV, XLSX, OSCAL), the contents (gap or
 * full report) and the language, remembered in GSettings; then where to
 * save, and writes the report in a worker thread with a progress bar (Cancel
 * stops it). When done it closes, and the TenkenWindow it belongs to shows a
 * toast and opens the file. Failures are explained in a dialog.
 * Property "document" (TenkenDocument, construct-only).
 */
GtkWidget *tenken_export_window_new (GtkWindow      *parent,
                                     TenkenDocument *document);

G_END_DECLS
