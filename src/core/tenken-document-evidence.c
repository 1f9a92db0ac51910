/* tenken-document-evidence.c: files and links that back up answers
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-document"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tenken-blob-input-stream.h"
#include "tenken-document-private.h"
#include "tenken-evidence-private.h"
#include "tenken-response-private.h"

/*
 * File content lives once per SHA-256 in `blobs`; `evidence` rows point at
 * it. Adding a file whose content is already stored writes no data. If an
 * evidence row with the same name and content exists, it is reused (and
 * linked to @item_id if not yet), so adding the same file twice is
 * harmless; the same content under another name, or with a note or a
 * collection date other than the existing row's, is a new evidence row
 * sharing the blob, so what the user typed is never dropped. A URL already
 * present is reused the same way.
 *
 * Adding a file reads it twice: first to hash it without holding the
 * database's write lock (and to skip the copy when the content is known),
 * then inside the transaction, streaming it into a zeroblob with
 * sqlite3_blob_write() while hashing again. A file that changed in between
 * is refused, so the stored hash always describes the stored bytes.
 */

#define CHUNK_SIZE (256 * 1024)

#define EVIDENCE_SELECT \
  "SELECT e.id, e.kind, e.name, e.media_type, e.size, e.sha256, e.url, e.added_at," \
  " e.collected, e.note," \
  " (SELECT group_concat (l.item_id, char (10)) FROM evidence_links l WHERE l.evidence_id = e.id)" \
  " FROM evidence e"

static TenkenEvidence *
evidence_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) added_at = tenken_document_parse_timestamp (tenken_document_column_text (stmt, 7));
  g_auto(GStrv) item_ids = NULL;
  const char *links = tenken_document_column_text (stmt, 10);

  if (links != NULL)
    item_ids = g_strsplit (links, "\n", -1);

  return tenken_evidence_new (sqlite3_column_int64 (stmt, 0),
                              g_strcmp0 (tenken_document_column_text (stmt, 1), "url") == 0
                                ? TENKEN_EVIDENCE_URL : TENKEN_EVIDENCE_FILE,
                              tenken_document_column_text (stmt, 2),
                              tenken_document_column_text (stmt, 3),
                              (guint64) sqlite3_column_int64 (stmt, 4),
                              tenken_document_column_text (stmt, 5),
                              tenken_document_column_text (stmt, 6),
                              added_at,
                              tenken_document_column_text (stmt, 8),
                              tenken_document_column_text (stmt, 9),
                              (const char * const *) item_ids);
}

gboolean
tenken_document_load_evidence (TenkenDocument  *self,
                               GError         **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenken_document_prepare (self, EVIDENCE_SELECT " ORDER BY e.id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (all, evidence_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      tenken_document_set_sqlite_error (error, self->db, rc, _("Could not read the evidence"));
      return FALSE;
    }

  g_list_store_splice (self->evidence, 0, g_list_model_get_n_items (G_LIST_MODEL (self->evidence)),
                       all->pdata, all->len);
  return TRUE;
}

static gboolean
find_evidence_position (TenkenDocument *self,
                        gint64          id,
                        guint          *position)
{
  GListModel *model = G_LIST_MODEL (self->evidence);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenEvidence) evidence = g_list_model_get_item (model, i);

      if (tenken_evidence_get_id (evidence) >= id)
        {
          *position = i;
          return tenken_evidence_get_id (evidence) == id;
        }
    }

  *position = n;
  return FALSE;
}

/* Re-reads one evidence row into the list (or drops it when gone) and
 * returns the new object, or NULL */
static TenkenEvidence *
reload_evidence (TenkenDocument *self,
                 gint64          id)
{
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint position;
  gboolean present;

  stmt = tenken_document_prepare (self, EVIDENCE_SELECT " WHERE e.id = ?1", &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    evidence = evidence_from_row (stmt);
  sqlite3_reset (stmt);

  present = find_evidence_position (self, id, &position);
  g_list_store_splice (self->evidence, position, present ? 1 : 0,
                       (gpointer *) &evidence, evidence != NULL ? 1 : 0);

  return g_steal_pointer (&evidence);
}

void
tenken_document_refresh_evidence_counts (TenkenDocument     *self,
                                         const char * const *item_ids)
{
  sqlite3_stmt *stmt;
  g_autoptr(GError) error = NULL;

  stmt = tenken_document_prepare (self, "SELECT count (*) FROM evidence_links WHERE item_id = ?1", &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  for (guint i = 0; item_ids != NULL && item_ids[i] != NULL; i++)
    {
      TenkenResponse *response = g_hash_table_lookup (self->responses_by_id, item_ids[i]);

      sqlite3_reset (stmt);
      tenken_document_bind_text (stmt, 1, item_ids[i]);
      if (response != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        tenken_response_set_evidence_count (response, (guint) sqlite3_column_int (stmt, 0));
    }
  sqlite3_reset (stmt);
}

/* After a commit: the list, the counts, then the signals. Returns the
 * evidence as now stored, or NULL when it is gone. */
static TenkenEvidence *
evidence_committed (TenkenDocument     *self,
                    gint64              id,
                    const char * const *item_ids)
{
  g_autoptr(TenkenEvidence) evidence = reload_evidence (self, id);

  tenken_document_refresh_evidence_counts (self, item_ids);

  for (guint i = 0; item_ids != NULL && item_ids[i] != NULL; i++)
    tenken_document_emit_changed (self, item_ids[i]);
  tenken_document_emit_evidence_changed (self);

  return g_steal_pointer (&evidence);
}

static void
evidence_committed_quietly (TenkenDocument     *self,
                            gint64              id,
                            const char * const *item_ids)
{
  TenkenEvidence *evidence = evidence_committed (self, id, item_ids);

  g_clear_object (&evidence);
}

static gboolean
check_item (TenkenDocument  *self,
            const char      *item_id,
            GError         **error)
{
  if (item_id == NULL || g_hash_table_contains (self->responses_by_id, item_id))
    return TRUE;

  g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_FOUND,
               _("“%s” is not an item of this document’s catalog."), item_id);
  return FALSE;
}

/* A label, not a path: the base name, without control characters */
static char *
sanitize_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name ? name : "", -1);
  g_autofree char *base = NULL;
  GString *clean;

  /* Both separators: a name made on Windows may carry backslashes */
  g_strdelimit (valid, "\\", '/');
  base = g_path_get_basename (valid);
  clean = g_string_new (NULL);
  for (const char *p = base; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (clean, ' ');
      else
        g_string_append_unichar (clean, c);
    }

  g_strstrip (clean->str);
  clean->len = strlen (clean->str);
  if (clean->len == 0 || g_str_equal (clean->str, ".") || g_str_equal (clean->str, "..") ||
      g_str_equal (clean->str, "/"))
    g_string_assign (clean, _("Evidence"));

  return g_string_free (clean, FALSE);
}

