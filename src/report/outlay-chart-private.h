/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What outlay-chart.c (the model, the line kind and the shared drawing
 * helpers) and outlay-chart-bars.c (the bar and ring kinds) share. */

#include <pango/pangocairo.h>

#include "outlay-chart.h"

G_BEGIN_DECLS

#define MAX_SERIES 4
#define PAD 8.0
#define TICK 4.0

typedef struct
{
  char *name;
  OutlayChartStroke stroke;
  GArray *values; /* OutlayDecimal */
} Series;

typedef struct
{
  char *name;
  OutlayDecimal value;
} Threshold;

struct _OutlayChart
{
  gatomicrefcount ref;
  OutlayChartKind kind;
  char *currency;
  GDate first;
  guint n_days;
  GPtrArray *series;     /* Series */
  GArray *thresholds;    /* Threshold */
  GPtrArray *categories; /* char*, the bar and donut kinds' rows */
  gboolean hours;        /* values are hours, not money */
};

/* The plot area inside the axes' labels */
typedef struct
{
  double x, y, w, h;
  OutlayDecimal lo, hi;
} Frame;

/* outlay-chart.c */
void outlay_chart_range (OutlayChart *self, OutlayDecimal *lo, OutlayDecimal *hi);
OutlayDecimal outlay_chart_nice_step (OutlayDecimal span, int n);
PangoLayout *outlay_chart_label (cairo_t *cr, const char *text);
void outlay_chart_set_color (cairo_t *cr, const double c[4]);
char *outlay_chart_money_label (OutlayChart *self, OutlayDecimal v);
char *outlay_chart_value_text (OutlayChart *self, OutlayDecimal v);

/* outlay-chart-bars.c */
void outlay_chart_bar_draw (OutlayChart *self,
                            cairo_t *cr,
                            double width,
                            double height,
                            const OutlayChartColors *c,
                            int highlight);
int outlay_chart_bar_point_at (OutlayChart *self,
                               cairo_t *cr,
                               double width,
                               double height,
                               double x,
                               double y);
void outlay_chart_donut_draw (OutlayChart *self,
                              cairo_t *cr,
                              double width,
                              double height,
                              const OutlayChartColors *c,
                              int highlight);
int outlay_chart_donut_point_at (OutlayChart *self,
                                 cairo_t *cr,
                                 double width,
                                 double height,
                                 double x,
                                 double y);
char *outlay_chart_category_describe (OutlayChart *self, guint index);

G_END_DECLS
