/* tenken-application.h
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tenken-core.h"

G_BEGIN_DECLS

#define TENKEN_TYPE_APPLICATION (tenken_application_get_type ())
G_DECLARE_FINAL_TYPE (TenkenApplication, tenken_application, TENKEN, APPLICATION, AdwApplication)

TenkenApplication     *tenken_application_new                  (void);
/* The installed catalogs, loaded on first use */
TenkenCatalogRegistry *tenken_application_get_catalog_registry (TenkenApplication *self);
/* The app's GSettings, or NULL when the schema is not installed */
GSettings             *tenken_application_get_settings         (TenkenApplication *self);
/* A new GSettings for the app's schema, or NULL when it is not installed
 * (a missing schema would otherwise abort) */
GSettings             *tenken_settings_try_new                 (void);
/* The window showing @file, or NULL */
GtkWindow             *tenken_application_find_window          (TenkenApplication *self,
                                                                GFile             *file);
/* Opens @file (or presents the window already showing it). Problems are
 * explained in a dialog over @parent (or a new window). */
void                   tenken_application_open_file            (TenkenApplication       *self,
                                                                GFile                   *file,
                                                                TenkenDocumentOpenFlags  flags,
                                                                GtkWindow               *parent);
/* Shows an open @document: in @parent if that shows no document yet, else
 * in a new window; adds it to the recent files. */
void                   tenken_application_show_document        (TenkenApplication *self,
                                                                TenkenDocument    *document,
                                                                GtkWindow         *parent);

G_END_DECLS
