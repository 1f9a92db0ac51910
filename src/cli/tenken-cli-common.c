/* tenken-cli-common.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "tenken-cli-common.h"

void
tenken_cli_write (const char *text)
{
  fputs (text, stdout);
}

void
tenken_cli_print (const char *format,
                  ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  fputs (text, stdout);
}

char *
tenken_cli_one_line (const char *text)
{
  char *copy;

  if (text == NULL)
    return g_strdup ("");

  copy = g_strdup (text);
  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  return g_strstrip (copy);
}

guint
tenken_cli_width (const char *text)
{
  guint width = 0;

  /* Japanese and other wide characters take two terminal columns */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return width;
}

char *
tenken_cli_pad (const char *text,
                guint       width)
{
  GString *str = g_string_new (text);

  for (guint i = tenken_cli_width (text); i < width; i++)
    g_string_append_c (str, ' ');

  return g_string_free (str, FALSE);
}

#define IDEOGRAPHIC_FULL_STOP "\xe3\x80\x82"

/* One line of valid UTF-8 ending in a full stop: core messages and hints
 * may or may not end in one, in English or in Japanese */
static void
append_sentence (GString    *line,
                 const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *sentence = tenken_cli_one_line (valid);

  if (line->len > 0 && !g_str_has_suffix (line->str, IDEOGRAPHIC_FULL_STOP))
    g_string_append_c (line, ' ');
  g_string_append (line, sentence);
  if (*sentence != '\0' &&
      !g_str_has_suffix (sentence, ".") && !g_str_has_suffix (sentence, IDEOGRAPHIC_FULL_STOP))
    {
      gunichar last = g_utf8_get_char (g_utf8_find_prev_char (sentence, sentence + strlen (sentence)));

      /* A Japanese sentence (translated) ends in 。 */
      g_string_append (line, g_unichar_iswide (last) ? IDEOGRAPHIC_FULL_STOP : ".");
    }
}

/* A message with a second sentence already tells the user what to do */
static gboolean
has_advice (const char *message)
{
  const char *stop = strstr (message, IDEOGRAPHIC_FULL_STOP);

  return strstr (message, ". ") != NULL ||
         strstr (message, "; ") != NULL ||
         (stop != NULL && stop[strlen (IDEOGRAPHIC_FULL_STOP)] != '\0');
}

static int
print_error_line (const char *prefix,
                  const char *why,
                  const char *todo,
                  int         exit_code)
{
  g_autoptr(GString) sentences = g_string_new (NULL);
  g_autofree char *safe_prefix = g_utf8_make_valid (prefix, -1);

  append_sentence (sentences, why);
  if (todo != NULL && *todo != '\0')
    append_sentence (sentences, todo);

  fflush (stdout);
  fprintf (stderr, "%s%s\n", safe_prefix, sentences->str);

  return exit_code;
}

int
tenken_cli_fail (const char *what,
                 const char *why,
                 const char *todo)
{
  g_autofree char *prefix = NULL;

  if (what != NULL && *what != '\0')
    prefix = g_strdup_printf ("tenken-cli: %s: ", what);
  else
    prefix = g_strdup ("tenken-cli: ");

  return print_error_line (prefix, why, todo, TENKEN_CLI_EXIT_FAILURE);
}

