/* test-types.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

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

static void
test_date_display (void)
{
  g_autofree char *c_locale = NULL;
  g_autofree char *invalid = NULL;

  /* Tests run in C.UTF-8: no locale date format, so ISO, never "10/01/26" */
  g_assert_true (g_str_has_prefix (setlocale (LC_TIME, NULL), "C"));
  c_locale = tenken_date_format_for_display ("2026-10-01");
  g_assert_cmpstr (c_locale, ==, "2026-10-01");
  invalid = tenken_date_format_for_display ("2026-02-30");
  g_assert_cmpstr (invalid, ==, "2026-02-30");
}

static void
test_size_display (void)
{
  g_autofree char *one = tenken_format_size_for_display (1);
  g_autofree char *small = tenken_format_size_for_display (15);
  g_autofree char *large = tenken_format_size_for_display (123456);

  g_assert_cmpstr (one, ==, "1 byte");
  g_assert_cmpstr (small, ==, "15 bytes");
  g_assert_cmpstr (large, ==, "123.5\u00a0kB");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/types/status", test_status_round_trip);
  g_test_add_func ("/types/roles", test_roles);
  g_test_add_func ("/types/dates", test_dates);
  g_test_add_func ("/types/date-display", test_date_display);
  g_test_add_func ("/types/size-display", test_size_display);

  return g_test_run ();
}
