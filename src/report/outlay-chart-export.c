/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-chart-export"

/* A chart written to a file through cairo's image, SVG and PDF surfaces,
 * drawn by the same outlay_chart_draw() as the window and the reports, in
 * the light palette on white (a file goes into documents and slides). */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "outlay-chart-export.h"
#include "outlay-error.h"

static const char *const extensions[] = { "png", "svg", "pdf" };

/**
 * outlay_chart_file_format_from_string:
 * @text: "png", "svg" or "pdf"
 * @format: (out): the format
 *
 * Returns: whether @text names a format
 */
gboolean
outlay_chart_file_format_from_string (const char *text, OutlayChartFileFormat *format)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (extensions); i++)
    if (g_ascii_strcasecmp (text, extensions[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
outlay_chart_file_format_extension (OutlayChartFileFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (extensions), "png");
  return extensions[format];
}

static void
draw (OutlayChart *chart, cairo_t *cr, double width, double height)
{
  OutlayChartColors colors;

  outlay_chart_colors_init (&colors, FALSE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  outlay_chart_draw (chart, cr, width, height, &colors, -1);
}

static gboolean
fail (const char *path, const char *why, GError **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED,
               _("Could not write the chart to “%s”: %s"), name, why);
  return FALSE;
}

/* Where the surfaces write: the stream of the file being replaced, and
 * the first error it gave */
typedef struct
{
  GOutputStream *stream;
  GError *error;
} Writer;

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  Writer *w = closure;

  if (w->error != NULL
      || !g_output_stream_write_all (w->stream, data, length, NULL, NULL, &w->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
create_surface (OutlayChartFileFormat format, Writer *w, double width, double height)
{
  switch (format)
    {
      case OUTLAY_CHART_FILE_SVG:
        return cairo_svg_surface_create_for_stream (write_cb, w, width, height);
      case OUTLAY_CHART_FILE_PDF:
        return cairo_pdf_surface_create_for_stream (write_cb, w, width, height);
      case OUTLAY_CHART_FILE_PNG:
      default:
        return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
    }
}

/**
 * outlay_chart_write_file:
 * @chart: a chart
 * @path: the file to write (replaced if it is there)
 * @format: PNG, SVG or PDF
 * @width: the width, in pixels for PNG and in points for SVG and PDF
 * @height: the height, likewise
 * @error: why it failed, naming the file
 *
 * Returns: %TRUE when the file is written whole; on failure a file that
 *   was there is left as it was
 */
gboolean
outlay_chart_write_file (OutlayChart *chart,
                         const char *path,
                         OutlayChartFileFormat format,
                         double width,
                         double height,
                         GError **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort = NULL;
  Writer w = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format < G_N_ELEMENTS (extensions), FALSE);
  g_return_val_if_fail (width >= 1 && height >= 1, FALSE);

  /* written beside it and put in its place on close, as reports are
   * (outlay_report_write_pdf()): a failure leaves the old file whole */
  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &w.error);
  if (stream == NULL)
    {
      g_autoptr(GError) e = w.error;

      return fail (path, e->message, error);
    }
  w.stream = G_OUTPUT_STREAM (stream);
  surface = create_surface (format, &w, width, height);
  cr = cairo_create (surface);
  draw (chart, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == OUTLAY_CHART_FILE_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_cb, &w);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status == CAIRO_STATUS_SUCCESS && w.error == NULL
      && g_output_stream_close (w.stream, NULL, &w.error))
    return TRUE;

  if (!g_output_stream_is_closed (w.stream))
    {
      /* closing cancelled leaves the old file in place */
      abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (w.stream, abort, NULL);
    }
  if (w.error != NULL)
    {
      g_autoptr(GError) e = w.error;

      return fail (path, e->message, error);
    }
  return fail (path, cairo_status_to_string (status), error);
}
