/* test-item-filter.c: which responses a checklist shows
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "tenken-core.h"
#include "tenken-item-filter.h"

#define NS "https://tenken.github.io/ns/oscal"

/* Two groups; one Japanese item, one addressed to developers only, one
 * nested control */
static const char catalog_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\"0b3f5a1e-0000-4000-8000-0000000000f1\">"
  "<metadata><title>Filter test</title><last-modified>2026-01-01T00:00:00Z</last-modified>"
  "<version>1</version><oscal-version>1.1.2</oscal-version></metadata>"
  "<group id=\"g1\"><title>Access</title>"
  "  <control id=\"ac-2\"><title>Account Management</title>"
  "    <prop name=\"label\" value=\"AC-2\"/>"
  "    <part id=\"ac-2_smt\" name=\"statement\"><p>Define and document the types of accounts allowed.</p></part>"
  "    <control id=\"ac-2.1\"><title>Automated System Account Management</title>"
  "      <prop name=\"label\" value=\"AC-2(1)\"/>"
  "      <part id=\"ac-2.1_smt\" name=\"statement\"><p>Support the management of system accounts.</p></part>"
  "    </control>"
  "  </control>"
  "</group>"
  "<group id=\"g2\"><title>供給</title>"
  "  <control id=\"s1-1.1\"><title>脆弱性管理</title>"
  "    <prop name=\"label\" value=\"S(1)-1.1\"/>"
  "    <prop ns=\"" NS "\" name=\"role\" value=\"developer\"/>"
  "    <part id=\"s1-1.1_smt\" name=\"statement\"><p>ソフトウェアの脆弱性を管理すること。ＳＢＯＭを作成する。</p></part>"
  "  </control>"
  "</group>"
  "</catalog>";

typedef struct
{
  TenkenCatalog  *catalog;
  TenkenResponse *ac2;
  TenkenResponse *ac21;
  TenkenResponse *s11;
  TenkenItemQuery query;
} Fixture;

static TenkenResponse *
response_for (TenkenCatalog *catalog,
              const char    *label)
{
  TenkenCatalogItem *item = tenken_catalog_lookup_item_by_label (catalog, label);

  g_assert_nonnull (item);
  return tenken_response_new (item);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (catalog_xml, strlen (catalog_xml));
  g_autoptr(GError) error = NULL;

  f->catalog = tenken_catalog_new_from_bytes (bytes, "filter-test.xml", &error);
  g_assert_no_error (error);
  f->ac2 = response_for (f->catalog, "AC-2");
  f->ac21 = response_for (f->catalog, "AC-2(1)");
  f->s11 = response_for (f->catalog, "S(1)-1.1");
  tenken_item_query_init (&f->query);
  g_free (f->query.today);
  f->query.today = g_strdup ("2026-06-15");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  tenken_item_query_clear (&f->query);
  g_clear_object (&f->ac2);
  g_clear_object (&f->ac21);
  g_clear_object (&f->s11);
  g_clear_object (&f->catalog);
}

/* Which of the three match, as "ac2 ac21 s11" */
static char *
matching (Fixture *f)
{
  GString *s = g_string_new (NULL);

  if (tenken_item_matches (f->ac2, &f->query))
    g_string_append (s, "ac2 ");
  if (tenken_item_matches (f->ac21, &f->query))
    g_string_append (s, "ac21 ");
  if (tenken_item_matches (f->s11, &f->query))
    g_string_append (s, "s11 ");
  if (s->len > 0)
    g_string_truncate (s, s->len - 1);

  return g_string_free (s, FALSE);
}

#define assert_matching(f, expected) \
  G_STMT_START { g_autofree char *_m = matching (f); g_assert_cmpstr (_m, ==, expected); } G_STMT_END

static void
test_fold (void)
{
  g_autofree char *a = tenken_item_fold_text ("ＡＣ－２（１）");
  g_autofree char *b = tenken_item_fold_text ("Ac-2(1)");
  g_autofree char *c = tenken_item_fold_text ("ｿﾌﾄｳｪｱ");
  g_autofree char *d = tenken_item_fold_text ("ソフトウェア");
  g_autofree char *e = tenken_item_fold_text ("\xff\xfe broken");

  g_assert_cmpstr (a, ==, "ac-2(1)");
  g_assert_cmpstr (a, ==, b);
  /* Half-width katakana becomes full-width */
  g_assert_cmpstr (c, ==, d);
  g_assert_cmpstr (e, ==, "");
}

