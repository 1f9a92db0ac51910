/* tenken-types.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-types"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tenken-types.h"

static const char * const status_names[TENKEN_N_STATUSES] = {
  "not-started", "implemented", "partial", "not-implemented", "not-applicable", "planned",
};

const char *
tenken_status_to_string (TenkenStatus status)
{
  g_return_val_if_fail ((guint) status < TENKEN_N_STATUSES, NULL);
  return status_names[status];
}

gboolean
tenken_status_from_string (const char   *str,
                           TenkenStatus *out_status)
{
  g_return_val_if_fail (out_status != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    {
      if (g_str_equal (str, status_names[i]))
        {
          *out_status = (TenkenStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
tenken_status_get_display_name (TenkenStatus status)
{
  switch (status)
    {
    case TENKEN_STATUS_NOT_STARTED:     return _("Not started");
    case TENKEN_STATUS_IMPLEMENTED:     return _("Implemented");
    case TENKEN_STATUS_PARTIAL:         return _("Partially implemented");
    case TENKEN_STATUS_NOT_IMPLEMENTED: return _("Not implemented");
    case TENKEN_STATUS_NOT_APPLICABLE:  return _("Not applicable");
    case TENKEN_STATUS_PLANNED:         return _("Planned");
    default:                            g_return_val_if_reached (NULL);
    }
}

const char *
tenken_status_get_icon_name (TenkenStatus status)
{
  switch (status)
    {
    case TENKEN_STATUS_NOT_STARTED:     return "content-loading-symbolic";
    case TENKEN_STATUS_IMPLEMENTED:     return "emblem-ok-symbolic";
    case TENKEN_STATUS_PARTIAL:         return "view-pie-symbolic";
    case TENKEN_STATUS_NOT_IMPLEMENTED: return "dialog-error-symbolic";
    case TENKEN_STATUS_NOT_APPLICABLE:  return "action-unavailable-symbolic";
    case TENKEN_STATUS_PLANNED:         return "x-office-calendar-symbolic";
    default:                            g_return_val_if_reached (NULL);
    }
}

gboolean
tenken_status_is_gap (TenkenStatus status)
{
  return status == TENKEN_STATUS_NOT_STARTED ||
         status == TENKEN_STATUS_PARTIAL ||
         status == TENKEN_STATUS_NOT_IMPLEMENTED ||
         status == TENKEN_STATUS_PLANNED;
}

typedef struct
{
  TenkenRoles role;
  const char *nick;
} RoleName;

static const RoleName role_names[] = {
  { TENKEN_ROLE_DEVELOPER, "developer" },
  { TENKEN_ROLE_SUPPLIER, "supplier" },
  { TENKEN_ROLE_OPERATOR, "operator" },
  { TENKEN_ROLE_CUSTOMER, "customer" },
  { TENKEN_ROLE_CLOUD_SERVICE_PROVIDER, "cloud-service-provider" },
  { TENKEN_ROLE_ASSESSOR, "assessor" },
};

const char *
tenken_role_to_string (TenkenRoles role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (role_names[i].role == role)
      return role_names[i].nick;

  g_return_val_if_reached (NULL);
}

const char *
tenken_role_get_display_name (TenkenRoles role)
{
  switch ((guint) role)
    {
    case TENKEN_ROLE_DEVELOPER:              return _("Developer");
    case TENKEN_ROLE_SUPPLIER:               return _("Supplier");
    case TENKEN_ROLE_OPERATOR:               return _("Operator");
    case TENKEN_ROLE_CUSTOMER:               return _("Customer");
    case TENKEN_ROLE_CLOUD_SERVICE_PROVIDER: return _("Cloud service provider");
    case TENKEN_ROLE_ASSESSOR:               return _("Assessor");
    default:                                 g_return_val_if_reached (NULL);
    }
}

gboolean
tenken_roles_from_string (const char  *str,
                          TenkenRoles *out_roles)
{
  g_auto(GStrv) parts = NULL;
  TenkenRoles roles = TENKEN_ROLE_NONE;

  g_return_val_if_fail (out_roles != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  parts = g_strsplit (str, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *name = g_strstrip (parts[i]);
      gboolean found = FALSE;

      if (*name == '\0')
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (role_names); j++)
        {
          if (g_str_equal (name, role_names[j].nick))
            {
              roles |= role_names[j].role;
              found = TRUE;
              break;
            }
        }

      if (!found)
        return FALSE;
    }

  *out_roles = roles;
  return TRUE;
}

static char *
roles_join (TenkenRoles  roles,
            gboolean     display,
            const char  *separator)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    {
      if ((roles & role_names[i].role) == 0)
        continue;
      if (str->len > 0)
        g_string_append (str, separator);
      g_string_append (str, display ? tenken_role_get_display_name (role_names[i].role)
                                    : role_names[i].nick);
    }

  return g_string_free (str, FALSE);
}

char *
tenken_roles_to_string (TenkenRoles roles)
{
  return roles_join (roles, FALSE, ",");
}

char *
tenken_roles_to_display (TenkenRoles roles)
{
  /* Translators: separates role names in a list, e.g. "Developer, Operator" */
  return roles_join (roles, TRUE, _(", "));
}

