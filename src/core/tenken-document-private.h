/* tenken-document-private.h: shared between the tenken-document*.c files
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "tenken-autocleanups.h"
#include "tenken-document.h"

G_BEGIN_DECLS

struct _TenkenDocument
{
  GObject         parent_instance;

  GFile          *file;
  char           *path;
  char           *display_name;   /* “basename” for messages */

  /* Main-thread connection (SQLITE_OPEN_FULLMUTEX); NULL once closed */
  sqlite3        *db;
  /* const char *sql (static strings) → sqlite3_stmt *, prepared once */
  GHashTable     *statements;

  TenkenCatalog  *catalog;
  GListStore     *responses;        /* TenkenResponse, catalog order */
  GHashTable     *responses_by_id;  /* item id → TenkenResponse (borrowed) */
  GListStore     *evidence;         /* TenkenEvidence, by id */
  TenkenScope    *scope;

  char           *author;
  GDateTime      *created_at;
  char           *lock_token;       /* our edit_lock row, NULL when not held */
  char           *read_only_reason; /* why edits are refused, NULL when editable */
  gboolean        immutable;        /* opened with ?immutable=1 (no -wal/-shm possible) */
  guint           checkpoint_source; /* pending WAL checkpoint after edits */
};

/* --- tenken-document-schema.c --- */

/* Every schema object a current document has, for check() */
extern const char * const tenken_document_schema_objects[];

/* Looks at the first bytes of @path without SQLite: NOT_TENKEN, TOO_NEW or
 * CORRUPT (truncated) errors. Sets *@user_version. Never writes. */
gboolean  tenken_document_sniff          (const char  *path,
                                          const char  *display_name,
                                          int         *user_version,
                                          GError     **error);
/* Creates the current schema in the (empty) database */
gboolean  tenken_document_schema_create  (sqlite3     *db,
                                          GError     **error);
typedef struct
{
  int         to_version;  /* the step turns version to_version - 1 into this */
  const char *sql;
} TenkenDocumentMigration;

/* Runs @steps (terminated by a NULL sql) from @from_version up to
 * @to_version and sets user_version; the caller holds the transaction, so
 * that a failing step leaves the file as it was. Exposed for tests. */
gboolean  tenken_document_schema_run_steps (sqlite3                       *db,
                                            int                            from_version,
                                            int                            to_version,
                                            const TenkenDocumentMigration *steps,
                                            GError                       **error);
/* Runs the built-in steps from @from_version up to the current one; the
 * caller holds the transaction */
gboolean  tenken_document_schema_migrate (sqlite3     *db,
                                          int          from_version,
                                          GError     **error);
/* Sets the pragmas every connection needs (foreign keys, busy timeout, sync) */
gboolean  tenken_document_configure      (sqlite3     *db,
                                          gboolean     read_only,
                                          GError     **error);

/* --- tenken-document-sql.c --- */

/* Turns the connection's last error into a GError: CORRUPT, IO (busy, disk
 * full), INVALID (constraints) … prefixed with @what */
void          tenken_document_set_sqlite_error (GError     **error,
                                                sqlite3     *db,
                                                int          rc,
                                                const char  *what);
gboolean      tenken_document_exec             (sqlite3     *db,
                                                const char  *sql,
                                                GError     **error);
/* A cached statement, reset and unbound; owned by @self */
sqlite3_stmt *tenken_document_prepare          (TenkenDocument  *self,
                                                const char      *sql,
                                                GError         **error);
/* Steps a statement that returns no rows (or ignores them) */
gboolean      tenken_document_step_done        (sqlite3_stmt  *stmt,
                                                GError       **error);
void          tenken_document_bind_text        (sqlite3_stmt  *stmt,
                                                int            index,
                                                const char    *value);
const char   *tenken_document_column_text      (sqlite3_stmt  *stmt,
                                                int            column);
/* "2026-11-22T01:58:49.123456Z", UTC */
char         *tenken_document_timestamp_now    (void);
GDateTime    *tenken_document_parse_timestamp  (const char    *text);

/* BEGIN IMMEDIATE, then checks that the edit lock is still ours (@token) */
gboolean      tenken_document_begin_edit       (sqlite3       *db,
                                                const char    *token,
                                                const char    *display_name,
                                                GError       **error);
gboolean      tenken_document_commit           (sqlite3       *db,
                                                GError       **error);
void          tenken_document_rollback         (sqlite3       *db);
/* Appends one history row with @insert, a statement of
 * TENKEN_DOCUMENT_HISTORY_INSERT_SQL on the connection in use */
#define TENKEN_DOCUMENT_HISTORY_INSERT_SQL \
  "INSERT INTO history (timestamp, author, item_id, field, old_value, new_value)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
gboolean      tenken_document_add_history      (sqlite3_stmt  *insert,
                                                const char    *timestamp,
                                                const char    *author,
                                                const char    *item_id,
                                                const char    *field,
                                                const char    *old_value,
                                                const char    *new_value,
                                                GError       **error);

/* --- tenken-document-lock.c --- */

/* g_get_real_name (), unless it is "Unknown": then the user name */
char     *tenken_document_default_author (void);

/* Takes the edit lock inside the caller's transaction; IN_USE when another
 * live Tenken holds it. Returns the new token. */
char     *tenken_document_lock_acquire   (sqlite3     *db,
                                          const char  *path,
                                          const char  *display_name,
                                          gboolean     take_over,
                                          GError     **error);
void      tenken_document_lock_release   (sqlite3     *db,
                                          const char  *token);

/* --- tenken-document.c --- */

/* A second read-write connection for the evidence worker thread, so that its
 * transaction never mixes with the main thread's statements */
sqlite3  *tenken_document_open_worker_connection (TenkenDocument  *self,
                                                  GError         **error);
/* A read-only connection for a worker thread that only reads (extracting
 * evidence), opened the way the main one was */
sqlite3  *tenken_document_open_reader_connection (TenkenDocument  *self,
                                                  GError         **error);

/* FALSE with READ_ONLY or IO (closed) when edits are impossible */
gboolean  tenken_document_check_writable (TenkenDocument  *self,
                                          GError         **error);
/* After a committed evidence change: recounts links for @item_ids (NULL-terminated) */
void      tenken_document_refresh_evidence_counts (TenkenDocument     *self,
                                                   const char * const *item_ids);
void      tenken_document_emit_changed   (TenkenDocument  *self,
                                          const char      *item_id);
void      tenken_document_emit_evidence_changed (TenkenDocument *self);

/* --- tenken-document-evidence.c --- */

/* Loads the evidence list at open */
gboolean  tenken_document_load_evidence  (TenkenDocument  *self,
                                          GError         **error);
/* Whole-document checks of the blobs; appends problems */
gboolean  tenken_document_check_blobs    (TenkenDocument  *self,
                                          GPtrArray       *problems,
                                          GCancellable    *cancellable,
                                          GError         **error);

G_END_DECLS
