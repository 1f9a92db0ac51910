/* tenken-declaration-pdf.c: the printed form of a declaration
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-declaration"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tenken-declaration-private.h"
#include "tenken-pdf-writer.h"

#define TR(msgid) tenken_declaration_tr (translation, msgid)

static char *
format_date (TenkenTranslation *translation,
             const char        *iso_date)
{
  if (iso_date == NULL)
    return NULL;

  return tenken_translation_format_date (translation, iso_date);
}

/* In units any reader knows, whatever the declaration's language:
 * g_format_size() would write "13 bytes" in the user interface's */
static char *
format_size (guint64 size)
{
  if (size < 1000)
    return g_strdup_printf ("%u B", (guint) size);

  return g_format_size (size);
}

static void
optional_field (TenkenPdfWriter *writer,
                const char      *key,
                const char      *value)
{
  if (value != NULL && *value != '\0')
    tenken_pdf_writer_field (writer, key, value);
}

static char *
roles_text (TenkenTranslation *translation,
            TenkenRoles        roles)
{
  static const char * const names[] = {
    NC_("declaration", "Developer"),
    NC_("declaration", "Supplier"),
    NC_("declaration", "Operator"),
    NC_("declaration", "Customer"),
    NC_("declaration", "Cloud service provider"),
    NC_("declaration", "Assessor"),
  };
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (roles == 0)
    return g_strdup (TR (NC_("declaration", "All roles")));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (roles & (1u << i))
      g_ptr_array_add (parts, (gpointer) TR (names[i]));
  g_ptr_array_add (parts, NULL);

  /* Translators: separator between role names in a declaration */
  return g_strjoinv (TR (NC_("declaration", ", ")), (char **) parts->pdata);
}

static const char *
tier_text (TenkenTranslation *translation,
           TenkenTier         tier)
{
  return tier == TENKEN_TIER_SUB ? TR (NC_("declaration", "Sub-provider"))
                                 : TR (NC_("declaration", "Prime provider"));
}

static const char *
assessment_type_text (TenkenTranslation    *translation,
                      TenkenAssessmentType  type)
{
  switch (type)
    {
    case TENKEN_ASSESSMENT_DESIGN:      return TR (NC_("declaration", "Design assessment"));
    case TENKEN_ASSESSMENT_OPERATIONAL: return TR (NC_("declaration", "Operational assessment"));
    case TENKEN_ASSESSMENT_SELF:
    default:                            return TR (NC_("declaration", "Self-assessment"));
    }
}

static char *
status_counts_text (const TenkenDeclarationContent *content,
                    TenkenTranslation              *translation)
{
  GString *text = g_string_new (NULL);

  /* Translators: "69 items: " before the counts per status */
  g_string_append_printf (text, "%u %s", content->total, TR (NC_("declaration", "items")));
  for (guint i = 0; i < TENKEN_N_STATUSES; i++)
    {
      TenkenStatus status = (TenkenStatus) i;

      if (content->counts[i] == 0)
        continue;

      g_string_append (text, TR (NC_("declaration", ", ")));
      g_string_append_printf (text, "%s %u", tenken_declaration_status_name (translation, status),
                              content->counts[i]);
    }

  return g_string_free (text, FALSE);
}

static const double *
status_color (TenkenStatus status)
{
  /* Marker squares beside the status word (never colour alone) */
  static const double colors[TENKEN_N_STATUSES][3] = {
    [TENKEN_STATUS_NOT_STARTED]     = { 0.60, 0.62, 0.66 },
    [TENKEN_STATUS_IMPLEMENTED]     = { 0.18, 0.55, 0.34 },
    [TENKEN_STATUS_PARTIAL]         = { 0.90, 0.60, 0.10 },
    [TENKEN_STATUS_NOT_IMPLEMENTED] = { 0.78, 0.18, 0.18 },
    [TENKEN_STATUS_NOT_APPLICABLE]  = { 0.45, 0.45, 0.50 },
    [TENKEN_STATUS_PLANNED]         = { 0.20, 0.45, 0.78 },
  };

  return colors[status];
}

typedef struct
{
  TenkenTranslation *translation;
  PangoContext      *context;
} SignatureData;

/* Two lines to sign and date on, labelled below */
static void
draw_signature_lines (cairo_t      *cr,
                      double        width,
                      double        height,
                      PangoContext *context,
                      gpointer      user_data)
{
  SignatureData *data = user_data;
  TenkenTranslation *translation = data->translation;
  const char *labels[] = {
    TR (NC_("declaration", "Signature")),
    TR (NC_("declaration", "Seal")),
  };
  double rule[3];
  double muted[3];
  double column = width / 2.0;

  tenken_pdf_writer_get_color ("text", rule);
  tenken_pdf_writer_get_color ("muted", muted);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 8");
      double x = i * column;

      cairo_set_source_rgb (cr, rule[0], rule[1], rule[2]);
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, x, height - 14.0);
      cairo_line_to (cr, x + column - 24.0, height - 14.0);
      cairo_stroke (cr);

      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, labels[i], -1);
      cairo_set_source_rgb (cr, muted[0], muted[1], muted[2]);
      cairo_move_to (cr, x, height - 11.0);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
