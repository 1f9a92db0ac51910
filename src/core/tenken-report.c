/* tenken-report.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tenken-analysis.h"
#include "tenken-chart.h"
#include "tenken-report-private.h"
#include "tenken-report.h"

struct _TenkenReport
{
  GObject            parent_instance;

  TenkenDocument    *document;
  TenkenReportKind   kind;
  TenkenTranslation *translation;
  TenkenScope       *scope;
  TenkenAnalysis    *analysis;
  char              *today;
  char              *preparer;

  GPtrArray         *categories;     /* TenkenReportCategory */
  GPtrArray         *responses;      /* listed TenkenResponse (snapshots) */
  GPtrArray         *in_scope;       /* every in-scope TenkenResponse, listed or not */
  GPtrArray         *remediation;    /* TenkenResponse */
  GPtrArray         *not_applicable; /* TenkenResponse */
  GHashTable        *evidence;       /* item id → GPtrArray of TenkenEvidence */
};

G_DEFINE_FINAL_TYPE (TenkenReport, tenken_report, G_TYPE_OBJECT)

static void
report_requirement_free (gpointer data)
{
  TenkenReportRequirement *req = data;

  g_clear_object (&req->requirement);
  g_clear_pointer (&req->responses, g_ptr_array_unref);
  g_free (req);
}

static void
report_category_free (gpointer data)
{
  TenkenReportCategory *cat = data;

  g_clear_object (&cat->category);
  g_clear_pointer (&cat->requirements, g_ptr_array_unref);
  g_free (cat);
}

static void
tenken_report_finalize (GObject *object)
{
  TenkenReport *self = (TenkenReport *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->translation);
  g_clear_object (&self->scope);
  g_clear_object (&self->analysis);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->preparer, g_free);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->responses, g_ptr_array_unref);
  g_clear_pointer (&self->in_scope, g_ptr_array_unref);
  g_clear_pointer (&self->remediation, g_ptr_array_unref);
  g_clear_pointer (&self->not_applicable, g_ptr_array_unref);
  g_clear_pointer (&self->evidence, g_hash_table_unref);

  G_OBJECT_CLASS (tenken_report_parent_class)->finalize (object);
}

static void
tenken_report_class_init (TenkenReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tenken_report_finalize;
}

static void
tenken_report_init (TenkenReport *self)
{
  self->categories = g_ptr_array_new_with_free_func (report_category_free);
  self->responses = g_ptr_array_new_with_free_func (g_object_unref);
  self->in_scope = g_ptr_array_new_with_free_func (g_object_unref);
  self->remediation = g_ptr_array_new_with_free_func (g_object_unref);
  self->not_applicable = g_ptr_array_new_with_free_func (g_object_unref);
  self->evidence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
}

/* The requirement an item belongs to: its ancestor one level below the
 * category, when that is a group (NULL for catalogs without that level,
 * such as NIST SP 800-53 where controls sit directly in families) */
TenkenCatalogGroup *
tenken_report_find_requirement (TenkenCatalogItem *item)
{
  TenkenCatalogNode *node = TENKEN_CATALOG_NODE (item);
  TenkenCatalogNode *parent;

  while ((parent = tenken_catalog_node_get_parent (node)) != NULL &&
         tenken_catalog_node_get_parent (parent) != NULL)
    node = parent;

  if (parent == NULL || !TENKEN_IS_CATALOG_GROUP (node))
    return NULL;

  return TENKEN_CATALOG_GROUP (node);
}

static const char *
response_sort_date (TenkenResponse *response)
{
  const char *date = tenken_response_get_due_date (response);

  if (date == NULL || *date == '\0')
    date = tenken_response_get_target_date (response);
  if (date == NULL || *date == '\0')
    return NULL;
  return date;
}

static int
compare_remediation (gconstpointer a,
                     gconstpointer b)
{
  TenkenResponse *ra = *(TenkenResponse * const *) a;
  TenkenResponse *rb = *(TenkenResponse * const *) b;
  const char *da = response_sort_date (ra);
  const char *db = response_sort_date (rb);
  int cmp;

  /* Undated last; ties in catalog order (ISO dates sort as strings) */
  if (da == NULL && db != NULL)
    return 1;
  if (da != NULL && db == NULL)
    return -1;
  cmp = g_strcmp0 (da, db);
  if (cmp != 0)
    return cmp;

  return (int) tenken_catalog_item_get_index (tenken_response_get_item (ra)) -
         (int) tenken_catalog_item_get_index (tenken_response_get_item (rb));
}

