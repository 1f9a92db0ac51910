/* test-meti-catalog.c: the shipped METI catalog against its source text
 *
 * Every itemised requirement S(n)-m.k is read from the source text at run
 * time and compared with the catalog: label, title and statement word for
 * word, roles by the rule the guidelines imply, and the three items the
 * source cuts off marked as completed from the summary.
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-meti-catalog"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "catalog-test-util.h"

#define SOURCE_NAME  "meti-cyber-infrastructure-provider-guidelines-draft.txt"
#define CATALOG_NAME "meti-cip-guidelines.xml"
#define PROVIDER_ROLES (TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_SUPPLIER | TENKEN_ROLE_OPERATOR)

/* Words the PDF extraction scrambled or page numbers it left inside a
 * sentence; the catalog has the repaired text. Applied to the source only. */
static const struct {
  const char *broken;
  const char *repaired;
} source_repairs[] = {
  { "to which soft the ware is applied", "to which the software is applied" },
  { "appropriate risk 8 management", "appropriate risk management" },
};

typedef struct
{
  char *label;  /* "S(1)-1.1" */
  char *title;  /* normalised; NULL when the source does not set it apart */
  char *full;   /* normalised title and text, as the source has them */
} SourceItem;

static void
source_item_free (gpointer data)
{
  SourceItem *item = data;

  g_free (item->label);
  g_free (item->title);
  g_free (item->full);
  g_free (item);
}

typedef struct
{
  char      *text;   /* normalised and repaired, for "is it in the source" */
  GPtrArray *items;  /* SourceItem, in source order */
} Source;

static void
source_free (Source *source)
{
  g_free (source->text);
  g_ptr_array_unref (source->items);
  g_free (source);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Source, source_free)

static char *
strip_suffix_dup (const char *str,
                  char        suffix)
{
  gsize len = strlen (str);

  return g_strndup (str, len > 0 && str[len - 1] == suffix ? len - 1 : len);
}

/* The itemised requirements live in the whole text after "# <Reference>".
 * An item runs from its label to the next label or heading. Its title is the
 * rest of the label's line, or the bold span after the label; in the table
 * of category 6 title and text share one cell and only the whole is known. */
static Source *
source_load (void)
{
  g_autofree char *contents = catalog_test_read_source (SOURCE_NAME);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autoptr(GRegex) label_re = g_regex_new ("S\\(([1-6])\\)-([0-9])\\.([0-9])", 0, 0, NULL);
  g_autoptr(GString) repaired = g_string_new (contents);
  Source *source = g_new0 (Source, 1);
  guint i = 0;

  for (guint r = 0; r < G_N_ELEMENTS (source_repairs); r++)
    g_assert_cmpuint (g_string_replace (repaired, source_repairs[r].broken,
                                        source_repairs[r].repaired, 0), ==, 1);
  source->text = catalog_test_normalise (repaired->str);
  source->items = g_ptr_array_new_with_free_func (source_item_free);

  while (lines[i] != NULL && !g_str_has_prefix (lines[i], "# <Reference>"))
    i++;
  g_assert_nonnull (lines[i]);

  while (lines[i] != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *head = NULL;
      g_autofree char *body_norm = NULL;
      g_autofree char *after_bold = NULL;
      SourceItem *item;
      const char *bold_end;
      int end = 0;

      if (!g_regex_match (label_re, lines[i], 0, &match))
        {
          i++;
          continue;
        }

      item = g_new0 (SourceItem, 1);
      item->label = g_match_info_fetch (match, 0);
      g_match_info_fetch_pos (match, 0, NULL, &end);
      head = g_strdup (lines[i] + end);

      for (i++; lines[i] != NULL; i++)
        {
          const char *s = lines[i];

          while (g_ascii_isspace (*s))
            s++;
          if (*s == '#' || g_regex_match (label_re, s, 0, NULL))
            break;
          g_string_append_printf (body, "\n%s", lines[i]);
        }

      body_norm = catalog_test_normalise (body->str);
      bold_end = strstr (head, "</b>");
      if (bold_end == NULL)
        bold_end = strstr (head, "**");
      if (bold_end != NULL)
        after_bold = catalog_test_normalise (bold_end);

      if (after_bold != NULL && *after_bold != '\0')
        {
          /* "<b>S(6)-2.3 Title</b> text" or "**S(4)-4.3 Title**Text" */
          g_autofree char *title = g_strndup (head, bold_end - head);
          item->title = catalog_test_normalise (title);
        }
      else if (*body_norm != '\0')
        item->title = catalog_test_normalise (head);

      {
        g_autofree char *all = g_strconcat (head, "\n", body->str, NULL);
        item->full = catalog_test_normalise (all);
      }

      g_ptr_array_add (source->items, item);
    }

  return source;
}

