/* tenken-a11y.h: accessibility fixes for what GTK 4.8 gets wrong
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * GTK 4.8 gives a GtkButton with a mnemonic label ("_Open…") the raw label
 * as its accessible name and then adds the label widget's text, so screen
 * readers say "_Open… Open…". Under @root, this drops the raw one from
 * every such button, leaving the label widget to name it. Call it after
 * gtk_widget_init_template().
 */
void tenken_a11y_fix_mnemonic_buttons (GtkWidget *root);

G_END_DECLS
