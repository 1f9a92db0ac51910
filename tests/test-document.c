/* test-document.c: the .tenken file: round trips, rules, evidence, history,
 * versions, damaged files, locking
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "document-test-util.h"
#include "tenken-document-private.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tenken-document-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "assessment.tenken", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  doc_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static TenkenDocument *
open_document (const char              *path,
               TenkenDocumentOpenFlags  flags)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TenkenDocument *document = tenken_document_open (file, flags, &error);

  g_assert_no_error (error);
  return document;
}

static GError *
open_error (const char              *path,
            TenkenDocumentOpenFlags  flags)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GError *error = NULL;
  g_autoptr(TenkenDocument) document = tenken_document_open (file, flags, &error);

  g_assert_null (document);
  g_assert_nonnull (error);
  g_test_message ("open error: %s", error->message);
  return error;
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

static char *
write_temp_file (const char *dir,
                 const char *name,
                 const void *data,
                 gsize       length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
  return path;
}

static guint
n_dir_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* --- round trip --- */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  g_autoptr(TenkenScope) scope = doc_test_new_scope ();
  g_autoptr(TenkenScope) changed = NULL;
  g_autoptr(TenkenScope) reread = NULL;
  g_autoptr(TenkenResponse) copy = NULL;
  g_autoptr(TenkenCatalog) catalog = doc_test_load_catalog ();
  g_autoptr(GError) error = NULL;
  GListModel *responses, *items;
  TenkenResponse *live;

  g_assert_false (tenken_document_is_read_only (document));
  g_assert_nonnull (tenken_document_get_created_at (document));
  g_assert_cmpstr (tenken_catalog_get_sha256 (tenken_document_get_catalog (document)), ==,
                   tenken_catalog_get_sha256 (catalog));

  /* The scope as created */
  changed = tenken_document_dup_scope (document);
  g_assert_true (tenken_scope_equal (changed, scope));

  /* Every scope field changed */
  tenken_scope_set_organisation (changed, "Other Org");
  tenken_scope_set_service (changed, "Other Service");
  tenken_scope_set_roles (changed, TENKEN_ROLE_SUPPLIER);
  tenken_scope_set_tier (changed, TENKEN_TIER_PRIME);
  tenken_scope_set_assessment_type (changed, TENKEN_ASSESSMENT_OPERATIONAL);
  tenken_scope_set_period_start (changed, "2025-01-01");
  tenken_scope_set_period_end (changed, "2025-12-31");
  tenken_scope_set_assessor (changed, NULL);
  tenken_scope_set_notes (changed, "“quoted” ' and \" ; DROP TABLE scope; --");
  g_assert_true (tenken_document_set_scope (document, changed, &error));
  g_assert_no_error (error);

  /* Every response field */
  tenken_document_set_author (document, "Alice Example");
  live = tenken_document_get_response (document, "s1-1.2");
  copy = tenken_response_copy (live);
  tenken_response_set_status (copy, TENKEN_STATUS_PLANNED);
  tenken_response_set_justification (copy, "Budget approved");
  tenken_response_set_target_date (copy, "2026-09-30");
  tenken_response_set_statement (copy, "We will do it.\nSecond line.");
  tenken_response_set_owner (copy, "Bob");
  tenken_response_set_due_date (copy, "2026-10-31");
  tenken_response_set_flagged (copy, TRUE);
  g_assert_true (tenken_document_set_response (document, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tenken_response_get_status (live), ==, TENKEN_STATUS_PLANNED);
  g_assert_cmpstr (tenken_response_get_updated_by (live), ==, "Alice Example");
  g_assert_nonnull (tenken_response_get_updated_at (live));

  g_clear_object (&copy);
  copy = tenken_response_copy (tenken_document_get_response (document, "s2-1.2"));
  tenken_response_set_status (copy, TENKEN_STATUS_NOT_APPLICABLE);
  tenken_response_set_justification (copy, "No software is shipped");
  g_assert_true (tenken_document_set_response (document, copy, &error));
  g_assert_no_error (error);

  tenken_document_close (document);
  g_clear_object (&document);

  document = open_document (fixture->path, TENKEN_DOCUMENT_OPEN_NONE);
  reread = tenken_document_dup_scope (document);
  g_assert_true (tenken_scope_equal (reread, changed));
  g_assert_cmpstr (tenken_scope_get_notes (reread), ==, "“quoted” ' and \" ; DROP TABLE scope; --");
  g_assert_null (tenken_scope_get_assessor (reread));

  /* One live response per item, in catalog order */
  responses = tenken_document_get_responses (document);
  items = tenken_catalog_get_items (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (responses), ==, g_list_model_get_n_items (items));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, i);
      g_autoptr(TenkenCatalogItem) item = g_list_model_get_item (items, i);

      g_assert_cmpstr (tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (response))), ==,
                       tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (item)));
    }

  live = tenken_document_get_response (document, "s1-1.2");
  g_assert_cmpint (tenken_response_get_status (live), ==, TENKEN_STATUS_PLANNED);
  g_assert_cmpstr (tenken_response_get_justification (live), ==, "Budget approved");
  g_assert_cmpstr (tenken_response_get_target_date (live), ==, "2026-09-30");
  g_assert_cmpstr (tenken_response_get_statement (live), ==, "We will do it.\nSecond line.");
  g_assert_cmpstr (tenken_response_get_owner (live), ==, "Bob");
  g_assert_cmpstr (tenken_response_get_due_date (live), ==, "2026-10-31");
  g_assert_true (tenken_response_get_flagged (live));
  g_assert_cmpstr (tenken_response_get_updated_by (live), ==, "Alice Example");
  g_assert_nonnull (tenken_response_get_updated_at (live));

  live = tenken_document_get_response_by_label (document, "S(2)-1.2");
  g_assert_nonnull (live);
  g_assert_cmpint (tenken_response_get_status (live), ==, TENKEN_STATUS_NOT_APPLICABLE);
  g_assert_cmpstr (tenken_response_get_justification (live), ==, "No software is shipped");

  /* Never edited: not started, no timestamp */
  live = tenken_document_get_response (document, "s1-1.1");
  g_assert_cmpint (tenken_response_get_status (live), ==, TENKEN_STATUS_NOT_STARTED);
  g_assert_null (tenken_response_get_updated_at (live));
  g_assert_null (tenken_document_get_response (document, "no-such-item"));

  /* A closed document refuses edits, but its objects stay readable */
  tenken_document_close (document);
  g_clear_object (&copy);
  copy = tenken_response_copy (live);
  tenken_response_set_status (copy, TENKEN_STATUS_IMPLEMENTED);
  g_assert_false (tenken_document_set_response (document, copy, &error));
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO);
  g_assert_cmpint (tenken_response_get_status (live), ==, TENKEN_STATUS_NOT_STARTED);
  {
    g_autoptr(GListModel) history = tenken_document_list_history (document, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (history), ==, 0);
  }
}

/* --- rules --- */

static void
assert_rejected (TenkenDocument *document,
                 TenkenResponse *copy,
                 const char     *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history_before = tenken_document_list_history (document, NULL);
  g_autoptr(GListModel) history_after = NULL;
  const char *item_id = tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (copy)));
  TenkenResponse *live = tenken_document_get_response (document, item_id);
  TenkenStatus status_before = tenken_response_get_status (live);

  g_assert_false (tenken_document_set_response (document, copy, &error));
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID);
  g_test_message ("rejected: %s", error->message);
  g_assert_nonnull (strstr (error->message, needle));

  /* Nothing changed: live object and history */
  g_assert_cmpint (tenken_response_get_status (live), ==, status_before);
  history_after = tenken_document_list_history (document, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (history_after), ==, g_list_model_get_n_items (history_before));
}

