/* test-catalog.c: loading real OSCAL catalogs
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <unistd.h>

#include <glib/gstdio.h>
#include <pango/pango.h>

#include "tenken-core.h"

#define NIST_HIGH "NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog.xml"

static GFile *
shared_file (const char *name)
{
  const char *dir = g_getenv ("TENKEN_SHARED_DIR");

  g_assert_nonnull (dir);
  return g_file_new_build_filename (dir, "testdata", name, NULL);
}

/* The NIST HIGH catalog, loaded once for the tests that only read it */
static TenkenCatalog *nist_high_catalog;

static TenkenCatalog *
nist_high (void)
{
  TenkenCatalog *catalog = nist_high_catalog;

  if (catalog == NULL)
    {
      g_autoptr(GFile) file = shared_file (NIST_HIGH);
      g_autoptr(GError) error = NULL;

      catalog = tenken_catalog_new_from_file (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (catalog);
      nist_high_catalog = catalog;
    }

  return catalog;
}

static TenkenCatalog *
load_string (const char  *xml,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return tenken_catalog_new_from_bytes (bytes, "inline.xml", error);
}

static TenkenCatalogItem *
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(TenkenCatalogItem) item = g_list_model_get_item (model, position);

  /* The model keeps its reference */
  return item;
}

static void
test_nist_high_structure (void)
{
  TenkenCatalog *catalog = nist_high ();
  GListModel *groups = tenken_catalog_get_groups (catalog);
  GListModel *items = tenken_catalog_get_items (catalog);
  guint n_items = g_list_model_get_n_items (items);
  guint top_level = 0, enhancements = 0, in_groups = 0;

  g_assert_cmpstr (tenken_catalog_get_id (catalog), ==,
                   "NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog");
  g_assert_cmpstr (tenken_catalog_get_uuid (catalog), ==, "04cb5e64-3135-4ec4-ab96-fb98c611620a");
  g_assert_cmpstr (tenken_catalog_get_title (catalog), ==,
                   "NIST Special Publication 800-53 Revision 5.1.1 HIGH IMPACT BASELINE");
  g_assert_cmpstr (tenken_catalog_get_version (catalog), ==, "5.1.1+u4");
  g_assert_cmpstr (tenken_catalog_get_oscal_version (catalog), ==, "1.1.2");
  g_assert_cmpstr (tenken_catalog_get_last_modified (catalog), ==, "2024-02-13T17:43:49.139028Z");
  g_assert_cmpstr (tenken_catalog_get_prop (catalog, NULL, "resolution-tool"), ==,
                   "OSCAL Profile Resolver XSLT Pipeline OPRXP");
  g_assert_null (tenken_catalog_get_prop (catalog, TENKEN_OSCAL_NS, "catalog-id"));
  g_assert_null (tenken_catalog_get_remarks (catalog));

  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 18);
  g_assert_cmpuint (n_items, ==, 370);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(TenkenCatalogGroup) group = g_list_model_get_item (groups, i);
      TenkenCatalogNode *node = TENKEN_CATALOG_NODE (group);

      g_assert_null (tenken_catalog_node_get_parent (node));
      g_assert_cmpuint (tenken_catalog_node_get_depth (node), ==, 0);
      g_assert_cmpstr (tenken_catalog_node_get_class (node), ==, "family");
      g_assert_true (tenken_catalog_lookup_node (catalog, tenken_catalog_node_get_id (node)) == node);
      in_groups += g_list_model_get_n_items (tenken_catalog_group_get_items (group));
    }
  g_assert_cmpuint (in_groups, ==, n_items);

  for (guint i = 0; i < n_items; i++)
    {
      TenkenCatalogItem *item = item_at (items, i);
      TenkenCatalogNode *node = TENKEN_CATALOG_NODE (item);
      TenkenCatalogNode *parent = tenken_catalog_node_get_parent (node);

      g_assert_cmpuint (tenken_catalog_item_get_index (item), ==, i);
      g_assert_true (TENKEN_IS_CATALOG_GROUP (tenken_catalog_item_get_category (item)));
      g_assert_true (tenken_catalog_lookup_node (catalog, tenken_catalog_node_get_id (node)) == node);
      g_assert_true (tenken_catalog_lookup_item_by_label (catalog, tenken_catalog_node_get_label (node)) == item);
      g_assert_cmpstr (tenken_catalog_node_get_title (node), !=, "");
      g_assert_cmpint (tenken_catalog_item_get_roles (item), ==, TENKEN_ROLES_ALL);

      if (TENKEN_IS_CATALOG_GROUP (parent))
        {
          top_level++;
          g_assert_cmpuint (tenken_catalog_node_get_depth (node), ==, 1);
          g_assert_true (parent == TENKEN_CATALOG_NODE (tenken_catalog_item_get_category (item)));
          g_assert_cmpstr (tenken_catalog_node_get_class (node), ==, "SP800-53");
        }
      else
        {
          enhancements++;
          g_assert_true (TENKEN_IS_CATALOG_ITEM (parent));
          g_assert_cmpuint (tenken_catalog_node_get_depth (node), ==, 2);
          g_assert_cmpstr (tenken_catalog_node_get_class (node), ==, "SP800-53-enhancement");
          /* Depth-first: an enhancement comes after its control */
          g_assert_cmpuint (tenken_catalog_item_get_index (TENKEN_CATALOG_ITEM (parent)), <, i);
        }
    }
  g_assert_cmpuint (top_level, ==, 188);
  g_assert_cmpuint (enhancements, ==, n_items - 188);
  g_assert_cmpint (tenken_catalog_get_roles (catalog), ==, 0);
}

