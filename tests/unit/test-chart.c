/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "outlay-chart.h"
#include "outlay-recurrence.h"

/* The line chart of src/report: what it draws and what its tooltips say */

#define D(units) OUTLAY_DECIMAL_FROM_INT (units)

static OutlayChart *
crafted (void)
{
  OutlayDecimal balance[] = { D (1000), D (1000), D (-250), D (400), D (400) };
  OutlayDecimal minimum[] = { D (-250), D (-250), D (-250), D (400), D (400) };
  OutlayChart *chart = outlay_chart_new (OUTLAY_CHART_LINE, "EUR");
  GDate first;

  g_assert_true (outlay_date_parse_iso ("2026-03-30", &first));
  outlay_chart_set_days (chart, &first, 5);
  outlay_chart_add_series (chart, "Balance", OUTLAY_CHART_STROKE_SOLID, balance, 5);
  outlay_chart_add_series (chart, "Lowest", OUTLAY_CHART_STROKE_DASHED, minimum, 5);
  outlay_chart_add_threshold (chart, "Reserve", D (100));
  return chart;
}

/* the number of pixels of @surface that are not transparent */
static guint
inked (cairo_surface_t *surface)
{
  int stride = cairo_image_surface_get_stride (surface);
  unsigned char *data = cairo_image_surface_get_data (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (((guint32 *) (data + y * stride))[x] >> 24 != 0)
        n++;
  return n;
}

static void
test_draw (void)
{
  g_autoptr (OutlayChart) chart = crafted ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 200);
  cairo_t *cr = cairo_create (surface);
  OutlayChartColors colors;

  outlay_chart_colors_init (&colors, TRUE);
  outlay_chart_draw (chart, cr, 400, 200, &colors, 2);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  /* axes, labels, the lines and their fill: a good part of the area */
  g_assert_cmpuint (inked (surface), >, 400 * 200 / 10);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_points (void)
{
  g_autoptr (OutlayChart) chart = crafted ();
  g_autofree char *text = NULL;
  int left, right;

  g_assert_cmpuint (outlay_chart_get_n_points (chart), ==, 5);
  /* outside the plot: no point; the plot's left and right edges: the
   * first and last day */
  g_assert_cmpint (outlay_chart_point_at (chart, 400, 200, 2, 100), ==, -1);
  left = outlay_chart_point_at (chart, 400, 200, 120, 100);
  right = outlay_chart_point_at (chart, 400, 200, 388, 100);
  g_assert_cmpint (left, >=, 0);
  g_assert_cmpint (left, <, right);
  g_assert_cmpint (right, ==, 4);
  text = outlay_chart_describe_point (chart, 2);
  g_assert_nonnull (strstr (text, "Wednesday 1 April 2026"));
  g_assert_nonnull (strstr (text, "Balance: −€250.00"));
  g_assert_nonnull (strstr (text, "Lowest: −€250.00"));
}

static OutlayChart *
bars (OutlayChartKind kind)
{
  const char *names[] = { "Crew", "Equipment", "Post" };
  OutlayDecimal actual[] = { D (600), D (300), D (100) };
  OutlayDecimal estimate[] = { D (500), D (400), D (900) };
  OutlayChart *chart = outlay_chart_new (kind, "EUR");

  outlay_chart_set_categories (chart, names, 3);
  outlay_chart_add_series (chart, "Actual", OUTLAY_CHART_STROKE_SOLID, actual, 3);
  if (kind == OUTLAY_CHART_BAR)
    outlay_chart_add_series (chart, "Estimate", OUTLAY_CHART_STROKE_SOLID, estimate, 3);
  return chart;
}

static guint
drawn (OutlayChart *chart, gboolean dark, int highlight)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 200);
  cairo_t *cr = cairo_create (surface);
  OutlayChartColors colors;
  guint n;

  outlay_chart_colors_init (&colors, dark);
  outlay_chart_draw (chart, cr, 400, 200, &colors, highlight);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  n = inked (surface);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n;
}

static void
test_bar (void)
{
  g_autoptr (OutlayChart) chart = bars (OUTLAY_CHART_BAR);
  g_autofree char *text = NULL;
  g_autofree char *all = outlay_chart_describe (chart);
  int top, bottom;

  g_assert_cmpuint (outlay_chart_get_n_points (chart), ==, 3);
  /* bars, labels and the axis, in both palettes; a highlight adds ink */
  g_assert_cmpuint (drawn (chart, FALSE, -1), >, 400 * 200 / 20);
  g_assert_cmpuint (drawn (chart, TRUE, 1), >, drawn (chart, TRUE, -1));
  /* rows from top to bottom under the legend, one per category */
  top = outlay_chart_point_at (chart, 400, 200, 200, 40);
  bottom = outlay_chart_point_at (chart, 400, 200, 200, 160);
  g_assert_cmpint (top, ==, 0);
  g_assert_cmpint (bottom, ==, 2);
  g_assert_cmpint (outlay_chart_point_at (chart, 400, 200, 200, 199), ==, -1);
  text = outlay_chart_describe_point (chart, 0);
  g_assert_cmpstr (text, ==, "Crew\nActual: €600.00\nEstimate: €500.00");
  g_assert_cmpstr (all, ==, "A bar chart of 3 items from €0.00 to €900.00");
}

static void
test_donut (void)
{
  g_autoptr (OutlayChart) chart = bars (OUTLAY_CHART_DONUT);
  g_autofree char *crew = outlay_chart_describe_point (chart, 0);
  g_autofree char *post = outlay_chart_describe_point (chart, 2);
  int right, left;

  g_assert_cmpuint (drawn (chart, FALSE, -1), >, 400 * 200 / 20);
  g_assert_cmpuint (drawn (chart, TRUE, 0), >, 0);
  /* 60 % of the ring from twelve o'clock clockwise is Crew: the right
   * side; the last tenth, just left of twelve, is Post */
  right = outlay_chart_point_at (chart, 400, 200, 8 + 82 + 70, 100);
  left = outlay_chart_point_at (chart, 400, 200, 8 + 82 - 15, 100 - 70);
  g_assert_cmpint (right, ==, 0);
  g_assert_cmpint (left, ==, 2);
  /* the hole is nothing */
  g_assert_cmpint (outlay_chart_point_at (chart, 400, 200, 8 + 82, 100), ==, -1);
  g_assert_cmpstr (crew, ==, "Crew: €600.00 (60 %)");
  g_assert_cmpstr (post, ==, "Post: €100.00 (10 %)");
}

static void
test_hours (void)
{
  const char *names[] = { "Logged" };
  OutlayDecimal hours[] = { 45000 };
  g_autoptr (OutlayChart) chart = outlay_chart_new (OUTLAY_CHART_BAR, "EUR");
  g_autofree char *text = NULL;

  outlay_chart_set_hours (chart, TRUE);
  outlay_chart_set_categories (chart, names, 1);
  outlay_chart_add_series (chart, "Hours", OUTLAY_CHART_STROKE_SOLID, hours, 1);
  text = outlay_chart_describe_point (chart, 0);
  g_assert_cmpstr (text, ==, "Logged\nHours: 4.50 h");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/draw", test_draw);
  g_test_add_func ("/chart/points", test_points);
  g_test_add_func ("/chart/bar", test_bar);
  g_test_add_func ("/chart/donut", test_donut);
  g_test_add_func ("/chart/hours", test_hours);
  return g_test_run ();
}
