/* tenken-catalog-prose.c: OSCAL prose as plain text, Pango markup or HTML
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-catalog"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tenken-catalog-private.h"
#include "tenken-catalog-prose-private.h"

/* Params may be chosen from lists that insert other params; a catalog that
 * loops must not recurse for ever. */
#define MAX_INSERT_DEPTH 4

typedef struct
{
  TenkenCatalogData *data;
  TenkenProseFormat  format;
  GString           *out;
  /* Whitespace seen but not yet written: runs collapse to one space, and
   * none is written at the start or end of a paragraph */
  gboolean           space_pending;
  gboolean           paragraph_empty;
  /* Label of a nested part, written before its first paragraph */
  const char        *marker;
  guint              insert_depth;
} Prose;

static void render_inline_children (Prose         *prose,
                                    const xmlNode *node);

static void
append_escaped (Prose      *prose,
                const char *text,
                gssize      len)
{
  if (len < 0)
    len = (gssize) strlen (text);

  if (prose->format == TENKEN_PROSE_PLAIN)
    {
      g_string_append_len (prose->out, text, len);
      return;
    }

  for (gssize i = 0; i < len; i++)
    {
      switch (text[i])
        {
        case '&':  g_string_append (prose->out, "&amp;"); break;
        case '<':  g_string_append (prose->out, "&lt;"); break;
        case '>':  g_string_append (prose->out, "&gt;"); break;
        case '"':  g_string_append (prose->out, "&quot;"); break;
        case '\'': g_string_append (prose->out, "&#39;"); break;
        default:   g_string_append_c (prose->out, text[i]); break;
        }
    }
}

static void
flush_space (Prose *prose)
{
  if (prose->space_pending && !prose->paragraph_empty)
    g_string_append_c (prose->out, ' ');
  prose->space_pending = FALSE;
}

/* Tags are only written in the markup forms */
static void
append_tag (Prose      *prose,
            const char *pango,
            const char *html)
{
  const char *tag = prose->format == TENKEN_PROSE_PANGO ? pango :
                    prose->format == TENKEN_PROSE_HTML ? html : NULL;

  if (tag != NULL)
    g_string_append (prose->out, tag);
}

static void
append_text (Prose      *prose,
             const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      if (g_ascii_isspace (*p))
        {
          prose->space_pending = TRUE;
          p++;
          continue;
        }

      start = p;
      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;

      flush_space (prose);
      append_escaped (prose, start, p - start);
      prose->paragraph_empty = FALSE;
    }
}

static gboolean
is_web_link (const char *href)
{
  return href != NULL &&
         (g_ascii_strncasecmp (href, "https://", 8) == 0 ||
          g_ascii_strncasecmp (href, "http://", 7) == 0);
}

static char *
render_line_depth (TenkenCatalogData *data,
                   const xmlNode     *node,
                   guint              insert_depth)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Prose prose = { data, TENKEN_PROSE_PLAIN, out, FALSE, TRUE, NULL, insert_depth };

  render_inline_children (&prose, node);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
param_placeholder (TenkenCatalogData *data,
                   const char        *param_id,
                   guint              insert_depth)
{
  const xmlNode *param = g_hash_table_lookup (data->params, param_id);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  const xmlNode *select = NULL;
  const xmlNode *label = NULL;

  if (param == NULL || insert_depth >= MAX_INSERT_DEPTH)
    /* Translators: a blank the organisation fills in; %s names it */
    return g_strdup_printf (_("[Assignment: %s]"), param_id);

  for (const xmlNode *child = param->children; child != NULL; child = child->next)
    {
      if (tenken_xml_is_oscal (child, "value"))
        g_ptr_array_add (values, render_line_depth (data, child, insert_depth + 1));
      else if (tenken_xml_is_oscal (child, "select") && select == NULL)
        select = child;
      else if (tenken_xml_is_oscal (child, "label") && label == NULL)
        label = child;
    }

  /* A value set by a profile is the requirement itself */
  if (values->len > 0)
    {
      g_ptr_array_add (values, NULL);
      /* Translators: separates the values of a parameter */
      return g_strjoinv (_(", "), (char **) values->pdata);
    }

  if (select != NULL)
    {
      g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;

      for (const xmlNode *child = select->children; child != NULL; child = child->next)
        if (tenken_xml_is_oscal (child, "choice"))
          g_ptr_array_add (choices, render_line_depth (data, child, insert_depth + 1));
      g_ptr_array_add (choices, NULL);

      /* Translators: separates the choices of a selection */
      joined = g_strjoinv (_("; "), (char **) choices->pdata);

      if (g_strcmp0 (tenken_xml_get_attr (select, "how-many"), "one-or-more") == 0)
        /* Translators: %s are the choices, separated by "; " */
        return g_strdup_printf (_("[Selection (one or more): %s]"), joined);
      else
        /* Translators: %s are the choices, separated by "; " */
        return g_strdup_printf (_("[Selection: %s]"), joined);
    }

  if (label != NULL)
    {
      g_autofree char *text = render_line_depth (data, label, insert_depth + 1);

      return g_strdup_printf (_("[Assignment: %s]"), text);
    }

  return g_strdup_printf (_("[Assignment: %s]"), param_id);
}

