/* test-cli.c: tenken-cli end to end, run as a user would run it
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#define BASIC_CATALOG_ID "oscal-basic-catalog"

typedef struct
{
  char *dir;
  char *data_home;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_free (Result *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static const char *
cli_path (void)
{
  const char *path = g_getenv ("TENKEN_CLI");

  g_assert_nonnull (path);
  return path;
}

static char *
shared_path (const char *name)
{
  const char *shared = g_getenv ("TENKEN_SHARED_DIR");

  g_assert_nonnull (shared);
  return g_build_filename (shared, "testdata", name, NULL);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tenken-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->data_home = g_build_filename (fixture->dir, "data", NULL);
  g_assert_cmpint (g_mkdir (fixture->data_home, 0700), ==, 0);
}

static void
remove_recursively (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_recursively (child);
          g_object_unref (info);
        }
    }

  g_file_delete (file, NULL, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);

  remove_recursively (dir);
  g_free (fixture->data_home);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Runs tenken-cli with @argv (NULL-terminated, without the program) and
 * @locale as LC_ALL; asserts it exited normally with UTF-8 output. */
static Result *
run_argv_language (Fixture            *fixture,
                   const char         *locale,
                   const char         *language,
                   const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  Result *result = g_new0 (Result, 1);
  gsize len;
  const char *data;

  g_ptr_array_add (args, (gpointer) cli_path ());
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", locale, TRUE);
  if (language != NULL)
    g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_set_cwd (launcher, fixture->dir);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  /* Never a crash: a signal (SIGSEGV, SIGABRT from a critical) fails here */
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);

  data = g_bytes_get_data (out, &len);
  result->out = g_strndup (data != NULL ? data : "", len);
  g_assert_true (g_utf8_validate (result->out, len, NULL));
  data = g_bytes_get_data (err, &len);
  result->err = g_strndup (data != NULL ? data : "", len);
  g_assert_true (g_utf8_validate (result->err, len, NULL));

  if (g_test_verbose ())
    g_test_message ("exit %d\nstdout: %s\nstderr: %s", result->status, result->out, result->err);

  return result;
}

static Result *
run_argv_locale (Fixture            *fixture,
                 const char         *locale,
                 const char * const *argv)
{
  return run_argv_language (fixture, locale, NULL, argv);
}

static Result *
run (Fixture    *fixture,
     const char *first,
     ...) G_GNUC_NULL_TERMINATED;

static Result *
run (Fixture    *fixture,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_argv_locale (fixture, "C.UTF-8", (const char * const *) args->pdata);
}

/* A user error: exit 1, nothing on stdout, one line on stderr in our format */
static void
assert_user_error (Result     *result,
                   const char *expected_substring)
{
  g_assert_cmpint (result->status, ==, 1);
  g_assert_true (g_str_has_prefix (result->err, "tenken-cli: "));
  g_assert_true (strchr (result->err, '\n') == result->err + strlen (result->err) - 1);
  if (expected_substring != NULL)
    g_assert_nonnull (strstr (result->err, expected_substring));
}

/* A usage error: exit 2, one line on stderr pointing at --help */
static void
assert_usage_error (Result *result)
{
  g_assert_cmpint (result->status, ==, 2);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "tenken-cli: "));
  g_assert_nonnull (strstr (result->err, "--help"));
  g_assert_true (strchr (result->err, '\n') == result->err + strlen (result->err) - 1);
}

