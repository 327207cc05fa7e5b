/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-workbook"

/* Reading a spreadsheet in a separate, short-lived process.
 *
 * Some format libraries are not safe with hostile files: libfreexl 1.0.6
 * (Debian 12) overflows heap buffers on crafted .xls files.  So a file in
 * such a format is read by `outlay-workbook-reader`, a small program that
 * opens it with the in-process reader and writes every sheet's rows to
 * its standard output; this side keeps those rows and hands them out as
 * any reader does.  A crash, a runaway or garbage in the reader becomes
 * "Outlay could not read “x.xls”", and the window or the CLI lives on
 * (GNOME's glycin does the same for images).
 *
 * The stream, all integers 32-bit little-endian, strings as a length and
 * bytes (0xFFFFFFFF for none):
 *   "OWR1", status (0 = opened, else an OUTLAY_ERROR code and a message);
 *   number style, encoding, delimiter, the sheet count, each sheet's name
 *   and hidden flag; then per sheet its rows (row number ≥ 1, cell count,
 *   each cell's column, kind, span, formula flag, text, number), ended by
 *   0, or by 0xFFFFFFFF with an error code and message; then "END!". */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "outlay-error.h"
#include "outlay-workbook-private.h"

#define MAGIC "OWR1"
#define TRAILER "END!"
#define NO_STRING 0xFFFFFFFFu
#define SHEET_ERROR 0xFFFFFFFFu
/* what the reader may write: far more than any sheet OutlayWorkbook's
 * own limits let through, far less than the machine */
#define MAX_OUTPUT (512 * 1024 * 1024)
/* CPU seconds before the kernel stops a reader that spins */
#define MAX_CPU 120

/* ---- writing (the reader process) ---- */

static void
put_u32 (GByteArray *out, guint32 v)
{
  guint32 le = GUINT32_TO_LE (v);

  g_byte_array_append (out, (const guint8 *) &le, 4);
}

static void
put_str (GByteArray *out, const char *s, gsize length)
{
  if (s == NULL)
    {
      put_u32 (out, NO_STRING);
      return;
    }
  put_u32 (out, (guint32) length);
  g_byte_array_append (out, (const guint8 *) s, (guint) length);
}

static gboolean
put_row_cb (const OutlayRow *row, gpointer user_data, GError **error)
{
  GByteArray *out = user_data;

  put_u32 (out, row->number);
  put_u32 (out, row->n_cells);
  for (guint i = 0; i < row->n_cells; i++)
    {
      const OutlayCell *c = &row->cells[i];

      put_u32 (out, c->column);
      put_u32 (out, c->kind);
      put_u32 (out, c->span);
      put_u32 (out, c->formula);
      put_str (out, c->text, c->length);
      put_str (out, c->number, c->number ? strlen (c->number) : 0);
    }
  return TRUE;
}

static void
put_error (GByteArray *out, const GError *error)
{
  put_u32 (out, error->domain == OUTLAY_ERROR ? (guint32) error->code : OUTLAY_ERROR_INVALID_FILE);
  put_str (out, error->message, strlen (error->message));
}

/**
 * outlay_workbook_remote_write:
 * @workbook: (nullable): the workbook the reader opened, or %NULL
 * @open_error: (nullable): why it could not be opened
 *
 * What `outlay-workbook-reader` writes: the whole workbook, or the error.
 *
 * Returns: (transfer full): the bytes
 */
