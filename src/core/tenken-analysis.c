/* tenken-analysis.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-analysis"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tenken-analysis.h"

struct _TenkenAnalysis
{
  GObject      parent_instance;

  TenkenRoles  roles;
  char        *today;
  guint        upcoming_days;

  guint        counts[TENKEN_N_STATUSES];
  guint        total;

  GListStore  *categories;
  GListStore  *requirements;
  GListStore  *overdue;
  GListStore  *upcoming;
};

G_DEFINE_FINAL_TYPE (TenkenAnalysis, tenken_analysis, G_TYPE_OBJECT)

/* Counts gathered per catalog node while walking the responses */
typedef struct
{
  TenkenCatalogNode *node;
  guint              counts[TENKEN_N_STATUSES];
} NodeTally;

/* A candidate for the overdue or upcoming list, sorted before becoming an entry */
typedef struct
{
  TenkenResponse *response;
  const char     *date;
  TenkenDueKind   kind;
  int             days;
  guint           position;
} DueCandidate;

static gboolean
is_done (TenkenStatus status)
{
  return status == TENKEN_STATUS_IMPLEMENTED || status == TENKEN_STATUS_NOT_APPLICABLE;
}

static gboolean
parse_date (const char *iso_date,
            GDate      *date)
{
  guint y, m, d;

  if (!tenken_date_is_valid (iso_date) ||
      sscanf (iso_date, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

/* The ancestor directly below the top level: a control's requirement. A
 * control that is itself directly in a category is its own requirement. */
static TenkenCatalogNode *
find_requirement (TenkenCatalogItem *item)
{
  TenkenCatalogNode *node = TENKEN_CATALOG_NODE (item);
  TenkenCatalogNode *parent = tenken_catalog_node_get_parent (node);

  if (parent == NULL)
    return node;

  while (tenken_catalog_node_get_parent (parent) != NULL)
    {
      node = parent;
      parent = tenken_catalog_node_get_parent (parent);
    }

  return node;
}

static NodeTally *
tally_lookup (GHashTable        *index,
              GPtrArray         *order,
              TenkenCatalogNode *node)
{
  NodeTally *tally = g_hash_table_lookup (index, node);

  if (tally == NULL)
    {
      tally = g_new0 (NodeTally, 1);
      tally->node = node;
      g_hash_table_insert (index, node, tally);
      g_ptr_array_add (order, tally);
    }

  return tally;
}

static void
tallies_to_store (GPtrArray  *order,
                  GListStore *store)
{
  for (guint i = 0; i < order->len; i++)
    {
      NodeTally *tally = g_ptr_array_index (order, i);
      g_autoptr(TenkenCategoryStats) stats = tenken_category_stats_new (tally->node, tally->counts);

      g_list_store_append (store, stats);
    }
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const DueCandidate *ca = a;
  const DueCandidate *cb = b;

  if (ca->days != cb->days)
    return ca->days < cb->days ? -1 : 1;

  return ca->position < cb->position ? -1 : ca->position > cb->position;
}

static void
candidates_to_store (GArray     *candidates,
                     GListStore *store)
{
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len; i++)
    {
      const DueCandidate *c = &g_array_index (candidates, DueCandidate, i);
      g_autoptr(TenkenDueEntry) entry = tenken_due_entry_new (c->response, c->date, c->kind, c->days);

      g_list_store_append (store, entry);
    }
}

/* The date that matters is the one the item list shows
 * (tenken_response_get_next_date(): the earliest passed, else the earliest
 * coming); it is a candidate when passed or within the upcoming window.
 * Returns FALSE when it is neither. */
static gboolean
check_dates (TenkenAnalysis *self,
             const GDate    *today,
             TenkenResponse *response,
             DueCandidate   *out,
             gboolean       *out_overdue)
{
  gboolean is_target = FALSE;
  const char *iso_date = tenken_response_get_next_date (response, self->today, &is_target, out_overdue);
  GDate date;
  int days;

  if (!parse_date (iso_date, &date))
    return FALSE;

  days = g_date_days_between (today, &date);
  if (days >= 0 && days > (int) self->upcoming_days)
    return FALSE;

  out->date = iso_date;
  out->kind = is_target ? TENKEN_DUE_KIND_TARGET : TENKEN_DUE_KIND_DUE;
  out->days = days;
  return TRUE;
}

static void
tenken_analysis_compute (TenkenAnalysis *self,
                         GListModel     *responses)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  g_autoptr(GPtrArray) requirements = g_ptr_array_new ();
  g_autoptr(GArray) overdue = g_array_new (FALSE, FALSE, sizeof (DueCandidate));
  g_autoptr(GArray) upcoming = g_array_new (FALSE, FALSE, sizeof (DueCandidate));
  GDate today;
  guint n_items;

  if (!parse_date (self->today, &today))
    g_return_if_reached ();

  n_items = g_list_model_get_n_items (responses);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TenkenResponse) response = g_list_model_get_item (responses, i);
      TenkenCatalogItem *item = tenken_response_get_item (response);
      TenkenCatalogGroup *category;
      TenkenStatus status;
      DueCandidate candidate = { response, NULL, 0, 0, i };
      gboolean is_overdue;

      if (item == NULL || !tenken_catalog_item_applies_to (item, self->roles))
        continue;

      status = tenken_response_get_status (response);
      if ((guint) status >= TENKEN_N_STATUSES)
        continue;

      self->counts[status]++;
      self->total++;

      category = tenken_catalog_item_get_category (item);
      if (category != NULL)
        tally_lookup (index, categories, TENKEN_CATALOG_NODE (category))->counts[status]++;
      tally_lookup (index, requirements, find_requirement (item))->counts[status]++;

      if (is_done (status))
        continue;

      if (check_dates (self, &today, response, &candidate, &is_overdue))
        g_array_append_val (is_overdue ? overdue : upcoming, candidate);
    }

  tallies_to_store (categories, self->categories);
  tallies_to_store (requirements, self->requirements);
  candidates_to_store (overdue, self->overdue);
  candidates_to_store (upcoming, self->upcoming);
}

