/* tenken-response.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-response"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tenken-document.h"
#include "tenken-enum-types.h"
#include "tenken-response-private.h"
#include "tenken-value-private.h"

struct _TenkenResponse
{
  GObject            parent_instance;

  TenkenCatalogItem *item;
  TenkenStatus       status;
  char              *justification;
  char              *target_date;
  char              *statement;
  char              *owner;
  char              *due_date;
  GDateTime         *updated_at;
  char              *updated_by;
  guint              evidence_count;
  guint              flagged : 1;
};

G_DEFINE_FINAL_TYPE (TenkenResponse, tenken_response, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_STATUS,
  PROP_JUSTIFICATION,
  PROP_TARGET_DATE,
  PROP_STATEMENT,
  PROP_OWNER,
  PROP_DUE_DATE,
  PROP_FLAGGED,
  PROP_UPDATED_AT,
  PROP_UPDATED_BY,
  PROP_EVIDENCE_COUNT,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_overdue_today (TenkenResponse *self)
{
  g_autofree char *today = NULL;

  /* Without a date it cannot be overdue: skip asking the clock, which every
   * setter does twice (opening 1,200 answers spent 5 % of the start-up
   * there, bench/run with perf) */
  if (self->due_date == NULL && self->target_date == NULL)
    return FALSE;

  today = tenken_date_today ();
  return tenken_response_is_overdue (self, today);
}

static void
tenken_response_dispose (GObject *object)
{
  TenkenResponse *self = (TenkenResponse *)object;

  g_clear_object (&self->item);

  G_OBJECT_CLASS (tenken_response_parent_class)->dispose (object);
}

static void
tenken_response_finalize (GObject *object)
{
  TenkenResponse *self = (TenkenResponse *)object;

  g_clear_pointer (&self->justification, g_free);
  g_clear_pointer (&self->target_date, g_free);
  g_clear_pointer (&self->statement, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->updated_by, g_free);

  G_OBJECT_CLASS (tenken_response_parent_class)->finalize (object);
}

static void
tenken_response_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TenkenResponse *self = TENKEN_RESPONSE (object);

  switch (prop_id)
    {
    case PROP_ITEM:           g_value_set_object (value, self->item); break;
    case PROP_STATUS:         g_value_set_enum (value, self->status); break;
    case PROP_JUSTIFICATION:  g_value_set_string (value, self->justification); break;
    case PROP_TARGET_DATE:    g_value_set_string (value, self->target_date); break;
    case PROP_STATEMENT:      g_value_set_string (value, self->statement); break;
    case PROP_OWNER:          g_value_set_string (value, self->owner); break;
    case PROP_DUE_DATE:       g_value_set_string (value, self->due_date); break;
    case PROP_FLAGGED:        g_value_set_boolean (value, self->flagged); break;
    case PROP_UPDATED_AT:     g_value_set_boxed (value, self->updated_at); break;
    case PROP_UPDATED_BY:     g_value_set_string (value, self->updated_by); break;
    case PROP_EVIDENCE_COUNT: g_value_set_uint (value, self->evidence_count); break;
    case PROP_OVERDUE:        g_value_set_boolean (value, is_overdue_today (self)); break;
    default:                  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_response_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TenkenResponse *self = TENKEN_RESPONSE (object);

  switch (prop_id)
    {
    case PROP_ITEM:          self->item = g_value_dup_object (value); break;
    case PROP_STATUS:        tenken_response_set_status (self, g_value_get_enum (value)); break;
    case PROP_JUSTIFICATION: tenken_response_set_justification (self, g_value_get_string (value)); break;
    case PROP_TARGET_DATE:   tenken_response_set_target_date (self, g_value_get_string (value)); break;
    case PROP_STATEMENT:     tenken_response_set_statement (self, g_value_get_string (value)); break;
    case PROP_OWNER:         tenken_response_set_owner (self, g_value_get_string (value)); break;
    case PROP_DUE_DATE:      tenken_response_set_due_date (self, g_value_get_string (value)); break;
    case PROP_FLAGGED:       tenken_response_set_flagged (self, g_value_get_boolean (value)); break;
    default:                 G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_response_class_init (TenkenResponseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tenken_response_dispose;
  object_class->finalize = tenken_response_finalize;
  object_class->get_property = tenken_response_get_property;
  object_class->set_property = tenken_response_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, TENKEN_TYPE_CATALOG_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, TENKEN_TYPE_STATUS, TENKEN_STATUS_NOT_STARTED, rw);
  properties[PROP_JUSTIFICATION] =
    g_param_spec_string ("justification", NULL, NULL, NULL, rw);
  properties[PROP_TARGET_DATE] =
    g_param_spec_string ("target-date", NULL, NULL, NULL, rw);
  properties[PROP_STATEMENT] =
    g_param_spec_string ("statement", NULL, NULL, NULL, rw);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL, rw);
  properties[PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL, NULL, rw);
  properties[PROP_FLAGGED] =
    g_param_spec_boolean ("flagged", NULL, NULL, FALSE, rw);
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_UPDATED_BY] =
    g_param_spec_string ("updated-by", NULL, NULL, NULL, ro);
  properties[PROP_EVIDENCE_COUNT] =
    g_param_spec_uint ("evidence-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  /* Computed against today's date; notified when status or dates change */
  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenken_response_init (TenkenResponse *self)
{
  self->status = TENKEN_STATUS_NOT_STARTED;
}

TenkenResponse *
tenken_response_new (TenkenCatalogItem *item)
{
  g_return_val_if_fail (TENKEN_IS_CATALOG_ITEM (item), NULL);

  return g_object_new (TENKEN_TYPE_RESPONSE, "item", item, NULL);
}

TenkenResponse *
tenken_response_copy (TenkenResponse *self)
{
  TenkenResponse *copy;

  g_return_val_if_fail (TENKEN_IS_RESPONSE (self), NULL);

  copy = tenken_response_new (self->item);
  tenken_response_update_from (copy, self);
  tenken_response_set_updated (copy, self->updated_at, self->updated_by);
  copy->evidence_count = self->evidence_count;

  return copy;
}

TenkenCatalogItem *
tenken_response_get_item (TenkenResponse *self)
{
  g_return_val_if_fail (TENKEN_IS_RESPONSE (self), NULL);
  return self->item;
}

TenkenStatus
tenken_response_get_status (TenkenResponse *self)
{
  g_return_val_if_fail (TENKEN_IS_RESPONSE (self), TENKEN_STATUS_NOT_STARTED);
  return self->status;
}

/* Runs @change and notifies "overdue" only if the change flipped it */
#define WITH_OVERDUE_NOTIFY(self, change)                                     \
  G_STMT_START {                                                              \
    gboolean was_overdue_ = is_overdue_today (self);                          \
    change;                                                                   \
    if (was_overdue_ != is_overdue_today (self))                              \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);   \
  } G_STMT_END

