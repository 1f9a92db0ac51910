/* tenken-document.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-document"
/* renameat2 () */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tenken-catalog-private.h"
#include "tenken-document-private.h"
#include "tenken-evidence-private.h"
#include "tenken-response-private.h"

G_DEFINE_QUARK (tenken-document-error-quark, tenken_document_error)

G_DEFINE_FINAL_TYPE (TenkenDocument, tenken_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_READ_ONLY,
  PROP_CATALOG,
  PROP_AUTHOR,
  PROP_CREATED_AT,
  N_PROPS
};

enum {
  CHANGED,
  EVIDENCE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Response columns, in the order read_response_row() expects */
#define RESPONSE_COLUMNS \
  "item_id, status, justification, target_date, statement, owner, due_date, flagged, updated_at, updated_by"

static void
tenken_document_dispose (GObject *object)
{
  TenkenDocument *self = (TenkenDocument *)object;

  tenken_document_close (self);

  g_clear_object (&self->catalog);
  g_clear_object (&self->responses);
  g_clear_pointer (&self->responses_by_id, g_hash_table_unref);
  g_clear_object (&self->evidence);
  g_clear_object (&self->scope);

  G_OBJECT_CLASS (tenken_document_parent_class)->dispose (object);
}

static void
tenken_document_finalize (GObject *object)
{
  TenkenDocument *self = (TenkenDocument *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (tenken_document_parent_class)->finalize (object);
}

static void
tenken_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TenkenDocument *self = TENKEN_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:       g_value_set_object (value, self->file); break;
    case PROP_READ_ONLY:  g_value_set_boolean (value, tenken_document_is_read_only (self)); break;
    case PROP_CATALOG:    g_value_set_object (value, self->catalog); break;
    case PROP_AUTHOR:     g_value_set_string (value, self->author); break;
    case PROP_CREATED_AT: g_value_set_boxed (value, self->created_at); break;
    default:              G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_document_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TenkenDocument *self = TENKEN_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_AUTHOR: tenken_document_set_author (self, g_value_get_string (value)); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_document_class_init (TenkenDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tenken_document_dispose;
  object_class->finalize = tenken_document_finalize;
  object_class->get_property = tenken_document_get_property;
  object_class->set_property = tenken_document_set_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, ro);
  properties[PROP_CATALOG] = g_param_spec_object ("catalog", NULL, NULL, TENKEN_TYPE_CATALOG, ro);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] = g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TenkenDocument::changed:
   * @item_id: (nullable): the catalog item whose response or evidence
   *   changed, or %NULL for document-level changes (scope)
   *
   * Emitted in the main context after a change was committed to the file
   * and the live objects were updated.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * TenkenDocument::evidence-changed:
   *
   * Emitted after evidence was added, removed, linked or unlinked (and
   * committed); the evidence list model is already up to date.
   */
  signals[EVIDENCE_CHANGED] =
    g_signal_new ("evidence-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
tenken_document_init (TenkenDocument *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->responses = g_list_store_new (TENKEN_TYPE_RESPONSE);
  self->responses_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->evidence = g_list_store_new (TENKEN_TYPE_EVIDENCE);
  self->author = tenken_document_default_author ();
}

void
tenken_document_close (TenkenDocument *self)
{
  g_return_if_fail (TENKEN_IS_DOCUMENT (self));

  g_clear_handle_id (&self->checkpoint_source, g_source_remove);

  if (self->db == NULL)
    return;

  /* Statements first: sqlite3_close_v2() keeps the connection until the
   * last one is finalized, and the WAL is only checkpointed away then */
  g_hash_table_remove_all (self->statements);

  if (self->lock_token != NULL)
    tenken_document_lock_release (self->db, self->lock_token);
  g_clear_pointer (&self->lock_token, g_free);

  /* The last connection to close checkpoints the WAL into the main file
   * and deletes it, so that a closed .tenken is one self-contained file */
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

GFile *
tenken_document_get_file (TenkenDocument *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);
  return self->file;
}

gboolean
tenken_document_is_read_only (TenkenDocument *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), TRUE);
  return self->read_only_reason != NULL;
}

TenkenCatalog *
tenken_document_get_catalog (TenkenDocument *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);
  return self->catalog;
}

const char *
tenken_document_get_author (TenkenDocument *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);
  return self->author;
}

void
tenken_document_set_author (TenkenDocument *self,
                            const char     *author)
{
  g_autofree char *fallback = NULL;

  g_return_if_fail (TENKEN_IS_DOCUMENT (self));

  if (author == NULL || *author == '\0')
    author = fallback = tenken_document_default_author ();

  if (g_strcmp0 (self->author, author) != 0)
    {
      g_free (self->author);
      self->author = g_strdup (author);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
    }
}

GDateTime *
tenken_document_get_created_at (TenkenDocument *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);
  return self->created_at;
}

/* Why edits are refused, for the READ_ONLY error; NULL when editable */
const char *
tenken_document_get_read_only_reason (TenkenDocument *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);
  return self->read_only_reason;
}

gboolean
tenken_document_check_writable (TenkenDocument  *self,
                                GError         **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                   _("“%s” is closed."), self->display_name);
      return FALSE;
    }

  if (self->read_only_reason != NULL)
    {
      g_set_error_literal (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_READ_ONLY,
                           self->read_only_reason);
      return FALSE;
    }

  return TRUE;
}

