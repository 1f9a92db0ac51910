/* test-hostile.c: the hostile-input corpus (tests/hostile/) through the real entry points
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every case runs while an assessment is open, as it would be in the app, and
 * must end with one clear message that names the offending file, and with
 * the open document unchanged: the same bytes in the .tenken file and its
 * -wal, the same rows, and a clean tenken_document_check(). The large inputs
 * (a 50 MB text node, a 2 GB sparse file) are made at run time.
 */

#define G_LOG_DOMAIN "tenken-test"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "document-test-util.h"
#include "tenken-autocleanups.h"
#include "tenken-declaration.h"
#include "tenken-export.h"
#include "tenken-report.h"

typedef struct
{
  char           *dir;        /* private temporary directory */
  char           *path;       /* the open document */
  TenkenDocument *document;
  char           *bytes_hash; /* SHA-256 of the file and its -wal */
  char           *rows_hash;  /* SHA-256 of every row of every table */
} Fixture;

/* --- helpers --- */

static char *
hostile_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "hostile", name, NULL);
}

static void
checksum_file (GChecksum  *checksum,
               const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_checksum_update (checksum, (const guchar *) "absent", 6);
      return;
    }
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_checksum_update (checksum, (const guchar *) contents, length);
}

/* The bytes on disk: the database file and its write-ahead log */
static char *
hash_bytes (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  checksum_file (checksum, path);
  checksum_file (checksum, wal);
  return g_strdup (g_checksum_get_string (checksum));
}

/* What the document says, whatever SQLite's checkpoints did to the bytes:
 * every row of every table, read through a separate read-only connection.
 * Not edit_lock: it says who has the file open, not what it holds. */
static char *
hash_rows (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' AND name != 'edit_lock' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_cmpuint (tables->len, >, 0);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      int rc;

      g_checksum_update (checksum, (const guchar *) table, -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const void *blob = sqlite3_column_blob (stmt, c);

            g_checksum_update (checksum, (const guchar *) "|", 1);
            if (blob != NULL)
              g_checksum_update (checksum, blob, sqlite3_column_bytes (stmt, c));
          }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  sqlite3_close (db);

  return g_strdup (g_checksum_get_string (checksum));
}

/* One clear message: says something, names the file, is one paragraph */
static void
assert_clear_message (const GError *error,
                      const char   *name)
{
  g_assert_nonnull (error);
  g_test_message ("%s: %s", name, error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  if (strstr (error->message, name) == NULL)
    g_error ("the message does not name “%s”: %s", name, error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strstr (error->message, "(null)"));
}

/* An editable copy of the first answer (the model's objects are live) */
static TenkenResponse *
first_response (TenkenDocument *document)
{
  g_autoptr(TenkenResponse) live = g_list_model_get_item (tenken_document_get_responses (document), 0);

  return tenken_response_copy (live);
}

static const char *
first_item_id (TenkenDocument *document)
{
  g_autoptr(TenkenResponse) live = g_list_model_get_item (tenken_document_get_responses (document), 0);

  /* The item belongs to the document's catalog, which outlives this call */
  return tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (live)));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TenkenResponse) response = NULL;
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autofree char *evidence_path = NULL;

  f->dir = g_dir_make_tmp ("tenken-hostile-XXXXXX", &error);
  g_assert_no_error (error);

  /* An assessment with an answer and a piece of evidence, reopened so that
   * it is open the way the app opens a file */
  f->document = doc_test_create (f->dir, "open.tenken");
  f->path = g_build_filename (f->dir, "open.tenken", NULL);
  response = first_response (f->document);
  tenken_response_set_status (response, TENKEN_STATUS_IMPLEMENTED);
  tenken_response_set_statement (response, "Done before the hostile input arrived");
  g_assert_true (tenken_document_set_response (f->document, response, &error));
  g_assert_no_error (error);

  evidence_path = g_build_filename (f->dir, "policy.txt", NULL);
  g_assert_true (g_file_set_contents (evidence_path, "The policy.\n", -1, &error));
  file = g_file_new_for_path (evidence_path);
  evidence = tenken_document_add_evidence_file (f->document, file, first_item_id (f->document),
                                                "note", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (evidence);

  f->bytes_hash = hash_bytes (f->path);
  f->rows_hash = hash_rows (f->path);
}

