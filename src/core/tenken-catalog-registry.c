/* tenken-catalog-registry.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-catalog-registry"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tenken-catalog-private.h"
#include "tenken-catalog-registry.h"
#include "tenken-paths.h"

struct _TenkenCatalogRegistry
{
  GObject     parent_instance;

  GFile      *system_dir;
  GFile      *user_dir;
  /* TenkenCatalog, sorted by id */
  GListStore *catalogs;
  /* id → TenkenCatalog, not references (the store has them) */
  GHashTable *by_id;
  /* TenkenCatalog set: the user's imports */
  GHashTable *user_catalogs;
  /* GError: catalogs that failed to load at the last reload */
  GPtrArray  *errors;
};

G_DEFINE_FINAL_TYPE (TenkenCatalogRegistry, tenken_catalog_registry, G_TYPE_OBJECT)

static void
tenken_catalog_registry_finalize (GObject *object)
{
  TenkenCatalogRegistry *self = (TenkenCatalogRegistry *) object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->user_catalogs, g_hash_table_unref);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_object (&self->catalogs);
  g_clear_object (&self->system_dir);
  g_clear_object (&self->user_dir);

  G_OBJECT_CLASS (tenken_catalog_registry_parent_class)->finalize (object);
}

static void
tenken_catalog_registry_class_init (TenkenCatalogRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenken_catalog_registry_finalize;
}

static void
tenken_catalog_registry_init (TenkenCatalogRegistry *self)
{
  self->catalogs = g_list_store_new (TENKEN_TYPE_CATALOG);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->user_catalogs = g_hash_table_new (NULL, NULL);
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

TenkenCatalogRegistry *
tenken_catalog_registry_new_for_dirs (GFile *system_dir,
                                      GFile *user_dir)
{
  TenkenCatalogRegistry *self;

  g_return_val_if_fail (G_IS_FILE (system_dir), NULL);
  g_return_val_if_fail (G_IS_FILE (user_dir), NULL);

  self = g_object_new (TENKEN_TYPE_CATALOG_REGISTRY, NULL);
  self->system_dir = g_object_ref (system_dir);
  self->user_dir = g_object_ref (user_dir);

  /* Problems are kept in the error list; a registry always exists */
  tenken_catalog_registry_reload (self, NULL);

  return self;
}

TenkenCatalogRegistry *
tenken_catalog_registry_new (void)
{
  g_autoptr(GFile) system_dir = tenken_paths_get_catalog_dir ();
  g_autoptr(GFile) user_dir = tenken_paths_get_user_catalog_dir ();

  return tenken_catalog_registry_new_for_dirs (system_dir, user_dir);
}

static int
compare_catalogs (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return strcmp (tenken_catalog_get_id ((TenkenCatalog *) a),
                 tenken_catalog_get_id ((TenkenCatalog *) b));
}

static int
compare_catalog_ptrs (gconstpointer a,
                      gconstpointer b)
{
  return compare_catalogs (*(TenkenCatalog * const *) a, *(TenkenCatalog * const *) b, NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The *.xml files of @dir, sorted by name; none when it does not exist */
static GPtrArray *
list_catalog_files (GFile   *dir,
                    GError **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (enumerator == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&files);

      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (;;)
    {
      GFileInfo *info = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      /* Dot files are our half-written imports */
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          name[0] == '.' || !g_str_has_suffix (name, ".xml"))
        continue;

      g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_file_get_child (dir, g_ptr_array_index (names, i)));

  return g_steal_pointer (&files);
}

static void
load_dir (TenkenCatalogRegistry *self,
          GFile                 *dir,
          gboolean               is_user,
          GPtrArray             *catalogs,
          GHashTable            *by_id,
          GHashTable            *user_catalogs,
          GPtrArray             *errors,
          GError               **error)
{
  g_autoptr(GPtrArray) files = list_catalog_files (dir, error);

  if (files == NULL)
    return;

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(TenkenCatalog) catalog = tenken_catalog_new_from_file (file, NULL, &local_error);
      TenkenCatalog *other;

      if (catalog == NULL)
        {
          g_debug ("Skipping catalog: %s", local_error->message);
          g_ptr_array_add (errors, g_steal_pointer (&local_error));
          continue;
        }

      other = g_hash_table_lookup (by_id, tenken_catalog_get_id (catalog));
      if (other != NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_autofree char *other_name = g_file_get_parse_name (tenken_catalog_get_file (other));

          local_error = g_error_new (TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_EXISTS,
                                     _("%s: The catalog id “%s” is already used by %s; this file is ignored"),
                                     name, tenken_catalog_get_id (catalog), other_name);
          g_debug ("Skipping catalog: %s", local_error->message);
          g_ptr_array_add (errors, g_steal_pointer (&local_error));
          continue;
        }

      g_hash_table_insert (by_id, (gpointer) tenken_catalog_get_id (catalog), catalog);
      if (is_user)
        g_hash_table_add (user_catalogs, catalog);
      g_ptr_array_add (catalogs, g_steal_pointer (&catalog));
    }
}

gboolean
tenken_catalog_registry_reload (TenkenCatalogRegistry  *self,
                                GError                **error)
{
  g_autoptr(GPtrArray) catalogs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) user_catalogs = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GError) system_error = NULL;
  g_autoptr(GError) user_error = NULL;

  g_return_val_if_fail (TENKEN_IS_CATALOG_REGISTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Shipped catalogs first, so that a user file never shadows one */
  load_dir (self, self->system_dir, FALSE, catalogs, by_id, user_catalogs, errors, &system_error);
  load_dir (self, self->user_dir, TRUE, catalogs, by_id, user_catalogs, errors, &user_error);

  g_ptr_array_sort (catalogs, compare_catalog_ptrs);

  g_hash_table_steal_all (self->by_id);
  g_hash_table_steal_all (self->user_catalogs);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->user_catalogs, g_hash_table_unref);
  self->by_id = g_steal_pointer (&by_id);
  self->user_catalogs = g_steal_pointer (&user_catalogs);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  self->errors = g_steal_pointer (&errors);

  g_list_store_splice (self->catalogs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->catalogs)),
                       catalogs->pdata, catalogs->len);

  if (system_error != NULL || user_error != NULL)
    {
      GFile *dir = system_error != NULL ? self->system_dir : self->user_dir;
      g_autofree char *name = g_file_get_parse_name (dir);

      g_set_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_READ,
                   _("Could not list the catalogs in %s: %s"), name,
                   (system_error != NULL ? system_error : user_error)->message);
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
tenken_catalog_registry_get_errors (TenkenCatalogRegistry *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_REGISTRY (self), NULL);

  return self->errors;
}