static void
test_empty_query (Fixture       *f,
                  gconstpointer  data)
{
  assert_matching (f, "ac2 ac21 s11");
  g_assert_false (tenken_item_query_set_text (&f->query, "   "));
  g_assert_null (f->query.words);
  assert_matching (f, "ac2 ac21 s11");
}

static void
test_search_fields (Fixture       *f,
                    gconstpointer  data)
{
  /* Label, case-insensitive */
  g_assert_true (tenken_item_query_set_text (&f->query, "ac-2"));
  assert_matching (f, "ac2 ac21");
  /* Setting the same words again is no change */
  g_assert_false (tenken_item_query_set_text (&f->query, "AC-2"));

  /* Title */
  tenken_item_query_set_text (&f->query, "automated");
  assert_matching (f, "ac21");

  /* Requirement text */
  tenken_item_query_set_text (&f->query, "types of accounts");
  assert_matching (f, "ac2");

  /* Japanese, in the title and in the statement, full-width query */
  tenken_item_query_set_text (&f->query, "脆弱性");
  assert_matching (f, "s11");
  tenken_item_query_set_text (&f->query, "sbom");
  assert_matching (f, "s11");
  tenken_item_query_set_text (&f->query, "Ｓ(1)-1.1");
  assert_matching (f, "s11");

  /* Every word must occur, in any field */
  tenken_item_query_set_text (&f->query, "account support");
  assert_matching (f, "ac21");
  /* An ideographic space separates words too */
  tenken_item_query_set_text (&f->query, "account\u3000document");
  assert_matching (f, "ac2");
  tenken_item_query_set_text (&f->query, "account nothing-like-this");
  assert_matching (f, "");
}

static void
test_search_response_fields (Fixture       *f,
                             gconstpointer  data)
{
  tenken_item_query_set_text (&f->query, "yamada");
  assert_matching (f, "");

  tenken_response_set_owner (f->s11, "Yamada Taro");
  assert_matching (f, "s11");

  /* The cached text follows edits */
  tenken_response_set_owner (f->s11, "Suzuki");
  assert_matching (f, "");

  tenken_item_query_set_text (&f->query, "ldap");
  tenken_response_set_statement (f->ac21, "Accounts are managed in LDAP.");
  assert_matching (f, "ac21");
  tenken_response_set_statement (f->ac21, NULL);
  assert_matching (f, "");

  /* Half-width query over full-width statement */
  tenken_response_set_statement (f->ac2, "ＬＤＡＰで管理");
  assert_matching (f, "ac2");
}

/* Texts folded ahead (as the view does while idle) match alike, and still
 * follow edits made afterwards */
static void
test_prepare_search (Fixture       *f,
                     gconstpointer  data)
{
  tenken_response_set_owner (f->ac2, "Ｙａｍａｄａ");
  tenken_item_prepare_search (f->ac2);
  tenken_item_prepare_search (f->ac21);
  tenken_item_prepare_search (f->s11);

  tenken_item_query_set_text (&f->query, "yamada");
  assert_matching (f, "ac2");
  tenken_item_query_set_text (&f->query, "ac-2");
  assert_matching (f, "ac2 ac21");

  tenken_response_set_owner (f->ac2, NULL);
  tenken_response_set_owner (f->s11, "Yamada");
  tenken_item_prepare_search (f->s11);
  tenken_item_query_set_text (&f->query, "yamada");
  assert_matching (f, "s11");
}