write_summary_page (TenkenPdfWriter                *writer,
                    const TenkenDeclarationContent *content,
                    TenkenTranslation              *translation)
{
  g_autofree char *date = format_date (translation, content->date);
  g_autofree char *roles = roles_text (translation, content->scope_roles);
  g_autofree char *period = NULL;
  g_autofree char *counts = status_counts_text (content, translation);
  g_autofree char *start = format_date (translation, content->scope_period_start);
  g_autofree char *end = format_date (translation, content->scope_period_end);

  tenken_pdf_writer_heading (writer, TENKEN_PDF_TITLE, TR (NC_("declaration", "Declaration of Conformity")));
  tenken_pdf_writer_paragraph (writer, TENKEN_PDF_SUBTITLE, content->catalog_title);
  tenken_pdf_writer_space (writer, 6.0);

  /* Who declares, for whom, when and where: the first thing a reader
   * looks for, before the signature block at the end */
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Name")), content->name);
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Position")), content->title);
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Organisation")), content->organisation);
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Service")), content->scope_service);
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Date")), date);
  optional_field (writer, TR (NC_("declaration", "Place")), content->place);

  tenken_pdf_writer_add_outline (writer, 1, TR (NC_("declaration", "Declaration")));
  tenken_pdf_writer_heading (writer, TENKEN_PDF_HEADING_1, TR (NC_("declaration", "Declaration")));
  tenken_pdf_writer_paragraph (writer, TENKEN_PDF_BODY, content->text);

  tenken_pdf_writer_add_outline (writer, 1, TR (NC_("declaration", "Scope")));
  tenken_pdf_writer_heading (writer, TENKEN_PDF_HEADING_1, TR (NC_("declaration", "Scope")));
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Organisation")), content->scope_organisation);
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Service")), content->scope_service);
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Roles")), roles);
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Tier")), tier_text (translation, content->scope_tier));
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Assessment type")),
                           assessment_type_text (translation, content->scope_assessment_type));
  if (start != NULL || end != NULL)
    {
      period = g_strdup_printf ("%s – %s", start != NULL ? start : "", end != NULL ? end : "");
      tenken_pdf_writer_field (writer, TR (NC_("declaration", "Assessment period")), period);
    }
  optional_field (writer, TR (NC_("declaration", "Assessor")), content->scope_assessor);
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Assessment file")), content->document_name);

  tenken_pdf_writer_heading (writer, TENKEN_PDF_HEADING_2, TR (NC_("declaration", "Catalog")));
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Title")), content->catalog_title);
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Identifier")), content->catalog_id);
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Version")), content->catalog_version);
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "SHA-256")), content->catalog_sha256);
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Items in scope")), counts);
}

static void
write_exceptions (TenkenPdfWriter                *writer,
                  const TenkenDeclarationContent *content,
                  TenkenTranslation              *translation)
{
  const double widths[] = { 0.14, 0.50, 0.20, 0.16 };
  const char *headers[] = {
    TR (NC_("declaration", "Item")),
    TR (NC_("declaration", "Title")),
    TR (NC_("declaration", "Status")),
    TR (NC_("declaration", "Target date")),
  };
  gboolean any = FALSE;

  tenken_pdf_writer_add_outline (writer, 1, TR (NC_("declaration", "Exceptions")));
  tenken_pdf_writer_heading (writer, TENKEN_PDF_HEADING_1, TR (NC_("declaration", "Exceptions")));

  for (guint i = 0; i < content->items->len; i++)
    {
      const TenkenDeclarationItem *item = g_ptr_array_index (content->items, i);
      g_autofree char *target = NULL;
      TenkenPdfCell cells[4] = { { 0, }, };

      if (!tenken_declaration_status_is_exception (item->status))
        continue;

      if (!any)
        {
          tenken_pdf_writer_paragraph (writer, TENKEN_PDF_BODY,
                                       TR (NC_("declaration", "The following items are not declared as conforming. Planned items give the date by which they are to be implemented.")));
          tenken_pdf_writer_begin_table (writer, G_N_ELEMENTS (widths), widths, headers);
          any = TRUE;
        }

      target = format_date (translation, item->target_date);
      cells[0] = (TenkenPdfCell) { item->label, TENKEN_PDF_BODY, NULL, TRUE };
      cells[1] = (TenkenPdfCell) { item->title, TENKEN_PDF_BODY, NULL, FALSE };
      cells[2] = (TenkenPdfCell) { tenken_declaration_status_name (translation, item->status),
                                   TENKEN_PDF_BODY, status_color (item->status), FALSE };
      cells[3] = (TenkenPdfCell) { target, TENKEN_PDF_BODY, NULL, FALSE };
      tenken_pdf_writer_table_row (writer, cells);
    }

  if (any)
    tenken_pdf_writer_end_table (writer);
  else
    tenken_pdf_writer_paragraph (writer, TENKEN_PDF_BODY,
                                 TR (NC_("declaration", "None: every item in scope is implemented or not applicable.")));
}