static void
test_status_rules (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  TenkenResponse *live = tenken_document_get_response (document, "s1-1.1");
  g_autoptr(TenkenResponse) copy = NULL;
  g_autoptr(TenkenScope) scope = NULL;
  g_autoptr(GError) error = NULL;

  copy = tenken_response_copy (live);
  tenken_response_set_status (copy, TENKEN_STATUS_NOT_APPLICABLE);
  assert_rejected (document, copy, "S(1)-1.1");
  tenken_response_set_justification (copy, "   ");
  assert_rejected (document, copy, "justification");

  tenken_response_set_status (copy, TENKEN_STATUS_PLANNED);
  tenken_response_set_justification (copy, NULL);
  assert_rejected (document, copy, "target date");
  tenken_response_set_target_date (copy, "2025-02-30");
  assert_rejected (document, copy, "2025-02-30");
  tenken_response_set_target_date (copy, "31/12/2026");
  assert_rejected (document, copy, "target date");

  tenken_response_set_status (copy, TENKEN_STATUS_PARTIAL);
  tenken_response_set_target_date (copy, NULL);
  tenken_response_set_due_date (copy, "2026-13-01");
  assert_rejected (document, copy, "due date");

  /* And the file refuses the same by itself (CHECK constraints) */
  g_assert_cmpint (doc_test_exec (fixture->path,
                                  "INSERT INTO responses (item_id, status, updated_at, updated_by)"
                                  " VALUES ('s1-1.1', 'not-applicable', 'x', 'y')"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (doc_test_exec (fixture->path,
                                  "INSERT INTO responses (item_id, status, target_date, updated_at, updated_by)"
                                  " VALUES ('s1-1.1', 'planned', '2025-02-30', 'x', 'y')"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (doc_test_exec (fixture->path,
                                  "INSERT INTO responses (item_id, status, updated_at, updated_by)"
                                  " VALUES ('s1-1.1', 'done', 'x', 'y')"), ==, SQLITE_CONSTRAINT);

  /* Scope rules */
  scope = tenken_document_dup_scope (document);
  tenken_scope_set_organisation (scope, " ");
  g_assert_false (tenken_document_set_scope (document, scope, &error));
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "organisation"));
  g_clear_error (&error);

  tenken_scope_set_organisation (scope, "Org");
  tenken_scope_set_period_start (scope, "2027-01-01");
  tenken_scope_set_period_end (scope, "2026-01-01");
  g_assert_false (tenken_document_set_scope (document, scope, &error));
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  tenken_scope_set_period_end (scope, "2027-02-29");
  g_assert_false (tenken_document_set_scope (document, scope, &error));
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "period end"));
  g_clear_error (&error);

  g_clear_object (&scope);
  scope = tenken_document_dup_scope (document);
  g_assert_cmpstr (tenken_scope_get_organisation (scope), ==, "Example Cloud KK");
}

/* --- signals and history --- */

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
count_signal_cb (gpointer  instance,
                 guint    *count)
{
  (*count)++;
}

static void
changed_cb (TenkenDocument *document,
            const char     *item_id,
            GPtrArray      *seen)
{
  g_ptr_array_add (seen, g_strdup (item_id ? item_id : "(null)"));
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  TenkenResponse *live = tenken_document_get_response (document, "s2-1.1");
  g_autoptr(TenkenResponse) copy = tenken_response_copy (live);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(TenkenHistoryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  guint status_notifies = 0, statement_notifies = 0;

  g_signal_connect (live, "notify::status", G_CALLBACK (count_cb), &status_notifies);
  g_signal_connect (live, "notify::statement", G_CALLBACK (count_cb), &statement_notifies);
  g_signal_connect (document, "changed", G_CALLBACK (changed_cb), seen);

  tenken_document_set_author (document, "Alice");
  tenken_response_set_status (copy, TENKEN_STATUS_PARTIAL);
  g_assert_true (tenken_document_set_response (document, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (status_notifies, ==, 1);
  g_assert_cmpuint (statement_notifies, ==, 0);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "s2-1.1");

  /* Nothing differs: no write, no signal, no history */
  g_assert_true (tenken_document_set_response (document, copy, &error));
  g_assert_cmpuint (status_notifies, ==, 1);
  g_assert_cmpuint (seen->len, ==, 1);

  tenken_document_set_author (document, "Bob");
  tenken_response_set_status (copy, TENKEN_STATUS_IMPLEMENTED);
  tenken_response_set_statement (copy, "Done");
  g_assert_true (tenken_document_set_response (document, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (status_notifies, ==, 2);
  g_assert_cmpuint (statement_notifies, ==, 1);

  history = tenken_document_list_history (document, "s2-1.1");
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);

  /* Newest first; one row per field that changed */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TenkenHistoryEntry) e = g_list_model_get_item (history, i);

      g_assert_cmpstr (tenken_history_entry_get_author (e), ==, "Bob");
      g_assert_cmpstr (tenken_history_entry_get_item_id (e), ==, "s2-1.1");
      if (g_str_equal (tenken_history_entry_get_field (e), "status"))
        {
          g_assert_cmpstr (tenken_history_entry_get_old_value (e), ==, "partial");
          g_assert_cmpstr (tenken_history_entry_get_new_value (e), ==, "implemented");
        }
      else
        {
          g_assert_cmpstr (tenken_history_entry_get_field (e), ==, "statement");
          g_assert_null (tenken_history_entry_get_old_value (e));
          g_assert_cmpstr (tenken_history_entry_get_new_value (e), ==, "Done");
        }
    }

  entry = g_list_model_get_item (history, 2);
  g_assert_cmpstr (tenken_history_entry_get_author (entry), ==, "Alice");
  g_assert_cmpstr (tenken_history_entry_get_field (entry), ==, "status");
  g_assert_cmpstr (tenken_history_entry_get_old_value (entry), ==, "not-started");
  g_assert_cmpstr (tenken_history_entry_get_new_value (entry), ==, "partial");
  g_assert_nonnull (tenken_history_entry_get_timestamp (entry));

  /* All history ends (oldest) with the creation */
  all = tenken_document_list_history (document, NULL);
  g_clear_object (&entry);
  entry = g_list_model_get_item (all, g_list_model_get_n_items (all) - 1);
  g_assert_cmpstr (tenken_history_entry_get_field (entry), ==, "document.create");
  g_assert_cmpstr (tenken_history_entry_get_new_value (entry), ==, "mini-test");
  {
    g_autoptr(TenkenHistoryEntry) newest = g_list_model_get_item (all, 0);

    g_assert_true (tenken_history_entry_get_id (entry) < tenken_history_entry_get_id (newest) + 1);
  }

  /* Append-only, even through SQL */
  g_assert_cmpint (doc_test_exec (fixture->path, "UPDATE history SET author = 'Mallory'"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (doc_test_exec (fixture->path, "DELETE FROM history"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (*) FROM history WHERE author = 'Mallory'"), ==, 0);
}

/* --- evidence --- */

static char *
make_content (gsize size,
              guint seed)
{
  char *data = g_malloc (size);
  GRand *rand = g_rand_new_with_seed (seed);

  for (gsize i = 0; i < size; i++)
    data[i] = (char) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  return data;
}

static void
test_evidence_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  g_autofree char *content = make_content (700 * 1024 + 3, 1);
  g_autofree char *src_path = write_temp_file (fixture->dir, "policy.txt", content, 700 * 1024 + 3);
  g_autofree char *expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) content, 700 * 1024 + 3);
  g_autofree char *out_path = g_build_filename (fixture->dir, "extracted.bin", NULL);
  g_autoptr(GFile) src = g_file_new_for_path (src_path);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) extracted = NULL;
  g_autoptr(GListModel) item_evidence = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(TenkenHistoryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) item_ids = NULL;
  g_autoptr(GByteArray) streamed = g_byte_array_new ();
  guint8 buffer[10000];
  gssize n;

  evidence = tenken_document_add_evidence_file (document, src, "s1-1.1", "The policy", "2026-01-15",
                                                NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (evidence);
  g_assert_cmpint (tenken_evidence_get_kind (evidence), ==, TENKEN_EVIDENCE_FILE);
  g_assert_cmpstr (tenken_evidence_get_name (evidence), ==, "policy.txt");
  g_assert_cmpstr (tenken_evidence_get_sha256 (evidence), ==, expected);
  g_assert_cmpuint (tenken_evidence_get_size (evidence), ==, 700 * 1024 + 3);
  g_assert_cmpstr (tenken_evidence_get_note (evidence), ==, "The policy");
  g_assert_cmpstr (tenken_evidence_get_collected (evidence), ==, "2026-01-15");
  g_assert_nonnull (tenken_evidence_get_media_type (evidence));
  g_assert_nonnull (tenken_evidence_get_added_at (evidence));
  g_assert_null (tenken_evidence_get_url (evidence));
  item_ids = tenken_evidence_dup_item_ids (evidence);
  g_assert_cmpstrv (item_ids, ((const char *[]) { "s1-1.1", NULL }));
  g_assert_cmpuint (tenken_response_get_evidence_count (tenken_document_get_response (document, "s1-1.1")), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_document_list_evidence (document)), ==, 1);
  item_evidence = tenken_document_list_item_evidence (document, "s1-1.1");
  g_assert_cmpuint (g_list_model_get_n_items (item_evidence), ==, 1);

  /* Extracted content is the original */
  g_assert_true (tenken_document_extract_evidence (document, tenken_evidence_get_id (evidence), out, NULL, &error));
  g_assert_no_error (error);
  extracted = read_bytes (out_path);
  g_assert_cmpmem (g_bytes_get_data (extracted, NULL), g_bytes_get_size (extracted), content, 700 * 1024 + 3);

  /* And so is the stream */
  stream = tenken_document_open_evidence (document, tenken_evidence_get_id (evidence), &error);
  g_assert_no_error (error);
  while ((n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, &error)) > 0)
    g_byte_array_append (streamed, buffer, (guint) n);
  g_assert_no_error (error);
  g_assert_cmpmem (streamed->data, streamed->len, content, 700 * 1024 + 3);
  g_input_stream_close (stream, NULL, NULL);

  history = tenken_document_list_history (document, "s1-1.1");
  entry = g_list_model_get_item (history, 0);
  g_assert_cmpstr (tenken_history_entry_get_field (entry), ==, "evidence.add");
  g_assert_cmpstr (tenken_history_entry_get_new_value (entry), ==, "policy.txt");

  /* Survives reopening */
  tenken_document_close (document);
  g_clear_object (&document);
  document = open_document (fixture->path, TENKEN_DOCUMENT_OPEN_READ_ONLY);
  g_assert_cmpuint (tenken_response_get_evidence_count (tenken_document_get_response (document, "s1-1.1")), ==, 1);
  g_clear_object (&evidence);
  evidence = g_list_model_get_item (tenken_document_list_evidence (document), 0);
  g_assert_cmpstr (tenken_evidence_get_sha256 (evidence), ==, expected);

  /* Bad input */
  g_clear_object (&document);
  document = open_document (fixture->path, TENKEN_DOCUMENT_OPEN_NONE);
  g_assert_null (tenken_document_add_evidence_file (document, src, "no-such-item", NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (tenken_document_add_evidence_file (document, src, NULL, NULL, "2026-02-31", NULL, NULL, NULL, &error));
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  {
    /* Collected today is fine, tomorrow is a typo */
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 1);
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *tomorrow = g_date_time_format (later, "%Y-%m-%d");
    g_autoptr(TenkenEvidence) dated = NULL;

    g_assert_null (tenken_document_add_evidence_file (document, src, "s1-1.1", NULL, tomorrow, NULL, NULL, NULL, &error));
    g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, tomorrow));
    g_clear_error (&error);
    g_assert_cmpuint (g_list_model_get_n_items (tenken_document_list_evidence (document)), ==, 1);

    dated = tenken_document_add_evidence_file (document, src, "s1-1.1", NULL, today, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (tenken_evidence_get_collected (dated), ==, today);
  }
  {
    g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);

    g_assert_null (tenken_document_add_evidence_file (document, dir, NULL, NULL, NULL, NULL, NULL, NULL, &error));
    g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID);
    g_clear_error (&error);
  }
}

