/* tenken-cli-json.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-cli"

#include "config.h"

#include <stdio.h>

#include "tenken-cli-common.h"
#include "tenken-cli-json.h"

/* Absent values are JSON null rather than "", so that scripts can tell them apart */
static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date_time (JsonBuilder *builder,
               const char  *key,
               GDateTime   *value)
{
  g_autofree char *text = NULL;

  if (value != NULL)
    text = g_date_time_format_iso8601 (value);

  add_string (builder, key, text);
}

static void
add_roles (JsonBuilder *builder,
           const char  *key,
           TenkenRoles  roles)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint bit = 0; (1u << bit) & TENKEN_ROLES_ALL; bit++)
    {
      TenkenRoles role = (TenkenRoles) (1u << bit);

      if (roles & role)
        json_builder_add_string_value (builder, tenken_role_to_string (role));
    }
  json_builder_end_array (builder);
}

static void
add_catalog_node (JsonBuilder       *builder,
                  TenkenCatalogNode *node)
{
  GListModel *children = tenken_catalog_node_get_children (node);
  guint n_children = g_list_model_get_n_items (children);
  gboolean is_item = TENKEN_IS_CATALOG_ITEM (node);

  json_builder_begin_object (builder);
  add_string (builder, "kind", is_item ? "item" : "group");
  add_string (builder, "id", tenken_catalog_node_get_id (node));
  add_string (builder, "label", tenken_catalog_node_get_label (node));
  add_string (builder, "title", tenken_catalog_node_get_title (node));
  add_string (builder, "class", tenken_catalog_node_get_class (node));

  if (is_item)
    {
      TenkenCatalogItem *item = TENKEN_CATALOG_ITEM (node);

      add_roles (builder, "roles", tenken_catalog_item_get_roles (item));
      add_string (builder, "statement", tenken_catalog_item_get_statement_text (item));
    }

  json_builder_set_member_name (builder, "children");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_children; i++)
    {
      g_autoptr(TenkenCatalogNode) child = g_list_model_get_item (children, i);

      add_catalog_node (builder, child);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

static void
add_catalog_header (JsonBuilder   *builder,
                    TenkenCatalog *catalog)
{
  add_string (builder, "id", tenken_catalog_get_id (catalog));
  add_string (builder, "uuid", tenken_catalog_get_uuid (catalog));
  add_string (builder, "title", tenken_catalog_get_title (catalog));
  add_string (builder, "version", tenken_catalog_get_version (catalog));
  add_string (builder, "last-modified", tenken_catalog_get_last_modified (catalog));
  add_string (builder, "oscal-version", tenken_catalog_get_oscal_version (catalog));
  add_string (builder, "sha256", tenken_catalog_get_sha256 (catalog));
}

JsonNode *
tenken_cli_json_catalog (TenkenCatalog *catalog)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *groups = tenken_catalog_get_groups (catalog);
  guint n_groups = g_list_model_get_n_items (groups);

  json_builder_begin_object (builder);
  add_catalog_header (builder, catalog);
  json_builder_set_member_name (builder, "items");
  json_builder_add_int_value (builder, g_list_model_get_n_items (tenken_catalog_get_items (catalog)));
  add_roles (builder, "roles", tenken_catalog_get_roles (catalog));

  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_groups; i++)
    {
      g_autoptr(TenkenCatalogNode) group = g_list_model_get_item (groups, i);

      add_catalog_node (builder, group);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
add_evidence (JsonBuilder    *builder,
              TenkenEvidence *evidence)
{
  gboolean is_file = tenken_evidence_get_kind (evidence) == TENKEN_EVIDENCE_FILE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, tenken_evidence_get_id (evidence));
  add_string (builder, "kind", is_file ? "file" : "url");
  add_string (builder, "name", tenken_evidence_get_name (evidence));
  add_string (builder, "media-type", tenken_evidence_get_media_type (evidence));
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, (gint64) tenken_evidence_get_size (evidence));
  add_string (builder, "sha256", is_file ? tenken_evidence_get_sha256 (evidence) : NULL);
  add_string (builder, "url", is_file ? NULL : tenken_evidence_get_url (evidence));
  add_string (builder, "note", tenken_evidence_get_note (evidence));
  add_string (builder, "collected", tenken_evidence_get_collected (evidence));
  add_date_time (builder, "added-at", tenken_evidence_get_added_at (evidence));
  json_builder_end_object (builder);
}