static void
assert_ok (Result *result)
{
  if (result->status != 0)
    g_error ("tenken-cli failed with %d: %s", result->status, result->err);
  g_assert_cmpstr (result->err, ==, "");
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
assert_unchanged (const char *path,
                  GBytes     *before)
{
  g_autoptr(GBytes) after = read_bytes (path);

  g_assert_true (g_bytes_equal (before, after));
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
import_basic_catalog (Fixture *fixture)
{
  g_autofree char *path = shared_path ("oscal-basic-catalog.xml");
  g_autoptr(Result) r = run (fixture, "import-catalog", path, NULL);

  assert_ok (r);
  g_assert_nonnull (strstr (r->out, BASIC_CATALOG_ID));
}

/* A new assessment of the basic catalog at DIR/NAME */
static char *
new_basic_document (Fixture    *fixture,
                    const char *name)
{
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(Result) r = NULL;

  import_basic_catalog (fixture);
  r = run (fixture, "new", path, "--catalog", BASIC_CATALOG_ID,
           "--org", "Example Corp", "--service", "Example Cloud", NULL);
  assert_ok (r);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return g_steal_pointer (&path);
}

static JsonObject *
find_item (JsonObject *root,
           const char *label)
{
  JsonArray *items = json_object_get_array_member (root, "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (item, "label"), label) == 0)
        return item;
    }

  g_error ("no item labelled %s", label);
}

static JsonNode *
show_json (Fixture    *fixture,
           const char *path)
{
  g_autoptr(Result) r = run (fixture, "show", path, "--json", NULL);

  assert_ok (r);
  return parse_json (r->out);
}

/* ---- usage ---- */

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = new_basic_document (fixture, "usage.tenken");
  g_autoptr(GBytes) before = read_bytes (path);
  const char * const *bad[] = {
    (const char *[]) { NULL },
    (const char *[]) { "frobnicate", NULL },
    (const char *[]) { "--frobnicate", NULL },
    (const char *[]) { "show", NULL },
    (const char *[]) { "show", path, "--frobnicate", NULL },
    (const char *[]) { "show", path, "extra", NULL },
    (const char *[]) { "catalogs", "extra", NULL },
    (const char *[]) { "set", path, "1.1.1", NULL },
    (const char *[]) { "set", path, "1.1.1", "--status", "done", NULL },
    (const char *[]) { "set", path, "1.1.1", "--status", "implemented", "--flag", "--no-flag", NULL },
    (const char *[]) { "set", path, "--status", "implemented", NULL },
    (const char *[]) { "new", "x.tenken", "--catalog", BASIC_CATALOG_ID, "--org", "O", NULL },
    (const char *[]) { "new", "x.tenken", "--org", "O", "--service", "S", NULL },
    (const char *[]) { "new", "x.tenken", "--catalog", BASIC_CATALOG_ID, "--org", "O", "--service", "S",
                       "--roles", "developer,janitor", NULL },
    (const char *[]) { "new", "x.tenken", "--catalog", BASIC_CATALOG_ID, "--org", "O", "--service", "S",
                       "--tier", "third", NULL },
    (const char *[]) { "new", "x.tenken", "--catalog", BASIC_CATALOG_ID, "--org", "O", "--service", "S",
                       "--type", "audit", NULL },
    (const char *[]) { "new", "x.tenken", "--catalog", BASIC_CATALOG_ID, "--org", "O", "--service", "S",
                       "--period", "2025-04-01", NULL },
    (const char *[]) { "new", "x.tenken", "--catalog", BASIC_CATALOG_ID, "--org", "O", "--service", "S",
                       "--period", "April..March", NULL },
    (const char *[]) { "attach", path, "1.1.1", NULL },
    (const char *[]) { "attach-url", path, "1.1.1", NULL },
    (const char *[]) { "catalog", NULL },
    (const char *[]) { "import-catalog", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(Result) r = run_argv_locale (fixture, "C.UTF-8", bad[i]);

      assert_usage_error (r);
    }

  /* Nothing was created or changed by the failed commands */
  {
    g_autofree char *x = fixture_path (fixture, "x.tenken");

    g_assert_false (g_file_test (x, G_FILE_TEST_EXISTS));
    assert_unchanged (path, before);
  }
}

static void
test_help_and_version (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *commands[] = {
    "catalogs", "catalog", "import-catalog", "new", "set", "attach", "attach-url",
    "show", "history", "check",
  };
  g_autoptr(Result) help = run (fixture, "--help", NULL);
  g_autoptr(Result) version = run (fixture, "--version", NULL);
  g_autoptr(Result) set_help = run (fixture, "set", "--help", NULL);
  g_autoptr(Result) new_help = run (fixture, "help", "new", NULL);
  g_autofree char *expected_version = g_strdup_printf ("tenken-cli %s\n", PACKAGE_VERSION);

  assert_ok (help);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);

      g_assert_nonnull (strstr (help->out, line));
    }

  assert_ok (version);
  g_assert_cmpstr (version->out, ==, expected_version);

  assert_ok (set_help);
  g_assert_nonnull (strstr (set_help->out, "tenken-cli set "));
  g_assert_nonnull (strstr (set_help->out, " FILE LABEL\n"));
  for (guint i = 0; i < 8; i++)
    {
      const char *options[] = { "--status", "--statement", "--justification", "--target",
                                "--owner", "--due", "--flag", "--no-flag" };

      g_assert_nonnull (strstr (set_help->out, options[i]));
    }

  assert_ok (new_help);
  g_assert_nonnull (strstr (new_help->out, "--period"));
}