/* Who a requirement addresses: the roles its sentences name as their
 * subject ("Developers …", "In addition, operators …"); all provider roles
 * when none is named; the customer for category 6. */
static TenkenRoles
expected_roles (const SourceItem *item)
{
  static const struct {
    const char *subject;
    TenkenRoles role;
  } subjects[] = {
    { "developers ", TENKEN_ROLE_DEVELOPER },
    { "suppliers ", TENKEN_ROLE_SUPPLIER },
    { "operators ", TENKEN_ROLE_OPERATOR },
  };
  const char *text = item->full;
  g_auto(GStrv) sentences = NULL;
  TenkenRoles roles = TENKEN_ROLE_NONE;

  if (g_str_has_prefix (item->label, "S(6)"))
    return TENKEN_ROLE_CUSTOMER;

  if (item->title != NULL)
    text += strlen (item->title);

  sentences = g_strsplit (text, ". ", -1);
  for (guint i = 0; sentences[i] != NULL; i++)
    {
      const char *s = g_strchug (sentences[i]);

      if (g_str_has_prefix (s, "In addition, "))
        s += strlen ("In addition, ");
      for (guint j = 0; j < G_N_ELEMENTS (subjects); j++)
        if (g_ascii_strncasecmp (s, subjects[j].subject, strlen (subjects[j].subject)) == 0)
          roles |= subjects[j].role;
    }

  return roles != TENKEN_ROLE_NONE ? roles : PROVIDER_ROLES;
}

static char *
completed_prop (xmlXPathContext *ctx,
                xmlNode         *control)
{
  g_autoptr(GPtrArray) props = NULL;

  props = catalog_test_nodes (ctx, control,
                              "o:prop[@name='completed-from-summary' and @ns='" TENKEN_OSCAL_NS "']");
  if (props->len == 0)
    return NULL;

  return catalog_test_attr (g_ptr_array_index (props, 0), "value");
}

static void
check_truncated_item (xmlXPathContext  *ctx,
                      xmlNode          *control,
                      const SourceItem *item,
                      const char       *title,
                      const char       *statement,
                      const Source     *source,
                      GPtrArray        *problems)
{
  g_autofree char *note = NULL;
  g_autofree char *bare = strip_suffix_dup (statement, '.');
  const char *surviving = NULL;

  /* Whatever survives of the title must be kept word for word */
  if (item->title != NULL)
    {
      if (!g_str_has_prefix (title, item->title))
        g_ptr_array_add (problems, g_strdup_printf ("%s: title “%s” does not continue the source's “%s”",
                                                    item->label, title, item->title));
      surviving = item->full + strlen (item->title);
    }
  else if (g_str_has_prefix (item->full, title) &&
           (item->full[strlen (title)] == '\0' || item->full[strlen (title)] == ' '))
    surviving = item->full + strlen (title);
  else
    g_ptr_array_add (problems, g_strdup_printf ("%s: title “%s” is not the source's (“%s”)",
                                                item->label, title, item->full));

  /* The statement either continues the surviving text or is taken whole
   * from elsewhere in the same source */
  if (surviving != NULL)
    while (*surviving == ' ')
      surviving++;
  if (!((surviving != NULL && *surviving != '\0' && g_str_has_prefix (statement, surviving)) ||
        strstr (source->text, bare) != NULL))
    g_ptr_array_add (problems, g_strdup_printf ("%s: completed statement “%s” neither continues "
                                                "the source nor is found in it",
                                                item->label, statement));

  note = catalog_test_string (ctx, control,
                              "o:prop[@name='completed-from-summary']/o:remarks");
  if (note == NULL || *note == '\0')
    g_ptr_array_add (problems, g_strdup_printf ("%s: completed-from-summary without remarks",
                                                item->label));
  g_clear_pointer (&note, g_free);
  note = catalog_test_string (ctx, control, "o:part[@name='remarks']");
  if (note == NULL || strstr (note, "summary") == NULL)
    g_ptr_array_add (problems, g_strdup_printf ("%s: no editorial note on the completion",
                                                item->label));
}

