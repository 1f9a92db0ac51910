/* test-undo-stack.c: undo and redo of document edits
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "tenken-core.h"
#include "tenken-undo-stack.h"

typedef struct
{
  char            *dir;
  GFile           *file;
  TenkenDocument  *document;
  TenkenUndoStack *stack;
  guint            notifies;
} Fixture;

static TenkenCatalog *
meti_catalog (void)
{
  const char *data_dir = g_getenv ("TENKEN_DATA_DIR");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  TenkenCatalog *catalog;

  g_assert_nonnull (data_dir);
  file = g_file_new_build_filename (data_dir, "catalogs", "meti-cip-guidelines.xml", NULL);
  catalog = tenken_catalog_new_from_file (file, NULL, &error);
  g_assert_no_error (error);

  return catalog;
}

static void
on_notify (Fixture *f)
{
  f->notifies++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TenkenCatalog) catalog = meti_catalog ();
  g_autoptr(TenkenScope) scope = tenken_scope_new ();
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tenken-undo-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_file_new_build_filename (f->dir, "undo.tenken", NULL);

  tenken_scope_set_organisation (scope, "Example K.K.");
  tenken_scope_set_service (scope, "Example Cloud");
  tenken_scope_set_roles (scope, TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_OPERATOR);

  f->document = tenken_document_create (f->file, catalog, scope, &error);
  g_assert_no_error (error);
  f->stack = tenken_undo_stack_new (f->document);
  g_signal_connect_swapped (f->stack, "notify::can-undo", G_CALLBACK (on_notify), f);
  g_signal_connect_swapped (f->stack, "notify::can-redo", G_CALLBACK (on_notify), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_file_get_path (f->file);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&f->stack);
  if (f->document != NULL)
    tenken_document_close (f->document);
  g_clear_object (&f->document);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_clear_object (&f->file);
  g_free (f->dir);
}

static TenkenResponse *
live (Fixture    *f,
      const char *label)
{
  TenkenResponse *response = tenken_document_get_response_by_label (f->document, label);

  g_assert_nonnull (response);
  return response;
}

static void
edit_status (Fixture      *f,
             const char   *label,
             TenkenStatus  status)
{
  g_autoptr(TenkenResponse) copy = tenken_response_copy (live (f, label));
  g_autoptr(GError) error = NULL;

  tenken_response_set_status (copy, status);
  g_assert_true (tenken_undo_stack_set_response (f->stack, copy, &error));
  g_assert_no_error (error);
}

static void
edit_statement (Fixture    *f,
                const char *label,
                const char *statement)
{
  g_autoptr(TenkenResponse) copy = tenken_response_copy (live (f, label));
  g_autoptr(GError) error = NULL;

  tenken_response_set_statement (copy, statement);
  g_assert_true (tenken_undo_stack_set_response (f->stack, copy, &error));
  g_assert_no_error (error);
}

static void
test_undo_redo_response (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *item_id = NULL;

  g_assert_false (tenken_undo_stack_can_undo (f->stack));
  g_assert_false (tenken_undo_stack_can_redo (f->stack));

  edit_status (f, "S(1)-1.1", TENKEN_STATUS_IMPLEMENTED);
  edit_status (f, "S(2)-1.4", TENKEN_STATUS_PARTIAL);
  g_assert_true (tenken_undo_stack_can_undo (f->stack));
  g_assert_cmpuint (f->notifies, ==, 1);

  g_assert_true (tenken_undo_stack_undo (f->stack, &item_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (item_id, ==,
                   tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (live (f, "S(2)-1.4")))));
  g_assert_cmpint (tenken_response_get_status (live (f, "S(2)-1.4")), ==, TENKEN_STATUS_NOT_STARTED);
  g_assert_cmpint (tenken_response_get_status (live (f, "S(1)-1.1")), ==, TENKEN_STATUS_IMPLEMENTED);
  g_assert_true (tenken_undo_stack_can_redo (f->stack));

  g_assert_true (tenken_undo_stack_undo (f->stack, NULL, &error));
  g_assert_cmpint (tenken_response_get_status (live (f, "S(1)-1.1")), ==, TENKEN_STATUS_NOT_STARTED);
  g_assert_false (tenken_undo_stack_can_undo (f->stack));

  g_assert_true (tenken_undo_stack_redo (f->stack, NULL, &error));
  g_assert_true (tenken_undo_stack_redo (f->stack, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tenken_response_get_status (live (f, "S(1)-1.1")), ==, TENKEN_STATUS_IMPLEMENTED);
  g_assert_cmpint (tenken_response_get_status (live (f, "S(2)-1.4")), ==, TENKEN_STATUS_PARTIAL);
  g_assert_false (tenken_undo_stack_can_redo (f->stack));

  /* A new edit after an undo drops the redo steps */
  g_assert_true (tenken_undo_stack_undo (f->stack, NULL, &error));
  edit_status (f, "S(3)-1.1", TENKEN_STATUS_IMPLEMENTED);
  g_assert_false (tenken_undo_stack_can_redo (f->stack));
}

static void
test_undo_is_saved (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenDocument) reopened = NULL;
  g_autoptr(GListModel) history = NULL;

  edit_statement (f, "S(1)-1.1", "First answer");
  g_assert_true (tenken_undo_stack_undo (f->stack, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (tenken_response_get_statement (live (f, "S(1)-1.1")));

  /* The undo went through the document: stored and in the history */
  history = tenken_document_list_history (f->document,
                                          tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (live (f, "S(1)-1.1")))));
  g_assert_cmpuint (g_list_model_get_n_items (history), >=, 2);

  tenken_document_close (f->document);
  g_clear_object (&f->document);
  reopened = tenken_document_open (f->file, TENKEN_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_null (tenken_response_get_statement (tenken_document_get_response_by_label (reopened, "S(1)-1.1")));
}

