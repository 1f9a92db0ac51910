/* test-crash.c: every edit reported as committed survives SIGKILL
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs crash-child (argv[1]) 100 times on one document, killing it after a
 * random delay. After each kill the document must open (taking over the
 * dead child's edit lock), pass check(), and hold for every item the last
 * statement reported COMMITTED — except that the one edit in flight (a TRY
 * line without its COMMITTED) may or may not have landed: the commit can
 * finish after the kill signal is sent but before the line is written.
 */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "document-test-util.h"

#define N_RUNS 100

static const char *child_path;

static void
check_run (const char *path,
           GHashTable *expected,
           const char *output,
           guint       run)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  g_autofree char *inflight_item = NULL;
  g_autofree char *inflight_statement = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n_committed = 0;

  /* The last element is the text after the final newline: a cut line */
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 4);

      if (g_str_equal (fields[0], "ERROR"))
        g_error ("run %u: child failed: %s", run, lines[i]);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      if (g_str_equal (fields[0], "TRY"))
        {
          g_free (inflight_item);
          g_free (inflight_statement);
          inflight_item = g_strdup (fields[2]);
          inflight_statement = g_strdup (fields[3]);
        }
      else
        {
          g_assert_cmpstr (fields[0], ==, "COMMITTED");
          g_assert_cmpstr (fields[3], ==, inflight_statement);
          g_hash_table_insert (expected, g_strdup (fields[2]), g_strdup (fields[3]));
          g_clear_pointer (&inflight_item, g_free);
          g_clear_pointer (&inflight_statement, g_free);
          n_committed++;
        }
    }

  document = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_NONE, &error);
  g_assert_no_error (error);

  if (inflight_item != NULL)
    {
      TenkenResponse *response = tenken_document_get_response (document, inflight_item);

      /* The edit in flight either landed whole or not at all */
      if (g_strcmp0 (tenken_response_get_statement (response), inflight_statement) == 0)
        g_hash_table_insert (expected, g_strdup (inflight_item), g_strdup (inflight_statement));
    }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TenkenResponse *response = tenken_document_get_response (document, key);
      g_autoptr(GListModel) history = tenken_document_list_history (document, key);
      g_autoptr(TenkenHistoryEntry) newest = NULL;
      TenkenStatus status;

      g_assert_nonnull (response);
      g_assert_cmpstr (tenken_response_get_statement (response), ==, value);
      /* The status belongs to the same edit: "run-R-edit-N-STATUS" */
      g_assert_true (tenken_status_from_string (strchr (strstr (value, "-edit-") + 6, '-') + 1, &status));
      g_assert_cmpint (tenken_response_get_status (response), ==, status);

      /* …and its history rows came with it */
      g_assert_cmpuint (g_list_model_get_n_items (history), >, 0);
      for (guint i = 0; i < g_list_model_get_n_items (history); i++)
        {
          g_autoptr(TenkenHistoryEntry) entry = g_list_model_get_item (history, i);

          if (g_str_equal (tenken_history_entry_get_field (entry), "statement"))
            {
              g_assert_cmpstr (tenken_history_entry_get_new_value (entry), ==, value);
              break;
            }
        }
    }

  g_assert_true (tenken_document_check (document, problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  tenken_document_close (document);

  g_test_message ("run %u: %u committed edits reported", run, n_committed);
}

static void
test_crash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tenken-crash-XXXXXX", &error);
  g_autofree char *out_path = g_build_filename (dir, "child.out", NULL);
  g_autoptr(TenkenDocument) document = doc_test_create (dir, "crash.tenken");
  g_autofree char *path = g_build_filename (dir, "crash.tenken", NULL);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  guint total_committed = 0;

  g_assert_no_error (error);
  tenken_document_close (document);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autofree char *run_text = g_strdup_printf ("%u", run);
      const char *argv[] = { child_path, path, run_text, NULL };
      g_autofree char *output = NULL;
      int out_fd;
      int status;
      GPid pid;

      /* Output to a file, not a pipe: nothing is lost or blocks when killed */
      out_fd = g_open (out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
      g_assert_cmpint (out_fd, >=, 0);
      g_spawn_async_with_fds (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                              NULL, NULL, &pid, -1, out_fd, -1, &error);
      g_assert_no_error (error);
      g_close (out_fd, NULL);

      g_usleep ((gulong) g_rand_int_range (rand, 5, 150) * 1000);
      kill (pid, SIGKILL);
      /* Reaped, so that its pid is dead for the stale-lock check */
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);

      g_assert_true (g_file_get_contents (out_path, &output, NULL, NULL));
      total_committed += (guint) (g_strrstr (output, "COMMITTED") != NULL);
      check_run (path, expected, output, run);
    }

  /* Most runs got to commit something, or the test proved little */
  g_test_message ("%u of %u runs committed edits; %u items touched",
                  total_committed, N_RUNS, g_hash_table_size (expected));
  g_assert_cmpuint (total_committed, >, N_RUNS / 2);

  doc_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("Usage: %s PATH-TO-CRASH-CHILD\n", argv[0]);
      return 2;
    }
  child_path = argv[1];

  g_test_add_func ("/document/crash-safety", test_crash);

  return g_test_run ();
}
