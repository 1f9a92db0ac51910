/* tenken-declaration.c: declarations of conformity, written and verified
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-declaration"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/c14n.h>
#include <libxml/xmlschemas.h>

#include "tenken-autocleanups.h"
#include "tenken-catalog-private.h"
#include "tenken-declaration-private.h"
#include "tenken-output-private.h"
#include "tenken-paths.h"

#define C14N_EXCLUSIVE_URI "http://www.w3.org/2001/10/xml-exc-c14n#"

G_DEFINE_QUARK (tenken-declaration-error-quark, tenken_declaration_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchema, xmlSchemaFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt)

/* The declaration's own words. Marked with NC_() for xgettext; looked up in
 * the declaration's language, not the UI's. */
static const char * const status_names[TENKEN_N_STATUSES] = {
  NC_("declaration", "Not started"),
  NC_("declaration", "Implemented"),
  NC_("declaration", "Partially implemented"),
  NC_("declaration", "Not implemented"),
  NC_("declaration", "Not applicable"),
  NC_("declaration", "Planned"),
};

/* Content model */

static void
item_free (gpointer data)
{
  TenkenDeclarationItem *item = data;

  g_free (item->id);
  g_free (item->label);
  g_free (item->title);
  g_free (item->justification);
  g_free (item->target_date);
  g_free (item);
}

static void
evidence_free (gpointer data)
{
  TenkenDeclarationEvidence *evidence = data;

  g_free (evidence->item_id);
  g_free (evidence->name);
  g_free (evidence->sha256);
  g_free (evidence->url);
  g_free (evidence);
}

TenkenDeclarationContent *
tenken_declaration_content_new (void)
{
  TenkenDeclarationContent *content = g_new0 (TenkenDeclarationContent, 1);

  content->items = g_ptr_array_new_with_free_func (item_free);
  content->evidence = g_ptr_array_new_with_free_func (evidence_free);

  return content;
}

void
tenken_declaration_content_free (TenkenDeclarationContent *content)
{
  if (content == NULL)
    return;

  g_free (content->lang);
  g_free (content->name);
  g_free (content->title);
  g_free (content->organisation);
  g_free (content->date);
  g_free (content->place);
  g_free (content->scope_organisation);
  g_free (content->scope_service);
  g_free (content->scope_period_start);
  g_free (content->scope_period_end);
  g_free (content->scope_assessor);
  g_free (content->catalog_id);
  g_free (content->catalog_title);
  g_free (content->catalog_version);
  g_free (content->catalog_sha256);
  g_free (content->document_name);
  g_free (content->document_created);
  g_free (content->text);
  g_free (content->digest);
  g_ptr_array_unref (content->items);
  g_ptr_array_unref (content->evidence);
  g_free (content);
}

gboolean
tenken_declaration_status_is_exception (TenkenStatus status)
{
  /* Not started counts too: an item nobody assessed is not declared met */
  return tenken_status_is_gap (status);
}

const char *
tenken_declaration_tr (TenkenTranslation *translation,
                       const char        *msgid)
{
  return tenken_translation_pgettext (translation, TENKEN_DECLARATION_CONTEXT, msgid);
}

const char *
tenken_declaration_status_name (TenkenTranslation *translation,
                                TenkenStatus       status)
{
  g_return_val_if_fail ((guint) status < TENKEN_N_STATUSES, NULL);

  return tenken_declaration_tr (translation, status_names[status]);
}

/* Text as XML 1.0 can carry it: valid UTF-8, no control characters other
 * than tab and newlines (a stray U+0001 in a justification would otherwise
 * make the whole declaration unreadable). NULL and "" stay NULL. */
static char *
xml_text (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL || *text == '\0')
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_unichar (out, 0xFFFD);
          p++;
          continue;
        }

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
          (c >= 0xFFFE && c <= 0xFFFF) || (c >= 0xD800 && c <= 0xDFFF))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);

      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

static char *
xml_text_stripped (const char *text)
{
  char *result = xml_text (text);

  if (result != NULL && *g_strstrip (result) == '\0')
    g_clear_pointer (&result, g_free);

  return result;
}

/* Replaces %1$s … %9$s and %% in a translated template. Not printf: the
 * template comes from a .mo file, which must never control a format string. */
static char *
expand_template (const char         *template,
                 const char * const *args,
                 guint               n_args)
{
  GString *out = g_string_new (NULL);

  for (const char *p = template; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == '%')
        {
          g_string_append_c (out, '%');
          p++;
        }
      else if (p[0] == '%' && p[1] >= '1' && p[1] <= '9' && p[2] == '$' && p[3] == 's')
        {
          guint n = (guint) (p[1] - '1');

          if (n < n_args && args[n] != NULL)
            g_string_append (out, args[n]);
          p += 3;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static char *
declaration_text (TenkenDeclarationContent *content,
                  TenkenTranslation        *translation)
{
  const char *args[] = {
    content->organisation,
    content->scope_service,
    content->catalog_title,
    content->catalog_version,
    content->document_name,
  };

  return expand_template (tenken_declaration_tr (translation,
                                                 /* Translators: %1$s the organisation, %2$s the
                                                  * service, %3$s the catalog's title, %4$s its
                                                  * version, %5$s the assessment file's name */
                                                 NC_("declaration",
                                                     "We, %1$s, declare under our sole responsibility "
                                                     "that %2$s conforms to the requirements of "
                                                     "“%3$s” (version %4$s) within the scope stated "
                                                     "below, except as listed under Exceptions. This "
                                                     "declaration is based on the assessment recorded "
                                                     "in “%5$s” and on the evidence listed in its "
                                                     "evidence manifest, whose SHA-256 hashes are part "
                                                     "of this declaration.")),
                          args, G_N_ELEMENTS (args));
}

/* Building the content from a document */

static gboolean
check_declarant (const TenkenDeclarant  *declarant,
                 GError                **error)
{
  const char *lang = declarant->lang != NULL ? declarant->lang : "en";
  g_autofree char *name = xml_text_stripped (declarant->name);
  g_autofree char *title = xml_text_stripped (declarant->title);

  if (name == NULL)
    {
      g_set_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_INVALID,
                   _("The declarant’s name is missing. Give the name of the person who signs the declaration"));
      return FALSE;
    }

  if (title == NULL)
    {
      g_set_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_INVALID,
                   _("The declarant’s title is missing. Give the signer’s position, such as “Chief Information Security Officer”"));
      return FALSE;
    }

  if (declarant->date != NULL && !tenken_date_is_valid (declarant->date))
    {
      g_set_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_INVALID,
                   _("The date “%s” is not a real date. Write it as YYYY-MM-DD"), declarant->date);
      return FALSE;
    }

  if (!g_str_equal (lang, "en") && !g_str_equal (lang, "ja"))
    {
      g_set_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_INVALID,
                   _("The language “%s” is not available for declarations. Use “en” or “ja”"), lang);
      return FALSE;
    }

  return TRUE;
}

