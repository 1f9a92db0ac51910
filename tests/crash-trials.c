/* crash-trials.c: SIGKILL during writes, many times; nothing committed may be lost
 *
 *   tenken-crash-trials [--trials N] [--target app|cli|all] [--seed S] [--keep]
 *
 * Target "app": crash-editor edits one document through the core calls the
 * app's save path uses (set a response, attach evidence) and is killed at a
 * random moment after its first edit. Target "cli": a series of
 * `tenken-cli set` and `tenken-cli attach` runs on one document, the running
 * one killed at a random moment.
 *
 * After every kill the document is opened for editing (taking over the dead
 * process's lock) and must pass tenken_document_check(); every edit reported
 * committed (crash-editor's COMMITTED line, or tenken-cli's exit status 0)
 * must be there. The one edit in flight when the kill came may or may not
 * have landed. Prints the trials, the committed edits, those lost and the
 * integrity failures; exits 1 if any was lost or failed, 77 (skip) when the
 * CLI target has no working tenken-cli.
 *
 * Environment: TENKEN_CRASH_EDITOR, TENKEN_CLI (paths; meson sets them).
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-test"

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "document-test-util.h"

typedef struct
{
  const char *name;
  char       *dir;
  char       *path;
  /* label → last statement known to be in the document */
  GHashTable *statements;
  /* SHA-256 of every evidence file known to be in the document */
  GHashTable *evidence;
  GPtrArray  *labels;
  guint       trials;
  guint       committed;
  guint       lost;
  guint       integrity_failures;
  guint       kills_in_flight;
} Target;

typedef struct
{
  char *kind;   /* "statement" or "evidence" */
  char *label;
  char *value;  /* the statement, or the evidence's SHA-256 */
} Edit;

static void
edit_free (Edit *edit)
{
  g_free (edit->kind);
  g_free (edit->label);
  g_free (edit->value);
  g_free (edit);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Edit, edit_free)

static Edit *
edit_new (const char *kind,
          const char *label,
          const char *value)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = g_strdup (kind);
  edit->label = g_strdup (label);
  edit->value = g_strdup (value);
  return edit;
}

/* A new document (and directory): every TRIALS_PER_DOCUMENT trials, so
 * that check(), which re-hashes every evidence blob, stays quick */
#define TRIALS_PER_DOCUMENT 100

static void
target_new_document (Target *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenDocument) document = NULL;
  g_autofree char *catalog_path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures", "mini-catalog.xml", NULL);
  g_autoptr(GFile) catalog_file = g_file_new_for_path (catalog_path);
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autoptr(TenkenScope) scope = doc_test_new_scope ();
  g_autoptr(GFile) file = NULL;
  GListModel *responses;

  if (target->dir != NULL)
    doc_test_remove_dir (target->dir);
  g_clear_pointer (&target->dir, g_free);
  g_clear_pointer (&target->path, g_free);
  g_hash_table_remove_all (target->statements);
  g_hash_table_remove_all (target->evidence);
  g_ptr_array_set_size (target->labels, 0);

  target->dir = g_dir_make_tmp ("tenken-crash-XXXXXX", &error);
  g_assert_no_error (error);
  target->path = g_build_filename (target->dir, "trials.tenken", NULL);
  catalog = tenken_catalog_new_from_file (catalog_file, NULL, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (target->path);
  document = tenken_document_create (file, catalog, scope, &error);
  g_assert_no_error (error);

  responses = tenken_document_get_responses (document);
  for (guint i = 0; i < g_list_model_get_n_items (responses); i++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, i);

      g_ptr_array_add (target->labels,
                       g_strdup (tenken_catalog_node_get_label (TENKEN_CATALOG_NODE (tenken_response_get_item (response)))));
    }
  tenken_document_close (document);
}

static void
target_init (Target     *target,
             const char *name)
{
  target->name = name;
  target->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  target->evidence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  target->labels = g_ptr_array_new_with_free_func (g_free);
  target_new_document (target);
}

/* Before trial @i: a fresh document now and then, and progress */
static void
target_next (Target *target,
             int     i)
{
  if (i > 0 && i % TRIALS_PER_DOCUMENT == 0)
    {
      g_print ("%s: %d trials, %u committed edits, %u lost, %u integrity failures so far\n",
               target->name, i, target->committed, target->lost, target->integrity_failures);
      target_new_document (target);
    }
}