/* Same rows, a clean check and, unless another process had the file open
 * meanwhile, the same bytes. (When another connection closes, SQLite may
 * checkpoint the -wal into the main file: different bytes, same content.) */
static void
assert_document_unchanged_full (Fixture  *f,
                                gboolean  same_bytes)
{
  g_autofree char *bytes = hash_bytes (f->path);
  g_autofree char *rows = hash_rows (f->path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (rows, ==, f->rows_hash);
  if (same_bytes)
    g_assert_cmpstr (bytes, ==, f->bytes_hash);
  if (f->document != NULL)
    {
      g_assert_true (tenken_document_check (f->document, problems, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);
    }
}

static void
assert_document_unchanged (Fixture *f)
{
  assert_document_unchanged_full (f, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->document != NULL)
    tenken_document_close (f->document);
  g_clear_object (&f->document);
  doc_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->bytes_hash);
  g_free (f->rows_hash);
}

/* --- XML: catalogs, through both the loader and the registry's import --- */

typedef struct
{
  const char *file;
  int         code;  /* TenkenCatalogError, or -1: loads, and item c1 is "制御 One" */
} XmlCase;

static void
run_xml_case (Fixture    *f,
              const char *path,
              int         code)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *system_path = g_build_filename (f->dir, "system", NULL);
  g_autofree char *user_path = g_build_filename (f->dir, "user", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) system_dir = g_file_new_for_path (system_path);
  g_autoptr(GFile) user_dir = g_file_new_for_path (user_path);
  g_autoptr(TenkenCatalogRegistry) registry = NULL;
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autoptr(TenkenCatalog) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) import_error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_mkdir_with_parents (system_path, 0700);
  g_mkdir_with_parents (user_path, 0700);
  registry = tenken_catalog_registry_new_for_dirs (system_dir, user_dir);

  catalog = tenken_catalog_new_from_file (file, NULL, &error);
  imported = tenken_catalog_registry_import (registry, file, NULL, &import_error);

  if (code < 0)
    {
      TenkenCatalogItem *item;

      g_assert_no_error (error);
      g_assert_no_error (import_error);
      item = tenken_catalog_lookup_item_by_label (catalog, "c1");
      g_assert_nonnull (item);
      g_assert_cmpstr (tenken_catalog_node_get_title (TENKEN_CATALOG_NODE (item)), ==, "制御 One");
      g_assert_cmpuint (g_list_model_get_n_items (tenken_catalog_registry_get_catalogs (registry)), ==, 1);
    }
  else
    {
      g_autoptr(GDir) dir = NULL;

      g_assert_null (catalog);
      g_assert_null (imported);
      g_assert_error (error, TENKEN_CATALOG_ERROR, code);
      g_assert_error (import_error, TENKEN_CATALOG_ERROR, code);
      assert_clear_message (error, name);
      assert_clear_message (import_error, name);
      /* Nothing half-imported: the user directory stays empty */
      dir = g_dir_open (user_path, 0, NULL);
      g_assert_nonnull (dir);
      g_assert_null (g_dir_read_name (dir));
      g_assert_cmpuint (g_list_model_get_n_items (tenken_catalog_registry_get_catalogs (registry)), ==, 0);
    }

  /* Refused quickly: no expansion was attempted (generous for valgrind/ASan) */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
  assert_document_unchanged (f);

  /* The next case starts with empty catalog directories */
  g_clear_object (&registry);
  doc_test_remove_dir (user_path);
  doc_test_remove_dir (system_path);
}

