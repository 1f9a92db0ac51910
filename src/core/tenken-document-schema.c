/* tenken-document-schema.c: the file format, its versions and its checks
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tenken-document-private.h"

/*
 * A .tenken file is an SQLite 3 database with PRAGMA application_id "TNKN"
 * and PRAGMA user_version = the schema version below. People open these
 * files with the sqlite3 shell too (auditors do), so values are stored as
 * readable text: enums as their nicks, dates as "YYYY-MM-DD", timestamps as
 * ISO 8601 UTC. CHECK constraints mirror the rules the code enforces, so a
 * file edited by hand cannot hold what Tenken would refuse.
 *
 * Changing the schema: bump TENKEN_DOCUMENT_SCHEMA_VERSION, append a step to
 * migrations[] below that turns version N-1 into N (and updates
 * meta.requires to the Tenken release that introduces it), keep schema_v1
 * + the steps producing the same result as a fresh create (create runs
 * them too), and add tests/fixtures/vN.tenken made with tests/make-fixture.
 * The edit_lock table must never change incompatibly: the lock is taken
 * before migrating.
 */

static const char schema_v1[] =
  /* One row: who made the document, and the oldest Tenken able to open it */
  "CREATE TABLE meta ("
  "  id              INTEGER PRIMARY KEY CHECK (id = 1),"
  "  created_at      TEXT NOT NULL,"
  "  creator         TEXT NOT NULL,"
  "  created_with    TEXT NOT NULL,"         /* Tenken version */
  "  requires        TEXT NOT NULL"          /* Tenken version needed to read it */
  ");"
  /* One row: the catalog XML exactly as loaded, so the document never
   * depends on which catalogs are installed */
  "CREATE TABLE catalog ("
  "  id              INTEGER PRIMARY KEY CHECK (id = 1),"
  "  catalog_id      TEXT NOT NULL,"
  "  uuid            TEXT,"
  "  title           TEXT NOT NULL,"
  "  version         TEXT,"
  "  sha256          TEXT NOT NULL CHECK (length (sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),"
  "  xml             BLOB NOT NULL"
  ");"
  "CREATE TABLE scope ("
  "  id              INTEGER PRIMARY KEY CHECK (id = 1),"
  "  organisation    TEXT NOT NULL CHECK (trim (organisation) <> ''),"
  "  service         TEXT NOT NULL CHECK (trim (service) <> ''),"
  "  roles           TEXT NOT NULL DEFAULT '',"   /* "developer,operator" */
  "  tier            TEXT NOT NULL DEFAULT 'prime' CHECK (tier IN ('prime', 'sub')),"
  "  assessment_type TEXT NOT NULL DEFAULT 'self'"
  "                  CHECK (assessment_type IN ('self', 'design', 'operational')),"
  "  period_start    TEXT CHECK (period_start IS NULL OR date (period_start, '+0 days') IS period_start),"
  "  period_end      TEXT CHECK (period_end IS NULL OR date (period_end, '+0 days') IS period_end),"
  "  assessor        TEXT,"
  "  notes           TEXT,"
  "  CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end)"
  ");"
  /* A row only for items someone has edited; the others are not started */
  "CREATE TABLE responses ("
  "  item_id         TEXT PRIMARY KEY NOT NULL,"
  "  status          TEXT NOT NULL CHECK (status IN ('not-started', 'implemented', 'partial',"
  "                                                  'not-implemented', 'not-applicable', 'planned')),"
  "  justification   TEXT,"
  "  target_date     TEXT CHECK (target_date IS NULL OR date (target_date, '+0 days') IS target_date),"
  "  statement       TEXT,"
  "  owner           TEXT,"
  "  due_date        TEXT CHECK (due_date IS NULL OR date (due_date, '+0 days') IS due_date),"
  "  flagged         INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),"
  "  updated_at      TEXT NOT NULL,"
  "  updated_by      TEXT NOT NULL,"
  "  CHECK (status <> 'not-applicable' OR trim (coalesce (justification, '')) <> ''),"
  "  CHECK (status <> 'planned' OR target_date IS NOT NULL)"
  ");"
  /* Content-addressed: one row per distinct file content */
  "CREATE TABLE blobs ("
  "  sha256          TEXT PRIMARY KEY NOT NULL"
  "                  CHECK (length (sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),"
  "  size            INTEGER NOT NULL CHECK (size >= 0),"
  "  data            BLOB NOT NULL"
  ");"
  "CREATE TABLE evidence ("
  "  id              INTEGER PRIMARY KEY,"
  "  kind            TEXT NOT NULL CHECK (kind IN ('file', 'url')),"
  "  name            TEXT NOT NULL,"
  "  media_type      TEXT,"
  "  size            INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0),"
  "  sha256          TEXT REFERENCES blobs (sha256),"
  "  url             TEXT,"
  "  note            TEXT,"
  "  added_at        TEXT NOT NULL,"
  "  added_by        TEXT NOT NULL,"
  "  collected       TEXT CHECK (collected IS NULL OR date (collected, '+0 days') IS collected),"
  "  CHECK ((kind = 'file' AND sha256 IS NOT NULL AND url IS NULL) OR"
  "         (kind = 'url' AND url IS NOT NULL AND sha256 IS NULL))"
  ");"
  "CREATE INDEX evidence_by_sha256 ON evidence (sha256);"
  "CREATE TABLE evidence_links ("
  "  evidence_id     INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
  "  item_id         TEXT NOT NULL,"
  "  linked_at       TEXT NOT NULL,"
  "  PRIMARY KEY (evidence_id, item_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX evidence_links_by_item ON evidence_links (item_id, evidence_id);"
  /* Append-only. AUTOINCREMENT so that ids are never reused. The triggers
   * stop accidental changes; they are not a defence against someone who
   * edits the file with other tools. */
  "CREATE TABLE history ("
  "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  timestamp       TEXT NOT NULL,"
  "  author          TEXT NOT NULL,"
  "  item_id         TEXT,"
  "  field           TEXT NOT NULL,"
  "  old_value       TEXT,"
  "  new_value       TEXT"
  ");"
  "CREATE INDEX history_by_item ON history (item_id, id);"
  "CREATE TRIGGER history_no_update BEFORE UPDATE ON history"
  "  BEGIN SELECT RAISE (ABORT, 'history is append-only'); END;"
  "CREATE TRIGGER history_no_delete BEFORE DELETE ON history"
  "  BEGIN SELECT RAISE (ABORT, 'history is append-only'); END;"
  /* Who has the document open for editing; see tenken-document-lock.c */
  "CREATE TABLE edit_lock ("
  "  id              INTEGER PRIMARY KEY CHECK (id = 1),"
  "  token           TEXT NOT NULL,"
  "  pid             INTEGER NOT NULL,"
  "  host            TEXT NOT NULL,"
  "  user            TEXT NOT NULL,"
  "  since           TEXT NOT NULL,"
  "  boot_id         TEXT,"
  "  process_start   TEXT,"
  "  file_id         TEXT"
  ");";

