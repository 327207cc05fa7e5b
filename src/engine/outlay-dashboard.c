/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-dashboard"

/* A budget's dashboard: utilization against its thresholds, the burn rate
 * and the day the money runs out, the cost trend against the plan, and
 * earned value from its tasks with the final cost's range.  The store sums
 * the rows (OutlayDashboardFacts); this only combines the sums, so it
 * takes the same time for ten tasks as for twenty thousand. */

#include "config.h"

#include "outlay-dashboard.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "outlay-currency.h"
#include "outlay-error.h"
#include "outlay-phasing.h"

/* The longest trend kept, in days (ten years) */
#define MAX_TREND_DAYS 3660

static gboolean
overflow (GError **error)
{
  g_set_error_literal (
      error, OUTLAY_ERROR, OUTLAY_ERROR_OVERFLOW,
      _("The dashboard’s figures are larger than Outlay can hold (±922 trillion)"));
  return FALSE;
}

static gboolean
utilization (OutlayDashboard *d, GError **error)
{
  const OutlayDashboardFacts *f = d->facts;

  d->cap_is_allocation = f->allocated > 0;
  d->cap = d->cap_is_allocation ? f->allocated : f->estimate;
  if (!outlay_decimal_add (f->actual, f->committed, &d->spent))
    return overflow (error);
  if (d->cap > 0
      && !outlay_decimal_mul_div (d->spent, OUTLAY_DECIMAL_FROM_INT (100), d->cap,
                                  &d->used_percent))
    return overflow (error);
  if (d->cap <= 0)
    d->level = OUTLAY_UTILIZATION_OK;
  else if (f->critical > 0 && d->used_percent >= f->critical)
    d->level = OUTLAY_UTILIZATION_CRITICAL;
  else if (f->warning > 0 && d->used_percent >= f->warning)
    d->level = OUTLAY_UTILIZATION_WARNING;
  else
    d->level = OUTLAY_UTILIZATION_OK;
  return TRUE;
}

static gboolean
burn (OutlayDashboard *d, guint window_days, GError **error)
{
  const OutlayDashboardFacts *f = d->facts;
  g_autofree OutlaySpend *spend = g_new (OutlaySpend, MAX (f->days->len, 1));
  guint n = 0;

  for (guint i = 0; i < f->days->len; i++)
    {
      const OutlayFactsDay *day = &g_array_index (f->days, OutlayFactsDay, i);

      if (day->actual != 0)
        spend[n++] = (OutlaySpend){ day->day, day->actual };
    }
  return outlay_burn_compute (spend, n, f->today, window_days, d->cap, d->spent, &d->burn, error);
}

/**
 * outlay_dashboard_weekly:
 * @facts: a budget's facts
 * @periods: (out) (transfer full) (array length=n_periods): the weeks
 * @n_periods: (out): their number
 *
 * Sums the earned value and the tasks' cost of each week ending on
 * @facts' today (today and the six days before it are the last week),
 * oldest first, from the first week with either.
 *
 * Returns: %FALSE on an overflow
 */
gboolean
outlay_dashboard_weekly (const OutlayDashboardFacts *facts,
                         OutlayEvmPeriod **periods,
                         guint *n_periods)
{
  guint32 first = 0;
  guint n;
  OutlayEvmPeriod *weeks;

  *periods = NULL;
  *n_periods = 0;
  for (guint i = 0; i < facts->days->len && first == 0; i++)
    {
      const OutlayFactsDay *day = &g_array_index (facts->days, OutlayFactsDay, i);

      if ((day->earned != 0 || day->task_cost != 0) && day->day <= facts->today)
        first = day->day;
    }
  if (first == 0)
    return TRUE;
  n = (facts->today - first) / 7 + 1;
  weeks = g_new0 (OutlayEvmPeriod, n);
  for (guint i = 0; i < facts->days->len; i++)
    {
      const OutlayFactsDay *day = &g_array_index (facts->days, OutlayFactsDay, i);
      OutlayEvmPeriod *w;

      if (day->day < first || day->day > facts->today)
        continue;
      w = &weeks[n - 1 - (facts->today - day->day) / 7];
      if (!outlay_decimal_add (w->ev, day->earned, &w->ev)
          || !outlay_decimal_add (w->ac, day->task_cost, &w->ac))
        {
          g_free (weeks);
          return FALSE;
        }
    }
  *periods = weeks;
  *n_periods = n;
  return TRUE;
}