/* --- adding files --- */

/* A file copied in (added) or out (extracted) in a worker thread */
typedef struct
{
  /* Input, copied on the calling thread */
  GFile                 *file;             /* to add, or to extract to */
  char                  *sha256;           /* extracting: what the content must hash to */
  char                  *item_id;
  char                  *note;
  char                  *collected;
  char                  *author;
  char                  *lock_token;
  char                  *display_name;

  /* Progress, from the thread doing the work */
  GFileProgressCallback  progress;
  gpointer               progress_data;
  GMainContext          *progress_context; /* NULL: call directly */
  gint                   finished;         /* atomic: no progress after completion */
  goffset                last_reported;

  /* Output when adding, input when extracting */
  gint64                 evidence_id;
} FileJob;

static void
file_job_clear (FileJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->sha256, g_free);
  g_clear_pointer (&job->item_id, g_free);
  g_clear_pointer (&job->note, g_free);
  g_clear_pointer (&job->collected, g_free);
  g_clear_pointer (&job->author, g_free);
  g_clear_pointer (&job->lock_token, g_free);
  g_clear_pointer (&job->display_name, g_free);
  g_clear_pointer (&job->progress_context, g_main_context_unref);
}

static void
file_job_unref (FileJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) file_job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FileJob, file_job_unref)

typedef struct
{
  FileJob *job;
  goffset  current;
  goffset  total;
} ProgressReport;

static gboolean
progress_in_main_context (gpointer data)
{
  ProgressReport *report = data;

  if (!g_atomic_int_get (&report->job->finished))
    report->job->progress (report->current, report->total, report->job->progress_data);

  return G_SOURCE_REMOVE;
}

static void
progress_report_free (gpointer data)
{
  ProgressReport *report = data;

  file_job_unref (report->job);
  g_free (report);
}

static void
report_progress (FileJob *job,
                 goffset  current,
                 goffset  total)
{
  g_autoptr(GSource) source = NULL;
  ProgressReport *report;

  if (job->progress == NULL)
    return;

  /* At most every 1 MiB (and the end), not for every chunk */
  if (current != total && current - job->last_reported < 1024 * 1024 && current != 0)
    return;
  job->last_reported = current;

  if (job->progress_context == NULL)
    {
      job->progress (current, total, job->progress_data);
      return;
    }

  report = g_new0 (ProgressReport, 1);
  report->job = g_atomic_rc_box_acquire (job);
  report->current = current;
  report->total = total;
  /* Not g_main_context_invoke(): from a worker thread it runs the function
   * right there whenever it can acquire the (global default) context */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_in_main_context, report, progress_report_free);
  g_source_set_static_name (source, "[tenken] evidence progress");
  g_source_attach (source, job->progress_context);
}

/* Reads @stream to the end, hashing; each chunk also goes to @blob when set.
 * Progress runs from @progress_base over @progress_total. */
