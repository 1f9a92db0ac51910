/* catalog-test-util.h: helpers shared by the shipped-catalog tests
 *
 * The shipped catalogs are checked against the source texts they were made
 * from, with plain libxml2 (not the catalog loader), so that a loader bug
 * cannot hide a catalog bug.
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "tenken-autocleanups.h"
#include "tenken-types.h"

G_BEGIN_DECLS

/* Text with the debris of the PDF/markdown extraction removed (check boxes,
 * list and heading markers, bold markup, <b>/<sup> tags, table pipes) and all
 * whitespace collapsed to single spaces. Applied to both sides of every
 * comparison, so that only the words count. */
char            *catalog_test_normalise        (const char       *text);

/* Contents of $TENKEN_SHARED_DIR/sources/@name (the test fails without it) */
char            *catalog_test_read_source      (const char       *name);

/* $TENKEN_DATA_DIR/catalogs/@name, parsed (the test fails on errors) */
xmlDoc          *catalog_test_load_catalog     (const char       *name);

/* Compares a parsed catalog with its source, appending one line per difference */
typedef void (*CatalogTestCheck) (xmlDoc        *doc,
                                  gconstpointer  source,
                                  GPtrArray     *problems);

/* Shows that @check can fail: changes the single node @xpath selects in a
 * copy of catalog @name (new text @new_value, or removed when NULL) and
 * asserts that a problem mentioning @expected is reported. */
void             catalog_test_assert_change_detected (const char       *name,
                                                      CatalogTestCheck  check,
                                                      gconstpointer     source,
                                                      const char       *xpath,
                                                      const char       *new_value,
                                                      const char       *expected);

/* An XPath context with prefix "o" bound to the OSCAL namespace */
xmlXPathContext *catalog_test_xpath_new        (xmlDoc           *doc);

/* Nodes matching @expr relative to @node (the document when NULL), in
 * document order; never NULL */
GPtrArray       *catalog_test_nodes            (xmlXPathContext  *ctx,
                                                xmlNode          *node,
                                                const char       *expr);

/* Normalised string value of @expr relative to @node, or NULL when it
 * selects nothing */
char            *catalog_test_string           (xmlXPathContext  *ctx,
                                                xmlNode          *node,
                                                const char       *expr);

/* Attribute value (newly allocated), or NULL */
char            *catalog_test_attr             (xmlNode          *node,
                                                const char       *name);

/* Roles named by @node's `role` props in our namespace. Unknown role names
 * are appended to @problems (prefixed with @label). */
TenkenRoles      catalog_test_roles            (xmlXPathContext  *ctx,
                                                xmlNode          *node,
                                                const char       *label,
                                                GPtrArray        *problems);

/* Appends a problem for every id in the document used more than once, or
 * not a valid OSCAL token (NCName-like) */
void             catalog_test_check_ids        (xmlDoc           *doc,
                                                GPtrArray        *problems);

/* Fails the test, listing @problems, unless it is empty */
void             catalog_test_assert_no_problems (GPtrArray      *problems);

G_END_DECLS
