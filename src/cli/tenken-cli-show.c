/* tenken-cli-show.c: show, history
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-cli-common.h"
#include "tenken-cli-json.h"

static void
print_field (const char *name,
             const char *value)
{
  g_autofree char *padded = tenken_cli_pad (name, 14);
  g_autofree char *line = tenken_cli_one_line (value);

  tenken_cli_print ("%s %s\n", padded, line);
}

static void
print_scope (TenkenDocument *document)
{
  g_autoptr(TenkenScope) scope = tenken_document_dup_scope (document);
  TenkenCatalog *catalog = tenken_document_get_catalog (document);
  TenkenRoles roles = tenken_scope_get_roles (scope);
  const char *start = tenken_scope_get_period_start (scope);
  const char *end = tenken_scope_get_period_end (scope);
  g_autofree char *catalog_line = NULL;
  g_autofree char *roles_line = NULL;

  if (tenken_catalog_get_version (catalog) != NULL)
    catalog_line = g_strdup_printf (_("%s (%s, version %s)"),
                                    tenken_catalog_get_title (catalog),
                                    tenken_catalog_get_id (catalog),
                                    tenken_catalog_get_version (catalog));
  else
    catalog_line = g_strdup_printf ("%s (%s)",
                                    tenken_catalog_get_title (catalog),
                                    tenken_catalog_get_id (catalog));

  roles_line = roles != TENKEN_ROLE_NONE ? tenken_roles_to_display (roles) : g_strdup (_("All"));

  print_field (_("Catalog:"), catalog_line);
  print_field (_("Organisation:"), tenken_scope_get_organisation (scope));
  print_field (_("Service:"), tenken_scope_get_service (scope));
  print_field (_("Roles:"), roles_line);
  print_field (_("Tier:"), tenken_tier_get_display_name (tenken_scope_get_tier (scope)));
  print_field (_("Assessment:"),
               tenken_assessment_type_get_display_name (tenken_scope_get_assessment_type (scope)));
  if (start != NULL || end != NULL)
    {
      g_autofree char *period = g_strdup_printf ("%s .. %s", start ? start : "", end ? end : "");

      print_field (_("Period:"), period);
    }
  if (tenken_scope_get_assessor (scope) != NULL)
    print_field (_("Assessor:"), tenken_scope_get_assessor (scope));
  if (tenken_scope_get_notes (scope) != NULL)
    print_field (_("Notes:"), tenken_scope_get_notes (scope));
}

static void
print_progress (TenkenDocument *document)
{
  g_autoptr(TenkenScope) scope = tenken_document_dup_scope (document);
  guint counts[TENKEN_N_STATUSES] = { 0, };
  guint total;
  guint width = 0;

  total = tenken_document_count_statuses (document, NULL, tenken_scope_get_roles (scope), counts);

  tenken_cli_print ("\n");
  tenken_cli_print (g_dngettext (GETTEXT_PACKAGE,
                                 "Progress: %u of %u item implemented",
                                 "Progress: %u of %u items implemented",
                                 total),
                    counts[TENKEN_STATUS_IMPLEMENTED], total);
  tenken_cli_print ("\n");

  for (guint s = 0; s < TENKEN_N_STATUSES; s++)
    width = MAX (width, tenken_cli_width (tenken_status_get_display_name ((TenkenStatus) s)));

  for (guint s = 0; s < TENKEN_N_STATUSES; s++)
    {
      g_autofree char *name = tenken_cli_pad (tenken_status_get_display_name ((TenkenStatus) s), width);

      tenken_cli_print ("  %s %5u\n", name, counts[s]);
    }
}

static void
print_items (TenkenDocument *document)
{
  g_autoptr(TenkenScope) scope = tenken_document_dup_scope (document);
  g_autofree char *today = tenken_date_today ();
  TenkenRoles roles = tenken_scope_get_roles (scope);
  GListModel *responses = tenken_document_get_responses (document);
  guint n = g_list_model_get_n_items (responses);
  guint label_width = 0;
  guint status_width = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, i);
      TenkenCatalogNode *node = TENKEN_CATALOG_NODE (tenken_response_get_item (response));

      label_width = MAX (label_width, tenken_cli_width (tenken_catalog_node_get_label (node)));
    }

  for (guint s = 0; s < TENKEN_N_STATUSES; s++)
    status_width = MAX (status_width, tenken_cli_width (tenken_status_to_string ((TenkenStatus) s)));

  tenken_cli_print ("\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, i);
      TenkenCatalogNode *node = TENKEN_CATALOG_NODE (tenken_response_get_item (response));
      g_autofree char *label = tenken_cli_pad (tenken_catalog_node_get_label (node), label_width);
      g_autofree char *status = tenken_cli_pad (tenken_status_to_string (tenken_response_get_status (response)),
                                                status_width);
      g_autofree char *title = tenken_cli_one_line (tenken_catalog_node_get_title (node));
      guint n_evidence = tenken_response_get_evidence_count (response);

      /* The status nick, not its translation: it is what `set --status` takes */
      tenken_cli_print ("%s  %s  %s", label, status, title);
      if (!tenken_catalog_item_applies_to (tenken_response_get_item (response), roles))
        tenken_cli_print ("  [%s]", _("not in scope"));
      if (tenken_response_get_flagged (response))
        tenken_cli_print ("  [%s]", _("flagged"));
      if (tenken_response_is_overdue (response, today))
        tenken_cli_print ("  [%s]", _("overdue"));
      if (n_evidence > 0)
        {
          tenken_cli_print ("  [");
          tenken_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u evidence", "%u evidence", n_evidence), n_evidence);
          tenken_cli_print ("]");
        }
      tenken_cli_print ("\n");
    }
}

