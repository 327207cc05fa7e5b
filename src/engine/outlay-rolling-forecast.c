/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-phasing"

/* The rolling forecast: periods up to the freeze line (the last closed
 * period) show what was spent; each later one a forecast, by the
 * section's method: what is left of the line's phased budget spread as it
 * was phased, the run rate of the last closed periods, or the commitments
 * scheduled in it.  Closing a period keeps the forecast as it stood, so
 * what was forecast for a period can be set against what it cost. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-error.h"
#include "outlay-rolling-forecast.h"

#define AT(grid, array, row, p) OUTLAY_GRID_AT (grid, array, row, p)

/* What is left of the line's estimate after all it spent, spread over the
 * open periods as they were phased (evenly when none is). */
static gboolean
forecast_remaining (OutlayPhasingGrid *g, guint r, guint closed, guint places, OutlayDecimal *out)
{
  guint n = g->periods->n;
  OutlayDecimal spent = g->undated[r], open_planned = 0, left, sum = 0;
  int last = -1;

  for (guint p = 0; p < n; p++)
    spent += AT (g, actual, r, p);
  for (guint p = closed; p < n; p++)
    if (AT (g, planned, r, p) > 0)
      {
        open_planned += AT (g, planned, r, p);
        last = (int) p;
      }
  left = MAX (outlay_line_get_estimate (g->lines[r]) - spent, 0);
  for (guint p = closed; p < n; p++)
    {
      OutlayDecimal share = 0;

      if (left != 0 && (int) p != last)
        {
          if (open_planned > 0
              && !outlay_decimal_mul_div (left, MAX (AT (g, planned, r, p), 0), open_planned,
                                          &share))
            return FALSE;
          if (open_planned == 0
              && !outlay_decimal_div (left, OUTLAY_DECIMAL_FROM_INT (n - closed), &share))
            return FALSE;
          share = outlay_decimal_round (share, places);
        }
      out[p] = AT (g, actual, r, p) + share;
      sum += share;
    }
  if (last < 0)
    last = (int) n - 1;
  out[last] = AT (g, actual, r, last) + (left - sum);
  return TRUE;
}

static gboolean
forecast_run_rate (OutlayPhasingGrid *g,
                   guint r,
                   guint closed,
                   guint last_n,
                   guint places,
                   OutlayDecimal *out)
{
  guint from = closed > last_n ? closed - last_n : 0;
  OutlayDecimal sum = 0, rate;

  for (guint p = from; p < closed; p++)
    sum += AT (g, actual, r, p);
  if (!outlay_decimal_div (sum, OUTLAY_DECIMAL_FROM_INT (closed - from), &rate))
    return FALSE;
  rate = outlay_decimal_round (rate, places);
  for (guint p = closed; p < g->periods->n; p++)
    out[p] = MAX (rate, AT (g, actual, r, p));
  return TRUE;
}

/* Scheduled in a closed period and still open: due now, in the first open
 * period. */
static void
forecast_commitments (OutlayPhasingGrid *g, guint r, guint closed, OutlayDecimal *out)
{
  OutlayDecimal overdue = 0;

  for (guint p = 0; p < closed; p++)
    overdue += AT (g, scheduled, r, p);
  for (guint p = closed; p < g->periods->n; p++)
    out[p] = AT (g, actual, r, p) + AT (g, scheduled, r, p) + (p == closed ? overdue : 0);
}

