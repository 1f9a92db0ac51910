/* tenken-welcome-page.h: what a window shows before a document is open
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TENKEN_TYPE_WELCOME_PAGE (tenken_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (TenkenWelcomePage, tenken_welcome_page, TENKEN, WELCOME_PAGE, AdwBin)

/*
 * A header bar with the primary menu, New and Open buttons (app.new,
 * app.open) and the recently used .tenken files, each opening through
 * app.open-file (its URI as the string parameter).
 */
GtkWidget *tenken_welcome_page_new                (void);
/* Uses @manager instead of the default one (for tests) */
void       tenken_welcome_page_set_recent_manager (TenkenWelcomePage *self,
                                                   GtkRecentManager  *manager);

G_END_DECLS
