/* tenken-cli-common.h: output, errors and option parsing shared by the commands
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tenken-core.h"

G_BEGIN_DECLS

/* Exit codes: part of the contract scripts rely on */
typedef enum
{
  TENKEN_CLI_EXIT_OK      = 0,
  TENKEN_CLI_EXIT_FAILURE = 1,  /* user error: bad file, unknown label, rule broken … */
  TENKEN_CLI_EXIT_USAGE   = 2,  /* unknown command or option, malformed value */
} TenkenCliExit;

/* Returned by tenken_cli_parse() when the command should go on */
#define TENKEN_CLI_CONTINUE (-1)

typedef struct _TenkenCliCommand TenkenCliCommand;

struct _TenkenCliCommand
{
  const char *name;
  /* After the command name in the synopsis: N_("FILE LABEL"); one word per
   * positional argument */
  const char *parameters;
  /* One line, N_() */
  const char *summary;
  /* Longer help shown below the options, N_(), or NULL */
  const char *description;
  int       (*run) (const TenkenCliCommand *command,
                    int                     argc,
                    char                  **argv);
};

/* Writes UTF-8 bytes as they are: g_print() would convert them to the
 * locale's charset and mangle Japanese text in the C locale. */
void      tenken_cli_print      (const char *format,
                                 ...) G_GNUC_PRINTF (1, 2);
void      tenken_cli_write      (const char *text);

/* "tenken-cli: WHAT: WHY. TODO" on one line of stderr; returns 1 */
int       tenken_cli_fail       (const char   *what,
                                 const char   *why,
                                 const char   *todo);
/* The same for a GError from core or GIO. When its message does not say
 * what to do, @todo does, else a hint chosen from the error code. */
int       tenken_cli_fail_error (const char   *what,
                                 const GError *error,
                                 const char   *todo);
/* "tenken-cli: COMMAND: MESSAGE. Run 'tenken-cli COMMAND --help' …"; returns 2 */
int       tenken_cli_usage      (const TenkenCliCommand *command,
                                 const char             *format,
                                 ...) G_GNUC_PRINTF (2, 3);

/* Parses the options of @command (removing them from argv) and checks that
 * exactly @n_positional arguments remain after the command name. Handles
 * --help. Returns TENKEN_CLI_CONTINUE, or the exit code to return. */
int       tenken_cli_parse      (const TenkenCliCommand *command,
                                 const GOptionEntry     *entries,
                                 int                    *argc,
                                 char                 ***argv,
                                 guint                   n_positional);

/* Option values arrive as raw bytes (declared G_OPTION_ARG_FILENAME: GOption
 * would convert G_OPTION_ARG_STRING from the locale's charset, and reject
 * UTF-8 in the C locale). This makes each one UTF-8: kept when it is valid
 * UTF-8, else converted from the locale's charset, else a usage error.
 * Arguments: NULL-terminated pairs of option name, char ** (g_free'd).
 * Returns TENKEN_CLI_CONTINUE or the exit code. */
int       tenken_cli_text_options (const TenkenCliCommand *command,
                                   ...) G_GNUC_NULL_TERMINATED;
/* One command-line argument as UTF-8 (see above), or NULL */
char     *tenken_cli_arg_to_utf8  (const char *arg);

/* A path given on the command line, for messages */
char     *tenken_cli_display_path (const char *arg);

/* Opens the document named on the command line. On failure prints the
 * error and returns NULL. */
TenkenDocument *tenken_cli_open_document (const char              *path,
                                          TenkenDocumentOpenFlags  flags);

/* The same for editing, attributing edits to @author when given */
TenkenDocument *tenken_cli_open_document_for_editing (const char *path,
                                                      const char *author);

/* Finds the response for a label; prints an error and returns NULL when the
 * document's catalog has no such item. */
TenkenResponse *tenken_cli_lookup_response (TenkenDocument *document,
                                            const char     *path,
                                            const char     *label);

/* A registry of the installed catalogs, scanned */
TenkenCatalogRegistry *tenken_cli_load_registry (void);

/* Text for one cell or line: newlines and tabs become spaces, so that each
 * record stays on one line */
char     *tenken_cli_one_line   (const char *text);
/* Terminal columns @text takes (wide characters count two) */
guint     tenken_cli_width      (const char *text);
/* Pads @text with spaces to @width columns */
char     *tenken_cli_pad        (const char *text,
                                 guint       width);

/* The label users see for an item id ("S(1)-1.1"), or @item_id */
const char *tenken_cli_label_for_item_id (TenkenCatalog *catalog,
                                          const char    *item_id);

/* Commands */
int tenken_cli_catalogs       (const TenkenCliCommand *command, int argc, char **argv);
int tenken_cli_catalog        (const TenkenCliCommand *command, int argc, char **argv);
int tenken_cli_import_catalog (const TenkenCliCommand *command, int argc, char **argv);
int tenken_cli_new            (const TenkenCliCommand *command, int argc, char **argv);
int tenken_cli_set            (const TenkenCliCommand *command, int argc, char **argv);
int tenken_cli_attach         (const TenkenCliCommand *command, int argc, char **argv);
int tenken_cli_attach_url     (const TenkenCliCommand *command, int argc, char **argv);
int tenken_cli_show           (const TenkenCliCommand *command, int argc, char **argv);
int tenken_cli_history        (const TenkenCliCommand *command, int argc, char **argv);
int tenken_cli_check          (const TenkenCliCommand *command, int argc, char **argv);
/* tenken-cli-export.c */
int tenken_cli_export         (const TenkenCliCommand *command, int argc, char **argv);
int tenken_cli_declare        (const TenkenCliCommand *command, int argc, char **argv);
int tenken_cli_verify         (const TenkenCliCommand *command, int argc, char **argv);

G_END_DECLS