static void
test_nist_high_lookup (void)
{
  TenkenCatalog *catalog = nist_high ();
  TenkenCatalogItem *ac2 = tenken_catalog_lookup_item_by_label (catalog, "AC-2");
  TenkenCatalogItem *ac2_1 = tenken_catalog_lookup_item_by_label (catalog, "AC-2(1)");
  TenkenCatalogNode *node = TENKEN_CATALOG_NODE (ac2_1);
  GListModel *children;

  g_assert_nonnull (ac2);
  g_assert_nonnull (ac2_1);
  g_assert_true (tenken_catalog_lookup_node (catalog, "ac-2.1") == node);
  g_assert_cmpstr (tenken_catalog_node_get_id (node), ==, "ac-2.1");
  g_assert_cmpstr (tenken_catalog_node_get_title (node), ==, "Automated System Account Management");
  g_assert_cmpstr (tenken_catalog_node_get_sort_id (node), ==, "ac-02.01");
  /* NIST gives the label three times; the plain one wins for people, the
   * first is what get_prop() returns */
  g_assert_cmpstr (tenken_catalog_node_get_label (node), ==, "AC-2(1)");
  g_assert_cmpstr (tenken_catalog_node_get_prop (node, NULL, "label"), ==, "AC-02(01)");
  g_assert_cmpstr (tenken_catalog_node_get_prop (node, "http://csrc.nist.gov/ns/rmf",
                                                 "implementation-level"), ==, "organization");
  g_assert_null (tenken_catalog_node_get_prop (node, NULL, "implementation-level"));
  g_assert_true (tenken_catalog_node_get_parent (node) == TENKEN_CATALOG_NODE (ac2));
  g_assert_cmpuint (tenken_catalog_item_get_index (ac2_1), ==, tenken_catalog_item_get_index (ac2) + 1);
  g_assert_cmpstr (tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_catalog_item_get_category (ac2_1))), ==, "ac");
  /* The family has no label prop: it is named as its controls are */
  g_assert_cmpstr (tenken_catalog_node_get_label (TENKEN_CATALOG_NODE (tenken_catalog_item_get_category (ac2_1))), ==, "AC");

  children = tenken_catalog_node_get_children (TENKEN_CATALOG_NODE (ac2));
  g_assert_cmpuint (g_list_model_get_n_items (children), >, 5);
  g_assert_true (g_list_model_get_item_type (children) == TENKEN_TYPE_CATALOG_NODE);

  g_assert_null (tenken_catalog_lookup_item_by_label (catalog, "ac-2(1)"));
  g_assert_null (tenken_catalog_lookup_item_by_label (catalog, "AC-2(1) "));
  g_assert_null (tenken_catalog_lookup_node (catalog, "nope"));
  g_assert_nonnull (tenken_catalog_lookup_item_by_label (catalog, "SC-7"));
  g_assert_true (tenken_catalog_item_applies_to (ac2, TENKEN_ROLE_DEVELOPER));
  g_assert_true (tenken_catalog_item_applies_to (ac2, 0));
}

