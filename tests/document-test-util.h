/* document-test-util.h: shared by the document tests
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "tenken-core.h"

/* tests/fixtures/mini-catalog.xml */
TenkenCatalog  *doc_test_load_catalog  (void);
/* A valid scope with every field set */
TenkenScope    *doc_test_new_scope     (void);
/* Creates DIR/NAME from the mini catalog; asserts success */
TenkenDocument *doc_test_create        (const char *dir,
                                        const char *name);
/* Runs SQL on PATH with a plain connection; returns the SQLite result code */
int             doc_test_exec          (const char *path,
                                        const char *sql);
/* First column of the first row as an integer */
gint64          doc_test_query_int     (const char *path,
                                        const char *sql);
/* Removes DIR and its files (one level) */
void            doc_test_remove_dir    (const char *dir);