/* Compares every control with the source; appends one line per difference */
static void
check_items (xmlDoc       *doc,
             const Source *source,
             GPtrArray    *problems)
{
  g_autoptr(xmlXPathContext) ctx = catalog_test_xpath_new (doc);
  g_autoptr(GPtrArray) controls = catalog_test_nodes (ctx, NULL, "//o:control");
  g_autoptr(GRegex) id_re = g_regex_new ("^s[1-6]-[0-9]\\.[0-9]$", 0, 0, NULL);

  if (controls->len != source->items->len)
    g_ptr_array_add (problems, g_strdup_printf ("%u controls, the source has %u itemised requirements",
                                                controls->len, source->items->len));

  for (guint i = 0; i < MIN (controls->len, source->items->len); i++)
    {
      xmlNode *control = g_ptr_array_index (controls, i);
      const SourceItem *item = g_ptr_array_index (source->items, i);
      g_autofree char *label = catalog_test_string (ctx, control, "o:prop[@name='label' and not(@ns)]/@value");
      g_autofree char *title = catalog_test_string (ctx, control, "o:title");
      g_autofree char *statement = catalog_test_string (ctx, control, "o:part[@name='statement']");
      g_autofree char *parent_label = catalog_test_string (ctx, control, "../o:prop[@name='label']/@value");
      g_autofree char *id = catalog_test_attr (control, "id");
      g_autofree char *completed = completed_prop (ctx, control);
      g_autofree char *expected_parent = NULL;
      g_autofree char *expected_id = NULL;
      gboolean truncated;
      TenkenRoles roles, expected;

      if (g_strcmp0 (label, item->label) != 0)
        {
          g_ptr_array_add (problems, g_strdup_printf ("control %u: label “%s”, the source has “%s”",
                                                      i + 1, label, item->label));
          continue;
        }
      if (title == NULL || statement == NULL || *statement == '\0')
        {
          g_ptr_array_add (problems, g_strdup_printf ("%s: no title or statement", label));
          continue;
        }

      /* "S(1)-2.3" belongs to "(1)-2" and has the id "s1-2.3" */
      expected_parent = g_strndup (label + 1, strlen ("(1)-2"));
      if (g_strcmp0 (parent_label, expected_parent) != 0)
        g_ptr_array_add (problems, g_strdup_printf ("%s: in group “%s”", label, parent_label));
      expected_id = g_strdup_printf ("s%c-%c.%c", label[2], label[5], label[7]);
      if (!g_regex_match (id_re, id ? id : "", 0, NULL) || g_strcmp0 (id, expected_id) != 0)
        g_ptr_array_add (problems, g_strdup_printf ("%s: id “%s”, expected “%s”", label, id, expected_id));

      /* Every complete requirement ends its sentence; the cut ones do not */
      truncated = !g_str_has_suffix (item->full, ".");
      if (truncated != (g_strcmp0 (completed, "true") == 0))
        g_ptr_array_add (problems, g_strdup_printf ("%s: source %s, but completed-from-summary is %s",
                                                    label, truncated ? "cut off" : "complete",
                                                    completed ? completed : "absent"));

      if (truncated)
        check_truncated_item (ctx, control, item, title, statement, source, problems);
      else
        {
          g_autofree char *both = g_strconcat (title, " ", statement, NULL);

          if (item->title != NULL && g_strcmp0 (title, item->title) != 0)
            g_ptr_array_add (problems, g_strdup_printf ("%s: title “%s”, the source has “%s”",
                                                        label, title, item->title));
          else if (g_strcmp0 (both, item->full) != 0)
            g_ptr_array_add (problems, g_strdup_printf ("%s: title and statement\n  “%s”\n"
                                                        "the source has\n  “%s”",
                                                        label, both, item->full));
        }

      roles = catalog_test_roles (ctx, control, label, problems);
      expected = expected_roles (item);
      if (roles != expected)
        {
          g_autofree char *have = tenken_roles_to_string (roles);
          g_autofree char *want = tenken_roles_to_string (expected);

          g_ptr_array_add (problems, g_strdup_printf ("%s: roles “%s”, expected “%s”", label, have, want));
        }
    }
}

