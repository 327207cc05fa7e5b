/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-chart"

/* The bar and ring (donut) kinds of OutlayChart: one row or slice per
 * category, drawn with cairo and Pango like the line kind. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "outlay-chart-private.h"
#include "outlay-currency.h"

/* ---- bars and donuts: one row (or slice) per category ---- */

static OutlayDecimal
value_at (OutlayChart *self, guint series, guint index)
{
  GArray *v = ((Series *) g_ptr_array_index (self->series, series))->values;

  return index < v->len ? g_array_index (v, OutlayDecimal, index) : 0;
}

static const double *
slice_color (const OutlayChartColors *c, guint i)
{
  i %= 8;
  return i < 4 ? c->series[i] : c->extra[i - 4];
}

/* The rows' labels on the left, the value axis below, a legend above when
 * there are two series or more. */
static void
bar_frame (OutlayChart *self, cairo_t *cr, double width, double height, Frame *f)
{
  int label_w = 0, h = 10;

  outlay_chart_range (self, &f->lo, &f->hi);
  for (guint i = 0; i < self->categories->len; i++)
    {
      g_autoptr (PangoLayout)
                     layout = outlay_chart_label (cr, g_ptr_array_index (self->categories, i));
      int w;

      pango_layout_get_pixel_size (layout, &w, &h);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w, (int) (width * 0.35));
  f->x = PAD + label_w + 6;
  f->y = PAD + (self->series->len > 1 ? h + 6 : 0);
  f->w = MAX (10, width - f->x - PAD - 24);
  f->h = MAX (10, height - f->y - PAD - h - TICK - 4);
}

static double
bar_x (const Frame *f, OutlayDecimal v)
{
  /* a pixel position: money becomes a double only here */
  return f->x + f->w * (double) (v - f->lo) / (double) (f->hi - f->lo);
}

static void
bar_axis (OutlayChart *self, cairo_t *cr, const Frame *f, const OutlayChartColors *c)
{
  OutlayDecimal step = outlay_chart_nice_step (f->hi - f->lo, MAX (2, (int) (f->w / 90)));
  double last_right = -1000;

  cairo_set_line_width (cr, 1);
  for (OutlayDecimal v = (f->lo / step) * step; v <= f->hi; v += step)
    {
      g_autofree char *text = NULL;
      g_autoptr (PangoLayout) layout = NULL;
      double x = round (bar_x (f, v)) + 0.5;
      int w, h;

      if (v < f->lo)
        continue;
      outlay_chart_set_color (cr, v == 0 ? c->foreground : c->grid);
      cairo_move_to (cr, x, f->y);
      cairo_line_to (cr, x, f->y + f->h + TICK);
      cairo_stroke (cr);
      text = outlay_chart_money_label (self, v);
      layout = outlay_chart_label (cr, text);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (x - w / 2.0 < last_right + 6)
        continue;
      outlay_chart_set_color (cr, c->foreground);
      cairo_move_to (cr, x - w / 2.0, f->y + f->h + TICK + 2);
      pango_cairo_show_layout (cr, layout);
      last_right = x + w / 2.0;
    }
}

static void
bar_legend (OutlayChart *self, cairo_t *cr, const Frame *f, const OutlayChartColors *c)
{
  double x = f->x;

  for (guint i = 0; i < self->series->len && self->series->len > 1; i++)
    {
      g_autoptr (PangoLayout) layout = outlay_chart_label (
          cr, ((Series *) g_ptr_array_index (self->series, i))->name);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      outlay_chart_set_color (cr, c->series[i]);
      cairo_rectangle (cr, x, PAD + 2, 10, h - 4);
      cairo_fill (cr);
      outlay_chart_set_color (cr, c->foreground);
      cairo_move_to (cr, x + 14, PAD);
      pango_cairo_show_layout (cr, layout);
      x += 14 + w + 16;
    }
}

