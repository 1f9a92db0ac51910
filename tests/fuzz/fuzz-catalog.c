/* fuzz-catalog.c: the OSCAL catalog loader on arbitrary bytes
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-fuzz"

#include "config.h"

#include <pango/pango.h>

#include "tenken-catalog.h"
#include "tenken-catalog-item.h"
#include "tenken-catalog-node.h"
#include "tenken-catalog-part.h"
#include "tenken-fuzz.h"

/* Every rendering of every part, recursively; the Pango markup must parse,
 * since the UI hands it to a GtkLabel */
static void
render_parts (GListModel *parts)
{
  guint n = g_list_model_get_n_items (parts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenCatalogPart) part = g_list_model_get_item (parts, i);
      g_autofree char *text = tenken_catalog_part_to_plain_text (part);
      g_autofree char *markup = tenken_catalog_part_to_pango_markup (part);
      g_autofree char *html = tenken_catalog_part_to_html (part);
      g_autoptr(GError) error = NULL;

      g_assert (g_utf8_validate (text, -1, NULL));
      g_assert (g_utf8_validate (html, -1, NULL));
      if (!pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, &error))
        g_error ("invalid Pango markup (%s): %s", error->message, markup);
      render_parts (tenken_catalog_part_get_parts (part));
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  tenken_fuzz_init ();

  catalog = tenken_catalog_new_from_bytes (bytes, "fuzz.xml", &error);
  /* Exactly one of a catalog and an error, and the error must say something */
  g_assert ((catalog == NULL) != (error == NULL));
  if (error != NULL)
    {
      g_assert (error->message != NULL && error->message[0] != '\0');
      return 0;
    }

  /* Walk what the loader built, as the UI would */
  {
    GListModel *items = tenken_catalog_get_items (catalog);
    guint n = g_list_model_get_n_items (items);

    g_assert (tenken_catalog_get_id (catalog) != NULL);
    (void) tenken_catalog_get_title (catalog);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(TenkenCatalogItem) item = g_list_model_get_item (items, i);
        TenkenCatalogNode *node = TENKEN_CATALOG_NODE (item);
        const char *label = tenken_catalog_node_get_label (node);

        (void) tenken_catalog_node_get_title (node);
        (void) tenken_catalog_item_get_statement_text (item);
        render_parts (tenken_catalog_node_get_parts (node));
        if (label != NULL)
          g_assert (tenken_catalog_lookup_item_by_label (catalog, label) != NULL);
      }
  }

  return 0;
}
