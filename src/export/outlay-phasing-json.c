/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "outlay-json"

/* The JSON `outlay-cli phasing` and `outlay-cli forecast-periods` print.
 * Amounts are decimal strings, one per period, in the order of
 * "periods". */

#include "config.h"

#include "outlay-currency.h"
#include "outlay-document-json.h"
#include "outlay-model-enum-types.h"
#include "outlay-phasing-json.h"

static void
add_row (JsonBuilder *b, const char *name, const OutlayDecimal *values, guint n, const char *cur)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint p = 0; p < n; p++)
    {
      g_autofree char *text = outlay_currency_format_plain (values[p], cur);

      json_builder_add_string_value (b, text);
    }
  json_builder_end_array (b);
}

static void
add_periods (JsonBuilder *b, const OutlayPhasingGrid *grid)
{
  json_builder_set_member_name (b, "periods");
  json_builder_begin_array (b);
  for (guint p = 0; p < grid->periods->n; p++)
    json_builder_add_string_value (b, grid->periods->names[p]);
  json_builder_end_array (b);
  outlay_json_add_string (b, "period_kind",
                          outlay_enum_to_nick (OUTLAY_TYPE_PERIOD_KIND, grid->periods->kind, ""));
}

static void
add_line (JsonBuilder *b, const OutlayPhasingGrid *grid, OutlayDocument *doc, guint r)
{
  OutlayLine *line = grid->lines[r];
  const OutlayLinePhasing *ph = outlay_document_get_line_phasing (doc, line);
  const char *cur = outlay_budget_get_currency (outlay_document_get_budget (doc));
  guint n = grid->periods->n;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, outlay_line_get_id (line));
  outlay_json_add_string (b, "code", outlay_line_get_code (line));
  outlay_json_add_string (b, "description", outlay_line_get_description (line));
  outlay_json_add_string (b, "method",
                          outlay_enum_to_nick (OUTLAY_TYPE_PHASING_METHOD,
                                               ph != NULL ? ph->method : OUTLAY_PHASING_METHOD_EVEN,
                                               "even"));
  if (ph != NULL && ph->source != NULL)
    outlay_json_add_string (b, "source", ph->source);
  outlay_json_add_amount (b, "estimate", outlay_line_get_estimate (line), cur);
  outlay_json_add_amount (b, "unphased", grid->unphased[r], cur);
  outlay_json_add_amount (b, "undated_actual", grid->undated[r], cur);
  add_row (b, "planned", &OUTLAY_GRID_AT (grid, planned, r, 0), n, cur);
  add_row (b, "actual", &OUTLAY_GRID_AT (grid, actual, r, 0), n, cur);
  add_row (b, "scheduled", &OUTLAY_GRID_AT (grid, scheduled, r, 0), n, cur);
  json_builder_end_object (b);
}

/**
 * outlay_phasing_grid_to_json:
 * @grid: @document by period
 * @document: the budget
 * @with_lines: include every line (else sections and totals only)
 *
 * `{"budget", "currency", "periods": [...], "period_kind", "closed",
 * "sections": [{"code", "name", "planned": [...], "actual", "scheduled",
 * "lines": [{"id", "code", "description", "method", "estimate",
 * "unphased", "undated_actual", "planned", "actual", "scheduled"}]}],
 * "total": {"planned", "actual", "scheduled"}}`
 *
 * Returns: (transfer full): the JSON tree
 */
