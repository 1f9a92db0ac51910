/* crash-editor.c: edits a document the way the app does, until killed
 *
 * A child of tenken-crash-trials (the "app" target). Each edit goes through
 * the same core calls as the checklist's save path: copy the live
 * response, change it, tenken_document_set_response(); now and then a file
 * is attached as evidence (tenken_document_add_evidence_file()). Before an
 * edit it writes "TRY KIND LABEL VALUE", after the call returned success
 * "COMMITTED KIND LABEL VALUE", each with one write(2) to stdout (a file),
 * so that the lines survive SIGKILL.
 *
 *   crash-editor DOCUMENT SEED WORKDIR
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-test"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "tenken-core.h"

static void
say (const char *kind,
     const char *what,
     const char *label,
     const char *value)
{
  g_autofree char *line = g_strdup_printf ("%s %s %s %s\n", kind, what, label, value);
  gsize length = strlen (line);

  if (write (STDOUT_FILENO, line, length) != (gssize) length)
    exit (3);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  GListModel *responses;
  guint n;

  if (argc != 4)
    {
      g_printerr ("Usage: crash-editor DOCUMENT SEED WORKDIR\n");
      return 2;
    }

  file = g_file_new_for_path (argv[1]);
  rand = g_rand_new_with_seed ((guint32) atoi (argv[2]));
  document = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_NONE, &error);
  if (document == NULL)
    {
      say ("ERROR", "open", "-", error->message);
      return 1;
    }
  responses = tenken_document_get_responses (document);
  n = g_list_model_get_n_items (responses);

  for (guint edit = 0; ; edit++)
    {
      g_autoptr(TenkenResponse) live = g_list_model_get_item (responses, (guint) g_rand_int_range (rand, 0, (gint32) n));
      TenkenCatalogNode *node = TENKEN_CATALOG_NODE (tenken_response_get_item (live));
      const char *label = tenken_catalog_node_get_label (node);
      g_autofree char *value = g_strdup_printf ("seed%s-edit%u", argv[2], edit);

      if (g_rand_int_range (rand, 0, 8) == 0)
        {
          /* Evidence: random bytes, named after the edit; VALUE is its SHA-256 */
          g_autofree char *path = g_build_filename (argv[3], value, NULL);
          g_autoptr(GFile) evidence_file = g_file_new_for_path (path);
          gsize size = (gsize) g_rand_int_range (rand, 1, 32 * 1024);
          g_autofree guint8 *bytes = g_malloc (size);
          g_autofree char *sha = NULL;
          g_autoptr(TenkenEvidence) evidence = NULL;

          for (gsize i = 0; i < size; i++)
            bytes[i] = (guint8) g_rand_int (rand);
          sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes, size);
          if (!g_file_set_contents (path, (const char *) bytes, (gssize) size, &error))
            {
              say ("ERROR", "evidence", label, error->message);
              return 1;
            }
          say ("TRY", "evidence", label, sha);
          evidence = tenken_document_add_evidence_file (document, evidence_file,
                                                        tenken_catalog_node_get_id (node),
                                                        NULL, NULL, NULL, NULL, NULL, &error);
          if (evidence == NULL)
            {
              say ("ERROR", "evidence", label, error->message);
              return 1;
            }
          say ("COMMITTED", "evidence", label, sha);
          g_unlink (path);
        }
      else
        {
          g_autoptr(TenkenResponse) response = tenken_response_copy (live);
          const TenkenStatus statuses[] = { TENKEN_STATUS_IMPLEMENTED, TENKEN_STATUS_PARTIAL,
                                            TENKEN_STATUS_NOT_IMPLEMENTED };

          tenken_response_set_status (response, statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))]);
          tenken_response_set_statement (response, value);
          say ("TRY", "statement", label, value);
          if (!tenken_document_set_response (document, response, &error))
            {
              say ("ERROR", "statement", label, error->message);
              return 1;
            }
          say ("COMMITTED", "statement", label, value);
        }
    }

  return 0;
}
