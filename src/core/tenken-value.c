/* tenken-value.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tenken-document.h"
#include "tenken-value-private.h"

gboolean
tenken_value_set_string (char       **field,
                         const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
tenken_value_is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

gboolean
tenken_value_check_date (const char  *value,
                         const char  *field_name,
                         GError     **error)
{
  if (value == NULL || tenken_date_is_valid (value))
    return TRUE;

  g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID,
               /* Translators: the first %s is a field name ("target date"), the second what was entered */
               _("The %s “%s” is not a valid date. Use the form YYYY-MM-DD, for example 2026-03-31."),
               field_name, value);
  return FALSE;
}
