/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-csv-export"

/* A budget's lines as CSV for scripts and accounting systems: one row per
 * line with its section, RFC 4180 quoting, UTF-8 without a BOM, LF line
 * ends and numbers in the C locale without grouping ("1234.50").  Amounts
 * show the currency's minor units, and more places only when the value
 * has them, so the figures add up to Outlay's to the last digit. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "outlay-csv-export.h"
#include "outlay-currency.h"
#include "outlay-error.h"

#define FLUSH_BYTES  (64 * 1024)
#define CHECK_EVERY  1000

/* Fixed, not translated: scripts and importers match these names. */
static const char *const header[] = {
  "Section", "Code", "Description", "Qty", "Unit", "Multiplier", "Rate", "Estimate", "Actual",
  "Committed", "Reserved", "Notes", "Vendor", "Assignee", "Date", "Period",
};

typedef struct
{
  GOutputStream      *stream;
  GString            *buf;
  guint               places;   /* the currency's minor units */
  OutlayProgressFunc  progress;
  gpointer            progress_data;
  GCancellable       *cancellable;
  guint64             done;
  guint64             total;
} Writer;

/* ---- fields ---- */

static void
append_field (GString *buf, const char *text, gboolean first)
{
  if (!first)
    g_string_append_c (buf, ',');
  if (text == NULL || *text == '\0')
    return;
  if (strpbrk (text, "\",\r\n") == NULL)
    {
      g_string_append (buf, text);
      return;
    }
  g_string_append_c (buf, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (buf, '"');
      g_string_append_c (buf, *p);
    }
  g_string_append_c (buf, '"');
}

/* At least @places decimals, more only when @value has them: exact. */
static void
append_amount (GString *buf, OutlayDecimal value, guint places)
{
  char text[48];

  if (outlay_decimal_round (value, places) == value)
    outlay_decimal_to_buffer (value, places, text, sizeof text);
  else
    outlay_decimal_to_buffer (value, OUTLAY_DECIMAL_PLACES, text, sizeof text);
  append_field (buf, text, FALSE);
}

/* A quantity: "2", "1.5". */
static void
append_number (GString *buf, OutlayDecimal value)
{
  g_autofree char *text = outlay_decimal_to_string_trim (value);

  append_field (buf, text, FALSE);
}

static void
append_line (Writer *w, OutlaySection *section, OutlayLine *line)
{
  /* "A: Pre-production wages", as a heading reads: code and name in one
   * column that imports back into the same section */
  if (*outlay_section_get_code (section) != '\0')
    {
      g_autofree char *title = g_strdup_printf ("%s: %s", outlay_section_get_code (section),
                                                outlay_section_get_name (section));

      append_field (w->buf, title, TRUE);
    }
  else
    append_field (w->buf, outlay_section_get_name (section), TRUE);
  append_field (w->buf, outlay_line_get_code (line), FALSE);
  append_field (w->buf, outlay_line_get_description (line), FALSE);
  append_number (w->buf, outlay_line_get_quantity (line));
  append_field (w->buf, outlay_line_get_unit (line), FALSE);
  append_number (w->buf, outlay_line_get_multiplier (line));
  append_amount (w->buf, outlay_line_get_rate (line), w->places);
  append_amount (w->buf, outlay_line_get_estimate (line), w->places);
  append_amount (w->buf, outlay_line_get_actual (line), w->places);
  append_amount (w->buf, outlay_line_get_committed (line), w->places);
  append_amount (w->buf, outlay_line_get_reserved (line), w->places);
  append_field (w->buf, outlay_line_get_notes (line), FALSE);
  for (OutlayLineField f = OUTLAY_LINE_VENDOR; f <= OUTLAY_LINE_PERIOD; f++)
    append_field (w->buf, outlay_line_get_text (line, f), FALSE);
  g_string_append_c (w->buf, '\n');
}

/* ---- output ---- */

static gboolean
flush (Writer *w, GError **error)
{
  gboolean ok = g_output_stream_write_all (w->stream, w->buf->str, w->buf->len, NULL,
                                           w->cancellable, error);

  g_string_truncate (w->buf, 0);
  return ok;
}

/* Called after each line: progress, cancellation and writing in batches. */
static gboolean
step (Writer *w, GError **error)
{
  w->done++;
  if (w->done % CHECK_EVERY != 0)
    return w->buf->len < FLUSH_BYTES || flush (w, error);
  if (w->progress != NULL)
    w->progress (w->done, w->total, w->progress_data);
  if (g_cancellable_set_error_if_cancelled (w->cancellable, error))
    return FALSE;
  return w->buf->len < FLUSH_BYTES || flush (w, error);
}