static gboolean
checkpoint_cb (gpointer user_data)
{
  TenkenDocument *self = user_data;

  self->checkpoint_source = 0;
  if (self->db != NULL)
    sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

  return G_SOURCE_REMOVE;
}

/* Committed edits are durable in the -wal file at once. Copying them into
 * the .tenken itself shortly after a burst of edits means that a copy of
 * the file taken while it is open (attached to an email, say) already holds
 * them. PASSIVE never blocks readers or waits for them. */
static void
schedule_checkpoint (TenkenDocument *self)
{
  if (self->checkpoint_source == 0 && self->db != NULL)
    self->checkpoint_source = g_timeout_add_seconds (2, checkpoint_cb, self);
}

void
tenken_document_emit_changed (TenkenDocument *self,
                              const char     *item_id)
{
  schedule_checkpoint (self);
  g_signal_emit (self, signals[CHANGED], 0, item_id);
}

void
tenken_document_emit_evidence_changed (TenkenDocument *self)
{
  schedule_checkpoint (self);
  g_signal_emit (self, signals[EVIDENCE_CHANGED], 0);
}

/* --- opening --- */

static char *
display_name_for_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename ? basename : "?");
}

static gboolean
read_meta (TenkenDocument  *self,
           GError         **error)
{
  sqlite3_stmt *stmt = tenken_document_prepare (self, "SELECT created_at FROM meta WHERE id = 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged: its description is missing. Restore a backup."),
                   self->display_name);
      return FALSE;
    }

  self->created_at = tenken_document_parse_timestamp (tenken_document_column_text (stmt, 0));
  /* A statement left on a row keeps a read transaction (an old snapshot) */
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
read_catalog (TenkenDocument  *self,
              GError         **error)
{
  sqlite3_stmt *stmt = tenken_document_prepare (self, "SELECT sha256, xml, catalog_id FROM catalog WHERE id = 1", error);
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *catalog_id = NULL;
  g_autoptr(GError) local_error = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged: its catalog is missing. Restore a backup."),
                   self->display_name);
      return FALSE;
    }

  xml = g_bytes_new (sqlite3_column_blob (stmt, 1), (gsize) sqlite3_column_bytes (stmt, 1));
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, xml);
  if (g_strcmp0 (actual, tenken_document_column_text (stmt, 0)) != 0)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged: its catalog does not match its checksum. Restore a backup."),
                   self->display_name);
      return FALSE;
    }
  /* The id it was installed under (for catalogs named by their file name,
   * not by a catalog-id prop), not the uuid that new_from_bytes() gives */
  catalog_id = g_strdup (tenken_document_column_text (stmt, 2));
  sqlite3_reset (stmt);

  self->catalog = tenken_catalog_new_full (xml, self->display_name, NULL, catalog_id, &local_error);
  if (self->catalog == NULL)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged: its catalog cannot be read (%s). Restore a backup."),
                   self->display_name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static TenkenScope *
read_scope (TenkenDocument  *self,
            GError         **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(TenkenScope) scope = tenken_scope_new ();
  TenkenRoles roles = TENKEN_ROLE_NONE;
  TenkenTier tier = TENKEN_TIER_PRIME;
  TenkenAssessmentType type = TENKEN_ASSESSMENT_SELF;
  int rc;

  stmt = tenken_document_prepare (self,
                                  "SELECT organisation, service, roles, tier, assessment_type,"
                                  " period_start, period_end, assessor, notes FROM scope WHERE id = 1",
                                  error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged: its scope is missing. Restore a backup."),
                   self->display_name);
      return NULL;
    }

  /* Values the CHECK constraints let through but we do not know (a newer
   * role name) fall back to the defaults rather than refusing the file */
  tenken_roles_from_string (tenken_document_column_text (stmt, 2), &roles);
  tenken_tier_from_string (tenken_document_column_text (stmt, 3), &tier);
  tenken_assessment_type_from_string (tenken_document_column_text (stmt, 4), &type);

  g_object_set (scope,
                "organisation", tenken_document_column_text (stmt, 0),
                "service", tenken_document_column_text (stmt, 1),
                "roles", roles,
                "tier", tier,
                "assessment-type", type,
                "period-start", tenken_document_column_text (stmt, 5),
                "period-end", tenken_document_column_text (stmt, 6),
                "assessor", tenken_document_column_text (stmt, 7),
                "notes", tenken_document_column_text (stmt, 8),
                NULL);
  sqlite3_reset (stmt);

  return g_steal_pointer (&scope);
}

/* Fills @response from a row of RESPONSE_COLUMNS */
static void
read_response_row (sqlite3_stmt   *stmt,
                   TenkenResponse *response)
{
  TenkenStatus status = TENKEN_STATUS_NOT_STARTED;
  g_autoptr(GDateTime) updated_at = NULL;

  tenken_status_from_string (tenken_document_column_text (stmt, 1), &status);
  tenken_response_set_status (response, status);
  tenken_response_set_justification (response, tenken_document_column_text (stmt, 2));
  tenken_response_set_target_date (response, tenken_document_column_text (stmt, 3));
  tenken_response_set_statement (response, tenken_document_column_text (stmt, 4));
  tenken_response_set_owner (response, tenken_document_column_text (stmt, 5));
  tenken_response_set_due_date (response, tenken_document_column_text (stmt, 6));
  tenken_response_set_flagged (response, sqlite3_column_int (stmt, 7) != 0);
  updated_at = tenken_document_parse_timestamp (tenken_document_column_text (stmt, 8));
  tenken_response_set_updated (response, updated_at, tenken_document_column_text (stmt, 9));
}

