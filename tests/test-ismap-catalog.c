/* test-ismap-catalog.c: the shipped ISMAP catalog against its source text
 *
 * Each control is a clause (or one paragraph of a clause) of the ISMAP Basic
 * Regulations that puts a duty on a cloud service provider or an assessor.
 * Clause numbers, titles and texts are read from the source at run time.
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ismap-catalog"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "catalog-test-util.h"

#define SOURCE_NAME  "ismap-basic-regulations.txt"
#define CATALOG_NAME "ismap-basic-regulations.xml"
#define CSP      TENKEN_ROLE_CLOUD_SERVICE_PROVIDER
#define ASSESSOR TENKEN_ROLE_ASSESSOR

typedef struct
{
  char *title;  /* normalised clause heading, without the number */
  char *text;   /* normalised clause text */
} Clause;

static void
clause_free (gpointer data)
{
  Clause *clause = data;

  g_free (clause->title);
  g_free (clause->text);
  g_free (clause);
}

/* Clause number ("3.1") -> Clause, from the body of the regulations (the
 * table of contents, before "Chapter 1 General Rules", uses tabs and is
 * skipped). A clause runs to the next clause or chapter heading. */
static GHashTable *
load_clauses (void)
{
  g_autofree char *contents = catalog_test_read_source (SOURCE_NAME);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autoptr(GRegex) heading = g_regex_new ("^([1-9]\\.[0-9]+(\\.[0-9]+)?) (\\S.*)$", 0, 0, NULL);
  GHashTable *clauses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, clause_free);
  g_autoptr(GString) text = NULL;
  Clause *current = NULL;
  guint i = 0;

  while (lines[i] != NULL && g_strcmp0 (lines[i], "Chapter 1 General Rules") != 0)
    i++;
  g_assert_nonnull (lines[i]);

  for (; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      gboolean is_clause = g_regex_match (heading, lines[i], 0, &match);

      if (is_clause || g_str_has_prefix (lines[i], "Chapter ") ||
          g_str_has_prefix (lines[i], "Supplementary provisions"))
        {
          if (current != NULL)
            current->text = catalog_test_normalise (text->str);
          current = NULL;
          if (text != NULL)
            g_string_free (g_steal_pointer (&text), TRUE);
        }
      if (is_clause)
        {
          g_autofree char *title = g_match_info_fetch (match, 3);

          current = g_new0 (Clause, 1);
          current->title = catalog_test_normalise (title);
          text = g_string_new (NULL);
          g_assert_true (g_hash_table_insert (clauses, g_match_info_fetch (match, 1), current));
        }
      else if (current != NULL)
        g_string_append_printf (text, "\n%s", lines[i]);
    }
  if (current != NULL)
    current->text = catalog_test_normalise (text->str);

  return clauses;
}

