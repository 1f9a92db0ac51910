/* crash-child.c: edits a document as fast as it can until it is killed
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: crash-child DOCUMENT RUN
 * Before each edit it writes "TRY <n> <item> <statement>", after the commit
 * "COMMITTED <n> <item> <statement>" (one write(2) each, so a line is either
 * whole or cut, never mixed). test-crash kills it with SIGKILL at a random
 * moment and checks that every committed edit is in the file.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tenken-core.h"

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize done = 0, length;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  length = strlen (line);
  while (done < length)
    {
      ssize_t n = write (STDOUT_FILENO, line + done, length - done);

      if (n <= 0)
        exit (3);
      done += (gsize) n;
    }
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
  guint n_items;
  int run;

  if (argc != 3)
    return 2;

  run = atoi (argv[2]);
  rand = g_rand_new_with_seed ((guint32) run);
  file = g_file_new_for_path (argv[1]);
  document = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_NONE, &error);
  if (document == NULL)
    {
      say ("ERROR %s\n", error->message);
      return 1;
    }

  responses = tenken_document_get_responses (document);
  n_items = g_list_model_get_n_items (responses);

  for (guint n = 0; n < 100000; n++)
    {
      g_autoptr(TenkenResponse) live = g_list_model_get_item (responses, (guint) g_rand_int_range (rand, 0, (gint32) n_items));
      g_autoptr(TenkenResponse) copy = tenken_response_copy (live);
      TenkenStatus status = (TenkenStatus) g_rand_int_range (rand, 0, TENKEN_N_STATUSES);
      const char *item_id = tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (live)));
      g_autofree char *statement = g_strdup_printf ("run-%d-edit-%u-%s", run, n, tenken_status_to_string (status));

      tenken_response_set_status (copy, status);
      tenken_response_set_statement (copy, statement);
      tenken_response_set_justification (copy, status == TENKEN_STATUS_NOT_APPLICABLE ? "Not relevant" : NULL);
      tenken_response_set_target_date (copy, status == TENKEN_STATUS_PLANNED ? "2027-06-30" : NULL);

      say ("TRY %u %s %s\n", n, item_id, statement);
      if (!tenken_document_set_response (document, copy, &error))
        {
          say ("ERROR %s\n", error->message);
          return 1;
        }
      say ("COMMITTED %u %s %s\n", n, item_id, statement);
    }

  return 0;
}