void
tenken_response_set_status (TenkenResponse *self,
                            TenkenStatus    value)
{
  g_return_if_fail (TENKEN_IS_RESPONSE (self));
  g_return_if_fail ((guint) value < TENKEN_N_STATUSES);

  if (self->status == value)
    return;

  WITH_OVERDUE_NOTIFY (self, self->status = value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

#define RESPONSE_STRING_ACCESSORS(field, PROP, dated)                              \
  const char *                                                                     \
  tenken_response_get_##field (TenkenResponse *self)                               \
  {                                                                                \
    g_return_val_if_fail (TENKEN_IS_RESPONSE (self), NULL);                        \
    return self->field;                                                            \
  }                                                                                \
                                                                                   \
  void                                                                             \
  tenken_response_set_##field (TenkenResponse *self,                               \
                               const char     *value)                              \
  {                                                                                \
    gboolean changed = FALSE;                                                      \
                                                                                   \
    g_return_if_fail (TENKEN_IS_RESPONSE (self));                                  \
                                                                                   \
    if (dated)                                                                     \
      WITH_OVERDUE_NOTIFY (self, changed = tenken_value_set_string (&self->field, value)); \
    else                                                                           \
      changed = tenken_value_set_string (&self->field, value);                     \
                                                                                   \
    if (changed)                                                                   \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);                \
  }

RESPONSE_STRING_ACCESSORS (justification, PROP_JUSTIFICATION, FALSE)
RESPONSE_STRING_ACCESSORS (target_date, PROP_TARGET_DATE, TRUE)
RESPONSE_STRING_ACCESSORS (statement, PROP_STATEMENT, FALSE)
RESPONSE_STRING_ACCESSORS (owner, PROP_OWNER, FALSE)
RESPONSE_STRING_ACCESSORS (due_date, PROP_DUE_DATE, TRUE)

gboolean
tenken_response_get_flagged (TenkenResponse *self)
{
  g_return_val_if_fail (TENKEN_IS_RESPONSE (self), FALSE);
  return self->flagged;
}

void
tenken_response_set_flagged (TenkenResponse *self,
                             gboolean        value)
{
  g_return_if_fail (TENKEN_IS_RESPONSE (self));

  value = !!value;
  if (self->flagged != (guint) value)
    {
      self->flagged = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGGED]);
    }
}

GDateTime *
tenken_response_get_updated_at (TenkenResponse *self)
{
  g_return_val_if_fail (TENKEN_IS_RESPONSE (self), NULL);
  return self->updated_at;
}

const char *
tenken_response_get_updated_by (TenkenResponse *self)
{
  g_return_val_if_fail (TENKEN_IS_RESPONSE (self), NULL);
  return self->updated_by;
}

