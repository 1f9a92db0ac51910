/* tenken-catalog.c: loading an OSCAL catalog
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-catalog"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tenken-autocleanups.h"
#include "tenken-catalog.h"
#include "tenken-catalog-private.h"

struct _TenkenCatalog
{
  GObject            parent_instance;

  TenkenCatalogData *data;
  GBytes            *bytes;
  char              *sha256;
  GFile             *file;

  char              *id;
  /* uuid points into data->doc */
  const char        *uuid;
  char              *title;
  char              *version;
  char              *last_modified;
  char              *oscal_version;
  char              *remarks;
  const xmlNode     *metadata;

  TenkenCatalogList *groups;
  TenkenCatalogList *items;
  /* id → TenkenCatalogNode, label → TenkenCatalogItem; not references */
  GHashTable        *nodes;
  GHashTable        *labels;
  TenkenRoles        roles;
};

G_DEFINE_FINAL_TYPE (TenkenCatalog, tenken_catalog, G_TYPE_OBJECT)
G_DEFINE_QUARK (tenken-catalog-error-quark, tenken_catalog_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tenken_catalog_finalize (GObject *object)
{
  TenkenCatalog *self = (TenkenCatalog *) object;

  g_clear_pointer (&self->nodes, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_object (&self->groups);
  g_clear_object (&self->items);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->last_modified, g_free);
  g_clear_pointer (&self->oscal_version, g_free);
  g_clear_pointer (&self->remarks, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->data, tenken_catalog_data_unref);

  G_OBJECT_CLASS (tenken_catalog_parent_class)->finalize (object);
}

static void
tenken_catalog_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TenkenCatalog *self = TENKEN_CATALOG (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_catalog_class_init (TenkenCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenken_catalog_finalize;
  object_class->get_property = tenken_catalog_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenken_catalog_init (TenkenCatalog *self)
{
  self->groups = tenken_catalog_list_new (TENKEN_TYPE_CATALOG_GROUP);
  self->items = tenken_catalog_list_new (TENKEN_TYPE_CATALOG_ITEM);
  self->nodes = g_hash_table_new (g_str_hash, g_str_equal);
  self->labels = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Loading */

typedef struct
{
  TenkenCatalog      *catalog;
  const char         *display_name;
  /* Every id in the document (groups, controls, params, parts) */
  GHashTable         *ids;
  /* All controls, depth-first in document order */
  GPtrArray          *items;
  /* Top-level controls of a catalog with some, in one synthetic group */
  TenkenCatalogGroup *loose_group;
  GPtrArray          *loose_items;
  GError             *error;
} Loader;

G_GNUC_PRINTF (4, 5)
static gboolean
loader_fail (Loader             *loader,
             TenkenCatalogError  code,
             const xmlNode      *where,
             const char         *format,
             ...)
{
  g_autofree char *reason = NULL;
  va_list args;
  long line = where != NULL ? xmlGetLineNo (where) : -1;

  if (loader->error != NULL)
    return FALSE;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    loader->error = g_error_new (TENKEN_CATALOG_ERROR, code, _("%s:%d: %s"),
                                 loader->display_name, (int) line, reason);
  else
    loader->error = g_error_new (TENKEN_CATALOG_ERROR, code, _("%s: %s"),
                                 loader->display_name, reason);

  return FALSE;
}

static const xmlNode *
first_child (const xmlNode *node,
             const char    *name)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    if (tenken_xml_is_oscal (child, name))
      return child;

  return NULL;
}

static char *
child_text (Loader        *loader,
            const xmlNode *node,
            const char    *name)
{
  const xmlNode *child = first_child (node, name);

  if (child == NULL)
    return NULL;

  return g_strstrip (tenken_catalog_data_render_line (loader->catalog->data, child));
}

/* First pass: ids must be unique, and params must be known before any
 * title that inserts one is rendered. */
static gboolean
collect_ids (Loader        *loader,
             const xmlNode *node)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *id;
      gboolean is_param;

      if (!tenken_xml_is_oscal (child, NULL))
        continue;

      is_param = g_str_equal ((const char *) child->name, "param");
      if (!is_param &&
          !g_str_equal ((const char *) child->name, "group") &&
          !g_str_equal ((const char *) child->name, "control") &&
          !g_str_equal ((const char *) child->name, "part"))
        continue;

      id = tenken_xml_get_attr (child, "id");
      if (id != NULL)
        {
          const xmlNode *other = g_hash_table_lookup (loader->ids, id);

          if (other != NULL)
            return loader_fail (loader, TENKEN_CATALOG_ERROR_INVALID, child,
                                _("The id “%s” is used twice (first on line %ld); ids must be unique"),
                                id, xmlGetLineNo (other));

          g_hash_table_insert (loader->ids, (gpointer) id, (gpointer) child);
          if (is_param)
            g_hash_table_insert (loader->catalog->data->params, (gpointer) id, (gpointer) child);
        }

      if (!is_param && !collect_ids (loader, child))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_roles (Loader        *loader,
            const xmlNode *node,
            TenkenRoles   *out_roles)
{
  TenkenRoles roles = 0;

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      const char *value;
      TenkenRoles role = 0;

      if (!tenken_xml_is_oscal (child, "prop") ||
          g_strcmp0 (tenken_xml_get_attr (child, "name"), "role") != 0 ||
          g_strcmp0 (tenken_xml_get_attr (child, "ns"), TENKEN_OSCAL_NS) != 0)
        continue;

      value = tenken_xml_get_attr (child, "value");
      if (value == NULL || !tenken_roles_from_string (value, &role))
        return loader_fail (loader, TENKEN_CATALOG_ERROR_INVALID, child,
                            _("Unknown role “%s”; known roles are developer, supplier, "
                              "operator, customer, cloud-service-provider and assessor"),
                            value != NULL ? value : "");
      roles |= role;
    }

  *out_roles = roles;
  return TRUE;
}

static TenkenCatalogPart *
build_part (Loader        *loader,
            const xmlNode *node)
{
  TenkenCatalogPart *part;

  if (tenken_xml_get_attr (node, "name") == NULL)
    {
      loader_fail (loader, TENKEN_CATALOG_ERROR_INVALID, node, _("A part has no name"));
      return NULL;
    }

  part = tenken_catalog_part_new (loader->catalog->data, node, child_text (loader, node, "title"));

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autoptr(TenkenCatalogPart) sub = NULL;

      if (!tenken_xml_is_oscal (child, "part"))
        continue;

      sub = build_part (loader, child);
      if (sub == NULL)
        {
          g_object_unref (part);
          return NULL;
        }
      tenken_catalog_part_append (part, sub);
    }

  return part;
}

static gboolean build_children (Loader             *loader,
                                const xmlNode      *node,
                                TenkenCatalogNode  *parent,
                                TenkenCatalogGroup *category,
                                TenkenRoles         inherited_roles);

/* Shared by groups and controls: id, title, parts, roles, children */
static gboolean
build_node (Loader             *loader,
            TenkenCatalogNode  *self,
            const xmlNode      *node,
            TenkenCatalogNode  *parent,
            TenkenCatalogGroup *category,
            TenkenRoles         inherited_roles,
            TenkenRoles        *out_roles)
{
  const char *id = tenken_xml_get_attr (node, "id");
  const char *kind = (const char *) node->name;
  char *title = child_text (loader, node, "title");
  TenkenRoles roles = 0;

  if (title == NULL)
    {
      if (id != NULL)
        return loader_fail (loader, TENKEN_CATALOG_ERROR_INVALID, node,
                            _("The %s “%s” has no title"), kind, id);
      else
        return loader_fail (loader, TENKEN_CATALOG_ERROR_INVALID, node,
                            _("A %s has no title"), kind);
    }

  tenken_catalog_node_setup (self, loader->catalog->data, node, id, title, parent);

  if (!read_roles (loader, node, &roles))
    return FALSE;
  tenken_catalog_node_set_own_roles (self, roles);
  /* An enhancement without roles of its own is for whoever its control is for */
  *out_roles = roles != 0 ? roles : inherited_roles;
  loader->catalog->roles |= roles;

  if (id != NULL)
    g_hash_table_insert (loader->catalog->nodes, (gpointer) id, self);

  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autoptr(TenkenCatalogPart) part = NULL;

      if (!tenken_xml_is_oscal (child, "part"))
        continue;

      part = build_part (loader, child);
      if (part == NULL)
        return FALSE;
      tenken_catalog_node_append_part (self, part);
    }

  return TRUE;
}