static char *
stream_file (FileJob       *job,
             GInputStream  *stream,
             sqlite3_blob  *blob,
             goffset        size,
             goffset        progress_base,
             goffset        progress_total,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  goffset done = 0;

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, CHUNK_SIZE, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;

      if (done + n > size)
        {
          g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                       _("“%s” changed while it was being added. Try again when it is complete."),
                       job->display_name);
          return NULL;
        }

      g_checksum_update (checksum, buffer, (gsize) n);

      if (blob != NULL)
        {
          int rc = sqlite3_blob_write (blob, buffer, (int) n, (int) done);

          if (rc != SQLITE_OK)
            {
              tenken_document_set_sqlite_error (error, NULL, rc,
                                                _("Could not store the evidence"));
              return NULL;
            }
        }

      done += n;
      report_progress (job, progress_base + done, progress_total);
    }

  if (done != size)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                   _("“%s” changed while it was being added. Try again when it is complete."),
                   job->display_name);
      return NULL;
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
step_row (sqlite3       *db,
          sqlite3_stmt  *stmt,
          gboolean      *found,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  *found = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      tenken_document_set_sqlite_error (error, db, rc, _("Could not store the evidence"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
prepare (sqlite3       *db,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  g_clear_pointer (stmt, sqlite3_finalize);

  if (sqlite3_prepare_v2 (db, sql, -1, stmt, NULL) != SQLITE_OK)
    {
      tenken_document_set_sqlite_error (error, db, sqlite3_errcode (db), _("Could not store the evidence"));
      return FALSE;
    }

  return TRUE;
}

/* Links @evidence_id to @item_id (if not yet) and records it; inside the
 * caller's transaction. *@linked tells whether a link was made. */
static gboolean
link_in_transaction (sqlite3     *db,
                     gint64       evidence_id,
                     const char  *item_id,
                     const char  *name,
                     const char  *author,
                     const char  *now,
                     gboolean     record,
                     gboolean    *linked,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;

  *linked = FALSE;

  if (!prepare (db, "INSERT OR IGNORE INTO evidence_links (evidence_id, item_id, linked_at)"
                    " VALUES (?1, ?2, ?3)", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  tenken_document_bind_text (stmt, 2, item_id);
  tenken_document_bind_text (stmt, 3, now);
  if (!tenken_document_step_done (stmt, error))
    return FALSE;

  *linked = sqlite3_changes (db) > 0;
  if (!*linked || !record)
    return TRUE;

  return prepare (db, TENKEN_DOCUMENT_HISTORY_INSERT_SQL, &history, error) &&
         tenken_document_add_history (history, now, author, item_id, "evidence.link", NULL, name, error);
}

/* The whole job on connection @db, from any thread. Returns the evidence id. */
static gint64
add_file_on_connection (sqlite3       *db,
                        FileJob       *job,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *media_type = NULL;
  g_autofree char *now = NULL;
  const char *content_type;
  sqlite3_blob *blob = NULL;
  gint64 evidence_id = 0;
  goffset size;
  gboolean found;
  gboolean linked;

  info = g_file_query_info (job->file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return 0;

  name = sanitize_name (g_file_info_get_display_name (info));
  g_free (job->display_name);
  job->display_name = g_strdup (name);

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID,
                   _("“%s” is not a file. Choose a file to add as evidence."), name);
      return 0;
    }

  size = g_file_info_get_size (info);
  if (size > sqlite3_limit (db, SQLITE_LIMIT_LENGTH, -1))
    {
      g_autofree char *size_text = g_format_size ((guint64) size);
      g_autofree char *limit_text = g_format_size ((guint64) sqlite3_limit (db, SQLITE_LIMIT_LENGTH, -1));

      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID,
                   _("“%s” is too large to store in the document (%s; the limit is %s). "
                     "Add a link to where it is kept instead."),
                   name, size_text, limit_text);
      return 0;
    }

  /* The platform's guess from name and content (g_content_type_guess) */
  content_type = g_file_info_get_content_type (info);
  if (content_type != NULL)
    media_type = g_content_type_get_mime_type (content_type);
  if (media_type == NULL)
    media_type = g_strdup ("application/octet-stream");

  /* Pass 1, outside the transaction: the hash, to skip known content */
  report_progress (job, 0, 2 * size);
  stream = G_INPUT_STREAM (g_file_read (job->file, cancellable, error));
  if (stream == NULL)
    return 0;
  sha256 = stream_file (job, stream, NULL, size, 0, 2 * size, cancellable, error);
  if (sha256 == NULL)
    return 0;
  g_input_stream_close (stream, NULL, NULL);
  g_clear_object (&stream);

  if (!tenken_document_begin_edit (db, job->lock_token, job->display_name, error))
    return 0;

  if (!prepare (db, "SELECT 1 FROM blobs WHERE sha256 = ?1", &stmt, error))
    goto failed;
  tenken_document_bind_text (stmt, 1, sha256);
  if (!step_row (db, stmt, &found, error))
    goto failed;

  if (!found)
    {
      g_autofree char *second_hash = NULL;

      /* Pass 2: stream into a zeroblob of the right size, hashing again */
      if (!prepare (db, "INSERT INTO blobs (sha256, size, data) VALUES (?1, ?2, zeroblob (?2))", &stmt, error))
        goto failed;
      tenken_document_bind_text (stmt, 1, sha256);
      sqlite3_bind_int64 (stmt, 2, size);
      if (!tenken_document_step_done (stmt, error))
        goto failed;

      if (sqlite3_blob_open (db, "main", "blobs", "data", sqlite3_last_insert_rowid (db), 1, &blob) != SQLITE_OK)
        {
          tenken_document_set_sqlite_error (error, db, sqlite3_errcode (db), _("Could not store the evidence"));
          goto failed;
        }

      stream = G_INPUT_STREAM (g_file_read (job->file, cancellable, error));
      if (stream == NULL)
        goto failed;
      second_hash = stream_file (job, stream, blob, size, size, 2 * size, cancellable, error);
      g_clear_pointer (&blob, sqlite3_blob_close);
      if (second_hash == NULL)
        goto failed;
      if (!g_str_equal (second_hash, sha256))
        {
          g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                       _("“%s” changed while it was being added. Try again when it is complete."),
                       job->display_name);
          goto failed;
        }
    }

  now = tenken_document_timestamp_now ();

  if (!prepare (db, "SELECT id FROM evidence WHERE kind = 'file' AND sha256 = ?1 AND name = ?2"
                    " AND (?3 IS NULL OR note IS ?3) AND (?4 IS NULL OR collected IS ?4)"
                    " ORDER BY id LIMIT 1", &stmt, error))
    goto failed;
  tenken_document_bind_text (stmt, 1, sha256);
  tenken_document_bind_text (stmt, 2, name);
  tenken_document_bind_text (stmt, 3, job->note);
  tenken_document_bind_text (stmt, 4, job->collected);
  if (!step_row (db, stmt, &found, error))
    goto failed;

  if (found)
    {
      evidence_id = sqlite3_column_int64 (stmt, 0);
    }
  else
    {
      if (!prepare (db, "INSERT INTO evidence (kind, name, media_type, size, sha256, note, added_at,"
                        " added_by, collected) VALUES ('file', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    &stmt, error))
        goto failed;
      tenken_document_bind_text (stmt, 1, name);
      tenken_document_bind_text (stmt, 2, media_type);
      sqlite3_bind_int64 (stmt, 3, size);
      tenken_document_bind_text (stmt, 4, sha256);
      tenken_document_bind_text (stmt, 5, job->note);
      tenken_document_bind_text (stmt, 6, now);
      tenken_document_bind_text (stmt, 7, job->author);
      tenken_document_bind_text (stmt, 8, job->collected);
      if (!tenken_document_step_done (stmt, error))
        goto failed;
      evidence_id = sqlite3_last_insert_rowid (db);

      if (!prepare (db, TENKEN_DOCUMENT_HISTORY_INSERT_SQL, &history, error) ||
          !tenken_document_add_history (history, now, job->author, job->item_id, "evidence.add",
                                        NULL, name, error))
        goto failed;
    }

  /* New evidence is recorded by its "evidence.add" row already */
  if (job->item_id != NULL &&
      !link_in_transaction (db, evidence_id, job->item_id, name, job->author, now, found, &linked, error))
    goto failed;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !tenken_document_commit (db, error))
    goto failed;

  report_progress (job, 2 * size, 2 * size);
  return evidence_id;

failed:
  g_clear_pointer (&blob, sqlite3_blob_close);
  tenken_document_rollback (db);
  return 0;
}

static FileJob *
add_file_new (TenkenDocument        *self,
              GFile                 *file,
              const char            *item_id,
              const char            *note,
              const char            *collected,
              GFileProgressCallback  progress,
              gpointer               progress_data,
              GError               **error)
{
  FileJob *job;

  if (!tenken_document_check_writable (self, error) ||
      !check_item (self, item_id, error))
    return NULL;

  if (collected != NULL && *collected == '\0')
    collected = NULL;
  if (collected != NULL && !tenken_date_is_valid (collected))
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID,
                   _("The collection date “%s” is not a valid date. Use the form YYYY-MM-DD, for example 2026-03-31."),
                   collected);
      return NULL;
    }
  if (collected != NULL)
    {
      g_autofree char *today = tenken_date_today ();

      /* Evidence is collected before it is attached; a later date is a typo */
      if (strcmp (collected, today) > 0)
        {
          g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID,
                       _("The collection date %s is in the future. Enter the day the evidence was collected, today (%s) at the latest."),
                       collected, today);
          return NULL;
        }
    }

  job = g_atomic_rc_box_new0 (FileJob);
  job->file = g_object_ref (file);
  job->item_id = g_strdup (item_id);
  job->note = (note != NULL && *note != '\0') ? g_strdup (note) : NULL;
  job->collected = g_strdup (collected);
  job->author = g_strdup (self->author);
  job->lock_token = g_strdup (self->lock_token);
  job->display_name = g_file_get_parse_name (file);
  job->progress = progress;
  job->progress_data = progress_data;

  return job;
}