static void
add_evidence (TenkenDeclarationContent *content,
              TenkenDocument           *document,
              const char               *item_id)
{
  g_autoptr(GListModel) evidence = tenken_document_list_item_evidence (document, item_id);
  guint n = evidence != NULL ? g_list_model_get_n_items (evidence) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenEvidence) e = g_list_model_get_item (evidence, i);
      TenkenDeclarationEvidence *entry = g_new0 (TenkenDeclarationEvidence, 1);

      entry->id = tenken_evidence_get_id (e);
      entry->item_id = g_strdup (item_id);
      entry->kind = tenken_evidence_get_kind (e);
      entry->name = xml_text (tenken_evidence_get_name (e));
      if (entry->name == NULL)
        entry->name = g_strdup ("?");
      if (entry->kind == TENKEN_EVIDENCE_FILE)
        {
          entry->sha256 = g_ascii_strdown (tenken_evidence_get_sha256 (e), -1);
          entry->size = tenken_evidence_get_size (e);
        }
      else
        entry->url = xml_text (tenken_evidence_get_url (e));

      g_ptr_array_add (content->evidence, entry);
    }
}

/* @declarant NULL: only the parts that come from the document (for verify) */
static TenkenDeclarationContent *
content_from_document (TenkenDocument        *document,
                       const TenkenDeclarant *declarant,
                       TenkenTranslation     *translation)
{
  g_autoptr(TenkenDeclarationContent) content = tenken_declaration_content_new ();
  g_autoptr(TenkenScope) scope = tenken_document_dup_scope (document);
  TenkenCatalog *catalog = tenken_document_get_catalog (document);
  GListModel *responses = tenken_document_get_responses (document);
  GDateTime *created = tenken_document_get_created_at (document);
  GFile *file = tenken_document_get_file (document);
  guint n = g_list_model_get_n_items (responses);

  content->scope_organisation = xml_text_stripped (tenken_scope_get_organisation (scope));
  content->scope_service = xml_text_stripped (tenken_scope_get_service (scope));
  content->scope_roles = tenken_scope_get_roles (scope);
  content->scope_tier = tenken_scope_get_tier (scope);
  content->scope_assessment_type = tenken_scope_get_assessment_type (scope);
  if (tenken_date_is_valid (tenken_scope_get_period_start (scope)))
    content->scope_period_start = g_strdup (tenken_scope_get_period_start (scope));
  if (tenken_date_is_valid (tenken_scope_get_period_end (scope)))
    content->scope_period_end = g_strdup (tenken_scope_get_period_end (scope));
  content->scope_assessor = xml_text_stripped (tenken_scope_get_assessor (scope));

  content->catalog_id = xml_text (tenken_catalog_get_id (catalog));
  content->catalog_title = xml_text (tenken_catalog_get_title (catalog));
  content->catalog_version = xml_text (tenken_catalog_get_version (catalog));
  content->catalog_sha256 = g_ascii_strdown (tenken_catalog_get_sha256 (catalog), -1);

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      content->document_name = xml_text (basename);
    }
  if (content->document_name == NULL)
    content->document_name = g_strdup ("?");
  if (created != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (created);

      content->document_created = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, i);
      TenkenCatalogItem *catalog_item = tenken_response_get_item (response);
      TenkenCatalogNode *node = TENKEN_CATALOG_NODE (catalog_item);
      TenkenDeclarationItem *item;
      TenkenStatus status = tenken_response_get_status (response);

      if (!tenken_catalog_item_applies_to (catalog_item, content->scope_roles))
        continue;

      item = g_new0 (TenkenDeclarationItem, 1);
      item->id = xml_text (tenken_catalog_node_get_id (node));
      item->label = xml_text (tenken_catalog_node_get_label (node));
      if (item->label == NULL)
        item->label = g_strdup (item->id);
      item->title = xml_text (tenken_catalog_node_get_title (node));
      item->status = status;
      item->justification = xml_text_stripped (tenken_response_get_justification (response));
      if (tenken_date_is_valid (tenken_response_get_target_date (response)))
        item->target_date = g_strdup (tenken_response_get_target_date (response));
      g_ptr_array_add (content->items, item);

      content->counts[status]++;
      content->total++;

      add_evidence (content, document, item->id);
    }

  if (declarant != NULL)
    {
      content->lang = g_strdup (declarant->lang != NULL ? declarant->lang : "en");
      content->name = xml_text_stripped (declarant->name);
      content->title = xml_text_stripped (declarant->title);
      content->organisation = xml_text_stripped (declarant->organisation);
      if (content->organisation == NULL)
        content->organisation = g_strdup (content->scope_organisation);
      content->date = declarant->date != NULL ? g_strdup (declarant->date) : tenken_date_today ();
      content->place = xml_text_stripped (declarant->place);
      content->text = declaration_text (content, translation);
    }

  return g_steal_pointer (&content);
}

/* The XML form */

static xmlNode *
add_text_child (xmlNode    *parent,
                const char *name,
                const char *text)
{
  return xmlNewTextChild (parent, parent->ns, BAD_CAST name, BAD_CAST (text != NULL ? text : ""));
}

static void
add_optional_child (xmlNode    *parent,
                    const char *name,
                    const char *text)
{
  if (text != NULL)
    add_text_child (parent, name, text);
}

static void
set_prop (xmlNode    *node,
          const char *name,
          const char *value)
{
  if (value != NULL)
    xmlNewProp (node, BAD_CAST name, BAD_CAST value);
}

static void
set_uint_prop (xmlNode    *node,
               const char *name,
               guint64     value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GUINT64_FORMAT, value);
  xmlNewProp (node, BAD_CAST name, BAD_CAST buffer);
}

static char *
roles_to_list (TenkenRoles roles)
{
  g_autofree char *names = roles != 0 ? tenken_roles_to_string (roles) : NULL;

  return g_strdelimit (g_strdup (names != NULL ? names : ""), ",", ' ');
}