const char * const tenken_document_schema_objects[] = {
  "meta", "catalog", "scope", "responses", "blobs", "evidence", "evidence_by_sha256",
  "evidence_links", "evidence_links_by_item", "history", "history_by_item",
  "history_no_update", "history_no_delete", "edit_lock",
  NULL
};

/* Step N turns a version N-1 document into version N. Version 1 is the
 * first, so there are none yet; an example of the form:
 *   { 2, "ALTER TABLE responses ADD COLUMN reviewer TEXT;"
 *        "UPDATE meta SET requires = '0.2.0';" },
 */
static const TenkenDocumentMigration migrations[] = {
  { 0, NULL }
};

gboolean
tenken_document_schema_create (sqlite3  *db,
                               GError  **error)
{
  g_autofree char *pragmas = NULL;

  if (!tenken_document_exec (db, schema_v1, error))
    return FALSE;

  if (!tenken_document_schema_migrate (db, 1, error))
    return FALSE;

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             (int) TENKEN_DOCUMENT_APPLICATION_ID,
                             TENKEN_DOCUMENT_SCHEMA_VERSION);
  return tenken_document_exec (db, pragmas, error);
}

gboolean
tenken_document_schema_run_steps (sqlite3                       *db,
                                  int                            from_version,
                                  int                            to_version,
                                  const TenkenDocumentMigration *steps,
                                  GError                       **error)
{
  g_autofree char *set_version = NULL;

  for (int version = from_version + 1; version <= to_version; version++)
    {
      const TenkenDocumentMigration *step = NULL;

      for (guint i = 0; steps[i].sql != NULL; i++)
        if (steps[i].to_version == version)
          step = &steps[i];

      if (step == NULL)
        {
          g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_CORRUPT,
                       _("There is no way to upgrade this document to format %d."), version);
          return FALSE;
        }

      g_debug ("Migrating to schema version %d", version);
      if (!tenken_document_exec (db, step->sql, error))
        return FALSE;
    }

  /* user_version lives in the database header, which is part of the
   * caller's transaction: it only changes if the whole upgrade commits */
  set_version = g_strdup_printf ("PRAGMA user_version = %d;", to_version);
  return tenken_document_exec (db, set_version, error);
}

