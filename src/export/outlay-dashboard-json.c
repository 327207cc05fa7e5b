/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-dashboard-json"

/* The dashboard and the forecast as outlay-cli prints them: money as
 * decimal strings in the budget's currency, like every other command,
 * dates as YYYY-MM-DD, and null for what is not known yet. */

#include "config.h"

#include "outlay-dashboard-json.h"

#include "outlay-document-json.h"

static void
add_day (JsonBuilder *b, const char *name, gboolean set, guint32 day)
{
  json_builder_set_member_name (b, name);
  if (set && day > 0)
    {
      GDate date;
      char text[11];

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
      json_builder_add_string_value (b, text);
    }
  else
    json_builder_add_null_value (b);
}

static void
add_ratio (JsonBuilder *b, const char *name, gboolean set, OutlayDecimal value)
{
  json_builder_set_member_name (b, name);
  if (set)
    {
      g_autofree char *text = outlay_decimal_to_string (value, 4);

      json_builder_add_string_value (b, text);
    }
  else
    json_builder_add_null_value (b);
}

static void
add_rows (JsonBuilder *b, const char *name, GArray *rows, const char *currency)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      const OutlayFactsRow *r = &g_array_index (rows, OutlayFactsRow, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, r->id);
      outlay_json_add_string (b, "name", r->name);
      outlay_json_add_amount (b, "estimate", r->estimate, currency);
      outlay_json_add_amount (b, "actual", r->actual, currency);
      outlay_json_add_amount (b, "committed", r->committed, currency);
      outlay_json_add_number (b, "hours", r->hours);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static const char *
level_name (OutlayUtilizationLevel level)
{
  return level == OUTLAY_UTILIZATION_CRITICAL  ? "critical"
         : level == OUTLAY_UTILIZATION_WARNING ? "warning"
                                               : "ok";
}

static void add_forecast (JsonBuilder *b, OutlayDashboard *d);

static const char *
plan_basis_name (OutlayPlanBasis basis)
{
  return basis == OUTLAY_PLAN_TASKS ? "tasks" : basis == OUTLAY_PLAN_PHASING ? "phasing" : "none";
}

/* The trend's plan: where it comes from, its days and sums; null when
 * nothing gives one (no line is drawn then). */
static void
add_plan (JsonBuilder *b, OutlayDashboard *d)
{
  const char *cur = d->facts->currency;

  json_builder_set_member_name (b, "plan");
  if (d->trend_planned == NULL || d->trend_days == 0)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  outlay_json_add_string (b, "basis", plan_basis_name (d->plan_basis));
  add_day (b, "first", TRUE, d->trend_first);
  add_day (b, "last", TRUE, d->trend_first + d->trend_days - 1);
  outlay_json_add_amount (
      b, "to_date", d->trend_actual_days > 0 ? d->trend_planned[d->trend_actual_days - 1] : 0, cur);
  outlay_json_add_amount (b, "total", d->trend_planned[d->trend_days - 1], cur);
  json_builder_end_object (b);
}

/**
 * outlay_dashboard_to_json:
 * @dashboard: a budget's dashboard
 *
 * Returns: (transfer full): utilization, burn, the day the money runs out
 *   with its range, hours, the trend's plan and the breakdowns
 */
JsonNode *
outlay_dashboard_to_json (OutlayDashboard *d)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const OutlayDashboardFacts *f = d->facts;
  const char *cur = f->currency;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "budget_id");
  json_builder_add_int_value (b, f->budget_id);
  outlay_json_add_string (b, "currency", cur);
  add_day (b, "today", TRUE, f->today);

  json_builder_set_member_name (b, "utilization");
  json_builder_begin_object (b);
  outlay_json_add_amount (b, "cap", d->cap, cur);
  outlay_json_add_string (b, "cap_basis", d->cap_is_allocation ? "allocation" : "estimate");
  outlay_json_add_amount (b, "actual", f->actual, cur);
  outlay_json_add_amount (b, "committed", f->committed, cur);
  outlay_json_add_amount (b, "spent", d->spent, cur);
  add_ratio (b, "percent", d->cap > 0, outlay_decimal_round (d->used_percent, 2));
  outlay_json_add_number (b, "warning_percent", f->warning);
  outlay_json_add_number (b, "critical_percent", f->critical);
  outlay_json_add_string (b, "level", level_name (d->level));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "burn");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "window_days");
  json_builder_add_int_value (b, d->burn.window_days);
  outlay_json_add_amount (b, "spent_in_window", d->burn.spent_in_window, cur);
  outlay_json_add_amount (b, "per_day", d->burn.per_day, cur);
  outlay_json_add_amount (b, "per_week", d->burn.per_week, cur);
  outlay_json_add_amount (b, "remaining", d->burn.remaining, cur);
  add_day (b, "runs_out", d->burn.runs_out, d->burn.runs_out_day);
  add_day (b, "runs_out_earliest", d->burn.has_range, d->burn.earliest_day);
  add_day (b, "runs_out_latest", d->burn.has_latest, d->burn.latest_day);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "hours");
  json_builder_begin_object (b);
  outlay_json_add_number (b, "logged", f->logged_hours);
  outlay_json_add_number (b, "estimated", f->estimated_hours);
  outlay_json_add_number (b, "allocated", f->allocated_hours);
  json_builder_end_object (b);

  add_plan (b, d);
  json_builder_set_member_name (b, "forecast");
  add_forecast (b, d);
  add_rows (b, "sections", f->sections, cur);
  add_rows (b, "people", f->people, cur);
  add_rows (b, "tasks", f->tasks, cur);
  add_rows (b, "overruns", f->overruns, cur);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