static void
target_clear (Target   *target,
              gboolean  keep)
{
  if (keep)
    g_print ("%s: the document is kept in %s\n", target->name, target->path);
  else
    doc_test_remove_dir (target->dir);
  g_free (target->dir);
  g_free (target->path);
  g_hash_table_unref (target->statements);
  g_hash_table_unref (target->evidence);
  g_ptr_array_unref (target->labels);
}

/* After a kill: @committed edits in order, @in_flight the one that may or
 * may not have landed (NULL: none) */
static void
verify (Target    *target,
        GPtrArray *committed,
        Edit      *in_flight)
{
  g_autoptr(GFile) file = g_file_new_for_path (target->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *evidence;
  GHashTableIter iter;
  gpointer key, value;

  target->trials++;
  target->committed += committed->len;
  for (guint i = 0; i < committed->len; i++)
    {
      Edit *edit = g_ptr_array_index (committed, i);

      if (g_str_equal (edit->kind, "statement"))
        g_hash_table_insert (target->statements, g_strdup (edit->label), g_strdup (edit->value));
      else
        g_hash_table_add (target->evidence, g_strdup (edit->value));
    }

  document = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_NONE, &error);
  if (document == NULL)
    {
      g_printerr ("%s trial %u: the document does not open: %s\n", target->name, target->trials, error->message);
      target->integrity_failures++;
      /* Nothing can be checked: everything committed counts as lost */
      target->lost += g_hash_table_size (target->statements) + g_hash_table_size (target->evidence);
      return;
    }
  if (!tenken_document_check (document, problems, NULL, &error))
    {
      target->integrity_failures++;
      g_printerr ("%s trial %u: check failed: %s\n", target->name, target->trials,
                  error != NULL ? error->message : (const char *) g_ptr_array_index (problems, 0));
      g_clear_error (&error);
    }

  g_hash_table_iter_init (&iter, target->statements);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TenkenResponse *response = tenken_document_get_response_by_label (document, key);
      const char *actual = response != NULL ? tenken_response_get_statement (response) : NULL;

      if (g_strcmp0 (actual, value) == 0)
        continue;
      if (in_flight != NULL && g_str_equal (in_flight->kind, "statement") &&
          g_str_equal (in_flight->label, key) && g_strcmp0 (actual, in_flight->value) == 0)
        continue;  /* the edit in flight landed: fine, adopted below */
      g_printerr ("%s trial %u: %s has “%s”, committed “%s”\n", target->name, target->trials,
                  (const char *) key, actual, (const char *) value);
      target->lost++;
    }
  /* The edit in flight may have landed after all: from now on it is expected */
  if (in_flight != NULL && g_str_equal (in_flight->kind, "statement"))
    {
      TenkenResponse *response = tenken_document_get_response_by_label (document, in_flight->label);

      if (response != NULL && g_strcmp0 (tenken_response_get_statement (response), in_flight->value) == 0)
        g_hash_table_insert (target->statements, g_strdup (in_flight->label), g_strdup (in_flight->value));
    }

  evidence = tenken_document_list_evidence (document);
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(TenkenEvidence) item = g_list_model_get_item (evidence, i);

      if (tenken_evidence_get_sha256 (item) != NULL)
        g_hash_table_add (present, g_strdup (tenken_evidence_get_sha256 (item)));
    }
  g_hash_table_iter_init (&iter, target->evidence);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      {
        g_printerr ("%s trial %u: committed evidence %s is missing\n", target->name, target->trials,
                    (const char *) key);
        target->lost++;
      }
  if (in_flight != NULL && g_str_equal (in_flight->kind, "evidence") &&
      g_hash_table_contains (present, in_flight->value))
    g_hash_table_add (target->evidence, g_strdup (in_flight->value));

  tenken_document_close (document);
}

/* --- target "app": crash-editor --- */