static void
bar_row (OutlayChart *self,
         cairo_t *cr,
         const Frame *f,
         const OutlayChartColors *c,
         guint i,
         gboolean highlighted)
{
  guint n = self->categories->len, ns = MAX (1, self->series->len);
  double band = f->h / n, top = f->y + band * i, bar = band * 0.7 / ns;
  g_autoptr (PangoLayout) layout = outlay_chart_label (cr, g_ptr_array_index (self->categories, i));
  double zero = bar_x (f, 0);
  int w, h;

  if (highlighted)
    {
      outlay_chart_set_color (cr, c->grid);
      cairo_rectangle (cr, PAD, top, f->x + f->w - PAD, band);
      cairo_fill (cr);
    }
  pango_layout_set_width (layout, (int) (f->x - PAD - 6) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &w, &h);
  outlay_chart_set_color (cr, c->foreground);
  cairo_move_to (cr, f->x - 6 - w, top + (band - h) / 2.0);
  pango_cairo_show_layout (cr, layout);
  for (guint s = 0; s < self->series->len; s++)
    {
      double x = bar_x (f, value_at (self, s, i));

      outlay_chart_set_color (cr, value_at (self, s, i) < 0 ? c->negative : c->series[s]);
      cairo_rectangle (cr, MIN (x, zero), top + band * 0.15 + bar * s, fabs (x - zero),
                       MAX (1, bar - 1));
      cairo_fill (cr);
    }
}

void
outlay_chart_bar_draw (OutlayChart *self,
                       cairo_t *cr,
                       double width,
                       double height,
                       const OutlayChartColors *c,
                       int highlight)
{
  static const double dash[] = { 6, 4 };
  Frame f;

  if (self->categories->len == 0)
    return;
  bar_frame (self, cr, width, height, &f);
  for (guint i = 0; i < self->categories->len; i++)
    bar_row (self, cr, &f, c, i, (int) i == highlight);
  bar_axis (self, cr, &f, c);
  bar_legend (self, cr, &f, c);
  for (guint i = 0; i < self->thresholds->len; i++)
    {
      Threshold *t = &g_array_index (self->thresholds, Threshold, i);
      g_autoptr (PangoLayout) layout = outlay_chart_label (cr, t->name);
      double x = round (bar_x (&f, t->value)) + 0.5;
      int w, h;

      outlay_chart_set_color (cr, c->threshold);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x, f.y);
      cairo_line_to (cr, x, f.y + f.h);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, MIN (x + 3, f.x + f.w + 24 - w), f.y);
      pango_cairo_show_layout (cr, layout);
    }
}

int
outlay_chart_bar_point_at (OutlayChart *self,
                           cairo_t *cr,
                           double width,
                           double height,
                           double x,
                           double y)
{
  Frame f;
  int i;

  if (self->categories->len == 0)
    return -1;
  bar_frame (self, cr, width, height, &f);
  if (y < f.y || y >= f.y + f.h || x < PAD || x > f.x + f.w + 24)
    return -1;
  i = (int) ((y - f.y) / (f.h / self->categories->len));
  return CLAMP (i, 0, (int) self->categories->len - 1);
}

/* The ring on the left, the legend on the right. */
typedef struct
{
  double cx, cy, r, legend_x, row_h;
  OutlayDecimal total;
} Ring;

static void
ring_for (OutlayChart *self, cairo_t *cr, double width, double height, Ring *ring)
{
  g_autoptr (PangoLayout) layout = outlay_chart_label (cr, "Ag");
  int h;

  pango_layout_get_pixel_size (layout, NULL, &h);
  ring->r = MAX (10, MIN (height - 2 * PAD, width * 0.45 - 2 * PAD) / 2);
  ring->cx = PAD + ring->r;
  ring->cy = height / 2;
  ring->legend_x = ring->cx + ring->r + 16;
  ring->row_h = h + 4;
  ring->total = 0;
  for (guint i = 0; i < self->categories->len && self->series->len > 0; i++)
    if (value_at (self, 0, i) > 0
        && !outlay_decimal_add (ring->total, value_at (self, 0, i), &ring->total))
      ring->total = OUTLAY_DECIMAL_MAX;
}

static double
legend_top (OutlayChart *self, const Ring *ring)
{
  return MAX (PAD, ring->cy - ring->row_h * self->categories->len / 2);
}