static gboolean
read_responses (TenkenDocument  *self,
                GError         **error)
{
  GListModel *items = tenken_catalog_get_items (self->catalog);
  guint n_items = g_list_model_get_n_items (items);
  g_autoptr(GPtrArray) responses = g_ptr_array_new_full (n_items, g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TenkenCatalogItem) item = g_list_model_get_item (items, i);
      TenkenResponse *response = tenken_response_new (item);

      g_ptr_array_add (responses, response);
      g_hash_table_insert (self->responses_by_id,
                           (gpointer) tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (item)),
                           response);
    }

  /* One query for all answered items, whatever the catalog's size */
  stmt = tenken_document_prepare (self, "SELECT " RESPONSE_COLUMNS " FROM responses", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *item_id = tenken_document_column_text (stmt, 0);
      /* A damaged file can hold a NULL despite the schema (found by fuzzing) */
      TenkenResponse *response = item_id != NULL ? g_hash_table_lookup (self->responses_by_id, item_id) : NULL;

      /* An answer for an item the catalog lacks is reported by check() */
      if (response != NULL)
        read_response_row (stmt, response);
    }

  if (rc != SQLITE_DONE)
    {
      tenken_document_set_sqlite_error (error, self->db, rc, _("Could not read the answers"));
      return FALSE;
    }

  stmt = tenken_document_prepare (self,
                                  "SELECT item_id, count (*) FROM evidence_links GROUP BY item_id",
                                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *item_id = tenken_document_column_text (stmt, 0);
      TenkenResponse *response = item_id != NULL ? g_hash_table_lookup (self->responses_by_id, item_id) : NULL;

      if (response != NULL)
        tenken_response_set_evidence_count (response, (guint) sqlite3_column_int (stmt, 1));
    }

  if (rc != SQLITE_DONE)
    {
      tenken_document_set_sqlite_error (error, self->db, rc, _("Could not read the evidence"));
      return FALSE;
    }

  g_list_store_splice (self->responses, 0, 0, responses->pdata, responses->len);
  return TRUE;
}

static gboolean
read_pragma_int (sqlite3     *db,
                 const char  *sql,
                 int         *value,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      tenken_document_set_sqlite_error (error, db, rc, _("Could not read the document"));
      return FALSE;
    }

  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Why a file that was asked to be opened for editing can only be read */
static char *
check_file_writable (const char *path,
                     const char *display_name)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_access (path, W_OK) != 0)
    return g_strdup_printf (_("“%s” is read-only: you do not have permission to change it. "
                              "To edit it, save a copy somewhere you can write to."),
                            display_name);

  /* SQLite needs to create the write-ahead log beside the file */
  if (g_access (dir, W_OK) != 0)
    return g_strdup_printf (_("“%s” is read-only: its folder cannot be written to. "
                              "To edit it, move it or save a copy somewhere you can write to."),
                            display_name);

  return NULL;
}

