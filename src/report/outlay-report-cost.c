/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-report"

/* The cost report: the dashboard on paper.  Its figures as fields, its
 * charts drawn by src/report/outlay-chart.c as the window draws them
 * (light palette), the lines and tasks over their estimate, and the time
 * by person. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "outlay-dashboard-charts.h"
#include "outlay-report-private.h"

static char *
day_text (guint32 day)
{
  GDate date;
  char text[64];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_date_strftime (text, sizeof text, "%x", &date);
  return g_strdup (text);
}

static char *
index_text (gboolean set, OutlayDecimal v)
{
  return set ? outlay_report_number_places (outlay_decimal_round (v, 2), 2) : NULL;
}

static void
add_money (OutlayReport *self, GPtrArray *fields, const char *label, OutlayDecimal v)
{
  g_autofree char *text = outlay_report_money (self, v);

  outlay_report_field (fields, label, text);
}

static void
spend_fields (OutlayReport *self, OutlayDashboard *d, GPtrArray *fields)
{
  g_autofree char *used = d->cap > 0
                              ? outlay_report_percent (outlay_decimal_round (d->used_percent, 1))
                              : NULL;
  g_autofree char *burn = NULL, *out = NULL, *range = NULL, *per_day = NULL, *per_week = NULL;

  add_money (self, fields, d->cap_is_allocation ? _("Allocation") : _("Estimate"), d->cap);
  add_money (self, fields, _("Spent and committed"), d->spent);
  outlay_report_field (fields, _("Used"), used);
  outlay_report_field (fields, _("Level"), d->level == OUTLAY_UTILIZATION_CRITICAL
                                  ? _("Past the critical threshold")
                                  : d->level == OUTLAY_UTILIZATION_WARNING
                                  ? _("Past the warning threshold")
                                  : _("Below the thresholds"));
  per_day = outlay_report_money (self, d->burn.per_day);
  per_week = outlay_report_money (self, d->burn.per_week);
  burn = g_strdup_printf (_("%s a day, %s a week (%u days)"), per_day, per_week,
                             d->burn.window_days);
  outlay_report_field (fields, _("Burn rate"), burn);
  out = d->burn.runs_out ? day_text (d->burn.runs_out_day) : g_strdup (_("Not at this rate"));
  outlay_report_field (fields, _("Money runs out"), out);
  if (d->burn.has_range && d->burn.has_latest)
    {
      g_autofree char *lo = day_text (d->burn.earliest_day);
      g_autofree char *hi = day_text (d->burn.latest_day);

      range = g_strdup_printf (_("%s to %s"), lo, hi);
      outlay_report_field (fields, _("Likely between"), range);
    }
}

static void
evm_fields (OutlayReport *self, OutlayDashboard *d, GPtrArray *fields)
{
  const OutlayEvm *e = &d->evm;
  g_autofree char *cpi = index_text (e->has_cpi, e->cpi);
  g_autofree char *spi = index_text (e->has_spi, e->spi);
  g_autofree char *tcpi = index_text (e->has_tcpi, e->tcpi);

  if (!d->has_evm)
    return;
  add_money (self, fields, _("BAC"), e->bac);
  add_money (self, fields, _("PV"), e->pv);
  add_money (self, fields, _("EV"), e->ev);
  add_money (self, fields, _("AC"), e->ac);
  outlay_report_field (fields, _("CPI"), cpi);
  outlay_report_field (fields, _("SPI"), spi);
  add_money (self, fields, _("CV"), e->cv);
  add_money (self, fields, _("SV"), e->sv);
  add_money (self, fields, _("EAC (as so far)"), e->eac_typical);
  add_money (self, fields, _("EAC (to plan)"), e->eac_atypical);
  add_money (self, fields, _("EAC (CPI × SPI)"), e->eac_cpi_spi);
  add_money (self, fields, _("ETC"), e->etc);
  add_money (self, fields, _("VAC"), e->vac);
  outlay_report_field (fields, _("TCPI"), tcpi);
  if (d->has_range)
    {
      add_money (self, fields, _("Final cost P10"), d->range.eac_p10);
      add_money (self, fields, _("Final cost P50"), d->range.eac_p50);
      add_money (self, fields, _("Final cost P90"), d->range.eac_p90);
    }
  if (d->facts->has_snapshot_then)
    {
      g_autofree char *when = day_text (d->facts->snapshot_then.day);
      g_autofree char *label = g_strdup_printf (_("Forecast on %s"), when);

      add_money (self, fields, label, d->facts->snapshot_then.eac_typical);
    }
}

static void
add_chart (OutlayReport *self, OutlayDashboard *d, OutlayDashboardChart which)
{
  ReportRow *row = outlay_report_add_row (self, REPORT_ROW_CHART, 0, 1);

  g_assert (self->charts->len < G_MAXUINT8);
  row->table = (guint8) self->charts->len;
  row->cells[0] = g_strdup (outlay_dashboard_chart_title (which));
  g_ptr_array_add (self->charts, outlay_dashboard_chart (d, which));
}

static void
add_overruns (OutlayReport *self, OutlayDashboard *d)
{
  GArray *rows = d->facts->overruns;
  guint table;

  if (rows->len == 0)
    return;
  table = outlay_report_add_table (self, TRUE,
                                   _("Line or task"), REPORT_COLUMN_FILL, 0,
                                      _("Estimate"), REPORT_COLUMN_NUMERIC, 0,
                                         _("Spent"), REPORT_COLUMN_NUMERIC, 0,
                                            _("Over"), REPORT_COLUMN_NUMERIC | REPORT_COLUMN_ALERT,
                                               0, NULL);
  outlay_report_add_caption (self, _("Over their estimate"));
  outlay_report_add_columns (self, table);
  for (guint i = 0; i < rows->len; i++)
    {
      const OutlayFactsRow *r = &g_array_index (rows, OutlayFactsRow, i);
      ReportRow *row = outlay_report_add_row (self, REPORT_ROW_LINE, table, 4);

      row->flags |= REPORT_ROW_OVER;
      row->cells[0] = g_strdup (r->name);
      row->cells[1] = outlay_report_money (self, r->estimate);
      row->cells[2] = outlay_report_money (self, r->actual + r->committed);
      row->cells[3] = outlay_report_money (self, r->actual + r->committed - r->estimate);
    }
}

void
outlay_report_build_cost (OutlayReport *self,
                          OutlayDocument *doc,
                          OutlayDashboard *dashboard,
                          GPtrArray *entries,
                          GPtrArray *people)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) evm = g_ptr_array_new_with_free_func (g_free);
  OutlayTimeRow total;
  g_autoptr(GArray) time = outlay_time_summarize (doc, entries, people, TRUE, &total);

  outlay_report_add_title (self, self->budget_name);
  outlay_report_budget_fields (self, doc, fields, FALSE);
  spend_fields (self, dashboard, fields);
  outlay_report_add_fields (self, fields);
  evm_fields (self, dashboard, evm);
  if (evm->len > 0)
    {
      outlay_report_add_caption (self, _("Earned value from the tasks"));
      outlay_report_add_fields (self, evm);
    }
  for (guint k = 0; k < OUTLAY_DASHBOARD_N_CHARTS; k++)
    add_chart (self, dashboard, k);
  add_overruns (self, dashboard);
  outlay_report_add_time_table (self, time, &total, TRUE);
}