/* ---- catalogs ---- */

static void
test_catalogs_shipped (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(Result) r = run (fixture, "catalogs", NULL);
  g_auto(GStrv) lines = NULL;
  guint found = 0;

  assert_ok (r);
  lines = g_strsplit (r->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      if (g_str_equal (fields[0], "meti-cip-guidelines"))
        {
          found++;
          g_assert_cmpstr (fields[2], ==, "69");
          g_assert_cmpstr (fields[3], !=, "");
        }
    }
  g_assert_cmpuint (found, ==, 1);
}

static JsonObject *
find_catalog_node (JsonArray  *nodes,
                   const char *label)
{
  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);
      JsonObject *found;

      if (g_strcmp0 (json_object_get_string_member (node, "label"), label) == 0)
        return node;
      found = find_catalog_node (json_object_get_array_member (node, "children"), label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_import_catalog (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(Result) list = NULL;
  g_autoptr(Result) tree = NULL;
  g_autoptr(Result) json = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;
  g_autofree char *installed = NULL;
  JsonObject *obj;
  JsonObject *group;
  JsonObject *item;

  import_basic_catalog (fixture);

  installed = g_build_filename (fixture->data_home, "tenken", "catalogs", BASIC_CATALOG_ID ".xml", NULL);
  g_assert_true (g_file_test (installed, G_FILE_TEST_IS_REGULAR));

  list = run (fixture, "catalogs", NULL);
  assert_ok (list);
  line = g_strdup_printf ("%s\t1.1\t4\tSample Security Catalog for Demonstration and Testing\n", BASIC_CATALOG_ID);
  g_assert_nonnull (strstr (list->out, line));

  tree = run (fixture, "catalog", BASIC_CATALOG_ID, NULL);
  assert_ok (tree);
  g_assert_nonnull (strstr (tree->out, "\n1  Organization of Information Security\n"));
  g_assert_nonnull (strstr (tree->out, "\n    1.1.1  Information security roles and responsibilities\n"));
  g_assert_nonnull (strstr (tree->out, "\n    2.1.2  Access to networks and network services\n"));

  json = run (fixture, "catalog", BASIC_CATALOG_ID, "--json", NULL);
  assert_ok (json);
  root = parse_json (json->out);
  obj = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (obj, "id"), ==, BASIC_CATALOG_ID);
  g_assert_cmpstr (json_object_get_string_member (obj, "version"), ==, "1.1");
  g_assert_cmpint (json_object_get_int_member (obj, "items"), ==, 4);
  g_assert_cmpuint (strlen (json_object_get_string_member (obj, "sha256")), ==, 64);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "groups")), ==, 2);
  group = json_array_get_object_element (json_object_get_array_member (obj, "groups"), 1);
  g_assert_cmpstr (json_object_get_string_member (group, "label"), ==, "2");
  g_assert_cmpstr (json_object_get_string_member (group, "kind"), ==, "group");
  item = find_catalog_node (json_object_get_array_member (obj, "groups"), "2.1.1");
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "item");
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, "s2.1.1");
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, "Access control policy");
  g_assert_true (json_object_has_member (item, "roles"));

  /* Importing it again replaces the user's own copy; still one catalog */
  import_basic_catalog (fixture);
  {
    g_autoptr(Result) again = run (fixture, "catalogs", NULL);

    assert_ok (again);
    g_assert_true (strstr (again->out, line) == g_strrstr (again->out, line));
  }
}

