/* test-declaration.c: declarations of conformity, written, tampered with, verified
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tenken-core.h"
#include "tenken-declaration.h"

#define DECLARANT_NAME "Hanako Yamada"
#define EVIDENCE_TEXT "Access control policy, version 3.\nApproved by the board.\n"

typedef struct
{
  char           *dir;
  GFile          *document_file;
  TenkenDocument *document;
  GFile          *xml;
  GFile          *pdf;
  char           *digest;
} Fixture;

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static TenkenCatalog *
load_meti_catalog (void)
{
  g_autoptr(GFile) dir = tenken_paths_get_catalog_dir ();
  g_autoptr(GFile) file = g_file_get_child (dir, "meti-cip-guidelines.xml");
  g_autoptr(GError) error = NULL;
  TenkenCatalog *catalog;

  catalog = tenken_catalog_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  return catalog;
}

static void
answer (TenkenDocument *document,
        const char     *label,
        TenkenStatus    status,
        const char     *justification,
        const char     *target_date)
{
  TenkenResponse *live = tenken_document_get_response_by_label (document, label);
  g_autoptr(TenkenResponse) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (live);
  copy = tenken_response_copy (live);
  tenken_response_set_status (copy, status);
  tenken_response_set_justification (copy, justification);
  tenken_response_set_target_date (copy, target_date);
  tenken_document_set_response (document, copy, &error);
  g_assert_no_error (error);
}

static const char *
item_id_for (TenkenDocument *document,
             const char     *label)
{
  TenkenResponse *response = tenken_document_get_response_by_label (document, label);

  g_assert_nonnull (response);
  return tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (tenken_response_get_item (response)));
}

static TenkenEvidence *
attach_text (Fixture    *fixture,
             const char *name,
             const char *text,
             const char *label)
{
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TenkenEvidence *evidence;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  evidence = tenken_document_add_evidence_file (fixture->document, file,
                                                item_id_for (fixture->document, label),
                                                NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return evidence;
}

static void
remove_evidence_named (Fixture    *fixture,
                       const char *label,
                       const char *name)
{
  g_autoptr(GListModel) linked = NULL;
  guint removed = 0;

  linked = tenken_document_list_item_evidence (fixture->document, item_id_for (fixture->document, label));
  for (guint i = 0; i < g_list_model_get_n_items (linked); i++)
    {
      g_autoptr(TenkenEvidence) e = g_list_model_get_item (linked, i);
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (tenken_evidence_get_name (e), name) != 0)
        continue;

      tenken_document_remove_evidence (fixture->document, tenken_evidence_get_id (e), &error);
      g_assert_no_error (error);
      removed++;
    }

  g_assert_cmpuint (removed, ==, 1);
}

static void
write_declaration (Fixture    *fixture,
                   const char *lang)
{
  g_autoptr(GError) error = NULL;
  TenkenDeclarant declarant = {
    .name = DECLARANT_NAME,
    .title = "Chief Information Security Officer",
    .place = "Tokyo",
    .date = "2026-11-22",
    .lang = lang,
  };

  g_clear_pointer (&fixture->digest, g_free);
  g_assert_true (tenken_declaration_write (fixture->document, &declarant, fixture->xml, fixture->pdf,
                                           &fixture->digest, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (fixture->digest);
  g_assert_cmpuint (strlen (fixture->digest), ==, 64);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TenkenCatalog) catalog = load_meti_catalog ();
  g_autoptr(TenkenScope) scope = tenken_scope_new ();
  g_autoptr(TenkenEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *lang = data;

  fixture->dir = g_dir_make_tmp ("tenken-declaration-XXXXXX", &error);
  g_assert_no_error (error);

  tenken_scope_set_organisation (scope, "ACME 株式会社");
  tenken_scope_set_service (scope, "ACME Cloud");
  tenken_scope_set_period_start (scope, "2026-04-01");
  tenken_scope_set_period_end (scope, "2026-09-30");

  path = fixture_path (fixture, "acme.tenken");
  fixture->document_file = g_file_new_for_path (path);
  fixture->document = tenken_document_create (fixture->document_file, catalog, scope, &error);
  g_assert_no_error (error);

  answer (fixture->document, "S(1)-1.1", TENKEN_STATUS_IMPLEMENTED, NULL, NULL);
  answer (fixture->document, "S(1)-1.2", TENKEN_STATUS_NOT_APPLICABLE,
          "We develop no software; the service is operated only.", NULL);
  answer (fixture->document, "S(1)-1.3", TENKEN_STATUS_PLANNED, NULL, "2027-03-31");
  answer (fixture->document, "S(2)-1.1", TENKEN_STATUS_PARTIAL, NULL, NULL);
  answer (fixture->document, "S(2)-1.2", TENKEN_STATUS_NOT_IMPLEMENTED, NULL, NULL);
  /* Text XML must escape or cannot carry: it survives the round trip */
  answer (fixture->document, "S(3)-1.1", TENKEN_STATUS_NOT_APPLICABLE,
          "  Line one\r\nLine two\tand a \x01 control & <markup>  ", NULL);
  evidence = attach_text (fixture, "policy.txt", EVIDENCE_TEXT, "S(1)-1.1");
  g_clear_object (&evidence);
  evidence = tenken_document_add_evidence_url (fixture->document, "https://example.com/policy",
                                               item_id_for (fixture->document, "S(1)-1.1"),
                                               NULL, &error);
  g_assert_no_error (error);

  g_free (path);
  path = fixture_path (fixture, "declaration.xml");
  fixture->xml = g_file_new_for_path (path);
  g_free (path);
  path = fixture_path (fixture, "declaration.pdf");
  fixture->pdf = g_file_new_for_path (path);

  write_declaration (fixture, lang != NULL ? lang : "en");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->document);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = fixture_path (fixture, name);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);

  g_clear_object (&fixture->document_file);
  g_clear_object (&fixture->xml);
  g_clear_object (&fixture->pdf);
  g_free (fixture->digest);
  g_free (fixture->dir);
}

