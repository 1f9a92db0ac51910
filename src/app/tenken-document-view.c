/* tenken-document-view.c: placeholder until the checklist view lands
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-document-view"

#include "config.h"

#include "tenken-document-view.h"

struct _TenkenDocumentView
{
  GtkWidget       parent_instance;
  TenkenDocument *document;
};

G_DEFINE_FINAL_TYPE (TenkenDocumentView, tenken_document_view, GTK_TYPE_WIDGET)

static void
tenken_document_view_dispose (GObject *object)
{
  TenkenDocumentView *self = TENKEN_DOCUMENT_VIEW (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (tenken_document_view_parent_class)->dispose (object);
}

static void
tenken_document_view_class_init (TenkenDocumentViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tenken_document_view_dispose;
}

static void
tenken_document_view_init (TenkenDocumentView *self)
{
}

GtkWidget *
tenken_document_view_new (void)
{
  return g_object_new (TENKEN_TYPE_DOCUMENT_VIEW, NULL);
}

TenkenDocument *
tenken_document_view_get_document (TenkenDocumentView *self)
{
  return self->document;
}

void
tenken_document_view_set_document (TenkenDocumentView *self,
                                   TenkenDocument     *document)
{
  g_set_object (&self->document, document);
}

gboolean
tenken_document_view_select_item (TenkenDocumentView *self,
                                  const char         *item_id)
{
  return FALSE;
}