static void
test_nist_high_statements (void)
{
  TenkenCatalog *catalog = nist_high ();
  GListModel *items = tenken_catalog_get_items (catalog);
  TenkenCatalogItem *ac1 = tenken_catalog_lookup_item_by_label (catalog, "AC-1");
  TenkenCatalogPart *statement;
  const char *text;
  guint with_placeholders = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      TenkenCatalogItem *item = item_at (items, i);
      GListModel *parts = tenken_catalog_node_get_parts (TENKEN_CATALOG_NODE (item));

      text = tenken_catalog_item_get_statement_text (item);
      g_assert_nonnull (text);
      /* Cached: the same string each time */
      g_assert_true (text == tenken_catalog_item_get_statement_text (item));
      g_assert_true (g_utf8_validate (text, -1, NULL));

      /* Params show as placeholders, never as raw ids */
      g_assert_null (strstr (text, "_odp"));
      g_assert_null (strstr (text, "_prm_"));
      g_assert_null (strstr (text, "<"));
      if (strstr (text, "[Assignment: ") != NULL || strstr (text, "[Selection") != NULL)
        with_placeholders++;

      if (tenken_catalog_node_get_part (TENKEN_CATALOG_NODE (item), "statement") != NULL)
        g_assert_cmpstr (text, !=, "");

      for (guint j = 0; j < g_list_model_get_n_items (parts); j++)
        {
          g_autoptr(TenkenCatalogPart) part = g_list_model_get_item (parts, j);
          g_autofree char *markup = tenken_catalog_part_to_pango_markup (part);
          g_autofree char *html = tenken_catalog_part_to_html (part);
          g_autoptr(GError) error = NULL;

          if (!pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, &error))
            g_error ("%s part %s: %s\n%s", tenken_catalog_node_get_label (TENKEN_CATALOG_NODE (item)),
                     tenken_catalog_part_get_name (part), error->message, markup);

          /* NIST links are in-document (#uuid): not links in HTML */
          g_assert_null (strstr (html, "href=\"#"));
          g_assert_null (strstr (html, "<insert"));
        }
    }
  g_assert_cmpuint (with_placeholders, >, 200);

  statement = tenken_catalog_node_get_part (TENKEN_CATALOG_NODE (ac1), "statement");
  g_assert_nonnull (statement);
  g_assert_cmpstr (tenken_catalog_part_get_name (statement), ==, "statement");
  g_assert_cmpstr (tenken_catalog_part_get_id (statement), ==, "ac-1_smt");
  g_assert_null (tenken_catalog_part_get_label (statement));
  g_assert_cmpuint (g_list_model_get_n_items (tenken_catalog_part_get_parts (statement)), ==, 3);

  text = tenken_catalog_item_get_statement_text (ac1);
  g_assert_true (g_str_has_prefix (text, "a. Develop, document, and disseminate to "
                                         "[Assignment: organization-defined personnel or roles]:\n"));
  g_assert_nonnull (strstr (text, "\n    1. [Selection (one or more): organization-level; "
                                  "mission/business process-level; system-level] access control policy that:\n"));
  g_assert_nonnull (strstr (text, "\n        (a) Addresses purpose"));
  g_assert_nonnull (strstr (text, "\nb. Designate an [Assignment: official] to manage"));
  g_assert_nonnull (strstr (text, "Policy [Assignment: frequency] and following [Assignment: events]"));

  {
    g_autoptr(TenkenCatalogPart) item_a = g_list_model_get_item (tenken_catalog_part_get_parts (statement), 0);
    g_autofree char *html = tenken_catalog_part_to_html (statement);
    g_autofree char *markup = tenken_catalog_part_to_pango_markup (statement);

    g_assert_cmpstr (tenken_catalog_part_get_name (item_a), ==, "item");
    g_assert_cmpstr (tenken_catalog_part_get_label (item_a), ==, "a.");
    g_assert_true (g_str_has_prefix (html, "<ul><li><p>a. Develop, document, and disseminate to "
                                           "<em>[Assignment: organization-defined personnel or roles]</em>:</p><ul>"));
    g_assert_true (g_str_has_prefix (markup, "a. Develop, document, and disseminate to "
                                             "<i>[Assignment: organization-defined personnel or roles]</i>:\n"));
  }
}

