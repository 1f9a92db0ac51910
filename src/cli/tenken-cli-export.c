/* tenken-cli-export.c: export, declare, verify
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tenken-cli-common.h"
#include "tenken-declaration.h"
#include "tenken-export.h"

static gboolean
is_language (const char *lang)
{
  return g_strcmp0 (lang, "en") == 0 || g_strcmp0 (lang, "ja") == 0;
}

int
tenken_cli_export (const TenkenCliCommand *command,
                   int                     argc,
                   char                  **argv)
{
  g_autofree char *format_str = NULL;
  g_autofree char *kind_str = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *output = NULL;
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(TenkenReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *document_display = NULL;
  TenkenExportFormat format;
  TenkenReportKind kind = TENKEN_REPORT_GAP;
  int ret;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &format_str, N_("The file format"), "pdf|html|csv|xlsx|oscal" },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &kind_str, N_("Only the gaps, or every item (default: gap)"), "gap|full" },
    { "lang", 0, 0, G_OPTION_ARG_FILENAME, &lang, N_("The report’s language (default: en)"), "en|ja" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("OUT") },
    G_OPTION_ENTRY_NULL
  };

  if ((ret = tenken_cli_parse (command, entries, &argc, &argv, 1)) != TENKEN_CLI_CONTINUE)
    return ret;

  if (format_str == NULL)
    return tenken_cli_usage (command, _("--format is required: pdf, html, csv, xlsx or oscal"));
  if (output == NULL)
    return tenken_cli_usage (command, _("-o OUT is required"));
  if ((ret = tenken_cli_text_options (command, "--format", &format_str, "--report", &kind_str,
                                      "--lang", &lang, NULL)) != TENKEN_CLI_CONTINUE)
    return ret;
  if (!tenken_export_format_from_string (format_str, &format))
    return tenken_cli_usage (command, _("Unknown format “%s”: use pdf, html, csv, xlsx or oscal"), format_str);
  if (kind_str != NULL && g_str_equal (kind_str, "full"))
    kind = TENKEN_REPORT_FULL;
  else if (kind_str != NULL && !g_str_equal (kind_str, "gap"))
    return tenken_cli_usage (command, _("Unknown report “%s”: use gap or full"), kind_str);
  if (lang != NULL && !is_language (lang))
    return tenken_cli_usage (command, _("Unknown language “%s”: use en or ja"), lang);

  if (!(document = tenken_cli_open_document (argv[1], TENKEN_DOCUMENT_OPEN_READ_ONLY)))
    return TENKEN_CLI_EXIT_FAILURE;
  document_display = tenken_cli_display_path (argv[1]);

  report = tenken_report_new (document, kind, lang != NULL ? lang : "en", NULL, &error);
  if (report == NULL)
    return tenken_cli_fail_error (document_display, error, NULL);

  file = g_file_new_for_commandline_arg (output);
  display = tenken_cli_display_path (output);
  if (!tenken_export_report (report, format, file, NULL, NULL, NULL, &error))
    return tenken_cli_fail_error (display, error,
                                  g_error_matches (error, TENKEN_EXPORT_ERROR, TENKEN_EXPORT_ERROR_IO)
                                  ? _("Check the path, the permissions and the free disk space") : NULL);

  tenken_cli_print (_("Wrote %s"), display);
  tenken_cli_print ("\n");

  return TENKEN_CLI_EXIT_OK;
}

/* OUT, OUT.xml or OUT.pdf all name the pair OUT.xml + OUT.pdf */
static char *
output_stem (const char *output)
{
  if (g_str_has_suffix (output, ".xml") || g_str_has_suffix (output, ".pdf"))
    return g_strndup (output, strlen (output) - 4);

  return g_strdup (output);
}

static const char *
declaration_hint (const GError *error)
{
  if (error->domain != TENKEN_DECLARATION_ERROR)
    return NULL;

  switch ((TenkenDeclarationError) error->code)
    {
    case TENKEN_DECLARATION_ERROR_IO:
      return _("Check the path, the permissions and the free disk space");
    case TENKEN_DECLARATION_ERROR_MALFORMED:
      return _("Give the .xml file written by “tenken-cli declare”");
    case TENKEN_DECLARATION_ERROR_INVALID:
      return _("Correct the value and try again");
    default:
      return NULL;
    }
}

