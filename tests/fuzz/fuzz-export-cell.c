/* fuzz-export-cell.c: spreadsheet cell escaping (CSV and XLSX exports)
 *
 * tenken_export_neutralize_cell() on any text: the result is the text, or
 * the text behind one apostrophe when it starts like a formula (=, +, -, @,
 * tab, CR); nothing is dropped, and no result starts like a formula.
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-fuzz"

#include "config.h"

#include <string.h>

#include "tenken-core.h"
#include "tenken-export.h"
#include "tenken-fuzz.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* Cells are C strings: the text up to the first NUL */
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *cell = NULL;
  gboolean formula;

  tenken_fuzz_init ();
  cell = tenken_export_neutralize_cell (text);
  g_assert (cell != NULL);

  formula = text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
  if (formula)
    {
      g_assert (cell[0] == '\'');
      g_assert (strcmp (cell + 1, text) == 0);
    }
  else
    g_assert (strcmp (cell, text) == 0);
  g_assert (cell[0] == '\0' || strchr ("=+-@\t\r", cell[0]) == NULL);

  return 0;
}
