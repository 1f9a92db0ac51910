/* fuzz-declaration.c: the declaration verifier on arbitrary XML
 *
 * Each input is a declaration file, verified on its own and against the
 * assessment it was made from (tests/fuzz/declaration.tenken, opened
 * read-only once per process). Verification must end in TRUE, FALSE with
 * problems, or a GError with a message; never a crash, never a network or
 * file access through the XML.
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-fuzz"

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "tenken-core.h"
#include "tenken-declaration.h"
#include "tenken-fuzz.h"

static char *dir;
static char *xml_path;
static TenkenDocument *document;

static void
clean_up (void)
{
  g_autofree char *copy = g_build_filename (dir, "declaration.tenken", NULL);
  const char *suffixes[] = { "", "-wal", "-shm" };

  if (document != NULL)
    tenken_document_close (document);
  g_clear_object (&document);
  g_unlink (xml_path);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (copy, suffixes[i], NULL);

      g_unlink (side);
    }
  g_rmdir (dir);
}

static void
set_up (void)
{
  g_autofree char *template = g_build_filename (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir (),
                                                "tenken-fuzz-XXXXXX", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  dir = g_mkdtemp (g_steal_pointer (&template));
  g_assert (dir != NULL);
  xml_path = g_build_filename (dir, "input.xml", NULL);
  /* A copy, so that nothing the verifier does can touch the source tree */
  copy = g_build_filename (dir, "declaration.tenken", NULL);
  if (!g_file_get_contents (TENKEN_FUZZ_DECLARATION_DOCUMENT, &contents, &length, &error) ||
      !g_file_set_contents (copy, contents, (gssize) length, &error))
    g_error ("%s", error->message);
  file = g_file_new_for_path (copy);
  document = tenken_document_open (file, TENKEN_DOCUMENT_OPEN_READ_ONLY, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  atexit (clean_up);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GFile) xml = NULL;

  tenken_fuzz_init ();
  if (dir == NULL)
    set_up ();

  g_assert (g_file_set_contents (xml_path, (const char *) data, (gssize) size, NULL));
  xml = g_file_new_for_path (xml_path);

  for (guint with_document = 0; with_document < 2; with_document++)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      gboolean valid;

      valid = tenken_declaration_verify (xml, with_document ? document : NULL, problems, NULL, &error);
      if (error != NULL)
        {
          g_assert (!valid);
          g_assert (error->message != NULL && error->message[0] != '\0');
          continue;
        }
      /* Valid means no problem; invalid means at least one, each said */
      g_assert (valid == (problems->len == 0));
      for (guint i = 0; i < problems->len; i++)
        g_assert (g_utf8_validate (g_ptr_array_index (problems, i), -1, NULL));
    }

  return 0;
}
