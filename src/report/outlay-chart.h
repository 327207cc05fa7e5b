/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "outlay-decimal.h"

G_BEGIN_DECLS

/**
 * OutlayChartKind:
 * @OUTLAY_CHART_LINE: series over days, one point per day (the balance
 *   chart)
 * @OUTLAY_CHART_BAR: horizontal bars, one row per category, one bar per
 *   series in it (actual beside estimate)
 * @OUTLAY_CHART_DONUT: the first series' share of each category, as a
 *   ring with its legend
 */
typedef enum
{
  OUTLAY_CHART_LINE,
  OUTLAY_CHART_BAR,
  OUTLAY_CHART_DONUT,
} OutlayChartKind;

/**
 * OutlayChartStroke:
 * @OUTLAY_CHART_STROKE_SOLID: a solid line, filled below to zero
 * @OUTLAY_CHART_STROKE_DASHED: a dashed line (a minimum, a forecast)
 */
typedef enum
{
  OUTLAY_CHART_STROKE_SOLID,
  OUTLAY_CHART_STROKE_DASHED,
} OutlayChartStroke;

/**
 * OutlayChartColors:
 * @foreground: text and axes
 * @grid: grid lines
 * @series: one color per series, in order (at most 4)
 * @extra: four more, for a donut's slices after the series' colors
 * @threshold: a reserve or limit line
 * @negative: values below zero
 * @highlight: the focused point
 *
 * RGBA colors, each 0…1.  outlay_chart_colors_init() fills the light or
 * dark palette (GNOME's), so the UI, PDF and print draw alike.
 */
typedef struct
{
  double foreground[4];
  double grid[4];
  double series[4][4];
  double extra[4][4];
  double threshold[4];
  double negative[4];
  double highlight[4];
} OutlayChartColors;

#define OUTLAY_TYPE_CHART (outlay_chart_get_type ())

typedef struct _OutlayChart OutlayChart;

GType outlay_chart_get_type (void) G_GNUC_CONST;
OutlayChart *outlay_chart_new (OutlayChartKind kind, const char *currency);
OutlayChart *outlay_chart_ref (OutlayChart *self);
void outlay_chart_unref (OutlayChart *self);
void outlay_chart_set_days (OutlayChart *self, const GDate *first, guint n_days);
guint outlay_chart_add_series (OutlayChart *self,
                               const char *name,
                               OutlayChartStroke stroke,
                               const OutlayDecimal *values,
                               guint n_values);
void outlay_chart_set_categories (OutlayChart *self, const char *const *names, guint n_names);
void outlay_chart_set_hours (OutlayChart *self, gboolean hours);
void outlay_chart_add_threshold (OutlayChart *self, const char *name, OutlayDecimal value);
guint outlay_chart_get_n_points (OutlayChart *self);
void outlay_chart_colors_init (OutlayChartColors *colors, gboolean dark);
void outlay_chart_draw (OutlayChart *self,
                        cairo_t *cr,
                        double width,
                        double height,
                        const OutlayChartColors *colors,
                        int highlight);
int outlay_chart_point_at (OutlayChart *self, double width, double height, double x, double y);
char *outlay_chart_describe_point (OutlayChart *self, guint index);
char *outlay_chart_describe (OutlayChart *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayChart, outlay_chart_unref)

G_END_DECLS
