/* tenken-output-private.h: atomic output files (internal)
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * An output written in full to a temporary file in the destination's
 * directory, then renamed over it. Until tenken_output_commit() succeeds the
 * destination is untouched; tenken_output_free() without a commit deletes
 * the temporary file. Errors use @domain and @io_code, so each module keeps
 * its own error domain:
 *
 *   g_autoptr(TenkenOutput) out = tenken_output_new (file, MY_ERROR, MY_ERROR_IO, error);
 *   if (out == NULL) return FALSE;
 *   … write tenken_output_get_temp_path (out), or tenken_output_write (out, …)
 *   return tenken_output_commit (out, error);
 */
typedef struct _TenkenOutput TenkenOutput;

TenkenOutput *tenken_output_new            (GFile         *destination,
                                            GQuark         domain,
                                            int            io_code,
                                            GError       **error);
/* For libraries that write by file name (cairo, libxlsxwriter) */
const char   *tenken_output_get_temp_path  (TenkenOutput  *self);
gboolean      tenken_output_write          (TenkenOutput  *self,
                                            const void    *data,
                                            gsize          len,
                                            GError       **error);
/* Sets @error to the write failure @saved_errno for the destination, in the
 * words tenken_output_write() uses: for libraries that write by name */
void          tenken_output_set_error      (TenkenOutput  *self,
                                            int            saved_errno,
                                            GError       **error);
/* Flushes to disk and renames over the destination */
gboolean      tenken_output_commit         (TenkenOutput  *self,
                                            GError       **error);
void          tenken_output_free           (TenkenOutput  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenkenOutput, tenken_output_free)

G_END_DECLS
