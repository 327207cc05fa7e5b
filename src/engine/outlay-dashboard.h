/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "outlay-dashboard-facts.h"
#include "outlay-forecast.h"

G_BEGIN_DECLS

/**
 * OutlayUtilizationLevel:
 * @OUTLAY_UTILIZATION_OK: below the warning threshold
 * @OUTLAY_UTILIZATION_WARNING: at or past the warning threshold
 * @OUTLAY_UTILIZATION_CRITICAL: at or past the critical threshold
 */
typedef enum
{
  OUTLAY_UTILIZATION_OK,
  OUTLAY_UTILIZATION_WARNING,
  OUTLAY_UTILIZATION_CRITICAL,
} OutlayUtilizationLevel;

/**
 * OutlayPlanBasis:
 * @OUTLAY_PLAN_NONE: nothing gives a plan: no task has a due date and an
 *   estimate, and the budget has no fiscal year or no estimate to phase
 * @OUTLAY_PLAN_TASKS: the tasks' estimates on their due dates
 * @OUTLAY_PLAN_PHASING: the lines' estimates as phased over the fiscal
 *   year's periods, each period's amount spread over its days
 *
 * Where the cost trend's plan comes from.
 */
typedef enum
{
  OUTLAY_PLAN_NONE,
  OUTLAY_PLAN_TASKS,
  OUTLAY_PLAN_PHASING,
} OutlayPlanBasis;

/* The burn-rate windows a user picks from, in days */
#define OUTLAY_DASHBOARD_WINDOWS 7, 14, 30, 90

/**
 * OutlayDashboard:
 * @facts: what the figures were computed from (owned)
 * @cap: the allocation, or the estimate when there is none
 * @cap_is_allocation: which of the two @cap is
 * @spent: actual + committed
 * @used_percent: @spent ÷ @cap in percent (0 without a cap)
 * @level: @used_percent against the budget's thresholds
 * @burn: the burn rate over the window ending today and the day the
 *   money runs out (outlay_burn_compute())
 * @has_evm: whether the tasks give earned value (their estimates add up
 *   to more than zero)
 * @evm: the earned-value figures from the tasks
 * @has_range: whether @range is known (two weeks or more with work and
 *   cost)
 * @range: the EAC's P10/P50/P90 from the weekly cost indexes
 * @trend_first: the Julian day the trend starts
 * @trend_days: the trend's length in days (up to today or the last
 *   planned day, whichever is later)
 * @trend_actual: (array length=trend_actual_days): the cumulative
 *   actual, one per day up to today
 * @trend_actual_days: its length
 * @plan_basis: where the plan comes from
 * @trend_planned: (array length=trend_days) (nullable): the cumulative
 *   plan, %NULL when @plan_basis is %OUTLAY_PLAN_NONE
 * @snapshot: today's forecast, to keep (outlay_store_put_forecast())
 *
 * A budget's dashboard figures.
 */
typedef struct
{
  OutlayDashboardFacts *facts;
  OutlayDecimal cap;
  gboolean cap_is_allocation;
  OutlayDecimal spent;
  OutlayDecimal used_percent;
  OutlayUtilizationLevel level;
  OutlayBurn burn;
  gboolean has_evm;
  OutlayEvm evm;
  gboolean has_range;
  OutlayEacRange range;
  guint32 trend_first;
  guint trend_days;
  OutlayDecimal *trend_actual;
  guint trend_actual_days;
  OutlayPlanBasis plan_basis;
  OutlayDecimal *trend_planned;
  OutlayFactsSnapshot snapshot;
} OutlayDashboard;

OutlayDashboard *
outlay_dashboard_compute (OutlayDashboardFacts *facts, guint window_days, GError **error);
OutlayDashboard *outlay_dashboard_compute_forecast (OutlayDashboardFacts *facts, GError **error);
void outlay_dashboard_free (OutlayDashboard *self);
gboolean outlay_dashboard_weekly (const OutlayDashboardFacts *facts,
                                  OutlayEvmPeriod **periods,
                                  guint *n_periods);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayDashboard, outlay_dashboard_free)

G_END_DECLS