static gboolean
build_control (Loader             *loader,
               const xmlNode      *node,
               TenkenCatalogNode  *parent,
               TenkenCatalogGroup *category,
               TenkenRoles         inherited_roles)
{
  g_autoptr(TenkenCatalogItem) item = tenken_catalog_item_new ();
  TenkenRoles roles = 0;
  const char *label;

  if (tenken_xml_get_attr (node, "id") == NULL)
    return loader_fail (loader, TENKEN_CATALOG_ERROR_INVALID, node, _("A control has no id"));

  if (!build_node (loader, TENKEN_CATALOG_NODE (item), node, parent, category,
                   inherited_roles, &roles))
    return FALSE;

  tenken_catalog_item_set_position (item, category, loader->items->len, roles);
  g_ptr_array_add (loader->items, g_object_ref (item));
  tenken_catalog_node_append_child (parent, TENKEN_CATALOG_NODE (item));

  label = tenken_catalog_node_get_label (TENKEN_CATALOG_NODE (item));
  if (!g_hash_table_contains (loader->catalog->labels, label))
    g_hash_table_insert (loader->catalog->labels, (gpointer) label, item);

  return build_children (loader, node, TENKEN_CATALOG_NODE (item), category, roles);
}

static gboolean
build_group (Loader             *loader,
             const xmlNode      *node,
             TenkenCatalogNode  *parent,
             TenkenCatalogGroup *category,
             TenkenRoles         inherited_roles)
{
  g_autoptr(TenkenCatalogGroup) group = tenken_catalog_group_new ();
  g_autoptr(GPtrArray) items = NULL;
  TenkenRoles roles = 0;
  guint first_item = loader->items->len;

  if (category == NULL)
    category = group;

  if (!build_node (loader, TENKEN_CATALOG_NODE (group), node, parent, category,
                   inherited_roles, &roles))
    return FALSE;

  if (parent != NULL)
    tenken_catalog_node_append_child (parent, TENKEN_CATALOG_NODE (group));
  else
    tenken_catalog_list_append (loader->catalog->groups, group);

  if (!build_children (loader, node, TENKEN_CATALOG_NODE (group), category, roles))
    return FALSE;

  items = g_ptr_array_new ();
  for (guint i = first_item; i < loader->items->len; i++)
    g_ptr_array_add (items, g_ptr_array_index (loader->items, i));
  tenken_catalog_group_set_items (group, items);

  return TRUE;
}

