/* tenken-cli-document.c: new, set, attach, attach-url, check
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tenken-cli-common.h"

/* A date option: empty clears it, anything else must be a real date. Returns
 * TENKEN_CLI_CONTINUE or the exit code. */
static int
check_date_option (const char *option,
                   const char *value)
{
  g_autofree char *what = NULL;

  if (value == NULL || *value == '\0' || tenken_date_is_valid (value))
    return TENKEN_CLI_CONTINUE;

  what = g_strdup_printf ("%s %s", option, value);
  return tenken_cli_fail (what, _("Not a valid date"),
                          _("Write a real calendar date as YYYY-MM-DD, for example 2026-03-31"));
}

/* "" clears a text field */
static const char *
nonempty (const char *value)
{
  return value != NULL && *value != '\0' ? value : NULL;
}

static gboolean
looks_like_date (const char *text)
{
  /* YYYY-MM-DD by shape; whether the date exists is checked separately */
  static const char shape[] = "dddd-dd-dd";

  if (strlen (text) != sizeof shape - 1)
    return FALSE;

  for (guint i = 0; shape[i] != '\0'; i++)
    {
      if (shape[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != shape[i])
        return FALSE;
    }

  return TRUE;
}

int
tenken_cli_new (const TenkenCliCommand *command,
                int                     argc,
                char                  **argv)
{
  g_autofree char *catalog_id = NULL;
  g_autofree char *org = NULL;
  g_autofree char *service = NULL;
  g_autofree char *roles_str = NULL;
  g_autofree char *tier_str = NULL;
  g_autofree char *type_str = NULL;
  g_autofree char *period = NULL;
  g_autofree char *assessor = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(TenkenCatalogRegistry) registry = NULL;
  g_autoptr(TenkenScope) scope = NULL;
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *period_start = NULL;
  g_autofree char *period_end = NULL;
  TenkenCatalog *catalog;
  TenkenRoles roles = TENKEN_ROLE_NONE;
  TenkenTier tier = TENKEN_TIER_PRIME;
  TenkenAssessmentType type = TENKEN_ASSESSMENT_SELF;
  int ret;
  const GOptionEntry entries[] = {
    { "catalog", 0, 0, G_OPTION_ARG_FILENAME, &catalog_id, N_("The catalog to assess against (see “tenken-cli catalogs”)"), N_("ID") },
    { "org", 0, 0, G_OPTION_ARG_FILENAME, &org, N_("The organisation assessed"), N_("NAME") },
    { "service", 0, 0, G_OPTION_ARG_FILENAME, &service, N_("The service or system assessed"), N_("NAME") },
    { "roles", 0, 0, G_OPTION_ARG_FILENAME, &roles_str, N_("The organisation’s roles, comma-separated (default: all items apply)"), N_("ROLE,…") },
    { "tier", 0, 0, G_OPTION_ARG_FILENAME, &tier_str, N_("Prime provider or sub-provider (default: prime)"), "prime|sub" },
    { "type", 0, 0, G_OPTION_ARG_FILENAME, &type_str, N_("Kind of assessment (default: self)"), "self|design|operational" },
    { "period", 0, 0, G_OPTION_ARG_FILENAME, &period, N_("The period assessed"), N_("YYYY-MM-DD..YYYY-MM-DD") },
    { "assessor", 0, 0, G_OPTION_ARG_FILENAME, &assessor, N_("Who assesses"), N_("NAME") },
    { "notes", 0, 0, G_OPTION_ARG_FILENAME, &notes, N_("Notes on the scope"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  if ((ret = tenken_cli_parse (command, entries, &argc, &argv, 1)) != TENKEN_CLI_CONTINUE)
    return ret;

  if (catalog_id == NULL)
    return tenken_cli_usage (command, _("--catalog ID is required"));
  if (org == NULL)
    return tenken_cli_usage (command, _("--org NAME is required"));
  if (service == NULL)
    return tenken_cli_usage (command, _("--service NAME is required"));

  if ((ret = tenken_cli_text_options (command,
                                      "--catalog", &catalog_id, "--org", &org,
                                      "--service", &service, "--roles", &roles_str,
                                      "--tier", &tier_str, "--type", &type_str,
                                      "--period", &period, "--assessor", &assessor,
                                      "--notes", &notes, NULL)) != TENKEN_CLI_CONTINUE)
    return ret;

  if (roles_str != NULL && !tenken_roles_from_string (roles_str, &roles))
    return tenken_cli_usage (command,
                             _("Unknown role in “%s”: use developer, supplier, operator, customer, cloud-service-provider or assessor"),
                             roles_str);
  if (tier_str != NULL && !tenken_tier_from_string (tier_str, &tier))
    return tenken_cli_usage (command, _("Unknown tier “%s”: use prime or sub"), tier_str);
  if (type_str != NULL && !tenken_assessment_type_from_string (type_str, &type))
    return tenken_cli_usage (command, _("Unknown assessment type “%s”: use self, design or operational"), type_str);

  if (period != NULL)
    {
      const char *dots = strstr (period, "..");

      if (dots == NULL)
        return tenken_cli_usage (command, _("Malformed --period “%s”: write START..END, for example 2025-04-01..2026-03-31"), period);

      period_start = g_strndup (period, dots - period);
      period_end = g_strdup (dots + 2);
      if (!looks_like_date (period_start) || !looks_like_date (period_end))
        return tenken_cli_usage (command, _("Malformed --period “%s”: write START..END, for example 2025-04-01..2026-03-31"), period);

      if ((ret = check_date_option ("--period", period_start)) != TENKEN_CLI_CONTINUE ||
          (ret = check_date_option ("--period", period_end)) != TENKEN_CLI_CONTINUE)
        return ret;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  display = tenken_cli_display_path (argv[1]);

  if (g_file_query_exists (file, NULL))
    return tenken_cli_fail (display, _("The file already exists"),
                            _("Choose another file name, or remove the existing file first"));

  if (!(registry = tenken_cli_load_registry ()))
    return TENKEN_CLI_EXIT_FAILURE;

  catalog = tenken_catalog_registry_lookup (registry, catalog_id);
  if (catalog == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("Catalog “%s”"), catalog_id);

      return tenken_cli_fail (what, _("No installed catalog has this id"),
                              _("Run “tenken-cli catalogs” to list them, or install one with “tenken-cli import-catalog”"));
    }

  scope = tenken_scope_new ();
  tenken_scope_set_organisation (scope, org);
  tenken_scope_set_service (scope, service);
  /* What is not given keeps the scope's defaults */
  if (roles_str != NULL)
    tenken_scope_set_roles (scope, roles);
  if (tier_str != NULL)
    tenken_scope_set_tier (scope, tier);
  if (type_str != NULL)
    tenken_scope_set_assessment_type (scope, type);
  tenken_scope_set_period_start (scope, period_start);
  tenken_scope_set_period_end (scope, period_end);
  tenken_scope_set_assessor (scope, nonempty (assessor));
  tenken_scope_set_notes (scope, nonempty (notes));

  if (!tenken_scope_validate (scope, &error))
    return tenken_cli_fail_error (display, error, NULL);

  document = tenken_document_create (file, catalog, scope, &error);
  if (document == NULL)
    return tenken_cli_fail_error (display, error, NULL);

  tenken_cli_print (_("Created %s: %u items from %s"), display,
                    g_list_model_get_n_items (tenken_document_get_responses (document)),
                    tenken_catalog_get_id (catalog));
  tenken_cli_print ("\n");
  tenken_document_close (document);

  return TENKEN_CLI_EXIT_OK;
}

int
tenken_cli_set (const TenkenCliCommand *command,
                int                     argc,
                char                  **argv)
{
  g_autofree char *status_str = NULL;
  g_autofree char *author = NULL;
  g_autofree char *statement = NULL;
  g_autofree char *justification = NULL;
  g_autofree char *target = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *due = NULL;
  gboolean flag = FALSE;
  gboolean no_flag = FALSE;
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(TenkenResponse) copy = NULL;
  g_autoptr(GError) error = NULL;
  TenkenResponse *response;
  TenkenStatus status;
  const char *path;
  const char *label;
  int ret;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_FILENAME, &status_str, N_("The answer (required)"), N_("STATUS") },
    { "statement", 0, 0, G_OPTION_ARG_FILENAME, &statement, N_("How the requirement is met"), N_("TEXT") },
    { "justification", 0, 0, G_OPTION_ARG_FILENAME, &justification, N_("Why it does not apply, or why it is not met"), N_("TEXT") },
    { "target", 0, 0, G_OPTION_ARG_FILENAME, &target, N_("When it will be met (for planned)"), N_("YYYY-MM-DD") },
    { "owner", 0, 0, G_OPTION_ARG_FILENAME, &owner, N_("Who is responsible"), N_("NAME") },
    { "due", 0, 0, G_OPTION_ARG_FILENAME, &due, N_("When the answer is due"), N_("YYYY-MM-DD") },
    { "flag", 0, 0, G_OPTION_ARG_NONE, &flag, N_("Flag the item for review"), NULL },
    { "no-flag", 0, 0, G_OPTION_ARG_NONE, &no_flag, N_("Remove the review flag"), NULL },
    { "author", 0, 0, G_OPTION_ARG_FILENAME, &author, N_("Who the change is attributed to in the history (default: your name)"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  if ((ret = tenken_cli_parse (command, entries, &argc, &argv, 2)) != TENKEN_CLI_CONTINUE)
    return ret;

  path = argv[1];
  label = argv[2];

  if (status_str == NULL)
    return tenken_cli_usage (command, _("--status STATUS is required"));
  if ((ret = tenken_cli_text_options (command,
                                      "--status", &status_str,
                                      "--statement", &statement,
                                      "--justification", &justification,
                                      "--target", &target, "--owner", &owner,
                                      "--due", &due, "--author", &author,
                                      NULL)) != TENKEN_CLI_CONTINUE)
    return ret;

  if (!tenken_status_from_string (status_str, &status))
    return tenken_cli_usage (command,
                             _("Unknown status “%s”: use not-started, implemented, partial, not-implemented, not-applicable or planned"),
                             status_str);
  if (flag && no_flag)
    return tenken_cli_usage (command, _("--flag and --no-flag cannot be used together"));

  if ((ret = check_date_option ("--target", target)) != TENKEN_CLI_CONTINUE ||
      (ret = check_date_option ("--due", due)) != TENKEN_CLI_CONTINUE)
    return ret;

  if (!(document = tenken_cli_open_document_for_editing (path, author)))
    return TENKEN_CLI_EXIT_FAILURE;

  if (!(response = tenken_cli_lookup_response (document, path, label)))
    return TENKEN_CLI_EXIT_FAILURE;

  copy = tenken_response_copy (response);
  tenken_response_set_status (copy, status);
  if (statement != NULL)
    tenken_response_set_statement (copy, nonempty (statement));
  if (justification != NULL)
    tenken_response_set_justification (copy, nonempty (justification));
  if (target != NULL)
    tenken_response_set_target_date (copy, nonempty (target));
  if (owner != NULL)
    tenken_response_set_owner (copy, nonempty (owner));
  if (due != NULL)
    tenken_response_set_due_date (copy, nonempty (due));
  if (flag || no_flag)
    tenken_response_set_flagged (copy, flag);

  /* set_response validates too; validating first fails before any write */
  if (!tenken_response_validate (copy, &error) ||
      !tenken_document_set_response (document, copy, &error))
    return tenken_cli_fail_error (path, error, NULL);

  tenken_document_close (document);

  tenken_cli_print ("%s: %s\n", label, tenken_status_to_string (status));

  return TENKEN_CLI_EXIT_OK;
}

int
tenken_cli_attach (const TenkenCliCommand *command,
                   int                     argc,
                   char                  **argv)
{
  g_autofree char *note = NULL;
  g_autofree char *author = NULL;
  g_autofree char *collected = NULL;
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *size = NULL;
  TenkenResponse *response;
  const char *item_id;
  int ret;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &note, N_("What the file shows"), N_("TEXT") },
    { "collected", 0, 0, G_OPTION_ARG_FILENAME, &collected, N_("When the evidence was collected"), N_("YYYY-MM-DD") },
    { "author", 0, 0, G_OPTION_ARG_FILENAME, &author, N_("Who the change is attributed to in the history (default: your name)"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  if ((ret = tenken_cli_parse (command, entries, &argc, &argv, 3)) != TENKEN_CLI_CONTINUE)
    return ret;

  if ((ret = tenken_cli_text_options (command, "--note", &note, "--collected", &collected,
                                      "--author", &author, NULL)) != TENKEN_CLI_CONTINUE)
    return ret;
  if ((ret = check_date_option ("--collected", collected)) != TENKEN_CLI_CONTINUE)
    return ret;

  file = g_file_new_for_commandline_arg (argv[3]);
  display = tenken_cli_display_path (argv[3]);

  switch (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL))
    {
    case G_FILE_TYPE_REGULAR:
      break;
    case G_FILE_TYPE_DIRECTORY:
      return tenken_cli_fail (display, _("This is a folder"), _("Attach the files in it one by one, or an archive of it"));
    case G_FILE_TYPE_UNKNOWN:
      return tenken_cli_fail (display, _("No such file"), _("Check the path of the evidence file"));
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SPECIAL:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      return tenken_cli_fail (display, _("Not a regular file"), _("Give the path of a regular file"));
    }

  if (!(document = tenken_cli_open_document_for_editing (argv[1], author)))
    return TENKEN_CLI_EXIT_FAILURE;

  if (!(response = tenken_cli_lookup_response (document, argv[1], argv[2])))
    return TENKEN_CLI_EXIT_FAILURE;

  item_id = tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (response)));
  evidence = tenken_document_add_evidence_file (document, file, item_id,
                                                nonempty (note), nonempty (collected),
                                                NULL, NULL, NULL, &error);
  if (evidence == NULL)
    return tenken_cli_fail_error (display, error, NULL);

  size = g_strdup_printf ("%" G_GUINT64_FORMAT, tenken_evidence_get_size (evidence));
  tenken_cli_print (_("Attached %s to %s (%s bytes, SHA-256 %s)"),
                    tenken_evidence_get_name (evidence), argv[2], size,
                    tenken_evidence_get_sha256 (evidence));
  tenken_cli_print ("\n");
  tenken_document_close (document);

  return TENKEN_CLI_EXIT_OK;
}

int
tenken_cli_attach_url (const TenkenCliCommand *command,
                       int                     argc,
                       char                  **argv)
{
  g_autofree char *note = NULL;
  g_autofree char *author = NULL;
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  TenkenResponse *response;
  const char *item_id;
  g_autofree char *url = NULL;
  int ret;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &note, N_("What the page shows"), N_("TEXT") },
    { "author", 0, 0, G_OPTION_ARG_FILENAME, &author, N_("Who the change is attributed to in the history (default: your name)"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  if ((ret = tenken_cli_parse (command, entries, &argc, &argv, 3)) != TENKEN_CLI_CONTINUE)
    return ret;

  url = g_strdup (argv[3]);
  if ((ret = tenken_cli_text_options (command, "--note", &note, "URL", &url,
                                      "--author", &author, NULL)) != TENKEN_CLI_CONTINUE)
    return ret;

  if (!(document = tenken_cli_open_document_for_editing (argv[1], author)))
    return TENKEN_CLI_EXIT_FAILURE;

  if (!(response = tenken_cli_lookup_response (document, argv[1], argv[2])))
    return TENKEN_CLI_EXIT_FAILURE;

  item_id = tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (response)));
  evidence = tenken_document_add_evidence_url (document, url, item_id, nonempty (note), &error);
  if (evidence == NULL)
    return tenken_cli_fail_error (argv[1], error, _("Give an http or https address"));

  tenken_cli_print (_("Linked %s to %s"), tenken_evidence_get_url (evidence), argv[2]);
  tenken_cli_print ("\n");
  tenken_document_close (document);

  return TENKEN_CLI_EXIT_OK;
}

int
tenken_cli_check (const TenkenCliCommand *command,
                  int                     argc,
                  char                  **argv)
{
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  guint n_files = 0;
  int ret;

  if ((ret = tenken_cli_parse (command, NULL, &argc, &argv, 1)) != TENKEN_CLI_CONTINUE)
    return ret;

  if (!(document = tenken_cli_open_document (argv[1], TENKEN_DOCUMENT_OPEN_READ_ONLY)))
    return TENKEN_CLI_EXIT_FAILURE;

  display = tenken_cli_display_path (argv[1]);

  if (!tenken_document_check (document, problems, NULL, &error))
    {
      /* The check itself could not run: that is one more problem */
      if (error != NULL)
        return tenken_cli_fail_error (display, error, NULL);
    }

  if (problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = tenken_cli_one_line (g_ptr_array_index (problems, i));

          tenken_cli_print ("%s: %s\n", display, line);
        }

      return tenken_cli_fail (display,
                              g_dngettext (GETTEXT_PACKAGE, "The check found a problem", "The check found problems", problems->len),
                              _("See the lines above; restore a backup if the file is damaged"));
    }

  evidence = g_object_ref (tenken_document_list_evidence (document));
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(TenkenEvidence) e = g_list_model_get_item (evidence, i);

      if (tenken_evidence_get_kind (e) == TENKEN_EVIDENCE_FILE)
        n_files++;
    }

  tenken_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                 "%s: OK (structure, database integrity, catalog snapshot and %u evidence file checked)",
                                 "%s: OK (structure, database integrity, catalog snapshot and %u evidence files checked)",
                                 n_files),
                    display, n_files);
  tenken_cli_print ("\n");

  return TENKEN_CLI_EXIT_OK;
}