static void
test_nist_high_bytes (void)
{
  TenkenCatalog *catalog = nist_high ();
  g_autoptr(GFile) file = shared_file (NIST_HIGH);
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  gsize length = 0;
  GBytes *bytes;

  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

  bytes = tenken_catalog_get_bytes (catalog);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, length);
  g_assert_cmpstr (tenken_catalog_get_sha256 (catalog), ==, sha256);
  g_assert_cmpuint (strlen (tenken_catalog_get_sha256 (catalog)), ==, 64);
  g_assert_true (g_file_equal (tenken_catalog_get_file (catalog), file));

  /* Loading the bytes again gives the same catalog, named by its uuid */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TenkenCatalog) again = tenken_catalog_new_from_bytes (bytes, "again", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (tenken_catalog_get_id (again), ==, tenken_catalog_get_uuid (catalog));
    g_assert_cmpstr (tenken_catalog_get_sha256 (again), ==, sha256);
    g_assert_null (tenken_catalog_get_file (again));
    g_assert_cmpuint (g_list_model_get_n_items (tenken_catalog_get_items (again)), ==, 370);
  }
}

static void
test_basic_catalog (void)
{
  g_autoptr(GFile) file = shared_file ("oscal-basic-catalog.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) catalog = tenken_catalog_new_from_file (file, NULL, &error);
  g_autoptr(TenkenCatalogGroup) s1 = NULL;
  g_autoptr(TenkenCatalogNode) s1_1 = NULL;
  TenkenCatalogItem *item;
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpstr (tenken_catalog_get_id (catalog), ==, "oscal-basic-catalog");
  g_assert_cmpstr (tenken_catalog_get_title (catalog), ==, "Sample Security Catalog for Demonstration and Testing");
  g_assert_true (g_str_has_prefix (tenken_catalog_get_remarks (catalog),
                                   "The following is a short excerpt from ISO/IEC 27002:2013, "));
  g_assert_nonnull (strstr (tenken_catalog_get_remarks (catalog), "copyright “fair use” for"));
  g_assert_cmpuint (g_list_model_get_n_items (tenken_catalog_get_groups (catalog)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_catalog_get_items (catalog)), ==, 4);

  /* Nested groups: s1 > s1.1 > controls */
  s1 = g_list_model_get_item (tenken_catalog_get_groups (catalog), 0);
  g_assert_cmpstr (tenken_catalog_node_get_label (TENKEN_CATALOG_NODE (s1)), ==, "1");
  g_assert_cmpuint (g_list_model_get_n_items (tenken_catalog_group_get_items (s1)), ==, 2);
  s1_1 = g_list_model_get_item (tenken_catalog_node_get_children (TENKEN_CATALOG_NODE (s1)), 0);
  g_assert_true (TENKEN_IS_CATALOG_GROUP (s1_1));
  g_assert_cmpstr (tenken_catalog_node_get_id (s1_1), ==, "s1.1");
  /* No label prop: the id */
  g_assert_cmpstr (tenken_catalog_node_get_label (s1_1), ==, "s1.1");
  g_assert_cmpuint (tenken_catalog_node_get_depth (s1_1), ==, 1);

  item = tenken_catalog_lookup_item_by_label (catalog, "1.1.1");
  g_assert_nonnull (item);
  g_assert_true (tenken_catalog_item_get_category (item) == s1);
  g_assert_cmpuint (tenken_catalog_node_get_depth (TENKEN_CATALOG_NODE (item)), ==, 2);
  g_assert_nonnull (tenken_catalog_node_get_part (TENKEN_CATALOG_NODE (item), "overview"));
  text = tenken_catalog_item_get_statement_text (item);
  /* A selection whose choice inserts another param */
  g_assert_nonnull (strstr (text, "[Selection (one or more): initiating a device lock after "
                                  "[Assignment: a duration] of inactivity; requiring the user"));
}

static void
test_assessment_results_refused (void)
{
  g_autoptr(GFile) file = shared_file ("oscal-assessment-results-example.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) catalog = tenken_catalog_new_from_file (file, NULL, &error);

  g_assert_null (catalog);
  g_assert_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_NOT_OSCAL);
  g_assert_nonnull (strstr (error->message, "oscal-assessment-results-example.xml"));
  g_assert_nonnull (strstr (error->message, "assessment-results"));
}

static void
test_cancelled (void)
{
  g_autoptr(GFile) file = shared_file ("oscal-basic-catalog.xml");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) catalog = NULL;

  g_cancellable_cancel (cancellable);
  catalog = tenken_catalog_new_from_file (file, cancellable, &error);
  g_assert_null (catalog);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = shared_file ("no-such-catalog.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) catalog = tenken_catalog_new_from_file (file, NULL, &error);

  g_assert_null (catalog);
  g_assert_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "no-such-catalog.xml"));
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
             "<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\"0b3f5a1e-0000-4000-8000-000000000001\">\n"
