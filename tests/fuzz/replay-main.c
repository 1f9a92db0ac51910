/* replay-main.c: runs a fuzz target over a corpus without libFuzzer
 *
 * Linked with each target in the normal (gcc) build, so that
 * `meson test --suite fuzz` replays every committed corpus file through the
 * same code the fuzzer exercises. Arguments are files or directories.
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-fuzz"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tenken-fuzz.h"

static guint n_replayed;

static void
replay_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "replay: %s\n", error->message);
      exit (EXIT_FAILURE);
    }
  /* Announce first: if the target crashes, the last line names the input */
  printf ("replay: %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  fflush (stdout);
  LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
  n_replayed++;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
replay_path (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      fprintf (stderr, "replay: cannot read the directory %s\n", path);
      exit (EXIT_FAILURE);
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  /* A stable order, so that a failure is reproducible */
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    replay_path (g_ptr_array_index (names, i));
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s CORPUS-DIR-OR-FILE…\n", argv[0]);
      return EXIT_FAILURE;
    }

  for (int i = 1; i < argc; i++)
    replay_path (argv[i]);

  if (n_replayed == 0)
    {
      fprintf (stderr, "replay: no input found in the corpus\n");
      return EXIT_FAILURE;
    }
  printf ("replay: %u inputs, no crash\n", n_replayed);
  return EXIT_SUCCESS;
}