const char *
tenken_tier_to_string (TenkenTier tier)
{
  switch (tier)
    {
    case TENKEN_TIER_PRIME: return "prime";
    case TENKEN_TIER_SUB:   return "sub";
    default:                g_return_val_if_reached (NULL);
    }
}

gboolean
tenken_tier_from_string (const char *str,
                         TenkenTier *out_tier)
{
  g_return_val_if_fail (out_tier != NULL, FALSE);

  if (g_strcmp0 (str, "prime") == 0)
    *out_tier = TENKEN_TIER_PRIME;
  else if (g_strcmp0 (str, "sub") == 0)
    *out_tier = TENKEN_TIER_SUB;
  else
    return FALSE;

  return TRUE;
}

const char *
tenken_tier_get_display_name (TenkenTier tier)
{
  switch (tier)
    {
    case TENKEN_TIER_PRIME: return _("Prime provider");
    case TENKEN_TIER_SUB:   return _("Sub-provider");
    default:                g_return_val_if_reached (NULL);
    }
}

const char *
tenken_assessment_type_to_string (TenkenAssessmentType type)
{
  switch (type)
    {
    case TENKEN_ASSESSMENT_SELF:        return "self";
    case TENKEN_ASSESSMENT_DESIGN:      return "design";
    case TENKEN_ASSESSMENT_OPERATIONAL: return "operational";
    default:                            g_return_val_if_reached (NULL);
    }
}

gboolean
tenken_assessment_type_from_string (const char           *str,
                                    TenkenAssessmentType *out_type)
{
  g_return_val_if_fail (out_type != NULL, FALSE);

  if (g_strcmp0 (str, "self") == 0)
    *out_type = TENKEN_ASSESSMENT_SELF;
  else if (g_strcmp0 (str, "design") == 0)
    *out_type = TENKEN_ASSESSMENT_DESIGN;
  else if (g_strcmp0 (str, "operational") == 0)
    *out_type = TENKEN_ASSESSMENT_OPERATIONAL;
  else
    return FALSE;

  return TRUE;
}

const char *
tenken_assessment_type_get_display_name (TenkenAssessmentType type)
{
  switch (type)
    {
    case TENKEN_ASSESSMENT_SELF:        return _("Self-assessment");
    case TENKEN_ASSESSMENT_DESIGN:      return _("Design assessment");
    case TENKEN_ASSESSMENT_OPERATIONAL: return _("Operational assessment");
    default:                            g_return_val_if_reached (NULL);
    }
}

gboolean
tenken_date_is_valid (const char *iso_date)
{
  guint y, m, d;
  char tail;

  if (iso_date == NULL || strlen (iso_date) != 10 ||
      iso_date[4] != '-' || iso_date[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso_date[i]))
      return FALSE;

  if (sscanf (iso_date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;

  return y >= 1 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

char *
tenken_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
locale_has_date_format (void)
{
  const char *locale = setlocale (LC_TIME, NULL);

  return locale != NULL &&
         !g_str_equal (locale, "C") &&
         !g_str_equal (locale, "POSIX") &&
         !g_str_has_prefix (locale, "C.");
}

char *
tenken_date_format_for_display (const char *iso_date)
{
  g_autoptr(GDateTime) dt = NULL;
  guint y, m, d;

  if (!tenken_date_is_valid (iso_date))
    return g_strdup (iso_date ? iso_date : "");

  /* The C locale's %x is "10/01/26": ambiguous, and not what anyone
   * writes. Without a real locale, ISO 8601 is the clearest. */
  if (!locale_has_date_format ())
    return g_strdup (iso_date);

  sscanf (iso_date, "%4u-%2u-%2u", &y, &m, &d);
  dt = g_date_time_new_local ((int) y, (int) m, (int) d, 0, 0, 0);
  if (dt == NULL)
    return g_strdup (iso_date);

  return g_date_time_format (dt, "%x");
}

char *
tenken_format_size_for_display (guint64 size)
{
  /* GLib 2.74 writes bytes with msgids ("byte", "bytes") that its own
   * Japanese catalog in Debian 12 does not have; kB and up read the same in
   * every language */
  if (size < 1000)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u byte", "%u bytes", (gulong) size),
                            (guint) size);

  return g_format_size (size);
}
