/* tenken-window.h
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TENKEN_TYPE_WINDOW (tenken_window_get_type ())
G_DECLARE_FINAL_TYPE (TenkenWindow, tenken_window, TENKEN, WINDOW, AdwApplicationWindow)

TenkenWindow *tenken_window_new (AdwApplication *application);

G_END_DECLS