static void
render_inline_element (Prose         *prose,
                       const xmlNode *node)
{
  const char *name = (const char *) node->name;

  if (node->ns == NULL || !tenken_xml_is_oscal (node, NULL))
    {
      render_inline_children (prose, node);
      return;
    }

  if (g_str_equal (name, "em") || g_str_equal (name, "i"))
    {
      flush_space (prose);
      append_tag (prose, "<i>", "<em>");
      render_inline_children (prose, node);
      append_tag (prose, "</i>", "</em>");
    }
  else if (g_str_equal (name, "strong") || g_str_equal (name, "b"))
    {
      flush_space (prose);
      append_tag (prose, "<b>", "<strong>");
      render_inline_children (prose, node);
      append_tag (prose, "</b>", "</strong>");
    }
  else if (g_str_equal (name, "code"))
    {
      flush_space (prose);
      append_tag (prose, "<tt>", NULL);
      render_inline_children (prose, node);
      append_tag (prose, "</tt>", NULL);
    }
  else if (g_str_equal (name, "sub") || g_str_equal (name, "sup"))
    {
      gboolean sub = g_str_equal (name, "sub");

      flush_space (prose);
      append_tag (prose, sub ? "<sub>" : "<sup>", NULL);
      render_inline_children (prose, node);
      append_tag (prose, sub ? "</sub>" : "</sup>", NULL);
    }
  else if (g_str_equal (name, "q"))
    {
      append_text (prose, "“");
      render_inline_children (prose, node);
      append_escaped (prose, "”", -1);
    }
  else if (g_str_equal (name, "a"))
    {
      const char *href = tenken_xml_get_attr (node, "href");
      gboolean web = is_web_link (href);
      gsize before;

      flush_space (prose);
      if (web && prose->format == TENKEN_PROSE_HTML)
        {
          g_string_append (prose->out, "<a href=\"");
          append_escaped (prose, href, -1);
          g_string_append (prose->out, "\">");
        }
      append_tag (prose, "<u>", NULL);
      before = prose->out->len;
      render_inline_children (prose, node);
      if (prose->out->len == before && web)
        append_text (prose, href);
      append_tag (prose, "</u>", web ? "</a>" : NULL);
    }
  else if (g_str_equal (name, "insert"))
    {
      const char *id_ref = tenken_xml_get_attr (node, "id-ref");
      g_autofree char *text = NULL;

      if (g_strcmp0 (tenken_xml_get_attr (node, "type"), "param") != 0 || id_ref == NULL)
        return;

      text = param_placeholder (prose->data, id_ref, prose->insert_depth);
      flush_space (prose);
      append_tag (prose, "<i>", "<em>");
      append_escaped (prose, text, -1);
      append_tag (prose, "</i>", "</em>");
      prose->paragraph_empty = FALSE;
    }
  else if (g_str_equal (name, "img"))
    {
      const char *alt = tenken_xml_get_attr (node, "alt");

      if (alt != NULL)
        append_text (prose, alt);
    }
  else
    {
      render_inline_children (prose, node);
    }
}

static void
render_inline_children (Prose         *prose,
                        const xmlNode *node)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE)
        append_text (prose, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        render_inline_element (prose, child);
    }
}

