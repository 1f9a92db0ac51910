/* tenken-blob-input-stream.h: reads an SQLite blob incrementally
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define TENKEN_TYPE_BLOB_INPUT_STREAM (tenken_blob_input_stream_get_type ())
G_DECLARE_FINAL_TYPE (TenkenBlobInputStream, tenken_blob_input_stream, TENKEN, BLOB_INPUT_STREAM, GInputStream)

/* Takes @blob; @owner (the document) is kept alive while the stream is */
GInputStream *tenken_blob_input_stream_new (sqlite3_blob *blob,
                                            GObject      *owner);

G_END_DECLS