static const XmlCase xml_cases[] = {
  { "xxe-file.xml", TENKEN_CATALOG_ERROR_FORBIDDEN },
  { "billion-laughs.xml", TENKEN_CATALOG_ERROR_FORBIDDEN },
  { "quadratic-blowup.xml", TENKEN_CATALOG_ERROR_FORBIDDEN },
  { "deep-nesting.xml", TENKEN_CATALOG_ERROR_FORBIDDEN },
  { "deep-nesting-prose.xml", TENKEN_CATALOG_ERROR_FORBIDDEN },
  { "invalid-utf8.xml", TENKEN_CATALOG_ERROR_MALFORMED },
  { "invalid-utf8-overlong.xml", TENKEN_CATALOG_ERROR_MALFORMED },
  { "bom-utf8.xml", -1 },
  { "bom-utf16le.xml", -1 },
  { "bom-utf16be.xml", -1 },
  { "bom-mismatch.xml", TENKEN_CATALOG_ERROR_MALFORMED },
  { "bom-utf32le.xml", TENKEN_CATALOG_ERROR_MALFORMED },
  { "bom-double.xml", TENKEN_CATALOG_ERROR_MALFORMED },
  { "wrong-namespace.xml", TENKEN_CATALOG_ERROR_NOT_OSCAL },
  { "no-namespace.xml", TENKEN_CATALOG_ERROR_NOT_OSCAL },
  { "duplicate-ids.xml", TENKEN_CATALOG_ERROR_INVALID },
  { "duplicate-ids-group.xml", TENKEN_CATALOG_ERROR_INVALID },
};

static void
test_xml_corpus (Fixture       *f,
                 gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (xml_cases); i++)
    {
      g_autofree char *path = hostile_path (xml_cases[i].file);

      g_test_message ("case %s", xml_cases[i].file);
      run_xml_case (f, path, xml_cases[i].code);
    }
}

static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  (*(guint *) user_data)++;
  return FALSE;
}

/* XXE to http://127.0.0.1: a listener on loopback must see no connection */
static void
test_xxe_http (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  const char *templates[] = { "xxe-http.xml.in", "xxe-http-dtd.xml.in" };
  g_autofree char *port = NULL;
  guint n_connections = 0;

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  port = g_strdup_printf ("%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_signal_connect (service, "incoming", G_CALLBACK (on_incoming), &n_connections);
  g_socket_service_start (service);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autofree char *template_path = hostile_path (templates[i]);
      g_autofree char *contents = NULL;
      g_autofree char *xml = NULL;
      g_autofree char *name = g_strndup (templates[i], strlen (templates[i]) - 3);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_auto(GStrv) pieces = NULL;

      g_assert_true (g_file_get_contents (template_path, &contents, NULL, NULL));
      pieces = g_strsplit (contents, "@PORT@", -1);
      xml = g_strjoinv (port, pieces);
      g_assert_true (g_file_set_contents (path, xml, -1, NULL));
      run_xml_case (f, path, TENKEN_CATALOG_ERROR_FORBIDDEN);
    }

  /* A connection made meanwhile waits in the backlog: let it be counted */
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
  g_assert_cmpuint (n_connections, ==, 0);
  g_socket_service_stop (service);
}

/* A 50 MB text node: within the 64 MB file limit, but no text in a catalog
 * may be that long (a label showing it would hang the UI) */
static void
test_huge_text_node (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "huge-text.xml", NULL);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                                         "<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" "
                                         "uuid=\"00000000-0000-4000-8000-000000000001\">"
                                         "<metadata><title>");
  gsize text_size = 50 * 1024 * 1024;

  g_string_set_size (xml, xml->len + text_size);
  memset (xml->str + xml->len - text_size, 'A', text_size);
  g_string_append (xml, "</title></metadata></catalog>\n");
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));

  g_assert_cmpuint (xml->len, <, TENKEN_CATALOG_MAX_SIZE);
  run_xml_case (f, path, TENKEN_CATALOG_ERROR_TOO_LARGE);
}

/* --- bad documents: opening them fails clearly and writes nothing --- */

static void
expect_open_error (Fixture    *f,
                   const char *path,
                   int         code)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *before = hash_bytes (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenDocument) other = NULL;
  g_autofree char *after = NULL;

  other = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_NONE, &error);
  g_assert_null (other);
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, code);
  assert_clear_message (error, name);

  /* The bad file itself is not "repaired", migrated or locked */
  after = hash_bytes (path);
  g_assert_cmpstr (after, ==, before);
  assert_document_unchanged (f);
}

