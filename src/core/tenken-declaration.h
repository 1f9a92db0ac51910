/* tenken-declaration.h: declarations of conformity, written and verified
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tenken-document.h"

G_BEGIN_DECLS

#define TENKEN_DECLARATION_ERROR (tenken_declaration_error_quark ())

typedef enum
{
  TENKEN_DECLARATION_ERROR_IO,
  TENKEN_DECLARATION_ERROR_MALFORMED,  /* not a well-formed / schema-valid declaration */
  TENKEN_DECLARATION_ERROR_INVALID,    /* missing declarant fields */
} TenkenDeclarationError;

GQuark tenken_declaration_error_quark (void);

/* Our namespace and the schema in data/schemas/ */
#define TENKEN_DECLARATION_NS "https://tenken.github.io/ns/declaration/1.0"
#define TENKEN_DECLARATION_SCHEMA "tenken-declaration-1.0.xsd"

typedef struct
{
  const char *name;          /* required */
  const char *title;         /* required: the declarant's position */
  const char *organisation;  /* NULL: the scope's organisation */
  const char *place;         /* may be NULL */
  const char *date;          /* "YYYY-MM-DD"; NULL: today */
  const char *lang;          /* "en" or "ja"; NULL: "en" */
} TenkenDeclarant;

/*
 * Writes @xml_out (our namespace, schema-valid, carrying a SHA-256 digest
 * over the exclusive C14N of its content element and the evidence-hash
 * manifest) and @pdf_out (the same content, printing the digest), both
 * atomically. Returns the digest (hex) in @out_digest if non-NULL.
 */
gboolean tenken_declaration_write  (TenkenDocument         *document,
                                    const TenkenDeclarant  *declarant,
                                    GFile                  *xml_out,
                                    GFile                  *pdf_out,
                                    char                  **out_digest,
                                    GCancellable           *cancellable,
                                    GError                **error);

/* The same, in a worker thread: the document is read on the calling thread
 * before this returns, so later edits do not change what is declared. */
void     tenken_declaration_write_async  (TenkenDocument         *document,
                                          const TenkenDeclarant  *declarant,
                                          GFile                  *xml_out,
                                          GFile                  *pdf_out,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
gboolean tenken_declaration_write_finish (TenkenDocument         *document,
                                          GAsyncResult           *result,
                                          char                  **out_digest,
                                          GError                **error);

/*
 * Verifies @xml: well-formed, schema-valid, digest matches. With @document,
 * also that the declaration still matches the document's catalog, scope,
 * current answers and evidence. Each difference is appended to @problems as
 * one readable line ("S(1)-1.2: status is now partial, declared implemented").
 * Returns TRUE when valid with no problem; FALSE with @error only when the
 * file cannot be read or parsed at all.
 */
gboolean tenken_declaration_verify (GFile                  *xml,
                                    TenkenDocument         *document,
                                    GPtrArray              *problems,
                                    GCancellable           *cancellable,
                                    GError                **error);

G_END_DECLS
