/* tenken-export-csv.c: RFC 4180 CSV, one row per item
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-export"

#include "config.h"

#include <string.h>

#include "tenken-export-private.h"

/* RFC 4180: a field with a comma, quote, CR or LF is quoted and its quotes
 * doubled. Cells are neutralised first so no spreadsheet runs a formula. */
static void
append_field (GString    *line,
              const char *text)
{
  g_autofree char *safe = tenken_export_neutralize_cell (text);

  if (strpbrk (safe, ",\"\r\n") == NULL)
    {
      g_string_append (line, safe);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = safe; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

gboolean
tenken_export_write_csv (TenkenReport     *report,
                         TenkenOutput     *output,
                         TenkenExportJob  *job,
                         GError          **error)
{
  GPtrArray *responses = tenken_report_get_responses (report);
  g_autoptr(GString) buffer = g_string_new ("\xef\xbb\xbf");  /* BOM: Excel reads UTF-8 then */

  for (guint c = 0; c < TENKEN_N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (buffer, ',');
      append_field (buffer, tenken_export_column_title (report, c));
    }
  g_string_append (buffer, "\r\n");

  for (guint i = 0; i < responses->len; i++)
    {
      g_auto(GStrv) cells = tenken_export_row_cells (report, g_ptr_array_index (responses, i));

      for (guint c = 0; c < TENKEN_N_COLUMNS; c++)
        {
          if (c > 0)
            g_string_append_c (buffer, ',');
          append_field (buffer, cells[c]);
        }
      g_string_append (buffer, "\r\n");

      if (buffer->len > 64 * 1024)
        {
          if (!tenken_output_write (output, buffer->str, buffer->len, error))
            return FALSE;
          g_string_truncate (buffer, 0);
        }

      if (tenken_export_job_cancelled (job, error))
        return FALSE;
      tenken_export_job_progress (job, (double) (i + 1) / responses->len);
    }

  return tenken_output_write (output, buffer->str, buffer->len, error);
}
