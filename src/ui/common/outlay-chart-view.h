/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "outlay-chart-export.h"
#include "outlay-chart.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_CHART_VIEW (outlay_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (OutlayChartView, outlay_chart_view, OUTLAY, CHART_VIEW, GtkWidget)

GtkWidget *outlay_chart_view_new (void);
void outlay_chart_view_set_chart (OutlayChartView *self, OutlayChart *chart);
OutlayChart *outlay_chart_view_get_chart (OutlayChartView *self);
int outlay_chart_view_get_highlight (OutlayChartView *self);
gboolean outlay_chart_view_export (OutlayChartView *self,
                                   const char *path,
                                   OutlayChartFileFormat format,
                                   double width,
                                   double height,
                                   GError **error);

G_END_DECLS