static void
test_evidence_dedup (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  g_autofree char *content = make_content (300000, 2);
  g_autofree char *path_a = write_temp_file (fixture->dir, "a.pdf", content, 300000);
  g_autofree char *path_b = write_temp_file (fixture->dir, "b.pdf", content, 300000);
  g_autoptr(GFile) a = g_file_new_for_path (path_a);
  g_autoptr(GFile) b = g_file_new_for_path (path_b);
  g_autoptr(TenkenEvidence) first = NULL;
  g_autoptr(TenkenEvidence) second = NULL;
  g_autoptr(TenkenEvidence) again = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) item_ids = NULL;

  first = tenken_document_add_evidence_file (document, a, "s1-1.1", NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  second = tenken_document_add_evidence_file (document, b, "s1-1.2", NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Same content, other name: another evidence row, one blob */
  g_assert_cmpint (tenken_evidence_get_id (first), !=, tenken_evidence_get_id (second));
  g_assert_cmpstr (tenken_evidence_get_sha256 (first), ==, tenken_evidence_get_sha256 (second));
  g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (*) FROM blobs"), ==, 1);

  /* Same name and content again, for another item: the same evidence, linked */
  again = tenken_document_add_evidence_file (document, a, "s2-1.1", NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tenken_evidence_get_id (again), ==, tenken_evidence_get_id (first));
  item_ids = tenken_evidence_dup_item_ids (again);
  g_assert_cmpuint (g_strv_length (item_ids), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) item_ids, "s2-1.1"));
  g_assert_cmpuint (g_list_model_get_n_items (tenken_document_list_evidence (document)), ==, 2);
  g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (*) FROM blobs"), ==, 1);
  g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (*) FROM evidence"), ==, 2);

  /* ... unless it says something else about the file: its note and date
   * are kept in a row of their own, still one blob */
  {
    g_autoptr(TenkenEvidence) noted = NULL;
    g_autoptr(TenkenEvidence) same_note = NULL;
    g_autoptr(TenkenEvidence) dated = NULL;

    noted = tenken_document_add_evidence_file (document, a, "s1-2.1", "Signed minutes", NULL,
                                               NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (tenken_evidence_get_id (noted), !=, tenken_evidence_get_id (first));
    g_assert_cmpstr (tenken_evidence_get_note (noted), ==, "Signed minutes");
    g_assert_null (tenken_evidence_get_note (first));

    same_note = tenken_document_add_evidence_file (document, a, "s2-1.2", "Signed minutes", NULL,
                                                   NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (tenken_evidence_get_id (same_note), ==, tenken_evidence_get_id (noted));

    dated = tenken_document_add_evidence_file (document, a, "s2-1.2", NULL, "2026-04-01",
                                               NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (tenken_evidence_get_id (dated), !=, tenken_evidence_get_id (noted));
    g_assert_cmpint (tenken_evidence_get_id (dated), !=, tenken_evidence_get_id (first));
    g_assert_cmpstr (tenken_evidence_get_collected (dated), ==, "2026-04-01");
    g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (*) FROM evidence"), ==, 4);
    g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (*) FROM blobs"), ==, 1);
  }
}

static void
test_evidence_url (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  const char *bad[] = {
    "ftp://example.com/x", "javascript:alert(1)", "file:///etc/passwd", "not a url",
    "https://", "example.com/page", "data:text/html,<b>x</b>", "",
  };
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  evidence = tenken_document_add_evidence_url (document, "https://example.com/policy?v=2#s3", "s1-1.1",
                                               "Published policy", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tenken_evidence_get_kind (evidence), ==, TENKEN_EVIDENCE_URL);
  g_assert_cmpstr (tenken_evidence_get_url (evidence), ==, "https://example.com/policy?v=2#s3");
  g_assert_null (tenken_evidence_get_sha256 (evidence));
  g_assert_cmpstr (tenken_evidence_get_note (evidence), ==, "Published policy");
  g_assert_cmpuint (tenken_response_get_evidence_count (tenken_document_get_response (document, "s1-1.1")), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_null (tenken_document_add_evidence_url (document, bad[i], NULL, NULL, &error));
      g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID);
      g_clear_error (&error);
    }

  g_assert_cmpuint (g_list_model_get_n_items (tenken_document_list_evidence (document)), ==, 1);

  /* The same address again is the same evidence, unless its note differs */
  {
    g_autoptr(TenkenEvidence) again = NULL;
    g_autoptr(TenkenEvidence) other = NULL;

    again = tenken_document_add_evidence_url (document, "https://example.com/policy?v=2#s3", "s1-1.2",
                                              NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (tenken_evidence_get_id (again), ==, tenken_evidence_get_id (evidence));
    other = tenken_document_add_evidence_url (document, "https://example.com/policy?v=2#s3", "s2-1.3",
                                              "Policy, section 3", &error);
    g_assert_no_error (error);
    g_assert_cmpint (tenken_evidence_get_id (other), !=, tenken_evidence_get_id (evidence));
    g_assert_cmpstr (tenken_evidence_get_note (other), ==, "Policy, section 3");
    g_assert_cmpstr (tenken_evidence_get_note (evidence), ==, "Published policy");
  }
}

static void
test_evidence_links (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  g_autofree char *content = make_content (5000, 3);
  g_autofree char *src_path = write_temp_file (fixture->dir, "diagram.png", content, 5000);
  g_autoptr(GFile) src = g_file_new_for_path (src_path);
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(TenkenHistoryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  guint evidence_signals = 0;
  gint64 id;

  g_signal_connect (document, "evidence-changed", G_CALLBACK (count_signal_cb), &evidence_signals);

  evidence = tenken_document_add_evidence_file (document, src, NULL, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  id = tenken_evidence_get_id (evidence);
  g_assert_cmpuint (evidence_signals, ==, 1);

  g_assert_true (tenken_document_link_evidence (document, id, "s1-2.1", &error));
  g_assert_no_error (error);
  g_assert_true (tenken_document_link_evidence (document, id, "s2-1.3", &error));
  g_assert_cmpuint (tenken_response_get_evidence_count (tenken_document_get_response (document, "s1-2.1")), ==, 1);
  g_assert_cmpuint (tenken_response_get_evidence_count (tenken_document_get_response (document, "s2-1.3")), ==, 1);
  g_assert_cmpuint (evidence_signals, ==, 3);

  /* Linking twice is a no-op */
  g_assert_true (tenken_document_link_evidence (document, id, "s1-2.1", &error));
  g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (*) FROM evidence_links"), ==, 2);

  g_assert_false (tenken_document_link_evidence (document, id, "nope", &error));
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tenken_document_link_evidence (document, 9999, "s1-2.1", &error));
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (tenken_document_unlink_evidence (document, id, "s1-2.1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tenken_response_get_evidence_count (tenken_document_get_response (document, "s1-2.1")), ==, 0);
  g_assert_false (tenken_document_unlink_evidence (document, id, "s1-2.1", &error));
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  history = tenken_document_list_history (document, "s1-2.1");
  entry = g_list_model_get_item (history, 0);
  g_assert_cmpstr (tenken_history_entry_get_field (entry), ==, "evidence.unlink");
  g_assert_cmpstr (tenken_history_entry_get_old_value (entry), ==, "diagram.png");
  g_assert_cmpstr (tenken_history_entry_get_evidence_name (entry), ==, "diagram.png");

  /* Removing takes the links and, unused, the blob */
  g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (*) FROM blobs"), ==, 1);
  g_assert_true (tenken_document_remove_evidence (document, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (*) FROM blobs"), ==, 0);
  g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (*) FROM evidence_links"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_document_list_evidence (document)), ==, 0);
  g_assert_cmpuint (tenken_response_get_evidence_count (tenken_document_get_response (document, "s2-1.3")), ==, 0);
  g_assert_false (tenken_document_remove_evidence (document, id, &error));
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_FOUND);

  /* The removal is in the history of the items it backed, with its name */
  g_clear_object (&history);
  g_clear_object (&entry);
  history = tenken_document_list_history (document, "s2-1.3");
  entry = g_list_model_get_item (history, 0);
  g_assert_cmpstr (tenken_history_entry_get_field (entry), ==, "evidence.remove");
  g_assert_cmpstr (tenken_history_entry_get_evidence_name (entry), ==, "diagram.png");
}

static void
test_evidence_shared_blob_kept (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  g_autofree char *path_a = write_temp_file (fixture->dir, "a.txt", "same", 4);
  g_autofree char *path_b = write_temp_file (fixture->dir, "b.txt", "same", 4);
  g_autoptr(GFile) a = g_file_new_for_path (path_a);
  g_autoptr(GFile) b = g_file_new_for_path (path_b);
  g_autoptr(TenkenEvidence) ea = NULL;
  g_autoptr(TenkenEvidence) eb = NULL;
  g_autoptr(GError) error = NULL;

  ea = tenken_document_add_evidence_file (document, a, NULL, NULL, NULL, NULL, NULL, NULL, &error);
  eb = tenken_document_add_evidence_file (document, b, NULL, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tenken_document_remove_evidence (document, tenken_evidence_get_id (ea), &error));
  /* Still used by b.txt */
  g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (*) FROM blobs"), ==, 1);
}

static void
test_evidence_names (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  g_autofree char *path = write_temp_file (fixture->dir, "evil\nname\t.txt", "x", 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  evidence = tenken_document_add_evidence_file (document, file, NULL, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("stored name: %s", tenken_evidence_get_name (evidence));
  g_assert_null (strchr (tenken_evidence_get_name (evidence), '\n'));
  g_assert_null (strchr (tenken_evidence_get_name (evidence), '\t'));
  g_assert_null (strchr (tenken_evidence_get_name (evidence), '/'));
  g_assert_true (g_str_has_prefix (tenken_evidence_get_name (evidence), "evil"));
}

typedef struct
{
  GMainLoop      *loop;
  TenkenEvidence *evidence;
  GError         *error;
  goffset         last_current;
  goffset         total;
  guint           n_progress;
  gboolean        progress_in_wrong_thread;
  GThread        *main_thread;
} AsyncResult;

static void
progress_cb (goffset  current,
             goffset  total,
             gpointer user_data)
{
  AsyncResult *result = user_data;

  if (g_thread_self () != result->main_thread)
    result->progress_in_wrong_thread = TRUE;
  g_assert_cmpint (current, >=, result->last_current);
  result->last_current = current;
  result->total = total;
  result->n_progress++;
}

static void
added_cb (GObject      *source,
          GAsyncResult *res,
          gpointer      user_data)
{
  AsyncResult *result = user_data;

  result->evidence = tenken_document_add_evidence_file_finish (TENKEN_DOCUMENT (source), res, &result->error);
  g_main_loop_quit (result->loop);
}

static void
extracted_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  AsyncResult *result = user_data;

  tenken_document_extract_evidence_finish (TENKEN_DOCUMENT (source), res, &result->error);
  g_main_loop_quit (result->loop);
}

static void
removed_cb (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  AsyncResult *result = user_data;

  tenken_document_remove_evidence_finish (TENKEN_DOCUMENT (source), res, &result->error);
  g_main_loop_quit (result->loop);
}

/* Peak resident memory of this process so far, in KiB */
static glong
peak_rss (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

static void
test_evidence_large_async (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  const gsize size = 50 * 1024 * 1024;
  g_autofree char *content = make_content (1024 * 1024, 4);
  g_autofree char *src_path = g_build_filename (fixture->dir, "big.bin", NULL);
  g_autofree char *out_path = g_build_filename (fixture->dir, "big-out.bin", NULL);
  g_autoptr(GFile) src = g_file_new_for_path (src_path);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GChecksum) out_checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  AsyncResult result = { 0 };
  FILE *fp;
  guint n_changed = 0;
  glong rss_before;

  /* 50 MiB, each MiB slightly different */
  fp = fopen (src_path, "wb");
  for (gsize i = 0; i < size / (1024 * 1024); i++)
    {
      content[0] = (char) i;
      g_assert_cmpuint (fwrite (content, 1, 1024 * 1024, fp), ==, 1024 * 1024);
      g_checksum_update (checksum, (guchar *) content, 1024 * 1024);
    }
  fclose (fp);

  g_signal_connect (document, "evidence-changed", G_CALLBACK (count_signal_cb), &n_changed);

  result.loop = g_main_loop_new (NULL, FALSE);
  result.main_thread = g_thread_self ();
  rss_before = peak_rss ();
  tenken_document_add_evidence_file_async (document, src, "s2-1.2", NULL, NULL,
                                           progress_cb, &result, NULL, added_cb, &result);
  g_main_loop_run (result.loop);

  /* Streamed: the peak grew by far less than the file's 50 MiB */
  g_test_message ("peak RSS %ld KiB before, %ld KiB after", rss_before, peak_rss ());
  g_assert_cmpint (peak_rss () - rss_before, <, 20 * 1024);

  g_assert_no_error (result.error);
  g_assert_nonnull (result.evidence);
  g_assert_cmpstr (tenken_evidence_get_sha256 (result.evidence), ==, g_checksum_get_string (checksum));
  g_assert_cmpuint (tenken_evidence_get_size (result.evidence), ==, size);
  g_assert_false (result.progress_in_wrong_thread);
  g_assert_cmpuint (result.n_progress, >, 2);
  g_assert_cmpint (result.last_current, ==, result.total);
  /* The live objects were updated (in the main context) before our callback */
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (tenken_response_get_evidence_count (tenken_document_get_response (document, "s2-1.2")), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_document_list_evidence (document)), ==, 1);

  /* Copied out in a thread: the document takes edits meanwhile */
  {
    g_autoptr(TenkenResponse) copy = tenken_response_copy (tenken_document_get_response (document, "s1-1.1"));
    g_autoptr(GDir) dir = NULL;
    const char *entry;

    result.n_progress = 0;
    result.last_current = 0;
    tenken_document_extract_evidence_async (document, tenken_evidence_get_id (result.evidence), out,
                                            progress_cb, &result, NULL, extracted_cb, &result);
    tenken_response_set_statement (copy, "Edited while the evidence is copied out");
    g_assert_true (tenken_document_set_response (document, copy, &error));
    g_assert_no_error (error);
    g_main_loop_run (result.loop);
    g_assert_no_error (result.error);
    g_assert_false (result.progress_in_wrong_thread);
    g_assert_cmpuint (result.n_progress, >, 2);
    g_assert_cmpint (result.total, ==, size);
    g_assert_cmpint (result.last_current, ==, size);

    /* An evidence that is not there: an error, and no file */
    {
      g_autofree char *none_path = g_build_filename (fixture->dir, "none.bin", NULL);
      g_autoptr(GFile) none = g_file_new_for_path (none_path);

      tenken_document_extract_evidence_async (document, 9999, none, progress_cb, &result,
                                              NULL, extracted_cb, &result);
      g_main_loop_run (result.loop);
      g_assert_error (result.error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_FOUND);
      g_clear_error (&result.error);
      g_assert_false (g_file_test (none_path, G_FILE_TEST_EXISTS));
    }

    /* No temporary file left beside it */
    dir = g_dir_open (fixture->dir, 0, &error);
    g_assert_no_error (error);
    while ((entry = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_suffix (entry, ".part"));
  }
  {
    g_autoptr(GBytes) bytes = read_bytes (out_path);

    g_checksum_update (out_checksum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_assert_cmpstr (g_checksum_get_string (out_checksum), ==, g_checksum_get_string (checksum));
  }

  g_assert_true (tenken_document_check (document, problems, NULL, &error));
  g_assert_no_error (error);

  /* Removed in a thread too: the live list and counts follow before the
   * callback, and the 50 MiB leave the file */
  tenken_document_remove_evidence_async (document, tenken_evidence_get_id (result.evidence),
                                         removed_cb, &result);
  g_main_loop_run (result.loop);
  g_assert_no_error (result.error);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpuint (tenken_response_get_evidence_count (tenken_document_get_response (document, "s2-1.2")), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_document_list_evidence (document)), ==, 0);
  g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (*) FROM blobs"), ==, 0);
  g_assert_cmpint (doc_test_query_int (fixture->path,
                                       "SELECT count (*) FROM history WHERE field = 'evidence.remove' AND item_id = 's2-1.2'"), ==, 1);

  /* Removing it again: an error, nothing changed */
  tenken_document_remove_evidence_async (document, tenken_evidence_get_id (result.evidence),
                                         removed_cb, &result);
  g_main_loop_run (result.loop);
  g_assert_error (result.error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&result.error);
  g_assert_cmpuint (n_changed, ==, 2);

  g_clear_object (&result.evidence);
  g_main_loop_unref (result.loop);
}

static void
test_evidence_cancel (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  g_autofree char *content = make_content (2 * 1024 * 1024, 5);
  g_autofree char *src_path = write_temp_file (fixture->dir, "c.bin", content, 2 * 1024 * 1024);
  g_autoptr(GFile) src = g_file_new_for_path (src_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncResult result = { 0 };

  g_cancellable_cancel (cancellable);
  result.loop = g_main_loop_new (NULL, FALSE);
  result.main_thread = g_thread_self ();
  tenken_document_add_evidence_file_async (document, src, "s2-1.2", NULL, NULL,
                                           NULL, NULL, cancellable, added_cb, &result);
  g_main_loop_run (result.loop);

  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result.evidence);
  g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (*) FROM blobs"), ==, 0);
  g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (*) FROM evidence"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_document_list_evidence (document)), ==, 0);

  g_clear_error (&result.error);
  g_main_loop_unref (result.loop);
}

/* --- files that are not (current) documents --- */

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_ro = NULL;
  guint n_files;

  tenken_document_close (document);
  g_assert_cmpint (doc_test_exec (fixture->path,
                                  "PRAGMA user_version = 99; UPDATE meta SET requires = '9.0'"), ==, SQLITE_OK);

  before = read_bytes (fixture->path);
  n_files = n_dir_entries (fixture->dir);

  error = open_error (fixture->path, TENKEN_DOCUMENT_OPEN_NONE);
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "Tenken 9.0"));
  g_assert_nonnull (strstr (error->message, "Update Tenken"));
  error_ro = open_error (fixture->path, TENKEN_DOCUMENT_OPEN_READ_ONLY);
  g_assert_error (error_ro, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_TOO_NEW);

  /* Not a byte changed, no -wal or -shm left behind */
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (n_dir_entries (fixture->dir), ==, n_files);
}

static void
test_not_tenken (Fixture       *fixture,
                 gconstpointer  data)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };
  g_autofree char *png_path = write_temp_file (fixture->dir, "picture.tenken", png, sizeof png);
  g_autofree char *empty_path = write_temp_file (fixture->dir, "empty.tenken", "", 0);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.tenken", NULL);
  g_autofree char *missing_path = g_build_filename (fixture->dir, "missing.tenken", NULL);
  g_autoptr(GBytes) png_before = read_bytes (png_path);
  g_autoptr(GBytes) png_after = NULL;
  g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL;
  sqlite3 *db = NULL;

  e1 = open_error (png_path, TENKEN_DOCUMENT_OPEN_NONE);
  g_assert_error (e1, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_TENKEN);
  g_assert_nonnull (strstr (e1->message, "picture.tenken"));
  png_after = read_bytes (png_path);
  g_assert_true (g_bytes_equal (png_before, png_after));

  e2 = open_error (empty_path, TENKEN_DOCUMENT_OPEN_NONE);
  g_assert_error (e2, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_TENKEN);

  /* Another application's SQLite database */
  g_assert_cmpint (sqlite3_open (other_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA application_id = 42;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  e3 = open_error (other_path, TENKEN_DOCUMENT_OPEN_NONE);
  g_assert_error (e3, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_TENKEN);
  g_assert_nonnull (strstr (e3->message, "not a Tenken"));

  e4 = open_error (missing_path, TENKEN_DOCUMENT_OPEN_NONE);
  g_assert_error (e4, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IO);
  g_assert_nonnull (strstr (e4->message, "missing.tenken"));
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  g_autofree char *content = make_content (200000, 6);
  g_autofree char *src_path = write_temp_file (fixture->dir, "e.bin", content, 200000);
  g_autoptr(GFile) src = g_file_new_for_path (src_path);
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) whole = NULL;
  gsize cuts[] = { 50, 99, 4096, 0 };

  evidence = tenken_document_add_evidence_file (document, src, NULL, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  tenken_document_close (document);
  whole = read_bytes (fixture->path);
  cuts[3] = g_bytes_get_size (whole) / 2;

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autofree char *name = g_strdup_printf ("cut-%u.tenken", i);
      g_autofree char *path = write_temp_file (fixture->dir, name, g_bytes_get_data (whole, NULL), cuts[i]);
      g_autoptr(GError) e = open_error (path, TENKEN_DOCUMENT_OPEN_NONE);

      g_assert_true (g_error_matches (e, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_CORRUPT) ||
                     g_error_matches (e, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_NOT_TENKEN));
      g_assert_nonnull (strstr (e->message, name));
    }
}

/* The shape of a document's schema, one line per column, index column and
 * trigger; with full_sql also every object's SQL (whitespace dropped). Old
 * documents migrated by ALTER TABLE keep other SQL text, so only the
 * current version's fixture is compared on that. */
static char *
describe_schema (const char *path,
                 gboolean    full_sql)
{
  static const char *const queries[] = {
    "SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || ' notnull=' || c.\"notnull\""
    "       || ' default=' || coalesce (c.dflt_value, '-') || ' pk=' || c.pk"
    "  FROM sqlite_schema AS m, pragma_table_xinfo (m.name) AS c"
    " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, c.cid",
    "SELECT 'index ' || m.tbl_name || '.' || m.name || ' ' || coalesce (i.name, '<expr>') || ' desc=' || i.\"desc\""
    "  FROM sqlite_schema AS m, pragma_index_xinfo (m.name) AS i"
    " WHERE m.type = 'index' AND i.key = 1 ORDER BY m.name, i.seqno",
    "SELECT m.type || ' ' || m.name || ' ' || m.sql FROM sqlite_schema AS m"
    " WHERE m.type IN ('trigger', 'view') ORDER BY m.name",
    "SELECT 'sql ' || m.name || ' ' || m.sql FROM sqlite_schema AS m"
    " WHERE m.sql IS NOT NULL ORDER BY m.name",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (queries) - (full_sql ? 0 : 1); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[i], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          /* SQL without its whitespace: layout is not schema */
          for (const char *c = (const char *) sqlite3_column_text (stmt, 0); *c != '\0'; c++)
            if (i < 2 || !g_ascii_isspace (*c))
              g_string_append_c (out, *c);
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_fixtures (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autofree char *new_dir = g_dir_make_tmp ("tenken-fixture-new-XXXXXX", NULL);
  g_autofree char *new_path = g_build_filename (new_dir, "new.tenken", NULL);
  g_autofree char *new_shape = NULL;
  g_autofree char *new_sql = NULL;
  g_autofree char *current_name = g_strdup_printf ("v%d.tenken", TENKEN_DOCUMENT_SCHEMA_VERSION);
  gboolean have_current = FALSE;
  const char *name;
  guint n_fixtures = 0;

  g_assert_nonnull (dir);

  /* What a document made today looks like: every fixture must end up so */
  {
    g_autoptr(TenkenDocument) created = doc_test_create (new_dir, "new.tenken");

    tenken_document_close (created);
  }
  new_shape = describe_schema (new_path, FALSE);
  new_sql = describe_schema (new_path, TRUE);
  g_assert_nonnull (strstr (new_shape, "column responses.status TEXT notnull=1"));
  g_assert_nonnull (strstr (new_sql, "sqlresponsesCREATETABLE"));

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = NULL;
      g_autofree char *tmp_dir = NULL;
      g_autofree char *copy = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(TenkenDocument) document = NULL;
      g_autoptr(TenkenScope) scope = NULL;
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) history = NULL;
      g_autoptr(TenkenEvidence) evidence = NULL;
      g_autoptr(GInputStream) stream = NULL;
      char buffer[64] = { 0 };
      TenkenResponse *response;
      gsize length;

      if (!g_str_has_suffix (name, ".tenken"))
        continue;

      g_test_message ("fixture %s", name);
      n_fixtures++;
      src = g_build_filename (dir_path, name, NULL);
      tmp_dir = g_dir_make_tmp ("tenken-fixture-XXXXXX", NULL);
      copy = g_build_filename (tmp_dir, name, NULL);
      g_assert_true (g_file_get_contents (src, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));

      /* Opening for editing migrates it to the current version */
      document = open_document (copy, TENKEN_DOCUMENT_OPEN_NONE);
      g_assert_cmpint (doc_test_query_int (copy, "PRAGMA user_version"), ==, TENKEN_DOCUMENT_SCHEMA_VERSION);

      /* What tests/make-fixture.c writes */
      scope = tenken_document_dup_scope (document);
      g_assert_cmpstr (tenken_scope_get_organisation (scope), ==, "Fixture Organisation");
      g_assert_cmpstr (tenken_scope_get_service (scope), ==, "Fixture Service");
      g_assert_cmpint (tenken_scope_get_roles (scope), ==, TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_SUPPLIER);
      response = tenken_document_get_response (document, "s1-1.1");
      g_assert_cmpint (tenken_response_get_status (response), ==, TENKEN_STATUS_IMPLEMENTED);
      g_assert_cmpstr (tenken_response_get_statement (response), ==, "Policy approved by the board.");
      g_assert_cmpuint (tenken_response_get_evidence_count (response), ==, 2);
      response = tenken_document_get_response (document, "s2-1.2");
      g_assert_cmpint (tenken_response_get_status (response), ==, TENKEN_STATUS_NOT_APPLICABLE);
      response = tenken_document_get_response (document, "s1-2.1");
      g_assert_cmpint (tenken_response_get_status (response), ==, TENKEN_STATUS_PLANNED);
      g_assert_cmpstr (tenken_response_get_target_date (response), ==, "2026-12-31");

      g_assert_cmpuint (g_list_model_get_n_items (tenken_document_list_evidence (document)), ==, 2);
      evidence = g_list_model_get_item (tenken_document_list_evidence (document), 0);
      g_assert_cmpstr (tenken_evidence_get_name (evidence), ==, "policy.txt");
      stream = tenken_document_open_evidence (document, tenken_evidence_get_id (evidence), &error);
      g_assert_no_error (error);
      g_input_stream_read_all (stream, buffer, sizeof buffer - 1, &length, NULL, &error);
      g_assert_cmpstr (buffer, ==, "Fixture evidence content.\n");
      g_input_stream_close (stream, NULL, NULL);

      history = tenken_document_list_history (document, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (history), >=, 5);

      g_assert_true (tenken_document_check (document, problems, NULL, &error));
      g_assert_no_error (error);

      tenken_document_close (document);

      /* Migrated to the schema a new document has. The current version's
       * fixture must match it word for word: a schema edited without a new
       * version (and a migration) would leave users' files behind. */
      if (g_str_equal (name, current_name))
        {
          g_autofree char *sql = describe_schema (copy, TRUE);

          g_assert_cmpstr (sql, ==, new_sql);
          have_current = TRUE;
        }
      else
        {
          g_autofree char *shape = describe_schema (copy, FALSE);

          g_assert_cmpstr (shape, ==, new_shape);
        }
      doc_test_remove_dir (tmp_dir);
    }

  g_assert_cmpuint (n_fixtures, >=, TENKEN_DOCUMENT_SCHEMA_VERSION);
  g_assert_true (have_current);
  doc_test_remove_dir (new_dir);
}

static void
test_create_exists (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = write_temp_file (fixture->dir, "taken.tenken", "precious", 8);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TenkenCatalog) catalog = doc_test_load_catalog ();
  g_autoptr(TenkenScope) scope = doc_test_new_scope ();
  g_autoptr(TenkenScope) bad_scope = tenken_scope_new ();
  g_autofree char *new_path = g_build_filename (fixture->dir, "new.tenken", NULL);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  document = tenken_document_create (file, catalog, scope, &error);
  g_assert_null (document);
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "taken.tenken"));
  g_clear_error (&error);
  bytes = read_bytes (path);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "precious", 8);

  /* A failed create leaves nothing behind */
  document = tenken_document_create (new_file, catalog, bad_scope, &error);
  g_assert_null (document);
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_dir_entries (fixture->dir), ==, 1);
  g_clear_error (&error);

  /* A good one leaves exactly the file (no temporary, no -wal after close) */
  document = tenken_document_create (new_file, catalog, scope, &error);
  g_assert_no_error (error);
  tenken_document_close (document);
  g_assert_cmpuint (n_dir_entries (fixture->dir), ==, 2);
  g_assert_cmpint (doc_test_query_int (new_path, "PRAGMA application_id"), ==, TENKEN_DOCUMENT_APPLICATION_ID);
  g_assert_cmpint (doc_test_query_int (new_path, "PRAGMA user_version"), ==, TENKEN_DOCUMENT_SCHEMA_VERSION);
}

