/* test-translation.c: .mo catalogs read per report, from untrusted bytes
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "tenken-export.h"
#include "tenken-translation.h"

typedef struct
{
  const char *msgid;
  const char *msgstr;
} Entry;

static void
put_u32 (GByteArray *bytes,
         guint32     value,
         gboolean    big_endian)
{
  guint32 v = big_endian ? GUINT32_TO_BE (value) : GUINT32_TO_LE (value);

  g_byte_array_append (bytes, (const guint8 *) &v, 4);
}

/* A GNU .mo file: header, original and translation tables, then strings */
static GByteArray *
build_mo (const Entry *entries,
          guint        n,
          gboolean     big_endian)
{
  GByteArray *bytes = g_byte_array_new ();
  guint32 strings = 28 + 16 * n;
  guint32 offset = strings;

  put_u32 (bytes, 0x950412de, big_endian);
  put_u32 (bytes, 0, big_endian);
  put_u32 (bytes, n, big_endian);
  put_u32 (bytes, 28, big_endian);
  put_u32 (bytes, 28 + 8 * n, big_endian);
  put_u32 (bytes, 0, big_endian);
  put_u32 (bytes, 0, big_endian);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        const char *s = pass == 0 ? entries[i].msgid : entries[i].msgstr;

        put_u32 (bytes, (guint32) strlen (s), big_endian);
        put_u32 (bytes, offset, big_endian);
        offset += (guint32) strlen (s) + 1;
      }

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        const char *s = pass == 0 ? entries[i].msgid : entries[i].msgstr;
        g_byte_array_append (bytes, (const guint8 *) s, (guint) strlen (s) + 1);
      }

  return bytes;
}

static char *
write_temp (GByteArray *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("tenken-XXXXXX.mo", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, (const char *) bytes->data, bytes->len, NULL));
  return path;
}

static const Entry sample[] = {
  { "", "Content-Type: text/plain; charset=UTF-8\n" },
  { "Hello", "こんにちは" },
  { "report\004Status", "状況" },
  { "Untranslated", "" },
};

static void
test_mo_both_endians (void)
{
  for (guint big = 0; big < 2; big++)
    {
      g_autoptr(GByteArray) bytes = build_mo (sample, G_N_ELEMENTS (sample), big);
      g_autofree char *path = write_temp (bytes);
      g_autoptr(GError) error = NULL;
      g_autoptr(TenkenTranslation) tr = tenken_translation_new_from_mo_file ("ja", path, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (tenken_translation_get_lang (tr), ==, "ja");
      g_assert_cmpstr (tenken_translation_gettext (tr, "Hello"), ==, "こんにちは");
      g_assert_cmpstr (tenken_translation_pgettext (tr, "report", "Status"), ==, "状況");
      /* Context matters: without it, Status is not translated */
      g_assert_cmpstr (tenken_translation_gettext (tr, "Status"), ==, "Status");
      g_assert_cmpstr (tenken_translation_gettext (tr, "Untranslated"), ==, "Untranslated");
      g_assert_cmpstr (tenken_translation_gettext (tr, "Missing"), ==, "Missing");
      /* The header entry is no translation of "" */
      g_assert_cmpstr (tenken_translation_gettext (tr, ""), ==, "");
      g_unlink (path);
    }
}

/* Every damaged variant loads as "no translations": no crash, no read
 * outside the file (run under valgrind or ASan to see the latter) */
static void
test_mo_hostile (void)
{
  g_autoptr(GByteArray) good = build_mo (sample, G_N_ELEMENTS (sample), FALSE);

  for (guint variant = 0; variant < 7; variant++)
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      g_autofree char *path = NULL;
      g_autoptr(TenkenTranslation) tr = NULL;
      guint32 v;

      g_byte_array_append (bytes, good->data, good->len);
      switch (variant)
        {
        case 0: g_byte_array_set_size (bytes, 20); break;                       /* truncated header */
        case 1: g_byte_array_set_size (bytes, bytes->len - 5); break;           /* cut-off strings */
        case 2: v = 0xffffffff; memcpy (bytes->data + 8, &v, 4); break;         /* absurd count */
        case 3: v = 0xfffffff0; memcpy (bytes->data + 12, &v, 4); break;        /* table offset past the end */
        case 4: v = 0xffffffff; memcpy (bytes->data + 28 + 8, &v, 4); break;    /* string length overflows */
        case 5: v = 0x7fffffff; memcpy (bytes->data + 28 + 12, &v, 4); break;   /* string offset past the end */
        case 6: bytes->data[0] = 'X'; break;                                    /* not a .mo */
        default: g_assert_not_reached ();
        }
      path = write_temp (bytes);

      g_test_expect_message ("tenken-translation", G_LOG_LEVEL_WARNING, "*not a valid .mo*");
      tr = tenken_translation_new_from_mo_file ("ja", path, NULL);
      g_test_assert_expected_messages ();

      g_assert_nonnull (tr);
      g_assert_cmpstr (tenken_translation_gettext (tr, "Hello"), ==, "Hello");
      g_unlink (path);
    }
}

static void
test_installed_catalog (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenTranslation) ja = tenken_translation_new ("ja", &error);
  g_autoptr(TenkenTranslation) en = NULL;

  g_assert_no_error (error);
  /* po/ja.po, compiled into the build tree */
  g_assert_cmpstr (tenken_translation_pgettext (ja, "report", "Gap report"), ==, "ギャップレポート");

  en = tenken_translation_new ("en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tenken_translation_pgettext (en, "report", "Gap report"), ==, "Gap report");

  g_assert_null (tenken_translation_new ("de", &error));
  g_assert_error (error, TENKEN_EXPORT_ERROR, TENKEN_EXPORT_ERROR_INVALID);
}

static void
test_dates (void)
{
  g_autoptr(TenkenTranslation) ja = tenken_translation_new_from_mo_file ("ja", NULL, NULL);
  g_autoptr(TenkenTranslation) en = tenken_translation_new_from_mo_file ("en", NULL, NULL);
  g_autofree char *ja_date = tenken_translation_format_date (ja, "2026-11-22");
  g_autofree char *ja_early = tenken_translation_format_date (ja, "2027-01-05");
  g_autofree char *en_date = tenken_translation_format_date (en, "2026-11-22");
  g_autofree char *bad = tenken_translation_format_date (en, "2026-02-30");

  g_assert_cmpstr (ja_date, ==, "2026年11月22日");
  g_assert_cmpstr (ja_early, ==, "2027年1月5日");
  g_assert_cmpstr (en_date, ==, "22 November 2026");
  g_assert_cmpstr (bad, ==, "2026-02-30");
  g_assert_null (tenken_translation_format_date (en, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/translation/mo-both-endians", test_mo_both_endians);
  g_test_add_func ("/translation/mo-hostile", test_mo_hostile);
  g_test_add_func ("/translation/installed-catalog", test_installed_catalog);
  g_test_add_func ("/translation/dates", test_dates);

  return g_test_run ();
}
