/* catalog-test-util.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "catalog-test"

#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpathInternals.h>

#include "catalog-test-util.h"

/* Replaced by a space wherever they occur */
static const char * const debris[] = {
  "$\\Box$", "☐", "□", "**", "<b>", "</b>", "<sup>", "</sup>", "|", "\t", "\r",
};

/* Dropped at the start of a line, in any order and number */
static const char * const line_markers[] = { "#", "- ", "• ", "· ", "•", "·" };

static const char *
skip_line_markers (const char *p)
{
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      while (g_ascii_isspace (*p))
        p++;
      for (guint i = 0; i < G_N_ELEMENTS (line_markers); i++)
        {
          if (g_str_has_prefix (p, line_markers[i]))
            {
              p += strlen (line_markers[i]);
              again = TRUE;
              break;
            }
        }
    }

  return p;
}

char *
catalog_test_normalise (const char *text)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  g_assert_nonnull (text);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) line = g_string_new (lines[i]);

      for (guint j = 0; j < G_N_ELEMENTS (debris); j++)
        g_string_replace (line, debris[j], " ", 0);

      g_string_append_c (joined, ' ');
      g_string_append (joined, skip_line_markers (line->str));
    }

  for (const char *p = joined->str; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

char *
catalog_test_read_source (const char *name)
{
  const char *shared = g_getenv ("TENKEN_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_nonnull (shared);
  path = g_build_filename (shared, "sources", name, NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (contents, -1, NULL));

  return contents;
}

xmlDoc *
catalog_test_load_catalog (const char *name)
{
  const char *data = g_getenv ("TENKEN_DATA_DIR");
  g_autofree char *path = NULL;
  xmlDoc *doc;

  g_assert_nonnull (data);
  path = g_build_filename (data, "catalogs", name, NULL);
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    g_error ("%s: not well-formed XML", path);

  return doc;
}

void
catalog_test_assert_change_detected (const char       *name,
                                     CatalogTestCheck  check,
                                     gconstpointer     source,
                                     const char       *xpath,
                                     const char       *new_value,
                                     const char       *expected)
{
  g_autoptr(xmlDoc) doc = catalog_test_load_catalog (name);
  g_autoptr(xmlXPathContext) ctx = catalog_test_xpath_new (doc);
  g_autoptr(GPtrArray) nodes = catalog_test_nodes (ctx, NULL, xpath);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gboolean found = FALSE;
  xmlNode *node;

  g_assert_cmpuint (nodes->len, ==, 1);
  node = g_ptr_array_index (nodes, 0);
  if (new_value != NULL)
    {
      g_autoptr(TenkenXmlString) escaped = xmlEncodeSpecialChars (doc, BAD_CAST new_value);
      xmlNodeSetContent (node, escaped);
    }
  else
    {
      xmlUnlinkNode (node);
      xmlFreeNode (node);
    }

  check (doc, source, problems);
  for (guint i = 0; i < problems->len && !found; i++)
    found = strstr (g_ptr_array_index (problems, i), expected) != NULL;
  if (!found)
    g_test_fail_printf ("changing %s went unnoticed", xpath);
}

xmlXPathContext *
catalog_test_xpath_new (xmlDoc *doc)
{
  xmlXPathContext *ctx = xmlXPathNewContext (doc);

  g_assert_nonnull (ctx);
  g_assert_cmpint (xmlXPathRegisterNs (ctx, BAD_CAST "o", BAD_CAST OSCAL_NS), ==, 0);

  return ctx;
}

GPtrArray *
catalog_test_nodes (xmlXPathContext *ctx,
                    xmlNode         *node,
                    const char      *expr)
{
  g_autoptr(xmlXPathObject) result = NULL;
  GPtrArray *nodes = g_ptr_array_new ();

  result = xmlXPathNodeEval (node ? node : (xmlNode *) ctx->doc, BAD_CAST expr, ctx);
  if (result == NULL)
    g_error ("bad XPath expression: %s", expr);

  if (result->type == XPATH_NODESET && result->nodesetval != NULL)
    for (int i = 0; i < result->nodesetval->nodeNr; i++)
      g_ptr_array_add (nodes, result->nodesetval->nodeTab[i]);

  return nodes;
}

char *
catalog_test_string (xmlXPathContext *ctx,
                     xmlNode         *node,
                     const char      *expr)
{
  g_autoptr(GPtrArray) nodes = catalog_test_nodes (ctx, node, expr);
  g_autoptr(TenkenXmlString) content = NULL;

  if (nodes->len == 0)
    return NULL;

  content = xmlNodeGetContent (g_ptr_array_index (nodes, 0));
  return catalog_test_normalise ((const char *) content);
}

char *
catalog_test_attr (xmlNode    *node,
                   const char *name)
{
  g_autoptr(TenkenXmlString) value = xmlGetProp (node, BAD_CAST name);

  return value ? g_strdup ((const char *) value) : NULL;
}

TenkenRoles
catalog_test_roles (xmlXPathContext *ctx,
                    xmlNode         *node,
                    const char      *label,
                    GPtrArray       *problems)
{
  g_autoptr(GPtrArray) props = NULL;
  TenkenRoles roles = TENKEN_ROLE_NONE;

  props = catalog_test_nodes (ctx, node,
                              "o:prop[@name='role' and @ns='" TENKEN_OSCAL_NS "']");
  for (guint i = 0; i < props->len; i++)
    {
      g_autofree char *value = catalog_test_attr (g_ptr_array_index (props, i), "value");
      TenkenRoles role = TENKEN_ROLE_NONE;

      /* One prop per role: a list in one value is not what the loader reads */
      if (value == NULL || strchr (value, ',') != NULL ||
          !tenken_roles_from_string (value, &role) || role == TENKEN_ROLE_NONE)
        g_ptr_array_add (problems, g_strdup_printf ("%s: bad role prop “%s”",
                                                    label, value ? value : "(none)"));
      else if (roles & role)
        g_ptr_array_add (problems, g_strdup_printf ("%s: role “%s” given twice",
                                                    label, value));
      roles |= role;
    }

  return roles;
}

void
catalog_test_check_ids (xmlDoc    *doc,
                        GPtrArray *problems)
{
  g_autoptr(xmlXPathContext) ctx = catalog_test_xpath_new (doc);
  g_autoptr(GPtrArray) nodes = catalog_test_nodes (ctx, NULL, "//@id | //@uuid");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) token = g_regex_new ("^[A-Za-z_][A-Za-z0-9_.-]*$", 0, 0, NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNode *attr = g_ptr_array_index (nodes, i);
      g_autoptr(TenkenXmlString) value = xmlNodeGetContent (attr);
      const char *str = (const char *) value;

      if (g_strcmp0 ((const char *) attr->name, "id") == 0 &&
          !g_regex_match (token, str, 0, NULL))
        g_ptr_array_add (problems, g_strdup_printf ("id “%s” is not a valid OSCAL token", str));
      if (!g_hash_table_add (seen, g_strdup (str)))
        g_ptr_array_add (problems, g_strdup_printf ("id “%s” is used more than once", str));
    }
}

void
catalog_test_assert_no_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));

  if (problems->len > 0)
    g_test_fail_printf ("%u problem(s), first: %s", problems->len,
                        (const char *) g_ptr_array_index (problems, 0));
}
