/* tenken-scope.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-scope"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tenken-document.h"
#include "tenken-enum-types.h"
#include "tenken-scope.h"
#include "tenken-value-private.h"

struct _TenkenScope
{
  GObject               parent_instance;

  char                 *organisation;
  char                 *service;
  TenkenRoles           roles;
  TenkenTier            tier;
  TenkenAssessmentType  assessment_type;
  char                 *period_start;
  char                 *period_end;
  char                 *assessor;
  char                 *notes;
};

G_DEFINE_FINAL_TYPE (TenkenScope, tenken_scope, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_SERVICE,
  PROP_ROLES,
  PROP_TIER,
  PROP_ASSESSMENT_TYPE,
  PROP_PERIOD_START,
  PROP_PERIOD_END,
  PROP_ASSESSOR,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tenken_scope_finalize (GObject *object)
{
  TenkenScope *self = (TenkenScope *)object;

  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->service, g_free);
  g_clear_pointer (&self->period_start, g_free);
  g_clear_pointer (&self->period_end, g_free);
  g_clear_pointer (&self->assessor, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (tenken_scope_parent_class)->finalize (object);
}

static void
tenken_scope_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TenkenScope *self = TENKEN_SCOPE (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:    g_value_set_string (value, self->organisation); break;
    case PROP_SERVICE:         g_value_set_string (value, self->service); break;
    case PROP_ROLES:           g_value_set_flags (value, self->roles); break;
    case PROP_TIER:            g_value_set_enum (value, self->tier); break;
    case PROP_ASSESSMENT_TYPE: g_value_set_enum (value, self->assessment_type); break;
    case PROP_PERIOD_START:    g_value_set_string (value, self->period_start); break;
    case PROP_PERIOD_END:      g_value_set_string (value, self->period_end); break;
    case PROP_ASSESSOR:        g_value_set_string (value, self->assessor); break;
    case PROP_NOTES:           g_value_set_string (value, self->notes); break;
    default:                   G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_scope_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TenkenScope *self = TENKEN_SCOPE (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:    tenken_scope_set_organisation (self, g_value_get_string (value)); break;
    case PROP_SERVICE:         tenken_scope_set_service (self, g_value_get_string (value)); break;
    case PROP_ROLES:           tenken_scope_set_roles (self, g_value_get_flags (value)); break;
    case PROP_TIER:            tenken_scope_set_tier (self, g_value_get_enum (value)); break;
    case PROP_ASSESSMENT_TYPE: tenken_scope_set_assessment_type (self, g_value_get_enum (value)); break;
    case PROP_PERIOD_START:    tenken_scope_set_period_start (self, g_value_get_string (value)); break;
    case PROP_PERIOD_END:      tenken_scope_set_period_end (self, g_value_get_string (value)); break;
    case PROP_ASSESSOR:        tenken_scope_set_assessor (self, g_value_get_string (value)); break;
    case PROP_NOTES:           tenken_scope_set_notes (self, g_value_get_string (value)); break;
    default:                   G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_scope_class_init (TenkenScopeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tenken_scope_finalize;
  object_class->get_property = tenken_scope_get_property;
  object_class->set_property = tenken_scope_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, NULL, flags);
  properties[PROP_SERVICE] =
    g_param_spec_string ("service", NULL, NULL, NULL, flags);
  properties[PROP_ROLES] =
    g_param_spec_flags ("roles", NULL, NULL, TENKEN_TYPE_ROLES, TENKEN_ROLE_NONE, flags);
  properties[PROP_TIER] =
    g_param_spec_enum ("tier", NULL, NULL, TENKEN_TYPE_TIER, TENKEN_TIER_PRIME, flags);
  properties[PROP_ASSESSMENT_TYPE] =
    g_param_spec_enum ("assessment-type", NULL, NULL,
                       TENKEN_TYPE_ASSESSMENT_TYPE, TENKEN_ASSESSMENT_SELF, flags);
  properties[PROP_PERIOD_START] =
    g_param_spec_string ("period-start", NULL, NULL, NULL, flags);
  properties[PROP_PERIOD_END] =
    g_param_spec_string ("period-end", NULL, NULL, NULL, flags);
  properties[PROP_ASSESSOR] =
    g_param_spec_string ("assessor", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenken_scope_init (TenkenScope *self)
{
}

TenkenScope *
tenken_scope_new (void)
{
  return g_object_new (TENKEN_TYPE_SCOPE, NULL);
}

TenkenScope *
tenken_scope_copy (TenkenScope *self)
{
  g_return_val_if_fail (TENKEN_IS_SCOPE (self), NULL);

  return g_object_new (TENKEN_TYPE_SCOPE,
                       "organisation", self->organisation,
                       "service", self->service,
                       "roles", self->roles,
                       "tier", self->tier,
                       "assessment-type", self->assessment_type,
                       "period-start", self->period_start,
                       "period-end", self->period_end,
                       "assessor", self->assessor,
                       "notes", self->notes,
                       NULL);
}

gboolean
tenken_scope_equal (TenkenScope *a,
                    TenkenScope *b)
{
  g_return_val_if_fail (TENKEN_IS_SCOPE (a), FALSE);
  g_return_val_if_fail (TENKEN_IS_SCOPE (b), FALSE);

  return g_strcmp0 (a->organisation, b->organisation) == 0 &&
         g_strcmp0 (a->service, b->service) == 0 &&
         a->roles == b->roles &&
         a->tier == b->tier &&
         a->assessment_type == b->assessment_type &&
         g_strcmp0 (a->period_start, b->period_start) == 0 &&
         g_strcmp0 (a->period_end, b->period_end) == 0 &&
         g_strcmp0 (a->assessor, b->assessor) == 0 &&
         g_strcmp0 (a->notes, b->notes) == 0;
}

/* The six string fields differ only in name; "" is stored as NULL */
#define SCOPE_STRING_ACCESSORS(field, PROP)                            \
  const char *                                                         \
  tenken_scope_get_##field (TenkenScope *self)                         \
  {                                                                    \
    g_return_val_if_fail (TENKEN_IS_SCOPE (self), NULL);               \
    return self->field;                                                \
  }                                                                    \
                                                                       \
  void                                                                 \
  tenken_scope_set_##field (TenkenScope *self,                         \
                            const char  *value)                        \
  {                                                                    \
    g_return_if_fail (TENKEN_IS_SCOPE (self));                         \
    if (tenken_value_set_string (&self->field, value))                 \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);    \
  }

