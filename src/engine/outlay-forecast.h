/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "outlay-decimal.h"

G_BEGIN_DECLS

/**
 * OutlayEvm:
 * @bac: budget at completion
 * @pv: planned value to date
 * @ev: earned value to date
 * @ac: actual cost to date
 * @cv: cost variance, EV − AC
 * @sv: schedule variance, EV − PV
 * @has_cpi: whether @cpi and the EACs that divide by it are known (AC and
 *   EV above zero)
 * @cpi: cost performance index, EV ÷ AC (a ratio, four places)
 * @has_spi: whether @spi is known (PV above zero)
 * @spi: schedule performance index, EV ÷ PV
 * @eac_typical: AC + (BAC − EV) ÷ CPI: the rest costs what the work so far
 *   cost (BAC ÷ CPI); @eac_atypical when no CPI is known
 * @eac_atypical: AC + (BAC − EV): the rest goes to plan
 * @eac_cpi_spi: AC + (BAC − EV) ÷ (CPI × SPI): the rest is also pushed by
 *   the schedule; the typical EAC when no SPI is known
 * @etc: estimate to complete, @eac_typical − AC
 * @vac: variance at completion, BAC − @eac_typical
 * @has_tcpi: whether @tcpi is known (BAC above AC)
 * @tcpi: to-complete performance index, (BAC − EV) ÷ (BAC − AC): the cost
 *   efficiency the rest needs to land on BAC
 *
 * Earned-value figures.  Amounts and indexes are exact decimals: each
 * EAC is computed from the amounts, never from a rounded index.
 */
typedef struct
{
  OutlayDecimal bac, pv, ev, ac;
  OutlayDecimal cv, sv;
  gboolean has_cpi;
  OutlayDecimal cpi;
  gboolean has_spi;
  OutlayDecimal spi;
  OutlayDecimal eac_typical, eac_atypical, eac_cpi_spi;
  OutlayDecimal etc, vac;
  gboolean has_tcpi;
  OutlayDecimal tcpi;
} OutlayEvm;

gboolean outlay_evm_compute (OutlayDecimal bac,
                             OutlayDecimal pv,
                             OutlayDecimal ev,
                             OutlayDecimal ac,
                             OutlayEvm *evm,
                             GError **error);

/**
 * OutlayEvmPeriod:
 * @ev: the value earned in the period (not cumulative)
 * @ac: the cost incurred in the period
 *
 * One period of a project's history, for the EAC range.
 */
typedef struct
{
  OutlayDecimal ev;
  OutlayDecimal ac;
} OutlayEvmPeriod;

/**
 * OutlayEacRange:
 * @n: the periods the range rests on (those with work and cost)
 * @cpi_p10: the cost index the lower EAC assumes (the higher CPI)
 * @cpi_p50: the median periodic cost index
 * @cpi_p90: the cost index the higher EAC assumes (the lower CPI)
 * @eac_p10: one chance in ten that the final cost is below this
 * @eac_p50: the median final cost
 * @eac_p90: nine chances in ten that the final cost is below this
 *
 * The range of the final cost from the project's own periodic cost
 * indexes: their logarithms are close to normal (Lipke 2009), so the
 * median index is exp(mean), bounded by exp(mean ± z·σ/√n) with z the
 * normal quantile for 10 % and 90 %.  It narrows as periods accrue.
 */
typedef struct
{
  guint n;
  OutlayDecimal cpi_p10, cpi_p50, cpi_p90;
  OutlayDecimal eac_p10, eac_p50, eac_p90;
} OutlayEacRange;

gboolean outlay_eac_range (const OutlayEvm *evm,
                           const OutlayEvmPeriod *periods,
                           guint n_periods,
                           OutlayEacRange *range,
                           GError **error);

/**
 * OutlaySpend:
 * @day: the Julian day (g_date_get_julian()) the money was spent
 * @amount: how much
 *
 * One amount spent on one day; several may share a day.
 */
typedef struct
{
  guint32 day;
  OutlayDecimal amount;
} OutlaySpend;

/**
 * OutlayBurn:
 * @window_days: the days the rate is measured over, ending today
 * @spent_in_window: what was spent in them
 * @per_day: the mean spend per day over the window
 * @per_week: seven times @per_day
 * @remaining: the budget less everything spent (may be negative)
 * @runs_out: whether, at this rate, the money runs out before the calendar
 *   ends, or already has (then @runs_out_day is today)
 * @runs_out_day: the Julian day the remaining money is gone at @per_day
 * @has_range: whether the window's days vary enough to give a range
 *   (two days or more)
 * @earliest_day: the Julian day the money runs out at the high end of the
 *   rate's 80 % range (mean + 1.28·σ/√n per day)
 * @has_latest: whether the low end of the rate is still above zero
 * @latest_day: the Julian day at the low end of the rate
 *
 * The burn rate and the day the money runs out, with its range.
 */
typedef struct
{
  guint window_days;
  OutlayDecimal spent_in_window;
  OutlayDecimal per_day, per_week;
  OutlayDecimal remaining;
  gboolean runs_out;
  guint32 runs_out_day;
  gboolean has_range;
  guint32 earliest_day;
  gboolean has_latest;
  guint32 latest_day;
} OutlayBurn;

gboolean outlay_burn_compute (const OutlaySpend *spend,
                              guint n_spend,
                              guint32 today,
                              guint window_days,
                              OutlayDecimal budget,
                              OutlayDecimal spent,
                              OutlayBurn *burn,
                              GError **error);

G_END_DECLS
