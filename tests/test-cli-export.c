/* test-cli-export.c: tenken-cli export, declare and verify, end to end
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/wait.h>

typedef struct
{
  char *dir;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Outcome;

static void
outcome_free (Outcome *outcome)
{
  g_free (outcome->out);
  g_free (outcome->err);
  g_free (outcome);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Outcome, outcome_free)

/* Runs @argv in the fixture's directory with a private XDG_DATA_HOME */
static Outcome *
run_in_fixture (Fixture   *fixture,
                GPtrArray *argv)
{
  g_autofree char *data_home = g_build_filename (fixture->dir, ".data", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  Outcome *outcome = g_new0 (Outcome, 1);
  int wait_status = 0;

  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_spawn_sync (fixture->dir, (char **) argv->pdata, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &outcome->out, &outcome->err, &wait_status, &error);
  g_assert_no_error (error);

  /* A crash (signal) is never an acceptable outcome */
  g_assert_true (WIFEXITED (wait_status));
  outcome->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", outcome->status, outcome->out, outcome->err);

  return outcome;
}

static Outcome *
run_strv (Fixture           *fixture,
          const char *const *strv)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  for (guint i = 0; strv[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) strv[i]);
  return run_in_fixture (fixture, argv);
}

static Outcome *
cli (Fixture *fixture,
     ...) G_GNUC_NULL_TERMINATED;

static Outcome *
cli (Fixture *fixture,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("TENKEN_CLI"));
  va_start (ap, fixture);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);

  return run_in_fixture (fixture, argv);
}

static void
expect_success (Outcome *outcome)
{
  if (outcome->status != 0)
    g_error ("tenken-cli exited with %d: %s", outcome->status, outcome->err);
  g_assert_cmpstr (outcome->err, ==, "");
}