static gboolean
can_write_beside (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

static sqlite3 *
open_connection (const char  *path,
                 gboolean     read_only,
                 gboolean     immutable,
                 GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  int flags = SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI;
  gboolean query_only = FALSE;
  int rc;

  /* SQLite removes the -wal and -shm files only when the last connection
   * to close could write. A reader of a file it may write (an export, a
   * read-only window) therefore opens read-write with query_only, so as
   * not to leave them beside a file that people then mail around. */
  if (read_only && !immutable && can_write_beside (path))
    {
      read_only = FALSE;
      query_only = TRUE;
    }

  flags |= read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  /* A URI so that file names with ? or # are taken literally */
  uri = g_strdup_printf ("file:%s%s", escaped, immutable ? "?immutable=1" : "");

  rc = sqlite3_open_v2 (uri, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      tenken_document_set_sqlite_error (error, db, rc, _("Could not open the document"));
      return NULL;
    }

  sqlite3_extended_result_codes (db, TRUE);
  if (query_only && !tenken_document_exec (db, "PRAGMA query_only = ON;", error))
    return NULL;
  return g_steal_pointer (&db);
}

/* Exported for the evidence worker, which needs its own connection */
sqlite3 *
tenken_document_open_worker_connection (TenkenDocument  *self,
                                        GError         **error)
{
  g_autoptr(sqlite3) db = open_connection (self->path, FALSE, FALSE, error);

  if (db == NULL || !tenken_document_configure (db, FALSE, error))
    return NULL;

  return g_steal_pointer (&db);
}

sqlite3 *
tenken_document_open_reader_connection (TenkenDocument  *self,
                                        GError         **error)
{
  g_autoptr(sqlite3) db = open_connection (self->path, TRUE, self->immutable, error);

  if (db == NULL || !tenken_document_configure (db, TRUE, error))
    return NULL;

  return g_steal_pointer (&db);
}

static gboolean
open_database (TenkenDocument           *self,
               TenkenDocumentOpenFlags   flags,
               GError                  **error)
{
  g_autoptr(sqlite3) db = NULL;
  gboolean read_only = self->read_only_reason != NULL;
  int application_id = 0;
  int user_version = 0;

  db = open_connection (self->path, read_only, FALSE, error);
  if (db == NULL || !tenken_document_configure (db, read_only, error))
    return FALSE;

  if (!read_pragma_int (db, "PRAGMA application_id", &application_id, NULL) && read_only)
    {
      g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);

      /* A WAL file in a folder we cannot write to: SQLite cannot create the
       * shared-memory file. Without a log to read, the main file is the
       * whole document, and immutable mode reads it without one. */
      if (g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                       _("Could not read “%s”: it was not closed properly and its folder cannot be "
                         "written to. Copy it together with “%s-wal” to a folder you can write to."),
                       self->display_name, self->display_name);
          return FALSE;
        }

      g_clear_pointer (&db, sqlite3_close);
      db = open_connection (self->path, TRUE, TRUE, error);
      if (db == NULL || !tenken_document_configure (db, TRUE, error))
        return FALSE;
      self->immutable = TRUE;
    }

  if (!read_pragma_int (db, "PRAGMA application_id", &application_id, error) ||
      !read_pragma_int (db, "PRAGMA user_version", &user_version, error))
    return FALSE;

  if (application_id != (int) TENKEN_DOCUMENT_APPLICATION_ID)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_TENKEN,
                   _("“%s” is a database, but not a Tenken assessment. Choose a .tenken file made by Tenken."),
                   self->display_name);
      return FALSE;
    }

  if (user_version > TENKEN_DOCUMENT_SCHEMA_VERSION)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Tenken (file format %d; this "
                     "Tenken %s reads up to format %d). Update Tenken to open it."),
                   self->display_name, user_version, PACKAGE_VERSION, TENKEN_DOCUMENT_SCHEMA_VERSION);
      return FALSE;
    }

  if (user_version < 1)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged: it has no format version. Restore a backup."),
                   self->display_name);
      return FALSE;
    }

  if (read_only && user_version < TENKEN_DOCUMENT_SCHEMA_VERSION)
    {
      /* Reading needs the current schema, and read-only means no upgrade */
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_READ_ONLY,
                   _("“%s” was made by an older version of Tenken and must be upgraded before it "
                     "can be read. Open it for editing once, or open a copy."),
                   self->display_name);
      return FALSE;
    }

  if (!read_only)
    {
      g_autofree char *token = NULL;

      /* Lock and upgrade in one transaction: an upgrade that fails leaves
       * the file exactly as it was */
      if (!tenken_document_begin_edit (db, NULL, self->display_name, error))
        return FALSE;

      token = tenken_document_lock_acquire (db, self->path, self->display_name,
                                            (flags & TENKEN_DOCUMENT_OPEN_TAKE_OVER) != 0, error);
      if (token == NULL ||
          (user_version < TENKEN_DOCUMENT_SCHEMA_VERSION &&
           !tenken_document_schema_migrate (db, user_version, error)) ||
          !tenken_document_commit (db, error))
        {
          tenken_document_rollback (db);
          return FALSE;
        }

      self->lock_token = g_steal_pointer (&token);
    }

  self->db = g_steal_pointer (&db);
  return TRUE;
}

