/* test-catalog-registry.c: installed and imported catalogs
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "tenken-core.h"

#define CATALOG_WITH_ID(id, title) \
  "<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\"9d7c1a60-0000-4000-8000-00000000000a\">" \
  "<metadata><title>" title "</title>" \
  "<prop ns=\"https://tenken.github.io/ns/oscal\" name=\"catalog-id\" value=\"" id "\"/></metadata>" \
  "<group id=\"g\"><title>G</title><control id=\"c\"><title>C</title></control></group></catalog>\n"

#define CATALOG_PLAIN(title) \
  "<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\"9d7c1a60-0000-4000-8000-00000000000b\">" \
  "<metadata><title>" title "</title></metadata>" \
  "<group id=\"g\"><title>G</title><control id=\"c\"><title>C</title></control></group></catalog>\n"

typedef struct
{
  char  *root;
  GFile *system_dir;
  GFile *user_dir;
  GFile *source_dir;
} Fixture;

static void
write_file (GFile      *dir,
            const char *name,
            const char *contents)
{
  g_autoptr(GFile) file = g_file_get_child (dir, name);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
copy_shared (GFile      *dir,
             const char *name,
             const char *as)
{
  g_autoptr(GFile) source = g_file_new_build_filename (g_getenv ("TENKEN_SHARED_DIR"), "testdata", name, NULL);
  g_autoptr(GFile) dest = g_file_get_child (dir, as);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* "name=sha256" for every file, sorted: what a directory holds */
static char *
describe_dir (GFile *dir)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (enumerator == NULL)
    return g_strdup ("(none)");

  while (g_file_enumerator_iterate (enumerator, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));
      g_autoptr(GBytes) bytes = g_file_load_bytes (child, NULL, NULL, NULL);
      g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

      g_ptr_array_add (lines, g_strdup_printf ("%s=%s", g_file_info_get_name (info), sum));
    }

  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("tenken-registry-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->system_dir = g_file_new_build_filename (fixture->root, "system", NULL);
  fixture->user_dir = g_file_new_build_filename (fixture->root, "user", "tenken", "catalogs", NULL);
  fixture->source_dir = g_file_new_build_filename (fixture->root, "downloads", NULL);
  g_assert_true (g_file_make_directory (fixture->system_dir, NULL, NULL));
  g_assert_true (g_file_make_directory (fixture->source_dir, NULL, NULL));

  /* Shipped: two good catalogs and a broken one */
  copy_shared (fixture->system_dir, "oscal-basic-catalog.xml", "basic.xml");
  write_file (fixture->system_dir, "meti.xml", CATALOG_WITH_ID ("meti-2025", "METI"));
  write_file (fixture->system_dir, "broken.xml", "<catalog");
  write_file (fixture->system_dir, "README", "not a catalog");
}

static void
remove_tree (GFile *dir)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (enumerator != NULL &&
         g_file_enumerator_iterate (enumerator, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
    }
  g_file_delete (dir, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->root);

  remove_tree (root);
  g_clear_object (&fixture->system_dir);
  g_clear_object (&fixture->user_dir);
  g_clear_object (&fixture->source_dir);
  g_clear_pointer (&fixture->root, g_free);
}

static char *
list_ids (TenkenCatalogRegistry *registry)
{
  GListModel *catalogs = tenken_catalog_registry_get_catalogs (registry);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (catalogs); i++)
    {
      g_autoptr(TenkenCatalog) catalog = g_list_model_get_item (catalogs, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? "," : "", tenken_catalog_get_id (catalog));
    }

  return g_string_free (ids, FALSE);
}

static void
test_listing (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(TenkenCatalogRegistry) registry =
    tenken_catalog_registry_new_for_dirs (fixture->system_dir, fixture->user_dir);
  g_autofree char *ids = list_ids (registry);
  GPtrArray *errors = tenken_catalog_registry_get_errors (registry);
  TenkenCatalog *meti;
  const GError *error;

  g_assert_cmpstr (ids, ==, "basic,meti-2025");

  meti = tenken_catalog_registry_lookup (registry, "meti-2025");
  g_assert_nonnull (meti);
  g_assert_cmpstr (tenken_catalog_get_title (meti), ==, "METI");
  g_assert_false (tenken_catalog_registry_is_user_catalog (registry, meti));
  g_assert_null (tenken_catalog_registry_lookup (registry, "meti"));
  g_assert_null (tenken_catalog_registry_lookup (registry, "broken"));

  /* The broken file is skipped and reported, naming the file */
  g_assert_cmpuint (errors->len, ==, 1);
  error = g_ptr_array_index (errors, 0);
  g_assert_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "broken.xml"));

  /* The user directory is not created just by looking */
  g_assert_false (g_file_query_exists (fixture->user_dir, NULL));
}