static void
write_not_applicable (TenkenPdfWriter                *writer,
                      const TenkenDeclarationContent *content,
                      TenkenTranslation              *translation)
{
  const double widths[] = { 0.14, 0.38, 0.48 };
  const char *headers[] = {
    TR (NC_("declaration", "Item")),
    TR (NC_("declaration", "Title")),
    TR (NC_("declaration", "Justification")),
  };
  gboolean any = FALSE;

  for (guint i = 0; i < content->items->len; i++)
    {
      const TenkenDeclarationItem *item = g_ptr_array_index (content->items, i);
      TenkenPdfCell cells[3] = { { 0, }, };

      if (item->status != TENKEN_STATUS_NOT_APPLICABLE)
        continue;

      if (!any)
        {
          tenken_pdf_writer_add_outline (writer, 1, TR (NC_("declaration", "Items not applicable")));
          tenken_pdf_writer_heading (writer, TENKEN_PDF_HEADING_1, TR (NC_("declaration", "Items not applicable")));
          tenken_pdf_writer_begin_table (writer, G_N_ELEMENTS (widths), widths, headers);
          any = TRUE;
        }

      cells[0] = (TenkenPdfCell) { item->label, TENKEN_PDF_BODY, NULL, TRUE };
      cells[1] = (TenkenPdfCell) { item->title, TENKEN_PDF_BODY, NULL, FALSE };
      cells[2] = (TenkenPdfCell) { item->justification, TENKEN_PDF_BODY, NULL, FALSE };
      tenken_pdf_writer_table_row (writer, cells);
    }

  if (any)
    tenken_pdf_writer_end_table (writer);
}

static void
write_signature (TenkenPdfWriter                *writer,
                 const TenkenDeclarationContent *content,
                 TenkenTranslation              *translation)
{
  g_autofree char *date = format_date (translation, content->date);
  SignatureData data = { translation, tenken_pdf_writer_get_context (writer) };

  /* The block stays together on one page */
  tenken_pdf_writer_ensure_space (writer, 230.0);
  tenken_pdf_writer_add_outline (writer, 1, TR (NC_("declaration", "Signature")));
  tenken_pdf_writer_heading (writer, TENKEN_PDF_HEADING_1, TR (NC_("declaration", "Signed for and on behalf of")));
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Organisation")), content->organisation);
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Name")), content->name);
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Position")), content->title);
  tenken_pdf_writer_field (writer, TR (NC_("declaration", "Date")), date);
  optional_field (writer, TR (NC_("declaration", "Place")), content->place);
  tenken_pdf_writer_drawing (writer, 72.0, draw_signature_lines, &data);

  tenken_pdf_writer_heading (writer, TENKEN_PDF_HEADING_2, TR (NC_("declaration", "Digest")));
  tenken_pdf_writer_paragraph (writer, TENKEN_PDF_SMALL,
                               TR (NC_("declaration", "SHA-256 of the canonical form (Exclusive XML Canonicalization) of the content of the machine-readable declaration, which includes the hash of every evidence file. “tenken-cli verify” checks it.")));
  tenken_pdf_writer_paragraph (writer, TENKEN_PDF_MONO, content->digest);
}

static void
write_items (TenkenPdfWriter                *writer,
             const TenkenDeclarationContent *content,
             TenkenTranslation              *translation)
{
  const double widths[] = { 0.14, 0.60, 0.26 };
  const char *headers[] = {
    TR (NC_("declaration", "Item")),
    TR (NC_("declaration", "Title")),
    TR (NC_("declaration", "Status")),
  };

  tenken_pdf_writer_page_break (writer);
  tenken_pdf_writer_add_outline (writer, 1, TR (NC_("declaration", "Annex: every item in scope")));
  tenken_pdf_writer_heading (writer, TENKEN_PDF_HEADING_1, TR (NC_("declaration", "Annex: every item in scope")));
  tenken_pdf_writer_begin_table (writer, G_N_ELEMENTS (widths), widths, headers);

  for (guint i = 0; i < content->items->len; i++)
    {
      const TenkenDeclarationItem *item = g_ptr_array_index (content->items, i);
      TenkenPdfCell cells[3] = {
        { item->label, TENKEN_PDF_BODY, NULL, TRUE },
        { item->title, TENKEN_PDF_BODY, NULL, FALSE },
        { tenken_declaration_status_name (translation, item->status), TENKEN_PDF_BODY,
          status_color (item->status), FALSE },
      };

      tenken_pdf_writer_table_row (writer, cells);
    }

  tenken_pdf_writer_end_table (writer);
}

