/* minimal-window.c: the start-up baseline: the smallest GTK 4 + libadwaita
 * application that shows a window (header bar, a label) the way Tenken
 * does (an AdwApplication with a D-Bus name, GtkApplication::open)
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-bench"

#include "config.h"

#include <adwaita.h>

static void
show_window (GApplication *app,
             const char   *text)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_activate (GApplication *app)
{
  show_window (app, "Hello");
}

static void
on_open (GApplication  *app,
         GFile        **files,
         int            n_files,
         const char    *hint)
{
  g_autofree char *name = g_file_get_basename (files[0]);

  show_window (app, name);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.tenken.BenchMinimal",
                                                       G_APPLICATION_HANDLES_OPEN);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  g_signal_connect (app, "open", G_CALLBACK (on_open), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