static void
test_png_document (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *source = hostile_path ("png-renamed.tenken");
  g_autofree char *path = g_build_filename (f->dir, "png-renamed.tenken", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  /* A copy: the test must not depend on the checkout being writable */
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  expect_open_error (f, path, TENKEN_DOCUMENT_ERROR_NOT_TENKEN);
}

/* A closed, checkpointed copy of a real document, to damage */
static char *
make_closed_copy (Fixture    *f,
                  const char *name)
{
  g_autoptr(TenkenDocument) document = doc_test_create (f->dir, name);

  tenken_document_close (document);
  return g_build_filename (f->dir, name, NULL);
}

static void
test_truncated_document (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = make_closed_copy (f, "truncated.tenken");
  GStatBuf st;
  goffset cuts[3];

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  /* Cut from the end backwards: at half, in the second page, in the header */
  cuts[0] = st.st_size / 2;
  cuts[1] = 4096 + 100;
  cuts[2] = 50;
  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_test_message ("cut at %" G_GOFFSET_FORMAT " of %" G_GOFFSET_FORMAT, cuts[i], (goffset) st.st_size);
      g_assert_cmpint (truncate (path, cuts[i]), ==, 0);
      /* Even 50 bytes still carry SQLite's magic: damaged, not foreign */
      expect_open_error (f, path, TENKEN_DOCUMENT_ERROR_CORRUPT);
    }
}

static void
test_future_document (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = make_closed_copy (f, "future.tenken");
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", TENKEN_DOCUMENT_SCHEMA_VERSION + 41);

  g_assert_cmpint (doc_test_exec (path, sql), ==, SQLITE_OK);
  g_assert_cmpint (doc_test_exec (path, "PRAGMA journal_mode = DELETE"), ==, SQLITE_OK);
  expect_open_error (f, path, TENKEN_DOCUMENT_ERROR_TOO_NEW);

  /* Only the format number raised: the message must not claim that this
   * version is needed while refusing it */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autoptr(TenkenDocument) other = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_NONE, &error);
    g_autofree char *this_version = g_strdup_printf ("needs Tenken %s", PACKAGE_VERSION);

    g_assert_null (other);
    g_assert_null (strstr (error->message, this_version));
  }
}

/* An evidence blob altered behind Tenken's back: check() names it, and
 * extracting it refuses to hand out the altered bytes */