static gboolean
write_lines (Writer *w, OutlayDocument *doc, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_field (w->buf, header[i], i == 0);
  g_string_append_c (w->buf, '\n');
  for (guint s = 0; s < outlay_document_get_n_sections (doc); s++)
    {
      OutlaySection *section = outlay_document_get_section (doc, s);

      for (guint l = 0; l < outlay_section_get_n_lines (section); l++)
        {
          append_line (w, section, outlay_section_get_line (section, l));
          if (!step (w, error))
            return FALSE;
        }
    }
  if (w->progress != NULL)
    w->progress (w->done, w->total, w->progress_data);
  return flush (w, error);
}

/* ---- public API ---- */

/**
 * outlay_csv_export_to_stream:
 * @doc: a document
 * @stream: where to write; not closed
 * @progress: (nullable): called every thousand lines with lines written
 *   and lines in all
 * @user_data: for @progress
 * @cancellable: (nullable): checked every thousand lines
 * @error: why it failed
 *
 * Writes @doc's lines as CSV: a header row, then Section ("A: Crew"),
 * Code, Description, Qty, Unit, Multiplier, Rate, Estimate, Actual,
 * Committed, Reserved, Notes, Vendor, Assignee, Date and Period for every
 * line.  Section fringes are not lines and are not in the file.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_csv_export_to_stream (OutlayDocument     *doc,
                             GOutputStream      *stream,
                             OutlayProgressFunc  progress,
                             gpointer            user_data,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr(GString) buf = NULL;
  Writer w = { 0 };

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  buf = g_string_sized_new (FLUSH_BYTES + 4096);
  w.stream = stream;
  w.buf = buf;
  w.places = outlay_currency_minor_units (
    outlay_budget_get_currency (outlay_document_get_budget (doc)));
  w.progress = progress;
  w.progress_data = user_data;
  w.cancellable = cancellable;
  w.total = outlay_document_get_n_lines (doc);
  return write_lines (&w, doc, error);
}

/**
 * outlay_csv_export:
 * @doc: a document
 * @path: the file to write, replaced when the export succeeds
 * @progress: (nullable): as for outlay_csv_export_to_stream()
 * @user_data: for @progress
 * @cancellable: (nullable): checked every thousand lines
 * @error: why it failed
 *
 * Writes @doc's lines to @path as CSV (see outlay_csv_export_to_stream()).
 * The file is written under a temporary name beside @path and renamed
 * once complete: a failure or a cancel leaves @path as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_csv_export (OutlayDocument     *doc,
                   const char         *path,
                   OutlayProgressFunc  progress,
                   gpointer            user_data,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autofree char *tmp_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  gboolean ok;

  g_return_val_if_fail (OUTLAY_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!outlay_export_create_temp (path, &tmp_path, error))
    return FALSE;
  file = g_file_new_for_path (tmp_path);
  stream = g_file_append_to (file, G_FILE_CREATE_NONE, cancellable, error);
  ok = stream != NULL
       && outlay_csv_export_to_stream (doc, G_OUTPUT_STREAM (stream), progress, user_data,
                                       cancellable, error);
  /* closed in any case, so the file can go; only a successful close counts */
  if (stream != NULL && !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, ok ? error : NULL))
    ok = FALSE;
  return outlay_export_finish (tmp_path, path, ok, error);
}

static void
set_file_error (GError **error, const char *path, int errsv)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED, _("Could not write “%s”: %s"), display,
               g_strerror (errsv));
}

/**
 * outlay_export_create_temp:
 * @path: the file an export will write
 * @tmp_path: (out) (transfer full): an empty new file beside @path,
 *   "@path.tmp-XXXXXX"
 * @error: why it could not be made (a folder that does not exist or
 *   cannot be written, a full disk)
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_export_create_temp (const char  *path,
                           char       **tmp_path,
                           GError     **error)
{
  g_autofree char *name = g_strconcat (path, ".tmp-XXXXXX", NULL);
  int fd = g_mkstemp_full (name, O_RDWR | O_CLOEXEC, 0666);

  if (fd < 0)
    {
      set_file_error (error, path, errno);
      return FALSE;
    }
  g_close (fd, NULL);
  *tmp_path = g_steal_pointer (&name);
  return TRUE;
}

/**
 * outlay_export_finish:
 * @tmp_path: the file made by outlay_export_create_temp()
 * @path: the file the export is for
 * @success: whether @tmp_path was written completely
 * @error: why renaming failed; on %FALSE @success the caller has set it
 *
 * Renames @tmp_path over @path when @success, else removes it.
 *
 * Returns: %TRUE when @path now holds the export
 */
gboolean
outlay_export_finish (const char  *tmp_path,
                      const char  *path,
                      gboolean     success,
                      GError     **error)
{
  if (success && g_rename (tmp_path, path) != 0)
    {
      set_file_error (error, path, errno);
      success = FALSE;
    }
  if (!success)
    g_unlink (tmp_path);
  return success;
}