static const char *
label_for_item (const TenkenDeclarationContent *content,
                const char                     *item_id)
{
  for (guint i = 0; i < content->items->len; i++)
    {
      const TenkenDeclarationItem *item = g_ptr_array_index (content->items, i);

      if (g_strcmp0 (item->id, item_id) == 0)
        return item->label;
    }

  return item_id;
}

static void
write_evidence (TenkenPdfWriter                *writer,
                const TenkenDeclarationContent *content,
                TenkenTranslation              *translation)
{
  const double widths[] = { 0.12, 0.30, 0.46, 0.12 };
  const char *headers[] = {
    TR (NC_("declaration", "Item")),
    TR (NC_("declaration", "Evidence")),
    TR (NC_("declaration", "SHA-256 or address")),
    TR (NC_("declaration", "Size")),
  };

  tenken_pdf_writer_add_outline (writer, 1, TR (NC_("declaration", "Annex: evidence manifest")));
  tenken_pdf_writer_heading (writer, TENKEN_PDF_HEADING_1, TR (NC_("declaration", "Annex: evidence manifest")));

  if (content->evidence->len == 0)
    {
      tenken_pdf_writer_paragraph (writer, TENKEN_PDF_BODY,
                                   TR (NC_("declaration", "No evidence is attached to the items in scope.")));
      return;
    }

  tenken_pdf_writer_begin_table (writer, G_N_ELEMENTS (widths), widths, headers);
  for (guint i = 0; i < content->evidence->len; i++)
    {
      const TenkenDeclarationEvidence *evidence = g_ptr_array_index (content->evidence, i);
      gboolean file = evidence->kind == TENKEN_EVIDENCE_FILE;
      g_autofree char *size = file ? format_size (evidence->size) : NULL;
      TenkenPdfCell cells[4] = {
        { label_for_item (content, evidence->item_id), TENKEN_PDF_BODY, NULL, TRUE },
        { evidence->name, TENKEN_PDF_BODY, NULL, FALSE },
        { file ? evidence->sha256 : evidence->url, file ? TENKEN_PDF_MONO : TENKEN_PDF_SMALL, NULL, FALSE },
        { size, TENKEN_PDF_SMALL, NULL, FALSE },
      };

      tenken_pdf_writer_table_row (writer, cells);
    }
  tenken_pdf_writer_end_table (writer);
}

TenkenPdfWriter *
tenken_declaration_build_pdf (const TenkenDeclarationContent *content,
                              TenkenTranslation              *translation)
{
  g_autoptr(TenkenPdfWriter) writer = NULL;
  g_autofree char *footer = NULL;

  g_return_val_if_fail (content->digest != NULL, NULL);

  writer = tenken_pdf_writer_new (content->lang);

  /* Every page names what it belongs to */
  footer = g_strdup_printf ("%s — %s %.16s…", content->organisation,
                            TR (NC_("declaration", "Digest")), content->digest);

  tenken_pdf_writer_set_title (writer, TR (NC_("declaration", "Declaration of Conformity")));
  tenken_pdf_writer_set_header_right (writer, content->catalog_title);
  tenken_pdf_writer_set_footer_text (writer, footer);
  tenken_pdf_writer_set_page_label (writer, TR (NC_("declaration", "Page {page} of {pages}")));
  tenken_pdf_writer_set_author (writer, content->name);

  write_summary_page (writer, content, translation);
  write_exceptions (writer, content, translation);
  write_not_applicable (writer, content, translation);
  write_signature (writer, content, translation);
  write_items (writer, content, translation);
  write_evidence (writer, content, translation);

  return g_steal_pointer (&writer);
}

gboolean
tenken_declaration_write_pdf (const TenkenDeclarationContent  *content,
                              TenkenTranslation               *translation,
                              TenkenOutput                    *output,
                              GCancellable                    *cancellable,
                              GError                         **error)
{
  g_autoptr(TenkenPdfWriter) writer = tenken_declaration_build_pdf (content, translation);

  g_return_val_if_fail (writer != NULL, FALSE);

  return tenken_pdf_writer_save (writer, output, cancellable, error);
}
