/* tenken-types.h: the small vocabularies of an assessment
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The namespace of our own OSCAL props (roles, completed-from-summary …) */
#define TENKEN_OSCAL_NS "https://tenken.github.io/ns/oscal"
#define OSCAL_NS        "http://csrc.nist.gov/ns/oscal/1.0"

/**
 * TenkenStatus:
 *
 * The answer given for one catalog item. The string form (the enum nick,
 * `not-started`, `not-applicable` …) is what the CLI, JSON and the file use.
 */
typedef enum
{
  TENKEN_STATUS_NOT_STARTED,
  TENKEN_STATUS_IMPLEMENTED,
  TENKEN_STATUS_PARTIAL,
  TENKEN_STATUS_NOT_IMPLEMENTED,
  TENKEN_STATUS_NOT_APPLICABLE,
  TENKEN_STATUS_PLANNED,
} TenkenStatus;

#define TENKEN_N_STATUSES (TENKEN_STATUS_PLANNED + 1)

/**
 * TenkenRoles:
 *
 * Who an item is addressed to. Items that carry no role prop apply to all.
 * Nicks: `developer`, `supplier`, `operator`, `customer`,
 * `cloud-service-provider`, `assessor`.
 */
typedef enum /*< flags >*/
{
  TENKEN_ROLE_NONE                   = 0,
  TENKEN_ROLE_DEVELOPER              = 1 << 0,
  TENKEN_ROLE_SUPPLIER               = 1 << 1,
  TENKEN_ROLE_OPERATOR               = 1 << 2,
  TENKEN_ROLE_CUSTOMER               = 1 << 3,
  TENKEN_ROLE_CLOUD_SERVICE_PROVIDER = 1 << 4,
  TENKEN_ROLE_ASSESSOR               = 1 << 5,
} TenkenRoles;

#define TENKEN_ROLES_ALL ((TenkenRoles) 0x3f)

/* Nicks: `prime`, `sub` */
typedef enum
{
  TENKEN_TIER_PRIME,
  TENKEN_TIER_SUB,
} TenkenTier;

/* Nicks: `self`, `design`, `operational` */
typedef enum
{
  TENKEN_ASSESSMENT_SELF,
  TENKEN_ASSESSMENT_DESIGN,
  TENKEN_ASSESSMENT_OPERATIONAL,
} TenkenAssessmentType;

const char   *tenken_status_to_string        (TenkenStatus status);
gboolean      tenken_status_from_string      (const char   *str,
                                              TenkenStatus *out_status);
/* Translated, for people: "Not started", "Not applicable" … */
const char   *tenken_status_get_display_name (TenkenStatus status);
/* A symbolic icon name, so that status is never shown by colour alone */
const char   *tenken_status_get_icon_name    (TenkenStatus status);
/* TRUE for the statuses a gap report lists: not started, partial, not implemented, planned */
gboolean      tenken_status_is_gap           (TenkenStatus status);

const char   *tenken_role_to_string          (TenkenRoles  role);
const char   *tenken_role_get_display_name   (TenkenRoles  role);
/* "developer,operator" <-> flags; FALSE (and *out untouched) on an unknown name */
gboolean      tenken_roles_from_string       (const char   *str,
                                              TenkenRoles  *out_roles);
char         *tenken_roles_to_string         (TenkenRoles  roles);
char         *tenken_roles_to_display        (TenkenRoles  roles);

const char   *tenken_tier_to_string          (TenkenTier   tier);
gboolean      tenken_tier_from_string        (const char   *str,
                                              TenkenTier   *out_tier);
const char   *tenken_tier_get_display_name   (TenkenTier   tier);

const char   *tenken_assessment_type_to_string        (TenkenAssessmentType type);
gboolean      tenken_assessment_type_from_string      (const char           *str,
                                                       TenkenAssessmentType *out_type);
const char   *tenken_assessment_type_get_display_name (TenkenAssessmentType type);

/* Calendar dates are ISO 8601 strings "YYYY-MM-DD" everywhere in the API.
 * Returns TRUE only for a real date (no 2025-02-30). */
gboolean      tenken_date_is_valid           (const char   *iso_date);
/* Today in local time, as "YYYY-MM-DD" */
char         *tenken_date_today              (void);
/* The date in the user's locale format (%x), for people */
char         *tenken_date_format_for_display (const char   *iso_date);
/* A file size for people, as g_format_size() ("1.2 MB") but with bytes
 * in the UI's language (Debian 12's GLib catalogs lack them: "15 bytes") */
char         *tenken_format_size_for_display (guint64       size);

G_END_DECLS