static void
collect_evidence (TenkenReport *self)
{
  GListModel *all = tenken_document_list_evidence (self->document);
  guint n = g_list_model_get_n_items (all);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenEvidence) evidence = g_list_model_get_item (all, i);
      g_auto(GStrv) item_ids = tenken_evidence_dup_item_ids (evidence);

      for (guint j = 0; item_ids != NULL && item_ids[j] != NULL; j++)
        {
          GPtrArray *list = g_hash_table_lookup (self->evidence, item_ids[j]);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (self->evidence, g_strdup (item_ids[j]), list);
            }
          g_ptr_array_add (list, g_object_ref (evidence));
        }
    }
}

static void
build (TenkenReport *self)
{
  GListModel *responses = tenken_document_get_responses (self->document);
  TenkenRoles roles = tenken_scope_get_roles (self->scope);
  guint n = g_list_model_get_n_items (responses);
  TenkenReportCategory *cat = NULL;
  TenkenReportRequirement *req = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TenkenResponse) live = g_list_model_get_item (responses, i);
      TenkenCatalogItem *item = tenken_response_get_item (live);
      TenkenCatalogGroup *category;
      TenkenCatalogGroup *requirement;
      TenkenResponse *response;
      TenkenStatus status;

      if (!tenken_catalog_item_applies_to (item, roles))
        continue;

      /* A snapshot: exports run in a worker thread while people keep editing */
      response = tenken_response_copy (live);
      status = tenken_response_get_status (response);
      g_ptr_array_add (self->in_scope, g_object_ref (response));

      if (status == TENKEN_STATUS_NOT_APPLICABLE)
        g_ptr_array_add (self->not_applicable, g_object_ref (response));
      if (tenken_status_is_gap (status))
        g_ptr_array_add (self->remediation, g_object_ref (response));

      if (self->kind == TENKEN_REPORT_GAP && !tenken_status_is_gap (status))
        {
          g_object_unref (response);
          continue;
        }

      category = tenken_catalog_item_get_category (item);
      requirement = tenken_report_find_requirement (item);

      if (cat == NULL || cat->category != category)
        {
          cat = g_new0 (TenkenReportCategory, 1);
          cat->category = category != NULL ? g_object_ref (category) : NULL;
          cat->requirements = g_ptr_array_new_with_free_func (report_requirement_free);
          g_ptr_array_add (self->categories, cat);
          req = NULL;
        }

      if (req == NULL || req->requirement != requirement)
        {
          req = g_new0 (TenkenReportRequirement, 1);
          req->requirement = requirement != NULL ? g_object_ref (requirement) : NULL;
          req->responses = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (cat->requirements, req);
        }

      g_ptr_array_add (req->responses, g_object_ref (response));
      g_ptr_array_add (self->responses, response);
    }

  g_ptr_array_sort (self->remediation, compare_remediation);
}

TenkenReport *
tenken_report_new (TenkenDocument    *document,
                   TenkenReportKind   kind,
                   const char        *lang,
                   const char        *today,
                   GError           **error)
{
  g_autoptr(TenkenReport) self = NULL;
  g_autoptr(TenkenTranslation) translation = NULL;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (kind == TENKEN_REPORT_GAP || kind == TENKEN_REPORT_FULL, NULL);

  translation = tenken_translation_new (lang != NULL ? lang : "en", error);
  if (translation == NULL)
    return NULL;

  if (today != NULL && !tenken_date_is_valid (today))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date: write it as YYYY-MM-DD."), today);
      return NULL;
    }

  self = g_object_new (TENKEN_TYPE_REPORT, NULL);
  self->document = g_object_ref (document);
  self->kind = kind;
  self->translation = g_steal_pointer (&translation);
  self->today = today != NULL ? g_strdup (today) : tenken_date_today ();
  self->scope = tenken_document_dup_scope (document);
  self->preparer = g_strdup (tenken_document_get_author (document));
  self->analysis = tenken_analysis_new (document, tenken_scope_get_roles (self->scope), self->today);

  build (self);
  collect_evidence (self);

  return g_steal_pointer (&self);
}

