/* tenken-export-oscal.c: OSCAL 1.1.2 assessment results (XML)
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tenken-autocleanups.h"
#include "tenken-export-private.h"

/*
 * Mapping of Tenken to OSCAL assessment results:
 *
 * - One <result> for the assessment; <reviewed-controls> includes every
 *   item that applies to the scope's roles (whatever the report kind).
 * - One <finding> per item. Its <target> is the item's statement part
 *   (type statement-id) or, without one, the control (type objective-id).
 *   <status state>: implemented and not-applicable are "satisfied";
 *   not-started, partial, not-implemented and planned are "not-satisfied"
 *   (with reason "other" for not-started, which was not assessed yet).
 *   The Tenken status itself is the prop `status` in TENKEN_OSCAL_NS, so no
 *   information is lost; owner, dates and the review flag are props too.
 * - One <observation> per item with a statement, justification or
 *   evidence (method EXAMINE), linked from the finding by
 *   <related-observation>. Each evidence is a <relevant-evidence>: a URL
 *   links directly; a file points to a back-matter <resource> whose
 *   <rlink> names the file and carries its <hash algorithm="SHA-256">.
 * - <import-ap> must name an assessment plan; Tenken keeps the plan (scope,
 *   roles, catalog) in the .tenken document, so it points there.
 */

typedef struct
{
  TenkenReport     *report;
  xmlTextWriter    *writer;
  int               rc;
  GHashTable       *resources;   /* evidence id → resource uuid */
  GPtrArray        *evidence;    /* TenkenEvidence with a resource, in order */
} Ctx;

/* XML 1.0 forbids most C0 controls; OSCAL strings also forbid newlines in
 * attributes and leading/trailing space. @single_line folds whitespace. */
static char *
clean (const char *text,
       gboolean    single_line)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == '\n' || c == '\r' || c == ' ')
        {
          if (single_line)
            {
              if (out->len > 0 && out->str[out->len - 1] != ' ')
                g_string_append_c (out, ' ');
            }
          else
            g_string_append_unichar (out, c == '\r' ? '\n' : c);
        }
      else if (c >= 0x20 && c != 0xfffe && c != 0xffff)
        g_string_append_unichar (out, c);
    }

  if (single_line)
    g_strstrip (out->str);
  return g_string_free (out, FALSE);
}

static void
check (Ctx *ctx,
       int  rc)
{
  if (rc < 0 && ctx->rc >= 0)
    ctx->rc = rc;
}

static void
start (Ctx        *ctx,
       const char *name)
{
  check (ctx, xmlTextWriterStartElement (ctx->writer, BAD_CAST name));
}

static void
end (Ctx *ctx)
{
  check (ctx, xmlTextWriterEndElement (ctx->writer));
}

static void
attr (Ctx        *ctx,
      const char *name,
      const char *value)
{
  g_autofree char *text = clean (value, TRUE);

  check (ctx, xmlTextWriterWriteAttribute (ctx->writer, BAD_CAST name, BAD_CAST text));
}

static void
text_element (Ctx        *ctx,
              const char *name,
              const char *value)
{
  g_autofree char *text = clean (value, TRUE);

  check (ctx, xmlTextWriterWriteElement (ctx->writer, BAD_CAST name, BAD_CAST text));
}

/* Markup-multiline: one <p> per paragraph of @text */
static void
paragraphs (Ctx        *ctx,
            const char *name,
            const char *text)
{
  g_autofree char *cleaned = clean (text, FALSE);
  g_auto(GStrv) lines = g_strsplit (cleaned, "\n", -1);
  gboolean any = FALSE;

  start (ctx, name);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = clean (lines[i], TRUE);

      if (*line == '\0')
        continue;
      text_element (ctx, "p", line);
      any = TRUE;
    }
  if (!any)
    text_element (ctx, "p", "—");
  end (ctx);
}

static void
prop (Ctx        *ctx,
      const char *name,
      const char *value)
{
  g_autofree char *text = clean (value, TRUE);

  /* OSCAL strings must not be empty */
  if (*text == '\0')
    return;

  start (ctx, "prop");
  attr (ctx, "name", name);
  attr (ctx, "ns", TENKEN_OSCAL_NS);
  attr (ctx, "value", text);
  end (ctx);
}

static char *
uuid (void)
{
  return g_uuid_string_random ();
}

static char *
iso_datetime (const char *date,
              const char *time)
{
  return g_strdup_printf ("%sT%sZ", date, time);
}

