/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-forecast"

/* Earned value, the final cost's range and the burn rate: pure
 * calculations over amounts the caller gathers (from tasks, time entries
 * and lines).  Money stays exact; only the statistics of ratios (the
 * spread of periodic cost indexes, of daily spend) are floating point,
 * and what they yield (an index, a day) is turned back into exact
 * figures before any amount is computed from it. */

#include "config.h"

#include "outlay-forecast.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "outlay-error.h"

/* The standard normal quantile of 90 %: P10 and P90 are mean ∓ z·σ/√n. */
#define Z_90 1.2815515655446004

/* 31 December 9999, the last day GDate knows. */
#define LAST_JULIAN_DAY 3652059u

/* Scale of an index turned into a fixed-point factor for amounts. */
#define FACTOR_SCALE G_GINT64_CONSTANT (1000000000)

static gboolean
overflow (GError **error)
{
  g_set_error_literal (
      error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
      _("The forecast’s figures are larger than Outlay can hold (±922 trillion)"));
  return FALSE;
}

/**
 * outlay_evm_compute:
 * @bac: budget at completion
 * @pv: planned value to date
 * @ev: earned value to date
 * @ac: actual cost to date
 * @evm: (out caller-allocates): the figures
 * @error: an error on a negative input or an overflow
 *
 * Fills @evm with the earned-value figures (see #OutlayEvm).  With no
 * cost index yet (nothing earned or spent) the typical and schedule EACs
 * are the atypical one: the rest goes to plan.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_evm_compute (OutlayDecimal bac,
                    OutlayDecimal pv,
                    OutlayDecimal ev,
                    OutlayDecimal ac,
                    OutlayEvm *evm,
                    GError **error)
{
  OutlayDecimal rest, part;

  g_return_val_if_fail (evm != NULL, FALSE);
  memset (evm, 0, sizeof *evm);
  if (bac < 0 || pv < 0 || ev < 0 || ac < 0)
    {
      g_set_error_literal (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                           _("Budget, planned value, earned value and actual cost cannot be "
                             "negative"));
      return FALSE;
    }
  evm->bac = bac;
  evm->pv = pv;
  evm->ev = ev;
  evm->ac = ac;
  if (!outlay_decimal_sub (ev, ac, &evm->cv) || !outlay_decimal_sub (ev, pv, &evm->sv)
      || !outlay_decimal_sub (bac, ev, &rest) || !outlay_decimal_add (ac, rest, &evm->eac_atypical))
    return overflow (error);

  evm->has_cpi = ev > 0 && ac > 0;
  evm->has_spi = pv > 0;
  if (evm->has_cpi && !outlay_decimal_div (ev, ac, &evm->cpi))
    return overflow (error);
  if (evm->has_spi && !outlay_decimal_div (ev, pv, &evm->spi))
    return overflow (error);

  /* AC + (BAC − EV) × AC ÷ EV: the rest at the cost rate so far */
  evm->eac_typical = evm->eac_atypical;
  if (evm->has_cpi
      && (!outlay_decimal_mul_div (rest, ac, ev, &part)
          || !outlay_decimal_add (ac, part, &evm->eac_typical)))
    return overflow (error);

  /* … and pushed by the schedule: (BAC − EV) ÷ (CPI × SPI) is
   * (BAC − EV) × AC ÷ EV × PV ÷ EV */
  evm->eac_cpi_spi = evm->eac_typical;
  if (evm->has_cpi && evm->has_spi
      && (!outlay_decimal_mul_div (rest, ac, ev, &part)
          || !outlay_decimal_mul_div (part, pv, ev, &part)
          || !outlay_decimal_add (ac, part, &evm->eac_cpi_spi)))
    return overflow (error);

  if (!outlay_decimal_sub (evm->eac_typical, ac, &evm->etc)
      || !outlay_decimal_sub (bac, evm->eac_typical, &evm->vac))
    return overflow (error);

  evm->has_tcpi = bac > ac;
  if (evm->has_tcpi && !outlay_decimal_div (rest, bac - ac, &evm->tcpi))
    return overflow (error);
  return TRUE;
}

