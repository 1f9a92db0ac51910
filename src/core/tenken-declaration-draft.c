/* tenken-declaration-draft.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-declaration"

#include "config.h"

#include "tenken-declaration-draft.h"
#include "tenken-declaration-private.h"

struct _TenkenDeclarationDraft
{
  GObject                   parent_instance;

  TenkenDeclarationContent *content;
  TenkenTranslation        *translation;
};

G_DEFINE_FINAL_TYPE (TenkenDeclarationDraft, tenken_declaration_draft, G_TYPE_OBJECT)

static void
tenken_declaration_draft_finalize (GObject *object)
{
  TenkenDeclarationDraft *self = TENKEN_DECLARATION_DRAFT (object);

  g_clear_pointer (&self->content, tenken_declaration_content_free);
  g_clear_object (&self->translation);

  G_OBJECT_CLASS (tenken_declaration_draft_parent_class)->finalize (object);
}

static void
tenken_declaration_draft_class_init (TenkenDeclarationDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tenken_declaration_draft_finalize;
}

static void
tenken_declaration_draft_init (TenkenDeclarationDraft *self)
{
}

TenkenDeclarationDraft *
tenken_declaration_draft_new (TenkenDocument         *document,
                              const TenkenDeclarant  *declarant,
                              GError                **error)
{
  g_autoptr(TenkenDeclarationDraft) self = NULL;

  g_return_val_if_fail (TENKEN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (declarant != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TENKEN_TYPE_DECLARATION_DRAFT, NULL);
  self->content = tenken_declaration_build_content (document, declarant, &self->translation, error);
  if (self->content == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

const char *
tenken_declaration_draft_get_digest (TenkenDeclarationDraft *self)
{
  g_return_val_if_fail (TENKEN_IS_DECLARATION_DRAFT (self), NULL);

  return self->content->digest;
}

double
tenken_declaration_draft_get_page_aspect (void)
{
  double width, height;

  tenken_pdf_writer_get_page_size (&width, &height);

  return width / height;
}

guint
tenken_declaration_draft_render_page (TenkenDeclarationDraft *self,
                                      guint                   index,
                                      cairo_t                *cr,
                                      double                  width,
                                      double                  height)
{
  g_autoptr(TenkenPdfWriter) writer = NULL;
  double page_width, page_height, scale;
  guint n_pages;

  g_return_val_if_fail (TENKEN_IS_DECLARATION_DRAFT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  /* A writer per call: writers are not thread-safe, drafts are */
  writer = tenken_declaration_build_pdf (self->content, self->translation);
  n_pages = tenken_pdf_writer_get_n_pages (writer);
  if (n_pages == 0 || width <= 0 || height <= 0)
    return n_pages;

  tenken_pdf_writer_get_page_size (&page_width, &page_height);
  scale = MIN (width / page_width, height / page_height);

  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2.0, (height - page_height * scale) / 2.0);
  cairo_scale (cr, scale, scale);
  tenken_pdf_writer_render_page (writer, MIN (index, n_pages - 1), cr);
  cairo_restore (cr);

  return n_pages;
}