/* --- locking and read-only --- */

static gint64
dead_pid (void)
{
  pid_t pid = fork ();

  if (pid == 0)
    _exit (0);
  waitpid (pid, NULL, 0);
  return pid;
}

static void
test_lock (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TenkenDocument) first = doc_test_create (fixture->dir, "assessment.tenken");
  g_autoptr(TenkenDocument) reader = NULL;
  g_autoptr(TenkenDocument) second = NULL;
  g_autoptr(TenkenResponse) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  /* A second editor is refused, and told who has it */
  error = open_error (fixture->path, TENKEN_DOCUMENT_OPEN_NONE);
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "assessment.tenken"));
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);

  /* A reader is fine, sees committed edits, and cannot edit */
  copy = tenken_response_copy (tenken_document_get_response (first, "s1-1.1"));
  tenken_response_set_status (copy, TENKEN_STATUS_PARTIAL);
  g_assert_true (tenken_document_set_response (first, copy, &error));
  reader = open_document (fixture->path, TENKEN_DOCUMENT_OPEN_READ_ONLY);
  g_assert_true (tenken_document_is_read_only (reader));
  g_assert_nonnull (tenken_document_get_read_only_reason (reader));
  g_assert_cmpint (tenken_response_get_status (tenken_document_get_response (reader, "s1-1.1")), ==,
                   TENKEN_STATUS_PARTIAL);
  g_clear_object (&copy);
  copy = tenken_response_copy (tenken_document_get_response (reader, "s1-1.1"));
  tenken_response_set_status (copy, TENKEN_STATUS_IMPLEMENTED);
  g_assert_false (tenken_document_set_response (reader, copy, &error));
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (tenken_document_add_evidence_url (reader, "https://example.com", NULL, NULL, &error));
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    g_autoptr(TenkenScope) scope = tenken_document_dup_scope (reader);

    tenken_scope_set_notes (scope, "changed");
    g_assert_false (tenken_document_set_scope (reader, scope, &error));
    g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  /* Closing releases the lock */
  tenken_document_close (first);
  g_clear_object (&first);
  second = open_document (fixture->path, TENKEN_DOCUMENT_OPEN_NONE);
  tenken_document_close (second);
  g_clear_object (&second);

  /* A stale lock (dead process on this host) is taken over */
  sql = g_strdup_printf ("INSERT INTO edit_lock (id, token, pid, host, user, since)"
                         " VALUES (1, 'stale', %" G_GINT64_FORMAT ", '%s', 'Ghost', '2026-01-01T00:00:00Z')",
                         dead_pid (), g_get_host_name ());
  g_assert_cmpint (doc_test_exec (fixture->path, sql), ==, SQLITE_OK);
  second = open_document (fixture->path, TENKEN_DOCUMENT_OPEN_NONE);
  tenken_document_close (second);
  g_clear_object (&second);

  /* A lock from another host is not, unless taken over on purpose */
  g_assert_cmpint (doc_test_exec (fixture->path,
                                  "INSERT INTO edit_lock (id, token, pid, host, user, since)"
                                  " VALUES (1, 'other', 1, 'elsewhere.example', 'Carol', '2026-01-01T10:32:00Z')"),
                   ==, SQLITE_OK);
  error = open_error (fixture->path, TENKEN_DOCUMENT_OPEN_NONE);
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "Carol"));
  g_assert_nonnull (strstr (error->message, "elsewhere.example"));
  g_clear_error (&error);
  first = open_document (fixture->path, TENKEN_DOCUMENT_OPEN_TAKE_OVER);

  /* … after which the window that lost it can no longer save */
  second = open_document (fixture->path, TENKEN_DOCUMENT_OPEN_TAKE_OVER);
  g_clear_object (&copy);
  copy = tenken_response_copy (tenken_document_get_response (first, "s1-1.1"));
  tenken_response_set_status (copy, TENKEN_STATUS_IMPLEMENTED);
  g_assert_false (tenken_document_set_response (first, copy, &error));
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_cmpint (tenken_response_get_status (tenken_document_get_response (first, "s1-1.1")), ==,
                   TENKEN_STATUS_PARTIAL);
  g_assert_true (tenken_document_set_response (second, copy, &error));
  g_assert_no_error (error);
  tenken_document_close (first);
  tenken_document_close (second);

  /* A lock recorded for another file (this one is a copy) does not count */
  g_assert_cmpint (doc_test_exec (fixture->path,
                                  "INSERT INTO edit_lock (id, token, pid, host, user, since, file_id)"
                                  " VALUES (1, 'copy', 1, 'elsewhere.example', 'Carol', '2026-01-01T10:32:00Z', '1')"),
                   ==, SQLITE_OK);
  g_clear_object (&second);
  second = open_document (fixture->path, TENKEN_DOCUMENT_OPEN_NONE);
}

