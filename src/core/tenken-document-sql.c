/* tenken-document-sql.c: the thin layer between the document and SQLite
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tenken-document-private.h"

void
tenken_document_set_sqlite_error (GError     **error,
                                  sqlite3     *db,
                                  int          rc,
                                  const char  *what)
{
  TenkenDocumentError code;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = TENKEN_DOCUMENT_ERROR_CORRUPT;
      detail = _("the file is damaged; restore a backup");
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = TENKEN_DOCUMENT_ERROR_IO;
      detail = _("the document is busy in another window or program; try again");
      break;

    case SQLITE_FULL:
      code = TENKEN_DOCUMENT_ERROR_IO;
      detail = _("the disk is full; free some space and try again");
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      code = TENKEN_DOCUMENT_ERROR_READ_ONLY;
      detail = _("the file cannot be written");
      break;

    case SQLITE_CONSTRAINT:
      code = TENKEN_DOCUMENT_ERROR_INVALID;
      break;

    default:
      code = TENKEN_DOCUMENT_ERROR_IO;
      break;
    }

  g_set_error (error, TENKEN_DOCUMENT_ERROR, code, "%s: %s", what, detail);
}

gboolean
tenken_document_exec (sqlite3     *db,
                      const char  *sql,
                      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      tenken_document_set_sqlite_error (error, db, rc, _("Could not update the document"));
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
tenken_document_prepare (TenkenDocument  *self,
                         const char      *sql,
                         GError         **error)
{
  sqlite3_stmt *stmt;

  if (self->db == NULL)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                   _("“%s” is closed."), self->display_name);
      return NULL;
    }

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      tenken_document_set_sqlite_error (error, self->db, sqlite3_errcode (self->db),
                                        _("Could not read the document"));
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
tenken_document_step_done (sqlite3_stmt  *stmt,
                           GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;

  if (rc != SQLITE_DONE)
    {
      tenken_document_set_sqlite_error (error, sqlite3_db_handle (stmt), rc,
                                        _("Could not save the change"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

void
tenken_document_bind_text (sqlite3_stmt *stmt,
                           int           index,
                           const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

const char *
tenken_document_column_text (sqlite3_stmt *stmt,
                             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

char *
tenken_document_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

GDateTime *
tenken_document_parse_timestamp (const char *text)
{
  if (text == NULL)
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

gboolean
tenken_document_begin_edit (sqlite3     *db,
                            const char  *token,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* IMMEDIATE: take the write lock now, so that the edit cannot fail
   * half-way because another connection started writing */
  if (!tenken_document_exec (db, "BEGIN IMMEDIATE;", error))
    return FALSE;

  if (token == NULL)
    return TRUE;

  if (sqlite3_prepare_v2 (db, "SELECT token FROM edit_lock WHERE id = 1", -1, &stmt, NULL) != SQLITE_OK)
    {
      tenken_document_set_sqlite_error (error, db, sqlite3_errcode (db), _("Could not save the change"));
      tenken_document_rollback (db);
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), token) != 0)
    {
      /* Someone opened the file with “take over” while we had it open */
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IN_USE,
                   _("“%s” is now being edited elsewhere, so this change was not saved. "
                     "Close it here and open it again."),
                   display_name);
      tenken_document_rollback (db);
      return FALSE;
    }

  return TRUE;
}

gboolean
tenken_document_commit (sqlite3  *db,
                        GError  **error)
{
  int rc = sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      tenken_document_set_sqlite_error (error, db, rc, _("Could not save the change"));
      tenken_document_rollback (db);
      return FALSE;
    }

  return TRUE;
}

void
tenken_document_rollback (sqlite3 *db)
{
  /* A failed COMMIT or statement may already have ended the transaction */
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
}

gboolean
tenken_document_add_history (sqlite3_stmt  *insert,
                             const char    *timestamp,
                             const char    *author,
                             const char    *item_id,
                             const char    *field,
                             const char    *old_value,
                             const char    *new_value,
                             GError       **error)
{
  sqlite3_reset (insert);
  tenken_document_bind_text (insert, 1, timestamp);
  tenken_document_bind_text (insert, 2, author);
  tenken_document_bind_text (insert, 3, item_id);
  tenken_document_bind_text (insert, 4, field);
  tenken_document_bind_text (insert, 5, old_value);
  tenken_document_bind_text (insert, 6, new_value);

  return tenken_document_step_done (insert, error);
}