/* Runs a program; returns its stdout, asserts exit status 0 */
static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return out;
}

/* A tool named by tests/meson.build ($PDFTOTEXT …), else from $PATH; NULL
 * (and the test skipped) when missing */
static char *
find_tool (const char *name)
{
  g_autofree char *variable = g_ascii_strup (name, -1);
  const char *path = g_getenv (variable);
  char *found = path != NULL ? g_strdup (path) : g_find_program_in_path (name);

  if (found == NULL)
    g_test_skip_printf ("%s is not installed", name);

  return found;
}

static char *
pdf_text (const char *pdftotext,
          GFile      *pdf)
{
  g_autofree char *path = g_file_get_path (pdf);
  const char *argv[] = { pdftotext, "-layout", path, "-", NULL };

  return run (argv);
}

static gboolean
problems_contain (GPtrArray  *problems,
                  const char *needle)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (g_ptr_array_index (problems, i), needle) != NULL)
      return TRUE;

  return FALSE;
}

static void
dump_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
}

static gboolean
verify (GFile          *xml,
        TenkenDocument *document,
        GPtrArray      *problems)
{
  g_autoptr(GError) error = NULL;
  gboolean valid;

  valid = tenken_declaration_verify (xml, document, problems, NULL, &error);
  g_assert_no_error (error);
  dump_problems (problems);
  g_assert_true (valid == (problems->len == 0));

  return valid;
}

