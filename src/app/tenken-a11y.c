/* tenken-a11y.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-a11y"

#include "config.h"

#include <string.h>

#include "tenken-a11y.h"

void
tenken_a11y_fix_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (root));

      if (label != NULL && strchr (label, '_') != NULL)
        gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tenken_a11y_fix_mnemonic_buttons (child);
}
