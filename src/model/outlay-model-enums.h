/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  OUTLAY_BUDGET_KIND_AICP,
  OUTLAY_BUDGET_KIND_PROJECT,
  OUTLAY_BUDGET_KIND_DEPARTMENT,
  OUTLAY_BUDGET_KIND_SALES,
  OUTLAY_BUDGET_KIND_HOUSEHOLD,
  OUTLAY_BUDGET_KIND_EVENT,
} OutlayBudgetKind;

/* Draft → submitted → approved → locked.  A locked budget refuses edits. */
typedef enum
{
  OUTLAY_BUDGET_STATUS_DRAFT,
  OUTLAY_BUDGET_STATUS_SUBMITTED,
  OUTLAY_BUDGET_STATUS_APPROVED,
  OUTLAY_BUDGET_STATUS_LOCKED,
} OutlayBudgetStatus;

typedef enum
{
  OUTLAY_TASK_STATUS_TODO,
  OUTLAY_TASK_STATUS_IN_PROGRESS,
  OUTLAY_TASK_STATUS_DONE,
  OUTLAY_TASK_STATUS_CANCELLED,
} OutlayTaskStatus;

typedef enum
{
  OUTLAY_ENTRY_SOURCE_MANUAL,
  OUTLAY_ENTRY_SOURCE_CLICKUP,
  OUTLAY_ENTRY_SOURCE_IMPORT,
} OutlayEntrySource;

typedef enum
{
  OUTLAY_RECOMMENDATION_STATUS_NEW,
  OUTLAY_RECOMMENDATION_STATUS_ACCEPTED,
  OUTLAY_RECOMMENDATION_STATUS_REJECTED,
  OUTLAY_RECOMMENDATION_STATUS_IMPLEMENTED,
} OutlayRecommendationStatus;

typedef enum
{
  OUTLAY_RECOMMENDATION_SOURCE_RULES,
  OUTLAY_RECOMMENDATION_SOURCE_GEMINI,
} OutlayRecommendationSource;

typedef enum
{
  OUTLAY_PRIORITY_LOW,
  OUTLAY_PRIORITY_MEDIUM,
  OUTLAY_PRIORITY_HIGH,
  OUTLAY_PRIORITY_CRITICAL,
} OutlayPriority;

/* Requested reserves budget; approved/ordered commits it; invoiced and
 * paid turn into actual cost; closed releases what was not invoiced;
 * rejected and cancelled hold nothing. */
typedef enum
{
  OUTLAY_COMMITMENT_STATUS_REQUESTED,
  OUTLAY_COMMITMENT_STATUS_APPROVED,
  OUTLAY_COMMITMENT_STATUS_ORDERED,
  OUTLAY_COMMITMENT_STATUS_INVOICED,
  OUTLAY_COMMITMENT_STATUS_PAID,
  OUTLAY_COMMITMENT_STATUS_REJECTED,
  OUTLAY_COMMITMENT_STATUS_CANCELLED,
  OUTLAY_COMMITMENT_STATUS_CLOSED,
} OutlayCommitmentStatus;

/* What the budget check does when a commitment would overrun. */
typedef enum
{
  OUTLAY_OVERRUN_POLICY_STOP,
  OUTLAY_OVERRUN_POLICY_WARN,
  OUTLAY_OVERRUN_POLICY_IGNORE,
} OutlayOverrunPolicy;

/* What the budget check holds spending against: the whole year's budget,
 * or the part of it phased up to the period asked about. */
typedef enum
{
  OUTLAY_CHECK_BASIS_ANNUAL,
  OUTLAY_CHECK_BASIS_ACCUMULATED,
} OutlayCheckBasis;

/* How a line's estimate is spread over the budget's periods. */
typedef enum
{
  OUTLAY_PHASING_METHOD_EVEN,
  OUTLAY_PHASING_METHOD_PERCENT,
  OUTLAY_PHASING_METHOD_AMOUNTS,
  OUTLAY_PHASING_METHOD_LAST_YEAR,
} OutlayPhasingMethod;

/* The budget's periods between its fiscal start and end. */
typedef enum
{
  OUTLAY_PERIOD_KIND_MONTH,
  OUTLAY_PERIOD_KIND_QUARTER,
} OutlayPeriodKind;

/* How a section's open periods are forecast: from what is left of its
 * phased budget, the run rate of the last closed periods, or the
 * commitments scheduled in them. */
typedef enum
{
  OUTLAY_FORECAST_METHOD_REMAINING,
  OUTLAY_FORECAST_METHOD_RUN_RATE,
  OUTLAY_FORECAST_METHOD_COMMITMENTS,
} OutlayForecastMethod;

typedef enum
{
  OUTLAY_BILL_STATUS_DUE,
  OUTLAY_BILL_STATUS_PAID,
  OUTLAY_BILL_STATUS_SKIPPED,
} OutlayBillStatus;

typedef enum
{
  OUTLAY_ACCOUNT_KIND_CHECKING,
  OUTLAY_ACCOUNT_KIND_SAVINGS,
  OUTLAY_ACCOUNT_KIND_CREDIT_CARD,
  OUTLAY_ACCOUNT_KIND_CASH,
} OutlayAccountKind;

typedef enum
{
  OUTLAY_IMPORT_STATUS_RUNNING,
  OUTLAY_IMPORT_STATUS_DONE,
  OUTLAY_IMPORT_STATUS_FAILED,
  OUTLAY_IMPORT_STATUS_UNDONE,
} OutlayImportStatus;

const char *outlay_budget_kind_to_string   (OutlayBudgetKind    kind);
gboolean    outlay_budget_kind_from_string (const char         *text,
                                            OutlayBudgetKind   *kind);
const char *outlay_budget_kind_title       (OutlayBudgetKind    kind);
const char *outlay_budget_status_to_string (OutlayBudgetStatus  status);
const char *outlay_budget_status_title     (OutlayBudgetStatus  status);
const char *outlay_commitment_status_to_string (OutlayCommitmentStatus status);
gboolean outlay_commitment_status_from_string (const char *text, OutlayCommitmentStatus *status);
const char *outlay_commitment_status_title (OutlayCommitmentStatus status);

/* The nick of @value in the registered enum @type ("in-progress"), or
 * @fallback when it has none; and back. */
const char *outlay_enum_to_nick (GType type, int value, const char *fallback);
int outlay_enum_from_nick (GType type, const char *nick, int fallback);

G_END_DECLS
