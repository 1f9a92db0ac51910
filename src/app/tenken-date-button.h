/* tenken-date-button.h: pick or clear a calendar date
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TENKEN_TYPE_DATE_BUTTON (tenken_date_button_get_type ())
G_DECLARE_FINAL_TYPE (TenkenDateButton, tenken_date_button, TENKEN, DATE_BUTTON, GtkWidget)

/* A menu button showing the date in the locale's format, with a calendar
 * and a Clear button in its popover. Property "date": "YYYY-MM-DD" or NULL;
 * notify::date is emitted only when it changes. Until the shell's
 * TenkenDateRow lands this is the checklist's picker. */
GtkWidget  *tenken_date_button_new      (void);
const char *tenken_date_button_get_date (TenkenDateButton *self);
void        tenken_date_button_set_date (TenkenDateButton *self,
                                         const char       *date);

G_END_DECLS