static TenkenEvidence *
add_file_committed (TenkenDocument *self,
                    FileJob        *job)
{
  const char *item_ids[] = { job->item_id, NULL };

  return evidence_committed (self, job->evidence_id, item_ids);
}

TenkenEvidence *
tenken_document_add_evidence_file (TenkenDocument        *self,
                                   GFile                 *file,
                                   const char            *item_id,
                                   const char            *note,
                                   const char            *collected,
                                   GFileProgressCallback  progress,
                                   gpointer               progress_data,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  g_autoptr(FileJob) job = NULL;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  job = add_file_new (self, file, item_id, note, collected, progress, progress_data, error);
  if (job == NULL)
    return NULL;

  job->evidence_id = add_file_on_connection (self->db, job, cancellable, error);
  if (job->evidence_id == 0)
    return NULL;

  return add_file_committed (self, job);
}

/* Runs @thread on @job in a worker thread. @done, in the calling thread's
 * main context, sees the result first (to update the live document and
 * stop progress reports), then completes @outer for the caller. */
static void
run_file_job (TenkenDocument  *self,
              FileJob         *job,
              GCancellable    *cancellable,
              GTaskThreadFunc  thread,
              GAsyncReadyCallback done,
              GTask           *outer)
{
  g_autoptr(GTask) inner = g_task_new (self, cancellable, done, outer);

  job->progress_context = g_main_context_ref_thread_default ();
  g_task_set_task_data (inner, job, (GDestroyNotify) file_job_unref);
  g_task_run_in_thread (inner, thread);
}

