/* tenken-test-util.h: helpers for the export tests (header-only)
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

/* Runs a tool given by an environment variable that meson sets to the
 * program's path; skips the calling test when the tool is missing. */
static inline char *
tenken_test_run_tool (const char  *env_var,
                      const char **args)
{
  const char *tool = g_getenv (env_var);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  if (tool == NULL || *tool == '\0')
    {
      g_test_skip_printf ("%s not set", env_var);
      return NULL;
    }

  g_ptr_array_add (argv, (char *) tool);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", tool, err);
  return out;
}

static inline char *
tenken_test_pdftotext (const char *pdf)
{
  /* -raw: text in drawing order, so wrapped lines of a cell stay together */
  const char *args[] = { "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  char *text = tenken_test_run_tool ("TENKEN_PDFTOTEXT", args);

  return text != NULL ? text : g_strdup ("");
}

static inline char *
tenken_test_pdffonts (const char *pdf)
{
  const char *args[] = { pdf, NULL };

  return tenken_test_run_tool ("TENKEN_PDFFONTS", args);
}

static inline guint
tenken_test_count (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* pdffonts prints: name type encoding emb sub uni object ID; the "emb"
 * column is the 4th from the right */
static inline void
tenken_test_assert_fonts_embedded (const char *pdffonts_output)
{
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;

  if (pdffonts_output == NULL)
    return;

  lines = g_strsplit (pdffonts_output, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint j = 0; fields[j] != NULL; j++)
        if (*fields[j] != '\0')
          g_ptr_array_add (words, fields[j]);
      if (words->len < 6)
        continue;

      n_fonts++;
      if (!g_str_equal (g_ptr_array_index (words, words->len - 5), "yes"))
        g_error ("font not embedded: %s", lines[i]);
    }

  g_assert_cmpuint (n_fonts, >, 0);
}