TenkenDocument *
tenken_document_open (GFile                    *file,
                      TenkenDocumentOpenFlags   flags,
                      GError                  **error)
{
  g_autoptr(TenkenDocument) self = NULL;
  int user_version = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TENKEN_TYPE_DOCUMENT, NULL);
  self->file = g_object_ref (file);
  self->display_name = display_name_for_file (file);
  self->path = g_file_get_path (file);

  if (self->path == NULL)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                   _("“%s” is not a local file. Copy it to this computer first."),
                   self->display_name);
      return NULL;
    }

  /* Refuse what is not ours without letting SQLite touch it */
  if (!tenken_document_sniff (self->path, self->display_name, &user_version, error))
    return NULL;

  if (flags & TENKEN_DOCUMENT_OPEN_READ_ONLY)
    self->read_only_reason = g_strdup_printf (_("“%s” was opened read-only. Open it again for editing to change it."),
                                              self->display_name);
  else
    self->read_only_reason = check_file_writable (self->path, self->display_name);

  if (!open_database (self, flags, error) ||
      !read_meta (self, error) ||
      !read_catalog (self, error) ||
      (self->scope = read_scope (self, error)) == NULL ||
      !read_responses (self, error) ||
      !tenken_document_load_evidence (self, error))
    {
      tenken_document_close (self);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* --- creating --- */

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

static gboolean
replace_statement (sqlite3       *db,
                   const char    *sql,
                   sqlite3_stmt **stmt)
{
  g_clear_pointer (stmt, sqlite3_finalize);
  return sqlite3_prepare_v2 (db, sql, -1, stmt, NULL) == SQLITE_OK;
}

static gboolean
write_new_document (sqlite3        *db,
                    TenkenCatalog  *catalog,
                    TenkenScope    *scope,
                    const char     *author,
                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  g_autofree char *now = tenken_document_timestamp_now ();
  g_autofree char *roles = tenken_roles_to_string (tenken_scope_get_roles (scope));
  GBytes *xml = tenken_catalog_get_bytes (catalog);
  gsize xml_size = 0;
  gconstpointer xml_data = g_bytes_get_data (xml, &xml_size);
  g_autofree char *xml_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, xml);

#define PREPARE(sql) replace_statement (db, sql, &stmt)

  if (!PREPARE ("INSERT INTO meta (id, created_at, creator, created_with, requires)"
                " VALUES (1, ?1, ?2, ?3, ?4)"))
    goto sql_error;
  tenken_document_bind_text (stmt, 1, now);
  tenken_document_bind_text (stmt, 2, author);
  tenken_document_bind_text (stmt, 3, PACKAGE_VERSION);
  /* The first release that reads schema version 1 */
  tenken_document_bind_text (stmt, 4, "0.1.0");
  if (!tenken_document_step_done (stmt, error))
    return FALSE;

  if (!PREPARE ("INSERT INTO catalog (id, catalog_id, uuid, title, version, sha256, xml)"
                " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)"))
    goto sql_error;
  tenken_document_bind_text (stmt, 1, tenken_catalog_get_id (catalog));
  tenken_document_bind_text (stmt, 2, tenken_catalog_get_uuid (catalog));
  tenken_document_bind_text (stmt, 3, tenken_catalog_get_title (catalog));
  tenken_document_bind_text (stmt, 4, tenken_catalog_get_version (catalog));
  tenken_document_bind_text (stmt, 5, xml_sha256);
  sqlite3_bind_blob64 (stmt, 6, xml_data, xml_size, SQLITE_STATIC);
  if (!tenken_document_step_done (stmt, error))
    return FALSE;

  if (!PREPARE ("INSERT INTO scope (id, organisation, service, roles, tier, assessment_type,"
                " period_start, period_end, assessor, notes)"
                " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"))
    goto sql_error;
  tenken_document_bind_text (stmt, 1, tenken_scope_get_organisation (scope));
  tenken_document_bind_text (stmt, 2, tenken_scope_get_service (scope));
  tenken_document_bind_text (stmt, 3, roles);
  tenken_document_bind_text (stmt, 4, tenken_tier_to_string (tenken_scope_get_tier (scope)));
  tenken_document_bind_text (stmt, 5, tenken_assessment_type_to_string (tenken_scope_get_assessment_type (scope)));
  tenken_document_bind_text (stmt, 6, tenken_scope_get_period_start (scope));
  tenken_document_bind_text (stmt, 7, tenken_scope_get_period_end (scope));
  tenken_document_bind_text (stmt, 8, tenken_scope_get_assessor (scope));
  tenken_document_bind_text (stmt, 9, tenken_scope_get_notes (scope));
  if (!tenken_document_step_done (stmt, error))
    return FALSE;

#undef PREPARE

  if (sqlite3_prepare_v2 (db, TENKEN_DOCUMENT_HISTORY_INSERT_SQL, -1, &history, NULL) != SQLITE_OK)
    goto sql_error;

  return tenken_document_add_history (history, now, author, NULL, "document.create", NULL,
                                      tenken_catalog_get_id (catalog), error);

sql_error:
  tenken_document_set_sqlite_error (error, db, sqlite3_errcode (db), _("Could not create the document"));
  return FALSE;
}

/* Moves @tmp_path to @path unless something is there by now */
static gboolean
rename_no_replace (const char  *tmp_path,
                   const char  *path,
                   const char  *display_name,
                   GError     **error)
{
  int saved_errno;

#ifdef RENAME_NOREPLACE
  if (renameat2 (AT_FDCWD, tmp_path, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
    return TRUE;
  saved_errno = errno;
  if (saved_errno != EINVAL && saved_errno != ENOSYS && saved_errno != ENOTSUP)
    goto failed;
#endif

  /* A hard link fails if @path exists, atomically; not every file system has them */
  if (link (tmp_path, path) == 0)
    {
      g_unlink (tmp_path);
      return TRUE;
    }
  saved_errno = errno;
  if (saved_errno == EEXIST)
    goto failed;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && g_rename (tmp_path, path) == 0)
    return TRUE;
  saved_errno = g_file_test (path, G_FILE_TEST_EXISTS) ? EEXIST : errno;

failed:
  g_set_error (error, TENKEN_DOCUMENT_ERROR,
               saved_errno == EEXIST ? TENKEN_DOCUMENT_ERROR_EXISTS : TENKEN_DOCUMENT_ERROR_IO,
               saved_errno == EEXIST ? _("“%s” already exists. Choose another name.")
                                     : _("Could not create “%s”: %s"),
               display_name, g_strerror (saved_errno));
  return FALSE;
}

static void
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* Makes the rename itself durable */
  if (fd >= 0)
    {
      fsync (fd);
      g_close (fd, NULL);
    }
}

