/* tenken-cli-catalog.c: catalogs, catalog, import-catalog
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "tenken-cli-common.h"
#include "tenken-cli-json.h"

int
tenken_cli_catalogs (const TenkenCliCommand *command,
                     int                     argc,
                     char                  **argv)
{
  g_autoptr(TenkenCatalogRegistry) registry = NULL;
  GListModel *catalogs;
  GPtrArray *errors;
  int ret;

  if ((ret = tenken_cli_parse (command, NULL, &argc, &argv, 0)) != TENKEN_CLI_CONTINUE)
    return ret;

  if (!(registry = tenken_cli_load_registry ()))
    return TENKEN_CLI_EXIT_FAILURE;

  /* Catalogs that could not be loaded: a warning each, the rest still listed */
  errors = tenken_catalog_registry_get_errors (registry);
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      const GError *skipped = g_ptr_array_index (errors, i);
      g_autofree char *line = tenken_cli_one_line (skipped->message);

      fflush (stdout);
      fprintf (stderr, "tenken-cli: %s: %s\n", _("warning"), line);
    }

  catalogs = tenken_catalog_registry_get_catalogs (registry);
  for (guint i = 0; i < g_list_model_get_n_items (catalogs); i++)
    {
      g_autoptr(TenkenCatalog) catalog = g_list_model_get_item (catalogs, i);
      g_autofree char *id = tenken_cli_one_line (tenken_catalog_get_id (catalog));
      g_autofree char *version = tenken_cli_one_line (tenken_catalog_get_version (catalog));
      g_autofree char *title = tenken_cli_one_line (tenken_catalog_get_title (catalog));
      guint n_items = g_list_model_get_n_items (tenken_catalog_get_items (catalog));

      tenken_cli_print ("%s\t%s\t%u\t%s\n", id, version, n_items, title);
    }

  return TENKEN_CLI_EXIT_OK;
}

static void
print_node (TenkenCatalogNode *node)
{
  GListModel *children = tenken_catalog_node_get_children (node);
  guint depth = tenken_catalog_node_get_depth (node);
  g_autofree char *indent = g_strnfill (depth * 2, ' ');
  g_autofree char *label = tenken_cli_one_line (tenken_catalog_node_get_label (node));
  g_autofree char *title = tenken_cli_one_line (tenken_catalog_node_get_title (node));

  if (TENKEN_IS_CATALOG_ITEM (node))
    {
      TenkenRoles roles = tenken_catalog_item_get_roles (TENKEN_CATALOG_ITEM (node));

      /* Roles only when the item names some: all roles is the common case */
      if (roles != TENKEN_ROLES_ALL)
        {
          g_autofree char *names = tenken_roles_to_string (roles);

          tenken_cli_print ("%s%s  %s  [%s]\n", indent, label, title, names);
        }
      else
        tenken_cli_print ("%s%s  %s\n", indent, label, title);
    }
  else
    tenken_cli_print ("%s%s  %s\n", indent, label, title);

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(TenkenCatalogNode) child = g_list_model_get_item (children, i);

      print_node (child);
    }
}

int
tenken_cli_catalog (const TenkenCliCommand *command,
                    int                     argc,
                    char                  **argv)
{
  g_autoptr(TenkenCatalogRegistry) registry = NULL;
  TenkenCatalog *catalog;
  gboolean json = FALSE;
  const char *id;
  GListModel *groups;
  int ret;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if ((ret = tenken_cli_parse (command, entries, &argc, &argv, 1)) != TENKEN_CLI_CONTINUE)
    return ret;

  id = argv[1];

  if (!(registry = tenken_cli_load_registry ()))
    return TENKEN_CLI_EXIT_FAILURE;

  catalog = tenken_catalog_registry_lookup (registry, id);
  if (catalog == NULL)
    {
      g_autofree char *safe = g_utf8_make_valid (id, -1);
      g_autofree char *what = g_strdup_printf (_("Catalog “%s”"), safe);

      return tenken_cli_fail (what, _("No installed catalog has this id"),
                              _("Run “tenken-cli catalogs” to list them, or install one with “tenken-cli import-catalog”"));
    }

  if (json)
    {
      g_autoptr(JsonNode) node = tenken_cli_json_catalog (catalog);

      tenken_cli_json_print (node);
      return TENKEN_CLI_EXIT_OK;
    }

  {
    g_autofree char *title = tenken_cli_one_line (tenken_catalog_get_title (catalog));
    const char *version = tenken_catalog_get_version (catalog);

    tenken_cli_print ("%s\n", title);
    if (version != NULL)
      tenken_cli_print (_("Version %s, %u items"), version,
                        g_list_model_get_n_items (tenken_catalog_get_items (catalog)));
    else
      tenken_cli_print (_("%u items"), g_list_model_get_n_items (tenken_catalog_get_items (catalog)));
    tenken_cli_print ("\n\n");
  }

  groups = tenken_catalog_get_groups (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(TenkenCatalogNode) group = g_list_model_get_item (groups, i);

      print_node (group);
    }

  return TENKEN_CLI_EXIT_OK;
}

int
tenken_cli_import_catalog (const TenkenCliCommand *command,
                           int                     argc,
                           char                  **argv)
{
  g_autoptr(TenkenCatalogRegistry) registry = NULL;
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *title = NULL;
  int ret;

  if ((ret = tenken_cli_parse (command, NULL, &argc, &argv, 1)) != TENKEN_CLI_CONTINUE)
    return ret;

  file = g_file_new_for_commandline_arg (argv[1]);
  display = tenken_cli_display_path (argv[1]);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return tenken_cli_fail (display, _("No such file"), _("Check the path of the catalog"));

  if (!(registry = tenken_cli_load_registry ()))
    return TENKEN_CLI_EXIT_FAILURE;

  catalog = tenken_catalog_registry_import (registry, file, NULL, &error);
  if (catalog == NULL)
    return tenken_cli_fail_error (display, error, NULL);

  title = tenken_cli_one_line (tenken_catalog_get_title (catalog));
  tenken_cli_print (_("Installed catalog %s (%u items): %s"),
                    tenken_catalog_get_id (catalog),
                    g_list_model_get_n_items (tenken_catalog_get_items (catalog)),
                    title);
  tenken_cli_print ("\n");

  return TENKEN_CLI_EXIT_OK;
}
