/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-phasing.h"

G_BEGIN_DECLS

gboolean outlay_rolling_forecast_compute (OutlayPhasingGrid *grid,
                                          OutlayDocument *document,
                                          guint closed,
                                          GError **error);
OutlayForecastSnapshot *outlay_rolling_forecast_snapshot (const OutlayPhasingGrid *grid,
                                                          OutlayDocument *document);
gboolean outlay_rolling_forecast_close (OutlayDocument *document,
                                        const char *period,
                                        OutlayPhasingGrid *grid,
                                        GError **error);

/**
 * OutlayForecastAccuracy:
 * @period: a closed period
 * @has_forecast: a forecast for it was kept (the period before it was
 *   closed with a snapshot)
 * @forecast: what that snapshot forecast for @period
 * @actual: what was spent in @period
 * @error_amount: @actual − @forecast
 * @error_percent: @error_amount as a percentage of @forecast;
 *   meaningful when @has_percent
 * @has_percent: %FALSE when @forecast is zero
 */
typedef struct
{
  guint period;
  gboolean has_forecast;
  OutlayDecimal forecast;
  OutlayDecimal actual;
  OutlayDecimal error_amount;
  OutlayDecimal error_percent;
  gboolean has_percent;
} OutlayForecastAccuracy;

void outlay_rolling_forecast_accuracy (const OutlayPhasingGrid *grid,
                                       OutlayDocument *document,
                                       OutlaySection *section,
                                       guint period,
                                       OutlayForecastAccuracy *out);

/**
 * OutlayPeriodVariance:
 * @planned: the phased budget of the period
 * @spent: its actual (closed) or forecast (open)
 * @variance: @planned − @spent (negative: over)
 * @percent: @variance as a percentage of @planned (when @planned ≠ 0)
 * @flagged: |@variance| is over the lower of the amount and the
 *   percentage of @planned
 */
typedef struct
{
  OutlayDecimal planned;
  OutlayDecimal spent;
  OutlayDecimal variance;
  OutlayDecimal percent;
  gboolean has_percent;
  gboolean flagged;
} OutlayPeriodVariance;

void outlay_period_variance (OutlayDecimal planned,
                             OutlayDecimal spent,
                             OutlayDecimal max_amount,
                             OutlayDecimal max_percent,
                             OutlayPeriodVariance *out);

G_END_DECLS
