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
#include "tenken-date-row.h"
#include "tenken-new-assessment-window.h"
#include "tenken-preferences-window.h"
#include "tenken-properties-window.h"
#include "tenken-scope-editor.h"
#include "tenken-welcome-page.h"
#include "tenken-window.h"

/* --- checklist --- */
#include "tenken-document-view.h"
#include "tenken-evidence-row.h"
#include "tenken-item-detail.h"
#include "tenken-item-row.h"
#include "tenken-sidebar.h"

/* --- dashboard --- */
#include "tenken-dashboard.h"

/* --- export and declare --- */
#include "tenken-declare-window.h"
#include "tenken-export-window.h"

void
tenken_app_ensure_types (void)
{
  /* --- shell --- */
  g_type_ensure (TENKEN_TYPE_APPLICATION);
  g_type_ensure (TENKEN_TYPE_DATE_ROW);
  g_type_ensure (TENKEN_TYPE_NEW_ASSESSMENT_WINDOW);
  g_type_ensure (TENKEN_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (TENKEN_TYPE_PROPERTIES_WINDOW);
  g_type_ensure (TENKEN_TYPE_SCOPE_EDITOR);
  g_type_ensure (TENKEN_TYPE_WELCOME_PAGE);
  g_type_ensure (TENKEN_TYPE_WINDOW);

  /* --- checklist --- */
  g_type_ensure (TENKEN_TYPE_DOCUMENT_VIEW);
  g_type_ensure (TENKEN_TYPE_EVIDENCE_ROW);
  g_type_ensure (TENKEN_TYPE_ITEM_DETAIL);
  g_type_ensure (TENKEN_TYPE_ITEM_ROW);
  g_type_ensure (TENKEN_TYPE_SIDEBAR);

  /* --- dashboard --- */
  g_type_ensure (TENKEN_TYPE_DASHBOARD);

  /* --- export and declare --- */
  g_type_ensure (TENKEN_TYPE_DECLARE_WINDOW);
  g_type_ensure (TENKEN_TYPE_EXPORT_WINDOW);
}
