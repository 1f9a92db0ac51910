/* tenken-declare-window.h: write a declaration of conformity
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tenken-core.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_DECLARE_WINDOW (tenken_declare_window_get_type ())
G_DECLARE_FINAL_TYPE (TenkenDeclareWindow, tenken_declare_window, TENKEN, DECLARE_WINDOW, AdwWindow)

/*
 * A form for the declarant (name, position, organisation from the scope,
 * place, date, language) beside a live preview of the declaration, a page
 * at a time from the first (below the form's width it folds: a Preview
 * button shows it). Then
 * asks where to save and writes NAME.pdf and NAME.xml in a worker thread;
 * the TenkenWindow it belongs to shows a toast with the digest.
 * Property "document" (TenkenDocument, construct-only).
 */
GtkWidget *tenken_declare_window_new (GtkWindow      *parent,
                                      TenkenDocument *document);

G_END_DECLS