static void
test_read_only_untouched (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  tenken_document_close (document);
  g_clear_object (&document);
  before = read_bytes (fixture->path);

  document = open_document (fixture->path, TENKEN_DOCUMENT_OPEN_READ_ONLY);
  g_assert_true (tenken_document_is_read_only (document));
  tenken_document_close (document);

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  /* Reading leaves nothing beside the file (an export used to leave
   * -wal and -shm, which then got mailed with it or confused people) */
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  }
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");

  if (geteuid () == 0)
    {
      g_test_skip ("file permissions do not apply to root");
      return;
    }

  tenken_document_close (document);
  g_clear_object (&document);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);

  /* Opened for editing, but the file cannot be written: read-only, saying why */
  document = open_document (fixture->path, TENKEN_DOCUMENT_OPEN_NONE);
  g_assert_true (tenken_document_is_read_only (document));
  g_assert_nonnull (strstr (tenken_document_get_read_only_reason (document), "permission"));
}

/* --- check --- */

static void
test_check_detects_altered_blob (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  g_autofree char *src_path = write_temp_file (fixture->dir, "audit-log.csv", "a,b,c\n1,2,3\n", 12);
  g_autoptr(GFile) src = g_file_new_for_path (src_path);
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  evidence = tenken_document_add_evidence_file (document, src, "s1-1.1", NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tenken_document_check (document, problems, NULL, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  tenken_document_close (document);
  g_clear_object (&document);

  /* Same length, one byte different */
  g_assert_cmpint (doc_test_exec (fixture->path, "UPDATE blobs SET data = CAST ('a,b,c\n1,2,4\n' AS BLOB)"), ==, SQLITE_OK);

  document = open_document (fixture->path, TENKEN_DOCUMENT_OPEN_READ_ONLY);
  g_assert_false (tenken_document_check (document, problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, 0));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "audit-log.csv"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "SHA-256"));

  /* Extracting it refuses to hand out the damaged bytes */
  {
    g_autofree char *out_path = g_build_filename (fixture->dir, "out.csv", NULL);
    g_autoptr(GFile) out = g_file_new_for_path (out_path);

    g_assert_false (tenken_document_extract_evidence (document, tenken_evidence_get_id (evidence), out, NULL, &error));
    g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_CORRUPT);
    g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
  }

  /* A changed catalog snapshot is refused at open */
  tenken_document_close (document);
  g_assert_cmpint (doc_test_exec (fixture->path, "UPDATE catalog SET xml = CAST ('<x/>' AS BLOB)"), ==, SQLITE_OK);
  g_clear_error (&error);
  error = open_error (fixture->path, TENKEN_DOCUMENT_OPEN_READ_ONLY);
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_CORRUPT);
}