static char *
read_xml (Fixture *fixture)
{
  g_autofree char *path = g_file_get_path (fixture->xml);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* Writes a copy of the declaration with @from (which must occur) replaced
 * by @to, once, and returns it */
static GFile *
tampered_copy (Fixture    *fixture,
               const char *from,
               const char *to)
{
  g_autofree char *text = read_xml (fixture);
  g_autofree char *path = fixture_path (fixture, "tampered.xml");
  g_autoptr(GError) error = NULL;
  GString *copy = g_string_new (text);
  char *at = strstr (copy->str, from);

  g_assert_nonnull (at);
  g_string_erase (copy, at - copy->str, strlen (from));
  g_string_insert (copy, at - copy->str, to);
  g_file_set_contents (path, copy->str, copy->len, &error);
  g_assert_no_error (error);
  g_string_free (copy, TRUE);

  return g_file_new_for_path (path);
}

static void
test_write (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *xml = read_xml (fixture);
  g_autofree char *digest_element = NULL;

  /* The content the issue asks for, in our namespace */
  g_assert_nonnull (strstr (xml, "xmlns=\"" TENKEN_DECLARATION_NS "\""));
  g_assert_nonnull (strstr (xml, "<name>" DECLARANT_NAME "</name>"));
  g_assert_nonnull (strstr (xml, "<title>Chief Information Security Officer</title>"));
  g_assert_nonnull (strstr (xml, "<organisation>ACME 株式会社</organisation>"));
  g_assert_nonnull (strstr (xml, "<place>Tokyo</place>"));
  g_assert_nonnull (strstr (xml, "<date>2026-11-22</date>"));
  g_assert_nonnull (strstr (xml, "<catalog id=\"meti-cip-guidelines\""));
  g_assert_nonnull (strstr (xml, "label=\"S(1)-1.2\" status=\"not-applicable\""));
  g_assert_nonnull (strstr (xml, "<justification>We develop no software; the service is operated only.</justification>"));
  g_assert_nonnull (strstr (xml, "label=\"S(1)-1.3\" status=\"planned\" target-date=\"2027-03-31\""));
  g_assert_nonnull (strstr (xml, "label=\"S(2)-1.1\" status=\"partial\""));
  g_assert_nonnull (strstr (xml, "label=\"S(2)-1.2\" status=\"not-implemented\""));
  g_assert_null (strstr (xml, "label=\"S(1)-1.1\" status=\"implemented\" target"));
  g_assert_nonnull (strstr (xml, "name=\"policy.txt\""));
  g_assert_nonnull (strstr (xml, "url=\"https://example.com/policy\""));
  g_assert_nonnull (strstr (xml, "We, ACME 株式会社, declare"));

  /* The evidence hash is the SHA-256 of the file */
  {
    g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, EVIDENCE_TEXT, -1);
    g_autofree char *attr = g_strdup_printf ("sha256=\"%s\"", sha);

    g_assert_nonnull (strstr (xml, attr));
  }

  digest_element = g_strdup_printf (">%s</digest>", fixture->digest);
  g_assert_nonnull (strstr (xml, digest_element));
}

/* The digest, recomputed independently: the <content> element cut out of
 * the file as text, given the namespace it inherits, canonicalized by
 * xmllint --exc-c14n and hashed */
static void
test_digest_independent (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *xml = read_xml (fixture);
  g_autofree char *xmllint = find_tool ("xmllint");
  g_autofree char *path = fixture_path (fixture, "content-only.xml");
  g_autofree char *canonical = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(GString) content = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *start = strstr (xml, "<content>");
  const char *end = strstr (xml, "</content>");

  if (xmllint == NULL)
    return;

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  g_string_append (content, "<content xmlns=\"" TENKEN_DECLARATION_NS "\">");
  g_string_append_len (content, start + strlen ("<content>"), end - start - strlen ("<content>"));
  g_string_append (content, "</content>");
  g_file_set_contents (path, content->str, content->len, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { xmllint, "--exc-c14n", path, NULL };

    canonical = run (argv);
  }
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  g_assert_cmpstr (digest, ==, fixture->digest);
}