/* Titles, overviews and alternative titles of the groups, word for word */
static void
check_groups (xmlDoc       *doc,
              const Source *source,
              GPtrArray    *problems)
{
  g_autoptr(xmlXPathContext) ctx = catalog_test_xpath_new (doc);
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GPtrArray) parts = NULL;

  texts = catalog_test_nodes (ctx, NULL,
                              "//o:group/o:title"
                              " | //o:group/o:prop[@name='list-title']/@value"
                              " | //o:group/o:part[@name='overview']//o:p"
                              " | //o:group/o:part[@name='overview']//o:li/text()"
                              " | //o:group/o:part[@name='overview']//o:part/o:title");
  for (guint i = 0; i < texts->len; i++)
    {
      g_autoptr(TenkenXmlString) content = xmlNodeGetContent (g_ptr_array_index (texts, i));
      g_autofree char *text = catalog_test_normalise ((const char *) content);

      if (*text == '\0')
        continue;
      if (strstr (source->text, text) == NULL)
        g_ptr_array_add (problems, g_strdup_printf ("group text not in the source: “%s”", text));
    }

  parts = catalog_test_nodes (ctx, NULL, "//o:group[not(o:part[@name='overview'])]");
  for (guint i = 0; i < parts->len; i++)
    {
      g_autofree char *id = catalog_test_attr (g_ptr_array_index (parts, i), "id");
      g_ptr_array_add (problems, g_strdup_printf ("group %s has no overview", id));
    }
}

static void
test_source_parsed (void)
{
  g_autoptr(Source) source = source_load ();
  guint per_category[7] = { 0, };

  /* The parser itself: 69 distinct labels, titles where the layout has them */
  g_assert_cmpuint (source->items->len, ==, 69);
  for (guint i = 0; i < source->items->len; i++)
    {
      SourceItem *item = g_ptr_array_index (source->items, i);

      per_category[item->label[2] - '0']++;
      g_assert_cmpstr (item->full, !=, "");
      if (!g_str_has_prefix (item->label, "S(6)"))
        g_assert_nonnull (item->title);
    }
  g_assert_cmpuint (per_category[1], ==, 16);
  g_assert_cmpuint (per_category[6], ==, 7);
}