static void
test_missing_dirs (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GFile) nowhere = g_file_new_build_filename (fixture->root, "nowhere", NULL);
  g_autoptr(GFile) nowhere_user = g_file_new_build_filename (fixture->root, "nowhere-user", NULL);
  g_autoptr(TenkenCatalogRegistry) registry = tenken_catalog_registry_new_for_dirs (nowhere, nowhere_user);
  g_autoptr(GError) error = NULL;

  g_assert_true (tenken_catalog_registry_reload (registry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_catalog_registry_get_catalogs (registry)), ==, 0);
  g_assert_cmpuint (tenken_catalog_registry_get_errors (registry)->len, ==, 0);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *n_signals = user_data;

  (*n_signals)++;
}

static void
test_import (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(TenkenCatalogRegistry) registry =
    tenken_catalog_registry_new_for_dirs (fixture->system_dir, fixture->user_dir);
  g_autoptr(GFile) source = g_file_get_child (fixture->source_dir, "My Catalog (v2).xml");
  g_autoptr(GFile) expected = g_file_get_child (fixture->user_dir, "My_Catalog__v2_.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) imported = NULL;
  g_autoptr(TenkenCatalog) again = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  guint n_signals = 0;

  write_file (fixture->source_dir, "My Catalog (v2).xml", CATALOG_PLAIN ("Mine"));
  g_signal_connect (tenken_catalog_registry_get_catalogs (registry), "items-changed",
                    G_CALLBACK (on_items_changed), &n_signals);

  imported = tenken_catalog_registry_import (registry, source, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  g_assert_cmpuint (n_signals, ==, 1);

  /* Named after the source file, made safe; copied byte for byte */
  g_assert_cmpstr (tenken_catalog_get_id (imported), ==, "My_Catalog__v2_");
  g_assert_true (g_file_equal (tenken_catalog_get_file (imported), expected));
  g_assert_true (g_file_load_contents (expected, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, CATALOG_PLAIN ("Mine"));
  g_assert_true (tenken_catalog_registry_is_user_catalog (registry, imported));
  g_assert_true (tenken_catalog_registry_lookup (registry, "My_Catalog__v2_") == imported);

  ids = list_ids (registry);
  g_assert_cmpstr (ids, ==, "My_Catalog__v2_,basic,meti-2025");
  g_clear_pointer (&ids, g_free);

  /* No temporary file left behind */
  listing = describe_dir (fixture->user_dir);
  g_assert_cmpstr (strchr (listing, '\n'), ==, NULL);
  g_assert_true (g_str_has_prefix (listing, "My_Catalog__v2_.xml="));

  /* Importing the same file again replaces the earlier import */
  write_file (fixture->source_dir, "My Catalog (v2).xml", CATALOG_PLAIN ("Mine, revised"));
  again = tenken_catalog_registry_import (registry, source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tenken_catalog_get_title (again), ==, "Mine, revised");
  g_assert_true (tenken_catalog_registry_lookup (registry, "My_Catalog__v2_") == again);
  g_assert_false (tenken_catalog_registry_is_user_catalog (registry, imported));
  ids = list_ids (registry);
  g_assert_cmpstr (ids, ==, "My_Catalog__v2_,basic,meti-2025");
  g_clear_pointer (&ids, g_free);

  /* Removing: shipped catalogs stay, imports go with their file */
  {
    g_autoptr(GError) remove_error = NULL;
    TenkenCatalog *meti = tenken_catalog_registry_lookup (registry, "meti-2025");

    g_assert_false (tenken_catalog_registry_remove (registry, meti, &remove_error));
    g_assert_error (remove_error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_NOT_FOUND);
    g_assert_true (tenken_catalog_registry_lookup (registry, "meti-2025") == meti);
    g_assert_false (tenken_catalog_registry_remove (registry, imported, NULL));
  }

  /* A new registry finds the import on disk */
  {
    g_autoptr(TenkenCatalogRegistry) fresh =
      tenken_catalog_registry_new_for_dirs (fixture->system_dir, fixture->user_dir);
    TenkenCatalog *found = tenken_catalog_registry_lookup (fresh, "My_Catalog__v2_");

    g_assert_nonnull (found);
    g_assert_true (tenken_catalog_registry_is_user_catalog (fresh, found));
    g_assert_cmpstr (tenken_catalog_get_title (found), ==, "Mine, revised");
    g_assert_cmpstr (tenken_catalog_get_sha256 (found), ==, tenken_catalog_get_sha256 (again));
  }

  g_assert_true (tenken_catalog_registry_remove (registry, again, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (expected, NULL));
  g_assert_null (tenken_catalog_registry_lookup (registry, "My_Catalog__v2_"));
  ids = list_ids (registry);
  g_assert_cmpstr (ids, ==, "basic,meti-2025");
}

static void
test_import_catalog_id (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TenkenCatalogRegistry) registry =
    tenken_catalog_registry_new_for_dirs (fixture->system_dir, fixture->user_dir);
  g_autoptr(GFile) source = g_file_get_child (fixture->source_dir, "whatever.xml");
  g_autoptr(GFile) expected = g_file_get_child (fixture->user_dir, "ismap-custom.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) imported = NULL;

  /* The catalog-id prop names the copy, not the file name */
  write_file (fixture->source_dir, "whatever.xml", CATALOG_WITH_ID ("ismap-custom", "Custom"));
  imported = tenken_catalog_registry_import (registry, source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tenken_catalog_get_id (imported), ==, "ismap-custom");
  g_assert_true (g_file_query_exists (expected, NULL));
}

static void
test_import_invalid (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(TenkenCatalogRegistry) registry =
    tenken_catalog_registry_new_for_dirs (fixture->system_dir, fixture->user_dir);
  g_autoptr(GFile) good = g_file_get_child (fixture->source_dir, "good.xml");
  g_autoptr(GFile) bad = g_file_get_child (fixture->source_dir, "bad.xml");
  g_autoptr(GFile) ar = g_file_get_child (fixture->source_dir, "results.xml");
  g_autoptr(GFile) missing = g_file_get_child (fixture->source_dir, "missing.xml");
  g_autoptr(TenkenCatalog) first = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *ids_before = NULL;
  g_autofree char *ids_after = NULL;
  struct {
    GFile *file;
    int code;
  } cases[] = {
    { bad, TENKEN_CATALOG_ERROR_MALFORMED },
    { ar, TENKEN_CATALOG_ERROR_NOT_OSCAL },
    { missing, TENKEN_CATALOG_ERROR_READ },
  };

  write_file (fixture->source_dir, "good.xml", CATALOG_PLAIN ("Good"));
  first = tenken_catalog_registry_import (registry, good, NULL, NULL);
  g_assert_nonnull (first);

  /* A bad file with the same name as the import must not replace it */
  write_file (fixture->source_dir, "bad.xml", "<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\"><metadata>");
  copy_shared (fixture->source_dir, "oscal-assessment-results-example.xml", "results.xml");

  before = describe_dir (fixture->user_dir);
  ids_before = list_ids (registry);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TenkenCatalog) catalog = tenken_catalog_registry_import (registry, cases[i].file, NULL, &error);
      g_autofree char *name = g_file_get_basename (cases[i].file);

      g_assert_null (catalog);
      g_assert_error (error, TENKEN_CATALOG_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, name));
    }

  after = describe_dir (fixture->user_dir);
  ids_after = list_ids (registry);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (ids_before, ==, ids_after);
}

static void
test_import_refuses_shadowing (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(TenkenCatalogRegistry) registry =
    tenken_catalog_registry_new_for_dirs (fixture->system_dir, fixture->user_dir);
  g_autoptr(GFile) by_name = g_file_get_child (fixture->source_dir, "basic.xml");
  g_autoptr(GFile) by_prop = g_file_get_child (fixture->source_dir, "other.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autofree char *ids = NULL;

  write_file (fixture->source_dir, "basic.xml", CATALOG_PLAIN ("Impostor"));
  write_file (fixture->source_dir, "other.xml", CATALOG_WITH_ID ("meti-2025", "Impostor"));

  catalog = tenken_catalog_registry_import (registry, by_name, NULL, &error);
  g_assert_null (catalog);
  g_assert_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "“basic”"));
  g_clear_error (&error);

  catalog = tenken_catalog_registry_import (registry, by_prop, NULL, &error);
  g_assert_null (catalog);
  g_assert_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "meti-2025"));

  g_assert_false (g_file_query_exists (fixture->user_dir, NULL));
  g_assert_cmpstr (tenken_catalog_get_title (tenken_catalog_registry_lookup (registry, "meti-2025")), ==, "METI");
  ids = list_ids (registry);
  g_assert_cmpstr (ids, ==, "basic,meti-2025");
}