/* The whole declaration, with a placeholder digest */
static xmlDoc *
content_to_xml (const TenkenDeclarationContent *content)
{
  g_autoptr(xmlDoc) doc = xmlNewDoc (BAD_CAST "1.0");
  g_autofree char *roles = roles_to_list (content->scope_roles);
  xmlNode *root;
  xmlNode *node;
  xmlNode *parent;
  xmlNode *digest;
  xmlNs *ns;

  root = xmlNewDocNode (doc, NULL, BAD_CAST "declaration", NULL);
  xmlDocSetRootElement (doc, root);
  ns = xmlNewNs (root, BAD_CAST TENKEN_DECLARATION_NS, NULL);
  xmlSetNs (root, ns);
  set_prop (root, "version", "1.0");

  parent = xmlNewChild (root, ns, BAD_CAST "content", NULL);
  add_text_child (parent, "language", content->lang);

  node = xmlNewChild (parent, ns, BAD_CAST "declarant", NULL);
  add_text_child (node, "name", content->name);
  add_text_child (node, "title", content->title);
  add_text_child (node, "organisation", content->organisation);

  add_text_child (parent, "date", content->date);
  add_optional_child (parent, "place", content->place);

  node = xmlNewChild (parent, ns, BAD_CAST "scope", NULL);
  add_text_child (node, "organisation", content->scope_organisation);
  add_text_child (node, "service", content->scope_service);
  add_text_child (node, "roles", roles);
  add_text_child (node, "tier", tenken_tier_to_string (content->scope_tier));
  add_text_child (node, "assessment-type", tenken_assessment_type_to_string (content->scope_assessment_type));
  add_optional_child (node, "period-start", content->scope_period_start);
  add_optional_child (node, "period-end", content->scope_period_end);
  add_optional_child (node, "assessor", content->scope_assessor);

  node = xmlNewChild (parent, ns, BAD_CAST "catalog", NULL);
  set_prop (node, "id", content->catalog_id);
  set_prop (node, "version", content->catalog_version != NULL ? content->catalog_version : "");
  set_prop (node, "sha256", content->catalog_sha256);
  add_text_child (node, "title", content->catalog_title);

  node = xmlNewChild (parent, ns, BAD_CAST "document", NULL);
  set_prop (node, "name", content->document_name);
  set_prop (node, "created", content->document_created);

  add_text_child (parent, "text", content->text);

  node = xmlNewChild (parent, ns, BAD_CAST "summary", NULL);
  set_uint_prop (node, "total", content->total);
  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    set_uint_prop (node, tenken_status_to_string ((TenkenStatus) i), content->counts[i]);

  node = xmlNewChild (parent, ns, BAD_CAST "items", NULL);
  for (guint i = 0; i < content->items->len; i++)
    {
      const TenkenDeclarationItem *item = g_ptr_array_index (content->items, i);
      xmlNode *child = xmlNewChild (node, ns, BAD_CAST "item", NULL);

      set_prop (child, "id", item->id);
      set_prop (child, "label", item->label);
      set_prop (child, "status", tenken_status_to_string (item->status));
      add_text_child (child, "title", item->title);
      add_optional_child (child, "justification", item->justification);
      add_optional_child (child, "target-date", item->target_date);
    }

  node = xmlNewChild (parent, ns, BAD_CAST "exceptions", NULL);
  for (guint i = 0; i < content->items->len; i++)
    {
      const TenkenDeclarationItem *item = g_ptr_array_index (content->items, i);
      xmlNode *child;

      if (!tenken_declaration_status_is_exception (item->status))
        continue;

      child = xmlNewChild (node, ns, BAD_CAST "exception", NULL);
      set_prop (child, "item", item->id);
      set_prop (child, "label", item->label);
      set_prop (child, "status", tenken_status_to_string (item->status));
      set_prop (child, "target-date", item->target_date);
    }

  node = xmlNewChild (parent, ns, BAD_CAST "evidence-manifest", NULL);
  for (guint i = 0; i < content->evidence->len; i++)
    {
      const TenkenDeclarationEvidence *evidence = g_ptr_array_index (content->evidence, i);
      xmlNode *child = xmlNewChild (node, ns, BAD_CAST "evidence", NULL);

      set_prop (child, "item", evidence->item_id);
      set_prop (child, "kind", evidence->kind == TENKEN_EVIDENCE_FILE ? "file" : "url");
      set_prop (child, "name", evidence->name);
      if (evidence->kind == TENKEN_EVIDENCE_FILE)
        {
          set_prop (child, "sha256", evidence->sha256);
          set_uint_prop (child, "size", evidence->size);
        }
      else
        set_prop (child, "url", evidence->url);
    }

  digest = xmlNewTextChild (root, ns, BAD_CAST "digest",
                            BAD_CAST "0000000000000000000000000000000000000000000000000000000000000000");
  set_prop (digest, "algorithm", "sha256");
  set_prop (digest, "canonicalization", C14N_EXCLUSIVE_URI);

  return g_steal_pointer (&doc);
}

static xmlNode *
first_element (xmlNode    *node,
               const char *name)
{
  for (; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE &&
        node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST TENKEN_DECLARATION_NS) &&
        xmlStrEqual (node->name, BAD_CAST name))
      return node;

  return NULL;
}

static xmlNode *
child_element (xmlNode    *parent,
               const char *name)
{
  return parent != NULL ? first_element (parent->children, name) : NULL;
}

/* The digest: SHA-256 over the Exclusive C14N 1.0 (no comments) of the
 * <content> element's subtree, computed the same way when writing (on the
 * re-parsed output) and when verifying (on the parsed file). */

static int
is_in_content (void       *user_data,
               xmlNodePtr  node,
               xmlNodePtr  parent)
{
  xmlNode *content = user_data;
  xmlNode *n;

  /* Namespace nodes are xmlNs structures, which have no parent field */
  if (node == NULL || node->type == XML_NAMESPACE_DECL || node->type == XML_ATTRIBUTE_NODE)
    n = parent;
  else
    n = node;

  for (; n != NULL; n = n->parent)
    if (n == content)
      return 1;

  return 0;
}

static int
checksum_write (void       *context,
                const char *buffer,
                int         len)
{
  if (len > 0)
    g_checksum_update (context, (const guchar *) buffer, len);

  return len;
}

static char *
compute_digest (xmlDoc  *doc,
                xmlNode *content)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  xmlOutputBuffer *buffer;
  int written;

  buffer = xmlOutputBufferCreateIO (checksum_write, NULL, checksum, NULL);
  if (buffer == NULL)
    return NULL;

  written = xmlC14NExecute (doc, is_in_content, content, XML_C14N_EXCLUSIVE_1_0, NULL, 0, buffer);
  if (xmlOutputBufferClose (buffer) < 0 || written < 0)
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}

/* Reading a declaration */