/* One line on stderr in the CLI's format */
static void
expect_failure (Outcome *outcome,
                int      status)
{
  g_assert_cmpint (outcome->status, ==, status);
  g_assert_true (g_str_has_prefix (outcome->err, "tenken-cli: "));
  g_assert_true (strchr (outcome->err, '\n') == outcome->err + strlen (outcome->err) - 1);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static gboolean
exists_in (Fixture    *fixture,
           const char *name)
{
  g_autofree char *path = path_in (fixture, name);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *evidence = NULL;
  g_autoptr(Outcome) created = NULL;
  g_autoptr(Outcome) answered = NULL;
  g_autoptr(Outcome) not_applicable = NULL;
  g_autoptr(Outcome) planned = NULL;
  g_autoptr(Outcome) attached = NULL;

  fixture->dir = g_dir_make_tmp ("tenken-cli-export-XXXXXX", &error);
  g_assert_no_error (error);

  evidence = path_in (fixture, "policy.txt");
  g_file_set_contents (evidence, "Security policy v1\n", -1, &error);
  g_assert_no_error (error);

  created = cli (fixture, "new", "acme.tenken", "--catalog", "meti-cip-guidelines",
                 "--org", "ACME 株式会社", "--service", "ACME Cloud", NULL);
  expect_success (created);
  answered = cli (fixture, "set", "acme.tenken", "S(1)-1.1", "--status", "implemented", NULL);
  expect_success (answered);
  not_applicable = cli (fixture, "set", "acme.tenken", "S(1)-1.2", "--status", "not-applicable",
                        "--justification", "No software is developed", NULL);
  expect_success (not_applicable);
  planned = cli (fixture, "set", "acme.tenken", "S(1)-1.3", "--status", "planned",
                 "--target", "2027-03-31", NULL);
  expect_success (planned);
  attached = cli (fixture, "attach", "acme.tenken", "S(1)-1.1", "policy.txt", NULL);
  expect_success (attached);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *argv[] = { "rm", "-rf", fixture->dir, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (fixture->dir);
}

static Outcome *
declare (Fixture    *fixture,
         const char *output)
{
  return cli (fixture, "declare", "acme.tenken", "--name", "Hanako Yamada",
              "--title", "CISO", "--place", "Tokyo", "--date", "2026-11-22", "-o", output, NULL);
}

static void
test_declare_and_verify (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(Outcome) declared = declare (fixture, "declaration");
  g_autoptr(Outcome) verified = NULL;
  g_autoptr(Outcome) matched = NULL;
  g_autoptr(Outcome) declared_xml = NULL;

  expect_success (declared);
  g_assert_true (exists_in (fixture, "declaration.xml"));
  g_assert_true (exists_in (fixture, "declaration.pdf"));
  g_assert_nonnull (strstr (declared->out, "Digest (SHA-256): "));

  verified = cli (fixture, "verify", "declaration.xml", NULL);
  expect_success (verified);
  /* Paths are shown as typed */
  g_assert_cmpstr (verified->out, ==, "declaration.xml: valid\n");

  matched = cli (fixture, "verify", "declaration.xml", "--document", "acme.tenken", NULL);
  expect_success (matched);
  g_assert_true (g_str_has_prefix (matched->out, "declaration.xml: valid; it matches"));

  /* -o with an extension names the same pair */
  declared_xml = declare (fixture, "second.xml");
  expect_success (declared_xml);
  g_assert_true (exists_in (fixture, "second.xml"));
  g_assert_true (exists_in (fixture, "second.pdf"));
}

static void
test_verify_after_edit (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(Outcome) declared = declare (fixture, "declaration");
  g_autoptr(Outcome) edited = NULL;
  g_autoptr(Outcome) attached = NULL;
  g_autoptr(Outcome) verified = NULL;
  g_autoptr(Outcome) alone = NULL;
  g_auto(GStrv) lines = NULL;

  expect_success (declared);
  edited = cli (fixture, "set", "acme.tenken", "S(1)-1.1", "--status", "partial", NULL);
  expect_success (edited);
  attached = cli (fixture, "attach", "acme.tenken", "S(1)-1.3", "policy.txt", NULL);
  expect_success (attached);

  verified = cli (fixture, "verify", "declaration.xml", "--document", "acme.tenken", NULL);
  expect_failure (verified, 1);
  lines = g_strsplit (verified->out, "\n", -1);
  /* Two problems, each on its own line, plus the empty string after the last newline */
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "declaration.xml: S(1)-1.1: status is now partial, declared implemented");
  g_assert_true (g_str_has_prefix (lines[1], "declaration.xml: S(1)-1.3: evidence “policy.txt”"));

  /* The file itself is still intact */
  alone = cli (fixture, "verify", "declaration.xml", NULL);
  expect_success (alone);
}

static void
test_verify_tampered (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(Outcome) declared = declare (fixture, "declaration");
  g_autoptr(Outcome) verified = NULL;
  g_autofree char *path = path_in (fixture, "declaration.xml");
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  char *at;

  expect_success (declared);
  g_file_get_contents (path, &xml, NULL, &error);
  g_assert_no_error (error);
  at = strstr (xml, "<place>Tokyo</place>");
  g_assert_nonnull (at);
  at[strlen ("<place>T")] = 'a';
  g_file_set_contents (path, xml, -1, &error);
  g_assert_no_error (error);

  verified = cli (fixture, "verify", "declaration.xml", NULL);
  expect_failure (verified, 1);
  g_assert_nonnull (strstr (verified->out, "altered after it was signed"));
}

static void
test_verify_hostile (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "hostile.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(Outcome) not_xml = NULL;
  g_autoptr(Outcome) entity = NULL;
  g_autoptr(Outcome) document = NULL;
  g_autoptr(Outcome) missing = NULL;

  g_file_set_contents (path, "not xml", -1, &error);
  g_assert_no_error (error);
  not_xml = cli (fixture, "verify", "hostile.xml", NULL);
  expect_failure (not_xml, 1);
  g_assert_cmpstr (not_xml->out, ==, "");
  /* Which file, that it is no declaration, and what to choose instead */
  g_assert_nonnull (strstr (not_xml->err, "hostile.xml: Not a Tenken declaration: the file is not XML. "
                                          "Choose the .xml declaration file that was written together with the PDF"));
  g_assert_null (strstr (not_xml->err, "catalog"));

  g_file_set_contents (path,
                       "<?xml version=\"1.0\"?>\n"
                       "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                       "<d>&x;</d>\n", -1, &error);
  g_assert_no_error (error);
  entity = cli (fixture, "verify", "hostile.xml", NULL);
  expect_failure (entity, 1);
  g_assert_null (strstr (entity->err, "root:"));

  /* An assessment is not a declaration */
  document = cli (fixture, "verify", "acme.tenken", NULL);
  expect_failure (document, 1);

  missing = cli (fixture, "verify", "nowhere.xml", NULL);
  expect_failure (missing, 1);
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *cases[][12] = {
    { "declare", "acme.tenken", "--title", "CISO", "-o", "d", NULL },
    { "declare", "acme.tenken", "--name", "A", "-o", "d", NULL },
    { "declare", "acme.tenken", "--name", "A", "--title", "CISO", NULL },
    { "declare", "acme.tenken", "--name", "A", "--title", "CISO", "--lang", "fr", "-o", "d", NULL },
    { "declare", "--name", "A", "--title", "CISO", "-o", "d", NULL },
    { "verify", NULL },
    { "verify", "a.xml", "b.xml", NULL },
    { "verify", "a.xml", "--frobnicate", NULL },
    { "export", "acme.tenken", "-o", "r.pdf", NULL },
    { "export", "acme.tenken", "--format", "docx", "-o", "r.docx", NULL },
    { "export", "acme.tenken", "--format", "pdf", NULL },
    { "export", "acme.tenken", "--format", "pdf", "--report", "some", "-o", "r.pdf", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(Outcome) outcome = NULL;

      for (guint j = 0; cases[i][j] != NULL; j++)
        g_ptr_array_add (argv, (gpointer) cases[i][j]);
      while (argv->len < 11)
        g_ptr_array_add (argv, NULL);

      outcome = cli (fixture, argv->pdata[0], argv->pdata[1], argv->pdata[2], argv->pdata[3],
                     argv->pdata[4], argv->pdata[5], argv->pdata[6], argv->pdata[7],
                     argv->pdata[8], argv->pdata[9], argv->pdata[10], NULL);
      expect_failure (outcome, 2);
      g_assert_nonnull (strstr (outcome->err, "--help"));
    }

  g_assert_false (exists_in (fixture, "d.xml"));
  g_assert_false (exists_in (fixture, "d.pdf"));
}

static void
test_declare_user_errors (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(Outcome) bad_date = NULL;
  g_autoptr(Outcome) no_document = NULL;
  g_autoptr(Outcome) blank_name = NULL;

  bad_date = cli (fixture, "declare", "acme.tenken", "--name", "A", "--title", "CISO",
                  "--date", "2026-02-30", "-o", "d", NULL);
  expect_failure (bad_date, 1);
  g_assert_nonnull (strstr (bad_date->err, "2026-02-30"));

  no_document = cli (fixture, "declare", "missing.tenken", "--name", "A", "--title", "CISO", "-o", "d", NULL);
  expect_failure (no_document, 1);

  blank_name = cli (fixture, "declare", "acme.tenken", "--name", " ", "--title", "CISO", "-o", "d", NULL);
  expect_failure (blank_name, 1);

  g_assert_false (exists_in (fixture, "d.xml"));
  g_assert_false (exists_in (fixture, "d.pdf"));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  const char *formats[] = { "pdf", "html", "csv", "xlsx", "oscal" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%s.out", formats[i]);
      g_autoptr(Outcome) gap = NULL;
      g_autoptr(Outcome) full = NULL;

      gap = cli (fixture, "export", "acme.tenken", "--format", formats[i], "-o", name, NULL);
      expect_success (gap);
      g_assert_true (exists_in (fixture, name));
      full = cli (fixture, "export", "acme.tenken", "--format", formats[i], "--report", "full",
                  "--lang", "ja", "-o", name, NULL);
      expect_success (full);
    }
}

/* A private mount namespace puts a tiny tmpfs on "full": the export runs
 * out of space there, and says so in one line (libxlsxwriter used to
 * print its own [ERROR] lines first) */
static void
test_export_disk_full (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *formats[] = { "pdf", "html", "csv", "xlsx", "oscal" };
  const char *script = "mount -t tmpfs -o size=8k tenken full && exec \"$0\" \"$@\"";
  g_autofree char *full = path_in (fixture, "full");
  const char *probe[] = { "unshare", "-rm", "sh", "-c", script, "true", NULL };
  g_autoptr(Outcome) probed = NULL;

  g_assert_cmpint (g_mkdir (full, 0700), ==, 0);
  probed = run_strv (fixture, probe);
  if (probed->status != 0)
    {
      g_test_skip ("No user and mount namespaces here (unshare -rm)");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *output = g_strdup_printf ("full/report.%s", formats[i]);
      const char *argv[] = {
        "unshare", "-rm", "sh", "-c", script, g_getenv ("TENKEN_CLI"),
        "export", "acme.tenken", "--format", formats[i], "--report", "full", "-o", output, NULL
      };
      g_autoptr(Outcome) outcome = run_strv (fixture, argv);

      expect_failure (outcome, 1);
      g_assert_nonnull (strstr (outcome->err, "No space left on device"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("TENKEN_CLI"));

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli-export/declare-and-verify", test_declare_and_verify);
  ADD ("/cli-export/verify-after-edit", test_verify_after_edit);
  ADD ("/cli-export/verify-tampered", test_verify_tampered);
  ADD ("/cli-export/verify-hostile", test_verify_hostile);
  ADD ("/cli-export/usage-errors", test_usage_errors);
  ADD ("/cli-export/declare-user-errors", test_declare_user_errors);
  ADD ("/cli-export/export", test_export);
  ADD ("/cli-export/export-disk-full", test_export_disk_full);
#undef ADD

  return g_test_run ();
}
