/* tenken-document.h: one assessment in one SQLite file (.tenken)
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tenken-catalog.h"
#include "tenken-evidence.h"
#include "tenken-history-entry.h"
#include "tenken-response.h"
#include "tenken-scope.h"

G_BEGIN_DECLS

/*
 * The file: an SQLite 3 database (application_id "TNKN", user_version =
 * schema version; tables described in tenken-document-schema.c). Every edit
 * is one BEGIN IMMEDIATE … COMMIT transaction together with its history
 * rows; the live objects change only after the commit. WAL journal with
 * synchronous = FULL: an edit that returned TRUE survives a crash of Tenken
 * and a power cut. Closing checkpoints the WAL away, so a closed .tenken is
 * one self-contained file that can be mailed.
 *
 * Concurrent use: one editor, any number of readers.
 *  - Opening for editing takes an edit lock stored in the file (pid, host,
 *    user, since, boot id, process start, inode). A second open for editing
 *    fails with IN_USE, naming who has it and since when, unless the lock is
 *    stale: holder on this host and its process gone (or the machine was
 *    rebooted), or the file is a copy of the locked one (other inode).
 *    TENKEN_DOCUMENT_OPEN_TAKE_OVER takes it anyway; the window that lost it
 *    then fails every edit with IN_USE (each edit re-checks the lock inside
 *    its transaction), so two editors never interleave.
 *  - READ_ONLY opens neither take nor check the lock, never migrate, and
 *    never change the .tenken file. In a writable folder SQLite creates the
 *    usual -wal/-shm side files to read safely while someone else edits
 *    (the next editor to close removes them); in a read-only folder the file
 *    is read in immutable mode without them (if an unfinished -wal is there,
 *    the open fails and says to copy both files somewhere writable).
 *  - Opening for editing a file or folder that cannot be written opens it
 *    read-only instead; tenken_document_get_read_only_reason() says why, and
 *    edits fail with READ_ONLY carrying that sentence.
 *  - Network shares: SQLite's WAL needs shared memory on one machine, so
 *    editing a document on a share from two machines is not supported; the
 *    lock makes the second one fail with IN_USE instead of corrupting it.
 *  - Within one process use one TenkenDocument per file (the lock refuses a
 *    second editor in the same process too). The evidence worker thread uses
 *    its own connection and holds the write lock only while copying the
 *    file in; main-thread edits made meanwhile wait up to 5 s (busy
 *    timeout), then fail with IO ("busy … try again"), changing nothing.
 */

#define TENKEN_DOCUMENT_ERROR (tenken_document_error_quark ())

typedef enum
{
  TENKEN_DOCUMENT_ERROR_IO,           /* reading or writing failed (disk full, permissions …) */
  TENKEN_DOCUMENT_ERROR_NOT_TENKEN,   /* not a Tenken document (other SQLite file, PNG, …) */
  TENKEN_DOCUMENT_ERROR_CORRUPT,      /* a Tenken document that is damaged */
  TENKEN_DOCUMENT_ERROR_TOO_NEW,      /* written by a newer Tenken */
  TENKEN_DOCUMENT_ERROR_IN_USE,       /* open for editing in another process */
  TENKEN_DOCUMENT_ERROR_READ_ONLY,    /* an edit on a document opened read-only */
  TENKEN_DOCUMENT_ERROR_EXISTS,       /* create() over an existing file */
  TENKEN_DOCUMENT_ERROR_NOT_FOUND,    /* unknown item or evidence */
  TENKEN_DOCUMENT_ERROR_INVALID,      /* a value breaking the rules (status rules, dates …) */
} TenkenDocumentError;

GQuark tenken_document_error_quark (void);

/* The file's PRAGMA application_id: "TNKN" */
#define TENKEN_DOCUMENT_APPLICATION_ID 0x544e4b4e
/* The current PRAGMA user_version */
#define TENKEN_DOCUMENT_SCHEMA_VERSION 1