GBytes *
outlay_workbook_remote_write (OutlayWorkbook *workbook, const GError *open_error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  const char *encoding;
  guint n;

  g_byte_array_append (out, (const guint8 *) MAGIC, 4);
  if (workbook == NULL)
    {
      g_assert (open_error != NULL);
      put_error (out, open_error);
      return g_byte_array_free_to_bytes (g_steal_pointer (&out));
    }
  put_u32 (out, 0);
  put_u32 (out, outlay_workbook_get_number_style (workbook));
  encoding = outlay_workbook_get_encoding (workbook);
  put_str (out, encoding, encoding ? strlen (encoding) : 0);
  put_u32 (out, (guint8) outlay_workbook_get_delimiter (workbook));
  n = outlay_workbook_get_n_sheets (workbook);
  put_u32 (out, n);
  for (guint s = 0; s < n; s++)
    {
      const char *name = outlay_workbook_get_sheet_name (workbook, s);

      put_str (out, name, strlen (name));
      put_u32 (out, outlay_workbook_get_sheet_hidden (workbook, s));
    }
  for (guint s = 0; s < n; s++)
    {
      g_autoptr(GError) error = NULL;

      if (outlay_workbook_read_sheet (workbook, s, 0, put_row_cb, out, NULL, &error))
        put_u32 (out, 0);
      else
        {
          put_u32 (out, SHEET_ERROR);
          put_error (out, error);
        }
    }
  g_byte_array_append (out, (const guint8 *) TRAILER, 4);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* ---- reading (Outlay) ---- */

typedef struct
{
  const guint8 *p;
  const guint8 *end;
  gboolean bad;
} Cursor;

static guint32
get_u32 (Cursor *c)
{
  guint32 le;

  if (c->bad || c->end - c->p < 4)
    {
      c->bad = TRUE;
      return 0;
    }
  memcpy (&le, c->p, 4);
  c->p += 4;
  return GUINT32_FROM_LE (le);
}

/* A string inside the buffer; NULL for none (or when the stream is bad). */
static const char *
get_str (Cursor *c, guint32 *length)
{
  guint32 n = get_u32 (c);
  const char *s;

  *length = 0;
  if (c->bad || n == NO_STRING)
    return NULL;
  if ((gsize) (c->end - c->p) < n)
    {
      c->bad = TRUE;
      return NULL;
    }
  s = (const char *) c->p;
  c->p += n;
  *length = n;
  return s;
}

static char *
dup_str (Cursor *c)
{
  guint32 n;
  const char *s = get_str (c, &n);

  return s != NULL ? g_strndup (s, n) : NULL;
}

typedef struct
{
  GBytes *bytes;
  const guint8 *sheet_starts[1]; /* n_sheets of them, allocated with the struct */
} Remote;

static void
remote_free (gpointer data)
{
  Remote *remote = data;

  g_bytes_unref (remote->bytes);
  g_free (remote);
}

static void
set_unreadable (GError **error, const char *name, const char *why)
{
  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_FILE,
               _("Outlay could not read “%s”: %s. The file may be damaged: open it in "
                 "LibreOffice or Excel, save it as .xlsx and import that."),
                  name, why);
}

static void
get_error (Cursor *c, const char *name, GError **error)
{
  guint32 code = get_u32 (c);
  g_autofree char *message = dup_str (c);

  if (c->bad || message == NULL || !g_utf8_validate (message, -1, NULL))
    set_unreadable (error, name, _("its reader gave no reason"));
  else
    g_set_error_literal (error, OUTLAY_ERROR, (int) code, message);
}

