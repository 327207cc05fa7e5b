/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A chart written as PNG, SVG and PDF (what Export as… on a chart does,
 * without the file chooser): each file is what its format says, and a
 * file that cannot be written fails with a message naming it. */
#include "config.h"

#include <string.h>

#include "outlay-chart-export.h"
#include "outlay-error.h"
#include "outlay-recurrence.h"
#include "outlay-test-util.h"

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

static OutlayChart *
crafted (void)
{
  OutlayDecimal balance[] = { D (1000), D (1000), D (-250), D (400), D (400) };
  OutlayChart *chart = outlay_chart_new (OUTLAY_CHART_LINE, "EUR");
  GDate first;

  g_assert_true (outlay_date_parse_iso ("2026-03-30", &first));
  outlay_chart_set_days (chart, &first, 5);
  outlay_chart_add_series (chart, "Balance", OUTLAY_CHART_STROKE_SOLID, balance, 5);
  outlay_chart_add_threshold (chart, "Reserve", D (100));
  return chart;
}

static char *
write_chart (const char *dir, OutlayChartFileFormat format, gsize *length)
{
  OutlayChart *chart = crafted ();
  g_autofree char *name = g_strdup_printf ("chart.%s", outlay_chart_file_format_extension (format));
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (outlay_chart_write_file (chart, path, format, 640, 360, &error));
  g_assert_no_error (error);
  outlay_chart_unref (chart);
  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  g_free (path);
  return contents;
}

/* pdfinfo, when it is there, reads the file as a PDF reader would */
static void
check_pdfinfo (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  int status = 0;
  g_autoptr(GError) error = NULL;

  if (pdfinfo == NULL)
    {
      g_test_message ("no pdfinfo: the header check only");
      return;
    }
  argv[0] = pdfinfo;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Pages:           1"));
  g_assert_nonnull (strstr (out, "640 x 360 pts"));
}

static void
test_formats (void)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *pdf_path = g_build_filename (dir, "chart.pdf", NULL);
  static const guchar png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *png = NULL, *svg = NULL, *pdf = NULL;
  gsize png_len = 0, svg_len = 0, pdf_len = 0;

  png = write_chart (dir, OUTLAY_CHART_FILE_PNG, &png_len);
  g_assert_cmpuint (png_len, >, sizeof png_signature + 16);
  g_assert_cmpmem (png, sizeof png_signature, png_signature, sizeof png_signature);
  /* IHDR: 640 × 360, big-endian */
  g_assert_cmpmem (png + 12, 4, "IHDR", 4);
  g_assert_cmpint (GUINT32_FROM_BE (*(guint32 *) (png + 16)), ==, 640);
  g_assert_cmpint (GUINT32_FROM_BE (*(guint32 *) (png + 20)), ==, 360);

  svg = write_chart (dir, OUTLAY_CHART_FILE_SVG, &svg_len);
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "<svg"));
  g_assert_nonnull (strstr (svg, "width=\"640\""));
  g_assert_nonnull (strstr (svg, "</svg>"));

  pdf = write_chart (dir, OUTLAY_CHART_FILE_PDF, &pdf_len);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-1."));
  /* whole: the trailer ends it */
  g_assert_cmpuint (pdf_len, >, 16);
  g_assert_nonnull (g_strstr_len (pdf + pdf_len - 16, 16, "%%EOF"));
  check_pdfinfo (pdf_path);
  outlay_test_remove_dir (dir);
}

static void
test_format_names (void)
{
  OutlayChartFileFormat format = OUTLAY_CHART_FILE_PNG;

  g_assert_true (outlay_chart_file_format_from_string ("SVG", &format));
  g_assert_cmpint (format, ==, OUTLAY_CHART_FILE_SVG);
  g_assert_true (outlay_chart_file_format_from_string ("pdf", &format));
  g_assert_cmpint (format, ==, OUTLAY_CHART_FILE_PDF);
  g_assert_false (outlay_chart_file_format_from_string ("gif", &format));
  g_assert_cmpstr (outlay_chart_file_format_extension (OUTLAY_CHART_FILE_PNG), ==, "png");
}

static void
test_unwritable (void)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "no such folder", "chart.pdf", NULL);
  OutlayChart *chart = crafted ();
  g_autoptr(GError) error = NULL;

  g_assert_false (outlay_chart_write_file (chart, path, OUTLAY_CHART_FILE_PDF, 640, 360, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Could not write the chart to"));
  g_assert_nonnull (strstr (error->message, "chart.pdf"));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  outlay_chart_unref (chart);
  outlay_test_remove_dir (dir);
}

/* A chart that cannot be made (too wide for an image) leaves a file that
 * was there as it was. */
static void
test_keeps_old (void)
{
  g_autofree char *dir = outlay_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *contents = NULL;
  OutlayChart *chart = crafted ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "last week's chart", -1, NULL));
  g_assert_false (
      outlay_chart_write_file (chart, path, OUTLAY_CHART_FILE_PNG, 100000, 360, &error));
  g_assert_error (error, OUTLAY_ERROR, OUTLAY_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "last week's chart");
  outlay_chart_unref (chart);
  outlay_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-export/formats", test_formats);
  g_test_add_func ("/chart-export/format-names", test_format_names);
  g_test_add_func ("/chart-export/unwritable", test_unwritable);
  g_test_add_func ("/chart-export/keeps-old", test_keeps_old);
  return g_test_run ();
}
