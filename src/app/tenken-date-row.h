/* tenken-date-row.h: a row to pick a calendar date, or none
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TENKEN_TYPE_DATE_ROW (tenken_date_row_get_type ())
G_DECLARE_FINAL_TYPE (TenkenDateRow, tenken_date_row, TENKEN, DATE_ROW, AdwActionRow)

/*
 * An AdwActionRow showing a date in the user's locale format, a calendar
 * popover to choose it and a button to clear it.
 * Property "date" (string): "YYYY-MM-DD", or NULL for no date. Setting an
 * invalid date is a programming error (g_return_if_fail).
 */
GtkWidget  *tenken_date_row_new      (void);
const char *tenken_date_row_get_date (TenkenDateRow *self);
void        tenken_date_row_set_date (TenkenDateRow *self,
                                      const char    *date);

G_END_DECLS
