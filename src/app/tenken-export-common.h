/* tenken-export-common.h: what the Export and Declare windows share
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tenken-core.h"

G_BEGIN_DECLS

/* "<service> – @what" (or the file's name when the scope names no service),
 * made safe as a file name; @extension (".pdf") is appended when non-NULL */
char       *tenken_export_suggest_name        (TenkenDocument *document,
                                               const char     *what,
                                               const char     *extension);
/* @file with @extension appended unless its name already ends with it */
GFile      *tenken_export_ensure_extension    (GFile          *file,
                                               const char     *extension);

/* Opens @chooser in the folder of the last export (last-export-directory),
 * else the documents folder */
void        tenken_export_chooser_set_folder  (GtkFileChooser *chooser,
                                               GSettings      *settings);
/* Remembers the folder of @file as last-export-directory */
void        tenken_export_remember_folder     (GSettings      *settings,
                                               GFile          *file);

/* The report/declaration language to preselect: last-export-language, else
 * "ja" when the user interface is in Japanese, else "en" */
const char *tenken_export_default_language    (GSettings      *settings);

/* A modal message over @parent: @heading, then @body (what to do) */
void        tenken_export_show_error          (GtkWindow      *parent,
                                               const char     *heading,
                                               const char     *body);

G_END_DECLS