#define METADATA "<metadata><title>Test</title><version>1</version>" \
                 "<prop ns=\"https://tenken.github.io/ns/oscal\" name=\"catalog-id\" value=\"test-catalog\"/>" \
                 "<last-modified>2026-01-01T00:00:00Z</last-modified><oscal-version>1.1.2</oscal-version></metadata>\n"

static void
test_roles_and_loose_controls (void)
{
  const char *xml =
    HEAD METADATA
    "<control id=\"c1\"><title>One</title>"
    "  <prop ns=\"https://tenken.github.io/ns/oscal\" name=\"role\" value=\"developer\"/>"
    "  <prop ns=\"https://tenken.github.io/ns/oscal\" name=\"role\" value=\"operator\"/>"
    "  <control id=\"c1.1\"><title>Inherits</title></control>"
    "  <control id=\"c1.2\"><title>Own</title>"
    "    <prop ns=\"https://tenken.github.io/ns/oscal\" name=\"role\" value=\"supplier\"/></control>"
    "</control>\n"
    "<group id=\"g\"><title>G</title><control id=\"c2\"><title>Two</title></control></group>\n"
    "<control id=\"c3\"><title>Three</title></control>\n"
    "</catalog>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) catalog = load_string (xml, &error);
  GListModel *groups, *items;
  g_autoptr(TenkenCatalogGroup) loose = NULL;
  g_autoptr(TenkenCatalogGroup) g = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (tenken_catalog_get_id (catalog), ==, "test-catalog");
  g_assert_cmpstr (tenken_catalog_get_prop (catalog, TENKEN_OSCAL_NS, "catalog-id"), ==, "test-catalog");

  groups = tenken_catalog_get_groups (catalog);
  items = tenken_catalog_get_items (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 5);

  /* Controls outside any group share one synthetic group */
  loose = g_list_model_get_item (groups, 0);
  g = g_list_model_get_item (groups, 1);
  g_assert_null (tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (loose)));
  g_assert_cmpstr (tenken_catalog_node_get_title (TENKEN_CATALOG_NODE (loose)), !=, "");
  g_assert_cmpuint (g_list_model_get_n_items (tenken_catalog_group_get_items (loose)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_catalog_group_get_items (g)), ==, 1);
  g_assert_true (tenken_catalog_item_get_category (tenken_catalog_lookup_item_by_label (catalog, "c3")) == loose);

  g_assert_cmpint (tenken_catalog_item_get_roles (tenken_catalog_lookup_item_by_label (catalog, "c1")), ==,
                   TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_OPERATOR);
  g_assert_cmpint (tenken_catalog_item_get_roles (tenken_catalog_lookup_item_by_label (catalog, "c1.1")), ==,
                   TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_OPERATOR);
  g_assert_cmpint (tenken_catalog_item_get_roles (tenken_catalog_lookup_item_by_label (catalog, "c1.2")), ==,
                   TENKEN_ROLE_SUPPLIER);
  g_assert_cmpint (tenken_catalog_item_get_roles (tenken_catalog_lookup_item_by_label (catalog, "c2")), ==,
                   TENKEN_ROLES_ALL);
  g_assert_false (tenken_catalog_item_applies_to (tenken_catalog_lookup_item_by_label (catalog, "c1.2"),
                                                  TENKEN_ROLE_DEVELOPER));
  g_assert_true (tenken_catalog_item_applies_to (tenken_catalog_lookup_item_by_label (catalog, "c1"),
                                                 TENKEN_ROLE_OPERATOR | TENKEN_ROLE_CUSTOMER));
  g_assert_cmpint (tenken_catalog_get_roles (catalog), ==,
                   TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_OPERATOR | TENKEN_ROLE_SUPPLIER);
  /* Statement-less items have an empty statement */
  g_assert_cmpstr (tenken_catalog_item_get_statement_text (tenken_catalog_lookup_item_by_label (catalog, "c2")), ==, "");
}