static void
test_import_bad_files (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *png = fixture_path (fixture, "picture.png");
  g_autofree char *missing = fixture_path (fixture, "missing.xml");
  g_autofree char *results = shared_path ("oscal-assessment-results-example.xml");
  g_autofree char *user_dir = g_build_filename (fixture->data_home, "tenken", "catalogs", NULL);
  static const guint8 png_bytes[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };
  const char *paths[3];

  g_assert_true (g_file_set_contents (png, (const char *) png_bytes, sizeof png_bytes, NULL));
  paths[0] = png;
  paths[1] = missing;
  paths[2] = results;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(Result) r = run (fixture, "import-catalog", paths[i], NULL);

      assert_user_error (r, NULL);
      g_assert_cmpstr (r->out, ==, "");
    }

  /* Nothing was installed */
  {
    g_autoptr(GDir) dir = g_dir_open (user_dir, 0, NULL);

    if (dir != NULL)
      g_assert_null (g_dir_read_name (dir));
  }

  {
    g_autoptr(Result) r = run (fixture, "catalog", "no-such-catalog", NULL);

    assert_user_error (r, "no-such-catalog");
  }
}

/* ---- the assessment, end to end ---- */

static void
test_end_to_end (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "assessment.tenken");
  g_autofree char *evidence_path = fixture_path (fixture, "policy.txt");
  g_autofree char *expected_sha256 = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char evidence_text[] = "Access control policy, approved 2025-04-01.\n";
  JsonObject *obj;
  JsonObject *scope;
  JsonObject *catalog;
  JsonObject *progress;
  JsonObject *item;
  JsonArray *evidence;
  JsonArray *roles;

  import_basic_catalog (fixture);

  {
    g_autoptr(Result) r = run (fixture, "new", path, "--catalog", BASIC_CATALOG_ID,
                               "--org", "Example Corp", "--service", "Example Cloud",
                               "--roles", "developer,operator", "--tier", "sub",
                               "--type", "design", "--period", "2025-04-01..2026-03-31",
                               "--assessor", "A. Auditor", NULL);
    assert_ok (r);
  }

  /* new never overwrites */
  before = read_bytes (path);
  {
    g_autoptr(Result) r = run (fixture, "new", path, "--catalog", BASIC_CATALOG_ID,
                               "--org", "Other", "--service", "Other", NULL);
    assert_user_error (r, "assessment.tenken");
  }
  assert_unchanged (path, before);
  g_clear_pointer (&before, g_bytes_unref);

  /* Every status, and the rules that refuse some */
  {
    const struct {
      const char *label;
      const char *args[6];
    } ok[] = {
      { "1.1.1", { "--status", "implemented", "--statement", "Roles are in the ISMS manual.", NULL } },
      { "1.1.2", { "--status", "partial", "--owner", "Security team", "--due", "2026-01-31" } },
      { "2.1.1", { "--status", "not-implemented", "--flag", NULL } },
      { "2.1.2", { "--status", "not-applicable", "--justification", "No network services.", NULL } },
      { "2.1.2", { "--status", "planned", "--target", "2026-06-30", NULL } },
      { "2.1.1", { "--status", "not-started", "--no-flag", NULL } },
      { "2.1.1", { "--status", "not-implemented", "--flag", NULL } },
    };

    for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
      {
        const char *argv[10] = { "set", path, ok[i].label, NULL };
        g_autoptr(Result) r = NULL;
        guint n = 3;

        for (guint j = 0; j < G_N_ELEMENTS (ok[i].args) && ok[i].args[j] != NULL; j++)
          argv[n++] = ok[i].args[j];
        argv[n] = NULL;

        r = run_argv_locale (fixture, "C.UTF-8", argv);
        assert_ok (r);
      }
  }

  g_assert_true (g_file_set_contents (evidence_path, evidence_text, -1, NULL));
  before = read_bytes (path);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 1);
    g_autofree char *tomorrow = g_date_time_format (later, "%Y-%m-%d");
    const char * const *refused[] = {
      /* not-applicable needs a justification */
      (const char *[]) { "set", path, "1.1.2", "--status", "not-applicable", NULL },
      (const char *[]) { "set", path, "1.1.2", "--status", "not-applicable", "--justification", "", NULL },
      /* planned needs a target date, a real one */
      (const char *[]) { "set", path, "1.1.1", "--status", "planned", NULL },
      (const char *[]) { "set", path, "1.1.1", "--status", "planned", "--target", "2025-02-30", NULL },
      (const char *[]) { "set", path, "1.1.1", "--status", "implemented", "--due", "tomorrow", NULL },
      /* an unknown label */
      (const char *[]) { "set", path, "9.9.9", "--status", "implemented", NULL },
      (const char *[]) { "attach-url", path, "9.9.9", "https://example.com/", NULL },
      /* not a web address */
      (const char *[]) { "attach-url", path, "1.1.1", "javascript:alert(1)", NULL },
      /* evidence collected in the future, or on no real day */
      (const char *[]) { "attach", path, "1.1.1", evidence_path, "--collected", tomorrow, NULL },
      (const char *[]) { "attach", path, "1.1.1", evidence_path, "--collected", "2025-02-30", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr(Result) r = run_argv_locale (fixture, "C.UTF-8", refused[i]);

        assert_user_error (r, NULL);
        assert_unchanged (path, before);
      }
  }
  g_clear_pointer (&before, g_bytes_unref);

  /* Evidence: a file, hashed, and a URL */
  expected_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, evidence_text, -1);
  {
    g_autoptr(Result) r = run (fixture, "attach", path, "2.1.1", evidence_path,
                               "--note", "Signed policy", "--collected", "2025-04-02", NULL);
    assert_ok (r);
    g_assert_nonnull (strstr (r->out, expected_sha256));
  }
  {
    g_autoptr(Result) r = run (fixture, "attach-url", path, "2.1.1",
                               "https://example.com/policy", "--note", "Published copy", NULL);
    assert_ok (r);
  }

  /* show --json, field by field */
  root = show_json (fixture, path);
  obj = json_node_get_object (root);

  catalog = json_object_get_object_member (obj, "catalog");
  g_assert_cmpstr (json_object_get_string_member (catalog, "id"), ==, BASIC_CATALOG_ID);
  g_assert_cmpstr (json_object_get_string_member (catalog, "title"), ==,
                   "Sample Security Catalog for Demonstration and Testing");
  g_assert_cmpstr (json_object_get_string_member (catalog, "version"), ==, "1.1");
  {
    g_autofree char *xml_path = shared_path ("oscal-basic-catalog.xml");
    g_autoptr(GBytes) xml = read_bytes (xml_path);
    g_autofree char *xml_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, xml);

    g_assert_cmpstr (json_object_get_string_member (catalog, "sha256"), ==, xml_sha256);
  }

  scope = json_object_get_object_member (obj, "scope");
  g_assert_cmpstr (json_object_get_string_member (scope, "organisation"), ==, "Example Corp");
  g_assert_cmpstr (json_object_get_string_member (scope, "service"), ==, "Example Cloud");
  g_assert_cmpstr (json_object_get_string_member (scope, "tier"), ==, "sub");
  g_assert_cmpstr (json_object_get_string_member (scope, "assessment-type"), ==, "design");
  g_assert_cmpstr (json_object_get_string_member (scope, "period-start"), ==, "2025-04-01");
  g_assert_cmpstr (json_object_get_string_member (scope, "period-end"), ==, "2026-03-31");
  g_assert_cmpstr (json_object_get_string_member (scope, "assessor"), ==, "A. Auditor");
  roles = json_object_get_array_member (scope, "roles");
  g_assert_cmpuint (json_array_get_length (roles), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (roles, 0), ==, "developer");
  g_assert_cmpstr (json_array_get_string_element (roles, 1), ==, "operator");

  /* The basic catalog names no roles, so all four items apply */
  progress = json_object_get_object_member (obj, "progress");
  g_assert_cmpint (json_object_get_int_member (progress, "total"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (progress, "implemented"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (progress, "partial"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (progress, "not-implemented"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (progress, "planned"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (progress, "not-applicable"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (progress, "not-started"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "items")), ==, 4);

  item = find_item (obj, "1.1.1");
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, "s1.1.1");
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==,
                   "Information security roles and responsibilities");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "implemented");
  g_assert_cmpstr (json_object_get_string_member (item, "statement"), ==, "Roles are in the ISMS manual.");
  g_assert_true (json_object_get_null_member (item, "justification"));
  g_assert_false (json_object_get_boolean_member (item, "flagged"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item, "evidence")), ==, 0);

  item = find_item (obj, "1.1.2");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "partial");
  g_assert_cmpstr (json_object_get_string_member (item, "owner"), ==, "Security team");
  g_assert_cmpstr (json_object_get_string_member (item, "due"), ==, "2026-01-31");

  item = find_item (obj, "2.1.2");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "planned");
  g_assert_cmpstr (json_object_get_string_member (item, "target"), ==, "2026-06-30");
  /* set keeps what it is not told to change */
  g_assert_cmpstr (json_object_get_string_member (item, "justification"), ==, "No network services.");

  item = find_item (obj, "2.1.1");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "not-implemented");
  g_assert_true (json_object_get_boolean_member (item, "flagged"));
  evidence = json_object_get_array_member (item, "evidence");
  g_assert_cmpuint (json_array_get_length (evidence), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *e = json_array_get_object_element (evidence, i);

      if (g_str_equal (json_object_get_string_member (e, "kind"), "file"))
        {
          g_assert_cmpstr (json_object_get_string_member (e, "name"), ==, "policy.txt");
          g_assert_cmpstr (json_object_get_string_member (e, "sha256"), ==, expected_sha256);
          g_assert_cmpint (json_object_get_int_member (e, "size"), ==, strlen (evidence_text));
          g_assert_true (json_object_get_null_member (e, "url"));
          g_assert_cmpstr (json_object_get_string_member (e, "note"), ==, "Signed policy");
          g_assert_cmpstr (json_object_get_string_member (e, "collected"), ==, "2025-04-02");
        }
      else
        {
          g_assert_cmpstr (json_object_get_string_member (e, "kind"), ==, "url");
          g_assert_cmpstr (json_object_get_string_member (e, "url"), ==, "https://example.com/policy");
          g_assert_true (json_object_get_null_member (e, "sha256"));
          g_assert_cmpstr (json_object_get_string_member (e, "note"), ==, "Published copy");
        }
    }

  /* Plain show: the scope, the progress and one line per item */
  {
    g_autoptr(Result) r = run (fixture, "show", path, NULL);

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, "Example Corp"));
    g_assert_nonnull (strstr (r->out, "Progress: 1 of 4 items implemented"));
    g_assert_true (g_regex_match_simple ("^1\\.1\\.1 +implemented +Information security roles and responsibilities$",
                                            r->out, G_REGEX_MULTILINE, 0));
    g_assert_true (g_regex_match_simple ("^2\\.1\\.1 +not-implemented +Access control policy .*flagged",
                                            r->out, G_REGEX_MULTILINE, 0));
  }

  /* History: newest first */
  {
    g_autoptr(Result) r = run (fixture, "history", path, "--json", NULL);
    g_autoptr(JsonNode) history = NULL;
    JsonArray *entries;
    gboolean saw_status = FALSE;
    gint64 last_id = G_MAXINT64;

    assert_ok (r);
    history = parse_json (r->out);
    entries = json_node_get_array (history);
    g_assert_cmpuint (json_array_get_length (entries), >=, 10);

    for (guint i = 0; i < json_array_get_length (entries); i++)
      {
        JsonObject *e = json_array_get_object_element (entries, i);
        gint64 id = json_object_get_int_member (e, "id");

        g_assert_cmpint (id, <, last_id);
        last_id = id;
        g_assert_nonnull (json_object_get_string_member (e, "timestamp"));
        g_assert_nonnull (json_object_get_string_member (e, "field"));

        /* The newest status change of 2.1.1 is the last `set` on it */
        if (!saw_status &&
            g_strcmp0 (json_object_get_string_member (e, "label"), "2.1.1") == 0 &&
            g_strcmp0 (json_object_get_string_member (e, "field"), "status") == 0)
          {
            saw_status = TRUE;
            g_assert_cmpstr (json_object_get_string_member (e, "old"), ==, "not-started");
            g_assert_cmpstr (json_object_get_string_member (e, "new"), ==, "not-implemented");
          }
      }
    g_assert_true (saw_status);
  }
  {
    g_autoptr(Result) r = run (fixture, "history", path, NULL);

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, "  1.1.1  statement  ∅ → Roles are in the ISMS manual.\n"));
  }

  /* check: everything is fine */
  {
    g_autoptr(Result) r = run (fixture, "check", path, NULL);

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, "OK"));
  }
}