JsonNode *
outlay_phasing_grid_to_json (const OutlayPhasingGrid *grid,
                             OutlayDocument *document,
                             gboolean with_lines)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  OutlayBudget *budget = outlay_document_get_budget (document);
  const char *cur = outlay_budget_get_currency (budget);
  guint n = grid->periods->n;
  guint r = 0;

  json_builder_begin_object (b);
  outlay_json_add_string (b, "budget", outlay_budget_get_name (budget));
  outlay_json_add_string (b, "currency", cur);
  add_periods (b, grid);
  json_builder_set_member_name (b, "closed");
  json_builder_add_int_value (b, outlay_document_get_closed_periods (document));
  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint s = 0; s < grid->n_sections; s++)
    {
      OutlaySection *section = outlay_document_get_section (document, s);

      json_builder_begin_object (b);
      outlay_json_add_string (b, "code", outlay_section_get_code (section));
      outlay_json_add_string (b, "name", outlay_section_get_name (section));
      add_row (b, "planned", &grid->section_planned[(gsize) s * n], n, cur);
      add_row (b, "actual", &grid->section_actual[(gsize) s * n], n, cur);
      add_row (b, "scheduled", &grid->section_scheduled[(gsize) s * n], n, cur);
      if (with_lines)
        {
          json_builder_set_member_name (b, "lines");
          json_builder_begin_array (b);
          for (; r < grid->n_rows && grid->row_section[r] == s; r++)
            add_line (b, grid, document, r);
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "total");
  json_builder_begin_object (b);
  add_row (b, "planned", grid->total_planned, n, cur);
  add_row (b, "actual", grid->total_actual, n, cur);
  add_row (b, "scheduled", grid->total_scheduled, n, cur);
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
add_accuracy (JsonBuilder *b,
              const OutlayPhasingGrid *grid,
              OutlayDocument *doc,
              OutlaySection *section,
              const char *cur)
{
  json_builder_set_member_name (b, "accuracy");
  json_builder_begin_array (b);
  for (guint p = 0; p < grid->closed; p++)
    {
      OutlayForecastAccuracy a;

      outlay_rolling_forecast_accuracy (grid, doc, section, p, &a);
      if (!a.has_forecast)
        continue;
      json_builder_begin_object (b);
      outlay_json_add_string (b, "period", grid->periods->names[p]);
      outlay_json_add_amount (b, "forecast", a.forecast, cur);
      outlay_json_add_amount (b, "actual", a.actual, cur);
      outlay_json_add_amount (b, "error", a.error_amount, cur);
      if (a.has_percent)
        outlay_json_add_number (b, "error_percent", outlay_decimal_round (a.error_percent, 1));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/**
 * outlay_rolling_forecast_to_json:
 * @grid: @document by period, its forecast computed
 * @document: the budget
 *
 * `{"budget", "currency", "periods", "closed", "freeze_after",
 * "sections": [{"code", "name", "method", "planned", "forecast",
 * "at_completion", "accuracy": [{"period", "forecast", "actual", "error",
 * "error_percent"}]}], "total": {…}}`: "forecast" holds actuals up to the
 * freeze line and the forecast after it.
 *
 * Returns: (transfer full): the JSON tree
 */
JsonNode *
outlay_rolling_forecast_to_json (const OutlayPhasingGrid *grid, OutlayDocument *document)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  OutlayBudget *budget = outlay_document_get_budget (document);
  const char *cur = outlay_budget_get_currency (budget);
  guint n = grid->periods->n;
  OutlayDecimal total = 0;

  json_builder_begin_object (b);
  outlay_json_add_string (b, "budget", outlay_budget_get_name (budget));
  outlay_json_add_string (b, "currency", cur);
  add_periods (b, grid);
  json_builder_set_member_name (b, "closed");
  json_builder_add_int_value (b, grid->closed);
  if (grid->closed > 0)
    outlay_json_add_string (b, "freeze_after", grid->periods->names[grid->closed - 1]);
  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint s = 0; s < grid->n_sections; s++)
    {
      OutlaySection *section = outlay_document_get_section (document, s);
      OutlayDecimal sum = 0;

      json_builder_begin_object (b);
      outlay_json_add_string (b, "code", outlay_section_get_code (section));
      outlay_json_add_string (b, "name", outlay_section_get_name (section));
      outlay_json_add_string (
          b, "method",
          outlay_enum_to_nick (OUTLAY_TYPE_FORECAST_METHOD,
                               outlay_document_get_forecast_method (document, section), ""));
      add_row (b, "planned", &grid->section_planned[(gsize) s * n], n, cur);
      add_row (b, "forecast", &grid->section_forecast[(gsize) s * n], n, cur);
      for (guint p = 0; p < n; p++)
        sum += grid->section_forecast[(gsize) s * n + p];
      outlay_json_add_amount (b, "at_completion", sum, cur);
      add_accuracy (b, grid, document, section, cur);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "total");
  json_builder_begin_object (b);
  add_row (b, "planned", grid->total_planned, n, cur);
  add_row (b, "forecast", grid->total_forecast, n, cur);
  for (guint p = 0; p < n; p++)
    total += grid->total_forecast[p];
  outlay_json_add_amount (b, "at_completion", total, cur);
  add_accuracy (b, grid, document, NULL, cur);
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