static void
metadata (Ctx *ctx)
{
  TenkenReport *report = ctx->report;
  TenkenScope *scope = tenken_report_get_scope (report);
  TenkenCatalog *catalog = tenken_document_get_catalog (tenken_report_get_document (report));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_str = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *scope_line = tenken_export_scope_line (report);
  g_autofree char *title = g_strdup_printf ("%s: %s",
                                            tenken_report_trc (report, NC_("report", "Assessment results")),
                                            scope_line);
  g_autofree char *roles = tenken_roles_to_string (tenken_scope_get_roles (scope));
  g_autofree char *party = uuid ();
  const char *org = tenken_scope_get_organisation (scope);

  start (ctx, "metadata");
  text_element (ctx, "title", title);
  text_element (ctx, "last-modified", now_str);
  text_element (ctx, "version", tenken_report_get_today (report));
  text_element (ctx, "oscal-version", "1.1.2");
  prop (ctx, "catalog-id", tenken_catalog_get_id (catalog));
  prop (ctx, "catalog-title", tenken_catalog_get_title (catalog));
  prop (ctx, "catalog-version", tenken_catalog_get_version (catalog));
  prop (ctx, "catalog-sha256", tenken_catalog_get_sha256 (catalog));
  prop (ctx, "service", tenken_scope_get_service (scope));
  prop (ctx, "roles", roles);
  prop (ctx, "tier", tenken_tier_to_string (tenken_scope_get_tier (scope)));
  prop (ctx, "assessment-type", tenken_assessment_type_to_string (tenken_scope_get_assessment_type (scope)));
  prop (ctx, "assessor", tenken_scope_get_assessor (scope));
  prop (ctx, "prepared-by", tenken_report_get_preparer (report));

  if (org != NULL && *org != '\0')
    {
      start (ctx, "party");
      attr (ctx, "uuid", party);
      attr (ctx, "type", "organization");
      text_element (ctx, "name", org);
      end (ctx);
    }
  end (ctx);
}

static void
import_ap (Ctx *ctx)
{
  GFile *file = tenken_document_get_file (tenken_report_get_document (ctx->report));
  g_autofree char *basename = file != NULL ? g_file_get_basename (file) : g_strdup ("assessment.tenken");
  g_autofree char *href = g_uri_escape_string (basename, NULL, FALSE);

  start (ctx, "import-ap");
  attr (ctx, "href", href);
  start (ctx, "remarks");
  text_element (ctx, "p", "The assessment plan (catalog, scope and roles) is kept in this Tenken assessment document; there is no separate OSCAL assessment plan.");
  end (ctx);
  end (ctx);
}

static const char *
statement_target (TenkenCatalogItem *item,
                  const char       **out_type)
{
  TenkenCatalogPart *part = tenken_catalog_node_get_part (TENKEN_CATALOG_NODE (item), "statement");
  const char *id = part != NULL ? tenken_catalog_part_get_id (part) : NULL;

  if (id != NULL && *id != '\0')
    {
      *out_type = "statement-id";
      return id;
    }
  *out_type = "objective-id";
  return tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (item));
}

static gboolean
has_observation (TenkenReport   *report,
                 TenkenResponse *response)
{
  const char *statement = tenken_response_get_statement (response);
  const char *justification = tenken_response_get_justification (response);
  TenkenCatalogNode *node = TENKEN_CATALOG_NODE (tenken_response_get_item (response));

  return (statement != NULL && *statement != '\0') ||
         (justification != NULL && *justification != '\0') ||
         tenken_report_get_evidence (report, tenken_catalog_node_get_id (node))->len > 0;
}

static void
observation (Ctx            *ctx,
             TenkenResponse *response,
             const char     *observation_uuid)
{
  TenkenReport *report = ctx->report;
  TenkenCatalogNode *node = TENKEN_CATALOG_NODE (tenken_response_get_item (response));
  GPtrArray *evidence = tenken_report_get_evidence (report, tenken_catalog_node_get_id (node));
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *collected = tenken_export_timestamp (tenken_response_get_updated_at (response));
  const char *statement = tenken_response_get_statement (response);
  const char *justification = tenken_response_get_justification (response);
  g_autofree char *title = g_strdup_printf ("%s %s", tenken_catalog_node_get_label (node),
                                            tenken_catalog_node_get_title (node));

  if (statement != NULL && *statement != '\0')
    g_string_append (description, statement);
  if (justification != NULL && *justification != '\0')
    g_string_append_printf (description, "\n%s %s",
                            tenken_report_trc (report, NC_("report", "Justification:")), justification);

  if (collected == NULL)
    collected = iso_datetime (tenken_report_get_today (report), "00:00:00");

  start (ctx, "observation");
  attr (ctx, "uuid", observation_uuid);
  text_element (ctx, "title", title);
  paragraphs (ctx, "description", description->len > 0 ? description->str
                                                        : tenken_report_trc (report, NC_("report", "No statement recorded.")));
  prop (ctx, "item-label", tenken_catalog_node_get_label (node));
  text_element (ctx, "method", "EXAMINE");

  for (guint i = 0; i < evidence->len; i++)
    {
      TenkenEvidence *e = g_ptr_array_index (evidence, i);
      g_autofree char *href = NULL;
      const char *name = tenken_evidence_get_name (e);

      if (tenken_evidence_get_kind (e) == TENKEN_EVIDENCE_URL)
        {
          href = g_strdup (tenken_evidence_get_url (e));
        }
      else
        {
          gint64 id = tenken_evidence_get_id (e);
          const char *resource = g_hash_table_lookup (ctx->resources, &id);

          if (resource == NULL)
            {
              gint64 *key = g_new (gint64, 1);

              *key = id;
              resource = uuid ();
              g_hash_table_insert (ctx->resources, key, (char *) resource);
              g_ptr_array_add (ctx->evidence, g_object_ref (e));
            }
          href = g_strconcat ("#", resource, NULL);
        }

      start (ctx, "relevant-evidence");
      attr (ctx, "href", href);
      paragraphs (ctx, "description", name != NULL && *name != '\0' ? name : href);
      prop (ctx, "sha256", tenken_evidence_get_sha256 (e));
      prop (ctx, "note", tenken_evidence_get_note (e));
      end (ctx);
    }

  text_element (ctx, "collected", collected);
  end (ctx);
}

