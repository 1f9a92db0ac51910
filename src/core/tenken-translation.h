/* tenken-translation.h: report words in a language other than the UI's
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * A report is written in the language the user picks (`--lang ja`), whatever
 * the process locale. gettext cannot switch language per call safely, so this
 * reads our own compiled catalog (…/LANG/LC_MESSAGES/tenken.mo under
 * tenken_paths_get_locale_dir()) into a table. Strings are marked in the
 * source with N_() / NC_() as usual, so po/ja.po stays the one place for
 * Japanese. "en" (or a missing .mo) translates to the msgid itself.
 */
#define TENKEN_TYPE_TRANSLATION (tenken_translation_get_type ())
G_DECLARE_FINAL_TYPE (TenkenTranslation, tenken_translation, TENKEN, TRANSLATION, GObject)

/* @lang: "en" or "ja". Errors only for an unknown language code. */
TenkenTranslation *tenken_translation_new      (const char         *lang,
                                                GError            **error);
/* For tests: a .mo file of one's own */
TenkenTranslation *tenken_translation_new_from_mo_file (const char *lang,
                                                        const char *mo_path,
                                                        GError    **error);
const char        *tenken_translation_get_lang (TenkenTranslation  *self);
/* The translation of @msgid, or @msgid */
const char        *tenken_translation_gettext  (TenkenTranslation  *self,
                                                const char         *msgid);
/* With a context, as NC_()/C_() mark them ("context\004msgid" in the .mo) */
const char        *tenken_translation_pgettext (TenkenTranslation  *self,
                                                const char         *context,
                                                const char         *msgid);
/* A date "YYYY-MM-DD" written for that language: "22 November 2026" / "2026年11月22日" */
char              *tenken_translation_format_date (TenkenTranslation *self,
                                                   const char        *iso_date);

G_END_DECLS