static gboolean
earned_value (OutlayDashboard *d, GError **error)
{
  const OutlayDashboardFacts *f = d->facts;
  g_autofree OutlayEvmPeriod *weeks = NULL;
  guint n_weeks = 0;

  d->has_evm = f->bac > 0;
  if (!d->has_evm)
    return TRUE;
  if (!outlay_evm_compute (f->bac, f->pv, f->ev, f->ac, &d->evm, error))
    return FALSE;
  if (!outlay_dashboard_weekly (f, &weeks, &n_weeks))
    return overflow (error);
  d->has_range = outlay_eac_range (&d->evm, weeks, n_weeks, &d->range, NULL);
  return TRUE;
}

static guint32
month_day (int year, int month)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, (GDateMonth) (month % 12 + 1), (GDateYear) (year + month / 12));
  return g_date_get_julian (&date);
}

/* Spreads @amount over the days @first to @next − 1, the last day taking
 * what the even share leaves. */
static gboolean
spread_days (GArray *plan, guint32 first, guint32 next, OutlayDecimal amount)
{
  guint n = next - first;
  OutlayDecimal each, sum = 0;

  if (amount == 0 || n == 0)
    return TRUE;
  if (!outlay_decimal_mul_div (amount, 1, n, &each))
    return FALSE;
  for (guint k = 0; k < n; k++)
    {
      OutlayFactsDay day = { .day = first + k, .planned = each };

      if (k + 1 == n && !outlay_decimal_sub (amount, sum, &day.planned))
        return FALSE;
      if (!outlay_decimal_add (sum, each, &sum))
        return FALSE;
      g_array_append_val (plan, day);
    }
  return TRUE;
}

/* The lines' estimates as phased over the fiscal year, by day: what
 * outlay_phasing_grid_new()'s total_planned holds, each period's amount
 * spread over its days.  %NULL when there is no year or nothing to plan. */
static GArray *
phasing_plan (const OutlayDashboardFacts *f)
{
  g_autoptr(OutlayPeriods) periods = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autofree OutlayDecimal *total = NULL, *part = NULL;
  guint places = outlay_currency_minor_units (f->currency);
  gboolean any = FALSE;

  if (!f->has_phasing
      || (periods = outlay_periods_new_for_year ("", f->fiscal_start, f->fiscal_end, f->period_kind,
                                                 NULL))
             == NULL)
    return NULL;
  total = g_new0 (OutlayDecimal, periods->n);
  part = g_new0 (OutlayDecimal, periods->n);
  for (guint i = 0; i <= f->phased->len; i++)
    {
      const OutlayFactsPhased *p = i < f->phased->len
                                       ? &g_array_index (f->phased, OutlayFactsPhased, i)
                                       : NULL;

      if (!outlay_phasing_spread (p ? p->phasing : NULL, p ? p->estimate : f->phased_even,
                                  periods->n, places, part, NULL))
        return NULL;
      for (guint k = 0; k < periods->n; k++)
        if (!outlay_decimal_add (total[k], part[k], &total[k]))
          return NULL;
    }
  plan = g_array_new (FALSE, TRUE, sizeof (OutlayFactsDay));
  for (guint k = 0; k < periods->n; k++)
    {
      int from = periods->start_month - 1 + (int) (k * periods->months);
      int to = periods->start_month - 1 + (int) MIN ((k + 1) * periods->months, periods->n_months);

      any = any || total[k] != 0;
      if (!spread_days (plan, month_day (periods->start_year, from),
                        month_day (periods->start_year, to), total[k]))
        return NULL;
    }
  return any ? g_steal_pointer (&plan) : NULL;
}

/* The days the trend adds up: the facts', with the lines' phasing as the
 * plan when the tasks give none. */
static GArray *
trend_days (OutlayDashboard *d)
{
  const OutlayDashboardFacts *f = d->facts;
  GArray *days = g_array_sized_new (FALSE, TRUE, sizeof (OutlayFactsDay), f->days->len);
  g_autoptr(GArray) plan = NULL;

  g_array_append_vals (days, f->days->data, f->days->len);
  for (guint i = 0; i < f->days->len && d->plan_basis == OUTLAY_PLAN_NONE; i++)
    if (g_array_index (f->days, OutlayFactsDay, i).planned != 0)
      d->plan_basis = OUTLAY_PLAN_TASKS;
  if (d->plan_basis == OUTLAY_PLAN_NONE && (plan = phasing_plan (f)) != NULL)
    {
      d->plan_basis = OUTLAY_PLAN_PHASING;
      g_array_append_vals (days, plan->data, plan->len);
      g_array_sort (days, outlay_facts_day_by_day);
    }
  return days;
}