TenkenDocument *
tenken_report_get_document (TenkenReport *self)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), NULL);
  return self->document;
}

TenkenReportKind
tenken_report_get_kind (TenkenReport *self)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), TENKEN_REPORT_GAP);
  return self->kind;
}

TenkenTranslation *
tenken_report_get_translation (TenkenReport *self)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), NULL);
  return self->translation;
}

const char *
tenken_report_tr (TenkenReport *self,
                  const char   *msgid)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), msgid);
  return tenken_translation_gettext (self->translation, msgid);
}

const char *
tenken_report_get_today (TenkenReport *self)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), NULL);
  return self->today;
}

TenkenScope *
tenken_report_get_scope (TenkenReport *self)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), NULL);
  return self->scope;
}

const char *
tenken_report_get_title (TenkenReport *self)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), NULL);

  return tenken_report_trc (self, self->kind == TENKEN_REPORT_GAP ? NC_("report", "Gap report")
                                                                   : NC_("report", "Full report"));
}

const char *
tenken_report_get_preparer (TenkenReport *self)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), NULL);
  return self->preparer;
}

const char *
tenken_report_status_name (TenkenReport *self,
                           TenkenStatus  status)
{
  static const char * const names[TENKEN_N_STATUSES] = {
    [TENKEN_STATUS_NOT_STARTED]     = NC_("report", "Not started"),
    [TENKEN_STATUS_IMPLEMENTED]     = NC_("report", "Implemented"),
    [TENKEN_STATUS_PARTIAL]         = NC_("report", "Partially implemented"),
    [TENKEN_STATUS_NOT_IMPLEMENTED] = NC_("report", "Not implemented"),
    [TENKEN_STATUS_NOT_APPLICABLE]  = NC_("report", "Not applicable"),
    [TENKEN_STATUS_PLANNED]         = NC_("report", "Planned"),
  };

  g_return_val_if_fail (TENKEN_IS_REPORT (self), NULL);
  g_return_val_if_fail ((guint) status < TENKEN_N_STATUSES, NULL);

  return tenken_report_trc (self, names[status]);
}

guint
tenken_report_get_counts (TenkenReport *self,
                          guint         counts[TENKEN_N_STATUSES])
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), 0);

  tenken_analysis_get_counts (self->analysis, counts);
  return tenken_analysis_get_total (self->analysis);
}

GPtrArray *
tenken_report_get_categories (TenkenReport *self)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), NULL);
  return self->categories;
}

GPtrArray *
tenken_report_get_responses (TenkenReport *self)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), NULL);
  return self->responses;
}

GPtrArray *
tenken_report_get_remediation (TenkenReport *self)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), NULL);
  return self->remediation;
}

GPtrArray *
tenken_report_get_not_applicable (TenkenReport *self)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), NULL);
  return self->not_applicable;
}

GPtrArray *
tenken_report_get_evidence (TenkenReport *self,
                            const char   *item_id)
{
  static GPtrArray *empty = NULL;
  GPtrArray *list;

  g_return_val_if_fail (TENKEN_IS_REPORT (self), NULL);

  list = g_hash_table_lookup (self->evidence, item_id);
  if (list != NULL)
    return list;

  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, g_ptr_array_new ());
  return empty;
}

const char *
tenken_report_trc (TenkenReport *self,
                   const char   *msgid)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), msgid);
  return tenken_translation_pgettext (self->translation, "report", msgid);
}

char *
tenken_report_format_percent (TenkenReport *self,
                              guint         done,
                              guint         total)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), NULL);

  /* Translators: a percentage in a report, e.g. "45 %"; drop the space if your language does */
  return g_strdup_printf (tenken_report_trc (self, NC_("report", "%u %%")),
                          tenken_chart_percent (done, total));
}

TenkenAnalysis *
tenken_report_get_analysis (TenkenReport *self)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), NULL);
  return self->analysis;
}

GPtrArray *
tenken_report_get_in_scope (TenkenReport *self)
{
  g_return_val_if_fail (TENKEN_IS_REPORT (self), NULL);
  return self->in_scope;
}

const char *
tenken_report_response_date (TenkenResponse *response)
{
  return response_sort_date (response);
}
