/* tenken-core.h: everything in libtenken-core
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-types.h"
#include "tenken-enum-types.h"
#include "tenken-paths.h"
#include "tenken-catalog.h"
#include "tenken-catalog-part.h"
#include "tenken-catalog-node.h"
#include "tenken-catalog-group.h"
#include "tenken-catalog-item.h"
#include "tenken-catalog-registry.h"
#include "tenken-scope.h"
#include "tenken-response.h"
#include "tenken-evidence.h"
#include "tenken-history-entry.h"
#include "tenken-document.h"
#include "tenken-analysis.h"
#include "tenken-category-stats.h"
#include "tenken-due-entry.h"
#include "tenken-chart.h"