static void
test_schema_valid (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = tenken_paths_get_schema_dir ();
  g_autoptr(GFile) xsd = g_file_get_child (dir, TENKEN_DECLARATION_SCHEMA);
  g_autofree char *xsd_path = g_file_get_path (xsd);
  g_autofree char *xml_path = g_file_get_path (fixture->xml);
  g_autofree char *out = NULL;
  g_autofree char *xmllint = find_tool ("xmllint");
  const char *argv[] = { xmllint, "--noout", "--nonet", "--schema", xsd_path, xml_path, NULL };

  if (xmllint == NULL)
    return;

  /* Exits 0 only when valid */
  out = run (argv);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = find_tool ("pdftotext");
  const char *lang = data;

  if (pdftotext == NULL)
    return;

  text = pdf_text (pdftotext, fixture->pdf);
  g_assert_nonnull (strstr (text, fixture->digest));
  g_assert_nonnull (strstr (text, DECLARANT_NAME));
  /* The first page names the declarant and their position, not only the
   * signature block at the end */
  {
    g_auto(GStrv) pages = g_strsplit (text, "\f", 2);

    g_assert_nonnull (strstr (pages[0], DECLARANT_NAME));
    g_assert_nonnull (strstr (pages[0], "Chief Information Security Officer"));
  }
  g_assert_nonnull (strstr (text, "S(1)-1.3"));
  g_assert_nonnull (strstr (text, "We develop no software"));
  /* The evidence's size in a unit of no language (not "bytes" in the UI's) */
  {
    g_autofree char *size = g_strdup_printf ("%u B", (guint) strlen (EVIDENCE_TEXT));

    g_assert_nonnull (strstr (text, size));
  }

  if (g_strcmp0 (lang, "ja") == 0)
    {
      g_assert_nonnull (strstr (text, "適合宣言書"));
      g_assert_nonnull (strstr (text, "2026年11月22日"));
      g_assert_nonnull (strstr (text, "2027年3月31日"));
    }
  else
    {
      g_assert_nonnull (strstr (text, "Declaration of Conformity"));
      g_assert_nonnull (strstr (text, "22 November 2026"));
      g_assert_nonnull (strstr (text, "Exceptions"));
    }
}

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_write_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *xml_path = fixture_path (fixture, "async.xml");
  g_autofree char *pdf_path = fixture_path (fixture, "async.pdf");
  g_autoptr(GFile) xml = g_file_new_for_path (xml_path);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = NULL;
  TenkenDeclarant declarant = {
    .name = DECLARANT_NAME,
    .title = "Chief Information Security Officer",
    .place = "Tokyo",
    .date = "2026-11-22",
    .lang = "en",
  };

  tenken_declaration_write_async (fixture->document, &declarant, xml, pdf, NULL, write_done, &result);
  /* What is declared was read before the call returned */
  answer (fixture->document, "S(1)-1.1", TENKEN_STATUS_PARTIAL, NULL, NULL);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (tenken_declaration_write_finish (fixture->document, result, &digest, &error));
  g_assert_no_error (error);

  /* The same content as the synchronous declaration, so the same digest */
  g_assert_cmpstr (digest, ==, fixture->digest);
  g_assert_true (verify (xml, NULL, problems));
  g_assert_false (verify (xml, fixture->document, problems));
  g_assert_true (problems_contain (problems, "S(1)-1.1: status is now partial, declared implemented"));
}

static void
test_verify_untouched (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TenkenDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (verify (fixture->xml, NULL, problems));
  g_assert_true (verify (fixture->xml, fixture->document, problems));

  /* Also from a fresh read-only opening, as the CLI does */
  g_clear_object (&fixture->document);
  reopened = tenken_document_open (fixture->document_file, TENKEN_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (verify (fixture->xml, reopened, problems));
}

static void
test_verify_text_changed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) tampered = NULL;

  /* One byte inside a text node */
  tampered = tampered_copy (fixture, "<name>Hanako", "<name>Hanaka");
  g_assert_false (verify (tampered, NULL, problems));
  g_assert_true (problems_contain (problems, "altered after it was signed"));
  g_object_unref (tampered);

  /* One byte inside an attribute: a status */
  g_ptr_array_set_size (problems, 0);
  tampered = tampered_copy (fixture, "status=\"not-implemented\"", "status=\"implemented\"");
  g_assert_false (verify (tampered, NULL, problems));
  g_assert_true (problems_contain (problems, "altered after it was signed"));
}

static void
test_verify_digest_changed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) tampered = NULL;
  g_autofree char *from = g_strdup_printf (">%s<", fixture->digest);
  g_autofree char *to = g_strdup (from);

  /* Another hex digit, so the file stays schema-valid */
  to[10] = to[10] == '0' ? '1' : '0';
  tampered = tampered_copy (fixture, from, to);
  g_assert_false (verify (tampered, NULL, problems));
  g_assert_true (problems_contain (problems, "altered after it was signed"));
}

static void
test_verify_whitespace_outside_content (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) tampered = NULL;

  /* Outside <content>, nothing is signed: a changed indentation before the
   * digest is not a change of content */
  tampered = tampered_copy (fixture, "<digest", "\n\n  <digest");
  g_assert_true (verify (tampered, NULL, problems));
}

/* Any single-bit change inside <content> is caught: as a parse or schema
 * error, or as a digest mismatch. Never a crash, never "valid". */
