/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "outlay-decimal.h"
#include "outlay-model-enums.h"

G_BEGIN_DECLS

#define OUTLAY_TYPE_BUDGET (outlay_budget_get_type ())

G_DECLARE_FINAL_TYPE (OutlayBudget, outlay_budget, OUTLAY, BUDGET, GObject)

OutlayBudget       *outlay_budget_new                    (const char   *name);
OutlayBudget       *outlay_budget_copy                   (OutlayBudget *self);
gint64              outlay_budget_get_id                 (OutlayBudget *self);
void                outlay_budget_set_id                 (OutlayBudget *self,
                                                          gint64        id);
const char         *outlay_budget_get_name               (OutlayBudget *self);
const char         *outlay_budget_get_client             (OutlayBudget *self);
OutlayBudgetKind    outlay_budget_get_kind               (OutlayBudget *self);
const char         *outlay_budget_get_currency           (OutlayBudget *self);
OutlayDecimal       outlay_budget_get_allocated          (OutlayBudget *self);
OutlayDecimal       outlay_budget_get_allocated_hours    (OutlayBudget *self);
OutlayDecimal       outlay_budget_get_warning_threshold  (OutlayBudget *self);
OutlayDecimal       outlay_budget_get_critical_threshold (OutlayBudget *self);
OutlayBudgetStatus  outlay_budget_get_status             (OutlayBudget *self);
const char         *outlay_budget_get_fiscal_start       (OutlayBudget *self);
const char         *outlay_budget_get_fiscal_end         (OutlayBudget *self);
OutlayDecimal       outlay_budget_get_expected_value     (OutlayBudget *self);
OutlayDecimal       outlay_budget_get_realized_value     (OutlayBudget *self);
gboolean            outlay_budget_get_ai_analysis        (OutlayBudget *self);
gint64              outlay_budget_get_created            (OutlayBudget *self);
gint64              outlay_budget_get_modified           (OutlayBudget *self);
void                outlay_budget_set_modified           (OutlayBudget *self,
                                                          gint64        modified);

/* AICP top sheet markups (percentages, 12.5 for 12.5 %) and contingency */
OutlayDecimal       outlay_budget_get_markup_percent         (OutlayBudget *self);
OutlayDecimal       outlay_budget_get_contingency            (OutlayBudget *self);
OutlayDecimal       outlay_budget_get_insurance_percent      (OutlayBudget *self);
OutlayDecimal       outlay_budget_get_production_fee_percent (OutlayBudget *self);
OutlayDecimal       outlay_budget_get_handling_fee_percent   (OutlayBudget *self);

/* The header block of a bid; "" when not set */
const char         *outlay_budget_get_production_company     (OutlayBudget *self);
const char         *outlay_budget_get_agency                 (OutlayBudget *self);
const char         *outlay_budget_get_job_number             (OutlayBudget *self);
const char         *outlay_budget_get_bid_date               (OutlayBudget *self);
const char         *outlay_budget_get_shoot_dates            (OutlayBudget *self);
const char         *outlay_budget_get_director               (OutlayBudget *self);
const char         *outlay_budget_get_producer               (OutlayBudget *self);
const char         *outlay_budget_get_comments               (OutlayBudget *self);

/* Money control: the budget check's rules */
OutlayDecimal outlay_budget_get_auto_approval_threshold (OutlayBudget *self);
OutlayOverrunPolicy outlay_budget_get_overrun_policy (OutlayBudget *self);
OutlayCheckBasis outlay_budget_get_check_basis (OutlayBudget *self);

G_END_DECLS
