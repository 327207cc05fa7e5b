/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"
#include "outlay-model-enums.h"

G_BEGIN_DECLS

/**
 * OutlayLinePhasing:
 * @method: how the line's estimate is spread
 * @n_weights: one per period of the budget, or 0 (even)
 * @weights: percentages (%OUTLAY_PHASING_METHOD_PERCENT), amounts
 *   (%OUTLAY_PHASING_METHOD_AMOUNTS) or last year's actuals
 *   (%OUTLAY_PHASING_METHOD_LAST_YEAR), one per period
 * @n_actuals: periods with a recorded actual (0 when none was recorded)
 * @actuals: the actual recorded for each period (an import's month
 *   columns); what is not recorded lands by the line's date
 * @source: the budget or version last year's actuals came from, or %NULL
 *
 * A line's spread over the budget's periods.  A line with none is spread
 * evenly.
 */
typedef struct
{
  OutlayPhasingMethod method;
  guint n_weights;
  OutlayDecimal *weights;
  guint n_actuals;
  OutlayDecimal *actuals;
  char *source;
} OutlayLinePhasing;

#define OUTLAY_TYPE_LINE_PHASING (outlay_line_phasing_get_type ())

GType outlay_line_phasing_get_type (void) G_GNUC_CONST;
OutlayLinePhasing *
outlay_line_phasing_new (OutlayPhasingMethod method, const OutlayDecimal *weights, guint n_weights);
OutlayLinePhasing *outlay_line_phasing_copy (const OutlayLinePhasing *self);
void outlay_line_phasing_free (OutlayLinePhasing *self);
gboolean outlay_line_phasing_equal (const OutlayLinePhasing *a, const OutlayLinePhasing *b);
void outlay_line_phasing_set_actuals (OutlayLinePhasing *self,
                                      const OutlayDecimal *actuals,
                                      guint n_actuals);
void outlay_line_phasing_set_source (OutlayLinePhasing *self, const char *source);
/* Stored form: the raw ten-thousandths separated by spaces ("833333 0 12"). */
char *outlay_decimals_to_text (const OutlayDecimal *values, guint n);
gboolean outlay_decimals_from_text (const char *text, OutlayDecimal **values, guint *n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayLinePhasing, outlay_line_phasing_free)

/**
 * OutlayPeriodSettings:
 * @kind: months or quarters
 * @run_rate_periods: how many closed periods the run-rate forecast averages
 * @methods: (element-type OutlaySection guint): each section's forecast
 *   method, stored as method + 1; a section not in it uses
 *   %OUTLAY_FORECAST_METHOD_REMAINING
 */
typedef struct
{
  OutlayPeriodKind kind;
  guint run_rate_periods;
  GHashTable *methods;
} OutlayPeriodSettings;

void outlay_period_settings_init (OutlayPeriodSettings *self);
void outlay_period_settings_copy (OutlayPeriodSettings *dest, const OutlayPeriodSettings *src);
void outlay_period_settings_clear (OutlayPeriodSettings *self);

/**
 * OutlaySnapshotValue:
 * @section_id: the section, 0 for the budget as a whole
 * @period: the period's index (0 for the first)
 * @amount: the actual (a closed period) or the forecast (an open one)
 */
typedef struct
{
  gint64 section_id;
  guint period;
  OutlayDecimal amount;
} OutlaySnapshotValue;

/**
 * OutlayForecastSnapshot:
 * @id: its row, 0 until stored
 * @closed: periods closed once it was taken (it closed period @closed − 1)
 * @period: the closed period's name ("2025-03")
 * @created: when, Unix time
 * @values: (element-type OutlaySnapshotValue): actuals up to the closed
 *   period and the forecast after it, per section and for the budget
 *
 * What the rolling forecast said when a period was closed; never changed.
 */
typedef struct
{
  gint64 id;
  guint closed;
  char *period;
  gint64 created;
  GArray *values;
} OutlayForecastSnapshot;

OutlayForecastSnapshot *outlay_forecast_snapshot_new (guint closed, const char *period);
void outlay_forecast_snapshot_free (OutlayForecastSnapshot *self);
void outlay_forecast_snapshot_add (OutlayForecastSnapshot *self,
                                   gint64 section_id,
                                   guint period,
                                   OutlayDecimal amount);
gboolean outlay_forecast_snapshot_lookup (const OutlayForecastSnapshot *self,
                                          gint64 section_id,
                                          guint period,
                                          OutlayDecimal *amount);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayForecastSnapshot, outlay_forecast_snapshot_free)

G_END_DECLS