/* Walks one sheet's rows; with @func NULL only checks and skips them. */
static gboolean
walk_rows (Cursor *c, const char *name, OutlayRowFunc func, gpointer user_data, GError **error)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (OutlayCell));
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;

  for (;;)
    {
      guint32 number = get_u32 (c);
      guint32 n;
      OutlayRow row;

      if (c->bad || number == 0)
        break;
      if (number == SHEET_ERROR)
        {
          get_error (c, name, error);
          ok = FALSE;
          break;
        }
      n = get_u32 (c);
      if (n > OUTLAY_WORKBOOK_MAX_COLUMNS)
        c->bad = TRUE;
      g_array_set_size (cells, 0);
      g_ptr_array_set_size (texts, 0);
      for (guint32 i = 0; i < n && !c->bad; i++)
        {
          OutlayCell cell = { 0 };
          guint32 length, number_length;
          const char *text, *serial;

          cell.column = get_u32 (c);
          cell.kind = (OutlayCellKind) get_u32 (c);
          cell.span = get_u32 (c);
          cell.formula = get_u32 (c) != 0;
          text = get_str (c, &length);
          serial = get_str (c, &number_length);
          if (c->bad || text == NULL || cell.kind > OUTLAY_CELL_ERROR
              || length > OUTLAY_WORKBOOK_MAX_CELL_BYTES)
            {
              c->bad = TRUE;
              break;
            }
          if (func == NULL)
            continue;
          /* the callback wants NUL-terminated text */
          cell.text = g_strndup (text, length);
          g_ptr_array_add (texts, (char *) cell.text);
          cell.length = length;
          if (serial != NULL)
            {
              cell.number = g_strndup (serial, number_length);
              g_ptr_array_add (texts, (char *) cell.number);
            }
          g_array_append_val (cells, cell);
        }
      if (c->bad || func == NULL)
        continue;
      row.number = number;
      row.n_cells = cells->len;
      row.cells = (const OutlayCell *) cells->data;
      if (!func (&row, user_data, error))
        {
          ok = error == NULL || *error == NULL;
          /* stopping early is not an error; skip nothing more */
          g_ptr_array_unref (texts);
          return ok;
        }
    }
  g_ptr_array_unref (texts);
  if (c->bad)
    {
      set_unreadable (error, name, _("its reader's answer was cut short"));
      return FALSE;
    }
  return ok;
}

/* Checks the whole answer once, and notes where each sheet starts. */
static Remote *
parse (GBytes *bytes, OutlayWorkbookInfo *info, GError **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  Cursor c = { data, data + size, FALSE };
  Remote *remote;
  guint32 status, n;

  if (size < 8 || memcmp (data, MAGIC, 4) != 0)
    {
      set_unreadable (error, info->name, _("its reader gave no answer"));
      return NULL;
    }
  c.p += 4;
  status = get_u32 (&c);
  if (status != 0)
    {
      c.p -= 4;
      get_error (&c, info->name, error);
      return NULL;
    }
  info->number_style = (OutlayDecimalStyle) get_u32 (&c);
  g_free (dup_str (&c)); /* the encoding: only CSV has one, and CSV is read here */
  info->delimiter = (char) get_u32 (&c);
  n = get_u32 (&c);
  if (c.bad || n > 65536)
    {
      set_unreadable (error, info->name, _("its reader's answer was cut short"));
      return NULL;
    }
  for (guint32 s = 0; s < n && !c.bad; s++)
    {
      OutlayWorkbookSheet *sheet = g_new0 (OutlayWorkbookSheet, 1);

      sheet->name = dup_str (&c);
      sheet->hidden = get_u32 (&c) != 0;
      if (sheet->name == NULL || !g_utf8_validate (sheet->name, -1, NULL))
        {
          outlay_workbook_sheet_free (sheet);
          c.bad = TRUE;
          break;
        }
      g_ptr_array_add (info->sheets, sheet);
    }
  remote = g_malloc0 (sizeof (Remote) + n * sizeof (const guint8 *));
  remote->bytes = g_bytes_ref (bytes);
  for (guint32 s = 0; s < n && !c.bad; s++)
    {
      g_autoptr(GError) sheet_error = NULL;

      remote->sheet_starts[s] = c.p;
      /* a sheet that failed keeps its error for when it is read */
      walk_rows (&c, info->name, NULL, NULL, &sheet_error);
    }
  if (c.bad || (gsize) (c.end - c.p) != 4 || memcmp (c.p, TRAILER, 4) != 0)
    {
      remote_free (remote);
      set_unreadable (error, info->name, _("its reader's answer was cut short"));
      return NULL;
    }
  return remote;
}

/* Where `outlay-workbook-reader` is: $OUTLAY_WORKBOOK_READER (tests), the
 * installed one, or the one beside the program in a build tree. */