static void
test_rendering (void)
{
  const char *xml =
    HEAD METADATA
    "<group id=\"g\"><title>G</title>\n"
    "<control id=\"c\"><title>Rendering &amp; <em>titles</em></title>\n"
    "  <param id=\"p1\"><label>organization-defined frequency</label></param>\n"
    "  <param id=\"p2\"><select><choice>a &lt;b&gt;</choice><choice>c</choice></select></param>\n"
    "  <param id=\"p3\"><label>x</label><value>monthly</value></param>\n"
    "  <part id=\"c_smt\" name=\"statement\">\n"
    "    <p>Review <insert type=\"param\" id-ref=\"p1\"/>   and <insert type=\"param\" id-ref=\"p2\"/>,\n"
    "       <insert type=\"param\" id-ref=\"p3\"/>; <em>em</em> <strong>strong</strong> <code>code</code>"
    " x<sub>2</sub> <q>quote</q> 5 &lt; 6 &amp; \"q\"</p>\n"
    "    <p><a href=\"https://example.com/?a=1&amp;b=2\">web</a> <a href=\"javascript:alert(1)\">js</a></p>\n"
    "    <ul><li>one</li><li>two<ol><li>deep</li></ol></li></ul>\n"
    "    <part id=\"c_smt.a\" name=\"item\"><prop name=\"label\" value=\"a.\"/><p>First</p>\n"
    "      <part id=\"c_smt.a.1\" name=\"item\"><prop name=\"label\" value=\"1.\"/><p>Nested</p></part>\n"
    "    </part>\n"
    "  </part>\n"
    "  <part id=\"c_gdn\" name=\"guidance\"><title>Why</title><p>Because.</p></part>\n"
    "</control></group>\n"
    "</catalog>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) catalog = load_string (xml, &error);
  TenkenCatalogItem *item;
  TenkenCatalogPart *statement, *guidance;
  g_autofree char *markup = NULL;
  g_autofree char *html = NULL;

  g_assert_no_error (error);
  item = tenken_catalog_lookup_item_by_label (catalog, "c");
  g_assert_cmpstr (tenken_catalog_node_get_title (TENKEN_CATALOG_NODE (item)), ==, "Rendering & titles");

  statement = tenken_catalog_node_get_part (TENKEN_CATALOG_NODE (item), "statement");
  guidance = tenken_catalog_node_get_part (TENKEN_CATALOG_NODE (item), "guidance");
  g_assert_cmpstr (tenken_catalog_part_get_title (guidance), ==, "Why");
  g_assert_null (tenken_catalog_node_get_part (TENKEN_CATALOG_NODE (item), "objective"));

  g_assert_cmpstr (tenken_catalog_item_get_statement_text (item), ==,
                   "Review [Assignment: organization-defined frequency] and [Selection: a <b>; c], "
                   "monthly; em strong code x2 “quote” 5 < 6 & \"q\"\n"
                   "web js\n"
                   "• one\n"
                   "• two\n"
                   "    1. deep\n"
                   "    a. First\n"
                   "        1. Nested");

  markup = tenken_catalog_part_to_pango_markup (statement);
  g_assert_cmpstr (markup, ==,
                   "Review <i>[Assignment: organization-defined frequency]</i> and "
                   "<i>[Selection: a &lt;b&gt;; c]</i>, <i>monthly</i>; <i>em</i> <b>strong</b> "
                   "<tt>code</tt> x<sub>2</sub> “quote” 5 &lt; 6 &amp; &quot;q&quot;\n"
                   "<u>web</u> <u>js</u>\n"
                   "• one\n"
                   "• two\n"
                   "    1. deep\n"
                   "    a. First\n"
                   "        1. Nested");
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));

  html = tenken_catalog_part_to_html (statement);
  g_assert_cmpstr (html, ==,
                   "<p>Review <em>[Assignment: organization-defined frequency]</em> and "
                   "<em>[Selection: a &lt;b&gt;; c]</em>, <em>monthly</em>; <em>em</em> <strong>strong</strong> "
                   "code x2 “quote” 5 &lt; 6 &amp; &quot;q&quot;</p>"
                   "<p><a href=\"https://example.com/?a=1&amp;b=2\">web</a> js</p>"
                   "<ul><li>one</li><li>two<ol><li>deep</li></ol></li></ul>"
                   "<ul><li><p>a. First</p><ul><li><p>1. Nested</p></li></ul></li></ul>");

  {
    g_autofree char *text = tenken_catalog_part_to_plain_text (guidance);

    /* The top-level part's title is the caller's to show */
    g_assert_cmpstr (text, ==, "Because.");
  }
}

