/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "outlay-decimal.h"
#include "outlay-line-phasing.h"

G_BEGIN_DECLS

/* What a budget's dashboard rests on, summed by the store (one GROUP BY
 * per breakdown, never the rows) and read by the engine
 * (outlay_dashboard_compute()), as the bill occurrences are. */

/**
 * OutlayFactsDay:
 * @day: a Julian day
 * @actual: the cost incurred on it (time logged, dated line actuals)
 * @hours: the hours logged on it
 * @task_cost: the part of @actual logged on tasks
 * @earned: the value earned on it: the change of the tasks' earned
 *   value that day, from their status history (task_progress), for the
 *   periodic cost indexes
 * @planned: the cost planned for it (tasks' estimates on their due
 *   dates)
 */
typedef struct
{
  guint32 day;
  OutlayDecimal actual;
  OutlayDecimal hours;
  OutlayDecimal task_cost;
  OutlayDecimal earned;
  OutlayDecimal planned;
} OutlayFactsDay;

/**
 * OutlayFactsRow:
 * @id: the section's, task's, line's or person's id (0: other or nobody)
 * @name: (nullable): its name
 * @estimate: what it was estimated to cost
 * @actual: what it cost so far
 * @committed: what is committed on it
 * @hours: the hours logged on it
 * @estimated_hours: the hours it was estimated to take
 *
 * One row of a breakdown.
 */
typedef struct
{
  gint64 id;
  char *name;
  OutlayDecimal estimate;
  OutlayDecimal actual;
  OutlayDecimal committed;
  OutlayDecimal hours;
  OutlayDecimal estimated_hours;
} OutlayFactsRow;

/**
 * OutlayFactsPhased:
 * @estimate: a line's estimate
 * @phasing: its phasing (owned)
 *
 * A line whose phasing is not even, for the plan when the tasks give
 * none.
 */
typedef struct
{
  OutlayDecimal estimate;
  OutlayLinePhasing *phasing;
} OutlayFactsPhased;

/**
 * OutlayFactsSnapshot:
 * @day: the Julian day it was taken
 * @bac: @ev: @ac: @pv: the earned-value inputs that day
 * @eac_typical: @eac_p10: @eac_p50: @eac_p90: the final cost forecast
 * @has_range: whether the P10…P90 were known
 * @cpi: @spi: the indexes (0 when unknown)
 *
 * The forecast as it stood on one day, one row per budget and day.
 */
typedef struct
{
  guint32 day;
  OutlayDecimal bac, pv, ev, ac;
  OutlayDecimal eac_typical;
  gboolean has_range;
  OutlayDecimal eac_p10, eac_p50, eac_p90;
  OutlayDecimal cpi, spi;
} OutlayFactsSnapshot;

/**
 * OutlayDashboardFacts:
 * @budget_id: the budget
 * @currency: its ISO 4217 code
 * @today: the Julian day the figures look from
 * @allocated: the allocation (0: none, the estimate is the cap)
 * @estimate: the budget's estimate, fringes included
 * @actual: its actual (lines' and their tasks')
 * @committed: what is committed
 * @warning: @critical: the thresholds, percent (80 % is 80.0000)
 * @allocated_hours: the hours allocated to the budget (0: none)
 * @logged_hours: the hours logged on its tasks
 * @estimated_hours: its tasks' estimated hours
 * @start_day: the Julian day it starts (fiscal start, else its first
 *   dated cost), 0 when unknown
 * @bac: @pv: @ev: @ac: earned value from the tasks: BAC their estimates
 *   (cancelled ones left out), PV the estimates due by today, EV the
 *   estimates times done (100 %) or in progress (50 %), AC their costs
 * @n_tasks: the tasks counted
 * @days: (element-type OutlayFactsDay): by day, in order
 * @sections: @tasks: @people: (element-type OutlayFactsRow): breakdowns,
 *   largest actual first; @tasks has the top ones and an "other" row
 *   (id 0)
 * @overruns: (element-type OutlayFactsRow): lines and tasks over their
 *   estimate, largest overrun first (a task's id is negative)
 * @snapshot_then: the forecast kept about 30 days ago, when
 *   @has_snapshot_then
 * @fiscal_start: @fiscal_end: (nullable): the fiscal year, "YYYY-MM…"
 * @period_kind: its periods (months or quarters)
 * @has_phasing: whether the lines' phasing was read (only when no task
 *   has a due date, as the plan's fallback)
 * @phased_even: the estimates of the lines spread evenly
 * @phased: (element-type OutlayFactsPhased): the other lines
 *
 * The forecast alone (outlay_store_forecast_facts()) fills the budget's
 * id, currency and today, the earned-value sums, @n_tasks, @days' earned
 * and task cost and the snapshot; the rest stays empty.
 */
typedef struct
{
  gint64 budget_id;
  char currency[4];
  guint32 today;
  OutlayDecimal allocated, estimate, actual, committed;
  OutlayDecimal warning, critical;
  OutlayDecimal allocated_hours, logged_hours, estimated_hours;
  guint32 start_day;
  OutlayDecimal bac, pv, ev, ac;
  guint n_tasks;
  GArray *days;
  GArray *sections;
  GArray *tasks;
  GArray *people;
  GArray *overruns;
  gboolean has_snapshot_then;
  OutlayFactsSnapshot snapshot_then;
  char *fiscal_start, *fiscal_end;
  OutlayPeriodKind period_kind;
  gboolean has_phasing;
  OutlayDecimal phased_even;
  GArray *phased;
} OutlayDashboardFacts;

/**
 * OutlayFactsTime:
 * @day: the Julian day the time was logged on
 * @task_id: the task it was logged on
 * @person_id: who worked it (0: nobody in particular)
 * @section_id: the section of the task's line, 0 when the task has none
 * @hours: how long
 * @cost: what it cost
 *
 * One time entry, as the dashboard's sums count it.
 */
typedef struct
{
  guint32 day;
  gint64 task_id;
  gint64 person_id;
  gint64 section_id;
  OutlayDecimal hours;
  OutlayDecimal cost;
} OutlayFactsTime;

OutlayDashboardFacts *outlay_dashboard_facts_new (void);
gboolean
outlay_dashboard_facts_add_time (OutlayDashboardFacts *self, const OutlayFactsTime *time, int sign);
void outlay_dashboard_facts_free (OutlayDashboardFacts *self);
GArray *outlay_facts_rows_new (void);
int outlay_facts_row_by_actual (gconstpointer a, gconstpointer b);
int outlay_facts_day_by_day (gconstpointer a, gconstpointer b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayDashboardFacts, outlay_dashboard_facts_free)

G_END_DECLS