/* Paragraphs: one line each in text and Pango markup, <p> in HTML */
static void
begin_paragraph (Prose      *prose,
                 guint       indent,
                 const char *html_tag)
{
  if (prose->format == TENKEN_PROSE_HTML)
    {
      g_string_append (prose->out, html_tag);
    }
  else
    {
      if (prose->out->len > 0)
        g_string_append_c (prose->out, '\n');
      for (guint i = 0; i < indent; i++)
        g_string_append (prose->out, "    ");
    }

  prose->space_pending = FALSE;
  prose->paragraph_empty = TRUE;

  if (prose->marker != NULL)
    {
      append_escaped (prose, prose->marker, -1);
      prose->marker = NULL;
      prose->paragraph_empty = FALSE;
      prose->space_pending = TRUE;
    }
}

static void
end_paragraph (Prose      *prose,
               const char *html_tag)
{
  prose->space_pending = FALSE;
  if (prose->format == TENKEN_PROSE_HTML)
    g_string_append (prose->out, html_tag);
}

static gboolean
is_block_name (const char *name)
{
  static const char * const blocks[] = {
    "p", "ul", "ol", "table", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "li",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (g_str_equal (name, blocks[i]))
      return TRUE;

  return FALSE;
}

/* Parts' structure, not prose */
static gboolean
is_structure_name (const char *name)
{
  return g_str_equal (name, "title") || g_str_equal (name, "prop") ||
         g_str_equal (name, "link") || g_str_equal (name, "part") ||
         g_str_equal (name, "param") || g_str_equal (name, "control") ||
         g_str_equal (name, "group");
}

static void render_blocks (Prose         *prose,
                           const xmlNode *node,
                           guint          indent);

static void
render_list (Prose         *prose,
             const xmlNode *list,
             guint          indent)
{
  gboolean ordered = g_str_equal ((const char *) list->name, "ol");
  guint n = 0;

  /* A part's label goes on a line of its own above the list */
  if (prose->marker != NULL)
    {
      begin_paragraph (prose, indent, "<p>");
      end_paragraph (prose, "</p>");
    }

  if (prose->format == TENKEN_PROSE_HTML)
    g_string_append (prose->out, ordered ? "<ol>" : "<ul>");

  for (const xmlNode *li = list->children; li != NULL; li = li->next)
    {
      g_autofree char *number = NULL;

      if (!tenken_xml_is_oscal (li, "li"))
        continue;

      n++;
      if (prose->format != TENKEN_PROSE_HTML)
        prose->marker = ordered ? (number = g_strdup_printf ("%u.", n)) : "•";

      begin_paragraph (prose, indent, "<li>");
      for (const xmlNode *child = li->children; child != NULL; child = child->next)
        {
          if (child->type == XML_TEXT_NODE)
            append_text (prose, (const char *) child->content);
          else if (tenken_xml_is_oscal (child, "ul") || tenken_xml_is_oscal (child, "ol"))
            render_list (prose, child, indent + 1);
          else if (child->type == XML_ELEMENT_NODE)
            render_inline_element (prose, child);
        }
      end_paragraph (prose, "</li>");
      prose->marker = NULL;
    }

  if (prose->format == TENKEN_PROSE_HTML)
    g_string_append (prose->out, ordered ? "</ol>" : "</ul>");
}

static void
render_table (Prose         *prose,
              const xmlNode *table,
              guint          indent)
{
  for (const xmlNode *tr = table->children; tr != NULL; tr = tr->next)
    {
      gboolean first = TRUE;

      if (!tenken_xml_is_oscal (tr, "tr"))
        continue;

      begin_paragraph (prose, indent, "<p>");
      for (const xmlNode *cell = tr->children; cell != NULL; cell = cell->next)
        {
          if (!tenken_xml_is_oscal (cell, "td") && !tenken_xml_is_oscal (cell, "th"))
            continue;
          if (!first)
            {
              prose->space_pending = TRUE;
              append_text (prose, "|");
              prose->space_pending = TRUE;
            }
          first = FALSE;
          render_inline_children (prose, cell);
        }
      end_paragraph (prose, "</p>");
    }
}

static void
render_block (Prose         *prose,
              const xmlNode *node,
              guint          indent)
{
  const char *name = (const char *) node->name;

  if (g_str_equal (name, "ul") || g_str_equal (name, "ol"))
    {
      render_list (prose, node, indent);
    }
  else if (g_str_equal (name, "table"))
    {
      render_table (prose, node, indent);
    }
  else if (g_str_equal (name, "blockquote"))
    {
      render_blocks (prose, node, indent + 1);
    }
  else if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6')
    {
      begin_paragraph (prose, indent, "<p><strong>");
      append_tag (prose, "<b>", NULL);
      render_inline_children (prose, node);
      append_tag (prose, "</b>", NULL);
      end_paragraph (prose, "</strong></p>");
    }
  else
    {
      begin_paragraph (prose, indent, "<p>");
      render_inline_children (prose, node);
      end_paragraph (prose, "</p>");
    }
}

static void
render_blocks (Prose         *prose,
               const xmlNode *node,
               guint          indent)
{
  gboolean in_loose_paragraph = FALSE;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      gboolean is_block = tenken_xml_is_oscal (child, NULL) &&
                          is_block_name ((const char *) child->name);
      gboolean is_structure = tenken_xml_is_oscal (child, NULL) &&
                              is_structure_name ((const char *) child->name);

      if (is_structure || (child->type != XML_ELEMENT_NODE && child->type != XML_TEXT_NODE))
        continue;

      if (is_block)
        {
          if (in_loose_paragraph)
            end_paragraph (prose, "</p>");
          in_loose_paragraph = FALSE;
          render_block (prose, child, indent);
          continue;
        }

      /* Inline content directly in a block context: one paragraph for the run */
      if (!in_loose_paragraph)
        {
          gboolean blank = child->type == XML_TEXT_NODE;

          for (const char *p = (const char *) child->content; blank && *p; p++)
            blank = g_ascii_isspace (*p);
          if (blank)
            continue;

          begin_paragraph (prose, indent, "<p>");
          in_loose_paragraph = TRUE;
        }

      if (child->type == XML_TEXT_NODE)
        append_text (prose, (const char *) child->content);
      else
        render_inline_element (prose, child);
    }

  if (in_loose_paragraph)
    end_paragraph (prose, "</p>");
}

