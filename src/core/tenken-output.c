/* tenken-output.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "tenken-output-private.h"

struct _TenkenOutput
{
  char     *path;
  char     *temp_path;
  int       fd;
  GQuark    domain;
  int       io_code;
  gboolean  committed;
};

static void
set_errno_error (TenkenOutput  *self,
                 GError       **error,
                 int            saved_errno)
{
  g_set_error (error, self->domain, self->io_code,
               /* Translators: %s is a file path, then the system's reason */
               _("Could not write “%s”: %s. Check that the folder exists, is writable and has free space."),
               self->path, g_strerror (saved_errno));
}

TenkenOutput *
tenken_output_new (GFile   *destination,
                   GQuark   domain,
                   int      io_code,
                   GError **error)
{
  g_autoptr(TenkenOutput) self = g_new0 (TenkenOutput, 1);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;

  g_return_val_if_fail (G_IS_FILE (destination), NULL);

  self->fd = -1;
  self->domain = domain;
  self->io_code = io_code;
  self->path = g_file_get_path (destination);
  if (self->path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (destination);
      g_set_error (error, domain, io_code, _("Cannot write to “%s”: only local files are supported."), uri);
      return NULL;
    }

  dir = g_path_get_dirname (self->path);
  base = g_path_get_basename (self->path);
  template = g_strdup_printf (".%s.XXXXXX", base);
  self->temp_path = g_build_filename (dir, template, NULL);

  self->fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, 0644);
  if (self->fd < 0)
    {
      int saved_errno = errno;
      g_clear_pointer (&self->temp_path, g_free);
      set_errno_error (self, error, saved_errno);
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
tenken_output_set_error (TenkenOutput  *self,
                         int            saved_errno,
                         GError       **error)
{
  set_errno_error (self, error, saved_errno);
}

const char *
tenken_output_get_temp_path (TenkenOutput *self)
{
  return self->temp_path;
}

gboolean
tenken_output_write (TenkenOutput  *self,
                     const void    *data,
                     gsize          len,
                     GError       **error)
{
  const char *p = data;

  while (len > 0)
    {
      gssize n = write (self->fd, p, len);

      if (n < 0)
        {
          int saved_errno = errno;
          if (saved_errno == EINTR)
            continue;
          set_errno_error (self, error, saved_errno);
          return FALSE;
        }
      p += n;
      len -= (gsize) n;
    }

  return TRUE;
}

gboolean
tenken_output_commit (TenkenOutput  *self,
                      GError       **error)
{
  int fd;

  g_return_val_if_fail (!self->committed, FALSE);

  /* Libraries that wrote by name used their own descriptor: sync through a
   * fresh one so the content is on disk before the rename makes it visible */
  fd = open (self->temp_path, O_RDONLY | O_CLOEXEC);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;
      if (fd >= 0)
        close (fd);
      set_errno_error (self, error, saved_errno);
      return FALSE;
    }
  close (fd);

  if (g_rename (self->temp_path, self->path) != 0)
    {
      set_errno_error (self, error, errno);
      return FALSE;
    }

  self->committed = TRUE;
  return TRUE;
}

void
tenken_output_free (TenkenOutput *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (!self->committed && self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_free (self->temp_path);
  g_free (self->path);
  g_free (self);
}