/* --- statistics --- */

static void
set_status (TenkenDocument *document,
            const char     *item_id,
            TenkenStatus    status)
{
  g_autoptr(TenkenResponse) copy = tenken_response_copy (tenken_document_get_response (document, item_id));
  g_autoptr(GError) error = NULL;

  tenken_response_set_status (copy, status);
  if (status == TENKEN_STATUS_NOT_APPLICABLE)
    tenken_response_set_justification (copy, "n/a");
  if (status == TENKEN_STATUS_PLANNED)
    tenken_response_set_target_date (copy, "2027-01-01");
  g_assert_true (tenken_document_set_response (document, copy, &error));
  g_assert_no_error (error);
}

static void
test_count_statuses (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  TenkenCatalogNode *s1 = tenken_catalog_lookup_node (tenken_document_get_catalog (document), "s1");
  TenkenCatalogNode *s1_2 = tenken_catalog_lookup_node (tenken_document_get_catalog (document), "s1-2");
  guint counts[TENKEN_N_STATUSES];

  set_status (document, "s1-1.1", TENKEN_STATUS_IMPLEMENTED);   /* developer */
  set_status (document, "s1-1.2", TENKEN_STATUS_PARTIAL);       /* operator */
  set_status (document, "s1-2.1", TENKEN_STATUS_PLANNED);       /* developer, operator */
  set_status (document, "s2-1.1", TENKEN_STATUS_NOT_APPLICABLE); /* supplier */

  g_assert_cmpuint (tenken_document_count_statuses (document, NULL, 0, counts), ==, 6);
  g_assert_cmpuint (counts[TENKEN_STATUS_IMPLEMENTED], ==, 1);
  g_assert_cmpuint (counts[TENKEN_STATUS_PARTIAL], ==, 1);
  g_assert_cmpuint (counts[TENKEN_STATUS_PLANNED], ==, 1);
  g_assert_cmpuint (counts[TENKEN_STATUS_NOT_APPLICABLE], ==, 1);
  g_assert_cmpuint (counts[TENKEN_STATUS_NOT_STARTED], ==, 2);

  /* Developer: s1-1.1, s1-2.1, s2-1.2 (no roles: all), s2-1.3 */
  g_assert_cmpuint (tenken_document_count_statuses (document, NULL, TENKEN_ROLE_DEVELOPER, counts), ==, 4);
  g_assert_cmpuint (counts[TENKEN_STATUS_NOT_STARTED], ==, 2);
  g_assert_cmpuint (counts[TENKEN_STATUS_PARTIAL], ==, 0);

  g_assert_nonnull (s1);
  g_assert_cmpuint (tenken_document_count_statuses (document, s1, 0, counts), ==, 3);
  g_assert_cmpuint (tenken_document_count_statuses (document, s1, TENKEN_ROLE_OPERATOR, counts), ==, 2);
  g_assert_cmpuint (counts[TENKEN_STATUS_PARTIAL], ==, 1);
  g_assert_cmpuint (tenken_document_count_statuses (document, s1_2, 0, counts), ==, 1);
  g_assert_cmpuint (counts[TENKEN_STATUS_PLANNED], ==, 1);
}