static void
test_invalid_content (void)
{
  static const struct {
    const char *xml;
    int code;
    const char *needle;
  } cases[] = {
    { HEAD "</catalog>", TENKEN_CATALOG_ERROR_INVALID, "metadata" },
    { HEAD "<metadata><version>1</version></metadata></catalog>", TENKEN_CATALOG_ERROR_INVALID, "title" },
    { HEAD METADATA "<group id=\"g\"><title>G</title><control id=\"c\"/></group></catalog>",
      TENKEN_CATALOG_ERROR_INVALID, "“c”" },
    { HEAD METADATA "<control><title>No id</title></control></catalog>", TENKEN_CATALOG_ERROR_INVALID, "id" },
    { HEAD METADATA "<control id=\"c\"><title>C</title><part><p>x</p></part></control></catalog>",
      TENKEN_CATALOG_ERROR_INVALID, "part" },
    { HEAD METADATA "<control id=\"c\"><title>C</title>"
      "<prop ns=\"https://tenken.github.io/ns/oscal\" name=\"role\" value=\"janitor\"/></control></catalog>",
      TENKEN_CATALOG_ERROR_INVALID, "janitor" },
    { HEAD "<metadata><title>T</title><prop ns=\"https://tenken.github.io/ns/oscal\" name=\"catalog-id\" "
      "value=\"../evil\"/></metadata></catalog>", TENKEN_CATALOG_ERROR_INVALID, "../evil" },
    { "<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\"><metadata><title>T</title></metadata></catalog>",
      TENKEN_CATALOG_ERROR_INVALID, "uuid" },
    { "<profile xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\"x\"/>", TENKEN_CATALOG_ERROR_NOT_OSCAL, "profile" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TenkenCatalog) catalog = load_string (cases[i].xml, &error);

      g_test_message ("case %u: %s", i, error ? error->message : "(loaded)");
      g_assert_null (catalog);
      g_assert_error (error, TENKEN_CATALOG_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "inline.xml:"));
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

typedef struct
{
  guint          pending;
  TenkenCatalog *catalogs[4];
  GError        *errors[4];
} AsyncLoads;

typedef struct
{
  AsyncLoads *loads;
  guint       index;
} AsyncSlot;

static void
on_slot_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncSlot *slot = user_data;

  slot->loads->catalogs[slot->index] =
    tenken_catalog_new_from_file_finish (result, &slot->loads->errors[slot->index]);
  slot->loads->pending--;
}

