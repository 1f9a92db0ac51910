/* tenken-document-lock.c: who has a document open for editing
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-document"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tenken-document-private.h"

/*
 * SQLite would let two Tenken windows write the same file, one transaction
 * at a time, but each would show stale answers and overwrite the other's
 * edits. So a document opened for editing holds a lock: one row in the
 * file's edit_lock table (token, pid, host, user, since, boot id, process
 * start time, inode). A second open for editing fails with IN_USE and says
 * who has it, unless the lock is stale:
 *
 *  - the holder is on this host and its process is gone (pid dead, or
 *    reused: other start time, or the machine rebooted: other boot id);
 *  - the file is not the one that was locked (other inode): it is a copy,
 *    e.g. a file mailed while it was open, so nobody is editing it.
 *
 * A lock held on another host cannot be checked; the person can open the
 * file read-only, or take it over (TENKEN_DOCUMENT_OPEN_TAKE_OVER) after
 * making sure it is not open there. Every edit re-checks in its transaction
 * that the lock is still ours, so a taken-over window cannot write any more.
 * Read-only opens neither take nor check the lock.
 */

char *
tenken_document_default_author (void)
{
  const char *real_name = g_get_real_name ();

  if (real_name == NULL || *real_name == '\0' || g_str_equal (real_name, "Unknown"))
    return g_strdup (g_get_user_name ());

  return g_strdup (real_name);
}

static char *
read_boot_id (void)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
    return NULL;

  return g_strdup (g_strstrip (contents));
}

/* Field 22 of /proc/PID/stat, the start time in clock ticks since boot:
 * with the pid it identifies a process even when pids are reused */
static char *
read_process_start (gint64 pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/stat", pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  /* The command name (field 2) may contain spaces and parentheses */
  after_name = strrchr (contents, ')');
  if (after_name == NULL)
    return NULL;

  fields = g_strsplit (after_name + 1, " ", 0);
  /* fields[0] is empty, fields[1] is field 3 (state) … */
  if (g_strv_length (fields) < 21)
    return NULL;

  return g_strdup (fields[20]);
}

static char *
file_id_for_path (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;

  /* The inode only: st_dev differs between the clients of one network share */
  return g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) st.st_ino);
}

static gboolean
process_is_alive (gint64 pid)
{
  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;

  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

static gboolean
lock_is_stale (sqlite3_stmt *row,
               const char   *path)
{
  gint64 pid = sqlite3_column_int64 (row, 1);
  const char *host = tenken_document_column_text (row, 2);
  const char *boot_id = tenken_document_column_text (row, 5);
  const char *process_start = tenken_document_column_text (row, 6);
  const char *file_id = tenken_document_column_text (row, 7);
  g_autofree char *our_file_id = file_id_for_path (path);
  g_autofree char *our_boot_id = NULL;
  g_autofree char *their_start = NULL;

  if (file_id != NULL && our_file_id != NULL && !g_str_equal (file_id, our_file_id))
    return TRUE;

  if (g_strcmp0 (host, g_get_host_name ()) != 0)
    return FALSE;

  our_boot_id = read_boot_id ();
  if (boot_id != NULL && our_boot_id != NULL && !g_str_equal (boot_id, our_boot_id))
    return TRUE;

  if (!process_is_alive (pid))
    return TRUE;

  their_start = read_process_start (pid);
  return process_start != NULL && their_start != NULL && !g_str_equal (process_start, their_start);
}

static char *
format_since (const char *since)
{
  g_autoptr(GDateTime) utc = tenken_document_parse_timestamp (since);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (utc == NULL)
    return g_strdup (since ? since : "?");

  local = g_date_time_to_local (utc);
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_date_time_format (local, "%H:%M");

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

char *
tenken_document_lock_acquire (sqlite3     *db,
                              const char  *path,
                              const char  *display_name,
                              gboolean     take_over,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *token = NULL;
  g_autofree char *user = NULL;
  g_autofree char *since = NULL;
  g_autofree char *boot_id = NULL;
  g_autofree char *process_start = NULL;
  g_autofree char *file_id = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT token, pid, host, user, since, boot_id, process_start, file_id"
                          " FROM edit_lock WHERE id = 1",
                          -1, &select, NULL) != SQLITE_OK)
    {
      tenken_document_set_sqlite_error (error, db, sqlite3_errcode (db),
                                        _("Could not open the document for editing"));
      return NULL;
    }

  rc = sqlite3_step (select);
  if (rc == SQLITE_ROW && !take_over && !lock_is_stale (select, path))
    {
      g_autofree char *when = format_since (tenken_document_column_text (select, 4));

      g_set_error (error, TENKEN_DOCUMENT_ERROR, TENKEN_DOCUMENT_ERROR_IN_USE,
                   /* Translators: “file” is open in Tenken by PERSON on host HOST since TIME */
                   _("“%s” is open in Tenken by %s on host %s since %s. "
                     "Close it there, or open it read-only."),
                   display_name,
                   tenken_document_column_text (select, 3),
                   tenken_document_column_text (select, 2),
                   when);
      return NULL;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      tenken_document_set_sqlite_error (error, db, rc, _("Could not open the document for editing"));
      return NULL;
    }

  if (rc == SQLITE_ROW)
    g_debug ("Taking over the edit lock of %s (pid %lld on %s)", display_name,
             (long long) sqlite3_column_int64 (select, 1), tenken_document_column_text (select, 2));

  token = g_uuid_string_random ();
  user = tenken_document_default_author ();
  since = tenken_document_timestamp_now ();
  boot_id = read_boot_id ();
  process_start = read_process_start (getpid ());
  file_id = file_id_for_path (path);

  if (sqlite3_prepare_v2 (db,
                          "INSERT OR REPLACE INTO edit_lock"
                          " (id, token, pid, host, user, since, boot_id, process_start, file_id)"
                          " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                          -1, &insert, NULL) != SQLITE_OK)
    {
      tenken_document_set_sqlite_error (error, db, sqlite3_errcode (db),
                                        _("Could not open the document for editing"));
      return NULL;
    }

  tenken_document_bind_text (insert, 1, token);
  sqlite3_bind_int64 (insert, 2, getpid ());
  tenken_document_bind_text (insert, 3, g_get_host_name ());
  tenken_document_bind_text (insert, 4, user);
  tenken_document_bind_text (insert, 5, since);
  tenken_document_bind_text (insert, 6, boot_id);
  tenken_document_bind_text (insert, 7, process_start);
  tenken_document_bind_text (insert, 8, file_id);
  if (!tenken_document_step_done (insert, error))
    return NULL;

  return g_steal_pointer (&token);
}

void
tenken_document_lock_release (sqlite3    *db,
                              const char *token)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "DELETE FROM edit_lock WHERE token = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return;

  tenken_document_bind_text (stmt, 1, token);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_warning ("Could not release the edit lock: %s", sqlite3_errmsg (db));
}