/* A real-size catalog: every response read with one query */
static void
test_large_catalog (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *shared = g_getenv ("TENKEN_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) catalog_file = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autoptr(TenkenScope) scope = doc_test_new_scope ();
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items;
  guint n_items;

  if (shared == NULL)
    {
      g_test_skip ("TENKEN_SHARED_DIR is not set");
      return;
    }

  path = g_build_filename (shared, "testdata", "NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog.xml", NULL);
  catalog_file = g_file_new_for_path (path);
  catalog = tenken_catalog_new_from_file (catalog_file, NULL, &error);
  g_assert_no_error (error);
  document = tenken_document_create (file, catalog, scope, &error);
  g_assert_no_error (error);

  items = tenken_catalog_get_items (catalog);
  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i += 3)
    {
      g_autoptr(TenkenCatalogItem) item = g_list_model_get_item (items, i);

      set_status (document, tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (item)), TENKEN_STATUS_IMPLEMENTED);
    }
  tenken_document_close (document);
  g_clear_object (&document);

  document = open_document (fixture->path, TENKEN_DOCUMENT_OPEN_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (tenken_document_get_responses (document)), ==, n_items);
  {
    guint counts[TENKEN_N_STATUSES];

    tenken_document_count_statuses (document, NULL, 0, counts);
    g_assert_cmpuint (counts[TENKEN_STATUS_IMPLEMENTED], ==, (n_items + 2) / 3);
  }
}