static void
trend (OutlayDashboard *d, GError **error)
{
  const OutlayDashboardFacts *f = d->facts;
  g_autoptr(GArray) days = trend_days (d);
  guint32 first = f->start_day, last = f->today;
  OutlayDecimal actual = 0, planned = 0;

  if (days->len > 0)
    {
      guint32 lo = g_array_index (days, OutlayFactsDay, 0).day;
      guint32 hi = g_array_index (days, OutlayFactsDay, days->len - 1).day;

      if (first == 0 || lo < first)
        first = lo;
      last = MAX (last, hi);
    }
  if (first == 0 || first > last)
    return;
  if (last - first + 1 > MAX_TREND_DAYS)
    first = last - MAX_TREND_DAYS + 1;
  d->trend_first = first;
  d->trend_days = last - first + 1;
  d->trend_actual_days = f->today >= first ? MIN (f->today - first + 1, d->trend_days) : 0;
  d->trend_actual = g_new0 (OutlayDecimal, MAX (d->trend_actual_days, 1));
  if (d->plan_basis != OUTLAY_PLAN_NONE)
    d->trend_planned = g_new0 (OutlayDecimal, d->trend_days);
  for (guint i = 0, k = 0; k < d->trend_days; k++)
    {
      /* days before the trend count on its first day */
      for (; i < days->len && g_array_index (days, OutlayFactsDay, i).day <= first + k; i++)
        {
          const OutlayFactsDay *day = &g_array_index (days, OutlayFactsDay, i);

          /* saturate: a chart needs no error, and the totals report one */
          if (!outlay_decimal_add (actual, day->actual, &actual))
            actual = OUTLAY_DECIMAL_MAX;
          if (!outlay_decimal_add (planned, day->planned, &planned))
            planned = OUTLAY_DECIMAL_MAX;
        }
      if (k < d->trend_actual_days)
        d->trend_actual[k] = actual;
      if (d->trend_planned != NULL)
        d->trend_planned[k] = planned;
    }
  (void) error;
}

static void
snapshot (OutlayDashboard *d)
{
  OutlayFactsSnapshot *s = &d->snapshot;

  s->day = d->facts->today;
  if (!d->has_evm)
    return;
  s->bac = d->evm.bac;
  s->pv = d->evm.pv;
  s->ev = d->evm.ev;
  s->ac = d->evm.ac;
  s->eac_typical = d->evm.eac_typical;
  s->cpi = d->evm.has_cpi ? d->evm.cpi : 0;
  s->spi = d->evm.has_spi ? d->evm.spi : 0;
  s->has_range = d->has_range;
  if (d->has_range)
    {
      s->eac_p10 = d->range.eac_p10;
      s->eac_p50 = d->range.eac_p50;
      s->eac_p90 = d->range.eac_p90;
    }
}

/**
 * outlay_dashboard_compute:
 * @facts: (transfer full): a budget's facts (see outlay_store_dashboard_facts())
 * @window_days: the days the burn rate is measured over, ending today
 * @error: an overflow, or a bad window
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL with @error
 */
OutlayDashboard *
outlay_dashboard_compute (OutlayDashboardFacts *facts, guint window_days, GError **error)
{
  g_autoptr(OutlayDashboard) d = g_new0 (OutlayDashboard, 1);

  g_return_val_if_fail (facts != NULL, NULL);
  d->facts = facts;
  if (!utilization (d, error) || !burn (d, window_days, error) || !earned_value (d, error))
    return NULL;
  trend (d, error);
  snapshot (d);
  return g_steal_pointer (&d);
}

/**
 * outlay_dashboard_compute_forecast:
 * @facts: (transfer full): a budget's forecast facts (see
 *   outlay_store_forecast_facts(); the dashboard's do as well)
 * @error: an overflow
 *
 * Computes only the earned value, the EAC range and the snapshot, the
 * same way outlay_dashboard_compute() does.
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL with @error
 */
OutlayDashboard *
outlay_dashboard_compute_forecast (OutlayDashboardFacts *facts, GError **error)
{
  g_autoptr(OutlayDashboard) d = g_new0 (OutlayDashboard, 1);

  g_return_val_if_fail (facts != NULL, NULL);
  d->facts = facts;
  if (!earned_value (d, error))
    return NULL;
  snapshot (d);
  return g_steal_pointer (&d);
}

void
outlay_dashboard_free (OutlayDashboard *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->facts, outlay_dashboard_facts_free);
  g_free (self->trend_actual);
  g_free (self->trend_planned);
  g_free (self);
}