/* AC + (BAC − EV) ÷ @cpi, with the index as an exact fixed-point factor. */
static gboolean
eac_at (const OutlayEvm *evm, double cpi, OutlayDecimal *eac)
{
  OutlayDecimal rest = evm->bac - evm->ev; /* checked by outlay_evm_compute() */
  double factor = (double) FACTOR_SCALE / cpi;
  OutlayDecimal part;

  if (!isfinite (factor) || factor > (double) G_MAXINT64 / 2)
    return FALSE;
  return outlay_decimal_mul_div (rest, (OutlayDecimal) llround (factor), FACTOR_SCALE, &part)
         && outlay_decimal_add (evm->ac, part, eac);
}

static gboolean
index_decimal (double index, OutlayDecimal *out)
{
  double scaled = round (index * (double) OUTLAY_DECIMAL_SCALE);

  if (!isfinite (scaled) || fabs (scaled) > (double) G_MAXINT64 / 2)
    return FALSE;
  *out = (OutlayDecimal) scaled;
  return TRUE;
}

/**
 * outlay_eac_range:
 * @evm: the project's figures to date, from outlay_evm_compute()
 * @periods: (array length=n_periods): what each period earned and cost
 * @n_periods: the number of periods
 * @range: (out caller-allocates): the range
 * @error: %OUTLAY_ERROR_NOT_FOUND when fewer than two periods have both
 *   work and cost, or an overflow
 *
 * Computes the P10/P50/P90 final cost from the spread of the periodic
 * cost indexes (see #OutlayEacRange).  Periods without work or without
 * cost say nothing about efficiency and are left out.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_eac_range (const OutlayEvm *evm,
                  const OutlayEvmPeriod *periods,
                  guint n_periods,
                  OutlayEacRange *range,
                  GError **error)
{
  double sum = 0, sum_sq = 0, mean, sd, se;
  guint n = 0;

  g_return_val_if_fail (evm != NULL && range != NULL, FALSE);
  g_return_val_if_fail (periods != NULL || n_periods == 0, FALSE);
  memset (range, 0, sizeof *range);

  for (guint i = 0; i < n_periods; i++)
    if (periods[i].ev > 0 && periods[i].ac > 0)
      {
        double l = log ((double) periods[i].ev / (double) periods[i].ac);

        sum += l;
        n++;
      }
  if (n < 2)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_NOT_FOUND,
                   g_dngettext (GETTEXT_PACKAGE,
                                "A range needs two periods with both work and cost; there is %u",
                                "A range needs two periods with both work and cost; there are %u",
                                n),
                   n);
      return FALSE;
    }
  mean = sum / n;
  for (guint i = 0; i < n_periods; i++)
    if (periods[i].ev > 0 && periods[i].ac > 0)
      {
        double d = log ((double) periods[i].ev / (double) periods[i].ac) - mean;

        sum_sq += d * d;
      }
  sd = sqrt (sum_sq / (n - 1));
  se = sd / sqrt ((double) n);

  range->n = n;
  /* the higher index is the cheaper ending: P10 of the cost */
  if (!index_decimal (exp (mean + Z_90 * se), &range->cpi_p10)
      || !index_decimal (exp (mean), &range->cpi_p50)
      || !index_decimal (exp (mean - Z_90 * se), &range->cpi_p90)
      || !eac_at (evm, exp (mean + Z_90 * se), &range->eac_p10)
      || !eac_at (evm, exp (mean), &range->eac_p50)
      || !eac_at (evm, exp (mean - Z_90 * se), &range->eac_p90))
    return overflow (error);
  return TRUE;
}

/* The day @remaining is gone at @per_day (raw units, positive), or
 * %FALSE past the calendar's end. */
static gboolean
day_gone (guint32 today, double remaining, double per_day, guint32 *day)
{
  double days = ceil (remaining / per_day);

  if (!isfinite (days) || days > (double) (LAST_JULIAN_DAY - today))
    return FALSE;
  *day = today + (guint32) days;
  return TRUE;
}