void
outlay_chart_donut_draw (OutlayChart *self,
                         cairo_t *cr,
                         double width,
                         double height,
                         const OutlayChartColors *c,
                         int highlight)
{
  Ring ring;
  double angle = -G_PI / 2, top;

  if (self->categories->len == 0 || self->series->len == 0)
    return;
  ring_for (self, cr, width, height, &ring);
  cairo_set_line_width (cr, ring.r * 0.4);
  if (ring.total <= 0)
    {
      outlay_chart_set_color (cr, c->grid);
      cairo_arc (cr, ring.cx, ring.cy, ring.r * 0.8, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < self->categories->len && ring.total > 0; i++)
    {
      OutlayDecimal v = value_at (self, 0, i);
      /* a share as an angle: only geometry is a double */
      double sweep = v > 0 ? 2 * G_PI * (double) v / (double) ring.total : 0;
      double r = (int) i == highlight ? ring.r * 0.85 : ring.r * 0.8;

      if (sweep <= 0)
        continue;
      outlay_chart_set_color (cr, slice_color (c, i));
      cairo_new_path (cr);
      cairo_arc (cr, ring.cx, ring.cy, r, angle, angle + sweep);
      cairo_stroke (cr);
      angle += sweep;
    }
  top = legend_top (self, &ring);
  for (guint i = 0; i < self->categories->len; i++)
    {
      g_autofree char *amount = outlay_chart_value_text (self, value_at (self, 0, i));
      g_autofree char *text = g_strdup_printf (
          "%s  %s", (char *) g_ptr_array_index (self->categories, i), amount);
      g_autoptr (PangoLayout) layout = outlay_chart_label (cr, text);
      double y = top + ring.row_h * i;

      if (y + ring.row_h > height)
        break;
      if ((int) i == highlight)
        {
          outlay_chart_set_color (cr, c->grid);
          cairo_rectangle (cr, ring.legend_x - 4, y, width - ring.legend_x, ring.row_h);
          cairo_fill (cr);
        }
      outlay_chart_set_color (cr, slice_color (c, i));
      cairo_rectangle (cr, ring.legend_x, y + 4, 10, ring.row_h - 8);
      cairo_fill (cr);
      pango_layout_set_width (layout,
                              (int) MAX (10, width - ring.legend_x - 16 - PAD) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
      outlay_chart_set_color (cr, c->foreground);
      cairo_move_to (cr, ring.legend_x + 14, y + 2);
      pango_cairo_show_layout (cr, layout);
    }
}

int
outlay_chart_donut_point_at (OutlayChart *self,
                             cairo_t *cr,
                             double width,
                             double height,
                             double x,
                             double y)
{
  Ring ring;
  double dx, dy, d, angle, at = 0;

  if (self->categories->len == 0 || self->series->len == 0)
    return -1;
  ring_for (self, cr, width, height, &ring);
  if (x >= ring.legend_x - 4)
    {
      int i = (int) floor ((y - legend_top (self, &ring)) / ring.row_h);

      return i >= 0 && i < (int) self->categories->len ? i : -1;
    }
  dx = x - ring.cx;
  dy = y - ring.cy;
  d = sqrt (dx * dx + dy * dy);
  if (ring.total <= 0 || d < ring.r * 0.55 || d > ring.r * 1.05)
    return -1;
  /* clockwise from twelve o'clock, as drawn */
  angle = atan2 (dy, dx) + G_PI / 2;
  if (angle < 0)
    angle += 2 * G_PI;
  for (guint i = 0; i < self->categories->len; i++)
    {
      OutlayDecimal v = value_at (self, 0, i);

      if (v <= 0)
        continue;
      at += 2 * G_PI * (double) v / (double) ring.total;
      if (angle <= at)
        return (int) i;
    }
  return (int) self->categories->len - 1;
}

/* "Design — Actual: €1,200.00, Estimate: €1,000.00" or, in a donut,
 * "Ann: €1,200.00 (40 %)" */
char *
outlay_chart_category_describe (OutlayChart *self, guint index)
{
  GString *s;

  if (index >= self->categories->len)
    return g_strdup ("");
  s = g_string_new (g_ptr_array_index (self->categories, index));
  if (self->kind == OUTLAY_CHART_DONUT && self->series->len > 0)
    {
      OutlayDecimal total = 0, v = value_at (self, 0, index), pct = 0;
      g_autofree char *amount = outlay_chart_value_text (self, v);
      g_autofree char *pct_text = NULL;

      for (guint i = 0; i < self->categories->len; i++)
        if (value_at (self, 0, i) > 0)
          outlay_decimal_add (total, value_at (self, 0, i), &total);
      outlay_decimal_as_percent (v, total, &pct);
      pct_text = outlay_decimal_format_locale (outlay_decimal_round (pct, 0), 0);
      /* Translators: a share in a ring chart, "€1,200.00 (40 %)" */
      g_string_append_printf (s, _(": %s (%s %%)"), amount, pct_text);
      return g_string_free (s, FALSE);
    }
  for (guint i = 0; i < self->series->len; i++)
    {
      g_autofree char *amount = outlay_chart_value_text (self, value_at (self, i, index));

      g_string_append_printf (s, "\n%s: %s", ((Series *) g_ptr_array_index (self->series, i))->name,
                              amount);
    }
  return g_string_free (s, FALSE);
}