static void
add_file_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  TenkenDocument *self = source_object;
  FileJob *job = task_data;
  g_autoptr(sqlite3) db = NULL;
  GError *error = NULL;

  /* Its own connection: a transaction here must never contain statements
   * the main thread runs meanwhile. Main-thread edits wait for ours
   * (busy_timeout) and then go ahead. */
  db = tenken_document_open_worker_connection (self, &error);
  if (db != NULL)
    job->evidence_id = add_file_on_connection (db, job, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Runs in the main context: the live list and counts change here only */
static void
add_file_thread_done (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  TenkenDocument *self = TENKEN_DOCUMENT (source_object);
  g_autoptr(GTask) outer = user_data;
  FileJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  g_atomic_int_set (&job->finished, TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  if (self->db == NULL)
    {
      /* Committed, but the document was closed meanwhile */
      g_task_return_new_error (outer, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                               _("“%s” is closed."), self->display_name);
      return;
    }

  g_task_return_pointer (outer, add_file_committed (self, job), g_object_unref);
}

void
tenken_document_add_evidence_file_async (TenkenDocument        *self,
                                         GFile                 *file,
                                         const char            *item_id,
                                         const char            *note,
                                         const char            *collected,
                                         GFileProgressCallback  progress,
                                         gpointer               progress_data,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data)
{
  g_autoptr(GTask) outer = NULL;
  FileJob *job;
  GError *error = NULL;

  g_return_if_fail (TENKEN_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, tenken_document_add_evidence_file_async);

  job = add_file_new (self, file, item_id, note, collected, progress, progress_data, &error);
  if (job == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  run_file_job (self, job, cancellable, add_file_thread, add_file_thread_done, g_steal_pointer (&outer));
}

TenkenEvidence *
tenken_document_add_evidence_file_finish (TenkenDocument  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- URLs --- */

TenkenEvidence *
tenken_document_add_evidence_url (TenkenDocument  *self,
                                  const char      *url,
                                  const char      *item_id,
                                  const char      *note,
                                  GError         **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  g_autofree char *now = NULL;
  g_autofree char *normalized = NULL;
  const char *scheme;
  const char *item_ids[] = { item_id, NULL };
  gint64 evidence_id;
  gboolean found;
  gboolean linked;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  if (!tenken_document_check_writable (self, error) ||
      !check_item (self, item_id, error))
    return NULL;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID,
                   _("“%s” is not a web address. Enter an address starting with https:// or http://."),
                   url);
      return NULL;
    }
  normalized = g_uri_to_string (uri);

  if (!tenken_document_begin_edit (self->db, self->lock_token, self->display_name, error))
    return NULL;

  now = tenken_document_timestamp_now ();
  if (!prepare (self->db, "SELECT id FROM evidence WHERE kind = 'url' AND url = ?1"
                          " AND (?2 IS NULL OR note IS ?2) ORDER BY id LIMIT 1", &stmt, error))
    goto failed;
  tenken_document_bind_text (stmt, 1, normalized);
  tenken_document_bind_text (stmt, 2, (note != NULL && *note != '\0') ? note : NULL);
  if (!step_row (self->db, stmt, &found, error))
    goto failed;

  if (found)
    {
      evidence_id = sqlite3_column_int64 (stmt, 0);
    }
  else
    {
      if (!prepare (self->db, "INSERT INTO evidence (kind, name, url, note, added_at, added_by)"
                              " VALUES ('url', ?1, ?1, ?2, ?3, ?4)", &stmt, error))
        goto failed;
      tenken_document_bind_text (stmt, 1, normalized);
      tenken_document_bind_text (stmt, 2, (note != NULL && *note != '\0') ? note : NULL);
      tenken_document_bind_text (stmt, 3, now);
      tenken_document_bind_text (stmt, 4, self->author);
      if (!tenken_document_step_done (stmt, error))
        goto failed;
      evidence_id = sqlite3_last_insert_rowid (self->db);

      if (!prepare (self->db, TENKEN_DOCUMENT_HISTORY_INSERT_SQL, &history, error) ||
          !tenken_document_add_history (history, now, self->author, item_id, "evidence.add",
                                        NULL, normalized, error))
        goto failed;
    }

  if (item_id != NULL &&
      !link_in_transaction (self->db, evidence_id, item_id, normalized, self->author, now,
                            found, &linked, error))
    goto failed;

  if (!tenken_document_commit (self->db, error))
    goto failed;

  return evidence_committed (self, evidence_id, item_ids);

failed:
  tenken_document_rollback (self->db);
  return NULL;
}

/* --- links --- */

/* Reads the name of @evidence_id inside the transaction; NOT_FOUND if none */
static char *
evidence_name (sqlite3     *db,
               gint64       evidence_id,
               char       **sha256,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found;

  if (!prepare (db, "SELECT name, sha256 FROM evidence WHERE id = ?1", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (!step_row (db, stmt, &found, error))
    return NULL;

  if (!found)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no evidence number %lld in this document."),
                   (long long) evidence_id);
      return NULL;
    }

  if (sha256 != NULL)
    *sha256 = g_strdup (tenken_document_column_text (stmt, 1));

  return g_strdup (tenken_document_column_text (stmt, 0));
}

gboolean
tenken_document_link_evidence (TenkenDocument  *self,
                               gint64           evidence_id,
                               const char      *item_id,
                               GError         **error)
{
  g_autofree char *name = NULL;
  g_autofree char *now = NULL;
  const char *item_ids[] = { item_id, NULL };
  gboolean linked;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  if (!tenken_document_check_writable (self, error) ||
      !check_item (self, item_id, error) ||
      !tenken_document_begin_edit (self->db, self->lock_token, self->display_name, error))
    return FALSE;

  now = tenken_document_timestamp_now ();
  name = evidence_name (self->db, evidence_id, NULL, error);
  if (name == NULL ||
      !link_in_transaction (self->db, evidence_id, item_id, name, self->author, now, TRUE, &linked, error) ||
      !tenken_document_commit (self->db, error))
    {
      tenken_document_rollback (self->db);
      return FALSE;
    }

  if (linked)
    evidence_committed_quietly (self, evidence_id, item_ids);

  return TRUE;
}

gboolean
tenken_document_unlink_evidence (TenkenDocument  *self,
                                 gint64           evidence_id,
                                 const char      *item_id,
                                 GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  g_autofree char *name = NULL;
  g_autofree char *now = NULL;
  const char *item_ids[] = { item_id, NULL };

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  if (!tenken_document_check_writable (self, error) ||
      !tenken_document_begin_edit (self->db, self->lock_token, self->display_name, error))
    return FALSE;

  now = tenken_document_timestamp_now ();
  name = evidence_name (self->db, evidence_id, NULL, error);
  if (name == NULL ||
      !prepare (self->db, "DELETE FROM evidence_links WHERE evidence_id = ?1 AND item_id = ?2", &stmt, error))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, evidence_id);
  tenken_document_bind_text (stmt, 2, item_id);
  if (!tenken_document_step_done (stmt, error))
    goto failed;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_FOUND,
                   _("“%s” is not linked to “%s”."), name, item_id);
      goto failed;
    }

  if (!prepare (self->db, TENKEN_DOCUMENT_HISTORY_INSERT_SQL, &history, error) ||
      !tenken_document_add_history (history, now, self->author, item_id, "evidence.unlink",
                                    name, NULL, error) ||
      !tenken_document_commit (self->db, error))
    goto failed;

  evidence_committed_quietly (self, evidence_id, item_ids);
  return TRUE;

