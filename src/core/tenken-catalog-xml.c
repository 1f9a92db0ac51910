/* tenken-catalog-xml.c: reading catalog XML safely
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-catalog"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "tenken-autocleanups.h"
#include "tenken-catalog-private.h"

/* Catalogs come from strangers (imports), so the parser never touches the
 * disk or the network on their behalf. The entity loader is process-wide in
 * libxml2: ours refuses everything while a catalog is being parsed on this
 * thread and leaves other parsers (schema validation …) alone. */
static xmlExternalEntityLoader default_entity_loader;
static GPrivate in_catalog_parse;

static xmlParserInputPtr
refusing_entity_loader (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  if (g_private_get (&in_catalog_parse) != NULL)
    return NULL;

  return default_entity_loader (url, id, ctxt);
}

static void
ensure_entity_loader (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      default_entity_loader = xmlGetExternalEntityLoader ();
      xmlSetExternalEntityLoader (refusing_entity_loader);
      g_once_init_leave (&initialized, 1);
    }
}

typedef struct
{
  const char *display_name;
  GError     *error;
  /* Line of a <!DOCTYPE …>, 0 when none was seen */
  int         doctype_line;
} ParseState;

static void
set_first_error (ParseState *state,
                 int         code,
                 int         line,
                 const char *reason)
{
  if (state->error != NULL)
    return;

  if (line > 0)
    /* Translators: "FILE:LINE: REASON", a problem in a catalog file */
    state->error = g_error_new (TENKEN_CATALOG_ERROR, code, _("%s:%d: %s"),
                                state->display_name, line, reason);
  else
    /* Translators: "FILE: REASON", a problem in a catalog file */
    state->error = g_error_new (TENKEN_CATALOG_ERROR, code, _("%s: %s"),
                                state->display_name, reason);
}

static void
structured_error (void        *user_data,
                  xmlErrorPtr  xml_error)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;
  g_autofree char *reason = NULL;

  if (xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;

  /* Our own xmlStopParser() after a DOCTYPE; reported as FORBIDDEN */
  if (xml_error->code == XML_ERR_USER_STOP)
    return;

  if (xml_error->code == XML_ERR_INTERNAL_ERROR &&
      xml_error->message != NULL && strstr (xml_error->message, "depth") != NULL)
    {
      /* libxml2's message suggests XML_PARSE_HUGE, which is not for users */
      set_first_error (state, TENKEN_CATALOG_ERROR_FORBIDDEN, xml_error->line,
                       _("Elements are nested too deeply (more than 256 levels)"));
      return;
    }

  if (xml_error->message != NULL && g_str_has_prefix (xml_error->message, "Input is not proper UTF-8"))
    {
      /* libxml2 asks to "indicate encoding !" and lists bytes on a second line */
      set_first_error (state, TENKEN_CATALOG_ERROR_MALFORMED, xml_error->line,
                       _("The text is not valid UTF-8; save the file as UTF-8 or declare its encoding"));
      return;
    }

  reason = g_strdup (xml_error->message != NULL ? xml_error->message : _("Unknown XML error"));
  /* One line, as messages go into lists and status bars */
  g_strchomp (reason);
  g_strdelimit (reason, "\n", ' ');
  /* libxml2's own words say what, not what to do: add that */
  {
    g_autofree char *with_hint =
      /* Translators: %s is the XML parser's own (English) description of the problem */
      g_strdup_printf (_("%s. Check that the file is an OSCAL catalog saved as XML in UTF-8."), reason);

    set_first_error (state, TENKEN_CATALOG_ERROR_MALFORMED, xml_error->line, with_hint);
  }
}

static void
generic_error (void       *user_data,
               const char *msg,
               ...)
{
  /* Everything libxml2 says reaches us through structured_error(); this
   * only keeps stray messages off stderr. */
}

static void
refuse_doctype (void          *user_data,
                const xmlChar *name,
                const xmlChar *external_id,
                const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  /* OSCAL never needs a DTD; stopping here, before the internal subset is
   * read, means no entity is ever declared, let alone expanded. */
  if (state->doctype_line == 0)
    state->doctype_line = MAX (1, xmlSAX2GetLineNumber (ctxt));
  xmlStopParser (ctxt);
}

static void
refuse_entity_decl (void          *user_data,
                    const xmlChar *name,
                    int            type,
                    const xmlChar *public_id,
                    const xmlChar *system_id,
                    xmlChar       *content)
{
  refuse_doctype (user_data, name, public_id, system_id);
}

