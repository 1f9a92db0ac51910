/* tenken-application.h
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TENKEN_TYPE_APPLICATION (tenken_application_get_type ())
G_DECLARE_FINAL_TYPE (TenkenApplication, tenken_application, TENKEN, APPLICATION, AdwApplication)

TenkenApplication *tenken_application_new (void);

G_END_DECLS