static void
test_verify_bit_flips (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *xml = read_xml (fixture);
  g_autofree char *path = fixture_path (fixture, "flipped.xml");
  g_autoptr(GFile) flipped = g_file_new_for_path (path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  gsize start = strstr (xml, "<content>") - xml + strlen ("<content");
  gsize end = strstr (xml, "</content>") - xml;
  guint n_errors = 0;
  guint n_altered = 0;

  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *copy = g_strdup (xml);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      gsize at = g_rand_int_range (rand, (gint32) start, (gint32) end);
      guint bit = g_rand_int_range (rand, 0, 7);

      copy[at] ^= (char) (1u << bit);
      if (copy[at] == '\0')
        continue;
      g_file_set_contents (path, copy, -1, &error);
      g_assert_no_error (error);

      g_assert_false (tenken_declaration_verify (flipped, NULL, problems, NULL, &error));
      if (error != NULL)
        {
          g_assert_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_MALFORMED);
          n_errors++;
        }
      else
        {
          g_assert_true (problems_contain (problems, "altered after it was signed"));
          n_altered++;
        }
    }

  g_test_message ("%u malformed, %u altered", n_errors, n_altered);
  /* Both ways of failing were exercised */
  g_assert_cmpuint (n_errors, >, 0);
  g_assert_cmpuint (n_altered, >, 0);
}

static void
test_verify_status_changed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  answer (fixture->document, "S(1)-1.1", TENKEN_STATUS_PARTIAL, NULL, NULL);
  answer (fixture->document, "S(1)-1.3", TENKEN_STATUS_PLANNED, NULL, "2027-06-30");

  /* The declaration itself is intact */
  g_assert_true (verify (fixture->xml, NULL, problems));
  g_assert_false (verify (fixture->xml, fixture->document, problems));
  g_assert_true (problems_contain (problems, "S(1)-1.1: status is now partial, declared implemented"));
  g_assert_true (problems_contain (problems, "S(1)-1.3: target date is now 2027-06-30, declared 2027-03-31"));
  g_assert_cmpuint (problems->len, ==, 2);
}

static void
test_verify_scope_changed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TenkenScope) scope = tenken_document_dup_scope (fixture->document);
  g_autoptr(GError) error = NULL;

  tenken_scope_set_service (scope, "ACME Cloud 2");
  tenken_scope_set_roles (scope, TENKEN_ROLE_DEVELOPER | TENKEN_ROLE_OPERATOR);
  tenken_scope_set_period_end (scope, NULL);
  tenken_document_set_scope (fixture->document, scope, &error);
  g_assert_no_error (error);

  g_assert_false (verify (fixture->xml, fixture->document, problems));
  g_assert_true (problems_contain (problems, "Scope: service is now “ACME Cloud 2”, declared “ACME Cloud”"));
  /* Each field in its own sentence: "roles are", an empty value is "none" */
  g_assert_true (problems_contain (problems, "Scope: roles are now “developer, operator”, declared “none”"));
  g_assert_true (problems_contain (problems, "Scope: period end is now “none”, declared “2026-09-30”"));
  g_assert_false (problems_contain (problems, "(none)"));
  g_assert_false (problems_contain (problems, "roles is"));

  /* Declared with two roles, one left */
  g_ptr_array_set_size (problems, 0);
  tenken_scope_set_service (scope, "ACME Cloud");
  tenken_scope_set_period_end (scope, "2026-09-30");
  tenken_document_set_scope (fixture->document, scope, &error);
  g_assert_no_error (error);
  write_declaration (fixture, "en");
  tenken_scope_set_roles (scope, TENKEN_ROLE_OPERATOR);
  tenken_document_set_scope (fixture->document, scope, &error);
  g_assert_no_error (error);
  g_assert_false (verify (fixture->xml, fixture->document, problems));
  g_assert_true (problems_contain (problems, "Scope: roles are now “operator”, declared “developer, operator”"));
}

static void
test_verify_other_catalog (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) dir = tenken_paths_get_catalog_dir ();
  g_autoptr(GFile) catalog_file = g_file_get_child (dir, "ismap-basic-regulations.xml");
  g_autofree char *path = fixture_path (fixture, "ismap.tenken");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autoptr(TenkenScope) scope = tenken_document_dup_scope (fixture->document);
  g_autoptr(TenkenDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  catalog = tenken_catalog_new_from_file (catalog_file, NULL, &error);
  g_assert_no_error (error);
  other = tenken_document_create (file, catalog, scope, &error);
  g_assert_no_error (error);

  /* One line that says which catalogs, instead of one per item */
  g_assert_false (verify (fixture->xml, other, problems));
  g_assert_cmpuint (problems->len, ==, 1);
  expected = g_strdup_printf ("The declaration was made against the catalog “%s” version %s, "
                              "but the document uses “%s” version %s.",
                              tenken_catalog_get_id (tenken_document_get_catalog (fixture->document)),
                              tenken_catalog_get_version (tenken_document_get_catalog (fixture->document)),
                              tenken_catalog_get_id (catalog), tenken_catalog_get_version (catalog));
  g_assert_true (problems_contain (problems, expected));
  g_assert_true (problems_contain (problems, "meti-cip-guidelines"));
}