/**
 * outlay_burn_compute:
 * @spend: (array length=n_spend): amounts spent, by day, in any order
 * @n_spend: their number
 * @today: the Julian day the window ends on (included)
 * @window_days: how many days the rate is measured over (1 to 3,660)
 * @budget: the money there is (allocation, or estimate without one)
 * @spent: everything spent so far (actual + committed)
 * @burn: (out caller-allocates): the rate and the day the money runs out
 * @error: an error on a bad window or an overflow
 *
 * Measures the mean spend per day over the @window_days ending @today
 * (days without spend count as zero) and the day @budget − @spent is gone
 * at that rate.  The range comes from the spread of the window's daily
 * spend: the mean's 80 % interval, mean ± 1.28·σ/√n.  When the money is
 * already gone, @burn says it runs out today.
 *
 * Returns: %TRUE on success
 */
gboolean
outlay_burn_compute (const OutlaySpend *spend,
                     guint n_spend,
                     guint32 today,
                     guint window_days,
                     OutlayDecimal budget,
                     OutlayDecimal spent,
                     OutlayBurn *burn,
                     GError **error)
{
  g_autofree OutlayDecimal *daily = NULL;
  guint32 first;
  OutlayDecimal sum = 0;
  double mean, sum_sq = 0, se;

  g_return_val_if_fail (burn != NULL, FALSE);
  g_return_val_if_fail (spend != NULL || n_spend == 0, FALSE);
  memset (burn, 0, sizeof *burn);
  if (window_days < 1 || window_days > 3660 || today < window_days || today > LAST_JULIAN_DAY)
    {
      g_set_error (error, OUTLAY_ERROR, OUTLAY_ERROR_INVALID_ARGUMENT,
                   _("The burn rate is measured over 1 to 3,660 days, not %u"), window_days);
      return FALSE;
    }
  first = today - window_days + 1;
  daily = g_new0 (OutlayDecimal, window_days);
  for (guint i = 0; i < n_spend; i++)
    if (spend[i].day >= first && spend[i].day <= today)
      {
        OutlayDecimal *d = &daily[spend[i].day - first];

        if (!outlay_decimal_add (*d, spend[i].amount, d)
            || !outlay_decimal_add (sum, spend[i].amount, &sum))
          return overflow (error);
      }

  burn->window_days = window_days;
  burn->spent_in_window = sum;
  if (!outlay_decimal_mul_div (sum, 1, window_days, &burn->per_day)
      || !outlay_decimal_mul_div (sum, 7, window_days, &burn->per_week)
      || !outlay_decimal_sub (budget, spent, &burn->remaining))
    return overflow (error);

  if (burn->remaining <= 0)
    {
      burn->runs_out = TRUE;
      burn->runs_out_day = today;
      return TRUE;
    }
  if (sum <= 0)
    return TRUE;

  /* the whole days until nothing is left: remaining × window ÷ sum,
   * rounded up, in exact integers */
  {
    __int128 num = (__int128) burn->remaining * window_days;
    __int128 days = (num + sum - 1) / sum;

    if (days <= (__int128) (LAST_JULIAN_DAY - today))
      {
        burn->runs_out = TRUE;
        burn->runs_out_day = today + (guint32) days;
      }
  }
  if (!burn->runs_out || window_days < 2)
    return TRUE;

  mean = (double) sum / window_days;
  for (guint i = 0; i < window_days; i++)
    sum_sq += ((double) daily[i] - mean) * ((double) daily[i] - mean);
  se = sqrt (sum_sq / (window_days - 1)) / sqrt ((double) window_days);

  burn->has_range = day_gone (today, (double) burn->remaining, mean + Z_90 * se,
                              &burn->earliest_day);
  burn->has_latest = burn->has_range && mean - Z_90 * se > 0
                     && day_gone (today, (double) burn->remaining, mean - Z_90 * se,
                                  &burn->latest_day);
  return TRUE;
}
