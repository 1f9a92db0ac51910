/* tenken-item-filter.h: which responses a checklist view shows
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-catalog-node.h"
#include "tenken-response.h"

G_BEGIN_DECLS

/*
 * A plain query the GUI's GtkCustomFilter (and the benchmark) hands to
 * tenken_item_matches(). Every set criterion must hold (AND). Zero-filled
 * means "everything"; fill it with tenken_item_query_init() and release it
 * with tenken_item_query_clear().
 */
typedef struct
{
  /* Search words, each NFKC-casefolded; an item matches when every word
   * occurs in its label, title, requirement text, statement or owner.
   * Set with tenken_item_query_set_text(). */
  char              **words;
  /* Bit (1 << TenkenStatus) per accepted status; 0 = any status */
  guint               statuses;
  /* Only items that apply to one of these roles; 0 = any */
  TenkenRoles         roles;
  /* Only items at or below this group or control (not a reference); NULL = all */
  TenkenCatalogNode  *within;
  gboolean            flagged_only;
  gboolean            overdue_only;
  gboolean            without_evidence_only;
  /* "Needs attention": not started, partial, not implemented, overdue or flagged */
  gboolean            attention_only;
  /* Hide not-applicable items */
  gboolean            hide_not_applicable;
  /* "YYYY-MM-DD" for the overdue checks; tenken_item_query_init() sets today */
  char               *today;
} TenkenItemQuery;

void      tenken_item_query_init      (TenkenItemQuery *query);
void      tenken_item_query_clear     (TenkenItemQuery *query);
/* Splits @text into words and folds them. Returns TRUE when the words changed. */
gboolean  tenken_item_query_set_text  (TenkenItemQuery *query,
                                       const char      *text);

/* NFKC + casefold: full-width "ＡＣ－２" and "ac-2" fold alike; newly allocated */
char     *tenken_item_fold_text       (const char      *text);

gboolean  tenken_item_matches         (TenkenResponse        *response,
                                       const TenkenItemQuery *query);
/* Folds and caches @response's search text now; otherwise the first search
 * folds every item's text, and that first keystroke is the slow one */
void      tenken_item_prepare_search  (TenkenResponse        *response);

G_END_DECLS