add_snapshot (JsonBuilder *b, const OutlayFactsSnapshot *s, const char *cur)
{
  json_builder_begin_object (b);
  add_day (b, "day", TRUE, s->day);
  outlay_json_add_amount (b, "bac", s->bac, cur);
  outlay_json_add_amount (b, "pv", s->pv, cur);
  outlay_json_add_amount (b, "ev", s->ev, cur);
  outlay_json_add_amount (b, "ac", s->ac, cur);
  add_ratio (b, "cpi", s->cpi != 0, s->cpi);
  add_ratio (b, "spi", s->spi != 0, s->spi);
  outlay_json_add_amount (b, "eac_typical", s->eac_typical, cur);
  json_builder_set_member_name (b, "eac_range");
  if (s->has_range)
    {
      json_builder_begin_object (b);
      outlay_json_add_amount (b, "p10", s->eac_p10, cur);
      outlay_json_add_amount (b, "p50", s->eac_p50, cur);
      outlay_json_add_amount (b, "p90", s->eac_p90, cur);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
}

/* The forecast's members, the same in outlay-cli forecast and dashboard. */
static void
add_forecast (JsonBuilder *b, OutlayDashboard *d)
{
  const char *cur = d->facts->currency;
  const OutlayEvm *e = &d->evm;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "budget_id");
  json_builder_add_int_value (b, d->facts->budget_id);
  outlay_json_add_string (b, "currency", cur);
  add_day (b, "today", TRUE, d->facts->today);
  json_builder_set_member_name (b, "tasks");
  json_builder_add_int_value (b, d->facts->n_tasks);
  json_builder_set_member_name (b, "has_evm");
  json_builder_add_boolean_value (b, d->has_evm);
  outlay_json_add_amount (b, "bac", e->bac, cur);
  outlay_json_add_amount (b, "pv", e->pv, cur);
  outlay_json_add_amount (b, "ev", e->ev, cur);
  outlay_json_add_amount (b, "ac", e->ac, cur);
  add_ratio (b, "cpi", e->has_cpi, e->cpi);
  add_ratio (b, "spi", e->has_spi, e->spi);
  outlay_json_add_amount (b, "cv", e->cv, cur);
  outlay_json_add_amount (b, "sv", e->sv, cur);
  outlay_json_add_amount (b, "eac_typical", e->eac_typical, cur);
  outlay_json_add_amount (b, "eac_atypical", e->eac_atypical, cur);
  outlay_json_add_amount (b, "eac_cpi_spi", e->eac_cpi_spi, cur);
  outlay_json_add_amount (b, "etc", e->etc, cur);
  outlay_json_add_amount (b, "vac", e->vac, cur);
  add_ratio (b, "tcpi", e->has_tcpi, e->tcpi);
  json_builder_set_member_name (b, "eac_range");
  if (d->has_range)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "weeks");
      json_builder_add_int_value (b, d->range.n);
      outlay_json_add_amount (b, "p10", d->range.eac_p10, cur);
      outlay_json_add_amount (b, "p50", d->range.eac_p50, cur);
      outlay_json_add_amount (b, "p90", d->range.eac_p90, cur);
      add_ratio (b, "cpi_p10", TRUE, d->range.cpi_p10);
      add_ratio (b, "cpi_p50", TRUE, d->range.cpi_p50);
      add_ratio (b, "cpi_p90", TRUE, d->range.cpi_p90);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "month_ago");
  if (d->facts->has_snapshot_then)
    add_snapshot (b, &d->facts->snapshot_then, cur);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
}

/**
 * outlay_forecast_to_json:
 * @dashboard: a budget's dashboard
 *
 * Returns: (transfer full): the earned-value figures, the EAC range and
 *   the forecast kept about 30 days ago (null without one)
 */
JsonNode *
outlay_forecast_to_json (OutlayDashboard *d)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  add_forecast (b, d);
  return json_builder_get_root (b);
}