static void
test_altered_blob (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autofree char *dest_path = g_build_filename (f->dir, "extracted.txt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GListModel *list;
  gint64 id;

  /* Alter it through a second connection while the app has it open */
  list = tenken_document_list_evidence (f->document);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  evidence = g_list_model_get_item (list, 0);
  id = tenken_evidence_get_id (evidence);
  tenken_document_close (f->document);
  g_clear_object (&f->document);
  g_assert_cmpint (doc_test_exec (f->path, "UPDATE blobs SET data = CAST ('The p0licy.\n' AS BLOB)"), ==, SQLITE_OK);
  before = hash_rows (f->path);

  {
    g_autoptr(GFile) file = g_file_new_for_path (f->path);

    f->document = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_NONE, &error);
    g_assert_no_error (error);
  }
  /* FALSE: problems were found (not an error: the check itself ran) */
  g_assert_false (tenken_document_check (f->document, problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >=, 1);
  g_test_message ("check: %s", (const char *) g_ptr_array_index (problems, 0));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "policy.txt"));

  dest = g_file_new_for_path (dest_path);
  g_assert_false (tenken_document_extract_evidence (f->document, id, dest, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("extract: %s", error->message);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_false (g_file_test (dest_path, G_FILE_TEST_EXISTS));

  /* Opening and checking repaired nothing silently */
  after = hash_rows (f->path);
  g_assert_cmpstr (after, ==, before);
}

/* --- bad paths and sizes --- */

static void
test_evidence_names (Fixture       *f,
                     gconstpointer  data)
{
  /* Names a hostile archive or share could hand us. '/' cannot be in a
   * file name, so the path tricks use backslashes (Windows separators) */
  const char *names[] = {
    "..\\..\\..\\etc\\passwd",
    ".\\..",
    "...",
    "evil\nname.txt",
    "..\\evil\r\n.txt",
    "\xe2\x80\xa8line-separator.txt",
    " ",
  };
  g_autoptr(GError) error = NULL;
  const char *item_id = first_item_id (f->document);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *source_dir = g_build_filename (f->dir, "incoming", NULL);
      g_autofree char *source = NULL;
      g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
      g_autofree char *out_path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) out = NULL;
      g_autoptr(TenkenEvidence) evidence = NULL;
      g_autofree char *escaped = g_strescape (names[i], NULL);
      const char *stored;

      g_mkdir_with_parents (source_dir, 0700);
      g_mkdir_with_parents (out_dir, 0700);
      source = g_build_filename (source_dir, names[i], NULL);
      g_assert_true (g_file_set_contents (source, "evidence\n", -1, &error));
      file = g_file_new_for_path (source);

      evidence = tenken_document_add_evidence_file (f->document, file, item_id, NULL, NULL,
                                                    NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      stored = tenken_evidence_get_name (evidence);
      g_test_message ("“%s” stored as “%s”", escaped, stored);
      /* One line, no path: safe to show, to log and to use as a file name */
      g_assert_null (strpbrk (stored, "/\\\n\r"));
      g_assert_null (strstr (stored, "\xe2\x80\xa8"));
      g_assert_cmpstr (stored, !=, "..");
      g_assert_cmpstr (stored, !=, ".");
      g_assert_cmpstr (stored, !=, "");

      /* Extracting by the stored name stays inside the chosen directory */
      out_path = g_build_filename (out_dir, stored, NULL);
      out = g_file_new_for_path (out_path);
      g_assert_true (tenken_document_extract_evidence (f->document, tenken_evidence_get_id (evidence),
                                                       out, NULL, &error));
      g_assert_no_error (error);
      {
        g_autoptr(GFile) parent = g_file_get_parent (out);
        g_autofree char *parent_path = g_file_get_path (parent);

        g_assert_cmpstr (parent_path, ==, out_dir);
      }
      g_unlink (source);
      g_unlink (out_path);
      g_rmdir (source_dir);
      g_rmdir (out_dir);
    }
}

static void
test_sparse_2gb (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "huge-evidence.bin", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenEvidence) evidence = NULL;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  /* 2 GiB of holes: no disk space used */
  g_assert_cmpint (ftruncate (fd, (off_t) 2 * 1024 * 1024 * 1024), ==, 0);
  close (fd);

  evidence = tenken_document_add_evidence_file (f->document, file, first_item_id (f->document),
                                                NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (evidence);
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID);
  assert_clear_message (error, "huge-evidence.bin");
  assert_document_unchanged (f);
}

/* --- bad environment --- */

/* Another process tries to edit the document the app has open */
static void
test_second_process (Fixture       *f,
                     gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("TENKEN_HOSTILE_DOC"));
      g_autoptr(GError) error = NULL;
      g_autoptr(TenkenDocument) second = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_NONE, &error);

      g_assert_null (second);
      g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IN_USE);
      assert_clear_message (error, "open.tenken");
      g_print ("%s\n", error->message);
      g_clear_error (&error);

      /* Read-only is allowed, and still writes nothing */
      second = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_true (tenken_document_is_read_only (second));
      return;
    }

  g_setenv ("TENKEN_HOSTILE_DOC", f->path, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*open.tenken*");
  assert_document_unchanged_full (f, FALSE);
  /* The lock is still ours */
  g_assert_cmpint (doc_test_query_int (f->path, "SELECT pid FROM edit_lock"), ==, getpid ());
}

/* A full disk: the child may not grow any file by more than a few pages
 * (RLIMIT_FSIZE), which fails SQLite's writes the way ENOSPC does. The edit
 * fails with a clear message and the committed content survives. */