/* "3.2(2)" -> "3.2"; NULL when the label is not a clause number */
static char *
label_to_clause (const char *label)
{
  g_autoptr(GRegex) re = g_regex_new ("^([1-9]\\.[0-9]+)(\\([1-9]\\))?$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (label == NULL || !g_regex_match (re, label, 0, &match))
    return NULL;

  return g_match_info_fetch (match, 1);
}

static void
check_controls (xmlDoc        *doc,
                gconstpointer  data,
                GPtrArray     *problems)
{
  GHashTable *clauses = (GHashTable *) data;
  g_autoptr(xmlXPathContext) ctx = catalog_test_xpath_new (doc);
  g_autoptr(GPtrArray) controls = catalog_test_nodes (ctx, NULL, "//o:control");
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (controls->len == 0)
    g_ptr_array_add (problems, g_strdup ("no controls"));

  for (guint i = 0; i < controls->len; i++)
    {
      xmlNode *control = g_ptr_array_index (controls, i);
      g_autofree char *label = catalog_test_string (ctx, control, "o:prop[@name='label' and not(@ns)]/@value");
      g_autofree char *number = label_to_clause (label);
      g_autofree char *title = catalog_test_string (ctx, control, "o:title");
      g_autofree char *statement = catalog_test_string (ctx, control, "o:part[@name='statement']");
      g_autoptr(GPtrArray) paragraphs = catalog_test_nodes (ctx, control, "o:part[@name='statement']/o:p");
      Clause *clause = number ? g_hash_table_lookup (clauses, number) : NULL;
      TenkenRoles roles;

      if (clause == NULL)
        {
          g_ptr_array_add (problems, g_strdup_printf ("control %u: label “%s” is no clause of the source",
                                                      i + 1, label));
          continue;
        }
      if (!g_hash_table_add (labels, g_strdup (label)))
        g_ptr_array_add (problems, g_strdup_printf ("%s: label used twice", label));

      if (g_strcmp0 (title, clause->title) != 0)
        g_ptr_array_add (problems, g_strdup_printf ("%s: title “%s”, the source has “%s”",
                                                    label, title, clause->title));

      roles = catalog_test_roles (ctx, control, label, problems);
      if (roles == TENKEN_ROLE_NONE || (roles & ~(CSP | ASSESSOR)) != 0)
        {
          g_autofree char *have = tenken_roles_to_string (roles);
          g_ptr_array_add (problems, g_strdup_printf ("%s: roles “%s”, expected cloud-service-provider "
                                                      "and/or assessor", label, have));
        }

      if (statement == NULL || *statement == '\0' || paragraphs->len == 0)
        {
          g_ptr_array_add (problems, g_strdup_printf ("%s: empty statement", label));
          continue;
        }

      /* Each paragraph word for word from its clause; a label without
       * "(n)" stands for the whole clause */
      for (guint j = 0; j < paragraphs->len; j++)
        {
          g_autoptr(TenkenXmlString) content = xmlNodeGetContent (g_ptr_array_index (paragraphs, j));
          g_autofree char *p = catalog_test_normalise ((const char *) content);

          if (*p == '\0' || strstr (clause->text, p) == NULL)
            g_ptr_array_add (problems, g_strdup_printf ("%s: “%s” is not in clause %s of the source",
                                                        label, p, number));
        }
      if (strchr (label, '(') == NULL && g_strcmp0 (statement, clause->text) != 0)
        g_ptr_array_add (problems, g_strdup_printf ("%s: statement “%s” is not the whole clause “%s”",
                                                    label, statement, clause->text));
    }
}

/* Is there a control for clause @number (any paragraph) naming @role? */
static gboolean
has_duty (xmlDoc      *doc,
          const char  *number,
          TenkenRoles  role)
{
  g_autoptr(xmlXPathContext) ctx = catalog_test_xpath_new (doc);
  g_autoptr(GPtrArray) controls = catalog_test_nodes (ctx, NULL, "//o:control");
  g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < controls->len; i++)
    {
      xmlNode *control = g_ptr_array_index (controls, i);
      g_autofree char *label = catalog_test_string (ctx, control, "o:prop[@name='label']/@value");
      g_autofree char *clause = label_to_clause (label);

      if (g_strcmp0 (clause, number) == 0 &&
          (catalog_test_roles (ctx, control, label, ignored) & role) != 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_metadata (void)
{
  g_autoptr(xmlDoc) doc = catalog_test_load_catalog (CATALOG_NAME);
  g_autoptr(xmlXPathContext) ctx = catalog_test_xpath_new (doc);
  g_autofree char *catalog_id = NULL;
  g_autofree char *version = NULL;
  g_autofree char *oscal_version = NULL;
  g_autofree char *remarks = NULL;
  g_autoptr(GPtrArray) groups = catalog_test_nodes (ctx, NULL, "/o:catalog/o:group");

  catalog_id = catalog_test_string (ctx, NULL,
                                    "/o:catalog/o:metadata/o:prop[@name='catalog-id' and @ns='"
                                    TENKEN_OSCAL_NS "']/@value");
  g_assert_cmpstr (catalog_id, ==, "ismap-basic-regulations");
  version = catalog_test_string (ctx, NULL, "/o:catalog/o:metadata/o:version");
  g_assert_cmpstr (version, ==, "2021-12-20");
  oscal_version = catalog_test_string (ctx, NULL, "/o:catalog/o:metadata/o:oscal-version");
  g_assert_cmpstr (oscal_version, ==, "1.1.2");
  remarks = catalog_test_string (ctx, NULL, "/o:catalog/o:metadata/o:remarks");
  g_assert_nonnull (strstr (remarks, "English reference translation"));
  g_assert_nonnull (strstr (remarks, "Japanese"));
  g_assert_cmpuint (groups->len, >, 0);
}

static void
test_duties_present (void)
{
  static const struct {
    const char *clause;
    TenkenRoles role;
  } duties[] = {
    { "3.1", CSP }, { "3.2", CSP }, { "3.5", CSP }, { "3.7", CSP }, { "3.8", CSP },
    { "5.2", CSP }, { "5.3", CSP }, { "7.3", CSP },
    { "3.2", ASSESSOR }, { "4.1", ASSESSOR }, { "4.4", ASSESSOR }, { "4.6", ASSESSOR },
    { "4.7", ASSESSOR }, { "5.3", ASSESSOR }, { "7.4", ASSESSOR },
  };
  g_autoptr(xmlDoc) doc = catalog_test_load_catalog (CATALOG_NAME);

  for (guint i = 0; i < G_N_ELEMENTS (duties); i++)
    {
      if (!has_duty (doc, duties[i].clause, duties[i].role))
        g_test_fail_printf ("no control for clause %s naming %s", duties[i].clause,
                            tenken_role_to_string (duties[i].role));
    }
}

static void
test_controls_match_source (void)
{
  g_autoptr(GHashTable) clauses = load_clauses ();
  g_autoptr(xmlDoc) doc = catalog_test_load_catalog (CATALOG_NAME);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  Clause *clause;

  /* The parser itself */
  g_assert_cmpuint (g_hash_table_size (clauses), ==, 53);
  clause = g_hash_table_lookup (clauses, "3.7");
  g_assert_nonnull (clause);
  g_assert_cmpstr (clause->title, ==, "Report");
  g_assert_true (g_str_has_prefix (clause->text, "Cloud service providers shall immediately"));

  check_controls (doc, clauses, problems);
  catalog_test_check_ids (doc, problems);
  catalog_test_assert_no_problems (problems);
}

static void
assert_change_detected (GHashTable *clauses,
                        const char *xpath,
                        const char *new_value,
                        const char *expected)
{
  catalog_test_assert_change_detected (CATALOG_NAME, check_controls, clauses,
                                       xpath, new_value, expected);
}

static void
test_checks_can_fail (void)
{
  g_autoptr(GHashTable) clauses = load_clauses ();

  /* A statement shortened */
  assert_change_detected (clauses, "//o:control[@id='ismap-3.7']/o:part[@name='statement']/o:p",
                          "Cloud service providers shall send a summary report to the ISMAP "
                          "Steering Committee when there is an information security incident.",
                          "3.7");
  /* A role the regulations do not know */
  assert_change_detected (clauses, "//o:control[@id='ismap-4.6']/o:prop[@name='role']/@value",
                          "customer", "4.6");
  /* A title that is not the clause's */
  assert_change_detected (clauses, "//o:control[@id='ismap-7.4']/o:title", "Assessors", "7.4");
  /* A label pointing at another clause */
  assert_change_detected (clauses, "//o:control[@id='ismap-3.1']/o:prop[@name='label']/@value",
                          "3.4", "3.4");
}

int
main (int   argc,
      char *argv[])
{
  /* Problems quote the texts: print them in UTF-8, not as "?" */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ismap-catalog/metadata", test_metadata);
  g_test_add_func ("/ismap-catalog/duties-present", test_duties_present);
  g_test_add_func ("/ismap-catalog/controls-match-source", test_controls_match_source);
  g_test_add_func ("/ismap-catalog/checks-can-fail", test_checks_can_fail);

  return g_test_run ();
}