static GBytes *
read_declaration (GFile         *file,
                  const char    *display_name,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  bytes = tenken_catalog_read_file (file, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_TOO_LARGE))
        g_set_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_MALFORMED,
                     _("%s: The file is too large to be a declaration"), display_name);
      else
        g_set_error_literal (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_IO,
                             local_error->message);
    }

  return bytes;
}

/* Whether @bytes could be XML at all: after a byte-order mark and white
 * space, the first character is "<". A PNG, a PDF, an SQLite file or plain
 * text is not. */
static gboolean
looks_like_xml (GBytes *bytes)
{
  gsize size = 0;
  const guchar *data = g_bytes_get_data (bytes, &size);
  gsize i = 0;

  if (size >= 2 && ((data[0] == 0xFE && data[1] == 0xFF) || (data[0] == 0xFF && data[1] == 0xFE)))
    return TRUE;
  if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    i = 3;
  while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
    i++;

  return i < size && data[i] == '<';
}

/* The catalog loader's safe parser (no DTD, no entities, no network, no
 * file access, size cap), with errors in our domain */
static xmlDoc *
parse_declaration (GBytes      *bytes,
                   const char  *display_name,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  xmlDoc *doc;

  doc = tenken_catalog_parse_xml (bytes, display_name, &local_error);
  if (doc == NULL)
    {
      if (g_error_matches (local_error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_FORBIDDEN))
        g_set_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_MALFORMED,
                     _("%s: The file declares a document type (DTD) or entities; a declaration never does, so it is not one of ours"),
                     display_name);
      else if (g_bytes_get_size (bytes) == 0)
        g_set_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_MALFORMED,
                     _("%s: Not a Tenken declaration: the file is empty. Choose the .xml declaration file that was written together with the PDF"),
                     display_name);
      else if (!looks_like_xml (bytes))
        g_set_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_MALFORMED,
                     _("%s: Not a Tenken declaration: the file is not XML. Choose the .xml declaration file that was written together with the PDF"),
                     display_name);
      else if (!g_error_matches (local_error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_MALFORMED))
        /* Too long a text and the like: the loader's words say it */
        g_set_error_literal (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_MALFORMED,
                             local_error->message);
      else
        {
          /* The loader's message is "FILE:LINE: REASON" or "FILE: REASON",
           * and its reason may end in advice meant for catalogs: keep only
           * the line */
          const char *reason = local_error->message;
          gsize n = strlen (display_name);
          guint64 line = 0;

          if (strncmp (reason, display_name, n) == 0 && reason[n] == ':' &&
              g_ascii_isdigit (reason[n + 1]))
            line = g_ascii_strtoull (reason + n + 1, NULL, 10);

          if (line > 0)
            g_set_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_MALFORMED,
                         _("%s:%u: Not a Tenken declaration: the XML is not well-formed. Choose the .xml declaration file that was written together with the PDF"),
                         display_name, (guint) line);
          else
            g_set_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_MALFORMED,
                         _("%s: Not a Tenken declaration: the XML is not well-formed. Choose the .xml declaration file that was written together with the PDF"),
                         display_name);
        }
    }

  return doc;
}

typedef struct
{
  const char *display_name;
  GError     *error;
} SchemaState;

static void
schema_error (void        *user_data,
              xmlErrorPtr  xml_error)
{
  SchemaState *state = user_data;
  g_autofree char *reason = NULL;

  if (state->error != NULL || xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;

  reason = g_strdup (xml_error->message != NULL ? xml_error->message : "");
  g_strchomp (reason);
  if (xml_error->line > 0)
    g_set_error (&state->error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_MALFORMED,
                 _("%s:%d: Not a valid declaration: %s"), state->display_name, xml_error->line, reason);
  else
    g_set_error (&state->error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_MALFORMED,
                 _("%s: Not a valid declaration: %s"), state->display_name, reason);
}

static void
schema_generic_error (void       *user_data,
                      const char *msg,
                      ...)
{
  /* Everything reaches schema_error(); keep stray messages off stderr */
}

static xmlSchema *
load_schema (GError **error)
{
  static GMutex lock;
  static xmlSchema *schema;
  g_autoptr(GFile) dir = tenken_paths_get_schema_dir ();
  g_autoptr(GFile) file = g_file_get_child (dir, TENKEN_DECLARATION_SCHEMA);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(xmlSchemaParserCtxt) parser = NULL;
  g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (&lock);
  SchemaState state = { path, NULL };

  /* Parsed once: the schema is immutable and shared by validations */
  if (schema != NULL)
    return schema;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_IO,
                   _("The declaration schema %s is missing. Reinstall Tenken to restore it"),
                   path != NULL ? path : TENKEN_DECLARATION_SCHEMA);
      return NULL;
    }

  parser = xmlSchemaNewParserCtxt (path);
  xmlSchemaSetParserStructuredErrors (parser, schema_error, &state);
  xmlSchemaSetParserErrors (parser, (xmlSchemaValidityErrorFunc) schema_generic_error,
                            (xmlSchemaValidityWarningFunc) schema_generic_error, &state);
  schema = xmlSchemaParse (parser);
  if (schema == NULL)
    {
      if (state.error == NULL)
        g_set_error (&state.error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_IO,
                     _("The declaration schema %s could not be read. Reinstall Tenken to restore it"), path);
      else
        state.error->code = TENKEN_DECLARATION_ERROR_IO;
      g_propagate_error (error, state.error);
      return NULL;
    }

  g_clear_error (&state.error);
  return schema;
}

static gboolean
validate_declaration (xmlDoc      *doc,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(xmlSchemaValidCtxt) validator = NULL;
  SchemaState state = { display_name, NULL };
  xmlSchema *schema;
  int result;

  if (!(schema = load_schema (error)))
    return FALSE;

  validator = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (validator, schema_error, &state);
  xmlSchemaSetValidErrors (validator, (xmlSchemaValidityErrorFunc) schema_generic_error,
                           (xmlSchemaValidityWarningFunc) schema_generic_error, &state);
  result = xmlSchemaValidateDoc (validator, doc);

  if (result != 0)
    {
      if (state.error == NULL)
        g_set_error (&state.error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_MALFORMED,
                     _("%s: Not a valid declaration"), display_name);
      g_propagate_error (error, state.error);
      return FALSE;
    }

  return TRUE;
}

static char *
element_text (xmlNode    *parent,
              const char *name)
{
  xmlNode *node = child_element (parent, name);
  g_autoptr(TenkenXmlString) text = node != NULL ? xmlNodeGetContent (node) : NULL;

  return text != NULL && text[0] != '\0' ? g_strdup ((const char *) text) : NULL;
}