static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("TENKEN_HOSTILE_DOC"));
      g_autofree char *big_path = g_build_filename (g_getenv ("TENKEN_HOSTILE_DIR"), "big.bin", NULL);
      g_autoptr(GFile) big = g_file_new_for_path (big_path);
      g_autoptr(GError) error = NULL;
      g_autoptr(TenkenDocument) document = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_NONE, &error);
      g_autoptr(TenkenResponse) response = NULL;
      g_autoptr(TenkenEvidence) evidence = NULL;
      struct rlimit limit;
      GStatBuf st;

      g_assert_no_error (error);
      g_assert_cmpint (g_stat (g_getenv ("TENKEN_HOSTILE_DOC"), &st), ==, 0);
      signal (SIGXFSZ, SIG_IGN);
      limit.rlim_cur = limit.rlim_max = (rlim_t) st.st_size + 64 * 1024;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      response = first_response (document);
      evidence = tenken_document_add_evidence_file (document, big, first_item_id (document),
                                                    NULL, NULL, NULL, NULL, NULL, &error);
      g_assert_null (evidence);
      g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO);
      g_print ("%s\n", error->message);
      g_clear_error (&error);

      /* A small edit after the failure still works or fails cleanly */
      tenken_response_set_statement (response, "after the disk filled up");
      if (!tenken_document_set_response (document, response, &error))
        g_print ("%s\n", error->message);
      return;
    }

  {
    g_autofree char *big_path = g_build_filename (f->dir, "big.bin", NULL);
    g_autofree char *noise = g_malloc (4 * 1024 * 1024);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (f->path);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

    /* Incompressible content, so that it cannot fit */
    for (gsize i = 0; i < 4 * 1024 * 1024; i++)
      noise[i] = (char) g_random_int ();
    g_assert_true (g_file_set_contents (big_path, noise, 4 * 1024 * 1024, NULL));

    /* The app lets go of it: the child is the editor here */
    tenken_document_close (f->document);
    g_clear_object (&f->document);
    before = hash_rows (f->path);

    g_setenv ("TENKEN_HOSTILE_DOC", f->path, TRUE);
    g_setenv ("TENKEN_HOSTILE_DIR", f->dir, TRUE);
    g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stdout ("*disk*");

    /* The failed evidence left nothing; at most the small edit landed */
    f->document = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_NONE, &error);
    g_assert_no_error (error);
    g_assert_true (tenken_document_check (f->document, problems, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (tenken_document_list_evidence (f->document)), ==, 1);
    after = hash_rows (f->path);
    if (!g_str_equal (before, after))
      {
        g_autoptr(TenkenResponse) response = g_list_model_get_item (tenken_document_get_responses (f->document), 0);

        g_assert_cmpstr (tenken_response_get_statement (response), ==, "after the disk filled up");
      }
  }
}

/* Exports on a full disk: every PDF, spreadsheet and declaration write that
 * fails says so, and the file from last time stays as it was (the PDF writer
 * once lost cairo's late write errors and renamed a truncated file over it) */
static const char old_export[] = "the export from last week\n";

static void
assert_export_failed (GError     *error,
                      const char *dir,
                      const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;

  g_assert_nonnull (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, old_export);
  g_print ("%s: %s\n", name, error->message);
}