gboolean
tenken_document_schema_migrate (sqlite3  *db,
                                int       from_version,
                                GError  **error)
{
  return tenken_document_schema_run_steps (db, from_version, TENKEN_DOCUMENT_SCHEMA_VERSION,
                                           migrations, error);
}

gboolean
tenken_document_configure (sqlite3   *db,
                           gboolean   read_only,
                           GError   **error)
{
  /* Files come from other people (auditors open suppliers' files): do not
   * let the schema use functions with side effects, and keep the shell's
   * defensive mode on so that nothing can corrupt the file on purpose */
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_busy_timeout (db, 5000);

  if (!tenken_document_exec (db, "PRAGMA foreign_keys = ON;", error))
    return FALSE;

  if (read_only)
    return TRUE;

  /* WAL: readers (a read-only window, the exporter) never block the
   * editor. synchronous = FULL: each commit is fsynced to the WAL, so an
   * edit reported as saved survives a power cut, not only a crash of
   * Tenken (NORMAL would only survive the latter). Edits are made by hand,
   * so one fsync each costs nothing anyone notices. */
  /* secure_delete: removed evidence is overwritten, not left in free pages
   * of a file that is then mailed to someone */
  return tenken_document_exec (db,
                               "PRAGMA journal_mode = WAL;"
                               "PRAGMA synchronous = FULL;"
                               "PRAGMA secure_delete = ON;",
                               error);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static char *
read_required_version (const char *path)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  /* immutable: no -wal/-shm files are created next to a file we refuse */
  uri = g_strdup_printf ("file:%s?immutable=1", escaped);
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  if (sqlite3_prepare_v2 (db, "SELECT requires FROM meta", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
tenken_document_sniff (const char  *path,
                       const char  *display_name,
                       int         *user_version,
                       GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *wal_path = NULL;
  guint8 header[100];
  GStatBuf st, wal_st;
  gssize n_read;
  guint32 page_size, page_count;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        g_close (fd, NULL);
      /* IO, also for a missing file: NOT_FOUND is for items and evidence */
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                   _("Could not open “%s”: %s"), display_name, g_strerror (saved_errno));
      return FALSE;
    }

  n_read = read (fd, header, sizeof header);
  g_close (fd, NULL);

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_TENKEN,
                   _("“%s” is not a file. Choose a .tenken assessment file."), display_name);
      return FALSE;
    }

  if (n_read < 16 || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_TENKEN,
                   n_read == 0 ? _("“%s” is empty, so it is not a Tenken assessment.")
                               : _("“%s” is not a Tenken assessment. Choose a .tenken file made by Tenken."),
                   display_name);
      return FALSE;
    }

  if (n_read < (gssize) sizeof header)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged: the file is cut off. Ask for the file again, or restore a backup."),
                   display_name);
      return FALSE;
    }

  if (read_be32 (header + 68) != TENKEN_DOCUMENT_APPLICATION_ID)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_TENKEN,
                   _("“%s” is a database, but not a Tenken assessment. Choose a .tenken file made by Tenken."),
                   display_name);
      return FALSE;
    }

  *user_version = (int) read_be32 (header + 60);
  if (*user_version > TENKEN_DOCUMENT_SCHEMA_VERSION)
    {
      g_autofree char *requires = read_required_version (path);

      /* A "requires" that names this very version contradicts the format
       * number (a hand-edited or damaged file): then say the format */
      if (requires != NULL && !g_str_equal (requires, PACKAGE_VERSION))
        g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_TOO_NEW,
                     _("“%s” was saved by a newer version of Tenken: it needs Tenken %s or later, "
                       "and this is Tenken %s. Update Tenken to open it."),
                     display_name, requires, PACKAGE_VERSION);
      else
        g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_TOO_NEW,
                     _("“%s” was saved by a newer version of Tenken (file format %d; this "
                       "Tenken %s reads up to format %d). Update Tenken to open it."),
                     display_name, *user_version, PACKAGE_VERSION, TENKEN_DOCUMENT_SCHEMA_VERSION);
      return FALSE;
    }

  /* The header's page count is valid when "version-valid-for" matches the
   * change counter. With no write-ahead log beside it, a main file shorter
   * than that was cut off (a truncated download or copy). */
  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);
  wal_path = g_strconcat (path, "-wal", NULL);
  if (read_be32 (header + 24) == read_be32 (header + 92) &&
      (g_stat (wal_path, &wal_st) != 0 || wal_st.st_size == 0) &&
      (guint64) st.st_size < (guint64) page_size * page_count)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_CORRUPT,
                   _("“%s” is damaged: the file is cut off (%llu of %llu bytes). Ask for the file again, or restore a backup."),
                   display_name, (unsigned long long) st.st_size,
                   (unsigned long long) page_size * page_count);
      return FALSE;
    }

  return TRUE;
}

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
check_schema_objects (TenkenDocument *self,
                      GPtrArray      *problems,
                      GError        **error)
{
  for (guint i = 0; tenken_document_schema_objects[i] != NULL; i++)
    {
      sqlite3_stmt *stmt;
      int rc;

      stmt = tenken_document_prepare (self, "SELECT 1 FROM sqlite_schema WHERE name = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tenken_document_schema_objects[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        add_problem (problems, _("The table or index “%s” is missing."),
                     tenken_document_schema_objects[i]);
      else if (rc != SQLITE_ROW)
        {
          tenken_document_set_sqlite_error (error, self->db, rc, _("Could not check the document"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_pragma (TenkenDocument *self,
              const char     *sql,
              gboolean        ok_is_row,
              GPtrArray      *problems,
              GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenken_document_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *first = tenken_document_column_text (stmt, 0);

      if (ok_is_row)
        {
          /* integrity_check: a single "ok", else one line per problem */
          if (g_strcmp0 (first, "ok") != 0)
            add_problem (problems, _("Database structure: %s"), first);
        }
      else
        {
          /* foreign_key_check: table, rowid, parent table */
          add_problem (problems, _("Row %lld of “%s” refers to a missing row of “%s”."),
                       (long long) sqlite3_column_int64 (stmt, 1), first,
                       tenken_document_column_text (stmt, 2));
        }
    }

  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
    {
      add_problem (problems, _("Database structure: %s"), sqlite3_errmsg (self->db));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      tenken_document_set_sqlite_error (error, self->db, rc, _("Could not check the document"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_catalog_snapshot (TenkenDocument *self,
                        GPtrArray      *problems,
                        GError        **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *actual = NULL;
  int rc;

  stmt = tenken_document_prepare (self, "SELECT sha256, xml FROM catalog WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      add_problem (problems, _("The catalog snapshot is missing."));
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    {
      tenken_document_set_sqlite_error (error, self->db, rc, _("Could not check the document"));
      return FALSE;
    }

  actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                        sqlite3_column_blob (stmt, 1),
                                        (gsize) sqlite3_column_bytes (stmt, 1));
  if (g_strcmp0 (actual, tenken_document_column_text (stmt, 0)) != 0)
    add_problem (problems, _("The catalog snapshot does not match its SHA-256 checksum: it was changed or damaged."));
  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
check_item_ids (TenkenDocument *self,
                const char     *sql,
                gboolean        links,
                GPtrArray      *problems,
                GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenken_document_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *item_id = tenken_document_column_text (stmt, 0);

      /* NULL despite the schema: a damaged file (found by fuzzing) */
      if (item_id == NULL)
        {
          add_problem (problems, links ? _("An evidence link names no item.")
                                       : _("An answer names no item."));
          continue;
        }

      if (g_hash_table_contains (self->responses_by_id, item_id))
        continue;

      if (links)
        add_problem (problems, _("Evidence is linked to “%s”, which is not in the catalog."), item_id);
      else
        add_problem (problems, _("There is an answer for “%s”, which is not in the catalog."), item_id);
    }

  if (rc != SQLITE_DONE)
    {
      tenken_document_set_sqlite_error (error, self->db, rc, _("Could not check the document"));
      return FALSE;
    }

  return TRUE;
}

gboolean
tenken_document_check (TenkenDocument  *self,
                       GPtrArray       *problems,
                       GCancellable    *cancellable,
                       GError         **error)
{
  guint n_before;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (self->db == NULL)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                   _("“%s” is closed."), self->display_name);
      return FALSE;
    }

  n_before = problems->len;

  if (!check_schema_objects (self, problems, error) ||
      !check_pragma (self, "PRAGMA integrity_check", TRUE, problems, error) ||
      !check_pragma (self, "PRAGMA foreign_key_check", FALSE, problems, error) ||
      !check_catalog_snapshot (self, problems, error) ||
      !check_item_ids (self, "SELECT item_id FROM responses", FALSE, problems, error) ||
      !check_item_ids (self, "SELECT DISTINCT item_id FROM evidence_links", TRUE, problems, error))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!tenken_document_check_blobs (self, problems, cancellable, error))
    return FALSE;

  return problems->len == n_before;
}
