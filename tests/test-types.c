/* test-types.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "tenken-core.h"

static void
test_status_round_trip (void)
{
  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    {
      TenkenStatus status = (TenkenStatus) 99;

      g_assert_true (tenken_status_from_string (tenken_status_to_string (i), &status));
      g_assert_cmpint (status, ==, i);
      g_assert_nonnull (tenken_status_get_display_name (i));
      g_assert_nonnull (tenken_status_get_icon_name (i));
    }

  g_assert_false (tenken_status_from_string ("done", &(TenkenStatus){0}));
  g_assert_false (tenken_status_from_string (NULL, &(TenkenStatus){0}));
  g_assert_true (tenken_status_is_gap (TENKEN_STATUS_PLANNED));
  g_assert_false (tenken_status_is_gap (TENKEN_STATUS_NOT_APPLICABLE));
}

static void
test_roles (void)
{
  TenkenRoles roles = TENKEN_ROLE_NONE;
  g_autofree char *str = NULL;

  g_assert_true (tenken_roles_from_string ("developer, operator", &roles));
  g_assert_cmpint (roles, ==, TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_OPERATOR);
  str = tenken_roles_to_string (roles);
  g_assert_cmpstr (str, ==, "developer,operator");

  roles = TENKEN_ROLE_SUPPLIER;
  g_assert_false (tenken_roles_from_string ("developer,janitor", &roles));
  g_assert_cmpint (roles, ==, TENKEN_ROLE_SUPPLIER);
}

static void
test_dates (void)
{
  g_autofree char *today = tenken_date_today ();

  g_assert_true (tenken_date_is_valid ("2025-10-01"));
  g_assert_true (tenken_date_is_valid ("2024-02-29"));
  g_assert_true (tenken_date_is_valid (today));
  g_assert_false (tenken_date_is_valid ("2025-02-29"));
  g_assert_false (tenken_date_is_valid ("2025-13-01"));
  g_assert_false (tenken_date_is_valid ("2025-1-01"));
  g_assert_false (tenken_date_is_valid ("2025-01-01x"));
  g_assert_false (tenken_date_is_valid ("+025-01-01"));
  g_assert_false (tenken_date_is_valid (""));
  g_assert_false (tenken_date_is_valid (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/types/status", test_status_round_trip);
  g_test_add_func ("/types/roles", test_roles);
  g_test_add_func ("/types/dates", test_dates);

  return g_test_run ();
}