static const char *
hint_for_error (const GError *error)
{
  if (error->domain == TENKEN_DOCUMENT_ERROR)
    {
      switch ((TenkenDocumentError) error->code)
        {
        case TENKEN_DOCUMENT_ERROR_IO:
          return _("Check the path, the permissions and the free disk space");
        case TENKEN_DOCUMENT_ERROR_NOT_TENKEN:
          return _("Give the path of a .tenken assessment, or create one with “tenken-cli new”");
        case TENKEN_DOCUMENT_ERROR_CORRUPT:
          return _("Run “tenken-cli check” on it for details, or restore a backup");
        case TENKEN_DOCUMENT_ERROR_TOO_NEW:
          return _("Open it with a newer version of Tenken");
        case TENKEN_DOCUMENT_ERROR_IN_USE:
          return _("Close it in the other Tenken window, then try again");
        case TENKEN_DOCUMENT_ERROR_READ_ONLY:
          return _("Check the file’s permissions");
        case TENKEN_DOCUMENT_ERROR_EXISTS:
          return _("Choose another file name, or remove the existing file first");
        case TENKEN_DOCUMENT_ERROR_NOT_FOUND:
          return _("Run “tenken-cli show” on the assessment to list its items");
        case TENKEN_DOCUMENT_ERROR_INVALID:
          return _("Correct the value and try again");
        default:
          return NULL;
        }
    }

  if (error->domain == TENKEN_CATALOG_ERROR)
    {
      switch ((TenkenCatalogError) error->code)
        {
        case TENKEN_CATALOG_ERROR_READ:
          return _("Check the path and the permissions");
        case TENKEN_CATALOG_ERROR_TOO_LARGE:
          return _("Split the catalog, or remove what the assessment does not need");
        case TENKEN_CATALOG_ERROR_MALFORMED:
          return _("Fix the XML where the message points, then try again");
        case TENKEN_CATALOG_ERROR_FORBIDDEN:
          return _("Remove the DOCTYPE and entity declarations; OSCAL catalogs never need them");
        case TENKEN_CATALOG_ERROR_NOT_OSCAL:
          return _("Give an OSCAL catalog in XML (a <catalog> element in the OSCAL namespace)");
        case TENKEN_CATALOG_ERROR_INVALID:
          return _("Fix the catalog, then import it again");
        case TENKEN_CATALOG_ERROR_NOT_FOUND:
          return _("Run “tenken-cli catalogs” to list the installed catalogs");
        case TENKEN_CATALOG_ERROR_EXISTS:
          return _("Give the catalog another id (its catalog-id prop or file name)");
        default:
          return NULL;
        }
    }

  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_NOT_FOUND:
          return _("Check the path");
        case G_IO_ERROR_PERMISSION_DENIED:
          return _("Check the file’s permissions");
        case G_IO_ERROR_IS_DIRECTORY:
          return _("Give the path of a file, not a folder");
        case G_IO_ERROR_NO_SPACE:
          return _("Free some disk space, then try again");
        default:
          return NULL;
        }
    }

  return NULL;
}

int
tenken_cli_fail_error (const char   *what,
                       const GError *error,
                       const char   *todo)
{
  /* Core messages mostly say what to do already; @todo and our hints are
   * for those that do not */
  if (has_advice (error->message))
    todo = NULL;
  else if (todo == NULL)
    todo = hint_for_error (error);

  /* Catalog errors name the file themselves: do not say it twice */
  if (what != NULL && strstr (error->message, what) != NULL)
    what = NULL;

  return tenken_cli_fail (what, error->message, todo);
}

int
tenken_cli_usage (const TenkenCliCommand *command,
                  const char             *format,
                  ...)
{
  g_autofree char *message = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *prefix = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (command != NULL)
    {
      prefix = g_strdup_printf ("tenken-cli: %s: ", command->name);
      hint = g_strdup_printf (_("Run “tenken-cli %s --help” to see its usage."), command->name);
    }
  else
    {
      prefix = g_strdup ("tenken-cli: ");
      hint = g_strdup (_("Run “tenken-cli --help” to see the commands."));
    }

  return print_error_line (prefix, message, hint, TENKEN_CLI_EXIT_USAGE);
}

/* The translated argument names; _("") would be the catalog header */
static const char *
command_parameters (const TenkenCliCommand *command)
{
  return command->parameters[0] != '\0' ? _(command->parameters) : "";
}