int
tenken_cli_declare (const TenkenCliCommand *command,
                    int                     argc,
                    char                  **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *org = NULL;
  g_autofree char *place = NULL;
  g_autofree char *date = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *output = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *xml_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *xml_display = NULL;
  g_autofree char *pdf_display = NULL;
  g_autofree char *document_display = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GFile) xml = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autoptr(GError) error = NULL;
  TenkenDeclarant declarant = { 0, };
  int ret;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name, N_("Who signs the declaration"), N_("NAME") },
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title, N_("The signer’s position"), N_("TITLE") },
    { "org", 0, 0, G_OPTION_ARG_FILENAME, &org, N_("The organisation declaring (default: the scope’s)"), N_("NAME") },
    { "place", 0, 0, G_OPTION_ARG_FILENAME, &place, N_("Where it is signed"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_FILENAME, &date, N_("The date of the declaration (default: today)"), N_("YYYY-MM-DD") },
    { "lang", 0, 0, G_OPTION_ARG_FILENAME, &lang, N_("The declaration’s language (default: en)"), "en|ja" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Writes OUT.xml and OUT.pdf"), N_("OUT") },
    G_OPTION_ENTRY_NULL
  };

  if ((ret = tenken_cli_parse (command, entries, &argc, &argv, 1)) != TENKEN_CLI_CONTINUE)
    return ret;

  if (name == NULL)
    return tenken_cli_usage (command, _("--name NAME is required"));
  if (title == NULL)
    return tenken_cli_usage (command, _("--title TITLE is required"));
  if (output == NULL)
    return tenken_cli_usage (command, _("-o OUT is required"));
  if ((ret = tenken_cli_text_options (command, "--name", &name, "--title", &title, "--org", &org,
                                      "--place", &place, "--date", &date, "--lang", &lang,
                                      NULL)) != TENKEN_CLI_CONTINUE)
    return ret;
  if (lang != NULL && !is_language (lang))
    return tenken_cli_usage (command, _("Unknown language “%s”: use en or ja"), lang);

  if (!(document = tenken_cli_open_document (argv[1], TENKEN_DOCUMENT_OPEN_READ_ONLY)))
    return TENKEN_CLI_EXIT_FAILURE;
  document_display = tenken_cli_display_path (argv[1]);

  stem = output_stem (output);
  xml_path = g_strconcat (stem, ".xml", NULL);
  pdf_path = g_strconcat (stem, ".pdf", NULL);
  xml = g_file_new_for_commandline_arg (xml_path);
  pdf = g_file_new_for_commandline_arg (pdf_path);
  xml_display = tenken_cli_display_path (xml_path);
  pdf_display = tenken_cli_display_path (pdf_path);

  declarant.name = name;
  declarant.title = title;
  declarant.organisation = org;
  declarant.place = place;
  declarant.date = date;
  declarant.lang = lang;

  /* Write errors name the output file themselves */
  if (!tenken_declaration_write (document, &declarant, xml, pdf, &digest, NULL, &error))
    return tenken_cli_fail_error (g_error_matches (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_IO)
                                  ? NULL : document_display, error, declaration_hint (error));

  tenken_cli_print (_("Wrote %s and %s"), xml_display, pdf_display);
  tenken_cli_print ("\n");
  tenken_cli_print (_("Digest (SHA-256): %s"), digest);
  tenken_cli_print ("\n");

  return TENKEN_CLI_EXIT_OK;
}

int
tenken_cli_verify (const TenkenCliCommand *command,
                   int                     argc,
                   char                  **argv)
{
  g_autofree char *document_path = NULL;
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  int ret;
  const GOptionEntry entries[] = {
    { "document", 0, 0, G_OPTION_ARG_FILENAME, &document_path,
      N_("Also check that the declaration still matches this assessment’s answers and evidence"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if ((ret = tenken_cli_parse (command, entries, &argc, &argv, 1)) != TENKEN_CLI_CONTINUE)
    return ret;

  xml = g_file_new_for_commandline_arg (argv[1]);
  display = tenken_cli_display_path (argv[1]);

  if (document_path != NULL &&
      !(document = tenken_cli_open_document (document_path, TENKEN_DOCUMENT_OPEN_READ_ONLY)))
    return TENKEN_CLI_EXIT_FAILURE;

  if (tenken_declaration_verify (xml, document, problems, NULL, &error))
    {
      if (document != NULL)
        tenken_cli_print (_("%s: valid; it matches the assessment’s current answers and evidence"), display);
      else
        tenken_cli_print (_("%s: valid"), display);
      tenken_cli_print ("\n");
      return TENKEN_CLI_EXIT_OK;
    }

  if (error != NULL)
    return tenken_cli_fail_error (display, error, declaration_hint (error));

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = tenken_cli_one_line (g_ptr_array_index (problems, i));

      tenken_cli_print ("%s: %s\n", display, line);
    }

  return tenken_cli_fail (display,
                          g_dngettext (GETTEXT_PACKAGE, "The declaration does not hold: one problem",
                                       "The declaration does not hold: several problems", problems->len),
                          _("See the lines above; make a new declaration if the changes are intended"));
}