/**
 * outlay_rolling_forecast_compute:
 * @grid: @document laid out by period
 * @document: the budget
 * @closed: the periods closed (the freeze line is after period @closed)
 * @error: on overflow
 *
 * Fills @grid's forecast: actuals up to @closed, each section's method
 * after it.  Commitments on a section as a whole count as actual where
 * invoiced and, with the commitments method, where scheduled.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_rolling_forecast_compute (OutlayPhasingGrid *grid,
                                 OutlayDocument *document,
                                 guint closed,
                                 GError **error)
{
  const OutlayPeriodSettings *settings = outlay_document_get_period_settings (document);
  guint n = grid->periods->n;
  guint places = outlay_currency_minor_units (
      outlay_budget_get_currency (outlay_document_get_budget (document)));
  g_autofree OutlayForecastMethod *methods = g_new0 (OutlayForecastMethod,
                                                     MAX (grid->n_sections, 1));

  closed = MIN (closed, n);
  grid->closed = closed;
  for (guint s = 0; s < grid->n_sections; s++)
    methods[s] = outlay_document_get_forecast_method (document,
                                                      outlay_document_get_section (document, s));
  memset (grid->section_forecast, 0, sizeof (OutlayDecimal) * grid->n_sections * n);
  memset (grid->total_forecast, 0, sizeof (OutlayDecimal) * n);
  for (guint r = 0; r < grid->n_rows; r++)
    {
      OutlayDecimal *out = &AT (grid, forecast, r, 0);
      OutlayForecastMethod m = methods[grid->row_section[r]];
      gboolean ok = TRUE;

      for (guint p = 0; p < closed; p++)
        out[p] = AT (grid, actual, r, p);
      if (m == OUTLAY_FORECAST_METHOD_RUN_RATE && closed > 0)
        ok = forecast_run_rate (grid, r, closed, MAX (settings->run_rate_periods, 1), places, out);
      else if (m == OUTLAY_FORECAST_METHOD_COMMITMENTS)
        forecast_commitments (grid, r, closed, out);
      else if (closed < n)
        ok = forecast_remaining (grid, r, closed, places, out);
      if (!ok)
        {
          g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
                               _("The forecast is larger than Outlay can hold"));
          return FALSE;
        }
      for (guint p = 0; p < n; p++)
        grid->section_forecast[(gsize) grid->row_section[r] * n + p] += out[p];
    }
  /* what the section's own commitments add beyond its lines */
  {
    g_autofree OutlayDecimal *line_actual = g_new0 (OutlayDecimal,
                                                    (gsize) MAX (grid->n_sections, 1) * n);
    g_autofree OutlayDecimal *line_sched = g_new0 (OutlayDecimal,
                                                   (gsize) MAX (grid->n_sections, 1) * n);

    for (guint r = 0; r < grid->n_rows; r++)
      for (guint p = 0; p < n; p++)
        {
          line_actual[(gsize) grid->row_section[r] * n + p] += AT (grid, actual, r, p);
          line_sched[(gsize) grid->row_section[r] * n + p] += AT (grid, scheduled, r, p);
        }
    for (guint s = 0; s < grid->n_sections; s++)
      for (guint p = 0; p < n; p++)
        {
          gsize k = (gsize) s * n + p;

          grid->section_forecast[k] += grid->section_actual[k] - line_actual[k];
          if (p >= closed && methods[s] == OUTLAY_FORECAST_METHOD_COMMITMENTS)
            grid->section_forecast[k] += grid->section_scheduled[k] - line_sched[k];
          grid->total_forecast[p] += grid->section_forecast[k];
        }
  }
  return TRUE;
}

/**
 * outlay_rolling_forecast_snapshot:
 * @grid: a grid whose forecast is computed
 * @document: its budget
 *
 * Returns: (transfer full): the forecast per section (those that are
 *   stored) and for the budget, as it stands at @grid's freeze line
 */
OutlayForecastSnapshot *
outlay_rolling_forecast_snapshot (const OutlayPhasingGrid *grid, OutlayDocument *document)
{
  guint n = grid->periods->n;
  OutlayForecastSnapshot *snap = outlay_forecast_snapshot_new (
      grid->closed, grid->closed > 0 ? grid->periods->names[grid->closed - 1] : "");

  for (guint s = 0; s < grid->n_sections; s++)
    {
      gint64 id = outlay_section_get_id (outlay_document_get_section (document, s));

      if (id > 0)
        for (guint p = 0; p < n; p++)
          outlay_forecast_snapshot_add (snap, id, p, grid->section_forecast[(gsize) s * n + p]);
    }
  for (guint p = 0; p < n; p++)
    outlay_forecast_snapshot_add (snap, 0, p, grid->total_forecast[p]);
  return snap;
}