static void
render_part (Prose         *prose,
             const xmlNode *part,
             guint          indent,
             gboolean       top_level)
{
  const char *label = tenken_xml_find_prop (part, NULL, "label", TRUE);
  const xmlNode *title = NULL;
  gsize before;
  gboolean has_children = FALSE;

  for (const xmlNode *child = part->children; child != NULL; child = child->next)
    {
      if (tenken_xml_is_oscal (child, "title") && title == NULL)
        title = child;
      else if (tenken_xml_is_oscal (child, "part"))
        has_children = TRUE;
    }

  if (!top_level && prose->format == TENKEN_PROSE_HTML)
    g_string_append (prose->out, "<li>");

  prose->marker = top_level ? NULL : label;

  /* The top-level part's title is the caller's to show */
  if (!top_level && title != NULL)
    {
      begin_paragraph (prose, indent, "<p><strong>");
      flush_space (prose);
      append_tag (prose, "<b>", NULL);
      render_inline_children (prose, title);
      append_tag (prose, "</b>", NULL);
      end_paragraph (prose, "</strong></p>");
    }

  before = prose->out->len;
  render_blocks (prose, part, indent);

  /* A label with no prose still shows, above its nested parts */
  if (prose->marker != NULL)
    {
      begin_paragraph (prose, indent, "<p>");
      end_paragraph (prose, "</p>");
    }

  if (has_children)
    {
      guint child_indent = indent;

      if (!top_level || prose->out->len > before)
        child_indent++;

      if (prose->format == TENKEN_PROSE_HTML)
        g_string_append (prose->out, "<ul>");
      for (const xmlNode *child = part->children; child != NULL; child = child->next)
        if (tenken_xml_is_oscal (child, "part"))
          render_part (prose, child, child_indent, FALSE);
      if (prose->format == TENKEN_PROSE_HTML)
        g_string_append (prose->out, "</ul>");
    }

  if (!top_level && prose->format == TENKEN_PROSE_HTML)
    g_string_append (prose->out, "</li>");
}

char *
tenken_catalog_prose_render_part (TenkenCatalogData *data,
                                  const xmlNode     *part,
                                  TenkenProseFormat  format)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Prose prose = { data, format, out, FALSE, TRUE, NULL, 0 };

  render_part (&prose, part, 0, TRUE);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
tenken_catalog_data_render_line (TenkenCatalogData *data,
                                 const xmlNode     *node)
{
  return render_line_depth (data, node, 0);
}

char *
tenken_catalog_data_render_multiline (TenkenCatalogData *data,
                                      const xmlNode     *node)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Prose prose = { data, TENKEN_PROSE_PLAIN, out, FALSE, TRUE, NULL, 0 };

  render_blocks (&prose, node, 0);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
