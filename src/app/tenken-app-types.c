/* tenken-app-types.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-app-types"

#include "config.h"

#include "tenken-app-types.h"

/* --- shell --- */
#include "tenken-application.h"
#include "tenken-window.h"

/* --- checklist --- */
#include "tenken-document-view.h"

/* --- dashboard --- */
#include "tenken-dashboard.h"

void
tenken_app_ensure_types (void)
{
  /* --- shell --- */
  g_type_ensure (TENKEN_TYPE_APPLICATION);
  g_type_ensure (TENKEN_TYPE_WINDOW);

  /* --- checklist --- */
  g_type_ensure (TENKEN_TYPE_DOCUMENT_VIEW);

  /* --- dashboard --- */
  g_type_ensure (TENKEN_TYPE_DASHBOARD);
}
