/* tenken-fuzz.h: shared by the fuzz targets
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stddef.h>

G_BEGIN_DECLS

/* The libFuzzer entry point each target defines; replay-main.c calls it too */
int  LLVMFuzzerTestOneInput (const guint8 *data,
                             size_t        size);

/* Once per process: keep GLib quiet about the expected warnings of bad input,
 * while criticals (API misuse, a real bug) still abort */
void tenken_fuzz_init       (void);

G_END_DECLS