typedef enum /*< flags >*/
{
  TENKEN_DOCUMENT_OPEN_NONE      = 0,
  /* Never writes (no migration, no lock); edits fail with READ_ONLY */
  TENKEN_DOCUMENT_OPEN_READ_ONLY = 1 << 0,
  /* Takes the edit lock even if another Tenken holds it (after asking the
   * person: “Open anyway?”); that other window can no longer save */
  TENKEN_DOCUMENT_OPEN_TAKE_OVER = 1 << 1,
} TenkenDocumentOpenFlags;

#define TENKEN_TYPE_DOCUMENT (tenken_document_get_type ())
G_DECLARE_FINAL_TYPE (TenkenDocument, tenken_document, TENKEN, DOCUMENT, GObject)

/* Creates a new document at @file (which must not exist) holding a snapshot
 * of @catalog and @scope. Written to a temporary file and renamed, so a
 * failure leaves nothing behind. */
TenkenDocument *tenken_document_create        (GFile                   *file,
                                               TenkenCatalog           *catalog,
                                               TenkenScope             *scope,
                                               GError                 **error);
/* Opens, migrates older schema versions (in one transaction), refuses newer
 * ones, and takes the edit lock unless READ_ONLY. */
TenkenDocument *tenken_document_open          (GFile                   *file,
                                               TenkenDocumentOpenFlags  flags,
                                               GError                 **error);
/* Releases the lock and closes the database; further calls fail. Also done
 * on finalize. */
void            tenken_document_close         (TenkenDocument          *self);

GFile          *tenken_document_get_file      (TenkenDocument *self);
gboolean        tenken_document_is_read_only  (TenkenDocument *self);
/* The catalog snapshot stored in the document */
TenkenCatalog  *tenken_document_get_catalog   (TenkenDocument *self);
/* Who edits get attributed to; defaults to g_get_real_name() (else user name) */
const char     *tenken_document_get_author    (TenkenDocument *self);
void            tenken_document_set_author    (TenkenDocument *self,
                                               const char     *author);
GDateTime      *tenken_document_get_created_at (TenkenDocument *self);
/* Why edits are refused (opened read-only, file or folder not writable), a
 * sentence for people; NULL when the document is editable */
const char     *tenken_document_get_read_only_reason (TenkenDocument *self);

/* Scope: a copy; change it and set it back (one transaction, history per field) */
TenkenScope    *tenken_document_dup_scope     (TenkenDocument  *self);
gboolean        tenken_document_set_scope     (TenkenDocument  *self,
                                               TenkenScope     *scope,
                                               GError         **error);

/* One live TenkenResponse per catalog item, in catalog order */
GListModel     *tenken_document_get_responses (TenkenDocument *self);
TenkenResponse *tenken_document_get_response  (TenkenDocument *self,
                                               const char     *item_id);
TenkenResponse *tenken_document_get_response_by_label (TenkenDocument *self,
                                                       const char     *label);
/* Validates @response (a copy, see tenken_response_copy()), writes the fields
 * that differ from the stored ones plus a history entry each, all in one
 * transaction, then updates the live response (emitting notify). A no-op
 * when nothing differs. */
gboolean        tenken_document_set_response  (TenkenDocument  *self,
                                               TenkenResponse  *response,
                                               GError         **error);

/* Evidence. Files are copied into the document (streamed through SQLite's
 * incremental blob I/O, never read whole into memory) and deduplicated by
 * SHA-256. If @item_id is non-NULL the new evidence is linked to it in the same
 * transaction. @collected is "YYYY-MM-DD" or NULL.
 * Same content under another name: a new evidence row sharing the stored
 * content. Same name and content as existing evidence: that evidence is
 * returned (and linked to @item_id if it was not yet); nothing is copied
 * again. The name is the file's base name, a label only (control
 * characters become spaces). Progress counts hashing and copying, so total
 * is twice the file size. */
TenkenEvidence *tenken_document_add_evidence_file   (TenkenDocument        *self,
                                                     GFile                 *file,
                                                     const char            *item_id,
                                                     const char            *note,
                                                     const char            *collected,
                                                     GFileProgressCallback  progress,
                                                     gpointer               progress_data,
                                                     GCancellable          *cancellable,
                                                     GError               **error);