/**
 * outlay_rolling_forecast_close:
 * @document: the budget
 * @period: (nullable): the period to close, which must be the first open
 *   one (%NULL: that one)
 * @grid: (nullable): @document by period, up to date (the Periods page
 *   keeps one); %NULL to lay it out here
 * @error: why not: not the next period, all closed, a failed write
 *
 * Closes @period: recomputes the rolling forecast with the freeze line
 * after it (in @grid) and keeps that forecast as an immutable snapshot.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_rolling_forecast_close (OutlayDocument *document,
                               const char *period,
                               OutlayPhasingGrid *grid,
                               GError **error)
{
  g_autoptr(OutlayPhasingGrid) own = NULL;
  guint closed = outlay_document_get_closed_periods (document);
  guint index;

  if (grid == NULL && (grid = own = outlay_phasing_grid_new (document, error)) == NULL)
    return FALSE;
  if (closed >= grid->periods->n)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("Every period of “%s” is closed"),
                      outlay_budget_get_name (outlay_document_get_budget (document)));
      return FALSE;
    }
  if (period != NULL && !outlay_periods_lookup (grid->periods, period, &index, error))
    return FALSE;
  if (period != NULL && index != closed)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   index < closed ? _("%s is already closed; the next period to close is %s")
                                  : _("Periods close in order: close %2$s before %1$s"),
                                       grid->periods->names[index], grid->periods->names[closed]);
      return FALSE;
    }
  if (!outlay_rolling_forecast_compute (grid, document, closed + 1, error))
    return FALSE;
  if (!outlay_document_close_period (document, outlay_rolling_forecast_snapshot (grid, document),
                                     error))
    {
      outlay_rolling_forecast_compute (grid, document, closed, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * outlay_rolling_forecast_accuracy:
 * @grid: the budget by period
 * @document: the budget
 * @section: (nullable): a section, or %NULL for the budget
 * @period: a period
 * @out: (out caller-allocates): what was forecast for @period when the
 *   period before it closed, against its actual now
 */
void
outlay_rolling_forecast_accuracy (const OutlayPhasingGrid *grid,
                                  OutlayDocument *document,
                                  OutlaySection *section,
                                  guint period,
                                  OutlayForecastAccuracy *out)
{
  const OutlayForecastSnapshot *snap = outlay_document_find_snapshot (document, period);
  guint n = grid->periods->n;
  guint s;
  gint64 id = section != NULL ? outlay_section_get_id (section) : 0;

  *out = (OutlayForecastAccuracy){ .period = period };
  g_return_if_fail (period < n);
  if (section != NULL && outlay_document_find_section (document, section, &s))
    out->actual = grid->section_actual[(gsize) s * n + period];
  else
    out->actual = grid->total_actual[period];
  if (snap == NULL || (section != NULL && id <= 0)
      || !outlay_forecast_snapshot_lookup (snap, id, period, &out->forecast))
    return;
  out->has_forecast = TRUE;
  out->error_amount = out->actual - out->forecast;
  out->has_percent = outlay_decimal_as_percent (out->error_amount, out->forecast,
                                                &out->error_percent);
}

/**
 * outlay_period_variance:
 * @planned: a period's phased budget
 * @spent: its actual or forecast
 * @max_amount: flag a variance over this amount (0: no amount limit)
 * @max_percent: or over this percentage of @planned (0: no percentage
 *   limit); whichever is lower
 * @out: (out caller-allocates): the variance
 */
void
outlay_period_variance (OutlayDecimal planned,
                        OutlayDecimal spent,
                        OutlayDecimal max_amount,
                        OutlayDecimal max_percent,
                        OutlayPeriodVariance *out)
{
  OutlayDecimal limit = -1, by_percent;
  OutlayDecimal magnitude;

  *out = (OutlayPeriodVariance){ .planned = planned, .spent = spent };
  if (!outlay_decimal_sub (planned, spent, &out->variance))
    out->variance = planned > spent ? OUTLAY_DECIMAL_MAX : OUTLAY_DECIMAL_MIN;
  out->has_percent = outlay_decimal_as_percent (out->variance, planned, &out->percent);
  magnitude = out->variance < 0 ? -out->variance : out->variance;
  if (max_amount > 0)
    limit = max_amount;
  if (max_percent > 0
      && outlay_decimal_percent_of (planned < 0 ? -planned : planned, max_percent, &by_percent)
      && (limit < 0 || by_percent < limit))
    limit = by_percent;
  out->flagged = limit >= 0 && magnitude > limit;
}