static void
test_full_disk_export (Fixture       *f,
                       gconstpointer  data)
{
  static const char *names[] = { "declaration.xml", "declaration.pdf" };

  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("TENKEN_HOSTILE_DIR");
      g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("TENKEN_HOSTILE_DOC"));
      g_autoptr(GError) error = NULL;
      g_autoptr(TenkenDocument) document = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_READ_ONLY, &error);
      g_autoptr(TenkenReport) report = NULL;
      TenkenDeclarant declarant = { .name = "Hanako Sato", .title = "CISO", .date = "2026-12-01" };
      struct rlimit limit;
      g_autoptr(GFile) xml = NULL;
      g_autoptr(GFile) pdf = NULL;

      g_assert_no_error (error);
      /* This child's own fixture document would fail to let go of its lock */
      tenken_document_close (f->document);
      g_clear_object (&f->document);
      report = tenken_report_new (document, TENKEN_REPORT_FULL, "ja", "2026-12-01", &error);
      g_assert_no_error (error);

      /* Room for a line or two: every export here is larger */
      signal (SIGXFSZ, SIG_IGN);
      limit.rlim_cur = limit.rlim_max = 64;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      for (TenkenExportFormat format = TENKEN_EXPORT_PDF; format <= TENKEN_EXPORT_OSCAL; format++)
        {
          g_autofree char *name = g_strconcat ("report", tenken_export_format_get_extension (format), NULL);
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autoptr(GFile) out = g_file_new_for_path (path);

          g_assert_false (tenken_export_report (report, format, out, NULL, NULL, NULL, &error));
          g_assert_error (error, TENKEN_EXPORT_ERROR, TENKEN_EXPORT_ERROR_IO);
          assert_export_failed (error, dir, name);
          g_clear_error (&error);
        }

      xml = g_file_new_build_filename (dir, "declaration.xml", NULL);
      pdf = g_file_new_build_filename (dir, "declaration.pdf", NULL);
      g_assert_false (tenken_declaration_write (document, &declarant, xml, pdf, NULL, NULL, &error));
      g_assert_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_IO);
      assert_export_failed (error, dir, "declaration.xml");
      assert_export_failed (error, dir, "declaration.pdf");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_assert_true (g_file_set_contents (path, old_export, -1, NULL));
    }
  for (TenkenExportFormat format = TENKEN_EXPORT_PDF; format <= TENKEN_EXPORT_OSCAL; format++)
    {
      g_autofree char *name = g_strconcat ("report", tenken_export_format_get_extension (format), NULL);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_assert_true (g_file_set_contents (path, old_export, -1, NULL));
    }

  g_setenv ("TENKEN_HOSTILE_DOC", f->path, TRUE);
  g_setenv ("TENKEN_HOSTILE_DIR", f->dir, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*report.pdf:*free space*");
  g_test_trap_assert_stdout ("*declaration.pdf:*free space*");

  /* No temporary file was left behind either */
  {
    g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
    const char *entry;

    while ((entry = g_dir_read_name (d)) != NULL)
      g_assert_false (entry[0] == '.' && strstr (entry, "report") != NULL);
  }
}

/* A document the user may not write: opens read-only with the reason, and
 * edits fail naming the file. As root (CI), the child drops to "nobody",
 * since root may write anything. */
static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("TENKEN_HOSTILE_DOC"));
      g_autoptr(GError) error = NULL;
      g_autoptr(TenkenDocument) document = NULL;
      g_autoptr(TenkenResponse) response = NULL;

      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
      document = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_NONE, &error);
      if (document == NULL)
        {
          /* Refusing is fine too, if it says why */
          assert_clear_message (error, "open.tenken");
          g_print ("%s\n", error->message);
          return;
        }
      g_assert_true (tenken_document_is_read_only (document));
      response = first_response (document);
      tenken_response_set_statement (response, "must not be saved");
      g_assert_false (tenken_document_set_response (document, response, &error));
      g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_READ_ONLY);
      assert_clear_message (error, "open.tenken");
      g_print ("%s\n", error->message);
      return;
    }

  {
    g_autofree char *before = NULL;
    g_autofree char *after_bytes = NULL;

    tenken_document_close (f->document);
    g_clear_object (&f->document);
    before = hash_bytes (f->path);
    g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
    g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);

    g_setenv ("TENKEN_HOSTILE_DOC", f->path, TRUE);
    g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_chmod (f->dir, 0700);
    g_chmod (f->path, 0600);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stdout ("*open.tenken*");
    after_bytes = hash_bytes (f->path);
    g_assert_cmpstr (after_bytes, ==, before);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/hostile/xml/corpus", test_xml_corpus);
  ADD ("/hostile/xml/xxe-http", test_xxe_http);
  ADD ("/hostile/xml/huge-text-node", test_huge_text_node);
  ADD ("/hostile/document/png", test_png_document);
  ADD ("/hostile/document/truncated", test_truncated_document);
  ADD ("/hostile/document/future-version", test_future_document);
  ADD ("/hostile/document/altered-blob", test_altered_blob);
  ADD ("/hostile/paths/evidence-names", test_evidence_names);
  ADD ("/hostile/paths/sparse-2gb", test_sparse_2gb);
  ADD ("/hostile/environment/second-process", test_second_process);
  ADD ("/hostile/environment/full-disk", test_full_disk);
  ADD ("/hostile/environment/full-disk-export", test_full_disk_export);
  ADD ("/hostile/environment/read-only", test_read_only_file);
#undef ADD

  return g_test_run ();
}