guint
tenken_response_get_evidence_count (TenkenResponse *self)
{
  g_return_val_if_fail (TENKEN_IS_RESPONSE (self), 0);
  return self->evidence_count;
}

gboolean
tenken_response_is_overdue (TenkenResponse *self,
                            const char     *today)
{
  g_return_val_if_fail (TENKEN_IS_RESPONSE (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (self->status == TENKEN_STATUS_IMPLEMENTED ||
      self->status == TENKEN_STATUS_NOT_APPLICABLE)
    return FALSE;

  /* ISO dates compare correctly as strings */
  return (self->due_date != NULL && strcmp (self->due_date, today) < 0) ||
         (self->target_date != NULL && strcmp (self->target_date, today) < 0);
}

const char *
tenken_response_get_next_date (TenkenResponse *self,
                               const char     *today,
                               gboolean       *is_target,
                               gboolean       *overdue)
{
  const char *due, *target, *date;
  gboolean target_chosen;

  g_return_val_if_fail (TENKEN_IS_RESPONSE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  due = self->due_date;
  target = self->target_date;
  if (is_target != NULL)
    *is_target = FALSE;
  if (overdue != NULL)
    *overdue = FALSE;

  if (self->status == TENKEN_STATUS_IMPLEMENTED ||
      self->status == TENKEN_STATUS_NOT_APPLICABLE)
    return due;

  /* A passed date wins over a coming one; among equals, the earlier.
   * The same rule as tenken_response_is_overdue(), so a row that says
   * "Overdue" shows the date that made it so. */
  if (due != NULL && target != NULL)
    {
      gboolean due_past = strcmp (due, today) < 0;
      gboolean target_past = strcmp (target, today) < 0;

      if (due_past != target_past)
        target_chosen = target_past;
      else
        target_chosen = strcmp (target, due) < 0;
    }
  else
    target_chosen = due == NULL && target != NULL;

  date = target_chosen ? target : due;
  if (date == NULL)
    return NULL;
  if (is_target != NULL)
    *is_target = target_chosen;
  if (overdue != NULL)
    *overdue = strcmp (date, today) < 0;
  return date;
}

gboolean
tenken_response_validate (TenkenResponse  *self,
                          GError         **error)
{
  const char *label;

  g_return_val_if_fail (TENKEN_IS_RESPONSE (self), FALSE);

  label = tenken_catalog_node_get_label (TENKEN_CATALOG_NODE (self->item));

  if (self->status == TENKEN_STATUS_NOT_APPLICABLE &&
      tenken_value_is_blank (self->justification))
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID,
                   _("%s: “Not applicable” needs a justification. Explain why the requirement does not apply."),
                   label);
      return FALSE;
    }

  if (self->status == TENKEN_STATUS_PLANNED && self->target_date == NULL)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID,
                   _("%s: “Planned” needs a target date. Enter the date by which it will be implemented."),
                   label);
      return FALSE;
    }

  if (!tenken_value_check_date (self->target_date, _("target date"), error) ||
      !tenken_value_check_date (self->due_date, _("due date"), error))
    {
      g_prefix_error (error, "%s: ", label);
      return FALSE;
    }

  return TRUE;
}

void
tenken_response_update_from (TenkenResponse *self,
                             TenkenResponse *from)
{
  g_return_if_fail (TENKEN_IS_RESPONSE (self));
  g_return_if_fail (TENKEN_IS_RESPONSE (from));

  g_object_freeze_notify (G_OBJECT (self));
  tenken_response_set_status (self, from->status);
  tenken_response_set_justification (self, from->justification);
  tenken_response_set_target_date (self, from->target_date);
  tenken_response_set_statement (self, from->statement);
  tenken_response_set_owner (self, from->owner);
  tenken_response_set_due_date (self, from->due_date);
  tenken_response_set_flagged (self, from->flagged);
  g_object_thaw_notify (G_OBJECT (self));
}

void
tenken_response_set_updated (TenkenResponse *self,
                             GDateTime      *updated_at,
                             const char     *updated_by)
{
  g_return_if_fail (TENKEN_IS_RESPONSE (self));

  if (updated_at != self->updated_at &&
      (updated_at == NULL || self->updated_at == NULL ||
       !g_date_time_equal (updated_at, self->updated_at)))
    {
      g_clear_pointer (&self->updated_at, g_date_time_unref);
      self->updated_at = updated_at ? g_date_time_ref (updated_at) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }

  if (tenken_value_set_string (&self->updated_by, updated_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_BY]);
}

void
tenken_response_set_evidence_count (TenkenResponse *self,
                                    guint           count)
{
  g_return_if_fail (TENKEN_IS_RESPONSE (self));

  if (self->evidence_count != count)
    {
      self->evidence_count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE_COUNT]);
    }
}