static void
test_statuses (Fixture       *f,
               gconstpointer  data)
{
  tenken_response_set_status (f->ac2, TENKEN_STATUS_IMPLEMENTED);
  tenken_response_set_status (f->ac21, TENKEN_STATUS_PARTIAL);

  f->query.statuses = 1u << TENKEN_STATUS_IMPLEMENTED;
  assert_matching (f, "ac2");
  f->query.statuses |= 1u << TENKEN_STATUS_NOT_STARTED;
  assert_matching (f, "ac2 s11");
  f->query.statuses = 0;

  tenken_response_set_justification (f->s11, "No software is developed");
  tenken_response_set_status (f->s11, TENKEN_STATUS_NOT_APPLICABLE);
  f->query.hide_not_applicable = TRUE;
  assert_matching (f, "ac2 ac21");
}

static void
test_roles_and_within (Fixture       *f,
                       gconstpointer  data)
{
  TenkenCatalogNode *ac2 = TENKEN_CATALOG_NODE (tenken_response_get_item (f->ac2));
  TenkenCatalogNode *g2 = tenken_catalog_lookup_node (f->catalog, "g2");

  /* Items naming no role apply to all */
  f->query.roles = TENKEN_ROLE_OPERATOR;
  assert_matching (f, "ac2 ac21");
  f->query.roles = TENKEN_ROLE_OPERATOR | TENKEN_ROLE_DEVELOPER;
  assert_matching (f, "ac2 ac21 s11");
  f->query.roles = 0;

  /* Below a control: itself and its enhancements */
  f->query.within = ac2;
  assert_matching (f, "ac2 ac21");
  f->query.within = g2;
  assert_matching (f, "s11");
}

static void
test_flags_and_dates (Fixture       *f,
                      gconstpointer  data)
{
  tenken_response_set_flagged (f->ac21, TRUE);
  f->query.flagged_only = TRUE;
  assert_matching (f, "ac21");
  f->query.flagged_only = FALSE;

  /* Overdue: due before "today" and not done */
  tenken_response_set_due_date (f->ac2, "2026-06-14");
  tenken_response_set_due_date (f->s11, "2026-06-16");
  f->query.overdue_only = TRUE;
  assert_matching (f, "ac2");
  tenken_response_set_status (f->ac2, TENKEN_STATUS_IMPLEMENTED);
  assert_matching (f, "");
  f->query.overdue_only = FALSE;

  /* New responses have no evidence */
  f->query.without_evidence_only = TRUE;
  assert_matching (f, "ac2 ac21 s11");
}

static void
test_attention (Fixture       *f,
                gconstpointer  data)
{
  f->query.attention_only = TRUE;

  /* Not started counts */
  assert_matching (f, "ac2 ac21 s11");

  tenken_response_set_status (f->ac2, TENKEN_STATUS_IMPLEMENTED);
  tenken_response_set_status (f->ac21, TENKEN_STATUS_NOT_IMPLEMENTED);
  tenken_response_set_target_date (f->s11, "2027-01-01");
  tenken_response_set_status (f->s11, TENKEN_STATUS_PLANNED);
  assert_matching (f, "ac21");

  /* Flagged, or planned past its date, needs attention again */
  tenken_response_set_flagged (f->ac2, TRUE);
  tenken_response_set_target_date (f->s11, "2026-01-01");
  assert_matching (f, "ac2 ac21 s11");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/item-filter/fold", test_fold);
  g_test_add ("/item-filter/empty", Fixture, NULL, fixture_set_up, test_empty_query, fixture_tear_down);
  g_test_add ("/item-filter/search/catalog", Fixture, NULL, fixture_set_up, test_search_fields, fixture_tear_down);
  g_test_add ("/item-filter/search/response", Fixture, NULL, fixture_set_up, test_search_response_fields, fixture_tear_down);
  g_test_add ("/item-filter/prepare", Fixture, NULL, fixture_set_up, test_prepare_search, fixture_tear_down);
  g_test_add ("/item-filter/statuses", Fixture, NULL, fixture_set_up, test_statuses, fixture_tear_down);
  g_test_add ("/item-filter/roles-within", Fixture, NULL, fixture_set_up, test_roles_and_within, fixture_tear_down);
  g_test_add ("/item-filter/flags-dates", Fixture, NULL, fixture_set_up, test_flags_and_dates, fixture_tear_down);
  g_test_add ("/item-filter/attention", Fixture, NULL, fixture_set_up, test_attention, fixture_tear_down);

  return g_test_run ();
}
