/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-chart"

/* Charts drawn with cairo and Pango: data series in, drawing out, the same
 * for the UI (a widget's snapshot), PDF and print.  Money stays
 * OutlayDecimal until it becomes a pixel position. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "outlay-chart.h"
#include "outlay-chart-private.h"
#include "outlay-currency.h"

G_DEFINE_BOXED_TYPE (OutlayChart, outlay_chart, outlay_chart_ref, outlay_chart_unref)

static void
series_free (gpointer data)
{
  Series *s = data;

  g_free (s->name);
  g_array_unref (s->values);
  g_free (s);
}

static void
threshold_clear (gpointer data)
{
  g_free (((Threshold *) data)->name);
}

/**
 * outlay_chart_new:
 * @kind: the kind of chart
 * @currency: (nullable): the values' currency, for the labels
 *
 * Returns: (transfer full): an empty chart
 */
OutlayChart *
outlay_chart_new (OutlayChartKind kind, const char *currency)
{
  OutlayChart *self = g_new0 (OutlayChart, 1);

  g_atomic_ref_count_init (&self->ref);
  self->kind = kind;
  self->currency = g_strdup (currency ? currency : "USD");
  g_date_clear (&self->first, 1);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->thresholds = g_array_new (FALSE, FALSE, sizeof (Threshold));
  g_array_set_clear_func (self->thresholds, threshold_clear);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  return self;
}