static void
finding (Ctx            *ctx,
         TenkenResponse *response,
         const char     *observation_uuid)
{
  TenkenReport *report = ctx->report;
  TenkenCatalogItem *item = tenken_response_get_item (response);
  TenkenCatalogNode *node = TENKEN_CATALOG_NODE (item);
  TenkenStatus status = tenken_response_get_status (response);
  gboolean satisfied = status == TENKEN_STATUS_IMPLEMENTED || status == TENKEN_STATUS_NOT_APPLICABLE;
  g_autofree char *id = uuid ();
  g_autofree char *title = g_strdup_printf ("%s %s", tenken_catalog_node_get_label (node),
                                            tenken_catalog_node_get_title (node));
  g_autofree char *description = g_strdup_printf ("%s: %s", tenken_catalog_node_get_label (node),
                                                  tenken_report_status_name (report, status));
  const char *target_type = NULL;
  const char *target_id = statement_target (item, &target_type);

  start (ctx, "finding");
  attr (ctx, "uuid", id);
  text_element (ctx, "title", title);
  paragraphs (ctx, "description", description);
  prop (ctx, "status", tenken_status_to_string (status));
  prop (ctx, "item-label", tenken_catalog_node_get_label (node));
  prop (ctx, "owner", tenken_response_get_owner (response));
  prop (ctx, "due-date", tenken_response_get_due_date (response));
  prop (ctx, "target-date", tenken_response_get_target_date (response));
  if (tenken_response_get_flagged (response))
    prop (ctx, "flagged", "true");

  start (ctx, "target");
  attr (ctx, "type", target_type);
  attr (ctx, "target-id", target_id);
  start (ctx, "status");
  attr (ctx, "state", satisfied ? "satisfied" : "not-satisfied");
  if (status == TENKEN_STATUS_NOT_STARTED)
    attr (ctx, "reason", "other");
  end (ctx);
  end (ctx);

  if (observation_uuid != NULL)
    {
      start (ctx, "related-observation");
      attr (ctx, "observation-uuid", observation_uuid);
      end (ctx);
    }
  end (ctx);
}

static void
back_matter (Ctx *ctx)
{
  if (ctx->evidence->len == 0)
    return;

  start (ctx, "back-matter");
  for (guint i = 0; i < ctx->evidence->len; i++)
    {
      TenkenEvidence *e = g_ptr_array_index (ctx->evidence, i);
      gint64 id = tenken_evidence_get_id (e);
      g_autofree char *href = g_uri_escape_string (tenken_evidence_get_name (e), NULL, FALSE);
      const char *media_type = tenken_evidence_get_media_type (e);

      start (ctx, "resource");
      attr (ctx, "uuid", g_hash_table_lookup (ctx->resources, &id));
      text_element (ctx, "title", tenken_evidence_get_name (e));
      start (ctx, "rlink");
      attr (ctx, "href", *href != '\0' ? href : "evidence");
      if (media_type != NULL && *media_type != '\0')
        attr (ctx, "media-type", media_type);
      start (ctx, "hash");
      attr (ctx, "algorithm", "SHA-256");
      check (ctx, xmlTextWriterWriteString (ctx->writer, BAD_CAST tenken_evidence_get_sha256 (e)));
      end (ctx);
      end (ctx);
      end (ctx);
    }
  end (ctx);
}

