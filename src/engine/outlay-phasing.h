/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document-phasing.h"
#include "outlay-document.h"

G_BEGIN_DECLS

/**
 * OutlayPeriods:
 * @kind: months or quarters
 * @n: how many periods the fiscal year has
 * @n_months: how many months it has
 * @start_year: the fiscal year's first month
 * @start_month: (1–12)
 * @months: the months in a period (1 or 3; the last may have fewer)
 * @names: (array length=n): "2025-01", or "2025-Q1" for a calendar
 *   quarter ("2025-02" for a quarter starting in February)
 */
typedef struct
{
  OutlayPeriodKind kind;
  guint n;
  guint n_months;
  int start_year;
  int start_month;
  guint months;
  char **names;
} OutlayPeriods;

OutlayPeriods *outlay_periods_new (OutlayBudget *budget, OutlayPeriodKind kind, GError **error);
OutlayPeriods *outlay_periods_new_for_year (const char *name,
                                            const char *start,
                                            const char *end,
                                            OutlayPeriodKind kind,
                                            GError **error);
OutlayPeriods *outlay_periods_for_document (OutlayDocument *document, GError **error);
void outlay_periods_free (OutlayPeriods *self);
int outlay_periods_index_of (const OutlayPeriods *self, const char *text);
gboolean
outlay_periods_lookup (const OutlayPeriods *self, const char *text, guint *index, GError **error);
gboolean outlay_phasing_parse_month (const char *text, int *year, int *month);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayPeriods, outlay_periods_free)

gboolean outlay_phasing_spread (const OutlayLinePhasing *phasing,
                                OutlayDecimal estimate,
                                guint n,
                                guint places,
                                OutlayDecimal *out,
                                OutlayDecimal *unphased);
OutlayLinePhasing *outlay_phasing_make (OutlayPhasingMethod method,
                                        const OutlayDecimal *values,
                                        guint n_values,
                                        guint n_periods,
                                        GError **error);
gboolean outlay_phasing_set_settings (OutlayDocument *document,
                                      const OutlayPeriodSettings *settings,
                                      GError **error);
gboolean outlay_phasing_to_date (OutlayDocument *document,
                                 const OutlayPeriods *periods,
                                 OutlaySection *section,
                                 OutlayLine *line,
                                 guint month_index,
                                 OutlayDecimal *budgeted,
                                 GError **error);

/**
 * OutlayPhasingGrid:
 * @periods: the budget's periods
 * @n_rows: its lines, in the sheet's order
 * @lines: (array length=n_rows): each row's line
 * @row_section: (array length=n_rows): the index of each row's section
 * @planned: n_rows × n: each line's estimate spread over the periods
 * @actual: n_rows × n: what was spent in each period (recorded per
 *   period, invoiced by the commitment's date, the rest by the line's date)
 * @scheduled: n_rows × n: what is ordered or requested, not yet invoiced,
 *   by the commitment's expected date (or date; before the fiscal year or
 *   undated: the first period)
 * @forecast: n_rows × n: actuals up to the freeze line, the forecast
 *   after it (outlay_rolling_forecast_compute())
 * @unphased: per row: the estimate no period holds (typed amounts that do
 *   not add up to it)
 * @undated: per row: actual that lands in no period (no date, or a date
 *   outside the fiscal year)
 * @n_sections: the document's sections
 * @section_planned, @section_actual, @section_scheduled,
 *   @section_forecast: n_sections × n: their lines' sums, plus commitments
 *   on the section as a whole
 * @total_planned, @total_actual, @total_scheduled, @total_forecast: n:
 *   the budget's
 * @closed: the periods closed when the forecast was computed
 *
 * A budget laid out by period: what the Periods view, the rolling
 * forecast, the variance report and the CLI show.
 */
typedef struct
{
  OutlayPeriods *periods;
  guint n_rows;
  OutlayLine **lines;
  guint *row_section;
  OutlayDecimal *planned;
  OutlayDecimal *actual;
  OutlayDecimal *scheduled;
  OutlayDecimal *forecast;
  OutlayDecimal *unphased;
  OutlayDecimal *undated;
  guint n_sections;
  OutlayDecimal *section_planned;
  OutlayDecimal *section_actual;
  OutlayDecimal *section_scheduled;
  OutlayDecimal *section_forecast;
  OutlayDecimal *total_planned;
  OutlayDecimal *total_actual;
  OutlayDecimal *total_scheduled;
  OutlayDecimal *total_forecast;
  guint closed;
  GHashTable *rows; /* OutlayLine → row + 1 */
} OutlayPhasingGrid;

OutlayPhasingGrid *outlay_phasing_grid_new (OutlayDocument *document, GError **error);
void outlay_phasing_grid_free (OutlayPhasingGrid *self);
int outlay_phasing_grid_row_of (const OutlayPhasingGrid *self, OutlayLine *line);
gboolean outlay_phasing_grid_update_line (OutlayPhasingGrid *self,
                                          OutlayDocument *document,
                                          OutlayLine *line);
OutlayDecimal *outlay_phasing_grid_actuals_of (const OutlayPhasingGrid *source,
                                               OutlayDocument *source_document,
                                               OutlayLine *line,
                                               guint n,
                                               GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayPhasingGrid, outlay_phasing_grid_free)

#define OUTLAY_GRID_AT(grid, array, row, period)                                                   \
  ((grid)->array[(gsize) (row) * (grid)->periods->n + (period)])

G_END_DECLS
