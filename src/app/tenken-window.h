/* tenken-window.h
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tenken-core.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_WINDOW (tenken_window_get_type ())
G_DECLARE_FINAL_TYPE (TenkenWindow, tenken_window, TENKEN, WINDOW, AdwApplicationWindow)

/*
 * One window per document: the welcome page until a document is set, then
 * the TenkenDocumentView. Properties:
 *  "document" (TenkenDocument, or NULL for the welcome page; set once),
 *  "title" (GtkWindow's: the file name, for AdwWindowTitle:title),
 *  "subtitle" (string, read-only: "organisation — service", kept up to date,
 *   for AdwWindowTitle:subtitle).
 * Actions: win.close, win.properties, win.export (TenkenExportWindow),
 * win.declare (TenkenDeclareWindow), win.open-file (s: a URI, opened in its
 * default application; failure is a toast), plus GtkApplicationWindow's
 * win.show-help-overlay.
 */
TenkenWindow   *tenken_window_new          (AdwApplication *application);
TenkenDocument *tenken_window_get_document (TenkenWindow   *self);
void            tenken_window_set_document (TenkenWindow   *self,
                                            TenkenDocument *document);
const char     *tenken_window_get_subtitle (TenkenWindow   *self);
void            tenken_window_add_toast    (TenkenWindow   *self,
                                            AdwToast       *toast);
/* A toast saying @message with an Open button for @file; with @open also
 * opens @file right away */
void            tenken_window_show_saved   (TenkenWindow   *self,
                                            GFile          *file,
                                            const char     *message,
                                            gboolean        open);

G_END_DECLS