static void
test_verify_evidence_added_removed (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TenkenEvidence) added = NULL;

  added = attach_text (fixture, "audit.txt", "Audit log summary\n", "S(2)-1.1");
  g_assert_false (verify (fixture->xml, fixture->document, problems));
  g_assert_true (problems_contain (problems, "S(2)-1.1: evidence “audit.txt”"));
  g_assert_true (problems_contain (problems, "was added"));
  g_assert_cmpuint (problems->len, ==, 1);

  /* The declared policy goes */
  remove_evidence_named (fixture, "S(1)-1.1", "policy.txt");

  g_ptr_array_set_size (problems, 0);
  g_assert_false (verify (fixture->xml, fixture->document, problems));
  g_assert_true (problems_contain (problems, "S(1)-1.1: evidence “policy.txt”"));
  g_assert_true (problems_contain (problems, "was removed"));
}

static void
test_verify_evidence_replaced (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TenkenEvidence) replacement = NULL;

  remove_evidence_named (fixture, "S(1)-1.1", "policy.txt");

  /* A new version under the same name */
  replacement = attach_text (fixture, "policy.txt", "Access control policy, version 4.\n", "S(1)-1.1");
  answer (fixture->document, "S(1)-1.2", TENKEN_STATUS_NOT_APPLICABLE, "Operated only, never developed.", NULL);

  g_assert_false (verify (fixture->xml, fixture->document, problems));
  g_assert_true (problems_contain (problems, "S(1)-1.1: evidence “policy.txt” changed: its SHA-256 is now "));
  g_assert_true (problems_contain (problems, "S(1)-1.2: justification is now “Operated only, never developed.”, declared “We develop no software; the service is operated only.”"));
  g_assert_cmpuint (problems->len, ==, 2);
}

static void
test_verify_evidence_blob_changed (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TenkenDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (fixture->document_file);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, EVIDENCE_TEXT, -1);
  g_autofree char *changed = g_strdup (EVIDENCE_TEXT);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* The same evidence backs two items */
  {
    g_autoptr(GListModel) linked = tenken_document_list_item_evidence (fixture->document,
                                                                       item_id_for (fixture->document, "S(1)-1.1"));
    gint64 policy_id = 0;

    for (guint i = 0; i < g_list_model_get_n_items (linked); i++)
      {
        g_autoptr(TenkenEvidence) e = g_list_model_get_item (linked, i);

        if (g_strcmp0 (tenken_evidence_get_name (e), "policy.txt") == 0)
          policy_id = tenken_evidence_get_id (e);
      }
    g_assert_cmpint (policy_id, >, 0);
    tenken_document_link_evidence (fixture->document, policy_id,
                                   item_id_for (fixture->document, "S(2)-1.1"), &error);
    g_assert_no_error (error);
    write_declaration (fixture, "en");
  }

  g_clear_object (&fixture->document);

  /* Behind Tenken's back: same size, same recorded hash, one byte differs */
  changed[strlen ("Access control policy, version ")] = '4';
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE blobs SET data = ?1 WHERE sha256 = ?2", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, changed, strlen (changed), SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sha, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  reopened = tenken_document_open (fixture->document_file, TENKEN_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_assert_true (verify (fixture->xml, NULL, problems));
  g_assert_false (verify (fixture->xml, reopened, problems));
  /* One line naming every item that uses it */
  g_assert_true (problems_contain (problems, "S(1)-1.1, S(2)-1.1: the stored content of evidence “policy.txt” was altered"));
  g_assert_cmpuint (problems->len, ==, 1);
}

