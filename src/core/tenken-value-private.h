/* tenken-value-private.h: small helpers shared by the document's value objects
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces *@field with a copy of @value, storing NULL for "" so that "no
 * value" has one representation (the file stores NULL). TRUE when it changed. */
gboolean tenken_value_set_string (char       **field,
                                  const char  *value);
/* NULL, "" or only white space */
gboolean tenken_value_is_blank   (const char  *value);
/* NULL or a valid "YYYY-MM-DD"; otherwise an INVALID error naming @field_name */
gboolean tenken_value_check_date (const char  *value,
                                  const char  *field_name,
                                  GError     **error);

G_END_DECLS