/* ---- bad documents ---- */

static void
test_bad_documents (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *png = fixture_path (fixture, "picture.png");
  g_autofree char *missing = fixture_path (fixture, "missing.tenken");
  g_autofree char *text = fixture_path (fixture, "notes.tenken");
  static const guint8 png_bytes[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };
  const char *commands[][6] = {
    { "show", NULL },
    { "show", "--json", NULL },
    { "history", NULL },
    { "check", NULL },
    { "set", "1.1.1", "--status", "implemented", NULL },
    { "attach-url", "1.1.1", "https://example.com/", NULL },
  };
  const char *files[] = { png, missing, text };

  g_assert_true (g_file_set_contents (png, (const char *) png_bytes, sizeof png_bytes, NULL));
  g_assert_true (g_file_set_contents (text, "just some text\n", -1, NULL));

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(GBytes) before = NULL;

      if (g_file_test (files[f], G_FILE_TEST_EXISTS))
        before = read_bytes (files[f]);

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          const char *argv[8] = { commands[c][0], files[f], NULL };
          g_autoptr(Result) r = NULL;
          guint n = 2;

          for (guint j = 1; commands[c][j] != NULL; j++)
            argv[n++] = commands[c][j];
          argv[n] = NULL;

          r = run_argv_locale (fixture, "C.UTF-8", argv);
          assert_user_error (r, NULL);

          if (before != NULL)
            assert_unchanged (files[f], before);
          else
            g_assert_false (g_file_test (files[f], G_FILE_TEST_EXISTS));
        }
    }

  /* attach of a file that does not exist, into a good document */
  {
    g_autofree char *path = new_basic_document (fixture, "good.tenken");
    g_autoptr(GBytes) before = read_bytes (path);
    g_autoptr(Result) r = run (fixture, "attach", path, "1.1.1", missing, NULL);

    assert_user_error (r, "missing.tenken");
    assert_unchanged (path, before);
  }
}

