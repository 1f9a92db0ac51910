/* tenken-declaration-private.h: what a declaration says, shared by its writers
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-declaration.h"
#include "tenken-pdf-writer.h"
#include "tenken-translation.h"

G_BEGIN_DECLS

/* Context of the declaration's own words in po/ja.po, so that they never
 * collide with the same English word used elsewhere */
#define TENKEN_DECLARATION_CONTEXT "declaration"

typedef struct
{
  char         *id;
  char         *label;
  char         *title;
  TenkenStatus  status;
  char         *justification;  /* NULL when none */
  char         *target_date;    /* NULL when none */
} TenkenDeclarationItem;

typedef struct
{
  gint64              id;       /* in the document; 0 when read from XML */
  char               *item_id;
  TenkenEvidenceKind  kind;
  char               *name;
  char               *sha256;   /* files only */
  guint64             size;     /* files only */
  char               *url;      /* URLs only */
} TenkenDeclarationEvidence;

/*
 * The content of a declaration: built from a document when writing, read
 * back from the XML when verifying, so that the two can be compared field
 * by field. Every string is valid UTF-8 that XML 1.0 can carry.
 */
typedef struct
{
  char                *lang;
  char                *name;
  char                *title;
  char                *organisation;
  char                *date;
  char                *place;            /* NULL when none */

  char                *scope_organisation;
  char                *scope_service;
  TenkenRoles          scope_roles;
  TenkenTier           scope_tier;
  TenkenAssessmentType scope_assessment_type;
  char                *scope_period_start;
  char                *scope_period_end;
  char                *scope_assessor;

  char                *catalog_id;
  char                *catalog_title;
  char                *catalog_version;
  char                *catalog_sha256;

  char                *document_name;
  char                *document_created;  /* ISO 8601, NULL when unknown */

  char                *text;
  guint                counts[TENKEN_N_STATUSES];
  guint                total;

  GPtrArray           *items;     /* TenkenDeclarationItem, catalog order */
  GPtrArray           *evidence;  /* TenkenDeclarationEvidence, by item */

  char                *digest;    /* hex, once computed or read */
} TenkenDeclarationContent;

TenkenDeclarationContent *tenken_declaration_content_new  (void);
void                      tenken_declaration_content_free (TenkenDeclarationContent *content);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenkenDeclarationContent, tenken_declaration_content_free)

/* The statuses listed under Exceptions */
gboolean tenken_declaration_status_is_exception (TenkenStatus status);

/* The declaration's own words, in its language */
const char *tenken_declaration_tr          (TenkenTranslation *translation,
                                            const char        *msgid);
const char *tenken_declaration_status_name (TenkenTranslation *translation,
                                            TenkenStatus       status);

/* Writes the PDF rendering of @content (digest included) into @output;
 * the caller commits it */
gboolean tenken_declaration_write_pdf (const TenkenDeclarationContent  *content,
                                       TenkenTranslation               *translation,
                                       TenkenOutput                    *output,
                                       GCancellable                    *cancellable,
                                       GError                         **error);

/* Lays out the PDF rendering of @content (digest included), for saving
 * or previewing */
TenkenPdfWriter *tenken_declaration_build_pdf (const TenkenDeclarationContent *content,
                                               TenkenTranslation              *translation);

/* What tenken_declaration_write() would write, in memory: reads @document
 * (calling thread) and returns the content with its digest, for previews */
TenkenDeclarationContent *tenken_declaration_build_content (TenkenDocument         *document,
                                                            const TenkenDeclarant  *declarant,
                                                            TenkenTranslation     **out_translation,
                                                            GError                **error);

G_END_DECLS
