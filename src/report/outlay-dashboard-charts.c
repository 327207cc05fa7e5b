/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-dashboard-charts"

/* The dashboard's figures as chart models: the window's chart widgets and
 * the cost report draw these, so they show the same. */

#include "config.h"

#include "outlay-dashboard-charts.h"

#include <glib/gi18n-lib.h>

/**
 * outlay_dashboard_chart_title:
 * @which: a chart
 *
 * Returns: its title, translated
 */
const char *
outlay_dashboard_chart_title (OutlayDashboardChart which)
{
  switch (which)
    {
      case OUTLAY_DASHBOARD_CHART_TREND:
        return _("Cost Trend");
      case OUTLAY_DASHBOARD_CHART_SECTIONS:
        return _("By Section");
      case OUTLAY_DASHBOARD_CHART_PEOPLE:
        return _("By Person");
      case OUTLAY_DASHBOARD_CHART_TASKS:
        return _("By Task");
      case OUTLAY_DASHBOARD_CHART_HOURS:
        return _("Hours");
      case OUTLAY_DASHBOARD_N_CHARTS:
      default:
        break;
    }
  g_return_val_if_reached ("");
}

static OutlayChart *
trend (OutlayDashboard *d)
{
  OutlayChart *chart = outlay_chart_new (OUTLAY_CHART_LINE, d->facts->currency);
  GDate first;

  if (d->trend_days == 0)
    return chart;
  g_date_clear (&first, 1);
  g_date_set_julian (&first, d->trend_first);
  outlay_chart_set_days (chart, &first, d->trend_days);
  outlay_chart_add_series (chart, _("Actual"), OUTLAY_CHART_STROKE_SOLID, d->trend_actual,
                                     d->trend_actual_days);
  if (d->trend_planned != NULL)
    outlay_chart_add_series (chart, d->plan_basis == OUTLAY_PLAN_PHASING
                             ? _("Planned (phasing)")
                             : _("Planned"), OUTLAY_CHART_STROKE_DASHED, d->trend_planned,
                                  d->trend_days);
  if (d->cap > 0)
    outlay_chart_add_threshold (chart,
                                d->cap_is_allocation ? _("Allocation") : _("Estimate"), d->cap);
  return chart;
}

/* Rows as bars of actual and estimate, the first @max named and the rest
 * as one "Other" row. */
static OutlayChart *
rows_chart (OutlayDashboard *d, GArray *rows, OutlayChartKind kind, guint max)
{
  OutlayChart *chart = outlay_chart_new (kind, d->facts->currency);
  guint n = MIN (rows->len, max + 1);
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree OutlayDecimal *actual = g_new0 (OutlayDecimal, n + 1);
  g_autofree OutlayDecimal *estimate = g_new0 (OutlayDecimal, n + 1);
  g_autofree char *other = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      const OutlayFactsRow *r = &g_array_index (rows, OutlayFactsRow, i);
      guint k = MIN (i, n - 1);

      if (i < n - 1 || rows->len == n)
        names[k] = r->name != NULL && *r->name != '\0' ? r->name : _("Nobody");
      else if (other == NULL)
        names[k] = other = g_strdup (_("Other"));
      outlay_decimal_add (actual[k], r->actual, &actual[k]);
      outlay_decimal_add (estimate[k], r->estimate, &estimate[k]);
    }
  outlay_chart_set_categories (chart, names, n);
  outlay_chart_add_series (chart, kind == OUTLAY_CHART_DONUT
                           ? _("Cost")
                           : _("Actual"), OUTLAY_CHART_STROKE_SOLID, actual, n);
  if (kind == OUTLAY_CHART_BAR)
    outlay_chart_add_series (chart, _("Estimate"), OUTLAY_CHART_STROKE_SOLID, estimate, n);
  return chart;
}

static OutlayChart *
hours (OutlayDashboard *d)
{
  OutlayChart *chart = outlay_chart_new (OUTLAY_CHART_BAR, d->facts->currency);
  const char *names[] = { _("Logged"), _("Estimated for the tasks"), _("Allocated") };
  OutlayDecimal values[] = { d->facts->logged_hours, d->facts->estimated_hours,
                             d->facts->allocated_hours };

  outlay_chart_set_hours (chart, TRUE);
  outlay_chart_set_categories (chart, names, d->facts->allocated_hours > 0 ? 3 : 2);
  outlay_chart_add_series (chart, _("Hours"), OUTLAY_CHART_STROKE_SOLID, values,
                                     d->facts->allocated_hours > 0 ? 3 : 2);
  return chart;
}

/**
 * outlay_dashboard_chart:
 * @dashboard: a budget's dashboard
 * @which: the chart wanted
 *
 * Returns: (transfer full): its model, to draw with outlay_chart_draw()
 */
OutlayChart *
outlay_dashboard_chart (OutlayDashboard *dashboard, OutlayDashboardChart which)
{
  g_return_val_if_fail (dashboard != NULL, NULL);
  switch (which)
    {
      case OUTLAY_DASHBOARD_CHART_TREND:
        return trend (dashboard);
      case OUTLAY_DASHBOARD_CHART_SECTIONS:
        return rows_chart (dashboard, dashboard->facts->sections, OUTLAY_CHART_BAR,
                           OUTLAY_DASHBOARD_CHART_ROWS);
      case OUTLAY_DASHBOARD_CHART_PEOPLE:
        return rows_chart (dashboard, dashboard->facts->people, OUTLAY_CHART_DONUT,
                           OUTLAY_DASHBOARD_CHART_ROWS - 1);
      case OUTLAY_DASHBOARD_CHART_TASKS:
        return rows_chart (dashboard, dashboard->facts->tasks, OUTLAY_CHART_BAR, G_MAXUINT - 1);
      case OUTLAY_DASHBOARD_CHART_HOURS:
        return hours (dashboard);
      case OUTLAY_DASHBOARD_N_CHARTS:
      default:
        break;
    }
  g_return_val_if_reached (NULL);
}