/* check finds evidence changed behind Tenken's back */
static void
test_check_damaged (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = new_basic_document (fixture, "damaged.tenken");
  g_autofree char *evidence_path = fixture_path (fixture, "log.txt");
  g_autoptr(GBytes) before = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (evidence_path, "audit log\n", -1, NULL));
  {
    g_autoptr(Result) r = run (fixture, "attach", path, "1.1.2", evidence_path, NULL);
    assert_ok (r);
  }
  {
    g_autoptr(Result) r = run (fixture, "check", path, NULL);
    assert_ok (r);
  }

  /* Same size, other bytes: only re-hashing finds it */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE blobs SET data = zeroblob(size)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  before = read_bytes (path);
  {
    g_autoptr(Result) r = run (fixture, "check", path, NULL);

    assert_user_error (r, NULL);
    g_assert_nonnull (strstr (r->out, "log.txt"));
    g_assert_null (strstr (r->out, "OK"));
  }
  assert_unchanged (path, before);
}

/* ---- Japanese text ---- */

static void
test_japanese_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "点検.tenken");
  const char *statement = "年次で脆弱性診断を実施し、結果を経営層に報告している。";
  const char *org = "株式会社サンプル";

  {
    g_autoptr(Result) r = run (fixture, "new", path, "--catalog", "meti-cip-guidelines",
                               "--org", org, "--service", "クラウド基盤",
                               "--roles", "developer,supplier", NULL);
    assert_ok (r);
  }

  /* In the C locale too: output must stay UTF-8, not be converted */
  {
    const char *argv[] = { "set", path, "S(1)-1.1", "--status", "implemented",
                           "--statement", statement, "--author", "点検 太郎", NULL };
    g_autoptr(Result) r = run_argv_locale (fixture, "C", argv);

    assert_ok (r);
  }

  for (guint i = 0; i < 2; i++)
    {
      const char *argv[] = { "show", path, "--json", NULL };
      g_autoptr(Result) r = run_argv_locale (fixture, i == 0 ? "C.UTF-8" : "C", argv);
      g_autoptr(JsonNode) root = NULL;
      JsonObject *obj;
      JsonObject *item;

      assert_ok (r);
      root = parse_json (r->out);
      obj = json_node_get_object (root);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (obj, "catalog"), "id"),
                       ==, "meti-cip-guidelines");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "items")), ==, 69);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (obj, "scope"), "organisation"),
                       ==, org);
      item = find_item (obj, "S(1)-1.1");
      g_assert_cmpstr (json_object_get_string_member (item, "statement"), ==, statement);
      g_assert_cmpstr (json_object_get_string_member (item, "updated-by"), ==, "点検 太郎");
      g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "implemented");
      g_assert_true (g_utf8_validate (json_object_get_string_member (item, "title"), -1, NULL));
    }

  {
    const char *argv[] = { "history", path, NULL };
    g_autoptr(Result) r = run_argv_locale (fixture, "C", argv);

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, statement));
    g_assert_nonnull (strstr (r->out, "  点検 太郎  S(1)-1.1  statement  ∅ → "));
  }

  /* The catalog tree shows labels and roles */
  {
    g_autoptr(Result) r = run (fixture, "catalog", "meti-cip-guidelines", NULL);

    assert_ok (r);
    g_assert_nonnull (strstr (r->out, "S(1)-1.1  "));
    g_assert_nonnull (strstr (r->out, "S(6)-2.4  "));
  }

  {
    g_autoptr(Result) r = run (fixture, "check", path, NULL);

    assert_ok (r);
  }
}

