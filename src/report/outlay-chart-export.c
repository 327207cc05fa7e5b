/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-chart-export"

/* A chart written to a file through cairo's image, SVG and PDF surfaces,
 * drawn by the same outlay_chart_draw() as the window and the reports, in
 * the light palette on white (a file goes into documents and slides). */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>

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

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  FILE *file = closure;

  return fwrite (data, 1, length, file) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static cairo_surface_t *
create_surface (OutlayChartFileFormat format, FILE *file, double width, double height)
{
  switch (format)
    {
      case OUTLAY_CHART_FILE_SVG:
        return cairo_svg_surface_create_for_stream (write_cb, file, width, height);
      case OUTLAY_CHART_FILE_PDF:
        return cairo_pdf_surface_create_for_stream (write_cb, file, width, height);
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
 * Returns: %TRUE when the file is written whole; a file half written is
 *   removed
 */
gboolean
outlay_chart_write_file (OutlayChart *chart,
                         const char *path,
                         OutlayChartFileFormat format,
                         double width,
                         double height,
                         GError **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  FILE *file;
  int saved;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format < G_N_ELEMENTS (extensions), FALSE);
  g_return_val_if_fail (width >= 1 && height >= 1, FALSE);

  if ((file = g_fopen (path, "wb")) == NULL)
    {
      saved = errno;
      return fail (path, g_strerror (saved), error);
    }
  surface = create_surface (format, file, width, height);
  cr = cairo_create (surface);
  draw (chart, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == OUTLAY_CHART_FILE_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_cb, file);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  saved = 0;
  if (fclose (file) != 0 && status == CAIRO_STATUS_SUCCESS)
    {
      saved = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (path);
      return fail (path, saved != 0 ? g_strerror (saved) : cairo_status_to_string (status), error);
    }
  return TRUE;
}