static void
test_invalid_declarant (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *xml_path = fixture_path (fixture, "other.xml");
  g_autofree char *pdf_path = fixture_path (fixture, "other.pdf");
  g_autoptr(GFile) xml = g_file_new_for_path (xml_path);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  TenkenDeclarant nameless = { .name = "  ", .title = "CISO" };
  TenkenDeclarant bad_date = { .name = "A", .title = "CISO", .date = "2026-02-30" };
  TenkenDeclarant bad_lang = { .name = "A", .title = "CISO", .lang = "fr" };
  const TenkenDeclarant *cases[] = { &nameless, &bad_date, &bad_lang };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (tenken_declaration_write (fixture->document, cases[i], xml, pdf, NULL, NULL, &error));
      g_assert_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_INVALID);
      g_assert_false (g_file_query_exists (xml, NULL));
      g_assert_false (g_file_query_exists (pdf, NULL));
    }
}

/* Hostile input: every one is a clean error, never a crash or an access */

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *text)
{
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* The message of the (one-line) error */
static char *
rejection (GFile *file)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_false (tenken_declaration_verify (file, NULL, problems, NULL, &error));
  g_assert_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_MALFORMED);
  g_test_message ("rejected: %s", error->message);
  g_assert_null (strchr (error->message, '\n'));
  return g_strdup (error->message);
}

static void
assert_rejected (GFile *file)
{
  g_free (rejection (file));
}

/* Says which file, that it is no declaration and why, and what to choose
 * instead; nothing meant for catalogs */
static void
assert_not_a_declaration (GFile      *file,
                          const char *why)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *message = rejection (file);

  g_assert_true (g_str_has_prefix (message, name));
  g_assert_nonnull (strstr (message, ": Not a Tenken declaration: "));
  g_assert_nonnull (strstr (message, why));
  g_assert_nonnull (strstr (message, "Choose the .xml declaration file that was written together with the PDF"));
  g_assert_null (strstr (message, "catalog"));
}

static void
test_hostile_not_xml (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) text = write_file (fixture, "text.xml", "this is not XML at all\n");
  g_autoptr(GFile) empty = write_file (fixture, "empty.xml", "");
  g_autoptr(GFile) other = write_file (fixture, "other.xml", "<?xml version=\"1.0\"?><catalog/>");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  static const guchar png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };
  g_autofree char *png_path = fixture_path (fixture, "picture.xml");
  g_autoptr(GFile) picture = g_file_new_for_path (png_path);
  g_autofree char *xml = read_xml (fixture);
  g_autoptr(GFile) cut = NULL;
  g_autofree char *cut_name = NULL;
  g_autofree char *cut_message = NULL;

  g_file_set_contents (png_path, (const char *) png, sizeof png, &error);
  g_assert_no_error (error);

  assert_not_a_declaration (text, "the file is not XML");
  assert_not_a_declaration (picture, "the file is not XML");
  assert_not_a_declaration (empty, "the file is empty");
  assert_rejected (other);
  /* The document file itself */
  assert_not_a_declaration (fixture->document_file, "the file is not XML");
  /* The PDF beside it */
  assert_not_a_declaration (fixture->pdf, "the file is not XML");

  /* A declaration cut short: well-formedness fails, on a line */
  xml[strlen (xml) / 2] = '\0';
  cut = write_file (fixture, "cut.xml", xml);
  assert_not_a_declaration (cut, "the XML is not well-formed");
  cut_name = g_file_get_parse_name (cut);
  cut_message = rejection (cut);
  g_assert_true (g_ascii_isdigit (cut_message[strlen (cut_name) + 1]));

  g_assert_false (tenken_declaration_verify (fixture->pdf, NULL, problems, NULL, &error));
  g_assert_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_MALFORMED);
}

