/* ui-test-utils.h: helpers for tests that show real windows
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tenken-core.h"

G_BEGIN_DECLS

/* Call after g_test_init(): isolates XDG dirs in a temporary directory,
 * binds the text domain to the build tree and initialises GTK and
 * libadwaita. FALSE when there is no display (tests should then skip). */
gboolean    ui_test_init                 (void);
/* TRUE after a successful ui_test_init(); else marks the test skipped */
gboolean    ui_test_require_display      (void);
/* The temporary directory ui_test_init() made (removed at exit) */
const char *ui_test_get_tmp_dir          (void);

/* A registered (not running) TenkenApplication, so app.* actions exist;
 * give it to windows made for screenshots */
GtkApplication *ui_test_get_application  (void);

/* Creates a new document NAME.tenken in the temporary directory from the
 * shipped catalog @catalog_id, for "Example Corporation — Cloud Portal"
 * with the developer and operator roles */
TenkenDocument *ui_test_create_document  (const char *name,
                                          const char *catalog_id);
/* The first widget of @type at or below @root (depth first), or NULL */
GtkWidget      *ui_test_find_descendant  (GtkWidget  *root,
                                          GType       type);
/* The first toplevel window of @type, or NULL */
GtkWindow      *ui_test_find_toplevel    (GType       type);
/* Destroys every toplevel window */
void            ui_test_destroy_toplevels (void);

/* Switches the UI language for widgets made afterwards ("en", "ja") */
void        ui_test_set_language         (const char *language);

/* Runs the main loop until @window is mapped, laid out at its size and has
 * drawn a frame, or a few seconds passed */
void        ui_test_show_window          (GtkWindow  *window,
                                          int         width,
                                          int         height);
/* Iterates the main loop for @msec */
void        ui_test_wait                 (guint       msec);

/* Makes the disk "full" for this process: RLIMIT_FSIZE of one byte fails
 * every write that grows a file (SQLite's too) as ENOSPC does. Only the
 * soft limit is lowered, so ui_test_disk_has_room() can raise it again. */
void        ui_test_disk_full            (void);
void        ui_test_disk_has_room        (void);

/* Renders @widget as shown now into a PNG in the build dir
 * ($G_TEST_BUILDDIR/screenshots/NAME.png); returns the path */
char       *ui_test_save_screenshot      (GtkWidget  *widget,
                                          const char *name);
/* Fails the test unless the PNG at @path has more than @min_colours
 * distinct colours and at least @min_fraction of its pixels differ from
 * the most common one */
void        ui_test_assert_png_not_blank (const char *path,
                                          guint       min_colours,
                                          double      min_fraction);
/* The mean lightness of the PNG at @path, from 0 (black) to 1 (white) */
double      ui_test_png_lightness        (const char *path);

G_END_DECLS