/* With LANGUAGE=ja the messages are Japanese, still one line, same status */
static void
test_japanese_messages (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *unknown[] = { "frobnicate", NULL };
  const char *help[] = { "--help", NULL };
  g_autoptr(Result) usage = run_argv_language (fixture, "C.UTF-8", "ja", unknown);
  g_autoptr(Result) text = run_argv_language (fixture, "C.UTF-8", "ja", help);

  assert_usage_error (usage);
  g_assert_nonnull (strstr (usage->err, "「frobnicate」"));
  g_assert_true (g_str_has_suffix (usage->err, "\xe3\x80\x82\n"));

  assert_ok (text);
  g_assert_nonnull (strstr (text->out, "\n  show "));
  g_assert_null (strstr (text->out, "Commands:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/help-and-version", test_help_and_version);
  ADD ("/cli/catalogs/shipped", test_catalogs_shipped);
  ADD ("/cli/catalogs/import", test_import_catalog);
  ADD ("/cli/catalogs/import-bad-files", test_import_bad_files);
  ADD ("/cli/document/end-to-end", test_end_to_end);
  ADD ("/cli/document/bad-files", test_bad_documents);
  ADD ("/cli/document/check-damaged", test_check_damaged);
  ADD ("/cli/document/japanese", test_japanese_round_trip);
  ADD ("/cli/japanese-messages", test_japanese_messages);

#undef ADD

  return g_test_run ();
}
