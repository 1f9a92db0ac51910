/* first-frame.c: an LD_PRELOAD shim for the start-up benchmark
 *
 * Wraps gtk_window_present(): the first presented window gets a handler on
 * its frame clock's "after-paint". After the first frame it writes the time
 * (CLOCK_MONOTONIC, µs) to $TENKEN_BENCH_OUT, waits one second of idle
 * running, adds the peak RSS (VmHWM, KiB) and exits. The same shim is used
 * for Tenken and for the minimal baseline window, so both are measured the
 * same way.
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-bench"
#define _GNU_SOURCE

#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gtk/gtk.h>

static gint64 first_frame_us;
static gboolean armed;

static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static gboolean
report_and_exit (gpointer user_data)
{
  const char *out = g_getenv ("TENKEN_BENCH_OUT");
  g_autofree char *text = g_strdup_printf ("first-frame-us %" G_GINT64_FORMAT "\npeak-rss-kib %ld\n",
                                           first_frame_us, peak_rss_kib ());

  if (out != NULL)
    g_file_set_contents (out, text, -1, NULL);
  else
    fputs (text, stdout);
  _exit (0);
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (first_frame_us != 0)
    return;
  first_frame_us = g_get_monotonic_time ();
  g_timeout_add_seconds (1, report_and_exit, NULL);
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real_present) (GtkWindow *);
  GdkSurface *surface;

  if (real_present == NULL)
    real_present = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");
  real_present (window);

  if (armed)
    return;
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  if (surface == NULL)
    return;
  armed = TRUE;
  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
}