SCOPE_STRING_ACCESSORS (organisation, PROP_ORGANISATION)
SCOPE_STRING_ACCESSORS (service, PROP_SERVICE)
SCOPE_STRING_ACCESSORS (period_start, PROP_PERIOD_START)
SCOPE_STRING_ACCESSORS (period_end, PROP_PERIOD_END)
SCOPE_STRING_ACCESSORS (assessor, PROP_ASSESSOR)
SCOPE_STRING_ACCESSORS (notes, PROP_NOTES)

TenkenRoles
tenken_scope_get_roles (TenkenScope *self)
{
  g_return_val_if_fail (TENKEN_IS_SCOPE (self), TENKEN_ROLE_NONE);
  return self->roles;
}

void
tenken_scope_set_roles (TenkenScope *self,
                        TenkenRoles  value)
{
  g_return_if_fail (TENKEN_IS_SCOPE (self));

  value &= TENKEN_ROLES_ALL;
  if (self->roles != value)
    {
      self->roles = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLES]);
    }
}

TenkenTier
tenken_scope_get_tier (TenkenScope *self)
{
  g_return_val_if_fail (TENKEN_IS_SCOPE (self), TENKEN_TIER_PRIME);
  return self->tier;
}

void
tenken_scope_set_tier (TenkenScope *self,
                       TenkenTier   value)
{
  g_return_if_fail (TENKEN_IS_SCOPE (self));

  if (self->tier != value)
    {
      self->tier = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);
    }
}

TenkenAssessmentType
tenken_scope_get_assessment_type (TenkenScope *self)
{
  g_return_val_if_fail (TENKEN_IS_SCOPE (self), TENKEN_ASSESSMENT_SELF);
  return self->assessment_type;
}

void
tenken_scope_set_assessment_type (TenkenScope          *self,
                                  TenkenAssessmentType  value)
{
  g_return_if_fail (TENKEN_IS_SCOPE (self));

  if (self->assessment_type != value)
    {
      self->assessment_type = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT_TYPE]);
    }
}

gboolean
tenken_scope_validate (TenkenScope  *self,
                       GError      **error)
{
  g_return_val_if_fail (TENKEN_IS_SCOPE (self), FALSE);

  if (tenken_value_is_blank (self->organisation))
    {
      g_set_error_literal (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID,
                           _("The organisation is empty. Enter the name of the organisation being assessed."));
      return FALSE;
    }

  if (tenken_value_is_blank (self->service))
    {
      g_set_error_literal (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID,
                           _("The service is empty. Enter the name of the service being assessed."));
      return FALSE;
    }

  if (!tenken_value_check_date (self->period_start, _("period start"), error) ||
      !tenken_value_check_date (self->period_end, _("period end"), error))
    return FALSE;

  /* ISO dates compare correctly as strings */
  if (self->period_start != NULL && self->period_end != NULL &&
      strcmp (self->period_start, self->period_end) > 0)
    {
      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_INVALID,
                   _("The period ends (%s) before it starts (%s). Correct the period end or start."),
                   self->period_end, self->period_start);
      return FALSE;
    }

  return TRUE;
}