static void
test_reload_user_files (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TenkenCatalogRegistry) registry =
    tenken_catalog_registry_new_for_dirs (fixture->system_dir, fixture->user_dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  GPtrArray *errors;
  gboolean saw_shadow = FALSE;

  g_assert_true (g_file_make_directory_with_parents (fixture->user_dir, NULL, NULL));
  write_file (fixture->user_dir, "extra.xml", CATALOG_PLAIN ("Extra"));
  /* A user file may not shadow a shipped catalog, even when put there by hand */
  write_file (fixture->user_dir, "sneaky.xml", CATALOG_WITH_ID ("meti-2025", "Sneaky"));
  /* Half-written imports are ignored */
  write_file (fixture->user_dir, ".extra.xml.1234.tmp", "<catal");

  g_assert_true (tenken_catalog_registry_reload (registry, &error));
  g_assert_no_error (error);

  ids = list_ids (registry);
  g_assert_cmpstr (ids, ==, "basic,extra,meti-2025");
  g_assert_true (tenken_catalog_registry_is_user_catalog (registry,
                                                          tenken_catalog_registry_lookup (registry, "extra")));
  g_assert_cmpstr (tenken_catalog_get_title (tenken_catalog_registry_lookup (registry, "meti-2025")), ==, "METI");

  errors = tenken_catalog_registry_get_errors (registry);
  g_assert_cmpuint (errors->len, ==, 2);
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *e = g_ptr_array_index (errors, i);

      if (g_error_matches (e, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_EXISTS))
        {
          saw_shadow = TRUE;
          g_assert_nonnull (strstr (e->message, "sneaky.xml"));
        }
    }
  g_assert_true (saw_shadow);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_import_async (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(TenkenCatalogRegistry) registry =
    tenken_catalog_registry_new_for_dirs (fixture->system_dir, fixture->user_dir);
  g_autoptr(GFile) good = g_file_get_child (fixture->source_dir, "async.xml");
  g_autoptr(GFile) shadow = g_file_get_child (fixture->source_dir, "meti.xml");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autofree char *ids = NULL;

  write_file (fixture->source_dir, "async.xml", CATALOG_PLAIN ("Async"));
  write_file (fixture->source_dir, "meti.xml", CATALOG_WITH_ID ("meti-2025", "Shadow"));

  tenken_catalog_registry_import_async (registry, good, NULL, on_imported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* Listed only once finished, in this thread */
  g_assert_null (tenken_catalog_registry_lookup (registry, "async"));
  catalog = tenken_catalog_registry_import_finish (registry, result, &error);
  g_assert_no_error (error);
  g_assert_true (tenken_catalog_registry_lookup (registry, "async") == catalog);
  g_assert_true (tenken_catalog_registry_is_user_catalog (registry, catalog));
  ids = list_ids (registry);
  g_assert_cmpstr (ids, ==, "async,basic,meti-2025");
  g_clear_object (&result);
  g_clear_object (&catalog);

  tenken_catalog_registry_import_async (registry, shadow, NULL, on_imported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  catalog = tenken_catalog_registry_import_finish (registry, result, &error);
  g_assert_null (catalog);
  g_assert_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_EXISTS);
}

/* The catalogs shipped in data/catalogs (TENKEN_DATA_DIR) load cleanly */
static void
test_shipped_catalogs (void)
{
  g_autoptr(TenkenCatalogRegistry) registry = tenken_catalog_registry_new ();
  g_autofree char *ids = list_ids (registry);
  GListModel *catalogs = tenken_catalog_registry_get_catalogs (registry);
  TenkenCatalog *meti, *ismap;
  GListModel *categories;
  guint n_requirements = 0;

  for (guint i = 0; i < tenken_catalog_registry_get_errors (registry)->len; i++)
    g_printerr ("%s\n", ((GError *) g_ptr_array_index (tenken_catalog_registry_get_errors (registry), i))->message);
  g_assert_cmpuint (tenken_catalog_registry_get_errors (registry)->len, ==, 0);
  g_assert_cmpstr (ids, ==, "ismap-basic-regulations,meti-cip-guidelines");

  meti = tenken_catalog_registry_lookup (registry, "meti-cip-guidelines");
  ismap = tenken_catalog_registry_lookup (registry, "ismap-basic-regulations");
  g_assert_nonnull (meti);
  g_assert_nonnull (ismap);
  g_assert_false (tenken_catalog_registry_is_user_catalog (registry, meti));

  /* METI: 6 categories, 21 requirements, 69 itemised requirements */
  categories = tenken_catalog_get_groups (meti);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(TenkenCatalogNode) category = g_list_model_get_item (categories, i);
      GListModel *children = tenken_catalog_node_get_children (category);

      for (guint j = 0; j < g_list_model_get_n_items (children); j++)
        {
          g_autoptr(TenkenCatalogNode) child = g_list_model_get_item (children, j);

          if (TENKEN_IS_CATALOG_GROUP (child))
            n_requirements++;
        }
    }
  g_assert_cmpuint (n_requirements, ==, 21);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_catalog_get_items (meti)), ==, 69);
  g_assert_nonnull (tenken_catalog_lookup_item_by_label (meti, "S(1)-1.1"));
  g_assert_nonnull (tenken_catalog_lookup_item_by_label (meti, "S(6)-2.4"));
  g_assert_cmpint (tenken_catalog_get_roles (meti) & TENKEN_ROLE_DEVELOPER, !=, 0);
  g_assert_cmpint (tenken_catalog_get_roles (ismap) & TENKEN_ROLE_CLOUD_SERVICE_PROVIDER, !=, 0);

  for (guint c = 0; c < g_list_model_get_n_items (catalogs); c++)
    {
      g_autoptr(TenkenCatalog) catalog = g_list_model_get_item (catalogs, c);
      GListModel *items = tenken_catalog_get_items (catalog);

      g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
      g_assert_nonnull (tenken_catalog_get_title (catalog));
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(TenkenCatalogItem) item = g_list_model_get_item (items, i);
          TenkenCatalogPart *statement = tenken_catalog_node_get_part (TENKEN_CATALOG_NODE (item), "statement");
          g_autofree char *markup = NULL;

          g_assert_nonnull (statement);
          g_assert_cmpstr (tenken_catalog_item_get_statement_text (item), !=, "");
          markup = tenken_catalog_part_to_pango_markup (statement);
          g_assert_true (g_utf8_validate (markup, -1, NULL));
          g_assert_null (strstr (markup, "<insert"));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* tenken_catalog_registry_new() must not see the user's real imports */
  data_home = g_dir_make_tmp ("tenken-registry-home-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_add_func ("/catalog-registry/shipped", test_shipped_catalogs);

#define ADD(path, func) \
  g_test_add ("/catalog-registry/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("listing", test_listing);
  ADD ("missing-dirs", test_missing_dirs);
  ADD ("import", test_import);
  ADD ("import-catalog-id", test_import_catalog_id);
  ADD ("import-async", test_import_async);
  ADD ("import-invalid", test_import_invalid);
  ADD ("import-refuses-shadowing", test_import_refuses_shadowing);
  ADD ("reload-user-files", test_reload_user_files);

#undef ADD

  ret = g_test_run ();
  g_rmdir (data_home);
  return ret;
}
