/* tenken-export-common.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tenken-export-common.h"

char *
tenken_export_suggest_name (TenkenDocument *document,
                            const char     *what,
                            const char     *extension)
{
  g_autoptr(TenkenScope) scope = tenken_document_dup_scope (document);
  const char *service = scope != NULL ? tenken_scope_get_service (scope) : NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (service != NULL && *service != '\0')
    base = g_strdup (service);
  else if (tenken_document_get_file (document) != NULL)
    {
      base = g_file_get_basename (tenken_document_get_file (document));
      if (g_str_has_suffix (base, ".tenken"))
        base[strlen (base) - strlen (".tenken")] = '\0';
    }
  else
    base = g_strdup (_("Assessment"));

  /* Translators: a suggested file name, "Cloud Portal – gap report" */
  name = g_strdup_printf (C_("file name", "%s – %s"), base, what);

  /* Separators and a leading dot would make another path or a hidden file */
  g_strdelimit (name, "/\\:", '-');
  while (name[0] == '.')
    name[0] = '_';

  return g_strconcat (name, extension, NULL);
}

GFile *
tenken_export_ensure_extension (GFile      *file,
                                const char *extension)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *with_extension = NULL;

  if (extension == NULL || g_str_has_suffix (lower, extension))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  with_extension = g_strconcat (name, extension, NULL);

  return g_file_get_child (parent, with_extension);
}

void
tenken_export_chooser_set_folder (GtkFileChooser *chooser,
                                  GSettings      *settings)
{
  g_autofree char *uri = settings ? g_settings_get_string (settings, "last-export-directory") : NULL;
  g_autoptr(GFile) folder = NULL;

  if (uri != NULL && *uri != '\0')
    {
      folder = g_file_new_for_uri (uri);
      if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
        g_clear_object (&folder);
    }

  if (folder == NULL)
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
        folder = g_file_new_for_path (documents);
    }

  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

void
tenken_export_remember_folder (GSettings *settings,
                               GFile     *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = parent ? g_file_get_uri (parent) : NULL;

  if (settings != NULL && uri != NULL)
    g_settings_set_string (settings, "last-export-directory", uri);
}

const char *
tenken_export_default_language (GSettings *settings)
{
  g_autofree char *last = settings ? g_settings_get_string (settings, "last-export-language") : NULL;

  if (g_strcmp0 (last, "ja") == 0)
    return "ja";
  if (g_strcmp0 (last, "en") == 0)
    return "en";

  /* The first of the user's languages that reports are written in */
  for (const char * const *names = g_get_language_names (); *names != NULL; names++)
    {
      if (g_str_has_prefix (*names, "ja"))
        return "ja";
      if (g_str_has_prefix (*names, "en") || g_str_equal (*names, "C"))
        return "en";
    }

  return "en";
}

void
tenken_export_show_error (GtkWindow  *parent,
                          const char *heading,
                          const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