static void
set_too_large_error (GError     **error,
                     const char  *display_name)
{
  g_set_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_TOO_LARGE,
               _("%s: The file is larger than %u MB; catalogs may not be that large"),
               display_name, (guint) (TENKEN_CATALOG_MAX_SIZE / (1024 * 1024)));
}

/* Cancellation stays a G_IO_ERROR, so that callers can ignore it */
static void
propagate_read_error (GError     **error,
                      const char  *display_name,
                      GError      *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, io_error);
  else
    {
      g_set_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_READ,
                   _("%s: Could not read the file: %s"), display_name, io_error->message);
      g_error_free (io_error);
    }
}

/* The longest text node accepted (a title, a paragraph). The whole file may
 * be 64 MB, but no requirement is a megabyte long, and a label holding one
 * would stall the UI for minutes: such a file is an attack or a mistake. */
#define MAX_TEXT_LENGTH (1024 * 1024)

static gboolean
check_text_lengths (xmlNode    *node,
                    ParseState *state)
{
  for (; node != NULL; node = node->next)
    {
      if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
          node->content != NULL && strlen ((const char *) node->content) > MAX_TEXT_LENGTH)
        {
          g_autofree char *size = g_format_size (strlen ((const char *) node->content));
          g_autofree char *limit = g_format_size (MAX_TEXT_LENGTH);
          g_autofree char *reason =
            /* Translators: the first %s is a size ("50.0 MB"), the second the limit */
            g_strdup_printf (_("A text is too long (%s; at most %s). Check that this is the right file."),
                             size, limit);

          set_first_error (state, TENKEN_CATALOG_ERROR_TOO_LARGE, (int) xmlGetLineNo (node), reason);
          return FALSE;
        }
      /* Nesting is at most 256 deep (libxml2 refuses more), so recursion is bounded */
      if (node->type == XML_ELEMENT_NODE && !check_text_lengths (node->children, state))
        return FALSE;
    }

  return TRUE;
}

xmlDoc *
tenken_catalog_parse_xml (GBytes      *xml,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlStructuredErrorFunc old_serror;
  void *old_serror_context;
  xmlGenericErrorFunc old_generic;
  void *old_generic_context;
  ParseState state = { display_name, NULL, 0 };
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (xml, &size);

  if (size > TENKEN_CATALOG_MAX_SIZE)
    {
      set_too_large_error (error, display_name);
      return NULL;
    }

  if (size == 0)
    {
      g_set_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_MALFORMED,
                   _("%s: The file is empty"), display_name);
      return NULL;
    }

  ensure_entity_loader ();

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_READ,
                   _("%s: Out of memory"), display_name);
      return NULL;
    }

  ctxt->_private = &state;
  ctxt->sax->serror = structured_error;
  ctxt->sax->internalSubset = refuse_doctype;
  ctxt->sax->externalSubset = refuse_doctype;
  ctxt->sax->entityDecl = refuse_entity_decl;

  /* Messages that bypass the context (encoding conversion …) go to the
   * per-thread handlers: take them over for the duration of the parse. */
  old_serror = xmlStructuredError;
  old_serror_context = xmlStructuredErrorContext;
  old_generic = xmlGenericError;
  old_generic_context = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (ctxt, structured_error);
  xmlSetGenericErrorFunc (NULL, generic_error);
  g_private_set (&in_catalog_parse, GINT_TO_POINTER (1));

  /* Never XML_PARSE_NOENT (entity substitution), XML_PARSE_DTDLOAD or
   * XML_PARSE_HUGE (lifts the depth and amplification limits). */
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
                           XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);

  g_private_set (&in_catalog_parse, NULL);
  xmlSetStructuredErrorFunc (old_serror_context, old_serror);
  xmlSetGenericErrorFunc (old_generic_context, old_generic);

  if (state.doctype_line > 0 || (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL)))
    {
      g_clear_error (&state.error);
      set_first_error (&state, TENKEN_CATALOG_ERROR_FORBIDDEN, MAX (state.doctype_line, 1),
                       _("The file declares a document type (DTD) or entities, which catalogs may not use"));
      g_propagate_error (error, state.error);
      return NULL;
    }

  if (doc == NULL || !ctxt->wellFormed || state.error != NULL)
    {
      if (state.error == NULL)
        set_first_error (&state, TENKEN_CATALOG_ERROR_MALFORMED, 0,
                         _("The file is not well-formed XML"));
      g_propagate_error (error, state.error);
      return NULL;
    }

  if (!check_text_lengths (xmlDocGetRootElement (doc), &state))
    {
      g_propagate_error (error, state.error);
      return NULL;
    }

  return g_steal_pointer (&doc);
}