static gboolean
build_children (Loader             *loader,
                const xmlNode      *node,
                TenkenCatalogNode  *parent,
                TenkenCatalogGroup *category,
                TenkenRoles         inherited_roles)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (tenken_xml_is_oscal (child, "group"))
        {
          if (!build_group (loader, child, parent, category, inherited_roles))
            return FALSE;
        }
      else if (tenken_xml_is_oscal (child, "control"))
        {
          if (parent == NULL)
            {
              guint first_item = loader->items->len;

              /* OSCAL allows controls outside any group; we show them in one */
              if (loader->loose_group == NULL)
                {
                  loader->loose_group = tenken_catalog_group_new ();
                  tenken_catalog_node_setup (TENKEN_CATALOG_NODE (loader->loose_group),
                                             loader->catalog->data, NULL, NULL,
                                             g_strdup (_("Controls")), NULL);
                  tenken_catalog_list_append (loader->catalog->groups, loader->loose_group);
                  loader->loose_items = g_ptr_array_new ();
                }

              if (!build_control (loader, child, TENKEN_CATALOG_NODE (loader->loose_group),
                                  loader->loose_group, inherited_roles))
                return FALSE;

              for (guint i = first_item; i < loader->items->len; i++)
                g_ptr_array_add (loader->loose_items, g_ptr_array_index (loader->items, i));
            }
          else if (!build_control (loader, child, parent, category, inherited_roles))
            {
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
load_metadata (Loader        *loader,
               const xmlNode *root)
{
  TenkenCatalog *self = loader->catalog;
  const xmlNode *remarks;

  self->metadata = first_child (root, "metadata");
  if (self->metadata == NULL)
    return loader_fail (loader, TENKEN_CATALOG_ERROR_INVALID, root,
                        _("The catalog has no metadata"));

  self->title = child_text (loader, self->metadata, "title");
  if (self->title == NULL || *self->title == '\0')
    return loader_fail (loader, TENKEN_CATALOG_ERROR_INVALID, self->metadata,
                        _("The catalog metadata has no title"));

  self->version = child_text (loader, self->metadata, "version");
  self->last_modified = child_text (loader, self->metadata, "last-modified");
  self->oscal_version = child_text (loader, self->metadata, "oscal-version");

  remarks = first_child (self->metadata, "remarks");
  if (remarks != NULL)
    self->remarks = tenken_catalog_data_render_multiline (self->data, remarks);

  return TRUE;
}

static gboolean
load_document (Loader      *loader,
               xmlDoc      *doc,
               const char  *fallback_id)
{
  TenkenCatalog *self = loader->catalog;
  const xmlNode *root = xmlDocGetRootElement (doc);
  const char *catalog_id;

  self->data = tenken_catalog_data_new (doc);

  if (root == NULL)
    return loader_fail (loader, TENKEN_CATALOG_ERROR_NOT_OSCAL, NULL,
                        _("The file has no root element"));

  if (!tenken_xml_is_oscal (root, "catalog"))
    {
      if (tenken_xml_is_oscal (root, NULL))
        return loader_fail (loader, TENKEN_CATALOG_ERROR_NOT_OSCAL, root,
                            _("This is an OSCAL “%s”, not a catalog"), root->name);
      else
        return loader_fail (loader, TENKEN_CATALOG_ERROR_NOT_OSCAL, root,
                            _("This is not an OSCAL catalog: the root element is “%s” in namespace “%s”, "
                              "expected “catalog” in namespace “%s”"),
                            root->name, root->ns != NULL ? (const char *) root->ns->href : "",
                            OSCAL_NS);
    }

  self->uuid = tenken_xml_get_attr (root, "uuid");
  if (self->uuid == NULL || *self->uuid == '\0')
    return loader_fail (loader, TENKEN_CATALOG_ERROR_INVALID, root,
                        _("The catalog has no uuid"));

  if (!collect_ids (loader, root) || !load_metadata (loader, root))
    return FALSE;

  catalog_id = tenken_xml_find_prop (self->metadata, TENKEN_OSCAL_NS, "catalog-id", FALSE);
  if (catalog_id != NULL && !tenken_catalog_id_is_valid (catalog_id))
    return loader_fail (loader, TENKEN_CATALOG_ERROR_INVALID, self->metadata,
                        _("The catalog-id “%s” may only use letters, digits, “.”, “_” and “-”"),
                        catalog_id);
  self->id = g_strdup (catalog_id != NULL ? catalog_id :
                       fallback_id != NULL ? fallback_id : self->uuid);

  if (!build_children (loader, root, NULL, NULL, 0))
    return FALSE;

  if (loader->loose_group != NULL)
    tenken_catalog_group_set_items (loader->loose_group, loader->loose_items);

  for (guint i = 0; i < loader->items->len; i++)
    tenken_catalog_list_append (self->items, g_ptr_array_index (loader->items, i));

  return TRUE;
}

TenkenCatalog *
tenken_catalog_new_full (GBytes      *xml,
                         const char  *display_name,
                         GFile       *file,
                         const char  *fallback_id,
                         GError     **error)
{
  g_autoptr(TenkenCatalog) self = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GPtrArray) items = NULL;
  Loader loader = { 0 };
  xmlDoc *doc;

  doc = tenken_catalog_parse_xml (xml, display_name, error);
  if (doc == NULL)
    return NULL;

  self = g_object_new (TENKEN_TYPE_CATALOG, NULL);
  self->bytes = g_bytes_ref (xml);
  self->file = file != NULL ? g_object_ref (file) : NULL;

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  loader.catalog = self;
  loader.display_name = display_name;
  loader.ids = ids;
  loader.items = items;

  if (!load_document (&loader, doc, fallback_id))
    {
      g_clear_object (&loader.loose_group);
      g_clear_pointer (&loader.loose_items, g_ptr_array_unref);
      g_propagate_error (error, loader.error);
      return NULL;
    }

  g_clear_object (&loader.loose_group);
  g_clear_pointer (&loader.loose_items, g_ptr_array_unref);

  return g_steal_pointer (&self);
}

TenkenCatalog *
tenken_catalog_new_from_bytes (GBytes      *xml,
                               const char  *display_name,
                               GError     **error)
{
  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return tenken_catalog_new_full (xml, display_name != NULL ? display_name : _("catalog"),
                                  NULL, NULL, error);
}

TenkenCatalog *
tenken_catalog_new_from_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TenkenCatalog) self = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = tenken_catalog_read_file (file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  display_name = g_file_get_parse_name (file);
  basename = g_file_get_basename (file);
  if (basename != NULL && g_str_has_suffix (basename, ".xml"))
    basename[strlen (basename) - strlen (".xml")] = '\0';

  self = tenken_catalog_new_full (bytes, display_name, file, basename, error);
  if (self == NULL)
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  TenkenCatalog *catalog = tenken_catalog_new_from_file (task_data, cancellable, &error);

  if (catalog != NULL)
    g_task_return_pointer (task, catalog, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
tenken_catalog_new_from_file_async (GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tenken_catalog_new_from_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

TenkenCatalog *
tenken_catalog_new_from_file_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tenken_catalog_new_from_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
tenken_catalog_set_file (TenkenCatalog *self,
                         GFile         *file)
{
  g_set_object (&self->file, file);
}

const char *
tenken_catalog_get_id (TenkenCatalog *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG (self), NULL);

  return self->id;
}

const char *
tenken_catalog_get_uuid (TenkenCatalog *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG (self), NULL);

  return self->uuid;
}

const char *
tenken_catalog_get_title (TenkenCatalog *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG (self), NULL);

  return self->title;
}