TenkenDocument *
tenken_document_create (GFile          *file,
                        TenkenCatalog  *catalog,
                        TenkenScope    *scope,
                        GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *author = NULL;
  g_autoptr(sqlite3) db = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (TENKEN_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (TENKEN_IS_SCOPE (scope), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = display_name_for_file (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                   _("Could not create “%s”: it is not a local file."), display_name);
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name."), display_name);
      return NULL;
    }

  if (!tenken_scope_validate (scope, error))
    return NULL;

  /* Built beside the target (same file system, so the rename is atomic) */
  dir = g_path_get_dirname (path);
  basename = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, basename);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                   _("Could not create “%s”: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }
  g_close (fd, NULL);

  author = tenken_document_default_author ();
  db = open_connection (tmp_path, FALSE, FALSE, error);
  /* auto_vacuum must be chosen before the first table exists; incremental,
   * so that removing evidence can give the space back */
  ok = db != NULL &&
       tenken_document_exec (db, "PRAGMA auto_vacuum = INCREMENTAL;", error) &&
       tenken_document_configure (db, FALSE, error) &&
       tenken_document_begin_edit (db, NULL, display_name, error) &&
       tenken_document_schema_create (db, error) &&
       write_new_document (db, catalog, scope, author, error) &&
       tenken_document_commit (db, error);

  if (db != NULL)
    {
      tenken_document_rollback (db);
      /* Checkpoints and removes the -wal: the file is complete on its own */
      if (sqlite3_close (db) != SQLITE_OK && ok)
        {
          g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                       _("Could not create “%s”: %s"), display_name, sqlite3_errmsg (db));
          ok = FALSE;
        }
      db = NULL;
    }

  if (ok)
    {
      fd = g_open (tmp_path, O_RDWR | O_CLOEXEC, 0);
      ok = fd >= 0 && fsync (fd) == 0;
      if (fd >= 0)
        g_close (fd, NULL);
      if (!ok)
        {
          int saved_errno = errno;

          g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                       _("Could not create “%s”: %s"), display_name, g_strerror (saved_errno));
        }
    }

  if (ok)
    ok = rename_no_replace (tmp_path, path, display_name, error);

  if (!ok)
    {
      remove_database_files (tmp_path);
      return NULL;
    }

  sync_directory (path);

  return tenken_document_open (file, TENKEN_DOCUMENT_OPEN_NONE, error);
}

/* --- scope --- */

TenkenScope *
tenken_document_dup_scope (TenkenDocument *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);
  return tenken_scope_copy (self->scope);
}

typedef struct
{
  const char *field;
  char       *old_value;
  char       *new_value;
} FieldChange;

static void
field_change_clear (gpointer data)
{
  FieldChange *change = data;

  g_free (change->old_value);
  g_free (change->new_value);
}

static void
add_change (GArray     *changes,
            const char *field,
            const char *old_value,
            const char *new_value)
{
  FieldChange change;

  if (old_value != NULL && *old_value == '\0')
    old_value = NULL;
  if (new_value != NULL && *new_value == '\0')
    new_value = NULL;
  if (g_strcmp0 (old_value, new_value) == 0)
    return;

  change.field = field;
  change.old_value = g_strdup (old_value);
  change.new_value = g_strdup (new_value);
  g_array_append_val (changes, change);
}

static GArray *
field_changes_new (void)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (FieldChange));

  g_array_set_clear_func (changes, field_change_clear);
  return changes;
}