/* Loads run in worker threads at the same time, good and bad alike: each
 * parse has its own error handling */
static void
test_async_in_threads (void)
{
  g_autoptr(GFile) nist = shared_file (NIST_HIGH);
  g_autoptr(GFile) basic = shared_file ("oscal-basic-catalog.xml");
  g_autoptr(GFile) results = shared_file ("oscal-assessment-results-example.xml");
  g_autofree char *bad_path = NULL;
  g_autoptr(GFile) bad = NULL;
  AsyncLoads loads = { 0 };
  AsyncSlot slots[4];
  GFile *files[4];
  int fd;

  fd = g_file_open_tmp ("tenken-bad-XXXXXX.xml", &bad_path, NULL);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "<catalog><oops></catalog>", 25), ==, 25);
  close (fd);
  bad = g_file_new_for_path (bad_path);

  files[0] = nist;
  files[1] = bad;
  files[2] = basic;
  files[3] = results;

  for (guint i = 0; i < 4; i++)
    {
      slots[i].loads = &loads;
      slots[i].index = i;
      loads.pending++;
      tenken_catalog_new_from_file_async (files[i], NULL, on_slot_loaded, &slots[i]);
    }

  while (loads.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (loads.errors[0]);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_catalog_get_items (loads.catalogs[0])), ==, 370);
  g_assert_error (loads.errors[1], TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_MALFORMED);
  g_assert_nonnull (strstr (loads.errors[1]->message, bad_path));
  g_assert_no_error (loads.errors[2]);
  g_assert_cmpstr (tenken_catalog_get_id (loads.catalogs[2]), ==, "oscal-basic-catalog");
  g_assert_error (loads.errors[3], TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_NOT_OSCAL);

  for (guint i = 0; i < 4; i++)
    {
      g_clear_object (&loads.catalogs[i]);
      g_clear_error (&loads.errors[i]);
    }
  g_unlink (bad_path);
}

static gpointer
read_all_statements (gpointer data)
{
  GListModel *items = tenken_catalog_get_items (data);
  GPtrArray *texts = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TenkenCatalogItem) item = g_list_model_get_item (items, i);

      g_ptr_array_add (texts, (gpointer) tenken_catalog_item_get_statement_text (item));
    }

  return texts;
}

/* A loaded catalog is read from several threads at once (UI and exporters):
 * every thread sees the same cached strings */
static void
test_concurrent_reads (void)
{
  g_autoptr(GFile) file = shared_file (NIST_HIGH);
  g_autoptr(TenkenCatalog) catalog = tenken_catalog_new_from_file (file, NULL, NULL);
  GThread *threads[4];
  GPtrArray *results[4];

  g_assert_nonnull (catalog);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", read_all_statements, catalog);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    results[i] = g_thread_join (threads[i]);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_assert_cmpuint (results[i]->len, ==, 370);
      for (guint j = 0; j < results[i]->len; j++)
        g_assert_true (g_ptr_array_index (results[i], j) == g_ptr_array_index (results[0], j));
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_ptr_array_unref (results[i]);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/nist-high/structure", test_nist_high_structure);
  g_test_add_func ("/catalog/nist-high/lookup", test_nist_high_lookup);
  g_test_add_func ("/catalog/nist-high/statements", test_nist_high_statements);
  g_test_add_func ("/catalog/nist-high/bytes", test_nist_high_bytes);
  g_test_add_func ("/catalog/basic", test_basic_catalog);
  g_test_add_func ("/catalog/assessment-results-refused", test_assessment_results_refused);
  g_test_add_func ("/catalog/cancelled", test_cancelled);
  g_test_add_func ("/catalog/missing-file", test_missing_file);
  g_test_add_func ("/catalog/roles-and-loose-controls", test_roles_and_loose_controls);
  g_test_add_func ("/catalog/rendering", test_rendering);
  g_test_add_func ("/catalog/invalid-content", test_invalid_content);
  g_test_add_func ("/catalog/async-in-threads", test_async_in_threads);
  g_test_add_func ("/catalog/concurrent-reads", test_concurrent_reads);

  ret = g_test_run ();
  g_clear_object (&nist_high_catalog);
  return ret;
}