failed:
  tenken_document_rollback (self->db);
  return FALSE;
}

/* Removes @evidence_id on @db, from any thread: the history rows, the row
 * (its links cascade), the blob if nothing else uses it, and the space.
 * Fills @item_ids with the items it backed. */
static gboolean
remove_on_connection (sqlite3     *db,
                      gint64       evidence_id,
                      const char  *author,
                      const char  *lock_token,
                      const char  *display_name,
                      GPtrArray   *item_ids,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *now = NULL;
  int rc;

  if (!tenken_document_begin_edit (db, lock_token, display_name, error))
    return FALSE;

  now = tenken_document_timestamp_now ();
  name = evidence_name (db, evidence_id, &sha256, error);
  if (name == NULL ||
      !prepare (db, "SELECT item_id FROM evidence_links WHERE evidence_id = ?1", &stmt, error))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, evidence_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (item_ids, g_strdup (tenken_document_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      tenken_document_set_sqlite_error (error, db, rc, _("Could not remove the evidence"));
      goto failed;
    }

  /* One history row per item it backed, so each item's history shows it */
  if (!prepare (db, TENKEN_DOCUMENT_HISTORY_INSERT_SQL, &history, error))
    goto failed;
  for (guint i = 0; i < MAX (item_ids->len, 1); i++)
    if (!tenken_document_add_history (history, now, author,
                                      i < item_ids->len ? g_ptr_array_index (item_ids, i) : NULL,
                                      "evidence.remove", name, NULL, error))
      goto failed;

  /* The links go with it (ON DELETE CASCADE) */
  if (!prepare (db, "DELETE FROM evidence WHERE id = ?1", &stmt, error))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (!tenken_document_step_done (stmt, error))
    goto failed;

  if (sha256 != NULL)
    {
      if (!prepare (db, "DELETE FROM blobs WHERE sha256 = ?1 AND"
                        " NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = ?1)", &stmt, error))
        goto failed;
      tenken_document_bind_text (stmt, 1, sha256);
      if (!tenken_document_step_done (stmt, error))
        goto failed;
    }

  if (!tenken_document_commit (db, error))
    goto failed;

  /* Give the space back, so a removed file does not travel with the
   * document; secure_delete has already zeroed it */
  sqlite3_exec (db, "PRAGMA incremental_vacuum;", NULL, NULL, NULL);
  return TRUE;

failed:
  g_ptr_array_set_size (item_ids, 0);
  tenken_document_rollback (db);
  return FALSE;
}

gboolean
tenken_document_remove_evidence (TenkenDocument  *self,
                                 gint64           evidence_id,
                                 GError         **error)
{
  g_autoptr(GPtrArray) item_ids = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), FALSE);

  if (!tenken_document_check_writable (self, error) ||
      !remove_on_connection (self->db, evidence_id, self->author, self->lock_token,
                             self->display_name, item_ids, error))
    return FALSE;

  g_ptr_array_add (item_ids, NULL);
  evidence_committed_quietly (self, evidence_id, (const char * const *) item_ids->pdata);
  return TRUE;
}

typedef struct
{
  gint64     evidence_id;
  char      *author;
  char      *lock_token;
  char      *display_name;
  GPtrArray *item_ids;
} RemoveJob;

static void
remove_job_free (RemoveJob *job)
{
  g_free (job->author);
  g_free (job->lock_token);
  g_free (job->display_name);
  g_ptr_array_unref (job->item_ids);
  g_free (job);
}