const char *
tenken_catalog_get_version (TenkenCatalog *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG (self), NULL);

  return self->version;
}

const char *
tenken_catalog_get_last_modified (TenkenCatalog *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG (self), NULL);

  return self->last_modified;
}

const char *
tenken_catalog_get_oscal_version (TenkenCatalog *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG (self), NULL);

  return self->oscal_version;
}

const char *
tenken_catalog_get_remarks (TenkenCatalog *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG (self), NULL);

  return self->remarks;
}

const char *
tenken_catalog_get_prop (TenkenCatalog *self,
                         const char    *ns,
                         const char    *name)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return tenken_xml_find_prop (self->metadata, ns, name, FALSE);
}

GFile *
tenken_catalog_get_file (TenkenCatalog *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG (self), NULL);

  return self->file;
}

GBytes *
tenken_catalog_get_bytes (TenkenCatalog *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG (self), NULL);

  return self->bytes;
}

const char *
tenken_catalog_get_sha256 (TenkenCatalog *self)
{
  char *sha256;

  g_return_val_if_fail (TENKEN_IS_CATALOG (self), NULL);

  /* Computed on first use: hashing costs as much as parsing, and most
   * catalogs loaded at start-up are only listed */
  sha256 = g_atomic_pointer_get (&self->sha256);
  if (sha256 != NULL)
    return sha256;

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, self->bytes);
  if (!g_atomic_pointer_compare_and_exchange (&self->sha256, NULL, sha256))
    {
      g_free (sha256);
      sha256 = g_atomic_pointer_get (&self->sha256);
    }

  return sha256;
}

GListModel *
tenken_catalog_get_groups (TenkenCatalog *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->groups);
}

GListModel *
tenken_catalog_get_items (TenkenCatalog *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->items);
}

TenkenCatalogItem *
tenken_catalog_lookup_item_by_label (TenkenCatalog *self,
                                     const char    *label)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG (self), NULL);

  if (label == NULL)
    return NULL;

  return g_hash_table_lookup (self->labels, label);
}

TenkenCatalogNode *
tenken_catalog_lookup_node (TenkenCatalog *self,
                            const char    *id)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->nodes, id);
}

TenkenRoles
tenken_catalog_get_roles (TenkenCatalog *self)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG (self), 0);

  return self->roles;
}