static void
trial_app (Target *target,
           GRand  *rand,
           guint   trial)
{
  const char *editor = g_getenv ("TENKEN_CRASH_EDITOR");
  g_autofree char *out_path = g_build_filename (target->dir, "editor.out", NULL);
  g_autofree char *seed = g_strdup_printf ("%u", trial);
  const char *argv[] = { editor, target->path, seed, target->dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) committed = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_free);
  g_autoptr(Edit) in_flight = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  int out_fd, status;
  GPid pid;

  g_assert_nonnull (editor);
  /* A file, not a pipe: nothing is lost or blocks when the child dies */
  out_fd = g_open (out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (out_fd, >=, 0);
  g_spawn_async_with_fds (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                          NULL, NULL, &pid, -1, out_fd, -1, &error);
  g_assert_no_error (error);
  g_close (out_fd, NULL);

  /* The random moment counts from the first edit, so that start-up time
   * (slower in a sanitizer build) does not eat the trial */
  for (guint wait = 0; wait < 2000; wait++)
    {
      GStatBuf st;

      if (g_stat (out_path, &st) == 0 && st.st_size > 0)
        break;
      g_usleep (5000);
    }
  g_usleep ((gulong) g_rand_int_range (rand, 0, 300) * 1000 + (gulong) g_rand_int_range (rand, 0, 1000));
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  g_assert_true (g_file_get_contents (out_path, &output, NULL, NULL));
  lines = g_strsplit (output, "\n", -1);
  /* The last element follows the final newline: a cut line, ignored */
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 4);

      if (g_strv_length (fields) != 4 || g_str_equal (fields[0], "ERROR"))
        g_error ("%s trial %u: the editor failed: %s", target->name, trial, lines[i]);
      if (g_str_equal (fields[0], "TRY"))
        {
          g_clear_pointer (&in_flight, edit_free);
          in_flight = edit_new (fields[1], fields[2], fields[3]);
        }
      else if (g_str_equal (fields[0], "COMMITTED"))
        {
          g_assert_nonnull (in_flight);
          g_assert_cmpstr (in_flight->value, ==, fields[3]);
          g_ptr_array_add (committed, g_steal_pointer (&in_flight));
        }
    }
  if (in_flight != NULL)
    target->kills_in_flight++;
  verify (target, committed, in_flight);
}

/* --- target "cli": tenken-cli set / attach --- */

static gboolean
cli_works (Target *target)
{
  const char *cli = g_getenv ("TENKEN_CLI");
  const char *argv[] = { cli, "set", target->path, g_ptr_array_index (target->labels, 0),
                         "--status", "implemented", "--statement", "probe", NULL };
  int status = 0;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return FALSE;
  g_hash_table_insert (target->statements, g_strdup (g_ptr_array_index (target->labels, 0)), g_strdup ("probe"));
  return TRUE;
}

static void
trial_cli (Target *target,
           GRand  *rand,
           guint   trial)
{
  const char *cli = g_getenv ("TENKEN_CLI");
  g_autoptr(GPtrArray) committed = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_free);
  g_autoptr(Edit) in_flight = NULL;
  gint64 deadline = g_get_monotonic_time () + g_rand_int_range (rand, 10, 800) * 1000;
  gboolean killed = FALSE;

  for (guint n = 0; !killed; n++)
    {
      const char *label = g_ptr_array_index (target->labels, g_rand_int_range (rand, 0, (gint32) target->labels->len));
      g_autofree char *value = g_strdup_printf ("trial%u-edit%u", trial, n);
      g_autofree char *evidence_path = NULL;
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      int status;
      GPid pid;

      g_ptr_array_add (argv, (char *) cli);
      if (g_rand_int_range (rand, 0, 6) == 0)
        {
          gsize size = (gsize) g_rand_int_range (rand, 1, 32 * 1024);
          g_autofree guint8 *bytes = g_malloc (size);

          for (gsize i = 0; i < size; i++)
            bytes[i] = (guint8) g_rand_int (rand);
          evidence_path = g_build_filename (target->dir, value, NULL);
          g_assert_true (g_file_set_contents (evidence_path, (const char *) bytes, (gssize) size, NULL));
          g_clear_pointer (&in_flight, edit_free);
          in_flight = edit_new ("evidence", label, NULL);
          in_flight->value = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes, size);
          g_ptr_array_add (argv, (char *) "attach");
          g_ptr_array_add (argv, target->path);
          g_ptr_array_add (argv, (char *) label);
          g_ptr_array_add (argv, evidence_path);
        }
      else
        {
          g_clear_pointer (&in_flight, edit_free);
          in_flight = edit_new ("statement", label, value);
          g_ptr_array_add (argv, (char *) "set");
          g_ptr_array_add (argv, target->path);
          g_ptr_array_add (argv, (char *) label);
          g_ptr_array_add (argv, (char *) "--status");
          g_ptr_array_add (argv, (char *) "partial");
          g_ptr_array_add (argv, (char *) "--statement");
          g_ptr_array_add (argv, value);
        }
      g_ptr_array_add (argv, NULL);

      g_spawn_async (NULL, (char **) argv->pdata, NULL,
                     G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      for (;;)
        {
          pid_t done = waitpid (pid, &status, WNOHANG);

          g_assert_cmpint (done, >=, 0);
          if (done == pid)
            break;
          if (g_get_monotonic_time () >= deadline)
            {
              kill (pid, SIGKILL);
              g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
              killed = TRUE;
              break;
            }
          g_usleep (200);
        }
      g_spawn_close_pid (pid);
      if (evidence_path != NULL)
        g_unlink (evidence_path);

      if (killed)
        {
          if (WIFSIGNALED (status))
            target->kills_in_flight++;
          else if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
            g_ptr_array_add (committed, g_steal_pointer (&in_flight));  /* exited just before */
          break;
        }
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        g_error ("%s trial %u: tenken-cli %s failed (status %d)", target->name, trial,
                 (const char *) g_ptr_array_index (argv, 1), status);
      g_ptr_array_add (committed, g_steal_pointer (&in_flight));
    }
  verify (target, committed, in_flight);
}