static void
remove_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RemoveJob *job = task_data;
  g_autoptr(sqlite3) db = NULL;
  GError *error = NULL;

  /* Its own connection, like adding a file: deleting (and zeroing) a large
   * blob takes a while, and the window stays responsive meanwhile */
  db = tenken_document_open_worker_connection (source_object, &error);
  if (db != NULL &&
      remove_on_connection (db, job->evidence_id, job->author, job->lock_token,
                            job->display_name, job->item_ids, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Runs in the main context: the live list and counts change here only,
 * before the caller's callback sees the result */
static void
remove_thread_done (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  TenkenDocument *self = TENKEN_DOCUMENT (source_object);
  g_autoptr(GTask) outer = user_data;
  RemoveJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  if (self->db != NULL)
    {
      g_ptr_array_add (job->item_ids, NULL);
      evidence_committed_quietly (self, job->evidence_id, (const char * const *) job->item_ids->pdata);
    }
  g_task_return_boolean (outer, TRUE);
}

void
tenken_document_remove_evidence_async (TenkenDocument      *self,
                                       gint64               evidence_id,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;
  RemoveJob *job;

  g_return_if_fail (TENKEN_IS_DOCUMENT (self));

  outer = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (outer, tenken_document_remove_evidence_async);

  if (!tenken_document_check_writable (self, &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  job = g_new0 (RemoveJob, 1);
  job->evidence_id = evidence_id;
  job->author = g_strdup (self->author);
  job->lock_token = g_strdup (self->lock_token);
  job->display_name = g_strdup (self->display_name);
  job->item_ids = g_ptr_array_new_with_free_func (g_free);

  inner = g_task_new (self, NULL, remove_thread_done, g_steal_pointer (&outer));
  g_task_set_task_data (inner, job, (GDestroyNotify) remove_job_free);
  g_task_run_in_thread (inner, remove_thread);
}

gboolean
tenken_document_remove_evidence_finish (TenkenDocument  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- reading --- */

GListModel *
tenken_document_list_evidence (TenkenDocument *self)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->evidence);
}

GListModel *
tenken_document_list_item_evidence (TenkenDocument *self,
                                    const char     *item_id)
{
  GListStore *store;
  GListModel *all;
  guint n;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  /* The live list knows every link already: no query needed */
  store = g_list_store_new (TENKEN_TYPE_EVIDENCE);
  all = G_LIST_MODEL (self->evidence);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenEvidence) evidence = g_list_model_get_item (all, i);
      g_auto(GStrv) item_ids = tenken_evidence_dup_item_ids (evidence);

      if (g_strv_contains ((const char * const *) item_ids, item_id))
        g_list_store_append (store, evidence);
    }

  return G_LIST_MODEL (store);
}

/* Opens the content of file evidence @evidence_id on @db for reading */
static GInputStream *
open_blob_on (sqlite3  *db,
              GObject  *owner,
              gint64    evidence_id,
              goffset  *size,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3_blob *blob = NULL;
  gint64 rowid;
  int rc;

  if (!prepare (db, "SELECT b.rowid FROM evidence e JOIN blobs b ON b.sha256 = e.sha256"
                    " WHERE e.id = ?1", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no file evidence number %lld in this document."),
                   (long long) evidence_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      tenken_document_set_sqlite_error (error, db, rc, _("Could not read the evidence"));
      return NULL;
    }
  rowid = sqlite3_column_int64 (stmt, 0);

  rc = sqlite3_blob_open (db, "main", "blobs", "data", rowid, 0, &blob);
  if (rc != SQLITE_OK)
    {
      tenken_document_set_sqlite_error (error, db, rc, _("Could not read the evidence"));
      return NULL;
    }

  if (size != NULL)
    *size = sqlite3_blob_bytes (blob);
  return tenken_blob_input_stream_new (blob, owner);
}

GInputStream *
tenken_document_open_evidence (TenkenDocument  *self,
                               gint64           evidence_id,
                               GError         **error)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), NULL);

  if (self->db == NULL)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                   _("“%s” is closed."), self->display_name);
      return NULL;
    }
  return open_blob_on (self->db, G_OBJECT (self), evidence_id, NULL, error);
}

/* The whole extraction on connection @db, from any thread */
static gboolean
extract_on_connection (sqlite3       *db,
                       GObject       *owner,
                       FileJob       *job,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GFileOutputStream) output = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) tmp = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *tmp_name = NULL;
  goffset size = 0;
  goffset done = 0;

  input = open_blob_on (db, owner, job->evidence_id, &size, error);
  if (input == NULL)
    return FALSE;

  /* Written beside the destination and moved over it at the end: it is
   * either the old file or the complete new one, never half */
  parent = g_file_get_parent (job->file);
  basename = g_file_get_basename (job->file);
  tmp_name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
  tmp = parent ? g_file_get_child (parent, tmp_name) : NULL;
  if (tmp == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, _("Choose a file to save to."));
      return FALSE;
    }

  output = g_file_create (tmp, G_FILE_CREATE_PRIVATE, cancellable, error);
  if (output == NULL)
    return FALSE;

  report_progress (job, 0, size);
  buffer = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      gssize n = g_input_stream_read (input, buffer, CHUNK_SIZE, cancellable, error);

      if (n < 0)
        goto failed;
      if (n == 0)
        break;

      g_checksum_update (checksum, buffer, (gsize) n);
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (output), buffer, (gsize) n, NULL, cancellable, error))
        goto failed;
      done += n;
      report_progress (job, done, size);
    }

  if (job->sha256 != NULL && !g_str_equal (job->sha256, g_checksum_get_string (checksum)))
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_CORRUPT,
                   _("The stored copy of this evidence is damaged: it does not match its checksum. "
                     "Nothing was saved. Run a document check, and restore a backup."));
      goto failed;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (output), cancellable, error) ||
      !g_file_move (tmp, job->file, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, error))
    goto failed;

  return TRUE;