static gboolean
write_history (TenkenDocument  *self,
               const char      *timestamp,
               const char      *item_id,
               GArray          *changes,
               GError         **error)
{
  sqlite3_stmt *insert = tenken_document_prepare (self, TENKEN_DOCUMENT_HISTORY_INSERT_SQL, error);

  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      FieldChange *change = &g_array_index (changes, FieldChange, i);

      if (!tenken_document_add_history (insert, timestamp, self->author, item_id, change->field,
                                        change->old_value, change->new_value, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
tenken_document_set_scope (TenkenDocument  *self,
                           TenkenScope     *scope,
                           GError         **error)
{
  g_autoptr(TenkenScope) stored = NULL;
  g_autoptr(GArray) changes = field_changes_new ();
  g_autofree char *now = NULL;
  g_autofree char *old_roles = NULL;
  g_autofree char *new_roles = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (TENKEN_IS_SCOPE (scope), FALSE);

  if (!tenken_document_check_writable (self, error) ||
      !tenken_scope_validate (scope, error) ||
      !tenken_document_begin_edit (self->db, self->lock_token, self->display_name, error))
    return FALSE;

  /* Compare with what the file holds, so history records real old values */
  stored = read_scope (self, error);
  if (stored == NULL)
    goto failed;

  old_roles = tenken_roles_to_string (tenken_scope_get_roles (stored));
  new_roles = tenken_roles_to_string (tenken_scope_get_roles (scope));
  add_change (changes, "scope.organisation",
              tenken_scope_get_organisation (stored), tenken_scope_get_organisation (scope));
  add_change (changes, "scope.service",
              tenken_scope_get_service (stored), tenken_scope_get_service (scope));
  add_change (changes, "scope.roles", old_roles, new_roles);
  add_change (changes, "scope.tier",
              tenken_tier_to_string (tenken_scope_get_tier (stored)),
              tenken_tier_to_string (tenken_scope_get_tier (scope)));
  add_change (changes, "scope.assessment-type",
              tenken_assessment_type_to_string (tenken_scope_get_assessment_type (stored)),
              tenken_assessment_type_to_string (tenken_scope_get_assessment_type (scope)));
  add_change (changes, "scope.period-start",
              tenken_scope_get_period_start (stored), tenken_scope_get_period_start (scope));
  add_change (changes, "scope.period-end",
              tenken_scope_get_period_end (stored), tenken_scope_get_period_end (scope));
  add_change (changes, "scope.assessor",
              tenken_scope_get_assessor (stored), tenken_scope_get_assessor (scope));
  add_change (changes, "scope.notes",
              tenken_scope_get_notes (stored), tenken_scope_get_notes (scope));

  if (changes->len == 0)
    {
      tenken_document_rollback (self->db);
      return TRUE;
    }

  stmt = tenken_document_prepare (self,
                                  "UPDATE scope SET organisation = ?1, service = ?2, roles = ?3, tier = ?4,"
                                  " assessment_type = ?5, period_start = ?6, period_end = ?7,"
                                  " assessor = ?8, notes = ?9 WHERE id = 1",
                                  error);
  if (stmt == NULL)
    goto failed;

  tenken_document_bind_text (stmt, 1, tenken_scope_get_organisation (scope));
  tenken_document_bind_text (stmt, 2, tenken_scope_get_service (scope));
  tenken_document_bind_text (stmt, 3, new_roles);
  tenken_document_bind_text (stmt, 4, tenken_tier_to_string (tenken_scope_get_tier (scope)));
  tenken_document_bind_text (stmt, 5, tenken_assessment_type_to_string (tenken_scope_get_assessment_type (scope)));
  tenken_document_bind_text (stmt, 6, tenken_scope_get_period_start (scope));
  tenken_document_bind_text (stmt, 7, tenken_scope_get_period_end (scope));
  tenken_document_bind_text (stmt, 8, tenken_scope_get_assessor (scope));
  tenken_document_bind_text (stmt, 9, tenken_scope_get_notes (scope));

  now = tenken_document_timestamp_now ();
  if (!tenken_document_step_done (stmt, error) ||
      !write_history (self, now, NULL, changes, error) ||
      !tenken_document_commit (self->db, error))
    goto failed;

  g_clear_object (&self->scope);
  self->scope = tenken_scope_copy (scope);
  tenken_document_emit_changed (self, NULL);
  return TRUE;

failed:
  tenken_document_rollback (self->db);
  return FALSE;
}

/* --- responses --- */

GListModel *
tenken_document_get_responses (TenkenDocument *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->responses);
}

TenkenResponse *
tenken_document_get_response (TenkenDocument *self,
                              const char     *item_id)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  return g_hash_table_lookup (self->responses_by_id, item_id);
}

TenkenResponse *
tenken_document_get_response_by_label (TenkenDocument *self,
                                       const char     *label)
{
  TenkenCatalogItem *item;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if (self->catalog == NULL)
    return NULL;

  item = tenken_catalog_lookup_item_by_label (self->catalog, label);
  if (item == NULL)
    return NULL;

  return tenken_document_get_response (self, tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (item)));
}

static const char *
flag_to_string (gboolean flagged)
{
  return flagged ? "true" : "false";
}

gboolean
tenken_document_set_response (TenkenDocument  *self,
                              TenkenResponse  *response,
                              GError         **error)
{
  g_autoptr(TenkenResponse) stored = NULL;
  g_autoptr(GArray) changes = field_changes_new ();
  g_autoptr(GDateTime) updated_at = NULL;
  g_autofree char *now = NULL;
  TenkenResponse *live;
  const char *item_id;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (TENKEN_IS_RESPONSE (response), FALSE);

  item_id = tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (response)));
  live = g_hash_table_lookup (self->responses_by_id, item_id);
  if (live == NULL)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_FOUND,
                   _("“%s” is not an item of this document’s catalog."), item_id);
      return FALSE;
    }
  g_return_val_if_fail (live != response, FALSE);

  if (!tenken_document_check_writable (self, error) ||
      !tenken_response_validate (response, error) ||
      !tenken_document_begin_edit (self->db, self->lock_token, self->display_name, error))
    return FALSE;

  /* The stored row, not the live object, is what history compares with */
  stored = tenken_response_new (tenken_response_get_item (response));
  stmt = tenken_document_prepare (self, "SELECT " RESPONSE_COLUMNS " FROM responses WHERE item_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  tenken_document_bind_text (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    read_response_row (stmt, stored);
  else if (rc != SQLITE_DONE)
    {
      tenken_document_set_sqlite_error (error, self->db, rc, _("Could not save the change"));
      goto failed;
    }
  sqlite3_reset (stmt);

  add_change (changes, "status",
              tenken_status_to_string (tenken_response_get_status (stored)),
              tenken_status_to_string (tenken_response_get_status (response)));
  add_change (changes, "justification",
              tenken_response_get_justification (stored), tenken_response_get_justification (response));
  add_change (changes, "target-date",
              tenken_response_get_target_date (stored), tenken_response_get_target_date (response));
  add_change (changes, "statement",
              tenken_response_get_statement (stored), tenken_response_get_statement (response));
  add_change (changes, "owner",
              tenken_response_get_owner (stored), tenken_response_get_owner (response));
  add_change (changes, "due-date",
              tenken_response_get_due_date (stored), tenken_response_get_due_date (response));
  add_change (changes, "flagged",
              flag_to_string (tenken_response_get_flagged (stored)),
              flag_to_string (tenken_response_get_flagged (response)));

  if (changes->len == 0)
    {
      tenken_document_rollback (self->db);
      return TRUE;
    }

  /* The whole row is written, but only the changed fields differ from
   * what is stored, and only they get history rows */
  stmt = tenken_document_prepare (self,
                                  "INSERT INTO responses (" RESPONSE_COLUMNS ")"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                                  " ON CONFLICT (item_id) DO UPDATE SET"
                                  " status = excluded.status, justification = excluded.justification,"
                                  " target_date = excluded.target_date, statement = excluded.statement,"
                                  " owner = excluded.owner, due_date = excluded.due_date,"
                                  " flagged = excluded.flagged, updated_at = excluded.updated_at,"
                                  " updated_by = excluded.updated_by",
                                  error);
  if (stmt == NULL)
    goto failed;

  now = tenken_document_timestamp_now ();
  tenken_document_bind_text (stmt, 1, item_id);
  tenken_document_bind_text (stmt, 2, tenken_status_to_string (tenken_response_get_status (response)));
  tenken_document_bind_text (stmt, 3, tenken_response_get_justification (response));
  tenken_document_bind_text (stmt, 4, tenken_response_get_target_date (response));
  tenken_document_bind_text (stmt, 5, tenken_response_get_statement (response));
  tenken_document_bind_text (stmt, 6, tenken_response_get_owner (response));
  tenken_document_bind_text (stmt, 7, tenken_response_get_due_date (response));
  sqlite3_bind_int (stmt, 8, tenken_response_get_flagged (response) ? 1 : 0);
  tenken_document_bind_text (stmt, 9, now);
  tenken_document_bind_text (stmt, 10, self->author);

  if (!tenken_document_step_done (stmt, error) ||
      !write_history (self, now, item_id, changes, error) ||
      !tenken_document_commit (self->db, error))
    goto failed;

  /* Only now, with the change on disk, do the live objects follow */
  updated_at = tenken_document_parse_timestamp (now);
  g_object_freeze_notify (G_OBJECT (live));
  tenken_response_update_from (live, response);
  tenken_response_set_updated (live, updated_at, self->author);
  g_object_thaw_notify (G_OBJECT (live));
  tenken_document_emit_changed (self, item_id);
  return TRUE;

failed:
  tenken_document_rollback (self->db);
  return FALSE;
}