GBytes *
tenken_catalog_read_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gsize expected = 0;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      propagate_read_error (error, name, g_steal_pointer (&local_error));
      return NULL;
    }

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      goffset size = g_file_info_get_size (info);

      if (size > TENKEN_CATALOG_MAX_SIZE)
        {
          set_too_large_error (error, name);
          return NULL;
        }
      expected = (gsize) MAX (size, 0);
    }

  /* The size may be unknown or change under us: read in chunks, never more
   * than the cap plus one byte. */
  buffer = g_byte_array_sized_new ((guint) expected + 1);
  for (;;)
    {
      gsize chunk = MAX (expected + 1 - MIN (expected, buffer->len), 64 * 1024);
      gsize old_len = buffer->len;
      gsize bytes_read = 0;

      chunk = MIN (chunk, (gsize) TENKEN_CATALOG_MAX_SIZE + 1 - buffer->len);
      g_byte_array_set_size (buffer, (guint) (old_len + chunk));

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + old_len, chunk,
                                    &bytes_read, cancellable, &local_error))
        {
          propagate_read_error (error, name, g_steal_pointer (&local_error));
          return NULL;
        }

      g_byte_array_set_size (buffer, (guint) (old_len + bytes_read));

      if (buffer->len > TENKEN_CATALOG_MAX_SIZE)
        {
          set_too_large_error (error, name);
          return NULL;
        }

      if (bytes_read < chunk)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

gboolean
tenken_xml_is_oscal (const xmlNode *node,
                     const char    *name)
{
  /* The name first: it differs far more often, and is short */
  return node != NULL &&
         node->type == XML_ELEMENT_NODE &&
         (name == NULL || strcmp ((const char *) node->name, name) == 0) &&
         node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, OSCAL_NS) == 0;
}

/* Attribute values point into the document, which lives as long as any
 * catalog object using it: no copies needed. */
const char *
tenken_xml_get_attr (const xmlNode *node,
                     const char    *name)
{
  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (attr->ns != NULL || strcmp ((const char *) attr->name, name) != 0)
        continue;
      if (attr->children == NULL)
        return "";
      if (attr->children->type == XML_TEXT_NODE && attr->children->next == NULL)
        return (const char *) attr->children->content;
      return NULL;
    }

  return NULL;
}

static gboolean
is_oscal_prop_ns (const char *ns)
{
  /* OSCAL's default prop namespace; the XML namespace too, to be lenient */
  return ns == NULL ||
         g_str_equal (ns, "http://csrc.nist.gov/ns/oscal") ||
         g_str_equal (ns, OSCAL_NS);
}

const char *
tenken_xml_find_prop (const xmlNode *node,
                      const char    *ns,
                      const char    *name,
                      gboolean       prefer_unclassed)
{
  const char *first = NULL;
  gboolean want_oscal = is_oscal_prop_ns (ns);

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *prop_ns;
      const char *prop_name;
      const char *value;

      if (!tenken_xml_is_oscal (child, "prop"))
        continue;

      prop_name = tenken_xml_get_attr (child, "name");
      if (g_strcmp0 (prop_name, name) != 0)
        continue;

      prop_ns = tenken_xml_get_attr (child, "ns");
      if (want_oscal ? !is_oscal_prop_ns (prop_ns) : g_strcmp0 (prop_ns, ns) != 0)
        continue;

      value = tenken_xml_get_attr (child, "value");
      if (value == NULL)
        continue;

      if (!prefer_unclassed || tenken_xml_get_attr (child, "class") == NULL)
        return value;
      if (first == NULL)
        first = value;
    }

  return first;
}

TenkenCatalogData *
tenken_catalog_data_new (xmlDoc *doc)
{
  TenkenCatalogData *data = g_atomic_rc_box_new0 (TenkenCatalogData);

  data->doc = doc;
  data->params = g_hash_table_new (g_str_hash, g_str_equal);

  return data;
}

TenkenCatalogData *
tenken_catalog_data_ref (TenkenCatalogData *data)
{
  return g_atomic_rc_box_acquire (data);
}

static void
catalog_data_clear (gpointer ptr)
{
  TenkenCatalogData *data = ptr;

  g_clear_pointer (&data->params, g_hash_table_unref);
  g_clear_pointer (&data->doc, xmlFreeDoc);
}

void
tenken_catalog_data_unref (TenkenCatalogData *data)
{
  g_atomic_rc_box_release_full (data, catalog_data_clear);
}

gboolean
tenken_catalog_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || *id == '.' || strlen (id) > 200)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;

  return TRUE;
}
