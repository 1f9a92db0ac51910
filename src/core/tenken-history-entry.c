/* tenken-history-entry.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-history-entry"

#include "config.h"

#include "tenken-evidence-private.h"

struct _TenkenHistoryEntry
{
  GObject    parent_instance;

  gint64     id;
  GDateTime *timestamp;
  char      *author;
  char      *item_id;
  char      *field;
  char      *old_value;
  char      *new_value;
};

G_DEFINE_FINAL_TYPE (TenkenHistoryEntry, tenken_history_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TIMESTAMP,
  PROP_AUTHOR,
  PROP_ITEM_ID,
  PROP_FIELD,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tenken_history_entry_finalize (GObject *object)
{
  TenkenHistoryEntry *self = (TenkenHistoryEntry *)object;

  g_clear_pointer (&self->timestamp, g_date_time_unref);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->item_id, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->old_value, g_free);
  g_clear_pointer (&self->new_value, g_free);

  G_OBJECT_CLASS (tenken_history_entry_parent_class)->finalize (object);
}

static void
tenken_history_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TenkenHistoryEntry *self = TENKEN_HISTORY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:        g_value_set_int64 (value, self->id); break;
    case PROP_TIMESTAMP: g_value_set_boxed (value, self->timestamp); break;
    case PROP_AUTHOR:    g_value_set_string (value, self->author); break;
    case PROP_ITEM_ID:   g_value_set_string (value, self->item_id); break;
    case PROP_FIELD:     g_value_set_string (value, self->field); break;
    case PROP_OLD_VALUE: g_value_set_string (value, self->old_value); break;
    case PROP_NEW_VALUE: g_value_set_string (value, self->new_value); break;
    default:             G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_history_entry_class_init (TenkenHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tenken_history_entry_finalize;
  object_class->get_property = tenken_history_entry_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TIMESTAMP] = g_param_spec_boxed ("timestamp", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, ro);
  properties[PROP_ITEM_ID] = g_param_spec_string ("item-id", NULL, NULL, NULL, ro);
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, ro);
  properties[PROP_OLD_VALUE] = g_param_spec_string ("old-value", NULL, NULL, NULL, ro);
  properties[PROP_NEW_VALUE] = g_param_spec_string ("new-value", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenken_history_entry_init (TenkenHistoryEntry *self)
{
}

TenkenHistoryEntry *
tenken_history_entry_new (gint64      id,
                          GDateTime  *timestamp,
                          const char *author,
                          const char *item_id,
                          const char *field,
                          const char *old_value,
                          const char *new_value)
{
  TenkenHistoryEntry *self = g_object_new (TENKEN_TYPE_HISTORY_ENTRY, NULL);

  self->id = id;
  self->timestamp = timestamp ? g_date_time_ref (timestamp) : NULL;
  self->author = g_strdup (author);
  self->item_id = g_strdup (item_id);
  self->field = g_strdup (field);
  self->old_value = g_strdup (old_value);
  self->new_value = g_strdup (new_value);

  return self;
}

gint64
tenken_history_entry_get_id (TenkenHistoryEntry *self)
{
  g_return_val_if_fail (TENKEN_IS_HISTORY_ENTRY (self), 0);
  return self->id;
}

GDateTime *
tenken_history_entry_get_timestamp (TenkenHistoryEntry *self)
{
  g_return_val_if_fail (TENKEN_IS_HISTORY_ENTRY (self), NULL);
  return self->timestamp;
}

const char *
tenken_history_entry_get_author (TenkenHistoryEntry *self)
{
  g_return_val_if_fail (TENKEN_IS_HISTORY_ENTRY (self), NULL);
  return self->author;
}

const char *
tenken_history_entry_get_item_id (TenkenHistoryEntry *self)
{
  g_return_val_if_fail (TENKEN_IS_HISTORY_ENTRY (self), NULL);
  return self->item_id;
}

const char *
tenken_history_entry_get_field (TenkenHistoryEntry *self)
{
  g_return_val_if_fail (TENKEN_IS_HISTORY_ENTRY (self), NULL);
  return self->field;
}

const char *
tenken_history_entry_get_old_value (TenkenHistoryEntry *self)
{
  g_return_val_if_fail (TENKEN_IS_HISTORY_ENTRY (self), NULL);
  return self->old_value;
}

const char *
tenken_history_entry_get_new_value (TenkenHistoryEntry *self)
{
  g_return_val_if_fail (TENKEN_IS_HISTORY_ENTRY (self), NULL);
  return self->new_value;
}

const char *
tenken_history_entry_get_evidence_name (TenkenHistoryEntry *self)
{
  g_return_val_if_fail (TENKEN_IS_HISTORY_ENTRY (self), NULL);

  if (self->field == NULL || !g_str_has_prefix (self->field, "evidence."))
    return NULL;

  /* What went away is recorded as the old value */
  return self->new_value != NULL ? self->new_value : self->old_value;
}
