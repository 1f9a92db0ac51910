/* tenken-translation.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-translation"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tenken-export.h"
#include "tenken-paths.h"
#include "tenken-translation.h"
#include "tenken-types.h"

/* Ours is a few kilobytes; anything this big is not our catalog */
#define MO_MAX_SIZE (16 * 1024 * 1024)
#define MO_MAGIC    0x950412deU

struct _TenkenTranslation
{
  GObject     parent_instance;

  char       *lang;
  GHashTable *table;   /* msgid (with "ctx\004" prefix) → msgstr, both owned */
};

G_DEFINE_FINAL_TYPE (TenkenTranslation, tenken_translation, G_TYPE_OBJECT)

static const char * const known_langs[] = { "en", "ja" };

static void
tenken_translation_finalize (GObject *object)
{
  TenkenTranslation *self = (TenkenTranslation *) object;

  g_clear_pointer (&self->table, g_hash_table_unref);
  g_clear_pointer (&self->lang, g_free);

  G_OBJECT_CLASS (tenken_translation_parent_class)->finalize (object);
}

static void
tenken_translation_class_init (TenkenTranslationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tenken_translation_finalize;
}

static void
tenken_translation_init (TenkenTranslation *self)
{
  self->table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swap)
{
  guint32 v;

  memcpy (&v, data + offset, sizeof v);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* A string table entry (length, offset) → pointer, or NULL when it points
 * outside the file or is not NUL-terminated */
static const char *
mo_string (const guint8 *data,
           gsize         size,
           gsize         table,
           guint32       index,
           gboolean      swap,
           guint32      *out_len)
{
  gsize entry = table + (gsize) index * 8;
  guint32 len, off;

  if (entry + 8 > size)
    return NULL;
  len = read_u32 (data, entry, swap);
  off = read_u32 (data, entry + 4, swap);
  if ((gsize) off > size || (gsize) len >= size - off || data[off + len] != '\0')
    return NULL;

  *out_len = len;
  return (const char *) data + off;
}

/* Reads a GNU .mo file; the file is untrusted, so every offset is checked.
 * Returns FALSE for a file that is not a valid catalog. */
static gboolean
load_mo (TenkenTranslation *self,
         const guint8      *data,
         gsize              size)
{
  gboolean swap;
  guint32 n, orig, trans;

  if (size < 28)
    return FALSE;

  if (read_u32 (data, 0, FALSE) == MO_MAGIC)
    swap = FALSE;
  else if (read_u32 (data, 0, TRUE) == MO_MAGIC)
    swap = TRUE;
  else
    return FALSE;

  /* Major revision 0 or 1 share this layout */
  if ((read_u32 (data, 4, swap) >> 16) > 1)
    return FALSE;

  n = read_u32 (data, 8, swap);
  orig = read_u32 (data, 12, swap);
  trans = read_u32 (data, 16, swap);
  if ((guint64) n * 8 > size || orig > size - (guint64) n * 8 || trans > size - (guint64) n * 8)
    return FALSE;

  for (guint32 i = 0; i < n; i++)
    {
      const char *msgid, *msgstr;
      guint32 id_len, str_len;

      msgid = mo_string (data, size, orig, i, swap, &id_len);
      msgstr = mo_string (data, size, trans, i, swap, &str_len);
      if (msgid == NULL || msgstr == NULL)
        return FALSE;

      /* The header entry, and untranslated entries */
      if (*msgid == '\0' || *msgstr == '\0')
        continue;
      /* Plural entries: "singular\0plural" → first form; strlen stops there */
      if (!g_utf8_validate (msgid, -1, NULL) || !g_utf8_validate (msgstr, -1, NULL))
        continue;

      g_hash_table_replace (self->table, g_strdup (msgid), g_strdup (msgstr));
    }

  return TRUE;
}

static gboolean
check_lang (const char  *lang,
            GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_langs); i++)
    if (g_strcmp0 (lang, known_langs[i]) == 0)
      return TRUE;

  g_set_error (error, TENKEN_EXPORT_ERROR, TENKEN_EXPORT_ERROR_INVALID,
               _("Unknown report language “%s”. Use “en” (English) or “ja” (Japanese)."),
               lang != NULL ? lang : "");
  return FALSE;
}