/* The migration chain itself, with made-up future versions */
static void
test_migration_steps (Fixture       *fixture,
                      gconstpointer  data)
{
  static const TenkenDocumentMigration good[] = {
    { 3, "CREATE TABLE reviews (item_id TEXT NOT NULL, reviewer TEXT);" },
    { 2, "ALTER TABLE responses ADD COLUMN reviewer TEXT;"
         "UPDATE meta SET requires = '0.2.0';" },
    { 0, NULL }
  };
  static const TenkenDocumentMigration failing[] = {
    { 2, "ALTER TABLE responses ADD COLUMN reviewer TEXT;" },
    { 3, "ALTER TABLE no_such_table ADD COLUMN x;" },
    { 0, NULL }
  };
  static const TenkenDocumentMigration gap[] = {
    { 3, "CREATE TABLE reviews (x);" },
    { 0, NULL }
  };
  const TenkenDocumentMigration *broken[] = { failing, gap };
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  tenken_document_close (document);
  before = read_bytes (fixture->path);

  /* A failing step, or a missing one, rolls the whole upgrade back */
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GBytes) after = NULL;

      g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
      g_assert_true (tenken_document_begin_edit (db, NULL, "assessment.tenken", &error));
      g_assert_false (tenken_document_schema_run_steps (db, 1, 3, broken[i], &error));
      g_assert_nonnull (error);
      g_test_message ("migration error: %s", error->message);
      g_clear_error (&error);
      tenken_document_rollback (db);
      sqlite3_close (db);

      after = read_bytes (fixture->path);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_cmpint (doc_test_query_int (fixture->path, "PRAGMA user_version"), ==, 1);
    }

  /* Steps run in version order whatever their order in the table */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_true (tenken_document_begin_edit (db, NULL, "assessment.tenken", &error));
  g_assert_true (tenken_document_schema_run_steps (db, 1, 3, good, &error));
  g_assert_no_error (error);
  g_assert_true (tenken_document_commit (db, &error));
  sqlite3_close (db);

  g_assert_cmpint (doc_test_query_int (fixture->path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (*) FROM reviews"), ==, 0);
  g_assert_cmpint (doc_test_query_int (fixture->path, "SELECT count (reviewer) FROM responses"), ==, 0);

  /* And this Tenken now refuses it as too new */
  g_clear_error (&error);
  error = open_error (fixture->path, TENKEN_DOCUMENT_OPEN_NONE);
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "0.2.0"));
}

static void
test_scope_history (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  g_autoptr(TenkenScope) scope = tenken_document_dup_scope (document);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);

  g_signal_connect (document, "changed", G_CALLBACK (changed_cb), seen);
  tenken_scope_set_roles (scope, TENKEN_ROLE_SUPPLIER | TENKEN_ROLE_CUSTOMER);
  tenken_scope_set_period_end (scope, NULL);
  g_assert_true (tenken_document_set_scope (document, scope, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "(null)");

  /* Unchanged: nothing happens */
  g_assert_true (tenken_document_set_scope (document, scope, &error));
  g_assert_cmpuint (seen->len, ==, 1);

  history = tenken_document_list_history (document, NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TenkenHistoryEntry) entry = g_list_model_get_item (history, i);

      g_assert_null (tenken_history_entry_get_item_id (entry));
      g_hash_table_add (fields, (gpointer) g_intern_string (tenken_history_entry_get_field (entry)));
      if (g_str_equal (tenken_history_entry_get_field (entry), "scope.roles"))
        {
          g_assert_cmpstr (tenken_history_entry_get_old_value (entry), ==, "developer,operator");
          g_assert_cmpstr (tenken_history_entry_get_new_value (entry), ==, "supplier,customer");
        }
      else
        {
          g_assert_cmpstr (tenken_history_entry_get_field (entry), ==, "scope.period-end");
          g_assert_cmpstr (tenken_history_entry_get_old_value (entry), ==, "2027-03-31");
          g_assert_null (tenken_history_entry_get_new_value (entry));
        }
    }
  g_assert_cmpuint (g_hash_table_size (fields), ==, 2);
}

/* Names that need care in a URI or a shell */
static void
test_odd_file_name (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *name = "評価 #1 ?x=y&%20.tenken";
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, name);

  tenken_document_close (document);
  g_clear_object (&document);
  document = open_document (path, TENKEN_DOCUMENT_OPEN_NONE);
  {
    g_autoptr(TenkenScope) scope = tenken_document_dup_scope (document);

    g_assert_cmpstr (tenken_scope_get_organisation (scope), !=, NULL);
  }
  tenken_document_close (document);
  /* Only that file: nothing was created under an unescaped name */
  g_assert_cmpuint (n_dir_entries (fixture->dir), ==, 1);
}

static void
sync_progress_cb (goffset  current,
                  goffset  total,
                  gpointer user_data)
{
  goffset *last = user_data;

  g_assert_cmpint (current, >=, last[0]);
  g_assert_cmpint (current, <=, total);
  last[0] = current;
  last[1] = total;
}

static void
test_evidence_sync_progress (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  g_autofree char *content = make_content (3 * 1024 * 1024, 7);
  g_autofree char *src_path = write_temp_file (fixture->dir, "scan.pdf", content, 3 * 1024 * 1024);
  g_autoptr(GFile) src = g_file_new_for_path (src_path);
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  goffset last[2] = { 0, 0 };

  evidence = tenken_document_add_evidence_file (document, src, NULL, NULL, NULL,
                                                sync_progress_cb, last, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (last[1], >, 0);
  g_assert_cmpint (last[0], ==, last[1]);
  g_assert_cmpstr (tenken_evidence_get_media_type (evidence), ==, "application/pdf");
}

/* A copy of the .tenken alone, taken while the document is open, holds the
 * edits made up to a moment before: the WAL is checkpointed after edits. */
static void
test_copy_while_open (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TenkenDocument) document = doc_test_create (fixture->dir, "assessment.tenken");
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.tenken", NULL);
  TenkenResponse *live = g_list_model_get_item (tenken_document_get_responses (document), 0);
  g_autoptr(TenkenResponse) edit = tenken_response_copy (live);
  g_autoptr(TenkenDocument) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *item_id = tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (live)));
  gint64 deadline;

  g_object_unref (live);
  tenken_response_set_status (edit, TENKEN_STATUS_IMPLEMENTED);
  tenken_response_set_statement (edit, "Copied while open");
  g_assert_true (tenken_document_set_response (document, edit, &error));
  g_assert_no_error (error);

  /* The checkpoint runs from the main loop a moment after the edit */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (document->checkpoint_source != 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (document->checkpoint_source, ==, 0);

  /* Copy only the main file, as a user attaching it to an email would */
  bytes = read_bytes (fixture->path);
  g_file_set_contents (copy_path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  copy = open_document (copy_path, TENKEN_DOCUMENT_OPEN_READ_ONLY);
  g_assert_cmpint (tenken_response_get_status (tenken_document_get_response (copy, item_id)), ==,
                   TENKEN_STATUS_IMPLEMENTED);
  g_assert_cmpstr (tenken_response_get_statement (tenken_document_get_response (copy, item_id)), ==,
                   "Copied while open");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/document/round-trip", test_round_trip);
  ADD ("/document/status-rules", test_status_rules);
  ADD ("/document/history", test_history);
  ADD ("/document/evidence/file", test_evidence_file);
  ADD ("/document/evidence/dedup", test_evidence_dedup);
  ADD ("/document/evidence/url", test_evidence_url);
  ADD ("/document/evidence/links", test_evidence_links);
  ADD ("/document/evidence/shared-blob", test_evidence_shared_blob_kept);
  ADD ("/document/evidence/names", test_evidence_names);
  ADD ("/document/evidence/large-async", test_evidence_large_async);
  ADD ("/document/evidence/cancel", test_evidence_cancel);
  ADD ("/document/too-new", test_too_new);
  ADD ("/document/not-tenken", test_not_tenken);
  ADD ("/document/truncated", test_truncated);
  ADD ("/document/create-exists", test_create_exists);
  ADD ("/document/lock", test_lock);
  ADD ("/document/read-only/untouched", test_read_only_untouched);
  ADD ("/document/read-only/file", test_read_only_file);
  ADD ("/document/check", test_check_detects_altered_blob);
  ADD ("/document/count-statuses", test_count_statuses);
  ADD ("/document/large-catalog", test_large_catalog);
  ADD ("/document/migration-steps", test_migration_steps);
  ADD ("/document/scope-history", test_scope_history);
  ADD ("/document/odd-file-name", test_odd_file_name);
  ADD ("/document/evidence/sync-progress", test_evidence_sync_progress);
  ADD ("/document/copy-while-open", test_copy_while_open);
#undef ADD
  g_test_add_func ("/document/fixtures", test_fixtures);

  return g_test_run ();
}