GListModel *
tenken_catalog_registry_get_catalogs (TenkenCatalogRegistry *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_REGISTRY (self), NULL);

  return G_LIST_MODEL (self->catalogs);
}

TenkenCatalog *
tenken_catalog_registry_lookup (TenkenCatalogRegistry *self,
                                const char            *id)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_REGISTRY (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

gboolean
tenken_catalog_registry_is_user_catalog (TenkenCatalogRegistry *self,
                                         TenkenCatalog         *catalog)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_REGISTRY (self), FALSE);

  return catalog != NULL && g_hash_table_contains (self->user_catalogs, catalog);
}

/* "My Catalog (v2).xml" → "My_Catalog__v2_" */
static char *
id_from_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  GString *id = g_string_new (NULL);

  if (basename != NULL && g_str_has_suffix (basename, ".xml"))
    basename[strlen (basename) - strlen (".xml")] = '\0';

  for (const char *p = basename != NULL ? basename : ""; *p != '\0'; p++)
    {
      if (id->len == 0 && *p == '.')
        continue;
      g_string_append_c (id, g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-' ? *p : '_');
    }

  if (id->len > 200)
    g_string_truncate (id, 200);
  if (id->len == 0)
    g_string_append (id, "catalog");

  return g_string_free (id, FALSE);
}