TenkenTranslation *
tenken_translation_new_from_mo_file (const char  *lang,
                                     const char  *mo_path,
                                     GError     **error)
{
  g_autoptr(TenkenTranslation) self = NULL;
  g_autoptr(GMappedFile) mapped = NULL;

  g_return_val_if_fail (lang != NULL, NULL);

  self = g_object_new (TENKEN_TYPE_TRANSLATION, NULL);
  self->lang = g_strdup (lang);

  if (mo_path == NULL)
    return g_steal_pointer (&self);

  /* A missing or broken catalog leaves the report in English: a report in
   * the wrong language beats no report, and the build always ships one */
  mapped = g_mapped_file_new (mo_path, FALSE, NULL);
  if (mapped == NULL)
    {
      g_debug ("No translations for “%s” at %s", lang, mo_path);
      return g_steal_pointer (&self);
    }

  if (g_mapped_file_get_length (mapped) > MO_MAX_SIZE ||
      !load_mo (self, (const guint8 *) g_mapped_file_get_contents (mapped),
                g_mapped_file_get_length (mapped)))
    {
      g_warning ("Ignoring the translation catalog %s: not a valid .mo file", mo_path);
      g_hash_table_remove_all (self->table);
    }

  return g_steal_pointer (&self);
}

TenkenTranslation *
tenken_translation_new (const char  *lang,
                        GError     **error)
{
  g_autofree char *mo_path = NULL;

  if (!check_lang (lang, error))
    return NULL;

  if (!g_str_equal (lang, "en"))
    mo_path = g_build_filename (tenken_paths_get_locale_dir (), lang, "LC_MESSAGES",
                                GETTEXT_PACKAGE ".mo", NULL);

  return tenken_translation_new_from_mo_file (lang, mo_path, error);
}

const char *
tenken_translation_get_lang (TenkenTranslation *self)
{
  g_return_val_if_fail (TENKEN_IS_TRANSLATION (self), NULL);

  return self->lang;
}

const char *
tenken_translation_gettext (TenkenTranslation *self,
                            const char        *msgid)
{
  const char *msgstr;

  g_return_val_if_fail (TENKEN_IS_TRANSLATION (self), msgid);

  if (msgid == NULL)
    return NULL;

  msgstr = g_hash_table_lookup (self->table, msgid);
  return msgstr != NULL ? msgstr : msgid;
}

const char *
tenken_translation_pgettext (TenkenTranslation *self,
                             const char        *context,
                             const char        *msgid)
{
  g_autofree char *key = NULL;
  const char *msgstr;

  g_return_val_if_fail (TENKEN_IS_TRANSLATION (self), msgid);

  if (context == NULL)
    return tenken_translation_gettext (self, msgid);

  key = g_strconcat (context, "\004", msgid, NULL);
  msgstr = g_hash_table_lookup (self->table, key);
  return msgstr != NULL ? msgstr : msgid;
}

char *
tenken_translation_format_date (TenkenTranslation *self,
                                const char        *iso_date)
{
  static const char * const months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
  };
  guint year, month, day;

  g_return_val_if_fail (TENKEN_IS_TRANSLATION (self), NULL);

  if (iso_date == NULL)
    return NULL;

  if (!tenken_date_is_valid (iso_date) ||
      sscanf (iso_date, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return g_strdup (iso_date);

  if (g_str_equal (self->lang, "ja"))
    return g_strdup_printf ("%u年%u月%u日", year, month, day);

  return g_strdup_printf ("%u %s %u", day, months[month - 1], year);
}
