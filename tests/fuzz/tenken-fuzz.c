/* tenken-fuzz.c: set-up shared by the fuzz targets
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-fuzz"

#include "config.h"

#include "tenken-fuzz.h"

void
tenken_fuzz_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* Bad input is expected here: a g_critical() is still a bug, so abort on it */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
      g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
      g_once_init_leave (&initialized, 1);
    }
}