OutlayChart *
outlay_chart_ref (OutlayChart *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
outlay_chart_unref (OutlayChart *self)
{
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_free (self->currency);
  g_ptr_array_unref (self->series);
  g_array_unref (self->thresholds);
  g_ptr_array_unref (self->categories);
  g_free (self);
}

/**
 * outlay_chart_set_days:
 * @self: a chart
 * @first: the first day, the x axis's origin
 * @n_days: the number of days (points per series)
 */
void
outlay_chart_set_days (OutlayChart *self, const GDate *first, guint n_days)
{
  self->first = *first;
  self->n_days = n_days;
}

/**
 * outlay_chart_add_series:
 * @self: a chart
 * @name: its name in tooltips ("Balance")
 * @stroke: how its line is drawn
 * @values: (array length=n_values): one value per day
 * @n_values: their number
 *
 * Returns: the series' index, which picks its color
 */
guint
outlay_chart_add_series (OutlayChart *self,
                         const char *name,
                         OutlayChartStroke stroke,
                         const OutlayDecimal *values,
                         guint n_values)
{
  Series *s = g_new0 (Series, 1);

  g_return_val_if_fail (self->series->len < MAX_SERIES, 0);
  s->name = g_strdup (name);
  s->stroke = stroke;
  s->values = g_array_sized_new (FALSE, FALSE, sizeof (OutlayDecimal), n_values);
  g_array_append_vals (s->values, values, n_values);
  g_ptr_array_add (self->series, s);
  return self->series->len - 1;
}

/**
 * outlay_chart_add_threshold:
 * @self: a chart
 * @name: its outlay_chart_label ("Reserve")
 * @value: where the horizontal line goes
 */
void
outlay_chart_add_threshold (OutlayChart *self, const char *name, OutlayDecimal value)
{
  Threshold t = { g_strdup (name), value };

  g_array_append_val (self->thresholds, t);
}

/**
 * outlay_chart_set_categories:
 * @self: a bar or donut chart
 * @names: (array length=n_names): the rows' (or slices') names
 * @n_names: their number; each series has one value per name
 */
void
outlay_chart_set_categories (OutlayChart *self, const char *const *names, guint n_names)
{
  g_ptr_array_set_size (self->categories, 0);
  for (guint i = 0; i < n_names; i++)
    g_ptr_array_add (self->categories, g_strdup (names[i]));
}

/**
 * outlay_chart_set_hours:
 * @self: a chart
 * @hours: whether its values are hours rather than money
 */
void
outlay_chart_set_hours (OutlayChart *self, gboolean hours)
{
  self->hours = hours;
}

guint
outlay_chart_get_n_points (OutlayChart *self)
{
  guint n = 0;

  if (self->kind != OUTLAY_CHART_LINE)
    return self->categories->len;
  for (guint i = 0; i < self->series->len; i++)
    n = MAX (n, ((Series *) g_ptr_array_index (self->series, i))->values->len);
  return n;
}

static void
rgba (double out[4], guint32 rgb, double alpha)
{
  out[0] = ((rgb >> 16) & 0xff) / 255.0;
  out[1] = ((rgb >> 8) & 0xff) / 255.0;
  out[2] = (rgb & 0xff) / 255.0;
  out[3] = alpha;
}

/**
 * outlay_chart_colors_init:
 * @colors: (out caller-allocates): the palette
 * @dark: for a dark background
 *
 * GNOME's palette: blue and purple series, orange reserve, red below zero.
 */
void
outlay_chart_colors_init (OutlayChartColors *colors, gboolean dark)
{
  rgba (colors->foreground, dark ? 0xffffff : 0x000000, 0.8);
  rgba (colors->grid, dark ? 0xffffff : 0x000000, 0.12);
  rgba (colors->series[0], dark ? 0x78aeed : 0x1c71d8, 1.0);
  rgba (colors->series[1], dark ? 0xc061cb : 0x813d9c, 1.0);
  rgba (colors->series[2], dark ? 0x57e389 : 0x26a269, 1.0);
  rgba (colors->series[3], dark ? 0xf8e45c : 0xc64600, 1.0);
  rgba (colors->extra[0], dark ? 0xffa348 : 0xe66100, 1.0);
  rgba (colors->extra[1], dark ? 0x5bc8af : 0x2190a4, 1.0);
  rgba (colors->extra[2], dark ? 0xcdab8f : 0x865e3c, 1.0);
  rgba (colors->extra[3], dark ? 0xc0bfbc : 0x77767b, 1.0);
  rgba (colors->threshold, dark ? 0xffa348 : 0xe66100, 1.0);
  rgba (colors->negative, dark ? 0xff7b63 : 0xc01c28, 1.0);
  rgba (colors->highlight, dark ? 0xffffff : 0x000000, 0.5);
}

void
outlay_chart_range (OutlayChart *self, OutlayDecimal *lo, OutlayDecimal *hi)
{
  /* zero is always on the chart */
  *lo = 0;
  *hi = 0;
  for (guint i = 0; i < self->series->len; i++)
    {
      GArray *v = ((Series *) g_ptr_array_index (self->series, i))->values;

      for (guint j = 0; j < v->len; j++)
        {
          *lo = MIN (*lo, g_array_index (v, OutlayDecimal, j));
          *hi = MAX (*hi, g_array_index (v, OutlayDecimal, j));
        }
    }
  for (guint i = 0; i < self->thresholds->len; i++)
    {
      *lo = MIN (*lo, g_array_index (self->thresholds, Threshold, i).value);
      *hi = MAX (*hi, g_array_index (self->thresholds, Threshold, i).value);
    }
  if (*hi == *lo)
    *hi = *lo + OUTLAY_DECIMAL_FROM_INT (100);
}

/* A "nice" step (1, 2 or 5 × 10^k whole units) for about @n ticks */
OutlayDecimal
outlay_chart_nice_step (OutlayDecimal span, int n)
{
  gint64 raw = MAX (1, span / OUTLAY_DECIMAL_SCALE / n);
  gint64 p = 1;

  while (p * 10 <= raw)
    p *= 10;
  if (raw > 5 * p)
    p *= 10;
  else if (raw > 2 * p)
    p *= 5;
  else if (raw > p)
    p *= 2;
  return OUTLAY_DECIMAL_FROM_INT (p);
}

static double
y_of (const Frame *f, OutlayDecimal v)
{
  /* a pixel position: the only place money becomes a double */
  return f->y + f->h - f->h * (double) (v - f->lo) / (double) (f->hi - f->lo);
}

static double
x_of (OutlayChart *self, const Frame *f, guint i)
{
  guint n = MAX (2, outlay_chart_get_n_points (self));

  return f->x + f->w * i / (double) (n - 1);
}

PangoLayout *
outlay_chart_label (cairo_t *cr, const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 8");

  pango_font_description_set_absolute_size (font, 9 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

void
outlay_chart_set_color (cairo_t *cr, const double c[4])
{
  cairo_set_source_rgba (cr, c[0], c[1], c[2], c[3]);
}

static char *
hours_text (OutlayDecimal v, int places)
{
  g_autofree char *number = outlay_decimal_format_locale (outlay_decimal_round (v, places), places);

  /* Translators: hours on a chart, "12.5 h" */
  return g_strdup_printf (_("%s h"), number);
}

char *
outlay_chart_money_label (OutlayChart *self, OutlayDecimal v)
{
  if (self->hours)
    return hours_text (v, 0);
  /* whole units: cents only clutter an axis */
  return outlay_currency_format (outlay_decimal_round (v, 0), self->currency);
}

char *
outlay_chart_value_text (OutlayChart *self, OutlayDecimal v)
{
  return self->hours ? hours_text (v, 2) : outlay_currency_format (v, self->currency);
}

static void
frame_for (OutlayChart *self, cairo_t *cr, double width, double height, Frame *f)
{
  g_autofree char *lo_text = NULL;
  g_autofree char *hi_text = NULL;
  g_autoptr (PangoLayout) a = NULL;
  g_autoptr (PangoLayout) b = NULL;
  int wa, wb, h;

  outlay_chart_range (self, &f->lo, &f->hi);
  lo_text = outlay_chart_money_label (self, f->lo);
  hi_text = outlay_chart_money_label (self, f->hi);
  a = outlay_chart_label (cr, lo_text);
  b = outlay_chart_label (cr, hi_text);
  pango_layout_get_pixel_size (a, &wa, &h);
  pango_layout_get_pixel_size (b, &wb, NULL);
  f->x = PAD + MAX (wa, wb) + TICK + 4;
  f->y = PAD + h / 2.0;
  f->w = MAX (10, width - f->x - PAD - 8);
  f->h = MAX (10, height - f->y - PAD - h - TICK - 4);
}

static void
draw_y_axis (OutlayChart *self, cairo_t *cr, const Frame *f, const OutlayChartColors *c)
{
  OutlayDecimal step = outlay_chart_nice_step (f->hi - f->lo, MAX (2, (int) (f->h / 40)));
  OutlayDecimal v = (f->lo / step) * step;

  cairo_set_line_width (cr, 1);
  for (; v <= f->hi; v += step)
    {
      g_autofree char *text = NULL;
      g_autoptr (PangoLayout) layout = NULL;
      double y = round (y_of (f, v)) + 0.5;
      int w, h;

      if (v < f->lo)
        continue;
      outlay_chart_set_color (cr, c->grid);
      cairo_move_to (cr, f->x, y);
      cairo_line_to (cr, f->x + f->w, y);
      cairo_stroke (cr);
      text = outlay_chart_money_label (self, v);
      layout = outlay_chart_label (cr, text);
      pango_layout_get_pixel_size (layout, &w, &h);
      outlay_chart_set_color (cr, c->foreground);
      cairo_move_to (cr, f->x - TICK - 4 - w, y - h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
  /* the zero line, stronger than the grid */
  outlay_chart_set_color (cr, c->foreground);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, f->x, round (y_of (f, 0)) + 0.5);
  cairo_line_to (cr, f->x + f->w, round (y_of (f, 0)) + 0.5);
  cairo_stroke (cr);
}

static void
draw_x_axis (OutlayChart *self, cairo_t *cr, const Frame *f, const OutlayChartColors *c)
{
  guint n = outlay_chart_get_n_points (self);
  double last_right = -1000;

  if (!g_date_valid (&self->first))
    return;
  for (guint i = 0; i < n; i++)
    {
      GDate d = self->first;
      char buf[64];
      g_autoptr (PangoLayout) layout = NULL;
      double x = x_of (self, f, i);
      int w, h;

      g_date_add_days (&d, i);
      /* the 1st and 15th of each month, and the first day */
      if (i != 0 && g_date_get_day (&d) != 1 && g_date_get_day (&d) != 15)
        continue;
      /* Translators: a day on the chart's axis, see strftime */
      g_date_strftime (buf, sizeof buf, _("%-d %b"), &d);
      layout = outlay_chart_label (cr, buf);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (x - w / 2.0 < last_right + 6)
        continue;
      outlay_chart_set_color (cr, c->grid);
      cairo_move_to (cr, round (x) + 0.5, f->y + f->h);
      cairo_line_to (cr, round (x) + 0.5, f->y + f->h + TICK);
      cairo_stroke (cr);
      outlay_chart_set_color (cr, c->foreground);
      cairo_move_to (cr, CLAMP (x - w / 2.0, 0, f->x + f->w - w + 8), f->y + f->h + TICK + 2);
      pango_cairo_show_layout (cr, layout);
      last_right = x + w / 2.0;
    }
}

static void
draw_thresholds (OutlayChart *self, cairo_t *cr, const Frame *f, const OutlayChartColors *c)
{
  static const double dash[] = { 6, 4 };

  for (guint i = 0; i < self->thresholds->len; i++)
    {
      Threshold *t = &g_array_index (self->thresholds, Threshold, i);
      g_autoptr (PangoLayout) layout = outlay_chart_label (cr, t->name);
      double y = round (y_of (f, t->value)) + 0.5;
      int w, h;

      outlay_chart_set_color (cr, c->threshold);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, f->x, y);
      cairo_line_to (cr, f->x + f->w, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, f->x + f->w - w, y - h - 1);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
trace (OutlayChart *self, cairo_t *cr, const Frame *f, GArray *v)
{
  for (guint j = 0; j < v->len; j++)
    {
      double x = x_of (self, f, j), y = y_of (f, g_array_index (v, OutlayDecimal, j));

      /* balances change in steps: a day's value holds until the next */
      if (j == 0)
        cairo_move_to (cr, x, y);
      else
        {
          double prev_y = y_of (f, g_array_index (v, OutlayDecimal, j - 1));
          cairo_line_to (cr, x, prev_y);
          cairo_line_to (cr, x, y);
        }
    }
}

static void
draw_series (OutlayChart *self, cairo_t *cr, const Frame *f, const OutlayChartColors *c)
{
  static const double dash[] = { 4, 3 };

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);
      const double *color = c->series[i];
      double zero = y_of (f, 0);

      if (s->values->len == 0)
        continue;
      if (s->stroke == OUTLAY_CHART_STROKE_SOLID)
        {
          /* a light fill to zero, red where it is below */
          trace (self, cr, f, s->values);
          cairo_line_to (cr, x_of (self, f, s->values->len - 1), zero);
          cairo_line_to (cr, x_of (self, f, 0), zero);
          cairo_close_path (cr);
          cairo_save (cr);
          cairo_clip_preserve (cr);
          cairo_set_source_rgba (cr, color[0], color[1], color[2], 0.15);
          cairo_rectangle (cr, f->x, f->y, f->w, zero - f->y);
          cairo_fill (cr);
          cairo_set_source_rgba (cr, c->negative[0], c->negative[1], c->negative[2], 0.25);
          cairo_rectangle (cr, f->x, zero, f->w, f->y + f->h - zero);
          cairo_fill (cr);
          cairo_restore (cr);
          cairo_new_path (cr);
        }
      outlay_chart_set_color (cr, color);
      cairo_set_line_width (cr, s->stroke == OUTLAY_CHART_STROKE_SOLID ? 2 : 1.5);
      if (s->stroke == OUTLAY_CHART_STROKE_DASHED)
        cairo_set_dash (cr, dash, 2, 0);
      trace (self, cr, f, s->values);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* The series' names with their strokes, at the plot's top left */
static void
draw_legend (OutlayChart *self, cairo_t *cr, const Frame *f, const OutlayChartColors *c)
{
  static const double dash[] = { 4, 3 };
  double x = f->x + 8;

  for (guint i = 0; i < self->series->len && self->series->len > 1; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);
      g_autoptr (PangoLayout) layout = outlay_chart_label (cr, s->name);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      outlay_chart_set_color (cr, c->series[i]);
      cairo_set_line_width (cr, 2);
      if (s->stroke == OUTLAY_CHART_STROKE_DASHED)
        cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x, f->y + 4 + h / 2.0);
      cairo_line_to (cr, x + 16, f->y + 4 + h / 2.0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      outlay_chart_set_color (cr, c->foreground);
      cairo_move_to (cr, x + 20, f->y + 4);
      pango_cairo_show_layout (cr, layout);
      x += 20 + w + 16;
    }
}

static void
draw_highlight (OutlayChart *self,
                cairo_t *cr,
                const Frame *f,
                const OutlayChartColors *c,
                guint index)
{
  double x = round (x_of (self, f, index)) + 0.5;

  outlay_chart_set_color (cr, c->highlight);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, f->y);
  cairo_line_to (cr, x, f->y + f->h);
  cairo_stroke (cr);
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);

      if (index >= s->values->len)
        continue;
      outlay_chart_set_color (cr, c->series[i]);
      cairo_arc (cr, x, y_of (f, g_array_index (s->values, OutlayDecimal, index)), 3.5, 0,
                 2 * G_PI);
      cairo_fill (cr);
    }
}

/**
 * outlay_chart_draw:
 * @self: a chart
 * @cr: where to draw, with its origin at the chart's top left
 * @width: the chart's width
 * @height: its height
 * @colors: the palette
 * @highlight: the point to mark (keyboard focus, hover), or -1
 *
 * Draws the axes with locale labels, the zero line, the thresholds and
 * the series.
 */
void
outlay_chart_draw (OutlayChart *self,
                   cairo_t *cr,
                   double width,
                   double height,
                   const OutlayChartColors *colors,
                   int highlight)
{
  Frame f;

  g_return_if_fail (self != NULL && cr != NULL);
  if (self->kind != OUTLAY_CHART_LINE)
    {
      cairo_save (cr);
      if (self->kind == OUTLAY_CHART_BAR)
        outlay_chart_bar_draw (self, cr, width, height, colors, highlight);
      else
        outlay_chart_donut_draw (self, cr, width, height, colors, highlight);
      cairo_restore (cr);
      return;
    }
  cairo_save (cr);
  frame_for (self, cr, width, height, &f);
  draw_y_axis (self, cr, &f, colors);
  draw_x_axis (self, cr, &f, colors);
  draw_series (self, cr, &f, colors);
  draw_thresholds (self, cr, &f, colors);
  draw_legend (self, cr, &f, colors);
  if (highlight >= 0 && (guint) highlight < outlay_chart_get_n_points (self))
    draw_highlight (self, cr, &f, colors, highlight);
  cairo_restore (cr);
}

/**
 * outlay_chart_point_at:
 * @self: a chart
 * @width: its drawn width
 * @height: its drawn height
 * @x: a position on it
 * @y: a position on it
 *
 * Returns: the index of the point nearest @x in the plot, or -1 outside it
 */
int
outlay_chart_point_at (OutlayChart *self, double width, double height, double x, double y)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  guint n = outlay_chart_get_n_points (self);
  Frame f;
  int i;

  if (self->kind != OUTLAY_CHART_LINE)
    {
      i = self->kind == OUTLAY_CHART_BAR
              ? outlay_chart_bar_point_at (self, cr, width, height, x, y)
              : outlay_chart_donut_point_at (self, cr, width, height, x, y);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return i;
    }
  frame_for (self, cr, width, height, &f);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (n == 0 || x < f.x - 4 || x > f.x + f.w + 4 || y < f.y || y > f.y + f.h)
    return -1;
  i = (int) round ((x - f.x) / f.w * (MAX (2, n) - 1));
  return CLAMP (i, 0, (int) n - 1);
}

