/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document.h"
#include "outlay-forecast.h"
#include "outlay-recommendation.h"

G_BEGIN_DECLS

/**
 * OutlayRatePatterns:
 *
 * What the same role costs across budgets: for each description and unit
 * ("Gaffer", "day"), each budget's median rate, so one budget with many
 * such lines counts once.
 */
typedef struct _OutlayRatePatterns OutlayRatePatterns;

OutlayRatePatterns *outlay_rate_patterns_new (void);
void outlay_rate_patterns_free (OutlayRatePatterns *self);
void outlay_rate_patterns_add (OutlayRatePatterns *self,
                               gint64 budget_id,
                               const char *description,
                               const char *unit,
                               OutlayDecimal rate);
gboolean outlay_rate_patterns_lookup (OutlayRatePatterns *self,
                                      const char *description,
                                      const char *unit,
                                      gint64 excluding_budget,
                                      OutlayDecimal *typical,
                                      guint *n_budgets);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutlayRatePatterns, outlay_rate_patterns_free)

/**
 * OutlayRulesContext:
 * @today: the Julian day the rules look from
 * @end_day: the Julian day the budget's work ends (fiscal end), or 0
 * @start_day: the Julian day it started (fiscal start), or 0
 * @patterns: (nullable): rates across the other budgets, for the rate rule
 * @spend: (array length=n_spend) (nullable): dated spend, for the burn rule
 * @n_spend: the number of @spend
 * @burn_window_days: the days the burn rate is measured over (0: 30)
 *
 * What the rules need besides the budget itself.
 */
typedef struct
{
  guint32 today;
  guint32 start_day;
  guint32 end_day;
  OutlayRatePatterns *patterns;
  const OutlaySpend *spend;
  guint n_spend;
  guint burn_window_days;
} OutlayRulesContext;

/* Rate rule: a rate this much above the typical one is worth a look, when
 * at least this many other budgets say what is typical. */
#define OUTLAY_RULES_RATE_MARGIN_PERCENT 25
#define OUTLAY_RULES_RATE_MIN_BUDGETS 3

GPtrArray *outlay_rules_run (OutlayDocument *document, const OutlayRulesContext *context);

guint32 outlay_rules_parse_day (const char *iso_date);
GArray *outlay_rules_dated_spend (OutlayDocument *document);
void outlay_rules_context_init (OutlayRulesContext *context,
                                OutlayDocument *document,
                                guint32 today,
                                GArray *spend);

G_END_DECLS
