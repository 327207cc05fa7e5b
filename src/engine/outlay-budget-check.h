/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "outlay-document.h"

G_BEGIN_DECLS

/**
 * OutlayAvailability:
 * @budgeted: what is held against: a line's or section's estimate, the
 *   budget's allocation where one is set (else its estimate); with the
 *   accumulated basis, the part of it phased up to the period
 * @actual: spent and invoiced
 * @committed: ordered, not yet invoiced
 * @reserved: requested, not yet ordered
 * @available: @budgeted − @actual − @committed − @reserved
 */
typedef struct
{
  OutlayDecimal budgeted;
  OutlayDecimal actual;
  OutlayDecimal committed;
  OutlayDecimal reserved;
  OutlayDecimal available;
} OutlayAvailability;

/**
 * OutlayCheckDecision:
 * @OUTLAY_CHECK_APPROVE: within budget, at or under the auto-approval
 *   threshold
 * @OUTLAY_CHECK_NEEDS_APPROVAL: within budget but over the threshold, or
 *   over budget on a budget that warns
 * @OUTLAY_CHECK_REFUSED: over budget on a budget that stops overruns
 */
typedef enum
{
  OUTLAY_CHECK_APPROVE,
  OUTLAY_CHECK_NEEDS_APPROVAL,
  OUTLAY_CHECK_REFUSED,
} OutlayCheckDecision;

/**
 * OutlayCheck:
 * @decision: the answer
 * @scope: the line, section or budget asked about
 * @budget: the budget as a whole (a purchase must fit both)
 * @amount: the amount asked for
 * @threshold: the budget's auto-approval threshold
 * @utilization_after: @scope's actual + committed + reserved + @amount as
 *   a percentage of its budgeted amount; meaningful when @has_utilization
 * @has_utilization: %FALSE when nothing is budgeted
 * @within_budget: @amount fits what is available (on the scope and on
 *   the budget)
 * @can_auto_approve: @within_budget and @amount at or under @threshold
 * @phased: the accumulated-to-date basis was used
 * @from_allocation: the budget's figure is its allocation, not its estimate
 * @scope_name: "line A-12 “Camera”", "section A “Pre-production”", "the budget"
 * @period: the period asked about ("2026-03"), or %NULL
 * @reason: one sentence saying why
 */
typedef struct
{
  OutlayCheckDecision decision;
  OutlayAvailability scope;
  OutlayAvailability budget;
  OutlayDecimal amount;
  OutlayDecimal threshold;
  OutlayDecimal utilization_after;
  gboolean has_utilization;
  gboolean within_budget;
  gboolean can_auto_approve;
  gboolean phased;
  gboolean from_allocation;
  char *scope_name;
  char *period;
  char *reason;
} OutlayCheck;

void outlay_availability_of_line (OutlayLine *line, OutlayAvailability *out);
void outlay_availability_of_section (OutlaySection *section, OutlayAvailability *out);
void outlay_availability_of_budget (OutlayDocument *document, OutlayAvailability *out);

gboolean outlay_budget_check (OutlayDocument *document,
                              OutlaySection *section,
                              OutlayLine *line,
                              const char *period,
                              OutlayDecimal amount,
                              OutlayCheck *out,
                              GError **error);
void outlay_check_clear (OutlayCheck *check);
const char *outlay_check_decision_to_string (OutlayCheckDecision decision);
const char *outlay_check_decision_title (OutlayCheckDecision decision);

gboolean outlay_period_month_index (OutlayBudget *budget,
                                    const char *period,
                                    guint *index,
                                    guint *n_months,
                                    GError **error);

G_END_DECLS