static void
test_typing_merges (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Autosaves of one statement a moment apart are one step */
  edit_statement (f, "S(1)-1.1", "We");
  edit_statement (f, "S(1)-1.1", "We patch");
  edit_statement (f, "S(1)-1.1", "We patch monthly");
  g_assert_true (tenken_undo_stack_undo (f->stack, NULL, &error));
  g_assert_null (tenken_response_get_statement (live (f, "S(1)-1.1")));
  g_assert_false (tenken_undo_stack_can_undo (f->stack));

  g_assert_true (tenken_undo_stack_redo (f->stack, NULL, &error));
  g_assert_cmpstr (tenken_response_get_statement (live (f, "S(1)-1.1")), ==, "We patch monthly");

  /* Another field, or another item, is a new step */
  edit_status (f, "S(1)-1.1", TENKEN_STATUS_IMPLEMENTED);
  edit_statement (f, "S(1)-1.1", "We patch weekly");
  g_assert_true (tenken_undo_stack_undo (f->stack, NULL, &error));
  g_assert_cmpstr (tenken_response_get_statement (live (f, "S(1)-1.1")), ==, "We patch monthly");
  g_assert_cmpint (tenken_response_get_status (live (f, "S(1)-1.1")), ==, TENKEN_STATUS_IMPLEMENTED);
}

static void
test_no_op_and_invalid (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(TenkenResponse) copy = tenken_response_copy (live (f, "S(1)-1.1"));
  g_autoptr(GError) error = NULL;

  /* Nothing changed: nothing to undo */
  g_assert_true (tenken_undo_stack_set_response (f->stack, copy, &error));
  g_assert_no_error (error);
  g_assert_false (tenken_undo_stack_can_undo (f->stack));

  /* Breaking a status rule is refused and not recorded */
  tenken_response_set_status (copy, TENKEN_STATUS_NOT_APPLICABLE);
  g_assert_false (tenken_undo_stack_set_response (f->stack, copy, &error));
  g_assert_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID);
  g_assert_false (tenken_undo_stack_can_undo (f->stack));
  g_assert_cmpint (tenken_response_get_status (live (f, "S(1)-1.1")), ==, TENKEN_STATUS_NOT_STARTED);

  /* Setting both at once is fine, and undone at once */
  g_clear_error (&error);
  tenken_response_set_justification (copy, "We do not develop software");
  g_assert_true (tenken_undo_stack_set_response (f->stack, copy, &error));
  g_assert_no_error (error);
  g_assert_true (tenken_undo_stack_undo (f->stack, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tenken_response_get_status (live (f, "S(1)-1.1")), ==, TENKEN_STATUS_NOT_STARTED);
  g_assert_null (tenken_response_get_justification (live (f, "S(1)-1.1")));
}

static void
test_scope (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TenkenScope) scope = tenken_document_dup_scope (f->document);
  g_autoptr(TenkenScope) after = NULL;
  g_autoptr(GError) error = NULL;

  tenken_scope_set_service (scope, "Renamed Cloud");
  tenken_scope_set_roles (scope, TENKEN_ROLE_CUSTOMER);
  g_assert_true (tenken_undo_stack_set_scope (f->stack, scope, &error));
  g_assert_no_error (error);

  after = tenken_document_dup_scope (f->document);
  g_assert_cmpstr (tenken_scope_get_service (after), ==, "Renamed Cloud");
  g_clear_object (&after);

  g_assert_true (tenken_undo_stack_undo (f->stack, NULL, &error));
  after = tenken_document_dup_scope (f->document);
  g_assert_cmpstr (tenken_scope_get_service (after), ==, "Example Cloud");
  g_assert_cmpint (tenken_scope_get_roles (after), ==, TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_OPERATOR);
  g_clear_object (&after);

  g_assert_true (tenken_undo_stack_redo (f->stack, NULL, &error));
  after = tenken_document_dup_scope (f->document);
  g_assert_cmpint (tenken_scope_get_roles (after), ==, TENKEN_ROLE_CUSTOMER);

  tenken_undo_stack_clear (f->stack);
  g_assert_false (tenken_undo_stack_can_undo (f->stack));
  g_assert_false (tenken_undo_stack_can_redo (f->stack));
}

static void
test_failed_undo_keeps_step (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  edit_status (f, "S(1)-1.1", TENKEN_STATUS_IMPLEMENTED);

  /* A closed document cannot be written: the step stays to try again */
  tenken_document_close (f->document);
  g_assert_false (tenken_undo_stack_undo (f->stack, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (tenken_undo_stack_can_undo (f->stack));
  g_assert_false (tenken_undo_stack_can_redo (f->stack));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/undo-stack/response", test_undo_redo_response);
  ADD ("/undo-stack/saved", test_undo_is_saved);
  ADD ("/undo-stack/typing-merges", test_typing_merges);
  ADD ("/undo-stack/no-op-and-invalid", test_no_op_and_invalid);
  ADD ("/undo-stack/scope", test_scope);
  ADD ("/undo-stack/failed-undo", test_failed_undo_keeps_step);
#undef ADD

  return g_test_run ();
}