static char *
attr_text (xmlNode    *node,
           const char *name)
{
  g_autoptr(TenkenXmlString) text = node != NULL ? xmlGetNoNsProp (node, BAD_CAST name) : NULL;

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

/* After schema validation, so every required part is there */
static TenkenDeclarationContent *
content_from_xml (xmlNode *node)
{
  g_autoptr(TenkenDeclarationContent) content = tenken_declaration_content_new ();
  g_autofree char *roles = NULL;
  g_autofree char *tier = NULL;
  g_autofree char *type = NULL;
  xmlNode *child;

  content->lang = element_text (node, "language");
  child = child_element (node, "declarant");
  content->name = element_text (child, "name");
  content->title = element_text (child, "title");
  content->organisation = element_text (child, "organisation");
  content->date = element_text (node, "date");
  content->place = element_text (node, "place");

  child = child_element (node, "scope");
  content->scope_organisation = element_text (child, "organisation");
  content->scope_service = element_text (child, "service");
  roles = element_text (child, "roles");
  if (roles != NULL)
    {
      g_auto(GStrv) names = g_strsplit_set (g_strstrip (roles), " \t\r\n", -1);
      g_autofree char *joined = g_strjoinv (",", names);

      tenken_roles_from_string (joined, &content->scope_roles);
    }
  tier = element_text (child, "tier");
  tenken_tier_from_string (tier, &content->scope_tier);
  type = element_text (child, "assessment-type");
  tenken_assessment_type_from_string (type, &content->scope_assessment_type);
  content->scope_period_start = element_text (child, "period-start");
  content->scope_period_end = element_text (child, "period-end");
  content->scope_assessor = element_text (child, "assessor");

  child = child_element (node, "catalog");
  content->catalog_id = attr_text (child, "id");
  content->catalog_version = attr_text (child, "version");
  content->catalog_sha256 = attr_text (child, "sha256");
  content->catalog_title = element_text (child, "title");

  child = child_element (node, "document");
  content->document_name = attr_text (child, "name");
  content->document_created = attr_text (child, "created");

  content->text = element_text (node, "text");

  child = child_element (node, "items");
  for (xmlNode *n = first_element (child != NULL ? child->children : NULL, "item");
       n != NULL; n = first_element (n->next, "item"))
    {
      TenkenDeclarationItem *item = g_new0 (TenkenDeclarationItem, 1);
      g_autofree char *status = attr_text (n, "status");

      item->id = attr_text (n, "id");
      item->label = attr_text (n, "label");
      item->title = element_text (n, "title");
      tenken_status_from_string (status, &item->status);
      item->justification = element_text (n, "justification");
      item->target_date = element_text (n, "target-date");
      g_ptr_array_add (content->items, item);

      content->counts[item->status]++;
      content->total++;
    }

  child = child_element (node, "evidence-manifest");
  for (xmlNode *n = first_element (child != NULL ? child->children : NULL, "evidence");
       n != NULL; n = first_element (n->next, "evidence"))
    {
      TenkenDeclarationEvidence *evidence = g_new0 (TenkenDeclarationEvidence, 1);
      g_autofree char *kind = attr_text (n, "kind");
      g_autofree char *size = attr_text (n, "size");

      evidence->item_id = attr_text (n, "item");
      evidence->kind = g_strcmp0 (kind, "url") == 0 ? TENKEN_EVIDENCE_URL : TENKEN_EVIDENCE_FILE;
      evidence->name = attr_text (n, "name");
      evidence->sha256 = attr_text (n, "sha256");
      evidence->url = attr_text (n, "url");
      if (size != NULL)
        evidence->size = g_ascii_strtoull (size, NULL, 10);
      g_ptr_array_add (content->evidence, evidence);
    }

  return g_steal_pointer (&content);
}

/* Comparing a declaration with the document's current state */

static const char *
or_none (const char *text)
{
  /* Translators: an empty value, as in "Scope: roles are now “none”, declared “operator”" */
  return text != NULL ? text : C_("empty value", "none");
}

static char *
short_hash (const char *sha256)
{
  if (sha256 == NULL)
    return g_strdup (C_("empty value", "none"));

  /* Enough to tell files apart in a message; the XML has the whole hash */
  return g_strdup_printf ("%.16s…", sha256);
}

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* A changed text, in a sentence that says which it is: one format per
 * field, so that each reads right in every language */
#define COMPARE_TEXT(problems, format, declared, current) \
  G_STMT_START { \
    const char *then_ = (declared); \
    const char *now_ = (current); \
    if (g_strcmp0 (then_, now_) != 0) \
      add_problem ((problems), format, or_none (now_), or_none (then_)); \
  } G_STMT_END

/* "developer, operator"; NULL for none */
static char *
roles_for_message (TenkenRoles roles)
{
  g_autofree char *names = roles != 0 ? tenken_roles_to_string (roles) : NULL;
  g_auto(GStrv) parts = NULL;

  if (names == NULL || names[0] == '\0')
    return NULL;

  parts = g_strsplit (names, ",", -1);
  return g_strjoinv (", ", parts);
}

/* FALSE when the document uses another catalog (or another version of
 * it): then nothing item by item can be compared, and one line says so */
static gboolean
compare_catalog (const TenkenDeclarationContent *declared,
                 const TenkenDeclarationContent *current,
                 GPtrArray                      *problems)
{
  if (g_strcmp0 (declared->catalog_id, current->catalog_id) != 0 ||
      g_strcmp0 (declared->catalog_version, current->catalog_version) != 0)
    {
      /* Translators: catalog id, its version, then the document's catalog id and version */
      add_problem (problems, _("The declaration was made against the catalog “%s” version %s, but the document uses “%s” version %s. Verify it against the assessment it was made from"),
                   or_none (declared->catalog_id), or_none (declared->catalog_version),
                   or_none (current->catalog_id), or_none (current->catalog_version));
      return FALSE;
    }

  if (g_strcmp0 (declared->catalog_sha256, current->catalog_sha256) != 0)
    {
      g_autofree char *now = short_hash (current->catalog_sha256);
      g_autofree char *then = short_hash (declared->catalog_sha256);

      add_problem (problems, _("The catalog’s text changed: its SHA-256 is now %s, declared %s"),
                   now, then);
    }

  return TRUE;
}

static void
compare_scope (const TenkenDeclarationContent *declared,
               const TenkenDeclarationContent *current,
               GPtrArray                      *problems)
{
  COMPARE_TEXT (problems, _("Scope: organisation is now “%s”, declared “%s”"),
                declared->scope_organisation, current->scope_organisation);
  COMPARE_TEXT (problems, _("Scope: service is now “%s”, declared “%s”"),
                declared->scope_service, current->scope_service);

  if (declared->scope_roles != current->scope_roles)
    {
      g_autofree char *now = roles_for_message (current->scope_roles);
      g_autofree char *then = roles_for_message (declared->scope_roles);

      COMPARE_TEXT (problems, _("Scope: roles are now “%s”, declared “%s”"), then, now);
    }

  COMPARE_TEXT (problems, _("Scope: tier is now “%s”, declared “%s”"),
                tenken_tier_to_string (declared->scope_tier),
                tenken_tier_to_string (current->scope_tier));
  COMPARE_TEXT (problems, _("Scope: assessment type is now “%s”, declared “%s”"),
                tenken_assessment_type_to_string (declared->scope_assessment_type),
                tenken_assessment_type_to_string (current->scope_assessment_type));
  COMPARE_TEXT (problems, _("Scope: period start is now “%s”, declared “%s”"),
                declared->scope_period_start, current->scope_period_start);
  COMPARE_TEXT (problems, _("Scope: period end is now “%s”, declared “%s”"),
                declared->scope_period_end, current->scope_period_end);
  COMPARE_TEXT (problems, _("Scope: assessor is now “%s”, declared “%s”"),
                declared->scope_assessor, current->scope_assessor);
}

static void
compare_items (const TenkenDeclarationContent *declared,
               const TenkenDeclarationContent *current,
               GPtrArray                      *problems)
{
  g_autoptr(GHashTable) now = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < current->items->len; i++)
    {
      TenkenDeclarationItem *item = g_ptr_array_index (current->items, i);

      g_hash_table_insert (now, item->id, item);
    }

  for (guint i = 0; i < declared->items->len; i++)
    {
      const TenkenDeclarationItem *then = g_ptr_array_index (declared->items, i);
      const TenkenDeclarationItem *item = g_hash_table_lookup (now, then->id);

      if (item == NULL)
        {
          add_problem (problems, _("%s: declared, but no longer in the assessment’s scope"),
                       then->label);
          continue;
        }

      g_hash_table_remove (now, then->id);

      if (item->status != then->status)
        add_problem (problems, _("%s: status is now %s, declared %s"), then->label,
                     tenken_status_to_string (item->status),
                     tenken_status_to_string (then->status));

      if (g_strcmp0 (item->justification, then->justification) != 0)
        add_problem (problems, _("%s: justification is now “%s”, declared “%s”"), then->label,
                     or_none (item->justification), or_none (then->justification));

      if (g_strcmp0 (item->target_date, then->target_date) != 0)
        add_problem (problems, _("%s: target date is now %s, declared %s"), then->label,
                     or_none (item->target_date), or_none (then->target_date));
    }

  /* In catalog order */
  for (guint i = 0; i < current->items->len; i++)
    {
      const TenkenDeclarationItem *item = g_ptr_array_index (current->items, i);

      if (g_hash_table_contains (now, item->id))
        add_problem (problems, _("%s: now in the assessment’s scope, but not in the declaration"),
                     item->label);
    }
}

