/* tenken-due-entry.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-due-entry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tenken-due-entry.h"

struct _TenkenDueEntry
{
  GObject         parent_instance;

  TenkenResponse *response;
  char           *date;
  TenkenDueKind   kind;
  int             days;
};

G_DEFINE_FINAL_TYPE (TenkenDueEntry, tenken_due_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RESPONSE,
  PROP_DATE,
  PROP_KIND,
  PROP_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tenken_due_entry_finalize (GObject *object)
{
  TenkenDueEntry *self = TENKEN_DUE_ENTRY (object);

  g_clear_object (&self->response);
  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (tenken_due_entry_parent_class)->finalize (object);
}

static void
tenken_due_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TenkenDueEntry *self = TENKEN_DUE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_RESPONSE:
      g_value_set_object (value, self->response);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_KIND:
      /* Plain int: the enum is too small to be worth a registered GType */
      g_value_set_int (value, self->kind);
      break;

    case PROP_DAYS:
      g_value_set_int (value, self->days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_due_entry_class_init (TenkenDueEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenken_due_entry_finalize;
  object_class->get_property = tenken_due_entry_get_property;

  properties[PROP_RESPONSE] =
    g_param_spec_object ("response", NULL, NULL,
                         TENKEN_TYPE_RESPONSE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      TENKEN_DUE_KIND_DUE, TENKEN_DUE_KIND_TARGET, TENKEN_DUE_KIND_DUE,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAYS] =
    g_param_spec_int ("days", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenken_due_entry_init (TenkenDueEntry *self)
{
}

TenkenDueEntry *
tenken_due_entry_new (TenkenResponse *response,
                      const char     *date,
                      TenkenDueKind   kind,
                      int             days)
{
  TenkenDueEntry *self;

  g_return_val_if_fail (TENKEN_IS_RESPONSE (response), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  self = g_object_new (TENKEN_TYPE_DUE_ENTRY, NULL);
  self->response = g_object_ref (response);
  self->date = g_strdup (date);
  self->kind = kind;
  self->days = days;

  return self;
}

TenkenResponse *
tenken_due_entry_get_response (TenkenDueEntry *self)
{
  g_return_val_if_fail (TENKEN_IS_DUE_ENTRY (self), NULL);

  return self->response;
}

const char *
tenken_due_entry_get_item_id (TenkenDueEntry *self)
{
  TenkenCatalogItem *item;

  g_return_val_if_fail (TENKEN_IS_DUE_ENTRY (self), NULL);

  item = tenken_response_get_item (self->response);
  return item != NULL ? tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (item)) : NULL;
}

const char *
tenken_due_entry_get_date (TenkenDueEntry *self)
{
  g_return_val_if_fail (TENKEN_IS_DUE_ENTRY (self), NULL);

  return self->date;
}

TenkenDueKind
tenken_due_entry_get_kind (TenkenDueEntry *self)
{
  g_return_val_if_fail (TENKEN_IS_DUE_ENTRY (self), TENKEN_DUE_KIND_DUE);

  return self->kind;
}

int
tenken_due_entry_get_days (TenkenDueEntry *self)
{
  g_return_val_if_fail (TENKEN_IS_DUE_ENTRY (self), 0);

  return self->days;
}

char *
tenken_due_entry_describe (TenkenDueEntry *self)
{
  int n;

  g_return_val_if_fail (TENKEN_IS_DUE_ENTRY (self), NULL);

  n = ABS (self->days);

  if (self->kind == TENKEN_DUE_KIND_DUE)
    {
      if (self->days == 0)
        return g_strdup (_("Due today"));
      if (self->days > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due in %d day", "Due in %d days", n), n);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", n), n);
    }

  if (self->days == 0)
    return g_strdup (_("Target date today"));
  if (self->days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Target date in %d day",
                                         "Target date in %d days", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Target date passed %d day ago",
                                       "Target date passed %d days ago", n), n);
}
