/* tenken-app-types.h
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Registers every widget type of the app, so .ui templates can name them
 * and tests can instantiate them all. */
void tenken_app_ensure_types (void);

G_END_DECLS
