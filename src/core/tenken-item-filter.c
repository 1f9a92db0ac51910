/* tenken-item-filter.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-item-filter"

#include "config.h"

#include <string.h>

#include "tenken-item-filter.h"

/* Folded search text is cached on the objects, so typing a letter does not
 * re-normalise 370 long requirement texts. The catalog part never changes;
 * the response part is refolded only when its statement or owner did. */
static GQuark item_text_quark;
static GQuark response_text_quark;

typedef struct
{
  char *statement;
  char *owner;
  char *folded;
} ResponseText;

static void
response_text_free (gpointer data)
{
  ResponseText *rt = data;

  g_free (rt->statement);
  g_free (rt->owner);
  g_free (rt->folded);
  g_free (rt);
}

char *
tenken_item_fold_text (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return g_strdup ("");

  /* Invalid UTF-8 cannot be normalised; never match on it rather than crash */
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normalized == NULL)
    return g_strdup ("");

  return g_utf8_casefold (normalized, -1);
}

void
tenken_item_query_init (TenkenItemQuery *query)
{
  g_return_if_fail (query != NULL);

  memset (query, 0, sizeof *query);
  query->today = tenken_date_today ();
}

void
tenken_item_query_clear (TenkenItemQuery *query)
{
  g_return_if_fail (query != NULL);

  g_clear_pointer (&query->words, g_strfreev);
  g_clear_pointer (&query->today, g_free);
  memset (query, 0, sizeof *query);
}

gboolean
tenken_item_query_set_text (TenkenItemQuery *query,
                            const char      *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (query != NULL, FALSE);

  folded = tenken_item_fold_text (text);
  g_strdelimit (folded, "\t\n\r", ' ');
  /* Ideographic space (U+3000) became an ASCII space through NFKC */
  words = g_strsplit (folded, " ", -1);

  builder = g_strv_builder_new ();
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_strv_builder_add (builder, words[i]);

  g_strfreev (words);
  words = g_strv_builder_end (builder);

  if (words[0] == NULL)
    g_clear_pointer (&words, g_strfreev);

  if ((words == NULL && query->words == NULL) ||
      (words != NULL && query->words != NULL &&
       g_strv_equal ((const char * const *) words, (const char * const *) query->words)))
    return FALSE;

  g_strfreev (query->words);
  query->words = g_steal_pointer (&words);

  return TRUE;
}

static const char *
get_item_text (TenkenCatalogItem *item)
{
  const char *text;

  if (G_UNLIKELY (item_text_quark == 0))
    item_text_quark = g_quark_from_static_string ("tenken-item-filter-text");

  text = g_object_get_qdata (G_OBJECT (item), item_text_quark);
  if (text == NULL)
    {
      TenkenCatalogNode *node = TENKEN_CATALOG_NODE (item);
      g_autofree char *joined = NULL;
      char *folded;

      /* A newline between fields, so that no word matches across two of them */
      joined = g_strjoin ("\n",
                          tenken_catalog_node_get_label (node) ?: "",
                          tenken_catalog_node_get_title (node) ?: "",
                          tenken_catalog_item_get_statement_text (item) ?: "",
                          NULL);
      folded = tenken_item_fold_text (joined);
      g_object_set_qdata_full (G_OBJECT (item), item_text_quark, folded, g_free);
      text = folded;
    }

  return text;
}

static const char *
get_response_text (TenkenResponse *response)
{
  const char *statement = tenken_response_get_statement (response);
  const char *owner = tenken_response_get_owner (response);
  ResponseText *rt;

  if (G_UNLIKELY (response_text_quark == 0))
    response_text_quark = g_quark_from_static_string ("tenken-item-filter-response-text");

  rt = g_object_get_qdata (G_OBJECT (response), response_text_quark);
  if (rt != NULL &&
      g_strcmp0 (rt->statement, statement) == 0 &&
      g_strcmp0 (rt->owner, owner) == 0)
    return rt->folded;

  rt = g_new0 (ResponseText, 1);
  rt->statement = g_strdup (statement);
  rt->owner = g_strdup (owner);
  {
    g_autofree char *joined = g_strjoin ("\n", statement ?: "", owner ?: "", NULL);
    rt->folded = tenken_item_fold_text (joined);
  }
  g_object_set_qdata_full (G_OBJECT (response), response_text_quark, rt, response_text_free);

  return rt->folded;
}

void
tenken_item_prepare_search (TenkenResponse *response)
{
  g_return_if_fail (TENKEN_IS_RESPONSE (response));

  get_item_text (tenken_response_get_item (response));
  get_response_text (response);
}

static gboolean
is_within (TenkenCatalogNode *node,
           TenkenCatalogNode *ancestor)
{
  for (; node != NULL; node = tenken_catalog_node_get_parent (node))
    if (node == ancestor)
      return TRUE;

  return FALSE;
}

gboolean
tenken_item_matches (TenkenResponse        *response,
                     const TenkenItemQuery *query)
{
  TenkenCatalogItem *item;
  TenkenStatus status;

  g_return_val_if_fail (TENKEN_IS_RESPONSE (response), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  item = tenken_response_get_item (response);
  status = tenken_response_get_status (response);

  /* Cheapest checks first: the text search runs last */
  if (query->statuses != 0 && (query->statuses & (1u << status)) == 0)
    return FALSE;

  if (query->hide_not_applicable && status == TENKEN_STATUS_NOT_APPLICABLE)
    return FALSE;

  if (query->flagged_only && !tenken_response_get_flagged (response))
    return FALSE;

  if (query->without_evidence_only && tenken_response_get_evidence_count (response) > 0)
    return FALSE;

  if (query->roles != 0 && !tenken_catalog_item_applies_to (item, query->roles))
    return FALSE;

  if (query->within != NULL && !is_within (TENKEN_CATALOG_NODE (item), query->within))
    return FALSE;

  if (query->overdue_only && !tenken_response_is_overdue (response, query->today))
    return FALSE;

  if (query->attention_only &&
      status != TENKEN_STATUS_NOT_STARTED &&
      status != TENKEN_STATUS_PARTIAL &&
      status != TENKEN_STATUS_NOT_IMPLEMENTED &&
      !tenken_response_get_flagged (response) &&
      !tenken_response_is_overdue (response, query->today))
    return FALSE;

  if (query->words != NULL)
    {
      const char *item_text = get_item_text (item);
      const char *response_text = get_response_text (response);

      for (guint i = 0; query->words[i] != NULL; i++)
        if (strstr (item_text, query->words[i]) == NULL &&
            strstr (response_text, query->words[i]) == NULL)
          return FALSE;
    }

  return TRUE;
}