static void
tenken_analysis_finalize (GObject *object)
{
  TenkenAnalysis *self = TENKEN_ANALYSIS (object);

  g_clear_pointer (&self->today, g_free);
  g_clear_object (&self->categories);
  g_clear_object (&self->requirements);
  g_clear_object (&self->overdue);
  g_clear_object (&self->upcoming);

  G_OBJECT_CLASS (tenken_analysis_parent_class)->finalize (object);
}

static void
tenken_analysis_class_init (TenkenAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tenken_analysis_finalize;
}

static void
tenken_analysis_init (TenkenAnalysis *self)
{
  self->categories = g_list_store_new (TENKEN_TYPE_CATEGORY_STATS);
  self->requirements = g_list_store_new (TENKEN_TYPE_CATEGORY_STATS);
  self->overdue = g_list_store_new (TENKEN_TYPE_DUE_ENTRY);
  self->upcoming = g_list_store_new (TENKEN_TYPE_DUE_ENTRY);
}

TenkenAnalysis *
tenken_analysis_new_for_responses (GListModel  *responses,
                                   TenkenRoles  roles,
                                   const char  *today,
                                   guint        upcoming_days)
{
  TenkenAnalysis *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (responses), NULL);
  g_return_val_if_fail (today == NULL || tenken_date_is_valid (today), NULL);

  self = g_object_new (TENKEN_TYPE_ANALYSIS, NULL);
  self->roles = roles;
  self->today = today != NULL ? g_strdup (today) : tenken_date_today ();
  self->upcoming_days = upcoming_days;

  tenken_analysis_compute (self, responses);

  return self;
}

TenkenAnalysis *
tenken_analysis_new_full (TenkenDocument *document,
                          TenkenRoles     roles,
                          const char     *today,
                          guint           upcoming_days)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (document), NULL);

  return tenken_analysis_new_for_responses (tenken_document_get_responses (document),
                                            roles, today, upcoming_days);
}

TenkenAnalysis *
tenken_analysis_new (TenkenDocument *document,
                     TenkenRoles     roles,
                     const char     *today)
{
  return tenken_analysis_new_full (document, roles, today,
                                   TENKEN_ANALYSIS_DEFAULT_UPCOMING_DAYS);
}

TenkenRoles
tenken_analysis_get_roles (TenkenAnalysis *self)
{
  g_return_val_if_fail (TENKEN_IS_ANALYSIS (self), 0);

  return self->roles;
}

const char *
tenken_analysis_get_today (TenkenAnalysis *self)
{
  g_return_val_if_fail (TENKEN_IS_ANALYSIS (self), NULL);

  return self->today;
}

guint
tenken_analysis_get_upcoming_days (TenkenAnalysis *self)
{
  g_return_val_if_fail (TENKEN_IS_ANALYSIS (self), 0);

  return self->upcoming_days;
}

guint
tenken_analysis_get_total (TenkenAnalysis *self)
{
  g_return_val_if_fail (TENKEN_IS_ANALYSIS (self), 0);

  return self->total;
}

guint
tenken_analysis_get_count (TenkenAnalysis *self,
                           TenkenStatus    status)
{
  g_return_val_if_fail (TENKEN_IS_ANALYSIS (self), 0);
  g_return_val_if_fail ((guint) status < TENKEN_N_STATUSES, 0);

  return self->counts[status];
}

void
tenken_analysis_get_counts (TenkenAnalysis *self,
                            guint           counts[TENKEN_N_STATUSES])
{
  g_return_if_fail (TENKEN_IS_ANALYSIS (self));
  g_return_if_fail (counts != NULL);

  memcpy (counts, self->counts, sizeof self->counts);
}

guint
tenken_analysis_get_done (TenkenAnalysis *self)
{
  g_return_val_if_fail (TENKEN_IS_ANALYSIS (self), 0);

  return self->counts[TENKEN_STATUS_IMPLEMENTED] + self->counts[TENKEN_STATUS_NOT_APPLICABLE];
}

double
tenken_analysis_get_percent (TenkenAnalysis *self)
{
  g_return_val_if_fail (TENKEN_IS_ANALYSIS (self), 0.0);

  if (self->total == 0)
    return 0.0;

  return 100.0 * tenken_analysis_get_done (self) / self->total;
}

GListModel *
tenken_analysis_get_categories (TenkenAnalysis *self)
{
  g_return_val_if_fail (TENKEN_IS_ANALYSIS (self), NULL);

  return G_LIST_MODEL (self->categories);
}

GListModel *
tenken_analysis_get_requirements (TenkenAnalysis *self)
{
  g_return_val_if_fail (TENKEN_IS_ANALYSIS (self), NULL);

  return G_LIST_MODEL (self->requirements);
}

GListModel *
tenken_analysis_get_overdue (TenkenAnalysis *self)
{
  g_return_val_if_fail (TENKEN_IS_ANALYSIS (self), NULL);

  return G_LIST_MODEL (self->overdue);
}

GListModel *
tenken_analysis_get_upcoming (TenkenAnalysis *self)
{
  g_return_val_if_fail (TENKEN_IS_ANALYSIS (self), NULL);

  return G_LIST_MODEL (self->upcoming);
}
