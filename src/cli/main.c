/* main.c: tenken-cli, the scripting interface to Tenken assessments
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "tenken-cli-common.h"

/* The command names and their arguments are a contract: scripts use them.
 * The argument names are only shown (usage line, "Missing arguments"), so
 * they are translated; each word is one positional argument. */
static const TenkenCliCommand commands[] = {
  { "catalogs", "",
    N_("List the installed catalogs: ID, version, number of items and title, tab-separated"),
    NULL,
    tenken_cli_catalogs },
  /* Translators: argument names in the usage line, one word per argument */
  { "catalog", N_("ID"),
    N_("Show a catalog’s tree of groups and items with their labels, titles and roles"),
    NULL,
    tenken_cli_catalog },
  { "import-catalog", N_("PATH"),
    N_("Check an OSCAL catalog (XML) and install it for this user"),
    NULL,
    tenken_cli_import_catalog },
  { "new", N_("FILE"),
    N_("Create an assessment of a catalog"),
    N_("--catalog, --org and --service are required.\n"
       "Roles: developer, supplier, operator, customer, cloud-service-provider, assessor."),
    tenken_cli_new },
  { "set", N_("FILE LABEL"),
    N_("Answer one item, named by its label (S(1)-1.1, AC-2(1) …)"),
    N_("--status is required: not-started, implemented, partial, not-implemented,\n"
       "not-applicable or planned. Not applicable needs a justification, planned a\n"
       "target date. An empty value clears a field."),
    tenken_cli_set },
  { "attach", N_("FILE LABEL PATH"),
    N_("Copy a file into the assessment as evidence for an item"),
    NULL,
    tenken_cli_attach },
  { "attach-url", N_("FILE LABEL URL"),
    N_("Link a web page (http or https) as evidence for an item"),
    NULL,
    tenken_cli_attach_url },
  { "show", N_("FILE"),
    N_("Show an assessment: scope, progress and every item’s answer"),
    NULL,
    tenken_cli_show },
  { "history", N_("FILE"),
    N_("Show the changes made to an assessment, newest first"),
    NULL,
    tenken_cli_history },
  { "check", N_("FILE"),
    N_("Check an assessment: structure, database integrity and every evidence file’s hash"),
    N_("Exits with status 0 when no problem is found, 1 otherwise."),
    tenken_cli_check },
  /* Reports and declarations: tenken-cli-export.c */
  { "export", N_("FILE"),
    N_("Write a gap or full report as PDF, HTML, CSV, XLSX or OSCAL"),
    N_("--format and -o are required."),
    tenken_cli_export },
  { "declare", N_("FILE"),
    N_("Write a declaration of conformity (OUT.xml and OUT.pdf) from an assessment"),
    N_("--name, --title and -o are required. The XML carries a SHA-256 digest over its\n"
       "content and the hash of every evidence file; the PDF prints the same digest."),
    tenken_cli_declare },
  { "verify", N_("DECLARATION.xml"),
    N_("Check a declaration: intact, and with --document still true of the assessment"),
    N_("Exits with status 0 when valid, 1 with each problem on its own line."),
    tenken_cli_verify },
};

static void
print_program_help (void)
{
  guint width = 0;

  tenken_cli_print ("%s\n  tenken-cli %s\n\n%s\n\n",
                    _("Usage:"), _("COMMAND [ARGUMENTS…] [OPTIONS…]"),
                    _("Work with Tenken compliance assessments and catalogs."));
  tenken_cli_print ("%s\n", _("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, tenken_cli_width (commands[i].name));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *name = tenken_cli_pad (commands[i].name, width);

      tenken_cli_print ("  %s  %s\n", name, _(commands[i].summary));
    }

  tenken_cli_print ("\n%s\n  -h, --help     %s\n  --version      %s\n\n%s\n",
                    _("Options:"),
                    _("Show this help"),
                    _("Show the program’s version"),
                    _("Run “tenken-cli COMMAND --help” for a command’s arguments and options.\n"
                      "Exit status: 0 success, 1 error (bad file, unknown label …), 2 usage error."));
}

int
main (int   argc,
      char *argv[])
{
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, tenken_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("tenken-cli");

  if (argc < 2)
    return tenken_cli_usage (NULL, _("No command given"));

  name = argv[1];

  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      /* "help COMMAND" is the same as "COMMAND --help" */
      if (g_str_equal (name, "help") && argc == 3)
        {
          char *help_argv[] = { argv[2], (char *) "--help", NULL };

          for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
            if (g_str_equal (argv[2], commands[i].name))
              return commands[i].run (&commands[i], 2, help_argv);

          return tenken_cli_usage (NULL, _("Unknown command “%s”"), argv[2]);
        }

      print_program_help ();
      return TENKEN_CLI_EXIT_OK;
    }

  if (g_str_equal (name, "--version"))
    {
      tenken_cli_print ("tenken-cli %s\n", PACKAGE_VERSION);
      return TENKEN_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (name, commands[i].name))
        {
          int ret;

          /* The command sees argv starting at its own name */
          ret = commands[i].run (&commands[i], argc - 1, argv + 1);
          if (fflush (stdout) != 0 && ret == TENKEN_CLI_EXIT_OK)
            return tenken_cli_fail (NULL, _("Could not write the output"),
                                    _("Check where the output goes (a full disk, a closed pipe)"));
          return ret;
        }
    }

  if (name[0] == '-')
    return tenken_cli_usage (NULL, _("Unknown option %s"), name);

  return tenken_cli_usage (NULL, _("Unknown command “%s”"), name);
}