static gboolean
same_evidence (const TenkenDeclarationEvidence *a,
               const TenkenDeclarationEvidence *b,
               gboolean                         by_name_only)
{
  if (g_strcmp0 (a->item_id, b->item_id) != 0 || a->kind != b->kind ||
      g_strcmp0 (a->name, b->name) != 0)
    return FALSE;

  if (by_name_only)
    return TRUE;

  if (a->kind == TENKEN_EVIDENCE_FILE)
    return g_strcmp0 (a->sha256, b->sha256) == 0;

  return g_strcmp0 (a->url, b->url) == 0;
}

static char *
describe_evidence (const TenkenDeclarationEvidence *evidence)
{
  g_autofree char *hash = NULL;

  if (evidence->kind == TENKEN_EVIDENCE_URL)
    return g_strdup_printf ("“%s” (%s)", evidence->name, or_none (evidence->url));

  hash = short_hash (evidence->sha256);
  /* Translators: evidence file name and the start of its hash */
  return g_strdup_printf (_("“%s” (SHA-256 %s)"), evidence->name, hash);
}

static const char *
label_for (const TenkenDeclarationContent *declared,
           const TenkenDeclarationContent *current,
           const char                     *item_id)
{
  for (guint i = 0; i < declared->items->len; i++)
    {
      const TenkenDeclarationItem *item = g_ptr_array_index (declared->items, i);

      if (g_strcmp0 (item->id, item_id) == 0)
        return item->label;
    }

  for (guint i = 0; i < current->items->len; i++)
    {
      const TenkenDeclarationItem *item = g_ptr_array_index (current->items, i);

      if (g_strcmp0 (item->id, item_id) == 0)
        return item->label;
    }

  return item_id;
}

/* Evidence declared but gone (@removed), or there now but not declared */
static void
report_unpaired (GPtrArray                      *problems,
                 GPtrArray                      *evidence,
                 const gboolean                 *paired,
                 const TenkenDeclarationContent *declared,
                 const TenkenDeclarationContent *current,
                 gboolean                        removed)
{
  for (guint i = 0; i < evidence->len; i++)
    {
      const TenkenDeclarationEvidence *e = g_ptr_array_index (evidence, i);
      g_autofree char *description = NULL;

      if (paired[i])
        continue;

      description = describe_evidence (e);
      if (removed)
        add_problem (problems, _("%s: evidence %s was removed"),
                     label_for (declared, current, e->item_id), description);
      else
        add_problem (problems, _("%s: evidence %s was added after the declaration"),
                     label_for (declared, current, e->item_id), description);
    }
}

/* "S(1)-1.1, S(2)-1.1": every item the evidence at @index of @current
 * is linked to, in catalog order */
static char *
labels_using_evidence (const TenkenDeclarationContent *declared,
                       const TenkenDeclarationContent *current,
                       guint                           index)
{
  const TenkenDeclarationEvidence *evidence = g_ptr_array_index (current->evidence, index);
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint k = index; k < current->evidence->len; k++)
    {
      const TenkenDeclarationEvidence *other = g_ptr_array_index (current->evidence, k);

      if (other->id != evidence->id)
        continue;
      if (labels->len > 0)
        /* Translators: between item labels, "S(1)-1.1, S(2)-1.1" */
        g_string_append (labels, _(", "));
      g_string_append (labels, label_for (declared, current, other->item_id));
    }

  return g_string_free (g_steal_pointer (&labels), FALSE);
}