static void
test_hostile_entities (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSocket) listener = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocket) accepted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret_path = fixture_path (fixture, "secret.txt");
  g_autofree char *xxe_text = NULL;
  g_autofree char *net_text = NULL;
  g_autofree char *xml = read_xml (fixture);
  g_autoptr(GFile) xxe = NULL;
  g_autoptr(GFile) net = NULL;
  g_autoptr(GFile) laughs = NULL;
  g_autoptr(GFile) real_with_doctype = NULL;
  guint16 port;
  char *root;

  g_file_set_contents (secret_path, "TOP-SECRET-42", -1, &error);
  g_assert_no_error (error);

  /* A local server that must never be contacted */
  listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (listener, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (listener, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (listener, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  xxe_text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                              "<!DOCTYPE declaration [<!ENTITY x SYSTEM \"file://%s\">]>\n"
                              "<declaration xmlns=\"" TENKEN_DECLARATION_NS "\" version=\"1.0\">&x;</declaration>\n",
                              secret_path);
  xxe = write_file (fixture, "xxe.xml", xxe_text);
  assert_rejected (xxe);

  net_text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                              "<!DOCTYPE declaration SYSTEM \"http://127.0.0.1:%u/d.dtd\" [<!ENTITY y SYSTEM \"http://127.0.0.1:%u/e\">]>\n"
                              "<declaration xmlns=\"" TENKEN_DECLARATION_NS "\" version=\"1.0\">&y;</declaration>\n",
                              port, port);
  net = write_file (fixture, "net.xml", net_text);
  assert_rejected (net);

  laughs = write_file (fixture, "laughs.xml",
                       "<?xml version=\"1.0\"?>\n"
                       "<!DOCTYPE lolz [\n"
                       " <!ENTITY lol \"lol\">\n"
                       " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                       " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                       " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                       " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                       " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
                       " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
                       " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
                       " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
                       " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
                       "]>\n"
                       "<declaration xmlns=\"" TENKEN_DECLARATION_NS "\" version=\"1.0\">&lol9;</declaration>\n");
  assert_rejected (laughs);

  /* A genuine declaration with an entity smuggled into its name */
  root = strstr (xml, "<declaration");
  g_assert_nonnull (root);
  {
    g_autofree char *smuggled = NULL;
    GString *copy = g_string_new (NULL);

    g_string_append_len (copy, xml, root - xml);
    g_string_append_printf (copy, "<!DOCTYPE declaration [<!ENTITY s SYSTEM \"file://%s\">]>\n", secret_path);
    g_string_append (copy, root);
    smuggled = g_string_free (copy, FALSE);
    real_with_doctype = write_file (fixture, "doctype.xml", smuggled);
  }
  assert_rejected (real_with_doctype);

  g_socket_set_blocking (listener, FALSE);
  accepted = g_socket_accept (listener, NULL, &error);
  g_assert_null (accepted);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/declaration.xml");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_false (tenken_declaration_verify (file, NULL, problems, NULL, &error));
  g_assert_error (error, TENKEN_DECLARATION_ERROR, TENKEN_DECLARATION_ERROR_IO);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, lang, func) \
  g_test_add (path, Fixture, lang, fixture_setup, func, fixture_teardown)

  ADD ("/declaration/write", "en", test_write);
  ADD ("/declaration/write-async", "en", test_write_async);
  ADD ("/declaration/digest-independent", "en", test_digest_independent);
  ADD ("/declaration/digest-independent/ja", "ja", test_digest_independent);
  ADD ("/declaration/schema-valid", "en", test_schema_valid);
  ADD ("/declaration/schema-valid/ja", "ja", test_schema_valid);
  ADD ("/declaration/pdf", "en", test_pdf);
  ADD ("/declaration/pdf/ja", "ja", test_pdf);
  ADD ("/declaration/verify/untouched", "en", test_verify_untouched);
  ADD ("/declaration/verify/text-changed", "en", test_verify_text_changed);
  ADD ("/declaration/verify/digest-changed", "en", test_verify_digest_changed);
  ADD ("/declaration/verify/whitespace-outside-content", "en", test_verify_whitespace_outside_content);
  ADD ("/declaration/verify/bit-flips", "en", test_verify_bit_flips);
  ADD ("/declaration/verify/status-changed", "en", test_verify_status_changed);
  ADD ("/declaration/verify/scope-changed", "en", test_verify_scope_changed);
  ADD ("/declaration/verify/other-catalog", "en", test_verify_other_catalog);
  ADD ("/declaration/verify/evidence-added-removed", "en", test_verify_evidence_added_removed);
  ADD ("/declaration/verify/evidence-replaced", "en", test_verify_evidence_replaced);
  ADD ("/declaration/verify/evidence-blob-changed", "en", test_verify_evidence_blob_changed);
  ADD ("/declaration/invalid-declarant", "en", test_invalid_declarant);
  ADD ("/declaration/hostile/not-xml", "en", test_hostile_not_xml);
  ADD ("/declaration/hostile/entities", "en", test_hostile_entities);
  g_test_add_func ("/declaration/hostile/missing-file", test_missing_file);

#undef ADD

  return g_test_run ();
}
