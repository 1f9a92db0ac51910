/* fuzz-document.c: opening a damaged .tenken file
 *
 * The input is written to a private temporary file and opened the two ways
 * the app and the CLI open documents (read-only, then for editing). If it
 * opens, everything is read and tenken_document_check() runs: none of it
 * may crash, and a failure must be a GError with a message.
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-fuzz"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "tenken-core.h"
#include "tenken-fuzz.h"

static char *dir;

static void
remove_side_files (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      g_unlink (side);
    }
}

static void
read_everything (TenkenDocument *document)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenScope) scope = tenken_document_dup_scope (document);
  GListModel *evidence = tenken_document_list_evidence (document);
  g_autoptr(GListModel) history = tenken_document_list_history (document, NULL);
  GListModel *responses = tenken_document_get_responses (document);
  guint counts[TENKEN_N_STATUSES];

  g_assert (tenken_document_get_catalog (document) != NULL);
  g_assert (TENKEN_IS_SCOPE (scope));
  (void) g_list_model_get_n_items (history);
  for (guint i = 0; i < g_list_model_get_n_items (responses); i++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, i);

      (void) tenken_response_get_status (response);
      (void) tenken_response_get_statement (response);
      (void) tenken_response_get_evidence_count (response);
    }
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(TenkenEvidence) item = g_list_model_get_item (evidence, i);
      g_autoptr(GInputStream) stream = NULL;
      g_auto(GStrv) item_ids = tenken_evidence_dup_item_ids (item);

      (void) item_ids;
      if (tenken_evidence_get_kind (item) != TENKEN_EVIDENCE_FILE)
        continue;
      stream = tenken_document_open_evidence (document, tenken_evidence_get_id (item), &error);
      if (stream == NULL)
        {
          g_assert (error != NULL && error->message[0] != '\0');
          g_clear_error (&error);
        }
    }
  (void) tenken_document_count_statuses (document, NULL, 0, counts);
  if (!tenken_document_check (document, problems, NULL, &error) && error != NULL)
    g_assert (error->message[0] != '\0');
}

static void
remove_dir (void)
{
  g_rmdir (dir);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  const TenkenDocumentOpenFlags modes[] = { TENKEN_DOCUMENT_OPEN_READ_ONLY, TENKEN_DOCUMENT_OPEN_NONE };

  tenken_fuzz_init ();
  if (dir == NULL)
    {
      /* tmpfs when there is one: thousands of files a second */
      const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
      g_autofree char *template = g_build_filename (base, "tenken-fuzz-XXXXXX", NULL);

      dir = g_mkdtemp (g_steal_pointer (&template));
      g_assert (dir != NULL);
      atexit (remove_dir);
    }
  path = g_build_filename (dir, "input.tenken", NULL);
  file = g_file_new_for_path (path);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr(TenkenDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      remove_side_files (path);
      g_assert (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));
      document = tenken_document_open (file, modes[m], &error);
      g_assert ((document == NULL) != (error == NULL));
      if (document == NULL)
        {
          g_assert (error->message != NULL && error->message[0] != '\0');
          continue;
        }
      read_everything (document);
      tenken_document_close (document);
    }
  remove_side_files (path);

  return 0;
}