/**
 * outlay_chart_describe_point:
 * @self: a chart
 * @index: a point
 *
 * Returns: (transfer full): "3 April 2026 — Balance: €1,200.00, Minimum:
 *   €950.00", for a tooltip or a screen reader
 */
char *
outlay_chart_describe_point (OutlayChart *self, guint index)
{
  GString *s = g_string_new (NULL);
  char buf[64];

  if (self->kind != OUTLAY_CHART_LINE)
    {
      g_string_free (s, TRUE);
      return outlay_chart_category_describe (self, index);
    }
  if (g_date_valid (&self->first))
    {
      GDate d = self->first;

      g_date_add_days (&d, index);
      /* Translators: a day in a chart's tooltip, see strftime */
      g_date_strftime (buf, sizeof buf, _("%A %-d %B %Y"), &d);
      g_string_append (s, buf);
    }
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);
      g_autofree char *amount = NULL;

      if (index >= series->values->len)
        continue;
      amount = outlay_currency_format (g_array_index (series->values, OutlayDecimal, index),
                                       self->currency);
      g_string_append_printf (s, "\n%s: %s", series->name, amount);
    }
  return g_string_free (s, FALSE);
}

/**
 * outlay_chart_describe:
 * @self: a chart
 *
 * Returns: (transfer full): the chart in one sentence, for its accessible
 *   description
 */
char *
outlay_chart_describe (OutlayChart *self)
{
  OutlayDecimal lo, hi;
  g_autofree char *lo_text = NULL, *hi_text = NULL;

  outlay_chart_range (self, &lo, &hi);
  lo_text = outlay_chart_money_label (self, lo);
  hi_text = outlay_chart_money_label (self, hi);
  if (self->kind == OUTLAY_CHART_BAR)
    return g_strdup_printf (_("A bar chart of %u items from %s to %s"),
                               outlay_chart_get_n_points (self), lo_text, hi_text);
  if (self->kind == OUTLAY_CHART_DONUT)
    return g_strdup_printf (_("A ring chart of %u shares"), outlay_chart_get_n_points (self));
  return g_strdup_printf (_("A chart of %u days from %s to %s"), outlay_chart_get_n_points (self),
                             lo_text, hi_text);
}