static gboolean
write_atomically (GFile         *dir,
                  const char    *basename,
                  GBytes        *bytes,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) dest = g_file_get_child (dir, basename);
  g_autofree char *tmp_name = g_strdup_printf (".%s.%08x.tmp", basename, g_random_int ());
  g_autoptr(GFile) tmp = g_file_get_child (dir, tmp_name);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_make_directory_with_parents (dir, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A dot file nobody loads, renamed over the target in one step: a reader
   * sees the old catalog or the new one, never half of one */
  if (!g_file_replace_contents (tmp, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, cancellable, error))
    {
      g_file_delete (tmp, NULL, NULL);
      return FALSE;
    }

  if (!g_file_move (tmp, dest, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    cancellable, NULL, NULL, error))
    {
      g_file_delete (tmp, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Everything an import does before the registry changes: safe to run in a
 * thread, as it touches only its arguments */
typedef struct
{
  GFile      *file;
  GFile      *user_dir;
  /* Ids of the shipped catalogs, which an import may not take */
  GHashTable *shipped_ids;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->user_dir);
  g_clear_pointer (&job->shipped_ids, g_hash_table_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportJob, import_job_free)

static ImportJob *
import_job_new (TenkenCatalogRegistry *self,
                GFile                 *file)
{
  ImportJob *job = g_new0 (ImportJob, 1);
  GHashTableIter iter;
  gpointer key, value;

  job->file = g_object_ref (file);
  job->user_dir = g_object_ref (self->user_dir);
  job->shipped_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (self->user_catalogs, value))
      g_hash_table_add (job->shipped_ids, g_strdup (key));

  return job;
}

static TenkenCatalog *
import_job_run (ImportJob     *job,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *fallback_id = NULL;
  g_autofree char *dest_name = NULL;
  const char *id;

  bytes = tenken_catalog_read_file (job->file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  display_name = g_file_get_parse_name (job->file);
  fallback_id = id_from_basename (job->file);
  catalog = tenken_catalog_new_full (bytes, display_name, NULL, fallback_id, error);
  if (catalog == NULL)
    return NULL;

  id = tenken_catalog_get_id (catalog);
  if (g_hash_table_contains (job->shipped_ids, id))
    {
      g_set_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_EXISTS,
                   _("%s: A catalog shipped with Tenken already has the id “%s”; "
                     "give the catalog another catalog-id or file name"),
                   display_name, id);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  dest_name = g_strconcat (id, ".xml", NULL);
  if (!write_atomically (job->user_dir, dest_name, bytes, cancellable, &local_error))
    {
      g_autofree char *dir_name = g_file_get_parse_name (job->user_dir);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_READ,
                     _("Could not copy the catalog into %s: %s"), dir_name, local_error->message);
      return NULL;
    }

  dest = g_file_get_child (job->user_dir, dest_name);
  tenken_catalog_set_file (catalog, dest);

  return g_steal_pointer (&catalog);
}

/* Adds a freshly imported catalog; a new import of the same catalog
 * replaces the earlier one */
static void
add_user_catalog (TenkenCatalogRegistry *self,
                  TenkenCatalog         *catalog)
{
  const char *id = tenken_catalog_get_id (catalog);
  TenkenCatalog *old = g_hash_table_lookup (self->by_id, id);
  guint position;

  if (old != NULL && g_list_store_find (self->catalogs, old, &position))
    {
      GFile *old_file = tenken_catalog_get_file (old);

      /* Imported under another name (a hand-placed file): one file per id */
      if (old_file != NULL && !g_file_equal (old_file, tenken_catalog_get_file (catalog)))
        g_file_delete (old_file, NULL, NULL);

      g_hash_table_remove (self->user_catalogs, old);
      g_hash_table_remove (self->by_id, id);
      g_list_store_remove (self->catalogs, position);
    }

  g_hash_table_insert (self->by_id, (gpointer) id, catalog);
  g_hash_table_add (self->user_catalogs, catalog);
  g_list_store_insert_sorted (self->catalogs, catalog, compare_catalogs, NULL);
}

TenkenCatalog *
tenken_catalog_registry_import (TenkenCatalogRegistry  *self,
                                GFile                  *file,
                                GCancellable           *cancellable,
                                GError                **error)
{
  g_autoptr(ImportJob) job = NULL;
  TenkenCatalog *catalog;

  g_return_val_if_fail (TENKEN_IS_CATALOG_REGISTRY (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job = import_job_new (self, file);
  catalog = import_job_run (job, cancellable, error);
  if (catalog != NULL)
    add_user_catalog (self, catalog);

  return catalog;
}

gboolean
tenken_catalog_registry_remove (TenkenCatalogRegistry  *self,
                                TenkenCatalog          *catalog,
                                GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  GFile *file;
  guint position;

  g_return_val_if_fail (TENKEN_IS_CATALOG_REGISTRY (self), FALSE);
  g_return_val_if_fail (TENKEN_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_hash_table_contains (self->user_catalogs, catalog) ||
      !g_list_store_find (self->catalogs, catalog, &position))
    {
      g_set_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_NOT_FOUND,
                   _("“%s” is not an imported catalog; only imported catalogs can be removed"),
                   tenken_catalog_get_title (catalog));
      return FALSE;
    }

  file = tenken_catalog_get_file (catalog);
  if (!g_file_delete (file, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_READ,
                   _("Could not remove %s: %s"), name, local_error->message);
      return FALSE;
    }

  g_hash_table_remove (self->by_id, tenken_catalog_get_id (catalog));
  g_hash_table_remove (self->user_catalogs, catalog);
  /* Last: this drops the store's reference */
  g_list_store_remove (self->catalogs, position);

  return TRUE;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  TenkenCatalog *catalog = import_job_run (task_data, cancellable, &error);

  if (catalog != NULL)
    g_task_return_pointer (task, catalog, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
tenken_catalog_registry_import_async (TenkenCatalogRegistry *self,
                                      GFile                 *file,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TENKEN_IS_CATALOG_REGISTRY (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tenken_catalog_registry_import_async);
  g_task_set_task_data (task, import_job_new (self, file), (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

TenkenCatalog *
tenken_catalog_registry_import_finish (TenkenCatalogRegistry  *self,
                                       GAsyncResult           *result,
                                       GError                **error)
{
  TenkenCatalog *catalog;

  g_return_val_if_fail (TENKEN_IS_CATALOG_REGISTRY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tenken_catalog_registry_import_async, NULL);

  catalog = g_task_propagate_pointer (G_TASK (result), error);

  /* The registry changes here, in the caller's thread, never in the worker */
  if (catalog != NULL)
    add_user_catalog (self, catalog);

  return catalog;
}