/* SHA-256 of what the document actually stores for @evidence_id */
static char *
hash_stored_evidence (TenkenDocument  *document,
                      gint64           evidence_id,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (64 * 1024);

  stream = tenken_document_open_evidence (document, evidence_id, error);
  if (stream == NULL)
    return NULL;

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, 64 * 1024, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
compare_evidence (const TenkenDeclarationContent  *declared,
                  const TenkenDeclarationContent  *current,
                  TenkenDocument                  *document,
                  GPtrArray                       *problems,
                  GCancellable                    *cancellable,
                  GError                         **error)
{
  g_autofree gboolean *then_done = g_new0 (gboolean, declared->evidence->len + 1);
  g_autofree gboolean *now_done = g_new0 (gboolean, current->evidence->len + 1);
  g_autoptr(GHashTable) hashed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  /* Unchanged evidence first, so that a renamed or replaced file is not
   * paired with the wrong one */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < declared->evidence->len; i++)
      {
        const TenkenDeclarationEvidence *then = g_ptr_array_index (declared->evidence, i);

        if (then_done[i])
          continue;

        for (guint j = 0; j < current->evidence->len; j++)
          {
            const TenkenDeclarationEvidence *now = g_ptr_array_index (current->evidence, j);

            if (now_done[j] || !same_evidence (then, now, pass == 1))
              continue;

            then_done[i] = now_done[j] = TRUE;
            if (pass == 1)
              {
                const char *label = label_for (declared, current, then->item_id);

                if (then->kind == TENKEN_EVIDENCE_FILE)
                  {
                    g_autofree char *was = short_hash (then->sha256);
                    g_autofree char *is = short_hash (now->sha256);

                    add_problem (problems, _("%s: evidence “%s” changed: its SHA-256 is now %s, declared %s"),
                                 label, then->name, is, was);
                  }
                else
                  add_problem (problems, _("%s: evidence “%s” changed: it now links to %s, declared %s"),
                               label, then->name, or_none (now->url), or_none (then->url));
              }
            break;
          }
      }

  report_unpaired (problems, declared->evidence, then_done, declared, current, TRUE);
  report_unpaired (problems, current->evidence, now_done, declared, current, FALSE);

  /* What the document holds must still be what its hash says: a blob
   * changed behind Tenken's back keeps its old recorded hash. Evidence
   * linked to several items is listed once per item: hash it once, and
   * name every item in one line. */
  for (guint j = 0; j < current->evidence->len; j++)
    {
      const TenkenDeclarationEvidence *now = g_ptr_array_index (current->evidence, j);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *actual = NULL;
      g_autofree char *labels = NULL;
      g_autofree char *was = NULL;
      g_autofree char *is = NULL;

      if (now->kind != TENKEN_EVIDENCE_FILE || g_hash_table_contains (hashed, &now->id))
        continue;

      actual = hash_stored_evidence (document, now->id, cancellable, &local_error);
      if (actual == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_hash_table_insert (hashed, g_memdup2 (&now->id, sizeof now->id), g_strdup (actual));
      if (g_strcmp0 (actual, now->sha256) == 0)
        continue;

      labels = labels_using_evidence (declared, current, j);
      if (actual == NULL)
        {
          add_problem (problems, _("%s: evidence “%s” could not be read: %s"),
                       labels, now->name, local_error->message);
          continue;
        }

      was = short_hash (now->sha256);
      is = short_hash (actual);
      add_problem (problems, _("%s: the stored content of evidence “%s” was altered: it should hash to %s, it hashes to %s"),
                   labels, now->name, was, is);
    }

  return TRUE;
}

static gboolean
compare_with_document (const TenkenDeclarationContent  *declared,
                       TenkenDocument                  *document,
                       GPtrArray                       *problems,
                       GCancellable                    *cancellable,
                       GError                         **error)
{
  g_autoptr(TenkenDeclarationContent) current = content_from_document (document, NULL, NULL);

  if (!compare_catalog (declared, current, problems))
    return TRUE;

  compare_scope (declared, current, problems);
  compare_items (declared, current, problems);

  return compare_evidence (declared, current, document, problems, cancellable, error);
}

/* Public API */

gboolean
tenken_declaration_verify (GFile         *xml,
                           TenkenDocument *document,
                           GPtrArray     *problems,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(TenkenDeclarationContent) declared = NULL;
  g_autoptr(TenkenXmlString) declared_digest = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *digest = NULL;
  xmlNode *root;
  xmlNode *content;
  guint n_before;

  g_return_val_if_fail (G_IS_FILE (xml), FALSE);
  g_return_val_if_fail (document == NULL || TENKEN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (problems == NULL)
    problems = own_problems = g_ptr_array_new_with_free_func (g_free);
  n_before = problems->len;

  display_name = g_file_get_parse_name (xml);

  if (!(bytes = read_declaration (xml, display_name, cancellable, error)))
    return FALSE;
  if (!(doc = parse_declaration (bytes, display_name, error)))
    return FALSE;
  if (!validate_declaration (doc, display_name, error))
    return FALSE;

  /* The schema guarantees both elements */
  root = xmlDocGetRootElement (doc);
  content = child_element (root, "content");
  declared_digest = xmlNodeGetContent (child_element (root, "digest"));

  if (!(digest = compute_digest (doc, content)))
    {
      g_set_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_MALFORMED,
                   _("%s: The declaration’s content could not be canonicalized"), display_name);
      return FALSE;
    }

  if (g_strcmp0 (digest, (const char *) declared_digest) != 0)
    add_problem (problems,
                 _("The declaration was altered after it was signed: its content does not match its digest %s"),
                 (const char *) declared_digest);

  declared = content_from_xml (content);

  if (document != NULL &&
      !compare_with_document (declared, document, problems, cancellable, error))
    return FALSE;

  return problems->len == n_before;
}

/* Writing */

static GBytes *
serialize (xmlDoc   *doc,
           gboolean  format)
{
  xmlChar *memory = NULL;
  int size = 0;
  GBytes *bytes;

  xmlDocDumpFormatMemoryEnc (doc, &memory, &size, "UTF-8", format ? 1 : 0);
  if (memory == NULL)
    return NULL;

  bytes = g_bytes_new (memory, size);
  xmlFree (memory);

  return bytes;
}

/* On the caller's thread: everything that reads the document */
static TenkenDeclarationContent *
prepare (TenkenDocument         *document,
         const TenkenDeclarant  *declarant,
         TenkenTranslation     **out_translation,
         GError                **error)
{
  g_autoptr(TenkenTranslation) translation = NULL;
  g_autoptr(TenkenDeclarationContent) content = NULL;

  if (!check_declarant (declarant, error))
    return NULL;

  if (!(translation = tenken_translation_new (declarant->lang != NULL ? declarant->lang : "en", error)))
    return NULL;

  content = content_from_document (document, declarant, translation);
  if (content->scope_organisation == NULL || content->scope_service == NULL)
    {
      g_set_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_INVALID,
                   _("The assessment’s scope names no organisation or no service. Fill in the scope first"));
      return NULL;
    }

  *out_translation = g_steal_pointer (&translation);
  return g_steal_pointer (&content);
}