failed:
  g_output_stream_close (G_OUTPUT_STREAM (output), NULL, NULL);
  g_file_delete (tmp, NULL, NULL);
  return FALSE;
}

static FileJob *
extract_job_new (TenkenDocument  *self,
                 gint64           evidence_id,
                 GFile           *dest,
                 GError         **error)
{
  FileJob *job;
  guint position;

  if (self->db == NULL)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO,
                   _("“%s” is closed."), self->display_name);
      return NULL;
    }

  job = g_atomic_rc_box_new0 (FileJob);
  job->file = g_object_ref (dest);
  job->evidence_id = evidence_id;
  job->display_name = g_file_get_parse_name (dest);
  if (find_evidence_position (self, evidence_id, &position))
    {
      g_autoptr(TenkenEvidence) evidence = g_list_model_get_item (G_LIST_MODEL (self->evidence), position);

      job->sha256 = g_strdup (tenken_evidence_get_sha256 (evidence));
    }
  return job;
}

gboolean
tenken_document_extract_evidence (TenkenDocument  *self,
                                  gint64           evidence_id,
                                  GFile           *dest,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(FileJob) job = NULL;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);

  job = extract_job_new (self, evidence_id, dest, error);
  return job != NULL && extract_on_connection (self->db, G_OBJECT (self), job, cancellable, error);
}

static void
extract_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  FileJob *job = task_data;
  g_autoptr(sqlite3) db = NULL;
  GError *error = NULL;
  gboolean ok = FALSE;

  /* Its own connection, so the document can go on being edited (or be
   * closed) meanwhile; the blob stream is gone before the connection */
  db = tenken_document_open_reader_connection (source_object, &error);
  if (db != NULL)
    ok = extract_on_connection (db, NULL, job, cancellable, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* In the main context, after the progress reports queued before it: no
 * report reaches the caller once its callback has run */
static void
extract_thread_done (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  FileJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  g_atomic_int_set (&job->finished, TRUE);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

void
tenken_document_extract_evidence_async (TenkenDocument        *self,
                                        gint64                 evidence_id,
                                        GFile                 *dest,
                                        GFileProgressCallback  progress,
                                        gpointer               progress_data,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data)
{
  g_autoptr(GTask) outer = NULL;
  FileJob *job;
  GError *error = NULL;

  g_return_if_fail (TENKEN_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (dest));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, tenken_document_extract_evidence_async);

  job = extract_job_new (self, evidence_id, dest, &error);
  if (job == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  job->progress = progress;
  job->progress_data = progress_data;
  run_file_job (self, job, cancellable, extract_thread, extract_thread_done, g_steal_pointer (&outer));
}

gboolean
tenken_document_extract_evidence_finish (TenkenDocument  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- checking --- */

gboolean
tenken_document_check_blobs (TenkenDocument  *self,
                             GPtrArray       *problems,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tenken_document_prepare (self,
                                  "SELECT b.rowid, b.sha256, b.size, length (b.data),"
                                  " (SELECT group_concat (e.name, ', ') FROM evidence e WHERE e.sha256 = b.sha256)"
                                  " FROM blobs b ORDER BY b.rowid",
                                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      const char *sha256 = tenken_document_column_text (stmt, 1);
      const char *names = tenken_document_column_text (stmt, 4);
      gint64 size = sqlite3_column_int64 (stmt, 2);
      int length = sqlite3_column_int (stmt, 3);
      sqlite3_blob *blob = NULL;

      if (names == NULL)
        names = _("(not used by any evidence)");

      if (size != length)
        {
          g_ptr_array_add (problems,
                           g_strdup_printf (_("Evidence content %.12s… (%s) should be %lld bytes long but is %d."),
                                            sha256, names, (long long) size, length));
          continue;
        }

      rc = sqlite3_blob_open (self->db, "main", "blobs", "data", sqlite3_column_int64 (stmt, 0), 0, &blob);
      for (int offset = 0; rc == SQLITE_OK && offset < length; offset += CHUNK_SIZE)
        {
          int n = MIN (CHUNK_SIZE, length - offset);

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              sqlite3_blob_close (blob);
              sqlite3_reset (stmt);
              return FALSE;
            }

          rc = sqlite3_blob_read (blob, buffer, n, offset);
          if (rc == SQLITE_OK)
            g_checksum_update (checksum, buffer, (gsize) n);
        }
      sqlite3_blob_close (blob);

      if (rc != SQLITE_OK)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("Evidence content %.12s… (%s) cannot be read: %s"),
                                          sha256, names, sqlite3_errstr (rc)));
      else if (g_strcmp0 (g_checksum_get_string (checksum), sha256) != 0)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("Evidence content %.12s… (%s) does not match its SHA-256 "
                                            "checksum: it was changed or damaged."),
                                          sha256, names));
    }

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CORRUPT)
        {
          g_ptr_array_add (problems, g_strdup_printf (_("Database structure: %s"), sqlite3_errstr (rc)));
          return TRUE;
        }
      tenken_document_set_sqlite_error (error, self->db, rc, _("Could not check the document"));
      return FALSE;
    }

  /* Evidence rows must agree with their content's size */
  stmt = tenken_document_prepare (self,
                                  "SELECT e.name FROM evidence e JOIN blobs b ON b.sha256 = e.sha256"
                                  " WHERE e.size <> b.size",
                                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("The size recorded for evidence “%s” does not match its content."),
                                      tenken_document_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  return TRUE;
}