static void
test_metadata (void)
{
  g_autoptr(xmlDoc) doc = catalog_test_load_catalog (CATALOG_NAME);
  g_autoptr(xmlXPathContext) ctx = catalog_test_xpath_new (doc);
  g_autofree char *catalog_id = NULL;
  g_autofree char *version = NULL;
  g_autofree char *oscal_version = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *remarks = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *resource = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GPtrArray) links = NULL;

  catalog_id = catalog_test_string (ctx, NULL,
                                    "/o:catalog/o:metadata/o:prop[@name='catalog-id' and @ns='"
                                    TENKEN_OSCAL_NS "']/@value");
  g_assert_cmpstr (catalog_id, ==, "meti-cip-guidelines");
  version = catalog_test_string (ctx, NULL, "/o:catalog/o:metadata/o:version");
  g_assert_cmpstr (version, ==, "2025-10 draft");
  oscal_version = catalog_test_string (ctx, NULL, "/o:catalog/o:metadata/o:oscal-version");
  g_assert_cmpstr (oscal_version, ==, "1.1.2");
  modified = catalog_test_string (ctx, NULL, "/o:catalog/o:metadata/o:last-modified");
  when = g_date_time_new_from_iso8601 (modified, NULL);
  g_assert_nonnull (when);

  remarks = catalog_test_string (ctx, NULL, "/o:catalog/o:metadata/o:remarks");
  g_assert_nonnull (strstr (remarks, "English reference translation"));
  g_assert_nonnull (strstr (remarks, "Japanese original"));
  g_assert_nonnull (strstr (remarks, "authoritative"));

  /* The document reference resolves to a back-matter resource */
  links = catalog_test_nodes (ctx, NULL, "/o:catalog/o:metadata/o:link[@rel='reference']");
  g_assert_cmpuint (links->len, ==, 1);
  reference = catalog_test_attr (g_ptr_array_index (links, 0), "href");
  g_assert_nonnull (reference);
  g_assert_true (reference[0] == '#');
  resource = g_strdup_printf ("/o:catalog/o:back-matter/o:resource[@uuid='%s']/o:title", reference + 1);
  g_clear_pointer (&remarks, g_free);
  remarks = catalog_test_string (ctx, NULL, resource);
  g_assert_nonnull (remarks);
  g_assert_true (g_str_has_prefix (remarks, "Guidelines on the Roles Expected of Cyber Infrastructure Providers"));
}

static void
test_structure (void)
{
  g_autoptr(xmlDoc) doc = catalog_test_load_catalog (CATALOG_NAME);
  g_autoptr(xmlXPathContext) ctx = catalog_test_xpath_new (doc);
  g_autoptr(GPtrArray) categories = catalog_test_nodes (ctx, NULL, "/o:catalog/o:group");
  g_autoptr(GPtrArray) requirements = catalog_test_nodes (ctx, NULL, "/o:catalog/o:group/o:group");
  g_autoptr(GPtrArray) controls = catalog_test_nodes (ctx, NULL, "//o:control");
  g_autoptr(GPtrArray) nested = catalog_test_nodes (ctx, NULL,
                                                    "//o:control[not(parent::o:group/parent::o:group/parent::o:catalog)]"
                                                    " | /o:catalog/o:group/o:group/o:group");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (categories->len, ==, 6);
  g_assert_cmpuint (requirements->len, ==, 21);
  g_assert_cmpuint (controls->len, ==, 69);
  g_assert_cmpuint (nested->len, ==, 0);

  for (guint i = 0; i < categories->len; i++)
    {
      xmlNode *category = g_ptr_array_index (categories, i);
      g_autofree char *label = catalog_test_string (ctx, category, "o:prop[@name='label']/@value");
      g_autofree char *expected = g_strdup_printf ("(%u)", i + 1);
      g_autoptr(GPtrArray) children = catalog_test_nodes (ctx, category, "o:group");

      g_assert_cmpstr (label, ==, expected);
      for (guint j = 0; j < children->len; j++)
        {
          g_autofree char *child_label = catalog_test_string (ctx, g_ptr_array_index (children, j),
                                                              "o:prop[@name='label']/@value");
          g_autofree char *child_expected = g_strdup_printf ("(%u)-%u", i + 1, j + 1);

          g_assert_cmpstr (child_label, ==, child_expected);
        }
    }

  catalog_test_check_ids (doc, problems);
  catalog_test_assert_no_problems (problems);
}

/* The catalog as shipped passes both comparisons with the source */
static void
test_matches_source (gconstpointer data)
{
  void (*check) (xmlDoc *, const Source *, GPtrArray *) = data;
  g_autoptr(Source) source = source_load ();
  g_autoptr(xmlDoc) doc = catalog_test_load_catalog (CATALOG_NAME);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  check (doc, source, problems);
  catalog_test_assert_no_problems (problems);
}

