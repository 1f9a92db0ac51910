/* tenken-blob-input-stream.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tenken-blob-input-stream.h"
#include "tenken-document.h"

struct _TenkenBlobInputStream
{
  GInputStream  parent_instance;

  sqlite3_blob *blob;
  GObject      *owner;
  int           offset;
  int           size;
};

G_DEFINE_FINAL_TYPE (TenkenBlobInputStream, tenken_blob_input_stream, G_TYPE_INPUT_STREAM)

static gssize
tenken_blob_input_stream_read (GInputStream  *stream,
                               void          *buffer,
                               gsize          count,
                               GCancellable  *cancellable,
                               GError       **error)
{
  TenkenBlobInputStream *self = TENKEN_BLOB_INPUT_STREAM (stream);
  int n = (int) MIN (count, (gsize) (self->size - self->offset));
  int rc;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  if (n == 0)
    return 0;

  /* The connection is opened with SQLITE_OPEN_FULLMUTEX, so reading from
   * another thread (read_async's default) is safe */
  rc = sqlite3_blob_read (self->blob, buffer, n, self->offset);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR,
                   rc == SQLITE_CORRUPT ? TENKEN_DOCUMENT_ERROR_CORRUPT : TENKEN_DOCUMENT_ERROR_IO,
                   _("Could not read the evidence: %s"), sqlite3_errstr (rc));
      return -1;
    }

  self->offset += n;
  return n;
}

static gboolean
tenken_blob_input_stream_close (GInputStream  *stream,
                                GCancellable  *cancellable,
                                GError       **error)
{
  TenkenBlobInputStream *self = TENKEN_BLOB_INPUT_STREAM (stream);

  g_clear_pointer (&self->blob, sqlite3_blob_close);
  g_clear_object (&self->owner);

  return TRUE;
}

static void
tenken_blob_input_stream_finalize (GObject *object)
{
  TenkenBlobInputStream *self = (TenkenBlobInputStream *)object;

  g_clear_pointer (&self->blob, sqlite3_blob_close);
  g_clear_object (&self->owner);

  G_OBJECT_CLASS (tenken_blob_input_stream_parent_class)->finalize (object);
}

static void
tenken_blob_input_stream_class_init (TenkenBlobInputStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = tenken_blob_input_stream_finalize;
  stream_class->read_fn = tenken_blob_input_stream_read;
  stream_class->close_fn = tenken_blob_input_stream_close;
}

static void
tenken_blob_input_stream_init (TenkenBlobInputStream *self)
{
}

GInputStream *
tenken_blob_input_stream_new (sqlite3_blob *blob,
                              GObject      *owner)
{
  TenkenBlobInputStream *self;

  g_return_val_if_fail (blob != NULL, NULL);

  self = g_object_new (TENKEN_TYPE_BLOB_INPUT_STREAM, NULL);
  self->blob = blob;
  self->owner = owner ? g_object_ref (owner) : NULL;
  self->size = sqlite3_blob_bytes (blob);

  return G_INPUT_STREAM (self);
}