/* The same in a worker thread; @progress is called in the main context */
void            tenken_document_add_evidence_file_async  (TenkenDocument        *self,
                                                          GFile                 *file,
                                                          const char            *item_id,
                                                          const char            *note,
                                                          const char            *collected,
                                                          GFileProgressCallback  progress,
                                                          gpointer               progress_data,
                                                          GCancellable          *cancellable,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
TenkenEvidence *tenken_document_add_evidence_file_finish (TenkenDocument  *self,
                                                          GAsyncResult    *result,
                                                          GError         **error);
/* Only http and https URLs (with a host); anything else is INVALID. The
 * same URL added again returns the existing evidence (linked to @item_id) */
TenkenEvidence *tenken_document_add_evidence_url    (TenkenDocument  *self,
                                                     const char      *url,
                                                     const char      *item_id,
                                                     const char      *note,
                                                     GError         **error);
gboolean        tenken_document_link_evidence       (TenkenDocument  *self,
                                                     gint64           evidence_id,
                                                     const char      *item_id,
                                                     GError         **error);
gboolean        tenken_document_unlink_evidence     (TenkenDocument  *self,
                                                     gint64           evidence_id,
                                                     const char      *item_id,
                                                     GError         **error);
/* Removes the evidence and its links; the blob goes when nothing uses it */
gboolean        tenken_document_remove_evidence     (TenkenDocument  *self,
                                                     gint64           evidence_id,
                                                     GError         **error);
/* The same in a thread on its own connection (a large blob takes a while to
 * delete and zero); the live lists change before @callback runs */
void            tenken_document_remove_evidence_async  (TenkenDocument       *self,
                                                        gint64                evidence_id,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean        tenken_document_remove_evidence_finish (TenkenDocument       *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
/* All evidence (TenkenEvidence), by id */
GListModel     *tenken_document_list_evidence       (TenkenDocument  *self);
/* Evidence linked to one item, a new snapshot model */
GListModel     *tenken_document_list_item_evidence  (TenkenDocument  *self,
                                                     const char      *item_id);
/* Reads a file evidence's content (streams from the blob) */
GInputStream   *tenken_document_open_evidence       (TenkenDocument  *self,
                                                     gint64           evidence_id,
                                                     GError         **error);
/* Writes a file evidence's content to @dest (atomically) */
gboolean        tenken_document_extract_evidence    (TenkenDocument  *self,
                                                     gint64           evidence_id,
                                                     GFile           *dest,
                                                     GCancellable    *cancellable,
                                                     GError         **error);
/* The same in a thread, with @progress called in the calling thread's
 * main context; the document stays usable (and closable) meanwhile */
void            tenken_document_extract_evidence_async  (TenkenDocument        *self,
                                                         gint64                 evidence_id,
                                                         GFile                 *dest,
                                                         GFileProgressCallback  progress,
                                                         gpointer               progress_data,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
gboolean        tenken_document_extract_evidence_finish (TenkenDocument        *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);

/* History, newest first (TenkenHistoryEntry); @item_id NULL for all */
GListModel     *tenken_document_list_history        (TenkenDocument  *self,
                                                     const char      *item_id);

/* Counts of responses per status (indexed by TenkenStatus) over the items
 * that apply to @roles (0 = all items), optionally below @group only.
 * Returns the total. */
guint           tenken_document_count_statuses      (TenkenDocument     *self,
                                                     TenkenCatalogNode  *group,
                                                     TenkenRoles         roles,
                                                     guint               counts[TENKEN_N_STATUSES]);

/* Full check: schema objects present, PRAGMA integrity_check, foreign keys,
 * the catalog snapshot's hash, every evidence blob re-hashed. Each problem is
 * appended to @problems (one human-readable line each). TRUE when none. */
gboolean        tenken_document_check               (TenkenDocument  *self,
                                                     GPtrArray       *problems,
                                                     GCancellable    *cancellable,
                                                     GError         **error);

/* Signals:
 *  "changed" (const char *item_id_or_NULL): after any committed change
 *  "evidence-changed" (): evidence added, removed, linked or unlinked
 */

G_END_DECLS