static void
test_completed_items (void)
{
  g_autoptr(xmlDoc) doc = catalog_test_load_catalog (CATALOG_NAME);
  g_autoptr(xmlXPathContext) ctx = catalog_test_xpath_new (doc);
  g_autoptr(GPtrArray) completed = NULL;
  const char *expected[] = { "S(6)-1.3", "S(6)-2.3", "S(6)-2.4" };

  completed = catalog_test_nodes (ctx, NULL,
                                  "//o:control[o:prop[@name='completed-from-summary' and @ns='"
                                  TENKEN_OSCAL_NS "' and @value='true']]");
  g_assert_cmpuint (completed->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < completed->len; i++)
    {
      g_autofree char *label = catalog_test_string (ctx, g_ptr_array_index (completed, i),
                                                    "o:prop[@name='label']/@value");
      g_assert_cmpstr (label, ==, expected[i]);
    }
}

static void
check_all (xmlDoc        *doc,
           gconstpointer  source,
           GPtrArray     *problems)
{
  check_items (doc, source, problems);
  check_groups (doc, source, problems);
}

static void
assert_change_detected (const Source *source,
                        const char   *xpath,
                        const char   *new_value,
                        const char   *expected)
{
  catalog_test_assert_change_detected (CATALOG_NAME, check_all, source,
                                       xpath, new_value, expected);
}

static void
test_checks_can_fail (void)
{
  g_autoptr(Source) source = source_load ();

#define CONTROL(id) "//o:control[@id='" id "']"
  /* A title one word off */
  assert_change_detected (source, CONTROL ("s1-2.2") "/o:title", "Secure builds", "S(1)-2.2");
  /* A title in a table row of category 6, where the source does not set it apart */
  assert_change_detected (source, CONTROL ("s6-1.2") "/o:title", "Resource", "S(6)-1.2");
  /* A statement reworded */
  assert_change_detected (source, CONTROL ("s3-1.2") "/o:part[@name='statement']/o:p",
                          "Establish a communication plan for stakeholders.", "S(3)-1.2");
  /* A role for an item whose text names its subject */
  assert_change_detected (source, CONTROL ("s1-4.1") "/o:prop[@name='role']/@value",
                          "developer", "S(1)-4.1");
  /* A role missing where the text names two subjects */
  assert_change_detected (source, CONTROL ("s3-2.3") "/o:prop[@name='role'][@value='operator']",
                          NULL, "S(3)-2.3");
  /* A completed item not marked */
  assert_change_detected (source, CONTROL ("s6-2.4") "/o:prop[@name='completed-from-summary']",
                          NULL, "S(6)-2.4");
  /* A completion that is not from the source */
  assert_change_detected (source, CONTROL ("s6-2.4") "/o:part[@name='statement']/o:p",
                          "Secure enough budgets.", "S(6)-2.4");
  /* A group overview reworded */
  assert_change_detected (source, "//o:group[@id='req-3-2']/o:part[@name='overview']/o:p",
                          "Regularly plan responses to vulnerabilities.", "Regularly plan");
#undef CONTROL
}

int
main (int   argc,
      char *argv[])
{
  /* Problems quote the texts: print them in UTF-8, not as "?" */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meti-catalog/source-parsed", test_source_parsed);
  g_test_add_func ("/meti-catalog/metadata", test_metadata);
  g_test_add_func ("/meti-catalog/structure", test_structure);
  g_test_add_data_func ("/meti-catalog/items-match-source", check_items, test_matches_source);
  g_test_add_data_func ("/meti-catalog/groups-match-source", check_groups, test_matches_source);
  g_test_add_func ("/meti-catalog/completed-items", test_completed_items);
  g_test_add_func ("/meti-catalog/checks-can-fail", test_checks_can_fail);

  return g_test_run ();
}
