/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-chart.h"
#include "outlay-dashboard.h"

G_BEGIN_DECLS

/**
 * OutlayDashboardChart:
 * @OUTLAY_DASHBOARD_CHART_TREND: cumulative actual against the plan (line)
 * @OUTLAY_DASHBOARD_CHART_SECTIONS: actual and estimate by section (bars)
 * @OUTLAY_DASHBOARD_CHART_PEOPLE: the cost of each person's time (donut)
 * @OUTLAY_DASHBOARD_CHART_TASKS: actual and estimate of the top tasks (bars)
 * @OUTLAY_DASHBOARD_CHART_HOURS: hours logged, estimated and allocated (bars)
 *
 * The dashboard's charts, the same in the window and the cost report.
 */
typedef enum
{
  OUTLAY_DASHBOARD_CHART_TREND,
  OUTLAY_DASHBOARD_CHART_SECTIONS,
  OUTLAY_DASHBOARD_CHART_PEOPLE,
  OUTLAY_DASHBOARD_CHART_TASKS,
  OUTLAY_DASHBOARD_CHART_HOURS,
  OUTLAY_DASHBOARD_N_CHARTS
} OutlayDashboardChart;

/* Sections and people a chart names; the rest add up to "Other". */
#define OUTLAY_DASHBOARD_CHART_ROWS 8

OutlayChart *outlay_dashboard_chart (OutlayDashboard *dashboard, OutlayDashboardChart which);
const char *outlay_dashboard_chart_title (OutlayDashboardChart which);

G_END_DECLS