/* --- history --- */

GListModel *
tenken_document_list_history (TenkenDocument *self,
                              const char     *item_id)
{
  GListStore *store;
  sqlite3_stmt *stmt;
  g_autoptr(GError) error = NULL;
  int rc;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);

  store = g_list_store_new (TENKEN_TYPE_HISTORY_ENTRY);
  if (self->db == NULL)
    return G_LIST_MODEL (store);

  if (item_id == NULL)
    stmt = tenken_document_prepare (self,
                                    "SELECT id, timestamp, author, item_id, field, old_value, new_value"
                                    " FROM history ORDER BY id DESC",
                                    &error);
  else
    stmt = tenken_document_prepare (self,
                                    "SELECT id, timestamp, author, item_id, field, old_value, new_value"
                                    " FROM history WHERE item_id = ?1 ORDER BY id DESC",
                                    &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return G_LIST_MODEL (store);
    }

  if (item_id != NULL)
    tenken_document_bind_text (stmt, 1, item_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) timestamp = tenken_document_parse_timestamp (tenken_document_column_text (stmt, 1));
      g_autoptr(TenkenHistoryEntry) entry = NULL;

      entry = tenken_history_entry_new (sqlite3_column_int64 (stmt, 0), timestamp,
                                        tenken_document_column_text (stmt, 2),
                                        tenken_document_column_text (stmt, 3),
                                        tenken_document_column_text (stmt, 4),
                                        tenken_document_column_text (stmt, 5),
                                        tenken_document_column_text (stmt, 6));
      g_list_store_append (store, entry);
    }

  if (rc != SQLITE_DONE)
    g_warning ("Could not read the history of %s: %s", self->display_name, sqlite3_errmsg (self->db));
  sqlite3_reset (stmt);

  return G_LIST_MODEL (store);
}

/* --- statistics --- */

static gboolean
node_is_below (TenkenCatalogNode *node,
               TenkenCatalogNode *ancestor)
{
  for (; node != NULL; node = tenken_catalog_node_get_parent (node))
    if (node == ancestor)
      return TRUE;

  return FALSE;
}

guint
tenken_document_count_statuses (TenkenDocument    *self,
                                TenkenCatalogNode *group,
                                TenkenRoles        roles,
                                guint              counts[TENKEN_N_STATUSES])
{
  guint n_items;
  guint total = 0;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (group == NULL || TENKEN_IS_CATALOG_NODE (group), 0);
  g_return_val_if_fail (counts != NULL, 0);

  memset (counts, 0, sizeof (guint) * TENKEN_N_STATUSES);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->responses));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (G_LIST_MODEL (self->responses), i);
      TenkenCatalogItem *item = tenken_response_get_item (response);

      if (!tenken_catalog_item_applies_to (item, roles))
        continue;
      if (group != NULL && !node_is_below (TENKEN_CATALOG_NODE (item), group))
        continue;

      counts[tenken_response_get_status (response)]++;
      total++;
    }

  return total;
}