static void
add_response (JsonBuilder    *builder,
              TenkenDocument *document,
              TenkenResponse *response,
              TenkenRoles     roles,
              const char     *today)
{
  TenkenCatalogItem *item = tenken_response_get_item (response);
  TenkenCatalogNode *node = TENKEN_CATALOG_NODE (item);
  TenkenCatalogGroup *category = tenken_catalog_item_get_category (item);
  g_autoptr(GListModel) evidence = NULL;
  guint n_evidence;

  evidence = tenken_document_list_item_evidence (document, tenken_catalog_node_get_id (node));
  n_evidence = evidence != NULL ? g_list_model_get_n_items (evidence) : 0;

  json_builder_begin_object (builder);
  add_string (builder, "id", tenken_catalog_node_get_id (node));
  add_string (builder, "label", tenken_catalog_node_get_label (node));
  add_string (builder, "title", tenken_catalog_node_get_title (node));
  add_string (builder, "category",
              category != NULL ? tenken_catalog_node_get_label (TENKEN_CATALOG_NODE (category)) : NULL);
  add_roles (builder, "roles", tenken_catalog_item_get_roles (item));
  json_builder_set_member_name (builder, "applies");
  json_builder_add_boolean_value (builder, tenken_catalog_item_applies_to (item, roles));
  add_string (builder, "status", tenken_status_to_string (tenken_response_get_status (response)));
  add_string (builder, "statement", tenken_response_get_statement (response));
  add_string (builder, "justification", tenken_response_get_justification (response));
  add_string (builder, "target", tenken_response_get_target_date (response));
  add_string (builder, "owner", tenken_response_get_owner (response));
  add_string (builder, "due", tenken_response_get_due_date (response));
  json_builder_set_member_name (builder, "flagged");
  json_builder_add_boolean_value (builder, tenken_response_get_flagged (response));
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, tenken_response_is_overdue (response, today));
  add_date_time (builder, "updated-at", tenken_response_get_updated_at (response));
  add_string (builder, "updated-by", tenken_response_get_updated_by (response));

  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_evidence; i++)
    {
      g_autoptr(TenkenEvidence) e = g_list_model_get_item (evidence, i);

      add_evidence (builder, e);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_scope (JsonBuilder *builder,
           TenkenScope *scope)
{
  json_builder_set_member_name (builder, "scope");
  json_builder_begin_object (builder);
  add_string (builder, "organisation", tenken_scope_get_organisation (scope));
  add_string (builder, "service", tenken_scope_get_service (scope));
  add_roles (builder, "roles", tenken_scope_get_roles (scope));
  add_string (builder, "tier", tenken_tier_to_string (tenken_scope_get_tier (scope)));
  add_string (builder, "assessment-type",
              tenken_assessment_type_to_string (tenken_scope_get_assessment_type (scope)));
  add_string (builder, "period-start", tenken_scope_get_period_start (scope));
  add_string (builder, "period-end", tenken_scope_get_period_end (scope));
  add_string (builder, "assessor", tenken_scope_get_assessor (scope));
  add_string (builder, "notes", tenken_scope_get_notes (scope));
  json_builder_end_object (builder);
}

JsonNode *
tenken_cli_json_document (TenkenDocument *document)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(TenkenScope) scope = tenken_document_dup_scope (document);
  g_autofree char *path = g_file_get_parse_name (tenken_document_get_file (document));
  g_autofree char *today = tenken_date_today ();
  TenkenCatalog *catalog = tenken_document_get_catalog (document);
  GListModel *responses = tenken_document_get_responses (document);
  TenkenRoles roles = tenken_scope_get_roles (scope);
  guint counts[TENKEN_N_STATUSES] = { 0, };
  guint total;

  total = tenken_document_count_statuses (document, NULL, roles, counts);

  json_builder_begin_object (builder);
  add_string (builder, "file", path);
  add_date_time (builder, "created-at", tenken_document_get_created_at (document));

  json_builder_set_member_name (builder, "catalog");
  json_builder_begin_object (builder);
  add_catalog_header (builder, catalog);
  json_builder_end_object (builder);

  add_scope (builder, scope);

  /* Over the items that apply to the scope's roles, like the app shows it */
  json_builder_set_member_name (builder, "progress");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, total);
  for (guint s = 0; s < TENKEN_N_STATUSES; s++)
    {
      json_builder_set_member_name (builder, tenken_status_to_string ((TenkenStatus) s));
      json_builder_add_int_value (builder, counts[s]);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (responses); i++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, i);

      add_response (builder, document, response, roles, today);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
tenken_cli_json_history (TenkenDocument *document)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GListModel) history = tenken_document_list_history (document, NULL);
  TenkenCatalog *catalog = tenken_document_get_catalog (document);
  guint n = history != NULL ? g_list_model_get_n_items (history) : 0;

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenHistoryEntry) entry = g_list_model_get_item (history, i);
      const char *item_id = tenken_history_entry_get_item_id (entry);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, tenken_history_entry_get_id (entry));
      add_date_time (builder, "timestamp", tenken_history_entry_get_timestamp (entry));
      add_string (builder, "author", tenken_history_entry_get_author (entry));
      add_string (builder, "item-id", item_id);
      add_string (builder, "label", tenken_cli_label_for_item_id (catalog, item_id));
      add_string (builder, "field", tenken_history_entry_get_field (entry));
      add_string (builder, "old", tenken_history_entry_get_old_value (entry));
      add_string (builder, "new", tenken_history_entry_get_new_value (entry));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

void
tenken_cli_json_print (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  gsize length = 0;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  data = json_generator_to_data (generator, &length);

  fwrite (data, 1, length, stdout);
  fputc ('\n', stdout);
}
