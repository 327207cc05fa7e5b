/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-workbook-reader"

/* outlay-workbook-reader PATH NAME
 *
 * Reads the spreadsheet at PATH with the in-process readers and writes it
 * to standard output for outlay-workbook-remote.c; NAME is the file's
 * name as the user knows it, for messages.  Outlay runs it for formats
 * whose library is not safe with hostile files, so that a crash here is
 * an error there.  Not meant to be run by hand. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "outlay-workbook-private.h"

int
main (int argc, char *argv[])
{
  g_autoptr(OutlayWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  const guint8 *data;
  gsize size;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (argc != 3)
    {
      fprintf (stderr, "usage: outlay-workbook-reader PATH NAME\n");
      return 2;
    }
  /* for the tests: a reader that dies as a broken library would */
  if (g_getenv ("OUTLAY_WORKBOOK_READER_CRASH") != NULL)
    abort ();
  workbook = outlay_workbook_open_in_process (argv[1], argv[2], &error);
  out = outlay_workbook_remote_write (workbook, error);
  data = g_bytes_get_data (out, &size);
  while (size > 0)
    {
      ssize_t n = write (STDOUT_FILENO, data, size);

      if (n < 0)
        return 1;
      data += n;
      size -= (gsize) n;
    }
  return 0;
}