/* On any thread: the XML and its digest (set on @content); returns the
 * bytes to write */
static GBytes *
build_xml (TenkenDeclarationContent  *content,
           const char                *display_name,
           GError                   **error)
{
  g_autoptr(xmlDoc) built = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GBytes) formatted = NULL;
  g_autofree char *digest = NULL;
  xmlNode *root;

  /* The digest is computed on the output as a reader will parse it,
   * indentation included, so that verification sees the same tree. */
  built = content_to_xml (content);
  formatted = serialize (built, TRUE);
  if (formatted == NULL || !(doc = parse_declaration (formatted, display_name, error)))
    {
      g_prefix_error (error, _("Internal error, please report it: "));
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  digest = compute_digest (doc, child_element (root, "content"));
  if (digest == NULL)
    {
      g_set_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_IO,
                   _("The declaration’s content could not be canonicalized"));
      return NULL;
    }
  xmlNodeSetContent (child_element (root, "digest"), BAD_CAST digest);
  g_free (content->digest);
  content->digest = g_steal_pointer (&digest);

  /* Whitespace nodes from the re-parse keep the indentation */
  return serialize (doc, FALSE);
}

/* On any thread: the XML, its digest, the PDF, and both files. Sets
 * @content's digest. */
static gboolean
write_content (TenkenDeclarationContent  *content,
               TenkenTranslation         *translation,
               GFile                     *xml_out,
               GFile                     *pdf_out,
               GCancellable              *cancellable,
               GError                   **error)
{
  g_autoptr(GBytes) final = NULL;
  g_autoptr(TenkenOutput) xml_output = NULL;
  g_autoptr(TenkenOutput) pdf_output = NULL;
  g_autofree char *display_name = g_file_get_parse_name (xml_out);
  gconstpointer data;
  gsize size;

  if (!(final = build_xml (content, display_name, error)))
    return FALSE;
  data = g_bytes_get_data (final, &size);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Both files are written in full before either replaces its destination */
  if (!(pdf_output = tenken_output_new (pdf_out, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_IO, error)) ||
      !(xml_output = tenken_output_new (xml_out, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_IO, error)))
    return FALSE;

  return tenken_declaration_write_pdf (content, translation, pdf_output,
                                       cancellable, error) &&
         tenken_output_write (xml_output, data, size, error) &&
         tenken_output_commit (pdf_output, error) &&
         tenken_output_commit (xml_output, error);
}

TenkenDeclarationContent *
tenken_declaration_build_content (TenkenDocument         *document,
                                  const TenkenDeclarant  *declarant,
                                  TenkenTranslation     **out_translation,
                                  GError                **error)
{
  g_autoptr(TenkenTranslation) translation = NULL;
  g_autoptr(TenkenDeclarationContent) content = NULL;
  g_autoptr(GBytes) xml = NULL;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (declarant != NULL, NULL);
  g_return_val_if_fail (out_translation != NULL, NULL);

  if (!(content = prepare (document, declarant, &translation, error)) ||
      !(xml = build_xml (content, "declaration.xml", error)))
    return NULL;

  *out_translation = g_steal_pointer (&translation);
  return g_steal_pointer (&content);
}

gboolean
tenken_declaration_write (TenkenDocument         *document,
                          const TenkenDeclarant  *declarant,
                          GFile                  *xml_out,
                          GFile                  *pdf_out,
                          char                  **out_digest,
                          GCancellable           *cancellable,
                          GError                **error)
{
  g_autoptr(TenkenTranslation) translation = NULL;
  g_autoptr(TenkenDeclarationContent) content = NULL;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (declarant != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (xml_out), FALSE);
  g_return_val_if_fail (G_IS_FILE (pdf_out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(content = prepare (document, declarant, &translation, error)) ||
      !write_content (content, translation, xml_out, pdf_out, cancellable, error))
    return FALSE;

  if (out_digest != NULL)
    *out_digest = g_steal_pointer (&content->digest);

  return TRUE;
}

typedef struct
{
  TenkenDeclarationContent *content;
  TenkenTranslation        *translation;
  GFile                    *xml_out;
  GFile                    *pdf_out;
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  tenken_declaration_content_free (job->content);
  g_clear_object (&job->translation);
  g_clear_object (&job->xml_out);
  g_clear_object (&job->pdf_out);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (write_content (job->content, job->translation, job->xml_out, job->pdf_out, cancellable, &error))
    g_task_return_pointer (task, g_steal_pointer (&job->content->digest), g_free);
  else
    g_task_return_error (task, error);
}

/* The document is read at once, on the calling thread (its models are not
 * thread-safe); only the rendering and writing run in the worker. */
void
tenken_declaration_write_async (TenkenDocument        *document,
                                const TenkenDeclarant *declarant,
                                GFile                 *xml_out,
                                GFile                 *pdf_out,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(TenkenTranslation) translation = NULL;
  g_autoptr(GError) error = NULL;
  WriteJob *job;
  TenkenDeclarationContent *content;

  g_return_if_fail (TENKEN_IS_DOCUMENT (document));
  g_return_if_fail (declarant != NULL);
  g_return_if_fail (G_IS_FILE (xml_out));
  g_return_if_fail (G_IS_FILE (pdf_out));

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, tenken_declaration_write_async);

  if (!(content = prepare (document, declarant, &translation, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (WriteJob, 1);
  job->content = content;
  job->translation = g_steal_pointer (&translation);
  job->xml_out = g_object_ref (xml_out);
  job->pdf_out = g_object_ref (pdf_out);
  g_task_set_task_data (task, job, write_job_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
tenken_declaration_write_finish (TenkenDocument  *document,
                                 GAsyncResult    *result,
                                 char           **out_digest,
                                 GError         **error)
{
  g_autofree char *digest = NULL;

  g_return_val_if_fail (g_task_is_valid (result, document), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tenken_declaration_write_async, FALSE);

  if (!(digest = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;

  if (out_digest != NULL)
    *out_digest = g_steal_pointer (&digest);

  return TRUE;
}