static gboolean
report (Target *target)
{
  /* Ends with the totals, the figures docs/QUALITY.md records */
  g_print ("%s: %u trials, %u killed mid-edit, %u committed edits, %u committed edits lost, "
           "%u integrity failures\n",
           target->name, target->trials, target->kills_in_flight, target->committed, target->lost,
           target->integrity_failures);
  return target->lost == 0 && target->integrity_failures == 0;
}

int
main (int   argc,
      char *argv[])
{
  int trials = 50;
  int seed = 20261122;
  gboolean keep = FALSE;
  g_autofree char *which = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  GOptionEntry entries[] = {
    { "trials", 'n', 0, G_OPTION_ARG_INT, &trials, "Trials per target (default 50)", "N" },
    { "target", 't', 0, G_OPTION_ARG_STRING, &which, "app, cli or all (default all)", "TARGET" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Random seed", "S" },
    { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep, "Keep the documents for inspection", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— SIGKILL during writes");
  gboolean ok = TRUE, ran_cli = FALSE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || trials < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--trials must be at least 1");
      return 2;
    }
  if (which == NULL)
    which = g_strdup ("all");
  rand = g_rand_new_with_seed ((guint32) seed);
  /* Run by hand from the build tree: find the helpers beside this program */
  {
    g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
    g_autofree char *here = self != NULL ? g_path_get_dirname (self) : g_strdup (".");
    g_autofree char *editor = g_build_filename (here, "crash-editor", NULL);
    g_autofree char *cli = g_build_filename (here, "..", "src", "cli", "tenken-cli", NULL);

    g_setenv ("TENKEN_CRASH_EDITOR", editor, FALSE);
    g_setenv ("TENKEN_CLI", cli, FALSE);
  }
  /* The fixture catalog is found through G_TEST_SRCDIR (the tests directory) */
  g_setenv ("G_TEST_SRCDIR", TENKEN_TESTS_SRCDIR, FALSE);

  if (g_str_equal (which, "app") || g_str_equal (which, "all"))
    {
      Target target = { 0 };

      target_init (&target, "app");
      for (int i = 0; i < trials; i++)
        {
          target_next (&target, i);
          trial_app (&target, rand, (guint) i);
        }
      ok &= report (&target);
      target_clear (&target, keep);
    }

  if (g_str_equal (which, "cli") || g_str_equal (which, "all"))
    {
      Target target = { 0 };

      target_init (&target, "cli");
      if (cli_works (&target))
        {
          for (int i = 0; i < trials; i++)
            {
              target_next (&target, i);
              trial_cli (&target, rand, (guint) i);
            }
          ok &= report (&target);
          ran_cli = TRUE;
        }
      else
        g_print ("cli: skipped: no working tenken-cli (TENKEN_CLI=%s)\n", g_getenv ("TENKEN_CLI"));
      target_clear (&target, keep);
    }

  if (!ok)
    return 1;
  /* Asked for the CLI alone and it could not run: a skip, not a pass */
  if (g_str_equal (which, "cli") && !ran_cli)
    return 77;
  return 0;
}