static char *
find_reader (void)
{
  const char *env = g_getenv ("OUTLAY_WORKBOOK_READER");
  g_autofree char *exe = NULL;
  g_autofree char *dir = NULL;
  char *built;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (LIBEXECDIR "/outlay-workbook-reader", G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (LIBEXECDIR "/outlay-workbook-reader");
  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe == NULL)
    return NULL;
  dir = g_path_get_dirname (exe);
  /* build/src/ui/outlay and build/src/cli/outlay-cli */
  built = g_build_filename (dir, "..", "workbook", "outlay-workbook-reader", NULL);
  if (g_file_test (built, G_FILE_TEST_IS_EXECUTABLE))
    return built;
  g_free (built);
  return NULL;
}

static void
limit_child (gpointer data)
{
  struct rlimit cpu = { MAX_CPU, MAX_CPU + 5 };

  setrlimit (RLIMIT_CPU, &cpu);
}

static GBytes *
read_all (GSubprocess *child, GCancellable *cancellable, gboolean *too_big, GError **error)
{
  GInputStream *out = g_subprocess_get_stdout_pipe (child);
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  guint8 chunk[65536];

  for (;;)
    {
      gssize n = g_input_stream_read (out, chunk, sizeof chunk, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > MAX_OUTPUT)
        {
          *too_big = TRUE;
          break;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static gpointer
remote_open (GsfInput *input,
             const char *path,
             OutlayWorkbookInfo *info,
             GCancellable *cancellable,
             GError **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reader = find_reader ();
  gboolean too_big = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  if (reader == NULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED,
                   _("Outlay could not read “%s”: its spreadsheet reader "
                     "(outlay-workbook-reader) is missing. Reinstall Outlay."),
                      info->name);
      return NULL;
    }
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  /* a library's warning must not become a crash in the reader */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_set_child_setup (launcher, limit_child, NULL, NULL);
  child = g_subprocess_launcher_spawn (launcher, &local_error, reader, path, info->name, NULL);
  if (child == NULL)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED,
                   _("Outlay could not read “%s”: its spreadsheet reader did not start (%s)"),
                      info->name, local_error->message);
      return NULL;
    }
  bytes = read_all (child, cancellable, &too_big, &local_error);
  if (bytes == NULL || too_big)
    g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, NULL);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (too_big)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_TOO_LARGE,
                   _("“%s” is too large to read: it holds more than %u MB of cells"), info->name,
                      MAX_OUTPUT / (1024 * 1024));
      return NULL;
    }
  if (g_subprocess_get_if_signaled (child))
    {
      int sig = g_subprocess_get_term_sig (child);

      set_unreadable (error, info->name,
                      sig == SIGXCPU || sig == SIGKILL
                      ? _("reading it did not finish")
                      : _("reading it stopped the spreadsheet reader"));
      return NULL;
    }
  if (bytes == NULL || !g_subprocess_get_if_exited (child)
      || g_subprocess_get_exit_status (child) != 0)
    {
      set_unreadable (error, info->name, _("the spreadsheet reader failed on it"));
      return NULL;
    }
  return parse (bytes, info, error);
}

static gboolean
remote_read_sheet (gpointer data,
                   OutlayWorkbookInfo *info,
                   guint sheet,
                   guint max_rows,
                   OutlayRowFunc func,
                   gpointer user_data,
                   GCancellable *cancellable,
                   GError **error)
{
  Remote *remote = data;
  gsize size;
  const guint8 *base = g_bytes_get_data (remote->bytes, &size);
  Cursor c = { remote->sheet_starts[sheet], base + size, FALSE };

  return walk_rows (&c, info->name, func, user_data, error);
}

/* The xls format, read in `outlay-workbook-reader` (see the top). */
const OutlayWorkbookFormatClass outlay_remote_format = {
  remote_open,
  remote_read_sheet,
  remote_free,
};