int
tenken_cli_show (const TenkenCliCommand *command,
                 int                     argc,
                 char                  **argv)
{
  g_autoptr(TenkenDocument) document = NULL;
  gboolean json = FALSE;
  int ret;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if ((ret = tenken_cli_parse (command, entries, &argc, &argv, 1)) != TENKEN_CLI_CONTINUE)
    return ret;

  if (!(document = tenken_cli_open_document (argv[1], TENKEN_DOCUMENT_OPEN_READ_ONLY)))
    return TENKEN_CLI_EXIT_FAILURE;

  if (json)
    {
      g_autoptr(JsonNode) node = tenken_cli_json_document (document);

      tenken_cli_json_print (node);
      return TENKEN_CLI_EXIT_OK;
    }

  print_scope (document);
  print_progress (document);
  print_items (document);

  return TENKEN_CLI_EXIT_OK;
}

static char *
format_value (const char *value)
{
  if (value == NULL)
    return g_strdup ("∅");

  return tenken_cli_one_line (value);
}

int
tenken_cli_history (const TenkenCliCommand *command,
                    int                     argc,
                    char                  **argv)
{
  g_autoptr(TenkenDocument) document = NULL;
  g_autoptr(GListModel) history = NULL;
  TenkenCatalog *catalog;
  gboolean json = FALSE;
  int ret;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if ((ret = tenken_cli_parse (command, entries, &argc, &argv, 1)) != TENKEN_CLI_CONTINUE)
    return ret;

  if (!(document = tenken_cli_open_document (argv[1], TENKEN_DOCUMENT_OPEN_READ_ONLY)))
    return TENKEN_CLI_EXIT_FAILURE;

  if (json)
    {
      g_autoptr(JsonNode) node = tenken_cli_json_history (document);

      tenken_cli_json_print (node);
      return TENKEN_CLI_EXIT_OK;
    }

  catalog = tenken_document_get_catalog (document);
  history = tenken_document_list_history (document, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(TenkenHistoryEntry) entry = g_list_model_get_item (history, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (tenken_history_entry_get_timestamp (entry));
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
      g_autofree char *author = tenken_cli_one_line (tenken_history_entry_get_author (entry));
      const char *label = tenken_cli_label_for_item_id (catalog, tenken_history_entry_get_item_id (entry));
      g_autofree char *old_value = format_value (tenken_history_entry_get_old_value (entry));
      g_autofree char *new_value = format_value (tenken_history_entry_get_new_value (entry));

      tenken_cli_print ("%s  %s  %s  %s  %s → %s\n",
                        when, author, label != NULL ? label : "-",
                        tenken_history_entry_get_field (entry),
                        old_value, new_value);
    }

  return TENKEN_CLI_EXIT_OK;
}