gboolean
tenken_export_write_oscal (TenkenReport     *report,
                           TenkenOutput     *output,
                           TenkenExportJob  *job,
                           GError          **error)
{
  g_autoptr(xmlBuffer) buffer = xmlBufferCreate ();
  g_autoptr(GPtrArray) observations = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) resources = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) evidence = g_ptr_array_new_with_free_func (g_object_unref);
  TenkenScope *scope = tenken_report_get_scope (report);
  g_autofree char *ar_uuid = uuid ();
  g_autofree char *result_uuid = uuid ();
  g_autofree char *start_time = NULL;
  g_autofree char *end_time = NULL;
  g_autofree char *result_title = NULL;
  Ctx ctx = { NULL, NULL, 0, resources, evidence };
  GPtrArray *items;

  /* OSCAL is always every in-scope item, whatever the report kind; the
   * report took that snapshot on the caller's thread, so the worker never
   * touches the document */
  ctx.report = report;
  items = tenken_report_get_in_scope (report);

  ctx.writer = xmlNewTextWriterMemory (buffer, 0);
  if (ctx.writer == NULL)
    {
      g_set_error (error, TENKEN_EXPORT_ERROR, TENKEN_EXPORT_ERROR_FAILED,
                   _("Could not start the OSCAL document (out of memory?)"));
      return FALSE;
    }
  xmlTextWriterSetIndent (ctx.writer, 1);
  xmlTextWriterSetIndentString (ctx.writer, BAD_CAST "  ");

  check (&ctx, xmlTextWriterStartDocument (ctx.writer, NULL, "UTF-8", NULL));
  check (&ctx, xmlTextWriterStartElementNS (ctx.writer, NULL, BAD_CAST "assessment-results", BAD_CAST OSCAL_NS));
  attr (&ctx, "uuid", ar_uuid);

  metadata (&ctx);
  import_ap (&ctx);

  if (tenken_scope_get_period_start (scope) != NULL)
    start_time = iso_datetime (tenken_scope_get_period_start (scope), "00:00:00");
  else
    start_time = tenken_export_timestamp (tenken_document_get_created_at (tenken_report_get_document (report)));
  if (start_time == NULL)
    start_time = iso_datetime (tenken_report_get_today (report), "00:00:00");
  if (tenken_scope_get_period_end (scope) != NULL)
    end_time = iso_datetime (tenken_scope_get_period_end (scope), "23:59:59");

  result_title = g_strdup_printf ("%s: %s", tenken_export_type_text (report),
                                  tenken_catalog_get_title (tenken_document_get_catalog (tenken_report_get_document (report))));

  start (&ctx, "result");
  attr (&ctx, "uuid", result_uuid);
  text_element (&ctx, "title", result_title);
  paragraphs (&ctx, "description",
              "Status of every catalog item that applies to the roles in scope, as recorded in Tenken. "
              "Implemented and not-applicable items are satisfied; the Tenken status is the prop \"status\".");
  text_element (&ctx, "start", start_time);
  if (end_time != NULL && g_strcmp0 (end_time, start_time) > 0)
    text_element (&ctx, "end", end_time);

  start (&ctx, "reviewed-controls");
  start (&ctx, "control-selection");
  if (items->len == 0)
    {
      start (&ctx, "include-all");
      end (&ctx);
    }
  for (guint i = 0; i < items->len; i++)
    {
      TenkenCatalogNode *node = TENKEN_CATALOG_NODE (tenken_response_get_item (g_ptr_array_index (items, i)));

      start (&ctx, "include-control");
      attr (&ctx, "control-id", tenken_catalog_node_get_id (node));
      end (&ctx);
    }
  end (&ctx);
  end (&ctx);

  for (guint i = 0; i < items->len; i++)
    {
      TenkenResponse *response = g_ptr_array_index (items, i);
      char *observation_uuid = NULL;

      if (has_observation (report, response))
        {
          observation_uuid = uuid ();
          observation (&ctx, response, observation_uuid);
        }
      g_ptr_array_add (observations, observation_uuid);

      if (tenken_export_job_cancelled (job, error))
        {
          xmlFreeTextWriter (ctx.writer);
          return FALSE;
        }
      tenken_export_job_progress (job, 0.45 * (i + 1) / items->len);
    }

  for (guint i = 0; i < items->len; i++)
    {
      finding (&ctx, g_ptr_array_index (items, i), g_ptr_array_index (observations, i));

      if (tenken_export_job_cancelled (job, error))
        {
          xmlFreeTextWriter (ctx.writer);
          return FALSE;
        }
      tenken_export_job_progress (job, 0.45 + 0.45 * (i + 1) / items->len);
    }
  end (&ctx);  /* result */

  back_matter (&ctx);
  end (&ctx);  /* assessment-results */
  check (&ctx, xmlTextWriterEndDocument (ctx.writer));
  xmlFreeTextWriter (ctx.writer);

  if (ctx.rc < 0)
    {
      g_set_error (error, TENKEN_EXPORT_ERROR, TENKEN_EXPORT_ERROR_FAILED,
                   _("Could not write the OSCAL document"));
      return FALSE;
    }

  return tenken_output_write (output, xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer), error);
}