int
tenken_cli_parse (const TenkenCliCommand *command,
                  const GOptionEntry     *entries,
                  int                    *argc,
                  char                 ***argv,
                  guint                   n_positional)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = NULL;
  gboolean help = FALSE;
  const GOptionEntry help_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show help for this command"), NULL },
    G_OPTION_ENTRY_NULL
  };

  /* The usage line reads "tenken-cli COMMAND [OPTION…] ARGUMENTS" */
  prgname = g_strdup_printf ("tenken-cli %s", command->name);
  g_set_prgname (prgname);
  context = g_option_context_new (command_parameters (command));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (command->description != NULL)
    g_option_context_set_description (context, _(command->description));
  /* Our own --help, printed as UTF-8 bytes like all other output */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, help_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    return tenken_cli_usage (command, "%s", error->message);

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      tenken_cli_write (text);
      if (!g_str_has_suffix (text, "\n"))
        tenken_cli_write ("\n");
      return TENKEN_CLI_EXIT_OK;
    }

  /* GOption has rejected unknown options; argv[0] is the command name */
  if ((guint) (*argc - 1) < n_positional)
    return tenken_cli_usage (command, _("Missing arguments: it needs %s"),
                             command_parameters (command));
  if ((guint) (*argc - 1) > n_positional)
    return tenken_cli_usage (command, _("Too many arguments: “%s” is not expected"),
                             (*argv)[n_positional + 1]);

  return TENKEN_CLI_CONTINUE;
}

char *
tenken_cli_arg_to_utf8 (const char *arg)
{
  if (g_utf8_validate (arg, -1, NULL))
    return g_strdup (arg);

  /* A legacy locale (EUC-JP, Shift_JIS …) */
  return g_locale_to_utf8 (arg, -1, NULL, NULL, NULL);
}

int
tenken_cli_text_options (const TenkenCliCommand *command,
                         ...)
{
  const char *name;
  int ret = TENKEN_CLI_CONTINUE;
  va_list args;

  va_start (args, command);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      char **value = va_arg (args, char **);
      char *utf8;

      if (*value == NULL)
        continue;

      utf8 = tenken_cli_arg_to_utf8 (*value);
      if (utf8 == NULL)
        {
          ret = tenken_cli_usage (command, _("The value of %s is not text in UTF-8 or in the locale’s encoding"), name);
          break;
        }

      g_free (*value);
      *value = utf8;
    }
  va_end (args);

  return ret;
}

char *
tenken_cli_display_path (const char *arg)
{
  /* As the user typed it, in UTF-8 */
  return g_filename_display_name (arg);
}

TenkenDocument *
tenken_cli_open_document (const char              *path,
                          TenkenDocumentOpenFlags  flags)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *display = tenken_cli_display_path (path);
  TenkenDocument *document;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_UNKNOWN)
    {
      tenken_cli_fail (display, _("No such file"),
                       _("Check the path, or create an assessment with “tenken-cli new”"));
      return NULL;
    }

  document = tenken_document_open (file, flags, &error);
  if (document == NULL)
    {
      tenken_cli_fail_error (display, error, NULL);
      return NULL;
    }

  return document;
}

TenkenDocument *
tenken_cli_open_document_for_editing (const char *path,
                                      const char *author)
{
  TenkenDocument *document = tenken_cli_open_document (path, TENKEN_DOCUMENT_OPEN_NONE);

  if (document != NULL && author != NULL && *author != '\0')
    tenken_document_set_author (document, author);

  return document;
}

TenkenResponse *
tenken_cli_lookup_response (TenkenDocument *document,
                            const char     *path,
                            const char     *label)
{
  g_autofree char *utf8 = tenken_cli_arg_to_utf8 (label);
  TenkenResponse *response = NULL;

  if (utf8 != NULL)
    response = tenken_document_get_response_by_label (document, utf8);

  if (response == NULL)
    {
      g_autofree char *why = NULL;
      g_autofree char *todo = NULL;
      g_autofree char *safe = g_utf8_make_valid (label, -1);

      why = g_strdup_printf (_("The assessment’s catalog has no item labelled “%s”"), safe);
      todo = g_strdup_printf (_("Run “tenken-cli show %s” to list the labels"), path);
      tenken_cli_fail (path, why, todo);
    }

  return response;
}

TenkenCatalogRegistry *
tenken_cli_load_registry (void)
{
  /* The constructor scans; a catalog that fails to load is skipped and kept
   * in get_errors(), which `catalogs` reports */
  return tenken_catalog_registry_new ();
}

const char *
tenken_cli_label_for_item_id (TenkenCatalog *catalog,
                              const char    *item_id)
{
  TenkenCatalogNode *node;

  if (item_id == NULL)
    return NULL;

  node = tenken_catalog_lookup_node (catalog, item_id);
  if (node == NULL)
    return item_id;

  return tenken_catalog_node_get_label (node);
}
