/* tenken-preferences-window.h
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TENKEN_TYPE_PREFERENCES_WINDOW (tenken_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TenkenPreferencesWindow, tenken_preferences_window, TENKEN, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The app's preferences, bound to GSettings ("settings", construct-only;
 * NULL leaves the rows unbound) */
GtkWidget *tenken_preferences_window_new (GtkWindow *parent,
                                          GSettings *settings);

G_END_DECLS
